//! An edition as every page shows it: its facts, its sessions on the reader's clock, the
//! clock changes between them, and the way to register.

use leptos::prelude::*;
use relais_domain::catalog::{Edition, RegistrationMode};
use relais_domain::schedule::{
    clock_shifts, format_date, format_time, overlaps_night, ClockPair, ClockShift, NIGHT_ENDS,
    NIGHT_STARTS,
};

use crate::i18n::use_i18n;
use crate::layout::{button_link, Localized};
use crate::time::SessionTime;

#[component]
pub fn EditionView(
    edition: Edition,
    /// Ended: no registration to speak of, nothing to add to a calendar.
    #[prop(optional)]
    past: bool,
    /// The calendar file to offer, when not the edition's public one (a registrant's own,
    /// with the meeting link).
    #[prop(optional)]
    calendar: Option<String>,
    /// For a community's members only: it has no public calendar file (a registrant's own
    /// comes with their manage link).
    #[prop(optional)]
    members_only: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let t = move |id: &str| i18n.t(id);
    // Where a daylight-saving change moves this series on the reader's clock.
    let pairs: Vec<ClockPair> = edition
        .sessions
        .iter()
        .filter_map(|s| {
            Some(ClockPair {
                reader_start: s.reader_span()?.0,
                reader_offset: s.reader_start_offset_minutes?,
                organiser_offset: s.start_offset_minutes,
            })
        })
        .collect();
    let shifts = if pairs.len() == edition.sessions.len() {
        clock_shifts(&pairs)
    } else {
        vec![]
    };
    // A series says how many of its sessions fall in the reader's night, on their clock
    // (the same rule as each session's "at night for you").
    let nights = (edition.sessions.len() > 1).then(|| {
        let at_night = edition
            .sessions
            .iter()
            .filter(|s| {
                let (start, end) = s.reader_span().unwrap_or_else(|| {
                    (
                        crate::time::viewer_local(s.starts_at),
                        crate::time::viewer_local(s.ends_at),
                    )
                });
                overlaps_night(start, end)
            })
            .count();
        let hour = |h| {
            chrono::NaiveDate::MIN
                .and_hms_opt(h, 0, 0)
                .unwrap_or_default()
        };
        i18n.with(|m| {
            m.format(
                "series-nights",
                &[
                    ("nights", at_night.into()),
                    ("count", edition.sessions.len().into()),
                    ("from", format_time(hour(NIGHT_STARTS), m).into()),
                    ("to", format_time(hour(NIGHT_ENDS), m).into()),
                ],
            )
        })
    });
    // The form, in the app's forms build (relais_domain::pages), loaded by an ordinary link:
    // it says where to register when that is elsewhere. The forms build shows editions on their own registration and
    // manage pages, where the link has no place.
    let register =
        (!cfg!(feature = "forms") && !past && edition.registration_mode != RegistrationMode::None)
            .then(|| {
                let mode = edition.registration_mode.as_str();
                let href = format!("/{}/register/{}", i18n.code(), edition.id);
                button_link("register", href, t(&format!("edition-action-{mode}")))
            });
    // An edition given in one language shows its texts in that language, said once by its
    // notice rather than "not yet translated" beside each text (style/main.css).
    view! {
            <div class="edition">
                {edition.title.map(|title| view! { <h3><Localized text=title/></h3> })}
                {edition.written_in_notice.map(|notice| view! { <p class="notice" role="note">{notice}</p> })}
                <ul class="facts" role="list">
                    {edition.facts.into_iter().map(|fact| view! { <li>{fact}</li> }).collect_view()}
                    {edition.location.map(|l| view! { <li><Localized text=l/></li> })}
                </ul>
                {edition.cost_note.map(|n| view! { <p class="cost-note"><Localized text=n/></p> })}
    {register}
    {(!past && (!members_only || calendar.is_some())).then(|| view! {
                <p class="calendar">
                    <a href=calendar.clone().unwrap_or_else(|| format!("/api/editions/{}/calendar.ics?lang={}", edition.id, i18n.code())) download="" rel="external">
                        {i18n.text("calendar-edition")}
                    </a>
                </p>
    })}
                {nights.map(|n| view! { <p class="series-nights">{n}</p> })}
                <ol class="sessions">
                    {edition
                        .sessions
                        .into_iter()
                        .enumerate()
                        .map(|(index, session)| {
                            let title = session.title.clone();
                            let taught_in = session.taught_in.clone();
                            let shift = shifts.iter().find(|s| s.index == index).cloned();
                            view! {
                                <li>
                                    {title.map(|title| view! { <strong><Localized text=title/></strong> })}
                                    <SessionTime session/>
                                    {taught_in.map(|t| view! { <span class="taught-in">{t}</span> })}
                                    {shift.map(|shift| view! { <ClockShiftNote shift/> })}
                                </li>
                            }
                        })
                        .collect_view()}
                </ol>
            </div>
        }
}

/// "From 29 March this session is at 15:00 for you, not 14:00": a clock change on one side.
#[component]
fn ClockShiftNote(shift: ClockShift) -> impl IntoView {
    let i18n = use_i18n();
    let text = move || {
        i18n.with(|m| {
            m.format(
                "clock-shift",
                &[
                    ("date", format_date(shift.now.date(), m).into()),
                    ("now", format_time(shift.now, m).into()),
                    ("before", format_time(shift.before, m).into()),
                ],
            )
        })
    };
    view! { <p class="clock-shift" role="note">{text}</p> }
}
