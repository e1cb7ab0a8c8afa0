use super::*;

fn ggsn() -> Community {
    Community {
        rule: Rule::AtLeastOne,
        criteria: (1..=4)
            .map(|i| {
                Localized::new([
                    ("fr", format!("Critère {i}").as_str()),
                    ("en", format!("Criterion {i}").as_str()),
                ])
            })
            .collect(),
        on_behalf: vec![OnBehalf::Individual, OnBehalf::Organisation],
        questions: vec![],
    }
}

fn application() -> Application {
    Application {
        name: Some("Amina Diallo".into()),
        email: Some(" Amina@Example.org ".into()),
        lang: Some("fr".into()),
        zone: Some("Africa/Dakar".into()),
        region: Some("Sénégal".into()),
        languages: vec!["fr".into(), "wo".into(), "FR".into()],
        on_behalf: Some(OnBehalf::Individual),
        criteria: vec![2, 0, 2],
        consent: true,
        ..Application::default()
    }
}

fn known(zone: &str) -> Option<String> {
    (zone == "Africa/Dakar").then(|| zone.to_owned())
}

#[test]
fn an_application_meeting_one_criterion_is_taken_normalised() {
    let applicant = validate(application(), &ggsn(), known).expect("valid");
    assert_eq!(applicant.person.email, "amina@example.org");
    assert_eq!(applicant.criteria, [0, 2]);
    assert_eq!(applicant.languages, ["fr", "wo"]);
    assert_eq!(applicant.on_behalf, OnBehalf::Individual);
}

#[test]
fn no_criterion_met_a_missing_organisation_and_unknown_ways_are_refused_by_name() {
    let none_met = Application {
        criteria: vec![],
        ..application()
    };
    assert_eq!(
        validate(none_met, &ggsn(), known).unwrap_err(),
        [("criteria".to_owned(), "required")]
    );
    let for_organisation = Application {
        on_behalf: Some(OnBehalf::Organisation),
        organisation: Some("  ".into()),
        ..application()
    };
    assert_eq!(
        validate(for_organisation, &ggsn(), known).unwrap_err(),
        [("organisation".to_owned(), "required")]
    );
    let individuals_only = Community {
        on_behalf: vec![OnBehalf::Individual],
        ..ggsn()
    };
    let refused = validate(
        Application {
            on_behalf: Some(OnBehalf::Organisation),
            organisation: Some("Collectif".into()),
            ..application()
        },
        &individuals_only,
        known,
    )
    .unwrap_err();
    assert_eq!(refused, [("on_behalf".to_owned(), "not-expected")]);
    let beyond = Application {
        criteria: vec![4],
        ..application()
    };
    assert_eq!(
        validate(beyond, &ggsn(), known).unwrap_err(),
        [("criteria".to_owned(), "out-of-range")]
    );
}

#[test]
fn the_person_is_checked_by_the_registration_rules_with_the_community_s_own() {
    let refused = validate(
        Application {
            email: Some("not an address".into()),
            zone: Some("Mars/Olympus".into()),
            consent: false,
            on_behalf: None,
            languages: vec!["not a tag".into()],
            ..application()
        },
        &ggsn(),
        known,
    )
    .unwrap_err();
    let names: Vec<&str> = refused.iter().map(|(f, _)| f.as_str()).collect();
    for field in ["email", "zone", "consent", "on_behalf", "languages.0"] {
        assert!(names.contains(&field), "{field} in {refused:?}");
    }
}

#[test]
fn rules_and_decisions() {
    assert!(Rule::AtLeastOne.is_met(1, 4));
    assert!(!Rule::AtLeastOne.is_met(0, 4));
    assert!(Rule::All.is_met(4, 4));
    assert!(!Rule::All.is_met(3, 4));
    assert_eq!(
        Decision::Accept.apply(Standing::Applied),
        Some(Standing::Member)
    );
    assert_eq!(Decision::Accept.apply(Standing::Declined), None);
    assert_eq!(Decision::Accept.apply(Standing::Member), None);
    assert_eq!(
        Decision::Decline.apply(Standing::Member),
        Some(Standing::Declined)
    );
    assert_eq!(Decision::Accept.from(), [Standing::Applied]);
    assert_eq!(
        Decision::Decline.from(),
        [Standing::Applied, Standing::Member]
    );
    assert!(Standing::Member.is_member() && !Standing::Applied.is_member());
}

#[test]
fn criteria_read_in_the_reader_s_language() {
    let en = Lang::parse("en").expect("en");
    assert_eq!(criteria_in(&ggsn(), en)[3], "Criterion 4");
}

#[test]
fn names_are_stored_as_the_migration_allows() {
    let migration = include_str!("../../../edge/migrations/0014_community.sql");
    let quoted = |name: &str| format!("'{name}'");
    for rule in [Rule::AtLeastOne, Rule::All] {
        assert!(migration.contains(&quoted(rule.as_str())), "{rule:?}");
    }
    for way in [OnBehalf::Individual, OnBehalf::Organisation] {
        assert!(migration.contains(&quoted(way.as_str())), "{way:?}");
    }
    for standing in Standing::ALL {
        assert!(
            migration.contains(&quoted(standing.as_str())),
            "{standing:?}"
        );
    }
}

#[test]
fn a_community_needs_a_way_to_join_and_its_criteria_in_every_language() {
    assert_eq!(ggsn().check(), vec![]);
    let mut half = ggsn();
    half.on_behalf.clear();
    half.criteria[1] = Localized::new([("fr", "Critère 2")]);
    assert_eq!(
        half.check(),
        [
            ("on_behalf".to_owned(), "required"),
            ("criteria.1.en".to_owned(), "required")
        ]
    );
}

#[test]
fn community_messages_round_trip_their_kind() {
    for message in CommunityMessage::ALL {
        assert_eq!(CommunityMessage::parse(message.as_str()), Some(message));
        assert!(message.as_str().starts_with("community_"));
    }
    assert_eq!(
        CommunityMessage::of(Decision::Accept),
        CommunityMessage::Accepted
    );
}

#[cfg(feature = "server-messages")]
#[test]
fn each_message_says_how_to_leave_in_the_members_language() {
    use crate::i18n::Messages;
    let url = "https://relais.example.org/fr/member/0123";
    let with_link = CommunityMessageFacts {
        name: "Awa".into(),
        network: "GGSN".into(),
        url: Some(url.into()),
    };
    let fr = Messages::new(Lang::parse("fr").unwrap()).unwrap();
    let en = Messages::new(Lang::parse("en").unwrap()).unwrap();
    for kind in CommunityMessage::ALL {
        let composed = compose_message(kind, &with_link, &fr);
        assert!(composed.subject.contains("GGSN"), "{kind:?}");
        assert!(composed.body.starts_with("Bonjour Awa"), "{kind:?}");
        assert!(composed.body.contains(url), "{kind:?}");
        assert!(!composed.body.contains("mail-"), "{}", composed.body);
        let english = compose_message(kind, &with_link, &en);
        assert!(english.body.contains("leave the community"), "{kind:?}");
    }
    let declined = compose_message(
        CommunityMessage::Declined,
        &CommunityMessageFacts {
            url: None,
            ..with_link
        },
        &fr,
    );
    assert!(declined.body.contains("quitter la communauté"));
    assert!(!declined.body.contains("https://"));
}
