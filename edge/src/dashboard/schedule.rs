//! The scheduling assistant of an edition: who takes part (its registrants by the zone they
//! gave, or zones the coordinator types), grouped into regions by the `region` and
//! `zone_region` tables; one meeting's best slots, a series' rotation against its best single
//! time, and the plan applied as the edition's sessions in one step. The rules are
//! `relais_domain::schedule::{assistant, fairness}`'s; this module reads and writes D1.

use relais_domain::account::Action;
use relais_domain::authoring::SessionDraft;
use relais_domain::community::Standing;
use relais_domain::locale::Localized;
use relais_domain::problem::ProblemKind;
use relais_domain::schedule::assistant::{
    self, MeetingQuestion, PlannedSessions, Refusal, RegionName, RegionRule, SeriesQuestion,
    Source, Who,
};
use relais_domain::schedule::fairness::ZoneGroup;
use relais_domain::Lang;
use serde::Deserialize;
use worker::{D1Database, Env, Request, Response};

use super::{editions, read_draft, sessions};
use crate::auth;
use crate::http::{private_json, ApiError, Caller};
use crate::registration::transitions::{self, Value};

fn refused(refusals: Vec<Refusal>) -> ApiError {
    ApiError::Fields(ProblemKind::InvalidBody, refusals)
}

#[derive(Deserialize)]
struct ZoneCount {
    zone: String,
    people: u32,
}

/// The edition's registrants who hold a place, wait or applied, counted by zone.
async fn registrants(db: &D1Database, edition_id: &str) -> Result<Vec<ZoneCount>, ApiError> {
    Ok(db
        .prepare(format!(
            "SELECT r.zone, count(*) AS people FROM registration r \
             WHERE r.edition_id = ?1 AND {} GROUP BY r.zone ORDER BY r.zone",
            transitions::is_active("r")
        ))
        .bind(&[edition_id.into()])?
        .all()
        .await?
        .results()?)
}

/// The zones of the members of the community of the edition's network.
async fn members(db: &D1Database, edition_id: &str) -> Result<Vec<ZoneCount>, ApiError> {
    Ok(db
        .prepare(format!(
            "SELECT m.zone, count(*) AS people FROM community_member m \
             JOIN offering o ON o.network_id = m.network_id \
             JOIN edition e ON e.offering_id = o.id \
             WHERE e.id = ?1 AND m.standing = '{}' GROUP BY m.zone ORDER BY m.zone",
            Standing::Member.as_str()
        ))
        .bind(&[edition_id.into()])?
        .all()
        .await?
        .results()?)
}

async fn region_rules(db: &D1Database) -> Result<Vec<RegionRule>, ApiError> {
    Ok(db
        .prepare("SELECT pattern, region FROM zone_region")
        .all()
        .await?
        .results()?)
}

#[derive(Deserialize)]
struct RegionRow {
    code: String,
    name: String,
}

async fn region_names(db: &D1Database, lang: Lang) -> Result<Vec<RegionName>, ApiError> {
    let rows: Vec<RegionRow> = db
        .prepare("SELECT code, name FROM region ORDER BY position, code")
        .all()
        .await?
        .results()?;
    Ok(rows
        .into_iter()
        .map(|row| {
            let name = serde_json::from_str::<Localized>(&row.name)
                .ok()
                .and_then(|n| n.resolve(lang))
                .map_or_else(|| row.code.clone(), |t| t.text);
            RegionName {
                code: row.code,
                name,
            }
        })
        .collect())
}

/// The participants of the question, as zone groups with their regions.
async fn participants(
    db: &D1Database,
    edition_id: &str,
    who: &Who,
) -> Result<Vec<ZoneGroup>, ApiError> {
    let people: Vec<(String, u32, Option<String>)> = match who.source {
        Source::Registrants => registrants(db, edition_id)
            .await?
            .into_iter()
            .map(|z| (z.zone, z.people, None))
            .collect(),
        Source::Members => members(db, edition_id)
            .await?
            .into_iter()
            .map(|z| (z.zone, z.people, None))
            .collect(),
        Source::Typed => who
            .typed
            .iter()
            .map(|t| (t.zone.clone(), t.people, t.region.clone()))
            .collect(),
    };
    assistant::groups(&people, &region_rules(db).await?).map_err(refused)
}

/// `POST /api/dashboard/editions/{id}/schedule/meeting`: one meeting's day per zone and its
/// best slots.
pub async fn meeting(
    req: &Request,
    env: &Env,
    caller: &Caller,
    edition_id: &str,
) -> Result<Response, ApiError> {
    let staff = auth::require(req, env, Action::AuthorCatalog, true).await?;
    let question: MeetingQuestion = read_draft(req).await?;
    let db = env.d1("DB")?;
    editions::load(&db, &staff, edition_id).await?;
    let groups = participants(&db, edition_id, &question.who).await?;
    let mut answer = assistant::plan_meeting(&question, groups).map_err(refused)?;
    answer.regions = region_names(&db, caller.lang).await?;
    private_json(&answer)
}

/// `POST /api/dashboard/editions/{id}/schedule/series`: a rotation of times for a series that
/// shares the night across regions, beside the best single time.
pub async fn series(
    req: &Request,
    env: &Env,
    caller: &Caller,
    edition_id: &str,
) -> Result<Response, ApiError> {
    let staff = auth::require(req, env, Action::AuthorCatalog, true).await?;
    let question: SeriesQuestion = read_draft(req).await?;
    let db = env.d1("DB")?;
    editions::load(&db, &staff, edition_id).await?;
    let groups = participants(&db, edition_id, &question.who).await?;
    let mut answer = assistant::plan_series(&question, groups).map_err(refused)?;
    answer.regions = region_names(&db, caller.lang).await?;
    private_json(&answer)
}

/// `POST /api/dashboard/editions/{id}/sessions/planned`: a plan's sessions, created in one
/// step (or, while nobody registered, in place of the sessions still to come).
pub async fn apply(
    req: &Request,
    env: &Env,
    caller: &Caller,
    edition_id: &str,
) -> Result<Response, ApiError> {
    let staff = auth::require(req, env, Action::AuthorCatalog, true).await?;
    let planned: PlannedSessions = read_draft(req).await?;
    let db = env.d1("DB")?;
    let loaded = editions::load(&db, &staff, edition_id).await?;
    let instants = assistant::planned_instants(&planned).map_err(refused)?;
    let drafts: Vec<SessionDraft> = instants
        .iter()
        .map(|&(starts_at, ends_at)| SessionDraft {
            title: planned.title.clone(),
            starts_at: Some(starts_at),
            ends_at: Some(ends_at),
            zone: planned.zone.clone(),
            location: planned.location.clone(),
            ..SessionDraft::default()
        })
        .collect();
    let added = sessions::Added {
        drafts,
        replace: planned.replace,
        // The sessions no longer follow one rule's time.
        recurrence: Value::Null,
        audit: (
            "sessions_planned",
            serde_json::json!({
                "sessions": {"after": planned.starts},
                "zone": {"after": planned.zone},
            })
            .to_string(),
        ),
    };
    sessions::add(&db, &staff, caller, edition_id, loaded, added).await
}

#[cfg(test)]
mod tests {
    use relais_domain::schedule::assistant::{region_of, RegionRule};

    /// The regions the migrations load, read as the assistant reads them.
    #[test]
    fn the_regions_table_places_the_networks_zones() {
        let conn = crate::test_sqlite::migrated();
        let rules: Vec<RegionRule> = conn
            .prepare("SELECT pattern, region FROM zone_region")
            .unwrap()
            .query_map([], |row| {
                Ok(RegionRule {
                    pattern: row.get(0)?,
                    region: row.get(1)?,
                })
            })
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        for (zone, region) in [
            ("Africa/Lagos", "africa"),
            ("Africa/Nairobi", "africa"),
            ("America/Bogota", "latin_america"),
            ("America/Santiago", "latin_america"),
            ("America/Costa_Rica", "latin_america"),
            ("America/Toronto", "north_america"),
            ("America/Indiana/Indianapolis", "north_america"),
            ("Asia/Kolkata", "south_asia"),
            ("Asia/Kathmandu", "south_asia"),
            ("Asia/Tokyo", "asia"),
            ("Europe/Paris", "europe"),
            ("Australia/Sydney", "oceania"),
            ("Pacific/Auckland", "oceania"),
        ] {
            assert_eq!(region_of(zone, &rules), Some(region), "{zone}");
        }
        // Every zone's region has a name in both languages.
        let unnamed: i64 = conn
            .query_row(
                "SELECT count(*) FROM zone_region z LEFT JOIN region r ON r.code = z.region \
                 WHERE r.code IS NULL OR json_extract(r.name, '$.fr') IS NULL \
                    OR json_extract(r.name, '$.en') IS NULL",
                [],
                |row| row.get(0),
            )
            .unwrap();
        assert_eq!(unnamed, 0);
    }
}
