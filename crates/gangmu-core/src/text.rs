//! The text as the analysers see it: `char`s indexed as in the output, split into lines.

use std::cell::OnceCell;

use crate::zh::words::Lexicon;

/// A text prepared for analysis. Every index is a `char` index into the original text, so
/// offsets computed on it are the offsets printed.
pub struct Text {
    chars: Vec<char>,
    lines: Vec<Line>,
    /// The Chinese word segmentation, computed once on first use: the tagger and the key
    /// terms both read it.
    zh_words: OnceCell<Vec<(usize, usize)>>,
}

/// One line of the text: `[start, end)` without its line break.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Line {
    pub start: usize,
    pub end: usize,
}

impl Text {
    pub fn new(text: &str) -> Text {
        let chars: Vec<char> = text.chars().collect();
        let mut lines = Vec::new();
        let mut start = 0;
        let mut i = 0;
        while i < chars.len() {
            match chars[i] {
                '\n' | '\u{2028}' | '\u{2029}' => {
                    let end = if i > start && chars[i - 1] == '\r' {
                        i - 1
                    } else {
                        i
                    };
                    lines.push(Line { start, end });
                    start = i + 1;
                }
                '\r' if chars.get(i + 1) != Some(&'\n') => {
                    lines.push(Line { start, end: i });
                    start = i + 1;
                }
                _ => {}
            }
            i += 1;
        }
        if start < chars.len() {
            lines.push(Line {
                start,
                end: chars.len(),
            });
        }
        Text {
            chars,
            lines,
            zh_words: OnceCell::new(),
        }
    }

    pub fn len(&self) -> usize {
        self.chars.len()
    }

    pub fn is_empty(&self) -> bool {
        self.chars.is_empty()
    }

    /// Every Chinese word of the text as (start, end) char spans, Han runs only
    /// ([`Lexicon::words`]); segmented on the first call, with that call's word list.
    pub fn zh_words(&self, lexicon: &Lexicon) -> &[(usize, usize)] {
        self.zh_words.get_or_init(|| lexicon.words(&self.chars))
    }

    pub fn chars(&self) -> &[char] {
        &self.chars
    }

    pub fn lines(&self) -> &[Line] {
        &self.lines
    }

    pub fn slice(&self, start: usize, end: usize) -> String {
        self.chars[start..end].iter().collect()
    }

    /// The line without leading and trailing blanks (spaces, full-width spaces, zero-width
    /// characters); `None` when nothing is left.
    pub fn trimmed(&self, line: Line) -> Option<Line> {
        let mut s = line.start;
        let mut e = line.end;
        while s < e && is_blank(self.chars[s]) {
            s += 1;
        }
        while e > s && is_blank(self.chars[e - 1]) {
            e -= 1;
        }
        (s < e).then_some(Line { start: s, end: e })
    }
}

/// Whitespace as pasted text has it, including full-width and zero-width spaces and the BOM.
pub fn is_blank(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}'
        )
}

/// CJK unified ideographs (basic, extension A, compatibility).
pub fn is_han(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' | '\u{f900}'..='\u{faff}' | '\u{20000}'..='\u{2ffff}')
}
