//! A network's news, for its coordinators: a short digest of its coming activities sent to the
//! people who asked to hear its new dates and confirmed. The page shows whom it would reach
//! and what it would list now (`DigestPreview`), takes a note written in every interface
//! language or in none, asks for a last look, and says how many messages are on their way
//! and when the last goes: the API queues them a round at a time
//! (`relais_domain::news::DIGEST_PER_ROUND` every `DIGEST_ROUND_MINUTES`).
//!
//! As a message to an edition's people (`announce`), the digest keeps one random key until it
//! is sent, so a double click or a second try sends it once.

use std::sync::Arc;

use gloo_net::http::Method;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_query_map;
use relais_domain::news::{
    DigestPreview, DigestQueued, DigestRequest, DIGEST_PER_ROUND, DIGEST_ROUND_MINUTES,
};
use relais_domain::Lang;

use super::bilingual::{set_text, Bilingual};
use super::{encode, failed, new_key, read, use_session, Problems};
use crate::api::{self, ApiError};
use crate::form::{focus, FormState};
use crate::i18n::use_i18n;
use crate::layout::Fetched;

const SUMMARY: &str = "digest-summary";

/// `/{lang}/dashboard/news?network=…`.
#[component]
pub fn DigestPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let query = use_query_map();
    let network = Memo::new(move |_| session.chosen_network(query.read().get("network")));
    Effect::new(move |_| session.network.set(network.get()));
    let url = Signal::derive(move || {
        format!(
            "/api/dashboard/networks/{}/digest?lang={}",
            encode(&network.get().unwrap_or_default()),
            i18n.lang.get()
        )
    });
    let show = move |answer| -> Result<AnyView, ApiError> {
        let preview: DigestPreview = api::typed(answer)?;
        let network = network.get_untracked().unwrap_or_default();
        Ok(view! { <DigestForm preview network/> }.into_any())
    };
    let lead = move || {
        i18n.with(|m| {
            m.format(
                "dash-news-lead",
                &[
                    ("per_round", DIGEST_PER_ROUND.into()),
                    ("minutes", DIGEST_ROUND_MINUTES.into()),
                ],
            )
        })
    };
    view! {
        <article class="dashboard editor message digest" aria-labelledby="digest-title">
            <h1 id="digest-title">{i18n.text("dash-news-title")}</h1>
            <p class="lead">{lead}</p>
            {move || match network.get() {
                None => view! { <p class="none">{i18n.t("dash-no-network")}</p> }.into_any(),
                Some(_) => view! { <Fetched url show=Arc::new(show)/> }.into_any(),
            }}
        </article>
    }
}

/// What the digest would reach and list, its note, the last look and the answer.
#[component]
fn DigestForm(preview: DigestPreview, network: String) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let state = FormState::new();
    let draft = RwSignal::new(DigestRequest {
        key: Some(new_key()),
        ..DigestRequest::default()
    });
    let confirming = RwSignal::new(false);
    let sent = RwSignal::new(None::<DigestQueued>);
    let followers = preview.followers;
    let name = session
        .networks()
        .into_iter()
        .find(|(id, _)| *id == network)
        .map(|(_, name)| name)
        .unwrap_or_else(|| network.clone());
    let path = StoredValue::new(format!(
        "/api/dashboard/networks/{}/digest",
        encode(&network)
    ));
    let follow_page = format!("/{}/follow?network={}", i18n.code(), encode(&network));

    let reach =
        move || i18n.with(|m| m.format("dash-news-followers", &[("count", followers.into())]));
    let coming = if preview.coming.is_empty() {
        view! { <p class="none">{i18n.t("dash-news-nothing-coming")}</p> }.into_any()
    } else {
        let items = preview
            .coming
            .iter()
            .map(|title| view! { <li>{title.clone()}</li> })
            .collect_view();
        view! { <ul class="coming">{items}</ul> }.into_any()
    };
    let can_send = followers > 0 && !preview.coming.is_empty();

    let note_input = Callback::new(move |(lang, value): (Lang, String)| {
        draft.update(|d| set_text(&mut d.note, lang, value));
        confirming.set(false);
    });
    let review = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        state.clear();
        confirming.set(true);
        focus("digest-confirm");
    };
    let send = move |_| {
        if state.sending.get_untracked() {
            return;
        }
        let lang = i18n.lang.get_untracked();
        let body = api::json_text(&draft.get_untracked());
        state.sending.set(true);
        spawn_local(async move {
            let answer = session
                .send(Method::POST, &path.get_value(), Some(body), lang)
                .await;
            state.sending.set(false);
            confirming.set(false);
            match read::<DigestQueued>(answer) {
                Ok(done) => {
                    sent.set(Some(done));
                    // The next digest is another one.
                    draft.update(|d| d.key = Some(new_key()));
                    focus("digest-sent");
                }
                Err(error) => failed(i18n, state, "", SUMMARY, error),
            }
        });
    };
    let answer = move || {
        sent.get().map(|s| {
            let queued = i18n.with(|m| m.format("dash-news-queued", &[("count", s.queued.into())]));
            if s.last_in_minutes == 0 {
                queued
            } else {
                let rounds = i18n.with(|m| {
                    m.format(
                        "dash-news-queued-rounds",
                        &[("minutes", s.last_in_minutes.into())],
                    )
                });
                format!("{queued} {rounds}")
            }
        })
    };

    let form = can_send.then(|| {
        view! {
            <form class="dash-form" novalidate on:submit=review>
                <Problems state id=SUMMARY/>
                <fieldset>
                    <legend>{i18n.text("dash-news-note")}</legend>
                    <Bilingual name="note".into() label=i18n.t("dash-news-note-label") multiline=true
                        hint=i18n.t("dash-news-note-hint")
                        text=Signal::derive(move || draft.with(|d| d.note.clone()))
                        on_input=note_input state/>
                </fieldset>
                <p class="actions" hidden=move || confirming.get()>
                    <button type="submit" class="button primary">{i18n.text("dash-news-review")}</button>
                </p>
                <section id="digest-confirm" class="confirm card" tabindex="-1" aria-labelledby="digest-confirm-title"
                    hidden=move || !confirming.get()>
                    <h2 id="digest-confirm-title">
                        {move || i18n.with(|m| m.format("dash-news-confirm-title", &[("count", followers.into())]))}
                    </h2>
                    <p>{i18n.text("dash-news-confirm")}</p>
                    <p class="actions">
                        <button type="button" class="button primary" disabled=move || state.sending.get() on:click=send>
                            {i18n.text("dash-news-send")}
                        </button>
                        <button type="button" class="button secondary" on:click=move |_| confirming.set(false)>
                            {i18n.text("dash-news-edit")}
                        </button>
                    </p>
                </section>
            </form>
        }
    });
    view! {
        <p id="digest-sent" class="notice" role="status" tabindex="-1" hidden=move || sent.with(Option::is_none)>
            {answer}
        </p>
        <section aria-labelledby="digest-network">
            <h2 id="digest-network" class="network-name">{name}</h2>
            <p class="count">{reach}</p>
            <p class="hint">
                {i18n.text("dash-news-follow-hint")} " "
                <a href=follow_page rel="external">{i18n.text("dash-news-follow-page")}</a>
            </p>
            <h3>{i18n.text("dash-news-coming")}</h3>
            {coming}
        </section>
        {form}
    }
}
