//! What a reader asks of the catalog: filters and text search, as they appear in the API's
//! query string and in the app's shareable addresses (the same names in both).

use chrono::NaiveDate;

use super::{Format, OfferingKind};

/// The longest search text accepted.
pub const MAX_TEXT: usize = 100;

/// A catalog request's filters; `Default` is "everything, soonest first".
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CatalogQuery {
    pub kind: Option<OfferingKind>,
    /// A network's id: only the offerings it runs.
    pub network: Option<String>,
    /// A topic id, e.g. `community-care` (message `topic-…`).
    pub topic: Option<String>,
    /// A language of delivery, e.g. `es`.
    pub language: Option<String>,
    pub format: Option<Format>,
    /// Next edition starting on or after this day (on the reader's clock when `zone` is set).
    pub from: Option<NaiveDate>,
    /// Next edition starting on or before this day.
    pub to: Option<NaiveDate>,
    /// Only offerings whose next edition keeps out of the reader's night (needs `zone`).
    pub daytime: bool,
    /// Words to find in the title, summary or description, in any language.
    pub text: Option<String>,
    /// The reader's IANA zone: sessions then carry the reader's offsets too.
    pub zone: Option<String>,
}

/// A refused parameter: its name and a reason code (message id `field-<code>`).
pub type Refusal = (&'static str, &'static str);

/// The parameter names, in the order addresses write them.
pub const PARAMS: [&str; 10] = [
    "q", "network", "kind", "topic", "language", "format", "from", "to", "daytime", "tz",
];

impl CatalogQuery {
    /// Reads the filters from query pairs; other parameters (`lang`, `limit`, `cursor`) are
    /// left to the caller. Every bad value is reported, not just the first.
    pub fn parse<'a>(
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<CatalogQuery, Vec<Refusal>> {
        let mut query = CatalogQuery::default();
        let mut refused = vec![];
        for (key, value) in pairs {
            let value = value.trim();
            if value.is_empty() {
                continue;
            }
            match key {
                "q" if value.chars().count() > MAX_TEXT => refused.push(("q", "text-too-long")),
                "q" => query.text = Some(value.to_owned()),
                "network" if is_identifier(value) => query.network = Some(value.to_owned()),
                "network" => refused.push(("network", "unknown-network")),
                "kind" => match OfferingKind::parse(value) {
                    Some(kind) => query.kind = Some(kind),
                    None => refused.push(("kind", "unknown-kind")),
                },
                "format" => match Format::parse(value) {
                    Some(format) => query.format = Some(format),
                    None => refused.push(("format", "unknown-format")),
                },
                "topic" if is_identifier(value) => query.topic = Some(value.to_owned()),
                "topic" => refused.push(("topic", "unknown-topic")),
                "language" if is_language_code(value) => {
                    query.language = Some(value.to_ascii_lowercase())
                }
                "language" => refused.push(("language", "unknown-language-code")),
                "from" | "to" => match parse_day(value) {
                    Ok(day) if key == "from" => query.from = Some(day),
                    Ok(day) => query.to = Some(day),
                    Err(_) if key == "from" => refused.push(("from", "invalid-date")),
                    Err(_) => refused.push(("to", "invalid-date")),
                },
                "daytime" => match value {
                    "1" | "true" => query.daytime = true,
                    "0" | "false" => query.daytime = false,
                    _ => refused.push(("daytime", "invalid-flag")),
                },
                "tz" if (value.len() <= 64 && value.contains('/')) || value == "UTC" => {
                    query.zone = Some(value.to_owned())
                }
                "tz" => refused.push(("tz", "unknown-zone")),
                _ => {}
            }
        }
        if let (Some(from), Some(to)) = (query.from, query.to) {
            if to < from {
                refused.push(("to", "to-before-from"));
            }
        }
        if query.daytime && query.zone.is_none() {
            refused.push(("daytime", "daytime-needs-zone"));
        }
        if refused.is_empty() {
            Ok(query)
        } else {
            Err(refused)
        }
    }

    /// The filters as query pairs, in `PARAMS` order, leaving out what is not set: the same
    /// filters always make the same address (and the same cache key).
    pub fn pairs(&self) -> Vec<(&'static str, String)> {
        let mut out = vec![];
        let mut push = |k: &'static str, v: Option<String>| {
            if let Some(v) = v {
                out.push((k, v));
            }
        };
        push("q", self.text.clone());
        push("network", self.network.clone());
        push("kind", self.kind.map(|k| k.as_str().to_owned()));
        push("topic", self.topic.clone());
        push("language", self.language.clone());
        push("format", self.format.map(|f| f.as_str().to_owned()));
        push("from", self.from.map(|d| d.to_string()));
        push("to", self.to.map(|d| d.to_string()));
        push("daytime", self.daytime.then(|| "1".to_owned()));
        push("tz", self.zone.clone());
        out
    }

    /// Whether any filter narrows the catalog (the zone alone does not).
    pub fn is_filtered(&self) -> bool {
        CatalogQuery {
            zone: None,
            ..self.clone()
        } != CatalogQuery::default()
    }
}

/// `YYYY-MM-DD`, read by hand: chrono's format parser would cost the app's wasm kilobytes.
fn parse_day(s: &str) -> Result<NaiveDate, ()> {
    let mut parts = s.splitn(3, '-');
    let mut number = |digits: usize| {
        parts
            .next()
            .filter(|p| p.len() == digits && p.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|p| p.parse::<u32>().ok())
            .ok_or(())
    };
    let (year, month, day) = (number(4)?, number(2)?, number(2)?);
    NaiveDate::from_ymd_opt(year as i32, month, day).ok_or(())
}

fn is_identifier(s: &str) -> bool {
    s.len() <= 64
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

fn is_language_code(s: &str) -> bool {
    (2..=3).contains(&s.len()) && s.chars().all(|c| c.is_ascii_alphabetic())
}

/// Text folded for search: lower case, Latin accents and ligatures dropped, typographic
/// apostrophes made plain, so « décentralisés » is found by "decentralises".
pub fn search_key(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => out.push('a'),
            'ç' => out.push('c'),
            'è' | 'é' | 'ê' | 'ë' => out.push('e'),
            'ì' | 'í' | 'î' | 'ï' => out.push('i'),
            'ñ' => out.push('n'),
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' => out.push('o'),
            'ù' | 'ú' | 'û' | 'ü' => out.push('u'),
            'ý' | 'ÿ' => out.push('y'),
            'œ' => out.push_str("oe"),
            'æ' => out.push_str("ae"),
            '’' | 'ʼ' | '‘' => out.push('\''),
            '·' | '⋅' | '.' | '-' | '–' | '—' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Whether every word of `query` is in one of `texts` (all folded by `search_key`).
pub fn matches_text<'a>(query: &str, texts: impl IntoIterator<Item = &'a str>) -> bool {
    let haystack: String = texts
        .into_iter()
        .map(search_key)
        .collect::<Vec<_>>()
        .join(" \u{0} ");
    search_key(query)
        .split_whitespace()
        .all(|word| haystack.contains(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(q: &[(&'static str, &'static str)]) -> Result<CatalogQuery, Vec<Refusal>> {
        CatalogQuery::parse(q.iter().copied())
    }

    #[test]
    fn reads_every_filter_and_writes_it_back_in_one_order() {
        let q = parse(&[
            ("tz", "Africa/Lagos"),
            ("kind", "training_series"),
            ("network", "ggsn"),
            ("q", " mouvements "),
            ("from", "2026-12-01"),
            ("to", "2026-12-31"),
            ("daytime", "1"),
            ("format", "online"),
            ("topic", "community-care"),
            ("language", "FR"),
            ("lang", "en"),
            ("limit", "5"),
        ])
        .unwrap();
        assert_eq!(q.kind, Some(OfferingKind::TrainingSeries));
        assert_eq!(q.language.as_deref(), Some("fr"));
        assert!(q.daytime && q.is_filtered());
        let written: Vec<String> = q.pairs().iter().map(|(k, v)| format!("{k}={v}")).collect();
        assert_eq!(
            written.join("&"),
            "q=mouvements&network=ggsn&kind=training_series&topic=community-care&language=fr&format=online\
             &from=2026-12-01&to=2026-12-31&daytime=1&tz=Africa/Lagos"
        );
        assert!(!parse(&[("tz", "Asia/Kathmandu")]).unwrap().is_filtered());
        assert_eq!(parse(&[("kind", "")]).unwrap(), CatalogQuery::default());
    }

    #[test]
    fn reports_every_bad_value() {
        let long = "x".repeat(MAX_TEXT + 1);
        let refused = CatalogQuery::parse([
            ("kind", "party"),
            ("format", "zoom"),
            ("from", "2026-13-01"),
            ("daytime", "yes"),
            ("q", long.as_str()),
            ("topic", "<script>"),
            ("language", "français"),
            ("network", "Le Hub"),
        ])
        .unwrap_err();
        assert_eq!(
            refused,
            vec![
                ("kind", "unknown-kind"),
                ("format", "unknown-format"),
                ("from", "invalid-date"),
                ("daytime", "invalid-flag"),
                ("q", "text-too-long"),
                ("topic", "unknown-topic"),
                ("language", "unknown-language-code"),
                ("network", "unknown-network"),
            ]
        );
        assert_eq!(
            parse(&[("from", "2026-12-10"), ("to", "2026-12-01")]).unwrap_err(),
            vec![("to", "to-before-from")]
        );
        assert_eq!(
            parse(&[("daytime", "1")]).unwrap_err(),
            vec![("daytime", "daytime-needs-zone")]
        );
        assert_eq!(
            parse(&[("tz", "Lagos")]).unwrap_err(),
            vec![("tz", "unknown-zone")]
        );
        for bad in [
            "2026-02-30",
            "2026-2-03",
            "26-02-03",
            "2026-02-03T00",
            "2026/02/03",
        ] {
            assert!(parse_day(bad).is_err(), "{bad}");
        }
        assert_eq!(
            parse_day("2028-02-29"),
            Ok(NaiveDate::from_ymd_opt(2028, 2, 29).unwrap())
        );
    }

    #[test]
    fn search_ignores_case_accents_and_typography() {
        assert!(matches_text(
            "decentralises MOUVEMENTS",
            ["Comment bâtir et soutenir des mouvements décentralisés"]
        ));
        assert!(matches_text("emancip'asso", ["Le projet Emancip’Asso"]));
        assert!(matches_text(
            "militant e s",
            ["Formation pour militant.e.s"]
        ));
        assert!(!matches_text(
            "burnout zoom",
            ["Burnout and community care"]
        ));
        assert!(matches_text("", ["anything"]));
    }
}
