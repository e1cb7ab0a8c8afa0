//! A follow's private link: `GET /api/follows/{token}` (what it is for, confirmed or not),
//! `POST …/confirm` (the double opt-in) and `DELETE` (stopping: the follow is deleted with
//! its links, and what its messages kept of the person is blanked). Never cached.

use relais_domain::news::{FollowView, Purpose};
use relais_domain::problem::ProblemKind;
use relais_domain::{Lang, Localized};
use serde::Deserialize;
use worker::{D1Database, Env, Response};

use crate::catalog::{now, stamp};
use crate::crypto;
use crate::http::{self, ApiError, Caller};
use crate::rows::instant;

#[derive(Deserialize)]
struct FollowRow {
    id: String,
    email: String,
    lang: String,
    zone: String,
    purpose: Purpose,
    subject_id: String,
    /// The offering's title (JSON, per language) or the network's name.
    subject_name: String,
    consented_at: String,
    confirmed_at: Option<String>,
}

async fn find(db: &D1Database, token: &str) -> Result<FollowRow, ApiError> {
    let not_found = ApiError::Problem(ProblemKind::NotFound, vec![]);
    let hash = crypto::PrivateToken::digest_of(token).await?;
    db.prepare(
        "SELECT f.id, f.email, f.lang, f.zone, f.purpose, \
           coalesce(f.offering_id, f.network_id) AS subject_id, \
           coalesce(o.title, n.name) AS subject_name, f.consented_at, f.confirmed_at \
         FROM follow_token t JOIN follow f ON f.id = t.follow_id \
         LEFT JOIN offering o ON o.id = f.offering_id LEFT JOIN network n ON n.id = f.network_id \
         WHERE t.token_hash = ?1",
    )
    .bind(&[hash.into()])?
    .first(None)
    .await?
    .ok_or(not_found)
}

fn answer(row: FollowRow, caller: &Caller) -> Result<Response, ApiError> {
    let subject_name = match row.purpose {
        Purpose::OfferingDates => serde_json::from_str::<Localized>(&row.subject_name)?
            .resolve(caller.lang)
            .map_or(row.subject_id.clone(), |t| t.text),
        Purpose::NetworkNews => row.subject_name,
    };
    http::private_json(&FollowView {
        purpose: row.purpose,
        subject_id: row.subject_id,
        subject_name,
        email: row.email,
        lang: Lang::parse(&row.lang).unwrap_or_else(Lang::default_lang),
        zone: row.zone,
        consented_at: instant(&row.consented_at)?,
        confirmed_at: row.confirmed_at.as_deref().map(instant).transpose()?,
    })
}

pub async fn view(env: &Env, caller: &Caller, token: &str) -> Result<Response, ApiError> {
    let db = env.d1("DB")?;
    answer(find(&db, token).await?, caller)
}

/// Confirming: from now on, news is sent. Confirming again changes nothing.
pub async fn confirm(env: &Env, caller: &Caller, token: &str) -> Result<Response, ApiError> {
    let db = env.d1("DB")?;
    let mut row = find(&db, token).await?;
    if row.confirmed_at.is_none() {
        let at = stamp(now());
        db.prepare("UPDATE follow SET confirmed_at = ?2 WHERE id = ?1 AND confirmed_at IS NULL")
            .bind(&[row.id.as_str().into(), at.clone()])?
            .run()
            .await?;
        row.confirmed_at = at.as_string();
    }
    answer(row, caller)
}

/// Stopping, in one step from any of its messages: the follow and its links are deleted,
/// and its messages keep nothing of the person.
pub async fn stop(env: &Env, token: &str) -> Result<Response, ApiError> {
    let db = env.d1("DB")?;
    let row = find(&db, token).await?;
    db.batch(vec![
        db.prepare(
            "UPDATE outbox SET recipient = NULL, subject = NULL, body = NULL, manage_url = NULL, \
               links = NULL WHERE follow_id = ?1",
        )
        .bind(&[row.id.as_str().into()])?,
        db.prepare("DELETE FROM follow WHERE id = ?1")
            .bind(&[row.id.as_str().into()])?,
    ])
    .await?;
    Ok(Response::empty()?.with_status(204))
}
