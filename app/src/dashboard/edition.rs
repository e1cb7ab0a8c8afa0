//! An edition in the bilingual editor: the languages it is given in, its texts, how people
//! register (mode, capacity, window on the organiser's clock, application questions), its
//! private details and cost; publishing, deleting or archiving, the next cohort, and its
//! sessions (`sessions`).

use std::sync::Arc;

use chrono::{DateTime, Utc};
use gloo_net::http::Method;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_navigate, use_params_map};
use relais_domain::authoring::{same_fields, Cost, CostKind, EditionDraft, PublicationState};
use relais_domain::catalog::{Format, RegistrationMode, DELIVERY_LANGUAGES};
use relais_domain::dashboard::{AuthoredEdition, AuthoredSession, Created, DuplicateRequest};
use relais_domain::library::Visibility;
use relais_domain::registration::Question;
use relais_domain::{Lang, Localized};

use super::bilingual::{languages, one_text, set_text, Bilingual, Same};
use super::editor::{Editing, EditorHead, Publication, SaveButton};
use super::library::visibility_name;
use super::offering::registration_modes;
use super::sessions::Sessions;
use super::{clock, encode, failed, read, title_of, unsaved, use_session, Choose, Entry, Problems};
use crate::api::{self, ApiError};
use crate::form::{described_by, field_id, FormState};
use crate::i18n::{use_i18n, I18n};
use crate::layout::Fetched;

const SUMMARY: &str = "edition-summary";

/// `/{lang}/dashboard/editions/{id}`.
#[component]
pub fn EditionPage() -> impl IntoView {
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
        Ok(view! { <EditionEditor authored/> }.into_any())
    };
    view! { <Fetched url show=Arc::new(show)/> }
}

/// The draft as it is sent: every text marked "same in every language" as one text.
fn normalized(draft: &EditionDraft) -> EditionDraft {
    let mut d = draft.clone();
    for name in &draft.same_in_every_language {
        let text = match name.as_str() {
            "title" => &mut d.title,
            "location" => &mut d.location,
            "private_details" => &mut d.private_details,
            "cost.note" => match &mut d.cost {
                Some(cost) => &mut cost.note,
                None => continue,
            },
            _ => continue,
        };
        *text = one_text(text);
    }
    d
}

/// What the edition page shares with its parts.
#[derive(Clone, Copy)]
pub struct Edition {
    pub id: StoredValue<String>,
    pub draft: RwSignal<EditionDraft>,
    pub sessions: RwSignal<Vec<AuthoredSession>>,
    pub refusals: RwSignal<Vec<relais_domain::problem::FieldError>>,
    pub registrations: RwSignal<u32>,
}

impl Edition {
    /// The edition as the API has it now, for its sessions, refusals and registrations (the
    /// page's unsaved changes to the edition itself stay).
    pub fn took(&self, authored: AuthoredEdition) {
        self.sessions.set(authored.sessions);
        self.refusals.set(authored.publish_refusals);
        self.registrations.set(authored.registrations);
        self.draft.update(|d| d.state = authored.draft.state);
    }

    /// Reads the edition again (after a session was added or changed).
    pub fn refresh(&self, i18n: I18n) {
        let this = *self;
        let url = format!(
            "/api/dashboard/editions/{}?lang={}",
            encode(&self.id.get_value()),
            i18n.lang.get_untracked()
        );
        spawn_local(async move {
            if let Ok(authored) = read::<AuthoredEdition>(api::fetch(url).await) {
                this.took(authored);
            }
        });
    }

    /// The organiser's zone: the first session's, else the device's (read once: a form
    /// that starts from it is not drawn again when sessions change).
    pub fn zone(&self) -> String {
        self.sessions
            .with_untracked(|s| {
                s.iter()
                    .find(|s| !s.draft.zone.is_empty())
                    .map(|s| s.draft.zone.clone())
            })
            .unwrap_or_else(clock::default_zone)
    }
}

#[component]
fn EditionEditor(authored: AuthoredEdition) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    session.network.set(Some(authored.network_id.clone()));
    let navigate = StoredValue::new_local(use_navigate());
    let offering = StoredValue::new(authored.offering_id.clone());
    let edition = Edition {
        id: StoredValue::new(authored.id.clone()),
        draft: RwSignal::new(authored.draft.clone()),
        sessions: RwSignal::new(authored.sessions.clone()),
        refusals: RwSignal::new(authored.publish_refusals.clone()),
        registrations: RwSignal::new(authored.registrations),
    };
    let draft = edition.draft;
    let editing = Editing::sharing(SUMMARY, edition.refusals);
    let state = editing.form;
    let publication = Memo::new(move |_| draft.with(|d| d.state));
    let completeness = Memo::new(move |_| {
        let sessions: Vec<_> = edition
            .sessions
            .with(|s| s.iter().map(|s| s.draft.clone()).collect());
        draft.with(|d| normalized(d).completeness(&sessions))
    });
    let written_in = Signal::derive(move || draft.with(|d| d.written_in));
    let changed = move || editing.changed();

    let save = move || async move {
        let body = Some(api::json_text(&draft.with_untracked(normalized)));
        let path = format!(
            "/api/dashboard/editions/{}",
            encode(&edition.id.get_value())
        );
        let Some(authored) = editing
            .send::<AuthoredEdition>(Method::PUT, &path, body)
            .await
        else {
            return false;
        };
        editing.saved(authored.publish_refusals.clone());
        edition.took(authored);
        true
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
            Some(format!(
                "/api/dashboard/editions/{}/state",
                encode(&edition.id.get_value())
            ))
        },
        save,
        move |authored: AuthoredEdition| edition.took(authored),
    );

    let text = move |name: &'static str,
                     label: &'static str,
                     hint: Option<&'static str>,
                     multiline: bool,
                     get: fn(&EditionDraft) -> Option<&Localized>,
                     get_mut: fn(&mut EditionDraft) -> Option<&mut Localized>| {
        let same = same_fields::EDITION
            .contains(&name)
            .then(|| editing.same(draft, name));
        let text = Signal::derive(move || draft.with(|d| get(d).cloned().unwrap_or_default()));
        let on_input = Callback::new(move |(lang, value)| {
            draft.update(|d| {
                if let Some(text) = get_mut(d) {
                    set_text(text, lang, value)
                }
            });
            changed();
        });
        let label = i18n.t(label);
        match (same, hint) {
            (Some(same), Some(hint)) => view! {
                <Bilingual name=name.to_owned() label hint=i18n.t(hint) multiline text on_input same written_in state/>
            }
            .into_any(),
            (Some(same), None) => view! {
                <Bilingual name=name.to_owned() label multiline text on_input same written_in state/>
            }
            .into_any(),
            (None, _) => view! {
                <Bilingual name=name.to_owned() label multiline text on_input written_in state/>
            }
            .into_any(),
        }
    };

    let mode = Memo::new(move |_| draft.with(|d| d.registration_mode));
    let initial = draft.get_untracked();
    let visibilities = [Visibility::Public, Visibility::Members]
        .map(|v| (v.as_str().to_owned(), visibility_name(i18n, v)))
        .to_vec();
    let mut modes = registration_modes(i18n);
    if initial.registration_mode.is_none() {
        modes.insert(0, (String::new(), i18n.t("dash-choose")));
    }
    let mut formats = [Format::Online, Format::InPerson, Format::Hybrid]
        .map(|f| {
            (
                f.as_str().to_owned(),
                i18n.t(&format!("format-{}", f.as_str())),
            )
        })
        .to_vec();
    if initial.format.is_none() {
        formats.insert(0, (String::new(), i18n.t("dash-choose")));
    }
    let zone = edition.zone();
    let window_value = |at: Option<DateTime<Utc>>| {
        at.and_then(|at| clock::local(&zone, at))
            .map(clock::datetime_local_value)
            .unwrap_or_default()
    };
    let (opens, closes) = (
        window_value(initial.registration_opens_at),
        window_value(initial.registration_closes_at),
    );
    let window_zone = StoredValue::new(zone.clone());
    let window_hint = i18n.with(|m| m.format("dash-window-hint", &[("zone", zone.clone().into())]));
    let at_in_zone = move |value: String| {
        clock::parse_datetime_local(&value)
            .and_then(|wall| clock::instant(&window_zone.get_value(), wall))
    };
    let title = move || {
        let t = draft.with(|d| d.title.clone());
        if t.is_empty() {
            view! { {i18n.t("dash-edition")} }.into_any()
        } else {
            title_of(i18n, &t)
        }
    };
    let delete = move |_| {
        let lang = i18n.lang.get_untracked();
        let path = format!(
            "/api/dashboard/editions/{}",
            encode(&edition.id.get_value())
        );
        state.sending.set(true);
        spawn_local(async move {
            let answer = session.send(Method::DELETE, &path, None, lang).await;
            state.sending.set(false);
            match answer {
                Ok(_) => {
                    let url = format!(
                        "/{lang}/dashboard/offerings/{}",
                        encode(&offering.get_value())
                    );
                    navigate.with_value(|go| go(&url, Default::default()));
                }
                Err(error) => failed(i18n, state, "", SUMMARY, error),
            }
        });
    };
    let asking_delete = RwSignal::new(false);
    let back = Signal::derive(move || {
        format!(
            "/{}/dashboard/offerings/{}",
            i18n.code(),
            encode(&offering.get_value())
        )
    });

    view! {
        <article class="dashboard editor" aria-labelledby="editor-title">
            <EditorHead back back_label=i18n.t("dash-back-offering") state=publication completeness editing>
                {title}
            </EditorHead>
            <p class="actions">
                <a class="button secondary" href=format!("/{}/dashboard/editions/{}/people", i18n.code(), encode(&edition.id.get_value()))>
                    {i18n.text("people-open")}
                </a>
                <a class="button secondary" href=move || format!("/{}/dashboard/editions/{}/message", i18n.code(), encode(&edition.id.get_value()))>
                    {i18n.text("dash-write-to-people")}
                </a>
                <a class="button secondary" href=format!("/{}/dashboard/editions/{}/schedule", i18n.code(), encode(&edition.id.get_value()))>
                    {i18n.text("dash-schedule-open")}
                </a>
            </p>
            <form class="dash-form" novalidate on:submit=submit>
                <WrittenIn draft changed=Callback::new(move |_| changed())/>
                <fieldset>
                    <legend>{i18n.text("dash-texts")}</legend>
                    {text("title", "dash-edition-title-field", Some("dash-edition-title-hint"), false, |d| Some(&d.title), |d| Some(&mut d.title))}
                    {text("location", "dash-location-field", None, true, |d| Some(&d.location), |d| Some(&mut d.location))}
                    {text("private_details", "dash-private-field", Some("dash-private-hint"), true, |d| Some(&d.private_details), |d| Some(&mut d.private_details))}
                </fieldset>
                <TagList name="instruction_languages".into() legend="dash-instruction-languages" hint="dash-instruction-languages-hint"
                    tags=Signal::derive(move || draft.with(|d| d.instruction_languages.clone()))
                    on_change=Callback::new(move |tags| { draft.update(|d| d.instruction_languages = tags); changed(); }) state/>
                <fieldset>
                    <legend>{i18n.text("dash-registration")}</legend>
                    <Choose name="visibility".into() label=i18n.t("dash-visibility") hint=i18n.t("dash-edition-visibility-hint")
                        required=true options=visibilities value=initial.visibility.as_str().to_owned() state
                        on_change=Callback::new(move |v: String| {
                            draft.update(|d| d.visibility = Visibility::parse(&v).unwrap_or_default());
                            changed();
                        })/>
                    <Choose name="registration_mode".into() label=i18n.t("dash-registration-mode") required=true options=modes
                        value=initial.registration_mode.map(|m| m.as_str().to_owned()).unwrap_or_default() state
                        on_change=Callback::new(move |v: String| { draft.update(|d| d.registration_mode = RegistrationMode::parse(&v)); changed(); })/>
                    <div hidden=move || mode.get() != Some(RegistrationMode::External)>
                        <Entry name="registration_url".into() label=i18n.t("dash-registration-url") kind="url"
                            value=initial.registration_url.clone().unwrap_or_default() state
                            on_input=Callback::new(move |v: String| { draft.update(|d| d.registration_url = Some(v.trim().to_owned()).filter(|v| !v.is_empty())); changed(); })/>
                    </div>
                    <Entry name="capacity".into() label=i18n.t("dash-capacity") hint=i18n.t("dash-capacity-hint") kind="number"
                        value=initial.capacity.map(|c| c.to_string()).unwrap_or_default() state
                        on_input=Callback::new(move |v: String| { draft.update(|d| d.capacity = whole_number(&v)); changed(); })/>
                    <Entry name="confirm_within_hours".into() label=i18n.t("dash-confirm-within") hint=i18n.t("dash-confirm-within-hint") kind="number"
                        value=initial.confirm_within_hours.map(|c| c.to_string()).unwrap_or_default() state
                        on_input=Callback::new(move |v: String| { draft.update(|d| d.confirm_within_hours = whole_number(&v)); changed(); })/>
                    <Choose name="format".into() label=i18n.t("dash-format") required=true options=formats
                        value=initial.format.map(|f| f.as_str().to_owned()).unwrap_or_default() state
                        on_change=Callback::new(move |v: String| { draft.update(|d| d.format = Format::parse(&v)); changed(); })/>
                    <Entry name="registration_opens_at".into() label=i18n.t("dash-opens") hint=window_hint.clone() kind="datetime-local"
                        value=opens state
                        on_input=Callback::new(move |v: String| { draft.update(|d| d.registration_opens_at = at_in_zone(v)); changed(); })/>
                    <Entry name="registration_closes_at".into() label=i18n.t("dash-closes") hint=window_hint kind="datetime-local"
                        value=closes state
                        on_input=Callback::new(move |v: String| { draft.update(|d| d.registration_closes_at = at_in_zone(v)); changed(); })/>
                </fieldset>
                <Questions draft written_in changed=Callback::new(move |_| changed()) state/>
                <CostFields draft written_in changed=Callback::new(move |_| changed()) state/>
                <SaveButton editing/>
            </form>
            <Publication state=publication act editing>
                {move || {
                    if edition.registrations.get() > 0 {
                        let count = edition.registrations.get();
                        return view! {
                            <p class="hint">{i18n.with(|m| m.format("dash-delete-archive-instead", &[("count", count.into())]))}</p>
                        }
                        .into_any();
                    }
                    if asking_delete.get() {
                        return view! {
                            <div class="confirm-box" role="group" aria-labelledby="delete-question">
                                <p id="delete-question" tabindex="-1">{i18n.t("dash-delete-confirm")}</p>
                                <p class="form-actions">
                                    <button type="button" class="button danger" on:click=delete disabled=move || state.sending.get()>
                                        {i18n.t("dash-delete-yes")}
                                    </button>
                                    <button type="button" class="button secondary" on:click=move |_| asking_delete.set(false)>
                                        {i18n.t("dash-keep")}
                                    </button>
                                </p>
                            </div>
                        }
                        .into_any();
                    }
                    let archived = publication.get() == PublicationState::Archived;
                    view! {
                        <p>
                            <button type="button" class="button secondary" hidden=archived on:click=move |_| {
                                asking_delete.set(true);
                                crate::form::focus("delete-question");
                            }>
                                {i18n.t("dash-delete")}
                            </button>
                        </p>
                    }
                    .into_any()
                }}
            </Publication>
            <Sessions edition/>
            <Duplicate edition/>
        </article>
    }
}

/// A whole number as typed: `None` when blank; a typo becomes 0, which the API refuses by
/// name in the reader's language.
fn whole_number(value: &str) -> Option<i64> {
    let value = value.trim();
    (!value.is_empty()).then(|| value.parse().unwrap_or(0))
}

/// Whether the edition is given in both languages or in one (its texts then need that
/// language only).
#[component]
fn WrittenIn(draft: RwSignal<EditionDraft>, changed: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let current = draft.with_untracked(|d| d.written_in);
    let choice = |value: Option<Lang>, label: String| {
        let id = format!("written-in-{}", value.map(|l| l.code()).unwrap_or("all"));
        let pick = move |_| {
            draft.update(|d| d.written_in = value);
            changed.run(());
        };
        view! {
            <label>
                <input type="radio" id=id name="written_in" checked=current == value on:change=pick/>
                {label}
            </label>
        }
    };
    let choices = std::iter::once(choice(None, i18n.t("dash-written-in-all")))
        .chain(languages().into_iter().map(|l| {
            let name = i18n.t(&format!("lang-{}", l.code()));
            choice(
                Some(l),
                i18n.with(|m| m.format("dash-written-in-one", &[("language", name.into())])),
            )
        }))
        .collect_view();
    view! {
        <fieldset class="choice" id=field_id("written_in") tabindex="-1">
            <legend>{i18n.text("dash-written-in")}</legend>
            <p class="hint">{i18n.text("dash-written-in-hint")}</p>
            {choices}
        </fieldset>
    }
}

/// The languages it is taught in: any BCP 47 tags, with the usual ones a button away. An
/// edition's, or one session's (`sessions.2.instruction_languages`).
#[component]
pub(super) fn TagList(
    /// The API's field name.
    name: String,
    /// The messages of the legend and its hint.
    legend: &'static str,
    hint: &'static str,
    tags: Signal<Vec<String>>,
    on_change: Callback<Vec<String>>,
    state: FormState,
) -> impl IntoView {
    let i18n = use_i18n();
    let input = NodeRef::<leptos::html::Input>::new();
    let id = field_id(&name);
    let error = Signal::derive({
        let within = format!("{name}.");
        let name = name.clone();
        move || {
            state.outcome.with(|o| {
                o.fields
                    .iter()
                    .find(|e| e.field == name || e.field.starts_with(&within))
                    .map(|e| e.message.clone())
            })
        }
    });
    let add = move |tag: String| {
        let tag = tag.trim().to_owned();
        if tag.is_empty() {
            return;
        }
        let mut list = tags.get_untracked();
        if !list.iter().any(|t| t.eq_ignore_ascii_case(&tag)) {
            list.push(tag);
            on_change.run(list);
        }
    };
    let add_typed = move || {
        if let Some(el) = input.get() {
            add(el.value());
            el.set_value("");
        }
    };
    let keydown = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Enter" {
            ev.prevent_default();
            add_typed();
        }
    };
    // The languages with names (catalog::DELIVERY_LANGUAGES, as the public pages name them)
    // are a button away; any other tag is typed.
    let named = move |tag: &str| {
        if DELIVERY_LANGUAGES.contains(&tag) {
            format!("{tag} — {}", i18n.t(&format!("lang-{tag}")))
        } else {
            tag.to_owned()
        }
    };
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let described = described_by(Some(hint_id.clone()), error_id.clone(), error);
    view! {
        <fieldset class="tags" class:invalid=move || error.with(Option::is_some)>
            <legend>{i18n.text(legend)}</legend>
            <p class="hint" id=hint_id>{i18n.text(hint)}</p>
            <ul class="tag-list" role="list">
                {move || {
                    tags.get()
                        .into_iter()
                        .map(|tag| {
                            let shown = named(&tag);
                            let gone = tag.clone();
                            let remove = move |_| {
                                let mut list = tags.get_untracked();
                                list.retain(|t| *t != gone);
                                on_change.run(list);
                            };
                            view! {
                                <li>
                                    <span class="tag">{shown}</span> " "
                                    <button type="button" class="link" on:click=remove>
                                        {i18n.t("dash-remove")} <span class="visually-hidden">" " {tag}</span>
                                    </button>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
            <p class="quick-tags">
                {DELIVERY_LANGUAGES
                    .iter()
                    .copied()
                    .map(|tag| view! {
                        <button type="button" class="button secondary" hidden=move || tags.with(|t| t.iter().any(|x| x == tag))
                            on:click=move |_| add(tag.to_owned())>
                            "+ " {i18n.t(&format!("lang-{tag}"))}
                        </button>
                    })
                    .collect_view()}
            </p>
            <div class="field tag-add">
                <label for=id.clone()>{i18n.text("dash-other-language")}</label>
                <span class="tag-entry">
                    <input id=id.clone() node_ref=input type="text" autocomplete="off" spellcheck="false"
                        placeholder="pt-BR" on:keydown=keydown aria-describedby=described
                        aria-invalid=move || error.with(Option::is_some).then_some("true")/>
                    <button type="button" class="button secondary" on:click=move |_| add_typed()>{i18n.text("dash-add")}</button>
                </span>
                <p class="field-error" id=error_id hidden=move || error.with(Option::is_none)>{move || error.get()}</p>
            </div>
        </fieldset>
    }
}

/// What an application asks: each question's label in every language, whether it must be
/// answered, and the one that may put people in the priority group.
#[component]
fn Questions(
    draft: RwSignal<EditionDraft>,
    written_in: Signal<Option<Lang>>,
    changed: Callback<()>,
    state: FormState,
) -> impl IntoView {
    let i18n = use_i18n();
    let count = Memo::new(move |_| draft.with(|d| d.questions.len()));
    let shown = move || {
        draft.with(|d| {
            d.registration_mode == Some(RegistrationMode::Application) || !d.questions.is_empty()
        })
    };
    let add = move |_| {
        draft.update(|d| {
            let mut n = d.questions.len() + 1;
            while d.questions.iter().any(|q| q.id == format!("q{n}")) {
                n += 1;
            }
            d.questions.push(Question {
                id: format!("q{n}"),
                label: Localized::default(),
                required: false,
                priority: false,
            });
        });
        changed.run(());
    };
    let rows = move || {
        (0..count.get())
            .map(|i| {
                let text = Signal::derive(move || {
                    draft.with(|d| d.questions.get(i).map(|q| q.label.clone()).unwrap_or_default())
                });
                let on_input = Callback::new(move |(lang, value)| {
                    draft.update(|d| {
                        if let Some(q) = d.questions.get_mut(i) {
                            set_text(&mut q.label, lang, value);
                        }
                    });
                    changed.run(());
                });
                let flag = move |priority: bool| {
                    move |ev: leptos::ev::Event| {
                        let on = event_target_checked(&ev);
                        draft.update(|d| {
                            if priority && on {
                                // One priority question at most.
                                d.questions.iter_mut().for_each(|q| q.priority = false);
                            }
                            if let Some(q) = d.questions.get_mut(i) {
                                if priority {
                                    q.priority = on;
                                } else {
                                    q.required = on;
                                }
                            }
                        });
                        changed.run(());
                    }
                };
                let remove = move |_| {
                    draft.update(|d| {
                        if i < d.questions.len() {
                            d.questions.remove(i);
                        }
                    });
                    changed.run(());
                    crate::form::focus("add-question");
                };
                let number = i + 1;
                let label = i18n.with(|m| m.format("dash-question", &[("number", number.into())]));
                let required_id = format!("{}-required", field_id(&format!("questions.{i}")));
                let priority_id = field_id(&format!("questions.{i}.priority"));
                view! {
                    <li class="question">
                        <Bilingual name=format!("questions.{i}.label") label text on_input written_in state/>
                        <p class="check">
                            <input type="checkbox" id=required_id.clone()
                                prop:checked=move || draft.with(|d| d.questions.get(i).is_some_and(|q| q.required))
                                on:change=flag(false)/>
                            <label for=required_id>{i18n.t("dash-question-required")}</label>
                        </p>
                        <p class="check">
                            <input type="checkbox" id=priority_id.clone()
                                prop:checked=move || draft.with(|d| d.questions.get(i).is_some_and(|q| q.priority))
                                on:change=flag(true)/>
                            <label for=priority_id>{i18n.t("dash-question-priority")}</label>
                        </p>
                        <p>
                            <button type="button" class="button secondary" on:click=remove>
                                {i18n.with(|m| m.format("dash-question-remove", &[("number", number.into())]))}
                            </button>
                        </p>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <fieldset class="questions" hidden=move || !shown() id=field_id("questions") tabindex="-1">
            <legend>{i18n.text("dash-questions")}</legend>
            <p class="hint">{i18n.text("dash-questions-hint")}</p>
            <ol class="question-list">{rows}</ol>
            <p>
                <button type="button" id="add-question" class="button secondary" on:click=add>{i18n.text("dash-question-add")}</button>
            </p>
        </fieldset>
    }
}

/// What one run costs: free, free with travel and lodging paid by participants, a fee, or
/// a fee with bursaries; the amount, its currency, and a note.
#[component]
fn CostFields(
    draft: RwSignal<EditionDraft>,
    written_in: Signal<Option<Lang>>,
    changed: Callback<()>,
    state: FormState,
) -> impl IntoView {
    let i18n = use_i18n();
    let kind = Memo::new(move |_| draft.with(|d| d.cost.as_ref().map(|c| c.kind)));
    let initial = draft.with_untracked(|d| d.cost.clone());
    let initial_kind = initial.as_ref().map(|c| c.kind);
    let choice = move |value: Option<CostKind>| {
        let key = value.map(|k| k.as_str()).unwrap_or("unset");
        let id = format!("cost-{key}");
        let pick = move |_| {
            draft.update(|d| match value {
                None => d.cost = None,
                Some(k) => {
                    let mut cost = d.cost.clone().unwrap_or_else(Cost::free);
                    cost.kind = k;
                    if !k.has_fee() {
                        cost.fee_cents = None;
                        cost.fee_currency = None;
                    }
                    d.cost = Some(cost);
                }
            });
            changed.run(());
        };
        view! {
            <label>
                <input type="radio" id=id name="cost.kind" checked=initial_kind == value on:change=pick/>
                {i18n.t(&format!("dash-cost-{key}"))}
            </label>
        }
    };
    let with_cost = move |f: Box<dyn FnOnce(&mut Cost)>| {
        draft.update(|d| {
            if let Some(cost) = d.cost.as_mut() {
                f(cost)
            }
        });
        changed.run(());
    };
    let decimal = if i18n.code() == "fr" { ',' } else { '.' };
    let amount = initial
        .as_ref()
        .and_then(|c| c.fee_cents)
        .map(|cents| {
            if cents % 100 == 0 {
                (cents / 100).to_string()
            } else {
                format!("{}{decimal}{:02}", cents / 100, (cents % 100).abs())
            }
        })
        .unwrap_or_default();
    let currency = initial
        .as_ref()
        .and_then(|c| c.fee_currency.clone())
        .unwrap_or_default();
    let note = Signal::derive(move || {
        draft.with(|d| d.cost.as_ref().map(|c| c.note.clone()).unwrap_or_default())
    });
    let same = Same {
        marked: Signal::derive(move || {
            draft.with(|d| d.same_in_every_language.contains("cost.note"))
        }),
        set: Callback::new(move |on: bool| {
            draft.update(|d| {
                if on {
                    d.same_in_every_language.insert("cost.note".to_owned());
                } else {
                    d.same_in_every_language.remove("cost.note");
                }
            });
            changed.run(());
        }),
    };
    view! {
        <fieldset class="cost">
            <legend>{i18n.text("dash-cost")}</legend>
            <div class="choice" id=field_id("cost") tabindex="-1">
                {choice(None)}
                {CostKind::ALL.into_iter().map(|k| choice(Some(k))).collect_view()}
            </div>
            <div hidden=move || !kind.get().is_some_and(CostKind::has_fee)>
                <Entry name="cost.fee_cents".into() label=i18n.t("dash-fee") hint=i18n.t("dash-fee-hint") kind="text"
                    value=amount state
                    on_input=Callback::new(move |v: String| with_cost(Box::new(move |c| c.fee_cents = cents(&v))))/>
                <Entry name="cost.fee_currency".into() label=i18n.t("dash-currency") hint=i18n.t("dash-currency-hint") kind="text"
                    value=currency state
                    on_input=Callback::new(move |v: String| with_cost(Box::new(move |c| {
                        let v = v.trim().to_uppercase();
                        c.fee_currency = (!v.is_empty()).then_some(v);
                    })))/>
            </div>
            <div hidden=move || kind.get().is_none()>
                <Bilingual name="cost.note".to_owned() label=i18n.t("dash-cost-note") multiline=true text=note
                    on_input=Callback::new(move |(lang, value)| with_cost(Box::new(move |c| set_text(&mut c.note, lang, value))))
                    same written_in state/>
            </div>
        </fieldset>
    }
}

/// An amount as people type it (`5000`, `5 000,50`, `5000.5`) in the currency's smallest
/// unit; a typo is -1, which the API refuses by name.
fn cents(text: &str) -> Option<i64> {
    let text: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if text.is_empty() {
        return None;
    }
    let text = text.replace(',', ".");
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() || !digits(whole) || !digits(fraction) || fraction.len() > 2 {
        return Some(-1);
    }
    let fraction = format!("{fraction:0<2}");
    let whole: i64 = whole.parse().unwrap_or(-1);
    Some(
        whole
            .checked_mul(100)
            .and_then(|w| w.checked_add(fraction.parse::<i64>().unwrap_or(0)))
            .unwrap_or(-1),
    )
}

/// The next cohort: a copy of the edition whose first session falls on or after a date,
/// whole weeks later; opened once made.
#[component]
fn Duplicate(edition: Edition) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let navigate = StoredValue::new_local(use_navigate());
    let state = FormState::new();
    let date = RwSignal::new(String::new());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if !unsaved::may_leave() {
            return;
        }
        let lang = i18n.lang.get_untracked();
        let body = DuplicateRequest {
            on_or_after: clock::parse_date(&date.get_untracked()),
        };
        let path = format!(
            "/api/dashboard/editions/{}/duplicate",
            encode(&edition.id.get_value())
        );
        state.sending.set(true);
        spawn_local(async move {
            let answer = session
                .send(Method::POST, &path, Some(api::json_text(&body)), lang)
                .await;
            state.sending.set(false);
            match read::<Created>(answer) {
                Ok(created) => {
                    state.clear();
                    let url = format!("/{lang}/dashboard/editions/{}", encode(&created.id));
                    navigate.with_value(|go| go(&url, Default::default()));
                }
                Err(error) => failed(i18n, state, "duplicate", "duplicate-summary", error),
            }
        });
    };
    view! {
        <section class="duplicate" aria-labelledby="duplicate-title">
            <h2 id="duplicate-title">{i18n.text("dash-duplicate")}</h2>
            <p class="hint">{i18n.text("dash-duplicate-hint")}</p>
            <form class="dash-form" novalidate on:submit=submit>
                <Problems state id="duplicate-summary"/>
                <Entry name="duplicate.on_or_after".into() label=i18n.t("dash-duplicate-date") kind="date" value=String::new()
                    required=true state on_input=Callback::new(move |v| date.set(v))/>
                <button type="submit" class="button primary" disabled=move || state.sending.get()>
                    {i18n.text("dash-duplicate-button")}
                </button>
            </form>
        </section>
    }
}
