//! `GET /api/library/{id}`: one published public resource in the reader's language, else in
//! the one it was written in (`domain::library::shown`), with the offerings it goes with;
//! `read` also serves a community member's link (`community::member`).

use relais_domain::library::{self, Kind, ResourceDetail, ResourceText};
use relais_domain::problem::ProblemKind;
use serde::Deserialize;
use worker::{Env, Response};

use crate::catalog::visible;
use crate::http::{self, ApiError, Caller};
use crate::library::LinkedRow;

/// Seconds a shared cache may keep an answer, as the search's.
const MAX_AGE: u32 = 300;

const TEXTS: &str = "\
SELECT lang, title, summary, body, translator
FROM resource_text
WHERE resource_id = ?1
ORDER BY lang";

#[derive(Deserialize)]
struct ResourceRow {
    id: String,
    kind: Kind,
    /// A JSON array of topic ids.
    topics: String,
    source: Option<String>,
    licence: Option<String>,
    url: Option<String>,
    network_id: String,
    network_name: String,
}

pub async fn get(env: &Env, caller: &Caller, id: &str) -> Result<Response, ApiError> {
    let detail = read(env, caller, id, Reader::Public).await?;
    http::json_text(serde_json::to_string(&detail)?, MAX_AGE)
}

/// Who reads a resource, and so which ones they may.
pub enum Reader<'t> {
    /// Anyone: published public resources.
    Public,
    /// The holder of a community member's link (its digest): also their network's
    /// members-only resources, while they are a member.
    Member(&'t str),
    /// A registration (its id, found from its manage link): also the resources linked to
    /// its edition, while it holds a place there.
    Participant(&'t str),
}

/// The resource `id` as `reader` may read it: unknown, a draft and one they may not read
/// answer alike (404), so a stranger learns nothing.
pub async fn read(
    env: &Env,
    caller: &Caller,
    id: &str,
    reader: Reader<'_>,
) -> Result<ResourceDetail, ApiError> {
    let db = env.d1("DB")?;
    let (readable, binds) = match reader {
        Reader::Public => (visible::resource_public("r"), vec![id.into()]),
        Reader::Member(token_hash) => (
            visible::resource_for_member("r", "?2"),
            vec![id.into(), token_hash.into()],
        ),
        Reader::Participant(registration) => (
            format!(
                "(({}) OR ({}))",
                visible::resource_public("r"),
                visible::resource_for_participant("r", "?2")
            ),
            vec![id.into(), registration.into()],
        ),
    };
    let resource = format!(
        "SELECT r.id, r.kind, r.topics, r.source, r.licence, r.url, r.network_id, n.name AS network_name \
         FROM resource r JOIN network n ON n.id = r.network_id WHERE r.id = ?1 AND {readable}"
    );
    let offerings = format!(
        "SELECT o.id, o.title FROM resource_link l JOIN offering o ON o.id = l.offering_id \
         WHERE l.resource_id = ?1 AND {} ORDER BY o.position, o.id",
        visible::published("o")
    );
    let results = db
        .batch(vec![
            db.prepare(&resource).bind(&binds)?,
            db.prepare(TEXTS).bind(&[id.into()])?,
            db.prepare(&offerings).bind(&[id.into()])?,
        ])
        .await?;
    let [resource, texts, offerings] = results.as_slice() else {
        return Err(ApiError::Internal(format!(
            "batch gave {} results",
            results.len()
        )));
    };
    let not_found = || ApiError::Problem(ProblemKind::NotFound, vec![]);
    let row = resource
        .results::<ResourceRow>()?
        .into_iter()
        .next()
        .ok_or_else(not_found)?;
    let texts: Vec<ResourceText> = texts.results()?;
    let text = library::shown(&texts, caller.lang).ok_or_else(not_found)?;
    let original = library::original(&texts).map_or(&text.lang, |t| &t.lang);
    let offerings = offerings
        .results::<LinkedRow>()?
        .into_iter()
        .map(|o| o.linked(caller.lang))
        .collect::<Result<_, _>>()?;
    Ok(ResourceDetail {
        id: row.id,
        kind: row.kind,
        network_id: row.network_id,
        network_name: row.network_name,
        original: original.clone(),
        languages: library::languages(&texts),
        text: text.clone(),
        topics: serde_json::from_str(&row.topics)?,
        source: row.source,
        licence: row.licence,
        url: row.url,
        offerings,
    })
}
