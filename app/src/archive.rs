//! The archive: every edition that has ended, most recent first, on the reader's clock.
//! Its pages are addresses (`?cursor=`), so any of them can be shared.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::tachys::view::any_view::AnyView;
use leptos_router::hooks::use_query_map;
use relais_domain::catalog::{ArchivePage, ArchivedEdition};

use crate::api::{self, ApiError};
use crate::edition::EditionView;
use crate::i18n::use_i18n;
use crate::layout::{BackToCatalog, Fetched, Localized};
use crate::time::use_reader_zone;

#[component]
pub fn ArchivePage() -> impl IntoView {
    let i18n = use_i18n();
    let reader = use_reader_zone();
    let query = use_query_map();
    let cursor = Memo::new(move |_| query.read().get("cursor"));
    let url = Signal::derive(move || {
        api::archive_url(i18n.lang.get(), cursor.get().as_deref(), &reader.zone.get())
    });
    let base = move || format!("/{}/archive", i18n.code());
    let show = move |answer| -> Result<AnyView, ApiError> {
        let page: ArchivePage = api::typed(answer)?;
        if page.items.is_empty() {
            return Ok(view! { <p class="empty">{i18n.t("archive-empty")}</p> }.into_any());
        }
        let newer = cursor.get().map(|_| base());
        let older = page.next_cursor.map(|c| format!("{}?cursor={c}", base()));
        Ok(view! {
            <ol class="archived" role="list">
                {page.items.into_iter().map(|item| view! { <Archived item/> }).collect_view()}
            </ol>
            <nav class="pages" aria-label=i18n.t("archive-title")>
                {newer.map(|href| view! { <a href=href>"← " {i18n.t("archive-newer")}</a> })}
                {older.map(|href| view! { <a href=href>{i18n.t("archive-older")} " →"</a> })}
            </nav>
        }
        .into_any())
    };
    view! {
        <BackToCatalog/>
        <section class="archive" aria-labelledby="archive-title">
            <h1 id="archive-title">{i18n.text("archive-title")}</h1>
            <p class="intro">{i18n.text("archive-intro")}</p>
            <Fetched url show=Arc::new(show)/>
        </section>
    }
}

#[component]
fn Archived(item: ArchivedEdition) -> impl IntoView {
    let i18n = use_i18n();
    let href = format!("/{}/offerings/{}", i18n.code(), item.offering_id);
    let kind = i18n.t(&format!("kind-{}", item.offering_kind.as_str()));
    view! {
        <li>
            <p class="kind">{kind}</p>
            <h2>
                <a href=href>
                    <Localized text=item.offering_title/>
                </a>
            </h2>
            <EditionView edition=item.edition past=true/>
        </li>
    }
}
