//! A network's community of practice (`domain::community` states its rules): the public
//! application form, applying (`apply`), a member's private link (`member`: where they stand,
//! the members' resources, leaving), and the coordinators' decisions (`decisions`).

use relais_domain::community::{Community, OnBehalf, Rule};
use relais_domain::problem::ProblemKind;
use relais_domain::registration::Question;
use relais_domain::Localized;
use serde::Deserialize;
use worker::D1Database;

use crate::http::ApiError;

pub mod apply;
pub mod decisions;
pub mod member;

/// A network's open community, as stored.
#[derive(Deserialize)]
struct CommunityRow {
    network_name: String,
    rule: Rule,
    criteria: String,
    on_behalf: String,
    questions: String,
}

impl CommunityRow {
    fn community(&self) -> Result<Community, ApiError> {
        Ok(Community {
            rule: self.rule,
            criteria: serde_json::from_str::<Vec<Localized>>(&self.criteria)?,
            on_behalf: serde_json::from_str::<Vec<OnBehalf>>(&self.on_behalf)?,
            questions: serde_json::from_str::<Vec<Question>>(&self.questions)?,
        })
    }
}

/// The network's community when it takes applications; a network without one, or closed,
/// is not found.
async fn open_community(db: &D1Database, network_id: &str) -> Result<CommunityRow, ApiError> {
    db.prepare(
        "SELECT n.name AS network_name, c.rule, c.criteria, c.on_behalf, c.questions \
         FROM community c JOIN network n ON n.id = c.network_id \
         WHERE c.network_id = ?1 AND c.open = 1",
    )
    .bind(&[network_id.into()])?
    .first::<CommunityRow>(None)
    .await?
    .ok_or(ApiError::Problem(ProblemKind::NotFound, vec![]))
}

/// The SQL expression of a member's page address, in their language (the member aliased
/// `member`), from the site's origin bound at `origin` and the token bound at `token`.
fn page_address(member: &str, origin: &str, token: &str) -> String {
    format!("{origin} || '/' || {member}.lang || '/member/' || {token}")
}

#[cfg(test)]
mod tests;
