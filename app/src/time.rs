//! The reader's clock, from the browser's own time-zone data (no zone table shipped).

use chrono::{DateTime, NaiveDateTime, TimeDelta, Utc};
use js_sys::Reflect;
use leptos::prelude::*;
use relais_domain::catalog::Session;
use relais_domain::schedule::format_span;
use wasm_bindgen::{JsCast, JsValue};

use crate::i18n::use_i18n;

/// The reader's IANA zone as the browser knows it, e.g. `Africa/Lagos`. Asked once per page.
pub fn viewer_zone() -> String {
    thread_local! {
        static ZONE: String = browser_zone();
    }
    ZONE.with(Clone::clone)
}

/// `Temporal.Now.timeZoneId()` where the browser has it: a first `Intl.DateTimeFormat` loads
/// locale data, measured at 80–100 ms on a phone-speed CPU, against well under 1 ms.
fn browser_zone() -> String {
    let zone = temporal_zone().or_else(|| {
        let options =
            js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &js_sys::Object::new())
                .resolved_options();
        Reflect::get(&options, &JsValue::from_str("timeZone"))
            .ok()
            .and_then(|z| z.as_string())
    });
    zone.map(|z| relais_domain::schedule::canonical_zone(&z).to_owned())
        .unwrap_or_else(|| "UTC".to_owned())
}

fn temporal_zone() -> Option<String> {
    let temporal = Reflect::get(&js_sys::global(), &JsValue::from_str("Temporal")).ok()?;
    let now = Reflect::get(&temporal, &JsValue::from_str("Now")).ok()?;
    let time_zone_id: js_sys::Function = Reflect::get(&now, &JsValue::from_str("timeZoneId"))
        .ok()?
        .dyn_into()
        .ok()?;
    time_zone_id.call0(&now).ok()?.as_string()
}

/// The wall-clock time the reader's clock shows at `instant`.
pub fn viewer_local(instant: DateTime<Utc>) -> NaiveDateTime {
    let date = js_sys::Date::new(&JsValue::from_f64(instant.timestamp_millis() as f64));
    // getTimezoneOffset is UTC minus local, in minutes, at that very instant (DST included).
    let offset = -(date.get_timezone_offset() as i64);
    (instant + TimeDelta::minutes(offset)).naive_utc()
}

/// A session on the reader's clock, with the organiser's clock beside it when they differ.
#[component]
pub fn SessionTime(session: Session) -> impl IntoView {
    let i18n = use_i18n();
    let (start, end) = (
        viewer_local(session.starts_at),
        viewer_local(session.ends_at),
    );
    let (org_start, org_end) = (session.organiser_start(), session.organiser_end());
    let same_clock = start == org_start && end == org_end;
    let zone = session.zone.clone();
    let datetime = session.starts_at.to_rfc3339();
    view! {
        <span class="when">
            <time datetime=datetime>{move || i18n.with(|m| format_span(start, end, m))}</time>
            <span class="zone">" · " {move || i18n.t("your-time")} " (" {viewer_zone()} ")"</span>
        </span>
        {(!same_clock)
            .then(|| {
                view! {
                    <span class="organiser-time">
                        {move || {
                            i18n.with(|m| {
                                let span = format_span(org_start, org_end, m);
                                m.format("organiser-time", &[("zone", zone.clone().into()), ("span", span.into())])
                            })
                        }}
                    </span>
                }
            })}
    }
}
