//! Attempts counted per key and minute in D1 (`rate_limit`), atomically: registrations per
//! client address, sign-ins per address and per email.

use relais_domain::problem::ProblemKind;
use serde::Deserialize;
use wasm_bindgen::JsValue;
use worker::{D1Database, Request};

use crate::catalog::now;
use crate::http::ApiError;

#[derive(Deserialize)]
struct Count {
    count: u32,
}

fn minute() -> f64 {
    now().timestamp().div_euclid(60) as f64
}

/// The caller's address as Cloudflare gives it.
pub fn client(req: &Request) -> String {
    req.headers()
        .get("CF-Connecting-IP")
        .ok()
        .flatten()
        .unwrap_or_else(|| "unknown".to_owned())
}

/// Counts one attempt under `key` this minute and refuses it (429) beyond `limit`. Counts
/// of minutes past are dropped in the same batch.
pub async fn count(db: &D1Database, key: &str, limit: u32) -> Result<(), ApiError> {
    let minute = minute();
    let results = db
        .batch(vec![
            db.prepare("DELETE FROM rate_limit WHERE window < ?1")
                .bind(&[JsValue::from_f64(minute - 1.0)])?,
            db.prepare(
                "INSERT INTO rate_limit (key, window, count) VALUES (?1, ?2, 1) \
                 ON CONFLICT (key, window) DO UPDATE SET count = count + 1 RETURNING count",
            )
            .bind(&[key.into(), JsValue::from_f64(minute)])?,
        ])
        .await?;
    let counted = results
        .get(1)
        .and_then(|r| r.results::<Count>().ok())
        .and_then(|rows| rows.into_iter().next())
        .map_or(0, |c| c.count);
    if counted > limit {
        return Err(ApiError::Problem(ProblemKind::TooManyRequests, vec![]));
    }
    Ok(())
}

/// Refuses (429) when `key` already has `limit` attempts this minute, without counting one.
pub async fn check(db: &D1Database, key: &str, limit: u32) -> Result<(), ApiError> {
    let counted: Option<Count> = db
        .prepare("SELECT count FROM rate_limit WHERE key = ?1 AND window = ?2")
        .bind(&[key.into(), JsValue::from_f64(minute())])?
        .first(None)
        .await?;
    if counted.is_some_and(|c| c.count >= limit) {
        return Err(ApiError::Problem(ProblemKind::TooManyRequests, vec![]));
    }
    Ok(())
}
