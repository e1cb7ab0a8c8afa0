//! A request for coaching on request: what an organisation asks (`RequestForm`), and the way
//! it goes (`Stage`, `Action`, `next`). An offering on request names the checks a request
//! must pass before a partner is assigned (for Dynamo's extra hours: « talked with the
//! Centraide adviser »), each confirmed by a coordinator; then a partner is assigned, sessions
//! are booked with the organisation, and the hours given are recorded against its budget.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::authoring::is_language_tag;
use crate::registration::{has_visible, text_refusal, Lines, Refusal};

/// The longest subject kept, in characters.
pub const MAX_SUBJECT: usize = 200;
/// The longest question at the heart of the initiative, and availability, in characters.
pub const MAX_QUESTION: usize = 2000;
pub const MAX_AVAILABILITY: usize = 500;
/// The most languages a request lists.
pub const MAX_LANGUAGES: usize = 10;

/// What an organisation asks for, from the offering's request form. Every field is optional
/// here so that a missing one is refused by name, with the others.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RequestForm {
    /// What the coaching is about.
    pub subject: Option<String>,
    /// The question at the heart of the initiative.
    pub question: Option<String>,
    /// The partner they would rather work with, by id; none, no preference.
    pub partner: Option<String>,
    /// When they are available, in their words.
    pub availability: Option<String>,
    /// The languages the coaching can be given in, as language tags.
    pub languages: Vec<String>,
}

impl RequestForm {
    /// What is refused: a subject and a question are needed, each one text of its length;
    /// a preferred partner must be one of the offering's `partners`; languages are tags, at
    /// least one, none twice.
    pub fn check(&self, partners: &[&str]) -> Vec<Refusal> {
        let mut refused: Vec<Refusal> = vec![];
        let mut text = |field: &str, value: Option<&str>, max: usize, lines: Lines, needed| {
            let value = value.unwrap_or_default();
            if !has_visible(value) {
                if needed {
                    refused.push((field.to_owned(), "required"));
                }
            } else if value.chars().count() > max {
                refused.push((field.to_owned(), "too-long"));
            } else if let Some(code) = text_refusal(value, lines) {
                refused.push((field.to_owned(), code));
            }
        };
        text(
            "subject",
            self.subject.as_deref(),
            MAX_SUBJECT,
            Lines::One,
            true,
        );
        text(
            "question",
            self.question.as_deref(),
            MAX_QUESTION,
            Lines::Many,
            true,
        );
        text(
            "availability",
            self.availability.as_deref(),
            MAX_AVAILABILITY,
            Lines::Many,
            false,
        );
        if let Some(partner) = self.partner.as_deref().filter(|p| !p.is_empty()) {
            if !partners.contains(&partner) {
                refused.push(("partner".to_owned(), "unknown-partner"));
            }
        }
        if self.languages.is_empty() {
            refused.push(("languages".to_owned(), "required"));
        } else if self.languages.len() > MAX_LANGUAGES {
            refused.push(("languages".to_owned(), "too-many"));
        }
        let mut seen = BTreeSet::new();
        for (i, tag) in self.languages.iter().enumerate().take(MAX_LANGUAGES) {
            if !is_language_tag(tag) {
                refused.push((format!("languages.{i}"), "unknown-language-code"));
            } else if !seen.insert(tag.to_ascii_lowercase()) {
                refused.push((format!("languages.{i}"), "duplicate"));
            }
        }
        refused
    }
}

/// Where a request stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// Sent; the offering's checks are not all confirmed yet.
    Received,
    /// Every check confirmed: a partner can be assigned.
    Ready,
    /// A partner takes it on.
    Assigned,
    /// At least one session booked with the organisation.
    Booked,
    /// The coaching is over: nothing more is booked or recorded.
    Closed,
    /// The coordinators said no, with a reason told to the organisation.
    Declined,
    /// The organisation took it back.
    Withdrawn,
}

impl Stage {
    pub const ALL: [Stage; 7] = [
        Stage::Received,
        Stage::Ready,
        Stage::Assigned,
        Stage::Booked,
        Stage::Closed,
        Stage::Declined,
        Stage::Withdrawn,
    ];

    /// As stored and sent.
    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Received => "received",
            Stage::Ready => "ready",
            Stage::Assigned => "assigned",
            Stage::Booked => "booked",
            Stage::Closed => "closed",
            Stage::Declined => "declined",
            Stage::Withdrawn => "withdrawn",
        }
    }

    pub fn parse(s: &str) -> Option<Stage> {
        Stage::ALL.into_iter().find(|st| st.as_str() == s)
    }

    /// Whether nothing more happens to the request.
    pub fn is_final(self) -> bool {
        matches!(self, Stage::Closed | Stage::Declined | Stage::Withdrawn)
    }
}

/// Who acts on a request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Actor {
    /// The organisation, from its manage link.
    Organisation,
    /// A coordinator of the offering's network.
    Coordinator,
    /// The partner the request is assigned to.
    Partner,
}

/// What may be done to a request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// One of the offering's checks confirmed, by its id.
    Confirm(String),
    /// A partner assigned, by id.
    Assign(String),
    /// A session booked with the organisation.
    Book,
    /// Hours given recorded against the organisation's budget (`budget::record_use`).
    Record,
    /// The coaching is over.
    Close,
    /// Said no to, with a reason.
    Decline,
    /// Taken back by the organisation.
    Withdraw,
}

/// Why an action is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refused {
    /// Not by this actor.
    NotYours,
    /// Not at this stage.
    NotNow,
    /// A check or partner the offering does not have.
    Unknown,
}

/// A request as the rules read it: its stage, the checks its offering names and those
/// confirmed, its partners, and the partner it is assigned to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Request<'a> {
    pub stage: Stage,
    pub checks: &'a [&'a str],
    pub confirmed: &'a [&'a str],
    pub partners: &'a [&'a str],
}

/// The stage `action` by `actor` leads `request` to, or why not.
///
/// Checks are confirmed by coordinators while the request is received; when the last one is,
/// it is ready (a request whose offering names none is ready when sent: `first_stage`). Only
/// a ready request is assigned, by a coordinator, to one of the offering's partners. The
/// assigned partner or a coordinator books sessions and records hours given; recording
/// needs a booking first. A coordinator closes a booked request or declines one not yet
/// booked; the organisation withdraws one not yet booked.
pub fn next(request: &Request, actor: Actor, action: &Action) -> Result<Stage, Refused> {
    use Actor::{Coordinator, Organisation, Partner};
    use Stage::{Assigned, Booked, Ready, Received};
    let stage = request.stage;
    if stage.is_final() {
        return Err(Refused::NotNow);
    }
    let by = |allowed: &[Actor]| {
        if allowed.contains(&actor) {
            Ok(())
        } else {
            Err(Refused::NotYours)
        }
    };
    match action {
        Action::Confirm(check) => {
            by(&[Coordinator])?;
            if !request.checks.contains(&check.as_str()) {
                return Err(Refused::Unknown);
            }
            if stage != Received || request.confirmed.contains(&check.as_str()) {
                return Err(Refused::NotNow);
            }
            let left = request
                .checks
                .iter()
                .filter(|c| **c != check.as_str() && !request.confirmed.contains(c))
                .count();
            Ok(if left == 0 { Ready } else { Received })
        }
        Action::Assign(partner) => {
            by(&[Coordinator])?;
            if !request.partners.contains(&partner.as_str()) {
                return Err(Refused::Unknown);
            }
            match stage {
                Ready | Assigned => Ok(Assigned),
                _ => Err(Refused::NotNow),
            }
        }
        Action::Book => {
            by(&[Coordinator, Partner])?;
            match stage {
                Assigned | Booked => Ok(Booked),
                _ => Err(Refused::NotNow),
            }
        }
        Action::Record => {
            by(&[Coordinator, Partner])?;
            match stage {
                Booked => Ok(Booked),
                _ => Err(Refused::NotNow),
            }
        }
        Action::Close => {
            by(&[Coordinator])?;
            match stage {
                Booked => Ok(Stage::Closed),
                _ => Err(Refused::NotNow),
            }
        }
        Action::Decline => {
            by(&[Coordinator])?;
            match stage {
                Received | Ready | Assigned => Ok(Stage::Declined),
                _ => Err(Refused::NotNow),
            }
        }
        Action::Withdraw => {
            by(&[Organisation])?;
            match stage {
                Received | Ready | Assigned => Ok(Stage::Withdrawn),
                _ => Err(Refused::NotNow),
            }
        }
    }
}

/// The stage a request starts at: received while its offering names checks, else ready.
pub fn first_stage(checks: &[&str]) -> Stage {
    if checks.is_empty() {
        Stage::Ready
    } else {
        Stage::Received
    }
}

#[cfg(test)]
mod tests;
