//! A statistical character tagger for Chinese people (PER) and organisations (ORG): an averaged
//! perceptron over hashed features, decoded by Viterbi under BIO constraints.
//!
//! **Tags.** One per character: `O`, `B-PER`, `I-PER`, `B-ORG`, `I-ORG`, decoded under BIO
//! constraints, so every span is well formed.
//!
//! **Features** of the character at `i` (each hashed to one of 2^`bits` buckets; a bucket holds
//! one weight per tag): the characters at `i-2..=i+2`, the two bigrams through `i`,
//! the character-type pattern of the window (Han, digit, Chinese numeral, Latin, punctuation),
//! where `i` falls in its word of the corpus-derived segmentation ([`super::words`]) and that
//! word itself, and lexicon cues from the project's own word lists ([`super::lexicon`]): a
//! surname (single or compound) starts here, a title word ends just before or starts just after,
//! a word that follows names starts after, an organisation body or suffix ends here or covers
//! this character, a national body or a country covers it, the character never occurs in names,
//! or is a transliteration character. And how name-like the characters of the window are as
//! given-name characters (`data/zh-name-chars.txt`, six levels from the names next to titles
//! in the news corpus, built by `gangmu lexicon names`), alone and after a surname: they let
//! the tagger read a name it has never seen (叶笃正, 曲格平) from its characters, which the
//! few thousand People's Daily sentences cannot teach one by one.
//!
//! **Model.** Weights, decoding, training and the asset format (`data/zh-ner.bin`, magic
//! `b"GMNER2\0\0"`, written by `gangmu train-ner`) are the labeller both taggers share:
//! [`crate::perceptron`]. A feature's bucket is its hash's top bits.
//!
//! **Cost.** The shipped asset is 2^18 × 5 bytes + a 656-byte header = 1,311,360 bytes raw,
//! 449,092 bytes gzip -9 (most codes are 0); the given-name table is 2.5 KB, compiled in. Once
//! per [`crate::Resources`], [`Lists::new`] builds one Aho-Corasick automaton over ~900 list
//! words. Tagging is linear in the text: ~30
//! hashed features per character (5 weights each, one table read) and Viterbi over 5 tags —
//! about 40% of `analyze`'s time on Chinese news (`scripts/bench.sh`).

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use super::lexicon::*;
use super::words::{FxHashMap, Lexicon};
use crate::perceptron::Weights;
use crate::text::is_han;
use crate::Span;

/// Number of tags: O, B-PER, I-PER, B-ORG, I-ORG.
pub const TAGS: usize = 5;
const MAGIC: &[u8; 8] = b"GMNER2\0\0";
#[cfg(test)]
const HEADER: usize = crate::perceptron::header_len(TAGS);
/// Largest table the parser accepts (2^24 buckets = 80 MB): anything bigger is not ours.
const MAX_BITS: u32 = 24;

/// The model compiled into the core.
#[cfg(feature = "embedded")]
const SHIPPED: &[u8] = include_bytes!("../../data/zh-ner.bin");

/// What a span is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    Per,
    Org,
}

/// Tag numbers.
pub const O: u8 = 0;
pub const B_PER: u8 = 1;
pub const I_PER: u8 = 2;
pub const B_ORG: u8 = 3;
pub const I_ORG: u8 = 4;

pub use crate::perceptron::{allowed, ModelError};

/// A trained tagger, reading its weight table in place from the bytes it was parsed from.
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

    /// The model shipped with the core (`data/zh-ner.bin`), if it parses.
    #[cfg(feature = "embedded")]
    pub fn shipped() -> Option<Model<'static>> {
        Model::from_bytes(SHIPPED).ok()
    }

    /// Spans of people and organisations in `chars`, in order. Tags each line on its own.
    pub fn spans(&self, chars: &[char], ctx: &Context) -> Vec<(Kind, Span)> {
        let words = ctx.words.words(chars);
        self.spans_segmented(chars, ctx, &words)
    }

    /// [`Model::spans`] with the text's segmentation already made ([`Lexicon::words`] of
    /// `chars`), so that it is not made twice.
    pub fn spans_segmented(
        &self,
        chars: &[char],
        ctx: &Context,
        words: &[(usize, usize)],
    ) -> Vec<(Kind, Span)> {
        spans_of(&self.tag_segmented(chars, ctx, words))
    }

    /// One tag per character (lines tagged separately), BIO-consistent.
    pub fn tag(&self, chars: &[char], ctx: &Context) -> Vec<u8> {
        let words = ctx.words.words(chars);
        self.tag_segmented(chars, ctx, &words)
    }

    fn tag_segmented(&self, chars: &[char], ctx: &Context, words: &[(usize, usize)]) -> Vec<u8> {
        let mut tags = vec![O; chars.len()];
        let mut feats = Features::default();
        let mut emissions = Vec::new();
        let mut back = Vec::new();
        let mut start = 0;
        for end in line_ends(chars) {
            if end > start {
                // Han runs never cross a line break: the line's words are a run of the text's.
                let from = words.partition_point(|&(s, _)| s < start);
                let to = words.partition_point(|&(s, _)| s < end);
                feats.extract_segmented(&chars[start..end], ctx, &words[from..to], start);
                self.weights
                    .emissions_into(feats.len(), |i| feats.at(i), &mut emissions);
                self.weights
                    .decode(&emissions, &mut tags[start..end], &mut back);
            }
            start = end + 1;
        }
        tags
    }
}

/// Ends of the lines of `chars` (index of each line break, and the text's end).
fn line_ends(chars: &[char]) -> impl Iterator<Item = usize> + '_ {
    chars
        .iter()
        .enumerate()
        .filter(|(_, &c)| matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}'))
        .map(|(i, _)| i)
        .chain(std::iter::once(chars.len()))
}

/// Whether `c` is one of the listed single-character surnames.
pub fn is_surname(c: char) -> bool {
    super::charset::SURNAME_SET.contains(c)
}

/// Whether `c` is one of the characters foreign names are transliterated with (or ·).
pub fn is_transliteration(c: char) -> bool {
    super::charset::TRANSLITERATION_SET.contains(c)
}

/// Spans of a BIO tag sequence.
pub fn spans_of(tags: &[u8]) -> Vec<(Kind, Span)> {
    let mut out = Vec::new();
    let mut open: Option<(Kind, usize)> = None;
    for (i, &t) in tags.iter().chain(std::iter::once(&O)).enumerate() {
        let continues = matches!(
            (open, t),
            (Some((Kind::Per, _)), I_PER) | (Some((Kind::Org, _)), I_ORG)
        );
        if continues {
            continue;
        }
        if let Some((kind, s)) = open.take() {
            out.push((kind, Span::new(s, i)));
        }
        open = match t {
            B_PER | I_PER => Some((Kind::Per, i)),
            B_ORG | I_ORG => Some((Kind::Org, i)),
            _ => None,
        };
    }
    out
}

// ------------------------------------------------------------------ features

/// What the word lists say about a stretch of text (bit flags per list word).
const F_TITLE: u8 = 1;
const F_CUE: u8 = 2;
const F_ORG: u8 = 4;
const F_NATIONAL: u8 = 8;
const F_PLACE: u8 = 16;

/// The project's word lists as the features read them: one automaton over them and the
/// character classes. Built once per [`crate::Resources`] (a DFA over ~900 words takes a few
/// milliseconds to build, more than tagging a short report).
#[derive(Clone)]
pub struct Lists {
    lists: AhoCorasick,
    flags: Vec<u8>,
    /// Character classes from the word lists (surname, not in a name, transliteration): one
    /// lookup instead of a scan of a long string for every character of the text.
    classes: FxHashMap<char, u8>,
    /// How name-like a character is as a given-name character (1..=6; absent: never seen in
    /// a name): [`NAME_CHARS`].
    given: FxHashMap<char, u8>,
}

/// Given-name characters by level, derived from the people `analyze` finds in the news corpus
/// (`gangmu lexicon names`).
const NAME_CHARS: &str = include_str!("../../data/zh-name-chars.txt");

/// What the features need: the word list for segmentation and the project's word lists.
pub struct Context<'r> {
    words: &'r Lexicon,
    lists: std::borrow::Cow<'r, Lists>,
}

const C_SURNAME: u8 = 1;
const C_NOT_IN_NAME: u8 = 2;
const C_TRANSLIT: u8 = 4;
const C_COMPOUND_FIRST: u8 = 8;

impl Lists {
    pub fn new() -> Lists {
        let mut by_word: HashMap<&'static str, u8> = HashMap::new();
        let groups: [(&[&'static str], u8); 7] = [
            (TITLE_WORDS, F_TITLE),
            (TITLES_AFTER_NAME, F_TITLE),
            (AFTER_NAME, F_CUE),
            (LOCAL_BODIES, F_ORG),
            (ORG_SUFFIXES, F_ORG),
            (NATIONAL_BODIES, F_NATIONAL),
            (COUNTRIES, F_PLACE),
        ];
        for (words, flag) in groups {
            for &w in words {
                *by_word.entry(w).or_default() |= flag;
            }
        }
        let mut words: Vec<(&str, u8)> = by_word.into_iter().collect();
        words.sort_unstable();
        let lists = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            // Run over every character of the text: a DFA is several times faster than the
            // default NFA, and for ~900 short words small.
            .kind(Some(AhoCorasickKind::DFA))
            .build(words.iter().map(|(w, _)| w))
            .expect("word lists are small and valid");
        let mut classes: FxHashMap<char, u8> = FxHashMap::default();
        for (list, class) in [
            (SURNAMES, C_SURNAME),
            (NOT_IN_NAME, C_NOT_IN_NAME),
            (TRANSLITERATION, C_TRANSLIT),
        ] {
            for ch in list.chars() {
                *classes.entry(ch).or_default() |= class;
            }
        }
        for s in COMPOUND_SURNAMES {
            if let Some(ch) = s.chars().next() {
                *classes.entry(ch).or_default() |= C_COMPOUND_FIRST;
            }
        }
        let mut given: FxHashMap<char, u8> = FxHashMap::default();
        for line in NAME_CHARS.lines().filter(|l| !l.starts_with('#')) {
            if let Some((level, chars)) = line.split_once('\t') {
                let level: u8 = level.parse().unwrap_or(0);
                given.extend(chars.chars().map(|c| (c, level)));
            }
        }
        Lists {
            lists,
            flags: words.iter().map(|(_, f)| *f).collect(),
            classes,
            given,
        }
    }
}

impl Lists {
    /// How name-like `c` is as a given-name character: 1 (seldom) to 6, 0 never seen in one.
    pub fn given_level(&self, c: char) -> u8 {
        self.given.get(&c).copied().unwrap_or(0)
    }
}

impl Default for Lists {
    fn default() -> Self {
        Lists::new()
    }
}

impl<'r> Context<'r> {
    /// With word lists of its own (built here: for training and tests).
    pub fn new(lexicon: &'r Lexicon) -> Context<'r> {
        Context {
            words: lexicon,
            lists: std::borrow::Cow::Owned(Lists::new()),
        }
    }

    /// With word lists built once elsewhere.
    pub fn with_lists(lexicon: &'r Lexicon, lists: &'r Lists) -> Context<'r> {
        Context {
            words: lexicon,
            lists: std::borrow::Cow::Borrowed(lists),
        }
    }

    /// The corpus word list (shared with other rules that need it).
    #[allow(dead_code)]
    pub(crate) fn words(&self) -> &Lexicon {
        self.words
    }
}

/// Feature hashes of every position of one sequence.
#[derive(Default)]
pub struct Features {
    hashes: Vec<u32>,
    starts: Vec<u32>,
}

/// Lexicon facts per position, filled from the automaton's matches.
#[derive(Default, Clone, Copy)]
struct Cues {
    /// A title word ends right before this character.
    title_before: bool,
    /// A title word starts right after this character.
    title_after: bool,
    /// A word that follows names starts right after this character.
    cue_after: bool,
    /// Length of the longest organisation body/suffix ending with this character (0: none).
    org_end: u8,
    /// Inside an organisation body or suffix.
    org_in: bool,
    /// Inside a national body's name: 1 first char, 2 inside, 3 last char.
    national: u8,
    /// Inside a country or capital name.
    place: bool,
}

fn char_type(c: char) -> u8 {
    if is_han(c) {
        if matches!(
            c,
            '零' | '〇'
                | '一'
                | '二'
                | '三'
                | '四'
                | '五'
                | '六'
                | '七'
                | '八'
                | '九'
                | '十'
                | '百'
                | '千'
                | '万'
                | '亿'
                | '两'
        ) {
            b'N'
        } else {
            b'H'
        }
    } else if c.is_ascii_digit() || ('０'..='９').contains(&c) {
        b'D'
    } else if c.is_alphabetic() {
        b'L'
    } else if c == '·' || c == '•' {
        b'.'
    } else if c.is_whitespace() {
        b'S'
    } else {
        b'P'
    }
}

/// FNV-1a over a template number and its characters, then a final mix: the same on every
/// platform, so the trainer and the tagger agree.
fn hash(template: u8, chars: &[char]) -> u32 {
    hash2(template, chars, &[])
}

/// [`hash`] of the concatenation of two slices, without building it.
fn hash2(template: u8, chars: &[char], more: &[char]) -> u32 {
    let mut h = 0xcbf2_9ce4_8422_2325u64 ^ template as u64;
    h = h.wrapping_mul(0x0000_0100_0000_01b3);
    for &c in chars.iter().chain(more) {
        h ^= c as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    // splitmix64's finaliser; the bucket is taken from the top bits.
    h ^= h >> 30;
    h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h ^= h >> 27;
    h = h.wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^= h >> 31;
    (h >> 32) as u32
}

/// The bucket of a feature hash in a table of 2^`bits` buckets (the hash's top bits).
fn bucket(h: u32, bits: u32) -> usize {
    (h >> (32 - bits)) as usize
}

fn hash_n(template: u8, n: u32) -> u32 {
    hash(template, &[char::from_u32(n).unwrap_or('\0')])
}

const PAD: char = '\u{2}';

impl Features {
    pub fn len(&self) -> usize {
        self.starts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.starts.is_empty()
    }

    /// Hashes of the features of position `i`.
    pub fn at(&self, i: usize) -> &[u32] {
        let s = self.starts[i] as usize;
        let e = self
            .starts
            .get(i + 1)
            .map_or(self.hashes.len(), |&e| e as usize);
        &self.hashes[s..e]
    }

    /// Computes the features of every position of `chars` (one line).
    pub fn extract(&mut self, chars: &[char], ctx: &Context) {
        let words = ctx.words.words(chars);
        self.extract_segmented(chars, ctx, &words, 0);
    }

    /// [`Features::extract`] with the line's words given: (start, end) spans offset by `base`.
    fn extract_segmented(
        &mut self,
        chars: &[char],
        ctx: &Context,
        words: &[(usize, usize)],
        base: usize,
    ) {
        self.hashes.clear();
        self.starts.clear();
        let n = chars.len();
        // Word-list cues.
        let mut cues = vec![Cues::default(); n + 1];
        let source: String = chars.iter().collect();
        let mut char_of_byte = vec![0u32; source.len() + 1];
        for (k, (b, _)) in source.char_indices().enumerate() {
            char_of_byte[b] = k as u32;
        }
        char_of_byte[source.len()] = n as u32;
        for m in ctx.lists.lists.find_overlapping_iter(&source) {
            let (s, e) = (
                char_of_byte[m.start()] as usize,
                char_of_byte[m.end()] as usize,
            );
            let flags = ctx.lists.flags[m.pattern().as_usize()];
            if flags & F_TITLE != 0 {
                cues[e].title_before = true;
                if s > 0 {
                    cues[s - 1].title_after = true;
                }
            }
            if flags & F_CUE != 0 && s > 0 {
                cues[s - 1].cue_after = true;
            }
            if flags & F_ORG != 0 {
                let len = (e - s).min(6) as u8;
                cues[e - 1].org_end = cues[e - 1].org_end.max(len);
                for q in &mut cues[s..e] {
                    q.org_in = true;
                }
            }
            if flags & F_NATIONAL != 0 {
                for (k, q) in cues[s..e].iter_mut().enumerate() {
                    q.national = if k == 0 {
                        1
                    } else if s + k + 1 == e {
                        3
                    } else {
                        q.national.max(2)
                    };
                }
            }
            if flags & F_PLACE != 0 && e - s >= 2 {
                for q in &mut cues[s..e] {
                    q.place = true;
                }
            }
        }

        // Segmentation: each character's word (start, end).
        let mut word_of = vec![(0usize, 0usize); n];
        for &(s, e) in words {
            let (s, e) = (s - base, e - base);
            for w in &mut word_of[s..e] {
                *w = (s, e);
            }
        }
        for (i, w) in word_of.iter_mut().enumerate() {
            if w.1 == 0 {
                *w = (i, i + 1);
            }
        }

        // The line with two pads on each side: window (i-2..=i+2) is padded[i..i + 5].
        let mut padded = Vec::with_capacity(n + 4);
        padded.extend([PAD, PAD]);
        padded.extend_from_slice(chars);
        padded.extend([PAD, PAD]);
        let types: Vec<char> = padded
            .iter()
            .map(|&ch| char::from(if ch == PAD { b'_' } else { char_type(ch) }))
            .collect();
        let classes: Vec<u8> = padded
            .iter()
            .map(|ch| ctx.lists.classes.get(ch).copied().unwrap_or(0))
            .collect();
        let class = |i: usize| classes[i + 2];
        // Given-name levels as characters ('0': none), padded like the window.
        let given: Vec<char> = padded
            .iter()
            .map(|ch| char::from(b'0' + ctx.lists.given.get(ch).copied().unwrap_or(0)))
            .collect();
        // A compound surname starts at i (only tested where its first character could).
        let compound: Vec<bool> = (0..n)
            .map(|i| {
                class(i) & C_COMPOUND_FIRST != 0
                    && i + 1 < n
                    && COMPOUND_SURNAMES.iter().any(|s| {
                        let mut sc = s.chars();
                        sc.next() == Some(chars[i]) && sc.next() == Some(chars[i + 1])
                    })
            })
            .collect();
        let bias = hash(0, &[]);
        let flags: [u32; 40] = std::array::from_fn(|t| hash(t as u8, &[]));
        self.hashes.reserve(n * 24);
        for i in 0..n {
            self.starts.push(self.hashes.len() as u32);
            let window = &padded[i..i + 5];
            let h = &mut self.hashes;
            h.push(bias);
            for k in 0..5 {
                h.push(hash(1 + k as u8, &window[k..k + 1]));
            }
            // The two bigrams through this character only: the outer bigrams and the trigrams
            // mostly memorised the training sentences' names, and their buckets crowded the
            // table (People's Daily cross-validation 0.733 with them, 0.747 without).
            for k in 1..3 {
                h.push(hash(6 + k as u8, &window[k..k + 2]));
            }
            let types = &types[i..i + 5];
            h.push(hash(13, types));
            h.push(hash(14, &types[1..4]));

            // Segmentation: position in the word (B/M/E/S) and length, and the word itself.
            let (ws, we) = word_of[i];
            let pos = match (i == ws, i + 1 == we) {
                (true, true) => 'S',
                (true, false) => 'B',
                (false, true) => 'E',
                _ => 'M',
            };
            let wlen = char::from(b'0' + (we - ws).min(5) as u8);
            h.push(hash(15, &[pos, wlen]));
            if we - ws >= 2 {
                h.push(hash2(16, &chars[ws..we], &[pos]));
            }

            // Word lists.
            let surname = class(i) & C_SURNAME != 0;
            let q = cues[i];
            let mut flag = |t: usize, on: bool| {
                if on {
                    h.push(flags[t]);
                }
            };
            flag(20, surname);
            flag(21, compound[i]);
            flag(22, i > 0 && compound[i - 1]);
            flag(23, q.title_before);
            flag(24, surname && q.title_before);
            flag(25, i >= 1 && cues[i - 1].title_before);
            flag(26, i >= 2 && cues[i - 2].title_before);
            flag(27, q.title_after);
            flag(28, q.cue_after);
            flag(29, i + 1 < n && cues[i + 1].cue_after);
            flag(30, i + 2 < n && cues[i + 2].cue_after);
            flag(31, q.org_in);
            flag(32, q.place);
            flag(33, class(i) & C_NOT_IN_NAME != 0);
            flag(34, class(i) & C_TRANSLIT != 0);
            // Pads (outside the line) have no class.
            flag(
                35,
                classes[i + 1] & C_TRANSLIT != 0 && classes[i + 3] & C_TRANSLIT != 0,
            );
            flag(36, i + 1 < n && cues[i + 1].org_end > 0);
            flag(
                37,
                surname && (q.cue_after || cues.get(i + 2).is_some_and(|x| x.cue_after)),
            );
            if q.org_end > 0 {
                h.push(hash_n(38, q.org_end as u32));
            }
            if q.national > 0 {
                h.push(hash_n(39, q.national as u32));
            }
            // Given-name levels: this character, its neighbours, and after a surname.
            let g = &given[i..i + 5];
            h.push(hash(40, &g[2..3]));
            h.push(hash(41, &g[1..4]));
            if i >= 1 && class(i - 1) & C_SURNAME != 0 {
                h.push(hash(42, &g[2..4]));
            }
            if i >= 2 && class(i - 2) & C_SURNAME != 0 {
                h.push(hash(43, &g[1..3]));
            }
            if surname {
                h.push(hash(44, &g[3..5]));
            }
        }
    }
}

// ------------------------------------------------------------------ training

/// Training: an averaged perceptron over the same features, written to the asset format.
/// Behind the `train` feature: the app does not carry it.
#[cfg(feature = "train")]
pub mod train {
    use super::*;
    pub use crate::perceptron::train::Config;
    use crate::perceptron::train::Example;

    /// A labelled sentence: one tag per character.
    pub struct Sentence {
        pub chars: Vec<char>,
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
                f.extract(&s.chars, ctx);
                Example::new(f.len(), |i| f.at(i), s.tags.clone(), bucket, config.bits)
            })
            .collect();
        crate::perceptron::train::train::<TAGS>(&examples, MAGIC, config, progress)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn viterbi_never_opens_with_inside_tags() {
        // Emissions that favour I- tags everywhere, including where no span is open.
        let emissions = vec![
            [0.0, 0.0, 5.0, 0.0, 0.0],
            [0.0, 0.0, 0.0, 0.0, 5.0],
            [1.0, 0.0, 5.0, 0.0, 0.0],
            [0.0, 0.0, 0.0, 0.0, 9.0],
        ];
        let trans = [[0.0; TAGS]; TAGS + 1];
        let mut tags = vec![O; 4];
        crate::perceptron::viterbi(&emissions, &trans, &mut tags, &mut Vec::new());
        for i in 0..tags.len() {
            let prev = (i > 0).then(|| tags[i - 1]);
            assert!(allowed(prev, tags[i]), "{tags:?}");
        }
        assert!(tags.iter().any(|&t| t != O), "{tags:?}");
    }

    #[test]
    fn given_name_levels_rank_name_characters_above_common_ones() {
        let lists = Lists::new();
        // Every level of the table is used, and a particle is in none.
        let levels: std::collections::BTreeSet<u8> = lists.given.values().copied().collect();
        assert!(levels.len() >= 4, "{levels:?}");
        assert_eq!(lists.given_level('的'), 0);
        // Characters of given names rank above the common characters that sometimes follow
        // a surname in running text.
        assert!(lists.given_level('娟') > lists.given_level('国'));
        assert!(lists.given_level('婷') > lists.given_level('人'));
    }

    #[test]
    fn spans_follow_bio() {
        let tags = [O, B_PER, I_PER, I_PER, B_ORG, I_ORG, O, B_PER];
        assert_eq!(
            spans_of(&tags),
            vec![
                (Kind::Per, Span::new(1, 4)),
                (Kind::Org, Span::new(4, 6)),
                (Kind::Per, Span::new(7, 8)),
            ]
        );
    }

    #[test]
    fn truncated_or_foreign_bytes_are_refused() {
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
        let mut huge = SHIPPED[..HEADER].to_vec();
        huge[8..12].copy_from_slice(&40u32.to_le_bytes());
        assert_eq!(
            Model::from_bytes(&huge).err(),
            Some(ModelError::BadBits(40))
        );
        // Every prefix is refused without a panic.
        for len in (0..SHIPPED.len()).step_by(4099) {
            assert!(Model::from_bytes(&SHIPPED[..len]).is_err());
        }
        assert!(Model::shipped().is_some());
    }

    fn tagged(text: &str) -> Vec<(Kind, String)> {
        let chars: Vec<char> = text.chars().collect();
        let model = Model::shipped().expect("shipped model parses");
        model
            .spans(&chars, &Context::new(&Lexicon::load()))
            .into_iter()
            .map(|(k, s)| (k, chars[s.start..s.end].iter().collect()))
            .collect()
    }

    #[test]
    fn shipped_model_finds_names_without_titles() {
        let found = tagged("张海明在会上介绍了情况。");
        assert!(found.contains(&(Kind::Per, "张海明".into())), "{found:?}");
        let found = tagged("据了解，刘晓燕和陈文涛都参加了比赛。");
        assert!(found.contains(&(Kind::Per, "刘晓燕".into())), "{found:?}");
        assert!(found.contains(&(Kind::Per, "陈文涛".into())), "{found:?}");
    }

    #[test]
    fn shipped_model_finds_companies_and_schools() {
        let found = tagged("他毕业于青川师范大学，后来加入了恒远科技有限公司。");
        assert!(
            found.contains(&(Kind::Org, "青川师范大学".into())),
            "{found:?}"
        );
        assert!(
            found.contains(&(Kind::Org, "恒远科技有限公司".into())),
            "{found:?}"
        );
    }

    #[test]
    fn every_line_is_tagged_on_its_own() {
        let chars: Vec<char> = "王\n李".chars().collect();
        let model = Model::shipped().expect("shipped model parses");
        let tags = model.tag(&chars, &Context::new(&Lexicon::load()));
        assert_eq!(tags.len(), 3);
        assert_eq!(tags[1], O, "a line break is never inside a span");
    }

    #[cfg(feature = "train")]
    #[test]
    fn a_model_trained_on_a_few_sentences_tags_a_new_one() {
        use train::*;
        let lexicon = Lexicon::load();
        let ctx = Context::new(&lexicon);
        let mut sentences = Vec::new();
        // Invented sentences: [name] and {organisation} marked inline.
        let raw = [
            "[周立平]出席了{东川市文化局}的会议。",
            "[吴思远]表示，{东川市文化局}将继续支持。",
            "记者从{北岭区教育局}获悉，[郑晓光]已到任。",
            "[何春林]在{北岭区教育局}工作多年。",
            "今天天气很好，大家都去了公园。",
            "[冯建华]说，这次活动很成功。",
            "{南塘县财政局}发布了通知。",
            "[唐文静]和[罗志强]一起参加了会议。",
        ];
        for r in raw {
            let mut chars = Vec::new();
            let mut tags = Vec::new();
            let mut open = None;
            for ch in r.chars() {
                match ch {
                    '[' => open = Some(B_PER),
                    '{' => open = Some(B_ORG),
                    ']' | '}' => open = None,
                    _ => {
                        chars.push(ch);
                        tags.push(match open {
                            Some(B_PER) => {
                                open = Some(I_PER);
                                B_PER
                            }
                            Some(B_ORG) => {
                                open = Some(I_ORG);
                                B_ORG
                            }
                            Some(t) => t,
                            None => O,
                        });
                    }
                }
            }
            sentences.push(Sentence { chars, tags });
        }
        let config = Config {
            bits: 14,
            epochs: 10,
            seed: 7,
            prune: 0.0,
        };
        let mut epochs = 0;
        let bytes = train(&sentences, &ctx, &config, |_, _| epochs += 1);
        assert_eq!(epochs, 10);
        let model = Model::from_bytes(&bytes).expect("trained bytes parse");
        let new: Vec<char> = "吴思远在南塘县财政局工作。".chars().collect();
        let spans: Vec<(Kind, String)> = model
            .spans(&new, &ctx)
            .into_iter()
            .map(|(k, s)| (k, new[s.start..s.end].iter().collect()))
            .collect();
        assert!(spans.contains(&(Kind::Per, "吴思远".into())), "{spans:?}");
        assert!(
            spans.contains(&(Kind::Org, "南塘县财政局".into())),
            "{spans:?}"
        );
    }
}
