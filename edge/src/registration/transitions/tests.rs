//! The statements of `transitions`, run on real SQLite (the engine under D1) with the
//! project's migrations, against random sequences of arrivals, decisions, cancellations,
//! deletions, expired holds and capacity changes. After every step, what the database holds
//! must be what `relais_domain::registration::lifecycle` says, and the invariants must hold:
//! places held never exceed capacity, the waiting list keeps arrival order, a free place
//! never sits idle while someone waits in an open edition, every change has its history
//! entry and its message.

use std::collections::BTreeMap;

use proptest::prelude::*;
use relais_domain::catalog::RegistrationMode;
use relais_domain::registration::lifecycle::{capacity_change_allowed, Actor, EditionState};
use relais_domain::registration::waitlist::{self, Direction, Swap};
use rusqlite::{params_from_iter, Connection};

use super::*;

const EDITION: &str = "ed";
const AT: &str = "2030-01-01T10:00:00Z";
const LATER: &str = "2031-01-01T00:00:00Z";

fn database(
    mode: RegistrationMode,
    capacity: Option<u32>,
    confirm_hours: Option<u32>,
) -> Connection {
    let conn = crate::test_sqlite::migrated();
    conn.execute(
        "INSERT INTO offering (id, kind, title, summary, description, format) \
         VALUES ('o', 'workshop', '{}', '{}', '{}', 'online')",
        [],
    )
    .expect("offering");
    conn.execute(
        "INSERT INTO edition (id, offering_id, registration_mode, capacity, format, confirm_within_hours) \
         VALUES (?1, 'o', ?2, ?3, 'online', ?4)",
        rusqlite::params![EDITION, mode.as_str(), capacity, confirm_hours],
    )
    .expect("edition");
    conn
}

use crate::test_sqlite::sql_value;

/// Runs `batch` as D1 runs a batch: in one transaction.
fn run(conn: &mut Connection, batch: &[Statement]) {
    let tx = conn.transaction().expect("transaction");
    for s in batch {
        tx.execute(&s.sql, params_from_iter(s.params.iter().map(sql_value)))
            .unwrap_or_else(|e| panic!("{e}\n{}", s.sql));
    }
    tx.commit().expect("commit");
}

#[derive(Clone, Debug, PartialEq)]
struct Row {
    id: String,
    email: String,
    status: Status,
    arrival: i64,
    held_until_set: bool,
}

fn rows(conn: &Connection) -> Vec<Row> {
    let mut stmt = conn
        .prepare("SELECT id, email, status, arrival, hold_until FROM registration ORDER BY arrival")
        .expect("select");
    stmt.query_map([], |r| {
        let status: String = r.get(2)?;
        Ok(Row {
            id: r.get(0)?,
            email: r.get(1)?,
            status: Status::parse(&status).expect("known status"),
            arrival: r.get(3)?,
            held_until_set: r.get::<_, Option<String>>(4)?.is_some(),
        })
    })
    .expect("rows")
    .map(|r| r.expect("row"))
    .collect()
}

fn edition(conn: &Connection) -> (RegistrationMode, Option<u32>, bool) {
    conn.query_row(
        "SELECT registration_mode, capacity, confirm_within_hours FROM edition WHERE id = ?1",
        [EDITION],
        |r| {
            let mode: String = r.get(0)?;
            Ok((
                RegistrationMode::parse(&mode).expect("mode"),
                r.get(1)?,
                r.get::<_, Option<u32>>(2)?.is_some(),
            ))
        },
    )
    .expect("edition")
}

fn state_of(
    rows: &[Row],
    (mode, capacity, confirm_by_email): (RegistrationMode, Option<u32>, bool),
) -> EditionState {
    EditionState {
        mode,
        capacity,
        held: rows.iter().filter(|r| r.status.holds_place()).count() as u32,
        waiting: rows
            .iter()
            .filter(|r| r.status == Status::Waitlisted)
            .count() as u32,
        confirm_by_email,
    }
}

fn new_entries(conn: &Connection, table: &str, after: i64) -> Vec<(String, String)> {
    let mut stmt = conn
        .prepare(&format!(
            "SELECT registration_id, kind FROM {table} WHERE id > ?1 ORDER BY registration_id, kind"
        ))
        .expect("select");
    stmt.query_map([after], |r| Ok((r.get(0)?, r.get(1)?)))
        .expect("entries")
        .map(|r| r.expect("entry"))
        .collect()
}

fn last_id(conn: &Connection, table: &str) -> i64 {
    conn.query_row(
        &format!("SELECT coalesce(max(id), 0) FROM {table}"),
        [],
        |r| r.get(0),
    )
    .expect("max id")
}

#[derive(Clone, Debug)]
enum Op {
    Arrive(usize),
    Apply(Transition, usize),
    Capacity(Option<u32>),
    ExpireHolds,
    Delete(usize),
    Move(usize, Direction),
}

fn op() -> impl Strategy<Value = Op> {
    let person = 0..6usize;
    // Every transition a person makes to one registration (arrivals, promotions and
    // released holds have steps of their own).
    let decided = prop::sample::select(
        Transition::ALL
            .into_iter()
            .filter(|t| t.rule().actor != Actor::Relais && *t != Transition::Register)
            .collect::<Vec<_>>(),
    );
    prop_oneof![
        4 => person.clone().prop_map(Op::Arrive),
        4 => (decided, person.clone()).prop_map(|(t, p)| Op::Apply(t, p)),
        1 => prop::option::of(1..6u32).prop_map(Op::Capacity),
        1 => Just(Op::ExpireHolds),
        1 => person.clone().prop_map(Op::Delete),
        2 => (person, prop_oneof![Just(Direction::Up), Just(Direction::Down)])
            .prop_map(|(p, d)| Op::Move(p, d)),
    ]
}

/// A registration arriving with the test's defaults.
fn arrival<'a>(
    id: &'a str,
    email: &'a str,
    token_hash: &'a str,
    confirm_by_email: bool,
) -> Arrival<'a> {
    Arrival {
        id,
        edition_id: EDITION,
        email,
        name: "N",
        lang: "fr",
        zone: "UTC",
        region: "",
        organisation: "",
        organisation_id: None,
        answers: "{}",
        accessibility: "",
        priority: false,
        origin: "",
        token_hash,
        manage_url: "https://relais.example/fr/manage/x",
        at: AT,
        confirm_by_email,
        guard: None,
    }
}

fn email(person: usize) -> String {
    format!("person{person}@example.org")
}

/// What one step should do, by the domain's rules, from `before`.
struct Expected {
    rows: Vec<Row>,
    capacity: Option<u32>,
    /// (registration id, history event) and (registration id, message kind).
    events: Vec<(String, String)>,
    messages: Vec<(String, String)>,
}

impl Expected {
    fn told(&mut self, id: &str, t: Transition, to: Status) {
        self.events
            .push((id.to_owned(), t.event(to).as_str().to_owned()));
        if let Some(kind) = t.message(to) {
            self.messages
                .push((id.to_owned(), kind.as_str().to_owned()));
        }
    }

    fn apply(&mut self, index: usize, t: Transition, edition: &EditionState) {
        let row = &mut self.rows[index];
        if t.allowed(row.status, edition) {
            let to = t.outcome(edition);
            row.status = to;
            row.held_until_set = to == Status::Held;
            let id = row.id.clone();
            self.told(&id, t, to);
        }
    }

    /// The first in line get the free places (`places_to_fill`).
    fn fill(&mut self, info: (RegistrationMode, bool)) {
        let state = state_of(&self.rows, (info.0, self.capacity, info.1));
        let mut left = state.places_to_fill();
        let given = state.given_place();
        let mut promoted = vec![];
        for row in self
            .rows
            .iter_mut()
            .filter(|r| r.status == Status::Waitlisted)
        {
            if left == 0 {
                break;
            }
            left -= 1;
            row.status = given;
            row.held_until_set = given == Status::Held;
            promoted.push(row.id.clone());
        }
        for id in promoted {
            self.told(&id, Transition::Promote, given);
        }
    }
}

fn sorted(mut v: Vec<(String, String)>) -> Vec<(String, String)> {
    v.sort();
    v
}

fn check_invariants(conn: &Connection, rows: &[Row], info: (RegistrationMode, Option<u32>, bool)) {
    let state = state_of(rows, info);
    if let Some(capacity) = state.capacity {
        assert!(
            state.held <= capacity,
            "{} places held for {capacity}",
            state.held
        );
    }
    if state.mode == RegistrationMode::Open {
        assert!(
            !(state.place_free() && state.waiting > 0),
            "a free place sits idle while {} wait",
            state.waiting
        );
    }
    // The read fragments count what the rules count.
    let (held, waiting): (u32, u32) = conn
        .query_row(
            &format!(
                "SELECT {}, {} FROM edition e WHERE e.id = ?1",
                places_held("e.id"),
                waiting_count("e.id")
            ),
            [EDITION],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("counts");
    assert_eq!((held, waiting), (state.held, state.waiting));
    // The waiting list's positions follow arrival order: 1, 2, 3…
    let mut stmt = conn
        .prepare(&format!(
            "SELECT {} FROM registration r WHERE {} ORDER BY r.arrival",
            waitlist_position("r"),
            is_waiting("r")
        ))
        .expect("positions");
    let positions: Vec<u32> = stmt
        .query_map([], |r| r.get(0))
        .expect("positions")
        .map(|p| p.expect("position"))
        .collect();
    assert_eq!(positions, (1..=state.waiting).collect::<Vec<_>>());
    for row in rows {
        assert_eq!(row.held_until_set, row.status == Status::Held, "{row:?}");
    }
}

fn step(conn: &mut Connection, op: &Op, n: usize) {
    let before = rows(conn);
    let (mode, capacity, confirm) = edition(conn);
    let state = state_of(&before, (mode, capacity, confirm));
    let (events_from, messages_from) =
        (last_id(conn, "registration_event"), last_id(conn, "outbox"));
    let mut expected = Expected {
        rows: before.clone(),
        capacity,
        events: vec![],
        messages: vec![],
    };
    let change_id = |k: &str| format!("change-{n}-{k}");
    let fill = Change {
        transition: Transition::Promote,
        target: Target::FreePlaces(Some(EDITION)),
        at: AT,
        actor: None,
        reason: None,
        note: None,
    };
    let index_of = |person: usize| before.iter().position(|r| r.email == email(person));
    let batch: Vec<Statement> = match op {
        Op::Arrive(person) => {
            let id = format!("reg-{n}");
            let token = format!("token-{n}");
            let address = email(*person);
            let arrival = arrival(&id, &address, &token, confirm);
            match index_of(*person) {
                Some(i) if !before[i].status.may_register_again() => {}
                existing => {
                    let to = relais_domain::registration::lifecycle::placement(&state);
                    let arrival_no = before.iter().map(|r| r.arrival).max().unwrap_or(0) + 1;
                    let row_id = existing.map_or(id.clone(), |i| before[i].id.clone());
                    let row = Row {
                        id: row_id.clone(),
                        email: address.clone(),
                        status: to,
                        arrival: arrival_no,
                        held_until_set: to == Status::Held,
                    };
                    match existing {
                        Some(i) => expected.rows[i] = row,
                        None => expected.rows.push(row),
                    }
                    expected.rows.sort_by_key(|r| r.arrival);
                    expected.told(&row_id, Transition::Register, to);
                }
            }
            arrive(&arrival, &change_id("arrive"))
        }
        Op::Apply(t, person) => {
            let Some(i) = index_of(*person) else { return };
            expected.apply(i, *t, &state);
            expected.fill((mode, confirm));
            let reason = t.rule().needs_reason.then_some((Reason::Other, "note"));
            let mut batch = change(
                &Change {
                    transition: *t,
                    target: Target::Registration(&before[i].id),
                    at: AT,
                    actor: Some("acc-1"),
                    reason,
                    // A message goes with decisions that need no reason.
                    note: reason.is_none().then_some("A word from the team"),
                },
                &change_id("apply"),
            );
            batch.extend(change(&fill, &change_id("fill")));
            batch
        }
        Op::Capacity(new) => {
            let allowed = capacity_change_allowed(*new, state.held);
            if allowed {
                expected.capacity = *new;
            }
            expected.fill((mode, confirm));
            let mut batch = vec![set_capacity(EDITION, *new)];
            batch.extend(change(&fill, &change_id("fill")));
            batch
        }
        Op::ExpireHolds => {
            let ids: Vec<usize> = (0..before.len())
                .filter(|&i| before[i].status == Status::Held)
                .collect();
            for i in ids {
                expected.apply(i, Transition::ReleaseHold, &state);
            }
            expected.fill((mode, confirm));
            let mut batch = change(
                &Change {
                    transition: Transition::ReleaseHold,
                    target: Target::ExpiredHolds { now: LATER },
                    at: AT,
                    actor: None,
                    reason: None,
                    note: None,
                },
                &change_id("expire"),
            );
            batch.extend(change(&fill, &change_id("fill")));
            batch
        }
        Op::Delete(person) => {
            let Some(i) = index_of(*person) else { return };
            let id = before[i].id.clone();
            expected.apply(i, Transition::Cancel, &state);
            expected
                .events
                .push((id.clone(), Event::Deleted.as_str().to_owned()));
            expected.rows.remove(i);
            expected.fill((mode, confirm));
            let mut batch = delete(&id, AT, &change_id("delete"));
            batch.extend(change(&fill, &change_id("fill")));
            batch
        }
        Op::Move(person, direction) => {
            let Some(i) = index_of(*person) else { return };
            let Ok(swap) = waitlist::move_on_line(&line_of(&before), &before[i].id, *direction)
            else {
                return;
            };
            for row in &mut expected.rows {
                if row.id == swap.moved {
                    row.arrival = swap.neighbour_arrival.into();
                } else if row.id == swap.neighbour {
                    row.arrival = swap.moved_arrival.into();
                }
            }
            expected.rows.sort_by_key(|r| r.arrival);
            for id in [&swap.moved, &swap.neighbour] {
                expected
                    .events
                    .push((id.clone(), Event::Moved.as_str().to_owned()));
            }
            move_on_line(&swap, EDITION, AT, "acc-1", &change_id("move"))
        }
    };
    run(conn, &batch);

    let after = rows(conn);
    let info = edition(conn);
    assert_eq!(after, expected.rows, "after {op:?}");
    assert_eq!(info.1, expected.capacity, "capacity after {op:?}");
    assert_eq!(
        new_entries(conn, "registration_event", events_from),
        sorted(expected.events),
        "history after {op:?}"
    );
    assert_eq!(
        new_entries(conn, "outbox", messages_from),
        sorted(expected.messages),
        "messages after {op:?}"
    );
    check_invariants(conn, &after, info);
}

/// The rows as the domain's waiting list reads them.
fn line_of(rows: &[Row]) -> Vec<waitlist::Arrival<'_>> {
    rows.iter()
        .map(|r| waitlist::Arrival {
            id: &r.id,
            arrival: u32::try_from(r.arrival).expect("a positive arrival"),
            status: r.status,
        })
        .collect()
}

/// A move worked out from rows that changed since goes no further than its guard: nothing
/// moves, no history is written.
#[test]
fn a_move_on_a_line_changed_meanwhile_changes_nothing() {
    let mut conn = database(RegistrationMode::Open, Some(1), None);
    for (n, person) in (0..4).enumerate() {
        step(&mut conn, &Op::Arrive(person), n);
    }
    let before = rows(&conn);
    let waiting: Vec<&Row> = before
        .iter()
        .filter(|r| r.status == Status::Waitlisted)
        .collect();
    assert_eq!(waiting.len(), 3);
    let stale = waitlist::move_on_line(&line_of(&before), &waiting[2].id, Direction::Up)
        .expect("the last can move up");
    // Meanwhile the second in line moves down: the stale exchange's rows are not what they were.
    step(&mut conn, &Op::Move(2, Direction::Down), 10);
    let changed = rows(&conn);
    let events_from = last_id(&conn, "registration_event");
    run(
        &mut conn,
        &move_on_line(&stale, EDITION, AT, "acc-1", "stale"),
    );
    assert_eq!(rows(&conn), changed);
    assert!(new_entries(&conn, "registration_event", events_from).is_empty());
    // An exchange over someone waiting between the two (as when a coordinator puts an
    // application on the line meanwhile) is refused too, though both rows are as read.
    let line = rows(&conn);
    let waiting: Vec<&Row> = line
        .iter()
        .filter(|r| r.status == Status::Waitlisted)
        .collect();
    let (first, last) = (waiting[0], waiting[2]);
    let over = Swap {
        moved: last.id.clone(),
        moved_arrival: u32::try_from(last.arrival).expect("positive"),
        neighbour: first.id.clone(),
        neighbour_arrival: u32::try_from(first.arrival).expect("positive"),
    };
    run(
        &mut conn,
        &move_on_line(&over, EDITION, AT, "acc-1", "over"),
    );
    assert_eq!(rows(&conn), line);
    assert!(new_entries(&conn, "registration_event", events_from).is_empty());
}

fn mode() -> impl Strategy<Value = RegistrationMode> {
    prop_oneof![
        Just(RegistrationMode::Open),
        Just(RegistrationMode::Application)
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn the_statements_do_what_the_domain_says(
        mode in mode(),
        capacity in prop::option::of(1..5u32),
        confirm in prop::option::of(1..48u32),
        ops in prop::collection::vec(op(), 1..40),
    ) {
        let mut conn = database(mode, capacity, confirm);
        for (n, op) in ops.iter().enumerate() {
            step(&mut conn, op, n);
        }
    }
}

/// Registrations arriving together each count those before them: with the same batch
/// order D1 gives, twenty arrivals for three places give three places and seventeen waits.
#[test]
fn arrivals_in_a_row_never_oversell() {
    let mut conn = database(RegistrationMode::Open, Some(3), None);
    for n in 0..20 {
        let (id, address, token) = (
            format!("reg-{n}"),
            format!("p{n}@example.org"),
            format!("t{n}"),
        );
        let arrival = arrival(&id, &address, &token, false);
        run(&mut conn, &arrive(&arrival, &format!("c{n}")));
    }
    let all = rows(&conn);
    assert_eq!(
        all.iter().filter(|r| r.status == Status::Confirmed).count(),
        3
    );
    assert_eq!(
        all.iter()
            .filter(|r| r.status == Status::Waitlisted)
            .count(),
        17
    );
}

/// The database accepts exactly the domain's statuses, events and message kinds.
#[test]
fn the_schema_takes_the_domain_s_names() {
    let conn = database(RegistrationMode::Open, None, None);
    let insert = |status: &str| {
        conn.execute(
            "INSERT INTO registration (id, edition_id, email, name, lang, zone, status, arrival, consented_at, created_at) \
             VALUES (?1, ?2, ?1, 'n', 'fr', 'UTC', ?3, (SELECT coalesce(max(arrival), 0) + 1 FROM registration), 'a', 'a')",
            rusqlite::params![format!("{status}@x"), EDITION, status],
        )
    };
    for status in Status::ALL {
        insert(status.as_str()).unwrap_or_else(|e| panic!("{status:?}: {e}"));
    }
    assert!(insert("bogus").is_err());
    for event in Event::ALL {
        conn.execute(
            "INSERT INTO registration_event (registration_id, edition_id, kind, at) VALUES ('r', 'e', ?1, 'a')",
            [event.as_str()],
        )
        .unwrap_or_else(|e| panic!("{event:?}: {e}"));
    }
    for kind in MessageKind::ALL {
        conn.execute(
            "INSERT INTO outbox (registration_id, edition_id, kind, created_at) VALUES ('r', 'e', ?1, 'a')",
            [kind.as_str()],
        )
        .unwrap_or_else(|e| panic!("{kind:?}: {e}"));
    }
    let known: BTreeMap<&str, ()> = Status::ALL.iter().map(|s| (s.as_str(), ())).collect();
    assert_eq!(known.len(), Status::ALL.len());
}
