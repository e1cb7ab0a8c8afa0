//! The pages of one-time links (`account::joining`): an invitation (`/{lang}/welcome/{token}`)
//! and a password reset (`/{lang}/new-password/{token}`). The invitee chooses their name and
//! password, or proves the password of the account their address already has; a reset sets a
//! new password. Either way the API signs the person in, and the page takes them to the
//! dashboard. A link used, expired or unknown says so, and what to do next.

use gloo_net::http::Method;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_navigate, use_params_map};
use relais_domain::account::joining::{
    AccountLink, LinkAcceptance, LinkPurpose, INVITATION_DAYS, RESET_MINUTES,
};
use relais_domain::account::{SignedIn, MIN_PASSWORD_CHARS};
use relais_domain::problem::FieldError;
use relais_domain::schedule::format_datetime;

use super::encode;
use crate::account::{input, ForgottenPassword};
use crate::api::{self, Answer};
use crate::form::{focus, Field, FormState, Outcome, Submit, Summary, Values};
use crate::i18n::{use_i18n, I18n};
use crate::layout::{LoadError, Loading};
use crate::time::viewer_local;

/// `/{lang}/welcome/{token}`: an invitation.
#[component]
pub fn WelcomePage() -> impl IntoView {
    view! { <LinkPage purpose=LinkPurpose::Invitation/> }
}

/// `/{lang}/new-password/{token}`: a password reset.
#[component]
pub fn NewPasswordPage() -> impl IntoView {
    view! { <LinkPage purpose=LinkPurpose::PasswordReset/> }
}

/// The page of a link opened at the address of `purpose`: its title, then what the link
/// asks for once read, or why it does not work.
#[component]
fn LinkPage(purpose: LinkPurpose) -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let token = Memo::new(move |_| params.read().get("token").unwrap_or_default());
    let answer = LocalResource::new(move || {
        let url = format!(
            "/api/account-links/{}?lang={}",
            encode(&token.get()),
            i18n.lang.get()
        );
        async move { api::fetch(url).await }
    });
    // Set when accepting finds the link closed meanwhile (another tab, or it ran out).
    let gone = RwSignal::new(false);
    let retry = Callback::new(move |_| answer.refetch());
    let title = match purpose {
        LinkPurpose::Invitation => "dash-welcome-title",
        LinkPurpose::PasswordReset => "dash-new-password-title",
    };
    let shown = move || {
        if gone.get() {
            return view! { <LinkGone purpose/> }.into_any();
        }
        match answer.get() {
            None => view! { <Loading/> }.into_any(),
            Some(Err(error)) if error.is_not_found() => view! { <LinkGone purpose/> }.into_any(),
            Some(answer) => match read(answer) {
                Ok(link) => view! { <LinkForm link token=token.get() gone/> }.into_any(),
                Err(error) => view! { <LoadError error retry/> }.into_any(),
            },
        }
    };
    view! {
        <article class="dashboard account-link" aria-labelledby="link-title">
            <h1 id="link-title">{i18n.text(title)}</h1>
            {shown}
        </article>
    }
}

fn read(answer: Answer) -> Result<AccountLink, api::ApiError> {
    answer.and_then(api::typed::<AccountLink>)
}

/// A link that does not work: used, expired, replaced by a newer one, or never made. The API
/// answers the same for all four; the page says what to do next.
#[component]
fn LinkGone(purpose: LinkPurpose) -> impl IntoView {
    let i18n = use_i18n();
    let sign_in = format!("/{}/dashboard", i18n.code());
    match purpose {
        LinkPurpose::Invitation => view! {
            <div class="link-gone" role="alert">
                <p>{i18n.with(|m| m.format("dash-welcome-gone", &[("days", INVITATION_DAYS.into())]))}</p>
            </div>
            <p>{i18n.t("dash-welcome-gone-joined")} " " <a href=sign_in>{i18n.t("dash-sign-in-link")}</a></p>
            <p>{i18n.t("dash-welcome-gone-again")}</p>
        }
        .into_any(),
        LinkPurpose::PasswordReset => view! {
            <div class="link-gone" role="alert">
                <p>{i18n.with(|m| m.format("dash-new-password-gone", &[("minutes", RESET_MINUTES.into())]))}</p>
            </div>
            <ForgottenPassword back=None title=i18n.t("dash-new-password-again")/>
        }
        .into_any(),
    }
}

/// What an open link says and asks: a new account's name and password, the existing
/// account's password, or a new password.
#[component]
fn LinkForm(link: AccountLink, token: String, gone: RwSignal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let t = move |id: &str| i18n.t(id);
    let state = FormState::new();
    let navigate = use_navigate();
    let new_account = link.purpose == LinkPurpose::Invitation && !link.account_exists;
    let choosing = link.purpose == LinkPurpose::PasswordReset || new_account;
    // Where the person lands, signed in: the network they joined, else the dashboard.
    let landing = match &link.network_id {
        Some(network) => format!("/{}/dashboard?network={}", i18n.code(), encode(network)),
        None => format!("/{}/dashboard", i18n.code()),
    };
    let url = format!("/api/account-links/{}?lang={}", encode(&token), i18n.code());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(values) = Values::of(&ev) else {
            return;
        };
        let password = values.text("password");
        if choosing && password.is_some() && values.text("confirmation") != password {
            mismatch(i18n, state);
            return;
        }
        let acceptance = LinkAcceptance {
            name: new_account.then(|| values.text("name").unwrap_or_default()),
            password,
        };
        let (url, landing, navigate) = (url.clone(), landing.clone(), navigate.clone());
        state.sending.set(true);
        spawn_local(async move {
            let answer = api::send(Method::POST, &url, Some(api::json_text(&acceptance)), &[])
                .await
                .and_then(api::typed::<SignedIn>);
            state.sending.set(false);
            match answer {
                Ok(_) => navigate(&landing, Default::default()),
                Err(error) if error.is_not_found() => gone.set(true),
                Err(error) => state.failed(error),
            }
        });
    };
    let until = i18n.with(|m| format_datetime(viewer_local(link.expires_at), m));
    let facts = i18n.with(|m| {
        let args = [
            ("email", link.email.clone().into()),
            ("until", until.clone().into()),
        ];
        m.format("dash-link-for", &args)
    });
    let lead = (link.purpose == LinkPurpose::Invitation).then(|| invitation_lead(i18n, &link));
    let rule = i18n.with(|m| {
        m.format(
            "dash-password-rule",
            &[("count", (MIN_PASSWORD_CHARS as i64).into())],
        )
    });
    let fields = if new_account {
        view! {
            <Field name="name".into() label=t("dash-your-name") hint=t("dash-your-name-hint") required=true
                control=input("text", "name") state/>
            <Field name="password".into() label=t("dash-choose-password") hint=rule required=true
                control=input("password", "new-password") state/>
            <Field name="confirmation".into() label=t("dash-confirm-password") required=true
                control=input("password", "new-password") state/>
        }
        .into_any()
    } else if choosing {
        view! {
            <Field name="password".into() label=t("dash-new-password") hint=rule required=true
                control=input("password", "new-password") state/>
            <Field name="confirmation".into() label=t("dash-confirm-password") required=true
                control=input("password", "new-password") state/>
        }
        .into_any()
    } else {
        view! {
            <p>{t("dash-existing-account")}</p>
            <Field name="password".into() label=t("coord-password") required=true
                control=input("password", "current-password") state/>
        }
        .into_any()
    };
    let button = match (link.purpose, new_account) {
        (LinkPurpose::PasswordReset, _) => t("dash-new-password-save"),
        (LinkPurpose::Invitation, true) => t("dash-welcome-join"),
        (LinkPurpose::Invitation, false) => t("dash-welcome-accept"),
    };
    view! {
        {lead.map(|lead| view! { <p class="lead">{lead}</p> })}
        <p>{facts}</p>
        <form class="sign-in link-form" on:submit=submit novalidate>
            <Summary state/>
            // Password managers file the new password under the account's address.
            <input type="email" name="username" autocomplete="username" value=link.email.clone()
                hidden readonly tabindex="-1" aria-hidden="true"/>
            {fields}
            <Submit label=button state/>
        </form>
    }
}

/// "Ana invites you to join « Hub » on Relais, as a coordinator", or to administer it.
fn invitation_lead(i18n: I18n, link: &AccountLink) -> String {
    i18n.with(|m| {
        let role = match (link.role, &link.partner) {
            (Some(_), Some(partner)) => {
                m.format("role-partner-for", &[("partner", partner.clone().into())])
            }
            (Some(r), None) => m.get(&format!("role-{}", r.as_str())),
            (None, _) => String::new(),
        };
        let args = [
            (
                "inviter",
                link.invited_by.clone().unwrap_or_default().into(),
            ),
            (
                "network",
                link.network_name.clone().unwrap_or_default().into(),
            ),
            ("role", role.into()),
        ];
        let id = match (link.administrator, link.invited_by.is_some()) {
            (true, true) => "dash-welcome-administrator-by",
            (true, false) => "dash-welcome-administrator",
            (false, true) => "dash-welcome-network-by",
            (false, false) => "dash-welcome-network",
        };
        m.format(id, &args)
    })
}

/// The two passwords differ: said under the confirmation and in the summary, nothing sent.
fn mismatch(i18n: I18n, state: FormState) {
    state.outcome.set(Outcome {
        fields: vec![FieldError {
            field: "confirmation".into(),
            code: "password-mismatch".into(),
            message: i18n.t("dash-password-mismatch"),
        }],
        message: None,
    });
    focus("form-summary");
}
