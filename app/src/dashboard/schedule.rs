//! The scheduling assistant of an edition, `/{lang}/dashboard/editions/{id}/schedule`: who
//! takes part (the edition's registrants, or zones typed with their people), what counts as
//! working hours, evening and night; one meeting's day on every zone's clock with its best
//! slots; a series' rotation of times beside its best single time, with the burden per
//! region, a cap on night sessions and pinned sessions, applied as the edition's sessions in
//! one step. The API works it all out (`relais_domain::schedule::assistant`); this page asks
//! and shows.

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::{Datelike, NaiveDate, NaiveTime};
use gloo_net::http::Method;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_params_map;
use relais_domain::dashboard::AuthoredEdition;
use relais_domain::i18n::Messages;
use relais_domain::problem::FieldError;
use relais_domain::schedule::assistant::{
    MeetingAnswer, MeetingQuestion, Pin, PlanView, PlannedSessions, Reading, RegionName,
    SeriesAnswer, SeriesQuestion, Source, TypedZone, Who,
};
use relais_domain::schedule::fairness::{DayPart, DayParts};
use relais_domain::schedule::recurrence::{DayOfWeek, End, Frequency, Nth, Recurrence};
use relais_domain::schedule::{format_date, format_datetime, format_time};

use super::sessions::refused_here;
use super::{clock, encode, failed, read, title_of, use_session, Entry, Problems};
use crate::api::{self, ApiError};
use crate::form::{field_id, FormState};
use crate::i18n::{use_i18n, I18n};
use crate::layout::Fetched;

/// `/{lang}/dashboard/editions/{id}/schedule`.
#[component]
pub fn SchedulePage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let url = Signal::derive(move || {
        let id = params.read().get("id").unwrap_or_default();
        format!(
            "/api/dashboard/editions/{}?lang={}",
            encode(&id),
            i18n.lang.get()
        )
    });
    let show = move |answer| -> Result<AnyView, ApiError> {
        let authored: AuthoredEdition = api::typed(answer)?;
        Ok(view! { <Assistant authored/> }.into_any())
    };
    view! { <Fetched url show=Arc::new(show)/> }
}

/// Who takes part and what counts as each part of the day, as typed.
#[derive(Clone, Copy)]
struct WhoInputs {
    source: RwSignal<Source>,
    typed: RwSignal<String>,
    night_ends: RwSignal<String>,
    work_starts: RwSignal<String>,
    work_ends: RwSignal<String>,
    evening_ends: RwSignal<String>,
}

impl WhoInputs {
    fn new() -> WhoInputs {
        let parts = DayParts::default();
        let value = |t: NaiveTime| RwSignal::new(clock::time_value(t));
        WhoInputs {
            source: RwSignal::new(Source::Registrants),
            typed: RwSignal::new(String::new()),
            night_ends: value(parts.night_ends),
            work_starts: value(parts.work_starts),
            work_ends: value(parts.work_ends),
            evening_ends: value(parts.evening_ends),
        }
    }

    /// The participants and the day's parts, or what the browser can already say is wrong
    /// (a line that is not "zone, people", a time that is not one).
    fn read(&self, m: &Messages) -> Result<(Who, DayParts), Vec<FieldError>> {
        let mut refused = vec![];
        let mut typed = vec![];
        if self.source.get_untracked() == Source::Typed {
            for line in self.typed.get_untracked().lines() {
                let line = line.trim();
                if line.is_empty() {
                    continue;
                }
                let mut words = line.split([',', ';', '\t']).map(str::trim);
                let zone = words.next().unwrap_or_default().to_owned();
                let people = words.next().and_then(|n| n.parse::<u32>().ok());
                let region = words.next().filter(|r| !r.is_empty()).map(str::to_owned);
                match people {
                    Some(people) => typed.push(TypedZone {
                        zone,
                        people,
                        region,
                    }),
                    None => {
                        refused.push(FieldError {
                            field: "who.typed".into(),
                            code: "dash-schedule-line".into(),
                            message: m.format("dash-schedule-line", &[("line", line.into())]),
                        });
                        break;
                    }
                }
            }
        }
        let mut time = |field: &str, signal: RwSignal<String>| {
            clock::parse_time(&signal.get_untracked()).unwrap_or_else(|| {
                refused.push(FieldError {
                    field: format!("parts.{field}"),
                    code: "dash-rule-time-needed".into(),
                    message: m.get("dash-rule-time-needed"),
                });
                NaiveTime::MIN
            })
        };
        let parts = DayParts {
            night_ends: time("night_ends", self.night_ends),
            work_starts: time("work_starts", self.work_starts),
            work_ends: time("work_ends", self.work_ends),
            evening_ends: time("evening_ends", self.evening_ends),
        };
        if refused.is_empty() {
            Ok((
                Who {
                    source: self.source.get_untracked(),
                    typed,
                },
                parts,
            ))
        } else {
            Err(refused)
        }
    }
}

#[component]
fn Assistant(authored: AuthoredEdition) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    session.network.set(Some(authored.network_id.clone()));
    let id = StoredValue::new(authored.id.clone());
    let zone = authored
        .sessions
        .iter()
        .find(|s| !s.draft.zone.is_empty())
        .map(|s| s.draft.zone.clone())
        .unwrap_or_else(clock::default_zone);
    let who = WhoInputs::new();
    let state = FormState::new();
    let back = format!(
        "/{}/dashboard/editions/{}",
        i18n.code(),
        encode(&authored.id)
    );
    let source_radio = move |value: Source, label: &'static str, key: &'static str| {
        view! {
            <label>
                <input type="radio" name="who-source" id=format!("who-{key}") checked=who.source.get_untracked() == value
                    on:change=move |_| who.source.set(value)/>
                {i18n.t(label)}
            </label>
        }
    };
    let part_entry = move |field: &'static str, label: &'static str, signal: RwSignal<String>| {
        view! {
            <Entry name=format!("parts.{field}") label=i18n.t(label) kind="time" required=true
                value=signal.get_untracked() state on_input=Callback::new(move |v| signal.set(v))/>
        }
    };
    view! {
        <article class="dashboard schedule" aria-labelledby="schedule-title">
            <p class="back"><a href=back>{i18n.text("dash-schedule-back")}</a></p>
            <h1 id="schedule-title">{i18n.text("dash-schedule-title")}</h1>
            <p class="lead">{title_of(i18n, &authored.draft.title)}</p>
            <p>{i18n.text("dash-schedule-lead")}</p>
            <section class="schedule-who" aria-labelledby="who-title">
                <h2 id="who-title">{i18n.text("dash-schedule-who")}</h2>
                <Problems state id="who-summary"/>
                <fieldset class="choice">
                    <legend>{i18n.text("dash-schedule-source")}</legend>
                    {source_radio(Source::Registrants, "dash-schedule-registrants", "registrants")}
                    {source_radio(Source::Members, "dash-schedule-members", "members")}
                    {source_radio(Source::Typed, "dash-schedule-typed", "typed")}
                </fieldset>
                <div class="field" hidden=move || who.source.get() != Source::Typed>
                    <label for=field_id("who.typed")>{i18n.text("dash-schedule-typed-label")}</label>
                    <p class="hint" id="who-typed-hint">{i18n.text("dash-schedule-typed-hint")}</p>
                    <textarea id=field_id("who.typed") rows="6" spellcheck="false" aria-describedby="who-typed-hint"
                        on:input=move |ev| who.typed.set(event_target_value(&ev))></textarea>
                </div>
                <details class="disclosure">
                    <summary>{i18n.text("dash-schedule-parts")}</summary>
                    <p class="hint">{i18n.text("dash-schedule-parts-hint")}</p>
                    <div class="when-grid">
                        {part_entry("night_ends", "dash-part-night-ends", who.night_ends)}
                        {part_entry("work_starts", "dash-part-work-starts", who.work_starts)}
                        {part_entry("work_ends", "dash-part-work-ends", who.work_ends)}
                        {part_entry("evening_ends", "dash-part-evening-ends", who.evening_ends)}
                    </div>
                </details>
            </section>
            <SeriesSection id zone=zone.clone() who who_state=state/>
            <MeetingSection id zone who who_state=state/>
        </article>
    }
}

/// The API names its fields in the body (`who.typed.0.zone`, `rule.start`); the page's
/// controls for who takes part are above both forms.
fn who_or(field: &str, form: &str) -> String {
    if field.starts_with("who.typed") {
        // One text area holds every typed line.
        "who.typed".to_owned()
    } else if field.starts_with("who") || field.starts_with("parts") {
        field.to_owned()
    } else {
        format!("{form}.{field}")
    }
}

/// Refusals of the API, each under its control.
fn renamed(error: ApiError, form: &'static str) -> ApiError {
    match error {
        ApiError::Refused(mut problem) => {
            for e in problem.errors.iter_mut() {
                e.field = who_or(&e.field, form);
            }
            ApiError::Refused(problem)
        }
        other => other,
    }
}

/// One question to the assistant's API (`schedule/meeting` or `schedule/series`): its answer
/// shown and focused, or its refusals under the controls they name.
#[derive(Clone, Copy)]
struct Asked {
    id: StoredValue<String>,
    /// `meeting` or `series`: the path's last part and the form's field prefix.
    kind: &'static str,
    state: FormState,
    summary: &'static str,
    /// The answer's heading, focused when it comes.
    result: &'static str,
}

impl Asked {
    fn send<Q, A>(self, question: &Q, answer: RwSignal<Option<A>>, i18n: I18n, user: super::Session)
    where
        Q: serde::Serialize,
        A: serde::de::DeserializeOwned + Send + Sync + 'static,
    {
        let path = format!(
            "/api/dashboard/editions/{}/schedule/{}",
            encode(&self.id.get_value()),
            self.kind
        );
        let body = api::json_text(question);
        let lang = i18n.lang.get_untracked();
        self.state.sending.set(true);
        spawn_local(async move {
            let got = user.send(Method::POST, &path, Some(body), lang).await;
            self.state.sending.set(false);
            match read::<A>(got) {
                Ok(a) => {
                    self.state.clear();
                    answer.set(Some(a));
                    crate::form::focus(self.result);
                }
                Err(error) => {
                    answer.set(None);
                    failed(
                        i18n,
                        self.state,
                        "",
                        self.summary,
                        renamed(error, self.kind),
                    );
                }
            }
        });
    }
}

/// The nth weekday of its month a date is (its fifth is "the last").
fn nth_of(date: NaiveDate) -> Nth {
    match (date.day() - 1) / 7 {
        0 => Nth::First,
        1 => Nth::Second,
        2 => Nth::Third,
        3 => Nth::Fourth,
        _ => Nth::Last,
    }
}

fn day_of_week(date: NaiveDate) -> DayOfWeek {
    use chrono::Weekday::*;
    match date.weekday() {
        Mon => DayOfWeek::Monday,
        Tue => DayOfWeek::Tuesday,
        Wed => DayOfWeek::Wednesday,
        Thu => DayOfWeek::Thursday,
        Fri => DayOfWeek::Friday,
        Sat => DayOfWeek::Saturday,
        Sun => DayOfWeek::Sunday,
    }
}

#[component]
fn SeriesSection(
    id: StoredValue<String>,
    zone: String,
    who: WhoInputs,
    who_state: FormState,
) -> impl IntoView {
    let i18n = use_i18n();
    let user = use_session();
    let state = FormState::new();
    let first = RwSignal::new(String::new());
    let every = RwSignal::new("2".to_owned());
    let unit = RwSignal::new("months".to_owned());
    let count = RwSignal::new("6".to_owned());
    let duration = RwSignal::new("90".to_owned());
    let zone = RwSignal::new(zone);
    let earliest = RwSignal::new("00:00".to_owned());
    let latest = RwSignal::new("23:30".to_owned());
    let cap = RwSignal::new("2".to_owned());
    let pinned = RwSignal::new(BTreeMap::<usize, NaiveTime>::new());
    let answer = RwSignal::new(None::<SeriesAnswer>);
    let replace = RwSignal::new(false);
    let done = RwSignal::new(String::new());
    const SUMMARY: &str = "series-summary";

    let question = move |m: &Messages| -> Result<SeriesQuestion, Vec<FieldError>> {
        let (who, parts) = who.read(m)?;
        let refuse = |field: &str, id: &str| FieldError {
            field: field.to_owned(),
            code: id.to_owned(),
            message: m.get(id),
        };
        let number = |s: RwSignal<String>| s.get_untracked().trim().parse::<u32>().unwrap_or(0);
        let mut refused = vec![];
        let start = clock::parse_date(&first.get_untracked());
        if start.is_none() {
            refused.push(refuse("series.rule.start", "dash-rule-date-needed"));
        }
        let times = (
            clock::parse_time(&earliest.get_untracked()),
            clock::parse_time(&latest.get_untracked()),
        );
        if times.0.is_none() {
            refused.push(refuse("series.earliest", "dash-rule-time-needed"));
        }
        if times.1.is_none() {
            refused.push(refuse("series.latest", "dash-rule-time-needed"));
        }
        let z = zone.get_untracked().trim().to_owned();
        if !clock::is_zone(&z) {
            refused.push(refuse("series.rule.zone", "dash-zone-unknown"));
        }
        let (Some(start), (Some(earliest), Some(latest))) = (start, times) else {
            return Err(refused);
        };
        if !refused.is_empty() {
            return Err(refused);
        }
        let frequency = if unit.get_untracked() == "weeks" {
            Frequency::Weekly { weekdays: vec![] }
        } else {
            Frequency::Monthly {
                weekday: day_of_week(start),
                nth: nth_of(start),
            }
        };
        let cap = cap.get_untracked();
        Ok(SeriesQuestion {
            who,
            rule: Recurrence {
                frequency,
                interval: number(every),
                start,
                start_time: earliest,
                duration_minutes: number(duration),
                zone: z,
                end: End::Count(number(count)),
                exceptions: vec![],
            },
            earliest,
            latest,
            step_minutes: 30,
            parts,
            max_nights: cap.trim().parse().ok(),
            pinned: pinned.with_untracked(|p| {
                p.iter()
                    .map(|(&session, &time)| Pin { session, time })
                    .collect()
            }),
        })
    };
    let ask = move || {
        done.set(String::new());
        let question = match i18n.with(question) {
            Ok(q) => q,
            Err(errors) => return refused_here(i18n, state, SUMMARY, errors),
        };
        who_state.clear();
        let asked = Asked {
            id,
            kind: "series",
            state,
            summary: SUMMARY,
            result: "series-result",
        };
        asked.send(&question, answer, i18n, user);
    };
    let apply = move |_| {
        let Some(plan) = answer.get_untracked() else {
            return;
        };
        done.set(String::new());
        let body = api::json_text(&PlannedSessions {
            zone: plan.zone.clone(),
            minutes: plan.minutes,
            starts: plan.rotation.sessions.iter().map(|s| s.organiser).collect(),
            replace: replace.get_untracked(),
            ..PlannedSessions::default()
        });
        let path = format!(
            "/api/dashboard/editions/{}/sessions/planned",
            encode(&id.get_value())
        );
        let lang = i18n.lang.get_untracked();
        let made = plan.rotation.sessions.len();
        state.sending.set(true);
        spawn_local(async move {
            let got = user.send(Method::POST, &path, Some(body), lang).await;
            state.sending.set(false);
            match read::<AuthoredEdition>(got) {
                Ok(_) => {
                    state.clear();
                    done.set(
                        i18n.with(|m| m.format("dash-rule-created", &[("count", made.into())])),
                    );
                }
                Err(error) => failed(i18n, state, "", SUMMARY, renamed(error, "series")),
            }
        });
    };
    let entry = move |field: &'static str,
                      label: &'static str,
                      hint: Option<&'static str>,
                      kind: &'static str,
                      signal: RwSignal<String>| {
        let name = format!("series.{field}");
        let on_input = Callback::new(move |v| signal.set(v));
        match hint {
            Some(hint) => view! {
                <Entry name label=i18n.t(label) hint=i18n.t(hint) kind required=true value=signal.get_untracked() state on_input/>
            }
            .into_any(),
            None => view! {
                <Entry name label=i18n.t(label) kind required=true value=signal.get_untracked() state on_input/>
            }
            .into_any(),
        }
    };
    view! {
        <section class="schedule-series" aria-labelledby="series-title">
            <h2 id="series-title">{i18n.text("dash-schedule-series")}</h2>
            <p class="hint">{i18n.text("dash-schedule-series-hint")}</p>
            <form class="dash-form" novalidate on:submit=move |ev| { ev.prevent_default(); ask() }>
                <Problems state id=SUMMARY/>
                <div class="when-grid">
                    {entry("rule.start", "dash-schedule-first", None, "date", first)}
                    {entry("rule.interval", "dash-schedule-every", None, "number", every)}
                    <div class="field">
                        <label for="series-unit">{i18n.text("dash-schedule-unit")}</label>
                        <select id="series-unit" on:change=move |ev| unit.set(event_target_value(&ev))>
                            <option value="months" selected=true>{i18n.text("dash-schedule-months")}</option>
                            <option value="weeks">{i18n.text("dash-schedule-weeks")}</option>
                        </select>
                    </div>
                    {entry("rule.end", "dash-schedule-count", None, "number", count)}
                    {entry("rule.duration_minutes", "dash-rule-duration", Some("dash-rule-duration-hint"), "number", duration)}
                </div>
                {entry("rule.zone", "dash-zone", Some("dash-zone-hint"), "text", zone)}
                <div class="when-grid">
                    {entry("earliest", "dash-schedule-earliest", None, "time", earliest)}
                    {entry("latest", "dash-schedule-latest", None, "time", latest)}
                    {entry("max_nights", "dash-schedule-cap", Some("dash-schedule-cap-hint"), "number", cap)}
                </div>
                {move || (!pinned.with(BTreeMap::is_empty)).then(|| view! {
                    <p class="hint">
                        {i18n.with(|m| m.format("dash-schedule-pinned-count", &[("count", pinned.with(BTreeMap::len).into())]))}
                        " "
                        <button type="button" class="button link" on:click=move |_| pinned.set(BTreeMap::new())>
                            {i18n.text("dash-schedule-unpin-all")}
                        </button>
                    </p>
                })}
                <p class="form-actions">
                    <button type="submit" class="button primary" disabled=move || state.sending.get()
                        aria-busy=move || state.sending.get().to_string()>
                        {move || if state.sending.get() { i18n.t("form-sending") } else { i18n.t("dash-schedule-propose") }}
                    </button>
                </p>
            </form>
            {move || answer.get().map(|a| {
                let count = a.rotation.sessions.len();
                view! {
                    <section class="series-result" aria-labelledby="series-result">
                        <h3 id="series-result" tabindex="-1">{i18n.text("dash-schedule-result")}</h3>
                        <BurdenTable answer=a.clone()/>
                        <PlanSessions answer=a.clone() pinned on_repin=Callback::new(move |_| ask())/>
                        <p class="check">
                            <input type="checkbox" id="series-replace" aria-describedby="series-replace-hint"
                                on:change=move |ev| replace.set(event_target_checked(&ev))/>
                            <label for="series-replace">{i18n.text("dash-rule-replace")}</label>
                        </p>
                        <p class="hint" id="series-replace-hint">{i18n.text("dash-rule-replace-hint")}</p>
                        <p class="form-actions">
                            <button type="button" class="button primary" on:click=apply disabled=move || state.sending.get()>
                                {i18n.with(|m| m.format("dash-schedule-apply", &[("count", count.into())]))}
                            </button>
                        </p>
                    </section>
                }
            })}
            <p class="done" role="status">{move || done.get()}</p>
        </section>
    }
}

fn region_name(regions: &[RegionName], code: &str) -> String {
    regions
        .iter()
        .find(|r| r.code == code)
        .map_or_else(|| code.to_owned(), |r| r.name.clone())
}

/// The burden per region of the rotation and of the best single time, side by side.
#[component]
fn BurdenTable(answer: SeriesAnswer) -> impl IntoView {
    let i18n = use_i18n();
    let fixed_time = answer
        .fixed
        .sessions
        .first()
        .map(|s| i18n.with(|m| format_time(s.organiser, m)))
        .unwrap_or_default();
    let sessions = answer.rotation.sessions.len();
    // Regions in the table's order, then any the table does not name.
    let mut codes: Vec<String> = answer
        .regions
        .iter()
        .map(|r| r.code.clone())
        .filter(|c| answer.rotation.burden.contains_key(c))
        .collect();
    codes.extend(
        answer
            .rotation
            .burden
            .keys()
            .filter(|c| !codes.contains(c))
            .cloned()
            .collect::<Vec<_>>(),
    );
    let rows = codes
        .into_iter()
        .map(|code| {
            let rotation = answer
                .rotation
                .burden
                .get(&code)
                .copied()
                .unwrap_or_default();
            let fixed = answer.fixed.burden.get(&code).copied().unwrap_or_default();
            let name = region_name(&answer.regions, &code);
            view! {
                <tr data-region=code>
                    <th scope="row">{name}</th>
                    <td>{rotation.people}</td>
                    <td class="nights">{rotation.night_sessions}</td>
                    <td>{rotation.early_or_late_sessions}</td>
                    <td class="nights">{fixed.night_sessions}</td>
                    <td>{fixed.early_or_late_sessions}</td>
                </tr>
            }
        })
        .collect_view();
    let worst = |plan: &PlanView| {
        plan.burden
            .values()
            .map(|b| b.night_sessions)
            .max()
            .unwrap_or(0)
    };
    let summary = i18n.with(|m| {
        m.format(
            "dash-schedule-summary",
            &[
                ("sessions", sessions.into()),
                ("rotation", worst(&answer.rotation).into()),
                ("fixed", worst(&answer.fixed).into()),
                ("floor", answer.fixed_floor.into()),
                ("time", fixed_time.clone().into()),
            ],
        )
    });
    view! {
        <p class="schedule-summary">{summary}</p>
        <div class="table-scroll" tabindex="0" role="region" aria-labelledby="burden-caption">
            <table class="burden">
                <caption id="burden-caption">{i18n.with(|m| m.format("dash-schedule-burden-caption", &[("sessions", sessions.into())]))}</caption>
                <thead>
                    <tr>
                        <td></td>
                        <td></td>
                        <th scope="colgroup" colspan="2">{i18n.text("dash-schedule-rotation")}</th>
                        <th scope="colgroup" colspan="2">{i18n.with(|m| m.format("dash-schedule-fixed", &[("time", fixed_time.clone().into())]))}</th>
                    </tr>
                    <tr>
                        <th scope="col">{i18n.text("dash-schedule-region")}</th>
                        <th scope="col">{i18n.text("dash-schedule-people")}</th>
                        <th scope="col">{i18n.text("dash-schedule-nights")}</th>
                        <th scope="col">{i18n.text("dash-schedule-early-late")}</th>
                        <th scope="col">{i18n.text("dash-schedule-nights")}</th>
                        <th scope="col">{i18n.text("dash-schedule-early-late")}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

fn part_name(m: &Messages, part: DayPart) -> String {
    m.get(match part {
        DayPart::Working => "dash-part-working",
        DayPart::Evening => "dash-part-evening",
        DayPart::Early => "dash-part-early",
        DayPart::Night => "dash-part-night",
    })
}

fn part_key(part: DayPart) -> &'static str {
    match part {
        DayPart::Working => "working",
        DayPart::Evening => "evening",
        DayPart::Early => "early",
        DayPart::Night => "night",
    }
}

/// "Lagos : 2 h 30 (nuit)", the date added when it is not the organiser's.
fn reading_words(m: &Messages, reading: &Reading, organiser_date: NaiveDate) -> String {
    let when = if reading.local.date() == organiser_date {
        format_time(reading.local, m)
    } else {
        format_datetime(reading.local, m)
    };
    m.format(
        "dash-schedule-reading",
        &[
            ("place", clock::place_of(&reading.zone).into()),
            ("when", when.into()),
            ("part", part_name(m, reading.part).into()),
        ],
    )
}

/// The rotation's sessions on the organiser's clock and every zone's, each pinnable.
#[component]
fn PlanSessions(
    answer: SeriesAnswer,
    pinned: RwSignal<BTreeMap<usize, NaiveTime>>,
    on_repin: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let items = answer
        .rotation
        .sessions
        .iter()
        .enumerate()
        .map(|(index, s)| {
            let organiser = i18n.with(|m| format!("{} ({})", format_datetime(s.organiser, m), answer.zone));
            let readings = i18n.with(|m| {
                s.readings
                    .iter()
                    .map(|r| (part_key(r.part), reading_words(m, r, s.organiser.date())))
                    .collect::<Vec<_>>()
            });
            let time = s.organiser.time();
            let number = index + 1;
            let is_pinned = move || pinned.with(|p| p.contains_key(&index));
            view! {
                <li class="planned-session">
                    <p class="when">
                        <strong>{i18n.with(|m| m.format("dash-session-number", &[("number", number.into())]))}</strong>
                        " " {organiser}
                        {move || is_pinned().then(|| view! { " " <span class="badge">{i18n.t("dash-schedule-pinned")}</span> })}
                    </p>
                    <ul class="other-clocks" role="list">
                        {readings.into_iter().map(|(part, words)| view! { <li data-part=part>{words}</li> }).collect_view()}
                    </ul>
                    <p>
                        <button type="button" class="button secondary" on:click=move |_| {
                            pinned.update(|p| {
                                if p.remove(&index).is_none() {
                                    p.insert(index, time);
                                }
                            });
                            on_repin.run(());
                        }>
                            {move || if is_pinned() { i18n.t("dash-schedule-unpin") } else { i18n.t("dash-schedule-pin") }}
                            <span class="visually-hidden">" " {i18n.with(|m| m.format("dash-session-number", &[("number", number.into())]))}</span>
                        </button>
                    </p>
                </li>
            }
        })
        .collect_view();
    view! {
        <h4>{i18n.text("dash-schedule-sessions")}</h4>
        <ol class="dash-sessions planned" role="list">{items}</ol>
    }
}

#[component]
fn MeetingSection(
    id: StoredValue<String>,
    zone: String,
    who: WhoInputs,
    who_state: FormState,
) -> impl IntoView {
    let i18n = use_i18n();
    let user = use_session();
    let state = FormState::new();
    let from = RwSignal::new(String::new());
    let to = RwSignal::new(String::new());
    let minutes = RwSignal::new("60".to_owned());
    let zone = RwSignal::new(zone);
    let answer = RwSignal::new(None::<MeetingAnswer>);
    const SUMMARY: &str = "meeting-summary";
    let ask = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let question = i18n.with(|m| -> Result<MeetingQuestion, Vec<FieldError>> {
            let (who, parts) = who.read(m)?;
            let refuse = |field: &str, id: &str| FieldError {
                field: field.to_owned(),
                code: id.to_owned(),
                message: m.get(id),
            };
            let from_date = clock::parse_date(&from.get_untracked());
            let to_date = clock::parse_date(&to.get_untracked()).or(from_date);
            match from_date.zip(to_date) {
                Some((from, to)) => Ok(MeetingQuestion {
                    who,
                    zone: zone.get_untracked().trim().to_owned(),
                    from,
                    to,
                    minutes: minutes.get_untracked().trim().parse().unwrap_or(0),
                    step_minutes: 30,
                    parts,
                }),
                None => Err(vec![refuse("meeting.from", "dash-rule-date-needed")]),
            }
        });
        let question = match question {
            Ok(q) => q,
            Err(errors) => return refused_here(i18n, state, SUMMARY, errors),
        };
        who_state.clear();
        let asked = Asked {
            id,
            kind: "meeting",
            state,
            summary: SUMMARY,
            result: "meeting-result",
        };
        asked.send(&question, answer, i18n, user);
    };
    let entry = move |field: &'static str,
                      label: &'static str,
                      kind: &'static str,
                      required: bool,
                      signal: RwSignal<String>| {
        let name = format!("meeting.{field}");
        view! {
            <Entry name label=i18n.t(label) kind required value=signal.get_untracked() state
                on_input=Callback::new(move |v| signal.set(v))/>
        }
    };
    view! {
        <section class="schedule-meeting" aria-labelledby="meeting-title">
            <h2 id="meeting-title">{i18n.text("dash-schedule-meeting")}</h2>
            <p class="hint">{i18n.text("dash-schedule-meeting-hint")}</p>
            <form class="dash-form" novalidate on:submit=ask>
                <Problems state id=SUMMARY/>
                <div class="when-grid">
                    {entry("from", "dash-schedule-from", "date", true, from)}
                    {entry("to", "dash-schedule-to", "date", false, to)}
                    {entry("minutes", "dash-rule-duration", "number", true, minutes)}
                </div>
                {entry("zone", "dash-zone", "text", true, zone)}
                <p class="form-actions">
                    <button type="submit" class="button secondary" disabled=move || state.sending.get()>
                        {i18n.text("dash-schedule-find")}
                    </button>
                </p>
            </form>
            {move || answer.get().map(|a| view! { <MeetingView answer=a zone=zone.get_untracked() day=clock::parse_date(&from.get_untracked())/> })}
        </section>
    }
}

#[component]
fn MeetingView(answer: MeetingAnswer, zone: String, day: Option<NaiveDate>) -> impl IntoView {
    let i18n = use_i18n();
    let slots = answer
        .slots
        .iter()
        .map(|slot| {
            let when = i18n.with(|m| format!("{} ({zone})", format_datetime(slot.organiser, m)));
            let mut by_region: Vec<String> = slot
                .ranked
                .burden
                .iter()
                .filter(|(_, b)| b.at_night > 0)
                .map(|(code, b)| format!("{} {}", region_name(&answer.regions, code), b.at_night))
                .collect();
            by_region.sort();
            let counts = i18n.with(|m| {
                m.format(
                    "dash-schedule-slot-counts",
                    &[
                        ("night", slot.ranked.at_night.into()),
                        ("outside", slot.ranked.outside_working.into()),
                        ("regions", by_region.join(", ").into()),
                    ],
                )
            });
            let readings = i18n.with(|m| {
                slot.readings
                    .iter()
                    .map(|r| (part_key(r.part), reading_words(m, r, slot.organiser.date())))
                    .collect::<Vec<_>>()
            });
            view! {
                <li>
                    <p><strong>{when}</strong></p>
                    <p class="hint">{counts}</p>
                    <ul class="other-clocks" role="list">
                        {readings.into_iter().map(|(part, words)| view! { <li data-part=part>{words}</li> }).collect_view()}
                    </ul>
                </li>
            }
        })
        .collect_view();
    let day_words = i18n.with(|m| {
        m.format(
            "dash-schedule-day-caption",
            &[
                (
                    "date",
                    day.map(|d| format_date(d, m)).unwrap_or_default().into(),
                ),
                ("zone", zone.clone().into()),
            ],
        )
    });
    let hours_head = (0..24)
        .map(|h| view! { <th scope="col">{format!("{h:02}")}</th> })
        .collect_view();
    let rows = answer
        .day
        .iter()
        .map(|row| {
            let cells = i18n.with(|m| {
                row.hours
                    .iter()
                    .map(|cell| match cell {
                        Some(r) => {
                            let label = format!("{} {}", format_time(r.local, m), part_name(m, r.part));
                            view! { <td data-part=part_key(r.part)><span aria-hidden="true">{format!("{:02}", chrono::Timelike::hour(&r.local.time()))}</span><span class="visually-hidden">{label}</span></td> }.into_any()
                        }
                        None => view! { <td>"–"</td> }.into_any(),
                    })
                    .collect_view()
            });
            view! {
                <tr>
                    <th scope="row">{format!("{} ({})", clock::place_of(&row.zone), row.people)}</th>
                    {cells}
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="meeting-result" aria-labelledby="meeting-result">
            <h3 id="meeting-result" tabindex="-1">{i18n.text("dash-schedule-slots")}</h3>
            <ol class="slots">{slots}</ol>
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="day-caption">
                <table class="day-grid">
                    <caption id="day-caption">{day_words}</caption>
                    <thead><tr><th scope="col">{i18n.text("dash-schedule-zone")}</th>{hours_head}</tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <ul class="legend" role="list">
                {[DayPart::Working, DayPart::Evening, DayPart::Early, DayPart::Night]
                    .into_iter()
                    .map(|p| view! { <li data-part=part_key(p)>{i18n.with(|m| part_name(m, p))}</li> })
                    .collect_view()}
            </ul>
        </section>
    }
}
