//! A community member's private link: `GET /api/members/{token}` (where they stand, what
//! they sent, and once a member the network's members-only resources), `DELETE` (leaving,
//! which removes them, their links and what their messages kept of them), and
//! `GET /api/members/{token}/library/{id}` (a resource they may read). Never cached.

use relais_domain::community::{MemberView, OnBehalf, Standing};
use relais_domain::library::Found;
use relais_domain::problem::ProblemKind;
use relais_domain::{Lang, Localized};
use serde::Deserialize;
use worker::{D1Database, Env, Response};

use crate::catalog::visible;
use crate::crypto;
use crate::http::{self, ApiError, Caller};
use crate::library::resource::{self, Reader};
use crate::library::search::newest_where;
use crate::rows::instant;

/// The most members-only resources a member's page lists.
const MAX_RESOURCES: u32 = 100;

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
    };
    http::private_json(&view)
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

/// A resource the member's link may read (`community::member` rules: public ones, and their
/// network's members-only ones while a member).
pub async fn resource(
    env: &Env,
    caller: &Caller,
    token: &str,
    id: &str,
) -> Result<Response, ApiError> {
    let token_hash = crypto::PrivateToken::digest_of(token).await?;
    let detail = resource::read(env, caller, id, Reader::Member(&token_hash)).await?;
    http::private_json(&detail)
}
