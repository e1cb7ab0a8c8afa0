//! Editions and sessions over time: the next cohort of an edition, and which changes of a
//! session the people registered must hear of.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{EditionDraft, SessionDraft};
use crate::Localized;

/// What changed in a session that people with a place must hear of. The edge raises the
/// session's iCalendar `SEQUENCE` and queues a message for each.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SessionChange {
    /// Still on, but moved, elsewhere, or taught in other languages.
    Changed(Changes),
    Cancelled,
    /// A cancelled session back on.
    Reinstated,
}

/// Which parts of a session changed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Changes {
    /// Its start or its end, as instants.
    pub time: bool,
    /// Its place, apart from any web address in it.
    pub place: bool,
    /// A web address in its place (a meeting link).
    pub link: bool,
    /// The languages it is taught in: someone who came for French must know.
    pub languages: bool,
}

/// What changed from `before` to `after` that people must hear of, if anything.
///
/// Not told: a title's change (a typo fixed must not mail everyone, and the calendar feed
/// shows the new title when it is next read); a zone's change that leaves the instants
/// where they were (the organiser's clock was mislabelled, nobody's session moved); a
/// change of marks ("same in every language"). A session's title that changes what it is
/// about is better told by the coordinator's own message.
pub fn session_change(before: &SessionDraft, after: &SessionDraft) -> Option<SessionChange> {
    match (before.cancelled, after.cancelled) {
        (false, true) => return Some(SessionChange::Cancelled),
        (true, false) => return Some(SessionChange::Reinstated),
        // Nobody is told more of a cancelled session.
        (true, true) => return None,
        (false, false) => {}
    }
    let changes = Changes {
        time: before.starts_at != after.starts_at || before.ends_at != after.ends_at,
        place: place_words(&before.location) != place_words(&after.location),
        link: links(&before.location) != links(&after.location),
        languages: before.instruction_languages != after.instruction_languages,
    };
    (changes != Changes::default()).then_some(SessionChange::Changed(changes))
}

/// Whether an edition's private details (its meeting links, its exact address) changed:
/// people with a place hear of it, with the new details.
pub fn private_details_changed(before: &EditionDraft, after: &EditionDraft) -> bool {
    normalised(&before.private_details) != normalised(&after.private_details)
}

fn normalised(text: &Localized) -> Vec<(String, String)> {
    text.0
        .iter()
        .filter(|(_, t)| crate::registration::has_visible(t))
        .map(|(code, t)| {
            (
                code.clone(),
                t.split_whitespace().collect::<Vec<_>>().join(" "),
            )
        })
        .collect()
}

fn is_link(word: &str) -> bool {
    word.starts_with("https://") || word.starts_with("http://")
}

/// The web addresses in a place, in every language.
fn links(location: &Localized) -> BTreeSet<String> {
    location
        .0
        .values()
        .flat_map(|t| t.split_whitespace())
        .filter(|w| is_link(w))
        .map(|w| w.trim_end_matches(['.', ',', ';', ')']).to_owned())
        .collect()
}

/// A place's words per language, without its web addresses and spacing.
fn place_words(location: &Localized) -> Vec<(String, String)> {
    location
        .0
        .iter()
        .map(|(code, t)| {
            let words: Vec<&str> = t.split_whitespace().filter(|w| !is_link(w)).collect();
            (code.clone(), words.join(" "))
        })
        .filter(|(_, words)| !words.is_empty())
        .collect()
}

/// The fewest whole weeks that bring a first session on `first` (its day on the
/// organiser's clock) to `on_or_after` or later: the shift of `duplicate_edition`, which
/// keeps every session's weekday.
pub fn weeks_to_reach(first: NaiveDate, on_or_after: NaiveDate) -> u32 {
    let days = (on_or_after - first).num_days();
    if days <= 0 {
        0
    } else {
        u32::try_from((days as u64).div_ceil(7)).unwrap_or(u32::MAX)
    }
}

#[cfg(feature = "tz")]
mod cohort {
    use chrono::{DateTime, TimeDelta, Utc};

    use crate::authoring::{EditionDraft, PublicationState, SessionDraft};
    use crate::schedule::{parse_zone, resolve_local, ScheduleError};

    /// `t` moved by whole `weeks` on the clocks of `zone`: the same weekday and wall-clock
    /// time, whatever daylight-saving change lies between.
    fn moved(t: DateTime<Utc>, zone: &str, weeks: u32) -> Result<DateTime<Utc>, ScheduleError> {
        let tz = parse_zone(zone)?;
        let local = t.with_timezone(&tz).naive_local() + TimeDelta::weeks(weeks.into());
        resolve_local(local, zone)
    }

    /// The next cohort of `edition`, `weeks` later: the same texts, questions, cost and
    /// capacity (its offering keeps its facilitators), each session on the same weekday at
    /// the same wall-clock time in its own zone, the registration window moved by the same
    /// weeks on the clock of the first session's zone, and a draft, to be read before it is
    /// published. Cancelled sessions come back as planned: the cancellation was the old
    /// cohort's. A moved time that falls in a daylight-saving gap is an error, not a guess.
    pub fn duplicate_edition(
        edition: &EditionDraft,
        sessions: &[SessionDraft],
        weeks: u32,
    ) -> Result<(EditionDraft, Vec<SessionDraft>), ScheduleError> {
        let window_zone = sessions
            .iter()
            .filter(|s| s.starts_at.is_some())
            .min_by_key(|s| s.starts_at)
            .map_or("UTC", |s| s.zone.as_str());
        let move_opt =
            |t: Option<DateTime<Utc>>, zone: &str| t.map(|t| moved(t, zone, weeks)).transpose();
        let next = EditionDraft {
            state: PublicationState::Draft,
            registration_opens_at: move_opt(edition.registration_opens_at, window_zone)?,
            registration_closes_at: move_opt(edition.registration_closes_at, window_zone)?,
            ..edition.clone()
        };
        let sessions = sessions
            .iter()
            .map(|s| {
                Ok(SessionDraft {
                    starts_at: move_opt(s.starts_at, &s.zone)?,
                    ends_at: move_opt(s.ends_at, &s.zone)?,
                    cancelled: false,
                    ..s.clone()
                })
            })
            .collect::<Result<Vec<_>, ScheduleError>>()?;
        Ok((next, sessions))
    }
}

#[cfg(feature = "tz")]
pub use cohort::duplicate_edition;

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{DateTime, Utc};

    fn at(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    fn session() -> SessionDraft {
        SessionDraft {
            title: Localized::new([("fr", "Séance 1"), ("en", "Session 1")]),
            starts_at: Some(at("2027-03-02T23:00:00Z")),
            ends_at: Some(at("2027-03-03T00:30:00Z")),
            zone: "America/Toronto".into(),
            location: Localized::new([
                ("fr", "En ligne : https://meet.example.org/a"),
                ("en", "Online: https://meet.example.org/a"),
            ]),
            ..Default::default()
        }
    }

    #[test]
    fn a_title_typo_is_not_news_but_time_place_link_and_languages_are() {
        let before = session();
        let typo = SessionDraft {
            title: Localized::new([("fr", "Séance 1 !"), ("en", "Session one")]),
            ..before.clone()
        };
        assert_eq!(session_change(&before, &typo), None);
        // The same instants in another zone's words: nobody's session moved.
        let relabelled = SessionDraft {
            zone: "America/New_York".into(),
            ..before.clone()
        };
        assert_eq!(session_change(&before, &relabelled), None);

        let later = SessionDraft {
            starts_at: Some(at("2027-03-03T00:00:00Z")),
            ..before.clone()
        };
        assert_eq!(
            session_change(&before, &later),
            Some(SessionChange::Changed(Changes {
                time: true,
                ..Changes::default()
            }))
        );
        let new_link = SessionDraft {
            location: Localized::new([
                ("fr", "En ligne : https://meet.example.org/b"),
                ("en", "Online: https://meet.example.org/b"),
            ]),
            ..before.clone()
        };
        assert_eq!(
            session_change(&before, &new_link),
            Some(SessionChange::Changed(Changes {
                link: true,
                ..Changes::default()
            }))
        );
        let in_a_room = SessionDraft {
            location: Localized::new([("fr", "Salle 2, Montréal"), ("en", "Room 2, Montréal")]),
            ..before.clone()
        };
        assert_eq!(
            session_change(&before, &in_a_room),
            Some(SessionChange::Changed(Changes {
                place: true,
                link: true,
                ..Changes::default()
            }))
        );
        let in_english = SessionDraft {
            instruction_languages: Some(vec!["en".into()]),
            ..before.clone()
        };
        assert_eq!(
            session_change(&before, &in_english),
            Some(SessionChange::Changed(Changes {
                languages: true,
                ..Changes::default()
            }))
        );
    }

    #[test]
    fn cancelling_is_told_apart() {
        let before = session();
        let cancelled = SessionDraft {
            cancelled: true,
            ..before.clone()
        };
        assert_eq!(
            session_change(&before, &cancelled),
            Some(SessionChange::Cancelled)
        );
        assert_eq!(
            session_change(&cancelled, &before),
            Some(SessionChange::Reinstated)
        );
        let moved_while_cancelled = SessionDraft {
            starts_at: Some(at("2027-03-03T00:00:00Z")),
            ..cancelled.clone()
        };
        assert_eq!(session_change(&cancelled, &moved_while_cancelled), None);
    }

    #[test]
    fn private_details_are_compared_as_written() {
        let before = EditionDraft {
            private_details: Localized::new([("fr", "Lien : https://meet.example.org/a")]),
            ..Default::default()
        };
        let spaced = EditionDraft {
            private_details: Localized::new([("fr", "Lien :  https://meet.example.org/a\n")]),
            ..Default::default()
        };
        let other = EditionDraft {
            private_details: Localized::new([("fr", "Lien : https://meet.example.org/b")]),
            ..Default::default()
        };
        assert!(!private_details_changed(&before, &spaced));
        assert!(private_details_changed(&before, &other));
    }

    #[test]
    fn weeks_to_reach_keep_the_weekday() {
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        assert_eq!(weeks_to_reach(d("2027-03-02"), d("2027-03-02")), 0);
        assert_eq!(weeks_to_reach(d("2027-03-02"), d("2027-03-03")), 1);
        assert_eq!(weeks_to_reach(d("2027-03-02"), d("2027-03-09")), 1);
        assert_eq!(weeks_to_reach(d("2027-03-02"), d("2027-03-10")), 2);
        assert_eq!(weeks_to_reach(d("2027-03-02"), d("2026-01-01")), 0);
    }

    #[cfg(feature = "tz")]
    #[test]
    fn the_next_cohort_keeps_18_00_in_toronto_across_the_march_change() {
        use crate::authoring::{Cost, PublicationState};
        use crate::registration::Question;
        // Tuesdays at 18:00 in Toronto, in February (EST, UTC-5): 23:00 UTC.
        let weekly: Vec<SessionDraft> = (0..3)
            .map(|i| SessionDraft {
                starts_at: Some(at("2027-02-09T23:00:00Z") + chrono::TimeDelta::weeks(i)),
                ends_at: Some(at("2027-02-10T00:30:00Z") + chrono::TimeDelta::weeks(i)),
                cancelled: i == 1,
                ..session()
            })
            .collect();
        let edition = EditionDraft {
            state: PublicationState::Published,
            title: Localized::new([("fr", "Cohorte"), ("en", "Cohort")]),
            capacity: Some(25),
            registration_closes_at: Some(at("2027-02-09T05:00:00Z")),
            questions: vec![Question {
                id: "why".into(),
                label: Localized::new([("fr", "Pourquoi ?"), ("en", "Why?")]),
                required: true,
                priority: false,
            }],
            cost: Some(Cost::free()),
            instruction_languages: vec!["fr".into()],
            ..Default::default()
        };
        // Five weeks later: across 14 March 2027, when Toronto moves to EDT (UTC-4).
        let (next, sessions) = duplicate_edition(&edition, &weekly, 5).unwrap();
        assert_eq!(next.state, PublicationState::Draft);
        assert_eq!(
            (&next.title, &next.questions, next.capacity, &next.cost),
            (
                &edition.title,
                &edition.questions,
                edition.capacity,
                &edition.cost
            )
        );
        let starts: Vec<String> = sessions
            .iter()
            .map(|s| s.starts_at.unwrap().to_rfc3339())
            .collect();
        assert_eq!(
            starts,
            [
                "2027-03-16T22:00:00+00:00",
                "2027-03-23T22:00:00+00:00",
                "2027-03-30T22:00:00+00:00"
            ],
            "18:00 on Tuesdays in Toronto, now an hour earlier in UTC"
        );
        assert_eq!(
            sessions[0].ends_at,
            Some(at("2027-03-16T23:30:00Z")),
            "19:30 in Toronto"
        );
        assert!(
            sessions.iter().all(|s| !s.cancelled),
            "cancelled in the old cohort only"
        );
        assert_eq!(sessions[0].title, weekly[0].title);
        // Midnight of 9 February in Toronto (05:00 UTC) → midnight of 16 March (04:00 UTC).
        assert_eq!(
            next.registration_closes_at,
            Some(at("2027-03-16T04:00:00Z"))
        );
        assert!(duplicate_edition(&edition, &weekly, 0).is_ok());
    }

    #[cfg(feature = "tz")]
    #[test]
    fn a_moved_time_in_a_gap_is_an_error() {
        // 02:30 on a Sunday in Toronto, five weeks before the 14 March 2027 gap.
        let s = SessionDraft {
            starts_at: Some(at("2027-02-07T07:30:00Z")),
            ends_at: Some(at("2027-02-07T09:00:00Z")),
            ..session()
        };
        assert!(duplicate_edition(&EditionDraft::default(), &[s], 5).is_err());
    }
}
