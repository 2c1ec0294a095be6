//! After a jump from the outline or a list to the text (phone layout): one tap goes back to
//! where the jump came from; for a person, organisation or formulation a second button
//! steps on to its next mention without leaving the text.

use yew::prelude::*;

use crate::state::{Action, AppState, Selection, Tab};

/// A plain function, like [`super::tab_bar::tab_bar`].
pub fn back_bar(state: &UseReducerHandle<AppState>) -> Html {
    let t = state.ui.strings();
    let Some(back) = state.back.filter(|_| state.tab == Tab::Text) else {
        return html! {};
    };
    let dispatch = state.dispatcher().to_callback();
    let label = t.back_to[Tab::ALL.iter().position(|&x| x == back).unwrap_or(0)];
    let onback = dispatch.reform(|_: MouseEvent| Action::Back);
    // Stepping on repeats the list's click (which, from the text, keeps the way back).
    let next = match state.selection {
        Some(Selection::Entity { kind, index, .. }) => Some((Some(kind), index)),
        Some(Selection::Formulation { index, .. }) => Some((None, index)),
        _ => None,
    };
    let onnext = next.map(|(kind, index)| {
        dispatch.reform(move |_: MouseEvent| match kind {
            Some(kind) => Action::SelectEntity { kind, index },
            None => Action::SelectFormulation(index),
        })
    });
    html! {
        <div class="backbar" data-testid="backbar">
            <button type="button" class="btn backbar-btn" data-testid="back" onclick={onback}>
                <span aria-hidden="true">{ "‹ " }</span>{ label }
            </button>
            if let Some(onclick) = onnext {
                <button type="button" class="btn backbar-btn" data-testid="next-mention" {onclick}>
                    { t.next_mention }<span aria-hidden="true">{ " ›" }</span>
                </button>
            }
        </div>
    }
}
