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

/// Where a reader chose to see times, when not in their device's zone.
const ZONE_KEY: &str = "relais.zone";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The zone times are shown in: the one the reader picked (remembered on this device), else
/// their device's. Every read of the catalog names it, so sessions come with its offsets.
#[derive(Clone, Copy)]
pub struct ReaderZone {
    pub zone: RwSignal<String>,
    /// Read by the catalog's zone picker (browsing build).
    #[cfg_attr(any(feature = "forms", feature = "dashboard"), allow(dead_code))]
    pub picked: RwSignal<bool>,
}

impl ReaderZone {
    pub fn provide() -> ReaderZone {
        let picked = storage().and_then(|s| s.get_item(ZONE_KEY).ok().flatten());
        let reader = ReaderZone {
            picked: RwSignal::new(picked.is_some()),
            zone: RwSignal::new(picked.unwrap_or_else(viewer_zone)),
        };
        provide_context(reader);
        reader
    }

    #[cfg(not(any(feature = "forms", feature = "dashboard")))]
    pub fn pick(&self, zone: String) {
        if let Some(s) = storage() {
            let _ = s.set_item(ZONE_KEY, &zone);
        }
        self.picked.set(true);
        self.zone.set(zone);
    }

    #[cfg(not(any(feature = "forms", feature = "dashboard")))]
    pub fn use_device(&self) {
        if let Some(s) = storage() {
            let _ = s.remove_item(ZONE_KEY);
        }
        self.picked.set(false);
        self.zone.set(viewer_zone());
    }
}

pub fn use_reader_zone() -> ReaderZone {
    expect_context::<ReaderZone>()
}

/// Every IANA zone the browser knows (`Intl.supportedValuesOf`), for the picker: no zone
/// list is shipped in the app.
fn known_zones() -> Vec<String> {
    let intl = Reflect::get(&js_sys::global(), &JsValue::from_str("Intl")).ok();
    let supported: Option<js_sys::Function> = intl
        .as_ref()
        .and_then(|i| Reflect::get(i, &JsValue::from_str("supportedValuesOf")).ok())
        .and_then(|f| f.dyn_into().ok());
    let list = supported
        .zip(intl)
        .and_then(|(f, intl)| f.call1(&intl, &JsValue::from_str("timeZone")).ok());
    // Browsers list some zones by ICU's old names (Asia/Katmandu): shown by their IANA name.
    let mut zones: Vec<String> = list
        .map(|l| {
            js_sys::Array::from(&l)
                .iter()
                .filter_map(|z| z.as_string())
                .map(|z| relais_domain::schedule::canonical_zone(&z).to_owned())
                .collect()
        })
        .unwrap_or_default();
    zones.push("UTC".to_owned());
    // Equal names are alike: an unstable sort gives the same list, and costs the phone less
    // wasm than a stable one.
    zones.sort_unstable();
    zones.dedup();
    zones
}

/// Fills `list`, a `<datalist>`, with every zone the browser knows, on first use: a few
/// hundred options a reader who never opens the picker does not need.
pub fn fill_zone_list(list: &web_sys::Element) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if list.child_element_count() > 0 {
        return;
    }
    for zone in known_zones() {
        if let Ok(option) = document.create_element("option") {
            let _ = option.set_attribute("value", &zone);
            let _ = list.append_child(&option);
        }
    }
}

/// The zone times are shown in, and a searchable picker of every zone (the browser's own
/// `<datalist>` suggestions, filled on first opening). Built with few reactive parts: each
/// costs the reader's phone wasm bytes.
#[cfg(not(any(feature = "forms", feature = "dashboard")))]
#[component]
pub fn ZonePicker() -> impl IntoView {
    let i18n = use_i18n();
    let reader = use_reader_zone();
    let error = RwSignal::new(false);
    let input = NodeRef::<leptos::html::Input>::new();
    let list = NodeRef::<leptos::html::Datalist>::new();
    let fill = move |_| {
        if let Some(list) = list.get() {
            fill_zone_list(&list);
        }
    };
    let choose = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = input.get().map(|i| i.value()).unwrap_or_default();
        let wanted = relais_domain::schedule::canonical_zone(typed.trim()).to_owned();
        match known_zones()
            .into_iter()
            .find(|z| z.eq_ignore_ascii_case(&wanted))
        {
            Some(zone) => {
                error.set(false);
                reader.pick(zone);
                if let Some(i) = input.get() {
                    i.set_value("");
                }
            }
            None => error.set(true),
        }
    };
    let summary = move || {
        let (zone, picked) = (reader.zone.get(), reader.picked.get());
        i18n.with(|m| {
            let device = (!picked).then(|| format!(" ({})", m.get("zone-device")));
            view! {
                {m.get("zone-shown")} " " <strong>{zone}</strong> {device}
                <span class="change">{m.get("zone-change")}</span>
            }
        })
    };
    let back = move || {
        reader.picked.get().then(|| {
            view! {
                <button type="button" class="secondary" on:click=move |_| reader.use_device()>
                    {i18n.t("zone-use-device")}
                </button>
            }
        })
    };
    view! {
        <details class="zone" on:toggle=fill>
            <summary>{summary}</summary>
            <form class="zone-form" on:submit=choose>
                <label for="zone-input">{i18n.text("zone-search")}</label>
                <input id="zone-input" node_ref=input type="search" list="zone-list" autocomplete="off"
                    placeholder="Africa/Lagos" aria-describedby="zone-error"
                    aria-invalid=move || error.get().to_string()/>
                <datalist id="zone-list" node_ref=list></datalist>
                <button type="submit">{i18n.text("zone-apply")}</button>
                <p id="zone-error" class="field-error" role="alert">
                    {move || error.get().then(|| i18n.t("zone-unknown"))}
                </p>
                {back}
            </form>
        </details>
    }
}

/// The wall-clock time the reader's clock shows at `instant`.
pub fn viewer_local(instant: DateTime<Utc>) -> NaiveDateTime {
    let date = js_sys::Date::new(&JsValue::from_f64(instant.timestamp_millis() as f64));
    // getTimezoneOffset is UTC minus local, in minutes, at that very instant (DST included).
    let offset = -(date.get_timezone_offset() as i64);
    (instant + TimeDelta::minutes(offset)).naive_utc()
}

/// A session on the reader's clock, with the organiser's clock beside it when they differ,
/// and a mark when it falls in the reader's night.
#[component]
pub fn SessionTime(session: Session) -> impl IntoView {
    let i18n = use_i18n();
    let reader = use_reader_zone();
    // The API gives the reader's offsets for the zone it was asked about; the device's own
    // clock stands in until then.
    let (start, end) = session.reader_span().unwrap_or_else(|| {
        (
            viewer_local(session.starts_at),
            viewer_local(session.ends_at),
        )
    });
    let night = relais_domain::schedule::overlaps_night(start, end);
    let (org_start, org_end) = (session.organiser_start(), session.organiser_end());
    let same_clock = start == org_start && end == org_end;
    let zone = session.zone.clone();
    let datetime = session.starts_at.to_rfc3339();
    view! {
        <span class="when">
            <time datetime=datetime>{move || i18n.with(|m| format_span(start, end, m))}</time>
            <span class="zone">" · " {i18n.text("your-time")} " (" {move || reader.zone.get()} ")"</span>
            {night.then(|| view! { <span class="night">{i18n.text("night-for-you")}</span> })}
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
