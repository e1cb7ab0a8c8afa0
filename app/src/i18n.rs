//! The language shown, from the URL, and the messages in it.

use leptos::prelude::*;
use relais_domain::i18n::Messages;
use relais_domain::Lang;

const PREFERENCE_KEY: &str = "relais.lang";

/// Every locale's messages, built once, and the language the current URL asks for.
#[derive(Clone, Copy)]
pub struct I18n {
    pub lang: Memo<Lang>,
    messages: StoredValue<Vec<Messages>, LocalStorage>,
}

impl I18n {
    pub fn new(lang: Memo<Lang>) -> I18n {
        // A locale that fails to parse is caught by the domain's tests, never shipped.
        let all = Lang::all().filter_map(|l| Messages::new(l).ok()).collect();
        I18n {
            lang,
            messages: StoredValue::new_local(all),
        }
    }

    /// Runs `f` with the current language's messages; reactive on the language.
    /// A language tag named in the reader's language when Relais has its name (`lang-fr` →
    /// « français »), else the tag as written.
    #[cfg(any(feature = "forms", feature = "dashboard"))]
    pub fn language_name(&self, tag: &str) -> String {
        let id = format!("lang-{}", tag.to_ascii_lowercase());
        self.with(|m| {
            if m.has(&id) {
                m.get(&id)
            } else {
                tag.to_owned()
            }
        })
    }

    pub fn with<R>(&self, f: impl FnOnce(&Messages) -> R) -> R {
        self.with_lang(self.lang.get(), f)
    }

    pub fn with_lang<R>(&self, lang: Lang, f: impl FnOnce(&Messages) -> R) -> R {
        self.messages.with_value(|all| {
            let m = all
                .iter()
                .find(|m| m.lang() == lang)
                .or_else(|| all.first())
                .expect("one locale at least");
            f(m)
        })
    }

    pub fn t(&self, id: &str) -> String {
        self.with(|m| m.get(id))
    }

    /// The message `id`, kept in the language shown. Every label uses this one closure
    /// type, so the view code that keeps a text up to date is compiled once, not per label.
    pub fn text(self, id: &'static str) -> impl Fn() -> String + Copy + Send + Sync + 'static {
        move || self.t(id)
    }

    pub fn code(&self) -> &'static str {
        self.lang.get().code()
    }
}

pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

pub fn remember(lang: Lang) {
    if let Some(s) = storage() {
        // Private browsing may refuse storage; the URL still carries the language.
        let _ = s.set_item(PREFERENCE_KEY, lang.code());
    }
}

/// A first visit picks the browser's language; a returning visitor gets the one they chose.
pub fn preferred() -> Lang {
    if let Some(lang) = storage()
        .and_then(|s| s.get_item(PREFERENCE_KEY).ok().flatten())
        .and_then(|c| Lang::parse(&c))
    {
        return lang;
    }
    // navigator.languages is in preference order: the first one Relais speaks. (Written as an
    // Accept-Language header for `Lang::negotiate`, it cost the phone float formatting,
    // parsing and a sort: kilobytes of wasm for the same answer.)
    web_sys::window()
        .and_then(|w| {
            w.navigator()
                .languages()
                .iter()
                .find_map(|v| Lang::parse(&v.as_string()?))
        })
        .unwrap_or_else(Lang::default_lang)
}
