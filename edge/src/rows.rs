//! D1 rows as stored, and their conversion to the domain's catalog types in one language.

use chrono::{DateTime, Utc};
use relais_domain::catalog::query;
use relais_domain::catalog::{
    Edition, Format, Network, OfferingKind, OfferingSummary, Partner, Person, RegistrationMode,
    Session,
};
use relais_domain::schedule;
use relais_domain::{Lang, Localized, Text};
use serde::Deserialize;

use crate::http::ApiError;

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
}

impl EditionRow {
    pub fn edition(&self, lang: Lang, sessions: Vec<Session>) -> Result<Edition, ApiError> {
        Ok(Edition {
            id: self.id.clone(),
            title: text(&self.title, lang)?,
            registration_mode: RegistrationMode::parse(&self.registration_mode)
                .ok_or_else(|| ApiError::Internal(format!("mode {}", self.registration_mode)))?,
            capacity: self.capacity,
            location: text(&self.location, lang)?,
            format: parse_format(&self.format)?,
            sessions,
        })
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
}

impl SessionRow {
    /// The session in `lang`, with the reader's offsets too when their zone is known.
    pub fn session(&self, lang: Lang, reader_zone: Option<&str>) -> Result<Session, ApiError> {
        let (starts_at, ends_at) = (instant(&self.starts_at)?, instant(&self.ends_at)?);
        let offset = |at, zone: &str| {
            schedule::offset_minutes(at, zone).map_err(|e| ApiError::Internal(e.to_string()))
        };
        let (reader_start, reader_end) = match reader_zone {
            Some(zone) => (Some(offset(starts_at, zone)?), Some(offset(ends_at, zone)?)),
            None => (None, None),
        };
        Ok(Session {
            id: self.id.clone(),
            title: text(&self.title, lang)?,
            starts_at,
            ends_at,
            zone: self.zone.clone(),
            start_offset_minutes: offset(starts_at, &self.zone)?,
            end_offset_minutes: offset(ends_at, &self.zone)?,
            reader_start_offset_minutes: reader_start,
            reader_end_offset_minutes: reader_end,
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
