//! An offering in the bilingual editor: what it is, its texts in every language, topics
//! and delivery languages; saving, publishing (with what still stops it), and its editions.

use std::sync::Arc;

use gloo_net::http::Method;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};
use leptos_router::NavigateOptions;
use relais_domain::authoring::{
    same_fields, EditionDraft, FacilitatorDraft, OfferingDraft, PublicationState,
};
use relais_domain::catalog::{Format, OfferingKind, RegistrationMode, DELIVERY_LANGUAGES, TOPICS};
use relais_domain::dashboard::{AuthoredOffering, Created, ItemLine, NetworkDesk};
use relais_domain::problem::FieldError;
use relais_domain::Localized;

use super::bilingual::{one_text, set_text, Bilingual};
use super::editor::{labelled, Checkboxes, Editing, EditorHead, Publication, SaveButton};
use super::{
    encode, failed, read, title_of, unsaved, use_session, Choose, Completion, Problems, StateBadge,
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
    let editing = Editing::new(SUMMARY, refusals);
    let state = editing.form;
    let publication = Memo::new(move |_| draft.with(|d| d.state));
    let completeness = Memo::new(move |_| draft.with(|d| normalized(d).completeness()));
    let id = StoredValue::new(id);
    let network = StoredValue::new(network);

    // Sends the draft: a new offering is created (then opened at its address), an existing
    // one replaced. True when it was saved.
    let save = move || async move {
        let body = Some(api::json_text(&draft.with_untracked(normalized)));
        match id.get_value() {
            None => {
                let path = format!(
                    "/api/dashboard/networks/{}/offerings",
                    encode(&network.get_value())
                );
                let Some(created) = editing.send::<Created>(Method::POST, &path, body).await else {
                    return false;
                };
                editing.dirty.set(false);
                let lang = i18n.lang.get_untracked();
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
            Some(id) => {
                let path = format!("/api/dashboard/offerings/{}", encode(&id));
                let Some(authored) = editing
                    .send::<AuthoredOffering>(Method::PUT, &path, body)
                    .await
                else {
                    return false;
                };
                editing.saved(authored.publish_refusals);
                draft.update(|d| d.state = authored.draft.state);
                true
            }
        }
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        editing.done.set(String::new());
        spawn_local(async move {
            save().await;
        });
    };
    let act = editing.publication(
        move || {
            id.get_value()
                .map(|id| format!("/api/dashboard/offerings/{}/state", encode(&id)))
        },
        save,
        move |authored: AuthoredOffering| {
            editing.refusals.set(authored.publish_refusals);
            draft.update(|d| d.state = authored.draft.state);
        },
    );

    let title = move || {
        let t = draft.with(|d| d.title.clone());
        if t.is_empty() && id.get_value().is_none() {
            view! { {i18n.t("dash-new-offering")} }.into_any()
        } else {
            title_of(i18n, &t)
        }
    };
    let changed = move || editing.changed();
    let text = move |name: &'static str,
                     label: &'static str,
                     multiline: bool,
                     get: fn(&OfferingDraft) -> &Localized,
                     get_mut: fn(&mut OfferingDraft) -> &mut Localized| {
        let same = same_fields::OFFERING
            .contains(&name)
            .then(|| editing.same(draft, name));
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
    let back = Signal::derive(move || {
        format!(
            "/{}/dashboard?network={}",
            i18n.code(),
            encode(&network.get_value())
        )
    });

    view! {
        <article class="dashboard editor" aria-labelledby="editor-title">
            <EditorHead back back_label=i18n.t("dash-desk") state=publication completeness editing>
                {title}
            </EditorHead>
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
                <Checkboxes name="topics" legend=i18n.t("dash-topics") options=labelled(i18n, TOPICS, "topic-")
                    chosen=Signal::derive(move || draft.with(|d| d.topics.clone()))
                    on_change=Callback::new(move |topics| { draft.update(|d| d.topics = topics); changed(); }) state/>
                <Checkboxes name="languages" legend=i18n.t("dash-delivery-languages") options=labelled(i18n, DELIVERY_LANGUAGES, "lang-")
                    chosen=Signal::derive(move || draft.with(|d| d.languages.clone()))
                    on_change=Callback::new(move |langs| { draft.update(|d| d.languages = langs); changed(); }) state/>
                <p class="same">
                    <input type="checkbox" id="f-on_behalf" aria-describedby="f-on_behalf-hint"
                        prop:checked=move || draft.with(|d| d.on_behalf)
                        on:change=move |ev| { draft.update(|d| d.on_behalf = event_target_checked(&ev)); changed(); }/>
                    <label for="f-on_behalf">{i18n.text("dash-on-behalf")}</label>
                </p>
                <p class="hint" id="f-on_behalf-hint">{i18n.text("dash-on-behalf-hint")}</p>
                <Facilitators draft network=network.get_value() editing/>
                <SaveButton editing/>
            </form>
            {id.get_value().map(|id| view! {
                <Publication state=publication act editing/>
                <OfferingEditions offering=id network=network.get_value()/>
            })}
        </article>
    }
}

/// The people who facilitate the offering (in every edition), picked among the network's
/// facilitators, each with their role in every language.
#[component]
fn Facilitators(
    draft: RwSignal<OfferingDraft>,
    network: String,
    editing: Editing,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = editing.form;
    // The network's facilitators, from its desk: the choice, and the names of those chosen.
    let people = RwSignal::new(Vec::<ItemLine>::new());
    let url = format!(
        "/api/dashboard/networks/{}?lang={}",
        encode(&network),
        i18n.lang.get_untracked()
    );
    spawn_local(async move {
        if let Ok(desk) = read::<NetworkDesk>(api::fetch(url).await) {
            people.set(desk.people);
        }
    });
    let count = Memo::new(move |_| draft.with(|d| d.facilitators.len()));
    let rows = move || {
        (0..count.get())
            .map(|i| {
                let person = draft.with_untracked(|d| {
                    d.facilitators
                        .get(i)
                        .map(|f| f.person_id.clone())
                        .unwrap_or_default()
                });
                let name = people.with(|p| {
                    p.iter()
                        .find(|p| p.id == person)
                        .map_or_else(|| person.clone(), |p| p.name.clone())
                });
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
                    editing.changed();
                });
                let remove = move |_| {
                    draft.update(|d| {
                        if i < d.facilitators.len() {
                            d.facilitators.remove(i);
                        }
                    });
                    editing.changed();
                    crate::form::focus("facilitator-pick");
                };
                let label = i18n.with(|m| {
                    m.format("dash-facilitator-role", &[("person", name.clone().into())])
                });
                let remove_label =
                    i18n.with(|m| m.format("dash-facilitator-remove", &[("person", name.into())]));
                view! {
                    <li class="facilitator">
                        <Bilingual name=format!("facilitators.{i}.role") label text on_input state/>
                        <p><button type="button" class="button secondary" on:click=remove>{remove_label}</button></p>
                    </li>
                }
            })
            .collect_view()
    };
    let picked = RwSignal::new(String::new());
    let choices = move || {
        let chosen: Vec<String> =
            draft.with(|d| d.facilitators.iter().map(|f| f.person_id.clone()).collect());
        people.with(|p| {
            p.iter()
                .filter(|p| !chosen.contains(&p.id))
                .map(|p| {
                    let label = if p.state == PublicationState::Published {
                        p.name.clone()
                    } else {
                        let state = i18n.t(&format!("dash-state-{}", p.state.as_str()));
                        format!("{} ({state})", p.name)
                    };
                    view! { <option value=p.id.clone()>{label}</option> }
                })
                .collect_view()
        })
    };
    let add = move |_| {
        let person = picked.get_untracked();
        if person.is_empty() {
            return;
        }
        draft.update(|d| {
            if !d.facilitators.iter().any(|f| f.person_id == person) {
                d.facilitators.push(FacilitatorDraft {
                    person_id: person.clone(),
                    role: Localized::default(),
                });
            }
        });
        picked.set(String::new());
        editing.changed();
    };
    view! {
        <fieldset class="facilitators" id=field_id("facilitators") tabindex="-1">
            <legend>{i18n.text("dash-facilitators")}</legend>
            <p class="hint">{i18n.text("dash-facilitators-hint")}</p>
            <ul class="facilitator-list" role="list">{rows}</ul>
            <div class="field">
                <label for="facilitator-pick">{i18n.text("dash-facilitator-pick")}</label>
                <span class="tag-entry">
                    <select id="facilitator-pick" prop:value=move || picked.get()
                        on:change=move |ev| picked.set(event_target_value(&ev))>
                        <option value="">{i18n.text("dash-choose")}</option>
                        {choices}
                    </select>
                    <button type="button" class="button secondary" on:click=add>{i18n.text("dash-add")}</button>
                </span>
            </div>
        </fieldset>
    }
}

/// The offering's editions (from the network's desk) and a new one.
#[component]
fn OfferingEditions(offering: String, network: String) -> impl IntoView {
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
            <NewEdition offering/>
        </section>
    }
}

/// A new edition of the offering, with its way of registering (its format is the
/// offering's, which the API fills in); opened once created, once the offering's unsaved
/// changes are saved or let go.
#[component]
fn NewEdition(offering: String) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let navigate = use_navigate();
    let state = FormState::new();
    let mode = RwSignal::new(RegistrationMode::Open);
    let offering = StoredValue::new(offering);
    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if !unsaved::may_leave() {
            return;
        }
        let lang = i18n.lang.get_untracked();
        let draft = EditionDraft {
            registration_mode: Some(mode.get_untracked()),
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
