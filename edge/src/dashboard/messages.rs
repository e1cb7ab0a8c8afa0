//! A network's messages as its coordinators see them — to whom, about what, where each
//! stands (`relais_domain::announcement::Delivery`), never a private link —, sending a failed
//! one again, and the desk's summary of what waits: applications to decide, sessions soon,
//! failed messages. Every statement names the caller's account (`scope`).

use chrono::TimeDelta;
use relais_domain::account::Action;
use relais_domain::announcement::{
    Delivery, DeskSummary, NetworkMessage, SessionSoon, WaitingApplications,
};
use relais_domain::catalog::instant;
use relais_domain::problem::ProblemKind;
use relais_domain::{Lang, Localized};
use serde::Deserialize;
use worker::{Context, D1Database, Env, Request, Response};

use super::{at, audit, parsed, require_network, text};
use crate::auth::{self, Staff};
use crate::catalog::now;
use crate::http::{private_json, ApiError, Caller};
use crate::outbox;
use crate::registration::transitions::{self, Statement, Value};
use crate::scope;

/// Whether the message `m` is the network `network`'s: about one of its editions, or to a
/// contact of one of its organisations.
fn of_network(network: &str) -> String {
    format!(
        "(m.edition_id IN (SELECT e.id FROM edition e JOIN offering o ON o.id = e.offering_id \
            WHERE o.network_id = {network}) \
          OR m.contact_id IN (SELECT c.id FROM organisation_contact c \
            JOIN organisation g ON g.id = c.organisation_id WHERE g.network_id = {network}))"
    )
}

/// The network's messages to registrants and to its organisations' contacts (`?1` the
/// network, `?2` the account, `?3` one message or NULL), newest first.
pub fn list_sql() -> String {
    format!(
        "SELECT m.id, m.kind, m.edition_id, o.title AS offering_title, g.name AS organisation, \
           coalesce(r.name, c.name) AS recipient_name, \
           m.subject, a.subject AS announcement_subject, m.created_at, m.sent_at, m.failed_at, \
           m.next_attempt_at, m.attempts, m.last_error IS NOT NULL AS has_error \
         FROM outbox m LEFT JOIN edition e ON e.id = m.edition_id \
         LEFT JOIN offering o ON o.id = e.offering_id \
         LEFT JOIN registration r ON r.id = m.registration_id \
         LEFT JOIN announcement a ON a.id = m.announcement_id \
         LEFT JOIN organisation_contact c ON c.id = m.contact_id \
         LEFT JOIN organisation g ON g.id = c.organisation_id \
         WHERE {} AND {} AND (?3 IS NULL OR m.id = ?3) \
         ORDER BY m.id DESC LIMIT 200",
        of_network("?1"),
        scope::network("?1", "?2", Action::ReadOutbox)
    )
}

/// A failed message of the network starts again from its first attempt (`?1` the message,
/// `?2` the network, `?3` the account); with its audit entry, written only if it did.
pub fn retry_statements(message: u32, network: &str, account: &str, at: &str) -> Vec<Statement> {
    let retry = Statement {
        sql: format!(
            "UPDATE outbox SET attempts = 0, failed_at = NULL, next_attempt_at = NULL, \
               claimed_at = NULL \
             WHERE id = ?1 AND sent_at IS NULL AND failed_at IS NOT NULL \
               AND id IN (SELECT m.id FROM outbox m WHERE {}) AND {}",
            of_network("?2"),
            scope::network("?2", "?3", Action::RetryMessages)
        ),
        params: vec![Value::Int(i64::from(message)), text(network), text(account)],
    };
    let recorded = audit::record_when(
        "changes() > 0",
        network,
        account,
        at,
        ("message", &message.to_string()),
        "retried",
        "{}".to_owned(),
    );
    vec![retry, recorded]
}

#[derive(Deserialize)]
struct MessageRow {
    id: u32,
    kind: String,
    edition_id: Option<String>,
    offering_title: Option<String>,
    organisation: Option<String>,
    recipient_name: Option<String>,
    subject: Option<String>,
    announcement_subject: Option<String>,
    created_at: String,
    sent_at: Option<String>,
    failed_at: Option<String>,
    next_attempt_at: Option<String>,
    attempts: u32,
    has_error: u32,
}

impl MessageRow {
    fn line(self, lang: Lang) -> NetworkMessage {
        let announced = self
            .announcement_subject
            .as_deref()
            .and_then(|s| parsed::<Localized>(s).resolve(lang))
            .map(|t| t.text);
        NetworkMessage {
            delivery: Delivery::of(
                self.sent_at.is_some(),
                self.failed_at.is_some(),
                self.attempts,
                self.has_error != 0,
            ),
            id: self.id,
            kind: self.kind,
            edition_id: self.edition_id,
            offering_title: self.offering_title.as_deref().map(parsed),
            organisation: self.organisation,
            to: self.recipient_name,
            subject: self.subject.or(announced),
            created_at: instant::parse(&self.created_at).unwrap_or_default(),
            sent_at: self.sent_at.as_deref().and_then(instant::parse),
            next_attempt_at: self.next_attempt_at.as_deref().and_then(instant::parse),
            attempts: self.attempts,
        }
    }
}

async fn read(
    db: &D1Database,
    staff: &Staff,
    network: &str,
    lang: Lang,
    only: Option<u32>,
) -> Result<Vec<NetworkMessage>, ApiError> {
    let rows: Vec<MessageRow> = db
        .prepare(list_sql())
        .bind(&[
            network.into(),
            staff.account_id.as_str().into(),
            only.map_or(wasm_bindgen::JsValue::NULL, Into::into),
        ])?
        .all()
        .await?
        .results()?;
    Ok(rows.into_iter().map(|r| r.line(lang)).collect())
}

/// `GET /api/dashboard/networks/{id}/outbox`: the newest 200 messages to the network's
/// registrants.
pub async fn list(
    req: &Request,
    env: &Env,
    caller: &Caller,
    network: &str,
) -> Result<Response, ApiError> {
    let staff = auth::require(req, env, Action::ReadOutbox, false).await?;
    let db = env.d1("DB")?;
    require_network(&db, &staff, Action::ReadOutbox, network).await?;
    private_json(&read(&db, &staff, network, caller.lang, None).await?)
}

/// `POST /api/dashboard/networks/{id}/outbox/{message}/retry`: a failed message of the
/// network tried again from its first attempt, sent right after the answer (202); one that
/// has not failed is a conflict; another network's is not found.
pub async fn retry(
    req: &Request,
    env: &Env,
    ctx: &Context,
    caller: &Caller,
    (network, message): (&str, &str),
) -> Result<Response, ApiError> {
    let staff = auth::require(req, env, Action::RetryMessages, true).await?;
    let id: u32 = message.parse().map_err(|_| super::not_found())?;
    let db = env.d1("DB")?;
    require_network(&db, &staff, Action::RetryMessages, network).await?;
    let statements = retry_statements(id, network, &staff.account_id, &at());
    let (changed, _) = transitions::run_and_read::<serde_json::Value>(&db, &statements).await?;
    let line = read(&db, &staff, network, caller.lang, Some(id))
        .await?
        .into_iter()
        .next()
        .ok_or(super::not_found())?;
    if changed == 0 {
        return Err(ApiError::Detailed(
            ProblemKind::Conflict,
            "conflict-message-not-failed",
        ));
    }
    outbox::send_soon(env, ctx, outbox::Only::Message(id));
    Ok(private_json(&line)?.with_status(202))
}

/// The summary's three reads (`?1` the network, `?2` the account, `?3`–`?4` the sessions'
/// window).
pub fn summary_sql() -> [String; 3] {
    let network_editions =
        "FROM edition e JOIN offering o ON o.id = e.offering_id WHERE o.network_id = ?1";
    [
        format!(
            "SELECT edition_id, offering_title, waiting FROM (SELECT e.id AS edition_id, \
               o.title AS offering_title, e.starts_at, {waiting} AS waiting {network_editions} AND {scope}) \
             WHERE waiting > 0 ORDER BY starts_at, edition_id",
            waiting = transitions::applied_count("e.id"),
            scope = scope::network("?1", "?2", Action::DecideRegistrations),
        ),
        format!(
            "SELECT s.id, s.edition_id, o.title AS offering_title, s.starts_at, s.ends_at \
             FROM session s JOIN edition e ON e.id = s.edition_id \
             JOIN offering o ON o.id = e.offering_id \
             WHERE o.network_id = ?1 AND {scope} AND {shown} AND s.starts_at >= ?3 AND s.starts_at < ?4 \
             ORDER BY s.starts_at, s.id LIMIT 100",
            scope = scope::network("?1", "?2", Action::AuthorCatalog),
            shown = crate::catalog::visible::session_shown("s"),
        ),
        format!(
            "SELECT count(*) AS failed FROM outbox m WHERE m.sent_at IS NULL \
               AND m.failed_at IS NOT NULL AND {} AND {}",
            of_network("?1"),
            scope::network("?1", "?2", Action::ReadOutbox)
        ),
    ]
}

#[derive(Deserialize)]
struct WaitingRow {
    edition_id: String,
    offering_title: String,
    waiting: u32,
}

#[derive(Deserialize)]
struct SessionRow {
    id: String,
    edition_id: String,
    offering_title: String,
    starts_at: String,
    ends_at: String,
}

#[derive(Deserialize)]
struct FailedRow {
    failed: u32,
}

/// `GET /api/dashboard/networks/{id}/summary`: what waits for the network's coordinators.
pub async fn summary(req: &Request, env: &Env, network: &str) -> Result<Response, ApiError> {
    let staff = auth::require(req, env, Action::AuthorCatalog, false).await?;
    let db = env.d1("DB")?;
    require_network(&db, &staff, Action::AuthorCatalog, network).await?;
    let now = now();
    let stamp =
        |t: chrono::DateTime<chrono::Utc>| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let (from, to) = (
        stamp(now - TimeDelta::days(1)),
        stamp(now + TimeDelta::days(8)),
    );
    let [applications, sessions, failed] = summary_sql();
    let account = staff.account_id.as_str();
    let results = db
        .batch(vec![
            db.prepare(applications)
                .bind(&[network.into(), account.into()])?,
            db.prepare(sessions).bind(&[
                network.into(),
                account.into(),
                from.as_str().into(),
                to.as_str().into(),
            ])?,
            db.prepare(failed).bind(&[network.into(), account.into()])?,
        ])
        .await?;
    let [applications, sessions, failed] = results.as_slice() else {
        return Err(ApiError::Internal("batch results".into()));
    };
    let summary = DeskSummary {
        applications: applications
            .results::<WaitingRow>()?
            .into_iter()
            .map(|w| WaitingApplications {
                edition_id: w.edition_id,
                offering_title: parsed(&w.offering_title),
                waiting: w.waiting,
            })
            .collect(),
        sessions: sessions
            .results::<SessionRow>()?
            .into_iter()
            .filter_map(|s| {
                Some(SessionSoon {
                    starts_at: instant::parse(&s.starts_at)?,
                    ends_at: instant::parse(&s.ends_at)?,
                    id: s.id,
                    edition_id: s.edition_id,
                    offering_title: parsed(&s.offering_title),
                })
            })
            .collect(),
        failed_messages: failed
            .results::<FailedRow>()?
            .into_iter()
            .next()
            .map_or(0, |f| f.failed),
    };
    private_json(&summary)
}

#[cfg(test)]
mod tests;
