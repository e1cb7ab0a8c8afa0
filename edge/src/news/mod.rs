//! News of what is coming (`domain::news` states its rules): asking to be told
//! (`follow`), the private link to confirm and to stop (`link`), the messages a
//! publication queues (`new_dates`), once per person and edition, and a network's digest of
//! its coming offerings written by its coordinators (`digest`).

use relais_domain::authoring::PublicationState;
use relais_domain::news::{NewsMessage, Purpose};

use crate::catalog::visible;
use crate::registration::transitions::{Statement, Value};

pub mod digest;
pub mod follow;
pub mod link;

/// What a publication made public: one edition, or an offering with its editions.
pub enum Published<'a> {
    Edition(&'a str),
    Offering(&'a str),
}

/// Queues one `new_dates` message per person following what was just published (the
/// offering's dates, or its network's news) and confirmed, for each of its editions now
/// public with a session still to come: run in the publication's batch, after its update.
/// The dedupe key (edition, address) makes it once per person and edition, whatever they
/// follow and however often it is published again. The site's origin goes in `links`, for
/// the page and the link to stop, which are written when the message is.
pub fn new_dates(published: Published<'_>, origin: &str, at: &str) -> Statement {
    let (condition, id) = match published {
        Published::Edition(id) => ("e.id = ?1", id),
        Published::Offering(id) => ("e.offering_id = ?1", id),
    };
    Statement {
        sql: format!(
            "INSERT INTO outbox (kind, follow_id, edition_id, recipient, lang, links, dedupe, created_at) \
             SELECT '{kind}', f.id, e.id, f.email, f.lang, json_object('origin', ?2), \
               'new-dates:' || e.id || ':' || f.email, ?3 \
             FROM edition e JOIN offering o ON o.id = e.offering_id \
             JOIN follow f ON f.confirmed_at IS NOT NULL \
               AND ((f.purpose = '{dates}' AND f.offering_id = o.id) \
                 OR (f.purpose = '{network}' AND f.network_id = o.network_id)) \
             WHERE {condition} AND {shown} AND e.state = '{published}' \
               AND EXISTS (SELECT 1 FROM session s WHERE s.edition_id = e.id \
                 AND s.starts_at > ?3 AND {session}) \
             ORDER BY f.purpose \
             ON CONFLICT (dedupe) DO NOTHING",
            kind = NewsMessage::NewDates.as_str(),
            dates = Purpose::OfferingDates.as_str(),
            network = Purpose::NetworkNews.as_str(),
            shown = visible::edition_shown("e", "o"),
            published = PublicationState::Published.as_str(),
            session = visible::session_shown("s"),
        ),
        params: vec![id.into(), Value::Text(origin.to_owned()), at.into()],
    }
}

#[cfg(test)]
mod tests;
