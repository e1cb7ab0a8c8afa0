//! Membership of a network's community of practice, with no account: a network opens its
//! community with its own criteria (GGSN's four grassroots criteria, of which a group must
//! meet at least one), says whether people join for themselves or on behalf of an
//! organisation, may ask its own questions, and its coordinators decide on each application.
//! A member holds a private link (as a registrant does) to see where they stand and to leave,
//! which removes their data. Members read the network's members-only resources.

use serde::{Deserialize, Serialize};

use crate::authoring::is_language_tag;
use crate::registration::{self, Question, Refusal, RegistrationRequest};
use crate::{Lang, Localized};

/// How many of the criteria an applicant must meet.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    AtLeastOne,
    All,
}

impl Rule {
    /// Whether meeting `met` of `of` criteria is enough.
    pub fn is_met(self, met: usize, of: usize) -> bool {
        match self {
            Rule::AtLeastOne => met >= 1 || of == 0,
            Rule::All => met == of,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Rule::AtLeastOne => "at_least_one",
            Rule::All => "all",
        }
    }
}

/// Whom an applicant joins for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OnBehalf {
    Individual,
    Organisation,
}

impl OnBehalf {
    pub fn as_str(self) -> &'static str {
        match self {
            OnBehalf::Individual => "individual",
            OnBehalf::Organisation => "organisation",
        }
    }
}

/// A network's community, as it opens it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Community {
    pub rule: Rule,
    /// Each criterion in every language it is written in.
    pub criteria: Vec<Localized>,
    /// The ways one may join; at least one.
    pub on_behalf: Vec<OnBehalf>,
    #[serde(default)]
    pub questions: Vec<Question>,
}

impl Community {
    /// What a network's community needs before it takes applications: a way to join, and
    /// each criterion in every interface language (applicants read them in theirs).
    pub fn check(&self) -> Vec<Refusal> {
        let mut refused = vec![];
        if self.on_behalf.is_empty() {
            refused.push(("on_behalf".to_owned(), "required"));
        }
        for (i, criterion) in self.criteria.iter().enumerate() {
            for lang in Lang::all() {
                let written = criterion
                    .0
                    .get(lang.code())
                    .is_some_and(|t| registration::has_visible(t));
                if !written {
                    refused.push((format!("criteria.{i}.{}", lang.code()), "required"));
                }
            }
        }
        refused
    }
}

/// What an applicant sends. Every field is optional so that each missing one is refused by
/// name, with the others.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Application {
    pub name: Option<String>,
    pub email: Option<String>,
    pub lang: Option<String>,
    /// Their IANA zone: it feeds the scheduling assistant, and messages are on their clock.
    pub zone: Option<String>,
    pub region: Option<String>,
    /// Languages they can take part in (BCP 47 tags).
    pub languages: Vec<String>,
    pub on_behalf: Option<OnBehalf>,
    /// The organisation's name, when joining on its behalf.
    pub organisation: Option<String>,
    /// The criteria met, by their position in the community's list.
    pub criteria: Vec<usize>,
    pub answers: std::collections::BTreeMap<String, String>,
    pub consent: bool,
    /// The field people never see, as the registration form's.
    pub website: Option<String>,
}

impl Application {
    /// Whether a robot filled the field people never see.
    pub fn is_robot(&self) -> bool {
        registration::filled_by_robot(self.website.as_deref())
    }
}

/// An application that passed every check, normalised.
#[derive(Clone, Debug, PartialEq)]
pub struct Applicant {
    pub person: registration::Registrant,
    pub languages: Vec<String>,
    pub on_behalf: OnBehalf,
    /// Sorted, each once.
    pub criteria: Vec<usize>,
}

/// The most languages an applicant lists.
pub const MAX_LANGUAGES: usize = 10;

/// Checks `application` against `community`; `zone` as for a registration. The person's
/// fields (name, address, language, zone, region, organisation, answers, consent) are
/// checked by the registration's own rules; then who they join for, and the criteria.
pub fn validate(
    application: Application,
    community: &Community,
    zone: impl Fn(&str) -> Option<String>,
) -> Result<Applicant, Vec<Refusal>> {
    let mut refused: Vec<Refusal> = vec![];
    let on_behalf = application.on_behalf;
    match on_behalf {
        None => refused.push(("on_behalf".into(), "required")),
        Some(way) if !community.on_behalf.contains(&way) => {
            refused.push(("on_behalf".into(), "not-expected"))
        }
        Some(_) => {}
    }
    let organisation_named = application
        .organisation
        .as_deref()
        .is_some_and(registration::has_visible);
    if on_behalf == Some(OnBehalf::Organisation) && !organisation_named {
        refused.push(("organisation".into(), "required"));
    }
    let mut criteria = application.criteria.clone();
    criteria.sort_unstable();
    criteria.dedup();
    if criteria.iter().any(|&c| c >= community.criteria.len()) {
        refused.push(("criteria".into(), "out-of-range"));
    } else if !community
        .rule
        .is_met(criteria.len(), community.criteria.len())
    {
        refused.push(("criteria".into(), "required"));
    }
    let mut languages = Vec::new();
    if application.languages.len() > MAX_LANGUAGES {
        refused.push(("languages".into(), "too-many"));
    }
    for (i, tag) in application.languages.iter().enumerate() {
        let tag = tag.trim();
        if !is_language_tag(tag) {
            refused.push((format!("languages.{i}"), "unknown-language-code"));
        } else if !languages
            .iter()
            .any(|l: &String| l.eq_ignore_ascii_case(tag))
        {
            languages.push(tag.to_owned());
        }
    }
    let person = RegistrationRequest {
        name: application.name,
        email: application.email,
        lang: application.lang,
        zone: application.zone,
        region: application.region,
        organisation: application.organisation,
        answers: application.answers,
        accessibility: None,
        consent: application.consent,
        website: application.website,
    };
    let person = registration::validate(person, &community.questions, false, zone);
    match (person, on_behalf) {
        (Ok(person), Some(on_behalf)) if refused.is_empty() => Ok(Applicant {
            person,
            languages,
            on_behalf,
            criteria,
        }),
        (Ok(_), _) => Err(refused),
        (Err(mut theirs), _) => {
            registration::consent_for_purpose(&mut theirs);
            theirs.append(&mut refused);
            Err(theirs)
        }
    }
}

/// Where an application stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Standing {
    /// Waiting for the coordinators' decision.
    Applied,
    Member,
    Declined,
}

impl Standing {
    pub const ALL: [Standing; 3] = [Standing::Applied, Standing::Member, Standing::Declined];

    pub fn as_str(self) -> &'static str {
        match self {
            Standing::Applied => "applied",
            Standing::Member => "member",
            Standing::Declined => "declined",
        }
    }

    /// Whether they read the network's members-only resources and editions.
    pub fn is_member(self) -> bool {
        self == Standing::Member
    }
}

/// A coordinator's decision on an application.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    Accept,
    Decline,
}

impl Decision {
    /// The standings a decision may be taken from, and where it leads: an application is
    /// decided once; a member may later be declined (removed), never the other way without
    /// applying again.
    pub fn apply(self, from: Standing) -> Option<Standing> {
        match (self, from) {
            (Decision::Accept, Standing::Applied) => Some(Standing::Member),
            (Decision::Decline, Standing::Applied | Standing::Member) => Some(Standing::Declined),
            _ => None,
        }
    }

    /// The standings `apply` accepts, for the guarded `UPDATE … WHERE standing IN (…)`.
    pub fn from(self) -> Vec<Standing> {
        Standing::ALL
            .into_iter()
            .filter(|s| self.apply(*s).is_some())
            .collect()
    }
}

/// `GET /api/networks/{id}/community`: what the application form shows, in the reader's
/// language.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CommunityForm {
    pub network_id: String,
    pub network_name: String,
    pub rule: Rule,
    /// The criteria in the reader's language, by position.
    pub criteria: Vec<String>,
    pub on_behalf: Vec<OnBehalf>,
    pub questions: Vec<registration::FormQuestion>,
}

/// What an application is answered, whoever the address belongs to: the private link goes
/// by email, so a stranger learns nothing of who applied.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplicationReceived {
    pub network_id: String,
    /// Always `link_sent`.
    pub status: String,
}

/// `GET /api/members/{token}`: where someone stands with a community, from their private
/// link, and, once a member, the network's members-only resources in their language.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MemberView {
    pub network_id: String,
    pub network_name: String,
    pub name: String,
    pub email: String,
    pub lang: Lang,
    pub zone: String,
    pub region: Option<String>,
    pub languages: Vec<String>,
    pub standing: Standing,
    pub on_behalf: OnBehalf,
    pub organisation: Option<String>,
    /// The criteria they said they meet, in the reader's language.
    pub criteria: Vec<String>,
    pub applied_at: chrono::DateTime<chrono::Utc>,
    /// Members-only resources of the network (none before the coordinators' yes).
    pub resources: Vec<crate::library::Found>,
    /// The network's coming members-only editions, soonest first, on the reader's clock
    /// (none before the coordinators' yes); registering goes through the member's link.
    #[serde(default)]
    pub editions: Vec<MembersEdition>,
}

/// A members-only edition as a member's page lists it: with its offering's name.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MembersEdition {
    pub offering_id: String,
    pub offering_title: crate::Text,
    pub edition: crate::catalog::Edition,
}

/// One application as the network's coordinators see it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ApplicationRow {
    pub id: String,
    pub name: String,
    pub email: String,
    pub lang: Lang,
    pub zone: String,
    pub region: Option<String>,
    pub languages: Vec<String>,
    pub standing: Standing,
    pub on_behalf: OnBehalf,
    pub organisation: Option<String>,
    /// Positions in the community's criteria.
    pub criteria: Vec<usize>,
    pub answers: std::collections::BTreeMap<String, String>,
    pub applied_at: chrono::DateTime<chrono::Utc>,
    pub decided_at: Option<chrono::DateTime<chrono::Utc>>,
}

/// `GET /api/dashboard/networks/{id}/community`: a network's applications, waiting ones
/// first, with the criteria in the reader's language.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Applications {
    pub network_id: String,
    pub criteria: Vec<String>,
    pub items: Vec<ApplicationRow>,
}

/// `POST /api/dashboard/community-members/{id}/decision`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecisionRequest {
    pub decision: Decision,
}

/// The community's messages (`outbox.kind`), each to one applicant or member.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CommunityMessage {
    /// Their application was received; their private link.
    Applied,
    /// They applied again with the same address: a new link (the old ones still work).
    LinkSent,
    Accepted,
    Declined,
}

impl CommunityMessage {
    pub const ALL: [CommunityMessage; 4] = [
        CommunityMessage::Applied,
        CommunityMessage::LinkSent,
        CommunityMessage::Accepted,
        CommunityMessage::Declined,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            CommunityMessage::Applied => "community_applied",
            CommunityMessage::LinkSent => "community_link",
            CommunityMessage::Accepted => "community_accepted",
            CommunityMessage::Declined => "community_declined",
        }
    }

    pub fn parse(s: &str) -> Option<CommunityMessage> {
        CommunityMessage::ALL.into_iter().find(|m| m.as_str() == s)
    }

    /// The message a decision sends.
    pub fn of(decision: Decision) -> CommunityMessage {
        match decision {
            Decision::Accept => CommunityMessage::Accepted,
            Decision::Decline => CommunityMessage::Declined,
        }
    }
}

/// What a community message says.
#[derive(Clone, Debug, PartialEq)]
pub struct CommunityMessageFacts {
    pub name: String,
    pub network: String,
    /// Their private link, when the message carries one.
    pub url: Option<String>,
}

/// Writes a community message in `messages`' language. Every message says how to leave.
pub fn compose_message(
    kind: CommunityMessage,
    facts: &CommunityMessageFacts,
    messages: &crate::i18n::Messages,
) -> registration::Composed {
    let args = [
        ("name", facts.name.as_str().into()),
        ("network", facts.network.as_str().into()),
        ("url", facts.url.clone().unwrap_or_default().into()),
    ];
    let id = kind.as_str().replace('_', "-");
    let mut blocks = vec![
        messages.format("mail-greeting", &args),
        messages.format(&format!("mail-body-{id}"), &args),
    ];
    blocks.push(match facts.url {
        Some(_) => messages.format("mail-community-link", &args),
        None => messages.get("mail-community-link-kept"),
    });
    blocks.push(messages.get("mail-signature"));
    registration::Composed {
        subject: messages.format(&format!("mail-subject-{id}"), &args),
        body: blocks.join("\n\n"),
    }
}

/// The criteria in `lang`, else the default language, for a form or a message.
pub fn criteria_in(community: &Community, lang: Lang) -> Vec<String> {
    community
        .criteria
        .iter()
        .filter_map(|c| c.resolve(lang).map(|t| t.text))
        .collect()
}

#[cfg(test)]
mod tests;
