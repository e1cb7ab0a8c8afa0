//! `POST /api/editions/{id}/registrations`: a volunteer registers for an edition (all of its
//! sessions) with no account, and gets a private manage link.
//!
//! The handler's steps: limit attempts, claim the `Idempotency-Key` or replay its answer
//! (`idempotency`), read the edition and check the request, then write the registration with
//! its link, history, message and the key's answer in one batch
//! (`transitions::arrive`: capacity holds whatever the concurrency, since the place is decided
//! inside the insert and D1 runs a batch as one transaction). An address already registered
//! learns nothing of that registration: its manage link is sent again to the address.

use relais_domain::catalog::RegistrationMode;
use relais_domain::problem::ProblemKind;
use relais_domain::registration::{
    self, Closed, Event, MessageKind, Question, Registrant, RegistrationAnswer,
    RegistrationRequest, Status, MAX_BODY_BYTES,
};
use relais_domain::schedule;
use serde::Deserialize;
use worker::{Context, D1Database, D1PreparedStatement, Env, Headers, Request, Response};

use super::idempotency::{self, Claim, Retry};
use super::transitions::{self, Arrival, Statement};
use crate::catalog::now;
use crate::catalog::visible::EditionReader;
use crate::crypto;
use crate::http::{self, ApiError};
use crate::outbox;
use crate::rate_limit::{self, Limit};
use crate::rows::instant;

/// Registration attempts from one client address (an IPv4 address or an IPv6 /64): per
/// minute, and per edition and hour — enough for a community centre's shared connection or
/// a coordinator registering a group, not for one person to take every place.
const PER_CLIENT_PER_MINUTE: u32 = 20;
const PER_CLIENT_AND_EDITION_PER_HOUR: u32 = 25;
/// Registrations per address registered and hour, plus-addresses folded (one person, many
/// aliases).
const PER_EMAIL_PER_HOUR: u32 = 10;

#[derive(Deserialize)]
struct EditionRules {
    registration_mode: String,
    questions: String,
    registration_opens_at: Option<String>,
    registration_closes_at: Option<String>,
    starts_at: Option<String>,
    confirm_within_hours: Option<u32>,
    on_behalf: u32,
    organisation_id: Option<String>,
    organisation_name: Option<String>,
}

/// The registration with the address after the write, if any, and whether the address was
/// within its limit.
#[derive(Deserialize)]
struct Placed {
    within_limit: u32,
    id: Option<String>,
    status: Option<String>,
    change_id: Option<String>,
    position: Option<u32>,
}

pub async fn create(
    req: &Request,
    env: &Env,
    ctx: &Context,
    edition_id: &str,
    reader: EditionReader<'_>,
) -> Result<Response, ApiError> {
    let db = env.d1("DB")?;
    // The client's limits, counted before anything else is read, with the edition's rules
    // read in the same batch.
    let rules = rate_limit::count_all_then(
        &db,
        &client_limits(req, edition_id),
        Some(rules_statement(&db, edition_id, reader)?),
    )
    .await?
    .1;
    let body = read_body(req).await?;
    let claim = match idempotency::claim(req, &db, edition_id, &body).await? {
        Retry::Replay(code, answer) => {
            return json_answer(code, serde_json::to_string(&answer)?, true)
        }
        Retry::New(claim) => claim,
    };
    let answered = answer(req, env, &db, edition_id, rules, &body, claim.as_ref()).await;
    let (code, registration_id, answer) = match (answered, &claim) {
        (Err(refused), Some(claim)) => {
            claim.release(&db).await;
            return Err(refused);
        }
        (Err(refused), None) => return Err(refused),
        // The address's link sent again (or a robot told so): remembered after the fact —
        // lost with its Worker, a retry sends the link again and is told the same.
        (Ok((202, id, _)), Some(claim)) => {
            let (code, answer) = claim.link_sent(&db, edition_id).await?;
            (code, id, answer)
        }
        (Ok(answered), _) => answered,
    };
    if let Some(id) = registration_id {
        outbox::send_soon(env, ctx, outbox::Only::Registration(id));
    }
    json_answer(code, serde_json::to_string(&answer)?, false)
}

/// The request read, checked and written: the status code, the registration's id (none
/// for a robot) and the answer. A claimed key is completed in the registration's batch.
async fn answer(
    req: &Request,
    env: &Env,
    db: &D1Database,
    edition_id: &str,
    rules: Option<worker::D1Result>,
    body: &str,
    claim: Option<&Claim>,
) -> Result<(u16, Option<String>, RegistrationAnswer), ApiError> {
    let mut request: RegistrationRequest = http::json_object(body)?;
    let edition = open_edition(rules)?;
    // Through an organisation's link, the registration is on its behalf, under its name.
    if let Some(organisation) = &edition.organisation {
        request.organisation = Some(organisation.name.clone());
    }
    if request.is_robot() {
        // Told the same as a registered address, and nothing is stored.
        return Ok((202, None, RegistrationAnswer::link_sent(edition_id)));
    }
    let registrant =
        registration::validate(request, &edition.questions, edition.on_behalf, known_zone)
            .map_err(|refused| ApiError::Fields(ProblemKind::InvalidBody, refused))?;
    let origin = public_origin(env, req)?;
    let (code, registration_id, answer) = register(
        db,
        edition_id,
        &registrant,
        edition.organisation.as_ref().map(|o| o.id.as_str()),
        &origin,
        edition.confirm_by_email,
        claim,
    )
    .await?;
    Ok((code, Some(registration_id), answer))
}

/// The limits of a client address (an IPv4 address or an IPv6 /64) per minute, and per
/// edition and hour; a caller without an address shares no bucket with others.
fn client_limits(req: &Request, edition_id: &str) -> Vec<Limit> {
    let Some(client) = rate_limit::client(req) else {
        return vec![];
    };
    vec![
        Limit::per_client("registration", &client, PER_CLIENT_PER_MINUTE),
        Limit {
            key: format!("registration:{client}:{edition_id}"),
            limit: PER_CLIENT_AND_EDITION_PER_HOUR,
            window_seconds: rate_limit::HOUR,
        },
    ]
}

/// The limit of the address registered, plus-addresses folded (one person, many aliases).
fn email_limit(email: &str) -> Limit {
    Limit::per_email("registration", email, PER_EMAIL_PER_HOUR)
}

/// The site's public address, for links in answers and messages: the configured
/// `PUBLIC_ORIGIN`, never the request's `Host` (which a client chooses). Only a local
/// stack (`RELAIS_ENV = "local"`) may go without it, with the request's own origin.
pub fn public_origin(env: &Env, req: &Request) -> Result<String, ApiError> {
    let var = |name: &str| env.var(name).ok().map(|v| v.to_string());
    match var("PUBLIC_ORIGIN") {
        Some(origin) if !origin.trim().is_empty() => {
            Ok(origin.trim().trim_end_matches('/').to_owned())
        }
        _ if var("RELAIS_ENV").as_deref() == Some("local") => {
            Ok(req.url()?.origin().ascii_serialization())
        }
        _ => Err(ApiError::Internal(
            "PUBLIC_ORIGIN is not set: no link can be sent (README, Deploying)".into(),
        )),
    }
}

pub(crate) fn known_zone(zone: &str) -> Option<String> {
    let zone = schedule::canonical_zone(zone);
    schedule::parse_zone(zone).ok().map(|_| zone.to_owned())
}

/// What registering for an open edition needs to know of it.
struct OpenEdition {
    questions: Vec<Question>,
    /// Whether a place given must be confirmed by email.
    confirm_by_email: bool,
    /// Whether people register on behalf of an organisation, named.
    on_behalf: bool,
    /// The organisation whose link the registration comes through.
    organisation: Option<ThroughOrganisation>,
}

struct ThroughOrganisation {
    id: String,
    name: String,
}

/// The edition's rules, if the reader may see it: registering for one they may not (a
/// draft, an archived edition, an edition of a draft offering, a members-only one but
/// through a member's link, one not on behalf of an organisation through an organisation's
/// link) is not found, as a missing one. With them, the organisation of such a link.
fn rules_statement(
    db: &D1Database,
    edition_id: &str,
    reader: EditionReader<'_>,
) -> Result<D1PreparedStatement, ApiError> {
    let mut binds = vec![edition_id.into()];
    binds.extend(reader.token().map(Into::into));
    let [organisation_id, organisation_name] = reader.organisation("?2");
    Ok(db
        .prepare(format!(
            "SELECT e.registration_mode, e.questions, e.registration_opens_at, \
             e.registration_closes_at, e.starts_at, e.confirm_within_hours, o.on_behalf, \
             {organisation_id} AS organisation_id, {organisation_name} AS organisation_name \
             FROM edition e JOIN offering o ON o.id = e.offering_id WHERE e.id = ?1 AND {}",
            reader.condition("e", "?2")
        ))
        .bind(&binds)?)
}

/// The edition's questions and confirmation rule (read by `rules_statement`), when it takes
/// registrations now; else why not, as a problem.
fn open_edition(rules: Option<worker::D1Result>) -> Result<OpenEdition, ApiError> {
    let rules: EditionRules = rules
        .ok_or_else(|| ApiError::Internal("batch without the edition's rules".into()))?
        .results::<EditionRules>()?
        .into_iter()
        .next()
        .ok_or(ApiError::Problem(ProblemKind::NotFound, vec![]))?;
    let mode = RegistrationMode::parse(&rules.registration_mode)
        .ok_or_else(|| ApiError::Internal(format!("mode {}", rules.registration_mode)))?;
    let at = |s: &Option<String>| s.as_deref().map(instant).transpose();
    registration::window(
        mode,
        at(&rules.registration_opens_at)?,
        at(&rules.registration_closes_at)?,
        at(&rules.starts_at)?,
        now(),
    )
    .map_err(|closed| {
        ApiError::Detailed(
            ProblemKind::RegistrationClosed,
            match closed {
                Closed::NotHere => "registration-not-here",
                Closed::NotYetOpen => "registration-not-yet-open",
                Closed::Over => "registration-over",
            },
        )
    })?;
    Ok(OpenEdition {
        questions: serde_json::from_str(&rules.questions)?,
        confirm_by_email: rules.confirm_within_hours.is_some(),
        on_behalf: rules.on_behalf == 1,
        organisation: rules
            .organisation_id
            .zip(rules.organisation_name)
            .map(|(id, name)| ThroughOrganisation { id, name }),
    })
}

/// Writes the registration (or finds the address already registered, and sends its link
/// again); the status code, the registration's id and the answer.
async fn register(
    db: &D1Database,
    edition_id: &str,
    registrant: &Registrant,
    organisation_id: Option<&str>,
    origin: &str,
    confirm_by_email: bool,
    claim: Option<&Claim>,
) -> Result<(u16, String, RegistrationAnswer), ApiError> {
    let id = format!("reg-{}", crypto::random_hex(12)?);
    let change_id = crypto::random_hex(12)?;
    let limit = email_limit(&registrant.email);
    let link = ManageLink::new(origin, registrant.lang.code()).await?;
    let at = now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let answers = serde_json::to_string(&registrant.answers)?;
    let arrival = Arrival {
        id: &id,
        edition_id,
        email: &registrant.email,
        name: &registrant.name,
        lang: registrant.lang.code(),
        zone: &registrant.zone,
        region: &registrant.region,
        organisation: &registrant.organisation,
        organisation_id,
        answers: &answers,
        accessibility: &registrant.accessibility,
        priority: registrant.priority,
        origin,
        token_hash: &link.token_hash,
        manage_url: &link.url,
        at: &at,
        confirm_by_email,
        // Only a registration that would be written counts for its address (a volunteer
        // correcting a form is not held back), counted in the write's own batch.
        guard: Some(rate_limit::within(&limit, transitions::ARRIVAL_GUARD_FIRST)),
    };
    let mut statements = vec![rate_limit::count_in_batch(&limit)];
    statements.extend(transitions::arrive(&arrival, &change_id));
    if let Some(claim) = claim {
        statements.push(claim.created(&change_id, &link.url).await?);
    }
    let (within, within_values) = rate_limit::within(&limit, 3);
    statements.push(Statement {
        sql: format!(
            "SELECT {within} AS within_limit, r.id, r.status, r.change_id, {} AS position \
             FROM (SELECT 1) one LEFT JOIN registration r ON r.edition_id = ?1 AND r.email = ?2",
            transitions::waitlist_position("r")
        ),
        params: [
            vec![edition_id.into(), registrant.email.as_str().into()],
            within_values,
        ]
        .concat(),
    });
    let placed_at = statements.len() - 1;
    let results = db.batch(transitions::prepare_all(db, &statements)?).await?;
    let placed: Placed = results
        .get(placed_at)
        .ok_or_else(|| ApiError::Internal("batch without its select".into()))?
        .results::<Placed>()?
        .into_iter()
        .next()
        .ok_or_else(|| ApiError::Internal("batch without its select".into()))?;
    if placed.within_limit == 0 {
        return Err(ApiError::Problem(ProblemKind::TooManyRequests, vec![]));
    }
    let registration_id = placed
        .id
        .ok_or_else(|| ApiError::Internal("registration not found after insert".into()))?;
    if placed.change_id.as_deref() != Some(change_id.as_str()) {
        // Already registered: a new link goes to the address, and the answer says only that.
        send_link_again(db, &registration_id, origin, registrant, &at).await?;
        return Ok((
            202,
            registration_id,
            RegistrationAnswer::link_sent(edition_id),
        ));
    }
    let status = placed
        .status
        .as_deref()
        .and_then(Status::parse)
        .ok_or_else(|| ApiError::Internal(format!("status {:?}", placed.status)))?;
    Ok((
        201,
        registration_id,
        RegistrationAnswer {
            status: Some(status),
            waitlist_position: (status == Status::Waitlisted)
                .then_some(placed.position)
                .flatten(),
            manage_url: Some(link.url),
            created: true,
            edition_id: edition_id.to_owned(),
        },
    ))
}

/// A new private manage link: its address, and the digest stored in its place.
pub struct ManageLink {
    pub url: String,
    pub token_hash: String,
}

impl ManageLink {
    pub async fn new(origin: &str, lang: &str) -> Result<ManageLink, ApiError> {
        let crypto::PrivateToken { token, token_hash } = crypto::PrivateToken::new().await?;
        Ok(ManageLink {
            url: format!("{origin}/{lang}/manage/{token}"),
            token_hash,
        })
    }
}

/// Sends a registration's manage link again, as a new link (the one already sent still
/// works), recorded in its history. The link is kept only until its message is sent.
pub async fn send_link_again(
    db: &D1Database,
    registration_id: &str,
    origin: &str,
    registrant: &Registrant,
    at: &str,
) -> Result<(), ApiError> {
    let link = ManageLink::new(origin, registrant.lang.code()).await?;
    let statements = vec![
        Statement {
            sql: "INSERT INTO manage_token (token_hash, registration_id, created_at) VALUES (?1, ?2, ?3)"
                .to_owned(),
            params: vec![link.token_hash.as_str().into(), registration_id.into(), at.into()],
        },
        transitions::record_event(registration_id, Event::LinkSent, at, None),
        Statement {
            sql: "INSERT INTO outbox (registration_id, edition_id, kind, manage_url, created_at) \
                  SELECT id, edition_id, ?2, ?3, ?4 FROM registration WHERE id = ?1"
                .to_owned(),
            params: vec![
                registration_id.into(),
                MessageKind::LinkSent.as_str().into(),
                link.url.as_str().into(),
                at.into(),
            ],
        },
    ];
    db.batch(transitions::prepare_all(db, &statements)?).await?;
    Ok(())
}

fn json_answer(code: u16, body: String, replayed: bool) -> Result<Response, ApiError> {
    let headers = Headers::new();
    headers.set("Content-Type", "application/json; charset=utf-8")?;
    headers.set("Cache-Control", "no-store")?;
    if replayed {
        headers.set("Idempotent-Replayed", "true")?;
    }
    Ok(Response::ok(body)?.with_status(code).with_headers(headers))
}

/// The body as text, refused when it is not JSON or larger than `MAX_BODY_BYTES`.
async fn read_body(req: &Request) -> Result<String, ApiError> {
    let is_json = req.headers().get("Content-Type")?.is_some_and(|t| {
        t.trim()
            .to_ascii_lowercase()
            .starts_with("application/json")
    });
    if !is_json {
        return Err(ApiError::Problem(ProblemKind::UnsupportedMediaType, vec![]));
    }
    http::body_text(req, MAX_BODY_BYTES).await
}
