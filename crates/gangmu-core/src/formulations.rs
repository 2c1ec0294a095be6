//! Formulations (提法): quoted phrases (“公正与效率”) and numbered slogans (两个确立, 十四五),
//! with every place they occur, counted for the document and per outline section.
//!
//! A phrase counts as a formulation when the text marks it: quoted somewhere, or a numbered
//! slogan (N个XX) used at least twice. Once it is one, every occurrence counts, quoted or not.
//! Cost: one scan for candidates, one Aho-Corasick pass for occurrences; linear in the text.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, MatchKind};

use crate::text::{is_han, Text};
use crate::{Formulation, FormulationCount, FormulationKind, Language, OutlineNode, Span};

/// Longest quoted phrase still read as a formulation rather than quoted speech.
const MAX_ZH_CHARS: usize = 16;
const MAX_EN_WORDS: usize = 6;
/// Formulations listed on one outline node.
const PER_SECTION: usize = 8;

const NUMERALS: &str = "一二三四五六七八九十两";

/// Two-character words after N个 that make a count, not a slogan (三个方面, 两个月).
const NOT_SLOGAN: &[&str] = &[
    "方面", "问题", "重点", "环节", "阶段", "部门", "单位", "国家", "地区", "城市", "项目", "领域",
    "小时", "星期", "月份", "百分", "年度", "季度", "时期", "层次", "层面", "步骤", "渠道", "途径",
    "案件", "批次", "片区", "乡镇", "街道", "社区", "村庄", "企业", "学校", "医院", "班子", "成员",
];

pub fn find(text: &Text, language: Language) -> Vec<Formulation> {
    let chars = text.chars();
    let mut candidates: Vec<(String, FormulationKind)> = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut add =
        |phrase: String, kind: FormulationKind, candidates: &mut Vec<(String, FormulationKind)>| {
            if !seen.contains_key(&phrase) {
                seen.insert(phrase.clone(), candidates.len());
                candidates.push((phrase, kind));
            }
        };
    for (inner, phrase) in quoted(chars) {
        if !quoted_phrase_ok(chars, inner, language) {
            continue;
        }
        // 一体贯通 and 一盘棋 are not counted lists; 两个确立, 五源共治 and 十四五 are.
        let counted =
            phrase.starts_with(|c| NUMERALS.contains(c) && c != '一') || phrase.starts_with("一个");
        let kind = if counted {
            FormulationKind::Numbered
        } else {
            FormulationKind::Quoted
        };
        add(phrase, kind, &mut candidates);
    }
    if language == Language::Zh {
        let mut counts: HashMap<String, usize> = HashMap::new();
        for slogan in numbered_slogans(chars) {
            *counts.entry(slogan).or_default() += 1;
        }
        let mut repeated: Vec<String> = counts
            .into_iter()
            .filter(|&(_, n)| n >= 2)
            .map(|(s, _)| s)
            .collect();
        repeated.sort_unstable();
        for slogan in repeated {
            add(slogan, FormulationKind::Numbered, &mut candidates);
        }
    }
    if candidates.is_empty() {
        return Vec::new();
    }

    let source: String = chars.iter().collect();
    let char_at = char_offsets(&source);
    let patterns: Vec<&str> = candidates.iter().map(|(p, _)| p.as_str()).collect();
    let Ok(ac) = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(&patterns)
    else {
        return Vec::new();
    };
    let mut mentions: Vec<Vec<Span>> = vec![Vec::new(); candidates.len()];
    for m in ac.find_iter(&source) {
        let span = Span::new(char_at[m.start()], char_at[m.end()]);
        // English phrases count as whole words only.
        if language == Language::En && !word_bounded(chars, span) {
            continue;
        }
        mentions[m.pattern().as_usize()].push(span);
    }
    let mut out: Vec<Formulation> = candidates
        .into_iter()
        .zip(mentions)
        .filter(|(_, m)| !m.is_empty())
        .map(|((text, kind), mentions)| Formulation {
            text,
            kind,
            count: mentions.len(),
            mentions,
        })
        .collect();
    crate::order::sort_by_key(&mut out, |f| {
        (crate::order::descending(f.count), f.mentions[0].start)
    });
    out
}

/// Counts each formulation inside each outline node's section (its subsections included).
///
/// Cost: every mention sorted once; a section reads the run of mentions inside it, so the
/// work is the number of mentions times the outline's depth, not sections × formulations.
pub fn attach_to_outline(
    outline: &mut [OutlineNode],
    formulations: &[Formulation],
    text_len: usize,
) {
    let mut starts: Vec<(usize, u32)> = formulations
        .iter()
        .enumerate()
        .flat_map(|(f, form)| form.mentions.iter().map(move |m| (m.start, f as u32)))
        .collect();
    starts.sort_unstable();

    fn walk(
        nodes: &mut [OutlineNode],
        end_of_parent: usize,
        formulations: &[Formulation],
        starts: &[(usize, u32)],
        tally: &mut Vec<usize>,
    ) {
        for i in 0..nodes.len() {
            let end = nodes.get(i + 1).map_or(end_of_parent, |n| n.start);
            let start = nodes[i].start;
            let lo = starts.partition_point(|&(s, _)| s < start);
            let hi = starts.partition_point(|&(s, _)| s < end);
            let mut present: Vec<u32> = Vec::new();
            for &(_, f) in &starts[lo..hi] {
                if tally[f as usize] == 0 {
                    present.push(f);
                }
                tally[f as usize] += 1;
            }
            // Most frequent first; ties in the formulations' own order.
            present.sort_unstable_by_key(|&f| (std::cmp::Reverse(tally[f as usize]), f));
            nodes[i].formulations = present
                .iter()
                .take(PER_SECTION)
                .map(|&f| FormulationCount {
                    text: formulations[f as usize].text.clone(),
                    count: tally[f as usize],
                })
                .collect();
            for &f in &present {
                tally[f as usize] = 0;
            }
            walk(&mut nodes[i].children, end, formulations, starts, tally);
        }
    }
    let mut tally = vec![0usize; formulations.len()];
    walk(outline, text_len, formulations, &starts, &mut tally);
}

/// Quoted stretches on one line: (inner span, inner text).
fn quoted(chars: &[char]) -> Vec<(Span, String)> {
    let mut out = Vec::new();
    let mut open: Option<(char, usize)> = None;
    for (i, &c) in chars.iter().enumerate() {
        if c == '\n' {
            open = None;
            continue;
        }
        match open {
            Some((close, start)) if c == close => {
                let inner = Span::new(start, i);
                if !inner.is_empty() {
                    out.push((inner, chars[start..i].iter().collect()));
                }
                open = None;
            }
            Some(_) => {}
            None => {
                let close = match c {
                    '“' => '”',
                    '"' => '"',
                    '「' => '」',
                    '『' => '』',
                    '‘' => '’',
                    _ => continue,
                };
                open = Some((close, i + 1));
            }
        }
    }
    out
}

fn quoted_phrase_ok(chars: &[char], inner: Span, language: Language) -> bool {
    let s = &chars[inner.start..inner.end];
    if s.iter()
        .any(|&c| matches!(c, '。' | '！' | '？' | '；' | '：' | '\n' | '“' | '”' | '"'))
    {
        return false;
    }
    match language {
        Language::Zh => {
            let han = s.iter().filter(|&&c| is_han(c)).count();
            (2..=MAX_ZH_CHARS).contains(&s.len()) && han * 2 >= s.len()
        }
        Language::En => {
            let words = s
                .split(|c| c.is_whitespace())
                .filter(|w| !w.is_empty())
                .count();
            (1..=MAX_EN_WORDS).contains(&words)
                && s.len() >= 3
                && !s.last().is_some_and(|c| matches!(c, '.' | ',' | '!' | '?'))
        }
    }
}

/// N个XX slogans not inside quotes: 两个确立, 四个意识.
fn numbered_slogans(chars: &[char]) -> Vec<String> {
    let mut out = Vec::new();
    for i in 0..chars.len().saturating_sub(3) {
        // The cheap test first: this runs on every character.
        if chars[i + 1] != '个' {
            continue;
        }
        // 第三个, 这两个, 每三个… count things; they do not name a slogan.
        let counted = i > 0
            && (NUMERALS.contains(chars[i - 1])
                || "第这那每几前后上下头另其各".contains(chars[i - 1]));
        if !NUMERALS.contains(chars[i]) || chars[i + 1] != '个' || counted {
            continue;
        }
        let word: String = chars[i + 2..i + 4].iter().collect();
        if !chars[i + 2..i + 4].iter().all(|&c| is_han(c))
            || NOT_SLOGAN.contains(&word.as_str())
            || chars[i] == '一'
        {
            continue;
        }
        let after = chars.get(i + 4).copied();
        if after.is_none_or(|c| !is_han(c) || "的和与及、".contains(c)) {
            out.push(chars[i..i + 4].iter().collect());
        }
    }
    out
}

fn word_bounded(chars: &[char], span: Span) -> bool {
    let before = span.start.checked_sub(1).map(|i| chars[i]);
    let after = chars.get(span.end);
    !before.is_some_and(|c| c.is_alphanumeric()) && !after.is_some_and(|c| c.is_alphanumeric())
}

/// Char index of every byte offset that starts a char, plus the end.
fn char_offsets(source: &str) -> Vec<usize> {
    let mut at = vec![0; source.len() + 1];
    let mut n = 0;
    for (b, _) in source.char_indices() {
        at[b] = n;
        n += 1;
    }
    at[source.len()] = n;
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> Vec<(String, FormulationKind, usize)> {
        find(&Text::new(text), crate::detect_language(text))
            .into_iter()
            .map(|f| (f.text, f.kind, f.count))
            .collect()
    }

    #[test]
    fn quoted_phrases_and_every_later_use() {
        let got = run(
            "紧紧围绕“公正与效率”工作主题，锚定\"上台阶、创一流\"目标。公正与效率是永恒的主题。",
        );
        assert_eq!(got[0], ("公正与效率".into(), FormulationKind::Quoted, 2));
        assert_eq!(
            got[1],
            ("上台阶、创一流".into(), FormulationKind::Quoted, 1)
        );
    }

    #[test]
    fn numbered_slogans_quoted_or_repeated() {
        let got = run("坚定拥护“两个确立”，做到“两个维护”。推进“五源共治”。认真执行三个规定，落实三个规定。有三个方面的问题，三个方面都要抓。");
        let texts: Vec<&str> = got.iter().map(|(t, _, _)| t.as_str()).collect();
        assert!(
            texts.contains(&"两个确立")
                && texts.contains(&"五源共治")
                && texts.contains(&"三个规定"),
            "{texts:?}"
        );
        assert!(
            !texts.contains(&"三个方面"),
            "a count is not a slogan: {texts:?}"
        );
        assert!(got.iter().all(|(_, k, _)| *k == FormulationKind::Numbered));
    }

    #[test]
    fn quoted_speech_and_titles_are_not_formulations() {
        let got =
            run("他说：“今年我们要把各项工作做得更好。”会议学习了《关于加强审判管理的意见》。");
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn mentions_exclude_the_quotes_and_sections_count_them() {
        let text = "会议指出\n要坚持“如我在诉”理念。\n会议强调\n以“如我在诉”意识办好每一件案子，“如我在诉”不是口号。\n";
        let t = Text::new(text);
        let f = find(&t, Language::Zh);
        let m = f[0].mentions[0];
        assert_eq!(t.slice(m.start, m.end), "如我在诉");
        let mut outline = crate::zh::outline_for_test(&t);
        attach_to_outline(&mut outline, &f, t.len());
        assert_eq!(
            outline[0].formulations,
            vec![FormulationCount {
                text: "如我在诉".into(),
                count: 1
            }]
        );
        assert_eq!(outline[1].formulations[0].count, 2);
    }

    #[test]
    fn english_quoted_terms() {
        let got = run("The agency calls this \"pay as you go\" budgeting. Under pay as you go rules, payments wait. He said \"we will not accept this outcome at all, ever, in any form.\"");
        assert_eq!(
            got,
            vec![("pay as you go".to_string(), FormulationKind::Quoted, 2)]
        );
    }
}
