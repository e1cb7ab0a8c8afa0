//! D1 rows as stored, and their conversion to the domain's catalog types in one language.

use chrono::{DateTime, TimeDelta, Utc};
use relais_domain::authoring::{Cost, CostKind};
use relais_domain::catalog::query;
use relais_domain::catalog::{
    words, Edition, EditionCost, Format, Network, OfferingKind, OfferingSummary, Partner, Person,
    RegistrationMode, Session,
};
use relais_domain::i18n::Messages;
use relais_domain::schedule;
use relais_domain::{Lang, Localized, Text};
use serde::Deserialize;

use crate::http::ApiError;

/// A `SELECT count(*) AS count` row.
#[derive(Deserialize)]
pub struct Count {
    pub count: u32,
}

fn localized(json: &str) -> Result<Localized, ApiError> {
    Ok(serde_json::from_str(json)?)
}

pub(crate) fn text(json: &str, lang: Lang) -> Result<Option<Text>, ApiError> {
    Ok(localized(json)?.resolve(lang))
}

pub(crate) fn required_text(json: &str, lang: Lang, what: &str) -> Result<Text, ApiError> {
    text(json, lang)?
        .ok_or_else(|| ApiError::Internal(format!("{what} has no text in any language")))
}

pub(crate) fn instant(s: &str) -> Result<DateTime<Utc>, ApiError> {
    s.parse()
        .map_err(|e| ApiError::Internal(format!("bad instant {s:?}: {e}")))
}

/// The day the stored instant `at` falls on in `zone`, in the reader's words (« mardi 8
/// décembre 2026 »); none when either cannot be read.
pub(crate) fn day_in_zone(at: &str, zone: &str, messages: &Messages) -> Option<String> {
    let at = instant(at).ok()?;
    let offset = schedule::offset_minutes(at, zone).ok()?;
    let local = (at + TimeDelta::minutes(offset.into())).date_naive();
    Some(schedule::format_date(local, messages))
}

#[derive(Clone, Deserialize)]
pub struct OfferingRow {
    pub id: String,
    pub kind: String,
    pub title: String,
    pub summary: String,
    pub description: String,
    pub audience: String,
    pub cost: String,
    pub topics: String,
    pub languages: String,
    pub format: String,
    pub partner_id: Option<String>,
    pub partner_name: Option<String>,
    pub partner_description: Option<String>,
    pub partner_url: Option<String>,
    pub network_id: Option<String>,
    pub network_name: Option<String>,
}

impl OfferingRow {
    pub fn summary(
        &self,
        lang: Lang,
        next_edition: Option<Edition>,
    ) -> Result<OfferingSummary, ApiError> {
        let partner = match (&self.partner_id, &self.partner_name) {
            (Some(id), Some(name)) => Some(Partner {
                id: id.clone(),
                name: name.clone(),
                description: match &self.partner_description {
                    Some(d) => text(d, lang)?,
                    None => None,
                },
                url: self.partner_url.clone(),
            }),
            _ => None,
        };
        Ok(OfferingSummary {
            id: self.id.clone(),
            kind: OfferingKind::parse(&self.kind)
                .ok_or_else(|| ApiError::Internal(format!("kind {}", self.kind)))?,
            title: required_text(&self.title, lang, &self.id)?,
            summary: required_text(&self.summary, lang, &self.id)?,
            topics: serde_json::from_str(&self.topics)?,
            languages: serde_json::from_str(&self.languages)?,
            format: parse_format(&self.format)?,
            cost: text(&self.cost, lang)?,
            network: match (&self.network_id, &self.network_name) {
                (Some(id), Some(name)) => Some(Network {
                    id: id.clone(),
                    name: name.clone(),
                    description: None,
                    url: None,
                }),
                _ => None,
            },
            partner,
            next_edition,
        })
    }

    /// Whether every word of `query` is in the title, summary or description, in any
    /// language the offering is written in.
    pub fn matches_text(&self, query: &str) -> bool {
        let texts: Vec<String> = [&self.title, &self.summary, &self.description]
            .into_iter()
            .filter_map(|json| localized(json).ok())
            .flat_map(|l| l.0.into_values())
            .collect();
        query::matches_text(query, texts.iter().map(String::as_str))
    }

    pub fn description(&self, lang: Lang) -> Result<Text, ApiError> {
        required_text(&self.description, lang, &self.id)
    }

    pub fn audience(&self, lang: Lang) -> Result<Option<Text>, ApiError> {
        text(&self.audience, lang)
    }
}

fn parse_format(s: &str) -> Result<Format, ApiError> {
    Format::parse(s).ok_or_else(|| ApiError::Internal(format!("format {s}")))
}

#[derive(Deserialize)]
pub struct EditionRow {
    pub id: String,
    pub offering_id: String,
    pub title: String,
    pub registration_mode: String,
    pub capacity: Option<u32>,
    pub format: String,
    pub location: String,
    pub ends_at: Option<String>,
    pub written_in: Option<String>,
    pub instruction_languages: String,
    pub cost_kind: Option<String>,
    pub fee_cents: Option<i64>,
    pub fee_currency: Option<String>,
    pub cost_note: String,
}

impl EditionRow {
    /// The one interface language the edition is given in, if it is given in one.
    pub fn written_in(&self) -> Option<Lang> {
        self.written_in.as_deref().and_then(Lang::parse)
    }

    /// The edition for a reader of `m`'s language, its facts in their words (`words`), at
    /// `now`. The texts of an edition given in one language are read in that language, so
    /// that what the page shows and its notice ("presented in French only") agree; its
    /// sessions' are read the same way (`SessionRow::session`).
    pub fn edition(
        &self,
        m: &Messages,
        now: DateTime<Utc>,
        sessions: Vec<Session>,
    ) -> Result<Edition, ApiError> {
        let written_in = self.written_in();
        let shown = written_in.unwrap_or(m.lang());
        let cost = self.cost()?;
        let ended = match &self.ends_at {
            Some(ends_at) => instant(ends_at)? <= now,
            None => false,
        };
        let mut edition = Edition {
            id: self.id.clone(),
            title: text(&self.title, shown)?,
            registration_mode: RegistrationMode::parse(&self.registration_mode)
                .ok_or_else(|| ApiError::Internal(format!("mode {}", self.registration_mode)))?,
            capacity: self.capacity,
            location: text(&self.location, shown)?,
            format: parse_format(&self.format)?,
            sessions,
            instruction_languages: serde_json::from_str(&self.instruction_languages)?,
            written_in,
            cost_note: cost.as_ref().and_then(|c| c.note.resolve(shown)),
            cost: cost.map(|c| EditionCost {
                kind: c.kind,
                fee_cents: c.fee_cents,
                fee_currency: c.fee_currency,
            }),
            facts: vec![],
            written_in_notice: written_in.and_then(|l| words::written_in_notice(l, m)),
        };
        edition.facts = words::edition_facts(&edition, ended, m);
        Ok(edition)
    }

    /// The cost as stored, if its network said it.
    fn cost(&self) -> Result<Option<Cost>, ApiError> {
        let Some(kind) = self.cost_kind.as_deref() else {
            return Ok(None);
        };
        Ok(Some(Cost {
            kind: CostKind::parse(kind)
                .ok_or_else(|| ApiError::Internal(format!("cost {kind}")))?,
            fee_cents: self.fee_cents,
            fee_currency: self.fee_currency.clone(),
            note: localized(&self.cost_note)?,
        }))
    }
}

#[derive(Deserialize)]
pub struct SessionRow {
    pub id: String,
    pub edition_id: String,
    pub title: String,
    pub starts_at: String,
    pub ends_at: String,
    pub zone: String,
    pub instruction_languages: Option<String>,
}

impl SessionRow {
    /// The session for a reader of `m`'s language, its texts in `shown` (the reader's, or
    /// the one language of its edition), with the reader's offsets too when their zone is
    /// known. Its languages are said when they are not its edition's (`edition_languages`).
    pub fn session(
        &self,
        m: &Messages,
        shown: Lang,
        edition_languages: &str,
        reader_zone: Option<&str>,
    ) -> Result<Session, ApiError> {
        let (starts_at, ends_at) = (instant(&self.starts_at)?, instant(&self.ends_at)?);
        let offset = |at, zone: &str| {
            schedule::offset_minutes(at, zone).map_err(|e| ApiError::Internal(e.to_string()))
        };
        let (reader_start, reader_end) = match reader_zone {
            Some(zone) => (Some(offset(starts_at, zone)?), Some(offset(ends_at, zone)?)),
            None => (None, None),
        };
        let own_languages: Option<Vec<String>> = match &self.instruction_languages {
            Some(json) => {
                let own: Vec<String> = serde_json::from_str(json)?;
                let edition: Vec<String> = serde_json::from_str(edition_languages)?;
                (own != edition).then_some(own)
            }
            None => None,
        };
        Ok(Session {
            id: self.id.clone(),
            title: text(&self.title, shown)?,
            starts_at,
            ends_at,
            zone: self.zone.clone(),
            start_offset_minutes: offset(starts_at, &self.zone)?,
            end_offset_minutes: offset(ends_at, &self.zone)?,
            reader_start_offset_minutes: reader_start,
            reader_end_offset_minutes: reader_end,
            taught_in: own_languages
                .as_deref()
                .and_then(|tags| words::taught_in(tags, m)),
            instruction_languages: own_languages,
        })
    }
}

#[derive(Deserialize)]
pub struct PersonRow {
    pub id: String,
    pub name: String,
    pub bio: String,
    pub role: String,
}

impl PersonRow {
    pub fn person(&self, lang: Lang) -> Result<Person, ApiError> {
        Ok(Person {
            id: self.id.clone(),
            name: self.name.clone(),
            role: text(&self.role, lang)?,
            bio: text(&self.bio, lang)?,
        })
    }
}
