//! Chinese words: the corpus-derived word list (`data/zh-words.tsv`, built by
//! `gangmu lexicon build` from the news transcripts in ../shared/corpora) and a
//! maximum-probability segmentation over it.
//!
//! Cost: the list is ~430 KB of text compiled into the binary (~200 KB gzip); loading it
//! builds a hash map of ~33k entries (a few ms); segmentation is a dynamic programme over
//! words of at most four characters, linear in the text.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::text::is_han;

#[cfg(feature = "embedded")]
const WORDS: &str = include_str!("../../data/zh-words.tsv");
/// Longest word in the list, in characters.
const MAX_WORD: usize = 4;

/// FNV-1a: short keys looked up millions of times; no untrusted key can choose its buckets
/// here (the keys are the shipped list), so SipHash's protection buys nothing.
#[derive(Default)]
pub struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h = (h ^ b as u64).wrapping_mul(0x0000_0100_0000_01b3);
        }
        self.0 = h;
    }
}

pub type FnvMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

pub struct Lexicon {
    counts: FnvMap<&'static str, u32>,
    /// ln of the corpus size in characters: the denominator of every probability.
    ln_total: f64,
}

impl Lexicon {
    /// The word list compiled into the core.
    #[cfg(feature = "embedded")]
    pub fn load() -> Lexicon {
        Lexicon::parse(WORDS)
    }

    /// Reads a word list in the `data/zh-words.tsv` format: `word<TAB>count` lines after `#`
    /// header lines, the first of which names the corpus size. Lines that are not of that form
    /// are skipped, so any text gives a (possibly empty) lexicon.
    pub fn parse(words: &'static str) -> Lexicon {
        let mut counts = FnvMap::default();
        let mut total = 1.0f64;
        for line in words.lines() {
            if let Some(header) = line.strip_prefix('#') {
                // "# gangmu zh lexicon v1: word<TAB>count in the source corpus (N chars)"
                if let Some(n) = header.split('(').nth(1).and_then(|r| r.split(' ').next()) {
                    total = n.parse().unwrap_or(total);
                }
                continue;
            }
            if let Some((word, count)) = line.split_once('\t') {
                counts.insert(word, count.parse().unwrap_or(1));
            }
        }
        Lexicon {
            counts,
            ln_total: total.ln(),
        }
    }

    /// How often the word occurs in the corpus (0 when unknown).
    pub fn count(&self, word: &str) -> u32 {
        self.counts.get(word).copied().unwrap_or(0)
    }

    /// Inverse document frequency against the corpus: rare words weigh more.
    pub fn idf(&self, word: &str) -> f64 {
        self.ln_total - (1.0 + self.count(word) as f64).ln()
    }

    /// Splits `chars[start..end]` (a run of Han characters) into words, most probable
    /// segmentation first; returns word end offsets.
    pub fn segment(&self, chars: &[char], start: usize, end: usize) -> Vec<usize> {
        let n = end - start;
        // best[i]: best log-probability of chars[start..start+i]; back[i]: length of its last word.
        let mut best = vec![f64::NEG_INFINITY; n + 1];
        let mut back = vec![1usize; n + 1];
        best[0] = 0.0;
        let unknown = -self.ln_total - 2.0;
        let mut word = String::new();
        for i in 0..n {
            if best[i] == f64::NEG_INFINITY {
                continue;
            }
            word.clear();
            for len in 1..=MAX_WORD.min(n - i) {
                word.push(chars[start + i + len - 1]);
                let score = match self.counts.get(word.as_str()) {
                    Some(&c) => (c as f64).ln() - self.ln_total,
                    None if len == 1 => unknown,
                    None => continue,
                };
                if best[i] + score > best[i + len] {
                    best[i + len] = best[i] + score;
                    back[i + len] = len;
                }
            }
        }
        let mut ends = Vec::new();
        let mut i = n;
        while i > 0 {
            ends.push(start + i);
            i -= back[i];
        }
        ends.reverse();
        ends
    }

    /// Start offsets of every word of two or more characters wherever it occurs, overlapping
    /// ones included (粮食 inside 粮食安全): what a reader would count.
    pub fn all_occurrences(&self, chars: &[char]) -> HashMap<&'static str, Vec<usize>> {
        let mut out: HashMap<&'static str, Vec<usize>> = HashMap::new();
        let mut word = String::new();
        for i in 0..chars.len() {
            word.clear();
            for len in 1..=MAX_WORD.min(chars.len() - i) {
                let c = chars[i + len - 1];
                if !is_han(c) {
                    break;
                }
                word.push(c);
                if len >= 2 {
                    if let Some((&w, _)) = self.counts.get_key_value(word.as_str()) {
                        out.entry(w).or_default().push(i);
                    }
                }
            }
        }
        out
    }

    /// Every word of a text as (start, end) char spans, Han runs only.
    pub fn words(&self, chars: &[char]) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
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
            let mut s = start;
            for e in self.segment(chars, start, i) {
                out.push((s, e));
                s = e;
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
