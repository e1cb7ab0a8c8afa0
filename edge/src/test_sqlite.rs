//! Real SQLite (the engine under D1) with every migration of the project applied, for the
//! host tests of statements built in this crate.

use std::sync::{Mutex, OnceLock};
use std::time::Duration;

use rusqlite::backup::Backup;
use rusqlite::Connection;

/// A fresh database with the schema of every migration: a copy of one migrated once, as
/// property tests open hundreds.
pub fn migrated() -> Connection {
    static TEMPLATE: OnceLock<Mutex<Connection>> = OnceLock::new();
    let template = TEMPLATE
        .get_or_init(|| Mutex::new(migrate()))
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    let mut conn = Connection::open_in_memory().expect("in-memory SQLite");
    Backup::new(&template, &mut conn)
        .and_then(|b| b.run_to_completion(i32::MAX, Duration::ZERO, None))
        .expect("copy of the migrated schema");
    // A connection's own setting, not copied with the pages.
    conn.execute_batch("PRAGMA foreign_keys = ON;")
        .expect("pragma");
    conn
}

fn migrate() -> Connection {
    let conn = Connection::open_in_memory().expect("in-memory SQLite");
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/migrations");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("migrations")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "sql"))
        .collect();
    files.sort();
    conn.execute_batch("PRAGMA foreign_keys = ON;")
        .expect("pragma");
    for file in files {
        let sql = std::fs::read_to_string(&file).expect("migration");
        conn.execute_batch(&sql)
            .unwrap_or_else(|e| panic!("{}: {e}", file.display()));
    }
    conn
}

/// A bound value as SQLite takes it.
pub fn sql_value(v: &crate::registration::transitions::Value) -> rusqlite::types::Value {
    use crate::registration::transitions::Value;
    match v {
        Value::Text(s) => rusqlite::types::Value::Text(s.clone()),
        Value::Int(n) => rusqlite::types::Value::Integer(*n),
        Value::Bytes(b) => rusqlite::types::Value::Blob(b.clone()),
        Value::Null => rusqlite::types::Value::Null,
    }
}

/// Runs `batch` as D1 runs a batch: in one transaction.
pub fn run(conn: &mut Connection, batch: &[crate::registration::transitions::Statement]) {
    let tx = conn.transaction().expect("transaction");
    for s in batch {
        tx.execute(
            &s.sql,
            rusqlite::params_from_iter(s.params.iter().map(sql_value)),
        )
        .unwrap_or_else(|e| panic!("{e}\n{}", s.sql));
    }
    tx.commit().expect("commit");
}
