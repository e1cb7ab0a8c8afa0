//! An offering in the bilingual editor: what it is, its texts in every language, topics
//! and delivery languages; saving, publishing (with what still stops it), and its editions.

use std::sync::Arc;

use gloo_net::http::Method;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};
use leptos_router::NavigateOptions;
use relais_domain::authoring::{same_fields, EditionDraft, OfferingDraft, PublicationAction};
use relais_domain::catalog::{Format, OfferingKind, RegistrationMode, DELIVERY_LANGUAGES, TOPICS};
use relais_domain::dashboard::{AuthoredOffering, Created, NetworkDesk};
use relais_domain::problem::FieldError;
use relais_domain::Localized;

use super::bilingual::{one_text, set_text, Bilingual, Same};
use super::{
    action_body, encode, failed, read, title_of, use_session, Choose, Completion, FieldLinks,
    Problems, PublicationActions, StateBadge,
};
use crate::api::{self, ApiError};
use crate::form::{field_id, FormState};
use crate::i18n::use_i18n;
use crate::layout::Fetched;

const SUMMARY: &str = "offering-summary";

/// `/{lang}/dashboard/offerings/{id}`.
#[component]
pub fn OfferingPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let url = Signal::derive(move || {
        let id = params.read().get("id").unwrap_or_default();
        format!(
            "/api/dashboard/offerings/{}?lang={}",
            encode(&id),
            i18n.lang.get()
        )
    });
    let show = move |answer| -> Result<AnyView, ApiError> {
        let authored: AuthoredOffering = api::typed(answer)?;
        Ok(view! {
            <OfferingEditor
                id=Some(authored.id)
                network=authored.network_id
                draft=authored.draft
                refusals=authored.publish_refusals
            />
        }
        .into_any())
    };
    view! { <Fetched url show=Arc::new(show)/> }
}

/// `/{lang}/dashboard/offerings/new?network=…`.
#[component]
pub fn NewOfferingPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let query = use_query_map();
    let network = session.chosen_network(query.read_untracked().get("network"));
    match network {
        Some(network) => view! {
            <OfferingEditor id=None network draft=OfferingDraft::default() refusals=vec![]/>
        }
        .into_any(),
        None => view! {
            <article class="dashboard">
                <h1>{i18n.text("dash-new-offering")}</h1>
                <p class="none">{i18n.text("dash-no-network")}</p>
            </article>
        }
        .into_any(),
    }
}

/// The draft as it is sent: every text marked "same in every language" as one text.
fn normalized(draft: &OfferingDraft) -> OfferingDraft {
    let mut d = draft.clone();
    for name in &draft.same_in_every_language {
        let text = match name.as_str() {
            "title" => &mut d.title,
            "summary" => &mut d.summary,
            "description" => &mut d.description,
            "audience" => &mut d.audience,
            "cost" => &mut d.cost,
            _ => continue,
        };
        *text = one_text(text);
    }
    d
}

#[component]
fn OfferingEditor(
    id: Option<String>,
    network: String,
    draft: OfferingDraft,
    refusals: Vec<FieldError>,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    session.network.set(Some(network.clone()));
    let navigate = StoredValue::new_local(use_navigate());
    let draft = RwSignal::new(draft);
    let refusals = RwSignal::new(refusals);
    let dirty = RwSignal::new(false);
    let state = FormState::new();
    let done = RwSignal::new(String::new());
    let publication = Memo::new(move |_| draft.with(|d| d.state));
    let completeness = Memo::new(move |_| draft.with(|d| normalized(d).completeness()));
    let id = StoredValue::new(id);
    let network = StoredValue::new(network);

    // Sends the draft: a new offering is created (then opened at its address), an existing
    // one replaced. True when it was saved.
    let save = move || async move {
        let body = api::json_text(&draft.with_untracked(normalized));
        let lang = i18n.lang.get_untracked();
        state.sending.set(true);
        let saved = match id.get_value() {
            None => {
                let path = format!(
                    "/api/dashboard/networks/{}/offerings",
                    encode(&network.get_value())
                );
                match read::<Created>(session.send(Method::POST, &path, Some(body), lang).await) {
                    Ok(created) => {
                        let url = format!("/{lang}/dashboard/offerings/{}", encode(&created.id));
                        navigate.with_value(|go| {
                            go(
                                &url,
                                NavigateOptions {
                                    replace: true,
                                    ..Default::default()
                                },
                            )
                        });
                        true
                    }
                    Err(error) => {
                        failed(i18n, state, "", SUMMARY, error);
                        false
                    }
                }
            }
            Some(id) => {
                let path = format!("/api/dashboard/offerings/{}", encode(&id));
                match read::<AuthoredOffering>(
                    session.send(Method::PUT, &path, Some(body), lang).await,
                ) {
                    Ok(authored) => {
                        state.clear();
                        refusals.set(authored.publish_refusals);
                        draft.update(|d| d.state = authored.draft.state);
                        dirty.set(false);
                        done.set(i18n.t("dash-saved"));
                        true
                    }
                    Err(error) => {
                        failed(i18n, state, "", SUMMARY, error);
                        false
                    }
                }
            }
        };
        state.sending.set(false);
        saved
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        done.set(String::new());
        spawn_local(async move {
            save().await;
        });
    };
    let act = Callback::new(move |action: PublicationAction| {
        let Some(id) = id.get_value() else { return };
        done.set(String::new());
        spawn_local(async move {
            // Published as written on the page: unsaved changes are saved first.
            if dirty.get_untracked() && !save().await {
                return;
            }
            let lang = i18n.lang.get_untracked();
            let path = format!("/api/dashboard/offerings/{}/state", encode(&id));
            state.sending.set(true);
            let answer = session
                .send(Method::POST, &path, Some(action_body(action)), lang)
                .await;
            state.sending.set(false);
            match read::<AuthoredOffering>(answer) {
                Ok(authored) => {
                    state.clear();
                    refusals.set(authored.publish_refusals);
                    draft.update(|d| d.state = authored.draft.state);
                    done.set(i18n.t(&format!("dash-done-{}", action.as_str())));
                }
                Err(error) => failed(i18n, state, "", SUMMARY, error),
            }
        });
    });

    let title = move || {
        let t = draft.with(|d| d.title.clone());
        if t.is_empty() && id.get_value().is_none() {
            view! { {i18n.t("dash-new-offering")} }.into_any()
        } else {
            title_of(i18n, &t)
        }
    };
    let changed = move || {
        dirty.set(true);
        done.set(String::new());
    };
    let text = move |name: &'static str,
                     label: &'static str,
                     multiline: bool,
                     get: fn(&OfferingDraft) -> &Localized,
                     get_mut: fn(&mut OfferingDraft) -> &mut Localized| {
        let same = same_fields::OFFERING.contains(&name).then(|| Same {
            marked: Signal::derive(move || draft.with(|d| d.same_in_every_language.contains(name))),
            set: Callback::new(move |on: bool| {
                draft.update(|d| {
                    if on {
                        d.same_in_every_language.insert(name.to_owned());
                    } else {
                        d.same_in_every_language.remove(name);
                    }
                });
                changed();
            }),
        });
        let text = Signal::derive(move || draft.with(|d| get(d).clone()));
        let on_input = Callback::new(move |(lang, value)| {
            draft.update(|d| set_text(get_mut(d), lang, value));
            changed();
        });
        match same {
            Some(same) => view! {
                <Bilingual name=name.to_owned() label=i18n.t(label) multiline text on_input same state/>
            }
            .into_any(),
            None => view! {
                <Bilingual name=name.to_owned() label=i18n.t(label) multiline text on_input state/>
            }
            .into_any(),
        }
    };
    let kinds = std::iter::once((String::new(), i18n.t("dash-choose")))
        .chain(OfferingKind::ALL.map(|k| {
            (
                k.as_str().to_owned(),
                i18n.t(&format!("kind-{}", k.as_str())),
            )
        }))
        .collect::<Vec<_>>();
    let formats = std::iter::once((String::new(), i18n.t("dash-choose")))
        .chain([Format::Online, Format::InPerson, Format::Hybrid].map(|f| {
            (
                f.as_str().to_owned(),
                i18n.t(&format!("format-{}", f.as_str())),
            )
        }))
        .collect::<Vec<_>>();
    let (kind, format) = draft.with_untracked(|d| {
        (
            d.kind.map(|k| k.as_str().to_owned()).unwrap_or_default(),
            d.format.map(|f| f.as_str().to_owned()).unwrap_or_default(),
        )
    });
    let people: Vec<String> =
        draft.with_untracked(|d| d.facilitators.iter().map(|f| f.person_id.clone()).collect());
    let has_facilitators = !people.is_empty();
    let facilitators = people
        .into_iter()
        .enumerate()
        .map(|(i, person)| {
            let text = Signal::derive(move || {
                draft.with(|d| {
                    d.facilitators
                        .get(i)
                        .map(|f| f.role.clone())
                        .unwrap_or_default()
                })
            });
            let on_input = Callback::new(move |(lang, value)| {
                draft.update(|d| {
                    if let Some(f) = d.facilitators.get_mut(i) {
                        set_text(&mut f.role, lang, value);
                    }
                });
                changed();
            });
            let label =
                i18n.with(|m| m.format("dash-facilitator-role", &[("person", person.into())]));
            view! { <Bilingual name=format!("facilitators.{i}.role") label text on_input state/> }
        })
        .collect_view();

    view! {
        <article class="dashboard editor" aria-labelledby="editor-title">
            <p class="back">
                <a href=move || format!("/{}/dashboard?network={}", i18n.code(), encode(&network.get_value()))>
                    "← " {i18n.text("dash-desk")}
                </a>
            </p>
            <h1 id="editor-title">{title}</h1>
            <div class="status-line">
                <StateBadge state=publication/>
                <Completion completeness label=i18n.t("dash-completeness-label")/>
            </div>
            <Problems state id=SUMMARY/>
            <PublishRefusals refusals/>
            <form class="dash-form" novalidate on:submit=submit>
                <fieldset>
                    <legend>{i18n.text("dash-offering-what")}</legend>
                    <Choose name="kind".into() label=i18n.t("dash-kind") required=true options=kinds value=kind state
                        on_change=Callback::new(move |v: String| { draft.update(|d| d.kind = OfferingKind::parse(&v)); changed(); })/>
                    <Choose name="format".into() label=i18n.t("dash-format") required=true options=formats value=format state
                        on_change=Callback::new(move |v: String| { draft.update(|d| d.format = Format::parse(&v)); changed(); })/>
                </fieldset>
                <fieldset>
                    <legend>{i18n.text("dash-texts")}</legend>
                    <p class="hint">{i18n.text("dash-texts-hint")}</p>
                    {text("title", "dash-title-field", false, |d| &d.title, |d| &mut d.title)}
                    {text("summary", "dash-summary-field", true, |d| &d.summary, |d| &mut d.summary)}
                    {text("description", "dash-description-field", true, |d| &d.description, |d| &mut d.description)}
                    {text("audience", "dash-audience-field", true, |d| &d.audience, |d| &mut d.audience)}
                    {text("cost", "dash-cost-text-field", true, |d| &d.cost, |d| &mut d.cost)}
                </fieldset>
                <Checkboxes name="topics" legend=i18n.t("dash-topics") all=TOPICS message_prefix="topic-"
                    chosen=Signal::derive(move || draft.with(|d| d.topics.clone()))
                    on_change=Callback::new(move |topics| { draft.update(|d| d.topics = topics); changed(); }) state/>
                <Checkboxes name="languages" legend=i18n.t("dash-delivery-languages") all=DELIVERY_LANGUAGES message_prefix="lang-"
                    chosen=Signal::derive(move || draft.with(|d| d.languages.clone()))
                    on_change=Callback::new(move |langs| { draft.update(|d| d.languages = langs); changed(); }) state/>
                {has_facilitators.then(|| view! {
                    <fieldset>
                        <legend>{i18n.text("dash-facilitators")}</legend>
                        {facilitators}
                    </fieldset>
                })}
                <p class="form-actions">
                    <button type="submit" class="button primary" disabled=move || state.sending.get()
                        aria-busy=move || state.sending.get().to_string()>
                        {move || if state.sending.get() { i18n.t("form-sending") } else { i18n.t("dash-save") }}
                    </button>
                    <span class="done" role="status">{move || done.get()}</span>
                </p>
            </form>
            {id.get_value().map(|id| view! {
                <section class="publication" aria-labelledby="publication-title">
                    <h2 id="publication-title">{i18n.text("dash-publication")}</h2>
                    <p class="hint">{i18n.text("dash-publication-hint")}</p>
                    <p class="form-actions">
                        <PublicationActions state=publication act busy=state.sending.into()/>
                    </p>
                </section>
                <OfferingEditions offering=id network=network.get_value()
                    format=Signal::derive(move || draft.with(|d| d.format))/>
            })}
        </article>
    }
}

/// What still stops publication, as the API says it, each linked to its field.
#[component]
pub fn PublishRefusals(refusals: RwSignal<Vec<FieldError>>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let list = refusals.get();
        (!list.is_empty()).then(|| {
            view! {
                <section class="refusals" aria-labelledby="refusals-title">
                    <h2 id="refusals-title">{i18n.t("dash-before-publishing")}</h2>
                    <FieldLinks errors=list/>
                </section>
            }
        })
    }
}

/// Checkboxes for a list of ids (topics, languages), kept in the list's order.
#[component]
fn Checkboxes(
    name: &'static str,
    legend: String,
    all: &'static [&'static str],
    message_prefix: &'static str,
    chosen: Signal<Vec<String>>,
    on_change: Callback<Vec<String>>,
    state: FormState,
) -> impl IntoView {
    let i18n = use_i18n();
    let error = Signal::derive(move || {
        state.outcome.with(|o| {
            o.fields
                .iter()
                .find(|e| e.field == name || e.field.starts_with(&format!("{name}.")))
                .map(|e| e.message.clone())
        })
    });
    let error_id = format!("{}-error", field_id(name));
    view! {
        <fieldset id=field_id(name) tabindex="-1" class="checkboxes"
            aria-describedby=move || error.with(Option::is_some).then(|| error_id.clone())>
            <legend>{legend}</legend>
            <div class="check-grid">
                {all
                    .iter()
                    .map(|&item| {
                        let id = format!("{}-{item}", field_id(name));
                        let toggle = move |ev: leptos::ev::Event| {
                            let on = event_target_checked(&ev);
                            let mut list = chosen.get_untracked();
                            list.retain(|x| x != item);
                            if on {
                                list.push(item.to_owned());
                            }
                            list.sort_by_key(|x| all.iter().position(|a| a == x));
                            on_change.run(list);
                        };
                        view! {
                            <p class="check">
                                <input type="checkbox" id=id.clone()
                                    prop:checked=move || chosen.with(|c| c.iter().any(|x| x == item))
                                    on:change=toggle/>
                                <label for=id>{i18n.t(&format!("{message_prefix}{item}"))}</label>
                            </p>
                        }
                    })
                    .collect_view()}
            </div>
            <p class="field-error" id=format!("{}-error", field_id(name)) hidden=move || error.with(Option::is_none)>
                {move || error.get()}
            </p>
        </fieldset>
    }
}

/// The offering's editions (from the network's desk) and a new one.
#[component]
fn OfferingEditions(
    offering: String,
    network: String,
    format: Signal<Option<Format>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let url = Signal::derive(move || {
        format!(
            "/api/dashboard/networks/{}?lang={}",
            encode(&network),
            i18n.lang.get()
        )
    });
    let of = offering.clone();
    let show = move |answer| -> Result<AnyView, ApiError> {
        let desk: NetworkDesk = api::typed(answer)?;
        let editions = desk
            .offerings
            .into_iter()
            .find(|o| o.id == of)
            .map(|o| o.editions)
            .unwrap_or_default();
        if editions.is_empty() {
            return Ok(view! { <p class="none">{i18n.t("dash-no-editions")}</p> }.into_any());
        }
        Ok(view! {
            <ul class="dash-editions" role="list">
                {editions
                    .into_iter()
                    .map(|e| {
                        let href = format!("/{}/dashboard/editions/{}", i18n.code(), encode(&e.id));
                        let name = if e.title.is_empty() {
                            let date = e.starts_at.map(|at| {
                                i18n.with(|m| relais_domain::schedule::format_date(crate::time::viewer_local(at).date(), m))
                            });
                            match date {
                                Some(date) => i18n.with(|m| m.format("dash-edition-of", &[("date", date.into())])),
                                None => i18n.t("dash-edition-undated"),
                            }
                            .into_any()
                        } else {
                            title_of(i18n, &e.title)
                        };
                        view! {
                            <li class="dash-edition">
                                <a href=href>{name}</a> " " <StateBadge state=e.state/>
                                <Completion completeness=e.completeness label=i18n.t("dash-completeness-label")/>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
        .into_any())
    };
    view! {
        <section class="editions-of" aria-labelledby="editions-title">
            <h2 id="editions-title">{i18n.text("dash-editions")}</h2>
            <Fetched url show=Arc::new(show)/>
            <NewEdition offering format/>
        </section>
    }
}

/// A new edition of the offering, with its way of registering and the offering's format;
/// opened once created.
#[component]
fn NewEdition(offering: String, format: Signal<Option<Format>>) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let navigate = use_navigate();
    let state = FormState::new();
    let mode = RwSignal::new(RegistrationMode::Open);
    let offering = StoredValue::new(offering);
    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let lang = i18n.lang.get_untracked();
        let draft = EditionDraft {
            registration_mode: Some(mode.get_untracked()),
            format: format.get_untracked(),
            ..Default::default()
        };
        let path = format!(
            "/api/dashboard/offerings/{}/editions",
            encode(&offering.get_value())
        );
        let navigate = navigate.clone();
        state.sending.set(true);
        spawn_local(async move {
            let answer = session
                .send(Method::POST, &path, Some(api::json_text(&draft)), lang)
                .await;
            state.sending.set(false);
            match read::<Created>(answer) {
                Ok(created) => navigate(
                    &format!("/{lang}/dashboard/editions/{}", encode(&created.id)),
                    Default::default(),
                ),
                Err(error) => failed(i18n, state, "new-edition", "new-edition-summary", error),
            }
        });
    };
    let modes = registration_modes(i18n);
    view! {
        <form class="dash-form new-edition" novalidate on:submit=create>
            <Problems state id="new-edition-summary"/>
            <Choose name="new-edition.registration_mode".into() label=i18n.t("dash-registration-mode") options=modes
                value="open".into() state required=true
                on_change=Callback::new(move |v: String| mode.set(RegistrationMode::parse(&v).unwrap_or(RegistrationMode::Open)))/>
            <button type="submit" class="button primary" disabled=move || state.sending.get()>
                {i18n.text("dash-new-edition")}
            </button>
        </form>
    }
}

/// Every way of registering, named in the reader's language.
pub fn registration_modes(i18n: crate::i18n::I18n) -> Vec<(String, String)> {
    [
        RegistrationMode::Open,
        RegistrationMode::Application,
        RegistrationMode::External,
        RegistrationMode::None,
    ]
    .map(|m| {
        (
            m.as_str().to_owned(),
            i18n.t(&format!("registration-{}", m.as_str())),
        )
    })
    .to_vec()
}
