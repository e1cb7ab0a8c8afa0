//! Time-zone conversions against an independent oracle (Python's zoneinfo, vectors in
//! `data/zone_offsets.txt`), round trips over random instants in every zone, and the named
//! daylight-saving cases of the zones volunteers live in.
#![cfg(feature = "tz")]

use std::sync::OnceLock;

use chrono::{DateTime, NaiveDateTime, TimeDelta, Utc};
use proptest::prelude::*;
use relais_domain::schedule::{offset_minutes, resolve_local, ScheduleError};

const VECTORS: &str = include_str!("data/zone_offsets.txt");

type Vectors = Vec<(&'static str, Vec<(i64, i32)>)>;

fn vectors() -> &'static Vectors {
    static PARSED: OnceLock<Vectors> = OnceLock::new();
    PARSED.get_or_init(parse)
}

fn parse() -> Vectors {
    VECTORS
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|line| {
            let mut parts = line.split(' ');
            let zone = parts.next().expect("zone name");
            let pairs = parts
                .map(|p| {
                    let (t, o) = p.split_once(':').expect("instant:offset");
                    (t.parse().expect("unix seconds"), o.parse().expect("offset"))
                })
                .collect();
            (zone, pairs)
        })
        .collect()
}

fn instant(unix: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(unix, 0).expect("in range")
}

#[test]
fn offsets_agree_with_zoneinfo_for_every_zone() {
    let all = vectors();
    assert!(all.len() > 590, "every IANA zone: {}", all.len());
    let mut wrong = vec![];
    for (zone, pairs) in all {
        for &(unix, seconds) in pairs {
            match offset_minutes(instant(unix), zone) {
                Ok(minutes) if minutes * 60 == seconds => {}
                other => wrong.push(format!("{zone} at {unix}: {other:?}, zoneinfo {seconds} s")),
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "{} disagreements:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

#[test]
fn wall_clocks_resolve_back_to_the_oracle_instants() {
    for (zone, pairs) in vectors() {
        for &(unix, seconds) in pairs {
            let t = instant(unix);
            let local = (t + TimeDelta::seconds(seconds.into())).naive_utc();
            let back = resolve_local(local, zone).expect("a wall clock that was shown exists");
            // In a fall-back overlap the earlier of the two instants is chosen.
            assert!(back <= t, "{zone}: {local} gave {back}, after {t}");
            let shown = back + TimeDelta::minutes(offset_minutes(back, zone).unwrap().into());
            assert_eq!(shown.naive_utc(), local, "{zone}: {back} shows {local}");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]
    // From 1980 (before it, a few zones still had offsets with seconds, which minutes cannot
    // hold) to 2100.
    #[test]
    fn any_instant_in_any_zone_round_trips(zone_index in 0usize..10_000, unix in 315_532_800i64..4_102_444_800) {
        let all = vectors();
        let zone = all[zone_index % all.len()].0;
        let t = instant(unix);
        let local = (t + TimeDelta::minutes(offset_minutes(t, zone).unwrap().into())).naive_utc();
        let back = resolve_local(local, zone).unwrap();
        prop_assert!(back <= t);
        let shown = back + TimeDelta::minutes(offset_minutes(back, zone).unwrap().into());
        prop_assert_eq!(shown.naive_utc(), local);
    }
}

fn at(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
}

fn utc(s: &str) -> DateTime<Utc> {
    at(s).and_utc()
}

#[test]
fn half_and_quarter_hour_zones() {
    assert_eq!(
        offset_minutes(utc("2026-12-08 12:00"), "Asia/Kolkata"),
        Ok(330)
    );
    assert_eq!(
        offset_minutes(utc("2026-12-08 12:00"), "Asia/Kathmandu"),
        Ok(345)
    );
    assert_eq!(
        offset_minutes(utc("2026-12-08 12:00"), "Australia/Adelaide"),
        Ok(630)
    );
    assert_eq!(
        offset_minutes(utc("2026-07-08 12:00"), "Australia/Adelaide"),
        Ok(570)
    );
    assert_eq!(
        offset_minutes(utc("2026-12-08 12:00"), "Pacific/Chatham"),
        Ok(825)
    );
    assert_eq!(
        offset_minutes(utc("2026-07-08 12:00"), "Pacific/Chatham"),
        Ok(765)
    );
}

#[test]
fn zones_without_daylight_saving_never_move() {
    for zone in [
        "Africa/Lagos",
        "Asia/Kathmandu",
        "Asia/Kolkata",
        "America/Bogota",
    ] {
        let winter = offset_minutes(utc("2026-01-15 12:00"), zone).unwrap();
        let summer = offset_minutes(utc("2026-07-15 12:00"), zone).unwrap();
        assert_eq!(winter, summer, "{zone}");
    }
}

#[test]
fn spring_forward_gaps_are_refused_not_shifted() {
    // Clocks jump from 02:00 to 03:00 (Paris, Toronto), 24:00 to 01:00 (Santiago, the
    // first Sunday of September 2026), 02:45 to 03:45 (Chatham, last Sunday of September).
    for (local, zone) in [
        ("2026-03-29 02:30", "Europe/Paris"),
        ("2026-03-08 02:30", "America/Toronto"),
        ("2026-09-06 00:30", "America/Santiago"),
        ("2026-10-04 02:30", "Australia/Sydney"),
        ("2026-09-27 03:00", "Pacific/Chatham"),
    ] {
        assert!(
            matches!(
                resolve_local(at(local), zone),
                Err(ScheduleError::NonexistentLocalTime { .. })
            ),
            "{local} in {zone}"
        );
    }
}

#[test]
fn fall_back_overlaps_take_the_first_of_the_two_instants() {
    // 01:30 happens twice in Toronto on 1 November 2026: first at UTC-4, then at UTC-5.
    assert_eq!(
        resolve_local(at("2026-11-01 01:30"), "America/Toronto"),
        Ok(utc("2026-11-01 05:30"))
    );
    // 02:30 twice in Paris on 25 October 2026: first at UTC+2.
    assert_eq!(
        resolve_local(at("2026-10-25 02:30"), "Europe/Paris"),
        Ok(utc("2026-10-25 00:30"))
    );
    // Santiago falls back from 24:00 to 23:00 on 5 April 2026: 23:30 first at UTC-3.
    assert_eq!(
        resolve_local(at("2026-04-04 23:30"), "America/Santiago"),
        Ok(utc("2026-04-05 02:30"))
    );
    // Sydney, 5 April 2026: 02:30 first at UTC+11.
    assert_eq!(
        resolve_local(at("2026-04-05 02:30"), "Australia/Sydney"),
        Ok(utc("2026-04-04 15:30"))
    );
}

#[test]
fn a_session_can_fall_on_another_day_for_the_reader() {
    // Tuesday 18:30 in Toronto is Wednesday 05:15 in Kathmandu and 10:30 in Sydney.
    let t = resolve_local(at("2026-12-08 18:30"), "America/Toronto").unwrap();
    let in_zone =
        |zone| (t + TimeDelta::minutes(offset_minutes(t, zone).unwrap().into())).naive_utc();
    assert_eq!(in_zone("Asia/Kathmandu"), at("2026-12-09 05:15"));
    assert_eq!(in_zone("Australia/Sydney"), at("2026-12-09 10:30"));
    assert_eq!(in_zone("America/Santiago"), at("2026-12-08 20:30"));
}
