//! The file error, if any: announced (role="alert") and dismissible.

use gangmu_core::decode::MAX_BYTES;
use yew::prelude::*;

use super::AppContext;
use crate::i18n::Strings;
use crate::state::{Action, AppError};

fn message(t: &Strings, e: &AppError) -> String {
    match e {
        AppError::Binary => t.err_binary.into(),
        AppError::Undecodable => t.err_undecodable.into(),
        AppError::TooLarge { bytes } => format!(
            "{} ({} MB > {} MB)",
            t.err_too_large,
            bytes.div_ceil(1024 * 1024),
            MAX_BYTES / (1024 * 1024)
        ),
        AppError::Read(detail) => format!("{}: {detail}", t.err_read),
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
            <span class="error-text">{ message(t, err) }</span>
            <button type="button" class="btn btn-small" onclick={dismiss}
                data-testid="error-dismiss" aria-label={t.dismiss}>{ "×" }</button>
        </div>
    }
}
