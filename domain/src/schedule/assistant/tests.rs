use super::*;

fn rules() -> Vec<RegionRule> {
    [
        ("Africa/", "africa"),
        ("America/", "latin_america"),
        ("America/Toronto", "north_america"),
        ("America/Indiana/", "north_america"),
        ("Asia/", "asia"),
        ("Asia/Kolkata", "south_asia"),
        ("Pacific/", "oceania"),
    ]
    .into_iter()
    .map(|(pattern, region)| RegionRule {
        pattern: pattern.into(),
        region: region.into(),
    })
    .collect()
}

#[test]
fn a_zone_takes_its_own_row_then_its_longest_prefix() {
    let rules = rules();
    assert_eq!(region_of("America/Toronto", &rules), Some("north_america"));
    assert_eq!(region_of("America/Bogota", &rules), Some("latin_america"));
    assert_eq!(
        region_of("America/Indiana/Knox", &rules),
        Some("north_america")
    );
    assert_eq!(region_of("Asia/Kolkata", &rules), Some("south_asia"));
    assert_eq!(region_of("Asia/Tokyo", &rules), Some("asia"));
    assert_eq!(region_of("Europe/Paris", &rules), None);
    // A prefix is a whole segment: "Africa/" does not take "AfricaX".
    assert_eq!(region_of("Africa", &rules), None);
}

#[cfg(feature = "tz")]
mod zoned {
    use chrono::{NaiveDate, NaiveTime};

    use super::*;
    use crate::schedule::recurrence::{DayOfWeek, End, Frequency, Nth};

    fn person(zone: &str, people: u32) -> (String, u32, Option<String>) {
        (zone.into(), people, None)
    }

    #[test]
    fn groups_merge_a_zone_named_twice_and_take_regions_from_the_table() {
        let groups = groups(
            &[
                person("Africa/Lagos", 2),
                person("Asia/Calcutta", 1),
                person("Africa/Lagos", 1),
                ("Europe/Paris".into(), 3, Some("europe".into())),
                person("Etc/UTC", 1),
            ],
            &rules(),
        )
        .unwrap();
        let seen: Vec<(&str, &str, u32)> = groups
            .iter()
            .map(|g| (g.zone.as_str(), g.region.as_str(), g.people))
            .collect();
        assert_eq!(
            seen,
            vec![
                ("Africa/Lagos", "africa", 3),
                ("Asia/Kolkata", "south_asia", 1),
                ("Etc/UTC", "Etc/UTC", 1),
                ("Europe/Paris", "europe", 3),
            ]
        );
    }

    #[test]
    fn groups_refuse_unknown_zones_zero_people_and_nobody() {
        assert_eq!(
            groups(
                &[person("Mars/Base", 1), person("Africa/Lagos", 0)],
                &rules()
            ),
            Err(vec![
                ("who.typed.0.zone".to_owned(), "unknown-zone"),
                ("who.typed.1.people".to_owned(), "out-of-range"),
            ])
        );
        assert_eq!(
            groups(&[], &rules()),
            Err(vec![("who".to_owned(), "no-people")])
        );
    }

    fn five_regions() -> Vec<ZoneGroup> {
        groups(
            &[
                person("Africa/Lagos", 2),
                person("America/Bogota", 1),
                person("Asia/Kolkata", 2),
                person("America/Toronto", 1),
                person("Pacific/Auckland", 1),
            ],
            &rules(),
        )
        .unwrap()
    }

    fn bimonthly() -> Recurrence {
        Recurrence {
            frequency: Frequency::Monthly {
                weekday: DayOfWeek::Tuesday,
                nth: Nth::Second,
            },
            interval: 2,
            start: NaiveDate::from_ymd_opt(2027, 1, 1).unwrap(),
            start_time: NaiveTime::from_hms_opt(10, 0, 0).unwrap(),
            duration_minutes: 90,
            zone: "America/Toronto".into(),
            end: End::Count(6),
            exceptions: vec![],
        }
    }

    fn series_question() -> SeriesQuestion {
        serde_json::from_value(serde_json::json!({
            "rule": bimonthly(),
            "max_nights": 2,
        }))
        .unwrap()
    }

    #[test]
    fn a_series_in_five_regions_keeps_every_region_to_two_nights() {
        let answer = plan_series(&series_question(), five_regions()).unwrap();
        assert_eq!(answer.rotation.sessions.len(), 6);
        for b in answer.rotation.burden.values() {
            assert!(b.night_sessions <= 2, "{:?}", answer.rotation.burden);
        }
        let fixed_worst = answer.fixed.burden.values().map(|b| b.night_sessions).max();
        assert!(fixed_worst >= Some(5), "{:?}", answer.fixed.burden);
        assert!(answer.fixed_floor >= 5 && Some(answer.fixed_floor) <= fixed_worst);
        // Each session is read on each zone's clock, the organiser's date kept.
        let first = &answer.rotation.sessions[0];
        assert_eq!(first.readings.len(), 5);
        assert_eq!(
            first.organiser.date(),
            NaiveDate::from_ymd_opt(2027, 1, 12).unwrap()
        );
        let night_readings = answer
            .rotation
            .sessions
            .iter()
            .flat_map(|s| &s.readings)
            .filter(|r| r.part == DayPart::Night)
            .count();
        let night_people_sessions: u32 = answer
            .rotation
            .burden
            .values()
            .map(|b| b.night_sessions)
            .sum();
        assert_eq!(night_readings as u32, night_people_sessions);
    }

    #[test]
    fn a_series_refuses_a_bad_rule_by_field() {
        let mut question = series_question();
        question.rule.interval = 0;
        question.latest = NaiveTime::from_hms_opt(1, 0, 0).unwrap();
        question.earliest = NaiveTime::from_hms_opt(2, 0, 0).unwrap();
        let refused = plan_series(&question, five_regions()).unwrap_err();
        assert!(refused.contains(&("rule.interval".to_owned(), "interval-out-of-range")));
        assert!(refused.contains(&("latest".to_owned(), "ends-before-starts")));
    }

    #[test]
    fn one_meeting_ranks_slots_and_reads_each_zone_each_hour() {
        let question: MeetingQuestion = serde_json::from_value(serde_json::json!({
            "zone": "America/Toronto",
            "from": "2027-03-08",
            "to": "2027-03-16",
            "minutes": 60,
        }))
        .unwrap();
        let answer = plan_meeting(&question, five_regions()).unwrap();
        assert_eq!(answer.slots.len(), BEST_SLOTS);
        assert!(answer.slots.windows(2).all(|w| (
            w[0].ranked.at_night,
            w[0].ranked.outside_working
        ) <= (
            w[1].ranked.at_night,
            w[1].ranked.outside_working
        )));
        let toronto = answer
            .day
            .iter()
            .find(|r| r.zone == "America/Toronto")
            .unwrap();
        assert_eq!(toronto.hours.len(), 24);
        let ten = toronto.hours[10].as_ref().unwrap();
        assert_eq!(ten.local.time(), NaiveTime::from_hms_opt(10, 0, 0).unwrap());
        assert_eq!(ten.part, DayPart::Working);
    }

    #[test]
    fn the_clock_change_day_has_a_missing_hour() {
        let question: MeetingQuestion = serde_json::from_value(serde_json::json!({
            "zone": "America/Toronto",
            "from": "2027-03-14",
            "to": "2027-03-14",
            "minutes": 60,
        }))
        .unwrap();
        let answer = plan_meeting(&question, five_regions()).unwrap();
        assert!(answer.day[0].hours[2].is_none());
        assert!(answer.day[0].hours[3].is_some());
    }

    #[test]
    fn planned_sessions_resolve_on_the_organisers_clock() {
        let planned = PlannedSessions {
            zone: "America/Toronto".into(),
            minutes: 90,
            starts: vec![
                NaiveDate::from_ymd_opt(2027, 1, 12)
                    .unwrap()
                    .and_hms_opt(7, 0, 0)
                    .unwrap(),
                NaiveDate::from_ymd_opt(2027, 3, 14)
                    .unwrap()
                    .and_hms_opt(2, 30, 0)
                    .unwrap(),
            ],
            ..PlannedSessions::default()
        };
        assert_eq!(
            planned_instants(&planned),
            Err(vec![("starts.1".to_owned(), "no-time")])
        );
        let planned = PlannedSessions {
            starts: planned.starts[..1].to_vec(),
            ..planned
        };
        let instants = planned_instants(&planned).unwrap();
        assert_eq!(instants[0].0.to_rfc3339(), "2027-01-12T12:00:00+00:00");
        assert_eq!(instants[0].1.to_rfc3339(), "2027-01-12T13:30:00+00:00");
    }
}

/// Every code the assistant refuses with has its message in every language.
#[test]
#[cfg(all(feature = "tz", feature = "server-messages"))]
fn every_refusal_has_its_message_in_every_language() {
    use crate::Lang;
    let codes = [
        "no-people",
        "no-time",
        "unknown-zone",
        "out-of-range",
        "too-many",
        "to-before-from",
        "duration-out-of-range",
        "ends-before-starts",
        "required",
    ];
    for lang in Lang::all() {
        let ids = crate::i18n::message_ids(lang).unwrap();
        for code in codes {
            assert!(ids.contains(&format!("field-{code}")), "{lang}: {code}");
        }
    }
}
