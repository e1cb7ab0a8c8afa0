//! Changes written in an editor and not saved are not lost by leaving: while an editor has
//! some, following a link (in the app or out of it) or going back asks first, and so does
//! closing or reloading the tab (the browser's own `beforeunload` question). Saving clears
//! it.
//!
//! One listener of each kind for the whole page, installed once: the editors only say
//! whether they hold unsaved changes. The click listener sits on the document, so it runs
//! before the router's on the window; the history's is installed before the router's.

use std::cell::{Cell, RefCell};

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::i18n::use_i18n;

thread_local! {
    static PENDING: Cell<bool> = const { Cell::new(false) };
    static QUESTION: RefCell<String> = const { RefCell::new(String::new()) };
    static INSTALLED: Cell<bool> = const { Cell::new(false) };
    /// Going back was refused: the step forward that puts the page's address back is not
    /// a navigation either.
    static RESTORING: Cell<bool> = const { Cell::new(false) };
}

/// Asks before leaving the page while `dirty` holds. Each editor calls it once.
pub fn warn_while(dirty: RwSignal<bool>) {
    let i18n = use_i18n();
    QUESTION.with(|q| *q.borrow_mut() = i18n.t("dash-unsaved-leave"));
    install();
    Effect::new(move |_| PENDING.set(dirty.get()));
    on_cleanup(|| PENDING.set(false));
}

/// Whether the page may be left now: nothing unsaved, or the person said so.
pub fn may_leave() -> bool {
    if !PENDING.get() {
        return true;
    }
    let question = QUESTION.with(|q| q.borrow().clone());
    let confirmed = window().confirm_with_message(&question).unwrap_or(true);
    if confirmed {
        // Said once: the page being left does not ask again.
        PENDING.set(false);
    }
    confirmed
}

/// Installs the listeners, once: before the router (`App`), so that they run before its
/// own on the same target (the window's `popstate`).
pub fn install() {
    if INSTALLED.replace(true) {
        return;
    }
    let click = Closure::<dyn Fn(web_sys::MouseEvent)>::new(|ev: web_sys::MouseEvent| {
        if PENDING.get() && leaves(&ev) && !may_leave() {
            ev.prevent_default();
        }
    });
    let _ = document().add_event_listener_with_callback("click", click.as_ref().unchecked_ref());
    click.forget();
    // The history cannot refuse a step back: the router is kept from seeing it, and the
    // step is undone.
    let history = Closure::<dyn Fn(web_sys::Event)>::new(|ev: web_sys::Event| {
        if RESTORING.replace(false) {
            ev.stop_immediate_propagation();
        } else if PENDING.get() && !may_leave() {
            ev.stop_immediate_propagation();
            RESTORING.set(true);
            if let Ok(history) = window().history() {
                let _ = history.forward();
            }
        }
    });
    let _ = window().add_event_listener_with_callback("popstate", history.as_ref().unchecked_ref());
    history.forget();
    // The handle is kept by the page for good: dropping it leaves the listener.
    let _ = window_event_listener_untyped("beforeunload", |ev| {
        if PENDING.get() {
            ev.prevent_default();
            if let Some(ev) = ev.dyn_ref::<web_sys::BeforeUnloadEvent>() {
                ev.set_return_value("");
            }
        }
    });
}

/// Whether a click follows a link away from this page in this tab (not a link to a part of
/// the page, such as a refusal's link to its field, nor one opened elsewhere).
fn leaves(ev: &web_sys::MouseEvent) -> bool {
    if ev.default_prevented()
        || ev.button() != 0
        || ev.meta_key()
        || ev.ctrl_key()
        || ev.shift_key()
        || ev.alt_key()
    {
        return false;
    }
    let link = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest("a[href]").ok().flatten());
    let Some(link) = link else {
        return false;
    };
    let href = link.get_attribute("href").unwrap_or_default();
    let elsewhere = link
        .get_attribute("target")
        .is_some_and(|t| !t.is_empty() && t != "_self");
    !href.starts_with('#') && !elsewhere && !link.has_attribute("download")
}
