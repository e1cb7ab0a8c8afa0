//! A network's coaching programmes as stored: their budgets (read into the domain's
//! `Allowance` and `Pool`), and the offerings on request that draw on them with their partners.

use relais_domain::coaching::budget::{Allowance, Pool};
use serde::Deserialize;
use worker::D1Database;

use crate::http::ApiError;

/// A programme's row: its budgets in minutes.
#[derive(Clone, Debug, Deserialize)]
pub struct ProgrammeRow {
    pub id: String,
    /// Per language (JSON).
    pub name: String,
    pub allowance_minutes: u32,
    pub carry_over: u32,
    pub total_cap_minutes: u32,
    pub pool_places: u32,
    pub pool_minutes: u32,
    /// 1 when travel time counts as time given.
    pub travel_counts: u32,
}

impl ProgrammeRow {
    pub fn allowance(&self) -> Allowance {
        Allowance {
            per_period: self.allowance_minutes,
            carry_over: self.carry_over == 1,
            total_cap: self.total_cap_minutes,
        }
    }

    /// Its name in `lang`, or in the language it has.
    pub fn name_in(&self, lang: relais_domain::Lang) -> Result<String, ApiError> {
        Ok(crate::rows::text(&self.name, lang)?
            .map(|t| t.text)
            .unwrap_or_default())
    }

    /// Its shared pool, if it has places.
    pub fn pool(&self) -> Option<Pool> {
        (self.pool_places > 0).then_some(Pool {
            places_per_period: self.pool_places,
            per_place: self.pool_minutes,
        })
    }
}

const PROGRAMME_COLUMNS: &str = "id, name, allowance_minutes, carry_over, total_cap_minutes, \
                                 pool_places, pool_minutes, travel_counts";

pub async fn of_network(db: &D1Database, network: &str) -> Result<Vec<ProgrammeRow>, ApiError> {
    Ok(db
        .prepare(format!(
            "SELECT {PROGRAMME_COLUMNS} FROM coaching_programme WHERE network_id = ?1 ORDER BY id"
        ))
        .bind(&[network.into()])?
        .all()
        .await?
        .results()?)
}

pub async fn find(db: &D1Database, id: &str) -> Result<Option<ProgrammeRow>, ApiError> {
    Ok(db
        .prepare(format!(
            "SELECT {PROGRAMME_COLUMNS} FROM coaching_programme WHERE id = ?1"
        ))
        .bind(&[id.into()])?
        .first(None)
        .await?)
}

/// The partners who give an offering's coaching, `(id, name)`, in their order.
pub async fn partners(db: &D1Database, offering: &str) -> Result<Vec<(String, String)>, ApiError> {
    #[derive(Deserialize)]
    struct Row {
        id: String,
        name: String,
    }
    let rows: Vec<Row> = db
        .prepare(
            "SELECT p.id, p.name FROM coaching_partner cp JOIN partner p ON p.id = cp.partner_id \
             WHERE cp.offering_id = ?1 ORDER BY cp.position, p.name",
        )
        .bind(&[offering.into()])?
        .all()
        .await?
        .results()?;
    Ok(rows.into_iter().map(|r| (r.id, r.name)).collect())
}

/// The pool's places taken in `period`.
pub async fn places_taken(db: &D1Database, programme: &str, period: i32) -> Result<u32, ApiError> {
    #[derive(Deserialize)]
    struct Row {
        taken: u32,
    }
    let row: Option<Row> = db
        .prepare(
            "SELECT count(*) AS taken FROM coaching_pool_place WHERE programme_id = ?1 AND period = ?2",
        )
        .bind(&[programme.into(), period.into()])?
        .first(None)
        .await?;
    Ok(row.map_or(0, |r| r.taken))
}

/// An offering on request of a network, published.
#[derive(Clone, Debug, Deserialize)]
pub struct OfferRow {
    pub offering_id: String,
    /// Per language (JSON).
    pub title: String,
    pub programme_id: Option<String>,
    pub account: String,
    /// The checks, as `checks` reads them (JSON).
    pub checks: String,
}

pub async fn offers(db: &D1Database, network: &str) -> Result<Vec<OfferRow>, ApiError> {
    Ok(db
        .prepare(
            "SELECT c.offering_id, o.title, c.programme_id, c.account, c.checks \
             FROM coaching_offer c JOIN offering o ON o.id = c.offering_id \
             WHERE o.network_id = ?1 AND o.state = 'published' ORDER BY o.position, o.id",
        )
        .bind(&[network.into()])?
        .all()
        .await?
        .results()?)
}

/// A check a request passes before a partner is assigned, by its name (what it says, per
/// language, is beside it in the JSON).
#[derive(Clone, Debug, Deserialize)]
pub struct Check {
    pub name: String,
}

pub fn checks(json: &str) -> Result<Vec<Check>, ApiError> {
    Ok(serde_json::from_str(json)?)
}
