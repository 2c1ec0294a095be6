//! Entry point of the page: mounts the Yew app on `<body>` and registers the service worker
//! (offline use). A panic is shown on the page (see `browser::install_panic_hook`).

fn main() {
    gangmu_web::browser::install_panic_hook();
    yew::Renderer::<gangmu_web::components::app::App>::new().render();
    gangmu_web::browser::register_service_worker();
    if gangmu_web::browser::debug_flag("app-panic") {
        gloo_timers::callback::Timeout::new(1500, || {
            panic!("test panic requested by the page (?debug=app-panic)")
        })
        .forget();
    }
}
