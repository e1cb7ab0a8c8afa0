//! A text written in every language: one labelled control per language side by side (a
//! two-column grid on a wide screen, stacked on a phone), the "same in every language"
//! mark that hides the others, and each language's refusal beside its control.
//!
//! Controls are written through to the page's draft (`on_input`) rather than read from the
//! form on saving: the draft is what the meters count and what is sent.

use leptos::prelude::*;
use relais_domain::{Lang, Localized};
use wasm_bindgen::JsCast;

use crate::form::{described_by, field_id, FormState};
use crate::i18n::use_i18n;

/// The interface languages, the default (French) first.
pub fn languages() -> Vec<Lang> {
    let first = Lang::default_lang();
    std::iter::once(first)
        .chain(Lang::all().filter(move |l| *l != first))
        .collect()
}

/// `text` with `lang`'s value set (removed when blank).
pub fn set_text(text: &mut Localized, lang: Lang, value: String) {
    if value.trim().is_empty() {
        text.0.remove(lang.code());
    } else {
        text.0.insert(lang.code().to_owned(), value);
    }
}

/// A text marked "same in every language", as stored: the first language's text (the one
/// control shown) under every language.
pub fn one_text(text: &Localized) -> Localized {
    let langs = languages();
    let one = langs
        .iter()
        .find_map(|l| text.0.get(l.code()).filter(|t| !t.trim().is_empty()));
    match one {
        Some(one) => Localized(
            langs
                .iter()
                .map(|l| (l.code().to_owned(), one.clone()))
                .collect(),
        ),
        None => Localized::default(),
    }
}

/// Where the "same in every language" mark of a field is kept, and how it changes.
#[derive(Clone, Copy)]
pub struct Same {
    pub marked: Signal<bool>,
    pub set: Callback<bool>,
}

/// One text in every interface language.
#[component]
pub fn Bilingual(
    /// The API's field name (`title`, `sessions.0.location`, `questions.1.label`).
    name: String,
    /// What the text is (« Titre »), each control's label adding its language.
    label: String,
    #[prop(optional)] hint: Option<String>,
    #[prop(optional)] multiline: bool,
    /// The text as the page has it (read when drawn, and when the mark is set).
    text: Signal<Localized>,
    on_input: Callback<(Lang, String)>,
    /// Whether the field may be marked "same in every language".
    #[prop(optional)]
    same: Option<Same>,
    /// An edition written in one language: only that language's control.
    #[prop(optional, into)]
    written_in: Signal<Option<Lang>>,
    state: FormState,
) -> impl IntoView {
    let i18n = use_i18n();
    let langs = languages();
    let first = langs[0];
    let marked = move || same.is_some_and(|s| s.marked.get());
    let shown = move |lang: Lang| match written_in.get() {
        Some(only) => lang == only,
        None => !marked() || lang == first,
    };
    let group_id = field_id(&name);
    let hint_id = format!("{group_id}-hint");
    let initial = text.get_untracked();
    let controls = langs
        .iter()
        .map(|&lang| {
            let field = format!("{name}.{}", lang.code());
            let id = field_id(&field);
            let error_id = format!("{id}-error");
            let error = Signal::derive({
                let field = field.clone();
                move || state.error(&field)
            });
            let language = i18n.with(|m| m.get(&format!("lang-{}", lang.code())));
            let base = label.clone();
            let label = move || {
                if marked() && written_in.get().is_none() && lang == first {
                    i18n.with(|m| m.format("dash-label-every-language", &[("label", base.clone().into())]))
                } else {
                    format!("{base} — {language}")
                }
            };
            let described =
                described_by(hint.is_some().then(|| hint_id.clone()), error_id.clone(), error);
            let invalid = move || error.with(Option::is_some).then_some("true");
            let value = initial.0.get(lang.code()).cloned().unwrap_or_default();
            let input = move |ev: leptos::ev::Event| on_input.run((lang, event_target_value(&ev)));
            let control = if multiline {
                view! {
                    <textarea id=id.clone() name=field.clone() lang=lang.code() rows="4"
                        aria-describedby=described aria-invalid=invalid on:input=input
                        prop:value=value></textarea>
                }
                .into_any()
            } else {
                view! {
                    <input id=id.clone() name=field.clone() type="text" lang=lang.code()
                        value=value aria-describedby=described aria-invalid=invalid on:input=input/>
                }
                .into_any()
            };
            view! {
                <div class="field" class:invalid=move || error.with(Option::is_some) hidden=move || !shown(lang)>
                    <label for=id.clone()>{label}</label>
                    {control}
                    <p class="field-error" id=error_id hidden=move || error.with(Option::is_none)>
                        {move || error.get()}
                    </p>
                </div>
            }
        })
        .collect_view();
    let group_error = Signal::derive({
        let name = name.clone();
        move || state.error(&name)
    });
    let mark = same.map(|same| {
        let id = group_id.clone();
        let toggle = move |ev: leptos::ev::Event| {
            let on = event_target_checked(&ev);
            if on {
                // The one control left shows the text: the first language's, else the
                // first written.
                let current = text.get_untracked();
                let first_text = current.0.get(first.code()).filter(|t| !t.trim().is_empty());
                if first_text.is_none() {
                    if let Some(other) = one_text(&current).0.get(first.code()).cloned() {
                        set_control_value(&field_id(&format!("{name}.{}", first.code())), &other);
                        on_input.run((first, other));
                    }
                }
            }
            same.set.run(on);
        };
        view! {
            <p class="same" hidden=move || written_in.get().is_some()>
                <input type="checkbox" id=id.clone() prop:checked=move || same.marked.get() on:change=toggle
                    aria-invalid=move || group_error.with(Option::is_some).then_some("true")/>
                <label for=id>{i18n.text("dash-same")}</label>
            </p>
        }
    });
    view! {
        <div class="bilingual" class:one=move || marked() || written_in.get().is_some()>
            {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{h}</p> })}
            <div class="languages-grid">{controls}</div>
            {mark}
            <p class="field-error" id=format!("{group_id}-error") hidden=move || group_error.with(Option::is_none)>
                {move || group_error.get()}
            </p>
        </div>
    }
}

/// Sets the value of the control `id` (a text input or a text area).
fn set_control_value(id: &str, value: &str) {
    let Some(el) = document().get_element_by_id(id) else {
        return;
    };
    if let Some(input) = el.dyn_ref::<web_sys::HtmlInputElement>() {
        input.set_value(value);
    } else if let Some(area) = el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        area.set_value(value);
    }
}
