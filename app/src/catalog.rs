//! The catalog: every offering, soonest first, on the reader's clock.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::tachys::view::any_view::AnyView;
use leptos_router::hooks::{use_navigate, use_query_map};
use relais_domain::catalog::query::CatalogQuery;
use relais_domain::catalog::{CatalogPage, Edition, Format, OfferingKind, OfferingSummary};

use crate::api::{self, ApiError};
use crate::i18n::use_i18n;
use crate::layout::{Fetched, Localized};
use crate::time::{use_reader_zone, SessionTime, ZonePicker};

#[component]
pub fn CatalogPage() -> impl IntoView {
    let i18n = use_i18n();
    let reader = use_reader_zone();
    let url_query = use_query_map();
    // The filters live in the address, so every view can be shared; the zone does not (a
    // shared link shows each reader their own clock).
    let filters = Memo::new(move |_| {
        url_query.with(|q| {
            let pairs: Vec<(String, String)> = q
                .clone()
                .into_iter()
                .map(|(k, v)| (k.into_owned(), v))
                .collect();
            from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
        })
    });
    let url = Signal::derive(move || {
        let mut query = filters.get();
        query.zone = Some(reader.zone.get());
        api::catalog_url(i18n.lang.get(), &query, None)
    });
    let show = move |answer| -> Result<AnyView, ApiError> {
        let page: CatalogPage = api::typed(answer)?;
        Ok(
            if page.items.is_empty() && filters.with(CatalogQuery::is_filtered) {
                view! {
                    <p class="empty" role="status">
                        {i18n.t("catalog-no-match")} " "
                        <a href=move || format!("/{}", i18n.code())>{i18n.text("filters-clear")}</a>
                    </p>
                }
                .into_any()
            } else if page.items.is_empty() {
                view! { <p class="empty">{i18n.t("catalog-empty")}</p> }.into_any()
            } else {
                let count = page.items.len();
                view! {
                <p class="visually-hidden" role="status">
                    {move || i18n.with(|m| m.format("catalog-count", &[("count", count.into())]))}
                </p>
                <ul class="cards" role="list">
                    {page
                        .items
                        .into_iter()
                        .map(|offering| view! { <OfferingCard offering/> })
                        .collect_view()}
                </ul>
                <MorePages first_cursor=page.next_cursor filters/>
                <p class="calendar">
                    <a rel="external" href=move || format!("/api/calendar.ics?lang={}", i18n.code())>{i18n.text("calendar-subscribe")}</a>
                </p>
                <p class="archive-link">
                    <a href=move || format!("/{}/archive", i18n.code())>{i18n.text("archive-link")}</a>
                </p>
            }
            .into_any()
            },
        )
    };
    view! {
        <section class="catalog" aria-labelledby="catalog-title">
            <h1 id="catalog-title">{i18n.text("catalog-title")}</h1>
            <p class="intro">{i18n.text("catalog-intro")}</p>
            <div class="tools">
                <ZonePicker/>
                <Filters current=filters/>
            </div>
            <Fetched url show=Arc::new(show)/>
        </section>
    }
}

/// Search and filters, as a form whose answer is the page's address.
#[component]
fn Filters(current: Memo<CatalogQuery>) -> impl IntoView {
    let i18n = use_i18n();
    let navigate = use_navigate();
    let form_ref = NodeRef::<leptos::html::Form>::new();
    let open = current.get_untracked().is_filtered();
    let load = move || {
        load_networks(
            i18n.lang.get_untracked(),
            current.with_untracked(|q| q.network.clone()),
        )
    };
    if open {
        load();
    }
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(form) = form_ref.get() else { return };
        let Ok(data) = web_sys::FormData::new_with_form(&form) else {
            return;
        };
        let field = |name: &str| data.get(name).as_string().unwrap_or_default();
        let daytime = if data.has("daytime") { "1" } else { "" };
        let values = [
            ("q", field("q")),
            ("network", field("network")),
            ("kind", field("kind")),
            ("topic", field("topic")),
            ("language", field("language")),
            ("format", field("format")),
            ("from", field("from")),
            ("to", field("to")),
            ("daytime", daytime.to_owned()),
        ];
        let query = from_pairs(values.iter().map(|(k, v)| (*k, v.as_str())));
        let search: Vec<String> = query
            .pairs()
            .into_iter()
            .map(|(k, v)| format!("{k}={}", String::from(js_sys::encode_uri_component(&v))))
            .collect();
        let path = format!("/{}", i18n.code());
        let href = if search.is_empty() {
            path
        } else {
            format!("{path}?{}", search.join("&"))
        };
        navigate(&href, Default::default());
    };
    // One rendering per language and per filter set, with plain texts inside: a reactive
    // closure per label would cost the reader's phone many kilobytes of wasm.
    let form = move || {
        let q = current.get();
        i18n.with(|m| {
            let t = |id: &str| m.get(id);
            let any = t("filter-any");
            let options = |choices: Vec<(String, String)>, selected: Option<&str>| {
                std::iter::once((String::new(), any.clone()))
                    .chain(choices)
                    .map(|(value, label)| {
                        let is_selected = selected.unwrap_or_default() == value;
                        view! { <option value=value selected=is_selected>{label}</option> }
                    })
                    .collect_view()
            };
            let kinds = OfferingKind::ALL
                .iter()
                .map(|k| (k.as_str().to_owned(), t(&format!("kind-{}", k.as_str()))))
                .collect();
            let choices = |ids: &[&str], prefix: &str| -> Vec<(String, String)> {
                ids.iter().map(|id| (id.to_string(), t(&format!("{prefix}{id}")))).collect()
            };
            let topic_choices = choices(relais_domain::catalog::TOPICS, "topic-");
            let language_choices = choices(relais_domain::catalog::DELIVERY_LANGUAGES, "lang-");
            let formats = [Format::Online, Format::InPerson, Format::Hybrid]
                .into_iter()
                .map(|f| (f.as_str().to_owned(), t(&format!("format-{}", f.as_str()))))
                .collect();
            let day = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
            let network_choices = NETWORKS.with_borrow(|n| n.clone().unwrap_or_default());
            view! {
                <summary>{t("filters-title")}</summary>
                <form role="search" node_ref=form_ref on:submit=submit.clone()>
                    <p>
                        <label for="filter-q">{t("filter-text")}</label>
                        <input id="filter-q" name="q" type="search" maxlength="100" value=q.text.clone().unwrap_or_default()/>
                    </p>
                    <p>
                        <label for="filter-network">{t("filter-network")}</label>
                        <select id="filter-network" name="network">{options(network_choices, q.network.as_deref())}</select>
                    </p>
                    <p>
                        <label for="filter-kind">{t("filter-kind")}</label>
                        <select id="filter-kind" name="kind">{options(kinds, q.kind.map(|k| k.as_str()))}</select>
                    </p>
                    <p>
                        <label for="filter-topic">{t("filter-topic")}</label>
                        <select id="filter-topic" name="topic">{options(topic_choices, q.topic.as_deref())}</select>
                    </p>
                    <p>
                        <label for="filter-language">{t("filter-language")}</label>
                        <select id="filter-language" name="language">{options(language_choices, q.language.as_deref())}</select>
                    </p>
                    <p>
                        <label for="filter-format">{t("filter-format")}</label>
                        <select id="filter-format" name="format">{options(formats, q.format.map(|f| f.as_str()))}</select>
                    </p>
                    <p class="dates">
                        <span>
                            <label for="filter-from">{t("filter-from")}</label>
                            <input id="filter-from" name="from" type="date" value=day(q.from)/>
                        </span>
                        <span>
                            <label for="filter-to">{t("filter-to")}</label>
                            <input id="filter-to" name="to" type="date" value=day(q.to)/>
                        </span>
                    </p>
                    <p class="check">
                        <input id="filter-daytime" name="daytime" type="checkbox" value="1" checked=q.daytime/>
                        <label for="filter-daytime">{t("filter-daytime")}</label>
                    </p>
                    <p class="actions">
                        <button type="submit">{t("filters-apply")}</button>
                        <a href=format!("/{}", m.lang().code())>{t("filters-clear")}</a>
                    </p>
                </form>
            }
        })
    };
    view! { <details class="filters" open=open on:toggle=move |_| load()>{form}</details> }
}

thread_local! {
    /// The networks to choose from (`/api/networks`), as `(id, name)`; `None` until asked.
    static NETWORKS: std::cell::RefCell<Option<Vec<(String, String)>>> = const { std::cell::RefCell::new(None) };
}

/// Asks the API for the networks once, and adds them to the network filter as they arrive:
/// rendering the form again would lose what the reader is typing, and their focus.
fn load_networks(lang: relais_domain::Lang, selected: Option<String>) {
    if NETWORKS.with_borrow(Option::is_some) {
        return;
    }
    NETWORKS.set(Some(vec![]));
    leptos::task::spawn_local(async move {
        let list = api::networks(lang).await;
        let document = document();
        if let Some(select) = document.get_element_by_id("filter-network") {
            for (id, name) in &list {
                if let Ok(option) = document.create_element("option") {
                    let _ = option.set_attribute("value", id);
                    let _ = option.append_child(&document.create_text_node(name));
                    if selected.as_ref() == Some(id) {
                        let _ = option.set_attribute("selected", "");
                    }
                    let _ = select.append_child(&option);
                }
            }
        }
        // None found (offline, say): asked again at the next opening.
        NETWORKS.set((!list.is_empty()).then_some(list));
    });
}

/// The filters of an address or a form; the zone is the reader's own, never the link's.
/// A hand-edited address with a bad value shows the unfiltered catalog.
fn from_pairs<'a>(pairs: impl Iterator<Item = (&'a str, &'a str)>) -> CatalogQuery {
    let pairs = pairs.filter(|(k, _)| *k != "tz").chain([("tz", "UTC")]);
    CatalogQuery {
        zone: None,
        ..CatalogQuery::parse(pairs).unwrap_or_default()
    }
}

#[component]
pub(crate) fn OfferingCard(offering: OfferingSummary) -> impl IntoView {
    let i18n = use_i18n();
    let href = format!("/{}/offerings/{}", i18n.code(), offering.id);
    let kind = i18n.t(&format!("kind-{}", offering.kind.as_str()));
    let format = i18n.t(&format!("format-{}", offering.format.as_str()));
    let heading_id = format!("offering-{}", offering.id);
    let labelled_by = heading_id.clone();
    // The next edition's languages, when they are not the reader's, and its cost, in the
    // edge's words; the offering's cost in general when the edition does not say its own.
    let facts = offering
        .next_edition
        .as_ref()
        .map(|e| e.facts.clone())
        .unwrap_or_default();
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
                    {offering
                        .network
                        .map(|n| {
                            let href = format!("/{}/networks/{}", i18n.code(), n.id);
                            view! { <li><a href=href>{n.name}</a></li> }
                        })}
                    {offering.partner.map(|p| view! { <li>{p.name}</li> })}
                    {facts.into_iter().map(|fact| view! { <li>{fact}</li> }).collect_view()}
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
fn MorePages(first_cursor: Option<String>, filters: Memo<CatalogQuery>) -> impl IntoView {
    let reader = use_reader_zone();
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
            let mut query = filters.get_untracked();
            query.zone = Some(reader.zone.get_untracked());
            match api::catalog(i18n.lang.get_untracked(), query, Some(after)).await {
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
            <p class="error" role="alert">{i18n.text("error-load")}</p>
        </Show>
        <Show when=move || cursor.with(Option::is_some)>
            <button type="button" class="more" on:click=load_more disabled=move || loading.get() aria-busy=move || loading.get().to_string()>
                {move || if loading.get() { i18n.t("loading") } else { i18n.t("catalog-more") }}
            </button>
        </Show>
    }
}
