//! The app's addresses, and which of its two builds serves each.
//!
//! Every first visit loads the browsing build (catalog, offerings, profiles, archive) and
//! nothing more: it must stay light on a volunteer's phone. The pages where people write
//! (registering, managing a registration, the privacy notice beside them, coordinating)
//! come in a second build, loaded only when one of them is opened. The Worker picks the
//! build by address with this rule, and each build hands any address it does not serve
//! back to the Worker with a full page load, so both sides must agree on it.

use crate::Lang;

/// The first path segment after the language of each page the forms build serves.
pub const FORM_PAGES: &[&str] = &["register", "manage", "privacy", "coordinator"];

/// The language of `path` when it is a page of the forms build (`/fr/register/…`,
/// `/en/privacy`), else `None`.
pub fn form_page(path: &str) -> Option<Lang> {
    let mut segments = path.strip_prefix('/')?.split('/');
    let lang = Lang::parse(segments.next()?)?;
    let page = segments.next()?;
    FORM_PAGES.contains(&page).then_some(lang)
}

/// Whether the forms build serves `path`.
pub fn is_form_page(path: &str) -> bool {
    form_page(path).is_some()
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
        for browsing in [
            "/",
            "/fr",
            "/fr/",
            "/fr/offerings/x",
            "/fr/archive",
            "/fr/registerx",
            "/xx/register/1",
            "/forms/",
            "",
        ] {
            assert_eq!(form_page(browsing), None, "{browsing}");
        }
    }
}
