//! A network's community of practice, for its coordinators: the applications, waiting ones
//! first, each with what the person sent (whom they join for, the criteria they meet, their
//! languages, zone and region), and the decisions: accepting or declining an application,
//! removing a member. Which decision applies to which standing is the domain's
//! (`community::Decision::apply`); one that no longer applies is refused by the API in its
//! words. Each decision updates its card, and a polite status says it.

use gloo_net::http::Method;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_query_map;
use relais_domain::community::{
    ApplicationRow, Applications, Decision, DecisionRequest, OnBehalf, Standing,
};
use relais_domain::schedule::format_date;

use super::{encode, failed, read, use_session, Problems};
use crate::api;
use crate::form::{focus, FormState};
use crate::i18n::use_i18n;
use crate::layout::{LoadError, Loading};
use crate::time::viewer_local;

/// `/{lang}/dashboard/community?network=…`.
#[component]
pub fn CommunityPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let query = use_query_map();
    let network = Memo::new(move |_| session.chosen_network(query.read().get("network")));
    Effect::new(move |_| session.network.set(network.get()));
    let done = RwSignal::new(String::new());
    let url = Signal::derive(move || {
        format!(
            "/api/dashboard/networks/{}/community?lang={}",
            encode(&network.get().unwrap_or_default()),
            i18n.lang.get()
        )
    });
    // A network that has not opened a community answers 404: said in the page, under its
    // one heading.
    let answer = LocalResource::new(move || {
        let url = url.get();
        async move { api::fetch(url).await }
    });
    let retry = Callback::new(move |_| answer.refetch());
    let shown = move || match answer.get() {
        None => view! { <Loading/> }.into_any(),
        Some(Err(error)) if error.is_not_found() => {
            view! { <p class="none">{i18n.t("dash-community-not-open")}</p> }.into_any()
        }
        Some(result) => match result.and_then(api::typed::<Applications>) {
            Ok(applications) => view! { <ApplicationsView applications done/> }.into_any(),
            Err(error) => view! { <LoadError error retry/> }.into_any(),
        },
    };
    view! {
        <article class="dashboard community" aria-labelledby="community-title">
            <h1 id="community-title">{i18n.text("dash-community")}</h1>
            <p class="lead">{i18n.text("dash-community-lead")}</p>
            <p id="community-done" class="done" role="status">{move || done.get()}</p>
            {move || match network.get() {
                None => view! { <p class="none">{i18n.t("dash-no-network")}</p> }.into_any(),
                Some(_) => shown.into_any(),
            }}
        </article>
    }
}

#[component]
fn ApplicationsView(applications: Applications, done: RwSignal<String>) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let state = FormState::new();
    let network_name = session
        .networks()
        .into_iter()
        .find(|(id, _)| *id == applications.network_id)
        .map(|(_, name)| name)
        .unwrap_or_else(|| applications.network_id.clone());
    let count = |standing: Standing| {
        applications
            .items
            .iter()
            .filter(|a| a.standing == standing)
            .count()
    };
    let counts = i18n.with(|m| {
        m.format(
            "dash-community-counts",
            &[
                ("applied", count(Standing::Applied).into()),
                ("members", count(Standing::Member).into()),
                ("declined", count(Standing::Declined).into()),
            ],
        )
    });
    let criteria = StoredValue::new(applications.criteria);
    let list = if applications.items.is_empty() {
        view! { <p class="none">{i18n.t("dash-community-none")}</p> }.into_any()
    } else {
        let cards = applications
            .items
            .into_iter()
            .map(|row| view! { <ApplicationCard row criteria state done/> })
            .collect_view();
        view! {
            <p class="facts-line">{counts}</p>
            <ul class="dash-list applications" role="list">{cards}</ul>
        }
        .into_any()
    };
    view! {
        <section aria-labelledby="community-list-title">
            <h2 id="community-list-title" class="network-name">{network_name}</h2>
            <Problems state id="community-summary"/>
            {list}
        </section>
    }
}

/// One application: who, what they sent, where it stands, and the decisions it allows.
#[component]
fn ApplicationCard(
    row: ApplicationRow,
    criteria: StoredValue<Vec<String>>,
    state: FormState,
    done: RwSignal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let current = RwSignal::new(row);
    let heading_id = StoredValue::new(format!(
        "application-{}",
        current.with_untracked(|r| r.id.clone())
    ));
    // Removing a member asks first: it ends their access at once.
    let asking = RwSignal::new(false);
    let confirm_id = StoredValue::new(format!("{}-confirm", heading_id.get_value()));
    let remove_id = StoredValue::new(format!("{}-remove", heading_id.get_value()));
    let decide = move |decision: Decision| {
        let (id, name, from) =
            current.with_untracked(|r| (r.id.clone(), r.name.clone(), r.standing));
        let path = format!("/api/dashboard/community-members/{}/decision", encode(&id));
        let body = api::json_text(&DecisionRequest { decision });
        let lang = i18n.lang.get_untracked();
        state.sending.set(true);
        spawn_local(async move {
            let answer = session.send(Method::POST, &path, Some(body), lang).await;
            state.sending.set(false);
            match read::<ApplicationRow>(answer) {
                Ok(updated) => {
                    state.clear();
                    let said = match (decision, from) {
                        (Decision::Accept, _) => "dash-community-accepted",
                        (Decision::Decline, Standing::Member) => "dash-community-removed",
                        (Decision::Decline, _) => "dash-community-declined",
                    };
                    current.set(updated);
                    done.set(i18n.with(|m| m.format(said, &[("name", name.into())])));
                    focus(heading_id.get_value());
                }
                Err(error) => failed(i18n, state, "", "community-summary", error),
            }
        });
    };
    move || {
        let r = current.get();
        let t = move |id: &str| i18n.t(id);
        let on_behalf = match (r.on_behalf, r.organisation.clone()) {
            (OnBehalf::Organisation, Some(organisation)) => i18n.with(|m| {
                m.format(
                    "member-on-behalf-organisation",
                    &[("organisation", organisation.into())],
                )
            }),
            (way, _) => t(&format!("member-on-behalf-{}", way.as_str())),
        };
        let met = criteria.with_value(|all| {
            r.criteria
                .iter()
                .filter_map(|&i| all.get(i).cloned())
                .map(|c| view! { <li>{c}</li> })
                .collect_view()
        });
        let languages = r
            .languages
            .iter()
            .map(|l| i18n.language_name(l))
            .collect::<Vec<_>>()
            .join(", ");
        let when = |at| i18n.with(|m| format_date(viewer_local(at).date(), m));
        let applied = i18n.with(|m| {
            m.format(
                "dash-community-applied-on",
                &[("date", when(r.applied_at).into())],
            )
        });
        let decided = r.decided_at.map(|at| {
            i18n.with(|m| m.format("dash-community-decided-on", &[("date", when(at).into())]))
        });
        let lang = i18n.with_lang(r.lang, |m| m.get("language-name"));
        let answers = (!r.answers.is_empty()).then(|| {
            let items = r
                .answers
                .iter()
                .map(|(question, answer)| view! { <dt>{question.clone()}</dt> <dd>{answer.clone()}</dd> })
                .collect_view();
            view! { <dl class="answers">{items}</dl> }
        });
        let name = r.name.clone();
        let button = move |decision: Decision, label: &'static str, class: &'static str| {
            let name = name.clone();
            view! {
                <button type="button" class=class disabled=move || state.sending.get()
                    on:click=move |_| decide(decision)>
                    {t(label)} <span class="visually-hidden">" — " {name}</span>
                </button>
            }
        };
        let actions = match r.standing {
            Standing::Applied => Some(
                view! {
                    {button(Decision::Accept, "dash-community-accept", "button primary")}
                    " "
                    {button(Decision::Decline, "dash-community-decline", "button secondary")}
                }
                .into_any(),
            ),
            Standing::Member if asking.get() => {
                let question = i18n.with(|m| {
                    m.format(
                        "dash-community-remove-confirm",
                        &[("name", r.name.clone().into())],
                    )
                });
                let label = question.clone();
                Some(
                    view! {
                        <span id=confirm_id.get_value() class="confirm" tabindex="-1" role="group"
                            aria-label=label>
                            <span>{question}</span> " "
                            <button type="button" class="button danger" disabled=move || state.sending.get()
                                on:click=move |_| { asking.set(false); decide(Decision::Decline) }>
                                {t("dash-community-remove-yes")}
                            </button>
                            " "
                            <button type="button" class="button secondary"
                                on:click=move |_| { asking.set(false); focus(remove_id.get_value()) }>
                                {t("dash-community-remove-no")}
                            </button>
                        </span>
                    }
                    .into_any(),
                )
            }
            Standing::Member => {
                let name = r.name.clone();
                Some(
                    view! {
                        <button type="button" id=remove_id.get_value() class="button secondary"
                            disabled=move || state.sending.get()
                            on:click=move |_| { asking.set(true); focus(confirm_id.get_value()) }>
                            {t("dash-community-remove")} <span class="visually-hidden">" — " {name}</span>
                        </button>
                    }
                    .into_any(),
                )
            }
            Standing::Declined => None,
        };
        view! {
            <li class="card dash-card application" data-standing=r.standing.as_str()>
                <h3 id=heading_id.get_value() tabindex="-1">{r.name.clone()}</h3>
                <p class="state-line">
                    <span class="badge" data-standing=r.standing.as_str()>
                        {t(&format!("dash-community-standing-{}", r.standing.as_str()))}
                    </span>
                    " " <span class="facts-line">{applied}</span>
                    {decided.map(|d| view! { " " <span class="facts-line">{d}</span> })}
                </p>
                <dl class="facts">
                    <dt>{t("form-email")}</dt>
                    <dd><a href=format!("mailto:{}", r.email)>{r.email.clone()}</a></dd>
                    <dt>{t("member-on-behalf")}</dt>
                    <dd>{on_behalf}</dd>
                    {(!r.criteria.is_empty()).then(|| view! {
                        <dt>{t("member-criteria")}</dt>
                        <dd><ul role="list">{met}</ul></dd>
                    })}
                    {(!languages.is_empty()).then(|| view! { <dt>{t("member-languages")}</dt> <dd>{languages}</dd> })}
                    <dt>{t("form-zone")}</dt>
                    <dd>{r.zone.clone()}</dd>
                    {r.region.clone().map(|region| view! { <dt>{t("form-region")}</dt> <dd>{region}</dd> })}
                    <dt>{t("form-lang")}</dt>
                    <dd lang=r.lang.code()>{lang}</dd>
                </dl>
                {answers}
                {actions.map(|a| view! { <p class="form-actions">{a}</p> })}
            </li>
        }
    }
}
