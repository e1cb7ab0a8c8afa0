//! Which rows of the back office the signed-in account reaches, as SQL conditions built
//! from `relais_domain::account`'s roles. Every back-office read and change puts one of these
//! in its own statement, so a row of another network is simply not found (404), and nothing
//! about it is revealed. Role names are spliced from the domain's enum; the account is bound.

use relais_domain::account::{Action, Reach, Role};

/// `role IN ('coordinator', …)` for the roles that reach `action` exactly as far as `reach`;
/// `0` when none does.
fn roles_in(column: &str, action: Action, reach: Reach) -> String {
    role_among(column, &Role::reaching(action, reach))
}

/// `role IN ('coordinator', …)` for `roles`; `0` when there are none.
fn role_among(column: &str, roles: &[Role]) -> String {
    if roles.is_empty() {
        return "0".to_owned();
    }
    let names: Vec<String> = roles.iter().map(|r| format!("'{}'", r.as_str())).collect();
    format!("{column} IN ({})", names.join(", "))
}

/// The account bound at `account` (`?2`, say) reaches the offering aliased `o` for `action`:
/// a role in its network that reaches the whole network, or a facilitator's role while the
/// account's public profile facilitates the offering.
pub fn offering(o: &str, account: &str, action: Action) -> String {
    format!(
        "EXISTS (SELECT 1 FROM membership m WHERE m.account_id = {account} \
           AND m.network_id = {o}.network_id \
           AND ({network} OR ({facilitated} AND EXISTS (SELECT 1 FROM offering_person op \
             JOIN account a ON a.person_id = op.person_id \
             WHERE a.id = m.account_id AND op.offering_id = {o}.id))))",
        network = roles_in("m.role", action, Reach::Network),
        facilitated = roles_in("m.role", action, Reach::Facilitated),
    )
}

/// The account reaches the edition whose id is the SQL expression `edition_id`.
pub fn edition(edition_id: &str, account: &str, action: Action) -> String {
    format!(
        "EXISTS (SELECT 1 FROM edition scope_e JOIN offering scope_o \
           ON scope_o.id = scope_e.offering_id WHERE scope_e.id = {edition_id} AND {})",
        offering("scope_o", account, action)
    )
}

/// The account reaches, across the whole network whose id is the SQL expression `network_id`,
/// what `action` concerns (facilitators, partners, members, the audit).
pub fn network(network_id: &str, account: &str, action: Action) -> String {
    format!(
        "EXISTS (SELECT 1 FROM membership m WHERE m.account_id = {account} \
           AND m.network_id = {network_id} AND {})",
        roles_in("m.role", action, Reach::Network)
    )
}

/// The account reaches the coaching request aliased `r` (its organisation aliased `o`) for
/// `action`: a role that reaches the request's whole network, or a partner's role held for
/// the partner the request is assigned to.
pub fn coaching_request(r: &str, o: &str, account: &str, action: Action) -> String {
    format!(
        "EXISTS (SELECT 1 FROM membership m WHERE m.account_id = {account} \
           AND m.network_id = {o}.network_id \
           AND ({network} OR ({assigned} AND m.partner_id = {r}.partner_id)))",
        network = roles_in("m.role", action, Reach::Network),
        assigned = roles_in("m.role", action, Reach::Assigned),
    )
}

/// The account reaches the organisation aliased `o` for `action`: across its whole network,
/// or as the partner one of its requests is assigned to (its balance, to book and record).
pub fn coaching_organisation(o: &str, account: &str, action: Action) -> String {
    format!(
        "EXISTS (SELECT 1 FROM membership m WHERE m.account_id = {account} \
           AND m.network_id = {o}.network_id \
           AND ({network} OR ({assigned} AND EXISTS (SELECT 1 FROM coaching_request sr \
             WHERE sr.organisation_id = {o}.id AND sr.partner_id = m.partner_id))))",
        network = roles_in("m.role", action, Reach::Network),
        assigned = roles_in("m.role", action, Reach::Assigned),
    )
}

/// The account reaches the partner aliased `p` (its hours in the yearly report) for
/// `action`: across the partner's whole network, or as the partner it gives coaching for.
pub fn coaching_partner(p: &str, account: &str, action: Action) -> String {
    format!(
        "EXISTS (SELECT 1 FROM membership m WHERE m.account_id = {account} \
           AND m.network_id = {p}.network_id \
           AND ({network} OR ({assigned} AND m.partner_id = {p}.id)))",
        network = roles_in("m.role", action, Reach::Network),
        assigned = roles_in("m.role", action, Reach::Assigned),
    )
}

/// The account reaches some of the network `network_id` for `action`, however little (a
/// partner's requests): the network's own page answers, listing what it reaches.
pub fn network_in_part(network_id: &str, account: &str, action: Action) -> String {
    format!(
        "EXISTS (SELECT 1 FROM membership m WHERE m.account_id = {account} \
           AND m.network_id = {network_id} AND {})",
        role_among("m.role", &Role::reaching_at_all(action))
    )
}

#[cfg(test)]
mod tests;
