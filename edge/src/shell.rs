//! The app's page (`index.html`) with the catalog's first page already in it, for `/{lang}`;
//! the forms and dashboard builds' pages at their addresses.
//!
//! A volunteer on a slow phone would otherwise stare at a loading line until the app's wasm
//! has downloaded (two seconds and more at 1.6 Mbit/s). The Worker already has the catalog
//! in memory, so it writes the first page as plain HTML into the shell that `index.html`
//! shows while the app loads; the links work as ordinary links. The app replaces it with its
//! own page, in the same markup, once it has the same data (`app/src/shell.rs`). Times are
//! on the organiser's clock here: only the browser knows the reader's.

use relais_domain::catalog::{CatalogPage, Edition, OfferingSummary};
use relais_domain::html::escape;
use relais_domain::i18n::Messages;
use relais_domain::pages::Build;
use relais_domain::schedule::format_span;
use relais_domain::{Lang, Text};
use worker::{Env, Headers, Request, Response};

use crate::catalog;
use crate::http::{self, ApiError};

/// Where `index.html` receives the page (an empty element inside its shell).
const SLOT: &str = r#"<div id="shell-page"></div>"#;
/// Where `index.html` receives the page's data, for the app to start from.
const DATA_SLOT: &str = r#"<script type="application/json" id="catalog-data"></script>"#;
/// The shell's loading line.
const STATUS: &str = r#"<span id="shell-text">"#;

/// The language of a catalog address (`/fr`, `/en/`), if `path` is one.
pub fn catalog_lang(path: &str) -> Option<Lang> {
    let code = path.strip_prefix('/')?.trim_end_matches('/');
    Lang::all().find(|l| l.code() == code)
}

/// Anything else the app's static files answer, with the single-page-app fallback.
pub async fn asset(req: Request, env: &Env) -> worker::Result<Response> {
    // The forms and dashboard builds' own pages are only ever served at their pages'
    // addresses: opened directly, they would hand their own address back to themselves.
    let path = req.path();
    if [Build::Forms, Build::Dashboard]
        .into_iter()
        .filter_map(Build::dir)
        .any(|dir| path.starts_with(dir))
    {
        return Response::error("Not Found", 404);
    }
    env.assets("ASSETS")?.fetch_request(req).await
}

/// A page of the app's forms build (registering, a manage link, the privacy notice,
/// coordinating) or of its dashboard build (authoring the catalog), in `lang`
/// (`relais_domain::pages`), from the build's folder in the static files (`scripts/build`).
/// Their addresses can carry a manage token or a network's drafts: no referrer leaves them,
/// and search engines keep out.
pub async fn build_page(
    req: Request,
    env: &Env,
    build: Build,
    lang: Lang,
) -> Result<Response, ApiError> {
    let mut url = req.url()?;
    url.set_path(build.dir().unwrap_or("/"));
    url.set_query(None);
    let mut page = env.assets("ASSETS")?.fetch(url.to_string(), None).await?;
    if page.status_code() != 200 {
        return Ok(page);
    }
    let static_headers = page.headers().clone();
    let html = page.text().await?.replacen(
        r#"<html lang="fr">"#,
        &format!(r#"<html lang="{}">"#, lang.code()),
        1,
    );
    // The static file's headers carry its Content-Security-Policy (dist/_headers).
    let headers = page_headers(&static_headers)?;
    headers.set("Content-Type", "text/html; charset=utf-8")?;
    headers.set("Cache-Control", "no-cache")?;
    headers.set("Content-Language", lang.code())?;
    headers.set("Referrer-Policy", "no-referrer")?;
    headers.set("X-Robots-Tag", "noindex")?;
    Ok(Response::ok(html)?.with_headers(headers))
}

pub async fn catalog_page(req: Request, env: &Env, lang: Lang) -> Result<Response, ApiError> {
    let url = req.url()?;
    // A filtered view is the app's to show: the Worker writes only the plain first page.
    let filtered = url.query().is_some_and(|q| !q.is_empty());
    let mut index_url = url.clone();
    index_url.set_path("/");
    index_url.set_query(None);
    let mut index = env
        .assets("ASSETS")?
        .fetch(index_url.to_string(), None)
        .await?;
    if index.status_code() != 200 {
        return Ok(index);
    }
    let headers = index.headers().clone();
    let html = index.text().await?;
    // Without the catalog (D1 down, say) the page still works: the app shows its own error.
    let page = match catalog::first_page(env, lang).await {
        Ok(_) if filtered => None,
        Ok(page) => Some(page),
        Err(ApiError::Internal(detail)) => {
            worker::console_warn!("no catalog in the page shell: {detail}");
            None
        }
        Err(other) => return Err(other),
    };
    let messages = http::messages(lang)?;
    let body = page
        .map(|(json, page)| {
            fill(
                &html,
                lang,
                &messages.get("loading"),
                &render(&page, &messages),
                &json,
            )
        })
        .unwrap_or(html);
    let out = page_headers(&headers)?;
    out.set("Content-Type", "text/html; charset=utf-8")?;
    out.set("Cache-Control", "no-cache")?;
    out.set("Content-Language", lang.code())?;
    Ok(Response::ok(body)?.with_headers(out))
}

/// The headers of a static page for the page the Worker makes of it: its policies
/// (Content-Security-Policy with the hashes of its inline scripts, from dist/_headers), not
/// what described the file's bytes.
fn page_headers(static_headers: &Headers) -> worker::Result<Headers> {
    let out = Headers::new();
    for (name, value) in static_headers.entries() {
        if !matches!(name.as_str(), "content-length" | "etag" | "last-modified") {
            out.append(&name, &value)?;
        }
    }
    Ok(out)
}

/// `index.html` with `page` in its shell, its data (`json`) for the app, and its language:
/// `<html lang>` and the loading line.
fn fill(html: &str, lang: Lang, loading: &str, page: &str, json: &str) -> String {
    // In a <script> element nothing may look like a closing tag: `<` as JSON's `\u003c`.
    let data = json.replace('<', "\\u003c");
    let mut out = html
        .replacen(
            r#"<html lang="fr">"#,
            &format!(r#"<html lang="{}">"#, lang.code()),
            1,
        )
        .replacen(
            DATA_SLOT,
            &format!(r#"<script type="application/json" id="catalog-data">{data}</script>"#),
            1,
        )
        .replacen(SLOT, &format!(r#"<div id="shell-page">{page}</div>"#), 1);
    if let Some(start) = out.find(STATUS).map(|i| i + STATUS.len()) {
        if let Some(len) = out[start..].find("</span>") {
            out.replace_range(start..start + len, &escape(loading));
        }
    }
    out
}

/// The catalog's first page in the markup of the app's `CatalogPage` (app/src/catalog.rs),
/// so that nothing moves when the app takes over.
fn render(page: &CatalogPage, m: &Messages) -> String {
    let mut out = String::with_capacity(16 * 1024);
    out.push_str(r#"<main id="main" tabindex="-1"><section class="catalog" aria-labelledby="catalog-title">"#);
    push_tag(
        &mut out,
        r#"h1 id="catalog-title""#,
        "h1",
        &m.get("catalog-title"),
    );
    push_tag(&mut out, r#"p class="intro""#, "p", &m.get("catalog-intro"));
    // The app's zone picker and filters, closed, so that nothing moves when it takes over.
    out.push_str(r#"<div class="tools"><details class="zone"><summary>"#);
    out.push_str(&escape(&m.get("zone-organiser")));
    out.push_str(r#"</summary></details><details class="filters"><summary>"#);
    out.push_str(&escape(&m.get("filters-title")));
    out.push_str("</summary></details></div>");
    if page.items.is_empty() {
        push_tag(&mut out, r#"p class="empty""#, "p", &m.get("catalog-empty"));
    } else {
        out.push_str(r#"<ul class="cards" role="list">"#);
        for offering in &page.items {
            card(&mut out, offering, page.lang, m);
        }
        out.push_str("</ul>");
    }
    out.push_str("</section></main>");
    out
}

fn card(out: &mut String, offering: &OfferingSummary, lang: Lang, m: &Messages) {
    let id = escape(&offering.id);
    out.push_str(&format!(
        r#"<li class="card"><article aria-labelledby="offering-{id}">"#
    ));
    push_tag(
        out,
        r#"p class="kind""#,
        "p",
        &m.get(&format!("kind-{}", offering.kind.as_str())),
    );
    out.push_str(&format!(
        r#"<h2 id="offering-{id}"><a href="/{}/offerings/{id}">"#,
        lang.code()
    ));
    localized(out, &offering.title, lang, m);
    out.push_str(r#"</a></h2><p class="summary">"#);
    localized(out, &offering.summary, lang, m);
    out.push_str("</p>");
    next_edition(out, offering.next_edition.as_ref(), m);
    out.push_str(r#"<ul class="facts" role="list">"#);
    push_tag(
        out,
        "li",
        "li",
        &m.get(&format!("format-{}", offering.format.as_str())),
    );
    if let Some(network) = &offering.network {
        out.push_str(&format!(
            r#"<li><a href="/{}/networks/{}">{}</a></li>"#,
            lang.code(),
            escape(&network.id),
            escape(&network.name)
        ));
    }
    if let Some(partner) = &offering.partner {
        push_tag(out, "li", "li", &partner.name);
    }
    for fact in offering.next_edition.iter().flat_map(|e| &e.facts) {
        push_tag(out, "li", "li", fact);
    }
    if let Some(cost) = &offering.cost {
        out.push_str("<li>");
        localized(out, cost, lang, m);
        out.push_str("</li>");
    }
    out.push_str("</ul></article></li>");
}

fn next_edition(out: &mut String, edition: Option<&Edition>, m: &Messages) {
    let Some((edition, first)) = edition.and_then(|e| e.sessions.first().map(|s| (e, s))) else {
        push_tag(out, r#"p class="next none""#, "p", &m.get("no-upcoming"));
        return;
    };
    out.push_str(r#"<p class="next"><span class="label">"#);
    out.push_str(&escape(&m.get("next-session-label")));
    out.push_str(" </span>");
    let span = format_span(first.organiser_start(), first.organiser_end(), m);
    let organiser = m.format(
        "organiser-time",
        &[("zone", first.zone.clone().into()), ("span", span.into())],
    );
    push_tag(out, r#"span class="organiser-time""#, "span", &organiser);
    let count = edition.sessions.len();
    if count > 1 {
        let text = m.format("sessions-count", &[("count", count.into())]);
        push_tag(out, r#"span class="count""#, "span", &text);
    }
    out.push_str("</p>");
}

/// A text with its real language, marked when it is a fallback (as the app's `Localized`).
fn localized(out: &mut String, text: &Text, lang: Lang, m: &Messages) {
    out.push_str(&format!(
        r#"<span lang="{}">{}</span>"#,
        escape(&text.lang),
        escape(&text.text)
    ));
    if text.is_translation_missing(lang) {
        out.push_str(&format!(
            r#"<span class="untranslated"> {}</span>"#,
            escape(&m.get("not-translated"))
        ));
    }
}

fn push_tag(out: &mut String, open: &str, close: &str, text: &str) {
    out.push('<');
    out.push_str(open);
    out.push('>');
    out.push_str(&escape(text));
    out.push_str("</");
    out.push_str(close);
    out.push('>');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knows_catalog_addresses_by_language() {
        assert_eq!(catalog_lang("/fr"), Lang::parse("fr"));
        assert_eq!(catalog_lang("/en/"), Lang::parse("en"));
        assert_eq!(catalog_lang("/fr-ca"), None);
        assert_eq!(catalog_lang("/fr/offerings/x"), None);
        assert_eq!(catalog_lang("/"), None);
    }

    #[test]
    fn fills_the_slots_and_the_language() {
        let html = format!(
            r#"<html lang="fr"><head>{DATA_SLOT}</head><body><p>{STATUS}Chargement…</span></p>{SLOT}</body></html>"#
        );
        let en = Lang::parse("en").unwrap();
        assert_eq!(
            fill(&html, en, "Loading…", "<p>x</p>", r#"{"a":"</script>"}"#),
            r#"<html lang="en"><head><script type="application/json" id="catalog-data">{"a":"\u003c/script>"}</script></head><body><p><span id="shell-text">Loading…</span></p><div id="shell-page"><p>x</p></div></body></html>"#
        );
    }
}
