//! `GET /api/library/{id}`: one published public resource in the reader's language, else in
//! the one it was written in (`domain::library::shown`), with the offerings it goes with and
//! what its attached file is; `answer` also serves a community member's link
//! (`community::member`) and a participant's (`registration::manage`), and each reader's
//! `…/file` (`library::file`).

use relais_domain::library::file::ResourceFile;
use relais_domain::library::{self, Kind, ResourceDetail, ResourceText};
use relais_domain::problem::ProblemKind;
use serde::Deserialize;
use wasm_bindgen::JsValue;
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
    file_name: Option<String>,
    file_type: Option<String>,
    file_size: Option<u64>,
}

/// What of a resource is asked for.
pub enum Part {
    /// Its texts, links and what its file is (JSON).
    Detail,
    /// Its attached file's bytes.
    File,
}

pub async fn get(env: &Env, caller: &Caller, id: &str, part: Part) -> Result<Response, ApiError> {
    answer(env, caller, id, Reader::Public, part).await
}

/// `part` of the resource `id` as `reader` may read it: the public's answers may be cached
/// briefly, a link holder's never.
pub async fn answer(
    env: &Env,
    caller: &Caller,
    id: &str,
    reader: Reader<'_>,
    part: Part,
) -> Result<Response, ApiError> {
    let public = matches!(reader, Reader::Public);
    match part {
        Part::Detail => {
            let detail = read(env, caller, id, reader).await?;
            if public {
                http::json_text(serde_json::to_string(&detail)?, MAX_AGE)
            } else {
                http::private_json(&detail)
            }
        }
        Part::File => {
            let cache = if public {
                format!("public, max-age={MAX_AGE}")
            } else {
                "private, no-store".to_owned()
            };
            crate::library::file::download(env, id, reader, &cache).await
        }
    }
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

/// The condition on a resource `r` (bound at `?1`) that `reader` may read it, and its binds.
pub fn readable(id: &str, reader: Reader<'_>) -> (String, Vec<JsValue>) {
    match reader {
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
    }
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
    let (readable, binds) = readable(id, reader);
    let resource = format!(
        "SELECT r.id, r.kind, r.topics, r.source, r.licence, r.url, r.network_id, \
           n.name AS network_name, f.name AS file_name, f.media_type AS file_type, \
           f.size AS file_size \
         FROM resource r JOIN network n ON n.id = r.network_id \
         LEFT JOIN resource_file f ON f.resource_id = r.id WHERE r.id = ?1 AND {readable}"
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
        file: ResourceFile::stored(row.file_name, row.file_type, row.file_size),
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
