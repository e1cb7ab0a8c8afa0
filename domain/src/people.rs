//! The people behind an edition, as its coordinators and facilitators see them in the
//! dashboard: which registrations a filter keeps (status, region, zone, language, priority
//! group, words in their answers), the counts by status, region, zone and language,
//! attendance per session (present, absent, excused — or not marked yet) and its figures,
//! and what the CSV export holds: only the fields the privacy notice names, with a
//! separator that suits the spreadsheet of the reader's language.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::catalog::query::{matches_text, search_key};
use crate::coordination::EditionCounts;
use crate::registration::{FormQuestion, Status};
use crate::{Lang, Text};

/// How a person with a place took part in one session.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AttendanceMark {
    Present,
    Absent,
    /// Absent, and said so beforehand.
    Excused,
}

impl AttendanceMark {
    pub const ALL: [AttendanceMark; 3] = [
        AttendanceMark::Present,
        AttendanceMark::Absent,
        AttendanceMark::Excused,
    ];

    /// The stored name (`attendance.mark`).
    pub fn as_str(self) -> &'static str {
        match self {
            AttendanceMark::Present => "present",
            AttendanceMark::Absent => "absent",
            AttendanceMark::Excused => "excused",
        }
    }

    pub fn parse(s: &str) -> Option<AttendanceMark> {
        AttendanceMark::ALL.into_iter().find(|m| m.as_str() == s)
    }
}

/// Whether someone in `status` is on a session's attendance list: everyone with a place.
pub fn takes_attendance(status: Status) -> bool {
    status.holds_place()
}

impl std::ops::Add for AttendanceFigures {
    type Output = AttendanceFigures;

    fn add(self, other: AttendanceFigures) -> AttendanceFigures {
        AttendanceFigures {
            present: self.present + other.present,
            absent: self.absent + other.absent,
            excused: self.excused + other.excused,
            unmarked: self.unmarked + other.unmarked,
        }
    }
}

/// A session's (or an edition's, summed) attendance: marks given, and people with a place
/// not marked yet.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttendanceFigures {
    pub present: u32,
    pub absent: u32,
    pub excused: u32,
    pub unmarked: u32,
}

impl AttendanceFigures {
    /// The figures of one session's list: one entry per person with a place.
    pub fn of(marks: impl IntoIterator<Item = Option<AttendanceMark>>) -> AttendanceFigures {
        marks
            .into_iter()
            .fold(AttendanceFigures::default(), |mut f, mark| {
                match mark {
                    Some(AttendanceMark::Present) => f.present += 1,
                    Some(AttendanceMark::Absent) => f.absent += 1,
                    Some(AttendanceMark::Excused) => f.excused += 1,
                    None => f.unmarked += 1,
                }
                f
            })
    }

    pub fn total(&self) -> u32 {
        self.present + self.absent + self.excused + self.unmarked
    }
}

/// What the people page asks for. Every part is optional; the names are the API's query
/// (`language`, not `lang`: `lang` is the language the answer is written in) and the page's
/// address.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeopleFilter {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zone: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// `Some(true)`: only the priority group; `Some(false)`: only those outside it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority: Option<bool>,
    /// Words looked for in the answers (and the name, address, organisation and needs),
    /// whatever their case and accents.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub q: Option<String>,
}

/// The longest text search taken.
pub const MAX_SEARCH: usize = 200;

impl PeopleFilter {
    /// The filter a query string asks for; unknown names are ignored, and so are empty
    /// values. An unknown status or priority is refused by name (`field-<code>`).
    pub fn from_query<'a>(
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<PeopleFilter, (&'static str, &'static str)> {
        let mut filter = PeopleFilter::default();
        for (name, value) in pairs {
            let value = value.trim();
            if value.is_empty() {
                continue;
            }
            match name {
                "status" => {
                    filter.status = Some(Status::parse(value).ok_or(("status", "unknown-status"))?)
                }
                "region" => filter.region = Some(value.to_owned()),
                "zone" => filter.zone = Some(value.to_owned()),
                "language" => filter.language = Some(value.to_owned()),
                "priority" => {
                    filter.priority = Some(match value {
                        "true" | "1" => true,
                        "false" | "0" => false,
                        _ => return Err(("priority", "unknown-priority")),
                    })
                }
                "q" if value.chars().count() > MAX_SEARCH => return Err(("q", "too-long")),
                "q" => filter.q = Some(value.to_owned()),
                _ => {}
            }
        }
        Ok(filter)
    }

    /// This filter as query pairs, in a fixed order, leaving out what is not set.
    pub fn pairs(&self) -> Vec<(&'static str, String)> {
        let mut out = vec![];
        let mut push = |k: &'static str, v: Option<String>| {
            if let Some(v) = v {
                out.push((k, v));
            }
        };
        push("status", self.status.map(|s| s.as_str().to_owned()));
        push("region", self.region.clone());
        push("zone", self.zone.clone());
        push("language", self.language.clone());
        push("priority", self.priority.map(|p| p.to_string()));
        push("q", self.q.clone());
        out
    }

    pub fn is_empty(&self) -> bool {
        *self == PeopleFilter::default()
    }

    /// Whether `person` is kept.
    pub fn keeps(&self, person: &EditionPerson) -> bool {
        self.status.is_none_or(|s| person.status == s)
            && self
                .region
                .as_deref()
                .is_none_or(|r| same(r, &person.region))
            && self.zone.as_deref().is_none_or(|z| z == person.zone)
            && self.language.as_deref().is_none_or(|l| l == person.lang)
            && self.priority.is_none_or(|p| p == person.priority)
            && self.q.as_deref().is_none_or(|q| person.mentions(q))
    }
}

/// Two regions the same, whatever their case and accents (« Québec », « quebec »).
fn same(a: &str, b: &str) -> bool {
    search_key(a.trim()) == search_key(b.trim())
}

/// An answer to one of the edition's questions, under the question's label in the reader's
/// language (none when the question is no longer asked).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Answer {
    pub question: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<Text>,
    pub text: String,
}

/// The answers of `answers` (by question id) in the order of `questions`, labelled; answers
/// to questions no longer asked come last, in id order, unlabelled. Empty answers are left
/// out.
pub fn labelled_answers(
    questions: &[FormQuestion],
    answers: &BTreeMap<String, String>,
) -> Vec<Answer> {
    let asked = questions.iter().filter_map(|q| {
        answers.get(&q.id).map(|text| Answer {
            question: q.id.clone(),
            label: Some(q.label.clone()),
            text: text.clone(),
        })
    });
    let others = answers
        .iter()
        .filter(|(id, _)| !questions.iter().any(|q| &q.id == *id))
        .map(|(id, text)| Answer {
            question: id.clone(),
            label: None,
            text: text.clone(),
        });
    asked
        .chain(others)
        .filter(|a| !a.text.trim().is_empty())
        .collect()
}

/// One person registered for an edition, as the people page shows them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EditionPerson {
    pub id: String,
    pub name: String,
    pub email: String,
    /// The language of their messages.
    pub lang: String,
    pub zone: String,
    pub region: String,
    pub organisation: String,
    pub accessibility: String,
    /// In the priority group.
    pub priority: bool,
    pub status: Status,
    pub arrival: u32,
    /// Their position on the waiting list (1 = next), when waiting.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub waitlist_position: Option<u32>,
    /// When they registered (RFC 3339, UTC).
    pub created_at: String,
    pub answers: Vec<Answer>,
}

impl EditionPerson {
    /// Whether every word of `search` is in their answers, name, address, organisation or
    /// needs (case and accents aside).
    pub fn mentions(&self, search: &str) -> bool {
        matches_text(
            search,
            [
                self.name.as_str(),
                &self.email,
                &self.organisation,
                &self.accessibility,
            ]
            .into_iter()
            .chain(self.answers.iter().map(|a| a.text.as_str())),
        )
    }
}

/// How many people have each value (`value` as stored: a status, a region, a zone, a
/// language code), most first, then by value.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Count {
    pub value: String,
    pub count: u32,
}

/// The edition's counts, whatever the filter (they are also the filter's choices), and how
/// many people the filter kept.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeopleCounts {
    /// Everyone registered for the edition.
    pub total: u32,
    /// Those the filter kept.
    pub shown: u32,
    pub by_status: Vec<Count>,
    /// An empty region (not given) counts under "".
    pub by_region: Vec<Count>,
    pub by_zone: Vec<Count>,
    pub by_language: Vec<Count>,
}

impl PeopleCounts {
    pub fn of(everyone: &[EditionPerson], filter: &PeopleFilter) -> Self {
        let count = |key: &dyn Fn(&EditionPerson) -> String| {
            let mut by: BTreeMap<String, u32> = BTreeMap::new();
            for p in everyone {
                *by.entry(key(p)).or_default() += 1;
            }
            let mut counts: Vec<Count> = by
                .into_iter()
                .map(|(value, count)| Count { value, count })
                .collect();
            counts.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
            counts
        };
        PeopleCounts {
            total: everyone.len() as u32,
            shown: everyone.iter().filter(|p| filter.keeps(p)).count() as u32,
            by_status: count(&|p| p.status.as_str().to_owned()),
            by_region: count(&|p| p.region.trim().to_owned()),
            by_zone: count(&|p| p.zone.clone()),
            by_language: count(&|p| p.lang.clone()),
        }
    }
}

/// One of the edition's sessions with its attendance figures.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SessionFigures {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Text>,
    pub starts_at: chrono::DateTime<chrono::Utc>,
    pub ends_at: chrono::DateTime<chrono::Utc>,
    pub cancelled: bool,
    pub figures: AttendanceFigures,
}

/// `GET /api/dashboard/editions/{id}/registrations`: an edition's people as a filter keeps
/// them, the priority group first, then arrival order; those no longer in play last.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EditionPeople {
    pub edition: EditionCounts,
    pub offering_title: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Text>,
    /// The registration form's questions, in the reader's language.
    pub questions: Vec<FormQuestion>,
    pub filter: PeopleFilter,
    pub counts: PeopleCounts,
    pub people: Vec<EditionPerson>,
    /// The sessions, first first, each with its attendance.
    pub sessions: Vec<SessionFigures>,
    /// Every session's figures summed.
    pub attendance: AttendanceFigures,
    /// Whether the caller may decide on registrations (coordinators), or only read them
    /// (facilitators).
    pub may_decide: bool,
}

/// One person on a session's attendance list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AttendanceLine {
    pub registration_id: String,
    pub name: String,
    pub status: Status,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mark: Option<AttendanceMark>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub marked_at: Option<String>,
}

/// A list in the order people look for a name at the door: alphabetical, whatever the case
/// and accents (« Émile » before « Zoé »).
pub fn sort_by_name(lines: &mut [AttendanceLine]) {
    lines.sort_by_cached_key(|l| search_key(&l.name));
}

/// `GET /api/dashboard/sessions/{id}/attendance`: everyone with a place, by name, and the
/// session's figures.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SessionAttendance {
    pub session: SessionFigures,
    pub edition_id: String,
    pub offering_title: Text,
    pub people: Vec<AttendanceLine>,
}

/// A mark asked for one person at one session.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MarkRequest {
    pub mark: AttendanceMark,
}

/// The answer to a mark: the person's line and the session's figures after it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MarkAnswer {
    pub line: AttendanceLine,
    pub figures: AttendanceFigures,
}

/// The separator of the CSV export.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Separator {
    Comma,
    Semicolon,
}

impl Separator {
    pub const ALL: [Separator; 2] = [Separator::Comma, Separator::Semicolon];

    pub fn as_str(self) -> &'static str {
        match self {
            Separator::Comma => "comma",
            Separator::Semicolon => "semicolon",
        }
    }

    pub fn parse(s: &str) -> Option<Separator> {
        Separator::ALL.into_iter().find(|x| x.as_str() == s)
    }

    pub fn byte(self) -> u8 {
        match self {
            Separator::Comma => b',',
            Separator::Semicolon => b';',
        }
    }

    /// What spreadsheets expect in `lang`: French ones read the comma as the decimal mark,
    /// so their lists are separated by semicolons.
    pub fn for_lang(lang: Lang) -> Separator {
        if lang.code() == "fr" {
            Separator::Semicolon
        } else {
            Separator::Comma
        }
    }
}

/// The columns of the CSV export, in order: only what the privacy notice says is collected
/// (name, address, language and zone of messages, region, organisation, accessibility
/// needs, answers), and what the registration became. The answers follow, one column per
/// question, then one column per session with its attendance. Headers are the messages
/// `csv-<name>`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    Name,
    Email,
    Language,
    Zone,
    Region,
    Organisation,
    Accessibility,
    Priority,
    Status,
    RegisteredAt,
}

impl Column {
    pub const ALL: [Column; 10] = [
        Column::Name,
        Column::Email,
        Column::Language,
        Column::Zone,
        Column::Region,
        Column::Organisation,
        Column::Accessibility,
        Column::Priority,
        Column::Status,
        Column::RegisteredAt,
    ];

    /// The header's message id.
    pub fn message(self) -> &'static str {
        match self {
            Column::Name => "csv-name",
            Column::Email => "csv-email",
            Column::Language => "csv-language",
            Column::Zone => "csv-zone",
            Column::Region => "csv-region",
            Column::Organisation => "csv-organisation",
            Column::Accessibility => "csv-accessibility",
            Column::Priority => "csv-priority",
            Column::Status => "csv-status",
            Column::RegisteredAt => "csv-registered-at",
        }
    }
}

/// A cell of the export as written: text a spreadsheet would run as a formula (starting
/// with `=`, `+`, `-`, `@` or a tab) is kept as text by a leading apostrophe.
pub fn spreadsheet_cell(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

/// The export's file name: `relais-<edition>-<date>.csv`, with only letters, digits and
/// dashes from the edition's id.
pub fn export_file_name(edition_id: &str, date: chrono::NaiveDate) -> String {
    let id: String = edition_id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '-'
            }
        })
        .take(80)
        .collect();
    format!("relais-{id}-{}.csv", date.format("%Y-%m-%d"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(name: &str, status: Status) -> EditionPerson {
        EditionPerson {
            id: format!("reg-{name}"),
            name: name.into(),
            email: format!("{}@example.org", name.to_lowercase()),
            lang: "fr".into(),
            zone: "America/Montreal".into(),
            region: "Québec".into(),
            organisation: String::new(),
            accessibility: String::new(),
            priority: false,
            status,
            arrival: 1,
            waitlist_position: None,
            created_at: "2026-03-01T12:00:00Z".into(),
            answers: vec![Answer {
                question: "motivation".into(),
                label: None,
                text: "Organiser la solidarité alimentaire".into(),
            }],
        }
    }

    #[test]
    fn marks_round_trip_and_only_people_with_a_place_are_on_the_list() {
        for mark in AttendanceMark::ALL {
            assert_eq!(AttendanceMark::parse(mark.as_str()), Some(mark));
        }
        assert_eq!(AttendanceMark::parse("late"), None);
        for status in Status::ALL {
            assert_eq!(takes_attendance(status), status.holds_place(), "{status:?}");
        }
        assert!(!takes_attendance(Status::Waitlisted));
        assert!(takes_attendance(Status::Confirmed));
    }

    #[test]
    fn figures_count_each_mark_and_the_unmarked() {
        use AttendanceMark::*;
        let f = AttendanceFigures::of([Some(Present), Some(Present), None, Some(Excused)]);
        assert_eq!(
            f,
            AttendanceFigures {
                present: 2,
                absent: 0,
                excused: 1,
                unmarked: 1
            }
        );
        assert_eq!(f.total(), 4);
        let g = f + AttendanceFigures::of([Some(Absent)]);
        assert_eq!((g.absent, g.total()), (1, 5));
    }

    #[test]
    fn a_filter_reads_the_query_and_writes_it_back() {
        let f = PeopleFilter::from_query([
            ("status", "confirmed"),
            ("region", "Québec"),
            ("language", "fr"),
            ("priority", "true"),
            ("q", "solidarité"),
            ("lang", "en"),
            ("zone", ""),
        ])
        .unwrap();
        assert_eq!(f.status, Some(Status::Confirmed));
        assert_eq!(f.zone, None);
        assert_eq!(f.language.as_deref(), Some("fr"));
        let pairs: Vec<String> = f.pairs().iter().map(|(k, v)| format!("{k}={v}")).collect();
        assert_eq!(
            pairs,
            [
                "status=confirmed",
                "region=Québec",
                "language=fr",
                "priority=true",
                "q=solidarité"
            ]
        );
        let owned = f.pairs();
        let again = owned.iter().map(|(k, v)| (*k, v.as_str()));
        assert_eq!(PeopleFilter::from_query(again).unwrap(), f);
        assert_eq!(
            PeopleFilter::from_query([("status", "gone")]),
            Err(("status", "unknown-status"))
        );
        assert_eq!(
            PeopleFilter::from_query([("priority", "maybe")]),
            Err(("priority", "unknown-priority"))
        );
        assert!(PeopleFilter::from_query([]).unwrap().is_empty());
    }

    #[test]
    fn a_filter_keeps_whom_it_names_and_searches_without_case_or_accents() {
        let ada = person("Ada", Status::Confirmed);
        let mut bo = person("Bo", Status::Waitlisted);
        bo.region = "Ontario".into();
        bo.lang = "en".into();
        bo.priority = true;
        let keep = |f: PeopleFilter| {
            [&ada, &bo]
                .into_iter()
                .filter(|p| f.keeps(p))
                .map(|p| p.name.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(keep(PeopleFilter::default()), ["Ada", "Bo"]);
        let status = PeopleFilter {
            status: Some(Status::Confirmed),
            ..Default::default()
        };
        assert_eq!(keep(status), ["Ada"]);
        let region = PeopleFilter {
            region: Some(" quebec ".into()),
            ..Default::default()
        };
        assert_eq!(keep(region), ["Ada"]);
        let priority = PeopleFilter {
            priority: Some(true),
            ..Default::default()
        };
        assert_eq!(keep(priority), ["Bo"]);
        let language = PeopleFilter {
            language: Some("en".into()),
            ..Default::default()
        };
        assert_eq!(keep(language), ["Bo"]);
        let words = PeopleFilter {
            q: Some("SOLIDARITE aliment".into()),
            ..Default::default()
        };
        assert_eq!(keep(words), ["Ada", "Bo"]);
        let missing = PeopleFilter {
            q: Some("solidarité jardin".into()),
            ..Default::default()
        };
        assert!(keep(missing).is_empty());
    }

    #[test]
    fn counts_are_of_the_whole_edition_most_first_with_how_many_are_shown() {
        let a = person("A", Status::Confirmed);
        let b = person("B", Status::Confirmed);
        let mut c = person("C", Status::Waitlisted);
        c.region = "Ontario".into();
        c.zone = "America/Toronto".into();
        let only_ontario = PeopleFilter {
            region: Some("ontario".into()),
            ..Default::default()
        };
        let counts = PeopleCounts::of(&[a, b, c], &only_ontario);
        assert_eq!((counts.total, counts.shown), (3, 1));
        assert_eq!(
            counts.by_status,
            [
                Count {
                    value: "confirmed".into(),
                    count: 2
                },
                Count {
                    value: "waitlisted".into(),
                    count: 1
                }
            ]
        );
        assert_eq!(counts.by_region[0].value, "Québec");
        assert_eq!(counts.by_zone[1].value, "America/Toronto");
        assert_eq!(counts.by_language[0].count, 3);
    }

    #[test]
    fn answers_follow_the_questions_labels_and_order() {
        let q = |id: &str, label: &str| FormQuestion {
            id: id.into(),
            label: Text {
                text: label.into(),
                lang: "fr".into(),
            },
            required: false,
            priority: false,
        };
        let questions = [q("why", "Pourquoi ?"), q("who", "Qui ?")];
        let answers = BTreeMap::from([
            ("who".to_owned(), "Nous".to_owned()),
            ("why".to_owned(), "Parce que".to_owned()),
            ("old".to_owned(), "Ancienne".to_owned()),
            ("blank".to_owned(), " ".to_owned()),
        ]);
        let labelled = labelled_answers(&questions, &answers);
        let ids: Vec<&str> = labelled.iter().map(|a| a.question.as_str()).collect();
        assert_eq!(ids, ["why", "who", "old"]);
        assert_eq!(labelled[0].label.as_ref().unwrap().text, "Pourquoi ?");
        assert_eq!(labelled[2].label, None);
    }

    #[test]
    fn the_door_list_is_alphabetical_whatever_the_accents() {
        let line = |name: &str| AttendanceLine {
            registration_id: name.into(),
            name: name.into(),
            status: Status::Confirmed,
            mark: None,
            marked_at: None,
        };
        let mut lines = vec![line("Zoé"), line("émile"), line("Ana")];
        sort_by_name(&mut lines);
        let names: Vec<&str> = lines.iter().map(|l| l.name.as_str()).collect();
        assert_eq!(names, ["Ana", "émile", "Zoé"]);
    }

    #[test]
    fn cells_never_run_as_formulas() {
        assert_eq!(spreadsheet_cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(spreadsheet_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(spreadsheet_cell("Zoé"), "Zoé");
        assert_eq!(spreadsheet_cell(""), "");
    }

    #[test]
    fn the_separator_suits_the_language_and_the_file_name_is_safe() {
        assert_eq!(
            Separator::for_lang(Lang::parse("fr").unwrap()),
            Separator::Semicolon
        );
        assert_eq!(
            Separator::for_lang(Lang::parse("en").unwrap()),
            Separator::Comma
        );
        for s in Separator::ALL {
            assert_eq!(Separator::parse(s.as_str()), Some(s));
        }
        let date = chrono::NaiveDate::from_ymd_opt(2027, 3, 2).unwrap();
        assert_eq!(
            export_file_name("ed-1/../\"x", date),
            "relais-ed-1-----x-2027-03-02.csv"
        );
    }
}
