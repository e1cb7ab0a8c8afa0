//! The people behind an edition, usable on a phone at the door: its registrations with
//! filters kept in the address (status, region, zone, language, priority group, words in
//! their answers), the edition's counts, each person's answers under the questions' labels
//! and the decisions a coordinator may take; the sessions' attendance figures, each opening
//! its attendance list — one row per person with a place, three big choices saved on the
//! tap, and a live count —; and the CSV download of the same people, with its separator
//! and the clock of its times.

use std::sync::Arc;

use gloo_net::http::Method;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};
use relais_domain::people::{
    AttendanceFigures, AttendanceLine, AttendanceMark, Count, EditionPeople, EditionPerson,
    MarkAnswer, PeopleFilter, Separator, SessionAttendance, SessionFigures,
};
use relais_domain::registration::waitlist::{Direction, MoveRequest, Moved};
use relais_domain::registration::{Reason, Status, Transition};
use relais_domain::schedule::format_datetime;
use serde::Serialize;

use super::{encode, failed, read, use_session, Problems};
use crate::api::{self, ApiError};
use crate::form::FormState;
use crate::i18n::{use_i18n, I18n};
use crate::layout::Fetched;
use crate::time::viewer_local;

/// The filter in the page's address, as the API reads it (the people page's, and the message
/// page's when it is opened from a filtered list).
pub(super) fn filter_in_address() -> Memo<PeopleFilter> {
    let query = use_query_map();
    Memo::new(move |_| {
        let query = query.read();
        let pairs: Vec<(&str, String)> = ["status", "region", "zone", "language", "priority", "q"]
            .into_iter()
            .filter_map(|k| query.get(k).map(|v| (k, v)))
            .collect();
        PeopleFilter::from_query(pairs.iter().map(|(k, v)| (*k, v.as_str()))).unwrap_or_default()
    })
}

/// The filter as query pairs, each after a `&`.
pub(super) fn query_of(filter: &PeopleFilter) -> String {
    filter
        .pairs()
        .iter()
        .map(|(k, v)| format!("&{k}={}", encode(v)))
        .collect()
}

fn when(i18n: I18n, at: chrono::DateTime<chrono::Utc>) -> String {
    i18n.with(|m| format_datetime(viewer_local(at), m))
}

/// `/{lang}/dashboard/editions/{id}/people`.
#[component]
pub fn PeoplePage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let filter = filter_in_address();
    // Read again after each decision.
    let version = RwSignal::new(0u32);
    let line = Line {
        notice: RwSignal::new(None),
        refocus: RwSignal::new(None),
    };
    let url = Signal::derive(move || {
        let id = params.read().get("id").unwrap_or_default();
        format!(
            "/api/dashboard/editions/{}/registrations?lang={}{}&v={}",
            encode(&id),
            i18n.lang.get(),
            query_of(&filter.get()),
            version.get()
        )
    });
    let show = move |answer| -> Result<AnyView, ApiError> {
        let people: EditionPeople = api::typed(answer)?;
        Ok(view! { <People people version line/> }.into_any())
    };
    view! {
        <article class="dashboard people" aria-labelledby="people-title">
            // Outside the list, which is read again after a move: said once, where it stays.
            // A live region is there, empty, before anything is said in it.
            <div class="visually-hidden" role="status">{move || line.notice.get()}</div>
            <Fetched url show=Arc::new(show)/>
        </article>
    }
}

/// What outlives the list being read again after a move on the waiting list: the sentence
/// saying where the person now stands, and the button to give the focus back to.
#[derive(Clone, Copy)]
struct Line {
    notice: RwSignal<Option<String>>,
    refocus: RwSignal<Option<String>>,
}

#[component]
fn People(people: EditionPeople, version: RwSignal<u32>, line: Line) -> impl IntoView {
    let i18n = use_i18n();
    let edition = people.edition.id.clone();
    let back = format!("/{}/dashboard/editions/{}", i18n.code(), encode(&edition));
    let title = people.offering_title.clone();
    let shown = i18n.with(|m| {
        m.format(
            "people-shown",
            &[
                ("shown", people.counts.shown.into()),
                ("total", people.counts.total.into()),
            ],
        )
    });
    let state = FormState::new();
    let decided = RwSignal::new(false);
    let mode = people.edition.registration_mode;
    let may_decide = people.may_decide;
    let waiting = people.edition.waiting;
    let write = format!(
        "/{}/dashboard/editions/{}/message{}",
        i18n.code(),
        encode(&edition),
        query_of(&people.filter).replacen('&', "?", 1)
    );
    let list = people
        .people
        .into_iter()
        .map(|person| view! { <PersonCard person mode may_decide state decided version waiting line/> })
        .collect_view();
    view! {
        <p class="back"><a href=back>"← " {i18n.text("people-back")}</a></p>
        <h1 id="people-title">{i18n.text("people-title")} " — " <span lang=title.lang>{title.text}</span></h1>
        {people.title.map(|t| view! { <p class="lead" lang=t.lang>{t.text}</p> })}
        <Filters filter=people.filter.clone() counts=people.counts.clone() edition=edition.clone()/>
        <Counts counts=people.counts/>
        <Sessions edition=edition.clone() sessions=people.sessions attendance=people.attendance/>
        <Download edition filter=people.filter/>
        <section aria-labelledby="people-list-title">
            <h2 id="people-list-title">{i18n.text("people-list")}</h2>
            <p role="status" class="people-shown">{shown}</p>
            {may_decide.then(|| view! {
                <p class="people-write"><a href=write>{i18n.text("people-write")}</a></p>
            })}
            <Problems state id="people-problems"/>
            <p id="people-decided" class="done" role="status" hidden=move || !decided.get()>{i18n.text("coord-decided")}</p>
            <ol class="people-list" role="list">{list}</ol>
        </section>
    }
}

/// The filters, as a form whose choices are the edition's own values; sent, it becomes the
/// page's address.
#[component]
fn Filters(
    filter: PeopleFilter,
    counts: relais_domain::people::PeopleCounts,
    edition: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let navigate = use_navigate();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(form) = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlFormElement>(t).ok())
        else {
            return;
        };
        let Ok(data) = web_sys::FormData::new_with_form(&form) else {
            return;
        };
        let mut pairs = vec![];
        for name in ["status", "region", "zone", "language", "priority", "q"] {
            if let Some(v) = data.get(name).as_string().filter(|v| !v.trim().is_empty()) {
                pairs.push(format!("{name}={}", encode(v.trim())));
            }
        }
        let query = if pairs.is_empty() {
            String::new()
        } else {
            format!("?{}", pairs.join("&"))
        };
        navigate(
            &format!(
                "/{}/dashboard/editions/{}/people{query}",
                i18n.code(),
                encode(&edition)
            ),
            Default::default(),
        );
    };
    let any = i18n.t("people-any");
    let choose =
        |name: &'static str, label: String, options: Vec<(String, String)>, value: String| {
            let id = format!("people-filter-{name}");
            let any = any.clone();
            view! {
                <p class="field">
                    <label for=id.clone()>{label}</label>
                    <select id=id name=name>
                        <option value="" selected=value.is_empty()>{any}</option>
                        {options
                            .into_iter()
                            .map(|(v, text)| {
                                let selected = v == value;
                                view! { <option value=v selected=selected>{text}</option> }
                            })
                            .collect_view()}
                    </select>
                </p>
            }
        };
    let counted = |counts: &[Count], name: &dyn Fn(&str) -> String| {
        counts
            .iter()
            .map(|c| (c.value.clone(), name(&c.value)))
            .collect::<Vec<_>>()
    };
    let statuses: Vec<(String, String)> = Status::ALL
        .into_iter()
        .map(|s| {
            (
                s.as_str().to_owned(),
                i18n.t(&format!("coord-status-{}", s.as_str())),
            )
        })
        .collect();
    let regions = counted(&counts.by_region, &|v| region_name(i18n, v));
    let zones = counted(&counts.by_zone, &|v| v.to_owned());
    let languages = counted(&counts.by_language, &|v| i18n.language_name(v));
    let priority = vec![
        ("true".to_owned(), i18n.t("people-priority-in")),
        ("false".to_owned(), i18n.t("people-priority-out")),
    ];
    let value = |v: &Option<String>| v.clone().unwrap_or_default();
    view! {
        <details class="disclosure people-filters" open=!filter.is_empty()>
            <summary>{i18n.text("people-filters")}</summary>
            <form class="dash-form" role="search" on:submit=submit>
                {choose("status", i18n.t("people-status"), statuses, filter.status.map(|s| s.as_str().to_owned()).unwrap_or_default())}
                {choose("region", i18n.t("people-region"), regions, value(&filter.region))}
                {choose("zone", i18n.t("people-zone"), zones, value(&filter.zone))}
                {choose("language", i18n.t("people-language"), languages, value(&filter.language))}
                {choose("priority", i18n.t("coord-priority"), priority, filter.priority.map(|p| p.to_string()).unwrap_or_default())}
                <p class="field">
                    <label for="people-filter-q">{i18n.text("people-search")}</label>
                    <input id="people-filter-q" name="q" type="search" value=value(&filter.q) maxlength="200"/>
                </p>
                <p class="form-actions">
                    <button type="submit" class="button primary">{i18n.text("people-apply")}</button>
                </p>
            </form>
        </details>
    }
}

/// The filter in words, « Statut : en attente · Pays ou région : Québec ».
pub(super) fn described(i18n: I18n, filter: &PeopleFilter) -> String {
    let mut parts = vec![];
    let mut part = |label: &str, value: String| {
        parts.push(i18n.with(|m| {
            m.format(
                "people-filter-part",
                &[("label", i18n.t(label).into()), ("value", value.into())],
            )
        }))
    };
    if let Some(status) = filter.status {
        part(
            "people-status",
            i18n.t(&format!("coord-status-{}", status.as_str())),
        );
    }
    if let Some(region) = &filter.region {
        part("people-region", region_name(i18n, region));
    }
    if let Some(zone) = &filter.zone {
        part("people-zone", zone.clone());
    }
    if let Some(language) = &filter.language {
        part("people-language", i18n.language_name(language));
    }
    if let Some(priority) = filter.priority {
        let value = if priority {
            "people-priority-in"
        } else {
            "people-priority-out"
        };
        part("coord-priority", i18n.t(value));
    }
    if let Some(q) = &filter.q {
        let quoted =
            i18n.with(|m| m.format("people-filter-quoted", &[("text", q.as_str().into())]));
        part("people-search", quoted);
    }
    parts.join(" · ")
}

fn region_name(i18n: I18n, region: &str) -> String {
    if region.is_empty() {
        i18n.t("people-region-none")
    } else {
        region.to_owned()
    }
}

/// The edition's counts by status, region, zone and language.
#[component]
fn Counts(counts: relais_domain::people::PeopleCounts) -> impl IntoView {
    let i18n = use_i18n();
    let group = |title: String, counts: Vec<Count>, name: Box<dyn Fn(&str) -> String>| {
        view! {
            <div class="people-count">
                <h3>{title}</h3>
                <dl>
                    {counts
                        .into_iter()
                        .map(|c| view! { <div><dt>{name(&c.value)}</dt> <dd>{c.count}</dd></div> })
                        .collect_view()}
                </dl>
            </div>
        }
    };
    view! {
        <section class="people-counts" aria-labelledby="people-counts-title">
            <h2 id="people-counts-title">{i18n.text("people-counts")}</h2>
            {group(i18n.t("people-by-status"), counts.by_status, Box::new(move |v| i18n.t(&format!("coord-status-{v}"))))}
            {group(i18n.t("people-by-region"), counts.by_region, Box::new(move |v| region_name(i18n, v)))}
            {group(i18n.t("people-by-zone"), counts.by_zone, Box::new(|v| v.to_owned()))}
            {group(i18n.t("people-by-language"), counts.by_language, Box::new(move |v| i18n.language_name(v)))}
        </section>
    }
}

fn figures_text(i18n: I18n, f: AttendanceFigures) -> String {
    i18n.with(|m| {
        m.format(
            "people-figures",
            &[
                ("present", f.present.into()),
                ("absent", f.absent.into()),
                ("excused", f.excused.into()),
                ("unmarked", f.unmarked.into()),
            ],
        )
    })
}

/// The sessions with their attendance figures, each opening its list.
#[component]
fn Sessions(
    edition: String,
    sessions: Vec<SessionFigures>,
    attendance: AttendanceFigures,
) -> impl IntoView {
    let i18n = use_i18n();
    if sessions.is_empty() {
        return view! {
            <section aria-labelledby="people-sessions-title">
                <h2 id="people-sessions-title">{i18n.text("people-attendance")}</h2>
                <p class="none">{i18n.text("people-no-sessions")}</p>
            </section>
        }
        .into_any();
    }
    view! {
        <section aria-labelledby="people-sessions-title">
            <h2 id="people-sessions-title">{i18n.text("people-attendance")}</h2>
            <p class="hint">{i18n.text("people-attendance-total")} " " {figures_text(i18n, attendance)}</p>
            <ol class="people-sessions" role="list">
                {sessions
                    .into_iter()
                    .map(|s| {
                        let href = format!(
                            "/{}/dashboard/editions/{}/sessions/{}/attendance",
                            i18n.code(),
                            encode(&edition),
                            encode(&s.id)
                        );
                        let label = when(i18n, s.starts_at);
                        view! {
                            <li class="card">
                                {if s.cancelled {
                                    view! { <p><del>{label}</del> " " {i18n.text("people-session-cancelled")}</p> }.into_any()
                                } else {
                                    view! { <p><a href=href>{i18n.text("people-take-attendance")} " — " {label}</a></p> }.into_any()
                                }}
                                <p class="hint">{figures_text(i18n, s.figures)}</p>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </section>
    }
    .into_any()
}

/// The CSV download of the people the page's filters keep: its separator and the clock of
/// its times (the viewer's zone at first), then the link.
#[component]
fn Download(edition: String, filter: PeopleFilter) -> impl IntoView {
    let i18n = use_i18n();
    let separator = RwSignal::new(Separator::for_lang(i18n.lang.get_untracked()));
    let clock = RwSignal::new(crate::time::viewer_zone());
    let query = query_of(&filter);
    let href = move || {
        format!(
            "/api/dashboard/editions/{}/registrations.csv?lang={}&separator={}&clock={}{}",
            encode(&edition),
            i18n.code(),
            separator.get().as_str(),
            encode(clock.get().trim()),
            query
        )
    };
    view! {
        <section class="people-download" aria-labelledby="people-download-title">
            <h2 id="people-download-title">{i18n.text("people-download")}</h2>
            <p class="hint">{i18n.text("people-download-hint")}</p>
            <p class="field">
                <label for="people-separator">{i18n.text("people-separator")}</label>
                <select id="people-separator" on:change=move |ev| {
                    if let Some(s) = Separator::parse(&event_target_value(&ev)) { separator.set(s) }
                }>
                    {Separator::ALL
                        .into_iter()
                        .map(|s| view! {
                            <option value=s.as_str() selected=move || separator.get() == s>
                                {i18n.t(&format!("people-separator-{}", s.as_str()))}
                            </option>
                        })
                        .collect_view()}
                </select>
            </p>
            <p class="field">
                <label for="people-download-clock">{i18n.text("people-download-clock")}</label>
                <input id="people-download-clock" type="text" list="people-zones" autocomplete="off" spellcheck="false"
                    value=clock.get_untracked() on:input=move |ev| clock.set(event_target_value(&ev))/>
                <datalist id="people-zones">
                    {super::clock::COMMON_ZONES.iter().map(|z| view! { <option value=*z></option> }).collect_view()}
                </datalist>
            </p>
            <p><a class="button primary" href=href download="">{i18n.text("people-download-link")}</a></p>
        </section>
    }
}

/// A coordinator's decision as the API takes it.
#[derive(Clone, Serialize)]
struct Decision {
    decision: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<String>,
}

#[component]
fn PersonCard(
    person: EditionPerson,
    mode: relais_domain::catalog::RegistrationMode,
    may_decide: bool,
    state: FormState,
    decided: RwSignal<bool>,
    version: RwSignal<u32>,
    waiting: u32,
    line: Line,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let status = person.status.as_str();
    let id = StoredValue::new(person.id.clone());
    let name = person.name.clone();
    let decide = Callback::new(move |decision: Decision| {
        state.sending.set(true);
        decided.set(false);
        let path = format!(
            "/api/dashboard/registrations/{}/decision",
            encode(&id.get_value())
        );
        spawn_local(async move {
            let answer = session
                .send(
                    Method::POST,
                    &path,
                    Some(api::json_text(&decision)),
                    i18n.lang.get_untracked(),
                )
                .await;
            state.sending.set(false);
            match answer {
                Ok(_) => {
                    state.clear();
                    decided.set(true);
                    version.update(|v| *v += 1);
                }
                Err(error) => failed(i18n, state, "", "people-problems", error),
            }
        });
    });
    let (reasoned, plain): (Vec<Transition>, Vec<Transition>) = if may_decide {
        Transition::offered(mode, person.status)
            .into_iter()
            .filter(|t| !matches!(t, Transition::MarkAttended | Transition::MarkAbsent))
            .partition(|t| t.rule().needs_reason)
    } else {
        (vec![], vec![])
    };
    let facts = [
        i18n.language_name(&person.lang),
        person.region.clone(),
        person.zone.clone(),
        person.organisation.clone(),
    ]
    .into_iter()
    .filter(|f| !f.is_empty())
    .collect::<Vec<_>>()
    .join(" · ");
    let answers = person.answers.clone();
    view! {
        <li class="card person" data-status=status>
            <h3>{person.name.clone()}</h3>
            <p>
                <span class="badge">{i18n.t(&format!("coord-status-{status}"))}</span>
                {person.priority.then(|| view! { " " <strong class="priority">{i18n.t("coord-priority")}</strong> })}
            </p>
            {person.waitlist_position.map(|position| view! {
                <LinePlace id=person.id.clone() name=name.clone() position waiting may_move=may_decide state version line/>
            })}
            <p><a href=format!("mailto:{}", person.email)>{person.email.clone()}</a></p>
            <p class="hint">{facts}</p>
            {(!answers.is_empty()).then(|| view! {
                <dl class="answers">
                    {answers
                        .into_iter()
                        .map(|a| {
                            let label = match a.label {
                                Some(t) => view! { <dt lang=t.lang>{t.text}</dt> }.into_any(),
                                None => view! { <dt>{a.question}</dt> }.into_any(),
                            };
                            view! { {label} <dd>{a.text}</dd> }
                        })
                        .collect_view()}
                </dl>
            })}
            {(!person.accessibility.is_empty()).then(|| view! {
                <p class="accessibility"><strong>{i18n.text("people-accessibility")}</strong> " " {person.accessibility.clone()}</p>
            })}
            {(!plain.is_empty() || !reasoned.is_empty()).then(|| view! {
                <details class="decisions">
                    <summary>{i18n.text("people-decide")} <span class="visually-hidden">" — " {name.clone()}</span></summary>
                    <DecisionForm id=person.id.clone() name=name.clone() plain reasoned decide state/>
                </details>
            })}
        </li>
    }
}

/// A waiting person's place in line and, for those who decide, the buttons that move them
/// one place up or down. The list is read again after a move; the focus comes back to the
/// button that was pressed (or to its pair, once at an end).
#[component]
fn LinePlace(
    id: String,
    name: String,
    position: u32,
    waiting: u32,
    may_move: bool,
    state: FormState,
    version: RwSignal<u32>,
    line: Line,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let path = format!("/api/dashboard/registrations/{}/move", encode(&id));
    let button_id = move |direction: Direction| format!("move-{}-{id}", direction.as_str());
    let (up_id, down_id) = (button_id(Direction::Up), button_id(Direction::Down));
    let (at_front, at_back) = (position <= 1, position >= waiting);
    let (up_ref, down_ref) = (NodeRef::<leptos::html::Button>::new(), NodeRef::new());
    {
        let (up_id, down_id) = (up_id.clone(), down_id.clone());
        Effect::new(move |_| {
            let (Some(up), Some(down)) = (up_ref.get(), down_ref.get()) else {
                return;
            };
            let asked = line.refocus.get_untracked();
            let target = match asked {
                Some(ref a) if *a == up_id => Some(if at_front { down } else { up }),
                Some(ref a) if *a == down_id => Some(if at_back { up } else { down }),
                _ => None,
            };
            if let Some(button) = target {
                line.refocus.set(None);
                let _ = button.focus();
            }
        });
    }
    let name = StoredValue::new(name);
    let move_on = move |direction: Direction| {
        let path = path.clone();
        let pressed = button_id(direction);
        state.sending.set(true);
        spawn_local(async move {
            let body = api::json_text(&MoveRequest { direction });
            let lang = i18n.lang.get_untracked();
            let answer = session.send(Method::POST, &path, Some(body), lang).await;
            state.sending.set(false);
            match read::<Moved>(answer) {
                Ok(moved) => {
                    state.clear();
                    line.notice.set(Some(i18n.with(|m| {
                        m.format(
                            "people-moved",
                            &[
                                ("name", name.get_value().into()),
                                ("position", moved.position.into()),
                            ],
                        )
                    })));
                    line.refocus.set(Some(pressed));
                    version.update(|v| *v += 1);
                }
                Err(error) => failed(i18n, state, "", "people-problems", error),
            }
        });
    };
    let move_up = move_on.clone();
    let place = i18n.with(|m| {
        m.format(
            "people-line-position",
            &[("position", position.into()), ("waiting", waiting.into())],
        )
    });
    view! {
        <p class="line-place">{place}</p>
        {may_move.then(|| view! {
            <p class="line-moves">
                <button type="button" id=up_id class="button" node_ref=up_ref
                    disabled=move || at_front || state.sending.get()
                    on:click=move |_| move_up(Direction::Up)>
                    "↑ " {i18n.text("people-move-up")} <span class="visually-hidden">" — " {name.get_value()}</span>
                </button>
                " "
                <button type="button" id=down_id class="button" node_ref=down_ref
                    disabled=move || at_back || state.sending.get()
                    on:click=move |_| move_on(Direction::Down)>
                    "↓ " {i18n.text("people-move-down")} <span class="visually-hidden">" — " {name.get_value()}</span>
                </button>
            </p>
        })}
    }
}

/// The decisions open to a registration: one choice, a reason when it needs one, an
/// optional note to the person, then the button.
#[component]
fn DecisionForm(
    id: String,
    name: String,
    plain: Vec<Transition>,
    reasoned: Vec<Transition>,
    decide: Callback<Decision>,
    state: FormState,
) -> impl IntoView {
    let i18n = use_i18n();
    let all: Vec<Transition> = plain.iter().chain(reasoned.iter()).copied().collect();
    let chosen = RwSignal::new(all.first().copied());
    let reason = RwSignal::new(Reason::TheirRequest);
    let note = RwSignal::new(String::new());
    let needs_reason = move || chosen.get().is_some_and(|t| t.rule().needs_reason);
    let send = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(t) = chosen.get_untracked() else {
            return;
        };
        let with_reason = t.rule().needs_reason;
        decide.run(Decision {
            decision: t.as_str(),
            reason: with_reason.then(|| reason.get_untracked().as_str()),
            note: Some(note.get_untracked()).filter(|n| !n.trim().is_empty()),
        });
    };
    let key = id.clone();
    view! {
        <form class="dash-form decision" on:submit=send>
            <fieldset>
                <legend>{i18n.text("people-decision")} <span class="visually-hidden">" — " {name.clone()}</span></legend>
                {all
                    .into_iter()
                    .map(|t| {
                        let input = format!("decision-{}-{key}", t.as_str());
                        view! {
                            <p class="choice">
                                <input type="radio" id=input.clone() name=format!("decision-{key}") value=t.as_str()
                                    checked=move || chosen.get() == Some(t)
                                    on:change=move |_| chosen.set(Some(t))/>
                                <label for=input>{i18n.t(&format!("decision-{}", t.as_str()))}</label>
                            </p>
                        }
                    })
                    .collect_view()}
            </fieldset>
            <div hidden=move || !needs_reason()>
                <p class="field">
                    <label for=format!("reason-{id}")>{i18n.text("coord-reason")}</label>
                    <select id=format!("reason-{id}")
                        on:change=move |ev| if let Some(r) = Reason::parse(&event_target_value(&ev)) { reason.set(r) }>
                        {Reason::ALL
                            .into_iter()
                            .map(|r| view! {
                                <option value=r.as_str() selected=r == Reason::TheirRequest>
                                    {i18n.t(&format!("coord-reason-{}", r.as_str()))}
                                </option>
                            })
                            .collect_view()}
                    </select>
                </p>
            </div>
            <p class="field">
                <label for=format!("note-{id}")>{i18n.text("coord-note")}</label>
                <textarea id=format!("note-{id}") maxlength="500" rows="2"
                    on:input=move |ev| note.set(event_target_value(&ev))></textarea>
            </p>
            <p class="form-actions">
                <button type="submit" class="button primary" disabled=move || state.sending.get()>
                    {i18n.text("people-decide-send")} <span class="visually-hidden">" — " {name}</span>
                </button>
            </p>
        </form>
    }
}

/// `/{lang}/dashboard/editions/{id}/sessions/{session}/attendance`.
#[component]
pub fn AttendancePage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let url = Signal::derive(move || {
        let session = params.read().get("session").unwrap_or_default();
        format!(
            "/api/dashboard/sessions/{}/attendance?lang={}",
            encode(&session),
            i18n.lang.get()
        )
    });
    let show = move |answer| -> Result<AnyView, ApiError> {
        let list: SessionAttendance = api::typed(answer)?;
        Ok(view! { <Attendance list/> }.into_any())
    };
    view! {
        <article class="dashboard attendance" aria-labelledby="attendance-title">
            <Fetched url show=Arc::new(show)/>
        </article>
    }
}

#[component]
fn Attendance(list: SessionAttendance) -> impl IntoView {
    let i18n = use_i18n();
    let figures = RwSignal::new(list.session.figures);
    let state = FormState::new();
    let session_id = StoredValue::new(list.session.id.clone());
    let back = format!(
        "/{}/dashboard/editions/{}/people",
        i18n.code(),
        encode(&list.edition_id)
    );
    let title = list.offering_title.clone();
    let live = move || figures_text(i18n, figures.get());
    let rows = list
        .people
        .into_iter()
        .map(|line| view! { <AttendanceRow line session_id figures state/> })
        .collect_view();
    let empty = rows.is_empty();
    view! {
        <p class="back"><a href=back>"← " {i18n.text("people-title")}</a></p>
        <h1 id="attendance-title">{i18n.text("attendance-title")} " — " {when(i18n, list.session.starts_at)}</h1>
        <p class="lead" lang=title.lang>{title.text}</p>
        <p class="attendance-count" role="status" aria-live="polite">{live}</p>
        <Problems state id="attendance-problems"/>
        {if empty {
            view! { <p class="none">{i18n.text("attendance-nobody")}</p> }.into_any()
        } else {
            view! { <ul class="attendance-list" role="list">{rows}</ul> }.into_any()
        }}
    }
}

/// One person: three big choices, each saved on the tap.
#[component]
fn AttendanceRow(
    line: AttendanceLine,
    session_id: StoredValue<String>,
    figures: RwSignal<AttendanceFigures>,
    state: FormState,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let mark = RwSignal::new(line.mark);
    let saving = RwSignal::new(false);
    let registration = StoredValue::new(line.registration_id.clone());
    let group = format!("mark-{}", line.registration_id);
    let name_id = format!("{group}-name");
    let tap = move |asked: AttendanceMark| {
        let before = mark.get_untracked();
        mark.set(Some(asked));
        saving.set(true);
        let path = format!(
            "/api/dashboard/sessions/{}/attendance/{}",
            encode(&session_id.get_value()),
            encode(&registration.get_value())
        );
        let body = format!(r#"{{"mark":"{}"}}"#, asked.as_str());
        spawn_local(async move {
            let answer = session
                .send(Method::PUT, &path, Some(body), i18n.lang.get_untracked())
                .await;
            saving.set(false);
            match read::<MarkAnswer>(answer) {
                Ok(answer) => {
                    state.clear();
                    mark.set(answer.line.mark);
                    figures.set(answer.figures);
                }
                Err(error) => {
                    mark.set(before);
                    failed(i18n, state, "", "attendance-problems", error);
                }
            }
        });
    };
    view! {
        <li class="attendance-row" data-mark=move || mark.get().map(|m| m.as_str()).unwrap_or("unmarked")>
            <p class="attendance-name" id=name_id.clone()>{line.name.clone()}</p>
            <div class="marks" role="radiogroup" aria-labelledby=name_id aria-busy=move || saving.get().then_some("true")>
                {AttendanceMark::ALL
                    .into_iter()
                    .map(|m| {
                        view! {
                            <label class="mark-label" data-mark=m.as_str()>
                                <input type="radio" class="mark" name=group.clone() value=m.as_str()
                                    checked=move || mark.get() == Some(m)
                                    on:change=move |_| tap(m)/>
                                {i18n.t(&format!("attendance-{}", m.as_str()))}
                            </label>
                        }
                    })
                    .collect_view()}
            </div>
        </li>
    }
}
