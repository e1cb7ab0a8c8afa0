//! What Relais offers: offerings, their editions and sessions, the people who facilitate
//! them and the organisations behind them, as the API serves them to a reader in one language.

use chrono::{DateTime, NaiveDateTime, TimeDelta, Utc};
use serde::{Deserialize, Serialize};

use crate::Text;

pub mod instant;
pub mod query;
pub mod words;

/// The topics offerings are tagged with; each has a `topic-<id>` message in every language
/// (a test holds the two lists equal). The app lists them in its filters from here.
pub const TOPICS: &[&str] = &[
    "group-structure",
    "collaborative-strategy",
    "digital-organizing",
    "community-care",
    "burnout",
    "transformative-justice",
    "evaluation",
    "collective-decision-making",
    "decentralized-movements",
    "strategy",
    "coalition-work",
    "knowledge-sharing",
    "digital-inclusion",
    "free-software",
    "territorial-innovation",
    "collective-impact",
    "learning-capture",
    "nonprofit-support",
    "mentoring",
];

/// Languages offerings are delivered in, each with a `lang-<code>` message.
pub const DELIVERY_LANGUAGES: &[&str] = &["fr", "en", "es", "pt"];

/// The kinds of offering found in the networks' own documents.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OfferingKind {
    Workshop,
    /// An edition is a cohort that attends every session together.
    TrainingSeries,
    Coaching,
    CommunityMeeting,
    CollectiveEvent,
    CourseModule,
    ResourceLibrary,
}

impl OfferingKind {
    pub const ALL: [OfferingKind; 7] = [
        OfferingKind::Workshop,
        OfferingKind::TrainingSeries,
        OfferingKind::Coaching,
        OfferingKind::CommunityMeeting,
        OfferingKind::CollectiveEvent,
        OfferingKind::CourseModule,
        OfferingKind::ResourceLibrary,
    ];

    /// The stored and serialized name, also the suffix of its UI message id (`kind-…`).
    pub fn as_str(self) -> &'static str {
        match self {
            OfferingKind::Workshop => "workshop",
            OfferingKind::TrainingSeries => "training_series",
            OfferingKind::Coaching => "coaching",
            OfferingKind::CommunityMeeting => "community_meeting",
            OfferingKind::CollectiveEvent => "collective_event",
            OfferingKind::CourseModule => "course_module",
            OfferingKind::ResourceLibrary => "resource_library",
        }
    }

    pub fn parse(s: &str) -> Option<OfferingKind> {
        OfferingKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    Online,
    InPerson,
    Hybrid,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Online => "online",
            Format::InPerson => "in_person",
            Format::Hybrid => "hybrid",
        }
    }

    pub fn parse(s: &str) -> Option<Format> {
        [Format::Online, Format::InPerson, Format::Hybrid]
            .into_iter()
            .find(|f| f.as_str() == s)
    }
}

/// How people get a place.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RegistrationMode {
    /// First come, first served up to capacity, then a waiting list.
    Open,
    /// Applicants answer questions; coordinators select.
    Application,
    /// Registration happens on another site.
    External,
    /// Drop in, no registration.
    None,
}

impl RegistrationMode {
    pub fn as_str(self) -> &'static str {
        match self {
            RegistrationMode::Open => "open",
            RegistrationMode::Application => "application",
            RegistrationMode::External => "external",
            RegistrationMode::None => "none",
        }
    }

    pub fn parse(s: &str) -> Option<RegistrationMode> {
        [
            RegistrationMode::Open,
            RegistrationMode::Application,
            RegistrationMode::External,
            RegistrationMode::None,
        ]
        .into_iter()
        .find(|m| m.as_str() == s)
    }
}

/// One sitting: an instant, plus the zone the organiser thinks in.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Session {
    pub id: String,
    pub title: Option<Text>,
    #[serde(with = "instant")]
    pub starts_at: DateTime<Utc>,
    #[serde(with = "instant")]
    pub ends_at: DateTime<Utc>,
    /// The organiser's IANA zone, e.g. `America/Toronto`.
    pub zone: String,
    /// The organiser's UTC offset at the start and at the end, so a reader can show the
    /// organiser's wall clock without carrying the zone table.
    pub start_offset_minutes: i32,
    pub end_offset_minutes: i32,
    /// The reader's offsets at the start and the end, when the request named the reader's
    /// zone (`tz`): their wall clock without a zone table on their side.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reader_start_offset_minutes: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reader_end_offset_minutes: Option<i32>,
    /// The languages this session is taught in, when they are not its edition's.
    #[serde(default, skip_serializing_if = "Option::is_none", skip_deserializing)]
    pub instruction_languages: Option<Vec<String>>,
    /// Those in the reader's words ("Taught in English").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub taught_in: Option<String>,
}

impl Session {
    pub fn organiser_start(&self) -> NaiveDateTime {
        (self.starts_at + TimeDelta::minutes(self.start_offset_minutes.into())).naive_utc()
    }

    pub fn organiser_end(&self) -> NaiveDateTime {
        (self.ends_at + TimeDelta::minutes(self.end_offset_minutes.into())).naive_utc()
    }

    /// Start and end on the reader's clock, when the reader's offsets are known.
    pub fn reader_span(&self) -> Option<(NaiveDateTime, NaiveDateTime)> {
        let at =
            |t: DateTime<Utc>, offset: i32| (t + TimeDelta::minutes(offset.into())).naive_utc();
        Some((
            at(self.starts_at, self.reader_start_offset_minutes?),
            at(self.ends_at, self.reader_end_offset_minutes?),
        ))
    }

    /// Whether the session takes any of the reader's night (false when their zone is unknown).
    pub fn reader_takes_night(&self) -> bool {
        self.reader_span()
            .is_some_and(|(start, end)| crate::schedule::overlaps_night(start, end))
    }
}

/// A run of an offering that people register for as a whole (a cohort, a meeting, a module).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Edition {
    pub id: String,
    pub title: Option<Text>,
    pub registration_mode: RegistrationMode,
    /// Places in total; `None` when unlimited.
    pub capacity: Option<u32>,
    pub location: Option<Text>,
    pub format: Format,
    pub sessions: Vec<Session>,
    /// The languages it is taught in (BCP 47 tags, any language), apart from the interface's.
    #[serde(default, skip_deserializing)]
    pub instruction_languages: Vec<String>,
    /// The one interface language its texts are given in, when it is given in one: its
    /// texts are then in that language for every reader.
    #[serde(default, skip_serializing_if = "Option::is_none", skip_deserializing)]
    pub written_in: Option<crate::Lang>,
    /// Who pays what; `None` when its network has not said.
    #[serde(default, skip_serializing_if = "Option::is_none", skip_deserializing)]
    pub cost: Option<EditionCost>,
    /// What its cost's kind does not say (meals included, who may ask for a bursary).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost_note: Option<Text>,
    /// What a page says of it, a line each, in the reader's words (`words::edition_facts`):
    /// "Application", "In person", "20 places", "5 sessions", "Taught in English", "Free —
    /// travel and lodging paid by participants". On catalog cards, only its languages when
    /// the reader's is not among them, and its cost (`words::card_facts`).
    #[serde(default)]
    pub facts: Vec<String>,
    /// For a reader of another language than the one it is written in, the page says so:
    /// "This edition is presented in French only".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub written_in_notice: Option<String>,
}

/// What an edition costs, for programs; pages show it in words among `Edition::facts`.
///
/// The app decodes only what it shows (words, never kinds and amounts): every type
/// and field it decodes costs a first visit's wasm, hence the `skip_deserializing` of the
/// catalog's fields that only programs read.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EditionCost {
    pub kind: crate::authoring::CostKind,
    /// In the currency's smallest unit, for the fee kinds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fee_cents: Option<i64>,
    /// ISO 4217, for the fee kinds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fee_currency: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Person {
    pub id: String,
    pub name: String,
    pub role: Option<Text>,
    pub bio: Option<Text>,
}

/// An organisation that runs offerings, as an offering names it: a partner organisation or
/// a network (each has its own page, `/{lang}/partners/{id}` or `/{lang}/networks/{id}`).
/// One type for both: each type the app reads costs a phone's first visit wasm.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Organisation {
    pub id: String,
    /// A name is a name: the same in every language.
    pub name: String,
    /// Left out on catalog cards.
    pub description: Option<Text>,
    pub url: Option<String>,
}

/// The partner organisation behind an offering.
pub type Partner = Organisation;

/// The network that runs an offering (cards name it; its page has the rest).
pub type Network = Organisation;

/// A network as the list of networks shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NetworkSummary {
    pub id: String,
    pub name: String,
    pub description: Option<Text>,
    pub url: Option<String>,
    /// How many published offerings it runs.
    pub offerings: u32,
}

/// Every network, in the order the site gives them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NetworkList {
    pub lang: crate::Lang,
    pub items: Vec<NetworkSummary>,
}

/// An offering as listed in the catalog.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OfferingSummary {
    pub id: String,
    pub kind: OfferingKind,
    pub title: Text,
    pub summary: Text,
    pub topics: Vec<String>,
    /// Languages the offering is delivered in (not the languages of its description).
    pub languages: Vec<String>,
    pub format: Format,
    pub cost: Option<Text>,
    /// The network that runs it (none for an offering no network owns yet).
    pub network: Option<Network>,
    pub partner: Option<Partner>,
    /// The next edition that has not ended, if any.
    pub next_edition: Option<Edition>,
}

/// An offering with everything a reader needs to decide.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OfferingDetail {
    /// What the catalog card shows. Nested rather than flattened: serde's `flatten` buffers
    /// the whole object, and it cost the app 34 kB of wasm.
    pub offering: OfferingSummary,
    pub description: Text,
    pub audience: Option<Text>,
    pub facilitators: Vec<Person>,
    pub upcoming_editions: Vec<Edition>,
    pub past_editions: Vec<Edition>,
    /// How many of the library's public resources go with it (its page links to them).
    pub resources: u32,
    /// Coaching on request: organisations ask for it from its network's request page,
    /// rather than registering for dates.
    pub on_request: bool,
}

/// One page of the catalog.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CatalogPage {
    pub lang: crate::Lang,
    pub items: Vec<OfferingSummary>,
    /// Pass as `cursor` to get the next page; absent on the last page.
    pub next_cursor: Option<String>,
}

/// A facilitator's, a partner's or a network's page: who they are, and what they run.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Profile {
    pub id: String,
    pub name: String,
    /// A facilitator's bio, a partner's or a network's description.
    pub about: Option<Text>,
    pub url: Option<String>,
    /// Their offerings as catalog cards, soonest first.
    pub offerings: Vec<OfferingSummary>,
}

/// An edition that has ended, with the offering it belongs to: one entry of the archive.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ArchivedEdition {
    pub offering_id: String,
    pub offering_kind: OfferingKind,
    pub offering_title: Text,
    pub edition: Edition,
}

/// One page of the archive, the most recent editions first.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ArchivePage {
    pub lang: crate::Lang,
    pub items: Vec<ArchivedEdition>,
    /// Pass as `cursor` to get older editions; absent on the last page.
    pub next_cursor: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for k in OfferingKind::ALL {
            assert_eq!(OfferingKind::parse(k.as_str()), Some(k));
            assert_eq!(serde_json_str(&k), k.as_str());
        }
        for m in ["open", "application", "external", "none"] {
            assert_eq!(RegistrationMode::parse(m).unwrap().as_str(), m);
        }
        assert_eq!(Format::parse("in_person"), Some(Format::InPerson));
        assert_eq!(Format::parse("hybride"), None);
    }

    fn serde_json_str<T: Serialize>(v: &T) -> String {
        serde_json::to_value(v)
            .unwrap()
            .as_str()
            .unwrap()
            .to_owned()
    }

    #[test]
    fn every_topic_and_delivery_language_has_its_messages_and_no_more() {
        for lang in crate::Lang::all() {
            let ids = crate::i18n::message_ids(lang).unwrap();
            let with = |prefix: &str| -> Vec<String> {
                let mut v: Vec<String> = ids
                    .iter()
                    .filter_map(|id| id.strip_prefix(prefix).map(str::to_owned))
                    .collect();
                v.sort();
                v
            };
            let sorted = |list: &[&str]| {
                let mut v: Vec<String> = list.iter().map(|s| s.to_string()).collect();
                v.sort();
                v
            };
            assert_eq!(with("topic-"), sorted(TOPICS), "{lang}");
            assert_eq!(with("lang-"), sorted(DELIVERY_LANGUAGES), "{lang}");
        }
    }

    #[test]
    fn organiser_wall_clock_comes_from_the_offset() {
        let s = Session {
            id: "s".into(),
            title: None,
            starts_at: "2026-12-08T19:00:00Z".parse().unwrap(),
            ends_at: "2026-12-08T20:30:00Z".parse().unwrap(),
            zone: "America/Toronto".into(),
            start_offset_minutes: -300,
            end_offset_minutes: -300,
            reader_start_offset_minutes: None,
            reader_end_offset_minutes: None,
            instruction_languages: None,
            taught_in: None,
        };
        assert_eq!(s.organiser_start().to_string(), "2026-12-08 14:00:00");
        assert_eq!(s.organiser_end().to_string(), "2026-12-08 15:30:00");
        assert_eq!(s.reader_span(), None);
        assert!(!s.reader_takes_night());
        // The same session for a reader in Kathmandu (UTC+5:45): 00:45 to 02:15, at night.
        let kathmandu = Session {
            reader_start_offset_minutes: Some(345),
            reader_end_offset_minutes: Some(345),
            ..s
        };
        let (start, end) = kathmandu.reader_span().unwrap();
        assert_eq!(
            (start.to_string(), end.to_string()),
            ("2026-12-09 00:45:00".into(), "2026-12-09 02:15:00".into())
        );
        assert!(kathmandu.reader_takes_night());
    }
}
