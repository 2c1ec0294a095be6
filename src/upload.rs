//! Reading an uploaded or dropped file: bytes → a `.gangmu` document or `decode_bytes` → an
//! action. The size check comes first so a huge file is refused without being read into
//! memory.

use gangmu_core::decode::{decode_bytes, DecodeError, MAX_BYTES};
use gangmu_core::share::Shared;
use yew::Callback;

use crate::state::{Action, AppError};

/// Maps a core decoding error to the app's error (which the UI words per language).
pub fn app_error(e: DecodeError) -> AppError {
    match e {
        DecodeError::Binary => AppError::Binary,
        DecodeError::TooLarge { bytes } => AppError::TooLarge { bytes },
        DecodeError::Undecodable => AppError::Undecodable,
    }
}

/// Whether the bytes look like a `.gangmu` file: JSON (after an optional BOM) with a
/// `"version"` key.
fn looks_like_gangmu(bytes: &[u8]) -> bool {
    let body = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let start = body.iter().position(|b| !b.is_ascii_whitespace());
    start.is_some_and(|i| body[i] == b'{')
        && body
            .windows(b"\"version\"".len())
            .any(|w| w == b"\"version\"")
}

/// The action for a file's bytes. A `.gangmu` file (by its name, or by content that looks
/// like one) opens as a document with its view; anything else is text. A file named
/// `.gangmu` that does not parse is an error; other JSON that does not parse is read as text.
pub fn action_for_file(name: &str, bytes: &[u8]) -> Action {
    let named = name.to_lowercase().ends_with(".gangmu");
    if named || looks_like_gangmu(bytes) {
        let body = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
        match Shared::from_file(body) {
            Ok(shared) => return Action::Open { shared, id: None },
            Err(e) if named => return Action::LoadFailed(AppError::File(e)),
            Err(_) => {}
        }
    }
    action_for_bytes(bytes)
}

/// The action for a text file's bytes.
pub fn action_for_bytes(bytes: &[u8]) -> Action {
    match decode_bytes(bytes) {
        Ok(d) => Action::LoadText(d.text),
        Err(e) => Action::LoadFailed(app_error(e)),
    }
}

/// Reads `file` asynchronously and dispatches `LoadText`, `Open` or `LoadFailed`.
pub fn load_file(file: web_sys::File, dispatch: Callback<Action>) {
    let size = file.size();
    if size > MAX_BYTES as f64 {
        dispatch.emit(Action::LoadFailed(AppError::TooLarge {
            bytes: size as usize,
        }));
        return;
    }
    let name = file.name();
    wasm_bindgen_futures::spawn_local(async move {
        let read = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await;
        let action = match read {
            Ok(buf) => action_for_file(&name, &js_sys::Uint8Array::new(&buf).to_vec()),
            Err(e) => Action::LoadFailed(AppError::Read(
                e.as_string().unwrap_or_else(|| format!("{e:?}")),
            )),
        };
        dispatch.emit(action);
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use gangmu_core::share::{ShareError, View};

    #[test]
    fn text_and_binary_files() {
        assert!(
            matches!(action_for_bytes("会议强调".as_bytes()), Action::LoadText(t) if t == "会议强调")
        );
        assert!(matches!(
            action_for_bytes(b"\x89PNG\r\n\x1a\n\0\0\0"),
            Action::LoadFailed(AppError::Binary)
        ));
    }

    #[test]
    fn gangmu_files_by_name_or_content() {
        let shared = Shared::new("会议强调\n周明远出席。".into(), View::default());
        let file = shared.to_file();
        for name in ["doc.gangmu", "doc.GANGMU", "doc.json", "doc.txt"] {
            assert!(
                matches!(action_for_file(name, file.as_bytes()), Action::Open { shared: s, id: None } if s == shared),
                "{name}"
            );
        }
        // With a BOM too.
        let bom = format!("\u{feff}{file}");
        assert!(matches!(
            action_for_file("x.gangmu", bom.as_bytes()),
            Action::Open { .. }
        ));
        // A broken .gangmu file is an error; JSON that is not ours is just text.
        assert!(matches!(
            action_for_file("x.gangmu", b"{\"version\": 1, \"text\": "),
            Action::LoadFailed(AppError::File(ShareError::Corrupt(_)))
        ));
        let future = file.replace("\"version\": 1", "\"version\": 9");
        assert!(matches!(
            action_for_file("x.gangmu", future.as_bytes()),
            Action::LoadFailed(AppError::File(ShareError::FutureVersion(9)))
        ));
        let other = "{\"version\": \"2.0\", \"name\": \"x\"}";
        assert!(
            matches!(action_for_file("package.json", other.as_bytes()), Action::LoadText(t) if t == other)
        );
    }
}
