//! The network's messages on real SQLite: a failed message is sent again only by its own
//! network's coordinators, with its audit entry, and the lists and summary read only the
//! caller's network, its organisations' messages included.

use relais_domain::registration::lifecycle::Status;
use rusqlite::{params_from_iter, Connection};

use super::*;

use crate::test_sqlite::sql_value;

/// Runs the batch in one transaction: the rows its first statement changed.
fn run(conn: &mut Connection, batch: &[Statement]) -> usize {
    let tx = conn.transaction().expect("transaction");
    let mut first = None;
    for s in batch {
        let n = tx
            .execute(&s.sql, params_from_iter(s.params.iter().map(sql_value)))
            .unwrap_or_else(|e| panic!("{e}\n{}", s.sql));
        first.get_or_insert(n);
    }
    tx.commit().expect("commit");
    first.unwrap_or(0)
}

fn world() -> Connection {
    let conn = super::super::announcements::tests::world(&[
        Status::Confirmed,
        Status::Applied,
        Status::Applied,
    ]);
    conn.execute_batch(
        "INSERT INTO outbox (id, registration_id, edition_id, kind, created_at, attempts, failed_at, last_error)
           VALUES (1, 'r0', 'ed', 'confirmed', 'a', 20, 'b', 'email service answered 500');
         INSERT INTO outbox (id, registration_id, edition_id, kind, created_at, sent_at)
           VALUES (2, 'r1', 'ed', 'applied', 'a', 'b');
         INSERT INTO session (id, edition_id, starts_at, ends_at, zone)
           VALUES ('s1', 'ed', '2030-01-02T10:00:00Z', '2030-01-02T11:00:00Z', 'UTC'),
                  ('s2', 'ed', '2030-03-02T10:00:00Z', '2030-03-02T11:00:00Z', 'UTC');
         INSERT INTO organisation (id, network_id, name, kind, created_at)
           VALUES ('org', 'hub', 'Collectif du Hub', 'collective', 'a'),
                  ('org2', 'ggsn', 'Collectif GGSN', 'collective', 'a');
         INSERT INTO organisation_contact (id, organisation_id, name, email, lang, created_at)
           VALUES ('c1', 'org', 'Harpreet', 'h@example.org', 'en', 'a'),
                  ('c2', 'org2', 'Ngozi', 'n@example.org', 'fr', 'a');
         INSERT INTO outbox (id, contact_id, kind, created_at, attempts, failed_at, last_error)
           VALUES (3, 'c1', 'organisation_link', 'a', 20, 'b', 'email service answered 500'),
                  (4, 'c2', 'organisation_link', 'a', 20, 'b', 'email service answered 500');",
    )
    .expect("messages");
    conn
}

fn retried(conn: &Connection) -> u32 {
    conn.query_row(
        "SELECT count(*) FROM audit WHERE entity = 'message' AND action = 'retried'",
        [],
        |r| r.get(0),
    )
    .expect("audit")
}

#[test]
fn only_the_network_s_coordinators_send_a_failed_message_again() {
    let mut conn = world();
    for (account, network) in [
        ("other", "hub"),
        ("other", "ggsn"),
        ("fac", "hub"),
        ("coord", "ggsn"),
    ] {
        assert_eq!(
            run(&mut conn, &retry_statements(1, network, account, "t")),
            0,
            "{account} {network}"
        );
        assert_eq!(retried(&conn), 0);
    }
    // A message sent, or one that has not failed, is not sent again.
    assert_eq!(run(&mut conn, &retry_statements(2, "hub", "coord", "t")), 0);
    assert_eq!(retried(&conn), 0);
    assert_eq!(run(&mut conn, &retry_statements(1, "hub", "coord", "t")), 1);
    assert_eq!(retried(&conn), 1);
    let (attempts, failed): (u32, Option<String>) = conn
        .query_row(
            "SELECT attempts, failed_at FROM outbox WHERE id = 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("row");
    assert_eq!((attempts, failed), (0, None));
    // Now queued again, it has not failed: a second retry changes nothing.
    assert_eq!(run(&mut conn, &retry_statements(1, "hub", "coord", "t")), 0);
    assert_eq!(retried(&conn), 1);
    // An organisation's message is its network's: another network's stays as it is.
    assert_eq!(run(&mut conn, &retry_statements(4, "hub", "coord", "t")), 0);
    assert_eq!(
        run(&mut conn, &retry_statements(3, "ggsn", "coord", "t")),
        0
    );
    assert_eq!(run(&mut conn, &retry_statements(3, "hub", "coord", "t")), 1);
    assert_eq!(retried(&conn), 2);
}

#[test]
fn lists_and_the_summary_read_only_the_caller_s_network() {
    let conn = world();
    let ids = |network: &str, account: &str| -> Vec<u32> {
        let mut stmt = conn.prepare(&list_sql()).expect("list");
        stmt.query_map(rusqlite::params![network, account, None::<u32>], |r| {
            r.get(0)
        })
        .expect("rows")
        .map(|r| r.expect("row"))
        .collect()
    };
    assert_eq!(ids("hub", "coord"), [3, 2, 1]);
    let (organisation, to): (Option<String>, Option<String>) = conn
        .query_row(&list_sql(), rusqlite::params!["hub", "coord", 3], |r| {
            Ok((r.get("organisation")?, r.get("recipient_name")?))
        })
        .expect("an organisation's message");
    assert_eq!(
        (organisation.as_deref(), to.as_deref()),
        (Some("Collectif du Hub"), Some("Harpreet"))
    );
    assert!(ids("hub", "other").is_empty());
    assert_eq!(
        ids("ggsn", "other"),
        [4],
        "its own organisation's message only"
    );
    assert!(ids("hub", "fac").is_empty());
    let [applications, sessions, failed] = summary_sql();
    let waiting = |account: &str| -> Vec<(String, u32)> {
        let mut stmt = conn.prepare(&applications).expect("applications");
        stmt.query_map(["hub", account], |r| Ok((r.get(0)?, r.get(2)?)))
            .expect("rows")
            .map(|r| r.expect("row"))
            .collect()
    };
    assert_eq!(waiting("coord"), [("ed".to_owned(), 2)]);
    assert!(waiting("other").is_empty());
    let soon = |account: &str| -> Vec<String> {
        let mut stmt = conn.prepare(&sessions).expect("sessions");
        stmt.query_map(
            [
                "hub",
                account,
                "2030-01-01T00:00:00Z",
                "2030-01-09T00:00:00Z",
            ],
            |r| r.get(0),
        )
        .expect("rows")
        .map(|r| r.expect("row"))
        .collect()
    };
    assert_eq!(soon("coord"), ["s1"]);
    assert!(soon("other").is_empty());
    let count = |account: &str| -> u32 {
        conn.query_row(&failed, ["hub", account], |r| r.get(0))
            .expect("count")
    };
    assert_eq!(count("coord"), 2, "the registrant's and the organisation's");
    assert_eq!(count("other"), 0);
}
