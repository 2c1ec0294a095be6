//! The status line: machine-readable `data-*` for tests and scripts, words for people.

use yew::prelude::*;

use super::AppContext;
use crate::i18n::{analysed, format_ms, DocLanguage};
use crate::state::Status;

#[function_component]
pub fn StatusLine() -> Html {
    let state = use_context::<AppContext>().expect("AppContext");
    let t = state.ui.strings();
    let status = state.status();
    let doc = &state.doc;
    // Chars and time always describe the last finished analysis (0 before the first one).
    let analysed_once = doc.request_id > 0;
    let chars = doc.analysis.chars.to_string();
    let ms = format_ms(doc.analysis_ms);
    let read_as = DocLanguage::of(&doc.analysis);
    let words = match status {
        Status::Working => t.working.to_string(),
        // The message itself is in the error banner; keep the last analysis in view too.
        Status::Error if analysed_once => format!(
            "{} · {}",
            t.load_failed,
            analysed(state.ui, doc.analysis.chars, doc.analysis_ms, read_as)
        ),
        Status::Error => t.load_failed.to_string(),
        _ if analysed_once => analysed(state.ui, doc.analysis.chars, doc.analysis_ms, read_as),
        _ => t.idle.to_string(),
    };
    html! {
        <p class={classes!("status", status.as_str())} data-testid="status"
            data-state={status.as_str()} data-chars={chars} data-analysis-ms={ms}
            data-language={analysed_once.then_some(read_as.code())}
            role="status" aria-live="polite">
            <span class="status-dot" aria-hidden="true"></span>
            { words }
        </p>
    }
}
