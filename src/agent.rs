//! The analysis worker. Analysis runs in a Web Worker so a long report never freezes typing;
//! the app only sends text and receives results (see `state.rs` for how stale ones are dropped).

use gangmu_core::Analysis;
use gloo_worker::{Codec, HandlerId, Worker, WorkerScope};
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsValue;

/// What the app asks the worker to do.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Request {
    pub request_id: u64,
    pub text: String,
}

/// The worker's answer, tagged with the request it answers.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Response {
    pub request_id: u64,
    pub analysis: Analysis,
    /// Wall time of `gangmu_core::analyze` inside the worker.
    pub analysis_ms: f64,
}

/// JSON over `postMessage`. gloo-worker's default (bincode) is not self-describing and breaks
/// on the core types' `skip_serializing_if` fields; JSON round-trips them.
pub struct Json;

impl Codec for Json {
    fn encode<I: Serialize>(input: I) -> JsValue {
        let text = serde_json::to_string(&input).expect("worker messages serialise to JSON");
        JsValue::from_str(&text)
    }

    fn decode<O: for<'de> Deserialize<'de>>(input: JsValue) -> O {
        let text = input.as_string().expect("worker messages are JSON strings");
        serde_json::from_str(&text).expect("worker messages parse as JSON")
    }
}

/// Stateless: every request is analysed on its own.
pub struct AnalysisWorker;

impl Worker for AnalysisWorker {
    type Message = ();
    type Input = Request;
    type Output = Response;

    fn create(_scope: &WorkerScope<Self>) -> Self {
        AnalysisWorker
    }

    fn update(&mut self, _scope: &WorkerScope<Self>, _msg: Self::Message) {}

    fn received(&mut self, scope: &WorkerScope<Self>, msg: Self::Input, id: HandlerId) {
        let t0 = now_ms();
        let analysis = gangmu_core::analyze(&msg.text);
        let analysis_ms = (now_ms() - t0).max(0.0);
        scope.respond(
            id,
            Response {
                request_id: msg.request_id,
                analysis,
                analysis_ms,
            },
        );
    }
}

/// `performance.now()` of the worker scope (sub-millisecond), falling back to `Date.now()`.
fn now_ms() -> f64 {
    use wasm_bindgen::JsCast;
    js_sys::global()
        .dyn_into::<web_sys::WorkerGlobalScope>()
        .ok()
        .and_then(|g| g.performance())
        .map(|p| p.now())
        .unwrap_or_else(js_sys::Date::now)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn response_round_trips_through_json() {
        let r = Response {
            request_id: 7,
            analysis: gangmu_core::analyze("会议强调\n市委副书记周明远出席会议。"),
            analysis_ms: 1.5,
        };
        let s = serde_json::to_string(&r).unwrap();
        let back: Response = serde_json::from_str(&s).unwrap();
        assert_eq!(back, r);
    }
}
