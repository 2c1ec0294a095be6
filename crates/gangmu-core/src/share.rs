//! The document and view state as they travel: in a share link's URL fragment (deflate, then
//! base64url) and in a `.gangmu` file (plain JSON). Not analysis, but pure like it, so the page,
//! the CLI and the fuzzer share one codec.
//!
//! A link's fragment is `#v1.` followed by the payload: the version stays readable without
//! decoding, so a link from a future version is told apart from a broken one.

use base64::Engine;
use serde::{Deserialize, Serialize};

/// The format this build writes and the newest it reads.
pub const VERSION: u32 = 1;
/// Largest text a link or file may expand to: a tampered payload cannot exhaust memory.
pub const MAX_TEXT_BYTES: usize = 32 * 1024 * 1024;

/// What a shared link or a `.gangmu` file carries.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct Shared {
    /// Format version (`VERSION` when written by this build).
    pub version: u32,
    pub text: String,
    #[serde(default)]
    pub view: View,
}

/// The view a person had: what is selected, which outline nodes are closed, the UI language.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct View {
    /// UI language code (`zh`, `en`), if chosen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ui: Option<String>,
    /// Start offsets of the outline nodes that are collapsed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub collapsed: Vec<usize>,
    /// The selected list entry, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub selected: Option<Selected>,
}

/// A selected person, organisation or formulation, by its name as listed.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case", tag = "kind", content = "name")]
pub enum Selected {
    Person(String),
    Organization(String),
    Formulation(String),
}

/// Why a link or file could not be opened. The messages are for people.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShareError {
    /// No `v<N>.` prefix: not a Gangmu link at all.
    NotALink,
    /// Written by a newer version of Gangmu.
    FutureVersion(u32),
    /// The payload is cut short or altered.
    Corrupt(&'static str),
    /// It would expand beyond `MAX_TEXT_BYTES`.
    TooLarge,
}

impl std::fmt::Display for ShareError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ShareError::NotALink => write!(f, "this is not a Gangmu share link"),
            ShareError::FutureVersion(v) => {
                write!(f, "this link was made by a newer version of Gangmu (format {v}); reload the page to update")
            }
            ShareError::Corrupt(what) => write!(f, "this link is damaged or incomplete ({what})"),
            ShareError::TooLarge => write!(
                f,
                "this link expands to more than {} MB",
                MAX_TEXT_BYTES / (1024 * 1024)
            ),
        }
    }
}

impl std::error::Error for ShareError {}

impl Shared {
    pub fn new(text: String, view: View) -> Shared {
        Shared {
            version: VERSION,
            text,
            view,
        }
    }

    /// The URL fragment (without `#`): `v1.` + base64url(deflate(tag + JSON)). A mostly
    /// Chinese JSON is written in UTF-16LE (tag `w`): two bytes a Chinese character instead of
    /// UTF-8's three, about 10% shorter links for Chinese reports after deflate; any other in
    /// UTF-8 (tag `u`). (Links of the first release used GB18030, tag `g`, a few percent
    /// shorter still, but its tables would weigh more than all of the page's own code.)
    pub fn to_fragment(&self) -> String {
        let json = serde_json::to_string(self).expect("plain data serialises");
        let (mut wide, mut all) = (0usize, 0usize);
        for c in json.chars() {
            all += 1;
            if c as u32 >= 0x2E80 {
                wide += 1;
            }
        }
        let mut body;
        if wide * 3 >= all && wide > 0 {
            body = Vec::with_capacity(json.len() + 1);
            body.push(b'w');
            body.extend(json.encode_utf16().flat_map(u16::to_le_bytes));
        } else {
            body = Vec::with_capacity(json.len() + 1);
            body.push(b'u');
            body.extend_from_slice(json.as_bytes());
        }
        let packed = miniz_oxide::deflate::compress_to_vec(&body, 9);
        format!(
            "v{}.{}",
            self.version,
            base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(packed)
        )
    }

    /// Reads a fragment (with or without the leading `#`; percent-escapes as a browser may add).
    pub fn from_fragment(fragment: &str) -> Result<Shared, ShareError> {
        let fragment = fragment.strip_prefix('#').unwrap_or(fragment).trim();
        let (version, payload) = fragment
            .strip_prefix('v')
            .and_then(|rest| rest.split_once('.'))
            .ok_or(ShareError::NotALink)?;
        let version: u32 = version.parse().map_err(|_| ShareError::NotALink)?;
        if version > VERSION {
            return Err(ShareError::FutureVersion(version));
        }
        let packed = base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(payload.trim_end_matches('='))
            .map_err(|_| ShareError::Corrupt("not base64url"))?;
        let body = miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, MAX_TEXT_BYTES)
            .map_err(|e| {
                if e.status == miniz_oxide::inflate::TINFLStatus::HasMoreOutput {
                    ShareError::TooLarge
                } else {
                    ShareError::Corrupt("does not decompress")
                }
            })?;
        match body.split_first() {
            Some((b'u', json)) => Self::from_json(json),
            Some((b'w', wide)) => {
                if wide.len() % 2 != 0 {
                    return Err(ShareError::Corrupt("bad text encoding"));
                }
                let units = wide
                    .chunks_exact(2)
                    .map(|u| u16::from_le_bytes([u[0], u[1]]));
                let json: String = char::decode_utf16(units)
                    .collect::<Result<_, _>>()
                    .map_err(|_| ShareError::Corrupt("bad text encoding"))?;
                Self::from_json(json.as_bytes())
            }
            #[cfg(feature = "legacy")]
            Some((b'g', gb)) => {
                let (json, malformed) = encoding_rs::GB18030.decode_without_bom_handling(gb);
                if malformed {
                    return Err(ShareError::Corrupt("bad text encoding"));
                }
                Self::from_json(json.as_bytes())
            }
            #[cfg(not(feature = "legacy"))]
            Some((b'g', _)) => Err(ShareError::Corrupt(
                "made by a development version of Gangmu whose format this page no longer reads",
            )),
            _ => Err(ShareError::Corrupt("unknown payload")),
        }
    }

    /// A `.gangmu` file: pretty JSON a person can read.
    pub fn to_file(&self) -> String {
        serde_json::to_string_pretty(self).expect("plain data serialises")
    }

    /// Reads a `.gangmu` file.
    pub fn from_file(bytes: &[u8]) -> Result<Shared, ShareError> {
        if bytes.len() > MAX_TEXT_BYTES * 2 {
            return Err(ShareError::TooLarge);
        }
        Self::from_json(bytes)
    }

    fn from_json(json: &[u8]) -> Result<Shared, ShareError> {
        let shared: Shared = serde_json::from_slice(json)
            .map_err(|_| ShareError::Corrupt("not a Gangmu document"))?;
        if shared.version > VERSION {
            return Err(ShareError::FutureVersion(shared.version));
        }
        if shared.version == 0 {
            return Err(ShareError::Corrupt("no format version"));
        }
        Ok(shared)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Shared {
        let text =
            "会议强调\n市委副书记周明远出席会议，强调要坚持“公正与效率”工作主题。\n".repeat(20);
        Shared::new(
            text,
            View {
                ui: Some("zh".into()),
                collapsed: vec![0, 41],
                selected: Some(Selected::Person("周明远".into())),
            },
        )
    }

    #[test]
    fn link_round_trip_and_compression() {
        let shared = sample();
        let fragment = shared.to_fragment();
        assert!(fragment.starts_with("v1."));
        assert!(
            fragment
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c)),
            "URL-safe"
        );
        assert_eq!(Shared::from_fragment(&fragment).unwrap(), shared);
        assert_eq!(
            Shared::from_fragment(&format!("#{fragment}")).unwrap(),
            shared
        );
        assert!(
            fragment.len() < shared.text.len() / 3,
            "repetitive text compresses well"
        );
    }

    #[test]
    fn broken_links_say_what_is_wrong() {
        let fragment = sample().to_fragment();
        let cut = &fragment[..fragment.len() / 2];
        assert!(matches!(
            Shared::from_fragment(cut),
            Err(ShareError::Corrupt(_))
        ));
        let tampered = fragment.replacen('A', "%%", 1) + "%%";
        assert!(Shared::from_fragment(&tampered).is_err());
        assert_eq!(Shared::from_fragment("hello"), Err(ShareError::NotALink));
        assert_eq!(
            Shared::from_fragment("v7.AAAA"),
            Err(ShareError::FutureVersion(7))
        );
        assert!(ShareError::FutureVersion(7)
            .to_string()
            .contains("newer version"));
    }

    fn payload_tag(fragment: &str) -> u8 {
        let packed = base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(&fragment[3..])
            .unwrap();
        miniz_oxide::inflate::decompress_to_vec(&packed).unwrap()[0]
    }

    #[test]
    fn any_text_survives_exactly_in_either_payload() {
        // Astral characters (surrogate pairs in UTF-16), private use and emoji.
        let chinese = Shared::new(
            "会议强调，坚持“公正与效率”。\u{e5e5}😀 text\u{10ffff}𠀀".repeat(5),
            View::default(),
        );
        let fragment = chinese.to_fragment();
        assert_eq!(payload_tag(&fragment), b'w');
        assert_eq!(Shared::from_fragment(&fragment).unwrap(), chinese);
        let english = Shared::new(
            "The committee met on Tuesday. 会议 😀".into(),
            View::default(),
        );
        let fragment = english.to_fragment();
        assert_eq!(payload_tag(&fragment), b'u');
        assert_eq!(Shared::from_fragment(&fragment).unwrap(), english);
    }

    #[test]
    fn chinese_links_are_shorter_in_utf16_than_in_utf8() {
        let shared = Shared::new(
            "临江市中级人民法院召开党组会议，传达学习全省法院院长会议精神，研究部署下一阶段审判执行工作。会议指出，要坚持以人民为中心，持续深化诉源治理，推动矛盾纠纷实质性化解。会议强调，要以“公正与效率”为主题，抓实审判管理，提升办案质效。".into(),
            View::default(),
        );
        let json = serde_json::to_string(&shared).unwrap();
        let mut utf8 = vec![b'u'];
        utf8.extend_from_slice(json.as_bytes());
        let as_utf8 = miniz_oxide::deflate::compress_to_vec(&utf8, 9).len();
        let packed = base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(&shared.to_fragment()[3..])
            .unwrap();
        assert!(packed.len() < as_utf8, "{} vs {as_utf8}", packed.len());
    }

    /// Links of the first release carried GB18030 (tag `g`): read where the legacy tables are
    /// built in, a clear refusal where they are not.
    #[test]
    fn first_release_gb18030_links() {
        let json = serde_json::to_string(&sample()).unwrap();
        let mut body = vec![b'g'];
        #[cfg(feature = "legacy")]
        body.extend_from_slice(&encoding_rs::GB18030.encode(&json).0);
        #[cfg(not(feature = "legacy"))]
        body.extend_from_slice(json.as_bytes());
        let fragment = format!(
            "v1.{}",
            base64::engine::general_purpose::URL_SAFE_NO_PAD
                .encode(miniz_oxide::deflate::compress_to_vec(&body, 9))
        );
        #[cfg(feature = "legacy")]
        assert_eq!(Shared::from_fragment(&fragment).unwrap(), sample());
        #[cfg(not(feature = "legacy"))]
        assert!(matches!(
            Shared::from_fragment(&fragment),
            Err(ShareError::Corrupt(_))
        ));
    }

    #[test]
    fn a_bomb_is_refused() {
        let mut zeros = vec![b'u'];
        zeros.resize(MAX_TEXT_BYTES + 1024, b' ');
        let packed = miniz_oxide::deflate::compress_to_vec(&zeros, 9);
        let fragment = format!(
            "v1.{}",
            base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(packed)
        );
        assert_eq!(Shared::from_fragment(&fragment), Err(ShareError::TooLarge));
    }

    #[test]
    fn file_round_trip_and_future_files() {
        let shared = sample();
        assert_eq!(
            Shared::from_file(shared.to_file().as_bytes()).unwrap(),
            shared
        );
        let future = shared.to_file().replace("\"version\": 1", "\"version\": 2");
        assert_eq!(
            Shared::from_file(future.as_bytes()),
            Err(ShareError::FutureVersion(2))
        );
        assert!(Shared::from_file(b"{\"text\": 1}").is_err());
    }
}
