//! A statistical token tagger for English names: an averaged perceptron over hashed features,
//! decoded by Viterbi under BIO constraints — the design of the Chinese tagger
//! ([`crate::zh::tagger`]) on words instead of characters.
//!
//! **Tags.** One per token: `O`, then `B-`/`I-` for PER, ORG, LOC and MISC. Only people and
//! organisations leave the tagger; LOC and MISC are learnt so that "Germany" or "German" are
//! not taken for organisations. `I-X` only follows `B-X` or `I-X`.
//!
//! **Tokens** ([`tokenize`]): words (letters and digits, joined by inner `-` `.` `&` `'`),
//! the final period of an initial or an abbreviation ("J." "Mr." "U.S."), a possessive `'s`, and
//! single punctuation marks. A sequence is one sentence of one line: it ends at `.` `!` `?`.
//!
//! **Features** of token `i`, each hashed to one of 2^`bits` buckets holding one weight per tag:
//! the word (as written and lower-cased) and its neighbours ±2, word bigrams around it, its
//! shape ("Xx", "X.X.", "d-d") and the shapes around it, prefixes and suffixes up to four
//! letters, sentence-initial and all-capitals-sentence flags (headlines are not names), and cues
//! from the project's own word lists ([`super::lexicon`]): a given name, a title before, an
//! organisation head word here or next, a common word.
//!
//! **Model.** Weights, decoding, training and the asset format (`data/en-ner.bin`, magic
//! `b"GMENER1\0"`, written by `gangmu train-ner-en`) are the labeller both taggers share:
//! [`crate::perceptron`]. A feature's bucket is its hash, mixed again, in the table's bits.

use std::collections::HashSet;

use super::lexicon::{is_common, FUNCTION_WORDS, GIVEN_NAMES, ORG_HEADS, TITLES_BEFORE};
use crate::perceptron::Weights;
use crate::Span;

/// Number of tags: O and B/I of PER, ORG, LOC, MISC.
pub const TAGS: usize = 9;
const MAGIC: &[u8; 8] = b"GMENER1\0";
#[cfg(test)]
const HEADER: usize = crate::perceptron::header_len(TAGS);
/// Largest table the parser accepts: anything bigger is not ours.
const MAX_BITS: u32 = 24;

#[cfg(feature = "embedded")]
const SHIPPED: &[u8] = include_bytes!("../../data/en-ner.bin");

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    Per,
    Org,
    Loc,
    Misc,
}

pub const O: u8 = 0;
pub const B_PER: u8 = 1;
pub const I_PER: u8 = 2;
pub const B_ORG: u8 = 3;
pub const I_ORG: u8 = 4;
pub const B_LOC: u8 = 5;
pub const I_LOC: u8 = 6;
pub const B_MISC: u8 = 7;
pub const I_MISC: u8 = 8;

/// The B tag of a kind (its I tag is one more).
pub fn begin(kind: Kind) -> u8 {
    match kind {
        Kind::Per => B_PER,
        Kind::Org => B_ORG,
        Kind::Loc => B_LOC,
        Kind::Misc => B_MISC,
    }
}

fn kind_of(tag: u8) -> Option<Kind> {
    match tag {
        1 | 2 => Some(Kind::Per),
        3 | 4 => Some(Kind::Org),
        5 | 6 => Some(Kind::Loc),
        7 | 8 => Some(Kind::Misc),
        _ => None,
    }
}

pub use crate::perceptron::{allowed, ModelError};

/// A trained tagger reading its weight table in place.
pub struct Model<'a> {
    weights: Weights<'a, TAGS>,
}

impl<'a> Model<'a> {
    /// Parses a model. Never panics: anything that is not a whole model is an error.
    pub fn from_bytes(bytes: &'a [u8]) -> Result<Model<'a>, ModelError> {
        Ok(Model {
            weights: Weights::from_bytes(bytes, MAGIC, MAX_BITS, bucket)?,
        })
    }

    /// The model shipped with the core (`data/en-ner.bin`), if it parses.
    #[cfg(feature = "embedded")]
    pub fn shipped() -> Option<Model<'static>> {
        Model::from_bytes(SHIPPED).ok()
    }

    /// Tags of one sequence of words.
    pub fn tag_words(&self, words: &[&str], ctx: &Context, feats: &mut Features) -> Vec<u8> {
        feats.extract(words, ctx);
        let mut emissions = Vec::new();
        self.weights
            .emissions_into(feats.len(), |i| feats.at(i), &mut emissions);
        let mut tags = vec![O; words.len()];
        self.weights.decode(&emissions, &mut tags, &mut Vec::new());
        tags
    }

    /// Names in `chars` with their kinds, as char spans, in order.
    pub fn spans(&self, chars: &[char], ctx: &Context) -> Vec<(Kind, Span)> {
        let mut out = Vec::new();
        let mut feats = Features::default();
        let mut words: Vec<String> = Vec::new();
        for seq in tokenize(chars) {
            words.clear();
            words.extend(seq.iter().map(|s| chars[s.start..s.end].iter().collect()));
            let refs: Vec<&str> = words.iter().map(String::as_str).collect();
            let tags = self.tag_words(&refs, ctx, &mut feats);
            for (kind, a, b) in token_spans(&tags) {
                out.push((kind, Span::new(seq[a].start, seq[b - 1].end)));
            }
        }
        out
    }
}

/// Spans of a BIO tag sequence in token indices: (kind, first, end exclusive).
pub fn token_spans(tags: &[u8]) -> Vec<(Kind, usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<(u8, usize)> = None;
    for (i, &t) in tags.iter().chain(std::iter::once(&O)).enumerate() {
        if let Some((b, _)) = open {
            if t == b + 1 {
                continue;
            }
        }
        if let Some((b, s)) = open.take() {
            if let Some(k) = kind_of(b) {
                out.push((k, s, i));
            }
        }
        if t != O {
            // An I tag with no B (only from hand-made sequences) opens a span too.
            open = Some((if t % 2 == 0 { t - 1 } else { t }, i));
        }
    }
    out
}

// ------------------------------------------------------------------ tokens

const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Sen", "Rep", "Gov", "Gen", "Inc", "Corp", "Co", "Ltd", "St", "Jr",
    "Sr", "Lt", "Col", "Capt", "Prof", "Rev", "Adm", "Sgt", "Mt", "No", "Dept", "Bros", "Cmdr",
    "Maj", "Pres", "Ft", "Messrs", "Univ", "Assn", "Plc", "vs",
];

fn line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}')
}

/// Tokens of `chars` as char spans, grouped in sequences (sentences within a line).
pub fn tokenize(chars: &[char]) -> Vec<Vec<Span>> {
    let mut out = Vec::new();
    let mut seq: Vec<Span> = Vec::new();
    let mut i = 0;
    let n = chars.len();
    let mut line_start = 0;
    while i < n {
        let c = chars[i];
        if line_break(c) {
            let wrapped = wraps_name(chars, line_start, i, seq.last());
            line_start = i + 1;
            i += 1;
            if wrapped {
                // "… the Congressional Research\nService (CRS) …": one sentence.
                if c == '\r' && chars.get(i) == Some(&'\n') {
                    i += 1;
                    line_start = i;
                }
                continue;
            }
            if !seq.is_empty() {
                out.push(std::mem::take(&mut seq));
            }
            continue;
        }
        if c.is_whitespace() || crate::text::is_blank(c) {
            i += 1;
            continue;
        }
        let start = i;
        if c.is_alphanumeric() {
            i += 1;
            while i < n {
                let c = chars[i];
                let next_alnum = chars.get(i + 1).is_some_and(|n| n.is_alphanumeric());
                let joins = (matches!(c, '-' | '.' | '&')
                    || matches!(c, '\'' | '’') && !possessive(chars, i))
                    && next_alnum
                    // "1,279" "13:06.57": one number.
                    || matches!(c, ',' | ':')
                        && chars[i - 1].is_ascii_digit()
                        && chars.get(i + 1).is_some_and(|n| n.is_ascii_digit());
                if c.is_alphanumeric() || joins {
                    i += 1;
                } else {
                    break;
                }
            }
            if i < n && chars[i] == '.' {
                let word: String = chars[start..i].iter().collect();
                let initial = word.chars().count() == 1 && c.is_uppercase();
                // "U.S." "J." "Mr." keep their period, and so does the number of a list item
                // ("3. Ekimov"); a sentence's last word does not.
                let item = seq.is_empty()
                    && word.chars().all(|c| c.is_ascii_digit())
                    && chars.get(i + 1) == Some(&' ');
                if initial || item || word.contains('.') || ABBREVIATIONS.contains(&word.as_str()) {
                    i += 1;
                }
            }
        } else if matches!(c, '\'' | '’') && possessive(chars, i) {
            i += 2;
        } else {
            i += 1;
        }
        seq.push(Span::new(start, i));
        if i - start == 1 && matches!(chars[start], '.' | '!' | '?') {
            out.push(std::mem::take(&mut seq));
        }
    }
    if !seq.is_empty() {
        out.push(seq);
    }
    out
}

/// A line of running text broken inside a name: the line is long prose (not a heading), ends
/// on a capitalised word, and the next line goes straight on with one.
fn wraps_name(chars: &[char], line_start: usize, at: usize, last: Option<&Span>) -> bool {
    let Some(last) = last else {
        return false;
    };
    if at - line_start < 40 || last.end != at || !chars[last.start].is_uppercase() {
        return false;
    }
    let mut j = at + 1;
    if chars[at] == '\r' && chars.get(j) == Some(&'\n') {
        j += 1;
    }
    // Running prose has lower-case words; a list of names or a results line does not (there
    // a line break ends an item).
    let prose = chars[line_start..at]
        .split(|c| c.is_whitespace())
        .filter(|w| w.first().is_some_and(|c| c.is_lowercase()))
        .count()
        >= 3;
    prose
        && chars.get(j).is_some_and(|c| c.is_uppercase())
        && chars[last.start..last.end].iter().any(|c| c.is_lowercase())
}

/// `'s` ending a word at `at` (the apostrophe).
fn possessive(chars: &[char], at: usize) -> bool {
    matches!(chars.get(at + 1), Some('s') | Some('S'))
        && !chars.get(at + 2).is_some_and(|c| c.is_alphanumeric())
}

// ------------------------------------------------------------------ features

/// Word lists the features read; build once per analysis (a few thousand set entries).
pub struct Context {
    given: HashSet<&'static str>,
    titles: HashSet<&'static str>,
    heads: HashSet<&'static str>,
    function: HashSet<&'static str>,
}

impl Default for Context {
    fn default() -> Self {
        Self::new()
    }
}

impl Context {
    pub fn new() -> Context {
        Context {
            given: GIVEN_NAMES.iter().copied().collect(),
            // Last words of titles ("Secretary of State" → "State" is no cue; "Senator" is).
            titles: TITLES_BEFORE
                .iter()
                .filter_map(|t| t.split(' ').next_back())
                .filter(|w| w.starts_with(char::is_uppercase))
                .collect(),
            heads: ORG_HEADS.iter().copied().collect(),
            function: FUNCTION_WORDS.iter().copied().collect(),
        }
    }
}

/// Feature hashes of every token of one sequence.
#[derive(Default)]
pub struct Features {
    hashes: Vec<u32>,
    starts: Vec<u32>,
    lower: Vec<String>,
    shape: Vec<String>,
}

/// FNV-1a over the template number and the parts (with a separator), then a final mix: the
/// same on every platform, so the trainer and the tagger agree.
fn hash(template: u8, parts: &[&str]) -> u32 {
    let mut h = 0xcbf2_9ce4_8422_2325u64 ^ template as u64;
    h = h.wrapping_mul(0x0000_0100_0000_01b3);
    for p in parts {
        for b in p.bytes() {
            h ^= b as u64;
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
        h ^= 0xff;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    (h ^ (h >> 29) ^ (h >> 47)) as u32
}

fn bucket(h: u32, bits: u32) -> usize {
    let mut x = h;
    x ^= x >> 16;
    x = x.wrapping_mul(0x7feb_352d);
    x ^= x >> 15;
    x = x.wrapping_mul(0x846c_a68b);
    x ^= x >> 16;
    (x as usize) & ((1usize << bits) - 1)
}

/// "Xxxx" → "Xx", "U.S." → "X.X.", "1996-08-22" → "d-d-d", runs of one class collapsed.
fn shape(w: &str) -> String {
    let mut out = String::new();
    let mut last = None;
    for c in w.chars() {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if last != Some(k) {
            out.push(k);
            last = Some(k);
        }
        if out.len() > 8 {
            break;
        }
    }
    out
}

const PAD: &str = "<s>";

impl Features {
    pub fn len(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn at(&self, i: usize) -> &[u32] {
        &self.hashes[self.starts[i] as usize..self.starts[i + 1] as usize]
    }

    pub fn extract(&mut self, words: &[&str], ctx: &Context) {
        self.hashes.clear();
        self.starts.clear();
        self.lower.clear();
        self.shape.clear();
        let n = words.len();
        self.lower.extend(words.iter().map(|w| w.to_lowercase()));
        self.shape.extend(words.iter().map(|w| shape(w)));
        // A sentence in capitals (a headline, a dateline): capitals say nothing there.
        let (upper, lower_letters) = words
            .iter()
            .flat_map(|w| w.chars())
            .fold((0, 0), |(u, l), c| {
                (u + c.is_uppercase() as usize, l + c.is_lowercase() as usize)
            });
        let caps = if upper >= 4 && upper > lower_letters * 2 {
            "C"
        } else {
            "c"
        };
        let low = |k: isize| -> &str {
            if k < 0 || k as usize >= n {
                PAD
            } else {
                &self.lower[k as usize]
            }
        };
        let shp = |k: isize| -> &str {
            if k < 0 || k as usize >= n {
                PAD
            } else {
                &self.shape[k as usize]
            }
        };
        let raw = |k: isize| -> &str {
            if k < 0 || k as usize >= n {
                PAD
            } else {
                words[k as usize]
            }
        };
        let h = &mut self.hashes;
        for i in 0..n {
            self.starts.push(h.len() as u32);
            let p = i as isize;
            let w = words[i];
            let lw = low(p);
            h.push(hash(1, &[]));
            h.push(hash(2, &[lw]));
            h.push(hash(3, &[w]));
            h.push(hash(4, &[low(p - 1)]));
            h.push(hash(5, &[low(p + 1)]));
            h.push(hash(6, &[low(p - 2)]));
            h.push(hash(7, &[low(p + 2)]));
            h.push(hash(8, &[shp(p)]));
            h.push(hash(9, &[shp(p - 1), shp(p)]));
            h.push(hash(10, &[shp(p), shp(p + 1)]));
            h.push(hash(11, &[shp(p - 1), shp(p), shp(p + 1)]));
            let chars: Vec<(usize, char)> = lw.char_indices().collect();
            let len = chars.len();
            for k in 1..=4usize {
                if len > k {
                    h.push(hash(11 + k as u8, &[&lw[..chars[k].0]]));
                    h.push(hash(15 + k as u8, &[&lw[chars[len - k].0..]]));
                }
            }
            h.push(hash(20, &[low(p - 1), lw]));
            h.push(hash(21, &[lw, low(p + 1)]));
            h.push(hash(22, &[raw(p - 1), shp(p)]));
            h.push(hash(23, &[shp(p), raw(p + 1)]));
            let initial = i == 0
                || matches!(words[i - 1], "\"" | "“" | "'" | "(" | "-" | ":")
                    && (i == 1 || matches!(words[i - 2], "." | ":" | "\"" | "“"));
            h.push(hash(24, &[if initial { "I" } else { "i" }, shp(p)]));
            h.push(hash(25, &[caps, shp(p)]));
            if caps == "C" {
                h.push(hash(26, &[lw]));
            }
            let flag = |h: &mut Vec<u32>, t: u8, on: bool| {
                if on {
                    h.push(hash(t, &[]));
                }
            };
            flag(h, 30, ctx.given.contains(w));
            flag(h, 31, i > 0 && ctx.given.contains(words[i - 1]));
            flag(h, 32, i > 0 && ctx.titles.contains(words[i - 1]));
            flag(h, 33, ctx.heads.contains(w));
            flag(h, 34, i + 1 < n && ctx.heads.contains(words[i + 1]));
            flag(h, 35, i + 2 < n && ctx.heads.contains(words[i + 2]));
            flag(h, 36, ctx.function.contains(lw));
            flag(
                h,
                37,
                w.starts_with(char::is_uppercase) && is_common(w) && !ctx.heads.contains(w),
            );
            flag(h, 38, i > 1 && ctx.titles.contains(words[i - 2]));
            h.push(hash(39, &[&len.min(12).to_string()]));
        }
        self.starts.push(h.len() as u32);
    }
}

// ------------------------------------------------------------------ training

/// Training: an averaged perceptron over the same features, written to the asset format.
#[cfg(feature = "train")]
pub mod train {
    use super::*;
    pub use crate::perceptron::train::Config;
    use crate::perceptron::train::Example;

    /// A labelled sentence: words and one tag each.
    pub struct Sentence {
        pub words: Vec<String>,
        pub tags: Vec<u8>,
    }

    /// Trains on `sentences` and returns the model bytes. `progress` hears of each epoch.
    pub fn train(
        sentences: &[Sentence],
        ctx: &Context,
        config: &Config,
        progress: impl FnMut(usize, usize),
    ) -> Vec<u8> {
        let examples: Vec<Example> = sentences
            .iter()
            .map(|s| {
                let mut f = Features::default();
                let refs: Vec<&str> = s.words.iter().map(String::as_str).collect();
                f.extract(&refs, ctx);
                Example::new(f.len(), |i| f.at(i), s.tags.clone(), bucket, config.bits)
            })
            .collect();
        crate::perceptron::train::train::<TAGS>(&examples, MAGIC, config, progress)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<Vec<String>> {
        let chars: Vec<char> = text.chars().collect();
        tokenize(&chars)
            .into_iter()
            .map(|seq| {
                seq.iter()
                    .map(|s| chars[s.start..s.end].iter().collect())
                    .collect()
            })
            .collect()
    }

    #[test]
    fn tokens_keep_abbreviations_and_split_possessives() {
        assert_eq!(
            words("Mr. Smith's U.S. firm, Acme Corp. (ACME), paid 1,279 dollars."),
            [[
                "Mr.", "Smith", "'s", "U.S.", "firm", ",", "Acme", "Corp.", "(", "ACME", ")", ",",
                "paid", "1,279", "dollars", "."
            ]]
        );
        // Sentences end at a full stop; a list number keeps its period.
        assert_eq!(
            words("It rained. Then it stopped.\n3. Ekimov 1:7"),
            vec![
                vec!["It", "rained", "."],
                vec!["Then", "it", "stopped", "."],
                vec!["3.", "Ekimov", "1:7"],
            ]
        );
    }

    #[test]
    fn a_name_wrapped_in_prose_stays_in_one_sequence() {
        let wrapped = "The review was requested by the staff of the Congressional Research\nService last year.";
        assert_eq!(words(wrapped).len(), 1);
        // A short line (a heading) or a list of names ends its sequence.
        assert_eq!(words("Program Funding\nThe agency pays.").len(), 2);
        assert_eq!(
            words("Smith , Jones , Brown , Green , White , Black , Willie\nWood , Gray").len(),
            2
        );
    }

    #[test]
    fn viterbi_keeps_bio_and_spans_follow() {
        let mut emissions = vec![[0f32; TAGS]; 4];
        emissions[0][I_ORG as usize] = 5.0;
        emissions[1][I_ORG as usize] = 5.0;
        emissions[2][I_PER as usize] = 5.0;
        emissions[3][O as usize] = 1.0;
        let trans = [[0f32; TAGS]; TAGS + 1];
        let mut tags = vec![O; 4];
        crate::perceptron::viterbi(&emissions, &trans, &mut tags, &mut Vec::new());
        for i in 0..tags.len() {
            assert!(allowed((i > 0).then(|| tags[i - 1]), tags[i]), "{tags:?}");
        }
        assert_eq!(
            token_spans(&[B_PER, I_PER, O, B_ORG, I_ORG, I_ORG, B_LOC, B_MISC]),
            vec![
                (Kind::Per, 0, 2),
                (Kind::Org, 3, 6),
                (Kind::Loc, 6, 7),
                (Kind::Misc, 7, 8)
            ]
        );
    }

    #[test]
    fn foreign_or_truncated_bytes_are_refused() {
        assert_eq!(Model::from_bytes(&[]).err(), Some(ModelError::Truncated));
        assert_eq!(
            Model::from_bytes(&SHIPPED[..HEADER - 1]).err(),
            Some(ModelError::Truncated)
        );
        assert!(matches!(
            Model::from_bytes(&SHIPPED[..SHIPPED.len() - 1]),
            Err(ModelError::BadLength { .. })
        ));
        let mut other = SHIPPED[..HEADER].to_vec();
        other[0] = b'X';
        assert_eq!(Model::from_bytes(&other).err(), Some(ModelError::BadMagic));
        // The Chinese model is not an English one.
        let zh = include_bytes!("../../data/zh-ner.bin");
        assert_eq!(Model::from_bytes(zh).err(), Some(ModelError::BadMagic));
        for len in (0..SHIPPED.len()).step_by(50_021) {
            assert!(Model::from_bytes(&SHIPPED[..len]).is_err());
        }
    }

    fn tagged(text: &str) -> Vec<(Kind, String)> {
        let chars: Vec<char> = text.chars().collect();
        let model = Model::shipped().expect("shipped model parses");
        model
            .spans(&chars, &Context::new())
            .into_iter()
            .map(|(k, s)| (k, chars[s.start..s.end].iter().collect()))
            .collect()
    }

    #[test]
    fn shipped_model_reads_names_in_context() {
        let found = tagged("Officials at Northwind Logistics said Priya Raman would lead the new office in Denver.");
        assert!(
            found.contains(&(Kind::Org, "Northwind Logistics".into())),
            "{found:?}"
        );
        assert!(
            found.contains(&(Kind::Per, "Priya Raman".into())),
            "{found:?}"
        );
    }

    #[cfg(feature = "train")]
    #[test]
    fn a_model_trained_on_a_few_sentences_tags_a_new_one() {
        use train::*;
        let raw = [
            "[Anna Berg] joined {Lumen Analytics} in May .",
            "{Lumen Analytics} hired [Omar Haddad] .",
            "[Omar Haddad] left {Corvid Systems} .",
            "The weather was fine .",
            "[Anna Berg] said the results were good .",
            "{Corvid Systems} reported losses .",
        ];
        let sentences: Vec<Sentence> = raw
            .iter()
            .map(|r| {
                let (mut words, mut tags) = (Vec::new(), Vec::new());
                let mut open: Option<u8> = None;
                for w in r.split(' ') {
                    let (w, b) = match w.strip_prefix('[').or(w.strip_prefix('{')) {
                        Some(rest) => (rest, Some(if w.starts_with('[') { B_PER } else { B_ORG })),
                        None => (w, None),
                    };
                    let close = w.ends_with(']') || w.ends_with('}');
                    let w = w.trim_end_matches([']', '}']);
                    let tag = match (b, open) {
                        (Some(b), _) => b,
                        (None, Some(b)) => b + 1,
                        (None, None) => O,
                    };
                    open = if close { None } else { b.or(open) };
                    words.push(w.to_string());
                    tags.push(tag);
                }
                Sentence { words, tags }
            })
            .collect();
        let config = Config {
            bits: 14,
            epochs: 10,
            seed: 3,
            prune: 0.0,
        };
        let bytes = train(&sentences, &Context::new(), &config, |_, _| {});
        let model = Model::from_bytes(&bytes).expect("trained bytes parse");
        let mut feats = Features::default();
        let tags = model.tag_words(
            &["Omar", "Haddad", "joined", "Lumen", "Analytics", "."],
            &Context::new(),
            &mut feats,
        );
        assert_eq!(
            token_spans(&tags),
            vec![(Kind::Per, 0, 2), (Kind::Org, 3, 5)]
        );
    }
}
