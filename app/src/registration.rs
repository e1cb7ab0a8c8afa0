//! Registering for an edition: the form in the reader's language, and the answer that says
//! plainly where they stand (a place, the waiting list and their position, or an
//! application received), with their private manage link.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_params_map;
use relais_domain::catalog::RegistrationMode;
use relais_domain::registration::offline::{
    pending_for_edition_url, pending_url, PendingRegistration, PendingState,
};
use relais_domain::registration::{
    FormQuestion, FormState as Window, RegistrationAnswer, RegistrationForm, RegistrationRequest,
    Status,
};
use relais_domain::schedule::{format_date, format_time};
use wasm_bindgen::JsCast;

use crate::api::{self, ApiError, Through};
use crate::edition::EditionView;
use crate::form::{
    focus, Control, Field, FormState, LanguageField, LinkOnItsWay, RobotTrap, Submit, Summary,
    Values, ZoneField,
};
use crate::i18n::use_i18n;
use crate::layout::{Fetched, Localized};
use crate::time::{use_reader_zone, viewer_local};

/// `/{lang}/register/{edition}`, and `/{lang}/member/{token}/register/{edition}` through a
/// community member's link (their network's members-only editions too).
#[component]
pub fn RegisterPage() -> impl IntoView {
    register_page(Through::Member)
}

/// `/{lang}/organisations/{token}/register/{edition}`: on behalf of the organisation whose
/// link it is, for an edition whose people register on behalf of one.
#[component]
pub fn OrganisationRegisterPage() -> impl IntoView {
    register_page(Through::Organisation)
}

/// The form of the address's edition, through the link its `token` names (`through`).
fn register_page(through: fn(String) -> Through) -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let edition = Memo::new(move |_| params.read().get("edition").unwrap_or_default());
    let link = Memo::new(move |_| params.read().get("token").map(through));
    let reader = use_reader_zone();
    let url = Signal::derive(move || {
        api::registration_form_url(
            i18n.lang.get(),
            &edition.get(),
            link.get().as_ref(),
            &reader.zone.get(),
        )
    });
    let show = move |answer| -> Result<AnyView, ApiError> {
        let form: RegistrationForm = api::typed(answer)?;
        let through = link.get_untracked();
        Ok(view! { <RegisterView form through/> }.into_any())
    };
    view! { <Fetched url show=Arc::new(show)/> }
}

#[component]
fn RegisterView(form: RegistrationForm, through: Option<Through>) -> impl IntoView {
    let i18n = use_i18n();
    let t = move |id: &str| i18n.t(id);
    let application = form.edition.registration_mode == RegistrationMode::Application;
    let result = RwSignal::new(None::<(RegistrationAnswer, String)>);
    // A registration kept on this device until it can be sent (app/offline/outbox.js).
    let pending = RwSignal::new(None::<PendingRegistration>);
    kept_registration(form.edition.id.clone(), pending, result);
    // Through a member's link, a members-only edition: no public calendar file to offer.
    let members_only = matches!(through, Some(Through::Member(_)));
    // Back where the person came from: the offering's page, their member page or the
    // organisation's.
    let (back, back_label) = match &through {
        Some(Through::Member(token)) => (format!("/{}/member/{token}", i18n.code()), "member-back"),
        Some(Through::Organisation(token)) => (
            format!("/{}/organisations/{token}", i18n.code()),
            "coaching-on-behalf-back",
        ),
        None => (
            format!("/{}/offerings/{}", i18n.code(), form.offering_id),
            "back-to-offering",
        ),
    };
    // An instant on the reader's clock, as "mardi 8 décembre 2026, 18 h 30".
    let on_clock = move |id: &str, instant| {
        let local = viewer_local(instant);
        i18n.with(|m| {
            m.format(
                id,
                &[
                    ("date", format_date(local.date(), m).into()),
                    ("time", format_time(local, m).into()),
                ],
            )
        })
    };
    let places = form.places_left.map(|count| {
        let waiting = (form.waiting > 0).then(|| {
            view! { " " {i18n.with(|m| m.format("form-waiting", &[("count", form.waiting.into())]))} }
        });
        view! {
            <p class="places">
                {i18n.with(|m| m.format("form-places-left", &[("count", count.into())]))}
                {waiting}
            </p>
        }
    });
    let body = match form.state {
        Window::Open => {
            let closes = form.closes_at.map(|c| view! { <p class="closes">{on_clock("form-closes", c)}</p> });
            let questions = form.questions.clone();
            let edition_id = form.edition.id.clone();
            let on_behalf = form.on_behalf;
            let organisation = form.organisation.clone();
            view! {
                {closes}
                {places}
                <p class="note">
                    {t(if application { "form-application-note" } else { "form-commitment" })}
                </p>
                <Show
                    when=move || result.with(Option::is_none) && pending.with(Option::is_none)
                    fallback=move || match result.get() {
                        Some((answer, email)) => view! { <RegistrationResult answer email/> }.into_any(),
                        None => view! { <PendingView pending result/> }.into_any(),
                    }
                >
                    <RegistrationFields
                        edition_id=edition_id.clone()
                        through=through.clone()
                        questions=questions.clone()
                        application
                        on_behalf
                        organisation=organisation.clone()
                        result
                        pending
                    />
                </Show>
            }
            .into_any()
        }
        Window::NotYetOpen => {
            let opens = form.opens_at.map(|o| on_clock("form-not-yet-open", o));
            view! { <p class="closed" role="status">{opens}</p> }.into_any()
        }
        Window::Over => view! { <p class="closed" role="status">{t("form-over")}</p> }.into_any(),
        Window::NotHere => match form.registration_url {
            Some(url) => view! {
                <p class="closed">{t("form-elsewhere")}</p>
                <p><a class="button" href=url rel="external noopener">{t("form-elsewhere-link")}</a></p>
            }
            .into_any(),
            None => view! { <p class="closed">{t("form-none")}</p> }.into_any(),
        },
    };
    view! {
        <p class="back"><a href=back>"← " {t(back_label)}</a></p>
        <article class="register" aria-labelledby="register-title">
            <p class="kind">{t(if application { "apply-title" } else { "register-title" })}</p>
            <h1 id="register-title"><Localized text=form.offering_title/></h1>
            <EditionView edition=form.edition members_only/>
            {body}
        </article>
    }
}

/// A key for this form's sending, kept across retries so that a registration sent twice
/// (a retry after a dropped connection) is made once.
fn idempotency_key() -> String {
    let crypto = js_sys::Reflect::get(&js_sys::global(), &"crypto".into()).ok();
    let uuid = crypto.as_ref().and_then(|c| {
        let f: js_sys::Function = js_sys::Reflect::get(c, &"randomUUID".into())
            .ok()?
            .dyn_into()
            .ok()?;
        f.call0(c).ok()?.as_string()
    });
    uuid.unwrap_or_else(|| format!("{}-{}", js_sys::Date::now(), js_sys::Math::random()))
}

#[component]
fn RegistrationFields(
    edition_id: String,
    through: Option<Through>,
    questions: Vec<FormQuestion>,
    application: bool,
    /// The offering's people register on behalf of an organisation, whose name is required.
    on_behalf: bool,
    /// Through an organisation's link: that organisation, by name, asked of nobody.
    organisation: Option<String>,
    result: RwSignal<Option<(RegistrationAnswer, String)>>,
    pending: RwSignal<Option<PendingRegistration>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let t = move |id: &str| i18n.t(id);
    let state = FormState::new();
    let reader = use_reader_zone();
    let key = idempotency_key();
    let url = api::registrations_url(i18n.lang.get_untracked(), &edition_id, through.as_ref());
    let asked = questions.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if state.sending.get_untracked() {
            return;
        }
        let Some(values) = Values::of(&ev) else {
            return;
        };
        let request = RegistrationRequest {
            name: values.text("name"),
            email: values.text("email"),
            lang: values.text("lang"),
            zone: values.text("zone"),
            region: values.text("region"),
            organisation: values.text("organisation"),
            answers: asked
                .iter()
                .filter_map(|q| {
                    let field = format!("answers.{}", q.id);
                    values.text(&field).map(|a| (q.id.clone(), a))
                })
                .collect(),
            accessibility: values.text("accessibility"),
            consent: values.checked("consent"),
            website: values.text("website"),
        };
        let email = request.email.clone().unwrap_or_default();
        let (url, key) = (url.clone(), key.clone());
        state.sending.set(true);
        spawn_local(async move {
            let sent = api::send(
                gloo_net::http::Method::POST,
                &url,
                Some(api::json_text(&request)),
                &[("Idempotency-Key", &key)],
            )
            .await;
            state.sending.set(false);
            // The service worker keeps what the network could not take, and says so.
            if let Some(kept) = sent
                .clone()
                .ok()
                .and_then(|v| api::typed::<PendingRegistration>(v).ok())
            {
                pending.set(Some(kept));
                focus("pending-title");
                return;
            }
            match sent.and_then(api::typed::<RegistrationAnswer>) {
                Ok(answer) => {
                    state.clear();
                    result.set(Some((answer, email)));
                    focus("result-title");
                }
                Err(error) => state.failed(error),
            }
        });
    };
    let text = |kind: &'static str, autocomplete: &'static str| Control::Input {
        kind,
        autocomplete,
        value: String::new(),
    };
    let question_fields = (!questions.is_empty()).then(|| {
        view! {
            <fieldset>
                <legend>{t("form-questions")}</legend>
                {questions
                    .into_iter()
                    .map(|q| view! { <QuestionField question=q state/> })
                    .collect_view()}
            </fieldset>
        }
    });
    view! {
        <form class="registration" on:submit=submit novalidate>
            <Summary state/>
            <p class="hint">{t("form-required-note")}</p>
            <fieldset>
                <legend>{t("form-about-you")}</legend>
                <Field name="name".into() label=t("form-name") required=true control=text("text", "name") state/>
                <Field name="email".into() label=t("form-email") hint=t("form-email-hint") required=true
                    control=text("email", "email") state/>
                <LanguageField value=i18n.code().to_owned() state/>
                <ZoneField value=reader.zone.get_untracked() state/>
                <Field name="region".into() label=t("form-region") control=text("text", "country-name") state/>
                {if let Some(name) = organisation {
                    view! {
                        <div class="field fixed">
                            <p class="label">{t("form-organisation-on-behalf")}</p>
                            <p class="value">{name}</p>
                            <p class="hint">{t("coaching-on-behalf-form-hint")}</p>
                        </div>
                    }.into_any()
                } else if on_behalf {
                    view! {
                        <Field name="organisation".into() label=t("form-organisation-on-behalf")
                            hint=t("form-organisation-on-behalf-hint") required=true
                            control=text("text", "organization") state/>
                    }.into_any()
                } else {
                    view! {
                        <Field name="organisation".into() label=t("form-organisation")
                            control=text("text", "organization") state/>
                    }.into_any()
                }}
            </fieldset>
            {question_fields}
            <fieldset>
                <legend class="visually-hidden">{t("form-accessibility")}</legend>
                <Field name="accessibility".into() label=t("form-accessibility") hint=t("form-accessibility-hint")
                    control=Control::TextArea state/>
            </fieldset>
            <ConsentField label=t("form-consent") state/>
            <Submit label=t(if application { "form-submit-apply" } else { "form-submit-register" }) state/>
        </form>
    }
}

/// A question of the edition (or of a network's community): yes or no for a priority group,
/// else a text.
#[component]
pub fn QuestionField(question: FormQuestion, state: FormState) -> impl IntoView {
    let i18n = use_i18n();
    let field = format!("answers.{}", question.id);
    if !question.priority {
        return view! {
            <Field name=field label=question.label.text required=question.required
                control=Control::TextArea state/>
        }
        .into_any();
    }
    let id = crate::form::field_id(&field);
    let error_id = format!("{id}-error");
    let name = field.clone();
    let error = Signal::derive(move || state.error(&name));
    view! {
        <fieldset class="field choice" id=id.clone() tabindex="-1"
            aria-describedby=move || error.with(Option::is_some).then(|| error_id.clone())>
            <legend lang=question.label.lang.clone()>
                {question.label.text.clone()}
                {question.required.then(|| view! { <span class="required" aria-hidden="true">" *"</span> })}
            </legend>
            <label><input type="radio" name=field.clone() value="yes" required=question.required/> " " {i18n.t("form-yes")}</label>
            <label><input type="radio" name=field.clone() value="no"/> " " {i18n.t("form-no")}</label>
            <p class="field-error" id=format!("{id}-error") hidden=move || error.with(Option::is_none)>
                {move || error.get()}
            </p>
        </fieldset>
    }
    .into_any()
}

/// Explicit consent to what `label` says, with the privacy notice a link away (in a new tab:
/// the form stays as filled in).
#[component]
pub fn ConsentField(label: String, state: FormState) -> impl IntoView {
    let i18n = use_i18n();
    let error = Signal::derive(move || state.error("consent"));
    view! {
        <RobotTrap/>
        <div class="field consent" class:invalid=move || error.with(Option::is_some)>
            <input type="checkbox" id="f-consent" name="consent" value="yes" required
                aria-describedby="f-consent-error"
                aria-invalid=move || error.with(Option::is_some).then_some("true")/>
            <label for="f-consent">{label} <span class="required" aria-hidden="true">" *"</span></label>
            <p class="privacy-link">
                <a href=format!("/{}/privacy", i18n.code()) target="_blank" rel="noopener">
                    {i18n.t("form-privacy-link")}
                </a>
            </p>
            <p class="field-error" id="f-consent-error" hidden=move || error.with(Option::is_none)>
                {move || error.get()}
            </p>
        </div>
    }
}

/// Where they stand, said first, then their manage link.
#[component]
fn RegistrationResult(answer: RegistrationAnswer, email: String) -> impl IntoView {
    let i18n = use_i18n();
    let t = move |id: &str| i18n.t(id);
    let position = answer.waitlist_position.unwrap_or(0);
    let Some(status) = answer.status else {
        // The address was already registered: nothing of that registration is told here.
        let note =
            i18n.with(|m| m.format("result-link-sent-note", &[("email", email.clone().into())]));
        return view! {
            <LinkOnItsWay title=t("result-link-sent") note>
                <p><a href=format!("/{}/manage", i18n.code())>{t("links-ask")}</a></p>
            </LinkOnItsWay>
        }
        .into_any();
    };
    let (headline, note) = match status {
        Status::Confirmed => (t("result-confirmed"), None),
        Status::Held => (t("result-held"), Some(t("result-held-note"))),
        Status::Waitlisted => (
            i18n.with(|m| m.format("result-waitlisted", &[("position", position.into())])),
            Some(t("result-waitlisted-note")),
        ),
        Status::Applied => (t("result-applied"), Some(t("result-applied-note"))),
        other => (
            i18n.with(|m| {
                m.format(
                    &format!("manage-status-{}", other.as_str()),
                    &[("position", position.into())],
                )
            }),
            None,
        ),
    };
    let sent = view! { <p>{i18n.with(|m| m.format("result-sent", &[("email", email.clone().into())]))}</p> };
    let manage = answer.manage_url.map(|url| {
        view! {
            <p><a class="button primary" href=url>{t("result-manage")}</a></p>
            <p class="hint">{t("result-manage-note")}</p>
        }
    });
    view! {
        <section class="result" aria-labelledby="result-title" data-status=status.as_str()>
            <h2 id="result-title" tabindex="-1">{headline}</h2>
            {note.map(|n| view! { <p>{n}</p> })}
            {sent}
            {manage}
        </section>
    }
    .into_any()
}

/// How often a page showing a kept registration asks the service worker where it stands.
const PENDING_POLL: std::time::Duration = std::time::Duration::from_secs(2);

/// A registration for this edition kept on the device from an earlier visit: shown instead
/// of the form until it is sent and its answer read.
fn kept_registration(
    edition_id: String,
    pending: RwSignal<Option<PendingRegistration>>,
    result: RwSignal<Option<(RegistrationAnswer, String)>>,
) {
    if !under_service_worker() {
        // Nothing is ever kept without one.
        return;
    }
    spawn_local(async move {
        let Ok(kept) = api::fetch(pending_for_edition_url(&edition_id))
            .await
            .and_then(api::typed::<Vec<PendingRegistration>>)
        else {
            return;
        };
        if let Some(newest) = kept.into_iter().find(|k| !k.seen) {
            settle(newest, pending, result);
        }
    });
}

/// Whether Relais's service worker controls this page.
fn under_service_worker() -> bool {
    let get = |on: &wasm_bindgen::JsValue, name: &str| js_sys::Reflect::get(on, &name.into()).ok();
    get(&js_sys::global(), "navigator")
        .and_then(|n| get(&n, "serviceWorker"))
        .and_then(|c| get(&c, "controller"))
        .is_some_and(|c| c.is_object())
}

/// Shows `kept` where it stands: its answer once it has arrived, else its state.
fn settle(
    kept: PendingRegistration,
    pending: RwSignal<Option<PendingRegistration>>,
    result: RwSignal<Option<(RegistrationAnswer, String)>>,
) {
    match (kept.state, kept.answer.clone()) {
        (PendingState::Sent, Some(answer)) => {
            // Read: not shown again on this page (other tabs still find it by its key).
            let seen = format!("{}?seen=1", pending_url(&kept.key));
            spawn_local(async move {
                let _ = api::fetch(seen).await;
            });
            pending.set(None);
            result.set(Some((answer, kept.email.unwrap_or_default())));
            focus("result-title");
        }
        _ => pending.set(Some(kept)),
    }
}

/// A registration kept on the device: what happens next, its progress, and cancelling it
/// while it waits. Once it arrives, the API's answer replaces it.
#[component]
fn PendingView(
    pending: RwSignal<Option<PendingRegistration>>,
    result: RwSignal<Option<(RegistrationAnswer, String)>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let t = move |id: &str| i18n.t(id);
    let cancel_error = RwSignal::new(false);
    let poll = set_interval_with_handle(
        move || {
            let Some(key) = pending.with_untracked(|p| p.as_ref().map(|p| p.key.clone())) else {
                return;
            };
            spawn_local(async move {
                if let Ok(kept) = api::fetch(pending_url(&key))
                    .await
                    .and_then(api::typed::<PendingRegistration>)
                {
                    if pending.with_untracked(|p| p.as_ref() != Some(&kept)) {
                        settle(kept, pending, result);
                    }
                }
            });
        },
        PENDING_POLL,
    )
    .ok();
    on_cleanup(move || {
        if let Some(poll) = poll {
            poll.clear();
        }
    });
    let cancel = move |_| {
        let Some(key) = pending.with_untracked(|p| p.as_ref().map(|p| p.key.clone())) else {
            return;
        };
        spawn_local(async move {
            let answer = api::send(
                gloo_net::http::Method::DELETE,
                &pending_url(&key),
                None,
                &[],
            )
            .await;
            match answer {
                Ok(_) => {
                    pending.set(None);
                    focus("register-title");
                }
                Err(_) => cancel_error.set(true),
            }
        });
    };
    // A refusal read: forgotten, and the form is back.
    let again = move |_| {
        let Some(key) = pending.with_untracked(|p| p.as_ref().map(|p| p.key.clone())) else {
            return;
        };
        spawn_local(async move {
            let _ = api::fetch(format!("{}?seen=1", pending_url(&key))).await;
            pending.set(None);
            focus("register-title");
        });
    };
    move || {
        let kept = pending.get()?;
        let body = match kept.state {
            PendingState::Refused => {
                let problem = kept.problem.clone();
                let title = problem.as_ref().map(|p| p.title.clone());
                let detail = problem.as_ref().and_then(|p| p.detail.clone());
                let errors = problem.map(|p| p.errors).unwrap_or_default();
                view! {
                    <h2 id="pending-title" tabindex="-1">{t("pending-refused-title")}</h2>
                    {title.map(|d| view! { <p class="refusal">{d}</p> })}
                    {detail.map(|d| view! { <p>{d}</p> })}
                    {(!errors.is_empty()).then(|| view! {
                        <ul>{errors.into_iter().map(|e| view! { <li>{e.message}</li> }).collect_view()}</ul>
                    })}
                    <p><button type="button" class="button" on:click=again>{t("pending-again")}</button></p>
                }
                .into_any()
            }
            state => {
                let waiting = state == PendingState::Waiting;
                let progress = match (state, kept.attempts) {
                    (PendingState::Sending, _) => Some(t("pending-sending")),
                    (_, 0 | 1) => None,
                    (_, attempts) => Some(
                        i18n.with(|m| m.format("pending-attempts", &[("count", attempts.into())])),
                    ),
                };
                view! {
                    <h2 id="pending-title" tabindex="-1">{t("pending-title")}</h2>
                    <p>{t("pending-note")}</p>
                    <p class="hint">{t("pending-rules")}</p>
                    {progress.map(|p| view! { <p class="hint">{p}</p> })}
                    {waiting.then(|| view! {
                        <p><button type="button" class="button" on:click=cancel>{t("pending-cancel")}</button></p>
                    })}
                    {move || cancel_error.get().then(|| view! { <p class="field-error">{t("pending-cancel-late")}</p> })}
                }
                .into_any()
            }
        };
        Some(view! {
            <section class="result pending" aria-labelledby="pending-title" data-status=kept.state_name()>
                {body}
            </section>
        })
    }
}
