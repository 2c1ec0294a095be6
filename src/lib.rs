//! Gangmu's web app: a Yew front end over `gangmu-core`, whose analysis runs in a Web Worker.
//!
//! Data flow: components dispatch [`state::Action`]s to the one reducer in [`state`]; the
//! `App` component turns state changes into side effects (worker requests, debounce timer,
//! scrolling, focus). Nothing else mutates state.

pub mod agent;
pub mod browser;
pub mod components;
pub mod export;
pub mod i18n;
pub mod layout;
pub mod legacy;
pub mod reading;
pub mod recent;
pub mod state;
pub mod storage;
pub mod upload;

/// The report the app opens on (made-up names and places).
pub const SAMPLE_ZH: &str = include_str!("sample_zh.txt");
