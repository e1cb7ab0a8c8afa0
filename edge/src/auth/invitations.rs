//! Inviting someone: a one-time link to an address, for a role in a network (by its
//! coordinators, or an administrator) or to administer the site (administrators), sent by
//! email in the invitee's language. The link, its message and the audit entry are written in
//! one batch, each guarded by the inviter's rights over the network and the invitee not
//! being a member yet; inviting an address again replaces its open invitation.

use relais_domain::account::joining::{
    validate_administrator_invitation, validate_invitation, AdministratorInvitation,
    AdministratorInvitationRequest, Invitation, InvitationRequest, LinkPurpose, PendingInvitation,
};
use relais_domain::account::Action;
use relais_domain::problem::ProblemKind;
use serde::Deserialize;
use wasm_bindgen::JsValue;
use worker::{Context, Env, Request, Response};

use super::links::{message_key, OneTimeLink};
use super::members::{manages, pending_invitation, rows, INVITATION_COLUMNS, MEMBER_ACTIONS};
use super::{read_json, require, require_any, Staff};
use crate::catalog::{now, stamp};
use crate::http::{private_json, ApiError, Caller};
use crate::outbox;
use crate::rate_limit::{self, Limit};
use crate::registration::create::public_origin;
use crate::rows::{instant, Count};

/// Invitations per inviter and hour: a team brought in at once, not a mailing.
const PER_INVITER_PER_HOUR: u32 = 50;
const HOUR: i64 = 3600;

#[derive(Deserialize)]
struct Queued {
    id: u32,
}

/// Counts the invitation against its inviter's allowance (429 beyond it).
async fn count_invitation(env: &Env, staff: &Staff) -> Result<(), ApiError> {
    let limit = Limit {
        key: format!("invite:{}", staff.account_id),
        limit: PER_INVITER_PER_HOUR,
        window_seconds: HOUR,
    };
    rate_limit::count_all(&env.d1("DB")?, &[limit]).await?;
    Ok(())
}

/// `POST /api/networks/{network}/invitations` {email, role, partner, lang}: 201 with the pending
/// invitation. Another network's id is not found (404); an address already a member is a
/// conflict (409).
pub async fn invite(
    req: &Request,
    env: &Env,
    ctx: &Context,
    caller: &Caller,
    network_id: &str,
) -> Result<Response, ApiError> {
    let staff = require_any(req, env, &MEMBER_ACTIONS, true).await?;
    let request: InvitationRequest = read_json(req).await?;
    let invitation = validate_invitation(&request, caller.lang)
        .map_err(|refused| ApiError::Fields(ProblemKind::InvalidBody, refused))?;
    count_invitation(env, &staff).await?;
    let link = OneTimeLink::new(
        &public_origin(env, req)?,
        invitation.lang,
        LinkPurpose::Invitation,
    )
    .await?;
    let db = env.d1("DB")?;
    let at = now();
    let role = invitation.role.map(|r| r.as_str()).unwrap_or_default();
    if let Some(partner) = &invitation.partner {
        partner_of_network(&db, partner, network_id).await?;
    }
    let partner = invitation
        .partner
        .as_deref()
        .map_or(JsValue::NULL, JsValue::from);
    // ?1 network, ?2 inviter, ?3 email, ?4 role, ?5 now, ?6 expiry, ?7 the link's digest,
    // ?8 the partner a partner's role is for.
    let params: [JsValue; 8] = [
        network_id.into(),
        staff.account_id.as_str().into(),
        invitation.email.as_str().into(),
        role.into(),
        stamp(at),
        stamp(at + LinkPurpose::Invitation.lifetime()),
        link.token_hash.as_str().into(),
        partner,
    ];
    let allowed = format!(
        "{} AND NOT EXISTS (SELECT 1 FROM membership m JOIN account a ON a.id = m.account_id \
           WHERE m.network_id = n.id AND a.email = ?3)",
        manages("n.id", "?2")
    );
    let results = db
        .batch(vec![
            // Inviting again: the open invitation of this address to this network ends.
            db.prepare(format!(
                "UPDATE account_link SET expires_at = ?5 WHERE purpose = 'invitation' \
                   AND email = ?3 AND network_id = ?1 AND used_at IS NULL AND expires_at > ?5 \
                   AND EXISTS (SELECT 1 FROM network n WHERE n.id = ?1 AND {allowed})"
            ))
            .bind(&params[..5])?,
            db.prepare(format!(
                "INSERT INTO account_link (token_hash, purpose, email, network_id, role, \
                   partner_id, administrator, created_by, created_at, expires_at) \
                 SELECT ?7, 'invitation', ?3, n.id, ?4, ?8, 0, ?2, ?5, ?6 FROM network n \
                 WHERE n.id = ?1 AND {allowed} \
                   AND (?8 IS NULL OR EXISTS (SELECT 1 FROM partner p WHERE p.id = ?8 AND p.network_id = n.id))"
            ))
            .bind(&params)?,
            queue_message(&db, &invitation, &link, at)?,
            db.prepare(
                "INSERT INTO audit (network_id, account_id, at, entity, entity_id, action, changes) \
                 SELECT ?1, ?2, ?5, 'invitation', ?3, 'invited', \
                   json_object('email', ?3, 'role', ?4, 'expires_at', ?6) \
                 WHERE EXISTS (SELECT 1 FROM account_link WHERE token_hash = ?7)",
            )
            .bind(&params[..7])?,
            db.prepare(format!(
                "SELECT {INVITATION_COLUMNS} FROM account_link l \
                 LEFT JOIN account inviter ON inviter.id = l.created_by WHERE l.token_hash = ?1"
            ))
            .bind(&[link.token_hash.as_str().into()])?,
        ])
        .await?;
    let Some(pending) = pending_invitation(&results, 4)? else {
        return Err(why_not_invited(env, network_id, &staff).await?);
    };
    send_queued(env, ctx, &results, 2)?;
    Ok(private_json::<PendingInvitation>(&pending)?.with_status(201))
}

/// A partner's role is offered for one of the network's own partners only; another's, or
/// one that does not exist, is refused by name (the network itself is checked as it writes).
async fn partner_of_network(
    db: &worker::D1Database,
    partner: &str,
    network_id: &str,
) -> Result<(), ApiError> {
    let found: Option<Count> = db
        .prepare("SELECT count(*) AS count FROM partner WHERE id = ?1 AND network_id = ?2")
        .bind(&[partner.into(), network_id.into()])?
        .first(None)
        .await?;
    if found.is_some_and(|c| c.count > 0) {
        Ok(())
    } else {
        Err(ApiError::Fields(
            ProblemKind::InvalidBody,
            vec![("partner".into(), "unknown-partner-of-network")],
        ))
    }
}

/// The message of an invitation whose link (its digest) was just written in the batch.
fn queue_message(
    db: &worker::D1Database,
    invitation: &Invitation,
    link: &OneTimeLink,
    at: chrono::DateTime<chrono::Utc>,
) -> Result<worker::D1PreparedStatement, ApiError> {
    Ok(db
        .prepare(
            "INSERT INTO outbox (kind, dedupe, recipient, lang, manage_url, created_at) \
             SELECT 'invitation', ?1, ?2, ?3, ?4, ?5 \
             WHERE EXISTS (SELECT 1 FROM account_link WHERE token_hash = ?6) RETURNING id",
        )
        .bind(&[
            message_key(&link.token_hash).as_str().into(),
            invitation.email.as_str().into(),
            invitation.lang.code().into(),
            link.url.as_str().into(),
            stamp(at),
            link.token_hash.as_str().into(),
        ])?)
}

/// Sends the message statement `i` queued, once the answer is on its way.
fn send_queued(
    env: &Env,
    ctx: &Context,
    results: &[worker::D1Result],
    i: usize,
) -> Result<(), ApiError> {
    if let Some(queued) = rows::<Queued>(results, i)?.into_iter().next() {
        outbox::send_soon(env, ctx, outbox::Only::Message(queued.id));
    }
    Ok(())
}

#[derive(Deserialize)]
struct Reach {
    reaches: u32,
}

/// An invitation not written: a network the inviter does not reach (or none) is not found;
/// one they reach already has the address as a member.
async fn why_not_invited(env: &Env, network_id: &str, staff: &Staff) -> Result<ApiError, ApiError> {
    let reach: Option<Reach> = env
        .d1("DB")?
        .prepare(format!(
            "SELECT {} AS reaches FROM network n WHERE n.id = ?1",
            manages("n.id", "?2")
        ))
        .bind(&[network_id.into(), staff.account_id.as_str().into()])?
        .first(None)
        .await?;
    Ok(match reach {
        Some(Reach { reaches: 1 }) => {
            ApiError::Detailed(ProblemKind::Conflict, "conflict-already-member")
        }
        _ => ApiError::Problem(ProblemKind::NotFound, vec![]),
    })
}

#[derive(Deserialize)]
struct AdministratorInvitationRow {
    email: String,
    invited_at: String,
    expires_at: String,
}

/// `POST /api/admin/invitations` {email, administrator: true, lang}: 201. An address that
/// already administers the site is a conflict (409). The site's invitations have no network,
/// so no network's audit.
pub async fn invite_administrator(
    req: &Request,
    env: &Env,
    ctx: &Context,
    caller: &Caller,
) -> Result<Response, ApiError> {
    let staff = require(req, env, Action::ManageNetworks, true).await?;
    let request: AdministratorInvitationRequest = read_json(req).await?;
    let invitation = validate_administrator_invitation(&request, caller.lang)
        .map_err(|refused| ApiError::Fields(ProblemKind::InvalidBody, refused))?;
    count_invitation(env, &staff).await?;
    let link = OneTimeLink::new(
        &public_origin(env, req)?,
        invitation.lang,
        LinkPurpose::Invitation,
    )
    .await?;
    let db = env.d1("DB")?;
    let at = now();
    // ?1 inviter, ?2 email, ?3 now, ?4 expiry, ?5 the link's digest.
    let params: [JsValue; 5] = [
        staff.account_id.as_str().into(),
        invitation.email.as_str().into(),
        stamp(at),
        stamp(at + LinkPurpose::Invitation.lifetime()),
        link.token_hash.as_str().into(),
    ];
    let not_yet = "NOT EXISTS (SELECT 1 FROM account WHERE email = ?2 AND administrator = 1)";
    let results = db
        .batch(vec![
            db.prepare(format!(
                "UPDATE account_link SET expires_at = ?3 WHERE purpose = 'invitation' \
                   AND administrator = 1 AND email = ?2 AND used_at IS NULL AND expires_at > ?3 \
                   AND {not_yet}"
            ))
            .bind(&params[..3])?,
            db.prepare(format!(
                "INSERT INTO account_link (token_hash, purpose, email, network_id, role, \
                   administrator, created_by, created_at, expires_at) \
                 SELECT ?5, 'invitation', ?2, NULL, NULL, 1, ?1, ?3, ?4 WHERE {not_yet}"
            ))
            .bind(&params)?,
            queue_message(&db, &invitation, &link, at)?,
            db.prepare(
                "SELECT email, created_at AS invited_at, expires_at FROM account_link \
                 WHERE token_hash = ?1",
            )
            .bind(&[link.token_hash.as_str().into()])?,
        ])
        .await?;
    let Some(written) = rows::<AdministratorInvitationRow>(&results, 3)?
        .into_iter()
        .next()
    else {
        return Err(ApiError::Detailed(
            ProblemKind::Conflict,
            "conflict-already-administrator",
        ));
    };
    send_queued(env, ctx, &results, 2)?;
    let answer = AdministratorInvitation {
        email: written.email,
        invited_at: instant(&written.invited_at)?,
        expires_at: instant(&written.expires_at)?,
    };
    Ok(private_json(&answer)?.with_status(201))
}
