//! The coordinators' page: sign in, the editions that take registrations, an edition's
//! registrations (the priority group first) with the decisions each allows, and the
//! messages sent about it. Every change carries the session's CSRF token.

use std::sync::Arc;

use gloo_net::http::Method;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_navigate, use_query_map};
use relais_domain::account::SignedIn;
use relais_domain::catalog::RegistrationMode;
use relais_domain::coordination::{
    CoordinatedEdition, EditionRegistrations, OutboxLine, RegistrationLine,
};
use relais_domain::registration::{Reason, Transition};
use serde::Serialize;
use std::collections::BTreeMap;

use crate::account::{self, ask_who_is_signed_in, signed_in_as, SignIn, SignedInState};
use crate::api::{self, ApiError};
use crate::form::{focus, Control, Field, FormState, Submit, Summary, Values};
use crate::i18n::use_i18n;
use crate::layout::{Fetched, Loading, Localized};

#[component]
pub fn CoordinatorPage() -> impl IntoView {
    let i18n = use_i18n();
    let signed_in = ask_who_is_signed_in();
    view! {
        <article class="coordinator" aria-labelledby="coord-title">
            <h1 id="coord-title">{i18n.text("coord-title")}</h1>
            {move || match signed_in.get() {
                None => view! { <Loading/> }.into_any(),
                Some(None) => view! { <SignIn signed_in/> }.into_any(),
                Some(Some(session)) => view! { <Desk session signed_in/> }.into_any(),
            }}
        </article>
    }
}

#[component]
fn Desk(session: SignedIn, signed_in: SignedInState) -> impl IntoView {
    let i18n = use_i18n();
    let csrf = StoredValue::new(session.csrf_token.clone());
    let query = use_query_map();
    let chosen = Memo::new(move |_| query.read().get("edition"));
    let sign_out = move |_| account::sign_out(i18n, csrf.get_value(), signed_in);
    let who = signed_in_as(i18n, &session);
    view! {
        <p class="signed-in">
            {who} " "
            <button type="button" class="button" on:click=sign_out>{i18n.t("coord-sign-out")}</button>
        </p>
        {move || match chosen.get() {
            None => view! { <EditionList/> }.into_any(),
            Some(edition) => view! { <EditionDesk edition csrf/> }.into_any(),
        }}
    }
}

#[component]
fn EditionList() -> impl IntoView {
    let i18n = use_i18n();
    let url = Signal::derive(move || format!("/api/coordinator/editions?lang={}", i18n.lang.get()));
    let show = move |answer| -> Result<AnyView, ApiError> {
        let editions: Vec<CoordinatedEdition> = api::typed(answer)?;
        if editions.is_empty() {
            return Ok(view! { <p class="none">{i18n.t("coord-no-editions")}</p> }.into_any());
        }
        Ok(view! {
            <ul class="editions" role="list">
                {editions.into_iter().map(|e| view! { <EditionCard edition=e/> }).collect_view()}
            </ul>
        }
        .into_any())
    };
    view! {
        <h2>{i18n.text("coord-editions")}</h2>
        <Fetched url show=Arc::new(show)/>
    }
}

#[component]
fn EditionCard(edition: CoordinatedEdition) -> impl IntoView {
    let i18n = use_i18n();
    let counts = i18n.with(|m| match edition.capacity {
        Some(capacity) => m.format(
            "coord-edition-counts",
            &[
                ("taken", edition.places_taken.into()),
                ("capacity", capacity.into()),
                ("waiting", edition.waiting.into()),
                ("applied", edition.applied.into()),
            ],
        ),
        None => m.format(
            "coord-edition-counts-unlimited",
            &[
                ("taken", edition.places_taken.into()),
                ("waiting", edition.waiting.into()),
                ("applied", edition.applied.into()),
            ],
        ),
    });
    let href = format!("/{}/coordinator?edition={}", i18n.code(), edition.id);
    view! {
        <li class="card">
            <h3>
                <a href=href><Localized text=edition.offering_title/></a>
            </h3>
            {edition.title.map(|t| view! { <p><Localized text=t/></p> })}
            <p class="mode">{i18n.t(&format!("registration-{}", edition.registration_mode))}</p>
            <p class="counts">{counts}</p>
        </li>
    }
}

#[component]
fn EditionDesk(edition: String, csrf: StoredValue<String>) -> impl IntoView {
    let i18n = use_i18n();
    // Bumped after each decision: the lists are read again.
    let version = RwSignal::new(0u32);
    let state = FormState::new();
    let decided = RwSignal::new(false);
    let navigate = use_navigate();
    let back = move |_| navigate(&format!("/{}/coordinator", i18n.code()), Default::default());
    let edition_id = edition.clone();
    let url = Signal::derive(move || {
        format!(
            "/api/coordinator/editions/{}/registrations?lang={}&v={}",
            edition_id,
            i18n.lang.get(),
            version.get()
        )
    });
    // A change (a decision, the capacity): sent with the CSRF token; once done, the lists are
    // read again and the page says so.
    let change = Callback::new(move |(method, url, body): (Method, String, String)| {
        let token = csrf.get_value();
        state.sending.set(true);
        spawn_local(async move {
            let answer = api::send(method, &url, Some(body), &[("X-CSRF-Token", &token)]).await;
            state.sending.set(false);
            match answer {
                Ok(_) => {
                    state.clear();
                    decided.set(true);
                    version.update(|v| *v += 1);
                    focus("decided");
                }
                Err(error) => {
                    decided.set(false);
                    state.failed(error)
                }
            }
        });
    });
    let decide = Callback::new(move |(id, decision): (String, Decision)| {
        let url = format!(
            "/api/coordinator/registrations/{id}/decision?lang={}",
            i18n.code()
        );
        change.run((Method::POST, url, decision.body()));
    });
    let capacity_url = format!(
        "/api/coordinator/editions/{}/capacity?lang={}",
        edition,
        i18n.code()
    );
    let set_capacity = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(values) = Values::of(&ev) else {
            return;
        };
        // Empty: no limit.
        let capacity = values.text("capacity").filter(|c| !c.trim().is_empty());
        let body = match capacity {
            None => r#"{"capacity":null}"#.to_owned(),
            Some(c) => match c.trim().parse::<u32>() {
                Ok(n) => format!(r#"{{"capacity":{n}}}"#),
                // Let the API say what is wrong with it, in the reader's language.
                Err(_) => r#"{"capacity":0}"#.to_owned(),
            },
        };
        change.run((Method::PUT, capacity_url.clone(), body));
    };
    let show = move |answer| -> Result<AnyView, ApiError> {
        let list: EditionRegistrations = api::typed(answer)?;
        let mode = list.edition.registration_mode;
        let counts = i18n.with(|m| {
            m.format(
                "coord-capacity-hint",
                &[
                    ("taken", list.edition.places_taken.into()),
                    ("waiting", list.edition.waiting.into()),
                ],
            )
        });
        let capacity = view! {
            <form class="capacity" novalidate on:submit=set_capacity.clone()>
                <Field name="capacity".into() label=i18n.t("coord-capacity") hint=counts state
                    control=Control::Input {
                        kind: "number",
                        autocomplete: "off",
                        value: list.edition.capacity.map(|c| c.to_string()).unwrap_or_default(),
                    }/>
                <Submit label=i18n.t("coord-capacity-save") state/>
            </form>
        };
        if list.registrations.is_empty() {
            return Ok(
                view! { {capacity} <p class="none">{i18n.t("coord-no-registrations")}</p> }
                    .into_any(),
            );
        }
        Ok(view! {
            {capacity}
            <ol class="registrations" role="list">
                {list
                    .registrations
                    .into_iter()
                    .map(|line| view! { <RegistrationRow line mode decide state/> })
                    .collect_view()}
            </ol>
        }
        .into_any())
    };
    let outbox_url = Signal::derive(move || {
        format!(
            "/api/coordinator/outbox?edition={}&lang={}&v={}",
            edition,
            i18n.lang.get(),
            version.get()
        )
    });
    view! {
        <p class="back"><button type="button" class="link" on:click=back>"← " {i18n.t("coord-editions")}</button></p>
        <h2>{i18n.t("coord-registrations")}</h2>
        <Summary state/>
        <p id="decided" class="done" role="status" tabindex="-1" hidden=move || !decided.get()>{i18n.t("coord-decided")}</p>
        <Fetched url show=Arc::new(show)/>
        <h2>{i18n.t("coord-outbox")}</h2>
        <Fetched url=outbox_url show=Arc::new(move |answer| {
            let lines: Vec<OutboxLine> = api::typed(answer)?;
            Ok(view! { <Outbox lines/> }.into_any())
        })/>
    }
}

/// A coordinator's decision as the API takes it (`relais_domain::registration::Transition`).
#[derive(Clone, Serialize)]
struct Decision {
    decision: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<String>,
}

impl Decision {
    fn body(&self) -> String {
        serde_wasm_bindgen::to_value(self)
            .ok()
            .and_then(|v| js_sys::JSON::stringify(&v).ok())
            .and_then(|s| s.as_string())
            .unwrap_or_default()
    }
}

#[component]
fn RegistrationRow(
    line: RegistrationLine,
    mode: RegistrationMode,
    decide: Callback<(String, Decision)>,
    state: FormState,
) -> impl IntoView {
    let i18n = use_i18n();
    let answers: BTreeMap<String, String> = js_sys::JSON::parse(&line.answers)
        .ok()
        .and_then(|v| serde_wasm_bindgen::from_value(v).ok())
        .unwrap_or_default();
    let (reasoned, plain): (Vec<Transition>, Vec<Transition>) =
        Transition::offered(mode, line.status)
            .into_iter()
            .partition(|t| t.rule().needs_reason);
    let id = line.id.clone();
    let facts = [
        line.organisation.clone(),
        line.region.clone(),
        line.zone.clone(),
    ]
    .into_iter()
    .filter(|f| !f.is_empty())
    .collect::<Vec<_>>()
    .join(" · ");
    let status = line.status.as_str();
    // A decision that sends the person a message (accept, decline, waitlist…) may carry a
    // note from the team, as in the dashboard.
    let told = |t: &Transition| t.outcomes().into_iter().any(|to| t.message(to).is_some());
    let note = RwSignal::new(String::new());
    let note_field = plain.iter().any(told).then(|| {
        let field = format!("note-plain-{id}");
        view! {
            <p class="field">
                <label for=field.clone()>{i18n.t("coord-note")} <span class="visually-hidden">" — " {line.name.clone()}</span></label>
                <textarea id=field maxlength="500" rows="2" prop:value=move || note.get()
                    on:input=move |ev| note.set(event_target_value(&ev))></textarea>
            </p>
        }
    });
    view! {
        <li class="card registration" data-status=status>
            <h3>{line.name.clone()}</h3>
            <p>
                <span class="status">{i18n.t(&format!("coord-status-{status}"))}</span>
                {(line.priority == 1).then(|| view! { " · " <strong class="priority">{i18n.t("coord-priority")}</strong> })}
                " · " {i18n.with(|m| m.format("coord-arrival", &[("arrival", line.arrival.into())]))}
            </p>
            <p><a href=format!("mailto:{}", line.email)>{line.email.clone()}</a> " · " {facts}</p>
            {(!answers.is_empty()).then(|| view! {
                <dl class="answers">
                    {answers.into_iter().map(|(q, a)| view! { <dt>{q}</dt> <dd>{a}</dd> }).collect_view()}
                </dl>
            })}
            {(!line.accessibility.is_empty()).then(|| view! { <p class="accessibility">{line.accessibility.clone()}</p> })}
            {note_field}
            <p class="decisions">
                {plain
                    .into_iter()
                    .map(|t| {
                        let id = id.clone();
                        let with_note = told(&t);
                        let decision = move || Decision {
                            decision: t.as_str(),
                            reason: None,
                            note: Some(note.get_untracked())
                                .filter(|n| with_note && !n.trim().is_empty()),
                        };
                        view! {
                            <button type="button" class="button" disabled=move || state.sending.get()
                                on:click=move |_| decide.run((id.clone(), decision()))>
                                {i18n.t(&format!("decision-{}", t.as_str()))}
                                <span class="visually-hidden">" — " {line.name.clone()}</span>
                            </button>
                            " "
                        }
                    })
                    .collect_view()}
            </p>
            {reasoned
                .into_iter()
                .map(|t| view! { <ReasonedDecision id=id.clone() name=line.name.clone() transition=t decide state/> })
                .collect_view()}
        </li>
    }
}

/// A decision told to the person with a reason (cancel, remove): the reason and a note,
/// then the button.
#[component]
fn ReasonedDecision(
    id: String,
    name: String,
    transition: Transition,
    decide: Callback<(String, Decision)>,
    state: FormState,
) -> impl IntoView {
    let i18n = use_i18n();
    let key = format!("{}-{id}", transition.as_str());
    let reason = RwSignal::new(Reason::TheirRequest);
    let note = RwSignal::new(String::new());
    let label = i18n.t(&format!("decision-{}", transition.as_str()));
    let send = move |_| {
        decide.run((
            id.clone(),
            Decision {
                decision: transition.as_str(),
                reason: Some(reason.get_untracked().as_str()),
                note: Some(note.get_untracked()).filter(|n| !n.trim().is_empty()),
            },
        ))
    };
    view! {
        <details class="reasoned">
            <summary>{label.clone()} <span class="visually-hidden">" — " {name.clone()}</span></summary>
            <p>
                <label for=format!("reason-{key}")>{i18n.t("coord-reason")}</label>
                <select id=format!("reason-{key}")
                    on:change=move |ev| if let Some(r) = Reason::parse(&event_target_value(&ev)) { reason.set(r) }>
                    {Reason::ALL
                        .into_iter()
                        .map(|r| view! {
                            <option value=r.as_str() selected=r == Reason::TheirRequest>
                                {i18n.t(&format!("coord-reason-{}", r.as_str()))}
                            </option>
                        })
                        .collect_view()}
                </select>
            </p>
            <p>
                <label for=format!("note-{key}")>{i18n.t("coord-note")}</label>
                <textarea id=format!("note-{key}") maxlength="500" rows="2"
                    on:input=move |ev| note.set(event_target_value(&ev))></textarea>
            </p>
            <p>
                <button type="button" class="button" disabled=move || state.sending.get() on:click=send>
                    {label} <span class="visually-hidden">" — " {name}</span>
                </button>
            </p>
        </details>
    }
}

#[component]
fn Outbox(lines: Vec<OutboxLine>) -> impl IntoView {
    let i18n = use_i18n();
    if lines.is_empty() {
        return view! { <p class="none">{i18n.t("coord-outbox-empty")}</p> }.into_any();
    }
    view! {
        <ol class="outbox" role="list">
            {lines
                .into_iter()
                .map(|l| {
                    let sent = if l.sent_at.is_some() { i18n.t("coord-sent") } else { i18n.t("coord-pending") };
                    let attempts = i18n.with(|m| m.format("coord-attempts", &[("count", l.attempts.into())]));
                    view! {
                        <li class="card">
                            <p><strong>{l.subject.clone().unwrap_or_else(|| l.kind.clone())}</strong></p>
                            <p>{l.recipient.clone()} " · " {sent} " · " {attempts} " · " {l.created_at.clone()}</p>
                            {l.last_error.map(|e| view! { <p class="field-error">{e}</p> })}
                        </li>
                    }
                })
                .collect_view()}
        </ol>
    }
    .into_any()
}
