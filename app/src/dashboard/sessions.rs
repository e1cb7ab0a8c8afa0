//! An edition's sessions: each on the organiser's clock with its zone named, changed or
//! cancelled (people registered are told); one more session; or a series made by a rule,
//! previewed first on the organiser's clock and two or three other zones', with the
//! daylight-saving notes said in words.

use chrono::{Datelike, NaiveDateTime, TimeDelta, Timelike, Weekday};
use gloo_net::http::Method;
use leptos::prelude::*;
use leptos::task::spawn_local;
use relais_domain::authoring::{same_fields, SessionDraft};
use relais_domain::dashboard::{
    AuthoredEdition, AuthoredSession, Created, PreviewRequest, SessionsByRule,
};
use relais_domain::i18n::Messages;
use relais_domain::problem::{FieldError, Problem};
use relais_domain::schedule::recurrence::{DayOfWeek, End, Frequency, Nth, Preview, Recurrence};
use relais_domain::schedule::{format_date, format_datetime, format_span, format_time};
use relais_domain::{Lang, Localized};

use super::bilingual::{one_text, set_text, Bilingual, Same};
use super::clock;
use super::edition::{Edition, TagList};
use super::{encode, failed, read, use_session, within, Entry, Problems};
use crate::api::{self, ApiError};
use crate::form::{described_by, field_id, FormState};
use crate::i18n::{use_i18n, I18n};

/// The zones the preview shows first, beside the organiser's.
const PREVIEW_ZONES: [&str; 3] = ["Africa/Lagos", "Asia/Kolkata", "Europe/Paris"];
/// The `<datalist>` of zones every zone control suggests.
const ZONE_LIST: &str = "dash-zones";

#[component]
pub fn Sessions(edition: Edition) -> impl IntoView {
    let i18n = use_i18n();
    let written_in = Signal::derive(move || edition.draft.with(|d| d.written_in));
    let list = move || {
        let sessions = edition.sessions.get();
        if sessions.is_empty() {
            return view! { <p class="none">{i18n.t("dash-no-sessions")}</p> }.into_any();
        }
        view! {
            <ol class="dash-sessions" role="list">
                {sessions
                    .into_iter()
                    .enumerate()
                    .map(|(index, session)| view! { <SessionItem edition index session written_in/> })
                    .collect_view()}
            </ol>
        }
        .into_any()
    };
    view! {
        <section class="sessions-editor" aria-labelledby="sessions-title">
            <h2 id="sessions-title">
                <span id=field_id("sessions") tabindex="-1">{i18n.text("dash-sessions")}</span>
            </h2>
            <datalist id=ZONE_LIST>
                {clock::COMMON_ZONES.iter().map(|z| view! { <option value=*z></option> }).collect_view()}
            </datalist>
            {list}
            <details class="disclosure">
                <summary>{i18n.text("dash-session-add")}</summary>
                <NewSession edition written_in/>
            </details>
            <details class="disclosure">
                <summary>{i18n.text("dash-rule")}</summary>
                <RuleForm edition written_in/>
            </details>
        </section>
    }
}

/// A session's span on `zone`'s clock with the zone named, from the browser's zone data.
fn span_in_zone(m: &Messages, session: &SessionDraft) -> String {
    let (Some(starts), Some(ends)) = (session.starts_at, session.ends_at) else {
        return m.get("dash-session-undated");
    };
    match (
        clock::local(&session.zone, starts),
        clock::local(&session.zone, ends),
    ) {
        (Some(start), Some(end)) => format!("{} ({})", format_span(start, end, m), session.zone),
        _ => format!(
            "{} (UTC)",
            format_span(starts.naive_utc(), ends.naive_utc(), m)
        ),
    }
}

#[component]
fn SessionItem(
    edition: Edition,
    index: usize,
    session: AuthoredSession,
    written_in: Signal<Option<Lang>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let user = use_session();
    let state = FormState::new();
    let prefix = format!("sessions.{index}");
    let summary = StoredValue::new(format!("session-{index}-summary"));
    let asking = RwSignal::new(false);
    let cancelled = session.draft.cancelled;
    let when = i18n.with(|m| span_in_zone(m, &session.draft));
    let number = index + 1;
    let id = StoredValue::new(session.id.clone());
    let put = move |draft: SessionDraft, prefix: String| {
        let lang = i18n.lang.get_untracked();
        let path = format!("/api/dashboard/sessions/{}", encode(&id.get_value()));
        state.sending.set(true);
        spawn_local(async move {
            let answer = user
                .send(Method::PUT, &path, Some(api::json_text(&draft)), lang)
                .await;
            state.sending.set(false);
            match read::<AuthoredSession>(answer) {
                Ok(changed) => {
                    edition.sessions.update(|s| {
                        if let Some(slot) = s.get_mut(index) {
                            *slot = changed;
                        }
                    });
                    edition.refresh(i18n);
                }
                Err(error) => failed(i18n, state, &prefix, &summary.get_value(), error),
            }
        });
    };
    let cancel_draft = session.draft.clone();
    let cancel = {
        let prefix = prefix.clone();
        move |_| {
            let mut draft = cancel_draft.clone();
            draft.cancelled = true;
            put(draft, prefix.clone());
        }
    };
    let title = session.draft.title.resolve(i18n.lang.get_untracked());
    let location = session.draft.location.resolve(i18n.lang.get_untracked());
    // Its own languages of instruction, when it has them: the edition's are said above.
    let languages = session.draft.instruction_languages.as_ref().map(|tags| {
        let named: Vec<String> = tags.iter().map(|t| i18n.language_name(t)).collect();
        i18n.with(|m| {
            m.format(
                "dash-session-languages-line",
                &[("languages", named.join(", ").into())],
            )
        })
    });
    let edit_prefix = prefix.clone();
    view! {
        <li class="dash-session" class:cancelled=cancelled>
            <p class="when"><strong>{i18n.with(|m| m.format("dash-session-number", &[("number", number.into())]))}</strong> " " {when}</p>
            {cancelled.then(|| view! { <p class="badge" data-state="archived">{i18n.t("dash-session-cancelled")}</p> })}
            {title.map(|t| view! { <p lang=t.lang>{t.text}</p> })}
            {location.map(|t| view! { <p class="hint" lang=t.lang>{t.text}</p> })}
            {languages.map(|l| view! { <p class="hint session-languages">{l}</p> })}
            <Problems state id=summary.get_value()/>
            {(!cancelled).then(|| view! {
                <details class="disclosure">
                    <summary>
                        {i18n.t("dash-session-edit")}
                        <span class="visually-hidden">" " {i18n.with(|m| m.format("dash-session-number", &[("number", number.into())]))}</span>
                    </summary>
                    <SessionForm prefix=edit_prefix.clone() initial=session.draft.clone() written_in state
                        submit_label=i18n.t("dash-session-save")
                        on_submit=Callback::new(move |draft: SessionDraft| put(draft, edit_prefix.clone()))/>
                </details>
                {move || if asking.get() {
                    let cancel = cancel.clone();
                    view! {
                        <div class="confirm-box" role="group" aria-labelledby=format!("cancel-question-{index}")>
                            <p id=format!("cancel-question-{index}") tabindex="-1">{i18n.t("dash-session-cancel-confirm")}</p>
                            <p class="form-actions">
                                <button type="button" class="button danger" on:click=cancel disabled=move || state.sending.get()>
                                    {i18n.t("dash-session-cancel-yes")}
                                </button>
                                <button type="button" class="button secondary" on:click=move |_| asking.set(false)>
                                    {i18n.t("dash-session-keep")}
                                </button>
                            </p>
                        </div>
                    }
                    .into_any()
                } else {
                    view! {
                        <p>
                            <button type="button" class="button secondary" on:click=move |_| {
                                asking.set(true);
                                focus_id(format!("cancel-question-{index}"));
                            }>
                                {i18n.t("dash-session-cancel")}
                                <span class="visually-hidden">" " {i18n.with(|m| m.format("dash-session-number", &[("number", number.into())]))}</span>
                            </button>
                        </p>
                    }
                    .into_any()
                }}
            })}
        </li>
    }
}

/// One more session for the edition.
#[component]
fn NewSession(edition: Edition, written_in: Signal<Option<Lang>>) -> impl IntoView {
    let i18n = use_i18n();
    let user = use_session();
    let state = FormState::new();
    let done = RwSignal::new(String::new());
    // Drawn again after each session added, empty.
    let round = RwSignal::new(0u32);
    let add = Callback::new(move |draft: SessionDraft| {
        let lang = i18n.lang.get_untracked();
        let path = format!(
            "/api/dashboard/editions/{}/sessions",
            encode(&edition.id.get_value())
        );
        state.sending.set(true);
        done.set(String::new());
        spawn_local(async move {
            let answer = user
                .send(Method::POST, &path, Some(api::json_text(&draft)), lang)
                .await;
            state.sending.set(false);
            match read::<Created>(answer) {
                Ok(_) => {
                    state.clear();
                    edition.refresh(i18n);
                    done.set(i18n.t("dash-session-added"));
                    round.update(|r| *r += 1);
                }
                Err(error) => failed(i18n, state, "new-session", "new-session-summary", error),
            }
        });
    });
    view! {
        <Problems state id="new-session-summary"/>
        {move || {
            round.get();
            let initial = SessionDraft {
                zone: edition.zone(),
                ..Default::default()
            };
            view! {
                <SessionForm prefix="new-session".to_owned() initial written_in state
                    submit_label=i18n.t("dash-session-add-button") on_submit=add/>
            }
        }}
        <p class="done" role="status">{move || done.get()}</p>
    }
}

/// A session's date, times on the organiser's clock, zone, title and place.
#[component]
fn SessionForm(
    /// Where its fields sit in the API's names (`sessions.2`, `new-session`).
    prefix: String,
    initial: SessionDraft,
    written_in: Signal<Option<Lang>>,
    state: FormState,
    submit_label: String,
    on_submit: Callback<SessionDraft>,
) -> impl IntoView {
    let i18n = use_i18n();
    let zone0 = if initial.zone.is_empty() {
        clock::default_zone()
    } else {
        initial.zone.clone()
    };
    let start = initial.starts_at.and_then(|at| clock::local(&zone0, at));
    let end = initial.ends_at.and_then(|at| clock::local(&zone0, at));
    let date = RwSignal::new(
        start
            .map(|s| clock::date_value(s.date()))
            .unwrap_or_default(),
    );
    let from = RwSignal::new(
        start
            .map(|s| clock::time_value(s.time()))
            .unwrap_or_default(),
    );
    let to = RwSignal::new(end.map(|e| clock::time_value(e.time())).unwrap_or_default());
    let zone = RwSignal::new(zone0);
    let draft = RwSignal::new(initial);
    let name = StoredValue::new(prefix.clone());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut d = draft.get_untracked();
        let z = zone.get_untracked().trim().to_owned();
        let day = clock::parse_date(&date.get_untracked());
        let wall = |time: &str| Some(day?.and_time(clock::parse_time(time)?));
        let starts = wall(&from.get_untracked());
        let mut ends = wall(&to.get_untracked());
        if let (Some(s), Some(e)) = (starts, ends) {
            if e <= s {
                // Ending at or before its start: it ends the next day.
                ends = Some(e + TimeDelta::days(1));
            }
        }
        d.starts_at = starts.and_then(|s| clock::instant(&z, s));
        d.ends_at = ends.and_then(|e| clock::instant(&z, e));
        d.zone = z;
        for field in d.same_in_every_language.clone() {
            match field.as_str() {
                "title" => d.title = one_text(&d.title),
                "location" => d.location = one_text(&d.location),
                _ => {}
            }
        }
        on_submit.run(d);
    };
    let text = move |field: &'static str, label: &'static str, multiline: bool| {
        let get = move |d: &SessionDraft| {
            if field == "title" {
                d.title.clone()
            } else {
                d.location.clone()
            }
        };
        let text = Signal::derive(move || draft.with(get));
        let on_input = Callback::new(move |(lang, value)| {
            draft.update(|d| {
                let t = if field == "title" {
                    &mut d.title
                } else {
                    &mut d.location
                };
                set_text(t, lang, value)
            })
        });
        let same = same_fields::SESSION.contains(&field).then_some(Same {
            marked: Signal::derive(move || {
                draft.with(|d| d.same_in_every_language.contains(field))
            }),
            set: Callback::new(move |on: bool| {
                draft.update(|d| {
                    if on {
                        d.same_in_every_language.insert(field.to_owned());
                    } else {
                        d.same_in_every_language.remove(field);
                    }
                })
            }),
        });
        let name = within(&name.get_value(), field);
        match same {
            Some(same) => view! { <Bilingual name label=i18n.t(label) multiline text on_input same written_in state/> }.into_any(),
            None => view! { <Bilingual name label=i18n.t(label) multiline text on_input written_in state/> }.into_any(),
        }
    };
    let field = move |f: &str| within(&name.get_value(), f);
    view! {
        <form class="dash-form session-form" novalidate on:submit=submit>
            <div class="when-grid">
                <Entry name=field("starts_at") label=i18n.t("dash-session-date") kind="date" value=date.get_untracked() required=true state
                    on_input=Callback::new(move |v| date.set(v))/>
                <Entry name=field("start_time") label=i18n.t("dash-session-start") kind="time" value=from.get_untracked() required=true state
                    on_input=Callback::new(move |v| from.set(v))/>
                <Entry name=field("ends_at") label=i18n.t("dash-session-end") kind="time" value=to.get_untracked() required=true state
                    on_input=Callback::new(move |v| to.set(v))/>
            </div>
            <ZoneEntry name=field("zone") label=i18n.t("dash-zone") value=zone state/>
            {text("title", "dash-session-title-field", false)}
            {text("location", "dash-session-location-field", true)}
            // Empty: the edition's languages (a GGSN session in Spanish says so here).
            <TagList name=field("instruction_languages") legend="dash-session-languages" hint="dash-session-languages-hint"
                tags=Signal::derive(move || draft.with(|d| d.instruction_languages.clone().unwrap_or_default()))
                on_change=Callback::new(move |tags: Vec<String>| draft.update(|d| {
                    d.instruction_languages = (!tags.is_empty()).then_some(tags)
                })) state/>
            <p class="form-actions">
                <button type="submit" class="button primary" disabled=move || state.sending.get()
                    aria-busy=move || state.sending.get().to_string()>
                    {move || if state.sending.get() { i18n.t("form-sending") } else { submit_label.clone() }}
                </button>
            </p>
        </form>
    }
}

/// An IANA zone, suggested from the common ones.
#[component]
fn ZoneEntry(
    name: String,
    label: String,
    value: RwSignal<String>,
    state: FormState,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = field_id(&name);
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let error = Signal::derive({
        let name = name.clone();
        move || state.error(&name)
    });
    let described = described_by(Some(hint_id.clone()), error_id.clone(), error);
    view! {
        <div class="field" class:invalid=move || error.with(Option::is_some)>
            <label for=id.clone()>{label}</label>
            <p class="hint" id=hint_id>{i18n.text("dash-zone-hint")}</p>
            <input id=id type="text" list=ZONE_LIST autocomplete="off" spellcheck="false" value=value.get_untracked()
                aria-describedby=described aria-invalid=move || error.with(Option::is_some).then_some("true")
                on:input=move |ev| value.set(event_target_value(&ev))/>
            <p class="field-error" id=error_id hidden=move || error.with(Option::is_none)>{move || error.get()}</p>
        </div>
    }
}

/// A rule's controls, as typed.
#[derive(Clone, Copy)]
struct RuleInputs {
    frequency: RwSignal<&'static str>,
    interval: RwSignal<String>,
    weekdays: RwSignal<Vec<DayOfWeek>>,
    nth: RwSignal<Nth>,
    month_weekday: RwSignal<DayOfWeek>,
    start: RwSignal<String>,
    time: RwSignal<String>,
    duration: RwSignal<String>,
    zone: RwSignal<String>,
    end: RwSignal<&'static str>,
    count: RwSignal<String>,
    until: RwSignal<String>,
    exceptions: RwSignal<String>,
    others: [RwSignal<String>; 3],
}

const WEEKDAYS: [DayOfWeek; 7] = [
    DayOfWeek::Monday,
    DayOfWeek::Tuesday,
    DayOfWeek::Wednesday,
    DayOfWeek::Thursday,
    DayOfWeek::Friday,
    DayOfWeek::Saturday,
    DayOfWeek::Sunday,
];

fn weekday_name(m: &Messages, day: DayOfWeek) -> String {
    m.get(&format!(
        "weekday-{}",
        Weekday::from(day).number_from_monday()
    ))
}

impl RuleInputs {
    fn new(zone: String) -> RuleInputs {
        RuleInputs {
            frequency: RwSignal::new("weekly"),
            interval: RwSignal::new("1".to_owned()),
            weekdays: RwSignal::new(vec![]),
            nth: RwSignal::new(Nth::First),
            month_weekday: RwSignal::new(DayOfWeek::Tuesday),
            start: RwSignal::new(String::new()),
            time: RwSignal::new("18:00".to_owned()),
            duration: RwSignal::new("90".to_owned()),
            zone: RwSignal::new(zone),
            end: RwSignal::new("count"),
            count: RwSignal::new("6".to_owned()),
            until: RwSignal::new(String::new()),
            exceptions: RwSignal::new(String::new()),
            others: PREVIEW_ZONES.map(|z| RwSignal::new(z.to_owned())),
        }
    }

    /// The rule, or what must be corrected before the API can read it (a date that is not
    /// one, a zone the browser does not know); numbers out of range are the API's to refuse.
    fn rule(&self, m: &Messages) -> Result<Recurrence, Vec<FieldError>> {
        let mut refused = vec![];
        let mut refuse = |field: &str, id: &str| {
            refused.push(FieldError {
                field: format!("rule.{field}"),
                code: id.to_owned(),
                message: m.get(id),
            })
        };
        let number = |s: String| s.trim().parse::<u32>().unwrap_or(0);
        let start = clock::parse_date(&self.start.get_untracked());
        if start.is_none() {
            refuse("start", "dash-rule-date-needed");
        }
        let time = clock::parse_time(&self.time.get_untracked());
        if time.is_none() {
            refuse("start_time", "dash-rule-time-needed");
        }
        let zone = self.zone.get_untracked().trim().to_owned();
        if !clock::is_zone(&zone) {
            refuse("zone", "dash-zone-unknown");
        }
        let end = if self.end.get_untracked() == "until" {
            match clock::parse_date(&self.until.get_untracked()) {
                Some(until) => Some(End::Until(until)),
                None => {
                    refuse("end", "dash-rule-date-needed");
                    None
                }
            }
        } else {
            Some(End::Count(number(self.count.get_untracked())))
        };
        let mut exceptions = vec![];
        for word in self
            .exceptions
            .get_untracked()
            .split(|c: char| c == ',' || c == ';' || c.is_whitespace())
            .filter(|w| !w.is_empty())
        {
            match clock::parse_date(word) {
                Some(date) => exceptions.push(date),
                None => {
                    refuse("exceptions", "dash-rule-exceptions-invalid");
                    break;
                }
            }
        }
        let frequency = match self.frequency.get_untracked() {
            "monthly" => Frequency::Monthly {
                weekday: self.month_weekday.get_untracked(),
                nth: self.nth.get_untracked(),
            },
            "daily" => Frequency::Daily,
            _ => Frequency::Weekly {
                weekdays: self.weekdays.get_untracked(),
            },
        };
        match (start, time, end) {
            (Some(start), Some(start_time), Some(end)) if refused.is_empty() => Ok(Recurrence {
                frequency,
                interval: number(self.interval.get_untracked()),
                start,
                start_time,
                duration_minutes: number(self.duration.get_untracked()),
                zone,
                end,
                exceptions,
            }),
            _ => Err(refused),
        }
    }

    /// The other zones the preview shows, each checked by the browser.
    fn zones(&self, m: &Messages) -> Result<Vec<String>, Vec<FieldError>> {
        let mut zones = vec![];
        let mut refused = vec![];
        for (i, zone) in self.others.iter().enumerate() {
            let zone = zone.get_untracked().trim().to_owned();
            if zone.is_empty() {
                continue;
            }
            if clock::is_zone(&zone) {
                zones.push(zone);
            } else {
                refused.push(FieldError {
                    field: format!("zones.{i}"),
                    code: "unknown-zone".into(),
                    message: m.get("dash-zone-unknown"),
                });
            }
        }
        if refused.is_empty() {
            Ok(zones)
        } else {
            Err(refused)
        }
    }
}

/// Refusals found before sending, shown as the API's would be.
pub fn refused_here(i18n: I18n, state: FormState, summary: &'static str, errors: Vec<FieldError>) {
    let problem = Problem {
        type_uri: "about:blank".into(),
        title: i18n.t("form-failed"),
        status: 400,
        detail: None,
        errors,
        lang: i18n.code().into(),
    };
    failed(
        i18n,
        state,
        "",
        summary,
        ApiError::Refused(Box::new(problem)),
    );
}

/// The API names a rule's fields inside its body (`rule.interval`), or the rule's own
/// (`interval`): the form's controls are the former's. The sessions' title and place are
/// the body's own (`title.en`), under `by-rule.` in the page, which has an edition's title.
fn rule_field(field: &str) -> String {
    if field.starts_with("rule.") || field.starts_with("zones") || field == "rule" {
        field.to_owned()
    } else if field.starts_with("title") || field.starts_with("location") {
        format!("{BY_RULE}.{field}")
    } else {
        format!("rule.{field}")
    }
}

/// Where the rule form's title and place sit among the page's fields.
const BY_RULE: &str = "by-rule";

/// Sessions by a rule: the rule, its preview on other zones' clocks, then the sessions,
/// with one title and place for all of them, adding to the sessions there are or replacing
/// those still to come.
#[component]
fn RuleForm(edition: Edition, written_in: Signal<Option<Lang>>) -> impl IntoView {
    let i18n = use_i18n();
    let user = use_session();
    let state = FormState::new();
    let inputs = RuleInputs::new(edition.zone());
    let title = RwSignal::new(Localized::default());
    let location = RwSignal::new(Localized::default());
    let replace = RwSignal::new(false);
    let preview = RwSignal::new(None::<Preview>);
    let done = RwSignal::new(String::new());
    const SUMMARY: &str = "rule-summary";
    let renamed = move |error: ApiError| match error {
        ApiError::Refused(mut problem) => {
            for e in problem.errors.iter_mut() {
                e.field = rule_field(&e.field);
            }
            ApiError::Refused(problem)
        }
        other => other,
    };
    let ask_preview = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        done.set(String::new());
        let checked = i18n.with(|m| (inputs.rule(m), inputs.zones(m)));
        let (rule, zones) = match checked {
            (Ok(rule), Ok(zones)) => (rule, zones),
            (rule, zones) => {
                let mut errors = rule.err().unwrap_or_default();
                errors.extend(zones.err().unwrap_or_default());
                return refused_here(i18n, state, SUMMARY, errors);
            }
        };
        let body = api::json_text(&PreviewRequest {
            rule: Some(rule),
            zones,
        });
        let lang = i18n.lang.get_untracked();
        state.sending.set(true);
        spawn_local(async move {
            let answer = user
                .send(
                    Method::POST,
                    "/api/dashboard/recurrence-preview",
                    Some(body),
                    lang,
                )
                .await;
            state.sending.set(false);
            match read::<Preview>(answer) {
                Ok(p) => {
                    state.clear();
                    preview.set(Some(p));
                    crate::form::focus("preview-title");
                }
                Err(error) => {
                    preview.set(None);
                    failed(i18n, state, "", SUMMARY, renamed(error));
                }
            }
        });
    };
    let create = move |_| {
        done.set(String::new());
        let rule = match i18n.with(|m| inputs.rule(m)) {
            Ok(rule) => rule,
            Err(errors) => return refused_here(i18n, state, SUMMARY, errors),
        };
        let body = api::json_text(&SessionsByRule {
            rule: Some(rule),
            title: title.get_untracked(),
            location: location.get_untracked(),
            replace: replace.get_untracked(),
        });
        let lang = i18n.lang.get_untracked();
        let path = format!(
            "/api/dashboard/editions/{}/sessions/by-rule",
            encode(&edition.id.get_value())
        );
        // Replacing keeps the sessions already held: the new ones are what is beyond them.
        let now = chrono::DateTime::from_timestamp_millis(js_sys::Date::now() as i64);
        let kept = move |sessions: &Vec<AuthoredSession>| {
            if replace.get_untracked() {
                sessions
                    .iter()
                    .filter(|s| {
                        s.draft
                            .starts_at
                            .zip(now)
                            .is_some_and(|(at, now)| at <= now)
                    })
                    .count()
            } else {
                sessions.len()
            }
        };
        let before = edition.sessions.with_untracked(kept);
        state.sending.set(true);
        spawn_local(async move {
            let answer = user.send(Method::POST, &path, Some(body), lang).await;
            state.sending.set(false);
            match read::<AuthoredEdition>(answer) {
                Ok(authored) => {
                    state.clear();
                    let made = authored.sessions.len().saturating_sub(before);
                    edition.took(authored);
                    preview.set(None);
                    done.set(
                        i18n.with(|m| m.format("dash-rule-created", &[("count", made.into())])),
                    );
                }
                Err(error) => failed(i18n, state, "", SUMMARY, renamed(error)),
            }
        });
    };
    let radio = move |group: &'static str,
                      value: &'static str,
                      signal: RwSignal<&'static str>,
                      label: &'static str| {
        let id = format!("rule-{group}-{value}");
        view! {
            <label>
                <input type="radio" id=id name=format!("rule-{group}") checked=signal.get_untracked() == value
                    on:change=move |_| signal.set(value)/>
                {i18n.t(label)}
            </label>
        }
    };
    let text = move |field: &'static str,
                     label: &'static str,
                     kind: &'static str,
                     hint: Option<&'static str>,
                     signal: RwSignal<String>| {
        let on_input = Callback::new(move |v| signal.set(v));
        let name = format!("rule.{field}");
        // Every part of a rule is needed but its exceptions.
        let required = field != "exceptions";
        match hint {
            Some(hint) => view! {
                <Entry name label=i18n.t(label) hint=i18n.t(hint) kind required value=signal.get_untracked() state on_input/>
            }
            .into_any(),
            None => view! { <Entry name label=i18n.t(label) kind required value=signal.get_untracked() state on_input/> }.into_any(),
        }
    };
    let weekday_boxes = WEEKDAYS
        .into_iter()
        .map(|day| {
            let id = format!("rule-weekday-{}", Weekday::from(day).number_from_monday());
            let toggle = move |ev: leptos::ev::Event| {
                let on = event_target_checked(&ev);
                inputs.weekdays.update(|w| {
                    w.retain(|d| *d != day);
                    if on {
                        w.push(day);
                        w.sort();
                    }
                });
            };
            view! {
                <p class="check">
                    <input type="checkbox" id=id.clone() on:change=toggle/>
                    <label for=id>{i18n.with(|m| weekday_name(m, day))}</label>
                </p>
            }
        })
        .collect_view();
    let nths = [Nth::First, Nth::Second, Nth::Third, Nth::Fourth, Nth::Last];
    let nth_key = |n: Nth| match n {
        Nth::First => "first",
        Nth::Second => "second",
        Nth::Third => "third",
        Nth::Fourth => "fourth",
        Nth::Last => "last",
    };
    view! {
        <form class="dash-form rule-form" novalidate on:submit=ask_preview>
            <Problems state id=SUMMARY/>
            <fieldset class="choice" id=field_id("rule.frequency") tabindex="-1">
                <legend>{i18n.text("dash-rule-frequency")}</legend>
                {radio("frequency", "weekly", inputs.frequency, "dash-rule-weekly")}
                {radio("frequency", "monthly", inputs.frequency, "dash-rule-monthly")}
                {radio("frequency", "daily", inputs.frequency, "dash-rule-daily")}
            </fieldset>
            {text("interval", "dash-rule-interval", "number", Some("dash-rule-interval-hint"), inputs.interval)}
            <fieldset class="checkboxes" hidden=move || inputs.frequency.get() != "weekly">
                <legend>{i18n.text("dash-rule-weekdays")}</legend>
                <p class="hint">{i18n.text("dash-rule-weekdays-hint")}</p>
                <div class="check-grid">{weekday_boxes}</div>
            </fieldset>
            <div class="when-grid" hidden=move || inputs.frequency.get() != "monthly">
                <div class="field">
                    <label for="rule-nth">{i18n.text("dash-rule-nth")}</label>
                    <select id="rule-nth" on:change=move |ev| {
                        let v = event_target_value(&ev);
                        if let Some(n) = nths.into_iter().find(|n| nth_key(*n) == v) { inputs.nth.set(n) }
                    }>
                        {nths.into_iter().map(|n| view! {
                            <option value=nth_key(n) selected=n == Nth::First>{i18n.t(&format!("dash-rule-nth-{}", nth_key(n)))}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="rule-month-weekday">{i18n.text("dash-rule-weekday")}</label>
                    <select id="rule-month-weekday" on:change=move |ev| {
                        let v = event_target_value(&ev);
                        if let Some(d) = WEEKDAYS.into_iter().find(|d| Weekday::from(*d).number_from_monday().to_string() == v) {
                            inputs.month_weekday.set(d)
                        }
                    }>
                        {WEEKDAYS.into_iter().map(|d| view! {
                            <option value=Weekday::from(d).number_from_monday().to_string() selected=d == DayOfWeek::Tuesday>
                                {i18n.with(|m| weekday_name(m, d))}
                            </option>
                        }).collect_view()}
                    </select>
                </div>
            </div>
            <div class="when-grid">
                {text("start", "dash-rule-start", "date", None, inputs.start)}
                {text("start_time", "dash-rule-time", "time", None, inputs.time)}
                {text("duration_minutes", "dash-rule-duration", "number", Some("dash-rule-duration-hint"), inputs.duration)}
            </div>
            <ZoneEntry name="rule.zone".into() label=i18n.t("dash-zone") value=inputs.zone state/>
            <fieldset class="choice" id=field_id("rule.end") tabindex="-1">
                <legend>{i18n.text("dash-rule-end")}</legend>
                {radio("end", "count", inputs.end, "dash-rule-end-count")}
                {radio("end", "until", inputs.end, "dash-rule-end-until")}
            </fieldset>
            <div hidden=move || inputs.end.get() != "count">
                {text("count", "dash-rule-count", "number", None, inputs.count)}
            </div>
            <div hidden=move || inputs.end.get() != "until">
                {text("until", "dash-rule-until", "date", None, inputs.until)}
            </div>
            {text("exceptions", "dash-rule-exceptions", "text", Some("dash-rule-exceptions-hint"), inputs.exceptions)}
            <Bilingual name=format!("{BY_RULE}.title") label=i18n.t("dash-rule-title") hint=i18n.t("dash-rule-texts-hint")
                text=title.into() on_input=Callback::new(move |(lang, value)| title.update(|t| set_text(t, lang, value)))
                written_in state/>
            <Bilingual name=format!("{BY_RULE}.location") label=i18n.t("dash-rule-location") multiline=true
                text=location.into() on_input=Callback::new(move |(lang, value)| location.update(|t| set_text(t, lang, value)))
                written_in state/>
            <p class="check">
                <input type="checkbox" id="rule-replace" aria-describedby="rule-replace-hint"
                    on:change=move |ev| replace.set(event_target_checked(&ev))/>
                <label for="rule-replace">{i18n.text("dash-rule-replace")}</label>
            </p>
            <p class="hint" id="rule-replace-hint">{i18n.text("dash-rule-replace-hint")}</p>
            <fieldset>
                <legend>{i18n.text("dash-preview-zones")}</legend>
                <p class="hint">{i18n.text("dash-preview-zones-hint")}</p>
                {inputs
                    .others
                    .into_iter()
                    .enumerate()
                    .map(|(i, zone)| {
                        let label = i18n.with(|m| m.format("dash-preview-zone", &[("number", (i + 1).into())]));
                        view! { <ZoneEntry name=format!("zones.{i}") label value=zone state/> }
                    })
                    .collect_view()}
            </fieldset>
            <p class="form-actions">
                <button type="submit" class="button secondary" disabled=move || state.sending.get()>
                    {i18n.text("dash-preview")}
                </button>
                <button type="button" class="button primary" disabled=move || state.sending.get() on:click=create>
                    {i18n.text("dash-rule-create")}
                </button>
            </p>
            <p class="done" role="status">{move || done.get()}</p>
        </form>
        {move || preview.get().map(|p| view! { <PreviewView preview=p/> })}
    }
}

/// Moves focus to the element `id` once drawn.
fn focus_id(id: String) {
    request_animation_frame(move || {
        if let Some(el) = document().get_element_by_id(&id) {
            if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
                let _ = el.focus();
            }
        }
    });
}

/// `date` as "23 March" / « 23 mars ».
fn day_month(m: &Messages, date: chrono::NaiveDate) -> String {
    m.format(
        "dash-day-month",
        &[
            ("day", date.day().into()),
            ("month", m.get(&format!("month-{}", date.month())).into()),
        ],
    )
}

/// A time of day, midnight said as a word.
fn time_words(m: &Messages, at: NaiveDateTime) -> String {
    if at.hour() == 0 && at.minute() == 0 {
        m.get("dash-midnight")
    } else {
        format_time(at, m)
    }
}

#[component]
fn PreviewView(preview: Preview) -> impl IntoView {
    let i18n = use_i18n();
    let rows = i18n.with(|m| {
        preview
            .sessions
            .iter()
            .map(|s| {
                let organiser = format!(
                    "{} ({}, {})",
                    format_datetime(s.organiser.local, m),
                    preview.zone,
                    clock::offset_text(s.organiser.offset_minutes)
                );
                let others = s
                    .others
                    .iter()
                    .zip(&preview.zones)
                    .map(|(reading, zone)| {
                        let when = if reading.weekday.is_some() {
                            format_datetime(reading.local, m)
                        } else {
                            format_time(reading.local, m)
                        };
                        format!("{} : {when}", clock::place_of(zone)).replace(
                            " : ",
                            if m.lang().code() == "fr" {
                                "\u{202f}: "
                            } else {
                                ": "
                            },
                        )
                    })
                    .collect::<Vec<_>>();
                (organiser, others)
            })
            .collect::<Vec<_>>()
    });
    let notes = i18n.with(|m| {
        let mut notes: Vec<(usize, String)> = preview
            .shifts
            .iter()
            .map(|s| {
                (
                    s.index,
                    m.format(
                        "dash-shift",
                        &[
                            ("date", day_month(m, s.now.date()).into()),
                            ("now", time_words(m, s.now).into()),
                            ("place", clock::place_of(&s.zone).into()),
                            ("before", time_words(m, s.before).into()),
                        ],
                    ),
                )
            })
            .collect();
        notes.extend(preview.offset_changes.iter().map(|c| {
            (
                c.index,
                m.format(
                    "dash-offset-change",
                    &[
                        ("date", day_month(m, c.date).into()),
                        ("after", clock::offset_text(c.offset_after).into()),
                        ("before", clock::offset_text(c.offset_before).into()),
                    ],
                ),
            )
        }));
        notes.sort_by_key(|(i, _)| *i);
        notes.into_iter().map(|(_, n)| n).collect::<Vec<_>>()
    });
    let count = preview.sessions.len();
    let first = preview.sessions.first().map(|s| s.organiser.local.date());
    view! {
        <section class="preview" aria-labelledby="preview-title">
            <h3 id="preview-title" tabindex="-1">
                {i18n.with(|m| m.format("dash-preview-title", &[("count", count.into())]))}
            </h3>
            {first.map(|d| view! { <p class="hint">{i18n.with(|m| m.format("dash-preview-from", &[("date", format_date(d, m).into())]))}</p> })}
            {(!notes.is_empty()).then(|| view! {
                <ul class="clock-notes" role="list">
                    {notes.into_iter().map(|n| view! { <li class="clock-shift">{n}</li> }).collect_view()}
                </ul>
            })}
            <ol class="preview-list">
                {rows
                    .into_iter()
                    .map(|(organiser, others)| view! {
                        <li>
                            <strong>{organiser}</strong>
                            {(!others.is_empty()).then(|| view! {
                                <ul class="other-clocks" role="list">
                                    {others.into_iter().map(|o| view! { <li>{o}</li> }).collect_view()}
                                </ul>
                            })}
                        </li>
                    })
                    .collect_view()}
            </ol>
        </section>
    }
}
