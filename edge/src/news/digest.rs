//! A network's digest of its coming offerings, written by its coordinators to the people who
//! follow its news: what it would hold now (`preview`), and one message per confirmed
//! follower queued by one statement, each due at its own time
//! (`relais_domain::news::digest_delay_minutes`) so that a long list goes out a round at a
//! time; once per key. The message itself is written when it is sent, in the follower's
//! language with the coming dates on their clock (`outbox`).

use relais_domain::account::Action;
use relais_domain::news::{
    digest_delay_minutes, DigestPreview, DigestQueued, DigestRequest, NewsMessage, Purpose,
    DIGEST_ITEMS, DIGEST_PER_ROUND, DIGEST_ROUND_MINUTES,
};
use relais_domain::problem::ProblemKind;
use relais_domain::Localized;
use serde::Deserialize;
use worker::{Context, D1Database, Env, Request, Response};

use crate::auth;
use crate::catalog::visible;
use crate::dashboard::{
    at, audit, json_text, parsed, read_draft, refuse, require_network, run, text,
};
use crate::http::{private_json, ApiError, Caller};
use crate::outbox;
use crate::registration::create::public_origin;
use crate::registration::transitions::Statement;

/// Writing to people: the network's coordinators.
const ACTION: Action = Action::WriteToPeople;

/// The confirmed followers of the network whose id is bound at `network`, aliased `f`.
fn followers(network: &str) -> String {
    format!(
        "f.network_id = {network} AND f.purpose = '{}' AND f.confirmed_at IS NOT NULL",
        Purpose::NetworkNews.as_str()
    )
}

/// The coming editions a digest of network `?1` lists at instant `?2`, soonest first: public,
/// with a session shown still to come; each with its offering and first session to come, and
/// that session's zone (SQLite gives a bare column the row of the `min`).
pub fn coming_sql() -> String {
    format!(
        "SELECT e.id AS edition_id, o.id AS offering_id, o.title, min(s.starts_at) AS starts_at, \
           s.zone \
         FROM edition e JOIN offering o ON o.id = e.offering_id \
         JOIN session s ON s.edition_id = e.id AND s.starts_at > ?2 AND {session} \
         WHERE o.network_id = ?1 AND {shown} \
         GROUP BY e.id ORDER BY starts_at, e.id LIMIT {DIGEST_ITEMS}",
        session = visible::session_shown("s"),
        shown = visible::edition_shown("e", "o"),
    )
}

/// A coming edition as `coming_sql` reads it.
#[derive(Deserialize)]
pub struct ComingRow {
    pub offering_id: String,
    /// The offering's localized title, as JSON.
    pub title: String,
    pub starts_at: String,
    /// The organiser's zone for that session.
    pub zone: String,
}

pub async fn coming(db: &D1Database, network: &str, now: &str) -> Result<Vec<ComingRow>, ApiError> {
    Ok(db
        .prepare(coming_sql())
        .bind(&[network.into(), now.into()])?
        .all()
        .await?
        .results()?)
}

/// Queues the digest keyed `?4` of network `?1`: one row per confirmed follower, in the order
/// they consented, the one at position `n` (0 first) due `digest_delay_minutes(n)` after `?5`;
/// the note (`?3`, JSON) and the site's origin (`?2`) kept for when each is written. A key
/// used before queues nothing again (the dedupe key holds the key and the follow).
pub fn queue() -> String {
    format!(
        "INSERT INTO outbox (kind, follow_id, recipient, lang, links, note, dedupe, created_at, \
           next_attempt_at) \
         SELECT '{kind}', f.id, f.email, f.lang, json_object('origin', ?2, 'network', ?1), ?3, \
           'digest:' || ?1 || ':' || ?4 || ':' || f.id, ?5, \
           strftime('%Y-%m-%dT%H:%M:%SZ', ?5, '+' || ((row_number() OVER \
             (ORDER BY f.consented_at, f.id) - 1) / {per_round} * {round}) || ' minutes') \
         FROM follow f WHERE {followers} \
         ON CONFLICT (dedupe) DO NOTHING",
        kind = NewsMessage::Digest.as_str(),
        per_round = DIGEST_PER_ROUND,
        round = DIGEST_ROUND_MINUTES,
        followers = followers("?1"),
    )
}

/// The prefix of the dedupe keys of the digest keyed `key` of `network`.
fn dedupe_prefix(network: &str, key: &str) -> String {
    format!("digest:{network}:{key}:")
}

/// The messages of the digest keyed `key` of `network`.
async fn queued(db: &D1Database, network: &str, key: &str) -> Result<u32, ApiError> {
    Ok(db
        .prepare("SELECT count(*) AS n FROM outbox WHERE substr(dedupe, 1, length(?1)) = ?1")
        .bind(&[dedupe_prefix(network, key).into()])?
        .first::<u32>(Some("n"))
        .await?
        .unwrap_or(0))
}

async fn follower_count(db: &D1Database, network: &str) -> Result<u32, ApiError> {
    Ok(db
        .prepare(format!(
            "SELECT count(*) AS n FROM follow f WHERE {}",
            followers("?1")
        ))
        .bind(&[network.into()])?
        .first::<u32>(Some("n"))
        .await?
        .unwrap_or(0))
}

/// `GET /api/dashboard/networks/{id}/digest`: how many it would reach, and what it would list.
pub async fn preview(
    req: &Request,
    env: &Env,
    caller: &Caller,
    network: &str,
) -> Result<Response, ApiError> {
    let staff = auth::require(req, env, ACTION, false).await?;
    let db = env.d1("DB")?;
    require_network(&db, &staff, ACTION, network).await?;
    let coming = coming(&db, network, &at()).await?;
    let messages = crate::http::messages(caller.lang)?;
    private_json(&DigestPreview {
        followers: follower_count(&db, network).await?,
        // Each with its first day on the organiser's clock: a series' meetings told apart.
        coming: coming
            .into_iter()
            .map(|c| {
                let title = parsed::<Localized>(&c.title)
                    .resolve(caller.lang)
                    .map(|t| t.text)
                    .unwrap_or_default();
                match crate::rows::day_in_zone(&c.starts_at, &c.zone, &messages) {
                    Some(day) => format!("{title} — {day}"),
                    None => title,
                }
            })
            .collect(),
    })
}

/// `POST /api/dashboard/networks/{id}/digest`: checked, refused when nothing is coming, then
/// the messages and the audit entry in one batch, and the first round sent after the answer.
pub async fn send(
    req: &Request,
    env: &Env,
    ctx: &Context,
    network: &str,
) -> Result<Response, ApiError> {
    let staff = auth::require(req, env, ACTION, true).await?;
    let request: DigestRequest = read_draft(req).await?;
    refuse(request.check())?;
    let key = request.key.clone().unwrap_or_default();
    let db = env.d1("DB")?;
    require_network(&db, &staff, ACTION, network).await?;
    let at = at();
    if coming(&db, network, &at).await?.is_empty() {
        return Err(ApiError::Detailed(
            ProblemKind::Conflict,
            "conflict-nothing-coming",
        ));
    }
    let queued_before = queued(&db, network, &key).await?;
    // A key used before: its digest is queued already, and its audit entry written.
    if queued_before == 0 {
        run(
            &db,
            &[
                Statement {
                    sql: queue(),
                    params: vec![
                        text(network),
                        text(&public_origin(env, req)?),
                        json_text(&request.note)?,
                        text(&key),
                        text(&at),
                    ],
                },
                audit::record(
                    network,
                    &staff.account_id,
                    &at,
                    ("digest", &key),
                    "sent",
                    serde_json::json!({ "note": request.note }).to_string(),
                ),
            ],
        )
        .await?;
        outbox::send_soon(env, ctx, outbox::Only::All);
    }
    let queued = queued(&db, network, &key).await?;
    private_json(&DigestQueued {
        queued,
        last_in_minutes: queued.checked_sub(1).map_or(0, digest_delay_minutes),
    })
}

#[cfg(test)]
mod tests;
