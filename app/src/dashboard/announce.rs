//! Writing to the people of an edition: one message in every interface language side by side,
//! the recipients chosen (everyone still registered, those with a place, those waiting, and
//! only the list the people page's filter kept when it was opened from there) with how many
//! they are now, the sessions' times offered (each person reads them on their own
//! clock), a last look before sending, and where to follow the messages after.
//!
//! The message keeps one random key until it is sent, so a double click or a second try
//! sends it once (the API answers the same announcement again).

use std::sync::Arc;

use gloo_net::http::Method;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_params_map;
use relais_domain::announcement::{AnnouncementDraft, AnnouncementSent, Audience, Recipients};
use relais_domain::dashboard::AuthoredEdition;
use relais_domain::Lang;

use super::bilingual::{set_text, Bilingual};
use super::people::{described, filter_in_address, query_of};
use super::{encode, failed, new_key, read, title_of, use_session, Problems};
use crate::api::{self, ApiError};
use crate::form::{focus, FormState};
use crate::i18n::use_i18n;
use crate::layout::Fetched;

const SUMMARY: &str = "message-summary";

/// `/{lang}/dashboard/editions/{id}/message`.
#[component]
pub fn MessagePage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let url = Signal::derive(move || {
        let id = params.read().get("id").unwrap_or_default();
        format!(
            "/api/dashboard/editions/{}?lang={}",
            encode(&id),
            i18n.lang.get()
        )
    });
    let show = move |answer| -> Result<AnyView, ApiError> {
        let authored: AuthoredEdition = api::typed(answer)?;
        Ok(view! { <MessageForm authored/> }.into_any())
    };
    view! { <Fetched url show=Arc::new(show)/> }
}

#[component]
fn MessageForm(authored: AuthoredEdition) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    session.network.set(Some(authored.network_id.clone()));
    let edition = StoredValue::new(authored.id.clone());
    let network = StoredValue::new(authored.network_id.clone());
    let state = FormState::new();
    // Opened from a filtered list of the people page: to that list, unless unticked.
    let listed = filter_in_address().get_untracked();
    let draft = RwSignal::new(AnnouncementDraft {
        audience: Some(Audience::Active),
        filter: listed.clone(),
        key: Some(new_key()),
        ..AnnouncementDraft::default()
    });
    let audience = Memo::new(move |_| draft.with(|d| d.audience.unwrap_or_default()));
    let confirming = RwSignal::new(false);
    let sent = RwSignal::new(None::<AnnouncementSent>);
    // How many the chosen recipients are now.
    let count = LocalResource::new(move || {
        let url = format!(
            "/api/dashboard/editions/{}/recipients?audience={}&lang={}{}",
            encode(&edition.get_value()),
            audience.get().as_str(),
            i18n.lang.get(),
            draft.with(|d| query_of(&d.filter))
        );
        async move { read::<Recipients>(api::fetch(url).await).ok() }
    });
    let recipients = move || count.get().flatten().map(|r| r.recipients);
    let count_text = move || match recipients() {
        None => i18n.t("dash-message-counting"),
        Some(n) => i18n.with(|m| m.format("dash-message-count", &[("count", n.into())])),
    };
    let text_input = move |field: &'static str| {
        Callback::new(move |(lang, value): (Lang, String)| {
            draft.update(|d| {
                let text = if field == "subject" {
                    &mut d.subject
                } else {
                    &mut d.body
                };
                set_text(text, lang, value);
            });
            confirming.set(false);
        })
    };
    let review = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        state.clear();
        confirming.set(true);
        focus("message-confirm");
    };
    let send = move |_| {
        let lang = i18n.lang.get_untracked();
        let path = format!(
            "/api/dashboard/editions/{}/announcements",
            encode(&edition.get_value())
        );
        let body = api::json_text(&draft.get_untracked());
        state.sending.set(true);
        spawn_local(async move {
            let answer = session.send(Method::POST, &path, Some(body), lang).await;
            state.sending.set(false);
            confirming.set(false);
            match read::<AnnouncementSent>(answer) {
                Ok(done) => {
                    sent.set(Some(done));
                    // The next message is another one.
                    draft.update(|d| d.key = Some(new_key()));
                    count.refetch();
                    focus("message-sent");
                }
                Err(error) => failed(i18n, state, "", SUMMARY, error),
            }
        });
    };
    let back = format!(
        "/{}/dashboard/editions/{}",
        i18n.code(),
        encode(&authored.id)
    );
    let outbox = move || {
        format!(
            "/{}/dashboard/outbox?network={}",
            i18n.code(),
            encode(&network.get_value())
        )
    };
    let about = if authored.draft.title.is_empty() {
        view! { {i18n.t("dash-edition")} }.into_any()
    } else {
        title_of(i18n, &authored.draft.title)
    };
    let audience_error = Signal::derive(move || state.error("audience"));
    let narrowed = (!listed.is_empty()).then(|| {
        let words = i18n.with(|m| {
            m.format(
                "dash-message-filtered",
                &[("filter", described(i18n, &listed).into())],
            )
        });
        let listed = StoredValue::new(listed);
        let keep = move |ev| {
            let kept = event_target_checked(&ev);
            draft.update(|d| d.filter = if kept { listed.get_value() } else { Default::default() });
            confirming.set(false);
        };
        view! {
            <p class="check">
                <input type="checkbox" id="f-filter" prop:checked=move || draft.with(|d| !d.filter.is_empty())
                    on:change=keep/>
                <label for="f-filter">{words}</label>
            </p>
        }
    });
    let options = Audience::ALL
        .into_iter()
        .map(|a| {
            let id = format!("audience-{}", a.as_str());
            let label = i18n.t(&format!("dash-audience-{}", a.as_str()));
            let pick = move |_| {
                draft.update(|d| d.audience = Some(a));
                confirming.set(false);
            };
            view! {
                <p class="check">
                    <input type="radio" name="audience" id=id.clone() value=a.as_str()
                        prop:checked=move || audience.get() == a on:change=pick/>
                    <label for=id>{label}</label>
                </p>
            }
        })
        .collect_view();
    view! {
        <article class="dashboard editor message" aria-labelledby="message-title">
            <p class="back"><a href=back>{i18n.text("dash-back-edition")}</a></p>
            <h1 id="message-title">{i18n.text("dash-message-title")}</h1>
            <p class="lead">{i18n.text("dash-message-lead")} " " {about}</p>
            <p id="message-sent" class="notice" role="status" tabindex="-1" hidden=move || sent.with(Option::is_none)>
                {move || sent.get().map(|s| i18n.with(|m| m.format("dash-message-sent", &[("count", s.recipients.into())])))}
                " " <a href=outbox>{i18n.text("dash-outbox-follow")}</a>
            </p>
            <form class="dash-form" novalidate on:submit=review>
                <Problems state id=SUMMARY/>
                <fieldset id="f-audience" tabindex="-1" aria-describedby="f-audience-count"
                    aria-invalid=move || audience_error.with(Option::is_some).then_some("true")>
                    <legend>{i18n.text("dash-message-recipients")}</legend>
                    {options}
                    {narrowed}
                    <p id="f-audience-count" class="count" aria-live="polite">{count_text}</p>
                    <p class="field-error" id="f-audience-error" hidden=move || audience_error.with(Option::is_none)>
                        {move || audience_error.get()}
                    </p>
                </fieldset>
                <fieldset>
                    <legend>{i18n.text("dash-message-texts")}</legend>
                    <p class="hint">{i18n.text("dash-message-texts-hint")}</p>
                    <Bilingual name="subject".into() label=i18n.t("dash-message-subject")
                        text=Signal::derive(move || draft.with(|d| d.subject.clone()))
                        on_input=text_input("subject") state/>
                    <Bilingual name="body".into() label=i18n.t("dash-message-body") multiline=true
                        text=Signal::derive(move || draft.with(|d| d.body.clone()))
                        on_input=text_input("body") state/>
                </fieldset>
                <p class="same">
                    <input type="checkbox" id="f-include_sessions" aria-describedby="f-include_sessions-hint"
                        prop:checked=move || draft.with(|d| d.include_sessions)
                        on:change=move |ev| draft.update(|d| d.include_sessions = event_target_checked(&ev))/>
                    <label for="f-include_sessions">{i18n.text("dash-message-sessions")}</label>
                </p>
                <p class="hint" id="f-include_sessions-hint">{i18n.text("dash-message-sessions-hint")}</p>
                <p class="actions" hidden=move || confirming.get()>
                    <button type="submit" class="button primary">{i18n.text("dash-message-review")}</button>
                </p>
                <section id="message-confirm" class="confirm card" tabindex="-1" aria-labelledby="message-confirm-title"
                    hidden=move || !confirming.get()>
                    <h2 id="message-confirm-title">{i18n.text("dash-message-confirm-title")}</h2>
                    <p>{move || match recipients() {
                        Some(n) => i18n.with(|m| m.format("dash-message-confirm", &[("count", n.into())])),
                        None => i18n.t("dash-message-counting"),
                    }}</p>
                    <p class="actions">
                        <button type="button" class="button primary" disabled=move || state.sending.get() on:click=send>
                            {i18n.text("dash-message-send")}
                        </button>
                        <button type="button" class="button secondary" on:click=move |_| confirming.set(false)>
                            {i18n.text("dash-message-edit")}
                        </button>
                    </p>
                </section>
            </form>
        </article>
    }
}
