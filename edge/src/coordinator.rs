//! The coordinators' routes: the editions that take registrations, an edition's registrations (applications ranked by priority
//! group, then arrival), decisions on them, and the outbox. Each checks the session and the
//! role first (`auth::require`), and changes also the CSRF token.

use relais_domain::account::Action;
use relais_domain::coordination::{
    CoordinatedEdition, EditionCounts, EditionRegistrations, OutboxLine,
};
use relais_domain::problem::ProblemKind;
use relais_domain::registration::MessageKind;
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsValue;
use worker::{Context, Env, Request, Response};

use crate::auth;
use crate::catalog::{now, stamp};
use crate::crypto;
use crate::http::{private_json, ApiError, Caller};
use crate::outbox;
use crate::registration;
use crate::rows::{required_text, text};

#[derive(Deserialize)]
struct CoordinatedRow {
    id: String,
    offering_id: String,
    offering_title: String,
    title: String,
    registration_mode: String,
    capacity: Option<u32>,
    starts_at: Option<String>,
    places_taken: u32,
    waiting: u32,
    applied: u32,
}

/// The editions that take registrations here and have not ended, soonest first.
pub async fn editions(req: &Request, env: &Env, caller: &Caller) -> Result<Response, ApiError> {
    auth::require(req, env, Action::ViewRegistrations, false).await?;
    let rows: Vec<CoordinatedRow> = env
        .d1("DB")?
        .prepare(
            "SELECT e.id, o.id AS offering_id, o.title AS offering_title, e.title, \
               e.registration_mode, e.capacity, e.starts_at, \
               (SELECT count(*) FROM registration r WHERE r.edition_id = e.id \
                  AND r.status IN ('confirmed', 'accepted')) AS places_taken, \
               (SELECT count(*) FROM registration r WHERE r.edition_id = e.id \
                  AND r.status = 'waitlisted') AS waiting, \
               (SELECT count(*) FROM registration r WHERE r.edition_id = e.id \
                  AND r.status = 'applied') AS applied \
             FROM edition e JOIN offering o ON o.id = e.offering_id \
             WHERE e.registration_mode IN ('open', 'application') \
               AND (e.ends_at IS NULL OR e.ends_at > ?1) \
             ORDER BY e.starts_at, e.id",
        )
        .bind(&[stamp(now())])?
        .all()
        .await?
        .results()?;
    let lang = caller.lang;
    let editions = rows
        .into_iter()
        .map(|row| {
            Ok(CoordinatedEdition {
                offering_title: required_text(&row.offering_title, lang, &row.offering_id)?,
                title: text(&row.title, lang)?,
                id: row.id,
                registration_mode: row.registration_mode,
                capacity: row.capacity,
                starts_at: row.starts_at,
                places_taken: row.places_taken,
                waiting: row.waiting,
                applied: row.applied,
            })
        })
        .collect::<Result<Vec<_>, ApiError>>()?;
    private_json(&editions)
}

pub async fn registrations(
    req: &Request,
    env: &Env,
    edition_id: &str,
) -> Result<Response, ApiError> {
    auth::require(req, env, Action::ViewRegistrations, false).await?;
    let db = env.d1("DB")?;
    let results = db
        .batch(vec![
            db.prepare(
                "SELECT e.id, e.registration_mode, e.capacity, \
                   (SELECT count(*) FROM registration r WHERE r.edition_id = e.id \
                      AND r.status IN ('confirmed', 'accepted')) AS places_taken \
                 FROM edition e WHERE e.id = ?1",
            )
            .bind(&[edition_id.into()])?,
            // Applications: the priority group first, each in arrival order.
            db.prepare(
                "SELECT id, name, email, lang, zone, region, organisation, answers, accessibility, \
                   priority, status, arrival, created_at FROM registration WHERE edition_id = ?1 \
                 ORDER BY status IN ('cancelled', 'declined'), priority DESC, arrival",
            )
            .bind(&[edition_id.into()])?,
        ])
        .await?;
    let [edition, lines] = results.as_slice() else {
        return Err(ApiError::Internal("batch results".into()));
    };
    let edition = edition
        .results::<EditionCounts>()?
        .into_iter()
        .next()
        .ok_or(ApiError::Problem(ProblemKind::NotFound, vec![]))?;
    private_json(&EditionRegistrations {
        edition,
        registrations: lines.results()?,
    })
}

#[derive(Deserialize)]
struct Decision {
    decision: String,
}

/// `accept` (an application, or someone waiting, while a place is free), `decline`,
/// `waitlist` (an application), `promote` (give someone waiting a free place out of turn).
/// The capacity check is inside the update, as for registrations.
pub async fn decide(
    req: &Request,
    env: &Env,
    ctx: &Context,
    registration_id: &str,
) -> Result<Response, ApiError> {
    let staff = auth::require(req, env, Action::DecideRegistrations, true).await?;
    let decision: Decision = auth::read_json(req).await?;
    let has_place = "(e.capacity IS NULL OR (SELECT count(*) FROM registration c \
        WHERE c.edition_id = r.edition_id AND c.status IN ('confirmed', 'accepted')) < e.capacity)";
    let (status, from, needs_place, event, message) = match decision.decision.as_str() {
        "accept" => (
            "accepted",
            "('applied', 'waitlisted')",
            true,
            "accepted",
            MessageKind::Accepted,
        ),
        "decline" => (
            "declined",
            "('applied', 'waitlisted')",
            false,
            "declined",
            MessageKind::Declined,
        ),
        "waitlist" => (
            "waitlisted",
            "('applied')",
            false,
            "waitlisted",
            MessageKind::Waitlisted,
        ),
        "promote" => (
            "confirmed",
            "('waitlisted')",
            true,
            "promoted",
            MessageKind::Promoted,
        ),
        _ => {
            return Err(ApiError::Problem(
                ProblemKind::InvalidBody,
                vec![("decision", "unknown-decision")],
            ))
        }
    };
    let db = env.d1("DB")?;
    let change = crypto::random_hex(12)?;
    let at = stamp(now());
    let place = if needs_place { has_place } else { "1" };
    let results = db
        .batch(vec![
            db.prepare(format!(
                "UPDATE registration SET status = ?2, change_id = ?3 WHERE id = ( \
                   SELECT r.id FROM registration r JOIN edition e ON e.id = r.edition_id \
                   WHERE r.id = ?1 AND r.status IN {from} AND {place})"
            ))
            .bind(&[
                registration_id.into(),
                status.into(),
                change.as_str().into(),
            ])?,
            registration::record(&db, event, &change, &at, Some(&staff.account_id))?,
            outbox::queue_for_change(&db, message, &change, &at)?,
            db.prepare("SELECT edition_id, status FROM registration WHERE id = ?1")
                .bind(&[registration_id.into()])?,
        ])
        .await?;
    let changed = results
        .first()
        .and_then(|r| r.meta().ok().flatten())
        .and_then(|m| m.changes)
        .unwrap_or(0);
    #[derive(Deserialize, Serialize)]
    struct After {
        edition_id: String,
        status: String,
    }
    let after: After = results
        .get(3)
        .and_then(|r| r.results::<After>().ok())
        .and_then(|rows| rows.into_iter().next())
        .ok_or(ApiError::Problem(ProblemKind::NotFound, vec![]))?;
    if changed != 1 {
        return Err(ApiError::Detailed(
            ProblemKind::Conflict,
            "conflict-no-place",
        ));
    }
    outbox::send_soon(env, ctx, outbox::Only::Edition(after.edition_id.clone()));
    private_json(&after)
}

/// The latest messages, newest first (`?edition=` narrows them to one edition).
pub async fn outbox(req: &Request, env: &Env) -> Result<Response, ApiError> {
    auth::require(req, env, Action::ReadOutbox, false).await?;
    let edition = req
        .url()?
        .query_pairs()
        .find(|(k, _)| k == "edition")
        .map(|(_, v)| v.into_owned());
    let lines: Vec<OutboxLine> = env
        .d1("DB")?
        .prepare(
            "SELECT id, registration_id, edition_id, kind, recipient, lang, subject, body, created_at, \
               sent_at, attempts, last_error FROM outbox WHERE (?1 IS NULL OR edition_id = ?1) \
             ORDER BY id DESC LIMIT 100",
        )
        .bind(&[edition.map_or(JsValue::NULL, JsValue::from)])?
        .all()
        .await?
        .results()?;
    private_json(&lines)
}
