//! The curation statements on real SQLite: a draft written is the draft read back, in each
//! of its languages and with its links; only the network's own offerings and editions are
//! linked; a language taken away leaves the search index; only the network's librarians and
//! coordinators reach its resources; the first publication dates a resource.

use relais_domain::authoring::{PublicationState, ResourceDraft};
use relais_domain::library::{Kind, Visibility};
use relais_domain::Localized;
use rusqlite::Connection;

use super::*;
use crate::test_sqlite::{migrated, run};

const AT: &str = "2026-12-01T10:00:00Z";

fn library() -> Connection {
    let conn = migrated();
    conn.execute_batch(
        "INSERT INTO network (id, name, created_at) VALUES
           ('hub', 'Hub', '2026-01-01T00:00:00Z'), ('ggsn', 'GGSN', '2026-01-01T00:00:00Z');
         INSERT INTO account (id, email, name, password_hash, created_at) VALUES
           ('librarian', 'l@example.org', 'L', 'x', '2026-01-01T00:00:00Z'),
           ('coordinator', 'c@example.org', 'C', 'x', '2026-01-01T00:00:00Z'),
           ('facilitator', 'f@example.org', 'F', 'x', '2026-01-01T00:00:00Z'),
           ('elsewhere', 'e@example.org', 'E', 'x', '2026-01-01T00:00:00Z');
         INSERT INTO membership (account_id, network_id, role, created_at) VALUES
           ('librarian', 'hub', 'librarian', 'now'), ('coordinator', 'hub', 'coordinator', 'now'),
           ('facilitator', 'hub', 'facilitator', 'now'), ('elsewhere', 'ggsn', 'librarian', 'now');
         INSERT INTO offering (id, kind, title, summary, description, format, network_id) VALUES
           ('formation', 'training_series', '{\"fr\":\"Formation\"}', '{}', '{}', 'online', 'hub'),
           ('rencontre', 'community_meeting', '{\"fr\":\"Rencontre\"}', '{}', '{}', 'online', 'ggsn');
         INSERT INTO edition (id, offering_id, registration_mode, format) VALUES
           ('formation-1', 'formation', 'open', 'online'), ('rencontre-1', 'rencontre', 'open', 'online');",
    )
    .expect("library");
    conn
}

fn draft() -> ResourceDraft {
    let both = |fr: &str, en: &str| Localized::new([("fr", fr), ("en", en)]);
    ResourceDraft {
        state: PublicationState::Draft,
        kind: Some(Kind::Guide),
        visibility: Visibility::Members,
        topics: vec!["strategy".into()],
        original: Some("en".into()),
        title: both("Stratégie de mobilisation", "Mobilisation strategy"),
        summary: both("Bâtir une campagne", "Building a campaign"),
        body: both("Les étapes.", "The steps."),
        translator: Localized::new([("fr", "Élise")]),
        source: Some("Hub".into()),
        licence: Some("CC BY-SA 4.0".into()),
        url: Some("https://example.org/guide".into()),
        file: None,
        offerings: vec!["formation".into()],
        editions: vec!["formation-1".into()],
    }
}

/// The resource as `account` reads it, if it may.
fn read(conn: &Connection, id: &str, account: &str) -> Option<(String, ResourceDraft)> {
    let mut statement = conn.prepare(&drafts_sql(true)).expect("prepare");
    let mut rows = statement
        .query_map([id, account], |r| {
            Ok(DraftRow {
                id: r.get("id")?,
                network_id: r.get("network_id")?,
                state: r.get("state")?,
                kind: r.get("kind")?,
                visibility: r.get("visibility")?,
                topics: r.get("topics")?,
                source: r.get("source")?,
                licence: r.get("licence")?,
                url: r.get("url")?,
                original: r.get("original")?,
                file_name: r.get("file_name")?,
                file_type: r.get("file_type")?,
                file_size: r.get("file_size")?,
                texts: r.get("texts")?,
                offerings: r.get("offerings")?,
                editions: r.get("editions")?,
            })
        })
        .expect("query");
    rows.next().map(|row| {
        let (_, network, draft) = row.expect("row").draft();
        (network, draft)
    })
}

fn found(conn: &Connection, words: &str) -> Vec<String> {
    let mut statement = conn
        .prepare(
            "SELECT t.lang FROM resource_search JOIN resource_text t ON t.id = resource_search.rowid \
             WHERE resource_search MATCH ?1 ORDER BY t.lang",
        )
        .expect("prepare");
    let langs = statement
        .query_map([words], |r| r.get(0))
        .expect("query")
        .collect::<Result<Vec<String>, _>>()
        .expect("rows");
    langs
}

#[test]
fn a_draft_written_reads_back_in_each_language_with_its_links() {
    let mut conn = library();
    run(
        &mut conn,
        &write("guide", "hub", &draft(), true, AT).expect("write"),
    );
    for account in ["librarian", "coordinator"] {
        let (network, read_back) = read(&conn, "guide", account).expect("reached");
        assert_eq!(network, "hub");
        assert_eq!(read_back, draft(), "as {account}");
    }
    // The original language credits nobody, whatever was sent.
    let translator: Option<String> = conn
        .query_row(
            "SELECT translator FROM resource_text WHERE resource_id = 'guide' AND lang = 'en'",
            [],
            |r| r.get(0),
        )
        .expect("text");
    assert_eq!(translator, None);
    assert_eq!(found(&conn, "strategie"), ["fr"]);
}

#[test]
fn only_the_networks_librarians_and_coordinators_reach_its_resources() {
    let mut conn = library();
    run(
        &mut conn,
        &write("guide", "hub", &draft(), true, AT).expect("write"),
    );
    assert!(read(&conn, "guide", "facilitator").is_none());
    assert!(read(&conn, "guide", "elsewhere").is_none());
    assert!(read(&conn, "guide", "nobody").is_none());
}

#[test]
fn another_networks_offerings_and_editions_are_never_linked() {
    let mut conn = library();
    let mut reaching = draft();
    reaching.offerings.push("rencontre".into());
    reaching.editions.push("rencontre-1".into());
    run(
        &mut conn,
        &write("guide", "hub", &reaching, true, AT).expect("write"),
    );
    let (_, read_back) = read(&conn, "guide", "librarian").expect("reached");
    assert_eq!(read_back.offerings, ["formation"]);
    assert_eq!(read_back.editions, ["formation-1"]);
}

#[test]
fn a_language_taken_away_leaves_the_text_and_the_search_index() {
    let mut conn = library();
    run(
        &mut conn,
        &write("guide", "hub", &draft(), true, AT).expect("write"),
    );
    let mut english_only = draft();
    for text in [
        &mut english_only.title,
        &mut english_only.summary,
        &mut english_only.body,
        &mut english_only.translator,
    ] {
        text.0.remove("fr");
    }
    english_only.offerings.clear();
    run(
        &mut conn,
        &write("guide", "hub", &english_only, false, AT).expect("write"),
    );
    let (_, read_back) = read(&conn, "guide", "librarian").expect("reached");
    assert_eq!(read_back, english_only);
    assert_eq!(found(&conn, "strategie"), Vec::<String>::new());
    assert_eq!(found(&conn, "campaign"), ["en"]);
}

#[test]
fn the_first_publication_dates_a_resource_and_republishing_keeps_the_date() {
    let mut conn = library();
    run(
        &mut conn,
        &write("guide", "hub", &draft(), true, AT).expect("write"),
    );
    let published_at = |conn: &Connection| -> Option<String> {
        conn.query_row(
            "SELECT published_at FROM resource WHERE id = 'guide'",
            [],
            |r| r.get(0),
        )
        .expect("row")
    };
    assert_eq!(published_at(&conn), None);
    conn.execute(
        "UPDATE resource SET state = 'published' WHERE id = 'guide'",
        [],
    )
    .expect("publish");
    let first = published_at(&conn).expect("dated");
    conn.execute_batch(
        "UPDATE resource SET published_at = '2026-02-01T00:00:00Z' WHERE id = 'guide';
         UPDATE resource SET state = 'draft' WHERE id = 'guide';
         UPDATE resource SET state = 'published' WHERE id = 'guide';",
    )
    .expect("again");
    assert!(first.ends_with('Z'));
    assert_eq!(published_at(&conn).as_deref(), Some("2026-02-01T00:00:00Z"));
}

#[test]
fn a_file_is_kept_beside_its_resource_read_with_its_draft_and_replaced_by_the_next() {
    use crate::library::file::store;
    use relais_domain::library::file::ResourceFile;
    let mut conn = library();
    run(
        &mut conn,
        &write("guide", "hub", &draft(), true, AT).expect("write"),
    );
    let pdf = ResourceFile {
        name: "guide.pdf".into(),
        media_type: "application/pdf".into(),
        size: 9,
    };
    run(
        &mut conn,
        &[store("guide", &pdf, "d1", b"%PDF-1.7\n".to_vec(), AT)],
    );
    let (_, read_back) = read(&conn, "guide", "librarian").expect("reached");
    assert_eq!(read_back.file.as_ref(), Some(&pdf));
    // Read with its draft, the file makes something to read even with no link and no body.
    let bare = ResourceDraft {
        url: None,
        body: Localized::default(),
        ..read_back
    };
    assert!(!bare.check_publish().iter().any(|(field, _)| field == "url"));

    let png = ResourceFile {
        name: "plan.png".into(),
        media_type: "image/png".into(),
        size: 8,
    };
    run(
        &mut conn,
        &[store(
            "guide",
            &png,
            "d2",
            b"\x89PNG\r\n\x1a\n".to_vec(),
            AT,
        )],
    );
    let (_, replaced) = read(&conn, "guide", "librarian").expect("reached");
    assert_eq!(replaced.file, Some(png));
    let (files, body): (i64, Vec<u8>) = conn
        .query_row(
            "SELECT count(*) OVER (), body FROM resource_file WHERE resource_id = 'guide'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("file");
    assert_eq!(
        (files, body.as_slice()),
        (1, b"\x89PNG\r\n\x1a\n".as_slice())
    );
    // Another network's librarian does not read it with the draft either.
    assert!(read(&conn, "guide", "elsewhere").is_none());
    // The table holds the size it says: a body of another length is refused.
    let lying = ResourceFile { size: 3, ..pdf };
    let statement = store("guide", &lying, "d3", b"%PDF-1.7\n".to_vec(), AT);
    let params: Vec<_> = statement
        .params
        .iter()
        .map(crate::test_sqlite::sql_value)
        .collect();
    assert!(conn
        .execute(&statement.sql, rusqlite::params_from_iter(params))
        .is_err());
}
