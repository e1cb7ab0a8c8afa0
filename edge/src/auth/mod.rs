//! Who is signed in, and how people get there.
//!
//! - Passwords: PBKDF2-SHA256, 100,000 iterations, 16-byte salt, from the runtime's Web
//!   Crypto (ARCHITECTURE.md says why this and not Argon2 or bcrypt). Each person sets their
//!   own, from a one-time link (`links`): nobody chooses a password for someone else, and
//!   none travels by email.
//! - Sessions: a random token in an `HttpOnly; Secure; SameSite=Strict` cookie named with
//!   the `__Host-` prefix (so no subdomain can set or shadow it); KV keeps only its digest,
//!   with the account, a CSRF token, when it was created and last used. It ends after 12
//!   hours, or after 2 idle hours, or when an administrator disables the account, or when
//!   the password is reset. Signing out deletes it.
//! - Every change also needs the session's CSRF token in `X-CSRF-Token`.
//! - Sign-in failures are limited per (email, address), per address and per email, counted
//!   before the password is hashed (`login` says how).
//! - Every request reads the account and its roles from D1: a membership removed, a role
//!   changed or an account disabled takes effect on the next request.
//!
//! `invitations` (inviting to a role), `links` (one-time links: joining, password resets),
//! `members` (a network's members, roles, leaving), `networks` (administrators create
//! them) and `accounts` (administrators disable and enable them) are the rest.

mod accounts;
pub mod invitations;
pub mod links;
pub mod members;
pub mod networks;

pub use accounts::{disable_account, enable_account};

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine;
use relais_domain::account::{
    self, AccountView, Action, MembershipView, Role, SessionRecord, SignedIn,
};
use relais_domain::problem::ProblemKind;
use serde::{Deserialize, Serialize};
use worker::{Date, Env, Headers, Request, Response};

use crate::crypto;
use crate::http::{private_json, ApiError};
use crate::rate_limit::{self, Limit, QUARTER_HOUR};

pub const ITERATIONS: u32 = 100_000;
const SESSION_HOURS: u64 = 12;
/// A session unused this long is refused.
const IDLE_MS: u64 = 2 * 3_600_000;
/// How stale a session's "last used" may get before a request writes it again: KV is not
/// written on every request, so a session may end up to this much before its idle timeout.
const REFRESH_MS: u64 = 5 * 60_000;
const COOKIE: &str = "__Host-relais_session";
/// Sign-in failures per quarter of an hour. The same email from the same address: a few,
/// for typing mistakes. One address over all emails: more, since several coordinators may
/// share an office's address. One email over all addresses: a ceiling high enough that one
/// attacker cannot reach it from a handful of addresses (each gives at most
/// `PER_EMAIL_AND_ADDRESS` toward it, so 100 takes 20 addresses within 15 minutes), yet a
/// bound on guessing a password of 12 characters or more, spread over a botnet.
const PER_EMAIL_AND_ADDRESS: u32 = 5;
const PER_ADDRESS: u32 = 30;
const PER_EMAIL: u32 = 100;
const MAX_BODY_BYTES: usize = 4 * 1024;

/// Who is signed in, as a route sees them. Which rows they reach is decided in each
/// statement (`scope`), with `account_id` bound.
pub struct Staff {
    pub account_id: String,
    /// An administrator of the site.
    pub administrator: bool,
}

#[derive(Clone, Serialize, Deserialize)]
pub struct AccountRow {
    pub id: String,
    pub email: String,
    pub name: String,
    /// 1 for an administrator of the site.
    pub administrator: u32,
    /// The account's roles across its networks, comma-separated (`group_concat`).
    #[serde(skip_serializing, default)]
    pub roles: Option<String>,
    #[serde(skip_serializing)]
    pub password_hash: String,
    #[serde(skip_serializing)]
    pub disabled_at: Option<String>,
    /// Milliseconds since the epoch; sessions created until then are refused.
    #[serde(skip_serializing, default)]
    pub sessions_revoked_at: Option<f64>,
}

impl AccountRow {
    fn roles(&self) -> Vec<Role> {
        self.roles
            .as_deref()
            .unwrap_or_default()
            .split(',')
            .filter_map(Role::parse)
            .collect()
    }

    /// The account as it sees itself, with its networks.
    async fn view(&self, env: &Env) -> Result<AccountView, ApiError> {
        let networks: Vec<MembershipView> = env
            .d1("DB")?
            .prepare(
                "SELECT m.network_id, n.name AS network_name, m.role FROM membership m \
                 JOIN network n ON n.id = m.network_id WHERE m.account_id = ?1 \
                 ORDER BY n.position, n.id",
            )
            .bind(&[self.id.as_str().into()])?
            .all()
            .await?
            .results()?;
        Ok(AccountView {
            id: self.id.clone(),
            email: self.email.clone(),
            name: self.name.clone(),
            administrator: self.administrator == 1,
            networks,
        })
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

pub(crate) async fn password_matches(password: &str, stored: &str) -> Result<bool, ApiError> {
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

/// `POST /api/auth/login`. Each attempt is first counted as a failure, per address, per
/// (email, address) and per email, in one batch that refuses it (429) beyond a limit, before any
/// hashing: parallel attempts cannot all pass a check made before their count. A right
/// password then takes its attempt back, so only failures count. Per email, only attempts
/// the address limits allowed count, so an attacker cannot lock the owner out from a few
/// addresses, and the owner's own address has its own allowance.
pub async fn login(req: &Request, env: &Env) -> Result<Response, ApiError> {
    let db = env.d1("DB")?;
    let credentials: Credentials = read_json_only(req).await?;
    let email = credentials.email.trim().to_lowercase();
    let counted =
        rate_limit::count_all(&db, &sign_in_limits(&email, rate_limit::client(req))).await?;
    let account: Option<AccountRow> = db
        .prepare(format!(
            "SELECT {ACCOUNT_COLUMNS} FROM account WHERE email = ?1"
        ))
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
        return Err(ApiError::Problem(ProblemKind::Unauthorized, vec![]));
    };
    rate_limit::forgive(&db, &counted).await?;
    open_session(env, &account, Date::now().as_millis()).await
}

/// Opens a session for `account`, created at `created_at_ms`, and answers with it: the
/// account, its CSRF token, and the cookie.
pub(crate) async fn open_session(
    env: &Env,
    account: &AccountRow,
    created_at_ms: u64,
) -> Result<Response, ApiError> {
    let token = crypto::random_hex(32)?;
    let csrf = crypto::random_hex(16)?;
    let record = SessionRecord {
        account_id: account.id.clone(),
        csrf: csrf.clone(),
        expires_at_ms: created_at_ms + SESSION_HOURS * 3_600_000,
        created_at_ms,
        last_seen_ms: created_at_ms,
    };
    env.kv("KV")?
        .put(&session_key(&token).await?, serde_json::to_string(&record)?)?
        .expiration_ttl(SESSION_HOURS * 3600)
        .execute()
        .await?;
    let mut response = private_json(&SignedIn {
        account: account.view(env).await?,
        csrf_token: csrf,
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

/// The sign-in limits for `email` from `address`, in the order they are counted. Without an
/// address (not through Cloudflare) only the email's ceiling applies.
pub(crate) fn sign_in_limits(email: &str, address: Option<String>) -> Vec<Limit> {
    let limit = |key: String, limit: u32| Limit {
        key,
        limit,
        window_seconds: QUARTER_HOUR,
    };
    let mut limits = vec![];
    // The address first: what it refuses writes no other row, so one address cannot fill
    // the table with keys for made-up emails.
    if let Some(address) = address {
        limits.push(limit(format!("login-ip:{address}"), PER_ADDRESS));
        limits.push(limit(
            format!("login-email-ip:{email}:{address}"),
            PER_EMAIL_AND_ADDRESS,
        ));
    }
    limits.push(limit(format!("login-email:{email}"), PER_EMAIL));
    limits
}

/// Credentials come only as JSON (415 otherwise): a form post from another site cannot
/// send them, and there is one way in to guard.
pub(crate) async fn read_json_only<T: for<'de> Deserialize<'de>>(
    req: &Request,
) -> Result<T, ApiError> {
    let is_json = req.headers().get("Content-Type")?.is_some_and(|t| {
        t.split(';')
            .next()
            .is_some_and(|media| media.trim().eq_ignore_ascii_case("application/json"))
    });
    if !is_json {
        return Err(ApiError::Problem(ProblemKind::UnsupportedMediaType, vec![]));
    }
    read_json(req).await
}

pub(crate) const ACCOUNT_COLUMNS: &str =
    "id, email, name, administrator, password_hash, disabled_at, \
     sessions_revoked_at, \
     (SELECT group_concat(role) FROM membership WHERE account_id = account.id) AS roles";

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
        account: account.view(env).await?,
        csrf_token: record.csrf,
    })
}

/// The signed-in account, when it may try `action` (`account::may_try`: an administrator for
/// the site's actions, a role reaching it in some network for a network's); `changes` also
/// requires the CSRF token. Anonymous, forged, expired or revoked sessions get 401; an
/// account with no such right, or a change without the token, 403. Which rows it reaches is
/// each statement's business (`scope`).
pub async fn require(
    req: &Request,
    env: &Env,
    action: Action,
    changes: bool,
) -> Result<Staff, ApiError> {
    require_any(req, env, &[action], changes).await
}

/// `require` for a route that either of `actions` opens (a network's members: its
/// coordinators', and every network's for administrators).
pub async fn require_any(
    req: &Request,
    env: &Env,
    actions: &[Action],
    changes: bool,
) -> Result<Staff, ApiError> {
    let staff = signed_in(req, env, changes).await?;
    let roles = staff.roles.clone();
    if !actions
        .iter()
        .any(|action| account::may_try(staff.staff.administrator, &roles, *action))
    {
        return Err(ApiError::Problem(ProblemKind::Forbidden, vec![]));
    }
    Ok(staff.staff)
}

/// Any signed-in account, with its roles (someone leaving a network needs no right but
/// their own membership, which the statement checks).
pub struct SignedInStaff {
    pub staff: Staff,
    pub roles: Vec<Role>,
}

pub async fn signed_in(req: &Request, env: &Env, changes: bool) -> Result<SignedInStaff, ApiError> {
    let ((account, _), _) = session(req, env, changes).await?;
    Ok(SignedInStaff {
        roles: account.roles(),
        staff: Staff {
            administrator: account.administrator == 1,
            account_id: account.id,
        },
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
    let kv = env.kv("KV")?;
    let key = session_key(&token).await?;
    let record: SessionRecord = kv.get(&key).json().await?.ok_or_else(unauthorized)?;
    let now_ms = Date::now().as_millis();
    if record.expires_at_ms <= now_ms || record.last_seen_ms.saturating_add(IDLE_MS) <= now_ms {
        return Err(unauthorized());
    }
    let account: AccountRow = env
        .d1("DB")?
        .prepare(format!(
            "SELECT {ACCOUNT_COLUMNS} FROM account WHERE id = ?1"
        ))
        .bind(&[record.account_id.as_str().into()])?
        .first(None)
        .await?
        .filter(|a: &AccountRow| a.disabled_at.is_none())
        .filter(|a| {
            a.sessions_revoked_at
                .is_none_or(|revoked| record.created_at_ms as f64 > revoked)
        })
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
    if now_ms.saturating_sub(record.last_seen_ms) >= REFRESH_MS {
        let seen = SessionRecord {
            last_seen_ms: now_ms,
            ..record.clone()
        };
        // KV keeps a key at least 60 seconds; the record's own expiry is checked above.
        let ttl = ((record.expires_at_ms - now_ms) / 1000).max(60);
        kv.put(&key, serde_json::to_string(&seen)?)?
            .expiration_ttl(ttl)
            .execute()
            .await?;
    }
    Ok(((account, record), token))
}

async fn session_key(token: &str) -> Result<String, ApiError> {
    Ok(format!("session:{}", crypto::sha256_hex(token).await?))
}
