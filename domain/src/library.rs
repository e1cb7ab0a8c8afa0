//! The knowledge library: resources a network's librarians curate (guides, articles,
//! podcasts, videos, templates, translated book chapters, meetings' summary sheets), each in
//! the languages it is actually available in, and found by a search that ignores accents and
//! case, per language, as a French speaker expects (« strategie » finds « stratégie »).

use serde::{Deserialize, Serialize};

pub mod file;
pub mod search;

/// What a resource is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Guide,
    Article,
    Podcast,
    Video,
    Template,
    BookChapter,
    SummarySheet,
}

impl Kind {
    pub const ALL: [Kind; 7] = [
        Kind::Guide,
        Kind::Article,
        Kind::Podcast,
        Kind::Video,
        Kind::Template,
        Kind::BookChapter,
        Kind::SummarySheet,
    ];

    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// As stored and sent (`resource.kind`).
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Guide => "guide",
            Kind::Article => "article",
            Kind::Podcast => "podcast",
            Kind::Video => "video",
            Kind::Template => "template",
            Kind::BookChapter => "book_chapter",
            Kind::SummarySheet => "summary_sheet",
        }
    }
}

/// Who may read a resource: anyone, or the members of its network's community.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Visibility {
    #[default]
    Public,
    Members,
}

impl Visibility {
    pub fn parse(s: &str) -> Option<Visibility> {
        [Visibility::Public, Visibility::Members]
            .into_iter()
            .find(|v| v.as_str() == s)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Visibility::Public => "public",
            Visibility::Members => "members",
        }
    }
}

/// A resource found by the library's search, in the reader's language (a list without
/// words shows a resource not in it in the language it was written in: `lang`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Found {
    pub id: String,
    pub kind: Kind,
    pub lang: String,
    pub title: String,
    pub summary: String,
}

/// `GET /api/library?q=`: what was looked for, in which language, and what was found, best
/// first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchAnswer {
    pub lang: crate::Lang,
    pub q: String,
    /// The offering whose resources these are, when asked for one's.
    pub offering: Option<Linked>,
    pub items: Vec<Found>,
}

/// One language's text of a resource; `translator` is `None` in the language it was
/// written in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResourceText {
    pub lang: String,
    pub title: String,
    pub summary: String,
    pub body: String,
    pub translator: Option<String>,
}

/// What a resource goes with (an offering), titled in the reader's language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Linked {
    pub id: String,
    pub title: crate::Text,
}

/// `GET /api/library/{id}`: a resource in the reader's language, else in the one it was
/// written in, with every language it is available in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResourceDetail {
    pub id: String,
    pub kind: Kind,
    pub network_id: String,
    pub network_name: String,
    pub text: ResourceText,
    /// The language it was written in.
    pub original: String,
    pub languages: Vec<String>,
    pub topics: Vec<String>,
    pub source: Option<String>,
    pub licence: Option<String>,
    pub url: Option<String>,
    /// Its attached file, fetched from the reader's own address for it.
    #[serde(default)]
    pub file: Option<file::ResourceFile>,
    pub offerings: Vec<Linked>,
}

/// The language a resource was written in: its text with no translator.
pub fn original(texts: &[ResourceText]) -> Option<&ResourceText> {
    texts.iter().find(|t| t.translator.is_none())
}

/// The languages a resource is available in: the one it was written in first.
pub fn languages(texts: &[ResourceText]) -> Vec<String> {
    let mut codes: Vec<&ResourceText> = texts.iter().collect();
    codes.sort_by_key(|t| (t.translator.is_some(), t.lang.clone()));
    codes.into_iter().map(|t| t.lang.clone()).collect()
}

/// The text a reader is shown: in their language, else the original, else any.
pub fn shown(texts: &[ResourceText], lang: crate::Lang) -> Option<&ResourceText> {
    texts
        .iter()
        .find(|t| t.lang == lang.code())
        .or_else(|| original(texts))
        .or_else(|| texts.first())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(lang: &str, translator: Option<&str>) -> ResourceText {
        ResourceText {
            lang: lang.into(),
            title: format!("title {lang}"),
            summary: String::new(),
            body: String::new(),
            translator: translator.map(Into::into),
        }
    }

    #[test]
    fn a_reader_gets_their_language_else_the_original() {
        let fr = crate::Lang::parse("fr").expect("fr");
        let en = crate::Lang::parse("en").expect("en");
        let twins = [text("en", None), text("fr", Some("Élise"))];
        assert_eq!(shown(&twins, fr).map(|t| t.lang.as_str()), Some("fr"));
        assert_eq!(shown(&twins, en).map(|t| t.lang.as_str()), Some("en"));
        let spanish_original = [text("fr", Some("Ana")), text("es", None)];
        assert_eq!(
            shown(&spanish_original, en).map(|t| t.lang.as_str()),
            Some("es")
        );
        assert_eq!(
            original(&spanish_original).map(|t| t.lang.as_str()),
            Some("es")
        );
        assert_eq!(shown(&[], fr), None);
        assert_eq!(languages(&spanish_original), ["es", "fr"]);
        assert_eq!(
            languages(&[
                text("fr", Some("Ana")),
                text("de", Some("Jo")),
                text("en", None)
            ]),
            ["en", "de", "fr"]
        );
    }

    #[test]
    fn kinds_are_stored_as_the_migration_allows() {
        let migration = include_str!("../../edge/migrations/0013_library.sql");
        for kind in Kind::ALL {
            assert!(
                migration.contains(&format!("'{}'", kind.as_str())),
                "{kind:?}"
            );
        }
        for visibility in [Visibility::Public, Visibility::Members] {
            assert!(
                migration.contains(&format!("'{}'", visibility.as_str())),
                "{visibility:?}"
            );
        }
    }
}
