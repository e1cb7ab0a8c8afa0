//! Removing an organisation's contact on real SQLite with every migration: the person goes
//! with the links sent to them and what their messages kept, exactly when the domain's
//! `may_remove_contact` allows it, and never a contact of another organisation.

use relais_domain::coaching::organisation::may_remove_contact;
use rusqlite::{params_from_iter, Connection};

use super::*;
use crate::test_sqlite::{migrated, sql_value};

/// An organisation `org` with `contacts` people, each with a link and a message sent, and
/// another organisation with one.
fn world(contacts: u32) -> Connection {
    let conn = migrated();
    conn.execute_batch(
        "INSERT INTO network (id, name, created_at) VALUES ('pic', 'PIC', 'now');
         INSERT INTO organisation (id, network_id, name, kind, created_at)
           VALUES ('org', 'pic', 'Table de quartier', 'neighbourhood', 'now'),
                  ('other', 'pic', 'Autre table', 'neighbourhood', 'now');
         INSERT INTO organisation_contact (id, organisation_id, name, email, lang, created_at)
           VALUES ('theirs', 'other', 'Autre', 'autre@example.org', 'fr', 'now');",
    )
    .expect("organisations");
    for i in 0..contacts {
        conn.execute_batch(&format!(
            "INSERT INTO organisation_contact (id, organisation_id, name, email, lang, created_at)
               VALUES ('c{i}', 'org', 'Personne {i}', 'p{i}@example.org', 'fr', 'now');
             INSERT INTO organisation_token (token_hash, organisation_id, contact_id, created_at)
               VALUES ('t{i}', 'org', 'c{i}', 'now');
             INSERT INTO outbox (kind, contact_id, recipient, manage_url, created_at, sent_at)
               VALUES ('organisation_link', 'c{i}', 'p{i}@example.org', 'https://x/fr/organisations/t{i}', 'now', 'now');"
        ))
        .expect("contact");
    }
    conn
}

/// Runs the batch in one transaction: whether its second statement removed the contact.
fn removed(conn: &mut Connection, contact: &str, organisation: &str) -> bool {
    let tx = conn.transaction().expect("transaction");
    let mut changes = vec![];
    for s in remove_statements(contact, organisation) {
        changes.push(
            tx.execute(&s.sql, params_from_iter(s.params.iter().map(sql_value)))
                .unwrap_or_else(|e| panic!("{e}\n{}", s.sql)),
        );
    }
    tx.commit().expect("commit");
    changes[1] > 0
}

fn count(conn: &Connection, sql: &str) -> u32 {
    conn.query_row(sql, [], |r| r.get(0)).expect(sql)
}

#[test]
fn a_contact_is_removed_exactly_when_the_domain_allows_it_with_their_links_and_addresses() {
    for contacts in 1..=4 {
        let mut conn = world(contacts);
        let went = removed(&mut conn, "c0", "org");
        assert_eq!(went, may_remove_contact(contacts), "{contacts} contacts");
        let left = if went { contacts - 1 } else { contacts };
        assert_eq!(
            count(
                &conn,
                "SELECT count(*) FROM organisation_contact WHERE organisation_id = 'org'"
            ),
            left
        );
        assert_eq!(
            count(
                &conn,
                "SELECT count(*) FROM organisation_token WHERE contact_id = 'c0'"
            ),
            u32::from(!went),
            "the links sent to them end with them"
        );
        assert_eq!(
            count(
                &conn,
                "SELECT count(*) FROM organisation_token WHERE organisation_id = 'org'"
            ),
            left,
            "the others' links stay"
        );
        assert_eq!(
            count(&conn, "SELECT count(*) FROM outbox WHERE contact_id = 'c0' AND recipient IS NULL AND manage_url IS NULL"),
            u32::from(went),
            "their messages keep nothing of them"
        );
        assert_eq!(
            count(
                &conn,
                "SELECT count(*) FROM outbox WHERE recipient IS NOT NULL"
            ),
            left,
            "the others' messages are untouched"
        );
    }
}

#[test]
fn another_organisation_s_contact_is_out_of_reach() {
    let mut conn = world(3);
    assert!(!removed(&mut conn, "theirs", "org"));
    assert!(!removed(&mut conn, "c0", "other"));
    assert!(!removed(&mut conn, "made-up", "org"));
    assert_eq!(count(&conn, "SELECT count(*) FROM organisation_contact"), 4);
    assert_eq!(count(&conn, "SELECT count(*) FROM organisation_token"), 3);
    assert_eq!(
        count(&conn, "SELECT count(*) FROM outbox WHERE recipient IS NULL"),
        0
    );
}
