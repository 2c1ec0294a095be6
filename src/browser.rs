//! Small browser helpers the components and the App share: the page's own URL, the link
//! in the address bar, downloads, the clipboard, the service worker.

use gangmu_core::share::{ShareError, Shared};
use wasm_bindgen::{JsCast, JsValue};

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// The page's URL without its fragment: what a share link is built on (works under any
/// sub-path, since it is wherever the page was opened from).
pub fn base_url() -> String {
    let href = window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    match href.split_once('#') {
        Some((base, _)) => base.to_string(),
        None => href,
    }
}

/// The share link in the address bar, decoded, if the fragment is one (`#v…`). The fragment
/// is then removed from the address bar, so a reload does not open the link again over later
/// edits.
pub fn take_link() -> Option<Result<Shared, ShareError>> {
    let w = window()?;
    let hash = w.location().hash().ok()?;
    if !hash.starts_with("#v") {
        return None;
    }
    let result = Shared::from_fragment(&hash);
    if let Ok(history) = w.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&base_url()));
    }
    Some(result)
}

/// Offers `content` as a file download (Blob + object URL + `<a download>`).
pub fn download(filename: &str, mime: &str, content: &str) {
    let Some(doc) = window().and_then(|w| w.document()) else {
        return;
    };
    let parts = js_sys::Array::of1(&JsValue::from_str(content));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Ok(a) = doc
        .create_element("a")
        .map(|e| e.unchecked_into::<web_sys::HtmlAnchorElement>())
    {
        a.set_href(&url);
        a.set_download(filename);
        a.set_class_name("visually-hidden");
        if let Some(body) = doc.body() {
            let _ = body.append_child(&a);
            a.click();
            let _ = body.remove_child(&a);
        }
    }
    // Revoke later: the download has started by the time the timer fires.
    gloo_timers::callback::Timeout::new(30_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
}

/// Copies `text` with the asynchronous clipboard API; where that is missing or refused,
/// selects it in a temporary textarea and uses `execCommand('copy')`. Resolves to whether
/// it worked.
pub async fn copy_text(text: &str) -> bool {
    let Some(w) = window() else { return false };
    let nav = w.navigator();
    let has_api = js_sys::Reflect::get(&nav, &JsValue::from_str("clipboard"))
        .map(|c| !c.is_undefined() && !c.is_null())
        .unwrap_or(false);
    if has_api
        && wasm_bindgen_futures::JsFuture::from(nav.clipboard().write_text(text))
            .await
            .is_ok()
    {
        return true;
    }
    copy_by_selection(text)
}

fn copy_by_selection(text: &str) -> bool {
    let Some(doc) = window().and_then(|w| w.document()) else {
        return false;
    };
    let Ok(area) = doc
        .create_element("textarea")
        .map(|e| e.unchecked_into::<web_sys::HtmlTextAreaElement>())
    else {
        return false;
    };
    area.set_value(text);
    let _ = area.set_attribute("readonly", "");
    area.set_class_name("visually-hidden");
    let Some(body) = doc.body() else { return false };
    let _ = body.append_child(&area);
    area.select();
    let ok = doc
        .dyn_ref::<web_sys::HtmlDocument>()
        .and_then(|d| d.exec_command("copy").ok())
        .unwrap_or(false);
    let _ = body.remove_child(&area);
    ok
}

/// Milliseconds since the epoch, minus the local time zone's offset (for dates shown to the
/// person in their local time).
pub fn local_ms(ms: f64) -> f64 {
    ms - js_sys::Date::new_0().get_timezone_offset() * 60_000.0
}

/// Registers `sw.js` (next to the page, so it works under any sub-path) for offline use.
pub fn register_service_worker() {
    let Some(w) = window() else { return };
    let nav = w.navigator();
    let supported =
        js_sys::Reflect::has(&nav, &JsValue::from_str("serviceWorker")).unwrap_or(false);
    if !supported {
        return;
    }
    let promise = nav.service_worker().register("./sw.js");
    wasm_bindgen_futures::spawn_local(async move {
        // Offline use is a bonus: a refusal (private mode, file://) changes nothing else.
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    });
}

/// Whether the page's URL asks for a test hook: `?debug=NAME` (e.g. `worker-panic`: the
/// worker panics on every analysis; `worker-timeout`: every request times out at once;
/// `app-panic`: the page panics once it has started). Only the query string is read, so no
/// link or kept document can turn these on; the browser tests use them.
pub fn debug_flag(name: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .is_some_and(|q| {
            q.trim_start_matches('?')
                .split('&')
                .any(|kv| kv == format!("debug={name}"))
        })
}

/// A panic on the page stops its WebAssembly: Yew can no longer render. The hook logs it
/// and writes the error straight into the DOM — the `error` banner and an `error` status —
/// leaving the text box (and the text in it) as it is. Set through Yew, which would
/// otherwise install its own hook when it starts rendering.
pub fn install_panic_hook() {
    yew::set_custom_panic_hook(Box::new(|info| {
        let message = info.to_string();
        web_sys::console::error_1(&message.clone().into());
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let zh = doc
            .document_element()
            .and_then(|e| e.get_attribute("lang"))
            .is_none_or(|l| l.starts_with("zh"));
        let text = if zh {
            format!("页面出错，请复制保存你的文本后刷新页面（文本仍在输入框中）：{message}")
        } else {
            format!("The page failed; copy your text (it is still in the text box), then reload: {message}")
        };
        if let Ok(Some(status)) = doc.query_selector("[data-testid=\"status\"]") {
            let _ = status.set_attribute("data-state", "error");
            let _ = status.set_attribute("class", "status error");
        }
        let banner = match doc.query_selector("[data-testid=\"error\"]") {
            Ok(Some(b)) => b,
            _ => {
                let Ok(b) = doc.create_element("div") else {
                    return;
                };
                let _ = b.set_attribute("data-testid", "error");
                let _ = b.set_attribute("role", "alert");
                let _ = b.set_attribute("class", "error");
                let parent = doc
                    .query_selector(".under-input")
                    .ok()
                    .flatten()
                    .map(web_sys::Node::from)
                    .or_else(|| doc.body().map(web_sys::Node::from));
                if let Some(p) = parent {
                    let _ = p.append_child(&b);
                }
                b
            }
        };
        banner.set_text_content(Some(&text));
    }));
}
