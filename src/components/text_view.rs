//! The analysed text with every mention highlighted, and the occurrences of the selected
//! formulation wrapped around them. Built from text nodes and elements only (never inner
//! HTML), so markup in a pasted report stays inert text.
//!
//! The text is cut into blocks of whole lines ([`crate::layout::blocks`]). A block is plain
//! text until it comes near the viewport (an IntersectionObserver) or holds the selection;
//! then its runs are laid out and rendered. Small documents render every block at once. In
//! a big document (`.doc-text.big`) blocks carry `content-visibility: auto`, so the browser
//! lays out only what is on screen. A block re-renders only when the selection touches it.

use std::cell::RefCell;
use std::collections::HashSet;
use std::rc::Rc;

use gangmu_core::Span;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::layout::{
    block_of, blocks, formulation_dom_id, heading_dom_id, layout_block, occurrences, Block,
    MentionRef, Piece, Spans,
};
use crate::state::{Action, AppState, DocRef, EntityKind, Selection};

/// Documents up to this many chars render every block at once.
pub const EAGER_CHARS: usize = 60_000;
/// A block ends at the first line break after this many chars.
pub const BLOCK_CHARS: usize = 3_000;
/// A big document mounts this many blocks at once, then this many more per task.
const FIRST_BLOCKS: usize = 12;
const BATCH_BLOCKS: usize = 48;

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

/// What is computed once per document: its spans and blocks.
pub struct Prepared {
    pub spans: Spans,
    pub blocks: Vec<Block>,
}

/// Compared by pointer, like [`DocRef`].
pub struct Shared<T>(pub Rc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(self.0.clone())
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// The char offset the current selection points at, if any.
fn current_pos(doc: &DocRef, current: Option<Selection>) -> Option<usize> {
    let a = &doc.analysis;
    match current? {
        Selection::Heading(n) => a.outline_flat().get(n).map(|h| h.start),
        Selection::Entity {
            kind,
            index,
            mention,
        } => {
            let ms = match kind {
                EntityKind::Person => &a.people.get(index)?.mentions,
                EntityKind::Org => &a.organizations.get(index)?.mentions,
            };
            ms.get(mention).map(|s| s.start)
        }
        Selection::Formulation { index, mention } => a
            .formulations
            .get(index)?
            .mentions
            .get(mention)
            .map(|s| s.start),
    }
}

/// The text's length in chars: the analysis says (counting 2 M chars takes a while).
fn text_chars(d: &DocRef) -> usize {
    if d.analysis.chars > 0 || d.text.is_empty() {
        d.analysis.chars
    } else {
        d.text.chars().count()
    }
}

#[function_component]
pub fn TextView(props: &TextViewProps) -> Html {
    let prep = use_memo(props.doc.clone(), |d| {
        let n = text_chars(d);
        let spans = Spans::new(&d.analysis, n);
        let blocks = blocks(&d.text, &spans, BLOCK_CHARS);
        Prepared { spans, blocks }
    });
    let occ = use_memo((props.doc.clone(), props.formulation), |(d, f)| {
        let n = text_chars(d);
        occurrences(&d.analysis, *f, n)
    });
    // Blocks that came near the viewport (they stay rendered); a counter re-renders.
    let shown = use_mut_ref(HashSet::<usize>::new);
    let version = use_state(|| 0u64);
    let text_ref = use_node_ref();
    let big =
        props.doc.text.len() > EAGER_CHARS * 3 || prep.blocks.len() > EAGER_CHARS / BLOCK_CHARS;
    // A big document mounts its blocks a batch per task (the first batch at once), so no
    // single task creates the whole text.
    let n_blocks = prep.blocks.len();
    // (document, blocks mounted): a count left from another document means none.
    let mounted = use_state_eq(|| (0u64, 0usize));
    let doc_key = props.doc.request_id;
    let target_block = current_pos(&props.doc, props.current).map(|p| block_of(&prep.blocks, p));
    let mounted_now = if big {
        (if mounted.0 == doc_key { mounted.1 } else { 0 })
            .max(FIRST_BLOCKS)
            .max(target_block.map_or(0, |b| b + 1))
            .min(n_blocks)
    } else {
        n_blocks
    };
    {
        let shown = shown.clone();
        use_effect_with(props.doc.clone(), move |_| shown.borrow_mut().clear());
    }
    {
        let mounted = mounted.clone();
        use_effect_with(mounted_now, move |&now| {
            let timer = (now < n_blocks).then(|| {
                gloo_timers::callback::Timeout::new(0, move || {
                    mounted.set((doc_key, (now + BATCH_BLOCKS).min(n_blocks)))
                })
            });
            move || drop(timer)
        });
    }
    let observer = use_mut_ref(|| None::<Observer>);
    {
        let (shown, version) = (shown.clone(), version.clone());
        let observer = observer.clone();
        use_effect_with((props.doc.clone(), big), move |(_, big)| {
            *observer.borrow_mut() = big.then(|| make_observer(shown, version)).flatten();
            let observer = observer.clone();
            move || {
                if let Some((o, _cb, _)) = observer.borrow_mut().take() {
                    o.disconnect();
                }
            }
        });
    }
    {
        // Observe the blocks mounted since the last time.
        let (observer, text_ref) = (observer.clone(), text_ref.clone());
        use_effect_with((props.doc.clone(), mounted_now), move |_| {
            if let (Some((o, _, seen)), Some(el)) = (
                observer.borrow_mut().as_mut(),
                text_ref.cast::<web_sys::Element>(),
            ) {
                let blocks = el.children();
                for i in *seen..blocks.length() {
                    if let Some(b) = blocks.item(i) {
                        o.observe(&b);
                    }
                }
                *seen = blocks.length();
            }
        });
    }

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

    // Blocks the selection touches: they re-render (and render) when it changes.
    let block_set = |spans: &mut dyn Iterator<Item = usize>| -> HashSet<usize> {
        spans.map(|p| block_of(&prep.blocks, p)).collect()
    };
    let sel_blocks: HashSet<usize> = match props.selected {
        Some((EntityKind::Person, i)) => a
            .people
            .get(i)
            .map(|p| block_set(&mut p.mentions.iter().map(|s| s.start)))
            .unwrap_or_default(),
        Some((EntityKind::Org, i)) => a
            .organizations
            .get(i)
            .map(|o| block_set(&mut o.mentions.iter().map(|s| s.start)))
            .unwrap_or_default(),
        None => HashSet::new(),
    };
    let occ_blocks: HashSet<usize> = {
        let mut set = HashSet::new();
        for (s, _) in occ.iter() {
            // An occurrence may run over a block's edge: every block it touches.
            let (b0, b1) = (
                block_of(&prep.blocks, s.start),
                block_of(&prep.blocks, s.end.saturating_sub(1)),
            );
            set.extend(b0..=b1);
        }
        set
    };
    let current_block = target_block;
    let eager = !big;
    let shown_now = shown.borrow();
    let prep_ref = Shared(prep.clone());
    let occ_ref = Shared(occ.clone());
    let body: Html = (0..mounted_now)
        .map(|i| {
            let here = current_block == Some(i);
            let rendered = eager || here || shown_now.contains(&i);
            let formulation = props
                .formulation
                .filter(|_| occ_blocks.contains(&i))
                .map(|f| (f, occ_ref.clone()));
            html! {
                <TextBlock key={i} doc={props.doc.clone()} prep={prep_ref.clone()} index={i}
                    {rendered} selected={props.selected.filter(|_| sel_blocks.contains(&i))}
                    {formulation} current={props.current.filter(|_| here)} />
            }
        })
        .collect();
    let _ = *version;

    html! {
        <div class={classes!("doc-text", big.then_some("big"))} data-testid="text" lang={
            match a.language { gangmu_core::Language::Zh => "zh", gangmu_core::Language::En => "en" }
        } data-blocks={n_blocks.to_string()} ref={text_ref} {onclick}>{ body }</div>
    }
}

/// The observer of a big document's blocks, its callback, and how many blocks it watches.
type Observer = (
    web_sys::IntersectionObserver,
    Closure<dyn FnMut(js_sys::Array, web_sys::IntersectionObserver)>,
    u32,
);

/// An observer for the blocks of the text element: a block that comes within a screen or so
/// of the viewport is added to `shown` (and no longer observed), and the view re-renders.
fn make_observer(
    shown: Rc<RefCell<HashSet<usize>>>,
    version: UseStateHandle<u64>,
) -> Option<Observer> {
    let cb = Closure::<dyn FnMut(js_sys::Array, web_sys::IntersectionObserver)>::new(
        move |entries: js_sys::Array, observer: web_sys::IntersectionObserver| {
            let mut added = false;
            for e in entries.iter() {
                let Ok(e) = e.dyn_into::<web_sys::IntersectionObserverEntry>() else {
                    continue;
                };
                if !e.is_intersecting() {
                    continue;
                }
                let target = e.target();
                if let Some(i) = target
                    .get_attribute("data-block")
                    .and_then(|v| v.parse::<usize>().ok())
                {
                    added |= shown.borrow_mut().insert(i);
                    observer.unobserve(&target);
                }
            }
            if added {
                version.set(*version + 1);
            }
        },
    );
    let opts = web_sys::IntersectionObserverInit::new();
    opts.set_root_margin("800px 0px");
    let observer =
        web_sys::IntersectionObserver::new_with_options(cb.as_ref().unchecked_ref(), &opts).ok()?;
    Some((observer, cb, 0))
}

/// The selected formulation's occurrences (with their indices), shared by the blocks.
type Occurrences = Shared<Vec<(Span, usize)>>;

#[derive(Properties, PartialEq)]
struct TextBlockProps {
    doc: DocRef,
    prep: Shared<Prepared>,
    index: usize,
    /// Laid out with its mentions (else plain text).
    rendered: bool,
    /// The selected entity, when it has a mention in this block.
    selected: Option<(EntityKind, usize)>,
    /// The selected formulation and its occurrences, when one touches this block.
    formulation: Option<(usize, Occurrences)>,
    /// The selection, when its target is in this block.
    current: Option<Selection>,
}

#[function_component]
fn TextBlock(props: &TextBlockProps) -> Html {
    let block = props.prep.0.blocks[props.index];
    let text: &str = &props.doc.text;
    let heading_before = block.heading_before.map(|h| h.to_string());
    if !props.rendered {
        return html! {
            <div class="blk" data-block={props.index.to_string()}
                data-heading-before={heading_before}>{ &text[block.bytes.0..block.bytes.1] }</div>
        };
    }
    let segments = layout_block(
        text,
        &props.prep.0.spans,
        props
            .formulation
            .as_ref()
            .map_or(&[][..], |(_, o)| &o.0[..]),
        &block,
    );
    let a = &props.doc.analysis;
    let formulation = props.formulation.as_ref().map(|(f, _)| *f);

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

    let fm_text = formulation
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
        <div class="blk" data-block={props.index.to_string()}
            data-heading-before={heading_before}>{ body }</div>
    }
}
