//! `GET /api/editions/{id}/registration-form`: what the registration form of an edition
//! shows: the edition on the reader's clock, whether it takes registrations now (and until
//! when), its questions in the reader's language, and how many places are left; through an
//! organisation's link, the organisation the registration will be made on behalf of.
//!
//! Never cached: places left change with every registration.

use relais_domain::catalog::RegistrationMode;
use relais_domain::problem::ProblemKind;
use relais_domain::registration::{self, FormQuestion, FormState, Question, RegistrationForm};
use serde::Deserialize;
use worker::{Env, Response};

use super::transitions;
use crate::catalog::visible::EditionReader;
use crate::catalog::{self, catalog_query, now, EDITION_COLUMNS};
use crate::http::{self, ApiError, Caller};
use crate::rows::{instant, required_text, EditionRow};

#[derive(Deserialize)]
struct FormRow {
    offering_title: String,
    registration_mode: String,
    registration_url: Option<String>,
    questions: String,
    registration_opens_at: Option<String>,
    registration_closes_at: Option<String>,
    starts_at: Option<String>,
    capacity: Option<u32>,
    taken: u32,
    waiting: u32,
    on_behalf: u32,
    organisation: Option<String>,
}

pub async fn get(
    env: &Env,
    caller: &Caller,
    edition_id: &str,
    reader: EditionReader<'_>,
) -> Result<Response, ApiError> {
    let zone = catalog_query(caller)?.zone;
    let lang = caller.lang;
    let db = env.d1("DB")?;
    let mut binds = vec![edition_id.into()];
    binds.extend(reader.token().map(Into::into));
    // The organisation's name, through its link only (its digest bound at `?2` then).
    let [_, organisation] = reader.organisation("?2");
    let form_binds = match reader {
        EditionReader::Organisation(_) => binds.clone(),
        _ => vec![edition_id.into()],
    };
    let results = db
        .batch(vec![
            // An edition the reader may not see has no form: not found, as a missing one.
            db.prepare(format!(
                "SELECT {EDITION_COLUMNS} FROM edition e WHERE e.id = ?1 AND {}",
                reader.condition("e", "?2")
            ))
            .bind(&binds)?,
            db.prepare(format!(
                "SELECT o.title AS offering_title, e.registration_mode, e.registration_url, \
                   e.questions, e.registration_opens_at, e.registration_closes_at, e.starts_at, \
                   e.capacity, {} AS taken, {} AS waiting, o.on_behalf, {organisation} AS organisation \
                 FROM edition e JOIN offering o ON o.id = e.offering_id WHERE e.id = ?1",
                transitions::places_held("e.id"),
                transitions::waiting_count("e.id"),
            ))
            .bind(&form_binds)?,
        ])
        .await?;
    let [edition, form] = results.as_slice() else {
        return Err(ApiError::Internal("batch results".into()));
    };
    let editions: Vec<EditionRow> = edition.results()?;
    let Some(offering_id) = editions.first().map(|e| e.offering_id.clone()) else {
        return Err(ApiError::Problem(ProblemKind::NotFound, vec![]));
    };
    let form: FormRow = form
        .results::<FormRow>()?
        .into_iter()
        .next()
        .ok_or_else(|| ApiError::Internal("edition without its offering".into()))?;
    let edition = catalog::with_sessions(&db, editions, lang, zone.as_deref())
        .await?
        .into_values()
        .flatten()
        .next()
        .ok_or_else(|| ApiError::Internal("edition not found".into()))?;
    let mode = RegistrationMode::parse(&form.registration_mode)
        .ok_or_else(|| ApiError::Internal(format!("mode {}", form.registration_mode)))?;
    let at = |s: &Option<String>| s.as_deref().map(instant).transpose();
    let opens_at = at(&form.registration_opens_at)?;
    let closes_at = at(&form.registration_closes_at)?.or(at(&form.starts_at)?);
    let questions: Vec<Question> = serde_json::from_str(&form.questions)?;
    let answer = RegistrationForm {
        offering_title: required_text(&form.offering_title, lang, &offering_id)?,
        offering_id,
        edition,
        state: FormState::from(registration::window(mode, opens_at, closes_at, None, now())),
        opens_at,
        closes_at,
        registration_url: form.registration_url,
        questions: questions
            .iter()
            .filter_map(|q| FormQuestion::new(q, lang))
            .collect(),
        on_behalf: form.on_behalf == 1,
        organisation: form.organisation,
        places_left: form.capacity.map(|c| c.saturating_sub(form.taken)),
        waiting: form.waiting,
    };
    http::private_json(&answer)
}
