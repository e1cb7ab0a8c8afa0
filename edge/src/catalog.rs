//! The public catalog: `GET /api/offerings` (one page, soonest first) and
//! `GET /api/offerings/{id}` (an offering with its editions, sessions and facilitators).
//! Only what `visible` says the public may see.

pub(crate) mod visible;

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, NaiveTime, SecondsFormat, Utc};
use relais_domain::catalog::query::CatalogQuery;
use relais_domain::catalog::{words, CatalogPage, Edition, OfferingDetail};
use relais_domain::problem::ProblemKind;
use relais_domain::schedule;
use relais_domain::Lang;
use wasm_bindgen::JsValue;
use worker::{D1Database, Date, Env, Response};

use crate::cache;
use crate::http::{self, ApiError, Caller};
use crate::rows::{Count, EditionRow, OfferingRow, PersonRow, SessionRow};

const DEFAULT_PAGE: u32 = 20;
pub(crate) const MAX_PAGE: u32 = 50;
/// How many editions of one offering a page shows on each side of now; the archive can
/// grow without the page growing.
const EDITIONS_SHOWN: u32 = 12;
/// Public reads may be cached briefly by browsers and the edge.
pub(crate) const MAX_AGE: u32 = 60;

const OFFERING_COLUMNS: &str = "o.id, o.kind, o.title, o.summary, o.description, o.audience, o.cost, o.topics, \
     o.languages, o.format, o.partner_id, p.name AS partner_name, p.description AS partner_description, \
     p.url AS partner_url, o.network_id, n.name AS network_name";

/// Offerings (`o`) with their partner (`p`, when public) and their network (`n`), for
/// `OFFERING_COLUMNS`.
fn offerings_joined() -> String {
    format!(
        "offering o LEFT JOIN partner p ON p.id = o.partner_id AND {} \
         LEFT JOIN network n ON n.id = o.network_id",
        visible::published("p")
    )
}
pub(crate) const EDITION_COLUMNS: &str =
    "e.id, e.offering_id, e.title, e.registration_mode, e.capacity, e.format, e.location, \
     e.ends_at, e.written_in, e.instruction_languages, e.cost_kind, e.fee_cents, e.fee_currency, e.cost_note";

pub(crate) fn now() -> DateTime<Utc> {
    DateTime::from_timestamp_millis(Date::now().as_millis() as i64).unwrap_or_default()
}

pub(crate) fn stamp(t: DateTime<Utc>) -> JsValue {
    JsValue::from_str(&t.to_rfc3339_opts(SecondsFormat::Secs, true))
}

pub(crate) fn page_size(caller: &Caller) -> Result<u32, ApiError> {
    match caller.param("limit") {
        None => Ok(DEFAULT_PAGE),
        Some(v) => v
            .parse::<u32>()
            .ok()
            .filter(|n| (1..=MAX_PAGE).contains(n))
            .ok_or(ApiError::Problem(
                ProblemKind::InvalidQuery,
                vec![("limit", "invalid-limit")],
            )),
    }
}

pub(crate) fn offset(caller: &Caller) -> Result<u32, ApiError> {
    match caller.param("cursor") {
        None => Ok(0),
        Some(v) => v.parse::<u32>().map_err(|_| {
            ApiError::Problem(
                ProblemKind::InvalidQuery,
                vec![("cursor", "invalid-cursor")],
            )
        }),
    }
}

pub async fn list(env: &Env, caller: &Caller) -> Result<Response, ApiError> {
    let (limit, offset) = (page_size(caller)?, offset(caller)?);
    let query = catalog_query(caller)?;
    let (body, hit) = page_json(env, caller.lang, Scope::Catalog, &query, limit, offset).await?;
    cache::mark(http::json_text(body, MAX_AGE)?, hit)
}

/// The filters of a catalog request, every bad one refused at once.
pub(crate) fn catalog_query(caller: &Caller) -> Result<CatalogQuery, ApiError> {
    let pairs = caller.query.iter().map(|(k, v)| (k.as_str(), v.as_str()));
    let mut query = CatalogQuery::parse(pairs)
        .map_err(|refused| ApiError::Problem(ProblemKind::InvalidQuery, refused))?;
    if let Some(zone) = query.zone.take() {
        let zone = schedule::canonical_zone(&zone).to_owned();
        schedule::parse_zone(&zone).map_err(|_| {
            ApiError::Problem(ProblemKind::InvalidQuery, vec![("tz", "unknown-zone")])
        })?;
        query.zone = Some(zone);
    }
    Ok(query)
}

/// The first page a volunteer sees, as `GET /api/offerings?lang=` answers it: the JSON of
/// what the app reads of it, and the page read from it.
pub async fn first_page(env: &Env, lang: Lang) -> Result<(String, CatalogPage), ApiError> {
    let query = CatalogQuery::default();
    let (body, _) = page_json(env, lang, Scope::Catalog, &query, DEFAULT_PAGE, 0).await?;
    let page: CatalogPage = serde_json::from_str(&body)?;
    // The page carries what the app reads: the fields it never decodes (an edition's cost
    // and language tags, for other programs) stay out of every first visit's download.
    Ok((serde_json::to_string(&page)?, page))
}

/// Midnight starting `day`, on the reader's clock when there is a zone (else UTC). Where a
/// zone skips midnight (Santiago in September), the day starts at the first hour it has.
fn day_start(day: NaiveDate, zone: Option<&str>) -> DateTime<Utc> {
    let Some(zone) = zone else {
        return day.and_time(NaiveTime::MIN).and_utc();
    };
    (0..3)
        .find_map(|h| {
            let local = day.and_hms_opt(h, 0, 0)?;
            schedule::resolve_local(local, zone).ok()
        })
        .unwrap_or_else(|| day.and_time(NaiveTime::MIN).and_utc())
}

/// Which editions count as an offering's "next": public, not ended and, when days were asked
/// for, starting within them (`from` inclusive, `until` exclusive). The SQL condition on the
/// edition table aliased `alias`, its values appended to `binds`.
fn next_edition_window(
    alias: &str,
    binds: &mut Vec<JsValue>,
    now: DateTime<Utc>,
    (from, until): (Option<DateTime<Utc>>, Option<DateTime<Utc>>),
) -> String {
    binds.push(stamp(now));
    let mut condition = format!(
        "{} AND {alias}.ends_at > ?{}",
        visible::edition_public(alias),
        binds.len()
    );
    if let Some(from) = from {
        binds.push(stamp(from));
        condition.push_str(&format!(" AND {alias}.starts_at >= ?{}", binds.len()));
    }
    if let Some(until) = until {
        binds.push(stamp(until));
        condition.push_str(&format!(" AND {alias}.starts_at < ?{}", binds.len()));
    }
    condition
}

/// Which offerings a list covers.
#[derive(Clone, Copy)]
pub(crate) enum Scope<'a> {
    Catalog,
    /// Those a person facilitates (their page).
    Facilitator(&'a str),
    /// Those a partner organisation runs (its page).
    Partner(&'a str),
}

/// The memory cache's key for one page: every part named and encoded (`cache::key`).
fn page_key(lang: Lang, scope: Scope<'_>, query: &CatalogQuery, limit: u32, offset: u32) -> String {
    let (limit, offset) = (limit.to_string(), offset.to_string());
    let mut pairs = vec![
        ("lang", lang.code()),
        ("limit", limit.as_str()),
        ("offset", offset.as_str()),
    ];
    match scope {
        Scope::Catalog => {}
        Scope::Facilitator(id) => pairs.push(("facilitator", id)),
        Scope::Partner(id) => pairs.push(("partner", id)),
    }
    let filters = query.pairs();
    pairs.extend(filters.iter().map(|(name, value)| (*name, value.as_str())));
    cache::key("offerings", &pairs)
}

/// One page of the catalog as JSON, and whether it came from memory. Its steps: the
/// offerings the filters match, soonest first; the page of them (with each one's next
/// edition); each as a card.
pub(crate) async fn page_json(
    env: &Env,
    lang: Lang,
    scope: Scope<'_>,
    query: &CatalogQuery,
    limit: u32,
    offset: u32,
) -> Result<(String, bool), ApiError> {
    let key = page_key(lang, scope, query, limit, offset);
    if let Some(body) = cache::get(&key) {
        return Ok((body, true));
    }
    let db = env.d1("DB")?;
    let window = DayWindow::new(query, now());
    let matching = matching_offerings(&db, scope, query, &window, limit, offset).await?;
    let page = page_of(&db, lang, query, &window, matching, limit, offset).await?;
    let mut next = page.next;
    let items = page
        .offerings
        .iter()
        .map(|o| card(o, next.remove(&o.id).and_then(|mut v| v.pop()), lang))
        .collect::<Result<Vec<_>, ApiError>>()?;
    let body = serde_json::to_string(&CatalogPage {
        lang,
        items,
        next_cursor: page.has_more.then(|| (offset + limit).to_string()),
    })?;
    cache::put(key, body.clone());
    Ok((body, false))
}

/// When an offering's next edition may start: not ended by `now` and, when the reader asked
/// for days, within them (on their clock).
struct DayWindow {
    now: DateTime<Utc>,
    days: (Option<DateTime<Utc>>, Option<DateTime<Utc>>),
}

impl DayWindow {
    fn new(query: &CatalogQuery, now: DateTime<Utc>) -> DayWindow {
        let zone = query.zone.as_deref();
        DayWindow {
            now,
            days: (
                query.from.map(|d| day_start(d, zone)),
                query
                    .to
                    .and_then(|d| d.succ_opt())
                    .map(|d| day_start(d, zone)),
            ),
        }
    }

    /// The SQL condition on the edition table aliased `alias`, its values appended to `binds`.
    fn condition(&self, alias: &str, binds: &mut Vec<JsValue>) -> String {
        next_edition_window(alias, binds, self.now, self.days)
    }
}

/// The offerings the scope and filters match, soonest upcoming first, then those with no
/// date in the publishers' order. Cut to the page in SQL, except when the text or the
/// reader's daytime filter them (which needs Rust: folded text, the reader's clock).
async fn matching_offerings(
    db: &D1Database,
    scope: Scope<'_>,
    query: &CatalogQuery,
    window: &DayWindow,
    limit: u32,
    offset: u32,
) -> Result<Vec<OfferingRow>, ApiError> {
    let mut binds: Vec<JsValue> = vec![];
    let edition_window = window.condition("e", &mut binds);
    let mut wheres = vec![visible::published("o")];
    if query.from.is_some() || query.to.is_some() {
        wheres.push("next_start IS NOT NULL".to_owned());
    }
    let mut bind_where = |clause: &str, value: JsValue| {
        binds.push(value);
        wheres.push(clause.replace('?', &format!("?{}", binds.len())));
    };
    match scope {
        Scope::Catalog => {}
        Scope::Facilitator(id) => bind_where(
            "EXISTS (SELECT 1 FROM offering_person op WHERE op.offering_id = o.id AND op.person_id = ?)",
            id.into(),
        ),
        Scope::Partner(id) => bind_where("o.partner_id = ?", id.into()),
    }
    if let Some(network) = &query.network {
        bind_where("o.network_id = ?", network.as_str().into());
    }
    if let Some(kind) = query.kind {
        bind_where("o.kind = ?", kind.as_str().into());
    }
    if let Some(format) = query.format {
        bind_where("o.format = ?", format.as_str().into());
    }
    if let Some(topic) = &query.topic {
        bind_where(
            "EXISTS (SELECT 1 FROM json_each(o.topics) WHERE value = ?)",
            topic.as_str().into(),
        );
    }
    if let Some(language) = &query.language {
        bind_where(
            "EXISTS (SELECT 1 FROM json_each(o.languages) WHERE value = ?)",
            language.as_str().into(),
        );
    }
    let page_clause = if post_filtered(query) {
        String::new()
    } else {
        binds.push((limit + 1).into());
        binds.push(offset.into());
        format!(" LIMIT ?{} OFFSET ?{}", binds.len() - 1, binds.len())
    };
    let where_clause = wheres.join(" AND ");
    let mut offerings: Vec<OfferingRow> = db
        .prepare(format!(
            "SELECT * FROM (SELECT {OFFERING_COLUMNS}, o.state, o.position, \
               (SELECT min(e.starts_at) FROM edition e WHERE e.offering_id = o.id AND {edition_window}) AS next_start \
             FROM {}) o WHERE {where_clause} \
             ORDER BY next_start IS NULL, next_start, position, id{page_clause}",
            offerings_joined()
        ))
        .bind(&binds)?
        .all()
        .await?
        .results()?;
    if let Some(text) = &query.text {
        offerings.retain(|o| o.matches_text(text));
    }
    Ok(offerings)
}

/// Whether the page is cut after filtering in Rust rather than by SQL.
fn post_filtered(query: &CatalogQuery) -> bool {
    query.text.is_some() || query.daytime
}

/// A page of offerings with their next editions, and whether more follow.
struct OfferingPage {
    offerings: Vec<OfferingRow>,
    next: HashMap<String, Vec<Edition>>,
    has_more: bool,
}

/// Cuts `matching` to the page. Keeping to the reader's daytime needs every candidate's
/// next edition first, to keep those clear of the reader's night.
async fn page_of(
    db: &D1Database,
    lang: Lang,
    query: &CatalogQuery,
    window: &DayWindow,
    mut matching: Vec<OfferingRow>,
    limit: u32,
    offset: u32,
) -> Result<OfferingPage, ApiError> {
    let zone = query.zone.as_deref();
    if query.daytime {
        let ids: Vec<&str> = matching.iter().map(|o| o.id.as_str()).collect();
        let next = next_editions(db, lang, zone, window, ids).await?;
        let fitting: Vec<&OfferingRow> = matching
            .iter()
            .filter(|o| {
                next.get(&o.id)
                    .and_then(|e| e.first())
                    .is_some_and(|e| e.sessions.iter().all(|s| !s.reader_takes_night()))
            })
            .collect();
        let start = (offset as usize).min(fitting.len());
        let end = (start + limit as usize).min(fitting.len());
        return Ok(OfferingPage {
            has_more: fitting.len() > end,
            offerings: fitting[start..end].iter().map(|o| (*o).clone()).collect(),
            next,
        });
    }
    let (start, end) = if post_filtered(query) {
        let start = (offset as usize).min(matching.len());
        (start, (start + limit as usize + 1).min(matching.len()))
    } else {
        (0, matching.len())
    };
    let mut offerings: Vec<OfferingRow> = matching.drain(start..end).collect();
    let has_more = offerings.len() > limit as usize;
    offerings.truncate(limit as usize);
    let ids: Vec<&str> = offerings.iter().map(|o| o.id.as_str()).collect();
    let next = next_editions(db, lang, zone, window, ids).await?;
    Ok(OfferingPage {
        offerings,
        next,
        has_more,
    })
}

/// Each offering's next edition in the window, with its sessions on the reader's clock.
async fn next_editions(
    db: &D1Database,
    lang: Lang,
    zone: Option<&str>,
    window: &DayWindow,
    ids: Vec<&str>,
) -> Result<HashMap<String, Vec<Edition>>, ApiError> {
    let mut binds = vec![serde_json::to_string(&ids)?.into()];
    let condition = window.condition("e2", &mut binds);
    let editions: Vec<EditionRow> = db
        .prepare(format!(
            "SELECT {EDITION_COLUMNS} FROM edition e \
             WHERE e.offering_id IN (SELECT value FROM json_each(?1)) \
               AND e.id = (SELECT e2.id FROM edition e2 WHERE e2.offering_id = e.offering_id AND {condition} \
                           ORDER BY e2.starts_at, e2.id LIMIT 1)"
        ))
        .bind(&binds)?
        .all()
        .await?
        .results()?;
    with_sessions(db, editions, lang, zone).await
}

/// An offering as a catalog card: it names the partner and shows when the next edition
/// starts, what it costs (its own cost, rather than the offering's in general), and the
/// languages it is taught in when the reader's is not among them (`words::card_facts`);
/// descriptions, session titles and sessions' languages are for the offering page.
fn card(
    offering: &OfferingRow,
    next: Option<Edition>,
    lang: Lang,
) -> Result<relais_domain::catalog::OfferingSummary, ApiError> {
    let mut summary = offering.summary(lang, next)?;
    if let Some(p) = summary.partner.as_mut() {
        p.description = None;
    }
    if let Some(e) = summary.next_edition.as_mut() {
        e.facts = words::card_facts(e, &*http::messages(lang)?);
        for s in &mut e.sessions {
            s.title = None;
            s.taught_in = None;
        }
        // The card says what the next edition costs rather than the offering in general.
        if e.cost.is_some() {
            summary.cost = None;
        }
    }
    Ok(summary)
}

pub async fn detail(env: &Env, caller: &Caller, id: &str) -> Result<Response, ApiError> {
    // Only the reader's zone applies to one offering; other filters are ignored here.
    let zone = catalog_query(caller)?.zone;
    let zone = zone.as_deref();
    let key = cache::key(
        "offering",
        &[
            ("lang", caller.lang.code()),
            ("id", id),
            ("tz", zone.unwrap_or("")),
        ],
    );
    if let Some(body) = cache::get(&key) {
        return cache::mark(http::json_text(body, MAX_AGE)?, true);
    }
    let db = env.d1("DB")?;
    let now = now();
    let lang = caller.lang;
    let results = db
        .batch(vec![
            db.prepare(format!(
                "SELECT {OFFERING_COLUMNS} FROM {} WHERE o.id = ?1 AND {}",
                offerings_joined(),
                visible::published("o")
            ))
            .bind(&[id.into()])?,
            db.prepare(format!(
                "SELECT p.id, p.name, p.bio, op.role FROM offering_person op JOIN person p ON p.id = op.person_id \
                 WHERE op.offering_id = ?1 AND {} ORDER BY op.position, p.name",
                visible::published("p")
            ))
            .bind(&[id.into()])?,
            db.prepare(format!(
                "SELECT {EDITION_COLUMNS} FROM edition e WHERE e.offering_id = ?1 AND {} \
                 AND (e.ends_at IS NULL OR e.ends_at > ?2) ORDER BY e.starts_at, e.id LIMIT ?3",
                visible::edition_public("e")
            ))
            .bind(&[id.into(), stamp(now), EDITIONS_SHOWN.into()])?,
            db.prepare(format!(
                "SELECT {EDITION_COLUMNS} FROM edition e WHERE e.offering_id = ?1 AND {} \
                 AND e.ends_at <= ?2 ORDER BY e.starts_at DESC, e.id LIMIT ?3",
                visible::edition_public("e")
            ))
            .bind(&[id.into(), stamp(now), EDITIONS_SHOWN.into()])?,
            db.prepare(format!(
                "SELECT count(*) AS count FROM resource_link l JOIN resource r ON r.id = l.resource_id \
                 WHERE l.offering_id = ?1 AND {}",
                visible::resource_public("r")
            ))
            .bind(&[id.into()])?,
            // Coaching on request: asked for, never registered for.
            db.prepare("SELECT count(*) AS count FROM coaching_offer WHERE offering_id = ?1")
                .bind(&[id.into()])?,
        ])
        .await?;
    let [offering, people, upcoming, past, resources, on_request] = results.as_slice() else {
        return Err(ApiError::Internal(format!(
            "batch gave {} results",
            results.len()
        )));
    };
    let Some(offering) = offering.results::<OfferingRow>()?.into_iter().next() else {
        return Err(ApiError::Problem(ProblemKind::NotFound, vec![]));
    };
    let upcoming: Vec<EditionRow> = upcoming.results()?;
    let past: Vec<EditionRow> = past.results()?;
    let upcoming_ids: Vec<String> = upcoming.iter().map(|e| e.id.clone()).collect();
    let past_ids: Vec<String> = past.iter().map(|e| e.id.clone()).collect();
    let mut editions: HashMap<String, Edition> =
        with_sessions(&db, upcoming.into_iter().chain(past).collect(), lang, zone)
            .await?
            .into_values()
            .flatten()
            .map(|e| (e.id.clone(), e))
            .collect();
    let mut take = |ids: Vec<String>| {
        ids.into_iter()
            .filter_map(|id| editions.remove(&id))
            .collect::<Vec<_>>()
    };
    let upcoming_editions = take(upcoming_ids);
    let past_editions = take(past_ids);

    let detail = OfferingDetail {
        description: offering.description(lang)?,
        audience: offering.audience(lang)?,
        facilitators: people
            .results::<PersonRow>()?
            .iter()
            .map(|p| p.person(lang))
            .collect::<Result<_, _>>()?,
        offering: offering.summary(lang, upcoming_editions.first().cloned())?,
        upcoming_editions,
        past_editions,
        resources: resources.results::<Count>()?.first().map_or(0, |c| c.count),
        on_request: on_request
            .results::<Count>()?
            .first()
            .is_some_and(|c| c.count > 0),
    };
    let body = serde_json::to_string(&detail)?;
    cache::put(key, body.clone());
    cache::mark(http::json_text(body, MAX_AGE)?, false)
}

/// Loads the sessions of `editions` in one query (those pages show: not cancelled); returns
/// editions grouped by offering id, each group in the order given, in the reader's words.
pub(crate) async fn with_sessions(
    db: &D1Database,
    editions: Vec<EditionRow>,
    lang: Lang,
    reader_zone: Option<&str>,
) -> Result<HashMap<String, Vec<Edition>>, ApiError> {
    let m = http::messages(lang)?;
    let now = now();
    let ids: Vec<&str> = editions.iter().map(|e| e.id.as_str()).collect();
    let sessions: Vec<SessionRow> = if ids.is_empty() {
        vec![]
    } else {
        db.prepare(format!(
            "SELECT s.id, s.edition_id, s.title, s.starts_at, s.ends_at, s.zone, s.instruction_languages \
             FROM session s \
             WHERE s.edition_id IN (SELECT value FROM json_each(?1)) AND {} ORDER BY s.starts_at, s.id",
            visible::session_shown("s")
        ))
        .bind(&[serde_json::to_string(&ids)?.into()])?
        .all()
        .await?
        .results()?
    };
    let of_edition: HashMap<&str, &EditionRow> =
        editions.iter().map(|e| (e.id.as_str(), e)).collect();
    let mut by_edition: HashMap<String, Vec<_>> = HashMap::new();
    for s in &sessions {
        let Some(edition) = of_edition.get(s.edition_id.as_str()) else {
            continue;
        };
        let shown = edition.written_in().unwrap_or(lang);
        by_edition
            .entry(s.edition_id.clone())
            .or_default()
            .push(s.session(&m, shown, &edition.instruction_languages, reader_zone)?);
    }
    let mut by_offering: HashMap<String, Vec<Edition>> = HashMap::new();
    for e in &editions {
        let edition = e.edition(&m, now, by_edition.remove(&e.id).unwrap_or_default())?;
        by_offering
            .entry(e.offering_id.clone())
            .or_default()
            .push(edition);
    }
    Ok(by_offering)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key_of(query: &str, scope: Scope<'_>) -> String {
        let pairs: Vec<(String, String)> = query
            .split('&')
            .filter_map(|pair| pair.split_once('='))
            .map(|(k, v)| (k.to_owned(), v.replace("%26", "&").replace("%3D", "=")))
            .collect();
        let query = CatalogQuery::parse(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
            .expect("a valid query");
        page_key(Lang::parse("fr").expect("fr"), scope, &query, 20, 0)
    }

    #[test]
    fn different_queries_never_share_a_cache_key() {
        // Joined unescaped, both were `q=a&topic=community-care`: the search for the
        // words "a&topic=community-care" was answered with the topic's page.
        let search = key_of("q=a%26topic%3Dcommunity-care", Scope::Catalog);
        let filtered = key_of("q=a&topic=community-care", Scope::Catalog);
        assert_ne!(search, filtered);
        // A scope's id cannot pass for a filter either.
        assert_ne!(
            key_of("kind=workshop", Scope::Partner("x")),
            key_of("", Scope::Partner("x&kind=workshop"))
        );
        // The same request, the same key.
        assert_eq!(filtered, key_of("q=a&topic=community-care", Scope::Catalog));
    }
}
