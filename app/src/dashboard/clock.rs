//! Wall clocks in any IANA zone from the browser's own zone data (`Intl.DateTimeFormat`),
//! so the dashboard ships no zone table either: an organiser's "18:00 in Toronto" to an
//! instant and back, and zones checked by the browser.

use std::cell::RefCell;
use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, Utc};
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

/// Zones offered first in the zone pickers (the browser knows every other).
pub const COMMON_ZONES: &[&str] = &[
    "America/Toronto",
    "America/Montreal",
    "America/Vancouver",
    "America/New_York",
    "America/Mexico_City",
    "America/Bogota",
    "America/Sao_Paulo",
    "Europe/Paris",
    "Europe/Brussels",
    "Europe/London",
    "Europe/Lisbon",
    "Africa/Lagos",
    "Africa/Dakar",
    "Africa/Abidjan",
    "Africa/Kinshasa",
    "Africa/Nairobi",
    "Africa/Johannesburg",
    "Asia/Kolkata",
    "Asia/Manila",
    "Asia/Tokyo",
    "Australia/Sydney",
    "Pacific/Auckland",
    "UTC",
];

thread_local! {
    static FORMATS: RefCell<HashMap<String, Option<js_sys::Intl::DateTimeFormat>>> = RefCell::new(HashMap::new());
}

/// A formatter of `zone`'s wall clock in numbers, made once per zone; `None` for a zone
/// the browser does not know (its constructor throws, which is caught here).
fn format_of(zone: &str) -> Option<js_sys::Intl::DateTimeFormat> {
    FORMATS.with(|formats| {
        if let Some(known) = formats.borrow().get(zone) {
            return known.clone();
        }
        let made = make_format(zone);
        formats.borrow_mut().insert(zone.to_owned(), made.clone());
        made
    })
}

fn make_format(zone: &str) -> Option<js_sys::Intl::DateTimeFormat> {
    let options = Object::new();
    let set = |key: &str, value: &str| {
        let _ = Reflect::set(&options, &JsValue::from_str(key), &JsValue::from_str(value));
    };
    set("timeZone", zone);
    set("hourCycle", "h23");
    for part in ["year", "month", "day", "hour", "minute", "second"] {
        set(part, "numeric");
    }
    let intl = Reflect::get(&js_sys::global(), &JsValue::from_str("Intl")).ok()?;
    let constructor: js_sys::Function = Reflect::get(&intl, &JsValue::from_str("DateTimeFormat"))
        .ok()?
        .dyn_into()
        .ok()?;
    let args = Array::of2(&JsValue::from_str("en-US"), &options);
    Reflect::construct(&constructor, &args)
        .ok()
        .map(JsCast::unchecked_into)
}

/// Whether the browser knows `zone` as a time zone.
pub fn is_zone(zone: &str) -> bool {
    !zone.trim().is_empty() && format_of(zone.trim()).is_some()
}

/// `zone`'s wall clock at `instant`.
pub fn local(zone: &str, instant: DateTime<Utc>) -> Option<NaiveDateTime> {
    let format = format_of(zone)?;
    let date = js_sys::Date::new(&JsValue::from_f64(instant.timestamp_millis() as f64));
    let parts = format.format_to_parts(&date);
    let mut fields = [0u32; 6];
    for part in parts.iter() {
        let kind = Reflect::get(&part, &JsValue::from_str("type"))
            .ok()?
            .as_string()?;
        let index = match kind.as_str() {
            "year" => 0,
            "month" => 1,
            "day" => 2,
            "hour" => 3,
            "minute" => 4,
            "second" => 5,
            _ => continue,
        };
        let value = Reflect::get(&part, &JsValue::from_str("value"))
            .ok()?
            .as_string()?;
        fields[index] = value.parse().ok()?;
    }
    let [year, month, day, hour, minute, second] = fields;
    NaiveDate::from_ymd_opt(year as i32, month, day)?.and_hms_opt(hour % 24, minute, second)
}

/// `zone`'s offset from UTC at `instant`, in minutes.
pub fn offset_minutes(zone: &str, instant: DateTime<Utc>) -> Option<i64> {
    let seconds_only = instant - TimeDelta::nanoseconds(instant.timestamp_subsec_nanos().into());
    Some((local(zone, seconds_only)? - seconds_only.naive_utc()).num_minutes())
}

/// The instant `zone`'s clocks show `wall`. A time shown twice (clocks going back) is the
/// first; a time skipped (clocks going forward) is read with the offset before the jump,
/// as the domain's `resolve_local` and the recurrence rules do.
pub fn instant(zone: &str, wall: NaiveDateTime) -> Option<DateTime<Utc>> {
    let guess = wall.and_utc();
    let before = offset_minutes(zone, guess - TimeDelta::days(1))?;
    let after = offset_minutes(zone, guess + TimeDelta::days(1))?;
    let mut found: Vec<DateTime<Utc>> = [before, after]
        .into_iter()
        .map(|offset| guess - TimeDelta::minutes(offset))
        .filter(|candidate| local(zone, *candidate) == Some(wall))
        .collect();
    found.sort();
    found
        .first()
        .copied()
        .or(Some(guess - TimeDelta::minutes(before)))
}

/// A `datetime-local` control's value (`2026-03-10T18:30`).
pub fn parse_datetime_local(value: &str) -> Option<NaiveDateTime> {
    let (date, time) = value.trim().split_once('T')?;
    Some(parse_date(date)?.and_time(parse_time(time)?))
}

/// A `date` control's value (`2026-03-10`).
pub fn parse_date(value: &str) -> Option<NaiveDate> {
    let mut parts = value.trim().splitn(3, '-');
    let year = parts.next()?.parse().ok()?;
    let month = parts.next()?.parse().ok()?;
    let day = parts.next()?.parse().ok()?;
    NaiveDate::from_ymd_opt(year, month, day)
}

/// A `time` control's value (`18:30`, or with seconds).
pub fn parse_time(value: &str) -> Option<NaiveTime> {
    let mut parts = value.trim().split(':');
    let hour = parts.next()?.parse().ok()?;
    let minute = parts.next()?.parse().ok()?;
    NaiveTime::from_hms_opt(hour, minute, 0)
}

/// `2026-03-10T18:30`, for a `datetime-local` control.
pub fn datetime_local_value(wall: NaiveDateTime) -> String {
    format!("{}T{}", date_value(wall.date()), time_value(wall.time()))
}

/// `2026-03-10`, for a `date` control.
pub fn date_value(date: NaiveDate) -> String {
    use chrono::Datelike;
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

/// `18:30`, for a `time` control.
pub fn time_value(time: NaiveTime) -> String {
    use chrono::Timelike;
    format!("{:02}:{:02}", time.hour(), time.minute())
}

/// The place a zone is named after, for notes (`Africa/Lagos` → `Lagos`).
pub fn place_of(zone: &str) -> String {
    zone.rsplit('/').next().unwrap_or(zone).replace('_', " ")
}

/// An offset as people write it: `UTC−4`, `UTC+5:30`, `UTC`.
pub fn offset_text(minutes: i32) -> String {
    if minutes == 0 {
        return "UTC".to_owned();
    }
    let sign = if minutes < 0 { '−' } else { '+' };
    let (hours, rest) = (minutes.abs() / 60, minutes.abs() % 60);
    if rest == 0 {
        format!("UTC{sign}{hours}")
    } else {
        format!("UTC{sign}{hours}:{rest:02}")
    }
}

/// The organiser's zone to start from: the device's, as the browser knows it, unless it is
/// UTC (a server or a privacy setting), then Toronto.
pub fn default_zone() -> String {
    let zone = crate::time::viewer_zone();
    if zone == "UTC" || !is_zone(&zone) {
        "America/Toronto".to_owned()
    } else {
        zone
    }
}
