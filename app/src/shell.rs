//! `index.html`'s shell: the brand and a loading line from the first bytes and, on catalog
//! pages, the catalog's first page written by the Worker (edge/src/shell.rs).
//!
//! The app renders beside it, hidden, and replaces it once it has a page of its own to show:
//! removing the shell at start would blank a catalog the reader is already reading.

use leptos::prelude::set_timeout;
use std::time::Duration;

const SHOWN: &str = "shell-shown";

fn shell() -> Option<web_sys::Element> {
    web_sys::window()?.document()?.get_element_by_id("shell")
}

/// Called before the app mounts: keeps a page the reader can already read on screen until
/// `replace` is called, or gives way at once when the shell has only the loading line.
pub fn hold() {
    let Some(shell) = shell() else { return };
    let has_page = shell
        .query_selector("#shell-page > *")
        .ok()
        .flatten()
        .is_some();
    match web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
    {
        Some(body) if has_page => {
            let _ = body.class_list().add_1(SHOWN);
        }
        _ => shell.remove(),
    }
}

/// The app's page is ready: it takes the shell's place. Idempotent.
///
/// Not before the browser has reported painting the shell (`first-contentful-paint`): the
/// catalog the Worker wrote is what the reader saw first, and a shell removed while that
/// paint is still being reported would not count as shown, as if the catalog had waited for
/// the app (app/offline/: a repeat visit paints it from the device at once).
pub fn replace() {
    replace_once_painted(0);
}

/// Waits at most this many frames for the paint to be reported (a browser without paint timing).
const PAINT_WAIT_FRAMES: u32 = 30;
const FRAME: Duration = Duration::from_millis(16);

fn replace_once_painted(frames: u32) {
    let Some(shell) = shell() else {
        return;
    };
    if frames < PAINT_WAIT_FRAMES && !painted() {
        set_timeout(move || replace_once_painted(frames + 1), FRAME);
        return;
    }
    shell.remove();
    if let Some(body) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
    {
        let _ = body.class_list().remove_1(SHOWN);
    }
}

fn painted() -> bool {
    web_sys::window()
        .and_then(|w| w.performance())
        .is_none_or(|p| p.get_entries_by_name("first-contentful-paint").length() > 0)
}
