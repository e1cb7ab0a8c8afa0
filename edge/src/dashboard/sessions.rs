//! An edition's sessions as its network writes them: one at a time, or by a rule in the
//! organiser's zone (previewed first on other zones' clocks), and changes that people must
//! hear of — a published session's time, place or link, or its cancellation — told to
//! everyone with a place or waiting, through the outbox, with the calendar entry's SEQUENCE
//! raised.

use relais_domain::account::Action;
use relais_domain::authoring::{session_change, PublicationState, SessionChange, SessionDraft};
use relais_domain::dashboard::{AuthoredSession, Created, PreviewRequest, SessionsByRule};
use relais_domain::problem::ProblemKind;
use relais_domain::registration::MessageKind;
use relais_domain::schedule::recurrence::{self, RecurrenceError};
use serde::Deserialize;
use worker::{Context, D1Database, Env, Request, Response};

use super::editions::{self, insert_session, span, stored, SessionRow, SESSION_COLUMNS};
use super::{at, audit, json_text, read_draft, refuse, run, text};
use crate::auth::{self, Staff};
use crate::http::{private_json, ApiError, Caller};
use crate::outbox;
use crate::registration::transitions::{self, Statement, Value};
use crate::scope;

fn rule_refused(error: RecurrenceError) -> ApiError {
    // The rule's fields are under `rule`; the preview's zones are the request's own.
    let refusals = error
        .refusals()
        .into_iter()
        .map(|(field, code)| match field {
            "zones" => (field.to_owned(), code),
            _ => (format!("rule.{field}"), code),
        })
        .collect();
    ApiError::Fields(ProblemKind::InvalidBody, refusals)
}

/// `POST /api/dashboard/recurrence-preview`: the rule's dates on the organiser's clock and
/// on the zones asked for, with the clock-change notes; nothing is saved.
pub async fn preview(req: &Request, env: &Env) -> Result<Response, ApiError> {
    auth::require(req, env, Action::AuthorCatalog, true).await?;
    let asked: PreviewRequest = super::read_draft(req).await?;
    let Some(rule) = asked.rule else {
        return Err(ApiError::Problem(
            ProblemKind::InvalidBody,
            vec![("rule", "required")],
        ));
    };
    let zones: Vec<&str> = asked.zones.iter().map(String::as_str).collect();
    let preview = recurrence::preview(&rule, &zones).map_err(rule_refused)?;
    private_json(&preview)
}

/// `POST /api/dashboard/editions/{id}/sessions`: one session.
pub async fn create(req: &Request, env: &Env, edition_id: &str) -> Result<Response, ApiError> {
    let staff = auth::require(req, env, Action::AuthorCatalog, true).await?;
    let draft: SessionDraft = read_draft(req).await?;
    let db = env.d1("DB")?;
    let loaded = editions::load(&db, &staff, edition_id).await?;
    refuse(draft.check_draft())?;
    let id = super::new_id("session")?;
    run(
        &db,
        &[
            insert_session(&id, edition_id, &draft)?,
            span(edition_id),
            audit::record(
                &loaded.network_id,
                &staff.account_id,
                &at(),
                ("session", &id),
                "created",
                audit::changes(None, &draft)?,
            ),
        ],
    )
    .await?;
    crate::cache::forget_public();
    Ok(private_json(&Created { id })?.with_status(201))
}

/// `POST /api/dashboard/editions/{id}/sessions/by-rule`: the rule's sessions, added (or, while
/// nobody registered, in place of the sessions not yet held).
pub async fn by_rule(
    req: &Request,
    env: &Env,
    caller: &Caller,
    edition_id: &str,
) -> Result<Response, ApiError> {
    let staff = auth::require(req, env, Action::AuthorCatalog, true).await?;
    let asked: SessionsByRule = read_draft(req).await?;
    let db = env.d1("DB")?;
    let loaded = editions::load(&db, &staff, edition_id).await?;
    let Some(rule) = asked.rule.clone() else {
        return Err(ApiError::Problem(
            ProblemKind::InvalidBody,
            vec![("rule", "required")],
        ));
    };
    let occurrences = recurrence::expand(&rule).map_err(rule_refused)?;
    let drafts: Vec<SessionDraft> = occurrences
        .iter()
        .map(|o| SessionDraft {
            title: asked.title.clone(),
            starts_at: Some(o.starts_at),
            ends_at: Some(o.ends_at),
            zone: rule.zone.clone(),
            location: asked.location.clone(),
            ..SessionDraft::default()
        })
        .collect();
    let audit_changes =
        serde_json::json!({"rule": {"after": rule}, "sessions": {"after": drafts.len()}})
            .to_string();
    let added = Added {
        drafts,
        replace: asked.replace,
        recurrence: json_text(&rule)?,
        audit: ("sessions_by_rule", audit_changes),
    };
    add(&db, &staff, caller, edition_id, loaded, added).await
}

/// Sessions to add to an edition in one batch: by a rule, or a plan of the scheduling
/// assistant.
pub struct Added {
    pub drafts: Vec<SessionDraft>,
    /// Instead of the sessions still to come (only while nobody registered).
    pub replace: bool,
    /// The edition's rule from now on (`Null`: none).
    pub recurrence: Value,
    /// The audit's action and changes.
    pub audit: (&'static str, String),
}

/// Adds the sessions, checked as drafts, with the edition's span and its audit in the same
/// batch; answers the edition as its editor reads it.
pub async fn add(
    db: &D1Database,
    staff: &Staff,
    caller: &Caller,
    edition_id: &str,
    loaded: editions::Loaded,
    added: Added,
) -> Result<Response, ApiError> {
    for draft in &added.drafts {
        refuse(draft.check_draft())?;
    }
    let now = at();
    let mut statements = vec![];
    if added.replace {
        if loaded.registrations > 0 {
            return Err(ApiError::Detailed(
                ProblemKind::Conflict,
                "conflict-has-registrations",
            ));
        }
        statements.push(Statement {
            sql: "DELETE FROM session WHERE edition_id = ?1 AND starts_at > ?2".to_owned(),
            params: vec![text(edition_id), text(&now)],
        });
    }
    for draft in &added.drafts {
        statements.push(insert_session(
            &super::new_id("session")?,
            edition_id,
            draft,
        )?);
    }
    statements.push(Statement {
        sql: "UPDATE edition SET recurrence = ?2 WHERE id = ?1".to_owned(),
        params: vec![text(edition_id), added.recurrence],
    });
    statements.push(span(edition_id));
    statements.push(audit::record(
        &loaded.network_id,
        &staff.account_id,
        &now,
        ("edition", edition_id),
        added.audit.0,
        added.audit.1,
    ));
    run(db, &statements).await?;
    crate::cache::forget_public();
    let loaded = editions::load(db, staff, edition_id).await?;
    private_json(&loaded.authored(edition_id, caller)?)
}

#[derive(Deserialize)]
struct SessionOwner {
    edition_id: String,
    network_id: String,
    edition_state: String,
}

async fn owner(db: &D1Database, staff: &Staff, id: &str) -> Result<SessionOwner, ApiError> {
    db.prepare(format!(
        "SELECT s.edition_id, o.network_id, e.state AS edition_state FROM session s \
         JOIN edition e ON e.id = s.edition_id JOIN offering o ON o.id = e.offering_id \
         WHERE s.id = ?1 AND {}",
        scope::offering("o", "?2", Action::AuthorCatalog)
    ))
    .bind(&[id.into(), staff.account_id.as_str().into()])?
    .first(None)
    .await?
    .ok_or(super::not_found())
}

async fn read_session(db: &D1Database, id: &str) -> Result<AuthoredSession, ApiError> {
    db.prepare(format!(
        "SELECT {SESSION_COLUMNS} FROM session WHERE id = ?1"
    ))
    .bind(&[id.into()])?
    .first::<SessionRow>(None)
    .await?
    .map(SessionRow::authored)
    .ok_or(super::not_found())
}

/// `PUT /api/dashboard/sessions/{id}`: its time, place, link, languages, or its cancellation
/// (`cancelled: true`). When the edition is published and the change is one people must hear
/// of, the calendar SEQUENCE rises and everyone with a place or waiting is told, in the batch
/// of the change.
pub async fn save(req: &Request, env: &Env, ctx: &Context, id: &str) -> Result<Response, ApiError> {
    let staff = auth::require(req, env, Action::AuthorCatalog, true).await?;
    let draft: SessionDraft = read_draft(req).await?;
    let db = env.d1("DB")?;
    let owner = owner(&db, &staff, id).await?;
    let before = read_session(&db, id).await?;
    refuse(draft.check_draft())?;
    let (Some(starts), Some(ends)) = (draft.starts_at, draft.ends_at) else {
        return Err(ApiError::Problem(
            ProblemKind::InvalidBody,
            vec![("starts_at", "required")],
        ));
    };
    let published = owner.edition_state == PublicationState::Published.as_str();
    let change = session_change(&before.draft, &draft).filter(|_| published);
    let sequence = before.sequence + u32::from(change.is_some());
    let now = at();
    let mut statements = vec![Statement {
        sql: "UPDATE session SET title = ?2, starts_at = ?3, ends_at = ?4, zone = ?5, \
                location = ?6, instruction_languages = ?7, same_in_every_language = ?8, \
                cancelled_at = CASE WHEN ?9 THEN ifnull(cancelled_at, ?10) ELSE NULL END, \
                sequence = ?11 \
              WHERE id = ?1"
            .to_owned(),
        params: vec![
            text(id),
            json_text(&draft.title)?,
            text(&stored(starts)),
            text(&stored(ends)),
            text(&draft.zone),
            json_text(&draft.location)?,
            match &draft.instruction_languages {
                Some(languages) => json_text(languages)?,
                None => Value::Null,
            },
            json_text(&draft.same_in_every_language)?,
            Value::Int(i64::from(draft.cancelled)),
            text(&now),
            Value::Int(i64::from(sequence)),
        ],
    }];
    statements.push(span(&owner.edition_id));
    if let Some(change) = change {
        let kind = match change {
            SessionChange::Cancelled => MessageKind::SessionCancelled,
            SessionChange::Changed(_) | SessionChange::Reinstated => MessageKind::SessionChanged,
        };
        statements.push(transitions::tell_session_change(id, kind, sequence, &now));
    }
    statements.push(audit::record(
        &owner.network_id,
        &staff.account_id,
        &now,
        ("session", id),
        if draft.cancelled && !before.draft.cancelled {
            "cancelled"
        } else {
            "changed"
        },
        audit::changes(Some(&before.draft), &draft)?,
    ));
    run(&db, &statements).await?;
    crate::cache::forget_public();
    outbox::send_soon(env, ctx, outbox::Only::Edition(owner.edition_id));
    private_json(&read_session(&db, id).await?)
}
