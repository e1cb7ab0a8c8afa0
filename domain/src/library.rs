//! The knowledge library: resources a network's librarians curate (guides, articles,
//! podcasts, videos, templates, translated book chapters, meetings' summary sheets), each in
//! the languages it is actually available in, and found by a search that ignores accents and
//! case, per language, as a French speaker expects (« strategie » finds « stratégie »).

use serde::{Deserialize, Serialize};

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
    pub fn as_str(self) -> &'static str {
        match self {
            Visibility::Public => "public",
            Visibility::Members => "members",
        }
    }
}

/// A resource found by the library's search, in the reader's language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Found {
    pub id: String,
    pub kind: Kind,
    pub title: String,
    pub summary: String,
}

/// `GET /api/library?q=`: what was looked for, in which language, and what was found, best
/// first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchAnswer {
    pub lang: crate::Lang,
    pub q: String,
    pub items: Vec<Found>,
}

#[cfg(test)]
mod tests {
    use super::*;

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
