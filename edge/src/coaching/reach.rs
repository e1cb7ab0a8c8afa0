//! How far the signed-in account reaches a network's coaching, read as two counts at the
//! head of the desk's and the report's batches (`?1` the network, `?2` the account): some of
//! it (a partner's requests) or all of it (a coordinator). Not reached at all is not found.

use relais_domain::account::Action as StaffAction;
use relais_domain::coaching::request::Actor;
use relais_domain::problem::ProblemKind;
use worker::D1Result;

use crate::http::ApiError;
use crate::rows::Count;
use crate::scope;

const COORDINATE: StaffAction = StaffAction::CoordinateCoaching;

/// The two counts, first in the batch: the network reached in part, then as a whole.
pub fn statements() -> [String; 2] {
    [
        scope::network_in_part("?1", "?2", COORDINATE),
        scope::network("?1", "?2", COORDINATE),
    ]
    .map(|reaches| format!("SELECT count(*) AS count FROM network WHERE id = ?1 AND {reaches}"))
}

/// Who reads, from the two counts' results: a coordinator reaching the whole network, or a
/// partner reaching some of it; nothing reached is not found (404).
pub fn reader(in_part: &D1Result, whole: &D1Result) -> Result<Actor, ApiError> {
    let counted = |result: &D1Result| -> Result<bool, ApiError> {
        Ok(result
            .results::<Count>()?
            .first()
            .is_some_and(|c| c.count > 0))
    };
    if !counted(in_part)? {
        Err(ApiError::Problem(ProblemKind::NotFound, vec![]))
    } else if counted(whole)? {
        Ok(Actor::Coordinator)
    } else {
        Ok(Actor::Partner)
    }
}
