//! An organisation withdrawing one of its requests from its own link
//! (`POST /api/organisations/{token}/requests/{id}/withdraw`), as `request::next` allows it:
//! before any session is booked. Written only if the request is still at the stage it was
//! read at; a pool place it took is given back (`ending`).

use relais_domain::coaching::request::{next, Action, Actor, Request as Rules, Stage};
use relais_domain::problem::ProblemKind;
use serde::Deserialize;
use worker::{Env, Response};

use super::ending::Ending;
use super::organisation::find;
use crate::http::ApiError;

#[derive(Deserialize)]
struct StageRow {
    stage: String,
}

pub async fn withdraw(env: &Env, token: &str, request_id: &str) -> Result<Response, ApiError> {
    let db = env.d1("DB")?;
    let organisation = find(&db, token).await?;
    let row: StageRow = db
        .prepare("SELECT stage FROM coaching_request WHERE id = ?1 AND organisation_id = ?2")
        .bind(&[request_id.into(), organisation.id.as_str().into()])?
        .first(None)
        .await?
        .ok_or(ApiError::Problem(ProblemKind::NotFound, vec![]))?;
    let stage = Stage::parse(&row.stage)
        .ok_or_else(|| ApiError::Internal(format!("request stage {}", row.stage)))?;
    let rules = Rules {
        stage,
        checks: &[],
        confirmed: &[],
        partners: &[],
    };
    let not_now = || ApiError::Detailed(ProblemKind::Conflict, "conflict-request-stage");
    let after = next(&rules, Actor::Organisation, &Action::Withdraw).map_err(|_| not_now())?;
    let ending = Ending {
        request: request_id,
        organisation: &organisation.id,
        from: stage,
        to: after,
        who: "organisation",
        at: &crate::dashboard::at(),
    };
    ending.write(&db).await?;
    Ok(Response::empty()?.with_status(204))
}
