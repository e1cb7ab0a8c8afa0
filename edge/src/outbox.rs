//! Messages to registrants, and about accounts (an invitation, a password reset). A message is queued in the same D1 batch as the change it tells
//! of (`queue_*`), so none is lost or told of a change that did not happen; `dispatch` then
//! writes it in the recipient's language, on their clock, with the sessions as an `.ics`
//! file, and hands it to the sender once.
//!
//! Once: a sender first claims a message (a conditional update that only one can win), and
//! a claim left by a sender that died is taken over after `STALE_MINUTES`. The HTTP sender
//! passes the message's id as `Idempotency-Key`, so the email service drops a resend of a
//! message whose success we did not get to record.
//!
//! Never lost: a message that fails is tried again after 1, 2, 4 … minutes (at most 6 hours
//! apart); with a real email service it is given up on ("failed") only after about three
//! days, and an administrator sees it and can send it again. While no sender is set up, no
//! attempt is spent: messages wait, saying why. The manage link a message carries is kept
//! only until it is sent (or dropped, or its registrant deletes their data).

use std::collections::BTreeMap;

use base64::Engine;
use chrono::{DateTime, TimeDelta, Utc};
use relais_domain::account::joining::{
    compose_account_message, AccountMessage, AccountMessageFacts,
};
use relais_domain::account::{Action, Role};
use relais_domain::announcement;
use relais_domain::coaching::organisation::{self, OrganisationMessage, OrganisationMessageFacts};
use relais_domain::community::{self, CommunityMessage, CommunityMessageFacts, Standing};
use relais_domain::news::{self, NewsFacts, NewsMessage, Purpose};
use relais_domain::problem::ProblemKind;
use relais_domain::registration::{self, MessageFacts, MessageKind, Reason, Status};
use relais_domain::{schedule, Lang};
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsValue;
use worker::{
    console_log, console_warn, Context, D1Database, Env, Fetch, Headers, Method, Request,
    RequestInit, Response,
};

use crate::auth;
use crate::calendar;
use crate::catalog::{now, stamp};
use crate::http::{self, private_json, ApiError, Caller};
use crate::registration::transitions;
use crate::rows::{instant, required_text, text};

/// A claim older than this is taken to be from a sender that died.
const STALE_MINUTES: i64 = 10;
/// After this many attempts with a real sender a message is given up on ("failed") and
/// waits for an administrator: with `backoff`, about three days of trying.
const MAX_ATTEMPTS: u32 = 20;
/// The longest wait between two attempts.
const MAX_BACKOFF_MINUTES: i64 = 6 * 60;
/// Messages sent per dispatch; the cron takes the rest.
const BATCH: u32 = 25;

/// Queues a reminder for every place held in a session starting within the next 24 hours;
/// a reminder already queued is not queued again.
pub async fn queue_reminders(db: &D1Database, now: DateTime<Utc>) -> Result<u32, ApiError> {
    let result = db
        .prepare(format!(
            "INSERT INTO outbox (registration_id, edition_id, kind, session_id, dedupe, created_at) \
             SELECT r.id, r.edition_id, 'reminder', s.id, 'reminder:' || s.id || ':' || r.id, ?1 \
             FROM session s JOIN registration r ON r.edition_id = s.edition_id \
             WHERE s.starts_at > ?1 AND s.starts_at <= ?2 AND {} AND {} \
             ON CONFLICT (dedupe) DO NOTHING",
            transitions::holds_place("r"),
            // A cancelled session has its own message, not a reminder.
            crate::catalog::visible::session_shown("s")
        ))
        .bind(&[stamp(now), stamp(now + TimeDelta::hours(24))])?
        .run()
        .await?;
    Ok(result.meta()?.and_then(|m| m.changes).unwrap_or(0) as u32)
}

#[derive(Deserialize)]
struct Pending {
    id: u32,
    /// `None` for a message about an account.
    registration_id: Option<String>,
    /// For an account's message: its link's key (`auth::links::message_key`).
    dedupe: Option<String>,
    kind: String,
    session_id: Option<String>,
    manage_url: Option<String>,
    /// For `links`: every registration's new link, by registration id.
    links: Option<String>,
    /// For `links`: the language the form was used in.
    lang: Option<String>,
    reason: Option<String>,
    note: Option<String>,
    attempts: u32,
    /// For an announcement: which one.
    announcement_id: Option<String>,
    /// For a community's message: the member it tells.
    member_id: Option<String>,
    /// For news: the follow it serves, and for new dates the edition.
    follow_id: Option<String>,
    edition_id: Option<String>,
    /// For an organisation's message: the contact it goes to.
    contact_id: Option<String>,
}

#[derive(Deserialize)]
struct Recipient {
    status: String,
    name: String,
    email: String,
    lang: String,
    zone: String,
    origin: String,
    hold_until: Option<String>,
    position: u32,
    offering_id: String,
    offering_title: String,
    private_details: String,
}

#[derive(Deserialize)]
struct SessionTimes {
    id: String,
    title: String,
    starts_at: String,
    ends_at: String,
    sequence: u32,
    cancelled: u32,
}

/// Which waiting messages to send.
#[derive(Clone)]
pub enum Only {
    All,
    /// One registration's (the one a request just created, or whose link it sent again):
    /// a request sends its own message, not a backlog.
    Registration(String),
    /// An edition's (a cancellation may have promoted someone).
    Edition(String),
    /// One message (an administrator's retry).
    Message(u32),
}

/// How a dispatch went.
pub struct Dispatched {
    pub sent: u32,
    /// Why nothing was tried, when no sender is set up.
    pub waiting: Option<&'static str>,
}

/// How long to wait after a message's `attempts`-th failure: 1, 2, 4 … minutes, at most
/// `MAX_BACKOFF_MINUTES`.
pub fn backoff(attempts: u32) -> TimeDelta {
    let doublings = attempts.saturating_sub(1).min(20);
    TimeDelta::minutes((1_i64 << doublings).min(MAX_BACKOFF_MINUTES))
}

/// Sends `only`'s waiting messages once the answer that queued them is on its way.
pub fn send_soon(env: &Env, ctx: &Context, only: Only) {
    let env = env.clone();
    ctx.wait_until(async move {
        match dispatch(&env, only).await {
            Ok(Dispatched {
                waiting: Some(why), ..
            }) => console_warn!("outbox: messages wait: {why}"),
            Ok(_) => {}
            Err(error) => console_warn!("outbox: {error:?}"),
        }
    });
}

/// Sends what is due, oldest first. Without a sender set up, nothing is tried: the waiting
/// messages say why in `last_error`, and keep their attempts.
pub async fn dispatch(env: &Env, only: Only) -> Result<Dispatched, ApiError> {
    let db = env.d1("DB")?;
    let sender = match Sender::from_env(env) {
        Ok(sender) => sender,
        Err(why) => {
            db.prepare(
                "UPDATE outbox SET last_error = ?1 \
                 WHERE sent_at IS NULL AND failed_at IS NULL AND last_error IS NOT ?1",
            )
            .bind(&[why.into()])?
            .run()
            .await?;
            return Ok(Dispatched {
                sent: 0,
                waiting: Some(why),
            });
        }
    };
    let now = now();
    let stale = stamp(now - TimeDelta::minutes(STALE_MINUTES));
    let pending: Vec<Pending> = db
        .prepare(
            "SELECT id, registration_id, dedupe, kind, session_id, manage_url, links, lang, reason, note, attempts, \
               announcement_id, member_id, follow_id, edition_id, contact_id FROM outbox \
             WHERE sent_at IS NULL AND failed_at IS NULL \
               AND (next_attempt_at IS NULL OR next_attempt_at <= ?6) \
               AND (claimed_at IS NULL OR claimed_at < ?2) \
               AND (?4 IS NULL OR registration_id = ?4) AND (?5 IS NULL OR edition_id = ?5) \
               AND (?1 IS NULL OR id = ?1) \
             ORDER BY id LIMIT ?3",
        )
        .bind(&[
            match &only {
                Only::Message(id) => JsValue::from(*id),
                _ => JsValue::NULL,
            },
            stale.clone(),
            BATCH.into(),
            match &only {
                Only::Registration(id) => JsValue::from(id.as_str()),
                _ => JsValue::NULL,
            },
            match &only {
                Only::Edition(id) => JsValue::from(id.as_str()),
                _ => JsValue::NULL,
            },
            stamp(now),
        ])?
        .all()
        .await?
        .results()?;
    let mut sent = 0;
    for message in pending {
        let claim = db
            .prepare(
                "UPDATE outbox SET claimed_at = ?2, attempts = attempts + 1 \
                 WHERE id = ?1 AND sent_at IS NULL AND failed_at IS NULL \
                   AND (next_attempt_at IS NULL OR next_attempt_at <= ?2) \
                   AND (claimed_at IS NULL OR claimed_at < ?3)",
            )
            .bind(&[message.id.into(), stamp(now), stale.clone()])?
            .run()
            .await?;
        if claim.meta()?.and_then(|m| m.changes) != Some(1) {
            continue; // another sender has it
        }
        match deliver(&db, &sender, &message, now).await {
            Ok(()) => sent += 1,
            Err(error) => {
                console_warn!("outbox {}: {error}", message.id);
                let next = now + backoff(message.attempts + 1);
                db.prepare(
                    "UPDATE outbox SET claimed_at = NULL, last_error = ?2, next_attempt_at = ?3, \
                       failed_at = CASE WHEN attempts >= ?4 THEN ?5 END WHERE id = ?1",
                )
                .bind(&[
                    message.id.into(),
                    error.as_str().into(),
                    stamp(next),
                    MAX_ATTEMPTS.into(),
                    stamp(now),
                ])?
                .run()
                .await?;
            }
        }
    }
    Ok(Dispatched {
        sent,
        waiting: None,
    })
}

/// Writes one message and hands it to the sender: find its recipient (none left: dropped),
/// check it still holds (a message for a place, to someone who no longer has one: dropped),
/// read their sessions on their clock, compose, send, and record what was sent.
async fn deliver(
    db: &D1Database,
    sender: &Sender,
    message: &Pending,
    now: DateTime<Utc>,
) -> Result<(), String> {
    if let Some(kind) = AccountMessage::parse(&message.kind) {
        return deliver_account_message(db, sender, message, kind, now).await;
    }
    if message.kind == announcement::OUTBOX_KIND {
        return deliver_announcement(db, sender, message, now).await;
    }
    if let Some(kind) = CommunityMessage::parse(&message.kind) {
        return deliver_community_message(db, sender, message, kind, now).await;
    }
    if let Some(kind) = NewsMessage::parse(&message.kind) {
        return deliver_news(db, sender, message, kind, now).await;
    }
    if let Some(kind) = OrganisationMessage::parse(&message.kind) {
        return deliver_organisation_message(db, sender, message, kind, now).await;
    }
    let kind = MessageKind::parse(&message.kind).ok_or(format!("kind {}", message.kind))?;
    if kind == MessageKind::Links {
        return deliver_links(db, sender, message, now).await;
    }
    let registration_id = message.registration_id.as_deref().unwrap_or_default();
    let Some(recipient) = find_recipient(db, registration_id).await? else {
        // The registrant deleted their data: nothing to send, nobody to send it to.
        return drop_message(db, message, now, "recipient deleted").await;
    };
    // A message for someone with a place carries the meeting link: not if, since it was
    // queued, they have cancelled or been declined.
    let holds_place = Status::parse(&recipient.status).is_some_and(Status::holds_place);
    if kind.for_a_place() && !holds_place {
        return drop_message(db, message, now, "superseded: no longer holds a place").await;
    }
    let lang = Lang::parse(&recipient.lang).unwrap_or_else(Lang::default_lang);
    let messages = http::messages(lang).map_err(internal)?;
    let sessions = sessions_on_their_clock(db, message, &recipient.zone, lang).await?;
    let offering = required_text(&recipient.offering_title, lang, &recipient.offering_id)
        .map_err(internal)?
        .text;
    // A session's change goes to people waiting too, with its calendar entry; the meeting
    // link only to people with a place.
    let with_place = kind.for_a_place() || (kind.tells_a_session_change() && holds_place);
    let private_details = if with_place {
        text(&recipient.private_details, lang)
            .map_err(internal)?
            .map(|t| t.text)
    } else {
        None
    };
    let facts = MessageFacts {
        name: recipient.name.clone(),
        offering: offering.clone(),
        waitlist_position: Some(recipient.position),
        zone: recipient.zone.clone(),
        sessions: sessions.spans,
        private_details: private_details.clone(),
        manage_url: message.manage_url.clone(),
        reason: told_reason(message, &messages),
        note: told_note(message),
        confirm_by: recipient
            .hold_until
            .as_deref()
            .map(|at| on_clock(at, &recipient.zone))
            .transpose()?,
        links: vec![],
    };
    let composed = registration::compose(kind, &facts, &messages);
    let ics = (kind.for_a_place() || kind.tells_a_session_change()).then(|| {
        let page = format!(
            "{}/{}/offerings/{}",
            recipient.origin,
            lang.code(),
            recipient.offering_id
        );
        calendar::private_calendar(
            &sessions.events,
            &offering,
            &page,
            private_details.as_deref(),
            &messages,
            now,
        )
    });
    let links: Vec<&str> = message.manage_url.iter().map(String::as_str).collect();
    let outgoing = Outgoing {
        addressee: Addressee::Registrant,
        email: &recipient.email,
        lang,
        composed: &composed,
        links: &links,
        ics: ics.as_deref(),
    };
    send_and_record(db, sender, message, outgoing, now).await
}

fn internal(e: ApiError) -> String {
    format!("{e:?}")
}

/// An instant (RFC 3339) on the wall clock of `zone`.
fn on_clock(at: &str, zone: &str) -> Result<chrono::NaiveDateTime, String> {
    let at = instant(at).map_err(internal)?;
    let offset = schedule::offset_minutes(at, zone).map_err(|e| e.to_string())?;
    Ok((at + TimeDelta::minutes(offset.into())).naive_utc())
}

async fn find_recipient(
    db: &D1Database,
    registration_id: &str,
) -> Result<Option<Recipient>, String> {
    db.prepare(format!(
        "SELECT r.name, r.email, r.lang, r.zone, r.origin, r.status, r.hold_until, \
           {} AS position, o.id AS offering_id, o.title AS offering_title, e.private_details \
         FROM registration r JOIN edition e ON e.id = r.edition_id JOIN offering o ON o.id = e.offering_id \
         WHERE r.id = ?1",
        transitions::waitlist_position("r")
    ))
    .bind(&[registration_id.into()])
    .map_err(|e| e.to_string())?
    .first(None)
    .await
    .map_err(|e| e.to_string())
}

/// A message that will never be sent (nobody to send it to, or no longer true): marked done,
/// with why, and any link it held forgotten.
async fn drop_message(
    db: &D1Database,
    message: &Pending,
    now: DateTime<Utc>,
    why: &'static str,
) -> Result<(), String> {
    db.prepare(
        "UPDATE outbox SET sent_at = ?2, manage_url = NULL, links = NULL, last_error = ?3 WHERE id = ?1",
    )
    .bind(&[message.id.into(), stamp(now), why.into()])
    .map_err(|e| e.to_string())?
    .run()
    .await
    .map_err(|e| e.to_string())?;
    Ok(())
}

/// A message's sessions (a reminder's one, else the edition's) on the recipient's clock, and
/// as calendar events.
struct TheirSessions {
    spans: Vec<(chrono::NaiveDateTime, chrono::NaiveDateTime)>,
    events: Vec<calendar::SessionEvent>,
}

async fn sessions_on_their_clock(
    db: &D1Database,
    message: &Pending,
    zone: &str,
    lang: Lang,
) -> Result<TheirSessions, String> {
    let (condition, id) = match &message.session_id {
        Some(session) => ("id = ?1", session.as_str()),
        None => (
            "edition_id = (SELECT edition_id FROM registration WHERE id = ?1)",
            message.registration_id.as_deref().unwrap_or_default(),
        ),
    };
    let sessions: Vec<SessionTimes> = db
        .prepare(format!(
            "SELECT id, title, starts_at, ends_at, sequence, cancelled_at IS NOT NULL AS cancelled \
             FROM session WHERE {condition} ORDER BY starts_at"
        ))
        .bind(&[id.into()])
        .map_err(|e| e.to_string())?
        .all()
        .await
        .map_err(|e| e.to_string())?
        .results()
        .map_err(|e| e.to_string())?;
    let mut theirs = TheirSessions {
        spans: vec![],
        events: vec![],
    };
    for s in &sessions {
        theirs
            .spans
            .push((on_clock(&s.starts_at, zone)?, on_clock(&s.ends_at, zone)?));
        theirs.events.push(calendar::SessionEvent {
            id: s.id.clone(),
            title: text(&s.title, lang).map_err(internal)?.map(|t| t.text),
            starts_at: instant(&s.starts_at).map_err(internal)?,
            ends_at: instant(&s.ends_at).map_err(internal)?,
            sequence: s.sequence,
            cancelled: s.cancelled != 0,
        });
    }
    Ok(theirs)
}

/// Whom a message is for, by the table its outbox row points to: a message is recorded as
/// sent only while its recipient is still there, so one who left meanwhile stays erased.
#[derive(Clone, Copy)]
enum Addressee {
    Registrant,
    Member,
    Follower,
    Contact,
}

impl Addressee {
    fn still_there(self) -> &'static str {
        match self {
            Addressee::Registrant => {
                "EXISTS (SELECT 1 FROM registration WHERE id = outbox.registration_id)"
            }
            Addressee::Member => {
                "EXISTS (SELECT 1 FROM community_member WHERE id = outbox.member_id)"
            }
            Addressee::Follower => "EXISTS (SELECT 1 FROM follow WHERE id = outbox.follow_id)",
            Addressee::Contact => {
                "EXISTS (SELECT 1 FROM organisation_contact WHERE id = outbox.contact_id)"
            }
        }
    }
}

/// A message as written for its recipient, ready to go.
struct Outgoing<'a> {
    addressee: Addressee,
    email: &'a str,
    lang: Lang,
    composed: &'a registration::Composed,
    /// The private links it carries: forgotten once it is sent.
    links: &'a [&'a str],
    ics: Option<&'a str>,
}

/// Sends the message, then records it as sent as coordinators may read it: without the
/// private links it carried, which are forgotten. A recipient who deleted their data while
/// it was sent stays erased (the message is dropped instead).
async fn send_and_record(
    db: &D1Database,
    sender: &Sender,
    message: &Pending,
    outgoing: Outgoing<'_>,
    now: DateTime<Utc>,
) -> Result<(), String> {
    let Outgoing {
        addressee,
        email,
        lang,
        composed,
        links,
        ics,
    } = outgoing;
    sender
        .send(message.id, email, &composed.subject, &composed.body, ics)
        .await?;
    let kept_body = links
        .iter()
        .filter(|url| !url.is_empty())
        .fold(composed.body.clone(), |body, url| {
            body.replace(url, "[lien privé / private link]")
        });
    let recorded = db
        .prepare(format!(
            "UPDATE outbox SET sent_at = ?2, recipient = ?3, lang = ?4, subject = ?5, body = ?6, \
           manage_url = NULL, links = NULL, claimed_at = NULL, last_error = NULL WHERE id = ?1 \
           AND {}",
            addressee.still_there()
        ))
        .bind(&[
            message.id.into(),
            stamp(now),
            email.into(),
            lang.code().into(),
            composed.subject.as_str().into(),
            kept_body.as_str().into(),
        ])
        .map_err(|e| e.to_string())?
        .run()
        .await
        .map_err(|e| e.to_string())?;
    let recorded = recorded
        .meta()
        .map_err(|e| e.to_string())?
        .and_then(|m| m.changes);
    if recorded == Some(1) {
        return Ok(());
    }
    drop_message(db, message, now, "recipient deleted").await
}

#[derive(Deserialize)]
struct AnnouncementRow {
    subject: String,
    body: String,
    include_sessions: u32,
}

/// A coordinator's announcement to one of its recipients, in their language, with the
/// sessions still to come on their clock when the coordinator asked for them; dropped if they
/// are no longer registered.
async fn deliver_announcement(
    db: &D1Database,
    sender: &Sender,
    message: &Pending,
    now: DateTime<Utc>,
) -> Result<(), String> {
    let registration_id = message.registration_id.as_deref().unwrap_or_default();
    let Some(recipient) = find_recipient(db, registration_id).await? else {
        return drop_message(db, message, now, "recipient deleted").await;
    };
    let registered = Status::parse(&recipient.status)
        .is_some_and(|s| announcement::Audience::Active.includes(s));
    if !registered {
        return drop_message(db, message, now, "superseded: no longer registered").await;
    }
    let written: Option<AnnouncementRow> = db
        .prepare("SELECT subject, body, include_sessions FROM announcement WHERE id = ?1")
        .bind(&[message
            .announcement_id
            .as_deref()
            .unwrap_or_default()
            .into()])
        .map_err(|e| e.to_string())?
        .first(None)
        .await
        .map_err(|e| e.to_string())?;
    let Some(written) = written else {
        return drop_message(db, message, now, "no announcement").await;
    };
    let lang = Lang::parse(&recipient.lang).unwrap_or_else(Lang::default_lang);
    let messages = http::messages(lang).map_err(internal)?;
    let in_their_lang = |json: &str| {
        text(json, lang)
            .map_err(internal)
            .map(|t| t.map(|t| t.text.trim().to_owned()).unwrap_or_default())
    };
    let sessions = if written.include_sessions == 1 {
        let theirs = sessions_on_their_clock(db, message, &recipient.zone, lang).await?;
        theirs
            .spans
            .into_iter()
            .zip(theirs.events)
            .filter(|(_, event)| !event.cancelled && event.ends_at > now)
            .map(|(span, _)| span)
            .collect()
    } else {
        vec![]
    };
    let facts = announcement::AnnouncementFacts {
        name: recipient.name.clone(),
        offering: required_text(&recipient.offering_title, lang, &recipient.offering_id)
            .map_err(internal)?
            .text,
        subject: in_their_lang(&written.subject)?,
        body: in_their_lang(&written.body)?,
        zone: recipient.zone.clone(),
        sessions,
    };
    let composed = announcement::compose(&facts, &messages);
    let outgoing = Outgoing {
        addressee: Addressee::Registrant,
        email: &recipient.email,
        lang,
        composed: &composed,
        links: &[],
        ics: None,
    };
    send_and_record(db, sender, message, outgoing, now).await
}

#[derive(Deserialize)]
struct LinkedRegistration {
    id: String,
    name: String,
    email: String,
    zone: String,
    offering_id: String,
    offering_title: String,
    starts_at: Option<String>,
}

/// "Send me my links": one message with a new link for each of an address's registrations,
/// in the language the form was used in, each registration named by its offering and when
/// it starts on the registrant's clock.
async fn deliver_links(
    db: &D1Database,
    sender: &Sender,
    message: &Pending,
    now: DateTime<Utc>,
) -> Result<(), String> {
    let links: BTreeMap<String, String> = message
        .links
        .as_deref()
        .map(serde_json::from_str)
        .transpose()
        .map_err(|e| e.to_string())?
        .unwrap_or_default();
    let ids: Vec<&String> = links.keys().collect();
    let found: Vec<LinkedRegistration> = db
        .prepare(
            "SELECT r.id, r.name, r.email, r.zone, o.id AS offering_id, o.title AS offering_title, e.starts_at \
             FROM registration r JOIN edition e ON e.id = r.edition_id JOIN offering o ON o.id = e.offering_id \
             WHERE r.id IN (SELECT value FROM json_each(?1)) ORDER BY e.starts_at",
        )
        .bind(&[serde_json::to_string(&ids).map_err(|e| e.to_string())?.into()])
        .map_err(|e| e.to_string())?
        .all()
        .await
        .map_err(|e| e.to_string())?
        .results()
        .map_err(|e| e.to_string())?;
    let Some(first) = found.first() else {
        return drop_message(db, message, now, "recipient deleted").await;
    };
    let lang = message
        .lang
        .as_deref()
        .and_then(Lang::parse)
        .unwrap_or_else(Lang::default_lang);
    let messages = http::messages(lang).map_err(internal)?;
    let mut listed = vec![];
    for r in &found {
        let Some(url) = links.get(&r.id) else {
            continue;
        };
        let offering = required_text(&r.offering_title, lang, &r.offering_id)
            .map_err(internal)?
            .text;
        let starts = r
            .starts_at
            .as_deref()
            .map(|at| on_clock(at, &r.zone))
            .transpose()?;
        listed.push((offering, starts, url.clone()));
    }
    let facts = MessageFacts {
        name: first.name.clone(),
        offering: String::new(),
        waitlist_position: None,
        zone: first.zone.clone(),
        sessions: vec![],
        private_details: None,
        manage_url: None,
        reason: None,
        note: None,
        confirm_by: None,
        links: listed,
    };
    let composed = registration::compose(MessageKind::Links, &facts, &messages);
    let urls: Vec<&str> = links.values().map(String::as_str).collect();
    let outgoing = Outgoing {
        addressee: Addressee::Registrant,
        email: &first.email,
        lang,
        composed: &composed,
        links: &urls,
        ics: None,
    };
    send_and_record(db, sender, message, outgoing, now).await
}

#[derive(Deserialize)]
struct LinkFacts {
    email: String,
    name: Option<String>,
    inviter: Option<String>,
    network: Option<String>,
    role: Option<String>,
    administrator: u32,
    used_at: Option<String>,
    expires_at: String,
}

/// An invitation or a password reset: composed from its link (found by the digest its
/// `dedupe` names) in the language it was asked in, and dropped if the link has been used
/// or has expired meanwhile. What is kept after sending has the link blanked out.
async fn deliver_account_message(
    db: &D1Database,
    sender: &Sender,
    message: &Pending,
    kind: AccountMessage,
    now: DateTime<Utc>,
) -> Result<(), String> {
    let digest = message
        .dedupe
        .as_deref()
        .and_then(|d| d.strip_prefix("account-link:"))
        .unwrap_or_default();
    let link: Option<LinkFacts> = db
        .prepare(
            "SELECT l.email, a.name, inviter.name AS inviter, n.name AS network, l.role, \
               l.administrator, l.used_at, l.expires_at FROM account_link l \
             LEFT JOIN account a ON a.email = l.email \
             LEFT JOIN account inviter ON inviter.id = l.created_by \
             LEFT JOIN network n ON n.id = l.network_id WHERE l.token_hash = ?1",
        )
        .bind(&[digest.into()])
        .map_err(|e| e.to_string())?
        .first(None)
        .await
        .map_err(|e| e.to_string())?;
    let (Some(link), Some(url)) = (link, message.manage_url.clone()) else {
        return drop_message(db, message, now, "no link to send").await;
    };
    if link.used_at.is_some() || instant(&link.expires_at).map_err(internal)? <= now {
        return drop_message(
            db,
            message,
            now,
            "superseded: the link was used or has expired",
        )
        .await;
    }
    let lang = message
        .lang
        .as_deref()
        .and_then(Lang::parse)
        .unwrap_or_else(Lang::default_lang);
    let messages = http::messages(lang).map_err(internal)?;
    let facts = AccountMessageFacts {
        name: link.name,
        inviter: link.inviter,
        network: link.network,
        role: link.role.as_deref().and_then(Role::parse),
        administrator: link.administrator == 1,
        url: url.clone(),
    };
    let composed = compose_account_message(kind, &facts, &messages);
    sender
        .send(
            message.id,
            &link.email,
            &composed.subject,
            &composed.body,
            None,
        )
        .await?;
    let kept_body = composed.body.replace(&url, "[lien privé / private link]");
    db.prepare(
        "UPDATE outbox SET sent_at = ?2, recipient = ?3, lang = ?4, subject = ?5, body = ?6, \
           manage_url = NULL, claimed_at = NULL, last_error = NULL WHERE id = ?1",
    )
    .bind(&[
        message.id.into(),
        stamp(now),
        link.email.as_str().into(),
        lang.code().into(),
        composed.subject.as_str().into(),
        kept_body.as_str().into(),
    ])
    .map_err(|e| e.to_string())?
    .run()
    .await
    .map_err(|e| e.to_string())?;
    Ok(())
}

#[derive(Deserialize)]
struct MemberFacts {
    name: String,
    email: String,
    lang: String,
    standing: Standing,
    network: String,
}

/// A community's message to one applicant or member, in their language, with their link
/// when it carries one; dropped if they have left meanwhile, and a decision's message if
/// another decision has superseded it. What is kept after sending has the link blanked out.
async fn deliver_community_message(
    db: &D1Database,
    sender: &Sender,
    message: &Pending,
    kind: CommunityMessage,
    now: DateTime<Utc>,
) -> Result<(), String> {
    let member: Option<MemberFacts> = db
        .prepare(
            "SELECT m.name, m.email, m.lang, m.standing, n.name AS network \
             FROM community_member m JOIN network n ON n.id = m.network_id WHERE m.id = ?1",
        )
        .bind(&[message.member_id.as_deref().unwrap_or_default().into()])
        .map_err(|e| e.to_string())?
        .first(None)
        .await
        .map_err(|e| e.to_string())?;
    let Some(member) = member else {
        return drop_message(db, message, now, "recipient deleted").await;
    };
    let superseded = match kind {
        CommunityMessage::Accepted => member.standing != Standing::Member,
        CommunityMessage::Declined => member.standing != Standing::Declined,
        CommunityMessage::Applied | CommunityMessage::LinkSent => false,
    };
    if superseded {
        return drop_message(db, message, now, "superseded: another decision followed").await;
    }
    let lang = Lang::parse(&member.lang).unwrap_or_else(Lang::default_lang);
    let messages = http::messages(lang).map_err(internal)?;
    let facts = CommunityMessageFacts {
        name: member.name,
        network: member.network,
        url: message.manage_url.clone(),
    };
    let composed = community::compose_message(kind, &facts, &messages);
    let links: Vec<&str> = facts.url.as_deref().into_iter().collect();
    let outgoing = Outgoing {
        addressee: Addressee::Member,
        email: &member.email,
        lang,
        composed: &composed,
        links: &links,
        ics: None,
    };
    send_and_record(db, sender, message, outgoing, now).await
}

#[derive(Deserialize)]
struct ContactFacts {
    name: String,
    email: String,
    lang: String,
    organisation: String,
    network: String,
}

/// An organisation's message to one of its contacts, in their language, with the
/// organisation's link; dropped if the contact was removed meanwhile. What is kept after
/// sending has the link blanked out.
async fn deliver_organisation_message(
    db: &D1Database,
    sender: &Sender,
    message: &Pending,
    kind: OrganisationMessage,
    now: DateTime<Utc>,
) -> Result<(), String> {
    let contact: Option<ContactFacts> = db
        .prepare(
            "SELECT c.name, c.email, c.lang, o.name AS organisation, n.name AS network \
             FROM organisation_contact c JOIN organisation o ON o.id = c.organisation_id \
             JOIN network n ON n.id = o.network_id WHERE c.id = ?1",
        )
        .bind(&[message.contact_id.as_deref().unwrap_or_default().into()])
        .map_err(|e| e.to_string())?
        .first(None)
        .await
        .map_err(|e| e.to_string())?;
    let Some(contact) = contact else {
        return drop_message(db, message, now, "recipient deleted").await;
    };
    let Some(url) = message.manage_url.clone() else {
        return Err("an organisation's message without its link".into());
    };
    let lang = Lang::parse(&contact.lang).unwrap_or_else(Lang::default_lang);
    let messages = http::messages(lang).map_err(internal)?;
    let facts = OrganisationMessageFacts {
        name: contact.name,
        organisation: contact.organisation,
        network: contact.network,
        url,
    };
    let composed = organisation::compose_message(kind, &facts, &messages);
    let links = [facts.url.as_str()];
    let outgoing = Outgoing {
        addressee: Addressee::Contact,
        email: &contact.email,
        lang,
        composed: &composed,
        links: &links,
        ics: None,
    };
    send_and_record(db, sender, message, outgoing, now).await
}

#[derive(Deserialize)]
struct FollowFacts {
    email: String,
    lang: String,
    zone: String,
    purpose: Purpose,
    confirmed: u32,
    /// The offering's title (JSON, per language) or the network's name.
    subject: String,
    network_id: Option<String>,
}

#[derive(Deserialize)]
struct EditionFacts {
    offering_id: String,
    title: String,
}

#[derive(Deserialize)]
struct Origin {
    origin: String,
}

/// A news message to one follow, in its language: the link to confirm (dropped once
/// confirmed or stopped), or an edition's new dates on their clock with a new link to stop
/// in one click (dropped if they stopped, or never confirmed). What is kept after sending has
/// the link blanked out.
async fn deliver_news(
    db: &D1Database,
    sender: &Sender,
    message: &Pending,
    kind: NewsMessage,
    now: DateTime<Utc>,
) -> Result<(), String> {
    let follow_id = message.follow_id.as_deref().unwrap_or_default();
    let follow: Option<FollowFacts> = db
        .prepare(
            "SELECT f.email, f.lang, f.zone, f.purpose, f.confirmed_at IS NOT NULL AS confirmed, \
               coalesce(o.title, n.name) AS subject, f.network_id FROM follow f \
             LEFT JOIN offering o ON o.id = f.offering_id LEFT JOIN network n ON n.id = f.network_id \
             WHERE f.id = ?1",
        )
        .bind(&[follow_id.into()])
        .map_err(|e| e.to_string())?
        .first(None)
        .await
        .map_err(|e| e.to_string())?;
    let Some(follow) = follow else {
        return drop_message(db, message, now, "recipient deleted").await;
    };
    let confirmed = follow.confirmed != 0;
    match kind {
        NewsMessage::Confirm if confirmed => {
            return drop_message(db, message, now, "superseded: already confirmed").await
        }
        NewsMessage::NewDates | NewsMessage::Digest if !confirmed => {
            return drop_message(db, message, now, "never confirmed").await
        }
        _ => {}
    }
    let lang = Lang::parse(&follow.lang).unwrap_or_else(Lang::default_lang);
    let messages = http::messages(lang).map_err(internal)?;
    let in_lang = |json: &str| -> Result<String, String> {
        Ok(serde_json::from_str::<relais_domain::Localized>(json)
            .map_err(|e| e.to_string())?
            .resolve(lang)
            .map(|t| t.text)
            .unwrap_or_default())
    };
    let subject = match follow.purpose {
        Purpose::OfferingDates => in_lang(&follow.subject)?,
        Purpose::NetworkNews => follow.subject.clone(),
    };
    let mut facts = NewsFacts {
        purpose: follow.purpose,
        subject,
        offering: None,
        page: None,
        zone: follow.zone.clone(),
        sessions: vec![],
        note: None,
        coming: vec![],
        url: message.manage_url.clone().unwrap_or_default(),
    };
    let origin = || -> Result<String, String> {
        let origin: Origin = serde_json::from_str(message.links.as_deref().unwrap_or("{}"))
            .map_err(|e| e.to_string())?;
        Ok(origin.origin)
    };
    if kind == NewsMessage::Digest {
        let network = follow.network_id.as_deref().unwrap_or_default();
        let coming = crate::news::digest::coming(
            db,
            network,
            &now.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        )
        .await
        .map_err(|e| format!("{e:?}"))?;
        if coming.is_empty() {
            return drop_message(db, message, now, "superseded: nothing coming").await;
        }
        let origin = origin()?;
        for item in coming {
            facts.coming.push(news::ComingItem {
                title: in_lang(&item.title)?,
                starts: on_clock(&item.starts_at, &follow.zone)?,
                page: format!("{origin}/{}/offerings/{}", lang.code(), item.offering_id),
            });
        }
        facts.note = message
            .note
            .as_deref()
            .map(in_lang)
            .transpose()?
            .filter(|n| !n.trim().is_empty());
        facts.url = stop_link(db, follow_id, &origin, lang, now).await?;
    }
    if kind == NewsMessage::NewDates {
        let edition_id = message.edition_id.as_deref().unwrap_or_default();
        // Read as the public sees it now: an edition unpublished or given to its community's
        // members since the message was queued is news no longer.
        let edition: Option<EditionFacts> = db
            .prepare(format!(
                "SELECT o.id AS offering_id, o.title FROM edition e \
                 JOIN offering o ON o.id = e.offering_id WHERE e.id = ?1 AND {}",
                crate::catalog::visible::edition_shown("e", "o")
            ))
            .bind(&[edition_id.into()])
            .map_err(|e| e.to_string())?
            .first(None)
            .await
            .map_err(|e| e.to_string())?;
        let Some(edition) = edition else {
            return drop_message(db, message, now, "superseded: no longer public").await;
        };
        let origin = origin()?;
        let sessions: Vec<SessionTimes> = db
            .prepare(format!(
                "SELECT id, title, starts_at, ends_at, sequence, cancelled_at IS NOT NULL AS cancelled \
                 FROM session s WHERE s.edition_id = ?1 AND {} ORDER BY starts_at",
                crate::catalog::visible::session_shown("s")
            ))
            .bind(&[edition_id.into()])
            .map_err(|e| e.to_string())?
            .all()
            .await
            .map_err(|e| e.to_string())?
            .results()
            .map_err(|e| e.to_string())?;
        for s in &sessions {
            facts.sessions.push((
                on_clock(&s.starts_at, &follow.zone)?,
                on_clock(&s.ends_at, &follow.zone)?,
            ));
        }
        facts.offering = Some(in_lang(&edition.title)?);
        facts.page = Some(format!(
            "{origin}/{}/offerings/{}",
            lang.code(),
            edition.offering_id
        ));
        facts.url = stop_link(db, follow_id, &origin, lang, now).await?;
    }
    let composed = news::compose(kind, &facts, &messages);
    let outgoing = Outgoing {
        addressee: Addressee::Follower,
        email: &follow.email,
        lang,
        composed: &composed,
        links: &[facts.url.as_str()],
        ics: None,
    };
    send_and_record(db, sender, message, outgoing, now).await
}

/// A new link to stop the follow's messages in one click, for one message: its digest is
/// all that is kept.
async fn stop_link(
    db: &D1Database,
    follow_id: &str,
    origin: &str,
    lang: Lang,
    now: DateTime<Utc>,
) -> Result<String, String> {
    let crate::crypto::PrivateToken {
        token,
        token_hash: digest,
    } = crate::crypto::PrivateToken::new().await.map_err(internal)?;
    db.prepare(
        "INSERT INTO follow_token (token_hash, follow_id, created_at) \
         SELECT ?1, id, ?3 FROM follow WHERE id = ?2",
    )
    .bind(&[digest.into(), follow_id.into(), stamp(now)])
    .map_err(|e| e.to_string())?
    .run()
    .await
    .map_err(|e| e.to_string())?;
    Ok(format!("{origin}/{}/follow/{token}?stop", lang.code()))
}

/// A coordinator's message with a decision that needs no reason, as written.
fn told_note(message: &Pending) -> Option<String> {
    match message.reason {
        Some(_) => None,
        None => message.note.clone().filter(|n| !n.is_empty()),
    }
}

/// A coordinator's reason in the recipient's language, with their note as written.
fn told_reason(message: &Pending, messages: &relais_domain::i18n::Messages) -> Option<String> {
    let reason = message.reason.as_deref().and_then(Reason::parse)?;
    let mut told = messages.get(&format!("reason-{}", reason.as_str()));
    if let Some(note) = message.note.as_deref().filter(|n| !n.is_empty()) {
        told.push_str(&format!(" — {note}"));
    }
    Some(told)
}

/// Where messages go: locally a sender that only marks them delivered (and keeps what it
/// would have sent, for developers and the tests to read); in production an
/// email service's HTTP API (`MAIL_SENDER = "http"`, `MAIL_API_URL`, `MAIL_FROM`, and the
/// secret `MAIL_API_KEY` from `wrangler secret put`).
enum Sender {
    /// Only where `RELAIS_ENV` says "local" (`scripts/dev`, `scripts/test`): deployed, it
    /// would mark every message sent while nobody receives them. It keeps each message in KV
    /// for an hour (`dev-mail:<message id>`: to, subject, body), and logs it: the only way,
    /// locally, to follow an invitation's or a reset's link.
    Dev(Option<worker::kv::KvStore>),
    Http {
        url: String,
        key: String,
        from: String,
    },
}

impl Sender {
    /// The sender the environment sets up, or why there is none (messages then wait).
    fn from_env(env: &Env) -> Result<Sender, &'static str> {
        let var = |name: &str| env.var(name).ok().map(|v| v.to_string());
        match var("MAIL_SENDER").as_deref() {
            Some("http") => match (
                var("MAIL_API_URL"),
                env.secret("MAIL_API_KEY").ok(),
                var("MAIL_FROM"),
            ) {
                (Some(url), Some(key), Some(from)) => Ok(Sender::Http {
                    url,
                    key: key.to_string(),
                    from,
                }),
                _ => Err(
                    "MAIL_SENDER is http but MAIL_API_URL, MAIL_API_KEY or MAIL_FROM is missing",
                ),
            },
            Some("dev") if var("RELAIS_ENV").as_deref() == Some("local") => {
                Ok(Sender::Dev(env.kv("KV").ok()))
            }
            Some("dev") => Err(
                "MAIL_SENDER is dev, which only runs locally (RELAIS_ENV = \"local\"): \
                 set up an email service (README, Deploying)",
            ),
            _ => Err("no sender: MAIL_SENDER is not set to \"http\" (README, Deploying)"),
        }
    }

    async fn send(
        &self,
        id: u32,
        to: &str,
        subject: &str,
        body: &str,
        ics: Option<&str>,
    ) -> Result<(), String> {
        match self {
            Sender::Dev(mailbox) => {
                console_log!("dev sender: message {id} to {to}: {subject}\n{body}");
                if let Some(mailbox) = mailbox {
                    let kept = serde_json::json!({ "to": to, "subject": subject, "body": body });
                    mailbox
                        .put(&format!("dev-mail:{id}"), kept.to_string())
                        .map_err(|e| e.to_string())?
                        .expiration_ttl(3600)
                        .execute()
                        .await
                        .map_err(|e| e.to_string())?;
                }
                Ok(())
            }
            Sender::Http { url, key, from } => {
                let attachments: Vec<serde_json::Value> = ics
                    .map(|ics| {
                        serde_json::json!({
                            "filename": "relais.ics",
                            "content": base64::engine::general_purpose::STANDARD.encode(ics),
                            "content_type": "text/calendar; charset=utf-8",
                        })
                    })
                    .into_iter()
                    .collect();
                let payload = serde_json::json!({
                    "from": from, "to": [to], "subject": subject, "text": body, "attachments": attachments,
                });
                let headers = Headers::new();
                let set = |k: &str, v: &str| headers.set(k, v).map_err(|e| e.to_string());
                set("Content-Type", "application/json")?;
                set("Authorization", &format!("Bearer {key}"))?;
                set("Idempotency-Key", &format!("relais-outbox-{id}"))?;
                let mut init = RequestInit::new();
                init.with_method(Method::Post)
                    .with_headers(headers)
                    .with_body(Some(JsValue::from_str(&payload.to_string())));
                let request =
                    worker::Request::new_with_init(url, &init).map_err(|e| e.to_string())?;
                let response = Fetch::Request(request)
                    .send()
                    .await
                    .map_err(|e| e.to_string())?;
                match response.status_code() {
                    200..=299 => Ok(()),
                    status => Err(format!("email service answered {status}")),
                }
            }
        }
    }
}

/// A message that has not gone out, as administrators see it (never its manage link).
#[derive(Serialize, Deserialize)]
struct Unsent {
    id: u32,
    /// `None` for a message about an account.
    registration_id: Option<String>,
    edition_id: Option<String>,
    kind: String,
    created_at: String,
    attempts: u32,
    last_error: Option<String>,
    next_attempt_at: Option<String>,
    failed_at: Option<String>,
}

const UNSENT_COLUMNS: &str = "id, registration_id, edition_id, kind, created_at, attempts, \
     last_error, next_attempt_at, failed_at";

/// `GET /api/admin/outbox?state=failed|waiting`: messages given up on (the default), or
/// still waiting to be sent, oldest first.
pub async fn unsent(req: &Request, env: &Env, caller: &Caller) -> Result<Response, ApiError> {
    auth::require(req, env, Action::ResendMessages, false).await?;
    let failed = match caller.param("state").unwrap_or("failed") {
        "failed" => true,
        "waiting" => false,
        _ => {
            return Err(ApiError::Problem(
                ProblemKind::InvalidQuery,
                vec![("state", "unknown-outbox-state")],
            ))
        }
    };
    let messages: Vec<Unsent> = env
        .d1("DB")?
        .prepare(format!(
            "SELECT {UNSENT_COLUMNS} FROM outbox \
             WHERE sent_at IS NULL AND (failed_at IS NOT NULL) = ?1 ORDER BY id LIMIT 200"
        ))
        .bind(&[u32::from(failed).into()])?
        .all()
        .await?
        .results()?;
    private_json(&messages)
}

/// `POST /api/admin/outbox/{id}/retry`: a message not yet sent starts again from its first
/// attempt and is sent right after the answer (202); one already sent is a conflict.
pub async fn retry(
    req: &Request,
    env: &Env,
    ctx: &Context,
    id: &str,
) -> Result<Response, ApiError> {
    auth::require(req, env, Action::ResendMessages, true).await?;
    let not_found = || ApiError::Problem(ProblemKind::NotFound, vec![]);
    let id: u32 = id.parse().map_err(|_| not_found())?;
    let db = env.d1("DB")?;
    let reset: Option<Unsent> = db
        .prepare(format!(
            "UPDATE outbox SET attempts = 0, failed_at = NULL, next_attempt_at = NULL \
             WHERE id = ?1 AND sent_at IS NULL RETURNING {UNSENT_COLUMNS}"
        ))
        .bind(&[id.into()])?
        .first(None)
        .await?;
    let Some(reset) = reset else {
        let exists: Option<serde_json::Value> = db
            .prepare("SELECT id FROM outbox WHERE id = ?1")
            .bind(&[id.into()])?
            .first(None)
            .await?;
        return Err(match exists {
            Some(_) => ApiError::Detailed(ProblemKind::Conflict, "conflict-message-sent"),
            None => not_found(),
        });
    };
    send_soon(env, ctx, Only::Message(id));
    Ok(private_json(&reset)?.with_status(202))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attempts_back_off_exponentially_up_to_six_hours() {
        let minutes: Vec<i64> = (1..=12).map(|n| backoff(n).num_minutes()).collect();
        assert_eq!(minutes, [1, 2, 4, 8, 16, 32, 64, 128, 256, 360, 360, 360]);
        assert_eq!(backoff(0).num_minutes(), 1);
        assert_eq!(backoff(u32::MAX).num_minutes(), 360);
    }

    #[test]
    fn a_message_is_given_up_on_only_after_days() {
        let waited: i64 = (1..MAX_ATTEMPTS).map(|n| backoff(n).num_minutes()).sum();
        assert!(waited >= 2 * 24 * 60, "{waited} minutes");
    }
}
