//! The privacy notice the registration form links to: what is collected, why, who sees it,
//! for how long, and the registrant's rights (Québec's Law 25, in the GDPR's spirit).

use leptos::prelude::*;

use crate::i18n::use_i18n;

/// Each part's message ids: `privacy-<part>-title` and `privacy-<part>`.
const PARTS: &[&str] = &["what", "why", "who", "rights", "keep", "contact"];

#[component]
pub fn PrivacyPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <article class="privacy" aria-labelledby="privacy-title">
            <h1 id="privacy-title">{i18n.text("privacy-title")}</h1>
            <p class="lead">{i18n.text("privacy-intro")}</p>
            {PARTS
                .iter()
                .map(|part| {
                    let title = format!("privacy-{part}-title");
                    let body = format!("privacy-{part}");
                    view! {
                        <h2>{move || i18n.t(&title)}</h2>
                        <p>{move || i18n.t(&body)}</p>
                    }
                })
                .collect_view()}
        </article>
    }
}
