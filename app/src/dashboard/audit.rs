//! A network's history: who changed what in its catalog, and when, newest first.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use relais_domain::dashboard::AuditLine;
use relais_domain::schedule::format_datetime;

use super::{encode, use_session};
use crate::api::{self, ApiError};
use crate::i18n::use_i18n;
use crate::layout::Fetched;
use crate::time::viewer_local;

/// `/{lang}/dashboard/audit?network=…`.
#[component]
pub fn AuditPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let query = use_query_map();
    let network = Memo::new(move |_| session.chosen_network(query.read().get("network")));
    Effect::new(move |_| session.network.set(network.get()));
    let url = Signal::derive(move || {
        format!(
            "/api/dashboard/networks/{}/audit?lang={}",
            encode(&network.get().unwrap_or_default()),
            i18n.lang.get()
        )
    });
    let show = move |answer| -> Result<AnyView, ApiError> {
        let lines: Vec<AuditLine> = api::typed(answer)?;
        if lines.is_empty() {
            return Ok(view! { <p class="none">{i18n.t("dash-audit-empty")}</p> }.into_any());
        }
        Ok(view! {
            <ol class="audit" role="list">
                {lines.into_iter().map(|line| view! { <AuditEntry line/> }).collect_view()}
            </ol>
        }
        .into_any())
    };
    view! {
        <article class="dashboard" aria-labelledby="audit-title">
            <h1 id="audit-title">{i18n.text("dash-audit")}</h1>
            <p class="lead">{i18n.text("dash-audit-lead")}</p>
            {move || match network.get() {
                None => view! { <p class="none">{i18n.t("dash-no-network")}</p> }.into_any(),
                Some(_) => view! { <Fetched url show=Arc::new(show)/> }.into_any(),
            }}
        </article>
    }
}

/// The names of the fields a change touched (`{"title": {"before": …, "after": …}}`).
fn changed_fields(changes: &str) -> Vec<String> {
    js_sys::JSON::parse(changes)
        .ok()
        .filter(|v| v.is_object())
        .map(|v| {
            js_sys::Object::keys(&v.into())
                .iter()
                .filter_map(|k| k.as_string())
                .collect()
        })
        .unwrap_or_default()
}

#[component]
fn AuditEntry(line: AuditLine) -> impl IntoView {
    let i18n = use_i18n();
    let when = i18n.with(|m| format_datetime(viewer_local(line.at), m));
    let who = line
        .by
        .clone()
        .unwrap_or_else(|| i18n.t("dash-audit-relais"));
    let fields = changed_fields(&line.changes);
    let what = i18n.with(|m| {
        m.format(
            "dash-audit-line",
            &[
                ("who", who.into()),
                ("action", line.action.clone().into()),
                ("entity", line.entity.clone().into()),
                ("id", line.entity_id.clone().into()),
            ],
        )
    });
    view! {
        <li class="card">
            <p><time datetime=line.at.to_rfc3339()>{when}</time></p>
            <p>{what}</p>
            {(!fields.is_empty()).then(|| view! {
                <p class="hint">{i18n.with(|m| m.format("dash-audit-fields", &[("fields", fields.join(", ").into())]))}</p>
            })}
        </li>
    }
}
