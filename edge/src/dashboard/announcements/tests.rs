//! The announcement's batch on real SQLite with every migration: whom it reaches is the
//! domain's audience whatever the statuses, the same key queues it once, and another
//! network's coordinator queues nothing.

use proptest::prelude::*;
use relais_domain::announcement::{AnnouncementDraft, Audience};
use relais_domain::registration::lifecycle::Status;
use relais_domain::Localized;
use rusqlite::{params_from_iter, Connection};

use super::*;

const AT: &str = "2030-01-01T10:00:00Z";

use crate::test_sqlite::sql_value;

/// Runs `batch` as D1 does (one transaction) and reads its last statement's first row.
pub(crate) fn run(conn: &mut Connection, batch: &[Statement]) -> Option<(String, u32, String)> {
    let tx = conn.transaction().expect("transaction");
    let (last, before) = batch.split_last().expect("statements");
    for s in before {
        tx.execute(&s.sql, params_from_iter(s.params.iter().map(sql_value)))
            .unwrap_or_else(|e| panic!("{e}\n{}", s.sql));
    }
    let row = tx
        .query_row(
            &last.sql,
            params_from_iter(last.params.iter().map(sql_value)),
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .ok();
    tx.commit().expect("commit");
    row
}

/// Two networks, a coordinator of each, an edition in `hub` with one registration per status.
pub(crate) fn world(statuses: &[Status]) -> Connection {
    let conn = crate::test_sqlite::migrated();
    conn.execute_batch(
        "INSERT INTO network (id, name, created_at) VALUES ('hub', 'Hub', 'now'), ('ggsn', 'GGSN', 'now');
         INSERT INTO account (id, email, name, password_hash, created_at) VALUES
           ('coord', 'c@x', 'C', 'x', 'now'), ('other', 'o@x', 'O', 'x', 'now'), ('fac', 'f@x', 'F', 'x', 'now');
         INSERT INTO membership (account_id, network_id, role, created_at) VALUES
           ('coord', 'hub', 'coordinator', 'now'), ('other', 'ggsn', 'coordinator', 'now'),
           ('fac', 'hub', 'facilitator', 'now');
         INSERT INTO offering (id, kind, title, summary, description, format, network_id)
           VALUES ('o', 'workshop', '{\"fr\":\"Atelier\"}', '{}', '{}', 'online', 'hub');
         INSERT INTO edition (id, offering_id, registration_mode, format) VALUES ('ed', 'o', 'open', 'online');",
    )
    .expect("world");
    for (i, status) in statuses.iter().enumerate() {
        conn.execute(
            "INSERT INTO registration (id, edition_id, email, name, lang, zone, status, arrival, consented_at, created_at) \
             VALUES (?1, 'ed', ?1, 'n', 'fr', 'UTC', ?2, ?3, 'a', 'a')",
            rusqlite::params![format!("r{i}"), status.as_str(), i as i64 + 1],
        )
        .expect("registration");
    }
    conn
}

fn draft() -> AnnouncementDraft {
    AnnouncementDraft {
        subject: Localized::new([("fr", "Salle"), ("en", "Room")]),
        body: Localized::new([("fr", "La salle change."), ("en", "The room changes.")]),
        audience: Some(Audience::WithPlace),
        include_sessions: true,
        key: Some("k1".into()),
        ..AnnouncementDraft::default()
    }
}

fn queued(
    conn: &mut Connection,
    id: &str,
    account: &str,
    key: &str,
    audience: Audience,
) -> Option<(String, u32, String)> {
    queued_to(conn, id, account, key, audience, None)
}

/// Queued to the people of `only` alone (ids, as a filter kept them), when given.
fn queued_to(
    conn: &mut Connection,
    id: &str,
    account: &str,
    key: &str,
    audience: Audience,
    only: Option<&[String]>,
) -> Option<(String, u32, String)> {
    let draft = draft();
    let statements = queue(&Queued {
        id,
        network_id: "hub",
        edition_id: "ed",
        account_id: account,
        key,
        draft: &draft,
        audience,
        only: only.map(|ids| serde_json::to_string(ids).expect("ids")),
        at: AT,
    })
    .expect("statements");
    run(conn, &statements)
}

fn outbox(conn: &Connection) -> Vec<(String, String, String)> {
    let mut stmt = conn
        .prepare(
            "SELECT registration_id, kind, announcement_id FROM outbox ORDER BY registration_id",
        )
        .expect("select");
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .expect("rows")
        .map(|r| r.expect("row"))
        .collect()
}

fn count(conn: &Connection, audience: Audience, account: &str) -> Option<u32> {
    conn.query_row(&count_sql(audience, "?1", "?2"), ["ed", account], |r| {
        r.get(0)
    })
    .ok()
}

fn audits(conn: &Connection) -> u32 {
    conn.query_row(
        "SELECT count(*) FROM audit WHERE entity = 'announcement'",
        [],
        |r| r.get(0),
    )
    .expect("audit")
}

proptest! {
    #[test]
    fn it_reaches_exactly_the_domain_s_audience(
        statuses in proptest::collection::vec(proptest::sample::select(Status::ALL.to_vec()), 0..12),
        audience in proptest::sample::select(Audience::ALL.to_vec()),
        kept in proptest::option::of(proptest::collection::vec(any::<bool>(), 12)),
    ) {
        let mut conn = world(&statuses);
        let in_audience: Vec<String> = statuses
            .iter()
            .enumerate()
            .filter(|(_, s)| audience.includes(**s))
            .map(|(i, _)| format!("r{i}"))
            .collect();
        prop_assert_eq!(count(&conn, audience, "coord"), Some(in_audience.len() as u32));
        // A filter's list (some of everyone, whatever their status) narrows the audience.
        let only: Option<Vec<String>> = kept.map(|kept| {
            (0..statuses.len()).filter(|i| kept[*i]).map(|i| format!("r{i}")).collect()
        });
        let expected: Vec<String> = in_audience
            .into_iter()
            .filter(|id| only.as_ref().is_none_or(|only| only.contains(id)))
            .collect();
        let standing = queued_to(&mut conn, "a1", "coord", "k1", audience, only.as_deref());
        let mut sent: Vec<String> = outbox(&conn).into_iter().map(|(r, _, _)| r).collect();
        sent.sort();
        let mut wanted = expected.clone();
        wanted.sort();
        prop_assert_eq!(sent, wanted);
        if expected.is_empty() {
            // Nobody to send to: nothing is recorded.
            prop_assert_eq!(standing, None);
            prop_assert_eq!(audits(&conn), 0);
        } else {
            prop_assert_eq!(standing, Some(("a1".to_owned(), expected.len() as u32, "ed".to_owned())));
            prop_assert_eq!(audits(&conn), 1);
        }
    }
}

#[test]
fn the_same_key_queues_it_once() {
    let mut conn = world(&[Status::Confirmed, Status::Waitlisted, Status::Accepted]);
    let first = queued(&mut conn, "a1", "coord", "k1", Audience::Active);
    assert_eq!(first, Some(("a1".into(), 3, "ed".into())));
    // A double click: a new id, the same key.
    let again = queued(&mut conn, "a2", "coord", "k1", Audience::Active);
    assert_eq!(again, first);
    let rows = outbox(&conn);
    assert_eq!(rows.len(), 3);
    assert!(rows
        .iter()
        .all(|(_, kind, a)| kind == OUTBOX_KIND && a == "a1"));
    assert_eq!(audits(&conn), 1);
    // Another key is another announcement.
    let other = queued(&mut conn, "a3", "coord", "k2", Audience::Waiting);
    assert_eq!(other, Some(("a3".into(), 1, "ed".into())));
    assert_eq!(outbox(&conn).len(), 4);
    assert_eq!(audits(&conn), 2);
}

#[test]
fn another_network_s_coordinator_reaches_nothing() {
    let mut conn = world(&[Status::Confirmed, Status::Waitlisted]);
    for account in ["other", "fac", "nobody"] {
        assert_eq!(count(&conn, Audience::Active, account), None, "{account}");
        assert_eq!(
            queued(&mut conn, "a1", account, "k1", Audience::Active),
            None
        );
        assert!(outbox(&conn).is_empty());
        assert_eq!(audits(&conn), 0);
    }
    assert_eq!(count(&conn, Audience::Active, "coord"), Some(2));
}

/// Every migration before `0009_announcements.sql` applied, for testing that file's rebuild.
fn migrated_before_announcements() -> Connection {
    let conn = Connection::open_in_memory().expect("in-memory SQLite");
    conn.execute_batch("PRAGMA foreign_keys = ON;")
        .expect("pragma");
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/migrations");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("migrations")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "sql"))
        .collect();
    files.sort();
    for file in files.iter().filter(|f| {
        f.file_name()
            .is_some_and(|n| n.to_string_lossy().as_ref() < "0009")
    }) {
        let sql = std::fs::read_to_string(file).expect("migration");
        conn.execute_batch(&sql)
            .unwrap_or_else(|e| panic!("{}: {e}", file.display()));
    }
    conn
}

fn outbox_columns(conn: &Connection) -> Vec<String> {
    let mut stmt = conn
        .prepare("SELECT name FROM pragma_table_info('outbox') ORDER BY cid")
        .expect("columns");
    stmt.query_map([], |r| r.get(0))
        .expect("rows")
        .map(|r| r.expect("row"))
        .collect()
}

#[test]
fn the_outbox_rebuild_keeps_every_row_and_column() {
    let conn = migrated_before_announcements();
    let before = outbox_columns(&conn);
    // A row with every column set: what it holds must survive the rebuild.
    let values: Vec<String> = before
        .iter()
        .map(|c| match c.as_str() {
            "id" | "attempts" | "sequence" => "7".to_owned(),
            "kind" => "'session_changed'".to_owned(),
            other => format!("'{other}-value'"),
        })
        .collect();
    conn.execute_batch(&format!(
        "INSERT INTO outbox ({}) VALUES ({});",
        before.join(", "),
        values.join(", ")
    ))
    .expect("a full row");
    let read = |conn: &Connection| -> Vec<Option<String>> {
        conn.query_row(
            &format!(
                "SELECT {} FROM outbox WHERE id = 7",
                before
                    .iter()
                    .map(|c| format!("CAST({c} AS TEXT)"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            [],
            |r| (0..before.len()).map(|i| r.get(i)).collect(),
        )
        .expect("the row")
    };
    let kept = read(&conn);
    let migration = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/migrations/0009_announcements.sql"
    ))
    .expect("0009");
    conn.execute_batch(&migration).expect("0009 applies");
    let after = outbox_columns(&conn);
    for column in &before {
        assert!(after.contains(column), "{column} kept");
    }
    assert!(after.contains(&"announcement_id".to_owned()));
    assert_eq!(read(&conn), kept, "every value kept");
    // The new kind, only with its announcement.
    let insert = |announcement: Option<&str>| {
        conn.execute(
            "INSERT INTO outbox (registration_id, edition_id, kind, created_at, announcement_id) \
             VALUES ('r', 'e', ?1, 'a', ?2)",
            rusqlite::params![OUTBOX_KIND, announcement],
        )
    };
    assert!(insert(None).is_err());
    assert!(insert(Some("no-such-announcement")).is_err(), "a real one");
}
