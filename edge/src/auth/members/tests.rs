//! The membership statements on real SQLite with the real migrations, against the domain:
//! random sequences of role changes, removals and departures by random accounts (some
//! administrators, some of another network) must change exactly what the rights and
//! `joining::keeps_a_coordinator` allow, write one audit entry per change, and never leave a
//! network without a coordinator unless an administrator did it.

use std::collections::BTreeMap;

use proptest::prelude::*;
use relais_domain::account::joining::{keeps_a_coordinator, MembershipChange};
use relais_domain::account::Role;
use rusqlite::Connection;

use super::{removal_statements, role_change_statements};

const NETWORK: &str = "hub";
const OTHER: &str = "ggsn";

#[derive(Clone, Debug)]
struct Account {
    administrator: bool,
    /// Its role in `NETWORK`, and in `OTHER`.
    here: Option<Role>,
    other: Option<Role>,
}

#[derive(Clone, Copy, Debug)]
struct Step {
    actor: usize,
    target: usize,
    change: MembershipChange,
}

fn role() -> impl Strategy<Value = Option<Role>> {
    prop_oneof![
        Just(None),
        Just(Some(Role::Coordinator)),
        Just(Some(Role::Facilitator))
    ]
}

fn accounts() -> impl Strategy<Value = Vec<Account>> {
    proptest::collection::vec(
        (proptest::bool::weighted(0.15), role(), role()).prop_map(
            |(administrator, here, other)| Account {
                administrator,
                here,
                other,
            },
        ),
        2..6,
    )
}

fn steps(accounts: usize) -> impl Strategy<Value = Vec<Step>> {
    let change = prop_oneof![
        Just(MembershipChange::NewRole(Role::Coordinator)),
        Just(MembershipChange::NewRole(Role::Facilitator)),
        Just(MembershipChange::Ends),
    ];
    proptest::collection::vec(
        (0..accounts, 0..accounts, change).prop_map(|(actor, target, change)| Step {
            actor,
            target,
            change,
        }),
        1..12,
    )
}

fn id(i: usize) -> String {
    format!("acc-{i}")
}

fn load(accounts: &[Account]) -> Connection {
    let conn = crate::test_sqlite::migrated();
    for network in [NETWORK, OTHER] {
        conn.execute(
            "INSERT INTO network (id, name, created_at) VALUES (?1, ?1, 'then')",
            [network],
        )
        .expect("network");
    }
    for (i, a) in accounts.iter().enumerate() {
        conn.execute(
            "INSERT INTO account (id, email, name, administrator, password_hash, created_at) \
             VALUES (?1, ?1 || '@example.org', ?1, ?2, 'x', 'then')",
            rusqlite::params![id(i), a.administrator],
        )
        .expect("account");
        for (network, role) in [(NETWORK, a.here), (OTHER, a.other)] {
            if let Some(role) = role {
                conn.execute(
                    "INSERT INTO membership (account_id, network_id, role, created_at) \
                     VALUES (?1, ?2, ?3, 'then')",
                    rusqlite::params![id(i), network, role.as_str()],
                )
                .expect("membership");
            }
        }
    }
    conn
}

fn roles_here(conn: &Connection) -> BTreeMap<String, String> {
    let mut statement = conn
        .prepare("SELECT account_id, role FROM membership WHERE network_id = ?1")
        .expect("prepare");
    statement
        .query_map([NETWORK], |row| Ok((row.get(0)?, row.get(1)?)))
        .expect("query")
        .map(|r| r.expect("row"))
        .collect()
}

fn audit_entries(conn: &Connection) -> u32 {
    conn.query_row("SELECT count(*) FROM audit", [], |row| row.get(0))
        .expect("count")
}

/// Runs one step's statements in one transaction, as a D1 batch does; how many rows the
/// change (its second statement) changed.
fn run(conn: &mut Connection, step: Step) -> usize {
    let tx = conn.transaction().expect("transaction");
    let (actor, target) = (id(step.actor), id(step.target));
    let changed = match step.change {
        MembershipChange::NewRole(role) => {
            let [audit, update] = role_change_statements();
            tx.execute(
                &audit,
                rusqlite::params![NETWORK, target, actor, role.as_str(), "now"],
            )
            .expect("audit");
            tx.execute(
                &update,
                rusqlite::params![NETWORK, target, actor, role.as_str()],
            )
            .expect("update")
        }
        MembershipChange::Ends => {
            let [audit, delete] = removal_statements();
            tx.execute(&audit, rusqlite::params![NETWORK, target, actor, "now"])
                .expect("audit");
            tx.execute(&delete, rusqlite::params![NETWORK, target, actor])
                .expect("delete")
        }
    };
    tx.commit().expect("commit");
    changed
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn membership_changes_follow_the_rights_and_keep_a_coordinator(
        (accounts, steps) in accounts().prop_flat_map(|a| { let n = a.len(); (Just(a), steps(n)) })
    ) {
        let mut conn = load(&accounts);
        let mut here: BTreeMap<String, Role> = accounts
            .iter()
            .enumerate()
            .filter_map(|(i, a)| a.here.map(|r| (id(i), r)))
            .collect();
        let mut audits = 0;
        for step in steps {
            let actor = &accounts[step.actor];
            let actor_role = here.get(&id(step.actor)).copied();
            let manages = actor.administrator || actor_role == Some(Role::Coordinator);
            let leaving = step.actor == step.target && step.change == MembershipChange::Ends;
            let coordinators = here.values().filter(|r| **r == Role::Coordinator).count() as u32;
            let expected = match here.get(&id(step.target)).copied() {
                Some(current) => {
                    (manages || leaving)
                        && keeps_a_coordinator(current, step.change, coordinators, actor.administrator)
                }
                None => false,
            };
            let had_coordinator = coordinators > 0;
            let changed = run(&mut conn, step);
            prop_assert_eq!(changed == 1, expected, "{:?} by {:?} on {:?}", step, actor, here);
            if expected {
                let before = here.get(&id(step.target)).copied();
                match step.change {
                    MembershipChange::NewRole(role) => {
                        if before != Some(role) {
                            audits += 1;
                        }
                        here.insert(id(step.target), role);
                    }
                    MembershipChange::Ends => {
                        audits += 1;
                        here.remove(&id(step.target));
                    }
                }
            }
            let stored: BTreeMap<String, Role> = roles_here(&conn)
                .into_iter()
                .map(|(a, r)| (a, Role::parse(&r).expect("a role")))
                .collect();
            prop_assert_eq!(&stored, &here);
            prop_assert_eq!(audit_entries(&conn), audits);
            let still_coordinated = here.values().any(|r| *r == Role::Coordinator);
            if had_coordinator && !still_coordinated {
                prop_assert!(actor.administrator, "only an administrator leaves a network uncoordinated");
            }
        }
        // The other network is never touched.
        let other: u32 = conn
            .query_row("SELECT count(*) FROM membership WHERE network_id = ?1", [OTHER], |r| r.get(0))
            .expect("count");
        prop_assert_eq!(other as usize, accounts.iter().filter(|a| a.other.is_some()).count());
    }
}
