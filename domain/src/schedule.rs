//! Time: resolving an organiser's wall clock to instants, recurring dates, and writing a
//! date or time the way each language writes it.

use chrono::{Datelike, Days, NaiveDate, NaiveDateTime, Timelike, Weekday};
use fluent_bundle::FluentValue;
use thiserror::Error;

use crate::i18n::Messages;

pub mod assistant;
pub mod fairness;
pub mod recurrence;

#[derive(Debug, Error, PartialEq, Eq)]
pub enum ScheduleError {
    #[error("{0:?} is not an IANA time zone")]
    UnknownZone(String),
    /// The wall-clock time is skipped by a daylight-saving jump in that zone.
    #[error("{local} does not exist in {zone} (daylight-saving gap)")]
    NonexistentLocalTime { local: NaiveDateTime, zone: String },
}

#[cfg(feature = "tz")]
mod zones {
    use chrono::{DateTime, LocalResult, NaiveDateTime, Offset, TimeZone, Utc};
    use chrono_tz::Tz;

    use super::ScheduleError;

    pub fn parse_zone(name: &str) -> Result<Tz, ScheduleError> {
        name.parse::<Tz>()
            .map_err(|_| ScheduleError::UnknownZone(name.to_owned()))
    }

    /// The instant at which clocks in `zone` show `local`. In a fall-back overlap the earlier
    /// instant is taken (the first time the clock shows it); a spring-forward gap is an error
    /// rather than a silent shift, so a loader or a coordinator sees it.
    pub fn resolve_local(local: NaiveDateTime, zone: &str) -> Result<DateTime<Utc>, ScheduleError> {
        let tz = parse_zone(zone)?;
        match tz.from_local_datetime(&local) {
            LocalResult::Single(t) | LocalResult::Ambiguous(t, _) => Ok(t.with_timezone(&Utc)),
            LocalResult::None => Err(ScheduleError::NonexistentLocalTime {
                local,
                zone: zone.to_owned(),
            }),
        }
    }

    /// The zone's offset from UTC, in minutes, at `instant`.
    pub fn offset_minutes(instant: DateTime<Utc>, zone: &str) -> Result<i32, ScheduleError> {
        let tz = parse_zone(zone)?;
        Ok(instant.with_timezone(&tz).offset().fix().local_minus_utc() / 60)
    }
}

#[cfg(feature = "tz")]
pub use zones::{offset_minutes, parse_zone, resolve_local};

/// Browsers report zones by ICU's names, some of which are IANA's old spellings
/// (`Asia/Katmandu`, `Asia/Calcutta`): the current IANA name for such a zone (whatever the
/// case it is written in), else `name`.
pub fn canonical_zone(name: &str) -> &str {
    const RENAMED: &[(&str, &str)] = &[
        ("Africa/Asmera", "Africa/Asmara"),
        ("America/Buenos_Aires", "America/Argentina/Buenos_Aires"),
        ("America/Godthab", "America/Nuuk"),
        ("America/Indianapolis", "America/Indiana/Indianapolis"),
        ("Asia/Calcutta", "Asia/Kolkata"),
        ("Asia/Katmandu", "Asia/Kathmandu"),
        ("Asia/Rangoon", "Asia/Yangon"),
        ("Asia/Saigon", "Asia/Ho_Chi_Minh"),
        ("Atlantic/Faeroe", "Atlantic/Faroe"),
        ("Europe/Kiev", "Europe/Kyiv"),
        ("Pacific/Enderbury", "Pacific/Kanton"),
        ("Pacific/Ponape", "Pacific/Pohnpei"),
        ("Pacific/Truk", "Pacific/Chuuk"),
    ];
    RENAMED
        .iter()
        .find(|(old, _)| old.eq_ignore_ascii_case(name))
        .map(|(_, new)| *new)
        .unwrap_or(name)
}

/// Night for a reader: from 22:00 to 07:00 on their clock.
pub const NIGHT_STARTS: u32 = 22;
pub const NIGHT_ENDS: u32 = 7;

/// Whether a session from `start` to `end` (the reader's wall clock) takes any of the
/// reader's night. The catalog's "fits my daytime" filter keeps the sessions for which this
/// is false, and the app marks the others.
pub fn overlaps_night(start: NaiveDateTime, end: NaiveDateTime) -> bool {
    let at_night = |t: NaiveDateTime| !(NIGHT_ENDS..NIGHT_STARTS).contains(&t.hour());
    if at_night(start) || end - start >= chrono::TimeDelta::hours(24) {
        return true;
    }
    // The first instant after `start` at which night begins.
    let night = start
        .date()
        .and_hms_opt(NIGHT_STARTS, 0, 0)
        .unwrap_or(start);
    end > night
}

/// Where a series shifts on the reader's clock because a daylight-saving change moved the
/// reader's offset against the organiser's: "from 29 March this session is at 15:00 for
/// you, not 14:00".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClockShift {
    /// Index of the first session at the new time.
    pub index: usize,
    /// That session's start on the reader's clock.
    pub now: NaiveDateTime,
    /// Where it would have been without the change.
    pub before: NaiveDateTime,
}

/// One session as the shift rule needs it: its start on the reader's clock, and the
/// reader's and the organiser's UTC offsets (minutes) at that start.
#[derive(Clone, Copy, Debug)]
pub struct ClockPair {
    pub reader_start: NaiveDateTime,
    pub reader_offset: i32,
    pub organiser_offset: i32,
}

/// The shifts in a series, in order. A shift is a change of the gap between the reader's
/// and the organiser's offsets from one session to the next: the organiser keeps their wall
/// clock, so the reader's moves.
pub fn clock_shifts(sessions: &[ClockPair]) -> Vec<ClockShift> {
    sessions
        .windows(2)
        .enumerate()
        .filter_map(|(i, pair)| {
            let gap = |s: &ClockPair| s.reader_offset - s.organiser_offset;
            let change = gap(&pair[1]) - gap(&pair[0]);
            (change != 0).then(|| ClockShift {
                index: i + 1,
                now: pair[1].reader_start,
                before: pair[1].reader_start - chrono::TimeDelta::minutes(change.into()),
            })
        })
        .collect()
}

/// A period that keeps the weekday and, within a day or so a year, the season.
const YEAR_OF_WEEKS: u64 = 364;

/// How many 52-week years to move a dated edition that starts on `first` so that it starts
/// at least `lead_days` after `today`. Demo data uses it to keep the catalog in the future
/// while every session stays on its original weekday and wall-clock time.
pub fn years_of_weeks_until(first: NaiveDate, today: NaiveDate, lead_days: u64) -> u64 {
    let Some(target) = today.checked_add_days(Days::new(lead_days)) else {
        return 0;
    };
    if first >= target {
        return 0;
    }
    let behind = (target - first).num_days() as u64;
    behind.div_ceil(YEAR_OF_WEEKS)
}

/// `date` moved forward by `n` 52-week years.
pub fn add_years_of_weeks(date: NaiveDate, n: u64) -> Option<NaiveDate> {
    date.checked_add_days(Days::new(n * YEAR_OF_WEEKS))
}

/// The `n`th (1-based) `weekday` of a month, e.g. the second Tuesday; `None` past the month.
pub fn nth_weekday_of_month(year: i32, month: u32, weekday: Weekday, n: u8) -> Option<NaiveDate> {
    NaiveDate::from_weekday_of_month_opt(year, month, weekday, n)
}

/// Dates of a "every `every_months` months, on the `n`th `weekday`" rule, from the month of
/// `anchor` on, keeping the first `count` dates that fall on or after `from`.
pub fn monthly_nth_weekday(
    anchor: NaiveDate,
    every_months: u32,
    weekday: Weekday,
    n: u8,
    from: NaiveDate,
    count: usize,
) -> Vec<NaiveDate> {
    let every = every_months.max(1);
    let mut out = Vec::with_capacity(count);
    let (mut year, mut month0) = (anchor.year(), anchor.month0());
    // A rule with no date at all (a fifth weekday that never comes) must not spin forever.
    for _ in 0..(count * 12 + 240) {
        if out.len() >= count {
            break;
        }
        if let Some(d) = nth_weekday_of_month(year, month0 + 1, weekday, n) {
            if d >= from {
                out.push(d);
            }
        }
        month0 += every;
        year += (month0 / 12) as i32;
        month0 %= 12;
    }
    out
}

/// « mardi 8 décembre 2026 » / "Tuesday, December 8, 2026".
pub fn format_date(date: NaiveDate, messages: &Messages) -> String {
    let weekday = messages.get(&format!("weekday-{}", date.weekday().number_from_monday()));
    let month = messages.get(&format!("month-{}", date.month()));
    messages.format(
        "date-long",
        &[
            ("weekday", FluentValue::from(weekday)),
            ("day", FluentValue::from(date.day())),
            ("month", FluentValue::from(month)),
            ("year", FluentValue::from(date.year().to_string())),
        ],
    )
}

/// « 13 h 30 », « 14 h » / "1:30 PM", "2:00 PM".
pub fn format_time(time: NaiveDateTime, messages: &Messages) -> String {
    let (hour, minute) = (time.hour(), time.minute());
    let (is_pm, hour12) = time.hour12();
    messages.format(
        "time-of-day",
        &[
            ("hour", FluentValue::from(hour.to_string())),
            ("hour12", FluentValue::from(hour12.to_string())),
            ("minute", FluentValue::from(format!("{minute:02}"))),
            (
                "on_the_hour",
                FluentValue::from(if minute == 0 { "yes" } else { "no" }),
            ),
            (
                "meridiem",
                FluentValue::from(if is_pm { "pm" } else { "am" }),
            ),
        ],
    )
}

/// « mardi 8 décembre 2026, 13 h 30 » / "Tuesday, December 8, 2026, 1:30\u{a0}PM".
pub fn format_datetime(local: NaiveDateTime, messages: &Messages) -> String {
    messages.format(
        "datetime-long",
        &[
            (
                "date",
                FluentValue::from(format_date(local.date(), messages)),
            ),
            ("time", FluentValue::from(format_time(local, messages))),
        ],
    )
}

/// A session's span on one reader's clock: the date once, then both times; both dates when
/// it crosses midnight.
pub fn format_span(start: NaiveDateTime, end: NaiveDateTime, messages: &Messages) -> String {
    if start.date() == end.date() {
        messages.format(
            "time-span-same-day",
            &[
                (
                    "date",
                    FluentValue::from(format_date(start.date(), messages)),
                ),
                ("start", FluentValue::from(format_time(start, messages))),
                ("end", FluentValue::from(format_time(end, messages))),
            ],
        )
    } else {
        messages.format(
            "time-span",
            &[
                ("start", FluentValue::from(format_datetime(start, messages))),
                ("end", FluentValue::from(format_datetime(end, messages))),
            ],
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Lang;

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
    }
    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }
    fn messages(code: &str) -> Messages {
        Messages::new(Lang::parse(code).unwrap()).unwrap()
    }

    #[test]
    fn night_is_from_ten_in_the_evening_to_seven_in_the_morning() {
        assert!(!overlaps_night(
            at("2026-12-08 07:00"),
            at("2026-12-08 08:30")
        ));
        assert!(!overlaps_night(
            at("2026-12-08 18:30"),
            at("2026-12-08 22:00")
        ));
        assert!(overlaps_night(
            at("2026-12-08 21:00"),
            at("2026-12-08 22:30")
        ));
        assert!(overlaps_night(
            at("2026-12-08 06:30"),
            at("2026-12-08 08:00")
        ));
        assert!(overlaps_night(
            at("2026-12-09 00:30"),
            at("2026-12-09 02:00")
        ));
        assert!(overlaps_night(
            at("2026-12-08 23:00"),
            at("2026-12-09 01:00")
        ));
        assert!(overlaps_night(
            at("2026-12-08 09:00"),
            at("2026-12-09 09:00")
        ));
    }

    #[test]
    fn a_series_shifts_for_the_reader_when_only_one_clock_changes() {
        // Montréal 14:00 every week; a reader in Paris: 20:00, then 19:00 for the weeks when
        // Europe has changed clocks and Montréal not yet (2026: 29 March vs 8 March).
        let pair = |start: &str, reader: i32, organiser: i32| ClockPair {
            reader_start: at(start),
            reader_offset: reader,
            organiser_offset: organiser,
        };
        let series = [
            pair("2026-03-03 20:00", 60, -300),
            pair("2026-03-10 19:00", 60, -240),
            pair("2026-03-17 19:00", 60, -240),
            pair("2026-03-31 20:00", 120, -240),
        ];
        assert_eq!(
            clock_shifts(&series),
            vec![
                ClockShift {
                    index: 1,
                    now: at("2026-03-10 19:00"),
                    before: at("2026-03-10 20:00")
                },
                ClockShift {
                    index: 3,
                    now: at("2026-03-31 20:00"),
                    before: at("2026-03-31 19:00")
                },
            ]
        );
        // Same zone as the organiser: both clocks move together, nothing to say.
        let same = [
            pair("2026-03-03 14:00", -300, -300),
            pair("2026-03-10 14:00", -240, -240),
        ];
        assert!(clock_shifts(&same).is_empty());
    }

    #[test]
    fn writes_dates_and_times_as_each_language_does() {
        let fr = messages("fr");
        let en = messages("en");
        assert_eq!(
            format_datetime(at("2026-12-08 13:30"), &fr),
            "mardi 8 décembre 2026, 13\u{a0}h\u{a0}30"
        );
        assert_eq!(
            format_datetime(at("2026-12-08 13:30"), &en),
            "Tuesday, December 8, 2026, 1:30\u{a0}PM"
        );
        assert_eq!(format_time(at("2026-12-01 14:00"), &fr), "14\u{a0}h");
        assert_eq!(format_time(at("2026-12-01 00:05"), &en), "12:05\u{a0}AM");
        assert_eq!(
            format_date(day("2026-12-01"), &fr),
            "mardi 1er décembre 2026"
        );
        assert_eq!(
            format_span(at("2027-01-11 13:30"), at("2027-01-11 18:00"), &fr),
            "lundi 11 janvier 2027, 13\u{a0}h\u{a0}30 – 18\u{a0}h"
        );
        assert_eq!(
            format_span(at("2027-01-11 23:30"), at("2027-01-12 01:00"), &en),
            "Monday, January 11, 2027, 11:30\u{a0}PM – Tuesday, January 12, 2027, 1:00\u{a0}AM"
        );
    }

    #[test]
    fn shifting_keeps_the_weekday_and_lands_after_the_lead() {
        let first = day("2023-01-16"); // a Monday
        let today = day("2026-11-21");
        let n = years_of_weeks_until(first, today, 14);
        let moved = add_years_of_weeks(first, n).unwrap();
        assert_eq!(moved.weekday(), Weekday::Mon);
        assert!(moved >= day("2026-12-05"));
        assert!(
            moved < day("2027-12-05"),
            "the smallest such shift: {moved}"
        );
        assert_eq!(years_of_weeks_until(day("2027-03-01"), today, 14), 0);
    }

    #[test]
    fn every_second_month_on_the_second_tuesday() {
        let dates =
            monthly_nth_weekday(day("2026-01-01"), 2, Weekday::Tue, 2, day("2026-11-21"), 3);
        assert_eq!(
            dates,
            vec![day("2027-01-12"), day("2027-03-09"), day("2027-05-11")]
        );
        assert!(
            monthly_nth_weekday(day("2026-02-01"), 12, Weekday::Mon, 5, day("2026-01-01"), 2).len()
                <= 2
        );
    }

    #[test]
    fn browser_zone_names_become_current_iana_names() {
        assert_eq!(canonical_zone("Asia/Katmandu"), "Asia/Kathmandu");
        assert_eq!(canonical_zone("Asia/Calcutta"), "Asia/Kolkata");
        assert_eq!(canonical_zone("Africa/Lagos"), "Africa/Lagos");
    }

    #[cfg(feature = "tz")]
    #[test]
    fn every_renamed_zone_is_a_zone() {
        for old in [
            "Asia/Katmandu",
            "Asia/Calcutta",
            "Europe/Kiev",
            "Asia/Saigon",
            "America/Godthab",
            "Pacific/Enderbury",
        ] {
            parse_zone(canonical_zone(old)).unwrap();
        }
    }

    #[cfg(feature = "tz")]
    #[test]
    fn resolves_wall_clocks_across_daylight_saving() {
        // Montréal in winter and summer.
        assert_eq!(
            resolve_local(at("2026-12-08 14:00"), "America/Toronto")
                .unwrap()
                .to_rfc3339(),
            "2026-12-08T19:00:00+00:00"
        );
        assert_eq!(
            resolve_local(at("2026-07-07 14:00"), "America/Toronto")
                .unwrap()
                .to_rfc3339(),
            "2026-07-07T18:00:00+00:00"
        );
        // Spring-forward gap in Paris, and the earlier of the fall-back overlap.
        assert!(matches!(
            resolve_local(at("2027-03-28 02:30"), "Europe/Paris"),
            Err(ScheduleError::NonexistentLocalTime { .. })
        ));
        assert_eq!(
            resolve_local(at("2026-10-25 02:30"), "Europe/Paris")
                .unwrap()
                .to_rfc3339(),
            "2026-10-25T00:30:00+00:00"
        );
        assert_eq!(
            offset_minutes("2026-12-08T19:00:00Z".parse().unwrap(), "Asia/Kathmandu").unwrap(),
            345
        );
        assert!(matches!(
            resolve_local(at("2026-12-08 14:00"), "Mars/Olympus"),
            Err(ScheduleError::UnknownZone(_))
        ));
    }
}
