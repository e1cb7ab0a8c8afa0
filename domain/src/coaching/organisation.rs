//! An organisation as a participant: a neighbourhood initiative, a collective or an
//! association that asks for coaching and owns its requests and hours. It is registered with
//! one contact person, whose address receives the organisation's private link; from that
//! link its contacts are added and removed, so a new team can take over (no account).

use serde::{Deserialize, Serialize};

use crate::coaching::budget::{Balance, Minutes, Period};
use crate::coaching::request::{RequestForm, Stage};
use crate::registration::{
    self, clean, has_visible, text_refusal, Lines, Refusal, RegistrationRequest,
};

/// The longest organisation name and area kept, in characters.
pub const MAX_NAME: usize = 120;
pub const MAX_AREA: usize = 120;
/// The most contacts an organisation keeps.
pub const MAX_CONTACTS: usize = 10;

/// What kind of organisation asks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrganisationKind {
    /// A neighbourhood initiative (« une initiative de quartier »).
    Neighbourhood,
    Collective,
    Association,
}

impl OrganisationKind {
    pub const ALL: [OrganisationKind; 3] = [
        OrganisationKind::Neighbourhood,
        OrganisationKind::Collective,
        OrganisationKind::Association,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            OrganisationKind::Neighbourhood => "neighbourhood",
            OrganisationKind::Collective => "collective",
            OrganisationKind::Association => "association",
        }
    }

    pub fn parse(name: &str) -> Option<OrganisationKind> {
        OrganisationKind::ALL
            .into_iter()
            .find(|k| k.as_str() == name)
    }
}

/// A contact person, as the form sends them. Every field is optional here so that a
/// missing one is refused by name.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ContactForm {
    pub name: Option<String>,
    pub email: Option<String>,
    /// The language messages to them are written in.
    pub lang: Option<String>,
    /// Their IANA zone: bookings are shown to them on their clock.
    pub zone: Option<String>,
    /// Consent to the use of their data for this purpose.
    pub consent: bool,
}

/// `POST /api/networks/{id}/organisations`: an organisation and its first contact.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct OrganisationForm {
    pub name: Option<String>,
    pub kind: Option<String>,
    /// Where it works: a neighbourhood's name.
    pub area: Option<String>,
    pub contact: ContactForm,
    /// The offering it came to ask for, if any: its link opens that request form.
    pub offering: Option<String>,
    /// The field people never see, as the registration form's.
    pub website: Option<String>,
}

/// A contact who passed every check, normalised.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Contact {
    pub name: String,
    /// Trimmed and lower-cased.
    pub email: String,
    pub lang: crate::Lang,
    pub zone: String,
}

/// An organisation that passed every check, normalised.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Organisation {
    pub name: String,
    pub kind: OrganisationKind,
    pub area: String,
    pub contact: Contact,
}

impl OrganisationForm {
    /// Whether a robot filled the field people never see.
    pub fn is_robot(&self) -> bool {
        registration::filled_by_robot(self.website.as_deref())
    }

    /// The organisation, or every refusal by field (the contact's under `contact.`).
    pub fn check(
        self,
        zone: impl Fn(&str) -> Option<String>,
    ) -> Result<Organisation, Vec<Refusal>> {
        let mut refused: Vec<Refusal> = vec![];
        let name = clean(self.name);
        if !has_visible(&name) {
            refused.push(("name".into(), "required"));
        } else if name.chars().count() > MAX_NAME {
            refused.push(("name".into(), "too-long"));
        } else if let Some(code) = text_refusal(&name, Lines::One) {
            refused.push(("name".into(), code));
        }
        let kind = match self.kind.as_deref().map(str::trim) {
            None | Some("") => {
                refused.push(("kind".into(), "required"));
                None
            }
            Some(k) => {
                let kind = OrganisationKind::parse(k);
                if kind.is_none() {
                    refused.push(("kind".into(), "unknown-organisation-kind"));
                }
                kind
            }
        };
        let area = clean(self.area);
        if area.chars().count() > MAX_AREA {
            refused.push(("area".into(), "too-long"));
        } else if let Some(code) = text_refusal(&area, Lines::One) {
            refused.push(("area".into(), code));
        }
        let contact = check_contact(self.contact, &name, zone);
        match (contact, kind) {
            (Ok(contact), Some(kind)) if refused.is_empty() => Ok(Organisation {
                name,
                kind,
                area: if has_visible(&area) {
                    area
                } else {
                    String::new()
                },
                contact,
            }),
            (Ok(_), _) => Err(refused),
            (Err(theirs), _) => {
                refused.extend(theirs);
                Err(refused)
            }
        }
    }
}

/// A contact checked as a registrant is (name, address, language, zone, consent), with the
/// refusals named under `contact.`.
pub fn check_contact(
    contact: ContactForm,
    organisation: &str,
    zone: impl Fn(&str) -> Option<String>,
) -> Result<Contact, Vec<Refusal>> {
    let person = RegistrationRequest {
        name: contact.name,
        email: contact.email,
        lang: contact.lang,
        zone: contact.zone,
        region: None,
        organisation: Some(organisation.to_owned()),
        answers: Default::default(),
        accessibility: None,
        consent: contact.consent,
        website: None,
    };
    match registration::validate(person, &[], false, zone) {
        Ok(p) => Ok(Contact {
            name: p.name,
            email: p.email,
            lang: p.lang,
            zone: p.zone,
        }),
        Err(mut refused) => {
            registration::consent_for_purpose(&mut refused);
            Err(refused
                .into_iter()
                .map(|(field, code)| (format!("contact.{field}"), code))
                .collect())
        }
    }
}

/// A person added from the organisation's own link: checked as the first contact is, each
/// refusal named by its own field (`name`, `email`, `lang`, `zone`, `consent`).
pub fn check_new_contact(
    contact: ContactForm,
    organisation: &str,
    zone: impl Fn(&str) -> Option<String>,
) -> Result<Contact, Vec<Refusal>> {
    check_contact(contact, organisation, zone).map_err(|refused| {
        refused
            .into_iter()
            .map(|(field, code)| (field.trim_start_matches("contact.").to_owned(), code))
            .collect()
    })
}

/// The fewest contacts an organisation keeps: someone always receives its messages and can
/// open its link.
pub const MIN_CONTACTS: u32 = 1;

/// Whether one of an organisation's `contacts` may be removed.
pub fn may_remove_contact(contacts: u32) -> bool {
    contacts > MIN_CONTACTS
}

/// `POST /api/networks/{id}/organisations` answers this, whoever the address belongs to:
/// the organisation's link goes by email.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganisationReceived {
    pub network_id: String,
    pub status: String,
}

/// `POST /api/organisations/{token}/requests`: a request for one of the network's
/// offerings on request.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct NewRequest {
    pub offering_id: Option<String>,
    #[serde(flatten)]
    pub form: RequestForm,
}

/// A contact as the organisation's page lists them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactView {
    pub id: String,
    pub name: String,
    pub email: String,
    pub lang: String,
}

/// A request as the organisation's page lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequestView {
    pub id: String,
    pub offering_id: String,
    pub offering_title: String,
    pub stage: Stage,
    pub subject: String,
    /// The partner assigned, by name.
    pub partner: Option<String>,
    pub period: Period,
    pub created_at: String,
    /// The sessions booked with the organisation, the soonest first.
    pub sessions: Vec<SessionView>,
}

/// A session booked with the organisation for one of its requests.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionView {
    pub starts_at: chrono::DateTime<chrono::Utc>,
    pub minutes: Minutes,
    /// `booked`, `given` or `cancelled`.
    pub state: String,
}

/// A programme's pool as an organisation sees it this period.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PoolView {
    pub places: u32,
    pub places_left: u32,
    /// Whether the organisation holds one of them.
    pub held: bool,
    pub balance: Balance,
}

/// What an organisation has in one programme this period.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BudgetView {
    pub programme_id: String,
    pub programme_name: String,
    pub period: Period,
    pub allowance: Balance,
    pub pool: Option<PoolView>,
}

/// An offering the organisation can ask for, with its form's choices.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfferOnRequest {
    pub offering_id: String,
    pub title: String,
    pub programme_id: Option<String>,
    /// `allowance` or `pool`.
    pub account: String,
    pub partners: Vec<PartnerChoice>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartnerChoice {
    pub id: String,
    pub name: String,
}

/// A registration made on behalf of the organisation through its link, as its page lists
/// it to its contacts (the registration form says so to the person registering).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganisationRegistration {
    pub edition_id: String,
    pub offering_title: String,
    /// The network that runs the offering.
    pub network_name: String,
    /// The edition's first session, if it has one.
    pub starts_at: Option<chrono::DateTime<chrono::Utc>>,
    /// The person registered, by name.
    pub name: String,
    pub status: registration::Status,
}

/// An edition whose people register on behalf of an organisation and that takes
/// registrations now: the organisation's people may register for it through its link.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OnBehalfEdition {
    pub edition_id: String,
    pub offering_title: String,
    pub network_name: String,
    pub starts_at: Option<chrono::DateTime<chrono::Utc>>,
}

/// `GET /api/organisations/{token}`: the organisation's own page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganisationPage {
    pub id: String,
    pub name: String,
    pub kind: OrganisationKind,
    pub area: String,
    pub network_id: String,
    pub network_name: String,
    pub contacts: Vec<ContactView>,
    pub budgets: Vec<BudgetView>,
    pub requests: Vec<RequestView>,
    pub offers: Vec<OfferOnRequest>,
    /// The registrations made on its behalf through its link, the latest edition first.
    #[serde(default)]
    pub registrations: Vec<OrganisationRegistration>,
    /// The editions its people may register for on its behalf now.
    #[serde(default)]
    pub on_behalf_editions: Vec<OnBehalfEdition>,
}

/// `POST /api/organisations/{token}/requests` answers this (201).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequestReceived {
    pub id: String,
    pub stage: Stage,
    pub period: Period,
    /// Whether a place of the programme's pool was taken for it.
    pub pool_place: bool,
}

/// The organisations' messages (`outbox.kind`), each to one contact.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OrganisationMessage {
    /// The organisation's private link, sent when it registers (or registers again).
    Link,
}

impl OrganisationMessage {
    pub const ALL: [OrganisationMessage; 1] = [OrganisationMessage::Link];

    pub fn as_str(self) -> &'static str {
        match self {
            OrganisationMessage::Link => "organisation_link",
        }
    }

    pub fn parse(s: &str) -> Option<OrganisationMessage> {
        OrganisationMessage::ALL
            .into_iter()
            .find(|m| m.as_str() == s)
    }
}

/// What an organisation's message says.
#[derive(Clone, Debug, PartialEq)]
pub struct OrganisationMessageFacts {
    /// The contact's name.
    pub name: String,
    pub organisation: String,
    pub network: String,
    /// The organisation's private link.
    pub url: String,
}

/// Writes an organisation's message in `messages`' language.
pub fn compose_message(
    kind: OrganisationMessage,
    facts: &OrganisationMessageFacts,
    messages: &crate::i18n::Messages,
) -> registration::Composed {
    let args = [
        ("name", facts.name.as_str().into()),
        ("organisation", facts.organisation.as_str().into()),
        ("network", facts.network.as_str().into()),
        ("url", facts.url.as_str().into()),
    ];
    let id = kind.as_str().replace('_', "-");
    registration::Composed {
        subject: messages.format(&format!("mail-subject-{id}"), &args),
        body: [
            messages.format("mail-greeting", &args),
            messages.format(&format!("mail-body-{id}"), &args),
            messages.format("mail-organisation-link", &args),
            messages.get("mail-signature"),
        ]
        .join("\n\n"),
    }
}

#[cfg(test)]
mod tests;
