//! Every SQL statement that places, promotes, decides or cancels a registration, built from
//! `relais_domain::registration::lifecycle` — and the fragments that read places held, the
//! waiting list and a person's position. No other module of the edge names a status.
//!
//! D1 has no interactive transactions, so a rule that depends on the rows (a free place,
//! the first in line) runs inside the statement that writes, and statements that must hold
//! together run in one batch. Each statement here is plain text with bound values, so the
//! host test runs the very same statements on real SQLite against the domain's rules.
//! Status names come from the domain's enums (code, never input); values are bound.

use relais_domain::registration::lifecycle::{
    Condition, EditionState, Outcome, Status, Transition, PLACEMENT,
};
use relais_domain::registration::waitlist::Swap;
use relais_domain::registration::{Event, MessageKind, Reason};
use wasm_bindgen::JsValue;
use worker::{D1Database, D1PreparedStatement};

use crate::http::ApiError;

/// A value bound to a statement.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Text(String),
    Int(i64),
    /// A file's bytes (a BLOB).
    Bytes(Vec<u8>),
    Null,
}

impl From<&str> for Value {
    fn from(s: &str) -> Value {
        Value::Text(s.to_owned())
    }
}

impl From<Option<&str>> for Value {
    fn from(s: Option<&str>) -> Value {
        s.map_or(Value::Null, Value::from)
    }
}

/// One statement, its values bound by position (`?1`, `?2`…).
#[derive(Clone, Debug, PartialEq)]
pub struct Statement {
    pub sql: String,
    pub params: Vec<Value>,
}

impl Statement {
    fn new(sql: String, params: Vec<Value>) -> Statement {
        Statement { sql, params }
    }

    pub fn prepare(&self, db: &D1Database) -> Result<D1PreparedStatement, ApiError> {
        let values: Vec<JsValue> = self
            .params
            .iter()
            .map(|v| match v {
                Value::Text(s) => JsValue::from(s.as_str()),
                Value::Int(n) => JsValue::from_f64(*n as f64),
                Value::Bytes(b) => js_sys::Uint8Array::from(b.as_slice()).into(),
                Value::Null => JsValue::NULL,
            })
            .collect();
        Ok(db.prepare(&self.sql).bind(&values)?)
    }
}

/// Prepares a batch for D1.
pub fn prepare_all(
    db: &D1Database,
    statements: &[Statement],
) -> Result<Vec<D1PreparedStatement>, ApiError> {
    statements.iter().map(|s| s.prepare(db)).collect()
}

/// Runs `statements` as one batch (one transaction): how many rows its first statement
/// changed (a guarded change: 0 when its rule refused it), and the first row its last
/// statement read (the state after), if any.
pub async fn run_and_read<T: serde::de::DeserializeOwned>(
    db: &D1Database,
    statements: &[Statement],
) -> Result<(u64, Option<T>), ApiError> {
    let results = db.batch(prepare_all(db, statements)?).await?;
    let changed = results
        .first()
        .and_then(|r| r.meta().ok().flatten())
        .and_then(|m| m.changes)
        .unwrap_or(0) as u64;
    let after = match results.last() {
        Some(last) => last.results::<T>()?.into_iter().next(),
        None => None,
    };
    Ok((changed, after))
}

/// A SQL list of statuses: `('held', 'confirmed')`.
fn list(statuses: impl IntoIterator<Item = Status>) -> String {
    let names: Vec<String> = statuses.into_iter().map(|s| quoted(s.as_str())).collect();
    format!("({})", names.join(", "))
}

/// A code name as a SQL string; names are the domain's `[a-z_]` words, never input.
fn quoted(name: &str) -> String {
    debug_assert!(name.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'));
    format!("'{name}'")
}

fn modes(rule_modes: &[relais_domain::catalog::RegistrationMode]) -> String {
    let names: Vec<String> = rule_modes.iter().map(|m| quoted(m.as_str())).collect();
    format!("({})", names.join(", "))
}

/// `alias`'s row holds a place.
pub fn holds_place(alias: &str) -> String {
    format!("{alias}.status IN {}", list(Status::holding_place()))
}

/// `alias`'s row is still in play (can be cancelled).
pub fn is_active(alias: &str) -> String {
    format!("{alias}.status IN {}", list(Status::active()))
}

/// `alias`'s row is on its sessions' attendance lists (`people::takes_attendance`).
pub fn takes_attendance(alias: &str) -> String {
    format!(
        "{alias}.status IN {}",
        list(
            Status::ALL
                .into_iter()
                .filter(|s| relais_domain::people::takes_attendance(*s))
        )
    )
}

/// `alias`'s row is on the waiting list.
pub fn is_waiting(alias: &str) -> String {
    format!("{alias}.status = {}", quoted(Status::Waitlisted.as_str()))
}

/// `alias`'s row is an application waiting for a decision.
pub fn is_applied(alias: &str) -> String {
    format!("{alias}.status = {}", quoted(Status::Applied.as_str()))
}

/// `alias`'s row is among the people an announcement to `audience` reaches.
pub fn in_audience(alias: &str, audience: relais_domain::announcement::Audience) -> String {
    format!("{alias}.status IN {}", list(audience.statuses()))
}

/// Places held in the edition `edition_id` (a SQL expression).
pub fn places_held(edition_id: &str) -> String {
    format!(
        "(SELECT count(*) FROM registration h WHERE h.edition_id = {edition_id} AND {})",
        holds_place("h")
    )
}

/// People on the waiting list of the edition `edition_id`.
pub fn waiting_count(edition_id: &str) -> String {
    format!(
        "(SELECT count(*) FROM registration w WHERE w.edition_id = {edition_id} AND {})",
        is_waiting("w")
    )
}

/// Applications waiting for a decision in the edition `edition_id`.
pub fn applied_count(edition_id: &str) -> String {
    format!(
        "(SELECT count(*) FROM registration a WHERE a.edition_id = {edition_id} AND {})",
        is_applied("a")
    )
}

/// `alias`'s position on its edition's waiting list (1 = next), when it is on it.
pub fn waitlist_position(alias: &str) -> String {
    format!(
        "(SELECT count(*) FROM registration p WHERE p.edition_id = {alias}.edition_id \
           AND {} AND p.arrival <= {alias}.arrival)",
        is_waiting("p")
    )
}

/// Whether the edition row `e` has a free place.
fn place_free(e: &str) -> String {
    format!(
        "({e}.capacity IS NULL OR {} < {e}.capacity)",
        places_held(&format!("{e}.id"))
    )
}

fn condition(condition: Condition, e: &str) -> String {
    match condition {
        Condition::ApplicationMode => format!(
            "{e}.registration_mode = {}",
            quoted(relais_domain::catalog::RegistrationMode::Application.as_str())
        ),
        Condition::SomeoneWaiting => format!(
            "EXISTS (SELECT 1 FROM registration q WHERE q.edition_id = {e}.id AND {})",
            is_waiting("q")
        ),
        Condition::NoPlaceFree => format!("NOT {}", place_free(e)),
        Condition::Always => "1".to_owned(),
    }
}

/// The status `outcome` leads to, over the edition row `e` (`Placed`: where a new
/// registration goes, `PLACEMENT` as one `CASE`).
fn outcome(outcome: Outcome, e: &str) -> String {
    let given = |confirm_by_email| {
        EditionState {
            mode: relais_domain::catalog::RegistrationMode::Open,
            capacity: None,
            held: 0,
            waiting: 0,
            confirm_by_email,
        }
        .given_place()
    };
    match outcome {
        Outcome::Is(status) => quoted(status.as_str()),
        Outcome::GivenPlace => format!(
            "CASE WHEN {e}.confirm_within_hours IS NULL THEN {} ELSE {} END",
            quoted(given(false).as_str()),
            quoted(given(true).as_str())
        ),
        Outcome::Placed => {
            let arms: Vec<String> = PLACEMENT
                .iter()
                .map(|(c, o)| format!("WHEN {} THEN {}", condition(*c, e), self::outcome(*o, e)))
                .collect();
            format!("CASE {} END", arms.join(" "))
        }
    }
}

/// `CASE status WHEN … END` mapping each status `transition` leads to onto `f`'s name for
/// it; `None` when `f` names nothing for every one of them.
fn by_outcome(
    transition: Transition,
    f: impl Fn(Status) -> Option<&'static str>,
) -> Option<String> {
    let arms: Vec<String> = transition
        .outcomes()
        .into_iter()
        .filter_map(|to| {
            f(to).map(|name| format!("WHEN {} THEN {}", quoted(to.as_str()), quoted(name)))
        })
        .collect();
    (!arms.is_empty()).then(|| format!("CASE status {} END", arms.join(" ")))
}

fn event_name(transition: Transition) -> String {
    by_outcome(transition, |to| Some(transition.event(to).as_str())).unwrap_or_default()
}

/// A new registration, or a cancelled person's return.
pub struct Arrival<'a> {
    pub id: &'a str,
    pub edition_id: &'a str,
    pub email: &'a str,
    pub name: &'a str,
    pub lang: &'a str,
    pub zone: &'a str,
    pub region: &'a str,
    pub organisation: &'a str,
    /// The organisation it is made on behalf of, through that organisation's link.
    pub organisation_id: Option<&'a str>,
    pub answers: &'a str,
    pub accessibility: &'a str,
    pub priority: bool,
    pub origin: &'a str,
    /// SHA-256 of its new manage link's token.
    pub token_hash: &'a str,
    pub manage_url: &'a str,
    pub at: &'a str,
    /// Whether the edition asks for confirmation by email (a place given is then held until
    /// a deadline). Read with the edition just before; the placement itself reads it inside
    /// the insert.
    pub confirm_by_email: bool,
    /// A condition the insert also needs (a limit counted earlier in the same batch), with
    /// its values numbered from `?16`.
    pub guard: Option<(String, Vec<Value>)>,
}

/// The first placeholder a guard of `arrive`'s insert may use.
pub const ARRIVAL_GUARD_FIRST: usize = 16;

/// Registering: the place decided inside the insert by `PLACEMENT`, so registrations
/// arriving together each count the ones before them; a second registration with an
/// address still in play changes nothing (`change_id` then stays another's). With the
/// registration come its manage link, its history entry and its message.
pub fn arrive(a: &Arrival, change_id: &str) -> Vec<Statement> {
    let rule = Transition::Register.rule();
    let insert = format!(
        "INSERT INTO registration (id, edition_id, email, name, lang, zone, region, organisation, \
           answers, accessibility, priority, status, arrival, consented_at, created_at, change_id, origin, \
           organisation_id) \
         SELECT ?1, e.id, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, {placement}, \
           coalesce((SELECT max(arrival) FROM registration m WHERE m.edition_id = e.id), 0) + 1, \
           ?12, ?12, ?13, ?14, ?15 \
         FROM edition e WHERE e.id = ?2 AND e.registration_mode IN {modes}{guard} \
         ON CONFLICT (edition_id, email) DO UPDATE SET name = excluded.name, lang = excluded.lang, \
           zone = excluded.zone, region = excluded.region, organisation = excluded.organisation, \
           organisation_id = excluded.organisation_id, \
           answers = excluded.answers, accessibility = excluded.accessibility, \
           priority = excluded.priority, status = excluded.status, arrival = excluded.arrival, \
           hold_until = NULL, consented_at = excluded.consented_at, created_at = excluded.created_at, \
           change_id = excluded.change_id, origin = excluded.origin \
         WHERE registration.status IN {again}",
        placement = outcome(rule.to, "e"),
        modes = modes(rule.modes),
        again = list(rule.from.iter().copied()),
        guard = a
            .guard
            .as_ref()
            .map(|(condition, _)| format!(" AND {condition}"))
            .unwrap_or_default(),
    );
    let mut values = vec![
        a.id.into(),
        a.edition_id.into(),
        a.email.into(),
        a.name.into(),
        a.lang.into(),
        a.zone.into(),
        a.region.into(),
        a.organisation.into(),
        a.answers.into(),
        a.accessibility.into(),
        Value::Int(a.priority.into()),
        a.at.into(),
        change_id.into(),
        a.origin.into(),
        a.organisation_id.into(),
    ];
    debug_assert_eq!(values.len() + 1, ARRIVAL_GUARD_FIRST);
    values.extend(a.guard.iter().flat_map(|(_, v)| v.iter().cloned()));
    let mut statements = vec![
        Statement::new(insert, values),
        Statement::new(
            "INSERT INTO manage_token (token_hash, registration_id, created_at) \
             SELECT ?1, id, ?3 FROM registration WHERE change_id = ?2"
                .to_owned(),
            vec![a.token_hash.into(), change_id.into(), a.at.into()],
        ),
    ];
    statements.extend(told(
        Transition::Register,
        change_id,
        a.at,
        None,
        Some(a.manage_url),
        Words::default(),
        a.confirm_by_email,
    ));
    statements
}

/// Whom a change applies to.
#[derive(Clone, Copy, Debug)]
pub enum Target<'a> {
    /// One registration, by id, if the rule allows it from where it stands.
    Registration(&'a str),
    /// The first in line of an edition (or of every edition: `None`), one per free place.
    FreePlaces(Option<&'a str>),
    /// Held places whose time to confirm ran out at `now`.
    ExpiredHolds { now: &'a str },
}

/// One change: a transition applied to `target`, recorded and told.
pub struct Change<'a> {
    pub transition: Transition,
    pub target: Target<'a>,
    pub at: &'a str,
    /// The coordinator who decided it, if one did.
    pub actor: Option<&'a str>,
    /// Why, told to the person (cancelled or removed by a coordinator), with a note.
    pub reason: Option<(Reason, &'a str)>,
    /// A coordinator's message to the person with a decision that needs no reason.
    pub note: Option<&'a str>,
}

/// The statements of `change`: the update guarded by the transition's rule, its history
/// entries, its messages, and the deadline of any place it holds for confirmation.
pub fn change(change: &Change, change_id: &str) -> Vec<Statement> {
    let t = change.transition;
    let rule = t.rule();
    let to = outcome(rule.to, "e");
    let from = list(rule.from.iter().copied());
    let modes = modes(rule.modes);
    let update = match change.target {
        Target::Registration(id) => Statement::new(
            format!(
                "UPDATE registration SET status = (SELECT {to} FROM edition e WHERE e.id = registration.edition_id), \
                   change_id = ?2, hold_until = NULL \
                 WHERE id = (SELECT r.id FROM registration r JOIN edition e ON e.id = r.edition_id \
                   WHERE r.id = ?1 AND r.status IN {from} AND e.registration_mode IN {modes}{place})",
                place = if rule.needs_place {
                    format!(" AND {}", place_free("e"))
                } else {
                    String::new()
                },
            ),
            vec![id.into(), change_id.into()],
        ),
        Target::FreePlaces(edition) => Statement::new(
            // The first in line, one per free place: those with fewer people ahead of them
            // than there are free places.
            format!(
                "UPDATE registration SET status = (SELECT {to} FROM edition e WHERE e.id = registration.edition_id), \
                   change_id = ?2, hold_until = NULL \
                 WHERE id IN (SELECT w.id FROM registration w JOIN edition e ON e.id = w.edition_id \
                   WHERE w.status IN {from} AND e.registration_mode IN {modes} \
                     AND (?1 IS NULL OR w.edition_id = ?1) \
                     AND (e.capacity IS NULL OR (SELECT count(*) FROM registration b \
                       WHERE b.edition_id = w.edition_id AND b.status IN {from} AND b.arrival < w.arrival) \
                       < e.capacity - {held}))",
                held = places_held("w.edition_id"),
            ),
            vec![edition.into(), change_id.into()],
        ),
        Target::ExpiredHolds { now } => Statement::new(
            format!(
                "UPDATE registration SET status = (SELECT {to} FROM edition e WHERE e.id = registration.edition_id), \
                   change_id = ?2, hold_until = NULL \
                 WHERE id IN (SELECT r.id FROM registration r JOIN edition e ON e.id = r.edition_id \
                   WHERE r.status IN {from} AND e.registration_mode IN {modes} AND r.hold_until <= ?1)"
            ),
            vec![now.into(), change_id.into()],
        ),
    };
    let mut statements = vec![update];
    statements.extend(told(
        t,
        change_id,
        change.at,
        change.actor,
        None,
        Words {
            reason: change.reason.map(|(r, _)| r),
            note: change.reason.map(|(_, note)| note).or(change.note),
        },
        true,
    ));
    statements
}

/// What a coordinator told the person with a change: the reason it needs, and their own
/// words (with the reason, or alone with a decision that needs none).
#[derive(Clone, Copy, Default)]
struct Words<'a> {
    reason: Option<Reason>,
    note: Option<&'a str>,
}

/// The history entries, messages and confirmation deadlines of the rows `change_id` touched
/// (`may_hold`: whether a place can be held here, when the caller knows it cannot).
fn told(
    t: Transition,
    change_id: &str,
    at: &str,
    actor: Option<&str>,
    manage_url: Option<&str>,
    words: Words,
    may_hold: bool,
) -> Vec<Statement> {
    let mut statements = vec![Statement::new(
        format!(
            "INSERT INTO registration_event (registration_id, edition_id, kind, at, actor) \
             SELECT id, edition_id, {}, ?2, ?3 FROM registration WHERE change_id = ?1",
            event_name(t)
        ),
        vec![change_id.into(), at.into(), actor.into()],
    )];
    if let Some(kind) = by_outcome(t, |to| t.message(to).map(MessageKind::as_str)) {
        statements.push(Statement::new(
            format!(
                "INSERT INTO outbox (registration_id, edition_id, kind, manage_url, reason, note, created_at) \
                 SELECT id, edition_id, {kind}, ?2, ?3, ?4, ?5 FROM registration \
                 WHERE change_id = ?1 AND {kind} IS NOT NULL"
            ),
            vec![
                change_id.into(),
                manage_url.into(),
                words.reason.map(Reason::as_str).into(),
                words.note.filter(|n| !n.is_empty()).into(),
                at.into(),
            ],
        ));
    }
    if may_hold && t.outcomes().contains(&Status::Held) {
        statements.push(Statement::new(
            format!(
                "UPDATE registration SET hold_until = strftime('%Y-%m-%dT%H:%M:%SZ', ?2, \
                   '+' || (SELECT confirm_within_hours FROM edition e WHERE e.id = registration.edition_id) || ' hours') \
                 WHERE change_id = ?1 AND status = {}",
                quoted(Status::Held.as_str())
            ),
            vec![change_id.into(), at.into()],
        ));
    }
    statements
}

/// Records `event` for one registration outside a status change (its data deleted, its
/// preferences changed, its link sent again).
pub fn record_event(
    registration_id: &str,
    event: Event,
    at: &str,
    actor: Option<&str>,
) -> Statement {
    Statement::new(
        format!(
            "INSERT INTO registration_event (registration_id, edition_id, kind, at, actor) \
             SELECT id, edition_id, {}, ?2, ?3 FROM registration WHERE id = ?1",
            quoted(event.as_str())
        ),
        vec![registration_id.into(), at.into(), actor.into()],
    )
}

/// A coordinator's move on the waiting list (`relais_domain::registration::waitlist`): the
/// moved person and their neighbour exchange arrivals, and both get a `moved` entry. The
/// exchange was worked out from rows read before the batch, so its first statement goes
/// ahead only if those rows still stand — both still waiting with the arrivals read, and
/// nobody waiting between them — and the others follow only where it went ahead: a line
/// changed meanwhile changes nothing (the first statement's count is 0). Arrivals are
/// unique per edition, so the moved row steps aside to its negative arrival while the
/// neighbour takes its place.
pub fn move_on_line(
    swap: &Swap,
    edition_id: &str,
    at: &str,
    actor: &str,
    change_id: &str,
) -> Vec<Statement> {
    let moved = || -> Vec<Value> {
        vec![
            swap.moved.as_str().into(),
            Value::Int(swap.moved_arrival.into()),
            change_id.into(),
        ]
    };
    let mut guarded = moved();
    guarded.extend([
        swap.neighbour.as_str().into(),
        Value::Int(swap.neighbour_arrival.into()),
        edition_id.into(),
    ]);
    let mut neighbour_takes = moved();
    neighbour_takes.push(swap.neighbour.as_str().into());
    let mut moved_takes = moved();
    moved_takes.push(Value::Int(swap.neighbour_arrival.into()));
    vec![
        Statement::new(
            format!(
                "UPDATE registration SET arrival = -arrival, change_id = ?3 \
                 WHERE id = ?1 AND arrival = ?2 AND edition_id = ?6 AND {moved_waits} \
                   AND EXISTS (SELECT 1 FROM registration n WHERE n.id = ?4 AND n.arrival = ?5 \
                     AND n.edition_id = ?6 AND {neighbour_waits}) \
                   AND NOT EXISTS (SELECT 1 FROM registration b WHERE b.edition_id = ?6 \
                     AND {between_waits} AND b.arrival > min(?2, ?5) AND b.arrival < max(?2, ?5))",
                moved_waits = is_waiting("registration"),
                neighbour_waits = is_waiting("n"),
                between_waits = is_waiting("b"),
            ),
            guarded,
        ),
        Statement::new(
            "UPDATE registration SET arrival = ?2, change_id = ?3 WHERE id = ?4 \
               AND EXISTS (SELECT 1 FROM registration m WHERE m.id = ?1 AND m.change_id = ?3 \
                 AND m.arrival = -?2)"
                .to_owned(),
            neighbour_takes,
        ),
        Statement::new(
            "UPDATE registration SET arrival = ?4 \
             WHERE id = ?1 AND change_id = ?3 AND arrival = -?2"
                .to_owned(),
            moved_takes,
        ),
        Statement::new(
            format!(
                "INSERT INTO registration_event (registration_id, edition_id, kind, at, actor) \
                 SELECT id, edition_id, {}, ?2, ?3 FROM registration WHERE change_id = ?1",
                quoted(Event::Moved.as_str())
            ),
            vec![change_id.into(), at.into(), actor.into()],
        ),
    ]
}

/// Deleting a registrant's data: cancelled first (a place they held goes to the first in
/// line with the next fill), then the history keeps what happened with no personal data,
/// their messages are emptied and their links end.
pub fn delete(registration_id: &str, at: &str, change_id: &str) -> Vec<Statement> {
    let mut statements = change(
        &Change {
            transition: Transition::Cancel,
            target: Target::Registration(registration_id),
            at,
            actor: None,
            reason: None,
            note: None,
        },
        change_id,
    );
    statements.push(record_event(registration_id, Event::Deleted, at, None));
    for sql in [
        "UPDATE outbox SET recipient = NULL, subject = NULL, body = NULL, manage_url = NULL, links = NULL, note = NULL \
         WHERE registration_id = ?1",
        "DELETE FROM manage_token WHERE registration_id = ?1",
        "DELETE FROM registration WHERE id = ?1",
    ] {
        statements.push(Statement::new(sql.to_owned(), vec![registration_id.into()]));
    }
    statements
}

/// Changes an edition's capacity, never below the places held
/// (`lifecycle::capacity_change_allowed`); `changes` tells whether it was allowed.
pub fn set_capacity(edition_id: &str, capacity: Option<u32>) -> Statement {
    let modes = modes(Transition::Register.rule().modes);
    Statement::new(
        format!(
            "UPDATE edition SET capacity = ?2 WHERE id = ?1 AND registration_mode IN {modes} \
               AND (?2 IS NULL OR (?2 > 0 AND ?2 >= {held}))",
            held = places_held("edition.id"),
        ),
        vec![
            edition_id.into(),
            capacity.map_or(Value::Null, |c| Value::Int(c.into())),
        ],
    )
}

#[cfg(test)]
mod tests;

/// Queues `kind` (a session's change) to everyone of the session's edition with a place or
/// waiting, each message naming the session and the calendar SEQUENCE it tells of; the
/// outbox writes it in their language and on their clock.
pub fn tell_session_change(
    session_id: &str,
    kind: relais_domain::registration::MessageKind,
    sequence: u32,
    at: &str,
) -> Statement {
    Statement::new(
        format!(
            "INSERT INTO outbox (registration_id, edition_id, kind, session_id, dedupe, created_at, \
               sequence) \
             SELECT r.id, r.edition_id, ?2, ?1, ?2 || ':' || ?1 || ':' || ?3 || ':' || r.id, ?4, ?3 \
             FROM registration r JOIN session s ON s.edition_id = r.edition_id \
             WHERE s.id = ?1 AND {} \
             ON CONFLICT (dedupe) DO NOTHING",
            is_active("r")
        ),
        vec![
            Value::Text(session_id.to_owned()),
            Value::Text(kind.as_str().to_owned()),
            Value::Int(i64::from(sequence)),
            Value::Text(at.to_owned()),
        ],
    )
}
