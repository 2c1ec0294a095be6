//! Header: app name, file upload (button + hidden file input) and the UI language switch.

use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::theme_switch::theme_switch;
use super::{AppContext, ReadFile};
use crate::state::Action;

#[function_component]
pub fn Toolbar() -> Html {
    let state = use_context::<AppContext>().expect("AppContext");
    let t = state.ui.strings();
    let file_ref = use_node_ref();

    // The visible button opens the native picker of the visually hidden input.
    let open_picker = {
        let file_ref = file_ref.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(input) = file_ref.cast::<HtmlInputElement>() {
                input.click();
            }
        })
    };
    let read_file = use_context::<ReadFile>().expect("ReadFile");
    let onchange = {
        Callback::from(move |e: Event| {
            let Some(input) = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
            else {
                return;
            };
            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                read_file.0.emit(file);
            }
            // Reset so choosing the same file again fires `change` again.
            input.set_value("");
        })
    };
    let switch_lang = {
        let dispatch = state.dispatcher();
        let other = state.ui.other();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::SetUiLang(other)))
    };

    html! {
        <header class="toolbar">
            <div class="brand">
                <h1 class="app-title">{ t.app_title }</h1>
                <span class="tagline">{ t.tagline }</span>
            </div>
            <div class="actions">
                <button type="button" class="btn primary" onclick={open_picker}
                    data-testid="upload-button">{ t.upload }</button>
                <input ref={file_ref} type="file" class="visually-hidden" data-testid="file-input"
                    accept=".txt,.gangmu,text/plain,application/json" tabindex="-1" aria-label={t.upload} {onchange} />
                <span class="hint">{ t.upload_hint }</span>
                <button type="button" class="btn" onclick={switch_lang}
                    data-testid="lang-switch" aria-label={t.switch_lang_label}
                    lang={state.ui.other().tag()}>{ t.switch_lang }</button>
                { theme_switch(&state) }
            </div>
        </header>
    }
}
