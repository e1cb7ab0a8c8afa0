//! Administrators' hold on accounts: disabling one (which ends its sessions at once) and
//! enabling it again. Accounts are created only by accepting an invitation (`links`).

use relais_domain::account::Action;
use relais_domain::problem::ProblemKind;
use serde::{Deserialize, Serialize};
use worker::{Date, Env, Request, Response};

use super::require;
use crate::catalog::{now, stamp};
use crate::http::{private_json, ApiError};

/// An account as administrators manage it.
#[derive(Serialize, Deserialize)]
struct AccountState {
    id: String,
    email: String,
    name: String,
    #[serde(serialize_with = "as_bool")]
    administrator: u32,
    disabled_at: Option<String>,
}

/// SQLite's 0 and 1 as JSON's false and true.
fn as_bool<S: serde::Serializer>(value: &u32, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_bool(*value == 1)
}

/// `POST /api/admin/accounts/{id}/disable`: the account can no longer sign in, and every
/// session it has ends at once (each request reads the account). Administrators cannot
/// disable their own account, so that one cannot lock out the last administrator.
pub async fn disable_account(req: &Request, env: &Env, id: &str) -> Result<Response, ApiError> {
    let staff = require(req, env, Action::DisableAccounts, true).await?;
    if staff.account_id == id {
        return Err(ApiError::Detailed(
            ProblemKind::Conflict,
            "conflict-own-account",
        ));
    }
    let changed: Option<AccountState> = env
        .d1("DB")?
        .prepare(
            "UPDATE account SET disabled_at = COALESCE(disabled_at, ?2), sessions_revoked_at = ?3 \
             WHERE id = ?1 RETURNING id, email, name, administrator, disabled_at",
        )
        .bind(&[
            id.into(),
            stamp(now()),
            wasm_bindgen::JsValue::from_f64(Date::now().as_millis() as f64),
        ])?
        .first(None)
        .await?;
    account_answer(changed)
}

/// `POST /api/admin/accounts/{id}/enable`: the account may sign in again; the sessions that
/// disabling ended stay ended.
pub async fn enable_account(req: &Request, env: &Env, id: &str) -> Result<Response, ApiError> {
    require(req, env, Action::DisableAccounts, true).await?;
    let changed: Option<AccountState> = env
        .d1("DB")?
        .prepare(
            "UPDATE account SET disabled_at = NULL WHERE id = ?1 \
             RETURNING id, email, name, administrator, disabled_at",
        )
        .bind(&[id.into()])?
        .first(None)
        .await?;
    account_answer(changed)
}

fn account_answer(changed: Option<AccountState>) -> Result<Response, ApiError> {
    match changed {
        Some(account) => private_json(&account),
        None => Err(ApiError::Problem(ProblemKind::NotFound, vec![])),
    }
}
