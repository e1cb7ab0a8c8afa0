use std::collections::BTreeSet;

use chrono::{DateTime, TimeDelta, Utc};
use relais_domain::authoring::{network_completeness, CostKind};
use relais_domain::library::Visibility;

use crate::{model, plan, sql};

const DEMO: &str = include_str!("../demo.toml");

fn plan_of(source: &str, today: &str) -> Result<plan::Rows, plan::PlanError> {
    let demo: model::Demo = toml::from_str(source).unwrap();
    plan::plan(demo, today.parse().unwrap())
}

fn demo(today: &str) -> plan::Rows {
    plan_of(DEMO, today).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn the_demo_catalog_always_has_a_future() {
    for today in ["2026-11-21", "2027-06-30", "2031-02-14"] {
        let rows = demo(today);
        let now = format!("{today}T00:00:00Z")
            .parse::<DateTime<Utc>>()
            .unwrap();
        let upcoming = rows
            .editions
            .iter()
            .filter(|e| e.starts_at.is_some_and(|s| s > now))
            .count();
        let past = rows
            .editions
            .iter()
            .filter(|e| e.ends_at.is_some_and(|s| s < now))
            .count();
        assert!(upcoming >= 8, "{today}: only {upcoming} upcoming editions");
        assert!(past >= 5, "{today}: only {past} past editions");
        // Nothing moved lands in the next two weeks or more than ~13 months out.
        for e in rows.editions.iter().filter(|e| e.id.ends_with("-upcoming")) {
            let start = e.starts_at.unwrap();
            assert!(start > now + TimeDelta::days(13), "{} starts {start}", e.id);
            assert!(
                start < now + TimeDelta::days(400),
                "{} starts {start}",
                e.id
            );
            // A moved registration deadline moves with its sessions, and still comes first.
            if let Some(closes) = e.draft.registration_closes_at {
                assert!(closes < start, "{} closes {closes}", e.id);
            }
        }
    }
}

/// The loader's checks are the editor's: every row of the demo passes `check_publish` (the
/// plan stops at the first refused one), whatever the load day.
#[test]
fn the_demo_passes_the_authoring_checks() {
    for today in ["2026-11-21", "2027-06-30"] {
        let rows = demo(today);
        assert!(rows.networks.len() >= 6);
        let meter = network_completeness(
            rows.offerings
                .iter()
                .map(|o| o.draft.completeness())
                .chain(rows.persons.iter().map(|p| p.draft.completeness()))
                .chain(rows.partners.iter().map(|p| p.draft.completeness())),
        );
        assert!(meter.is_complete() && meter.required > 100, "{meter:?}");
    }
}

#[test]
fn a_demo_with_an_empty_english_title_is_refused() {
    let broken = DEMO.replacen(
        "title.en = \"Tailored workshops and coaching sessions\"",
        "title.en = \" \"",
        1,
    );
    assert_ne!(broken, DEMO);
    let message = match plan_of(&broken, "2026-11-21") {
        Err(e) => e.to_string(),
        Ok(_) => panic!("an offering without its English title was loaded"),
    };
    assert_eq!(
        message,
        "offering hub-ateliers-coaching is refused by the authoring checks: title.en (required)"
    );
    // A draft's refusal names its item too: a session ending before it starts.
    let backwards = DEMO.replacen(
        "date = \"2024-02-28\"\nstart = \"09:00:00\"\nend = \"12:00:00\"",
        "date = \"2024-02-28\"\nstart = \"12:00:00\"\nend = \"09:00:00\"",
        1,
    );
    assert_ne!(backwards, DEMO);
    let message = plan_of(&backwards, "2026-11-21").err().unwrap().to_string();
    assert!(
        message.starts_with("edition pic-prise-decision-2024-02 is refused")
            && message.contains("sessions.0.ends_at (ends-before-starts)"),
        "{message}"
    );
}

#[test]
fn every_row_belongs_to_a_network() {
    let rows = demo("2026-11-21");
    let networks: Vec<&str> = rows.networks.iter().map(|n| n.id.as_str()).collect();
    let owned = |id: &str, network: &Option<String>| {
        assert!(
            network.as_deref().is_some_and(|n| networks.contains(&n)),
            "{id} has no network"
        );
    };
    for o in &rows.offerings {
        owned(&o.id, &o.network_id);
    }
    for p in &rows.persons {
        owned(&p.id, &p.network_id);
    }
    for p in &rows.partners {
        owned(&p.id, &p.network_id);
    }
}

#[test]
fn every_offering_is_written_in_french_and_english() {
    let rows = demo("2026-11-21");
    for o in &rows.offerings {
        let d = &o.draft;
        for (field, texts) in [
            ("title", &d.title),
            ("summary", &d.summary),
            ("description", &d.description),
        ] {
            for lang in ["fr", "en"] {
                assert!(
                    texts.0.get(lang).is_some_and(|t| !t.trim().is_empty()),
                    "{} {field} {lang}",
                    o.id
                );
            }
        }
    }
    // Bios marked "same in every language" are stored under every language.
    for p in &rows.persons {
        let bio = &p.draft.bio.0;
        assert!(
            bio.is_empty() || (bio.contains_key("fr") && bio.contains_key("en")),
            "{}",
            p.id
        );
    }
}

#[test]
fn what_the_sources_say_is_in_the_demo() {
    let rows = demo("2026-11-21");
    let edition = |id: &str| {
        rows.editions
            .iter()
            .find(|e| e.id == id)
            .unwrap_or_else(|| panic!("{id}"))
    };
    let offering = |id: &str| {
        rows.offerings
            .iter()
            .find(|o| o.id == id)
            .unwrap_or_else(|| panic!("{id}"))
    };
    // Emancip'Asso: free, travel and lodging paid by participants; Animafac beside Framasoft.
    let emancip = edition("emancipasso-2023");
    assert_eq!(
        emancip.draft.cost.as_ref().map(|c| c.kind),
        Some(CostKind::FreeTravelPaid)
    );
    let formation = offering("emancipasso-formation");
    assert_eq!(formation.draft.partner_id.as_deref(), Some("animafac"));
    assert!(
        formation.draft.on_behalf,
        "structures register, not people alone"
    );
    assert_eq!(
        formation.network_id.as_deref(),
        Some("framasoft-emancipasso")
    );
    // Cluny: applications close on 29 September (23:59 in Cluny, CEST); the Ravenna month is
    // taught in English.
    let promo = edition("cluny-mas-promo-2023");
    let closes = promo.draft.registration_closes_at.unwrap();
    assert_eq!(closes.to_rfc3339(), "2023-09-29T21:59:00+00:00");
    assert_eq!(promo.draft.instruction_languages, ["en", "fr"]);
    let ravenna = rows
        .sessions
        .iter()
        .find(|s| s.edition_id == "cluny-mas-promo-2023")
        .unwrap();
    assert_eq!(ravenna.draft.instruction_languages, Some(vec!["en".into()]));
    assert_eq!(ravenna.draft.zone, "Europe/Rome");
    // GGSN meets in English, in two kinds of public meeting, and once for its members only.
    let ggsn: Vec<_> = rows
        .editions
        .iter()
        .filter(|e| e.offering_id == "ggsn-communaute-pratique")
        .collect();
    assert!(ggsn.iter().all(|e| e.draft.instruction_languages == ["en"]));
    let (members, public): (Vec<&plan::EditionRow>, Vec<&plan::EditionRow>) = ggsn
        .iter()
        .partition(|e| e.draft.visibility == Visibility::Members);
    let kinds: BTreeSet<_> = public
        .iter()
        .map(|e| e.draft.title.0.get("en").cloned())
        .collect();
    assert_eq!(kinds.len(), 2, "{kinds:?}");
    assert_eq!(
        members.iter().map(|e| e.id.as_str()).collect::<Vec<_>>(),
        ["ggsn-rencontre-membres"]
    );
    // Échirolles's digital-inclusion advisers' workshops, free, with upcoming dates.
    let workshops: Vec<_> = rows
        .editions
        .iter()
        .filter(|e| e.offering_id == "echirolles-ateliers-numeriques")
        .collect();
    assert!(!workshops.is_empty());
    assert!(workshops
        .iter()
        .all(|e| e.draft.cost.as_ref().map(|c| c.kind) == Some(CostKind::Free)));
}

#[test]
fn the_same_day_gives_the_same_sql() {
    assert_eq!(
        sql::render(&demo("2026-11-21")),
        sql::render(&demo("2026-11-21"))
    );
}

/// The SQL runs on SQLite with every migration, twice (it is idempotent, and keeps a
/// network's first `created_at`), and the rows land with their network, state and cost.
#[test]
fn the_sql_applies_to_a_database_with_every_migration() {
    let db = rusqlite::Connection::open_in_memory().unwrap();
    db.execute_batch("PRAGMA foreign_keys = ON;").unwrap();
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../edge/migrations");
    let mut migrations: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "sql"))
        .collect();
    migrations.sort();
    for m in &migrations {
        db.execute_batch(&std::fs::read_to_string(m).unwrap())
            .unwrap_or_else(|e| panic!("{}: {e}", m.display()));
    }
    db.execute_batch(&sql::render(&demo("2026-11-21"))).unwrap();
    db.execute_batch(&sql::render(&demo("2026-12-21"))).unwrap();
    let count = |q: &str| db.query_row(q, [], |r| r.get::<_, i64>(0)).unwrap();
    for table in ["offering", "person", "partner"] {
        assert_eq!(
            count(&format!(
                "SELECT count(*) FROM {table} WHERE network_id IS NULL OR state <> 'published'"
            )),
            0,
            "{table}"
        );
    }
    assert!(count("SELECT count(*) FROM network") >= 6);
    assert_eq!(
        count("SELECT count(*) FROM network WHERE created_at <> '2026-11-21T00:00:00Z'"),
        0
    );
    assert_eq!(
        count("SELECT count(*) FROM edition WHERE id = 'emancipasso-2023' AND cost_kind = 'free_travel_paid'"),
        1
    );
    // Its structures register: the one offering whose people register on behalf of one.
    assert_eq!(
        count(
            "SELECT group_concat(id) = 'emancipasso-formation' FROM offering WHERE on_behalf = 1"
        ),
        1
    );
    assert!(count("SELECT count(*) FROM session WHERE instruction_languages = '[\"en\"]'") >= 1);
    // The library: the training's resources translated into French, each text once in the
    // search index after two loads, found without accents; GGSN's members-only sheet.
    assert!(
        count(
            "SELECT count(*) FROM resource_link l JOIN resource_text t USING (resource_id) \
             WHERE l.offering_id = 'hub-mouvements-decentralises' AND t.lang = 'fr' AND t.translator IS NOT NULL"
        ) >= 3
    );
    assert_eq!(
        count("SELECT count(*) FROM resource_search"),
        count("SELECT count(*) FROM resource_text")
    );
    assert!(
        count(
            "SELECT count(*) FROM resource_search JOIN resource_text t ON t.id = resource_search.rowid \
             WHERE resource_search MATCH '\"strategie\"*' AND t.lang = 'fr'"
        ) >= 2
    );
    assert_eq!(
        count("SELECT count(*) FROM resource WHERE network_id = 'ggsn' AND visibility = 'members'"),
        1
    );
    // GGSN's summary sheets go to the participants of its last meeting as of the last load,
    // one that has ended.
    assert_eq!(
        count(
            "SELECT count(DISTINCT l.edition_id) FROM resource_link l JOIN edition e ON e.id = l.edition_id \
             WHERE e.offering_id = 'ggsn-communaute-pratique' AND l.resource_id LIKE 'ggsn-fiche-%' \
             AND (SELECT max(ends_at) FROM session WHERE edition_id = e.id) <= '2026-12-21T00:00:00Z'"
        ),
        1
    );
    assert_eq!(
        count("SELECT count(*) FROM resource_link WHERE edition_id IS NOT NULL"),
        2
    );
    // GGSN's community: its four criteria in both languages, loaded once.
    assert_eq!(
        count(
            "SELECT json_array_length(criteria) FROM community \
             WHERE network_id = 'ggsn' AND rule = 'at_least_one' AND on_behalf = '[\"individual\",\"organisation\"]'"
        ),
        4
    );
    assert_eq!(
        count("SELECT count(*) FROM edition WHERE state <> 'published' OR instruction_languages = '[]'"),
        0
    );
}

#[test]
fn a_demo_request_waiting_for_checks_its_offering_lacks_is_refused() {
    let broken = DEMO.replacen(
        "id = \"demo-parcex-gouvernance\"\noffering = \"pic-accompagnement-apprentissage\"\nstage = \"ready\"",
        "id = \"demo-parcex-gouvernance\"\noffering = \"pic-accompagnement-apprentissage\"\nstage = \"received\"",
        1,
    );
    assert_ne!(broken, DEMO);
    let message = plan_of(&broken, "2026-11-21").err().unwrap().to_string();
    assert!(
        message.contains(
            "request demo-parcex-gouvernance: received, but its offering has no check to confirm"
        ),
        "{message}"
    );
}
