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

/// The longest window counted: older counts are dropped.
const LONGEST_WINDOW_SECONDS: i64 = 3600;

/// The start (in seconds) of the window of `size` seconds we are in.
fn window(size: i64) -> f64 {
    let now = now().timestamp();
    (now.div_euclid(size) * size) as f64
}

/// The caller's address as Cloudflare gives it; `None` when there is none (no shared
/// bucket for every such request).
pub fn client(req: &Request) -> Option<String> {
    req.headers()
        .get("CF-Connecting-IP")
        .ok()
        .flatten()
        .filter(|a| !a.is_empty())
}

/// Counts one attempt under `key` this hour and refuses it (429) beyond `limit`.
pub async fn count_per_hour(db: &D1Database, key: &str, limit: u32) -> Result<(), ApiError> {
    count_in(db, key, limit, LONGEST_WINDOW_SECONDS).await
}

/// Counts one attempt under `key` this minute and refuses it (429) beyond `limit`. Counts
/// of minutes past are dropped in the same batch.
pub async fn count(db: &D1Database, key: &str, limit: u32) -> Result<(), ApiError> {
    count_in(db, key, limit, 60).await
}

async fn count_in(db: &D1Database, key: &str, limit: u32, size: i64) -> Result<(), ApiError> {
    let window = window(size);
    let key = format!("{key}/{size}");
    let oldest = (now().timestamp() - LONGEST_WINDOW_SECONDS) as f64;
    let results = db
        .batch(vec![
            db.prepare("DELETE FROM rate_limit WHERE window < ?1")
                .bind(&[JsValue::from_f64(oldest)])?,
            db.prepare(
                "INSERT INTO rate_limit (key, window, count) VALUES (?1, ?2, 1) \
                 ON CONFLICT (key, window) DO UPDATE SET count = count + 1 RETURNING count",
            )
            .bind(&[key.as_str().into(), JsValue::from_f64(window)])?,
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
        .bind(&[format!("{key}/60").into(), JsValue::from_f64(window(60))])?
        .first(None)
        .await?;
    if counted.is_some_and(|c| c.count >= limit) {
        return Err(ApiError::Problem(ProblemKind::TooManyRequests, vec![]));
    }
    Ok(())
}
