//! The analysis document: the shape `gangmu analyze` prints and the app renders
//! (field names as in ../shared/eval/SCHEMA.md). Offsets count `char`s into the text
//! exactly as given, `end` exclusive.

use serde::{Deserialize, Serialize};

/// Language an analysis was made in.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Default)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    #[default]
    Zh,
    En,
}

/// A stretch of a mixed document in one language: runs of whole lines, together covering the
/// text (see `Analysis::languages`).
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub struct LanguageSpan {
    pub start: usize,
    pub end: usize,
    pub language: Language,
}

/// A half-open range `[start, end)` of `char` indices into the analysed text.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        Span { start, end }
    }
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// What made a line a heading; the app shows it, the scorers ignore it.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum HeadingKind {
    /// `# Title` in markdown.
    Markdown,
    /// An explicit number: 一、 （一） 1. （1） 第一章 第一，
    Numbered,
    /// A discourse marker standing alone: 会议指出, 会议强调.
    Marker,
    /// A short headline line without sentence punctuation.
    Headline,
    /// A run-in enumeration item at the start of a paragraph: 一是…, 二要…
    Enumeration,
}

/// One heading of the outline with the headings nested under it.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct OutlineNode {
    pub title: String,
    /// 1-based depth in the tree.
    pub level: u32,
    pub start: usize,
    pub end: usize,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<HeadingKind>,
    /// Key terms of the section this heading opens (its subsections included), best first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub keywords: Vec<String>,
    /// Formulations used in the section (its subsections included), most frequent first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub formulations: Vec<FormulationCount>,
    pub children: Vec<OutlineNode>,
}

/// How often a formulation occurs in one section.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct FormulationCount {
    pub text: String,
    pub count: usize,
}

/// What makes a phrase a formulation (提法).
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum FormulationKind {
    /// A quoted phrase: “公正与效率”, "上台阶、创一流".
    Quoted,
    /// A numbered slogan: 两个确立, 三个规定, 五源共治, 十四五.
    Numbered,
}

/// A formulation with every place it occurs (quoted or not).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct Formulation {
    /// The phrase without its quotation marks.
    pub text: String,
    pub kind: FormulationKind,
    /// Number of occurrences (= mentions.len()).
    pub count: usize,
    /// Spans of the phrase itself, quotation marks excluded.
    pub mentions: Vec<Span>,
}

impl OutlineNode {
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

/// A named individual with the titles the document attaches to them.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct Person {
    pub name: String,
    /// Distinct titles as written, in order of first appearance.
    pub titles: Vec<String>,
    /// Other forms the text uses for the same person (a surname alone in English news).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    pub mentions: Vec<Span>,
}

/// A specific organisation; `aliases` are the other forms that occur in the text.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct Organization {
    pub name: String,
    pub aliases: Vec<String>,
    pub mentions: Vec<Span>,
}

/// Everything Gangmu knows about one text.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct Analysis {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    pub language: Language,
    /// Length of the analysed text in `char`s.
    #[serde(default)]
    pub chars: usize,
    pub outline: Vec<OutlineNode>,
    /// People in order of first mention (a rank signal readers use).
    pub people: Vec<Person>,
    /// Organisations in order of first mention.
    pub organizations: Vec<Organization>,
    /// Formulations of the whole document, most frequent first.
    #[serde(default)]
    pub formulations: Vec<Formulation>,
    /// Key terms of the whole document, best first.
    #[serde(default)]
    pub keywords: Vec<String>,
    /// Mixed documents only (absent otherwise): the runs of lines in each language, in order,
    /// covering the text. `language` is then the main language; each run was analysed by its
    /// own language's analyser.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<LanguageSpan>,
}

impl Analysis {
    /// Every outline node, depth first, in document order.
    pub fn outline_flat(&self) -> Vec<&OutlineNode> {
        fn walk<'a>(nodes: &'a [OutlineNode], out: &mut Vec<&'a OutlineNode>) {
            for n in nodes {
                out.push(n);
                walk(&n.children, out);
            }
        }
        let mut out = Vec::new();
        walk(&self.outline, &mut out);
        out
    }
}
