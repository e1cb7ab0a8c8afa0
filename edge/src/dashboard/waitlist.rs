//! `POST /api/dashboard/registrations/{id}/move`: a coordinator moves someone one place up or
//! down their edition's waiting list. The line is read within the caller's scope, the domain
//! works out the exchange (`relais_domain::registration::waitlist`), and one batch makes it,
//! with both people's history and the audit entry, only if the line still stands as read.

use relais_domain::account::Action;
use relais_domain::problem::ProblemKind;
use relais_domain::registration::waitlist::{self, Arrival, Direction, Moved, Swap};
use relais_domain::registration::Status;
use serde::Deserialize;
use worker::{D1Database, Env, Request, Response};

use super::{at, not_found};
use crate::auth;
use crate::crypto;
use crate::http::{private_json, ApiError};
use crate::registration::transitions::{self, Statement};
use crate::scope;

#[derive(Deserialize)]
struct LineRow {
    id: String,
    edition_id: String,
    arrival: u32,
    status: String,
}

/// The registrations of `registration_id`'s edition, when the caller decides there.
async fn read_line(
    db: &D1Database,
    account: &str,
    registration_id: &str,
) -> Result<Vec<LineRow>, ApiError> {
    let rows: Vec<LineRow> = db
        .prepare(format!(
            "SELECT r.id, r.edition_id, r.arrival, r.status FROM registration r \
             WHERE r.edition_id = (SELECT m.edition_id FROM registration m WHERE m.id = ?1) \
               AND {}",
            scope::edition("r.edition_id", "?2", Action::DecideRegistrations)
        ))
        .bind(&[registration_id.into(), account.into()])?
        .all()
        .await?
        .results()?;
    if rows.iter().any(|r| r.id == registration_id) {
        Ok(rows)
    } else {
        Err(not_found())
    }
}

fn direction_of(body: &str) -> Result<Direction, ApiError> {
    let asked: serde_json::Value = crate::http::json_object(body)?;
    asked
        .get("direction")
        .and_then(|d| d.as_str())
        .and_then(Direction::parse)
        .ok_or(ApiError::Problem(
            ProblemKind::InvalidBody,
            vec![("direction", "unknown-direction")],
        ))
}

/// The audit entry of the move (none when its guard refused it, which leaves `change_id`
/// unset): the positions before and
/// after, on the network of the edition.
fn audited(
    swap: &Swap,
    direction: Direction,
    before: u32,
    account: &str,
    at: &str,
    change_id: &str,
) -> Statement {
    let after = match direction {
        Direction::Up => before - 1,
        Direction::Down => before + 1,
    };
    Statement {
        sql: "INSERT INTO audit (network_id, account_id, at, entity, entity_id, action, changes) \
              SELECT o.network_id, ?2, ?3, 'registration', r.id, 'moved', \
                json_object('direction', ?4, 'position', json_object('before', ?5, 'after', ?6)) \
              FROM registration r JOIN edition e ON e.id = r.edition_id \
              JOIN offering o ON o.id = e.offering_id \
              WHERE r.id = ?1 AND r.change_id = ?7"
            .to_owned(),
        params: vec![
            swap.moved.as_str().into(),
            account.into(),
            at.into(),
            direction.as_str().into(),
            transitions::Value::Int(before.into()),
            transitions::Value::Int(after.into()),
            change_id.into(),
        ],
    }
}

pub async fn move_on_line(
    req: &Request,
    env: &Env,
    registration_id: &str,
) -> Result<Response, ApiError> {
    let staff = auth::require(req, env, Action::DecideRegistrations, true).await?;
    let direction = direction_of(&crate::http::body_text(req, 1024).await?)?;
    let account = staff.account_id.as_str();
    let db = env.d1("DB")?;
    let rows = read_line(&db, account, registration_id).await?;
    let arrivals: Vec<Arrival> = rows
        .iter()
        .filter_map(|r| {
            Status::parse(&r.status).map(|status| Arrival {
                id: &r.id,
                arrival: r.arrival,
                status,
            })
        })
        .collect();
    let swap = waitlist::move_on_line(&arrivals, registration_id, direction)
        .map_err(|refusal| ApiError::Detailed(ProblemKind::Conflict, refusal.message()))?;
    let before = waitlist::position(&arrivals, registration_id).ok_or(not_found())?;
    let edition_id = rows
        .first()
        .map(|r| r.edition_id.clone())
        .ok_or(not_found())?;
    let at = at();
    let change_id = crypto::random_hex(12)?;
    let mut statements = transitions::move_on_line(&swap, &edition_id, &at, account, &change_id);
    statements.push(audited(&swap, direction, before, account, &at, &change_id));
    statements.push(Statement {
        sql: format!(
            "SELECT {} AS position, {} AS waiting FROM registration r WHERE r.id = ?1",
            transitions::waitlist_position("r"),
            transitions::waiting_count("r.edition_id"),
        ),
        params: vec![registration_id.into()],
    });
    let (changed, moved) = transitions::run_and_read::<Moved>(&db, &statements).await?;
    if changed != 1 {
        return Err(ApiError::Detailed(
            ProblemKind::Conflict,
            "conflict-line-changed",
        ));
    }
    private_json(&moved.ok_or(not_found())?)
}
