//! The app's addresses, and which of its three builds serves each.
//!
//! Every first visit loads the browsing build (catalog, offerings, profiles, archive) and
//! nothing more: it must stay light on a volunteer's phone. The pages where people write
//! (registering, managing a registration, the privacy notice beside them, coordinating)
//! come in a second build, loaded only when one of them is opened; the coordinators'
//! dashboard (authoring the catalog) in a third, which volunteers never download. The
//! Worker picks the build by address with this rule, and each build hands any address it
//! does not serve back to the Worker with a full page load, so every side must agree on it.

use crate::Lang;

/// The app's builds, each served at its own pages' addresses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Build {
    /// The catalog, offerings, profiles, archive: every other address.
    Browsing,
    /// Registering, the manage link, the privacy notice, coordinating registrations, the
    /// knowledge library, joining a network's community and a member's link.
    Forms,
    /// Authoring a network's catalog, its members, and joining by a one-time link.
    Dashboard,
}

impl Build {
    /// The folder of the build's files in the static assets (`scripts/build`), `None` for
    /// the browsing build, at the root.
    pub fn dir(self) -> Option<&'static str> {
        match self {
            Build::Browsing => None,
            Build::Forms => Some("/forms/"),
            Build::Dashboard => Some("/dashboard/"),
        }
    }
}

/// The first path segment after the language of each page the forms build serves.
/// The library is here too: a search form, read by the few who look for it, which the
/// catalog's first visit must not carry (`bench/decisions.md`); and a network's community
/// of practice: its application form (`community`) and a member's private link (`member`);
/// and asking to be told of new dates, with its emailed link (`follow`); and coaching on
/// request: an organisation registering with a network to ask (`coaching`) and its private
/// link (`organisations`).
pub const FORM_PAGES: &[&str] = &[
    "register",
    "manage",
    "privacy",
    "coordinator",
    "library",
    "community",
    "member",
    "follow",
    "coaching",
    "organisations",
];

/// The first path segment after the language of each page the dashboard build serves: the
/// dashboard, and the pages of one-time links (`account::joining::LinkPurpose::page`), which
/// end signed in on the dashboard.
pub const DASHBOARD_PAGES: &[&str] = &["dashboard", "welcome", "new-password"];

/// The build of `path` and its language, when it is a page of the forms or the dashboard
/// build (`/fr/register/…`, `/en/privacy`, `/fr/dashboard/offerings/…`), else `None`.
pub fn page_build(path: &str) -> Option<(Build, Lang)> {
    let mut segments = path.strip_prefix('/')?.split('/');
    let lang = Lang::parse(segments.next()?)?;
    let page = segments.next()?;
    if FORM_PAGES.contains(&page) {
        Some((Build::Forms, lang))
    } else if DASHBOARD_PAGES.contains(&page) {
        Some((Build::Dashboard, lang))
    } else {
        None
    }
}

/// The language of `path` when it is a page of the forms build, else `None`.
pub fn form_page(path: &str) -> Option<Lang> {
    page_build(path)
        .filter(|(build, _)| *build == Build::Forms)
        .map(|(_, lang)| lang)
}

/// Whether the forms build serves `path`.
pub fn is_form_page(path: &str) -> bool {
    form_page(path).is_some()
}

/// Whether the dashboard build serves `path`.
pub fn is_dashboard_page(path: &str) -> bool {
    matches!(page_build(path), Some((Build::Dashboard, _)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn form_pages_are_told_by_their_second_segment() {
        let fr = Lang::parse("fr");
        assert_eq!(form_page("/fr/register/ed-1"), fr);
        assert_eq!(form_page("/fr/manage/abc"), fr);
        assert_eq!(form_page("/fr/privacy"), fr);
        assert_eq!(form_page("/en/coordinator"), Lang::parse("en"));
        assert_eq!(form_page("/en/coordinator/"), Lang::parse("en"));
        assert_eq!(form_page("/fr/community/ggsn"), fr);
        assert_eq!(form_page("/en/member/ab12"), Lang::parse("en"));
        assert_eq!(form_page("/fr/coaching/pic"), fr);
        assert_eq!(form_page("/en/organisations/ab12"), Lang::parse("en"));
        assert_eq!(form_page("/fr/member/ab12/library/res-1"), fr);
        for browsing in [
            "/",
            "/fr",
            "/fr/",
            "/fr/offerings/x",
            "/fr/archive",
            "/fr/registerx",
            "/fr/communities",
            "/fr/members",
            "/fr/networks/community",
            "/xx/register/1",
            "/forms/",
            "/fr/dashboard",
            "",
        ] {
            assert_eq!(form_page(browsing), None, "{browsing}");
        }
    }

    #[test]
    fn dashboard_pages_are_the_dashboards_and_nothing_else() {
        let fr = Lang::parse("fr").unwrap();
        let en = Lang::parse("en").unwrap();
        assert_eq!(page_build("/fr/dashboard"), Some((Build::Dashboard, fr)));
        assert_eq!(page_build("/en/dashboard/"), Some((Build::Dashboard, en)));
        assert_eq!(
            page_build("/fr/dashboard/offerings/new"),
            Some((Build::Dashboard, fr))
        );
        assert_eq!(
            page_build("/en/dashboard/editions/ed-1"),
            Some((Build::Dashboard, en))
        );
        assert_eq!(page_build("/fr/coordinator"), Some((Build::Forms, fr)));
        for other in [
            "/fr",
            "/fr/dashboards",
            "/dashboard",
            "/dashboard/",
            "/xx/dashboard",
            "/fr/offerings/dashboard",
        ] {
            assert!(!is_dashboard_page(other), "{other}");
        }
        assert!(is_dashboard_page("/fr/dashboard/audit"));
        assert!(is_dashboard_page("/fr/dashboard/members"));
        assert!(is_dashboard_page("/fr/dashboard/community"));
        assert!(!is_form_page("/fr/dashboard/community"));
        assert!(!is_form_page("/fr/dashboard"));
        assert_eq!(Build::Dashboard.dir(), Some("/dashboard/"));
        assert_eq!(Build::Forms.dir(), Some("/forms/"));
        assert_eq!(Build::Browsing.dir(), None);
    }

    #[test]
    fn the_pages_of_one_time_links_are_the_dashboards() {
        use crate::account::joining::LinkPurpose;
        for purpose in LinkPurpose::ALL {
            let path = format!("/en/{}/{}", purpose.page(), "ab".repeat(32));
            assert!(is_dashboard_page(&path), "{path}");
        }
        assert!(!is_dashboard_page("/fr/welcomes/x"));
    }
}
