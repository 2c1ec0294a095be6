//! Colour theme: follow the system, or light, or dark (remembered by `App`). Three pressed
//! buttons with a drawn icon each, so the choice reads without colour.

use yew::prelude::*;

use crate::state::{Action, AppState, Theme};

fn icon(theme: Theme) -> Html {
    // Drawn, not emoji: ☀ and ☾ turn into colour emoji on some phones.
    match theme {
        Theme::System => html! {
            <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true" focusable="false">
                <circle cx="10" cy="10" r="7" fill="none" stroke="currentColor" stroke-width="2" />
                <path d="M10 3a7 7 0 0 1 0 14z" fill="currentColor" />
            </svg>
        },
        Theme::Light => html! {
            <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true" focusable="false">
                <circle cx="10" cy="10" r="4" fill="currentColor" />
                <path d="M10 1.5v3M10 15.5v3M1.5 10h3M15.5 10h3M4 4l2 2M14 14l2 2M4 16l2-2M14 6l2-2"
                    stroke="currentColor" stroke-width="1.8" stroke-linecap="round" />
            </svg>
        },
        Theme::Dark => html! {
            <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true" focusable="false">
                <path d="M13.5 2.5a7.5 7.5 0 1 0 4 11.5A6 6 0 0 1 13.5 2.5z" fill="currentColor" />
            </svg>
        },
    }
}

/// A plain function, like [`super::tab_bar::tab_bar`] (rendered by the toolbar).
pub fn theme_switch(state: &UseReducerHandle<AppState>) -> Html {
    let t = state.ui.strings();
    let dispatch = state.dispatcher().to_callback();
    let buttons: Html = Theme::ALL
        .iter()
        .zip(t.themes)
        .map(|(&theme, label)| {
            let on = state.theme == theme;
            let onclick = dispatch.reform(move |_: MouseEvent| Action::SetTheme(theme));
            html! {
                <button type="button" class="btn theme-btn" data-testid="theme"
                    data-theme-choice={theme.code()} aria-pressed={on.to_string()}
                    title={label} {onclick}>
                    { icon(theme) }
                    <span class="visually-hidden">{ label }</span>
                </button>
            }
        })
        .collect();
    html! {
        <span class="theme-switch" role="group" aria-label={t.theme}>{ buttons }</span>
    }
}
