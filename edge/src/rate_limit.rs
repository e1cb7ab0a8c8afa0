//! Attempts counted per key and window in D1 (`rate_limit`), each count one statement that
//! counts and answers: registrations per client address, sign-in failures per address, per
//! email and per both.

use std::net::IpAddr;

use relais_domain::problem::ProblemKind;
use wasm_bindgen::JsValue;
use worker::{D1Database, D1PreparedStatement, Request};

use crate::catalog::now;
use crate::http::ApiError;
use crate::registration::transitions::{Statement, Value};
use crate::rows::Count;

pub const MINUTE: i64 = 60;
pub const QUARTER_HOUR: i64 = 15 * 60;
pub const HOUR: i64 = 60 * 60;

/// The caller's bucket from Cloudflare's `CF-Connecting-IP`: `None` when there is none (a
/// request that did not come through Cloudflare, such as local tools), so that such callers
/// skip the per-address limit instead of sharing one bucket.
pub fn client(req: &Request) -> Option<String> {
    address_key(&req.headers().get("CF-Connecting-IP").ok().flatten()?)
}

/// An IPv4 address is its own bucket; an IPv6 address counts as its /64, which one
/// subscriber usually holds whole (and can hop within at will). An IPv4-mapped IPv6 address
/// is the IPv4 address it maps. Anything that is not an address has no bucket.
pub fn address_key(header: &str) -> Option<String> {
    match header.trim().parse::<IpAddr>().ok()? {
        IpAddr::V4(v4) => Some(v4.to_string()),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => Some(v4.to_string()),
            None => {
                let s = v6.segments();
                Some(format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3]))
            }
        },
    }
}

/// At most `limit` attempts under `key` per fixed window of `window_seconds`.
#[derive(Clone, Debug, PartialEq)]
pub struct Limit {
    pub key: String,
    pub limit: u32,
    pub window_seconds: i64,
}

impl Limit {
    /// A public form's limit per client address and minute: a person, not a flood.
    pub fn per_client(form: &str, client: &str, per_minute: u32) -> Limit {
        Limit {
            key: format!("{form}:{client}"),
            limit: per_minute,
            window_seconds: MINUTE,
        }
    }

    /// A public form's limit per email address and hour, plus-addresses folded (one person,
    /// many aliases): a person, not a mailing.
    pub fn per_email(form: &str, email: &str, per_hour: u32) -> Limit {
        Limit {
            key: format!(
                "{form}-email:{}",
                relais_domain::registration::folded_email(email)
            ),
            limit: per_hour,
            window_seconds: HOUR,
        }
    }
}

/// Counts a public form's request against its limit per client address, when the caller
/// has one (see `client`).
pub async fn count_client(
    db: &D1Database,
    req: &Request,
    form: &str,
    per_minute: u32,
) -> Result<(), ApiError> {
    if let Some(client) = client(req) {
        count_all(db, &[Limit::per_client(form, &client, per_minute)]).await?;
    }
    Ok(())
}

/// The window an attempt was counted in, to forgive it later in the same one.
#[derive(Clone, Debug, PartialEq)]
pub struct Counted {
    key: String,
    window: i64,
}

/// The start of the window holding `timestamp` and the time it ends (seconds).
fn window(timestamp: i64, window_seconds: i64) -> (i64, i64) {
    let start = timestamp - timestamp.rem_euclid(window_seconds);
    (start, start + window_seconds)
}

/// Counts one attempt against every limit in one batch, and refuses it (429) when any is
/// exceeded. Each limit counts the attempt only when the limits before it still allowed it,
/// inside the statement that counts: so parallel attempts cannot slip past, and attempts an
/// earlier limit already refuses do not use up a later one's allowance (an attacker who
/// exhausts their own address's allowance does not also spend an account's).
pub async fn count_all(db: &D1Database, limits: &[Limit]) -> Result<Vec<Counted>, ApiError> {
    count_all_then(db, limits, None)
        .await
        .map(|(counted, _)| counted)
}

/// `count_all`, with one more statement run in the same batch (a read the request needs
/// next: one round trip instead of two); its result when the attempt was allowed.
pub async fn count_all_then(
    db: &D1Database,
    limits: &[Limit],
    then: Option<D1PreparedStatement>,
) -> Result<(Vec<Counted>, Option<worker::D1Result>), ApiError> {
    let now = now().timestamp();
    // Counts of windows past are dropped by the cron (`forget_expired`), not by every
    // request: one write less in each.
    let mut statements = vec![];
    let mut counted = vec![];
    for (i, limit) in limits.iter().enumerate() {
        let (start, end) = window(now, limit.window_seconds);
        statements.push(count_statement(db, limit, start, end, &limits[..i], now)?);
        counted.push(Counted {
            key: limit.key.clone(),
            window: start,
        });
    }
    statements.extend(then);
    if statements.is_empty() {
        return Ok((counted, None));
    }
    let mut results = db.batch(statements).await?;
    for (i, limit) in limits.iter().enumerate() {
        // No row back: an earlier limit refused the attempt, so it was not counted here.
        let count = results
            .get(i)
            .and_then(|r| r.results::<Count>().ok())
            .and_then(|rows| rows.into_iter().next())
            .map(|c| c.count);
        if count.is_none_or(|c| c > limit.limit) {
            return Err(ApiError::Problem(ProblemKind::TooManyRequests, vec![]));
        }
    }
    let then = (results.len() > limits.len()).then(|| results.remove(limits.len()));
    Ok((counted, then))
}

/// `INSERT … ON CONFLICT … RETURNING count` for `limit`, counting only while every limit in
/// `before` is within its allowance (their rows were counted earlier in the same batch).
fn count_statement(
    db: &D1Database,
    limit: &Limit,
    start: i64,
    end: i64,
    before: &[Limit],
    now: i64,
) -> Result<D1PreparedStatement, ApiError> {
    let mut guard = String::new();
    let mut values: Vec<JsValue> = vec![
        limit.key.as_str().into(),
        JsValue::from_f64(start as f64),
        JsValue::from_f64(end as f64),
    ];
    for earlier in before {
        let (earlier_start, _) = window(now, earlier.window_seconds);
        let n = values.len();
        // Placeholders only: the keys and numbers are bound, never spliced.
        guard.push_str(&format!(
            " OR (key = ?{} AND window = ?{} AND count > ?{})",
            n + 1,
            n + 2,
            n + 3
        ));
        values.push(earlier.key.as_str().into());
        values.push(JsValue::from_f64(earlier_start as f64));
        values.push(earlier.limit.into());
    }
    let sql = format!(
        "INSERT INTO rate_limit (key, window, count, expires_at) SELECT ?1, ?2, 1, ?3 \
         WHERE NOT EXISTS (SELECT 1 FROM rate_limit WHERE 0{guard}) \
         ON CONFLICT (key, window) DO UPDATE SET count = count + 1 RETURNING count"
    );
    Ok(db.prepare(sql).bind(&values)?)
}

/// Drops the counts of windows that have ended (the cron, every few minutes).
pub async fn forget_expired(db: &D1Database) -> Result<(), ApiError> {
    db.prepare("DELETE FROM rate_limit WHERE expires_at <= ?1")
        .bind(&[JsValue::from_f64(now().timestamp() as f64)])?
        .run()
        .await?;
    Ok(())
}

/// A limit counted in the batch of the write it guards (one round trip, not two): the
/// statement that counts the attempt, to run first in that batch.
pub fn count_in_batch(limit: &Limit) -> Statement {
    let now = now().timestamp();
    let (start, end) = window(now, limit.window_seconds);
    Statement {
        sql: "INSERT INTO rate_limit (key, window, count, expires_at) VALUES (?1, ?2, 1, ?3) \
              ON CONFLICT (key, window) DO UPDATE SET count = count + 1"
            .to_owned(),
        params: vec![
            limit.key.as_str().into(),
            Value::Int(start),
            Value::Int(end),
        ],
    }
}

/// The SQL condition, true while `limit`'s count (by `count_in_batch`, earlier in the same
/// batch) is within it, its values numbered from `?{first}`.
pub fn within(limit: &Limit, first: usize) -> (String, Vec<Value>) {
    let (start, _) = window(now().timestamp(), limit.window_seconds);
    (
        format!(
            "coalesce((SELECT count FROM rate_limit WHERE key = ?{} AND window = ?{}), 0) <= ?{}",
            first,
            first + 1,
            first + 2
        ),
        vec![
            limit.key.as_str().into(),
            Value::Int(start),
            Value::Int(limit.limit.into()),
        ],
    )
}

/// Takes back attempts counted by `count_all` (a sign-in that turned out right).
pub async fn forgive(db: &D1Database, counted: &[Counted]) -> Result<(), ApiError> {
    let statements = counted
        .iter()
        .map(|c| {
            db.prepare(
                "UPDATE rate_limit SET count = count - 1 \
                 WHERE key = ?1 AND window = ?2 AND count > 0",
            )
            .bind(&[c.key.as_str().into(), JsValue::from_f64(c.window as f64)])
        })
        .collect::<Result<Vec<_>, _>>()?;
    if !statements.is_empty() {
        db.batch(statements).await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_ipv4_address_is_its_own_bucket() {
        assert_eq!(address_key("203.0.113.7").as_deref(), Some("203.0.113.7"));
        assert_eq!(address_key(" 203.0.113.7 ").as_deref(), Some("203.0.113.7"));
        assert_ne!(address_key("203.0.113.7"), address_key("203.0.113.8"));
    }

    #[test]
    fn an_ipv6_64_is_one_bucket() {
        let a = address_key("2001:db8:1:2:aaaa:bbbb:cccc:dddd");
        let b = address_key("2001:0db8:0001:0002::1");
        assert_eq!(a.as_deref(), Some("2001:db8:1:2::/64"));
        assert_eq!(a, b);
        assert_ne!(a, address_key("2001:db8:1:3::1"));
    }

    #[test]
    fn an_ipv4_mapped_address_counts_as_ipv4() {
        assert_eq!(
            address_key("::ffff:203.0.113.7").as_deref(),
            Some("203.0.113.7")
        );
        assert_eq!(
            address_key("::ffff:203.0.113.7"),
            address_key("203.0.113.7")
        );
    }

    #[test]
    fn what_is_not_an_address_has_no_bucket() {
        for header in [
            "",
            "unknown",
            "203.0.113",
            "2001:db8::1::2",
            "203.0.113.7:443",
        ] {
            assert_eq!(address_key(header), None, "{header}");
        }
    }

    #[test]
    fn windows_are_fixed_and_aligned() {
        assert_eq!(window(0, MINUTE), (0, 60));
        assert_eq!(window(59, MINUTE), (0, 60));
        assert_eq!(window(60, MINUTE), (60, 120));
        assert_eq!(window(1_000, QUARTER_HOUR), (900, 1_800));
    }
}
