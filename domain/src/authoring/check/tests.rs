use chrono::{DateTime, Utc};

use super::*;
use crate::authoring::{CostKind, FacilitatorDraft};
use crate::catalog::OfferingKind;
use crate::registration::Question;

fn at(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

fn both(fr: &str, en: &str) -> Localized {
    Localized::new([("fr", fr), ("en", en)])
}

fn lang(code: &str) -> Lang {
    Lang::parse(code).unwrap()
}

fn offering() -> OfferingDraft {
    OfferingDraft {
        kind: Some(OfferingKind::Workshop),
        format: Some(Format::InPerson),
        topics: vec!["digital-inclusion".into()],
        languages: vec!["fr".into()],
        title: both("Ateliers numériques", "Digital skills workshops"),
        summary: both("Pour débuter.", "For beginners."),
        description: both("Des ateliers.", "Workshops."),
        facilitators: vec![FacilitatorDraft {
            person_id: "louis-ramirez".into(),
            role: both("Formateur", "Trainer"),
        }],
        ..Default::default()
    }
}

fn edition() -> EditionDraft {
    EditionDraft {
        registration_mode: Some(RegistrationMode::Open),
        capacity: Some(8),
        format: Some(Format::InPerson),
        location: both("Maison des habitants", "Community centre"),
        instruction_languages: vec!["fr".into()],
        cost: Some(Cost::free()),
        ..Default::default()
    }
}

fn session() -> SessionDraft {
    SessionDraft {
        starts_at: Some(at("2027-03-02T13:00:00Z")),
        ends_at: Some(at("2027-03-02T15:00:00Z")),
        zone: "Europe/Paris".into(),
        ..Default::default()
    }
}

fn fields(refused: &[Refusal]) -> Vec<(&str, &str)> {
    refused.iter().map(|(f, c)| (f.as_str(), *c)).collect()
}

#[test]
fn a_complete_offering_edition_and_session_publish() {
    assert_eq!(offering().check_publish(), []);
    assert_eq!(edition().check_publish(&[session()]), []);
    assert!(offering().completeness().is_complete());
}

#[test]
fn a_missing_english_title_refuses_publishing_not_the_draft() {
    let o = OfferingDraft {
        title: Localized::new([("fr", "Ateliers numériques"), ("en", " \u{200B}")]),
        ..offering()
    };
    assert_eq!(o.check_draft(), []);
    assert_eq!(fields(&o.check_publish()), [("title.en", "required")]);
    let nothing = OfferingDraft::default();
    let refused = nothing.check_publish();
    for field in [
        "kind",
        "format",
        "title.fr",
        "title.en",
        "summary.en",
        "languages",
    ] {
        assert!(
            refused.iter().any(|(f, _)| f == field),
            "{field}: {refused:?}"
        );
    }
}

#[test]
fn a_text_started_in_one_language_is_needed_in_the_other() {
    let o = OfferingDraft {
        audience: Localized::new([("fr", "Les personnes éloignées du numérique.")]),
        ..offering()
    };
    assert_eq!(fields(&o.check_publish()), [("audience.en", "required")]);
    let role = OfferingDraft {
        facilitators: vec![FacilitatorDraft {
            person_id: "louis-ramirez".into(),
            role: Localized::new([("en", "Trainer")]),
        }],
        ..offering()
    };
    assert_eq!(
        fields(&role.check_publish()),
        [("facilitators.0.role.fr", "required")]
    );
}

#[test]
fn same_in_every_language_lets_one_text_through() {
    let o = OfferingDraft {
        title: Localized::new([("fr", "Emancip’Asso")]),
        same_in_every_language: ["title".to_owned()].into(),
        ..offering()
    };
    assert_eq!(o.check_publish(), []);
    // Marked, but empty in every language: still required, as one field.
    let empty = OfferingDraft {
        title: Localized::default(),
        ..o.clone()
    };
    assert_eq!(fields(&empty.check_publish()), [("title", "required")]);
    // Marked, with two different texts: which one would be served?
    let two = OfferingDraft {
        title: both("Emancip’Asso", "Emancip'Asso"),
        ..o.clone()
    };
    assert_eq!(fields(&two.check_draft()), [("title", "texts-differ")]);
    let unknown = OfferingDraft {
        same_in_every_language: ["kind".to_owned()].into(),
        ..offering()
    };
    assert_eq!(
        fields(&unknown.check_draft()),
        [("same_in_every_language", "unknown-field")]
    );
}

#[test]
fn written_in_lets_one_language_through_for_the_edition_and_its_sessions() {
    let english_only = EditionDraft {
        title: Localized::new([("en", "Ravenna month")]),
        location: Localized::new([("en", "University of Bologna, Ravenna campus")]),
        written_in: Some(lang("en")),
        ..edition()
    };
    let s = SessionDraft {
        title: Localized::new([("en", "Opening lecture")]),
        ..session()
    };
    assert_eq!(english_only.check_publish(std::slice::from_ref(&s)), []);
    assert_eq!(s.check_publish(Some(lang("en"))), []);
    // The same edition given in both languages needs French too, its session's included.
    let both_languages = EditionDraft {
        written_in: None,
        ..english_only.clone()
    };
    assert_eq!(
        fields(&both_languages.check_publish(&[s])),
        [
            ("title.fr", "required"),
            ("location.fr", "required"),
            ("sessions.0.title.fr", "required")
        ]
    );
    // Written in French: the English text is extra, the French one is needed.
    let in_french = EditionDraft {
        written_in: Some(lang("fr")),
        ..english_only
    };
    assert_eq!(
        fields(&in_french.check_publish(&[session()])),
        [("title.fr", "required"), ("location.fr", "required")]
    );
}

#[test]
fn an_edition_needs_a_session_its_address_and_its_languages() {
    assert_eq!(
        fields(&edition().check_publish(&[])),
        [("sessions", "required")]
    );
    let cancelled = SessionDraft {
        cancelled: true,
        ..session()
    };
    assert_eq!(
        fields(&edition().check_publish(&[cancelled])),
        [("sessions", "required")]
    );
    let external = EditionDraft {
        registration_mode: Some(RegistrationMode::External),
        instruction_languages: vec![],
        format: Some(Format::Online),
        location: Localized::default(),
        ..edition()
    };
    assert_eq!(
        fields(&external.check_publish(&[session()])),
        [
            ("registration_url", "required"),
            ("instruction_languages", "required")
        ]
    );
    let in_person_nowhere = EditionDraft {
        location: Localized::default(),
        ..edition()
    };
    assert_eq!(
        fields(&in_person_nowhere.check_publish(&[session()])),
        [("location.en", "required"), ("location.fr", "required")]
    );
    let bad_session = SessionDraft {
        ends_at: Some(at("2027-03-02T12:00:00Z")),
        ..session()
    };
    assert_eq!(
        fields(&edition().check_publish(&[session(), bad_session])),
        [("sessions.1.ends_at", "ends-before-starts")]
    );
}

#[test]
fn what_a_draft_refuses() {
    let e = EditionDraft {
        registration_mode: None,
        registration_url: Some("javascript:alert(1)".into()),
        capacity: Some(0),
        confirm_within_hours: Some(24 * 31),
        registration_opens_at: Some(at("2027-02-01T00:00:00Z")),
        registration_closes_at: Some(at("2027-01-01T00:00:00Z")),
        questions: vec![
            Question {
                id: "chatons".into(),
                label: both("Membre ?", "Member?"),
                required: false,
                priority: true,
            },
            Question {
                id: "chatons".into(),
                label: Localized::new([("fr", "Autre\u{202E}")]),
                required: false,
                priority: true,
            },
            Question {
                id: "Pourquoi ?".into(),
                label: Localized::new([("xx-yy", "?")]),
                required: false,
                priority: false,
            },
        ],
        title: Localized::new([
            ("fr", "t".repeat(MAX_TITLE + 1).as_str()),
            ("en", "Two\nlines"),
        ]),
        instruction_languages: vec!["fr".into(), "FR".into(), "français".into(), "pt-BR".into()],
        cost: Some(Cost {
            kind: CostKind::Fee,
            fee_cents: None,
            fee_currency: Some("euros".into()),
            note: Localized::default(),
        }),
        ..edition()
    };
    let mut refused = e.check_draft();
    refused.sort();
    let expected: Vec<(&str, &str)> = vec![
        ("capacity", "out-of-range"),
        ("confirm_within_hours", "out-of-range"),
        ("cost.fee_cents", "required"),
        ("cost.fee_currency", "unknown-currency"),
        ("instruction_languages.1", "duplicate"),
        ("instruction_languages.2", "unknown-language-code"),
        ("questions.1.id", "duplicate"),
        ("questions.1.label.fr", "invalid-text"),
        ("questions.1.priority", "too-many-priority-questions"),
        ("questions.2.id", "invalid-identifier"),
        ("questions.2.label.xx-yy", "unknown-language-code"),
        ("registration_closes_at", "closes-before-opens"),
        ("registration_mode", "required"),
        ("registration_url", "invalid-url"),
        ("title.en", "invalid-text"),
        ("title.fr", "too-long"),
    ];
    assert_eq!(fields(&refused), expected);

    let free_with_a_fee = EditionDraft {
        cost: Some(Cost {
            kind: CostKind::FreeTravelPaid,
            fee_cents: Some(100),
            fee_currency: None,
            note: Localized::default(),
        }),
        capacity: Some(-3),
        ..edition()
    };
    assert_eq!(
        fields(&free_with_a_fee.check_draft()),
        [
            ("capacity", "out-of-range"),
            ("cost.fee_cents", "not-expected")
        ]
    );

    let o = OfferingDraft {
        topics: vec![
            "knitting".into(),
            "digital-inclusion".into(),
            "digital-inclusion".into(),
        ],
        languages: vec!["klingon".into()],
        partner_id: Some("Le Hub".into()),
        facilitators: vec![
            FacilitatorDraft::default(),
            FacilitatorDraft {
                person_id: "a".into(),
                role: Localized::default(),
            },
            FacilitatorDraft {
                person_id: "a".into(),
                role: Localized::default(),
            },
        ],
        ..offering()
    };
    assert_eq!(
        fields(&o.check_draft()),
        [
            ("topics.0", "unknown-topic"),
            ("topics.2", "duplicate"),
            ("languages.0", "unknown-language-code"),
            ("partner_id", "invalid-identifier"),
            ("facilitators.0.person_id", "required"),
            ("facilitators.2.person_id", "duplicate"),
        ]
    );

    let s = SessionDraft {
        starts_at: None,
        // Without the zone table (the app) only the shape is checked: no "/" is refused.
        zone: "Mars Olympus".into(),
        instruction_languages: Some(vec![]),
        ..session()
    };
    assert_eq!(
        fields(&s.check_draft()),
        [
            ("starts_at", "required"),
            ("zone", "unknown-zone"),
            ("instruction_languages", "required")
        ]
    );

    let p = PartnerDraft {
        name: "\u{200B}".into(),
        url: Some("https://bank.example@evil.example/".into()),
        ..Default::default()
    };
    assert_eq!(
        fields(&p.check_draft()),
        [("name", "required"), ("url", "invalid-url")]
    );
    let long = PersonDraft {
        name: "n".repeat(MAX_NAME + 1),
        ..Default::default()
    };
    assert_eq!(fields(&long.check_draft()), [("name", "too-long")]);
}

#[test]
fn addresses_and_language_tags() {
    for good in [
        "https://framasoft.org",
        "https://www.centraide-mtl.org/fr/pic/?a=1#x",
        "http://localhost:8787/fr",
        "https://école.example.fr/inscription",
    ] {
        assert!(is_url(good), "{good}");
    }
    for bad in [
        "framasoft.org",
        "ftp://example.org",
        "https://",
        "https://example",
        "https://exa mple.org",
        "https://example.org/a b",
        "https://user@example.org",
        "https://example.org:99999999",
    ] {
        assert!(!is_url(bad), "{bad}");
    }
    for good in [
        "fr",
        "en",
        "wo",
        "fr-CA",
        "pt-BR",
        "zh-Hant-TW",
        "es-419",
        "sgn-CA",
    ] {
        assert!(is_language_tag(good), "{good}");
    }
    for bad in [
        "",
        "f",
        "fran",
        "français",
        "fr_CA",
        "fr-",
        "en-verylongsubtag",
    ] {
        assert!(!is_language_tag(bad), "{bad}");
    }
}

#[test]
fn completeness_counts_each_needed_field_per_language() {
    // Offering: title, summary, description in two languages, and its delivery languages.
    // (A topic helps readers find it, but is not needed.)
    assert_eq!(
        OfferingDraft::default().completeness(),
        Completeness {
            filled: 0,
            required: 7
        }
    );
    let half = OfferingDraft {
        title: both("Ateliers", "Workshops"),
        summary: Localized::new([("fr", "Pour débuter.")]),
        topics: vec!["digital-inclusion".into()],
        ..Default::default()
    };
    assert_eq!(
        half.completeness(),
        Completeness {
            filled: 3,
            required: 7
        }
    );
    assert_eq!(half.completeness().percent(), 42);
    // The facilitator's role, started in both languages, adds two.
    assert_eq!(
        offering().completeness(),
        Completeness {
            filled: 9,
            required: 9
        }
    );
    // Same in every language: one field for the title.
    let same = OfferingDraft {
        same_in_every_language: ["title".to_owned()].into(),
        ..offering()
    };
    assert_eq!(same.completeness().required, 8);
    // An edition: location ×2, instruction languages, sessions, then each session's texts.
    let e = edition();
    let titled = SessionDraft {
        title: Localized::new([("fr", "Première séance")]),
        ..session()
    };
    assert_eq!(
        e.completeness(std::slice::from_ref(&titled)),
        Completeness {
            filled: 5,
            required: 6
        }
    );
    assert_eq!(
        e.completeness(&[]),
        Completeness {
            filled: 3,
            required: 4
        }
    );
    let one_language = EditionDraft {
        written_in: Some(lang("fr")),
        ..e
    };
    assert_eq!(
        one_language.completeness(&[titled]),
        Completeness {
            filled: 4,
            required: 4
        }
    );
    let network = network_completeness([
        half.completeness(),
        offering().completeness(),
        PersonDraft::default().completeness(),
    ]);
    assert_eq!(
        network,
        Completeness {
            filled: 12,
            required: 17
        }
    );
    assert_eq!(Completeness::default().percent(), 100);
}

#[test]
fn the_meter_is_full_exactly_when_nothing_required_is_missing() {
    let drafts = [
        OfferingDraft::default(),
        offering(),
        OfferingDraft {
            audience: Localized::new([("en", "All")]),
            ..offering()
        },
    ];
    for o in drafts {
        let missing = o.check_publish().iter().any(|(_, c)| *c == "required");
        assert_eq!(o.completeness().is_complete(), !missing, "{o:?}");
    }
}

#[test]
fn people_partners_and_networks() {
    let bio_fr_only = PersonDraft {
        name: "Louis Ramirez".into(),
        bio: Localized::new([("fr", "Militant.")]),
        ..Default::default()
    };
    assert_eq!(
        fields(&bio_fr_only.check_publish()),
        [("bio.en", "required")]
    );
    let same = PersonDraft {
        bio: Localized::new([("fr", "La Fonda.")]),
        same_in_every_language: ["bio".to_owned()].into(),
        ..bio_fr_only
    };
    assert_eq!(same.check_publish(), []);
    let partner = PartnerDraft {
        name: "Animafac".into(),
        url: Some("https://www.animafac.net".into()),
        ..Default::default()
    };
    assert_eq!(partner.check_publish(), []);
    let network = NetworkDraft {
        name: "GGSN".into(),
        description: Localized::new([("en", "A community of practice.")]),
        ..Default::default()
    };
    assert_eq!(fields(&network.check()), [("description.fr", "required")]);
}

/// Every code the checks refuse with is listed in `REFUSAL_CODES`, and has its message.
#[test]
fn every_refusal_code_is_listed() {
    let mut seen: BTreeSet<&str> = BTreeSet::new();
    let bad_edition = EditionDraft {
        registration_url: Some("x".into()),
        capacity: Some(0),
        registration_opens_at: Some(at("2027-02-01T00:00:00Z")),
        registration_closes_at: Some(at("2027-01-01T00:00:00Z")),
        questions: (0..=MAX_QUESTIONS)
            .map(|i| Question {
                id: if i == 0 { "A".into() } else { "q".into() },
                label: Localized::new([("fr", "\u{7}")]),
                required: false,
                priority: true,
            })
            .collect(),
        title: Localized::new([("fr", "t".repeat(MAX_TITLE + 1).as_str()), ("xx1", "?")]),
        instruction_languages: vec!["?".into(), "fr".into(), "fr".into()],
        cost: Some(Cost {
            kind: CostKind::Fee,
            fee_cents: None,
            fee_currency: Some("eur".into()),
            note: Localized::default(),
        }),
        same_in_every_language: ["nope".to_owned()].into(),
        ..Default::default()
    };
    let free_with_fee = EditionDraft {
        cost: Some(Cost {
            kind: CostKind::Free,
            fee_cents: Some(1),
            fee_currency: None,
            note: Localized::default(),
        }),
        title: both("A", "B"),
        same_in_every_language: ["title".to_owned()].into(),
        ..Default::default()
    };
    let bad_session = SessionDraft {
        starts_at: Some(at("2027-02-01T00:00:00Z")),
        ends_at: Some(at("2027-01-01T00:00:00Z")),
        zone: "Nowhere".into(),
        ..Default::default()
    };
    let bad_offering = OfferingDraft {
        topics: vec!["knitting".into()],
        ..Default::default()
    };
    let many_sessions = vec![session(); MAX_SESSIONS + 1];
    for refused in [
        bad_edition.check_publish(&many_sessions),
        free_with_fee.check_draft(),
        bad_session.check_draft(),
        bad_offering.check_publish(),
    ] {
        seen.extend(refused.iter().map(|(_, c)| *c));
    }
    let listed: BTreeSet<&str> = REFUSAL_CODES.iter().copied().collect();
    assert_eq!(seen, listed);
}

#[test]
#[cfg(feature = "server-messages")]
fn every_refusal_code_has_its_message_in_every_language() {
    for lang in Lang::all() {
        let ids = crate::i18n::message_ids(lang).unwrap();
        for code in REFUSAL_CODES {
            assert!(
                ids.contains(&format!("field-{code}")),
                "{lang}: field-{code}"
            );
        }
    }
}

#[test]
#[cfg(feature = "tz")]
fn zones_are_checked_against_the_table() {
    let s = SessionDraft {
        zone: "Mars/Olympus".into(),
        ..session()
    };
    assert_eq!(fields(&s.check_draft()), [("zone", "unknown-zone")]);
    let kathmandu = SessionDraft {
        zone: "Asia/Kathmandu".into(),
        ..session()
    };
    assert_eq!(kathmandu.check_draft(), []);
}

#[test]
fn an_edition_without_a_format_takes_its_offerings() {
    let mut unsaid = EditionDraft {
        format: None,
        location: Localized::default(),
        ..edition()
    };
    unsaid.take_offering_format(Some(Format::InPerson));
    assert_eq!(unsaid.format, Some(Format::InPerson));
    // In person, it needs its place in both languages before it is published.
    let refused = unsaid.check_publish(&[session()]);
    assert!(
        fields(&refused).contains(&("location.fr", "required")),
        "{refused:?}"
    );

    let mut online = EditionDraft {
        format: Some(Format::Online),
        ..unsaid.clone()
    };
    online.take_offering_format(Some(Format::InPerson));
    assert_eq!(online.format, Some(Format::Online), "its own format stays");

    let mut orphan = EditionDraft {
        format: None,
        ..edition()
    };
    orphan.take_offering_format(None);
    assert_eq!(orphan.format, None, "nothing to take: still unsaid");
}

#[test]
fn a_members_only_edition_needs_its_networks_community() {
    let members = EditionDraft {
        visibility: crate::library::Visibility::Members,
        ..edition()
    };
    assert_eq!(members.check_visibility(true), vec![]);
    assert_eq!(
        members.check_visibility(false),
        vec![("visibility".to_owned(), "no-community")]
    );
    assert_eq!(
        edition().check_visibility(false),
        vec![],
        "public: no community needed"
    );
}

fn resource() -> ResourceDraft {
    ResourceDraft {
        kind: Some(crate::library::Kind::Guide),
        topics: vec!["strategy".into()],
        original: Some("en".into()),
        title: both("Stratégie", "Strategy"),
        summary: both("Un guide.", "A guide."),
        translator: Localized::new([("fr", "Élise")]),
        url: Some("https://example.org/guide".into()),
        ..ResourceDraft::default()
    }
}

#[test]
fn a_resource_in_one_language_publishes_and_a_translation_needs_its_translator() {
    let mut english_only = resource();
    english_only.title.0.remove("fr");
    english_only.summary.0.remove("fr");
    english_only.translator = Localized::default();
    assert_eq!(english_only.check_publish(), vec![]);
    assert!(english_only.completeness().is_complete());
    assert_eq!(english_only.languages().collect::<Vec<_>>(), ["en"]);

    assert_eq!(resource().check_publish(), vec![]);
    let mut uncredited = resource();
    uncredited.translator = Localized::default();
    uncredited.summary.0.remove("fr");
    assert_eq!(uncredited.check_draft(), vec![]);
    assert_eq!(
        fields(&uncredited.check_publish()),
        [("summary.fr", "required"), ("translator.fr", "required")]
    );
    // Met: the original, its title, its summary, the link; not: the two of French.
    assert_eq!(uncredited.completeness().percent(), 66);
}

#[test]
fn a_resource_needs_its_kind_its_original_and_something_to_read() {
    let mut r = resource();
    r.kind = None;
    r.original = None;
    r.url = None;
    r.topics.push("strategy".into());
    r.translator.0.insert("de".into(), "Jemand".into());
    assert_eq!(
        fields(&r.check_draft()),
        [
            ("kind", "required"),
            ("topics.1", "duplicate"),
            ("translator.de", "not-expected")
        ]
    );
    let refused = r.check_publish();
    for need in [
        ("original", "required"),
        ("title.", "required"),
        ("url", "required"),
    ] {
        assert!(fields(&refused).contains(&need), "{need:?} in {refused:?}");
    }
    let mut with_body = resource();
    with_body.url = None;
    with_body.body = both("Le texte.", "");
    assert_eq!(with_body.check_publish(), vec![]);
    let mut credited_original = resource();
    credited_original
        .translator
        .0
        .insert("en".into(), "Someone".into());
    assert_eq!(
        fields(&credited_original.check_draft()),
        [("translator.en", "not-expected")]
    );
}

#[test]
fn a_resource_goes_with_each_offering_or_edition_once() {
    let mut linked = resource();
    linked.offerings = vec!["formation".into(), "gouvernance".into()];
    linked.editions = vec!["rencontre-2026-06".into()];
    assert_eq!(linked.check_draft(), vec![]);
    linked.offerings.push("formation".into());
    assert_eq!(
        linked.check_draft(),
        vec![("offerings".to_owned(), "duplicate")]
    );
    linked.offerings.clear();
    linked.editions = (0..=MAX_RESOURCE_LINKS).map(|i| format!("e{i}")).collect();
    assert_eq!(
        linked.check_draft(),
        vec![("editions".to_owned(), "too-many")]
    );
}
