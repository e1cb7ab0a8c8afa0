//! The top of a network's desk: what waits for its coordinators — applications to decide,
//! this week's sessions on the coordinator's clock, editions whose translations are not
//! complete, messages that failed —, each linking to where it is handled.

use std::sync::Arc;

use chrono::TimeDelta;
use leptos::prelude::*;
use relais_domain::announcement::DeskSummary;
use relais_domain::authoring::PublicationState;
use relais_domain::dashboard::{EditionLine, NetworkDesk};
use relais_domain::schedule::format_span;

use super::{encode, title_of};
use crate::api::{self, ApiError};
use crate::i18n::{use_i18n, I18n};
use crate::layout::Fetched;
use crate::time::viewer_local;

/// The summary of `desk`'s network (its editions' completeness comes with the desk).
#[component]
pub fn Summary(desk: NetworkDesk) -> impl IntoView {
    let i18n = use_i18n();
    let network = desk.network.id.clone();
    let path = format!("/api/dashboard/networks/{}/summary", encode(&network));
    let url = Signal::derive(move || format!("{path}?lang={}", i18n.lang.get()));
    let incomplete: Vec<EditionLine> = desk
        .offerings
        .iter()
        .flat_map(|o| o.editions.iter())
        .filter(|e| e.state != PublicationState::Archived && !e.completeness.is_complete())
        .cloned()
        .collect();
    let incomplete = StoredValue::new(incomplete);
    let network = StoredValue::new(network);
    let show = move |answer| -> Result<AnyView, ApiError> {
        let summary: DeskSummary = api::typed(answer)?;
        Ok(view! {
            <div class="summary-grid">
                {applications(i18n, &summary)}
                {sessions(i18n, &summary)}
                {translations(i18n, &incomplete.get_value())}
                {failed(i18n, &summary, &network.get_value())}
            </div>
        }
        .into_any())
    };
    view! {
        <section class="desk-summary" aria-labelledby="summary-title">
            <h2 id="summary-title">{i18n.text("dash-summary")}</h2>
            <Fetched url show=Arc::new(show)/>
        </section>
    }
}

pub fn now() -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default()
}

fn card(id: &'static str, title: String, body: AnyView) -> AnyView {
    view! {
        <section class="card summary-card" aria-labelledby=id>
            <h3 id=id>{title}</h3>
            {body}
        </section>
    }
    .into_any()
}

fn none(text: String) -> AnyView {
    view! { <p class="none">{text}</p> }.into_any()
}

fn applications(i18n: I18n, summary: &DeskSummary) -> AnyView {
    let body = if summary.applications.is_empty() {
        none(i18n.t("dash-summary-no-applications"))
    } else {
        view! {
            <ul role="list">
                {summary.applications.iter().map(|a| {
                    let href = format!("/{}/coordinator?edition={}", i18n.code(), encode(&a.edition_id));
                    let count = i18n.with(|m| m.format("dash-summary-applications-count", &[("count", a.waiting.into())]));
                    view! {
                        <li><a href=href rel="external">{title_of(i18n, &a.offering_title)}</a> " — " {count}</li>
                    }
                }).collect_view()}
            </ul>
        }
        .into_any()
    };
    card(
        "summary-applications",
        i18n.t("dash-summary-applications"),
        body,
    )
}

/// Sessions from today to six days on, on the reader's clock.
fn sessions(i18n: I18n, summary: &DeskSummary) -> AnyView {
    let today = viewer_local(now()).date();
    let last = today + TimeDelta::days(6);
    let week: Vec<_> = summary
        .sessions
        .iter()
        .filter(|s| {
            let day = viewer_local(s.starts_at).date();
            day >= today && day <= last
        })
        .collect();
    let body = if week.is_empty() {
        none(i18n.t("dash-summary-no-sessions"))
    } else {
        view! {
            <ul role="list">
                {week.into_iter().map(|s| {
                    let href = format!("/{}/dashboard/editions/{}", i18n.code(), encode(&s.edition_id));
                    let span = i18n.with(|m| format_span(viewer_local(s.starts_at), viewer_local(s.ends_at), m));
                    view! {
                        <li>
                            <time datetime=s.starts_at.to_rfc3339()>{span}</time> " — "
                            <a href=href>{title_of(i18n, &s.offering_title)}</a>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <p class="hint">{i18n.t("dash-summary-your-clock")}</p>
        }
        .into_any()
    };
    card("summary-sessions", i18n.t("dash-summary-sessions"), body)
}

fn translations(i18n: I18n, incomplete: &[EditionLine]) -> AnyView {
    let body = if incomplete.is_empty() {
        none(i18n.t("dash-summary-no-translations"))
    } else {
        view! {
            <ul role="list">
                {incomplete.iter().map(|e| {
                    let href = format!("/{}/dashboard/editions/{}", i18n.code(), encode(&e.id));
                    let name = if e.title.is_empty() { view! { {i18n.t("dash-edition")} }.into_any() } else { title_of(i18n, &e.title) };
                    let meter = i18n.with(|m| m.format("dash-completeness", &[("filled", e.completeness.filled.into()), ("required", e.completeness.required.into())]));
                    view! { <li><a href=href>{name}</a> " — " {meter}</li> }
                }).collect_view()}
            </ul>
        }
        .into_any()
    };
    card(
        "summary-translations",
        i18n.t("dash-summary-translations"),
        body,
    )
}

fn failed(i18n: I18n, summary: &DeskSummary, network: &str) -> AnyView {
    let href = format!(
        "/{}/dashboard/outbox?network={}",
        i18n.code(),
        encode(network)
    );
    let body = if summary.failed_messages == 0 {
        view! {
            <p class="none">{i18n.t("dash-summary-no-failed")}</p>
            <p><a href=href>{i18n.t("dash-outbox-follow")}</a></p>
        }
        .into_any()
    } else {
        let count = i18n.with(|m| {
            m.format(
                "dash-summary-failed-count",
                &[("count", summary.failed_messages.into())],
            )
        });
        view! { <p><a href=href>{count}</a></p> }.into_any()
    };
    card("summary-failed", i18n.t("dash-summary-failed"), body)
}
