//! A registration's `Idempotency-Key`: a client offline keeps its registration with a key and
//! sends it again after a lost connection, a timeout or a 5xx, possibly from two tabs at once.
//! It must land once, and every copy must learn the real outcome and the manage link.
//!
//! So the key is claimed before anything is written (one `INSERT … ON CONFLICT DO NOTHING`:
//! one request of many wins; the others hear 409 `in-progress` with `Retry-After`), and the
//! answer is remembered in the registration's own batch, so no Worker can die between the
//! two. A claim left by a Worker that died is taken over after `CLAIM_SECONDS`.
//!
//! Nothing in the table gives the keys or the links away: a row is found by the key's
//! SHA-256, and the manage link is sealed with AES-256-GCM under a key derived from the raw
//! key, bound to the request's digest. A replay reads where the registration stands now, and
//! opens the link with the key the client sent again.

use chrono::{DateTime, TimeDelta, Utc};
use relais_domain::problem::ProblemKind;
use relais_domain::registration::{RegistrationAnswer, Status};
use serde::Deserialize;
use worker::{D1Database, Request};

use super::transitions::{self, Statement, Value};
use crate::crypto;
use crate::http::ApiError;

const MAX_KEY: usize = 200;
/// How long a claim keeps others waiting: a registration is answered within seconds, so an
/// older claim was left by a Worker that died, and the next retry takes it over.
pub const CLAIM_SECONDS: i64 = 30;
/// HKDF's purpose for the manage link sealed under the client's key.
const SEALED_LINK: &str = "relais registration manage link v1";
/// How long keys are kept: a client retries within minutes or hours.
const KEPT_HOURS: i64 = 24;

/// What a request with its key (or without one) comes to before it is answered.
pub enum Retry {
    /// A new request: answer it, with the key claimed if there is one.
    New(Option<Claim>),
    /// A request answered before: its status code and answer, link included.
    Replay(u16, RegistrationAnswer),
}

/// A key claimed by this request: the registration's batch completes it (`created`), a
/// link sent again completes it after (`link_sent`), and a refusal releases it (`release`).
pub struct Claim {
    key: String,
    key_hash: String,
    request_hash: String,
    token: String,
}

/// The key's row, with where its registration stands now.
#[derive(Deserialize)]
struct Row {
    request_hash: String,
    status: Option<u16>,
    claimed_at: String,
    sealed_link: Option<String>,
    standing: Option<String>,
    position: Option<u32>,
}

/// Reads the `Idempotency-Key` and claims it, or says why not: the first answer again when
/// it was given, 409 while another request with the key is being answered, 400 when the
/// key came with another request.
pub async fn claim(
    req: &Request,
    db: &D1Database,
    edition_id: &str,
    body: &str,
) -> Result<Retry, ApiError> {
    let key = match req.headers().get("Idempotency-Key")? {
        None => return Ok(Retry::New(None)),
        Some(key) if key.is_empty() || key.len() > MAX_KEY => {
            return Err(ApiError::Problem(
                ProblemKind::InvalidBody,
                vec![("Idempotency-Key", "invalid-idempotency-key")],
            ))
        }
        Some(key) => key,
    };
    let claim = Claim {
        key_hash: crypto::sha256_hex(&key).await?,
        request_hash: crypto::sha256_hex(&format!("{edition_id}\n{body}")).await?,
        token: crypto::random_hex(12)?,
        key,
    };
    let now = crate::catalog::now();
    if changes(db, &claim.claim_statement(now)).await? == 1 {
        return Ok(Retry::New(Some(claim)));
    }
    let Some(row) = claim.read(db).await? else {
        // Released between the two statements by a refusal: the next retry claims it.
        return Err(in_progress());
    };
    if row.request_hash != claim.request_hash {
        return Err(ApiError::Problem(
            ProblemKind::InvalidBody,
            vec![("Idempotency-Key", "idempotency-key-reused")],
        ));
    }
    if let Some(status) = row.status {
        return Ok(Retry::Replay(
            status,
            claim.answer(status, row, edition_id).await?,
        ));
    }
    if row.claimed_at.as_str() >= stamp(now - TimeDelta::seconds(CLAIM_SECONDS)).as_str() {
        return Err(in_progress());
    }
    if changes(db, &claim.take_over_statement(now)).await? == 1 {
        Ok(Retry::New(Some(claim)))
    } else {
        Err(in_progress())
    }
}

fn in_progress() -> ApiError {
    ApiError::Problem(ProblemKind::InProgress, vec![])
}

fn stamp(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// How many rows a statement changed.
async fn changes(db: &D1Database, statement: &Statement) -> Result<usize, ApiError> {
    let result = statement.prepare(db)?.run().await?;
    Ok(result.meta()?.and_then(|m| m.changes).unwrap_or(0))
}

impl Claim {
    /// The statement, for the registration's own batch, that completes the claim when the
    /// batch wrote the registration `change_id` names: the registration, and its manage link
    /// sealed under the client's key.
    pub async fn created(&self, change_id: &str, manage_url: &str) -> Result<Statement, ApiError> {
        let sealed = crypto::seal(&self.key, SEALED_LINK, &self.request_hash, manage_url).await?;
        Ok(self.created_statement(change_id, &sealed))
    }

    /// Completes the claim when the address was already registered (its link was sent
    /// again). If the claim was completed meanwhile by a request whose Worker was thought dead
    /// and which registered, its answer is the real one: it is given instead.
    pub async fn link_sent(
        &self,
        db: &D1Database,
        edition_id: &str,
    ) -> Result<(u16, RegistrationAnswer), ApiError> {
        let sent = (202, RegistrationAnswer::link_sent(edition_id));
        if changes(db, &self.link_sent_statement()).await? == 1 {
            return Ok(sent);
        }
        match self.read(db).await? {
            Some(row) if row.request_hash == self.request_hash => match row.status {
                Some(status) => Ok((status, self.answer(status, row, edition_id).await?)),
                None => Ok(sent),
            },
            _ => Ok(sent),
        }
    }

    /// Gives the key back after a refusal or a failure. A refusal (a field, a closed window,
    /// a limit) depends only on the request and the edition's state, and writes nothing: a
    /// retry with the same body is checked again and refused the same while nothing changed,
    /// or answered as things stand now (the window opened, a limit passed) — there is nothing
    /// to remember. A 5xx must leave the key to the retry that follows. Only this request's
    /// claim is released, and only while nothing completed it; should the release itself
    /// fail, the claim lapses after `CLAIM_SECONDS`.
    pub async fn release(&self, db: &D1Database) {
        if let Err(e) = changes(db, &self.release_statement()).await {
            worker::console_error!("idempotency: claim not released: {e:?}");
        }
    }

    async fn read(&self, db: &D1Database) -> Result<Option<Row>, ApiError> {
        Ok(self.read_statement().prepare(db)?.first(None).await?)
    }

    /// The answer a completed row stands for: for a registration, where it stands now, with
    /// its manage link opened with the client's key (none if the registration was deleted).
    async fn answer(
        &self,
        status: u16,
        row: Row,
        edition_id: &str,
    ) -> Result<RegistrationAnswer, ApiError> {
        if status != 201 {
            return Ok(RegistrationAnswer::link_sent(edition_id));
        }
        let standing = row.standing.as_deref().and_then(Status::parse);
        let manage_url = match (standing, &row.sealed_link) {
            (Some(_), Some(sealed)) => {
                Some(crypto::open(&self.key, SEALED_LINK, &self.request_hash, sealed).await?)
            }
            _ => None,
        };
        Ok(RegistrationAnswer {
            status: standing,
            waitlist_position: (standing == Some(Status::Waitlisted))
                .then_some(row.position)
                .flatten(),
            manage_url,
            created: true,
            edition_id: edition_id.to_owned(),
        })
    }

    fn claim_statement(&self, now: DateTime<Utc>) -> Statement {
        Statement {
            sql: "INSERT INTO idempotency (key_hash, request_hash, claim, claimed_at, created_at) \
                  VALUES (?1, ?2, ?3, ?4, ?4) ON CONFLICT (key_hash) DO NOTHING"
                .to_owned(),
            params: vec![
                self.key_hash.as_str().into(),
                self.request_hash.as_str().into(),
                self.token.as_str().into(),
                stamp(now).as_str().into(),
            ],
        }
    }

    /// A claim still in progress since before `CLAIM_SECONDS`, made this request's.
    fn take_over_statement(&self, now: DateTime<Utc>) -> Statement {
        Statement {
            sql: "UPDATE idempotency SET claim = ?2, claimed_at = ?3 \
                  WHERE key_hash = ?1 AND request_hash = ?4 AND status IS NULL AND claimed_at < ?5"
                .to_owned(),
            params: vec![
                self.key_hash.as_str().into(),
                self.token.as_str().into(),
                stamp(now).as_str().into(),
                self.request_hash.as_str().into(),
                stamp(now - TimeDelta::seconds(CLAIM_SECONDS))
                    .as_str()
                    .into(),
            ],
        }
    }

    /// Only when the batch wrote the registration (`change_id` is then its own): a batch
    /// that found the address already registered leaves the claim in progress.
    fn created_statement(&self, change_id: &str, sealed_link: &str) -> Statement {
        Statement {
            sql: "UPDATE idempotency SET status = 201, sealed_link = ?3, \
                    registration_id = (SELECT id FROM registration WHERE change_id = ?2) \
                  WHERE key_hash = ?1 AND status IS NULL \
                    AND EXISTS (SELECT 1 FROM registration WHERE change_id = ?2)"
                .to_owned(),
            params: vec![
                self.key_hash.as_str().into(),
                change_id.into(),
                sealed_link.into(),
            ],
        }
    }

    fn link_sent_statement(&self) -> Statement {
        Statement {
            sql: "UPDATE idempotency SET status = 202 WHERE key_hash = ?1 AND status IS NULL"
                .to_owned(),
            params: vec![self.key_hash.as_str().into()],
        }
    }

    fn release_statement(&self) -> Statement {
        Statement {
            sql: "DELETE FROM idempotency WHERE key_hash = ?1 AND claim = ?2 AND status IS NULL"
                .to_owned(),
            params: vec![self.key_hash.as_str().into(), self.token.as_str().into()],
        }
    }

    fn read_statement(&self) -> Statement {
        Statement {
            sql: format!(
                "SELECT i.request_hash, i.status, i.claimed_at, i.sealed_link, \
                   r.status AS standing, {} AS position \
                 FROM idempotency i LEFT JOIN registration r ON r.id = i.registration_id \
                 WHERE i.key_hash = ?1",
                transitions::waitlist_position("r")
            ),
            params: vec![self.key_hash.as_str().into()],
        }
    }
}

/// Forgets keys after a day.
pub async fn forget_old_keys(db: &D1Database, now: DateTime<Utc>) -> Result<(), ApiError> {
    forget_statement(now).prepare(db)?.run().await?;
    Ok(())
}

fn forget_statement(now: DateTime<Utc>) -> Statement {
    Statement {
        sql: "DELETE FROM idempotency WHERE created_at < ?1".to_owned(),
        params: vec![Value::Text(stamp(now - TimeDelta::hours(KEPT_HOURS)))],
    }
}

#[cfg(test)]
mod tests;
