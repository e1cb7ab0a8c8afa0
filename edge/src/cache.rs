//! Public catalog answers kept in this isolate's memory for a few seconds.
//!
//! Every volunteer asks for the same few pages (one per language); answering them from
//! memory keeps D1 for what changes. Readers already accept this staleness: the same answers
//! carry `Cache-Control: max-age=60`. Memory is per isolate and may vanish at any time,
//! which only costs a D1 read.

use std::cell::RefCell;
use std::collections::HashMap;

use worker::Date;

/// How long an answer stays fresh, in milliseconds.
pub const FRESH_MS: u64 = 15_000;
/// Bounds memory whatever the variety of query strings.
const MAX_ENTRIES: usize = 128;

thread_local! {
    static ENTRIES: RefCell<HashMap<String, (u64, String)>> = RefCell::new(HashMap::new());
}

fn now_ms() -> u64 {
    Date::now().as_millis()
}

pub fn get(key: &str) -> Option<String> {
    let now = now_ms();
    ENTRIES.with_borrow(|entries| {
        entries
            .get(key)
            .filter(|(expires, _)| *expires > now)
            .map(|(_, body)| body.clone())
    })
}

pub fn put(key: String, body: String) {
    let now = now_ms();
    ENTRIES.with_borrow_mut(|entries| {
        if entries.len() >= MAX_ENTRIES {
            entries.retain(|_, (expires, _)| *expires > now);
        }
        if entries.len() >= MAX_ENTRIES {
            entries.clear();
        }
        entries.insert(key, (now + FRESH_MS, body));
    });
}

/// Says whether an answer came from memory, for the bench and for anyone debugging.
pub fn mark(
    mut response: worker::Response,
    hit: bool,
) -> Result<worker::Response, crate::http::ApiError> {
    response
        .headers_mut()
        .set("X-Relais-Cache", if hit { "hit" } else { "miss" })?;
    Ok(response)
}
