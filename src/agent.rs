//! The analysis worker. Analysis runs in a Web Worker so a long report never freezes the
//! page; the app sends text (or a file to read) and receives results (see `state.rs` for how
//! stale ones are dropped, and `components/app.rs` for how big answers are taken in).
//!
//! Messages travel as JS values (serde-wasm-bindgen): strings stay strings and a `File` is
//! passed as is, so the page never copies, decodes or parses a big file itself. The analysis
//! comes back as JSON in chunks of at most [`CHUNK_BYTES`], which the page parses one per
//! task, so no single step on the main thread grows with the document.
//!
//! Model assets (the Chinese word list and NER tagger) are not compiled in: the worker
//! fetches them (`assets/zh-words.tsv`, `assets/zh-ner.bin`, relative to the worker script,
//! cached by the service worker) on start and builds [`Resources`] once. The English tagger
//! (`assets/en-ner.bin`) is fetched only when a text needs it (an English or mixed text, see
//! `gangmu_core::needs_english`), so Chinese users never download it; the analyses waiting for
//! it are queued, and if it cannot be fetched English is analysed by rules only.

use std::cell::RefCell;
use std::rc::Rc;

use gangmu_core::decode::{decode_unicode, DecodeError, MAX_BYTES};
use gangmu_core::share::{ShareError, Shared};
use gangmu_core::{Analysis, Resources};
use gloo_worker::{Codec, HandlerId, Worker, WorkerScope};
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsValue;

/// Upper bound of one JSON chunk of an answer: parsing it on the main thread takes a few ms.
pub const CHUNK_BYTES: usize = 192 * 1024;

/// What the app asks the worker to do.
#[derive(Serialize, Deserialize, Debug)]
pub enum Request {
    /// Analyse a text.
    Analyze { request_id: u64, text: String },
    /// Analyse the text of the last file read (it need not travel back).
    AnalyzeRead { request_id: u64 },
    /// Read and decode a file (a `File`), then answer with [`Loaded`].
    Read {
        request_id: u64,
        #[serde(with = "serde_wasm_bindgen::preserve")]
        file: JsValue,
    },
    /// Test hook (only sent when the page's URL asks for it, see `browser::debug_flag`):
    /// panic inside the worker while handling this request.
    Panic { request_id: u64 },
}

/// The worker's answer, tagged with the request it answers.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub enum Reply {
    /// The analysis as JSON chunks ([`split_analysis`]); `analysis_ms` is the wall time of
    /// the analysis alone (not decoding, not serialising).
    Analyzed {
        request_id: u64,
        chunks: Vec<Chunk>,
        analysis_ms: f64,
    },
    /// A file was read.
    Loaded { request_id: u64, loaded: Loaded },
    /// Something went wrong in the worker (a panic): the message to show.
    Failed { request_id: u64, message: String },
}

impl Reply {
    pub fn request_id(&self) -> u64 {
        match self {
            Reply::Analyzed { request_id, .. }
            | Reply::Loaded { request_id, .. }
            | Reply::Failed { request_id, .. } => *request_id,
        }
    }
}

/// What a file turned out to be.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub enum Loaded {
    Text(String),
    /// A `.gangmu` document (text and view).
    Document(Shared),
    Binary,
    TooLarge {
        bytes: usize,
    },
    Undecodable,
    /// A `.gangmu` file that does not parse.
    BadDocument(WireShareError),
    Read(String),
}

/// [`ShareError`] as it crosses to the page.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub enum WireShareError {
    NotALink,
    FutureVersion(u32),
    Corrupt(String),
    TooLarge,
}

impl From<ShareError> for WireShareError {
    fn from(e: ShareError) -> Self {
        match e {
            ShareError::NotALink => WireShareError::NotALink,
            ShareError::FutureVersion(v) => WireShareError::FutureVersion(v),
            ShareError::Corrupt(s) => WireShareError::Corrupt(s.to_string()),
            ShareError::TooLarge => WireShareError::TooLarge,
        }
    }
}

impl From<WireShareError> for ShareError {
    fn from(e: WireShareError) -> Self {
        match e {
            WireShareError::NotALink => ShareError::NotALink,
            WireShareError::FutureVersion(v) => ShareError::FutureVersion(v),
            // The core's reasons are static strings; one crossing per failed file.
            WireShareError::Corrupt(s) => ShareError::Corrupt(Box::leak(s.into_boxed_str())),
            WireShareError::TooLarge => ShareError::TooLarge,
        }
    }
}

/// One piece of an analysis: the head (an `Analysis` with empty lists) or a JSON array of
/// some items of one list.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub enum Chunk {
    Head(String),
    Outline(String),
    People(String),
    Organizations(String),
    Formulations(String),
}

/// The analysis as JSON chunks of at most about [`CHUNK_BYTES`] each (one item bigger than
/// that is a chunk of its own).
pub fn split_analysis(a: Analysis) -> Vec<Chunk> {
    let Analysis {
        outline,
        people,
        organizations,
        formulations,
        ..
    } = &a;
    let mut out = Vec::new();
    fn push_items<T: Serialize>(items: &[T], make: fn(String) -> Chunk, out: &mut Vec<Chunk>) {
        let mut buf = String::from("[");
        for item in items {
            let json = serde_json::to_string(item).expect("plain data serialises");
            if buf.len() > 1 && buf.len() + json.len() > CHUNK_BYTES {
                buf.push(']');
                out.push(make(std::mem::replace(&mut buf, String::from("["))));
            }
            if buf.len() > 1 {
                buf.push(',');
            }
            buf.push_str(&json);
        }
        if buf.len() > 1 {
            buf.push(']');
            out.push(make(buf));
        }
    }
    push_items(outline, Chunk::Outline, &mut out);
    push_items(people, Chunk::People, &mut out);
    push_items(organizations, Chunk::Organizations, &mut out);
    push_items(formulations, Chunk::Formulations, &mut out);
    let head = Analysis {
        outline: Vec::new(),
        people: Vec::new(),
        organizations: Vec::new(),
        formulations: Vec::new(),
        ..a
    };
    out.insert(
        0,
        Chunk::Head(serde_json::to_string(&head).expect("plain data serialises")),
    );
    out
}

/// Adds one chunk to the analysis being put together (the head replaces it, keeping the
/// lists already read).
pub fn merge_chunk(into: &mut Analysis, chunk: &Chunk) -> Result<(), String> {
    let err = |e: serde_json::Error| e.to_string();
    match chunk {
        Chunk::Head(s) => {
            let head: Analysis = serde_json::from_str(s).map_err(err)?;
            let lists = std::mem::take(into);
            *into = Analysis {
                outline: lists.outline,
                people: lists.people,
                organizations: lists.organizations,
                formulations: lists.formulations,
                ..head
            };
        }
        Chunk::Outline(s) => into
            .outline
            .extend(serde_json::from_str::<Vec<_>>(s).map_err(err)?),
        Chunk::People(s) => into
            .people
            .extend(serde_json::from_str::<Vec<_>>(s).map_err(err)?),
        Chunk::Organizations(s) => into
            .organizations
            .extend(serde_json::from_str::<Vec<_>>(s).map_err(err)?),
        Chunk::Formulations(s) => into
            .formulations
            .extend(serde_json::from_str::<Vec<_>>(s).map_err(err)?),
    }
    Ok(())
}

/// What the reducer receives once every chunk is parsed.
#[derive(Clone, Debug, PartialEq)]
pub struct Response {
    pub request_id: u64,
    pub analysis: Analysis,
    /// Wall time of the analysis inside the worker.
    pub analysis_ms: f64,
}

/// JS values over `postMessage` (serde-wasm-bindgen): strings are passed as JS strings, a
/// `File` as itself. gloo-worker's default (bincode) breaks on the core types'
/// `skip_serializing_if` fields, and JSON would make the page parse a whole document at once.
pub struct Wire;

impl Codec for Wire {
    fn encode<I: Serialize>(input: I) -> JsValue {
        input
            .serialize(&serde_wasm_bindgen::Serializer::new())
            .expect("worker messages serialise")
    }

    fn decode<O: for<'de> Deserialize<'de>>(input: JsValue) -> O {
        serde_wasm_bindgen::from_value(input).expect("worker messages deserialise")
    }
}

/// The file's bytes as the page's action wants them: decoded text, a `.gangmu` document, or
/// why not; `None` when they are in a legacy encoding, which only the decoder worker reads
/// ([`crate::legacy`]). Pure (tested natively); the worker calls it on what it read.
pub fn load_unicode(name: &str, bytes: &[u8]) -> Option<Loaded> {
    use crate::upload::{looks_like_gangmu, utf16_without_bom};
    let named = name.to_lowercase().ends_with(".gangmu");
    if named || looks_like_gangmu(bytes) {
        let body = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
        match Shared::from_file(body) {
            Ok(shared) => return Some(Loaded::Document(shared)),
            Err(e) if named => return Some(Loaded::BadDocument(e.into())),
            Err(_) => {}
        }
    }
    Some(match decode_unicode(bytes) {
        Ok(d) => Loaded::Text(d.text),
        Err(DecodeError::Binary) => match utf16_without_bom(bytes) {
            Some(text) => Loaded::Text(text),
            None => Loaded::Binary,
        },
        Err(DecodeError::TooLarge { bytes }) => Loaded::TooLarge { bytes },
        Err(DecodeError::Undecodable) => Loaded::Undecodable,
        Err(DecodeError::Legacy) => return None,
    })
}

/// [`load_unicode`], then the legacy decoder in place of the decoder worker: what the two
/// workers answer together, for native tests.
#[cfg(test)]
pub fn load_bytes(name: &str, bytes: &[u8]) -> Loaded {
    load_unicode(name, bytes).unwrap_or_else(|| match gangmu_core::decode::decode_legacy(bytes) {
        Ok(d) => Loaded::Text(d.text),
        Err(DecodeError::Binary) => Loaded::Binary,
        Err(DecodeError::TooLarge { bytes }) => Loaded::TooLarge { bytes },
        Err(DecodeError::Undecodable | DecodeError::Legacy) => Loaded::Undecodable,
    })
}

/// The model assets: loading, ready, or unavailable (rules only).
enum Assets {
    Loading(Vec<(HandlerId, Request)>),
    Ready(Rc<Resources>),
}

/// The English tagger, fetched on first need.
enum EnglishModel {
    NotAsked,
    Loading(Vec<(HandlerId, Request)>),
    /// Loaded into the resources, or failed (then English stays rules-only).
    Done,
}

/// The Chinese asset files as fetched, kept to rebuild [`Resources`] with the English tagger.
type ZhAssets = Option<(&'static str, &'static [u8])>;

/// The worker's state, shared with the tasks that load assets.
#[derive(Clone)]
struct WorkerState {
    assets: Rc<RefCell<Assets>>,
    english: Rc<RefCell<EnglishModel>>,
    zh_assets: Rc<RefCell<ZhAssets>>,
}

pub struct AnalysisWorker {
    shared: WorkerState,
}

thread_local! {
    /// The text of the last file read, for `AnalyzeRead`.
    static LAST_READ: RefCell<Option<String>> = const { RefCell::new(None) };
}

thread_local! {
    /// The request being handled, so the panic hook can answer it.
    static CURRENT: RefCell<Option<(WorkerScope<AnalysisWorker>, HandlerId, u64)>> =
        const { RefCell::new(None) };
}

impl Worker for AnalysisWorker {
    type Message = ();
    type Input = Request;
    type Output = Reply;

    fn create(scope: &WorkerScope<Self>) -> Self {
        std::panic::set_hook(Box::new(|info| {
            let message = info.to_string();
            web_sys::console::error_1(&JsValue::from_str(&message));
            let current = CURRENT.with(|c| c.try_borrow().ok().and_then(|c| c.clone()));
            if let Some((scope, id, request_id)) = current {
                scope.respond(
                    id,
                    Reply::Failed {
                        request_id,
                        message,
                    },
                );
            }
        }));
        let shared = WorkerState {
            assets: Rc::new(RefCell::new(Assets::Loading(Vec::new()))),
            english: Rc::new(RefCell::new(EnglishModel::NotAsked)),
            zh_assets: Rc::new(RefCell::new(None)),
        };
        {
            let (shared, scope) = (shared.clone(), scope.clone());
            let (assets, zh) = (shared.assets.clone(), shared.zh_assets.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let resources = match load_resources().await {
                    Ok((r, files)) => {
                        *zh.borrow_mut() = Some(files);
                        r
                    }
                    Err(e) => {
                        web_sys::console::warn_1(&JsValue::from_str(&format!(
                            "Gangmu: model assets unavailable ({e}); analysing with rules only"
                        )));
                        Resources::none()
                    }
                };
                resources.prepare();
                let resources = Rc::new(resources);
                let queued =
                    std::mem::replace(&mut *assets.borrow_mut(), Assets::Ready(resources.clone()));
                if let Assets::Loading(queue) = queued {
                    for (id, msg) in queue {
                        route(&shared, &scope, resources.clone(), msg, id);
                    }
                }
                warm_up(&resources);
            });
        }
        AnalysisWorker { shared }
    }

    fn update(&mut self, _scope: &WorkerScope<Self>, _msg: Self::Message) {}

    fn received(&mut self, scope: &WorkerScope<Self>, msg: Self::Input, id: HandlerId) {
        // Reading a file needs no assets: answer at once.
        if matches!(msg, Request::Read { .. }) {
            return handle(scope, &Rc::new(Resources::none()), msg, id);
        }
        let ready = match &mut *self.shared.assets.borrow_mut() {
            Assets::Ready(r) => Some(r.clone()),
            Assets::Loading(queue) => {
                // A newer analysis supersedes a queued older one.
                queue.retain(|(_, m)| matches!(m, Request::Read { .. }));
                queue.push((id, msg));
                return;
            }
        };
        if let Some(r) = ready {
            route(&self.shared, scope, r, msg, id);
        }
    }
}

/// Handles a request once the Chinese assets are settled: an English or mixed text waits for
/// the English tagger (fetched on its first need), anything else is handled at once.
fn route(
    shared: &WorkerState,
    scope: &WorkerScope<AnalysisWorker>,
    r: Rc<Resources>,
    msg: Request,
    id: HandlerId,
) {
    if !r.has_english() && wants_english(&msg) {
        match &mut *shared.english.borrow_mut() {
            EnglishModel::Done => {}
            EnglishModel::Loading(queue) => {
                queue.retain(|(_, m)| matches!(m, Request::Read { .. }));
                queue.push((id, msg));
                return;
            }
            state @ EnglishModel::NotAsked => {
                *state = EnglishModel::Loading(vec![(id, msg)]);
                load_english(shared, scope);
                return;
            }
        }
    }
    handle(scope, &r, msg, id);
}

/// Whether a request analyses a text that needs the English tagger.
fn wants_english(msg: &Request) -> bool {
    match msg {
        Request::Analyze { text, .. } => gangmu_core::needs_english(text),
        Request::AnalyzeRead { .. } => LAST_READ.with(|t| {
            t.borrow()
                .as_deref()
                .is_some_and(gangmu_core::needs_english)
        }),
        _ => false,
    }
}

/// A made-up report the worker analyses once, unseen, after its assets arrive: the browser
/// compiles the analysis' hot code fully optimised only after it has run a while, and without
/// this the first big document a person opens pays for that (a 1 MB report took ~40% longer
/// than the same report analysed second).
const WARM_UP: &str = "临江市召开全市政法工作会议\n\n一、总体情况\n\n3月12日，中共临江市委召开全市政法工作会议。\
市委副书记、政法委书记周明远出席会议并讲话，市中级人民法院院长韩立新、市人民检察院检察长李慧敏参加会议。\
会议指出，要坚持以“公正与效率”为主题，持续深化诉源治理，推动矛盾纠纷实质性化解。\n\n\
（一）抓实审判管理\n\n临江中院要强化审判管理，提升办案质效；各基层法院要落实“两个确立”。\n\n\
二、下一步工作\n\n会议强调，一是要加强队伍建设，二是要优化营商环境，三是要维护社会稳定。\n\n";

fn warm_up(resources: &Resources) {
    let text = WARM_UP.repeat(96);
    let _ = gangmu_core::analyze_with(&text, resources);
}

/// Fetches `assets/en-ner.bin`, rebuilds the resources with it, then answers the queued
/// requests (with rules only for English if the fetch failed).
fn load_english(shared: &WorkerState, scope: &WorkerScope<AnalysisWorker>) {
    let (assets, english, zh, scope) = (
        shared.assets.clone(),
        shared.english.clone(),
        shared.zh_assets.clone(),
        scope.clone(),
    );
    wasm_bindgen_futures::spawn_local(async move {
        let built = async {
            let bytes = fetch_bytes("./assets/en-ner.bin").await?;
            let bytes: &'static [u8] = Box::leak(bytes.into_boxed_slice());
            let base = match *zh.borrow() {
                Some((words, ner)) => Resources::load(words, ner)?,
                None => Resources::none(),
            };
            base.with_english(bytes)
        }
        .await;
        match built {
            Ok(r) => {
                r.prepare();
                *assets.borrow_mut() = Assets::Ready(Rc::new(r))
            }
            Err(e) => web_sys::console::warn_1(&JsValue::from_str(&format!(
                "Gangmu: English model unavailable ({e}); English analysed with rules only"
            ))),
        }
        let queued = std::mem::replace(&mut *english.borrow_mut(), EnglishModel::Done);
        let resources = match &*assets.borrow() {
            Assets::Ready(r) => r.clone(),
            Assets::Loading(_) => Rc::new(Resources::none()),
        };
        if let EnglishModel::Loading(queue) = queued {
            for (id, msg) in queue {
                handle(&scope, &resources, msg, id);
            }
        }
    });
}

fn handle(scope: &WorkerScope<AnalysisWorker>, resources: &Resources, msg: Request, id: HandlerId) {
    let request_id = match &msg {
        Request::Analyze { request_id, .. }
        | Request::AnalyzeRead { request_id }
        | Request::Read { request_id, .. }
        | Request::Panic { request_id } => *request_id,
    };
    CURRENT.with(|c| *c.borrow_mut() = Some((scope.clone(), id, request_id)));
    let msg = match msg {
        Request::AnalyzeRead { request_id } => Request::Analyze {
            request_id,
            text: LAST_READ.with(|t| t.borrow().clone()).unwrap_or_default(),
        },
        m => m,
    };
    let reply = match msg {
        Request::Analyze { request_id, text } => {
            let t0 = now_ms();
            let analysis = gangmu_core::analyze_with(&text, resources);
            let analysis_ms = (now_ms() - t0).max(0.0);
            drop(text);
            Reply::Analyzed {
                request_id,
                chunks: split_analysis(analysis),
                analysis_ms,
            }
        }
        Request::Read { request_id, file } => match read_file(file) {
            Ok(loaded) => {
                remember_read(&loaded);
                Reply::Loaded { request_id, loaded }
            }
            Err(bytes) => {
                // A legacy encoding: the decoder worker answers, later.
                CURRENT.with(|c| *c.borrow_mut() = None);
                let scope = scope.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    let loaded = crate::legacy::decode(bytes).await;
                    remember_read(&loaded);
                    scope.respond(id, Reply::Loaded { request_id, loaded });
                });
                return;
            }
        },
        Request::AnalyzeRead { .. } => unreachable!("replaced above"),
        Request::Panic { .. } => panic!("test panic requested by the page (?debug=worker-panic)"),
    };
    CURRENT.with(|c| *c.borrow_mut() = None);
    scope.respond(id, reply);
}

/// Keeps the text of a file read, for `AnalyzeRead`.
fn remember_read(loaded: &Loaded) {
    LAST_READ.with(|t| {
        *t.borrow_mut() = match loaded {
            Loaded::Text(s) => Some(s.clone()),
            _ => None,
        }
    });
}

/// Reads a `File` synchronously (workers may) and decodes it; the size is checked first so
/// a huge file is refused without being read. `Err` hands back the bytes of a file in a
/// legacy encoding, for the decoder worker.
fn read_file(file: JsValue) -> Result<Loaded, Vec<u8>> {
    use wasm_bindgen::JsCast;
    let Ok(file) = file.dyn_into::<web_sys::File>() else {
        return Ok(Loaded::Read("not a file".into()));
    };
    let size = file.size();
    if size > MAX_BYTES as f64 {
        return Ok(Loaded::TooLarge {
            bytes: size as usize,
        });
    }
    let buf = web_sys::FileReaderSync::new().and_then(|r| r.read_as_array_buffer(&file));
    match buf {
        Ok(buf) => {
            let bytes = js_sys::Uint8Array::new(&buf).to_vec();
            load_unicode(&file.name(), &bytes).ok_or(bytes)
        }
        Err(e) => Ok(Loaded::Read(
            e.as_string().unwrap_or_else(|| format!("{e:?}")),
        )),
    }
}

/// Fetches the two Chinese model assets (relative to the worker script, so any sub-path
/// works) and builds the resources; the bytes live as long as the worker (and are returned,
/// to rebuild the resources once the English tagger arrives).
async fn load_resources() -> Result<(Resources, (&'static str, &'static [u8])), String> {
    let words = fetch_bytes("./assets/zh-words.tsv").await?;
    let ner = fetch_bytes("./assets/zh-ner.bin").await?;
    let words = String::from_utf8(words).map_err(|e| e.to_string())?;
    let words: &'static str = Box::leak(words.into_boxed_str());
    let ner: &'static [u8] = Box::leak(ner.into_boxed_slice());
    Ok((Resources::load(words, ner)?, (words, ner)))
}

async fn fetch_bytes(url: &str) -> Result<Vec<u8>, String> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let err = |e: JsValue| format!("{url}: {e:?}");
    let global: web_sys::WorkerGlobalScope = js_sys::global()
        .dyn_into()
        .map_err(|_| "not in a worker".to_string())?;
    let resp: web_sys::Response = JsFuture::from(global.fetch_with_str(url))
        .await
        .map_err(err)?
        .dyn_into()
        .map_err(err)?;
    if !resp.ok() {
        return Err(format!("{url}: HTTP {}", resp.status()));
    }
    let buf = JsFuture::from(resp.array_buffer().map_err(err)?)
        .await
        .map_err(err)?;
    Ok(js_sys::Uint8Array::new(&buf).to_vec())
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
    fn analysis_round_trips_through_chunks() {
        let mut text = String::new();
        for i in 0..400 {
            text.push_str(&format!(
                "# 第{i}部分\n市委副书记周明远出席临江市中级人民法院会议，强调“公正与效率”。\n"
            ));
        }
        let a = gangmu_core::analyze(&text);
        assert!(!a.people.is_empty() && a.outline.len() > 100);
        let chunks = split_analysis(a.clone());
        assert!(chunks.len() > 2, "split into several chunks");
        for c in &chunks {
            let len = match c {
                Chunk::Head(s)
                | Chunk::Outline(s)
                | Chunk::People(s)
                | Chunk::Organizations(s)
                | Chunk::Formulations(s) => s.len(),
            };
            assert!(len <= CHUNK_BYTES + 4096);
        }
        // In any order after the head, the lists come back whole.
        let mut back = Analysis::default();
        for c in &chunks {
            merge_chunk(&mut back, c).unwrap();
        }
        assert_eq!(back, a);
        assert!(merge_chunk(&mut back, &Chunk::People("[{".into())).is_err());
    }

    #[test]
    fn files_by_content() {
        assert_eq!(
            load_bytes("a.txt", "会议强调".as_bytes()),
            Loaded::Text("会议强调".into())
        );
        assert_eq!(
            load_bytes("a.png", b"\x89PNG\r\n\x1a\n\0\0\0"),
            Loaded::Binary
        );
        let text = "会议强调\n1. report\n";
        let le: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_be_bytes()).collect();
        assert_eq!(load_bytes("a.txt", &le), Loaded::Text(text.into()));
        assert_eq!(load_bytes("a.txt", &be), Loaded::Text(text.into()));
        // GB18030 is for the decoder worker: the analysis worker hands it on, the two together
        // read it.
        let gb = include_bytes!("../tests/fixtures/court-meeting.gb18030.txt");
        assert_eq!(load_unicode("meeting.txt", gb), None);
        let utf8 = include_str!("../tests/fixtures/court-meeting.zh.txt");
        assert_eq!(load_bytes("meeting.txt", gb), Loaded::Text(utf8.into()));
    }
}
