//! The editable document. Every keystroke goes to the reducer; the App debounces analysis.

use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use super::AppContext;
use crate::state::Action;

/// Above this size (UTF-8 bytes) the text box starts hidden behind a summary.
pub const BIG_INPUT_BYTES: usize = 512 * 1024;

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
    // A very big document: the text box stays hidden and empty (handing megabytes to a
    // textarea and laying them out blocks the page) until the person asks to edit it.
    let big = state.input.len() > BIG_INPUT_BYTES;
    let editing = use_state_eq(|| false);
    let open_editor = {
        let editing = editing.clone();
        Callback::from(move |_: MouseEvent| editing.set(true))
    };
    let collapsed = big && !*editing;
    // Counted once per text, not on every render.
    let chars = use_memo(crate::state::TextKey(state.input.clone()), |t| {
        if t.0.len() > BIG_INPUT_BYTES {
            t.0.chars().count()
        } else {
            0
        }
    });
    html! {
        <div class="editor">
            <label for="doc-input" class="editor-label">{ t.input_label }</label>
            if collapsed {
                <p class="big-doc" data-testid="big-doc">
                    <span>{ format!("{} · {:.1} MB · {}", t.big_doc_loaded,
                        state.input.len() as f64 / (1024.0 * 1024.0),
                        crate::i18n::doc_size(state.ui, *chars)) }</span>
                    <button type="button" class="btn btn-small" data-testid="edit-text"
                        onclick={open_editor}>{ t.edit_text }</button>
                </p>
            }
            <textarea id="doc-input" data-testid="doc-input" class="doc-input"
                value={if collapsed { AttrValue::Static("") } else { AttrValue::from(state.input.clone()) }} placeholder={t.input_placeholder}
                hidden={collapsed}
                spellcheck="false" rows="6" {oninput} {onpaste} />
        </div>
    }
}
