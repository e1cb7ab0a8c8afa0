//! The coordinators' side of coaching on request, scoped inside every statement to the
//! networks the account coordinates coaching for (`scope::network`): the desk
//! (`GET /api/dashboard/networks/{id}/coaching`: requests by stage, each organisation's
//! hours) and a step on a request (`POST /api/dashboard/coaching-requests/{id}/steps`):
//! a check confirmed, a partner assigned, a session booked, hours recorded, the request
//! closed or declined (`ending`) — each as `request::next` decides, written only if the
//! request is still as it was read, and for what touches the hours, only while the ledger is
//! too (read again and retried when another writer came between).

use relais_domain::account::Action as StaffAction;
use relais_domain::coaching::budget::{record_use, Account, Entry, Movement, Period};
use relais_domain::coaching::desk::{
    CoachingDesk, DeskBooking, DeskCheck, DeskOrganisation, DeskProgramme, DeskRequest, Step,
    StepRequest, StepTaken,
};
use relais_domain::coaching::organisation::PartnerChoice;
use relais_domain::coaching::request::{next, Actor, Refused, Request as Rules, Stage};
use relais_domain::problem::ProblemKind;
use relais_domain::{Lang, Localized};
use serde::Deserialize;
use wasm_bindgen::JsValue;
use worker::{D1Database, Env, Request, Response};

use super::ending::Ending;
use super::ledger::{period_of, EntryRow, Ledger, NetworkLedgers, Opened, Read, Writer};
use super::programme::{self, ProgrammeRow};
use super::reach;
use crate::auth::{read_json, require};
use crate::catalog::now;
use crate::crypto;
use crate::http::{self, ApiError, Caller};
use crate::registration::transitions::{prepare_all, Statement, Value};
use crate::rows::{instant, text, Count};
use crate::scope;

const COORDINATE: StaffAction = StaffAction::CoordinateCoaching;
/// How many times a step that writes hours reads the ledger again when another writer came
/// between its reading and its writing.
pub(super) const LEDGER_ATTEMPTS: usize = 4;

#[derive(Deserialize)]
struct RequestRow {
    id: String,
    organisation_id: String,
    organisation: String,
    area: String,
    offering_id: String,
    title: String,
    stage: String,
    subject: String,
    question: String,
    availability: String,
    languages: String,
    preferred_partner: Option<String>,
    partner_id: Option<String>,
    confirmed: String,
    checks: String,
    period: i64,
    created_at: String,
}

#[derive(Deserialize)]
struct BookingRow {
    id: String,
    request_id: String,
    starts_at: String,
    minutes: u32,
    state: String,
}

#[derive(Deserialize)]
struct PartnerRow {
    offering_id: String,
    id: String,
    name: String,
}

#[derive(Deserialize)]
struct CheckText {
    name: String,
    #[serde(default)]
    text: Localized,
}

/// `GET /api/dashboard/networks/{id}/coaching`.
pub async fn desk(
    req: &Request,
    env: &Env,
    caller: &Caller,
    network_id: &str,
) -> Result<Response, ApiError> {
    let staff = require(req, env, COORDINATE, false).await?;
    let db = env.d1("DB")?;
    // A coordinator reaches the network's whole desk; a partner, its own requests and the
    // organisations they are for.
    let in_part = scope::network_in_part("?1", "?2", COORDINATE);
    let reaches = scope::coaching_request("r", "o", "?2", COORDINATE);
    let organisations_reached = scope::coaching_organisation("o", "?2", COORDINATE);
    let binds: [JsValue; 2] = [network_id.into(), staff.account_id.as_str().into()];
    let query = |sql: String| db.prepare(sql).bind(&binds);
    let [reached_in_part, reached_whole] = reach::statements();
    let results = db
        .batch(vec![
            query(reached_in_part)?,
            query(reached_whole)?,
            // Open requests first, by stage, then the oldest first.
            query(format!(
                "SELECT r.id, r.organisation_id, o.name AS organisation, o.area, r.offering_id, \
                   f.title, r.stage, r.subject, r.question, r.availability, r.languages, \
                   r.preferred_partner, r.partner_id, r.confirmed, c.checks, r.period, r.created_at \
                 FROM coaching_request r JOIN organisation o ON o.id = r.organisation_id \
                 JOIN offering f ON f.id = r.offering_id JOIN coaching_offer c ON c.offering_id = r.offering_id \
                 WHERE o.network_id = ?1 AND {reaches} \
                 ORDER BY CASE r.stage WHEN 'received' THEN 0 WHEN 'ready' THEN 1 WHEN 'assigned' THEN 2 \
                   WHEN 'booked' THEN 3 ELSE 4 END, r.created_at, r.id"
            ))?,
            query(format!(
                "SELECT b.id, b.request_id, b.starts_at, b.minutes, b.state FROM coaching_booking b \
                 JOIN coaching_request r ON r.id = b.request_id JOIN organisation o ON o.id = r.organisation_id \
                 WHERE o.network_id = ?1 AND {reaches} ORDER BY b.starts_at, b.id"
            ))?,
            query(NetworkLedgers::organisations_sql(&organisations_reached))?,
            query(NetworkLedgers::entries_sql(&organisations_reached))?,
            query(format!(
                "SELECT cp.offering_id, p.id, p.name FROM coaching_partner cp \
                 JOIN partner p ON p.id = cp.partner_id JOIN offering f ON f.id = cp.offering_id \
                 WHERE f.network_id = ?1 AND {in_part} ORDER BY cp.position, p.name"
            ))?,
        ])
        .await?;
    let [network, whole, requests, bookings, organisations, ledger, partners] = results.as_slice()
    else {
        return Err(ApiError::Internal("batch results".into()));
    };
    let actor = reach::reader(network, whole)?;
    let bookings: Vec<BookingRow> = bookings.results()?;
    let partners: Vec<PartnerRow> = partners.results()?;
    let period = period_of(now());
    let requests = requests
        .results::<RequestRow>()?
        .into_iter()
        .map(|r| desk_request(r, &bookings, &partners, caller.lang))
        .collect::<Result<Vec<_>, _>>()?;
    let ledgers = NetworkLedgers::new(organisations.results()?, ledger.results()?)?;
    let programmes = programme::of_network(&db, network_id).await?;
    let mut lines = vec![];
    for p in &programmes {
        for n in ledgers.year(p, period)?.neighbourhoods {
            lines.push(DeskOrganisation {
                id: n.organisation.id,
                name: n.organisation.name,
                area: n.organisation.area,
                programme_id: p.id.clone(),
                allowance: n.allowance,
                pool: n.pool,
            });
        }
    }
    let mut listed = vec![];
    for p in &programmes {
        listed.push(DeskProgramme {
            id: p.id.clone(),
            name: p.name_in(caller.lang)?,
            pool_places: p.pool_places,
            pool_places_taken: programme::places_taken(&db, &p.id, period).await?,
        });
    }
    http::private_json(&CoachingDesk {
        network_id: network_id.to_owned(),
        as_partner: actor == Actor::Partner,
        period,
        programmes: listed,
        requests,
        organisations: lines,
    })
}

fn desk_request(
    r: RequestRow,
    bookings: &[BookingRow],
    partners: &[PartnerRow],
    lang: Lang,
) -> Result<DeskRequest, ApiError> {
    let confirmed: Vec<String> = serde_json::from_str(&r.confirmed)?;
    let checks: Vec<CheckText> = serde_json::from_str(&r.checks)?;
    let offered = partners
        .iter()
        .filter(|p| p.offering_id == r.offering_id)
        .map(|p| PartnerChoice {
            id: p.id.clone(),
            name: p.name.clone(),
        })
        .collect();
    Ok(DeskRequest {
        stage: Stage::parse(&r.stage)
            .ok_or_else(|| ApiError::Internal(format!("request stage {}", r.stage)))?,
        offering_title: text(&r.title, lang)?.map(|t| t.text).unwrap_or_default(),
        languages: serde_json::from_str(&r.languages)?,
        checks: checks
            .into_iter()
            .map(|c| DeskCheck {
                confirmed: confirmed.contains(&c.name),
                text: c.text.resolve(lang).map(|t| t.text).unwrap_or_default(),
                name: c.name,
            })
            .collect(),
        bookings: bookings
            .iter()
            .filter(|b| b.request_id == r.id)
            .map(|b| {
                Ok(DeskBooking {
                    id: b.id.clone(),
                    starts_at: instant(&b.starts_at)?,
                    minutes: b.minutes,
                    state: b.state.clone(),
                })
            })
            .collect::<Result<_, ApiError>>()?,
        period: Period::try_from(r.period).map_err(|_| ApiError::Internal("period".into()))?,
        created_at: instant(&r.created_at)?,
        id: r.id,
        organisation_id: r.organisation_id,
        organisation: r.organisation,
        area: r.area,
        offering_id: r.offering_id,
        subject: r.subject,
        question: r.question,
        availability: r.availability,
        preferred_partner: r.preferred_partner,
        partner: r.partner_id,
        partners: offered,
    })
}

/// A request as a step reads it.
#[derive(Deserialize)]
struct StepRow {
    id: String,
    stage: String,
    offering_id: String,
    organisation_id: String,
    organisation_created_at: String,
    confirmed: String,
    checks: String,
    programme_id: Option<String>,
    account: String,
    period: i64,
    /// 1 when the account reaches the request's whole network, not as its partner only.
    coordinates: u32,
}

/// `POST /api/dashboard/coaching-requests/{id}/steps`: read, checked, decided by
/// `request::next`, then written.
pub async fn step(req: &Request, env: &Env, request_id: &str) -> Result<Response, ApiError> {
    let staff = require(req, env, COORDINATE, true).await?;
    let asked: StepRequest = read_json(req).await?;
    let step = asked
        .check()
        .map_err(|refused| ApiError::Fields(ProblemKind::InvalidBody, refused))?;
    let db = env.d1("DB")?;
    // Reached across its network (a coordinator) or as the partner it is assigned to.
    let reaches = scope::coaching_request("r", "o", "?2", COORDINATE);
    let coordinates = scope::network("o.network_id", "?2", COORDINATE);
    let row: StepRow = db
        .prepare(format!(
            "SELECT r.id, r.stage, r.offering_id, r.organisation_id, o.created_at AS organisation_created_at, \
               r.confirmed, c.checks, c.programme_id, c.account, r.period, {coordinates} AS coordinates \
             FROM coaching_request r JOIN organisation o ON o.id = r.organisation_id \
             JOIN coaching_offer c ON c.offering_id = r.offering_id WHERE r.id = ?1 AND {reaches}"
        ))
        .bind(&[request_id.into(), staff.account_id.as_str().into()])?
        .first(None)
        .await?
        .ok_or(ApiError::Problem(ProblemKind::NotFound, vec![]))?;
    let stage = Stage::parse(&row.stage)
        .ok_or_else(|| ApiError::Internal(format!("request stage {}", row.stage)))?;
    let confirmed: Vec<String> = serde_json::from_str(&row.confirmed)?;
    let checks: Vec<CheckText> = serde_json::from_str(&row.checks)?;
    let partners = programme::partners(&db, &row.offering_id).await?;
    let check_names: Vec<&str> = checks.iter().map(|c| c.name.as_str()).collect();
    let confirmed_names: Vec<&str> = confirmed.iter().map(String::as_str).collect();
    let partner_ids: Vec<&str> = partners.iter().map(|(id, _)| id.as_str()).collect();
    let rules = Rules {
        stage,
        checks: &check_names,
        confirmed: &confirmed_names,
        partners: &partner_ids,
    };
    let actor = if row.coordinates == 1 {
        Actor::Coordinator
    } else {
        Actor::Partner
    };
    let after = next(&rules, actor, &step.action()).map_err(|refused| match refused {
        Refused::Unknown => match step {
            Step::Confirm(_) => field("check", "unknown-check"),
            _ => field("partner", "unknown-partner"),
        },
        Refused::NotNow => ApiError::Detailed(ProblemKind::Conflict, "conflict-request-stage"),
        Refused::NotYours => ApiError::Problem(ProblemKind::Forbidden, vec![]),
    })?;
    let at = crate::dashboard::at();
    // The request's own change, guarded by the stage it was read at.
    let moved = |set: &str, also: &str, mut more: Vec<Value>| {
        let mut params = vec![
            row.id.as_str().into(),
            stage.as_str().into(),
            after.as_str().into(),
            at.as_str().into(),
        ];
        params.append(&mut more);
        Statement {
            sql: format!(
                "UPDATE coaching_request SET stage = ?3, updated_at = ?4{set} WHERE id = ?1 AND stage = ?2{also}"
            ),
            params,
        }
    };
    let mut taken = StepTaken {
        id: row.id.clone(),
        stage: after,
        booking: None,
        used: 0,
        paid_by_organisation: 0,
    };
    match &step {
        Step::Confirm(check) => {
            let mut now_confirmed = confirmed.clone();
            now_confirmed.push(check.clone());
            // Guarded by the checks confirmed when read: two confirmations at once both count.
            let statement = moved(
                ", confirmed = ?5",
                " AND confirmed = ?6",
                vec![
                    serde_json::to_string(&now_confirmed)?.as_str().into(),
                    row.confirmed.as_str().into(),
                ],
            );
            guarded(&db, &[statement]).await?;
        }
        Step::Assign(partner) => {
            guarded(
                &db,
                &[moved(
                    ", partner_id = ?5",
                    "",
                    vec![partner.as_str().into()],
                )],
            )
            .await?;
        }
        Step::Close => guarded(&db, &[moved("", "", vec![])]).await?,
        // Before anything was booked: a pool place it took is given back.
        Step::Decline => {
            let ending = Ending {
                request: &row.id,
                organisation: &row.organisation_id,
                from: stage,
                to: after,
                who: &staff.account_id,
                at: &at,
            };
            ending.write(&db).await?;
        }
        Step::Book { .. } | Step::Record { .. } if row.programme_id.is_none() => {
            let sessions = Sessions {
                db: &db,
                row: &row,
                at: &at,
            };
            sessions.write(&step, stage, &mut taken).await?;
        }
        Step::Book { .. } | Step::Record { .. } => {
            let programme = match &row.programme_id {
                Some(id) => programme::find(&db, id).await?,
                None => None,
            }
            .ok_or(ApiError::Detailed(
                ProblemKind::Conflict,
                "conflict-no-budget",
            ))?;
            let hours = Hours {
                db: &db,
                row: &row,
                programme: &programme,
                who: &staff.account_id,
                at: &at,
            };
            hours.write(&step, stage, &mut taken).await?;
        }
    }
    Ok(http::private_json(&taken)?.with_status(200))
}

/// One try of a batch whose first statement is `request`'s change, guarded by the `stage`
/// it was read at and by a ledger as read: whether it was written; not written while the
/// request is still at `stage` means the ledger moved, to be read again; 409 when the
/// request itself moved.
pub(super) async fn written_with_ledger(
    db: &D1Database,
    statements: &[Statement],
    request: &str,
    stage: Stage,
) -> Result<bool, ApiError> {
    let results = db.batch(prepare_all(db, statements)?).await?;
    let written = results
        .first()
        .and_then(|r| r.meta().ok().flatten())
        .and_then(|m| m.changes)
        .is_some_and(|n| n > 0);
    if !written && stage_of(db, request).await? != Some(stage) {
        return Err(ApiError::Detailed(
            ProblemKind::Conflict,
            "conflict-request-stage",
        ));
    }
    Ok(written)
}

/// The ledger kept moving under every try.
pub(super) fn ledger_busy() -> ApiError {
    ApiError::Detailed(ProblemKind::Conflict, "conflict-ledger-busy")
}

/// Where a request stands now, read again after a write that did not land.
async fn stage_of(db: &D1Database, request: &str) -> Result<Option<Stage>, ApiError> {
    #[derive(Deserialize)]
    struct Now {
        stage: String,
    }
    let now: Option<Now> = db
        .prepare("SELECT stage FROM coaching_request WHERE id = ?1")
        .bind(&[request.into()])?
        .first(None)
        .await?;
    Ok(now.and_then(|n| Stage::parse(&n.stage)))
}

fn field(name: &str, code: &'static str) -> ApiError {
    ApiError::Fields(ProblemKind::InvalidBody, vec![(name.to_owned(), code)])
}

/// Runs `statements` as one batch; the first one's change count says whether the request
/// was still as it was read (409 when another step came first).
pub(super) async fn guarded(db: &D1Database, statements: &[Statement]) -> Result<(), ApiError> {
    let results = db.batch(prepare_all(db, statements)?).await?;
    let changed = results
        .first()
        .and_then(|r| r.meta().ok().flatten())
        .and_then(|m| m.changes)
        .unwrap_or(0);
    if changed == 0 {
        return Err(ApiError::Detailed(
            ProblemKind::Conflict,
            "conflict-request-stage",
        ));
    }
    Ok(())
}

/// The statements of one step's batch that are written only with the request's own change,
/// which marks the request with the batch's id (`step_id`).
pub(super) struct TiedTo<'a> {
    pub request: &'a str,
    pub batch: &'a str,
}

impl TiedTo<'_> {
    /// `sql` (`?1` the request, `?2` the batch, then `more`), written only with the change.
    pub fn statement(&self, sql: &str, more: Vec<Value>) -> Statement {
        let mut params = vec![self.request.into(), self.batch.into()];
        params.extend(more);
        Statement {
            sql: format!(
                "{sql} AND EXISTS (SELECT 1 FROM coaching_request WHERE id = ?1 AND step_id = ?2)"
            ),
            params,
        }
    }

    /// A new session `booking` of the request, booked.
    fn booking(
        &self,
        booking: &str,
        starts_at: &chrono::DateTime<chrono::Utc>,
        minutes: u32,
        at: &str,
    ) -> Statement {
        self.statement(
            "INSERT INTO coaching_booking (id, request_id, starts_at, minutes, state, created_at) \
             SELECT ?3, ?1, ?4, ?5, 'booked', ?6 WHERE 1",
            vec![
                booking.into(),
                starts_at
                    .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
                    .as_str()
                    .into(),
                Value::Int(minutes.into()),
                at.into(),
            ],
        )
    }
}

/// A session booked or given on an offering that draws on no budget (the Hub's tailored
/// workshops): the request's change and the session's, in one batch, with no ledger entry.
struct Sessions<'a> {
    db: &'a D1Database,
    row: &'a StepRow,
    at: &'a str,
}

impl Sessions<'_> {
    async fn write(
        &self,
        step: &Step,
        stage: Stage,
        taken: &mut StepTaken,
    ) -> Result<(), ApiError> {
        let batch = crypto::random_hex(8)?;
        // ?1 the request, ?2 the batch: the session's statement is written only with the
        // request's change, which is guarded by the stage it was read at.
        let moved = Statement {
            sql: "UPDATE coaching_request SET stage = ?3, updated_at = ?4, step_id = ?2 \
                  WHERE id = ?1 AND stage = ?5"
                .into(),
            params: vec![
                self.row.id.as_str().into(),
                batch.as_str().into(),
                taken.stage.as_str().into(),
                self.at.into(),
                stage.as_str().into(),
            ],
        };
        let tied = TiedTo {
            request: &self.row.id,
            batch: &batch,
        };
        let session = match step {
            Step::Book { starts_at, minutes } => {
                let booking = format!("seance-{}", crypto::random_hex(8)?);
                let insert = tied.booking(&booking, starts_at, *minutes, self.at);
                taken.booking = Some(booking);
                insert
            }
            // Nothing is drawn on: the session is marked given, with the time it took.
            Step::Record {
                minutes,
                booking: Some(booking),
                ..
            } => tied.statement(
                "UPDATE coaching_booking SET state = 'given', minutes = ?4 \
                 WHERE id = ?3 AND request_id = ?1 AND state = 'booked'",
                vec![booking.as_str().into(), Value::Int((*minutes).into())],
            ),
            Step::Record { booking: None, .. } => return Err(field("booking", "required")),
            _ => return Err(ApiError::Internal("a step without a session".into())),
        };
        if let Step::Record {
            booking: Some(booking),
            ..
        } = step
        {
            self.still_booked(booking).await?;
        }
        guarded(self.db, &[moved, session]).await
    }

    /// Refuses a booking that is not this request's, or no longer booked.
    async fn still_booked(&self, booking: &str) -> Result<(), ApiError> {
        let held: Option<Count> = self
            .db
            .prepare(
                "SELECT count(*) AS count FROM coaching_booking \
                 WHERE id = ?1 AND request_id = ?2 AND state = 'booked'",
            )
            .bind(&[booking.into(), self.row.id.as_str().into()])?
            .first(None)
            .await?;
        if held.is_some_and(|c| c.count > 0) {
            Ok(())
        } else {
            Err(field("booking", "unknown-booking"))
        }
    }
}

/// A step that writes hours: a booking, or hours given.
struct Hours<'a> {
    db: &'a D1Database,
    row: &'a StepRow,
    programme: &'a ProgrammeRow,
    who: &'a str,
    at: &'a str,
}

impl Hours<'_> {
    /// The account and period the request draws on: a pool's place belongs to the year it
    /// was taken in; the allowance is drawn in the year the hours are given.
    fn drawn_on(&self) -> Result<(Account, Period), ApiError> {
        let account = Account::parse(&self.row.account)
            .ok_or_else(|| ApiError::Internal(format!("account {}", self.row.account)))?;
        Ok(match account {
            Account::Pool => (
                account,
                Period::try_from(self.row.period)
                    .map_err(|_| ApiError::Internal("period".into()))?,
            ),
            Account::Allowance => (account, period_of(now())),
        })
    }

    async fn read(&self, period: Period) -> Result<(Read, Vec<Entry>), ApiError> {
        let ledger = self.ledger();
        let rows: Vec<EntryRow> = ledger.read().prepare(self.db)?.all().await?.results()?;
        let opened = Opened::of(
            &rows,
            &self.programme.allowance(),
            &self.row.organisation_created_at,
            period,
        )?;
        let entries = opened.entries();
        Ok((opened.read, entries))
    }

    fn ledger(&self) -> Ledger<'_> {
        Ledger {
            programme: &self.programme.id,
            organisation: &self.row.organisation_id,
        }
    }

    /// Reads the ledger and computes the entries; then, in one batch, the request's change
    /// (guarded by the stage it was read at and by the ledger being as it was read, and
    /// marking the request with the batch's id), the entries and the booking, each written
    /// only with that change. When the ledger moved meanwhile, it is read again.
    async fn write(
        &self,
        step: &Step,
        stage: Stage,
        taken: &mut StepTaken,
    ) -> Result<(), ApiError> {
        let (account, period) = self.drawn_on()?;
        for _ in 0..LEDGER_ATTEMPTS {
            let (read, all) = self.read(period).await?;
            // The periods still to open are written first, then this step's entries.
            let mut entries: Vec<Entry> = all[read.entries.len()..].to_vec();
            let batch = crypto::random_hex(8)?;
            let tied = TiedTo {
                request: &self.row.id,
                batch: &batch,
            };
            let mut more: Vec<Statement> = vec![];
            taken.used = 0;
            taken.paid_by_organisation = 0;
            match step {
                Step::Book { starts_at, minutes } => {
                    let booking = format!("seance-{}", crypto::random_hex(8)?);
                    entries.push(Entry {
                        account,
                        period,
                        movement: Movement::Booked,
                        minutes: *minutes,
                    });
                    more.push(tied.booking(&booking, starts_at, *minutes, self.at));
                    taken.booking = Some(booking);
                }
                Step::Record {
                    minutes,
                    travel_minutes,
                    booking,
                } => {
                    if let Some(booking) = booking {
                        entries.push(Entry {
                            account,
                            period,
                            movement: Movement::Released,
                            minutes: self.booked(booking).await?,
                        });
                        more.push(tied.statement(
                            "UPDATE coaching_booking SET state = 'given' WHERE id = ?3 AND state = 'booked'",
                            vec![booking.as_str().into()],
                        ));
                    }
                    let counted =
                        Step::counted(*minutes, *travel_minutes, self.programme.travel_counts == 1);
                    let mut so_far = read.entries.clone();
                    so_far.extend_from_slice(&entries);
                    let used = record_use(&so_far, account, period, counted);
                    for e in &used {
                        match e.movement {
                            Movement::Used => taken.used += e.minutes,
                            _ => taken.paid_by_organisation += e.minutes,
                        }
                    }
                    entries.extend(used);
                }
                _ => return Err(ApiError::Internal("a step without hours".into())),
            }
            let moved = Statement {
                sql: format!(
                    "UPDATE coaching_request SET stage = ?3, updated_at = ?4, step_id = ?2 \
                     WHERE id = ?1 AND stage = ?5 AND {}",
                    Ledger::unchanged_since("?6", "?7", "?8")
                ),
                params: vec![
                    self.row.id.as_str().into(),
                    batch.as_str().into(),
                    taken.stage.as_str().into(),
                    self.at.into(),
                    stage.as_str().into(),
                    self.programme.id.as_str().into(),
                    self.row.organisation_id.as_str().into(),
                    Value::Int(read.last),
                ],
            };
            let writer = Writer {
                who: self.who,
                request: Some(&self.row.id),
                at: self.at,
                batch: &batch,
            };
            let mut statements = vec![moved];
            statements.extend(self.ledger().append(&read, &entries, writer));
            statements.extend(more);
            if written_with_ledger(self.db, &statements, &self.row.id, stage).await? {
                return Ok(());
            }
        }
        Err(ledger_busy())
    }

    /// The minutes a booking of this request still holds.
    async fn booked(&self, booking: &str) -> Result<u32, ApiError> {
        #[derive(Deserialize)]
        struct Held {
            minutes: u32,
        }
        let held: Option<Held> = self
            .db
            .prepare(
                "SELECT minutes FROM coaching_booking WHERE id = ?1 AND request_id = ?2 AND state = 'booked'",
            )
            .bind(&[booking.into(), self.row.id.as_str().into()])?
            .first(None)
            .await?;
        held.map(|h| h.minutes)
            .ok_or_else(|| field("booking", "unknown-booking"))
    }
}
