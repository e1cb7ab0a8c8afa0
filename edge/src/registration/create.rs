//! `POST /api/editions/{id}/registrations`: a volunteer registers for an edition (all of its
//! sessions) with no account, and gets a private manage link.
//!
//! Capacity holds whatever the concurrency: the place is decided inside the one `INSERT`
//! that writes the registration, and D1 runs a database's statements one at a time, each
//! batch as a transaction. A second registration with the same address returns the first;
//! a retry with the same `Idempotency-Key` gets the first answer again.

use chrono::{DateTime, Utc};
use relais_domain::catalog::RegistrationMode;
use relais_domain::problem::ProblemKind;
use relais_domain::registration::{
    self, Closed, Question, RegistrationAnswer, RegistrationRequest, Status, MAX_BODY_BYTES,
};
use relais_domain::schedule;
use serde::Deserialize;
use wasm_bindgen::JsValue;
use worker::{Context, D1Database, Env, Headers, Request, Response};

use crate::catalog::{now, stamp};
use crate::crypto;
use crate::http::{self, ApiError};
use crate::outbox;
use crate::rate_limit;
use crate::rows::instant;

/// Registration attempts a client address may make per minute.
const PER_MINUTE: u32 = 20;
const MAX_IDEMPOTENCY_KEY: usize = 200;

#[derive(Deserialize)]
struct EditionRules {
    registration_mode: String,
    questions: String,
    registration_opens_at: Option<String>,
    registration_closes_at: Option<String>,
    starts_at: Option<String>,
}

#[derive(Deserialize)]
struct Placed {
    id: String,
    status: String,
    created_at: String,
    position: u32,
}

#[derive(Deserialize)]
struct Replay {
    request_hash: String,
    status: u16,
    body: String,
}

pub async fn create(
    req: &Request,
    env: &Env,
    ctx: &Context,
    edition_id: &str,
) -> Result<Response, ApiError> {
    let db = env.d1("DB")?;
    let now = now();
    // A caller without an address (not through Cloudflare) shares no bucket with others.
    if let Some(client) = rate_limit::client(req) {
        rate_limit::count(&db, &format!("registration:{client}"), PER_MINUTE).await?;
    }
    let body = read_body(req).await?;

    // A retry key, with the digest of what it was sent with.
    let idempotency = match req.headers().get("Idempotency-Key")? {
        None => None,
        Some(key) if key.is_empty() || key.len() > MAX_IDEMPOTENCY_KEY => {
            return Err(ApiError::Problem(
                ProblemKind::InvalidBody,
                vec![("Idempotency-Key", "invalid-idempotency-key")],
            ));
        }
        Some(key) => {
            let request_hash = crypto::sha256_hex(&format!("{edition_id}\n{body}")).await?;
            if let Some(replay) = replayed(&db, &key, &request_hash).await? {
                return Ok(replay);
            }
            Some((key, request_hash))
        }
    };

    let request: RegistrationRequest = http::json_object(&body)?;
    let rules: EditionRules = db
        .prepare(
            "SELECT registration_mode, questions, registration_opens_at, \
             registration_closes_at, starts_at FROM edition WHERE id = ?1",
        )
        .bind(&[edition_id.into()])?
        .first(None)
        .await?
        .ok_or(ApiError::Problem(ProblemKind::NotFound, vec![]))?;
    let mode = RegistrationMode::parse(&rules.registration_mode)
        .ok_or_else(|| ApiError::Internal(format!("mode {}", rules.registration_mode)))?;
    let at = |s: &Option<String>| s.as_deref().map(instant).transpose();
    registration::window(
        mode,
        at(&rules.registration_opens_at)?,
        at(&rules.registration_closes_at)?,
        at(&rules.starts_at)?,
        now,
    )
    .map_err(|closed| {
        ApiError::Detailed(
            ProblemKind::RegistrationClosed,
            match closed {
                Closed::NotHere => "registration-not-here",
                Closed::NotYetOpen => "registration-not-yet-open",
                Closed::Over => "registration-over",
            },
        )
    })?;
    let questions: Vec<Question> = serde_json::from_str(&rules.questions)?;
    let registrant = registration::validate(request, &questions, |zone| {
        let zone = schedule::canonical_zone(zone);
        schedule::parse_zone(zone).ok().map(|_| zone.to_owned())
    })
    .map_err(|refused| ApiError::Fields(ProblemKind::InvalidBody, refused))?;

    let id = format!("reg-{}", crypto::random_hex(12)?);
    let token = crypto::random_hex(24)?;
    let origin = req.url()?.origin().ascii_serialization();
    let manage_url = format!("{origin}/{}/manage/{token}", registrant.lang);
    let token_hash = crypto::sha256_hex(&token).await?;
    let created_at = stamp(now);
    // `registration::placement`, evaluated inside the insert so that registrations arriving
    // together each count the places taken before them.
    let insert = db
        .prepare(
            "INSERT INTO registration (id, edition_id, email, name, lang, zone, region, organisation, \
               answers, accessibility, priority, status, arrival, token_hash, consented_at, created_at, \
               origin) \
             SELECT ?1, e.id, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, \
               CASE WHEN ?12 = 'application' THEN 'applied' \
                    WHEN NOT EXISTS (SELECT 1 FROM registration w \
                      WHERE w.edition_id = e.id AND w.status = 'waitlisted') \
                     AND (e.capacity IS NULL OR (SELECT count(*) FROM registration r \
                      WHERE r.edition_id = e.id AND r.status IN ('confirmed', 'accepted')) < e.capacity) \
                    THEN 'confirmed' ELSE 'waitlisted' END, \
               coalesce((SELECT max(arrival) FROM registration r WHERE r.edition_id = e.id), 0) + 1, \
               ?13, ?14, ?14, ?15 \
             FROM edition e WHERE e.id = ?2 \
             ON CONFLICT (edition_id, email) DO NOTHING",
        )
        .bind(&[
            id.as_str().into(),
            edition_id.into(),
            registrant.email.as_str().into(),
            registrant.name.as_str().into(),
            registrant.lang.code().into(),
            registrant.zone.as_str().into(),
            registrant.region.as_str().into(),
            registrant.organisation.as_str().into(),
            serde_json::to_string(&registrant.answers)?.into(),
            registrant.accessibility.as_str().into(),
            JsValue::from(u32::from(registrant.priority)),
            mode.as_str().into(),
            token_hash.as_str().into(),
            created_at.clone(),
            origin.as_str().into(),
        ])?;
    // Only a registration this request created gets its first history entry.
    let history = db
        .prepare(
            "INSERT INTO registration_event (registration_id, edition_id, kind, at) \
             SELECT id, edition_id, CASE status WHEN 'confirmed' THEN 'registered' ELSE status END, ?2 \
             FROM registration WHERE id = ?1",
        )
        .bind(&[id.as_str().into(), created_at.clone()])?;
    // The message that tells them (confirmed, waiting list or application received), with
    // their manage link: queued with the registration, or not at all.
    let message =
        outbox::queue_for_registration(&db, &id, "status", Some(&manage_url), &created_at)?;
    let placed = db
        .prepare(
            "SELECT r.id, r.status, r.created_at, \
               (SELECT count(*) FROM registration w WHERE w.edition_id = r.edition_id \
                  AND w.status = 'waitlisted' AND w.arrival <= r.arrival) AS position \
             FROM registration r WHERE r.edition_id = ?1 AND r.email = ?2",
        )
        .bind(&[edition_id.into(), registrant.email.as_str().into()])?;
    let results = db.batch(vec![insert, history, message, placed]).await?;
    let placed: Placed = results
        .get(3)
        .ok_or_else(|| ApiError::Internal("batch without its select".into()))?
        .results::<Placed>()?
        .into_iter()
        .next()
        .ok_or_else(|| ApiError::Internal("registration not found after insert".into()))?;

    let created = placed.id == id;
    let status = Status::parse(&placed.status)
        .ok_or_else(|| ApiError::Internal(format!("status {}", placed.status)))?;
    let answer = RegistrationAnswer {
        status,
        waitlist_position: (status == Status::Waitlisted).then_some(placed.position),
        manage_url: created.then_some(manage_url),
        created,
        edition_id: edition_id.to_owned(),
        registered_at: instant(&placed.created_at)?,
    };
    if created {
        outbox::send_soon(env, ctx, outbox::Only::Registration(id.clone()));
    }
    let code = if created { 201 } else { 200 };
    let body = serde_json::to_string(&answer)?;
    if let Some((key, request_hash)) = &idempotency {
        // The replay says the same without the manage link: the link lives only in this
        // answer and the email, never in storage.
        let kept = RegistrationAnswer {
            manage_url: None,
            ..answer.clone()
        };
        remember(
            &db,
            key,
            request_hash,
            code,
            &serde_json::to_string(&kept)?,
            now,
        )
        .await?;
    }
    json_answer(code, body, false)
}

fn json_answer(code: u16, body: String, replayed: bool) -> Result<Response, ApiError> {
    let headers = Headers::new();
    headers.set("Content-Type", "application/json; charset=utf-8")?;
    headers.set("Cache-Control", "no-store")?;
    if replayed {
        headers.set("Idempotent-Replayed", "true")?;
    }
    Ok(Response::ok(body)?.with_status(code).with_headers(headers))
}

/// The body as text, refused when it is not JSON or larger than `MAX_BODY_BYTES`.
async fn read_body(req: &Request) -> Result<String, ApiError> {
    let is_json = req.headers().get("Content-Type")?.is_some_and(|t| {
        t.trim()
            .to_ascii_lowercase()
            .starts_with("application/json")
    });
    if !is_json {
        return Err(ApiError::Problem(ProblemKind::UnsupportedMediaType, vec![]));
    }
    http::body_text(req, MAX_BODY_BYTES).await
}

/// The first answer to a retry with the same key and the same request.
async fn replayed(
    db: &D1Database,
    key: &str,
    request_hash: &str,
) -> Result<Option<Response>, ApiError> {
    let replay: Option<Replay> = db
        .prepare("SELECT request_hash, status, body FROM idempotency WHERE key = ?1")
        .bind(&[key.into()])?
        .first(None)
        .await?;
    match replay {
        None => Ok(None),
        Some(r) if r.request_hash == request_hash => Ok(Some(json_answer(r.status, r.body, true)?)),
        Some(_) => Err(ApiError::Problem(
            ProblemKind::InvalidBody,
            vec![("Idempotency-Key", "idempotency-key-reused")],
        )),
    }
}

async fn remember(
    db: &D1Database,
    key: &str,
    request_hash: &str,
    status: u16,
    body: &str,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    db.prepare(
        "INSERT INTO idempotency (key, request_hash, status, body, created_at) \
         VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (key) DO NOTHING",
    )
    .bind(&[
        key.into(),
        request_hash.into(),
        JsValue::from(u32::from(status)),
        body.into(),
        stamp(now),
    ])?
    .run()
    .await?;
    Ok(())
}

/// Forgets retry keys after a day: a client retries within minutes or hours.
pub async fn forget_old_keys(db: &D1Database, now: DateTime<Utc>) -> Result<(), ApiError> {
    db.prepare("DELETE FROM idempotency WHERE created_at < ?1")
        .bind(&[stamp(now - chrono::TimeDelta::hours(24))])?
        .run()
        .await?;
    Ok(())
}
