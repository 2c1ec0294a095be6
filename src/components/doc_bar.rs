//! The row under the input: share, export, recent documents. Each button opens its panel
//! (one at a time) below the row.

use yew::prelude::*;

use super::export_panel::ExportPanel;
use super::recent_list::RecentList;
use super::share_panel::SharePanel;
use super::AppContext;
use crate::state::{Action, Panel};

#[function_component]
pub fn DocBar() -> Html {
    let state = use_context::<AppContext>().expect("AppContext");
    let t = state.ui.strings();
    let dispatch = state.dispatcher().to_callback();
    let open = state.panel;
    let share = dispatch.reform(|_: MouseEvent| Action::Share);
    let export = dispatch.reform(|_: MouseEvent| Action::TogglePanel(Panel::Export));
    let recent = dispatch.reform(|_: MouseEvent| Action::TogglePanel(Panel::Recent));
    let expanded = |p: Panel| (open == Some(p)).to_string();
    html! {
        <div class="docbar-wrap">
            <div class="docbar">
                <button type="button" class="btn" data-testid="share" onclick={share}
                    aria-expanded={expanded(Panel::Share)} aria-controls="panel-share">
                    { t.share }
                </button>
                <button type="button" class="btn" data-testid="export" onclick={export}
                    aria-expanded={expanded(Panel::Export)} aria-controls="panel-export">
                    { t.export }
                </button>
                <button type="button" class="btn" data-testid="recent" onclick={recent}
                    aria-expanded={expanded(Panel::Recent)} aria-controls="panel-recent">
                    { t.recent }
                    if !state.recent.is_empty() {
                        <span class="badge">{ state.recent.len() }</span>
                    }
                </button>
            </div>
            if state.not_kept.is_some() {
                <p class="notice" data-testid="not-kept" role="status">{ t.not_kept }</p>
            }
            {
                match open {
                    Some(Panel::Share) => html! { <SharePanel /> },
                    Some(Panel::Export) => html! { <ExportPanel /> },
                    Some(Panel::Recent) => html! { <RecentList /> },
                    None => html! {},
                }
            }
        </div>
    }
}
