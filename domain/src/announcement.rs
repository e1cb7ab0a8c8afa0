//! Writing to the people of an edition: a coordinator's one message in every interface
//! language, to an audience named by the registration lifecycle's statuses (everyone still
//! registered, those with a place, those waiting), each person receiving it in their own
//! language, with the sessions on their own clock when the coordinator asks for them. Also
//! what the dashboard shows of a network's messages (their delivery state) and of its work
//! waiting (the desk's summary).

use chrono::{DateTime, NaiveDateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::people::{EditionPerson, PeopleFilter, MAX_SEARCH};
use crate::registration::lifecycle::Status;
use crate::registration::{text_refusal, Composed, Lines, Refusal};
use crate::{Lang, Localized};

/// A subject's longest, in characters.
pub const MAX_SUBJECT: usize = 200;
/// A message's longest, in characters.
pub const MAX_BODY: usize = 10_000;
/// An idempotency key's longest (the app sends a random one per message written).
pub const MAX_KEY: usize = 100;

/// The outbox's kind for an announcement's messages (one per recipient).
pub const OUTBOX_KIND: &str = "announcement";

/// Whom an announcement goes to, by where their registration stands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Audience {
    /// Everyone still registered: with a place (attendance marked or not), waiting, or
    /// waiting for a decision.
    #[default]
    Active,
    /// Those with a place.
    WithPlace,
    /// Those on the waiting list.
    Waiting,
}

impl Audience {
    pub const ALL: [Audience; 3] = [Audience::Active, Audience::WithPlace, Audience::Waiting];

    pub fn as_str(self) -> &'static str {
        match self {
            Audience::Active => "active",
            Audience::WithPlace => "with_place",
            Audience::Waiting => "waiting",
        }
    }

    pub fn parse(s: &str) -> Option<Audience> {
        Audience::ALL.into_iter().find(|a| a.as_str() == s)
    }

    /// The statuses of the people it reaches, from the lifecycle's own definitions.
    pub fn statuses(self) -> Vec<Status> {
        match self {
            Audience::Active => Status::ALL
                .into_iter()
                .filter(|s| s.is_active() || s.holds_place())
                .collect(),
            Audience::WithPlace => Status::holding_place().collect(),
            Audience::Waiting => vec![Status::Waitlisted],
        }
    }

    pub fn includes(self, status: Status) -> bool {
        self.statuses().contains(&status)
    }
}

/// `POST /api/dashboard/editions/{id}/announcements`: what a coordinator writes.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AnnouncementDraft {
    /// In every interface language.
    pub subject: Localized,
    /// In every interface language.
    pub body: Localized,
    pub audience: Option<Audience>,
    /// Narrows the audience to the people the people page's filter keeps (the list a
    /// coordinator was looking at); empty, the audience as it stands.
    #[serde(skip_serializing_if = "PeopleFilter::is_empty")]
    pub filter: PeopleFilter,
    /// Whether each message lists the edition's sessions on its recipient's clock.
    pub include_sessions: bool,
    /// The same key sent twice sends the announcement once (a double click, a retry).
    pub key: Option<String>,
}

impl AnnouncementDraft {
    /// Every refusal at once, by field: a subject and a text in every interface language,
    /// within their lengths, and an audience.
    pub fn check(&self) -> Vec<Refusal> {
        let mut refused = vec![];
        for lang in Lang::all() {
            for (field, text, max, lines) in [
                ("subject", &self.subject, MAX_SUBJECT, Lines::One),
                ("body", &self.body, MAX_BODY, Lines::Many),
            ] {
                let name = format!("{field}.{}", lang.code());
                let value = text.0.get(lang.code()).map(|t| t.trim()).unwrap_or("");
                if value.is_empty() {
                    refused.push((name, "required"));
                } else if value.chars().count() > max {
                    refused.push((name, "too-long"));
                } else if let Some(code) = text_refusal(value, lines) {
                    refused.push((name, code));
                }
            }
        }
        if self.audience.is_none() {
            refused.push(("audience".to_owned(), "required"));
        }
        if self
            .filter
            .q
            .as_ref()
            .is_some_and(|q| q.chars().count() > MAX_SEARCH)
        {
            refused.push(("filter.q".to_owned(), "too-long"));
        }
        if let Some(key) = &self.key {
            if key.trim().is_empty() || key.chars().count() > MAX_KEY {
                refused.push(("key".to_owned(), "invalid-idempotency-key"));
            }
        }
        refused
    }

    /// The text in `lang` (trimmed), as checked.
    pub fn in_lang(text: &Localized, lang: Lang) -> String {
        text.resolve(lang)
            .map(|t| t.text.trim().to_owned())
            .unwrap_or_default()
    }
}

/// The people an announcement to `audience`, narrowed by `filter`, reaches among `people`:
/// those the filter keeps whose registration the audience includes.
pub fn reached<'a>(
    audience: Audience,
    filter: &PeopleFilter,
    people: &'a [EditionPerson],
) -> Vec<&'a EditionPerson> {
    people
        .iter()
        .filter(|p| audience.includes(p.status) && filter.keeps(p))
        .collect()
}

/// How many people an announcement to `audience` would reach now.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Recipients {
    pub audience: Audience,
    pub recipients: u32,
}

/// An announcement queued: one message per recipient.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AnnouncementSent {
    pub id: String,
    pub recipients: u32,
}

/// What one recipient's message says, already in their language and on their clock.
pub struct AnnouncementFacts {
    pub name: String,
    pub offering: String,
    pub subject: String,
    pub body: String,
    /// The recipient's zone, named with the sessions.
    pub zone: String,
    /// The sessions still to be held (empty when the coordinator did not ask for them).
    pub sessions: Vec<(NaiveDateTime, NaiveDateTime)>,
}

/// Writes one recipient's message: the coordinator's subject and text, the sessions on their
/// clock when asked for, who writes and about what.
pub fn compose(facts: &AnnouncementFacts, messages: &crate::i18n::Messages) -> Composed {
    use crate::schedule::format_span;
    let mut blocks = vec![
        messages.format("mail-greeting", &[("name", facts.name.as_str().into())]),
        facts.body.clone(),
    ];
    if !facts.sessions.is_empty() {
        let mut list = messages.format("mail-sessions", &[("zone", facts.zone.as_str().into())]);
        for (start, end) in &facts.sessions {
            list.push_str("\n- ");
            list.push_str(&format_span(*start, *end, messages));
        }
        blocks.push(list);
    }
    blocks.push(messages.format(
        "mail-announcement-about",
        &[("offering", facts.offering.as_str().into())],
    ));
    blocks.push(messages.get("mail-manage-kept"));
    blocks.push(messages.get("mail-signature"));
    Composed {
        subject: facts.subject.clone(),
        body: blocks.join("\n\n"),
    }
}

/// Where a message stands, as the dashboard shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Delivery {
    /// Not tried yet.
    Queued,
    Sent,
    /// Tried, failed, to be tried again after its backoff.
    Retrying,
    /// Given up on: waits for someone to send it again.
    Failed,
    /// Not sent because it no longer applied (the person left, the link was used).
    Dropped,
}

impl Delivery {
    pub const ALL: [Delivery; 5] = [
        Delivery::Queued,
        Delivery::Sent,
        Delivery::Retrying,
        Delivery::Failed,
        Delivery::Dropped,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Delivery::Queued => "queued",
            Delivery::Sent => "sent",
            Delivery::Retrying => "retrying",
            Delivery::Failed => "failed",
            Delivery::Dropped => "dropped",
        }
    }

    /// From the outbox's columns: a row marked sent with an error was dropped; attempts
    /// count only real tries (none are spent while no sender is set up).
    pub fn of(sent: bool, failed: bool, attempts: u32, error: bool) -> Delivery {
        match (sent, failed) {
            (true, _) if error => Delivery::Dropped,
            (true, _) => Delivery::Sent,
            (false, true) => Delivery::Failed,
            (false, false) if attempts > 0 => Delivery::Retrying,
            (false, false) => Delivery::Queued,
        }
    }

    /// Whether the network's coordinators may send it again now.
    pub fn retryable(self) -> bool {
        self == Delivery::Failed
    }
}

/// One of a network's messages in the dashboard (never its private link).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NetworkMessage {
    pub id: u32,
    pub kind: String,
    /// The edition a registrant's message is about; none for an organisation's.
    pub edition_id: Option<String>,
    pub offering_title: Option<Localized>,
    /// The organisation a coaching message went to, through one of its contacts.
    pub organisation: Option<String>,
    /// The registrant's or the contact's name (gone when they deleted their data).
    pub to: Option<String>,
    /// The subject as sent, or the announcement's in the reader's language.
    pub subject: Option<String>,
    pub delivery: Delivery,
    pub created_at: DateTime<Utc>,
    pub sent_at: Option<DateTime<Utc>>,
    pub next_attempt_at: Option<DateTime<Utc>>,
    pub attempts: u32,
}

/// An edition's applications waiting for a decision.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WaitingApplications {
    pub edition_id: String,
    pub offering_title: Localized,
    pub waiting: u32,
}

/// A session soon, for the desk's summary.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SessionSoon {
    pub id: String,
    pub edition_id: String,
    pub offering_title: Localized,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
}

/// `GET /api/dashboard/networks/{id}/summary`: what waits for the network's coordinators.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DeskSummary {
    pub applications: Vec<WaitingApplications>,
    /// Sessions from a day ago to eight days ahead (the app keeps its reader's week).
    pub sessions: Vec<SessionSoon>,
    pub failed_messages: u32,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn both(fr: &str, en: &str) -> Localized {
        Localized::new([("fr", fr), ("en", en)])
    }

    #[test]
    fn a_filter_narrows_the_audience_and_never_widens_it() {
        let person = |id: &str, status: Status, region: &str| EditionPerson {
            id: id.into(),
            name: id.into(),
            email: format!("{id}@example.org"),
            lang: "fr".into(),
            zone: "America/Montreal".into(),
            region: region.into(),
            organisation: String::new(),
            accessibility: String::new(),
            priority: false,
            status,
            arrival: 1,
            waitlist_position: None,
            created_at: "2026-03-01T12:00:00Z".into(),
            answers: vec![],
        };
        let people = [
            person("a", Status::Confirmed, "Québec"),
            person("b", Status::Waitlisted, "quebec"),
            person("c", Status::Cancelled, "Québec"),
            person("d", Status::Confirmed, "France"),
        ];
        let ids = |audience, filter: &PeopleFilter| -> Vec<String> {
            reached(audience, filter, &people)
                .iter()
                .map(|p| p.id.clone())
                .collect()
        };
        let quebec = PeopleFilter {
            region: Some("Quebec".into()),
            ..PeopleFilter::default()
        };
        assert_eq!(ids(Audience::Active, &quebec), ["a", "b"]);
        assert_eq!(ids(Audience::WithPlace, &quebec), ["a"]);
        assert_eq!(
            ids(Audience::Active, &PeopleFilter::default()),
            ["a", "b", "d"]
        );
        // A filter on a status the audience leaves out reaches nobody.
        let cancelled = PeopleFilter {
            status: Some(Status::Cancelled),
            ..PeopleFilter::default()
        };
        assert!(ids(Audience::Active, &cancelled).is_empty());
    }

    #[test]
    fn audiences_are_the_lifecycles_statuses() {
        for status in Status::ALL {
            assert_eq!(
                Audience::Active.includes(status),
                status.is_active() || status.holds_place(),
                "{status:?}"
            );
            assert_eq!(
                Audience::WithPlace.includes(status),
                status.holds_place(),
                "{status:?}"
            );
            assert_eq!(
                Audience::Waiting.includes(status),
                status == Status::Waitlisted,
                "{status:?}"
            );
        }
        // Those waiting and those with a place are both still registered.
        for status in Status::ALL {
            if Audience::WithPlace.includes(status) || Audience::Waiting.includes(status) {
                assert!(Audience::Active.includes(status), "{status:?}");
            }
        }
        for a in Audience::ALL {
            assert_eq!(Audience::parse(a.as_str()), Some(a));
        }
    }

    #[test]
    fn an_announcement_needs_every_language_and_an_audience() {
        let empty = AnnouncementDraft::default().check();
        let fields: Vec<&str> = empty.iter().map(|(f, _)| f.as_str()).collect();
        for lang in Lang::all() {
            assert!(fields.contains(&format!("subject.{}", lang.code()).as_str()));
            assert!(fields.contains(&format!("body.{}", lang.code()).as_str()));
        }
        assert!(fields.contains(&"audience"));
        let half = AnnouncementDraft {
            subject: both("Salle changée", ""),
            body: both("  ", "The room changed"),
            audience: Some(Audience::WithPlace),
            ..Default::default()
        };
        let mut refused = half.check();
        refused.sort();
        assert_eq!(
            refused,
            vec![
                ("body.fr".to_owned(), "required"),
                ("subject.en".to_owned(), "required")
            ]
        );
        let long = AnnouncementDraft {
            subject: both(&"s".repeat(MAX_SUBJECT + 1), "ok\u{202e}"),
            body: both(&"b".repeat(MAX_BODY), "two\nlines"),
            audience: Some(Audience::Active),
            key: Some("k".repeat(MAX_KEY + 1)),
            ..Default::default()
        };
        let mut refused = long.check();
        refused.sort();
        assert_eq!(
            refused,
            vec![
                ("key".to_owned(), "invalid-idempotency-key"),
                ("subject.en".to_owned(), "invalid-text"),
                ("subject.fr".to_owned(), "too-long"),
            ]
        );
    }

    #[test]
    fn delivery_reads_the_outbox_columns() {
        assert_eq!(Delivery::of(false, false, 0, false), Delivery::Queued);
        // Waiting for a sender to be set up: an error, but no attempt spent.
        assert_eq!(Delivery::of(false, false, 0, true), Delivery::Queued);
        assert_eq!(Delivery::of(false, false, 2, true), Delivery::Retrying);
        assert_eq!(Delivery::of(false, true, 20, true), Delivery::Failed);
        assert_eq!(Delivery::of(true, false, 1, false), Delivery::Sent);
        assert_eq!(Delivery::of(true, false, 0, true), Delivery::Dropped);
        for d in Delivery::ALL {
            assert_eq!(serde_json::to_value(d).unwrap(), d.as_str());
        }
        let retryable: Vec<Delivery> = Delivery::ALL
            .into_iter()
            .filter(|d| d.retryable())
            .collect();
        assert_eq!(retryable, [Delivery::Failed]);
    }

    #[test]
    #[cfg(feature = "server-messages")]
    fn each_recipient_reads_their_language_on_their_clock() {
        use crate::i18n::Messages;
        let at = |s: &str| s.parse::<NaiveDateTime>().unwrap();
        for (code, sessions_line, when) in [
            ("fr", "à votre heure (Asia/Kolkata)", "9"),
            ("en", "on your clock (Asia/Kolkata)", "9"),
        ] {
            let lang = Lang::parse(code).unwrap();
            let messages = Messages::new(lang).unwrap();
            let facts = AnnouncementFacts {
                name: "Priya".into(),
                offering: "Atelier".into(),
                subject: "Sujet".into(),
                body: "Le texte.".into(),
                zone: "Asia/Kolkata".into(),
                sessions: vec![(at("2026-12-09T09:00:00"), at("2026-12-09T10:30:00"))],
            };
            let composed = compose(&facts, &messages);
            let body = composed
                .body
                .replace(['\u{a0}', '\u{202f}', '\u{2068}', '\u{2069}'], " ");
            assert_eq!(composed.subject, "Sujet");
            assert!(body.contains("Priya"), "{body}");
            assert!(body.contains("Le texte."), "{body}");
            assert!(body.contains(sessions_line), "{code}: {body}");
            assert!(body.contains(when), "{code}: {body}");
            assert!(body.contains("Atelier"), "{body}");
            let without = compose(
                &AnnouncementFacts {
                    sessions: vec![],
                    ..facts
                },
                &messages,
            );
            assert!(!without.body.contains("Asia/Kolkata"));
        }
    }
}
