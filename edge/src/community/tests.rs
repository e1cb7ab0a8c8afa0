//! The community's statements on real SQLite.

/// The outbox takes a community's messages only with the member they tell.
#[test]
fn community_messages_name_their_member() {
    use relais_domain::community::CommunityMessage;
    let conn = crate::test_sqlite::migrated();
    for kind in CommunityMessage::ALL {
        conn.execute(
            "INSERT INTO outbox (kind, member_id, created_at) VALUES (?1, 'awa', '2026-01-01T00:00:00Z')",
            [kind.as_str()],
        )
        .expect("with its member");
        let without = conn.execute(
            "INSERT INTO outbox (kind, created_at) VALUES (?1, '2026-01-01T00:00:00Z')",
            [kind.as_str()],
        );
        assert!(without.is_err(), "{kind:?} without a member");
    }
}
