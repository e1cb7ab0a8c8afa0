//! The people behind an edition, for its network's coordinators and the facilitators of its
//! offering: its registrations as a filter keeps them (`relais_domain::people`), their counts,
//! each one's answers under the questions' labels, the sessions' attendance figures, and the
//! CSV export of the same people. Decisions go through the coordinators' one handler
//! (`coordinator::decide`). Every statement is scoped (`scope`): another network's edition is
//! not found.

use std::collections::BTreeMap;

use relais_domain::account::Action;
use relais_domain::catalog::RegistrationMode;
use relais_domain::coordination::EditionCounts;
use relais_domain::people::{
    export_file_name, labelled_answers, spreadsheet_cell, AttendanceFigures, AttendanceMark,
    Column, EditionPeople, EditionPerson, PeopleCounts, PeopleFilter, Separator, SessionFigures,
};
use relais_domain::problem::ProblemKind;
use relais_domain::registration::waitlist::{self, Arrival};
use relais_domain::registration::{FormQuestion, Question, Status};
use relais_domain::{schedule, Lang, Text};
use serde::Deserialize;
use worker::{D1Database, Env, Headers, Request, Response};

use super::not_found;
use crate::auth;
use crate::catalog::now;
use crate::http::{self, private_json, ApiError, Caller};
use crate::registration::transitions;
use crate::rows::{instant, text};
use crate::scope;

#[derive(Deserialize)]
struct EditionRow {
    id: String,
    registration_mode: String,
    capacity: Option<u32>,
    places_taken: u32,
    waiting: u32,
    title: String,
    offering_title: String,
    questions: String,
    may_decide: u32,
}

#[derive(Deserialize)]
struct RegistrationRow {
    id: String,
    name: String,
    email: String,
    lang: String,
    zone: String,
    region: String,
    organisation: String,
    answers: String,
    accessibility: String,
    priority: u32,
    status: String,
    arrival: u32,
    created_at: String,
}

#[derive(Deserialize)]
pub(super) struct SessionRow {
    pub id: String,
    pub title: String,
    pub starts_at: String,
    pub ends_at: String,
    pub cancelled_at: Option<String>,
}

#[derive(Deserialize)]
struct MarkRow {
    session_id: String,
    registration_id: String,
    mark: String,
}

/// Everything an edition's people page and export read, in one batch.
struct Read {
    edition: EditionRow,
    questions: Vec<FormQuestion>,
    people: Vec<EditionPerson>,
    sessions: Vec<SessionRow>,
    /// Marks by (session, registration).
    marks: BTreeMap<(String, String), AttendanceMark>,
}

async fn read(
    db: &D1Database,
    staff: &auth::Staff,
    edition_id: &str,
    lang: Lang,
) -> Result<Read, ApiError> {
    let account = staff.account_id.as_str();
    let view = |alias: &str| scope::edition(alias, "?2", Action::ViewRegistrations);
    let bind = [edition_id.into(), account.into()];
    let results = db
        .batch(vec![
            db.prepare(format!(
                "SELECT e.id, e.registration_mode, e.capacity, {held} AS places_taken, \
                   {waiting} AS waiting, e.title, o.title AS offering_title, e.questions, \
                   {decide} AS may_decide \
                 FROM edition e JOIN offering o ON o.id = e.offering_id WHERE e.id = ?1 AND {view}",
                held = transitions::places_held("e.id"),
                waiting = transitions::waiting_count("e.id"),
                decide = scope::edition("e.id", "?2", Action::DecideRegistrations),
                view = view("e.id"),
            ))
            .bind(&bind)?,
            // Those still in play first, the priority group first, each in arrival order;
            // then the waiting list in its own order (arrival alone); then the others.
            db.prepare(format!(
                "SELECT r.id, r.name, r.email, r.lang, r.zone, r.region, r.organisation, r.answers, \
                   r.accessibility, r.priority, r.status, r.arrival, r.created_at \
                 FROM registration r WHERE r.edition_id = ?1 AND {view} \
                 ORDER BY NOT ({active}), {waiting}, CASE WHEN {waiting} THEN 0 ELSE r.priority END DESC, \
                   r.arrival",
                view = view("r.edition_id"),
                active = transitions::is_active("r"),
                waiting = transitions::is_waiting("r"),
            ))
            .bind(&bind)?,
            db.prepare(format!(
                "SELECT s.id, s.title, s.starts_at, s.ends_at, s.cancelled_at FROM session s \
                 WHERE s.edition_id = ?1 AND {} ORDER BY s.starts_at, s.id",
                view("s.edition_id"),
            ))
            .bind(&bind)?,
            db.prepare(format!(
                "SELECT a.session_id, a.registration_id, a.mark FROM attendance a \
                 JOIN session s ON s.id = a.session_id WHERE s.edition_id = ?1 AND {}",
                view("s.edition_id"),
            ))
            .bind(&bind)?,
        ])
        .await?;
    let [edition, registrations, sessions, marks] = results.as_slice() else {
        return Err(ApiError::Internal("batch results".into()));
    };
    let edition = edition
        .results::<EditionRow>()?
        .into_iter()
        .next()
        .ok_or(not_found())?;
    let questions: Vec<Question> = serde_json::from_str(&edition.questions).unwrap_or_default();
    let questions: Vec<FormQuestion> = questions
        .iter()
        .filter_map(|q| FormQuestion::new(q, lang))
        .collect();
    let mut people = registrations
        .results::<RegistrationRow>()?
        .into_iter()
        .map(|row| person(row, &questions))
        .collect::<Result<Vec<_>, _>>()?;
    // Each waiting person's place in line (arrival order, whatever the list's order).
    let positions: BTreeMap<String, u32> = {
        let arrivals: Vec<Arrival> = people
            .iter()
            .map(|p| Arrival {
                id: &p.id,
                arrival: p.arrival,
                status: p.status,
            })
            .collect();
        waitlist::positions(&arrivals)
            .into_iter()
            .map(|(id, position)| (id.to_owned(), position))
            .collect()
    };
    for p in &mut people {
        p.waitlist_position = positions.get(&p.id).copied();
    }
    let marks = marks
        .results::<MarkRow>()?
        .into_iter()
        .filter_map(|m| {
            AttendanceMark::parse(&m.mark).map(|mark| ((m.session_id, m.registration_id), mark))
        })
        .collect();
    Ok(Read {
        edition,
        questions,
        people,
        sessions: sessions.results()?,
        marks,
    })
}

/// Everyone registered for the edition, as the people page reads them (a message to the
/// list a filter keeps is narrowed from them).
pub(super) async fn everyone(
    db: &D1Database,
    staff: &auth::Staff,
    edition_id: &str,
    lang: Lang,
) -> Result<Vec<EditionPerson>, ApiError> {
    Ok(read(db, staff, edition_id, lang).await?.people)
}

fn person(row: RegistrationRow, questions: &[FormQuestion]) -> Result<EditionPerson, ApiError> {
    let answers: BTreeMap<String, String> = serde_json::from_str(&row.answers).unwrap_or_default();
    Ok(EditionPerson {
        status: Status::parse(&row.status)
            .ok_or_else(|| ApiError::Internal(format!("status {}", row.status)))?,
        answers: labelled_answers(questions, &answers),
        id: row.id,
        name: row.name,
        email: row.email,
        lang: row.lang,
        zone: row.zone,
        region: row.region,
        organisation: row.organisation,
        accessibility: row.accessibility,
        priority: row.priority == 1,
        arrival: row.arrival,
        waitlist_position: None,
        created_at: row.created_at,
    })
}

/// Each session's figures over the people who hold a place now.
pub(super) fn session_figures(
    sessions: &[SessionRow],
    with_place: &[&EditionPerson],
    marks: &BTreeMap<(String, String), AttendanceMark>,
    lang: Lang,
) -> Result<Vec<SessionFigures>, ApiError> {
    sessions
        .iter()
        .map(|s| {
            Ok(SessionFigures {
                id: s.id.clone(),
                title: text(&s.title, lang)?,
                starts_at: instant(&s.starts_at)?,
                ends_at: instant(&s.ends_at)?,
                cancelled: s.cancelled_at.is_some(),
                figures: AttendanceFigures::of(
                    with_place
                        .iter()
                        .map(|p| marks.get(&(s.id.clone(), p.id.clone())).copied()),
                ),
            })
        })
        .collect()
}

/// The filter of the query: the page's and the export's are the same.
fn filter_of(caller: &Caller) -> Result<PeopleFilter, ApiError> {
    PeopleFilter::from_query(caller.query.iter().map(|(k, v)| (k.as_str(), v.as_str())))
        .map_err(|refusal| ApiError::Problem(ProblemKind::InvalidQuery, vec![refusal]))
}

fn titled(json: &str, lang: Lang, fallback: &str) -> Result<Text, ApiError> {
    Ok(text(json, lang)?.unwrap_or_else(|| Text {
        text: fallback.to_owned(),
        lang: lang.code().to_owned(),
    }))
}

/// `GET /api/dashboard/editions/{id}/registrations`: the people a filter keeps, with their
/// counts and the sessions' attendance.
pub async fn list(
    req: &Request,
    env: &Env,
    caller: &Caller,
    edition_id: &str,
) -> Result<Response, ApiError> {
    let staff = auth::require(req, env, Action::ViewRegistrations, false).await?;
    let filter = filter_of(caller)?;
    let lang = caller.lang;
    let read = read(&env.d1("DB")?, &staff, edition_id, lang).await?;
    let with_place: Vec<&EditionPerson> = read
        .people
        .iter()
        .filter(|p| relais_domain::people::takes_attendance(p.status))
        .collect();
    let sessions = session_figures(&read.sessions, &with_place, &read.marks, lang)?;
    let attendance = sessions
        .iter()
        .filter(|s| !s.cancelled)
        .fold(AttendanceFigures::default(), |sum, s| sum + s.figures);
    let counts = PeopleCounts::of(&read.people, &filter);
    let people: Vec<EditionPerson> = read
        .people
        .into_iter()
        .filter(|p| filter.keeps(p))
        .collect();
    let e = read.edition;
    private_json(&EditionPeople {
        edition: EditionCounts {
            registration_mode: RegistrationMode::parse(&e.registration_mode)
                .ok_or_else(|| ApiError::Internal(format!("mode {}", e.registration_mode)))?,
            id: e.id.clone(),
            capacity: e.capacity,
            places_taken: e.places_taken,
            waiting: e.waiting,
        },
        offering_title: titled(&e.offering_title, lang, &e.id)?,
        title: text(&e.title, lang)?,
        questions: read.questions,
        counts,
        filter,
        people,
        sessions,
        attendance,
        may_decide: e.may_decide == 1,
    })
}

/// `GET /api/dashboard/editions/{id}/registrations.csv?separator=&clock=&lang=`: the people
/// the filter keeps (the same query as the page's, `zone` included), as a spreadsheet reads
/// them — UTF-8 with a byte-order mark, headers in `lang`, times on `clock`'s (an IANA zone),
/// only the fields the privacy notice names, one column per question and one per session's
/// attendance.
pub async fn export(
    req: &Request,
    env: &Env,
    caller: &Caller,
    edition_id: &str,
) -> Result<Response, ApiError> {
    let staff = auth::require(req, env, Action::ViewRegistrations, false).await?;
    let filter = filter_of(caller)?;
    let lang = caller.lang;
    let separator = match caller.param("separator") {
        None | Some("") => Separator::for_lang(lang),
        Some(s) => Separator::parse(s).ok_or(ApiError::Problem(
            ProblemKind::InvalidQuery,
            vec![("separator", "unknown-separator")],
        ))?,
    };
    let clock = match caller.param("clock") {
        None | Some("") => "UTC".to_owned(),
        Some(z) => schedule::parse_zone(z)
            .map(|tz| tz.name().to_owned())
            .map_err(|_| {
                ApiError::Problem(ProblemKind::InvalidQuery, vec![("clock", "unknown-zone")])
            })?,
    };
    let read = read(&env.d1("DB")?, &staff, edition_id, lang).await?;
    let bytes = write_csv(&read, &filter, separator, &clock, lang)?;
    let headers = Headers::new();
    headers.set("Content-Type", "text/csv; charset=utf-8")?;
    headers.set("Content-Language", lang.code())?;
    headers.set("Cache-Control", "no-store")?;
    headers.set(
        "Content-Disposition",
        &format!(
            "attachment; filename=\"{}\"",
            export_file_name(edition_id, now().date_naive())
        ),
    )?;
    Ok(Response::from_bytes(bytes)?.with_headers(headers))
}

/// `at` (RFC 3339) on `zone`'s clock, as spreadsheets read a date and time.
fn on_clock(at: &str, zone: &str) -> Result<String, ApiError> {
    let at = instant(at)?;
    let offset =
        schedule::offset_minutes(at, zone).map_err(|e| ApiError::Internal(e.to_string()))?;
    Ok((at + chrono::TimeDelta::minutes(offset.into()))
        .naive_utc()
        .format("%Y-%m-%d %H:%M")
        .to_string())
}

fn write_csv(
    read: &Read,
    filter: &PeopleFilter,
    separator: Separator,
    clock: &str,
    lang: Lang,
) -> Result<Vec<u8>, ApiError> {
    let messages = http::messages(lang)?;
    let csv_error = |e: csv::Error| ApiError::Internal(e.to_string());
    let sessions: Vec<&SessionRow> = read
        .sessions
        .iter()
        .filter(|s| s.cancelled_at.is_none())
        .collect();
    let mut out = b"\xEF\xBB\xBF".to_vec();
    {
        let mut writer = csv::WriterBuilder::new()
            .delimiter(separator.byte())
            .terminator(csv::Terminator::CRLF)
            .from_writer(&mut out);
        let mut header: Vec<String> = Column::ALL
            .iter()
            .map(|c| messages.get(c.message()))
            .collect();
        header.extend(read.questions.iter().map(|q| q.label.text.clone()));
        for s in &sessions {
            header.push(format!(
                "{} {}",
                messages.get("csv-attendance"),
                on_clock(&s.starts_at, clock)?
            ));
        }
        writer.write_record(&header).map_err(csv_error)?;
        for p in read.people.iter().filter(|p| filter.keeps(p)) {
            let mut record = vec![
                p.name.clone(),
                p.email.clone(),
                p.lang.clone(),
                p.zone.clone(),
                p.region.clone(),
                p.organisation.clone(),
                p.accessibility.clone(),
                messages.get(if p.priority { "csv-yes" } else { "csv-no" }),
                messages.get(&format!("csv-status-{}", p.status.as_str())),
                on_clock(&p.created_at, clock)?,
            ];
            for q in &read.questions {
                record.push(
                    p.answers
                        .iter()
                        .find(|a| a.question == q.id)
                        .map(|a| a.text.clone())
                        .unwrap_or_default(),
                );
            }
            for s in &sessions {
                record.push(
                    read.marks
                        .get(&(s.id.clone(), p.id.clone()))
                        .map(|m| messages.get(&format!("csv-mark-{}", m.as_str())))
                        .unwrap_or_default(),
                );
            }
            let record: Vec<String> = record.iter().map(|c| spreadsheet_cell(c)).collect();
            writer.write_record(&record).map_err(csv_error)?;
        }
        writer
            .flush()
            .map_err(|e| ApiError::Internal(e.to_string()))?;
    }
    Ok(out)
}
