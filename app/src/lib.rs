//! The volunteers' app: routes, and the pieces every page shares.
//!
//! Pages live in one module each (`catalog`, `offering`, `profile`, `archive`); all network access goes through
//! `api`, so a local cache can later answer in its place.

mod api;
mod archive;
mod catalog;
mod i18n;
mod layout;
mod offering;
mod profile;
mod shell;
mod time;

use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::path;

use crate::api::ProfileKind;
use crate::layout::{Layout, NotFound, PickLanguage};
use crate::profile::ProfilePage;

/// Starts the app beside `index.html`'s shell, which it replaces when its page is ready.
pub fn start() {
    shell::hold();
    leptos::mount::mount_to_body(App);
}

#[component]
pub fn App() -> impl IntoView {
    time::ReaderZone::provide();
    view! {
        <Router>
            <Routes fallback=|| view! { <NotFound/> }>
                <Route path=path!("/") view=PickLanguage/>
                <ParentRoute path=path!("/:lang") view=Layout>
                    <Route path=path!("") view=catalog::CatalogPage/>
                    <Route path=path!("offerings/:id") view=offering::OfferingPage/>
                    <Route
                        path=path!("people/:id")
                        view=|| view! { <ProfilePage kind=ProfileKind::Facilitator/> }
                    />
                    <Route
                        path=path!("partners/:id")
                        view=|| view! { <ProfilePage kind=ProfileKind::Partner/> }
                    />
                    <Route path=path!("archive") view=archive::ArchivePage/>
                </ParentRoute>
            </Routes>
        </Router>
    }
}
