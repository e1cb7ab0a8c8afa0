//! The public catalog as iCalendar (RFC 5545): one session, one edition, or every coming
//! session, for calendar apps to import or subscribe to.
//!
//! Times are written in UTC (`DTSTART:20261208T233000Z`): exact in every calendar, which
//! then shows them on its owner's clock. Each session keeps one UID for good, so a
//! subscribed calendar updates an event rather than adding a second one; its `SEQUENCE`
//! grows with every change of time, place or link, and a cancelled session stays, with
//! `STATUS:CANCELLED`, for calendars to strike it out. Only public editions are fed
//! (`catalog::visible`): any other is not found.

use chrono::{DateTime, TimeDelta, Utc};
use icalendar::{Calendar, Component, Event, EventLike, EventStatus, Property};
use relais_domain::problem::ProblemKind;
use serde::Deserialize;
use wasm_bindgen::JsValue;
use worker::{Env, Headers, Request, Response};

use crate::catalog::{now, stamp, visible};
use crate::http::{self, ApiError, Caller};
use crate::rows;

/// How far ahead the whole-catalog feed reaches.
const HORIZON_DAYS: i64 = 400;
/// Calendar apps poll subscriptions; an hour of staleness is usual for them.
const MAX_AGE: u32 = 3600;

#[derive(Deserialize)]
struct SessionEventRow {
    id: String,
    session_title: String,
    starts_at: String,
    ends_at: String,
    offering_id: String,
    title: String,
    summary: String,
    location: String,
    sequence: u32,
    cancelled: u32,
}

/// Which sessions a feed holds.
pub enum Feed<'a> {
    Catalog,
    Edition(&'a str),
    Session(&'a str),
}

pub async fn get(
    req: &Request,
    env: &Env,
    caller: &Caller,
    feed: Feed<'_>,
) -> Result<Response, ApiError> {
    let db = env.d1("DB")?;
    let now = now();
    let (feed_condition, binds): (&str, Vec<JsValue>) = match feed {
        Feed::Catalog => (
            "s.ends_at > ?1 AND s.starts_at < ?2",
            vec![stamp(now), stamp(now + TimeDelta::days(HORIZON_DAYS))],
        ),
        Feed::Edition(id) => ("e.id = ?1", vec![id.into()]),
        Feed::Session(id) => ("s.id = ?1", vec![id.into()]),
    };
    let rows: Vec<SessionEventRow> = db
        .prepare(format!(
            "SELECT s.id, s.title AS session_title, s.starts_at, s.ends_at, o.id AS offering_id, \
               o.title, o.summary, e.location, s.sequence, s.cancelled_at IS NOT NULL AS cancelled \
             FROM session s JOIN edition e ON e.id = s.edition_id JOIN offering o ON o.id = e.offering_id \
             WHERE {feed_condition} AND {} ORDER BY s.starts_at, s.id",
            visible::edition_shown("e", "o")
        ))
        .bind(&binds)?
        .all()
        .await?
        .results()?;
    if rows.is_empty() && !matches!(feed, Feed::Catalog) {
        return Err(ApiError::Problem(ProblemKind::NotFound, vec![]));
    }
    let origin = req.url()?.origin().ascii_serialization();
    let messages = http::messages(caller.lang)?;
    let mut calendar = named_calendar(&messages);
    for row in &rows {
        calendar.push(event(row, caller, &origin, now)?);
    }
    let headers = Headers::new();
    headers.set("Content-Type", "text/calendar; charset=utf-8")?;
    headers.set("Content-Language", caller.lang.code())?;
    headers.set("Cache-Control", &format!("public, max-age={MAX_AGE}"))?;
    Ok(Response::ok(calendar.done().to_string())?.with_headers(headers))
}

/// A calendar named in the caller's language (`NAME` and Apple's `X-WR-CALNAME`).
fn named_calendar(messages: &relais_domain::i18n::Messages) -> Calendar {
    let mut calendar = Calendar::new();
    // `Calendar::name` writes `NAME` unescaped (the crate does not know it as text): say it is.
    let name = messages.get("calendar-name");
    calendar.append_property(
        Property::new("NAME", &name)
            .add_parameter("VALUE", "TEXT")
            .done(),
    );
    calendar.append_property(Property::new("X-WR-CALNAME", &name));
    calendar
}

fn event(
    row: &SessionEventRow,
    caller: &Caller,
    origin: &str,
    now: DateTime<Utc>,
) -> Result<Event, ApiError> {
    let lang = caller.lang;
    let title = rows::required_text(&row.title, lang, &row.offering_id)?.text;
    let summary = match rows::text(&row.session_title, lang)? {
        Some(session) => format!("{title} – {}", session.text),
        None => title,
    };
    let page = format!("{origin}/{}/offerings/{}", lang.code(), row.offering_id);
    let description = rows::required_text(&row.summary, lang, &row.offering_id)?.text;
    let mut event = Event::new();
    event
        .uid(&format!("session-{}@relais", row.id))
        .timestamp(now)
        .summary(&summary)
        .description(&format!("{description}\n\n{page}"))
        .url(&page)
        .starts(rows::instant(&row.starts_at)?)
        .ends(rows::instant(&row.ends_at)?);
    changes(&mut event, row.sequence, row.cancelled != 0);
    if let Some(place) = rows::text(&row.location, lang)? {
        event.location(&place.text);
    }
    Ok(event.done())
}

/// How far a session has changed since first published (`SEQUENCE`), and whether it is
/// cancelled (`STATUS:CANCELLED`): the same in every feed and file that carries its UID.
fn changes(event: &mut Event, sequence: u32, cancelled: bool) {
    event.add_property("SEQUENCE", sequence.to_string());
    if cancelled {
        event.status(EventStatus::Cancelled);
    }
}

/// A session as a registrant's calendar file shows it.
pub struct SessionEvent {
    pub id: String,
    pub title: Option<String>,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub sequence: u32,
    pub cancelled: bool,
}

/// The `.ics` attached to a registrant's message: their sessions, with the meeting link or
/// private address that only people with a place receive. The same UIDs as the public feeds,
/// so a calendar that has both keeps one event per session.
pub fn private_calendar(
    sessions: &[SessionEvent],
    offering: &str,
    page: &str,
    private_details: Option<&str>,
    messages: &relais_domain::i18n::Messages,
    now: DateTime<Utc>,
) -> String {
    let mut calendar = named_calendar(messages);
    for s in sessions {
        let summary = match &s.title {
            Some(title) => format!("{offering} – {title}"),
            None => offering.to_owned(),
        };
        let description = match private_details {
            Some(details) => format!("{details}\n\n{page}"),
            None => page.to_owned(),
        };
        let mut event = Event::new();
        event
            .uid(&format!("session-{}@relais", s.id))
            .timestamp(now)
            .summary(&summary)
            .description(&description)
            .url(page)
            .starts(s.starts_at)
            .ends(s.ends_at);
        changes(&mut event, s.sequence, s.cancelled);
        if let Some(details) = private_details {
            event.location(details);
        }
        calendar.push(event.done());
    }
    calendar.done().to_string()
}
