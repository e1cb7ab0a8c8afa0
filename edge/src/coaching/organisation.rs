//! An organisation registering with a network that offers coaching on request
//! (`POST /api/networks/{id}/organisations`), and its private link: `GET
//! /api/organisations/{token}` (its contacts, its hours in each programme, its requests and
//! what it can ask for, the registrations made on its behalf and the editions open to them)
//! and `POST /api/organisations/{token}/requests` (asking). Whoever the address belongs
//! to, registering answers the same 202 and the link goes by email. Never cached.

use relais_domain::coaching::budget::{holds_place, Account, Balance, Period};
use relais_domain::coaching::organisation::{
    BudgetView, ContactView, NewRequest, OfferOnRequest, OrganisationForm, OrganisationKind,
    OrganisationMessage, OrganisationPage, OrganisationReceived, PartnerChoice, PoolView,
    RequestReceived, RequestView, SessionView,
};
use relais_domain::coaching::request::{first_stage, Stage};
use relais_domain::problem::ProblemKind;
use relais_domain::Lang;
use serde::Deserialize;
use worker::{Context, D1Database, Env, Request, Response};

use super::ledger::{
    period_of, place_free, EntryRow, Ledger, Opened, PoolClaim, PoolOutcome, Writer,
};
use super::on_behalf;
use super::programme::{self, OfferRow, ProgrammeRow};
use crate::auth::read_json;
use crate::catalog::now;
use crate::crypto;
use crate::http::{self, ApiError, Caller};
use crate::outbox;
use crate::rate_limit::{self, Limit};
use crate::registration::create::{known_zone, public_origin};
use crate::registration::transitions::{prepare_all, Statement, Value};
use crate::rows::text;

/// Registrations per client address and minute, and per address and hour.
const PER_CLIENT_PER_MINUTE: u32 = 10;
const PER_EMAIL_PER_HOUR: u32 = 5;
/// The most requests an organisation's page lists, newest first.
const MAX_REQUESTS: u32 = 100;

#[derive(Deserialize)]
struct Queued {
    id: u32,
}

/// `POST /api/networks/{id}/organisations`: counted, read, checked, then recorded with its
/// first contact, its link and the message carrying it, in one batch. An address that is
/// already a contact of an organisation of that name is sent a new link to it instead:
/// nothing is recorded twice, and the answer is the same.
pub async fn register(
    req: &Request,
    env: &Env,
    ctx: &Context,
    network_id: &str,
) -> Result<Response, ApiError> {
    let db = env.d1("DB")?;
    rate_limit::count_client(&db, req, "organisations", PER_CLIENT_PER_MINUTE).await?;
    let form: OrganisationForm = read_json(req).await?;
    if programme::offers(&db, network_id).await?.is_empty() {
        return Err(ApiError::Problem(ProblemKind::NotFound, vec![]));
    }
    let received = OrganisationReceived {
        network_id: network_id.to_owned(),
        status: "link_sent".to_owned(),
    };
    if form.is_robot() {
        // Told the same as anyone, and nothing is stored.
        return Ok(http::private_json(&received)?.with_status(202));
    }
    // The offering it came to ask for opens its form from the link; any other is forgotten.
    let offering = form
        .offering
        .clone()
        .filter(|o| is_code(o))
        .unwrap_or_default();
    let organisation = form
        .check(known_zone)
        .map_err(|refused| ApiError::Fields(ProblemKind::InvalidBody, refused))?;
    let contact = &organisation.contact;
    let limit = Limit::per_email("organisations", &contact.email, PER_EMAIL_PER_HOUR);
    rate_limit::count_all(&db, &[limit]).await?;
    let link = crypto::PrivateToken::new().await?;
    let new_id = crypto::random_hex(12)?;
    let contact_id = crypto::random_hex(12)?;
    let origin = public_origin(env, req)?;
    // ?1 network, ?2 name, ?3 address, ?4 now, then each statement's own.
    let at = crate::dashboard::at();
    let key = |more: Vec<Value>| -> Vec<Value> {
        let mut params = vec![
            network_id.into(),
            organisation.name.as_str().into(),
            contact.email.as_str().into(),
            at.as_str().into(),
        ];
        params.extend(more);
        params
    };
    // The organisation this address speaks for under that name, new or not.
    let same =
        "SELECT o.id FROM organisation o JOIN organisation_contact c ON c.organisation_id = o.id \
                WHERE o.network_id = ?1 AND lower(o.name) = lower(?2) AND c.email = ?3";
    let statements = [
        Statement {
            sql: format!(
                "INSERT INTO organisation (id, network_id, name, kind, area, created_at) \
                 SELECT ?5, ?1, ?2, ?6, ?7, ?4 WHERE NOT EXISTS ({same})"
            ),
            params: key(vec![
                new_id.as_str().into(),
                organisation.kind.as_str().into(),
                organisation.area.as_str().into(),
            ]),
        },
        Statement {
            sql: "INSERT INTO organisation_contact (id, organisation_id, name, email, lang, created_at) \
                  SELECT ?6, o.id, ?7, ?3, ?8, ?4 FROM organisation o WHERE o.id = ?5 AND o.network_id = ?1"
                .into(),
            params: key(vec![
                new_id.as_str().into(),
                contact_id.as_str().into(),
                contact.name.as_str().into(),
                contact.lang.code().into(),
            ]),
        },
        Statement {
            sql: format!(
                "INSERT INTO organisation_token (token_hash, organisation_id, contact_id, created_at) \
                 SELECT ?5, c.organisation_id, c.id, ?4 FROM organisation_contact c \
                 WHERE c.organisation_id = ({same} LIMIT 1) AND c.email = ?3"
            ),
            params: key(vec![link.token_hash.as_str().into()]),
        },
        Statement {
            sql: format!(
                "INSERT INTO outbox (kind, contact_id, recipient, lang, manage_url, created_at) \
                 SELECT ?5, c.id, c.email, c.lang, ?6 || '/' || c.lang || '/organisations/' || ?7 \
                   || CASE WHEN ?8 = '' THEN '' ELSE '?offering=' || ?8 END, ?4 \
                 FROM organisation_contact c WHERE c.organisation_id = ({same} LIMIT 1) AND c.email = ?3 \
                 RETURNING id"
            ),
            params: key(vec![
                OrganisationMessage::Link.as_str().into(),
                origin.as_str().into(),
                link.token.as_str().into(),
                offering.as_str().into(),
            ]),
        },
    ];
    let results = db.batch(prepare_all(&db, &statements)?).await?;
    let queued = results
        .get(3)
        .map(|r| r.results::<Queued>())
        .transpose()?
        .and_then(|q| q.into_iter().next())
        .ok_or_else(|| ApiError::Internal("the organisation's link was not queued".into()))?;
    outbox::send_soon(env, ctx, outbox::Only::Message(queued.id));
    Ok(http::private_json(&received)?.with_status(202))
}

/// An id as the catalog writes them: what a link may carry unescaped.
fn is_code(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 80
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
}

#[derive(Deserialize)]
pub(super) struct OrganisationRow {
    pub(super) id: String,
    network_id: String,
    network_name: String,
    pub(super) name: String,
    kind: String,
    area: String,
    created_at: String,
}

pub(super) async fn find(db: &D1Database, token: &str) -> Result<OrganisationRow, ApiError> {
    let token_hash = crypto::PrivateToken::digest_of(token).await?;
    db.prepare(
        "SELECT o.id, o.network_id, n.name AS network_name, o.name, o.kind, o.area, o.created_at \
         FROM organisation_token t JOIN organisation o ON o.id = t.organisation_id \
         JOIN network n ON n.id = o.network_id WHERE t.token_hash = ?1",
    )
    .bind(&[token_hash.into()])?
    .first(None)
    .await?
    .ok_or(ApiError::Problem(ProblemKind::NotFound, vec![]))
}

/// `GET /api/organisations/{token}`: the organisation's own page, in the reader's language.
pub async fn view(env: &Env, caller: &Caller, token: &str) -> Result<Response, ApiError> {
    let db = env.d1("DB")?;
    let row = find(&db, token).await?;
    let kind = OrganisationKind::parse(&row.kind)
        .ok_or_else(|| ApiError::Internal(format!("organisation kind {}", row.kind)))?;
    let period = period_of(now());
    let mut budgets = vec![];
    for programme in programme::of_network(&db, &row.network_id).await? {
        budgets.push(budget(&db, &row, &programme, period, caller.lang).await?);
    }
    let page = OrganisationPage {
        contacts: contacts(&db, &row.id).await?,
        requests: requests(&db, &row.id, caller.lang).await?,
        offers: offers(&db, &row.network_id, caller.lang).await?,
        registrations: on_behalf::registrations(&db, &row.id, caller.lang).await?,
        on_behalf_editions: on_behalf::open_editions(&db, caller.lang).await?,
        budgets,
        id: row.id,
        name: row.name,
        kind,
        area: row.area,
        network_id: row.network_id,
        network_name: row.network_name,
    };
    http::private_json(&page)
}

async fn contacts(db: &D1Database, organisation: &str) -> Result<Vec<ContactView>, ApiError> {
    #[derive(Deserialize)]
    struct Row {
        id: String,
        name: String,
        email: String,
        lang: String,
    }
    let rows: Vec<Row> = db
        .prepare(
            "SELECT id, name, email, lang FROM organisation_contact \
             WHERE organisation_id = ?1 ORDER BY created_at, id",
        )
        .bind(&[organisation.into()])?
        .all()
        .await?
        .results()?;
    Ok(rows
        .into_iter()
        .map(|r| ContactView {
            id: r.id,
            name: r.name,
            email: r.email,
            lang: r.lang,
        })
        .collect())
}

async fn requests(
    db: &D1Database,
    organisation: &str,
    lang: Lang,
) -> Result<Vec<RequestView>, ApiError> {
    #[derive(Deserialize)]
    struct Row {
        id: String,
        offering_id: String,
        title: String,
        stage: String,
        subject: String,
        partner: Option<String>,
        period: i64,
        created_at: String,
    }
    let rows: Vec<Row> = db
        .prepare(
            "SELECT r.id, r.offering_id, o.title, r.stage, r.subject, p.name AS partner, r.period, \
               r.created_at \
             FROM coaching_request r JOIN offering o ON o.id = r.offering_id \
             LEFT JOIN partner p ON p.id = r.partner_id \
             WHERE r.organisation_id = ?1 ORDER BY r.created_at DESC, r.id LIMIT ?2",
        )
        .bind(&[organisation.into(), MAX_REQUESTS.into()])?
        .all()
        .await?
        .results()?;
    #[derive(Deserialize)]
    struct SessionRow {
        request_id: String,
        starts_at: String,
        minutes: u32,
        state: String,
    }
    let sessions: Vec<SessionRow> = db
        .prepare(
            "SELECT b.request_id, b.starts_at, b.minutes, b.state FROM coaching_booking b \
             JOIN coaching_request r ON r.id = b.request_id \
             WHERE r.organisation_id = ?1 ORDER BY b.starts_at, b.id",
        )
        .bind(&[organisation.into()])?
        .all()
        .await?
        .results()?;
    rows.into_iter()
        .map(|r| {
            let sessions = sessions
                .iter()
                .filter(|b| b.request_id == r.id)
                .map(|b| {
                    Ok(SessionView {
                        starts_at: crate::rows::instant(&b.starts_at)?,
                        minutes: b.minutes,
                        state: b.state.clone(),
                    })
                })
                .collect::<Result<_, ApiError>>()?;
            Ok(RequestView {
                sessions,
                stage: Stage::parse(&r.stage)
                    .ok_or_else(|| ApiError::Internal(format!("request stage {}", r.stage)))?,
                offering_title: text(&r.title, lang)?.map(|t| t.text).unwrap_or_default(),
                period: Period::try_from(r.period)
                    .map_err(|_| ApiError::Internal("request period".into()))?,
                id: r.id,
                offering_id: r.offering_id,
                subject: r.subject,
                partner: r.partner,
                created_at: r.created_at,
            })
        })
        .collect()
}

async fn offers(
    db: &D1Database,
    network: &str,
    lang: Lang,
) -> Result<Vec<OfferOnRequest>, ApiError> {
    let mut answer = vec![];
    for offer in programme::offers(db, network).await? {
        let partners = programme::partners(db, &offer.offering_id).await?;
        answer.push(OfferOnRequest {
            title: text(&offer.title, lang)?
                .map(|t| t.text)
                .unwrap_or_default(),
            offering_id: offer.offering_id,
            programme_id: offer.programme_id,
            account: offer.account,
            partners: partners
                .into_iter()
                .map(|(id, name)| PartnerChoice { id, name })
                .collect(),
        });
    }
    Ok(answer)
}

/// The organisation's ledger in `programme`, with the periods up to `period` opened.
async fn ledger_read(
    db: &D1Database,
    organisation: &OrganisationRow,
    programme: &ProgrammeRow,
    period: Period,
) -> Result<Opened, ApiError> {
    let ledger = Ledger {
        programme: &programme.id,
        organisation: &organisation.id,
    };
    let rows: Vec<EntryRow> = ledger.read().prepare(db)?.all().await?.results()?;
    Opened::of(
        &rows,
        &programme.allowance(),
        &organisation.created_at,
        period,
    )
}

async fn budget(
    db: &D1Database,
    organisation: &OrganisationRow,
    programme: &ProgrammeRow,
    period: Period,
    lang: Lang,
) -> Result<BudgetView, ApiError> {
    let entries = ledger_read(db, organisation, programme, period)
        .await?
        .entries();
    let pool = match programme.pool() {
        None => None,
        Some(pool) => {
            let taken = programme::places_taken(db, &programme.id, period).await?;
            let held = holds_place(&entries, period);
            Some(PoolView {
                places: pool.places_per_period,
                places_left: pool.places_per_period.saturating_sub(taken),
                held,
                balance: Balance::of(&entries, Account::Pool, period),
            })
        }
    };
    Ok(BudgetView {
        programme_id: programme.id.clone(),
        programme_name: text(&programme.name, lang)?
            .map(|t| t.text)
            .unwrap_or_default(),
        period,
        allowance: Balance::of(&entries, Account::Allowance, period),
        pool,
    })
}

/// `POST /api/organisations/{token}/requests`: read and checked against the offering's
/// partners; the programme's periods opened in the ledger; then the request recorded, and
/// for a pool's offering its place taken, in one batch that writes nothing if the pool is
/// full or the organisation holds its place already (409, saying which).
pub async fn ask(req: &Request, env: &Env, token: &str) -> Result<Response, ApiError> {
    let db = env.d1("DB")?;
    let organisation = find(&db, token).await?;
    let asked: NewRequest = read_json(req).await?;
    let offering_id = asked.offering_id.clone().unwrap_or_default();
    let offer = programme::offers(&db, &organisation.network_id)
        .await?
        .into_iter()
        .find(|o| o.offering_id == offering_id)
        .ok_or_else(|| {
            let code = if offering_id.is_empty() {
                "required"
            } else {
                "not-on-request"
            };
            ApiError::Fields(ProblemKind::InvalidBody, vec![("offering_id".into(), code)])
        })?;
    let programme = match &offer.programme_id {
        Some(id) => programme::find(&db, id).await?,
        None => None,
    };
    let partners = programme::partners(&db, &offer.offering_id).await?;
    let partner_ids: Vec<&str> = partners.iter().map(|(id, _)| id.as_str()).collect();
    let refused = asked.form.check(&partner_ids);
    if !refused.is_empty() {
        return Err(ApiError::Fields(ProblemKind::InvalidBody, refused));
    }
    let at = now();
    let period = period_of(at);
    let at = at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    if let Some(programme) = &programme {
        open_periods(&db, &organisation, programme, period, &at).await?;
    }
    let checks = offer.check_names()?;
    let check_names: Vec<&str> = checks.iter().map(String::as_str).collect();
    let stage = first_stage(&check_names);
    let request_id = format!("demande-{}", crypto::random_hex(8)?);
    let pool = programme
        .as_ref()
        .filter(|_| offer.account == Account::Pool.as_str());
    let mut statements = vec![record_request(&RequestRow {
        programme: programme.as_ref().map_or("", |p| p.id.as_str()),
        period,
        organisation: &organisation.id,
        id: &request_id,
        at: &at,
        offering: &offer.offering_id,
        stage,
        asked: &asked,
        needs_place: pool.is_some(),
    })?];
    let claim = pool.map(|p| PoolClaim {
        programme: &p.id,
        period,
        organisation: &organisation.id,
        request: &request_id,
        at: &at,
    });
    if let Some(claim) = &claim {
        statements.extend(claim.statements());
        statements.push(claim.outcome());
    }
    let results = db.batch(prepare_all(&db, &statements)?).await?;
    let recorded = results
        .first()
        .and_then(|r| r.meta().ok().flatten())
        .and_then(|m| m.changes)
        .unwrap_or(0)
        > 0;
    if let (Some(claim), Some(programme)) = (&claim, pool) {
        let outcome: Option<PoolOutcome> = results
            .last()
            .map(|r| r.results::<PoolOutcome>())
            .transpose()?
            .and_then(|rows| rows.into_iter().next());
        let pool_rule = programme
            .pool()
            .ok_or_else(|| ApiError::Internal("a pool's offering with no pool".into()))?;
        let refusal = outcome.and_then(|o| o.refusal(&pool_rule, claim.request, period));
        if !recorded || refusal.is_some() {
            return Err(ApiError::Detailed(
                ProblemKind::Conflict,
                match refusal {
                    Some(relais_domain::coaching::budget::PoolRefusal::AlreadyHolds) => {
                        "conflict-pool-held"
                    }
                    _ => "conflict-pool-full",
                },
            ));
        }
    } else if !recorded {
        return Err(ApiError::Internal("the request was not recorded".into()));
    }
    let answer = RequestReceived {
        pool_place: claim.is_some(),
        id: request_id.clone(),
        stage,
        period,
    };
    Ok(http::private_json(&answer)?.with_status(201))
}

/// The periods up to `period` written in the organisation's ledger, if they were not: a
/// writer that came between has opened them, or will be read first next time.
async fn open_periods(
    db: &D1Database,
    organisation: &OrganisationRow,
    programme: &ProgrammeRow,
    period: Period,
    at: &str,
) -> Result<(), ApiError> {
    let Opened { read, opening } = ledger_read(db, organisation, programme, period).await?;
    if opening.is_empty() {
        return Ok(());
    }
    let ledger = Ledger {
        programme: &programme.id,
        organisation: &organisation.id,
    };
    let batch = crypto::random_hex(8)?;
    let writer = Writer {
        who: "relais",
        request: None,
        at,
        batch: &batch,
    };
    let statements = ledger.append(&read, &opening, writer);
    db.batch(prepare_all(db, &statements)?).await?;
    Ok(())
}

/// A request as `record_request` writes it.
struct RequestRow<'a> {
    programme: &'a str,
    period: Period,
    organisation: &'a str,
    id: &'a str,
    at: &'a str,
    offering: &'a str,
    stage: Stage,
    asked: &'a NewRequest,
    /// Whether it takes a place of the programme's pool: then it is written only if
    /// `place_free` holds, as the pool's place will be.
    needs_place: bool,
}

fn record_request(r: &RequestRow) -> Result<Statement, ApiError> {
    let form = &r.asked.form;
    let trimmed = |v: &Option<String>| v.as_deref().unwrap_or_default().trim().to_owned();
    let preferred = form.partner.as_deref().filter(|p| !p.is_empty());
    Ok(Statement {
        sql: format!(
            "INSERT INTO coaching_request (id, offering_id, organisation_id, stage, subject, \
               question, preferred_partner, availability, languages, period, created_at, updated_at) \
             SELECT ?4, ?6, ?3, ?7, ?8, ?9, ?10, ?11, ?12, ?2, ?5, ?5 WHERE {}",
            if r.needs_place { place_free() } else { "?1 = ?1" }
        ),
        params: vec![
            r.programme.into(),
            Value::Int(r.period.into()),
            r.organisation.into(),
            r.id.into(),
            r.at.into(),
            r.offering.into(),
            r.stage.as_str().into(),
            trimmed(&form.subject).as_str().into(),
            trimmed(&form.question).as_str().into(),
            preferred.into(),
            trimmed(&form.availability).as_str().into(),
            serde_json::to_string(&form.languages)?.as_str().into(),
        ],
    })
}

impl OfferRow {
    /// The names of the checks a request passes before a partner is assigned.
    pub fn check_names(&self) -> Result<Vec<String>, ApiError> {
        Ok(programme::checks(&self.checks)?
            .into_iter()
            .map(|c| c.name)
            .collect())
    }
}
