//! The outline tree (WAI-ARIA tree pattern: roving tabindex, arrow keys handled by the
//! reducer). Collapsed descendants stay in the DOM with `hidden`, so node counts do not change.

use gangmu_core::{HeadingKind, OutlineNode};
use yew::prelude::*;

use super::AppContext;
use crate::i18n::Strings;
use crate::state::{Action, AppState, Selection, TreeKey};

/// The badge saying how the heading was recognised (helps a reader trust the outline).
fn kind_label(t: &Strings, kind: Option<HeadingKind>) -> Option<&'static str> {
    let i = match kind? {
        HeadingKind::Markdown => 0,
        HeadingKind::Numbered => 1,
        HeadingKind::Marker => 2,
        HeadingKind::Headline => 3,
        HeadingKind::Enumeration => 4,
    };
    Some(t.heading_kinds[i])
}

/// One visible-or-hidden row of the flattened tree.
struct Row<'a> {
    index: usize,
    depth: u32,
    node: &'a OutlineNode,
    /// Some ancestor is collapsed.
    hidden: bool,
    pos_in_set: usize,
    set_size: usize,
}

/// Depth-first rows. The tree is rendered flat (hierarchy via aria-level/posinset/setsize,
/// which ARIA allows) so each treeitem's box is exactly its own row: a click on a parent
/// never lands on one of its children.
fn flatten<'a>(
    nodes: &'a [OutlineNode],
    depth: u32,
    hidden: bool,
    next: &mut usize,
    state: &AppState,
    out: &mut Vec<Row<'a>>,
) {
    for (pos, node) in nodes.iter().enumerate() {
        let index = *next;
        *next += 1;
        out.push(Row {
            index,
            depth,
            node,
            hidden,
            pos_in_set: pos + 1,
            set_size: nodes.len(),
        });
        let closed = hidden || !state.is_expanded(index);
        flatten(&node.children, depth + 1, closed, next, state, out);
    }
}

fn render_row(row: &Row, state: &AppState, dispatch: &Callback<Action>) -> Html {
    let t = state.ui.strings();
    let (i, node) = (row.index, row.node);
    let has_children = !node.children.is_empty();
    let expanded = state.is_expanded(i);
    let current = state.selection == Some(Selection::Heading(i));
    let onclick = dispatch.reform(move |_: MouseEvent| Action::SelectHeading(i));
    let ontoggle = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: MouseEvent| {
            // The toggle sits inside the item: do not also jump to the heading.
            e.stop_propagation();
            dispatch.emit(Action::ToggleNode(i));
        })
    };
    let onfocus = dispatch.reform(move |_: FocusEvent| Action::FocusNode(i));
    html! {
        <li key={i} id={format!("t-{i}")} role="treeitem" data-testid="outline-node"
            data-level={node.level.to_string()} aria-level={(row.depth + 1).to_string()}
            aria-posinset={row.pos_in_set.to_string()} aria-setsize={row.set_size.to_string()}
            aria-expanded={has_children.then(|| expanded.to_string())}
            aria-selected={current.to_string()}
            tabindex={if state.tree_focus == i { "0" } else { "-1" }}
            class={classes!("node", current.then_some("current"))}
            style={format!("--depth:{}", row.depth)}
            hidden={row.hidden} {onclick} {onfocus}>
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
                if let Some(k) = kind_label(t, node.kind) {
                    <span class="node-kind" aria-hidden="true">{ k }</span>
                }
            </div>
        </li>
    }
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
    let mut rows = Vec::new();
    flatten(outline, 0, false, &mut 0, &state, &mut rows);
    let nodes: Html = rows
        .iter()
        .map(|r| render_row(r, &state, &dispatch))
        .collect();
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
