//! Every statement that writes an organisation's coaching hours, built from
//! `relais_domain::coaching::budget`: the ledger's entries appended, never changed, and a
//! place in a programme's pool taken inside the very statement that records the request.
//!
//! D1 has no interactive transactions. Entries computed from the ledger (a period opened,
//! hours recorded) are written only if the ledger is still as it was read: each statement is
//! guarded by the organisation's last entry in the programme, so two writers at once cannot
//! both draw on the same hours; the loser reads again. The pool's rule (`claim_place`) needs
//! every organisation's places, so it runs inside the `INSERT`: two requests at once cannot
//! both take the last place. The host tests run these statements on real SQLite against the
//! domain's functions.

use relais_domain::coaching::budget::{open_through, Account, Allowance, Entry, Movement, Period};
use relais_domain::coaching::report::{year_report, ReportEntry, ReportOrganisation, YearReport};
use serde::Deserialize;

use super::programme::ProgrammeRow;
use crate::http::ApiError;
use crate::registration::transitions::{Statement, Value};
use crate::rows::instant;

/// The budget period an instant falls in: its year (PIC's year is the calendar year).
pub fn period_of(at: chrono::DateTime<chrono::Utc>) -> Period {
    chrono::Datelike::year(&at)
}

/// Where a ledger is read and written: one organisation's entries in one programme.
#[derive(Clone, Copy, Debug)]
pub struct Ledger<'a> {
    pub programme: &'a str,
    pub organisation: &'a str,
}

/// A ledger row as D1 answers it.
#[derive(Debug, Deserialize)]
pub struct EntryRow {
    pub id: i64,
    pub account: String,
    pub period: i64,
    pub movement: String,
    pub from_period: Option<i64>,
    pub minutes: i64,
}

impl EntryRow {
    /// The domain's entry, if the row is one (the migration's CHECKs say it always is).
    pub fn entry(&self) -> Option<Entry> {
        let period = Period::try_from(self.period).ok()?;
        let from = match self.from_period {
            Some(p) => Some(Period::try_from(p).ok()?),
            None => None,
        };
        Some(Entry {
            account: Account::parse(&self.account)?,
            period,
            movement: Movement::parse(&self.movement, from)?,
            minutes: u32::try_from(self.minutes).ok()?,
        })
    }
}

/// What was read of a ledger: its entries, in order, and the last one's id (the version
/// its next writes are guarded by; 0 for an empty ledger).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Read {
    pub entries: Vec<Entry>,
    pub last: i64,
}

impl Read {
    pub fn from_rows<'r>(rows: impl IntoIterator<Item = &'r EntryRow>) -> Option<Read> {
        let mut read = Read::default();
        for row in rows {
            read.entries.push(row.entry()?);
            read.last = read.last.max(row.id);
        }
        Some(read)
    }
}

/// An organisation's ledger as read, and the entries that open its periods up to the one
/// drawn on, as they will be written: a period opens when it is first drawn on, and the
/// organisation's first is the period it registered in.
#[derive(Clone, Debug)]
pub struct Opened {
    pub read: Read,
    pub opening: Vec<Entry>,
}

impl Opened {
    pub fn of<'r>(
        rows: impl IntoIterator<Item = &'r EntryRow>,
        allowance: &Allowance,
        registered_at: &str,
        period: Period,
    ) -> Result<Opened, ApiError> {
        let first = period_of(instant(registered_at)?);
        Opened::from_first(rows, allowance, first, period)
    }

    /// As `of`, for an organisation whose first period is `first`.
    pub fn from_first<'r>(
        rows: impl IntoIterator<Item = &'r EntryRow>,
        allowance: &Allowance,
        first: Period,
        period: Period,
    ) -> Result<Opened, ApiError> {
        let read = Read::from_rows(rows)
            .ok_or_else(|| ApiError::Internal("a ledger row is no entry".into()))?;
        let opening = open_through(allowance, &read.entries, first.min(period), period);
        Ok(Opened { read, opening })
    }

    /// The entries balances are computed from: those read, then the opening ones.
    pub fn entries(&self) -> Vec<Entry> {
        let mut entries = self.read.entries.clone();
        entries.extend_from_slice(&self.opening);
        entries
    }
}

/// A network's organisations and every entry of their ledgers, read once for a whole
/// network's year: the coordinators' desk and their yearly report compute it the same way.
pub struct NetworkLedgers {
    /// Each organisation with the period it registered in.
    organisations: Vec<(Period, OrganisationRow)>,
    entries: Vec<NetworkEntryRow>,
}

#[derive(Deserialize)]
pub struct OrganisationRow {
    id: String,
    name: String,
    area: String,
    created_at: String,
}

/// A ledger row with whose it is, and the partner of the request it was recorded against.
#[derive(Deserialize)]
pub struct NetworkEntryRow {
    organisation_id: String,
    programme_id: String,
    partner_id: Option<String>,
    #[serde(flatten)]
    entry: EntryRow,
}

impl NetworkLedgers {
    /// The network `?1`'s organisations; `reaches` scopes the statement to the caller's.
    pub fn organisations_sql(reaches: &str) -> String {
        format!(
            "SELECT o.id, o.name, o.area, o.created_at FROM organisation o \
             WHERE o.network_id = ?1 AND {reaches} ORDER BY o.name, o.id"
        )
    }

    /// Every ledger entry of the network `?1`'s organisations, in the order written.
    pub fn entries_sql(reaches: &str) -> String {
        format!(
            "SELECT l.organisation_id, l.programme_id, r.partner_id, l.id, l.account, l.period, \
               l.movement, l.from_period, l.minutes FROM coaching_ledger l \
             JOIN organisation o ON o.id = l.organisation_id \
             LEFT JOIN coaching_request r ON r.id = l.request_id \
             WHERE o.network_id = ?1 AND {reaches} ORDER BY l.id"
        )
    }

    pub fn new(
        organisations: Vec<OrganisationRow>,
        entries: Vec<NetworkEntryRow>,
    ) -> Result<NetworkLedgers, ApiError> {
        let organisations = organisations
            .into_iter()
            .map(|o| Ok((period_of(instant(&o.created_at)?), o)))
            .collect::<Result<_, ApiError>>()?;
        Ok(NetworkLedgers {
            organisations,
            entries,
        })
    }

    /// `programme`'s year `year`: the organisations registered by its end, each ledger
    /// opened through it (grant, carry-over, expiry) as the organisation's own page opens it.
    pub fn year(&self, programme: &ProgrammeRow, year: Period) -> Result<YearReport, ApiError> {
        let allowance = programme.allowance();
        let mut named = vec![];
        let mut entries = vec![];
        for (first, o) in self
            .organisations
            .iter()
            .filter(|(first, _)| *first <= year)
        {
            let rows: Vec<&NetworkEntryRow> = self
                .entries
                .iter()
                .filter(|l| l.organisation_id == o.id && l.programme_id == programme.id)
                .collect();
            let opened =
                Opened::from_first(rows.iter().map(|l| &l.entry), &allowance, *first, year)?;
            // The entries read carry their request's partner; the opening ones have none.
            let partners = rows
                .iter()
                .map(|l| l.partner_id.clone())
                .chain(std::iter::repeat(None));
            for (entry, partner) in opened.entries().into_iter().zip(partners) {
                entries.push(ReportEntry {
                    organisation_id: o.id.clone(),
                    partner,
                    entry,
                });
            }
            named.push(ReportOrganisation {
                id: o.id.clone(),
                name: o.name.clone(),
                area: o.area.clone(),
            });
        }
        Ok(year_report(&named, &entries, year))
    }
}

impl Ledger<'_> {
    /// The organisation's entries in the programme, in the order they were written.
    pub fn read(&self) -> Statement {
        Statement {
            sql: "SELECT id, account, period, movement, from_period, minutes FROM coaching_ledger \
                  WHERE programme_id = ?1 AND organisation_id = ?2 ORDER BY id"
                .into(),
            params: vec![self.programme.into(), self.organisation.into()],
        }
    }

    /// `entries` appended only if the ledger is still as `read` found it: each statement
    /// is written only while every entry past `read.last` is of this very batch, so a
    /// writer that came between refuses all of them. The first statement's change count
    /// says whether they were written.
    pub fn append(&self, read: &Read, entries: &[Entry], by: Writer) -> Vec<Statement> {
        // A step on a request writes its entries only with the request's own change, which
        // marks the request with the batch's id (`Ledger::unchanged_since`).
        let tied = if by.request.is_some() {
            " AND EXISTS (SELECT 1 FROM coaching_request WHERE id = ?8 AND step_id = ?11)"
        } else {
            ""
        };
        entries
            .iter()
            .map(|entry| {
                let mut params = self.entry_values(entry, by);
                params.push(Value::Int(read.last));
                Statement {
                    sql: format!(
                        "INSERT INTO coaching_ledger ({COLUMNS}) SELECT {VALUES} \
                         WHERE NOT EXISTS (SELECT 1 FROM coaching_ledger \
                           WHERE programme_id = ?1 AND organisation_id = ?2 AND id > ?12 AND batch_id <> ?11){tied}"
                    ),
                    params,
                }
            })
            .collect()
    }

    /// The condition that the ledger has no entry past `last` (`?p` programme, `?o`
    /// organisation, `?l` last: the caller's placeholders).
    pub fn unchanged_since(programme: &str, organisation: &str, last: &str) -> String {
        format!(
            "NOT EXISTS (SELECT 1 FROM coaching_ledger WHERE programme_id = {programme} \
               AND organisation_id = {organisation} AND id > {last})"
        )
    }

    fn entry_values(&self, entry: &Entry, by: Writer) -> Vec<Value> {
        vec![
            self.programme.into(),
            self.organisation.into(),
            entry.account.as_str().into(),
            Value::Int(entry.period.into()),
            entry.movement.as_str().into(),
            entry
                .movement
                .from_period()
                .map_or(Value::Null, |p| Value::Int(p.into())),
            Value::Int(entry.minutes.into()),
            by.request.into(),
            by.who.into(),
            by.at.into(),
            by.batch.into(),
        ]
    }
}

/// The ledger's columns a statement here writes, and their values `?1`…`?11`.
const COLUMNS: &str = "programme_id, organisation_id, account, period, movement, from_period, \
                       minutes, request_id, recorded_by, at, batch_id";
const VALUES: &str = "?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11";

/// Who writes entries, for what request, and when.
#[derive(Clone, Copy, Debug)]
pub struct Writer<'a> {
    /// An account's id, or `relais` for what a rule writes (a period opened).
    pub who: &'a str,
    pub request: Option<&'a str>,
    pub at: &'a str,
    /// A fresh id for the entries written together.
    pub batch: &'a str,
}

/// A request for a pool place, as `claim` writes it.
pub struct PoolClaim<'a> {
    pub programme: &'a str,
    pub period: Period,
    pub organisation: &'a str,
    pub request: &'a str,
    pub at: &'a str,
}

/// The condition under which `claim` may take a place: `budget::claim_place`'s rule, over
/// the pool's rows (`?1` programme, `?2` period, `?3` organisation). The organisation holds
/// none this period, and fewer than the programme's places are taken.
pub fn place_free() -> &'static str {
    "NOT EXISTS (SELECT 1 FROM coaching_pool_place \
                 WHERE programme_id = ?1 AND period = ?2 AND organisation_id = ?3) \
     AND (SELECT count(*) FROM coaching_pool_place WHERE programme_id = ?1 AND period = ?2) \
         < (SELECT pool_places FROM coaching_programme WHERE id = ?1)"
}

impl PoolClaim<'_> {
    /// The place and its grant: the place taken under `place_free`, and the pool's minutes
    /// granted for it in the ledger only if it was. Run after the statement that records the
    /// request (itself guarded by `place_free` when it needs a place), in the same batch.
    pub fn statements(&self) -> Vec<Statement> {
        let key = || -> Vec<Value> {
            vec![
                self.programme.into(),
                Value::Int(self.period.into()),
                self.organisation.into(),
                self.request.into(),
                self.at.into(),
            ]
        };
        vec![
            Statement {
                sql: format!(
                    "INSERT INTO coaching_pool_place (programme_id, period, organisation_id, request_id, taken_at) \
                     SELECT ?1, ?2, ?3, ?4, ?5 WHERE {}",
                    place_free()
                ),
                params: key(),
            },
            Statement {
                sql: format!(
                    "INSERT INTO coaching_ledger ({COLUMNS}) \
                     SELECT pp.programme_id, pp.organisation_id, '{pool}', pp.period, '{granted}', NULL, \
                            p.pool_minutes, pp.request_id, 'relais', ?5, ?4 \
                     FROM coaching_pool_place pp JOIN coaching_programme p ON p.id = pp.programme_id \
                     WHERE pp.request_id = ?4 AND pp.programme_id = ?1 AND pp.period = ?2 \
                       AND pp.organisation_id = ?3 AND p.pool_minutes > 0",
                    pool = Account::Pool.as_str(),
                    granted = Movement::Granted.as_str(),
                ),
                params: key(),
            },
        ]
    }

    /// What the pool looks like for the claim, read after it: the places taken this period,
    /// whether the organisation holds one, and whether it is this request's.
    pub fn outcome(&self) -> Statement {
        Statement {
            sql: "SELECT \
                    (SELECT count(*) FROM coaching_pool_place WHERE programme_id = ?1 AND period = ?2) AS taken, \
                    (SELECT request_id FROM coaching_pool_place \
                     WHERE programme_id = ?1 AND period = ?2 AND organisation_id = ?3) AS held_by"
                .into(),
            params: vec![
                self.programme.into(),
                Value::Int(self.period.into()),
                self.organisation.into(),
            ],
        }
    }
}

/// The pool after a claim, as `PoolClaim::outcome` reads it.
#[derive(Debug, Deserialize)]
pub struct PoolOutcome {
    pub taken: i64,
    pub held_by: Option<String>,
}

impl PoolOutcome {
    /// Whether `request` got its place; if not, `budget::claim_place` says why, from the
    /// pool as the claim left it (before it, when it was refused).
    pub fn refusal(
        &self,
        pool: &relais_domain::coaching::budget::Pool,
        request: &str,
        period: Period,
    ) -> Option<relais_domain::coaching::budget::PoolRefusal> {
        if self.held_by.as_deref() == Some(request) {
            return None;
        }
        let taken = u32::try_from(self.taken).unwrap_or(u32::MAX);
        relais_domain::coaching::budget::claim_place(pool, taken, self.held_by.is_some(), period)
            .err()
    }
}

#[cfg(test)]
pub(super) mod tests;
