//! People or organisations, in order of first mention. Each item is a button: the first
//! click jumps to the first mention, further clicks step through the rest.

use yew::prelude::*;

use crate::i18n::group_digits;
use crate::i18n::UiLang;
use crate::state::{Action, AppState, DocRef, EntityKind, Selection};

/// Lists show this many items at first, and this many more per "show more".
pub const LIST_STEP: usize = 100;

/// How many items a list shows: its limit, raised to include the selected item.
pub fn shown_count(limit: usize, total: usize, selected: Option<usize>) -> usize {
    limit.max(selected.map_or(0, |i| i + 1)).min(total)
}

/// A list's limit: [`LIST_STEP`] for every new analysis. A long list (more than that) shows
/// nothing on the analysis' first render and fills in `delay_ms` later, so the text, the
/// outline and the lists of a big document are not all built in one task.
#[hook]
pub fn use_limit(doc_key: u64, total: usize, delay_ms: u32) -> Limit {
    let state = use_state_eq(|| (doc_key, LIST_STEP));
    let long = total > LIST_STEP;
    let current = if state.0 == doc_key {
        state.1
    } else if long {
        0
    } else {
        LIST_STEP
    };
    {
        let state = state.clone();
        use_effect_with(doc_key, move |&key| {
            if !long {
                state.set((key, LIST_STEP));
            }
            let timer = long.then(|| {
                gloo_timers::callback::Timeout::new(delay_ms, move || state.set((key, LIST_STEP)))
            });
            move || drop(timer)
        });
    }
    Limit {
        state,
        doc_key,
        current,
    }
}

/// What [`use_limit`] gives: the current limit and a way to raise it.
pub struct Limit {
    state: UseStateHandle<(u64, usize)>,
    doc_key: u64,
    pub current: usize,
}

/// "Show 200 more (of N)" under a list that is cut short.
pub fn show_more(t: &crate::i18n::Strings, limit: &Limit, shown: usize, total: usize) -> Html {
    if shown >= total || limit.current == 0 {
        return html! {};
    }
    let onclick = {
        let (state, key) = (limit.state.clone(), limit.doc_key);
        Callback::from(move |_: MouseEvent| state.set((key, shown + LIST_STEP)))
    };
    let more = (total - shown).min(LIST_STEP);
    html! {
        <button type="button" class="btn btn-small show-more" data-testid="show-more" {onclick}>
            { format!("{} {} / {}", t.show_more, group_digits(more), group_digits(total - shown)) }
        </button>
    }
}

/// A mention count as a thin bar, as long as the count against the list's largest (the
/// number beside it says the same in words; the bar is for scanning).
pub fn count_bar(count: usize, max: usize) -> Html {
    let w = if max == 0 {
        0.0
    } else {
        count as f64 * 100.0 / max as f64
    };
    html! {
        <svg class="count-bar" width="100%" height="4" aria-hidden="true" focusable="false">
            <rect class="count-track" width="100%" height="4" rx="2" />
            <rect class="count-fill" width={format!("{w:.1}%")} height="4" rx="2" />
        </svg>
    }
}

/// Props rather than the context: the lists re-render only when what they show changes
/// (not on every scroll-driven reading update).
#[derive(Properties, PartialEq)]
pub struct EntityListProps {
    pub kind: EntityKind,
    pub doc: DocRef,
    pub selection: Option<Selection>,
    pub ui: UiLang,
    pub dispatch: UseReducerDispatcher<AppState>,
}

#[function_component]
pub fn EntityList(props: &EntityListProps) -> Html {
    let t = props.ui.strings();
    let a = &props.doc.analysis;
    let kind = props.kind;
    let dispatch = props.dispatch.to_callback();

    let total = match kind {
        EntityKind::Person => a.people.len(),
        EntityKind::Org => a.organizations.len(),
    };
    let limit = use_limit(
        props.doc.request_id,
        total,
        if kind == EntityKind::Person { 20 } else { 40 },
    );
    // (name, details line, mention count) for each entity.
    let rows: Vec<(String, String, usize)> = match kind {
        EntityKind::Person => a
            .people
            .iter()
            .map(|p| {
                let mut details = p.titles.join("、");
                if !p.aliases.is_empty() {
                    if !details.is_empty() {
                        details.push_str(" · ");
                    }
                    details.push_str(&format!("{} {}", t.aliases, p.aliases.join("、")));
                }
                (p.name.clone(), details, p.mentions.len())
            })
            .collect(),
        EntityKind::Org => a
            .organizations
            .iter()
            .map(|o| {
                let aliases = if o.aliases.is_empty() {
                    String::new()
                } else {
                    format!("{} {}", t.aliases, o.aliases.join("、"))
                };
                (o.name.clone(), aliases, o.mentions.len())
            })
            .collect(),
    };
    let (testid, labelled_by, empty) = match kind {
        EntityKind::Person => ("people", "h-people", t.people_empty),
        EntityKind::Org => ("organizations", "h-orgs", t.organizations_empty),
    };
    let selected = match props.selection {
        Some(Selection::Entity { kind, index, .. }) => Some((kind, index)),
        _ => None,
    };
    let current_mention = match props.selection {
        Some(Selection::Entity { mention, .. }) => mention,
        _ => 0,
    };

    let shown = shown_count(
        limit.current,
        total,
        selected.filter(|s| s.0 == kind).map(|s| s.1),
    );
    let max = rows.iter().map(|r| r.2).max().unwrap_or(0);
    let items: Html = rows
        .into_iter()
        .take(shown)
        .enumerate()
        .map(|(index, (name, details, count))| {
            let is_selected = selected == Some((kind, index));
            let onclick =
                dispatch.reform(move |_: MouseEvent| Action::SelectEntity { kind, index });
            let count_text = format!("{}{}", group_digits(count), t.mentions_suffix);
            html! {
                <li key={index} data-testid="entity" data-name={name.clone()}
                    class={classes!("entity", kind_class(kind), is_selected.then_some("selected"))}>
                    <button type="button" class="entity-btn" {onclick}
                        aria-pressed={is_selected.to_string()}>
                        <span class="entity-head">
                            <span class="entity-name">{ name }</span>
                            <span class="entity-count">
                                if is_selected && count > 0 {
                                    { format!("{}/{} · ", current_mention + 1, count) }
                                }
                                { count_text }
                            </span>
                        </span>
                        { count_bar(count, max) }
                        if !details.is_empty() {
                            <span class="entity-details">{ details }</span>
                        }
                    </button>
                </li>
            }
        })
        .collect();

    html! {
        <>
            <ul class="entity-list" data-testid={testid} aria-labelledby={labelled_by}>
                { items }
            </ul>
            { show_more(t, &limit, shown, total) }
            if a.people.is_empty() && kind == EntityKind::Person || a.organizations.is_empty() && kind == EntityKind::Org {
                <p class="empty">{ empty }</p>
            }
        </>
    }
}

fn kind_class(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "person",
        EntityKind::Org => "org",
    }
}
