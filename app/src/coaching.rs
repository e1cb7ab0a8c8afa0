//! Coaching on request, in the forms build. `/{lang}/coaching/{network}`: an organisation
//! (a neighbourhood initiative, a collective, an association) registers with the network
//! to ask for coaching, with its first contact; the answer, the same for any address, is
//! that its private link is on its way. `/{lang}/organisations/{token}`, that link: the
//! hours it has this year in each programme (granted, carried over, used, booked, paid by
//! the organisation, left and expiring), the pool's places, its requests and where each
//! stands, and the form to ask for coaching. `/{lang}/coaching/{network}/poster?offering=`:
//! the poster a network prints, the offering with the QR code of its request page.

use std::sync::Arc;

use gloo_net::http::Method;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_params_map, use_query_map};
use relais_domain::catalog::Profile;
use relais_domain::coaching::budget::{Balance, Minutes};
use relais_domain::coaching::organisation::{
    BudgetView, ContactForm, NewRequest, OfferOnRequest, OrganisationForm, OrganisationKind,
    OrganisationPage, OrganisationReceived, RequestReceived, RequestView, SessionView,
};
use relais_domain::coaching::report::hours_label;
use relais_domain::coaching::request::{RequestForm, Stage};
use relais_domain::problem::FieldError;
use relais_domain::schedule::format_span;

use crate::api::{self, ApiError};
use crate::form::{
    focus, Choices, Control, Field, FormState, LanguageField, LinkOnItsWay, Submit, Summary,
    Values, ZoneField,
};
use crate::i18n::use_i18n;
use crate::layout::{Fetched, Localized};
use crate::registration::ConsentField;
use crate::time::{use_reader_zone, viewer_local};

mod asked_first;
mod contacts;
mod on_behalf;

use asked_first::{AskedFirst, Wording};

/// The languages offered for the coaching, as checkboxes.
const LANGUAGES: [&str; 4] = ["fr", "en", "es", "pt"];

/// `/{lang}/coaching/{network}`, with `?offering=` when reached from an offering's page.
#[component]
pub fn AskPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let query = use_query_map();
    let network = Memo::new(move |_| params.read().get("network").unwrap_or_default());
    let url = Signal::derive(move || {
        format!(
            "/api/networks/{}?lang={}",
            api::encode(&network.get()),
            i18n.lang.get()
        )
    });
    let show = move |answer| -> Result<AnyView, ApiError> {
        let profile: Profile = api::typed(answer)?;
        let offering = query.read_untracked().get("offering");
        Ok(view! { <AskView profile offering/> }.into_any())
    };
    view! { <Fetched url show=Arc::new(show)/> }
}

#[component]
fn AskView(profile: Profile, offering: Option<String>) -> impl IntoView {
    let i18n = use_i18n();
    let t = move |id: &str| i18n.t(id);
    let network = [("network", profile.name.clone().into())];
    let title = i18n.with(|m| m.format("coaching-ask-title", &network));
    let lead = i18n.with(|m| m.format("coaching-ask-lead", &network));
    let (back, back_label) = match &offering {
        Some(id) => (
            format!("/{}/offerings/{}", i18n.code(), api::encode(id)),
            t("coaching-back-offering"),
        ),
        None => (
            format!("/{}/networks/{}", i18n.code(), api::encode(&profile.id)),
            t("community-back"),
        ),
    };
    let poster = offering.as_ref().map(|id| {
        format!(
            "/{}/coaching/{}/poster?offering={}",
            i18n.code(),
            api::encode(&profile.id),
            api::encode(id)
        )
    });
    let received = RwSignal::new(None::<String>);
    let name = StoredValue::new(profile.name.clone());
    let network_id = StoredValue::new(profile.id.clone());
    let offering = StoredValue::new(offering);
    view! {
        <p class="back"><a href=back rel="external">"← " {back_label}</a></p>
        <article class="register coaching" aria-labelledby="coaching-title">
            <p class="kind">{t("coaching-kind")}</p>
            <h1 id="coaching-title">{title}</h1>
            <p class="lead">{lead}</p>
            <p class="hint">{t("coaching-ask-again")}</p>
            {poster.map(|href| view! { <p class="hint"><a href=href>{t("coaching-poster-link")}</a></p> })}
            <Show
                when=move || received.with(Option::is_none)
                fallback=move || {
                    let note = i18n.with(|m| {
                        m.format(
                            "coaching-received-note",
                            &[
                                ("email", received.get().unwrap_or_default().into()),
                                ("network", name.get_value().into()),
                            ],
                        )
                    });
                    view! {
                        <LinkOnItsWay title=i18n.t("coaching-received") note>
                            <p class="hint">{i18n.t("community-received-spam")}</p>
                        </LinkOnItsWay>
                    }
                }
            >
                <OrganisationFields network=network_id.get_value() offering=offering.get_value() received/>
            </Show>
        </article>
    }
}

/// `/{lang}/coaching/{network}/poster?offering=`: the offering's title and summary, and the
/// QR code of its request page, to print and post where neighbourhoods meet.
#[component]
pub fn PosterPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let query = use_query_map();
    let network = Memo::new(move |_| params.read().get("network").unwrap_or_default());
    let url = Signal::derive(move || {
        format!(
            "/api/networks/{}?lang={}",
            api::encode(&network.get()),
            i18n.lang.get()
        )
    });
    let show = move |answer| -> Result<AnyView, ApiError> {
        let profile: Profile = api::typed(answer)?;
        let wanted = query.read_untracked().get("offering").unwrap_or_default();
        let Some(offering) = profile.offerings.into_iter().find(|o| o.id == wanted) else {
            return Ok(view! {
                <section class="not-found">
                    <h1>{i18n.t("not-found-title")}</h1>
                    <p>{i18n.t("not-found-body")}</p>
                </section>
            }
            .into_any());
        };
        let network = profile.name;
        Ok(view! { <Poster offering network/> }.into_any())
    };
    view! { <Fetched url show=Arc::new(show)/> }
}

#[component]
fn Poster(offering: relais_domain::catalog::OfferingSummary, network: String) -> impl IntoView {
    let i18n = use_i18n();
    let t = move |id: &str| i18n.t(id);
    let lang = i18n.code();
    let path = offering
        .network
        .as_ref()
        .map(|n| format!("/{lang}/coaching/{}?offering={}", n.id, offering.id))
        .unwrap_or_default();
    let address = format!("{}{path}", window().location().origin().unwrap_or_default());
    let image = format!(
        "/api/offerings/{}/request-qr.svg?lang={lang}",
        api::encode(&offering.id)
    );
    let by = [("network", network.into())];
    let print = move |_| {
        let _ = window().print();
    };
    view! {
        <article class="poster" aria-labelledby="poster-title">
            <p class="kind">{t("coaching-kind")} " · " {i18n.with(|m| m.format("coaching-poster-by", &by))}</p>
            <h1 id="poster-title"><Localized text=offering.title/></h1>
            <p class="lead"><Localized text=offering.summary/></p>
            <p class="poster-call">{t("coaching-poster-call")}</p>
            <img class="qr" src=image width="256" height="256" alt=t("coaching-poster-qr")/>
            <p class="poster-address"><a href=path.clone() rel="external">{address}</a></p>
            <p class="no-print">
                <button type="button" class="button" on:click=print>{t("coaching-poster-print")}</button>
            </p>
        </article>
    }
}

/// The API names the organisation's own fields plainly and its contact's under `contact.`;
/// the form names the organisation's name `organisation` and the contact's fields as every
/// other form of Relais names a person's.
fn form_field(api_field: &str) -> String {
    match api_field {
        "name" => "organisation".to_owned(),
        field => field.strip_prefix("contact.").unwrap_or(field).to_owned(),
    }
}

#[component]
fn OrganisationFields(
    network: String,
    offering: Option<String>,
    received: RwSignal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let t = move |id: &str| i18n.t(id);
    let state = FormState::new();
    let reader = use_reader_zone();
    let url = format!(
        "/api/networks/{}/organisations?lang={}",
        api::encode(&network),
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
        let form = OrganisationForm {
            name: values.text("organisation"),
            kind: values.text("kind"),
            area: values.text("area"),
            contact: ContactForm {
                name: values.text("name"),
                email: values.text("email"),
                lang: values.text("lang"),
                zone: values.text("zone"),
                consent: values.checked("consent"),
            },
            offering: offering.clone(),
            website: values.text("website"),
        };
        let email = form.contact.email.clone().unwrap_or_default();
        let url = url.clone();
        state.sending.set(true);
        spawn_local(async move {
            let sent = api::send(Method::POST, &url, Some(api::json_text(&form)), &[]).await;
            state.sending.set(false);
            match sent.and_then(api::typed::<OrganisationReceived>) {
                Ok(_) => {
                    state.clear();
                    received.set(Some(email));
                    focus("result-title");
                }
                Err(error) => {
                    state.failed(error);
                    state.outcome.update(|o| {
                        for e in &mut o.fields {
                            e.field = form_field(&e.field);
                        }
                    });
                }
            }
        });
    };
    let text = |kind: &'static str, autocomplete: &'static str| Control::Input {
        kind,
        autocomplete,
        value: String::new(),
    };
    let kinds = OrganisationKind::ALL
        .iter()
        .map(|k| {
            let label = t(&format!("coaching-kind-{}", k.as_str()));
            (k.as_str().to_owned(), label, false)
        })
        .collect();
    view! {
        <form class="registration coaching-form" on:submit=submit novalidate>
            <Summary state/>
            <p class="hint">{t("form-required-note")}</p>
            <fieldset>
                <legend>{t("coaching-about-organisation")}</legend>
                <Field name="organisation".into() label=t("coaching-organisation") required=true
                    control=text("text", "organization") state/>
                <Choices name="kind".into() legend=t("coaching-organisation-kind") kind="radio" required=true
                    options=kinds state/>
                <Field name="area".into() label=t("coaching-area") hint=t("coaching-area-hint")
                    control=text("text", "address-level2") state/>
            </fieldset>
            <fieldset>
                <legend>{t("coaching-about-contact")}</legend>
                <Field name="name".into() label=t("form-name") required=true control=text("text", "name") state/>
                <Field name="email".into() label=t("form-email") hint=t("coaching-email-hint") required=true
                    control=text("email", "email") state/>
                <LanguageField value=i18n.code().to_owned() state/>
                <ZoneField value=reader.zone.get_untracked() state/>
            </fieldset>
            <ConsentField label=t("coaching-consent") state/>
            <Submit label=t("coaching-submit") state/>
        </form>
    }
}

/// `/{lang}/organisations/{token}`.
#[component]
pub fn OrganisationLinkPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let token = Memo::new(move |_| params.read().get("token").unwrap_or_default());
    // Asked again after each request sent, to show it with the hours as they now stand.
    let version = RwSignal::new(0_u32);
    // What the last change to the contacts, or to the requests, did: said again once the
    // page is read again.
    let notice = RwSignal::new(None::<String>);
    let requests_notice = RwSignal::new(None::<String>);
    // Only the last change is said: one to the contacts ends what was said of the requests,
    // and the other way round.
    Effect::new(move |_| {
        if notice.with(Option::is_some) {
            requests_notice.set(None);
        }
    });
    Effect::new(move |_| {
        if requests_notice.with(Option::is_some) {
            notice.set(None);
        }
    });
    let url = Signal::derive(move || {
        let again = match version.get() {
            0 => String::new(),
            n => format!("&read={n}"),
        };
        format!(
            "/api/organisations/{}?lang={}{again}",
            api::encode(&token.get()),
            i18n.lang.get()
        )
    });
    let show = move |answer| -> Result<AnyView, ApiError> {
        let page: OrganisationPage = api::typed(answer)?;
        let token = token.get_untracked();
        Ok(view! { <OrganisationView page token version notice requests_notice/> }.into_any())
    };
    view! { <Fetched url show=Arc::new(show)/> }
}

#[component]
fn OrganisationView(
    page: OrganisationPage,
    token: String,
    version: RwSignal<u32>,
    notice: RwSignal<Option<String>>,
    requests_notice: RwSignal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let t = move |id: &str| i18n.t(id);
    let kind = t(&format!("coaching-kind-{}", page.kind.as_str()));
    let network = format!(
        "/{}/networks/{}",
        i18n.code(),
        api::encode(&page.network_id)
    );
    let place = if page.area.is_empty() {
        kind
    } else {
        format!("{kind} · {}", page.area)
    };
    view! {
        <article class="register organisation" aria-labelledby="organisation-title">
            <p class="kind">{t("coaching-kind")}</p>
            <h1 id="organisation-title">{page.name.clone()}</h1>
            <p class="lead">{place} " · " <a href=network rel="external">{page.network_name.clone()}</a></p>
            {page.budgets.into_iter().map(|budget| view! { <BudgetSection budget/> }).collect_view()}
            <Requests requests=page.requests token=token.clone() version notice=requests_notice/>
            {(!page.offers.is_empty())
                .then(|| view! { <AskForm offers=page.offers token=token.clone() version/> })}
            <on_behalf::OnBehalf registrations=page.registrations editions=page.on_behalf_editions token=token.clone()/>
            <contacts::Contacts contacts=page.contacts token version notice/>
        </article>
    }
}

/// A programme's hours this year, and its pool.
#[component]
fn BudgetSection(budget: BudgetView) -> impl IntoView {
    let i18n = use_i18n();
    let t = move |id: &str| i18n.t(id);
    let hours = move |m: Minutes| hours_label(m, i18n.lang.get_untracked());
    let year = [("year", budget.period.into())];
    let title = i18n.with(|m| m.format("coaching-hours-title", &year));
    let id = format!("budget-{}", budget.programme_id);
    let labelled = id.clone();
    let pool = budget.pool.map(|pool| {
        let counts = [
            ("left", pool.places_left.into()),
            ("places", pool.places.into()),
        ];
        let line = if pool.held {
            i18n.with(|m| {
                m.format(
                    "coaching-pool-held",
                    &[("hours", hours(pool.balance.left).into())],
                )
            })
        } else {
            i18n.with(|m| m.format("coaching-pool-places", &counts))
        };
        view! {
            <h3>{t("coaching-pool")}</h3>
            <p class="pool">{line}</p>
            {pool.held.then(|| view! { <BalanceList balance=pool.balance period=budget.period/> })}
        }
    });
    view! {
        <section class="budget" aria-labelledby=labelled>
            <h2 id=id>{title}</h2>
            <p class="hint">{budget.programme_name}</p>
            <p class="left">
                <span class="figure">{hours(budget.allowance.left)}</span>
                " " {t("coaching-left")}
            </p>
            <BalanceList balance=budget.allowance period=budget.period/>
            {pool}
        </section>
    }
}

/// Where a balance's hours come from and went, the lines that are not nothing.
#[component]
fn BalanceList(balance: Balance, period: i32) -> impl IntoView {
    let i18n = use_i18n();
    let hours = move |m: Minutes| hours_label(m, i18n.lang.get_untracked());
    let year = [("year", period.into())];
    let expiring = i18n.with(|m| m.format("coaching-expiring", &year));
    let lines = [
        (i18n.t("coaching-granted"), balance.granted),
        (i18n.t("coaching-carried-in"), balance.carried_in),
        (i18n.t("coaching-used"), balance.used),
        (i18n.t("coaching-booked"), balance.booked),
        (i18n.t("coaching-paid"), balance.paid_by_organisation),
        (i18n.t("coaching-expired"), balance.expired),
        (i18n.t("coaching-carried-out"), balance.carried_out),
        (expiring, balance.expiring),
    ];
    view! {
        <dl class="balance">
            {lines
                .into_iter()
                .filter(|(_, m)| *m > 0)
                .map(|(label, m)| view! { <dt>{label}</dt> <dd>{hours(m)}</dd> })
                .collect_view()}
        </dl>
    }
}

#[component]
fn Requests(
    requests: Vec<RequestView>,
    token: String,
    version: RwSignal<u32>,
    notice: RwSignal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let t = move |id: &str| i18n.t(id);
    view! {
        <section aria-labelledby="requests-title">
            <h2 id="requests-title" tabindex="-1">{t("coaching-requests")}</h2>
            <p class="status" role="status" hidden=move || notice.with(Option::is_none)>{move || notice.get()}</p>
            {if requests.is_empty() {
                view! { <p class="none">{t("coaching-no-requests")}</p> }.into_any()
            } else {
                view! {
                    <ul class="requests" role="list">
                        {requests
                            .into_iter()
                            .map(|r| {
                                let stage = t(&format!("coaching-stage-{}", r.stage.as_str()));
                                let partner = r.partner.map(|p| {
                                    let named = [("name", p.into())];
                                    view! { <p>{i18n.with(|m| m.format("coaching-partner-named", &named))}</p> }
                                });
                                let sessions = (!r.sessions.is_empty()).then(|| view! {
                                    <ul class="sessions" role="list">
                                        {r.sessions.into_iter().map(|s| view! { <SessionLine session=s/> }).collect_view()}
                                    </ul>
                                });
                                // Before any session is booked, the organisation may withdraw it.
                                let withdraw = matches!(r.stage, Stage::Received | Stage::Ready | Stage::Assigned)
                                    .then(|| view! {
                                        <Withdraw request=r.id.clone() subject=r.subject.clone() token=token.clone() version notice/>
                                    });
                                view! {
                                    <li class="request" data-stage=r.stage.as_str()>
                                        <h3>{r.subject}</h3>
                                        <p class="hint">{r.offering_title}</p>
                                        <p><span class="status">{stage}</span></p>
                                        {partner}
                                        {sessions}
                                        {withdraw}
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                .into_any()
            }}
        </section>
    }
}

/// Withdrawing a request, asked first; once done, said and the focus on the requests.
#[component]
fn Withdraw(
    request: String,
    subject: String,
    token: String,
    version: RwSignal<u32>,
    notice: RwSignal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let t = move |id: &str| i18n.t(id);
    let url = format!(
        "/api/organisations/{}/requests/{}/withdraw?lang={}",
        api::encode(&token),
        api::encode(&request),
        i18n.lang.get_untracked()
    );
    let wording = Wording {
        action: t("coaching-withdraw"),
        question: t("coaching-withdraw-ask"),
        yes: t("coaching-withdraw-yes"),
        done: i18n.with(|m| m.format("coaching-withdrawn", &[("subject", subject.into())])),
    };
    view! {
        <div class="withdraw">
            <AskedFirst id=format!("withdraw-{request}") method=Method::POST url wording
                heading="requests-title" version notice/>
        </div>
    }
}

/// A session booked with the organisation, on the reader's clock.
#[component]
fn SessionLine(session: SessionView) -> impl IntoView {
    let i18n = use_i18n();
    let start = viewer_local(session.starts_at);
    let end = viewer_local(session.starts_at + chrono::TimeDelta::minutes(session.minutes.into()));
    let label = format!("coaching-session-{}", session.state);
    let datetime = session.starts_at.to_rfc3339();
    view! {
        <li data-state=session.state.clone()>
            {move || i18n.t(&label)} " "
            <time datetime=datetime>{move || i18n.with(|m| format_span(start, end, m))}</time>
            <span class="zone">" · " {move || i18n.t("your-time")}</span>
        </li>
    }
}

/// Asking for coaching: which offering (when there are several), then the request.
#[component]
fn AskForm(offers: Vec<OfferOnRequest>, token: String, version: RwSignal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    let t = move |id: &str| i18n.t(id);
    let state = FormState::new();
    let sent = RwSignal::new(None::<RequestReceived>);
    let chosen = RwSignal::new(offers[0].offering_id.clone());
    let offers = StoredValue::new(offers);
    let url = format!(
        "/api/organisations/{}/requests?lang={}",
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
        let asked = NewRequest {
            offering_id: values.text("offering_id"),
            form: RequestForm {
                subject: values.text("subject"),
                question: values.text("question"),
                partner: values.text("partner"),
                availability: values.text("availability"),
                languages: values.all("languages"),
            },
        };
        let url = url.clone();
        state.sending.set(true);
        spawn_local(async move {
            let answer = api::send(Method::POST, &url, Some(api::json_text(&asked)), &[]).await;
            state.sending.set(false);
            match answer.and_then(api::typed::<RequestReceived>) {
                Ok(received) => {
                    state.clear();
                    sent.set(Some(received));
                    focus("asked-title");
                }
                Err(error) => {
                    state.failed(error);
                    state
                        .outcome
                        .update(|o| o.fields = languages_as_one(&o.fields));
                }
            }
        });
    };
    let textarea = || Control::TextArea;
    let text = || Control::Input {
        kind: "text",
        autocomplete: "off",
        value: String::new(),
    };
    let offer_choice = offers.with_value(|list| {
        (list.len() > 1).then(|| {
            let options = list
                .iter()
                .enumerate()
                .map(|(i, o)| (o.offering_id.clone(), o.title.clone(), i == 0))
                .collect();
            let choose = move |ev: leptos::ev::Event| {
                let value = event_target_value(&ev);
                if offers.with_value(|o| o.iter().any(|o| o.offering_id == value)) {
                    chosen.set(value);
                }
            };
            view! {
                <div on:change=choose>
                    <Choices name="offering_id".into() legend=t("coaching-which-offer") kind="radio"
                        required=true options state/>
                </div>
            }
        })
    });
    // With one offering there is nothing to choose: it goes with the form.
    let only = offers.with_value(|o| (o.len() == 1).then(|| o[0].offering_id.clone()));
    let partners = move || {
        let id = chosen.get();
        offers.with_value(|offers| {
            offers
                .iter()
                .find(|o| o.offering_id == id)
                .map(|o| o.partners.clone())
                .unwrap_or_default()
        })
    };
    let partner_error = Signal::derive(move || state.error("partner"));
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
    view! {
        <section aria-labelledby="ask-title">
            <h2 id="ask-title">{t("coaching-ask")}</h2>
            <Show when=move || sent.with(Option::is_some)>
                <section class="result" role="status" aria-labelledby="asked-title">
                    <h3 id="asked-title" tabindex="-1">{t("coaching-asked")}</h3>
                    <p>
                        {move || {
                            if sent.with(|s| s.as_ref().is_some_and(|s| s.pool_place)) {
                                t("coaching-asked-pool")
                            } else {
                                t("coaching-asked-note")
                            }
                        }}
                    </p>
                    <p>
                        <button type="button" class="button" on:click=move |_| version.update(|v| *v += 1)>
                            {t("coaching-see-request")}
                        </button>
                    </p>
                </section>
            </Show>
            <form class="registration ask-form" on:submit=submit novalidate>
                <Summary state/>
                <p class="hint">{t("form-required-note")}</p>
                {offer_choice}
                {only.map(|id| view! { <input type="hidden" name="offering_id" value=id/> })}
                <Field name="subject".into() label=t("coaching-subject") hint=t("coaching-subject-hint")
                    required=true control=text() state/>
                <Field name="question".into() label=t("coaching-question") hint=t("coaching-question-hint")
                    required=true control=textarea() state/>
                <div class="field" class:invalid=move || partner_error.with(Option::is_some)>
                    <label for="f-partner">{t("coaching-preferred-partner")}</label>
                    <select id="f-partner" name="partner" aria-describedby="f-partner-error"
                        aria-invalid=move || partner_error.with(Option::is_some).then_some("true")>
                        <option value="">{t("coaching-no-preference")}</option>
                        {move || {
                            partners()
                                .into_iter()
                                .map(|p| view! { <option value=p.id>{p.name}</option> })
                                .collect_view()
                        }}
                    </select>
                    <p class="field-error" id="f-partner-error" hidden=move || partner_error.with(Option::is_none)>
                        {move || partner_error.get()}
                    </p>
                </div>
                <Field name="availability".into() label=t("coaching-availability")
                    hint=t("coaching-availability-hint") control=textarea() state/>
                <Choices name="languages".into() legend=t("coaching-languages") kind="checkbox" required=true
                    options=languages state/>
                <Submit label=t("coaching-send") state/>
            </form>
        </section>
    }
}

/// Refusals of `languages.N` shown once, by the languages' checkboxes.
fn languages_as_one(fields: &[FieldError]) -> Vec<FieldError> {
    let mut kept: Vec<FieldError> = vec![];
    for e in fields {
        let field = if e.field.starts_with("languages.") {
            "languages"
        } else {
            e.field.as_str()
        };
        if !kept.iter().any(|k| k.field == field) {
            kept.push(FieldError {
                field: field.to_owned(),
                ..e.clone()
            });
        }
    }
    kept
}
