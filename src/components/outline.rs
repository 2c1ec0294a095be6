//! The outline tree (WAI-ARIA tree pattern: roving tabindex, arrow keys handled by the
//! reducer). Collapsed groups stay in the DOM with `hidden`, so node counts do not change.

use gangmu_core::{HeadingKind, OutlineNode};
use yew::prelude::*;

use super::AppContext;
use crate::state::{Action, AppState, Selection, TreeKey};

fn kind_label(kind: Option<HeadingKind>) -> Option<&'static str> {
    Some(match kind? {
        HeadingKind::Markdown => "md",
        HeadingKind::Numbered => "no.",
        HeadingKind::Marker => "marker",
        HeadingKind::Headline => "headline",
        HeadingKind::Enumeration => "enum",
    })
}

/// Renders `nodes` and their descendants; `next` is the running depth-first index.
fn render_nodes(
    nodes: &[OutlineNode],
    next: &mut usize,
    state: &AppState,
    dispatch: &Callback<Action>,
) -> Html {
    let t = state.ui.strings();
    nodes
        .iter()
        .map(|node| {
            let i = *next;
            *next += 1;
            let has_children = !node.children.is_empty();
            let expanded = state.is_expanded(i);
            let children = render_nodes(&node.children, next, state, dispatch);
            let current = state.selection == Some(Selection::Heading(i));
            let onclick = {
                let dispatch = dispatch.clone();
                Callback::from(move |e: MouseEvent| {
                    // Nested items are inside their parent's <li>: handle the innermost only.
                    e.stop_propagation();
                    dispatch.emit(Action::SelectHeading(i));
                })
            };
            let ontoggle = {
                let dispatch = dispatch.clone();
                Callback::from(move |e: MouseEvent| {
                    e.stop_propagation();
                    dispatch.emit(Action::ToggleNode(i));
                })
            };
            let onfocus = {
                let dispatch = dispatch.clone();
                Callback::from(move |e: FocusEvent| {
                    e.stop_propagation();
                    dispatch.emit(Action::FocusNode(i));
                })
            };
            html! {
                <li key={i} id={format!("t-{i}")} role="treeitem" data-testid="outline-node"
                    data-level={node.level.to_string()} aria-level={node.level.to_string()}
                    aria-expanded={has_children.then(|| expanded.to_string())}
                    aria-selected={current.to_string()}
                    tabindex={if state.tree_focus == i { "0" } else { "-1" }}
                    class={classes!("node", current.then_some("current"))}
                    {onclick} {onfocus}>
                    <div class="node-row">
                        if has_children {
                            <button type="button" class="twisty" tabindex="-1"
                                aria-label={t.toggle_node} onclick={ontoggle}>
                                { if expanded { "▾" } else { "▸" } }
                            </button>
                        } else {
                            <span class="twisty-space" aria-hidden="true"></span>
                        }
                        <span class="node-title">{ &node.title }</span>
                        if let Some(k) = kind_label(node.kind) {
                            <span class="node-kind" aria-hidden="true">{ k }</span>
                        }
                    </div>
                    if has_children {
                        <ul role="group" class="node-children" hidden={!expanded}>{ children }</ul>
                    }
                </li>
            }
        })
        .collect()
}

#[function_component]
pub fn Outline() -> Html {
    let state = use_context::<AppContext>().expect("AppContext");
    let t = state.ui.strings();
    let dispatch = state.dispatcher().to_callback();
    let onkeydown = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: KeyboardEvent| {
            let key = match e.key().as_str() {
                "ArrowUp" => TreeKey::Up,
                "ArrowDown" => TreeKey::Down,
                "ArrowLeft" => TreeKey::Left,
                "ArrowRight" => TreeKey::Right,
                "Home" => TreeKey::Home,
                "End" => TreeKey::End,
                "Enter" | " " => TreeKey::Enter,
                _ => return,
            };
            e.prevent_default();
            dispatch.emit(Action::TreeKey(key));
        })
    };
    let expand_all = dispatch.reform(|_: MouseEvent| Action::ExpandAll);
    let collapse_all = dispatch.reform(|_: MouseEvent| Action::CollapseAll);
    let outline = &state.doc.analysis.outline;
    let mut next = 0;
    let nodes = render_nodes(outline, &mut next, &state, &dispatch);
    html! {
        <div class="outline-wrap">
            <div class="outline-actions">
                <button type="button" class="btn btn-small" data-testid="expand-all"
                    onclick={expand_all}>{ t.expand_all }</button>
                <button type="button" class="btn btn-small" data-testid="collapse-all"
                    onclick={collapse_all}>{ t.collapse_all }</button>
            </div>
            <ul class="tree" role="tree" data-testid="outline" aria-labelledby="h-outline"
                {onkeydown}>
                { nodes }
            </ul>
            if outline.is_empty() {
                <p class="empty">{ t.outline_empty }</p>
            }
        </div>
    }
}
