//! Session recurrence rules: "every two weeks on Tuesday at 18:00, Toronto time, 5 sessions",
//! "the second Tuesday of every other month", "the last Friday of the month until June",
//! stated once here and expanded into sessions by the Worker, with the preview the
//! coordinators' page shows before anything is created.
//!
//! The rule, its limits and its dates need no zone table, so they build everywhere (the app
//! can check a rule before sending it). Turning dates into instants (`expand`, `preview`)
//! needs the zone table and is behind the `tz` feature, like the rest of `schedule`'s zone
//! code.
//!
//! Written by hand on chrono rather than with the `rrule` crate. `rrule` 0.14 does match
//! the workspace's chrono-tz 0.10, but:
//! - it depends on `regex` unconditionally (for the iCalendar text it parses, which Relais
//!   never sends) and on chrono with its default features, which would reach the Worker's
//!   wasm, whose size is held under the Workers limit, through feature unification;
//! - on a day whose wall time falls in a daylight-saving gap it adds the time to that day's
//!   midnight, and when midnight itself is skipped (zones that change at 00:00, such as
//!   America/Santiago or Asia/Beirut) it silently drops the occurrence, where Relais wants
//!   every gap handled one stated way;
//! - its COUNT counts dates that an EXDATE then removes, and an EXDATE that matches nothing
//!   is ignored, where a coordinator's count is the number of sessions and a mistyped
//!   exception must be refused.
//!
//! What Relais needs (weekly on set weekdays, the nth or last weekday of every N months,
//! daily) is a few loops over dates within a three-year horizon; the module's own types are
//! the API either way.

use std::fmt;

use chrono::{Datelike, Days, Months, NaiveDate, NaiveDateTime, NaiveTime, Timelike, Weekday};
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// The most sessions one rule may create.
pub const MAX_OCCURRENCES: usize = 200;
/// How far after `start` a rule may reach: its end date, or its last session with `Count`.
pub const MAX_YEARS: u32 = 3;
/// The longest session, in minutes.
pub const MAX_DURATION_MINUTES: u32 = 24 * 60;
/// The most exceptions one rule may list.
pub const MAX_EXCEPTIONS: usize = MAX_OCCURRENCES;
/// The most zones a preview shows beside the organiser's.
pub const MAX_PREVIEW_ZONES: usize = 10;
/// The years a rule may start in: anything else is a typo, and it keeps every date
/// computation far from chrono's limits.
pub const START_YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;

/// A day of the week on the wire (`"tuesday"`); chrono's own serialises as `"Tue"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DayOfWeek {
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
    Sunday,
}

impl From<DayOfWeek> for Weekday {
    fn from(day: DayOfWeek) -> Weekday {
        match day {
            DayOfWeek::Monday => Weekday::Mon,
            DayOfWeek::Tuesday => Weekday::Tue,
            DayOfWeek::Wednesday => Weekday::Wed,
            DayOfWeek::Thursday => Weekday::Thu,
            DayOfWeek::Friday => Weekday::Fri,
            DayOfWeek::Saturday => Weekday::Sat,
            DayOfWeek::Sunday => Weekday::Sun,
        }
    }
}

impl From<Weekday> for DayOfWeek {
    fn from(day: Weekday) -> DayOfWeek {
        match day {
            Weekday::Mon => DayOfWeek::Monday,
            Weekday::Tue => DayOfWeek::Tuesday,
            Weekday::Wed => DayOfWeek::Wednesday,
            Weekday::Thu => DayOfWeek::Thursday,
            Weekday::Fri => DayOfWeek::Friday,
            Weekday::Sat => DayOfWeek::Saturday,
            Weekday::Sun => DayOfWeek::Sunday,
        }
    }
}

/// Which of a month's weekdays. No fifth: most months have none, and a rule that skips
/// them is better said another way.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Nth {
    First,
    Second,
    Third,
    Fourth,
    Last,
}

/// What repeats, in units of `Recurrence::interval`. Externally tagged
/// (`"daily"`, `{"weekly": {"weekdays": ["tuesday"]}}`,
/// `{"monthly": {"weekday": "tuesday", "nth": "second"}}`): serde reads that without
/// buffering, which internally tagged enums cost the app in wasm.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Frequency {
    /// Every `interval` days.
    Daily,
    /// Every `interval` weeks (weeks start on Monday), on these weekdays; none listed means
    /// the start date's weekday.
    Weekly {
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        weekdays: Vec<DayOfWeek>,
    },
    /// Every `interval` months, on the `nth` `weekday` ("the second Tuesday", "the last
    /// Friday"); every two months is `interval: 2`.
    Monthly { weekday: DayOfWeek, nth: Nth },
}

impl Frequency {
    /// The largest interval: about a month of days, a year of weeks or of months.
    pub fn max_interval(&self) -> u32 {
        match self {
            Frequency::Daily => 31,
            Frequency::Weekly { .. } => 52,
            Frequency::Monthly { .. } => 12,
        }
    }
}

/// When a rule stops: `{"until": "2027-06-30"}` (inclusive, on the organiser's calendar) or
/// `{"count": 5}`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum End {
    Until(NaiveDate),
    /// This many sessions. Exceptions do not use up the count: a skipped date moves the
    /// rest of the series on, the way a cohort's programme goes on after a holiday.
    Count(u32),
}

/// A rule for an edition's sessions, in the organiser's zone. The organiser keeps their wall
/// clock: every session starts at `start_time` on the organiser's clock, whatever
/// daylight-saving does to its UTC instant.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recurrence {
    pub frequency: Frequency,
    /// Every `interval` days, weeks or months (1 = every one).
    pub interval: u32,
    /// The first day the series may fall on, on the organiser's calendar.
    pub start: NaiveDate,
    /// On the organiser's clock, in whole minutes.
    pub start_time: NaiveTime,
    pub duration_minutes: u32,
    /// The organiser's IANA zone, e.g. `America/Toronto`.
    pub zone: String,
    pub end: End,
    /// Dates of the rule on which there is no session.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exceptions: Vec<NaiveDate>,
}

/// Why a rule is refused. `field` names the rule's JSON field and `code` the reason (message
/// id `field-<code>`), so the API can answer each field with its own message.
#[derive(Clone, Debug, Error, PartialEq, Eq)]
pub enum Refused {
    #[error("the interval is out of 1..={max} for this frequency")]
    IntervalOutOfRange { max: u32 },
    #[error("the start date is out of {START_YEARS:?}")]
    StartOutOfRange,
    #[error("the start time has seconds")]
    StartTimeNotWholeMinutes,
    #[error("the duration is out of 1..={MAX_DURATION_MINUTES} minutes")]
    DurationOutOfRange,
    #[error("the count is out of 1..={MAX_OCCURRENCES}")]
    CountOutOfRange,
    #[error("the end date comes before the start date")]
    UntilBeforeStart,
    #[error("the rule reaches more than {MAX_YEARS} years after its start")]
    EndTooFar,
    #[error("the rule makes more than {MAX_OCCURRENCES} sessions")]
    TooManyOccurrences,
    #[error("the rule makes no session")]
    NoOccurrence,
    #[error("more than {MAX_EXCEPTIONS} exceptions")]
    TooManyExceptions,
    /// The coordinator skipped a date the series does not have: most likely a typo.
    #[error("{0} is not a date of this series")]
    ExceptionNotInRule(NaiveDate),
    #[error("{0:?} is not an IANA time zone")]
    UnknownZone(String),
    /// One of the preview's zones is unknown.
    #[error("{0:?} is not an IANA time zone")]
    UnknownPreviewZone(String),
    #[error("more than {MAX_PREVIEW_ZONES} zones to preview")]
    TooManyPreviewZones,
}

impl Refused {
    /// The rule's field at fault, as spelled in JSON (`zones` is the preview's request).
    pub fn field(&self) -> &'static str {
        match self {
            Refused::IntervalOutOfRange { .. } => "interval",
            Refused::StartOutOfRange => "start",
            Refused::StartTimeNotWholeMinutes => "start_time",
            Refused::DurationOutOfRange => "duration_minutes",
            Refused::CountOutOfRange
            | Refused::UntilBeforeStart
            | Refused::EndTooFar
            | Refused::TooManyOccurrences
            | Refused::NoOccurrence => "end",
            Refused::TooManyExceptions | Refused::ExceptionNotInRule(_) => "exceptions",
            Refused::UnknownZone(_) => "zone",
            Refused::UnknownPreviewZone(_) | Refused::TooManyPreviewZones => "zones",
        }
    }

    /// A stable reason code (message id `field-<code>`).
    pub fn code(&self) -> &'static str {
        match self {
            Refused::IntervalOutOfRange { .. } => "interval-out-of-range",
            Refused::StartOutOfRange => "start-out-of-range",
            Refused::StartTimeNotWholeMinutes => "time-not-whole-minutes",
            Refused::DurationOutOfRange => "duration-out-of-range",
            Refused::CountOutOfRange => "count-out-of-range",
            Refused::UntilBeforeStart => "until-before-start",
            Refused::EndTooFar => "end-too-far",
            Refused::TooManyOccurrences => "too-many-occurrences",
            Refused::NoOccurrence => "no-occurrence",
            Refused::TooManyExceptions => "too-many-exceptions",
            Refused::ExceptionNotInRule(_) => "exception-not-in-rule",
            Refused::UnknownZone(_) | Refused::UnknownPreviewZone(_) => "unknown-zone",
            Refused::TooManyPreviewZones => "too-many-zones",
        }
    }
}

/// Every reason a rule is refused, reported at once like the registration form's.
#[derive(Clone, Debug, Error, PartialEq, Eq)]
#[error("recurrence refused: {}", Listed(.0))]
pub struct RecurrenceError(pub Vec<Refused>);

impl RecurrenceError {
    /// `(field, code)` pairs, in the order found, for the API's per-field messages.
    pub fn refusals(&self) -> Vec<(&'static str, &'static str)> {
        self.0.iter().map(|r| (r.field(), r.code())).collect()
    }
}

struct Listed<'a>(&'a [Refused]);

impl fmt::Display for Listed<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, refused) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{}: {refused}", refused.field())?;
        }
        Ok(())
    }
}

impl Recurrence {
    /// The session dates on the organiser's calendar, in order, exceptions left out; or
    /// every reason the rule is refused. Needs no zone: the zone is checked by `expand`.
    pub fn dates(&self) -> Result<Vec<NaiveDate>, RecurrenceError> {
        let mut refused = vec![];
        let max = self.frequency.max_interval();
        if !(1..=max).contains(&self.interval) {
            refused.push(Refused::IntervalOutOfRange { max });
        }
        if self.start_time.second() != 0 || self.start_time.nanosecond() != 0 {
            refused.push(Refused::StartTimeNotWholeMinutes);
        }
        if !(1..=MAX_DURATION_MINUTES).contains(&self.duration_minutes) {
            refused.push(Refused::DurationOutOfRange);
        }
        if self.exceptions.len() > MAX_EXCEPTIONS {
            refused.push(Refused::TooManyExceptions);
        }
        // The last day a session may fall on.
        let horizon = if START_YEARS.contains(&self.start.year()) {
            self.start.checked_add_months(Months::new(12 * MAX_YEARS))
        } else {
            None
        };
        let Some(horizon) = horizon else {
            refused.push(Refused::StartOutOfRange);
            return Err(RecurrenceError(refused));
        };
        let last = match self.end {
            End::Count(n) if !(1..=MAX_OCCURRENCES).contains(&(n as usize)) => {
                refused.push(Refused::CountOutOfRange);
                horizon
            }
            End::Count(_) => horizon,
            End::Until(until) if until < self.start => {
                refused.push(Refused::UntilBeforeStart);
                horizon
            }
            End::Until(until) if until > horizon => {
                refused.push(Refused::EndTooFar);
                horizon
            }
            End::Until(until) => until,
        };
        if !refused.is_empty() {
            return Err(RecurrenceError(refused));
        }

        let mut kept = vec![];
        let mut skipped = vec![];
        for date in self.rule_dates(last) {
            if self.exceptions.contains(&date) {
                skipped.push(date);
                continue;
            }
            kept.push(date);
            if matches!(self.end, End::Count(n) if kept.len() == n as usize) {
                break;
            }
        }
        match self.end {
            End::Count(n) if kept.len() < n as usize => refused.push(Refused::EndTooFar),
            End::Until(_) if kept.len() > MAX_OCCURRENCES => {
                refused.push(Refused::TooManyOccurrences)
            }
            _ if kept.is_empty() => refused.push(Refused::NoOccurrence),
            _ => {}
        }
        let mut unmatched: Vec<NaiveDate> = self
            .exceptions
            .iter()
            .copied()
            .filter(|d| !skipped.contains(d))
            .collect();
        unmatched.sort();
        unmatched.dedup();
        refused.extend(unmatched.into_iter().map(Refused::ExceptionNotInRule));
        if refused.is_empty() {
            Ok(kept)
        } else {
            Err(RecurrenceError(refused))
        }
    }

    /// Every date of the rule from `start` to `last` inclusive, exceptions included. `last`
    /// is at most `MAX_YEARS` after `start`, so this is at most about 1,100 dates.
    fn rule_dates(&self, last: NaiveDate) -> Vec<NaiveDate> {
        let step = self.interval.max(1);
        let mut out = vec![];
        match &self.frequency {
            Frequency::Daily => {
                let mut day = Some(self.start);
                while let Some(d) = day.filter(|d| *d <= last) {
                    out.push(d);
                    day = d.checked_add_days(Days::new(step.into()));
                }
            }
            Frequency::Weekly { weekdays } => {
                let mut days: Vec<Weekday> = if weekdays.is_empty() {
                    vec![self.start.weekday()]
                } else {
                    weekdays.iter().map(|&d| d.into()).collect()
                };
                days.sort_by_key(|d| d.num_days_from_monday());
                days.dedup();
                let back = Days::new(self.start.weekday().num_days_from_monday().into());
                let mut monday = self.start.checked_sub_days(back);
                while let Some(m) = monday.filter(|m| *m <= last) {
                    out.extend(
                        days.iter()
                            .filter_map(|d| {
                                m.checked_add_days(Days::new(d.num_days_from_monday().into()))
                            })
                            .filter(|d| (self.start..=last).contains(d)),
                    );
                    monday = m.checked_add_days(Days::new(7 * u64::from(step)));
                }
            }
            Frequency::Monthly { weekday, nth } => {
                let mut first = self.start.with_day(1);
                while let Some(f) = first.filter(|f| *f <= last) {
                    if let Some(d) = weekday_of_month(f, (*weekday).into(), *nth) {
                        if (self.start..=last).contains(&d) {
                            out.push(d);
                        }
                    }
                    first = f.checked_add_months(Months::new(step));
                }
            }
        }
        out
    }
}

/// The `nth` `weekday` of the month that starts on `first`.
fn weekday_of_month(first: NaiveDate, weekday: Weekday, nth: Nth) -> Option<NaiveDate> {
    let n = match nth {
        Nth::First => 1,
        Nth::Second => 2,
        Nth::Third => 3,
        Nth::Fourth => 4,
        Nth::Last => {
            let end = first
                .checked_add_months(Months::new(1))?
                .checked_sub_days(Days::new(1))?;
            let back =
                (7 + end.weekday().num_days_from_monday() - weekday.num_days_from_monday()) % 7;
            return end.checked_sub_days(Days::new(back.into()));
        }
    };
    super::nth_weekday_of_month(first.year(), first.month(), weekday, n)
}

/// How an occurrence's wall-clock start was found in the organiser's zone.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WallClock {
    /// The rule's time, which the clock shows once that day.
    Exact,
    /// The rule's time is skipped by a spring-forward jump that day. The session is read with
    /// the offset from before the jump, so it starts as long after the jump as the time was
    /// after it began: 02:30 in a one-hour gap that starts at 02:00 becomes 03:30 on the new
    /// clock. That is RFC 5545's reading (and JavaScript Temporal's "compatible"), so a
    /// calendar given the same rule agrees.
    Gap,
    /// The rule's time is shown twice by a fall-back change that day: the first (earlier
    /// instant, the offset from before the change) is taken, as `resolve_local` does.
    Repeated,
}

/// One session of a rule.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Occurrence {
    /// On the organiser's clock: the rule's time, unless `wall_clock` is `gap`.
    pub local_start: NaiveDateTime,
    /// On the organiser's clock at the end instant (a change during the session shows).
    pub local_end: NaiveDateTime,
    #[serde(with = "crate::catalog::instant")]
    pub starts_at: chrono::DateTime<chrono::Utc>,
    #[serde(with = "crate::catalog::instant")]
    pub ends_at: chrono::DateTime<chrono::Utc>,
    /// The organiser's UTC offsets (minutes) at the start and the end, as `Session` has them.
    pub start_offset_minutes: i32,
    pub end_offset_minutes: i32,
    pub wall_clock: WallClock,
}

/// A clock's reading of a session's start.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClockReading {
    pub local: NaiveDateTime,
    pub offset_minutes: i32,
    /// The weekday on this clock, when its date is not the organiser's (Tuesday evening in
    /// Toronto is Wednesday morning in Kolkata).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weekday: Option<DayOfWeek>,
}

/// One session in a preview: the organiser's clock, then each picked zone's, in the order of
/// `Preview::zones`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PreviewSession {
    #[serde(with = "crate::catalog::instant")]
    pub starts_at: chrono::DateTime<chrono::Utc>,
    pub organiser: ClockReading,
    pub others: Vec<ClockReading>,
}

/// Where a picked zone's clock moves against the previous session because one side changed
/// daylight saving ("from 17 March it is 23:00 for Lagos, not 00:00").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShiftNote {
    /// The first session at the new time.
    pub index: usize,
    pub zone: String,
    /// Where it would have been without the change, and where it is.
    pub before: NaiveDateTime,
    pub now: NaiveDateTime,
    /// The zone's offsets at the previous session and at this one.
    pub offset_before: i32,
    pub offset_after: i32,
    /// The organiser's offsets at the previous session and at this one.
    pub organiser_offset_before: i32,
    pub organiser_offset_after: i32,
}

/// Where the organiser's own offset changes ("from 16 March, UTC−4 instead of UTC−5").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OffsetChange {
    /// The first session at the new offset.
    pub index: usize,
    /// That session's date on the organiser's calendar.
    pub date: NaiveDate,
    pub offset_before: i32,
    pub offset_after: i32,
}

/// A rule's sessions as the coordinator checks them before creating them. Data only: the UI
/// phrases the notes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Preview {
    /// The organiser's zone.
    pub zone: String,
    /// The picked zones, as IANA names (old spellings replaced), in the order of each
    /// session's `others`.
    pub zones: Vec<String>,
    pub sessions: Vec<PreviewSession>,
    pub shifts: Vec<ShiftNote>,
    pub offset_changes: Vec<OffsetChange>,
}

#[cfg(feature = "tz")]
mod zoned {
    use chrono::{
        DateTime, Datelike, LocalResult, NaiveDateTime, Offset, TimeDelta, TimeZone, Utc,
    };
    use chrono_tz::Tz;

    use super::{
        ClockReading, Occurrence, OffsetChange, Preview, PreviewSession, Recurrence,
        RecurrenceError, Refused, ShiftNote, WallClock, MAX_PREVIEW_ZONES,
    };
    use crate::schedule::{canonical_zone, clock_shifts, ClockPair};

    /// The sessions of `rule`, in order, each at the rule's wall time in the organiser's zone
    /// (see `WallClock` for the two days a year when that time is missing or shown twice).
    pub fn expand(rule: &Recurrence) -> Result<Vec<Occurrence>, RecurrenceError> {
        let zone = rule
            .zone
            .parse::<Tz>()
            .map_err(|_| Refused::UnknownZone(rule.zone.clone()));
        let (dates, tz) = match (rule.dates(), zone) {
            (Ok(dates), Ok(tz)) => (dates, tz),
            (dates, zone) => {
                let mut refused = dates.err().map(|e| e.0).unwrap_or_default();
                refused.extend(zone.err());
                return Err(RecurrenceError(refused));
            }
        };
        let duration = TimeDelta::minutes(rule.duration_minutes.into());
        Ok(dates
            .into_iter()
            .map(|date| {
                let (starts_at, wall_clock) = resolve(tz, date.and_time(rule.start_time));
                let ends_at = starts_at + duration;
                let (start, end) = (starts_at.with_timezone(&tz), ends_at.with_timezone(&tz));
                Occurrence {
                    local_start: start.naive_local(),
                    local_end: end.naive_local(),
                    starts_at,
                    ends_at,
                    start_offset_minutes: offset(start),
                    end_offset_minutes: offset(end),
                    wall_clock,
                }
            })
            .collect())
    }

    /// The instant clocks in `tz` show `local`, by the rule of `WallClock`.
    fn resolve(tz: Tz, local: NaiveDateTime) -> (DateTime<Utc>, WallClock) {
        match tz.from_local_datetime(&local) {
            LocalResult::Single(t) => (t.with_timezone(&Utc), WallClock::Exact),
            LocalResult::Ambiguous(first, _) => (first.with_timezone(&Utc), WallClock::Repeated),
            LocalResult::None => {
                // The offset before the gap: the one a day earlier (zones do not change
                // twice in a day). Dates are kept within 2000..2103, far from overflow.
                let day_before = local - TimeDelta::days(1);
                let before = tz
                    .offset_from_utc_datetime(&day_before)
                    .fix()
                    .local_minus_utc();
                let instant = (local - TimeDelta::seconds(before.into())).and_utc();
                (instant, WallClock::Gap)
            }
        }
    }

    fn offset(t: DateTime<Tz>) -> i32 {
        t.offset().fix().local_minus_utc() / 60
    }

    /// `rule`'s sessions on the organiser's clock and on each of `other_zones`' clocks, with
    /// the notes a coordinator needs: where a picked zone's time moves because one side
    /// changed daylight saving, and where the organiser's own offset changes.
    pub fn preview(rule: &Recurrence, other_zones: &[&str]) -> Result<Preview, RecurrenceError> {
        let mut zones = vec![];
        let mut refused = vec![];
        if other_zones.len() > MAX_PREVIEW_ZONES {
            refused.push(Refused::TooManyPreviewZones);
        }
        for name in other_zones.iter().take(MAX_PREVIEW_ZONES) {
            let name = canonical_zone(name);
            match name.parse::<Tz>() {
                Ok(tz) => zones.push((name.to_owned(), tz)),
                Err(_) => refused.push(Refused::UnknownPreviewZone(name.to_owned())),
            }
        }
        let occurrences = match expand(rule) {
            Ok(occurrences) if refused.is_empty() => occurrences,
            Ok(_) => return Err(RecurrenceError(refused)),
            Err(mut e) => {
                e.0.extend(refused);
                return Err(e);
            }
        };

        let sessions = occurrences
            .iter()
            .map(|o| {
                let organiser = ClockReading {
                    local: o.local_start,
                    offset_minutes: o.start_offset_minutes,
                    weekday: None,
                };
                let others = zones
                    .iter()
                    .map(|(_, tz)| {
                        let there = o.starts_at.with_timezone(tz);
                        let local = there.naive_local();
                        ClockReading {
                            local,
                            offset_minutes: offset(there),
                            weekday: (local.date() != o.local_start.date())
                                .then(|| local.weekday().into()),
                        }
                    })
                    .collect();
                PreviewSession {
                    starts_at: o.starts_at,
                    organiser,
                    others,
                }
            })
            .collect::<Vec<_>>();

        let mut shifts = vec![];
        for (column, (name, _)) in zones.iter().enumerate() {
            let pairs: Vec<ClockPair> = sessions
                .iter()
                .map(|s| ClockPair {
                    reader_start: s.others[column].local,
                    reader_offset: s.others[column].offset_minutes,
                    organiser_offset: s.organiser.offset_minutes,
                })
                .collect();
            shifts.extend(clock_shifts(&pairs).into_iter().filter_map(|shift| {
                let (previous, this) = (pairs.get(shift.index - 1)?, pairs.get(shift.index)?);
                Some(ShiftNote {
                    index: shift.index,
                    zone: name.clone(),
                    before: shift.before,
                    now: shift.now,
                    offset_before: previous.reader_offset,
                    offset_after: this.reader_offset,
                    organiser_offset_before: previous.organiser_offset,
                    organiser_offset_after: this.organiser_offset,
                })
            }));
        }
        shifts.sort_by_key(|s| s.index);

        let offset_changes = occurrences
            .windows(2)
            .enumerate()
            .filter(|(_, pair)| pair[0].start_offset_minutes != pair[1].start_offset_minutes)
            .map(|(i, pair)| OffsetChange {
                index: i + 1,
                date: pair[1].local_start.date(),
                offset_before: pair[0].start_offset_minutes,
                offset_after: pair[1].start_offset_minutes,
            })
            .collect();

        Ok(Preview {
            zone: rule.zone.clone(),
            zones: zones.into_iter().map(|(name, _)| name).collect(),
            sessions,
            shifts,
            offset_changes,
        })
    }
}

#[cfg(feature = "tz")]
pub use zoned::{expand, preview};

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }
    fn time(s: &str) -> NaiveTime {
        NaiveTime::parse_from_str(s, "%H:%M").unwrap()
    }
    fn days(list: &[&str]) -> Vec<NaiveDate> {
        list.iter().map(|s| day(s)).collect()
    }
    fn weekly(on: &[DayOfWeek]) -> Frequency {
        Frequency::Weekly {
            weekdays: on.to_vec(),
        }
    }
    fn monthly(nth: Nth, weekday: DayOfWeek) -> Frequency {
        Frequency::Monthly { weekday, nth }
    }
    fn rule(frequency: Frequency, interval: u32, start: &str, at: &str, end: End) -> Recurrence {
        Recurrence {
            frequency,
            interval,
            start: day(start),
            start_time: time(at),
            duration_minutes: 90,
            zone: "America/Toronto".to_owned(),
            end,
            exceptions: vec![],
        }
    }
    /// The issue's series: every two weeks, Tuesdays 18:00 Toronto, 5 sessions, across the
    /// 14 March 2027 change.
    fn toronto_fortnightly() -> Recurrence {
        rule(weekly(&[]), 2, "2027-02-23", "18:00", End::Count(5))
    }
    fn refusals(r: &Recurrence) -> Vec<(&'static str, &'static str)> {
        r.dates().unwrap_err().refusals()
    }

    #[test]
    fn every_second_month_on_the_second_tuesday() {
        // GGSN meets every two months.
        let ggsn = rule(
            monthly(Nth::Second, DayOfWeek::Tuesday),
            2,
            "2027-01-01",
            "12:00",
            End::Count(6),
        );
        assert_eq!(
            ggsn.dates().unwrap(),
            days(&[
                "2027-01-12",
                "2027-03-09",
                "2027-05-11",
                "2027-07-13",
                "2027-09-14",
                "2027-11-09"
            ])
        );
        // Starting after January's second Tuesday: the series begins in March, on its own
        // every-other-month rhythm counted from January.
        let late = Recurrence {
            start: day("2027-01-13"),
            end: End::Count(2),
            ..ggsn
        };
        assert_eq!(late.dates().unwrap(), days(&["2027-03-09", "2027-05-11"]));
    }

    #[test]
    fn last_friday_of_the_month_until_a_date_that_is_included() {
        let last_friday = rule(
            monthly(Nth::Last, DayOfWeek::Friday),
            1,
            "2027-01-01",
            "09:30",
            End::Until(day("2027-06-25")),
        );
        let expected = days(&[
            "2027-01-29",
            "2027-02-26",
            "2027-03-26",
            "2027-04-30",
            "2027-05-28",
            "2027-06-25",
        ]);
        assert_eq!(last_friday.dates().unwrap(), expected);
        let day_before = Recurrence {
            end: End::Until(day("2027-06-24")),
            ..last_friday
        };
        assert_eq!(day_before.dates().unwrap(), expected[..5]);
    }

    #[test]
    fn weekly_on_several_weekdays_and_daily() {
        // Mondays and Thursdays every week, from a Wednesday: the first is Thursday.
        let twice = rule(
            weekly(&[DayOfWeek::Thursday, DayOfWeek::Monday]),
            1,
            "2027-02-24",
            "10:00",
            End::Count(4),
        );
        assert_eq!(
            twice.dates().unwrap(),
            days(&["2027-02-25", "2027-03-01", "2027-03-04", "2027-03-08"])
        );
        let every_third_day = rule(
            Frequency::Daily,
            3,
            "2027-02-26",
            "10:00",
            End::Until(day("2027-03-07")),
        );
        assert_eq!(
            every_third_day.dates().unwrap(),
            days(&["2027-02-26", "2027-03-01", "2027-03-04", "2027-03-07"])
        );
    }

    #[test]
    fn exceptions_are_skipped_and_a_count_goes_on_past_them() {
        let skipping = Recurrence {
            exceptions: days(&["2027-03-09"]),
            ..toronto_fortnightly()
        };
        assert_eq!(
            skipping.dates().unwrap(),
            days(&[
                "2027-02-23",
                "2027-03-23",
                "2027-04-06",
                "2027-04-20",
                "2027-05-04"
            ])
        );
        // With an end date, the skipped session is simply gone.
        let until = Recurrence {
            end: End::Until(day("2027-04-20")),
            ..skipping
        };
        assert_eq!(
            until.dates().unwrap(),
            days(&["2027-02-23", "2027-03-23", "2027-04-06", "2027-04-20"])
        );
    }

    #[test]
    fn an_exception_that_is_not_a_session_date_is_refused() {
        let mistyped = Recurrence {
            // A Wednesday; a Tuesday of the off week; a Tuesday after the fifth session.
            exceptions: days(&["2027-03-10", "2027-03-02", "2027-05-04", "2027-03-09"]),
            ..toronto_fortnightly()
        };
        assert_eq!(
            mistyped.dates().unwrap_err(),
            RecurrenceError(vec![
                Refused::ExceptionNotInRule(day("2027-03-02")),
                Refused::ExceptionNotInRule(day("2027-03-10")),
            ])
        );
        // 2027-05-04 became a session because 2027-03-09 was skipped: it may not be both.
        let both = Recurrence {
            exceptions: days(&["2027-03-09", "2027-05-04"]),
            ..toronto_fortnightly()
        };
        assert_eq!(
            both.dates().unwrap(),
            days(&[
                "2027-02-23",
                "2027-03-23",
                "2027-04-06",
                "2027-04-20",
                "2027-05-18"
            ])
        );
        assert_eq!(
            refusals(&Recurrence {
                exceptions: days(&["2027-05-18"]),
                ..toronto_fortnightly()
            }),
            vec![("exceptions", "exception-not-in-rule")]
        );
    }

    #[test]
    fn limits_are_refused_by_field_with_a_stable_code() {
        let base = toronto_fortnightly();
        let cases: Vec<(Recurrence, Vec<(&str, &str)>)> = vec![
            (
                Recurrence {
                    interval: 0,
                    ..base.clone()
                },
                vec![("interval", "interval-out-of-range")],
            ),
            (
                Recurrence {
                    interval: 53,
                    ..base.clone()
                },
                vec![("interval", "interval-out-of-range")],
            ),
            (
                Recurrence {
                    frequency: monthly(Nth::First, DayOfWeek::Monday),
                    interval: 13,
                    ..base.clone()
                },
                vec![("interval", "interval-out-of-range")],
            ),
            (
                Recurrence {
                    end: End::Count(0),
                    ..base.clone()
                },
                vec![("end", "count-out-of-range")],
            ),
            (
                Recurrence {
                    end: End::Count(201),
                    ..base.clone()
                },
                vec![("end", "count-out-of-range")],
            ),
            (
                Recurrence {
                    end: End::Until(day("2027-02-22")),
                    ..base.clone()
                },
                vec![("end", "until-before-start")],
            ),
            (
                // Three years to the day is the last allowed end date.
                Recurrence {
                    end: End::Until(day("2030-02-24")),
                    ..base.clone()
                },
                vec![("end", "end-too-far")],
            ),
            (
                // Yearly for five years: the count reaches past three years.
                Recurrence {
                    frequency: monthly(Nth::Last, DayOfWeek::Friday),
                    interval: 12,
                    ..base.clone()
                },
                vec![("end", "end-too-far")],
            ),
            (
                // Every day for a year is more than 200 sessions.
                Recurrence {
                    frequency: Frequency::Daily,
                    interval: 1,
                    end: End::Until(day("2028-02-23")),
                    ..base.clone()
                },
                vec![("end", "too-many-occurrences")],
            ),
            (
                // The only date of the rule is skipped.
                Recurrence {
                    end: End::Until(day("2027-03-01")),
                    exceptions: days(&["2027-02-23"]),
                    ..base.clone()
                },
                vec![("end", "no-occurrence")],
            ),
            (
                Recurrence {
                    duration_minutes: 0,
                    start_time: NaiveTime::from_hms_opt(18, 0, 30).unwrap(),
                    start: day("1999-12-28"),
                    ..base.clone()
                },
                vec![
                    ("start_time", "time-not-whole-minutes"),
                    ("duration_minutes", "duration-out-of-range"),
                    ("start", "start-out-of-range"),
                ],
            ),
            (
                Recurrence {
                    exceptions: vec![day("2027-02-23"); MAX_EXCEPTIONS + 1],
                    ..base.clone()
                },
                vec![("exceptions", "too-many-exceptions")],
            ),
        ];
        for (rule, expected) in cases {
            assert_eq!(refusals(&rule), expected, "{rule:?}");
        }
        // The largest allowed values pass.
        let widest = Recurrence {
            frequency: Frequency::Daily,
            interval: 1,
            end: End::Count(200),
            duration_minutes: MAX_DURATION_MINUTES,
            ..base.clone()
        };
        assert_eq!(widest.dates().unwrap().len(), MAX_OCCURRENCES);
        let three_years = Recurrence {
            end: End::Until(day("2030-02-23")),
            ..base
        };
        assert_eq!(three_years.dates().unwrap().len(), 79);
    }

    #[test]
    fn the_rule_travels_as_snake_case_json() {
        let rule = Recurrence {
            exceptions: days(&["2027-03-09"]),
            ..toronto_fortnightly()
        };
        let json = serde_json::to_value(&rule).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "frequency": {"weekly": {}},
                "interval": 2,
                "start": "2027-02-23",
                "start_time": "18:00:00",
                "duration_minutes": 90,
                "zone": "America/Toronto",
                "end": {"count": 5},
                "exceptions": ["2027-03-09"],
            })
        );
        assert_eq!(serde_json::from_value::<Recurrence>(json).unwrap(), rule);
        let ggsn: Recurrence = serde_json::from_str(
            r#"{"frequency": {"monthly": {"weekday": "tuesday", "nth": "second"}},
                "interval": 2, "start": "2027-01-01", "start_time": "18:00",
                "duration_minutes": 120, "zone": "Africa/Lagos",
                "end": {"until": "2027-12-31"}}"#,
        )
        .unwrap();
        assert_eq!(ggsn.frequency, monthly(Nth::Second, DayOfWeek::Tuesday));
        assert_eq!(ggsn.start_time, time("18:00"));
        assert!(ggsn.exceptions.is_empty());
        let daily: Recurrence = serde_json::from_value(serde_json::json!({
            "frequency": "daily", "interval": 1, "start": "2027-01-01",
            "start_time": "08:15", "duration_minutes": 30, "zone": "UTC",
            "end": {"count": 3}
        }))
        .unwrap();
        assert_eq!(daily.frequency, Frequency::Daily);
    }

    #[cfg(feature = "tz")]
    mod zoned {
        use chrono::{DateTime, LocalResult, TimeZone, Utc};
        use proptest::prelude::*;

        use super::*;

        fn at(s: &str) -> NaiveDateTime {
            NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
        }
        fn utc(s: &str) -> DateTime<Utc> {
            s.parse().unwrap()
        }

        #[test]
        fn the_wall_clock_stays_at_18_00_across_torontos_march_change() {
            let sessions = expand(&toronto_fortnightly()).unwrap();
            let local: Vec<_> = sessions.iter().map(|s| s.local_start).collect();
            assert_eq!(
                local,
                vec![
                    at("2027-02-23 18:00"),
                    at("2027-03-09 18:00"),
                    at("2027-03-23 18:00"),
                    at("2027-04-06 18:00"),
                    at("2027-04-20 18:00"),
                ]
            );
            let starts: Vec<_> = sessions.iter().map(|s| s.starts_at).collect();
            assert_eq!(
                starts,
                vec![
                    utc("2027-02-23T23:00:00Z"),
                    utc("2027-03-09T23:00:00Z"),
                    utc("2027-03-23T22:00:00Z"),
                    utc("2027-04-06T22:00:00Z"),
                    utc("2027-04-20T22:00:00Z"),
                ]
            );
            let offsets: Vec<_> = sessions.iter().map(|s| s.start_offset_minutes).collect();
            assert_eq!(offsets, vec![-300, -300, -240, -240, -240]);
            let first = &sessions[0];
            assert_eq!(first.local_end, at("2027-02-23 19:30"));
            assert_eq!(first.ends_at, utc("2027-02-24T00:30:00Z"));
            assert!(sessions.iter().all(|s| s.wall_clock == WallClock::Exact));
        }

        #[test]
        fn the_preview_shows_lagos_and_kolkata_an_hour_earlier_after_the_change() {
            let preview =
                preview(&toronto_fortnightly(), &["Africa/Lagos", "Asia/Calcutta"]).unwrap();
            assert_eq!(preview.zones, vec!["Africa/Lagos", "Asia/Kolkata"]);
            let column = |i: usize| -> Vec<(NaiveDateTime, Option<DayOfWeek>)> {
                preview
                    .sessions
                    .iter()
                    .map(|s| (s.others[i].local, s.others[i].weekday))
                    .collect()
            };
            let wed = Some(DayOfWeek::Wednesday);
            assert_eq!(
                column(0),
                vec![
                    (at("2027-02-24 00:00"), wed),
                    (at("2027-03-10 00:00"), wed),
                    (at("2027-03-23 23:00"), None),
                    (at("2027-04-06 23:00"), None),
                    (at("2027-04-20 23:00"), None),
                ]
            );
            assert_eq!(
                column(1),
                vec![
                    (at("2027-02-24 04:30"), wed),
                    (at("2027-03-10 04:30"), wed),
                    (at("2027-03-24 03:30"), wed),
                    (at("2027-04-07 03:30"), wed),
                    (at("2027-04-21 03:30"), wed),
                ]
            );
            assert!(preview.sessions.iter().all(
                |s| s.organiser.local.time() == time("18:00") && s.organiser.weekday.is_none()
            ));
            assert_eq!(
                preview.shifts,
                vec![
                    ShiftNote {
                        index: 2,
                        zone: "Africa/Lagos".to_owned(),
                        before: at("2027-03-24 00:00"),
                        now: at("2027-03-23 23:00"),
                        offset_before: 60,
                        offset_after: 60,
                        organiser_offset_before: -300,
                        organiser_offset_after: -240,
                    },
                    ShiftNote {
                        index: 2,
                        zone: "Asia/Kolkata".to_owned(),
                        before: at("2027-03-24 04:30"),
                        now: at("2027-03-24 03:30"),
                        offset_before: 330,
                        offset_after: 330,
                        organiser_offset_before: -300,
                        organiser_offset_after: -240,
                    },
                ]
            );
            assert_eq!(
                preview.offset_changes,
                vec![OffsetChange {
                    index: 2,
                    date: day("2027-03-23"),
                    offset_before: -300,
                    offset_after: -240,
                }]
            );
        }

        #[test]
        fn a_reader_whose_own_clock_changes_gets_a_note_too() {
            // Mondays 12:00 in Lagos (no daylight saving) across Paris's change on 28 March
            // 2027: the organiser's offset never moves, Paris goes from 12:00 to 13:00.
            let lagos = Recurrence {
                zone: "Africa/Lagos".to_owned(),
                ..rule(weekly(&[]), 1, "2027-03-22", "12:00", End::Count(3))
            };
            let preview = preview(&lagos, &["Europe/Paris", "Africa/Lagos"]).unwrap();
            assert!(preview.offset_changes.is_empty());
            assert_eq!(
                preview.shifts,
                vec![ShiftNote {
                    index: 1,
                    zone: "Europe/Paris".to_owned(),
                    before: at("2027-03-29 12:00"),
                    now: at("2027-03-29 13:00"),
                    offset_before: 60,
                    offset_after: 120,
                    organiser_offset_before: 60,
                    organiser_offset_after: 60,
                }]
            );
        }

        #[test]
        fn unknown_zones_are_refused_with_the_rules_other_refusals() {
            let mars = Recurrence {
                zone: "Mars/Olympus".to_owned(),
                interval: 0,
                ..toronto_fortnightly()
            };
            assert_eq!(
                expand(&mars).unwrap_err().refusals(),
                vec![
                    ("interval", "interval-out-of-range"),
                    ("zone", "unknown-zone")
                ]
            );
            assert_eq!(
                preview(&toronto_fortnightly(), &["Africa/Lagos", "Moon/Base"])
                    .unwrap_err()
                    .0,
                vec![Refused::UnknownPreviewZone("Moon/Base".to_owned())]
            );
            let many = ["Africa/Lagos"; MAX_PREVIEW_ZONES + 1];
            assert_eq!(
                preview(&toronto_fortnightly(), &many)
                    .unwrap_err()
                    .refusals(),
                vec![("zones", "too-many-zones")]
            );
        }

        #[test]
        fn a_time_skipped_by_spring_forward_moves_past_the_jump() {
            // Sundays 02:30 in Toronto; on 14 March 2027 clocks jump from 02:00 to 03:00.
            let night = rule(weekly(&[]), 1, "2027-03-07", "02:30", End::Count(3));
            let sessions = expand(&night).unwrap();
            let seen: Vec<_> = sessions
                .iter()
                .map(|s| (s.local_start, s.starts_at, s.wall_clock))
                .collect();
            assert_eq!(
                seen,
                vec![
                    (
                        at("2027-03-07 02:30"),
                        utc("2027-03-07T07:30:00Z"),
                        WallClock::Exact
                    ),
                    // Read with the offset before the jump: 02:30 EST is 03:30 EDT.
                    (
                        at("2027-03-14 03:30"),
                        utc("2027-03-14T07:30:00Z"),
                        WallClock::Gap
                    ),
                    (
                        at("2027-03-21 02:30"),
                        utc("2027-03-21T06:30:00Z"),
                        WallClock::Exact
                    ),
                ]
            );
            assert_eq!(sessions[1].local_end, at("2027-03-14 05:00"));
            assert_eq!(sessions[1].start_offset_minutes, -240);

            // Santiago skips midnight itself (00:00 → 01:00 on 5 September 2027): the
            // session is kept, not dropped.
            let santiago = Recurrence {
                zone: "America/Santiago".to_owned(),
                ..rule(weekly(&[]), 1, "2027-08-29", "00:30", End::Count(2))
            };
            let sessions = expand(&santiago).unwrap();
            assert_eq!(sessions.len(), 2);
            assert_eq!(sessions[1].local_start, at("2027-09-05 01:30"));
            assert_eq!(sessions[1].wall_clock, WallClock::Gap);
            assert_eq!(sessions[1].starts_at, utc("2027-09-05T04:30:00Z"));
        }

        #[test]
        fn a_time_shown_twice_at_fall_back_takes_the_first() {
            // Toronto, 7 November 2027: 02:00 EDT becomes 01:00 EST, so 01:30 comes twice.
            let night = rule(weekly(&[]), 1, "2027-11-07", "01:30", End::Count(2));
            let sessions = expand(&night).unwrap();
            assert_eq!(sessions[0].wall_clock, WallClock::Repeated);
            assert_eq!(sessions[0].local_start, at("2027-11-07 01:30"));
            assert_eq!(sessions[0].starts_at, utc("2027-11-07T05:30:00Z"));
            assert_eq!(sessions[0].start_offset_minutes, -240);
            // Ninety minutes later the clock has gone back: it ends at 02:00 EST.
            assert_eq!(sessions[0].local_end, at("2027-11-07 02:00"));
            assert_eq!(sessions[0].end_offset_minutes, -300);
            assert_eq!(sessions[1].wall_clock, WallClock::Exact);
            assert_eq!(sessions[1].starts_at, utc("2027-11-14T06:30:00Z"));
        }

        const ZONES: [&str; 7] = [
            "America/Toronto",
            "Europe/Paris",
            "Australia/Sydney",
            "Australia/Lord_Howe",
            "America/Santiago",
            "Pacific/Chatham",
            "Asia/Kolkata",
        ];

        proptest! {
            #[test]
            fn weekly_rules_keep_their_wall_time_count_and_exceptions(
                zone in prop::sample::select(&ZONES[..]),
                start_day in 0u64..(3 * 365),
                hour in 0u32..24,
                quarter in 0u32..4,
                interval in 1u32..=8,
                weekdays in prop::collection::vec(0u8..7, 0..4),
                count in 1u32..=100,
                skips in prop::collection::vec(any::<prop::sample::Index>(), 0..4),
                duration in 1u32..=240,
            ) {
                let weekdays: Vec<DayOfWeek> = weekdays
                    .into_iter()
                    .filter_map(|d| Weekday::try_from(d).ok().map(DayOfWeek::from))
                    .collect();
                // At most 120 weeks of sessions plus a few skipped: within three years.
                let count = 1 + (count - 1) % (120 / interval);
                let start = day("2026-01-01") + Days::new(start_day);
                let plain = Recurrence {
                    frequency: weekly(&weekdays),
                    interval,
                    start,
                    start_time: NaiveTime::from_hms_opt(hour, quarter * 15, 0).unwrap(),
                    duration_minutes: duration,
                    zone: zone.to_owned(),
                    end: End::Count(count),
                    exceptions: vec![],
                };
                let plain_dates = plain.dates().unwrap();
                // Exceptions among the plain series' dates are always dates of the series.
                let exceptions: Vec<NaiveDate> =
                    skips.iter().map(|i| *i.get(&plain_dates)).collect();
                let rule = Recurrence { exceptions: exceptions.clone(), ..plain };
                let sessions = expand(&rule).unwrap();
                let tz: chrono_tz::Tz = zone.parse().unwrap();

                prop_assert_eq!(sessions.len(), count as usize);
                for pair in sessions.windows(2) {
                    prop_assert!(pair[0].local_start.date() < pair[1].local_start.date());
                    prop_assert!(pair[0].starts_at < pair[1].starts_at);
                }
                let on: Vec<Weekday> = if weekdays.is_empty() {
                    vec![start.weekday()]
                } else {
                    weekdays.iter().map(|&d| d.into()).collect()
                };
                for s in &sessions {
                    let date = s.local_start.date();
                    let wanted = date.and_time(rule.start_time);
                    prop_assert!(date >= start);
                    prop_assert!(!exceptions.contains(&date));
                    prop_assert!(on.contains(&date.weekday()));
                    prop_assert_eq!(s.starts_at.with_timezone(&tz).naive_local(), s.local_start);
                    prop_assert_eq!(s.ends_at.with_timezone(&tz).naive_local(), s.local_end);
                    prop_assert_eq!(
                        s.ends_at - s.starts_at,
                        chrono::TimeDelta::minutes(duration.into())
                    );
                    match (s.wall_clock, tz.from_local_datetime(&wanted)) {
                        (WallClock::Exact, LocalResult::Single(_)) => {
                            prop_assert_eq!(s.local_start, wanted)
                        }
                        (WallClock::Repeated, LocalResult::Ambiguous(first, _)) => {
                            prop_assert_eq!(s.local_start, wanted);
                            prop_assert_eq!(s.starts_at, first.with_timezone(&Utc));
                        }
                        (WallClock::Gap, LocalResult::None) => {
                            // Past the jump, by no more than the jump (at most an hour here).
                            prop_assert!(s.local_start > wanted);
                            prop_assert!(s.local_start - wanted <= chrono::TimeDelta::hours(1));
                        }
                        (clock, _) => prop_assert!(false, "{clock:?} for {wanted}"),
                    }
                }
            }
        }
    }
}
