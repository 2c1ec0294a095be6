//! Bytes of an uploaded file to text: UTF-8 (with or without BOM), UTF-16 LE/BE with BOM, and
//! legacy Chinese encodings (GB18030/GBK, Big5) detected by `chardetng`. Pure: no IO.

use encoding_rs::{Encoding, GB18030, UTF_8};

/// Largest input accepted; beyond it the app and CLI refuse with a clear message.
pub const MAX_BYTES: usize = 64 * 1024 * 1024;

/// A decoded file: its text and the encoding it was read as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static str,
}

/// Why a file could not be read as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// The bytes look like a binary file (image, archive, executable).
    Binary,
    /// Larger than [`MAX_BYTES`].
    TooLarge { bytes: usize },
    /// No encoding reads it without many replacement characters.
    Undecodable,
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DecodeError::Binary => write!(f, "this looks like a binary file, not text"),
            DecodeError::TooLarge { bytes } => write!(
                f,
                "the file has {} MB; the limit is {} MB",
                bytes / (1024 * 1024),
                MAX_BYTES / (1024 * 1024)
            ),
            DecodeError::Undecodable => {
                write!(f, "the file's text encoding could not be recognised")
            }
        }
    }
}

impl std::error::Error for DecodeError {}

/// Decodes a text file's bytes. The BOM, if any, is dropped from the text.
pub fn decode_bytes(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if bytes.len() > MAX_BYTES {
        return Err(DecodeError::TooLarge { bytes: bytes.len() });
    }
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        return finish(text.into_owned(), encoding, had_errors);
    }
    if looks_binary(bytes) {
        return Err(DecodeError::Binary);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => {
            return Ok(Decoded {
                text: text.to_owned(),
                encoding: UTF_8.name(),
            })
        }
        // A UTF-8 file cut mid-character or with a stray bad byte is still UTF-8: keep it with
        // replacement characters rather than misreading all of it as a legacy encoding.
        Err(e) if e.valid_up_to() > 0 => {
            let (text, _) = UTF_8.decode_without_bom_handling(bytes);
            let bad = text.chars().filter(|&c| c == '\u{FFFD}').count();
            if bad <= 1 || bad * 1000 <= text.chars().count() {
                return Ok(Decoded {
                    text: text.into_owned(),
                    encoding: UTF_8.name(),
                });
            }
        }
        Err(_) => {}
    }
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    let mut encoding = detector.guess(Some(b"cn"), true);
    // GBK is a subset of GB18030; decoding as GB18030 reads both.
    if encoding == encoding_rs::GBK {
        encoding = GB18030;
    }
    let (text, _, had_errors) = encoding.decode(bytes);
    finish(text.into_owned(), encoding, had_errors)
}

fn finish(
    text: String,
    encoding: &'static Encoding,
    had_errors: bool,
) -> Result<Decoded, DecodeError> {
    if had_errors {
        let bad = text.chars().filter(|&c| c == '\u{FFFD}').count();
        // A few broken bytes in a long text are worth keeping; a mostly broken one is not text.
        if bad * 20 > text.chars().count().max(1) {
            return Err(DecodeError::Undecodable);
        }
    }
    if text.chars().filter(|&c| is_control(c)).count() * 10 > text.chars().count().max(1) {
        return Err(DecodeError::Binary);
    }
    Ok(Decoded {
        text,
        encoding: encoding.name(),
    })
}

fn is_control(c: char) -> bool {
    (c < ' ' && !matches!(c, '\n' | '\r' | '\t' | '\u{c}')) || c == '\u{7f}'
}

/// NUL bytes or known magic numbers mark a binary file (text without a BOM has no NUL).
fn looks_binary(bytes: &[u8]) -> bool {
    const MAGIC: [&[u8]; 7] = [
        b"\x89PNG",
        b"PK\x03\x04",
        b"%PDF-",
        b"\x7fELF",
        b"GIF8",
        b"\xff\xd8\xff",
        b"\x1f\x8b",
    ];
    if MAGIC.iter().any(|m| bytes.starts_with(m)) {
        return true;
    }
    let head = &bytes[..bytes.len().min(8192)];
    head.contains(&0)
}
