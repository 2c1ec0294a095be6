//! Reading a file in a legacy encoding (GB18030/GBK, Big5…) from the analysis worker: the
//! bytes go to a decoder worker (`src/bin/decoder.rs`), started for this file and ended after
//! it. Its wasm carries encoding_rs's tables, which the page and the analysis worker leave out
//! to keep the first load small; nearly every upload is Unicode and never needs it.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::agent::Loaded;

/// The decoder's loader script, beside the analysis worker's (Trunk's loader shim).
const DECODER: &str = "./decoder_loader.js";

/// Decodes `bytes` in the decoder worker. Never fails silently: a browser that cannot start a
/// worker from a worker, or a decoder that dies, gives a message for the person.
pub async fn decode(bytes: Vec<u8>) -> Loaded {
    let Ok(worker) = web_sys::Worker::new(DECODER) else {
        return Loaded::Read(
            "this browser cannot read files in legacy encodings (GBK, Big5) here; \
             save the file as UTF-8 and open it again"
                .into(),
        );
    };
    // The decoder says when it listens: a message sent before its wasm is running is lost.
    if JsFuture::from(next_message(&worker)).await.is_err() {
        worker.terminate();
        return Loaded::Read("the decoder for legacy encodings did not start".into());
    }
    let answer = next_message(&worker);
    let len = bytes.len();
    let data = js_sys::Uint8Array::from(&bytes[..]);
    drop(bytes);
    let transfer = js_sys::Array::of1(&data.buffer());
    if worker
        .post_message_with_transfer(&data.buffer(), &transfer)
        .is_err()
    {
        worker.terminate();
        return Loaded::Read("the decoder for legacy encodings did not start".into());
    }
    let reply = JsFuture::from(answer).await;
    worker.terminate();
    let Ok(reply) = reply else {
        return Loaded::Read("the decoder for legacy encodings stopped".into());
    };
    let reply: js_sys::Array = reply.unchecked_into();
    let kind = reply.get(0).as_string().unwrap_or_default();
    let value = reply.get(1).as_string().unwrap_or_default();
    match (kind.as_str(), value.as_str()) {
        ("ok", _) => Loaded::Text(value),
        (_, "binary") => Loaded::Binary,
        (_, "too-large") => Loaded::TooLarge { bytes: len },
        _ => Loaded::Undecodable,
    }
}

/// The worker's next message (its data), or its error.
fn next_message(worker: &web_sys::Worker) -> js_sys::Promise {
    js_sys::Promise::new(&mut |resolve, reject| {
        let on_message = Closure::once_into_js(move |e: web_sys::MessageEvent| {
            let _ = resolve.call1(&JsValue::NULL, &e.data());
        });
        worker.set_onmessage(Some(on_message.unchecked_ref()));
        let on_error = Closure::once_into_js(move |e: JsValue| {
            let _ = reject.call1(&JsValue::NULL, &e);
        });
        worker.set_onerror(Some(on_error.unchecked_ref()));
    })
}
