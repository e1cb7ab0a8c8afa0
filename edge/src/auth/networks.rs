//! Networks as administrators of the site create and list them. A network starts empty:
//! its coordinators are then invited (`invitations`).

use relais_domain::account::joining::{validate_network, ManagedNetwork, NewNetwork};
use relais_domain::account::{Action, Role};
use relais_domain::problem::ProblemKind;
use relais_domain::Localized;
use serde::Deserialize;
use wasm_bindgen::JsValue;
use worker::{D1Database, Env, Request, Response};

use super::members::{changed, rows};
use super::{read_json, require};
use crate::catalog::{now, stamp};
use crate::http::{private_json, ApiError};
use crate::rows::instant;

#[derive(Deserialize)]
struct NetworkRow {
    id: String,
    name: String,
    description: String,
    url: Option<String>,
    created_at: String,
    coordinators: u32,
    facilitators: u32,
    pending_invitations: u32,
}

impl NetworkRow {
    fn managed(self) -> Result<ManagedNetwork, ApiError> {
        let description: Localized = serde_json::from_str(&self.description)?;
        Ok(ManagedNetwork {
            id: self.id,
            name: self.name,
            description,
            url: self.url,
            created_at: instant(&self.created_at)?,
            coordinators: self.coordinators,
            facilitators: self.facilitators,
            pending_invitations: self.pending_invitations,
        })
    }
}

/// The networks, with their members counted by role and their open invitations; `?1` is
/// now, and `where_` picks the rows.
fn select(db: &D1Database, where_: &str) -> Result<worker::D1PreparedStatement, ApiError> {
    let count = |role: Role| {
        format!(
            "(SELECT count(*) FROM membership m WHERE m.network_id = n.id AND m.role = '{}')",
            role.as_str()
        )
    };
    Ok(db.prepare(format!(
        "SELECT n.id, n.name, n.description, n.url, n.created_at, {} AS coordinators, \
           {} AS facilitators, (SELECT count(*) FROM account_link l WHERE l.network_id = n.id \
             AND l.purpose = 'invitation' AND l.used_at IS NULL AND l.expires_at > ?1) \
             AS pending_invitations \
         FROM network n WHERE {where_} ORDER BY n.position, n.name, n.id",
        count(Role::Coordinator),
        count(Role::Facilitator)
    )))
}

/// `GET /api/admin/networks`: every network.
pub async fn list(req: &Request, env: &Env) -> Result<Response, ApiError> {
    require(req, env, Action::ManageNetworks, false).await?;
    let db = env.d1("DB")?;
    let networks: Vec<NetworkRow> = select(&db, "1")?
        .bind(&[stamp(now())])?
        .all()
        .await?
        .results()?;
    let networks = networks
        .into_iter()
        .map(NetworkRow::managed)
        .collect::<Result<Vec<_>, _>>()?;
    private_json(&networks)
}

/// `POST /api/admin/networks` {id, name, description, url}: 201 with the network, empty; an
/// id already taken is a conflict (409). Its creation opens its audit.
pub async fn create(req: &Request, env: &Env) -> Result<Response, ApiError> {
    let staff = require(req, env, Action::ManageNetworks, true).await?;
    let new: NewNetwork = read_json(req).await?;
    let network = validate_network(&new)
        .map_err(|refused| ApiError::Fields(ProblemKind::InvalidBody, refused))?;
    let db = env.d1("DB")?;
    let at = stamp(now());
    let description = serde_json::to_string(&network.description)?;
    // D1 takes NULL, never `undefined`, for a missing value.
    let url = network.url.as_deref().map_or(JsValue::NULL, JsValue::from);
    let results = db
        .batch(vec![
            // The audit entry first: it sees whether the id is free.
            db.prepare(
                "INSERT INTO audit (network_id, account_id, at, entity, entity_id, action, changes) \
                 SELECT ?1, ?2, ?3, 'network', ?1, 'created', \
                   json_object('name', ?4, 'description', json(?5), 'url', ?6) \
                 WHERE NOT EXISTS (SELECT 1 FROM network WHERE id = ?1)",
            )
            .bind(&[
                network.id.as_str().into(),
                staff.account_id.as_str().into(),
                at.clone(),
                network.name.as_str().into(),
                description.as_str().into(),
                url.clone(),
            ])?,
            db.prepare(
                "INSERT INTO network (id, name, description, url, position, created_at) \
                 VALUES (?1, ?2, ?3, ?4, (SELECT coalesce(max(position), 0) + 1 FROM network), ?5) \
                 ON CONFLICT (id) DO NOTHING",
            )
            .bind(&[
                network.id.as_str().into(),
                network.name.as_str().into(),
                description.as_str().into(),
                url.clone(),
                at.clone(),
            ])?,
            select(&db, "n.id = ?2")?.bind(&[at, network.id.as_str().into()])?,
        ])
        .await?;
    if changed(&results, 1) != 1 {
        return Err(ApiError::Detailed(
            ProblemKind::Conflict,
            "conflict-network-exists",
        ));
    }
    let created = rows::<NetworkRow>(&results, 2)?
        .into_iter()
        .next()
        .ok_or_else(|| ApiError::Internal("the network just created".into()))?;
    Ok(private_json(&created.managed()?)?.with_status(201))
}
