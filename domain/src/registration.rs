//! Registering for an edition, with no account: what a volunteer sends, the checks it must
//! pass (each refusal named by field), when an edition takes registrations, and where a new
//! registration goes (a place, the waiting list, or an application to decide on).

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::catalog::{instant, RegistrationMode};
use crate::{Lang, Localized};

pub mod lifecycle;
pub mod offline;
pub mod waitlist;
pub use lifecycle::{Event, Reason, Status, Transition};

/// The largest registration body the API reads.
pub const MAX_BODY_BYTES: usize = 16 * 1024;
pub const MAX_NAME: usize = 100;
pub const MAX_EMAIL: usize = 254;
pub const MAX_REGION: usize = 100;
pub const MAX_ORGANISATION: usize = 150;
pub const MAX_ACCESSIBILITY: usize = 1000;
pub const MAX_ANSWER: usize = 2000;

/// A refused field (`answers.<question>` for an answer) and its reason code, whose message
/// id is `field-<code>`.
pub type Refusal = (String, &'static str);

/// What a volunteer sends. Every field is optional here so that a missing one is refused by
/// name, with the others, rather than failing the whole body.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct RegistrationRequest {
    pub name: Option<String>,
    pub email: Option<String>,
    /// The language messages to them are written in.
    pub lang: Option<String>,
    /// Their IANA zone: times in messages are on their clock.
    pub zone: Option<String>,
    pub region: Option<String>,
    pub organisation: Option<String>,
    /// Answers to the edition's questions, by question id.
    pub answers: BTreeMap<String, String>,
    pub accessibility: Option<String>,
    /// Explicit consent to the use of their data, as the privacy notice states it.
    pub consent: bool,
    /// A field people never see (hidden from eyes and screen readers) that form-filling
    /// robots do: a request that fills it is answered as if it worked and stored nowhere.
    pub website: Option<String>,
}

impl RegistrationRequest {
    /// Whether a robot filled the field people never see.
    pub fn is_robot(&self) -> bool {
        filled_by_robot(self.website.as_deref())
    }
}

/// Whether a form's field that people never see (hidden from eyes and screen readers) was
/// filled, as form-filling robots do. Every public form has one; such a request is answered
/// as if it worked and stored nowhere.
pub fn filled_by_robot(website: Option<&str>) -> bool {
    website.is_some_and(|w| !w.trim().is_empty())
}

/// What an application asks (set per edition).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Question {
    pub id: String,
    pub label: Localized,
    #[serde(default)]
    pub required: bool,
    /// A yes/no question whose "yes" puts the applicant in a priority group (ranked first in
    /// the coordinators' view).
    #[serde(default)]
    pub priority: bool,
}

/// A registration that passed every check, normalised.
#[derive(Clone, Debug, PartialEq)]
pub struct Registrant {
    pub name: String,
    /// Trimmed and lower-cased: the same address is the same person for an edition.
    pub email: String,
    pub lang: Lang,
    pub zone: String,
    pub region: String,
    pub organisation: String,
    pub answers: BTreeMap<String, String>,
    pub accessibility: String,
    /// Whether they answered "yes" to a priority question.
    pub priority: bool,
}

/// Checks `request` against the edition's `questions`, and against its offering's asking
/// that people register on behalf of an organisation (`on_behalf`: its name is then
/// required); `zone` maps a zone name to its canonical IANA spelling, or `None` when
/// unknown. Every refusal is reported at once.
pub fn validate(
    request: RegistrationRequest,
    questions: &[Question],
    on_behalf: bool,
    zone: impl Fn(&str) -> Option<String>,
) -> Result<Registrant, Vec<Refusal>> {
    let mut refused: Vec<Refusal> = vec![];
    let mut refuse = |field: &str, code: &'static str| refused.push((field.to_owned(), code));

    let name = clean(request.name);
    match name.chars().count() {
        _ if !has_visible(&name) => refuse("name", "required"),
        n if n > MAX_NAME => refuse("name", "too-long"),
        _ => {
            if let Some(code) = text_refusal(&name, Lines::One) {
                refuse("name", code)
            }
        }
    }
    let email = clean(request.email).to_lowercase();
    if email.is_empty() {
        refuse("email", "required");
    } else if !is_email(&email) {
        refuse("email", "invalid-email");
    }
    let lang = match request.lang.as_deref().map(str::trim) {
        None | Some("") => {
            refuse("lang", "required");
            None
        }
        Some(code) => {
            let lang = Lang::parse(code);
            if lang.is_none() {
                refuse("lang", "unknown-language");
            }
            lang
        }
    };
    let zone = match request.zone.as_deref().map(str::trim) {
        None | Some("") => {
            refuse("zone", "required");
            None
        }
        Some(name) => {
            let known = zone(name);
            if known.is_none() {
                refuse("zone", "unknown-zone");
            }
            known
        }
    };
    let mut optional = |field: &str, value: Option<String>, max: usize, lines: Lines| {
        let value = clean(value);
        if value.chars().count() > max {
            refuse(field, "too-long");
        } else if let Some(code) = text_refusal(&value, lines) {
            refuse(field, code);
        }
        // Only invisible characters: nothing was said.
        if has_visible(&value) {
            value
        } else {
            String::new()
        }
    };
    let region = optional("region", request.region, MAX_REGION, Lines::One);
    let organisation = optional(
        "organisation",
        request.organisation,
        MAX_ORGANISATION,
        Lines::One,
    );
    let accessibility = optional(
        "accessibility",
        request.accessibility,
        MAX_ACCESSIBILITY,
        Lines::Many,
    );

    if on_behalf && organisation.is_empty() && !refused.iter().any(|(f, _)| f == "organisation") {
        refused.push(("organisation".to_owned(), "required"));
    }
    let mut answers = BTreeMap::new();
    let mut priority = false;
    for (id, answer) in request.answers {
        let field = format!("answers.{id}");
        let answer = answer.trim().to_owned();
        match questions.iter().find(|q| q.id == id) {
            None => refused.push((field, "unknown-question")),
            Some(_) if answer.chars().count() > MAX_ANSWER => refused.push((field, "too-long")),
            Some(_) if text_refusal(&answer, Lines::Many).is_some() => {
                refused.push((field, "invalid-text"))
            }
            Some(q) if q.priority && !matches!(answer.as_str(), "yes" | "no" | "") => {
                refused.push((field, "yes-or-no"))
            }
            Some(q) => {
                priority |= q.priority && answer == "yes";
                if has_visible(&answer) {
                    answers.insert(id, answer);
                }
            }
        }
    }
    for q in questions.iter().filter(|q| q.required) {
        if !answers.contains_key(&q.id) {
            refused.push((format!("answers.{}", q.id), "required"));
        }
    }
    if !request.consent {
        refused.push(("consent".to_owned(), "consent-required"));
    }

    match (lang, zone) {
        (Some(lang), Some(zone)) if refused.is_empty() => Ok(Registrant {
            name,
            email,
            lang,
            zone,
            region,
            organisation,
            answers,
            accessibility,
            priority,
        }),
        _ => Err(refused),
    }
}

pub(crate) fn clean(value: Option<String>) -> String {
    value.map(|v| v.trim().to_owned()).unwrap_or_default()
}

/// Whether a text field may hold several lines (a line break or a tab is then fine).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Lines {
    One,
    Many,
}

/// Why a text a person typed is refused, if it is: control characters (line breaks only
/// where lines are expected), and the bidirectional overrides and isolates that make a text
/// read differently from what it holds (a name shown backwards to a coordinator).
pub fn text_refusal(text: &str, lines: Lines) -> Option<&'static str> {
    let refused = |c: char| {
        let allowed_break = lines == Lines::Many && matches!(c, '\n' | '\r' | '\t');
        (c.is_control() && !allowed_break) || is_bidi_control(c)
    };
    text.chars().any(refused).then_some("invalid-text")
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Whether `text` shows anything: not only spaces and characters that print nothing
/// (zero-width spaces and joiners, word joiners, byte-order marks, soft hyphens, fillers).
pub fn has_visible(text: &str) -> bool {
    text.chars().any(|c| {
        !c.is_whitespace()
            && !c.is_control()
            && !is_bidi_control(c)
            && !matches!(
                c,
                '\u{00AD}'
                    | '\u{034F}'
                    | '\u{061C}'
                    | '\u{115F}'
                    | '\u{1160}'
                    | '\u{17B4}'
                    | '\u{17B5}'
                    | '\u{180B}'..='\u{180F}'
                    | '\u{200B}'..='\u{200F}'
                    | '\u{2060}'..='\u{2064}'
                    | '\u{206A}'..='\u{206F}'
                    | '\u{3164}'
                    | '\u{FE00}'..='\u{FE0F}'
                    | '\u{FEFF}'
                    | '\u{FFA0}'
            )
    })
}

/// What the "my links" form sends: an address, the language of the message, and the field
/// robots fill.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct LinksRequest {
    pub email: Option<String>,
    pub lang: Option<String>,
    pub website: Option<String>,
}

/// The address and language of a "my links" request, or every refusal.
pub fn validate_links(request: &LinksRequest) -> Result<(String, Lang), Vec<Refusal>> {
    let mut refused: Vec<Refusal> = vec![];
    let email = clean(request.email.clone()).to_lowercase();
    if email.is_empty() {
        refused.push(("email".into(), "required"));
    } else if !is_email(&email) {
        refused.push(("email".into(), "invalid-email"));
    }
    let lang = request.lang.as_deref().map(str::trim).and_then(Lang::parse);
    if lang.is_none() {
        refused.push(("lang".into(), "unknown-language"));
    }
    match lang {
        Some(lang) if refused.is_empty() => Ok((email, lang)),
        _ => Err(refused),
    }
}

/// A registration's refusals for another purpose (joining a community, hearing of new
/// dates): consent refused as consent to that purpose, not to registering.
pub fn consent_for_purpose(refused: &mut [Refusal]) {
    for (field, code) in refused.iter_mut() {
        if field == "consent" && *code == "consent-required" {
            *code = "consent-to-purpose";
        }
    }
}

/// One person's address whatever the alias: lower-cased, with a plus-address's tag
/// folded (`ana+atelier@example.org` is `ana@example.org`). For limits, not for identity:
/// two aliases are still two registrations.
pub fn folded_email(email: &str) -> String {
    let email = email.trim().to_lowercase();
    match email.split_once('@') {
        Some((local, domain)) => {
            let local = local.split_once('+').map_or(local, |(base, _)| base);
            format!("{local}@{domain}")
        }
        None => email,
    }
}

/// An address mail can be sent to, as forms check it (the WHATWG `type=email` rule, with a
/// dot required in the domain): no spaces, one `@`, a domain of letters, digits and hyphens.
pub fn is_email(email: &str) -> bool {
    if email.len() > MAX_EMAIL {
        return false;
    }
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    let local_ok = !local.is_empty()
        && local.len() <= 64
        && local
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || ".!#$%&'*+/=?^_`{|}~-".contains(c));
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
        && labels
            .last()
            .is_some_and(|tld| tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic()));
    local_ok && domain_ok
}

/// Why an edition does not take a registration now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Closed {
    /// Registration is elsewhere (a link) or not needed (drop in).
    NotHere,
    NotYetOpen,
    Over,
}

/// Whether an edition takes registrations at `now`: its mode is open or application, and
/// `now` is within its window. The window opens at `opens` (else at once) and closes at
/// `closes`, else when the first session starts.
pub fn window(
    mode: RegistrationMode,
    opens: Option<DateTime<Utc>>,
    closes: Option<DateTime<Utc>>,
    first_session: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> Result<(), Closed> {
    if !matches!(mode, RegistrationMode::Open | RegistrationMode::Application) {
        return Err(Closed::NotHere);
    }
    if opens.is_some_and(|opens| now < opens) {
        return Err(Closed::NotYetOpen);
    }
    match closes.or(first_session) {
        Some(closes) if now >= closes => Err(Closed::Over),
        _ => Ok(()),
    }
}

/// Whether an edition's form takes registrations now (`window`'s answer, for the app).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FormState {
    Open,
    /// Registration is on another site (`registration_url`) or not needed (drop in).
    NotHere,
    NotYetOpen,
    Over,
}

impl From<Result<(), Closed>> for FormState {
    fn from(window: Result<(), Closed>) -> FormState {
        match window {
            Ok(()) => FormState::Open,
            Err(Closed::NotHere) => FormState::NotHere,
            Err(Closed::NotYetOpen) => FormState::NotYetOpen,
            Err(Closed::Over) => FormState::Over,
        }
    }
}

/// A question as the form shows it, in the reader's language.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FormQuestion {
    pub id: String,
    pub label: crate::Text,
    pub required: bool,
    /// Asked as yes or no.
    pub priority: bool,
}

impl FormQuestion {
    pub fn new(question: &Question, lang: Lang) -> Option<FormQuestion> {
        Some(FormQuestion {
            id: question.id.clone(),
            label: question.label.resolve(lang)?,
            required: question.required,
            priority: question.priority,
        })
    }
}

/// What the registration form of an edition needs: the edition, whether it takes
/// registrations now, its questions and how many places are left.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RegistrationForm {
    pub offering_id: String,
    pub offering_title: crate::Text,
    /// Its sessions with the reader's offsets.
    pub edition: crate::catalog::Edition,
    pub state: FormState,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "instant::option"
    )]
    pub opens_at: Option<DateTime<Utc>>,
    /// When registration closes: the set instant, else the first session's start.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "instant::option"
    )]
    pub closes_at: Option<DateTime<Utc>>,
    /// Where to register when it is done elsewhere.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub registration_url: Option<String>,
    pub questions: Vec<FormQuestion>,
    /// People register on behalf of an organisation (a structure), whose name is asked.
    #[serde(default)]
    pub on_behalf: bool,
    /// Through an organisation's link: the organisation the registration is made on behalf
    /// of, by name (the form shows it, and asks for no other).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
    /// Places not yet held, when the edition has a capacity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub places_left: Option<u32>,
    /// People on the waiting list.
    pub waiting: u32,
}

/// What the API answers to a registration, in the registrant's terms.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RegistrationAnswer {
    /// Where the new registration stands. Absent when the address was already registered
    /// for the edition: nothing of that registration is told (a stranger could be asking),
    /// and its manage link is sent again to the address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    /// Position on the waiting list (1 = next), when waitlisted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub waitlist_position: Option<u32>,
    /// The private manage address; only in the answer that created the registration and its
    /// replays to the client holding its `Idempotency-Key` (it is also sent by email).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub manage_url: Option<String>,
    /// Whether this answer created the registration (or a cancelled person's return).
    pub created: bool,
    pub edition_id: String,
}

impl RegistrationAnswer {
    /// The answer to an address already registered, or to a robot: the same words.
    pub fn link_sent(edition_id: &str) -> RegistrationAnswer {
        RegistrationAnswer {
            status: None,
            waitlist_position: None,
            manage_url: None,
            created: false,
            edition_id: edition_id.to_owned(),
        }
    }
}

/// One change in a registration's history.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HistoryEntry {
    pub kind: Event,
    #[serde(with = "instant")]
    pub at: DateTime<Utc>,
}

/// A registration as its manage link shows it to the registrant.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ManagedRegistration {
    pub status: Status,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub waitlist_position: Option<u32>,
    pub name: String,
    pub email: String,
    pub lang: Lang,
    pub zone: String,
    pub offering_id: String,
    pub offering_title: crate::Text,
    /// The edition, its sessions with the registrant's offsets.
    pub edition: crate::catalog::Edition,
    /// The meeting link or private address: only while the registration holds a place.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub private_details: Option<crate::Text>,
    pub history: Vec<HistoryEntry>,
    /// The library's resources linked to their edition (a meeting's summary sheet), newest
    /// first: only while the registration holds a place.
    #[serde(default)]
    pub resources: Vec<crate::library::Found>,
}

/// What a registrant may change through their manage link.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct RegistrationUpdate {
    pub lang: Option<String>,
    pub zone: Option<String>,
}

/// Checks an update like a registration's fields; returns the new language and zone.
pub fn validate_update(
    update: RegistrationUpdate,
    zone: impl Fn(&str) -> Option<String>,
) -> Result<(Option<Lang>, Option<String>), Vec<Refusal>> {
    let mut refused = vec![];
    let lang = update.lang.map(|code| {
        let lang = Lang::parse(code.trim());
        if lang.is_none() {
            refused.push(("lang".to_owned(), "unknown-language"));
        }
        lang
    });
    let new_zone = update.zone.map(|name| {
        let known = zone(name.trim());
        if known.is_none() {
            refused.push(("zone".to_owned(), "unknown-zone"));
        }
        known
    });
    if refused.is_empty() {
        Ok((lang.flatten(), new_zone.flatten()))
    } else {
        Err(refused)
    }
}

/// A message to a registrant: what happened, or a reminder.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MessageKind {
    Confirmed,
    /// A place is kept for them until they confirm it.
    Held,
    Waitlisted,
    Applied,
    Promoted,
    /// A held place not confirmed in time went to the next person.
    Released,
    Accepted,
    Declined,
    Cancelled,
    /// By a coordinator, with the reason.
    CancelledByCoordinator,
    /// By a coordinator, with the reason.
    Removed,
    /// Their private link, sent again.
    LinkSent,
    /// Every private link of an address, asked for from the "my links" form.
    Links,
    /// 24 hours before a session.
    Reminder,
    /// A session's time, place or link changed: its new calendar entry (same UID, higher
    /// SEQUENCE).
    SessionChanged,
    /// A session will not take place (its calendar entry `STATUS:CANCELLED`).
    SessionCancelled,
}

impl MessageKind {
    pub const ALL: [MessageKind; 16] = [
        MessageKind::Confirmed,
        MessageKind::Held,
        MessageKind::Waitlisted,
        MessageKind::Applied,
        MessageKind::Promoted,
        MessageKind::Released,
        MessageKind::Accepted,
        MessageKind::Declined,
        MessageKind::Cancelled,
        MessageKind::CancelledByCoordinator,
        MessageKind::Removed,
        MessageKind::LinkSent,
        MessageKind::Links,
        MessageKind::Reminder,
        MessageKind::SessionChanged,
        MessageKind::SessionCancelled,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            MessageKind::Confirmed => "confirmed",
            MessageKind::Held => "held",
            MessageKind::Waitlisted => "waitlisted",
            MessageKind::Applied => "applied",
            MessageKind::Promoted => "promoted",
            MessageKind::Released => "released",
            MessageKind::Accepted => "accepted",
            MessageKind::Declined => "declined",
            MessageKind::Cancelled => "cancelled",
            MessageKind::CancelledByCoordinator => "cancelled_by_coordinator",
            MessageKind::Removed => "removed",
            MessageKind::LinkSent => "link_sent",
            MessageKind::Links => "links",
            MessageKind::Reminder => "reminder",
            MessageKind::SessionChanged => "session_changed",
            MessageKind::SessionCancelled => "session_cancelled",
        }
    }

    pub fn parse(s: &str) -> Option<MessageKind> {
        MessageKind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// Whether the message is for someone with a place: it then carries the private
    /// details and the sessions as a calendar file.
    pub fn for_a_place(self) -> bool {
        matches!(
            self,
            MessageKind::Confirmed
                | MessageKind::Promoted
                | MessageKind::Accepted
                | MessageKind::Reminder
        )
    }

    /// Whether it tells of a change to a session: it carries the session's new calendar
    /// entry, to everyone with a place or waiting (the meeting link only to people with a
    /// place).
    pub fn tells_a_session_change(self) -> bool {
        matches!(
            self,
            MessageKind::SessionChanged | MessageKind::SessionCancelled
        )
    }

    /// Whether it tells of the end of their registration (no sessions, no link to manage).
    fn ends_it(self) -> bool {
        matches!(
            self,
            MessageKind::Declined
                | MessageKind::Cancelled
                | MessageKind::CancelledByCoordinator
                | MessageKind::Removed
                | MessageKind::Released
        )
    }
}

/// What a message says, already on the recipient's clock and in their language.
pub struct MessageFacts {
    pub name: String,
    pub offering: String,
    pub waitlist_position: Option<u32>,
    /// The recipient's zone, named in the message.
    pub zone: String,
    /// Each session's start and end on the recipient's clock.
    pub sessions: Vec<(chrono::NaiveDateTime, chrono::NaiveDateTime)>,
    /// The meeting link or private address (only told to people with a place).
    pub private_details: Option<String>,
    /// The private manage link, known only when the registration is created or the link
    /// is sent again.
    pub manage_url: Option<String>,
    /// Why a coordinator cancelled or removed it, already in their language.
    pub reason: Option<String>,
    /// A coordinator's message with a decision that needs no reason (accepted, declined,
    /// waitlisted), as written.
    pub note: Option<String>,
    /// Until when a held place waits for their confirmation, on their clock.
    pub confirm_by: Option<chrono::NaiveDateTime>,
    /// Every registration of the address, for `Links`: what it is for (the offering, and
    /// when it starts on their clock) and its new private link.
    pub links: Vec<(String, Option<chrono::NaiveDateTime>, String)>,
}

/// A message ready to send.
#[derive(Clone, Debug, PartialEq)]
pub struct Composed {
    pub subject: String,
    pub body: String,
}

/// Writes message `kind` in `messages`' language (plain text, one paragraph per block).
pub fn compose(
    kind: MessageKind,
    facts: &MessageFacts,
    messages: &crate::i18n::Messages,
) -> Composed {
    use crate::schedule::{format_datetime, format_span};
    let position = facts.waitlist_position.unwrap_or(0);
    let when = facts
        .sessions
        .first()
        .map(|(start, _)| format_datetime(*start, messages))
        .unwrap_or_default();
    let confirm_by = facts
        .confirm_by
        .map(|at| format_datetime(at, messages))
        .unwrap_or_default();
    let args = [
        ("offering", facts.offering.as_str().into()),
        ("position", position.into()),
        ("name", facts.name.as_str().into()),
        ("when", when.into()),
        ("deadline", confirm_by.into()),
    ];
    let subject = messages.format(&format!("mail-subject-{}", kind.as_str()), &args);
    let mut blocks = vec![
        messages.format("mail-greeting", &args),
        messages.format(&format!("mail-body-{}", kind.as_str()), &args),
    ];
    if let Some(reason) = &facts.reason {
        blocks.push(messages.format("mail-reason", &[("reason", reason.as_str().into())]));
    }
    if let Some(note) = &facts.note {
        blocks.push(messages.format("mail-note", &[("note", note.as_str().into())]));
    }
    if kind == MessageKind::Links {
        let mut list = String::new();
        for (offering, starts, url) in &facts.links {
            let when = starts
                .map(|at| format!(" ({})", format_datetime(at, messages)))
                .unwrap_or_default();
            list.push_str(&format!("- {offering}{when}\n  {url}\n"));
        }
        blocks.push(list.trim_end().to_owned());
        blocks.push(messages.get("mail-signature"));
        return Composed {
            subject,
            body: blocks.join("\n\n"),
        };
    }
    if !kind.ends_it() && !facts.sessions.is_empty() {
        let mut list = messages.format("mail-sessions", &[("zone", facts.zone.as_str().into())]);
        for (start, end) in &facts.sessions {
            list.push_str("\n- ");
            list.push_str(&format_span(*start, *end, messages));
        }
        blocks.push(list);
    }
    if kind.for_a_place() {
        if let Some(details) = &facts.private_details {
            blocks.push(messages.format("mail-private", &[("details", details.as_str().into())]));
        }
        blocks.push(messages.get("mail-calendar"));
    }
    if !kind.ends_it() {
        blocks.push(match &facts.manage_url {
            Some(url) => messages.format("mail-manage", &[("url", url.as_str().into())]),
            None => messages.get("mail-manage-kept"),
        });
    }
    blocks.push(messages.get("mail-signature"));
    Composed {
        subject,
        body: blocks.join("\n\n"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zone(name: &str) -> Option<String> {
        ["Africa/Lagos", "America/Toronto"]
            .into_iter()
            .find(|z| z.eq_ignore_ascii_case(name))
            .map(str::to_owned)
    }

    fn question(id: &str, required: bool, priority: bool) -> Question {
        Question {
            id: id.into(),
            label: Localized::default(),
            required,
            priority,
        }
    }

    fn request() -> RegistrationRequest {
        RegistrationRequest {
            name: Some("  Amina Diallo ".into()),
            email: Some(" Amina.Diallo@Example.org ".into()),
            lang: Some("fr".into()),
            zone: Some("africa/lagos".into()),
            consent: true,
            ..Default::default()
        }
    }

    #[test]
    fn a_complete_request_is_normalised() {
        let r = validate(request(), &[], false, zone).unwrap();
        assert_eq!(r.name, "Amina Diallo");
        assert_eq!(r.email, "amina.diallo@example.org");
        assert_eq!(r.lang.code(), "fr");
        assert_eq!(r.zone, "Africa/Lagos");
        assert!(!r.priority);
    }

    #[test]
    fn an_offering_registered_for_on_behalf_of_an_organisation_requires_its_name() {
        let refused = validate(request(), &[], true, zone).unwrap_err();
        assert_eq!(refused, vec![("organisation".to_owned(), "required")]);
        let blank = RegistrationRequest {
            organisation: Some(" \u{200B} ".into()),
            ..request()
        };
        assert_eq!(
            validate(blank, &[], true, zone).unwrap_err(),
            vec![("organisation".to_owned(), "required")],
            "only invisible characters say nothing"
        );
        let named = RegistrationRequest {
            organisation: Some(" Chatons du Lot ".into()),
            ..request()
        };
        assert_eq!(
            validate(named, &[], true, zone).unwrap().organisation,
            "Chatons du Lot"
        );
        assert_eq!(
            validate(request(), &[], false, zone).unwrap().organisation,
            ""
        );
    }

    #[test]
    fn every_refusal_is_reported_at_once_by_field() {
        let questions = [
            question("motivation", true, false),
            question("chatons", false, true),
        ];
        let mut answers = BTreeMap::new();
        answers.insert("chatons".to_owned(), "peut-être".to_owned());
        answers.insert("shoe-size".to_owned(), "42".to_owned());
        let bad = RegistrationRequest {
            name: Some("x".repeat(101)),
            email: Some("not an address".into()),
            lang: Some("de".into()),
            zone: Some("Mars/Olympus".into()),
            region: Some("r".repeat(101)),
            answers,
            consent: false,
            ..Default::default()
        };
        let mut refused = validate(bad, &questions, false, zone).unwrap_err();
        refused.sort();
        let expected: Vec<Refusal> = vec![
            ("answers.chatons".into(), "yes-or-no"),
            ("answers.motivation".into(), "required"),
            ("answers.shoe-size".into(), "unknown-question"),
            ("consent".into(), "consent-required"),
            ("email".into(), "invalid-email"),
            ("lang".into(), "unknown-language"),
            ("name".into(), "too-long"),
            ("region".into(), "too-long"),
            ("zone".into(), "unknown-zone"),
        ];
        assert_eq!(refused, expected);
        let empty = validate(RegistrationRequest::default(), &[], false, zone).unwrap_err();
        let fields: Vec<&str> = empty.iter().map(|(f, _)| f.as_str()).collect();
        assert_eq!(fields, ["name", "email", "lang", "zone", "consent"]);
    }

    #[test]
    #[cfg(feature = "server-messages")]
    fn every_refusal_has_its_message_in_every_language() {
        let questions = [
            question("motivation", true, false),
            question("chatons", false, true),
        ];
        let mut answers = BTreeMap::new();
        answers.insert("chatons".to_owned(), "?".to_owned());
        answers.insert("other".to_owned(), "?".to_owned());
        let requests = [
            RegistrationRequest::default(),
            RegistrationRequest {
                name: Some("a\u{7}b".into()),
                email: Some("x".into()),
                lang: Some("xx".into()),
                zone: Some("Nowhere".into()),
                accessibility: Some("a".repeat(1001)),
                answers,
                ..Default::default()
            },
        ];
        let codes: std::collections::BTreeSet<&str> = requests
            .into_iter()
            .flat_map(|r| validate(r, &questions, false, zone).unwrap_err())
            .map(|(_, code)| code)
            .collect();
        assert!(codes.len() >= 9, "{codes:?}");
        for lang in Lang::all() {
            let ids = crate::i18n::message_ids(lang).unwrap();
            for code in &codes {
                assert!(
                    ids.contains(&format!("field-{code}")),
                    "{lang}: field-{code}"
                );
            }
        }
    }

    #[test]
    #[cfg(feature = "server-messages")]
    fn messages_speak_the_recipients_language_on_their_clock() {
        use crate::i18n::Messages;
        let at = |s: &str| s.parse::<chrono::NaiveDateTime>().unwrap();
        let facts = MessageFacts {
            name: "Amina".into(),
            offering: "Formation".into(),
            waitlist_position: Some(3),
            zone: "Africa/Lagos".into(),
            sessions: vec![(at("2026-12-09T00:30:00"), at("2026-12-09T02:00:00"))],
            private_details: Some("https://meet.example.org/x".into()),
            manage_url: Some("https://relais.example/fr/manage/abc".into()),
            reason: None,
            note: None,
            confirm_by: None,
            links: vec![],
        };
        let fr = Messages::new(Lang::parse("fr").unwrap()).unwrap();
        // French and English times use no-break spaces; compare with plain ones.
        let plain = |c: Composed| Composed {
            subject: c.subject,
            body: c.body.replace(['\u{a0}', '\u{202f}'], " "),
        };
        let waitlisted = plain(compose(MessageKind::Waitlisted, &facts, &fr));
        assert_eq!(
            waitlisted.subject,
            "Liste d’attente, position 3 : Formation"
        );
        assert!(waitlisted.body.starts_with("Bonjour Amina,"));
        assert!(
            waitlisted.body.contains("mercredi 9 décembre 2026, 0 h 30"),
            "{}",
            waitlisted.body
        );
        assert!(waitlisted.body.contains("(Africa/Lagos)"));
        assert!(
            !waitlisted.body.contains("meet.example.org"),
            "no private details while waiting"
        );
        assert!(waitlisted.body.contains("/fr/manage/abc"));
        let en = Messages::new(Lang::parse("en").unwrap()).unwrap();
        let confirmed = plain(compose(
            MessageKind::Confirmed,
            &MessageFacts {
                manage_url: None,
                ..facts
            },
            &en,
        ));
        assert_eq!(confirmed.subject, "Registration confirmed: Formation");
        assert!(confirmed.body.contains("12:30 AM"), "{}", confirmed.body);
        assert!(confirmed.body.contains("https://meet.example.org/x"));
        assert!(confirmed.body.contains("private link in the email"));
        let accepted = compose(
            MessageKind::Accepted,
            &MessageFacts {
                note: Some("See you Tuesday.".into()),
                ..confirmed_facts()
            },
            &en,
        );
        assert!(
            accepted
                .body
                .contains("A message from the team: See you Tuesday."),
            "{}",
            accepted.body
        );
        for kind in MessageKind::ALL {
            for m in [&fr, &en] {
                let c = compose(kind, &confirmed_facts(), m);
                assert!(
                    !c.subject.contains("mail-") && !c.body.contains("mail-"),
                    "{kind:?}: {c:?}"
                );
            }
        }
    }

    #[cfg(feature = "server-messages")]
    fn confirmed_facts() -> MessageFacts {
        MessageFacts {
            name: "N".into(),
            offering: "O".into(),
            waitlist_position: Some(1),
            zone: "UTC".into(),
            sessions: vec![],
            private_details: None,
            manage_url: None,
            reason: Some("R".into()),
            note: Some("Bienvenue".into()),
            confirm_by: None,
            links: vec![(
                "O".into(),
                None,
                "https://relais.example/fr/manage/t".into(),
            )],
        }
    }

    #[test]
    fn texts_that_hide_what_they_hold_are_refused() {
        let with = |name: &str, accessibility: &str| RegistrationRequest {
            name: Some(name.into()),
            accessibility: Some(accessibility.into()),
            ..request()
        };
        let fields = |r: RegistrationRequest| -> Vec<Refusal> {
            validate(r, &[], false, zone).err().unwrap_or_default()
        };
        // Only zero-width spaces, joiners and a byte-order mark: no name at all.
        assert_eq!(
            fields(with("\u{200B}\u{200D}\u{FEFF}", "")),
            [("name".to_owned(), "required")]
        );
        // A right-to-left override would show a coordinator another name.
        assert_eq!(
            fields(with("Amina \u{202E}olleD", "")),
            [("name".to_owned(), "invalid-text")]
        );
        assert_eq!(
            fields(with("Amina", "fauteuil\u{2066} roulant")),
            [("accessibility".to_owned(), "invalid-text")]
        );
        assert_eq!(
            fields(with("Amina", "bell\u{7}")),
            [("accessibility".to_owned(), "invalid-text")]
        );
        // Line breaks are fine where lines are expected, not in a name.
        assert!(fields(with("Amina", "rampe\nascenseur")).is_empty());
        assert_eq!(
            fields(with("Ami\nna", "")),
            [("name".to_owned(), "invalid-text")]
        );
        // Scripts written right to left, with their own marks, are names like any other.
        assert!(fields(with("أمينة \u{200F}ديالو", "")).is_empty());
        assert!(fields(with("Zoë ‍Kaur", "")).is_empty());
    }

    #[test]
    fn plus_addresses_fold_to_one_person() {
        assert_eq!(folded_email("Ana+Atelier@Example.org"), "ana@example.org");
        assert_eq!(folded_email("ana+a+b@example.org"), "ana@example.org");
        assert_eq!(folded_email("ana@example.org"), "ana@example.org");
    }

    #[test]
    fn a_filled_hidden_field_is_a_robot() {
        let mut r = request();
        assert!(!r.is_robot());
        r.website = Some("http://spam.example".into());
        assert!(r.is_robot());
    }

    #[test]
    fn a_yes_to_a_priority_question_ranks_first() {
        let questions = [question("chatons", false, true)];
        let mut yes = request();
        yes.answers.insert("chatons".into(), "yes".into());
        assert!(validate(yes, &questions, false, zone).unwrap().priority);
        let mut no = request();
        no.answers.insert("chatons".into(), "no".into());
        assert!(!validate(no, &questions, false, zone).unwrap().priority);
    }

    #[test]
    fn addresses_are_checked_as_forms_check_them() {
        for good in [
            "a@b.co",
            "first.last+tag@mail.example.org",
            "x_y@sub-domain.ca",
        ] {
            assert!(is_email(good), "{good}");
        }
        for bad in [
            "",
            "a",
            "a@b",
            "@b.co",
            "a@.co",
            "a@b.c",
            "a b@c.org",
            "a@b..org",
            "a@-b.org",
            "a@b.org-",
            "a@@b.org",
            "a@b.12",
        ] {
            assert!(!is_email(bad), "{bad}");
        }
        assert!(!is_email(&format!("{}@example.org", "a".repeat(65))));
    }

    #[test]
    fn registration_opens_and_closes_at_set_instants() {
        let at = |s: &str| s.parse::<DateTime<Utc>>().unwrap();
        let start = Some(at("2026-12-08T23:30:00Z"));
        let open = RegistrationMode::Open;
        assert_eq!(
            window(open, None, None, start, at("2026-12-01T00:00:00Z")),
            Ok(())
        );
        assert_eq!(
            window(open, None, None, start, at("2026-12-08T23:30:00Z")),
            Err(Closed::Over)
        );
        let opens = Some(at("2026-12-02T12:00:00Z"));
        assert_eq!(
            window(open, opens, None, start, at("2026-12-01T00:00:00Z")),
            Err(Closed::NotYetOpen)
        );
        let closes = Some(at("2026-12-05T00:00:00Z"));
        assert_eq!(
            window(open, None, closes, start, at("2026-12-06T00:00:00Z")),
            Err(Closed::Over)
        );
        for mode in [RegistrationMode::External, RegistrationMode::None] {
            assert_eq!(
                window(mode, None, None, start, at("2026-12-01T00:00:00Z")),
                Err(Closed::NotHere)
            );
        }
    }
}
