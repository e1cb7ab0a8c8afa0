//! Moving an authored item along its publication states — publish, unpublish, archive,
//! restore — for offerings, editions, facilitators' profiles and partners alike: one
//! handler, each item saying how it is loaded (scoped to the caller), what its publication
//! needs, and how its editor reads it back.

use relais_domain::account::Action;
use relais_domain::authoring::{PublicationAction, PublicationState, Refusal};
use relais_domain::problem::ProblemKind;
use serde::Deserialize;
use worker::{Context, D1Database, Env, Request, Response};

use super::{at, audit, refuse, run, text};
use crate::auth::{self, Staff};
use crate::http::{ApiError, Caller};
use crate::news;
use crate::outbox;
use crate::registration::create::public_origin;
use crate::registration::transitions::Statement;

/// An item with a publication state, as its `state` route loads and answers it.
pub trait Publishable: Sized {
    /// Its table, which is also its name in the audit.
    const TABLE: &'static str;
    /// What authoring it is: the catalog's, unless said otherwise (the library's).
    const ACTION: Action = Action::AuthorCatalog;
    /// The item, when the caller may author it; not found otherwise (the statement is
    /// scoped to the caller's networks).
    async fn load(db: &D1Database, staff: &Staff, id: &str) -> Result<Self, ApiError>;
    fn network(&self) -> &str;
    fn state(&self) -> PublicationState;
    fn set_state(&mut self, state: PublicationState);
    /// What would refuse its publication now.
    fn check_publish(&self) -> Vec<Refusal>;
    /// The item as its editor opens it, in the caller's language.
    fn answer(self, id: &str, caller: &Caller) -> Result<Response, ApiError>;
    /// What its publication makes public that people asked to hear of (`news`): none by
    /// default.
    fn published(_id: &str) -> Option<news::Published<'_>> {
        None
    }
}

#[derive(Deserialize)]
pub struct StateChange {
    pub action: String,
}

/// The publication action asked for.
fn read_action(change: StateChange) -> Result<PublicationAction, ApiError> {
    PublicationAction::parse(&change.action).ok_or(ApiError::Problem(
        ProblemKind::InvalidBody,
        vec![("action", "unknown-action")],
    ))
}

/// `POST /api/dashboard/{offerings,editions,people,partners,library}/{id}/state`: publish (every
/// required text in every language it is required in), unpublish, archive or restore; a
/// move the state does not allow is a conflict. The change and its audit line are one
/// batch, guarded by the state read.
pub async fn change_state<T: Publishable>(
    req: &Request,
    env: &Env,
    ctx: &Context,
    caller: &Caller,
    id: &str,
) -> Result<Response, ApiError> {
    let staff = auth::require(req, env, T::ACTION, true).await?;
    let action = read_action(auth::read_json::<StateChange>(req).await?)?;
    let db = env.d1("DB")?;
    let mut item = T::load(&db, &staff, id).await?;
    let before = item.state();
    let Some(next) = before.apply(action) else {
        return Err(ApiError::Detailed(
            ProblemKind::Conflict,
            "conflict-publication-not-allowed",
        ));
    };
    if next == PublicationState::Published {
        refuse(item.check_publish())?;
    }
    let at = at();
    // Those waiting for news of it hear once, in the same batch, after the update.
    let news = match (next, T::published(id)) {
        (PublicationState::Published, Some(published)) => {
            Some(news::new_dates(published, &public_origin(env, req)?, &at))
        }
        _ => None,
    };
    let mut statements = vec![
        Statement {
            sql: format!(
                "UPDATE {} SET state = ?2 WHERE id = ?1 AND state = ?3",
                T::TABLE
            ),
            params: vec![text(id), text(next.as_str()), text(before.as_str())],
        },
        audit::record(
            item.network(),
            &staff.account_id,
            &at,
            (T::TABLE, id),
            action.as_str(),
            serde_json::json!({"state": {"before": before, "after": next}}).to_string(),
        ),
    ];
    statements.extend(news.iter().cloned());
    run(&db, &statements).await?;
    crate::cache::forget_public();
    if news.is_some() {
        outbox::send_soon(env, ctx, outbox::Only::All);
    }
    item.set_state(next);
    item.answer(id, caller)
}
