//! The ledger's statements on real SQLite, against the domain's functions: entries written
//! are the entries read back; a batch computed from a ledger another writer has since
//! changed writes nothing; the ledger refuses changes and removals; and the pool's places go
//! exactly as `budget::claim_place` says, whatever the order of the claims.

use proptest::prelude::*;
use relais_domain::coaching::budget::{
    claim_place, open_through, record_use, Allowance, Balance, Pool, PoolRefusal,
};
use rusqlite::Connection;

use super::*;
use crate::test_sqlite::{migrated, run, sql_value};

const AT: &str = "2026-12-01T10:00:00Z";
const PIC: Allowance = Allowance {
    per_period: 31 * 60,
    carry_over: true,
    total_cap: 62 * 60,
};
const DYNAMO: Pool = Pool {
    places_per_period: 9,
    per_place: 30 * 60,
};
const ORGANISATIONS: usize = 20;

/// PIC's programme with a pool of nine places, and twenty neighbourhoods (shared with
/// `ending`'s tests).
pub(crate) fn programme() -> Connection {
    let conn = migrated();
    conn.execute_batch(
        "INSERT INTO network (id, name, created_at) VALUES ('pic', 'PIC', '2026-01-01T00:00:00Z');
         INSERT INTO offering (id, kind, title, summary, description, format, network_id) VALUES
           ('extra', 'coaching', '{\"fr\":\"Heures supplémentaires\"}', '{}', '{}', 'in_person', 'pic');
         INSERT INTO coaching_programme (id, network_id, allowance_minutes, carry_over,
             total_cap_minutes, pool_places, pool_minutes)
           VALUES ('menu', 'pic', 1860, 1, 3720, 9, 1800);
         INSERT INTO coaching_offer (offering_id, programme_id, account) VALUES ('extra', 'menu', 'pool');",
    )
    .expect("programme");
    for i in 0..ORGANISATIONS {
        conn.execute(
            "INSERT INTO organisation (id, network_id, name, kind, created_at) \
             VALUES (?1, 'pic', ?1, 'neighbourhood', ?2)",
            rusqlite::params![org(i), AT],
        )
        .expect("organisation");
    }
    conn
}

fn org(i: usize) -> String {
    format!("quartier-{i}")
}

/// `ledger` read as `Ledger::read` reads it (shared with `ending`'s tests).
pub(crate) fn read(conn: &Connection, ledger: &Ledger) -> Read {
    let statement = ledger.read();
    let mut query = conn.prepare(&statement.sql).expect("prepare");
    let rows: Vec<EntryRow> = query
        .query_map(
            rusqlite::params_from_iter(statement.params.iter().map(sql_value)),
            |row| {
                Ok(EntryRow {
                    id: row.get(0)?,
                    account: row.get(1)?,
                    period: row.get(2)?,
                    movement: row.get(3)?,
                    from_period: row.get(4)?,
                    minutes: row.get(5)?,
                })
            },
        )
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("rows");
    Read::from_rows(&rows).expect("every row is an entry")
}

/// Runs `statements` in one transaction and answers how many rows the first one wrote.
pub(crate) fn written(conn: &mut Connection, statements: &[Statement]) -> usize {
    let tx = conn.transaction().expect("transaction");
    let mut first = None;
    for s in statements {
        let n = tx
            .execute(
                &s.sql,
                rusqlite::params_from_iter(s.params.iter().map(sql_value)),
            )
            .unwrap_or_else(|e| panic!("{e}\n{}", s.sql));
        first.get_or_insert(n);
    }
    tx.commit().expect("commit");
    first.unwrap_or(0)
}

fn writer(batch: &str) -> Writer<'_> {
    Writer {
        who: "relais",
        request: None,
        at: AT,
        batch,
    }
}

#[test]
fn entries_written_are_the_entries_read_back_and_balances_follow() {
    let mut conn = programme();
    let first = org(0);
    let ledger = Ledger {
        programme: "menu",
        organisation: &first,
    };
    let before = read(&conn, &ledger);
    let opened = open_through(&PIC, &before.entries, 2025, 2026);
    assert_eq!(
        written(&mut conn, &ledger.append(&before, &opened, writer("b1"))),
        1
    );
    let after = read(&conn, &ledger);
    assert_eq!(after.entries, opened);
    assert_eq!(
        Balance::of(&after.entries, Account::Allowance, 2026).left,
        62 * 60
    );
    let use_of = record_use(&after.entries, Account::Allowance, 2026, 63 * 60);
    written(&mut conn, &ledger.append(&after, &use_of, writer("b2")));
    let b = Balance::of(&read(&conn, &ledger).entries, Account::Allowance, 2026);
    assert_eq!((b.used, b.paid_by_organisation, b.left), (62 * 60, 60, 0));
}

#[test]
fn a_batch_read_before_another_writer_writes_nothing_and_written_again_it_counts_once() {
    let mut conn = programme();
    let first = org(0);
    let ledger = Ledger {
        programme: "menu",
        organisation: &first,
    };
    let empty = read(&conn, &ledger);
    let opened = open_through(&PIC, &empty.entries, 2026, 2026);
    written(&mut conn, &ledger.append(&empty, &opened, writer("open")));
    let seen = read(&conn, &ledger);
    // Two partners record 20 h each from the same reading of a 31 h allowance.
    let one = record_use(&seen.entries, Account::Allowance, 2026, 20 * 60);
    let other = record_use(&seen.entries, Account::Allowance, 2026, 20 * 60);
    assert_eq!(
        written(&mut conn, &ledger.append(&seen, &one, writer("one"))),
        1
    );
    assert_eq!(
        written(&mut conn, &ledger.append(&seen, &other, writer("other"))),
        0,
        "the second read a ledger that has changed"
    );
    let again = read(&conn, &ledger);
    let other = record_use(&again.entries, Account::Allowance, 2026, 20 * 60);
    written(
        &mut conn,
        &ledger.append(&again, &other, writer("other-again")),
    );
    let b = Balance::of(&read(&conn, &ledger).entries, Account::Allowance, 2026);
    assert_eq!(
        (b.used, b.paid_by_organisation, b.left),
        (31 * 60, 9 * 60, 0),
        "the hours beyond the allowance are paid, never drawn twice"
    );
}

#[test]
fn the_ledger_is_never_changed_nor_removed() {
    let mut conn = programme();
    let first = org(0);
    let ledger = Ledger {
        programme: "menu",
        organisation: &first,
    };
    let empty = read(&conn, &ledger);
    let opened = open_through(&PIC, &empty.entries, 2026, 2026);
    run(&mut conn, &ledger.append(&empty, &opened, writer("open")));
    for change in [
        "UPDATE coaching_ledger SET minutes = 6000",
        "DELETE FROM coaching_ledger",
    ] {
        let refused = conn.execute(change, []).expect_err(change);
        assert!(refused.to_string().contains("append-only"), "{refused}");
    }
    assert_eq!(read(&conn, &ledger).entries, opened);
}

/// Records organisation `i`'s request `n` for the pool in `period`, and claims its place.
fn claim(conn: &mut Connection, i: usize, n: usize, period: Period) -> Option<PoolRefusal> {
    let organisation = org(i);
    let request = format!("demande-{i}-{n}-{period}");
    conn.execute(
        "INSERT INTO coaching_request (id, offering_id, organisation_id, stage, subject, question, \
           period, created_at, updated_at) VALUES (?1, 'extra', ?2, 'received', 's', 'q', ?3, ?4, ?4)",
        rusqlite::params![request, organisation, period, AT],
    )
    .expect("request");
    let claim = PoolClaim {
        programme: "menu",
        period,
        organisation: &organisation,
        request: &request,
        at: AT,
    };
    run(conn, &claim.statements());
    let outcome = claim.outcome();
    let answer: PoolOutcome = conn
        .query_row(
            &outcome.sql,
            rusqlite::params_from_iter(outcome.params.iter().map(sql_value)),
            |row| {
                Ok(PoolOutcome {
                    taken: row.get(0)?,
                    held_by: row.get(1)?,
                })
            },
        )
        .expect("outcome");
    answer.refusal(&DYNAMO, &request, period)
}

#[test]
fn the_pools_tenth_claim_in_a_year_is_refused_as_full_and_a_second_for_one_neighbourhood_as_held() {
    let mut conn = programme();
    for i in 0..9 {
        assert_eq!(claim(&mut conn, i, 0, 2026), None, "place {}", i + 1);
    }
    assert_eq!(claim(&mut conn, 9, 0, 2026), Some(PoolRefusal::Full));
    assert_eq!(
        claim(&mut conn, 3, 1, 2026),
        Some(PoolRefusal::AlreadyHolds)
    );
    assert_eq!(claim(&mut conn, 9, 1, 2027), None, "a new year, new places");
    let granted: i64 = conn
        .query_row(
            "SELECT sum(minutes) FROM coaching_ledger WHERE account = 'pool' AND period = 2026",
            [],
            |r| r.get(0),
        )
        .expect("sum");
    assert_eq!(granted, 9 * 30 * 60, "nine places of 30 h, no more");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Whatever the order of claims, the statement grants and refuses as the domain does,
    /// and the ledger grants the pool's minutes once per place taken.
    #[test]
    fn the_pools_statement_is_the_domains_rule(
        claims in proptest::collection::vec((0..ORGANISATIONS, 2026..2028i32), 1..40),
    ) {
        let mut conn = programme();
        let mut held: Vec<(usize, Period)> = vec![];
        for (n, (i, period)) in claims.into_iter().enumerate() {
            let taken = held.iter().filter(|(_, p)| *p == period).count() as u32;
            let holds = held.contains(&(i, period));
            let expected = claim_place(&DYNAMO, taken, holds, period).err();
            prop_assert_eq!(claim(&mut conn, i, n, period), expected);
            if expected.is_none() {
                held.push((i, period));
            }
        }
        let places: i64 = conn
            .query_row("SELECT count(*) FROM coaching_pool_place", [], |r| r.get(0))
            .expect("count");
        let grants: i64 = conn
            .query_row(
                "SELECT count(*) FROM coaching_ledger WHERE account = 'pool' AND movement = 'granted'",
                [],
                |r| r.get(0),
            )
            .expect("count");
        prop_assert_eq!(places, held.len() as i64);
        prop_assert_eq!(grants, places);
    }
}
