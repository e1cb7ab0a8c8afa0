//! Who runs the offerings: `GET /api/people/{id}` (a facilitator), `GET /api/partners/{id}`
//! (a partner organisation) and `GET /api/networks/{id}` (a network), each with the published
//! offerings they run as catalog cards, on the reader's clock when `tz` is given; and
//! `GET /api/networks`, every network with how many published offerings it runs.
//! A facilitator or partner that is not public (`catalog::visible`) is not found.

use relais_domain::catalog::query::CatalogQuery;
use relais_domain::catalog::{CatalogPage, NetworkList, NetworkSummary, Profile};
use relais_domain::problem::ProblemKind;
use relais_domain::Lang;
use serde::Deserialize;
use worker::{Env, Response};

use crate::cache;
use crate::catalog::{self, visible, Scope, MAX_AGE, MAX_PAGE};
use crate::http::{self, ApiError, Caller};
use crate::rows::text;

/// A person, a partner or a network as stored: the same shape, once `about` is named.
#[derive(Deserialize)]
struct ProfileRow {
    id: String,
    name: String,
    about: String,
    url: Option<String>,
}

pub async fn person(env: &Env, caller: &Caller, id: &str) -> Result<Response, ApiError> {
    let sql = format!(
        "SELECT p.id, p.name, p.bio AS about, NULL AS url FROM person p WHERE p.id = ?1 AND {}",
        visible::published("p")
    );
    answer(env, caller, &sql, Scope::Facilitator(id), None, id).await
}

pub async fn partner(env: &Env, caller: &Caller, id: &str) -> Result<Response, ApiError> {
    let sql = format!(
        "SELECT p.id, p.name, p.description AS about, p.url FROM partner p WHERE p.id = ?1 AND {}",
        visible::published("p")
    );
    answer(env, caller, &sql, Scope::Partner(id), None, id).await
}

/// A network's page: its offerings are the catalog filtered by `network`.
pub async fn network(env: &Env, caller: &Caller, id: &str) -> Result<Response, ApiError> {
    let sql = "SELECT id, name, description AS about, url FROM network WHERE id = ?1";
    answer(env, caller, sql, Scope::Catalog, Some(id), id).await
}

async fn answer(
    env: &Env,
    caller: &Caller,
    sql: &str,
    scope: Scope<'_>,
    network: Option<&str>,
    id: &str,
) -> Result<Response, ApiError> {
    let lang: Lang = caller.lang;
    // Only the reader's zone applies here; other catalog filters are refused as usual but
    // not applied, as on an offering's page.
    let query = CatalogQuery {
        zone: catalog::catalog_query(caller)?.zone,
        network: network.map(str::to_owned),
        ..Default::default()
    };
    let row: Option<ProfileRow> = env
        .d1("DB")?
        .prepare(sql)
        .bind(&[id.into()])?
        .first(None)
        .await?;
    let Some(row) = row else {
        return Err(ApiError::Problem(ProblemKind::NotFound, vec![]));
    };
    // A person, partner or network runs a handful of offerings: one page holds them all.
    let (cards, hit) = catalog::page_json(env, lang, scope, &query, MAX_PAGE, 0).await?;
    let cards: CatalogPage = serde_json::from_str(&cards)?;
    let profile = Profile {
        id: row.id,
        name: row.name,
        about: text(&row.about, lang)?,
        url: row.url,
        offerings: cards.items,
    };
    cache::mark(
        http::json_text(serde_json::to_string(&profile)?, MAX_AGE)?,
        hit,
    )
}

/// A network as the list reads it.
#[derive(Deserialize)]
struct NetworkRow {
    id: String,
    name: String,
    description: String,
    url: Option<String>,
    offerings: u32,
}

/// Every network, in the site's order, with its description in the reader's language and
/// how many published offerings it runs (the catalog's network filter lists them).
pub async fn networks(env: &Env, caller: &Caller) -> Result<Response, ApiError> {
    let lang = caller.lang;
    let key = cache::key("networks", &[("lang", lang.code())]);
    if let Some(body) = cache::get(&key) {
        return cache::mark(http::json_text(body, MAX_AGE)?, true);
    }
    let rows: Vec<NetworkRow> = env
        .d1("DB")?
        .prepare(format!(
            "SELECT n.id, n.name, n.description, n.url, \
               (SELECT count(*) FROM offering o WHERE o.network_id = n.id AND {}) AS offerings \
             FROM network n ORDER BY n.position, n.name, n.id",
            visible::published("o")
        ))
        .all()
        .await?
        .results()?;
    let items = rows
        .into_iter()
        .map(|n| {
            Ok(NetworkSummary {
                description: text(&n.description, lang)?,
                id: n.id,
                name: n.name,
                url: n.url,
                offerings: n.offerings,
            })
        })
        .collect::<Result<Vec<_>, ApiError>>()?;
    let body = serde_json::to_string(&NetworkList { lang, items })?;
    cache::put(key, body.clone());
    cache::mark(http::json_text(body, MAX_AGE)?, false)
}
