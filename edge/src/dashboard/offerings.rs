//! Offerings as their network writes them: create, read, save, and move along the
//! publication states.

use relais_domain::account::Action;
use relais_domain::authoring::{
    spread_same_text, FacilitatorDraft, OfferingDraft, PublicationState, Refusal,
};
use relais_domain::catalog::{Format, OfferingKind};
use relais_domain::dashboard::{AuthoredOffering, Created};
use relais_domain::problem::ProblemKind;
use relais_domain::Localized;
use serde::Deserialize;
use worker::{D1Database, Env, Request, Response};

use super::publication::Publishable;
use super::{
    at, audit, field_errors, json_text, optional, parsed, read_draft, refuse, require_network, run,
    text,
};
use crate::auth::{self, Staff};
use crate::http::{private_json, ApiError, Caller};
use crate::registration::transitions::{Statement, Value};
use crate::scope;

/// The columns an `OfferingRow` is read from, the offering aliased `o`.
pub const OFFERING_COLUMNS: &str = "o.id, o.network_id, o.state, o.kind, o.format, o.topics, \
    o.languages, o.title, o.summary, o.description, o.audience, o.cost, o.partner_id, \
    o.same_in_every_language, o.on_behalf";

#[derive(Deserialize)]
pub struct OfferingRow {
    pub id: String,
    network_id: String,
    state: String,
    kind: String,
    format: String,
    topics: String,
    languages: String,
    title: String,
    summary: String,
    description: String,
    audience: String,
    cost: String,
    partner_id: Option<String>,
    same_in_every_language: String,
    on_behalf: u32,
}

#[derive(Deserialize)]
pub struct FacilitatorRow {
    #[serde(default)]
    pub offering_id: String,
    person_id: String,
    role: String,
}

impl OfferingRow {
    pub fn draft(self, facilitators: Vec<FacilitatorRow>) -> OfferingDraft {
        OfferingDraft {
            state: PublicationState::parse(&self.state).unwrap_or_default(),
            kind: OfferingKind::parse(&self.kind),
            format: Format::parse(&self.format),
            topics: parsed(&self.topics),
            languages: parsed(&self.languages),
            title: parsed(&self.title),
            summary: parsed(&self.summary),
            description: parsed(&self.description),
            audience: parsed(&self.audience),
            cost: parsed(&self.cost),
            partner_id: self.partner_id,
            facilitators: facilitators
                .into_iter()
                .map(|f| FacilitatorDraft {
                    person_id: f.person_id,
                    role: parsed(&f.role),
                })
                .collect(),
            same_in_every_language: parsed(&self.same_in_every_language),
            on_behalf: self.on_behalf == 1,
        }
    }
}

/// The offering's draft and its network, if the caller reaches it.
pub async fn load(
    db: &D1Database,
    staff: &Staff,
    id: &str,
) -> Result<(String, OfferingDraft), ApiError> {
    let results = db
        .batch(vec![
            db.prepare(format!(
                "SELECT {OFFERING_COLUMNS} FROM offering o WHERE o.id = ?1 AND {}",
                scope::offering("o", "?2", Action::AuthorCatalog)
            ))
            .bind(&[id.into(), staff.account_id.as_str().into()])?,
            db.prepare(
                "SELECT person_id, role FROM offering_person WHERE offering_id = ?1 \
                 ORDER BY position, person_id",
            )
            .bind(&[id.into()])?,
        ])
        .await?;
    let [offering, facilitators] = results.as_slice() else {
        return Err(ApiError::Internal("batch results".into()));
    };
    let row = offering
        .results::<OfferingRow>()?
        .into_iter()
        .next()
        .ok_or(super::not_found())?;
    let network = row.network_id.clone();
    Ok((network, row.draft(facilitators.results()?)))
}

fn authored(
    id: &str,
    network_id: String,
    draft: OfferingDraft,
    caller: &Caller,
) -> Result<AuthoredOffering, ApiError> {
    Ok(AuthoredOffering {
        id: id.to_owned(),
        network_id,
        completeness: draft.completeness(),
        publish_refusals: field_errors(&draft.check_publish(), caller.lang)?,
        draft,
    })
}

/// Kind and format are columns every offering has: a draft must say them.
fn required_columns(draft: &OfferingDraft) -> Result<(OfferingKind, Format), ApiError> {
    let mut refused = vec![];
    if draft.kind.is_none() {
        refused.push(("kind".to_owned(), "required"));
    }
    if draft.format.is_none() {
        refused.push(("format".to_owned(), "required"));
    }
    match (draft.kind, draft.format) {
        (Some(kind), Some(format)) => Ok((kind, format)),
        _ => Err(ApiError::Fields(ProblemKind::InvalidBody, refused)),
    }
}

/// A text column, spread to every language when the draft marks it the same in all.
fn localized(draft: &OfferingDraft, field: &str, value: &Localized) -> Result<Value, ApiError> {
    if draft.same_in_every_language.contains(field) {
        json_text(&spread_same_text(value))
    } else {
        json_text(value)
    }
}

/// The statements that write `draft` over offering `id` (its row and its facilitators).
fn write(
    id: &str,
    draft: &OfferingDraft,
    state: PublicationState,
) -> Result<Vec<Statement>, ApiError> {
    let (kind, format) = required_columns(draft)?;
    let mut statements = vec![Statement {
        sql:
            "UPDATE offering SET state = ?2, kind = ?3, format = ?4, topics = ?5, languages = ?6, \
                title = ?7, summary = ?8, description = ?9, audience = ?10, cost = ?11, \
                partner_id = ?12, same_in_every_language = ?13, on_behalf = ?14 WHERE id = ?1"
                .to_owned(),
        params: vec![
            text(id),
            text(state.as_str()),
            text(kind.as_str()),
            text(format.as_str()),
            json_text(&draft.topics)?,
            json_text(&draft.languages)?,
            localized(draft, "title", &draft.title)?,
            localized(draft, "summary", &draft.summary)?,
            localized(draft, "description", &draft.description)?,
            localized(draft, "audience", &draft.audience)?,
            localized(draft, "cost", &draft.cost)?,
            optional(draft.partner_id.as_deref()),
            json_text(&draft.same_in_every_language)?,
            Value::Int(draft.on_behalf.into()),
        ],
    }];
    statements.push(Statement {
        sql: "DELETE FROM offering_person WHERE offering_id = ?1".to_owned(),
        params: vec![text(id)],
    });
    for (position, facilitator) in draft.facilitators.iter().enumerate() {
        statements.push(Statement {
            sql: "INSERT INTO offering_person (offering_id, person_id, role, position) \
                  VALUES (?1, ?2, ?3, ?4)"
                .to_owned(),
            params: vec![
                text(id),
                text(&facilitator.person_id),
                json_text(&facilitator.role)?,
                Value::Int(position as i64),
            ],
        });
    }
    Ok(statements)
}

/// `POST /api/dashboard/networks/{network}/offerings`: a new draft.
pub async fn create(req: &Request, env: &Env, network: &str) -> Result<Response, ApiError> {
    let staff = auth::require(req, env, Action::AuthorCatalog, true).await?;
    let draft: OfferingDraft = read_draft(req).await?;
    let db = env.d1("DB")?;
    require_network(&db, &staff, Action::AuthorCatalog, network).await?;
    refuse(draft.check_draft())?;
    let (kind, format) = required_columns(&draft)?;
    let id = super::new_id("offering")?;
    let now = at();
    let mut statements = vec![Statement {
        sql: "INSERT INTO offering (id, kind, title, summary, description, format, network_id, \
                state, position) \
              VALUES (?1, ?2, '{}', '{}', '{}', ?3, ?4, 'draft', \
                (SELECT ifnull(max(position), 0) + 1 FROM offering))"
            .to_owned(),
        params: vec![
            text(&id),
            text(kind.as_str()),
            text(format.as_str()),
            text(network),
        ],
    }];
    statements.extend(write(&id, &draft, PublicationState::Draft)?);
    statements.push(audit::record(
        network,
        &staff.account_id,
        &now,
        ("offering", &id),
        "created",
        audit::changes(None, &draft)?,
    ));
    run(&db, &statements).await?;
    Ok(private_json(&Created { id })?.with_status(201))
}

/// `GET /api/dashboard/offerings/{id}`.
pub async fn get(
    req: &Request,
    env: &Env,
    caller: &Caller,
    id: &str,
) -> Result<Response, ApiError> {
    let staff = auth::require(req, env, Action::AuthorCatalog, false).await?;
    let (network, draft) = load(&env.d1("DB")?, &staff, id).await?;
    private_json(&authored(id, network, draft, caller)?)
}

/// `PUT /api/dashboard/offerings/{id}`: saves the texts and settings; the state stays (it
/// moves only through `state`).
pub async fn save(
    req: &Request,
    env: &Env,
    caller: &Caller,
    id: &str,
) -> Result<Response, ApiError> {
    let staff = auth::require(req, env, Action::AuthorCatalog, true).await?;
    let mut draft: OfferingDraft = read_draft(req).await?;
    let db = env.d1("DB")?;
    let (network, before) = load(&db, &staff, id).await?;
    draft.state = before.state;
    refuse(draft.check_draft())?;
    // A published offering stays publishable: a change that would refuse its publication
    // is refused, so the public never reads an empty field.
    if before.state == PublicationState::Published {
        refuse(draft.check_publish())?;
    }
    let mut statements = write(id, &draft, draft.state)?;
    statements.push(audit::record(
        &network,
        &staff.account_id,
        &at(),
        ("offering", id),
        "changed",
        audit::changes(Some(&before), &draft)?,
    ));
    run(&db, &statements).await?;
    crate::cache::forget_public();
    private_json(&authored(id, network, draft, caller)?)
}

/// An offering as its `state` route loads it.
pub struct LoadedOffering {
    network: String,
    draft: OfferingDraft,
}

impl Publishable for LoadedOffering {
    const TABLE: &'static str = "offering";
    async fn load(db: &D1Database, staff: &Staff, id: &str) -> Result<Self, ApiError> {
        let (network, draft) = load(db, staff, id).await?;
        Ok(LoadedOffering { network, draft })
    }
    fn network(&self) -> &str {
        &self.network
    }
    fn state(&self) -> PublicationState {
        self.draft.state
    }
    fn set_state(&mut self, state: PublicationState) {
        self.draft.state = state;
    }
    fn check_publish(&self) -> Vec<Refusal> {
        self.draft.check_publish()
    }
    fn answer(self, id: &str, caller: &Caller) -> Result<Response, ApiError> {
        private_json(&authored(id, self.network, self.draft, caller)?)
    }
    fn published(id: &str) -> Option<crate::news::Published<'_>> {
        Some(crate::news::Published::Offering(id))
    }
}

#[derive(Deserialize)]
struct NetworkAndFormat {
    network_id: String,
    format: String,
}

/// Not found unless the caller may author offering `id`; its network and its format (which
/// its editions take when they say none).
pub async fn require(
    db: &D1Database,
    staff: &Staff,
    id: &str,
) -> Result<(String, Option<Format>), ApiError> {
    let row: NetworkAndFormat = db
        .prepare(format!(
            "SELECT o.network_id, o.format FROM offering o WHERE o.id = ?1 AND {}",
            scope::offering("o", "?2", Action::AuthorCatalog)
        ))
        .bind(&[id.into(), staff.account_id.as_str().into()])?
        .first(None)
        .await?
        .ok_or(super::not_found())?;
    Ok((row.network_id, Format::parse(&row.format)))
}
