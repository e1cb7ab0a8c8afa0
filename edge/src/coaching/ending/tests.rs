//! A request's ending on real SQLite: a declined or withdrawn pool request gives its place
//! back as `budget::return_place` says, so the pool's tenth neighbourhood gets it; a batch
//! read before another writer, or for a request that moved meanwhile, writes nothing.

use relais_domain::coaching::budget::{Account, Balance, Movement};
use rusqlite::Connection;

use super::*;
use crate::coaching::ledger::tests::{programme, written};
use crate::coaching::ledger::PoolClaim;
use crate::test_sqlite::run;

const AT: &str = "2026-12-01T10:00:00Z";

/// Neighbourhood `i` asks for the pool (its `n`th request): the request recorded, then its
/// place claimed.
fn ask(conn: &mut Connection, i: usize, n: usize) -> String {
    let organisation = format!("quartier-{i}");
    let request = format!("demande-{i}-{n}");
    conn.execute(
        "INSERT INTO coaching_request (id, offering_id, organisation_id, stage, subject, question, \
           period, created_at, updated_at) VALUES (?1, 'extra', ?2, 'received', 's', 'q', 2026, ?3, ?3)",
        rusqlite::params![request, organisation, AT],
    )
    .expect("request");
    let claim = PoolClaim {
        programme: "menu",
        period: 2026,
        organisation: &organisation,
        request: &request,
        at: AT,
    };
    run(conn, &claim.statements());
    request
}

fn places(conn: &Connection) -> Vec<String> {
    let mut query = conn
        .prepare("SELECT request_id FROM coaching_pool_place ORDER BY request_id")
        .expect("prepare");
    query
        .query_map([], |r| r.get(0))
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("rows")
}

fn read(conn: &Connection, organisation: &str) -> Read {
    let ledger = Ledger {
        programme: "menu",
        organisation,
    };
    crate::coaching::ledger::tests::read(conn, &ledger)
}

fn stage(conn: &Connection, request: &str) -> String {
    conn.query_row(
        "SELECT stage FROM coaching_request WHERE id = ?1",
        [request],
        |r| r.get(0),
    )
    .expect("stage")
}

fn ending<'a>(organisation: &'a str, request: &'a str) -> Ending<'a> {
    Ending {
        request,
        organisation,
        from: Stage::Received,
        to: Stage::Declined,
        who: "acc-coordinator",
        at: AT,
    }
}

/// Ends `request` from `read` as `Ending::write` does, in one transaction, and answers
/// whether the move was written.
fn end(conn: &mut Connection, ending: &Ending, read: Option<&Read>, batch: &str) -> bool {
    let place = read.map(|read| Place {
        ledger: Ledger {
            programme: "menu",
            organisation: ending.organisation,
        },
        period: 2026,
        read,
    });
    written(conn, &ending.statements(place.as_ref(), batch)) == 1
}

#[test]
fn a_declined_pool_request_gives_its_place_to_the_tenth_neighbourhood() {
    let mut conn = programme();
    let asked: Vec<String> = (0..10).map(|i| ask(&mut conn, i, 0)).collect();
    assert_eq!(places(&conn).len(), 9, "the tenth is refused");
    assert!(!places(&conn).contains(&asked[9]));

    let fourth = read(&conn, "quartier-3");
    assert!(end(
        &mut conn,
        &ending("quartier-3", &asked[3]),
        Some(&fourth),
        "b1"
    ));
    assert_eq!(stage(&conn, &asked[3]), "declined");
    assert!(!places(&conn).contains(&asked[3]), "its place is free");
    let after = read(&conn, "quartier-3");
    assert_eq!(
        after.entries.last().map(|e| e.movement),
        Some(Movement::Returned)
    );
    assert!(!holds_place(&after.entries, 2026));
    assert_eq!(Balance::of(&after.entries, Account::Pool, 2026).left, 0);

    // Asked again, the tenth gets the freed place.
    let again = ask(&mut conn, 9, 1);
    assert_eq!(places(&conn).len(), 9);
    assert!(places(&conn).contains(&again));
}

#[test]
fn an_ending_read_before_another_writer_or_after_a_move_writes_nothing() {
    let mut conn = programme();
    let request = ask(&mut conn, 0, 0);
    let stale = read(&conn, "quartier-0");
    // Another writer appends to the ledger after it was read.
    let ledger = Ledger {
        programme: "menu",
        organisation: "quartier-0",
    };
    let booked = relais_domain::coaching::budget::Entry {
        account: Account::Pool,
        period: 2026,
        movement: Movement::Booked,
        minutes: 120,
    };
    let by = Writer {
        who: "relais",
        request: None,
        at: AT,
        batch: "other",
    };
    run(&mut conn, &ledger.append(&stale, &[booked], by));
    assert!(!end(
        &mut conn,
        &ending("quartier-0", &request),
        Some(&stale),
        "b1"
    ));
    assert_eq!(stage(&conn, &request), "received");
    assert_eq!(places(&conn), vec![request.clone()]);
    // Read again: the place has hours booked on it, so it stays taken with the move.
    let fresh = read(&conn, "quartier-0");
    assert!(end(
        &mut conn,
        &ending("quartier-0", &request),
        Some(&fresh),
        "b2"
    ));
    assert_eq!(stage(&conn, &request), "declined");
    assert_eq!(read(&conn, "quartier-0").entries.len(), fresh.entries.len());
    assert_eq!(
        places(&conn),
        vec![request.clone()],
        "the place stays taken"
    );
    // A request no longer at the stage it was read at moves no more.
    assert!(!end(&mut conn, &ending("quartier-0", &request), None, "b3"));
}
