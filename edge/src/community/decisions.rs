//! The coordinators' side of a community: its applications
//! (`GET /api/dashboard/networks/{id}/community`) and a decision on one
//! (`POST /api/dashboard/community-members/{id}/decision`), each scoped to the networks the
//! account decides for (`scope::network`) inside its statements. A decision is the domain's
//! transition (`community::Decision::apply`) as a guarded update; its message (with a new
//! link for a new member) and its audit entry are written in the same batch, only if it
//! applied.

use relais_domain::account::Action;
use relais_domain::community::{
    ApplicationRow, Applications, CommunityMessage, Decision, DecisionRequest, OnBehalf, Standing,
};
use relais_domain::problem::ProblemKind;
use relais_domain::{Lang, Localized};
use serde::Deserialize;
use wasm_bindgen::JsValue;
use worker::{Context, Env, Request, Response};

use super::page_address;
use crate::auth::{read_json, require};
use crate::catalog::{now, stamp};
use crate::http::{self, ApiError, Caller};
use crate::outbox;
use crate::registration::create::public_origin;
use crate::rows::instant;
use crate::scope;

const COLUMNS: &str =
    "cm.id, cm.name, cm.email, cm.lang, cm.zone, cm.region, cm.languages, cm.standing, \
  cm.on_behalf, cm.organisation, cm.criteria, cm.answers, cm.created_at, cm.decided_at";

#[derive(Deserialize)]
struct Row {
    id: String,
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
    answers: String,
    created_at: String,
    decided_at: Option<String>,
}

impl Row {
    fn application(self) -> Result<ApplicationRow, ApiError> {
        Ok(ApplicationRow {
            id: self.id,
            name: self.name,
            email: self.email,
            lang: Lang::parse(&self.lang).unwrap_or_else(Lang::default_lang),
            zone: self.zone,
            region: Some(self.region).filter(|r| !r.is_empty()),
            languages: serde_json::from_str(&self.languages)?,
            standing: self.standing,
            on_behalf: self.on_behalf,
            organisation: Some(self.organisation).filter(|o| !o.is_empty()),
            criteria: serde_json::from_str(&self.criteria)?,
            answers: serde_json::from_str(&self.answers)?,
            applied_at: instant(&self.created_at)?,
            decided_at: self.decided_at.as_deref().map(instant).transpose()?,
        })
    }
}

#[derive(Deserialize)]
struct CriteriaRow {
    criteria: String,
}

pub async fn list(
    req: &Request,
    env: &Env,
    caller: &Caller,
    network_id: &str,
) -> Result<Response, ApiError> {
    let staff = require(req, env, Action::DecideMembership, false).await?;
    let db = env.d1("DB")?;
    let reaches = scope::network("?1", "?2", Action::DecideMembership);
    let binds: [JsValue; 2] = [network_id.into(), staff.account_id.as_str().into()];
    let results = db
        .batch(vec![
            db.prepare(format!(
                "SELECT c.criteria FROM community c WHERE c.network_id = ?1 AND {reaches}"
            ))
            .bind(&binds)?,
            // Waiting ones first, then members, then those declined; oldest first in each.
            db.prepare(format!(
                "SELECT {COLUMNS} FROM community_member cm WHERE cm.network_id = ?1 AND {reaches} \
                 ORDER BY CASE cm.standing WHEN 'applied' THEN 0 WHEN 'member' THEN 1 ELSE 2 END, \
                   cm.created_at, cm.id"
            ))
            .bind(&binds)?,
        ])
        .await?;
    let [community, members] = results.as_slice() else {
        return Err(ApiError::Internal("batch results".into()));
    };
    let Some(community) = community.results::<CriteriaRow>()?.into_iter().next() else {
        return Err(ApiError::Problem(ProblemKind::NotFound, vec![]));
    };
    let criteria: Vec<Localized> = serde_json::from_str(&community.criteria)?;
    let answer = Applications {
        network_id: network_id.to_owned(),
        criteria: criteria
            .iter()
            .filter_map(|c| c.resolve(caller.lang).map(|t| t.text))
            .collect(),
        items: members
            .results::<Row>()?
            .into_iter()
            .map(Row::application)
            .collect::<Result<_, _>>()?,
    };
    http::private_json(&answer)
}

#[derive(Deserialize)]
struct Queued {
    id: u32,
}

pub async fn decide(
    req: &Request,
    env: &Env,
    ctx: &Context,
    member_id: &str,
) -> Result<Response, ApiError> {
    let staff = require(req, env, Action::DecideMembership, true).await?;
    let request: DecisionRequest = read_json(req).await?;
    let decision = request.decision;
    let Some(to) = [Standing::Applied, Standing::Member]
        .into_iter()
        .find_map(|from| decision.apply(from))
    else {
        return Err(ApiError::Internal("a decision leads nowhere".into()));
    };
    let from: Vec<String> = decision
        .from()
        .iter()
        .map(|s| format!("'{}'", s.as_str()))
        .collect();
    let link = crate::crypto::PrivateToken::new().await?;
    let db = env.d1("DB")?;
    let at = stamp(now());
    let reaches = scope::network("cm.network_id", "?2", Action::DecideMembership);
    // The row this very decision changed, marked with its own id (?10): the batch's later
    // statements happen only if it applied, once however fast a second one follows.
    let decided = "cm.id = ?1 AND cm.decision_id = ?10";
    let decision_id = crate::crypto::random_hex(8)?;
    let message = CommunityMessage::of(decision);
    let with_link = if decision == Decision::Accept {
        page_address("cm", "?5", "?6")
    } else {
        "NULL".to_owned()
    };
    // ?1 member, ?2 account, ?3 now, ?4 standing after, ?5 origin, ?6 token, ?7 digest,
    // ?8 message kind, ?9 the decision, ?10 this decision's mark.
    let binds: [JsValue; 10] = [
        member_id.into(),
        staff.account_id.as_str().into(),
        at,
        to.as_str().into(),
        public_origin(env, req)?.as_str().into(),
        link.token.as_str().into(),
        link.token_hash.as_str().into(),
        message.as_str().into(),
        match decision {
            Decision::Accept => "accepted",
            Decision::Decline => "declined",
        }
        .into(),
        decision_id.as_str().into(),
    ];
    let results = db
        .batch(vec![
            db.prepare(format!(
                "UPDATE community_member AS cm SET standing = ?4, decided_at = ?3, decided_by = ?2, \
                   decision_id = ?10 WHERE cm.id = ?1 AND cm.standing IN ({}) AND {reaches}",
                from.join(", ")
            ))
            .bind(&binds)?,
            db.prepare(format!(
                "INSERT INTO community_token (token_hash, member_id, created_at) \
                 SELECT ?7, cm.id, ?3 FROM community_member cm WHERE {decided} AND ?8 = '{}'",
                CommunityMessage::Accepted.as_str()
            ))
            .bind(&binds)?,
            db.prepare(format!(
                "INSERT INTO outbox (kind, member_id, recipient, lang, manage_url, created_at) \
                 SELECT ?8, cm.id, cm.email, cm.lang, {with_link}, ?3 FROM community_member cm \
                 WHERE {decided} RETURNING id"
            ))
            .bind(&binds)?,
            db.prepare(format!(
                "INSERT INTO audit (network_id, account_id, at, entity, entity_id, action, changes) \
                 SELECT cm.network_id, ?2, ?3, 'community_member', cm.id, ?9, \
                   json_object('standing', ?4) FROM community_member cm WHERE {decided}"
            ))
            .bind(&binds)?,
            db.prepare(format!(
                "SELECT {COLUMNS} FROM community_member cm WHERE cm.id = ?1 AND {reaches}"
            ))
            .bind(&binds[..2])?,
        ])
        .await?;
    let queued = results[2].results::<Queued>()?.into_iter().next();
    let row = results[4].results::<Row>()?.into_iter().next();
    match (queued, row) {
        (Some(queued), Some(row)) => {
            outbox::send_soon(env, ctx, outbox::Only::Message(queued.id));
            http::private_json(&row.application()?)
        }
        // Theirs, but its standing does not allow this decision (decided meanwhile).
        (None, Some(_)) => Err(ApiError::Detailed(
            ProblemKind::Conflict,
            "conflict-membership-decided",
        )),
        // Unknown, or of a network the account does not decide for: not found alike.
        _ => Err(ApiError::Problem(ProblemKind::NotFound, vec![])),
    }
}
