//! Editions as their network writes them, with their sessions: create, read, save, the
//! publication states, deletion while nobody registered, and the next cohort.

use chrono::{DateTime, NaiveDate, Utc};
use relais_domain::account::Action;
use relais_domain::authoring::{
    duplicate_edition, may_delete, spread_same_text, weeks_to_reach, Cost, CostKind, EditionDraft,
    PublicationState, Refusal, SessionDraft,
};
use relais_domain::catalog::instant;
use relais_domain::catalog::{Format, RegistrationMode};
use relais_domain::dashboard::{AuthoredEdition, AuthoredSession, Created, DuplicateRequest};
use relais_domain::library::Visibility;
use relais_domain::problem::ProblemKind;
use relais_domain::registration::lifecycle::capacity_change_allowed;
use relais_domain::{Lang, Localized};
use serde::Deserialize;
use worker::{D1Database, Env, Request, Response};

use super::publication::Publishable;
use super::{at, audit, field_errors, json_text, optional, parsed, read_draft, refuse, run, text};
use crate::auth::{self, Staff};
use crate::http::{private_json, ApiError, Caller};
use crate::registration::transitions::{Statement, Value};
use crate::scope;

#[derive(Deserialize)]
pub struct EditionRow {
    pub id: String,
    pub offering_id: String,
    network_id: String,
    state: String,
    title: String,
    registration_mode: String,
    registration_url: Option<String>,
    capacity: Option<i64>,
    format: String,
    location: String,
    registration_opens_at: Option<String>,
    registration_closes_at: Option<String>,
    questions: String,
    private_details: String,
    confirm_within_hours: Option<i64>,
    same_in_every_language: String,
    written_in: Option<String>,
    instruction_languages: String,
    cost_kind: Option<String>,
    fee_cents: Option<i64>,
    fee_currency: Option<String>,
    cost_note: String,
    visibility: String,
    pub registrations: u32,
    #[serde(default)]
    pub starts_at: Option<String>,
    /// The offering's format, which the edition takes when it says none.
    #[serde(default)]
    offering_format: Option<String>,
}

#[derive(Deserialize)]
pub struct SessionRow {
    pub id: String,
    #[serde(default)]
    pub edition_id: String,
    title: String,
    starts_at: String,
    ends_at: String,
    zone: String,
    location: String,
    instruction_languages: Option<String>,
    cancelled_at: Option<String>,
    same_in_every_language: String,
    sequence: u32,
}

fn moment(text: Option<&str>) -> Option<DateTime<Utc>> {
    text.and_then(instant::parse)
}

impl SessionRow {
    pub fn authored(self) -> AuthoredSession {
        AuthoredSession {
            draft: SessionDraft {
                title: parsed(&self.title),
                starts_at: moment(Some(&self.starts_at)),
                ends_at: moment(Some(&self.ends_at)),
                zone: self.zone,
                location: parsed(&self.location),
                instruction_languages: self
                    .instruction_languages
                    .as_deref()
                    .map(parsed::<Vec<String>>),
                cancelled: self.cancelled_at.is_some(),
                same_in_every_language: parsed(&self.same_in_every_language),
            },
            id: self.id,
            sequence: self.sequence,
        }
    }
}

impl EditionRow {
    pub fn draft(&self) -> EditionDraft {
        EditionDraft {
            state: PublicationState::parse(&self.state).unwrap_or_default(),
            title: parsed(&self.title),
            registration_mode: RegistrationMode::parse(&self.registration_mode),
            registration_url: self.registration_url.clone(),
            capacity: self.capacity,
            format: Format::parse(&self.format),
            registration_opens_at: moment(self.registration_opens_at.as_deref()),
            registration_closes_at: moment(self.registration_closes_at.as_deref()),
            questions: parsed(&self.questions),
            private_details: parsed(&self.private_details),
            location: parsed(&self.location),
            written_in: self.written_in.as_deref().and_then(Lang::parse),
            instruction_languages: parsed(&self.instruction_languages),
            cost: self
                .cost_kind
                .as_deref()
                .and_then(CostKind::parse)
                .map(|kind| Cost {
                    kind,
                    fee_cents: self.fee_cents,
                    fee_currency: self.fee_currency.clone(),
                    note: parsed(&self.cost_note),
                }),
            confirm_within_hours: self.confirm_within_hours,
            same_in_every_language: parsed(&self.same_in_every_language),
            visibility: Visibility::parse(&self.visibility).unwrap_or_default(),
        }
    }
}

/// An edition as the editor opens it, if the caller may author it.
pub struct Loaded {
    pub offering_id: String,
    pub network_id: String,
    pub offering_format: Option<Format>,
    pub draft: EditionDraft,
    pub sessions: Vec<AuthoredSession>,
    pub registrations: u32,
}

impl Loaded {
    pub fn session_drafts(&self) -> Vec<SessionDraft> {
        self.sessions.iter().map(|s| s.draft.clone()).collect()
    }

    pub fn authored(self, id: &str, caller: &Caller) -> Result<AuthoredEdition, ApiError> {
        let sessions = self.session_drafts();
        Ok(AuthoredEdition {
            id: id.to_owned(),
            network_id: self.network_id,
            offering_id: self.offering_id,
            completeness: self.draft.completeness(&sessions),
            publish_refusals: field_errors(&self.draft.check_publish(&sessions), caller.lang)?,
            draft: self.draft,
            sessions: self.sessions,
            registrations: self.registrations,
        })
    }
}

/// An edition's columns as the editor reads them (`e` joined with its offering `o`).
pub const EDITION_COLUMNS: &str = "e.id, e.offering_id, o.network_id, e.state, e.title, \
    e.registration_mode, e.registration_url, e.capacity, e.format, e.location, \
    e.registration_opens_at, e.registration_closes_at, e.questions, e.private_details, \
    e.confirm_within_hours, e.same_in_every_language, e.written_in, e.instruction_languages, \
    e.cost_kind, e.fee_cents, e.fee_currency, e.cost_note, e.visibility, e.starts_at, \
    o.format AS offering_format, (SELECT count(*) FROM registration r WHERE r.edition_id = e.id) AS registrations";

pub const SESSION_COLUMNS: &str = "id, edition_id, title, starts_at, ends_at, zone, location, \
    instruction_languages, cancelled_at, same_in_every_language, sequence";

pub async fn load(db: &D1Database, staff: &Staff, id: &str) -> Result<Loaded, ApiError> {
    let results = db
        .batch(vec![
            db.prepare(format!(
                "SELECT {EDITION_COLUMNS} FROM edition e JOIN offering o ON o.id = e.offering_id \
                 WHERE e.id = ?1 AND {}",
                scope::offering("o", "?2", Action::AuthorCatalog)
            ))
            .bind(&[id.into(), staff.account_id.as_str().into()])?,
            db.prepare(format!(
                "SELECT {SESSION_COLUMNS} FROM session WHERE edition_id = ?1 ORDER BY starts_at, id"
            ))
            .bind(&[id.into()])?,
        ])
        .await?;
    let [edition, sessions] = results.as_slice() else {
        return Err(ApiError::Internal("batch results".into()));
    };
    let row = edition
        .results::<EditionRow>()?
        .into_iter()
        .next()
        .ok_or(super::not_found())?;
    let sessions: Vec<SessionRow> = sessions.results()?;
    Ok(Loaded {
        draft: row.draft(),
        offering_format: row.offering_format.as_deref().and_then(Format::parse),
        offering_id: row.offering_id,
        network_id: row.network_id,
        registrations: row.registrations,
        sessions: sessions.into_iter().map(SessionRow::authored).collect(),
    })
}

fn localized(draft: &EditionDraft, field: &str, value: &Localized) -> Result<Value, ApiError> {
    if draft.same_in_every_language.contains(field) {
        json_text(&spread_same_text(value))
    } else {
        json_text(value)
    }
}

/// An instant as the columns keep it: RFC 3339 with a Z, whole seconds (they sort as text).
pub fn stored(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

fn stamp(at: Option<DateTime<Utc>>) -> Value {
    at.map_or(Value::Null, |at| Value::Text(stored(at)))
}

/// The columns every edition has: a draft must say them.
fn required_columns(draft: &EditionDraft) -> Result<(RegistrationMode, Format), ApiError> {
    match (draft.registration_mode, draft.format) {
        (Some(mode), Some(format)) => Ok((mode, format)),
        (mode, format) => {
            let mut refused = vec![];
            if mode.is_none() {
                refused.push(("registration_mode".to_owned(), "required"));
            }
            if format.is_none() {
                refused.push(("format".to_owned(), "required"));
            }
            Err(ApiError::Fields(ProblemKind::InvalidBody, refused))
        }
    }
}

/// The statement that writes `draft` over edition `id`. Capacity changes go through the
/// registration rules (`coordinator::set_capacity`), not here: a raised capacity promotes
/// the people waiting in the same batch.
fn write(id: &str, draft: &EditionDraft) -> Result<Statement, ApiError> {
    let (mode, format) = required_columns(draft)?;
    let cost = draft.cost.clone();
    Ok(Statement {
        sql: "UPDATE edition SET title = ?2, registration_mode = ?3, registration_url = ?4, \
                format = ?5, location = ?6, registration_opens_at = ?7, \
                registration_closes_at = ?8, questions = ?9, private_details = ?10, \
                confirm_within_hours = ?11, same_in_every_language = ?12, written_in = ?13, \
                instruction_languages = ?14, cost_kind = ?15, fee_cents = ?16, \
                fee_currency = ?17, cost_note = ?18, visibility = ?19 WHERE id = ?1"
            .to_owned(),
        params: vec![
            text(id),
            localized(draft, "title", &draft.title)?,
            text(mode.as_str()),
            optional(draft.registration_url.as_deref()),
            text(format.as_str()),
            localized(draft, "location", &draft.location)?,
            stamp(draft.registration_opens_at),
            stamp(draft.registration_closes_at),
            json_text(&draft.questions)?,
            localized(draft, "private_details", &draft.private_details)?,
            draft.confirm_within_hours.map_or(Value::Null, Value::Int),
            json_text(&draft.same_in_every_language)?,
            optional(draft.written_in.map(Lang::code)),
            json_text(&draft.instruction_languages)?,
            optional(cost.as_ref().map(|c| c.kind.as_str())),
            cost.as_ref()
                .and_then(|c| c.fee_cents)
                .map_or(Value::Null, Value::Int),
            optional(cost.as_ref().and_then(|c| c.fee_currency.as_deref())),
            match &cost {
                Some(c) if draft.same_in_every_language.contains("cost.note") => {
                    json_text(&spread_same_text(&c.note))?
                }
                Some(c) => json_text(&c.note)?,
                None => Value::Text("{}".into()),
            },
            text(draft.visibility.as_str()),
        ],
    })
}

/// Keeps the edition's first start and last end in step with its sessions still on.
pub fn span(edition_id: &str) -> Statement {
    Statement {
        sql: "UPDATE edition SET \
                starts_at = (SELECT min(starts_at) FROM session WHERE edition_id = ?1 AND cancelled_at IS NULL), \
                ends_at = (SELECT max(ends_at) FROM session WHERE edition_id = ?1 AND cancelled_at IS NULL) \
              WHERE id = ?1"
            .to_owned(),
        params: vec![text(edition_id)],
    }
}

fn insert(id: &str, offering_id: &str, draft: &EditionDraft) -> Result<Vec<Statement>, ApiError> {
    let (mode, format) = required_columns(draft)?;
    let capacity = draft.capacity.map_or(Value::Null, Value::Int);
    Ok(vec![
        Statement {
            sql:
                "INSERT INTO edition (id, offering_id, registration_mode, capacity, format, state) \
                  VALUES (?1, ?2, ?3, ?4, ?5, 'draft')"
                    .to_owned(),
            params: vec![
                text(id),
                text(offering_id),
                text(mode.as_str()),
                capacity,
                text(format.as_str()),
            ],
        },
        write(id, draft)?,
    ])
}

pub fn insert_session(
    id: &str,
    edition_id: &str,
    session: &SessionDraft,
) -> Result<Statement, ApiError> {
    let (Some(starts), Some(ends)) = (session.starts_at, session.ends_at) else {
        return Err(ApiError::Problem(
            ProblemKind::InvalidBody,
            vec![("starts_at", "required")],
        ));
    };
    Ok(Statement {
        sql: "INSERT INTO session (id, edition_id, title, starts_at, ends_at, zone, location, \
                instruction_languages, same_in_every_language, cancelled_at) \
              VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"
            .to_owned(),
        params: vec![
            text(id),
            text(edition_id),
            json_text(&session.title)?,
            Value::Text(stored(starts)),
            Value::Text(stored(ends)),
            text(&session.zone),
            json_text(&session.location)?,
            match &session.instruction_languages {
                Some(languages) => json_text(languages)?,
                None => Value::Null,
            },
            json_text(&session.same_in_every_language)?,
            if session.cancelled {
                Value::Text(at())
            } else {
                Value::Null
            },
        ],
    })
}

/// `POST /api/dashboard/offerings/{id}/editions`: a new draft edition.
pub async fn create(req: &Request, env: &Env, offering_id: &str) -> Result<Response, ApiError> {
    let staff = auth::require(req, env, Action::AuthorCatalog, true).await?;
    let mut draft: EditionDraft = read_draft(req).await?;
    let db = env.d1("DB")?;
    let (network, offering_format) = super::offerings::require(&db, &staff, offering_id).await?;
    draft.take_offering_format(offering_format);
    refuse(draft.check_draft())?;
    refuse(draft.check_visibility(has_community(&db, &network).await?))?;
    let id = super::new_id("edition")?;
    let mut statements = insert(&id, offering_id, &draft)?;
    statements.push(audit::record(
        &network,
        &staff.account_id,
        &at(),
        ("edition", &id),
        "created",
        audit::changes(None, &draft)?,
    ));
    run(&db, &statements).await?;
    Ok(private_json(&Created { id })?.with_status(201))
}

pub async fn get(
    req: &Request,
    env: &Env,
    caller: &Caller,
    id: &str,
) -> Result<Response, ApiError> {
    let staff = auth::require(req, env, Action::AuthorCatalog, false).await?;
    let loaded = load(&env.d1("DB")?, &staff, id).await?;
    private_json(&loaded.authored(id, caller)?)
}

/// A new capacity through the registration rules: never below the places held, and the
/// places it adds go to the people waiting, in the batch of the change.
async fn capacity_change(
    db: &D1Database,
    id: &str,
    capacity: Option<i64>,
) -> Result<Vec<Statement>, ApiError> {
    let refused = || {
        ApiError::Problem(
            ProblemKind::InvalidBody,
            vec![("capacity", "below-places-held")],
        )
    };
    let capacity = capacity
        .map(u32::try_from)
        .transpose()
        .map_err(|_| refused())?;
    let held = db
        .prepare(format!(
            "SELECT {} AS held",
            crate::registration::transitions::places_held("?1")
        ))
        .bind(&[id.into()])?
        .first::<u32>(Some("held"))
        .await?
        .unwrap_or(0);
    if !capacity_change_allowed(capacity, held) {
        return Err(refused());
    }
    let mut statements = vec![crate::registration::transitions::set_capacity(id, capacity)];
    statements.extend(crate::registration::manage::fill_free_places(id, &at())?);
    Ok(statements)
}

/// Whether `network` has opened a community, whose members a members-only edition is for.
async fn has_community(db: &D1Database, network: &str) -> Result<bool, ApiError> {
    Ok(db
        .prepare("SELECT 1 AS found FROM community WHERE network_id = ?1")
        .bind(&[network.into()])?
        .first::<u32>(Some("found"))
        .await?
        .is_some())
}

/// `PUT /api/dashboard/editions/{id}`: its texts and settings. A new capacity goes through
/// the registration rules: raising it gives the new places to the people waiting.
pub async fn save(
    req: &Request,
    env: &Env,
    caller: &Caller,
    id: &str,
) -> Result<Response, ApiError> {
    let staff = auth::require(req, env, Action::AuthorCatalog, true).await?;
    let mut draft: EditionDraft = read_draft(req).await?;
    let db = env.d1("DB")?;
    let mut loaded = load(&db, &staff, id).await?;
    draft.state = loaded.draft.state;
    draft.take_offering_format(loaded.offering_format);
    refuse(draft.check_draft())?;
    refuse(draft.check_visibility(has_community(&db, &loaded.network_id).await?))?;
    if draft.state == PublicationState::Published {
        refuse(draft.check_publish(&loaded.session_drafts()))?;
    }
    let mut statements = vec![write(id, &draft)?];
    if draft.capacity != loaded.draft.capacity {
        statements.extend(capacity_change(&db, id, draft.capacity).await?);
    }
    statements.push(audit::record(
        &loaded.network_id,
        &staff.account_id,
        &at(),
        ("edition", id),
        "changed",
        audit::changes(Some(&loaded.draft), &draft)?,
    ));
    run(&db, &statements).await?;
    crate::cache::forget_public();
    loaded.draft = draft;
    private_json(&loaded.authored(id, caller)?)
}

impl Publishable for Loaded {
    const TABLE: &'static str = "edition";
    async fn load(db: &D1Database, staff: &Staff, id: &str) -> Result<Self, ApiError> {
        load(db, staff, id).await
    }
    fn network(&self) -> &str {
        &self.network_id
    }
    fn state(&self) -> PublicationState {
        self.draft.state
    }
    fn set_state(&mut self, state: PublicationState) {
        self.draft.state = state;
    }
    fn check_publish(&self) -> Vec<Refusal> {
        self.draft.check_publish(&self.session_drafts())
    }
    fn answer(self, id: &str, caller: &Caller) -> Result<Response, ApiError> {
        private_json(&self.authored(id, caller)?)
    }
    fn published(id: &str) -> Option<crate::news::Published<'_>> {
        Some(crate::news::Published::Edition(id))
    }
}

/// `DELETE /api/dashboard/editions/{id}`: only while nobody registered (guarded in the
/// statement too); otherwise it is archived.
pub async fn delete(req: &Request, env: &Env, id: &str) -> Result<Response, ApiError> {
    let staff = auth::require(req, env, Action::AuthorCatalog, true).await?;
    let db = env.d1("DB")?;
    let loaded = load(&db, &staff, id).await?;
    if !may_delete(loaded.registrations > 0) {
        return Err(ApiError::Detailed(
            ProblemKind::Conflict,
            "conflict-has-registrations",
        ));
    }
    run(
        &db,
        &[
            Statement {
                sql: "DELETE FROM edition WHERE id = ?1 \
                      AND NOT EXISTS (SELECT 1 FROM registration WHERE edition_id = ?1)"
                    .to_owned(),
                params: vec![text(id)],
            },
            audit::record_when(
                "NOT EXISTS (SELECT 1 FROM edition WHERE id = ?5)",
                &loaded.network_id,
                &staff.account_id,
                &at(),
                ("edition", id),
                "deleted",
                audit::changes(Some(&loaded.draft), &EditionDraft::default())?,
            ),
        ],
    )
    .await?;
    // Whether it went: D1's count of changes includes the sessions the delete cascades to,
    // so the row itself is asked for. Someone registering meanwhile keeps it.
    let kept = db
        .prepare("SELECT id FROM edition WHERE id = ?1")
        .bind(&[id.into()])?
        .first::<String>(Some("id"))
        .await?;
    if kept.is_some() {
        return Err(ApiError::Detailed(
            ProblemKind::Conflict,
            "conflict-has-registrations",
        ));
    }
    crate::cache::forget_public();
    Ok(Response::empty()?.with_status(204))
}

/// `POST /api/dashboard/editions/{id}/duplicate`: the next cohort, as a draft: the same texts,
/// questions and settings, every session whole weeks later (the same weekday and wall
/// clock in the organiser's zone), its first on or after the day asked for.
pub async fn duplicate(req: &Request, env: &Env, id: &str) -> Result<Response, ApiError> {
    let staff = auth::require(req, env, Action::AuthorCatalog, true).await?;
    let asked: DuplicateRequest = auth::read_json(req).await?;
    let db = env.d1("DB")?;
    let loaded = load(&db, &staff, id).await?;
    let Some(on_or_after) = asked.on_or_after else {
        return Err(ApiError::Problem(
            ProblemKind::InvalidBody,
            vec![("on_or_after", "required")],
        ));
    };
    let sessions = loaded.session_drafts();
    // The first session's day on its organiser's clock, not in UTC: 20:00 in Toronto is
    // already tomorrow in UTC, which would land the cohort a week early.
    let first: NaiveDate = sessions
        .iter()
        .filter_map(|s| Some((s.starts_at?, s.zone.as_str())))
        .min_by_key(|(at, _)| *at)
        .map_or(on_or_after, |(at, zone)| {
            relais_domain::schedule::parse_zone(zone)
                .map_or(at.date_naive(), |tz| at.with_timezone(&tz).date_naive())
        });
    let weeks = weeks_to_reach(first, on_or_after);
    let (edition, sessions) = duplicate_edition(&loaded.draft, &sessions, weeks).map_err(|_| {
        ApiError::Problem(
            ProblemKind::InvalidBody,
            vec![("on_or_after", "out-of-range")],
        )
    })?;
    let new_id = super::new_id("edition")?;
    let mut statements = insert(&new_id, &loaded.offering_id, &edition)?;
    for session in &sessions {
        statements.push(insert_session(
            &super::new_id("session")?,
            &new_id,
            session,
        )?);
    }
    statements.push(span(&new_id));
    statements.push(audit::record(
        &loaded.network_id,
        &staff.account_id,
        &at(),
        ("edition", &new_id),
        "duplicated",
        serde_json::json!({"from": {"after": id}, "weeks": {"after": weeks}}).to_string(),
    ));
    run(&db, &statements).await?;
    Ok(private_json(&Created { id: new_id })?.with_status(201))
}
