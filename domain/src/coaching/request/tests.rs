use super::*;

const PARTNERS: [&str; 3] = ["dynamo", "niska", "yann-pezzini"];
/// Dynamo's extra hours: a talk with the neighbourhood's Centraide adviser comes first.
const ADVISER: [&str; 1] = ["talked-with-centraide-adviser"];

fn form() -> RequestForm {
    RequestForm {
        subject: Some("Mobiliser les familles du quartier".into()),
        question: Some("Comment garder les parents engagés après la première rencontre ?".into()),
        partner: Some("niska".into()),
        availability: Some("Les mardis soir.".into()),
        languages: vec!["fr".into(), "es".into()],
    }
}

#[test]
fn a_request_needs_a_subject_a_question_and_a_language_and_names_a_partner_of_the_offering() {
    assert_eq!(form().check(&PARTNERS), vec![]);
    let none = RequestForm {
        partner: None,
        availability: None,
        ..form()
    };
    assert_eq!(
        none.check(&PARTNERS),
        vec![],
        "no preference, no availability"
    );
    let empty = RequestForm::default();
    assert_eq!(
        empty.check(&PARTNERS),
        vec![
            ("subject".to_owned(), "required"),
            ("question".to_owned(), "required"),
            ("languages".to_owned(), "required"),
        ]
    );
    let wrong = RequestForm {
        subject: Some("Deux\nlignes".into()),
        question: Some("q".repeat(MAX_QUESTION + 1)),
        partner: Some("ailleurs".into()),
        languages: vec!["fr".into(), "pas une langue".into(), "FR".into()],
        ..form()
    };
    assert_eq!(
        wrong.check(&PARTNERS),
        vec![
            ("subject".to_owned(), "invalid-text"),
            ("question".to_owned(), "too-long"),
            ("partner".to_owned(), "unknown-partner"),
            ("languages.1".to_owned(), "unknown-language-code"),
            ("languages.2".to_owned(), "duplicate"),
        ]
    );
}

fn request<'a>(stage: Stage, confirmed: &'a [&'a str]) -> Request<'a> {
    Request {
        stage,
        checks: &ADVISER,
        confirmed,
        partners: &PARTNERS,
    }
}

#[test]
fn dynamos_extra_hours_wait_for_the_adviser_then_niska_is_assigned_books_and_records() {
    let first = first_stage(&ADVISER);
    assert_eq!(first, Stage::Received);
    let niska = Action::Assign("niska".into());
    assert_eq!(
        next(&request(first, &[]), Actor::Coordinator, &niska),
        Err(Refused::NotNow),
        "no partner before the adviser"
    );
    let confirm = Action::Confirm(ADVISER[0].into());
    assert_eq!(
        next(&request(first, &[]), Actor::Organisation, &confirm),
        Err(Refused::NotYours),
        "a coordinator confirms the talk, not the neighbourhood"
    );
    let ready = next(&request(first, &[]), Actor::Coordinator, &confirm).expect("confirmed");
    assert_eq!(ready, Stage::Ready);
    assert_eq!(
        next(&request(ready, &ADVISER), Actor::Coordinator, &confirm),
        Err(Refused::NotNow),
        "confirmed once"
    );
    let assigned = next(&request(ready, &ADVISER), Actor::Coordinator, &niska).expect("assigned");
    assert_eq!(assigned, Stage::Assigned);
    assert_eq!(
        next(
            &request(assigned, &ADVISER),
            Actor::Partner,
            &Action::Record
        ),
        Err(Refused::NotNow),
        "hours follow a booking"
    );
    let booked = next(&request(assigned, &ADVISER), Actor::Partner, &Action::Book).expect("booked");
    assert_eq!(booked, Stage::Booked);
    assert_eq!(
        next(&request(booked, &ADVISER), Actor::Partner, &Action::Record),
        Ok(Stage::Booked)
    );
    assert_eq!(
        next(
            &request(booked, &ADVISER),
            Actor::Organisation,
            &Action::Withdraw
        ),
        Err(Refused::NotNow),
        "booked coaching is closed, not withdrawn"
    );
    let closed = next(
        &request(booked, &ADVISER),
        Actor::Coordinator,
        &Action::Close,
    )
    .expect("closed");
    for action in [Action::Book, Action::Record, Action::Close, Action::Decline] {
        assert_eq!(
            next(&request(closed, &ADVISER), Actor::Coordinator, &action),
            Err(Refused::NotNow),
            "{action:?} after closing"
        );
    }
}

#[test]
fn an_offering_without_checks_is_ready_when_sent_and_knows_only_its_own_partners() {
    assert_eq!(first_stage(&[]), Stage::Ready);
    let hub = Request {
        stage: Stage::Ready,
        checks: &[],
        confirmed: &[],
        partners: &["hub"],
    };
    assert_eq!(
        next(&hub, Actor::Coordinator, &Action::Assign("niska".into())),
        Err(Refused::Unknown)
    );
    assert_eq!(
        next(
            &hub,
            Actor::Coordinator,
            &Action::Confirm("anything".into())
        ),
        Err(Refused::Unknown)
    );
    assert_eq!(
        next(&hub, Actor::Coordinator, &Action::Assign("hub".into())),
        Ok(Stage::Assigned)
    );
}

#[test]
fn only_the_organisation_withdraws_and_only_a_coordinator_declines_before_anything_is_booked() {
    for stage in [Stage::Received, Stage::Ready, Stage::Assigned] {
        let r = request(stage, &[]);
        assert_eq!(
            next(&r, Actor::Organisation, &Action::Withdraw),
            Ok(Stage::Withdrawn)
        );
        assert_eq!(
            next(&r, Actor::Partner, &Action::Withdraw),
            Err(Refused::NotYours)
        );
        assert_eq!(
            next(&r, Actor::Coordinator, &Action::Decline),
            Ok(Stage::Declined)
        );
        assert_eq!(
            next(&r, Actor::Partner, &Action::Decline),
            Err(Refused::NotYours)
        );
    }
    for stage in [Stage::Declined, Stage::Withdrawn, Stage::Closed] {
        assert!(stage.is_final());
        assert_eq!(
            next(&request(stage, &[]), Actor::Organisation, &Action::Withdraw),
            Err(Refused::NotNow)
        );
    }
}

#[test]
fn stages_read_back_as_written() {
    for stage in Stage::ALL {
        assert_eq!(Stage::parse(stage.as_str()), Some(stage));
    }
    assert_eq!(Stage::parse("pending"), None);
}
