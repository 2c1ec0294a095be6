//! Bytes of an uploaded file to text: UTF-8 (with or without BOM) and UTF-16 LE/BE with BOM
//! by [`decode_unicode`], with the standard library alone; and, with the `legacy` feature,
//! legacy Chinese encodings (GB18030/GBK, Big5) detected by `chardetng` ([`decode_bytes`]).
//! Pure: no IO.
//!
//! The split is for the app's size: encoding_rs's tables weigh more than all of the page's
//! code, and nearly every file people upload is Unicode. The analysis worker reads those
//! itself and hands the rest to a decoder worker started only when one arrives.

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
    /// Not Unicode: a legacy encoding, which [`decode_unicode`] does not read.
    Legacy,
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
            DecodeError::Legacy => write!(f, "the file is in a legacy (non-Unicode) encoding"),
        }
    }
}

impl std::error::Error for DecodeError {}

/// Decodes a Unicode text file's bytes (the BOM, if any, dropped from the text); anything
/// else is [`DecodeError::Legacy`] (or binary, or too large).
pub fn decode_unicode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if bytes.len() > MAX_BYTES {
        return Err(DecodeError::TooLarge { bytes: bytes.len() });
    }
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        let text = String::from_utf8_lossy(rest);
        let had_errors = matches!(text, std::borrow::Cow::Owned(_));
        return finish(text.into_owned(), "UTF-8", had_errors);
    }
    for (bom, name, little) in [
        (b"\xFF\xFE", "UTF-16LE", true),
        (b"\xFE\xFF", "UTF-16BE", false),
    ] {
        if let Some(rest) = bytes.strip_prefix(bom) {
            let units = rest.chunks(2).map(|u| match (u, little) {
                ([a, b], true) => u16::from_le_bytes([*a, *b]),
                ([a, b], false) => u16::from_be_bytes([*a, *b]),
                // An odd last byte: a broken unit, read as a replacement character.
                _ => 0xFFFF,
            });
            let mut had_errors = rest.len() % 2 != 0;
            let text: String = char::decode_utf16(units)
                .map(|r| {
                    r.unwrap_or_else(|_| {
                        had_errors = true;
                        '\u{FFFD}'
                    })
                })
                .collect();
            return finish(text, name, had_errors);
        }
    }
    if looks_binary(bytes) {
        return Err(DecodeError::Binary);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(Decoded {
            text: text.to_owned(),
            encoding: "UTF-8",
        }),
        // A UTF-8 file cut mid-character or with a stray bad byte is still UTF-8: keep it with
        // replacement characters rather than misreading all of it as a legacy encoding.
        Err(e) if e.valid_up_to() > 0 => {
            let text = String::from_utf8_lossy(bytes);
            let bad = text.chars().filter(|&c| c == '\u{FFFD}').count();
            if bad <= 1 || bad * 1000 <= text.chars().count() {
                Ok(Decoded {
                    text: text.into_owned(),
                    encoding: "UTF-8",
                })
            } else {
                Err(DecodeError::Legacy)
            }
        }
        Err(_) => Err(DecodeError::Legacy),
    }
}

/// Decodes a text file's bytes in any encoding: Unicode as [`decode_unicode`], else the
/// legacy encoding `chardetng` guesses (Chinese first).
#[cfg(feature = "legacy")]
pub fn decode_bytes(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    match decode_unicode(bytes) {
        Err(DecodeError::Legacy) => decode_legacy(bytes),
        other => other,
    }
}

/// The legacy half of [`decode_bytes`]: the encoding `chardetng` guesses.
#[cfg(feature = "legacy")]
pub fn decode_legacy(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if bytes.len() > MAX_BYTES {
        return Err(DecodeError::TooLarge { bytes: bytes.len() });
    }
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    let mut encoding = detector.guess(Some(b"cn"), true);
    // GBK is a subset of GB18030; decoding as GB18030 reads both.
    if encoding == encoding_rs::GBK {
        encoding = encoding_rs::GB18030;
    }
    let (text, _, had_errors) = encoding.decode(bytes);
    finish(text.into_owned(), encoding.name(), had_errors)
}

fn finish(text: String, encoding: &'static str, had_errors: bool) -> Result<Decoded, DecodeError> {
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
    Ok(Decoded { text, encoding })
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
