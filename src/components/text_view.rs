//! The analysed text with every mention highlighted, and the occurrences of the selected
//! formulation wrapped around them. Built from text nodes and elements only (never inner
//! HTML), so markup in a pasted report stays inert text.

use yew::prelude::*;

use crate::layout::{formulation_dom_id, heading_dom_id, layout, MentionRef, Piece};
use crate::state::{Action, AppState, DocRef, EntityKind, Selection};

#[derive(Properties, PartialEq)]
pub struct TextViewProps {
    pub doc: DocRef,
    /// The selected entity: all its mentions are marked.
    pub selected: Option<(EntityKind, usize)>,
    /// The selected formulation: its occurrences are wrapped and marked.
    pub formulation: Option<usize>,
    /// The selection, for the one mention, occurrence or heading marked as current.
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
    // Layout depends on the document and the selected formulation (whose occurrences cut
    // runs); other selection changes just restyle.
    let segments = use_memo((props.doc.clone(), props.formulation), |(d, f)| {
        layout(&d.text, &d.analysis, *f)
    });
    let text: &str = &props.doc.text;
    if text.is_empty() {
        return html! {
            <div class="doc-text empty" data-testid="text">{ props.empty }</div>
        };
    }
    let a = &props.doc.analysis;

    // One delegated click handler: a click on a mention selects it (and so its entity); a
    // click elsewhere in an occurrence of the selected formulation makes that one current.
    let onclick = {
        let dispatch = props.dispatch.clone();
        let formulation = props.formulation;
        Callback::from(move |e: MouseEvent| {
            use wasm_bindgen::JsCast;
            let Some(target) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            else {
                return;
            };
            let Some(el) = target.closest("[data-entity]").ok().flatten() else {
                let occurrence = target
                    .closest("[data-fo]")
                    .ok()
                    .flatten()
                    .and_then(|el| el.get_attribute("data-fo"))
                    .and_then(|v| v.parse().ok());
                if let (Some(index), Some(mention)) = (formulation, occurrence) {
                    dispatch.dispatch(Action::SelectFormulationMention { index, mention });
                }
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

    let render_piece = |p: &Piece| -> Html {
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

    let fm_text = props
        .formulation
        .and_then(|f| a.formulations.get(f))
        .map(|f| f.text.clone());
    let current_occurrence = match props.current {
        Some(Selection::Formulation { mention, .. }) => Some(mention),
        _ => None,
    };
    // Consecutive runs of one occurrence share a wrapper, so the occurrence reads (and is
    // styled) as one phrase around whatever mentions it contains.
    let render_pieces = |pieces: &[Piece]| -> Html {
        let mut out: Vec<Html> = Vec::with_capacity(pieces.len());
        let mut i = 0;
        while i < pieces.len() {
            let Some(k) = pieces[i].formulation else {
                out.push(render_piece(&pieces[i]));
                i += 1;
                continue;
            };
            let run = pieces[i..]
                .iter()
                .take_while(|p| p.formulation == Some(k))
                .count();
            let inner: Html = pieces[i..i + run].iter().map(render_piece).collect();
            let class = classes!("fm", (current_occurrence == Some(k)).then_some("current"));
            out.push(html! {
                <mark {class} id={pieces[i].formulation_first.then(|| formulation_dom_id(k))}
                    data-fo={k.to_string()} title={fm_text.clone()}>{ inner }</mark>
            });
            i += run;
        }
        out.into_iter().collect()
    };

    let body: Html = segments
        .iter()
        .map(|seg| {
            let pieces = render_pieces(&seg.pieces);
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
