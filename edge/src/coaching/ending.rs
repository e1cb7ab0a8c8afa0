//! A request ending before anything was booked on it: declined by its network's
//! coordinators (a step on the desk) or withdrawn by the organisation (from its link). When
//! the request took a place in a programme's pool, the place is given back in the same
//! batch: `budget::return_place`'s entry appended to the ledger as read, and the place's row
//! removed, both written only with the request's own change, which is guarded by the stage
//! it was read at and by the ledger being as it was read (read again when another writer
//! came between). So a declined tenth neighbourhood's place goes to the next one asking,
//! and nothing is half-written.

use relais_domain::coaching::budget::{holds_place, return_place, Period};
use relais_domain::coaching::request::Stage;
use serde::Deserialize;
use worker::D1Database;

use super::desk::{guarded, ledger_busy, written_with_ledger, TiedTo, LEDGER_ATTEMPTS};
use super::ledger::{EntryRow, Ledger, Read, Writer};
use crate::crypto;
use crate::http::ApiError;
use crate::registration::transitions::{Statement, Value};

/// A request's move from `from` to a final stage `to` (declined, withdrawn).
pub struct Ending<'a> {
    pub request: &'a str,
    pub organisation: &'a str,
    pub from: Stage,
    pub to: Stage,
    /// An account's id, or `organisation` when it withdraws its own request.
    pub who: &'a str,
    pub at: &'a str,
}

/// The pool place a request holds, as the place's row names it.
#[derive(Debug, Deserialize)]
struct PlaceRow {
    programme_id: String,
    period: i64,
}

/// What the batch gives back with the move: the place's ledger as read, and its period.
pub struct Place<'a> {
    pub ledger: Ledger<'a>,
    pub period: Period,
    pub read: &'a Read,
}

impl Ending<'_> {
    /// Writes the move, with the request's pool place given back if it holds one.
    pub async fn write(&self, db: &D1Database) -> Result<(), ApiError> {
        let place: Option<PlaceRow> = db
            .prepare("SELECT programme_id, period FROM coaching_pool_place WHERE request_id = ?1")
            .bind(&[self.request.into()])?
            .first(None)
            .await?;
        let Some(place) = place else {
            return guarded(db, &self.statements(None, &crypto::random_hex(8)?)).await;
        };
        let period =
            Period::try_from(place.period).map_err(|_| ApiError::Internal("period".into()))?;
        let ledger = Ledger {
            programme: &place.programme_id,
            organisation: self.organisation,
        };
        for _ in 0..LEDGER_ATTEMPTS {
            let rows: Vec<EntryRow> = ledger.read().prepare(db)?.all().await?.results()?;
            let read = Read::from_rows(&rows)
                .ok_or_else(|| ApiError::Internal("a ledger row is no entry".into()))?;
            let place = Place {
                ledger,
                period,
                read: &read,
            };
            let statements = self.statements(Some(&place), &crypto::random_hex(8)?);
            if written_with_ledger(db, &statements, self.request, self.from).await? {
                return Ok(());
            }
        }
        Err(ledger_busy())
    }

    /// The batch: first the request's move (its change count says whether anything was
    /// written), guarded by the stage it was read at and, with a place, by the place's
    /// ledger as read; then the place's return and its row's removal, tied to the move.
    pub fn statements(&self, place: Option<&Place>, batch: &str) -> Vec<Statement> {
        let mut params: Vec<Value> = vec![
            self.request.into(),
            batch.into(),
            self.to.as_str().into(),
            self.at.into(),
            self.from.as_str().into(),
            self.organisation.into(),
        ];
        let mut sql = "UPDATE coaching_request SET stage = ?3, updated_at = ?4, step_id = ?2 \
                       WHERE id = ?1 AND stage = ?5 AND organisation_id = ?6"
            .to_owned();
        if let Some(place) = place {
            sql.push_str(" AND ");
            sql.push_str(&Ledger::unchanged_since("?7", "?6", "?8"));
            params.push(place.ledger.programme.into());
            params.push(Value::Int(place.read.last));
        }
        let mut statements = vec![Statement { sql, params }];
        let Some(place) = place else {
            return statements;
        };
        let writer = Writer {
            who: self.who,
            request: Some(self.request),
            at: self.at,
            batch,
        };
        let returned = return_place(&place.read.entries, place.period);
        // A place whose hours were drawn on stays taken; one with no grant (a pool of no
        // minutes) has nothing to give back but is freed all the same.
        let kept = returned.is_none() && holds_place(&place.read.entries, place.period);
        if let Some(entry) = returned {
            statements.extend(place.ledger.append(place.read, &[entry], writer));
        }
        if !kept {
            let tied = TiedTo {
                request: self.request,
                batch,
            };
            statements.push(tied.statement(
                "DELETE FROM coaching_pool_place WHERE request_id = ?1",
                vec![],
            ));
        }
        statements
    }
}

#[cfg(test)]
mod tests;
