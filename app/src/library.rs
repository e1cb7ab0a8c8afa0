//! The knowledge library: `/{lang}/library` searches the networks' resources in the
//! reader's language (accents and case ignored: the domain's `match_expression` decides
//! what is a word to look for, here as in the Worker), `/{lang}/library/{id}` shows one, in
//! the reader's language or else the one it was written in. A community member's page
//! lists its network's members-only resources with the same cards, and shows one with the
//! same view, read through their link (`community`), as does a registration's manage link
//! for its edition's resources (`manage`). A reader can keep any of them on their device, to
//! read with no network.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::tachys::view::any_view::AnyView;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};
use relais_domain::library::file::size_label;
use relais_domain::library::search::{match_expression, MAX_QUERY};
use relais_domain::library::{Found, Kind, ResourceDetail, SearchAnswer};

use crate::api::{self, ApiError};
use crate::i18n::{use_i18n, I18n};
use crate::layout::{BackToCatalog, Fetched};

fn kind_name(i18n: I18n, kind: Kind) -> String {
    i18n.t(&format!("library-kind-{}", kind.as_str()))
}

#[component]
pub fn LibraryPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let asked = Memo::new(move |_| {
        query
            .read()
            .get("q")
            .map(|q| q.trim().to_owned())
            .unwrap_or_default()
    });
    // Words the Worker would refuse are refused here, by the same rule, before asking.
    let refused = Memo::new(move |_| {
        let q = asked.get();
        !q.is_empty() && (q.chars().count() > MAX_QUERY || match_expression(&q).is_none())
    });
    let offering = Memo::new(move |_| query.read().get("offering").unwrap_or_default());
    let url = Signal::derive(move || {
        let q = asked.get();
        let mut url = format!("/api/library?lang={}", i18n.code());
        if !q.is_empty() && !refused.get() {
            url.push_str(&format!("&q={}", api::encode(&q)));
        }
        let offering = offering.get();
        if !offering.is_empty() {
            url.push_str(&format!("&offering={}", api::encode(&offering)));
        }
        url
    });
    let navigate = use_navigate();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let q = document()
            .get_element_by_id("library-q")
            .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(e).ok())
            .map(|input| input.value())
            .unwrap_or_default();
        let q = q.trim();
        let path = format!("/{}/library", i18n.code());
        let href = if q.is_empty() {
            path
        } else {
            format!("{path}?q={}", api::encode(q))
        };
        navigate(&href, Default::default());
    };
    let show = move |answer| -> Result<AnyView, ApiError> {
        let answer: SearchAnswer = api::typed(answer)?;
        Ok(view! { <Results answer/> }.into_any())
    };
    let described = move || {
        if refused.get() {
            "library-q-hint library-q-error"
        } else {
            "library-q-hint"
        }
    };
    view! {
        <BackToCatalog/>
        <article class="library" aria-labelledby="library-title">
            <h1 id="library-title">{i18n.text("library-title")}</h1>
            <p class="lead">{i18n.text("library-intro")}</p>
            <form role="search" class="library-search" on:submit=submit>
                <div class="field" class:invalid=refused>
                    <label for="library-q">{i18n.text("library-search")}</label>
                    <p class="hint" id="library-q-hint">{i18n.text("library-search-hint")}</p>
                    <input id="library-q" name="q" type="search" maxlength=MAX_QUERY.to_string()
                        prop:value=asked aria-describedby=described
                        aria-invalid=move || refused.get().to_string()/>
                    <p class="field-error" id="library-q-error" hidden=move || !refused.get()>
                        {i18n.text("library-search-empty")}
                    </p>
                </div>
                <button type="submit">{i18n.text("library-search-submit")}</button>
            </form>
            <Fetched url show=Arc::new(show)/>
            <KeptHere/>
        </article>
    }
}

/// The page of a kept resource's API address (`…/api/library/{id}?lang=fr`, a member's or a
/// participant's), in the language it was kept in; `None` for anything else.
fn page_of_kept(api: &str) -> Option<String> {
    let (path, query) = api.split_once("/api/")?.1.split_once('?')?;
    let lang = query
        .split('&')
        .find_map(|pair| pair.strip_prefix("lang="))?;
    let parts: Vec<&str> = path.split('/').collect();
    match parts.as_slice() {
        ["library", id] => Some(format!("/{lang}/library/{id}")),
        ["members", token, "library", id] => Some(format!("/{lang}/member/{token}/library/{id}")),
        ["registrations", token, "library", id] => {
            Some(format!("/{lang}/manage/{token}/library/{id}"))
        }
        _ => None,
    }
}

/// The resources kept on this device by hand, each with its page, as it was kept.
async fn kept_resources() -> Result<Vec<(Found, String)>, wasm_bindgen::JsValue> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let cache = cache().await?;
    let requests: js_sys::Array = JsFuture::from(cache.keys()).await?.unchecked_into();
    let mut kept = vec![];
    for request in requests.iter() {
        let url = request.unchecked_into::<web_sys::Request>().url();
        let Some(page) = page_of_kept(&url) else {
            continue;
        };
        let response: web_sys::Response = JsFuture::from(cache.match_with_str(&url))
            .await?
            .unchecked_into();
        let json = JsFuture::from(response.json()?).await?;
        let Ok(detail) = serde_wasm_bindgen::from_value::<ResourceDetail>(json) else {
            continue;
        };
        let found = Found {
            id: detail.id,
            kind: detail.kind,
            lang: detail.text.lang,
            title: detail.text.title,
            summary: detail.text.summary,
        };
        kept.push((found, page));
    }
    Ok(kept)
}

/// « Sur cet appareil »: what the reader kept to read with no network, found even offline.
#[component]
fn KeptHere() -> impl IntoView {
    let i18n = use_i18n();
    let kept = RwSignal::new(Vec::<(Found, String)>::new());
    leptos::task::spawn_local(async move {
        if let Ok(found) = kept_resources().await {
            kept.set(found);
        }
    });
    view! {
        <Show when=move || kept.with(|k| !k.is_empty())>
            <section class="library-results" aria-labelledby="library-kept-title">
                <h2 id="library-kept-title">{i18n.text("library-kept-here")}</h2>
                <ul class="cards" role="list">
                    {move || kept.get().into_iter().enumerate().map(|(i, (found, href))| {
                        // A resource may be kept twice (in two languages, or through a link).
                        let heading_id = format!("kept-{i}");
                        view! { <ResourceCard found href heading_id/> }
                    }).collect_view()}
                </ul>
            </section>
        </Show>
    }
}

/// What was found (or the newest), as cards; the count is announced to screen readers.
#[component]
fn Results(answer: SearchAnswer) -> impl IntoView {
    let i18n = use_i18n();
    let heading = if let Some(offering) = &answer.offering {
        i18n.with(|m| {
            m.format(
                "library-of-offering",
                &[("title", offering.title.text.clone().into())],
            )
        })
    } else if answer.q.is_empty() {
        if answer.items.is_empty() {
            i18n.t("library-none")
        } else {
            i18n.t("library-newest")
        }
    } else {
        i18n.with(|m| {
            m.format(
                "library-found",
                &[
                    ("count", answer.items.len().into()),
                    ("q", answer.q.clone().into()),
                ],
            )
        })
    };
    let cards = answer
        .items
        .into_iter()
        .map(|found| {
            let href = format!("/{}/library/{}", i18n.code(), found.id);
            view! { <ResourceCard found href/> }
        })
        .collect_view();
    view! {
        <section class="library-results" aria-labelledby="library-results">
            <h2 id="library-results" role="status">{heading}</h2>
            <ul class="cards" role="list">{cards}</ul>
        </section>
    }
}

/// A resource as a card: its kind, its title linking to `href`, its summary.
#[component]
pub fn ResourceCard(
    found: Found,
    href: String,
    /// The heading's id, when the page lists the resource twice.
    #[prop(optional)]
    heading_id: Option<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let heading_id = heading_id.unwrap_or_else(|| format!("resource-{}", found.id));
    let labelled_by = heading_id.clone();
    view! {
        <li class="card">
            <article aria-labelledby=labelled_by>
                <p class="kind">{kind_name(i18n, found.kind)}</p>
                <h3 id=heading_id lang=found.lang.clone()>
                    <a href=href>{found.title}</a>
                </h3>
                <p class="summary" lang=found.lang>{found.summary}</p>
            </article>
        </li>
    }
}

#[component]
pub fn ResourcePage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    let url = Signal::derive(move || {
        format!(
            "/api/library/{}?lang={}",
            api::encode(&id.get()),
            i18n.code()
        )
    });
    let back = Signal::derive(move || format!("/{}/library", i18n.code()));
    view! { <Resource url back back_label="library-back"/> }
}

/// A resource read through a private link (a member's, a registration's):
/// `/{lang}/{page}/{token}/library/{id}`, answered by `api_url(lang, token, "/library/{id}")`,
/// under a link back to the link's own page.
#[component]
pub fn ThroughLink(
    page: &'static str,
    api_url: fn(relais_domain::Lang, &str, &str) -> String,
    back_label: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let token = Memo::new(move |_| params.read().get("token").unwrap_or_default());
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    let url = Signal::derive(move || {
        let rest = format!("/library/{}", api::encode(&id.get()));
        api_url(i18n.lang.get(), &token.get(), &rest)
    });
    let back = Signal::derive(move || format!("/{}/{page}/{}", i18n.code(), token.get()));
    view! { <Resource url back back_label/> }
}

/// The resource the API answers at `url` (`ResourceDetail`), under a link back to `back`
/// saying `back_label`: the library's, or a member's through their link.
#[component]
pub fn Resource(
    url: Signal<String>,
    back: Signal<String>,
    back_label: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let show = move |answer| -> Result<AnyView, ApiError> {
        let resource: ResourceDetail = api::typed(answer)?;
        let kept_url = url.get_untracked();
        Ok(view! { <ResourceView resource kept_url/> }.into_any())
    };
    view! {
        <p class="back">
            <a href=back>"← " {i18n.text(back_label)}</a>
        </p>
        <Fetched url show=Arc::new(show)/>
    }
}

/// The cache a reader keeps resources in by hand. The service worker answers from it when the
/// network does not (`app/offline/sw.js`, `KEPT_BY_HAND`) and never evicts it; a new API
/// version, whose answers have another shape, drops it.
fn kept_cache() -> String {
    format!("relais-kept-api{}", relais_domain::API_VERSION)
}

/// Where a resource stands on this device.
#[derive(Clone, Copy, PartialEq)]
enum Kept {
    /// Not known yet, or the browser has no Cache API: nothing is offered.
    Unknown,
    No,
    Yes,
    /// Keeping it failed (the device's storage is full, or the network is gone).
    Failed,
}

async fn cache() -> Result<web_sys::Cache, wasm_bindgen::JsValue> {
    let caches = web_sys::window()
        .ok_or(wasm_bindgen::JsValue::NULL)?
        .caches()?;
    let opened = wasm_bindgen_futures::JsFuture::from(caches.open(&kept_cache())).await?;
    Ok(wasm_bindgen::JsCast::unchecked_into(opened))
}

async fn is_kept(url: &str) -> Result<bool, wasm_bindgen::JsValue> {
    let found = wasm_bindgen_futures::JsFuture::from(cache().await?.match_with_str(url)).await?;
    Ok(!found.is_undefined())
}

/// Keeps (or lets go of) the resource's answer at `url` and its file at `file`, together.
async fn keep(url: &str, file: Option<&str>, kept: bool) -> Result<(), wasm_bindgen::JsValue> {
    let cache = cache().await?;
    for url in std::iter::once(url).chain(file) {
        let done = if kept {
            cache.add_with_str(url)
        } else {
            cache.delete_with_str(url)
        };
        wasm_bindgen_futures::JsFuture::from(done).await?;
    }
    Ok(())
}

/// A resource's file's address beside its own (`…/library/{id}?lang=fr` → `…/library/{id}/file`).
fn file_url(resource_url: &str) -> String {
    let path = resource_url.split('?').next().unwrap_or(resource_url);
    format!("{path}/file")
}

/// « Garder sur cet appareil »: a toggle that keeps the resource's answer (and its file) for
/// reading with no network, and a line that says where it stands.
#[component]
fn KeepOnDevice(url: String, file: Option<String>) -> impl IntoView {
    let i18n = use_i18n();
    let state = RwSignal::new(Kept::Unknown);
    let told = RwSignal::new(None::<&'static str>);
    let url = StoredValue::new(url);
    let file = StoredValue::new(file);
    leptos::task::spawn_local(async move {
        if let Ok(kept) = is_kept(&url.get_value()).await {
            state.set(if kept { Kept::Yes } else { Kept::No });
        }
    });
    let toggle = move |_| {
        let wanted = state.get_untracked() != Kept::Yes;
        leptos::task::spawn_local(async move {
            match keep(&url.get_value(), file.get_value().as_deref(), wanted).await {
                Ok(()) if wanted => {
                    state.set(Kept::Yes);
                    told.set(Some("library-kept"));
                }
                Ok(()) => {
                    state.set(Kept::No);
                    told.set(Some("library-unkept"));
                }
                Err(_) => {
                    state.set(Kept::Failed);
                    told.set(Some("library-keep-failed"));
                }
            }
        });
    };
    // What the line says: the last change, else that it is kept.
    let said = move || {
        told.get()
            .or((state.get() == Kept::Yes).then_some("library-kept"))
    };
    view! {
        <Show when=move || state.get() != Kept::Unknown>
            <div class="keep">
                <button type="button" class="button" aria-pressed=move || (state.get() == Kept::Yes).to_string()
                    on:click=toggle>{i18n.t("library-keep")}</button>
                <p class="hint" role="status" hidden=move || said().is_none()>
                    {move || said().map(|id| i18n.t(id))}
                </p>
            </div>
        </Show>
    }
}

#[component]
fn ResourceView(resource: ResourceDetail, kept_url: String) -> impl IntoView {
    let i18n = use_i18n();
    let t = move |id: &str| i18n.t(id);
    let text = resource.text;
    let elsewhere = (text.lang != i18n.code()).then(|| {
        let language = i18n.language_name(&text.lang);
        i18n.with(|m| m.format("library-only-in", &[("language", language.into())]))
    });
    let languages = resource
        .languages
        .iter()
        .map(|l| i18n.language_name(l))
        .collect::<Vec<_>>()
        .join(", ");
    let topics = resource
        .topics
        .iter()
        .map(|topic| t(&format!("topic-{topic}")))
        .collect::<Vec<_>>()
        .join(", ");
    let network_href = format!("/{}/networks/{}", i18n.code(), resource.network_id);
    let body = text
        .body
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| view! { <p>{p.to_owned()}</p> })
        .collect_view();
    let fact = |label: &str, value: Option<String>| {
        value.map(|v| view! { <dt>{t(label)}</dt> <dd>{v}</dd> })
    };
    let offerings = (!resource.offerings.is_empty()).then(|| {
        let links = resource
            .offerings
            .into_iter()
            .map(|o| {
                let href = format!("/{}/offerings/{}", i18n.code(), o.id);
                view! { <li><a href=href lang=o.title.lang>{o.title.text}</a></li> }
            })
            .collect_view();
        view! {
            <dt>{t("library-with")}</dt>
            <dd><ul role="list">{links}</ul></dd>
        }
    });
    let kept_file = resource.file.as_ref().map(|_| file_url(&kept_url));
    let download = resource.file.map(|file| {
        let label = i18n.with(|m| {
            m.format(
                "library-download",
                &[
                    ("type", file.label().to_owned().into()),
                    (
                        "size",
                        size_label(file.size, i18n.lang.get_untracked()).into(),
                    ),
                ],
            )
        });
        view! {
            <p lang=i18n.code()>
                <a class="button primary" href=file_url(&kept_url) download=file.name>{label}</a>
            </p>
        }
    });
    view! {
        <article class="resource" aria-labelledby="resource-title" lang=text.lang.clone()>
            <p class="kind">{kind_name(i18n, resource.kind)}</p>
            <h1 id="resource-title">{text.title}</h1>
            {elsewhere.map(|note| view! { <p class="untranslated" lang=i18n.code()>{note}</p> })}
            <p class="summary lead">{text.summary}</p>
            <div class="prose">{body}</div>
            {resource.url.map(|url| view! {
                <p><a class="button primary" href=url rel="noopener" lang=i18n.code()>{t("library-open")}</a></p>
            })}
            {download}
            <KeepOnDevice url=kept_url file=kept_file/>
            <dl class="facts" lang=i18n.code()>
                <dt>{t("library-by")}</dt>
                <dd><a href=network_href>{resource.network_name}</a></dd>
                <dt>{t("library-languages")}</dt>
                <dd>{languages}</dd>
                {fact("library-original", Some(i18n.language_name(&resource.original)))}
                {fact("library-translator", text.translator)}
                {fact("library-source", resource.source)}
                {fact("library-licence", resource.licence)}
                {fact("library-topics", (!topics.is_empty()).then_some(topics))}
                {offerings}
            </dl>
        </article>
    }
}
