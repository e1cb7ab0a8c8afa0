//! Authoring the catalog: what a network writes from its dashboard — drafts of offerings,
//! editions, sessions, facilitators and partners —, the rules a draft and a publication
//! pass, how complete the writing is, the next cohort of an edition, and which changes of a
//! session people must hear of.
//!
//! The edge API and the demo loader call the same functions: one validation, not two.
//! Drafts travel as JSON between the dashboard and the Worker; every field has a default,
//! so a missing one is refused by name (`(field, code)` pairs, message `field-<code>`) rather
//! than failing the whole body.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::catalog::{instant, Format, OfferingKind, RegistrationMode};
use crate::library::{Kind, Visibility};
use crate::registration::Question;
use crate::{Lang, Localized};

mod change;
mod check;

pub use crate::registration::Refusal;
#[cfg(feature = "tz")]
pub use change::duplicate_edition;
pub use change::{private_details_changed, session_change, weeks_to_reach, Changes, SessionChange};
pub(crate) use check::is_language_tag;
pub use check::{
    network_completeness, Completeness, MAX_AUDIENCE, MAX_BIO, MAX_CAPACITY,
    MAX_CONFIRM_WITHIN_HOURS, MAX_COST_NOTE, MAX_DESCRIPTION, MAX_FEE_CENTS, MAX_LABEL,
    MAX_LOCATION, MAX_NAME, MAX_PRIVATE_DETAILS, MAX_QUESTIONS, MAX_ROLE, MAX_SESSIONS,
    MAX_SUMMARY, MAX_TITLE, MAX_URL, REFUSAL_CODES,
};

/// Where an authored row stands: a draft is invisible to the public, its caches and its
/// feeds; an archived row stays for the record. The names are the migration's `CHECK`'s.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PublicationState {
    #[default]
    Draft,
    Published,
    Archived,
}

impl PublicationState {
    pub const ALL: [PublicationState; 3] = [
        PublicationState::Draft,
        PublicationState::Published,
        PublicationState::Archived,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            PublicationState::Draft => "draft",
            PublicationState::Published => "published",
            PublicationState::Archived => "archived",
        }
    }

    pub fn parse(s: &str) -> Option<PublicationState> {
        PublicationState::ALL.into_iter().find(|p| p.as_str() == s)
    }

    /// Whether readers see it.
    pub fn is_public(self) -> bool {
        self == PublicationState::Published
    }

    /// The state `action` leads to from this one, if the action is allowed here.
    /// Publishing also needs the item's `check_publish` to pass: that is the caller's
    /// second step, since it reads the item, not its state.
    pub fn apply(self, action: PublicationAction) -> Option<PublicationState> {
        use PublicationAction as A;
        use PublicationState as S;
        match (self, action) {
            (S::Draft, A::Publish) => Some(S::Published),
            (S::Published, A::Unpublish) => Some(S::Draft),
            (S::Draft | S::Published, A::Archive) => Some(S::Archived),
            // An archived row comes back as a draft, to be read again before it is published.
            (S::Archived, A::Restore) => Some(S::Draft),
            _ => None,
        }
    }
}

/// What a coordinator does to a row's publication.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PublicationAction {
    Publish,
    /// Back to draft: out of the public catalog, kept as it is.
    Unpublish,
    Archive,
    /// An archived row back to draft.
    Restore,
}

impl PublicationAction {
    pub const ALL: [PublicationAction; 4] = [
        PublicationAction::Publish,
        PublicationAction::Unpublish,
        PublicationAction::Archive,
        PublicationAction::Restore,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            PublicationAction::Publish => "publish",
            PublicationAction::Unpublish => "unpublish",
            PublicationAction::Archive => "archive",
            PublicationAction::Restore => "restore",
        }
    }

    pub fn parse(s: &str) -> Option<PublicationAction> {
        PublicationAction::ALL.into_iter().find(|a| a.as_str() == s)
    }
}

/// Whether an edition may be deleted rather than archived: only while nobody registered.
/// A registration's history and messages refer to its edition, and people keep their
/// manage links, so an edition with registrations is archived, never deleted.
pub fn may_delete(has_registrations: bool) -> bool {
    !has_registrations
}

/// An offering as its network writes it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct OfferingDraft {
    /// Changed through `PublicationState::apply`, not by editing.
    pub state: PublicationState,
    pub kind: Option<OfferingKind>,
    pub format: Option<Format>,
    /// Ids from `catalog::TOPICS`.
    pub topics: Vec<String>,
    /// The languages it is delivered in, from `catalog::DELIVERY_LANGUAGES` (the catalog
    /// filters on them, each with its `lang-<code>` message). An edition says which
    /// languages it is taught in, any language (`EditionDraft::instruction_languages`).
    pub languages: Vec<String>,
    pub title: Localized,
    pub summary: Localized,
    pub description: Localized,
    pub audience: Localized,
    /// How the offering's cost works in general; an edition's `Cost` says what one run costs.
    pub cost: Localized,
    pub partner_id: Option<String>,
    pub facilitators: Vec<FacilitatorDraft>,
    /// Text fields whose one text is served to every language (see `same_fields`).
    pub same_in_every_language: BTreeSet<String>,
    /// People register on behalf of an organisation (a structure), whose name the
    /// registration form then requires (`registration::validate`).
    pub on_behalf: bool,
}

/// A facilitator of an offering: a person, and what they do in it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct FacilitatorDraft {
    pub person_id: String,
    pub role: Localized,
}

/// A run of an offering that people register for as a whole.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EditionDraft {
    pub state: PublicationState,
    /// Optional: the offering's title stands in.
    pub title: Localized,
    pub registration_mode: Option<RegistrationMode>,
    /// Where to register, for an external registration.
    pub registration_url: Option<String>,
    /// Places in total; `None` when unlimited. Signed, so that 0 or -1 is refused by name.
    pub capacity: Option<i64>,
    /// `None`: the offering's (the API fills it in before storing).
    pub format: Option<Format>,
    #[serde(with = "instant::option", skip_serializing_if = "Option::is_none")]
    pub registration_opens_at: Option<DateTime<Utc>>,
    #[serde(with = "instant::option", skip_serializing_if = "Option::is_none")]
    pub registration_closes_at: Option<DateTime<Utc>>,
    /// What an application asks; at most one priority question.
    pub questions: Vec<Question>,
    /// Meeting links, an exact address: shown only to people with a place.
    pub private_details: Localized,
    pub location: Localized,
    /// An edition given in one interface language: its texts need only that language, and
    /// the other language's readers see a marker, never an empty field.
    pub written_in: Option<Lang>,
    /// The languages it is taught in: BCP 47 tags, any language (`fr`, `en`, `wo`,
    /// `pt-BR`); one at least to publish. A session may say otherwise.
    pub instruction_languages: Vec<String>,
    pub cost: Option<Cost>,
    /// How long a held place waits for its person's confirmation.
    pub confirm_within_hours: Option<i64>,
    pub same_in_every_language: BTreeSet<String>,
    /// Everyone's, or for its network's community's members only (a community of practice's
    /// own meetings): those are listed on a member's link and taken through it, and no
    /// public page, feed or form shows them.
    pub visibility: Visibility,
}

/// Who pays what for an edition.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cost {
    pub kind: CostKind,
    /// The fee, in the currency's smallest unit (500000 for €5,000), for the fee kinds only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fee_cents: Option<i64>,
    /// ISO 4217, upper case (`EUR`, `CAD`), for the fee kinds only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fee_currency: Option<String>,
    /// What the kind does not say (meals included, who may ask for a bursary).
    #[serde(default)]
    pub note: Localized,
}

impl Cost {
    pub fn free() -> Cost {
        Cost {
            kind: CostKind::Free,
            fee_cents: None,
            fee_currency: None,
            note: Localized::default(),
        }
    }
}

/// The names are the migration's `CHECK`'s on `edition.cost_kind`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CostKind {
    Free,
    /// Free, but travel and lodging are paid by the participants.
    FreeTravelPaid,
    Fee,
    /// A fee, with bursaries for people who could not pay it.
    FeeWithBursary,
}

impl CostKind {
    pub const ALL: [CostKind; 4] = [
        CostKind::Free,
        CostKind::FreeTravelPaid,
        CostKind::Fee,
        CostKind::FeeWithBursary,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            CostKind::Free => "free",
            CostKind::FreeTravelPaid => "free_travel_paid",
            CostKind::Fee => "fee",
            CostKind::FeeWithBursary => "fee_with_bursary",
        }
    }

    pub fn parse(s: &str) -> Option<CostKind> {
        CostKind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// Whether the kind has an amount.
    pub fn has_fee(self) -> bool {
        matches!(self, CostKind::Fee | CostKind::FeeWithBursary)
    }
}

/// One sitting of an edition.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SessionDraft {
    pub title: Localized,
    #[serde(with = "instant::option", skip_serializing_if = "Option::is_none")]
    pub starts_at: Option<DateTime<Utc>>,
    #[serde(with = "instant::option", skip_serializing_if = "Option::is_none")]
    pub ends_at: Option<DateTime<Utc>>,
    /// The organiser's IANA zone: the wall clock the session is planned on.
    pub zone: String,
    /// Where, when it is not the edition's place (a room, another address, a link).
    pub location: Localized,
    /// `None`: the edition's instruction languages.
    pub instruction_languages: Option<Vec<String>>,
    /// A cancelled session stays, marked (the calendar's `STATUS:CANCELLED`); the edge
    /// keeps when (`cancelled_at`).
    pub cancelled: bool,
    pub same_in_every_language: BTreeSet<String>,
}

/// A facilitator's public profile.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PersonDraft {
    pub state: PublicationState,
    /// A name is a name: the same in every language.
    pub name: String,
    pub bio: Localized,
    pub same_in_every_language: BTreeSet<String>,
}

/// An organisation behind offerings.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PartnerDraft {
    pub state: PublicationState,
    pub name: String,
    pub description: Localized,
    pub url: Option<String>,
    pub same_in_every_language: BTreeSet<String>,
}

/// A library resource as its network's librarians write it, in each language it is actually
/// available in (those with a title): `original` is the language it was written in, and
/// every other language is a translation, its translator credited.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ResourceDraft {
    pub state: PublicationState,
    pub kind: Option<Kind>,
    pub visibility: Visibility,
    /// The catalog's topics.
    pub topics: Vec<String>,
    /// A language code; its text is not a translation.
    pub original: Option<String>,
    pub title: Localized,
    pub summary: Localized,
    pub body: Localized,
    /// Per translated language: who translated it.
    pub translator: Localized,
    /// Where it comes from (an organisation, a book), and under which licence.
    pub source: Option<String>,
    pub licence: Option<String>,
    /// Where the resource itself is, as a link.
    pub url: Option<String>,
    /// Its attached file, as stored: uploaded and removed on its own route, so a saved draft
    /// never changes it.
    pub file: Option<crate::library::file::ResourceFile>,
    /// The network's offerings it goes with (shown on their pages), by id.
    pub offerings: Vec<String>,
    /// The network's editions it goes with (a meeting's summary sheet goes to the meeting's
    /// participants), by id.
    pub editions: Vec<String>,
}

impl ResourceDraft {
    /// The languages it is available in: those with a title.
    pub fn languages(&self) -> impl Iterator<Item = &str> {
        self.title
            .0
            .iter()
            .filter(|(_, t)| crate::registration::has_visible(t))
            .map(|(code, _)| code.as_str())
    }
}

/// A network as its administrators describe it (the demo loader's, and the site
/// administrators' page). Networks are not published or archived: they own what is.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct NetworkDraft {
    pub name: String,
    pub description: Localized,
    pub url: Option<String>,
    pub same_in_every_language: BTreeSet<String>,
}

/// The localized fields each kind of draft may mark "same in every language".
pub mod same_fields {
    pub const OFFERING: &[&str] = &["title", "summary", "description", "audience", "cost"];
    pub const EDITION: &[&str] = &["title", "location", "private_details", "cost.note"];
    pub const SESSION: &[&str] = &["title", "location"];
    pub const PERSON: &[&str] = &["bio"];
    pub const PARTNER: &[&str] = &["description"];
    pub const NETWORK: &[&str] = &["description"];
}

/// `text` as it is served when it is the same in every language: its one text under every
/// interface language. Storage keeps it so (the migration: "such a field holds the same
/// text under every language"), so readers never see a "not translated" marker for it.
pub fn spread_same_text(text: &Localized) -> Localized {
    let one = Lang::all()
        .map(|l| l.code())
        .chain(text.0.keys().map(String::as_str))
        .find_map(|code| {
            text.0
                .get(code)
                .filter(|t| crate::registration::has_visible(t))
        });
    match one {
        Some(one) => Localized(
            Lang::all()
                .map(|l| (l.code().to_owned(), one.clone()))
                .collect(),
        ),
        None => text.clone(),
    }
}

/// Each of `fields` marked in `same` as its one text under every interface language.
fn spread_marked<const N: usize>(same: &BTreeSet<String>, fields: [(&str, &mut Localized); N]) {
    for (name, text) in fields {
        if same.contains(name) {
            *text = spread_same_text(text);
        }
    }
}

// Texts as they are stored and served: a field marked "same in every language" holds its one
// text under every interface language. The API and the loader call these before writing.
impl OfferingDraft {
    pub fn spread_same_texts(&mut self) {
        spread_marked(
            &self.same_in_every_language,
            [
                ("title", &mut self.title),
                ("summary", &mut self.summary),
                ("description", &mut self.description),
                ("audience", &mut self.audience),
                ("cost", &mut self.cost),
            ],
        );
    }
}

impl EditionDraft {
    pub fn spread_same_texts(&mut self) {
        let mut no_note = Localized::default();
        let note = self.cost.as_mut().map_or(&mut no_note, |c| &mut c.note);
        spread_marked(
            &self.same_in_every_language,
            [
                ("title", &mut self.title),
                ("location", &mut self.location),
                ("private_details", &mut self.private_details),
                ("cost.note", note),
            ],
        );
    }
}

impl EditionDraft {
    /// An edition that says no format is given in its offering's: the API fills it in
    /// before checking and storing it, so an edition always has one, and what publishing
    /// needs (a place for an in-person edition) follows the format it will be shown with.
    pub fn take_offering_format(&mut self, offering: Option<Format>) {
        if self.format.is_none() {
            self.format = offering;
        }
    }
}

impl SessionDraft {
    pub fn spread_same_texts(&mut self) {
        spread_marked(
            &self.same_in_every_language,
            [("title", &mut self.title), ("location", &mut self.location)],
        );
    }
}

impl PersonDraft {
    pub fn spread_same_texts(&mut self) {
        spread_marked(&self.same_in_every_language, [("bio", &mut self.bio)]);
    }
}

impl PartnerDraft {
    pub fn spread_same_texts(&mut self) {
        spread_marked(
            &self.same_in_every_language,
            [("description", &mut self.description)],
        );
    }
}

impl NetworkDraft {
    pub fn spread_same_texts(&mut self) {
        spread_marked(
            &self.same_in_every_language,
            [("description", &mut self.description)],
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_the_migrations() {
        let migration = include_str!("../../edge/migrations/0006_networks_and_authoring.sql");
        for s in PublicationState::ALL {
            assert_eq!(PublicationState::parse(s.as_str()), Some(s));
            assert!(migration.contains(&format!("'{}'", s.as_str())), "{s:?}");
            assert_eq!(serde_json::to_value(s).unwrap(), s.as_str());
        }
        for k in CostKind::ALL {
            assert_eq!(CostKind::parse(k.as_str()), Some(k));
            assert!(migration.contains(&format!("'{}'", k.as_str())), "{k:?}");
            assert_eq!(serde_json::to_value(k).unwrap(), k.as_str());
        }
        for a in PublicationAction::ALL {
            assert_eq!(PublicationAction::parse(a.as_str()), Some(a));
        }
        assert_eq!(PublicationState::parse("deleted"), None);
    }

    #[test]
    fn publication_moves_only_along_its_transitions() {
        use PublicationAction as A;
        use PublicationState as S;
        assert_eq!(S::Draft.apply(A::Publish), Some(S::Published));
        assert_eq!(S::Published.apply(A::Unpublish), Some(S::Draft));
        assert_eq!(S::Draft.apply(A::Archive), Some(S::Archived));
        assert_eq!(S::Published.apply(A::Archive), Some(S::Archived));
        assert_eq!(S::Archived.apply(A::Restore), Some(S::Draft));
        assert_eq!(S::Published.apply(A::Publish), None);
        assert_eq!(
            S::Archived.apply(A::Publish),
            None,
            "read again as a draft first"
        );
        assert_eq!(S::Draft.apply(A::Unpublish), None);
        assert_eq!(S::Archived.apply(A::Archive), None);
        assert!(S::Published.is_public() && !S::Draft.is_public() && !S::Archived.is_public());
        assert!(may_delete(false));
        assert!(
            !may_delete(true),
            "an edition with registrations is archived"
        );
    }

    #[test]
    fn drafts_travel_as_json_with_every_field_optional() {
        let e: EditionDraft = serde_json::from_str(
            r#"{"title":{"fr":"Cohorte"},"capacity":-1,"written_in":"en",
                "registration_closes_at":"2026-09-29T21:59:59Z",
                "cost":{"kind":"fee_with_bursary","fee_cents":500000,"fee_currency":"EUR"}}"#,
        )
        .unwrap();
        assert_eq!(e.capacity, Some(-1));
        assert_eq!(e.written_in, Lang::parse("en"));
        assert_eq!(e.state, PublicationState::Draft);
        assert_eq!(e.cost.as_ref().unwrap().kind, CostKind::FeeWithBursary);
        let back: EditionDraft = serde_json::from_value(serde_json::to_value(&e).unwrap()).unwrap();
        assert_eq!(back, e);
        let empty: SessionDraft = serde_json::from_str("{}").unwrap();
        assert_eq!(empty, SessionDraft::default());
    }

    #[test]
    fn a_same_text_is_served_in_every_language() {
        let one = Localized::new([("en", "Le Hub")]);
        let spread = spread_same_text(&one);
        for lang in Lang::all() {
            assert_eq!(
                spread.0.get(lang.code()).map(String::as_str),
                Some("Le Hub")
            );
        }
        assert_eq!(
            spread_same_text(&Localized::default()),
            Localized::default()
        );
    }
}
