use chrono::NaiveTime;

use super::*;

fn at(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap()
}

#[test]
fn the_parts_of_a_day_by_default() {
    let parts = DayParts::default();
    assert_eq!(parts.of(at(3, 0)), DayPart::Night);
    assert_eq!(parts.of(at(7, 0)), DayPart::Early);
    assert_eq!(parts.of(at(9, 0)), DayPart::Working);
    assert_eq!(parts.of(at(16, 59)), DayPart::Working);
    assert_eq!(parts.of(at(17, 0)), DayPart::Evening);
    assert_eq!(parts.of(at(22, 0)), DayPart::Night);
    assert!(!DayPart::Working.is_outside_working());
    assert!(DayPart::Evening.is_outside_working() && DayPart::Night.is_outside_working());
}

#[test]
fn a_coordinator_moves_the_bounds() {
    let parts = DayParts {
        night_ends: at(6, 0),
        work_starts: at(8, 0),
        work_ends: at(18, 0),
        evening_ends: at(23, 0),
    };
    assert_eq!(parts.of(at(6, 30)), DayPart::Early);
    assert_eq!(parts.of(at(17, 30)), DayPart::Working);
    assert_eq!(parts.of(at(22, 30)), DayPart::Evening);
}

#[cfg(feature = "tz")]
mod zoned {
    use chrono::{DateTime, TimeZone, Utc};
    use proptest::prelude::*;

    use super::super::*;

    fn group(zone: &str, region: &str, people: u32) -> ZoneGroup {
        ZoneGroup {
            zone: zone.into(),
            region: region.into(),
            people,
        }
    }

    /// GGSN's members, as its page describes them.
    fn ggsn() -> Vec<ZoneGroup> {
        vec![
            group("America/Toronto", "north_america", 3),
            group("Africa/Lagos", "africa", 4),
            group("Africa/Nairobi", "africa", 2),
            group("Europe/Paris", "europe", 3),
            group("America/Sao_Paulo", "latin_america", 2),
            group("Asia/Kolkata", "south_asia", 3),
            group("Australia/Sydney", "oceania", 2),
            group("Pacific/Auckland", "oceania", 1),
        ]
    }

    fn utc(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, mo, d, h, mi, 0).unwrap()
    }

    #[test]
    fn tuesday_ten_in_toronto_is_the_night_in_oceania() {
        // Tuesday 12 January 2027, 10:00 in Toronto (15:00Z): 02:00 Wednesday in Sydney,
        // 04:00 in Auckland.
        let slot = utc(2027, 1, 12, 15, 0);
        let parts = DayParts::default();
        assert_eq!(
            worst_part(slot, 60, "Australia/Sydney", &parts),
            Ok(DayPart::Night)
        );
        assert_eq!(
            worst_part(slot, 60, "Pacific/Auckland", &parts),
            Ok(DayPart::Night)
        );
        assert_eq!(
            worst_part(slot, 60, "Africa/Lagos", &parts),
            Ok(DayPart::Working)
        );
        assert_eq!(
            worst_part(slot, 60, "Asia/Kolkata", &parts),
            Ok(DayPart::Evening)
        );
        let burden = burden(slot, 60, &ggsn(), &parts).unwrap();
        assert_eq!(
            burden["oceania"],
            RegionBurden {
                people: 3,
                at_night: 3,
                outside_working: 3,
                night_sessions: 1,
                early_or_late_sessions: 0,
            }
        );
        assert_eq!(
            burden["africa"],
            // Lagos at 16:00 works; Nairobi is at 18:00, its evening.
            RegionBurden {
                people: 6,
                at_night: 0,
                outside_working: 2,
                night_sessions: 0,
                early_or_late_sessions: 1,
            }
        );
        assert_eq!(burden["south_asia"].outside_working, 3);
    }

    #[test]
    fn a_meeting_that_ends_in_the_night_is_in_the_night() {
        // 20:30–22:30 in Paris (19:30Z in January): it runs past 22:00.
        let slot = utc(2027, 1, 12, 19, 30);
        let parts = DayParts::default();
        assert_eq!(
            worst_part(slot, 90, "Europe/Paris", &parts),
            Ok(DayPart::Evening)
        );
        assert_eq!(
            worst_part(slot, 120, "Europe/Paris", &parts),
            Ok(DayPart::Night)
        );
    }

    #[test]
    fn the_clock_change_moves_the_part_of_the_day() {
        // 07:30Z is 08:30 in Paris before 28 March 2027 (early), 09:30 after (working):
        // the same instant of the day, another part of the day.
        let parts = DayParts::default();
        let before = utc(2027, 3, 23, 7, 30);
        let after = utc(2027, 3, 30, 7, 30);
        assert_eq!(
            worst_part(before, 30, "Europe/Paris", &parts),
            Ok(DayPart::Early)
        );
        assert_eq!(
            worst_part(after, 30, "Europe/Paris", &parts),
            Ok(DayPart::Working)
        );
    }

    #[test]
    fn ranking_puts_fewest_people_at_night_first() {
        let candidates: Vec<_> = (0..24).map(|h| utc(2027, 1, 12, h, 0)).collect();
        let ranked = rank(&candidates, 60, &ggsn(), &DayParts::default()).unwrap();
        assert_eq!(ranked.len(), 24);
        for pair in ranked.windows(2) {
            assert!(
                (pair[0].at_night, pair[0].outside_working)
                    <= (pair[1].at_night, pair[1].outside_working)
            );
        }
        // No hour of the day spares everyone the night, with members from Auckland to Toronto.
        assert!(ranked[0].at_night > 0 || ranked[0].outside_working > 0);
        assert!(ranked.last().unwrap().at_night >= ranked[0].at_night);
    }

    #[test]
    fn an_unknown_zone_is_refused() {
        let slot = utc(2027, 1, 12, 15, 0);
        assert!(burden(
            slot,
            60,
            &[group("Mars/Olympus", "x", 1)],
            &DayParts::default()
        )
        .is_err());
    }

    const ZONES: [&str; 8] = [
        "America/Toronto",
        "Africa/Lagos",
        "Europe/Paris",
        "America/Sao_Paulo",
        "Asia/Kolkata",
        "Australia/Sydney",
        "Pacific/Auckland",
        "Africa/Nairobi",
    ];

    proptest! {
        /// The ranking does not depend on the order zones are listed in.
        #[test]
        fn ranking_ignores_the_order_of_zones(
            picks in prop::collection::vec((0..ZONES.len(), 1u32..20), 1..8),
            day in 0u32..365,
            seed in any::<u64>(),
        ) {
            let groups: Vec<ZoneGroup> = picks
                .iter()
                .map(|&(z, people)| group(ZONES[z], ZONES[z].split('/').next().unwrap_or(""), people))
                .collect();
            let mut shuffled = groups.clone();
            // A rotation and a reversal, chosen by the seed: another listing of the same people.
            let by = (seed as usize) % shuffled.len();
            shuffled.rotate_left(by);
            if seed % 2 == 0 {
                shuffled.reverse();
            }
            let start = utc(2027, 1, 1, 0, 0) + chrono::TimeDelta::days(i64::from(day));
            let candidates: Vec<_> = (0..48).map(|h| start + chrono::TimeDelta::minutes(30 * h)).collect();
            let parts = DayParts::default();
            prop_assert_eq!(rank(&candidates, 90, &groups, &parts).unwrap(), rank(&candidates, 90, &shuffled, &parts).unwrap());
        }

        /// For the people of one zone, the best slot of a whole day is in their working hours.
        #[test]
        fn one_zone_gets_its_daytime(z in 0..ZONES.len(), day in 0u32..365, people in 1u32..50) {
            let start = utc(2027, 1, 1, 0, 0) + chrono::TimeDelta::days(i64::from(day));
            let candidates: Vec<_> = (0..48).map(|h| start + chrono::TimeDelta::minutes(30 * h)).collect();
            let parts = DayParts::default();
            let ranked = rank(&candidates, 60, &[group(ZONES[z], "here", people)], &parts).unwrap();
            prop_assert_eq!(ranked[0].outside_working, 0);
            prop_assert_eq!(worst_part(ranked[0].starts_at, 60, ZONES[z], &parts).unwrap(), DayPart::Working);
        }
    }
}

#[cfg(feature = "tz")]
mod series {
    use std::collections::BTreeMap;

    use chrono::{NaiveDate, NaiveTime};
    use proptest::prelude::*;

    use super::super::*;

    fn group(zone: &str, region: &str, people: u32) -> ZoneGroup {
        ZoneGroup {
            zone: zone.into(),
            region: region.into(),
            people,
        }
    }

    fn ggsn() -> Vec<ZoneGroup> {
        vec![
            group("America/Toronto", "north_america", 3),
            group("Africa/Lagos", "africa", 4),
            group("Europe/Paris", "europe", 3),
            group("America/Sao_Paulo", "latin_america", 2),
            group("Asia/Kolkata", "south_asia", 3),
            group("Australia/Sydney", "oceania", 2),
            group("Pacific/Auckland", "oceania", 1),
        ]
    }

    /// Every two months for a year, from January 2027: across both hemispheres' clock changes.
    fn every_two_months() -> Vec<NaiveDate> {
        [(1, 12), (3, 9), (5, 11), (7, 13), (9, 14), (11, 9)]
            .into_iter()
            .map(|(m, d)| NaiveDate::from_ymd_opt(2027, m, d).unwrap())
            .collect()
    }

    fn hourly() -> Vec<NaiveTime> {
        (0..24)
            .map(|h| NaiveTime::from_hms_opt(h, 0, 0).unwrap())
            .collect()
    }

    fn ask(groups: Vec<ZoneGroup>) -> SeriesAsk {
        SeriesAsk {
            zone: "America/Toronto".into(),
            dates: every_two_months(),
            times: hourly(),
            minutes: 90,
            groups,
            parts: DayParts::default(),
            max_nights: None,
            pinned: BTreeMap::new(),
        }
    }

    #[test]
    fn ggsn_rotation_shares_the_nights_the_fixed_time_leaves_to_some() {
        let proposal = propose(&ask(ggsn())).unwrap();
        assert!(!proposal.fixed.score.better_than(&proposal.rotation.score));
        assert!(
            proposal.rotation.score.worst_nights_per_person
                < proposal.fixed.score.worst_nights_per_person,
            "rotation {:?} against fixed {:?}",
            proposal.rotation.score,
            proposal.fixed.score
        );
        // The fixed plan is one time for all six.
        assert!(proposal
            .fixed
            .times
            .iter()
            .all(|t| *t == proposal.fixed.times[0]));
        assert_eq!(proposal.rotation.times.len(), 6);
    }

    #[test]
    fn a_pinned_session_keeps_its_time() {
        let mut asked = ask(ggsn());
        let ten = NaiveTime::from_hms_opt(10, 0, 0).unwrap();
        asked.pinned.insert(2, ten);
        let proposal = propose(&asked).unwrap();
        assert_eq!(proposal.rotation.times[2], ten);
        assert_eq!(proposal.fixed.times[2], ten);
    }

    #[test]
    fn a_cap_on_nights_is_held_when_the_times_allow_it() {
        let mut asked = ask(ggsn());
        asked.max_nights = Some(3);
        let proposal = propose(&asked).unwrap();
        assert_eq!(
            proposal.rotation.score.over_cap, 0,
            "{:?}",
            proposal.rotation.times
        );
    }

    /// The GGSN's members as the network describes them: Toronto, Nigeria and Kenya, Europe,
    /// Colombia, Chile and Costa Rica, India, Australia and New Zealand. No single time spares
    /// Oceania; a cap of two night sessions per region can be held (Oceania's nights in two
    /// sessions, the Americas' in two, Africa's, Europe's and South Asia's in two).
    #[test]
    fn the_ggsn_members_hold_a_cap_of_two_nights_per_region() {
        let mut asked = ask(vec![
            group("America/Toronto", "north_america", 3),
            group("Africa/Lagos", "africa", 3),
            group("Africa/Nairobi", "africa", 2),
            group("Europe/Paris", "europe", 3),
            group("America/Bogota", "latin_america", 1),
            group("America/Santiago", "latin_america", 1),
            group("America/Costa_Rica", "latin_america", 1),
            group("Asia/Kolkata", "south_asia", 3),
            group("Australia/Sydney", "oceania", 2),
            group("Pacific/Auckland", "oceania", 1),
        ]);
        asked.times = half_hourly();
        asked.max_nights = Some(2);
        let proposal = propose(&asked).unwrap();
        assert_eq!(
            proposal.rotation.score.over_cap, 0,
            "{:?} {:?}",
            proposal.rotation.times, proposal.rotation.burden
        );
        assert_eq!(proposal.fixed.burden["oceania"].night_sessions, 6);
    }

    #[test]
    fn a_session_with_no_possible_time_is_refused() {
        let mut asked = ask(ggsn());
        // 02:30 does not exist in Toronto on 14 March 2027.
        asked.dates = vec![NaiveDate::from_ymd_opt(2027, 3, 14).unwrap()];
        asked.times = vec![NaiveTime::from_hms_opt(2, 30, 0).unwrap()];
        assert_eq!(propose(&asked), Err(SeriesError::NoTime(0)));
    }

    /// The browser test's registrants: one zone in each of five regions, where no hour of
    /// the day spares everyone the night.
    fn five_regions() -> Vec<ZoneGroup> {
        vec![
            group("Africa/Lagos", "africa", 2),
            group("America/Bogota", "latin_america", 1),
            group("Asia/Kolkata", "south_asia", 2),
            group("America/Toronto", "north_america", 1),
            group("Pacific/Auckland", "oceania", 1),
        ]
    }

    fn half_hourly() -> Vec<NaiveTime> {
        (0..48)
            .map(|i| NaiveTime::from_hms_opt(i / 2, (i % 2) * 30, 0).unwrap())
            .collect()
    }

    #[test]
    fn five_regions_two_nights_each_at_most_where_a_fixed_time_gives_one_five() {
        let mut asked = ask(five_regions());
        asked.times = half_hourly();
        asked.max_nights = Some(2);
        let proposal = propose(&asked).unwrap();
        for (region, b) in &proposal.rotation.burden {
            assert!(b.night_sessions <= 2, "{region}: {b:?}");
        }
        assert_eq!(proposal.rotation.score.over_cap, 0);
        // Every single time leaves some region five nights or more.
        assert!(proposal.fixed_floor >= 5);
        for time in half_hourly() {
            let mut fixed = asked.clone();
            fixed.times = vec![time];
            let plan = propose(&fixed).unwrap().fixed;
            let worst = plan
                .burden
                .values()
                .map(|b| b.night_sessions)
                .max()
                .unwrap();
            assert!(worst >= 5, "{time}: {:?}", plan.burden);
        }
    }

    #[test]
    fn a_weekly_rotation_goes_by_session_not_by_week_number_across_a_53_week_year() {
        // 2026 has an ISO week 53 (28 December to 3 January): a rotation by week parity
        // would give two sessions in a row the same hour there.
        let mut asked = ask(vec![
            group("Pacific/Auckland", "oceania", 1),
            group("Europe/Paris", "europe", 1),
        ]);
        asked.dates = (0..6)
            .map(|w| NaiveDate::from_ymd_opt(2026, 12, 15).unwrap() + chrono::Days::new(7 * w))
            .collect();
        assert!(asked
            .dates
            .iter()
            .any(|d| chrono::Datelike::iso_week(d).week() == 53));
        // Two times: one puts Auckland at night, the other Paris.
        asked.zone = "UTC".into();
        asked.times = vec![
            NaiveTime::from_hms_opt(12, 0, 0).unwrap(),
            NaiveTime::from_hms_opt(0, 0, 0).unwrap(),
        ];
        asked.minutes = 60;
        let proposal = propose(&asked).unwrap();
        let nights: Vec<u32> = proposal
            .rotation
            .burden
            .values()
            .map(|b| b.night_sessions)
            .collect();
        assert_eq!(nights, vec![3, 3], "{:?}", proposal.rotation.times);
        assert_eq!(
            proposal
                .fixed
                .burden
                .values()
                .map(|b| b.night_sessions)
                .max(),
            Some(6)
        );
    }

    #[test]
    fn a_series_across_both_hemispheres_clock_changes_reads_each_date() {
        // Toronto 19:00 is Auckland 13:00 in January (NZDT, Toronto EST) and 11:00 in
        // July (NZST, Toronto EDT): the same organiser's time, two different readings.
        let asked = SeriesAsk {
            times: vec![NaiveTime::from_hms_opt(19, 0, 0).unwrap()],
            ..ask(vec![group("Pacific/Auckland", "oceania", 1)])
        };
        let proposal = propose(&asked).unwrap();
        let auckland = |i: usize| {
            proposal.rotation.starts_at[i]
                .with_timezone(&chrono_tz::Pacific::Auckland)
                .time()
        };
        assert_eq!(auckland(0), NaiveTime::from_hms_opt(13, 0, 0).unwrap());
        assert_eq!(auckland(3), NaiveTime::from_hms_opt(11, 0, 0).unwrap());
    }

    const ZONES: [(&str, &str); 7] = [
        ("America/Toronto", "north_america"),
        ("Africa/Lagos", "africa"),
        ("Europe/Paris", "europe"),
        ("America/Sao_Paulo", "latin_america"),
        ("Asia/Kolkata", "south_asia"),
        ("Australia/Sydney", "oceania"),
        ("Pacific/Auckland", "oceania"),
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]

        /// The rotation is never worse than the best fixed time, every session starts at an
        /// asked time on its own date, and the order zones are listed in changes nothing.
        #[test]
        fn rotation_never_worse_than_fixed(
            picks in prop::collection::vec((0..ZONES.len(), 1u32..10), 1..6),
            every_hours in 1u32..4,
        ) {
            let groups: Vec<ZoneGroup> = picks.iter().map(|&(z, n)| group(ZONES[z].0, ZONES[z].1, n)).collect();
            let mut asked = ask(groups.clone());
            asked.times = (0..24).step_by(every_hours as usize).map(|h| NaiveTime::from_hms_opt(h, 0, 0).unwrap()).collect();
            let proposal = propose(&asked).unwrap();
            prop_assert!(!proposal.fixed.score.better_than(&proposal.rotation.score));
            for (i, t) in proposal.rotation.times.iter().enumerate() {
                prop_assert!(asked.times.contains(t));
                let local = proposal.rotation.starts_at[i].with_timezone(&chrono_tz::America::Toronto);
                prop_assert_eq!(local.date_naive(), asked.dates[i]);
            }
            let mut reversed = asked.clone();
            reversed.groups.reverse();
            let again = propose(&reversed).unwrap();
            prop_assert_eq!(again.rotation.times, proposal.rotation.times);
            prop_assert_eq!(again.fixed.times, proposal.fixed.times);
        }
    }
}
