//! One offering: what it is, who runs it, and every edition with its sessions on the
//! reader's clock.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::tachys::view::any_view::AnyView;
use leptos_router::hooks::use_params_map;
use relais_domain::catalog::{Edition, OfferingDetail, Person};
use relais_domain::schedule::{clock_shifts, format_date, format_time, ClockPair, ClockShift};

use crate::api::{self, ApiError};
use crate::i18n::use_i18n;
use crate::layout::{BackToCatalog, Fetched, Localized, Prose};
use crate::time::{use_reader_zone, SessionTime};

#[component]
pub fn OfferingPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    let reader = use_reader_zone();
    let url =
        Signal::derive(move || api::offering_url(i18n.lang.get(), &id.get(), &reader.zone.get()));
    let show = |answer| -> Result<AnyView, ApiError> {
        let detail: OfferingDetail = api::typed(answer)?;
        Ok(view! { <OfferingView detail/> }.into_any())
    };
    view! {
        <BackToCatalog/>
        <Fetched url show=Arc::new(show)/>
    }
}

#[component]
fn OfferingView(detail: OfferingDetail) -> impl IntoView {
    let i18n = use_i18n();
    let s = detail.offering;
    let t = move |id: &str| i18n.t(id);
    let kind = t(&format!("kind-{}", s.kind.as_str()));
    let languages = s
        .languages
        .iter()
        .map(|l| t(&format!("lang-{l}")))
        .collect::<Vec<_>>()
        .join(", ");
    let topics = s.topics.clone();
    view! {
        <article class="offering" aria-labelledby="offering-title">
            <p class="kind">{kind}</p>
            <h1 id="offering-title">
                <Localized text=s.title.clone()/>
            </h1>
            <p class="summary lead">
                <Localized text=s.summary.clone()/>
            </p>
            <dl class="facts">
                <dt>{t("offering-languages")}</dt>
                <dd>{languages}</dd>
                <dt>{t("offering-location")}</dt>
                <dd>{t(&format!("format-{}", s.format.as_str()))}</dd>
                {s.cost.clone().map(|c| view! { <dt>{t("offering-cost")}</dt> <dd><Localized text=c/></dd> })}
                {s
                    .partner
                    .clone()
                    .map(|p| {
                        let href = format!("/{}/partners/{}", i18n.code(), p.id);
                        view! {
                            <dt>{t("offering-partner")}</dt>
                            <dd><a href=href>{p.name}</a></dd>
                        }
                    })}
            </dl>
            {(!topics.is_empty())
                .then(|| {
                    view! {
                        <h2 class="visually-hidden">{t("offering-topics")}</h2>
                        <ul class="topics" role="list">
                            {topics.iter().map(|topic| view! { <li>{t(&format!("topic-{topic}"))}</li> }).collect_view()}
                        </ul>
                    }
                })}
            <section aria-labelledby="upcoming-title">
                <h2 id="upcoming-title">{t("offering-upcoming")}</h2>
                {if detail.upcoming_editions.is_empty() {
                    view! { <p class="none">{t("no-upcoming")}</p> }.into_any()
                } else {
                    detail
                        .upcoming_editions
                        .into_iter()
                        .map(|edition| view! { <EditionView edition/> })
                        .collect_view()
                        .into_any()
                }}
            </section>
            <section aria-labelledby="description-title">
                <h2 id="description-title">{t("offering-description")}</h2>
                <Prose text=detail.description/>
                {detail
                    .audience
                    .map(|a| {
                        view! {
                            <h3>{t("offering-audience")}</h3>
                            <Prose text=a/>
                        }
                    })}
            </section>
            {(!detail.facilitators.is_empty())
                .then(|| {
                    view! {
                        <section aria-labelledby="facilitators-title">
                            <h2 id="facilitators-title">{t("offering-facilitators")}</h2>
                            <ul class="people" role="list">
                                {detail.facilitators.into_iter().map(|person| view! { <PersonView person/> }).collect_view()}
                            </ul>
                        </section>
                    }
                })}
            {(!detail.past_editions.is_empty())
                .then(|| {
                    view! {
                        <details class="past">
                            <summary>{t("offering-past")}</summary>
                            {detail.past_editions.into_iter().map(|edition| view! { <EditionView edition past=true/> }).collect_view()}
                            <p class="archive-link">
                                <a href=format!("/{}/archive", i18n.code())>{t("archive-link")}</a>
                            </p>
                        </details>
                    }
                })}
        </article>
    }
}

#[component]
pub(crate) fn EditionView(
    edition: Edition,
    /// Ended: no registration to speak of, nothing to add to a calendar.
    #[prop(optional)]
    past: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let t = move |id: &str| i18n.t(id);
    let sessions = edition.sessions.len();
    // Where a daylight-saving change moves this series on the reader's clock.
    let pairs: Vec<ClockPair> = edition
        .sessions
        .iter()
        .filter_map(|s| {
            Some(ClockPair {
                reader_start: s.reader_span()?.0,
                reader_offset: s.reader_start_offset_minutes?,
                organiser_offset: s.start_offset_minutes,
            })
        })
        .collect();
    let shifts = if pairs.len() == edition.sessions.len() {
        clock_shifts(&pairs)
    } else {
        vec![]
    };
    view! {
            <div class="edition">
                {edition.title.map(|title| view! { <h3><Localized text=title/></h3> })}
                <ul class="facts" role="list">
                    {(!past).then(|| view! { <li>{t(&format!("registration-{}", edition.registration_mode.as_str()))}</li> })}
                    <li>{t(&format!("format-{}", edition.format.as_str()))}</li>
                    {edition.location.map(|l| view! { <li><Localized text=l/></li> })}
                    {edition
                        .capacity
                        .map(|c| view! { <li>{i18n.with(|m| m.format("places-total", &[("count", c.into())]))}</li> })}
                    <li>{i18n.with(|m| m.format("sessions-count", &[("count", sessions.into())]))}</li>
                </ul>
    {(!past).then(|| view! {
                <p class="calendar">
                    <a href=format!("/api/editions/{}/calendar.ics?lang={}", edition.id, i18n.code()) download="" rel="external">
                        {i18n.text("calendar-edition")}
                    </a>
                </p>
    })}
                <ol class="sessions">
                    {edition
                        .sessions
                        .into_iter()
                        .enumerate()
                        .map(|(index, session)| {
                            let title = session.title.clone();
                            let shift = shifts.iter().find(|s| s.index == index).cloned();
                            view! {
                                <li>
                                    {title.map(|title| view! { <strong><Localized text=title/></strong> })}
                                    <SessionTime session/>
                                    {shift.map(|shift| view! { <ClockShiftNote shift/> })}
                                </li>
                            }
                        })
                        .collect_view()}
                </ol>
            </div>
        }
}

/// "From 29 March this session is at 15:00 for you, not 14:00": a clock change on one side.
#[component]
fn ClockShiftNote(shift: ClockShift) -> impl IntoView {
    let i18n = use_i18n();
    let text = move || {
        i18n.with(|m| {
            m.format(
                "clock-shift",
                &[
                    ("date", format_date(shift.now.date(), m).into()),
                    ("now", format_time(shift.now, m).into()),
                    ("before", format_time(shift.before, m).into()),
                ],
            )
        })
    };
    view! { <p class="clock-shift" role="note">{text}</p> }
}

#[component]
fn PersonView(person: Person) -> impl IntoView {
    let href = format!("/{}/people/{}", use_i18n().code(), person.id);
    view! {
        <li class="person">
            <p class="name">
                <strong><a href=href>{person.name}</a></strong>
                {person.role.map(|r| view! { ", " <Localized text=r/> })}
            </p>
            {person.bio.map(|b| view! { <p class="bio"><Localized text=b/></p> })}
        </li>
    }
}
