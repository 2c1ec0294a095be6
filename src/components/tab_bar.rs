//! The phone's segmented control: 大纲 / 正文 / 人物与机构, one view at a time. Hidden on wide
//! screens (style.css), where the three panes stand side by side.

use yew::prelude::*;

use crate::state::{Action, AppState, Tab};

/// The pane each tab shows (ids in `App`).
pub fn pane_id(tab: Tab) -> &'static str {
    match tab {
        Tab::Outline => "pane-outline",
        Tab::Text => "pane-text",
        Tab::Entities => "pane-entities",
    }
}

/// A plain function rather than a component: it re-renders with `App` either way, and each
/// component type costs the wasm its own copy of Yew's component machinery.
pub fn tab_bar(state: &UseReducerHandle<AppState>) -> Html {
    let t = state.ui.strings();
    let dispatch = state.dispatcher().to_callback();
    // How many headings and entities each view holds (None: the text view). The badge is
    // there from the start, hidden until the first analysis, so its arrival moves nothing.
    let analysed = state.doc.request_id > 0;
    let a = &state.doc.analysis;
    let counts = [
        Some(a.outline_flat().len()),
        None,
        Some(a.people.len() + a.organizations.len()),
    ];
    let buttons: Html = Tab::ALL
        .iter()
        .zip(t.tabs)
        .zip(counts)
        .map(|((&tab, label), count)| {
            let on = state.tab == tab;
            let onclick = dispatch.reform(move |_: MouseEvent| Action::SetTab(tab));
            html! {
                <button type="button" class={classes!("tab", on.then_some("on"))}
                    data-testid="tab" data-tab={tab.code()} aria-pressed={on.to_string()}
                    aria-controls={pane_id(tab)} {onclick}>
                    <span class="tab-label">{ label }</span>
                    if let Some(count) = count {
                        <span class={classes!("tab-count", (!analysed).then_some("pending"))}>
                            { count }
                        </span>
                    }
                </button>
            }
        })
        .collect();
    html! {
        <nav class="tabbar" aria-label={t.views} data-testid="tabbar">{ buttons }</nav>
    }
}
