//! Membership in the rules' character lists in one step.
//!
//! `"王李张…".contains(c)` searches the list's bytes for the character's, and the rules ask
//! such questions for most characters of a text (is it a surname, a transliteration character,
//! one that never stands in a name?). A [`HanSet`] answers with one bit, from a table the
//! compiler builds from the same string: the lists stay one readable string each.

use super::lexicon::{
    AFTER_NAME, BEFORE_PLACE, COUNTRIES, FUNCTION_CHARS, INSTITUTION_CHARS, NOT_IN_NAME, SURNAMES,
    TIBETAN_NAME_PARTS, TRANSLITERATION,
};

/// First and last code points of the CJK Unified Ideographs block.
const FIRST: u32 = 0x4E00;
const LAST: u32 = 0x9FFF;
const WORDS: usize = ((LAST - FIRST) as usize + 1).div_ceil(64);
/// Characters outside the block a list may hold (· of transliterated names).
const MAX_OTHERS: usize = 4;

/// A set of characters: a bit per ideograph of the CJK block, and a few others.
pub struct HanSet {
    bits: [u64; WORDS],
    others: [char; MAX_OTHERS],
}

impl HanSet {
    /// The characters of `list` (evaluated by the compiler: a list with more than
    /// [`MAX_OTHERS`] characters outside the CJK block does not compile).
    pub const fn of(list: &str) -> HanSet {
        let bytes = list.as_bytes();
        let mut set = HanSet::EMPTY;
        let mut i = 0;
        while i < bytes.len() {
            let (c, len) = decode(bytes, i);
            set = set.with(c);
            i += len;
        }
        set
    }

    const EMPTY: HanSet = HanSet {
        bits: [0u64; WORDS],
        others: ['\0'; MAX_OTHERS],
    };

    /// This set and the character `c` (a code point).
    const fn with(mut self, c: u32) -> HanSet {
        if c >= FIRST && c <= LAST {
            let k = (c - FIRST) as usize;
            self.bits[k / 64] |= 1 << (k % 64);
            return self;
        }
        let c = match char::from_u32(c) {
            Some(c) => c,
            None => panic!("not a character"),
        };
        let mut n = 0;
        while n < MAX_OTHERS && self.others[n] != '\0' && self.others[n] != c {
            n += 1;
        }
        assert!(n < MAX_OTHERS, "too many characters outside the CJK block");
        self.others[n] = c;
        self
    }

    /// The first characters of `words` (evaluated by the compiler).
    pub const fn of_first_chars(words: &[&str]) -> HanSet {
        let mut set = HanSet::EMPTY;
        let mut k = 0;
        while k < words.len() {
            if !words[k].is_empty() {
                set = set.with(decode(words[k].as_bytes(), 0).0);
            }
            k += 1;
        }
        set
    }

    pub fn contains(&self, c: char) -> bool {
        let u = c as u32;
        if (FIRST..=LAST).contains(&u) {
            let k = (u - FIRST) as usize;
            self.bits[k / 64] >> (k % 64) & 1 == 1
        } else {
            c != '\0' && self.others.contains(&c)
        }
    }
}

/// The code point that starts at byte `i` of UTF-8 `bytes`, and its length in bytes (by hand:
/// `str::chars` is not available to the compiler's evaluation).
const fn decode(bytes: &[u8], i: usize) -> (u32, usize) {
    let b = bytes[i] as u32;
    if b < 0x80 {
        (b, 1)
    } else if b < 0xE0 {
        (((b & 0x1F) << 6) | continuation(bytes, i + 1), 2)
    } else if b < 0xF0 {
        let c = ((b & 0x0F) << 12) | (continuation(bytes, i + 1) << 6) | continuation(bytes, i + 2);
        (c, 3)
    } else {
        let c = ((b & 0x07) << 18)
            | (continuation(bytes, i + 1) << 12)
            | (continuation(bytes, i + 2) << 6)
            | continuation(bytes, i + 3);
        (c, 4)
    }
}

const fn continuation(bytes: &[u8], i: usize) -> u32 {
    bytes[i] as u32 & 0x3F
}

pub static SURNAME_SET: HanSet = HanSet::of(SURNAMES);
/// Where a word that follows names may start ([`AFTER_NAME`] and the rules' own).
pub static AFTER_NAME_FIRST: HanSet = HanSet::of_first_chars(AFTER_NAME);
/// The first characters of the countries' names (a body may be read from inside one).
pub static COUNTRY_FIRST: HanSet = HanSet::of_first_chars(COUNTRIES);
/// The first characters of the Tibetan name parts (a test per character before the list).
pub static TIBETAN_FIRST: HanSet = HanSet::of_first_chars(TIBETAN_NAME_PARTS);
pub static TRANSLITERATION_SET: HanSet = HanSet::of(TRANSLITERATION);
pub static NOT_IN_NAME_SET: HanSet = HanSet::of(NOT_IN_NAME);
pub static BEFORE_PLACE_SET: HanSet = HanSet::of(BEFORE_PLACE);
pub static FUNCTION_SET: HanSet = HanSet::of(FUNCTION_CHARS);
pub static INSTITUTION_SET: HanSet = HanSet::of(INSTITUTION_CHARS);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_set_holds_its_lists_characters_and_no_other() {
        for (set, list) in [
            (&SURNAME_SET, SURNAMES),
            (&TRANSLITERATION_SET, TRANSLITERATION),
            (&NOT_IN_NAME_SET, NOT_IN_NAME),
            (&BEFORE_PLACE_SET, BEFORE_PLACE),
            (&FUNCTION_SET, FUNCTION_CHARS),
            (&INSTITUTION_SET, INSTITUTION_CHARS),
        ] {
            for c in list.chars() {
                assert!(set.contains(c), "{c} of {list}");
            }
            for c in "\0a·、，。一龥丶乂".chars().filter(|&c| !list.contains(c)) {
                assert!(!set.contains(c), "{c} not of {list}");
            }
        }
        for w in AFTER_NAME {
            assert!(AFTER_NAME_FIRST.contains(w.chars().next().unwrap()), "{w}");
        }
        assert!(!AFTER_NAME_FIRST.contains('王'));
        assert!(TRANSLITERATION_SET.contains('·'));
        assert!(SURNAME_SET.contains('王') && !SURNAME_SET.contains('的'));
    }
}
