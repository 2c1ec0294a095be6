//! English outline: markdown `#` headings, numbered sections (`1.`, `1.1`, `I.`, `A.`, `(a)`,
//! `Chapter 2`), and plain-line headings as in CRS reports: a short title-case line standing
//! between paragraphs. Entries of the document's own contents list are headings wherever they
//! stand alone in the body.
//!
//! Levels: markdown by the number of `#`; numbered styles by a stack of the styles currently
//! open (a style's first use nests under the open ones); plain-line headings are top level,
//! except that a heading followed directly by another makes the second its child.

use std::collections::HashSet;

use super::lexicon::is_common;
use crate::text::{Line, Text};
use crate::tree::Heading;
use crate::HeadingKind;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Style {
    Markdown(u32),
    Part,
    Chapter,
    Section,
    Article,
    /// `1.` `1.2` `1.2.3`: the number of components.
    Decimal(usize),
    /// `1)` `(1)`
    ParenNumber,
    Roman,
    UpperLetter,
    /// `a.` `a)` `(a)`
    LowerLetter,
    /// A plain line; soft: numbered headings never nest under it.
    Plain,
}

impl Style {
    fn kind(self) -> HeadingKind {
        match self {
            Style::Markdown(_) => HeadingKind::Markdown,
            Style::Plain => HeadingKind::Headline,
            _ => HeadingKind::Numbered,
        }
    }
}

struct Frame {
    style: Style,
    number: Option<u32>,
    /// A plain heading that the contents list names.
    listed: bool,
}

/// Longest plain-line heading, in words and chars.
const MAX_WORDS: usize = 14;
const MAX_CHARS: usize = 120;

/// Small words written in lower case inside title-case headings.
const SMALL_WORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "nor", "but", "of", "for", "to", "in", "on", "at", "by", "with",
    "from", "as", "vs.", "via", "under", "over", "into", "versus", "its", "their", "per", "than",
    "about", "after", "before", "between", "through", "during", "within", "without", "is", "are",
    "be", "not", "&",
];

/// Line kinds the rules look at around a candidate.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Blank,
    /// `|` table rows, `- ` items, `[link](…)` lines, images, `>` quotes.
    Block,
    Markdown,
    Text,
}

pub fn headings(text: &Text) -> Vec<Heading> {
    scan(text).into_iter().map(|(_, h)| h).collect()
}

/// Title-case text, where capitals say nothing about names. Char ranges, each list in order.
#[derive(Default, Debug)]
pub struct TitleCase {
    /// Unnumbered heading lines and contents entries (`- [Title](…)` alone on a line) that
    /// show title case.
    pub lines: Vec<Line>,
    /// Cells of markdown tables that read as labels: "General Counsel", "Office of Policy".
    pub cells: Vec<Line>,
    /// Every heading line (numbered ones too) and every table or figure caption: the tagger
    /// proposes no names here (a heading's capitals are title case), though names found
    /// elsewhere are matched here.
    pub headings: Vec<Line>,
}

/// Where the entity rules should not trust capitals: they find no new names on the `lines`
/// and take no title word in the `cells` for a person's title; names found elsewhere are still
/// matched there.
pub fn title_case(text: &Text) -> TitleCase {
    let chars = text.chars();
    // Numbered lines are left to the rules: a numbered "heading" is as often an item of a
    // results list ("1. Jane Doe ( Kenya ) 2:10.5") whose names count.
    let found = scan(text);
    let numbered: HashSet<usize> = found
        .iter()
        .filter(|(_, h)| h.kind == HeadingKind::Numbered)
        .map(|(i, _)| *i)
        .collect();
    let mut headings = found.iter().map(|(i, _)| *i).peekable();
    let mut out = TitleCase::default();
    for (i, &line) in text.lines().iter().enumerate() {
        while headings.next_if(|&h| h < i).is_some() {}
        let Some(line) = text.trimmed(line) else {
            continue;
        };
        let s = &chars[line.start..line.end];
        let heading = headings.next_if_eq(&i).is_some();
        if heading || is_caption(s) || is_link_line(s) {
            out.headings.push(line);
        }
        if (heading && !numbered.contains(&i) || is_contents_entry(s))
            && has_capitalised_common_word(s)
        {
            out.lines.push(line);
        } else if s[0] == '|' {
            out.cells.extend(label_cells(text, line));
        }
    }
    out
}

/// A line that opens with a markdown link or image (a navigation bar, a contents entry, a
/// download link): its capitals are labels.
fn is_link_line(s: &[char]) -> bool {
    let s = match s {
        ['-' | '*' | '+', ' ', rest @ ..] => rest,
        _ => s,
    };
    matches!(s, ['[', ..] | ['!', '[', ..])
}

/// "Table 2. …", "Figure A-1. …", "Table 3 Federal Funding": a caption.
fn is_caption(s: &[char]) -> bool {
    let text: String = s.iter().take(24).collect();
    let mut words = text.split_whitespace();
    matches!(
        words.next(),
        Some("Table" | "Figure" | "Exhibit" | "Chart" | "Map")
    ) && words.next().is_some_and(|n| {
        n.chars().next().is_some_and(|c| c.is_ascii_digit()) || n.len() <= 5 && n.contains('-')
    })
}

/// Title case shows in a capitalised common word ("Recovery", "Finance"); a line without one
/// ("9 - Jane Doe ( Kenya ) vs. qualifier" after a rule) may well be names.
fn has_capitalised_common_word(s: &[char]) -> bool {
    s.split(|c| !(c.is_alphanumeric() || matches!(c, '\'' | '-')))
        .filter(|w| w.first().is_some_and(|c| c.is_uppercase()))
        .any(|w| is_common(&w.iter().collect::<String>()))
}

/// `[Title](…)` or `- [Title](…)` and nothing else on the line: an entry of a contents list.
fn is_contents_entry(s: &[char]) -> bool {
    let s = match s {
        ['-' | '*' | '+', ' ', rest @ ..] => rest,
        _ => s,
    };
    if s.first() != Some(&'[') {
        return false;
    }
    let Some(open) = s.windows(2).position(|w| w == [']', '(']) else {
        return false;
    };
    // The link's target runs to its balanced `)`, which must end the line.
    let mut depth = 0usize;
    for (j, &c) in s.iter().enumerate().skip(open + 1) {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    return j + 1 == s.len();
                }
            }
            _ => {}
        }
    }
    false
}

/// The cells of a `|` table row that read as labels (short title-case phrases). Footnotes that
/// converters lay out as `| 12. | A sentence… |` rows keep their prose cells.
fn label_cells(text: &Text, row: Line) -> Vec<Line> {
    let chars = text.chars();
    let mut out = Vec::new();
    let mut start = row.start;
    for i in row.start..=row.end {
        if i < row.end && chars[i] != '|' {
            continue;
        }
        if let Some(cell) = text.trimmed(Line { start, end: i }) {
            if heading_like(&chars[cell.start..cell.end], false) {
                out.push(cell);
            }
        }
        start = i + 1;
    }
    out
}

/// Headings with the index of the line each stands on.
fn scan(text: &Text) -> Vec<(usize, Heading)> {
    let chars = text.chars();
    let lines: Vec<Option<Line>> = text
        .lines()
        .iter()
        .map(|&l| text.trimmed(l).filter(|t| !is_rule(&chars[t.start..t.end])))
        .collect();
    let kinds: Vec<Kind> = lines
        .iter()
        .map(|l| l.map_or(Kind::Blank, |l| kind(&chars[l.start..l.end])))
        .collect();
    let contents = contents_titles(chars, &lines);
    // Lines that recur three times or more are running page headers or footers.
    let mut seen: std::collections::HashMap<&[char], usize> = std::collections::HashMap::new();
    for l in lines.iter().flatten() {
        if l.end - l.start <= MAX_CHARS {
            *seen.entry(&chars[l.start..l.end]).or_default() += 1;
        }
    }
    let running = |l: &Line| seen.get(&chars[l.start..l.end]).is_some_and(|&n| n >= 3);
    let markdown_min = lines
        .iter()
        .flatten()
        .filter_map(|l| markdown(&chars[l.start..l.end]).map(|(n, _, _)| n))
        .min()
        .unwrap_or(1);

    let mut stack: Vec<Frame> = Vec::new();
    let mut out = Vec::new();
    // Whether the last non-blank line was an emitted heading (for the empty-parent rule).
    let mut after_heading = false;
    for (i, line) in lines.iter().enumerate() {
        let Some(line) = *line else { continue };
        let s = &chars[line.start..line.end];
        let next = next_kind(&kinds, i);
        let prev = prev_kind(&kinds, i);
        let found = if let Some((n, ts, te)) = markdown(s) {
            // Navigation ("# Contents" over a list of links) and empty titles are not sections.
            let navigation = next_is_links(chars, &lines, i);
            (!navigation && te > ts).then(|| {
                (
                    Style::Markdown(n + 1 - markdown_min),
                    None,
                    line.start + ts,
                    line.start + te,
                )
            })
        } else if kinds[i] != Kind::Text {
            None
        } else if let Some((style, number, rest)) = numbered(s) {
            let standalone = matches!(prev, Kind::Blank | Kind::Markdown | Kind::Text)
                && next != Kind::Blank
                && kinds.get(i + 1).is_none_or(|k| *k != Kind::Block);
            (standalone
                && heading_like(&s[rest..], true)
                && !is_formula(&s[rest..])
                && prev_is_not_item(&kinds, &lines, chars, i))
            .then_some((style, number, line.start, line.end))
        } else {
            let listed = contents.contains(&normalize(&s.iter().collect::<String>()));
            let plain = heading_like(s, false)
                && !running(&line)
                && !is_page_furniture(s)
                && !ends_open(s)
                && !after_caption(chars, &lines, i)
                && (prev == Kind::Blank || (i > 0 && kinds[i - 1] == Kind::Blank) || i == 0)
                && !matches!(next, Kind::Blank | Kind::Markdown)
                && !next_is_links(chars, &lines, i);
            (listed || plain).then_some((Style::Plain, None, line.start, line.end))
        };
        let Some((style, number, start, end)) = found else {
            after_heading = false;
            continue;
        };
        let listed =
            style == Style::Plain && contents.contains(&normalize(&text.slice(start, end)));
        // A contents list omits only its lowest level: an unlisted plain heading is a child of
        // the listed one before it.
        let unlisted_child = style == Style::Plain && !contents.is_empty() && !listed;
        if !place(
            &mut stack,
            style,
            number,
            after_heading,
            unlisted_child,
            listed,
        ) {
            after_heading = false;
            continue;
        }
        after_heading = true;
        out.push((
            i,
            Heading {
                title: text.slice(start, end),
                start,
                end,
                level: stack.len() as u32,
                kind: style.kind(),
            },
        ));
    }
    out
}

/// Puts a heading on the stack; false when its number does not continue its list.
fn place(
    stack: &mut Vec<Frame>,
    style: Style,
    number: Option<u32>,
    after_heading: bool,
    unlisted_child: bool,
    listed: bool,
) -> bool {
    match style {
        Style::Markdown(n) => {
            while stack
                .last()
                .is_some_and(|f| !matches!(f.style, Style::Markdown(m) if m < n))
            {
                stack.pop();
            }
        }
        Style::Plain => {
            // An empty parent: a heading right after a plain heading is its child.
            let child = after_heading && stack.last().is_some_and(|f| f.style == Style::Plain);
            if unlisted_child {
                match stack.iter().rposition(|f| f.listed) {
                    Some(pos) => stack.truncate(pos + 1),
                    None if !child => stack.clear(),
                    None => {}
                }
            } else if !child {
                stack.clear();
            }
        }
        _ => {
            while stack.last().is_some_and(|f| f.style == Style::Plain) {
                stack.pop();
            }
            if let Some(pos) = stack.iter().rposition(|f| f.style == style) {
                if let (Some(n), Some(prev)) = (number, stack[pos].number) {
                    if n != prev + 1 {
                        return false;
                    }
                }
                stack.truncate(pos);
            } else if matches!(
                style,
                Style::Part | Style::Chapter | Style::Section | Style::Article
            ) {
                // A named division ("Chapter 3") outranks plain numbering: it sits right under
                // the markdown headings, whatever its number.
                while stack
                    .last()
                    .is_some_and(|f| !matches!(f.style, Style::Markdown(_)))
                {
                    stack.pop();
                }
            } else if number.is_some_and(|n| n != 1) && !stack.is_empty() {
                // A list opens at 1 under its parent.
                if !matches!(style, Style::Decimal(d) if d > 1) {
                    return false;
                }
            }
        }
    }
    stack.push(Frame {
        style,
        number,
        listed,
    });
    true
}

/// Contents entries and body lines compared with collapsed spaces and `&amp;` decoded.
fn normalize(s: &str) -> String {
    s.replace("&amp;", "&")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A page number or a footer line: "Page 3", "3 of 12", "- 3 -", "CRS-5",
/// "Congressional Research Service 12".
fn is_page_furniture(s: &[char]) -> bool {
    let text: String = s.iter().collect();
    let words: Vec<&str> = text.split_whitespace().collect();
    let number = |w: &str| w.chars().all(|c| c.is_ascii_digit()) && !w.is_empty();
    match words.as_slice() {
        ["Page" | "page", n] | ["Page" | "page", n, "of", _] => number(n),
        [a, "of", b] => number(a) && number(b),
        ["-", n, "-"] => number(n),
        [w] => w.strip_prefix("CRS-").is_some_and(number),
        [.., last] if words.len() >= 2 => {
            number(last) && text.starts_with("Congressional Research Service")
        }
        _ => false,
    }
}

/// "(1) B = A τ", "(1) Area.-The term … means-": a formula or a definition, not a section.
fn is_formula(s: &[char]) -> bool {
    s.contains(&'=') || s.last() == Some(&'-') || s.windows(2).any(|w| w == ['.', '-'])
}

/// A line that ends on an article, a preposition or a conjunction ("…, including the") is cut
/// off before a list, not a title.
fn ends_open(s: &[char]) -> bool {
    let text: String = s.iter().collect();
    let last = text.split_whitespace().next_back().unwrap_or("");
    matches!(
        last,
        "the"
            | "a"
            | "an"
            | "of"
            | "to"
            | "and"
            | "or"
            | "for"
            | "in"
            | "on"
            | "with"
            | "by"
            | "including"
            | "include"
            | "includes"
            | "following"
            | "as"
            | "that"
            | "from"
    )
}

/// The previous non-blank line is a table or figure caption ("Table 2. …", "Figure A-1. …"):
/// this line is its subtitle ("In Millions of Dollars", "FY2022 to FY2026").
fn after_caption(chars: &[char], lines: &[Option<Line>], i: usize) -> bool {
    let Some(prev) = lines[..i].iter().rev().flatten().next() else {
        return false;
    };
    let s: String = chars[prev.start..prev.end].iter().collect();
    let mut words = s.split_whitespace();
    matches!(words.next(), Some("Table" | "Figure" | "Exhibit" | "Chart"))
        && words.next().is_some_and(|n| {
            n.ends_with('.') && n.chars().next().is_some_and(|c| c.is_ascii_alphanumeric())
        })
}

fn is_rule(s: &[char]) -> bool {
    s.len() >= 3 && s.iter().all(|c| matches!(c, '-' | '*' | '_' | '=' | ' '))
}

fn kind(s: &[char]) -> Kind {
    if markdown(s).is_some() {
        return Kind::Markdown;
    }
    match s[0] {
        '|' | '[' | '!' | '>' | '<' | '•' | '·' | '▪' | '●' => Kind::Block,
        '-' | '*' | '+' if s.get(1) == Some(&' ') => Kind::Block,
        _ => Kind::Text,
    }
}

/// Kind of the next non-blank line (`Blank` at the end of the text).
fn next_kind(kinds: &[Kind], i: usize) -> Kind {
    kinds[i + 1..]
        .iter()
        .copied()
        .find(|k| *k != Kind::Blank)
        .unwrap_or(Kind::Blank)
}

fn prev_kind(kinds: &[Kind], i: usize) -> Kind {
    i.checked_sub(1).map_or(Kind::Blank, |p| kinds[p])
}

/// The next non-blank line is a link or a list of links (a contents list, a navigation bar),
/// or there is none.
fn next_is_links(chars: &[char], lines: &[Option<Line>], i: usize) -> bool {
    let Some(next) = lines[i + 1..].iter().flatten().next() else {
        return true;
    };
    let s = &chars[next.start..next.end];
    let s = if s.len() > 2 && matches!(s[0], '-' | '*') && s[1] == ' ' {
        &s[2..]
    } else {
        s
    };
    s.first() == Some(&'[')
}

/// A numbered line right after another numbered line is a list item, not a section.
fn prev_is_not_item(kinds: &[Kind], lines: &[Option<Line>], chars: &[char], i: usize) -> bool {
    if i == 0 || kinds[i - 1] != Kind::Text {
        return true;
    }
    lines[i - 1].is_none_or(|l| numbered(&chars[l.start..l.end]).is_none())
}

/// `## Title` → (number of #, title start, title end) within the line.
fn markdown(s: &[char]) -> Option<(u32, usize, usize)> {
    let hashes = s.iter().take_while(|&&c| c == '#').count();
    if hashes == 0 || hashes > 6 || (s.len() > hashes && s[hashes] != ' ') {
        return None;
    }
    let mut start = hashes;
    while start < s.len() && s[start] == ' ' {
        start += 1;
    }
    let mut end = s.len();
    // An optional closing sequence: "## Title ##".
    let closing = s[start..end]
        .iter()
        .rev()
        .take_while(|&&c| c == '#')
        .count();
    if closing > 0 && end - closing > start && s[end - closing - 1] == ' ' {
        end -= closing;
    }
    while end > start && s[end - 1] == ' ' {
        end -= 1;
    }
    Some((hashes as u32, start, end))
}

/// Titles of the contents list: `- [Title](…#_Toc…)` items, or link items under a
/// `# Contents` heading. Figure and table captions are left out.
fn contents_titles(chars: &[char], lines: &[Option<Line>]) -> HashSet<String> {
    let mut out = HashSet::new();
    let mut in_contents = false;
    for line in lines.iter().flatten() {
        let s: String = chars[line.start..line.end].iter().collect();
        if let Some((_, ts, te)) = markdown(&chars[line.start..line.end]) {
            let title: String = chars[line.start + ts..line.start + te].iter().collect();
            in_contents = matches!(
                title.to_lowercase().as_str(),
                "contents" | "table of contents"
            );
            continue;
        }
        let Some(item) = s.strip_prefix("- [") else {
            continue;
        };
        let Some((title, url)) = item.split_once("](") else {
            continue;
        };
        if (in_contents || url.contains("_Toc"))
            && !title.starts_with("Figure ")
            && !title.starts_with("Table ")
        {
            out.insert(normalize(title));
        }
    }
    out
}

/// A numbered heading prefix: (style, number, index where the title text starts).
fn numbered(s: &[char]) -> Option<(Style, Option<u32>, usize)> {
    let word_end = s.iter().position(|&c| c == ' ').unwrap_or(s.len());
    let first: String = s[..word_end].iter().collect();
    let keyword = match first.as_str() {
        "Chapter" | "CHAPTER" => Some(Style::Chapter),
        "Part" | "PART" => Some(Style::Part),
        "Section" | "SECTION" | "§" => Some(Style::Section),
        "Article" | "ARTICLE" => Some(Style::Article),
        _ => None,
    };
    if let Some(style) = keyword {
        let rest = &s[(word_end + 1).min(s.len())..];
        let num_end = rest
            .iter()
            .position(|c| !c.is_alphanumeric())
            .unwrap_or(rest.len());
        let label: String = rest[..num_end].iter().collect();
        let number = label.parse::<u32>().ok().or_else(|| roman(&label));
        let after = rest.get(num_end).copied();
        if num_end > 0 && number.is_some() && !after.is_some_and(|c| c == ',' || c == ';') {
            return Some((style, number, 0));
        }
        return None;
    }
    // (a) (1) (iv)
    if s[0] == '(' {
        let close = s.iter().position(|&c| c == ')')?;
        let label: String = s[1..close].iter().collect();
        if s.get(close + 1) != Some(&' ') {
            return None;
        }
        if let Ok(n) = label.parse::<u32>() {
            return Some((Style::ParenNumber, Some(n), close + 2));
        }
        if label.len() == 1 && label.chars().all(|c| c.is_ascii_lowercase()) {
            let n = label.chars().next()? as u32 - 'a' as u32 + 1;
            return Some((Style::LowerLetter, Some(n), close + 2));
        }
        return None;
    }
    let label_end = s.iter().position(|c| *c == ' ')?;
    let label = &s[..label_end];
    let last = *label.last()?;
    let body: String = label[..label.len() - 1].iter().collect();
    let rest = label_end + 1;
    // 1. 1.2 1.2.3 1)
    if label[0].is_ascii_digit() {
        let full: String = label.iter().collect();
        let trimmed = full.trim_end_matches(['.', ')']);
        let parts: Vec<&str> = trimmed.split('.').collect();
        if parts
            .iter()
            .any(|p| p.is_empty() || p.len() > 3 || !p.chars().all(|c| c.is_ascii_digit()))
        {
            return None;
        }
        let n = parts.last()?.parse::<u32>().ok()?;
        if last == ')' && parts.len() == 1 {
            return Some((Style::ParenNumber, Some(n), rest));
        }
        if parts.len() == 1 && last != '.' {
            return None;
        }
        return Some((Style::Decimal(parts.len()), Some(n), rest));
    }
    if last != '.' && last != ')' {
        return None;
    }
    if let Some(n) = roman(&body) {
        if body != "I" || last == '.' {
            return Some((Style::Roman, Some(n), rest));
        }
    }
    if body.len() == 1 {
        let c = body.chars().next()?;
        if c.is_ascii_uppercase() && last == '.' {
            return Some((Style::UpperLetter, Some(c as u32 - 'A' as u32 + 1), rest));
        }
        if c.is_ascii_lowercase() {
            return Some((Style::LowerLetter, Some(c as u32 - 'a' as u32 + 1), rest));
        }
    }
    None
}

/// Upper-case roman numerals up to 39.
fn roman(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 6 {
        return None;
    }
    let mut total = 0u32;
    let mut prev = 0u32;
    for c in s.chars().rev() {
        let v = match c {
            'I' => 1,
            'V' => 5,
            'X' => 10,
            _ => return None,
        };
        if v < prev {
            total = total.checked_sub(v)?;
        } else {
            total += v;
            prev = v;
        }
    }
    (total > 0).then_some(total)
}

/// A short title-case phrase without closing punctuation. `numbered` relaxes the case rule
/// (the number already marks the line).
fn heading_like(s: &[char], numbered: bool) -> bool {
    let text: String = s.iter().collect();
    let text = text.trim();
    let Some(first) = text.chars().next() else {
        return false;
    };
    if !(first.is_uppercase() || first.is_ascii_digit() || first == '"' || first == '“') {
        return false;
    }
    if text.chars().count() > MAX_CHARS || text.contains("http") || text.contains("](") {
        return false;
    }
    if text.ends_with(['.', ',', ';', ':']) && !is_appendix_label(text) {
        return false;
    }
    let lower = text.to_lowercase();
    const NOT_HEADINGS: &[&str] = &[
        "table ",
        "figure ",
        "source:",
        "sources:",
        "note:",
        "notes:",
        "disclaimer",
        "chart ",
        "exhibit ",
        "map ",
        "updated ",
        "**",
    ];
    if NOT_HEADINGS.iter().any(|p| lower.starts_with(p)) {
        return false;
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.is_empty() || words.len() > MAX_WORDS || is_date_line(&words) {
        return false;
    }
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() < 2 {
        return false;
    }
    // All capitals: page headers and boilerplate.
    if letters.len() >= 4 && letters.iter().all(|c| c.is_uppercase()) {
        return false;
    }
    if numbered || words.len() <= 3 {
        return true;
    }
    let content: Vec<&&str> = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_alphabetic))
        .filter(|w| !SMALL_WORDS.contains(&w.to_lowercase().as_str()))
        .collect();
    let capitalised = content
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    capitalised * 10 >= content.len() * 6
}

/// "April 14, 2026", "March 2026", "Tuesday, May 5": a date line, not a heading.
fn is_date_line(words: &[&str]) -> bool {
    const MONTHS: &[&str] = &[
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "Jan.",
        "Feb.",
        "Mar.",
        "Apr.",
        "Jun.",
        "Jul.",
        "Aug.",
        "Sep.",
        "Sept.",
        "Oct.",
        "Nov.",
        "Dec.",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ];
    let mut month = false;
    for w in words {
        let w = w.trim_end_matches(',');
        if MONTHS.contains(&w) {
            month = true;
        } else if !w.chars().all(|c| c.is_ascii_digit()) {
            return false;
        }
    }
    month
}

/// "Appendix." / "Appendix A." stand as headings despite the period.
fn is_appendix_label(text: &str) -> bool {
    text.starts_with("Appendix") && text.split_whitespace().count() <= 2
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tree;

    fn flat(text: &str) -> Vec<(String, u32)> {
        fn walk(nodes: &[crate::OutlineNode], out: &mut Vec<(String, u32)>) {
            for n in nodes {
                out.push((n.title.clone(), n.level));
                walk(&n.children, out);
            }
        }
        let mut out = Vec::new();
        walk(&tree::build(headings(&Text::new(text))), &mut out);
        out
    }

    fn owned(v: &[(&str, u32)]) -> Vec<(String, u32)> {
        v.iter().map(|(t, l)| (t.to_string(), *l)).collect()
    }

    #[test]
    fn markdown_levels_are_normalised_and_spans_exact() {
        let text = "## Water Programs ##\n\nThe agency funds water systems.\n\n### Grants\n\nGrants go to towns.\n";
        let hs = headings(&Text::new(text));
        assert_eq!(hs[0].title, "Water Programs");
        assert_eq!(hs[0].level, 1);
        assert_eq!(hs[1].level, 2);
        let t = Text::new(text);
        assert_eq!(t.slice(hs[1].start, hs[1].end), "Grants");
    }

    #[test]
    fn plain_line_headings_between_paragraphs() {
        let text =
            "Summary\n\nThe report reviews rural broadband grants and how states use them.\n\n\
Program Funding and Oversight\n\nCongress appropriated $2 billion in FY2024 for the programs.\n\n\
Table 1. Grant Awards by State\n\n| State | Awards\n\n\
Source: Agency budget documents.\n\n\
- Eligible applicants include cooperatives.\n\n\
Issues for Congress\n\nRural Coverage Gaps\n\nMany counties still lack service at any speed.\n";
        assert_eq!(
            flat(text),
            owned(&[
                ("Summary", 1),
                ("Program Funding and Oversight", 1),
                ("Issues for Congress", 1),
                ("Rural Coverage Gaps", 2),
            ])
        );
    }

    #[test]
    fn contents_list_places_unlisted_headings_below() {
        let text = "# Contents\n\n- [Introduction](https://example.org#_Toc1)\n- [Agency Structure](https://example.org#_Toc2)\n- [Figure 1. Map of Offices](https://example.org#_Toc3)\n\n\
Introduction\n\nThe department has eight mission areas and many offices.\n\n\
Agency Structure\n\nThe offices report to the Secretary through the deputy.\n\n\
Regional Offices\n\nSix regional offices handle most grant reviews.\n";
        assert_eq!(
            flat(text),
            owned(&[
                ("Introduction", 1),
                ("Agency Structure", 1),
                ("Regional Offices", 2),
            ])
        );
    }

    #[test]
    fn numbered_sections_nest_by_depth() {
        let text = "1. Introduction\nThis paper studies port congestion.\n\n1.1 Data Sources\nWe use customs records.\n\n\
1.2 Methods\nWe fit a queue model.\n\n2. Results\nDelays fell by a third.\n\nChapter 3 Outlook\nMore ports will follow.\n";
        assert_eq!(
            flat(text),
            owned(&[
                ("1. Introduction", 1),
                ("1.1 Data Sources", 2),
                ("1.2 Methods", 2),
                ("2. Results", 1),
                ("Chapter 3 Outlook", 1),
            ])
        );
    }

    #[test]
    fn sentences_and_list_items_are_not_headings() {
        let text = "The committee met on Tuesday.\n\nIt adopted the report without amendment.\n\n\
3. The rule takes effect in May;\n\nNOTICE OF PUBLIC MEETING\n\nMembers may attend in person.\n";
        assert!(flat(text).is_empty(), "{:?}", flat(text));
    }

    #[test]
    fn title_case_marks_headings_label_cells_and_contents() {
        let text = "- [Disaster Recovery Role](https://example.org#_Toc1)\n\n\
Disaster Recovery Role\n\nThe agency funds recovery, as Jane Doe said.\n\n\
| Office | Staff |\n| --- | --- |\n| General Counsel | 40 |\n\
| 1. | See Jane Doe, Report Title, 2024. |\n\n\
- [Jane Doe](https://example.org) said more (link and prose).\n\n\
------\n9 - Jane Doe ( Kenya ) vs. Ann Roe ( Peru )\nMore results follow here.\n";
        let t = Text::new(text);
        let tc = title_case(&t);
        let lines: Vec<String> = tc.lines.iter().map(|l| t.slice(l.start, l.end)).collect();
        assert_eq!(
            lines,
            [
                "- [Disaster Recovery Role](https://example.org#_Toc1)",
                "Disaster Recovery Role"
            ]
        );
        let cells: Vec<String> = tc.cells.iter().map(|l| t.slice(l.start, l.end)).collect();
        assert_eq!(cells, ["Office", "Staff", "General Counsel"]);
    }

    #[test]
    fn running_headers_page_numbers_and_subtitles_are_not_headings() {
        let mut text =
            String::from("Water Programs\n\nThe agency funds water systems in towns.\n\n");
        for n in 1..=3 {
            text.push_str(&format!(
                "Rural Water Report\n\nMore text about grants on page {n}.\n\nPage {n}\n\n"
            ));
        }
        text.push_str(
            "Table 1. Awards by State\n\nIn Millions of Dollars\n\n| State | Awards |\n\n",
        );
        text.push_str("Grant Oversight\n\nAuditors review the grants, including the\n\n- files\n");
        assert_eq!(
            flat(&text),
            owned(&[("Water Programs", 1), ("Grant Oversight", 1)])
        );
    }

    #[test]
    fn odd_input_does_not_panic() {
        for t in [
            "",
            "#",
            "# ",
            "(",
            "1.",
            "I.",
            "\n\n\n",
            "(a)",
            "Appendix.",
            "é\u{200b}\r\n#\r",
        ] {
            let _ = headings(&Text::new(t));
        }
        let long = "Word ".repeat(200_000);
        assert!(headings(&Text::new(&long)).is_empty());
    }
}
