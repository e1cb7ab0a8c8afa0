//! A registration sent with no network: kept on the device by the service worker
//! (`app/offline/outbox.js`) with its `Idempotency-Key`, and sent when the network returns.
//!
//! The service worker answers the app's `POST` with a `PendingRegistration` (status 202)
//! instead of the API's answer when the network failed, timed out or the API answered 5xx,
//! and tells its progress at `pending_url`. The registration's own rules (the window, the
//! capacity) are judged by the API when it arrives; `answer` or `problem` then holds what it
//! said. This module is the shape both sides agree on.

use serde::{Deserialize, Serialize};

use super::RegistrationAnswer;
use crate::problem::Problem;

/// Where a registration kept on the device stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PendingState {
    /// Kept, to be sent when the network returns (or at `next_try_at`).
    Waiting,
    /// Being sent now: it can no longer be cancelled.
    Sending,
    /// Arrived: `answer` says where the registration stands.
    Sent,
    /// Arrived and refused (the window closed meanwhile, say): `problem` says why.
    Refused,
}

/// A registration kept on the device, as the service worker tells it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PendingRegistration {
    /// The `Idempotency-Key` it is sent with, every time: the API makes it once.
    pub key: String,
    pub edition_id: String,
    pub state: PendingState,
    /// When it was kept, in milliseconds since the epoch (the device's clock).
    pub queued_at: f64,
    /// Attempts made so far.
    pub attempts: u32,
    /// When the next attempt is due, while waiting.
    #[serde(default)]
    pub next_try_at: Option<f64>,
    /// The email it was made with, to say where the manage link went.
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub answer: Option<RegistrationAnswer>,
    #[serde(default)]
    pub problem: Option<Problem>,
    /// Its outcome was shown: a page opened later shows the form again.
    #[serde(default)]
    pub seen: bool,
}

impl PendingRegistration {
    /// The state as written on the wire (`waiting`, `sending`, `sent`, `refused`).
    pub fn state_name(&self) -> &'static str {
        match self.state {
            PendingState::Waiting => "waiting",
            PendingState::Sending => "sending",
            PendingState::Sent => "sent",
            PendingState::Refused => "refused",
        }
    }
}

/// The service worker's address for one kept registration: `GET` reads it, `DELETE`
/// cancels it while it waits. Never reaches the API.
pub fn pending_url(key: &str) -> String {
    format!("/api/offline/registrations/{key}")
}

/// The kept registrations of an edition, newest first.
pub fn pending_for_edition_url(edition_id: &str) -> String {
    format!("/api/offline/registrations?edition={edition_id}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_the_service_worker_writes() {
        let text = r#"{"key":"k-1","edition_id":"e-1","state":"sent","queued_at":1700000000000,
            "attempts":2,"next_try_at":null,"email":"a@example.org",
            "answer":{"status":"waitlisted","waitlist_position":3,"manage_url":"https://x/fr/manage/t",
            "created":true,"edition_id":"e-1"}}"#;
        let pending: PendingRegistration = serde_json::from_str(text).expect("the shape");
        assert_eq!(pending.state, PendingState::Sent);
        let answer = pending.answer.expect("an answer");
        assert_eq!(answer.waitlist_position, Some(3));
        assert_eq!(pending_url("k-1"), "/api/offline/registrations/k-1");
    }
}
