//! A network's facilitators' public profiles and its partners, in one editor: the name, the
//! text in every language side by side (a facilitator's presentation, a partner's
//! description) with its "same in every language" mark, a partner's website; saving, and
//! publishing with what still stops it. A facilitator is linked to offerings in the
//! offering's editor, for all its editions.

use std::sync::Arc;

use gloo_net::http::Method;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};
use leptos_router::NavigateOptions;
use relais_domain::authoring::{Completeness, PartnerDraft, PersonDraft, PublicationState};
use relais_domain::dashboard::{Authored, Created};
use relais_domain::problem::FieldError;
use relais_domain::Localized;
use serde::de::DeserializeOwned;
use serde::Serialize;

use super::bilingual::{one_text, set_text, Bilingual};
use super::editor::{Editing, EditorHead, Publication, SameTexts, SaveButton};
use super::{encode, use_session, Entry};
use crate::api::{self, ApiError};
use crate::i18n::use_i18n;
use crate::layout::Fetched;

const SUMMARY: &str = "profile-summary";

/// What differs between a facilitator's profile and a partner in the editor.
pub trait Profile:
    SameTexts + Clone + Default + Serialize + DeserializeOwned + Send + Sync + 'static
{
    /// The path segment of the API's and the dashboard's addresses (`people`, `partners`).
    const PATH: &'static str;
    /// The new item's heading.
    const NEW: &'static str;
    /// The localized text: its field and its label's message.
    const TEXT: (&'static str, &'static str);
    fn state(&self) -> PublicationState;
    fn set_state(&mut self, state: PublicationState);
    fn name_mut(&mut self) -> &mut String;
    fn name(&self) -> &str;
    fn text(&self) -> &Localized;
    fn text_mut(&mut self) -> &mut Localized;
    fn completeness(&self) -> Completeness;
    /// A partner's website: `None` for a facilitator, who has none.
    fn url_mut(&mut self) -> Option<&mut Option<String>> {
        None
    }
}

impl Profile for PersonDraft {
    const PATH: &'static str = "people";
    const NEW: &'static str = "dash-new-person";
    const TEXT: (&'static str, &'static str) = ("bio", "dash-bio-field");
    fn state(&self) -> PublicationState {
        self.state
    }
    fn set_state(&mut self, state: PublicationState) {
        self.state = state;
    }
    fn name(&self) -> &str {
        &self.name
    }
    fn name_mut(&mut self) -> &mut String {
        &mut self.name
    }
    fn text(&self) -> &Localized {
        &self.bio
    }
    fn text_mut(&mut self) -> &mut Localized {
        &mut self.bio
    }
    fn completeness(&self) -> Completeness {
        PersonDraft::completeness(self)
    }
}

impl Profile for PartnerDraft {
    const PATH: &'static str = "partners";
    const NEW: &'static str = "dash-new-partner";
    const TEXT: (&'static str, &'static str) = ("description", "dash-description-field");
    fn state(&self) -> PublicationState {
        self.state
    }
    fn set_state(&mut self, state: PublicationState) {
        self.state = state;
    }
    fn name(&self) -> &str {
        &self.name
    }
    fn name_mut(&mut self) -> &mut String {
        &mut self.name
    }
    fn text(&self) -> &Localized {
        &self.description
    }
    fn text_mut(&mut self) -> &mut Localized {
        &mut self.description
    }
    fn completeness(&self) -> Completeness {
        PartnerDraft::completeness(self)
    }
    fn url_mut(&mut self) -> Option<&mut Option<String>> {
        Some(&mut self.url)
    }
}

/// `/{lang}/dashboard/people/{id}`.
#[component]
pub fn PersonPage() -> impl IntoView {
    profile_page::<PersonDraft>()
}

/// `/{lang}/dashboard/partners/{id}`.
#[component]
pub fn PartnerPage() -> impl IntoView {
    profile_page::<PartnerDraft>()
}

/// `/{lang}/dashboard/people/new?network=…`.
#[component]
pub fn NewPersonPage() -> impl IntoView {
    new_profile_page::<PersonDraft>()
}

/// `/{lang}/dashboard/partners/new?network=…`.
#[component]
pub fn NewPartnerPage() -> impl IntoView {
    new_profile_page::<PartnerDraft>()
}

fn profile_page<P: Profile>() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let url = Signal::derive(move || {
        let id = params.read().get("id").unwrap_or_default();
        format!(
            "/api/dashboard/{}/{}?lang={}",
            P::PATH,
            encode(&id),
            i18n.lang.get()
        )
    });
    let show = move |answer| -> Result<AnyView, ApiError> {
        let authored: Authored<P> = api::typed(answer)?;
        Ok(profile_editor(
            Some(authored.id),
            authored.network_id,
            authored.draft,
            authored.publish_refusals,
        )
        .into_any())
    };
    view! { <Fetched url show=Arc::new(show)/> }
}

fn new_profile_page<P: Profile>() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let query = use_query_map();
    match session.chosen_network(query.read_untracked().get("network")) {
        Some(network) => profile_editor(None, network, P::default(), vec![]).into_any(),
        None => view! {
            <article class="dashboard">
                <h1>{i18n.text(P::NEW)}</h1>
                <p class="none">{i18n.text("dash-no-network")}</p>
            </article>
        }
        .into_any(),
    }
}

/// The draft as it is sent: its text marked "same in every language" as one text.
fn normalized<P: Profile>(draft: &P) -> P {
    let mut d = draft.clone();
    if draft.same_texts().contains(P::TEXT.0) {
        let one = one_text(d.text());
        *d.text_mut() = one;
    }
    d
}

fn profile_editor<P: Profile>(
    id: Option<String>,
    network: String,
    draft: P,
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
    let publication = Memo::new(move |_| draft.with(|d| d.state()));
    let completeness = Memo::new(move |_| draft.with(|d| normalized(d).completeness()));
    let id = StoredValue::new(id);
    let network = StoredValue::new(network);

    // A new profile is created, then opened at its address; an existing one replaced.
    let save = move || async move {
        let body = Some(api::json_text(&draft.with_untracked(normalized)));
        match id.get_value() {
            None => {
                let path = format!(
                    "/api/dashboard/networks/{}/{}",
                    encode(&network.get_value()),
                    P::PATH
                );
                let Some(created) = editing.send::<Created>(Method::POST, &path, body).await else {
                    return false;
                };
                editing.dirty.set(false);
                let lang = i18n.lang.get_untracked();
                let url = format!("/{lang}/dashboard/{}/{}", P::PATH, encode(&created.id));
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
                let path = format!("/api/dashboard/{}/{}", P::PATH, encode(&id));
                let Some(authored) = editing.send::<Authored<P>>(Method::PUT, &path, body).await
                else {
                    return false;
                };
                editing.saved(authored.publish_refusals);
                draft.update(|d| d.set_state(authored.draft.state()));
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
                .map(|id| format!("/api/dashboard/{}/{}/state", P::PATH, encode(&id)))
        },
        save,
        move |authored: Authored<P>| {
            editing.refusals.set(authored.publish_refusals);
            draft.update(|d| d.set_state(authored.draft.state()));
        },
    );

    let title = move || {
        let name = draft.with(|d| d.name().trim().to_owned());
        if name.is_empty() {
            i18n.t(P::NEW)
        } else {
            name
        }
    };
    let back = Signal::derive(move || {
        format!(
            "/{}/dashboard?network={}",
            i18n.code(),
            encode(&network.get_value())
        )
    });
    let (field, label) = P::TEXT;
    let same = editing.same(draft, field);
    let text = Signal::derive(move || draft.with(|d| d.text().clone()));
    let on_input = Callback::new(move |(lang, value)| {
        draft.update(|d| set_text(d.text_mut(), lang, value));
        editing.changed();
    });
    let mut with_url = initial.clone();
    let url_view = with_url.url_mut().map(|url| {
        view! {
            <Entry name="url".into() label=i18n.t("dash-url-field") kind="url"
                value=url.clone().unwrap_or_default() state
                on_input=Callback::new(move |v: String| {
                    draft.update(|d| {
                        if let Some(url) = d.url_mut() {
                            *url = Some(v.trim().to_owned()).filter(|v| !v.is_empty());
                        }
                    });
                    editing.changed();
                })/>
        }
    });

    view! {
        <article class="dashboard editor" aria-labelledby="editor-title">
            <EditorHead back back_label=i18n.t("dash-desk") state=publication completeness editing>
                {title}
            </EditorHead>
            <form class="dash-form" novalidate on:submit=submit>
                <fieldset>
                    <legend>{i18n.text("dash-profile")}</legend>
                    <p class="hint">{i18n.text("dash-texts-hint")}</p>
                    <Entry name="name".into() label=i18n.t("dash-name-field") hint=i18n.t("dash-name-hint") kind="text"
                        required=true value=initial.name().to_owned() state
                        on_input=Callback::new(move |v: String| { draft.update(|d| *d.name_mut() = v); editing.changed(); })/>
                    <Bilingual name=field.to_owned() label=i18n.t(label) multiline=true text on_input same state/>
                    {url_view}
                </fieldset>
                <SaveButton editing/>
            </form>
            {id.get_value().is_some().then(|| view! { <Publication state=publication act editing/> })}
        </article>
    }
}
