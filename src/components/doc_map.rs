//! The document map: the most mentioned people, organisations and formulations (rows)
//! against the outline's sections (columns), each cell shaded by how often the row occurs
//! there. A cell jumps to the row's first mention in that section and marks the row; a
//! column number jumps to the section; a row name marks the row like its list item does.
//!
//! Computed once per analysis ([`crate::layout::doc_map`], bucketed, so a huge outline costs
//! the same few hundred cells). Keyboard: the row names are tab stops, arrow keys move
//! between cells (a grid's roving focus, without the grid role's cell structure).

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::i18n::{group_digits, map_cell_label, UiLang};
use crate::layout::{doc_map, DocMap, MapKind, MapRow};
use crate::state::{Action, AppState, DocRef, EntityKind, Selection};

/// Columns at most (12 fit a phone at 320 px beside the names) and rows of each kind;
/// phones show the first [`PHONE_ROWS`] of each kind (style.css hides the rest).
const MAP_COLS: usize = 12;
const PER_KIND: usize = 6;
const PHONE_ROWS: usize = 3;

#[derive(Properties, PartialEq)]
pub struct DocMapProps {
    pub doc: DocRef,
    pub selection: Option<Selection>,
    /// The outline node being read: its column is marked.
    pub reading: Option<usize>,
    pub ui: UiLang,
    pub dispatch: UseReducerDispatcher<AppState>,
}

fn kind_code(kind: MapKind) -> &'static str {
    match kind {
        MapKind::Person => "person",
        MapKind::Org => "org",
        MapKind::Formulation => "fm",
    }
}

/// The selection a row stands for, pointing at mention `mention`.
fn row_selection(row: &MapRow, mention: usize) -> Selection {
    let index = row.index;
    match row.kind {
        MapKind::Person | MapKind::Org => Selection::Entity {
            kind: if row.kind == MapKind::Person {
                EntityKind::Person
            } else {
                EntityKind::Org
            },
            index,
            mention,
        },
        MapKind::Formulation => Selection::Formulation { index, mention },
    }
}

fn is_selected(row: &MapRow, selection: Option<Selection>) -> bool {
    match (selection, row_selection(row, 0)) {
        (
            Some(Selection::Entity { kind, index, .. }),
            Selection::Entity {
                kind: k, index: i, ..
            },
        ) => kind == k && index == i,
        (Some(Selection::Formulation { index, .. }), Selection::Formulation { index: i, .. }) => {
            index == i
        }
        _ => false,
    }
}

/// Arrow keys: the nearest button in that direction (empty cells are skipped).
fn on_map_key(e: KeyboardEvent) {
    let (dr, dc): (i32, i32) = match e.key().as_str() {
        "ArrowLeft" => (0, -1),
        "ArrowRight" => (0, 1),
        "ArrowUp" => (-1, 0),
        "ArrowDown" => (1, 0),
        _ => return,
    };
    let Some(el) = e
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return;
    };
    let num = |name: &str| -> Option<i32> { el.get_attribute(name)?.parse().ok() };
    let (Some(mut r), Some(mut c), Some(grid)) = (
        num("data-r"),
        num("data-c"),
        el.closest(".map").ok().flatten(),
    ) else {
        return;
    };
    e.prevent_default();
    for _ in 0..64 {
        r += dr;
        c += dc;
        if r < 0 || c < 0 || r > 64 || c > 64 {
            return;
        }
        let found = grid
            .query_selector(&format!("[data-r=\"{r}\"][data-c=\"{c}\"]"))
            .ok()
            .flatten()
            .and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(b) = found {
            let _ = b.focus();
            return;
        }
    }
}

fn render(map: &DocMap, props: &DocMapProps) -> Html {
    let t = props.ui.strings();
    let dispatch = props.dispatch.to_callback();
    let section_title = |j: usize| -> String {
        let c = &map.columns[j];
        let title = if c.node.is_none() {
            t.map_opening.to_string()
        } else {
            c.title.clone()
        };
        if c.sections > 1 {
            format!("{title} … ({} {})", c.sections, t.map_sections)
        } else {
            title
        }
    };
    // The column being read: the last whose first heading is at or before the reading
    // node (depth-first indices follow the text); the opening when nothing is read yet.
    let reading_col = props.reading.map_or(0, |r| {
        map.columns
            .partition_point(|c| c.node.is_none_or(|n| n <= r))
            .saturating_sub(1)
    });
    // Sections are numbered from 1; the opening before the first heading is a dot.
    let first_section = usize::from(map.columns.first().is_some_and(|c| c.node.is_none()));
    let head: Html = map
        .columns
        .iter()
        .enumerate()
        .map(|(j, c)| {
            let title = section_title(j);
            let number = j + 1 - first_section;
            let reading = (j == reading_col).then_some("reading");
            match c.node {
                Some(node) => {
                    let onclick = dispatch
                        .reform(move |_: MouseEvent| Action::JumpTo(Selection::Heading(node)));
                    html! {
                        <button type="button" class={classes!("map-col", reading)}
                            data-testid="map-section" aria-current={reading.map(|_| "location")}
                            data-node={node.to_string()} data-r="0" data-c={(j + 1).to_string()}
                            tabindex="-1" title={title.clone()} {onclick}>
                            // The number is what shows; the title is read after it (the
                            // accessible name contains the visible label).
                            { number }<span class="visually-hidden">{ format!(" {title}") }</span>
                        </button>
                    }
                }
                None => html! {
                    <span class={classes!("map-col", "opening", reading)} title={title}>{ "·" }</span>
                },
            }
        })
        .collect();
    let mut seen = [0usize; 3];
    let rows: Html = map
        .rows
        .iter()
        .enumerate()
        .map(|(r, row)| {
            let k = row.kind as usize;
            let extra = seen[k] >= PHONE_ROWS;
            seen[k] += 1;
            let selected = is_selected(row, props.selection);
            let max = row.cells.iter().map(|c| c.count).max().unwrap_or(1).max(1);
            let on_label = {
                let (kind, index) = (row.kind, row.index);
                let sel = row_selection(row, 0);
                dispatch.reform(move |_: MouseEvent| match (kind, sel) {
                    (MapKind::Formulation, _) => Action::SelectFormulation(index),
                    (_, Selection::Entity { kind, index, .. }) => {
                        Action::SelectEntity { kind, index }
                    }
                    _ => Action::JumpTo(sel),
                })
            };
            let cells: Html = row
                .cells
                .iter()
                .enumerate()
                .map(|(j, cell)| {
                    if cell.count == 0 {
                        return html! { <span class="map-cell lv0"></span> };
                    }
                    // Four shades, relative to the row's busiest section.
                    let level = (cell.count * 4).div_ceil(max).clamp(1, 4);
                    let label = map_cell_label(props.ui, &row.label, &section_title(j), cell.count);
                    let sel = row_selection(row, cell.first);
                    let onclick = dispatch.reform(move |_: MouseEvent| Action::JumpTo(sel));
                    html! {
                        <button type="button" class={classes!("map-cell", format!("lv{level}"))}
                            data-testid="map-cell" data-count={cell.count.to_string()}
                            data-r={(r + 1).to_string()} data-c={(j + 1).to_string()}
                            tabindex="-1" title={label.clone()} aria-label={label} {onclick}>
                        </button>
                    }
                })
                .collect();
            html! {
                <div class={classes!("map-row", kind_code(row.kind), extra.then_some("extra"),
                        selected.then_some("selected"))}
                    data-testid="map-row" data-kind={kind_code(row.kind)} data-name={row.label.clone()}>
                    <button type="button" class="map-label" data-r={(r + 1).to_string()} data-c="0"
                        aria-pressed={selected.to_string()} title={row.label.clone()}
                        onclick={on_label}>
                        <span class="shape" aria-hidden="true"></span>
                        <span class="map-name">{ &row.label }</span>
                        <span class="map-total">{ group_digits(row.total) }</span>
                    </button>
                    <span class="map-cells">{ cells }</span>
                </div>
            }
        })
        .collect();
    html! {
        <div class="map" onkeydown={Callback::from(on_map_key)}>
            <div class="map-row map-head">
                <span class="map-label-space" aria-hidden="true"></span>
                <span class="map-cells">{ head }</span>
            </div>
            { rows }
        </div>
    }
}

#[function_component]
pub fn DocMapView(props: &DocMapProps) -> Html {
    let t = props.ui.strings();
    let map = use_memo(props.doc.clone(), |d| {
        let n = if d.analysis.chars > 0 {
            d.analysis.chars
        } else {
            d.text.chars().count()
        };
        doc_map(&d.analysis, n, MAP_COLS, PER_KIND)
    });
    if map.columns.is_empty() || map.rows.is_empty() {
        return html! {};
    }
    html! {
        <section class="docmap" aria-labelledby="h-map" data-testid="doc-map"
            data-cols={map.columns.len().to_string()}>
            <h2 class="pane-title" id="h-map">{ t.map }</h2>
            <p class="map-hint">{ t.map_hint }</p>
            { render(&map, props) }
        </section>
    }
}
