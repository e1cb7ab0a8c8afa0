//! One offering: what it is, who runs it, and every edition with its sessions on the
//! reader's clock.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::tachys::view::any_view::AnyView;
use leptos_router::hooks::use_params_map;
use relais_domain::catalog::{OfferingDetail, Person};

use crate::api::{self, ApiError};
use crate::edition::EditionView;
use crate::i18n::use_i18n;
use crate::layout::{button_link, BackToCatalog, Fetched, Localized, Prose};
use crate::time::use_reader_zone;

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
                    .network
                    .clone()
                    .map(|n| {
                        let href = format!("/{}/networks/{}", i18n.code(), n.id);
                        view! {
                            <dt>{t("offering-network")}</dt>
                            <dd><a href=href>{n.name}</a></dd>
                        }
                    })}
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
            // The library is the forms build's: an ordinary link.
            {(detail.resources > 0).then(|| {
                let href = format!("/{}/library?offering={}", i18n.code(), s.id);
                button_link("library-link", href, t("offering-resources"))
            })}
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
                    // Asking for coaching on request, or being told of the next dates: the
                    // forms build's, an ordinary link.
                    let (href, label) = match (detail.on_request, &s.network) {
                        (true, Some(n)) => (
                            format!("/{}/coaching/{}?offering={}", i18n.code(), n.id, s.id),
                            "offering-ask",
                        ),
                        _ => (
                            format!("/{}/follow?offering={}", i18n.code(), s.id),
                            "offering-follow",
                        ),
                    };
                    view! {
                        <p class="none">{t("no-upcoming")}</p>
                        {button_link("follow-link", href, t(label))}
                    }
                    .into_any()
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
