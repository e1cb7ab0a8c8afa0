//! The coordinators' dashboard (its own build, feature `dashboard`): a network's desk with
//! what waits for its coordinators (`home`), the bilingual editors of its offerings, editions, facilitators and partners (which ask before
//! unsaved changes are left), sessions one by one or by a rule, writing to an edition's
//! people (`announce`), the network's news digest to the people who follow it (`digest`),
//! the network's messages (`outbox`), its history, its members and its
//! community's applications (`community`), coaching on request with the organisations' hours
//! and the yearly report (`coaching`), and its knowledge library (`library`), which its
//! librarians curate too and is all they reach; and the pages of one-time links (`joining`),
//! outside the sign-in gate.
//! Signing in is the coordinators' page's (`account`); every change carries the session's
//! CSRF token and asks for refusals in the reader's language.

pub mod announce;
pub mod audit;
pub mod bilingual;
pub mod clock;
pub mod coaching;
pub mod community;
pub mod desk;
pub mod digest;
pub mod edition;
pub mod editor;
pub mod home;
pub mod joining;
pub mod library;
pub mod members;
pub mod offering;
pub mod outbox;
pub mod people;
pub mod profiles;
pub mod schedule;
pub mod sessions;
pub mod unsaved;

use gloo_net::http::Method;
use leptos::context::Provider;
use leptos::prelude::*;
use leptos_router::components::Outlet;
use leptos_router::hooks::use_query_map;
use relais_domain::account::{AccountView, Action, Reach, Role, SignedIn};
use relais_domain::authoring::{Completeness, PublicationAction, PublicationState};
use relais_domain::problem::FieldError;
use relais_domain::{Lang, Localized};
use wasm_bindgen::{JsCast, JsValue};

use crate::account::{self, ask_who_is_signed_in, signed_in_as, SignIn, SignedInState};
use crate::api::{self, Answer, ApiError};
use crate::form::{field_id, focus_field, Control, Field, FormState, Outcome};
use crate::i18n::{use_i18n, I18n};
use crate::layout::Loading;

/// The signed-in account, its CSRF token, and the network being worked on (kept in the
/// address as `?network=` on the pages that have no item to say it).
#[derive(Clone, Copy)]
pub struct Session {
    pub csrf: StoredValue<String>,
    pub account: StoredValue<AccountView>,
    pub network: RwSignal<Option<String>>,
}

pub fn use_session() -> Session {
    expect_context::<Session>()
}

impl Session {
    /// The networks the account authors in: where it coordinates.
    pub fn networks(&self) -> Vec<(String, String)> {
        self.networks_where(|role| role == Role::Coordinator)
    }

    /// The networks whose library the account curates: where it coordinates or is a
    /// librarian (the domain's reach of `CurateLibrary`).
    pub fn library_networks(&self) -> Vec<(String, String)> {
        self.networks_where(|role| role.reach(Action::CurateLibrary) == Reach::Network)
    }

    /// The networks whose coaching requests the account takes through their steps, all of
    /// them or (a partner) those assigned to it: the domain's reach of `CoordinateCoaching`.
    pub fn coaching_networks(&self) -> Vec<(String, String)> {
        self.networks_where(|role| role.reach(Action::CoordinateCoaching) != Reach::Nothing)
    }

    /// Whether the account coordinates nowhere but curates a library or gives coaching for a
    /// partner: those are all of the dashboard it reaches.
    pub fn librarian_or_partner_only(&self) -> bool {
        self.networks().is_empty()
            && !(self.library_networks().is_empty() && self.coaching_networks().is_empty())
    }

    /// Whether the account facilitates somewhere: the coordinators' page shows it its
    /// editions' registrations.
    pub fn facilitates(&self) -> bool {
        !self
            .networks_where(|role| role == Role::Facilitator)
            .is_empty()
    }

    fn networks_where(&self, keep: impl Fn(Role) -> bool) -> Vec<(String, String)> {
        self.account.with_value(|a| {
            a.networks
                .iter()
                .filter(|n| keep(n.role))
                .map(|n| (n.network_id.clone(), n.network_name.clone()))
                .collect()
        })
    }

    /// `?network=` when it names one of the account's networks, else its first.
    pub fn chosen_network(&self, asked: Option<String>) -> Option<String> {
        choose(self.networks(), asked)
    }

    /// `?network=` when it names a network whose coaching the account reaches, else the
    /// first such.
    pub fn chosen_coaching_network(&self, asked: Option<String>) -> Option<String> {
        choose(self.coaching_networks(), asked)
    }

    /// `?network=` when it names a network whose library the account curates, else the
    /// first such.
    pub fn chosen_library_network(&self, asked: Option<String>) -> Option<String> {
        choose(self.library_networks(), asked)
    }

    /// Sends a change to the API at `path` (no query): JSON `body`, the CSRF token, and
    /// problems asked in the reader's language.
    pub async fn send(
        &self,
        method: Method,
        path: &str,
        body: Option<String>,
        lang: Lang,
    ) -> Answer {
        let url = format!("{path}?lang={lang}");
        let token = self.csrf.get_value();
        api::send(method, &url, body, &[("X-CSRF-Token", &token)]).await
    }

    /// Sends `file`, named `name`, to the API at `path` (no query), as `send` does a change.
    pub async fn send_file(&self, path: &str, file: &web_sys::File, lang: Lang) -> Answer {
        let url = format!("{path}?lang={lang}&name={}", encode(&file.name()));
        let token = self.csrf.get_value();
        api::send_file(&url, file, &[("X-CSRF-Token", &token)]).await
    }
}

/// `asked` when it is one of `networks`, else their first.
fn choose(networks: Vec<(String, String)>, asked: Option<String>) -> Option<String> {
    asked
        .filter(|a| networks.iter().any(|(id, _)| id == a))
        .or_else(|| networks.first().map(|(id, _)| id.clone()))
}

/// The gate of every dashboard page: the sign-in form for nobody, the bar and the page for
/// an account.
#[component]
pub fn Gate() -> impl IntoView {
    let i18n = use_i18n();
    let signed_in = ask_who_is_signed_in();
    move || match signed_in.get() {
        None => view! { <Loading/> }.into_any(),
        Some(None) => view! {
            <article class="dashboard" aria-labelledby="dash-title">
                <h1 id="dash-title">{i18n.text("dash-title")}</h1>
                <p class="lead">{i18n.text("dash-sign-in-lead")}</p>
                <SignIn signed_in/>
            </article>
        }
        .into_any(),
        Some(Some(signed)) => {
            let session = Session {
                csrf: StoredValue::new(signed.csrf_token.clone()),
                account: StoredValue::new(signed.account.clone()),
                network: RwSignal::new(None),
            };
            view! {
                <Provider value=session>
                    <Bar signed signed_in/>
                    <Outlet/>
                </Provider>
            }
            .into_any()
        }
    }
}

/// Who is signed in, the dashboard's own pages, and the coordinators' page (the forms
/// build: an ordinary link).
#[component]
fn Bar(signed: SignedIn, signed_in: SignedInState) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let who = signed_in_as(i18n, &signed);
    let query = use_query_map();
    // The network of the page, else the address's, else the account's first.
    let network = move || {
        session
            .network
            .get()
            .or_else(|| session.chosen_network(query.read().get("network")))
    };
    let with_network = move |page: &str| match network() {
        Some(n) => format!("/{}/dashboard{page}?network={n}", i18n.code()),
        None => format!("/{}/dashboard{page}", i18n.code()),
    };
    // The library's network: the page's when the account curates it, else the address's,
    // else the first it curates.
    let library = move || {
        let curated = session.library_networks();
        session
            .network
            .get()
            .filter(|n| curated.iter().any(|(id, _)| id == n))
            .or_else(|| session.chosen_library_network(query.read().get("network")))
    };
    let library_href = move || match library() {
        Some(n) => format!("/{}/dashboard/library?network={n}", i18n.code()),
        None => format!("/{}/dashboard/library", i18n.code()),
    };
    let registrations = move || {
        view! {
            <li>
                <a href=move || format!("/{}/coordinator", i18n.code()) rel="external">
                    {i18n.text("dash-registrations")}
                </a>
            </li>
        }
    };
    // A librarian or a partner who coordinates nowhere reaches the library or the coaching
    // only (and, facilitating somewhere, the registrations of their editions).
    let curates = !session.library_networks().is_empty();
    let coaching_href = move || match session.chosen_coaching_network(query.read().get("network")) {
        Some(n) => format!("/{}/dashboard/coaching?network={n}", i18n.code()),
        None => format!("/{}/dashboard/coaching", i18n.code()),
    };
    let links = if session.librarian_or_partner_only() {
        let coaches = !session.coaching_networks().is_empty();
        view! {
            {curates.then(|| view! { <li><a href=library_href>{i18n.text("dash-library")}</a></li> })}
            {coaches.then(|| view! { <li><a href=coaching_href>{i18n.text("dash-coaching")}</a></li> })}
            {session.facilitates().then(registrations)}
        }
        .into_any()
    } else {
        view! {
            <li><a href=move || with_network("")>{i18n.text("dash-desk")}</a></li>
            {curates.then(|| view! { <li><a href=library_href>{i18n.text("dash-library")}</a></li> })}
            <li><a href=move || with_network("/outbox")>{i18n.text("dash-outbox")}</a></li>
            <li><a href=move || with_network("/news")>{i18n.text("dash-news")}</a></li>
            <li><a href=move || with_network("/audit")>{i18n.text("dash-audit")}</a></li>
            <li><a href=move || with_network("/members")>{i18n.text("dash-members")}</a></li>
            <li><a href=move || with_network("/community")>{i18n.text("dash-community")}</a></li>
            <li><a href=move || with_network("/coaching")>{i18n.text("dash-coaching")}</a></li>
            {registrations()}
        }
        .into_any()
    };
    let sign_out = move |_| account::sign_out(i18n, session.csrf.get_value(), signed_in);
    view! {
        <div class="dash-bar">
            <nav aria-label=i18n.text("dash-nav")>
                <ul role="list">{links}</ul>
            </nav>
            <p class="signed-in">
                {who} " "
                <button type="button" class="button secondary" on:click=sign_out>{i18n.text("coord-sign-out")}</button>
            </p>
        </div>
    }
}

/// The API's field name within a form's part: `title.fr` in `sessions.2` is
/// `sessions.2.title.fr`.
pub fn within(prefix: &str, field: &str) -> String {
    match (prefix, field) {
        ("", field) => field.to_owned(),
        (prefix, "") => prefix.to_owned(),
        (prefix, field) => format!("{prefix}.{field}"),
    }
}

/// Shows why a change failed in `state`: its fields (named within `prefix`) by their
/// controls and in the summary `summary`, which takes the focus.
pub fn failed(i18n: I18n, state: FormState, prefix: &str, summary: &str, error: ApiError) {
    let outcome = match error {
        ApiError::Refused(problem) => {
            let message = match (&problem.detail, problem.errors.is_empty()) {
                (_, false) => None,
                (Some(detail), true) => Some(format!("{} — {detail}", problem.title)),
                (None, true) => Some(problem.title.clone()),
            };
            Outcome {
                fields: problem
                    .errors
                    .into_iter()
                    .map(|e| FieldError {
                        field: within(prefix, &e.field),
                        ..e
                    })
                    .collect(),
                message,
            }
        }
        ApiError::Offline => Outcome {
            fields: vec![],
            message: Some(i18n.t("dash-offline")),
        },
        ApiError::Unexpected(detail) => {
            leptos::logging::warn!("unexpected answer: {detail}");
            Outcome {
                fields: vec![],
                message: Some(i18n.t("form-failed")),
            }
        }
    };
    state.outcome.set(outcome);
    let summary = summary.to_owned();
    request_animation_frame(move || {
        if let Some(el) = document().get_element_by_id(&summary) {
            if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        }
    });
}

/// What to correct after a refused change: one link per field (focusing it), or one
/// message; announced and focused when it appears. `id` is unique on the page.
#[component]
pub fn Problems(state: FormState, #[prop(into)] id: String) -> impl IntoView {
    let i18n = use_i18n();
    let shown = move || {
        state
            .outcome
            .with(|o| !o.fields.is_empty() || o.message.is_some())
    };
    view! {
        <div id=id class="form-summary" tabindex="-1" role="alert" hidden=move || !shown()>
            {move || {
                let o = state.outcome.get();
                if o.fields.is_empty() {
                    return view! { <p>{o.message}</p> }.into_any();
                }
                let count = o.fields.len();
                view! {
                    <p>{i18n.with(|m| m.format("form-errors-title", &[("count", count.into())]))}</p>
                    <FieldLinks errors=o.fields/>
                }
                .into_any()
            }}
        </div>
    }
}

/// Links to the fields of `errors`, each named by its control's label (read from the page
/// once drawn) and focusing it (or the nearest part of the page it belongs to).
#[component]
pub fn FieldLinks(errors: Vec<FieldError>) -> impl IntoView {
    let i18n = use_i18n();
    let names = RwSignal::new(vec![None::<String>; errors.len()]);
    let fields: Vec<String> = errors.iter().map(|e| e.field.clone()).collect();
    request_animation_frame(move || names.set(fields.iter().map(|f| label_of(f)).collect()));
    view! {
        <ul>
            {errors
                .into_iter()
                .enumerate()
                .map(|(i, e)| {
                    let target = e.field.clone();
                    // The router would take `#id` for a navigation: focus the field ourselves.
                    let go = move |ev: leptos::ev::MouseEvent| {
                        ev.prevent_default();
                        focus_field(&target);
                    };
                    let message = e.message.clone();
                    let text = move || match names.with(|n| n.get(i).cloned().flatten()) {
                        Some(name) => i18n.with(|m| {
                            m.format(
                                "dash-field-problem",
                                &[("field", name.into()), ("message", message.clone().into())],
                            )
                        }),
                        None => message.clone(),
                    };
                    view! { <li><a href=format!("#{}", field_id(&e.field)) on:click=go>{text}</a></li> }
                })
                .collect_view()}
        </ul>
    }
}

/// The label of the control of the API's `field` on the page (or of the part it belongs to):
/// a control's `<label>`, a group's `<legend>`, else the element's own text.
fn label_of(field: &str) -> Option<String> {
    let document = document();
    let mut name = field;
    loop {
        let id = field_id(name);
        if let Some(el) = document.get_element_by_id(&id) {
            let label = document
                .query_selector(&format!("label[for=\"{id}\"]"))
                .ok()
                .flatten()
                .or_else(|| el.query_selector("legend").ok().flatten())
                .unwrap_or(el);
            // Without the "required" and "optional" marks.
            let label: web_sys::Element = label.clone_node_with_deep(true).ok()?.dyn_into().ok()?;
            while let Some(mark) = label.query_selector(".optional, .required").ok().flatten() {
                mark.remove();
            }
            return label
                .text_content()
                .map(|t| t.trim().to_owned())
                .filter(|t| !t.is_empty());
        }
        name = name.rsplit_once('.')?.0;
    }
}

/// A row's publication state as a badge: draft, published, archived.
#[component]
pub fn StateBadge(#[prop(into)] state: Signal<PublicationState>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <span class="badge" data-state=move || state.get().as_str()>
            {move || i18n.t(&format!("dash-state-{}", state.get().as_str()))}
        </span>
    }
}

/// How much of what publishing needs is written: a meter and « 12 / 16 textes ».
#[component]
pub fn Completion(
    #[prop(into)] completeness: Signal<Completeness>,
    #[prop(into)] label: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let text = move || {
        let c = completeness.get();
        i18n.with(|m| {
            m.format(
                "dash-completeness",
                &[("filled", c.filled.into()), ("required", c.required.into())],
            )
        })
    };
    // An item that needs nothing is complete: a full meter, not an empty one.
    let max = move || completeness.get().required.max(1);
    let value = move || {
        let c = completeness.get();
        if c.required == 0 {
            1
        } else {
            c.filled.min(c.required)
        }
    };
    view! {
        <p class="completion" class:complete=move || completeness.get().is_complete()>
            <span class="completion-label">{label.clone()}</span> " "
            <meter min="0" max=max value=value aria-label=label.clone()></meter> " "
            <span>{text}</span>
        </p>
    }
}

/// A localized title in the reader's language (or the one it has), or "untitled".
pub fn title_of(i18n: I18n, text: &Localized) -> AnyView {
    match text.resolve(i18n.lang.get_untracked()) {
        Some(t) => view! { <span lang=t.lang>{t.text}</span> }.into_any(),
        None => view! { <span class="untitled">{i18n.t("dash-untitled")}</span> }.into_any(),
    }
}

/// The publication actions a row in `state` allows, as buttons: each runs `act`.
#[component]
pub fn PublicationActions(
    #[prop(into)] state: Signal<PublicationState>,
    act: Callback<PublicationAction>,
    busy: Signal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        PublicationAction::ALL
            .into_iter()
            .filter(|a| state.get().apply(*a).is_some())
            .map(|a| {
                let class = if a == PublicationAction::Publish {
                    "button primary"
                } else {
                    "button secondary"
                };
                view! {
                    <button type="button" class=class disabled=busy on:click=move |_| act.run(a)>
                        {i18n.t(&format!("dash-action-{}", a.as_str()))}
                    </button>
                }
            })
            .collect_view()
    }
}

/// The body of a publication change.
pub fn action_body(action: PublicationAction) -> String {
    format!(r#"{{"action":"{}"}}"#, action.as_str())
}

/// A key nobody else will send: 16 random hex digits. A message keeps one until it is sent,
/// so that a double click or a second try sends it once (`announce`, `digest`).
pub fn new_key() -> String {
    (0..4)
        .map(|_| format!("{:04x}", (js_sys::Math::random() * 65536.0) as u32))
        .collect()
}

/// A percent-encoded path segment or query value.
pub fn encode(value: &str) -> String {
    String::from(js_sys::encode_uri_component(value))
}

/// Reads an answer as `T`.
pub fn read<T: serde::de::DeserializeOwned>(
    answer: Result<JsValue, ApiError>,
) -> Result<T, ApiError> {
    answer.and_then(api::typed::<T>)
}

/// A labelled choice among `options` (value, label), written through to the page's draft.
#[component]
pub fn Choose(
    name: String,
    label: String,
    #[prop(optional)] hint: Option<String>,
    #[prop(optional)] required: bool,
    options: Vec<(String, String)>,
    value: String,
    on_change: Callback<String>,
    state: FormState,
) -> impl IntoView {
    let control = Control::Select { options, value };
    let field = match hint {
        Some(hint) => view! { <Field name label hint required control state/> }.into_any(),
        None => view! { <Field name label required control state/> }.into_any(),
    };
    view! { <div class="choose" on:change=move |ev| on_change.run(event_target_value(&ev))>{field}</div> }
}

/// A labelled one-line entry (`kind`: `text`, `number`, `url`…), written through to the
/// page's draft on every keystroke.
#[component]
pub fn Entry(
    name: String,
    label: String,
    #[prop(optional)] hint: Option<String>,
    #[prop(optional)] required: bool,
    kind: &'static str,
    value: String,
    on_input: Callback<String>,
    state: FormState,
) -> impl IntoView {
    let control = Control::Input {
        kind,
        autocomplete: "off",
        value,
    };
    let field = match hint {
        Some(hint) => view! { <Field name label hint required control state/> }.into_any(),
        None => view! { <Field name label required control state/> }.into_any(),
    };
    view! { <div class="entry" on:input=move |ev| on_input.run(event_target_value(&ev))>{field}</div> }
}
