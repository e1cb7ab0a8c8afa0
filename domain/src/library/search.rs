//! What a reader types into the library's search, as an FTS5 query: every word must be
//! found, each as the start of a word ("mobilis" finds « mobilisation »), whatever its accents
//! and case (the index's tokenizer, `unicode61 remove_diacritics 2`, folds both). Words are
//! quoted, so nothing a reader types is read as FTS5 syntax (`AND`, `NEAR`, `-`, `"`, `*`,
//! column filters).

/// The longest query kept, in characters; words beyond it are dropped.
pub const MAX_QUERY: usize = 200;
/// The most words a query keeps.
pub const MAX_WORDS: usize = 12;

/// The FTS5 `MATCH` expression for `input`, or `None` when it holds no word to look for.
///
/// A one-letter word would find nearly everything as a prefix: it is dropped, and so is an
/// elided article or pronoun before an apostrophe (« l’ », « d’ », « qu’ »), which the index
/// holds as a word of its own.
pub fn match_expression(input: &str) -> Option<String> {
    let kept: String = input.chars().take(MAX_QUERY).collect();
    let words: Vec<String> = kept
        .split(|c: char| !(c.is_alphanumeric() || is_apostrophe(c)))
        .flat_map(|word| {
            let parts: Vec<&str> = word.split(is_apostrophe).collect();
            let last = parts.len().saturating_sub(1);
            parts
                .into_iter()
                .enumerate()
                .filter(move |(i, part)| *i == last || part.chars().count() > 2)
                .map(|(_, part)| part)
        })
        .filter(|w| w.chars().count() > 1)
        .take(MAX_WORDS)
        .map(|w| format!("\"{w}\"*"))
        .collect();
    (!words.is_empty()).then(|| words.join(" AND "))
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_word_is_quoted_and_a_prefix() {
        assert_eq!(
            match_expression("stratégie mobilis").as_deref(),
            Some("\"stratégie\"* AND \"mobilis\"*")
        );
    }

    #[test]
    fn elisions_and_punctuation_split_words() {
        assert_eq!(
            match_expression("l’organisation, qu'action!").as_deref(),
            Some("\"organisation\"* AND \"action\"*")
        );
    }

    #[test]
    fn fts5_syntax_typed_by_a_reader_is_only_words() {
        assert_eq!(
            match_expression("title:xy NEAR(\"ab\" bc) -c *").as_deref(),
            Some("\"title\"* AND \"xy\"* AND \"NEAR\"* AND \"ab\"* AND \"bc\"*")
        );
        assert_eq!(match_expression("  \"*-:()  "), None);
        assert_eq!(match_expression(""), None);
    }

    #[test]
    fn long_queries_are_cut() {
        let many = "mot ".repeat(100);
        assert_eq!(
            match_expression(&many).map(|q| q.matches("AND").count() + 1),
            Some(MAX_WORDS)
        );
    }
}
