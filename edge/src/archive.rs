//! The archive: `GET /api/archive`, every public edition that has ended, most recent first,
//! with its offering's name and its sessions (on the reader's clock when `tz` is given).
//! "Past" is a matter of dates: an edition its network archived (`state = 'archived'`) is
//! withdrawn, and is not here either (`catalog::visible`).

use std::collections::HashMap;

use relais_domain::catalog::{ArchivePage, ArchivedEdition, Edition, OfferingKind};
use serde::Deserialize;
use worker::{Env, Response};

use crate::cache;
use crate::catalog::{self, stamp, visible, EDITION_COLUMNS, MAX_AGE};
use crate::http::{self, ApiError, Caller};
use crate::rows::{required_text, EditionRow};

/// An edition with the name of its offering.
#[derive(Deserialize)]
struct ArchiveRow {
    #[serde(flatten)]
    edition: EditionRow,
    kind: String,
    offering_title: String,
}

pub async fn list(env: &Env, caller: &Caller) -> Result<Response, ApiError> {
    let (limit, offset) = (catalog::page_size(caller)?, catalog::offset(caller)?);
    let zone = catalog::catalog_query(caller)?.zone;
    let lang = caller.lang;
    let key = format!(
        "archive:{lang}:{limit}:{offset}:{}",
        zone.as_deref().unwrap_or("")
    );
    if let Some(body) = cache::get(&key) {
        return cache::mark(http::json_text(body, MAX_AGE)?, true);
    }
    let db = env.d1("DB")?;
    let sql = format!(
        "SELECT {EDITION_COLUMNS}, o.kind, o.title AS offering_title FROM edition e \
         JOIN offering o ON o.id = e.offering_id \
         WHERE e.ends_at <= ?1 AND {} ORDER BY e.starts_at DESC, e.id LIMIT ?2 OFFSET ?3",
        visible::edition_shown("e", "o")
    );
    let statement =
        db.prepare(sql)
            .bind(&[stamp(catalog::now()), (limit + 1).into(), offset.into()])?;
    let mut rows: Vec<ArchiveRow> = statement.all().await?.results()?;
    let has_more = rows.len() > limit as usize;
    rows.truncate(limit as usize);
    let mut names = Vec::with_capacity(rows.len());
    let mut editions = Vec::with_capacity(rows.len());
    for row in rows {
        names.push((row.edition.id.clone(), row.kind, row.offering_title));
        editions.push(row.edition);
    }
    let offering_ids: HashMap<String, String> = editions
        .iter()
        .map(|e| (e.id.clone(), e.offering_id.clone()))
        .collect();
    let mut by_id: HashMap<String, Edition> =
        catalog::with_sessions(&db, editions, lang, zone.as_deref())
            .await?
            .into_values()
            .flatten()
            .map(|e| (e.id.clone(), e))
            .collect();
    let items = names
        .into_iter()
        .filter_map(|(id, kind, title)| {
            let edition = by_id.remove(&id)?;
            Some((offering_ids.get(&id)?.clone(), kind, title, edition))
        })
        .map(|(offering_id, kind, title, edition)| {
            Ok(ArchivedEdition {
                offering_kind: OfferingKind::parse(&kind)
                    .ok_or_else(|| ApiError::Internal(format!("kind {kind}")))?,
                offering_title: required_text(&title, lang, &offering_id)?,
                offering_id,
                edition,
            })
        })
        .collect::<Result<Vec<_>, ApiError>>()?;
    let page = ArchivePage {
        lang,
        items,
        next_cursor: has_more.then(|| (offset + limit).to_string()),
    };
    let body = serde_json::to_string(&page)?;
    cache::put(key, body.clone());
    cache::mark(http::json_text(body, MAX_AGE)?, false)
}
