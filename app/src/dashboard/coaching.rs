//! Coaching on request, for a network's coordinators: the requests, open ones first by
//! stage, each with what the organisation asked and the steps it allows now (a check
//! confirmed, a partner assigned, a session booked on the coordinator's clock, the hours
//! given recorded, the request closed or declined), which `request::next` decides as the API
//! does; each organisation's hours this year and the pool's places taken; and the yearly
//! report per neighbourhood and per partner, on screen and as spreadsheets (`ReportPage`).

use gloo_net::http::Method;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_query_map;
use relais_domain::coaching::budget::Balance;
use relais_domain::coaching::desk::{
    typed_hours, CoachingDesk, DeskRequest, StepRequest, StepTaken,
};
use relais_domain::coaching::report::{hours_label, CoachingReport, ProgrammeYear};
use relais_domain::coaching::request::{next, Action, Actor, Request as Rules};
use relais_domain::schedule::{format_date, format_datetime};

use super::clock::{datetime_local_value, default_zone, instant, local, parse_datetime_local};
use super::home::now;
use super::{encode, failed, read, use_session, Problems};
use crate::api;
use crate::form::{focus, Control, Field, FormState, Values};
use crate::i18n::{use_i18n, I18n};
use crate::layout::{LoadError, Loading};
use crate::time::viewer_local;

/// `/{lang}/dashboard/coaching?network=…`.
#[component]
pub fn CoachingPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let query = use_query_map();
    let network = Memo::new(move |_| session.chosen_coaching_network(query.read().get("network")));
    Effect::new(move |_| session.network.set(network.get()));
    let done = RwSignal::new(String::new());
    let url = Signal::derive(move || {
        format!(
            "/api/dashboard/networks/{}/coaching?lang={}",
            encode(&network.get().unwrap_or_default()),
            i18n.lang.get()
        )
    });
    let answer = LocalResource::new(move || {
        let url = url.get();
        async move { api::fetch(url).await }
    });
    let retry = Callback::new(move |_| answer.refetch());
    // After a step, the desk is read again and the focus goes back to the request's heading.
    let after_step = RwSignal::new(None::<String>);
    let stepped = Callback::new(move |id: String| {
        after_step.set(Some(id));
        answer.refetch();
    });
    let shown = move || match answer.get() {
        None => view! { <Loading/> }.into_any(),
        Some(Err(error)) if error.is_not_found() => {
            view! { <p class="none">{i18n.t("dash-coaching-none")}</p> }.into_any()
        }
        Some(result) => match result.and_then(api::typed::<CoachingDesk>) {
            Ok(desk) => {
                if let Some(id) = after_step.get_untracked() {
                    after_step.set(None);
                    focus(heading_id(&id));
                }
                view! { <DeskView desk done stepped/> }.into_any()
            }
            Err(error) => view! { <LoadError error retry/> }.into_any(),
        },
    };
    let report = move || {
        format!(
            "/{}/dashboard/coaching/report?network={}",
            i18n.code(),
            encode(&network.get().unwrap_or_default())
        )
    };
    view! {
        <article class="dashboard coaching-desk" aria-labelledby="coaching-title">
            <h1 id="coaching-title">{i18n.text("dash-coaching")}</h1>
            <p class="lead">{i18n.text("dash-coaching-lead")}</p>
            <p><a href=report>{i18n.text("dash-coaching-report-link")}</a></p>
            <p id="coaching-done" class="done" role="status">{move || done.get()}</p>
            {move || match network.get() {
                None => view! { <p class="none">{i18n.t("dash-no-network")}</p> }.into_any(),
                Some(_) => shown.into_any(),
            }}
        </article>
    }
}

fn heading_id(request: &str) -> String {
    format!("request-{request}")
}

#[component]
fn DeskView(
    desk: CoachingDesk,
    done: RwSignal<String>,
    stepped: Callback<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let year = desk.period;
    let actor = if desk.as_partner {
        Actor::Partner
    } else {
        Actor::Coordinator
    };
    let programmes = desk
        .programmes
        .iter()
        .filter(|p| p.pool_places > 0)
        .map(|p| {
            let places = i18n.with(|m| {
                m.format(
                    "dash-coaching-pool-places",
                    &[
                        ("programme", p.name.clone().into()),
                        ("taken", p.pool_places_taken.into()),
                        ("places", p.pool_places.into()),
                        ("year", year.into()),
                    ],
                )
            });
            view! { <li>{places}</li> }
        })
        .collect_view();
    let (open, over): (Vec<DeskRequest>, Vec<DeskRequest>) =
        desk.requests.into_iter().partition(|r| !r.stage.is_final());
    let cards = |requests: Vec<DeskRequest>| {
        requests
            .into_iter()
            .map(|request| view! { <RequestCard request actor done stepped/> })
            .collect_view()
    };
    let open_list = if open.is_empty() {
        view! { <p class="none">{i18n.t("dash-coaching-no-open")}</p> }.into_any()
    } else {
        view! { <ul class="dash-list coaching-requests" role="list">{cards(open)}</ul> }.into_any()
    };
    let over_count = over.len();
    let over_list = (over_count > 0).then(|| {
        let summary =
            i18n.with(|m| m.format("dash-coaching-over", &[("count", over_count.into())]));
        view! {
            <details class="coaching-over">
                <summary>{summary}</summary>
                <ul class="dash-list coaching-requests" role="list">{cards(over)}</ul>
            </details>
        }
    });
    view! {
        <ul class="facts-line coaching-pools" role="list">{programmes}</ul>
        <section aria-labelledby="coaching-requests-title">
            <h2 id="coaching-requests-title">{i18n.text("dash-coaching-requests")}</h2>
            {open_list}
            {over_list}
        </section>
        <section aria-labelledby="coaching-hours-title">
            <h2 id="coaching-hours-title">
                {i18n.with(|m| m.format("dash-coaching-hours", &[("year", year.into())]))}
            </h2>
            <Balances labelled_by="coaching-hours-title".to_owned() lines=desk
                .organisations
                .into_iter()
                .map(|o| (o.name, o.area, o.allowance, o.pool))
                .collect()/>
        </section>
    }
}

/// Each organisation's hours: one row each, its pool place's beside.
#[component]
fn Balances(
    lines: Vec<(String, String, Balance, Option<Balance>)>,
    /// The id of the heading the table is under.
    labelled_by: String,
) -> impl IntoView {
    let i18n = use_i18n();
    if lines.is_empty() {
        return view! { <p class="none">{i18n.t("dash-coaching-no-organisation")}</p> }.into_any();
    }
    let h = move |m| hours_label(m, i18n.lang.get_untracked());
    let t = move |id: &str| i18n.t(id);
    let rows = lines
        .into_iter()
        .map(|(name, area, a, pool)| {
            let pool = match pool {
                Some(p) => i18n.with(|m| {
                    m.format(
                        "dash-coaching-pool-balance",
                        &[("used", h(p.used).into()), ("left", h(p.left).into())],
                    )
                }),
                None => "—".to_owned(),
            };
            view! {
                <tr>
                    <th scope="row">{name} {(!area.is_empty()).then(|| view! { <span class="facts-line">" · " {area}</span> })}</th>
                    <td>{h(a.granted + a.carried_in)}</td>
                    <td>{h(a.used)}</td>
                    <td>{h(a.booked)}</td>
                    <td>{h(a.left)}</td>
                    <td>{or_dash(a.expiring, h)}</td>
                    <td>{or_dash(a.paid_by_organisation, h)}</td>
                    <td>{pool}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-labelledby=labelled_by>
            <table class="coaching-balances">
                <thead>
                    <tr>
                        <th scope="col">{t("dash-coaching-organisation")}</th>
                        <th scope="col">{t("dash-coaching-available")}</th>
                        <th scope="col">{t("dash-coaching-used")}</th>
                        <th scope="col">{t("dash-coaching-booked")}</th>
                        <th scope="col">{t("dash-coaching-left")}</th>
                        <th scope="col">{t("dash-coaching-expiring")}</th>
                        <th scope="col">{t("dash-coaching-paid")}</th>
                        <th scope="col">{t("dash-coaching-pool")}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}

/// Some hours as `label` writes them, or a dash for none.
fn or_dash(minutes: u32, label: impl Fn(u32) -> String) -> String {
    if minutes > 0 {
        label(minutes)
    } else {
        "—".to_owned()
    }
}

/// Whether the reader (a coordinator, or the partner the request is assigned to) may take
/// `action` on `request` now: the domain's rules.
fn allows(request: &DeskRequest, actor: Actor, action: &Action) -> bool {
    let checks: Vec<&str> = request.checks.iter().map(|c| c.name.as_str()).collect();
    let confirmed: Vec<&str> = request
        .checks
        .iter()
        .filter(|c| c.confirmed)
        .map(|c| c.name.as_str())
        .collect();
    let partners: Vec<&str> = request.partners.iter().map(|p| p.id.as_str()).collect();
    let rules = Rules {
        stage: request.stage,
        checks: &checks,
        confirmed: &confirmed,
        partners: &partners,
    };
    next(&rules, actor, action).is_ok()
}

/// One request: who asks, what, where it stands, and the steps it allows now.
#[component]
fn RequestCard(
    request: DeskRequest,
    actor: Actor,
    done: RwSignal<String>,
    stepped: Callback<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let state = FormState::new();
    let id = request.id.clone();
    let heading = heading_id(&id);
    let summary = format!("{heading}-summary");
    // Field names carry the form and the request's id, so that each form's controls have
    // their own ids: `book-{id}.minutes`, `record-{id}.minutes`.
    let own = heading_id(&id);
    let prefix = move |form: &str| format!("{form}-{own}");
    let name = move |form: &str, field: &str| format!("{}.{field}", prefix(form));
    let send = {
        let (id, summary, organisation) =
            (id.clone(), summary.clone(), request.organisation.clone());
        move |step: StepRequest, said: &'static str, form: &'static str| {
            let path = format!("/api/dashboard/coaching-requests/{}/steps", encode(&id));
            let body = api::json_text(&step);
            let lang = i18n.lang.get_untracked();
            let prefix = format!("{form}-{}", heading_id(&id));
            let (id, summary, organisation) = (id.clone(), summary.clone(), organisation.clone());
            state.sending.set(true);
            spawn_local(async move {
                let answer = session.send(Method::POST, &path, Some(body), lang).await;
                state.sending.set(false);
                match read::<StepTaken>(answer) {
                    Ok(_) => {
                        state.clear();
                        done.set(
                            i18n.with(|m| m.format(said, &[("organisation", organisation.into())])),
                        );
                        stepped.run(id);
                    }
                    Err(error) => failed(i18n, state, &prefix, &summary, error),
                }
            });
        }
    };
    let send = StoredValue::new(send);
    let step = move |action: &str| StepRequest {
        action: Some(action.to_owned()),
        ..StepRequest::default()
    };
    let t = move |id: &str| i18n.t(id);
    let r = request.clone();
    let languages = r
        .languages
        .iter()
        .map(|l| i18n.language_name(l))
        .collect::<Vec<_>>()
        .join(", ");
    let partner_name = |id: &Option<String>| {
        id.as_ref().map(|id| {
            r.partners
                .iter()
                .find(|p| p.id == *id)
                .map_or(id.clone(), |p| p.name.clone())
        })
    };
    let preferred = partner_name(&r.preferred_partner);
    let assigned = partner_name(&r.partner);
    let asked_on = i18n.with(|m| {
        m.format(
            "dash-coaching-asked-on",
            &[(
                "date",
                format_date(viewer_local(r.created_at).date(), m).into(),
            )],
        )
    });
    let zone = default_zone();
    let sessions = r
        .bookings
        .iter()
        .map(|b| {
            let when = local(&zone, b.starts_at)
                .map(|wall| i18n.with(|m| format_datetime(wall, m)))
                .unwrap_or_default();
            let state = t(&format!("dash-coaching-booking-{}", b.state));
            view! { <li>{when} " · " {hours_label(b.minutes, i18n.lang.get_untracked())} " · " {state}</li> }
        })
        .collect_view();
    let checks = r
        .checks
        .iter()
        .map(|c| {
            let confirm = allows(&r, actor, &Action::Confirm(c.name.clone())).then(|| {
                let check = c.name.clone();
                let label = c.text.clone();
                view! {
                    " "
                    <button type="button" class="button secondary" disabled=move || state.sending.get()
                        on:click=move |_| send.with_value(|s| s(StepRequest { check: Some(check.clone()), ..step("confirm") }, "dash-coaching-confirmed", ""))>
                        {t("dash-coaching-confirm")} <span class="visually-hidden">" — " {label}</span>
                    </button>
                }
            });
            let mark = if c.confirmed { "dash-coaching-check-done" } else { "dash-coaching-check-waiting" };
            view! { <li>{c.text.clone()} " — " <strong>{t(mark)}</strong> {confirm}</li> }
        })
        .collect_view();
    // Assigning: any of the offering's partners, the preferred one first chosen.
    let assign = r
        .partners
        .first()
        .map(|p| p.id.clone())
        .filter(|first| allows(&r, actor, &Action::Assign(first.clone())))
        .map(|first| {
            let chosen = r.partner.clone().or(r.preferred_partner.clone()).unwrap_or(first);
            let options = r.partners.iter().map(|p| (p.id.clone(), p.name.clone())).collect();
            let field = name("assign", "partner");
            let submit = move |ev: leptos::ev::SubmitEvent| {
                ev.prevent_default();
                let partner = Values::of(&ev).and_then(|v| v.text(&field));
                send.with_value(|s| s(StepRequest { partner, ..step("assign") }, "dash-coaching-assigned", "assign"));
            };
            view! {
                <form class="coaching-step" on:submit=submit novalidate>
                    <Field name=name("assign", "partner") label=t("dash-coaching-partner") required=true
                        control=Control::Select { options, value: chosen } state/>
                    <button type="submit" class="button primary" disabled=move || state.sending.get()>{t("dash-coaching-assign")}</button>
                </form>
            }
        });
    let book = allows(&r, actor, &Action::Book).then(|| {
        let (when, minutes) = (name("book", "starts_at"), name("book", "minutes"));
        let zone = zone.clone();
        let hint = i18n.with(|m| m.format("dash-coaching-on-clock", &[("zone", zone.clone().into())]));
        let submit = move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let Some(values) = Values::of(&ev) else { return };
            let starts_at = values
                .text(&when)
                .map(|v| match parse_datetime_local(&v).and_then(|wall| instant(&zone, wall)) {
                    Some(at) => at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
                    None => v,
                });
            let minutes = values.text(&minutes).and_then(|m| typed_hours(&m));
            send.with_value(|s| s(StepRequest { starts_at, minutes, ..step("book") }, "dash-coaching-booked-done", "book"));
        };
        let soon = local(&default_zone(), now() + chrono::TimeDelta::days(7))
            .map(|wall| datetime_local_value(wall.date().and_hms_opt(18, 0, 0).unwrap_or(wall)))
            .unwrap_or_default();
        view! {
            <form class="coaching-step" on:submit=submit novalidate>
                <Field name=name("book", "starts_at") label=t("dash-coaching-when") hint required=true
                    control=Control::Input { kind: "datetime-local", autocomplete: "off", value: soon } state/>
                <Field name=name("book", "minutes") label=t("dash-coaching-length") required=true
                    control=Control::Input { kind: "text", autocomplete: "off", value: "3".into() } state/>
                <button type="submit" class="button primary" disabled=move || state.sending.get()>{t("dash-coaching-book")}</button>
            </form>
        }
    });
    let record = allows(&r, actor, &Action::Record).then(|| {
        let (given, travel, booking) = (
            name("record", "minutes"),
            name("record", "travel_minutes"),
            name("record", "booking"),
        );
        let held: Vec<(String, String)> = r
            .bookings
            .iter()
            .filter(|b| b.state == "booked")
            .map(|b| {
                let when = local(&zone, b.starts_at)
                    .map(|wall| i18n.with(|m| format_datetime(wall, m)))
                    .unwrap_or_default();
                (b.id.clone(), when)
            })
            .collect();
        let first_hours = r
            .bookings
            .iter()
            .find(|b| b.state == "booked")
            .map(|b| hours_value(b.minutes, i18n))
            .unwrap_or_default();
        let mut options = held.clone();
        options.push((String::new(), t("dash-coaching-no-booking")));
        let submit = move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let Some(values) = Values::of(&ev) else { return };
            let step = StepRequest {
                minutes: values.text(&given).and_then(|m| typed_hours(&m)),
                travel_minutes: values.text(&travel).and_then(|m| typed_hours(&m)),
                booking: values.text(&booking),
                ..step("record")
            };
            send.with_value(|s| s(step, "dash-coaching-recorded", "record"));
        };
        let chosen = held.first().map(|(id, _)| id.clone()).unwrap_or_default();
        view! {
            <form class="coaching-step" on:submit=submit novalidate>
                <Field name=name("record", "booking") label=t("dash-coaching-session") required=true
                    control=Control::Select { options, value: chosen } state/>
                <Field name=name("record", "minutes") label=t("dash-coaching-given") hint=t("dash-coaching-hours-hint") required=true
                    control=Control::Input { kind: "text", autocomplete: "off", value: first_hours } state/>
                <Field name=name("record", "travel_minutes") label=t("dash-coaching-travel")
                    control=Control::Input { kind: "text", autocomplete: "off", value: String::new() } state/>
                <button type="submit" class="button primary" disabled=move || state.sending.get()>{t("dash-coaching-record")}</button>
            </form>
        }
    });
    let close = allows(&r, actor, &Action::Close).then(|| {
        view! {
            <button type="button" class="button secondary" disabled=move || state.sending.get()
                on:click=move |_| send.with_value(|s| s(step("close"), "dash-coaching-closed", ""))>
                {t("dash-coaching-close")}
            </button>
        }
    });
    let decline = allows(&r, actor, &Action::Decline).then(|| view! {
        <button type="button" class="button secondary" disabled=move || state.sending.get()
            on:click=move |_| send.with_value(|s| s(step("decline"), "dash-coaching-declined", ""))>
            {t("dash-coaching-decline")}
        </button>
    });
    let stage = r.stage.as_str();
    view! {
        <li class="card dash-card coaching-request" data-stage=stage>
            <h3 id=heading.clone() tabindex="-1">
                {r.organisation.clone()}
                {(!r.area.is_empty()).then(|| view! { <span class="facts-line">" · " {r.area.clone()}</span> })}
            </h3>
            <p class="state-line">
                <span class="badge" data-stage=stage>{t(&format!("coaching-stage-{stage}"))}</span>
                " " <span class="facts-line">{r.offering_title.clone()} " · " {asked_on}</span>
            </p>
            <Problems state id=summary/>
            <dl class="facts">
                <dt>{t("coaching-subject")}</dt>
                <dd>{r.subject.clone()}</dd>
                <dt>{t("coaching-question")}</dt>
                <dd class="multiline">{r.question.clone()}</dd>
                {(!r.availability.is_empty()).then(|| view! { <dt>{t("coaching-availability")}</dt> <dd class="multiline">{r.availability.clone()}</dd> })}
                {(!languages.is_empty()).then(|| view! { <dt>{t("dash-coaching-languages")}</dt> <dd>{languages}</dd> })}
                {preferred.map(|p| view! { <dt>{t("coaching-preferred-partner")}</dt> <dd>{p}</dd> })}
                {assigned.map(|p| view! { <dt>{t("dash-coaching-partner")}</dt> <dd>{p}</dd> })}
            </dl>
            {(!r.checks.is_empty()).then(|| view! {
                <h4>{t("dash-coaching-checks")}</h4>
                <ul role="list" class="coaching-checks">{checks}</ul>
            })}
            {(!r.bookings.is_empty()).then(|| view! {
                <h4>{t("dash-coaching-sessions")}</h4>
                <ul role="list">{sessions}</ul>
            })}
            {assign}
            {book}
            {record}
            {(close.is_some() || decline.is_some()).then(|| view! { <p class="form-actions">{close} " " {decline}</p> })}
        </li>
    }
}

/// Minutes as the hours field shows them: « 3 », « 1,5 ».
fn hours_value(minutes: u32, i18n: I18n) -> String {
    relais_domain::coaching::report::hours_number(minutes, i18n.lang.get_untracked())
}

/// `/{lang}/dashboard/coaching/report?network=…&year=…`.
#[component]
pub fn ReportPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let query = use_query_map();
    let network = Memo::new(move |_| session.chosen_coaching_network(query.read().get("network")));
    Effect::new(move |_| session.network.set(network.get()));
    // A partner reads the organisations it coaches and its own hours: the lead says so.
    let as_partner = RwSignal::new(false);
    let this_year = chrono::Datelike::year(&now());
    let year = Memo::new(move |_| {
        query
            .read()
            .get("year")
            .and_then(|y| y.parse::<i32>().ok())
            .filter(|y| (2000..=this_year).contains(y))
            .unwrap_or(this_year)
    });
    let api_path = move |suffix: &str| {
        format!(
            "/api/dashboard/networks/{}/coaching/{suffix}?year={}&lang={}",
            encode(&network.get().unwrap_or_default()),
            year.get(),
            i18n.lang.get()
        )
    };
    let answer = LocalResource::new(move || {
        let url = api_path("report");
        async move { api::fetch(url).await }
    });
    let retry = Callback::new(move |_| answer.refetch());
    let shown = move || match answer.get() {
        None => view! { <Loading/> }.into_any(),
        Some(Err(error)) if error.is_not_found() => {
            view! { <p class="none">{i18n.t("dash-coaching-none")}</p> }.into_any()
        }
        Some(result) => match result.and_then(api::typed::<CoachingReport>) {
            Ok(report) => {
                as_partner.set(report.as_partner);
                if report.programmes.is_empty() {
                    view! { <p class="none">{i18n.t("dash-coaching-none")}</p> }.into_any()
                } else {
                    report
                        .programmes
                        .into_iter()
                        .map(|programme| view! { <ProgrammeReport programme/> })
                        .collect_view()
                        .into_any()
                }
            }
            Err(error) => view! { <LoadError error retry/> }.into_any(),
        },
    };
    let years = move || {
        let chosen = year.get();
        (this_year - 4..=this_year)
            .rev()
            .map(|y| {
                let href = format!(
                    "/{}/dashboard/coaching/report?network={}&year={y}",
                    i18n.code(),
                    encode(&network.get().unwrap_or_default())
                );
                let current = (y == chosen).then_some("page");
                view! { <li><a href=href aria-current=current>{y}</a></li> }
            })
            .collect_view()
    };
    let desk = move || {
        format!(
            "/{}/dashboard/coaching?network={}",
            i18n.code(),
            encode(&network.get().unwrap_or_default())
        )
    };
    view! {
        <article class="dashboard coaching-report" aria-labelledby="report-title">
            <h1 id="report-title">
                {move || i18n.with(|m| m.format("dash-coaching-report", &[("year", year.get().into())]))}
            </h1>
            <p class="lead">
                {move || i18n.t(if as_partner.get() { "dash-coaching-report-partner-lead" } else { "dash-coaching-report-lead" })}
            </p>
            <p><a href=desk>{i18n.text("dash-coaching-back")}</a></p>
            <nav aria-label=move || i18n.t("dash-coaching-years")>
                <ul class="coaching-years" role="list">{years}</ul>
            </nav>
            <p class="form-actions">
                <a class="button secondary" href=move || api_path("report.csv") download="">
                    {i18n.text("dash-coaching-csv-neighbourhoods")}
                </a>
                " "
                <a class="button secondary" href=move || format!("{}&by=partners", api_path("report.csv")) download="">
                    {i18n.text("dash-coaching-csv-partners")}
                </a>
            </p>
            {move || match network.get() {
                None => view! { <p class="none">{i18n.t("dash-no-network")}</p> }.into_any(),
                Some(_) => shown.into_any(),
            }}
        </article>
    }
}

#[component]
fn ProgrammeReport(programme: ProgrammeYear) -> impl IntoView {
    let i18n = use_i18n();
    let h = move |m| hours_label(m, i18n.lang.get_untracked());
    let t = move |id: &str| i18n.t(id);
    let id = format!("programme-{}", programme.id);
    let partners_id = format!("{id}-partners");
    let neighbourhoods_id = format!("{id}-neighbourhoods");
    let report = programme.report;
    let pool = (programme.pool_places > 0).then(|| {
        i18n.with(|m| {
            m.format(
                "dash-coaching-pool-places",
                &[
                    ("programme", programme.name.clone().into()),
                    ("taken", report.pool_places_taken.into()),
                    ("places", programme.pool_places.into()),
                    ("year", report.period.into()),
                ],
            )
        })
    });
    let neighbourhoods = report
        .neighbourhoods
        .into_iter()
        .map(|n| {
            (
                n.organisation.name,
                n.organisation.area,
                n.allowance,
                n.pool,
            )
        })
        .collect();
    let partner_rows = report
        .partners
        .iter()
        .map(|p| {
            let name = programme
                .partners
                .iter()
                .find(|c| c.id == p.partner)
                .map_or(p.partner.clone(), |c| c.name.clone());
            view! {
                <tr>
                    <th scope="row">{name}</th>
                    <td>{p.organisations}</td>
                    <td>{h(p.given)}</td>
                    <td>{or_dash(p.paid_by_organisation, h)}</td>
                    <td>{h(p.booked)}</td>
                </tr>
            }
        })
        .collect_view();
    let partners = if report.partners.is_empty() {
        view! { <p class="none">{t("dash-coaching-no-hours")}</p> }.into_any()
    } else {
        view! {
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby=partners_id.clone()>
                <table class="coaching-partners">
                    <thead>
                        <tr>
                            <th scope="col">{t("dash-coaching-partner")}</th>
                            <th scope="col">{t("dash-coaching-organisations")}</th>
                            <th scope="col">{t("dash-coaching-given-hours")}</th>
                            <th scope="col">{t("dash-coaching-paid")}</th>
                            <th scope="col">{t("dash-coaching-booked")}</th>
                        </tr>
                    </thead>
                    <tbody>{partner_rows}</tbody>
                </table>
            </div>
        }
        .into_any()
    };
    view! {
        <section aria-labelledby=id.clone()>
            <h2 id=id.clone()>{programme.name.clone()}</h2>
            {pool.map(|p| view! { <p class="facts-line">{p}</p> })}
            <h3 id=neighbourhoods_id.clone()>{t("dash-coaching-by-neighbourhood")}</h3>
            <Balances lines=neighbourhoods labelled_by=neighbourhoods_id/>
            <h3 id=partners_id>{t("dash-coaching-by-partner")}</h3>
            {partners}
        </section>
    }
}
