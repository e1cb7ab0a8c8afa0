//! `GET /api/library?q=`: what `domain::library::search::match_expression` makes of a
//! reader's words, matched in the index of the reader's language's texts, best first; with
//! no `q`, the library's newest resources in the reader's language.

use relais_domain::library::search::{match_expression, MAX_QUERY};
use relais_domain::library::{Found, SearchAnswer};
use relais_domain::problem::ProblemKind;
use worker::{Env, Response};

use crate::catalog::visible;
use crate::http::{self, ApiError, Caller};
use crate::library::LinkedRow;

/// How many resources one answer holds at most.
const MAX_FOUND: u32 = 50;
/// Seconds a shared cache may keep an answer: the library changes when a librarian
/// publishes, not by the minute.
const MAX_AGE: u32 = 300;

pub async fn get(env: &Env, caller: &Caller) -> Result<Response, ApiError> {
    let q = caller.param("q").unwrap_or("").trim().to_owned();
    let offering_id = caller.param("offering").unwrap_or("").trim().to_owned();
    let lang = caller.lang.code();
    let db = env.d1("DB")?;
    let found = if q.is_empty() {
        db.prepare(newest_sql()).bind(&[
            lang.into(),
            MAX_FOUND.into(),
            offering_id.as_str().into(),
        ])?
    } else {
        db.prepare(search_sql()).bind(&[
            words(&q)?.into(),
            lang.into(),
            MAX_FOUND.into(),
            offering_id.as_str().into(),
        ])?
    };
    let mut statements = vec![found];
    if !offering_id.is_empty() {
        let offering = format!(
            "SELECT o.id, o.title FROM offering o WHERE o.id = ?1 AND {}",
            visible::published("o")
        );
        statements.push(db.prepare(&offering).bind(&[offering_id.as_str().into()])?);
    }
    let results = db.batch(statements).await?;
    let (found, offering) = match results.as_slice() {
        [found] => (found, None),
        [found, offering] => (found, Some(offering)),
        _ => {
            return Err(ApiError::Internal(format!(
                "batch gave {} results",
                results.len()
            )))
        }
    };
    // The statements' columns are `Found`'s fields, `kind` as the domain spells it.
    let items: Vec<Found> = found.results()?;
    let offering = match offering {
        None => None,
        Some(rows) => match rows.results::<LinkedRow>()?.into_iter().next() {
            Some(row) => Some(row.linked(caller.lang)?),
            // An offering the public cannot see lists nothing, as an unknown one.
            None => return Err(ApiError::Problem(ProblemKind::NotFound, vec![])),
        },
    };
    let answer = SearchAnswer {
        lang: caller.lang,
        q,
        offering,
        items,
    };
    http::json_text(serde_json::to_string(&answer)?, MAX_AGE)
}

/// The reader's words as an FTS5 expression; too many characters, or no word to look for
/// (« l’ », a lone letter), refused by name.
fn words(q: &str) -> Result<String, ApiError> {
    if q.chars().count() > MAX_QUERY {
        return Err(ApiError::Problem(
            ProblemKind::InvalidQuery,
            vec![("q", "too-long")],
        ));
    }
    match_expression(q)
        .ok_or_else(|| ApiError::Problem(ProblemKind::InvalidQuery, vec![("q", "required")]))
}

/// Public resources of language `?2` whose texts match `?1` (an FTS5 expression from
/// `match_expression`, bound, never spliced), best first: a word in the title weighs most,
/// then the summary, then the body. At most `?3` rows; with `?4`, only those that go with
/// that offering.
pub fn search_sql() -> String {
    format!(
        "SELECT r.id, r.kind, t.lang, t.title, t.summary
FROM resource_search
JOIN resource_text t ON t.id = resource_search.rowid
JOIN resource r ON r.id = t.resource_id
WHERE resource_search MATCH ?1
  AND t.lang = ?2
  AND {}
  AND (?4 = '' OR r.id IN (SELECT resource_id FROM resource_link WHERE offering_id = ?4))
ORDER BY bm25(resource_search, 10.0, 4.0, 1.0), r.id
LIMIT ?3",
        visible::resource_public("r")
    )
}

/// Public resources, newest first, each in language `?1` when it has it, else in the
/// language it was written in (its text with no translator). At most `?2` rows; with `?3`,
/// only those that go with that offering.
pub fn newest_sql() -> String {
    newest_where(&visible::resource_public("r"))
}

/// `newest_sql` over the resources aliased `r` that `readable` (an SQL condition) lets
/// through.
pub fn newest_where(readable: &str) -> String {
    format!(
        "SELECT r.id, r.kind,
       coalesce(t.lang, o.lang) AS lang,
       coalesce(t.title, o.title) AS title,
       coalesce(t.summary, o.summary) AS summary
FROM resource r
LEFT JOIN resource_text t ON t.resource_id = r.id AND t.lang = ?1
LEFT JOIN resource_text o ON o.resource_id = r.id AND o.translator IS NULL
WHERE {readable}
  AND coalesce(t.id, o.id) IS NOT NULL
  AND (?3 = '' OR r.id IN (SELECT resource_id FROM resource_link WHERE offering_id = ?3))
ORDER BY r.published_at DESC, r.id
LIMIT ?2"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_sqlite::migrated;
    use relais_domain::library::search::match_expression;
    use rusqlite::{params, Connection};

    /// Rebuilds the index from `resource_text`: after a restore, which brings the texts back
    /// without their index.
    const REBUILD: &str = "INSERT INTO resource_search (resource_search) VALUES ('rebuild')";

    fn library() -> Connection {
        let conn = migrated();
        conn.execute_batch(
            "INSERT INTO network (id, name, created_at) VALUES ('hub', 'Hub', '2026-01-01T00:00:00Z');
             INSERT INTO resource (id, network_id, kind, visibility, published_at, updated_at, state) VALUES
               ('strategie', 'hub', 'guide', 'public', '2026-02-01T00:00:00Z', '2026-02-01T00:00:00Z', 'published'),
               ('ecoute', 'hub', 'podcast', 'public', '2026-02-01T00:00:00Z', '2026-02-01T00:00:00Z', 'published'),
               ('brouillon', 'hub', 'guide', 'public', NULL, '2026-02-01T00:00:00Z', 'draft'),
               ('membres', 'hub', 'summary_sheet', 'members', '2026-02-01T00:00:00Z', '2026-02-01T00:00:00Z', 'published');
             INSERT INTO resource_text (resource_id, lang, title, summary, body, translator) VALUES
               ('strategie', 'fr', 'Stratégie de mobilisation', 'Bâtir une campagne', 'Les étapes d’une stratégie.', 'Camille'),
               ('strategie', 'en', 'Mobilisation strategy', 'Building a campaign', 'The steps of a strategy.', NULL),
               ('ecoute', 'fr', 'Écoute active', 'Un balado', 'Parler de stratégie en réunion.', NULL),
               ('brouillon', 'fr', 'Stratégie (brouillon)', 'Pas encore publié', '', NULL),
               ('membres', 'fr', 'Fiche de résumé : stratégie', 'Pour les membres', '', NULL);",
        )
        .expect("library");
        conn
    }

    fn search(conn: &Connection, words: &str, lang: &str) -> Vec<String> {
        let Some(expression) = match_expression(words) else {
            return Vec::new();
        };
        let mut statement = conn.prepare(&search_sql()).expect("statement");
        statement
            .query_map(params![expression, lang, 20, ""], |row| row.get(0))
            .expect("query")
            .collect::<Result<_, _>>()
            .expect("rows")
    }

    #[test]
    fn accents_and_case_are_ignored_and_the_title_ranks_first() {
        let conn = library();
        for words in ["strategie", "STRATÉGIE", "Stratégie", "strat"] {
            assert_eq!(
                search(&conn, words, "fr"),
                ["strategie", "ecoute"],
                "{words}"
            );
        }
        assert_eq!(search(&conn, "ecoute balado", "fr"), ["ecoute"]);
        assert_eq!(search(&conn, "batir", "fr"), ["strategie"]);
    }

    #[test]
    fn each_language_is_searched_in_its_own_texts() {
        let conn = library();
        assert_eq!(search(&conn, "strategy", "en"), ["strategie"]);
        assert_eq!(search(&conn, "campaign", "fr"), Vec::<String>::new());
        assert_eq!(search(&conn, "campagne", "en"), Vec::<String>::new());
    }

    #[test]
    fn drafts_and_members_only_resources_are_not_found_by_the_public() {
        let conn = library();
        assert!(!search(&conn, "strategie", "fr").contains(&"brouillon".to_owned()));
        assert!(!search(&conn, "resume", "fr").contains(&"membres".to_owned()));
    }

    #[test]
    fn with_no_words_the_newest_public_resources_in_the_language_else_their_own() {
        let conn = library();
        conn.execute_batch(
            "UPDATE resource SET published_at = '2026-03-01T00:00:00Z' WHERE id = 'ecoute';
             INSERT INTO offering (id, kind, title, summary, description, format, network_id, state)
             VALUES ('formation', 'workshop', '{}', '{}', '{}', 'online', 'hub', 'published');
             INSERT INTO resource_link (resource_id, offering_id) VALUES ('strategie', 'formation');",
        )
        .expect("changes");
        let newest = |lang: &str, offering: &str| -> Vec<(String, String, String)> {
            let mut statement = conn.prepare(&newest_sql()).expect("statement");
            statement
                .query_map(params![lang, 20, offering], |row| {
                    Ok((row.get("id")?, row.get("lang")?, row.get("title")?))
                })
                .expect("query")
                .collect::<Result<_, _>>()
                .expect("rows")
        };
        let row = |id: &str, lang: &str, title: &str| (id.into(), lang.into(), title.into());
        assert_eq!(
            newest("fr", ""),
            [
                row("ecoute", "fr", "Écoute active"),
                row("strategie", "fr", "Stratégie de mobilisation")
            ]
        );
        // « Écoute active » has no English text: shown in French, which it was written in.
        assert_eq!(
            newest("en", ""),
            [
                row("ecoute", "fr", "Écoute active"),
                row("strategie", "en", "Mobilisation strategy")
            ]
        );
        assert_eq!(
            newest("en", "formation"),
            [row("strategie", "en", "Mobilisation strategy")]
        );
        assert_eq!(newest("en", "nothing"), []);
        let mut statement = conn.prepare(&search_sql()).expect("statement");
        let with_offering: Vec<String> = statement
            .query_map(params!["\"strat\"*", "fr", 20, "formation"], |row| {
                row.get(0)
            })
            .expect("query")
            .collect::<Result<_, _>>()
            .expect("rows");
        assert_eq!(with_offering, ["strategie"]);
    }

    #[test]
    fn the_index_follows_changes_and_deletions() {
        let conn = library();
        conn.execute(
            "UPDATE resource_text SET title = 'Écoute et présence' WHERE resource_id = 'ecoute'",
            [],
        )
        .expect("update");
        assert_eq!(search(&conn, "presence", "fr"), ["ecoute"]);
        assert_eq!(search(&conn, "active", "fr"), Vec::<String>::new());
        conn.execute("DELETE FROM resource WHERE id = 'strategie'", [])
            .expect("delete");
        assert_eq!(search(&conn, "strategie", "fr"), ["ecoute"]);
    }

    #[test]
    fn a_restore_without_the_index_finds_the_same_after_a_rebuild() {
        let conn = library();
        let before = search(&conn, "strategie", "fr");
        // What a restore brings back: the texts, and the index created again, empty.
        let index = conn
            .query_row(
                "SELECT sql FROM sqlite_schema WHERE name = 'resource_search'",
                [],
                |row| row.get::<_, String>(0),
            )
            .expect("index definition");
        conn.execute_batch("DROP TABLE resource_search;")
            .expect("drop");
        conn.execute_batch(&index).expect("create");
        assert_eq!(search(&conn, "strategie", "fr"), Vec::<String>::new());
        conn.execute(REBUILD, []).expect("rebuild");
        assert_eq!(search(&conn, "strategie", "fr"), before);
    }
}
