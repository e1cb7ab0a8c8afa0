//! The coordinators' routes: the editions that take registrations, an edition's
//! registrations (applications ranked by priority group, then arrival), decisions on them
//! (`relais_domain::registration::Transition`s a coordinator makes), an edition's capacity,
//! and the outbox. Each checks the session and the role first (`auth::require`), and changes
//! also the CSRF token.

use relais_domain::account::Action;
use relais_domain::coordination::{
    CoordinatedEdition, EditionCounts, EditionRegistrations, OutboxLine,
};
use relais_domain::problem::ProblemKind;
use relais_domain::registration::lifecycle::{capacity_change_allowed, Actor};
use relais_domain::registration::{has_visible, text_refusal, Lines, Reason, Transition};
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsValue;
use worker::{Context, Env, Request, Response};

use crate::auth;
use crate::catalog::{now, stamp};
use crate::crypto;
use crate::http::{private_json, ApiError, Caller};
use crate::outbox;
use crate::registration::manage::fill_free_places;
use crate::registration::transitions::{self, Change, Statement, Target};
use crate::rows::{required_text, text};
use crate::scope;

/// The longest note a coordinator adds to a reason.
const MAX_NOTE: usize = 500;

#[derive(Deserialize)]
struct CoordinatedRow {
    id: String,
    offering_id: String,
    offering_title: String,
    title: String,
    registration_mode: String,
    capacity: Option<u32>,
    starts_at: Option<String>,
    places_taken: u32,
    waiting: u32,
    applied: u32,
}

/// The editions that take registrations here and have not ended, soonest first.
pub async fn editions(req: &Request, env: &Env, caller: &Caller) -> Result<Response, ApiError> {
    let staff = auth::require(req, env, Action::ViewRegistrations, false).await?;
    let rows: Vec<CoordinatedRow> = env
        .d1("DB")?
        .prepare(format!(
            "SELECT e.id, o.id AS offering_id, o.title AS offering_title, e.title, \
               e.registration_mode, e.capacity, e.starts_at, {} AS places_taken, \
               {} AS waiting, {} AS applied \
             FROM edition e JOIN offering o ON o.id = e.offering_id \
             WHERE e.registration_mode IN ('open', 'application') \
               AND (e.ends_at IS NULL OR e.ends_at > ?1) AND {} \
             ORDER BY e.starts_at, e.id",
            transitions::places_held("e.id"),
            transitions::waiting_count("e.id"),
            transitions::applied_count("e.id"),
            scope::offering("o", "?2", Action::ViewRegistrations),
        ))
        .bind(&[stamp(now()), staff.account_id.as_str().into()])?
        .all()
        .await?
        .results()?;
    let lang = caller.lang;
    let editions = rows
        .into_iter()
        .map(|row| {
            Ok(CoordinatedEdition {
                offering_title: required_text(&row.offering_title, lang, &row.offering_id)?,
                title: text(&row.title, lang)?,
                id: row.id,
                registration_mode: row.registration_mode,
                capacity: row.capacity,
                starts_at: row.starts_at,
                places_taken: row.places_taken,
                waiting: row.waiting,
                applied: row.applied,
            })
        })
        .collect::<Result<Vec<_>, ApiError>>()?;
    private_json(&editions)
}

pub async fn registrations(
    req: &Request,
    env: &Env,
    edition_id: &str,
) -> Result<Response, ApiError> {
    let staff = auth::require(req, env, Action::ViewRegistrations, false).await?;
    let account = staff.account_id.as_str();
    let db = env.d1("DB")?;
    let results = db
        .batch(vec![
            db.prepare(format!(
                "SELECT e.id, e.registration_mode, e.capacity, {} AS places_taken, \
                   {} AS waiting FROM edition e WHERE e.id = ?1 AND {}",
                transitions::places_held("e.id"),
                transitions::waiting_count("e.id"),
                scope::edition("e.id", "?2", Action::ViewRegistrations),
            ))
            .bind(&[edition_id.into(), account.into()])?,
            // Those still in play first; the priority group first, each in arrival order.
            db.prepare(format!(
                "SELECT r.id, r.name, r.email, r.lang, r.zone, r.region, r.organisation, r.answers, \
                   r.accessibility, r.priority, r.status, r.arrival, r.created_at \
                 FROM registration r WHERE r.edition_id = ?1 AND {} \
                 ORDER BY NOT ({}), r.priority DESC, r.arrival",
                scope::edition("r.edition_id", "?2", Action::ViewRegistrations),
                transitions::is_active("r")
            ))
            .bind(&[edition_id.into(), account.into()])?,
        ])
        .await?;
    let [edition, lines] = results.as_slice() else {
        return Err(ApiError::Internal("batch results".into()));
    };
    let edition = edition
        .results::<EditionCounts>()?
        .into_iter()
        .next()
        .ok_or(ApiError::Problem(ProblemKind::NotFound, vec![]))?;
    private_json(&EditionRegistrations {
        edition,
        registrations: lines.results()?,
    })
}

#[derive(Deserialize)]
struct Decision {
    decision: String,
    #[serde(default)]
    reason: Option<String>,
    #[serde(default)]
    note: Option<String>,
}

/// What a coordinator decided: the transition, its reason with a note when it needs one,
/// else an optional message to the person.
struct Decided {
    transition: Transition,
    reason: Option<(Reason, String)>,
    note: Option<String>,
}

/// The transition a coordinator asks for, with its reason when it needs one; a note, told to
/// the person as written, goes with either.
fn read_decision(decision: Decision) -> Result<Decided, ApiError> {
    let transition = Transition::parse(&decision.decision)
        .filter(|t| t.rule().actor == Actor::Coordinator)
        .ok_or(ApiError::Problem(
            ProblemKind::InvalidBody,
            vec![("decision", "unknown-decision")],
        ))?;
    let mut refused = vec![];
    let note = decision.note.unwrap_or_default().trim().to_owned();
    if note.chars().count() > MAX_NOTE {
        refused.push(("note", "too-long"));
    } else if let Some(code) = text_refusal(&note, Lines::Many) {
        refused.push(("note", code));
    }
    let note = has_visible(&note).then_some(note);
    if !transition.rule().needs_reason {
        return if refused.is_empty() {
            Ok(Decided {
                transition,
                reason: None,
                note,
            })
        } else {
            Err(ApiError::Problem(ProblemKind::InvalidBody, refused))
        };
    }
    let reason = match decision.reason.as_deref().map(Reason::parse) {
        None => {
            refused.insert(0, ("reason", "required"));
            None
        }
        Some(None) => {
            refused.insert(0, ("reason", "unknown-reason"));
            None
        }
        Some(reason) => reason,
    };
    match reason {
        Some(reason) if refused.is_empty() => Ok(Decided {
            transition,
            reason: Some((reason, note.unwrap_or_default())),
            note: None,
        }),
        _ => Err(ApiError::Problem(ProblemKind::InvalidBody, refused)),
    }
}

#[derive(Deserialize, Serialize)]
struct After {
    edition_id: String,
    status: String,
}

/// A coordinator's decision on a registration: accept, waitlist or decline an application
/// (with an optional message to the person), cancel or remove a registration (with a reason
/// told to the person), mark attendance. The dashboard's people page decides here too.
/// The rule's guard (statuses, mode, a free place) is inside the update; a place it frees
/// goes to the first in line in the same batch.
pub async fn decide(
    req: &Request,
    env: &Env,
    ctx: &Context,
    registration_id: &str,
) -> Result<Response, ApiError> {
    let staff = auth::require(req, env, Action::DecideRegistrations, true).await?;
    let Decided {
        transition,
        reason,
        note,
    } = read_decision(auth::read_json(req).await?)?;
    let db = env.d1("DB")?;
    let at = now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let edition_id = db
        .prepare(format!(
            "SELECT edition_id FROM registration WHERE id = ?1 AND {}",
            scope::edition("edition_id", "?2", Action::DecideRegistrations)
        ))
        .bind(&[registration_id.into(), staff.account_id.as_str().into()])?
        .first::<String>(Some("edition_id"))
        .await?
        .ok_or(ApiError::Problem(ProblemKind::NotFound, vec![]))?;
    let mut statements = transitions::change(
        &Change {
            transition,
            target: Target::Registration(registration_id),
            at: &at,
            actor: Some(&staff.account_id),
            reason: reason.as_ref().map(|(r, note)| (*r, note.as_str())),
            note: note.as_deref(),
        },
        &crypto::random_hex(12)?,
    );
    statements.extend(fill_free_places(&edition_id, &at)?);
    statements.push(Statement {
        sql: "SELECT edition_id, status FROM registration WHERE id = ?1".to_owned(),
        params: vec![registration_id.into()],
    });
    let (changed, after) = transitions::run_and_read::<After>(&db, &statements).await?;
    let after = after.ok_or(ApiError::Problem(ProblemKind::NotFound, vec![]))?;
    if changed != 1 {
        return Err(ApiError::Detailed(
            ProblemKind::Conflict,
            if transition.rule().needs_place {
                "conflict-no-place"
            } else {
                "conflict-not-allowed"
            },
        ));
    }
    outbox::send_soon(env, ctx, outbox::Only::Edition(after.edition_id.clone()));
    private_json(&after)
}

#[derive(Deserialize)]
struct NewCapacity {
    /// `null`: no limit.
    capacity: Option<u32>,
}

/// `PUT /api/coordinator/editions/{id}/capacity`: raising it gives the new places to the
/// people waiting, in the same batch; lowering it below the places held is refused.
pub async fn set_capacity(
    req: &Request,
    env: &Env,
    ctx: &Context,
    edition_id: &str,
) -> Result<Response, ApiError> {
    let staff = auth::require(req, env, Action::DecideRegistrations, true).await?;
    let new: NewCapacity = auth::read_json(req).await?;
    if new.capacity == Some(0) {
        return Err(ApiError::Problem(
            ProblemKind::InvalidBody,
            vec![("capacity", "capacity-positive")],
        ));
    }
    let db = env.d1("DB")?;
    require_edition(&db, &staff, Action::DecideRegistrations, edition_id).await?;
    let at = now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let mut statements = vec![transitions::set_capacity(edition_id, new.capacity)];
    statements.extend(fill_free_places(edition_id, &at)?);
    statements.push(Statement {
        sql: format!(
            "SELECT e.id, e.registration_mode, e.capacity, {} AS places_taken, {} AS waiting \
             FROM edition e WHERE e.id = ?1",
            transitions::places_held("e.id"),
            transitions::waiting_count("e.id"),
        ),
        params: vec![edition_id.into()],
    });
    let (changed, counts) = transitions::run_and_read::<EditionCounts>(&db, &statements).await?;
    let counts = counts.ok_or(ApiError::Problem(ProblemKind::NotFound, vec![]))?;
    if changed != 1 {
        // Either the edition does not take registrations here, or the places held forbid it.
        return Err(
            if capacity_change_allowed(new.capacity, counts.places_taken) {
                ApiError::Detailed(ProblemKind::Conflict, "conflict-not-allowed")
            } else {
                ApiError::Problem(
                    ProblemKind::Conflict,
                    vec![("capacity", "below-places-held")],
                )
            },
        );
    }
    outbox::send_soon(env, ctx, outbox::Only::Edition(edition_id.to_owned()));
    private_json(&counts)
}

/// The latest messages, newest first (`?edition=` narrows them to one edition).
pub async fn outbox(req: &Request, env: &Env) -> Result<Response, ApiError> {
    let staff = auth::require(req, env, Action::ReadOutbox, false).await?;
    let edition = req
        .url()?
        .query_pairs()
        .find(|(k, _)| k == "edition")
        .map(|(_, v)| v.into_owned());
    let lines: Vec<OutboxLine> = env
        .d1("DB")?
        .prepare(format!(
            "SELECT id, registration_id, edition_id, kind, recipient, lang, subject, body, created_at, \
               sent_at, attempts, last_error FROM outbox WHERE (?1 IS NULL OR edition_id = ?1) \
               AND {} ORDER BY id DESC LIMIT 100",
            scope::edition("outbox.edition_id", "?2", Action::ReadOutbox)
        ))
        .bind(&[
            edition.map_or(JsValue::NULL, JsValue::from),
            staff.account_id.as_str().into(),
        ])?
        .all()
        .await?
        .results()?;
    private_json(&lines)
}

/// Not found unless the signed-in account reaches the edition for `action`: a row of another
/// network answers as one that does not exist.
pub async fn require_edition(
    db: &worker::D1Database,
    staff: &auth::Staff,
    action: Action,
    edition_id: &str,
) -> Result<(), ApiError> {
    db.prepare(format!(
        "SELECT 1 AS found FROM edition e WHERE e.id = ?1 AND {}",
        scope::edition("e.id", "?2", action)
    ))
    .bind(&[edition_id.into(), staff.account_id.as_str().into()])?
    .first::<u32>(Some("found"))
    .await?
    .map(|_| ())
    .ok_or(ApiError::Problem(ProblemKind::NotFound, vec![]))
}
