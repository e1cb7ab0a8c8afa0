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

/// The key of an answer: `kind`, then each `name=value` pair with both sides
/// percent-encoded, in the order given (callers give a fixed one). Encoding keeps a value
/// holding `&`, `=` or `:` from passing for several pairs: two different requests never
/// share a key.
pub fn key(kind: &str, pairs: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(64);
    out.push_str(kind);
    for (i, (name, value)) in pairs.iter().enumerate() {
        out.push(if i == 0 { '?' } else { '&' });
        encode_into(&mut out, name);
        out.push('=');
        encode_into(&mut out, value);
    }
    out
}

/// RFC 3986 percent-encoding of everything but the unreserved characters.
fn encode_into(out: &mut String, text: &str) {
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
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

/// Forgets every public answer this isolate keeps: after a change to the catalog, this
/// isolate serves the change at once (others within `FRESH_MS`).
pub fn forget_public() {
    ENTRIES.with_borrow_mut(HashMap::clear);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_encode_names_and_values() {
        assert_eq!(
            key("offerings", &[("q", "a&topic=b"), ("tz", "Europe/Paris")]),
            "offerings?q=a%26topic%3Db&tz=Europe%2FParis"
        );
        assert_eq!(key("offerings", &[]), "offerings");
        assert_eq!(key("x", &[("q", "é ~")]), "x?q=%C3%A9%20~");
        assert_ne!(
            key("offerings", &[("q", "a&topic=b")]),
            key("offerings", &[("q", "a"), ("topic", "b")])
        );
    }
}
