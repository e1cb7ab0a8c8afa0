//! Who runs the offerings: `GET /api/people/{id}` (a facilitator) and
//! `GET /api/partners/{id}` (a partner organisation), each with the offerings they run as
//! catalog cards, on the reader's clock when `tz` is given.

use relais_domain::catalog::query::CatalogQuery;
use relais_domain::catalog::{CatalogPage, Profile};
use relais_domain::problem::ProblemKind;
use relais_domain::Lang;
use serde::Deserialize;
use worker::{Env, Response};

use crate::cache;
use crate::catalog::{self, Scope, MAX_AGE, MAX_PAGE};
use crate::http::{self, ApiError, Caller};
use crate::rows::text;

/// A person or a partner as stored: the same shape, once `about` is named.
#[derive(Deserialize)]
struct ProfileRow {
    id: String,
    name: String,
    about: String,
    url: Option<String>,
}

pub async fn person(env: &Env, caller: &Caller, id: &str) -> Result<Response, ApiError> {
    let sql = "SELECT id, name, bio AS about, NULL AS url FROM person WHERE id = ?1";
    answer(env, caller, sql, Scope::Facilitator(id), id).await
}

pub async fn partner(env: &Env, caller: &Caller, id: &str) -> Result<Response, ApiError> {
    let sql = "SELECT id, name, description AS about, url FROM partner WHERE id = ?1";
    answer(env, caller, sql, Scope::Partner(id), id).await
}

async fn answer(
    env: &Env,
    caller: &Caller,
    sql: &str,
    scope: Scope<'_>,
    id: &str,
) -> Result<Response, ApiError> {
    let lang: Lang = caller.lang;
    // Only the reader's zone applies here; other catalog filters are refused as usual but
    // not applied, as on an offering's page.
    let query = CatalogQuery {
        zone: catalog::catalog_query(caller)?.zone,
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
    // A person or partner runs a handful of offerings: one page holds them all.
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
