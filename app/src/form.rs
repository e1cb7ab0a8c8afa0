//! What every form of the forms build shares: labelled fields with their hint and error,
//! the summary of what to correct, and sending with the outcome in the reader's language.
//!
//! Fields are plain form controls read once on submit (`FormData`), not a signal each:
//! what a person typed stays in place when the API refuses it.

use leptos::prelude::*;
use relais_domain::problem::{FieldError, Problem};
use relais_domain::Lang;
use wasm_bindgen::JsCast;
use web_sys::{FormData, HtmlFormElement};

use crate::api::ApiError;
use crate::i18n::{use_i18n, I18n};
use crate::time::fill_zone_list;

/// The form control's id for an API field name (`answers.structure` → `f-answers-structure`).
pub fn field_id(field: &str) -> String {
    format!("f-{}", field.replace('.', "-"))
}

/// What went wrong with the last sending: the fields to correct, or one message.
#[derive(Clone, Default)]
pub struct Outcome {
    pub fields: Vec<FieldError>,
    pub message: Option<String>,
}

/// The refusals and failures of one form, shown by its fields and its summary.
#[derive(Clone, Copy)]
pub struct FormState {
    pub outcome: RwSignal<Outcome>,
    pub sending: RwSignal<bool>,
    i18n: I18n,
}

impl FormState {
    pub fn new() -> FormState {
        FormState {
            outcome: RwSignal::new(Outcome::default()),
            sending: RwSignal::new(false),
            i18n: use_i18n(),
        }
    }

    /// The message for `field`, if the API refused it.
    pub fn error(&self, field: &str) -> Option<String> {
        self.outcome.with(|o| {
            o.fields
                .iter()
                .find(|e| e.field == field)
                .map(|e| e.message.clone())
        })
    }

    /// Shows why sending failed, and moves focus to the summary so that a screen reader
    /// says it and a keyboard user starts from it.
    pub fn failed(&self, error: ApiError) {
        let i18n = self.i18n;
        let outcome = match error {
            ApiError::Refused(problem) => refused(*problem),
            ApiError::Offline => Outcome {
                fields: vec![],
                message: Some(i18n.t("form-offline")),
            },
            ApiError::Unexpected(detail) => {
                leptos::logging::warn!("unexpected answer: {detail}");
                Outcome {
                    fields: vec![],
                    message: Some(i18n.t("form-failed")),
                }
            }
        };
        self.outcome.set(outcome);
        focus("form-summary");
    }

    pub fn clear(&self) {
        self.outcome.set(Outcome::default());
    }
}

fn refused(problem: Problem) -> Outcome {
    let message = match (&problem.detail, problem.errors.is_empty()) {
        (_, false) => None,
        (Some(detail), true) => Some(format!("{} — {detail}", problem.title)),
        (None, true) => Some(problem.title),
    };
    Outcome {
        fields: problem.errors,
        message,
    }
}

/// Moves focus to the element `id` (made focusable by `tabindex="-1"`), after the view
/// has drawn it.
pub fn focus(id: impl Into<String>) {
    let id = id.into();
    request_animation_frame(move || focus_element(&id));
}

fn focus_element(id: &str) {
    if let Some(el) = document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// Moves focus to the control of the API's `field` or, when the page has none by that
/// name, to the nearest one of the field it belongs to (`sessions.0.title.en`, then
/// `sessions.0.title`, `sessions.0`, `sessions`), opening the disclosure it sits in.
pub fn focus_field(field: &str) {
    let mut name = field;
    loop {
        if let Some(el) = document().get_element_by_id(&field_id(name)) {
            let mut parent = el.parent_element();
            while let Some(p) = parent {
                if p.tag_name().eq_ignore_ascii_case("details") {
                    let _ = p.set_attribute("open", "");
                }
                parent = p.parent_element();
            }
            if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
            return;
        }
        match name.rsplit_once('.') {
            Some((parent, _)) => name = parent,
            None => return,
        }
    }
}

/// The submitted form's values.
pub struct Values(FormData);

impl Values {
    pub fn of(ev: &leptos::ev::SubmitEvent) -> Option<Values> {
        let form: HtmlFormElement = ev.target()?.dyn_into().ok()?;
        FormData::new_with_form(&form).ok().map(Values)
    }

    /// The trimmed text of `name`, `None` when blank.
    pub fn text(&self, name: &str) -> Option<String> {
        self.0
            .get(name)
            .as_string()
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty())
    }

    pub fn checked(&self, name: &str) -> bool {
        self.0.has(name)
    }

    /// Every value of `name` (checkboxes of one group, in the page's order), trimmed, the
    /// blank ones left out.
    pub fn all(&self, name: &str) -> Vec<String> {
        self.0
            .get_all(name)
            .iter()
            .filter_map(|v| v.as_string())
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty())
            .collect()
    }
}

/// "3 fields need correcting:" with a link to each, or the one message: above the form,
/// announced when it appears.
#[component]
pub fn Summary(state: FormState) -> impl IntoView {
    let i18n = use_i18n();
    let shown = move || {
        state
            .outcome
            .with(|o| !o.fields.is_empty() || o.message.is_some())
    };
    view! {
        <div id="form-summary" class="form-summary" tabindex="-1" role="alert" hidden=move || !shown()>
            {move || {
                let o = state.outcome.get();
                if o.fields.is_empty() {
                    return view! { <p>{o.message}</p> }.into_any();
                }
                let count = o.fields.len();
                view! {
                    <p>{i18n.with(|m| m.format("form-errors-title", &[("count", count.into())]))}</p>
                    <ul>
                        {o
                            .fields
                            .into_iter()
                            .map(|e| {
                                let id = field_id(&e.field);
                                let target = e.field.clone();
                                // Focus the field itself: the router would take `#id` for a navigation.
                                let go = move |ev: leptos::ev::MouseEvent| {
                                    ev.prevent_default();
                                    focus_field(&target);
                                };
                                view! { <li><a href=format!("#{id}") on:click=go>{e.message}</a></li> }
                            })
                            .collect_view()}
                    </ul>
                }
                .into_any()
            }}
        </div>
    }
}

/// How a field is entered.
#[derive(Clone)]
pub enum Control {
    /// `<input type>` with its `autocomplete` and starting value.
    Input {
        kind: &'static str,
        autocomplete: &'static str,
        value: String,
    },
    /// `<input list>` suggesting the ids of a `<datalist>` on the page.
    Suggest {
        list: &'static str,
        value: String,
    },
    TextArea,
    /// `<select>`: (value, label), the first selected unless `value` names another.
    Select {
        options: Vec<(String, String)>,
        value: String,
    },
}

/// What a control's `aria-describedby` names: its hint when it has one, and its error
/// while there is one (`None`: neither).
pub fn described_by(
    hint_id: Option<String>,
    error_id: String,
    error: Signal<Option<String>>,
) -> impl Fn() -> Option<String> + Clone + Send + Sync + 'static {
    move || {
        let ids: Vec<&str> = hint_id
            .as_deref()
            .into_iter()
            .chain(error.with(Option::is_some).then_some(error_id.as_str()))
            .collect();
        (!ids.is_empty()).then(|| ids.join(" "))
    }
}

/// A labelled field: its hint and, once the API refused it, its error, both tied to the
/// control for screen readers.
#[component]
pub fn Field(
    /// The API's field name, also the control's `name`.
    name: String,
    label: String,
    #[prop(optional)] hint: Option<String>,
    #[prop(optional)] required: bool,
    control: Control,
    state: FormState,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = field_id(&name);
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let field = name.clone();
    let error = Signal::derive(move || state.error(&field));
    let described = described_by(
        hint.is_some().then(|| hint_id.clone()),
        error_id.clone(),
        error,
    );
    let invalid = move || error.with(Option::is_some).then_some("true");
    let input = match control {
        Control::Input {
            kind,
            autocomplete,
            value,
        } => view! {
            <input id=id.clone() name=name.clone() type=kind autocomplete=autocomplete value=value
                required=required aria-describedby=described aria-invalid=invalid/>
        }
        .into_any(),
        Control::Suggest { list, value } => view! {
            <input id=id.clone() name=name.clone() type="text" list=list value=value autocomplete="off"
                spellcheck="false" required=required aria-describedby=described aria-invalid=invalid/>
        }
        .into_any(),
        Control::TextArea => view! {
            <textarea id=id.clone() name=name.clone() rows="4" required=required
                aria-describedby=described aria-invalid=invalid></textarea>
        }
        .into_any(),
        Control::Select { options, value } => view! {
            <select id=id.clone() name=name.clone() aria-describedby=described aria-invalid=invalid>
                {options
                    .into_iter()
                    .map(|(v, label)| {
                        let selected = v == value;
                        view! { <option value=v selected=selected>{label}</option> }
                    })
                    .collect_view()}
            </select>
        }
        .into_any(),
    };
    view! {
        <div class="field" class:invalid=move || error.with(Option::is_some)>
            <label for=id.clone()>
                {label}
                {if required {
                    view! { <span class="required" aria-hidden="true">" *"</span> }.into_any()
                } else {
                    view! { " " <span class="optional">{i18n.t("form-optional")}</span> }.into_any()
                }}
            </label>
            {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{h}</p> })}
            {input}
            <p class="field-error" id=error_id.clone() hidden=move || error.with(Option::is_none)>
                {move || error.get()}
            </p>
        </div>
    }
}

/// A group of checkboxes or radio buttons (`kind`) named `name`, one per option (value,
/// label, checked at first), under its legend; once the API refused it, its error, tied to
/// the group. The first option carries the field's id, so the summary's link lands on it.
#[component]
pub fn Choices(
    name: String,
    legend: String,
    kind: &'static str,
    #[prop(optional)] required: bool,
    options: Vec<(String, String, bool)>,
    state: FormState,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = field_id(&name);
    let error_id = format!("{id}-error");
    let field = name.clone();
    let error = Signal::derive(move || state.error(&field));
    let described = described_by(None, error_id.clone(), error);
    let invalid = move || error.with(Option::is_some).then_some("true");
    let inputs = options
        .into_iter()
        .enumerate()
        .map(|(i, (value, label, checked))| {
            let input_id = (i == 0).then(|| id.clone());
            view! {
                <label>
                    <input type=kind id=input_id name=name.clone() value=value checked=checked
                        required=required && kind == "radio" aria-invalid=invalid/>
                    " " {label}
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="field choice" aria-describedby=described>
            <legend>
                {legend}
                {if required {
                    view! { <span class="required" aria-hidden="true">" *"</span> }.into_any()
                } else {
                    view! { " " <span class="optional">{i18n.t("form-optional")}</span> }.into_any()
                }}
            </legend>
            {inputs}
            <p class="field-error" id=error_id.clone() hidden=move || error.with(Option::is_none)>
                {move || error.get()}
            </p>
        </fieldset>
    }
}

/// The language a registrant's messages are written in: every language, each named in
/// itself; `value` first chosen.
#[component]
pub fn LanguageField(value: String, state: FormState) -> impl IntoView {
    let i18n = use_i18n();
    let options = Lang::all()
        .map(|l| {
            let name = i18n.with_lang(l, |m| m.get("language-name"));
            (l.code().to_owned(), name)
        })
        .collect();
    view! {
        <Field name="lang".into() label=i18n.t("form-lang") required=true
            control=Control::Select { options, value } state/>
    }
}

/// The zone times in a registrant's messages are written in: an IANA name, with every zone
/// the browser knows as suggestions, listed when the field is first reached.
#[component]
pub fn ZoneField(value: String, state: FormState) -> impl IntoView {
    let i18n = use_i18n();
    let fill = move |_| {
        if let Some(list) = document().get_element_by_id("zone-list") {
            fill_zone_list(&list);
        }
    };
    view! {
        <div on:focusin=fill>
            <Field name="zone".into() label=i18n.t("form-zone") hint=i18n.t("form-zone-hint") required=true
                control=Control::Suggest { list: "zone-list", value } state/>
            <datalist id="zone-list"></datalist>
        </div>
    }
}

/// The submit button, disabled and saying so while the form is being sent.
#[component]
pub fn Submit(label: String, state: FormState) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <button type="submit" class="button primary" disabled=move || state.sending.get()
            aria-busy=move || state.sending.get().to_string()>
            {move || if state.sending.get() { i18n.t("form-sending") } else { label.clone() }}
        </button>
    }
}

/// A field people never see, off screen and out of the keyboard's and screen readers' way:
/// people leave it empty, form-filling robots do not (the API then stores nothing).
#[component]
pub fn RobotTrap() -> impl IntoView {
    view! {
        <div class="trap" aria-hidden="true">
            <label for="f-website">"Website"</label>
            <input type="text" id="f-website" name="website" tabindex="-1" autocomplete="off"/>
        </div>
    }
}

/// The answer of a form that sends a private link by email: the same for any address, that
/// it is on its way, with what the form adds (a hint, another link).
#[component]
pub fn LinkOnItsWay(
    title: String,
    note: String,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    view! {
        <section class="result" role="status" aria-labelledby="result-title" data-status="link_sent">
            <h2 id="result-title" tabindex="-1">{title}</h2>
            <p>{note}</p>
            {children.map(|children| children())}
        </section>
    }
}
