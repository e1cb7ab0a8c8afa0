//! `index.html`'s shell: the brand and a loading line from the first bytes and, on catalog
//! pages, the catalog's first page written by the Worker (edge/src/shell.rs).
//!
//! The app renders beside it, hidden, and replaces it once it has a page of its own to show:
//! removing the shell at start would blank a catalog the reader is already reading.

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
pub fn replace() {
    if let Some(shell) = shell() {
        shell.remove();
    }
    if let Some(body) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
    {
        let _ = body.class_list().remove_1(SHOWN);
    }
}
