//! Language of a document and of each of its lines, and the views that let one language's
//! analyser read only its own parts of a mixed document.
//!
//! A *view* is the text with the other language's characters replaced by spaces (line breaks
//! kept), so it has exactly the text's length and every offset an analyser computes on it is an
//! offset into the text as given: nothing has to be mapped back.

use crate::model::{Language, LanguageSpan, Span};
use crate::text::{is_han, Text};

/// A minority language counts (the document is mixed) when its lines carry at least this share
/// of the document's weight (a Han character weighs 5, a Latin letter 1) …
const MIXED_SHARE: f64 = 0.10;
/// … and at least this much weight (about 40 English words, 40 Han characters).
const MIXED_MIN: usize = 200;

/// Weights of a stretch: (Han × 5, Latin letters).
fn weights(chars: &[char]) -> (usize, usize) {
    let (mut han, mut latin) = (0, 0);
    for &c in chars {
        if is_han(c) {
            han += 5;
        } else if c.is_ascii_alphabetic() {
            latin += 1;
        }
    }
    (han, latin)
}

/// The language of one line, if it has letters: Chinese when Han characters weigh at least as
/// much as Latin letters (a Chinese sentence quoting an English name stays Chinese).
fn line_language(chars: &[char]) -> Option<Language> {
    match weights(chars) {
        (0, 0) => None,
        (han, latin) if han >= latin => Some(Language::Zh),
        _ => Some(Language::En),
    }
}

/// What the analysis needs to know about the languages of a text.
pub struct Languages {
    /// The main language (what `detect_language` says).
    pub main: Language,
    /// Runs of lines in one language; empty unless the document is mixed.
    pub runs: Vec<LanguageSpan>,
    /// Per line of the text: its language (lines without letters take their neighbours').
    line_langs: Vec<Language>,
    /// Whether the text has Han characters / Latin letters at all.
    has_han: bool,
    has_latin: bool,
}

impl Languages {
    pub fn of(text: &Text, main: Language) -> Languages {
        let chars = text.chars();
        let mut raw: Vec<Option<Language>> = Vec::with_capacity(text.lines().len());
        let (mut zh_weight, mut en_weight) = (0usize, 0usize);
        let (mut has_han, mut has_latin) = (false, false);
        for line in text.lines() {
            let s = &chars[line.start..line.end];
            let (han, latin) = weights(s);
            has_han |= han > 0;
            has_latin |= latin > 0;
            let lang = line_language(s);
            match lang {
                Some(Language::Zh) => zh_weight += han + latin,
                Some(Language::En) => en_weight += han + latin,
                None => {}
            }
            raw.push(lang);
        }
        // Lines without letters belong with the line before (or, at the start, the first line
        // with letters).
        let first = raw.iter().flatten().next().copied().unwrap_or(main);
        let mut last = first;
        let line_langs: Vec<Language> = raw
            .iter()
            .map(|l| {
                if let Some(l) = l {
                    last = *l;
                }
                last
            })
            .collect();
        let total = zh_weight + en_weight;
        let minority = zh_weight.min(en_weight);
        let mixed = minority >= MIXED_MIN && minority as f64 >= MIXED_SHARE * total as f64;
        let mut runs: Vec<LanguageSpan> = Vec::new();
        if mixed {
            for (line, &lang) in text.lines().iter().zip(&line_langs) {
                match runs.last_mut() {
                    Some(run) if run.language == lang => run.end = line.end,
                    Some(run) => {
                        run.end = line.start;
                        runs.push(LanguageSpan {
                            start: line.start,
                            end: line.end,
                            language: lang,
                        });
                    }
                    None => runs.push(LanguageSpan {
                        start: 0,
                        end: line.end,
                        language: lang,
                    }),
                }
            }
            if let Some(run) = runs.last_mut() {
                run.end = chars.len();
            }
        }
        Languages {
            main,
            runs,
            line_langs,
            has_han,
            has_latin,
        }
    }

    pub fn mixed(&self) -> bool {
        !self.runs.is_empty()
    }

    /// The other language's stretches inside the main language's text need their own analyser:
    /// Han characters in an English text, Latin letters in a Chinese one.
    pub fn has_minority(&self) -> bool {
        match self.main {
            Language::Zh => self.has_latin,
            Language::En => self.has_han,
        }
    }

    /// The text with the lines of other languages blanked out: what `lang`'s outline reads.
    pub fn lines_view(&self, text: &Text, lang: Language) -> String {
        let chars = text.chars();
        let mut out: Vec<char> = chars.to_vec();
        for (line, &l) in text.lines().iter().zip(&self.line_langs) {
            if l != lang {
                blank(&mut out[line.start..line.end]);
            }
        }
        out.into_iter().collect()
    }

    /// `lang`'s lines, plus its runs inside the other language's lines (a Chinese line's
    /// "Microsoft", an English line's 中国人民银行): what `lang`'s entity analysis reads. The
    /// other language's characters become line breaks, so no name runs across them.
    pub fn entity_view(&self, text: &Text, lang: Language) -> String {
        let chars = text.chars();
        let mut out: Vec<char> = chars.to_vec();
        for (line, &l) in text.lines().iter().zip(&self.line_langs) {
            if l == lang {
                continue;
            }
            let s = &mut out[line.start..line.end];
            for c in s.iter_mut() {
                let cjk = is_han(*c) || is_cjk_punctuation(*c);
                let keep = match lang {
                    Language::Zh => cjk,
                    // Everything but Han and CJK punctuation: a name's text in the view is its
                    // text in the document.
                    Language::En => !cjk,
                };
                if !keep {
                    // A line break, so no name runs across the blanked stretch.
                    *c = '\n';
                }
            }
        }
        out.into_iter().collect()
    }
}

/// The stretches of a view that hold anything of its language (the view's lines, split where
/// the other language was blanked to line breaks), packed one after another: a few Latin words
/// in a long Chinese text cost a few words of work. Records where each packed stretch starts in
/// the packed text and in the original one.
pub struct Packed {
    pub text: String,
    starts: Vec<(usize, usize)>,
}

impl Packed {
    pub fn of(view: &str, text: &Text, lang: Language) -> Packed {
        let chars: Vec<char> = view.chars().collect();
        let mut out = String::new();
        let mut starts = Vec::new();
        let mut at = 0;
        let wanted = |s: &[char]| match lang {
            Language::Zh => s.iter().any(|&c| is_han(c)),
            Language::En => s.iter().any(|c| c.is_ascii_alphabetic()),
        };
        for line in text.lines() {
            let mut start = line.start;
            for run in chars[line.start..line.end].split(|&c| c == '\n') {
                if wanted(run) {
                    starts.push((at, start));
                    out.extend(run);
                    out.push('\n');
                    at += run.len() + 1;
                }
                start += run.len() + 1;
            }
        }
        Packed { text: out, starts }
    }

    /// The original offset of a packed one.
    pub fn map(&self, at: usize) -> usize {
        let k = self.starts.partition_point(|&(p, _)| p <= at);
        match k.checked_sub(1) {
            Some(k) => self.starts[k].1 + (at - self.starts[k].0),
            None => at,
        }
    }

    /// Whether a packed span lies within one of the runs packed, not across the break that
    /// joins two (Jane Doe|…|Summary).
    pub fn within_one_run(&self, span: Span) -> bool {
        let k = self.starts.partition_point(|&(p, _)| p <= span.start);
        let next = self
            .starts
            .get(k)
            .map_or(self.text.chars().count(), |&(p, _)| p);
        span.end < next
    }

    pub fn map_span(&self, span: Span) -> Span {
        let start = self.map(span.start);
        Span::new(start, start + span.len())
    }
}

/// Spaces over a line, keeping its length in chars.
fn blank(line: &mut [char]) {
    for c in line {
        *c = ' ';
    }
}

fn is_cjk_punctuation(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{303f}' | '\u{ff00}'..='\u{ffef}' | '“' | '”' | '‘' | '’' | '—' | '…' | '·')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn views_keep_length_and_line_breaks() {
        let text = Text::new("会议指出，要加强合作。\nThe Ministry of Commerce met Acme Corp.\n");
        let l = Languages::of(&text, Language::Zh);
        for lang in [Language::Zh, Language::En] {
            let v = l.lines_view(&text, lang);
            assert_eq!(v.chars().count(), text.len());
            assert_eq!(v.matches('\n').count(), 2);
        }
        let zh = l.lines_view(&text, Language::Zh);
        assert!(zh.starts_with("会议指出"));
        assert!(!zh.contains("Ministry"));
        let en = l.lines_view(&text, Language::En);
        assert!(en.contains("Ministry of Commerce"));
        assert!(!en.contains("会议"));
    }

    #[test]
    fn a_few_english_words_do_not_make_a_chinese_text_mixed() {
        let text = Text::new(&"国家统计局发布数据，GDP同比增长5%，CPI保持稳定。\n".repeat(30));
        let l = Languages::of(&text, Language::Zh);
        assert!(!l.mixed());
        assert!(l.has_minority());
    }
}
