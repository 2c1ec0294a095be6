//! One component (or, for small stateless pieces, one render function) a file. Components
//! render and dispatch actions; only `app` has effects.

pub mod app;
pub mod back_bar;
pub mod doc_bar;
pub mod doc_map;
pub mod editor;
pub mod entity_list;
pub mod error_banner;
pub mod export_panel;
pub mod formulation_list;
pub mod link_meter;
pub mod outline;
pub mod pane_handle;
pub mod recent_list;
pub mod share_panel;
pub mod status_line;
pub mod tab_bar;
pub mod text_view;
pub mod theme_switch;
pub mod toolbar;

use yew::UseReducerHandle;

use crate::state::AppState;

/// The state and its dispatcher, shared through a context so leaf components need no props
/// drilling. Large views (the text pane) take props instead so typing does not re-render them.
pub type AppContext = UseReducerHandle<AppState>;

/// Hands a chosen or dropped file to the worker to read (provided by `App`).
#[derive(Clone, PartialEq)]
pub struct ReadFile(pub yew::Callback<web_sys::File>);
