//! Chinese words: the corpus-derived word list (`data/zh-words.tsv`, built by
//! `gangmu lexicon build` from the news transcripts in ../shared/corpora) and a
//! maximum-probability segmentation over it.
//!
//! Cost: the list is ~430 KB of text compiled into the binary (~200 KB gzip); loading it
//! builds a hash map of ~33k entries (a few ms); segmentation is a dynamic programme over
//! words of at most four characters, linear in the text.

use std::collections::HashMap;

pub use rustc_hash::FxHashMap;

use aho_corasick::{AhoCorasick, MatchKind};

use crate::text::is_han;

#[cfg(feature = "embedded")]
const WORDS: &str = include_str!("../../data/zh-words.tsv");
/// Longest word in the list, in characters.
const MAX_WORD: usize = 4;

/// A word of at most four BMP characters packed 16 bits a character, so that lookups during
/// segmentation hash one integer instead of building and hashing a string. Distinct for every
/// word: a longer word's key is at least 2^16 times any shorter one's, and no character is NUL.
pub fn pack(chars: &[char]) -> Option<u64> {
    if chars.len() > MAX_WORD {
        return None;
    }
    chars.iter().try_fold(0u64, |key, &c| extend(key, c))
}

/// `pack` of one more character (None beyond the BMP).
fn extend(key: u64, c: char) -> Option<u64> {
    let c = c as u32;
    (c <= 0xFFFF).then_some((key << 16) | c as u64)
}

fn pack_str(word: &str) -> Option<u64> {
    let chars: Vec<char> = word.chars().collect();
    pack(&chars)
}

/// What the list says of one word.
#[derive(Clone, Copy)]
struct Entry {
    /// Index into [`Lexicon::words`].
    index: u32,
    count: u32,
    /// ln of the word's probability: ln(count) − ln(corpus size).
    log_p: f64,
}

pub struct Lexicon {
    by_key: FxHashMap<u64, Entry>,
    words: Vec<&'static str>,
    /// ln of the corpus size in characters: the denominator of every probability.
    ln_total: f64,
    /// Place names (`@name<TAB>count` lines: what stands before 市, 县, 区… in the corpus),
    /// as packed keys in ascending order, for binary search (the list is written shortest
    /// first, then in code-point order, which is that order).
    places: Vec<u64>,
    /// People the news names again and again with a title (`%name<TAB>documents` lines:
    /// 习近平, 韩正, 普京), found wherever they stand, with or without one.
    people: Vec<&'static str>,
    people_automaton: Option<AhoCorasick>,
}

impl Lexicon {
    /// The word list compiled into the core.
    #[cfg(feature = "embedded")]
    pub fn load() -> Lexicon {
        Lexicon::parse(WORDS)
    }

    /// The word list compiled into the core with more people (`%name<TAB>n` lines), kept in
    /// the order `gangmu lexicon build` writes them.
    #[cfg(all(test, feature = "embedded"))]
    pub(crate) fn load_with(more: &str) -> Lexicon {
        let (mut people, rest): (Vec<&str>, Vec<&str>) = WORDS
            .lines()
            .chain(more.lines())
            .partition(|l| l.starts_with('%'));
        people.sort_by_key(|l| l.split('\t').next());
        let text = rest
            .into_iter()
            .chain(people)
            .collect::<Vec<_>>()
            .join("\n");
        Lexicon::parse(Box::leak(text.into_boxed_str()))
    }

    /// Reads a word list in the `data/zh-words.tsv` format: `word<TAB>count` lines after `#`
    /// header lines, the first of which names the corpus size, then `@place<TAB>count` lines
    /// of place names ([`Lexicon::is_place`]) and `%name<TAB>documents` lines of people
    /// ([`Lexicon::is_known_person`]). Lines that are not of that form
    /// (and words longer than four characters or beyond the BMP, which segmentation never
    /// asks for) are skipped, so any text gives a (possibly empty) lexicon.
    pub fn parse(words: &'static str) -> Lexicon {
        let mut total = 1.0f64;
        let mut counted: Vec<(&'static str, u32)> = Vec::new();
        let mut places: Vec<u64> = Vec::new();
        let mut people: Vec<&'static str> = Vec::new();
        for line in words.lines() {
            if let Some(person) = line.strip_prefix('%') {
                let name = person.split('\t').next().unwrap_or_default();
                // Out of order: not from `gangmu lexicon build`; skipped rather than sorted.
                if name.chars().count() >= 2 && people.last().is_none_or(|&last| last < name) {
                    people.push(name);
                }
                continue;
            }
            if let Some(place) = line.strip_prefix('@') {
                let name = place.split('\t').next().unwrap_or_default();
                // Out of order: not from `gangmu lexicon build`; skipped rather than sorted.
                match pack_str(name) {
                    Some(key) if places.last().is_none_or(|&last| last < key) => places.push(key),
                    _ => {}
                }
                continue;
            }
            if let Some(header) = line.strip_prefix('#') {
                // "# gangmu zh lexicon v1: word<TAB>count in the source corpus (N chars)"
                if let Some(n) = header.split('(').nth(1).and_then(|r| r.split(' ').next()) {
                    // (As an integer: a float parser is code the wasm otherwise lacks.)
                    total = n.parse::<u64>().map_or(total, |n| n as f64);
                }
                continue;
            }
            if let Some((word, count)) = line.split_once('\t') {
                counted.push((word, count.parse().unwrap_or(1)));
            }
        }
        let ln_total = total.ln();
        let mut by_key = FxHashMap::default();
        let mut kept = Vec::with_capacity(counted.len());
        for (word, count) in counted {
            let Some(key) = pack_str(word) else { continue };
            let log_p = (count as f64).ln() - ln_total;
            // A repeated line: the later count wins, as it would in a plain map.
            let entry = by_key.entry(key).or_insert_with(|| {
                kept.push(word);
                Entry {
                    index: kept.len() as u32 - 1,
                    count,
                    log_p,
                }
            });
            entry.count = count;
            entry.log_p = log_p;
        }
        // Leftmost-longest: 穆罕默德·本·萨勒曼 before 穆罕默德.
        let people_automaton = (!people.is_empty()).then(|| {
            AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .build(people.as_slice())
                .expect("names are short and valid patterns")
        });
        Lexicon {
            by_key,
            words: kept,
            ln_total,
            places,
            people,
            people_automaton,
        }
    }

    /// Where the people of the list ([`Lexicon::is_known_person`]) are named in `source`, as
    /// byte ranges, in text order.
    pub fn known_people_in(&self, source: &str) -> Vec<std::ops::Range<usize>> {
        self.people_automaton.as_ref().map_or_else(Vec::new, |ac| {
            ac.find_iter(source).map(|m| m.range()).collect()
        })
    }

    /// Whether the news names this person again and again with a title.
    pub fn is_known_person(&self, name: &str) -> bool {
        self.people.binary_search(&name).is_ok()
    }

    /// Whether the corpus names a place so (安阳 of 安阳市, 苏梅 of 苏梅州).
    pub fn is_place(&self, name: &str) -> bool {
        pack_str(name).is_some_and(|k| self.places.binary_search(&k).is_ok())
    }

    /// How often the word occurs in the corpus (0 when unknown).
    pub fn count(&self, word: &str) -> u32 {
        pack_str(word).map_or(0, |k| self.count_key(k))
    }

    /// [`Lexicon::count`] of a word given as characters (no string to build).
    pub fn count_chars(&self, word: &[char]) -> u32 {
        pack(word).map_or(0, |k| self.count_key(k))
    }

    fn count_key(&self, key: u64) -> u32 {
        self.by_key.get(&key).map_or(0, |e| e.count)
    }

    /// Inverse document frequency against the corpus: rare words weigh more.
    pub fn idf(&self, word: &str) -> f64 {
        self.ln_total - (1.0 + self.count(word) as f64).ln()
    }

    /// Splits `chars[start..end]` (a run of Han characters) into words, most probable
    /// segmentation first; returns word end offsets.
    pub fn segment(&self, chars: &[char], start: usize, end: usize) -> Vec<usize> {
        let mut ends = Vec::new();
        self.segment_into(chars, start, end, &mut Scratch::default(), &mut ends);
        ends
    }

    fn segment_into(
        &self,
        chars: &[char],
        start: usize,
        end: usize,
        scratch: &mut Scratch,
        ends: &mut Vec<usize>,
    ) {
        let n = end - start;
        // best[i]: best log-probability of chars[start..start+i]; back[i]: length of its last word.
        let Scratch { best, back } = scratch;
        best.clear();
        best.resize(n + 1, f64::NEG_INFINITY);
        back.clear();
        back.resize(n + 1, 1);
        best[0] = 0.0;
        let unknown = -self.ln_total - 2.0;
        for i in 0..n {
            if best[i] == f64::NEG_INFINITY {
                continue;
            }
            let mut key = Some(0u64);
            for len in 1..=MAX_WORD.min(n - i) {
                key = key.and_then(|k| extend(k, chars[start + i + len - 1]));
                let score = match key.and_then(|k| self.by_key.get(&k)) {
                    Some(e) => e.log_p,
                    None if len == 1 => unknown,
                    None => continue,
                };
                if best[i] + score > best[i + len] {
                    best[i + len] = best[i] + score;
                    back[i + len] = len;
                }
            }
        }
        let from = ends.len();
        let mut i = n;
        while i > 0 {
            ends.push(start + i);
            i -= back[i];
        }
        ends[from..].reverse();
    }

    /// Start offsets of every word of two or more characters wherever it occurs, overlapping
    /// ones included (粮食 inside 粮食安全): what a reader would count.
    pub fn all_occurrences(&self, chars: &[char]) -> HashMap<&'static str, Vec<usize>> {
        let mut by_index: FxHashMap<u32, Vec<usize>> = FxHashMap::default();
        for i in 0..chars.len() {
            let mut key = 0u64;
            for len in 1..=MAX_WORD.min(chars.len() - i) {
                let c = chars[i + len - 1];
                if !is_han(c) {
                    break;
                }
                let Some(k) = extend(key, c) else { break };
                key = k;
                if len >= 2 {
                    if let Some(e) = self.by_key.get(&key) {
                        by_index.entry(e.index).or_default().push(i);
                    }
                }
            }
        }
        by_index
            .into_iter()
            .map(|(index, starts)| (self.words[index as usize], starts))
            .collect()
    }

    /// Every word of a text as (start, end) char spans, Han runs only.
    pub fn words(&self, chars: &[char]) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut ends = Vec::new();
        let mut scratch = Scratch::default();
        let mut i = 0;
        while i < chars.len() {
            if !is_han(chars[i]) {
                i += 1;
                continue;
            }
            let start = i;
            while i < chars.len() && is_han(chars[i]) {
                i += 1;
            }
            ends.clear();
            self.segment_into(chars, start, i, &mut scratch, &mut ends);
            let mut s = start;
            for &e in &ends {
                out.push((s, e));
                s = e;
            }
        }
        out
    }
}

/// Buffers of the segmentation's dynamic programme, reused from one Han run to the next.
#[derive(Default)]
struct Scratch {
    best: Vec<f64>,
    back: Vec<usize>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn place_lines_are_places_not_words() {
        let lexicon = Lexicon::parse("# list (100 chars)\n安阳\t3\n@金华\t7\n");
        assert!(lexicon.is_place("金华"));
        assert_eq!(lexicon.count("金华"), 0);
        assert!(!lexicon.is_place("安阳"));
        assert_eq!(lexicon.count("安阳"), 3);
        let shipped = Lexicon::load();
        let listed: Vec<&str> = WORDS
            .lines()
            .filter_map(|l| l.strip_prefix('@')?.split('\t').next())
            .collect();
        assert!(listed.len() > 1000, "the shipped list names places");
        assert!(
            listed.iter().all(|p| shipped.is_place(p)),
            "in searchable order"
        );
        assert!(shipped.is_place("安阳"));
        // Transliterated places of four characters too (哈尔科夫州).
        assert!(shipped.is_place("哈尔科夫"));
        // Out of order (not written by `gangmu lexicon build`): skipped, not misread.
        let unordered = Lexicon::parse("@金华\t7\n@安阳\t3\n");
        assert!(unordered.is_place("金华") && !unordered.is_place("安阳"));
    }

    #[test]
    fn person_lines_are_known_people_not_words() {
        let text =
            "# list (100 chars)\n安阳\t3\n%卡诺夫\t5\n%岳\t3\n%弗拉基米尔·卡诺夫\t4\n%祁振岳\t9\n%丁一\t3\n";
        let lexicon = Lexicon::parse(text);
        assert!(lexicon.is_known_person("祁振岳") && lexicon.is_known_person("卡诺夫"));
        assert_eq!(lexicon.count("祁振岳"), 0, "not a word of the segmentation");
        // One character is no name to look for; a line out of order is skipped.
        assert!(!lexicon.is_known_person("岳"));
        assert!(!lexicon.is_known_person("丁一"));
        let source = "祁振岳会见弗拉基米尔·卡诺夫。卡诺夫说";
        let found: Vec<&str> = lexicon
            .known_people_in(source)
            .into_iter()
            .map(|r| &source[r])
            .collect();
        // The longest name where two start together.
        assert_eq!(found, ["祁振岳", "弗拉基米尔·卡诺夫", "卡诺夫"]);
        assert!(Lexicon::parse("安阳\t3\n")
            .known_people_in(source)
            .is_empty());
        // The shipped list knows the leaders the news names most.
        let listed = WORDS.lines().filter(|l| l.starts_with('%')).count();
        assert!(listed > 300, "{listed} people in the shipped list");
        assert!(Lexicon::load().is_known_person("习近平"));
    }

    fn seg(text: &str) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        Lexicon::load()
            .words(&chars)
            .into_iter()
            .map(|(s, e)| chars[s..e].iter().collect())
            .collect()
    }

    #[test]
    fn common_official_words_stay_whole() {
        assert_eq!(seg("优化营商环境"), ["优化", "营商环境"]);
        assert_eq!(seg("维护公平正义"), ["维护", "公平正义"]);
    }

    #[test]
    fn idf_ranks_rare_words_higher() {
        let lexicon = Lexicon::load();
        assert!(lexicon.idf("营商环境") > lexicon.idf("发展"));
        assert!(lexicon.count("发展") > 1000);
    }
}
