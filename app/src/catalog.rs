//! The catalog: every offering, soonest first, on the reader's clock.

use leptos::prelude::*;
use relais_domain::catalog::{Edition, OfferingSummary};

use crate::api;
use crate::i18n::use_i18n;
use crate::layout::{LoadError, Loading, Localized};
use crate::shell;
use crate::time::SessionTime;

#[component]
pub fn CatalogPage() -> impl IntoView {
    let i18n = use_i18n();
    let page = LocalResource::new(move || api::catalog(i18n.lang.get(), None));
    let retry = Callback::new(move |_| page.refetch());
    // The shell may show this very page, written by the Worker: swap once ours has its data.
    Effect::new(move |_| {
        if page.with(Option::is_some) {
            shell::replace();
        }
    });
    view! {
        <section class="catalog" aria-labelledby="catalog-title">
            <h1 id="catalog-title">{move || i18n.t("catalog-title")}</h1>
            <p class="intro">{move || i18n.t("catalog-intro")}</p>
            {move || match page.get() {
                None => view! { <Loading/> }.into_any(),
                Some(Err(error)) => view! { <LoadError error retry/> }.into_any(),
                Some(Ok(page)) if page.items.is_empty() => {
                    view! { <p class="empty">{i18n.t("catalog-empty")}</p> }.into_any()
                }
                Some(Ok(page)) => {
                    view! {
                        <ul class="cards" role="list">
                            {page
                                .items
                                .into_iter()
                                .map(|offering| view! { <OfferingCard offering/> })
                                .collect_view()}
                        </ul>
                        <MorePages first_cursor=page.next_cursor/>
                    }
                        .into_any()
                }
            }}
        </section>
    }
}

#[component]
fn OfferingCard(offering: OfferingSummary) -> impl IntoView {
    let i18n = use_i18n();
    let href = format!("/{}/offerings/{}", i18n.code(), offering.id);
    let kind = i18n.t(&format!("kind-{}", offering.kind.as_str()));
    let format = i18n.t(&format!("format-{}", offering.format.as_str()));
    let heading_id = format!("offering-{}", offering.id);
    let labelled_by = heading_id.clone();
    view! {
        <li class="card">
            <article aria-labelledby=labelled_by>
                <p class="kind">{kind}</p>
                <h2 id=heading_id>
                    <a href=href>
                        <Localized text=offering.title.clone()/>
                    </a>
                </h2>
                <p class="summary">
                    <Localized text=offering.summary.clone()/>
                </p>
                <NextEdition edition=offering.next_edition.clone()/>
                <ul class="facts" role="list">
                    <li>{format}</li>
                    {offering.partner.map(|p| view! { <li>{p.name}</li> })}
                    {offering.cost.map(|c| view! { <li><Localized text=c/></li> })}
                </ul>
            </article>
        </li>
    }
}

#[component]
fn NextEdition(edition: Option<Edition>) -> impl IntoView {
    let i18n = use_i18n();
    match edition.and_then(|e| e.sessions.first().cloned().map(|s| (e, s))) {
        None => view! { <p class="next none">{i18n.t("no-upcoming")}</p> }.into_any(),
        Some((edition, first)) => {
            let count = edition.sessions.len();
            view! {
                <p class="next">
                    <span class="label">{i18n.t("next-session-label")} " "</span>
                    <SessionTime session=first/>
                    {(count > 1)
                        .then(|| {
                            view! {
                                <span class="count">
                                    {i18n.with(|m| m.format("sessions-count", &[("count", count.into())]))}
                                </span>
                            }
                        })}
                </p>
            }
                .into_any()
        }
    }
}

/// The pages after the first, appended on request, so a long catalog never loads at once.
#[component]
fn MorePages(first_cursor: Option<String>) -> impl IntoView {
    let i18n = use_i18n();
    let items = RwSignal::new(Vec::<OfferingSummary>::new());
    let cursor = RwSignal::new(first_cursor);
    let loading = RwSignal::new(false);
    let failed = RwSignal::new(false);
    let load_more = move |_| {
        let Some(after) = cursor.get_untracked() else {
            return;
        };
        loading.set(true);
        failed.set(false);
        leptos::task::spawn_local(async move {
            match api::catalog(i18n.lang.get_untracked(), Some(after)).await {
                Ok(page) => {
                    items.update(|all| all.extend(page.items));
                    cursor.set(page.next_cursor);
                }
                Err(_) => failed.set(true),
            }
            loading.set(false);
        });
    };
    view! {
        <ul class="cards" role="list">
            <For each=move || items.get() key=|o| o.id.clone() let:offering>
                <OfferingCard offering/>
            </For>
        </ul>
        <Show when=move || failed.get()>
            <p class="error" role="alert">{move || i18n.t("error-load")}</p>
        </Show>
        <Show when=move || cursor.with(Option::is_some)>
            <button type="button" class="more" on:click=load_more disabled=move || loading.get() aria-busy=move || loading.get().to_string()>
                {move || if loading.get() { i18n.t("loading") } else { i18n.t("catalog-more") }}
            </button>
        </Show>
    }
}
