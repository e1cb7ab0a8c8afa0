//! Coordinators' accounts: roles, what each may do, and the password rule.

use serde::{Deserialize, Serialize};

/// Who someone is in Relais's back office.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Everything, including accounts.
    Administrator,
    /// Registrations, decisions, the waiting list and the outbox.
    Coordinator,
    /// Runs sessions; sees nothing of registrations here yet.
    Facilitator,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Administrator => "administrator",
            Role::Coordinator => "coordinator",
            Role::Facilitator => "facilitator",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        [Role::Administrator, Role::Coordinator, Role::Facilitator]
            .into_iter()
            .find(|r| r.as_str() == s)
    }

    /// Whether this role may do `action`.
    pub fn may(self, action: Action) -> bool {
        match self {
            Role::Administrator => true,
            Role::Coordinator => !action.administrators_only(),
            Role::Facilitator => false,
        }
    }
}

/// An account as the API shows it to the person signed in.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AccountView {
    pub id: String,
    pub email: String,
    pub name: String,
    pub role: String,
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
    /// Accept, decline or waitlist an application; give a waiting person a free place.
    DecideRegistrations,
    /// Read the messages sent to registrants.
    ReadOutbox,
    /// Create accounts.
    ManageAccounts,
    /// Disable an account (ending all its sessions) or enable it again.
    DisableAccounts,
    /// See the messages that failed or still wait, and send one again.
    ResendMessages,
}

impl Action {
    pub const ALL: [Action; 6] = [
        Action::ViewRegistrations,
        Action::DecideRegistrations,
        Action::ReadOutbox,
        Action::ManageAccounts,
        Action::DisableAccounts,
        Action::ResendMessages,
    ];

    /// What only administrators may do: accounts, and the sending of messages.
    pub fn administrators_only(self) -> bool {
        match self {
            Action::ViewRegistrations | Action::DecideRegistrations | Action::ReadOutbox => false,
            Action::ManageAccounts | Action::DisableAccounts | Action::ResendMessages => true,
        }
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
    fn each_role_may_do_what_it_is_for() {
        use Action::*;
        for action in Action::ALL {
            assert!(Role::Administrator.may(action));
            assert!(!Role::Facilitator.may(action));
            let admin_only = matches!(action, ManageAccounts | DisableAccounts | ResendMessages);
            assert_eq!(Role::Coordinator.may(action), !admin_only, "{action:?}");
        }
        for role in [Role::Administrator, Role::Coordinator, Role::Facilitator] {
            assert_eq!(Role::parse(role.as_str()), Some(role));
        }
        assert_eq!(Role::parse("root"), None);
    }

    #[test]
    fn passwords_are_long_enough() {
        assert_eq!(password_refusal("short"), Some("password-too-short"));
        assert_eq!(password_refusal("correct horse battery"), None);
        assert_eq!(password_refusal(&"x".repeat(201)), Some("too-long"));
    }
}
