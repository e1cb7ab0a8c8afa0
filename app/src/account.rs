//! Signing in to the back office, shared by the coordinators' page (forms build) and the
//! dashboard (dashboard build): who is signed in, the sign-in form with "forgot your
//! password?", and how the account is named once signed in.

use gloo_net::http::Method;
use leptos::prelude::*;
use leptos::task::spawn_local;
use relais_domain::account::joining::{PasswordResetRequest, RESET_MINUTES};
use relais_domain::account::SignedIn;

use crate::api;
use crate::form::{focus, Control, Field, FormState, Submit, Summary, Values};
use crate::i18n::{use_i18n, I18n};

/// Who is signed in: `None` while asking, then the session or nobody.
pub type SignedInState = RwSignal<Option<Option<SignedIn>>>;

/// Asks the API who is signed in, into a new state.
pub fn ask_who_is_signed_in() -> SignedInState {
    let signed_in = RwSignal::new(None::<Option<SignedIn>>);
    spawn_local(async move {
        let me = api::fetch("/api/auth/me".to_owned())
            .await
            .and_then(api::typed::<SignedIn>)
            .ok();
        signed_in.set(Some(me));
    });
    signed_in
}

/// "Signed in: Camille (coordinator, Hub…)", the account's roles in each network.
pub fn signed_in_as(i18n: I18n, session: &SignedIn) -> String {
    i18n.with(|m| {
        let account = &session.account;
        let mut roles: Vec<String> = account
            .networks
            .iter()
            .map(|n| {
                format!(
                    "{}, {}",
                    m.get(&format!("role-{}", n.role.as_str())),
                    n.network_name
                )
            })
            .collect();
        if account.administrator {
            roles.insert(0, m.get("role-administrator"));
        }
        let role = roles.join(" · ");
        m.format(
            "coord-signed-in-as",
            &[
                ("name", session.account.name.clone().into()),
                ("role", role.into()),
            ],
        )
    })
}

/// Signs out, then says nobody is signed in.
pub fn sign_out(i18n: I18n, csrf: String, signed_in: SignedInState) {
    let url = format!("/api/auth/logout?lang={}", i18n.code());
    spawn_local(async move {
        let _ = api::send(Method::POST, &url, None, &[("X-CSRF-Token", &csrf)]).await;
        signed_in.set(Some(None));
    });
}

/// The sign-in form, or in its place the form that asks for a link to choose a new password.
#[component]
pub fn SignIn(signed_in: SignedInState) -> impl IntoView {
    let forgotten = RwSignal::new(false);
    let back = Callback::new(move |_| {
        forgotten.set(false);
        focus("sign-in-title");
    });
    move || {
        if forgotten.get() {
            view! { <ForgottenPassword back=Some(back)/> }.into_any()
        } else {
            view! { <SignInForm signed_in forgotten/> }.into_any()
        }
    }
}

#[component]
fn SignInForm(signed_in: SignedInState, forgotten: RwSignal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let t = move |id: &str| i18n.t(id);
    let state = FormState::new();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(values) = Values::of(&ev) else {
            return;
        };
        #[derive(serde::Serialize)]
        struct Credentials {
            email: String,
            password: String,
        }
        let credentials = Credentials {
            email: values.text("email").unwrap_or_default(),
            password: values.text("password").unwrap_or_default(),
        };
        let url = format!("/api/auth/login?lang={}", i18n.code());
        state.sending.set(true);
        spawn_local(async move {
            let answer = api::send(Method::POST, &url, Some(api::json_text(&credentials)), &[])
                .await
                .and_then(api::typed::<SignedIn>);
            state.sending.set(false);
            match answer {
                Ok(session) => signed_in.set(Some(Some(session))),
                Err(error) => state.failed(error),
            }
        });
    };
    let forgot = move |_| {
        forgotten.set(true);
        focus("forgotten-title");
    };
    view! {
        <form class="sign-in" on:submit=submit novalidate aria-labelledby="sign-in-title">
            <h2 id="sign-in-title" tabindex="-1">{t("coord-sign-in")}</h2>
            <Summary state/>
            <Field name="email".into() label=t("coord-email") required=true control=input("email", "username") state/>
            <Field name="password".into() label=t("coord-password") required=true
                control=input("password", "current-password") state/>
            <Submit label=t("coord-sign-in-button") state/>
        </form>
        <p class="forgotten">
            <button type="button" class="link" on:click=forgot>{t("coord-forgot")}</button>
        </p>
    }
}

/// An empty `<input type>` with its `autocomplete`.
pub fn input(kind: &'static str, autocomplete: &'static str) -> Control {
    Control::Input {
        kind,
        autocomplete,
        value: String::new(),
    }
}

/// "Forgot your password?": asks for an address and sends it a link to choose a new password
/// if it has an account. The answer is the same whatever the address, and so are the words
/// shown: nobody learns here who has an account. `back` returns to the sign-in form.
#[component]
pub fn ForgottenPassword(
    back: Option<Callback<()>>,
    #[prop(optional)] title: Option<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let t = move |id: &str| i18n.t(id);
    let title = title.unwrap_or_else(|| t("coord-forgot-title"));
    let state = FormState::new();
    let sent = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(values) = Values::of(&ev) else {
            return;
        };
        let request = PasswordResetRequest {
            email: values.text("email"),
            lang: Some(i18n.code().to_owned()),
        };
        let url = format!("/api/auth/password-reset?lang={}", i18n.code());
        state.sending.set(true);
        spawn_local(async move {
            let answer = api::send(Method::POST, &url, Some(api::json_text(&request)), &[]).await;
            state.sending.set(false);
            match answer {
                Ok(_) => {
                    state.clear();
                    sent.set(true);
                    focus("forgotten-sent");
                }
                Err(error) => state.failed(error),
            }
        });
    };
    let minutes = RESET_MINUTES;
    let back = back.map(|back| {
        view! {
            <p><button type="button" class="link" on:click=move |_| back.run(())>{t("coord-forgot-back")}</button></p>
        }
    });
    view! {
        <section class="sign-in forgotten-password" aria-labelledby="forgotten-title">
            <h2 id="forgotten-title" tabindex="-1">{title}</h2>
            {move || if sent.get() {
                view! {
                    <p id="forgotten-sent" class="done" role="status" tabindex="-1">
                        {i18n.with(|m| m.format("coord-forgot-sent", &[("minutes", minutes.into())]))}
                    </p>
                }
                .into_any()
            } else {
                view! {
                    <form on:submit=submit novalidate>
                        <p>{i18n.with(|m| m.format("coord-forgot-lead", &[("minutes", minutes.into())]))}</p>
                        <Summary state/>
                        <Field name="email".into() label=t("coord-email") required=true control=input("email", "username") state/>
                        <Submit label=t("coord-forgot-send") state/>
                    </form>
                }
                .into_any()
            }}
            {back}
        </section>
    }
}
