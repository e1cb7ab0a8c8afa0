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
mod tests;
