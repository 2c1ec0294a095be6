//! Entry point of the page: mounts the Yew app on `<body>`.

fn main() {
    yew::Renderer::<gangmu_web::components::app::App>::new().render();
}
