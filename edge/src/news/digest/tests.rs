//! The digest's statements on real SQLite: one message per confirmed follower of the network,
//! each due when `digest_delay_minutes` says, once per key; and the coming editions it lists.

use relais_domain::news::{digest_delay_minutes, DIGEST_ITEMS};
use rusqlite::Connection;

use super::*;

const AT: &str = "2026-12-01T10:00:00Z";

fn network_with_followers(confirmed: u32) -> Connection {
    let conn = crate::test_sqlite::migrated();
    conn.execute_batch(
        "INSERT INTO network (id, name, created_at) VALUES
           ('ggsn', 'GGSN', '2026-01-01T00:00:00Z'), ('hub', 'Hub', '2026-01-01T00:00:00Z');
         INSERT INTO offering (id, kind, title, summary, description, format, network_id, state) VALUES
           ('rencontre', 'community_meeting', '{\"fr\":\"Rencontre\"}', '{}', '{}', 'online', 'ggsn', 'published');
         INSERT INTO follow (id, email, lang, zone, purpose, network_id, offering_id, consented_at, confirmed_at) VALUES
           ('unconfirmed', 'u@example.org', 'fr', 'Africa/Dakar', 'network_news', 'ggsn', NULL, '2026-01-01T00:00:00Z', NULL),
           ('elsewhere', 'e@example.org', 'fr', 'Africa/Dakar', 'network_news', 'hub', NULL, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
           ('dates', 'd@example.org', 'fr', 'Africa/Dakar', 'offering_dates', NULL, 'rencontre', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');",
    )
    .expect("network");
    for i in 0..confirmed {
        // Consented in the reverse order of their ids: the order is the consent's.
        conn.execute(
            "INSERT INTO follow (id, email, lang, zone, purpose, network_id, consented_at, confirmed_at) \
             VALUES (?1, ?2, 'en', 'Asia/Kolkata', 'network_news', 'ggsn', ?3, ?3)",
            rusqlite::params![
                format!("f{:03}", confirmed - i),
                format!("p{i}@example.org"),
                format!("2026-02-01T00:{:02}:{:02}Z", i / 60, i % 60),
            ],
        )
        .expect("follower");
    }
    conn
}

fn queue_digest(conn: &mut Connection, key: &str) {
    crate::test_sqlite::run(
        conn,
        &[Statement {
            sql: queue(),
            params: vec![
                text("ggsn"),
                text("https://relais.example"),
                text("{}"),
                text(key),
                text(AT),
            ],
        }],
    );
}

/// The digest's rows: recipient and when each falls due, in the order they fall due.
fn queued(conn: &Connection) -> Vec<(String, String)> {
    let mut s = conn
        .prepare(
            "SELECT recipient, next_attempt_at FROM outbox WHERE kind = 'news_digest' \
             ORDER BY next_attempt_at, id",
        )
        .expect("prepare");
    let rows = s
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .expect("query")
        .collect::<Result<Vec<(String, String)>, _>>()
        .expect("rows");
    rows
}

#[test]
fn one_message_per_confirmed_follower_due_a_round_at_a_time_once_per_key() {
    let mut conn = network_with_followers(45);
    queue_digest(&mut conn, "k1");
    let rows = queued(&conn);
    assert_eq!(rows.len(), 45, "the network's confirmed followers only");
    let start = chrono::DateTime::parse_from_rfc3339(AT).expect("instant");
    for (position, (recipient, due)) in rows.iter().enumerate() {
        assert_eq!(
            recipient,
            &format!("p{position}@example.org"),
            "in the order they consented"
        );
        let expected =
            start + chrono::TimeDelta::minutes(i64::from(digest_delay_minutes(position as u32)));
        assert_eq!(
            due,
            &expected
                .to_utc()
                .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            "position {position}"
        );
    }
    assert_eq!(digest_delay_minutes(44), 10, "45 followers: three rounds");
    queue_digest(&mut conn, "k1");
    assert_eq!(queued(&conn).len(), 45, "the same key queues nothing again");
    queue_digest(&mut conn, "k2");
    assert_eq!(queued(&conn).len(), 90, "another digest");
}

#[test]
fn a_digest_lists_the_networks_public_editions_still_to_come_soonest_first() {
    let conn = network_with_followers(0);
    conn.execute_batch(
        "INSERT INTO offering (id, kind, title, summary, description, format, network_id, state) VALUES
           ('brouillon', 'workshop', '{}', '{}', '{}', 'online', 'ggsn', 'draft'),
           ('ailleurs', 'workshop', '{}', '{}', '{}', 'online', 'hub', 'published');",
    )
    .expect("offerings");
    let edition = |id: &str, offering: &str, state: &str, starts: &str, cancelled: bool| {
        conn.execute_batch(&format!(
            "INSERT INTO edition (id, offering_id, registration_mode, format, state) \
               VALUES ('{id}', '{offering}', 'open', 'online', '{state}');
             INSERT INTO session (id, edition_id, starts_at, ends_at, zone, cancelled_at) \
               VALUES ('{id}-s', '{id}', '{starts}', '{ends}', 'UTC', {cancelled_at});",
            ends = starts.replace("T10:", "T11:"),
            cancelled_at = if cancelled {
                "'2026-11-01T00:00:00Z'"
            } else {
                "NULL"
            }
        ))
        .expect("edition");
    };
    edition(
        "later",
        "rencontre",
        "published",
        "2027-03-01T10:00:00Z",
        false,
    );
    edition(
        "sooner",
        "rencontre",
        "published",
        "2027-01-01T10:00:00Z",
        false,
    );
    edition(
        "past",
        "rencontre",
        "published",
        "2026-11-01T10:00:00Z",
        false,
    );
    edition("draft", "rencontre", "draft", "2027-01-02T10:00:00Z", false);
    edition(
        "of-a-draft",
        "brouillon",
        "published",
        "2027-01-03T10:00:00Z",
        false,
    );
    edition(
        "cancelled",
        "rencontre",
        "published",
        "2027-01-04T10:00:00Z",
        true,
    );
    edition(
        "elsewhere",
        "ailleurs",
        "published",
        "2027-01-05T10:00:00Z",
        false,
    );
    for i in 0..DIGEST_ITEMS {
        edition(
            &format!("z{i:02}"),
            "rencontre",
            "published",
            &format!("2028-01-{:02}T10:00:00Z", i + 1),
            false,
        );
    }
    let mut s = conn.prepare(&coming_sql()).expect("prepare");
    let listed = s
        .query_map(["ggsn", AT], |r| r.get::<_, String>("edition_id"))
        .expect("query")
        .collect::<Result<Vec<_>, _>>()
        .expect("rows");
    let mut expected = vec!["sooner".to_owned(), "later".to_owned()];
    expected.extend((0..DIGEST_ITEMS - 2).map(|i| format!("z{i:02}")));
    assert_eq!(listed, expected);
}
