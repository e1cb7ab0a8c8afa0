fn main() {
    console_error_panic_hook::set_once();
    relais_app::start();
}
