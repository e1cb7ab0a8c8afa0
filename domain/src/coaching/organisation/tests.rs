use super::*;

fn zone(name: &str) -> Option<String> {
    (name == "America/Toronto").then(|| name.to_owned())
}

fn form() -> OrganisationForm {
    OrganisationForm {
        name: Some("  Table de quartier Hochelaga ".into()),
        kind: Some("neighbourhood".into()),
        area: Some("Hochelaga-Maisonneuve".into()),
        contact: ContactForm {
            name: Some("Aminata Diallo".into()),
            email: Some(" Aminata@Example.org ".into()),
            lang: Some("fr".into()),
            zone: Some("America/Toronto".into()),
            consent: true,
        },
        offering: None,
        website: None,
    }
}

#[test]
fn an_organisation_and_its_contact_are_kept_normalised() {
    let o = form().check(zone).expect("valid");
    assert_eq!(o.name, "Table de quartier Hochelaga");
    assert_eq!(o.kind, OrganisationKind::Neighbourhood);
    assert_eq!(o.area, "Hochelaga-Maisonneuve");
    assert_eq!(o.contact.email, "aminata@example.org");
    assert_eq!(o.contact.zone, "America/Toronto");
}

#[test]
fn every_missing_or_wrong_field_is_refused_by_name_the_contacts_under_contact() {
    let refused = OrganisationForm {
        name: Some(" ".into()),
        kind: Some("club".into()),
        area: Some("a\nb".into()),
        contact: ContactForm {
            email: Some("not an address".into()),
            zone: Some("Mars/Olympus".into()),
            ..ContactForm::default()
        },
        ..OrganisationForm::default()
    }
    .check(zone)
    .expect_err("refused");
    for expected in [
        ("name", "required"),
        ("kind", "unknown-organisation-kind"),
        ("contact.name", "required"),
        ("contact.email", "invalid-email"),
        ("contact.lang", "required"),
        ("contact.zone", "unknown-zone"),
        ("contact.consent", "consent-to-purpose"),
    ] {
        assert!(
            refused.iter().any(|(f, c)| (f.as_str(), *c) == expected),
            "{expected:?} in {refused:?}"
        );
    }
    assert!(refused.iter().any(|(f, _)| f == "area"), "{refused:?}");
}

#[test]
fn a_kind_is_read_back_from_its_name() {
    for kind in OrganisationKind::ALL {
        assert_eq!(OrganisationKind::parse(kind.as_str()), Some(kind));
    }
}

#[test]
fn a_person_added_from_the_link_is_checked_as_the_first_contact_refusals_by_their_own_name() {
    let added = check_new_contact(form().contact, "Table de quartier", zone).expect("a contact");
    assert_eq!(added, form().check(zone).expect("checked").contact);
    let refused = check_new_contact(
        ContactForm {
            email: Some("pas une adresse".into()),
            ..ContactForm::default()
        },
        "Table de quartier",
        zone,
    )
    .expect_err("refused");
    let fields: Vec<&str> = refused.iter().map(|(f, _)| f.as_str()).collect();
    for field in ["name", "email", "lang", "zone", "consent"] {
        assert!(fields.contains(&field), "{field} in {fields:?}");
    }
    assert!(fields.iter().all(|f| !f.starts_with("contact.")));
}

#[test]
fn an_organisation_keeps_one_contact_at_least() {
    assert!(!may_remove_contact(0));
    assert!(!may_remove_contact(1), "the last contact stays");
    assert!(may_remove_contact(2));
    assert!(may_remove_contact(MIN_CONTACTS + 1));
}
