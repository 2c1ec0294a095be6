//! The file error, if any: announced (role="alert") and dismissible.

use yew::prelude::*;

use super::AppContext;
use crate::i18n::{share_error, Strings, UiLang};
use crate::state::{Action, AppError};

fn message(lang: UiLang, error: &AppError) -> String {
    let t: &Strings = lang.strings();
    match error {
        AppError::Binary => t.err_binary.into(),
        AppError::Undecodable => t.err_undecodable.into(),
        AppError::TooLarge { bytes } => format!(
            "{} ({} MB > {} MB)",
            t.err_too_large,
            bytes.div_ceil(1024 * 1024),
            crate::upload::MAX_FILE_BYTES / (1024 * 1024)
        ),
        AppError::Read(detail) => format!("{}: {detail}", t.err_read),
        AppError::Link(e) | AppError::File(e) => {
            let what = if matches!(error, AppError::Link(_)) {
                t.err_link
            } else {
                t.err_file
            };
            format!(
                "{what}{}{}{}",
                colon(lang),
                share_error(lang, e),
                stop(lang, t.draft_kept)
            )
        }
        AppError::Worker(detail) => format!("{}{}{detail}", t.err_worker, colon(lang)),
        AppError::WorkerTimeout => t.err_worker_timeout.into(),
        AppError::Storage { chars } => format!(
            "{} ({})",
            t.err_storage,
            crate::i18n::doc_size(lang, *chars)
        ),
    }
}

fn colon(lang: UiLang) -> &'static str {
    match lang {
        UiLang::Zh => "：",
        UiLang::En => ": ",
    }
}

/// Ends the sentence and adds `more`.
fn stop(lang: UiLang, more: &str) -> String {
    match lang {
        UiLang::Zh => format!("。{more}"),
        UiLang::En => format!(". {more}"),
    }
}

#[function_component]
pub fn ErrorBanner() -> Html {
    let state = use_context::<AppContext>().expect("AppContext");
    let Some(err) = state.error.as_ref() else {
        return html! {};
    };
    let t = state.ui.strings();
    let dismiss = {
        let dispatch = state.dispatcher();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::DismissError))
    };
    html! {
        <div class="error" data-testid="error" role="alert">
            <span class="error-text">{ message(state.ui, err) }</span>
            <button type="button" class="btn btn-small" onclick={dismiss}
                data-testid="error-dismiss" aria-label={t.dismiss}>{ "×" }</button>
        </div>
    }
}
