//! The demo catalog's file format (`seed/demo.toml`): content as the networks wrote it, with
//! dates either as written (kept as past editions) or relative to the day the data is loaded.

use std::collections::BTreeMap;

use chrono::{NaiveDate, NaiveTime, Weekday};
use relais_domain::catalog::{Format, OfferingKind, RegistrationMode};
pub use relais_domain::registration::Question;
use serde::Deserialize;

/// A text per language code: `title.fr = "…"`, `title.en = "…"`.
pub type Texts = BTreeMap<String, String>;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Demo {
    #[serde(default)]
    pub partner: Vec<Partner>,
    #[serde(default)]
    pub person: Vec<Person>,
    #[serde(default)]
    pub offering: Vec<Offering>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Partner {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub description: Texts,
    pub url: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub bio: Texts,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Offering {
    pub id: String,
    pub kind: OfferingKind,
    pub partner: Option<String>,
    pub format: Format,
    /// Languages the offering is delivered in, as codes (`fr`, `en`, `es`, …).
    pub languages: Vec<String>,
    /// Topic ids; each needs a `topic-<id>` message in every locale.
    #[serde(default)]
    pub topics: Vec<String>,
    pub title: Texts,
    pub summary: Texts,
    pub description: Texts,
    #[serde(default)]
    pub audience: Texts,
    #[serde(default)]
    pub cost: Texts,
    #[serde(default)]
    pub facilitators: Vec<Facilitator>,
    #[serde(default)]
    pub edition: Vec<Edition>,
    /// Meetings on a monthly rule: one single-session edition per date.
    pub recurrence: Option<Recurrence>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Facilitator {
    pub person: String,
    #[serde(default)]
    pub role: Texts,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Edition {
    pub id: String,
    #[serde(default)]
    pub title: Texts,
    pub registration_mode: RegistrationMode,
    pub registration_url: Option<String>,
    pub capacity: Option<u32>,
    /// Defaults to the offering's format.
    pub format: Option<Format>,
    #[serde(default)]
    pub location: Texts,
    /// The organiser's IANA zone; every session's wall clock is read in it.
    pub zone: String,
    /// For an edition with dates as written: also add a twin moved into the coming months
    /// (by whole 52-week years, so weekdays and clock times stay), with id `<id>-upcoming`.
    #[serde(default)]
    pub upcoming_copy: bool,
    /// What an application asks (application mode).
    #[serde(default)]
    pub question: Vec<Question>,
    /// Shown only to registrants with a place (a meeting link, a private address).
    #[serde(default)]
    pub private_details: Texts,
    #[serde(default)]
    pub session: Vec<Session>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Session {
    /// A date as written in the source, in the edition's zone.
    pub date: Option<NaiveDate>,
    /// Or: this many weeks after the week the data is loaded, on `weekday`.
    pub in_weeks: Option<u32>,
    pub weekday: Option<Weekday>,
    pub start: NaiveTime,
    pub end: NaiveTime,
    #[serde(default)]
    pub title: Texts,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Recurrence {
    /// The month the rule counts from (any day in it).
    pub anchor: NaiveDate,
    pub every_months: u32,
    /// The `nth` `weekday` of the month: 2 and "tue" is the second Tuesday.
    pub nth: u8,
    pub weekday: Weekday,
    pub start: NaiveTime,
    pub end: NaiveTime,
    pub zone: String,
    pub registration_mode: RegistrationMode,
    pub registration_url: Option<String>,
    pub capacity: Option<u32>,
    /// Upcoming meetings to create, from the load date on.
    pub upcoming: usize,
    /// Meetings before the load date to keep as an archive.
    #[serde(default)]
    pub past: usize,
    #[serde(default)]
    pub title: Texts,
    /// Shown only to registrants with a place (the meeting link).
    #[serde(default)]
    pub private_details: Texts,
}
