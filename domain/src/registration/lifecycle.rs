//! A registration's life, stated once: its statuses, which of them hold a place or are still
//! active, and every transition — from which statuses it may happen, in which registration
//! modes, who makes it, what it leads to, the history event it leaves, the message it sends
//! and whether it needs a free place.
//!
//! The app's buttons (`Transition::offered`) and the API's checks come from here, and the edge
//! builds every SQL statement that places, promotes, decides or cancels from these tables
//! (`edge/src/registration/transitions.rs`), so the rule is written once.

use serde::{Deserialize, Serialize};

use crate::catalog::RegistrationMode;

/// Where a registration stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// A place is kept for them until they confirm by email (editions that ask for it).
    Held,
    /// Has a place.
    Confirmed,
    /// Waits for a place, in arrival order.
    Waitlisted,
    /// Applied; a coordinator will accept, decline or waitlist.
    Applied,
    /// Accepted by a coordinator: has a place.
    Accepted,
    Declined,
    /// Cancelled by the registrant or a coordinator, or a held place not confirmed in time.
    /// They may register again, at the end of the line.
    Cancelled,
    /// Taken off the edition by a coordinator; they may not register again.
    Removed,
    /// Came (marked by a coordinator once the edition has begun).
    Attended,
    /// Had a place and did not come.
    Absent,
}

impl Status {
    pub const ALL: [Status; 10] = [
        Status::Held,
        Status::Confirmed,
        Status::Waitlisted,
        Status::Applied,
        Status::Accepted,
        Status::Declined,
        Status::Cancelled,
        Status::Removed,
        Status::Attended,
        Status::Absent,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Held => "held",
            Status::Confirmed => "confirmed",
            Status::Waitlisted => "waitlisted",
            Status::Applied => "applied",
            Status::Accepted => "accepted",
            Status::Declined => "declined",
            Status::Cancelled => "cancelled",
            Status::Removed => "removed",
            Status::Attended => "attended",
            Status::Absent => "absent",
        }
    }

    pub fn parse(s: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|status| status.as_str() == s)
    }

    /// Whether this registration holds one of the edition's places (and sees its private
    /// details). Attendance keeps the place: it was theirs.
    pub fn holds_place(self) -> bool {
        matches!(
            self,
            Status::Held | Status::Confirmed | Status::Accepted | Status::Attended | Status::Absent
        )
    }

    /// Whether the registration is still in play: it can be cancelled, and a second
    /// registration with the same address is the same one.
    pub fn is_active(self) -> bool {
        matches!(
            self,
            Status::Held
                | Status::Confirmed
                | Status::Waitlisted
                | Status::Applied
                | Status::Accepted
        )
    }

    /// Whether someone in this status may register again for the same edition (a new
    /// arrival, at the end of the line).
    pub fn may_register_again(self) -> bool {
        self == Status::Cancelled
    }

    pub fn holding_place() -> impl Iterator<Item = Status> {
        Status::ALL.into_iter().filter(|s| s.holds_place())
    }

    pub fn active() -> impl Iterator<Item = Status> {
        Status::ALL.into_iter().filter(|s| s.is_active())
    }
}

/// Who makes a transition.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Actor {
    /// The volunteer, from the form or their private manage link.
    Registrant,
    /// A coordinator of the edition's network.
    Coordinator,
    /// Relais itself: a place passed on, a hold run out.
    Relais,
}

/// What a transition leads to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    Is(Status),
    /// A place given: `Held` when the edition asks people to confirm by email, else
    /// `Confirmed`.
    GivenPlace,
    /// A new registration goes where `PLACEMENT` says.
    Placed,
}

/// The facts `PLACEMENT` reads, about the edition as the registration arrives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Condition {
    ApplicationMode,
    /// Someone is on the waiting list: a free place is theirs, not a newcomer's.
    SomeoneWaiting,
    /// Every place is held.
    NoPlaceFree,
    Always,
}

/// Where a new registration goes: the first condition that holds decides.
pub const PLACEMENT: [(Condition, Outcome); 4] = [
    (Condition::ApplicationMode, Outcome::Is(Status::Applied)),
    (Condition::SomeoneWaiting, Outcome::Is(Status::Waitlisted)),
    (Condition::NoPlaceFree, Outcome::Is(Status::Waitlisted)),
    (Condition::Always, Outcome::GivenPlace),
];

/// An edition as its registrations' rules see it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EditionState {
    pub mode: RegistrationMode,
    /// `None`: no limit.
    pub capacity: Option<u32>,
    /// Places held (`Status::holds_place`).
    pub held: u32,
    /// People on the waiting list.
    pub waiting: u32,
    /// Whether a place given must be confirmed by email within some hours.
    pub confirm_by_email: bool,
}

impl EditionState {
    pub fn place_free(&self) -> bool {
        self.capacity.is_none_or(|c| self.held < c)
    }

    pub fn holds(&self, condition: Condition) -> bool {
        match condition {
            Condition::ApplicationMode => self.mode == RegistrationMode::Application,
            Condition::SomeoneWaiting => self.waiting > 0,
            Condition::NoPlaceFree => !self.place_free(),
            Condition::Always => true,
        }
    }

    /// The status a place given in this edition starts in.
    pub fn given_place(&self) -> Status {
        if self.confirm_by_email {
            Status::Held
        } else {
            Status::Confirmed
        }
    }

    pub fn resolve(&self, outcome: Outcome) -> Status {
        match outcome {
            Outcome::Is(status) => status,
            Outcome::GivenPlace => self.given_place(),
            Outcome::Placed => placement(self),
        }
    }

    /// How many people on the waiting list get a place now: in open editions, one per free
    /// place, first in line first (a free place never sits idle while someone waits).
    /// Applications wait for a coordinator.
    pub fn places_to_fill(&self) -> u32 {
        if self.mode != RegistrationMode::Open {
            return 0;
        }
        match self.capacity {
            None => self.waiting,
            Some(c) => c.saturating_sub(self.held).min(self.waiting),
        }
    }
}

/// Where a new registration goes (`PLACEMENT`).
pub fn placement(edition: &EditionState) -> Status {
    PLACEMENT
        .iter()
        .find(|(condition, _)| edition.holds(*condition))
        .map_or(Status::Waitlisted, |(_, outcome)| edition.resolve(*outcome))
}

/// Every change a registration can go through.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Transition {
    /// A new registration (or a cancelled person's return): placed by `PLACEMENT`.
    Register,
    /// The registrant confirms a held place by email.
    ConfirmPlace,
    /// The first in line gets a free place.
    Promote,
    /// A held place not confirmed in time goes back.
    ReleaseHold,
    Accept,
    /// An application put on the waiting list.
    Waitlist,
    Decline,
    /// By the registrant, from their manage link.
    Cancel,
    /// By a coordinator, with a reason told to the person.
    CancelByCoordinator,
    /// By a coordinator, with a reason: they may not register again.
    Remove,
    MarkAttended,
    MarkAbsent,
}

/// One transition's rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rule {
    pub actor: Actor,
    /// The modes it happens in.
    pub modes: &'static [RegistrationMode],
    /// The statuses it happens from (for `Register`: those who may register again; a first
    /// registration has no status yet).
    pub from: &'static [Status],
    pub to: Outcome,
    /// Whether it happens only while a place is free.
    pub needs_place: bool,
    /// Whether the coordinator must give a reason, told to the person.
    pub needs_reason: bool,
}

const TAKING: &[RegistrationMode] = &[RegistrationMode::Open, RegistrationMode::Application];
const OPEN: &[RegistrationMode] = &[RegistrationMode::Open];
const APPLICATION: &[RegistrationMode] = &[RegistrationMode::Application];
const ACTIVE: &[Status] = &[
    Status::Held,
    Status::Confirmed,
    Status::Waitlisted,
    Status::Applied,
    Status::Accepted,
];

impl Transition {
    pub const ALL: [Transition; 12] = [
        Transition::Register,
        Transition::ConfirmPlace,
        Transition::Promote,
        Transition::ReleaseHold,
        Transition::Accept,
        Transition::Waitlist,
        Transition::Decline,
        Transition::Cancel,
        Transition::CancelByCoordinator,
        Transition::Remove,
        Transition::MarkAttended,
        Transition::MarkAbsent,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Transition::Register => "register",
            Transition::ConfirmPlace => "confirm_place",
            Transition::Promote => "promote",
            Transition::ReleaseHold => "release_hold",
            Transition::Accept => "accept",
            Transition::Waitlist => "waitlist",
            Transition::Decline => "decline",
            Transition::Cancel => "cancel",
            Transition::CancelByCoordinator => "cancel_by_coordinator",
            Transition::Remove => "remove",
            Transition::MarkAttended => "mark_attended",
            Transition::MarkAbsent => "mark_absent",
        }
    }

    pub fn parse(s: &str) -> Option<Transition> {
        Transition::ALL.into_iter().find(|t| t.as_str() == s)
    }

    pub fn rule(self) -> Rule {
        let rule = |actor, modes, from, to, needs_place| Rule {
            actor,
            modes,
            from,
            to,
            needs_place,
            needs_reason: false,
        };
        use Actor::*;
        match self {
            Transition::Register => rule(
                Registrant,
                TAKING,
                &[Status::Cancelled],
                Outcome::Placed,
                false,
            ),
            Transition::ConfirmPlace => rule(
                Registrant,
                TAKING,
                &[Status::Held],
                Outcome::Is(Status::Confirmed),
                false,
            ),
            Transition::Promote => rule(
                Relais,
                OPEN,
                &[Status::Waitlisted],
                Outcome::GivenPlace,
                true,
            ),
            Transition::ReleaseHold => rule(
                Relais,
                TAKING,
                &[Status::Held],
                Outcome::Is(Status::Cancelled),
                false,
            ),
            Transition::Accept => rule(
                Coordinator,
                APPLICATION,
                &[Status::Applied, Status::Waitlisted],
                Outcome::Is(Status::Accepted),
                true,
            ),
            Transition::Waitlist => rule(
                Coordinator,
                APPLICATION,
                &[Status::Applied],
                Outcome::Is(Status::Waitlisted),
                false,
            ),
            Transition::Decline => rule(
                Coordinator,
                TAKING,
                &[Status::Applied, Status::Waitlisted],
                Outcome::Is(Status::Declined),
                false,
            ),
            Transition::Cancel => rule(
                Registrant,
                TAKING,
                ACTIVE,
                Outcome::Is(Status::Cancelled),
                false,
            ),
            Transition::CancelByCoordinator => Rule {
                needs_reason: true,
                ..rule(
                    Coordinator,
                    TAKING,
                    ACTIVE,
                    Outcome::Is(Status::Cancelled),
                    false,
                )
            },
            Transition::Remove => Rule {
                needs_reason: true,
                ..rule(
                    Coordinator,
                    TAKING,
                    &[
                        Status::Held,
                        Status::Confirmed,
                        Status::Waitlisted,
                        Status::Applied,
                        Status::Accepted,
                        Status::Declined,
                        Status::Cancelled,
                    ],
                    Outcome::Is(Status::Removed),
                    false,
                )
            },
            Transition::MarkAttended => rule(
                Coordinator,
                TAKING,
                &[Status::Confirmed, Status::Accepted, Status::Absent],
                Outcome::Is(Status::Attended),
                false,
            ),
            Transition::MarkAbsent => rule(
                Coordinator,
                TAKING,
                &[Status::Confirmed, Status::Accepted, Status::Attended],
                Outcome::Is(Status::Absent),
                false,
            ),
        }
    }

    /// The statuses it can lead to.
    pub fn outcomes(self) -> Vec<Status> {
        match self.rule().to {
            Outcome::Is(status) => vec![status],
            Outcome::GivenPlace => vec![Status::Confirmed, Status::Held],
            Outcome::Placed => vec![
                Status::Applied,
                Status::Waitlisted,
                Status::Confirmed,
                Status::Held,
            ],
        }
    }

    /// Whether it may happen to a registration in `from` in an edition in `edition`'s
    /// state (a free place, when it needs one).
    pub fn allowed(self, from: Status, edition: &EditionState) -> bool {
        let rule = self.rule();
        rule.modes.contains(&edition.mode)
            && rule.from.contains(&from)
            && (!rule.needs_place || edition.place_free())
    }

    /// The status it leads to in `edition` (for `Register`: before the arrival is counted).
    pub fn outcome(self, edition: &EditionState) -> Status {
        edition.resolve(self.rule().to)
    }

    /// The history event it leaves when it leads to `to`.
    pub fn event(self, to: Status) -> Event {
        match (self, to) {
            (Transition::Register, Status::Applied) => Event::Applied,
            (Transition::Register, Status::Waitlisted) => Event::Waitlisted,
            (Transition::Register, Status::Held) => Event::Held,
            (Transition::Register, _) => Event::Registered,
            (Transition::ConfirmPlace, _) => Event::Confirmed,
            (Transition::Promote, _) => Event::Promoted,
            (Transition::ReleaseHold, _) => Event::Released,
            (Transition::Accept, _) => Event::Accepted,
            (Transition::Waitlist, _) => Event::Waitlisted,
            (Transition::Decline, _) => Event::Declined,
            (Transition::Cancel, _) => Event::Cancelled,
            (Transition::CancelByCoordinator, _) => Event::CancelledByCoordinator,
            (Transition::Remove, _) => Event::Removed,
            (Transition::MarkAttended, _) => Event::Attended,
            (Transition::MarkAbsent, _) => Event::Absent,
        }
    }

    /// The message it sends when it leads to `to`, if any.
    pub fn message(self, to: Status) -> Option<super::MessageKind> {
        use super::MessageKind as M;
        match (self, to) {
            (Transition::Register, Status::Applied) => Some(M::Applied),
            (Transition::Register, Status::Waitlisted) => Some(M::Waitlisted),
            (Transition::Register | Transition::Promote, Status::Held) => Some(M::Held),
            (Transition::Register, _) => Some(M::Confirmed),
            (Transition::ConfirmPlace, _) => Some(M::Confirmed),
            (Transition::Promote, _) => Some(M::Promoted),
            (Transition::ReleaseHold, _) => Some(M::Released),
            (Transition::Accept, _) => Some(M::Accepted),
            (Transition::Waitlist, _) => Some(M::Waitlisted),
            (Transition::Decline, _) => Some(M::Declined),
            (Transition::Cancel, _) => Some(M::Cancelled),
            (Transition::CancelByCoordinator, _) => Some(M::CancelledByCoordinator),
            (Transition::Remove, _) => Some(M::Removed),
            (Transition::MarkAttended | Transition::MarkAbsent, _) => None,
        }
    }

    /// What a coordinator may do to a registration in `from`, in an edition of `mode`:
    /// the buttons the back office shows, and the only decisions the API takes.
    pub fn offered(mode: RegistrationMode, from: Status) -> Vec<Transition> {
        Transition::ALL
            .into_iter()
            .filter(|t| {
                let rule = t.rule();
                rule.actor == Actor::Coordinator
                    && rule.modes.contains(&mode)
                    && rule.from.contains(&from)
            })
            .collect()
    }

    /// Whether the registrant may cancel from `from` (their manage link's button).
    pub fn may_cancel(from: Status) -> bool {
        Transition::Cancel.rule().from.contains(&from)
    }
}

/// One entry in a registration's history.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Event {
    Registered,
    Held,
    Waitlisted,
    Applied,
    Confirmed,
    Promoted,
    Released,
    Accepted,
    Declined,
    Cancelled,
    CancelledByCoordinator,
    Removed,
    Attended,
    Absent,
    /// Their data was deleted (the entry keeps no personal data).
    Deleted,
    /// Their language or time zone changed.
    Updated,
    /// Their manage link was sent again (a second registration with their address, or a
    /// request for their links).
    LinkSent,
    /// A coordinator moved them on the waiting list (them, or the neighbour they changed
    /// places with: `waitlist`).
    Moved,
}

impl Event {
    pub const ALL: [Event; 18] = [
        Event::Registered,
        Event::Held,
        Event::Waitlisted,
        Event::Applied,
        Event::Confirmed,
        Event::Promoted,
        Event::Released,
        Event::Accepted,
        Event::Declined,
        Event::Cancelled,
        Event::CancelledByCoordinator,
        Event::Removed,
        Event::Attended,
        Event::Absent,
        Event::Deleted,
        Event::Updated,
        Event::LinkSent,
        Event::Moved,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Event::Registered => "registered",
            Event::Held => "held",
            Event::Waitlisted => "waitlisted",
            Event::Applied => "applied",
            Event::Confirmed => "confirmed",
            Event::Promoted => "promoted",
            Event::Released => "released",
            Event::Accepted => "accepted",
            Event::Declined => "declined",
            Event::Cancelled => "cancelled",
            Event::CancelledByCoordinator => "cancelled_by_coordinator",
            Event::Removed => "removed",
            Event::Attended => "attended",
            Event::Absent => "absent",
            Event::Deleted => "deleted",
            Event::Updated => "updated",
            Event::LinkSent => "link_sent",
            Event::Moved => "moved",
        }
    }

    pub fn parse(s: &str) -> Option<Event> {
        Event::ALL.into_iter().find(|e| e.as_str() == s)
    }
}

/// Why a coordinator cancelled or removed a registration, told to the person in their
/// language (with the coordinator's own note, if any).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// The edition will not take place (or not with this registration).
    EditionCancelled,
    /// They asked for it (by phone, by email to the team).
    TheirRequest,
    /// They are registered twice.
    Duplicate,
    /// Against the network's code of conduct.
    Conduct,
    Other,
}

impl Reason {
    pub const ALL: [Reason; 5] = [
        Reason::EditionCancelled,
        Reason::TheirRequest,
        Reason::Duplicate,
        Reason::Conduct,
        Reason::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Reason::EditionCancelled => "edition_cancelled",
            Reason::TheirRequest => "their_request",
            Reason::Duplicate => "duplicate",
            Reason::Conduct => "conduct",
            Reason::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<Reason> {
        Reason::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

/// Whether an edition's capacity may become `capacity` while `held` places are held:
/// never below them (nobody loses a place they were given this way).
pub fn capacity_change_allowed(capacity: Option<u32>, held: u32) -> bool {
    capacity.is_none_or(|c| c >= held && c > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn open(capacity: Option<u32>, held: u32, waiting: u32) -> EditionState {
        EditionState {
            mode: RegistrationMode::Open,
            capacity,
            held,
            waiting,
            confirm_by_email: false,
        }
    }

    #[test]
    fn places_go_in_arrival_order_then_the_waiting_list() {
        assert_eq!(placement(&open(Some(20), 0, 0)), Status::Confirmed);
        assert_eq!(placement(&open(Some(20), 19, 0)), Status::Confirmed);
        assert_eq!(placement(&open(Some(20), 20, 0)), Status::Waitlisted);
        assert_eq!(placement(&open(None, 10_000, 0)), Status::Confirmed);
        // A place freed while people wait is theirs, not a newcomer's.
        assert_eq!(placement(&open(Some(20), 19, 3)), Status::Waitlisted);
        let application = EditionState {
            mode: RegistrationMode::Application,
            ..open(Some(20), 0, 0)
        };
        assert_eq!(placement(&application), Status::Applied);
        let confirming = EditionState {
            confirm_by_email: true,
            ..open(Some(2), 0, 0)
        };
        assert_eq!(placement(&confirming), Status::Held);
    }

    #[test]
    fn free_places_go_to_the_first_in_line_in_open_editions_only() {
        assert_eq!(open(Some(5), 3, 4).places_to_fill(), 2);
        assert_eq!(open(Some(5), 5, 4).places_to_fill(), 0);
        assert_eq!(open(None, 5, 4).places_to_fill(), 4);
        assert_eq!(open(Some(5), 0, 1).places_to_fill(), 1);
        let application = EditionState {
            mode: RegistrationMode::Application,
            ..open(Some(5), 0, 4)
        };
        assert_eq!(application.places_to_fill(), 0);
    }

    #[test]
    fn statuses_name_what_they_hold() {
        for status in Status::ALL {
            assert_eq!(Status::parse(status.as_str()), Some(status));
            // Active and holding a place: nothing outside the lists.
            if status.may_register_again() {
                assert!(!status.is_active() && !status.holds_place());
            }
        }
        assert_eq!(Status::holding_place().count(), 5);
        assert_eq!(Status::active().count(), 5);
        for event in Event::ALL {
            assert_eq!(Event::parse(event.as_str()), Some(event));
        }
        for t in Transition::ALL {
            assert_eq!(Transition::parse(t.as_str()), Some(t));
        }
    }

    #[test]
    fn every_transition_leads_somewhere_it_can_be_told_of() {
        for t in Transition::ALL {
            let rule = t.rule();
            assert!(!rule.from.is_empty() || t == Transition::Register, "{t:?}");
            for to in t.outcomes() {
                // Nothing leaves a registration where it was.
                if t != Transition::Register {
                    assert!(!rule.from.contains(&to), "{t:?} from {to:?} to itself");
                }
                // Every change that ends a place or gives one is told.
                if to.holds_place() != rule.from.iter().all(|f| f.holds_place())
                    && !matches!(t, Transition::MarkAttended | Transition::MarkAbsent)
                {
                    assert!(t.message(to).is_some(), "{t:?} to {to:?} is not told");
                }
            }
        }
    }

    #[test]
    fn coordinators_are_offered_what_fits_the_mode() {
        use RegistrationMode::{Application, Open};
        assert_eq!(
            Transition::offered(Application, Status::Applied),
            [
                Transition::Accept,
                Transition::Waitlist,
                Transition::Decline,
                Transition::CancelByCoordinator,
                Transition::Remove
            ]
        );
        // In open editions places are given in arrival order, never out of turn.
        assert_eq!(
            Transition::offered(Open, Status::Waitlisted),
            [
                Transition::Decline,
                Transition::CancelByCoordinator,
                Transition::Remove
            ]
        );
        assert!(Transition::offered(Open, Status::Confirmed).contains(&Transition::MarkAttended));
        assert_eq!(
            Transition::offered(Open, Status::Removed),
            Vec::<Transition>::new()
        );
        assert!(!Transition::may_cancel(Status::Declined));
        assert!(Transition::may_cancel(Status::Held));
    }

    #[test]
    fn accepting_needs_a_free_place() {
        let full = EditionState {
            mode: RegistrationMode::Application,
            ..open(Some(2), 2, 0)
        };
        assert!(!Transition::Accept.allowed(Status::Applied, &full));
        let free = EditionState { held: 1, ..full };
        assert!(Transition::Accept.allowed(Status::Applied, &free));
        assert!(!Transition::Accept.allowed(Status::Confirmed, &free));
    }

    #[test]
    fn capacity_never_drops_below_the_places_held() {
        assert!(capacity_change_allowed(Some(5), 5));
        assert!(!capacity_change_allowed(Some(4), 5));
        assert!(capacity_change_allowed(None, 50));
        assert!(!capacity_change_allowed(Some(0), 0));
    }
}
