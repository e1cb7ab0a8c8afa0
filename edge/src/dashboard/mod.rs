//! The dashboard's API: a network's coordinators author their catalog — offerings, editions
//! and their sessions, facilitators and partners —, publish, unpublish and archive them, make sessions by a rule, start
//! the next cohort, write to an edition's people, follow and resend their messages, and read
//! the audit; and the people behind an edition (`people`: its registrations filtered and
//! counted, the CSV export) and their attendance per session (`attendance`). Every read and
//! change names the caller's account in
//! its own statement (`scope`), so another network's row is not found; every change is
//! checked by `relais_domain::authoring` (the demo loader's checks too) and recorded in the
//! audit in its batch.

pub mod announcements;
pub mod attendance;
pub mod audit;
pub mod desk;
pub mod editions;
pub mod messages;
pub mod offerings;
pub mod people;
pub mod profiles;
pub mod publication;
pub mod schedule;
pub mod sessions;
pub mod waitlist;

use relais_domain::account::Action;
use relais_domain::authoring::Refusal;
use relais_domain::problem::{FieldError, Problem, ProblemKind};
use relais_domain::Lang;
use serde::de::DeserializeOwned;
use worker::{D1Database, Request};

use crate::auth::Staff;
use crate::catalog::now;
use crate::http::{self, ApiError};
use crate::registration::transitions::{self, Statement, Value};
use crate::scope;

/// The largest body an editor sends (an offering with long descriptions in two languages).
const MAX_BODY_BYTES: usize = 64 * 1024;

/// A draft from the request body (a JSON object; every field optional, checked by name).
pub async fn read_draft<T: DeserializeOwned>(req: &Request) -> Result<T, ApiError> {
    let body = http::body_text(req, MAX_BODY_BYTES).await?;
    http::json_object(&body)
}

/// Now, as stored.
pub fn at() -> String {
    now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// A draft's refusals as an API problem (400), or nothing.
pub fn refuse(refusals: Vec<Refusal>) -> Result<(), ApiError> {
    if refusals.is_empty() {
        Ok(())
    } else {
        Err(ApiError::Fields(ProblemKind::InvalidBody, refusals))
    }
}

/// Refusals as the editor shows them, in the caller's language.
pub fn field_errors(refusals: &[Refusal], lang: Lang) -> Result<Vec<FieldError>, ApiError> {
    let messages = http::messages(lang)?;
    let problem = refusals.iter().fold(
        Problem::new(ProblemKind::InvalidBody, &messages),
        |p, (field, code)| p.with_field(field, code, &messages),
    );
    Ok(problem.errors)
}

/// Not found unless the caller reaches network `id` for `action`.
pub async fn require_network(
    db: &D1Database,
    staff: &Staff,
    action: Action,
    id: &str,
) -> Result<(), ApiError> {
    db.prepare(format!(
        "SELECT n.id FROM network n WHERE n.id = ?1 AND {}",
        scope::network("n.id", "?2", action)
    ))
    .bind(&[id.into(), staff.account_id.as_str().into()])?
    .first::<String>(Some("id"))
    .await?
    .map(|_| ())
    .ok_or(not_found())
}

pub fn not_found() -> ApiError {
    ApiError::Problem(ProblemKind::NotFound, vec![])
}

/// A new id: a readable prefix and random hex.
pub fn new_id(prefix: &str) -> Result<String, ApiError> {
    Ok(format!("{prefix}-{}", crate::crypto::random_hex(6)?))
}

/// A JSON column's value.
pub fn json_text<T: serde::Serialize>(value: &T) -> Result<Value, ApiError> {
    Ok(Value::Text(serde_json::to_string(value)?))
}

pub fn text(value: &str) -> Value {
    Value::Text(value.to_owned())
}

pub fn optional(value: Option<&str>) -> Value {
    value.map_or(Value::Null, text)
}

/// A JSON column read back; an empty or broken one reads as the type's default.
pub fn parsed<T: DeserializeOwned + Default>(column: &str) -> T {
    serde_json::from_str(column).unwrap_or_default()
}

/// Runs a batch (one transaction).
pub async fn run(db: &D1Database, statements: &[Statement]) -> Result<(), ApiError> {
    db.batch(transitions::prepare_all(db, statements)?).await?;
    Ok(())
}
