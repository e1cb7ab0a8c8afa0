//! Languages Relais speaks, and content that exists once per language.
//!
//! The list of languages is data: one folder per language under `locales/`.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A language Relais has UI messages for (a folder under `locales/`).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Lang(&'static str);

impl Lang {
    /// The language shown when nothing else is known: Relais was born in Montréal.
    pub const DEFAULT_CODE: &'static str = "fr";

    /// Every language with messages, in code order.
    pub fn all() -> impl Iterator<Item = Lang> {
        crate::i18n::SOURCES.iter().map(|(code, _)| Lang(code))
    }

    pub fn default_lang() -> Lang {
        Lang::parse(Self::DEFAULT_CODE)
            .or_else(|| Lang::all().next())
            .expect("at least one locale folder")
    }

    /// Accepts a primary language subtag in any case, with or without a region (`fr-CA`).
    pub fn parse(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Lang::all().find(|l| l.0 == primary)
    }

    /// Picks the best supported language from an `Accept-Language` header value.
    pub fn negotiate(accept_language: &str) -> Lang {
        let mut ranked: Vec<(f32, usize, Lang)> = accept_language
            .split(',')
            .enumerate()
            .filter_map(|(i, part)| {
                let mut pieces = part.split(';');
                let lang = Lang::parse(pieces.next()?)?;
                let q = pieces
                    .find_map(|p| p.trim().strip_prefix("q=").and_then(|q| q.parse().ok()))
                    .unwrap_or(1.0);
                (q > 0.0).then_some((q, i, lang))
            })
            .collect();
        ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        ranked
            .first()
            .map(|r| r.2)
            .unwrap_or_else(Lang::default_lang)
    }

    pub fn code(self) -> &'static str {
        self.0
    }
}

impl fmt::Debug for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

impl Serialize for Lang {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.0)
    }
}

impl<'de> Deserialize<'de> for Lang {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let code = String::deserialize(d)?;
        Lang::parse(&code)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown language {code:?}")))
    }
}

/// One piece of content in every language it has been written in, keyed by language code.
///
/// Codes are kept as strings so that content in a language without UI messages yet survives.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Localized(pub BTreeMap<String, String>);

impl Localized {
    pub fn new<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        Localized(
            pairs
                .into_iter()
                .filter(|(_, v)| !v.trim().is_empty())
                .map(|(k, v)| (k.to_owned(), v.to_owned()))
                .collect(),
        )
    }

    /// The text in `lang`, else in the default language, else in any language: never a blank
    /// while some translation exists. The returned `Text` says which language it is in.
    pub fn resolve(&self, lang: Lang) -> Option<Text> {
        let written = |code: &str| {
            self.0
                .get_key_value(code)
                .filter(|(_, v)| !v.trim().is_empty())
        };
        let (code, value) = written(lang.code())
            .or_else(|| written(Lang::DEFAULT_CODE))
            .or_else(|| self.0.iter().find(|(_, v)| !v.trim().is_empty()))?;
        Some(Text {
            text: value.clone(),
            lang: code.to_owned(),
        })
    }

    pub fn is_empty(&self) -> bool {
        self.0.values().all(|v| v.trim().is_empty())
    }
}

/// A text as served to a reader, with the language it is actually written in, so the
/// reader's app can mark a fallback as "not yet translated" and set `lang` for screen readers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Text {
    pub text: String,
    pub lang: String,
}

impl Text {
    pub fn is_translation_missing(&self, wanted: Lang) -> bool {
        self.lang != wanted.code()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fr() -> Lang {
        Lang::parse("fr").unwrap()
    }
    fn en() -> Lang {
        Lang::parse("en").unwrap()
    }

    #[test]
    fn parses_tags_with_regions_and_case() {
        assert_eq!(Lang::parse("fr-CA"), Some(fr()));
        assert_eq!(Lang::parse("EN_gb"), Some(en()));
        assert_eq!(Lang::parse("de"), None);
        assert_eq!(Lang::parse(""), None);
    }

    #[test]
    fn negotiates_by_quality_then_order() {
        assert_eq!(Lang::negotiate("de-DE, en;q=0.8, fr;q=0.9"), fr());
        assert_eq!(Lang::negotiate("en-US,en;q=0.9"), en());
        assert_eq!(Lang::negotiate("es, pt"), Lang::default_lang());
        assert_eq!(Lang::negotiate("fr;q=0, en;q=0.1"), en());
    }

    #[test]
    fn resolves_with_visible_fallback() {
        let only_fr = Localized::new([("fr", "Atelier"), ("en", "  ")]);
        let t = only_fr.resolve(en()).unwrap();
        assert_eq!(t.text, "Atelier");
        assert!(t.is_translation_missing(en()));
        let both = Localized::new([("fr", "Atelier"), ("en", "Workshop")]);
        assert_eq!(both.resolve(en()).unwrap().text, "Workshop");
        assert!(Localized::default().resolve(fr()).is_none());
    }

    #[test]
    fn lang_round_trips_through_json() {
        let json = serde_json::to_string(&en()).unwrap();
        assert_eq!(json, "\"en\"");
        assert_eq!(serde_json::from_str::<Lang>(&json).unwrap(), en());
        assert!(serde_json::from_str::<Lang>("\"xx\"").is_err());
    }
}
