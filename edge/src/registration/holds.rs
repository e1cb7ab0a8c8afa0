//! Places held for confirmation by email: the cron gives back those whose time ran out, and
//! the first in line of each edition gets them, in the same batch.

use chrono::{DateTime, SecondsFormat, Utc};
use relais_domain::registration::Transition;
use worker::D1Database;

use super::transitions::{self, Change, Target};
use crate::crypto;
use crate::http::ApiError;

/// Releases every held place not confirmed by `now`; returns how many.
pub async fn release_expired(db: &D1Database, now: DateTime<Utc>) -> Result<u32, ApiError> {
    let at = now.to_rfc3339_opts(SecondsFormat::Secs, true);
    let mut statements = transitions::change(
        &Change {
            transition: Transition::ReleaseHold,
            target: Target::ExpiredHolds { now: &at },
            at: &at,
            actor: None,
            reason: None,
            note: None,
        },
        &crypto::random_hex(12)?,
    );
    statements.extend(transitions::change(
        &Change {
            transition: Transition::Promote,
            target: Target::FreePlaces(None),
            at: &at,
            actor: None,
            reason: None,
            note: None,
        },
        &crypto::random_hex(12)?,
    ));
    let results = db.batch(transitions::prepare_all(db, &statements)?).await?;
    let released = results
        .first()
        .and_then(|r| r.meta().ok().flatten())
        .and_then(|m| m.changes)
        .unwrap_or(0);
    Ok(released as u32)
}
