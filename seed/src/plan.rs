//! From the demo file to rows: references checked, dates moved, wall clocks resolved, and
//! every row turned into the domain's drafts and passed through the same authoring checks
//! as the dashboard's editor (`relais_domain::authoring`) before any SQL is written: the
//! demo is published, so each row must pass `check_draft` and `check_publish`.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Datelike, Days, NaiveDate, NaiveDateTime, NaiveTime, Utc};
use relais_domain::authoring::{
    EditionDraft, FacilitatorDraft, NetworkDraft, OfferingDraft, PartnerDraft, PersonDraft,
    PublicationState, Refusal, ResourceDraft, SessionDraft,
};
use relais_domain::schedule::{self, ScheduleError};
use relais_domain::Localized;
use thiserror::Error;

use crate::model::{self, Demo, Texts};

/// How far ahead of the load date a moved edition must start, so it never starts "today".
const LEAD_DAYS: u64 = 14;

#[derive(Debug, Error)]
pub enum PlanError {
    #[error("{0}: unknown network {1:?}")]
    UnknownNetwork(String, String),
    #[error("{0}: unknown partner {1:?}")]
    UnknownPartner(String, String),
    #[error("{0}: unknown offering {1:?}")]
    UnknownOffering(String, String),
    #[error("{0}: unknown person {1:?}")]
    UnknownPerson(String, String),
    #[error("{0}: a session needs either `date`, or `in_weeks` with `weekday`")]
    SessionDate(String),
    #[error("{0}: {1}")]
    Schedule(String, ScheduleError),
    #[error("duplicate id {0:?}")]
    DuplicateId(String),
    #[error("{item} is refused by the authoring checks: {}", list(.refusals))]
    Refused {
        item: String,
        refusals: Vec<Refusal>,
    },
}

fn list(refusals: &[Refusal]) -> String {
    let all: Vec<String> = refusals
        .iter()
        .map(|(field, code)| format!("{field} ({code})"))
        .collect();
    all.join(", ")
}

pub struct Rows {
    pub networks: Vec<NetworkRow>,
    pub partners: Vec<Owned<PartnerDraft>>,
    pub persons: Vec<Owned<PersonDraft>>,
    pub offerings: Vec<OfferingRow>,
    pub editions: Vec<EditionRow>,
    pub sessions: Vec<SessionRow>,
    pub resources: Vec<ResourceRow>,
    /// Each network's community, by network id, with the load date.
    pub communities: Vec<(String, relais_domain::community::Community, DateTime<Utc>)>,
    /// Programmes of coaching on request, checked against the partners and offerings.
    pub coaching: Vec<model::CoachingProgramme>,
    /// Offerings on request outside any programme, checked as the programmes' are.
    pub without_budget: Vec<model::OfferWithoutBudget>,
    /// Organisations asking for coaching, dated from the load date, with their ledgers.
    pub organisations: Vec<OrganisationRows>,
}

/// A demo organisation as it is written: dated from the load date, its requests with their
/// year and booked session, and its ledger computed by the domain's rules from the hours it
/// used each year (each period opened as the Worker opens it, uses beyond what was left
/// paid by the organisation, a booked session's hours held).
pub struct OrganisationRows {
    pub organisation: model::DemoOrganisation,
    pub created_at: DateTime<Utc>,
    pub requests: Vec<RequestRow>,
    /// Each entry with its programme's id, in the order written.
    pub ledger: Vec<(String, relais_domain::coaching::budget::Entry)>,
}

/// A demo request's year, when it was asked, and its booked session, in `request`'s order.
pub struct RequestRow {
    pub period: i32,
    pub created_at: DateTime<Utc>,
    /// The session booked: its start and minutes.
    pub booking: Option<(DateTime<Utc>, u32)>,
}

pub struct ResourceRow {
    pub id: String,
    pub network_id: String,
    /// Written when the resource is first loaded, never updated.
    pub published_at: DateTime<Utc>,
    pub offering_ids: Vec<String>,
    /// Editions whose participants read it (a meeting's summary sheet).
    pub edition_ids: Vec<String>,
    pub draft: ResourceDraft,
}

pub struct NetworkRow {
    pub id: String,
    pub position: usize,
    /// Written when the network is first loaded, never updated.
    pub created_at: DateTime<Utc>,
    pub draft: NetworkDraft,
}

/// A partner or a person, and the network that owns it.
pub struct Owned<T> {
    pub id: String,
    pub network_id: Option<String>,
    pub draft: T,
}

pub struct OfferingRow {
    pub id: String,
    pub network_id: Option<String>,
    pub position: usize,
    pub draft: OfferingDraft,
}

pub struct EditionRow {
    pub id: String,
    pub offering_id: String,
    /// Its sessions' first start and last end.
    pub starts_at: Option<DateTime<Utc>>,
    pub ends_at: Option<DateTime<Utc>>,
    pub draft: EditionDraft,
}

pub struct SessionRow {
    pub id: String,
    pub edition_id: String,
    pub draft: SessionDraft,
}

impl SessionRow {
    pub fn starts_at(&self) -> DateTime<Utc> {
        self.draft
            .starts_at
            .expect("a planned session has its start")
    }

    pub fn ends_at(&self) -> DateTime<Utc> {
        self.draft.ends_at.expect("a planned session has its end")
    }
}

fn localized(texts: &Texts) -> Localized {
    Localized(texts.clone())
}

fn same(fields: &[String]) -> BTreeSet<String> {
    fields.iter().cloned().collect()
}

pub fn plan(demo: Demo, today: NaiveDate) -> Result<Rows, PlanError> {
    let mut network_ids: BTreeSet<&str> = BTreeSet::new();
    for n in &demo.network {
        if !network_ids.insert(&n.id) {
            return Err(PlanError::DuplicateId(n.id.clone()));
        }
    }
    let partner_ids: BTreeSet<&str> = demo.partner.iter().map(|p| p.id.as_str()).collect();
    let person_ids: BTreeSet<&str> = demo.person.iter().map(|p| p.id.as_str()).collect();
    let known_network = |item: &str, network: &Option<String>| match network {
        Some(n) if !network_ids.contains(n.as_str()) => {
            Err(PlanError::UnknownNetwork(item.to_owned(), n.clone()))
        }
        _ => Ok(()),
    };
    let mut ids = BTreeSet::new();
    let mut unique = |id: &str| -> Result<(), PlanError> {
        if ids.insert(id.to_owned()) {
            Ok(())
        } else {
            Err(PlanError::DuplicateId(id.to_owned()))
        }
    };
    for p in &demo.partner {
        unique(&p.id)?;
        known_network(&p.id, &p.network)?;
    }
    for p in &demo.person {
        unique(&p.id)?;
        known_network(&p.id, &p.network)?;
    }

    let created_at = today.and_time(NaiveTime::MIN).and_utc();
    let mut rows = Rows {
        networks: demo
            .network
            .iter()
            .enumerate()
            .map(|(position, n)| NetworkRow {
                id: n.id.clone(),
                position,
                created_at,
                draft: NetworkDraft {
                    name: n.name.clone(),
                    description: localized(&n.description),
                    url: n.url.clone(),
                    same_in_every_language: BTreeSet::new(),
                },
            })
            .collect(),
        partners: demo
            .partner
            .iter()
            .map(|p| Owned {
                id: p.id.clone(),
                network_id: p.network.clone(),
                draft: PartnerDraft {
                    state: PublicationState::Published,
                    name: p.name.clone(),
                    description: localized(&p.description),
                    url: p.url.clone(),
                    same_in_every_language: same(&p.same_in_every_language),
                },
            })
            .collect(),
        persons: demo
            .person
            .iter()
            .map(|p| Owned {
                id: p.id.clone(),
                network_id: p.network.clone(),
                draft: PersonDraft {
                    state: PublicationState::Published,
                    name: p.name.clone(),
                    bio: localized(&p.bio),
                    same_in_every_language: same(&p.same_in_every_language),
                },
            })
            .collect(),
        offerings: vec![],
        editions: vec![],
        sessions: vec![],
        resources: vec![],
        communities: vec![],
        coaching: vec![],
        without_budget: vec![],
        organisations: vec![],
    };
    for (position, o) in demo.offering.iter().enumerate() {
        unique(&o.id)?;
        known_network(&o.id, &o.network)?;
        if let Some(p) = &o.partner {
            if !partner_ids.contains(p.as_str()) {
                return Err(PlanError::UnknownPartner(o.id.clone(), p.clone()));
            }
        }
        for f in &o.facilitators {
            if !person_ids.contains(f.person.as_str()) {
                return Err(PlanError::UnknownPerson(o.id.clone(), f.person.clone()));
            }
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
            push_edition(&mut rows, o, e, &e.id, &dated, 0)?;
            if moves > 0 {
                let twin_id = format!("{}-upcoming", e.id);
                unique(&twin_id)?;
                let moved: Vec<_> = dated
                    .iter()
                    .map(|(d, s)| (schedule::add_years_of_weeks(*d, moves).unwrap_or(*d), *s))
                    .collect();
                push_edition(&mut rows, o, e, &twin_id, &moved, moves)?;
            }
        }
        for r in &o.recurrence {
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
                    registration_opens: None,
                    registration_closes: None,
                    instruction_languages: r.instruction_languages.clone(),
                    written_in: None,
                    cost: r.cost.clone(),
                    same_in_every_language: vec![],
                    visibility: Default::default(),
                    session: vec![],
                };
                let session = model::Session {
                    date: Some(date),
                    in_weeks: None,
                    weekday: None,
                    start: r.start,
                    end: r.end,
                    title: Texts::new(),
                    zone: None,
                    location: Texts::new(),
                    instruction_languages: None,
                    same_in_every_language: vec![],
                };
                push_edition(&mut rows, o, &edition, &id, &[(date, &session)], 0)?;
            }
        }
        rows.offerings.push(OfferingRow {
            id: o.id.clone(),
            network_id: o.network.clone(),
            position,
            draft: OfferingDraft {
                state: PublicationState::Published,
                kind: Some(o.kind),
                format: Some(o.format),
                topics: o.topics.clone(),
                languages: o.languages.clone(),
                title: localized(&o.title),
                summary: localized(&o.summary),
                description: localized(&o.description),
                audience: localized(&o.audience),
                cost: localized(&o.cost),
                partner_id: o.partner.clone(),
                facilitators: o
                    .facilitators
                    .iter()
                    .map(|f| FacilitatorDraft {
                        person_id: f.person.clone(),
                        role: localized(&f.role),
                    })
                    .collect(),
                same_in_every_language: same(&o.same_in_every_language),
                on_behalf: o.on_behalf,
            },
        });
    }
    let offering_ids: BTreeSet<&str> = demo.offering.iter().map(|o| o.id.as_str()).collect();
    for r in &demo.resource {
        unique(&r.id)?;
        known_network(&r.id, &Some(r.network.clone()))?;
        if let Some(o) = r
            .offerings
            .iter()
            .find(|o| !offering_ids.contains(o.as_str()))
        {
            return Err(PlanError::UnknownOffering(r.id.clone(), o.clone()));
        }
        let mut row = resource_row(r, created_at);
        if let Some(offering) = &r.meeting_of {
            let last_met = rows
                .editions
                .iter()
                .filter(|e| &e.offering_id == offering)
                .filter(|e| e.ends_at.is_some_and(|end| end <= created_at))
                .max_by_key(|e| e.ends_at)
                .ok_or_else(|| PlanError::UnknownOffering(r.id.clone(), offering.clone()))?;
            row.edition_ids.push(last_met.id.clone());
        }
        rows.resources.push(row);
    }
    for c in &demo.community {
        known_network("community", &Some(c.network.clone()))?;
        rows.communities.push((
            c.network.clone(),
            relais_domain::community::Community {
                rule: c.rule,
                criteria: c.criterion.iter().map(localized).collect(),
                on_behalf: c.on_behalf.clone(),
                questions: vec![],
            },
            created_at,
        ));
    }
    for programme in demo.coaching_programme {
        known_network("coaching programme", &Some(programme.network.clone()))?;
        for offer in &programme.offer {
            for partner in &offer.partners {
                if !rows.partners.iter().any(|p| &p.id == partner) {
                    return Err(PlanError::UnknownPartner(
                        programme.id.clone(),
                        partner.clone(),
                    ));
                }
            }
            if !rows.offerings.iter().any(|o| o.id == offer.offering) {
                return Err(PlanError::UnknownOffering(
                    programme.id.clone(),
                    offer.offering.clone(),
                ));
            }
            if relais_domain::coaching::budget::Account::parse(&offer.account).is_none() {
                return Err(PlanError::UnknownOffering(
                    programme.id.clone(),
                    offer.account.clone(),
                ));
            }
        }
        rows.coaching.push(programme);
    }
    for offer in demo.coaching_offer {
        let unknown = |what: String| PlanError::UnknownOffering(offer.offering.clone(), what);
        if !rows.offerings.iter().any(|o| o.id == offer.offering) {
            return Err(unknown(offer.offering.clone()));
        }
        if rows
            .coaching
            .iter()
            .any(|p| p.offer.iter().any(|o| o.offering == offer.offering))
        {
            return Err(unknown("already in a programme".into()));
        }
        if let Some(partner) = offer
            .partners
            .iter()
            .find(|id| !rows.partners.iter().any(|p| &&p.id == id))
        {
            return Err(PlanError::UnknownPartner(
                offer.offering.clone(),
                partner.clone(),
            ));
        }
        rows.without_budget.push(offer);
    }
    for organisation in demo.organisation {
        let planned = organisation_rows(&rows, organisation, today)?;
        rows.organisations.push(planned);
    }
    check(&mut rows)?;
    Ok(rows)
}

/// A demo organisation checked against the programmes, offerings and partners, dated from
/// `today`, with its ledger computed by `coaching::budget`.
fn organisation_rows(
    rows: &Rows,
    organisation: model::DemoOrganisation,
    today: NaiveDate,
) -> Result<OrganisationRows, PlanError> {
    use relais_domain::coaching::budget::{
        open_period, record_use, Account, Allowance, Entry, Movement,
    };
    use relais_domain::coaching::organisation::OrganisationKind;
    use relais_domain::coaching::request::{self, Stage};
    let id = organisation.id.clone();
    let bad = |what: String| PlanError::UnknownOffering(id.clone(), what);
    if !rows.networks.iter().any(|n| n.id == organisation.network) {
        return Err(PlanError::UnknownNetwork(
            id.clone(),
            organisation.network.clone(),
        ));
    }
    if OrganisationKind::parse(&organisation.kind).is_none() {
        return Err(bad(format!("kind {}", organisation.kind)));
    }
    if organisation.token.len() != 48 || !organisation.token.chars().all(|c| c.is_ascii_hexdigit())
    {
        return Err(bad("a token of 48 hexadecimal digits".into()));
    }
    let this = today.year();
    let noon =
        |date: NaiveDate| date.and_time(NaiveTime::MIN).and_utc() + chrono::TimeDelta::hours(12);
    let years_back = |years: i32| {
        NaiveDate::from_ymd_opt(this - years, 1, 15)
            .map(noon)
            .ok_or_else(|| bad("a year".into()))
    };
    let created_at = years_back(organisation.since_years_ago)?;
    let programme_of = |offering: &str| {
        rows.coaching
            .iter()
            .find(|p| p.offer.iter().any(|o| o.offering == offering))
    };
    let mut requests = vec![];
    for r in &organisation.request {
        let Some(programme) = programme_of(&r.offering) else {
            return Err(bad(format!("request {}: offering {}", r.id, r.offering)));
        };
        let offer = programme.offer.iter().find(|o| o.offering == r.offering);
        if offer.is_some_and(|o| o.account != Account::Allowance.as_str()) {
            return Err(bad(format!(
                "request {}: the demo asks only from allowances",
                r.id
            )));
        }
        let Some(stage) = Stage::parse(&r.stage) else {
            return Err(bad(format!("request {}: stage {}", r.id, r.stage)));
        };
        // A request waits at « Reçue » only for checks: on an offering with none it starts
        // ready, as the API starts it.
        let checks: Vec<&str> = offer
            .map(|o| o.check.iter().map(|c| c.name.as_str()).collect())
            .unwrap_or_default();
        if stage == Stage::Received && request::first_stage(&checks) != Stage::Received {
            return Err(bad(format!(
                "request {}: received, but its offering has no check to confirm",
                r.id
            )));
        }
        for partner in r.partner.iter().chain(&r.preferred_partner) {
            if !offer.is_some_and(|o| o.partners.contains(partner)) {
                return Err(PlanError::UnknownPartner(r.id.clone(), partner.clone()));
            }
        }
        let created = years_back(r.years_ago)? + chrono::TimeDelta::days(30);
        let booking = r.booked_in_days.map(|days| {
            (
                noon(today + Days::new(u64::from(days))) + chrono::TimeDelta::hours(11),
                r.booked_hours * 60,
            )
        });
        requests.push(RequestRow {
            period: this - r.years_ago,
            created_at: created.min(noon(today)),
            booking,
        });
    }
    // Each programme the organisation drew on: its years opened from the first, its uses.
    let mut ledger = vec![];
    for programme in &rows.coaching {
        let uses: Vec<_> = organisation
            .used
            .iter()
            .filter(|u| u.programme == programme.id)
            .collect();
        let booked: Vec<u32> = organisation
            .request
            .iter()
            .zip(&requests)
            .filter(|(r, _)| programme_of(&r.offering).is_some_and(|p| p.id == programme.id))
            .filter_map(|(_, row)| row.booking.map(|(_, minutes)| minutes))
            .collect();
        if uses.is_empty() && booked.is_empty() {
            continue;
        }
        let allowance = Allowance {
            per_period: programme.hours_per_year * 60,
            carry_over: programme.carry_over,
            total_cap: programme.total_cap_hours * 60,
        };
        let mut entries: Vec<Entry> = vec![];
        for year in (this - organisation.since_years_ago)..=this {
            let opening = open_period(&allowance, &entries, year)
                .map_err(|_| bad(format!("{} opened twice", programme.id)))?;
            entries.extend(opening);
            for u in uses.iter().filter(|u| this - u.years_ago == year) {
                let used = record_use(&entries, Account::Allowance, year, u.hours * 60);
                entries.extend(used);
            }
        }
        for minutes in booked {
            entries.push(Entry {
                account: Account::Allowance,
                period: this,
                movement: Movement::Booked,
                minutes,
            });
        }
        ledger.extend(entries.into_iter().map(|e| (programme.id.clone(), e)));
    }
    Ok(OrganisationRows {
        organisation,
        created_at,
        requests,
        ledger,
    })
}

fn resource_row(r: &model::Resource, published_at: DateTime<Utc>) -> ResourceRow {
    ResourceRow {
        id: r.id.clone(),
        network_id: r.network.clone(),
        published_at,
        offering_ids: r.offerings.clone(),
        edition_ids: vec![],
        draft: ResourceDraft {
            state: PublicationState::Published,
            kind: Some(r.kind),
            visibility: r.visibility,
            topics: r.topics.clone(),
            original: Some(r.original.clone()),
            title: localized(&r.title),
            summary: localized(&r.summary),
            body: localized(&r.body),
            translator: localized(&r.translator),
            source: r.source.clone(),
            licence: r.licence.clone(),
            url: r.url.clone(),
            file: None,
            offerings: r.offerings.clone(),
            editions: vec![],
        },
    }
}

/// Spreads the texts marked "same in every language" as they are stored, then holds every
/// row to the authoring checks of a published item; the first refused row stops the load.
fn check(rows: &mut Rows) -> Result<(), PlanError> {
    let refused = |kind: &str, id: &str, refusals: Vec<Refusal>| {
        if refusals.is_empty() {
            Ok(())
        } else {
            Err(PlanError::Refused {
                item: format!("{kind} {id}"),
                refusals,
            })
        }
    };
    for n in &mut rows.networks {
        n.draft.spread_same_texts();
        refused("network", &n.id, n.draft.check())?;
    }
    for p in &mut rows.partners {
        p.draft.spread_same_texts();
        refused("partner", &p.id, p.draft.check_publish())?;
    }
    for p in &mut rows.persons {
        p.draft.spread_same_texts();
        refused("person", &p.id, p.draft.check_publish())?;
    }
    for o in &mut rows.offerings {
        o.draft.spread_same_texts();
        refused("offering", &o.id, o.draft.check_publish())?;
    }
    let mut sessions: BTreeMap<&str, Vec<SessionDraft>> = BTreeMap::new();
    for s in &mut rows.sessions {
        s.draft.spread_same_texts();
        sessions
            .entry(s.edition_id.as_str())
            .or_default()
            .push(s.draft.clone());
    }
    for e in &mut rows.editions {
        e.draft.spread_same_texts();
        let of_edition = sessions.get(e.id.as_str()).map_or(&[][..], Vec::as_slice);
        refused("edition", &e.id, e.draft.check_publish(of_edition))?;
    }
    for r in &rows.resources {
        refused("resource", &r.id, r.draft.check_publish())?;
    }
    for (network, community, _) in &rows.communities {
        refused("community", network, community.check())?;
    }
    Ok(())
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

/// Pushes edition `id` of `e` with `sessions` on their dates; `moves` is how many 52-week
/// years the sessions were moved by, which moves the registration window too.
fn push_edition(
    rows: &mut Rows,
    o: &model::Offering,
    e: &model::Edition,
    id: &str,
    sessions: &[(NaiveDate, &model::Session)],
    moves: u64,
) -> Result<(), PlanError> {
    let resolve = |local: NaiveDateTime, zone: &str| {
        schedule::resolve_local(local, zone).map_err(|err| PlanError::Schedule(id.to_owned(), err))
    };
    let mut resolved = Vec::with_capacity(sessions.len());
    for (i, (date, s)) in sessions.iter().enumerate() {
        let zone = s.zone.as_deref().unwrap_or(&e.zone);
        resolved.push(SessionRow {
            id: format!("{id}-s{}", i + 1),
            edition_id: id.to_owned(),
            draft: SessionDraft {
                title: localized(&s.title),
                starts_at: Some(resolve(NaiveDateTime::new(*date, s.start), zone)?),
                ends_at: Some(resolve(NaiveDateTime::new(*date, s.end), zone)?),
                zone: zone.to_owned(),
                location: localized(&s.location),
                instruction_languages: s.instruction_languages.clone(),
                cancelled: false,
                same_in_every_language: same(&s.same_in_every_language),
            },
        });
    }
    let window = |local: Option<NaiveDateTime>| {
        local
            .map(|t| {
                let date = schedule::add_years_of_weeks(t.date(), moves).unwrap_or(t.date());
                resolve(NaiveDateTime::new(date, t.time()), &e.zone)
            })
            .transpose()
    };
    let instruction_languages = if e.instruction_languages.is_empty() {
        o.languages.clone()
    } else {
        e.instruction_languages.clone()
    };
    rows.editions.push(EditionRow {
        id: id.to_owned(),
        offering_id: o.id.clone(),
        starts_at: resolved.iter().filter_map(|s| s.draft.starts_at).min(),
        ends_at: resolved.iter().filter_map(|s| s.draft.ends_at).max(),
        draft: EditionDraft {
            state: PublicationState::Published,
            title: localized(&e.title),
            registration_mode: Some(e.registration_mode),
            registration_url: e.registration_url.clone(),
            capacity: e.capacity,
            format: Some(e.format.unwrap_or(o.format)),
            registration_opens_at: window(e.registration_opens)?,
            registration_closes_at: window(e.registration_closes)?,
            questions: e.question.clone(),
            private_details: localized(&e.private_details),
            location: localized(&e.location),
            written_in: e.written_in,
            instruction_languages,
            cost: e.cost.clone(),
            confirm_within_hours: None,
            same_in_every_language: same(&e.same_in_every_language),
            visibility: e.visibility,
        },
    });
    rows.sessions.extend(resolved);
    Ok(())
}
