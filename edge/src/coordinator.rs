//! The coordinators' routes: an edition's registrations (applications ranked by priority
//! group, then arrival), decisions on them, and the outbox. Each checks the session and the
//! role first (`auth::require`), and changes also the CSRF token.

use relais_domain::account::Action;
use relais_domain::problem::ProblemKind;
use relais_domain::registration::MessageKind;
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsValue;
use worker::{Context, Env, Request, Response};

use crate::auth;
use crate::catalog::{now, stamp};
use crate::crypto;
use crate::http::{private_json, ApiError};
use crate::outbox;
use crate::registration;

#[derive(Serialize, Deserialize)]
struct RegistrationLine {
    id: String,
    name: String,
    email: String,
    lang: String,
    zone: String,
    region: String,
    organisation: String,
    answers: String,
    accessibility: String,
    priority: u32,
    status: String,
    arrival: u32,
    created_at: String,
}

#[derive(Serialize, Deserialize)]
struct EditionCounts {
    id: String,
    registration_mode: String,
    capacity: Option<u32>,
    places_taken: u32,
}

#[derive(Serialize)]
struct EditionRegistrations {
    edition: EditionCounts,
    registrations: Vec<RegistrationLine>,
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

#[derive(Serialize, Deserialize)]
struct OutboxLine {
    id: u32,
    registration_id: String,
    edition_id: String,
    kind: String,
    recipient: Option<String>,
    lang: Option<String>,
    subject: Option<String>,
    body: Option<String>,
    created_at: String,
    sent_at: Option<String>,
    attempts: u32,
    last_error: Option<String>,
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
