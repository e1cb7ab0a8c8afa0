//! A network's desk: everything it authors, drafts included, with how complete each item is.

use std::collections::BTreeMap;

use relais_domain::account::Action;
use relais_domain::authoring::{
    network_completeness, PartnerDraft, PersonDraft, PublicationState, SessionDraft,
};
use relais_domain::dashboard::{EditionLine, ItemLine, NetworkDesk, NetworkLine, OfferingLine};
use serde::Deserialize;
use worker::{Env, Request, Response};

use super::editions::{EditionRow, SessionRow, EDITION_COLUMNS, SESSION_COLUMNS};
use super::offerings::{FacilitatorRow, OfferingRow, OFFERING_COLUMNS};
use super::{parsed, require_network};
use crate::auth;
use crate::http::{private_json, ApiError};

#[derive(Deserialize)]
struct NetworkRow {
    id: String,
    name: String,
}

#[derive(Deserialize)]
struct ItemRow {
    id: String,
    state: String,
    name: String,
    text: String,
    same_in_every_language: String,
    url: Option<String>,
}

fn state(name: &str) -> PublicationState {
    PublicationState::parse(name).unwrap_or_default()
}

/// `GET /api/dashboard/networks/{network}`.
pub async fn get(req: &Request, env: &Env, network: &str) -> Result<Response, ApiError> {
    let staff = auth::require(req, env, Action::AuthorCatalog, false).await?;
    let db = env.d1("DB")?;
    require_network(&db, &staff, Action::AuthorCatalog, network).await?;
    let of_network = "o.network_id = ?1";
    let results = db
        .batch(vec![
            db.prepare("SELECT id, name FROM network WHERE id = ?1")
                .bind(&[network.into()])?,
            db.prepare(format!(
                "SELECT {OFFERING_COLUMNS} FROM offering o WHERE {of_network} \
                 ORDER BY o.position, o.id"
            ))
            .bind(&[network.into()])?,
            db.prepare(format!(
                "SELECT op.offering_id, op.person_id, op.role FROM offering_person op \
                 JOIN offering o ON o.id = op.offering_id WHERE {of_network} \
                 ORDER BY op.position, op.person_id"
            ))
            .bind(&[network.into()])?,
            db.prepare(format!(
                "SELECT {EDITION_COLUMNS} FROM edition e JOIN offering o ON o.id = e.offering_id \
                 WHERE {of_network} ORDER BY e.starts_at DESC, e.id"
            ))
            .bind(&[network.into()])?,
            db.prepare(format!(
                "SELECT {SESSION_COLUMNS} FROM session WHERE edition_id IN (SELECT e.id FROM \
                   edition e JOIN offering o ON o.id = e.offering_id WHERE {of_network}) \
                 ORDER BY starts_at, id"
            ))
            .bind(&[network.into()])?,
            db.prepare(
                "SELECT id, state, name, bio AS text, same_in_every_language, NULL AS url \
                 FROM person WHERE network_id = ?1 ORDER BY name, id",
            )
            .bind(&[network.into()])?,
            db.prepare(
                "SELECT id, state, name, description AS text, same_in_every_language, url \
                 FROM partner WHERE network_id = ?1 ORDER BY name, id",
            )
            .bind(&[network.into()])?,
        ])
        .await?;
    let [network_row, offerings, facilitators, editions, sessions, people, partners] =
        results.as_slice()
    else {
        return Err(ApiError::Internal("batch results".into()));
    };
    let network_row = network_row
        .results::<NetworkRow>()?
        .into_iter()
        .next()
        .ok_or(super::not_found())?;
    let mut facilitators_of: BTreeMap<String, Vec<FacilitatorRow>> = BTreeMap::new();
    for f in facilitators.results::<FacilitatorRow>()? {
        facilitators_of
            .entry(f.offering_id.clone())
            .or_default()
            .push(f);
    }
    let mut sessions_of: BTreeMap<String, Vec<SessionDraft>> = BTreeMap::new();
    for s in sessions.results::<SessionRow>()? {
        let edition = s.edition_id.clone();
        sessions_of
            .entry(edition)
            .or_default()
            .push(s.authored().draft);
    }
    let mut editions_of: BTreeMap<String, Vec<EditionLine>> = BTreeMap::new();
    for e in editions.results::<EditionRow>()? {
        let draft = e.draft();
        let sessions = sessions_of.remove(&e.id).unwrap_or_default();
        editions_of
            .entry(e.offering_id.clone())
            .or_default()
            .push(EditionLine {
                completeness: draft.completeness(&sessions),
                starts_at: e
                    .starts_at
                    .as_deref()
                    .and_then(relais_domain::catalog::instant::parse),
                sessions: sessions.len() as u32,
                registrations: e.registrations,
                state: draft.state,
                title: draft.title,
                id: e.id,
            });
    }
    let offerings: Vec<OfferingLine> = offerings
        .results::<OfferingRow>()?
        .into_iter()
        .map(|row| {
            let id = row.id.clone();
            let draft = row.draft(facilitators_of.remove(&id).unwrap_or_default());
            OfferingLine {
                completeness: draft.completeness(),
                editions: editions_of.remove(&id).unwrap_or_default(),
                state: draft.state,
                title: draft.title,
                id,
            }
        })
        .collect();
    let people: Vec<ItemLine> = people
        .results::<ItemRow>()?
        .into_iter()
        .map(|p| {
            let draft = PersonDraft {
                state: state(&p.state),
                name: p.name.clone(),
                bio: parsed(&p.text),
                same_in_every_language: parsed(&p.same_in_every_language),
            };
            ItemLine {
                completeness: draft.completeness(),
                state: draft.state,
                name: p.name,
                id: p.id,
            }
        })
        .collect();
    let partners: Vec<ItemLine> = partners
        .results::<ItemRow>()?
        .into_iter()
        .map(|p| {
            let draft = PartnerDraft {
                state: state(&p.state),
                name: p.name.clone(),
                description: parsed(&p.text),
                url: p.url.clone(),
                same_in_every_language: parsed(&p.same_in_every_language),
            };
            ItemLine {
                completeness: draft.completeness(),
                state: draft.state,
                name: p.name,
                id: p.id,
            }
        })
        .collect();
    let completeness = network_completeness(
        offerings
            .iter()
            .map(|o| o.completeness)
            .chain(
                offerings
                    .iter()
                    .flat_map(|o| o.editions.iter().map(|e| e.completeness)),
            )
            .chain(people.iter().map(|p| p.completeness))
            .chain(partners.iter().map(|p| p.completeness)),
    );
    private_json(&NetworkDesk {
        network: NetworkLine {
            id: network_row.id,
            name: network_row.name,
        },
        completeness,
        offerings,
        people,
        partners,
    })
}
