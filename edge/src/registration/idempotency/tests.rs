//! The key's statements on real SQLite with every migration: one claim of many wins, a claim
//! is taken over only once it is old, a release frees only its own claim and only while in
//! progress, and the registration's batch completes the claim only when it registered.

use chrono::{DateTime, TimeDelta, Utc};
use rusqlite::{params_from_iter, Connection};

use super::super::transitions::{self, Arrival, Statement};
use super::{forget_statement, Claim};

const EDITION: &str = "ed";

fn database() -> Connection {
    let conn = crate::test_sqlite::migrated();
    conn.execute_batch(
        "INSERT INTO offering (id, kind, title, summary, description, format) \
           VALUES ('o', 'workshop', '{}', '{}', '{}', 'online'); \
         INSERT INTO edition (id, offering_id, registration_mode, capacity, format) \
           VALUES ('ed', 'o', 'open', 1, 'online');",
    )
    .expect("edition");
    conn
}

use crate::test_sqlite::sql_value;

/// Runs `batch` in one transaction, as D1 does: the rows each statement changed.
fn run(conn: &mut Connection, batch: &[Statement]) -> Vec<usize> {
    let tx = conn.transaction().expect("transaction");
    let changed = batch
        .iter()
        .map(|s| {
            tx.execute(&s.sql, params_from_iter(s.params.iter().map(sql_value)))
                .unwrap_or_else(|e| panic!("{e}\n{}", s.sql))
        })
        .collect();
    tx.commit().expect("commit");
    changed
}

fn at(seconds: i64) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2030-01-01T10:00:00Z")
        .expect("instant")
        .with_timezone(&Utc)
        + TimeDelta::seconds(seconds)
}

fn claim(token: &str) -> Claim {
    Claim {
        key: "raw key".into(),
        key_hash: "digest of the key".into(),
        request_hash: "digest of the request".into(),
        token: token.into(),
    }
}

/// The key's row.
#[derive(Debug, PartialEq)]
struct KeyRow {
    status: Option<i64>,
    registration_id: Option<String>,
    sealed_link: Option<String>,
    claim: String,
}

fn row(conn: &Connection) -> Option<KeyRow> {
    conn.query_row(
        "SELECT status, registration_id, sealed_link, claim FROM idempotency",
        [],
        |r| {
            Ok(KeyRow {
                status: r.get(0)?,
                registration_id: r.get(1)?,
                sealed_link: r.get(2)?,
                claim: r.get(3)?,
            })
        },
    )
    .ok()
}

fn arrival<'a>(id: &'a str, email: &'a str) -> Arrival<'a> {
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
        token_hash: id,
        manage_url: "https://relais.example/fr/manage/x",
        at: "2030-01-01T10:00:00Z",
        confirm_by_email: false,
        guard: None,
    }
}

#[test]
fn one_claim_of_many_wins_and_an_old_one_is_taken_over_once() {
    let mut conn = database();
    let (first, second, third) = (claim("first"), claim("second"), claim("third"));
    assert_eq!(run(&mut conn, &[first.claim_statement(at(0))]), [1]);
    assert_eq!(run(&mut conn, &[second.claim_statement(at(0))]), [0]);
    // Still young: nobody takes it over.
    assert_eq!(run(&mut conn, &[second.take_over_statement(at(29))]), [0]);
    // Left for dead: the first retry after takes it, the next one does not.
    assert_eq!(run(&mut conn, &[second.take_over_statement(at(31))]), [1]);
    assert_eq!(run(&mut conn, &[third.take_over_statement(at(31))]), [0]);
    assert_eq!(row(&conn).map(|r| r.claim).as_deref(), Some("second"));
    // The first request, refused late, does not release the claim it lost.
    assert_eq!(run(&mut conn, &[first.release_statement()]), [0]);
    assert_eq!(run(&mut conn, &[second.release_statement()]), [1]);
    assert_eq!(row(&conn), None);
    // Released, the key is free for the next retry.
    assert_eq!(run(&mut conn, &[third.claim_statement(at(32))]), [1]);
}

#[test]
fn the_batch_completes_the_claim_only_when_it_registered() {
    let mut conn = database();
    let key = claim("mine");
    run(&mut conn, &[key.claim_statement(at(0))]);
    // The address already registered: the batch writes nothing, the claim stays open.
    run(
        &mut conn,
        &transitions::arrive(&arrival("reg-a", "a@example.org"), "change-a"),
    );
    let mut batch = transitions::arrive(&arrival("reg-b", "a@example.org"), "change-b");
    batch.push(key.created_statement("change-b", "sealed"));
    assert_eq!(run(&mut conn, &batch).last(), Some(&0));
    assert_eq!(row(&conn).map(|r| r.status), Some(None));
    // A registration written: the claim is complete, with it and its sealed link.
    let mut batch = transitions::arrive(&arrival("reg-c", "c@example.org"), "change-c");
    batch.push(key.created_statement("change-c", "sealed"));
    assert_eq!(run(&mut conn, &batch).last(), Some(&1));
    assert_eq!(
        row(&conn),
        Some(KeyRow {
            status: Some(201),
            registration_id: Some("reg-c".into()),
            sealed_link: Some("sealed".into()),
            claim: "mine".into(),
        })
    );
    // Complete, it is neither released, taken over, nor told otherwise.
    assert_eq!(run(&mut conn, &[key.release_statement()]), [0]);
    assert_eq!(run(&mut conn, &[key.take_over_statement(at(60))]), [0]);
    assert_eq!(run(&mut conn, &[key.link_sent_statement()]), [0]);
}

#[test]
fn a_replay_reads_where_the_registration_stands_now() {
    let mut conn = database();
    let key = claim("mine");
    run(&mut conn, &[key.claim_statement(at(0))]);
    run(
        &mut conn,
        &transitions::arrive(&arrival("reg-a", "a@example.org"), "change-a"),
    );
    let mut batch = transitions::arrive(&arrival("reg-b", "b@example.org"), "change-b");
    batch.push(key.created_statement("change-b", "sealed"));
    run(&mut conn, &batch);
    let read = key.read_statement();
    let (standing, position): (Option<String>, Option<u32>) = conn
        .query_row(
            &read.sql,
            params_from_iter(read.params.iter().map(sql_value)),
            |r| Ok((r.get("standing")?, r.get("position")?)),
        )
        .expect("row");
    assert_eq!(standing.as_deref(), Some("waitlisted"));
    assert_eq!(position, Some(1));
}

#[test]
fn keys_are_forgotten_after_a_day() {
    let mut conn = database();
    run(&mut conn, &[claim("old").claim_statement(at(0))]);
    assert_eq!(run(&mut conn, &[forget_statement(at(86_399))]), [0]);
    assert_eq!(run(&mut conn, &[forget_statement(at(86_401))]), [1]);
}
