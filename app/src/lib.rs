//! The volunteers' app: routes, and the pieces every page shares.
//!
//! It is built three times (`relais_domain::pages`): the browsing build, which every first
//! visit loads, has the catalog, offering, profile (facilitator, partner, network) and
//! archive pages; the forms build (feature `forms`) has the pages where people write:
//! registering, the manage link, the privacy notice and coordinating, the knowledge
//! library, searched with a form, a network's community (applying, a member's link) and
//! coaching on request (an organisation registering to ask, its private link);
//! the dashboard build (feature `dashboard`) has the pages where a network authors its
//! catalog, writes to its people and to those who follow its news, and manages its members
//! and its community's applications, and the pages of one-time links (joining by
//! invitation, a new password). The browsing build links to the others as ordinary links;
//! the forms and dashboard builds hand the addresses they do not serve back to the Worker
//! (`layout::NotFound`). Pages live in one module each; all network access goes through
//! `api`, so a local cache can later answer in its place.

// The dashboard build uses only part of `api`, `layout`, `time` and `form`.
#[cfg_attr(feature = "dashboard", allow(dead_code, unused_imports))]
mod api;
mod i18n;
#[cfg_attr(feature = "dashboard", allow(dead_code, unused_imports))]
mod layout;
mod shell;
#[cfg_attr(feature = "dashboard", allow(dead_code, unused_imports))]
mod time;

#[cfg(not(feature = "dashboard"))]
mod edition;

#[cfg(not(any(feature = "forms", feature = "dashboard")))]
mod archive;
#[cfg(not(any(feature = "forms", feature = "dashboard")))]
mod catalog;
#[cfg(not(any(feature = "forms", feature = "dashboard")))]
mod offering;
#[cfg(not(any(feature = "forms", feature = "dashboard")))]
mod profile;

#[cfg(any(feature = "forms", feature = "dashboard"))]
mod account;
#[cfg(any(feature = "forms", feature = "dashboard"))]
#[cfg_attr(feature = "dashboard", allow(dead_code, unused_imports))]
mod form;

#[cfg(feature = "forms")]
mod coaching;
#[cfg(feature = "forms")]
mod community;
#[cfg(feature = "forms")]
mod coordinator;
#[cfg(feature = "forms")]
mod follow;
#[cfg(feature = "forms")]
mod library;
#[cfg(feature = "forms")]
mod links;
#[cfg(feature = "forms")]
mod manage;
#[cfg(feature = "forms")]
mod privacy;
#[cfg(feature = "forms")]
mod registration;

#[cfg(feature = "dashboard")]
mod dashboard;

#[cfg(all(feature = "forms", feature = "dashboard"))]
compile_error!("`forms` and `dashboard` are two builds of the app: enable one at most");

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
#[cfg(not(any(feature = "forms", feature = "dashboard")))]
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
                    <Route path=path!("manage/:token/library/:id") view=manage::ManageResourcePage/>
                    <Route path=path!("privacy") view=privacy::PrivacyPage/>
                    <Route path=path!("coordinator") view=coordinator::CoordinatorPage/>
                    <Route path=path!("library") view=library::LibraryPage/>
                    <Route path=path!("library/:id") view=library::ResourcePage/>
                    <Route path=path!("community/:network") view=community::CommunityPage/>
                    <Route path=path!("member/:token") view=community::MemberPage/>
                    <Route path=path!("member/:token/library/:id") view=community::MemberResourcePage/>
                    <Route path=path!("member/:token/register/:edition") view=registration::RegisterPage/>
                    <Route path=path!("follow") view=follow::FollowPage/>
                    <Route path=path!("follow/:token") view=follow::FollowLinkPage/>
                    <Route path=path!("coaching/:network") view=coaching::AskPage/>
                    <Route path=path!("coaching/:network/poster") view=coaching::PosterPage/>
                    <Route path=path!("organisations/:token") view=coaching::OrganisationLinkPage/>
                    <Route path=path!("organisations/:token/register/:edition") view=registration::OrganisationRegisterPage/>
                </ParentRoute>
            </Routes>
        </Router>
    }
}

/// The dashboard build's pages: `relais_domain::pages::DASHBOARD_PAGES`.
#[cfg(feature = "dashboard")]
#[component]
pub fn App() -> impl IntoView {
    time::ReaderZone::provide();
    dashboard::unsaved::install();
    view! {
        <Router>
            <Routes fallback=|| view! { <NotFound/> }>
                <ParentRoute path=path!("/:lang") view=Layout>
                    // The pages of one-time links: they end signed in, on the dashboard.
                    <Route path=path!("welcome/:token") view=dashboard::joining::WelcomePage/>
                    <Route path=path!("new-password/:token") view=dashboard::joining::NewPasswordPage/>
                    <ParentRoute path=path!("dashboard") view=dashboard::Gate>
                        <Route path=path!("") view=dashboard::desk::DeskPage/>
                        // Before `offerings/:id`, which would read "new" as an id.
                        <Route path=path!("offerings/new") view=dashboard::offering::NewOfferingPage/>
                        <Route path=path!("offerings/:id") view=dashboard::offering::OfferingPage/>
                        <Route path=path!("editions/:id") view=dashboard::edition::EditionPage/>
                        <Route path=path!("editions/:id/schedule") view=dashboard::schedule::SchedulePage/>
                        <Route path=path!("editions/:id/message") view=dashboard::announce::MessagePage/>
                        <Route path=path!("editions/:id/people") view=dashboard::people::PeoplePage/>
                        <Route path=path!("editions/:id/sessions/:session/attendance") view=dashboard::people::AttendancePage/>
                        <Route path=path!("people/new") view=dashboard::profiles::NewPersonPage/>
                        <Route path=path!("people/:id") view=dashboard::profiles::PersonPage/>
                        <Route path=path!("partners/new") view=dashboard::profiles::NewPartnerPage/>
                        <Route path=path!("partners/:id") view=dashboard::profiles::PartnerPage/>
                        <Route path=path!("audit") view=dashboard::audit::AuditPage/>
                        <Route path=path!("outbox") view=dashboard::outbox::OutboxPage/>
                        <Route path=path!("news") view=dashboard::digest::DigestPage/>
                        <Route path=path!("members") view=dashboard::members::MembersPage/>
                        <Route path=path!("community") view=dashboard::community::CommunityPage/>
                        <Route path=path!("coaching") view=dashboard::coaching::CoachingPage/>
                        <Route path=path!("coaching/report") view=dashboard::coaching::ReportPage/>
                        <Route path=path!("library") view=dashboard::library::LibraryPage/>
                        // Before `library/:id`, which would read "new" as an id.
                        <Route path=path!("library/new") view=dashboard::library::NewResourcePage/>
                        <Route path=path!("library/:id") view=dashboard::library::ResourcePage/>
                    </ParentRoute>
                </ParentRoute>
            </Routes>
        </Router>
    }
}
