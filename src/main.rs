//! Entry point of the page: mounts the Yew app on `<body>` and registers the service worker
//! (offline use).

fn main() {
    yew::Renderer::<gangmu_web::components::app::App>::new().render();
    gangmu_web::browser::register_service_worker();
}
