//! Reading an uploaded or dropped file: bytes → `decode_bytes` → an action. The size check
//! comes first so a huge file is refused without being read into memory.

use gangmu_core::decode::{decode_bytes, DecodeError, MAX_BYTES};
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

/// The action for a file's bytes.
pub fn action_for_bytes(bytes: &[u8]) -> Action {
    match decode_bytes(bytes) {
        Ok(d) => Action::LoadText(d.text),
        Err(e) => Action::LoadFailed(app_error(e)),
    }
}

/// Reads `file` asynchronously and dispatches `LoadText` or `LoadFailed`.
pub fn load_file(file: web_sys::File, dispatch: Callback<Action>) {
    let size = file.size();
    if size > MAX_BYTES as f64 {
        dispatch.emit(Action::LoadFailed(AppError::TooLarge {
            bytes: size as usize,
        }));
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        let read = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await;
        let action = match read {
            Ok(buf) => action_for_bytes(&js_sys::Uint8Array::new(&buf).to_vec()),
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
}
