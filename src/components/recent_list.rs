//! Documents kept in this browser, newest first: open one to switch to it; clear them all
//! (after a confirmation).

use yew::prelude::*;

use super::AppContext;
use crate::browser::local_ms;
use crate::i18n::doc_size;
use crate::recent::format_date;
use crate::state::{Action, Panel};
use crate::storage;

#[function_component]
pub fn RecentList() -> Html {
    let state = use_context::<AppContext>().expect("AppContext");
    let t = state.ui.strings();
    let confirming = use_state_eq(|| false);
    let dispatch = state.dispatcher().to_callback();

    let items: Html = state
        .recent
        .iter()
        .map(|m| {
            let id = m.id;
            let current = state.doc_id == Some(id);
            let onclick = {
                let dispatch = dispatch.clone();
                Callback::from(move |_: MouseEvent| {
                    if current {
                        return;
                    }
                    match storage::load_doc(id) {
                        Some(shared) => dispatch.emit(Action::Open {
                            shared,
                            id: Some(id),
                        }),
                        None => dispatch.emit(Action::Saved(storage::forget(id))),
                    }
                })
            };
            let title = if m.title.is_empty() { "—" } else { m.title.as_str() };
            html! {
                <li key={id} class={classes!("recent-item", current.then_some("current"))}>
                    <button type="button" class="entity-btn recent-btn" data-testid="recent-item"
                        aria-current={current.then_some("true")} {onclick}>
                        <span class="entity-head">
                            <span class="entity-name">{ title }</span>
                            if current {
                                <span class="entity-count">{ t.current_doc }</span>
                            }
                        </span>
                        <span class="entity-details">
                            { format!("{} · {}", format_date(local_ms(m.saved)), doc_size(state.ui, m.chars)) }
                        </span>
                    </button>
                </li>
            }
        })
        .collect();

    let ask = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(true))
    };
    let cancel = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(false))
    };
    let clear = dispatch.reform(|_: MouseEvent| Action::Clear);
    let close = dispatch.reform(|_: MouseEvent| Action::TogglePanel(Panel::Recent));

    html! {
        <section id="panel-recent" class="panel" aria-labelledby="recent-h">
            <div class="panel-head">
                <h2 id="recent-h" class="panel-title">{ t.recent }</h2>
                <button type="button" class="btn btn-small" onclick={close}
                    aria-label={t.close}>{ "×" }</button>
            </div>
            <p class="panel-hint">{ t.recent_hint }</p>
            if state.recent.is_empty() {
                <p class="empty">{ t.recent_empty }</p>
            } else {
                <ul class="entity-list recent-list" data-testid="recent-list"
                    aria-labelledby="recent-h">{ items }</ul>
            }
            if *confirming {
                <div class="confirm" role="alertdialog" aria-labelledby="clear-q">
                    <p id="clear-q">{ t.clear_confirm }</p>
                    <button type="button" class="btn danger" data-testid="clear-confirm"
                        onclick={clear}>{ t.clear_yes }</button>
                    <button type="button" class="btn" onclick={cancel}>{ t.cancel }</button>
                </div>
            } else if !state.recent.is_empty() || state.doc_id.is_some() {
                <button type="button" class="btn" data-testid="clear" onclick={ask}>
                    { t.clear_all }
                </button>
            }
        </section>
    }
}
