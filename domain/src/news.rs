//! News of what is coming, with no account: a person asks to be told when an offering's dates
//! are announced, or to hear a network's new dates, each a purpose of its own with the time
//! they consented to it (Quebec's Law 25 and the GDPR ask for consent per purpose). Nothing is
//! sent before they confirm from the emailed link (double opt-in); every message carries a
//! link that stops it in one click, which erases what was kept for that purpose.

use serde::{Deserialize, Serialize};

use crate::i18n::Messages;
use crate::registration::{self, Composed, Refusal};
use crate::{Lang, Localized};

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
    match (registration::validate(person, &[], false, zone), purpose) {
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
    /// Their network's digest of its coming offerings, written by its coordinators.
    Digest,
}

impl NewsMessage {
    pub const ALL: [NewsMessage; 3] = [
        NewsMessage::Confirm,
        NewsMessage::NewDates,
        NewsMessage::Digest,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            NewsMessage::Confirm => "follow_confirm",
            NewsMessage::NewDates => "new_dates",
            NewsMessage::Digest => "news_digest",
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
    /// For a digest: the coordinators' note in their language, and the coming editions.
    pub note: Option<String>,
    pub coming: Vec<ComingItem>,
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
        NewsMessage::Digest => {
            if let Some(note) = facts.note.as_ref().filter(|n| registration::has_visible(n)) {
                blocks.push(note.trim().to_owned());
            }
            let mut list = messages.format("mail-body-digest", &args);
            for item in &facts.coming {
                list.push_str(&format!(
                    "\n- {} — {}\n  {}",
                    item.title,
                    crate::schedule::format_datetime(item.starts, messages),
                    item.page
                ));
            }
            blocks.push(list);
            blocks.push(messages.format(&format!("mail-follow-stop-{purpose}"), &args));
            messages.format("mail-subject-digest", &args)
        }
    };
    blocks.push(messages.get("mail-signature"));
    Composed {
        subject,
        body: blocks.join("\n\n"),
    }
}

/// A network's digest of its coming offerings, as its coordinators write it to the people
/// who follow its news (`POST /api/dashboard/networks/{id}/digest`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DigestRequest {
    /// A few words before the list, in every interface language, or in none.
    pub note: Localized,
    /// The same key sent twice sends the digest once (a double click, a retry).
    pub key: Option<String>,
}

/// A digest's note, per language.
pub const MAX_DIGEST_NOTE: usize = 1_000;
/// A digest's key, as an announcement's.
pub const MAX_DIGEST_KEY: usize = 100;
/// The coming editions one digest lists, soonest first.
pub const DIGEST_ITEMS: u32 = 10;
/// Followers whose digest falls due in one round, and the rounds' spacing: a large list goes
/// out a round at a time, below the outbox's batch (25 a run, every 5 minutes), so that a
/// provider's limits hold and other messages still find room.
pub const DIGEST_PER_ROUND: u32 = 20;
pub const DIGEST_ROUND_MINUTES: u32 = 5;

/// Minutes after the digest is written that the follower at `position` (0 first) gets it.
pub fn digest_delay_minutes(position: u32) -> u32 {
    position / DIGEST_PER_ROUND * DIGEST_ROUND_MINUTES
}

impl DigestRequest {
    /// A key is needed; a note is written in every interface language or in none, each a few
    /// lines at most.
    pub fn check(&self) -> Vec<Refusal> {
        let mut refused: Vec<Refusal> = vec![];
        match self.key.as_deref() {
            Some(key) if !key.trim().is_empty() && key.chars().count() <= MAX_DIGEST_KEY => {}
            _ => refused.push(("key".into(), "invalid-idempotency-key")),
        }
        let written = |lang: Lang| {
            self.note
                .0
                .get(lang.code())
                .is_some_and(|t| registration::has_visible(t))
        };
        let any = Lang::all().any(written);
        for lang in Lang::all() {
            let field = format!("note.{}", lang.code());
            let text = self
                .note
                .0
                .get(lang.code())
                .map(String::as_str)
                .unwrap_or("");
            if any && !written(lang) {
                refused.push((field, "required"));
            } else if text.chars().count() > MAX_DIGEST_NOTE {
                refused.push((field, "too-long"));
            } else if let Some(code) = registration::text_refusal(text, registration::Lines::Many) {
                refused.push((field, code));
            }
        }
        for code in self.note.0.keys() {
            if Lang::parse(code).is_none() {
                refused.push((format!("note.{code}"), "not-expected"));
            }
        }
        refused
    }
}

/// `GET /api/dashboard/networks/{id}/digest`: what a digest would go to and hold now.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DigestPreview {
    /// People who confirmed they follow the network's news.
    pub followers: u32,
    /// The coming editions it would list, titled in the caller's language, soonest first.
    pub coming: Vec<String>,
}

/// The answer to writing a digest.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DigestQueued {
    /// Messages queued, one per follower (none again for a key already used).
    pub queued: u32,
    /// Minutes until the last falls due.
    pub last_in_minutes: u32,
}

/// One coming edition in a digest, on the recipient's clock.
#[derive(Clone, Debug, PartialEq)]
pub struct ComingItem {
    pub title: String,
    pub starts: chrono::NaiveDateTime,
    pub page: String,
}

#[cfg(test)]
mod tests;
