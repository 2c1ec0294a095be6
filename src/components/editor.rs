//! The editable document. Every keystroke goes to the reducer; the App debounces analysis.

use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use super::AppContext;
use crate::state::Action;

#[function_component]
pub fn Editor() -> Html {
    let state = use_context::<AppContext>().expect("AppContext");
    let t = state.ui.strings();
    let oninput = {
        let dispatch = state.dispatcher();
        Callback::from(move |e: InputEvent| {
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            dispatch.dispatch(Action::Edit(area.value()));
        })
    };
    // A paste that replaces the whole text (or fills an empty box) is a new document: the
    // one that was there stays in the recent list.
    let onpaste = {
        let dispatch = state.dispatcher();
        Callback::from(move |e: Event| {
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            let len = area.value().encode_utf16().count() as u32;
            let start = area.selection_start().ok().flatten().unwrap_or(0);
            let end = area.selection_end().ok().flatten().unwrap_or(0);
            if len == 0 || (start == 0 && end >= len) {
                dispatch.dispatch(Action::NewDocument);
            }
        })
    };
    html! {
        <div class="editor">
            <label for="doc-input" class="editor-label">{ t.input_label }</label>
            <textarea id="doc-input" data-testid="doc-input" class="doc-input"
                value={state.input.to_string()} placeholder={t.input_placeholder}
                spellcheck="false" rows="6" {oninput} {onpaste} />
        </div>
    }
}
