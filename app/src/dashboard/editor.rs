//! What every editor of the dashboard shares (offerings, editions, facilitators, partners):
//! the page's head — the way back, the title, the state and the meter, what to correct and
//! what still stops publication —, the save button, the publication section, sending a
//! change with its refusals shown by their fields, the "same in every language" marks,
//! checkboxes for a list of ids, and the warning before unsaved changes are left behind
//! (`unsaved`).

use std::collections::BTreeSet;
use std::future::Future;

use gloo_net::http::Method;
use leptos::prelude::*;
use leptos::task::spawn_local;
use relais_domain::authoring::{
    Completeness, EditionDraft, OfferingDraft, PartnerDraft, PersonDraft, PublicationAction,
    PublicationState,
};
use relais_domain::problem::FieldError;
use serde::de::DeserializeOwned;

use super::bilingual::Same;
use super::{
    action_body, failed, read, unsaved, use_session, Completion, FieldLinks, Problems,
    PublicationActions, Session, StateBadge,
};
use crate::form::{field_id, FormState};
use crate::i18n::{use_i18n, I18n};

/// A draft whose texts may be marked "same in every language".
pub trait SameTexts: Send + Sync + 'static {
    fn same_texts(&self) -> &BTreeSet<String>;
    fn same_texts_mut(&mut self) -> &mut BTreeSet<String>;
}

macro_rules! same_texts {
    ($($draft:ty),*) => {$(
        impl SameTexts for $draft {
            fn same_texts(&self) -> &BTreeSet<String> {
                &self.same_in_every_language
            }
            fn same_texts_mut(&mut self) -> &mut BTreeSet<String> {
                &mut self.same_in_every_language
            }
        }
    )*};
}
same_texts!(OfferingDraft, EditionDraft, PersonDraft, PartnerDraft);

/// An editor's state besides its draft: its form (sending, refusals by field), whether it
/// holds unsaved changes, what was just done, and what still stops publication.
#[derive(Clone, Copy)]
pub struct Editing {
    pub form: FormState,
    pub dirty: RwSignal<bool>,
    pub done: RwSignal<String>,
    pub refusals: RwSignal<Vec<FieldError>>,
    /// The id of the summary of refusals, which takes the focus when a change fails.
    summary: &'static str,
    i18n: I18n,
    session: Session,
}

impl Editing {
    /// A new editor's state; leaving it with unsaved changes asks first.
    pub fn new(summary: &'static str, refusals: Vec<FieldError>) -> Editing {
        Editing::sharing(summary, RwSignal::new(refusals))
    }

    /// `new`, with what stops publication kept where the page's other parts read it.
    pub fn sharing(summary: &'static str, refusals: RwSignal<Vec<FieldError>>) -> Editing {
        let dirty = RwSignal::new(false);
        unsaved::warn_while(dirty);
        Editing {
            form: FormState::new(),
            dirty,
            done: RwSignal::new(String::new()),
            refusals,
            summary,
            i18n: use_i18n(),
            session: use_session(),
        }
    }

    /// Something on the page changed and is not saved.
    pub fn changed(&self) {
        self.dirty.set(true);
        self.done.set(String::new());
    }

    /// The page's changes are saved; `refusals` is what still stops publication.
    pub fn saved(&self, refusals: Vec<FieldError>) {
        self.form.clear();
        self.refusals.set(refusals);
        self.dirty.set(false);
        self.done.set(self.i18n.t("dash-saved"));
    }

    /// The "same in every language" mark of the text `name` of `draft`.
    pub fn same<D: SameTexts>(&self, draft: RwSignal<D>, name: &'static str) -> Same {
        let this = *self;
        Same {
            marked: Signal::derive(move || draft.with(|d| d.same_texts().contains(name))),
            set: Callback::new(move |on: bool| {
                draft.update(|d| {
                    if on {
                        d.same_texts_mut().insert(name.to_owned());
                    } else {
                        d.same_texts_mut().remove(name);
                    }
                });
                this.changed();
            }),
        }
    }

    /// Sends a change to `path` and reads the answer as `T`; a refusal is shown by its
    /// fields and in the summary, and gives `None`.
    pub async fn send<T: DeserializeOwned>(
        &self,
        method: Method,
        path: &str,
        body: Option<String>,
    ) -> Option<T> {
        let lang = self.i18n.lang.get_untracked();
        self.receive(self.session.send(method, path, body, lang))
            .await
    }

    /// The answer `sending` gives, read as `T` as `send` reads it (a file's upload).
    pub async fn receive<T: DeserializeOwned>(
        &self,
        sending: impl Future<Output = crate::api::Answer>,
    ) -> Option<T> {
        self.form.sending.set(true);
        let answer = sending.await;
        self.form.sending.set(false);
        match read::<T>(answer) {
            Ok(answer) => Some(answer),
            Err(error) => {
                failed(self.i18n, self.form, "", self.summary, error);
                None
            }
        }
    }

    /// The publication actions of the item whose state route is `path` (none before it
    /// exists): the page's unsaved changes are saved first (`save`, true when saved), so
    /// what is published is what the page shows; the item as answered goes to `took`.
    pub fn publication<T, Save, Saving>(
        &self,
        path: impl Fn() -> Option<String> + Send + Sync + 'static,
        save: Save,
        took: impl Fn(T) + Copy + Send + Sync + 'static,
    ) -> Callback<PublicationAction>
    where
        T: DeserializeOwned + 'static,
        Save: Fn() -> Saving + Copy + Send + Sync + 'static,
        Saving: Future<Output = bool> + 'static,
    {
        let this = *self;
        Callback::new(move |action: PublicationAction| {
            let Some(path) = path() else { return };
            this.done.set(String::new());
            spawn_local(async move {
                if this.dirty.get_untracked() && !save().await {
                    return;
                }
                let body = Some(action_body(action));
                if let Some(answer) = this.send::<T>(Method::POST, &path, body).await {
                    this.form.clear();
                    took(answer);
                    this.done
                        .set(this.i18n.t(&format!("dash-done-{}", action.as_str())));
                }
            });
        })
    }
}

/// An editor's head: the way back, the title (its children), the state and the meter, what
/// to correct after a refused change, and what still stops publication.
#[component]
pub fn EditorHead(
    #[prop(into)] back: Signal<String>,
    back_label: String,
    #[prop(into)] state: Signal<PublicationState>,
    #[prop(into)] completeness: Signal<Completeness>,
    editing: Editing,
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="back"><a href=back>"← " {back_label}</a></p>
        <h1 id="editor-title">{children()}</h1>
        <div class="status-line">
            <StateBadge state/>
            <Completion completeness label=i18n.t("dash-completeness-label")/>
        </div>
        <Problems state=editing.form id=editing.summary/>
        <PublishRefusals refusals=editing.refusals/>
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

/// The form's save button, and what was just done.
#[component]
pub fn SaveButton(editing: Editing) -> impl IntoView {
    let i18n = use_i18n();
    let sending = editing.form.sending;
    view! {
        <p class="form-actions">
            <button type="submit" class="button primary" disabled=move || sending.get()
                aria-busy=move || sending.get().to_string()>
                {move || if sending.get() { i18n.t("form-sending") } else { i18n.t("dash-save") }}
            </button>
            <span class="done" role="status">{move || editing.done.get()}</span>
        </p>
    }
}

/// The publication section: the actions the state allows, then what else the item offers
/// there (its children: deleting an edition).
#[component]
pub fn Publication(
    #[prop(into)] state: Signal<PublicationState>,
    act: Callback<PublicationAction>,
    editing: Editing,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="publication" aria-labelledby="publication-title">
            <h2 id="publication-title">{i18n.text("dash-publication")}</h2>
            <p class="hint">{i18n.text("dash-publication-hint")}</p>
            <p class="form-actions">
                <PublicationActions state act busy=editing.form.sending.into()/>
            </p>
            {children.map(|c| c())}
        </section>
    }
}

/// Ids named by their messages (`prefix` + id), as `Checkboxes` lists them.
pub fn labelled(i18n: I18n, ids: &[&str], prefix: &str) -> Vec<(String, String)> {
    ids.iter()
        .map(|id| ((*id).to_owned(), i18n.t(&format!("{prefix}{id}"))))
        .collect()
}

/// Checkboxes for a list of ids (topics, languages, what a resource goes with), one per
/// option (id, label), the chosen kept in the options' order; the API's refusal of the list
/// or of one of its items (`offerings.0`) is shown under the group.
#[component]
pub fn Checkboxes(
    name: &'static str,
    legend: String,
    #[prop(optional)] hint: Option<String>,
    options: Vec<(String, String)>,
    chosen: Signal<Vec<String>>,
    on_change: Callback<Vec<String>>,
    state: FormState,
) -> impl IntoView {
    let error = Signal::derive(move || {
        state.outcome.with(|o| {
            o.fields
                .iter()
                .find(|e| e.field == name || e.field.starts_with(&format!("{name}.")))
                .map(|e| e.message.clone())
        })
    });
    let group_id = field_id(name);
    let hint_id = format!("{group_id}-hint");
    let error_id = format!("{group_id}-error");
    let described = {
        let (hint_id, error_id) = (hint.is_some().then(|| hint_id.clone()), error_id.clone());
        move || {
            let ids: Vec<String> = hint_id
                .iter()
                .cloned()
                .chain(error.with(Option::is_some).then(|| error_id.clone()))
                .collect();
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let order: Vec<String> = options.iter().map(|(id, _)| id.clone()).collect();
    let order = StoredValue::new(order);
    view! {
        <fieldset id=group_id.clone() tabindex="-1" class="checkboxes" aria-describedby=described>
            <legend>{legend}</legend>
            {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{h}</p> })}
            <div class="check-grid">
                {options
                    .into_iter()
                    .enumerate()
                    .map(|(i, (item, label))| {
                        let id = format!("{group_id}-{i}");
                        let item = StoredValue::new(item);
                        let toggle = move |ev: leptos::ev::Event| {
                            let on = event_target_checked(&ev);
                            let item = item.get_value();
                            let mut list = chosen.get_untracked();
                            list.retain(|x| *x != item);
                            if on {
                                list.push(item);
                            }
                            // Unknown ids (linked elsewhere) stay, after the known ones.
                            list.sort_by_key(|x| {
                                order.with_value(|o| o.iter().position(|a| a == x).unwrap_or(o.len()))
                            });
                            on_change.run(list);
                        };
                        view! {
                            <p class="check">
                                <input type="checkbox" id=id.clone()
                                    prop:checked=move || item.with_value(|item| chosen.with(|c| c.contains(item)))
                                    on:change=toggle/>
                                <label for=id>{label}</label>
                            </p>
                        }
                    })
                    .collect_view()}
            </div>
            <p class="field-error" id=error_id hidden=move || error.with(Option::is_none)>
                {move || error.get()}
            </p>
        </fieldset>
    }
}
