//! `openapi.json` held to the code it describes: every type the API writes, serialized from
//! a sample with every optional field set and one with none, must validate against its schema
//! (objects are closed, so a field added to a type and not to the description fails), every
//! enum lists exactly the type's values, every limit stated is the one the domain's checks
//! enforce, and every route answers the statuses its kind of route can answer.
//!
//! Describing a new route: add it to `ROUTES` and to `paths`; if it writes a new type, add
//! the type's schema under `components/schemas` and a sample of it to `samples()` below; if
//! the schema is a request body or is written by hand, name it in `DESCRIBED_BY_HAND`.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Utc};
use relais_domain::account::joining::{
    self, AccountLink, AdministratorInvitation, AdministratorInvitationRequest, InvitationRequest,
    LinkAcceptance, LinkPurpose, ManagedNetwork, Member, NetworkMembers, NewNetwork,
    PasswordResetRequest, PendingInvitation, RoleChange,
};
use relais_domain::account::{self, AccountView, SignedIn};
use relais_domain::announcement::{
    AnnouncementDraft, AnnouncementSent, Audience, Delivery, DeskSummary, NetworkMessage,
    Recipients, SessionSoon, WaitingApplications,
};
use relais_domain::authoring::{
    self, Completeness, Cost, CostKind, EditionDraft, FacilitatorDraft, OfferingDraft,
    PartnerDraft, PersonDraft, PublicationAction, PublicationState, ResourceDraft, SessionDraft,
};
use relais_domain::catalog::query::MAX_TEXT;
use relais_domain::catalog::{
    ArchivePage, ArchivedEdition, CatalogPage, Edition, EditionCost, Format, Network, NetworkList,
    NetworkSummary, OfferingDetail, OfferingKind, OfferingSummary, Organisation, Partner, Person,
    Profile, RegistrationMode, Session,
};
use relais_domain::coaching::budget::Balance;
use relais_domain::coaching::desk::{
    CoachingDesk, DeskBooking, DeskCheck, DeskOrganisation, DeskProgramme, DeskRequest,
    StepRequest, StepTaken,
};
use relais_domain::coaching::organisation::{
    BudgetView, ContactForm, ContactView, NewRequest, OfferOnRequest, OnBehalfEdition,
    OrganisationForm, OrganisationKind, OrganisationPage, OrganisationReceived,
    OrganisationRegistration, PartnerChoice, PoolView, RequestReceived, RequestView, SessionView,
};
use relais_domain::coaching::report::{
    CoachingReport, NeighbourhoodLine, PartnerLine, ProgrammeYear, ReportOrganisation, YearReport,
};
use relais_domain::coaching::request::{RequestForm, Stage};
use relais_domain::community::{
    self, ApplicationReceived, ApplicationRow, Applications, CommunityForm, Decision,
    DecisionRequest, MemberView, OnBehalf, Standing,
};
use relais_domain::coordination::{
    CoordinatedEdition, EditionCounts, EditionRegistrations, OutboxLine, RegistrationLine,
};
use relais_domain::dashboard::{
    AuditLine, AuthoredEdition, AuthoredOffering, AuthoredPartner, AuthoredPerson,
    AuthoredResource, AuthoredSession, Choice, Created, DuplicateRequest, EditionLine, ItemLine,
    LibraryShelf, NetworkDesk, NetworkLine, OfferingLine, PreviewRequest, ResourceLine,
    SessionsByRule,
};
use relais_domain::i18n::Messages;
use relais_domain::library::file::{FileType, ResourceFile};
use relais_domain::library::{
    Found, Kind as ResourceKind, Linked, ResourceDetail, ResourceText, SearchAnswer, Visibility,
};
use relais_domain::news::{
    DigestPreview, DigestQueued, DigestRequest, FollowReceived, FollowRequest, FollowView, Purpose,
};
use relais_domain::people::{
    Answer, AttendanceFigures, AttendanceLine, AttendanceMark, Count, EditionPeople,
    EditionPerson as RegisteredPerson, MarkAnswer, MarkRequest, PeopleCounts, PeopleFilter,
    Separator, SessionAttendance, SessionFigures,
};
use relais_domain::problem::{FieldError, Problem, ProblemKind};
use relais_domain::registration::lifecycle::Actor;
use relais_domain::registration::waitlist::{Direction, MoveRequest, Moved};
use relais_domain::registration::{
    self, Event, FormQuestion, FormState, HistoryEntry, ManagedRegistration, MessageKind, Reason,
    RegistrationAnswer, RegistrationForm, RegistrationRequest, RegistrationUpdate, Status,
    Transition,
};
use relais_domain::schedule::recurrence::{self, DayOfWeek, End, Frequency, Nth, Recurrence};
use relais_domain::{Lang, Localized, Text};
use serde::Serialize;
use serde_json::{json, Value};

const DOCUMENT: &str = include_str!("../openapi.json");
const BASE: &str = "http://relais.test/openapi.json";

/// Schemas with no Rust type serialized here: request bodies the edge reads into its own
/// private types, the health check (the edge's own), and plain formats.
const DESCRIBED_BY_HAND: &[&str] = &[
    // A map by region, checked through `PlanView`'s and `RankedSlot`'s samples.
    "Burden",
    "Check",
    "Credentials",
    "Day",
    "Decision",
    "DecisionResult",
    "Health",
    "Instant",
    "LinksAccepted",
    "LocalDateTime",
    "ManagedAccount",
    "NetworkDescription",
    "NewCapacity",
    "StateChange",
    "TimeOfDay",
    "UnsentMessage",
    "Zone",
];

/// The document, compiled once per test: schemas are addressed by JSON pointer.
struct Doc {
    json: Value,
    compiler: boon::Compiler,
    schemas: boon::Schemas,
}

impl Doc {
    fn load() -> Doc {
        let json: Value = serde_json::from_str(DOCUMENT).expect("openapi.json is JSON");
        let mut compiler = boon::Compiler::new();
        compiler.set_default_draft(boon::Draft::V2020_12);
        compiler.enable_format_assertions();
        compiler
            .add_resource(BASE, json.clone())
            .expect("the document loads");
        Doc {
            json,
            compiler,
            schemas: boon::Schemas::new(),
        }
    }

    /// Whether `value` is valid against the schema at `pointer` (`/components/schemas/X`).
    fn check(&mut self, pointer: &str, value: &Value) -> Result<(), String> {
        let index = self
            .compiler
            .compile(&format!("{BASE}#{pointer}"), &mut self.schemas)
            .map_err(|e| format!("{pointer} does not compile: {e:#}"))?;
        self.schemas
            .validate(value, index)
            .map_err(|e| format!("{pointer}: {e:#}\n{value:#}"))
    }

    fn schema(&self, name: &str) -> &Value {
        let schema = &self.json["components"]["schemas"][name];
        assert!(schema.is_object(), "no schema {name}");
        schema
    }

    fn valid(&mut self, name: &str, value: &Value) -> bool {
        self.check(&format!("/components/schemas/{name}"), value)
            .is_ok()
    }

    fn operations(&self) -> Vec<(String, String, Value)> {
        let mut out = vec![];
        for (path, methods) in self.json["paths"].as_object().expect("paths") {
            for (method, operation) in methods.as_object().expect("methods") {
                out.push((method.to_uppercase(), path.clone(), operation.clone()));
            }
        }
        out
    }
}

fn value<T: Serialize>(v: &T) -> Value {
    serde_json::to_value(v).expect("serializes")
}

fn at(s: &str) -> DateTime<Utc> {
    s.parse().expect("an instant")
}

fn text(s: &str) -> Text {
    Text {
        text: s.into(),
        lang: "fr".into(),
    }
}

fn lang(code: &str) -> Lang {
    Lang::parse(code).expect("a language")
}

fn session() -> Session {
    Session {
        id: "hub-cohorte-s1".into(),
        title: Some(text("Introduction")),
        starts_at: at("2026-12-08T23:30:00Z"),
        ends_at: at("2026-12-09T01:00:00Z"),
        zone: "America/Toronto".into(),
        start_offset_minutes: -300,
        end_offset_minutes: -300,
        reader_start_offset_minutes: Some(60),
        reader_end_offset_minutes: Some(60),
        instruction_languages: Some(vec!["en".into()]),
        taught_in: Some("Donnée en anglais".into()),
    }
}

fn edition() -> Edition {
    Edition {
        id: "hub-cohorte".into(),
        title: Some(text("Cohorte")),
        registration_mode: RegistrationMode::Open,
        capacity: Some(25),
        location: Some(text("En ligne")),
        format: Format::Online,
        sessions: vec![session()],
        instruction_languages: vec!["fr".into(), "wo".into()],
        written_in: Some(lang("fr")),
        cost: Some(EditionCost {
            kind: CostKind::FeeWithBursary,
            fee_cents: Some(15_000),
            fee_currency: Some("CAD".into()),
        }),
        cost_note: Some(text("Bourses sur demande")),
        facts: vec!["Inscription".into(), "150 $ — bourses possibles".into()],
        written_in_notice: Some("Cette édition est présentée en français seulement".into()),
    }
}

fn partner() -> Partner {
    Partner {
        id: "framasoft".into(),
        name: "Framasoft".into(),
        description: Some(text("Une association")),
        url: Some("https://framasoft.org".into()),
    }
}

fn person() -> Person {
    Person {
        id: "tom-liacas".into(),
        name: "Tom Liacas".into(),
        role: Some(text("Animateur")),
        bio: Some(text("Stratège")),
    }
}

fn network() -> Network {
    Network {
        id: "ggsn".into(),
        name: "Global Grassroots Support Network (GGSN)".into(),
        description: Some(text("Une communauté de pratique")),
        url: Some("https://blueprintsfc.org".into()),
    }
}

fn summary() -> OfferingSummary {
    OfferingSummary {
        id: "hub".into(),
        kind: OfferingKind::TrainingSeries,
        title: text("Mouvements"),
        summary: text("Une formation"),
        topics: vec!["strategy".into()],
        languages: vec!["fr".into()],
        format: Format::Online,
        cost: Some(text("Gratuit")),
        network: Some(Network {
            description: None,
            url: None,
            ..network()
        }),
        partner: Some(partner()),
        next_edition: Some(edition()),
    }
}

fn managed() -> ManagedRegistration {
    ManagedRegistration {
        status: Status::Waitlisted,
        waitlist_position: Some(2),
        name: "Amina Diallo".into(),
        email: "amina@example.org".into(),
        lang: lang("fr"),
        zone: "Africa/Lagos".into(),
        offering_id: "hub".into(),
        offering_title: text("Mouvements"),
        edition: edition(),
        private_details: Some(text("https://meet.example.org/x")),
        history: vec![HistoryEntry {
            kind: Event::Registered,
            at: at("2026-11-01T10:00:00Z"),
        }],
        resources: vec![Found {
            id: "ggsn-fiche".into(),
            kind: ResourceKind::SummarySheet,
            lang: "fr".into(),
            title: "Fiche".into(),
            summary: "Ce qui s’est dit à la rencontre.".into(),
        }],
    }
}

fn form() -> RegistrationForm {
    RegistrationForm {
        offering_id: "hub".into(),
        offering_title: text("Mouvements"),
        edition: edition(),
        state: FormState::Open,
        opens_at: Some(at("2026-11-01T00:00:00Z")),
        closes_at: Some(at("2026-12-08T23:30:00Z")),
        registration_url: Some("https://example.org/register".into()),
        questions: vec![FormQuestion {
            id: "motivation".into(),
            label: text("Pourquoi ?"),
            required: true,
            priority: false,
        }],
        on_behalf: true,
        organisation: Some("Chatons du Lot".into()),
        places_left: Some(3),
        waiting: 0,
    }
}

fn answer() -> RegistrationAnswer {
    RegistrationAnswer {
        status: Some(Status::Waitlisted),
        waitlist_position: Some(1),
        manage_url: Some(
            "http://127.0.0.1:8787/fr/manage/000000000000000000000000000000000000000000000000"
                .into(),
        ),
        created: true,
        edition_id: "hub-cohorte".into(),
    }
}

fn request() -> RegistrationRequest {
    RegistrationRequest {
        name: Some("Amina Diallo".into()),
        email: Some("amina.diallo@example.org".into()),
        lang: Some("fr".into()),
        zone: Some("Africa/Lagos".into()),
        region: Some("Lagos".into()),
        organisation: Some("Collectif".into()),
        answers: BTreeMap::from([("motivation".to_owned(), "Apprendre".to_owned())]),
        accessibility: Some("Sous-titres".into()),
        consent: true,
        website: Some(String::new()),
    }
}

fn outbox_line() -> OutboxLine {
    OutboxLine {
        id: 7,
        registration_id: "reg-000000000000000000000000".into(),
        edition_id: "hub-cohorte".into(),
        kind: "confirmed".into(),
        recipient: Some("amina@example.org".into()),
        lang: Some("fr".into()),
        subject: Some("Inscription confirmée".into()),
        body: Some("Bonjour".into()),
        created_at: "2026-11-01T10:00:00Z".into(),
        sent_at: Some("2026-11-01T10:00:05Z".into()),
        attempts: 1,
        last_error: Some("timeout".into()),
    }
}

fn coordinated() -> CoordinatedEdition {
    CoordinatedEdition {
        id: "hub-cohorte".into(),
        offering_title: text("Mouvements"),
        title: Some(text("Cohorte")),
        registration_mode: "application".into(),
        capacity: Some(25),
        starts_at: Some("2026-12-08T23:30:00Z".into()),
        places_taken: 3,
        waiting: 1,
        applied: 2,
    }
}

fn registrations() -> EditionRegistrations {
    EditionRegistrations {
        edition: EditionCounts {
            id: "hub-cohorte".into(),
            registration_mode: RegistrationMode::Open,
            capacity: Some(25),
            places_taken: 3,
            waiting: 1,
        },
        registrations: vec![RegistrationLine {
            id: "reg-000000000000000000000000".into(),
            name: "Amina Diallo".into(),
            email: "amina@example.org".into(),
            lang: "fr".into(),
            zone: "Africa/Lagos".into(),
            region: String::new(),
            organisation: String::new(),
            answers: r#"{"motivation":"Apprendre"}"#.into(),
            accessibility: String::new(),
            priority: 1,
            status: Status::Applied,
            arrival: 1,
            created_at: "2026-11-01T10:00:00Z".into(),
        }],
    }
}

fn figures() -> AttendanceFigures {
    AttendanceFigures {
        present: 3,
        absent: 1,
        excused: 1,
        unmarked: 0,
    }
}

fn session_figures() -> SessionFigures {
    SessionFigures {
        id: "session-000000000000".into(),
        title: Some(text("Séance 1")),
        starts_at: at("2026-12-08T23:30:00Z"),
        ends_at: at("2026-12-09T01:00:00Z"),
        cancelled: false,
        figures: figures(),
    }
}

fn registered_person() -> RegisteredPerson {
    RegisteredPerson {
        id: "reg-000000000000000000000000".into(),
        name: "Amina Diallo".into(),
        email: "amina@example.org".into(),
        lang: "fr".into(),
        zone: "Africa/Lagos".into(),
        region: "Nigeria".into(),
        organisation: String::new(),
        accessibility: String::new(),
        priority: true,
        status: Status::Confirmed,
        arrival: 1,
        waitlist_position: None,
        created_at: "2026-11-01T10:00:00Z".into(),
        answers: vec![
            Answer {
                question: "motivation".into(),
                label: Some(text("Pourquoi ?")),
                text: "Apprendre".into(),
            },
            Answer {
                question: "old".into(),
                label: None,
                text: "Ancienne".into(),
            },
        ],
    }
}

fn edition_people() -> EditionPeople {
    EditionPeople {
        edition: registrations().edition,
        offering_title: text("Mouvements"),
        title: Some(text("Cohorte")),
        questions: form().questions,
        filter: PeopleFilter {
            status: Some(Status::Confirmed),
            region: Some("Nigeria".into()),
            zone: Some("Africa/Lagos".into()),
            language: Some("fr".into()),
            priority: Some(true),
            q: Some("apprendre".into()),
        },
        counts: PeopleCounts {
            total: 4,
            shown: 1,
            by_status: vec![Count {
                value: "confirmed".into(),
                count: 1,
            }],
            by_region: vec![],
            by_zone: vec![],
            by_language: vec![],
        },
        people: vec![registered_person()],
        sessions: vec![session_figures()],
        attendance: figures(),
        may_decide: true,
    }
}

fn attendance_line() -> AttendanceLine {
    AttendanceLine {
        registration_id: "reg-000000000000000000000000".into(),
        name: "Amina Diallo".into(),
        status: Status::Confirmed,
        mark: Some(AttendanceMark::Excused),
        marked_at: Some("2026-12-08T23:40:00Z".into()),
    }
}

fn both(fr: &str, en: &str) -> Localized {
    Localized::new([("fr", fr), ("en", en)])
}

fn offering_draft() -> OfferingDraft {
    OfferingDraft {
        state: PublicationState::Published,
        kind: Some(OfferingKind::TrainingSeries),
        format: Some(Format::Online),
        topics: vec!["strategy".into()],
        languages: vec!["fr".into(), "en".into()],
        title: both("Mouvements", "Movements"),
        summary: both("Une formation", "A training"),
        description: both("Description", "Description"),
        audience: both("Militant·es", "Organisers"),
        cost: both("Gratuit", "Free"),
        partner_id: Some("framasoft".into()),
        facilitators: vec![FacilitatorDraft {
            person_id: "tom-liacas".into(),
            role: both("Animateur", "Facilitator"),
        }],
        same_in_every_language: ["description".to_owned()].into(),
        on_behalf: false,
    }
}

fn edition_draft() -> EditionDraft {
    EditionDraft {
        state: PublicationState::Draft,
        title: both("Cohorte", "Cohort"),
        registration_mode: Some(RegistrationMode::Application),
        registration_url: Some("https://example.org/register".into()),
        capacity: Some(25),
        format: Some(Format::Hybrid),
        registration_opens_at: Some(at("2027-01-01T00:00:00Z")),
        registration_closes_at: Some(at("2027-02-28T23:00:00Z")),
        questions: vec![registration::Question {
            id: "motivation".into(),
            label: both("Pourquoi ?", "Why?"),
            required: true,
            priority: false,
        }],
        private_details: both("Salle 12", "Room 12"),
        location: both("Montréal", "Montréal"),
        written_in: Some(lang("fr")),
        instruction_languages: vec!["fr".into(), "wo".into()],
        cost: Some(Cost {
            kind: CostKind::FeeWithBursary,
            fee_cents: Some(50_000),
            fee_currency: Some("CAD".into()),
            note: both("Bourses", "Bursaries"),
        }),
        confirm_within_hours: Some(48),
        same_in_every_language: ["location".to_owned()].into(),
        visibility: relais_domain::library::Visibility::Members,
    }
}

fn session_draft() -> SessionDraft {
    SessionDraft {
        title: both("Introduction", "Introduction"),
        starts_at: Some(at("2027-03-02T23:00:00Z")),
        ends_at: Some(at("2027-03-03T00:30:00Z")),
        zone: "America/Toronto".into(),
        location: both("Salle 3", "Room 3"),
        instruction_languages: Some(vec!["en".into()]),
        cancelled: true,
        same_in_every_language: ["title".to_owned()].into(),
    }
}

fn complete(filled: u32, required: u32) -> Completeness {
    Completeness { filled, required }
}

/// The rule the dashboard's tests use: every two weeks on Tuesday at 18:00, Toronto time,
/// across the March change.
fn rule() -> Recurrence {
    Recurrence {
        frequency: Frequency::Weekly {
            weekdays: vec![DayOfWeek::Tuesday],
        },
        interval: 2,
        start: "2027-03-02".parse().expect("a date"),
        start_time: "18:00:00".parse().expect("a time"),
        duration_minutes: 90,
        zone: "America/Toronto".into(),
        end: End::Count(5),
        exceptions: vec!["2027-03-16".parse().expect("a date")],
    }
}

fn bare_rule() -> Recurrence {
    Recurrence {
        frequency: Frequency::Daily,
        exceptions: vec![],
        ..rule()
    }
}

fn account_link() -> AccountLink {
    AccountLink {
        purpose: LinkPurpose::Invitation,
        email: "ana@example.org".into(),
        network_id: Some("ggsn".into()),
        network_name: Some("GGSN".into()),
        role: Some(account::Role::Partner),
        partner: Some("Niska".into()),
        invited_by: Some("Ana".into()),
        administrator: false,
        account_exists: true,
        expires_at: at("2026-12-08T23:30:00Z"),
    }
}

fn application_row() -> ApplicationRow {
    ApplicationRow {
        id: "cm-1".into(),
        name: "Awa".into(),
        email: "awa@example.org".into(),
        lang: lang("fr"),
        zone: "Africa/Dakar".into(),
        region: Some("Afrique".into()),
        languages: vec!["fr".into(), "wo".into()],
        standing: Standing::Member,
        on_behalf: OnBehalf::Organisation,
        organisation: Some("Collectif".into()),
        criteria: vec![0, 3],
        answers: BTreeMap::from([("why".into(), "Pour apprendre".into())]),
        applied_at: at("2026-11-01T10:00:00Z"),
        decided_at: Some(at("2026-11-02T10:00:00Z")),
    }
}

fn member() -> Member {
    Member {
        account_id: "acc-0000000000000000".into(),
        name: "Ana".into(),
        email: "ana@example.org".into(),
        role: account::Role::Partner,
        partner: Some("Niska".into()),
        joined_at: at("2026-11-01T10:00:00Z"),
        disabled: false,
    }
}

fn pending() -> PendingInvitation {
    PendingInvitation {
        email: "ines@example.org".into(),
        role: account::Role::Partner,
        partner: Some("Niska".into()),
        invited_at: at("2026-11-01T10:00:00Z"),
        expires_at: at("2026-11-08T10:00:00Z"),
        invited_by: Some("Ana".into()),
    }
}

fn managed_network() -> ManagedNetwork {
    ManagedNetwork {
        id: "ggsn".into(),
        name: "GGSN".into(),
        description: Localized::new([("fr", "Un réseau"), ("en", "A network")]),
        url: Some("https://ggsn.example.org".into()),
        created_at: at("2026-11-01T10:00:00Z"),
        coordinators: 2,
        facilitators: 5,
        pending_invitations: 1,
    }
}

/// Samples of what joining reads and writes (`account::joining`).
fn joining_samples() -> Vec<(&'static str, Value, Value)> {
    vec![
        (
            "AccountLink",
            value(&account_link()),
            value(&AccountLink {
                purpose: LinkPurpose::PasswordReset,
                network_id: None,
                network_name: None,
                role: None,
                partner: None,
                invited_by: None,
                account_exists: false,
                ..account_link()
            }),
        ),
        (
            "Member",
            value(&member()),
            value(&Member {
                role: account::Role::Coordinator,
                partner: None,
                ..member()
            }),
        ),
        (
            "PendingInvitation",
            value(&pending()),
            value(&PendingInvitation {
                invited_by: None,
                role: account::Role::Facilitator,
                partner: None,
                ..pending()
            }),
        ),
        (
            "NetworkMembers",
            value(&NetworkMembers {
                network_id: "ggsn".into(),
                network_name: "GGSN".into(),
                members: vec![member()],
                invitations: vec![pending()],
                partners: vec![PartnerChoice {
                    id: "niska".into(),
                    name: "Niska".into(),
                }],
            }),
            value(&NetworkMembers {
                network_id: "ggsn".into(),
                network_name: "GGSN".into(),
                members: vec![],
                invitations: vec![],
                partners: vec![],
            }),
        ),
        (
            "AdministratorInvitation",
            value(&AdministratorInvitation {
                email: "admin@example.org".into(),
                invited_at: at("2026-11-01T10:00:00Z"),
                expires_at: at("2026-11-08T10:00:00Z"),
            }),
            json!({"email": "a@b.co", "invited_at": "2026-11-01T10:00:00Z", "expires_at": "2026-11-08T10:00:00Z"}),
        ),
        (
            "ManagedNetwork",
            value(&managed_network()),
            value(&ManagedNetwork {
                description: Localized::default(),
                url: None,
                ..managed_network()
            }),
        ),
        // Request bodies: every field given, and the least.
        (
            "InvitationRequest",
            value(&InvitationRequest {
                email: Some("ines@example.org".into()),
                role: Some("partner".into()),
                partner: Some("niska".into()),
                lang: Some("en".into()),
            }),
            json!({"email": "a@b.co", "role": "coordinator"}),
        ),
        (
            "AdministratorInvitationRequest",
            value(&AdministratorInvitationRequest {
                email: Some("admin@example.org".into()),
                administrator: Some(true),
                lang: Some("fr".into()),
            }),
            json!({"email": "a@b.co", "administrator": true}),
        ),
        (
            "PasswordResetRequest",
            value(&PasswordResetRequest {
                email: Some("ana@example.org".into()),
                lang: Some("fr".into()),
            }),
            json!({"email": "a@b.co"}),
        ),
        (
            "LinkAcceptance",
            value(&LinkAcceptance {
                name: Some("Ana".into()),
                password: Some("correct horse battery".into()),
            }),
            json!({"password": "correct horse battery"}),
        ),
        (
            "RoleChange",
            value(&RoleChange {
                role: Some("coordinator".into()),
            }),
            json!({"role": "facilitator"}),
        ),
        (
            "NewNetwork",
            value(&NewNetwork {
                id: Some("ggsn".into()),
                name: Some("GGSN".into()),
                description: Localized::new([("fr", "Un réseau"), ("en", "A network")]),
                url: Some("https://ggsn.example.org".into()),
            }),
            json!({"id": "ab", "name": "A"}),
        ),
    ]
}

fn problem() -> Problem {
    let messages = Messages::new(lang("en")).expect("messages");
    Problem::new(ProblemKind::InvalidBody, &messages)
        .with_detail("why")
        .with_field("name", "required", &messages)
}

/// One sample per described type: `(schema, every optional field set, none set)`.
fn network_message() -> NetworkMessage {
    NetworkMessage {
        id: 7,
        kind: "announcement".into(),
        edition_id: Some("edition-0a1b2c3d4e5f".into()),
        offering_title: Some(both("Mouvements", "Movements")),
        organisation: Some("Collectif Parc-Extension en action".into()),
        to: Some("Amina".into()),
        subject: Some("Salle changée".into()),
        delivery: Delivery::Failed,
        created_at: at("2027-03-01T10:00:00Z"),
        sent_at: Some(at("2027-03-01T10:01:00Z")),
        next_attempt_at: Some(at("2027-03-01T10:02:00Z")),
        attempts: 20,
    }
}

fn waiting_applications() -> WaitingApplications {
    WaitingApplications {
        edition_id: "edition-0a1b2c3d4e5f".into(),
        offering_title: both("Mouvements", "Movements"),
        waiting: 2,
    }
}

fn session_soon() -> SessionSoon {
    SessionSoon {
        id: "session-0a1b2c3d4e5f".into(),
        edition_id: "edition-0a1b2c3d4e5f".into(),
        offering_title: both("Mouvements", "Movements"),
        starts_at: at("2027-03-02T23:00:00Z"),
        ends_at: at("2027-03-03T00:30:00Z"),
    }
}

fn samples() -> Vec<(&'static str, Value, Value)> {
    let bare_session = Session {
        title: None,
        reader_start_offset_minutes: None,
        reader_end_offset_minutes: None,
        instruction_languages: None,
        taught_in: None,
        ..session()
    };
    let bare_edition = Edition {
        title: None,
        capacity: None,
        location: None,
        sessions: vec![],
        instruction_languages: vec![],
        written_in: None,
        cost: None,
        cost_note: None,
        facts: vec![],
        written_in_notice: None,
        ..edition()
    };
    let bare_summary = OfferingSummary {
        cost: None,
        network: None,
        partner: None,
        next_edition: None,
        ..summary()
    };
    let detail = OfferingDetail {
        offering: summary(),
        description: text("Description"),
        audience: Some(text("Militant·es")),
        facilitators: vec![person()],
        upcoming_editions: vec![edition()],
        past_editions: vec![edition()],
        resources: 3,
        on_request: false,
    };
    let profile = Profile {
        id: "framasoft".into(),
        name: "Framasoft".into(),
        about: Some(text("Une association")),
        url: Some("https://framasoft.org".into()),
        offerings: vec![summary()],
    };
    let archived = ArchivedEdition {
        offering_id: "hub".into(),
        offering_kind: OfferingKind::Workshop,
        offering_title: text("Mouvements"),
        edition: edition(),
    };
    let account = AccountView {
        id: "acc-0000000000000000".into(),
        email: "coord@example.org".into(),
        name: "Coordinatrice".into(),
        administrator: false,
        networks: vec![account::MembershipView {
            network_id: "ggsn".into(),
            network_name: "GGSN".into(),
            role: account::Role::Coordinator,
        }],
    };
    let bare_problem = Problem {
        detail: None,
        errors: vec![],
        ..problem()
    };
    let bare_outbox = OutboxLine {
        recipient: None,
        lang: None,
        subject: None,
        body: None,
        sent_at: None,
        last_error: None,
        ..outbox_line()
    };
    let edition_line = EditionLine {
        id: "edition-0a1b2c3d4e5f".into(),
        state: PublicationState::Published,
        title: both("Cohorte", "Cohort"),
        starts_at: Some(at("2027-03-02T23:00:00Z")),
        sessions: 5,
        registrations: 1,
        completeness: complete(12, 12),
    };
    let desk = NetworkDesk {
        network: NetworkLine {
            id: "ggsn".into(),
            name: "GGSN".into(),
        },
        completeness: complete(20, 24),
        offerings: vec![OfferingLine {
            id: "offering-0a1b2c3d4e5f".into(),
            state: PublicationState::Draft,
            title: both("Mouvements", "Movements"),
            completeness: complete(8, 12),
            editions: vec![edition_line.clone()],
        }],
        people: vec![ItemLine {
            id: "tom-liacas".into(),
            state: PublicationState::Archived,
            name: "Tom Liacas".into(),
            completeness: complete(1, 2),
        }],
        partners: vec![],
    };
    let messages = Messages::new(lang("en")).expect("messages");
    let authored_offering = AuthoredOffering {
        id: "offering-0a1b2c3d4e5f".into(),
        network_id: "ggsn".into(),
        draft: offering_draft(),
        completeness: complete(8, 12),
        publish_refusals: problem().errors,
    };
    let authored_session = AuthoredSession {
        id: "session-0a1b2c3d4e5f".into(),
        draft: session_draft(),
        sequence: 2,
    };
    let authored_edition = AuthoredEdition {
        id: "edition-0a1b2c3d4e5f".into(),
        network_id: "ggsn".into(),
        offering_id: "offering-0a1b2c3d4e5f".into(),
        draft: edition_draft(),
        sessions: vec![authored_session.clone()],
        registrations: 3,
        completeness: complete(10, 12),
        publish_refusals: Problem::new(ProblemKind::InvalidBody, &messages)
            .with_field("sessions.0.zone", "unknown-zone", &messages)
            .errors,
    };
    let audit_line = AuditLine {
        id: -7,
        at: at("2027-01-01T10:00:00Z"),
        by: Some("Coordinatrice".into()),
        entity: "session".into(),
        entity_id: "session-0a1b2c3d4e5f".into(),
        action: "changed".into(),
        changes:
            r#"{"starts_at":{"before":"2027-03-02T23:00:00Z","after":"2027-03-03T00:00:00Z"}}"#
                .into(),
    };
    let person_draft = PersonDraft {
        state: PublicationState::Published,
        name: "Tom Liacas".into(),
        bio: both("Stratège", "Strategist"),
        same_in_every_language: ["bio".to_owned()].into(),
    };
    let partner_draft = PartnerDraft {
        state: PublicationState::Draft,
        name: "Framasoft".into(),
        description: both("Une association", "An association"),
        url: Some("https://framasoft.org".into()),
        same_in_every_language: ["description".to_owned()].into(),
    };
    let preview =
        recurrence::preview(&rule(), &["Africa/Lagos", "Asia/Calcutta"]).expect("a preview");
    assert!(
        !preview.shifts.is_empty() && !preview.offset_changes.is_empty(),
        "the sample preview crosses a clock change"
    );
    let mut samples = vec![
        ("Text", value(&text("Atelier")), value(&text(""))),
        ("Session", value(&session()), value(&bare_session)),
        ("Edition", value(&edition()), value(&bare_edition)),
        (
            "EditionCost",
            value(&edition().cost),
            json!({"kind": "free"}),
        ),
        (
            "Organisation",
            value(&partner()),
            value(&Organisation {
                description: None,
                url: None,
                ..partner()
            }),
        ),
        (
            "Person",
            value(&person()),
            value(&Person {
                role: None,
                bio: None,
                ..person()
            }),
        ),
        ("OfferingSummary", value(&summary()), value(&bare_summary)),
        (
            "OfferingDetail",
            value(&detail),
            value(&OfferingDetail {
                offering: bare_summary.clone(),
                audience: None,
                facilitators: vec![],
                upcoming_editions: vec![],
                past_editions: vec![],
                resources: 0,
                on_request: true,
                ..detail.clone()
            }),
        ),
        (
            "CatalogPage",
            value(&CatalogPage {
                lang: lang("en"),
                items: vec![summary()],
                next_cursor: Some("20".into()),
            }),
            value(&CatalogPage {
                lang: lang("fr"),
                items: vec![],
                next_cursor: None,
            }),
        ),
        (
            "Profile",
            value(&profile),
            value(&Profile {
                about: None,
                url: None,
                offerings: vec![],
                ..profile.clone()
            }),
        ),
        (
            "NetworkSummary",
            value(&NetworkSummary {
                id: "ggsn".into(),
                name: "GGSN".into(),
                description: Some(text("Une communauté de pratique")),
                url: Some("https://blueprintsfc.org".into()),
                offerings: 3,
            }),
            value(&NetworkSummary {
                id: "hub".into(),
                name: "Le Hub".into(),
                description: None,
                url: None,
                offerings: 0,
            }),
        ),
        (
            "NetworkList",
            value(&NetworkList {
                lang: lang("en"),
                items: vec![NetworkSummary {
                    id: "ggsn".into(),
                    name: "GGSN".into(),
                    description: None,
                    url: None,
                    offerings: 1,
                }],
            }),
            value(&NetworkList {
                lang: lang("fr"),
                items: vec![],
            }),
        ),
        ("ArchivedEdition", value(&archived), value(&archived)),
        (
            "ArchivePage",
            value(&ArchivePage {
                lang: lang("en"),
                items: vec![archived.clone()],
                next_cursor: Some("40".into()),
            }),
            value(&ArchivePage {
                lang: lang("fr"),
                items: vec![],
                next_cursor: None,
            }),
        ),
        (
            "LibrarySearch",
            value(&SearchAnswer {
                lang: lang("fr"),
                q: "strategie".into(),
                offering: Some(Linked {
                    id: "hub-mouvements-decentralises".into(),
                    title: Text {
                        text: "Bâtir des mouvements décentralisés".into(),
                        lang: "fr".into(),
                    },
                }),
                items: vec![Found {
                    id: "hub-structure-decentralisee".into(),
                    kind: ResourceKind::BookChapter,
                    lang: "fr".into(),
                    title: "Bâtir une structure décentralisée".into(),
                    summary: "Un guide écrit.".into(),
                }],
            }),
            value(&SearchAnswer {
                lang: lang("en"),
                q: "nothing".into(),
                offering: None,
                items: vec![],
            }),
        ),
        (
            "LibraryResource",
            value(&ResourceDetail {
                id: "hub-balado-strategie".into(),
                kind: ResourceKind::Podcast,
                network_id: "hub".into(),
                network_name: "Le Hub".into(),
                text: ResourceText {
                    lang: "en".into(),
                    title: "The Hub podcast".into(),
                    summary: "Organizers talk.".into(),
                    body: String::new(),
                    translator: Some("Hub translation team".into()),
                },
                original: "fr".into(),
                languages: vec!["en".into(), "fr".into()],
                topics: vec!["strategy".into()],
                source: None,
                licence: Some("CC BY-SA 4.0".into()),
                url: Some("https://example.org/episode".into()),
                file: None,
                offerings: vec![Linked {
                    id: "hub-connaissances".into(),
                    title: Text {
                        text: "Organizing knowledge hub".into(),
                        lang: "en".into(),
                    },
                }],
            }),
            value(&ResourceDetail {
                id: "hub-video".into(),
                kind: ResourceKind::Video,
                network_id: "hub".into(),
                network_name: "Le Hub".into(),
                text: ResourceText {
                    lang: "fr".into(),
                    title: "Vidéo résumé".into(),
                    summary: "La séance 1.".into(),
                    body: "Pour revoir.".into(),
                    translator: None,
                },
                original: "fr".into(),
                languages: vec!["fr".into()],
                topics: vec![],
                source: Some("Le Hub".into()),
                licence: None,
                url: None,
                file: Some(ResourceFile {
                    name: "Séance 1 — fiche.pdf".into(),
                    media_type: "application/pdf".into(),
                    size: 240_512,
                }),
                offerings: vec![],
            }),
        ),
        (
            "ResourceFile",
            value(&ResourceFile {
                name: "Fiche « stratégie ».pdf".into(),
                media_type: FileType::Pdf.media_type().into(),
                size: 1,
            }),
            value(&ResourceFile {
                name: "plan.jpeg".into(),
                media_type: FileType::Jpeg.media_type().into(),
                size: 1_500_000,
            }),
        ),
        (
            "FollowRequest",
            value(&FollowRequest {
                email: Some("awa@example.org".into()),
                lang: Some("fr".into()),
                zone: Some("Africa/Dakar".into()),
                offering: Some("hub-ateliers".into()),
                network: Some(String::new()),
                consent: true,
                website: Some(String::new()),
            }),
            json!({"email": "awa@example.org", "lang": "en", "zone": "UTC", "network": "ggsn", "consent": true}),
        ),
        (
            "FollowReceived",
            value(&FollowReceived {
                status: "link_sent".into(),
            }),
            value(&FollowReceived {
                status: "link_sent".into(),
            }),
        ),
        (
            "FollowView",
            value(&FollowView {
                purpose: Purpose::OfferingDates,
                subject_id: "hub-ateliers".into(),
                subject_name: "Ateliers".into(),
                email: "awa@example.org".into(),
                lang: lang("fr"),
                zone: "Africa/Dakar".into(),
                consented_at: at("2026-11-01T10:00:00Z"),
                confirmed_at: Some(at("2026-11-01T10:05:00Z")),
            }),
            value(&FollowView {
                purpose: Purpose::NetworkNews,
                subject_id: "ggsn".into(),
                subject_name: "GGSN".into(),
                email: "awa@example.org".into(),
                lang: lang("en"),
                zone: "UTC".into(),
                consented_at: at("2026-11-01T10:00:00Z"),
                confirmed_at: None,
            }),
        ),
        (
            "CommunityForm",
            value(&CommunityForm {
                network_id: "ggsn".into(),
                network_name: "GGSN".into(),
                rule: community::Rule::AtLeastOne,
                criteria: vec!["Pas de financement de base".into()],
                on_behalf: vec![OnBehalf::Individual, OnBehalf::Organisation],
                questions: form().questions,
            }),
            value(&CommunityForm {
                network_id: "ggsn".into(),
                network_name: "GGSN".into(),
                rule: community::Rule::All,
                criteria: vec![],
                on_behalf: vec![OnBehalf::Individual],
                questions: vec![],
            }),
        ),
        (
            "CommunityApplication",
            value(&community::Application {
                name: Some("Awa".into()),
                email: Some("awa@example.org".into()),
                lang: Some("fr".into()),
                zone: Some("Africa/Dakar".into()),
                region: Some("Afrique".into()),
                languages: vec!["fr".into(), "wo".into()],
                on_behalf: Some(OnBehalf::Organisation),
                organisation: Some("Collectif".into()),
                criteria: vec![0, 2],
                answers: BTreeMap::from([("why".into(), "Pour apprendre".into())]),
                consent: true,
                website: Some(String::new()),
            }),
            json!({"name": "Awa", "email": "awa@example.org", "lang": "en", "zone": "UTC",
                   "on_behalf": "individual", "criteria": [1], "consent": true}),
        ),
        (
            "ApplicationReceived",
            value(&ApplicationReceived {
                network_id: "ggsn".into(),
                status: "link_sent".into(),
            }),
            value(&ApplicationReceived {
                network_id: "ggsn".into(),
                status: "link_sent".into(),
            }),
        ),
        (
            "CommunityMember",
            value(&MemberView {
                network_id: "ggsn".into(),
                network_name: "GGSN".into(),
                name: "Awa".into(),
                email: "awa@example.org".into(),
                lang: lang("fr"),
                zone: "Africa/Dakar".into(),
                region: Some("Afrique".into()),
                languages: vec!["fr".into()],
                standing: Standing::Member,
                on_behalf: OnBehalf::Organisation,
                organisation: Some("Collectif".into()),
                criteria: vec!["Pas de financement de base".into()],
                applied_at: at("2026-11-01T10:00:00Z"),
                resources: vec![Found {
                    id: "ggsn-fiche".into(),
                    kind: ResourceKind::SummarySheet,
                    lang: "fr".into(),
                    title: "Fiche".into(),
                    summary: "Pour les membres.".into(),
                }],
                editions: vec![relais_domain::community::MembersEdition {
                    offering_id: "ggsn-communaute-pratique".into(),
                    offering_title: text("GGSN"),
                    edition: edition(),
                }],
            }),
            value(&MemberView {
                network_id: "ggsn".into(),
                network_name: "GGSN".into(),
                name: "Awa".into(),
                email: "awa@example.org".into(),
                lang: lang("en"),
                zone: "UTC".into(),
                region: None,
                languages: vec![],
                standing: Standing::Applied,
                on_behalf: OnBehalf::Individual,
                organisation: None,
                criteria: vec![],
                applied_at: at("2026-11-01T10:00:00Z"),
                resources: vec![],
                editions: vec![],
            }),
        ),
        (
            "MembersEdition",
            value(&relais_domain::community::MembersEdition {
                offering_id: "ggsn-communaute-pratique".into(),
                offering_title: text("GGSN"),
                edition: edition(),
            }),
            value(&relais_domain::community::MembersEdition {
                offering_id: "ggsn".into(),
                offering_title: text("Rencontre"),
                edition: Edition {
                    sessions: vec![],
                    ..edition()
                },
            }),
        ),
        (
            "LibraryFound",
            value(&Found {
                id: "ggsn-fiche".into(),
                kind: ResourceKind::SummarySheet,
                lang: "fr".into(),
                title: "Fiche".into(),
                summary: "Pour les membres.".into(),
            }),
            value(&Found {
                id: "ggsn-fiche".into(),
                kind: ResourceKind::Guide,
                lang: "en".into(),
                title: "Sheet".into(),
                summary: String::new(),
            }),
        ),
        (
            "CommunityApplicationRow",
            value(&application_row()),
            value(&ApplicationRow {
                region: None,
                organisation: None,
                languages: vec![],
                answers: BTreeMap::new(),
                decided_at: None,
                standing: Standing::Applied,
                ..application_row()
            }),
        ),
        (
            "CommunityApplications",
            value(&Applications {
                network_id: "ggsn".into(),
                criteria: vec!["Pas de financement de base".into()],
                items: vec![application_row()],
            }),
            value(&Applications {
                network_id: "ggsn".into(),
                criteria: vec![],
                items: vec![],
            }),
        ),
        (
            "MembershipDecision",
            value(&DecisionRequest {
                decision: Decision::Accept,
            }),
            value(&DecisionRequest {
                decision: Decision::Decline,
            }),
        ),
        (
            "FormQuestion",
            value(&form().questions[0]),
            value(&form().questions[0]),
        ),
        (
            "RegistrationForm",
            value(&form()),
            value(&RegistrationForm {
                opens_at: None,
                closes_at: None,
                registration_url: None,
                questions: vec![],
                organisation: None,
                places_left: None,
                ..form()
            }),
        ),
        (
            "RegistrationAnswer",
            value(&answer()),
            value(&RegistrationAnswer {
                status: None,
                waitlist_position: None,
                manage_url: None,
                created: false,
                ..answer()
            }),
        ),
        (
            "HistoryEntry",
            value(&managed().history[0]),
            value(&managed().history[0]),
        ),
        (
            "ManagedRegistration",
            value(&managed()),
            value(&ManagedRegistration {
                status: Status::Cancelled,
                waitlist_position: None,
                private_details: None,
                history: vec![],
                resources: vec![],
                ..managed()
            }),
        ),
        // Request bodies: what a client sends, every optional field given, and the least.
        (
            "LinksRequest",
            value(&registration::LinksRequest {
                email: Some("amina@example.org".into()),
                lang: Some("fr".into()),
                website: Some(String::new()),
            }),
            json!({"email": "a@b.co", "lang": "en"}),
        ),
        (
            "RegistrationRequest",
            value(&request()),
            json!({"name": "A", "email": "a@b.co", "lang": "en", "zone": "UTC", "consent": true}),
        ),
        (
            "RegistrationUpdate",
            value(&RegistrationUpdate {
                lang: Some("en".into()),
                zone: Some("Europe/Paris".into()),
            }),
            json!({}),
        ),
        ("Account", value(&account), value(&account)),
        (
            "Membership",
            value(&account.networks[0]),
            value(&account.networks[0]),
        ),
        (
            "SignedIn",
            value(&SignedIn {
                account: account.clone(),
                csrf_token: "0123456789abcdef0123456789abcdef".into(),
            }),
            value(&SignedIn {
                account,
                csrf_token: "00000000000000000000000000000000".into(),
            }),
        ),
        (
            "CoordinatedEdition",
            value(&coordinated()),
            value(&CoordinatedEdition {
                title: None,
                capacity: None,
                starts_at: None,
                ..coordinated()
            }),
        ),
        (
            "EditionCounts",
            value(&registrations().edition),
            value(&EditionCounts {
                capacity: None,
                ..registrations().edition
            }),
        ),
        (
            "RegistrationLine",
            value(&registrations().registrations[0]),
            value(&registrations().registrations[0]),
        ),
        (
            "EditionRegistrations",
            value(&registrations()),
            value(&EditionRegistrations {
                registrations: vec![],
                ..registrations()
            }),
        ),
        // The people behind an edition: filters, counts, attendance.
        (
            "EditionPeople",
            value(&edition_people()),
            value(&EditionPeople {
                title: None,
                filter: PeopleFilter::default(),
                people: vec![],
                sessions: vec![],
                ..edition_people()
            }),
        ),
        (
            "EditionPerson",
            value(&RegisteredPerson {
                status: Status::Waitlisted,
                waitlist_position: Some(2),
                ..registered_person()
            }),
            value(&RegisteredPerson {
                answers: vec![],
                ..registered_person()
            }),
        ),
        (
            "Answer",
            value(&registered_person().answers[0]),
            value(&registered_person().answers[1]),
        ),
        (
            "PeopleFilter",
            value(&edition_people().filter),
            value(&PeopleFilter::default()),
        ),
        (
            "PeopleCounts",
            value(&edition_people().counts),
            value(&PeopleCounts::default()),
        ),
        (
            "Count",
            value(&edition_people().counts.by_status[0]),
            value(&edition_people().counts.by_status[0]),
        ),
        (
            "SessionFigures",
            value(&session_figures()),
            value(&SessionFigures {
                title: None,
                ..session_figures()
            }),
        ),
        (
            "AttendanceFigures",
            value(&figures()),
            value(&AttendanceFigures::default()),
        ),
        (
            "AttendanceLine",
            value(&attendance_line()),
            value(&AttendanceLine {
                mark: None,
                marked_at: None,
                ..attendance_line()
            }),
        ),
        (
            "SessionAttendance",
            value(&SessionAttendance {
                session: session_figures(),
                edition_id: "hub-cohorte".into(),
                offering_title: text("Mouvements"),
                people: vec![attendance_line()],
            }),
            value(&SessionAttendance {
                session: session_figures(),
                edition_id: "hub-cohorte".into(),
                offering_title: text("Mouvements"),
                people: vec![],
            }),
        ),
        (
            "MarkRequest",
            value(&MarkRequest {
                mark: AttendanceMark::Present,
            }),
            value(&MarkRequest {
                mark: AttendanceMark::Absent,
            }),
        ),
        (
            "Moved",
            value(&Moved {
                position: 1,
                waiting: 3,
            }),
            value(&Moved {
                position: 3,
                waiting: 3,
            }),
        ),
        (
            "MoveRequest",
            value(&MoveRequest {
                direction: Direction::Up,
            }),
            value(&MoveRequest {
                direction: Direction::Down,
            }),
        ),
        (
            "MarkAnswer",
            value(&MarkAnswer {
                line: attendance_line(),
                figures: figures(),
            }),
            value(&MarkAnswer {
                line: attendance_line(),
                figures: AttendanceFigures::default(),
            }),
        ),
        // The dashboard's: drafts (also request bodies), what it reads, the rule and its preview.
        (
            "OfferingDraft",
            value(&offering_draft()),
            value(&OfferingDraft::default()),
        ),
        (
            "EditionDraft",
            value(&edition_draft()),
            value(&EditionDraft::default()),
        ),
        (
            "SessionDraft",
            value(&session_draft()),
            value(&SessionDraft::default()),
        ),
        ("Cost", value(&edition_draft().cost), value(&Cost::free())),
        (
            "FacilitatorDraft",
            value(&offering_draft().facilitators[0]),
            value(&FacilitatorDraft::default()),
        ),
        (
            "EditionQuestion",
            value(&edition_draft().questions[0]),
            json!({"id": "motivation", "label": {}}),
        ),
        (
            "Completeness",
            value(&complete(3, 4)),
            value(&complete(0, 0)),
        ),
        ("NetworkLine", value(&desk.network), value(&desk.network)),
        ("ItemLine", value(&desk.people[0]), value(&desk.people[0])),
        (
            "EditionLine",
            value(&edition_line),
            value(&EditionLine {
                starts_at: None,
                title: Localized::default(),
                ..edition_line.clone()
            }),
        ),
        (
            "OfferingLine",
            value(&desk.offerings[0]),
            value(&OfferingLine {
                editions: vec![],
                ..desk.offerings[0].clone()
            }),
        ),
        (
            "NetworkDesk",
            value(&desk),
            value(&NetworkDesk {
                offerings: vec![],
                people: vec![],
                partners: vec![],
                ..desk.clone()
            }),
        ),
        (
            "AuthoredOffering",
            value(&authored_offering),
            value(&AuthoredOffering {
                draft: OfferingDraft::default(),
                publish_refusals: vec![],
                ..authored_offering.clone()
            }),
        ),
        (
            "PersonDraft",
            value(&person_draft),
            value(&PersonDraft::default()),
        ),
        (
            "PartnerDraft",
            value(&partner_draft),
            value(&PartnerDraft::default()),
        ),
        (
            "AuthoredPerson",
            value(&AuthoredPerson {
                id: "person-0a1b2c3d4e5f".into(),
                network_id: "ggsn".into(),
                completeness: complete(3, 3),
                publish_refusals: problem().errors,
                draft: person_draft.clone(),
            }),
            value(&AuthoredPerson {
                id: "x".into(),
                network_id: "ggsn".into(),
                completeness: complete(0, 3),
                publish_refusals: vec![],
                draft: PersonDraft::default(),
            }),
        ),
        (
            "AuthoredPartner",
            value(&AuthoredPartner {
                id: "partner-0a1b2c3d4e5f".into(),
                network_id: "ggsn".into(),
                completeness: complete(3, 3),
                publish_refusals: problem().errors,
                draft: partner_draft.clone(),
            }),
            value(&AuthoredPartner {
                id: "x".into(),
                network_id: "ggsn".into(),
                completeness: complete(0, 3),
                publish_refusals: vec![],
                draft: PartnerDraft::default(),
            }),
        ),
        (
            "AuthoredSession",
            value(&authored_session),
            value(&AuthoredSession {
                draft: SessionDraft::default(),
                ..authored_session.clone()
            }),
        ),
        (
            "AuthoredEdition",
            value(&authored_edition),
            value(&AuthoredEdition {
                draft: EditionDraft::default(),
                sessions: vec![],
                publish_refusals: vec![],
                ..authored_edition.clone()
            }),
        ),
        (
            "Created",
            value(&Created {
                id: "offering-0a1b2c3d4e5f".into(),
            }),
            value(&Created { id: "x".into() }),
        ),
        (
            "AuditLine",
            value(&audit_line),
            value(&AuditLine {
                by: None,
                ..audit_line.clone()
            }),
        ),
        ("Recurrence", value(&rule()), value(&bare_rule())),
        (
            "ClockReading",
            value(&preview.sessions[0].others[1]),
            value(&preview.sessions[0].organiser),
        ),
        (
            "PreviewSession",
            value(&preview.sessions[0]),
            value(&recurrence::PreviewSession {
                others: vec![],
                ..preview.sessions[0].clone()
            }),
        ),
        (
            "ShiftNote",
            value(&preview.shifts[0]),
            value(&preview.shifts[0]),
        ),
        (
            "OffsetChange",
            value(&preview.offset_changes[0]),
            value(&preview.offset_changes[0]),
        ),
        (
            "Preview",
            value(&preview),
            value(&recurrence::preview(&bare_rule(), &[]).expect("a preview")),
        ),
        (
            "PreviewRequest",
            value(&PreviewRequest {
                rule: Some(rule()),
                zones: vec!["Africa/Lagos".into()],
            }),
            json!({}),
        ),
        (
            "SessionsByRule",
            value(&SessionsByRule {
                rule: Some(rule()),
                title: both("Séance", "Session"),
                location: both("Salle 3", "Room 3"),
                replace: true,
            }),
            json!({"rule": value(&bare_rule())}),
        ),
        (
            "DuplicateRequest",
            value(&DuplicateRequest {
                on_or_after: "2027-09-01".parse().ok(),
            }),
            json!({}),
        ),
        ("OutboxLine", value(&outbox_line()), value(&bare_outbox)),
        (
            "AnnouncementDraft",
            value(&AnnouncementDraft {
                subject: both("Salle changée", "Room changed"),
                body: both("La salle change.", "The room changes."),
                audience: Some(Audience::WithPlace),
                filter: PeopleFilter {
                    region: Some("Québec".into()),
                    ..PeopleFilter::default()
                },
                include_sessions: true,
                key: Some("c0ffee".into()),
            }),
            json!({}),
        ),
        (
            "Recipients",
            value(&Recipients {
                audience: Audience::Waiting,
                recipients: 3,
            }),
            value(&Recipients {
                audience: Audience::Active,
                recipients: 0,
            }),
        ),
        (
            "AnnouncementSent",
            value(&AnnouncementSent {
                id: "announcement-0a1b2c3d4e5f".into(),
                recipients: 12,
            }),
            value(&AnnouncementSent {
                id: "announcement-0a1b2c3d4e5f".into(),
                recipients: 1,
            }),
        ),
        (
            "NetworkMessage",
            value(&network_message()),
            value(&NetworkMessage {
                edition_id: None,
                offering_title: None,
                organisation: None,
                to: None,
                subject: None,
                sent_at: None,
                next_attempt_at: None,
                ..network_message()
            }),
        ),
        (
            "WaitingApplications",
            value(&waiting_applications()),
            value(&waiting_applications()),
        ),
        (
            "SessionSoon",
            value(&session_soon()),
            value(&session_soon()),
        ),
        (
            "DeskSummary",
            value(&DeskSummary {
                applications: vec![waiting_applications()],
                sessions: vec![session_soon()],
                failed_messages: 2,
            }),
            value(&DeskSummary {
                applications: vec![],
                sessions: vec![],
                failed_messages: 0,
            }),
        ),
        ("Problem", value(&problem()), value(&bare_problem)),
        (
            "FieldError",
            value(&problem().errors[0]),
            value(&FieldError {
                field: "answers.motivation".into(),
                code: "too-long".into(),
                message: "Too long".into(),
            }),
        ),
    ];
    samples.extend(joining_samples());
    samples.extend(schedule_samples());
    samples.extend(curation_samples());
    samples.extend(coaching_samples());
    samples
}

/// The library as its librarians curate it.
fn curation_samples() -> Vec<(&'static str, Value, Value)> {
    let draft = ResourceDraft {
        state: PublicationState::Published,
        kind: Some(ResourceKind::Guide),
        visibility: Visibility::Members,
        topics: vec!["strategy".into()],
        original: Some("en".into()),
        title: both("Stratégie", "Strategy"),
        summary: both("Un guide.", "A guide."),
        body: both("Les étapes.", "The steps."),
        translator: Localized::new([("fr", "Élise")]),
        source: Some("Hub".into()),
        licence: Some("CC BY-SA 4.0".into()),
        url: Some("https://example.org/guide".into()),
        file: Some(ResourceFile {
            name: "guide.docx".into(),
            media_type: FileType::Docx.media_type().into(),
            size: 1_200,
        }),
        offerings: vec!["formation".into()],
        editions: vec!["formation-2026".into()],
    };
    let line = ResourceLine {
        id: "resource-0a1b2c3d4e5f".into(),
        state: PublicationState::Draft,
        kind: Some(ResourceKind::Podcast),
        visibility: Visibility::Public,
        title: "Écoute active".into(),
        languages: vec!["fr".into(), "en".into()],
        completeness: complete(3, 5),
    };
    let choice = Choice {
        id: "formation".into(),
        label: "Formation — 2026-03-10".into(),
    };
    vec![
        (
            "ResourceDraft",
            value(&draft),
            value(&ResourceDraft::default()),
        ),
        (
            "AuthoredResource",
            value(&AuthoredResource {
                id: "resource-0a1b2c3d4e5f".into(),
                network_id: "hub".into(),
                completeness: complete(7, 7),
                publish_refusals: problem().errors,
                draft: draft.clone(),
            }),
            value(&AuthoredResource {
                id: "x".into(),
                network_id: "hub".into(),
                completeness: complete(0, 4),
                publish_refusals: vec![],
                draft: ResourceDraft::default(),
            }),
        ),
        (
            "ResourceLine",
            value(&line),
            value(&ResourceLine {
                kind: None,
                title: String::new(),
                languages: vec![],
                ..line.clone()
            }),
        ),
        ("Choice", value(&choice), value(&choice)),
        (
            "DigestRequest",
            value(&DigestRequest {
                note: both(
                    "Deux rencontres avant l’été.",
                    "Two meetings before summer.",
                ),
                key: Some("0f1e2d3c".into()),
            }),
            value(&DigestRequest::default()),
        ),
        (
            "DigestPreview",
            value(&DigestPreview {
                followers: 42,
                coming: vec!["Rencontre de la communauté".into()],
            }),
            value(&DigestPreview {
                followers: 0,
                coming: vec![],
            }),
        ),
        (
            "DigestQueued",
            value(&DigestQueued {
                queued: 42,
                last_in_minutes: 10,
            }),
            value(&DigestQueued {
                queued: 0,
                last_in_minutes: 0,
            }),
        ),
        (
            "LibraryShelf",
            value(&LibraryShelf {
                network: NetworkLine {
                    id: "hub".into(),
                    name: "Hub".into(),
                },
                resources: vec![line],
                offerings: vec![choice.clone()],
                editions: vec![choice],
            }),
            value(&LibraryShelf {
                network: NetworkLine {
                    id: "hub".into(),
                    name: "Hub".into(),
                },
                resources: vec![],
                offerings: vec![],
                editions: vec![],
            }),
        ),
    ]
}

/// The scheduling assistant's questions and answers, from a real plan.
fn coaching_samples() -> Vec<(&'static str, Value, Value)> {
    let balance = Balance {
        granted: 31 * 60,
        carried_in: 31 * 60,
        used: 3 * 60,
        expiring: 28 * 60,
        left: 59 * 60,
        ..Balance::default()
    };
    let pool = PoolView {
        places: 9,
        places_left: 8,
        held: true,
        balance: Balance {
            granted: 30 * 60,
            left: 30 * 60,
            ..Balance::default()
        },
    };
    let budget = BudgetView {
        programme_id: "pic-menu".into(),
        programme_name: "Menu des possibles".into(),
        period: 2026,
        allowance: balance,
        pool: Some(pool.clone()),
    };
    let session = SessionView {
        starts_at: at("2026-12-08T23:00:00Z"),
        minutes: 180,
        state: "booked".into(),
    };
    let request = RequestView {
        id: "demande-0a1b2c3d".into(),
        offering_id: "pic-accompagnement".into(),
        offering_title: "Accompagnement".into(),
        stage: Stage::Assigned,
        subject: "Mobiliser les locataires".into(),
        partner: Some("Niska".into()),
        period: 2026,
        created_at: "2026-03-02T15:00:00Z".into(),
        sessions: vec![session.clone()],
    };
    let offer = OfferOnRequest {
        offering_id: "pic-accompagnement".into(),
        title: "Accompagnement".into(),
        programme_id: Some("pic-menu".into()),
        account: "allowance".into(),
        partners: vec![PartnerChoice {
            id: "niska".into(),
            name: "Niska".into(),
        }],
    };
    let contact = ContactView {
        id: "contact-0a1b".into(),
        name: "Aminata Diallo".into(),
        email: "aminata@example.org".into(),
        lang: "fr".into(),
    };
    let on_behalf_registration = OrganisationRegistration {
        edition_id: "emancipasso-2023-upcoming".into(),
        offering_title: "Développer une offre de services".into(),
        network_name: "Framasoft – Emancip’Asso".into(),
        starts_at: Some(at("2027-01-18T12:30:00Z")),
        name: "Awa Diop".into(),
        status: Status::Applied,
    };
    let on_behalf_edition = OnBehalfEdition {
        edition_id: "emancipasso-2023-upcoming".into(),
        offering_title: "Développer une offre de services".into(),
        network_name: "Framasoft – Emancip’Asso".into(),
        starts_at: Some(at("2027-01-18T12:30:00Z")),
    };
    let page = OrganisationPage {
        id: "0a1b2c3d4e5f".into(),
        name: "Table de quartier Hochelaga".into(),
        kind: OrganisationKind::Neighbourhood,
        area: "Hochelaga-Maisonneuve".into(),
        network_id: "pic".into(),
        network_name: "PIC".into(),
        contacts: vec![contact.clone()],
        budgets: vec![budget.clone()],
        requests: vec![request.clone()],
        offers: vec![offer.clone()],
        registrations: vec![on_behalf_registration.clone()],
        on_behalf_editions: vec![on_behalf_edition.clone()],
    };
    let check = DeskCheck {
        name: "centraide-adviser".into(),
        text: "Le quartier a discuté avec sa conseillère ou son conseiller Centraide".into(),
        confirmed: true,
    };
    let booking = DeskBooking {
        id: "seance-0a1b".into(),
        starts_at: at("2026-12-08T23:00:00Z"),
        minutes: 180,
        state: "given".into(),
    };
    let desk_request = DeskRequest {
        id: "demande-0a1b2c3d".into(),
        organisation_id: "0a1b2c3d4e5f".into(),
        organisation: "Table de quartier Hochelaga".into(),
        area: "Hochelaga-Maisonneuve".into(),
        offering_id: "pic-accompagnement-autres".into(),
        offering_title: "Accompagnement".into(),
        stage: Stage::Booked,
        subject: "Mobiliser les locataires".into(),
        question: "Comment ?".into(),
        availability: "Les mardis".into(),
        languages: vec!["fr".into()],
        preferred_partner: Some("dynamo".into()),
        partner: Some("dynamo".into()),
        partners: vec![PartnerChoice {
            id: "dynamo".into(),
            name: "Dynamo".into(),
        }],
        checks: vec![check.clone()],
        bookings: vec![booking.clone()],
        period: 2026,
        created_at: at("2026-03-02T15:00:00Z"),
    };
    let desk_programme = DeskProgramme {
        id: "pic-menu".into(),
        name: "Menu des possibles".into(),
        pool_places: 9,
        pool_places_taken: 2,
    };
    let report_organisation = ReportOrganisation {
        id: "0a1b2c3d4e5f".into(),
        name: "Table de quartier Hochelaga".into(),
        area: "Hochelaga-Maisonneuve".into(),
    };
    let neighbourhood = NeighbourhoodLine {
        organisation: report_organisation.clone(),
        allowance: balance,
        pool: Some(balance),
    };
    let partner_line = PartnerLine {
        partner: "niska".into(),
        organisations: 2,
        given: 360,
        paid_by_organisation: 60,
        booked: 120,
    };
    let year = YearReport {
        period: 2026,
        neighbourhoods: vec![neighbourhood.clone()],
        partners: vec![partner_line.clone()],
        pool_places_taken: 1,
    };
    let programme_year = ProgrammeYear {
        id: "pic-menu".into(),
        name: "Menu des possibles".into(),
        pool_places: 9,
        partners: vec![PartnerChoice {
            id: "niska".into(),
            name: "Niska".into(),
        }],
        report: year.clone(),
    };
    let desk_organisation = DeskOrganisation {
        id: "0a1b2c3d4e5f".into(),
        name: "Table de quartier Hochelaga".into(),
        area: "Hochelaga-Maisonneuve".into(),
        programme_id: "pic-menu".into(),
        allowance: balance,
        pool: Some(balance),
    };
    vec![
        (
            "CoachingDeskCheck",
            value(&check),
            value(&DeskCheck {
                confirmed: false,
                ..check.clone()
            }),
        ),
        ("CoachingDeskBooking", value(&booking), value(&booking)),
        (
            "CoachingDeskRequest",
            value(&desk_request),
            value(&DeskRequest {
                preferred_partner: None,
                partner: None,
                partners: vec![],
                checks: vec![],
                bookings: vec![],
                languages: vec![],
                ..desk_request.clone()
            }),
        ),
        (
            "CoachingDeskOrganisation",
            value(&desk_organisation),
            value(&DeskOrganisation {
                pool: None,
                ..desk_organisation.clone()
            }),
        ),
        (
            "CoachingDesk",
            value(&CoachingDesk {
                network_id: "pic".into(),
                as_partner: true,
                period: 2026,
                programmes: vec![desk_programme.clone()],
                requests: vec![desk_request.clone()],
                organisations: vec![desk_organisation.clone()],
            }),
            value(&CoachingDesk {
                network_id: "pic".into(),
                as_partner: false,
                period: 2026,
                programmes: vec![],
                requests: vec![],
                organisations: vec![],
            }),
        ),
        (
            "CoachingDeskProgramme",
            value(&desk_programme),
            value(&DeskProgramme {
                pool_places: 0,
                pool_places_taken: 0,
                ..desk_programme.clone()
            }),
        ),
        (
            "CoachingReportOrganisation",
            value(&report_organisation),
            value(&report_organisation),
        ),
        (
            "CoachingNeighbourhoodLine",
            value(&neighbourhood),
            value(&NeighbourhoodLine {
                pool: None,
                ..neighbourhood.clone()
            }),
        ),
        (
            "CoachingPartnerLine",
            value(&partner_line),
            value(&partner_line),
        ),
        (
            "CoachingYearReport",
            value(&year),
            value(&YearReport {
                period: 2025,
                neighbourhoods: vec![],
                partners: vec![],
                pool_places_taken: 0,
            }),
        ),
        (
            "CoachingProgrammeYear",
            value(&programme_year),
            value(&ProgrammeYear {
                partners: vec![],
                ..programme_year.clone()
            }),
        ),
        (
            "CoachingReport",
            value(&CoachingReport {
                network_id: "pic".into(),
                as_partner: false,
                period: 2026,
                programmes: vec![programme_year.clone()],
            }),
            value(&CoachingReport {
                network_id: "pic".into(),
                as_partner: true,
                period: 2026,
                programmes: vec![],
            }),
        ),
        (
            "CoachingStepTaken",
            value(&StepTaken {
                id: "demande-0a1b2c3d".into(),
                stage: Stage::Booked,
                booking: Some("seance-0a1b".into()),
                used: 180,
                paid_by_organisation: 0,
            }),
            value(&StepTaken {
                id: "demande-0a1b2c3d".into(),
                stage: Stage::Closed,
                booking: None,
                used: 0,
                paid_by_organisation: 60,
            }),
        ),
        (
            "CoachingStep",
            value(&StepRequest {
                action: Some("record".into()),
                check: Some("centraide-adviser".into()),
                partner: Some("niska".into()),
                starts_at: Some("2026-12-08T23:00:00Z".into()),
                minutes: Some(180),
                travel_minutes: Some(30),
                booking: Some("seance-0a1b".into()),
            }),
            json!({"action": "close"}),
        ),
        (
            "CoachingBalance",
            value(&balance),
            value(&Balance::default()),
        ),
        (
            "CoachingPool",
            value(&pool),
            value(&PoolView {
                held: false,
                ..pool.clone()
            }),
        ),
        (
            "CoachingBudget",
            value(&budget),
            value(&BudgetView {
                pool: None,
                ..budget.clone()
            }),
        ),
        ("OrganisationContact", value(&contact), value(&contact)),
        (
            "OrganisationRequest",
            value(&request),
            value(&RequestView {
                partner: None,
                sessions: vec![],
                ..request.clone()
            }),
        ),
        ("OrganisationSession", value(&session), value(&session)),
        (
            "CoachingPartnerChoice",
            value(&offer.partners[0]),
            value(&offer.partners[0]),
        ),
        (
            "CoachingOffer",
            value(&offer),
            value(&OfferOnRequest {
                programme_id: None,
                partners: vec![],
                ..offer.clone()
            }),
        ),
        (
            "OrganisationPage",
            value(&page),
            value(&OrganisationPage {
                contacts: vec![],
                budgets: vec![],
                requests: vec![],
                offers: vec![],
                registrations: vec![],
                on_behalf_editions: vec![],
                ..page.clone()
            }),
        ),
        (
            "OrganisationRegistration",
            value(&on_behalf_registration),
            value(&OrganisationRegistration {
                starts_at: None,
                status: Status::Confirmed,
                ..on_behalf_registration.clone()
            }),
        ),
        (
            "OnBehalfEdition",
            value(&on_behalf_edition),
            value(&OnBehalfEdition {
                starts_at: None,
                ..on_behalf_edition.clone()
            }),
        ),
        (
            "OrganisationReceived",
            value(&OrganisationReceived {
                network_id: "pic".into(),
                status: "link_sent".into(),
            }),
            value(&OrganisationReceived {
                network_id: "hub".into(),
                status: "link_sent".into(),
            }),
        ),
        (
            "CoachingRequestReceived",
            value(&RequestReceived {
                id: "demande-0a1b2c3d".into(),
                stage: Stage::Received,
                period: 2026,
                pool_place: true,
            }),
            value(&RequestReceived {
                id: "demande-0a1b2c3d".into(),
                stage: Stage::Ready,
                period: 2027,
                pool_place: false,
            }),
        ),
        (
            "OrganisationForm",
            value(&OrganisationForm {
                name: Some("Table de quartier Hochelaga".into()),
                kind: Some("neighbourhood".into()),
                area: Some("Hochelaga-Maisonneuve".into()),
                contact: ContactForm {
                    name: Some("Aminata Diallo".into()),
                    email: Some("aminata@example.org".into()),
                    lang: Some("fr".into()),
                    zone: Some("America/Toronto".into()),
                    consent: true,
                },
                offering: Some("pic-accompagnement".into()),
                website: Some(String::new()),
            }),
            json!({"name": "Quartier", "kind": "collective", "contact": {"name": "A", "email": "a@example.org", "lang": "en", "zone": "UTC", "consent": true}}),
        ),
        (
            "OrganisationContactForm",
            value(&ContactForm {
                name: Some("Aminata Diallo".into()),
                email: Some("aminata@example.org".into()),
                lang: Some("fr".into()),
                zone: Some("America/Toronto".into()),
                consent: true,
            }),
            json!({"name": "A", "email": "a@example.org", "lang": "en", "zone": "UTC", "consent": true}),
        ),
        (
            "CoachingRequestForm",
            value(&NewRequest {
                offering_id: Some("pic-accompagnement".into()),
                form: RequestForm {
                    subject: Some("Mobiliser les locataires".into()),
                    question: Some("Comment rejoindre celles et ceux qu’on ne voit pas ?".into()),
                    partner: Some("niska".into()),
                    availability: Some("Les mardis soir".into()),
                    languages: vec!["fr".into()],
                },
            }),
            json!({"offering_id": "pic-accompagnement", "subject": "S", "question": "Q", "languages": ["en"]}),
        ),
    ]
}

fn schedule_samples() -> Vec<(&'static str, Value, Value)> {
    use relais_domain::schedule::assistant::{
        self, MeetingQuestion, PlannedSessions, RegionName, SeriesQuestion, TypedZone, Who,
    };
    use relais_domain::schedule::fairness::DayParts;
    let typed = TypedZone {
        zone: "Africa/Lagos".into(),
        people: 2,
        region: Some("africa".into()),
    };
    let who = Who {
        source: assistant::Source::Typed,
        typed: vec![typed.clone()],
    };
    let groups = assistant::groups(
        &[
            ("Africa/Lagos".into(), 2, Some("africa".into())),
            ("Pacific/Auckland".into(), 1, Some("oceania".into())),
        ],
        &[],
    )
    .expect("groups");
    let meeting_question = MeetingQuestion {
        who: who.clone(),
        zone: "America/Toronto".into(),
        from: "2027-03-14".parse().expect("date"),
        to: "2027-03-14".parse().expect("date"),
        minutes: 90,
        step_minutes: 30,
        parts: DayParts::default(),
    };
    let mut meeting = assistant::plan_meeting(&meeting_question, groups.clone()).expect("meeting");
    let regions = vec![RegionName {
        code: "africa".into(),
        name: "Afrique".into(),
    }];
    meeting.regions = regions.clone();
    let series_question = SeriesQuestion {
        who: who.clone(),
        rule: rule(),
        earliest: "07:00:00".parse().expect("time"),
        latest: "21:00:00".parse().expect("time"),
        step_minutes: 60,
        parts: DayParts::default(),
        max_nights: Some(2),
        pinned: vec![assistant::Pin {
            session: 0,
            time: "18:00:00".parse().expect("time"),
        }],
    };
    let mut series = assistant::plan_series(&series_question, groups.clone()).expect("series");
    series.regions = regions.clone();
    let slot = meeting.slots[0].clone();
    let missing_hour = meeting.day[0].clone();
    assert!(
        meeting
            .day
            .iter()
            .any(|row| row.hours.iter().any(Option::is_none)),
        "the sample covers an hour a clock change skips"
    );
    let planned = PlannedSessions {
        zone: "America/Toronto".into(),
        minutes: 90,
        starts: vec!["2027-01-12T07:00:00".parse().expect("local")],
        title: both("Rencontre", "Meeting"),
        location: both("En ligne", "Online"),
        replace: true,
    };
    vec![
        (
            "DayParts",
            value(&DayParts::default()),
            value(&DayParts::default()),
        ),
        ("ZoneGroup", value(&groups[0]), value(&groups[1])),
        (
            "RegionBurden",
            value(&series.rotation.burden["africa"]),
            value(&series.fixed.burden["oceania"]),
        ),
        (
            "Score",
            value(&series.rotation.score),
            value(&series.fixed.score),
        ),
        ("RegionName", value(&regions[0]), value(&regions[0])),
        ("TypedZone", value(&typed), json!({})),
        ("Who", value(&who), json!({})),
        (
            "Reading",
            value(&slot.readings[0]),
            value(&slot.readings[1]),
        ),
        ("DayRow", value(&missing_hour), value(&meeting.day[1])),
        (
            "RankedSlot",
            value(&slot.ranked),
            value(&meeting.slots[1].ranked),
        ),
        ("Slot", value(&slot), value(&meeting.slots[1])),
        ("MeetingAnswer", value(&meeting), value(&meeting)),
        (
            "MeetingQuestion",
            value(&meeting_question),
            json!({"zone": "UTC", "from": "2027-01-01", "to": "2027-01-01", "minutes": 60}),
        ),
        (
            "SeriesQuestion",
            value(&series_question),
            json!({"rule": value(&bare_rule())}),
        ),
        (
            "PlannedSession",
            value(&series.rotation.sessions[0]),
            value(&series.fixed.sessions[0]),
        ),
        ("PlanView", value(&series.rotation), value(&series.fixed)),
        ("SeriesAnswer", value(&series), value(&series)),
        (
            "PlannedSessions",
            value(&planned),
            json!({"zone": "UTC", "minutes": 60, "starts": ["2027-01-01T10:00:00"]}),
        ),
    ]
}

#[test]
fn every_type_the_api_writes_matches_its_schema_field_for_field() {
    let mut doc = Doc::load();
    let mut failures = vec![];
    for (name, full, bare) in samples() {
        for sample in [&full, &bare] {
            if let Err(e) = doc.check(&format!("/components/schemas/{name}"), sample) {
                failures.push(e);
            }
        }
        // Every documented field is one the type has (closed objects catch the converse).
        let documented: BTreeSet<&String> = doc.schema(name)["properties"]
            .as_object()
            .map(|p| p.keys().collect())
            .unwrap_or_default();
        let written: BTreeSet<&String> = full.as_object().expect("an object").keys().collect();
        if documented != written {
            failures.push(format!(
                "{name}: documented {documented:?}, the type writes {written:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn every_schema_is_held_by_a_sample_or_named_as_written_by_hand() {
    let doc = Doc::load();
    let sampled: BTreeSet<&str> = samples().iter().map(|(name, _, _)| *name).collect();
    let enums: BTreeSet<&str> = enums().iter().map(|(name, _)| *name).collect();
    for name in doc.json["components"]["schemas"]
        .as_object()
        .expect("schemas")
        .keys()
    {
        let name = name.as_str();
        assert!(
            sampled.contains(name) || enums.contains(name) || DESCRIBED_BY_HAND.contains(&name),
            "schema {name} has no sample in samples(), no entry in enums(), and is not in DESCRIBED_BY_HAND"
        );
    }
}

/// Every closed set of values: the schema's `enum` and the type's values.
fn enums() -> Vec<(&'static str, Vec<String>)> {
    fn names<T: Serialize>(values: impl IntoIterator<Item = T>) -> Vec<String> {
        values
            .into_iter()
            .map(|v| value(&v).as_str().expect("a string").to_owned())
            .collect()
    }
    // Exhaustive matches: a new variant fails to compile until it is listed here.
    let status = |s: Status| match s {
        Status::Held
        | Status::Confirmed
        | Status::Waitlisted
        | Status::Applied
        | Status::Accepted
        | Status::Declined
        | Status::Cancelled
        | Status::Removed
        | Status::Attended
        | Status::Absent => s,
    };
    let state = |s: FormState| match s {
        FormState::Open | FormState::NotHere | FormState::NotYetOpen | FormState::Over => s,
    };
    let format = |f: Format| match f {
        Format::Online | Format::InPerson | Format::Hybrid => f,
    };
    let mode = |m: RegistrationMode| match m {
        RegistrationMode::Open
        | RegistrationMode::Application
        | RegistrationMode::External
        | RegistrationMode::None => m,
    };
    let role = |r: account::Role| match r {
        account::Role::Coordinator
        | account::Role::Facilitator
        | account::Role::Librarian
        | account::Role::Partner => r,
    };
    let day = |d: DayOfWeek| match d {
        DayOfWeek::Monday
        | DayOfWeek::Tuesday
        | DayOfWeek::Wednesday
        | DayOfWeek::Thursday
        | DayOfWeek::Friday
        | DayOfWeek::Saturday
        | DayOfWeek::Sunday => d,
    };
    let nth = |n: Nth| match n {
        Nth::First | Nth::Second | Nth::Third | Nth::Fourth | Nth::Last => n,
    };
    use relais_domain::schedule::fairness::DayPart;
    let part = |p: DayPart| match p {
        DayPart::Working | DayPart::Evening | DayPart::Early | DayPart::Night => p,
    };
    use DayOfWeek::*;
    use Status::*;
    vec![
        (
            "DayPart",
            names(
                [
                    DayPart::Working,
                    DayPart::Evening,
                    DayPart::Early,
                    DayPart::Night,
                ]
                .into_iter()
                .map(part),
            ),
        ),
        (
            "Status",
            names(
                [
                    Held, Confirmed, Waitlisted, Applied, Accepted, Declined, Cancelled, Removed,
                    Attended, Absent,
                ]
                .into_iter()
                .map(status),
            ),
        ),
        (
            "FormState",
            names(
                [
                    FormState::Open,
                    FormState::NotHere,
                    FormState::NotYetOpen,
                    FormState::Over,
                ]
                .into_iter()
                .map(state),
            ),
        ),
        ("OfferingKind", names(OfferingKind::ALL)),
        (
            "Format",
            names(
                [Format::Online, Format::InPerson, Format::Hybrid]
                    .into_iter()
                    .map(format),
            ),
        ),
        (
            "RegistrationMode",
            names(
                [
                    RegistrationMode::Open,
                    RegistrationMode::Application,
                    RegistrationMode::External,
                    RegistrationMode::None,
                ]
                .into_iter()
                .map(mode),
            ),
        ),
        ("Role", names(account::Role::ALL.into_iter().map(role))),
        ("Lang", Lang::all().map(|l| l.code().to_owned()).collect()),
        ("PublicationState", names(PublicationState::ALL)),
        ("PublicationAction", names(PublicationAction::ALL)),
        ("Audience", names(Audience::ALL)),
        ("Delivery", names(Delivery::ALL)),
        ("CostKind", names(CostKind::ALL)),
        (
            "DayOfWeek",
            names(
                [
                    Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday,
                ]
                .into_iter()
                .map(day),
            ),
        ),
        (
            "Nth",
            names(
                [Nth::First, Nth::Second, Nth::Third, Nth::Fourth, Nth::Last]
                    .into_iter()
                    .map(nth),
            ),
        ),
        ("LinkPurpose", names(LinkPurpose::ALL)),
        ("AttendanceMark", names(AttendanceMark::ALL)),
        ("Separator", names(Separator::ALL)),
        ("Standing", names(Standing::ALL)),
        ("OrganisationKind", names(OrganisationKind::ALL)),
        ("CoachingStage", names(Stage::ALL)),
        ("Purpose", names(Purpose::ALL)),
        (
            "OnBehalf",
            names([OnBehalf::Individual, OnBehalf::Organisation]),
        ),
    ]
}

fn enum_at(doc: &Value, pointer: &str) -> BTreeSet<String> {
    doc.pointer(pointer)
        .and_then(Value::as_array)
        .unwrap_or_else(|| panic!("no enum at {pointer}"))
        .iter()
        .map(|v| v.as_str().expect("a string").to_owned())
        .collect()
}

#[test]
fn every_enum_lists_exactly_the_values_of_its_type() {
    let doc = Doc::load();
    for (name, values) in enums() {
        let expected: BTreeSet<String> = values.into_iter().collect();
        assert_eq!(
            enum_at(&doc.json, &format!("/components/schemas/{name}/enum")),
            expected,
            "{name}"
        );
    }
    let kinds: BTreeSet<String> = MessageKind::ALL
        .iter()
        .map(|k| k.as_str().to_owned())
        .chain([relais_domain::announcement::OUTBOX_KIND.to_owned()])
        .collect();
    assert_eq!(
        enum_at(
            &doc.json,
            "/components/schemas/OutboxLine/properties/kind/enum"
        ),
        kinds
    );
    // The decisions the API takes: every transition a coordinator makes.
    let decisions: BTreeSet<String> = Transition::ALL
        .into_iter()
        .filter(|t| t.rule().actor == Actor::Coordinator)
        .map(|t| t.as_str().to_owned())
        .collect();
    assert_eq!(
        enum_at(
            &doc.json,
            "/components/schemas/Decision/properties/decision/enum"
        ),
        decisions
    );
    let reasons: BTreeSet<String> = Reason::ALL.iter().map(|r| r.as_str().to_owned()).collect();
    assert_eq!(
        enum_at(
            &doc.json,
            "/components/schemas/Decision/properties/reason/enum"
        ),
        reasons
    );
    let events: BTreeSet<String> = Event::ALL.iter().map(|e| e.as_str().to_owned()).collect();
    assert_eq!(
        enum_at(
            &doc.json,
            "/components/schemas/HistoryEntry/properties/kind/enum"
        ),
        events
    );
    use relais_domain::schedule::assistant::Source;
    let source = |s: Source| match s {
        Source::Registrants | Source::Typed | Source::Members => value(&s),
    };
    let sources: BTreeSet<String> = [Source::Registrants, Source::Typed, Source::Members]
        .into_iter()
        .map(|s| source(s).as_str().unwrap_or_default().to_owned())
        .collect();
    assert_eq!(
        enum_at(&doc.json, "/components/schemas/Who/properties/source/enum"),
        sources
    );
    let steps: BTreeSet<u64> = relais_domain::schedule::assistant::STEPS_MINUTES
        .iter()
        .map(|&s| u64::from(s))
        .collect();
    for schema in ["MeetingQuestion", "SeriesQuestion"] {
        let listed: BTreeSet<u64> = doc.json["components"]["schemas"][schema]["properties"]
            ["step_minutes"]["enum"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_u64)
            .collect();
        assert_eq!(listed, steps, "{schema}");
    }
}

/// A request built from `request()` with one field replaced.
fn request_with(field: &str, v: Value) -> Value {
    let mut body = value(&request());
    body[field] = v;
    body
}

#[test]
fn registration_limits_are_the_ones_the_domain_enforces() {
    let mut doc = Doc::load();
    let questions = [registration::Question {
        id: "motivation".into(),
        label: Default::default(),
        required: false,
        priority: false,
    }];
    let zone = |name: &str| {
        relais_domain::schedule::parse_zone(relais_domain::schedule::canonical_zone(name))
            .ok()
            .map(|_| name.to_owned())
    };
    // Each free-text field at its limit and one character over, in the document and in
    // the domain's check: both must agree.
    let fields = [
        ("name", registration::MAX_NAME),
        ("region", registration::MAX_REGION),
        ("organisation", registration::MAX_ORGANISATION),
        ("accessibility", registration::MAX_ACCESSIBILITY),
    ];
    for (field, max) in fields {
        for n in [max, max + 1] {
            let body = request_with(field, json!("é".repeat(n)));
            let domain_accepts = registration::validate(
                serde_json::from_value::<RegistrationRequest>(body.clone()).expect("reads"),
                &questions,
                false,
                zone,
            )
            .is_ok();
            assert_eq!(
                doc.valid("RegistrationRequest", &body),
                domain_accepts,
                "{field} of {n} characters"
            );
            assert_eq!(domain_accepts, n == max, "{field} of {n} characters");
        }
    }
    for n in [registration::MAX_ANSWER, registration::MAX_ANSWER + 1] {
        let body = request_with("answers", json!({"motivation": "a".repeat(n)}));
        let domain_accepts = registration::validate(
            serde_json::from_value::<RegistrationRequest>(body.clone()).expect("reads"),
            &questions,
            false,
            zone,
        )
        .is_ok();
        assert_eq!(doc.valid("RegistrationRequest", &body), domain_accepts);
        assert_eq!(domain_accepts, n == registration::MAX_ANSWER);
    }
    // Blank or control characters in a name, and a refused consent.
    for (field, bad) in [
        ("name", json!("")),
        ("name", json!("   ")),
        ("name", json!("a\u{7}b")),
        ("consent", json!(false)),
    ] {
        let body = request_with(field, bad.clone());
        assert!(
            registration::validate(
                serde_json::from_value::<RegistrationRequest>(body.clone()).expect("reads"),
                &questions,
                false,
                zone,
            )
            .is_err(),
            "{field}: {bad}"
        );
        assert!(!doc.valid("RegistrationRequest", &body), "{field}: {bad}");
    }
    assert_eq!(
        doc.schema("RegistrationRequest")["properties"]["email"]["maxLength"],
        json!(registration::MAX_EMAIL)
    );
    let password = &doc.schema("LinkAcceptance")["properties"]["password"];
    assert_eq!(password["minLength"], json!(account::MIN_PASSWORD_CHARS));
    assert_eq!(password["maxLength"], json!(account::MAX_PASSWORD_CHARS));
    let q = doc.json["paths"]["/api/offerings"]["get"]["parameters"]
        .as_array()
        .expect("parameters")
        .iter()
        .find(|p| p["name"] == "q")
        .expect("q");
    assert_eq!(q["schema"]["maxLength"], json!(MAX_TEXT));
}

#[test]
fn the_email_pattern_is_the_domains_rule() {
    let mut doc = Doc::load();
    let long_local = format!("{}@example.org", "a".repeat(65));
    let long_domain = format!("a@{}.org", "b".repeat(64));
    let addresses = [
        "a@b.co",
        "first.last+tag@mail.example.org",
        "x_y@sub-domain.ca",
        "A.B@Example.ORG",
        "",
        "a",
        "a@b",
        "@b.co",
        "a@.co",
        "a@b.c",
        "a b@c.org",
        "a@b..org",
        "a@-b.org",
        "a@b.org-",
        "a@@b.org",
        "a@b.12",
        "a@xn--p1ai",
        "é@b.org",
        long_local.as_str(),
        long_domain.as_str(),
    ];
    for address in addresses {
        let documented = doc.valid(
            "InvitationRequest",
            &json!({"email": address, "role": "coordinator"}),
        );
        assert_eq!(
            documented,
            registration::is_email(&address.to_lowercase()),
            "{address:?}"
        );
        assert_eq!(
            doc.valid(
                "RegistrationRequest",
                &request_with("email", json!(address))
            ),
            documented,
            "{address:?}"
        );
    }
}

#[test]
fn a_networks_id_pattern_is_the_domains_slug_rule() {
    let mut doc = Doc::load();
    for id in [
        "ab",
        "ggsn",
        "ggsn-2",
        "a-b-c",
        "",
        "a",
        "A",
        "re--seau",
        "-ab",
        "ab-",
        "réseau",
        "a b",
        &"a".repeat(60),
        &"a".repeat(61),
    ] {
        assert_eq!(
            doc.valid("NewNetwork", &json!({"id": id, "name": "N"})),
            joining::is_slug(id),
            "{id:?}"
        );
    }
    let name = &doc.schema("NewNetwork")["properties"]["name"];
    assert_eq!(name["maxLength"], json!(joining::MAX_NETWORK_NAME));
    let description = &doc.schema("NetworkDescription")["additionalProperties"];
    assert_eq!(
        description["maxLength"],
        json!(joining::MAX_NETWORK_DESCRIPTION)
    );
    let url = &doc.schema("NewNetwork")["properties"]["url"];
    assert_eq!(url["maxLength"], json!(joining::MAX_URL));
    let name = &doc.schema("LinkAcceptance")["properties"]["name"];
    assert_eq!(name["maxLength"], json!(joining::MAX_ACCOUNT_NAME));
}

#[test]
fn every_zone_the_api_knows_fits_the_zone_schema() {
    let mut doc = Doc::load();
    for tz in chrono_tz::TZ_VARIANTS {
        let name = tz.name();
        // The catalog's `tz` takes names with a region (and UTC); others are refused there.
        if name.contains('/') || name == "UTC" {
            assert!(doc.valid("Zone", &json!(name)), "{name}");
        }
    }
    for refused in ["", "Lagos", "Mars/Olympus Mons", "Africa/Lagos/x/y"] {
        assert!(!doc.valid("Zone", &json!(refused)), "{refused}");
    }
}

/// Every problem the API writes matches the response that describes its status.
#[test]
fn every_problem_matches_the_response_for_its_status() {
    let mut doc = Doc::load();
    let responses: BTreeMap<u64, String> = doc.json["components"]["responses"]
        .as_object()
        .expect("responses")
        .iter()
        .filter_map(|(name, r)| {
            let status = r.pointer(
                "/content/application~1problem+json/schema/allOf/1/properties/status/const",
            )?;
            Some((status.as_u64()?, name.clone()))
        })
        .collect();
    for lang in Lang::all() {
        let messages = Messages::new(lang).expect("messages");
        for kind in ProblemKind::ALL {
            let status = u64::from(kind.status());
            if status >= 500 {
                continue;
            }
            let name = responses
                .get(&status)
                .unwrap_or_else(|| panic!("no response describes {status} ({kind:?})"));
            let problem = value(&Problem::new(kind, &messages).with_field(
                "lang",
                "unknown-language",
                &messages,
            ));
            doc.check(
                &format!("/components/responses/{name}/content/application~1problem+json/schema"),
                &problem,
            )
            .unwrap_or_else(|e| panic!("{e}"));
        }
    }
}

fn responses_of(operation: &Value) -> BTreeSet<String> {
    operation["responses"]
        .as_object()
        .expect("responses")
        .keys()
        .cloned()
        .collect()
}

fn refers(v: &Value, target: &str) -> bool {
    v["$ref"] == format!("#/components/{target}")
}

/// What each kind of route can answer, whatever it does: the rules `route`, `Caller` and
/// `auth` apply before any handler's own.
#[test]
fn every_route_lists_the_statuses_its_kind_of_route_answers() {
    let doc = Doc::load();
    let mut failures = vec![];
    for (method, path, operation) in doc.operations() {
        let mut expected: Vec<(&str, &str)> = vec![];
        let mut expect = |status, why| expected.push((status, why));
        let parameters = operation["parameters"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        // `?lang=` is read on every route, and refused there when unknown.
        if !parameters.iter().any(|p| refers(p, "parameters/Lang")) {
            failures.push(format!("{method} {path}: no lang parameter"));
        }
        expect("400", "an unknown lang");
        if path.contains('{') {
            expect("404", "a path parameter naming nothing");
        }
        if operation.get("requestBody").is_some() {
            expect("400", "a body that is not the JSON object described");
            expect("413", "a body over the size read");
        }
        let security = operation["security"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        let back_office = path.starts_with("/api/coordinator/")
            || path.starts_with("/api/admin/")
            || path.starts_with("/api/dashboard/");
        if back_office && security.is_empty() {
            failures.push(format!(
                "{method} {path}: a back-office route without security"
            ));
        }
        if !security.is_empty() {
            expect("401", "no session");
            let changes = method != "GET";
            let csrf = security.iter().any(|s| s.get("csrf").is_some());
            if changes != csrf {
                failures.push(format!(
                    "{method} {path}: a change needs the CSRF token, a read does not"
                ));
            }
            if csrf || back_office {
                expect("403", "a role without the right, or no CSRF token");
            }
        }
        let statuses = responses_of(&operation);
        for (status, why) in expected {
            if !statuses.contains(status) {
                failures.push(format!("{method} {path}: no {status} ({why})"));
            }
        }
        // Every refusal is a problem, described once in components.
        for (status, response) in operation["responses"].as_object().expect("responses") {
            if status.starts_with('4') && response.get("$ref").is_none() {
                failures.push(format!(
                    "{method} {path}: {status} is not one of components/responses"
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn method_not_allowed_is_described_with_allow() {
    let doc = Doc::load();
    let response = &doc.json["components"]["responses"]["MethodNotAllowed"];
    assert_eq!(response["headers"]["Allow"]["required"], json!(true));
}

/// The dashboard's drafts: each text at its limit and one character over, in the document and
/// in the domain's draft check, and the numbers at their bounds: both must agree.
#[test]
fn authoring_limits_are_the_ones_the_domain_enforces() {
    let mut doc = Doc::load();
    let texts = [
        ("title", authoring::MAX_TITLE),
        ("summary", authoring::MAX_SUMMARY),
        ("description", authoring::MAX_DESCRIPTION),
        ("audience", authoring::MAX_AUDIENCE),
        ("cost", authoring::MAX_COST_NOTE),
    ];
    for (field, max) in texts {
        for n in [max, max + 1] {
            let mut body = value(&offering_draft());
            body[field] = json!({"fr": "é".repeat(n)});
            body["same_in_every_language"] = json!([]);
            let draft: OfferingDraft = serde_json::from_value(body.clone()).expect("reads");
            let domain_accepts = draft.check_draft().is_empty();
            assert_eq!(
                doc.valid("OfferingDraft", &body),
                domain_accepts,
                "{field} of {n}"
            );
            assert_eq!(domain_accepts, n == max, "{field} of {n}");
        }
    }
    let edition_texts = [
        ("title", authoring::MAX_TITLE),
        ("location", authoring::MAX_LOCATION),
        ("private_details", authoring::MAX_PRIVATE_DETAILS),
    ];
    for (field, max) in edition_texts {
        for n in [max, max + 1] {
            let mut body = value(&edition_draft());
            body[field] = json!({"en": "a".repeat(n)});
            body["same_in_every_language"] = json!([]);
            let draft: EditionDraft = serde_json::from_value(body.clone()).expect("reads");
            let domain_accepts = draft.check_draft().is_empty();
            assert_eq!(
                doc.valid("EditionDraft", &body),
                domain_accepts,
                "{field} of {n}"
            );
            assert_eq!(domain_accepts, n == max, "{field} of {n}");
        }
    }
    let numbers = [
        ("capacity", 0, authoring::MAX_CAPACITY),
        (
            "confirm_within_hours",
            0,
            authoring::MAX_CONFIRM_WITHIN_HOURS,
        ),
    ];
    for (field, below, max) in numbers {
        for (n, fits) in [
            (below, false),
            (below + 1, true),
            (max, true),
            (max + 1, false),
        ] {
            let mut body = value(&edition_draft());
            body[field] = json!(n);
            let draft: EditionDraft = serde_json::from_value(body.clone()).expect("reads");
            assert_eq!(draft.check_draft().is_empty(), fits, "{field} = {n}");
            assert_eq!(doc.valid("EditionDraft", &body), fits, "{field} = {n}");
        }
    }
    for (cents, fits) in [
        (0, false),
        (1, true),
        (authoring::MAX_FEE_CENTS, true),
        (authoring::MAX_FEE_CENTS + 1, false),
    ] {
        let mut body = value(&edition_draft());
        body["cost"]["fee_cents"] = json!(cents);
        let draft: EditionDraft = serde_json::from_value(body.clone()).expect("reads");
        assert_eq!(draft.check_draft().is_empty(), fits, "fee_cents = {cents}");
        assert_eq!(
            doc.valid("EditionDraft", &body),
            fits,
            "fee_cents = {cents}"
        );
    }
    for (schema, field, max) in [
        ("PersonDraft", "bio", authoring::MAX_BIO),
        ("PartnerDraft", "description", authoring::MAX_DESCRIPTION),
    ] {
        for n in [max, max + 1] {
            let body = json!({"name": "N", field: {"fr": "a".repeat(n)}});
            let accepts = match schema {
                "PersonDraft" => serde_json::from_value::<PersonDraft>(body.clone())
                    .expect("reads")
                    .check_draft(),
                _ => serde_json::from_value::<PartnerDraft>(body.clone())
                    .expect("reads")
                    .check_draft(),
            }
            .is_empty();
            assert_eq!(doc.valid(schema, &body), accepts, "{field} of {n}");
            assert_eq!(accepts, n == max, "{field} of {n}");
        }
    }
    for n in [authoring::MAX_NAME, authoring::MAX_NAME + 1] {
        let body = json!({"name": "é".repeat(n)});
        let accepts = serde_json::from_value::<PersonDraft>(body.clone())
            .expect("reads")
            .check_draft()
            .is_empty();
        assert_eq!(doc.valid("PersonDraft", &body), accepts, "name of {n}");
        assert_eq!(accepts, n == authoring::MAX_NAME, "name of {n}");
    }
    let mut body = value(&edition_draft());
    body["questions"] = json!(vec![
        value(&edition_draft().questions[0]);
        authoring::MAX_QUESTIONS + 1
    ]);
    assert!(!doc.valid("EditionDraft", &body));
    for field in ["title", "location"] {
        let same = doc.schema("SessionDraft")["properties"]["same_in_every_language"]["items"]
            ["enum"]
            .clone();
        assert!(
            same.as_array().expect("enum").contains(&json!(field)),
            "{field}"
        );
    }
    let same_fields = |name: &str| -> BTreeSet<String> {
        enum_at(
            &doc.json,
            &format!("/components/schemas/{name}/properties/same_in_every_language/items/enum"),
        )
    };
    let names =
        |fields: &[&str]| -> BTreeSet<String> { fields.iter().map(|f| f.to_string()).collect() };
    assert_eq!(
        same_fields("OfferingDraft"),
        names(authoring::same_fields::OFFERING)
    );
    assert_eq!(
        same_fields("EditionDraft"),
        names(authoring::same_fields::EDITION)
    );
    assert_eq!(
        same_fields("SessionDraft"),
        names(authoring::same_fields::SESSION)
    );
    assert_eq!(
        same_fields("PersonDraft"),
        names(authoring::same_fields::PERSON)
    );
    assert_eq!(
        same_fields("PartnerDraft"),
        names(authoring::same_fields::PARTNER)
    );
}

/// Every shape of a rule the domain reads is one the document describes, and the rule's
/// bounds are the domain's.
#[test]
fn every_recurrence_the_domain_reads_fits_the_document() {
    let mut doc = Doc::load();
    let monthly = Recurrence {
        frequency: Frequency::Monthly {
            weekday: DayOfWeek::Friday,
            nth: Nth::Last,
        },
        interval: 2,
        end: End::Until("2027-12-31".parse().expect("a date")),
        exceptions: vec![],
        ..rule()
    };
    let weekly_bare = Recurrence {
        frequency: Frequency::Weekly { weekdays: vec![] },
        exceptions: vec![],
        ..rule()
    };
    for r in [rule(), bare_rule(), monthly, weekly_bare] {
        let v = value(&r);
        assert!(recurrence::expand(&r).is_ok(), "{v}");
        doc.check("/components/schemas/Recurrence", &v)
            .unwrap_or_else(|e| panic!("{e}"));
    }
    // What people type: a time without seconds is read the same.
    let mut typed = value(&rule());
    typed["start_time"] = json!("18:00");
    assert!(doc.valid("Recurrence", &typed));
    assert_eq!(
        serde_json::from_value::<Recurrence>(typed).expect("reads"),
        rule()
    );
    let schema = doc.schema("Recurrence")["properties"].clone();
    assert_eq!(
        schema["duration_minutes"]["maximum"],
        json!(recurrence::MAX_DURATION_MINUTES)
    );
    assert_eq!(
        schema["end"]["oneOf"][1]["properties"]["count"]["maximum"],
        json!(recurrence::MAX_OCCURRENCES)
    );
    assert_eq!(
        schema["exceptions"]["maxItems"],
        json!(recurrence::MAX_EXCEPTIONS)
    );
    assert_eq!(
        doc.schema("PreviewRequest")["properties"]["zones"]["maxItems"],
        json!(recurrence::MAX_PREVIEW_ZONES)
    );
    let longest = [Frequency::Daily, Frequency::Weekly { weekdays: vec![] }]
        .iter()
        .map(Frequency::max_interval)
        .chain([Frequency::Monthly {
            weekday: DayOfWeek::Monday,
            nth: Nth::First,
        }
        .max_interval()])
        .max();
    assert_eq!(schema["interval"]["maximum"], json!(longest));
}

/// An announcement's limits: the document's are the domain's checks'.
#[test]
fn announcement_limits_are_the_ones_the_domain_enforces() {
    use relais_domain::announcement::{MAX_BODY, MAX_KEY, MAX_SUBJECT};
    let doc = Doc::load();
    let fields = &doc.schema("AnnouncementDraft")["properties"];
    for (field, max) in [("subject", MAX_SUBJECT), ("body", MAX_BODY)] {
        assert_eq!(
            fields[field]["additionalProperties"]["maxLength"],
            json!(max),
            "{field}"
        );
        for (len, refused) in [(max, false), (max + 1, true)] {
            let mut draft = AnnouncementDraft {
                subject: both("s", "s"),
                body: both("b", "b"),
                audience: Some(Audience::Active),
                ..AnnouncementDraft::default()
            };
            let text = Localized::new([("fr", "x".repeat(len).as_str()), ("en", "ok")]);
            if field == "subject" {
                draft.subject = text;
            } else {
                draft.body = text;
            }
            let codes = draft.check();
            assert_eq!(
                codes.contains(&(format!("{field}.fr"), "too-long")),
                refused,
                "{field} at {len}"
            );
        }
    }
    assert_eq!(fields["key"]["maxLength"], json!(MAX_KEY));
}

/// The export keeps the people the page's filters keep, every one of them: each filter's
/// name is a query parameter of both, and the export's own parameters (its separator, the
/// clock of its times) filter nothing.
#[test]
fn the_export_takes_every_filter_of_the_people_page() {
    let doc = Doc::load();
    let names = |path: &str| -> BTreeSet<String> {
        doc.json["paths"][path]["get"]["parameters"]
            .as_array()
            .expect("parameters")
            .iter()
            .filter(|p| p["in"] == "query")
            .filter_map(|p| p["name"].as_str().map(str::to_owned))
            .collect()
    };
    let page = names("/api/dashboard/editions/{id}/registrations");
    let export = names("/api/dashboard/editions/{id}/registrations.csv");
    let filters: BTreeSet<String> = edition_people()
        .filter
        .pairs()
        .into_iter()
        .map(|(name, _)| name.to_owned())
        .collect();
    assert_eq!(filters.len(), 6, "a sample filter with every field set");
    assert_eq!(page, filters, "the page's parameters are its filters");
    let own: BTreeSet<String> = export.difference(&filters).cloned().collect();
    assert_eq!(
        own,
        ["clock", "separator"].map(str::to_owned).into(),
        "the export takes every filter, and two parameters of its own"
    );
    assert_eq!(
        PeopleFilter::from_query([("clock", "Asia/Kolkata"), ("separator", "comma")]),
        Ok(PeopleFilter::default()),
        "the export's own parameters filter nothing"
    );
}
