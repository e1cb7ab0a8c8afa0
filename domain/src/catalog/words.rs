//! An edition in a reader's words: its facts ("Application", "20 places", "5 sessions"), the
//! languages it is taught in ("Taught in English"), "This edition is presented in French
//! only", amounts of money, its cost ("Free — travel and lodging paid by participants"). The
//! edge composes them once, in the reader's language, and serves them ready to show: the app
//! ships no formatting code and none of these messages.
//!
//! The languages' and costs' messages are the edge's (`api.ftl`, the `server-messages`
//! feature); language names are `lang-<code>` for each of `DELIVERY_LANGUAGES`, which the
//! app's filters share, and the other facts' messages are the app's own.

use crate::authoring::CostKind;
use crate::catalog::{Edition, EditionCost, DELIVERY_LANGUAGES};
use crate::i18n::Messages;
use crate::Lang;

/// A language's name in the reader's words, for any tag authoring accepts (any well-formed
/// BCP 47 tag). The languages offerings are delivered in have names (`lang-<code>`); a tag
/// with a region or script is named after its language (`pt-BR`: "Portuguese (pt-BR)"); any
/// other tag is shown as written.
pub fn language_name(tag: &str, m: &Messages) -> String {
    let primary = tag.split('-').next().unwrap_or(tag).to_ascii_lowercase();
    if !DELIVERY_LANGUAGES.contains(&primary.as_str()) {
        return tag.to_owned();
    }
    let name = m.get(&format!("lang-{primary}"));
    if tag.eq_ignore_ascii_case(&primary) {
        name
    } else {
        format!("{name} ({tag})")
    }
}

/// "Taught in English and French" for the languages an edition (or a session) is taught in,
/// in the order given; `None` when none is said.
pub fn taught_in(tags: &[String], m: &Messages) -> Option<String> {
    let items: Vec<String> = tags
        .iter()
        .map(|tag| {
            m.format(
                "taught-in-language",
                &[("language", language_name(tag, m).into())],
            )
        })
        .collect();
    let (last, first) = items.split_last()?;
    let languages = if first.is_empty() {
        last.clone()
    } else {
        m.format(
            "list-and",
            &[("first", first.join(", ").into()), ("last", last.into())],
        )
    };
    Some(m.format("taught-in", &[("languages", languages.into())]))
}

/// "This edition is presented in French only", for a reader of another language than the
/// one an edition is written in; `None` for a reader of that language.
pub fn written_in_notice(written_in: Lang, m: &Messages) -> Option<String> {
    (written_in != m.lang()).then(|| {
        m.format(
            "written-in-only",
            &[("language", language_name(written_in.code(), m).into())],
        )
    })
}

/// The cost in the reader's words: "Free", "Free — travel and lodging paid by participants",
/// "€5,000 — bursaries available". `None` for a fee without its amount (which authoring
/// refuses).
pub fn cost_words(cost: &EditionCost, m: &Messages) -> Option<String> {
    let amount = || {
        Some(money(
            cost.fee_cents?,
            cost.fee_currency.as_deref()?,
            m.lang(),
        ))
    };
    Some(match cost.kind {
        CostKind::Free => m.get("cost-free"),
        CostKind::FreeTravelPaid => m.get("cost-free-travel-paid"),
        CostKind::Fee => amount()?,
        CostKind::FeeWithBursary => {
            m.format("cost-fee-with-bursary", &[("amount", amount()?.into())])
        }
    })
}

/// Whether a reader of `lang` follows an edition taught in `tags` (`fr-CA` is French).
pub fn taught_in_language(tags: &[String], lang: Lang) -> bool {
    tags.iter().any(|tag| Lang::parse(tag) == Some(lang))
}

/// What a page says of `edition`, a line each, in the reader's words: how people get a place
/// (until it has `ended`), its format, its places, its sessions, the languages it is taught
/// in and its cost.
pub fn edition_facts(edition: &Edition, ended: bool, m: &Messages) -> Vec<String> {
    let mode = edition.registration_mode.as_str();
    [
        (!ended).then(|| m.get(&format!("registration-{mode}"))),
        Some(m.get(&format!("format-{}", edition.format.as_str()))),
        edition
            .capacity
            .map(|c| m.format("places-total", &[("count", c.into())])),
        Some(m.format(
            "sessions-count",
            &[("count", edition.sessions.len().into())],
        )),
        taught_in(&edition.instruction_languages, m),
        edition.cost.as_ref().and_then(|c| cost_words(c, m)),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// What a catalog card says of an offering's next edition besides its first session: the
/// languages it is taught in when the reader's is not among them, and its cost.
pub fn card_facts(edition: &Edition, m: &Messages) -> Vec<String> {
    let languages = &edition.instruction_languages;
    [
        (!taught_in_language(languages, m.lang()))
            .then(|| taught_in(languages, m))
            .flatten(),
        edition.cost.as_ref().and_then(|c| cost_words(c, m)),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// Non-breaking space: between an amount and its symbol in French.
const NBSP: char = '\u{a0}';
/// Narrow non-breaking space: French groups thousands with it.
const NNBSP: char = '\u{202f}';

/// Currencies whose smallest unit is the unit itself (ISO 4217 minor units 0); every other
/// one is counted in hundredths.
const WHOLE_UNIT_CURRENCIES: &[&str] = &[
    "BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "VND", "VUV",
    "XAF", "XOF", "XPF",
];

/// An amount given in the currency's smallest unit (`cents`), as the reader writes money: in
/// French « 150 $ », « 5 000 € », « 12,50 € » (thousands grouped with a narrow non-breaking
/// space, a non-breaking space before the symbol), in English "$150", "€5,000", "€12.50".
/// Cents are shown when there are any. Dollars are Canadian unless they say otherwise
/// (USD: « 150 $ US », "US$150"); a currency without a symbol here is named by its code
/// (« 150 CHF », "CHF 150").
pub fn money(cents: i64, currency: &str, lang: Lang) -> String {
    let french = lang.code() == "fr";
    let hundredths = !WHOLE_UNIT_CURRENCIES.contains(&currency);
    let magnitude = cents.unsigned_abs();
    let (units, rest) = if hundredths {
        (magnitude / 100, magnitude % 100)
    } else {
        (magnitude, 0)
    };
    let (group, decimal) = if french { (NNBSP, ',') } else { (',', '.') };
    let mut number = grouped(units, group);
    if rest != 0 {
        number.push(decimal);
        number.push_str(&format!("{rest:02}"));
    }
    let sign = if cents < 0 { "-" } else { "" };
    let symbol = match (currency, french) {
        ("EUR", _) => Some("€"),
        ("CAD", _) => Some("$"),
        ("GBP", _) => Some("£"),
        ("USD", true) => Some("$\u{a0}US"),
        ("USD", false) => Some("US$"),
        _ => None,
    };
    match (french, symbol) {
        (true, Some(symbol)) => format!("{sign}{number}{NBSP}{symbol}"),
        (true, None) => format!("{sign}{number}{NBSP}{currency}"),
        (false, Some(symbol)) => format!("{sign}{symbol}{number}"),
        (false, None) => format!("{sign}{currency}{NBSP}{number}"),
    }
}

/// `n` with its digits grouped by three.
fn grouped(n: u64, separator: char) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(digit);
    }
    out
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
    fn money_in_french() {
        assert_eq!(money(15_000, "CAD", fr()), "150\u{a0}$");
        assert_eq!(money(15_000, "EUR", fr()), "150\u{a0}€");
        assert_eq!(money(500_000, "EUR", fr()), "5\u{202f}000\u{a0}€");
        assert_eq!(money(1_250, "EUR", fr()), "12,50\u{a0}€");
        assert_eq!(money(15_005, "CAD", fr()), "150,05\u{a0}$");
        assert_eq!(
            money(123_456_789, "CAD", fr()),
            "1\u{202f}234\u{202f}567,89\u{a0}$"
        );
        assert_eq!(money(15_000, "USD", fr()), "150\u{a0}$\u{a0}US");
        assert_eq!(money(15_000, "CHF", fr()), "150\u{a0}CHF");
        assert_eq!(money(5_000, "XOF", fr()), "5\u{202f}000\u{a0}XOF");
        assert_eq!(money(0, "EUR", fr()), "0\u{a0}€");
    }

    #[test]
    fn money_in_english() {
        assert_eq!(money(15_000, "CAD", en()), "$150");
        assert_eq!(money(15_000, "EUR", en()), "€150");
        assert_eq!(money(500_000, "EUR", en()), "€5,000");
        assert_eq!(money(1_250, "EUR", en()), "€12.50");
        assert_eq!(money(123_456_789, "GBP", en()), "£1,234,567.89");
        assert_eq!(money(15_000, "USD", en()), "US$150");
        assert_eq!(money(15_000, "CHF", en()), "CHF\u{a0}150");
        assert_eq!(money(5_000, "JPY", en()), "JPY\u{a0}5,000");
        assert_eq!(money(999, "CAD", en()), "$9.99");
        assert_eq!(money(-1_250, "EUR", en()), "-€12.50");
    }

    #[test]
    fn digits_are_grouped_by_three() {
        assert_eq!(grouped(0, ','), "0");
        assert_eq!(grouped(999, ','), "999");
        assert_eq!(grouped(1_000, ','), "1,000");
        assert_eq!(grouped(100_000, ','), "100,000");
        assert_eq!(grouped(1_000_000, ','), "1,000,000");
    }

    #[test]
    fn languages_are_named_in_the_readers_words() {
        let (fr, en) = (Messages::new(fr()).unwrap(), Messages::new(en()).unwrap());
        assert_eq!(language_name("en", &fr), "anglais");
        assert_eq!(language_name("en", &en), "English");
        assert_eq!(language_name("es", &fr), "espagnol");
        assert_eq!(language_name("pt", &en), "Portuguese");
        assert_eq!(language_name("pt-BR", &en), "Portuguese (pt-BR)");
        assert_eq!(language_name("FR", &en), "French");
        // Any tag authoring accepts has a name: the tag itself when Relais knows no other.
        assert_eq!(language_name("wo", &fr), "wo");
        assert_eq!(language_name("zh-Hant-TW", &en), "zh-Hant-TW");
        // Every language offerings are delivered in is named, differently in each language.
        for code in DELIVERY_LANGUAGES {
            assert_ne!(language_name(code, &fr), *code);
            assert_ne!(language_name(code, &fr), language_name(code, &en));
        }
    }

    #[cfg(feature = "server-messages")]
    #[test]
    fn instruction_languages_in_words() {
        let (fr, en) = (Messages::new(fr()).unwrap(), Messages::new(en()).unwrap());
        let tags = |t: &[&str]| t.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(taught_in(&tags(&[]), &fr), None);
        assert_eq!(taught_in(&tags(&["en"]), &fr).unwrap(), "Donnée en anglais");
        assert_eq!(taught_in(&tags(&["en"]), &en).unwrap(), "Taught in English");
        assert_eq!(
            taught_in(&tags(&["en", "fr"]), &fr).unwrap(),
            "Donnée en anglais et en français"
        );
        assert_eq!(
            taught_in(&tags(&["fr", "es", "pt-BR"]), &en).unwrap(),
            "Taught in French, Spanish and Portuguese (pt-BR)"
        );
        assert_eq!(
            taught_in(&tags(&["wo", "fr"]), &fr).unwrap(),
            "Donnée en wo et en français"
        );
    }

    #[cfg(feature = "server-messages")]
    #[test]
    fn one_language_editions_are_said_to_the_other_languages_readers() {
        let (french, english) = (fr(), en());
        let (fr, en) = (
            Messages::new(french).unwrap(),
            Messages::new(english).unwrap(),
        );
        assert_eq!(
            written_in_notice(french, &en).unwrap(),
            "This edition is presented in French only"
        );
        assert_eq!(
            written_in_notice(english, &fr).unwrap(),
            "Cette édition est présentée en anglais seulement"
        );
        assert_eq!(written_in_notice(french, &fr), None);
        assert_eq!(written_in_notice(english, &en), None);
    }

    #[cfg(feature = "server-messages")]
    #[test]
    fn cost_in_words() {
        let (fr, en) = (Messages::new(fr()).unwrap(), Messages::new(en()).unwrap());
        let cost = |kind, cents: Option<i64>, currency: Option<&str>| EditionCost {
            kind,
            fee_cents: cents,
            fee_currency: currency.map(str::to_owned),
        };
        let free = cost(CostKind::Free, None, None);
        assert_eq!(cost_words(&free, &fr).unwrap(), "Gratuit");
        assert_eq!(cost_words(&free, &en).unwrap(), "Free");
        let travel = cost(CostKind::FreeTravelPaid, None, None);
        assert_eq!(
            cost_words(&travel, &fr).unwrap(),
            "Gratuit — déplacement et hébergement à la charge des participant·es"
        );
        assert_eq!(
            cost_words(&travel, &en).unwrap(),
            "Free — travel and lodging paid by participants"
        );
        let fee = cost(CostKind::Fee, Some(15_000), Some("CAD"));
        assert_eq!(cost_words(&fee, &fr).unwrap(), "150\u{a0}$");
        assert_eq!(cost_words(&fee, &en).unwrap(), "$150");
        let bursary = cost(CostKind::FeeWithBursary, Some(500_000), Some("EUR"));
        assert_eq!(
            cost_words(&bursary, &fr).unwrap(),
            "5\u{202f}000\u{a0}€ — bourses possibles"
        );
        assert_eq!(
            cost_words(&bursary, &en).unwrap(),
            "€5,000 — bursaries available"
        );
        assert_eq!(cost_words(&cost(CostKind::Fee, None, None), &en), None);
    }

    #[cfg(feature = "server-messages")]
    fn edition(languages: &[&str], cost: Option<EditionCost>) -> Edition {
        use crate::catalog::{Format, RegistrationMode};
        Edition {
            id: "e".into(),
            title: None,
            registration_mode: RegistrationMode::Application,
            capacity: Some(20),
            location: None,
            format: Format::InPerson,
            sessions: vec![],
            instruction_languages: languages.iter().map(|s| s.to_string()).collect(),
            written_in: None,
            cost,
            cost_note: None,
            facts: vec![],
            written_in_notice: None,
        }
    }

    #[cfg(feature = "server-messages")]
    #[test]
    fn an_editions_facts_in_a_line_each() {
        let (fr, en) = (Messages::new(fr()).unwrap(), Messages::new(en()).unwrap());
        let travel = EditionCost {
            kind: CostKind::FreeTravelPaid,
            fee_cents: None,
            fee_currency: None,
        };
        let e = edition(&["fr"], Some(travel));
        let facts = edition_facts(&e, false, &en);
        assert_eq!(facts.len(), 6, "{facts:?}");
        assert_eq!(facts[0], en.get("registration-application"));
        assert_eq!(facts[1], en.get("format-in_person"));
        assert_eq!(
            &facts[4..],
            [
                "Taught in French",
                "Free — travel and lodging paid by participants"
            ]
        );
        // An edition that has ended takes no registration; one with nothing said says less.
        let ended = edition_facts(&edition(&[], None), true, &fr);
        assert_eq!(ended.len(), 3, "{ended:?}");
        assert_eq!(ended[0], fr.get("format-in_person"));
    }

    #[cfg(feature = "server-messages")]
    #[test]
    fn cards_say_the_languages_only_when_the_reader_does_not_follow_them() {
        let (fr, en) = (Messages::new(fr()).unwrap(), Messages::new(en()).unwrap());
        let free = || EditionCost {
            kind: CostKind::Free,
            fee_cents: None,
            fee_currency: None,
        };
        let english = edition(&["en"], Some(free()));
        assert_eq!(card_facts(&english, &fr), ["Donnée en anglais", "Gratuit"]);
        assert_eq!(card_facts(&english, &en), ["Free"]);
        let both = edition(&["en", "fr-CA"], None);
        assert!(card_facts(&both, &fr).is_empty());
        assert!(card_facts(&both, &en).is_empty());
        assert_eq!(
            card_facts(&edition(&["es"], None), &en),
            ["Taught in Spanish"]
        );
        assert!(card_facts(&edition(&[], None), &en).is_empty());
    }
}
