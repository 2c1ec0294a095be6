//! Entry point of the legacy-encoding decoder Web Worker (built by Trunk with
//! `data-type="worker"` and the `legacy` feature). The analysis worker starts it only when a
//! file is not Unicode, so encoding_rs's tables are never part of the page's first load.
//!
//! Protocol: once listening, the worker posts `"ready"`; the bytes of a file then arrive as an
//! `ArrayBuffer`, and the answer is `["ok", text]` or `["error", kind]` with kind `binary`,
//! `too-large` or `undecodable`.

use gangmu_core::decode::{decode_legacy, DecodeError};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

fn main() {
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let replies = scope.clone();
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            let bytes = js_sys::Uint8Array::new(&e.data()).to_vec();
            let answer = match decode_legacy(&bytes) {
                Ok(d) => ("ok", d.text),
                Err(DecodeError::Binary) => ("error", "binary".to_string()),
                Err(DecodeError::TooLarge { .. }) => ("error", "too-large".to_string()),
                Err(DecodeError::Undecodable | DecodeError::Legacy) => {
                    ("error", "undecodable".to_string())
                }
            };
            let message =
                js_sys::Array::of2(&JsValue::from_str(answer.0), &JsValue::from(answer.1));
            // A failed post has nobody to tell: the analysis worker's error handler sees the end.
            let _ = replies.post_message(&message);
        });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    // Nobody to tell if this fails: the analysis worker then reports that the decoder stopped.
    let _ = scope.post_message(&JsValue::from_str("ready"));
}
