//! The organisation's contact people on its link's page: a person added (checked as the
//! first contact is, sent a link of their own) and a person removed, asked first, so that a
//! new team can take over with no account.

use gloo_net::http::Method;
use leptos::prelude::*;
use leptos::task::spawn_local;
use relais_domain::coaching::organisation::{ContactForm, ContactView};

use crate::api;
use crate::form::{
    focus, Control, Field, FormState, LanguageField, Submit, Summary, Values, ZoneField,
};
use crate::i18n::use_i18n;
use crate::registration::ConsentField;
use crate::time::use_reader_zone;

use super::{AskedFirst, Wording};

/// The list, each person with a way to remove them, and the form that adds one. `notice`
/// outlives the page's reading again, which follows each change.
#[component]
pub fn Contacts(
    contacts: Vec<ContactView>,
    token: String,
    version: RwSignal<u32>,
    notice: RwSignal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let t = move |id: &str| i18n.t(id);
    let token = StoredValue::new(token);
    view! {
        <section aria-labelledby="contacts-title">
            <h2 id="contacts-title" tabindex="-1">{t("coaching-contacts")}</h2>
            <p class="status" role="status" hidden=move || notice.with(Option::is_none)>{move || notice.get()}</p>
            <ul class="contacts" role="list">
                {contacts
                    .into_iter()
                    .map(|contact| view! { <ContactLine contact token=token.get_value() version notice/> })
                    .collect_view()}
            </ul>
            <AddContact token=token.get_value() version notice/>
        </section>
    }
}

#[component]
fn ContactLine(
    contact: ContactView,
    token: String,
    version: RwSignal<u32>,
    notice: RwSignal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let url = format!(
        "/api/organisations/{}/contacts/{}?lang={}",
        api::encode(&token),
        api::encode(&contact.id),
        i18n.lang.get_untracked()
    );
    let name = contact.name.clone();
    let named = move |id: &str| i18n.with(|m| m.format(id, &[("name", name.clone().into())]));
    let wording = Wording {
        action: named("coaching-contact-remove"),
        question: named("coaching-contact-remove-ask"),
        yes: i18n.t("coaching-contact-remove-yes"),
        done: named("coaching-contact-removed"),
    };
    view! {
        <li>
            {contact.name} " · " {contact.email} " "
            <AskedFirst id=format!("remove-{}", contact.id) method=Method::DELETE url wording
                heading="contacts-title" version notice/>
        </li>
    }
}

#[component]
fn AddContact(
    token: String,
    version: RwSignal<u32>,
    notice: RwSignal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let t = move |id: &str| i18n.t(id);
    let state = FormState::new();
    let reader = use_reader_zone();
    let url = format!(
        "/api/organisations/{}/contacts?lang={}",
        api::encode(&token),
        i18n.lang.get_untracked()
    );
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if state.sending.get_untracked() {
            return;
        }
        let Some(values) = Values::of(&ev) else {
            return;
        };
        let form = ContactForm {
            name: values.text("name"),
            email: values.text("email"),
            lang: values.text("lang"),
            zone: values.text("zone"),
            consent: values.checked("consent"),
        };
        let url = url.clone();
        state.sending.set(true);
        spawn_local(async move {
            let sent = api::send(Method::POST, &url, Some(api::json_text(&form)), &[]).await;
            state.sending.set(false);
            match sent.and_then(api::typed::<ContactView>) {
                Ok(added) => {
                    state.clear();
                    let named = [("name", added.name.into())];
                    notice.set(Some(
                        i18n.with(|m| m.format("coaching-contact-added", &named)),
                    ));
                    version.update(|v| *v += 1);
                    focus("contacts-title");
                }
                Err(error) => state.failed(error),
            }
        });
    };
    let text = |kind: &'static str, autocomplete: &'static str| Control::Input {
        kind,
        autocomplete,
        value: String::new(),
    };
    view! {
        <details class="add-contact">
            <summary>{t("coaching-contact-add")}</summary>
            <form class="registration contact-form" on:submit=submit novalidate>
                <Summary state/>
                <p class="hint">{t("coaching-contact-add-hint")}</p>
                <Field name="name".into() label=t("form-name") required=true control=text("text", "off") state/>
                <Field name="email".into() label=t("form-email") required=true control=text("email", "off") state/>
                <LanguageField value=i18n.code().to_owned() state/>
                <ZoneField value=reader.zone.get_untracked() state/>
                <ConsentField label=t("coaching-contact-consent") state/>
                <Submit label=t("coaching-contact-add-submit") state/>
            </form>
        </details>
    }
}
