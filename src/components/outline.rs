//! The outline tree (WAI-ARIA tree pattern: roving tabindex, arrow keys handled by the
//! reducer). Collapsed descendants stay in the DOM with `hidden`, so node counts do not change.

use std::collections::HashMap;

use gangmu_core::{FormulationKind, HeadingKind, OutlineNode};
use yew::prelude::*;

use super::entity_list::{show_more, shown_count, use_limit};
use super::AppContext;
use crate::i18n::{quote_formulation, show_levels_label, Strings};
use crate::state::{Action, AppState, Selection, TreeKey, BIG_OUTLINE};

/// Key terms and formulations shown under a node's title: enough to tell sections apart
/// at a glance, few enough to keep rows short.
const MAX_KEYWORDS: usize = 4;
const MAX_FORMULATIONS: usize = 3;
/// More level buttons than this would be noise; deeper trees still have expand all.
const MAX_LEVEL_BUTTONS: u32 = 6;

/// The badge saying how the heading was recognised (helps a reader trust the outline), and
/// what it means (its tooltip).
fn kind_label(t: &Strings, kind: Option<HeadingKind>) -> Option<(&'static str, &'static str)> {
    let i = match kind? {
        HeadingKind::Markdown => 0,
        HeadingKind::Numbered => 1,
        HeadingKind::Marker => 2,
        HeadingKind::Headline => 3,
        HeadingKind::Enumeration => 4,
    };
    Some((t.heading_kinds[i], t.heading_kind_hints[i]))
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

/// Per-render facts every row needs.
struct RowCtx<'a> {
    state: &'a AppState,
    dispatch: &'a Callback<Action>,
    reading: Option<usize>,
    /// Whether a formulation (by its text) was found in quotation marks.
    quoted: HashMap<&'a str, bool>,
}

/// Keyword chips and formulation chips under a title; None when the node has neither.
fn render_meta(i: usize, node: &OutlineNode, cx: &RowCtx) -> Option<Html> {
    if node.keywords.is_empty() && node.formulations.is_empty() {
        return None;
    }
    let t = cx.state.ui.strings();
    // A key term that is also one of the section's formulations is shown once, as the latter.
    let shown_fms = &node.formulations[..node.formulations.len().min(MAX_FORMULATIONS)];
    let keywords: Html = node
        .keywords
        .iter()
        .filter(|k| !shown_fms.iter().any(|f| &f.text == *k))
        .take(MAX_KEYWORDS)
        .map(|k| html! { <span class="chip kw">{ k }</span> })
        .collect();
    let formulations: Html = node
        .formulations
        .iter()
        .take(MAX_FORMULATIONS)
        .map(|f| {
            let quoted = cx.quoted.get(f.text.as_str()).copied().unwrap_or(true);
            html! {
                <span class="chip fmc">
                    { quote_formulation(&f.text, quoted) }
                    if f.count > 1 {
                        <span class="chip-count">{ format!("{}{}", f.count, t.mentions_suffix) }</span>
                    }
                </span>
            }
        })
        .collect();
    Some(html! {
        // Hidden from the name (which stays the title, as the label-in-name rule wants) but
        // read as the item's description through aria-describedby.
        <span class="node-meta" id={format!("tm-{i}")} aria-hidden="true">
            if !node.keywords.is_empty() {
                <span class="visually-hidden">{ format!("{}：", t.keywords) }</span>
            }
            { keywords }
            if !node.formulations.is_empty() {
                <span class="visually-hidden">{ format!("{}：", t.formulations) }</span>
            }
            { formulations }
        </span>
    })
}

fn render_row(row: &Row, cx: &RowCtx) -> Html {
    let (state, dispatch) = (cx.state, cx.dispatch);
    let t = state.ui.strings();
    let (i, node) = (row.index, row.node);
    let has_children = !node.children.is_empty();
    let expanded = state.is_expanded(i);
    let current = state.selection == Some(Selection::Heading(i));
    let reading = cx.reading == Some(i);
    let meta = render_meta(i, node, cx);
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
            aria-current={reading.then_some("location")}
            aria-describedby={meta.is_some().then(|| format!("tm-{i}"))}
            tabindex={if state.tree_focus == i { "0" } else { "-1" }}
            class={classes!("node", current.then_some("current"), reading.then_some("reading"))}
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
                <span class="node-body">
                    <span class="node-title" id={format!("tt-{i}")}>{ &node.title }</span>
                    if let Some(meta) = meta {
                        { meta }
                    }
                </span>
                if let Some((k, hint)) = kind_label(t, node.kind) {
                    <span class="node-kind" aria-hidden="true" title={hint}>{ k }</span>
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
    // A big outline renders only the rows it shows (ancestors expanded), and at most a
    // limit of them, raised to reach the focused and the reading node. Small ones keep
    // hidden rows in the DOM (node counts then never change).
    let total_rows = rows.len();
    let big = total_rows > BIG_OUTLINE;
    let limit = use_limit(state.doc.request_id, if big { total_rows } else { 0 }, 0);
    if big {
        rows.retain(|r| !r.hidden);
    }
    let reading_shown = state.reading_shown();
    let reach = rows
        .iter()
        .rposition(|r| r.index == state.tree_focus || Some(r.index) == reading_shown);
    let shown_rows = if big {
        shown_count(limit.current, rows.len(), reach)
    } else {
        rows.len()
    };
    let total = rows.len();
    rows.truncate(shown_rows);
    let cx = RowCtx {
        state: &state,
        dispatch: &dispatch,
        reading: reading_shown,
        quoted: state
            .doc
            .analysis
            .formulations
            .iter()
            .map(|f| (f.text.as_str(), f.kind == FormulationKind::Quoted))
            .collect(),
    };
    let nodes: Html = rows.iter().map(|r| render_row(r, &cx)).collect();
    // Level buttons only when there is more than one level to choose from.
    let max_depth = state.max_depth().min(MAX_LEVEL_BUTTONS);
    let shown = state.shown_levels();
    let levels: Html = (1..=max_depth)
        .map(|n| {
            let onclick = dispatch.reform(move |_: MouseEvent| Action::ShowLevels(n));
            html! {
                <button type="button" class="btn btn-small level-btn" data-testid="show-level"
                    data-show-level={n.to_string()} aria-label={show_levels_label(state.ui, n)}
                    title={show_levels_label(state.ui, n)}
                    aria-pressed={(shown == Some(n)).to_string()} {onclick}>{ n }</button>
            }
        })
        .collect();
    html! {
        <div class="outline-wrap">
            <div class="outline-actions">
                <button type="button" class="btn btn-small" data-testid="expand-all"
                    onclick={expand_all}>{ t.expand_all }</button>
                <button type="button" class="btn btn-small" data-testid="collapse-all"
                    onclick={collapse_all}>{ t.collapse_all }</button>
                if max_depth > 1 {
                    <span class="levels" role="group" aria-labelledby="levels-label">
                        <span class="levels-label" id="levels-label">{ t.levels }</span>
                        { levels }
                    </span>
                }
            </div>
            <ul class="tree" role="tree" data-testid="outline" aria-labelledby="h-outline"
                {onkeydown}>
                { nodes }
            </ul>
            { show_more(t, &limit, shown_rows, total) }
            if outline.is_empty() {
                <p class="empty">{ t.outline_empty }</p>
            }
        </div>
    }
}
