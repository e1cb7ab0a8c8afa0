//! The yearly report of a network's coaching, on screen
//! (`GET /api/dashboard/networks/{id}/coaching/report?year=`) and as a spreadsheet
//! (`…/coaching/report.csv?year=&by=&separator=`): each programme's neighbourhoods and
//! partners in the year, computed by `relais_domain::coaching::report` from the ledger alone,
//! as the organisations' own pages are. Scoped inside every statement: a coordinator reads
//! the network's whole year; a partner, the organisations it coaches and its own hours.

use relais_domain::account::Action as StaffAction;
use relais_domain::coaching::budget::Period;
use relais_domain::coaching::organisation::PartnerChoice;
use relais_domain::coaching::report::{hours_number, CoachingReport, ProgrammeYear};
use relais_domain::coaching::request::Actor;
use relais_domain::people::Separator;
use relais_domain::problem::ProblemKind;
use relais_domain::Lang;
use serde::Deserialize;
use wasm_bindgen::JsValue;
use worker::{D1Database, Env, Headers, Request, Response};

use super::ledger::{period_of, NetworkLedgers};
use super::programme;
use super::reach;
use crate::auth::require;
use crate::catalog::now;
use crate::http::{self, ApiError, Caller};
use crate::scope;

const COORDINATE: StaffAction = StaffAction::CoordinateCoaching;
/// The first year a report is asked for.
const FIRST_YEAR: Period = 2000;

#[derive(Deserialize)]
struct PartnerRow {
    programme_id: String,
    id: String,
    name: String,
}

/// What the file lists: one line per neighbourhood, or per partner.
#[derive(Clone, Copy, PartialEq, Eq)]
enum By {
    Neighbourhoods,
    Partners,
}

/// `GET /api/dashboard/networks/{id}/coaching/report?year=`.
pub async fn report(
    req: &Request,
    env: &Env,
    caller: &Caller,
    network_id: &str,
) -> Result<Response, ApiError> {
    let staff = require(req, env, COORDINATE, false).await?;
    let year = year_of(caller)?;
    let report = read(
        &env.d1("DB")?,
        &staff.account_id,
        network_id,
        year,
        caller.lang,
    )
    .await?;
    http::private_json(&report)
}

/// `GET /api/dashboard/networks/{id}/coaching/report.csv?year=&by=&separator=`: UTF-8 with
/// a byte-order mark, headers in `lang`, hours as numbers a spreadsheet in `lang` reads.
pub async fn export(
    req: &Request,
    env: &Env,
    caller: &Caller,
    network_id: &str,
) -> Result<Response, ApiError> {
    let staff = require(req, env, COORDINATE, false).await?;
    let year = year_of(caller)?;
    let lang = caller.lang;
    let by = match caller.param("by") {
        None | Some("") | Some("neighbourhoods") => By::Neighbourhoods,
        Some("partners") => By::Partners,
        Some(_) => return Err(query_problem("by", "unknown-report")),
    };
    let separator = match caller.param("separator") {
        None | Some("") => Separator::for_lang(lang),
        Some(s) => {
            Separator::parse(s).ok_or_else(|| query_problem("separator", "unknown-separator"))?
        }
    };
    let report = read(&env.d1("DB")?, &staff.account_id, network_id, year, lang).await?;
    let bytes = write_csv(&report, by, separator, lang)?;
    let headers = Headers::new();
    headers.set("Content-Type", "text/csv; charset=utf-8")?;
    headers.set("Content-Language", lang.code())?;
    headers.set("Cache-Control", "no-store")?;
    let what = match by {
        By::Neighbourhoods => "neighbourhoods",
        By::Partners => "partners",
    };
    headers.set(
        "Content-Disposition",
        &format!("attachment; filename=\"coaching-{network_id}-{year}-{what}.csv\""),
    )?;
    Ok(Response::from_bytes(bytes)?.with_headers(headers))
}

fn query_problem(name: &'static str, code: &'static str) -> ApiError {
    ApiError::Problem(ProblemKind::InvalidQuery, vec![(name, code)])
}

/// `?year=`: this year by default; none before 2000 nor after this one.
fn year_of(caller: &Caller) -> Result<Period, ApiError> {
    let this_year = period_of(now());
    match caller.param("year") {
        None | Some("") => Ok(this_year),
        Some(y) => y
            .parse::<Period>()
            .ok()
            .filter(|y| (FIRST_YEAR..=this_year).contains(y))
            .ok_or_else(|| query_problem("year", "unknown-year")),
    }
}

async fn read(
    db: &D1Database,
    account: &str,
    network_id: &str,
    year: Period,
    lang: Lang,
) -> Result<CoachingReport, ApiError> {
    let organisations_reached = scope::coaching_organisation("o", "?2", COORDINATE);
    let binds: [JsValue; 2] = [network_id.into(), account.into()];
    let query = |sql: String| db.prepare(sql).bind(&binds);
    let [reached_in_part, reached_whole] = reach::statements();
    let results = db
        .batch(vec![
            query(reached_in_part)?,
            query(reached_whole)?,
            query(NetworkLedgers::organisations_sql(&organisations_reached))?,
            query(NetworkLedgers::entries_sql(&organisations_reached))?,
            query(format!(
                "SELECT DISTINCT c.programme_id, p.id, p.name FROM coaching_partner cp \
                 JOIN partner p ON p.id = cp.partner_id JOIN coaching_offer c ON c.offering_id = cp.offering_id \
                 JOIN offering f ON f.id = cp.offering_id \
                 WHERE f.network_id = ?1 AND c.programme_id IS NOT NULL AND {} ORDER BY p.name, p.id",
                scope::coaching_partner("p", "?2", COORDINATE)
            ))?,
        ])
        .await?;
    let [network, whole, organisations, ledger, partners] = results.as_slice() else {
        return Err(ApiError::Internal("batch results".into()));
    };
    let as_partner = reach::reader(network, whole)? == Actor::Partner;
    let ledgers = NetworkLedgers::new(organisations.results()?, ledger.results()?)?;
    let partners: Vec<PartnerRow> = partners.results()?;
    let mut programmes = vec![];
    for p in programme::of_network(db, network_id).await? {
        let named: Vec<PartnerChoice> = partners
            .iter()
            .filter(|r| r.programme_id == p.id)
            .map(|r| PartnerChoice {
                id: r.id.clone(),
                name: r.name.clone(),
            })
            .collect();
        let mut report = ledgers.year(&p, year)?;
        if as_partner {
            // The organisations it coaches may also have been coached by others: a partner
            // reads only its own line, the one partner the statement above names for it.
            report
                .partners
                .retain(|line| named.iter().any(|n| n.id == line.partner));
        }
        // The pool's places are the programme's, whoever reads and however many of its
        // organisations they reach.
        report.pool_places_taken = programme::places_taken(db, &p.id, year).await?;
        programmes.push(ProgrammeYear {
            name: p.name_in(lang)?,
            pool_places: p.pool_places,
            partners: named,
            report,
            id: p.id,
        });
    }
    Ok(CoachingReport {
        network_id: network_id.to_owned(),
        as_partner,
        period: year,
        programmes,
    })
}

fn write_csv(
    report: &CoachingReport,
    by: By,
    separator: Separator,
    lang: Lang,
) -> Result<Vec<u8>, ApiError> {
    let messages = http::messages(lang)?;
    let csv_error = |e: csv::Error| ApiError::Internal(e.to_string());
    let hours = |m| hours_number(m, lang);
    let mut out = b"\xEF\xBB\xBF".to_vec();
    {
        let mut writer = csv::WriterBuilder::new()
            .delimiter(separator.byte())
            .terminator(csv::Terminator::CRLF)
            .from_writer(&mut out);
        let columns: &[&str] = match by {
            By::Neighbourhoods => &[
                "csv-year",
                "csv-programme",
                "csv-organisation",
                "csv-area",
                "csv-granted",
                "csv-carried-in",
                "csv-used",
                "csv-paid-by-organisation",
                "csv-booked",
                "csv-left",
                "csv-expiring",
                "csv-pool-used",
                "csv-pool-left",
            ],
            By::Partners => &[
                "csv-year",
                "csv-programme",
                "csv-partner",
                "csv-organisations",
                "csv-given",
                "csv-paid-by-organisation",
                "csv-booked",
            ],
        };
        let header: Vec<String> = columns.iter().map(|c| messages.get(c)).collect();
        writer.write_record(&header).map_err(csv_error)?;
        let year = report.period.to_string();
        for p in &report.programmes {
            match by {
                By::Neighbourhoods => {
                    for n in &p.report.neighbourhoods {
                        let a = &n.allowance;
                        let (pool_used, pool_left) = match &n.pool {
                            Some(pool) => (hours(pool.used), hours(pool.left)),
                            None => (String::new(), String::new()),
                        };
                        writer
                            .write_record([
                                year.clone(),
                                p.name.clone(),
                                n.organisation.name.clone(),
                                n.organisation.area.clone(),
                                hours(a.granted),
                                hours(a.carried_in),
                                hours(a.used),
                                hours(a.paid_by_organisation),
                                hours(a.booked),
                                hours(a.left),
                                hours(a.expiring),
                                pool_used,
                                pool_left,
                            ])
                            .map_err(csv_error)?;
                    }
                }
                By::Partners => {
                    for line in &p.report.partners {
                        let name = p
                            .partners
                            .iter()
                            .find(|c| c.id == line.partner)
                            .map_or(line.partner.clone(), |c| c.name.clone());
                        writer
                            .write_record([
                                year.clone(),
                                p.name.clone(),
                                name,
                                line.organisations.to_string(),
                                hours(line.given),
                                hours(line.paid_by_organisation),
                                hours(line.booked),
                            ])
                            .map_err(csv_error)?;
                    }
                }
            }
        }
        writer
            .flush()
            .map_err(|e| ApiError::Internal(e.to_string()))?;
    }
    Ok(out)
}
