//! How people join and leave: invitations to a role, one-time links (an invitation, a
//! password reset) on which people set their own password, a network's members, the rule
//! that keeps every network coordinated, networks as administrators create them, and the
//! messages that carry the links.

use chrono::{DateTime, TimeDelta, Utc};
use serde::{Deserialize, Serialize};

use super::Role;
use crate::coaching::organisation::PartnerChoice;
use crate::i18n::Messages;
use crate::registration::{has_visible, is_email, text_refusal, Composed, Lines, Refusal};
use crate::{Lang, Localized};

/// An invitation's link works this long: time to notice the message and answer it.
pub const INVITATION_DAYS: i64 = 7;
/// A password reset's link works this long: someone asking for one is waiting for it.
pub const RESET_MINUTES: i64 = 60;
pub const MAX_ACCOUNT_NAME: usize = 100;
pub const MAX_NETWORK_NAME: usize = 100;
pub const MAX_NETWORK_ID: usize = 60;
pub const MIN_NETWORK_ID: usize = 2;
pub const MAX_NETWORK_DESCRIPTION: usize = 2000;
pub const MAX_URL: usize = 500;

/// What a one-time link is for (`account_link.purpose`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LinkPurpose {
    /// Joining a network with a role, or the site as an administrator.
    Invitation,
    /// Choosing a new password for an existing account.
    PasswordReset,
}

impl LinkPurpose {
    pub const ALL: [LinkPurpose; 2] = [LinkPurpose::Invitation, LinkPurpose::PasswordReset];

    pub fn as_str(self) -> &'static str {
        match self {
            LinkPurpose::Invitation => "invitation",
            LinkPurpose::PasswordReset => "password_reset",
        }
    }

    pub fn parse(s: &str) -> Option<LinkPurpose> {
        LinkPurpose::ALL.into_iter().find(|p| p.as_str() == s)
    }

    /// How long a link made now stays usable.
    pub fn lifetime(self) -> TimeDelta {
        match self {
            LinkPurpose::Invitation => TimeDelta::days(INVITATION_DAYS),
            LinkPurpose::PasswordReset => TimeDelta::minutes(RESET_MINUTES),
        }
    }

    /// The page of the app the link opens, under `/{lang}/`.
    pub fn page(self) -> &'static str {
        match self {
            LinkPurpose::Invitation => "welcome",
            LinkPurpose::PasswordReset => "new-password",
        }
    }
}

/// `POST /api/networks/{network}/invitations`. Every field optional here, so that a missing
/// one is refused by name with the others.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct InvitationRequest {
    pub email: Option<String>,
    /// A role's stored name (`coordinator`, `facilitator`, `librarian`, `partner`).
    pub role: Option<String>,
    /// For the partner role: the id of the network's partner the person gives coaching for.
    pub partner: Option<String>,
    /// The language of the message and of the page it opens; the inviter's by default.
    pub lang: Option<String>,
}

/// `POST /api/admin/invitations`: a new administrator of the site.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AdministratorInvitationRequest {
    pub email: Option<String>,
    /// Must be `true`: said out loud, since it gives every right over the site.
    pub administrator: Option<bool>,
    pub lang: Option<String>,
}

/// An invitation as checked: to a role in a network, or (`role: None`) to administer the site.
#[derive(Clone, Debug, PartialEq)]
pub struct Invitation {
    pub email: String,
    pub role: Option<Role>,
    /// The partner a partner's role is held for; `None` for every other role.
    pub partner: Option<String>,
    pub lang: Lang,
}

/// An email address as typed: trimmed and lower-cased, or why it is refused.
fn checked_email(email: Option<&str>) -> Result<String, &'static str> {
    let email = email.unwrap_or_default().trim().to_lowercase();
    if email.is_empty() {
        Err("required")
    } else if !is_email(&email) {
        Err("invalid-email")
    } else {
        Ok(email)
    }
}

/// The language asked for, `default` when none is.
fn checked_lang(lang: Option<&str>, default: Lang) -> Result<Lang, &'static str> {
    match lang.map(str::trim).filter(|l| !l.is_empty()) {
        None => Ok(default),
        Some(code) => Lang::parse(code).ok_or("unknown-language"),
    }
}

pub fn validate_invitation(
    request: &InvitationRequest,
    default_lang: Lang,
) -> Result<Invitation, Vec<Refusal>> {
    let mut refused: Vec<Refusal> = vec![];
    let email = checked_email(request.email.as_deref())
        .map_err(|code| refused.push(("email".into(), code)))
        .ok();
    let role = match request.role.as_deref().map(str::trim) {
        None | Some("") => {
            refused.push(("role".into(), "required"));
            None
        }
        Some(name) => Role::parse(name).or_else(|| {
            refused.push(("role".into(), "unknown-role"));
            None
        }),
    };
    // Whether the partner belongs to the network is the SQL's to say, as it writes.
    let partner = match request.partner.as_deref().map(str::trim) {
        _ if !role.is_some_and(Role::for_a_partner) => None,
        None | Some("") => {
            refused.push(("partner".into(), "required"));
            None
        }
        Some(id) => Some(id.to_owned()),
    };
    let lang = checked_lang(request.lang.as_deref(), default_lang)
        .map_err(|code| refused.push(("lang".into(), code)))
        .ok();
    match (email, role, lang) {
        (Some(email), Some(role), Some(lang)) if refused.is_empty() => Ok(Invitation {
            email,
            role: Some(role),
            partner,
            lang,
        }),
        _ => Err(refused),
    }
}

pub fn validate_administrator_invitation(
    request: &AdministratorInvitationRequest,
    default_lang: Lang,
) -> Result<Invitation, Vec<Refusal>> {
    let mut refused: Vec<Refusal> = vec![];
    let email = checked_email(request.email.as_deref())
        .map_err(|code| refused.push(("email".into(), code)))
        .ok();
    if request.administrator != Some(true) {
        refused.push(("administrator".into(), "must-be-true"));
    }
    let lang = checked_lang(request.lang.as_deref(), default_lang)
        .map_err(|code| refused.push(("lang".into(), code)))
        .ok();
    match (email, lang) {
        (Some(email), Some(lang)) if refused.is_empty() => Ok(Invitation {
            email,
            role: None,
            partner: None,
            lang,
        }),
        _ => Err(refused),
    }
}

/// `POST /api/auth/password-reset`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PasswordResetRequest {
    pub email: Option<String>,
    pub lang: Option<String>,
}

pub fn validate_password_reset(
    request: &PasswordResetRequest,
    default_lang: Lang,
) -> Result<(String, Lang), Vec<Refusal>> {
    let mut refused: Vec<Refusal> = vec![];
    let email = checked_email(request.email.as_deref())
        .map_err(|code| refused.push(("email".into(), code)))
        .ok();
    let lang = checked_lang(request.lang.as_deref(), default_lang)
        .map_err(|code| refused.push(("lang".into(), code)))
        .ok();
    match (email, lang) {
        (Some(email), Some(lang)) if refused.is_empty() => Ok((email, lang)),
        _ => Err(refused),
    }
}

/// `GET /api/account-links/{token}`: what an open link is for. A link used, expired or
/// unknown is not found, the same in all three cases.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AccountLink {
    pub purpose: LinkPurpose,
    /// The address the link was sent to: the account it joins or resets.
    pub email: String,
    /// An invitation's network and role; neither for an administrator's or a reset.
    pub network_id: Option<String>,
    pub network_name: Option<String>,
    pub role: Option<Role>,
    /// A partner's role's partner, by name (`Role::for_a_partner`).
    #[serde(default)]
    pub partner: Option<String>,
    /// An invitation's inviter, by name, if their account still exists.
    #[serde(default)]
    pub invited_by: Option<String>,
    /// An invitation to administer the site.
    pub administrator: bool,
    /// Whether an account has this email: then an invitation asks for its password (the
    /// link alone never takes an account over), else for a name and a new password.
    pub account_exists: bool,
    pub expires_at: DateTime<Utc>,
}

/// `POST /api/account-links/{token}`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct LinkAcceptance {
    /// A new account's name (an invitation to an address with no account).
    pub name: Option<String>,
    /// A new account's password, the new password of a reset, or, for an invitation to an
    /// address that has an account, that account's password.
    pub password: Option<String>,
}

/// What accepting a link does, which decides what it needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkUse {
    /// An invitation to an address with no account: a name and a password of their choosing.
    NewAccount,
    /// An invitation to an address that has an account: its password, as proof.
    ExistingAccount,
    /// A reset: a new password.
    NewPassword,
}

/// A link's acceptance as checked: the name (a new account's) and the password.
#[derive(Clone, Debug, PartialEq)]
pub struct Accepted {
    pub name: Option<String>,
    pub password: String,
}

pub fn validate_acceptance(
    acceptance: &LinkAcceptance,
    link_use: LinkUse,
) -> Result<Accepted, Vec<Refusal>> {
    let mut refused: Vec<Refusal> = vec![];
    let name = if link_use == LinkUse::NewAccount {
        let name = acceptance.name.as_deref().unwrap_or_default().trim();
        if let Some(code) = name_refusal(name, MAX_ACCOUNT_NAME) {
            refused.push(("name".into(), code));
        }
        Some(name.to_owned())
    } else {
        None
    };
    let password = acceptance.password.clone().unwrap_or_default();
    let password_refused = match link_use {
        // Whatever it is, the account's own password is what is checked; only its absence
        // is refused here.
        LinkUse::ExistingAccount => password.is_empty().then_some("required"),
        LinkUse::NewAccount | LinkUse::NewPassword => match password.is_empty() {
            true => Some("required"),
            false => super::password_refusal(&password),
        },
    };
    if let Some(code) = password_refused {
        refused.push(("password".into(), code));
    }
    if refused.is_empty() {
        Ok(Accepted { name, password })
    } else {
        Err(refused)
    }
}

/// A one-line name: not blank, at most `max` characters, nothing invisible or reversing.
fn name_refusal(name: &str, max: usize) -> Option<&'static str> {
    if !has_visible(name) {
        Some("required")
    } else if name.chars().count() > max {
        Some("too-long")
    } else {
        text_refusal(name, Lines::One)
    }
}

/// A member of a network, as its coordinators (and administrators) see them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Member {
    pub account_id: String,
    pub name: String,
    pub email: String,
    pub role: Role,
    /// The partner a partner's role is held for, by name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partner: Option<String>,
    pub joined_at: DateTime<Utc>,
    /// A disabled account keeps its membership but cannot sign in.
    pub disabled: bool,
}

/// An invitation not yet accepted, still open.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PendingInvitation {
    pub email: String,
    pub role: Role,
    /// The partner a partner's role is offered for, by name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partner: Option<String>,
    pub invited_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    /// The inviter's name, if their account still exists.
    pub invited_by: Option<String>,
}

/// `POST /api/admin/invitations`'s answer: an invitation to administer the site.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AdministratorInvitation {
    pub email: String,
    pub invited_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
}

/// `GET /api/networks/{network}/members`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NetworkMembers {
    pub network_id: String,
    pub network_name: String,
    /// Coordinators first, then by name.
    pub members: Vec<Member>,
    /// Soonest to expire first.
    pub invitations: Vec<PendingInvitation>,
    /// The network's partners, by name: a partner's role is offered for one of them.
    #[serde(default)]
    pub partners: Vec<PartnerChoice>,
}

/// `PUT /api/networks/{network}/members/{account}`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RoleChange {
    pub role: Option<String>,
}

/// A member's new role. A partner's role names the partner, so it is given by invitation
/// only; a member who held it and is given another one no longer stands for the partner.
pub fn validate_role_change(change: &RoleChange) -> Result<Role, Vec<Refusal>> {
    match change.role.as_deref().map(str::trim) {
        None | Some("") => Err(vec![("role".into(), "required")]),
        Some(name) => match Role::parse(name) {
            None => Err(vec![("role".into(), "unknown-role")]),
            Some(role) if role.for_a_partner() => {
                Err(vec![("role".into(), "partner-by-invitation")])
            }
            Some(role) => Ok(role),
        },
    }
}

/// What happens to someone's membership.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MembershipChange {
    /// Given another role (or the same again).
    NewRole(Role),
    /// Removed, or leaving.
    Ends,
}

/// Whether a network may make `change` to a member holding `current`, with `coordinators`
/// coordinators in all (the member included): a network is never left without a
/// coordinator by its own people — nobody else could invite anyone to it — but an
/// administrator of the site may do it (and then invite someone).
pub fn keeps_a_coordinator(
    current: Role,
    change: MembershipChange,
    coordinators: u32,
    by_administrator: bool,
) -> bool {
    by_administrator
        || current != Role::Coordinator
        || change == MembershipChange::NewRole(Role::Coordinator)
        || coordinators > 1
}

/// `POST /api/admin/networks`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct NewNetwork {
    /// The network's address in Relais: lower-case letters, digits and single hyphens.
    pub id: Option<String>,
    /// A name is a name: the same in every language.
    pub name: Option<String>,
    pub description: Localized,
    pub url: Option<String>,
}

/// A network as checked, ready to write.
#[derive(Clone, Debug, PartialEq)]
pub struct CheckedNetwork {
    pub id: String,
    pub name: String,
    pub description: Localized,
    pub url: Option<String>,
}

/// An identifier for addresses: 2 to 60 of `a-z`, `0-9` and `-`, no hyphen at either end
/// or twice in a row.
pub fn is_slug(id: &str) -> bool {
    (MIN_NETWORK_ID..=MAX_NETWORK_ID).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
}

/// A web address people can open: `https://` (or `http://`) and a host, no spaces.
pub fn is_web_url(url: &str) -> bool {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    url.len() <= MAX_URL
        && rest.is_some_and(|r| {
            let host = r.split(['/', '?', '#']).next().unwrap_or_default();
            host.contains('.') && !host.starts_with('.')
        })
        && !url.chars().any(|c| c.is_whitespace() || c.is_control())
}

pub fn validate_network(new: &NewNetwork) -> Result<CheckedNetwork, Vec<Refusal>> {
    let mut refused: Vec<Refusal> = vec![];
    let id = new.id.as_deref().unwrap_or_default().trim().to_owned();
    if id.is_empty() {
        refused.push(("id".into(), "required"));
    } else if !is_slug(&id) {
        refused.push(("id".into(), "invalid-slug"));
    }
    let name = new.name.as_deref().unwrap_or_default().trim().to_owned();
    if let Some(code) = name_refusal(&name, MAX_NETWORK_NAME) {
        refused.push(("name".into(), code));
    }
    for (code, text) in &new.description.0 {
        let field = format!("description.{code}");
        if Lang::parse(code).is_none_or(|l| l.code() != code) {
            refused.push((field, "unknown-language"));
        } else if text.chars().count() > MAX_NETWORK_DESCRIPTION {
            refused.push((field, "too-long"));
        } else if let Some(why) = text_refusal(text, Lines::Many) {
            refused.push((field, why));
        }
    }
    let url = new
        .url
        .as_deref()
        .map(str::trim)
        .filter(|u| !u.is_empty())
        .map(str::to_owned);
    if url.as_deref().is_some_and(|u| !is_web_url(u)) {
        refused.push(("url".into(), "invalid-url"));
    }
    if !refused.is_empty() {
        return Err(refused);
    }
    let description = Localized::new(
        new.description
            .0
            .iter()
            .map(|(k, v)| (k.as_str(), v.trim())),
    );
    Ok(CheckedNetwork {
        id,
        name,
        description,
        url,
    })
}

/// A network as administrators see it (`GET /api/admin/networks`, and the answer to creating
/// one).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ManagedNetwork {
    pub id: String,
    pub name: String,
    pub description: Localized,
    pub url: Option<String>,
    pub created_at: DateTime<Utc>,
    pub coordinators: u32,
    pub facilitators: u32,
    pub pending_invitations: u32,
}

/// The messages about an account (`outbox.kind`), apart from registrants' messages: they go
/// to an address, not to a registration.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AccountMessage {
    Invitation,
    PasswordReset,
}

impl AccountMessage {
    pub const ALL: [AccountMessage; 2] =
        [AccountMessage::Invitation, AccountMessage::PasswordReset];

    pub fn as_str(self) -> &'static str {
        self.purpose().as_str()
    }

    pub fn parse(s: &str) -> Option<AccountMessage> {
        AccountMessage::ALL.into_iter().find(|m| m.as_str() == s)
    }

    /// The link each message carries.
    pub fn purpose(self) -> LinkPurpose {
        match self {
            AccountMessage::Invitation => LinkPurpose::Invitation,
            AccountMessage::PasswordReset => LinkPurpose::PasswordReset,
        }
    }
}

/// What an account's message says, besides its link.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AccountMessageFacts {
    /// The recipient's name, when they have an account.
    pub name: Option<String>,
    /// Who invited them, if their account still exists.
    pub inviter: Option<String>,
    pub network: Option<String>,
    pub role: Option<Role>,
    /// An invitation to administer the site.
    pub administrator: bool,
    pub url: String,
}

/// Writes an account's message in `messages`' language. The link says how long it works and
/// that it works once; nobody's password is ever in a message.
pub fn compose_account_message(
    kind: AccountMessage,
    facts: &AccountMessageFacts,
    messages: &Messages,
) -> Composed {
    let inviter = facts
        .inviter
        .clone()
        .unwrap_or_else(|| messages.get("mail-inviter-unknown"));
    let role = facts
        .role
        .map(|r| messages.get(&format!("mail-role-{}", r.as_str())))
        .unwrap_or_default();
    let args = [
        ("name", facts.name.clone().unwrap_or_default().into()),
        ("inviter", inviter.into()),
        ("network", facts.network.clone().unwrap_or_default().into()),
        ("role", role.into()),
        ("url", facts.url.as_str().into()),
        ("days", INVITATION_DAYS.into()),
        ("minutes", RESET_MINUTES.into()),
    ];
    let greeting = match &facts.name {
        Some(_) => messages.format("mail-greeting", &args),
        None => messages.get("mail-hello"),
    };
    let (subject, blocks) = match kind {
        AccountMessage::Invitation => {
            let which = if facts.administrator {
                "invitation-administrator"
            } else {
                "invitation"
            };
            (
                messages.format(&format!("mail-subject-{which}"), &args),
                vec![
                    messages.format(&format!("mail-body-{which}"), &args),
                    messages.format("mail-invitation-link", &args),
                    messages.format("mail-invitation-once", &args),
                    messages.get("mail-invitation-unexpected"),
                ],
            )
        }
        AccountMessage::PasswordReset => (
            messages.format("mail-subject-password_reset", &args),
            vec![
                messages.format("mail-body-password_reset", &args),
                messages.format("mail-reset-once", &args),
                messages.get("mail-reset-unexpected"),
            ],
        ),
    };
    let body = std::iter::once(greeting)
        .chain(blocks)
        .chain(std::iter::once(messages.get("mail-signature")))
        .collect::<Vec<_>>()
        .join("\n\n");
    Composed { subject, body }
}

#[cfg(test)]
mod tests;
