fn main() {
    // Panic messages in the console, in the builds people write in; the browsing build
    // goes without (0.9 kB of every first visit: bench/decisions.md), and a panic there
    // still stops with wasm's own "unreachable" error.
    #[cfg(any(feature = "forms", feature = "dashboard"))]
    console_error_panic_hook::set_once();
    relais_app::start();
}
