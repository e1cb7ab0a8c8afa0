//! An organisation's contacts from its own link, with no account, so that a new team can take
//! over: `POST /api/organisations/{token}/contacts` adds a person — checked as the first
//! contact is, and sent a link of their own — and `DELETE
//! /api/organisations/{token}/contacts/{id}` removes one with the links sent to them, never
//! the last (`relais_domain::coaching::organisation::may_remove_contact`).

use relais_domain::coaching::organisation::{
    check_new_contact, ContactForm, ContactView, OrganisationMessage, MIN_CONTACTS,
};
use relais_domain::problem::ProblemKind;
use serde::Deserialize;
use worker::{Context, Env, Request, Response};

use super::organisation::find;
use crate::auth::read_json;
use crate::crypto;
use crate::http::{self, ApiError};
use crate::outbox;
use crate::rate_limit::{self, Limit};
use crate::registration::create::{known_zone, public_origin};
use crate::registration::transitions::{prepare_all, Statement, Value};
use crate::rows::Count;

/// People added per client address and minute, and per address and hour.
const PER_CLIENT_PER_MINUTE: u32 = 10;
const PER_EMAIL_PER_HOUR: u32 = 5;

#[derive(Deserialize)]
struct Queued {
    id: u32,
}

/// `POST /api/organisations/{token}/contacts`: counted, read, checked, then the person, their
/// own link and the message carrying it in one batch; an address already a contact of the
/// organisation is refused by name and nothing is written.
pub async fn add(
    req: &Request,
    env: &Env,
    ctx: &Context,
    token: &str,
) -> Result<Response, ApiError> {
    let db = env.d1("DB")?;
    rate_limit::count_client(&db, req, "organisation-contacts", PER_CLIENT_PER_MINUTE).await?;
    let form: ContactForm = read_json(req).await?;
    let organisation = find(&db, token).await?;
    let contact = check_new_contact(form, &organisation.name, known_zone)
        .map_err(|refused| ApiError::Fields(ProblemKind::InvalidBody, refused))?;
    let limit = Limit::per_email("organisation-contacts", &contact.email, PER_EMAIL_PER_HOUR);
    rate_limit::count_all(&db, &[limit]).await?;
    let link = crypto::PrivateToken::new().await?;
    let contact_id = crypto::random_hex(12)?;
    let origin = public_origin(env, req)?;
    let at = crate::dashboard::at();
    // ?1 the contact, ?2 the organisation, ?3 now, then each statement's own. The link and
    // the message are written only with the person.
    let params = |more: Vec<Value>| -> Vec<Value> {
        let mut params = vec![
            contact_id.as_str().into(),
            organisation.id.as_str().into(),
            at.as_str().into(),
        ];
        params.extend(more);
        params
    };
    let statements = [
        Statement {
            sql: "INSERT INTO organisation_contact (id, organisation_id, name, email, lang, created_at) \
                  VALUES (?1, ?2, ?4, ?5, ?6, ?3) ON CONFLICT (organisation_id, email) DO NOTHING"
                .into(),
            params: params(vec![
                contact.name.as_str().into(),
                contact.email.as_str().into(),
                contact.lang.code().into(),
            ]),
        },
        Statement {
            sql: "INSERT INTO organisation_token (token_hash, organisation_id, contact_id, created_at) \
                  SELECT ?4, organisation_id, id, ?3 FROM organisation_contact WHERE id = ?1 AND organisation_id = ?2"
                .into(),
            params: params(vec![link.token_hash.as_str().into()]),
        },
        Statement {
            sql: "INSERT INTO outbox (kind, contact_id, recipient, lang, manage_url, created_at) \
                  SELECT ?4, c.id, c.email, c.lang, ?5 || '/' || c.lang || '/organisations/' || ?6, ?3 \
                  FROM organisation_contact c WHERE c.id = ?1 AND c.organisation_id = ?2 RETURNING id"
                .into(),
            params: params(vec![
                OrganisationMessage::Link.as_str().into(),
                origin.as_str().into(),
                link.token.as_str().into(),
            ]),
        },
    ];
    let results = db.batch(prepare_all(&db, &statements)?).await?;
    let queued = results
        .get(2)
        .map(|r| r.results::<Queued>())
        .transpose()?
        .and_then(|q| q.into_iter().next());
    let Some(queued) = queued else {
        return Err(ApiError::Fields(
            ProblemKind::InvalidBody,
            vec![("email".into(), "contact-exists")],
        ));
    };
    outbox::send_soon(env, ctx, outbox::Only::Message(queued.id));
    let added = ContactView {
        id: contact_id,
        name: contact.name,
        email: contact.email,
        lang: contact.lang.code().to_owned(),
    };
    Ok(http::private_json(&added)?.with_status(201))
}

/// `DELETE /api/organisations/{token}/contacts/{id}`: the person, the links sent to them and
/// what their messages kept, in one batch written only while another contact remains.
pub async fn remove(env: &Env, token: &str, contact_id: &str) -> Result<Response, ApiError> {
    let db = env.d1("DB")?;
    let organisation = find(&db, token).await?;
    let results = db
        .batch(prepare_all(
            &db,
            &remove_statements(contact_id, &organisation.id),
        )?)
        .await?;
    let removed = results
        .get(1)
        .and_then(|r| r.meta().ok().flatten())
        .and_then(|m| m.changes)
        .unwrap_or(0)
        > 0;
    if removed {
        return Ok(Response::empty()?.with_status(204));
    }
    let known: Option<Count> = db
        .prepare(
            "SELECT count(*) AS count FROM organisation_contact WHERE id = ?1 AND organisation_id = ?2",
        )
        .bind(&[contact_id.into(), organisation.id.as_str().into()])?
        .first(None)
        .await?;
    if known.is_some_and(|c| c.count > 0) {
        Err(ApiError::Detailed(
            ProblemKind::Conflict,
            "conflict-last-contact",
        ))
    } else {
        Err(ApiError::Problem(ProblemKind::NotFound, vec![]))
    }
}

/// Removing contact `?1` of organisation `?2`: its links, then itself, each only while the
/// organisation has more than `MIN_CONTACTS`; then, only if it went (`changes()` of the
/// statement before), its messages' address and link blanked. The second statement's change
/// count says whether it was removed.
pub fn remove_statements(contact: &str, organisation: &str) -> Vec<Statement> {
    let keeps_one = format!(
        "(SELECT count(*) FROM organisation_contact WHERE organisation_id = ?2) > {MIN_CONTACTS}"
    );
    let params = || vec![contact.into(), organisation.into()];
    vec![
        Statement {
            sql: format!(
                "DELETE FROM organisation_token WHERE contact_id = ?1 AND organisation_id = ?2 \
                   AND EXISTS (SELECT 1 FROM organisation_contact WHERE id = ?1 AND organisation_id = ?2) \
                   AND {keeps_one}"
            ),
            params: params(),
        },
        Statement {
            sql: format!(
                "DELETE FROM organisation_contact WHERE id = ?1 AND organisation_id = ?2 AND {keeps_one}"
            ),
            params: params(),
        },
        Statement {
            sql: "UPDATE outbox SET recipient = NULL, manage_url = NULL \
                  WHERE contact_id = ?1 AND changes() > 0 AND ?2 = ?2"
                .into(),
            params: params(),
        },
    ]
}

#[cfg(test)]
mod tests;
