//! A network's members: who they are, with their role and pending invitations, a new role,
//! and removing someone or leaving. Every statement carries its own rights (`manages`:
//! the network's coordinators, or an administrator of the site; or one's own membership
//! for leaving) and the rule that keeps a network coordinated (`keeps_a_coordinator`, the
//! SQL twin of `joining::keeps_a_coordinator`, held to it on real SQLite in `tests`), so a
//! change the rules refuse changes nothing, whatever runs at the same time. Each change
//! writes its audit entry in its own batch.

use relais_domain::account::joining::{
    self, validate_role_change, Member, NetworkMembers, PendingInvitation, RoleChange,
};
use relais_domain::account::{Action, Role};
use relais_domain::coaching::organisation::PartnerChoice;
use relais_domain::problem::ProblemKind;
use serde::Deserialize;
use worker::{D1Result, Env, Request, Response};

use super::{read_json, require_any, signed_in, Staff};
use crate::catalog::{now, stamp};
use crate::http::{private_json, ApiError};
use crate::rows::instant;
use crate::scope;

/// The actions that open a network's members: its coordinators' (`ManageMembers`), and
/// administrators' (`ManageNetworks`) for every network.
pub const MEMBER_ACTIONS: [Action; 2] = [Action::ManageMembers, Action::ManageNetworks];

/// The account bound at `account` manages the members of the network whose id is the SQL
/// expression `network_id`: an administrator of the site, or a role that reaches
/// `ManageMembers` across that network.
pub fn manages(network_id: &str, account: &str) -> String {
    format!(
        "({} OR {})",
        is_administrator(account),
        scope::network(network_id, account, Action::ManageMembers)
    )
}

/// The account bound at `account` administers the site.
pub fn is_administrator(account: &str) -> String {
    format!("EXISTS (SELECT 1 FROM account adm WHERE adm.id = {account} AND adm.administrator = 1)")
}

/// A membership row aliased `m` may take the role bound at `new_role` (NULL: it ends) when
/// the account at `account` acts: `joining::keeps_a_coordinator`, counting the network's
/// coordinators inside the statement that changes it.
fn keeps_a_coordinator(m: &str, new_role: &str, account: &str) -> String {
    let coordinator = Role::Coordinator.as_str();
    format!(
        "({admin} OR {m}.role != '{coordinator}' OR {new_role} IS '{coordinator}' \
           OR (SELECT count(*) FROM membership kc WHERE kc.network_id = {m}.network_id \
                 AND kc.role = '{coordinator}') > 1)",
        admin = is_administrator(account)
    )
}

/// A role change as statements, `?1` network, `?2` member, `?3` acting account, `?4` the
/// new role, `?5` now: the audit entry (reading the role before), then the change.
pub fn role_change_statements() -> [String; 2] {
    let allowed = format!(
        "m.network_id = ?1 AND m.account_id = ?2 AND {} AND {}",
        manages("?1", "?3"),
        keeps_a_coordinator("m", "?4", "?3")
    );
    [
        format!(
            "INSERT INTO audit (network_id, account_id, at, entity, entity_id, action, changes) \
             SELECT m.network_id, ?3, ?5, 'membership', m.account_id, 'role_changed', \
               json_object('role', json_object('before', m.role, 'after', ?4)) \
             FROM membership m WHERE {allowed} AND m.role != ?4"
        ),
        // The new role is never a partner's (`validate_role_change`): no partner is named.
        format!("UPDATE membership AS m SET role = ?4, partner_id = NULL WHERE {allowed}"),
    ]
}

/// A membership ending as statements, `?1` network, `?2` member, `?3` acting account (the
/// member themselves: leaving), `?4` now: the audit entry, then the removal.
pub fn removal_statements() -> [String; 2] {
    let allowed = format!(
        "m.network_id = ?1 AND m.account_id = ?2 AND (m.account_id = ?3 OR {}) AND {}",
        manages("?1", "?3"),
        keeps_a_coordinator("m", "NULL", "?3")
    );
    [
        format!(
            "INSERT INTO audit (network_id, account_id, at, entity, entity_id, action, changes) \
             SELECT m.network_id, ?3, ?4, 'membership', m.account_id, \
               CASE WHEN m.account_id = ?3 THEN 'left' ELSE 'removed' END, \
               json_object('role', json_object('before', m.role, 'after', NULL)) \
             FROM membership m WHERE {allowed}"
        ),
        format!("DELETE FROM membership AS m WHERE {allowed}"),
    ]
}

/// How many rows statement `i` of a batch changed.
pub(crate) fn changed(results: &[D1Result], i: usize) -> usize {
    results
        .get(i)
        .and_then(|r| r.meta().ok().flatten())
        .and_then(|m| m.changes)
        .unwrap_or(0)
}

/// The rows statement `i` of a batch read.
pub(crate) fn rows<T: for<'de> Deserialize<'de>>(
    results: &[D1Result],
    i: usize,
) -> Result<Vec<T>, ApiError> {
    match results.get(i) {
        Some(result) => Ok(result.results()?),
        None => Err(ApiError::Internal(format!("no result {i} in the batch"))),
    }
}

#[derive(Deserialize)]
struct NetworkRow {
    id: String,
    name: String,
}

#[derive(Deserialize)]
struct MemberRow {
    account_id: String,
    name: String,
    email: String,
    role: String,
    partner: Option<String>,
    joined_at: String,
    disabled: u32,
}

impl MemberRow {
    fn member(self) -> Result<Member, ApiError> {
        Ok(Member {
            role: Role::parse(&self.role)
                .ok_or_else(|| ApiError::Internal(format!("role {}", self.role)))?,
            joined_at: instant(&self.joined_at)?,
            disabled: self.disabled == 1,
            partner: self.partner,
            account_id: self.account_id,
            name: self.name,
            email: self.email,
        })
    }
}

const MEMBER_COLUMNS: &str = "a.id AS account_id, a.name, a.email, m.role, \
     (SELECT p.name FROM partner p WHERE p.id = m.partner_id) AS partner, \
     m.created_at AS joined_at, a.disabled_at IS NOT NULL AS disabled";

#[derive(Deserialize)]
struct InvitationRow {
    email: String,
    role: String,
    partner: Option<String>,
    invited_at: String,
    expires_at: String,
    invited_by: Option<String>,
}

impl InvitationRow {
    fn pending(self) -> Result<PendingInvitation, ApiError> {
        Ok(PendingInvitation {
            role: Role::parse(&self.role)
                .ok_or_else(|| ApiError::Internal(format!("role {}", self.role)))?,
            invited_at: instant(&self.invited_at)?,
            expires_at: instant(&self.expires_at)?,
            email: self.email,
            partner: self.partner,
            invited_by: self.invited_by,
        })
    }
}

/// Columns of an invitation `l` as `InvitationRow` reads them, its inviter joined as `inviter`.
pub(super) const INVITATION_COLUMNS: &str = "l.email, l.role, \
     (SELECT p.name FROM partner p WHERE p.id = l.partner_id) AS partner, l.created_at AS invited_at, \
     l.expires_at, inviter.name AS invited_by";

/// An invitation row, read from a batch's statement `i`.
pub(super) fn pending_invitation(
    results: &[D1Result],
    i: usize,
) -> Result<Option<PendingInvitation>, ApiError> {
    rows::<InvitationRow>(results, i)?
        .into_iter()
        .next()
        .map(InvitationRow::pending)
        .transpose()
}

/// `GET /api/networks/{network}/members`: the members, coordinators first, and the
/// invitations still open, soonest to expire first. Another network's id is not found.
pub async fn list(req: &Request, env: &Env, network_id: &str) -> Result<Response, ApiError> {
    let staff = require_any(req, env, &MEMBER_ACTIONS, false).await?;
    let db = env.d1("DB")?;
    let params = [
        network_id.into(),
        staff.account_id.as_str().into(),
        stamp(now()),
    ];
    let manages = manages("n.id", "?2");
    let results = db
        .batch(vec![
            db.prepare(format!(
                "SELECT n.id, n.name FROM network n WHERE n.id = ?1 AND {manages}"
            ))
            .bind(&params[..2])?,
            db.prepare(format!(
                "SELECT {MEMBER_COLUMNS} FROM network n JOIN membership m ON m.network_id = n.id \
                 JOIN account a ON a.id = m.account_id WHERE n.id = ?1 AND {manages} \
                 ORDER BY m.role != '{}', a.name, a.id",
                Role::Coordinator.as_str()
            ))
            .bind(&params[..2])?,
            db.prepare(format!(
                "SELECT {INVITATION_COLUMNS} FROM network n \
                 JOIN account_link l ON l.network_id = n.id AND l.purpose = 'invitation' \
                 LEFT JOIN account inviter ON inviter.id = l.created_by \
                 WHERE n.id = ?1 AND {manages} AND l.used_at IS NULL AND l.expires_at > ?3 \
                 ORDER BY l.expires_at, l.email"
            ))
            .bind(&params)?,
            db.prepare(format!(
                "SELECT p.id, p.name FROM network n JOIN partner p ON p.network_id = n.id \
                 WHERE n.id = ?1 AND {manages} AND p.state != 'archived' ORDER BY p.name, p.id"
            ))
            .bind(&params[..2])?,
        ])
        .await?;
    let Some(network) = rows::<NetworkRow>(&results, 0)?.into_iter().next() else {
        return Err(ApiError::Problem(ProblemKind::NotFound, vec![]));
    };
    let members = rows::<MemberRow>(&results, 1)?
        .into_iter()
        .map(MemberRow::member)
        .collect::<Result<_, _>>()?;
    let invitations = rows::<InvitationRow>(&results, 2)?
        .into_iter()
        .map(InvitationRow::pending)
        .collect::<Result<_, _>>()?;
    private_json(&NetworkMembers {
        network_id: network.id,
        network_name: network.name,
        members,
        invitations,
        partners: rows::<PartnerChoice>(&results, 3)?,
    })
}

/// `PUT /api/networks/{network}/members/{account}` {role}: the member, with their new role.
/// The network's last coordinator keeps the role unless an administrator changes it (409).
pub async fn change_role(
    req: &Request,
    env: &Env,
    network_id: &str,
    member_id: &str,
) -> Result<Response, ApiError> {
    let staff = require_any(req, env, &MEMBER_ACTIONS, true).await?;
    let change: RoleChange = read_json(req).await?;
    let role = validate_role_change(&change)
        .map_err(|refused| ApiError::Fields(ProblemKind::InvalidBody, refused))?;
    let db = env.d1("DB")?;
    let params = [
        network_id.into(),
        member_id.into(),
        staff.account_id.as_str().into(),
        role.as_str().into(),
        stamp(now()),
    ];
    let [audit, update] = role_change_statements();
    let results = db
        .batch(vec![
            db.prepare(audit).bind(&params)?,
            db.prepare(update).bind(&params[..4])?,
            db.prepare(format!(
                "SELECT {MEMBER_COLUMNS} FROM membership m JOIN account a ON a.id = m.account_id \
                 WHERE m.network_id = ?1 AND m.account_id = ?2 AND {}",
                manages("?1", "?3")
            ))
            .bind(&params[..3])?,
        ])
        .await?;
    if changed(&results, 1) == 1 {
        if let Some(member) = rows::<MemberRow>(&results, 2)?.into_iter().next() {
            return private_json(&member.member()?);
        }
    }
    let change = joining::MembershipChange::NewRole(role);
    Err(why_unchanged(env, network_id, member_id, &staff, change).await?)
}

/// `DELETE /api/networks/{network}/members/{account}`: someone removed by whoever manages the
/// network's members, or leaving (their own membership). Their access to the network ends
/// with this answer: every request reads the account's roles. The network's last
/// coordinator stays unless an administrator removes them (409).
pub async fn remove(
    req: &Request,
    env: &Env,
    network_id: &str,
    member_id: &str,
) -> Result<Response, ApiError> {
    let staff = signed_in(req, env, true).await?.staff;
    let db = env.d1("DB")?;
    let params = [
        network_id.into(),
        member_id.into(),
        staff.account_id.as_str().into(),
        stamp(now()),
    ];
    let [audit, delete] = removal_statements();
    let results = db
        .batch(vec![
            db.prepare(audit).bind(&params)?,
            db.prepare(delete).bind(&params[..3])?,
        ])
        .await?;
    if changed(&results, 1) == 1 {
        let mut response = Response::empty()?.with_status(204);
        response
            .headers_mut()
            .set("Cache-Control", "private, no-store")?;
        return Ok(response);
    }
    let change = joining::MembershipChange::Ends;
    Err(why_unchanged(env, network_id, member_id, &staff, change).await?)
}

#[derive(Deserialize)]
struct Visible {
    role: String,
    coordinators: u32,
}

/// Why a guarded change to a membership changed nothing: a membership the caller does not
/// reach (or none) is not found; one they reach is the network's last coordinator.
async fn why_unchanged(
    env: &Env,
    network_id: &str,
    member_id: &str,
    staff: &Staff,
    change: joining::MembershipChange,
) -> Result<ApiError, ApiError> {
    let visible: Option<Visible> = env
        .d1("DB")?
        .prepare(format!(
            "SELECT m.role, (SELECT count(*) FROM membership kc WHERE kc.network_id = m.network_id \
               AND kc.role = '{}') AS coordinators \
             FROM membership m WHERE m.network_id = ?1 AND m.account_id = ?2 \
               AND (m.account_id = ?3 OR {})",
            Role::Coordinator.as_str(),
            manages("?1", "?3")
        ))
        .bind(&[
            network_id.into(),
            member_id.into(),
            staff.account_id.as_str().into(),
        ])?
        .first(None)
        .await?;
    Ok(match visible {
        Some(v)
            if !joining::keeps_a_coordinator(
                Role::parse(&v.role).unwrap_or(Role::Coordinator),
                change,
                v.coordinators,
                staff.administrator,
            ) =>
        {
            ApiError::Detailed(ProblemKind::Conflict, "conflict-last-coordinator")
        }
        // A facilitator trying to change someone else's role reaches their own network but
        // not its members: as good as not found.
        _ => ApiError::Problem(ProblemKind::NotFound, vec![]),
    })
}

#[cfg(test)]
mod tests;
