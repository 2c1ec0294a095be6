//! Formulations (提法) of the whole document, most frequent first. Like the entity lists:
//! the first click marks every occurrence in the text and jumps to the first, further clicks
//! step through the rest.

use gangmu_core::FormulationKind;
use yew::prelude::*;

use super::entity_list::{count_bar, show_more, shown_count, use_limit};
use crate::i18n::UiLang;
use crate::i18n::{group_digits, quote_formulation};
use crate::state::{Action, AppState, DocRef, Selection};

/// Props rather than the context, as the entity lists.
#[derive(Properties, PartialEq)]
pub struct FormulationListProps {
    pub doc: DocRef,
    pub selection: Option<Selection>,
    pub ui: UiLang,
    pub dispatch: UseReducerDispatcher<AppState>,
}

#[function_component]
pub fn FormulationList(props: &FormulationListProps) -> Html {
    let t = props.ui.strings();
    let list = &props.doc.analysis.formulations;
    let dispatch = props.dispatch.to_callback();
    let current = match props.selection {
        Some(Selection::Formulation { index, mention }) => Some((index, mention)),
        _ => None,
    };

    let total = list.len();
    let limit = use_limit(props.doc.request_id, total, 60);
    let shown = shown_count(limit.current, total, current.map(|c| c.0));
    let max = list.iter().map(|f| f.mentions.len()).max().unwrap_or(0);
    let items: Html = list
        .iter()
        .take(shown)
        .enumerate()
        .map(|(index, f)| {
            let quoted = f.kind == FormulationKind::Quoted;
            let (kind_class, kind_label) = if quoted {
                ("quoted", t.formulation_kinds[0])
            } else {
                ("numbered", t.formulation_kinds[1])
            };
            let count = f.mentions.len();
            let selected = current.filter(|c| c.0 == index);
            let onclick = dispatch.reform(move |_: MouseEvent| Action::SelectFormulation(index));
            html! {
                <li key={index} data-testid="formulation" data-text={f.text.clone()}
                    data-kind={kind_class} data-count={count.to_string()}
                    class={classes!("formulation", kind_class, selected.is_some().then_some("selected"))}>
                    <button type="button" class="entity-btn" {onclick}
                        aria-pressed={selected.is_some().to_string()}>
                        <span class="entity-head">
                            <span class="entity-name">{ quote_formulation(&f.text, quoted) }</span>
                            <span class="entity-count">
                                if let Some((_, m)) = selected.filter(|_| count > 0) {
                                    { format!("{}/{} · ", m + 1, count) }
                                }
                                { format!("{}{}", group_digits(count), t.mentions_suffix) }
                            </span>
                        </span>
                        { count_bar(count, max) }
                        <span class="entity-details">{ kind_label }</span>
                    </button>
                </li>
            }
        })
        .collect();

    html! {
        <>
            <ul class="entity-list formulation-list" data-testid="formulations"
                aria-labelledby="h-formulations">
                { items }
            </ul>
            { show_more(t, &limit, shown, total) }
            if list.is_empty() {
                <p class="empty">{ t.formulations_empty }</p>
            }
        </>
    }
}
