//! The scope conditions on real SQLite, against the domain's roles: in random worlds of two
//! networks, accounts holding roles in some, facilitators' profiles and offerings, each
//! condition must select exactly what `Role::reach` says.

use std::collections::BTreeMap;

use proptest::prelude::*;
use relais_domain::account::{Action, Reach, Role};
use rusqlite::Connection;

use super::*;

const NETWORKS: [&str; 2] = ["hub", "ggsn"];

#[derive(Clone, Debug)]
struct World {
    /// Per account: its role in each network, if any, and the person it is.
    accounts: Vec<([Option<Role>; 2], Option<usize>)>,
    /// Per offering: its network, and the people who facilitate it.
    offerings: Vec<(usize, Vec<usize>)>,
}

const PEOPLE: usize = 3;

fn world() -> impl Strategy<Value = World> {
    let role = prop_oneof![
        Just(None),
        Just(Some(Role::Coordinator)),
        Just(Some(Role::Facilitator))
    ];
    let account = ([role.clone(), role], proptest::option::of(0..PEOPLE));
    let offering = (0..2usize, proptest::collection::vec(0..PEOPLE, 0..3));
    (
        proptest::collection::vec(account, 1..5),
        proptest::collection::vec(offering, 1..6),
    )
        .prop_map(|(accounts, offerings)| World {
            accounts,
            offerings,
        })
}

fn load(world: &World) -> Connection {
    let conn = crate::test_sqlite::migrated();
    for (i, network) in NETWORKS.iter().enumerate() {
        conn.execute(
            "INSERT INTO network (id, name, position, created_at) VALUES (?1, ?1, ?2, 'now')",
            rusqlite::params![network, i],
        )
        .expect("network");
    }
    for p in 0..PEOPLE {
        conn.execute(
            "INSERT INTO person (id, name) VALUES (?1, ?1)",
            [format!("p{p}")],
        )
        .expect("person");
    }
    for (a, (roles, person)) in world.accounts.iter().enumerate() {
        conn.execute(
            "INSERT INTO account (id, email, name, password_hash, person_id, created_at) \
             VALUES (?1, ?1, ?1, 'x', ?2, 'now')",
            rusqlite::params![format!("a{a}"), person.map(|p| format!("p{p}"))],
        )
        .expect("account");
        for (n, role) in roles.iter().enumerate() {
            if let Some(role) = role {
                conn.execute(
                    "INSERT INTO membership (account_id, network_id, role, created_at) \
                     VALUES (?1, ?2, ?3, 'now')",
                    rusqlite::params![format!("a{a}"), NETWORKS[n], role.as_str()],
                )
                .expect("membership");
            }
        }
    }
    for (o, (network, people)) in world.offerings.iter().enumerate() {
        conn.execute(
            "INSERT INTO offering (id, kind, title, summary, description, format, network_id) \
             VALUES (?1, 'workshop', '{}', '{}', '{}', 'online', ?2)",
            rusqlite::params![format!("o{o}"), NETWORKS[*network]],
        )
        .expect("offering");
        conn.execute(
            "INSERT INTO edition (id, offering_id, registration_mode, format) \
             VALUES (?1, ?1, 'open', 'online')",
            [format!("o{o}")],
        )
        .expect("edition");
        let mut people = people.clone();
        people.sort();
        people.dedup();
        for p in people {
            conn.execute(
                "INSERT INTO offering_person (offering_id, person_id) VALUES (?1, ?2)",
                [format!("o{o}"), format!("p{p}")],
            )
            .expect("facilitator");
        }
    }
    conn
}

/// What the domain says: does account `a` reach offering `o` for `action`?
fn reaches(world: &World, a: usize, o: usize, action: Action) -> bool {
    let (roles, person) = &world.accounts[a];
    let (network, people) = &world.offerings[o];
    match roles[*network].map(|r| r.reach(action)) {
        Some(Reach::Network) => true,
        Some(Reach::Facilitated) => person.is_some_and(|p| people.contains(&p)),
        Some(Reach::Nothing) | None => false,
    }
}

fn selected(conn: &Connection, sql: &str, account: &str) -> Vec<String> {
    let mut statement = conn.prepare(sql).expect("statement");
    let rows = statement
        .query_map([account], |row| row.get::<_, String>(0))
        .expect("query");
    rows.map(|r| r.expect("row")).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn each_condition_selects_what_the_roles_reach(world in world()) {
        let conn = load(&world);
        for action in Action::ALL {
            for a in 0..world.accounts.len() {
                let account = format!("a{a}");
                let expected: Vec<String> = (0..world.offerings.len())
                    .filter(|&o| reaches(&world, a, o, action))
                    .map(|o| format!("o{o}"))
                    .collect();
                let by_offering = selected(&conn, &format!(
                    "SELECT o.id FROM offering o WHERE {} ORDER BY o.id",
                    offering("o", "?1", action)
                ), &account);
                prop_assert_eq!(&by_offering, &expected, "offering {:?} {}", action, account);
                let by_edition = selected(&conn, &format!(
                    "SELECT e.id FROM edition e WHERE {} ORDER BY e.id",
                    edition("e.id", "?1", action)
                ), &account);
                prop_assert_eq!(&by_edition, &expected, "edition {:?} {}", action, account);
                let networks: BTreeMap<&str, bool> = NETWORKS.iter().enumerate()
                    .map(|(n, id)| (*id, world.accounts[a].0[n]
                        .is_some_and(|r| r.reach(action) == Reach::Network)))
                    .collect();
                let by_network = selected(&conn, &format!(
                    "SELECT n.id FROM network n WHERE {} ORDER BY n.id",
                    network("n.id", "?1", action)
                ), &account);
                let expected: Vec<String> = networks.iter().filter(|(_, r)| **r)
                    .map(|(id, _)| id.to_string()).collect();
                prop_assert_eq!(&by_network, &expected, "network {:?} {}", action, account);
            }
        }
    }
}

#[test]
fn an_offering_of_no_network_is_nobody_s() {
    let world = World {
        accounts: vec![([Some(Role::Coordinator), Some(Role::Coordinator)], None)],
        offerings: vec![(0, vec![])],
    };
    let conn = load(&world);
    conn.execute("UPDATE offering SET network_id = NULL", [])
        .expect("update");
    let found = selected(
        &conn,
        &format!(
            "SELECT o.id FROM offering o WHERE {}",
            offering("o", "?1", Action::AuthorCatalog)
        ),
        "a0",
    );
    assert!(found.is_empty());
}
