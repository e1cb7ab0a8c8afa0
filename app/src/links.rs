//! "Send me my links" (`/{lang}/manage`): a volunteer who lost the email with their private
//! link asks for every link of their address. They come by email only: the page says the
//! same whatever the address, so it tells a stranger nothing.

use gloo_net::http::Method;
use leptos::prelude::*;
use leptos::task::spawn_local;
use relais_domain::registration::LinksRequest;

use crate::api;
use crate::form::{
    focus, Control, Field, FormState, LinkOnItsWay, RobotTrap, Submit, Summary, Values,
};
use crate::i18n::use_i18n;

#[component]
pub fn LinksPage() -> impl IntoView {
    let i18n = use_i18n();
    let state = FormState::new();
    let sent_to = RwSignal::new(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if state.sending.get_untracked() {
            return;
        }
        let Some(values) = Values::of(&ev) else {
            return;
        };
        let request = LinksRequest {
            email: values.text("email"),
            lang: Some(i18n.code().to_owned()),
            website: values.text("website"),
        };
        let email = request.email.clone().unwrap_or_default();
        let url = format!("/api/manage-links?lang={}", i18n.code());
        state.sending.set(true);
        spawn_local(async move {
            let sent = api::send(Method::POST, &url, Some(api::json_text(&request)), &[]).await;
            state.sending.set(false);
            match sent {
                Ok(_) => {
                    state.clear();
                    sent_to.set(Some(email));
                    focus("result-title");
                }
                Err(error) => state.failed(error),
            }
        });
    };
    view! {
        <article class="links" aria-labelledby="links-title">
            <h1 id="links-title">{i18n.t("links-title")}</h1>
            <p>{i18n.t("links-intro")}</p>
            <Show
                when=move || sent_to.with(Option::is_some)
                fallback=move || view! {
                    <form novalidate on:submit=submit>
                        <Summary state/>
                        <Field name="email".into() label=i18n.t("form-email") required=true state
                            control=Control::Input { kind: "email", autocomplete: "email", value: String::new() }/>
                        <RobotTrap/>
                        <Submit label=i18n.t("links-send") state/>
                    </form>
                }
            >
                <LinkOnItsWay
                    title=i18n.t("links-sent")
                    note=i18n.with(|m| m.format("links-sent-note", &[("email", sent_to.get().unwrap_or_default().into())]))
                />
            </Show>
        </article>
    }
}
