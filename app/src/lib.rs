//! The volunteers' app: routes, and the pieces every page shares.
//!
//! It is built twice (`relais_domain::pages`): the browsing build, which every first visit
//! loads, has the catalog, offering, profile (facilitator, partner, network) and archive
//! pages; the forms build (feature
//! `forms`) has the pages where people write: registering, the manage link, the privacy
//! notice and coordinating. The browsing build links to those as ordinary links; the
//! forms build hands the browsing build's addresses back to the Worker (`layout::NotFound`). Pages live in one module each; all network access goes through
//! `api`, so a local cache can later answer in its place.

mod api;
mod edition;
mod i18n;
mod layout;
mod shell;
mod time;

#[cfg(not(feature = "forms"))]
mod archive;
#[cfg(not(feature = "forms"))]
mod catalog;
#[cfg(not(feature = "forms"))]
mod offering;
#[cfg(not(feature = "forms"))]
mod profile;

#[cfg(feature = "forms")]
mod coordinator;
#[cfg(feature = "forms")]
mod form;
#[cfg(feature = "forms")]
mod links;
#[cfg(feature = "forms")]
mod manage;
#[cfg(feature = "forms")]
mod privacy;
#[cfg(feature = "forms")]
mod registration;

use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::path;

use crate::layout::{Layout, NotFound};

/// Starts the app beside `index.html`'s shell, which it replaces when its page is ready.
pub fn start() {
    shell::hold();
    leptos::mount::mount_to_body(App);
}

/// The browsing build's pages.
#[cfg(not(feature = "forms"))]
#[component]
pub fn App() -> impl IntoView {
    use crate::api::ProfileKind;
    use crate::layout::PickLanguage;
    use crate::profile::ProfilePage;
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
                    <Route
                        path=path!("networks/:id")
                        view=|| view! { <ProfilePage kind=ProfileKind::Network/> }
                    />
                    <Route path=path!("archive") view=archive::ArchivePage/>
                </ParentRoute>
            </Routes>
        </Router>
    }
}

/// The forms build's pages: `relais_domain::pages::FORM_PAGES`.
#[cfg(feature = "forms")]
#[component]
pub fn App() -> impl IntoView {
    time::ReaderZone::provide();
    view! {
        <Router>
            <Routes fallback=|| view! { <NotFound/> }>
                <ParentRoute path=path!("/:lang") view=Layout>
                    <Route path=path!("register/:edition") view=registration::RegisterPage/>
                    <Route path=path!("manage") view=links::LinksPage/>
                    <Route path=path!("manage/:token") view=manage::ManagePage/>
                    <Route path=path!("privacy") view=privacy::PrivacyPage/>
                    <Route path=path!("coordinator") view=coordinator::CoordinatorPage/>
                </ParentRoute>
            </Routes>
        </Router>
    }
}
