use super::*;

fn step(json: serde_json::Value) -> Result<Step, Vec<Refusal>> {
    serde_json::from_value::<StepRequest>(json)
        .expect("a step request")
        .check()
}

#[test]
fn each_step_is_read_with_what_it_carries() {
    assert_eq!(
        step(serde_json::json!({"action": "assign", "partner": "niska"})),
        Ok(Step::Assign("niska".into()))
    );
    assert_eq!(
        step(
            serde_json::json!({"action": "book", "starts_at": "2026-12-08T23:00:00Z", "minutes": 180})
        ),
        Ok(Step::Book {
            starts_at: "2026-12-08T23:00:00Z".parse().expect("instant"),
            minutes: 180
        })
    );
    assert_eq!(
        step(serde_json::json!({"action": "record", "minutes": 180, "booking": "b1"})),
        Ok(Step::Record {
            minutes: 180,
            travel_minutes: 0,
            booking: Some("b1".into())
        })
    );
    assert_eq!(
        step(serde_json::json!({"action": "close"})).map(|s| s.action()),
        Ok(Action::Close)
    );
}

#[test]
fn what_a_step_lacks_or_gets_wrong_is_refused_by_name() {
    let refused = step(serde_json::json!({"action": "book", "starts_at": "mardi", "minutes": 0}))
        .expect_err("refused");
    assert_eq!(
        refused,
        vec![
            ("starts_at".to_owned(), "invalid-date"),
            ("minutes".to_owned(), "duration-out-of-range")
        ]
    );
    assert_eq!(
        step(serde_json::json!({"action": "assign"})),
        Err(vec![("partner".to_owned(), "required")])
    );
    assert_eq!(
        step(serde_json::json!({"action": "record", "minutes": 60, "travel_minutes": 600})),
        Err(vec![("travel_minutes".to_owned(), "duration-out-of-range")])
    );
    assert_eq!(
        step(serde_json::json!({"action": "fly"})),
        Err(vec![("action".to_owned(), "unknown-coaching-action")])
    );
    assert_eq!(
        step(serde_json::json!({})),
        Err(vec![("action".to_owned(), "required")])
    );
}

#[test]
fn travel_counts_only_where_the_programme_says_so() {
    assert_eq!(Step::counted(180, 45, true), 225);
    assert_eq!(Step::counted(180, 45, false), 180);
}

#[test]
fn hours_are_read_as_people_type_them() {
    for (typed, minutes) in [
        ("3", Some(180)),
        (" 1,5 ", Some(90)),
        ("1.5", Some(90)),
        ("1 h 30", Some(90)),
        ("1h", Some(60)),
        ("1:30", Some(90)),
        ("2 h 05 min", Some(125)),
        ("45 min", Some(45)),
        ("0,25", Some(15)),
        ("", None),
        ("trois", None),
        ("1 h 75", None),
        ("-2", None),
    ] {
        assert_eq!(typed_hours(typed), minutes, "{typed:?}");
    }
}
