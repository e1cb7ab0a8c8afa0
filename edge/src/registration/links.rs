//! `POST /api/manage-links`: "send me my links". Every registration of an address gets a
//! new private link (those sent before still work), and all of them go in one message to
//! that address — never on screen: whoever types an address learns nothing, and the answer
//! is the same whether or not it has registrations.

use relais_domain::problem::ProblemKind;
use relais_domain::registration::{self, Event, LinksRequest, MessageKind};
use serde::{Deserialize, Serialize};
use worker::{Context, D1Database, Env, Request, Response};

use super::create::{public_origin, ManageLink};
use super::transitions::{self, Statement};
use crate::catalog::now;
use crate::http::{self, ApiError};
use crate::outbox;
use crate::rate_limit::{self, Limit};

/// Requests per client address and minute, and per address asked for (plus-addresses
/// folded) and hour: enough for someone who lost an email, too few to flood an inbox.
const PER_CLIENT_PER_MINUTE: u32 = 10;
const PER_EMAIL_PER_HOUR: u32 = 3;

#[derive(Deserialize)]
struct Found {
    id: String,
    edition_id: String,
}

/// The answer, the same for every address.
#[derive(Serialize)]
struct Accepted {
    accepted: bool,
}

pub async fn send(req: &Request, env: &Env, ctx: &Context) -> Result<Response, ApiError> {
    let db = env.d1("DB")?;
    rate_limit::count_client(&db, req, "links", PER_CLIENT_PER_MINUTE).await?;
    let request: LinksRequest = crate::auth::read_json(req).await?;
    let (email, lang) = registration::validate_links(&request)
        .map_err(|refused| ApiError::Fields(ProblemKind::InvalidBody, refused))?;
    let answer = http::private_json(&Accepted { accepted: true })?.with_status(202);
    if registration::filled_by_robot(request.website.as_deref()) {
        return Ok(answer);
    }
    rate_limit::count_all(
        &db,
        &[Limit::per_email("links", &email, PER_EMAIL_PER_HOUR)],
    )
    .await?;
    let found: Vec<Found> = db
        .prepare(
            "SELECT id, edition_id FROM registration WHERE email = ?1 ORDER BY created_at DESC",
        )
        .bind(&[email.as_str().into()])?
        .all()
        .await?
        .results()?;
    if let Some(first) = found.first() {
        let origin = public_origin(env, req)?;
        queue_links(&db, &found, &origin, lang.code()).await?;
        outbox::send_soon(env, ctx, outbox::Only::Registration(first.id.clone()));
    }
    Ok(answer)
}

/// A new link for each registration, their history entries, and one message with them all
/// (queued on the most recent registration, in the language the form was used in).
async fn queue_links(
    db: &D1Database,
    found: &[Found],
    origin: &str,
    lang: &str,
) -> Result<(), ApiError> {
    let at = now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let mut links = serde_json::Map::new();
    let mut statements = vec![];
    for registration in found {
        let link = ManageLink::new(origin, lang).await?;
        statements.push(Statement {
            sql: "INSERT INTO manage_token (token_hash, registration_id, created_at) VALUES (?1, ?2, ?3)"
                .to_owned(),
            params: vec![
                link.token_hash.as_str().into(),
                registration.id.as_str().into(),
                at.as_str().into(),
            ],
        });
        statements.push(transitions::record_event(
            &registration.id,
            Event::LinkSent,
            &at,
            None,
        ));
        links.insert(registration.id.clone(), link.url.into());
    }
    let first = &found[0];
    statements.push(Statement {
        sql: "INSERT INTO outbox (registration_id, edition_id, kind, links, lang, created_at) \
              VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
            .to_owned(),
        params: vec![
            first.id.as_str().into(),
            first.edition_id.as_str().into(),
            MessageKind::Links.as_str().into(),
            serde_json::Value::Object(links).to_string().as_str().into(),
            lang.into(),
            at.as_str().into(),
        ],
    });
    db.batch(transitions::prepare_all(db, &statements)?).await?;
    Ok(())
}
