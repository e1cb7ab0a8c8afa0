//! An organisation's coaching hours as an append-only ledger. A programme states its rules
//! as data: an `Allowance` (so much per period, what carries over and up to what total) and
//! a shared `Pool` (so many places per period, so much per place). Everything that happens
//! to the hours is an `Entry`; nothing is ever changed or removed, and `Balance::of` computes
//! what stands from the entries alone. The functions that write entries (`open_period`,
//! `record_use`, `claim_place`, `return_place`) never let a balance go below zero: minutes
//! beyond what is left are written as paid by the organisation, in the open.
//!
//! Minutes, not hours: a session of 1 h 30 min is 90, and sums stay exact.

use serde::{Deserialize, Serialize};

/// A count of minutes.
pub type Minutes = u32;

/// A budget's period: a year (`2026`).
pub type Period = i32;

/// What a programme grants every organisation each period, and what becomes of what it
/// does not use.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Allowance {
    /// Granted when a period opens.
    pub per_period: Minutes,
    /// Whether unused minutes carry into the next period, to be used during it and lapse
    /// at its end (they never carry twice).
    pub carry_over: bool,
    /// The most a period may hold, its own grant and what was carried into it together.
    pub total_cap: Minutes,
}

/// Extra hours shared by a programme's organisations: so many places each period, each
/// worth so many minutes, first come, first served.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pool {
    pub places_per_period: u32,
    pub per_place: Minutes,
}

/// Which of an organisation's budgets an entry belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Account {
    /// The yearly allowance.
    Allowance,
    /// A place in the shared pool.
    Pool,
}

impl Account {
    pub const ALL: [Account; 2] = [Account::Allowance, Account::Pool];

    /// Its name in the ledger's rows.
    pub fn as_str(self) -> &'static str {
        match self {
            Account::Allowance => "allowance",
            Account::Pool => "pool",
        }
    }

    pub fn parse(name: &str) -> Option<Account> {
        Account::ALL.into_iter().find(|a| a.as_str() == name)
    }
}

/// What happened to some minutes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "movement")]
pub enum Movement {
    /// The period's allowance, or a pool place's minutes.
    Granted,
    /// Unused minutes brought in from the period they were granted in (`from`).
    CarriedIn { from: Period },
    /// Minutes that lapsed at the end of the period.
    Expired,
    /// Coaching booked with the organisation, not yet given.
    Booked,
    /// A booking given (then `Used`) or cancelled: its minutes no longer held.
    Released,
    /// Coaching given, drawn from what was left.
    Used,
    /// Coaching given beyond what was left: the organisation pays for it.
    PaidByOrganisation,
    /// A pool place given back unused (its request declined or withdrawn before anything
    /// was booked): its minutes no longer held, and the place free for another.
    Returned,
}

impl Movement {
    /// Its name in the ledger's rows (a carry-over's period is a column of its own).
    pub fn as_str(self) -> &'static str {
        match self {
            Movement::Granted => "granted",
            Movement::CarriedIn { .. } => "carried_in",
            Movement::Expired => "expired",
            Movement::Booked => "booked",
            Movement::Released => "released",
            Movement::Used => "used",
            Movement::PaidByOrganisation => "paid_by_organisation",
            Movement::Returned => "returned",
        }
    }

    /// The movement a row names, with the period a carry-over came from.
    pub fn parse(name: &str, from: Option<Period>) -> Option<Movement> {
        Some(match (name, from) {
            ("granted", None) => Movement::Granted,
            ("carried_in", Some(from)) => Movement::CarriedIn { from },
            ("expired", None) => Movement::Expired,
            ("booked", None) => Movement::Booked,
            ("released", None) => Movement::Released,
            ("used", None) => Movement::Used,
            ("paid_by_organisation", None) => Movement::PaidByOrganisation,
            ("returned", None) => Movement::Returned,
            _ => return None,
        })
    }

    /// The period a carry-over came from.
    pub fn from_period(self) -> Option<Period> {
        match self {
            Movement::CarriedIn { from } => Some(from),
            _ => None,
        }
    }
}

/// One line of the ledger.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub account: Account,
    pub period: Period,
    #[serde(flatten)]
    pub movement: Movement,
    pub minutes: Minutes,
}

/// Where one budget stands in one period, from the ledger alone.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Balance {
    pub granted: Minutes,
    pub carried_in: Minutes,
    pub used: Minutes,
    pub paid_by_organisation: Minutes,
    pub expired: Minutes,
    /// Unused minutes taken on into a later period.
    pub carried_out: Minutes,
    /// Booked and not yet given or cancelled.
    pub booked: Minutes,
    /// A pool place's minutes given back with the place.
    #[serde(default)]
    pub returned: Minutes,
    /// What may still be drawn on: granted and carried in, less what was used, lapsed or
    /// carried out.
    pub left: Minutes,
    /// Of `left`, what was carried in and lapses at the period's end if not used first.
    pub expiring: Minutes,
}

impl Balance {
    /// `account`'s balance in `period`. Use draws on carried-in minutes first (they lapse
    /// sooner), so what expires is what was carried in and not used.
    pub fn of(ledger: &[Entry], account: Account, period: Period) -> Balance {
        let mut b = Balance::default();
        let mut released: Minutes = 0;
        for e in ledger.iter().filter(|e| e.account == account) {
            if e.period == period {
                let m = e.minutes;
                match e.movement {
                    Movement::Granted => b.granted += m,
                    Movement::CarriedIn { .. } => b.carried_in += m,
                    Movement::Expired => b.expired += m,
                    Movement::Booked => b.booked += m,
                    Movement::Released => released += m,
                    Movement::Used => b.used += m,
                    Movement::PaidByOrganisation => b.paid_by_organisation += m,
                    Movement::Returned => b.returned += m,
                }
            }
            if let Movement::CarriedIn { from } = e.movement {
                if from == period && e.period != period {
                    b.carried_out += e.minutes;
                }
            }
        }
        b.booked = b.booked.saturating_sub(released);
        let held = b.granted + b.carried_in;
        b.left = held.saturating_sub(b.used + b.expired + b.carried_out + b.returned);
        b.expiring = b.carried_in.saturating_sub(b.used + b.expired).min(b.left);
        b
    }

    /// Booked beyond what is left: the organisation will pay for it when it is given.
    pub fn booked_beyond(&self) -> Minutes {
        self.booked.saturating_sub(self.left)
    }
}

/// Why a period could not be opened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OpenRefusal {
    /// The period was opened already: it is opened once.
    AlreadyOpen,
}

/// The entries that open `period` for an organisation: the end of the period before
/// settled (its unused minutes carried in where the rules allow and up to the cap, the rest
/// lapsed, in that period), then the period's own grant.
///
/// Minutes carried into the period before lapse at its end; that period's own unused
/// minutes carry, where the rules allow, as far as the new period's room under `total_cap`
/// goes, and the rest lapse.
pub fn open_period(
    allowance: &Allowance,
    ledger: &[Entry],
    period: Period,
) -> Result<Vec<Entry>, OpenRefusal> {
    let opened = ledger.iter().any(|e| {
        e.account == Account::Allowance && e.period == period && e.movement == Movement::Granted
    });
    if opened {
        return Err(OpenRefusal::AlreadyOpen);
    }
    let before = period - 1;
    let mut entries = vec![];
    let entry = |period, movement, minutes| Entry {
        account: Account::Allowance,
        period,
        movement,
        minutes,
    };
    let (carried_left, own_left) = left_of(ledger, before);
    let room = allowance.total_cap.saturating_sub(allowance.per_period);
    let carried = if allowance.carry_over {
        own_left.min(room)
    } else {
        0
    };
    let lapsed = carried_left + own_left - carried;
    if lapsed > 0 {
        entries.push(entry(before, Movement::Expired, lapsed));
    }
    if carried > 0 {
        entries.push(entry(period, Movement::CarriedIn { from: before }, carried));
    }
    entries.push(entry(period, Movement::Granted, allowance.per_period));
    Ok(entries)
}

/// The entries that open every period from `first` through `period` not opened yet, in
/// order: an organisation that asked nothing for a year still has that year settled (what
/// it carried lapses) before the next opens.
pub fn open_through(
    allowance: &Allowance,
    ledger: &[Entry],
    first: Period,
    period: Period,
) -> Vec<Entry> {
    let mut all = ledger.to_vec();
    let mut opened = vec![];
    for p in first..=period {
        if let Ok(entries) = open_period(allowance, &all, p) {
            all.extend_from_slice(&entries);
            opened.extend(entries);
        }
    }
    opened
}

/// What is left of the allowance in `period`: of what was carried into it, and of its own
/// grant. Use draws on what was carried first, as `Balance::of` counts it.
fn left_of(ledger: &[Entry], period: Period) -> (Minutes, Minutes) {
    let b = Balance::of(ledger, Account::Allowance, period);
    (b.expiring, b.left - b.expiring)
}

/// The entries that record `minutes` of coaching given from `account` in `period`: drawn
/// from what is left, the rest paid by the organisation. Never refused, never silent.
pub fn record_use(
    ledger: &[Entry],
    account: Account,
    period: Period,
    minutes: Minutes,
) -> Vec<Entry> {
    let left = Balance::of(ledger, account, period).left;
    let used = minutes.min(left);
    let entry = |movement, minutes| Entry {
        account,
        period,
        movement,
        minutes,
    };
    [
        (Movement::Used, used),
        (Movement::PaidByOrganisation, minutes - used),
    ]
    .into_iter()
    .filter(|(_, m)| *m > 0)
    .map(|(movement, m)| entry(movement, m))
    .collect()
}

/// Why a pool place was not granted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PoolRefusal {
    /// Every place of the period is taken.
    Full,
    /// The organisation holds one already this period.
    AlreadyHolds,
}

/// Whether the organisation holds a place of the pool in `period`: a place's grant is in
/// its ledger and was not given back since.
pub fn holds_place(ledger: &[Entry], period: Period) -> bool {
    let count = |movement| {
        ledger
            .iter()
            .filter(|e| e.account == Account::Pool && e.period == period && e.movement == movement)
            .count()
    };
    count(Movement::Granted) > count(Movement::Returned)
}

/// The entry that gives the organisation's pool place of `period` back when the request
/// that took it ends before anything was booked on it (declined, withdrawn): what is left
/// of its grant, returned, so that the place is free for another organisation. None when it
/// holds no place, or hours were booked or drawn on it: then the place stays taken.
pub fn return_place(ledger: &[Entry], period: Period) -> Option<Entry> {
    let pool = Balance::of(ledger, Account::Pool, period);
    let untouched = pool.booked == 0 && pool.used == 0 && pool.paid_by_organisation == 0;
    (holds_place(ledger, period) && untouched && pool.left > 0).then_some(Entry {
        account: Account::Pool,
        period,
        movement: Movement::Returned,
        minutes: pool.left,
    })
}

/// A pool place for an organisation in `period`, given how many places the period's
/// grants already took: its grant entry, or why not. The edge runs the same rule inside
/// the statement that writes, so that two requests at once cannot both take the last place.
pub fn claim_place(
    pool: &Pool,
    places_taken: u32,
    holds_one: bool,
    period: Period,
) -> Result<Entry, PoolRefusal> {
    if holds_one {
        Err(PoolRefusal::AlreadyHolds)
    } else if places_taken >= pool.places_per_period {
        Err(PoolRefusal::Full)
    } else {
        Ok(Entry {
            account: Account::Pool,
            period,
            movement: Movement::Granted,
            minutes: pool.per_place,
        })
    }
}

#[cfg(test)]
mod tests;
