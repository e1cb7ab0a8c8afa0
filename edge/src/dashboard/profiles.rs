//! Facilitators' public profiles and partners, as their network writes them: create, read,
//! save, and move along the publication states.

use relais_domain::account::Action;
use relais_domain::authoring::{PartnerDraft, PersonDraft, PublicationState, Refusal};
use relais_domain::dashboard::{Authored, Created};
use serde::{Deserialize, Serialize};
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

/// What differs between a facilitator's profile and a partner, for the handlers below.
pub trait Profile: Serialize + for<'de> Deserialize<'de> + Default + Clone {
    /// The table, and the entity's name in the audit.
    const TABLE: &'static str;
    const ID_PREFIX: &'static str;
    fn state(&self) -> PublicationState;
    fn set_state(&mut self, state: PublicationState);
    fn check_draft(&self) -> Vec<Refusal>;
    fn check_publish(&self) -> Vec<Refusal>;
    fn completeness(&self) -> relais_domain::authoring::Completeness;
    fn spread(&mut self);
    /// `name`, the localized text, the URL (partners only), as columns.
    fn columns(&self) -> Result<[Value; 3], ApiError>;
    fn from_row(row: ProfileRow) -> Self;
}

#[derive(Deserialize)]
pub struct ProfileRow {
    network_id: String,
    state: String,
    name: String,
    text: String,
    url: Option<String>,
    same_in_every_language: String,
}

impl Profile for PersonDraft {
    const TABLE: &'static str = "person";
    const ID_PREFIX: &'static str = "person";
    fn state(&self) -> PublicationState {
        self.state
    }
    fn set_state(&mut self, state: PublicationState) {
        self.state = state;
    }
    fn check_draft(&self) -> Vec<Refusal> {
        PersonDraft::check_draft(self)
    }
    fn check_publish(&self) -> Vec<Refusal> {
        PersonDraft::check_publish(self)
    }
    fn completeness(&self) -> relais_domain::authoring::Completeness {
        PersonDraft::completeness(self)
    }
    fn spread(&mut self) {
        self.spread_same_texts();
    }
    fn columns(&self) -> Result<[Value; 3], ApiError> {
        Ok([text(self.name.trim()), json_text(&self.bio)?, Value::Null])
    }
    fn from_row(row: ProfileRow) -> Self {
        PersonDraft {
            state: PublicationState::parse(&row.state).unwrap_or_default(),
            name: row.name,
            bio: parsed(&row.text),
            same_in_every_language: parsed(&row.same_in_every_language),
        }
    }
}

impl Profile for PartnerDraft {
    const TABLE: &'static str = "partner";
    const ID_PREFIX: &'static str = "partner";
    fn state(&self) -> PublicationState {
        self.state
    }
    fn set_state(&mut self, state: PublicationState) {
        self.state = state;
    }
    fn check_draft(&self) -> Vec<Refusal> {
        PartnerDraft::check_draft(self)
    }
    fn check_publish(&self) -> Vec<Refusal> {
        PartnerDraft::check_publish(self)
    }
    fn completeness(&self) -> relais_domain::authoring::Completeness {
        PartnerDraft::completeness(self)
    }
    fn spread(&mut self) {
        self.spread_same_texts();
    }
    fn columns(&self) -> Result<[Value; 3], ApiError> {
        Ok([
            text(self.name.trim()),
            json_text(&self.description)?,
            optional(self.url.as_deref()),
        ])
    }
    fn from_row(row: ProfileRow) -> Self {
        PartnerDraft {
            state: PublicationState::parse(&row.state).unwrap_or_default(),
            name: row.name,
            description: parsed(&row.text),
            url: row.url,
            same_in_every_language: parsed(&row.same_in_every_language),
        }
    }
}

/// The localized column of each table.
fn text_column<P: Profile>() -> &'static str {
    if P::TABLE == "person" {
        "bio"
    } else {
        "description"
    }
}

async fn load<P: Profile>(
    db: &D1Database,
    staff: &Staff,
    id: &str,
) -> Result<(String, P), ApiError> {
    let url = if P::TABLE == "partner" {
        "p.url"
    } else {
        "NULL"
    };
    let row: ProfileRow = db
        .prepare(format!(
            "SELECT p.network_id, p.state, p.name, p.{} AS text, {url} AS url, \
               p.same_in_every_language FROM {} p WHERE p.id = ?1 AND {}",
            text_column::<P>(),
            P::TABLE,
            scope::network("p.network_id", "?2", Action::AuthorCatalog)
        ))
        .bind(&[id.into(), staff.account_id.as_str().into()])?
        .first(None)
        .await?
        .ok_or(super::not_found())?;
    let network = row.network_id.clone();
    Ok((network, P::from_row(row)))
}

fn write<P: Profile>(id: &str, draft: &P) -> Result<Statement, ApiError> {
    let [name, localized, url] = draft.columns()?;
    let url_column = if P::TABLE == "partner" {
        ", url = ?5"
    } else {
        ""
    };
    let mut params = vec![text(id), name, localized, json_text(&draft_same(draft)?)?];
    if P::TABLE == "partner" {
        params.push(url);
    }
    Ok(Statement {
        sql: format!(
            "UPDATE {} SET name = ?2, {} = ?3, same_in_every_language = ?4{url_column} WHERE id = ?1",
            P::TABLE,
            text_column::<P>()
        ),
        params,
    })
}

/// The draft's `same_in_every_language`, read through its JSON form (both drafts have it).
fn draft_same<P: Profile>(draft: &P) -> Result<serde_json::Value, ApiError> {
    Ok(serde_json::to_value(draft)?
        .get("same_in_every_language")
        .cloned()
        .unwrap_or(serde_json::Value::Array(vec![])))
}

fn authored<P: Profile>(
    id: &str,
    network_id: String,
    draft: P,
    caller: &Caller,
) -> Result<Authored<P>, ApiError> {
    Ok(Authored {
        id: id.to_owned(),
        network_id,
        completeness: draft.completeness(),
        publish_refusals: field_errors(&draft.check_publish(), caller.lang)?,
        draft,
    })
}

/// `POST /api/dashboard/networks/{network}/people` (or `/partners`): a new draft.
pub async fn create<P: Profile>(
    req: &Request,
    env: &Env,
    network: &str,
) -> Result<Response, ApiError> {
    let staff = auth::require(req, env, Action::AuthorCatalog, true).await?;
    let mut draft: P = read_draft(req).await?;
    let db = env.d1("DB")?;
    require_network(&db, &staff, Action::AuthorCatalog, network).await?;
    refuse(draft.check_draft())?;
    draft.spread();
    let id = super::new_id(P::ID_PREFIX)?;
    run(
        &db,
        &[
            Statement {
                sql: format!(
                    "INSERT INTO {} (id, name, network_id, state) VALUES (?1, '', ?2, 'draft')",
                    P::TABLE
                ),
                params: vec![text(&id), text(network)],
            },
            write(&id, &draft)?,
            audit::record(
                network,
                &staff.account_id,
                &at(),
                (P::TABLE, &id),
                "created",
                audit::changes(None, &draft)?,
            ),
        ],
    )
    .await?;
    Ok(private_json(&Created { id })?.with_status(201))
}

pub async fn get<P: Profile>(
    req: &Request,
    env: &Env,
    caller: &Caller,
    id: &str,
) -> Result<Response, ApiError> {
    let staff = auth::require(req, env, Action::AuthorCatalog, false).await?;
    let (network, draft) = load::<P>(&env.d1("DB")?, &staff, id).await?;
    private_json(&authored(id, network, draft, caller)?)
}

pub async fn save<P: Profile>(
    req: &Request,
    env: &Env,
    caller: &Caller,
    id: &str,
) -> Result<Response, ApiError> {
    let staff = auth::require(req, env, Action::AuthorCatalog, true).await?;
    let mut draft: P = read_draft(req).await?;
    let db = env.d1("DB")?;
    let (network, before) = load::<P>(&db, &staff, id).await?;
    draft.set_state(before.state());
    refuse(draft.check_draft())?;
    if before.state() == PublicationState::Published {
        refuse(draft.check_publish())?;
    }
    draft.spread();
    run(
        &db,
        &[
            write(id, &draft)?,
            audit::record(
                &network,
                &staff.account_id,
                &at(),
                (P::TABLE, id),
                "changed",
                audit::changes(Some(&before), &draft)?,
            ),
        ],
    )
    .await?;
    crate::cache::forget_public();
    private_json(&authored(id, network, draft, caller)?)
}

/// A profile as its `state` route loads it.
pub struct LoadedProfile<P> {
    network: String,
    draft: P,
}

impl<P: Profile> Publishable for LoadedProfile<P> {
    const TABLE: &'static str = P::TABLE;
    async fn load(db: &D1Database, staff: &Staff, id: &str) -> Result<Self, ApiError> {
        let (network, draft) = load::<P>(db, staff, id).await?;
        Ok(LoadedProfile { network, draft })
    }
    fn network(&self) -> &str {
        &self.network
    }
    fn state(&self) -> PublicationState {
        self.draft.state()
    }
    fn set_state(&mut self, state: PublicationState) {
        self.draft.set_state(state);
    }
    fn check_publish(&self) -> Vec<Refusal> {
        self.draft.check_publish()
    }
    fn answer(self, id: &str, caller: &Caller) -> Result<Response, ApiError> {
        private_json(&authored(id, self.network, self.draft, caller)?)
    }
}
