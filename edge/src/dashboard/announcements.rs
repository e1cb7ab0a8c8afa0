//! Writing to the people of an edition: how many an audience reaches now, and one
//! announcement queued as one message per recipient in the outbox, in the batch that records
//! it and its audit entry. The same key (a double click, a retry) queues it once. Whom it
//! reaches is `relais_domain::announcement::Audience`, spliced through `transitions`.

use relais_domain::account::Action;
use relais_domain::announcement::{
    self, AnnouncementDraft, AnnouncementSent, Audience, Recipients, OUTBOX_KIND,
};
use relais_domain::people::PeopleFilter;
use relais_domain::problem::ProblemKind;
use relais_domain::Lang;
use serde::Deserialize;
use worker::{Context, D1Database, Env, Request, Response};

use super::{at, audit, json_text, read_draft, refuse, text};
use crate::auth::{self, Staff};
use crate::http::{private_json, ApiError, Caller};
use crate::outbox;
use crate::registration::transitions::{self, Statement, Value};
use crate::scope;

/// The people of the edition bound at `edition` an announcement to `audience` reaches, as
/// SQL counting them for the account bound at `account`; no row when the account does not
/// reach the edition.
pub fn count_sql(audience: Audience, edition: &str, account: &str) -> String {
    format!(
        "SELECT count(r.id) AS recipients FROM edition e JOIN offering o ON o.id = e.offering_id \
         LEFT JOIN registration r ON r.edition_id = e.id AND {} \
         WHERE e.id = {edition} AND {} GROUP BY e.id",
        transitions::in_audience("r", audience),
        scope::offering("o", account, Action::WriteToPeople)
    )
}

/// An announcement about to be queued.
pub struct Queued<'a> {
    pub id: &'a str,
    pub network_id: &'a str,
    pub edition_id: &'a str,
    pub account_id: &'a str,
    pub key: &'a str,
    pub draft: &'a AnnouncementDraft,
    pub audience: Audience,
    /// When the draft has a filter: the ids of the people it keeps (`announcement::reached`),
    /// a JSON array; the batch reaches no one else, and only those the audience still
    /// includes when it runs.
    pub only: Option<String>,
    pub at: &'a str,
}

/// The registrations `r` an announcement reaches: in the audience and, when the list bound at
/// `only` is not NULL, on it.
fn reaching(audience: Audience, only: &str) -> String {
    format!(
        "{} AND ({only} IS NULL OR r.id IN (SELECT value FROM json_each({only})))",
        transitions::in_audience("r", audience)
    )
}

/// Its batch: the announcement (once per account and key, only with someone to send to, only
/// in an edition the account reaches), one message per recipient, the audit entry, and the
/// announcement that stands for the key afterwards (this one, or the one sent before).
pub fn queue(q: &Queued) -> Result<Vec<Statement>, ApiError> {
    let only = || q.only.as_deref().map_or(Value::Null, text);
    let audience = reaching(q.audience, "?10");
    let announcement = Statement {
        sql: format!(
            "INSERT INTO announcement (id, network_id, edition_id, account_id, idempotency_key, \
               audience, include_sessions, subject, body, recipients, created_at, filter) \
             SELECT ?1, o.network_id, e.id, ?3, ?4, ?5, ?6, ?7, ?8, \
               (SELECT count(*) FROM registration r WHERE r.edition_id = e.id AND {audience}), ?9, ?11 \
             FROM edition e JOIN offering o ON o.id = e.offering_id \
             WHERE e.id = ?2 AND {scope} \
               AND EXISTS (SELECT 1 FROM registration r WHERE r.edition_id = e.id AND {audience}) \
             ON CONFLICT (account_id, idempotency_key) DO NOTHING",
            scope = scope::offering("o", "?3", Action::WriteToPeople),
        ),
        params: vec![
            text(q.id),
            text(q.edition_id),
            text(q.account_id),
            text(q.key),
            text(q.audience.as_str()),
            Value::Int(i64::from(q.draft.include_sessions)),
            json_text(&q.draft.subject)?,
            json_text(&q.draft.body)?,
            text(q.at),
            only(),
            json_text(&q.draft.filter)?,
        ],
    };
    let audience = reaching(q.audience, "?3");
    let messages = Statement {
        sql: format!(
            "INSERT INTO outbox (registration_id, edition_id, kind, announcement_id, dedupe, created_at) \
             SELECT r.id, r.edition_id, ?2, a.id, ?2 || ':' || a.id || ':' || r.id, a.created_at \
             FROM announcement a JOIN registration r ON r.edition_id = a.edition_id \
             WHERE a.id = ?1 AND {audience} \
             ON CONFLICT (dedupe) DO NOTHING"
        ),
        params: vec![text(q.id), text(OUTBOX_KIND), only()],
    };
    let changes = serde_json::json!({
        "audience": {"after": q.audience},
        "filter": {"after": q.draft.filter},
        "include_sessions": {"after": q.draft.include_sessions},
        "subject": {"after": q.draft.subject},
    })
    .to_string();
    let recorded = audit::record_when(
        "EXISTS (SELECT 1 FROM announcement WHERE id = ?5)",
        q.network_id,
        q.account_id,
        q.at,
        ("announcement", q.id),
        "sent",
        changes,
    );
    let standing = Statement {
        sql: "SELECT id, recipients, edition_id FROM announcement \
              WHERE account_id = ?1 AND idempotency_key = ?2"
            .to_owned(),
        params: vec![text(q.account_id), text(q.key)],
    };
    Ok(vec![announcement, messages, recorded, standing])
}

#[derive(Deserialize)]
struct Standing {
    id: String,
    recipients: u32,
    edition_id: String,
}

#[derive(Deserialize)]
struct EditionOwner {
    network_id: String,
}

/// The edition's network, if the account reaches it to write to its people (else 404).
async fn owner(db: &D1Database, staff: &Staff, edition_id: &str) -> Result<String, ApiError> {
    db.prepare(format!(
        "SELECT o.network_id FROM edition e JOIN offering o ON o.id = e.offering_id \
         WHERE e.id = ?1 AND {}",
        scope::offering("o", "?2", Action::WriteToPeople)
    ))
    .bind(&[edition_id.into(), staff.account_id.as_str().into()])?
    .first::<EditionOwner>(None)
    .await?
    .map(|o| o.network_id)
    .ok_or(super::not_found())
}

async fn count(
    db: &D1Database,
    staff: &Staff,
    edition_id: &str,
    audience: Audience,
) -> Result<u32, ApiError> {
    db.prepare(count_sql(audience, "?1", "?2"))
        .bind(&[edition_id.into(), staff.account_id.as_str().into()])?
        .first::<u32>(Some("recipients"))
        .await?
        .ok_or(super::not_found())
}

fn nobody() -> ApiError {
    ApiError::Problem(
        ProblemKind::InvalidBody,
        vec![("audience", "no-recipients")],
    )
}

/// The ids of the people an announcement to `audience`, narrowed by `filter`, reaches now, as
/// a JSON array (`Queued::only`); none to bind when there is no filter.
async fn narrowed(
    db: &D1Database,
    staff: &Staff,
    edition_id: &str,
    audience: Audience,
    filter: &PeopleFilter,
) -> Result<Option<Vec<String>>, ApiError> {
    if filter.is_empty() {
        return Ok(None);
    }
    let people = super::people::everyone(db, staff, edition_id, Lang::default_lang()).await?;
    Ok(Some(
        announcement::reached(audience, filter, &people)
            .into_iter()
            .map(|p| p.id.clone())
            .collect(),
    ))
}

/// `GET /api/dashboard/editions/{id}/recipients?audience=…&status=…`: how many people an
/// announcement to that audience (everyone still registered, by default) would reach now,
/// narrowed by the people page's filter when the query has one.
pub async fn recipients(
    req: &Request,
    env: &Env,
    caller: &Caller,
    edition_id: &str,
) -> Result<Response, ApiError> {
    let staff = auth::require(req, env, Action::WriteToPeople, false).await?;
    let audience = match caller.param("audience") {
        None => Audience::default(),
        Some(name) => Audience::parse(name).ok_or(ApiError::Problem(
            ProblemKind::InvalidQuery,
            vec![("audience", "unknown-audience")],
        ))?,
    };
    let filter =
        PeopleFilter::from_query(caller.query.iter().map(|(k, v)| (k.as_str(), v.as_str())))
            .map_err(|refused| ApiError::Problem(ProblemKind::InvalidQuery, vec![refused]))?;
    let db = env.d1("DB")?;
    let recipients = match narrowed(&db, &staff, edition_id, audience, &filter).await? {
        None => count(&db, &staff, edition_id, audience).await?,
        Some(ids) => {
            // Only where the account may write to the people.
            owner(&db, &staff, edition_id).await?;
            u32::try_from(ids.len()).map_err(|e| ApiError::Internal(e.to_string()))?
        }
    };
    private_json(&Recipients {
        audience,
        recipients,
    })
}

/// `POST /api/dashboard/editions/{id}/announcements`: check the texts, count the people
/// reached, queue one message each with the audit entry in one batch, and send them after
/// the answer (202). A key already used by the account answers its announcement again.
pub async fn send(
    req: &Request,
    env: &Env,
    ctx: &Context,
    edition_id: &str,
) -> Result<Response, ApiError> {
    let staff = auth::require(req, env, Action::WriteToPeople, true).await?;
    let draft: AnnouncementDraft = read_draft(req).await?;
    let db = env.d1("DB")?;
    let network_id = owner(&db, &staff, edition_id).await?;
    refuse(draft.check())?;
    let audience = draft.audience.unwrap_or_default();
    let key = match draft.key.as_deref() {
        Some(key) => key.trim().to_owned(),
        // Without a key, the same text to the same people is the same announcement.
        None => {
            let content = serde_json::json!([
                edition_id,
                audience,
                draft.filter,
                draft.include_sessions,
                draft.subject,
                draft.body
            ]);
            format!(
                "content:{}",
                crate::crypto::sha256_hex(&content.to_string()).await?
            )
        }
    };
    let only = match narrowed(&db, &staff, edition_id, audience, &draft.filter).await? {
        Some(ids) if ids.is_empty() => return Err(nobody()),
        Some(ids) => Some(serde_json::to_string(&ids)?),
        None => None,
    };
    let id = super::new_id("announcement")?;
    let statements = queue(&Queued {
        id: &id,
        network_id: &network_id,
        edition_id,
        account_id: &staff.account_id,
        key: &key,
        draft: &draft,
        audience,
        only,
        at: &at(),
    })?;
    let (_, standing) = transitions::run_and_read::<Standing>(&db, &statements).await?;
    let Some(standing) = standing else {
        return Err(nobody());
    };
    if standing.edition_id != edition_id {
        return Err(ApiError::Problem(
            ProblemKind::InvalidBody,
            vec![("key", "idempotency-key-reused")],
        ));
    }
    outbox::send_soon(env, ctx, outbox::Only::Edition(edition_id.to_owned()));
    Ok(private_json(&AnnouncementSent {
        id: standing.id,
        recipients: standing.recipients,
    })?
    .with_status(202))
}

#[cfg(test)]
pub(crate) mod tests;
