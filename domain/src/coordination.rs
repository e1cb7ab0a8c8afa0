//! What coordinators read in the back office: the editions that take registrations, each
//! one's registrations, and the messages sent to registrants. Shared by the edge, which
//! reads them from D1, and the app's coordinator page.

use serde::{Deserialize, Serialize};

/// An edition that takes registrations here, with its counts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CoordinatedEdition {
    pub id: String,
    pub offering_title: crate::Text,
    #[serde(default)]
    pub title: Option<crate::Text>,
    pub registration_mode: String,
    pub capacity: Option<u32>,
    /// The first session's start (RFC 3339), if it has sessions.
    pub starts_at: Option<String>,
    pub places_taken: u32,
    pub waiting: u32,
    pub applied: u32,
}

/// One registration as coordinators see it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RegistrationLine {
    pub id: String,
    pub name: String,
    pub email: String,
    pub lang: String,
    pub zone: String,
    pub region: String,
    pub organisation: String,
    /// The answers to the edition's questions, as a JSON object of strings.
    pub answers: String,
    pub accessibility: String,
    /// 1 when in the priority group.
    pub priority: u32,
    pub status: crate::registration::Status,
    pub arrival: u32,
    pub created_at: String,
}

/// An edition's capacity and places taken.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EditionCounts {
    pub id: String,
    pub registration_mode: crate::catalog::RegistrationMode,
    pub capacity: Option<u32>,
    pub places_taken: u32,
    /// People on the waiting list.
    pub waiting: u32,
}

/// An edition's registrations: the priority group first, then arrival order; cancelled and
/// declined ones last.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EditionRegistrations {
    pub edition: EditionCounts,
    pub registrations: Vec<RegistrationLine>,
}

/// A message to a registrant, as coordinators read it (never with its manage link).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OutboxLine {
    pub id: u32,
    pub registration_id: String,
    pub edition_id: String,
    pub kind: String,
    pub recipient: Option<String>,
    pub lang: Option<String>,
    pub subject: Option<String>,
    pub body: Option<String>,
    pub created_at: String,
    pub sent_at: Option<String>,
    pub attempts: u32,
    pub last_error: Option<String>,
}
