//! Relais's Worker: the JSON API under `/api`, on the same origin as the app's static files
//! (wrangler serves those and sends only `/api/*` here).

mod catalog;
mod health;
mod http;
mod openapi;
mod rows;

use relais_domain::problem::ProblemKind;
use worker::{event, Context, Env, Method, Request, Response, Result};

use crate::http::{ApiError, Caller};

#[event(fetch)]
async fn fetch(req: Request, env: Env, _ctx: Context) -> Result<Response> {
    let answer = match Caller::from_request(&req) {
        Ok(caller) => route(&req, &env, &caller)
            .await
            .map_err(|e| (e, caller.lang)),
        Err(refusal) => Err(refusal),
    };
    match answer {
        Ok(response) => Ok(response),
        Err((error, lang)) => http::problem_response(error, lang),
    }
}

/// One place lists every route; `openapi.json` describes the same list and a test holds
/// the two together.
async fn route(
    req: &Request,
    env: &Env,
    caller: &Caller,
) -> std::result::Result<Response, ApiError> {
    let path = req.path();
    let segments: Vec<&str> = path.trim_matches('/').split('/').collect();
    match (req.method(), segments.as_slice()) {
        (Method::Get, ["api", "health"]) => health::get(env).await,
        (Method::Get, ["api", "openapi.json"]) => openapi::get(),
        (Method::Get, ["api", "offerings"]) => catalog::list(req, env, caller).await,
        (Method::Get, ["api", "offerings", id]) => catalog::detail(env, caller, id).await,
        (_, ["api", "health" | "openapi.json" | "offerings"] | ["api", "offerings", _]) => {
            Err(ApiError::Problem(ProblemKind::MethodNotAllowed, vec![]))
        }
        _ => Err(ApiError::Problem(ProblemKind::NotFound, vec![])),
    }
}
