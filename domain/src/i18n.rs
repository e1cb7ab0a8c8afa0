//! UI and API messages from Fluent files (`locales/<code>/*.ftl`), embedded at build time.

use std::collections::{BTreeSet, HashMap};

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use thiserror::Error;
use unic_langid::LanguageIdentifier;

use crate::Lang;

include!(concat!(env!("OUT_DIR"), "/locales.rs"));

#[derive(Debug, Error)]
pub enum I18nError {
    #[error("{lang}/{file} does not parse: {errors}")]
    Parse {
        lang: &'static str,
        file: &'static str,
        errors: String,
    },
    #[error("{lang}/{file} defines {id} twice")]
    Duplicate {
        lang: &'static str,
        file: &'static str,
        id: String,
    },
    #[error("{0} is not a valid language identifier")]
    LanguageId(&'static str),
}

/// The messages of one language, with the default language behind it for any missing id.
pub struct Messages {
    lang: Lang,
    bundle: FluentBundle<FluentResource>,
    fallback: Option<FluentBundle<FluentResource>>,
}

impl Messages {
    pub fn new(lang: Lang) -> Result<Messages, I18nError> {
        let fallback = if lang == Lang::default_lang() {
            None
        } else {
            Some(bundle(Lang::default_lang())?)
        };
        Ok(Messages {
            lang,
            bundle: bundle(lang)?,
            fallback,
        })
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The message `id` with no arguments.
    pub fn get(&self, id: &str) -> String {
        self.format(id, &[])
    }

    /// The message `id` with named arguments. An unknown id yields the id itself, which the
    /// locale tests forbid from ever reaching a release.
    pub fn format(&self, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        let mut fargs = FluentArgs::new();
        for (k, v) in args {
            fargs.set(*k, v.clone());
        }
        for b in std::iter::once(&self.bundle).chain(self.fallback.as_ref()) {
            if let Some(pattern) = b.get_message(id).and_then(|m| m.value()) {
                let mut errors = vec![];
                return b
                    .format_pattern(pattern, Some(&fargs), &mut errors)
                    .into_owned();
            }
        }
        id.to_owned()
    }

    pub fn has(&self, id: &str) -> bool {
        self.bundle.has_message(id)
    }
}

/// The files of `lang`: the app's, with `form-messages` its forms', with
/// `dashboard-messages` its dashboard's, and with `server-messages` the edge's.
fn sources(lang: Lang) -> Vec<(&'static str, &'static str)> {
    let of = |table: &'static [(&'static str, &'static [(&'static str, &'static str)])]| {
        table
            .iter()
            .find(|(code, _)| *code == lang.code())
            .map(|(_, files)| *files)
            .unwrap_or(&[])
    };
    let mut files = of(SOURCES).to_vec();
    if cfg!(feature = "form-messages") {
        files.extend_from_slice(of(FORM_SOURCES));
    }
    if cfg!(feature = "dashboard-messages") {
        files.extend_from_slice(of(DASHBOARD_SOURCES));
    }
    if cfg!(feature = "server-messages") {
        files.extend_from_slice(of(SERVER_SOURCES));
    }
    files
}

fn parse(lang: Lang, file: &'static str, source: &str) -> Result<FluentResource, I18nError> {
    FluentResource::try_new(source.to_owned()).map_err(|(_, errors)| I18nError::Parse {
        lang: lang.code(),
        file,
        errors: format!("{errors:?}"),
    })
}

fn bundle(lang: Lang) -> Result<FluentBundle<FluentResource>, I18nError> {
    let id: LanguageIdentifier = lang
        .code()
        .parse()
        .map_err(|_| I18nError::LanguageId(lang.code()))?;
    let mut bundle = FluentBundle::new(vec![id]);
    // Unicode isolation marks would leak into attributes and tests; our arguments are plain text.
    bundle.set_use_isolating(false);
    for (file, source) in sources(lang) {
        let resource = parse(lang, file, source)?;
        bundle
            .add_resource(resource)
            .map_err(|errors| I18nError::Duplicate {
                lang: lang.code(),
                file,
                id: format!("{errors:?}"),
            })?;
    }
    Ok(bundle)
}

/// Every message id defined for `lang`, for the completeness tests.
pub fn message_ids(lang: Lang) -> Result<BTreeSet<String>, I18nError> {
    let mut ids = BTreeSet::new();
    for (file, source) in sources(lang) {
        let resource = parse(lang, file, source)?;
        for entry in resource.entries() {
            if let fluent_syntax::ast::Entry::Message(m) = entry {
                ids.insert(m.id.name.to_string());
            }
        }
    }
    Ok(ids)
}

/// Ids present in some language but missing in another: `language -> missing ids`.
pub fn missing_messages() -> Result<HashMap<Lang, BTreeSet<String>>, I18nError> {
    let per_lang: Vec<(Lang, BTreeSet<String>)> = Lang::all()
        .map(|l| message_ids(l).map(|ids| (l, ids)))
        .collect::<Result<_, _>>()?;
    let every: BTreeSet<String> = per_lang
        .iter()
        .flat_map(|(_, ids)| ids.iter().cloned())
        .collect();
    Ok(per_lang
        .into_iter()
        .filter_map(|(l, ids)| {
            let missing: BTreeSet<String> = every.difference(&ids).cloned().collect();
            (!missing.is_empty()).then_some((l, missing))
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_locale_parses_and_has_every_message() {
        assert!(Lang::all().count() >= 2, "fr and en at least");
        for lang in Lang::all() {
            Messages::new(lang).unwrap_or_else(|e| panic!("{e}"));
        }
        let missing = missing_messages().unwrap();
        assert!(missing.is_empty(), "messages missing: {missing:?}");
    }

    #[test]
    fn formats_plurals_per_language() {
        let fr = Messages::new(Lang::parse("fr").unwrap()).unwrap();
        let en = Messages::new(Lang::parse("en").unwrap()).unwrap();
        assert_eq!(
            fr.format("sessions-count", &[("count", 1.into())]),
            "1 séance"
        );
        assert_eq!(
            fr.format("sessions-count", &[("count", 5.into())]),
            "5 séances"
        );
        assert_eq!(
            en.format("sessions-count", &[("count", 1.into())]),
            "1 session"
        );
        assert_eq!(
            en.format("sessions-count", &[("count", 5.into())]),
            "5 sessions"
        );
    }

    /// The attendance figures agree with each count: one person is « présent·e », two are
    /// « présent·es » (and French counts zero as one).
    #[cfg(feature = "dashboard-messages")]
    #[test]
    fn attendance_figures_agree_with_their_counts() {
        let figures = |lang: &str, [present, absent, excused, unmarked]: [u32; 4]| {
            Messages::new(Lang::parse(lang).unwrap()).unwrap().format(
                "people-figures",
                &[
                    ("present", present.into()),
                    ("absent", absent.into()),
                    ("excused", excused.into()),
                    ("unmarked", unmarked.into()),
                ],
            )
        };
        assert_eq!(
            figures("fr", [1, 0, 2, 3]),
            "1 présent·e, 0 absent·e, 2 excusé·es, 3 à noter"
        );
        assert_eq!(
            figures("fr", [2, 1, 1, 1]),
            "2 présent·es, 1 absent·e, 1 excusé·e, 1 à noter"
        );
        assert_eq!(
            figures("en", [1, 0, 2, 3]),
            "1 present, 0 absent, 2 excused, 3 to mark"
        );
    }
}
