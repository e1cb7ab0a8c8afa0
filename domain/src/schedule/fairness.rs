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
        DayParts {
            night_ends: at(7),
            work_starts: at(9),
            work_ends: at(17),
            evening_ends: at(22),
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

/// What a slot asks of one region: people at night, people outside working hours (the
/// night included), out of its people.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegionBurden {
    pub people: u32,
    pub at_night: u32,
    pub outside_working: u32,
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
