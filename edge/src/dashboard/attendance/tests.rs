//! The attendance statements on real SQLite with every migration: a mark is written only
//! for a person with a place (`people::takes_attendance`, for every status), at a session
//! not cancelled, by an account that reaches the edition to mark attendance
//! (`Role::reach`: the network's coordinators, the facilitators of its offering); each mark
//! written has its audit entry, with what it was before, and a refused one has none.

use relais_domain::account::Action;
use relais_domain::people::{takes_attendance, AttendanceMark};
use relais_domain::registration::Status;
use rusqlite::{params_from_iter, Connection};

use super::*;

use crate::test_sqlite::sql_value;

/// Runs a batch in one transaction: the rows its first statement changed.
fn run(conn: &mut Connection, batch: &[Statement]) -> usize {
    let tx = conn.transaction().expect("transaction");
    let mut first = None;
    for s in batch {
        let n = tx
            .execute(&s.sql, params_from_iter(s.params.iter().map(sql_value)))
            .unwrap_or_else(|e| panic!("{}: {e}", s.sql));
        first.get_or_insert(n);
    }
    tx.commit().expect("commit");
    first.unwrap_or(0)
}

fn world() -> Connection {
    let conn = crate::test_sqlite::migrated();
    conn.execute_batch(
        "INSERT INTO network (id, name, created_at) VALUES ('hub', 'Hub', 'now'), ('ggsn', 'GGSN', 'now');
         INSERT INTO person (id, name) VALUES ('p-fac', 'Fac'), ('p-other', 'Other');
         INSERT INTO account (id, email, name, password_hash, person_id, created_at) VALUES
           ('coord', 'c@x', 'C', 'x', NULL, 'now'),
           ('fac', 'f@x', 'F', 'x', 'p-fac', 'now'),
           ('fac-elsewhere', 'g@x', 'G', 'x', 'p-other', 'now'),
           ('stranger', 's@x', 'S', 'x', NULL, 'now');
         INSERT INTO membership (account_id, network_id, role, created_at) VALUES
           ('coord', 'hub', 'coordinator', 'now'),
           ('fac', 'hub', 'facilitator', 'now'),
           ('fac-elsewhere', 'hub', 'facilitator', 'now'),
           ('stranger', 'ggsn', 'coordinator', 'now');
         INSERT INTO offering (id, kind, title, summary, description, format, network_id)
           VALUES ('o', 'workshop', '{}', '{}', '{}', 'online', 'hub');
         INSERT INTO offering_person (offering_id, person_id) VALUES ('o', 'p-fac');
         INSERT INTO edition (id, offering_id, registration_mode, format) VALUES ('e', 'o', 'open', 'online');
         INSERT INTO session (id, edition_id, starts_at, ends_at, zone) VALUES
           ('s1', 'e', '2027-03-02T23:00:00Z', '2027-03-03T00:30:00Z', 'America/Toronto'),
           ('s-off', 'e', '2027-03-16T22:00:00Z', '2027-03-16T23:30:00Z', 'America/Toronto');
         UPDATE session SET cancelled_at = '2027-03-01T00:00:00Z' WHERE id = 's-off';",
    )
    .expect("world");
    for (i, status) in Status::ALL.iter().enumerate() {
        conn.execute(
            "INSERT INTO registration (id, edition_id, email, name, lang, zone, status, arrival, \
               consented_at, created_at) VALUES (?1, 'e', ?1, ?1, 'fr', 'UTC', ?2, ?3, 'now', 'now')",
            rusqlite::params![format!("r-{}", status.as_str()), status.as_str(), i as i64 + 1],
        )
        .expect("registration");
    }
    conn
}

fn mark_of(conn: &Connection, session: &str, registration: &str) -> Option<String> {
    conn.query_row(
        "SELECT mark FROM attendance WHERE session_id = ?1 AND registration_id = ?2",
        [session, registration],
        |r| r.get(0),
    )
    .ok()
}

fn audit(conn: &Connection) -> Vec<(String, String, String)> {
    let mut s = conn
        .prepare("SELECT network_id, entity_id, changes FROM audit ORDER BY id")
        .expect("audit");
    s.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .expect("query")
        .map(|r| r.expect("row"))
        .collect()
}

fn tap(
    conn: &mut Connection,
    session: &str,
    registration: &str,
    m: AttendanceMark,
    account: &str,
    at: &str,
) -> usize {
    let before = mark_of(conn, session, registration).and_then(|m| AttendanceMark::parse(&m));
    run(
        conn,
        &[
            mark(session, registration, m, account, at),
            audited(session, registration, before, account, at),
        ],
    )
}

#[test]
fn only_people_with_a_place_are_marked_and_each_mark_is_audited() {
    let mut conn = world();
    let at = "2027-03-02T23:10:00Z";
    for status in Status::ALL {
        let id = format!("r-{}", status.as_str());
        let changed = tap(&mut conn, "s1", &id, AttendanceMark::Present, "coord", at);
        assert_eq!(changed == 1, takes_attendance(status), "{status:?}");
        assert_eq!(
            mark_of(&conn, "s1", &id).is_some(),
            takes_attendance(status),
            "{status:?}"
        );
    }
    let written = audit(&conn);
    assert_eq!(
        written.len(),
        Status::ALL.iter().filter(|s| takes_attendance(**s)).count()
    );
    assert!(written.iter().all(|(network, _, _)| network == "hub"));
    let (_, entity, changes) = &written[0];
    assert_eq!(entity, "r-held");
    let changes: serde_json::Value = serde_json::from_str(changes).expect("json");
    assert_eq!(changes["session"], "s1");
    assert_eq!(changes["mark"]["before"], serde_json::Value::Null);
    assert_eq!(changes["mark"]["after"], "present");

    // Marked again: changed in place, the audit says what it was.
    assert_eq!(
        tap(
            &mut conn,
            "s1",
            "r-confirmed",
            AttendanceMark::Excused,
            "coord",
            "2027-03-02T23:20:00Z"
        ),
        1
    );
    assert_eq!(
        mark_of(&conn, "s1", "r-confirmed").as_deref(),
        Some("excused")
    );
    let last = audit(&conn).pop().expect("entry");
    let changes: serde_json::Value = serde_json::from_str(&last.2).expect("json");
    assert_eq!(
        (
            changes["mark"]["before"].as_str(),
            changes["mark"]["after"].as_str()
        ),
        (Some("present"), Some("excused"))
    );
}

#[test]
fn marks_reach_what_the_roles_reach_and_never_a_cancelled_session() {
    let mut conn = world();
    let at = "2027-03-02T23:10:00Z";
    let count = |conn: &Connection| audit(conn).len();
    // Another network's coordinator, and a facilitator of another offering: nothing.
    assert_eq!(
        tap(
            &mut conn,
            "s1",
            "r-confirmed",
            AttendanceMark::Absent,
            "stranger",
            at
        ),
        0
    );
    assert_eq!(
        tap(
            &mut conn,
            "s1",
            "r-confirmed",
            AttendanceMark::Absent,
            "fac-elsewhere",
            at
        ),
        0
    );
    assert_eq!(count(&conn), 0);
    // The facilitator of the offering marks it.
    assert_eq!(
        tap(
            &mut conn,
            "s1",
            "r-confirmed",
            AttendanceMark::Absent,
            "fac",
            at
        ),
        1
    );
    assert_eq!(count(&conn), 1);
    // A cancelled session takes no mark, from anyone.
    assert_eq!(
        tap(
            &mut conn,
            "s-off",
            "r-confirmed",
            AttendanceMark::Present,
            "coord",
            at
        ),
        0
    );
    assert_eq!(count(&conn), 1);
    // A registration of another edition is not on this session's list.
    conn.execute_batch(
        "INSERT INTO edition (id, offering_id, registration_mode, format) VALUES ('e2', 'o', 'open', 'online');
         INSERT INTO registration (id, edition_id, email, name, lang, zone, status, arrival, consented_at, created_at)
           VALUES ('r-e2', 'e2', 'x', 'x', 'fr', 'UTC', 'confirmed', 1, 'now', 'now');",
    )
    .expect("other edition");
    assert_eq!(
        tap(
            &mut conn,
            "s1",
            "r-e2",
            AttendanceMark::Present,
            "coord",
            at
        ),
        0
    );
    // The reading reaches as far as the action.
    for (account, action, expected) in [
        ("coord", Action::ViewRegistrations, 5),
        ("fac", Action::MarkAttendance, 5),
        ("fac-elsewhere", Action::ViewRegistrations, 0),
        ("stranger", Action::ViewRegistrations, 0),
    ] {
        let mut s = conn.prepare(&list_sql(action)).expect("list");
        let n = s
            .query_map(["s1", account], |r| r.get::<_, String>(0))
            .expect("rows")
            .count();
        assert_eq!(n, expected, "{account}");
    }
}

#[test]
fn deleting_a_registration_takes_its_marks_with_it() {
    let mut conn = world();
    tap(
        &mut conn,
        "s1",
        "r-confirmed",
        AttendanceMark::Present,
        "coord",
        "2027-03-02T23:10:00Z",
    );
    conn.execute("DELETE FROM registration WHERE id = 'r-confirmed'", [])
        .expect("delete");
    assert_eq!(mark_of(&conn, "s1", "r-confirmed"), None);
    // A mark with another value than the domain's is refused by the table itself.
    let refused = conn.execute(
        "INSERT INTO attendance (session_id, registration_id, mark, marked_by, marked_at) \
         VALUES ('s1', 'r-accepted', 'late', 'coord', '2027-03-02T23:10:00Z')",
        [],
    );
    assert!(refused.is_err());
}
