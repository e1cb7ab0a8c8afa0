//! `relais-seed [--file seed/demo.toml] [--today YYYY-MM-DD]`: prints the demo catalog as SQL
//! for `wrangler d1 execute`. Dates are moved relative to `--today` (default: today, UTC).

mod model;
mod plan;
mod sql;

use std::process::ExitCode;

use chrono::{NaiveDate, Utc};

fn main() -> ExitCode {
    match run() {
        Ok(sql) => {
            print!("{sql}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("relais-seed: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<String, String> {
    let mut file = concat!(env!("CARGO_MANIFEST_DIR"), "/demo.toml").to_owned();
    let mut today = Utc::now().date_naive();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--file" => file = args.next().ok_or("--file needs a path")?,
            "--today" => {
                let value = args.next().ok_or("--today needs a date")?;
                today = value
                    .parse::<NaiveDate>()
                    .map_err(|e| format!("--today {value}: {e}"))?;
            }
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    let source = std::fs::read_to_string(&file).map_err(|e| format!("{file}: {e}"))?;
    let demo: model::Demo = toml::from_str(&source).map_err(|e| format!("{file}: {e}"))?;
    let rows = plan::plan(demo, today).map_err(|e| format!("{file}: {e}"))?;
    Ok(sql::render(&rows))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn demo(today: &str) -> plan::Rows {
        let source =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/demo.toml")).unwrap();
        let demo: model::Demo = toml::from_str(&source).unwrap();
        plan::plan(demo, today.parse().unwrap()).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn the_demo_catalog_always_has_a_future() {
        for today in ["2026-11-21", "2027-06-30", "2031-02-14"] {
            let rows = demo(today);
            let now = format!("{today}T00:00:00Z")
                .parse::<chrono::DateTime<Utc>>()
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
                assert!(
                    start > now + chrono::TimeDelta::days(13),
                    "{} starts {start}",
                    e.id
                );
                assert!(
                    start < now + chrono::TimeDelta::days(400),
                    "{} starts {start}",
                    e.id
                );
            }
        }
    }

    #[test]
    fn every_offering_is_written_in_french_and_english() {
        let rows = demo("2026-11-21");
        for o in &rows.offerings {
            for (field, texts) in [
                ("title", &o.title),
                ("summary", &o.summary),
                ("description", &o.description),
            ] {
                for lang in ["fr", "en"] {
                    assert!(
                        texts.get(lang).is_some_and(|t| !t.trim().is_empty()),
                        "{} {field} {lang}",
                        o.id
                    );
                }
            }
        }
        for p in &rows.persons {
            assert!(
                p.bio.is_empty() || (p.bio.contains_key("fr") && p.bio.contains_key("en")),
                "{}",
                p.id
            );
        }
    }

    #[test]
    fn the_same_day_gives_the_same_sql() {
        assert_eq!(
            sql::render(&demo("2026-11-21")),
            sql::render(&demo("2026-11-21"))
        );
    }
}
