//! News of what is coming, with no account: a person asks to be told when an offering's dates
//! are announced, or to hear a network's new dates, each a purpose of its own with the time
//! they consented to it (Quebec's Law 25 and the GDPR ask for consent per purpose). Nothing is
//! sent before they confirm from the emailed link (double opt-in); every message carries a
//! link that stops it in one click, which erases what was kept for that purpose.

use serde::{Deserialize, Serialize};

use crate::i18n::Messages;
use crate::registration::{self, Composed, Refusal};
use crate::Lang;

/// What a person asked to hear about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Purpose {
    /// When an offering's (new) dates are announced.
    OfferingDates,
    /// Every new edition a network publishes.
    NetworkNews,
}

impl Purpose {
    pub const ALL: [Purpose; 2] = [Purpose::OfferingDates, Purpose::NetworkNews];

    pub fn as_str(self) -> &'static str {
        match self {
            Purpose::OfferingDates => "offering_dates",
            Purpose::NetworkNews => "network_news",
        }
    }
}

/// `POST /api/follows`: what a person sends. Every field is optional so that each missing
/// one is refused by name, with the others.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct FollowRequest {
    pub email: Option<String>,
    pub lang: Option<String>,
    /// Their IANA zone: dates in messages are on their clock.
    pub zone: Option<String>,
    /// One of the two: the offering whose dates they wait for, or the network they follow.
    pub offering: Option<String>,
    pub network: Option<String>,
    /// Their consent to this purpose.
    pub consent: bool,
    /// The field people never see, as the registration form's.
    pub website: Option<String>,
}

impl FollowRequest {
    /// Whether a robot filled the field people never see.
    pub fn is_robot(&self) -> bool {
        registration::filled_by_robot(self.website.as_deref())
    }
}

/// A request that passed every check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Follow {
    pub email: String,
    pub lang: Lang,
    pub zone: String,
    pub purpose: Purpose,
    /// The offering's id or the network's, as the purpose says.
    pub subject: String,
}

/// Checks `request`; `zone` as for a registration. The address, language, zone and consent
/// follow the registration's own rules.
pub fn validate(
    request: FollowRequest,
    zone: impl Fn(&str) -> Option<String>,
) -> Result<Follow, Vec<Refusal>> {
    let mut refused: Vec<Refusal> = vec![];
    let offering = request.offering.as_deref().map(str::trim).unwrap_or("");
    let network = request.network.as_deref().map(str::trim).unwrap_or("");
    let purpose = match (offering.is_empty(), network.is_empty()) {
        (false, true) => Some((Purpose::OfferingDates, offering)),
        (true, false) => Some((Purpose::NetworkNews, network)),
        (true, true) => {
            refused.push(("offering".into(), "required"));
            None
        }
        (false, false) => {
            refused.push(("network".into(), "not-expected"));
            None
        }
    };
    // The person's fields by the registration's rules, with a name they need not give.
    let person = registration::RegistrationRequest {
        name: Some("-".into()),
        email: request.email,
        lang: request.lang,
        zone: request.zone,
        consent: request.consent,
        ..Default::default()
    };
    match (registration::validate(person, &[], zone), purpose) {
        (Ok(person), Some((purpose, subject))) if refused.is_empty() => Ok(Follow {
            email: person.email,
            lang: person.lang,
            zone: person.zone,
            purpose,
            subject: subject.to_owned(),
        }),
        (Ok(_), _) => Err(refused),
        (Err(mut theirs), _) => {
            registration::consent_for_purpose(&mut theirs);
            theirs.append(&mut refused);
            Err(theirs)
        }
    }
}

/// What a request is answered, whoever the address belongs to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowReceived {
    /// Always `link_sent`: the link to confirm goes by email.
    pub status: String,
}

/// `GET /api/follows/{token}`: what the link is for, in the reader's language.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FollowView {
    pub purpose: Purpose,
    /// The offering's or the network's id, and its name in the reader's language.
    pub subject_id: String,
    pub subject_name: String,
    pub email: String,
    pub lang: Lang,
    pub zone: String,
    pub consented_at: chrono::DateTime<chrono::Utc>,
    /// `None` until they confirm from the emailed link: nothing is sent before.
    pub confirmed_at: Option<chrono::DateTime<chrono::Utc>>,
}

/// The messages of news (`outbox.kind`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NewsMessage {
    /// The link to confirm (double opt-in).
    Confirm,
    /// An edition of what they follow was published.
    NewDates,
}

impl NewsMessage {
    pub const ALL: [NewsMessage; 2] = [NewsMessage::Confirm, NewsMessage::NewDates];

    pub fn as_str(self) -> &'static str {
        match self {
            NewsMessage::Confirm => "follow_confirm",
            NewsMessage::NewDates => "new_dates",
        }
    }

    pub fn parse(s: &str) -> Option<NewsMessage> {
        NewsMessage::ALL.into_iter().find(|m| m.as_str() == s)
    }
}

/// What a news message says.
#[derive(Clone, Debug, PartialEq)]
pub struct NewsFacts {
    pub purpose: Purpose,
    /// The offering's or network's name, in the recipient's language.
    pub subject: String,
    /// For new dates: the offering's title, its page, and its sessions on their clock.
    pub offering: Option<String>,
    pub page: Option<String>,
    pub zone: String,
    pub sessions: Vec<(chrono::NaiveDateTime, chrono::NaiveDateTime)>,
    /// Their link: to confirm, or to stop these messages in one click.
    pub url: String,
}

/// Writes a news message in `messages`' language: the confirmation asks them to confirm and
/// says nothing will be sent otherwise; the news lists the sessions on their clock. Both say
/// how to stop.
pub fn compose(kind: NewsMessage, facts: &NewsFacts, messages: &Messages) -> Composed {
    use crate::schedule::format_span;
    let args = [
        ("subject", facts.subject.as_str().into()),
        (
            "offering",
            facts.offering.clone().unwrap_or_default().into(),
        ),
        ("page", facts.page.clone().unwrap_or_default().into()),
        ("url", facts.url.as_str().into()),
        ("zone", facts.zone.as_str().into()),
    ];
    let purpose = facts.purpose.as_str().replace('_', "-");
    let mut blocks = vec![messages.get("mail-hello")];
    let subject = match kind {
        NewsMessage::Confirm => {
            blocks.push(messages.format(&format!("mail-body-follow-confirm-{purpose}"), &args));
            blocks.push(messages.format("mail-follow-confirm-link", &args));
            blocks.push(messages.get("mail-follow-unexpected"));
            messages.format("mail-subject-follow-confirm", &args)
        }
        NewsMessage::NewDates => {
            blocks.push(messages.format("mail-body-new-dates", &args));
            if !facts.sessions.is_empty() {
                let mut list = messages.format("mail-sessions", &args);
                for (start, end) in &facts.sessions {
                    list.push_str("\n- ");
                    list.push_str(&format_span(*start, *end, messages));
                }
                blocks.push(list);
            }
            blocks.push(messages.format("mail-new-dates-page", &args));
            blocks.push(messages.format(&format!("mail-follow-stop-{purpose}"), &args));
            messages.format("mail-subject-new-dates", &args)
        }
    };
    blocks.push(messages.get("mail-signature"));
    Composed {
        subject,
        body: blocks.join("\n\n"),
    }
}

#[cfg(test)]
mod tests;
