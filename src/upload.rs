//! Reading an uploaded or dropped file. The page only checks the size; the worker reads,
//! decodes (or opens a `.gangmu` file) and answers with [`Loaded`], which becomes an action
//! here. Pure, so tested natively.

use gangmu_core::decode::{DecodeError, MAX_BYTES};

use crate::agent::Loaded;
use crate::state::{Action, AppError};

/// Files bigger than this are refused before anything is read (the core's own limit is
/// [`MAX_BYTES`]; analysing more than this in a browser tab is not useful).
pub const MAX_FILE_BYTES: usize = if MAX_BYTES < 32 * 1024 * 1024 {
    MAX_BYTES
} else {
    32 * 1024 * 1024
};

/// The action for what the worker made of a file.
pub fn action_for_loaded(loaded: Loaded) -> Action {
    match loaded {
        Loaded::Text(text) => Action::LoadText(text),
        Loaded::Document(shared) => Action::Open { shared, id: None },
        Loaded::Binary => Action::LoadFailed(AppError::Binary),
        Loaded::TooLarge { bytes } => Action::LoadFailed(AppError::TooLarge { bytes }),
        Loaded::Undecodable => Action::LoadFailed(AppError::Undecodable),
        Loaded::BadDocument(e) => Action::LoadFailed(AppError::File(e.into())),
        Loaded::Read(detail) => Action::LoadFailed(AppError::Read(detail)),
    }
}

/// The action for a file's bytes, as the workers would answer (tests, and nothing else).
#[cfg(test)]
pub fn action_for_file(name: &str, bytes: &[u8]) -> Action {
    action_for_loaded(crate::agent::load_bytes(name, bytes))
}

/// The action for a text file's bytes.
#[cfg(test)]
pub fn action_for_bytes(bytes: &[u8]) -> Action {
    action_for_file("", bytes)
}

/// Maps a core decoding error to the app's error (which the UI words per language).
pub fn app_error(e: DecodeError) -> AppError {
    match e {
        DecodeError::Binary => AppError::Binary,
        DecodeError::TooLarge { bytes } => AppError::TooLarge { bytes },
        DecodeError::Undecodable | DecodeError::Legacy => AppError::Undecodable,
    }
}

/// Whether the bytes look like a `.gangmu` file: JSON (after an optional BOM) with a
/// `"version"` key.
pub fn looks_like_gangmu(bytes: &[u8]) -> bool {
    let body = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let start = body.iter().position(|b| !b.is_ascii_whitespace());
    start.is_some_and(|i| body[i] == b'{')
        && body
            .windows(b"\"version\"".len())
            .any(|w| w == b"\"version\"")
}

/// UTF-16 text without a byte-order mark, decoded: the core refuses it as binary (it has
/// NUL bytes). Taken as UTF-16 when the NUL bytes all sit on one side of the 16-bit units
/// (the high byte of ASCII characters: odd offsets for little-endian, even for big-endian)
/// and the units decode to text with almost no control characters.
pub fn utf16_without_bom(bytes: &[u8]) -> Option<String> {
    if bytes.len() < 2 || bytes.len() % 2 != 0 {
        return None;
    }
    let sample = &bytes[..bytes.len().min(1 << 16)];
    let (mut even, mut odd) = (0usize, 0usize);
    for (i, &b) in sample.iter().enumerate() {
        if b == 0 {
            if i % 2 == 0 {
                even += 1;
            } else {
                odd += 1;
            }
        }
    }
    let le = match (even, odd) {
        (0, o) if o > 0 => true,
        (e, 0) if e > 0 => false,
        _ => return None,
    };
    let units = bytes.chunks_exact(2).map(|p| {
        if le {
            u16::from_le_bytes([p[0], p[1]])
        } else {
            u16::from_be_bytes([p[0], p[1]])
        }
    });
    let text: String = char::decode_utf16(units).collect::<Result<_, _>>().ok()?;
    let controls = text
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
        .count();
    (controls * 100 <= text.chars().count()).then_some(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use gangmu_core::share::{ShareError, Shared, View};

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
