//! The whole app state and the one reducer that changes it. Pure Rust (no browser calls), so
//! every transition is unit-tested natively; side effects (worker, timers, scrolling) live in
//! the `App` component and are driven by the counters kept here.

use std::collections::BTreeSet;
use std::rc::Rc;

use gangmu_core::share::{Selected, ShareError, Shared, View};
use gangmu_core::{Analysis, OutlineNode};
use yew::Reducible;

use crate::agent::Response;
use crate::i18n::UiLang;
use crate::recent::RecentMeta;

/// Person or organisation; the text pane styles the two differently.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityKind {
    Person,
    Org,
}

impl EntityKind {
    /// Short tag used in element ids (`m-p-0-1`).
    pub fn tag(self) -> &'static str {
        match self {
            EntityKind::Person => "p",
            EntityKind::Org => "o",
        }
    }
}

/// What the reader has picked; the text pane marks it and scrolls to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Selection {
    /// An entity, and which of its mentions is the current one.
    Entity {
        kind: EntityKind,
        index: usize,
        mention: usize,
    },
    /// An outline node by its depth-first index (as in `Analysis::outline_flat`).
    Heading(usize),
    /// A formulation (index into `Analysis::formulations`) and its current occurrence.
    Formulation { index: usize, mention: usize },
}

/// Why the last file, link or save did not work.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AppError {
    Binary,
    TooLarge {
        bytes: usize,
    },
    Undecodable,
    Read(String),
    /// The share link in the address bar could not be opened.
    Link(ShareError),
    /// A `.gangmu` file could not be opened.
    File(ShareError),
    /// The document could not be kept in local storage (too large for what is left).
    Storage {
        chars: usize,
    },
    /// The analysis worker failed (a panic): its message. The text stays.
    Worker(String),
    /// The analysis worker did not answer in time (it hung or died); it was restarted.
    WorkerTimeout,
}

/// The panel open under the input (one at a time).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Panel {
    Share,
    Export,
    Recent,
}

/// The phone layout's three views (one column, one view at a time); wide screens show all
/// three side by side and ignore it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Tab {
    Outline,
    #[default]
    Text,
    Entities,
}

impl Tab {
    pub const ALL: [Tab; 3] = [Tab::Outline, Tab::Text, Tab::Entities];

    /// Class and `data-tab` value.
    pub fn code(self) -> &'static str {
        match self {
            Tab::Outline => "outline",
            Tab::Text => "text",
            Tab::Entities => "entities",
        }
    }
}

/// Colour theme: the system's, or one chosen and remembered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
}

impl Theme {
    pub const ALL: [Theme; 3] = [Theme::System, Theme::Light, Theme::Dark];

    /// As kept in local storage and set on `<html data-theme>` (None: follow the system).
    pub fn code(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    /// Anything unknown follows the system.
    pub fn from_code(code: &str) -> Theme {
        match code {
            "light" => Theme::Light,
            "dark" => Theme::Dark,
            _ => Theme::System,
        }
    }
}

/// The two side panes of the wide layout, whose widths the reader sets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Outline,
    Entities,
}

/// Widths (CSS px) of the side panes; the text takes the rest.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PaneWidths {
    pub outline: u32,
    pub entities: u32,
}

impl PaneWidths {
    /// Limits of either pane: narrower hides titles, wider starves the text (CSS also caps
    /// each at a share of the window, see `.panes` in style.css).
    pub const MIN: u32 = 180;
    pub const MAX: u32 = 640;

    pub fn get(self, side: Side) -> u32 {
        match side {
            Side::Outline => self.outline,
            Side::Entities => self.entities,
        }
    }

    /// `outline,entities` as kept in local storage.
    pub fn encode(self) -> String {
        format!("{},{}", self.outline, self.entities)
    }

    /// The kept form back; None when it is not two numbers (then the defaults apply).
    pub fn decode(s: &str) -> Option<PaneWidths> {
        let (a, b) = s.split_once(',')?;
        let clamp = |v: u32| v.clamp(Self::MIN, Self::MAX);
        Some(PaneWidths {
            outline: clamp(a.trim().parse().ok()?),
            entities: clamp(b.trim().parse().ok()?),
        })
    }
}

impl Default for PaneWidths {
    fn default() -> Self {
        PaneWidths {
            outline: 300,
            entities: 320,
        }
    }
}

/// What the page finds when it opens: the kept draft and list, a link in the address bar,
/// and the clock (ms) that seeds new document ids.
#[derive(Clone, Debug, Default)]
pub struct Startup {
    /// The document being worked on when the page was last left: its id and contents.
    pub draft: Option<(u64, Shared)>,
    pub recent: Vec<RecentMeta>,
    /// A `#v…` fragment, decoded (or why it could not be).
    pub link: Option<Result<Shared, ShareError>>,
    pub clock: u64,
    /// The remembered theme and pane widths.
    pub theme: Theme,
    pub panes: PaneWidths,
}

/// A text with its analysis: the text pane renders exactly the text the offsets refer to,
/// which may differ from the textarea while an edit is pending.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Doc {
    pub text: Rc<str>,
    pub analysis: Analysis,
    pub analysis_ms: f64,
    pub request_id: u64,
}

/// `Rc<Doc>` compared by pointer: props stay cheap to compare however long the text is.
#[derive(Clone, Debug, Default)]
pub struct DocRef(pub Rc<Doc>);

impl PartialEq for DocRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for DocRef {
    type Target = Doc;
    fn deref(&self) -> &Doc {
        &self.0
    }
}

/// Status shown in the status line (`data-state`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Working,
    Ready,
    Error,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Working => "working",
            Status::Ready => "ready",
            Status::Error => "error",
        }
    }
}

/// Keys the outline tree understands (WAI-ARIA tree pattern).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TreeKey {
    Up,
    Down,
    Left,
    Right,
    Home,
    End,
    Enter,
}

#[derive(Clone, Debug)]
pub struct AppState {
    pub ui: UiLang,
    /// The textarea's content.
    pub input: Rc<str>,
    /// Bumped on every edit; the debounce timer restarts when it changes.
    pub edit_seq: u64,
    /// Id of the newest request sent (or about to be sent) to the worker.
    pub latest_request: u64,
    /// Text of `latest_request` while its result is outstanding.
    pub pending: Option<Rc<str>>,
    pub doc: DocRef,
    pub error: Option<AppError>,
    /// `latest_request` when the error happened: only a later analysis clears it.
    pub error_after: u64,
    /// Collapsed outline nodes, by depth-first index.
    pub collapsed: BTreeSet<usize>,
    pub selection: Option<Selection>,
    /// Bumped whenever the text pane should scroll to the selection.
    pub scroll_seq: u64,
    /// The outline node holding the roving tabindex.
    pub tree_focus: usize,
    /// Bumped when keyboard navigation should move DOM focus to `tree_focus`.
    pub tree_focus_seq: u64,
    /// The outline node of the section shown at the top of the text pane.
    pub reading: Option<usize>,
    /// Id under which the document is kept locally (None: the untouched sample).
    pub doc_id: Option<u64>,
    /// Id the next new document gets.
    pub next_id: u64,
    /// Kept documents, newest first (mirrors local storage; updated after each save).
    pub recent: Rc<Vec<RecentMeta>>,
    /// Bumped when the kept document or its view changed: the App saves (debounced).
    pub save_seq: u64,
    /// Bumped when the person cleared everything kept: the App empties local storage.
    pub clear_seq: u64,
    /// A view (from a link, a file or a kept draft) to apply when the analysis of that
    /// request arrives: node offsets and names only mean something then.
    pub pending_view: Option<(u64, View)>,
    pub panel: Option<Panel>,
    /// The share link's fragment (without `#`), made when Share was pressed.
    pub share: Option<Rc<str>>,
    /// A file is being read and decoded (in the worker).
    pub file_pending: bool,
    /// The document is too big to keep in local storage (its size in UTF-8 bytes).
    pub not_kept: Option<usize>,
    /// The view shown on a phone.
    pub tab: Tab,
    /// The view a jump to the text came from: the back button returns there.
    pub back: Option<Tab>,
    /// Bumped when a jump switched views, or back returned: focus follows (`App`).
    pub view_seq: u64,
    pub theme: Theme,
    pub panes: PaneWidths,
}

/// Texts are compared by pointer: every change makes a new `Rc`, and comparing megabytes on
/// every render (Yew compares states to decide what to re-render) would block the page.
fn same_text(a: &Rc<str>, b: &Rc<str>) -> bool {
    Rc::ptr_eq(a, b)
}

fn same_opt_text(a: &Option<Rc<str>>, b: &Option<Rc<str>>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => Rc::ptr_eq(a, b),
        (None, None) => true,
        _ => false,
    }
}

/// A text as a memo key: equal when it is the same `Rc`.
#[derive(Clone, Debug)]
pub struct TextKey(pub Rc<str>);

impl PartialEq for TextKey {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl PartialEq for AppState {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
            || (self.ui == other.ui
                && same_text(&self.input, &other.input)
                && self.edit_seq == other.edit_seq
                && self.latest_request == other.latest_request
                && same_opt_text(&self.pending, &other.pending)
                && self.doc == other.doc
                && self.error == other.error
                && self.error_after == other.error_after
                && self.collapsed == other.collapsed
                && self.selection == other.selection
                && self.scroll_seq == other.scroll_seq
                && self.tree_focus == other.tree_focus
                && self.tree_focus_seq == other.tree_focus_seq
                && self.reading == other.reading
                && self.doc_id == other.doc_id
                && self.next_id == other.next_id
                && self.recent == other.recent
                && self.save_seq == other.save_seq
                && self.clear_seq == other.clear_seq
                && self.pending_view == other.pending_view
                && self.panel == other.panel
                && same_opt_text(&self.share, &other.share)
                && self.file_pending == other.file_pending
                && self.not_kept == other.not_kept
                && self.tab == other.tab
                && self.back == other.back
                && self.view_seq == other.view_seq
                && self.theme == other.theme
                && self.panes == other.panes)
    }
}

/// Outlines with more nodes than this open collapsed to the deepest level that shows at
/// most this many nodes (at least the top level).
pub const BIG_OUTLINE: usize = 200;

pub enum Action {
    /// A file was handed to the worker to read: working until it answers.
    ReadingFile,
    /// The worker failed or timed out: the pending analysis is abandoned, the text stays.
    WorkerFailed(AppError),
    /// The document was not saved locally: too big (UTF-8 bytes).
    NotKept {
        bytes: usize,
    },
    /// The textarea changed (typing, pasting).
    Edit(String),
    /// The debounce elapsed: analyse the textarea's text.
    Submit,
    /// A file was read and decoded: it replaces the text and is analysed at once.
    LoadText(String),
    /// The same, with the text already shared (the worker link keeps a handle to know it).
    LoadShared(Rc<str>),
    /// A file could not be read; the textarea keeps its text.
    LoadFailed(AppError),
    DismissError,
    /// The worker answered.
    Analyzed(Response),
    /// Click on an entity: first its first mention, then each next one in turn.
    SelectEntity {
        kind: EntityKind,
        index: usize,
    },
    /// Click on a mention in the text: that mention becomes the current one (no scroll:
    /// it is already where the reader looks).
    SelectMention {
        kind: EntityKind,
        index: usize,
        mention: usize,
    },
    /// Click on a formulation: first its first occurrence, then each next one in turn.
    SelectFormulation(usize),
    /// Click on an occurrence of the selected formulation in the text (no scroll).
    SelectFormulationMention {
        index: usize,
        mention: usize,
    },
    /// Click on an outline node (or Enter on it).
    SelectHeading(usize),
    ToggleNode(usize),
    ExpandAll,
    CollapseAll,
    /// Show levels 1..=n of the outline: every node at depth n or deeper is collapsed.
    ShowLevels(u32),
    /// The text pane scrolled into another section (None: above the first heading).
    SetReading(Option<usize>),
    TreeKey(TreeKey),
    /// The tree item that got focus by mouse or Tab.
    FocusNode(usize),
    SetUiLang(UiLang),
    /// A share link or a `.gangmu` file (id None: a new kept document) or a kept document
    /// (its id): replaces the text; its view applies once it is analysed.
    Open {
        shared: Shared,
        id: Option<u64>,
    },
    /// A paste replaced the whole text: the next edit starts a new kept document.
    NewDocument,
    /// Local storage has the document; the kept list as it is now.
    Saved(Vec<RecentMeta>),
    SaveFailed {
        chars: usize,
    },
    /// Forget every kept document and start again from the sample.
    Clear,
    /// Make the share link for the text and view as they are now.
    Share,
    TogglePanel(Panel),
    /// A phone view picked in the tab bar (forgets where back would go).
    SetTab(Tab),
    /// Back to the view the last jump to the text came from.
    Back,
    SetTheme(Theme),
    /// A side pane resized (drag or keys), in CSS px; clamped.
    SetPaneWidth {
        side: Side,
        px: u32,
    },
    /// A cell of the document map: this mention (or heading) becomes current and is shown,
    /// like a click in a list.
    JumpTo(Selection),
}

impl AppState {
    /// Opens on `text`, already requested as request 1 (the App sends it on mount).
    pub fn new(ui: UiLang, text: &str) -> AppState {
        let input: Rc<str> = Rc::from(text);
        AppState {
            ui,
            input: input.clone(),
            edit_seq: 0,
            latest_request: 1,
            pending: Some(input),
            doc: DocRef::default(),
            error: None,
            error_after: 0,
            collapsed: BTreeSet::new(),
            selection: None,
            scroll_seq: 0,
            tree_focus: 0,
            tree_focus_seq: 0,
            reading: None,
            doc_id: None,
            next_id: 1,
            recent: Rc::new(Vec::new()),
            save_seq: 0,
            clear_seq: 0,
            pending_view: None,
            panel: None,
            share: None,
            file_pending: false,
            not_kept: None,
            tab: Tab::default(),
            back: None,
            view_seq: 0,
            theme: Theme::default(),
            panes: PaneWidths::default(),
        }
    }

    /// Opens on the kept draft (with its view) or the sample; then on the link, if there
    /// is one. A broken link leaves the draft in place and says why.
    pub fn start(ui: UiLang, startup: Startup) -> AppState {
        let mut s = match startup.draft {
            Some((id, draft)) => {
                let ui = draft.view.ui.as_deref().map_or(ui, UiLang::from_tag);
                let mut s = AppState::new(ui, &draft.text);
                s.doc_id = Some(id);
                s.pending_view = Some((s.latest_request, draft.view));
                s
            }
            None => AppState::new(ui, crate::SAMPLE_ZH),
        };
        s.theme = startup.theme;
        s.panes = startup.panes;
        let newest = startup.recent.iter().map(|m| m.id).max().unwrap_or(0);
        s.next_id = startup.clock.max(newest + 1).max(s.doc_id.unwrap_or(0) + 1);
        s.recent = Rc::new(startup.recent);
        match startup.link {
            Some(Ok(shared)) => s.open(shared, None),
            Some(Err(e)) => {
                s.error = Some(AppError::Link(e));
                s.error_after = s.latest_request;
            }
            None => {}
        }
        s
    }

    /// The text and view as they travel in a link or a `.gangmu` file.
    pub fn shared(&self) -> Shared {
        Shared::new(self.input.to_string(), self.view())
    }

    /// The view: UI language, collapsed nodes by their start offset, the selected entry by
    /// its name.
    pub fn view(&self) -> View {
        let a = &self.doc.analysis;
        let flat = a.outline_flat();
        let selected = match self.selection {
            Some(Selection::Entity {
                kind: EntityKind::Person,
                index,
                ..
            }) => a
                .people
                .get(index)
                .map(|p| Selected::Person(p.name.clone())),
            Some(Selection::Entity {
                kind: EntityKind::Org,
                index,
                ..
            }) => a
                .organizations
                .get(index)
                .map(|o| Selected::Organization(o.name.clone())),
            Some(Selection::Formulation { index, .. }) => a
                .formulations
                .get(index)
                .map(|f| Selected::Formulation(f.text.clone())),
            _ => None,
        };
        View {
            ui: Some(self.ui.code().to_string()),
            collapsed: self
                .collapsed
                .iter()
                .filter_map(|&i| flat.get(i).map(|n| n.start))
                .collect(),
            selected,
        }
    }

    fn new_id(&mut self) -> u64 {
        let id = self.next_id;
        self.next_id += 1;
        id
    }

    fn open(&mut self, shared: Shared, id: Option<u64>) {
        let id = id.unwrap_or_else(|| self.new_id());
        self.doc_id = Some(id);
        if let Some(ui) = shared.view.ui.as_deref() {
            self.ui = UiLang::from_tag(ui);
        }
        self.input = Rc::from(shared.text);
        self.submit();
        self.pending_view = Some((self.latest_request, shared.view));
        self.share = None;
    }

    /// Applies a view to the analysis that just arrived: offsets and names that are not in
    /// it are skipped.
    fn apply_view(&mut self, view: &View) {
        let a = &self.doc.analysis;
        self.collapsed = a
            .outline_flat()
            .iter()
            .enumerate()
            .filter(|(_, n)| !n.children.is_empty() && view.collapsed.contains(&n.start))
            .map(|(i, _)| i)
            .collect();
        let selection = match &view.selected {
            Some(Selected::Person(name)) => {
                a.people
                    .iter()
                    .position(|p| &p.name == name)
                    .map(|index| Selection::Entity {
                        kind: EntityKind::Person,
                        index,
                        mention: 0,
                    })
            }
            Some(Selected::Organization(name)) => a
                .organizations
                .iter()
                .position(|o| &o.name == name)
                .map(|index| Selection::Entity {
                    kind: EntityKind::Org,
                    index,
                    mention: 0,
                }),
            Some(Selected::Formulation(text)) => a
                .formulations
                .iter()
                .position(|f| &f.text == text)
                .map(|index| Selection::Formulation { index, mention: 0 }),
            None => None,
        };
        if selection.is_some() {
            self.selection = selection;
            self.scroll_seq += 1;
        }
    }

    pub fn status(&self) -> Status {
        if self.error.is_some() {
            Status::Error
        } else if self.pending.is_some() || self.file_pending {
            Status::Working
        } else {
            Status::Ready
        }
    }

    /// The request to send for `latest_request`, if its result is still outstanding.
    pub fn outgoing(&self) -> Option<(u64, Rc<str>)> {
        self.pending.clone().map(|t| (self.latest_request, t))
    }

    /// The selected entity's kind and index, if an entity is selected.
    pub fn selected_entity(&self) -> Option<(EntityKind, usize)> {
        match self.selection {
            Some(Selection::Entity { kind, index, .. }) => Some((kind, index)),
            _ => None,
        }
    }

    /// The selected formulation's index, if a formulation is selected.
    pub fn selected_formulation(&self) -> Option<usize> {
        match self.selection {
            Some(Selection::Formulation { index, .. }) => Some(index),
            _ => None,
        }
    }

    /// Depth of the deepest outline node (0 without an outline).
    pub fn max_depth(&self) -> u32 {
        node_info(&self.doc.analysis.outline)
            .iter()
            .map(|n| n.depth)
            .max()
            .unwrap_or(0)
    }

    /// `Some(n)` when the tree shows exactly levels 1..=n (as `ShowLevels(n)` left it),
    /// `None` for any other mix of open and closed nodes.
    pub fn shown_levels(&self) -> Option<u32> {
        let info = node_info(&self.doc.analysis.outline);
        let max = info.iter().map(|n| n.depth).max()?;
        (1..=max).find(|&l| collapsed_for_level(&info, l) == self.collapsed)
    }

    /// The node that shows the reading position: the reading node, or its nearest ancestor
    /// still visible when a collapsed ancestor hides it.
    pub fn reading_shown(&self) -> Option<usize> {
        let info = node_info(&self.doc.analysis.outline);
        let mut node = self.reading.filter(|&r| r < info.len())?;
        let mut shown = node;
        while let Some(p) = info[node].parent {
            if self.collapsed.contains(&p) {
                shown = p;
            }
            node = p;
        }
        Some(shown)
    }

    /// Whether an outline node shows its children.
    pub fn is_expanded(&self, node: usize) -> bool {
        !self.collapsed.contains(&node)
    }

    /// A big outline opens showing only its upper levels (see [`BIG_OUTLINE`]).
    fn collapse_big_outline(&mut self) {
        let info = node_info(&self.doc.analysis.outline);
        if info.len() <= BIG_OUTLINE {
            return;
        }
        let max = info.iter().map(|n| n.depth).max().unwrap_or(1);
        let level = (1..=max)
            .take_while(|&l| info.iter().filter(|n| n.depth <= l).count() <= BIG_OUTLINE)
            .last()
            .unwrap_or(1);
        self.collapsed = collapsed_for_level(&info, level);
    }

    /// Depth-first indices of the nodes the tree shows (every ancestor expanded).
    pub fn visible_node_indices(&self) -> Vec<usize> {
        self.visible_nodes().into_iter().map(|v| v.0).collect()
    }

    fn submit(&mut self) {
        self.latest_request += 1;
        self.pending = Some(self.input.clone());
    }

    fn formulation_count(&self, index: usize) -> Option<usize> {
        self.doc
            .analysis
            .formulations
            .get(index)
            .map(|f| f.mentions.len())
    }

    fn mention_count(&self, kind: EntityKind, index: usize) -> Option<usize> {
        let a = &self.doc.analysis;
        match kind {
            EntityKind::Person => a.people.get(index).map(|p| p.mentions.len()),
            EntityKind::Org => a.organizations.get(index).map(|o| o.mentions.len()),
        }
    }

    /// Nodes visible in the tree (ancestors all expanded), depth-first: (index, node, parent).
    fn visible_nodes(&self) -> Vec<(usize, Option<usize>, bool)> {
        fn walk(
            nodes: &[OutlineNode],
            parent: Option<usize>,
            next: &mut usize,
            collapsed: &BTreeSet<usize>,
            shown: bool,
            out: &mut Vec<(usize, Option<usize>, bool)>,
        ) {
            for n in nodes {
                let i = *next;
                *next += 1;
                if shown {
                    out.push((i, parent, !n.children.is_empty()));
                }
                let open = shown && !collapsed.contains(&i);
                walk(&n.children, Some(i), next, collapsed, open, out);
            }
        }
        let mut out = Vec::new();
        let mut next = 0;
        walk(
            &self.doc.analysis.outline,
            None,
            &mut next,
            &self.collapsed,
            true,
            &mut out,
        );
        out
    }

    fn tree_key(&mut self, key: TreeKey) {
        let visible = self.visible_nodes();
        if visible.is_empty() {
            return;
        }
        let pos = visible
            .iter()
            .position(|v| v.0 == self.tree_focus)
            .unwrap_or(0);
        let (node, parent, has_children) = visible[pos];
        let mut focus = node;
        match key {
            TreeKey::Up => focus = visible[pos.saturating_sub(1)].0,
            TreeKey::Down => focus = visible[(pos + 1).min(visible.len() - 1)].0,
            TreeKey::Home => focus = visible[0].0,
            TreeKey::End => focus = visible[visible.len() - 1].0,
            TreeKey::Right if has_children => {
                if self.collapsed.remove(&node) {
                    // Expanded: focus stays, as the tree pattern asks.
                } else {
                    focus = node + 1; // first child in depth-first order
                }
            }
            TreeKey::Left => {
                if has_children && !self.collapsed.contains(&node) {
                    self.collapsed.insert(node);
                } else if let Some(p) = parent {
                    focus = p;
                }
            }
            TreeKey::Enter => self.select_heading(node),
            TreeKey::Right => {}
        }
        self.tree_focus = focus;
        self.tree_focus_seq += 1;
    }

    fn select_heading(&mut self, node: usize) {
        self.selection = Some(Selection::Heading(node));
        self.tree_focus = node;
        self.scroll_seq += 1;
        self.show_text();
    }

    /// A jump from the outline, a list or the map: on a phone the text view comes up, and
    /// back returns to where the jump came from (repeated jumps from the text keep it).
    fn show_text(&mut self) {
        if self.tab != Tab::Text {
            self.back = Some(self.tab);
            self.tab = Tab::Text;
            self.view_seq += 1;
        }
    }

    /// Whether `sel` points at something in the current analysis.
    fn valid(&self, sel: Selection) -> bool {
        let a = &self.doc.analysis;
        match sel {
            Selection::Heading(n) => n < a.outline_flat().len(),
            Selection::Entity {
                kind,
                index,
                mention,
            } => self.mention_count(kind, index).is_some_and(|c| mention < c),
            Selection::Formulation { index, mention } => a
                .formulations
                .get(index)
                .is_some_and(|f| mention < f.mentions.len()),
        }
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        // A stale worker result changes nothing: keep the same Rc so nothing re-renders.
        if let Action::Analyzed(r) = &action {
            if r.request_id != self.latest_request || self.pending.is_none() {
                return self;
            }
        }
        let mut s = (*self).clone();
        let saved = matches!(action, Action::Saved(_) | Action::NotKept { .. });
        if matches!(
            action,
            Action::LoadText(_)
                | Action::LoadShared(_)
                | Action::Open { .. }
                | Action::LoadFailed(_)
        ) {
            s.file_pending = false;
        }
        match action {
            Action::ReadingFile => s.file_pending = true,
            Action::WorkerFailed(e) => {
                s.pending = None;
                s.file_pending = false;
                s.pending_view = None;
                s.error = Some(e);
                s.error_after = s.latest_request;
            }
            Action::NotKept { bytes } => {
                if s.not_kept == Some(bytes) {
                    return self;
                }
                s.not_kept = Some(bytes);
            }
            Action::Edit(text) => {
                s.input = Rc::from(text);
                s.edit_seq += 1;
                if s.doc_id.is_none() {
                    s.doc_id = Some(s.new_id());
                }
                s.share = None;
            }
            Action::Submit => s.submit(),
            Action::LoadText(_) | Action::LoadShared(_) => {
                s.input = match action {
                    Action::LoadText(text) => Rc::from(text),
                    Action::LoadShared(text) => text,
                    _ => unreachable!(),
                };
                s.submit();
                s.doc_id = Some(s.new_id());
                s.pending_view = None;
                s.share = None;
            }
            Action::Open { shared, id } => s.open(shared, id),
            Action::NewDocument => {
                if s.doc_id.is_none() {
                    return self;
                }
                s.doc_id = None;
            }
            Action::Saved(list) => {
                s.recent = Rc::new(list);
                s.not_kept = None;
                if matches!(s.error, Some(AppError::Storage { .. })) {
                    s.error = None;
                }
            }
            Action::SaveFailed { chars } => {
                s.error = Some(AppError::Storage { chars });
                s.error_after = s.latest_request;
            }
            Action::Clear => {
                s.recent = Rc::new(Vec::new());
                s.doc_id = None;
                s.input = Rc::from(crate::SAMPLE_ZH);
                s.submit();
                s.pending_view = None;
                s.share = None;
                s.panel = None;
                s.clear_seq += 1;
            }
            Action::Share => {
                s.share = Some(Rc::from(s.shared().to_fragment()));
                s.panel = Some(Panel::Share);
            }
            Action::TogglePanel(p) => {
                s.panel = if s.panel == Some(p) { None } else { Some(p) };
            }
            Action::LoadFailed(e) => {
                s.error = Some(e);
                s.error_after = s.latest_request;
            }
            Action::DismissError => s.error = None,
            Action::Analyzed(r) => {
                let text = s.pending.take().unwrap_or_default();
                s.doc = DocRef(Rc::new(Doc {
                    text,
                    analysis: r.analysis,
                    analysis_ms: r.analysis_ms,
                    request_id: r.request_id,
                }));
                // Offsets and node indices of the old analysis mean nothing for the new one.
                s.selection = None;
                s.back = None;
                s.collapsed.clear();
                s.tree_focus = 0;
                s.reading = None;
                if r.request_id > s.error_after {
                    s.error = None;
                }
                let view = s.pending_view.take().filter(|(q, _)| *q == r.request_id);
                match view {
                    Some((_, view)) => s.apply_view(&view),
                    None => s.collapse_big_outline(),
                }
            }
            Action::SelectEntity { kind, index } => {
                let Some(count) = s.mention_count(kind, index) else {
                    return self;
                };
                let mention = match s.selection {
                    Some(Selection::Entity {
                        kind: k,
                        index: i,
                        mention,
                    }) if k == kind && i == index && count > 0 => (mention + 1) % count,
                    _ => 0,
                };
                s.selection = Some(Selection::Entity {
                    kind,
                    index,
                    mention,
                });
                s.scroll_seq += 1;
                s.show_text();
            }
            Action::SelectMention {
                kind,
                index,
                mention,
            } => {
                if s.mention_count(kind, index).is_none_or(|c| mention >= c) {
                    return self;
                }
                s.selection = Some(Selection::Entity {
                    kind,
                    index,
                    mention,
                });
            }
            Action::SelectFormulation(index) => {
                let Some(count) = s.formulation_count(index) else {
                    return self;
                };
                let mention = match s.selection {
                    Some(Selection::Formulation { index: i, mention })
                        if i == index && count > 0 =>
                    {
                        (mention + 1) % count
                    }
                    _ => 0,
                };
                s.selection = Some(Selection::Formulation { index, mention });
                s.scroll_seq += 1;
                s.show_text();
            }
            Action::SelectFormulationMention { index, mention } => {
                if s.formulation_count(index).is_none_or(|c| mention >= c) {
                    return self;
                }
                s.selection = Some(Selection::Formulation { index, mention });
            }
            Action::SelectHeading(node) => {
                if node >= s.doc.analysis.outline_flat().len() {
                    return self;
                }
                s.select_heading(node);
            }
            Action::ToggleNode(node) => {
                if !s.collapsed.remove(&node) {
                    s.collapsed.insert(node);
                }
            }
            Action::ExpandAll => s.collapsed.clear(),
            Action::CollapseAll => {
                s.collapsed = s
                    .doc
                    .analysis
                    .outline_flat()
                    .iter()
                    .enumerate()
                    .filter(|(_, n)| !n.children.is_empty())
                    .map(|(i, _)| i)
                    .collect();
                // Focus must stay on a visible node: climb to the top-level ancestor.
                let tops = top_level_indices(&s.doc.analysis.outline);
                s.tree_focus = tops
                    .iter()
                    .copied()
                    .take_while(|&t| t <= s.tree_focus)
                    .last()
                    .unwrap_or(0);
            }
            Action::ShowLevels(level) => {
                let info = node_info(&s.doc.analysis.outline);
                if level == 0 || info.is_empty() {
                    return self;
                }
                s.collapsed = collapsed_for_level(&info, level);
                // Focus must stay on a visible node: climb to the ancestor at that level.
                let mut f = s.tree_focus.min(info.len() - 1);
                while info[f].depth > level {
                    f = info[f].parent.unwrap_or(0);
                }
                s.tree_focus = f;
            }
            Action::SetReading(node) => {
                let node = node.filter(|&n| n < s.doc.analysis.outline_flat().len());
                if s.reading == node {
                    return self;
                }
                s.reading = node;
            }
            Action::TreeKey(k) => s.tree_key(k),
            Action::FocusNode(n) => {
                if s.tree_focus == n {
                    return self;
                }
                s.tree_focus = n;
            }
            Action::SetUiLang(l) => {
                if s.ui == l {
                    return self;
                }
                s.ui = l;
            }
            Action::SetTab(tab) => {
                if s.tab == tab && s.back.is_none() {
                    return self;
                }
                s.tab = tab;
                s.back = None;
            }
            Action::Back => {
                let Some(tab) = s.back.take() else {
                    return self;
                };
                s.tab = tab;
                s.view_seq += 1;
            }
            Action::SetTheme(theme) => {
                if s.theme == theme {
                    return self;
                }
                s.theme = theme;
            }
            Action::SetPaneWidth { side, px } => {
                let px = px.clamp(PaneWidths::MIN, PaneWidths::MAX);
                if s.panes.get(side) == px {
                    return self;
                }
                match side {
                    Side::Outline => s.panes.outline = px,
                    Side::Entities => s.panes.entities = px,
                }
            }
            Action::JumpTo(sel) => {
                if !s.valid(sel) {
                    return self;
                }
                if let Selection::Heading(n) = sel {
                    s.tree_focus = n;
                }
                s.selection = Some(sel);
                s.scroll_seq += 1;
                s.show_text();
            }
        }
        // Anything that changes what is kept (the text, the view, which document) is saved.
        let changed = !Rc::ptr_eq(&self.input, &s.input)
            || self.collapsed != s.collapsed
            || self.selection != s.selection
            || self.ui != s.ui
            || self.doc_id != s.doc_id;
        if changed && !saved && s.doc_id.is_some() {
            s.save_seq += 1;
        }
        Rc::new(s)
    }
}

/// Where a node sits in the tree, by depth-first index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct NodeInfo {
    /// 1 for top-level nodes.
    depth: u32,
    parent: Option<usize>,
    has_children: bool,
}

fn node_info(nodes: &[OutlineNode]) -> Vec<NodeInfo> {
    fn walk(nodes: &[OutlineNode], depth: u32, parent: Option<usize>, out: &mut Vec<NodeInfo>) {
        for n in nodes {
            let i = out.len();
            out.push(NodeInfo {
                depth,
                parent,
                has_children: !n.children.is_empty(),
            });
            walk(&n.children, depth + 1, Some(i), out);
        }
    }
    let mut out = Vec::new();
    walk(nodes, 1, None, &mut out);
    out
}

/// The collapsed set that shows levels 1..=level and nothing deeper.
fn collapsed_for_level(info: &[NodeInfo], level: u32) -> BTreeSet<usize> {
    info.iter()
        .enumerate()
        .filter(|(_, n)| n.has_children && n.depth >= level)
        .map(|(i, _)| i)
        .collect()
}

/// Depth-first indices of the top-level nodes.
fn top_level_indices(nodes: &[OutlineNode]) -> Vec<usize> {
    fn count(n: &OutlineNode) -> usize {
        1 + n.children.iter().map(count).sum::<usize>()
    }
    let mut out = Vec::with_capacity(nodes.len());
    let mut i = 0;
    for n in nodes {
        out.push(i);
        i += count(n);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// An outline node as JSON (built through serde so new defaulted fields in the core
    /// do not break these tests).
    fn node(title: &str, start: usize, children: Vec<serde_json::Value>) -> serde_json::Value {
        json!({
            "title": title, "level": 1, "start": start,
            "end": start + title.chars().count(), "children": children
        })
    }

    /// An analysis shaped like a meeting report: two markers, one with enumerated children.
    fn sample_analysis(chars: usize) -> Analysis {
        serde_json::from_value(json!({
            "language": "zh",
            "chars": chars,
            "outline": [
                node("会议指出", 0, vec![node("一是", 5, vec![]), node("二是", 20, vec![])]),
                node("会议强调", 40, vec![node("三是", 45, vec![])]),
            ],
            "people": [{
                "name": "周明远",
                "titles": ["市委副书记", "政法委书记"],
                "mentions": [{"start": 10, "end": 13}, {"start": 25, "end": 28}, {"start": 50, "end": 53}]
            }],
            "organizations": [{
                "name": "临江市中级人民法院",
                "aliases": ["临江中院"],
                "mentions": [{"start": 30, "end": 39}]
            }],
            "formulations": [
                {"text": "抓落实", "kind": "quoted", "count": 2,
                 "mentions": [{"start": 6, "end": 9}, {"start": 41, "end": 44}]},
                {"text": "两个确立", "kind": "numbered", "count": 1,
                 "mentions": [{"start": 21, "end": 25}]}
            ]
        }))
        .expect("test analysis matches the core's schema")
    }

    fn answer(state: &Rc<AppState>, request_id: u64, analysis: Analysis) -> Rc<AppState> {
        state.clone().reduce(Action::Analyzed(Response {
            request_id,
            analysis,
            analysis_ms: 3.0,
        }))
    }

    fn loaded() -> Rc<AppState> {
        let s = Rc::new(AppState::new(UiLang::Zh, "示例报告"));
        answer(&s, 1, sample_analysis(60))
    }

    #[test]
    fn opens_working_on_the_sample_then_ready() {
        let s = Rc::new(AppState::new(UiLang::Zh, "示例报告"));
        assert_eq!(s.status(), Status::Working);
        assert_eq!(s.outgoing(), Some((1, Rc::from("示例报告"))));
        let s = answer(&s, 1, sample_analysis(60));
        assert_eq!(s.status(), Status::Ready);
        assert_eq!(s.outgoing(), None);
        assert_eq!(&*s.doc.text, "示例报告");
        assert_eq!(s.doc.analysis.chars, 60);
        assert_eq!(s.doc.analysis_ms, 3.0);
    }

    #[test]
    fn new_analysis_replaces_old_and_resets_view_state() {
        let s = loaded();
        let s = s.reduce(Action::SelectEntity {
            kind: EntityKind::Person,
            index: 0,
        });
        let s = s.reduce(Action::ToggleNode(0));
        let s = s.reduce(Action::Edit("新的文本".into()));
        // Editing alone does not send; the debounce's Submit does.
        assert_eq!(s.status(), Status::Ready);
        assert_eq!(&*s.doc.text, "示例报告");
        let s = s.reduce(Action::Submit);
        assert_eq!(s.status(), Status::Working);
        assert_eq!(s.outgoing(), Some((2, Rc::from("新的文本"))));
        let s = answer(&s, 2, Analysis::default());
        assert_eq!(&*s.doc.text, "新的文本");
        assert!(s.doc.analysis.people.is_empty());
        assert_eq!(s.selection, None);
        assert!(s.collapsed.is_empty());
        assert_eq!(s.status(), Status::Ready);
    }

    #[test]
    fn stale_result_with_older_request_id_is_ignored() {
        let s = loaded();
        let s = s
            .reduce(Action::Edit("第二稿".into()))
            .reduce(Action::Submit);
        let s = s
            .reduce(Action::Edit("第三稿".into()))
            .reduce(Action::Submit);
        assert_eq!(s.latest_request, 3);
        let before = s.clone();
        let s = answer(&s, 2, Analysis::default());
        assert!(
            Rc::ptr_eq(&s, &before),
            "stale result must not change state"
        );
        assert_eq!(s.status(), Status::Working);
        assert_eq!(&*s.doc.text, "示例报告");
        let s = answer(&s, 3, sample_analysis(3));
        assert_eq!(&*s.doc.text, "第三稿");
        // A duplicate answer for the same request after it was applied is ignored too.
        let again = answer(&s, 3, Analysis::default());
        assert!(Rc::ptr_eq(&again, &s));
    }

    #[test]
    fn selecting_an_entity_steps_through_its_mentions() {
        let s = loaded();
        let pick = |s: Rc<AppState>| {
            s.reduce(Action::SelectEntity {
                kind: EntityKind::Person,
                index: 0,
            })
        };
        let s = pick(s);
        assert_eq!(
            s.selection,
            Some(Selection::Entity {
                kind: EntityKind::Person,
                index: 0,
                mention: 0
            })
        );
        let seq = s.scroll_seq;
        let s = pick(pick(s));
        assert!(matches!(
            s.selection,
            Some(Selection::Entity { mention: 2, .. })
        ));
        let s = pick(s);
        assert!(
            matches!(s.selection, Some(Selection::Entity { mention: 0, .. })),
            "wraps around"
        );
        assert_eq!(s.scroll_seq, seq + 3);
        // Another entity starts at its first mention.
        let s = s.reduce(Action::SelectEntity {
            kind: EntityKind::Org,
            index: 0,
        });
        assert_eq!(s.selected_entity(), Some((EntityKind::Org, 0)));
        assert!(matches!(
            s.selection,
            Some(Selection::Entity { mention: 0, .. })
        ));
        // Out of range does nothing.
        let before = s.clone();
        let s = s.reduce(Action::SelectEntity {
            kind: EntityKind::Org,
            index: 9,
        });
        assert!(Rc::ptr_eq(&s, &before));
    }

    #[test]
    fn clicking_a_mention_makes_it_current_and_next_click_on_entity_steps_on() {
        let s = loaded().reduce(Action::SelectMention {
            kind: EntityKind::Person,
            index: 0,
            mention: 1,
        });
        assert!(matches!(
            s.selection,
            Some(Selection::Entity { mention: 1, .. })
        ));
        assert_eq!(s.scroll_seq, 0);
        let s = s.reduce(Action::SelectEntity {
            kind: EntityKind::Person,
            index: 0,
        });
        assert!(matches!(
            s.selection,
            Some(Selection::Entity { mention: 2, .. })
        ));
        let before = s.clone();
        let s = s.reduce(Action::SelectMention {
            kind: EntityKind::Person,
            index: 0,
            mention: 3,
        });
        assert!(Rc::ptr_eq(&s, &before), "out of range mention is ignored");
    }

    #[test]
    fn toggling_and_expand_collapse_all() {
        let s = loaded();
        assert!(s.is_expanded(0) && s.is_expanded(3));
        let s = s.reduce(Action::ToggleNode(0));
        assert!(!s.is_expanded(0));
        let s = s.reduce(Action::ToggleNode(0));
        assert!(s.is_expanded(0));
        let s = s.reduce(Action::CollapseAll);
        // Only nodes with children collapse: 会议指出 (0) and 会议强调 (3).
        assert_eq!(s.collapsed.iter().copied().collect::<Vec<_>>(), vec![0, 3]);
        let s = s.reduce(Action::ExpandAll);
        assert!(s.collapsed.is_empty());
    }

    #[test]
    fn heading_selection_scrolls_and_moves_tree_focus() {
        let s = loaded();
        let s = s.reduce(Action::SelectHeading(2));
        assert_eq!(s.selection, Some(Selection::Heading(2)));
        assert_eq!(s.tree_focus, 2);
        assert_eq!(s.scroll_seq, 1);
        let before = s.clone();
        assert!(Rc::ptr_eq(&s.reduce(Action::SelectHeading(99)), &before));
    }

    #[test]
    fn keyboard_navigation_in_the_tree() {
        let s = loaded();
        let s = s.reduce(Action::TreeKey(TreeKey::Down));
        assert_eq!(s.tree_focus, 1);
        let s = s.reduce(Action::TreeKey(TreeKey::Left)); // leaf: go to parent
        assert_eq!(s.tree_focus, 0);
        let s = s.reduce(Action::TreeKey(TreeKey::Left)); // open parent: collapse
        assert!(!s.is_expanded(0));
        let s = s.reduce(Action::TreeKey(TreeKey::Down)); // children hidden: skip to 会议强调
        assert_eq!(s.tree_focus, 3);
        let s = s.reduce(Action::TreeKey(TreeKey::Up));
        assert_eq!(s.tree_focus, 0);
        let s = s.reduce(Action::TreeKey(TreeKey::Right)); // expand
        assert!(s.is_expanded(0));
        assert_eq!(s.tree_focus, 0);
        let s = s.reduce(Action::TreeKey(TreeKey::Right)); // into first child
        assert_eq!(s.tree_focus, 1);
        let s = s.reduce(Action::TreeKey(TreeKey::End));
        assert_eq!(s.tree_focus, 4);
        let s = s.reduce(Action::TreeKey(TreeKey::Enter));
        assert_eq!(s.selection, Some(Selection::Heading(4)));
        let s = s.reduce(Action::TreeKey(TreeKey::Home));
        assert_eq!(s.tree_focus, 0);
    }

    #[test]
    fn collapse_all_keeps_focus_on_a_visible_node() {
        let s = loaded().reduce(Action::FocusNode(4));
        let s = s.reduce(Action::CollapseAll);
        assert_eq!(s.tree_focus, 3);
    }

    #[test]
    fn decode_error_keeps_text_and_is_cleared_by_a_later_analysis_only() {
        let s = Rc::new(AppState::new(UiLang::Zh, "示例报告"));
        // The error arrives while the sample is still being analysed.
        let s = s.reduce(Action::LoadFailed(AppError::Binary));
        assert_eq!(s.status(), Status::Error);
        assert_eq!(&*s.input, "示例报告");
        // The sample's result (sent before the error) does not hide the error.
        let s = answer(&s, 1, sample_analysis(60));
        assert_eq!(s.error, Some(AppError::Binary));
        assert_eq!(s.status(), Status::Error);
        // The next successful analysis does.
        let s = s.reduce(Action::LoadText("好的文本".into()));
        assert_eq!(&*s.input, "好的文本");
        let s = answer(&s, 2, Analysis::default());
        assert_eq!(s.error, None);
        assert_eq!(s.status(), Status::Ready);
    }

    #[test]
    fn errors_are_dismissible() {
        let s = loaded().reduce(Action::LoadFailed(AppError::TooLarge { bytes: 1 << 27 }));
        assert_eq!(s.status(), Status::Error);
        let s = s.reduce(Action::DismissError);
        assert_eq!(s.error, None);
        assert_eq!(s.status(), Status::Ready);
    }

    #[test]
    fn language_switch_goes_through_the_reducer() {
        let s = loaded();
        let s = s.reduce(Action::SetUiLang(UiLang::En));
        assert_eq!(s.ui, UiLang::En);
        // The analysis is untouched by the UI language.
        assert_eq!(s.doc.analysis.people.len(), 1);
        let before = s.clone();
        assert!(Rc::ptr_eq(
            &s.reduce(Action::SetUiLang(UiLang::En)),
            &before
        ));
        let s = before.reduce(Action::SetUiLang(UiLang::Zh));
        assert_eq!(s.ui, UiLang::Zh);
    }

    #[test]
    fn selecting_a_formulation_steps_through_its_occurrences() {
        let s = loaded().reduce(Action::SelectFormulation(0));
        assert_eq!(
            s.selection,
            Some(Selection::Formulation {
                index: 0,
                mention: 0
            })
        );
        assert_eq!(s.selected_formulation(), Some(0));
        assert_eq!(s.selected_entity(), None);
        assert_eq!(s.scroll_seq, 1);
        let s = s.reduce(Action::SelectFormulation(0));
        assert_eq!(
            s.selection,
            Some(Selection::Formulation {
                index: 0,
                mention: 1
            })
        );
        let s = s.reduce(Action::SelectFormulation(0));
        assert!(
            matches!(s.selection, Some(Selection::Formulation { mention: 0, .. })),
            "wraps around"
        );
        assert_eq!(s.scroll_seq, 3);
        // Another formulation starts at its first occurrence.
        let s = s.reduce(Action::SelectFormulation(1));
        assert_eq!(
            s.selection,
            Some(Selection::Formulation {
                index: 1,
                mention: 0
            })
        );
        // Out of range does nothing.
        let before = s.clone();
        assert!(Rc::ptr_eq(&s.reduce(Action::SelectFormulation(2)), &before));
        // A click on an occurrence in the text makes it current without scrolling.
        let s = before.reduce(Action::SelectFormulationMention {
            index: 0,
            mention: 1,
        });
        assert_eq!(
            s.selection,
            Some(Selection::Formulation {
                index: 0,
                mention: 1
            })
        );
        assert_eq!(s.scroll_seq, 4);
        let again = s.clone();
        assert!(Rc::ptr_eq(
            &s.reduce(Action::SelectFormulationMention {
                index: 0,
                mention: 2
            }),
            &again
        ));
    }

    #[test]
    fn entity_and_formulation_selections_exclude_each_other() {
        let s = loaded().reduce(Action::SelectFormulation(0));
        let s = s.reduce(Action::SelectEntity {
            kind: EntityKind::Person,
            index: 0,
        });
        assert_eq!(s.selected_formulation(), None);
        assert_eq!(s.selected_entity(), Some((EntityKind::Person, 0)));
        let s = s.reduce(Action::SelectFormulation(0));
        assert_eq!(s.selected_entity(), None);
        assert_eq!(s.selected_formulation(), Some(0));
        // Coming back to a formulation after an entity starts again at its first occurrence.
        assert!(matches!(
            s.selection,
            Some(Selection::Formulation { mention: 0, .. })
        ));
        let s = s.reduce(Action::SelectMention {
            kind: EntityKind::Org,
            index: 0,
            mention: 0,
        });
        assert_eq!(s.selected_formulation(), None);
        // A new analysis clears a formulation selection like any other.
        let s = s.reduce(Action::SelectFormulation(1));
        let s = s.reduce(Action::LoadText("新的文本".into()));
        let s = answer(&s, 2, sample_analysis(60));
        assert_eq!(s.selection, None);
    }

    /// Three levels: 0 第一部分 { 1 （一） { 2 1. , 3 2. }, 4 （二） }, 5 第二部分 { 6 （一） }.
    fn deep_analysis() -> Analysis {
        serde_json::from_value(json!({
            "language": "zh",
            "outline": [
                node("第一部分", 0, vec![
                    node("（一）", 10, vec![node("1.", 20, vec![]), node("2.", 30, vec![])]),
                    node("（二）", 40, vec![]),
                ]),
                node("第二部分", 50, vec![node("（一）", 60, vec![])]),
            ],
            "people": [],
            "organizations": []
        }))
        .expect("test analysis matches the core's schema")
    }

    #[test]
    fn show_levels_collapses_to_a_depth() {
        let s = Rc::new(AppState::new(UiLang::Zh, "x"));
        let s = answer(&s, 1, deep_analysis());
        assert_eq!(s.max_depth(), 3);
        // Everything open is "levels 1..=3".
        assert_eq!(s.shown_levels(), Some(3));
        let s = s.reduce(Action::FocusNode(3));
        let s = s.reduce(Action::ShowLevels(1));
        // Deeper parents close too, so opening a level-1 node by hand shows one level more.
        assert_eq!(
            s.collapsed.iter().copied().collect::<Vec<_>>(),
            vec![0, 1, 5]
        );
        assert_eq!(s.shown_levels(), Some(1));
        assert_eq!(s.tree_focus, 0, "focus climbs to the visible ancestor");
        let s = s.reduce(Action::FocusNode(3)).reduce(Action::ShowLevels(2));
        // Level-2 nodes with children stay closed; level-1 nodes open.
        assert_eq!(s.collapsed.iter().copied().collect::<Vec<_>>(), vec![1]);
        assert_eq!(s.shown_levels(), Some(2));
        assert_eq!(s.tree_focus, 1);
        assert!(s.is_expanded(0) && s.is_expanded(5) && !s.is_expanded(1));
        let s = s.reduce(Action::ShowLevels(3));
        assert!(s.collapsed.is_empty());
        // A single toggle leaves the "levels" state.
        let s = s.reduce(Action::ToggleNode(5));
        assert_eq!(s.shown_levels(), None);
        // CollapseAll is the same as levels 1..=1.
        let s = s.reduce(Action::CollapseAll);
        assert_eq!(s.shown_levels(), Some(1));
        // Level 0 or an empty outline changes nothing.
        let before = s.clone();
        assert!(Rc::ptr_eq(&s.reduce(Action::ShowLevels(0)), &before));
        let empty = answer(
            &Rc::new(AppState::new(UiLang::Zh, "x")),
            1,
            Analysis::default(),
        );
        assert_eq!(empty.max_depth(), 0);
        assert_eq!(empty.shown_levels(), None);
        assert!(Rc::ptr_eq(
            &empty.clone().reduce(Action::ShowLevels(1)),
            &empty
        ));
    }

    #[test]
    fn reading_position_updates_only_when_it_changes() {
        let s = Rc::new(AppState::new(UiLang::Zh, "x"));
        let s = answer(&s, 1, deep_analysis());
        assert_eq!(s.reading, None);
        let s = s.reduce(Action::SetReading(Some(2)));
        assert_eq!(s.reading, Some(2));
        assert_eq!(s.reading_shown(), Some(2));
        // Same position: same state, so nothing re-renders on every scroll frame.
        let before = s.clone();
        assert!(Rc::ptr_eq(
            &s.clone().reduce(Action::SetReading(Some(2))),
            &before
        ));
        // A collapsed ancestor shows the position instead (the outermost collapsed one).
        let s = s.reduce(Action::ShowLevels(2));
        assert_eq!(s.reading_shown(), Some(1));
        let s = s.reduce(Action::ShowLevels(1));
        assert_eq!(s.reading_shown(), Some(0));
        // Scrolling does not touch selection or scrolling state.
        let s = s.reduce(Action::SetReading(Some(6)));
        assert_eq!(s.reading, Some(6));
        assert_eq!(s.scroll_seq, 0);
        assert_eq!(s.selection, None);
        // Above the first heading; out of range counts as none.
        let s = s.reduce(Action::SetReading(None));
        assert_eq!(s.reading, None);
        let s = s.reduce(Action::SetReading(Some(7)));
        assert_eq!(s.reading, None);
        // A new analysis forgets the position.
        let s = s.reduce(Action::SetReading(Some(3)));
        let s = s.reduce(Action::LoadText("y".into()));
        let s = answer(&s, 2, deep_analysis());
        assert_eq!(s.reading, None);
    }
    // ---- share links, kept drafts, the recent list ----

    fn shared_doc() -> Shared {
        Shared::new(
            "共享的报告".into(),
            View {
                ui: Some("en".into()),
                // 会议指出 (start 0) collapsed; 40 is 会议强调, left open; 99 is nowhere.
                collapsed: vec![0, 99],
                selected: Some(Selected::Organization("临江市中级人民法院".into())),
            },
        )
    }

    fn meta(id: u64) -> RecentMeta {
        RecentMeta {
            id,
            title: format!("文档{id}"),
            saved: 0.0,
            chars: 5,
        }
    }

    #[test]
    fn a_valid_link_replaces_the_document_and_applies_its_view_once_analysed() {
        let startup = Startup {
            draft: Some((7, Shared::new("我的草稿".into(), View::default()))),
            recent: vec![meta(7)],
            link: Some(Ok(shared_doc())),
            clock: 100,
            ..Startup::default()
        };
        let s = Rc::new(AppState::start(UiLang::Zh, startup));
        assert_eq!(&*s.input, "共享的报告");
        assert_eq!(s.ui, UiLang::En, "the link's UI language applies at once");
        assert_eq!(s.error, None);
        // A new kept document; the draft stays in the list under its own id.
        assert_eq!(s.doc_id, Some(100));
        assert_eq!(s.recent.len(), 1);
        // Only the link's text is sent to the worker.
        let (request, text) = s.outgoing().unwrap();
        assert_eq!(&*text, "共享的报告");
        // The view waits for the analysis: node offsets and names mean nothing before.
        assert!(s.collapsed.is_empty() && s.selection.is_none());
        let s = answer(&s, request, sample_analysis(60));
        assert_eq!(s.collapsed.iter().copied().collect::<Vec<_>>(), vec![0]);
        assert_eq!(s.selected_entity(), Some((EntityKind::Org, 0)));
        assert_eq!(s.scroll_seq, 1, "the shared selection is brought into view");
        // And it travels back out the same.
        let view = s.view();
        assert_eq!(view.collapsed, vec![0]);
        assert_eq!(
            view.selected,
            Some(Selected::Organization("临江市中级人民法院".into()))
        );
        assert_eq!(view.ui.as_deref(), Some("en"));
        assert!(s.save_seq > 0, "the opened document is kept");
    }

    #[test]
    fn a_broken_link_keeps_the_draft_and_says_why() {
        for err in [
            ShareError::Corrupt("does not decompress"),
            ShareError::FutureVersion(3),
            ShareError::NotALink,
        ] {
            let startup = Startup {
                draft: Some((7, Shared::new("我的草稿".into(), View::default()))),
                recent: vec![meta(7)],
                link: Some(Err(err.clone())),
                clock: 100,
                ..Startup::default()
            };
            let s = Rc::new(AppState::start(UiLang::Zh, startup));
            assert_eq!(&*s.input, "我的草稿");
            assert_eq!(s.doc_id, Some(7));
            assert_eq!(s.error, Some(AppError::Link(err)));
            assert_eq!(s.save_seq, 0, "nothing is written over the draft");
            // The draft's own analysis does not hide the message.
            let s = answer(&s, 1, sample_analysis(60));
            assert_eq!(s.status(), Status::Error);
            assert_eq!(&*s.doc.text, "我的草稿");
        }
    }

    #[test]
    fn the_draft_is_restored_with_its_view_and_the_sample_only_without_one() {
        let draft = Shared::new(
            "我的草稿".into(),
            View {
                ui: Some("en".into()),
                collapsed: vec![40],
                selected: Some(Selected::Formulation("两个确立".into())),
            },
        );
        let s = Rc::new(AppState::start(
            UiLang::Zh,
            Startup {
                draft: Some((7, draft)),
                recent: vec![meta(7), meta(3)],
                link: None,
                clock: 5,
                ..Startup::default()
            },
        ));
        assert_eq!(&*s.input, "我的草稿");
        assert_eq!((s.doc_id, s.ui), (Some(7), UiLang::En));
        assert!(s.next_id > 7, "new ids never collide with kept ones");
        let s = answer(&s, 1, sample_analysis(60));
        assert_eq!(s.collapsed.iter().copied().collect::<Vec<_>>(), vec![3]);
        assert_eq!(s.selected_formulation(), Some(1));
        // No draft: the sample, not kept until edited.
        let s = Rc::new(AppState::start(UiLang::Zh, Startup::default()));
        assert_eq!(&*s.input, crate::SAMPLE_ZH);
        assert_eq!(s.doc_id, None);
        let s = answer(&s, 1, sample_analysis(60)).reduce(Action::ToggleNode(0));
        assert_eq!(s.save_seq, 0, "browsing the sample keeps nothing");
        let s = s.reduce(Action::Edit("新文本".into()));
        assert!(s.doc_id.is_some() && s.save_seq == 1);
    }

    #[test]
    fn edits_view_changes_and_new_documents_are_kept() {
        let s = Rc::new(AppState::start(
            UiLang::Zh,
            Startup {
                clock: 50,
                ..Startup::default()
            },
        ));
        let s = answer(&s, 1, sample_analysis(60));
        let s = s.reduce(Action::Edit("第一篇".into()));
        assert_eq!((s.doc_id, s.save_seq), (Some(50), 1));
        let s = s.reduce(Action::Edit("第一篇，续".into()));
        assert_eq!((s.doc_id, s.save_seq), (Some(50), 2), "same document");
        let s = s.reduce(Action::ToggleNode(0));
        assert_eq!(s.save_seq, 3, "the view is kept too");
        let s = s.reduce(Action::SetReading(Some(1)));
        assert_eq!(s.save_seq, 3, "scrolling is not");
        // A paste over everything starts a new document at the next edit.
        let s = s.reduce(Action::NewDocument);
        assert_eq!(s.doc_id, None);
        let s = s.reduce(Action::Edit("第二篇".into()));
        assert_eq!(s.doc_id, Some(51));
        // An uploaded file is a new document too.
        let s = s.reduce(Action::LoadText("第三篇".into()));
        assert_eq!(s.doc_id, Some(52));
        // Saving reports the list; that is not itself a change to save.
        let seq = s.save_seq;
        let s = s.reduce(Action::Saved(vec![meta(52), meta(51), meta(50)]));
        assert_eq!(s.recent.len(), 3);
        assert_eq!(s.save_seq, seq);
        // Switching to a kept document keeps its id.
        let s = s.reduce(Action::Open {
            shared: Shared::new("第一篇，续".into(), View::default()),
            id: Some(50),
        });
        assert_eq!(s.doc_id, Some(50));
        assert_eq!(&*s.input, "第一篇，续");
        assert_eq!(s.save_seq, seq + 1);
    }

    #[test]
    fn a_failed_save_is_shown_until_a_save_works() {
        let s = loaded().reduce(Action::SaveFailed { chars: 3_000_000 });
        assert_eq!(s.error, Some(AppError::Storage { chars: 3_000_000 }));
        let s = s.reduce(Action::Saved(vec![meta(1)]));
        assert_eq!(s.error, None);
        // Other errors stay.
        let s = s
            .reduce(Action::LoadFailed(AppError::Binary))
            .reduce(Action::Saved(vec![]));
        assert_eq!(s.error, Some(AppError::Binary));
    }

    #[test]
    fn clearing_forgets_everything_and_goes_back_to_the_sample() {
        let s = loaded()
            .reduce(Action::Edit("我的文本".into()))
            .reduce(Action::Saved(vec![meta(1), meta(2)]))
            .reduce(Action::TogglePanel(Panel::Recent));
        assert_eq!(s.panel, Some(Panel::Recent));
        let seq = s.save_seq;
        let s = s.reduce(Action::Clear);
        assert!(s.recent.is_empty());
        assert_eq!(s.doc_id, None);
        assert_eq!(&*s.input, crate::SAMPLE_ZH);
        assert_eq!(s.clear_seq, 1);
        assert_eq!(s.save_seq, seq, "nothing is saved after clearing");
        assert_eq!(s.panel, None);
        assert_eq!(s.status(), Status::Working);
    }

    #[test]
    fn share_makes_a_link_that_opens_the_same_document_and_view() {
        let s = loaded()
            .reduce(Action::ToggleNode(3))
            .reduce(Action::SelectEntity {
                kind: EntityKind::Person,
                index: 0,
            })
            .reduce(Action::Share);
        assert_eq!(s.panel, Some(Panel::Share));
        let fragment = s.share.clone().expect("a link");
        let shared = Shared::from_fragment(&fragment).unwrap();
        assert_eq!(shared.text, "示例报告");
        assert_eq!(shared.view.collapsed, vec![40]);
        assert_eq!(
            shared.view.selected,
            Some(Selected::Person("周明远".into()))
        );
        // An edit makes the link stale: it goes.
        let s = s.reduce(Action::Edit("改了".into()));
        assert_eq!(s.share, None);
        // Panels: one at a time, toggled.
        let s = s.reduce(Action::TogglePanel(Panel::Export));
        assert_eq!(s.panel, Some(Panel::Export));
        let s = s.reduce(Action::TogglePanel(Panel::Export));
        assert_eq!(s.panel, None);
    }

    #[test]
    fn worker_failure_stops_working_and_keeps_the_text() {
        let s = loaded();
        let s = s
            .reduce(Action::Edit("第二稿".into()))
            .reduce(Action::Submit);
        assert_eq!(s.status(), Status::Working);
        let s = s.reduce(Action::WorkerFailed(AppError::Worker("boom".into())));
        assert_eq!(s.status(), Status::Error);
        assert_eq!(&*s.input, "第二稿");
        assert_eq!(s.outgoing(), None);
        // A late answer to the failed request changes nothing.
        let before = s.clone();
        let s = answer(&s, s.latest_request, Analysis::default());
        assert!(Rc::ptr_eq(&s, &before));
        // The next edit analyses again and clears the error.
        let s = s
            .reduce(Action::Edit("第三稿".into()))
            .reduce(Action::Submit);
        let id = s.latest_request;
        let s = answer(&s, id, sample_analysis(3));
        assert_eq!(s.status(), Status::Ready);
        assert_eq!(s.error, None);
    }

    #[test]
    fn reading_a_file_is_working_until_it_loads_or_fails() {
        let s = loaded().reduce(Action::ReadingFile);
        assert_eq!(s.status(), Status::Working);
        let failed = s.clone().reduce(Action::LoadFailed(AppError::Binary));
        assert_eq!(failed.status(), Status::Error);
        assert!(!failed.file_pending);
        let text: Rc<str> = Rc::from("文件的文本");
        let s = s.reduce(Action::LoadShared(text.clone()));
        assert!(!s.file_pending);
        assert!(
            Rc::ptr_eq(&s.input, &text),
            "the shared text is kept, not copied"
        );
        assert_eq!(s.outgoing().map(|o| o.0), Some(s.latest_request));
    }

    #[test]
    fn not_kept_is_noted_once_and_cleared_by_a_save() {
        let s = loaded().reduce(Action::NotKept { bytes: 5_000_000 });
        assert_eq!(s.not_kept, Some(5_000_000));
        assert_eq!(s.status(), Status::Ready, "a notice, not an error");
        let again = s.clone().reduce(Action::NotKept { bytes: 5_000_000 });
        assert!(Rc::ptr_eq(&again, &s));
        let s = s.reduce(Action::Saved(Vec::new()));
        assert_eq!(s.not_kept, None);
    }

    #[test]
    fn a_big_outline_opens_collapsed_to_its_upper_levels() {
        // 50 sections of 10 subsections each: 550 nodes.
        let outline: Vec<_> = (0..50)
            .map(|i| {
                let children = (0..10)
                    .map(|j| node("小节", i * 100 + 10 + j * 5, vec![]))
                    .collect();
                node("部分", i * 100, children)
            })
            .collect();
        let a: Analysis =
            serde_json::from_value(json!({"language": "zh", "chars": 6000, "outline": outline, "people": [], "organizations": []}))
                .unwrap();
        let s = Rc::new(AppState::new(UiLang::Zh, "x"));
        let s = answer(&s, 1, a);
        assert_eq!(s.collapsed.len(), 50, "every section closed");
        assert_eq!(s.visible_node_indices().len(), 50);
        assert_eq!(s.shown_levels(), Some(1));
        // A small one opens fully.
        assert!(loaded().collapsed.is_empty());
    }

    #[test]
    fn states_compare_texts_by_pointer() {
        let a = AppState::new(UiLang::Zh, "同一段文字");
        let mut b = a.clone();
        assert_eq!(a, b);
        b.input = Rc::from("同一段文字");
        assert_ne!(a, b, "a new text is a change, even with the same content");
    }

    #[test]
    fn jumps_from_the_outline_or_a_list_show_the_text_and_back_returns() {
        let s = loaded().reduce(Action::SetTab(Tab::Outline));
        assert_eq!((s.tab, s.back), (Tab::Outline, None));
        let seq = s.view_seq;
        let s = s.reduce(Action::SelectHeading(1));
        assert_eq!((s.tab, s.back), (Tab::Text, Some(Tab::Outline)));
        let s = s.reduce(Action::Back);
        assert_eq!((s.tab, s.back), (Tab::Outline, None));
        assert_eq!(
            s.view_seq,
            seq + 2,
            "focus follows the jump and the way back"
        );
        // Back with nowhere to go changes nothing.
        let again = s.clone().reduce(Action::Back);
        assert!(Rc::ptr_eq(&again, &s));

        let s = s
            .reduce(Action::SetTab(Tab::Entities))
            .reduce(Action::SelectEntity {
                kind: EntityKind::Person,
                index: 0,
            });
        assert_eq!((s.tab, s.back), (Tab::Text, Some(Tab::Entities)));
        // Stepping on from the text keeps the way back.
        let s = s.reduce(Action::SelectEntity {
            kind: EntityKind::Person,
            index: 0,
        });
        assert_eq!(s.back, Some(Tab::Entities));
        let s = s.reduce(Action::SelectFormulation(0));
        assert_eq!((s.tab, s.back), (Tab::Text, Some(Tab::Entities)));
        // Picking a tab forgets the way back; a mention clicked in the text is no jump.
        let s = s.reduce(Action::SetTab(Tab::Text));
        assert_eq!(s.back, None);
        let s = s.reduce(Action::SelectMention {
            kind: EntityKind::Person,
            index: 0,
            mention: 1,
        });
        assert_eq!((s.tab, s.back), (Tab::Text, None));
    }

    #[test]
    fn map_jumps_are_checked_against_the_analysis() {
        let s = loaded().reduce(Action::SetTab(Tab::Entities));
        let seq = s.scroll_seq;
        let target = Selection::Entity {
            kind: EntityKind::Person,
            index: 0,
            mention: 2,
        };
        let s = s.reduce(Action::JumpTo(target));
        assert_eq!(s.selection, Some(target));
        assert_eq!(s.scroll_seq, seq + 1);
        assert_eq!((s.tab, s.back), (Tab::Text, Some(Tab::Entities)));
        for bad in [
            Selection::Entity {
                kind: EntityKind::Person,
                index: 0,
                mention: 3,
            },
            Selection::Entity {
                kind: EntityKind::Org,
                index: 1,
                mention: 0,
            },
            Selection::Heading(99),
            Selection::Formulation {
                index: 1,
                mention: 1,
            },
        ] {
            let after = s.clone().reduce(Action::JumpTo(bad));
            assert!(Rc::ptr_eq(&after, &s), "{bad:?} is not in the analysis");
        }
        let s = s.reduce(Action::JumpTo(Selection::Heading(3)));
        assert_eq!(s.tree_focus, 3);
    }

    #[test]
    fn theme_and_pane_widths_go_through_the_reducer_clamped() {
        let s = loaded();
        assert_eq!(s.theme, Theme::System);
        let s = s.reduce(Action::SetTheme(Theme::Dark));
        assert_eq!(s.theme, Theme::Dark);
        let s = s.reduce(Action::SetPaneWidth {
            side: Side::Outline,
            px: 5,
        });
        assert_eq!(s.panes.outline, PaneWidths::MIN);
        let s = s.reduce(Action::SetPaneWidth {
            side: Side::Entities,
            px: 400,
        });
        assert_eq!(s.panes.entities, 400);
        let same = s.clone().reduce(Action::SetPaneWidth {
            side: Side::Entities,
            px: 400,
        });
        assert!(Rc::ptr_eq(&same, &s));
        // Remembered as text and read back (clamped; nonsense gives the defaults).
        assert_eq!(PaneWidths::decode(&s.panes.encode()), Some(s.panes));
        assert_eq!(
            PaneWidths::decode("10, 9999"),
            Some(PaneWidths {
                outline: PaneWidths::MIN,
                entities: PaneWidths::MAX
            })
        );
        assert_eq!(PaneWidths::decode("wide"), None);
        for t in Theme::ALL {
            assert_eq!(Theme::from_code(t.code()), t);
        }
        assert_eq!(Theme::from_code("sepia"), Theme::System);
        // Opening on the remembered choices.
        let s = AppState::start(
            UiLang::Zh,
            Startup {
                theme: Theme::Light,
                panes: PaneWidths {
                    outline: 250,
                    entities: 260,
                },
                ..Startup::default()
            },
        );
        assert_eq!((s.theme, s.panes.outline), (Theme::Light, 250));
    }
}
