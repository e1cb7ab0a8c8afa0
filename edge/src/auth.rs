//! Coordinators' sign-in and the check every back-office route makes.
//!
//! - Passwords: PBKDF2-SHA256, 100,000 iterations, 16-byte salt, from the runtime's Web
//!   Crypto (ARCHITECTURE.md says why this and not Argon2 or bcrypt).
//! - Sessions: a random token in an `HttpOnly; Secure; SameSite=Strict` cookie; KV keeps
//!   only its digest, with the account, a CSRF token and the expiry (12 hours). Signing out
//!   deletes it.
//! - Every change also needs the session's CSRF token in `X-CSRF-Token`.
//! - Sign-in attempts are limited per client address and per email.

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine;
use relais_domain::account::{AccountView, Action, Role, SessionRecord, SignedIn};
use relais_domain::problem::ProblemKind;
use serde::{Deserialize, Serialize};
use worker::{Date, Env, Headers, Request, Response};

use crate::catalog::{now, stamp};
use crate::crypto;
use crate::http::{private_json, ApiError};
use crate::rate_limit;

pub const ITERATIONS: u32 = 100_000;
const SESSION_HOURS: u64 = 12;
const COOKIE: &str = "relais_session";
/// Sign-in attempts per minute, per client address and per email.
const ATTEMPTS_PER_MINUTE: u32 = 5;
const MAX_BODY_BYTES: usize = 4 * 1024;

/// Who is signed in, as a route sees them.
pub struct Staff {
    pub account_id: String,
}

#[derive(Clone, Serialize, Deserialize)]
pub struct AccountRow {
    pub id: String,
    pub email: String,
    pub name: String,
    pub role: String,
    #[serde(skip_serializing)]
    pub password_hash: String,
    #[serde(skip_serializing)]
    pub disabled_at: Option<String>,
}

impl AccountRow {
    fn view(&self) -> AccountView {
        AccountView {
            id: self.id.clone(),
            email: self.email.clone(),
            name: self.name.clone(),
            role: self.role.clone(),
        }
    }
}

/// `pbkdf2-sha256$<iterations>$<salt>$<key>`, salt and key in base64.
pub async fn hash_password(password: &str) -> Result<String, ApiError> {
    let salt = crypto::random_bytes(16)?;
    let key = crypto::pbkdf2_sha256(password, &salt, ITERATIONS).await?;
    Ok(format!(
        "pbkdf2-sha256${ITERATIONS}${}${}",
        BASE64.encode(&salt),
        BASE64.encode(&key)
    ))
}

async fn password_matches(password: &str, stored: &str) -> Result<bool, ApiError> {
    let parts: Vec<&str> = stored.split('$').collect();
    let [scheme, iterations, salt, key] = parts.as_slice() else {
        return Ok(false);
    };
    let (Ok(iterations), Ok(salt), Ok(key)) = (
        iterations.parse::<u32>(),
        BASE64.decode(salt),
        BASE64.decode(key),
    ) else {
        return Ok(false);
    };
    if *scheme != "pbkdf2-sha256" || iterations > ITERATIONS {
        return Ok(false);
    }
    let derived = crypto::pbkdf2_sha256(password, &salt, iterations).await?;
    Ok(crypto::same(&derived, &key))
}

/// A small JSON object body (at most 4 kB, refused before reading when it says it is more).
pub async fn read_json<T: for<'de> Deserialize<'de>>(req: &Request) -> Result<T, ApiError> {
    crate::http::json_object(&crate::http::body_text(req, MAX_BODY_BYTES).await?)
}

#[derive(Deserialize)]
struct Credentials {
    email: String,
    password: String,
}

pub async fn login(req: &Request, env: &Env) -> Result<Response, ApiError> {
    let db = env.d1("DB")?;
    let credentials: Credentials = read_json(req).await?;
    let email = credentials.email.trim().to_lowercase();
    // Per address, every attempt counts; per email only failures, so that nobody can lock
    // a coordinator out by trying their address.
    if let Some(client) = rate_limit::client(req) {
        rate_limit::count(&db, &format!("login-ip:{client}"), ATTEMPTS_PER_MINUTE).await?;
    }
    let failures_key = format!("login-email:{email}");
    rate_limit::check(&db, &failures_key, ATTEMPTS_PER_MINUTE).await?;
    let account: Option<AccountRow> = db
        .prepare(
            "SELECT id, email, name, role, password_hash, disabled_at FROM account WHERE email = ?1",
        )
        .bind(&[email.as_str().into()])?
        .first(None)
        .await?;
    // The same work whether or not the account exists, so timing tells nothing.
    let stored = account.as_ref().map_or(
        "pbkdf2-sha256$100000$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
        |a| a.password_hash.as_str(),
    );
    let matches = password_matches(&credentials.password, stored).await?;
    let Some(account) = account.filter(|a| matches && a.disabled_at.is_none()) else {
        rate_limit::count(&db, &failures_key, ATTEMPTS_PER_MINUTE).await?;
        return Err(ApiError::Problem(ProblemKind::Unauthorized, vec![]));
    };
    let token = crypto::random_hex(32)?;
    let csrf = crypto::random_hex(16)?;
    let record = SessionRecord {
        account_id: account.id.clone(),
        csrf: csrf.clone(),
        expires_at_ms: Date::now().as_millis() + SESSION_HOURS * 3_600_000,
    };
    env.kv("KV")?
        .put(&session_key(&token).await?, serde_json::to_string(&record)?)?
        .expiration_ttl(SESSION_HOURS * 3600)
        .execute()
        .await?;
    let mut response = private_json(&SignedIn {
        account: account.view(),
        csrf_token: csrf.clone(),
    })?;
    response.headers_mut().append(
        "Set-Cookie",
        &format!(
            "{COOKIE}={token}; Path=/; HttpOnly; Secure; SameSite=Strict; Max-Age={}",
            SESSION_HOURS * 3600
        ),
    )?;
    Ok(response)
}

pub async fn logout(req: &Request, env: &Env) -> Result<Response, ApiError> {
    let (_, token) = session(req, env, true).await?;
    env.kv("KV")?.delete(&session_key(&token).await?).await?;
    let headers = Headers::new();
    headers.set(
        "Set-Cookie",
        &format!("{COOKIE}=; Path=/; HttpOnly; Secure; SameSite=Strict; Max-Age=0"),
    )?;
    headers.set("Cache-Control", "no-store")?;
    Ok(Response::empty()?.with_status(204).with_headers(headers))
}

pub async fn me(req: &Request, env: &Env) -> Result<Response, ApiError> {
    let ((account, record), _) = session(req, env, false).await?;
    private_json(&SignedIn {
        account: account.view(),
        csrf_token: record.csrf,
    })
}

/// The signed-in account, when it may do `action`; `changes` also requires the CSRF token.
/// Anonymous, forged, expired or revoked sessions get 401; a role without the right, or a
/// change without the token, 403.
pub async fn require(
    req: &Request,
    env: &Env,
    action: Action,
    changes: bool,
) -> Result<Staff, ApiError> {
    let ((account, _), _) = session(req, env, changes).await?;
    let role = Role::parse(&account.role)
        .ok_or_else(|| ApiError::Internal(format!("role {}", account.role)))?;
    if !role.may(action) {
        return Err(ApiError::Problem(ProblemKind::Forbidden, vec![]));
    }
    Ok(Staff {
        account_id: account.id,
    })
}

type Session = ((AccountRow, SessionRecord), String);

async fn session(req: &Request, env: &Env, changes: bool) -> Result<Session, ApiError> {
    let unauthorized = || ApiError::Problem(ProblemKind::Unauthorized, vec![]);
    let token = req
        .headers()
        .get("Cookie")?
        .and_then(|cookies| {
            cookies.split(';').find_map(|c| {
                c.trim()
                    .strip_prefix(COOKIE)
                    .and_then(|rest| rest.strip_prefix('='))
                    .map(str::to_owned)
            })
        })
        .filter(|t| t.len() == 64 && t.bytes().all(|b| b.is_ascii_hexdigit()))
        .ok_or_else(unauthorized)?;
    let record: SessionRecord = env
        .kv("KV")?
        .get(&session_key(&token).await?)
        .json()
        .await?
        .ok_or_else(unauthorized)?;
    if record.expires_at_ms <= Date::now().as_millis() {
        return Err(unauthorized());
    }
    let account: AccountRow = env
        .d1("DB")?
        .prepare(
            "SELECT id, email, name, role, password_hash, disabled_at FROM account WHERE id = ?1",
        )
        .bind(&[record.account_id.as_str().into()])?
        .first(None)
        .await?
        .filter(|a: &AccountRow| a.disabled_at.is_none())
        .ok_or_else(unauthorized)?;
    if changes {
        let sent = req.headers().get("X-CSRF-Token")?.unwrap_or_default();
        if !crypto::same(sent.as_bytes(), record.csrf.as_bytes()) {
            return Err(ApiError::Problem(
                ProblemKind::Forbidden,
                vec![("X-CSRF-Token", "csrf")],
            ));
        }
    }
    Ok(((account, record), token))
}

async fn session_key(token: &str) -> Result<String, ApiError> {
    Ok(format!("session:{}", crypto::sha256_hex(token).await?))
}

#[derive(Deserialize)]
struct NewAccount {
    email: String,
    name: String,
    role: String,
    password: String,
}

/// `POST /api/admin/accounts`: an administrator creates an account with a first password.
pub async fn create_account(req: &Request, env: &Env) -> Result<Response, ApiError> {
    require(req, env, Action::ManageAccounts, true).await?;
    let new: NewAccount = read_json(req).await?;
    let mut refused: Vec<(String, &'static str)> = vec![];
    let email = new.email.trim().to_lowercase();
    match new.name.trim().chars().count() {
        0 => refused.push(("name".into(), "required")),
        n if n > 100 => refused.push(("name".into(), "too-long")),
        _ => {}
    }
    if !relais_domain::registration::is_email(&email) {
        refused.push(("email".into(), "invalid-email"));
    }
    let role = Role::parse(&new.role);
    if role.is_none() {
        refused.push(("role".into(), "unknown-role"));
    }
    if let Some(code) = relais_domain::account::password_refusal(&new.password) {
        refused.push(("password".into(), code));
    }
    let Some(role) = role.filter(|_| refused.is_empty()) else {
        return Err(ApiError::Fields(ProblemKind::InvalidBody, refused));
    };
    let hash = hash_password(&new.password).await?;
    let id = format!("acc-{}", crypto::random_hex(8)?);
    let inserted = env
        .d1("DB")?
        .prepare(
            "INSERT INTO account (id, email, name, role, password_hash, created_at) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (email) DO NOTHING",
        )
        .bind(&[
            id.as_str().into(),
            email.as_str().into(),
            new.name.trim().into(),
            role.as_str().into(),
            hash.into(),
            stamp(now()),
        ])?
        .run()
        .await?;
    if inserted.meta()?.and_then(|m| m.changes) != Some(1) {
        return Err(ApiError::Detailed(
            ProblemKind::Conflict,
            "conflict-account-exists",
        ));
    }
    let account = AccountRow {
        id,
        email,
        name: new.name.trim().to_owned(),
        role: role.as_str().to_owned(),
        password_hash: String::new(),
        disabled_at: None,
    };
    Ok(private_json(&account)?.with_status(201))
}
