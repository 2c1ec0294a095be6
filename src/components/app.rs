//! The root component: owns the reducer and every side effect (worker, debounce, scrolling,
//! focus, `<html lang>`), so the other components stay render-and-dispatch only.

use gloo_timers::callback::Timeout;
use gloo_worker::{Spawnable, WorkerBridge};
use yew::prelude::*;

use super::back_bar::back_bar;
use super::doc_bar::DocBar;
use super::doc_map::DocMapView;
use super::editor::Editor;
use super::entity_list::EntityList;
use super::error_banner::ErrorBanner;
use super::formulation_list::FormulationList;
use super::outline::Outline;
use super::pane_handle::{set_width_var, PaneHandle};
use super::status_line::StatusLine;
use super::tab_bar::tab_bar;
use super::text_view::TextView;
use super::toolbar::Toolbar;
use super::AppContext;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

use super::ReadFile;
use crate::agent::{merge_chunk, AnalysisWorker, Chunk, Loaded, Reply, Request, Response, Wire};
use crate::i18n::UiLang;
use crate::layout::{formulation_dom_id, heading_dom_id, mention_dom_id};
use crate::reading::use_reading_position;
use crate::state::{
    Action, AppError, AppState, EntityKind, PaneWidths, Selection, Side, Startup, Tab, Theme,
};
use crate::storage::{self, Snapshot};
use crate::upload::{action_for_loaded, MAX_FILE_BYTES};

/// Typing pauses this long before the text is analysed.
const DEBOUNCE_MS: u32 = 300;
/// Changes pause this long before the document is saved locally.
const SAVE_MS: u32 = 500;

/// Local-storage keys of the page's own settings (documents are in `storage.rs`).
const THEME_KEY: &str = "gangmu.theme";
const PANES_KEY: &str = "gangmu.panes";

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn load_pref(key: &str) -> Option<String> {
    local_storage()?.get_item(key).ok().flatten()
}

/// Best effort: a full or blocked storage only means the choice is not remembered.
fn save_pref(key: &str, value: &str) {
    if let Some(s) = local_storage() {
        let _ = s.set_item(key, value);
    }
}

/// `<html data-theme>`: style.css picks the palette from it, or from the system setting
/// when it is absent.
fn apply_theme(theme: Theme) {
    let Some(root) = document().and_then(|d| d.document_element()) else {
        return;
    };
    let _ = match theme {
        Theme::System => root.remove_attribute("data-theme"),
        _ => root.set_attribute("data-theme", theme.code()),
    };
}

/// What the page opens on: the kept draft and list, and a link in the address bar (whose
/// fragment is then removed, so a reload does not apply it again over later edits); the
/// remembered theme and pane widths.
fn startup() -> Startup {
    let theme = load_pref(THEME_KEY).map_or(Theme::System, |c| Theme::from_code(&c));
    // Before the first render, so a dark choice never flashes light.
    apply_theme(theme);
    Startup {
        draft: storage::load_draft(),
        recent: storage::load_recent(),
        link: crate::browser::take_link(),
        clock: js_sys::Date::now() as u64,
        theme,
        panes: load_pref(PANES_KEY)
            .and_then(|s| PaneWidths::decode(&s))
            .unwrap_or_default(),
    }
}

/// `el.focus({preventScroll: true})` (web-sys's FocusOptions is not among the features).
fn focus_without_scroll(id: &str) {
    use wasm_bindgen::JsCast;
    let Some(el) = document().and_then(|d| d.get_element_by_id(id)) else {
        return;
    };
    let opts = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&opts, &"preventScroll".into(), &true.into());
    if let Some(f) = js_sys::Reflect::get(&el, &"focus".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
    {
        let _ = f.call1(&el, &opts);
    }
}

fn window_scroll_y() -> f64 {
    web_sys::window()
        .and_then(|w| w.scroll_y().ok())
        .unwrap_or(0.0)
}

fn tab_slot(tab: Tab) -> usize {
    Tab::ALL.iter().position(|&t| t == tab).unwrap_or(0)
}

/// Writes a snapshot and tells the reducer how it went.
fn save_now(snap: &Snapshot, dispatch: &Callback<Action>) {
    match storage::save(snap) {
        Some(list) => dispatch.emit(Action::Saved(list)),
        None => dispatch.emit(Action::SaveFailed {
            chars: snap.text.chars().count(),
        }),
    }
}

/// Calls `f` on `event` of the window for the page's lifetime.
fn on_window(event: &str, f: impl FnMut(web_sys::Event) + 'static) {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let Some(w) = web_sys::window() else { return };
    let cb = Closure::<dyn FnMut(web_sys::Event)>::new(f);
    let _ = w.add_event_listener_with_callback(event, cb.as_ref().unchecked_ref());
    cb.forget();
}

fn browser_ui_lang() -> UiLang {
    web_sys::window()
        .and_then(|w| w.navigator().language())
        .map(|l| UiLang::from_tag(&l))
        .unwrap_or(UiLang::En)
}

/// The page's side of the analysis worker: sends requests, takes answers in without
/// blocking (the analysis JSON is parsed chunk by chunk, yielding between chunks), and
/// watches for a worker that panicked or stopped answering: then it reports the failure
/// and starts a fresh worker.
pub struct WorkerLink {
    bridge: RefCell<Option<WorkerBridge<AnalysisWorker>>>,
    /// Newest analysis request sent; answers to others are dropped.
    latest: Cell<u64>,
    /// Newest file read sent.
    latest_read: Cell<u64>,
    /// The text of the last file the worker read (it keeps a copy): analysing it again
    /// needs no transfer.
    last_read: RefCell<Option<Rc<str>>>,
    /// Fires when the worker takes too long over the newest request.
    watchdog: RefCell<Option<Timeout>>,
    dispatch: Callback<Action>,
    /// `?debug=worker-timeout`: every request times out at once (tests the timeout path).
    instant_timeout: bool,
}

impl WorkerLink {
    fn new(dispatch: Callback<Action>) -> Rc<WorkerLink> {
        let link = Rc::new(WorkerLink {
            bridge: RefCell::new(None),
            latest: Cell::new(0),
            latest_read: Cell::new(0),
            last_read: RefCell::new(None),
            watchdog: RefCell::new(None),
            dispatch,
            instant_timeout: crate::browser::debug_flag("worker-timeout"),
        });
        link.spawn();
        link
    }

    fn spawn(self: &Rc<Self>) {
        let weak = Rc::downgrade(self);
        let mut spawner = AnalysisWorker::spawner();
        spawner.callback(move |reply| {
            if let Some(link) = weak.upgrade() {
                link.on_reply(reply);
            }
        });
        let mut spawner = spawner.encoding::<Wire>();
        // Trunk builds workers with wasm-bindgen `--target no-modules` (a classic script) and,
        // with `data-loader-shim`, a loader that starts it: the worker is created from that
        // same-origin file, not from a blob: URL, which the CSP (`worker-src 'self'`) refuses.
        // The relative path resolves against the page, so dist/ works under any sub-path.
        spawner.as_module(false);
        spawner.with_loader(true);
        *self.bridge.borrow_mut() = Some(spawner.spawn("./worker_loader.js"));
    }

    /// Drops the worker (terminating it) and starts another; tells the reducer why.
    fn restart(self: &Rc<Self>, error: AppError) {
        self.watchdog.borrow_mut().take();
        self.latest.set(u64::MAX);
        self.latest_read.set(u64::MAX);
        let link = self.clone();
        // Not from inside the old bridge's own callback.
        Timeout::new(0, move || {
            link.bridge.borrow_mut().take();
            link.last_read.borrow_mut().take();
            link.spawn();
            link.dispatch.emit(Action::WorkerFailed(error));
        })
        .forget();
    }

    fn send(self: &Rc<Self>, request: Request, bytes: usize) {
        // Generous: ~1 s per 100 KB on a slow phone, never under 30 s.
        let ms = if self.instant_timeout {
            1
        } else {
            30_000 + (bytes / 100) as u32
        };
        let link = self.clone();
        *self.watchdog.borrow_mut() = Some(Timeout::new(ms, move || {
            link.restart(AppError::WorkerTimeout);
        }));
        if let Some(bridge) = self.bridge.borrow().as_ref() {
            bridge.send(request);
        }
    }

    pub fn analyze(self: &Rc<Self>, request_id: u64, text: &Rc<str>) {
        self.latest.set(request_id);
        let request = if crate::browser::debug_flag("worker-panic") {
            Request::Panic { request_id }
        } else if self
            .last_read
            .borrow()
            .as_ref()
            .is_some_and(|r| Rc::ptr_eq(r, text))
        {
            Request::AnalyzeRead { request_id }
        } else {
            Request::Analyze {
                request_id,
                text: text.to_string(),
            }
        };
        self.send(request, text.len());
    }

    pub fn read(self: &Rc<Self>, file: web_sys::File) {
        let size = file.size();
        if size > MAX_FILE_BYTES as f64 {
            self.dispatch.emit(Action::LoadFailed(AppError::TooLarge {
                bytes: size as usize,
            }));
            return;
        }
        let request_id = self.latest_read.get().wrapping_add(1) % (u64::MAX - 1);
        self.latest_read.set(request_id);
        self.dispatch.emit(Action::ReadingFile);
        self.send(
            Request::Read {
                request_id,
                file: file.into(),
            },
            size as usize,
        );
    }

    fn on_reply(self: &Rc<Self>, reply: Reply) {
        let t = now_ms();
        let _guard = Defer(move || timing("worker reply handled", t));
        match reply {
            Reply::Analyzed {
                request_id,
                chunks,
                analysis_ms,
            } if request_id == self.latest.get() => {
                self.watchdog.borrow_mut().take();
                let link = self.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    link.take_in(request_id, chunks, analysis_ms).await;
                });
            }
            Reply::Loaded { request_id, loaded } if request_id == self.latest_read.get() => {
                self.watchdog.borrow_mut().take();
                let action = match loaded {
                    Loaded::Text(text) => {
                        let text: Rc<str> = Rc::from(text);
                        *self.last_read.borrow_mut() = Some(text.clone());
                        Action::LoadShared(text)
                    }
                    other => {
                        self.last_read.borrow_mut().take();
                        action_for_loaded(other)
                    }
                };
                self.dispatch.emit(action);
            }
            Reply::Failed { message, .. } => self.restart(AppError::Worker(message)),
            _ => {} // an answer to a request that was superseded
        }
    }

    /// Parses the chunks, yielding to the page every few milliseconds; gives up as soon as
    /// a newer request was sent.
    async fn take_in(self: Rc<Self>, request_id: u64, chunks: Vec<Chunk>, analysis_ms: f64) {
        let mut analysis = gangmu_core::Analysis::default();
        let mut t0 = now_ms();
        for chunk in &chunks {
            if self.latest.get() != request_id {
                return;
            }
            if let Err(e) = merge_chunk(&mut analysis, chunk) {
                self.restart(AppError::Worker(e));
                return;
            }
            if now_ms() - t0 > 8.0 {
                yield_to_page().await;
                t0 = now_ms();
            }
        }
        if self.latest.get() == request_id {
            let t = now_ms();
            self.dispatch.emit(Action::Analyzed(Response {
                request_id,
                analysis,
                analysis_ms,
            }));
            timing("render of the analysis", t);
        }
    }
}

/// Resolves on the next macrotask: the page gets to handle input and paint in between.
async fn yield_to_page() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback(&resolve);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// `?debug=timing`: logs how long a step took on the main thread.
fn timing(what: &str, since: f64) {
    if crate::browser::debug_flag("timing") {
        web_sys::console::log_1(
            &format!("gangmu timing: {what} {:.1} ms", now_ms() - since).into(),
        );
    }
}

/// Runs a closure when dropped.
struct Defer<F: FnMut()>(F);

impl<F: FnMut()> Drop for Defer<F> {
    fn drop(&mut self) {
        (self.0)()
    }
}

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or_else(js_sys::Date::now)
}

fn scroll_to(id: &str, block: web_sys::ScrollLogicalPosition) {
    let Some(el) = document().and_then(|d| d.get_element_by_id(id)) else {
        return;
    };
    let opts = web_sys::ScrollIntoViewOptions::new();
    opts.set_block(block);
    el.scroll_into_view_with_scroll_into_view_options(&opts);
}

/// Scrolls the outline pane (only it, never the window, and without moving focus) so that
/// tree item `node` is in view, if the pane scrolls at all and the item is out of view.
fn reveal_tree_item(pane: &NodeRef, node: usize) {
    let (Some(pane), Some(item)) = (
        pane.cast::<web_sys::Element>(),
        document().and_then(|d| d.get_element_by_id(&format!("t-{node}"))),
    ) else {
        return;
    };
    if pane.scroll_height() <= pane.client_height() {
        return; // narrow screens: the pane grows with the tree and the window scrolls
    }
    let (p, r) = (
        pane.get_bounding_client_rect(),
        item.get_bounding_client_rect(),
    );
    // What of the pane is on screen: before the page is scrolled, its bottom is below the
    // window.
    let window_h = web_sys::window()
        .and_then(|w| w.inner_height().ok())
        .and_then(|h| h.as_f64())
        .unwrap_or(f64::INFINITY);
    let (top, bottom) = (p.top().max(0.0), p.bottom().min(window_h));
    let margin = 8.0;
    let delta = if r.top() < top {
        r.top() - top - margin
    } else if r.bottom() > bottom {
        (r.bottom() - bottom + margin).min(r.top() - top - margin)
    } else {
        return;
    };
    pane.set_scroll_top(pane.scroll_top() + delta.round() as i32);
}

fn document() -> Option<web_sys::Document> {
    web_sys::window().and_then(|w| w.document())
}

/// The element the current selection should bring into view, and where: a section opens at
/// the top (where the reading position is read), a mention in the middle of the pane.
fn selection_target(state: &AppState) -> Option<(String, web_sys::ScrollLogicalPosition)> {
    use web_sys::ScrollLogicalPosition::{Center, Start};
    let id = match state.selection? {
        Selection::Heading(n) => return Some((heading_dom_id(n), Start)),
        Selection::Entity {
            kind,
            index,
            mention,
        } => mention_dom_id(kind, index, mention),
        Selection::Formulation { mention, .. } => formulation_dom_id(mention),
    };
    Some((id, Center))
}

#[function_component]
pub fn App() -> Html {
    let state = use_reducer(|| AppState::start(browser_ui_lang(), startup()));
    let dispatch = state.dispatcher().to_callback();

    // Keep: every change of the document or its view is saved after a pause. One pending
    // snapshot: when a change of another document comes, the pending one is written first.
    let pending = use_mut_ref(|| None::<Snapshot>);
    {
        let (pending, dispatch, state) = (pending.clone(), dispatch.clone(), state.clone());
        use_effect_with(state.save_seq, move |seq| {
            let mut timer = None;
            if let (true, Some(_)) = (*seq > 0, state.doc_id) {
                if !storage::keepable(&state.input) {
                    // Too big to keep: say so once, write nothing (see storage.rs).
                    pending.borrow_mut().take();
                    dispatch.emit(Action::NotKept {
                        bytes: state.input.len(),
                    });
                    return Box::new(|| ()) as Box<dyn FnOnce()>;
                }
            }
            if let (true, Some(id)) = (*seq > 0, state.doc_id) {
                let snap = Snapshot {
                    id,
                    text: state.input.clone(),
                    view: state.view(),
                };
                let previous = pending.borrow_mut().replace(snap);
                if let Some(prev) = previous.filter(|p| p.id != id) {
                    save_now(&prev, &dispatch);
                }
                timer = Some(Timeout::new(SAVE_MS, move || {
                    let snap = pending.borrow_mut().take();
                    if let Some(snap) = snap {
                        save_now(&snap, &dispatch);
                    }
                }));
            }
            Box::new(move || drop(timer)) as Box<dyn FnOnce()>
        });
    }
    // Clearing: nothing pending may be written afterwards.
    {
        let pending = pending.clone();
        use_effect_with(state.clear_seq, move |seq| {
            if *seq > 0 {
                pending.borrow_mut().take();
                storage::clear();
            }
        });
    }
    // Leaving, hiding or closing the tab writes what is pending at once; a share link pasted
    // into the address bar of the open page is opened like one opened in a new tab.
    {
        let (pending, dispatch) = (pending.clone(), dispatch.clone());
        use_effect_with((), move |_| {
            let flush = {
                let pending = pending.clone();
                move |_: web_sys::Event| {
                    let snap = pending.borrow_mut().take();
                    if let Some(snap) = snap {
                        // No dispatch: the page may be going away.
                        let _ = storage::save(&snap);
                    }
                }
            };
            on_window("pagehide", flush.clone());
            if let Some(doc) = document() {
                use wasm_bindgen::closure::Closure;
                use wasm_bindgen::JsCast;
                let d = doc.clone();
                let hidden = flush;
                let cb = Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
                    if d.visibility_state() == web_sys::VisibilityState::Hidden {
                        hidden(e);
                    }
                });
                let _ = doc.add_event_listener_with_callback(
                    "visibilitychange",
                    cb.as_ref().unchecked_ref(),
                );
                cb.forget();
            }
            on_window("hashchange", move |_| match crate::browser::take_link() {
                Some(Ok(shared)) => dispatch.emit(Action::Open { shared, id: None }),
                Some(Err(e)) => dispatch.emit(Action::LoadFailed(AppError::Link(e))),
                None => {}
            });
        });
    }

    // One worker at a time (restarted if it fails).
    let link = {
        let dispatch = dispatch.clone();
        use_memo((), move |_| WorkerLink::new(dispatch))
    };
    let read_file = {
        let link = link.clone();
        ReadFile(Callback::from(move |file: web_sys::File| link.read(file)))
    };

    // Send each new request as soon as the reducer records it.
    {
        let outgoing = state.outgoing();
        let link = link.clone();
        use_effect_with(state.latest_request, move |_| {
            if let Some((request_id, text)) = outgoing {
                link.analyze(request_id, &text);
            }
        });
    }

    // Debounce: every edit restarts the timer; dropping the old Timeout cancels it.
    {
        let dispatch = dispatch.clone();
        use_effect_with(state.edit_seq, move |seq| {
            let timer = (*seq > 0)
                .then(|| Timeout::new(DEBOUNCE_MS, move || dispatch.emit(Action::Submit)));
            move || drop(timer)
        });
    }

    {
        let target = selection_target(&state);
        use_effect_with(state.scroll_seq, move |seq| {
            if *seq > 0 {
                if let Some((id, block)) = target {
                    scroll_to(&id, block);
                }
            }
        });
    }

    {
        let focus = state.tree_focus;
        use_effect_with(state.tree_focus_seq, move |seq| {
            if *seq > 0 {
                if let Some(el) = document()
                    .and_then(|d| d.get_element_by_id(&format!("t-{focus}")))
                    .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
                {
                    let _ = el.focus();
                }
            }
        });
    }

    // Reading position: the text pane's scroll decides the highlighted outline node; the
    // outline pane follows it only when the node is out of view.
    let text_pane = use_node_ref();
    let outline_pane = use_node_ref();
    use_reading_position(text_pane.clone(), state.doc.request_id, state.dispatcher());
    {
        let outline_pane = outline_pane.clone();
        use_effect_with(state.reading_shown(), move |shown| {
            if let Some(n) = *shown {
                reveal_tree_item(&outline_pane, n);
            }
        });
    }

    use_effect_with(state.ui, |ui| {
        if let Some(d) = document() {
            if let Some(root) = d.document_element() {
                let _ = root.set_attribute("lang", ui.tag());
            }
            d.set_title(ui.strings().app_title);
        }
    });

    // Theme and pane widths: applied, and remembered for the next visit.
    use_effect_with(state.theme, |&theme| {
        apply_theme(theme);
        save_pref(THEME_KEY, theme.code());
    });
    {
        let first = use_mut_ref(|| true);
        use_effect_with(state.panes, move |&w| {
            set_width_var(Side::Outline, w.outline);
            set_width_var(Side::Entities, w.entities);
            if !std::mem::replace(&mut *first.borrow_mut(), false) {
                save_pref(PANES_KEY, &w.encode());
            }
        });
    }

    // Phone views share the window's scroll: each view keeps its own position, so going
    // back (or switching tabs) returns to where the reader was; a jump scrolls to its target
    // instead (the scroll effect above).
    let scroll_memory = use_mut_ref(|| ([0.0f64; 3], tab_slot(state.tab)));
    {
        let memory = scroll_memory.clone();
        use_effect_with((), move |_| {
            on_window("scroll", move |_| {
                let mut m = memory.borrow_mut();
                let slot = m.1;
                m.0[slot] = window_scroll_y();
            });
        });
    }
    {
        let memory = scroll_memory.clone();
        let last_seq = use_mut_ref(|| state.scroll_seq);
        use_effect_with((state.tab, state.scroll_seq), move |&(tab, seq)| {
            let jumped = std::mem::replace(&mut *last_seq.borrow_mut(), seq) != seq;
            let y = {
                let mut m = memory.borrow_mut();
                let changed = m.1 != tab_slot(tab);
                m.1 = tab_slot(tab);
                (changed && !jumped).then(|| m.0[m.1])
            };
            if let (Some(y), Some(w)) = (y, web_sys::window()) {
                w.scroll_to_with_x_and_y(0.0, y);
            }
        });
    }

    // Focus follows a change of view that the page made (a jump, back), so a keyboard or
    // screen reader is not left on a hidden element: the text after a jump, the outline
    // item or the lists' pane after back. Without scrolling: the views keep their places.
    {
        let (tab, node) = (state.tab, state.tree_focus);
        use_effect_with(state.view_seq, move |&seq| {
            if seq > 0 {
                let id = match tab {
                    Tab::Text => "pane-text".to_string(),
                    Tab::Outline => format!("t-{node}"),
                    Tab::Entities => "pane-entities".to_string(),
                };
                focus_without_scroll(&id);
            }
        });
    }

    // The phone's own back (button or gesture) undoes a jump like the in-page back button:
    // a jump that can be gone back from adds a history entry; going back pops it (popstate
    // → Action::Back), and when the way back is dropped in the page (back tapped, another
    // tab picked, a new analysis) the entry is taken off again, so the next system back
    // leaves the page as before.
    {
        // (an entry is pushed, a popstate of ours is expected and to be ignored)
        let history = use_mut_ref(|| (false, false));
        {
            let (history, dispatch) = (history.clone(), dispatch.clone());
            use_effect_with((), move |_| {
                on_window("popstate", move |_| {
                    let mut h = history.borrow_mut();
                    if std::mem::take(&mut h.1) {
                        return;
                    }
                    if std::mem::take(&mut h.0) {
                        dispatch.emit(Action::Back);
                    }
                });
            });
        }
        use_effect_with(state.back.is_some(), move |&can_go_back| {
            let Some(h) = web_sys::window().and_then(|w| w.history().ok()) else {
                return;
            };
            let mut entry = history.borrow_mut();
            if can_go_back && !entry.0 {
                if h.push_state(&wasm_bindgen::JsValue::NULL, "").is_ok() {
                    entry.0 = true;
                }
            } else if !can_go_back && entry.0 {
                entry.0 = false;
                entry.1 = true;
                let _ = h.back();
            }
        });
    }

    // Drag and drop anywhere on the page; preventDefault keeps the browser from opening it.
    let dragging = use_state_eq(|| false);
    let ondragover = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(true);
        })
    };
    let ondragleave = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            // Only when leaving the window, not when moving between children.
            if e.related_target().is_none() {
                dragging.set(false);
            }
        })
    };
    let ondrop = {
        let dragging = dragging.clone();
        let read_file = read_file.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            if let Some(file) = e
                .data_transfer()
                .and_then(|dt| dt.files())
                .and_then(|f| f.get(0))
            {
                read_file.0.emit(file);
            }
        })
    };

    let t = state.ui.strings();
    let selected = state.selected_entity();
    let current = state.selection;
    let doc = state.doc.clone();
    html! {
        <ContextProvider<ReadFile> context={read_file}>
        <ContextProvider<AppContext> context={state.clone()}>
            <div class={classes!("app", format!("tab-{}", state.tab.code()),
                    (*dragging).then_some("dragging"))}
                {ondragover} {ondragleave} {ondrop}>
                <Toolbar />
                <main class="main">
                    { tab_bar(&state) }
                    <section class="input-area">
                        <Editor />
                        <div class="under-input">
                            <StatusLine />
                            <ErrorBanner />
                        </div>
                        <DocBar />
                    </section>
                    <div class="panes">
                        <section id="pane-outline" class="pane pane-outline"
                            aria-labelledby="h-outline" ref={outline_pane}>
                            <h2 id="h-outline" class="pane-title">{ t.outline }</h2>
                            <Outline />
                        </section>
                        <PaneHandle side={Side::Outline} px={state.panes.outline} ui={state.ui}
                            dispatch={state.dispatcher()} />
                        <section id="pane-text" class="pane pane-text" aria-labelledby="h-text"
                            tabindex="0" ref={text_pane}>
                            <h2 id="h-text" class="pane-title">{ t.text }</h2>
                            <TextView doc={doc.clone()} selected={selected}
                                formulation={state.selected_formulation()} current={current}
                                empty={t.text_empty} dispatch={state.dispatcher()} />
                        </section>
                        <PaneHandle side={Side::Entities} px={state.panes.entities} ui={state.ui}
                            dispatch={state.dispatcher()} />
                        <section id="pane-entities" class="pane pane-entities"
                            aria-label={t.tabs[2]} tabindex="-1">
                            <DocMapView doc={doc.clone()} selection={current}
                                reading={state.reading} ui={state.ui}
                                dispatch={state.dispatcher()} />
                            <h2 class="pane-title" id="h-people">{ t.people }</h2>
                            <EntityList kind={EntityKind::Person} doc={doc.clone()}
                                selection={current} ui={state.ui} dispatch={state.dispatcher()} />
                            <h2 class="pane-title" id="h-orgs">{ t.organizations }</h2>
                            <EntityList kind={EntityKind::Org} doc={doc.clone()}
                                selection={current} ui={state.ui} dispatch={state.dispatcher()} />
                            <h2 class="pane-title" id="h-formulations">{ t.formulations }</h2>
                            <FormulationList doc={doc.clone()} selection={current} ui={state.ui}
                                dispatch={state.dispatcher()} />
                        </section>
                    </div>
                    { back_bar(&state) }
                </main>
                if *dragging {
                    <div class="drop-hint" aria-hidden="true">{ t.drop_here }</div>
                }
            </div>
        </ContextProvider<AppContext>>
        </ContextProvider<ReadFile>>
    }
}
