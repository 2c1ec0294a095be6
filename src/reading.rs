//! Reading position: which section the reader is looking at as the text pane scrolls.
//!
//! A scroll costs, at most once per animation frame, a binary search over the text's blocks
//! (a few `getBoundingClientRect`s) and a look at the headings of the one block at the top,
//! however long the document and however many headings it has. The result goes to the reducer (`Action::SetReading`), which
//! ignores unchanged positions so scrolling within a section re-renders nothing.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{AddEventListenerOptions, Element, ResizeObserver};
use yew::prelude::*;

use crate::state::{Action, AppState};

/// How far below the top of the visible text a heading still counts as "being read": a
/// heading brought into view by a click lands just below the top (its `scroll-margin-top`
/// in style.css is smaller than this); a heading on the next line does not count yet.
pub const READING_LINE_PX: f64 = 12.0;

/// The node of the last heading whose top is at or above `y`. `offsets` are (top, node) in
/// document order, tops ascending.
pub fn section_at(offsets: &[(f64, usize)], y: f64) -> Option<usize> {
    let i = offsets.partition_point(|&(top, _)| top <= y);
    i.checked_sub(1).map(|i| offsets[i].1)
}

/// State shared by the listeners. The rAF closure lives here too; the effect's cleanup takes
/// it out, which breaks the Rc cycle.
#[derive(Default)]
struct Shared {
    /// Layout changed (new text, resized box); informational, every frame measures.
    dirty: Cell<bool>,
    /// A frame is requested and not yet run.
    frame_id: Cell<Option<i32>>,
    frame: RefCell<Option<Closure<dyn FnMut()>>>,
}

impl Shared {
    fn schedule(&self) {
        if self.frame_id.get().is_some() {
            return;
        }
        let frame = self.frame.borrow();
        let (Some(window), Some(cb)) = (web_sys::window(), frame.as_ref()) else {
            return;
        };
        if let Ok(id) = window.request_animation_frame(cb.as_ref().unchecked_ref()) {
            self.frame_id.set(Some(id));
        }
    }
}

/// The top of `el` relative to `base`.
fn top(el: &Element, base: f64) -> f64 {
    el.get_bounding_client_rect().top() - base
}

/// The section at `line` (px below the top of the `.doc-text` element, whose blocks are its
/// children): a binary search over the blocks' tops finds the block at the line — blocks far
/// away are not laid out (`content-visibility`), but their boxes have a size — then the last
/// heading of that block at or above the line, or else the heading in force at its start.
fn section_in(text: &Element, line: f64) -> Option<usize> {
    let base = text.get_bounding_client_rect().top();
    let blocks = text.children();
    let n = blocks.length();
    if n == 0 {
        return None;
    }
    // The last block whose top is at or above the line.
    let (mut lo, mut hi) = (0u32, n);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let above = blocks.item(mid).is_some_and(|b| top(&b, base) <= line);
        if above {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    let block = blocks.item(lo.checked_sub(1)?)?;
    let mut offsets = Vec::new();
    if let Ok(list) = block.query_selector_all(".heading[data-node]") {
        for i in 0..list.length() {
            let Some(el) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
                continue;
            };
            if let Some(node) = el.get_attribute("data-node").and_then(|v| v.parse().ok()) {
                offsets.push((top(&el, base), node));
            }
        }
    }
    // Document order is top order, except for sub-pixel noise on one line.
    offsets.sort_by(|a, b| a.0.total_cmp(&b.0));
    section_at(&offsets, line).or_else(|| {
        block
            .get_attribute("data-heading-before")
            .and_then(|v| v.parse().ok())
    })
}

/// One frame: find the section at the top of the visible text.
fn update(shared: &Shared, pane: &Element, dispatch: &UseReducerDispatcher<AppState>) {
    shared.frame_id.set(None);
    shared.dirty.set(false);
    let Some(text) = pane.query_selector(".doc-text").ok().flatten() else {
        return;
    };
    let base = text.get_bounding_client_rect().top();
    // The pane's visible top: its own top, or the window's when the page scrolled past it
    // (narrow screens, where the window scrolls rather than the pane).
    let rect = pane.get_bounding_client_rect();
    if rect.height() == 0.0 {
        return; // a phone showing another view: the text is not being read
    }
    let mut view_top = rect.top().max(0.0);
    // On a phone the sticky tab bar covers the top of the window: reading starts below it.
    if let Some(bar) = pane
        .owner_document()
        .and_then(|d| d.query_selector(".tabbar").ok().flatten())
    {
        let r = bar.get_bounding_client_rect();
        if r.height() > 0.0 && r.top() <= 1.0 {
            view_top = view_top.max(r.bottom());
        }
    }
    let line = view_top + READING_LINE_PX - base;
    let node = section_in(&text, line);
    dispatch.dispatch(Action::SetReading(node));
}

/// An event name and the closure listening to it on the window.
type Listener = (&'static str, Closure<dyn FnMut()>);

/// Tracks the reading position of the text pane `pane` (the scroll container around the
/// `.doc-text` element); `doc_key` changes with every new analysis.
#[hook]
pub fn use_reading_position(pane: NodeRef, doc_key: u64, dispatch: UseReducerDispatcher<AppState>) {
    let shared = use_memo((), |_| Rc::new(Shared::default()));
    let observer = use_mut_ref(|| None::<ResizeObserver>);

    {
        let shared = (*shared).clone();
        let observer = observer.clone();
        let pane = pane.clone();
        use_effect_with((), move |_| {
            let window = web_sys::window();
            let pane_el = pane.cast::<Element>();
            let mut listeners: Vec<Listener> = Vec::new();
            if let (Some(window), Some(pane_el)) = (window.clone(), pane_el) {
                {
                    let s = shared.clone();
                    let pane_el = pane_el.clone();
                    *shared.frame.borrow_mut() =
                        Some(Closure::new(move || update(&s, &pane_el, &dispatch)));
                }
                let on_scroll = {
                    let s = shared.clone();
                    Closure::<dyn FnMut()>::new(move || s.schedule())
                };
                let on_resize = {
                    let s = shared.clone();
                    Closure::<dyn FnMut()>::new(move || {
                        s.dirty.set(true);
                        s.schedule();
                    })
                };
                // Capture: scroll events do not bubble, and this catches both the pane's
                // own scrolling (wide screens) and the window's (narrow screens).
                let opts = AddEventListenerOptions::new();
                opts.set_capture(true);
                opts.set_passive(true);
                let _ = window.add_event_listener_with_callback_and_add_event_listener_options(
                    "scroll",
                    on_scroll.as_ref().unchecked_ref(),
                    &opts,
                );
                listeners.push(("scroll", on_scroll));
                if let Ok(ro) = ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
                    ro.observe(&pane_el);
                    *observer.borrow_mut() = Some(ro);
                }
                let _ = window
                    .add_event_listener_with_callback("resize", on_resize.as_ref().unchecked_ref());
                listeners.push(("resize", on_resize));
                shared.dirty.set(true);
                shared.schedule();
            }
            move || {
                if let Some(window) = window {
                    for (event, cb) in &listeners {
                        let f = cb.as_ref().unchecked_ref();
                        let _ = window.remove_event_listener_with_callback_and_bool(
                            event,
                            f,
                            *event == "scroll",
                        );
                    }
                    if let Some(id) = shared.frame_id.take() {
                        let _ = window.cancel_animation_frame(id);
                    }
                }
                if let Some(ro) = observer.borrow_mut().take() {
                    ro.disconnect();
                }
                shared.frame.borrow_mut().take();
            }
        });
    }

    // A new analysis: new headings. Watch the new text element's size too (fonts, wrapping).
    {
        let shared = (*shared).clone();
        use_effect_with(doc_key, move |_| {
            if let (Some(ro), Some(text)) = (
                observer.borrow().as_ref(),
                pane.cast::<Element>()
                    .and_then(|p| p.query_selector(".doc-text").ok().flatten()),
            ) {
                ro.observe(&text);
            }
            shared.dirty.set(true);
            shared.schedule();
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn last_heading_at_or_above_the_line() {
        let offs = [(0.0, 0), (100.0, 1), (100.0, 2), (250.5, 5)];
        assert_eq!(section_at(&offs, -1.0), None);
        assert_eq!(section_at(&offs, 0.0), Some(0));
        assert_eq!(section_at(&offs, 99.9), Some(0));
        // Two headings on one line: the later one.
        assert_eq!(section_at(&offs, 100.0), Some(2));
        assert_eq!(section_at(&offs, 250.5), Some(5));
        assert_eq!(section_at(&offs, 1e9), Some(5));
        assert_eq!(section_at(&[], 10.0), None);
    }
}
