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
        // A partner's reach is coaching's, whose conditions are `coaching`'s below.
        Some(Reach::Assigned) | Some(Reach::Nothing) | None => false,
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

/// Coaching's conditions, in random worlds of two networks with two partners each: accounts
/// holding a network's role (a partner's, for one of its partners), and requests of the
/// networks' organisations, assigned to a partner or not yet.
mod coaching {
    use super::*;

    /// A role in a network, and for a partner's role, which of the network's two partners.
    type Held = Option<(Role, usize)>;

    #[derive(Clone, Debug)]
    struct World {
        accounts: Vec<[Held; 2]>,
        /// Per organisation, its network; per request, its organisation and partner.
        organisations: Vec<usize>,
        requests: Vec<(usize, Option<usize>)>,
    }

    fn world() -> impl Strategy<Value = World> {
        let held = prop_oneof![
            Just(None),
            Just(Some((Role::Coordinator, 0))),
            Just(Some((Role::Librarian, 0))),
            (0..2usize).prop_map(|p| Some((Role::Partner, p))),
        ];
        (
            proptest::collection::vec([held.clone(), held], 1..5),
            proptest::collection::vec(0..2usize, 1..4),
            proptest::collection::vec((0..8usize, proptest::option::of(0..2usize)), 0..8),
        )
            .prop_map(|(accounts, organisations, requests)| {
                let n = organisations.len();
                World {
                    requests: requests.into_iter().map(|(o, p)| (o % n, p)).collect(),
                    accounts,
                    organisations,
                }
            })
    }

    fn partner(network: usize, p: usize) -> String {
        format!("{}-p{p}", NETWORKS[network])
    }

    fn load(world: &World) -> Connection {
        let conn = crate::test_sqlite::migrated();
        let run = |sql: &str, params: &[&dyn rusqlite::ToSql]| {
            conn.execute(sql, params).expect(sql);
        };
        for (n, network) in NETWORKS.iter().enumerate() {
            run(
                "INSERT INTO network (id, name, position, created_at) VALUES (?1, ?1, ?2, 'now')",
                &[network, &n],
            );
            for p in 0..2 {
                run(
                    "INSERT INTO partner (id, name, network_id) VALUES (?1, ?1, ?2)",
                    &[&partner(n, p), network],
                );
            }
            run(
                "INSERT INTO offering (id, kind, title, summary, description, format, network_id) \
                 VALUES (?1, 'coaching', '{}', '{}', '{}', 'online', ?1)",
                &[network],
            );
            run(
                "INSERT INTO coaching_offer (offering_id) VALUES (?1)",
                &[network],
            );
        }
        for (a, roles) in world.accounts.iter().enumerate() {
            run(
                "INSERT INTO account (id, email, name, password_hash, created_at) \
                 VALUES (?1, ?1, ?1, 'x', 'now')",
                &[&format!("a{a}")],
            );
            for (n, held) in roles.iter().enumerate() {
                if let Some((role, p)) = held {
                    let for_partner = role.for_a_partner().then(|| partner(n, *p));
                    run(
                        "INSERT INTO membership (account_id, network_id, role, partner_id, created_at) \
                         VALUES (?1, ?2, ?3, ?4, 'now')",
                        &[&format!("a{a}"), &NETWORKS[n], &role.as_str(), &for_partner],
                    );
                }
            }
        }
        for (o, network) in world.organisations.iter().enumerate() {
            run(
                "INSERT INTO organisation (id, network_id, name, kind, created_at) \
                 VALUES (?1, ?2, ?1, 'neighbourhood', 'now')",
                &[&format!("g{o}"), &NETWORKS[*network]],
            );
        }
        for (r, (o, p)) in world.requests.iter().enumerate() {
            let network = world.organisations[*o];
            let assigned = p.map(|p| partner(network, p));
            run(
                "INSERT INTO coaching_request (id, offering_id, organisation_id, stage, subject, \
                   question, partner_id, period, created_at, updated_at) \
                 VALUES (?1, ?2, ?3, 'assigned', 's', 'q', ?4, 2026, 'now', 'now')",
                &[
                    &format!("r{r}"),
                    &NETWORKS[network],
                    &format!("g{o}"),
                    &assigned,
                ],
            );
        }
        conn
    }

    /// What the domain says of account `a` and a request of `network` assigned to `assigned`.
    fn reaches(world: &World, a: usize, network: usize, assigned: Option<usize>) -> bool {
        match world.accounts[a][network] {
            Some((role, p)) => match role.reach(Action::CoordinateCoaching) {
                Reach::Network => true,
                Reach::Assigned => assigned == Some(p),
                Reach::Facilitated | Reach::Nothing => false,
            },
            None => false,
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        #[test]
        fn a_partner_reaches_the_requests_assigned_to_it(world in world()) {
            let conn = load(&world);
            let action = Action::CoordinateCoaching;
            for a in 0..world.accounts.len() {
                let account = format!("a{a}");
                let requests: Vec<String> = world.requests.iter().enumerate()
                    .filter(|(_, (o, p))| reaches(&world, a, world.organisations[*o], *p))
                    .map(|(r, _)| format!("r{r}"))
                    .collect();
                let mut by_request = selected(&conn, &format!(
                    "SELECT r.id FROM coaching_request r JOIN organisation o ON o.id = r.organisation_id \
                     WHERE {} ORDER BY r.id", coaching_request("r", "o", "?1", action)), &account);
                by_request.sort_by_key(|id| id[1..].parse::<usize>().unwrap_or(0));
                prop_assert_eq!(&by_request, &requests, "requests of {}", account);
                // An organisation: its whole network's, or one of its requests.
                let organisations: Vec<String> = world.organisations.iter().enumerate()
                    .filter(|(o, network)| match world.accounts[a][**network] {
                        Some((role, _)) if role.reach(action) == Reach::Network => true,
                        _ => world.requests.iter().any(|(ro, p)| ro == o
                            && reaches(&world, a, **network, *p)),
                    })
                    .map(|(o, _)| format!("g{o}"))
                    .collect();
                let by_organisation = selected(&conn, &format!(
                    "SELECT o.id FROM organisation o WHERE {} ORDER BY o.id",
                    coaching_organisation("o", "?1", action)), &account);
                prop_assert_eq!(&by_organisation, &organisations, "organisations of {}", account);
                // A partner: its whole network's, or the one the account gives coaching for.
                let mut partners: Vec<String> = vec![];
                for (n, _) in NETWORKS.iter().enumerate() {
                    for p in 0..2 {
                        let reached = match world.accounts[a][n] {
                            Some((role, held)) => match role.reach(action) {
                                Reach::Network => true,
                                Reach::Assigned => held == p,
                                Reach::Facilitated | Reach::Nothing => false,
                            },
                            None => false,
                        };
                        if reached {
                            partners.push(partner(n, p));
                        }
                    }
                }
                partners.sort();
                let by_partner = selected(&conn, &format!(
                    "SELECT p.id FROM partner p WHERE {} ORDER BY p.id",
                    coaching_partner("p", "?1", action)), &account);
                prop_assert_eq!(&by_partner, &partners, "partners of {}", account);
                let mut networks: Vec<String> = NETWORKS.iter().enumerate()
                    .filter(|(n, _)| world.accounts[a][*n]
                        .is_some_and(|(role, _)| role.reach(action) != Reach::Nothing))
                    .map(|(_, id)| id.to_string())
                    .collect();
                networks.sort();
                let by_network = selected(&conn, &format!(
                    "SELECT n.id FROM network n WHERE {} ORDER BY n.id",
                    network_in_part("n.id", "?1", action)), &account);
                prop_assert_eq!(&by_network, &networks, "networks of {}", account);
            }
        }
    }

    #[test]
    fn a_partner_s_role_always_names_a_partner_and_only_it_does() {
        let conn = load(&World {
            accounts: vec![[None, None]],
            organisations: vec![0],
            requests: vec![],
        });
        let insert = |role: &str, partner: Option<&str>| {
            conn.execute(
                "INSERT OR REPLACE INTO membership (account_id, network_id, role, partner_id, created_at) \
                 VALUES ('a0', 'hub', ?1, ?2, 'now')",
                rusqlite::params![role, partner],
            )
        };
        assert!(insert("partner", None).is_err());
        assert!(insert("coordinator", Some("hub-p0")).is_err());
        assert!(insert("partner", Some("hub-p0")).is_ok());
        assert!(insert("coordinator", None).is_ok());
    }
}
