//! `GET /api/health`: the version, and a real round trip to D1 and to KV.
//! `GET /api/ping`: the Worker alone, no storage: a liveness probe, and the bench's baseline.

use serde::Serialize;
use worker::{Date, Env, Response};

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
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
}

async fn timed<F: std::future::Future<Output = Result<(), ApiError>>>(f: F) -> Check {
    let start = Date::now().as_millis();
    let result = f.await;
    let latency_ms = Date::now().as_millis().saturating_sub(start);
    match result {
        Ok(()) => Check {
            ok: true,
            latency_ms,
            error: None,
        },
        Err(ApiError::Internal(e)) => Check {
            ok: false,
            latency_ms,
            error: Some(e),
        },
        Err(
            ApiError::Problem(kind, _) | ApiError::Fields(kind, _) | ApiError::Detailed(kind, _),
        ) => Check {
            ok: false,
            latency_ms,
            error: Some(format!("{kind:?}")),
        },
    }
}

pub async fn get(env: &Env) -> Result<Response, ApiError> {
    let d1 = timed(async {
        let db = env.d1("DB")?;
        let one: Option<u32> = db.prepare("SELECT 1 AS one").first(Some("one")).await?;
        match one {
            Some(1) => Ok(()),
            other => Err(ApiError::Internal(format!("SELECT 1 gave {other:?}"))),
        }
    })
    .await;
    let kv = timed(async {
        let kv = env.kv("KV")?;
        kv.put("health:probe", "ok")?
            .expiration_ttl(60)
            .execute()
            .await?;
        match kv.get("health:probe").text().await?.as_deref() {
            Some("ok") => Ok(()),
            other => Err(ApiError::Internal(format!("KV read back {other:?}"))),
        }
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
