//! Attendance per session: who of the people with a place came (`relais_domain::people::
//! AttendanceMark`), marked one tap at a time by the edition's coordinators and by the
//! facilitators of its offering (`Action::MarkAttendance`: they are the ones in the room).
//! A mark is one guarded upsert — the session not cancelled, the person holding a place in
//! its edition, the caller reaching it — and its audit entry, in one batch.

use relais_domain::account::Action;
use relais_domain::people::{
    sort_by_name, takes_attendance, AttendanceFigures, AttendanceLine, AttendanceMark, MarkAnswer,
    SessionAttendance, SessionFigures,
};
use relais_domain::problem::ProblemKind;
use relais_domain::registration::Status;
use serde::Deserialize;
use worker::{D1Database, Env, Request, Response};

use super::{at, not_found};
use crate::auth;
use crate::http::{private_json, ApiError, Caller};
use crate::registration::transitions::{self, Statement, Value};
use crate::rows::{instant, text};
use crate::scope;

/// The mark `mark` for `registration_id` at `session_id`, by `account` at `at`: written only
/// when the session is not cancelled, the registration holds a place in the session's
/// edition, and the account reaches that edition to mark attendance.
pub fn mark(
    session_id: &str,
    registration_id: &str,
    mark: AttendanceMark,
    account: &str,
    at: &str,
) -> Statement {
    Statement {
        sql: format!(
            "INSERT INTO attendance (session_id, registration_id, mark, marked_by, marked_at) \
             SELECT s.id, r.id, ?3, ?4, ?5 FROM session s \
             JOIN registration r ON r.edition_id = s.edition_id \
             WHERE s.id = ?1 AND r.id = ?2 AND s.cancelled_at IS NULL AND {} AND {} \
             ON CONFLICT (session_id, registration_id) DO UPDATE SET mark = excluded.mark, \
               marked_by = excluded.marked_by, marked_at = excluded.marked_at",
            transitions::takes_attendance("r"),
            scope::edition("s.edition_id", "?4", Action::MarkAttendance),
        ),
        params: vec![
            session_id.into(),
            registration_id.into(),
            mark.as_str().into(),
            account.into(),
            at.into(),
        ],
    }
}

/// The audit entry of the mark `mark` wrote (none when its guard refused it): what it was
/// before, and what it is now.
pub fn audited(
    session_id: &str,
    registration_id: &str,
    before: Option<AttendanceMark>,
    account: &str,
    at: &str,
) -> Statement {
    Statement {
        sql: "INSERT INTO audit (network_id, account_id, at, entity, entity_id, action, changes) \
              SELECT o.network_id, ?3, ?4, 'registration', a.registration_id, 'attendance', \
                json_object('session', a.session_id, 'mark', \
                  json_object('before', ?5, 'after', a.mark)) \
              FROM attendance a JOIN session s ON s.id = a.session_id \
              JOIN edition e ON e.id = s.edition_id JOIN offering o ON o.id = e.offering_id \
              WHERE a.session_id = ?1 AND a.registration_id = ?2 AND a.marked_by = ?3 \
                AND a.marked_at = ?4"
            .to_owned(),
        params: vec![
            session_id.into(),
            registration_id.into(),
            account.into(),
            at.into(),
            before.map_or(Value::Null, |m| m.as_str().into()),
        ],
    }
}

/// Everyone with a place in the session's edition, by name, with their mark: the list the
/// account reaches for `action` (none for a session it does not reach).
pub fn list_sql(action: Action) -> String {
    format!(
        "SELECT r.id AS registration_id, r.name, r.status, a.mark, a.marked_at \
         FROM session s JOIN registration r ON r.edition_id = s.edition_id \
         LEFT JOIN attendance a ON a.session_id = s.id AND a.registration_id = r.id \
         WHERE s.id = ?1 AND {} AND {} ORDER BY r.arrival",
        transitions::takes_attendance("r"),
        scope::edition("s.edition_id", "?2", action),
    )
}

#[derive(Deserialize)]
struct SessionRow {
    id: String,
    edition_id: String,
    title: String,
    starts_at: String,
    ends_at: String,
    cancelled_at: Option<String>,
    offering_title: String,
}

#[derive(Deserialize)]
struct LineRow {
    registration_id: String,
    name: String,
    status: String,
    mark: Option<String>,
    marked_at: Option<String>,
}

fn line(row: LineRow) -> Result<AttendanceLine, ApiError> {
    Ok(AttendanceLine {
        status: Status::parse(&row.status)
            .ok_or_else(|| ApiError::Internal(format!("status {}", row.status)))?,
        mark: row.mark.as_deref().and_then(AttendanceMark::parse),
        registration_id: row.registration_id,
        name: row.name,
        marked_at: row.marked_at,
    })
}

async fn lines(
    db: &D1Database,
    account: &str,
    session_id: &str,
    action: Action,
) -> Result<Vec<AttendanceLine>, ApiError> {
    let mut lines = db
        .prepare(list_sql(action))
        .bind(&[session_id.into(), account.into()])?
        .all()
        .await?
        .results::<LineRow>()?
        .into_iter()
        .map(line)
        .collect::<Result<Vec<_>, _>>()?;
    sort_by_name(&mut lines);
    Ok(lines)
}

/// `GET /api/dashboard/sessions/{id}/attendance`.
pub async fn get(
    req: &Request,
    env: &Env,
    caller: &Caller,
    session_id: &str,
) -> Result<Response, ApiError> {
    let staff = auth::require(req, env, Action::ViewRegistrations, false).await?;
    let account = staff.account_id.as_str();
    let db = env.d1("DB")?;
    let session: SessionRow = db
        .prepare(format!(
            "SELECT s.id, s.edition_id, s.title, s.starts_at, s.ends_at, s.cancelled_at, \
               o.title AS offering_title FROM session s JOIN edition e ON e.id = s.edition_id \
             JOIN offering o ON o.id = e.offering_id WHERE s.id = ?1 AND {}",
            scope::edition("s.edition_id", "?2", Action::ViewRegistrations),
        ))
        .bind(&[session_id.into(), account.into()])?
        .first(None)
        .await?
        .ok_or(not_found())?;
    let people = lines(&db, account, session_id, Action::ViewRegistrations).await?;
    let lang = caller.lang;
    private_json(&SessionAttendance {
        session: SessionFigures {
            title: text(&session.title, lang)?,
            figures: AttendanceFigures::of(people.iter().map(|l| l.mark)),
            id: session.id,
            starts_at: instant(&session.starts_at)?,
            ends_at: instant(&session.ends_at)?,
            cancelled: session.cancelled_at.is_some(),
        },
        offering_title: text(&session.offering_title, lang)?.unwrap_or_else(|| {
            relais_domain::Text {
                text: session.edition_id.clone(),
                lang: lang.code().to_owned(),
            }
        }),
        edition_id: session.edition_id,
        people,
    })
}

#[derive(Deserialize)]
struct Target {
    status: String,
    cancelled_at: Option<String>,
    before: Option<String>,
}

/// `PUT /api/dashboard/sessions/{id}/attendance/{registration}` `{"mark": "present"}`: saved
/// on the tap; answers the person's line and the session's figures after it.
pub async fn put(
    req: &Request,
    env: &Env,
    session_id: &str,
    registration_id: &str,
) -> Result<Response, ApiError> {
    let staff = auth::require(req, env, Action::MarkAttendance, true).await?;
    let body = crate::http::body_text(req, 1024).await?;
    let asked: serde_json::Value = crate::http::json_object(&body)?;
    let mark = asked
        .get("mark")
        .and_then(|m| m.as_str())
        .and_then(AttendanceMark::parse)
        .ok_or(ApiError::Problem(
            ProblemKind::InvalidBody,
            vec![("mark", "unknown-mark")],
        ))?;
    let account = staff.account_id.as_str();
    let db = env.d1("DB")?;
    // Another network's session, or a person not of its edition: not found.
    let target: Target = db
        .prepare(format!(
            "SELECT r.status, s.cancelled_at, a.mark AS before FROM session s \
             JOIN registration r ON r.edition_id = s.edition_id AND r.id = ?2 \
             LEFT JOIN attendance a ON a.session_id = s.id AND a.registration_id = r.id \
             WHERE s.id = ?1 AND {}",
            scope::edition("s.edition_id", "?3", Action::MarkAttendance),
        ))
        .bind(&[session_id.into(), registration_id.into(), account.into()])?
        .first(None)
        .await?
        .ok_or(not_found())?;
    let holds = Status::parse(&target.status).is_some_and(takes_attendance);
    if !holds || target.cancelled_at.is_some() {
        return Err(ApiError::Detailed(
            ProblemKind::Conflict,
            "conflict-attendance",
        ));
    }
    let at = at();
    let before = target.before.as_deref().and_then(AttendanceMark::parse);
    let statements = [
        self::mark(session_id, registration_id, mark, account, &at),
        audited(session_id, registration_id, before, account, &at),
    ];
    let (changed, _) = transitions::run_and_read::<serde_json::Value>(&db, &statements).await?;
    if changed != 1 {
        return Err(ApiError::Detailed(
            ProblemKind::Conflict,
            "conflict-attendance",
        ));
    }
    let people = lines(&db, account, session_id, Action::MarkAttendance).await?;
    let figures = AttendanceFigures::of(people.iter().map(|l| l.mark));
    let line = people
        .into_iter()
        .find(|l| l.registration_id == registration_id)
        .ok_or(not_found())?;
    private_json(&MarkAnswer { line, figures })
}

#[cfg(test)]
mod tests;
