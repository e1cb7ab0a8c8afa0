use proptest::prelude::*;

use super::*;

const HOUR: Minutes = 60;

/// PIC's « Menu des possibles »: 31 h a year, unused hours carried over for at most one
/// year or up to 62 h in all.
const PIC: Allowance = Allowance {
    per_period: 31 * HOUR,
    carry_over: true,
    total_cap: 62 * HOUR,
};

/// Dynamo's extra hours: up to 30 h to 9 neighbourhoods a year.
const DYNAMO: Pool = Pool {
    places_per_period: 9,
    per_place: 30 * HOUR,
};

fn open(ledger: &mut Vec<Entry>, period: Period) {
    let entries = open_period(&PIC, ledger, period).expect("opens");
    ledger.extend(entries);
}

fn used(ledger: &mut Vec<Entry>, period: Period, minutes: Minutes) {
    let entries = record_use(ledger, Account::Allowance, period, minutes);
    ledger.extend(entries);
}

fn allowance(ledger: &[Entry], period: Period) -> Balance {
    Balance::of(ledger, Account::Allowance, period)
}

#[test]
fn thirty_one_hours_unused_in_year_one_make_sixty_two_in_year_two_never_more() {
    let mut ledger = vec![];
    open(&mut ledger, 2025);
    assert_eq!(allowance(&ledger, 2025).left, 31 * HOUR);
    open(&mut ledger, 2026);
    let year_two = allowance(&ledger, 2026);
    assert_eq!(year_two.left, 62 * HOUR);
    assert_eq!(year_two.carried_in, 31 * HOUR);
    assert_eq!(
        year_two.expiring,
        31 * HOUR,
        "what was carried lapses at the end of 2026"
    );
    assert_eq!(allowance(&ledger, 2025).carried_out, 31 * HOUR);
    assert_eq!(allowance(&ledger, 2025).left, 0);

    // Nothing used for a second year either: still 62 h, never 93.
    open(&mut ledger, 2027);
    let year_three = allowance(&ledger, 2027);
    assert_eq!(year_three.left, 62 * HOUR);
    assert_eq!(
        allowance(&ledger, 2026).expired,
        31 * HOUR,
        "2025's hours lapsed"
    );
}

#[test]
fn hours_carried_from_year_one_expire_at_the_end_of_year_two() {
    let mut ledger = vec![];
    open(&mut ledger, 2025);
    used(&mut ledger, 2025, 11 * HOUR);
    open(&mut ledger, 2026);
    assert_eq!(allowance(&ledger, 2026).carried_in, 20 * HOUR);
    // 2026 uses 5 h: drawn from the 20 h carried, which lapse first.
    used(&mut ledger, 2026, 5 * HOUR);
    let year_two = allowance(&ledger, 2026);
    assert_eq!(year_two.left, 46 * HOUR);
    assert_eq!(year_two.expiring, 15 * HOUR);
    open(&mut ledger, 2027);
    assert_eq!(allowance(&ledger, 2026).expired, 15 * HOUR);
    let year_three = allowance(&ledger, 2027);
    assert_eq!(year_three.carried_in, 31 * HOUR, "2026's own 31 h carry on");
    assert!(ledger.contains(&Entry {
        account: Account::Allowance,
        period: 2027,
        movement: Movement::CarriedIn { from: 2026 },
        minutes: 31 * HOUR,
    }));
    assert!(
        !ledger
            .iter()
            .any(|e| e.movement == (Movement::CarriedIn { from: 2025 }) && e.period == 2027),
        "2025's hours never reach 2027"
    );
}

#[test]
fn hours_beyond_the_allowance_are_recorded_as_paid_by_the_neighbourhood() {
    let mut ledger = vec![];
    open(&mut ledger, 2026);
    used(&mut ledger, 2026, 30 * HOUR);
    let beyond = record_use(&ledger, Account::Allowance, 2026, 3 * HOUR);
    assert_eq!(
        beyond,
        vec![
            Entry {
                account: Account::Allowance,
                period: 2026,
                movement: Movement::Used,
                minutes: HOUR,
            },
            Entry {
                account: Account::Allowance,
                period: 2026,
                movement: Movement::PaidByOrganisation,
                minutes: 2 * HOUR,
            },
        ]
    );
    ledger.extend(beyond);
    let balance = allowance(&ledger, 2026);
    assert_eq!((balance.left, balance.paid_by_organisation), (0, 2 * HOUR));
}

#[test]
fn the_pools_tenth_request_in_a_year_is_refused_while_the_first_nine_are_granted() {
    let mut ledger: Vec<Entry> = vec![];
    let mut answers = vec![];
    for _ in 0..10 {
        let taken = ledger.iter().filter(|e| e.period == 2026).count() as u32;
        let answer = claim_place(&DYNAMO, taken, false, 2026);
        if let Ok(entry) = answer {
            ledger.push(entry);
        }
        answers.push(answer.map(|e| e.minutes));
    }
    assert_eq!(answers[..9], [Ok(30 * HOUR); 9]);
    assert_eq!(answers[9], Err(PoolRefusal::Full));
    assert_eq!(
        claim_place(&DYNAMO, 0, false, 2027).map(|e| e.period),
        Ok(2027),
        "a new year has its nine places"
    );
    assert_eq!(
        claim_place(&DYNAMO, 3, true, 2026),
        Err(PoolRefusal::AlreadyHolds)
    );
}

#[test]
fn a_pool_place_is_held_in_the_year_its_grant_was_written() {
    let place = claim_place(&DYNAMO, 0, false, 2026).expect("a free place");
    let ledger = vec![place];
    assert!(holds_place(&ledger, 2026));
    assert!(!holds_place(&ledger, 2027), "a place is for its year");
    let mut allowance_only = vec![];
    open(&mut allowance_only, 2026);
    assert!(
        !holds_place(&allowance_only, 2026),
        "the allowance's grant is no place"
    );
}

#[test]
fn a_place_given_back_unused_frees_it_for_the_tenth_neighbourhood() {
    // Nine neighbourhoods hold the nine places; the tenth is refused.
    let mut ledgers: Vec<Vec<Entry>> = (0..9)
        .map(|taken| vec![claim_place(&DYNAMO, taken, false, 2026).expect("a free place")])
        .collect();
    let taken =
        |ledgers: &[Vec<Entry>]| ledgers.iter().filter(|l| holds_place(l, 2026)).count() as u32;
    assert_eq!(
        claim_place(&DYNAMO, taken(&ledgers), false, 2026),
        Err(PoolRefusal::Full)
    );
    // The fourth's request is withdrawn before anything was booked: its 30 h go back.
    let returned = return_place(&ledgers[3], 2026).expect("an unused place is given back");
    assert_eq!(returned.movement, Movement::Returned);
    assert_eq!(returned.minutes, 30 * HOUR);
    ledgers[3].push(returned);
    assert!(!holds_place(&ledgers[3], 2026));
    assert_eq!(Balance::of(&ledgers[3], Account::Pool, 2026).left, 0);
    assert_eq!(return_place(&ledgers[3], 2026), None, "given back once");
    // The tenth now gets the place; the fourth could ask again.
    assert!(claim_place(&DYNAMO, taken(&ledgers), false, 2026).is_ok());
    assert!(claim_place(
        &DYNAMO,
        taken(&ledgers),
        holds_place(&ledgers[3], 2026),
        2026
    )
    .is_ok());
}

#[test]
fn a_place_with_hours_booked_or_given_stays_taken() {
    let place = claim_place(&DYNAMO, 0, false, 2026).expect("a free place");
    let booked = Entry {
        movement: Movement::Booked,
        minutes: 2 * HOUR,
        ..place
    };
    assert_eq!(return_place(&[place, booked], 2026), None, "booked on");
    let mut given = vec![place];
    given.extend(record_use(&given, Account::Pool, 2026, 3 * HOUR));
    assert_eq!(return_place(&given, 2026), None, "drawn on");
    assert_eq!(return_place(&[], 2026), None, "no place to give back");
}

#[test]
fn a_period_opens_once() {
    let mut ledger = vec![];
    open(&mut ledger, 2026);
    assert_eq!(
        open_period(&PIC, &ledger, 2026),
        Err(OpenRefusal::AlreadyOpen)
    );
}

#[test]
fn a_booking_is_held_until_released_and_beyond_what_is_left_it_says_so() {
    let mut ledger = vec![];
    open(&mut ledger, 2026);
    let booking = |movement, minutes| Entry {
        account: Account::Allowance,
        period: 2026,
        movement,
        minutes,
    };
    ledger.push(booking(Movement::Booked, 40 * HOUR));
    let balance = allowance(&ledger, 2026);
    assert_eq!(
        (balance.booked, balance.booked_beyond()),
        (40 * HOUR, 9 * HOUR)
    );
    ledger.push(booking(Movement::Released, 40 * HOUR));
    assert_eq!(allowance(&ledger, 2026).booked, 0);
}

/// One thing that may happen to an organisation's hours in a year.
#[derive(Clone, Debug)]
enum Step {
    Use(Minutes),
    Book(Minutes),
    ClaimPlace,
    UsePool(Minutes),
    ReturnPlace,
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        (0..3_000u32).prop_map(Step::Use),
        (1..600u32).prop_map(Step::Book),
        Just(Step::ClaimPlace),
        (0..2_400u32).prop_map(Step::UsePool),
        Just(Step::ReturnPlace),
    ]
}

fn allowance_rules() -> impl Strategy<Value = Allowance> {
    (0..3_000u32, any::<bool>(), 0..9_000u32).prop_map(|(per_period, carry_over, extra)| {
        Allowance {
            per_period,
            carry_over,
            total_cap: per_period + extra,
        }
    })
}

proptest! {
    /// Over years of random use: no balance below zero without an explicit paid entry, no
    /// period holding more than its cap, every minute accounted for, and what is given is
    /// always recorded, drawn or paid.
    #[test]
    fn balances_hold_over_years_of_random_use(
        rules in allowance_rules(),
        years in prop::collection::vec(prop::collection::vec(step(), 0..8), 1..6),
    ) {
        let pool = Pool { places_per_period: 2, per_place: 1_800 };
        let mut ledger: Vec<Entry> = vec![];
        let mut given: u64 = 0;
        for (i, steps) in years.iter().enumerate() {
            let period = 2025 + i as Period;
            ledger.extend(open_period(&rules, &ledger, period).expect("opens"));
            for step in steps {
                match *step {
                    Step::Use(m) => {
                        given += u64::from(m);
                        ledger.extend(record_use(&ledger, Account::Allowance, period, m));
                    }
                    Step::UsePool(m) => {
                        given += u64::from(m);
                        ledger.extend(record_use(&ledger, Account::Pool, period, m));
                    }
                    Step::Book(m) => ledger.push(Entry {
                        account: Account::Allowance, period, movement: Movement::Booked, minutes: m,
                    }),
                    Step::ClaimPlace => {
                        let holds = holds_place(&ledger, period);
                        if let Ok(entry) = claim_place(&pool, u32::from(holds), holds, period) {
                            ledger.push(entry);
                        }
                    }
                    Step::ReturnPlace => ledger.extend(return_place(&ledger, period)),
                }
            }
            for account in [Account::Allowance, Account::Pool] {
                let b = Balance::of(&ledger, account, period);
                // Every minute held is left, used, lapsed or carried out: none made up.
                prop_assert_eq!(
                    u64::from(b.granted + b.carried_in),
                    u64::from(b.left + b.used + b.expired + b.carried_out + b.returned)
                );
                prop_assert!(b.expiring <= b.left);
            }
            let b = Balance::of(&ledger, Account::Allowance, period);
            prop_assert!(b.granted + b.carried_in <= rules.total_cap, "the cap holds: {:?}", b);
            let pool = |movement| ledger.iter().filter(|e| e.account == Account::Pool
                && e.period == period && e.movement == movement).count();
            prop_assert!(pool(Movement::Granted) <= pool(Movement::Returned) + 1, "one place per organisation at a time");
            // Only an untouched place goes back, and with everything it held.
            for (i, e) in ledger.iter().enumerate().filter(|(_, e)| e.movement == Movement::Returned) {
                let before = Balance::of(&ledger[..i], Account::Pool, e.period);
                prop_assert_eq!((before.used, before.booked, before.left), (0, 0, e.minutes));
            }
        }
        // Whatever was given is recorded in full: drawn from a budget or paid.
        let recorded: u64 = ledger.iter()
            .filter(|e| matches!(e.movement, Movement::Used | Movement::PaidByOrganisation))
            .map(|e| u64::from(e.minutes)).sum();
        prop_assert_eq!(recorded, given);
        // Paid only when nothing was left to draw on at that moment.
        for (i, e) in ledger.iter().enumerate() {
            if e.movement == Movement::PaidByOrganisation {
                prop_assert_eq!(Balance::of(&ledger[..i], e.account, e.period).left, 0);
            }
        }
        // Minutes live no longer than the rules say.
        for e in &ledger {
            if let Movement::CarriedIn { from } = e.movement {
                prop_assert!(rules.carry_over);
                prop_assert_eq!(e.period, from + 1);
            }
        }
    }

    /// However many organisations ask, a period's pool never grants more places than it has.
    #[test]
    fn the_pool_never_grants_a_place_too_many(places in 0..12u32, asking in 0..30usize) {
        let pool = Pool { places_per_period: places, per_place: 60 };
        let mut granted = 0u32;
        for _ in 0..asking {
            if claim_place(&pool, granted, false, 2026).is_ok() {
                granted += 1;
            }
        }
        prop_assert_eq!(granted, places.min(asking as u32));
    }
}

#[test]
fn a_year_with_no_request_is_settled_before_the_next_opens() {
    let mut ledger = vec![];
    open(&mut ledger, 2025);
    // Nothing asked in 2026 nor opened: opening 2027 settles 2026 first.
    let opened = open_through(&PIC, &ledger, 2025, 2027);
    ledger.extend_from_slice(&opened);
    assert_eq!(allowance(&ledger, 2026).carried_in, 31 * 60);
    assert_eq!(
        allowance(&ledger, 2026).expired,
        31 * 60,
        "what 2025 carried lapses at 2026's end"
    );
    assert_eq!(
        allowance(&ledger, 2027).carried_in,
        31 * 60,
        "2026's own hours carry once"
    );
    assert_eq!(allowance(&ledger, 2027).left, 62 * 60);
    assert!(
        open_through(&PIC, &ledger, 2025, 2027).is_empty(),
        "opened once"
    );
}

#[test]
fn every_account_and_movement_has_a_name_it_is_read_back_from() {
    for account in Account::ALL {
        assert_eq!(Account::parse(account.as_str()), Some(account));
    }
    let movements = [
        Movement::Granted,
        Movement::Returned,
        Movement::CarriedIn { from: 2025 },
        Movement::Expired,
        Movement::Booked,
        Movement::Released,
        Movement::Used,
        Movement::PaidByOrganisation,
    ];
    for m in movements {
        assert_eq!(Movement::parse(m.as_str(), m.from_period()), Some(m));
    }
    assert_eq!(Movement::parse("carried_in", None), None);
    assert_eq!(Movement::parse("granted", Some(2025)), None);
}
