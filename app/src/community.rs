//! A network's community of practice, in the forms build: `/{lang}/community/{network}`, the
//! application form (the criteria, whom one joins for, the person's fields as the
//! registration form has them, with its refusals by field) and the answer, the same for any
//! address, that the private link is on its way; `/{lang}/member/{token}`, that link: where
//! they stand, what they sent, the network's members-only resources once accepted (each
//! read at `/{lang}/member/{token}/library/{id}`), and leaving, which erases their data.

use std::sync::Arc;

use gloo_net::http::Method;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_params_map;
use relais_domain::catalog::RegistrationMode;
use relais_domain::community::{
    Application, ApplicationReceived, CommunityForm, MemberView, MembersEdition, OnBehalf, Rule,
    Standing,
};
use relais_domain::problem::FieldError;
use relais_domain::schedule::format_date;

use crate::api::{self, ApiError};
use crate::edition::EditionView;
use crate::form::{
    focus, Choices, Control, Field, FormState, LanguageField, LinkOnItsWay, RobotTrap, Submit,
    Summary, Values, ZoneField,
};
use crate::i18n::{use_i18n, I18n};
use crate::layout::{Fetched, Localized};
use crate::library::{ResourceCard, ThroughLink};
use crate::manage::ConfirmAction;
use crate::registration::{ConsentField, QuestionField};
use crate::time::{use_reader_zone, viewer_local};

/// The languages offered as checkboxes; others are typed as their codes.
const LANGUAGES: [&str; 4] = ["fr", "en", "es", "pt"];

/// `/{lang}/community/{network}`.
#[component]
pub fn CommunityPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let network = Memo::new(move |_| params.read().get("network").unwrap_or_default());
    let url = Signal::derive(move || api::community_url(i18n.lang.get(), &network.get(), ""));
    let show = |answer| -> Result<AnyView, ApiError> {
        let form: CommunityForm = api::typed(answer)?;
        Ok(view! { <CommunityView form/> }.into_any())
    };
    view! { <Fetched url show=Arc::new(show)/> }
}

#[component]
fn CommunityView(form: CommunityForm) -> impl IntoView {
    let i18n = use_i18n();
    let t = move |id: &str| i18n.t(id);
    let network = [("network", form.network_name.clone().into())];
    let title = i18n.with(|m| m.format("community-title", &network));
    let lead = i18n.with(|m| m.format("community-lead", &network));
    let back = format!("/{}/networks/{}", i18n.code(), form.network_id);
    let follow = format!(
        "/{}/follow?network={}",
        i18n.code(),
        api::encode(&form.network_id)
    );
    let follow_label = i18n.with(|m| m.format("community-or-follow", &network));
    // The address the link went to, once sent.
    let received = RwSignal::new(None::<String>);
    let name = StoredValue::new(form.network_name.clone());
    let form = StoredValue::new(form);
    view! {
        <p class="back"><a href=back rel="external">"← " {t("community-back")}</a></p>
        <article class="register community" aria-labelledby="community-title">
            <p class="kind">{t("community-kind")}</p>
            <h1 id="community-title">{title}</h1>
            <p class="lead">{lead}</p>
            <p class="hint"><a href=follow>{follow_label}</a></p>
            <Show
                when=move || received.with(Option::is_none)
                fallback=move || view! {
                    <Received email=received.get().unwrap_or_default() network=name.get_value()/>
                }
            >
                <ApplicationFields form=form.get_value() received/>
            </Show>
        </article>
    }
}

#[component]
fn ApplicationFields(form: CommunityForm, received: RwSignal<Option<String>>) -> impl IntoView {
    let i18n = use_i18n();
    let t = move |id: &str| i18n.t(id);
    let state = FormState::new();
    let reader = use_reader_zone();
    let url = api::community_url(i18n.lang.get_untracked(), &form.network_id, "/applications");
    let ways = form.on_behalf.clone();
    // Only one way to join: it is chosen already.
    let only = (ways.len() == 1).then(|| ways[0]);
    let for_organisation = RwSignal::new(only == Some(OnBehalf::Organisation));
    let asked = form.questions.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if state.sending.get_untracked() {
            return;
        }
        let Some(values) = Values::of(&ev) else {
            return;
        };
        let on_behalf = values
            .text("on_behalf")
            .and_then(|v| ways.iter().copied().find(|w| w.as_str() == v));
        // The codes ticked, then those typed, as one list (refusals name its positions).
        let ticked = values.all("languages");
        let typed = values.text("languages-other").unwrap_or_default();
        let languages: Vec<String> = ticked
            .iter()
            .cloned()
            .chain(
                typed
                    .split(',')
                    .map(|tag| tag.trim().to_owned())
                    .filter(|tag| !tag.is_empty()),
            )
            .collect();
        let application = Application {
            name: values.text("name"),
            email: values.text("email"),
            lang: values.text("lang"),
            zone: values.text("zone"),
            region: values.text("region"),
            languages: languages.clone(),
            on_behalf,
            organisation: values
                .text("organisation")
                .filter(|_| on_behalf == Some(OnBehalf::Organisation)),
            criteria: values
                .all("criteria")
                .iter()
                .filter_map(|c| c.parse().ok())
                .collect(),
            answers: asked
                .iter()
                .filter_map(|q| {
                    let field = format!("answers.{}", q.id);
                    values.text(&field).map(|a| (q.id.clone(), a))
                })
                .collect(),
            consent: values.checked("consent"),
            website: values.text("website"),
        };
        let email = application.email.clone().unwrap_or_default();
        let url = url.clone();
        state.sending.set(true);
        spawn_local(async move {
            let sent = api::send(Method::POST, &url, Some(api::json_text(&application)), &[]).await;
            state.sending.set(false);
            match sent.and_then(api::typed::<ApplicationReceived>) {
                Ok(_) => {
                    state.clear();
                    received.set(Some(email));
                    focus("result-title");
                }
                Err(error) => {
                    state.failed(error);
                    state
                        .outcome
                        .update(|o| o.fields = languages_refused(i18n, &o.fields, &languages));
                }
            }
        });
    };
    let text = |kind: &'static str, autocomplete: &'static str| Control::Input {
        kind,
        autocomplete,
        value: String::new(),
    };
    let rule = match form.rule {
        Rule::AtLeastOne => "community-criteria-at_least_one",
        Rule::All => "community-criteria-all",
    };
    let criteria = form
        .criteria
        .iter()
        .enumerate()
        .map(|(i, c)| (i.to_string(), c.clone(), false))
        .collect();
    let ways = form
        .on_behalf
        .iter()
        .map(|w| {
            let label = t(&format!("community-on-behalf-{}", w.as_str()));
            (w.as_str().to_owned(), label, only == Some(*w))
        })
        .collect();
    let languages = LANGUAGES
        .into_iter()
        .map(|code| {
            (
                code.to_owned(),
                i18n.language_name(code),
                code == i18n.code(),
            )
        })
        .collect();
    let question_fields = (!form.questions.is_empty()).then(|| {
        view! {
            <fieldset>
                <legend>{t("form-questions")}</legend>
                {form
                    .questions
                    .into_iter()
                    .map(|q| view! { <QuestionField question=q state/> })
                    .collect_view()}
            </fieldset>
        }
    });
    let chose = move |ev: leptos::ev::Event| {
        for_organisation.set(event_target_value(&ev) == OnBehalf::Organisation.as_str());
    };
    view! {
        <form class="registration community-form" on:submit=submit novalidate>
            <Summary state/>
            <p class="hint">{t("form-required-note")}</p>
            <Choices name="criteria".into() legend=t(rule) kind="checkbox" required=true options=criteria state/>
            <div on:change=chose>
                <Choices name="on_behalf".into() legend=t("community-on-behalf") kind="radio" required=true
                    options=ways state/>
            </div>
            <div hidden=move || !for_organisation.get()>
                <Field name="organisation".into() label=t("community-organisation") required=true
                    control=text("text", "organization") state/>
            </div>
            <fieldset>
                <legend>{t("form-about-you")}</legend>
                <Field name="name".into() label=t("form-name") required=true control=text("text", "name") state/>
                <Field name="email".into() label=t("form-email") hint=t("community-email-hint") required=true
                    control=text("email", "email") state/>
                <LanguageField value=i18n.code().to_owned() state/>
                <ZoneField value=reader.zone.get_untracked() state/>
                <Field name="region".into() label=t("form-region") control=text("text", "country-name") state/>
            </fieldset>
            <Choices name="languages".into() legend=t("community-languages") kind="checkbox"
                options=languages state/>
            <Field name="languages-other".into() label=t("community-languages-other")
                hint=t("community-languages-other-hint") control=text("text", "off") state/>
            {question_fields}
            <ConsentField label=t("community-consent") state/>
            <RobotTrap/>
            <Submit label=t("community-submit") state/>
        </form>
    }
}

/// The API's refusals, those of `languages.N` said of the tag at that position and shown,
/// as one, by the field where tags are typed (the ticked ones are always known).
fn languages_refused(i18n: I18n, fields: &[FieldError], sent: &[String]) -> Vec<FieldError> {
    const TYPED: &str = "languages-other";
    let mut kept: Vec<FieldError> = vec![];
    for e in fields {
        let tag = e
            .field
            .strip_prefix("languages.")
            .and_then(|p| p.parse::<usize>().ok())
            .and_then(|p| sent.get(p));
        let Some(tag) = tag else {
            kept.push(e.clone());
            continue;
        };
        let message = i18n.with(|m| {
            m.format(
                "community-language-refused",
                &[
                    ("tag", tag.clone().into()),
                    ("message", e.message.clone().into()),
                ],
            )
        });
        match kept.iter_mut().find(|k| k.field == TYPED) {
            Some(k) => {
                k.message.push(' ');
                k.message.push_str(&message);
            }
            None => kept.push(FieldError {
                field: TYPED.to_owned(),
                code: e.code.clone(),
                message,
            }),
        }
    }
    kept
}

/// The answer to any application: the link is on its way to the address given.
#[component]
fn Received(email: String, network: String) -> impl IntoView {
    let i18n = use_i18n();
    let note = i18n.with(|m| {
        m.format(
            "community-received-note",
            &[("email", email.into()), ("network", network.into())],
        )
    });
    view! {
        <LinkOnItsWay title=i18n.t("community-received") note>
            <p class="hint">{i18n.t("community-received-spam")}</p>
        </LinkOnItsWay>
    }
}

/// `/{lang}/member/{token}`.
#[component]
pub fn MemberPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let token = Memo::new(move |_| params.read().get("token").unwrap_or_default());
    let url = Signal::derive(move || api::member_url(i18n.lang.get(), &token.get(), ""));
    let show = move |answer| -> Result<AnyView, ApiError> {
        let member: MemberView = api::typed(answer)?;
        let token = token.get_untracked();
        Ok(view! { <MemberStanding member token/> }.into_any())
    };
    view! { <Fetched url show=Arc::new(show)/> }
}

#[component]
fn MemberStanding(member: MemberView, token: String) -> impl IntoView {
    let i18n = use_i18n();
    let t = move |id: &str| i18n.t(id);
    let state = FormState::new();
    let left = RwSignal::new(false);
    let confirming = RwSignal::new(false);
    let token = StoredValue::new(token);
    let leave = Callback::new(move |_| {
        let url = api::member_url(i18n.lang.get_untracked(), &token.get_value(), "");
        state.sending.set(true);
        spawn_local(async move {
            let answer = api::send(Method::DELETE, &url, None, &[]).await;
            state.sending.set(false);
            confirming.set(false);
            match answer {
                Ok(_) => {
                    state.clear();
                    left.set(true);
                    focus("member-done");
                }
                Err(error) => state.failed(error),
            }
        });
    });
    let network = member.network_name.clone();
    let left_message = i18n.with(|m| {
        m.format(
            "member-left",
            &[("network", member.network_name.clone().into())],
        )
    });
    let standing = member.standing;
    let status = view! {
        <p class="status" data-standing=standing.as_str()>
            <strong>{t(&format!("member-standing-{}", standing.as_str()))}</strong>
        </p>
        {(standing == Standing::Applied).then(|| view! { <p>{t("member-standing-applied-note")}</p> })}
    };
    let resources = match standing {
        Standing::Member => Some(resources(i18n, &member.resources, &token.get_value())),
        Standing::Applied => {
            Some(view! { <p class="none">{t("member-resources-later")}</p> }.into_any())
        }
        Standing::Declined => None,
    }
    .map(|list| {
        view! {
            <section class="library-results" aria-labelledby="member-resources-title">
                <h2 id="member-resources-title">{t("member-resources")}</h2>
                {list}
            </section>
        }
    });
    let editions = (standing == Standing::Member).then(|| {
        view! {
            <section class="member-editions" aria-labelledby="member-editions-title">
                <h2 id="member-editions-title">{t("member-editions")}</h2>
                {editions(i18n, &member.editions, &token.get_value())}
            </section>
        }
    });
    let details = view! { <Sent member/> };
    view! {
        <article class="manage member" aria-labelledby="member-title">
            <p class="kind">{t("member-kind")}</p>
            <h1 id="member-title">{network}</h1>
            <Summary state/>
            <p id="member-done" class="done" role="status" tabindex="-1" hidden=move || !left.get()>
                {left_message}
            </p>
            <div hidden=move || left.get()>
                {status}
                {editions}
                {resources}
                {details}
                <section class="danger" aria-labelledby="member-leave-title">
                    <h2 id="member-leave-title" class="visually-hidden">{t("member-leave")}</h2>
                    <ConfirmAction
                        asking=true
                        confirming
                        state
                        label="member-leave"
                        question="member-leave-confirm"
                        yes="member-leave-yes"
                        keep="member-stay"
                        on_yes=leave
                    />
                </section>
            </div>
        </article>
    }
}

/// The network's coming members-only editions, each with its sessions on the reader's clock
/// and registering through the link.
fn editions(i18n: I18n, editions: &[MembersEdition], token: &str) -> AnyView {
    if editions.is_empty() {
        return view! { <p class="none">{i18n.t("member-editions-none")}</p> }.into_any();
    }
    let items = editions
        .iter()
        .cloned()
        .map(|item| {
            let mode = item.edition.registration_mode;
            let href = format!(
                "/{}/member/{token}/register/{}",
                i18n.code(),
                item.edition.id
            );
            let action = i18n.t(&format!("edition-action-{}", mode.as_str()));
            let register = (mode != RegistrationMode::None && mode != RegistrationMode::External)
                .then(|| view! { <p><a class="button" href=href>{action}</a></p> });
            view! {
                <li class="card">
                    <p class="kind"><Localized text=item.offering_title/></p>
                    <EditionView edition=item.edition members_only=true/>
                    {register}
                </li>
            }
        })
        .collect_view();
    view! { <ul class="cards" role="list">{items}</ul> }.into_any()
}

/// The members-only resources as the library's cards, each read through the link.
fn resources(i18n: I18n, found: &[relais_domain::library::Found], token: &str) -> AnyView {
    if found.is_empty() {
        return view! { <p class="none">{i18n.t("member-resources-none")}</p> }.into_any();
    }
    let cards = found
        .iter()
        .cloned()
        .map(|found| {
            let href = format!("/{}/member/{token}/library/{}", i18n.code(), found.id);
            view! { <ResourceCard found href/> }
        })
        .collect_view();
    view! { <ul class="cards" role="list">{cards}</ul> }.into_any()
}

/// What the person sent with their application.
#[component]
fn Sent(member: MemberView) -> impl IntoView {
    let i18n = use_i18n();
    let t = move |id: &str| i18n.t(id);
    let on_behalf = match (member.on_behalf, member.organisation) {
        (OnBehalf::Organisation, Some(organisation)) => i18n.with(|m| {
            m.format(
                "member-on-behalf-organisation",
                &[("organisation", organisation.into())],
            )
        }),
        (way, _) => t(&format!("member-on-behalf-{}", way.as_str())),
    };
    let criteria = (!member.criteria.is_empty()).then(|| {
        let items = member
            .criteria
            .into_iter()
            .map(|c| view! { <li>{c}</li> })
            .collect_view();
        view! { <dt>{t("member-criteria")}</dt> <dd><ul role="list">{items}</ul></dd> }
    });
    let languages = (!member.languages.is_empty()).then(|| {
        let names = member
            .languages
            .iter()
            .map(|l| i18n.language_name(l))
            .collect::<Vec<_>>()
            .join(", ");
        view! { <dt>{t("member-languages")}</dt> <dd>{names}</dd> }
    });
    let region = member
        .region
        .map(|r| view! { <dt>{t("form-region")}</dt> <dd>{r}</dd> });
    let applied = i18n.with(|m| format_date(viewer_local(member.applied_at).date(), m));
    let lang = i18n.with_lang(member.lang, |m| m.get("language-name"));
    view! {
        <section aria-labelledby="member-sent-title">
            <h2 id="member-sent-title">{t("member-sent")}</h2>
            <dl class="facts">
                <dt>{t("form-name")}</dt> <dd>{member.name}</dd>
                <dt>{t("form-email")}</dt> <dd>{member.email}</dd>
                <dt>{t("member-on-behalf")}</dt> <dd>{on_behalf}</dd>
                {criteria}
                <dt>{t("form-lang")}</dt> <dd lang=member.lang.code()>{lang}</dd>
                <dt>{t("form-zone")}</dt> <dd>{member.zone}</dd>
                {region}
                {languages}
                <dt>{t("member-applied-at")}</dt>
                <dd><time datetime=member.applied_at.to_rfc3339()>{applied}</time></dd>
            </dl>
        </section>
    }
}

/// `/{lang}/member/{token}/library/{id}`: a resource read through a member's link.
#[component]
pub fn MemberResourcePage() -> impl IntoView {
    view! { <ThroughLink page="member" api_url=api::member_url back_label="member-back"/> }
}
