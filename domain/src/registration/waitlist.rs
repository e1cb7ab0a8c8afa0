//! The waiting list's order, and a coordinator's move on it.
//!
//! The line is arrival order: the earliest arrival waiting is promoted first
//! (`edge/src/registration/transitions.rs`), and a person's position counts those waiting
//! who arrived no later. A coordinator moves someone one place up or down the line by
//! exchanging their arrival with their neighbour's in that direction (the next person
//! waiting, whoever arrived in between and is no longer waiting); nobody else's place changes.

use serde::{Deserialize, Serialize};

use super::Status;

/// Which way a person moves on the line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// Towards the front: promoted sooner.
    Up,
    /// Towards the back.
    Down,
}

impl Direction {
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Up => "up",
            Direction::Down => "down",
        }
    }

    pub fn parse(s: &str) -> Option<Direction> {
        [Direction::Up, Direction::Down]
            .into_iter()
            .find(|d| d.as_str() == s)
    }
}

/// `POST /api/dashboard/registrations/{id}/move`'s body.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MoveRequest {
    pub direction: Direction,
}

/// `POST /api/dashboard/registrations/{id}/move`'s answer: where the moved person now stands.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Moved {
    pub position: u32,
    /// People on the waiting list.
    pub waiting: u32,
}

/// One registration of an edition, as the line sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Arrival<'a> {
    pub id: &'a str,
    pub arrival: u32,
    pub status: Status,
}

/// A move: `moved` takes `neighbour`'s arrival and `neighbour` takes theirs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Swap {
    pub moved: String,
    pub moved_arrival: u32,
    pub neighbour: String,
    pub neighbour_arrival: u32,
}

/// Why a move cannot be made.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MoveRefusal {
    /// They are not (or no longer) on the waiting list.
    NotWaiting,
    /// Already first (moving up) or last (moving down).
    AtTheEnd,
}

impl MoveRefusal {
    /// The message naming it (`locales/*/api.ftl`).
    pub fn message(self) -> &'static str {
        match self {
            MoveRefusal::NotWaiting => "conflict-move-not-waiting",
            MoveRefusal::AtTheEnd => "conflict-move-at-the-end",
        }
    }
}

/// The people waiting, in the order they will be offered a place.
pub fn line<'a>(registrations: &[Arrival<'a>]) -> Vec<Arrival<'a>> {
    let mut waiting: Vec<Arrival> = registrations
        .iter()
        .copied()
        .filter(|r| r.status == Status::Waitlisted)
        .collect();
    waiting.sort_by_key(|r| r.arrival);
    waiting
}

/// `id`'s position on the line (1 = next), when waiting.
pub fn position(registrations: &[Arrival], id: &str) -> Option<u32> {
    line(registrations)
        .iter()
        .position(|r| r.id == id)
        .and_then(|i| u32::try_from(i + 1).ok())
}

/// Every waiting person's position, by registration id.
pub fn positions<'a>(registrations: &[Arrival<'a>]) -> std::collections::BTreeMap<&'a str, u32> {
    (1..)
        .zip(line(registrations))
        .map(|(position, r)| (r.id, position))
        .collect()
}

/// The exchange that moves `id` one place in `direction`.
pub fn move_on_line(
    registrations: &[Arrival],
    id: &str,
    direction: Direction,
) -> Result<Swap, MoveRefusal> {
    let waiting = line(registrations);
    let at = waiting
        .iter()
        .position(|r| r.id == id)
        .ok_or(MoveRefusal::NotWaiting)?;
    let neighbour = match direction {
        Direction::Up => at.checked_sub(1),
        Direction::Down => Some(at + 1),
    }
    .and_then(|i| waiting.get(i))
    .ok_or(MoveRefusal::AtTheEnd)?;
    let moved = waiting[at];
    Ok(Swap {
        moved: moved.id.to_owned(),
        moved_arrival: moved.arrival,
        neighbour: neighbour.id.to_owned(),
        neighbour_arrival: neighbour.arrival,
    })
}

/// The registrations after `swap` is made.
pub fn after_swap<'a>(registrations: &[Arrival<'a>], swap: &Swap) -> Vec<Arrival<'a>> {
    registrations
        .iter()
        .map(|r| Arrival {
            arrival: if r.id == swap.moved {
                swap.neighbour_arrival
            } else if r.id == swap.neighbour {
                swap.moved_arrival
            } else {
                r.arrival
            },
            ..*r
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edition() -> Vec<Arrival<'static>> {
        vec![
            Arrival {
                id: "ana",
                arrival: 1,
                status: Status::Confirmed,
            },
            Arrival {
                id: "bea",
                arrival: 2,
                status: Status::Waitlisted,
            },
            Arrival {
                id: "chloe",
                arrival: 3,
                status: Status::Cancelled,
            },
            Arrival {
                id: "dede",
                arrival: 4,
                status: Status::Waitlisted,
            },
            Arrival {
                id: "eli",
                arrival: 6,
                status: Status::Waitlisted,
            },
        ]
    }

    fn order(registrations: &[Arrival]) -> Vec<String> {
        line(registrations)
            .iter()
            .map(|r| r.id.to_owned())
            .collect()
    }

    #[test]
    fn the_line_is_those_waiting_in_arrival_order() {
        assert_eq!(order(&edition()), ["bea", "dede", "eli"]);
        assert_eq!(position(&edition(), "dede"), Some(2));
        assert_eq!(position(&edition(), "ana"), None);
        let positions = positions(&edition());
        assert_eq!(positions.get("eli"), Some(&3));
        assert_eq!(positions.len(), 3);
        assert_eq!(Direction::parse("down"), Some(Direction::Down));
        assert_eq!(Direction::parse("sideways"), None);
    }

    #[test]
    fn moving_up_exchanges_with_the_one_waiting_ahead_over_those_no_longer_waiting() {
        let swap = move_on_line(&edition(), "dede", Direction::Up).expect("a move");
        assert_eq!(
            swap,
            Swap {
                moved: "dede".into(),
                moved_arrival: 4,
                neighbour: "bea".into(),
                neighbour_arrival: 2,
            }
        );
        let after = after_swap(&edition(), &swap);
        assert_eq!(order(&after), ["dede", "bea", "eli"]);
        // Nobody else moves: the person with a place and the cancelled one keep theirs.
        assert_eq!(after[0], edition()[0]);
        assert_eq!(after[2], edition()[2]);
    }

    #[test]
    fn moving_down_then_up_gives_the_line_back() {
        let down = move_on_line(&edition(), "bea", Direction::Down).expect("a move");
        let after = after_swap(&edition(), &down);
        assert_eq!(order(&after), ["dede", "bea", "eli"]);
        let up = move_on_line(&after, "bea", Direction::Up).expect("a move");
        assert_eq!(after_swap(&after, &up), edition());
    }

    #[test]
    fn the_ends_and_those_not_waiting_cannot_move() {
        assert_eq!(
            move_on_line(&edition(), "bea", Direction::Up),
            Err(MoveRefusal::AtTheEnd)
        );
        assert_eq!(
            move_on_line(&edition(), "eli", Direction::Down),
            Err(MoveRefusal::AtTheEnd)
        );
        assert_eq!(
            move_on_line(&edition(), "ana", Direction::Down),
            Err(MoveRefusal::NotWaiting)
        );
        assert_eq!(
            move_on_line(&edition(), "nobody", Direction::Up),
            Err(MoveRefusal::NotWaiting)
        );
    }
}
