//! The rules of authoring, in two levels, and how complete a draft is.
//!
//! `check_draft` refuses what is wrong even in a draft: texts too long or hiding control or
//! writing-direction characters, bad addresses, language codes or zones, impossible numbers
//! and orders (capacity 0, registration closing before it opens, a session ending before it
//! starts), two priority questions, a fee without its amount, an unknown topic…, and the
//! fields the database cannot store empty (an offering's kind, a session's start).
//!
//! `check_publish` adds what publishing needs: every required text in every interface
//! language, unless the field is marked "same in every language" (one text, served to every
//! language) or the edition is written in one language (`written_in`: that language only);
//! an optional text once started is needed in every language too, so that no reader of a
//! published page meets a hole. An edition needs one session at least, all valid.
//!
//! What publishing needs is listed once (`needs`), and both `check_publish` (its unmet
//! needs, code `required`) and `completeness` (how many are met) read that list: the meter
//! reaches 100 % exactly when nothing is missing.

use std::collections::BTreeSet;
use std::iter::Sum;
use std::ops::Add;

use serde::{Deserialize, Serialize};

use super::{
    same_fields, Cost, EditionDraft, NetworkDraft, OfferingDraft, PartnerDraft, PersonDraft,
    Refusal, ResourceDraft, SessionDraft,
};
use crate::catalog::{Format, RegistrationMode, DELIVERY_LANGUAGES, TOPICS};
use crate::library::Visibility;
use crate::registration::{has_visible, text_refusal, Lines};
use crate::{Lang, Localized};

pub const MAX_TITLE: usize = 200;
pub const MAX_SUMMARY: usize = 1_000;
pub const MAX_DESCRIPTION: usize = 20_000;
pub const MAX_AUDIENCE: usize = 2_000;
pub const MAX_COST_NOTE: usize = 2_000;
pub const MAX_LOCATION: usize = 300;
pub const MAX_PRIVATE_DETAILS: usize = 2_000;
pub const MAX_ROLE: usize = 300;
pub const MAX_BIO: usize = 5_000;
pub const MAX_NAME: usize = 150;
/// Offerings, or editions, one library resource goes with.
pub const MAX_RESOURCE_LINKS: usize = 50;
pub const MAX_LABEL: usize = 300;
pub const MAX_URL: usize = 2_000;
pub const MAX_QUESTIONS: usize = 20;
pub const MAX_SESSIONS: usize = 200;
pub const MAX_CAPACITY: i64 = 100_000;
/// A month.
pub const MAX_CONFIRM_WITHIN_HOURS: i64 = 24 * 30;
/// A million in any currency.
pub const MAX_FEE_CENTS: i64 = 100_000_000;
const MAX_ID: usize = 64;

/// Every code these checks refuse with; each has its `field-<code>` message in every
/// language's `api.ftl` (a test holds it).
pub const REFUSAL_CODES: &[&str] = &[
    "required",
    "too-long",
    "invalid-text",
    "invalid-url",
    "invalid-identifier",
    "out-of-range",
    "too-many",
    "duplicate",
    "unknown-topic",
    "unknown-language-code",
    "unknown-zone",
    "unknown-currency",
    "unknown-field",
    "texts-differ",
    "not-expected",
    "closes-before-opens",
    "ends-before-starts",
    "too-many-priority-questions",
];

/// How much of what publishing needs is written: each required text counts once per
/// language it is needed in (once when it is the same in every language; in the one
/// language of an edition written in one), each optional text once started likewise, and
/// each other need once (a delivery language, an instruction language, a session,
/// the address of an external registration, a place for an in-person edition). An
/// edition's count includes its sessions'.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Completeness {
    pub filled: u32,
    pub required: u32,
}

impl Completeness {
    pub fn is_complete(self) -> bool {
        self.filled >= self.required
    }

    /// Whole percent, rounded down (100 only when complete; an item with no needs is
    /// complete).
    pub fn percent(self) -> u32 {
        (self.filled * 100)
            .checked_div(self.required)
            .unwrap_or(100)
    }
}

impl Add for Completeness {
    type Output = Completeness;
    fn add(self, other: Completeness) -> Completeness {
        Completeness {
            filled: self.filled + other.filled,
            required: self.required + other.required,
        }
    }
}

impl Sum for Completeness {
    fn sum<I: Iterator<Item = Completeness>>(items: I) -> Completeness {
        items.fold(Completeness::default(), Add::add)
    }
}

/// A network's meter: the sum of its items' (offerings, editions with their sessions,
/// facilitators, partners), so a big item weighs more than a small one.
pub fn network_completeness(items: impl IntoIterator<Item = Completeness>) -> Completeness {
    items.into_iter().sum()
}

/// One thing publishing needs, and whether it is there.
struct Need {
    field: String,
    met: bool,
}

fn completeness_of(needs: &[Need]) -> Completeness {
    Completeness {
        filled: needs.iter().filter(|n| n.met).count() as u32,
        required: needs.len() as u32,
    }
}

fn unmet(needs: Vec<Need>) -> impl Iterator<Item = Refusal> {
    needs
        .into_iter()
        .filter(|n| !n.met)
        .map(|n| (n.field, "required"))
}

/// Refusals, collected with their field paths.
#[derive(Default)]
struct Checker {
    refused: Vec<Refusal>,
}

impl Checker {
    fn refuse(&mut self, field: impl Into<String>, code: &'static str) {
        self.refused.push((field.into(), code));
    }

    fn nested(&mut self, prefix: &str, refused: Vec<Refusal>) {
        self.refused.extend(
            refused
                .into_iter()
                .map(|(field, code)| (format!("{prefix}.{field}"), code)),
        );
    }

    /// Every language of a text: a language code as its key, within `max` characters, no
    /// control or writing-direction characters.
    fn text(&mut self, field: &str, text: &Localized, max: usize, lines: Lines) {
        for (code, value) in &text.0 {
            let at = format!("{field}.{code}");
            if !is_language_code(code) {
                self.refuse(at, "unknown-language-code");
            } else if value.chars().count() > max {
                self.refuse(at, "too-long");
            } else if let Some(code) = text_refusal(value, lines) {
                self.refuse(at, code);
            }
        }
    }

    /// A one-line name the database cannot store empty.
    fn name(&mut self, field: &str, name: &str) {
        if !has_visible(name) {
            self.refuse(field, "required");
        } else if name.chars().count() > MAX_NAME {
            self.refuse(field, "too-long");
        } else if let Some(code) = text_refusal(name, Lines::One) {
            self.refuse(field, code);
        }
    }

    fn url(&mut self, field: &str, url: Option<&str>) {
        if let Some(url) = url {
            if url.chars().count() > MAX_URL {
                self.refuse(field, "too-long");
            } else if !is_url(url) {
                self.refuse(field, "invalid-url");
            }
        }
    }

    fn identifier(&mut self, field: &str, id: &str) {
        if id.is_empty() {
            self.refuse(field, "required");
        } else if !is_identifier(id) {
            self.refuse(field, "invalid-identifier");
        }
    }

    /// The fields marked "same in every language": known ones, each holding one text.
    fn same(&mut self, marked: &BTreeSet<String>, allowed: &[&str], texts: &[(&str, &Localized)]) {
        for name in marked {
            if !allowed.contains(&name.as_str()) {
                self.refuse("same_in_every_language", "unknown-field");
                continue;
            }
            let Some((_, text)) = texts.iter().find(|(f, _)| f == name) else {
                continue;
            };
            let written: BTreeSet<&str> = text
                .0
                .values()
                .filter(|t| has_visible(t))
                .map(|t| t.trim())
                .collect();
            if written.len() > 1 {
                self.refuse(name.as_str(), "texts-differ");
            }
        }
    }

    /// The catalog's topics, none twice.
    fn topics(&mut self, field: &str, topics: &[String]) {
        let mut seen = BTreeSet::new();
        for (i, topic) in topics.iter().enumerate() {
            if !TOPICS.contains(&topic.as_str()) {
                self.refuse(format!("{field}.{i}"), "unknown-topic");
            } else if !seen.insert(topic) {
                self.refuse(format!("{field}.{i}"), "duplicate");
            }
        }
    }

    /// An optional one-line text that is the same in every language (a source, a licence).
    fn label(&mut self, field: &str, label: Option<&str>) {
        if let Some(label) = label {
            if label.chars().count() > MAX_LABEL {
                self.refuse(field, "too-long");
            } else if let Some(code) = text_refusal(label, Lines::One) {
                self.refuse(field, code);
            }
        }
    }

    /// Language tags, each well formed, none twice.
    fn tags(&mut self, field: &str, tags: &[String]) {
        let mut seen = BTreeSet::new();
        for (i, tag) in tags.iter().enumerate() {
            if !is_language_tag(tag) {
                self.refuse(format!("{field}.{i}"), "unknown-language-code");
            } else if !seen.insert(tag.to_ascii_lowercase()) {
                self.refuse(format!("{field}.{i}"), "duplicate");
            }
        }
    }

    fn done(self) -> Vec<Refusal> {
        self.refused
    }
}

/// What publishing needs of texts.
struct Needs<'a> {
    needs: Vec<Need>,
    same: &'a BTreeSet<String>,
    written_in: Option<Lang>,
}

impl<'a> Needs<'a> {
    fn new(same: &'a BTreeSet<String>, written_in: Option<Lang>) -> Needs<'a> {
        Needs {
            needs: vec![],
            same,
            written_in,
        }
    }

    fn need(&mut self, field: impl Into<String>, met: bool) {
        self.needs.push(Need {
            field: field.into(),
            met,
        });
    }

    /// A text publishing needs (`required`), or needs once started (`!required`): in one
    /// language when it is the same in every language, in the edition's one language when
    /// it is written in one, else in every interface language.
    fn text(&mut self, field: &str, text: &Localized, required: bool) {
        self.text_as(field, field, text, required)
    }

    /// `text`, marked same-in-every-language under `same_name` (question labels and roles
    /// are never marked, their path has an index).
    fn text_as(&mut self, field: &str, same_name: &str, text: &Localized, required: bool) {
        let written = |code: &str| text.0.get(code).is_some_and(|t| has_visible(t));
        let started = text.0.values().any(|t| has_visible(t));
        if !required && !started {
            return;
        }
        if self.same.contains(same_name) {
            self.need(field, started);
            return;
        }
        let langs: Vec<Lang> = match self.written_in {
            Some(lang) => vec![lang],
            None => Lang::all().collect(),
        };
        for lang in langs {
            self.need(format!("{field}.{}", lang.code()), written(lang.code()));
        }
    }

    fn nested(&mut self, prefix: &str, needs: Vec<Need>) {
        self.needs.extend(needs.into_iter().map(|n| Need {
            field: format!("{prefix}.{}", n.field),
            met: n.met,
        }));
    }
}

impl OfferingDraft {
    /// What is refused even in a draft.
    pub fn check_draft(&self) -> Vec<Refusal> {
        let mut c = Checker::default();
        if self.kind.is_none() {
            c.refuse("kind", "required");
        }
        if self.format.is_none() {
            c.refuse("format", "required");
        }
        c.topics("topics", &self.topics);
        let mut languages = BTreeSet::new();
        for (i, code) in self.languages.iter().enumerate() {
            if !DELIVERY_LANGUAGES.contains(&code.as_str()) {
                c.refuse(format!("languages.{i}"), "unknown-language-code");
            } else if !languages.insert(code) {
                c.refuse(format!("languages.{i}"), "duplicate");
            }
        }
        c.text("title", &self.title, MAX_TITLE, Lines::One);
        c.text("summary", &self.summary, MAX_SUMMARY, Lines::Many);
        c.text(
            "description",
            &self.description,
            MAX_DESCRIPTION,
            Lines::Many,
        );
        c.text("audience", &self.audience, MAX_AUDIENCE, Lines::Many);
        c.text("cost", &self.cost, MAX_COST_NOTE, Lines::Many);
        if let Some(partner) = &self.partner_id {
            c.identifier("partner_id", partner);
        }
        let mut people = BTreeSet::new();
        for (i, f) in self.facilitators.iter().enumerate() {
            let at = format!("facilitators.{i}");
            c.identifier(&format!("{at}.person_id"), &f.person_id);
            if !f.person_id.is_empty() && !people.insert(&f.person_id) {
                c.refuse(format!("{at}.person_id"), "duplicate");
            }
            c.text(&format!("{at}.role"), &f.role, MAX_ROLE, Lines::One);
        }
        c.same(
            &self.same_in_every_language,
            same_fields::OFFERING,
            &[
                ("title", &self.title),
                ("summary", &self.summary),
                ("description", &self.description),
                ("audience", &self.audience),
                ("cost", &self.cost),
            ],
        );
        c.done()
    }

    fn needs(&self) -> Vec<Need> {
        let mut n = Needs::new(&self.same_in_every_language, None);
        n.text("title", &self.title, true);
        n.text("summary", &self.summary, true);
        n.text("description", &self.description, true);
        n.text("audience", &self.audience, false);
        n.text("cost", &self.cost, false);
        n.need("languages", !self.languages.is_empty());
        for (i, f) in self.facilitators.iter().enumerate() {
            let field = format!("facilitators.{i}.role");
            n.text_as(&field, "", &f.role, false);
        }
        n.needs
    }

    /// What is refused when publishing: the draft's refusals and every unmet need.
    pub fn check_publish(&self) -> Vec<Refusal> {
        let mut refused = self.check_draft();
        refused.extend(unmet(self.needs()));
        refused
    }

    pub fn completeness(&self) -> Completeness {
        completeness_of(&self.needs())
    }
}

impl EditionDraft {
    /// A members-only edition is for its network's community: refused where the network has
    /// none (nobody could ever see it).
    pub fn check_visibility(&self, network_has_community: bool) -> Vec<Refusal> {
        if self.visibility == Visibility::Members && !network_has_community {
            vec![("visibility".to_owned(), "no-community")]
        } else {
            vec![]
        }
    }

    /// What is refused even in a draft (its sessions are checked on their own).
    pub fn check_draft(&self) -> Vec<Refusal> {
        let mut c = Checker::default();
        if self.registration_mode.is_none() {
            c.refuse("registration_mode", "required");
        }
        c.url("registration_url", self.registration_url.as_deref());
        if let Some(capacity) = self.capacity {
            if !(1..=MAX_CAPACITY).contains(&capacity) {
                c.refuse("capacity", "out-of-range");
            }
        }
        if let Some(hours) = self.confirm_within_hours {
            if !(1..=MAX_CONFIRM_WITHIN_HOURS).contains(&hours) {
                c.refuse("confirm_within_hours", "out-of-range");
            }
        }
        if let (Some(opens), Some(closes)) =
            (self.registration_opens_at, self.registration_closes_at)
        {
            if closes <= opens {
                c.refuse("registration_closes_at", "closes-before-opens");
            }
        }
        if self.questions.len() > MAX_QUESTIONS {
            c.refuse("questions", "too-many");
        }
        let mut ids = BTreeSet::new();
        let mut priority = false;
        for (i, q) in self.questions.iter().enumerate() {
            let at = format!("questions.{i}");
            c.identifier(&format!("{at}.id"), &q.id);
            if !q.id.is_empty() && !ids.insert(&q.id) {
                c.refuse(format!("{at}.id"), "duplicate");
            }
            c.text(&format!("{at}.label"), &q.label, MAX_LABEL, Lines::One);
            if q.priority && std::mem::replace(&mut priority, true) {
                c.refuse(format!("{at}.priority"), "too-many-priority-questions");
            }
        }
        c.text("title", &self.title, MAX_TITLE, Lines::One);
        c.text("location", &self.location, MAX_LOCATION, Lines::Many);
        c.text(
            "private_details",
            &self.private_details,
            MAX_PRIVATE_DETAILS,
            Lines::Many,
        );
        c.tags("instruction_languages", &self.instruction_languages);
        if let Some(cost) = &self.cost {
            check_cost(&mut c, cost);
        }
        let no_note = Localized::default();
        c.same(
            &self.same_in_every_language,
            same_fields::EDITION,
            &[
                ("title", &self.title),
                ("location", &self.location),
                ("private_details", &self.private_details),
                (
                    "cost.note",
                    self.cost.as_ref().map_or(&no_note, |c| &c.note),
                ),
            ],
        );
        c.done()
    }

    fn needs(&self, sessions: &[SessionDraft]) -> Vec<Need> {
        let mut n = Needs::new(&self.same_in_every_language, self.written_in);
        n.text("title", &self.title, false);
        let in_person = matches!(self.format, Some(Format::InPerson | Format::Hybrid));
        n.text("location", &self.location, in_person);
        n.text("private_details", &self.private_details, false);
        if let Some(cost) = &self.cost {
            n.text("cost.note", &cost.note, false);
        }
        if self.registration_mode == Some(RegistrationMode::External) {
            n.need(
                "registration_url",
                self.registration_url
                    .as_deref()
                    .is_some_and(|u| !u.trim().is_empty()),
            );
        }
        n.need(
            "instruction_languages",
            !self.instruction_languages.is_empty(),
        );
        for (i, q) in self.questions.iter().enumerate() {
            n.text_as(&format!("questions.{i}.label"), "", &q.label, true);
        }
        n.need("sessions", sessions.iter().any(|s| !s.cancelled));
        for (i, s) in sessions.iter().enumerate() {
            n.nested(&format!("sessions.{i}"), s.needs(self.written_in));
        }
        n.needs
    }

    /// What is refused when publishing the edition with `sessions`: its and its sessions'
    /// draft refusals (a session's as `sessions.<index>.<field>`), and every unmet need.
    pub fn check_publish(&self, sessions: &[SessionDraft]) -> Vec<Refusal> {
        let mut c = Checker {
            refused: self.check_draft(),
        };
        if sessions.len() > MAX_SESSIONS {
            c.refuse("sessions", "too-many");
        }
        for (i, s) in sessions.iter().enumerate() {
            c.nested(&format!("sessions.{i}"), s.check_draft());
        }
        let mut refused = c.done();
        refused.extend(unmet(self.needs(sessions)));
        refused
    }

    /// The edition's meter, its sessions' included.
    pub fn completeness(&self, sessions: &[SessionDraft]) -> Completeness {
        completeness_of(&self.needs(sessions))
    }
}

fn check_cost(c: &mut Checker, cost: &Cost) {
    if cost.kind.has_fee() {
        match cost.fee_cents {
            None => c.refuse("cost.fee_cents", "required"),
            Some(cents) if !(1..=MAX_FEE_CENTS).contains(&cents) => {
                c.refuse("cost.fee_cents", "out-of-range")
            }
            Some(_) => {}
        }
        match cost.fee_currency.as_deref().map(str::trim) {
            None | Some("") => c.refuse("cost.fee_currency", "required"),
            Some(currency) if !is_currency(currency) => {
                c.refuse("cost.fee_currency", "unknown-currency")
            }
            Some(_) => {}
        }
    } else {
        if cost.fee_cents.is_some() {
            c.refuse("cost.fee_cents", "not-expected");
        }
        if cost.fee_currency.is_some() {
            c.refuse("cost.fee_currency", "not-expected");
        }
    }
    c.text("cost.note", &cost.note, MAX_COST_NOTE, Lines::Many);
}

impl SessionDraft {
    /// What is refused even in a draft.
    pub fn check_draft(&self) -> Vec<Refusal> {
        let mut c = Checker::default();
        if self.starts_at.is_none() {
            c.refuse("starts_at", "required");
        }
        if self.ends_at.is_none() {
            c.refuse("ends_at", "required");
        }
        if let (Some(starts), Some(ends)) = (self.starts_at, self.ends_at) {
            if ends <= starts {
                c.refuse("ends_at", "ends-before-starts");
            }
        }
        if self.zone.trim().is_empty() {
            c.refuse("zone", "required");
        } else if !is_zone(&self.zone) {
            c.refuse("zone", "unknown-zone");
        }
        c.text("title", &self.title, MAX_TITLE, Lines::One);
        c.text("location", &self.location, MAX_LOCATION, Lines::Many);
        if let Some(tags) = &self.instruction_languages {
            if tags.is_empty() {
                c.refuse("instruction_languages", "required");
            }
            c.tags("instruction_languages", tags);
        }
        c.same(
            &self.same_in_every_language,
            same_fields::SESSION,
            &[("title", &self.title), ("location", &self.location)],
        );
        c.done()
    }

    /// What publishing needs of a session of an edition written in `written_in` (a
    /// session's texts are its edition's language).
    fn needs(&self, written_in: Option<Lang>) -> Vec<Need> {
        let mut n = Needs::new(&self.same_in_every_language, written_in);
        n.text("title", &self.title, false);
        n.text("location", &self.location, false);
        n.needs
    }

    /// What is refused when publishing the session on its own (an edit of a session of a
    /// published edition written in `written_in`).
    pub fn check_publish(&self, written_in: Option<Lang>) -> Vec<Refusal> {
        let mut refused = self.check_draft();
        refused.extend(unmet(self.needs(written_in)));
        refused
    }
}

impl ResourceDraft {
    /// What is refused even in a draft: a resource needs its kind; a translator is credited
    /// only for a language it is available in, other than its original one.
    pub fn check_draft(&self) -> Vec<Refusal> {
        let mut c = Checker::default();
        if self.kind.is_none() {
            c.refuse("kind", "required");
        }
        c.topics("topics", &self.topics);
        if let Some(code) = &self.original {
            if !is_language_code(code) {
                c.refuse("original", "unknown-language-code");
            }
        }
        c.text("title", &self.title, MAX_TITLE, Lines::One);
        c.text("summary", &self.summary, MAX_SUMMARY, Lines::Many);
        c.text("body", &self.body, MAX_DESCRIPTION, Lines::Many);
        c.text("translator", &self.translator, MAX_NAME, Lines::One);
        let languages: BTreeSet<&str> = self.languages().collect();
        for (code, name) in &self.translator.0 {
            let translated = languages.contains(code.as_str())
                && self.original.as_deref() != Some(code.as_str());
            if has_visible(name) && !translated {
                c.refuse(format!("translator.{code}"), "not-expected");
            }
        }
        c.label("source", self.source.as_deref());
        c.label("licence", self.licence.as_deref());
        c.url("url", self.url.as_deref());
        for (field, ids) in [("offerings", &self.offerings), ("editions", &self.editions)] {
            let distinct: BTreeSet<&String> = ids.iter().collect();
            if ids.len() > MAX_RESOURCE_LINKS {
                c.refuse(field, "too-many");
            } else if distinct.len() != ids.len() {
                c.refuse(field, "duplicate");
            }
        }
        c.done()
    }

    /// What publishing needs: the original language and its title, a summary in every
    /// language it is available in, a translator for every translation, and something to
    /// read (a link, a file, or a body).
    fn needs(&self) -> Vec<Need> {
        let none_same = BTreeSet::new();
        let mut n = Needs::new(&none_same, None);
        let original = self.original.as_deref().unwrap_or_default();
        n.need("original", !original.is_empty());
        n.need(
            format!("title.{original}"),
            self.title.0.get(original).is_some_and(|t| has_visible(t)),
        );
        for code in self.languages() {
            let written = |text: &Localized| text.0.get(code).is_some_and(|t| has_visible(t));
            n.need(format!("summary.{code}"), written(&self.summary));
            if code != original {
                n.need(format!("translator.{code}"), written(&self.translator));
            }
        }
        let body = self.body.0.values().any(|t| has_visible(t));
        n.need("url", self.url.is_some() || self.file.is_some() || body);
        n.needs
    }

    pub fn check_publish(&self) -> Vec<Refusal> {
        let mut refused = self.check_draft();
        refused.extend(unmet(self.needs()));
        refused
    }

    pub fn completeness(&self) -> Completeness {
        completeness_of(&self.needs())
    }
}

impl PersonDraft {
    pub fn check_draft(&self) -> Vec<Refusal> {
        let mut c = Checker::default();
        c.name("name", &self.name);
        c.text("bio", &self.bio, MAX_BIO, Lines::Many);
        c.same(
            &self.same_in_every_language,
            same_fields::PERSON,
            &[("bio", &self.bio)],
        );
        c.done()
    }

    fn needs(&self) -> Vec<Need> {
        let mut n = Needs::new(&self.same_in_every_language, None);
        n.need("name", has_visible(&self.name));
        n.text("bio", &self.bio, false);
        n.needs
    }

    pub fn check_publish(&self) -> Vec<Refusal> {
        let mut refused = self.check_draft();
        refused.extend(unmet(self.needs()).filter(|(f, _)| f != "name"));
        refused
    }

    pub fn completeness(&self) -> Completeness {
        completeness_of(&self.needs())
    }
}

impl PartnerDraft {
    pub fn check_draft(&self) -> Vec<Refusal> {
        let mut c = Checker::default();
        c.name("name", &self.name);
        c.text(
            "description",
            &self.description,
            MAX_DESCRIPTION,
            Lines::Many,
        );
        c.url("url", self.url.as_deref());
        c.same(
            &self.same_in_every_language,
            same_fields::PARTNER,
            &[("description", &self.description)],
        );
        c.done()
    }

    fn needs(&self) -> Vec<Need> {
        let mut n = Needs::new(&self.same_in_every_language, None);
        n.need("name", has_visible(&self.name));
        n.text("description", &self.description, false);
        n.needs
    }

    pub fn check_publish(&self) -> Vec<Refusal> {
        let mut refused = self.check_draft();
        refused.extend(unmet(self.needs()).filter(|(f, _)| f != "name"));
        refused
    }

    pub fn completeness(&self) -> Completeness {
        completeness_of(&self.needs())
    }
}

impl NetworkDraft {
    /// A network is shown as soon as it exists: its description is needed in every
    /// language from the start.
    pub fn check(&self) -> Vec<Refusal> {
        let mut c = Checker::default();
        c.name("name", &self.name);
        c.text(
            "description",
            &self.description,
            MAX_DESCRIPTION,
            Lines::Many,
        );
        c.url("url", self.url.as_deref());
        c.same(
            &self.same_in_every_language,
            same_fields::NETWORK,
            &[("description", &self.description)],
        );
        let mut refused = c.done();
        let mut n = Needs::new(&self.same_in_every_language, None);
        n.text("description", &self.description, true);
        refused.extend(unmet(n.needs));
        refused
    }
}

/// A language code as a key of localized texts: two or three lower-case letters.
fn is_language_code(code: &str) -> bool {
    (2..=3).contains(&code.len()) && code.chars().all(|c| c.is_ascii_lowercase())
}

/// A well-formed BCP 47 tag, as far as people write them: a primary subtag of 2–3 letters
/// (or 4–8 for the registered ones), then subtags of 1–8 letters or digits (`pt-BR`,
/// `zh-Hant-TW`, `es-419`, `sgn-CA`). Whether the language exists is not checked.
pub(crate) fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let primary = parts.next().unwrap_or("");
    tag.len() <= 35
        && (2..=8).contains(&primary.len())
        && primary.len() != 4
        && primary.chars().all(|c| c.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// An id as the API's addresses hold it.
fn is_identifier(id: &str) -> bool {
    id.len() <= MAX_ID
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

/// ISO 4217's shape: three upper-case letters.
fn is_currency(code: &str) -> bool {
    code.len() == 3 && code.chars().all(|c| c.is_ascii_uppercase())
}

/// A web address people can follow: `https://` or `http://`, a host name with a dot (or
/// `localhost`), an optional port, then any path without spaces or control characters.
/// No user part: `https://bank.example@evil.example` reads as one site and goes to another.
fn is_url(url: &str) -> bool {
    let Some(rest) = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
    else {
        return false;
    };
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, path) = rest.split_at(end);
    let (host, port) = match authority.rsplit_once(':') {
        Some((host, port)) => (host, Some(port)),
        None => (authority, None),
    };
    let port_ok =
        port.is_none_or(|p| !p.is_empty() && p.len() <= 5 && p.chars().all(|c| c.is_ascii_digit()));
    let labels: Vec<&str> = host.split('.').collect();
    let host_ok = (host == "localhost" || labels.len() >= 2)
        && labels.iter().all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_alphanumeric() || c == '-')
        });
    let path_ok = !path.chars().any(|c| c.is_whitespace() || c.is_control());
    port_ok && host_ok && path_ok
}

/// Whether `name` is an IANA zone: the full table with `tz` (the edge, the loader); the
/// app, without the table, checks the shape and leaves the rest to the API.
fn is_zone(name: &str) -> bool {
    #[cfg(feature = "tz")]
    {
        crate::schedule::parse_zone(name).is_ok()
    }
    #[cfg(not(feature = "tz"))]
    {
        name == "UTC"
            || (name.len() <= 64
                && name.contains('/')
                && name
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '/' | '_' | '-' | '+')))
    }
}

#[cfg(test)]
mod tests;
