//! From the demo file to rows: references checked, dates moved, wall clocks resolved.

use std::collections::BTreeSet;

use chrono::{DateTime, Datelike, Days, NaiveDate, NaiveDateTime, NaiveTime, Utc};
use relais_domain::catalog::{Format, OfferingKind, RegistrationMode};
use relais_domain::i18n::Messages;
use relais_domain::schedule::{self, ScheduleError};
use relais_domain::Lang;
use thiserror::Error;

use crate::model::{self, Demo, Texts};

/// How far ahead of the load date a moved edition must start, so it never starts "today".
const LEAD_DAYS: u64 = 14;

#[derive(Debug, Error)]
pub enum PlanError {
    #[error("{0}: unknown partner {1:?}")]
    UnknownPartner(String, String),
    #[error("{0}: unknown person {1:?}")]
    UnknownPerson(String, String),
    #[error("{0}: topic {1:?} has no `topic-{1}` message in {2}")]
    UnknownTopic(String, String, Lang),
    #[error("{0}: {1} is missing")]
    MissingText(String, &'static str),
    #[error("{0}: a session needs either `date`, or `in_weeks` with `weekday`")]
    SessionDate(String),
    #[error("{0}: session ends before it starts")]
    SessionOrder(String),
    #[error("{0}: {1}")]
    Schedule(String, ScheduleError),
    #[error("duplicate id {0:?}")]
    DuplicateId(String),
    #[error("{0}")]
    I18n(#[from] relais_domain::i18n::I18nError),
}

pub struct Rows {
    pub partners: Vec<model::Partner>,
    pub persons: Vec<model::Person>,
    pub offerings: Vec<OfferingRow>,
    pub offering_persons: Vec<OfferingPersonRow>,
    pub editions: Vec<EditionRow>,
    pub sessions: Vec<SessionRow>,
}

pub struct OfferingRow {
    pub id: String,
    pub kind: OfferingKind,
    pub title: Texts,
    pub summary: Texts,
    pub description: Texts,
    pub audience: Texts,
    pub cost: Texts,
    pub topics: Vec<String>,
    pub languages: Vec<String>,
    pub format: Format,
    pub partner_id: Option<String>,
    pub position: usize,
}

pub struct OfferingPersonRow {
    pub offering_id: String,
    pub person_id: String,
    pub role: Texts,
    pub position: usize,
}

pub struct EditionRow {
    pub id: String,
    pub offering_id: String,
    pub title: Texts,
    pub registration_mode: RegistrationMode,
    pub registration_url: Option<String>,
    pub capacity: Option<u32>,
    pub format: Format,
    pub location: Texts,
    pub starts_at: Option<DateTime<Utc>>,
    pub ends_at: Option<DateTime<Utc>>,
    pub questions: Vec<model::Question>,
    pub private_details: Texts,
}

pub struct SessionRow {
    pub id: String,
    pub edition_id: String,
    pub title: Texts,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub zone: String,
}

pub fn plan(demo: Demo, today: NaiveDate) -> Result<Rows, PlanError> {
    let messages: Vec<Messages> = Lang::all().map(Messages::new).collect::<Result<_, _>>()?;
    let partner_ids: BTreeSet<&str> = demo.partner.iter().map(|p| p.id.as_str()).collect();
    let person_ids: BTreeSet<&str> = demo.person.iter().map(|p| p.id.as_str()).collect();
    let mut ids = BTreeSet::new();
    let mut unique = |id: &str| -> Result<(), PlanError> {
        if ids.insert(id.to_owned()) {
            Ok(())
        } else {
            Err(PlanError::DuplicateId(id.to_owned()))
        }
    };
    for id in partner_ids.iter().chain(person_ids.iter()) {
        unique(id)?;
    }

    let mut rows = Rows {
        partners: vec![],
        persons: vec![],
        offerings: vec![],
        offering_persons: vec![],
        editions: vec![],
        sessions: vec![],
    };
    for (position, o) in demo.offering.into_iter().enumerate() {
        unique(&o.id)?;
        for (field, texts) in [
            ("title", &o.title),
            ("summary", &o.summary),
            ("description", &o.description),
        ] {
            if texts.values().all(|t| t.trim().is_empty()) {
                return Err(PlanError::MissingText(o.id.clone(), field));
            }
        }
        if let Some(p) = &o.partner {
            if !partner_ids.contains(p.as_str()) {
                return Err(PlanError::UnknownPartner(o.id.clone(), p.clone()));
            }
        }
        for topic in &o.topics {
            if let Some(m) = messages.iter().find(|m| !m.has(&format!("topic-{topic}"))) {
                return Err(PlanError::UnknownTopic(
                    o.id.clone(),
                    topic.clone(),
                    m.lang(),
                ));
            }
        }
        for (i, f) in o.facilitators.iter().enumerate() {
            if !person_ids.contains(f.person.as_str()) {
                return Err(PlanError::UnknownPerson(o.id.clone(), f.person.clone()));
            }
            rows.offering_persons.push(OfferingPersonRow {
                offering_id: o.id.clone(),
                person_id: f.person.clone(),
                role: f.role.clone(),
                position: i,
            });
        }
        for e in &o.edition {
            unique(&e.id)?;
            let dated = dated_sessions(e, today)?;
            let moves = match dated.iter().map(|(d, _)| *d).min() {
                Some(first) if e.upcoming_copy => {
                    schedule::years_of_weeks_until(first, today, LEAD_DAYS)
                }
                _ => 0,
            };
            push_edition(&mut rows, &o, e, &e.id, &dated)?;
            if moves > 0 {
                let twin_id = format!("{}-upcoming", e.id);
                unique(&twin_id)?;
                let moved: Vec<_> = dated
                    .iter()
                    .map(|(d, s)| (schedule::add_years_of_weeks(*d, moves).unwrap_or(*d), *s))
                    .collect();
                push_edition(&mut rows, &o, e, &twin_id, &moved)?;
            }
        }
        if let Some(r) = &o.recurrence {
            for date in recurrence_dates(r, today) {
                let id = format!("{}-{}", o.id, date);
                unique(&id)?;
                let edition = model::Edition {
                    id: id.clone(),
                    title: r.title.clone(),
                    registration_mode: r.registration_mode,
                    registration_url: r.registration_url.clone(),
                    capacity: r.capacity,
                    format: None,
                    location: Texts::new(),
                    zone: r.zone.clone(),
                    upcoming_copy: false,
                    question: vec![],
                    private_details: r.private_details.clone(),
                    session: vec![],
                };
                let session = model::Session {
                    date: Some(date),
                    in_weeks: None,
                    weekday: None,
                    start: r.start,
                    end: r.end,
                    title: Texts::new(),
                };
                push_edition(&mut rows, &o, &edition, &id, &[(date, &session)])?;
            }
        }
        rows.offerings.push(OfferingRow {
            id: o.id,
            kind: o.kind,
            title: o.title,
            summary: o.summary,
            description: o.description,
            audience: o.audience,
            cost: o.cost,
            topics: o.topics,
            languages: o.languages,
            format: o.format,
            partner_id: o.partner,
            position,
        });
    }
    rows.partners = demo.partner;
    rows.persons = demo.person;
    Ok(rows)
}

/// Each session of an edition with the local date it falls on.
fn dated_sessions(
    e: &model::Edition,
    today: NaiveDate,
) -> Result<Vec<(NaiveDate, &model::Session)>, PlanError> {
    let monday = today
        .checked_sub_days(Days::new(today.weekday().num_days_from_monday().into()))
        .unwrap_or(today);
    e.session
        .iter()
        .map(|s| {
            let date = match (s.date, s.in_weeks, s.weekday) {
                (Some(d), None, None) => d,
                (None, Some(w), Some(day)) => monday
                    .checked_add_days(Days::new(
                        u64::from(w) * 7 + u64::from(day.num_days_from_monday()),
                    ))
                    .ok_or_else(|| PlanError::SessionDate(e.id.clone()))?,
                _ => return Err(PlanError::SessionDate(e.id.clone())),
            };
            Ok((date, s))
        })
        .collect()
}

fn recurrence_dates(r: &model::Recurrence, today: NaiveDate) -> Vec<NaiveDate> {
    let all_before: Vec<NaiveDate> =
        schedule::monthly_nth_weekday(r.anchor, r.every_months, r.weekday, r.nth, r.anchor, 600)
            .into_iter()
            .take_while(|d| *d < today)
            .collect();
    let past = all_before.iter().rev().take(r.past).rev().copied();
    let upcoming = schedule::monthly_nth_weekday(
        r.anchor,
        r.every_months,
        r.weekday,
        r.nth,
        today,
        r.upcoming,
    );
    past.chain(upcoming).collect()
}

fn push_edition(
    rows: &mut Rows,
    o: &model::Offering,
    e: &model::Edition,
    id: &str,
    sessions: &[(NaiveDate, &model::Session)],
) -> Result<(), PlanError> {
    let mut resolved = Vec::with_capacity(sessions.len());
    for (i, (date, s)) in sessions.iter().enumerate() {
        let at = |t: NaiveTime| {
            schedule::resolve_local(NaiveDateTime::new(*date, t), &e.zone)
                .map_err(|err| PlanError::Schedule(id.to_owned(), err))
        };
        let (starts_at, ends_at) = (at(s.start)?, at(s.end)?);
        if ends_at <= starts_at {
            return Err(PlanError::SessionOrder(id.to_owned()));
        }
        resolved.push(SessionRow {
            id: format!("{id}-s{}", i + 1),
            edition_id: id.to_owned(),
            title: s.title.clone(),
            starts_at,
            ends_at,
            zone: e.zone.clone(),
        });
    }
    rows.editions.push(EditionRow {
        id: id.to_owned(),
        offering_id: o.id.clone(),
        title: e.title.clone(),
        registration_mode: e.registration_mode,
        registration_url: e.registration_url.clone(),
        capacity: e.capacity,
        format: e.format.unwrap_or(o.format),
        location: e.location.clone(),
        starts_at: resolved.iter().map(|s| s.starts_at).min(),
        ends_at: resolved.iter().map(|s| s.ends_at).max(),
        questions: e.question.clone(),
        private_details: e.private_details.clone(),
    });
    rows.sessions.extend(resolved);
    Ok(())
}
