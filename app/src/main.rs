fn main() {
    console_error_panic_hook::set_once();
    // index.html's static shell has done its job: the app takes over the page.
    if let Some(shell) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("shell"))
    {
        shell.remove();
    }
    leptos::mount::mount_to_body(relais_app::App);
}
