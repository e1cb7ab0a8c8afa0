//! A programme's year, from its ledger: each organisation's balances (the neighbourhood's
//! view of the year) and the hours each partner gave (the partner's view), the way the
//! coordinators' yearly report shows them on screen and in its CSV. Computed from the
//! entries alone, with `Balance::of`, so the report and the organisation's own page never
//! disagree.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::coaching::budget::{holds_place, Account, Balance, Entry, Minutes, Movement, Period};
use crate::coaching::organisation::PartnerChoice;
use crate::Lang;

/// One ledger entry with whose it is: the organisation, and the partner of the request it
/// was written for (none for a grant, a carry-over or an expiry).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReportEntry {
    pub organisation_id: String,
    pub partner: Option<String>,
    pub entry: Entry,
}

/// An organisation as the report names it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportOrganisation {
    pub id: String,
    pub name: String,
    pub area: String,
}

/// One organisation's year.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NeighbourhoodLine {
    pub organisation: ReportOrganisation,
    pub allowance: Balance,
    /// Its pool place's hours, if it held one this year.
    pub pool: Option<Balance>,
}

/// One partner's year: the hours given (drawn on a budget or paid by the organisation), to
/// how many organisations, and what is booked and not yet given.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartnerLine {
    pub partner: String,
    pub organisations: u32,
    pub given: Minutes,
    pub paid_by_organisation: Minutes,
    pub booked: Minutes,
}

/// A programme's year.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct YearReport {
    pub period: Period,
    pub neighbourhoods: Vec<NeighbourhoodLine>,
    pub partners: Vec<PartnerLine>,
    /// The pool's places taken this year.
    pub pool_places_taken: u32,
}

/// One programme's year in the yearly report, with the names of its partners.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgrammeYear {
    pub id: String,
    /// In the reader's language.
    pub name: String,
    /// The pool's places a period (0: no pool).
    pub pool_places: u32,
    pub partners: Vec<PartnerChoice>,
    pub report: YearReport,
}

/// `GET /api/dashboard/networks/{id}/coaching/report?year=`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CoachingReport {
    pub network_id: String,
    /// Read by a partner: its organisations' balances and its own hours only.
    #[serde(default)]
    pub as_partner: bool,
    pub period: Period,
    pub programmes: Vec<ProgrammeYear>,
}

/// The year `period` of a programme whose organisations are `organisations` (each listed,
/// even with no entry), from its ledger `entries` (every period's: carry-overs need the one
/// before). Neighbourhoods by name; partners by hours given, most first, then by name.
pub fn year_report(
    organisations: &[ReportOrganisation],
    entries: &[ReportEntry],
    period: Period,
) -> YearReport {
    let mut by_organisation: BTreeMap<&str, Vec<Entry>> = BTreeMap::new();
    for e in entries {
        by_organisation
            .entry(e.organisation_id.as_str())
            .or_default()
            .push(e.entry);
    }
    let mut neighbourhoods: Vec<NeighbourhoodLine> = organisations
        .iter()
        .map(|o| {
            let ledger = by_organisation
                .get(o.id.as_str())
                .map_or(&[][..], Vec::as_slice);
            let held = holds_place(ledger, period);
            NeighbourhoodLine {
                organisation: o.clone(),
                allowance: Balance::of(ledger, Account::Allowance, period),
                pool: held.then(|| Balance::of(ledger, Account::Pool, period)),
            }
        })
        .collect();
    neighbourhoods.sort_by(|a, b| {
        a.organisation
            .name
            .to_lowercase()
            .cmp(&b.organisation.name.to_lowercase())
    });
    let pool_places_taken = neighbourhoods.iter().filter(|n| n.pool.is_some()).count() as u32;

    let mut by_partner: BTreeMap<&str, (PartnerLine, Vec<&str>)> = BTreeMap::new();
    for e in entries.iter().filter(|e| e.entry.period == period) {
        let Some(partner) = e.partner.as_deref() else {
            continue;
        };
        let (line, served) = by_partner.entry(partner).or_insert_with(|| {
            (
                PartnerLine {
                    partner: partner.to_owned(),
                    organisations: 0,
                    given: 0,
                    paid_by_organisation: 0,
                    booked: 0,
                },
                vec![],
            )
        });
        let m = e.entry.minutes;
        match e.entry.movement {
            Movement::Used => line.given += m,
            Movement::PaidByOrganisation => {
                line.given += m;
                line.paid_by_organisation += m;
            }
            Movement::Booked => line.booked += m,
            Movement::Released => line.booked = line.booked.saturating_sub(m),
            _ => continue,
        }
        if !served.contains(&e.organisation_id.as_str()) {
            served.push(e.organisation_id.as_str());
        }
    }
    let mut partners: Vec<PartnerLine> = by_partner
        .into_values()
        .map(|(mut line, served)| {
            line.organisations = served.len() as u32;
            line
        })
        .collect();
    partners.sort_by(|a, b| b.given.cmp(&a.given).then(a.partner.cmp(&b.partner)));
    YearReport {
        period,
        neighbourhoods,
        partners,
        pool_places_taken,
    }
}

/// A duration in each language's words: « 31 h », « 1 h 30 » in French; "31 h", "1 h 30 min"
/// in English; « 0 h » for nothing.
pub fn hours_label(minutes: Minutes, lang: Lang) -> String {
    let (h, m) = (minutes / 60, minutes % 60);
    match (m, lang.code()) {
        (0, _) => format!("{h}\u{a0}h"),
        (m, "fr") => format!("{h}\u{a0}h\u{a0}{m:02}"),
        (m, _) => format!("{h}\u{a0}h\u{a0}{m}\u{a0}min"),
    }
}

/// A duration as a spreadsheet reads a number of hours in `lang`: « 1,5 » in French,
/// "1.5" in English, at most two decimals, none when whole.
pub fn hours_number(minutes: Minutes, lang: Lang) -> String {
    let hundredths = (u64::from(minutes) * 100 + 30) / 60;
    let (whole, part) = (hundredths / 100, hundredths % 100);
    let mark = if lang.code() == "fr" { ',' } else { '.' };
    match part {
        0 => format!("{whole}"),
        p if p % 10 == 0 => format!("{whole}{mark}{}", p / 10),
        p => format!("{whole}{mark}{p:02}"),
    }
}

#[cfg(test)]
mod tests;
