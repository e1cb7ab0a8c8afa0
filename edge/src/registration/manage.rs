//! The private manage link: `GET /api/registrations/{token}` shows the registration (with
//! the meeting link or private address while it holds a place), `POST …/cancel` cancels it,
//! `PATCH` changes its language or time zone, `DELETE` removes the registrant's data.
//!
//! `POST …/confirm` confirms a place held for confirmation by email.
//!
//! While it holds a place, the link also lists and opens the library's resources linked to
//! its edition (`GET …/library/{id}`): a meeting's summary sheet goes to its participants.
//!
//! A cancelled or deleted registration that held a place passes it to the first person on
//! the waiting list in the same batch, so no one can take it in between.

use relais_domain::problem::ProblemKind;
use relais_domain::registration::{
    self, Event, HistoryEntry, ManagedRegistration, RegistrationUpdate, Status, Transition,
};
use relais_domain::{schedule, Lang};
use serde::Deserialize;
use wasm_bindgen::JsValue;
use worker::{Context, D1Database, Env, Request, Response};

use super::transitions::{self, Change, Statement, Target};
use crate::catalog::visible;
use crate::catalog::{self, now, EDITION_COLUMNS};
use crate::crypto;
use crate::http::{self, ApiError, Caller};
use crate::library::resource::{self, Part, Reader};
use crate::library::search::newest_where;
use crate::outbox;
use crate::rows::{instant, required_text, text, EditionRow};

#[derive(Deserialize)]
struct RegistrationRow {
    id: String,
    edition_id: String,
    name: String,
    email: String,
    lang: String,
    zone: String,
    status: String,
    position: u32,
}

/// The most resources of their edition a manage page lists.
const MAX_RESOURCES: u32 = 20;

#[derive(Deserialize)]
struct EditionContext {
    offering_id: String,
    offering_title: String,
    private_details: String,
}

#[derive(Deserialize)]
struct EventRow {
    kind: String,
    at: String,
}

/// The registration a manage token opens, if any. Tokens are stored only as their digest.
async fn find(db: &D1Database, token: &str) -> Result<RegistrationRow, ApiError> {
    let not_found = ApiError::Problem(ProblemKind::NotFound, vec![]);
    let hash = crypto::PrivateToken::digest_of(token).await?;
    db.prepare(format!(
        "SELECT r.id, r.edition_id, r.name, r.email, r.lang, r.zone, r.status, {} AS position \
         FROM manage_token t JOIN registration r ON r.id = t.registration_id WHERE t.token_hash = ?1",
        transitions::waitlist_position("r")
    ))
    .bind(&[hash.into()])?
    .first(None)
    .await?
    .ok_or(not_found)
}

pub async fn view(env: &Env, token: &str) -> Result<Response, ApiError> {
    let db = env.d1("DB")?;
    let row = find(&db, token).await?;
    answer(&db, row).await
}

async fn answer(db: &D1Database, row: RegistrationRow) -> Result<Response, ApiError> {
    let lang = Lang::parse(&row.lang).unwrap_or_else(Lang::default_lang);
    let status = Status::parse(&row.status)
        .ok_or_else(|| ApiError::Internal(format!("status {}", row.status)))?;
    let results = db
        .batch(vec![
            db.prepare(format!(
                "SELECT {EDITION_COLUMNS} FROM edition e WHERE e.id = ?1"
            ))
            .bind(&[row.edition_id.as_str().into()])?,
            db.prepare(
                "SELECT o.id AS offering_id, o.title AS offering_title, e.private_details \
                 FROM edition e JOIN offering o ON o.id = e.offering_id WHERE e.id = ?1",
            )
            .bind(&[row.edition_id.as_str().into()])?,
            db.prepare(
                "SELECT kind, at FROM registration_event WHERE registration_id = ?1 ORDER BY id",
            )
            .bind(&[row.id.as_str().into()])?,
            // Their edition's resources, in their language else the original's; the
            // condition lets none through unless the registration holds a place.
            db.prepare(newest_where(&visible::resource_for_participant("r", "?4")))
                .bind(&[
                    lang.code().into(),
                    MAX_RESOURCES.into(),
                    "".into(),
                    row.id.as_str().into(),
                ])?,
        ])
        .await?;
    let [edition, context, events, resources] = results.as_slice() else {
        return Err(ApiError::Internal("batch results".into()));
    };
    let editions: Vec<EditionRow> = edition.results()?;
    let context: EditionContext = context
        .results::<EditionContext>()?
        .into_iter()
        .next()
        .ok_or_else(|| ApiError::Internal("registration without its edition".into()))?;
    let edition = catalog::with_sessions(db, editions, lang, Some(&row.zone))
        .await?
        .into_values()
        .flatten()
        .next()
        .ok_or_else(|| ApiError::Internal("edition not found".into()))?;
    let history = events
        .results::<EventRow>()?
        .into_iter()
        .map(|e| {
            Ok(HistoryEntry {
                kind: relais_domain::registration::Event::parse(&e.kind)
                    .ok_or_else(|| ApiError::Internal(format!("event {}", e.kind)))?,
                at: instant(&e.at)?,
            })
        })
        .collect::<Result<_, ApiError>>()?;
    let managed = ManagedRegistration {
        status,
        waitlist_position: (status == Status::Waitlisted).then_some(row.position),
        name: row.name,
        email: row.email,
        lang,
        zone: row.zone,
        offering_title: required_text(&context.offering_title, lang, &context.offering_id)?,
        offering_id: context.offering_id,
        edition,
        private_details: if status.holds_place() {
            text(&context.private_details, lang)?
        } else {
            None
        },
        history,
        resources: resources.results()?,
    };
    http::private_json(&managed)
}

/// `GET /api/registrations/{token}/library/{id}`: a resource the manage link may read, in
/// the reader's language: a public one, or one linked to their edition while they hold a
/// place there. Anything else is not found, as an unknown one.
pub async fn resource(
    env: &Env,
    caller: &Caller,
    token: &str,
    id: &str,
    part: Part,
) -> Result<Response, ApiError> {
    let db = env.d1("DB")?;
    let row = find(&db, token).await?;
    resource::answer(env, caller, id, Reader::Participant(&row.id), part).await
}

fn stamp_now() -> String {
    now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

#[derive(Deserialize)]
struct CalendarSession {
    id: String,
    title: String,
    starts_at: String,
    ends_at: String,
    offering_id: String,
    offering_title: String,
    private_details: String,
    sequence: u32,
    cancelled: u32,
}

/// `GET /api/registrations/{token}/calendar.ics`: the registrant's sessions, with the meeting
/// link or private address while the registration holds a place (as in their emails), in
/// their language. For their eyes only: never cached.
pub async fn calendar(req: &Request, env: &Env, token: &str) -> Result<Response, ApiError> {
    let db = env.d1("DB")?;
    let row = find(&db, token).await?;
    let lang = Lang::parse(&row.lang).unwrap_or_else(Lang::default_lang);
    let sessions: Vec<CalendarSession> = db
        .prepare(
            "SELECT s.id, s.title, s.starts_at, s.ends_at, o.id AS offering_id, \
               o.title AS offering_title, e.private_details, s.sequence, \
               s.cancelled_at IS NOT NULL AS cancelled \
             FROM session s JOIN edition e ON e.id = s.edition_id JOIN offering o ON o.id = e.offering_id \
             WHERE s.edition_id = ?1 ORDER BY s.starts_at",
        )
        .bind(&[row.edition_id.as_str().into()])?
        .all()
        .await?
        .results()?;
    let Some(first) = sessions.first() else {
        return Err(ApiError::Problem(ProblemKind::NotFound, vec![]));
    };
    let offering = required_text(&first.offering_title, lang, &first.offering_id)?.text;
    let holds_place = Status::parse(&row.status).is_some_and(Status::holds_place);
    let private_details = if holds_place {
        text(&first.private_details, lang)?.map(|t| t.text)
    } else {
        None
    };
    let events = sessions
        .iter()
        .map(|s| {
            Ok(crate::calendar::SessionEvent {
                id: s.id.clone(),
                title: text(&s.title, lang)?.map(|t| t.text),
                starts_at: instant(&s.starts_at)?,
                ends_at: instant(&s.ends_at)?,
                sequence: s.sequence,
                cancelled: s.cancelled != 0,
            })
        })
        .collect::<Result<Vec<_>, ApiError>>()?;
    let origin = super::create::public_origin(env, req)?;
    let page = format!("{origin}/{}/offerings/{}", lang.code(), first.offering_id);
    let ics = crate::calendar::private_calendar(
        &events,
        &offering,
        &page,
        private_details.as_deref(),
        &*http::messages(lang)?,
        now(),
    );
    let headers = worker::Headers::new();
    headers.set("Content-Type", "text/calendar; charset=utf-8")?;
    headers.set("Content-Language", lang.code())?;
    headers.set("Cache-Control", "private, no-store")?;
    Ok(Response::ok(ics)?.with_headers(headers))
}

/// A place freed goes to the first in line (open editions), in the same batch.
pub fn fill_free_places(edition_id: &str, at: &str) -> Result<Vec<Statement>, ApiError> {
    Ok(transitions::change(
        &Change {
            transition: Transition::Promote,
            target: Target::FreePlaces(Some(edition_id)),
            at,
            actor: None,
            reason: None,
            note: None,
        },
        &crypto::random_hex(12)?,
    ))
}

/// The registrant's own change (`Cancel`, `ConfirmPlace`), with a freed place passed on.
async fn registrant_change(
    env: &Env,
    ctx: &Context,
    token: &str,
    transition: Transition,
) -> Result<Response, ApiError> {
    let db = env.d1("DB")?;
    let row = find(&db, token).await?;
    let at = stamp_now();
    let mut statements = transitions::change(
        &Change {
            transition,
            target: Target::Registration(&row.id),
            at: &at,
            actor: None,
            reason: None,
            note: None,
        },
        &crypto::random_hex(12)?,
    );
    statements.extend(fill_free_places(&row.edition_id, &at)?);
    db.batch(transitions::prepare_all(&db, &statements)?)
        .await?;
    outbox::send_soon(env, ctx, outbox::Only::Edition(row.edition_id.clone()));
    let row = find(&db, token).await?;
    answer(&db, row).await
}

pub async fn cancel(env: &Env, ctx: &Context, token: &str) -> Result<Response, ApiError> {
    registrant_change(env, ctx, token, Transition::Cancel).await
}

/// Confirms a place held until the registrant confirms it by email.
pub async fn confirm(env: &Env, ctx: &Context, token: &str) -> Result<Response, ApiError> {
    registrant_change(env, ctx, token, Transition::ConfirmPlace).await
}

pub async fn update(req: &Request, env: &Env, token: &str) -> Result<Response, ApiError> {
    let db = env.d1("DB")?;
    let row = find(&db, token).await?;
    let update: RegistrationUpdate = crate::auth::read_json(req).await?;
    let (lang, zone) = registration::validate_update(update, |zone| {
        let zone = schedule::canonical_zone(zone);
        schedule::parse_zone(zone).ok().map(|_| zone.to_owned())
    })
    .map_err(|refused| ApiError::Fields(ProblemKind::InvalidBody, refused))?;
    let at = stamp_now();
    db.batch(vec![
        db.prepare(
            "UPDATE registration SET lang = coalesce(?2, lang), zone = coalesce(?3, zone) WHERE id = ?1",
        )
        .bind(&[
            row.id.as_str().into(),
            lang.map_or(JsValue::NULL, |l| l.code().into()),
            zone.map_or(JsValue::NULL, JsValue::from),
        ])?,
        transitions::record_event(&row.id, Event::Updated, &at, None).prepare(&db)?,
    ])
    .await?;
    let row = find(&db, token).await?;
    answer(&db, row).await
}

/// Deletes the registrant's data. The history keeps what happened, with no personal data;
/// a place they held goes to the waiting list.
pub async fn delete(env: &Env, ctx: &Context, token: &str) -> Result<Response, ApiError> {
    let db = env.d1("DB")?;
    let row = find(&db, token).await?;
    let at = stamp_now();
    let mut statements = transitions::delete(&row.id, &at, &crypto::random_hex(12)?);
    statements.extend(fill_free_places(&row.edition_id, &at)?);
    db.batch(transitions::prepare_all(&db, &statements)?)
        .await?;
    // Someone on the waiting list may have their place.
    outbox::send_soon(env, ctx, outbox::Only::Edition(row.edition_id.clone()));
    Ok(Response::empty()?.with_status(204))
}
