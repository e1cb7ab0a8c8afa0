//! The public conditions on real SQLite (the engine under D1) with every migration applied:
//! an offering, edition, person or partner in every state, editions of offerings in every
//! state, sessions cancelled or not, and only the published ones of published offerings come
//! out.

use rusqlite::Connection;

use relais_domain::authoring::PublicationState as Publication;

use super::*;

fn database() -> Connection {
    crate::test_sqlite::migrated()
}

/// One offering per state, each with one edition per state, each edition with a session
/// kept and a session cancelled; one person and one partner per state.
fn catalog() -> Connection {
    let conn = database();
    for o in Publication::ALL {
        let offering = o.as_str();
        conn.execute(
            "INSERT INTO offering (id, kind, title, summary, description, format, state) \
             VALUES (?1, 'workshop', '{}', '{}', '{}', 'online', ?1)",
            [offering],
        )
        .expect("offering");
        for e in Publication::ALL {
            let edition = format!("{offering}/{}", e.as_str());
            conn.execute(
                "INSERT INTO edition (id, offering_id, registration_mode, format, state) \
                 VALUES (?1, ?2, 'open', 'online', ?3)",
                [edition.as_str(), offering, e.as_str()],
            )
            .expect("edition");
            for (session, cancelled) in
                [("kept", None), ("cancelled", Some("2030-01-01T00:00:00Z"))]
            {
                conn.execute(
                    "INSERT INTO session (id, edition_id, starts_at, ends_at, zone, cancelled_at) \
                     VALUES (?1, ?2, '2030-02-01T10:00:00Z', '2030-02-01T11:00:00Z', 'UTC', ?3)",
                    rusqlite::params![format!("{edition}/{session}"), edition, cancelled],
                )
                .expect("session");
            }
        }
    }
    for s in Publication::ALL {
        conn.execute(
            "INSERT INTO person (id, name, state) VALUES (?1, ?1, ?1)",
            [s.as_str()],
        )
        .expect("person");
        conn.execute(
            "INSERT INTO partner (id, name, state) VALUES (?1, ?1, ?1)",
            [s.as_str()],
        )
        .expect("partner");
    }
    conn
}

fn ids(conn: &Connection, sql: &str) -> Vec<String> {
    let mut statement = conn.prepare(sql).unwrap_or_else(|e| panic!("{e}\n{sql}"));
    let rows = statement
        .query_map([], |row| row.get::<_, String>(0))
        .expect("query");
    let mut out: Vec<String> = rows.map(|r| r.expect("row")).collect();
    out.sort();
    out
}

#[test]
fn only_published_rows_are_public() {
    let conn = catalog();
    for table in ["offering", "person", "partner"] {
        assert_eq!(
            ids(
                &conn,
                &format!("SELECT id FROM {table} t WHERE {}", published("t"))
            ),
            ["published"],
            "{table}"
        );
    }
}

#[test]
fn an_edition_is_public_only_when_it_and_its_offering_are_published() {
    let conn = catalog();
    let joined = ids(
        &conn,
        &format!(
            "SELECT e.id FROM edition e JOIN offering o ON o.id = e.offering_id WHERE {}",
            edition_shown("e", "o")
        ),
    );
    assert_eq!(joined, ["published/published"]);
    let alone = ids(
        &conn,
        &format!(
            "SELECT e.id FROM edition e WHERE {}",
            edition_shown_alone("e")
        ),
    );
    assert_eq!(alone, joined);
}

#[test]
fn pages_leave_cancelled_sessions_out() {
    let conn = catalog();
    let shown = ids(
        &conn,
        &format!(
            "SELECT s.id FROM session s JOIN edition e ON e.id = s.edition_id \
             WHERE {} AND {}",
            edition_shown_alone("e"),
            session_shown("s")
        ),
    );
    assert_eq!(shown, ["published/published/kept"]);
}

#[test]
fn what_was_there_before_publication_states_stays_public() {
    let conn = database();
    conn.execute(
        "INSERT INTO offering (id, kind, title, summary, description, format) \
         VALUES ('before', 'workshop', '{}', '{}', '{}', 'online')",
        [],
    )
    .expect("an offering");
    assert_eq!(
        ids(
            &conn,
            &format!("SELECT id FROM offering o WHERE {}", published("o"))
        ),
        ["before"]
    );
}

#[test]
fn the_states_are_the_ones_the_schema_allows() {
    let conn = catalog();
    for table in ["offering", "edition", "person", "partner"] {
        for state in Publication::ALL {
            conn.execute(&format!("UPDATE {table} SET state = ?1"), [state.as_str()])
                .unwrap_or_else(|e| panic!("{table} refuses {state:?}: {e}"));
        }
        assert!(
            conn.execute(&format!("UPDATE {table} SET state = 'hidden'"), [])
                .is_err(),
            "{table} takes a state Publication does not know"
        );
    }
}

/// A member's link reads their network's members-only resources exactly while the domain
/// says their standing does (`community::Standing::is_member`), never another network's,
/// never a draft; public ones stay readable whatever the standing.
#[test]
fn a_members_link_reads_members_only_resources_while_a_member() {
    use relais_domain::community::Standing;
    let conn = crate::test_sqlite::migrated();
    conn.execute_batch(
        "INSERT INTO network (id, name, created_at) VALUES
           ('ggsn', 'GGSN', '2026-01-01T00:00:00Z'), ('hub', 'Hub', '2026-01-01T00:00:00Z');
         INSERT INTO community (network_id, rule, updated_at) VALUES
           ('ggsn', 'at_least_one', '2026-01-01T00:00:00Z'), ('hub', 'all', '2026-01-01T00:00:00Z');
         INSERT INTO resource (id, network_id, kind, visibility, published_at, updated_at, state) VALUES
           ('public', 'ggsn', 'guide', 'public', '2026-02-01T00:00:00Z', '2026-02-01T00:00:00Z', 'published'),
           ('members', 'ggsn', 'summary_sheet', 'members', '2026-02-01T00:00:00Z', '2026-02-01T00:00:00Z', 'published'),
           ('draft', 'ggsn', 'summary_sheet', 'members', NULL, '2026-02-01T00:00:00Z', 'draft'),
           ('hub-members', 'hub', 'guide', 'members', '2026-02-01T00:00:00Z', '2026-02-01T00:00:00Z', 'published');",
    )
    .expect("library");
    let readable = format!(
        "SELECT r.id FROM resource r WHERE {} ORDER BY r.id",
        resource_for_member("r", "?1")
    );
    for standing in Standing::ALL {
        conn.execute(
            "INSERT INTO community_member (id, network_id, standing, name, email, lang, zone, \
               on_behalf, consented_at, created_at) \
             VALUES ('awa', 'ggsn', ?1, 'Awa', 'awa@example.org', 'fr', 'UTC', 'individual', \
               '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
            [standing.as_str()],
        )
        .expect("member");
        conn.execute_batch(
            "INSERT INTO community_token (token_hash, member_id, created_at) \
             VALUES ('digest', 'awa', '2026-01-01T00:00:00Z')",
        )
        .expect("token");
        let mut statement = conn.prepare(&readable).expect("prepare");
        let ids: Vec<String> = statement
            .query_map(["digest"], |row| row.get(0))
            .expect("query")
            .map(|r| r.expect("row"))
            .collect();
        let expected: &[&str] = if standing.is_member() {
            &["members", "public"]
        } else {
            &["public"]
        };
        assert_eq!(ids, expected, "{standing:?}");
        let stranger: Vec<String> = statement
            .query_map(["another digest"], |row| row.get(0))
            .expect("query")
            .map(|r| r.expect("row"))
            .collect();
        assert_eq!(stranger, ["public"], "{standing:?}");
        // Leaving takes the links with the member.
        conn.execute_batch("DELETE FROM community_member WHERE id = 'awa'")
            .expect("leave");
        let left: i64 = conn
            .query_row("SELECT count(*) FROM community_token", [], |r| r.get(0))
            .expect("count");
        assert_eq!(left, 0);
    }
}

/// A members-only edition is on no public read, and on a member's link only while a member
/// of its own network's community; a public one is on both; a draft on neither.
#[test]
fn a_members_only_edition_is_a_members_while_a_member() {
    use relais_domain::community::Standing;
    let conn = crate::test_sqlite::migrated();
    conn.execute_batch(
        "INSERT INTO network (id, name, created_at) VALUES
           ('ggsn', 'GGSN', '2026-01-01T00:00:00Z'), ('hub', 'Hub', '2026-01-01T00:00:00Z');
         INSERT INTO community (network_id, rule, updated_at) VALUES
           ('ggsn', 'at_least_one', '2026-01-01T00:00:00Z'), ('hub', 'all', '2026-01-01T00:00:00Z');
         INSERT INTO offering (id, network_id, kind, title, summary, description, format, state) VALUES
           ('meetings', 'ggsn', 'community_meeting', '{}', '{}', '{}', 'online', 'published'),
           ('unpublished', 'ggsn', 'community_meeting', '{}', '{}', '{}', 'online', 'draft'),
           ('hub-meetings', 'hub', 'community_meeting', '{}', '{}', '{}', 'online', 'published');
         INSERT INTO edition (id, offering_id, registration_mode, format, state, visibility) VALUES
           ('open', 'meetings', 'open', 'online', 'published', 'public'),
           ('members', 'meetings', 'open', 'online', 'published', 'members'),
           ('members-draft', 'meetings', 'open', 'online', 'draft', 'members'),
           ('members-of-draft', 'unpublished', 'open', 'online', 'published', 'members'),
           ('hub-members', 'hub-meetings', 'open', 'online', 'published', 'members');",
    )
    .expect("editions");
    let public = ids(
        &conn,
        &format!(
            "SELECT e.id FROM edition e JOIN offering o ON o.id = e.offering_id WHERE {}",
            edition_shown("e", "o")
        ),
    );
    assert_eq!(public, ["open"]);
    let seen = format!(
        "SELECT e.id FROM edition e WHERE {} ORDER BY e.id",
        edition_for_member("e", "?1")
    );
    let seen_with = |token: &str| -> Vec<String> {
        let mut statement = conn.prepare(&seen).expect("prepare");
        let rows = statement
            .query_map([token], |row| row.get(0))
            .expect("query")
            .map(|r| r.expect("row"))
            .collect();
        rows
    };
    for standing in Standing::ALL {
        conn.execute(
            "INSERT INTO community_member (id, network_id, standing, name, email, lang, zone, \
               on_behalf, consented_at, created_at) \
             VALUES ('awa', 'ggsn', ?1, 'Awa', 'awa@example.org', 'fr', 'UTC', 'individual', \
               '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
            [standing.as_str()],
        )
        .expect("member");
        conn.execute_batch(
            "INSERT INTO community_token (token_hash, member_id, created_at) \
             VALUES ('digest', 'awa', '2026-01-01T00:00:00Z')",
        )
        .expect("token");
        let expected: &[&str] = if standing.is_member() {
            &["members", "open"]
        } else {
            &["open"]
        };
        assert_eq!(seen_with("digest"), expected, "{standing:?}");
        assert_eq!(seen_with("another digest"), ["open"], "{standing:?}");
        conn.execute_batch("DELETE FROM community_member WHERE id = 'awa'")
            .expect("leave");
        assert_eq!(seen_with("digest"), ["open"], "left");
    }
}

/// A registration reads the published resources linked to its edition, members-only or not,
/// exactly while it holds a place there (`Status::holds_place`); never another edition's,
/// nor a draft, nor another registration's.
#[test]
fn a_participants_link_reads_their_editions_resources_while_holding_a_place() {
    use relais_domain::registration::Status;
    let conn = catalog();
    let edition = format!("{0}/{0}", Publication::Published.as_str());
    let other = format!(
        "{}/{}",
        Publication::Published.as_str(),
        Publication::Draft.as_str()
    );
    conn.execute_batch(
        "INSERT INTO network (id, name, created_at) VALUES ('ggsn', 'GGSN', '2026-01-01T00:00:00Z');
         INSERT INTO resource (id, network_id, kind, visibility, published_at, updated_at, state) VALUES
           ('sheet', 'ggsn', 'summary_sheet', 'members', '2026-02-01T00:00:00Z', '2026-02-01T00:00:00Z', 'published'),
           ('guide', 'ggsn', 'guide', 'public', '2026-02-01T00:00:00Z', '2026-02-01T00:00:00Z', 'published'),
           ('draft', 'ggsn', 'summary_sheet', 'public', NULL, '2026-02-01T00:00:00Z', 'draft'),
           ('elsewhere', 'ggsn', 'summary_sheet', 'members', '2026-02-01T00:00:00Z', '2026-02-01T00:00:00Z', 'published');",
    )
    .expect("library");
    for (resource, edition) in [
        ("sheet", edition.as_str()),
        ("guide", edition.as_str()),
        ("draft", edition.as_str()),
        ("elsewhere", other.as_str()),
    ] {
        conn.execute(
            "INSERT INTO resource_link (resource_id, edition_id) VALUES (?1, ?2)",
            [resource, edition],
        )
        .expect("link");
    }
    let readable = format!(
        "SELECT r.id FROM resource r WHERE {} ORDER BY r.id",
        resource_for_participant("r", "?1")
    );
    for status in Status::ALL {
        conn.execute(
            "INSERT INTO registration (id, edition_id, email, name, lang, zone, status, arrival, \
               consented_at, created_at) \
             VALUES ('awa', ?1, 'awa@example.org', 'Awa', 'fr', 'UTC', ?2, 1, \
               '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
            [edition.as_str(), status.as_str()],
        )
        .expect("registration");
        let read = |registration: &str| -> Vec<String> {
            let mut statement = conn.prepare(&readable).expect("prepare");
            let rows = statement
                .query_map([registration], |row| row.get(0))
                .expect("query")
                .map(|r| r.expect("row"))
                .collect();
            rows
        };
        let expected: &[&str] = if status.holds_place() {
            &["guide", "sheet"]
        } else {
            &[]
        };
        assert_eq!(read("awa"), expected, "{status:?}");
        assert!(read("someone else").is_empty(), "{status:?}");
        conn.execute_batch("DELETE FROM registration_event; DELETE FROM registration;")
            .expect("delete");
    }
}
