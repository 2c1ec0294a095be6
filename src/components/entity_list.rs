//! People or organisations, in order of first mention. Each item is a button: the first
//! click jumps to the first mention, further clicks step through the rest.

use yew::prelude::*;

use super::AppContext;
use crate::i18n::group_digits;
use crate::state::{Action, EntityKind};

#[derive(Properties, PartialEq)]
pub struct EntityListProps {
    pub kind: EntityKind,
}

#[function_component]
pub fn EntityList(props: &EntityListProps) -> Html {
    let state = use_context::<AppContext>().expect("AppContext");
    let t = state.ui.strings();
    let a = &state.doc.analysis;
    let kind = props.kind;
    let dispatch = state.dispatcher().to_callback();

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
    let selected = state.selected_entity();
    let current_mention = match state.selection {
        Some(crate::state::Selection::Entity { mention, .. }) => mention,
        _ => 0,
    };

    let items: Html = rows
        .into_iter()
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
