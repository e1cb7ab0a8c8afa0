//! The private manage link: `GET /api/registrations/{token}` shows the registration (with
//! the meeting link or private address while it holds a place), `POST …/cancel` cancels it,
//! `PATCH` changes its language or time zone, `DELETE` removes the registrant's data.
//!
//! A cancelled or deleted registration that held a place passes it to the first person on
//! the waiting list in the same batch, so no one can take it in between.

use relais_domain::problem::ProblemKind;
use relais_domain::registration::{
    self, HistoryEntry, ManagedRegistration, MessageKind, RegistrationUpdate, Status,
};
use relais_domain::{schedule, Lang};
use serde::Deserialize;
use wasm_bindgen::JsValue;
use worker::{Context, D1Database, D1PreparedStatement, Env, Request, Response};

use crate::catalog::{self, now, stamp, EDITION_COLUMNS};
use crate::crypto;
use crate::http::{self, ApiError};
use crate::outbox;
use crate::rows::{instant, required_text, text, EditionRow};

/// States that can still be cancelled.
const ACTIVE: &str = "('confirmed', 'waitlisted', 'applied', 'accepted')";

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
    if token.len() != 48 || !token.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(not_found);
    }
    let hash = crypto::sha256_hex(token).await?;
    db.prepare(
        "SELECT r.id, r.edition_id, r.name, r.email, r.lang, r.zone, r.status, \
           (SELECT count(*) FROM registration w WHERE w.edition_id = r.edition_id \
              AND w.status = 'waitlisted' AND w.arrival <= r.arrival) AS position \
         FROM registration r WHERE r.token_hash = ?1",
    )
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
        ])
        .await?;
    let [edition, context, events] = results.as_slice() else {
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
    };
    http::private_json(&managed)
}

/// Gives the place a cancellation freed to the first on the waiting list (open editions;
/// applications wait for a coordinator), and records it.
fn promote(
    db: &D1Database,
    edition_id: &str,
    at: &JsValue,
) -> Result<Vec<D1PreparedStatement>, ApiError> {
    let change = crypto::random_hex(12)?;
    Ok(vec![
        db.prepare(
            "UPDATE registration SET status = 'confirmed', change_id = ?2 WHERE id = ( \
               SELECT w.id FROM registration w JOIN edition e ON e.id = w.edition_id \
               WHERE w.edition_id = ?1 AND w.status = 'waitlisted' AND e.registration_mode = 'open' \
                 AND (e.capacity IS NULL OR (SELECT count(*) FROM registration c \
                   WHERE c.edition_id = ?1 AND c.status IN ('confirmed', 'accepted')) < e.capacity) \
               ORDER BY w.arrival LIMIT 1)",
        )
        .bind(&[edition_id.into(), change.as_str().into()])?,
        super::record(db, "promoted", &change, at, None)?,
        outbox::queue_for_change(db, MessageKind::Promoted, &change, at)?,
    ])
}

/// Cancelling, with the freed place passed on in the same batch.
fn cancel_statements(
    db: &D1Database,
    row: &RegistrationRow,
    at: &JsValue,
) -> Result<Vec<D1PreparedStatement>, ApiError> {
    let change = crypto::random_hex(12)?;
    let mut statements = vec![
        db.prepare(format!(
            "UPDATE registration SET status = 'cancelled', change_id = ?2 WHERE id = ?1 AND status IN {ACTIVE}"
        ))
        .bind(&[row.id.as_str().into(), change.as_str().into()])?,
        super::record(db, "cancelled", &change, at, None)?,
        outbox::queue_for_change(db, MessageKind::Cancelled, &change, at)?,
    ];
    statements.extend(promote(db, &row.edition_id, at)?);
    Ok(statements)
}

pub async fn cancel(env: &Env, ctx: &Context, token: &str) -> Result<Response, ApiError> {
    let db = env.d1("DB")?;
    let row = find(&db, token).await?;
    let at = stamp(now());
    db.batch(cancel_statements(&db, &row, &at)?).await?;
    outbox::send_soon(env, ctx, outbox::Only::Edition(row.edition_id.clone()));
    let row = find(&db, token).await?;
    answer(&db, row).await
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
    let change = crypto::random_hex(12)?;
    let at = stamp(now());
    db.batch(vec![
        db.prepare(
            "UPDATE registration SET lang = coalesce(?2, lang), zone = coalesce(?3, zone), change_id = ?4 \
             WHERE id = ?1",
        )
        .bind(&[
            row.id.as_str().into(),
            lang.map_or(JsValue::NULL, |l| l.code().into()),
            zone.map_or(JsValue::NULL, JsValue::from),
            change.as_str().into(),
        ])?,
        super::record(&db, "updated", &change, &at, None)?,
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
    let at = stamp(now());
    let mut statements = cancel_statements(&db, &row, &at)?;
    statements.push(
        db.prepare(
            "INSERT INTO registration_event (registration_id, edition_id, kind, at) VALUES (?1, ?2, 'deleted', ?3)",
        )
        .bind(&[row.id.as_str().into(), row.edition_id.as_str().into(), at])?,
    );
    // Their messages keep no trace of them either.
    statements.push(
        db.prepare(
            "UPDATE outbox SET recipient = NULL, subject = NULL, body = NULL, manage_url = NULL \
             WHERE registration_id = ?1",
        )
        .bind(&[row.id.as_str().into()])?,
    );
    statements.push(
        db.prepare("DELETE FROM registration WHERE id = ?1")
            .bind(&[row.id.as_str().into()])?,
    );
    db.batch(statements).await?;
    // Someone on the waiting list may have their place.
    outbox::send_soon(env, ctx, outbox::Only::Edition(row.edition_id.clone()));
    Ok(Response::empty()?.with_status(204))
}
