//! The library as its network's librarians (and coordinators) curate it from the dashboard:
//! the network's shelf (drafts included, with what a resource can go with), and one resource
//! created, read, saved in each of its languages, linked to the network's offerings and
//! editions, and moved along the publication states (`dashboard::publication`). Every
//! statement is scoped to the caller's networks for `Action::CurateLibrary`
//! (`scope::network`), so another network's resource is not found. The drafts' rules are
//! `relais_domain::authoring::ResourceDraft`'s.

use std::collections::BTreeSet;

use relais_domain::account::Action;
use relais_domain::authoring::{PublicationState, Refusal, ResourceDraft};
use relais_domain::dashboard::{
    Authored, Choice, Created, LibraryShelf, NetworkLine, ResourceLine,
};
use relais_domain::i18n::Messages;
use relais_domain::library::file::ResourceFile;
use relais_domain::library::{self, Kind, ResourceText, Visibility};
use relais_domain::{Lang, Localized};
use serde::Deserialize;
use worker::{D1Database, Env, Request, Response};

use crate::auth::{self, Staff};
use crate::dashboard::publication::Publishable;
use crate::dashboard::{
    at, audit, field_errors, json_text, not_found, optional, parsed, read_draft, refuse, run, text,
};
use crate::http::{private_json, ApiError, Caller};
use crate::registration::transitions::Statement;
use crate::scope;

pub(super) const CURATE: Action = Action::CurateLibrary;

/// A resource's row with its texts and links as JSON arrays.
#[derive(Deserialize)]
struct DraftRow {
    id: String,
    network_id: String,
    state: String,
    kind: String,
    visibility: String,
    topics: String,
    source: Option<String>,
    licence: Option<String>,
    url: Option<String>,
    original: Option<String>,
    file_name: Option<String>,
    file_type: Option<String>,
    file_size: Option<u64>,
    /// `[{lang, title, summary, body, translator}]`.
    texts: String,
    offerings: String,
    editions: String,
}

/// The resources of the network reached by `?2` (with `where_id`: the one bound at `?1`),
/// each with its texts and links.
fn drafts_sql(where_id: bool) -> String {
    format!(
        "SELECT r.id, r.network_id, r.state, r.kind, r.visibility, r.topics, r.source, \
           r.licence, r.url, r.original, \
           f.name AS file_name, f.media_type AS file_type, f.size AS file_size, \
           (SELECT json_group_array(json_object('lang', t.lang, 'title', t.title, \
              'summary', t.summary, 'body', t.body, 'translator', t.translator)) \
            FROM resource_text t WHERE t.resource_id = r.id) AS texts, \
           (SELECT json_group_array(l.offering_id) FROM resource_link l \
            WHERE l.resource_id = r.id AND l.offering_id IS NOT NULL) AS offerings, \
           (SELECT json_group_array(l.edition_id) FROM resource_link l \
            WHERE l.resource_id = r.id AND l.edition_id IS NOT NULL) AS editions \
         FROM resource r LEFT JOIN resource_file f ON f.resource_id = r.id \
         WHERE {} AND {} ORDER BY r.updated_at DESC, r.id",
        if where_id {
            "r.id = ?1"
        } else {
            "r.network_id = ?1"
        },
        scope::network("r.network_id", "?2", CURATE)
    )
}

impl DraftRow {
    fn draft(self) -> (String, String, ResourceDraft) {
        let texts: Vec<ResourceText> = parsed(&self.texts);
        let per_lang = |field: fn(&ResourceText) -> Option<&str>| {
            Localized(
                texts
                    .iter()
                    .filter_map(|t| field(t).map(|v| (t.lang.clone(), v.to_owned())))
                    .collect(),
            )
        };
        let draft = ResourceDraft {
            file: ResourceFile::stored(self.file_name, self.file_type, self.file_size),
            state: PublicationState::parse(&self.state).unwrap_or_default(),
            kind: Kind::parse(&self.kind),
            visibility: Visibility::parse(&self.visibility).unwrap_or_default(),
            topics: parsed(&self.topics),
            original: self
                .original
                .or_else(|| library::original(&texts).map(|t| t.lang.clone())),
            title: per_lang(|t| Some(&t.title)),
            summary: per_lang(|t| Some(&t.summary)),
            body: per_lang(|t| Some(&t.body)),
            translator: per_lang(|t| t.translator.as_deref()),
            source: self.source,
            licence: self.licence,
            url: self.url,
            offerings: parsed(&self.offerings),
            editions: parsed(&self.editions),
        };
        (self.id, self.network_id, draft)
    }
}

pub(super) async fn load(
    db: &D1Database,
    staff: &Staff,
    id: &str,
) -> Result<(String, ResourceDraft), ApiError> {
    let row: DraftRow = db
        .prepare(drafts_sql(true))
        .bind(&[id.into(), staff.account_id.as_str().into()])?
        .first(None)
        .await?
        .ok_or(not_found())?;
    let (_, network, draft) = row.draft();
    Ok((network, draft))
}

/// The network's offerings and editions, as a resource's links choose them.
struct Choices {
    offerings: Vec<Choice>,
    editions: Vec<Choice>,
}

#[derive(Deserialize)]
struct ChoiceRow {
    id: String,
    title: String,
    edition_title: Option<String>,
    starts_at: Option<String>,
    /// The zone of an edition's first session: its first day on the organiser's clock.
    zone: Option<String>,
}

impl ChoiceRow {
    /// The offering's title in `lang`; for an edition, then its own title and its first day
    /// on the organiser's clock, so that two meetings of a series are told apart.
    fn choice(self, lang: Lang, messages: &Messages) -> Choice {
        let title = |json: &str| {
            parsed::<Localized>(json)
                .resolve(lang)
                .map(|t| t.text)
                .filter(|t| !t.trim().is_empty())
        };
        let day = match (self.starts_at.as_deref(), self.zone.as_deref()) {
            (Some(at), Some(zone)) => crate::rows::day_in_zone(at, zone, messages),
            _ => None,
        };
        let parts: Vec<String> = [
            title(&self.title),
            self.edition_title.as_deref().and_then(title),
            day,
        ]
        .into_iter()
        .flatten()
        .collect();
        Choice {
            id: self.id,
            label: parts.join(" — "),
        }
    }
}

/// Offerings and editions of `network` (already known to be the caller's).
async fn choices(db: &D1Database, network: &str, lang: Lang) -> Result<Choices, ApiError> {
    let offerings: Vec<ChoiceRow> = db
        .prepare(
            "SELECT o.id, o.title, NULL AS edition_title, NULL AS starts_at, NULL AS zone \
             FROM offering o \
             WHERE o.network_id = ?1 ORDER BY o.id",
        )
        .bind(&[network.into()])?
        .all()
        .await?
        .results()?;
    let editions: Vec<ChoiceRow> = db
        .prepare(
            "SELECT e.id, o.title, e.title AS edition_title, e.starts_at, \
               (SELECT s.zone FROM session s WHERE s.edition_id = e.id \
                ORDER BY s.starts_at LIMIT 1) AS zone \
             FROM edition e JOIN offering o ON o.id = e.offering_id \
             WHERE o.network_id = ?1 ORDER BY starts_at DESC, e.id",
        )
        .bind(&[network.into()])?
        .all()
        .await?
        .results()?;
    let messages = crate::http::messages(lang)?;
    Ok(Choices {
        offerings: offerings
            .into_iter()
            .map(|r| r.choice(lang, &messages))
            .collect(),
        editions: editions
            .into_iter()
            .map(|r| r.choice(lang, &messages))
            .collect(),
    })
}

/// A link to something that is not one of the network's offerings or editions is refused
/// by its place in the list.
fn unknown_links(draft: &ResourceDraft, choices: &Choices) -> Vec<Refusal> {
    let mut refused = vec![];
    for (field, ids, known) in [
        ("offerings", &draft.offerings, &choices.offerings),
        ("editions", &draft.editions, &choices.editions),
    ] {
        let known: BTreeSet<&str> = known.iter().map(|c| c.id.as_str()).collect();
        for (i, id) in ids.iter().enumerate() {
            if !known.contains(id.as_str()) {
                refused.push((format!("{field}.{i}"), "unknown-link"));
            }
        }
    }
    refused
}

/// The statements that write `draft` as resource `id` of `network`: its row (`create`: a new
/// one, as a draft), its text in each language it is available in (the others removed, which
/// takes them out of the search index), and its links.
fn write(
    id: &str,
    network: &str,
    draft: &ResourceDraft,
    create: bool,
    at: &str,
) -> Result<Vec<Statement>, ApiError> {
    let kind = draft.kind.map(Kind::as_str).unwrap_or_default();
    let row = if create {
        "INSERT INTO resource (id, network_id, state, kind, topics, source, licence, url, \
           visibility, original, updated_at) VALUES (?1, ?2, 'draft', ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"
    } else {
        "UPDATE resource SET kind = ?3, topics = ?4, source = ?5, licence = ?6, url = ?7, \
           visibility = ?8, original = ?9, updated_at = ?10 WHERE id = ?1 AND network_id = ?2"
    };
    let languages: Vec<&str> = draft.languages().collect();
    let mut statements = vec![
        Statement {
            sql: row.to_owned(),
            params: vec![
                text(id),
                text(network),
                text(kind),
                json_text(&draft.topics)?,
                optional(draft.source.as_deref()),
                optional(draft.licence.as_deref()),
                optional(draft.url.as_deref()),
                text(draft.visibility.as_str()),
                optional(draft.original.as_deref()),
                text(at),
            ],
        },
        Statement {
            sql: "DELETE FROM resource_text WHERE resource_id = ?1 \
                  AND lang NOT IN (SELECT value FROM json_each(?2))"
                .to_owned(),
            params: vec![text(id), json_text(&languages)?],
        },
    ];
    for lang in languages {
        let in_lang = |t: &Localized| {
            t.0.get(lang)
                .map(|v| v.trim().to_owned())
                .unwrap_or_default()
        };
        // The language it was written in credits no translator.
        let translator = Some(in_lang(&draft.translator))
            .filter(|t| !t.is_empty() && draft.original.as_deref() != Some(lang));
        statements.push(Statement {
            sql: "INSERT INTO resource_text (resource_id, lang, title, summary, body, translator) \
                  VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (resource_id, lang) DO UPDATE SET \
                  title = excluded.title, summary = excluded.summary, body = excluded.body, \
                  translator = excluded.translator"
                .to_owned(),
            params: vec![
                text(id),
                text(lang),
                text(&in_lang(&draft.title)),
                text(&in_lang(&draft.summary)),
                text(&in_lang(&draft.body)),
                optional(translator.as_deref()),
            ],
        });
    }
    statements.extend([
        Statement {
            sql: "DELETE FROM resource_link WHERE resource_id = ?1".to_owned(),
            params: vec![text(id)],
        },
        // Only the network's own: a link elsewhere is refused before, and one deleted
        // meanwhile is simply not made.
        Statement {
            sql: "INSERT INTO resource_link (resource_id, offering_id) SELECT ?1, o.id \
                  FROM offering o WHERE o.network_id = ?2 \
                  AND o.id IN (SELECT value FROM json_each(?3))"
                .to_owned(),
            params: vec![text(id), text(network), json_text(&draft.offerings)?],
        },
        Statement {
            sql: "INSERT INTO resource_link (resource_id, edition_id) SELECT ?1, e.id \
                  FROM edition e JOIN offering o ON o.id = e.offering_id \
                  WHERE o.network_id = ?2 AND e.id IN (SELECT value FROM json_each(?3))"
                .to_owned(),
            params: vec![text(id), text(network), json_text(&draft.editions)?],
        },
    ]);
    Ok(statements)
}

/// A draft as stored: texts trimmed, empty optional fields as none.
fn tidy(mut draft: ResourceDraft) -> ResourceDraft {
    let some = |v: Option<String>| v.map(|v| v.trim().to_owned()).filter(|v| !v.is_empty());
    draft.source = some(draft.source);
    draft.licence = some(draft.licence);
    draft.url = some(draft.url);
    draft.original = some(draft.original);
    draft
}

pub(super) fn authored(
    id: &str,
    network_id: String,
    draft: ResourceDraft,
    caller: &Caller,
) -> Result<Authored<ResourceDraft>, ApiError> {
    Ok(Authored {
        id: id.to_owned(),
        network_id,
        completeness: draft.completeness(),
        publish_refusals: field_errors(&draft.check_publish(), caller.lang)?,
        draft,
    })
}

/// `GET /api/dashboard/networks/{network}/library`.
pub async fn shelf(
    req: &Request,
    env: &Env,
    caller: &Caller,
    network: &str,
) -> Result<Response, ApiError> {
    let staff = auth::require(req, env, CURATE, false).await?;
    let db = env.d1("DB")?;
    let name: String = db
        .prepare(format!(
            "SELECT n.name FROM network n WHERE n.id = ?1 AND {}",
            scope::network("n.id", "?2", CURATE)
        ))
        .bind(&[network.into(), staff.account_id.as_str().into()])?
        .first(Some("name"))
        .await?
        .ok_or(not_found())?;
    let rows: Vec<DraftRow> = db
        .prepare(drafts_sql(false))
        .bind(&[network.into(), staff.account_id.as_str().into()])?
        .all()
        .await?
        .results()?;
    let resources = rows.into_iter().map(|row| line(row, caller.lang)).collect();
    let Choices {
        offerings,
        editions,
    } = choices(&db, network, caller.lang).await?;
    private_json(&LibraryShelf {
        network: NetworkLine {
            id: network.to_owned(),
            name,
        },
        resources,
        offerings,
        editions,
    })
}

/// A resource as the shelf lists it, titled in `lang` else as written.
fn line(row: DraftRow, lang: Lang) -> ResourceLine {
    let (id, _, draft) = row.draft();
    let texts: Vec<ResourceText> = draft
        .languages()
        .map(|code| ResourceText {
            lang: code.to_owned(),
            title: draft.title.0.get(code).cloned().unwrap_or_default(),
            summary: String::new(),
            body: String::new(),
            translator: (draft.original.as_deref() != Some(code)).then(String::new),
        })
        .collect();
    ResourceLine {
        id,
        state: draft.state,
        kind: draft.kind,
        visibility: draft.visibility,
        title: library::shown(&texts, lang)
            .map(|t| t.title.clone())
            .unwrap_or_default(),
        languages: library::languages(&texts),
        completeness: draft.completeness(),
    }
}

/// `POST /api/dashboard/networks/{network}/library`: a new draft.
pub async fn create(
    req: &Request,
    env: &Env,
    caller: &Caller,
    network: &str,
) -> Result<Response, ApiError> {
    let staff = auth::require(req, env, CURATE, true).await?;
    let draft = ResourceDraft {
        file: None,
        ..tidy(read_draft::<ResourceDraft>(req).await?)
    };
    let db = env.d1("DB")?;
    crate::dashboard::require_network(&db, &staff, CURATE, network).await?;
    refuse(draft.check_draft())?;
    refuse(unknown_links(
        &draft,
        &choices(&db, network, caller.lang).await?,
    ))?;
    let id = crate::dashboard::new_id("resource")?;
    let at = at();
    let mut statements = write(&id, network, &draft, true, &at)?;
    statements.push(audit::record(
        network,
        &staff.account_id,
        &at,
        ("resource", &id),
        "created",
        audit::changes(None, &draft)?,
    ));
    run(&db, &statements).await?;
    Ok(private_json(&Created { id })?.with_status(201))
}

/// `GET /api/dashboard/library/{id}`.
pub async fn get(
    req: &Request,
    env: &Env,
    caller: &Caller,
    id: &str,
) -> Result<Response, ApiError> {
    let staff = auth::require(req, env, CURATE, false).await?;
    let (network, draft) = load(&env.d1("DB")?, &staff, id).await?;
    private_json(&authored(id, network, draft, caller)?)
}

/// `PUT /api/dashboard/library/{id}`: the whole draft again; a published resource stays
/// complete.
pub async fn save(
    req: &Request,
    env: &Env,
    caller: &Caller,
    id: &str,
) -> Result<Response, ApiError> {
    let staff = auth::require(req, env, CURATE, true).await?;
    let mut draft = tidy(read_draft::<ResourceDraft>(req).await?);
    let db = env.d1("DB")?;
    let (network, before) = load(&db, &staff, id).await?;
    draft.state = before.state;
    draft.file.clone_from(&before.file);
    refuse(draft.check_draft())?;
    if before.state == PublicationState::Published {
        refuse(draft.check_publish())?;
    }
    refuse(unknown_links(
        &draft,
        &choices(&db, &network, caller.lang).await?,
    ))?;
    let at = at();
    let mut statements = write(id, &network, &draft, false, &at)?;
    statements.push(audit::record(
        &network,
        &staff.account_id,
        &at,
        ("resource", id),
        "changed",
        audit::changes(Some(&before), &draft)?,
    ));
    run(&db, &statements).await?;
    crate::cache::forget_public();
    private_json(&authored(id, network, draft, caller)?)
}

/// A resource as its `state` route loads it.
pub struct LoadedResource {
    network: String,
    draft: ResourceDraft,
}

impl Publishable for LoadedResource {
    const TABLE: &'static str = "resource";
    const ACTION: Action = CURATE;
    async fn load(db: &D1Database, staff: &Staff, id: &str) -> Result<Self, ApiError> {
        let (network, draft) = load(db, staff, id).await?;
        Ok(LoadedResource { network, draft })
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
}

#[cfg(test)]
mod tests;
