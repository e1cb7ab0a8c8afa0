//! Registration without an account: what an edition's form shows (`form`), registering
//! (`create`) and what the private manage link allows (`manage`): seeing the registration,
//! cancelling, changing language or time zone, deleting one's data.

pub mod create;
pub mod form;
pub mod manage;
pub mod transitions;

use wasm_bindgen::JsValue;
use worker::{D1Database, D1PreparedStatement};

use crate::http::ApiError;

/// The statement that records `kind` in the history for every registration the change
/// `change_id` touched, with the coordinator who decided it (`actor`), if one did.
pub fn record(
    db: &D1Database,
    kind: &str,
    change_id: &str,
    at: &JsValue,
    actor: Option<&str>,
) -> Result<D1PreparedStatement, ApiError> {
    Ok(db
        .prepare(
            "INSERT INTO registration_event (registration_id, edition_id, kind, at, actor) \
             SELECT id, edition_id, ?1, ?3, ?4 FROM registration WHERE change_id = ?2",
        )
        .bind(&[
            kind.into(),
            change_id.into(),
            at.clone(),
            actor.map_or(JsValue::NULL, JsValue::from),
        ])?)
}
