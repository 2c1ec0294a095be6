//! Keeping documents in this browser (localStorage): the document being worked on, the
//! "recent documents" list and each kept text. Nothing leaves the device.
//!
//! Keys: `gangmu.recent` (the list, JSON), `gangmu.current` (id of the document last worked
//! on), `gangmu.doc.<id>` (a document as a compact `.gangmu` JSON: text + view). Local
//! storage holds about 5 M UTF-16 units per origin: when a save does not fit, the oldest
//! other documents are dropped one by one; if it still does not fit, the save fails and the
//! page says so (the document stays on screen; exporting a `.gangmu` file keeps it).

use std::rc::Rc;

use gangmu_core::share::{Shared, View};
use web_sys::Storage;

use crate::recent::{oldest_except, remove, title_of, upsert, RecentMeta};

const PREFIX: &str = "gangmu.";
const RECENT_KEY: &str = "gangmu.recent";
const CURRENT_KEY: &str = "gangmu.current";

fn doc_key(id: u64) -> String {
    format!("{PREFIX}doc.{id}")
}

fn storage() -> Option<Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Documents longer than this (UTF-8 bytes) are not kept: writing megabytes to local
/// storage blocks the page, and the quota is about 5 M characters for everything.
pub const KEEP_MAX_BYTES: usize = 1024 * 1024;

/// Whether a text is small enough to keep.
pub fn keepable(text: &str) -> bool {
    text.len() <= KEEP_MAX_BYTES
}

/// What is saved: a document by its id, with its view.
#[derive(Clone, Debug, PartialEq)]
pub struct Snapshot {
    pub id: u64,
    pub text: Rc<str>,
    pub view: View,
}

/// The kept list, newest first (empty when there is none or it cannot be read).
pub fn load_recent() -> Vec<RecentMeta> {
    storage()
        .and_then(|s| s.get_item(RECENT_KEY).ok().flatten())
        .and_then(|json| serde_json::from_str(&json).ok())
        .unwrap_or_default()
}

/// A kept document.
pub fn load_doc(id: u64) -> Option<Shared> {
    let json = storage()?.get_item(&doc_key(id)).ok().flatten()?;
    Shared::from_file(json.as_bytes()).ok()
}

/// The document last worked on, if it is still kept.
pub fn load_draft() -> Option<(u64, Shared)> {
    let id = storage()?
        .get_item(CURRENT_KEY)
        .ok()
        .flatten()?
        .parse()
        .ok()?;
    load_doc(id).map(|d| (id, d))
}

/// Saves `snap` as the current document and moves it to the front of the list. Returns the
/// list as now kept, or None when the document does not fit (or storage is unavailable).
pub fn save(snap: &Snapshot) -> Option<Vec<RecentMeta>> {
    if !keepable(&snap.text) {
        return None;
    }
    let st = storage()?;
    let json = serde_json::to_string(&Shared::new(snap.text.to_string(), snap.view.clone()))
        .expect("plain data serialises");
    let meta = RecentMeta {
        id: snap.id,
        title: title_of(&snap.text),
        saved: js_sys::Date::now(),
        chars: snap.text.chars().count(),
    };
    let (mut list, dropped) = upsert(&load_recent(), meta);
    for id in dropped {
        let _ = st.remove_item(&doc_key(id));
    }
    // Full: drop the oldest other documents until it fits.
    while st.set_item(&doc_key(snap.id), &json).is_err() {
        let old = oldest_except(&list, snap.id)?;
        let _ = st.remove_item(&doc_key(old));
        list = remove(&list, old);
        let _ = st.set_item(
            RECENT_KEY,
            &serde_json::to_string(&list).unwrap_or_default(),
        );
    }
    st.set_item(
        RECENT_KEY,
        &serde_json::to_string(&list).unwrap_or_default(),
    )
    .ok()?;
    st.set_item(CURRENT_KEY, &snap.id.to_string()).ok()?;
    Some(list)
}

/// Removes a document whose text is gone from the list; returns the list.
pub fn forget(id: u64) -> Vec<RecentMeta> {
    let list = remove(&load_recent(), id);
    if let Some(st) = storage() {
        let _ = st.remove_item(&doc_key(id));
        let _ = st.set_item(
            RECENT_KEY,
            &serde_json::to_string(&list).unwrap_or_default(),
        );
    }
    list
}

/// Deletes everything Gangmu keeps in this browser.
pub fn clear() {
    let Some(st) = storage() else { return };
    let n = st.length().unwrap_or(0);
    let keys: Vec<String> = (0..n)
        .filter_map(|i| st.key(i).ok().flatten())
        .filter(|k| k.starts_with(PREFIX))
        .collect();
    for k in keys {
        let _ = st.remove_item(&k);
    }
}
