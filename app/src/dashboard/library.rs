//! A network's knowledge library, as its librarians and coordinators curate it: the list of
//! its resources (drafts included) with their kind, state, visibility, languages and how
//! complete they are, and the resource editor — its kind and who may read it, the language
//! it was written in, its texts in every language it is available in with each
//! translation's translator, its topics, where it comes from and where it is, and the
//! network's offerings and editions it goes with; saving, and publishing with what still
//! stops it.

use std::sync::Arc;

use gloo_net::http::Method;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};
use leptos_router::NavigateOptions;
use relais_domain::authoring::ResourceDraft;
use relais_domain::catalog::TOPICS;
use relais_domain::dashboard::{AuthoredResource, Choice, Created, LibraryShelf, ResourceLine};
use relais_domain::library::file::{size_label, MAX_FILE_BYTES};
use relais_domain::library::{Kind, Visibility};
use relais_domain::problem::FieldError;
use relais_domain::Localized;

use super::bilingual::{languages, set_text, Bilingual};
use super::editor::{labelled, Checkboxes, Editing, EditorHead, Publication, SaveButton};
use super::{encode, read, title_of, use_session, Choose, Completion, Entry, StateBadge};
use crate::api::{self, ApiError};
use crate::form::{field_id, Control, Field};
use crate::i18n::{use_i18n, I18n};
use crate::layout::{Fetched, Loading};

const SUMMARY: &str = "resource-summary";

fn kind_name(i18n: I18n, kind: Kind) -> String {
    i18n.t(&format!("library-kind-{}", kind.as_str()))
}

pub(super) fn visibility_name(i18n: I18n, visibility: Visibility) -> String {
    i18n.t(&format!("dash-visibility-{}", visibility.as_str()))
}

fn library_href(i18n: I18n, network: &str) -> String {
    format!(
        "/{}/dashboard/library?network={}",
        i18n.code(),
        encode(network)
    )
}

fn shelf_url(i18n: I18n, network: &str) -> String {
    format!(
        "/api/dashboard/networks/{}/library?lang={}",
        encode(network),
        i18n.lang.get()
    )
}

/// `/{lang}/dashboard/library?network=…`: the network's library.
#[component]
pub fn LibraryPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let query = use_query_map();
    let network = Memo::new(move |_| session.chosen_library_network(query.read().get("network")));
    Effect::new(move |_| session.network.set(network.get()));
    view! {
        <article class="dashboard library" aria-labelledby="library-title">
            <h1 id="library-title">{i18n.text("dash-library-title")}</h1>
            <p class="lead">{i18n.text("dash-library-lead")}</p>
            {move || match network.get() {
                None => view! { <p class="none">{i18n.t("dash-no-library")}</p> }.into_any(),
                Some(network) => view! { <NetworkSwitch current=network.clone()/> <Shelf network/> }.into_any(),
            }}
        </article>
    }
}

/// The networks whose library the account curates, when there are several.
#[component]
fn NetworkSwitch(current: String) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let networks = session.library_networks();
    if networks.len() < 2 {
        return ().into_any();
    }
    let navigate = use_navigate();
    let chosen = RwSignal::new(current.clone());
    let go = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        navigate(
            &library_href(i18n, &chosen.get_untracked()),
            Default::default(),
        );
    };
    view! {
        <form class="network-switch" on:submit=go>
            <label for="network">{i18n.text("dash-network")}</label>
            <select id="network" on:change=move |ev| chosen.set(event_target_value(&ev))>
                {networks
                    .into_iter()
                    .map(|(id, name)| {
                        let selected = id == current;
                        view! { <option value=id selected=selected>{name}</option> }
                    })
                    .collect_view()}
            </select>
            <button type="submit" class="button secondary">{i18n.text("dash-network-show")}</button>
        </form>
    }
    .into_any()
}

#[component]
fn Shelf(network: String) -> impl IntoView {
    let i18n = use_i18n();
    let url = Signal::derive(move || shelf_url(i18n, &network));
    let show = move |answer| -> Result<AnyView, ApiError> {
        let shelf: LibraryShelf = api::typed(answer)?;
        Ok(view! { <ShelfView shelf/> }.into_any())
    };
    view! { <Fetched url show=Arc::new(show)/> }
}

#[component]
fn ShelfView(shelf: LibraryShelf) -> impl IntoView {
    let i18n = use_i18n();
    let code = i18n.code();
    let new_href = format!(
        "/{code}/dashboard/library/new?network={}",
        encode(&shelf.network.id)
    );
    let list = if shelf.resources.is_empty() {
        view! { <p class="none">{i18n.t("dash-no-resources")}</p> }.into_any()
    } else {
        view! {
            <ul class="dash-list" role="list">
                {shelf.resources.into_iter().map(|r| view! { <ResourceCard resource=r/> }).collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <h2 class="network-name">{shelf.network.name.clone()}</h2>
        <p class="actions"><a class="button primary" href=new_href>{i18n.t("dash-new-resource")}</a></p>
        <section aria-labelledby="resources-title">
            <h2 id="resources-title">{i18n.t("dash-resources")}</h2>
            {list}
        </section>
    }
}

/// A resource in the list: its title (to its editor), kind, state, who may read it, its
/// languages, and how complete it is.
#[component]
fn ResourceCard(resource: ResourceLine) -> impl IntoView {
    let i18n = use_i18n();
    let href = format!(
        "/{}/dashboard/library/{}",
        i18n.code(),
        encode(&resource.id)
    );
    let title = if resource.title.trim().is_empty() {
        view! { <span class="untitled">{i18n.t("dash-untitled")}</span> }.into_any()
    } else {
        view! { {resource.title.clone()} }.into_any()
    };
    let kind = match resource.kind {
        Some(kind) => kind_name(i18n, kind),
        None => i18n.t("dash-resource-no-kind"),
    };
    let languages = if resource.languages.is_empty() {
        i18n.t("dash-resource-no-language")
    } else {
        resource
            .languages
            .iter()
            .map(|l| i18n.language_name(l))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let facts = format!(
        "{kind} · {} · {languages}",
        visibility_name(i18n, resource.visibility)
    );
    view! {
        <li class="card dash-card" data-visibility=resource.visibility.as_str()>
            <h3><a href=href>{title}</a></h3>
            <p class="state-line"><StateBadge state=resource.state/></p>
            <p class="facts-line">{facts}</p>
            <Completion completeness=resource.completeness label=i18n.t("dash-completeness-label")/>
        </li>
    }
}

/// `/{lang}/dashboard/library/{id}`.
#[component]
pub fn ResourcePage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let url = Signal::derive(move || {
        let id = params.read().get("id").unwrap_or_default();
        format!(
            "/api/dashboard/library/{}?lang={}",
            encode(&id),
            i18n.lang.get()
        )
    });
    let show = move |answer| -> Result<AnyView, ApiError> {
        let authored: AuthoredResource = api::typed(answer)?;
        Ok(resource_editor(
            Some(authored.id),
            authored.network_id,
            authored.draft,
            authored.publish_refusals,
        )
        .into_any())
    };
    view! { <Fetched url show=Arc::new(show)/> }
}

/// `/{lang}/dashboard/library/new?network=…`.
#[component]
pub fn NewResourcePage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let query = use_query_map();
    match session.chosen_library_network(query.read_untracked().get("network")) {
        Some(network) => {
            resource_editor(None, network, ResourceDraft::default(), vec![]).into_any()
        }
        None => view! {
            <article class="dashboard">
                <h1>{i18n.text("dash-new-resource")}</h1>
                <p class="none">{i18n.text("dash-no-library")}</p>
            </article>
        }
        .into_any(),
    }
}

/// The draft as it is sent: blank one-line entries as none.
fn normalized(draft: &ResourceDraft) -> ResourceDraft {
    let mut d = draft.clone();
    for value in [&mut d.source, &mut d.licence, &mut d.url] {
        if value.as_deref().is_some_and(|v| v.trim().is_empty()) {
            *value = None;
        }
    }
    d
}

/// A one-line entry's value as the draft keeps it: trimmed, none when blank.
fn entered(value: String) -> Option<String> {
    Some(value.trim().to_owned()).filter(|v| !v.is_empty())
}

fn resource_editor(
    id: Option<String>,
    network: String,
    draft: ResourceDraft,
    refusals: Vec<FieldError>,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    session.network.set(Some(network.clone()));
    let navigate = StoredValue::new_local(use_navigate());
    let initial = draft.clone();
    let draft = RwSignal::new(draft);
    let editing = Editing::new(SUMMARY, refusals);
    let state = editing.form;
    let publication = Memo::new(move |_| draft.with(|d| d.state));
    let completeness = Memo::new(move |_| draft.with(|d| normalized(d).completeness()));
    let id = StoredValue::new(id);
    let network = StoredValue::new(network);

    // A new resource is created, then opened at its address; an existing one replaced.
    let save = move || async move {
        let body = Some(api::json_text(&draft.with_untracked(normalized)));
        match id.get_value() {
            None => {
                let path = format!(
                    "/api/dashboard/networks/{}/library",
                    encode(&network.get_value())
                );
                let Some(created) = editing.send::<Created>(Method::POST, &path, body).await else {
                    return false;
                };
                editing.dirty.set(false);
                let lang = i18n.lang.get_untracked();
                let url = format!("/{lang}/dashboard/library/{}", encode(&created.id));
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
                let path = format!("/api/dashboard/library/{}", encode(&id));
                let Some(authored) = editing
                    .send::<AuthoredResource>(Method::PUT, &path, body)
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
                .map(|id| format!("/api/dashboard/library/{}/state", encode(&id)))
        },
        save,
        move |authored: AuthoredResource| {
            editing.refusals.set(authored.publish_refusals);
            draft.update(|d| d.state = authored.draft.state);
        },
    );

    let title = move || {
        let t = draft.with(|d| d.title.clone());
        if t.is_empty() && id.get_value().is_none() {
            view! { {i18n.t("dash-new-resource")} }.into_any()
        } else {
            title_of(i18n, &t)
        }
    };
    let changed = move || editing.changed();
    let text = move |name: &'static str,
                     label: &'static str,
                     multiline: bool,
                     hint: Option<&'static str>,
                     get: fn(&ResourceDraft) -> &Localized,
                     get_mut: fn(&mut ResourceDraft) -> &mut Localized| {
        let text = Signal::derive(move || draft.with(|d| get(d).clone()));
        let on_input = Callback::new(move |(lang, value)| {
            draft.update(|d| set_text(get_mut(d), lang, value));
            changed();
        });
        match hint {
            Some(hint) => view! {
                <Bilingual name=name.to_owned() label=i18n.t(label) hint=i18n.t(hint) multiline text on_input state/>
            }
            .into_any(),
            None => view! {
                <Bilingual name=name.to_owned() label=i18n.t(label) multiline text on_input state/>
            }
            .into_any(),
        }
    };
    let kinds = std::iter::once((String::new(), i18n.t("dash-choose")))
        .chain(Kind::ALL.map(|k| (k.as_str().to_owned(), kind_name(i18n, k))))
        .collect::<Vec<_>>();
    let visibilities = [Visibility::Public, Visibility::Members]
        .map(|v| (v.as_str().to_owned(), visibility_name(i18n, v)))
        .to_vec();
    // The interface languages, and the one it was written in if it is another.
    let mut originals: Vec<String> = languages().iter().map(|l| l.code().to_owned()).collect();
    if let Some(other) = initial.original.as_ref().filter(|o| !originals.contains(o)) {
        originals.push(other.clone());
    }
    let originals = std::iter::once((String::new(), i18n.t("dash-choose")))
        .chain(originals.into_iter().map(|code| {
            let name = i18n.language_name(&code);
            (code, name)
        }))
        .collect::<Vec<_>>();
    let back = Signal::derive(move || library_href(i18n, &network.get_value()));
    let entry = |name: &'static str,
                 label: &'static str,
                 hint: Option<&'static str>,
                 kind: &'static str,
                 value: Option<String>,
                 set: fn(&mut ResourceDraft, Option<String>)| {
        let on_input = Callback::new(move |v: String| {
            draft.update(|d| set(d, entered(v)));
            changed();
        });
        let value = value.unwrap_or_default();
        match hint {
            Some(hint) => view! {
                <Entry name=name.to_owned() label=i18n.t(label) hint=i18n.t(hint) kind value on_input state/>
            }
            .into_any(),
            None => view! { <Entry name=name.to_owned() label=i18n.t(label) kind value on_input state/> }
                .into_any(),
        }
    };

    view! {
        <article class="dashboard editor" aria-labelledby="editor-title">
            <EditorHead back back_label=i18n.t("dash-library-title") state=publication completeness editing>
                {title}
            </EditorHead>
            <form class="dash-form" novalidate on:submit=submit>
                <fieldset>
                    <legend>{i18n.text("dash-resource-what")}</legend>
                    <Choose name="kind".into() label=i18n.t("dash-resource-kind") required=true options=kinds
                        value=initial.kind.map(|k| k.as_str().to_owned()).unwrap_or_default() state
                        on_change=Callback::new(move |v: String| {
                            draft.update(|d| d.kind = Kind::ALL.into_iter().find(|k| k.as_str() == v));
                            changed();
                        })/>
                    <Choose name="visibility".into() label=i18n.t("dash-visibility") hint=i18n.t("dash-visibility-hint")
                        required=true options=visibilities value=initial.visibility.as_str().to_owned() state
                        on_change=Callback::new(move |v: String| {
                            draft.update(|d| d.visibility = if v == Visibility::Members.as_str() { Visibility::Members } else { Visibility::Public });
                            changed();
                        })/>
                    <Choose name="original".into() label=i18n.t("dash-original") hint=i18n.t("dash-original-hint")
                        required=true options=originals value=initial.original.clone().unwrap_or_default() state
                        on_change=Callback::new(move |v: String| {
                            draft.update(|d| d.original = entered(v));
                            changed();
                        })/>
                </fieldset>
                <fieldset>
                    <legend>{i18n.text("dash-texts")}</legend>
                    <p class="hint">{i18n.text("dash-resource-texts-hint")}</p>
                    {text("title", "dash-title-field", false, None, |d| &d.title, |d| &mut d.title)}
                    {text("summary", "dash-summary-field", true, None, |d| &d.summary, |d| &mut d.summary)}
                    {text("body", "dash-body-field", true, Some("dash-body-hint"), |d| &d.body, |d| &mut d.body)}
                    {text("translator", "dash-translator-field", false, Some("dash-translator-hint"), |d| &d.translator, |d| &mut d.translator)}
                </fieldset>
                <fieldset>
                    <legend>{i18n.text("dash-resource-where")}</legend>
                    {entry("url", "dash-resource-url", Some("dash-resource-url-hint"), "url", initial.url.clone(), |d, v| d.url = v)}
                    {id.get_value().map(|id| view! { <AttachedFile id draft editing/> })}
                    {entry("source", "dash-source-field", Some("dash-source-hint"), "text", initial.source.clone(), |d, v| d.source = v)}
                    {entry("licence", "dash-licence-field", None, "text", initial.licence.clone(), |d, v| d.licence = v)}
                </fieldset>
                <Checkboxes name="topics" legend=i18n.t("dash-topics") options=labelled(i18n, TOPICS, "topic-")
                    chosen=Signal::derive(move || draft.with(|d| d.topics.clone()))
                    on_change=Callback::new(move |topics| { draft.update(|d| d.topics = topics); changed(); }) state/>
                <GoesWith draft network=network.get_value() editing/>
                <SaveButton editing/>
            </form>
            {id.get_value().is_some().then(|| view! { <Publication state=publication act editing/> })}
        </article>
    }
}

/// The network's offerings and editions the resource goes with, from its library's shelf;
/// one already linked that the shelf no longer lists stays, named by its id, to be unlinked.
#[component]
fn GoesWith(draft: RwSignal<ResourceDraft>, network: String, editing: Editing) -> impl IntoView {
    let i18n = use_i18n();
    let state = editing.form;
    let shelf = RwSignal::new(None::<Result<LibraryShelf, ApiError>>);
    let url = shelf_url(i18n, &network);
    spawn_local(async move {
        shelf.set(Some(read::<LibraryShelf>(api::fetch(url).await)));
    });
    let options = move |listed: &[Choice], linked: &[String]| -> Vec<(String, String)> {
        let mut options: Vec<(String, String)> = listed
            .iter()
            .map(|c| (c.id.clone(), c.label.clone()))
            .collect();
        for id in linked {
            if !options.iter().any(|(o, _)| o == id) {
                options.push((id.clone(), id.clone()));
            }
        }
        options
    };
    move || match shelf.get() {
        None => view! { <Loading/> }.into_any(),
        Some(Err(_)) => {
            view! { <p class="none" role="status">{i18n.t("dash-links-failed")}</p> }.into_any()
        }
        Some(Ok(shelf)) => {
            let (offerings, editions) = draft.with_untracked(|d| {
                (
                    options(&shelf.offerings, &d.offerings),
                    options(&shelf.editions, &d.editions),
                )
            });
            let offerings = (!offerings.is_empty()).then(|| {
                view! {
                    <Checkboxes name="offerings" legend=i18n.t("dash-resource-offerings") hint=i18n.t("dash-resource-offerings-hint")
                        options=offerings chosen=Signal::derive(move || draft.with(|d| d.offerings.clone()))
                        on_change=Callback::new(move |ids| { draft.update(|d| d.offerings = ids); editing.changed(); }) state/>
                }
            });
            let editions = (!editions.is_empty()).then(|| {
                view! {
                    <Checkboxes name="editions" legend=i18n.t("dash-resource-editions") hint=i18n.t("dash-resource-editions-hint")
                        options=editions chosen=Signal::derive(move || draft.with(|d| d.editions.clone()))
                        on_change=Callback::new(move |ids| { draft.update(|d| d.editions = ids); editing.changed(); }) state/>
                }
            });
            view! { {offerings} {editions} }.into_any()
        }
    }
}

/// The resource's attached file: what it is, a way to remove it, and a file to attach in its
/// place, sent at once (not with the form). The Worker checks the file again (its type, its
/// first bytes, its size): the size is checked here first, so a phone does not send 10 MB
/// to hear no.
#[component]
fn AttachedFile(id: String, draft: RwSignal<ResourceDraft>, editing: Editing) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let state = editing.form;
    let told = RwSignal::new(None::<String>);
    let path = StoredValue::new(format!("/api/dashboard/library/{}/file", encode(&id)));
    let took = move |authored: AuthoredResource| {
        state.clear();
        draft.update(|d| d.file = authored.draft.file);
        editing.refusals.set(authored.publish_refusals);
    };
    let attach = move |_| {
        let input = document()
            .get_element_by_id(&field_id("file"))
            .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(e).ok());
        let Some(file) = input
            .as_ref()
            .and_then(|i| i.files())
            .and_then(|f| f.get(0))
        else {
            told.set(Some(i18n.t("dash-file-none-chosen")));
            return;
        };
        if file.size() > MAX_FILE_BYTES as f64 {
            told.set(Some(i18n.t("dash-file-too-large")));
            return;
        }
        told.set(Some(i18n.t("dash-file-sending")));
        spawn_local(async move {
            let lang = i18n.lang.get_untracked();
            let path = path.get_value();
            let sending = session.send_file(&path, &file, lang);
            match editing.receive::<AuthoredResource>(sending).await {
                Some(authored) => {
                    took(authored);
                    if let Some(input) = input {
                        input.set_value("");
                    }
                    told.set(Some(i18n.t("dash-file-attached")));
                }
                None => told.set(None),
            }
        });
    };
    let remove = move |_| {
        spawn_local(async move {
            let path = path.get_value();
            let sent = editing.send::<AuthoredResource>(Method::DELETE, &path, None);
            if let Some(authored) = sent.await {
                took(authored);
                told.set(Some(i18n.t("dash-file-removed")));
            }
        });
    };
    let current = move || {
        draft.with(|d| d.file.clone()).map(|file| {
            let described = i18n.with(|m| {
                m.format(
                    "dash-file-current",
                    &[
                        ("name", file.name.clone().into()),
                        ("type", file.label().to_owned().into()),
                        ("size", size_label(file.size, i18n.lang.get()).into()),
                    ],
                )
            });
            view! {
                <p class="attached">{described}</p>
                <p><button type="button" class="button" on:click=remove
                    disabled=move || state.sending.get()>{i18n.t("dash-file-remove")}</button></p>
            }
        })
    };
    let control = Control::Input {
        kind: "file",
        autocomplete: "off",
        value: String::new(),
    };
    view! {
        <div class="attached-file">
            {current}
            <Field name="file".into() label=i18n.t("dash-file-field") hint=i18n.t("dash-file-hint") control state/>
            <p><button type="button" class="button" on:click=attach
                disabled=move || state.sending.get()>{i18n.t("dash-file-attach")}</button></p>
            <p class="hint" role="status">{move || told.get()}</p>
        </div>
    }
}
