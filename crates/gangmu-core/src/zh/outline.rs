//! Chinese outline: numbered headings of official documents (GB/T 9704: 一、 → （一） → 1. →
//! （1）, 第X章/节/条/部分, standing 第一，), markdown `#`, discourse-marker lines (会议指出),
//! short headline lines, and paragraph-initial run-in enumerations (一是…二是…).
//!
//! Levels come from a stack of the numbering styles currently open, in the order the document
//! introduces them, so skipped levels and documents that start at （一） nest correctly.

use crate::text::{is_blank, is_han, Line, Text};
use crate::tree::Heading;
use crate::HeadingKind;

/// The numbering style of a heading; each style is one rung of the stack.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Style {
    Markdown(u8),
    /// 第一编 / 第一部分
    Part,
    /// 第一章
    Chapter,
    /// 第一节
    Section,
    /// 第一条
    Article,
    /// 一、
    CnComma,
    /// （一）
    CnParen,
    /// 1. 1、 1．
    ArabicDot,
    /// （1） (1)
    ArabicParen,
    /// ① ②
    Circled,
    /// 第一，standing as a line of its own
    Ordinal,
    /// 会议指出
    Marker,
    /// A short unnumbered headline
    Headline,
    /// 一是… 一要… paragraph-initial
    Enumeration,
    /// 结束语, 结语: a closing section at the top level.
    Closing,
}

impl Style {
    /// Styles that nest only under numbered ones and give way to any numbered heading.
    fn is_soft(self) -> bool {
        matches!(self, Style::Marker | Style::Headline | Style::Enumeration)
    }
    fn kind(self) -> HeadingKind {
        match self {
            Style::Markdown(_) => HeadingKind::Markdown,
            Style::Marker => HeadingKind::Marker,
            Style::Headline | Style::Closing => HeadingKind::Headline,
            Style::Enumeration => HeadingKind::Enumeration,
            _ => HeadingKind::Numbered,
        }
    }
}

struct Candidate {
    style: Style,
    number: Option<u32>,
    /// End of the title (exclusive), a char index into the text.
    title_end: usize,
}

#[derive(Clone, Copy)]
struct Frame {
    style: Style,
    number: Option<u32>,
}

/// Longest line still read as a whole-line heading; longer ones are run-in (title to first 。).
const MAX_HEADING_LINE: usize = 60;
/// Headline lines: no numbering, no sentence punctuation, this many chars at most.
const MAX_HEADLINE: usize = 32;
const MIN_HEADLINE: usize = 6;

pub fn headings(text: &Text) -> Vec<Heading> {
    let chars = text.chars();
    let lines: Vec<Line> = text
        .lines()
        .iter()
        .filter_map(|&l| text.trimmed(l))
        .collect();
    let candidates: Vec<Option<Candidate>> = lines.iter().map(|&l| numbered(chars, l)).collect();
    let enumerations = enumeration_runs(chars, &lines);
    let cn_sections = candidates
        .iter()
        .flatten()
        .filter(|c| matches!(c.style, Style::CnComma | Style::Chapter | Style::Part))
        .count();

    let mut stack: Vec<Frame> = Vec::new();
    let mut out = Vec::new();
    for (i, &line) in lines.iter().enumerate() {
        let found = match &candidates[i] {
            Some(c) => Some((c.style, c.number, c.title_end)),
            None => enumerations[i]
                .map(|(n, end)| (Style::Enumeration, Some(n), end))
                .or_else(|| marker(chars, line).then_some((Style::Marker, None, line.end)))
                .or_else(|| closing(chars, line).then_some((Style::Closing, None, line.end)))
                .or_else(|| {
                    (cn_sections < 2
                        && headline(
                            chars,
                            &lines,
                            i,
                            candidates.get(i + 1).is_some_and(Option::is_some),
                        ))
                    .then_some((Style::Headline, None, line.end))
                }),
        };
        let Some((style, number, title_end)) = found else {
            continue;
        };
        if !place(&mut stack, style, number) {
            continue;
        }
        // A heading cut by a stray line break (一、2023年工作回\n顾) takes its tail back; the
        // title reads without the break, the span covers both pieces.
        let title_end = match lines.get(i + 1) {
            Some(&tail) if title_end == line.end && is_stray_tail(chars, line, tail) => tail.end,
            _ => title_end,
        };
        out.push(Heading {
            title: text
                .slice(line.start, title_end)
                .chars()
                .filter(|&c| c != '\n' && c != '\r')
                .collect(),
            start: line.start,
            end: title_end,
            level: stack.len() as u32,
            kind: style.kind(),
        });
    }
    out
}

/// Puts a heading on the stack; false (and the stack unchanged) when its number does not
/// continue its list (a stray "3." in running text is not a heading).
///
/// A numbered style already open makes the heading a sibling of that rung; a new one opens
/// a child of whatever is open, so 1. 2. under a headline nest under it. Run-in enumerations
/// never parent anything but their own items; a marker closes the sections before it; a closing
/// section (结束语) closes everything.
fn place(stack: &mut Vec<Frame>, style: Style, number: Option<u32>) -> bool {
    let mut next: Vec<Frame> = stack.clone();
    let closes = |f: &Frame| match style {
        Style::Closing => true,
        Style::Marker => f.style.is_soft(),
        Style::Headline => matches!(f.style, Style::Headline | Style::Enumeration),
        Style::Enumeration => false,
        _ => f.style == Style::Enumeration,
    };
    while next.last().is_some_and(closes) {
        next.pop();
    }
    if let Some(pos) = next.iter().rposition(|f| f.style == style) {
        let expected = next[pos].number.map(|n| n + 1);
        if let (Some(n), Some(e)) = (number, expected) {
            if n != e {
                return false;
            }
        }
        next.truncate(pos);
    } else if number.is_some_and(|n| n != 1) && style != Style::Enumeration && !next.is_empty() {
        // A list opens at 1 under its parent; only a style never seen may start elsewhere
        // (an excerpt that begins at 三、).
        return false;
    }
    next.push(Frame { style, number });
    *stack = next;
    true
}

fn numbered(chars: &[char], line: Line) -> Option<Candidate> {
    let s = &chars[line.start..line.end];
    let len = s.len();
    // Markdown
    if s[0] == '#' {
        let hashes = s.iter().take_while(|&&c| c == '#').count();
        if hashes <= 6 && s.get(hashes).is_some_and(|&c| c == ' ') && len > hashes + 1 {
            return Some(Candidate {
                style: Style::Markdown(hashes as u8),
                number: None,
                title_end: line.end,
            });
        }
        return None;
    }
    // 第X章 / 节 / 条 / 编 / 部分, and a standing 第X，
    if s[0] == '第' {
        let (n, used) = cn_number(&s[1..])?;
        let rest = &s[1 + used..];
        let style = match rest.first()? {
            '章' => Style::Chapter,
            '节' => Style::Section,
            '条' => Style::Article,
            '编' => Style::Part,
            '部' if rest.get(1) == Some(&'分') => Style::Part,
            '，' | ',' | '、' if len <= MAX_HEADING_LINE && sentences(s) <= 1 => Style::Ordinal,
            _ => return None,
        };
        let title_end = whole_or_runin(chars, line, style == Style::Article)?;
        return Some(Candidate {
            style,
            number: Some(n),
            title_end,
        });
    }
    // 一、
    if let Some((n, used)) = cn_number(s) {
        if s.get(used) == Some(&'、') && len > used + 1 {
            if len > MAX_HEADING_LINE || s[..len - 1].contains(&'。') {
                return None;
            }
            return Some(Candidate {
                style: Style::CnComma,
                number: Some(n),
                title_end: line.end,
            });
        }
        return None;
    }
    // （一） and （1）
    if matches!(s[0], '（' | '(') {
        let close = s.iter().position(|&c| c == '）' || c == ')')?;
        let inner = &s[1..close];
        if close + 1 >= len {
            return None;
        }
        let (style, n) = if let Some((n, used)) = cn_number(inner) {
            (used == inner.len()).then_some((Style::CnParen, n))?
        } else {
            (
                Style::ArabicParen,
                arabic(inner).filter(|&(_, used)| used == inner.len())?.0,
            )
        };
        let title_end = whole_or_runin(chars, line, true)?;
        return Some(Candidate {
            style,
            number: Some(n),
            title_end,
        });
    }
    // ① …
    if let Some(n) = circled(s[0]) {
        let title_end = whole_or_runin(chars, line, true)?;
        return Some(Candidate {
            style: Style::Circled,
            number: Some(n),
            title_end,
        });
    }
    // 1. 1、 1． — but not 1.5 or 2024年
    if let Some((n, used)) = arabic(s) {
        let sep = *s.get(used)?;
        let after = s.get(used + 1)?;
        if matches!(sep, '.' | '．' | '、') && !after.is_ascii_digit() && n < 100 {
            let title_end = whole_or_runin(chars, line, true)?;
            return Some(Candidate {
                style: Style::ArabicDot,
                number: Some(n),
                title_end,
            });
        }
    }
    None
}

/// The title's end: the whole line when it is short, else through the first 。 (a run-in
/// heading) when `runin` is allowed.
fn whole_or_runin(chars: &[char], line: Line, runin: bool) -> Option<usize> {
    let s = &chars[line.start..line.end];
    let first_stop = s.iter().position(|&c| c == '。');
    match first_stop {
        Some(p) if p + 1 < s.len() => {
            if !runin || p + 1 > MAX_HEADING_LINE {
                return None;
            }
            Some(line.start + p + 1)
        }
        _ if s.len() <= MAX_HEADING_LINE => Some(line.end),
        _ => None,
    }
}

fn sentences(s: &[char]) -> usize {
    s.iter()
        .filter(|&&c| matches!(c, '。' | '！' | '？'))
        .count()
}

/// 会议指出 / 会议强调 … standing alone on their line.
fn marker(chars: &[char], line: Line) -> bool {
    // Simplified and traditional forms: text pasted from Hong Kong or Taiwan sources.
    const SUBJECTS: [&str; 11] = [
        "会议还",
        "会议",
        "会上",
        "全会",
        "大会",
        "座谈会",
        "會議還",
        "會議",
        "會上",
        "全會",
        "大會",
    ];
    const VERBS: [&str; 26] = [
        "指出", "强调", "要求", "认为", "提出", "明确", "号召", "决定", "部署", "同意", "审议",
        "听取", "通过", "研究", "表示", "希望", "強調", "認為", "明確", "號召", "決定", "審議",
        "聽取", "通過", "研究", "表示",
    ];
    let mut s = visible(chars, line);
    while s.ends_with(['：', ':', '，', ',', '。']) {
        s.pop();
    }
    SUBJECTS.iter().any(|subject| {
        s.strip_prefix(subject)
            .is_some_and(|rest| VERBS.contains(&rest))
    })
}

/// 结束语 / 结语 / 前言 standing alone: a section of its own at the top level.
fn closing(chars: &[char], line: Line) -> bool {
    const WORDS: [&str; 5] = ["结束语", "结语", "結束語", "結語", "后记"];
    let s: String = visible(chars, line)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    WORDS.contains(&s.trim_end_matches(['：', ':']))
}

/// A piece of at most three Han characters right after a heading line that ends mid-phrase:
/// the rest of the heading, cut off by a stray line break.
fn is_stray_tail(chars: &[char], heading: Line, tail: Line) -> bool {
    let piece = &chars[tail.start..tail.end];
    let last = chars[heading.end - 1];
    piece.len() <= 3
        && piece.iter().all(|&c| is_han(c))
        && is_han(last)
        && chars[heading.end..tail.start]
            .iter()
            .filter(|&&c| c == '\n')
            .count()
            == 1
        && heading.end - heading.start + piece.len() <= MAX_HEADING_LINE
}

/// The line as read, without zero-width characters pasted text carries (会议\u{200b}强调).
fn visible(chars: &[char], line: Line) -> String {
    chars[line.start..line.end]
        .iter()
        .filter(|&&c| {
            !matches!(
                c,
                '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}'
            )
        })
        .collect()
}

/// A short line without sentence punctuation, set between paragraphs: `突出"更高标准" 抓实政治统领`.
fn headline(chars: &[char], lines: &[Line], i: usize, numbered_next: bool) -> bool {
    let line = lines[i];
    let s = &chars[line.start..line.end];
    if s.len() < MIN_HEADLINE || s.len() > MAX_HEADLINE {
        return false;
    }
    if s.iter().any(|&c| {
        matches!(
            c,
            '。' | '！'
                | '？'
                | '；'
                | '：'
                | '，'
                | ','
                | ';'
                | ':'
                | '!'
                | '?'
                | '—'
                | '（'
                | '('
                | '《'
                | '['
                | '|'
        )
    }) {
        return false;
    }
    let han = s.iter().filter(|&&c| is_han(c)).count();
    if han * 10 < s.len() * 6 {
        return false;
    }
    // A byline spaced out character by character (习　近　平) is not a headline.
    let blanks = s.iter().filter(|&&c| is_blank(c)).count();
    if blanks * 3 >= s.len() {
        return false;
    }
    // Not a fragment of a paragraph broken by a stray line break: it does not end on a
    // particle, and the line before it ends a sentence or is short like a heading itself.
    if "的了和与及在是对为把将从等并或".contains(s[s.len() - 1]) {
        return false;
    }
    if let Some(prev) = i.checked_sub(1).map(|p| lines[p]) {
        let ends_sentence = matches!(
            chars[prev.end - 1],
            '。' | '！' | '？' | '：' | '；' | '”' | '」' | '』' | '）' | ')'
        );
        if !ends_sentence && prev.end - prev.start > MAX_HEADLINE {
            return false;
        }
    }
    // It opens a section: a numbered heading or a paragraph (a longer line) follows.
    if numbered_next {
        return true;
    }
    let Some(next) = lines.get(i + 1) else {
        return false;
    };
    let next_len = next.end - next.start;
    next_len > s.len()
        && chars[next.start..next.end]
            .iter()
            .any(|&c| matches!(c, '。' | '！' | '？'))
}

/// Paragraph-initial run-in enumerations: 一是… 二是…, 一要… 二要…, 第一，… 第二，…,
/// 首先… 其次… 最后…. Only complete, consecutive runs of one series, at least two items,
/// count: line index → (number, title end).
fn enumeration_runs(chars: &[char], lines: &[Line]) -> Vec<Option<(u32, usize)>> {
    let mut out = vec![None; lines.len()];
    // (line, number, title end) of the run being read, and its series.
    let mut run: Vec<(usize, u32, usize)> = Vec::new();
    let mut series = ' ';
    let flush = |run: &mut Vec<(usize, u32, usize)>, out: &mut Vec<Option<(u32, usize)>>| {
        if run.len() >= 2 {
            for &(i, n, end) in run.iter() {
                out[i] = Some((n, end));
            }
        }
        run.clear();
    };
    for (i, &line) in lines.iter().enumerate() {
        let Some((kind, n)) = enumeration_item(&chars[line.start..line.end]) else {
            // Paragraphs may continue an item; a heading line would have ended the run.
            continue;
        };
        let last = run.last().map(|&(_, last, _)| last);
        // 最后 closes a 首先 run at whatever number it has reached.
        let n = if kind == '首' && n == 0 {
            last.map_or(0, |l| l + 1)
        } else {
            n
        };
        if n == 1 {
            flush(&mut run, &mut out);
            series = kind;
            run.push((i, n, runin_end(chars, line)));
        } else if kind == series && last.is_some_and(|l| l + 1 == n) {
            run.push((i, n, runin_end(chars, line)));
        } else {
            flush(&mut run, &mut out);
        }
    }
    flush(&mut run, &mut out);
    out
}

/// The series and number of a paragraph that opens with an enumeration marker. The series is
/// the character that follows the numeral (是, 要…), 第 for 第一，, 首 for 首先/其次/再次/最后
/// (最后 numbered 0: it takes the next number of its run).
fn enumeration_item(s: &[char]) -> Option<(char, u32)> {
    const ADVERBS: [(&str, u32); 4] = [("首先", 1), ("其次", 2), ("再次", 3), ("最后", 0)];
    let text_after = |used: usize| s.len() > used + 4;
    for (word, n) in ADVERBS {
        let w: Vec<char> = word.chars().collect();
        if s.starts_with(&w) && matches!(s.get(2), Some('，' | ',' | '、')) && text_after(3) {
            return Some(('首', n));
        }
    }
    if s.first() == Some(&'第') {
        let (n, used) = cn_number(&s[1..])?;
        return (matches!(s.get(1 + used), Some('，' | ',' | '、')) && text_after(used + 2))
            .then_some(('第', n));
    }
    let (n, used) = cn_number(s)?;
    let next = *s.get(used)?;
    (matches!(next, '是' | '要' | '抓' | '在') && text_after(used)).then_some((next, n))
}

/// Run-in title: through the first 。 (or ；), else the first clause, else the line.
fn runin_end(chars: &[char], line: Line) -> usize {
    let s = &chars[line.start..line.end];
    if let Some(p) = s.iter().position(|&c| matches!(c, '。' | '；' | '！')) {
        return line.start + p + 1;
    }
    line.end
}

/// A Chinese numeral at the start (一 … 九十九): its value and length.
fn cn_number(s: &[char]) -> Option<(u32, usize)> {
    fn digit(c: char) -> Option<u32> {
        "零一二三四五六七八九"
            .chars()
            .position(|d| d == c)
            .map(|p| p as u32)
    }
    let first = *s.first()?;
    match (first, s.get(1).copied(), s.get(2).copied()) {
        ('十', Some(c), _) if digit(c).is_some_and(|d| d > 0) => Some((10 + digit(c)?, 2)),
        ('十', _, _) => Some((10, 1)),
        (d, Some('十'), Some(c))
            if digit(d).is_some_and(|d| d > 1) && digit(c).is_some_and(|d| d > 0) =>
        {
            Some((digit(d)? * 10 + digit(c)?, 3))
        }
        (d, Some('十'), _) if digit(d).is_some_and(|d| d > 1) => Some((digit(d)? * 10, 2)),
        (d, _, _) if digit(d).is_some_and(|d| d > 0) => Some((digit(d)?, 1)),
        _ => None,
    }
}

fn arabic(s: &[char]) -> Option<(u32, usize)> {
    let digits = s.iter().take_while(|c| c.is_ascii_digit()).count();
    if digits == 0 || digits > 3 {
        return None;
    }
    let n = s[..digits]
        .iter()
        .fold(0u32, |acc, c| acc * 10 + c.to_digit(10).unwrap_or(0));
    Some((n, digits))
}

fn circled(c: char) -> Option<u32> {
    ('①'..='⑳').contains(&c).then(|| c as u32 - '①' as u32 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn titles_and_levels(text: &str) -> Vec<(String, u32)> {
        headings(&Text::new(text))
            .into_iter()
            .map(|h| (h.title, h.level))
            .collect()
    }

    #[test]
    fn chinese_numerals() {
        assert_eq!(cn_number(&['一', '、']), Some((1, 1)));
        assert_eq!(cn_number(&['十', '二']), Some((12, 2)));
        assert_eq!(cn_number(&['二', '十', '三']), Some((23, 3)));
        assert_eq!(cn_number(&['二', '十']), Some((20, 2)));
        assert_eq!(cn_number(&['零']), None);
    }

    #[test]
    fn numbered_levels_follow_the_document() {
        let text = "一、过去一年的工作\n正文。\n（一）稳住经济大盘。正文继续。\n1.加大投入\n正文。\n2.优化结构\n（二）深化改革\n二、今年的任务\n（一）扩大内需\n";
        assert_eq!(
            titles_and_levels(text),
            vec![
                ("一、过去一年的工作".into(), 1),
                ("（一）稳住经济大盘。".into(), 2),
                ("1.加大投入".into(), 3),
                ("2.优化结构".into(), 3),
                ("（二）深化改革".into(), 2),
                ("二、今年的任务".into(), 1),
                ("（一）扩大内需".into(), 2),
            ]
        );
    }

    #[test]
    fn stray_numbers_are_not_headings() {
        let text =
            "一、总体要求\n3.5万亿元的专项债券已经下达。\n2024年是关键之年。\n3.这一行跳了号\n";
        assert_eq!(titles_and_levels(text), vec![("一、总体要求".into(), 1)]);
    }

    #[test]
    fn unnumbered_meeting_report() {
        let text = "3月5日，临江市召开会议。\n会议指出\n过去一年，全市工作取得新进展，成绩来之不易。\n会议强调\n今年要抓好各项工作，确保取得实效。\n聚焦\"高质量发展\" 提升工作质效\n要坚持问题导向，持续推进改革，切实提升工作质效。\n突出\"为民服务\" 办好民生实事\n要把群众的事放在心上，办好每一件实事，让群众满意。\n";
        assert_eq!(
            titles_and_levels(text),
            vec![
                ("会议指出".into(), 1),
                ("会议强调".into(), 1),
                ("聚焦\"高质量发展\" 提升工作质效".into(), 2),
                ("突出\"为民服务\" 办好民生实事".into(), 2),
            ]
        );
    }

    #[test]
    fn traditional_markers_and_closing_section() {
        let text = "一、工作回顧\n正文。\n會議強調\n要抓好落實，確保實效。\n二、今年任務\n正文。\n结束语\n各位代表，让我们团结奋斗。\n";
        assert_eq!(
            titles_and_levels(text),
            vec![
                ("一、工作回顧".into(), 1),
                ("會議強調".into(), 2),
                ("二、今年任務".into(), 1),
                ("结束语".into(), 1),
            ]
        );
    }

    #[test]
    fn chapters_sections_and_markdown() {
        let text = "# 总则\n第一章 总体要求\n第一节 指导思想\n内容。\n第二节 基本原则\n内容。\n第二章 主要任务\n";
        assert_eq!(
            titles_and_levels(text),
            vec![
                ("# 总则".into(), 1),
                ("第一章 总体要求".into(), 2),
                ("第一节 指导思想".into(), 3),
                ("第二节 基本原则".into(), 3),
                ("第二章 主要任务".into(), 2),
            ]
        );
    }

    #[test]
    fn skipped_levels_and_numbers_under_a_headline() {
        let skipped = "一、总体要求\n1.坚持稳中求进\n正文。\n2.坚持改革创新\n二、重点任务\n";
        assert_eq!(
            titles_and_levels(skipped),
            vec![
                ("一、总体要求".into(), 1),
                ("1.坚持稳中求进".into(), 2),
                ("2.坚持改革创新".into(), 2),
                ("二、重点任务".into(), 1)
            ]
        );
        let headline = "会议强调\n要抓好以下工作，确保落到实处。\n聚焦“民生实事” 办好群众身边事\n1.办好教育\n各区要新建学校，扩大学位供给。\n2.办好医疗\n要提升基层医疗服务能力，方便群众就医。\n";
        let got = titles_and_levels(headline);
        assert_eq!(got[1], ("聚焦“民生实事” 办好群众身边事".into(), 2));
        assert_eq!(got[2], ("1.办好教育".into(), 3));
        assert_eq!(got[3], ("2.办好医疗".into(), 3));
    }

    #[test]
    fn pasted_web_text_keeps_headings_and_offsets() {
        let text = "\u{feff}会议指出\r\n过去一年工作取得新成效，值得肯定。\r\n\u{3000}\u{3000}会议强调\u{200b}\r\n\u{3000}\u{3000}要坚持问题导向，推动各项工作落实。\r\n";
        let t = Text::new(text);
        let found = headings(&t);
        assert_eq!(found.len(), 2);
        assert_eq!(found[1].title, "会议强调");
        assert_eq!(t.slice(found[1].start, found[1].end), "会议强调");
    }

    #[test]
    fn a_heading_cut_by_a_stray_line_break_is_whole() {
        let text = "一、2025年工作回\n顾\n过去一年，经济运行稳中有进。\n二、2026年工作安排\n";
        let t = Text::new(text);
        let found = headings(&t);
        assert_eq!(found[0].title, "一、2025年工作回顾");
        assert_eq!((found[0].start, found[0].end), (0, 12));
        assert_eq!(found[1].title, "二、2026年工作安排");
    }

    #[test]
    fn zero_width_and_spaced_markers() {
        let text =
            "会议\u{200b}强调\n要抓好落实，确保实效。\n结 束 语\n让我们团结奋斗，再创佳绩。\n";
        let got = titles_and_levels(text);
        assert_eq!(
            got,
            vec![("会议\u{200b}强调".into(), 1), ("结 束 语".into(), 1)]
        );
    }

    #[test]
    fn paragraph_fragments_are_not_headlines() {
        // A paragraph broken by a stray line break: the short piece is not a headline.
        let text = "会议强调\n全市上下要深入学习贯彻党的二十届四中全会精神，以更高标准推进各项工作\n落实落细见成效\n确保全年目标任务圆满完成，为全省大局作出新贡献。\n";
        assert_eq!(titles_and_levels(text), vec![("会议强调".into(), 1)]);
    }

    #[test]
    fn ordinal_and_adverb_runs() {
        let text = "二、今年任务\n第一，稳定宏观经济政策。继续实施积极的财政政策，保持流动性合理充裕。\n第二，稳定就业。落实就业优先政策，帮扶重点群体就业。\n会议强调\n首先，要提高站位。全体干部要把思想统一到部署上来。\n其次，要狠抓落实。各部门要细化措施、压实责任。\n最后，要严明纪律。对失职失责的要严肃问责。\n";
        let got = titles_and_levels(text);
        assert_eq!(got[1], ("第一，稳定宏观经济政策。".into(), 2));
        assert_eq!(got[2], ("第二，稳定就业。".into(), 2));
        assert_eq!(got[4], ("首先，要提高站位。".into(), 3));
        assert_eq!(got[6], ("最后，要严明纪律。".into(), 3));
    }

    #[test]
    fn runin_enumeration_needs_a_run() {
        let text = "周明远强调：\n一是抓好安全生产。要压实责任，守住底线。\n二是抓好民生保障。要办好实事。\n会议指出\n一是今年工作很多，这不是一个列表的开头因为后面没有二是。\n";
        let got = titles_and_levels(text);
        assert_eq!(got[0], ("一是抓好安全生产。".into(), 1));
        assert_eq!(got[1], ("二是抓好民生保障。".into(), 1));
        assert_eq!(got[2], ("会议指出".into(), 1));
        assert_eq!(got.len(), 3);
    }
}
