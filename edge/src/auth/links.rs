//! One-time links: an invitation (to a role in a network, or to administer the site) and a
//! password reset. Only the token's SHA-256 is stored; a link works once, before it
//! expires (`LinkPurpose::lifetime`), and an unknown, used or expired link is the same "not
//! found". Accepting a link signs the person in.
//!
//! Once, even when two people (or two tabs) send the same link at the same moment: every
//! write of an acceptance is guarded by the link still being open, and the last statement
//! of the batch closes it. D1 runs a batch as one transaction, one after another, so the
//! second batch finds the link closed and writes nothing.
//!
//! Asking for a reset answers the same whatever the address (`registration::links` does the
//! same for manage links): whether it has an account is told only to that address.

use relais_domain::account::joining::{
    validate_acceptance, validate_password_reset, AccountLink, LinkAcceptance, LinkPurpose,
    LinkUse, PasswordResetRequest,
};
use relais_domain::account::Role;
use relais_domain::problem::ProblemKind;
use relais_domain::Lang;
use serde::{Deserialize, Serialize};
use worker::{Context, D1Database, D1PreparedStatement, Date, Env, Request, Response};

use super::members::{changed, rows};
use super::{
    hash_password, open_session, password_matches, read_json, read_json_only, sign_in_limits,
    AccountRow, ACCOUNT_COLUMNS,
};
use crate::catalog::{now, stamp};
use crate::crypto;
use crate::http::{private_json, ApiError, Caller};
use crate::outbox;
use crate::rate_limit::{self, Limit, QUARTER_HOUR};
use crate::registration::create::public_origin;
use crate::rows::instant;

/// Acceptances per client address and quarter of an hour: each may hash a password.
const ACCEPTANCES_PER_CLIENT: u32 = 30;
/// Reset requests per client address and minute, and per address asked for and hour:
/// enough for someone who lost an email, too few to flood an inbox.
const RESETS_PER_CLIENT_PER_MINUTE: u32 = 10;
const RESETS_PER_EMAIL_PER_HOUR: u32 = 3;
const HOUR: i64 = 3600;

/// A new one-time link: the address it opens (in the app, in `lang`), and the digest stored
/// in its place.
pub struct OneTimeLink {
    pub url: String,
    pub token_hash: String,
}

impl OneTimeLink {
    pub async fn new(origin: &str, lang: Lang, purpose: LinkPurpose) -> Result<Self, ApiError> {
        let token = crypto::random_hex(32)?;
        Ok(OneTimeLink {
            url: format!("{origin}/{}/{}/{token}", lang.code(), purpose.page()),
            token_hash: crypto::sha256_hex(&token).await?,
        })
    }
}

/// The `dedupe` of a link's message: one message per link, and how the sender finds it.
pub fn message_key(token_hash: &str) -> String {
    format!("account-link:{token_hash}")
}

/// A link stays open while unused and unexpired (`?{now}` binds the instant).
fn open(link: &str, now: usize) -> String {
    format!("{link}.used_at IS NULL AND {link}.expires_at > ?{now}")
}

/// A token as the app sends it (64 hex digits); anything else opens nothing.
async fn token_hash(token: &str) -> Result<String, ApiError> {
    if token.len() != 64 || !token.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(ApiError::Problem(ProblemKind::NotFound, vec![]));
    }
    crypto::sha256_hex(&token.to_ascii_lowercase()).await
}

#[derive(Deserialize)]
struct LinkRow {
    purpose: String,
    email: String,
    network_id: Option<String>,
    network_name: Option<String>,
    role: Option<String>,
    partner: Option<String>,
    invited_by: Option<String>,
    administrator: u32,
    expires_at: String,
    account_exists: u32,
}

impl LinkRow {
    fn view(self) -> Result<AccountLink, ApiError> {
        Ok(AccountLink {
            purpose: LinkPurpose::parse(&self.purpose)
                .ok_or_else(|| ApiError::Internal(format!("purpose {}", self.purpose)))?,
            role: self.role.as_deref().and_then(Role::parse),
            partner: self.partner,
            invited_by: self.invited_by,
            administrator: self.administrator == 1,
            account_exists: self.account_exists == 1,
            expires_at: instant(&self.expires_at)?,
            email: self.email,
            network_id: self.network_id,
            network_name: self.network_name,
        })
    }
}

/// The open link whose digest is `?1`, at `?2`: a reset only while its account may sign in.
fn find_link(db: &D1Database, hash: &str) -> Result<D1PreparedStatement, ApiError> {
    Ok(db
        .prepare(format!(
            "SELECT l.purpose, l.email, l.network_id, n.name AS network_name, l.role, \
               p.name AS partner, inviter.name AS invited_by, l.administrator, l.expires_at, \
               EXISTS (SELECT 1 FROM account a WHERE a.email = l.email) AS account_exists \
             FROM account_link l LEFT JOIN network n ON n.id = l.network_id \
               LEFT JOIN partner p ON p.id = l.partner_id \
               LEFT JOIN account inviter ON inviter.id = l.created_by \
             WHERE l.token_hash = ?1 AND {} \
               AND (l.purpose != 'password_reset' OR EXISTS (SELECT 1 FROM account a \
                 WHERE a.email = l.email AND a.disabled_at IS NULL))",
            open("l", 2)
        ))
        .bind(&[hash.into(), stamp(now())])?)
}

/// `GET /api/account-links/{token}`: what the link is for, so the page can ask for what it
/// needs (a name and a new password, or the existing account's password).
pub async fn view(env: &Env, token: &str) -> Result<Response, ApiError> {
    let hash = token_hash(token).await?;
    let db = env.d1("DB")?;
    match find_link(&db, &hash)?.first::<LinkRow>(None).await? {
        Some(link) => private_json(&link.view()?),
        None => Err(ApiError::Problem(ProblemKind::NotFound, vec![])),
    }
}

/// `POST /api/account-links/{token}` {name, password}: accepts the link and signs the person
/// in (200, the session cookie and the CSRF token, as `login`).
/// - An invitation to an address with no account creates it, with the name and password
///   given, and its membership (or its administrator's right).
/// - An invitation to an address that has an account asks for that account's password,
///   counted as a sign-in attempt (the link alone never takes an account over), and adds
///   the membership.
/// - A reset sets the new password and ends every session the account had.
pub async fn accept(req: &Request, env: &Env, token: &str) -> Result<Response, ApiError> {
    let hash = token_hash(token).await?;
    let db = env.d1("DB")?;
    if let Some(client) = rate_limit::client(req) {
        let limit = Limit {
            key: format!("account-link:{client}"),
            limit: ACCEPTANCES_PER_CLIENT,
            window_seconds: QUARTER_HOUR,
        };
        rate_limit::count_all(&db, &[limit]).await?;
    }
    let acceptance: LinkAcceptance = read_json_only(req).await?;
    let not_found = || ApiError::Problem(ProblemKind::NotFound, vec![]);
    let link = find_link(&db, &hash)?
        .first::<LinkRow>(None)
        .await?
        .ok_or_else(not_found)?
        .view()?;
    let account: Option<AccountRow> = db
        .prepare(format!(
            "SELECT {ACCOUNT_COLUMNS} FROM account WHERE email = ?1"
        ))
        .bind(&[link.email.as_str().into()])?
        .first(None)
        .await?;
    let link_use = match (link.purpose, &account) {
        (LinkPurpose::PasswordReset, Some(_)) => LinkUse::NewPassword,
        (LinkPurpose::PasswordReset, None) => return Err(not_found()),
        (LinkPurpose::Invitation, Some(_)) => LinkUse::ExistingAccount,
        (LinkPurpose::Invitation, None) => LinkUse::NewAccount,
    };
    let accepted = validate_acceptance(&acceptance, link_use)
        .map_err(|refused| ApiError::Fields(ProblemKind::InvalidBody, refused))?;
    let now_ms = Date::now().as_millis();
    // Each use's statements: the claim second to last, the account read last.
    let (statements, account_id, created_at_ms) = match (link_use, account) {
        (LinkUse::NewAccount, _) => {
            let id = format!("acc-{}", crypto::random_hex(8)?);
            let name = accepted.name.clone().unwrap_or_default();
            let hash_of_password = hash_password(&accepted.password).await?;
            let statements = join_as_new_account(&db, &hash, &id, &name, &hash_of_password)?;
            (statements, id, now_ms)
        }
        (LinkUse::ExistingAccount, Some(account)) => {
            prove_password(&db, req, &account, &accepted.password).await?;
            let statements = join_as_existing_account(&db, &hash, &account.id)?;
            (statements, account.id, now_ms)
        }
        (LinkUse::NewPassword, Some(account)) => {
            let hash_of_password = hash_password(&accepted.password).await?;
            let statements = reset_password(&db, &hash, &account.email, &hash_of_password, now_ms)?;
            // The session this opens is the first after the revocation.
            (statements, account.id, now_ms + 1)
        }
        (_, None) => return Err(not_found()),
    };
    let claim = statements.len() - 2;
    let results = db.batch(statements).await?;
    if changed(&results, claim) != 1 {
        // Closed meanwhile by another acceptance (not found, like any used link), or still
        // open because an account with this address was created meanwhile.
        return Err(match find_link(&db, &hash)?.first::<LinkRow>(None).await? {
            Some(_) => {
                ApiError::Detailed(ProblemKind::Conflict, "conflict-account-created-meanwhile")
            }
            None => not_found(),
        });
    }
    let account = rows::<AccountRow>(&results, claim + 1)?
        .into_iter()
        .next()
        .filter(|a| a.id == account_id && a.disabled_at.is_none())
        .ok_or_else(not_found)?;
    open_session(env, &account, created_at_ms).await
}

/// An invitation to an address that has an account: its password, checked and counted as a
/// sign-in attempt. A wrong password, or a disabled account, is 401 with the field named.
async fn prove_password(
    db: &D1Database,
    req: &Request,
    account: &AccountRow,
    password: &str,
) -> Result<(), ApiError> {
    let counted =
        rate_limit::count_all(db, &sign_in_limits(&account.email, rate_limit::client(req))).await?;
    if !password_matches(password, &account.password_hash).await? || account.disabled_at.is_some() {
        return Err(ApiError::Problem(
            ProblemKind::Unauthorized,
            vec![("password", "wrong-password")],
        ));
    }
    rate_limit::forgive(db, &counted).await
}

/// `?1` the link's digest, `?2` now, then each statement's own. Every write is guarded by
/// the link being open; the claim, last of the writes, closes it.
fn join_as_new_account(
    db: &D1Database,
    hash: &str,
    id: &str,
    name: &str,
    password_hash: &str,
) -> Result<Vec<D1PreparedStatement>, ApiError> {
    let at = stamp(now());
    let base = [hash.into(), at.clone(), id.into()];
    Ok(vec![
        db.prepare(format!(
            "INSERT INTO account (id, email, name, administrator, password_hash, created_at) \
             SELECT ?3, l.email, ?4, l.administrator, ?5, ?2 FROM account_link l \
             WHERE l.token_hash = ?1 AND {} \
               AND NOT EXISTS (SELECT 1 FROM account a WHERE a.email = l.email)",
            open("l", 2)
        ))
        .bind(&[
            hash.into(),
            at,
            id.into(),
            name.into(),
            password_hash.into(),
        ])?,
        db.prepare(joined_audit()).bind(&base)?,
        db.prepare(joined_membership()).bind(&base)?,
        // The claim: only if the account above was written (none had this address).
        db.prepare(format!(
            "UPDATE account_link SET used_at = ?2 WHERE token_hash = ?1 AND {} \
               AND EXISTS (SELECT 1 FROM account WHERE id = ?3)",
            open("account_link", 2)
        ))
        .bind(&base)?,
        db.prepare(format!(
            "SELECT {ACCOUNT_COLUMNS} FROM account WHERE id = ?1"
        ))
        .bind(&[id.into()])?,
    ])
}

/// The audit entry of joining a network by the link at `?1` (open at `?2`), for the
/// account `?3`, written before the membership so that it sees whether they were a member.
fn joined_audit() -> String {
    format!(
        "INSERT INTO audit (network_id, account_id, at, entity, entity_id, action, changes) \
         SELECT l.network_id, ?3, ?2, 'membership', ?3, 'joined', \
           json_object('role', json_object('before', NULL, 'after', l.role), \
             'invited_by', l.created_by) \
         FROM account_link l WHERE l.token_hash = ?1 AND {} AND l.network_id IS NOT NULL \
           AND EXISTS (SELECT 1 FROM account WHERE id = ?3) \
           AND NOT EXISTS (SELECT 1 FROM membership m WHERE m.account_id = ?3 \
             AND m.network_id = l.network_id)",
        open("l", 2)
    )
}

/// The membership a network's invitation at `?1` gives the account `?3`; someone who became
/// a member meanwhile keeps their role.
fn joined_membership() -> String {
    format!(
        "INSERT INTO membership (account_id, network_id, role, partner_id, created_at) \
         SELECT ?3, l.network_id, l.role, l.partner_id, ?2 FROM account_link l \
         WHERE l.token_hash = ?1 AND {} AND l.network_id IS NOT NULL \
           AND EXISTS (SELECT 1 FROM account WHERE id = ?3) \
         ON CONFLICT (account_id, network_id) DO NOTHING",
        open("l", 2)
    )
}

fn join_as_existing_account(
    db: &D1Database,
    hash: &str,
    id: &str,
) -> Result<Vec<D1PreparedStatement>, ApiError> {
    let base = [hash.into(), stamp(now()), id.into()];
    Ok(vec![
        db.prepare(joined_audit()).bind(&base)?,
        db.prepare(joined_membership()).bind(&base)?,
        db.prepare(format!(
            "UPDATE account SET administrator = 1 WHERE id = ?3 AND EXISTS (SELECT 1 \
               FROM account_link l WHERE l.token_hash = ?1 AND {} AND l.administrator = 1)",
            open("l", 2)
        ))
        .bind(&base)?,
        db.prepare(format!(
            "UPDATE account_link SET used_at = ?2 WHERE token_hash = ?1 AND {}",
            open("account_link", 2)
        ))
        .bind(&base[..2])?,
        db.prepare(format!(
            "SELECT {ACCOUNT_COLUMNS} FROM account WHERE id = ?1"
        ))
        .bind(&[id.into()])?,
    ])
}

/// A reset: the new password and the end of every session (`sessions_revoked_at`), the
/// address's other reset links ended, then the claim.
fn reset_password(
    db: &D1Database,
    hash: &str,
    email: &str,
    password_hash: &str,
    now_ms: u64,
) -> Result<Vec<D1PreparedStatement>, ApiError> {
    let at = stamp(now());
    let base = [hash.into(), at, email.into()];
    let link_open = format!(
        "EXISTS (SELECT 1 FROM account_link l WHERE l.token_hash = ?1 AND {} \
           AND l.purpose = 'password_reset' AND l.email = ?3 AND EXISTS (SELECT 1 \
             FROM account a WHERE a.email = ?3 AND a.disabled_at IS NULL))",
        open("l", 2)
    );
    Ok(vec![
        db.prepare(format!(
            "UPDATE account SET password_hash = ?4, sessions_revoked_at = ?5 \
             WHERE email = ?3 AND {link_open}"
        ))
        .bind(&[
            base[0].clone(),
            base[1].clone(),
            base[2].clone(),
            password_hash.into(),
            wasm_bindgen::JsValue::from_f64(now_ms as f64),
        ])?,
        db.prepare(format!(
            "UPDATE account_link SET expires_at = ?2 WHERE purpose = 'password_reset' \
               AND email = ?3 AND token_hash != ?1 AND used_at IS NULL AND expires_at > ?2 \
               AND {link_open}"
        ))
        .bind(&base)?,
        db.prepare(format!(
            "UPDATE account_link SET used_at = ?2 WHERE token_hash = ?1 AND {link_open}"
        ))
        .bind(&base)?,
        db.prepare(format!(
            "SELECT {ACCOUNT_COLUMNS} FROM account WHERE email = ?1"
        ))
        .bind(&[email.into()])?,
    ])
}

/// The answer to asking for a reset, the same for every address.
#[derive(Serialize)]
struct Accepted {
    accepted: bool,
}

#[derive(Deserialize)]
struct Queued {
    id: u32,
}

/// `POST /api/auth/password-reset` {email, lang}: 202 and the same body whatever the
/// address. Only an account that may sign in gets a link, by email, in `lang`.
pub async fn ask_reset(
    req: &Request,
    env: &Env,
    ctx: &Context,
    caller: &Caller,
) -> Result<Response, ApiError> {
    let db = env.d1("DB")?;
    if let Some(client) = rate_limit::client(req) {
        let limit = Limit {
            key: format!("reset:{client}"),
            limit: RESETS_PER_CLIENT_PER_MINUTE,
            window_seconds: rate_limit::MINUTE,
        };
        rate_limit::count_all(&db, &[limit]).await?;
    }
    let request: PasswordResetRequest = read_json(req).await?;
    let (email, lang) = validate_password_reset(&request, caller.lang)
        .map_err(|refused| ApiError::Fields(ProblemKind::InvalidBody, refused))?;
    let limit = Limit {
        key: format!("reset-email:{email}"),
        limit: RESETS_PER_EMAIL_PER_HOUR,
        window_seconds: HOUR,
    };
    rate_limit::count_all(&db, &[limit]).await?;
    // The same work for every address: a link made, one batch run.
    let link =
        OneTimeLink::new(&public_origin(env, req)?, lang, LinkPurpose::PasswordReset).await?;
    let at = now();
    let results = db
        .batch(vec![
            db.prepare(
                "INSERT INTO account_link (token_hash, purpose, email, created_at, expires_at) \
                 SELECT ?1, 'password_reset', a.email, ?2, ?3 FROM account a \
                 WHERE a.email = ?4 AND a.disabled_at IS NULL",
            )
            .bind(&[
                link.token_hash.as_str().into(),
                stamp(at),
                stamp(at + LinkPurpose::PasswordReset.lifetime()),
                email.as_str().into(),
            ])?,
            db.prepare(
                "INSERT INTO outbox (kind, dedupe, recipient, lang, manage_url, created_at) \
                 SELECT 'password_reset', ?1, ?2, ?3, ?4, ?5 \
                 WHERE EXISTS (SELECT 1 FROM account_link WHERE token_hash = ?6) RETURNING id",
            )
            .bind(&[
                message_key(&link.token_hash).as_str().into(),
                email.as_str().into(),
                lang.code().into(),
                link.url.as_str().into(),
                stamp(at),
                link.token_hash.as_str().into(),
            ])?,
        ])
        .await?;
    if let Some(queued) = rows::<Queued>(&results, 1)?.into_iter().next() {
        outbox::send_soon(env, ctx, outbox::Only::Message(queued.id));
    }
    Ok(private_json(&Accepted { accepted: true })?.with_status(202))
}
