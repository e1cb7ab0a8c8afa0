//! The scheduling assistant's questions and answers: who takes part (an edition's
//! registrants, or zones the coordinator types, each with a number of people), grouped into
//! regions by a table that is data; one meeting's day per zone and its best slots; a
//! series' rotation against its best single time. The edge reads the people and the regions
//! and returns these answers; every rule is here or in `fairness`.

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, Utc};
use serde::{Deserialize, Serialize};

use super::fairness::{Burden, DayPart, DayParts, RankedSlot, Score, ZoneGroup};
use super::recurrence::Recurrence;

/// Most zones a question may name, and most people in one zone.
pub const MAX_ZONES: usize = 40;
pub const MAX_PEOPLE: u32 = 10_000;
/// Most days one meeting's slots are looked for in.
pub const MAX_MEETING_DAYS: i64 = 14;
/// Most sessions of a series; the step between candidate start times.
pub const MAX_SERIES_SESSIONS: usize = 24;
pub const STEPS_MINUTES: [u32; 3] = [15, 30, 60];
/// How many of one meeting's best slots are returned.
pub const BEST_SLOTS: usize = 10;

/// One row of the regions table: a zone (`America/Toronto`) or a prefix of zones
/// (`Africa/`), and the region it belongs to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegionRule {
    pub pattern: String,
    pub region: String,
}

/// A zone's region: its own row, else the longest prefix it starts with; `None` when the
/// table has neither.
pub fn region_of<'a>(zone: &str, rules: &'a [RegionRule]) -> Option<&'a str> {
    rules
        .iter()
        .filter(|r| r.pattern == zone || (r.pattern.ends_with('/') && zone.starts_with(&r.pattern)))
        // An exact row is longer than any prefix of the same zone.
        .max_by_key(|r| (r.pattern == zone, r.pattern.len()))
        .map(|r| r.region.as_str())
}

/// A region's name in the caller's language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegionName {
    pub code: String,
    pub name: String,
}

/// Where the participants come from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// The edition's registrants who hold a place, wait or applied, by the zone they gave.
    #[default]
    Registrants,
    /// The zones the coordinator typed.
    Typed,
    /// The members of the network's community, by the zone they gave when they applied: a
    /// community's meetings are for them before anyone registers.
    Members,
}

/// A zone the coordinator typed, with its people; its region from the table unless given.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct TypedZone {
    pub zone: String,
    pub people: u32,
    pub region: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Who {
    pub source: Source,
    pub typed: Vec<TypedZone>,
}

/// `POST /api/dashboard/editions/{id}/schedule/meeting`: the best slots for one meeting
/// between two dates on the organiser's calendar.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingQuestion {
    #[serde(default)]
    pub who: Who,
    /// The organiser's zone: candidates are every step of their days.
    pub zone: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub minutes: u32,
    #[serde(default = "thirty")]
    pub step_minutes: u32,
    #[serde(default)]
    pub parts: DayParts,
}

/// `POST /api/dashboard/editions/{id}/schedule/series`: a time for each session of a rule's
/// dates (its own time is only the coordinator's first idea), between two times of the
/// organiser's day.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeriesQuestion {
    #[serde(default)]
    pub who: Who,
    pub rule: Recurrence,
    #[serde(default = "midnight")]
    pub earliest: NaiveTime,
    #[serde(default = "last_half_hour")]
    pub latest: NaiveTime,
    #[serde(default = "thirty")]
    pub step_minutes: u32,
    #[serde(default)]
    pub parts: DayParts,
    /// No region at night in more sessions than this, where the times allow it.
    #[serde(default)]
    pub max_nights: Option<u32>,
    /// Sessions whose time on the organiser's clock the coordinator chose.
    #[serde(default)]
    pub pinned: Vec<Pin>,
}

/// A session (by its index in the series) kept at a time on the organiser's clock.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pin {
    pub session: usize,
    pub time: NaiveTime,
}

fn thirty() -> u32 {
    30
}
fn midnight() -> NaiveTime {
    NaiveTime::MIN
}
fn last_half_hour() -> NaiveTime {
    NaiveTime::from_hms_opt(23, 30, 0).unwrap_or(NaiveTime::MIN)
}

/// One zone's clock at an instant, and what part of the day that is for the meeting's span.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reading {
    pub zone: String,
    pub local: NaiveDateTime,
    pub part: DayPart,
}

/// One row of a meeting's day: a zone's clock at each of the organiser's hours.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayRow {
    pub zone: String,
    pub region: String,
    pub people: u32,
    /// One per hour of the organiser's first day; `None` for an hour a clock change skips.
    pub hours: Vec<Option<Reading>>,
}

/// A candidate slot with its readings.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Slot {
    pub organiser: NaiveDateTime,
    pub ranked: RankedSlot,
    pub readings: Vec<Reading>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MeetingAnswer {
    pub groups: Vec<ZoneGroup>,
    pub regions: Vec<RegionName>,
    pub day: Vec<DayRow>,
    pub slots: Vec<Slot>,
}

/// One session of a plan: its time on the organiser's clock and on each zone's.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlannedSession {
    pub organiser: NaiveDateTime,
    pub starts_at: DateTime<Utc>,
    pub readings: Vec<Reading>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlanView {
    pub sessions: Vec<PlannedSession>,
    pub burden: Burden,
    pub score: Score,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SeriesAnswer {
    pub groups: Vec<ZoneGroup>,
    pub regions: Vec<RegionName>,
    pub zone: String,
    pub minutes: u32,
    pub rotation: PlanView,
    pub fixed: PlanView,
    /// The fewest night sessions any single time leaves to its worst region.
    pub fixed_floor: u32,
}

/// `POST /api/dashboard/editions/{id}/sessions/planned`: the sessions of a plan, created in
/// one step (`replace`: instead of those still to come, only while nobody is registered).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PlannedSessions {
    pub zone: String,
    pub minutes: u32,
    /// Each start on the organiser's clock.
    pub starts: Vec<NaiveDateTime>,
    pub title: crate::locale::Localized,
    pub location: crate::locale::Localized,
    pub replace: bool,
}

/// A refusal: the field (JSON path) and the message code.
pub type Refusal = (String, &'static str);

/// A session's start and end.
pub type Span = (DateTime<Utc>, DateTime<Utc>);

#[cfg(feature = "tz")]
mod zoned {
    use std::collections::BTreeMap;

    use chrono::{DateTime, Days, NaiveDateTime, NaiveTime, TimeDelta, Utc};

    use super::*;
    use crate::schedule::fairness::{propose, rank, worst_part, SeriesAsk, SeriesError};
    use crate::schedule::{canonical_zone, parse_zone, resolve_local};

    /// The participants as zone groups, each zone once (people summed), in zone order, with
    /// its region: the one typed, else the table's, else the zone itself (so nobody is left
    /// out of the count). `people` is `(zone, people, region typed)`.
    pub fn groups(
        people: &[(String, u32, Option<String>)],
        rules: &[RegionRule],
    ) -> Result<Vec<ZoneGroup>, Vec<Refusal>> {
        let mut refused = vec![];
        if people.is_empty() {
            refused.push(("who".to_owned(), "no-people"));
        }
        if people.len() > MAX_ZONES {
            refused.push(("who.typed".to_owned(), "too-many"));
        }
        let mut by_zone: BTreeMap<String, ZoneGroup> = BTreeMap::new();
        for (i, (zone, count, region)) in people.iter().enumerate() {
            let zone = canonical_zone(zone.trim());
            if parse_zone(zone).is_err() {
                refused.push((format!("who.typed.{i}.zone"), "unknown-zone"));
                continue;
            }
            if !(1..=MAX_PEOPLE).contains(count) {
                refused.push((format!("who.typed.{i}.people"), "out-of-range"));
                continue;
            }
            let region = region
                .as_deref()
                .map(str::trim)
                .filter(|r| !r.is_empty())
                .or_else(|| region_of(zone, rules))
                .unwrap_or(zone)
                .to_owned();
            let group = by_zone.entry(zone.to_owned()).or_insert(ZoneGroup {
                zone: zone.to_owned(),
                region,
                people: 0,
            });
            group.people = group.people.saturating_add(*count);
        }
        if refused.is_empty() {
            Ok(by_zone.into_values().collect())
        } else {
            Err(refused)
        }
    }

    fn readings(
        starts_at: DateTime<Utc>,
        minutes: u32,
        groups: &[ZoneGroup],
        parts: &DayParts,
    ) -> Vec<Reading> {
        groups
            .iter()
            .filter_map(|g| {
                let tz = parse_zone(&g.zone).ok()?;
                Some(Reading {
                    zone: g.zone.clone(),
                    local: starts_at.with_timezone(&tz).naive_local(),
                    part: worst_part(starts_at, minutes, &g.zone, parts).ok()?,
                })
            })
            .collect()
    }

    fn check_parts(parts: &DayParts, refused: &mut Vec<Refusal>) {
        let ordered = parts.night_ends <= parts.work_starts
            && parts.work_starts < parts.work_ends
            && parts.work_ends <= parts.evening_ends;
        if !ordered {
            refused.push(("parts".to_owned(), "out-of-range"));
        }
    }

    fn check_minutes(minutes: u32, field: &str, refused: &mut Vec<Refusal>) {
        if !(1..=24 * 60).contains(&minutes) {
            refused.push((field.to_owned(), "duration-out-of-range"));
        }
    }

    fn check_step(step: u32, refused: &mut Vec<Refusal>) {
        if !STEPS_MINUTES.contains(&step) {
            refused.push(("step_minutes".to_owned(), "out-of-range"));
        }
    }

    fn times_between(earliest: NaiveTime, latest: NaiveTime, step: u32) -> Vec<NaiveTime> {
        let mut times = vec![];
        let mut t = earliest;
        while t <= latest {
            times.push(t);
            let next = t + TimeDelta::minutes(i64::from(step));
            if next <= t {
                break; // wrapped past midnight
            }
            t = next;
        }
        times
    }

    /// One meeting: each zone's clock at every hour of the organiser's first day, and the
    /// best slots of every step of every day asked for.
    pub fn plan_meeting(
        question: &MeetingQuestion,
        groups: Vec<ZoneGroup>,
    ) -> Result<MeetingAnswer, Vec<Refusal>> {
        let mut refused = vec![];
        if parse_zone(&question.zone).is_err() {
            refused.push(("zone".to_owned(), "unknown-zone"));
        }
        if question.to < question.from {
            refused.push(("to".to_owned(), "to-before-from"));
        } else if (question.to - question.from).num_days() >= MAX_MEETING_DAYS {
            refused.push(("to".to_owned(), "out-of-range"));
        }
        check_minutes(question.minutes, "minutes", &mut refused);
        check_step(question.step_minutes, &mut refused);
        check_parts(&question.parts, &mut refused);
        if !refused.is_empty() {
            return Err(refused);
        }
        let resolve = |local: NaiveDateTime| resolve_local(local, &question.zone).ok();
        let day = groups
            .iter()
            .map(|g| DayRow {
                zone: g.zone.clone(),
                region: g.region.clone(),
                people: g.people,
                hours: (0..24)
                    .map(|h| {
                        let local = question.from.and_hms_opt(h, 0, 0)?;
                        let at = resolve(local)?;
                        readings(
                            at,
                            question.minutes,
                            std::slice::from_ref(g),
                            &question.parts,
                        )
                        .pop()
                    })
                    .collect(),
            })
            .collect();
        let mut candidates = vec![];
        let mut date = question.from;
        while date <= question.to {
            for time in times_between(
                NaiveTime::MIN,
                last_half_hour_of(question.step_minutes),
                question.step_minutes,
            ) {
                if let Some(at) = resolve(date.and_time(time)) {
                    candidates.push(at);
                }
            }
            let Some(next) = date.checked_add_days(Days::new(1)) else {
                break;
            };
            date = next;
        }
        let ranked = rank(&candidates, question.minutes, &groups, &question.parts)
            .map_err(|_| vec![("zone".to_owned(), "unknown-zone")])?;
        let tz =
            parse_zone(&question.zone).map_err(|_| vec![("zone".to_owned(), "unknown-zone")])?;
        let slots = ranked
            .into_iter()
            .take(BEST_SLOTS)
            .map(|ranked| Slot {
                organiser: ranked.starts_at.with_timezone(&tz).naive_local(),
                readings: readings(ranked.starts_at, question.minutes, &groups, &question.parts),
                ranked,
            })
            .collect();
        Ok(MeetingAnswer {
            groups,
            regions: vec![],
            day,
            slots,
        })
    }

    /// The last start of the day at this step.
    fn last_half_hour_of(step: u32) -> NaiveTime {
        NaiveTime::MIN - TimeDelta::minutes(i64::from(step))
    }

    /// A series: the rotation that shares the night across regions, and the best single time.
    pub fn plan_series(
        question: &SeriesQuestion,
        groups: Vec<ZoneGroup>,
    ) -> Result<SeriesAnswer, Vec<Refusal>> {
        let rule = &question.rule;
        let mut refused: Vec<Refusal> = vec![];
        let dates = match rule.dates() {
            Ok(dates) => dates,
            Err(e) => {
                refused.extend(
                    e.refusals()
                        .into_iter()
                        .map(|(field, code)| (format!("rule.{field}"), code)),
                );
                vec![]
            }
        };
        if parse_zone(&rule.zone).is_err() {
            refused.push(("rule.zone".to_owned(), "unknown-zone"));
        }
        if dates.len() > MAX_SERIES_SESSIONS {
            refused.push(("rule.end".to_owned(), "too-many"));
        }
        if question.latest < question.earliest {
            refused.push(("latest".to_owned(), "ends-before-starts"));
        }
        check_step(question.step_minutes, &mut refused);
        check_parts(&question.parts, &mut refused);
        if question
            .max_nights
            .is_some_and(|n| n as usize > MAX_SERIES_SESSIONS)
        {
            refused.push(("max_nights".to_owned(), "out-of-range"));
        }
        if question
            .pinned
            .iter()
            .any(|p| p.session >= dates.len().max(1))
        {
            refused.push(("pinned".to_owned(), "out-of-range"));
        }
        if !refused.is_empty() {
            return Err(refused);
        }
        let ask = SeriesAsk {
            zone: rule.zone.clone(),
            dates,
            times: times_between(question.earliest, question.latest, question.step_minutes),
            minutes: rule.duration_minutes,
            groups: groups.clone(),
            parts: question.parts,
            max_nights: question.max_nights,
            pinned: question
                .pinned
                .iter()
                .map(|p| (p.session, p.time))
                .collect::<BTreeMap<_, _>>(),
        };
        let proposal = propose(&ask).map_err(|e| match e {
            SeriesError::NoTime(i) => vec![(format!("pinned.{i}"), "no-time")],
            SeriesError::Zone(_) => vec![("rule.zone".to_owned(), "unknown-zone")],
        })?;
        let view = |plan: crate::schedule::fairness::SeriesPlan| PlanView {
            sessions: plan
                .starts_at
                .iter()
                .zip(&ask.dates)
                .zip(&plan.times)
                .map(|((&starts_at, date), time)| PlannedSession {
                    organiser: date.and_time(*time),
                    starts_at,
                    readings: readings(starts_at, ask.minutes, &groups, &ask.parts),
                })
                .collect(),
            burden: plan.burden,
            score: plan.score,
        };
        Ok(SeriesAnswer {
            zone: rule.zone.clone(),
            minutes: rule.duration_minutes,
            fixed_floor: proposal.fixed_floor,
            rotation: view(proposal.rotation),
            fixed: view(proposal.fixed),
            groups,
            regions: vec![],
        })
    }

    /// A plan's sessions as drafts' instants: each start resolved on the organiser's clock.
    pub fn planned_instants(planned: &PlannedSessions) -> Result<Vec<Span>, Vec<Refusal>> {
        let mut refused = vec![];
        if parse_zone(&planned.zone).is_err() {
            refused.push(("zone".to_owned(), "unknown-zone"));
        }
        check_minutes(planned.minutes, "minutes", &mut refused);
        if planned.starts.is_empty() {
            refused.push(("starts".to_owned(), "required"));
        }
        if planned.starts.len() > MAX_SERIES_SESSIONS {
            refused.push(("starts".to_owned(), "too-many"));
        }
        if !refused.is_empty() {
            return Err(refused);
        }
        let mut instants = vec![];
        for (i, local) in planned.starts.iter().enumerate() {
            match resolve_local(*local, &planned.zone) {
                Ok(at) => instants.push((at, at + TimeDelta::minutes(i64::from(planned.minutes)))),
                Err(_) => refused.push((format!("starts.{i}"), "no-time")),
            }
        }
        if refused.is_empty() {
            Ok(instants)
        } else {
            Err(refused)
        }
    }
}

#[cfg(feature = "tz")]
pub use zoned::{groups, plan_meeting, plan_series, planned_instants};

#[cfg(test)]
mod tests;
