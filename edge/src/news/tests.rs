//! The publication's news statement on real SQLite with every migration: once per person
//! and edition, only to confirmed follows of the offering or its network, only for an
//! edition now public with a session to come.

use rusqlite::Connection;

use super::*;
use crate::test_sqlite::migrated;

fn catalog() -> Connection {
    let conn = migrated();
    conn.execute_batch(
        "INSERT INTO network (id, name, created_at) VALUES
           ('hub', 'Hub', '2026-01-01T00:00:00Z'), ('ggsn', 'GGSN', '2026-01-01T00:00:00Z');
         INSERT INTO offering (id, network_id, kind, title, summary, description, format, state) VALUES
           ('ateliers', 'hub', 'workshop', '{\"fr\":\"Ateliers\"}', '{}', '{}', 'online', 'published'),
           ('autre', 'hub', 'workshop', '{\"fr\":\"Autre\"}', '{}', '{}', 'online', 'published'),
           ('ailleurs', 'ggsn', 'workshop', '{\"fr\":\"Ailleurs\"}', '{}', '{}', 'online', 'published');
         INSERT INTO edition (id, offering_id, registration_mode, format, state) VALUES
           ('printemps', 'ateliers', 'open', 'online', 'published'),
           ('brouillon', 'ateliers', 'open', 'online', 'draft'),
           ('passee', 'ateliers', 'open', 'online', 'published'),
           ('ggsn-1', 'ailleurs', 'open', 'online', 'published');
         INSERT INTO session (id, edition_id, starts_at, ends_at, zone) VALUES
           ('s1', 'printemps', '2027-03-01T14:00:00Z', '2027-03-01T16:00:00Z', 'UTC'),
           ('s2', 'brouillon', '2027-03-01T14:00:00Z', '2027-03-01T16:00:00Z', 'UTC'),
           ('s3', 'passee', '2026-01-01T14:00:00Z', '2026-01-01T16:00:00Z', 'UTC'),
           ('s4', 'ggsn-1', '2027-03-01T14:00:00Z', '2027-03-01T16:00:00Z', 'UTC');
         INSERT INTO follow (id, email, lang, zone, purpose, offering_id, network_id, consented_at, confirmed_at) VALUES
           ('a', 'awa@example.org', 'fr', 'UTC', 'offering_dates', 'ateliers', NULL, '2026-11-01T00:00:00Z', '2026-11-01T00:05:00Z'),
           ('a-hub', 'awa@example.org', 'fr', 'UTC', 'network_news', NULL, 'hub', '2026-11-01T00:00:00Z', '2026-11-01T00:05:00Z'),
           ('b', 'ben@example.org', 'en', 'UTC', 'network_news', NULL, 'hub', '2026-11-01T00:00:00Z', '2026-11-01T00:05:00Z'),
           ('c', 'chloe@example.org', 'fr', 'UTC', 'offering_dates', 'ateliers', NULL, '2026-11-01T00:00:00Z', NULL),
           ('d', 'dan@example.org', 'en', 'UTC', 'offering_dates', 'autre', NULL, '2026-11-01T00:00:00Z', '2026-11-01T00:05:00Z');",
    )
    .expect("catalog");
    conn
}

fn run(conn: &Connection, published: Published<'_>) -> usize {
    let statement = new_dates(
        published,
        "https://relais.example.org",
        "2026-11-30T00:00:00Z",
    );
    let params: Vec<String> = statement
        .params
        .iter()
        .map(|v| match v {
            Value::Text(t) => t.clone(),
            other => panic!("{other:?}"),
        })
        .collect();
    conn.execute(&statement.sql, rusqlite::params_from_iter(params))
        .expect("news")
}

fn queued(conn: &Connection) -> Vec<(String, String)> {
    let mut statement = conn
        .prepare("SELECT edition_id, recipient FROM outbox WHERE kind = 'new_dates' ORDER BY edition_id, recipient")
        .expect("prepare");
    statement
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .expect("query")
        .map(|r| r.expect("row"))
        .collect()
}

#[test]
fn a_publication_tells_each_confirmed_follower_once() {
    let conn = catalog();
    // Awa follows both the offering and its network: one message. Chloé never confirmed,
    // Dan follows another offering: none.
    assert_eq!(run(&conn, Published::Edition("printemps")), 2);
    assert_eq!(
        queued(&conn),
        [
            ("printemps".into(), "awa@example.org".into()),
            ("printemps".into(), "ben@example.org".into())
        ]
    );
    // Published again (unpublished, then published): nobody hears twice.
    assert_eq!(run(&conn, Published::Edition("printemps")), 0);
    // A draft, and an edition whose sessions are past, tell nobody.
    assert_eq!(run(&conn, Published::Edition("brouillon")), 0);
    assert_eq!(run(&conn, Published::Edition("passee")), 0);
    // The offering published: its public editions with dates to come, once again at most.
    assert_eq!(run(&conn, Published::Offering("ateliers")), 0);
    // Another network's edition: only its own followers (none here).
    assert_eq!(run(&conn, Published::Edition("ggsn-1")), 0);
    // Stopping deletes the follow and its links; the next edition reaches only Ben.
    conn.execute_batch(
        "INSERT INTO follow_token (token_hash, follow_id, created_at) VALUES ('t', 'a', '2026-11-01T00:00:00Z');
         DELETE FROM follow WHERE email = 'awa@example.org';
         INSERT INTO edition (id, offering_id, registration_mode, format, state)
           VALUES ('automne', 'ateliers', 'open', 'online', 'published');
         INSERT INTO session (id, edition_id, starts_at, ends_at, zone) VALUES
           ('s5', 'automne', '2027-09-01T14:00:00Z', '2027-09-01T16:00:00Z', 'UTC');",
    )
    .expect("stop");
    let tokens: i64 = conn
        .query_row("SELECT count(*) FROM follow_token", [], |r| r.get(0))
        .expect("count");
    assert_eq!(tokens, 0);
    assert_eq!(run(&conn, Published::Edition("automne")), 1);
    assert_eq!(
        queued(&conn)[0],
        ("automne".into(), "ben@example.org".into())
    );
}
