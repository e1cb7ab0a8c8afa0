//! Registering on behalf of an organisation, through its own link: an edition's form
//! (`GET /api/organisations/{token}/editions/{id}/registration-form`) and the registration
//! (`POST …/editions/{id}/registrations`), for the editions whose people register on behalf
//! of an organisation; the registration is then tied to it, under its name. Its page lists
//! the registrations made so and the editions open to them now.

use relais_domain::catalog::RegistrationMode;
use relais_domain::coaching::organisation::{OnBehalfEdition, OrganisationRegistration};
use relais_domain::registration::{self, Status};
use relais_domain::Lang;
use serde::Deserialize;
use worker::{Context, D1Database, Env, Request, Response};

use crate::catalog::now;
use crate::catalog::visible::{edition_shown_alone, EditionReader};
use crate::crypto::PrivateToken;
use crate::http::{ApiError, Caller};
use crate::rows::{instant, text};

/// The most registrations, and open editions, an organisation's page lists.
const MAX_LISTED: u32 = 50;

/// `GET /api/organisations/{token}/editions/{id}/registration-form`.
pub async fn registration_form(
    env: &Env,
    caller: &Caller,
    token: &str,
    id: &str,
) -> Result<Response, ApiError> {
    let digest = PrivateToken::digest_of(token).await?;
    crate::registration::form::get(env, caller, id, EditionReader::Organisation(&digest)).await
}

/// `POST /api/organisations/{token}/editions/{id}/registrations`.
pub async fn register(
    req: &Request,
    env: &Env,
    ctx: &Context,
    token: &str,
    id: &str,
) -> Result<Response, ApiError> {
    let digest = PrivateToken::digest_of(token).await?;
    crate::registration::create::create(req, env, ctx, id, EditionReader::Organisation(&digest))
        .await
}

/// The registrations made on behalf of `organisation` through its link, the latest edition
/// first.
pub async fn registrations(
    db: &D1Database,
    organisation: &str,
    lang: Lang,
) -> Result<Vec<OrganisationRegistration>, ApiError> {
    #[derive(Deserialize)]
    struct Row {
        edition_id: String,
        title: String,
        network_name: String,
        starts_at: Option<String>,
        name: String,
        status: String,
    }
    let rows: Vec<Row> = db
        .prepare(
            "SELECT r.edition_id, o.title, n.name AS network_name, e.starts_at, r.name, r.status \
             FROM registration r JOIN edition e ON e.id = r.edition_id \
             JOIN offering o ON o.id = e.offering_id JOIN network n ON n.id = o.network_id \
             WHERE r.organisation_id = ?1 ORDER BY e.starts_at DESC, r.created_at, r.id LIMIT ?2",
        )
        .bind(&[organisation.into(), MAX_LISTED.into()])?
        .all()
        .await?
        .results()?;
    rows.into_iter()
        .map(|r| {
            Ok(OrganisationRegistration {
                offering_title: text(&r.title, lang)?.map(|t| t.text).unwrap_or_default(),
                starts_at: r.starts_at.as_deref().map(instant).transpose()?,
                status: Status::parse(&r.status)
                    .ok_or_else(|| ApiError::Internal(format!("status {}", r.status)))?,
                edition_id: r.edition_id,
                network_name: r.network_name,
                name: r.name,
            })
        })
        .collect()
}

/// The editions anyone may see whose people register on behalf of an organisation and that
/// take registrations now (`registration::window`), the soonest first.
pub async fn open_editions(db: &D1Database, lang: Lang) -> Result<Vec<OnBehalfEdition>, ApiError> {
    #[derive(Deserialize)]
    struct Row {
        edition_id: String,
        title: String,
        network_name: String,
        starts_at: Option<String>,
        registration_mode: String,
        registration_opens_at: Option<String>,
        registration_closes_at: Option<String>,
    }
    let rows: Vec<Row> = db
        .prepare(format!(
            "SELECT e.id AS edition_id, o.title, n.name AS network_name, e.starts_at, \
               e.registration_mode, e.registration_opens_at, e.registration_closes_at \
             FROM edition e JOIN offering o ON o.id = e.offering_id JOIN network n ON n.id = o.network_id \
             WHERE o.on_behalf = 1 AND {} ORDER BY e.starts_at, e.id LIMIT ?1",
            edition_shown_alone("e")
        ))
        .bind(&[MAX_LISTED.into()])?
        .all()
        .await?
        .results()?;
    let at = |s: &Option<String>| s.as_deref().map(instant).transpose();
    let mut open = vec![];
    for r in rows {
        let Some(mode) = RegistrationMode::parse(&r.registration_mode) else {
            return Err(ApiError::Internal(format!("mode {}", r.registration_mode)));
        };
        let starts_at = at(&r.starts_at)?;
        let window = registration::window(
            mode,
            at(&r.registration_opens_at)?,
            at(&r.registration_closes_at)?,
            starts_at,
            now(),
        );
        if window.is_ok() {
            open.push(OnBehalfEdition {
                offering_title: text(&r.title, lang)?.map(|t| t.text).unwrap_or_default(),
                edition_id: r.edition_id,
                network_name: r.network_name,
                starts_at,
            });
        }
    }
    Ok(open)
}
