use super::*;

fn zone(z: &str) -> Option<String> {
    (z == "America/Toronto" || z == "UTC").then(|| z.to_owned())
}

fn request() -> FollowRequest {
    FollowRequest {
        email: Some(" Awa@Example.org ".into()),
        lang: Some("fr".into()),
        zone: Some("America/Toronto".into()),
        offering: Some("hub-ateliers".into()),
        consent: true,
        ..Default::default()
    }
}

fn fields(refused: &[Refusal]) -> Vec<&str> {
    refused.iter().map(|(f, _)| f.as_str()).collect()
}

#[test]
fn a_follow_is_one_purpose_with_consent() {
    let follow = validate(request(), zone).expect("valid");
    assert_eq!(follow.email, "awa@example.org");
    assert_eq!(follow.purpose, Purpose::OfferingDates);
    assert_eq!(follow.subject, "hub-ateliers");
    let network = validate(
        FollowRequest {
            offering: None,
            network: Some("ggsn".into()),
            ..request()
        },
        zone,
    )
    .expect("valid");
    assert_eq!(network.purpose, Purpose::NetworkNews);

    let refused = validate(
        FollowRequest {
            email: Some("not an address".into()),
            consent: false,
            offering: None,
            ..request()
        },
        zone,
    )
    .expect_err("refused");
    assert_eq!(fields(&refused), ["email", "consent", "offering"]);
    assert!(refused.contains(&("consent".into(), "consent-to-purpose")));
    let both = validate(
        FollowRequest {
            network: Some("ggsn".into()),
            ..request()
        },
        zone,
    )
    .expect_err("refused");
    assert_eq!(fields(&both), ["network"]);
    for message in NewsMessage::ALL {
        assert_eq!(NewsMessage::parse(message.as_str()), Some(message));
    }
}

#[cfg(feature = "server-messages")]
#[test]
fn news_says_how_to_stop_in_the_recipients_language() {
    use chrono::NaiveDate;
    let at = |h| {
        NaiveDate::from_ymd_opt(2027, 1, 11)
            .unwrap()
            .and_hms_opt(h, 30, 0)
            .unwrap()
    };
    let facts = NewsFacts {
        purpose: Purpose::OfferingDates,
        subject: "Ateliers du Hub".into(),
        offering: Some("Ateliers du Hub".into()),
        page: Some("https://relais.example.org/fr/offerings/hub-ateliers".into()),
        zone: "America/Toronto".into(),
        sessions: vec![(at(13), at(15))],
        note: None,
        coming: vec![],
        url: "https://relais.example.org/fr/follow/0123?stop".into(),
    };
    let fr = Messages::new(Lang::parse("fr").unwrap()).unwrap();
    let en = Messages::new(Lang::parse("en").unwrap()).unwrap();
    let news = compose(NewsMessage::NewDates, &facts, &fr);
    assert!(news.subject.contains("Ateliers du Hub"));
    let spaced = news.body.replace(['\u{202f}', '\u{a0}'], " ");
    assert!(spaced.contains("13 h 30 – 15 h 30"), "{}", news.body);
    assert!(news.body.contains("en un clic"));
    assert!(news.body.contains(&facts.url));
    assert!(!news.body.contains("mail-"), "{}", news.body);
    let confirm = compose(NewsMessage::Confirm, &facts, &en);
    assert!(confirm.body.contains("Confirm"));
    assert!(confirm.body.contains(&facts.url));
    assert!(!confirm.body.contains("mail-"), "{}", confirm.body);
    let network = compose(
        NewsMessage::NewDates,
        &NewsFacts {
            purpose: Purpose::NetworkNews,
            subject: "GGSN".into(),
            ..facts
        },
        &en,
    );
    assert!(network.body.contains("follow the network"));
}

#[cfg(feature = "server-messages")]
#[test]
fn a_digest_lists_whats_coming_on_the_recipients_clock_after_the_note_and_says_how_to_stop() {
    use chrono::NaiveDate;
    let facts = NewsFacts {
        purpose: Purpose::NetworkNews,
        subject: "GGSN".into(),
        offering: None,
        page: None,
        zone: "Asia/Kolkata".into(),
        sessions: vec![],
        note: Some("Deux rencontres avant l’été.".into()),
        coming: vec![ComingItem {
            title: "Rencontre de la communauté".into(),
            starts: NaiveDate::from_ymd_opt(2027, 2, 9)
                .unwrap()
                .and_hms_opt(19, 30, 0)
                .unwrap(),
            page: "https://relais.example.org/fr/offerings/ggsn-communaute-pratique".into(),
        }],
        url: "https://relais.example.org/fr/follow/0123?stop".into(),
    };
    let fr = Messages::new(Lang::parse("fr").unwrap()).unwrap();
    let digest = compose(NewsMessage::Digest, &facts, &fr);
    assert!(digest.subject.contains("GGSN"), "{}", digest.subject);
    let spaced = digest.body.replace(['\u{202f}', '\u{a0}'], " ");
    assert!(
        spaced.contains("Rencontre de la communauté — mardi 9 février 2027, 19 h 30"),
        "{}",
        digest.body
    );
    assert!(digest.body.contains("Asia/Kolkata"));
    assert!(digest.body.find("Deux rencontres") < digest.body.find("Rencontre de la"));
    assert!(digest.body.contains(&facts.coming[0].page));
    assert!(digest.body.contains(&facts.url));
    assert!(!digest.body.contains("mail-"), "{}", digest.body);
}

#[test]
fn a_digest_goes_out_a_round_at_a_time() {
    assert_eq!(digest_delay_minutes(0), 0);
    assert_eq!(digest_delay_minutes(DIGEST_PER_ROUND - 1), 0);
    assert_eq!(digest_delay_minutes(DIGEST_PER_ROUND), DIGEST_ROUND_MINUTES);
    assert_eq!(
        digest_delay_minutes(3 * DIGEST_PER_ROUND + 1),
        3 * DIGEST_ROUND_MINUTES
    );
}

#[test]
fn a_digest_needs_a_key_and_its_note_in_every_language_or_none() {
    let key = Some("k".to_owned());
    let fine = DigestRequest {
        note: Localized::default(),
        key: key.clone(),
    };
    assert_eq!(fine.check(), vec![]);
    let both = DigestRequest {
        note: Localized::new([("fr", "Bonjour"), ("en", "Hello")]),
        key: key.clone(),
    };
    assert_eq!(both.check(), vec![]);
    let one = DigestRequest {
        note: Localized::new([("fr", "Bonjour")]),
        key: key.clone(),
    };
    assert_eq!(one.check(), vec![("note.en".to_owned(), "required")]);
    let long = DigestRequest {
        note: Localized::new([
            ("fr", "a".repeat(MAX_DIGEST_NOTE + 1).as_str()),
            ("en", "b"),
        ]),
        key: key.clone(),
    };
    assert_eq!(long.check(), vec![("note.fr".to_owned(), "too-long")]);
    let keyless = DigestRequest {
        note: Localized::default(),
        key: None,
    };
    assert_eq!(
        keyless.check(),
        vec![("key".to_owned(), "invalid-idempotency-key")]
    );
    let elsewhere = DigestRequest {
        note: Localized::new([("xx", "?")]),
        key,
    };
    assert!(elsewhere
        .check()
        .contains(&("note.xx".to_owned(), "not-expected")));
}
