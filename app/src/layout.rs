//! What every page shares: the language from the URL, the header with the language switch,
//! loading and error states, and the pages for a bare `/` and for unknown addresses.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::{Outlet, Redirect};
use leptos_router::hooks::{use_location, use_params_map};
use relais_domain::{Lang, Text};
use wasm_bindgen::{JsCast, JsValue};

use crate::api::{self, ApiError};
use crate::i18n::{self, use_i18n, I18n};
use crate::shell;

/// `/`: send the reader to their language.
#[component]
pub fn PickLanguage() -> impl IntoView {
    let lang = i18n::preferred();
    view! { <Redirect path=format!("/{lang}")/> }
}

#[component]
pub fn Layout() -> impl IntoView {
    let params = use_params_map();
    let from_url = Memo::new(move |_| params.read().get("lang").and_then(|c| Lang::parse(&c)));
    let lang = Memo::new(move |_| from_url.get().unwrap_or_else(Lang::default_lang));
    let i18n = I18n::new(lang);
    provide_context(i18n);

    // Screen readers pick their voice from <html lang>; keep it on the language shown.
    Effect::new(move |_| {
        let code = lang.get().code();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", code);
        }
        document().set_title(&i18n.t("app-name"));
    });

    view! {
        <a class="skip" href="#main" on:click=skip_to_main>{i18n.text("skip-to-content")}</a>
        <header class="masthead">
            <a class="brand" href=move || format!("/{}", i18n.code())>
                <span class="brand-mark" aria-hidden="true">"◆"</span>
                {i18n.text("app-name")}
            </a>
            <LanguageSwitch/>
        </header>
        <main id="main" tabindex="-1">
            <Show when=move || from_url.get().is_some() fallback=|| view! { <NotFoundBody/> }>
                <Outlet/>
            </Show>
        </main>
    }
}

/// The router would treat `#main` as a navigation; move focus there ourselves, as the link
/// promises to keyboard and screen-reader users.
fn skip_to_main(ev: leptos::ev::MouseEvent) {
    ev.prevent_default();
    if let Some(main) = document()
        .get_element_by_id("main")
        .and_then(|m| m.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = main.focus();
    }
}

/// Links to the same page in every other language, each named in its own language.
#[component]
fn LanguageSwitch() -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    let href_for = move |lang: Lang| {
        let path = location.pathname.get();
        let rest = path
            .trim_start_matches('/')
            .split_once('/')
            .map(|(_, r)| format!("/{r}"))
            .unwrap_or_default();
        let search = location.search.get();
        format!("/{}{rest}{}", lang.code(), search.trim_end_matches('?'))
    };
    view! {
        <nav class="languages" aria-label=i18n.text("switch-language")>
            <ul>
                {Lang::all()
                    .map(|lang| {
                        let name = i18n.with_lang(lang, |m| m.get("language-name"));
                        view! {
                            <li>
                                <a
                                    href=move || href_for(lang)
                                    hreflang=lang.code()
                                    lang=lang.code()
                                    aria-current=move || (i18n.lang.get() == lang).then_some("true")
                                    on:click=move |_| i18n::remember(lang)
                                >
                                    {name}
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}

/// A text that may be a fallback: it carries its real language, and says when it is not
/// yet translated into the reader's.
#[component]
pub fn Localized(text: Text, #[prop(optional)] class: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    let written_in = text.lang.clone();
    let missing = move || written_in != i18n.code();
    let lang = text.lang.clone();
    view! {
        <span class=class lang=lang>
            {text.text.clone()}
        </span>
        <Show when=missing>
            <span class="untranslated">" " {i18n.text("not-translated")}</span>
        </Show>
    }
}

/// A long text in paragraphs (blank lines between them), marked like `Localized` when it
/// is not in the reader's language.
#[component]
pub fn Prose(text: Text) -> impl IntoView {
    let i18n = use_i18n();
    let written_in = text.lang.clone();
    let missing = move || written_in != i18n.code();
    let paragraphs = text
        .text
        .split("\n\n")
        .map(|p| p.trim().to_owned())
        .filter(|p| !p.is_empty())
        .map(|p| view! { <p>{p}</p> })
        .collect_view();
    view! {
        <Show when=missing>
            <p class="untranslated">{i18n.text("not-translated")}</p>
        </Show>
        <div class="prose" lang=text.lang.clone()>
            {paragraphs}
        </div>
    }
}

/// What a page makes of its answer: the answer read as the page's type, shown.
pub type ShowAnswer = Arc<dyn Fn(JsValue) -> Result<AnyView, ApiError> + Send + Sync>;

/// A page's data from the API at `url` (fetched again when it changes): the loading, error
/// and not-found states every page shares, and `show` for the answer. One component and
/// one resource type for every page, each page's type read inside `show`: a resource type
/// per page would cost a phone kilobytes of wasm each.
#[component]
pub fn Fetched(#[prop(into)] url: Signal<String>, show: ShowAnswer) -> impl IntoView {
    let i18n = use_i18n();
    // Each answer keeps the address it answers, so a page whose address changed (a new
    // filter, another zone) shows the previous answer as busy until the new one arrives.
    let answer = LocalResource::new(move || {
        let url = url.get();
        async move { (url.clone(), api::fetch(url).await) }
    });
    let retry = Callback::new(move |_| answer.refetch());
    let busy = move || answer.with(|a| a.as_ref().is_some_and(|(of, _)| *of != url.get()));
    // The shell may show this very page, written by the Worker: swap once ours has its data.
    Effect::new(move |_| {
        if answer.with(Option::is_some) {
            shell::replace();
        }
    });
    let shown = move || match answer.get() {
        None => view! { <Loading/> }.into_any(),
        Some((_, Err(error))) if error.is_not_found() => view! {
            <section class="not-found">
                <h1>{i18n.t("not-found-title")}</h1>
                <p>{i18n.t("not-found-body")}</p>
            </section>
        }
        .into_any(),
        Some((_, answer)) => match answer.and_then(|value| show(value)) {
            Ok(view) => view,
            Err(error) => view! { <LoadError error retry/> }.into_any(),
        },
    };
    view! {
        <div class="fetched" aria-busy=move || busy().to_string()>
            {move || busy().then(|| view! { <Loading/> })}
            {shown}
        </div>
    }
}

/// "← Back to the catalog", above every page but the catalog.
#[component]
pub fn BackToCatalog() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="back">
            <a href=move || format!("/{}", i18n.code())>"← " {i18n.text("offering-back")}</a>
        </p>
    }
}

/// A link that looks like a button, to another build's page (an ordinary link: the router
/// lets it load in full). One function for every such link: each view's shape costs the
/// browsing build's wasm.
pub fn button_link(class: &'static str, href: String, label: String) -> impl IntoView {
    view! {
        <p class=class>
            <a class="button" href=href rel="external">{label}</a>
        </p>
    }
}

#[component]
pub fn Loading() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="loading" role="status" aria-live="polite">
            <span class="spinner" aria-hidden="true"></span>
            {i18n.text("loading")}
        </p>
    }
}

#[component]
pub fn LoadError(error: ApiError, retry: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let message = match &error {
        ApiError::Offline => i18n.t("error-offline"),
        ApiError::Refused(p) => p.title.clone(),
        ApiError::Unexpected(detail) => {
            leptos::logging::warn!("unexpected API answer: {detail}");
            i18n.t("error-load")
        }
    };
    view! {
        <div class="error" role="alert">
            <p>{i18n.t("error-load")}</p>
            <p class="detail">{message}</p>
            <button type="button" on:click=move |_| retry.run(())>{i18n.text("retry")}</button>
        </div>
    }
}

/// An address this build has no page for. In the forms and dashboard builds, another
/// build's pages (`relais_domain::pages`) are loaded again from the Worker, which sends
/// that build; otherwise it does not exist.
#[component]
pub fn NotFound() -> impl IntoView {
    let lang = Memo::new(|_| i18n::preferred());
    provide_context(I18n::new(lang));
    #[cfg(any(feature = "forms", feature = "dashboard"))]
    {
        let location = use_location();
        if hand_over(
            &location.pathname.get_untracked(),
            &location.search.get_untracked(),
        ) {
            return view! { <Loading/> }.into_any();
        }
    }
    view! {
        <main id="main">
            <NotFoundBody/>
        </main>
    }
    .into_any()
}

/// The address this build last handed over to another build, and when: if it comes back
/// at once, the other build did not serve it either (a partial deployment), and it is "not
/// found" rather than handed over again, for ever.
#[cfg(any(feature = "forms", feature = "dashboard"))]
const HANDED_OVER: &str = "relais.handed-over";

/// Whether `path` is this build's own: the router has no page for it, so it does not exist.
#[cfg(feature = "forms")]
fn is_own_page(path: &str) -> bool {
    relais_domain::pages::is_form_page(path)
}

#[cfg(feature = "dashboard")]
fn is_own_page(path: &str) -> bool {
    relais_domain::pages::is_dashboard_page(path)
}

/// Loads `path` (with `search`) from the Worker when another build serves it: the router
/// has no page for it here. False when this build should say it does not exist. The
/// browsing build links to the other builds' pages as ordinary links (`rel="external"`)
/// and needs none of this.
#[cfg(any(feature = "forms", feature = "dashboard"))]
fn hand_over(path: &str, search: &str) -> bool {
    let storage = window().session_storage().ok().flatten();
    let now = js_sys::Date::now();
    let again = storage
        .as_ref()
        .and_then(|s| s.get_item(HANDED_OVER).ok().flatten())
        .and_then(|last| {
            let (last_path, at) = last.split_once('\n')?;
            Some(last_path == path && now - at.parse::<f64>().ok()? < 10_000.0)
        })
        .unwrap_or(false);
    if is_own_page(path) || again {
        return false;
    }
    if let Some(s) = &storage {
        let _ = s.set_item(HANDED_OVER, &format!("{path}\n{now}"));
    }
    let search = search.trim_start_matches('?');
    let href = match search {
        "" => path.to_owned(),
        query => format!("{path}?{query}"),
    };
    let path = path.to_owned();
    // After the router has written the address into the history (it may not have yet):
    // then loading it again keeps the history as a link would.
    set_timeout(
        move || {
            let location = window().location();
            if location.pathname().is_ok_and(|p| p == path) {
                let _ = location.reload();
            } else {
                let _ = location.assign(&href);
            }
        },
        std::time::Duration::ZERO,
    );
    true
}

#[component]
fn NotFoundBody() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="not-found">
            <h1>{i18n.text("not-found-title")}</h1>
            <p>{i18n.text("not-found-body")}</p>
            <p>
                <a href=move || format!("/{}", i18n.code())>{i18n.text("offering-back")}</a>
            </p>
        </section>
    }
}
