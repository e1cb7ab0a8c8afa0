//! `POST /api/follows`: asking to be told when an offering's dates are announced, or to hear
//! a network's new dates. Whoever the address belongs to, the answer is the same 202; a link
//! to confirm goes by email, and nothing is sent before it is used. An address already
//! following that purpose and confirmed is sent nothing more.

use relais_domain::news::{self, FollowReceived, FollowRequest, NewsMessage, Purpose};
use relais_domain::problem::ProblemKind;
use serde::Deserialize;
use wasm_bindgen::JsValue;
use worker::{Context, Env, Request, Response};

use crate::auth::read_json;
use crate::catalog::{now, stamp, visible};
use crate::crypto;
use crate::http::{self, ApiError};
use crate::outbox;
use crate::rate_limit::{self, Limit};
use crate::registration::create::{known_zone, public_origin};

/// Requests per client address and minute, and per address and hour.
const PER_CLIENT_PER_MINUTE: u32 = 10;
const PER_EMAIL_PER_HOUR: u32 = 5;

#[derive(Deserialize)]
struct Queued {
    id: u32,
}

pub async fn follow(req: &Request, env: &Env, ctx: &Context) -> Result<Response, ApiError> {
    let db = env.d1("DB")?;
    rate_limit::count_client(&db, req, "follow", PER_CLIENT_PER_MINUTE).await?;
    let request: FollowRequest = read_json(req).await?;
    let received = FollowReceived {
        status: "link_sent".to_owned(),
    };
    if request.is_robot() {
        // Told the same as anyone, and nothing is stored.
        return Ok(http::private_json(&received)?.with_status(202));
    }
    let follow = news::validate(request, known_zone)
        .map_err(|refused| ApiError::Fields(ProblemKind::InvalidBody, refused))?;
    let (offering, network) = match follow.purpose {
        Purpose::OfferingDates => (follow.subject.as_str(), ""),
        Purpose::NetworkNews => ("", follow.subject.as_str()),
    };
    // What is followed must be public: a draft is not found, as an unknown one.
    let exists = format!(
        "SELECT 1 AS found WHERE EXISTS (SELECT 1 FROM offering o WHERE o.id = ?1 AND {}) \
           OR EXISTS (SELECT 1 FROM network n WHERE n.id = ?2)",
        visible::published("o")
    );
    let found: Option<serde_json::Value> = db
        .prepare(&exists)
        .bind(&[offering.into(), network.into()])?
        .first(None)
        .await?;
    if found.is_none() {
        return Err(ApiError::Problem(ProblemKind::NotFound, vec![]));
    }
    rate_limit::count_all(
        &db,
        &[Limit::per_email(
            "follow",
            &follow.email,
            PER_EMAIL_PER_HOUR,
        )],
    )
    .await?;
    let crypto::PrivateToken { token, token_hash } = crypto::PrivateToken::new().await?;
    let at = stamp(now());
    // ?1 email, ?2 purpose, ?3 offering, ?4 network, ?5 now, ?6 digest, ?7 id, ?8 lang,
    // ?9 zone, ?10 origin, ?11 token.
    let binds: [JsValue; 11] = [
        follow.email.as_str().into(),
        follow.purpose.as_str().into(),
        offering.into(),
        network.into(),
        at,
        token_hash.as_str().into(),
        crypto::random_hex(12)?.into(),
        follow.lang.code().into(),
        follow.zone.as_str().into(),
        public_origin(env, req)?.into(),
        token.as_str().into(),
    ];
    let same = "f.email = ?1 AND f.purpose = ?2 AND coalesce(f.offering_id, '') = ?3 \
                AND coalesce(f.network_id, '') = ?4";
    let results = db
        .batch(vec![
            db.prepare(
                "INSERT INTO follow (id, email, lang, zone, purpose, offering_id, network_id, \
                   consented_at) \
                 VALUES (?7, ?1, ?8, ?9, ?2, nullif(?3, ''), nullif(?4, ''), ?5) \
                 ON CONFLICT DO NOTHING",
            )
            .bind(&binds[..9])?,
            // A link for whoever holds the address, while it waits for confirmation.
            db.prepare(format!(
                "INSERT INTO follow_token (token_hash, follow_id, created_at) \
                 SELECT ?6, f.id, ?5 FROM follow f WHERE {same} AND f.confirmed_at IS NULL"
            ))
            .bind(&binds[..6])?,
            db.prepare(format!(
                "INSERT INTO outbox (kind, follow_id, recipient, lang, manage_url, created_at) \
                 SELECT '{}', f.id, f.email, f.lang, \
                   ?10 || '/' || f.lang || '/follow/' || ?11, ?5 \
                 FROM follow f WHERE {same} AND f.confirmed_at IS NULL RETURNING id",
                NewsMessage::Confirm.as_str()
            ))
            .bind(&binds)?,
        ])
        .await?;
    if let Some(queued) = results
        .get(2)
        .map(|r| r.results::<Queued>())
        .transpose()?
        .and_then(|q| q.into_iter().next())
    {
        outbox::send_soon(env, ctx, outbox::Only::Message(queued.id));
    }
    Ok(http::private_json(&received)?.with_status(202))
}
