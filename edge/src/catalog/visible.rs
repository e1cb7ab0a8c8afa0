//! What the public may see, said once: every public read (the catalog and the page the
//! Worker writes, an offering, a facilitator's, partner's or network's page, the archive, the
//! calendar feeds, an edition's registration form, registering) builds its SQL condition here.
//!
//! - Offerings, editions, facilitators and partners are public only when `published`. A
//!   `draft` is not yet public; an `archived` row is withdrawn by its network but kept for the
//!   record (its registrations, its history): neither is shown, cached or fed, and an address
//!   naming one answers 404 as if it did not exist.
//! - An edition is public only when its offering is too, and when it is not for its
//!   network's community's members only. Members see and register for those through their
//!   link (`edition_for_member`).
//! - A library resource is public only once published, and when it is not for its
//!   network's community's members only. Members read their network's members-only ones;
//!   participants read those linked to their edition (a meeting's summary sheet).
//! - A cancelled session stays in the calendar feeds (`STATUS:CANCELLED`, same UID, so a
//!   subscribed calendar strikes it out) and is left out of every page.
//!
//! The state names come from the domain's `PublicationState` (the migration's `CHECK`), never
//! from input.

use relais_domain::authoring::PublicationState;
use relais_domain::community::Standing;
use relais_domain::library::Visibility;

/// The states the public sees, as an SQL list (`'published'`).
fn public_states() -> String {
    PublicationState::ALL
        .into_iter()
        .filter(|s| s.is_public())
        .map(|s| format!("'{}'", s.as_str()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// An offering, edition, person, partner or library resource aliased `alias` that the public may see.
pub fn published(alias: &str) -> String {
    format!("{alias}.state IN ({})", public_states())
}

/// An edition aliased `alias` that is for everyone once published: not for a community's
/// members only. Its offering is checked apart (`edition_shown`), or already was.
pub fn edition_public(alias: &str) -> String {
    format!(
        "{} AND {alias}.visibility = '{}'",
        published(alias),
        Visibility::Public.as_str()
    )
}

/// An edition aliased `edition` that the public may see, its offering joined as `offering`.
pub fn edition_shown(edition: &str, offering: &str) -> String {
    format!("{} AND {}", edition_public(edition), published(offering))
}

/// An edition aliased `edition` that the public may see, for statements that do not join its
/// offering.
pub fn edition_shown_alone(edition: &str) -> String {
    format!(
        "{} AND EXISTS (SELECT 1 FROM offering shown_o WHERE shown_o.id = {edition}.offering_id AND {})",
        edition_public(edition),
        published("shown_o")
    )
}

/// The network whose community counts as a member the person whose link's digest is bound
/// at `token` (no row before the coordinators' yes, nor after leaving).
fn members_network(token: &str) -> String {
    format!(
        "(SELECT vm.network_id FROM community_token vt \
           JOIN community_member vm ON vm.id = vt.member_id \
           WHERE vt.token_hash = {token} AND vm.standing = '{}')",
        Standing::Member.as_str()
    )
}

/// A published members-only edition aliased `edition`, of a published offering of the
/// network whose community counts as a member the person whose link's digest is bound at
/// `token`.
pub fn edition_members_only(edition: &str, token: &str) -> String {
    format!(
        "{published} AND {edition}.visibility = '{members}' \
         AND EXISTS (SELECT 1 FROM offering mo WHERE mo.id = {edition}.offering_id AND {offering} \
           AND mo.network_id = {network})",
        published = published(edition),
        members = Visibility::Members.as_str(),
        offering = published("mo"),
        network = members_network(token),
    )
}

/// An edition aliased `edition` that the person whose community link's digest is bound at
/// `token` may see and register for: what the public may, and their network's members-only
/// ones while a member.
pub fn edition_for_member(edition: &str, token: &str) -> String {
    format!(
        "(({}) OR ({}))",
        edition_shown_alone(edition),
        edition_members_only(edition, token)
    )
}

/// An edition anyone may see whose offering's people register on behalf of an organisation,
/// read through the link of an organisation whose digest is bound at `token`.
pub fn edition_for_organisation(edition: &str, token: &str) -> String {
    format!(
        "{} AND EXISTS (SELECT 1 FROM offering behalf_o WHERE behalf_o.id = {edition}.offering_id \
           AND behalf_o.on_behalf = 1) \
         AND EXISTS (SELECT 1 FROM organisation_token behalf_t WHERE behalf_t.token_hash = {token})",
        edition_shown_alone(edition)
    )
}

/// The id of the organisation whose link's digest is bound at `token` (none for another
/// link), and its name: what a registration through that link is tied to.
pub fn organisation_of(token: &str) -> [String; 2] {
    ["g.id", "g.name"].map(|column| {
        format!(
            "(SELECT {column} FROM organisation_token gt JOIN organisation g ON g.id = gt.organisation_id \
               WHERE gt.token_hash = {token})"
        )
    })
}

/// Who asks for an edition's form or registers for it: anyone; a community member through
/// their private link (its digest), who may also take their network's members-only editions;
/// or an organisation through its own link (its digest), for the editions whose people
/// register on behalf of an organisation, the registration then tied to it.
#[derive(Clone, Copy)]
pub enum EditionReader<'a> {
    Public,
    Member(&'a str),
    Organisation(&'a str),
}

impl<'a> EditionReader<'a> {
    /// The condition on the edition aliased `alias`; a link's digest is bound at `token`.
    pub fn condition(self, alias: &str, token: &str) -> String {
        match self {
            EditionReader::Public => edition_shown_alone(alias),
            EditionReader::Member(_) => edition_for_member(alias, token),
            EditionReader::Organisation(_) => edition_for_organisation(alias, token),
        }
    }

    /// The link's digest to bind, if any.
    pub fn token(self) -> Option<&'a str> {
        match self {
            EditionReader::Public => None,
            EditionReader::Member(digest) | EditionReader::Organisation(digest) => Some(digest),
        }
    }

    /// The organisation's id and name (SQL expressions, `NULL` for other readers), with its
    /// digest bound at `token`.
    pub fn organisation(self, token: &str) -> [String; 2] {
        match self {
            EditionReader::Organisation(_) => organisation_of(token),
            _ => ["NULL".to_owned(), "NULL".to_owned()],
        }
    }
}

/// A library resource aliased `alias` that the public may read.
pub fn resource_public(alias: &str) -> String {
    format!(
        "{} AND {alias}.visibility = '{}'",
        published(alias),
        Visibility::Public.as_str()
    )
}

/// A published members-only resource aliased `alias` of the network whose community counts
/// as a member the person whose link's digest is bound at `token`.
pub fn resource_members_only(alias: &str, token: &str) -> String {
    format!(
        "{published} AND {alias}.visibility = '{members}' AND {alias}.network_id = {network}",
        published = published(alias),
        members = Visibility::Members.as_str(),
        network = members_network(token),
    )
}

/// A resource aliased `alias` that the person whose link's digest is bound at `token` may
/// read: what the public may, and their network's members-only resources once a member.
pub fn resource_for_member(alias: &str, token: &str) -> String {
    format!(
        "(({}) OR ({}))",
        resource_public(alias),
        resource_members_only(alias, token)
    )
}

/// A published resource aliased `alias` linked to the edition of the registration whose id
/// is bound at `registration` (found from its manage link), while that registration holds a
/// place there: a meeting's summary sheet goes to the meeting's participants, members-only
/// or not.
pub fn resource_for_participant(alias: &str, registration: &str) -> String {
    format!(
        "{} AND {alias}.id IN (SELECT vl.resource_id \
           FROM resource_link vl JOIN registration vr ON vr.edition_id = vl.edition_id \
           WHERE vr.id = {registration} AND {})",
        published(alias),
        crate::registration::transitions::holds_place("vr")
    )
}

/// A session aliased `alias` that pages show: not cancelled (feeds show every session).
pub fn session_shown(alias: &str) -> String {
    format!("{alias}.cancelled_at IS NULL")
}

#[cfg(test)]
mod tests;
