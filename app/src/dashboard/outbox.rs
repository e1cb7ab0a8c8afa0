//! A network's messages to its registrants: to whom, about what, when (on the coordinator's
//! clock) and where each stands; a failed one is sent again from here. Private links are
//! never shown: the API does not send them.

use std::sync::Arc;

use gloo_net::http::Method;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_query_map;
use relais_domain::announcement::{Delivery, NetworkMessage};
use relais_domain::schedule::format_datetime;

use super::{encode, read, title_of, use_session};
use crate::api::{self, ApiError};
use crate::i18n::use_i18n;
use crate::layout::Fetched;
use crate::time::viewer_local;

/// `/{lang}/dashboard/outbox?network=…`.
#[component]
pub fn OutboxPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let query = use_query_map();
    let network = Memo::new(move |_| session.chosen_network(query.read().get("network")));
    Effect::new(move |_| session.network.set(network.get()));
    let url = Signal::derive(move || {
        format!(
            "/api/dashboard/networks/{}/outbox?lang={}",
            encode(&network.get().unwrap_or_default()),
            i18n.lang.get()
        )
    });
    let show = move |answer| -> Result<AnyView, ApiError> {
        let messages: Vec<NetworkMessage> = api::typed(answer)?;
        if messages.is_empty() {
            return Ok(view! { <p class="none">{i18n.t("dash-outbox-empty")}</p> }.into_any());
        }
        let network = network.get_untracked().unwrap_or_default();
        Ok(view! {
            <div class="table-scroll" role="region" aria-labelledby="outbox-title" tabindex="0">
                <table class="outbox">
                    <caption class="visually-hidden">{i18n.t("dash-outbox-caption")}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{i18n.t("dash-outbox-when")}</th>
                            <th scope="col">{i18n.t("dash-outbox-to")}</th>
                            <th scope="col">{i18n.t("dash-outbox-about")}</th>
                            <th scope="col">{i18n.t("dash-outbox-subject")}</th>
                            <th scope="col">{i18n.t("dash-outbox-state")}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {messages
                            .into_iter()
                            .map(|message| view! { <MessageRow message network=network.clone()/> })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
        }
        .into_any())
    };
    view! {
        <article class="dashboard" aria-labelledby="outbox-title">
            <h1 id="outbox-title">{i18n.text("dash-outbox")}</h1>
            <p class="lead">{i18n.text("dash-outbox-lead")}</p>
            {move || match network.get() {
                None => view! { <p class="none">{i18n.t("dash-no-network")}</p> }.into_any(),
                Some(_) => view! { <Fetched url show=Arc::new(show)/> }.into_any(),
            }}
        </article>
    }
}

/// An instant on the reader's clock, as a `<time>`.
fn when(i18n: crate::i18n::I18n, at: chrono::DateTime<chrono::Utc>) -> AnyView {
    let text = i18n.with(|m| format_datetime(viewer_local(at), m));
    view! { <time datetime=at.to_rfc3339()>{text}</time> }.into_any()
}

#[component]
fn MessageRow(message: NetworkMessage, network: String) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let delivery = RwSignal::new(message.delivery);
    let problem = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let path = StoredValue::new(format!(
        "/api/dashboard/networks/{}/outbox/{}/retry",
        encode(&network),
        message.id
    ));
    let retry = move |_| {
        let lang = i18n.lang.get_untracked();
        busy.set(true);
        spawn_local(async move {
            let answer = session
                .send(Method::POST, &path.get_value(), None, lang)
                .await;
            busy.set(false);
            match read::<NetworkMessage>(answer) {
                Ok(line) => {
                    problem.set(None);
                    delivery.set(line.delivery);
                }
                Err(ApiError::Refused(p)) => problem.set(Some(p.detail.unwrap_or(p.title))),
                Err(_) => problem.set(Some(i18n.t("dash-offline"))),
            }
        });
    };
    let sent = message.sent_at.map(|at| {
        view! { <br/> <span class="hint">{i18n.t("dash-outbox-sent-at")} " " {when(i18n, at)}</span> }
    });
    let next = message.next_attempt_at.filter(|_| message.delivery == Delivery::Retrying).map(|at| {
        view! { <br/> <span class="hint">{i18n.t("dash-outbox-next-at")} " " {when(i18n, at)}</span> }
    });
    let kind = i18n.t(&format!("dash-outbox-kind-{}", message.kind));
    let subject = message.subject.clone().unwrap_or(kind);
    // A registrant's message is about an edition; an organisation's, about its coaching.
    let about = match (&message.edition_id, &message.offering_title) {
        (Some(id), Some(title)) => {
            let edition = format!("/{}/dashboard/editions/{}", i18n.code(), encode(id));
            view! { <a href=edition>{title_of(i18n, title)}</a> }.into_any()
        }
        _ => {
            let coaching = format!("/{}/dashboard/coaching", i18n.code());
            let name = message.organisation.clone().unwrap_or_default();
            view! { <a href=coaching>{name}</a> }.into_any()
        }
    };
    view! {
        <tr>
            <td>{when(i18n, message.created_at)} {sent}</td>
            <td>{message.to.clone().unwrap_or_else(|| i18n.t("dash-outbox-erased"))}</td>
            <td>{about}</td>
            <td>{subject}</td>
            <td>
                <span class="badge" data-delivery=move || delivery.get().as_str()>
                    {move || i18n.t(&format!("dash-delivery-{}", delivery.get().as_str()))}
                </span>
                {next}
                {move || delivery.get().retryable().then(|| view! {
                    " " <button type="button" class="button secondary" disabled=busy on:click=retry>
                        {i18n.t("dash-outbox-retry")}
                    </button>
                })}
                <p class="field-error" role="alert" hidden=move || problem.with(Option::is_none)>{move || problem.get()}</p>
            </td>
        </tr>
    }
}
