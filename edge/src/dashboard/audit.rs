//! The audit: every change to the catalog, who made it, when and what changed, written in the
//! batch of the change (the table refuses updates and deletes), and read by the network's
//! coordinators.

use relais_domain::account::Action;
use relais_domain::dashboard::AuditLine;
use serde::Serialize;
use serde_json::{Map, Value as Json};
use worker::{Env, Request, Response};

use crate::auth;
use crate::http::{private_json, ApiError};
use crate::registration::transitions::{Statement, Value};
use crate::scope;

/// What changed from `before` to `after` (two serializations of the same draft type), as
/// `{"field": {"before": …, "after": …}}`; a creation has no `before`.
pub fn changes<T: Serialize>(before: Option<&T>, after: &T) -> Result<String, ApiError> {
    let after = serde_json::to_value(after)?;
    let before = before.map(serde_json::to_value).transpose()?;
    let empty = Map::new();
    let old = before.as_ref().and_then(Json::as_object).unwrap_or(&empty);
    let mut changed = Map::new();
    if let Some(new) = after.as_object() {
        for (field, value) in new {
            let was = old.get(field).unwrap_or(&Json::Null);
            if was != value {
                let mut pair = Map::new();
                if before.is_some() {
                    pair.insert("before".into(), was.clone());
                }
                pair.insert("after".into(), value.clone());
                changed.insert(field.clone(), Json::Object(pair));
            }
        }
    }
    Ok(Json::Object(changed).to_string())
}

/// One audit entry, to run in the batch of the change it records.
pub fn record(
    network_id: &str,
    account_id: &str,
    at: &str,
    (entity, entity_id): (&str, &str),
    action: &str,
    changes: String,
) -> Statement {
    Statement {
        sql: "INSERT INTO audit (network_id, account_id, at, entity, entity_id, action, changes) \
              VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
            .to_owned(),
        params: vec![
            Value::Text(network_id.to_owned()),
            Value::Text(account_id.to_owned()),
            Value::Text(at.to_owned()),
            Value::Text(entity.to_owned()),
            Value::Text(entity_id.to_owned()),
            Value::Text(action.to_owned()),
            Value::Text(changes),
        ],
    }
}

/// `record`, written only when `condition` holds after the statements before it in the batch
/// (`?5` is the entity's id): a deletion a guard refused is not recorded.
pub fn record_when(
    condition: &str,
    network_id: &str,
    account_id: &str,
    at: &str,
    entity: (&str, &str),
    action: &str,
    changes: String,
) -> Statement {
    let mut statement = record(network_id, account_id, at, entity, action, changes);
    statement.sql = format!(
        "INSERT INTO audit (network_id, account_id, at, entity, entity_id, action, changes) \
         SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7 WHERE {condition}"
    );
    statement
}

/// `GET /api/dashboard/networks/{network}/audit`: the newest 200 entries, the catalog's and
/// the decisions on people (`registration_event`, with who took them).
pub async fn list(req: &Request, env: &Env, network: &str) -> Result<Response, ApiError> {
    let staff = auth::require(req, env, Action::ReadAudit, false).await?;
    let db = env.d1("DB")?;
    // Another network's audit is not found, as its desk is: not an empty list.
    super::require_network(&db, &staff, Action::ReadAudit, network).await?;
    let lines: Vec<AuditLine> = db
        .prepare(format!(
            "SELECT * FROM ( \
               SELECT a.id, a.at, acc.name AS by, a.entity, a.entity_id, a.action, a.changes \
               FROM audit a LEFT JOIN account acc ON acc.id = a.account_id \
               WHERE a.network_id = ?1 AND {network_scope} \
               UNION ALL \
               SELECT -ev.id AS id, ev.at, acc.name AS by, 'registration' AS entity, \
                 ev.registration_id AS entity_id, ev.kind AS action, '{{}}' AS changes \
               FROM registration_event ev JOIN account acc ON acc.id = ev.actor \
               JOIN edition e ON e.id = ev.edition_id JOIN offering o ON o.id = e.offering_id \
               WHERE o.network_id = ?1 AND {network_scope}) \
             ORDER BY at DESC, id DESC LIMIT 200",
            network_scope = scope::network("?1", "?2", Action::ReadAudit),
        ))
        .bind(&[network.into(), staff.account_id.as_str().into()])?
        .all()
        .await?
        .results()?;
    private_json(&lines)
}
