//! News of what is coming, in the forms build: `/{lang}/follow?offering=…` (or `?network=…`),
//! asking to be told of an offering's next dates or a network's new ones — the address, the
//! language and clock of the messages, and consent to this purpose —, answered alike for any
//! address; and `/{lang}/follow/{token}`, the emailed link: confirming (nothing is sent
//! before), or stopping, which the link in every message does in one step (`?stop`).

use std::sync::Arc;

use gloo_net::http::Method;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_params_map, use_query_map};
use relais_domain::news::{FollowReceived, FollowRequest, FollowView, Purpose};
use relais_domain::Text;
use serde::Deserialize;

use crate::api::{self, ApiError};
use crate::form::{
    focus, Control, Field, FormState, LanguageField, LinkOnItsWay, RobotTrap, Submit, Summary,
    Values, ZoneField,
};
use crate::i18n::use_i18n;
use crate::layout::Fetched;
use crate::registration::ConsentField;
use crate::time::use_reader_zone;

/// What is followed, as its public page names it: an offering's title (`OfferingDetail`'s
/// `offering.title`) or a network's name (`Profile`'s `name`); the rest is not read.
#[derive(Deserialize)]
struct Named {
    #[serde(default)]
    offering: Option<Titled>,
    #[serde(default)]
    name: Option<String>,
}

#[derive(Deserialize)]
struct Titled {
    title: Text,
}

/// `/{lang}/follow?offering=…` or `?network=…`.
#[component]
pub fn FollowPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let subject = Memo::new(move |_| {
        let q = query.read();
        match (q.get("offering"), q.get("network")) {
            (Some(o), _) if !o.is_empty() => (Purpose::OfferingDates, o),
            (_, Some(n)) => (Purpose::NetworkNews, n),
            _ => (Purpose::OfferingDates, String::new()),
        }
    });
    let url = Signal::derive(move || {
        let (purpose, id) = subject.get();
        let kind = match purpose {
            Purpose::OfferingDates => "offerings",
            Purpose::NetworkNews => "networks",
        };
        format!("/api/{kind}/{}?lang={}", api::encode(&id), i18n.lang.get())
    });
    let show = move |answer| -> Result<AnyView, ApiError> {
        let named: Named = api::typed(answer)?;
        let name = named
            .offering
            .map(|o| o.title.text)
            .or(named.name)
            .unwrap_or_default();
        let (purpose, id) = subject.get_untracked();
        Ok(view! { <FollowForm purpose id name/> }.into_any())
    };
    view! { <Fetched url show=Arc::new(show)/> }
}

#[component]
fn FollowForm(purpose: Purpose, id: String, name: String) -> impl IntoView {
    let i18n = use_i18n();
    let t = move |id: &str| i18n.t(id);
    let state = FormState::new();
    let reader = use_reader_zone();
    let sent_to = RwSignal::new(None::<String>);
    let which = purpose.as_str().replace('_', "-");
    let named = [("subject", name.clone().into())];
    let title = i18n.with(|m| m.format(&format!("follow-title-{which}"), &named));
    let lead = i18n.with(|m| m.format(&format!("follow-lead-{which}"), &named));
    let back = match purpose {
        Purpose::OfferingDates => format!("/{}/offerings/{id}", i18n.code()),
        Purpose::NetworkNews => format!("/{}/networks/{id}", i18n.code()),
    };
    let subject = StoredValue::new(id);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if state.sending.get_untracked() {
            return;
        }
        let Some(values) = Values::of(&ev) else {
            return;
        };
        let id = Some(subject.get_value());
        let request = FollowRequest {
            email: values.text("email"),
            lang: values.text("lang"),
            zone: values.text("zone"),
            offering: id.clone().filter(|_| purpose == Purpose::OfferingDates),
            network: id.filter(|_| purpose == Purpose::NetworkNews),
            consent: values.checked("consent"),
            website: values.text("website"),
        };
        let email = request.email.clone().unwrap_or_default();
        let url = format!("/api/follows?lang={}", i18n.lang.get_untracked());
        state.sending.set(true);
        spawn_local(async move {
            let sent = api::send(Method::POST, &url, Some(api::json_text(&request)), &[]).await;
            state.sending.set(false);
            match sent.and_then(api::typed::<FollowReceived>) {
                Ok(_) => {
                    state.clear();
                    sent_to.set(Some(email));
                    focus("result-title");
                }
                Err(error) => state.failed(error),
            }
        });
    };
    let email = Control::Input {
        kind: "email",
        autocomplete: "email",
        value: String::new(),
    };
    view! {
        <p class="back"><a href=back rel="external">"← " {name}</a></p>
        <article class="register follow" aria-labelledby="follow-title">
            <h1 id="follow-title">{title}</h1>
            <p class="lead">{lead}</p>
            <Show
                when=move || sent_to.with(Option::is_none)
                fallback=move || {
                    let note = i18n.with(|m| {
                        m.format("follow-sent-note", &[("email", sent_to.get().unwrap_or_default().into())])
                    });
                    view! { <LinkOnItsWay title=t("follow-sent") note/> }
                }
            >
                <form class="registration" on:submit=submit novalidate>
                    <Summary state/>
                    <p class="hint">{t("form-required-note")}</p>
                    <Field name="email".into() label=t("form-email") required=true control=email.clone() state/>
                    <LanguageField value=i18n.code().to_owned() state/>
                    <ZoneField value=reader.zone.get_untracked() state/>
                    <ConsentField label=t(&format!("follow-consent-{which}")) state/>
                    <RobotTrap/>
                    <Submit label=t("follow-submit") state/>
                </form>
            </Show>
        </article>
    }
}

/// Where a link stands on this page.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Done {
    Not,
    Confirmed,
    Stopped,
}

/// `/{lang}/follow/{token}`; `?stop` (the link in every message) stops at once.
#[component]
pub fn FollowLinkPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let query = use_query_map();
    let token = Memo::new(move |_| params.read().get("token").unwrap_or_default());
    let url = move |rest: &str| {
        format!(
            "/api/follows/{}{rest}?lang={}",
            api::encode(&token.get_untracked()),
            i18n.lang.get_untracked()
        )
    };
    let stopping = query.read_untracked().get("stop").is_some();
    let state = FormState::new();
    let done = RwSignal::new(Done::Not);
    let stop = move || {
        let url = url("");
        state.sending.set(true);
        spawn_local(async move {
            let answer = api::send(Method::DELETE, &url, None, &[]).await;
            state.sending.set(false);
            match answer {
                Ok(_) => {
                    done.set(Done::Stopped);
                    focus("follow-done");
                }
                Err(error) => state.failed(error),
            }
        });
    };
    if stopping {
        // One click from the message: stopped as the page opens, and said so.
        stop();
    }
    let confirm = move |_| {
        let url = url("/confirm");
        state.sending.set(true);
        spawn_local(async move {
            let answer = api::send(Method::POST, &url, None, &[]).await;
            state.sending.set(false);
            match answer.and_then(api::typed::<FollowView>) {
                Ok(_) => {
                    done.set(Done::Confirmed);
                    focus("follow-done");
                }
                Err(error) => state.failed(error),
            }
        });
    };
    let view_url = Signal::derive(move || {
        format!(
            "/api/follows/{}?lang={}",
            api::encode(&token.get()),
            i18n.lang.get()
        )
    });
    let show = move |answer| -> Result<AnyView, ApiError> {
        let follow: FollowView = api::typed(answer)?;
        let which = follow.purpose.as_str().replace('_', "-");
        let named = [("subject", follow.subject_name.clone().into())];
        let what = i18n.with(|m| m.format(&format!("follow-what-{which}"), &named));
        let confirmed = follow.confirmed_at.is_some();
        Ok(view! {
            <p>{what}</p>
            <p class="hint">{i18n.with(|m| m.format("follow-to", &[("email", follow.email.into())]))}</p>
            <div class="tools">
                {(!confirmed).then(|| view! {
                    <button type="button" class="button primary" on:click=confirm
                        disabled=move || state.sending.get()>{i18n.t("follow-confirm")}</button>
                })}
                <button type="button" class="button secondary" on:click=move |_| stop()
                    disabled=move || state.sending.get()>{i18n.t("follow-stop")}</button>
            </div>
            {confirmed.then(|| view! { <p class="status">{i18n.t("follow-is-confirmed")}</p> })}
        }
        .into_any())
    };
    view! {
        <article class="manage follow" aria-labelledby="follow-title">
            <h1 id="follow-title">{i18n.t("follow-link-title")}</h1>
            <Summary state/>
            <p id="follow-done" class="done" role="status" tabindex="-1" hidden=move || done.get() == Done::Not>
                {move || match done.get() {
                    Done::Confirmed => i18n.t("follow-confirmed"),
                    Done::Stopped => i18n.t("follow-stopped"),
                    Done::Not => String::new(),
                }}
            </p>
            <Show when=move || !stopping && done.get() == Done::Not>
                <Fetched url=view_url show=Arc::new(show)/>
            </Show>
        </article>
    }
}
