//! The private manage link: where a registration stands, the meeting details while it holds
//! a place, its sessions on the registrant's clock (with the edition's calendar link), and
//! what they can do: change the language or zone of their messages, cancel, delete their data.
//! While it holds a place, the library's resources linked to the edition (a meeting's summary
//! sheet) are listed, each read through the link (`/{lang}/manage/{token}/library/{id}`).

use std::sync::Arc;

use gloo_net::http::Method;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_params_map;
use relais_domain::registration::{ManagedRegistration, RegistrationUpdate, Transition};
use relais_domain::schedule::format_datetime;

use crate::api::{self, ApiError};
use crate::edition::EditionView;
use crate::form::{focus, FormState, LanguageField, Submit, Summary, Values, ZoneField};
use crate::i18n::use_i18n;
use crate::layout::{Fetched, Localized, Prose};
use crate::library::{ResourceCard, ThroughLink};
use crate::time::{viewer_local, ReaderZone};

#[component]
pub fn ManagePage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let token = Memo::new(move |_| params.read().get("token").unwrap_or_default());
    let url = Signal::derive(move || api::manage_url(i18n.lang.get(), &token.get(), ""));
    let show = move |answer| -> Result<AnyView, ApiError> {
        let registration: ManagedRegistration = api::typed(answer)?;
        let token = token.get_untracked();
        Ok(view! { <ManageView registration token/> }.into_any())
    };
    view! { <Fetched url show=Arc::new(show)/> }
}

/// What an action on the registration came to.
#[derive(Clone, PartialEq)]
enum Done {
    Nothing,
    Saved,
    Confirmed,
    Cancelled,
    Deleted,
}

/// Which question is being asked before an action that cannot be undone.
#[derive(Clone, Copy, PartialEq, Default)]
enum Confirming {
    #[default]
    Nothing,
    Cancel,
    Delete,
}

#[component]
fn ManageView(registration: ManagedRegistration, token: String) -> impl IntoView {
    let i18n = use_i18n();
    let current = RwSignal::new(registration);
    let done = RwSignal::new(Done::Nothing);
    let confirming = RwSignal::new(Confirming::Nothing);
    let state = FormState::new();
    let token = StoredValue::new(token);

    // Sends a change; the answer is the registration as it now stands.
    let act = move |method: Method, action: &'static str, body: Option<String>, then: Done| {
        let url = api::manage_url(i18n.lang.get_untracked(), &token.get_value(), action);
        state.sending.set(true);
        spawn_local(async move {
            let answer = api::send(method, &url, body, &[]).await;
            state.sending.set(false);
            confirming.set(Confirming::Nothing);
            let outcome = match (&then, answer) {
                (Done::Deleted, Ok(_)) => Ok(None),
                (_, Ok(value)) => api::typed::<ManagedRegistration>(value).map(Some),
                (_, Err(error)) => Err(error),
            };
            match outcome {
                Ok(updated) => {
                    state.clear();
                    if let Some(updated) = updated {
                        current.set(updated);
                    }
                    done.set(then);
                    focus("manage-done");
                }
                Err(error) => state.failed(error),
            }
        });
    };

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(values) = Values::of(&ev) else {
            return;
        };
        let update = RegistrationUpdate {
            lang: values.text("lang"),
            zone: values.text("zone"),
        };
        act(
            Method::PATCH,
            "",
            Some(api::json_text(&update)),
            Done::Saved,
        );
    };

    let done_message = move || match done.get() {
        Done::Nothing => None,
        Done::Saved => Some(i18n.t("manage-saved")),
        Done::Confirmed => Some(i18n.t("manage-confirmed")),
        Done::Cancelled => Some(i18n.t("manage-cancelled")),
        Done::Deleted => Some(i18n.t("manage-deleted")),
    };

    let page = move || {
        if done.get() == Done::Deleted {
            return ().into_any();
        }
        let r = current.get();
        let active = Transition::may_cancel(r.status);
        // Sessions on the registrant's own clock, named as theirs.
        let zone = ReaderZone {
            zone: RwSignal::new(r.zone.clone()),
            picked: RwSignal::new(true),
        };
        provide_context(zone);
        let status = i18n.with(|m| {
            m.format(
                &format!("manage-status-{}", r.status.as_str()),
                &[("position", r.waitlist_position.unwrap_or(0).into())],
            )
        });
        let private = r.private_details.clone().map(|text| {
            view! {
                <section class="private" aria-labelledby="private-title">
                    <h2 id="private-title">{i18n.t("manage-private")}</h2>
                    <Prose text/>
                </section>
            }
        });
        let resources = (!r.resources.is_empty()).then(|| {
            let cards = r
                .resources
                .iter()
                .cloned()
                .map(|found| {
                    let href = format!(
                        "/{}/manage/{}/library/{}",
                        i18n.code(),
                        token.get_value(),
                        found.id
                    );
                    view! { <ResourceCard found href/> }
                })
                .collect_view();
            view! {
                <section class="library-results" aria-labelledby="manage-resources-title">
                    <h2 id="manage-resources-title">{i18n.t("manage-resources")}</h2>
                    <ul class="cards" role="list">{cards}</ul>
                </section>
            }
        });
        let preferences = active.then(|| {
            view! {
                <section aria-labelledby="preferences-title">
                    <h2 id="preferences-title">{i18n.t("manage-preferences")}</h2>
                    <form class="preferences" on:submit=save novalidate>
                        <LanguageField value=r.lang.code().to_owned() state/>
                        <ZoneField value=r.zone.clone() state/>
                        <Submit label=i18n.t("manage-save") state/>
                    </form>
                </section>
            }
        });
        // A place kept until they confirm it: the button says so, first.
        let confirm = Transition::ConfirmPlace.rule().from.contains(&r.status).then(|| {
            view! {
                <p>
                    <button type="button" class="button primary" disabled=move || state.sending.get()
                        on:click=move |_| act(Method::POST, "/confirm", None, Done::Confirmed)>
                        {i18n.t("manage-confirm")}
                    </button>
                </p>
            }
        });
        let cancel = active.then(|| {
            view! {
                <ConfirmAction
                    asking=Confirming::Cancel
                    confirming
                    state
                    label="manage-cancel"
                    question="manage-cancel-confirm"
                    yes="manage-cancel-yes"
                    on_yes=Callback::new(move |_| act(Method::POST, "/cancel", None, Done::Cancelled))
                />
            }
        });
        let history = r
            .history
            .iter()
            .map(|h| {
                let when = i18n.with(|m| format_datetime(viewer_local(h.at), m));
                let what = i18n.t(&format!("history-{}", h.kind.as_str()));
                view! { <li><time datetime=h.at.to_rfc3339()>{when}</time> " — " {what}</li> }
            })
            .collect_view();
        view! {
            <p class="kind">{i18n.t("manage-title")}</p>
            <h1 id="manage-title"><Localized text=r.offering_title.clone()/></h1>
            <p class="status" data-status=r.status.as_str()><strong>{status}</strong></p>
            {confirm}
            {private}
            {resources}
            <EditionView edition=r.edition.clone()
                calendar=api::manage_url(i18n.lang.get_untracked(), &token.get_value(), "/calendar.ics")/>
            {preferences}
            <section class="danger" aria-labelledby="actions-title">
                <h2 id="actions-title" class="visually-hidden">{i18n.t("manage-cancel")}</h2>
                {cancel}
                <ConfirmAction
                    asking=Confirming::Delete
                    confirming
                    state
                    label="manage-delete"
                    question="manage-delete-confirm"
                    yes="manage-delete-yes"
                    on_yes=Callback::new(move |_| act(Method::DELETE, "", None, Done::Deleted))
                />
            </section>
            <section aria-labelledby="history-title">
                <h2 id="history-title">{i18n.t("manage-history")}</h2>
                <ol class="history">{history}</ol>
            </section>
        }
        .into_any()
    };
    view! {
        <article class="manage" aria-labelledby="manage-title">
            <Summary state/>
            <p id="manage-done" class="done" role="status" tabindex="-1" hidden=move || done.get() == Done::Nothing>
                {done_message}
            </p>
            {page}
        </article>
    }
}

/// A button for an action that cannot be undone, which first asks `question`, with "yes" and
/// "no" (`keep`). `confirming` says which of a page's actions is asking, `T::default()` none.
#[component]
pub fn ConfirmAction<T>(
    asking: T,
    confirming: RwSignal<T>,
    state: FormState,
    label: &'static str,
    question: &'static str,
    yes: &'static str,
    #[prop(default = "manage-keep")] keep: &'static str,
    on_yes: Callback<()>,
) -> impl IntoView
where
    T: Copy + PartialEq + Default + Send + Sync + 'static,
{
    let i18n = use_i18n();
    let open = move || confirming.get() == asking;
    view! {
        <div class="confirm">
            <Show
                when=open
                fallback=move || {
                    view! {
                        <button type="button" class="button danger"
                            on:click=move |_| {
                                confirming.set(asking);
                                focus("confirm-question");
                            }>
                            {i18n.t(label)}
                        </button>
                    }
                }
            >
                <div class="confirm-box" role="group" aria-labelledby="confirm-question">
                    <p id="confirm-question" tabindex="-1">{i18n.t(question)}</p>
                    <button type="button" class="button danger" disabled=move || state.sending.get()
                        on:click=move |_| on_yes.run(())>
                        {move || if state.sending.get() { i18n.t("form-sending") } else { i18n.t(yes) }}
                    </button>
                    " "
                    <button type="button" class="button" on:click=move |_| confirming.set(T::default())>
                        {i18n.t(keep)}
                    </button>
                </div>
            </Show>
        </div>
    }
}

/// `/{lang}/manage/{token}/library/{id}`: a resource of their edition, read through the link.
#[component]
pub fn ManageResourcePage() -> impl IntoView {
    view! { <ThroughLink page="manage" api_url=api::manage_url back_label="manage-back"/> }
}
