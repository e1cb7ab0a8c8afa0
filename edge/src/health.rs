//! `GET /api/health`: the version, and a real read from D1 and from KV. Anyone may call it,
//! so it writes nothing, and what failed goes to the log, never into the answer.
//! `GET /api/ping`: the Worker alone, no storage: a liveness probe, and the bench's baseline.

use serde::Serialize;
use worker::{console_error, Date, Env, Response};

use crate::http::{self, ApiError};

#[derive(Serialize)]
struct Health {
    status: &'static str,
    version: &'static str,
    d1: Check,
    kv: Check,
}

#[derive(Serialize)]
struct Check {
    ok: bool,
    latency_ms: u64,
}

async fn timed<F: std::future::Future<Output = Result<(), ApiError>>>(name: &str, f: F) -> Check {
    let start = Date::now().as_millis();
    let result = f.await;
    let latency_ms = Date::now().as_millis().saturating_sub(start);
    if let Err(error) = &result {
        // Error texts name tables, bindings and internals: the log's, not a stranger's.
        console_error!("health: {name} failed: {error:?}");
    }
    Check {
        ok: result.is_ok(),
        latency_ms,
    }
}

pub async fn get(env: &Env) -> Result<Response, ApiError> {
    let d1 = timed("D1", async {
        let db = env.d1("DB")?;
        let one: Option<u32> = db.prepare("SELECT 1 AS one").first(Some("one")).await?;
        match one {
            Some(1) => Ok(()),
            other => Err(ApiError::Internal(format!("SELECT 1 gave {other:?}"))),
        }
    })
    .await;
    let kv = timed("KV", async {
        // A read of a key nobody writes: it reaches the store, its answer does not matter.
        env.kv("KV")?.get("health:probe").text().await?;
        Ok(())
    })
    .await;
    let healthy = d1.ok && kv.ok;
    let body = Health {
        status: if healthy { "ok" } else { "degraded" },
        version: env!("CARGO_PKG_VERSION"),
        d1,
        kv,
    };
    let response = http::json(&body, 0)?;
    Ok(if healthy {
        response
    } else {
        response.with_status(503)
    })
}

pub fn ping() -> Result<Response, ApiError> {
    http::json(&"pong", 0)
}
