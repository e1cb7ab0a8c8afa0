use super::*;
use crate::coaching::budget::{claim_place, open_through, record_use, Allowance, Pool};

const HOUR: Minutes = 60;
const PIC: Allowance = Allowance {
    per_period: 31 * HOUR,
    carry_over: true,
    total_cap: 62 * HOUR,
};
const DYNAMO: Pool = Pool {
    places_per_period: 9,
    per_place: 30 * HOUR,
};

fn organisation(id: &str, name: &str) -> ReportOrganisation {
    ReportOrganisation {
        id: id.into(),
        name: name.into(),
        area: name.into(),
    }
}

/// `entries` written for `organisation`, by `partner`'s work when they are use.
fn write(
    ledger: &mut Vec<ReportEntry>,
    organisation: &str,
    partner: Option<&str>,
    entries: Vec<Entry>,
) {
    ledger.extend(entries.into_iter().map(|entry| ReportEntry {
        organisation_id: organisation.into(),
        partner: partner.map(str::to_owned),
        entry,
    }));
}

fn own(ledger: &[ReportEntry], organisation: &str) -> Vec<Entry> {
    ledger
        .iter()
        .filter(|e| e.organisation_id == organisation)
        .map(|e| e.entry)
        .collect()
}

#[test]
fn a_year_shows_each_neighbourhoods_balances_and_each_partners_hours_given() {
    let mut ledger = vec![];
    // Hochelaga: nothing used in 2025, so 62 h in 2026, of which Niska gives 3 h.
    let opened = open_through(&PIC, &[], 2025, 2026);
    write(&mut ledger, "hochelaga", None, opened);
    let used = record_use(
        &own(&ledger, "hochelaga"),
        Account::Allowance,
        2026,
        3 * HOUR,
    );
    write(&mut ledger, "hochelaga", Some("Niska"), used);
    // Parc-Ex: a pool place in 2026, 40 h given by Dynamo: 30 h drawn, 10 h paid.
    let opened = open_through(&PIC, &[], 2026, 2026);
    write(&mut ledger, "parc-ex", None, opened);
    let place = claim_place(&DYNAMO, 0, false, 2026).expect("a place");
    write(&mut ledger, "parc-ex", None, vec![place]);
    let used = record_use(&own(&ledger, "parc-ex"), Account::Pool, 2026, 40 * HOUR);
    write(&mut ledger, "parc-ex", Some("Dynamo"), used);

    let organisations = [
        organisation("parc-ex", "Parc-Extension"),
        organisation("hochelaga", "Hochelaga"),
        organisation("ahuntsic", "Ahuntsic"),
    ];
    let report = year_report(&organisations, &ledger, 2026);
    let names: Vec<&str> = report
        .neighbourhoods
        .iter()
        .map(|n| n.organisation.name.as_str())
        .collect();
    assert_eq!(
        names,
        ["Ahuntsic", "Hochelaga", "Parc-Extension"],
        "by name, each listed"
    );
    let hochelaga = &report.neighbourhoods[1];
    assert_eq!(hochelaga.allowance.carried_in, 31 * HOUR);
    assert_eq!(hochelaga.allowance.used, 3 * HOUR);
    assert_eq!(hochelaga.allowance.left, 59 * HOUR);
    assert_eq!(
        hochelaga.allowance.expiring,
        28 * HOUR,
        "carried hours, used first, lapse at the year's end"
    );
    assert_eq!(hochelaga.pool, None);
    let parc = &report.neighbourhoods[2];
    let pool = parc.pool.expect("its place");
    assert_eq!(
        (pool.used, pool.paid_by_organisation, pool.left),
        (30 * HOUR, 10 * HOUR, 0)
    );
    assert_eq!(report.pool_places_taken, 1);
    assert_eq!(
        report.partners,
        vec![
            PartnerLine {
                partner: "Dynamo".into(),
                organisations: 1,
                given: 40 * HOUR,
                paid_by_organisation: 10 * HOUR,
                booked: 0,
            },
            PartnerLine {
                partner: "Niska".into(),
                organisations: 1,
                given: 3 * HOUR,
                paid_by_organisation: 0,
                booked: 0,
            },
        ]
    );
    // Another year's report counts that year's work only.
    assert!(year_report(&organisations, &ledger, 2025)
        .partners
        .is_empty());
}

#[test]
fn durations_are_written_as_each_language_does() {
    let fr = Lang::parse("fr").expect("fr");
    let en = Lang::parse("en").expect("en");
    assert_eq!(hours_label(31 * HOUR, fr), "31\u{a0}h");
    assert_eq!(hours_label(90, fr), "1\u{a0}h\u{a0}30");
    assert_eq!(hours_label(65, fr), "1\u{a0}h\u{a0}05");
    assert_eq!(hours_label(90, en), "1\u{a0}h\u{a0}30\u{a0}min");
    assert_eq!(hours_label(0, en), "0\u{a0}h");
}

#[test]
fn hours_are_numbers_a_spreadsheet_reads_in_each_language() {
    let (fr, en) = (Lang::parse("fr").unwrap(), Lang::parse("en").unwrap());
    assert_eq!(hours_number(31 * 60, fr), "31");
    assert_eq!(hours_number(90, fr), "1,5");
    assert_eq!(hours_number(90, en), "1.5");
    assert_eq!(hours_number(20, en), "0.33");
    assert_eq!(hours_number(45, fr), "0,75");
    assert_eq!(hours_number(0, en), "0");
}
