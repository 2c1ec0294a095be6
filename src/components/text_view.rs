//! The analysed text with every mention highlighted. Built from text nodes and elements only
//! (never inner HTML), so markup in a pasted report stays inert text.

use yew::prelude::*;

use crate::layout::{heading_dom_id, layout, MentionRef};
use crate::state::{Action, AppState, DocRef, EntityKind, Selection};

#[derive(Properties, PartialEq)]
pub struct TextViewProps {
    pub doc: DocRef,
    /// The selected entity: all its mentions are marked.
    pub selected: Option<(EntityKind, usize)>,
    /// The selection, for the one mention or heading marked as current.
    pub current: Option<Selection>,
    pub empty: &'static str,
    /// Stable across renders (unlike a context), so typing does not re-render the text.
    pub dispatch: UseReducerDispatcher<AppState>,
}

fn is_current(current: Option<Selection>, r: &MentionRef) -> bool {
    matches!(current, Some(Selection::Entity { kind, index, mention })
        if kind == r.kind && index == r.entity && mention == r.mention)
}

#[function_component]
pub fn TextView(props: &TextViewProps) -> Html {
    // Layout depends on the document only; selection changes just restyle.
    let segments = use_memo(props.doc.clone(), |d| layout(&d.text, &d.analysis));
    let text: &str = &props.doc.text;
    if text.is_empty() {
        return html! {
            <div class="doc-text empty" data-testid="text">{ props.empty }</div>
        };
    }
    let a = &props.doc.analysis;

    // One delegated click handler: a click on a mention selects it (and so its entity).
    let onclick = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: MouseEvent| {
            use wasm_bindgen::JsCast;
            let Some(el) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|el| el.closest("[data-entity]").ok().flatten())
            else {
                return;
            };
            let kind = match el.get_attribute("data-kind").as_deref() {
                Some("person") => EntityKind::Person,
                Some("org") => EntityKind::Org,
                _ => return,
            };
            let num = |name: &str| el.get_attribute(name).and_then(|v| v.parse().ok());
            if let (Some(index), Some(mention)) = (num("data-entity"), num("data-mention")) {
                dispatch.dispatch(Action::SelectMention {
                    kind,
                    index,
                    mention,
                });
            }
        })
    };

    let render_piece = |p: &crate::layout::Piece| -> Html {
        let s = &text[p.bytes.0..p.bytes.1];
        let Some(r) = p.mention else {
            return html! { { s } };
        };
        let (kind, name) = match r.kind {
            EntityKind::Person => ("person", a.people.get(r.entity).map(|x| x.name.as_str())),
            EntityKind::Org => (
                "org",
                a.organizations.get(r.entity).map(|x| x.name.as_str()),
            ),
        };
        let selected = props.selected == Some((r.kind, r.entity));
        let class = classes!(
            "m",
            kind,
            selected.then_some("selected"),
            is_current(props.current, &r).then_some("current")
        );
        html! {
            <mark {class} id={p.first.then(|| r.dom_id())} data-kind={kind}
                data-entity={r.entity.to_string()} data-mention={r.mention.to_string()}
                title={name.map(str::to_owned)}>{ s }</mark>
        }
    };

    let body: Html = segments
        .iter()
        .map(|seg| {
            let pieces: Html = seg.pieces.iter().map(render_piece).collect();
            match seg.heading {
                Some(h) => {
                    let current = props.current == Some(Selection::Heading(h));
                    html! {
                        <span class={classes!("heading", current.then_some("current"))}
                            id={heading_dom_id(h)} data-node={h.to_string()}>{ pieces }</span>
                    }
                }
                None => pieces,
            }
        })
        .collect();

    html! {
        <div class="doc-text" data-testid="text" lang={
            match a.language { gangmu_core::Language::Zh => "zh", gangmu_core::Language::En => "en" }
        } {onclick}>{ body }</div>
    }
}
