use super::*;

fn en() -> Lang {
    Lang::parse("en").unwrap()
}

fn fr() -> Lang {
    Lang::parse("fr").unwrap()
}

fn fields(refused: &[Refusal]) -> Vec<(&str, &str)> {
    refused.iter().map(|(f, c)| (f.as_str(), *c)).collect()
}

#[test]
fn an_invitation_names_an_address_and_a_role_in_a_language() {
    let ok = validate_invitation(
        &InvitationRequest {
            email: Some("  Ana@Example.ORG ".into()),
            role: Some("facilitator".into()),
            partner: Some("ignored for this role".into()),
            lang: None,
        },
        fr(),
    )
    .unwrap();
    assert_eq!(ok.email, "ana@example.org");
    assert_eq!(ok.role, Some(Role::Facilitator));
    assert_eq!(ok.partner, None, "only a partner's role names a partner");
    assert_eq!(ok.lang, fr(), "the inviter's language by default");
    let refused = validate_invitation(
        &InvitationRequest {
            email: Some("not an address".into()),
            role: Some("administrator".into()),
            partner: None,
            lang: Some("xx".into()),
        },
        fr(),
    )
    .unwrap_err();
    assert_eq!(
        fields(&refused),
        [
            ("email", "invalid-email"),
            ("role", "unknown-role"),
            ("lang", "unknown-language")
        ]
    );
    let missing = validate_invitation(&InvitationRequest::default(), en()).unwrap_err();
    assert_eq!(
        fields(&missing),
        [("email", "required"), ("role", "required")]
    );
}

#[test]
fn a_partner_is_invited_for_one_partner_and_only_by_invitation() {
    let asked = |partner: Option<&str>| InvitationRequest {
        email: Some("niska@example.org".into()),
        role: Some("partner".into()),
        partner: partner.map(str::to_owned),
        lang: None,
    };
    let ok = validate_invitation(&asked(Some(" niska ")), fr()).unwrap();
    assert_eq!(ok.role, Some(Role::Partner));
    assert_eq!(ok.partner.as_deref(), Some("niska"));
    for missing in [None, Some("  ")] {
        let refused = validate_invitation(&asked(missing), fr()).unwrap_err();
        assert_eq!(fields(&refused), [("partner", "required")]);
    }
    // Another role cannot become a partner's: it would not say which partner.
    let change = RoleChange {
        role: Some("partner".into()),
    };
    assert_eq!(
        fields(&validate_role_change(&change).unwrap_err()),
        [("role", "partner-by-invitation")]
    );
    let change = RoleChange {
        role: Some("coordinator".into()),
    };
    assert_eq!(validate_role_change(&change), Ok(Role::Coordinator));
}

#[test]
fn an_administrator_is_invited_only_when_said_so() {
    let request = AdministratorInvitationRequest {
        email: Some("admin@example.org".into()),
        administrator: Some(true),
        lang: Some("en".into()),
    };
    let ok = validate_administrator_invitation(&request, fr()).unwrap();
    assert_eq!((ok.role, ok.lang), (None, en()));
    for administrator in [None, Some(false)] {
        let refused = validate_administrator_invitation(
            &AdministratorInvitationRequest {
                administrator,
                ..request.clone()
            },
            fr(),
        )
        .unwrap_err();
        assert_eq!(fields(&refused), [("administrator", "must-be-true")]);
    }
}

#[test]
fn accepting_a_link_asks_what_its_use_needs() {
    let new = |name: &str, password: &str| LinkAcceptance {
        name: Some(name.into()),
        password: Some(password.into()),
    };
    let ok =
        validate_acceptance(&new(" Ana ", "a long enough password"), LinkUse::NewAccount).unwrap();
    assert_eq!(ok.name.as_deref(), Some("Ana"));
    assert_eq!(
        fields(&validate_acceptance(&new("  ", "short"), LinkUse::NewAccount).unwrap_err()),
        [("name", "required"), ("password", "password-too-short")]
    );
    assert_eq!(
        fields(
            &validate_acceptance(
                &new("a\u{202E}b", "a long enough password"),
                LinkUse::NewAccount
            )
            .unwrap_err()
        ),
        [("name", "invalid-text")]
    );
    assert_eq!(
        fields(
            &validate_acceptance(
                &new(&"é".repeat(101), "a long enough password"),
                LinkUse::NewAccount
            )
            .unwrap_err()
        ),
        [("name", "too-long")]
    );
    // An existing account proves itself with its password, whatever it is; no name asked.
    let existing = validate_acceptance(&new("", "old"), LinkUse::ExistingAccount).unwrap();
    assert_eq!((existing.name, existing.password.as_str()), (None, "old"));
    assert_eq!(
        fields(
            &validate_acceptance(&LinkAcceptance::default(), LinkUse::ExistingAccount).unwrap_err()
        ),
        [("password", "required")]
    );
    assert_eq!(
        fields(&validate_acceptance(&new("", "short"), LinkUse::NewPassword).unwrap_err()),
        [("password", "password-too-short")]
    );
}

#[test]
fn a_network_is_never_left_without_a_coordinator_by_its_own_people() {
    use MembershipChange::*;
    let changes = [NewRole(Role::Coordinator), NewRole(Role::Facilitator), Ends];
    for current in Role::ALL {
        for change in changes {
            for coordinators in 0..4 {
                let allowed = keeps_a_coordinator(current, change, coordinators, false);
                let last_coordinator_goes = current == Role::Coordinator
                    && change != NewRole(Role::Coordinator)
                    && coordinators <= 1;
                assert_eq!(
                    allowed, !last_coordinator_goes,
                    "{current:?} {change:?} {coordinators}"
                );
                assert!(keeps_a_coordinator(current, change, coordinators, true));
            }
        }
    }
}

#[test]
fn a_network_has_a_slug_a_name_and_texts_in_known_languages() {
    let good = NewNetwork {
        id: Some("reseau-2026".into()),
        name: Some(" Réseau ".into()),
        description: Localized::new([("fr", "Un réseau"), ("en", " A network ")]),
        url: Some("https://example.org/reseau".into()),
    };
    let checked = validate_network(&good).unwrap();
    assert_eq!(checked.name, "Réseau");
    assert_eq!(checked.description.0["en"], "A network");
    for id in [
        "",
        "a",
        "Reseau",
        "re--seau",
        "-reseau",
        "reseau-",
        "réseau",
        &"a".repeat(61),
    ] {
        let refused = validate_network(&NewNetwork {
            id: Some(id.into()),
            ..good.clone()
        })
        .unwrap_err();
        let code = if id.is_empty() {
            "required"
        } else {
            "invalid-slug"
        };
        assert_eq!(fields(&refused), [("id", code)], "{id:?}");
    }
    assert!(is_slug("ab") && is_slug(&"a".repeat(60)) && is_slug("ggsn-2"));
    let refused = validate_network(&NewNetwork {
        name: Some(String::new()),
        description: Localized(
            [
                ("xx".to_owned(), "?".to_owned()),
                ("en".to_owned(), "x".repeat(MAX_NETWORK_DESCRIPTION + 1)),
            ]
            .into(),
        ),
        url: Some("javascript:alert(1)".into()),
        ..good.clone()
    })
    .unwrap_err();
    assert_eq!(
        fields(&refused),
        [
            ("name", "required"),
            ("description.en", "too-long"),
            ("description.xx", "unknown-language"),
            ("url", "invalid-url")
        ]
    );
    for url in ["https://a.org", "http://a.b.org/x?y#z"] {
        assert!(is_web_url(url), "{url}");
    }
    for url in [
        "ftp://a.org",
        "https://",
        "https://localhost",
        "https://a.org/a b",
        "a.org",
    ] {
        assert!(!is_web_url(url), "{url}");
    }
}

#[test]
fn links_last_a_week_for_an_invitation_and_an_hour_for_a_reset() {
    assert_eq!(LinkPurpose::Invitation.lifetime(), TimeDelta::days(7));
    assert_eq!(LinkPurpose::PasswordReset.lifetime(), TimeDelta::hours(1));
    for purpose in LinkPurpose::ALL {
        assert_eq!(LinkPurpose::parse(purpose.as_str()), Some(purpose));
    }
    for message in AccountMessage::ALL {
        assert_eq!(AccountMessage::parse(message.as_str()), Some(message));
    }
}

#[cfg(feature = "server-messages")]
#[test]
fn account_messages_carry_the_link_in_the_recipients_language_and_no_password() {
    let url = "https://relais.example.org/fr/welcome/0123";
    let facts = AccountMessageFacts {
        name: None,
        inviter: Some("Inès".into()),
        network: Some("GGSN".into()),
        role: Some(Role::Coordinator),
        administrator: false,
        url: url.into(),
    };
    let fr_messages = Messages::new(fr()).unwrap();
    let en_messages = Messages::new(en()).unwrap();
    let invitation = compose_account_message(AccountMessage::Invitation, &facts, &fr_messages);
    assert!(
        invitation.subject.contains("GGSN"),
        "{}",
        invitation.subject
    );
    assert!(invitation.body.contains(url));
    assert!(invitation.body.contains("Inès"));
    assert!(invitation.body.contains("coordinat"), "{}", invitation.body);
    assert!(invitation.body.contains('7'), "{}", invitation.body);
    let english = compose_account_message(AccountMessage::Invitation, &facts, &en_messages);
    assert_ne!(english.subject, invitation.subject);
    assert!(english.body.contains(url));
    let administrator = compose_account_message(
        AccountMessage::Invitation,
        &AccountMessageFacts {
            network: None,
            role: None,
            administrator: true,
            inviter: None,
            ..facts.clone()
        },
        &en_messages,
    );
    assert!(!administrator.subject.contains("GGSN"));
    assert!(administrator.body.contains(url));
    let reset = compose_account_message(
        AccountMessage::PasswordReset,
        &AccountMessageFacts {
            name: Some("Ana".into()),
            url: url.into(),
            ..Default::default()
        },
        &fr_messages,
    );
    assert!(reset.body.starts_with("Bonjour Ana,"), "{}", reset.body);
    assert!(reset.body.contains(url));
    for composed in [&invitation, &english, &administrator, &reset] {
        for text in [&composed.subject, &composed.body] {
            // An id left unformatted would show as itself.
            assert!(!text.contains("mail-"), "{text}");
        }
    }
}
