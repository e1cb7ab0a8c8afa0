//! What the dashboard reads and sends: a network's desk (its catalog as its coordinators see
//! it, drafts included), one authored item with how complete it is and what still stops its
//! publication, the sessions made by a rule, the next cohort, and the audit. The drafts
//! themselves, and every rule they pass, are `authoring`'s.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::authoring::{
    Completeness, EditionDraft, OfferingDraft, PartnerDraft, PersonDraft, PublicationState,
    ResourceDraft, SessionDraft,
};
use crate::library::{Kind, Visibility};
use crate::problem::FieldError;
use crate::schedule::recurrence::Recurrence;
use crate::Localized;

/// A network the signed-in account works in, for the dashboard's network switch.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NetworkLine {
    pub id: String,
    pub name: String,
}

/// `GET /api/dashboard/networks/{network}`: everything the network authors, drafts included.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NetworkDesk {
    pub network: NetworkLine,
    /// Every required text, in every language it is required in, over the whole network.
    pub completeness: Completeness,
    pub offerings: Vec<OfferingLine>,
    pub people: Vec<ItemLine>,
    pub partners: Vec<ItemLine>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OfferingLine {
    pub id: String,
    pub state: PublicationState,
    pub title: Localized,
    pub completeness: Completeness,
    pub editions: Vec<EditionLine>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EditionLine {
    pub id: String,
    pub state: PublicationState,
    pub title: Localized,
    pub starts_at: Option<DateTime<Utc>>,
    pub sessions: u32,
    /// People registered, whatever their status: an edition with any is archived, never
    /// deleted.
    pub registrations: u32,
    pub completeness: Completeness,
}

/// A facilitator or a partner in the desk's lists.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ItemLine {
    pub id: String,
    pub state: PublicationState,
    pub name: String,
    pub completeness: Completeness,
}

/// One authored item as the editor opens it: the draft, how complete it is, and what would
/// refuse its publication now (empty: it can be published), in the caller's language.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Authored<T> {
    pub id: String,
    pub network_id: String,
    pub draft: T,
    pub completeness: Completeness,
    pub publish_refusals: Vec<FieldError>,
}

pub type AuthoredOffering = Authored<OfferingDraft>;
pub type AuthoredPerson = Authored<PersonDraft>;
pub type AuthoredPartner = Authored<PartnerDraft>;
pub type AuthoredResource = Authored<ResourceDraft>;

/// `GET /api/dashboard/networks/{network}/library`: the network's library as its librarians
/// and coordinators see it, drafts included, with what a resource can go with.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LibraryShelf {
    pub network: NetworkLine,
    /// Newest change first.
    pub resources: Vec<ResourceLine>,
    /// The network's offerings, titled in the caller's language.
    pub offerings: Vec<Choice>,
    /// The network's editions, newest first: the offering's title and the first day.
    pub editions: Vec<Choice>,
}

/// A resource in the library's list: its title in the caller's language, else in the one
/// it was written in.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ResourceLine {
    pub id: String,
    pub state: PublicationState,
    pub kind: Option<Kind>,
    pub visibility: Visibility,
    pub title: String,
    /// The languages it is available in, the original first.
    pub languages: Vec<String>,
    pub completeness: Completeness,
}

/// Something an item can be linked to, as a checkbox names it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Choice {
    pub id: String,
    pub label: String,
}

/// An edition in the editor, with its sessions.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AuthoredEdition {
    pub id: String,
    pub network_id: String,
    pub offering_id: String,
    pub draft: EditionDraft,
    pub sessions: Vec<AuthoredSession>,
    pub registrations: u32,
    pub completeness: Completeness,
    pub publish_refusals: Vec<FieldError>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AuthoredSession {
    pub id: String,
    pub draft: SessionDraft,
    /// The calendar's SEQUENCE: it grows with every change people are told of.
    pub sequence: u32,
}

/// `POST /api/dashboard/editions/{id}/sessions/by-rule`: sessions made by a rule, added to
/// the edition's (`replace`: instead of its sessions not yet held — only while nobody is
/// registered).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SessionsByRule {
    pub rule: Option<Recurrence>,
    pub title: Localized,
    pub location: Localized,
    pub replace: bool,
}

/// `POST /api/dashboard/recurrence-preview`: the dates of a rule on the organiser's clock and
/// on the zones the coordinator picks, with the clock-change notes, before saving anything.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PreviewRequest {
    pub rule: Option<Recurrence>,
    pub zones: Vec<String>,
}

/// `POST /api/dashboard/editions/{id}/duplicate`: the next cohort, its first session on or
/// after `on_or_after` (whole weeks later, so weekdays and wall clocks stay).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct DuplicateRequest {
    pub on_or_after: Option<NaiveDate>,
}

/// The answer to creating something: where it is.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Created {
    pub id: String,
}

/// One entry of a network's audit: who did what, when, and what changed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AuditLine {
    /// Positive for the catalog's entries, negative for decisions on people.
    pub id: i64,
    pub at: DateTime<Utc>,
    /// The account's name then, or `None` for Relais itself (the cron, the demo loader).
    pub by: Option<String>,
    pub entity: String,
    pub entity_id: String,
    pub action: String,
    /// The fields changed, `{"field": {"before": …, "after": …}}`, as JSON text.
    pub changes: String,
}
