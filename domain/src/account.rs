//! Coordinators' accounts: roles, what each may do, and the password rule. How people join
//! and leave (invitations, one-time links, members, networks) is `joining`'s.

use serde::{Deserialize, Serialize};

pub mod joining;

/// A role held in one network. Being an administrator of the site is the account's own, not
/// a network's: administrators manage networks and accounts, and read no network's people
/// unless they also hold a role in it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// The network's catalog, registrations, decisions, messages, members and audit.
    Coordinator,
    /// Runs sessions: sees the people of the editions they facilitate, read only.
    Facilitator,
    /// Curates the network's knowledge library: writes, translates, links and publishes its
    /// resources; reaches nothing else of the network.
    Librarian,
    /// Gives coaching for one of the network's partners (Dynamo, Niska): sees the requests
    /// assigned to that partner, books their sessions and records the hours given.
    Partner,
}

impl Role {
    pub const ALL: [Role; 4] = [
        Role::Coordinator,
        Role::Facilitator,
        Role::Librarian,
        Role::Partner,
    ];

    /// The stored name (`membership.role`, `account_link.role`).
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Coordinator => "coordinator",
            Role::Facilitator => "facilitator",
            Role::Librarian => "librarian",
            Role::Partner => "partner",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// How far this role reaches for `action` within its network.
    pub fn reach(self, action: Action) -> Reach {
        match (self, action.scope()) {
            (_, Scope::Site) => Reach::Nothing,
            (Role::Coordinator, Scope::Network) => Reach::Network,
            (Role::Facilitator, Scope::Network) => match action {
                Action::ViewRegistrations | Action::MarkAttendance => Reach::Facilitated,
                _ => Reach::Nothing,
            },
            (Role::Librarian, Scope::Network) => match action {
                Action::CurateLibrary => Reach::Network,
                _ => Reach::Nothing,
            },
            (Role::Partner, Scope::Network) => match action {
                Action::CoordinateCoaching => Reach::Assigned,
                _ => Reach::Nothing,
            },
        }
    }

    /// Whether the role is held for one of the network's partners (`membership.partner_id`),
    /// which it is only ever given by invitation.
    pub fn for_a_partner(self) -> bool {
        self == Role::Partner
    }

    /// The roles that reach `action` exactly as far as `reach`, for SQL conditions.
    pub fn reaching(action: Action, reach: Reach) -> Vec<Role> {
        Role::ALL
            .into_iter()
            .filter(|r| r.reach(action) == reach)
            .collect()
    }

    /// The roles that reach any of a network for `action`, however little.
    pub fn reaching_at_all(action: Action) -> Vec<Role> {
        Role::ALL
            .into_iter()
            .filter(|r| r.reach(action) != Reach::Nothing)
            .collect()
    }
}

/// How much of a network a role reaches for an action.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reach {
    Nothing,
    /// The editions of offerings the account's own public profile facilitates.
    Facilitated,
    /// The coaching requests assigned to the partner the account gives coaching for.
    Assigned,
    /// Everything the network owns.
    Network,
}

/// Whether an action concerns what a network owns, or the site itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Done by a network's members, on what that network owns only.
    Network,
    /// Done by administrators of the site.
    Site,
}

/// One of an account's networks, as the API shows it to the account.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MembershipView {
    pub network_id: String,
    pub network_name: String,
    pub role: Role,
}

/// An account as the API shows it to the person signed in.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AccountView {
    pub id: String,
    pub email: String,
    pub name: String,
    /// An administrator of the site: networks and accounts.
    pub administrator: bool,
    /// The networks the account belongs to, with its role in each.
    #[serde(default)]
    pub networks: Vec<MembershipView>,
}

/// The answer to signing in (and to "who am I"): the account, and the token every change
/// must carry in `X-CSRF-Token`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SignedIn {
    pub account: AccountView,
    pub csrf_token: String,
}

/// What the back office lets someone do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// See an edition's registrations, applications first by priority.
    ViewRegistrations,
    /// Accept, decline or waitlist an application; give a waiting person a free place;
    /// change an edition's capacity.
    DecideRegistrations,
    /// Mark who came to a session: present, absent or excused. Facilitators mark the
    /// sessions of the editions they facilitate: they are the ones in the room.
    MarkAttendance,
    /// Read the messages sent to registrants.
    ReadOutbox,
    /// Write one message to the people of an edition.
    WriteToPeople,
    /// Send again a message to the network's registrants that failed.
    RetryMessages,
    /// Author the network's catalog: offerings, editions, sessions, facilitators, partners.
    AuthorCatalog,
    /// Read the network's audit.
    ReadAudit,
    /// Invite people to the network, change their role, remove them.
    ManageMembers,
    /// See the applications to the network's community and decide on them.
    DecideMembership,
    /// Write, translate, link and publish the network's library resources.
    CurateLibrary,
    /// Take coaching requests through their steps, book and record hours, read the year.
    CoordinateCoaching,
    /// Create networks, invite anyone to any network or as an administrator.
    ManageNetworks,
    /// Disable an account (ending all its sessions) or enable it again.
    DisableAccounts,
    /// See the messages that failed or still wait, and send one again.
    ResendMessages,
}

impl Action {
    pub const ALL: [Action; 15] = [
        Action::ViewRegistrations,
        Action::DecideRegistrations,
        Action::MarkAttendance,
        Action::ReadOutbox,
        Action::WriteToPeople,
        Action::RetryMessages,
        Action::AuthorCatalog,
        Action::ReadAudit,
        Action::ManageMembers,
        Action::DecideMembership,
        Action::CurateLibrary,
        Action::CoordinateCoaching,
        Action::ManageNetworks,
        Action::DisableAccounts,
        Action::ResendMessages,
    ];

    /// What administrators of the site do (networks, accounts, the sending of messages),
    /// and what members do within their networks.
    pub fn scope(self) -> Scope {
        match self {
            Action::ViewRegistrations
            | Action::DecideRegistrations
            | Action::MarkAttendance
            | Action::ReadOutbox
            | Action::WriteToPeople
            | Action::RetryMessages
            | Action::AuthorCatalog
            | Action::ReadAudit
            | Action::ManageMembers
            | Action::DecideMembership
            | Action::CurateLibrary
            | Action::CoordinateCoaching => Scope::Network,
            Action::ManageNetworks | Action::DisableAccounts | Action::ResendMessages => {
                Scope::Site
            }
        }
    }
}

/// Whether an account may try `action` at all: administrators for the site's actions, and
/// for a network's, a role that reaches it somewhere. Which rows it reaches is the SQL's
/// business (`edge/src/scope.rs`), so that a row of another network is simply not found.
pub fn may_try(administrator: bool, roles: &[Role], action: Action) -> bool {
    match action.scope() {
        Scope::Site => administrator,
        Scope::Network => roles.iter().any(|r| r.reach(action) != Reach::Nothing),
    }
}

/// Passwords: long enough to resist guessing at the hashing cost Workers allow (see
/// ARCHITECTURE.md), short enough to hash quickly.
pub const MIN_PASSWORD_CHARS: usize = 12;
pub const MAX_PASSWORD_CHARS: usize = 200;

/// The refusal code for a password, if any (message id `field-<code>`).
pub fn password_refusal(password: &str) -> Option<&'static str> {
    match password.chars().count() {
        n if n < MIN_PASSWORD_CHARS => Some("password-too-short"),
        n if n > MAX_PASSWORD_CHARS => Some("too-long"),
        _ => None,
    }
}

/// How a session a coordinator logged in with is kept (in KV, under its token's digest).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SessionRecord {
    pub account_id: String,
    /// Sent back in `X-CSRF-Token` with every change.
    pub csrf: String,
    /// Milliseconds since the epoch after which the session is refused.
    pub expires_at_ms: u64,
    /// When it was signed in (ms): an account's `sessions_revoked_at` ends sessions as old.
    /// Records written before this field have 0, so revocation ends them too.
    #[serde(default)]
    pub created_at_ms: u64,
    /// When it was last used (ms), written again at most every few minutes: a session idle
    /// for longer than the idle timeout is refused. 0 (older records) counts as idle.
    #[serde(default)]
    pub last_seen_ms: u64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_role_reaches_what_it_is_for() {
        use Action::*;
        for action in Action::ALL {
            let site = matches!(action, ManageNetworks | DisableAccounts | ResendMessages);
            assert_eq!(action.scope() == Scope::Site, site, "{action:?}");
            // Administrators do the site's work, and nothing of a network's as such.
            assert_eq!(may_try(true, &[], action), site, "{action:?}");
            assert_eq!(may_try(false, &Role::ALL, action), !site, "{action:?}");
            let coordinator = Role::Coordinator.reach(action);
            assert_eq!(coordinator == Reach::Network, !site, "{action:?}");
            let facilitator = Role::Facilitator.reach(action);
            let expected = if matches!(action, ViewRegistrations | MarkAttendance) {
                Reach::Facilitated
            } else {
                Reach::Nothing
            };
            assert_eq!(facilitator, expected, "{action:?}");
            // A librarian curates the library, and reaches nothing else.
            let librarian = Role::Librarian.reach(action);
            let expected = if action == CurateLibrary {
                Reach::Network
            } else {
                Reach::Nothing
            };
            assert_eq!(librarian, expected, "{action:?}");
            // A partner reaches the coaching requests assigned to it, and nothing else.
            let partner = Role::Partner.reach(action);
            let expected = if action == CoordinateCoaching {
                Reach::Assigned
            } else {
                Reach::Nothing
            };
            assert_eq!(partner, expected, "{action:?}");
        }
        assert!(may_try(false, &[Role::Partner], CoordinateCoaching));
        assert!(!may_try(false, &[Role::Partner], ViewRegistrations));
        assert_eq!(
            Role::reaching(CoordinateCoaching, Reach::Assigned),
            [Role::Partner]
        );
        assert_eq!(
            Role::reaching_at_all(CoordinateCoaching),
            [Role::Coordinator, Role::Partner]
        );
        assert_eq!(
            Role::reaching_at_all(ViewRegistrations),
            [Role::Coordinator, Role::Facilitator]
        );
        assert!(Role::Partner.for_a_partner());
        assert!(!Role::Coordinator.for_a_partner());
        assert!(may_try(false, &[Role::Librarian], CurateLibrary));
        assert!(!may_try(false, &[Role::Librarian], AuthorCatalog));
        assert!(!may_try(false, &[Role::Facilitator], CurateLibrary));
        assert_eq!(
            Role::reaching(CurateLibrary, Reach::Network),
            [Role::Coordinator, Role::Librarian]
        );
        assert!(!may_try(false, &[Role::Facilitator], DecideRegistrations));
        assert!(may_try(false, &[Role::Facilitator], ViewRegistrations));
        assert!(may_try(false, &[Role::Facilitator], MarkAttendance));
        assert_eq!(
            Role::reaching(ViewRegistrations, Reach::Facilitated),
            [Role::Facilitator]
        );
        for role in Role::ALL {
            assert_eq!(Role::parse(role.as_str()), Some(role));
        }
        assert_eq!(Role::parse("administrator"), None);
    }

    #[test]
    fn passwords_are_long_enough() {
        assert_eq!(password_refusal("short"), Some("password-too-short"));
        assert_eq!(password_refusal("correct horse battery"), None);
        assert_eq!(password_refusal(&"x".repeat(201)), Some("too-long"));
    }
}
