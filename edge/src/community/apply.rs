//! The application form of a network's community (`GET /api/networks/{id}/community`) and
//! applying (`POST …/community/applications`). Whoever the address belongs to, the answer is
//! the same 202 and the private link goes by email: a new address is recorded as an
//! application; one that already applied is sent a new link (its application is not
//! recorded twice, nor changed by a stranger).

use relais_domain::community::{
    self, Application, ApplicationReceived, CommunityForm, CommunityMessage,
};
use relais_domain::problem::ProblemKind;
use relais_domain::registration::FormQuestion;
use serde::Deserialize;
use wasm_bindgen::JsValue;
use worker::{Context, Env, Request, Response};

use super::{open_community, page_address};
use crate::auth::read_json;
use crate::catalog::{now, stamp};
use crate::crypto;
use crate::http::{self, ApiError, Caller};
use crate::outbox;
use crate::rate_limit::{self, Limit};
use crate::registration::create::{known_zone, public_origin};

/// Applications per client address and minute, and per address and hour: a person, not a
/// mailing.
const PER_CLIENT_PER_MINUTE: u32 = 10;
const PER_EMAIL_PER_HOUR: u32 = 5;

/// `GET /api/networks/{id}/community`: the form, in the reader's language.
pub async fn form(env: &Env, caller: &Caller, network_id: &str) -> Result<Response, ApiError> {
    let db = env.d1("DB")?;
    let row = open_community(&db, network_id).await?;
    let community = row.community()?;
    let answer = CommunityForm {
        network_id: network_id.to_owned(),
        network_name: row.network_name,
        rule: community.rule,
        criteria: community::criteria_in(&community, caller.lang),
        on_behalf: community.on_behalf.clone(),
        questions: community
            .questions
            .iter()
            .filter_map(|q| FormQuestion::new(q, caller.lang))
            .collect(),
    };
    http::json(&answer, 300)
}

#[derive(Deserialize)]
struct Queued {
    id: u32,
}

/// `POST /api/networks/{id}/community/applications`: counted, read, checked against the
/// community's rules, then recorded with its link and message in one batch.
pub async fn apply(
    req: &Request,
    env: &Env,
    ctx: &Context,
    network_id: &str,
) -> Result<Response, ApiError> {
    let db = env.d1("DB")?;
    rate_limit::count_client(&db, req, "community", PER_CLIENT_PER_MINUTE).await?;
    let application: Application = read_json(req).await?;
    let community = open_community(&db, network_id).await?.community()?;
    let received = ApplicationReceived {
        network_id: network_id.to_owned(),
        status: "link_sent".to_owned(),
    };
    if application.is_robot() {
        // Told the same as anyone, and nothing is stored.
        return Ok(http::private_json(&received)?.with_status(202));
    }
    let applicant = community::validate(application, &community, known_zone)
        .map_err(|refused| ApiError::Fields(ProblemKind::InvalidBody, refused))?;
    let limit = Limit::per_email("community", &applicant.person.email, PER_EMAIL_PER_HOUR);
    rate_limit::count_all(&db, &[limit]).await?;
    let link = crypto::PrivateToken::new().await?;
    let member_id = crypto::random_hex(12)?;
    let person = &applicant.person;
    let at = stamp(now());
    let origin = public_origin(env, req)?;
    // ?1 network, ?2 email, ?3 the new member's id, ?4 now, ?5 the link's digest.
    let key: [JsValue; 5] = [
        network_id.into(),
        person.email.as_str().into(),
        member_id.as_str().into(),
        at.clone(),
        link.token_hash.as_str().into(),
    ];
    let results = db
        .batch(vec![
            db.prepare(
                "INSERT INTO community_member (id, network_id, standing, name, email, lang, zone, \
                   region, languages, on_behalf, organisation, criteria, answers, consented_at, \
                   created_at) \
                 VALUES (?3, ?1, 'applied', ?6, ?2, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?4, ?4) \
                 ON CONFLICT (network_id, email) DO NOTHING",
            )
            .bind(&[
                key[0].clone(),
                key[1].clone(),
                key[2].clone(),
                key[3].clone(),
                key[4].clone(),
                person.name.as_str().into(),
                person.lang.code().into(),
                person.zone.as_str().into(),
                person.region.as_str().into(),
                serde_json::to_string(&applicant.languages)?.into(),
                applicant.on_behalf.as_str().into(),
                person.organisation.as_str().into(),
                serde_json::to_string(&applicant.criteria)?.into(),
                serde_json::to_string(&person.answers)?.into(),
            ])?,
            // The link goes to whoever holds the address: the new application, or the one
            // it already had.
            db.prepare(
                "INSERT INTO community_token (token_hash, member_id, created_at) \
                 SELECT ?5, id, ?4 FROM community_member WHERE network_id = ?1 AND email = ?2",
            )
            .bind(&key)?,
            db.prepare(format!(
                "INSERT INTO outbox (kind, member_id, recipient, lang, manage_url, created_at) \
                 SELECT CASE WHEN m.id = ?3 THEN ?6 ELSE ?7 END, m.id, m.email, m.lang, {}, ?4 \
                 FROM community_member m WHERE m.network_id = ?1 AND m.email = ?2 RETURNING id",
                page_address("m", "?8", "?9")
            ))
            .bind(&[
                key[0].clone(),
                key[1].clone(),
                key[2].clone(),
                key[3].clone(),
                key[4].clone(),
                CommunityMessage::Applied.as_str().into(),
                CommunityMessage::LinkSent.as_str().into(),
                origin.as_str().into(),
                link.token.as_str().into(),
            ])?,
        ])
        .await?;
    let queued = results
        .get(2)
        .map(|r| r.results::<Queued>())
        .transpose()?
        .and_then(|q| q.into_iter().next())
        .ok_or_else(|| ApiError::Internal("the application's message was not queued".into()))?;
    outbox::send_soon(env, ctx, outbox::Only::Message(queued.id));
    Ok(http::private_json(&received)?.with_status(202))
}
