//! Whom a meeting's hour is hard on. Each participant zone's clock at a slot falls in working
//! hours, the evening, the early morning or the night (bounds the coordinator may move);
//! people are counted per region, and candidate slots are ranked by who they put at night
//! first, then outside working hours.
//!
//! Regions are the caller's data (a zone group names its region), never inferred here.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveTime, Utc};
use serde::{Deserialize, Serialize};

/// What part of a person's day an hour is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DayPart {
    Working,
    Evening,
    Early,
    Night,
}

impl DayPart {
    /// Outside working hours but not the night: asked of people, not taken from their sleep.
    pub fn is_outside_working(self) -> bool {
        self != DayPart::Working
    }
}

/// Where a day's parts begin on the local clock: the night ends at `night_ends` (early
/// morning until work), work runs from `work_starts` to `work_ends`, the evening until
/// `evening_ends`, then the night.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayParts {
    pub night_ends: NaiveTime,
    pub work_starts: NaiveTime,
    pub work_ends: NaiveTime,
    pub evening_ends: NaiveTime,
}

impl Default for DayParts {
    fn default() -> Self {
        let at = |h| NaiveTime::from_hms_opt(h, 0, 0).unwrap_or(NaiveTime::MIN);
        // The night is the catalog's, so "fits my daytime" and the assistant agree.
        DayParts {
            night_ends: at(crate::schedule::NIGHT_ENDS),
            work_starts: at(9),
            work_ends: at(17),
            evening_ends: at(crate::schedule::NIGHT_STARTS),
        }
    }
}

impl DayParts {
    /// The part of the day a local time is in.
    pub fn of(&self, local: NaiveTime) -> DayPart {
        if local < self.night_ends || local >= self.evening_ends {
            DayPart::Night
        } else if local < self.work_starts {
            DayPart::Early
        } else if local < self.work_ends {
            DayPart::Working
        } else {
            DayPart::Evening
        }
    }
}

/// People in one zone, and the region they are counted in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ZoneGroup {
    pub zone: String,
    pub region: String,
    pub people: u32,
}

/// What a slot, or a series, asks of one region: people at night and people outside working
/// hours (the night included), counted once per session (people × sessions), out of its
/// people; and the sessions that put some of its people at night, or outside working hours
/// but none at night.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegionBurden {
    pub people: u32,
    pub at_night: u32,
    pub outside_working: u32,
    pub night_sessions: u32,
    pub early_or_late_sessions: u32,
}

impl RegionBurden {
    /// Adds one session's burden to a series'.
    pub fn add_session(&mut self, session: &RegionBurden) {
        self.people = session.people;
        self.at_night += session.at_night;
        self.outside_working += session.outside_working;
        self.night_sessions += session.night_sessions;
        self.early_or_late_sessions += session.early_or_late_sessions;
    }
}

/// A slot's burden, per region (ordered by name, whatever order the groups came in).
pub type Burden = BTreeMap<String, RegionBurden>;

/// A candidate slot with what it asks of each region.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RankedSlot {
    pub starts_at: DateTime<Utc>,
    pub burden: Burden,
    pub at_night: u32,
    pub outside_working: u32,
}

#[cfg(feature = "tz")]
mod zoned {
    use chrono::{DateTime, TimeDelta, Utc};

    use super::{Burden, DayPart, DayParts, RankedSlot, ZoneGroup};
    use crate::schedule::{parse_zone, ScheduleError};

    /// How often a meeting's span is looked at: a half-hour meeting ending in the night is
    /// in the night.
    const STEP_MINUTES: i64 = 15;

    /// The worst part of the day a meeting from `starts_at` for `minutes` touches in `zone`.
    pub fn worst_part(
        starts_at: DateTime<Utc>,
        minutes: u32,
        zone: &str,
        parts: &DayParts,
    ) -> Result<DayPart, ScheduleError> {
        let tz = parse_zone(zone)?;
        let last = i64::from(minutes.max(1)) - 1;
        let mut offsets: Vec<i64> = (0..=last).step_by(STEP_MINUTES as usize).collect();
        offsets.push(last);
        Ok(offsets
            .into_iter()
            .map(|m| {
                let local = (starts_at + TimeDelta::minutes(m)).with_timezone(&tz);
                parts.of(local.time())
            })
            .max()
            .unwrap_or(DayPart::Working))
    }

    /// What one slot asks of each region.
    pub fn burden(
        starts_at: DateTime<Utc>,
        minutes: u32,
        groups: &[ZoneGroup],
        parts: &DayParts,
    ) -> Result<Burden, ScheduleError> {
        let mut burden = Burden::new();
        for group in groups {
            let part = worst_part(starts_at, minutes, &group.zone, parts)?;
            let region = burden.entry(group.region.clone()).or_default();
            region.people += group.people;
            if part == DayPart::Night {
                region.at_night += group.people;
            }
            if part.is_outside_working() {
                region.outside_working += group.people;
            }
        }
        for region in burden.values_mut() {
            region.night_sessions = u32::from(region.at_night > 0);
            region.early_or_late_sessions =
                u32::from(region.at_night == 0 && region.outside_working > 0);
        }
        Ok(burden)
    }

    /// The candidates, fewest people at night first, then fewest outside working hours,
    /// then the earliest.
    pub fn rank(
        candidates: &[DateTime<Utc>],
        minutes: u32,
        groups: &[ZoneGroup],
        parts: &DayParts,
    ) -> Result<Vec<RankedSlot>, ScheduleError> {
        let mut ranked = candidates
            .iter()
            .map(|&starts_at| {
                let burden = burden(starts_at, minutes, groups, parts)?;
                Ok(RankedSlot {
                    starts_at,
                    at_night: burden.values().map(|r| r.at_night).sum(),
                    outside_working: burden.values().map(|r| r.outside_working).sum(),
                    burden,
                })
            })
            .collect::<Result<Vec<_>, ScheduleError>>()?;
        ranked.sort_by_key(|r| (r.at_night, r.outside_working, r.starts_at));
        Ok(ranked)
    }
}

#[cfg(feature = "tz")]
pub use zoned::{burden, rank, worst_part};

#[cfg(test)]
mod tests;

/// A series to place: its dates and the times it may start at, both on the organiser's
/// clock, and what the coordinator holds fixed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeriesAsk {
    pub zone: String,
    pub dates: Vec<chrono::NaiveDate>,
    pub times: Vec<NaiveTime>,
    pub minutes: u32,
    pub groups: Vec<ZoneGroup>,
    pub parts: DayParts,
    /// No region with people at night in more sessions than this, where the times allow it.
    pub max_nights: Option<u32>,
    /// Sessions (by index) whose time the coordinator chose.
    pub pinned: BTreeMap<usize, NaiveTime>,
}

/// A time for each session, and what the whole series asks of each region.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SeriesPlan {
    pub times: Vec<NaiveTime>,
    pub starts_at: Vec<DateTime<Utc>>,
    pub burden: Burden,
    pub score: Score,
}

/// How a plan is judged, worst first: night sessions beyond the cap (summed over regions), then the
/// worst region's nights per person, then its hours outside work per person, then everyone's.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Score {
    pub over_cap: u32,
    pub worst_nights_per_person: f64,
    pub worst_outside_per_person: f64,
    pub at_night: u32,
    pub outside_working: u32,
}

impl Score {
    fn key(&self) -> (u32, u64, u64, u32, u32) {
        // Per-person rates compared exactly enough: thousandths of a session.
        let milli = |x: f64| (x * 1000.0).round() as u64;
        (
            self.over_cap,
            milli(self.worst_nights_per_person),
            milli(self.worst_outside_per_person),
            self.at_night,
            self.outside_working,
        )
    }

    /// Whether `self` is a better plan's score than `other`.
    pub fn better_than(&self, other: &Score) -> bool {
        self.key() < other.key()
    }
}

/// A rotation and the best single time, side by side: what fairness costs and gains.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SeriesProposal {
    pub rotation: SeriesPlan,
    pub fixed: SeriesPlan,
    /// The fewest night sessions any single time leaves to its worst region: what keeping one
    /// time costs at best.
    pub fixed_floor: u32,
}

#[cfg(feature = "tz")]
mod series {
    use chrono::{DateTime, NaiveTime, Utc};

    use super::{burden, Burden, Score, SeriesAsk, SeriesPlan, SeriesProposal};
    use crate::schedule::{resolve_local, ScheduleError};

    /// Why a series cannot be placed.
    #[derive(Debug, PartialEq, Eq, thiserror::Error)]
    pub enum SeriesError {
        #[error(transparent)]
        Zone(#[from] ScheduleError),
        #[error("session {0} has no time it can start at")]
        NoTime(usize),
    }

    /// One session's choices: each time that exists that day, with its instant and its
    /// burden (worked out once, read by every score).
    struct Choice {
        time: NaiveTime,
        starts_at: DateTime<Utc>,
        burden: Burden,
    }

    fn choices(ask: &SeriesAsk) -> Result<Vec<Vec<Choice>>, SeriesError> {
        let mut all = vec![];
        for (i, date) in ask.dates.iter().enumerate() {
            let times: Vec<NaiveTime> = match ask.pinned.get(&i) {
                Some(t) => vec![*t],
                None => ask.times.clone(),
            };
            let mut day = vec![];
            for time in times {
                // A time a clock change skips that day is not offered.
                let Ok(starts_at) = resolve_local(date.and_time(time), &ask.zone) else {
                    continue;
                };
                day.push(Choice {
                    time,
                    starts_at,
                    burden: burden(starts_at, ask.minutes, &ask.groups, &ask.parts)?,
                });
            }
            if day.is_empty() {
                return Err(SeriesError::NoTime(i));
            }
            all.push(day);
        }
        Ok(all)
    }

    fn score(ask: &SeriesAsk, all: &[Vec<Choice>], picks: &[usize]) -> (Burden, Score) {
        let mut total = Burden::new();
        for (session, &pick) in picks.iter().enumerate() {
            for (region, b) in &all[session][pick].burden {
                total.entry(region.clone()).or_default().add_session(b);
            }
        }
        let over_cap = ask
            .max_nights
            .map(|cap| {
                total
                    .values()
                    .map(|b| b.night_sessions.saturating_sub(cap))
                    .sum()
            })
            .unwrap_or(0);
        let rate = |x: u32, people: u32| {
            if people == 0 {
                0.0
            } else {
                f64::from(x) / f64::from(people)
            }
        };
        let score = Score {
            over_cap,
            worst_nights_per_person: total
                .values()
                .map(|b| rate(b.at_night, b.people))
                .fold(0.0, f64::max),
            worst_outside_per_person: total
                .values()
                .map(|b| rate(b.outside_working, b.people))
                .fold(0.0, f64::max),
            at_night: total.values().map(|b| b.at_night).sum(),
            outside_working: total.values().map(|b| b.outside_working).sum(),
        };
        (total, score)
    }

    fn plan(ask: &SeriesAsk, all: &[Vec<Choice>], picks: &[usize]) -> SeriesPlan {
        let (burden, score) = score(ask, all, picks);
        SeriesPlan {
            times: picks
                .iter()
                .enumerate()
                .map(|(s, &p)| all[s][p].time)
                .collect(),
            starts_at: picks
                .iter()
                .enumerate()
                .map(|(s, &p)| all[s][p].starts_at)
                .collect(),
            burden,
            score,
        }
    }

    /// Each session in turn takes the time that makes the series so far best (the earliest
    /// time on a tie).
    fn grow(ask: &SeriesAsk, all: &[Vec<Choice>]) -> Vec<usize> {
        let mut picks: Vec<usize> = Vec::with_capacity(all.len());
        for day in all {
            let mut best: Option<(usize, Score)> = None;
            for option in 0..day.len() {
                picks.push(option);
                let s = score(ask, all, &picks).1;
                picks.pop();
                if best.as_ref().is_none_or(|(_, b)| s.better_than(b)) {
                    best = Some((option, s));
                }
            }
            picks.push(best.map_or(0, |(option, _)| option));
        }
        picks
    }

    /// Changes one session at a time while that makes the series strictly better.
    fn improve(ask: &SeriesAsk, all: &[Vec<Choice>], mut picks: Vec<usize>) -> Vec<usize> {
        let mut current = score(ask, all, &picks).1;
        // Each round changes at least one session for the better, and scores are finite.
        for _ in 0..(all.len() * ask.times.len().max(1) * 4) {
            let mut improved = false;
            for session in 0..all.len() {
                for option in 0..all[session].len() {
                    if option == picks[session] {
                        continue;
                    }
                    let was = picks[session];
                    picks[session] = option;
                    let s = score(ask, all, &picks).1;
                    if s.better_than(&current) {
                        current = s;
                        improved = true;
                    } else {
                        picks[session] = was;
                    }
                }
            }
            if !improved {
                break;
            }
        }
        picks
    }

    /// The best single time for every session (where a day lacks it, that day's first), and
    /// a rotation grown from it one session at a time, each change kept only when it makes
    /// the series strictly better: never worse than the single time.
    pub fn propose(ask: &SeriesAsk) -> Result<SeriesProposal, SeriesError> {
        let all = choices(ask)?;
        let fixed_picks = |time: NaiveTime| -> Vec<usize> {
            all.iter()
                .map(|day| day.iter().position(|c| c.time == time).unwrap_or(0))
                .collect()
        };
        let worst_nights = |burden: &Burden| burden.values().map(|b| b.night_sessions).max();
        let mut best_fixed = fixed_picks(ask.times.first().copied().unwrap_or(NaiveTime::MIN));
        let (first_burden, mut best_score) = score(ask, &all, &best_fixed);
        let mut fixed_floor = worst_nights(&first_burden).unwrap_or(0);
        for &time in &ask.times {
            let picks = fixed_picks(time);
            let (burden, s) = score(ask, &all, &picks);
            fixed_floor = fixed_floor.min(worst_nights(&burden).unwrap_or(0));
            if s.better_than(&best_score) {
                best_fixed = picks;
                best_score = s;
            }
        }
        // Two starts, each improved one session at a time: the best single time, and a plan
        // grown session by session, each taking the time that is best for the series so far
        // (it shares the nights from the start, where changing one session at a time from a
        // single time can stop short). The better result is kept.
        let mut picks = improve(ask, &all, best_fixed.clone());
        let grown = improve(ask, &all, grow(ask, &all));
        if score(ask, &all, &grown)
            .1
            .better_than(&score(ask, &all, &picks).1)
        {
            picks = grown;
        }
        Ok(SeriesProposal {
            rotation: plan(ask, &all, &picks),
            fixed: plan(ask, &all, &best_fixed),
            fixed_floor,
        })
    }
}

#[cfg(feature = "tz")]
pub use series::{propose, SeriesError};
