//! The coordinators' side of coaching on request: a step taken on a request as the API
//! receives it (`StepRequest`), checked into the domain's `request::Action` with what it
//! carries (a session's time and length, the hours given), and what the coordinators' desk
//! answers — the requests by stage with their organisation, checks, partner and sessions,
//! and each organisation's hours.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::coaching::budget::{Balance, Minutes, Period};
use crate::coaching::organisation::PartnerChoice;
use crate::coaching::request::{Action, Stage};
use crate::registration::Refusal;

/// The longest session booked, and the most travel time recorded with one, in minutes.
pub const MAX_SESSION_MINUTES: Minutes = 8 * 60;
pub const MAX_TRAVEL_MINUTES: Minutes = 4 * 60;

/// `POST /api/dashboard/coaching-requests/{id}/steps`: every field optional here, so that a
/// missing one is refused by name.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct StepRequest {
    /// `confirm`, `assign`, `book`, `record`, `close` or `decline`.
    pub action: Option<String>,
    /// For `confirm`: the check's name.
    pub check: Option<String>,
    /// For `assign`: the partner's id.
    pub partner: Option<String>,
    /// For `book`: the session's start, an instant (RFC 3339).
    pub starts_at: Option<String>,
    /// For `book`: the session's length; for `record`: the time given.
    pub minutes: Option<Minutes>,
    /// For `record`: travel time, counted where the programme says so.
    pub travel_minutes: Option<Minutes>,
    /// For `record`: the booked session it was given in, if any.
    pub booking: Option<String>,
}

/// A step, checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    Confirm(String),
    Assign(String),
    Book {
        starts_at: DateTime<Utc>,
        minutes: Minutes,
    },
    Record {
        minutes: Minutes,
        travel_minutes: Minutes,
        booking: Option<String>,
    },
    Close,
    Decline,
}

impl Step {
    /// The action the request's rules (`request::next`) decide on.
    pub fn action(&self) -> Action {
        match self {
            Step::Confirm(check) => Action::Confirm(check.clone()),
            Step::Assign(partner) => Action::Assign(partner.clone()),
            Step::Book { .. } => Action::Book,
            Step::Record { .. } => Action::Record,
            Step::Close => Action::Close,
            Step::Decline => Action::Decline,
        }
    }

    /// The minutes recorded against the budget: the time given, and travel where the
    /// programme counts it.
    pub fn counted(minutes: Minutes, travel_minutes: Minutes, travel_counts: bool) -> Minutes {
        minutes + if travel_counts { travel_minutes } else { 0 }
    }
}

impl StepRequest {
    /// The step, or every refusal by field.
    pub fn check(&self) -> Result<Step, Vec<Refusal>> {
        let mut refused: Vec<Refusal> = vec![];
        let text = |v: &Option<String>| v.as_deref().map(str::trim).unwrap_or_default().to_owned();
        let needed = |field: &str, value: String, refused: &mut Vec<Refusal>| {
            if value.is_empty() {
                refused.push((field.to_owned(), "required"));
            }
            value
        };
        let minutes =
            |field: &str, value: Option<Minutes>, max: Minutes, refused: &mut Vec<Refusal>| {
                match value {
                    None => {
                        refused.push((field.to_owned(), "required"));
                        0
                    }
                    Some(m) if m == 0 || m > max => {
                        refused.push((field.to_owned(), "duration-out-of-range"));
                        0
                    }
                    Some(m) => m,
                }
            };
        let step = match text(&self.action).as_str() {
            "" => {
                refused.push(("action".into(), "required"));
                None
            }
            "confirm" => Some(Step::Confirm(needed(
                "check",
                text(&self.check),
                &mut refused,
            ))),
            "assign" => Some(Step::Assign(needed(
                "partner",
                text(&self.partner),
                &mut refused,
            ))),
            "book" => {
                let starts_at = match text(&self.starts_at).as_str() {
                    "" => {
                        refused.push(("starts_at".into(), "required"));
                        None
                    }
                    s => {
                        let at = s.parse::<DateTime<Utc>>().ok();
                        if at.is_none() {
                            refused.push(("starts_at".into(), "invalid-date"));
                        }
                        at
                    }
                };
                let minutes = minutes("minutes", self.minutes, MAX_SESSION_MINUTES, &mut refused);
                starts_at.map(|starts_at| Step::Book { starts_at, minutes })
            }
            "record" => {
                let minutes = minutes("minutes", self.minutes, MAX_SESSION_MINUTES, &mut refused);
                let travel_minutes = match self.travel_minutes {
                    Some(t) if t > MAX_TRAVEL_MINUTES => {
                        refused.push(("travel_minutes".into(), "duration-out-of-range"));
                        0
                    }
                    t => t.unwrap_or(0),
                };
                Some(Step::Record {
                    minutes,
                    travel_minutes,
                    booking: Some(text(&self.booking)).filter(|b| !b.is_empty()),
                })
            }
            "close" => Some(Step::Close),
            "decline" => Some(Step::Decline),
            _ => {
                refused.push(("action".into(), "unknown-coaching-action"));
                None
            }
        };
        match step {
            Some(step) if refused.is_empty() => Ok(step),
            _ => Err(refused),
        }
    }
}

/// A duration typed in hours as people write it — « 3 », « 1,5 », "1.5", « 1 h 30 »,
/// "1:30", « 45 min » — in minutes; `None` when it reads as no duration (the API then
/// names the field).
pub fn typed_hours(typed: &str) -> Option<Minutes> {
    let t: String = typed
        .to_lowercase()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    if let Some(minutes) = t.strip_suffix("min").filter(|m| !m.contains(['h', ':'])) {
        return minutes.parse().ok();
    }
    let t = t.strip_suffix("min").unwrap_or(&t);
    match t.split_once(['h', ':']) {
        Some((h, m)) if !m.is_empty() => {
            let hours: Minutes = if h.is_empty() { 0 } else { h.parse().ok()? };
            let minutes: Minutes = m.parse().ok().filter(|m| *m < 60)?;
            hours.checked_mul(60)?.checked_add(minutes)
        }
        Some((h, _)) => h.parse::<Minutes>().ok()?.checked_mul(60),
        None => {
            let hours: f64 = t.replace(',', ".").parse().ok()?;
            (hours.is_finite() && (0.0..=1000.0).contains(&hours))
                .then(|| (hours * 60.0).round() as Minutes)
        }
    }
}

/// A check of a request on the desk.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeskCheck {
    pub name: String,
    /// What it says, in the reader's language.
    pub text: String,
    pub confirmed: bool,
}

/// A session booked with the organisation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeskBooking {
    pub id: String,
    pub starts_at: DateTime<Utc>,
    pub minutes: Minutes,
    /// `booked`, `given` or `cancelled`.
    pub state: String,
}

/// A request on the coordinators' desk.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeskRequest {
    pub id: String,
    pub organisation_id: String,
    pub organisation: String,
    pub area: String,
    pub offering_id: String,
    pub offering_title: String,
    pub stage: Stage,
    pub subject: String,
    pub question: String,
    pub availability: String,
    pub languages: Vec<String>,
    pub preferred_partner: Option<String>,
    /// The partner assigned, by id.
    pub partner: Option<String>,
    /// The offering's partners, one of whom is assigned.
    pub partners: Vec<PartnerChoice>,
    pub checks: Vec<DeskCheck>,
    pub bookings: Vec<DeskBooking>,
    pub period: Period,
    pub created_at: DateTime<Utc>,
}

/// An organisation's hours on the desk, this period.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeskOrganisation {
    pub id: String,
    pub name: String,
    pub area: String,
    pub programme_id: String,
    pub allowance: Balance,
    pub pool: Option<Balance>,
}

/// A programme of the network, and its pool's places this period.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeskProgramme {
    pub id: String,
    /// In the reader's language.
    pub name: String,
    /// The pool's places a period (0: no pool).
    pub pool_places: u32,
    pub pool_places_taken: u32,
}

/// `GET /api/dashboard/networks/{id}/coaching`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CoachingDesk {
    pub network_id: String,
    /// Read by a partner: its own requests only, and only the steps a partner takes.
    #[serde(default)]
    pub as_partner: bool,
    pub period: Period,
    pub programmes: Vec<DeskProgramme>,
    pub requests: Vec<DeskRequest>,
    pub organisations: Vec<DeskOrganisation>,
}

/// `POST /api/dashboard/coaching-requests/{id}/steps` answers the request's stage after it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StepTaken {
    pub id: String,
    pub stage: Stage,
    /// For `book`: the new session's id.
    pub booking: Option<String>,
    /// For `record`: the minutes drawn on the budget and those paid by the organisation.
    pub used: Minutes,
    pub paid_by_organisation: Minutes,
}

#[cfg(test)]
mod tests;
