//! Who runs the offerings: a facilitator's, a partner's or a network's page, with what they
//! run as catalog cards on the reader's clock. One view for the three: the browsing build's
//! wasm stays the same size whatever the kind.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::tachys::view::any_view::AnyView;
use leptos_router::hooks::use_params_map;
use relais_domain::catalog::Profile;

use crate::api::{self, ApiError, ProfileKind};
use crate::catalog::OfferingCard;
use crate::i18n::use_i18n;
use crate::layout::{BackToCatalog, Fetched, Prose};
use crate::time::use_reader_zone;

#[component]
pub fn ProfilePage(kind: ProfileKind) -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    let reader = use_reader_zone();
    let url = Signal::derive(move || {
        api::profile_url(kind, i18n.lang.get(), &id.get(), &reader.zone.get())
    });
    let show = move |answer| -> Result<AnyView, ApiError> {
        let profile: Profile = api::typed(answer)?;
        Ok(view! { <ProfileView kind profile/> }.into_any())
    };
    view! {
        <BackToCatalog/>
        <Fetched url show=Arc::new(show)/>
    }
}

#[component]
fn ProfileView(kind: ProfileKind, profile: Profile) -> impl IntoView {
    let i18n = use_i18n();
    let t = move |id: &str| i18n.t(id);
    let role = match kind {
        ProfileKind::Facilitator => t("profile-person"),
        ProfileKind::Partner => t("profile-partner"),
        ProfileKind::Network => t("profile-network"),
    };
    view! {
        <article class="profile" aria-labelledby="profile-title">
            <p class="kind">{role}</p>
            <h1 id="profile-title">{profile.name}</h1>
            {profile.about.map(|about| view! { <Prose text=about/> })}
            {profile
                .url
                .map(|url| {
                    view! {
                        <p class="site">
                            <a href=url rel="external noopener">{t("profile-site")}</a>
                        </p>
                    }
                })}
            <section aria-labelledby="profile-offerings">
                <h2 id="profile-offerings">{t("profile-offerings")}</h2>
                {if profile.offerings.is_empty() {
                    view! { <p class="empty">{t("profile-none")}</p> }.into_any()
                } else {
                    view! {
                        <ul class="cards" role="list">
                            {profile
                                .offerings
                                .into_iter()
                                .map(|offering| view! { <OfferingCard offering/> })
                                .collect_view()}
                        </ul>
                    }
                        .into_any()
                }}
            </section>
        </article>
    }
}
