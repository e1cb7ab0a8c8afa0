//! A community member's private link: `GET /api/members/{token}` (where they stand, what
//! they sent, and once a member the network's members-only resources and coming editions),
//! `DELETE` (leaving, which removes them, their links and what their messages kept of
//! them), `GET /api/members/{token}/library/{id}` (a resource they may read), and an
//! edition's form and registering through the link (its members-only editions too). Never
//! cached.

use std::collections::HashMap;

use relais_domain::catalog::Edition;
use relais_domain::community::{MemberView, MembersEdition, OnBehalf, Standing};
use relais_domain::library::Found;
use relais_domain::problem::ProblemKind;
use relais_domain::{Lang, Localized};
use serde::Deserialize;
use worker::{Context, D1Database, Env, Request, Response};

use crate::catalog::visible::{self, EditionReader};
use crate::catalog::{self, EDITION_COLUMNS};
use crate::crypto;
use crate::http::{self, ApiError, Caller};
use crate::library::resource::{self, Part, Reader};
use crate::library::search::newest_where;
use crate::registration;
use crate::rows::{instant, required_text, EditionRow};

/// The most members-only resources a member's page lists.
const MAX_RESOURCES: u32 = 100;
/// The most coming members-only editions a member's page lists.
const MAX_EDITIONS: u32 = 20;

#[derive(Deserialize)]
struct MemberRow {
    id: String,
    network_id: String,
    network_name: String,
    name: String,
    email: String,
    lang: String,
    zone: String,
    region: String,
    languages: String,
    standing: Standing,
    on_behalf: OnBehalf,
    organisation: String,
    criteria: String,
    created_at: String,
    community_criteria: String,
}

async fn find(db: &D1Database, token_hash: &str) -> Result<MemberRow, ApiError> {
    db.prepare(
        "SELECT m.id, m.network_id, n.name AS network_name, m.name, m.email, m.lang, m.zone, \
           m.region, m.languages, m.standing, m.on_behalf, m.organisation, m.criteria, \
           m.created_at, c.criteria AS community_criteria \
         FROM community_token t JOIN community_member m ON m.id = t.member_id \
         JOIN community c ON c.network_id = m.network_id JOIN network n ON n.id = m.network_id \
         WHERE t.token_hash = ?1",
    )
    .bind(&[token_hash.into()])?
    .first(None)
    .await?
    .ok_or(ApiError::Problem(ProblemKind::NotFound, vec![]))
}

pub async fn view(env: &Env, caller: &Caller, token: &str) -> Result<Response, ApiError> {
    let token_hash = crypto::PrivateToken::digest_of(token).await?;
    let db = env.d1("DB")?;
    let row = find(&db, &token_hash).await?;
    // The network's members-only resources, in the reader's language else their own; the
    // condition lets none through before the coordinators' yes.
    let resources: Vec<Found> = db
        .prepare(newest_where(&visible::resource_members_only("r", "?4")))
        .bind(&[
            caller.lang.code().into(),
            MAX_RESOURCES.into(),
            "".into(),
            token_hash.as_str().into(),
        ])?
        .all()
        .await?
        .results()?;
    let editions = members_editions(&db, caller, &token_hash).await?;
    let criteria: Vec<Localized> = serde_json::from_str(&row.community_criteria)?;
    let met: Vec<usize> = serde_json::from_str(&row.criteria)?;
    let criteria = met
        .iter()
        .filter_map(|&i| criteria.get(i)?.resolve(caller.lang))
        .map(|t| t.text)
        .collect();
    let view = MemberView {
        network_id: row.network_id,
        network_name: row.network_name,
        name: row.name,
        email: row.email,
        lang: Lang::parse(&row.lang).unwrap_or_else(Lang::default_lang),
        zone: row.zone,
        region: Some(row.region).filter(|r| !r.is_empty()),
        languages: serde_json::from_str(&row.languages)?,
        standing: row.standing,
        on_behalf: row.on_behalf,
        organisation: Some(row.organisation).filter(|o| !o.is_empty()),
        criteria,
        applied_at: instant(&row.created_at)?,
        resources,
        editions,
    };
    http::private_json(&view)
}

/// An edition with its offering's name.
#[derive(Deserialize)]
struct EditionWithTitle {
    #[serde(flatten)]
    edition: EditionRow,
    offering_title: String,
}

/// The network's coming members-only editions the member's link may see, soonest first, on
/// the reader's clock: none before the coordinators' yes.
async fn members_editions(
    db: &D1Database,
    caller: &Caller,
    token_hash: &str,
) -> Result<Vec<MembersEdition>, ApiError> {
    let rows: Vec<EditionWithTitle> = db
        .prepare(format!(
            "SELECT {EDITION_COLUMNS}, o.title AS offering_title FROM edition e \
             JOIN offering o ON o.id = e.offering_id \
             WHERE {} AND e.ends_at > ?2 ORDER BY e.starts_at, e.id LIMIT ?3",
            visible::edition_members_only("e", "?1")
        ))
        .bind(&[
            token_hash.into(),
            catalog::stamp(catalog::now()),
            MAX_EDITIONS.into(),
        ])?
        .all()
        .await?
        .results()?;
    let zone = catalog::catalog_query(caller)?.zone;
    let mut titles = Vec::with_capacity(rows.len());
    let mut editions = Vec::with_capacity(rows.len());
    for row in rows {
        titles.push((
            row.edition.id.clone(),
            row.edition.offering_id.clone(),
            row.offering_title,
        ));
        editions.push(row.edition);
    }
    let mut by_id: HashMap<String, Edition> =
        catalog::with_sessions(db, editions, caller.lang, zone.as_deref())
            .await?
            .into_values()
            .flatten()
            .map(|e| (e.id.clone(), e))
            .collect();
    titles
        .into_iter()
        .filter_map(|(id, offering_id, title)| Some((by_id.remove(&id)?, offering_id, title)))
        .map(|(edition, offering_id, title)| {
            Ok(MembersEdition {
                offering_title: required_text(&title, caller.lang, &offering_id)?,
                offering_id,
                edition,
            })
        })
        .collect()
}

/// Leaving: the member's row and links go, and what their messages kept (address, text,
/// link) is blanked, as a registration deleted from its link. Unsent messages have no one
/// left to go to and are dropped when their turn comes.
pub async fn leave(env: &Env, token: &str) -> Result<Response, ApiError> {
    let token_hash = crypto::PrivateToken::digest_of(token).await?;
    let db = env.d1("DB")?;
    let row = find(&db, &token_hash).await?;
    db.batch(vec![
        db.prepare(
            "UPDATE outbox SET recipient = NULL, subject = NULL, body = NULL, manage_url = NULL \
             WHERE member_id = ?1",
        )
        .bind(&[row.id.as_str().into()])?,
        db.prepare("DELETE FROM community_member WHERE id = ?1")
            .bind(&[row.id.as_str().into()])?,
    ])
    .await?;
    Ok(Response::empty()?.with_status(204))
}

/// `GET /api/members/{token}/editions/{id}/registration-form`: an edition's form as the
/// member's link may see it (`visible::edition_for_member`).
pub async fn registration_form(
    env: &Env,
    caller: &Caller,
    token: &str,
    id: &str,
) -> Result<Response, ApiError> {
    let token_hash = crypto::PrivateToken::digest_of(token).await?;
    registration::form::get(env, caller, id, EditionReader::Member(&token_hash)).await
}

/// `POST /api/members/{token}/editions/{id}/registrations`: registering as anyone does, for
/// an edition the member's link may see: their network's members-only ones too.
pub async fn register(
    req: &Request,
    env: &Env,
    ctx: &Context,
    token: &str,
    id: &str,
) -> Result<Response, ApiError> {
    let token_hash = crypto::PrivateToken::digest_of(token).await?;
    registration::create::create(req, env, ctx, id, EditionReader::Member(&token_hash)).await
}

/// A resource the member's link may read (`community::member` rules: public ones, and their
/// network's members-only ones while a member).
pub async fn resource(
    env: &Env,
    caller: &Caller,
    token: &str,
    id: &str,
    part: Part,
) -> Result<Response, ApiError> {
    let token_hash = crypto::PrivateToken::digest_of(token).await?;
    resource::answer(env, caller, id, Reader::Member(&token_hash), part).await
}
