//! The demo catalog's file format (`seed/demo.toml`): content as the networks wrote it, with
//! dates either as written (kept as past editions) or relative to the day the data is loaded.

use std::collections::BTreeMap;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime, Weekday};
pub use relais_domain::authoring::Cost;
use relais_domain::catalog::{Format, OfferingKind, RegistrationMode};
use relais_domain::library::{Kind, Visibility};
pub use relais_domain::registration::Question;
use relais_domain::Lang;
use serde::Deserialize;

/// A text per language code: `title.fr = "…"`, `title.en = "…"`.
pub type Texts = BTreeMap<String, String>;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Demo {
    /// The networks that own everything else; loaded first.
    #[serde(default)]
    pub network: Vec<Network>,
    #[serde(default)]
    pub partner: Vec<Partner>,
    #[serde(default)]
    pub person: Vec<Person>,
    #[serde(default)]
    pub offering: Vec<Offering>,
    /// The knowledge library.
    #[serde(default)]
    pub resource: Vec<Resource>,
    /// Networks' communities of practice, open to applications.
    #[serde(default)]
    pub community: Vec<Community>,
    /// Programmes of coaching on request, their budgets and the offerings that draw on them.
    #[serde(default)]
    pub coaching_programme: Vec<CoachingProgramme>,
    /// Offerings on request that draw on no budget (the Hub's tailored workshops): asked
    /// for, assigned and booked, with no hours counted.
    #[serde(default)]
    pub coaching_offer: Vec<OfferWithoutBudget>,
    /// Organisations asking for coaching, with their requests and the hours they used.
    #[serde(default)]
    pub organisation: Vec<DemoOrganisation>,
}

/// Text fields whose one text is served to every language (`title`, `location`, `bio`…).
pub type SameFields = Vec<String>;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Network {
    pub id: String,
    /// A name is a name: the same in every language.
    pub name: String,
    pub description: Texts,
    pub url: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Partner {
    pub id: String,
    /// The network that owns the row (none: nobody's in the back office).
    pub network: Option<String>,
    pub name: String,
    #[serde(default)]
    pub description: Texts,
    pub url: Option<String>,
    #[serde(default)]
    pub same_in_every_language: SameFields,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    pub id: String,
    pub network: Option<String>,
    pub name: String,
    #[serde(default)]
    pub bio: Texts,
    #[serde(default)]
    pub same_in_every_language: SameFields,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Offering {
    pub id: String,
    pub network: Option<String>,
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
    /// Meetings on monthly rules: one single-session edition per date.
    #[serde(default)]
    pub recurrence: Vec<Recurrence>,
    #[serde(default)]
    pub same_in_every_language: SameFields,
    /// People register on behalf of an organisation, named on the form.
    #[serde(default)]
    pub on_behalf: bool,
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
    pub capacity: Option<i64>,
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
    /// When registration opens and closes, on the edition zone's clock (`"2023-09-29T23:59:00"`);
    /// moved with the sessions for an upcoming copy.
    pub registration_opens: Option<NaiveDateTime>,
    pub registration_closes: Option<NaiveDateTime>,
    /// Languages it is taught in (BCP 47); default: the offering's `languages`.
    #[serde(default)]
    pub instruction_languages: Vec<String>,
    /// Given in one interface language only.
    pub written_in: Option<Lang>,
    pub cost: Option<Cost>,
    #[serde(default)]
    pub same_in_every_language: SameFields,
    /// For everyone (the default), or for its network's community's members only.
    #[serde(default)]
    pub visibility: Visibility,
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
    /// Default: the edition's zone.
    pub zone: Option<String>,
    #[serde(default)]
    pub location: Texts,
    /// Default: the edition's.
    pub instruction_languages: Option<Vec<String>>,
    #[serde(default)]
    pub same_in_every_language: SameFields,
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
    pub capacity: Option<i64>,
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
    /// Default: the offering's `languages`.
    #[serde(default)]
    pub instruction_languages: Vec<String>,
    pub cost: Option<Cost>,
}

/// A library resource, in the languages it is available in (those with a title).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Resource {
    pub id: String,
    pub network: String,
    pub kind: Kind,
    #[serde(default)]
    pub visibility: Visibility,
    #[serde(default)]
    pub topics: Vec<String>,
    /// The language it was written in; every other one is a translation.
    pub original: String,
    pub title: Texts,
    pub summary: Texts,
    #[serde(default)]
    pub body: Texts,
    /// Per translated language.
    #[serde(default)]
    pub translator: Texts,
    pub source: Option<String>,
    pub licence: Option<String>,
    pub url: Option<String>,
    /// Offerings whose pages list it.
    #[serde(default)]
    pub offerings: Vec<String>,
    /// The offering whose last meeting it sums up: linked to that offering's latest edition
    /// ended when the demo is loaded, whose participants read it from their manage link.
    pub meeting_of: Option<String>,
}

/// A network's community of practice: its criteria, each in every language.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Community {
    pub network: String,
    pub rule: relais_domain::community::Rule,
    pub on_behalf: Vec<relais_domain::community::OnBehalf>,
    #[serde(default)]
    pub criterion: Vec<Texts>,
}

/// A programme of coaching on request, its budgets in hours as the network states them.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CoachingProgramme {
    pub id: String,
    pub network: String,
    pub name: Texts,
    pub hours_per_year: u32,
    pub carry_over: bool,
    pub total_cap_hours: u32,
    #[serde(default)]
    pub pool_places: u32,
    #[serde(default)]
    pub pool_hours: u32,
    pub offer: Vec<CoachingOffer>,
}

/// An offering on request and the account it draws on.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CoachingOffer {
    pub offering: String,
    /// `allowance` or `pool`.
    pub account: String,
    /// Partners who give the coaching, by id, in order.
    pub partners: Vec<String>,
    /// Checks a request passes before a partner is assigned.
    #[serde(default)]
    pub check: Vec<CoachingCheck>,
}

/// An offering on request outside any programme: no allowance, no pool.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OfferWithoutBudget {
    pub offering: String,
    /// Partners who give the coaching, by id, in order.
    pub partners: Vec<String>,
    /// Checks a request passes before a partner is assigned.
    #[serde(default)]
    pub check: Vec<CoachingCheck>,
}

#[derive(Debug, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct CoachingCheck {
    pub name: String,
    pub text: Texts,
}

/// An organisation of the demo that asks for coaching: its first contact, a private link the
/// README gives, its requests, and the hours it used each year (its ledger is computed from
/// them by the domain's rules, so a carry-over and an expiry show).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoOrganisation {
    pub id: String,
    pub network: String,
    pub name: String,
    /// `neighbourhood`, `collective` or `association`.
    pub kind: String,
    #[serde(default)]
    pub area: String,
    pub contact: DemoContact,
    /// Its private link's token (48 hexadecimal digits): the demo's page to open.
    pub token: String,
    /// How many years ago it registered (0: this year).
    pub since_years_ago: i32,
    #[serde(default)]
    pub request: Vec<DemoRequest>,
    #[serde(default)]
    pub used: Vec<DemoUse>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoContact {
    pub name: String,
    pub email: String,
    pub lang: String,
}

/// A request at some stage, with the session booked for it if any.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoRequest {
    pub id: String,
    pub offering: String,
    pub stage: String,
    pub subject: String,
    pub question: String,
    #[serde(default)]
    pub preferred_partner: Option<String>,
    #[serde(default)]
    pub partner: Option<String>,
    #[serde(default)]
    pub availability: String,
    pub languages: Vec<String>,
    /// The offering's checks a coordinator confirmed.
    #[serde(default)]
    pub confirmed: Vec<String>,
    /// How many years ago it was asked (0: this year).
    #[serde(default)]
    pub years_ago: i32,
    /// A session booked, this many days from the load date, of this many hours.
    #[serde(default)]
    pub booked_in_days: Option<u32>,
    #[serde(default)]
    pub booked_hours: u32,
}

/// Hours of coaching given in a programme's year, `years_ago` years back (0: this year).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoUse {
    pub programme: String,
    pub years_ago: i32,
    pub hours: u32,
}
