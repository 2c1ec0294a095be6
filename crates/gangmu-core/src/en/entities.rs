//! English people and organisations by rules over word lists.
//!
//! Forms are found first: names after a title ("Senator Jane Doe"), names that start with a
//! common given name ("Phil Simmons"), names before "said"; organisations as capitalised runs
//! ending in a head word ("Economic Development Administration") or opened by one ("Department
//! of Commerce"), with a following "(ACRONYM)" as alias, plus well-known bodies. Then one
//! Aho-Corasick pass over the text finds every occurrence of every form, surnames of people
//! included (news English refers to people by surname), so time stays linear in the text.

use std::collections::{HashMap, HashSet};

use aho_corasick::{AhoCorasick, MatchKind};

use super::lexicon::*;
use std::iter::Peekable;

use super::outline::TitleCase;
use super::tagger::Kind;
use crate::text::Line;
use crate::{Organization, Person, Span, Text};

/// A word or a single punctuation character, `[start, end)` in chars.
#[derive(Clone, Copy, Debug)]
struct Token {
    start: usize,
    end: usize,
    /// First token of its line.
    line_start: bool,
    /// On a line written in capitals (a headline), a heading or a contents entry: the rules find
    /// no new names here, re-occurrences still count.
    muted: bool,
    /// On a table row (`| … |`): the tagger proposes no people here (label cells).
    table: bool,
    /// On a heading or a caption line: the tagger proposes no new names here (title case).
    /// Lines in capitals are left to it: it learnt headlines.
    heading: bool,
    /// In a table cell that reads as a label ("General Counsel"): a title word here names a
    /// post, not a person's title.
    label: bool,
}

/// Abbreviations that keep their final period as part of the word.
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Sen", "Rep", "Gov", "Gen", "Inc", "Corp", "Co", "Ltd", "St", "Jr",
    "Sr", "Lt", "Col", "Capt", "Prof", "Rev", "Adm", "Sgt", "Mt", "No", "Dept", "Bros",
];

/// People and organisations by the rules alone.
#[cfg(test)]
pub fn find(text: &Text) -> (Vec<Person>, Vec<Organization>) {
    find_with(text, &[], false)
}

/// People and organisations: the rules' forms first, then the forms the tagger proposes
/// (`tagged`: char spans of people and organisations, in order), then one pass that finds every
/// occurrence of every form. The rules win where the two disagree about a form.
///
/// `runs`: the text is runs of English packed from a text in another language (see
/// `lang.rs`), whose line structure says nothing: no line is taken for a heading.
pub fn find_with(
    text: &Text,
    tagged: &[(Kind, Span)],
    runs: bool,
) -> (Vec<Person>, Vec<Organization>) {
    let chars = text.chars();
    let mut title_case = super::outline::title_case(text);
    if runs {
        title_case = Default::default();
    }
    let tokens = tokenize(text, &title_case);
    let words: Vec<String> = tokens
        .iter()
        .map(|t| chars[t.start..t.end].iter().collect())
        .collect();
    let lower_ing = words
        .iter()
        .filter(|w| w.ends_with("ing") && w.starts_with(char::is_lowercase))
        .map(String::as_str)
        .collect();
    let lower_case = tokens
        .iter()
        .zip(&words)
        .filter(|(t, w)| !t.line_start && w.starts_with(char::is_lowercase))
        .map(|(_, w)| w.clone())
        .collect();
    let doc = Doc {
        chars,
        lower_case,
        tokens: &tokens,
        words: &words,
        lower_ing,
        lex: Lexicon::new(),
    };
    let mut forms = Forms::default();
    // The tagger's forms first: where it and the rules read a form differently, the tagger's
    // reading (trained on far more text) stands; the rules add titles, acronyms and what the
    // tagger missed.
    doc.tagged_forms(&mut forms, tagged);
    doc.organization_forms(&mut forms);
    doc.person_forms(&mut forms);
    forms.resolve(chars)
}

struct Lexicon {
    not_names: HashSet<&'static str>,
    not_surnames: HashSet<&'static str>,
    given: HashSet<&'static str>,
    org_heads: HashSet<&'static str>,
    leading_heads: HashSet<&'static str>,
    connectors: HashSet<&'static str>,
    function_words: HashSet<&'static str>,
    dates: HashSet<&'static str>,
    surnames_first: HashSet<&'static str>,
    /// Titles by first word, longest first.
    titles: HashMap<&'static str, Vec<Vec<&'static str>>>,
    appositives: HashMap<&'static str, Vec<Vec<&'static str>>>,
    title_words: HashSet<&'static str>,
    ing_nouns: HashSet<&'static str>,
}

fn by_first_word(list: &[&'static str]) -> HashMap<&'static str, Vec<Vec<&'static str>>> {
    let mut map: HashMap<&'static str, Vec<Vec<&'static str>>> = HashMap::new();
    for t in list {
        let words: Vec<&str> = t.split(' ').collect();
        map.entry(words[0]).or_default().push(words);
    }
    for v in map.values_mut() {
        crate::order::sort_by_key(v, |w| (crate::order::descending(w.len()), 0));
    }
    map
}

impl Lexicon {
    fn new() -> Self {
        Lexicon {
            not_names: NOT_NAMES.iter().chain(FUNCTION_WORDS).copied().collect(),
            not_surnames: NOT_SURNAMES.iter().copied().collect(),
            given: GIVEN_NAMES.iter().copied().collect(),
            org_heads: ORG_HEADS.iter().copied().collect(),
            leading_heads: LEADING_HEADS.iter().copied().collect(),
            connectors: ORG_CONNECTORS.iter().copied().collect(),
            function_words: FUNCTION_WORDS.iter().copied().collect(),
            dates: DATE_WORDS.iter().copied().collect(),
            surnames_first: SURNAMES_FIRST.iter().copied().collect(),
            titles: by_first_word(TITLES_BEFORE),
            appositives: by_first_word(APPOSITIVE_HEADS),
            title_words: TITLES_BEFORE
                .iter()
                .flat_map(|t| t.split(' '))
                .filter(|w| w.starts_with(char::is_uppercase))
                .collect(),
            ing_nouns: ING_NOUNS.iter().copied().collect(),
        }
    }
}

fn tokenize(text: &Text, title_case: &TitleCase) -> Vec<Token> {
    let chars = text.chars();
    let mut tokens = Vec::new();
    let mut lines = title_case.lines.iter().peekable();
    let mut heading_lines = title_case.headings.iter().peekable();
    let mut cells = title_case.cells.iter().peekable();
    for line in text.lines() {
        let shouting = is_shouting(&chars[line.start..line.end]);
        let table = text.trimmed(*line).is_some_and(|l| chars[l.start] == '|');
        let titles = quoted_titles(&chars[line.start..line.end], line.start);
        let in_title = |at: usize| titles.iter().any(|&(a, b)| a <= at && at < b);
        let mut i = line.start;
        let mut first = true;
        while i < line.end {
            let c = chars[i];
            if crate::text::is_blank(c) {
                i += 1;
                continue;
            }
            let start = i;
            if c.is_alphanumeric() {
                i += 1;
                while i < line.end {
                    let c = chars[i];
                    let next_alnum = chars.get(i + 1).is_some_and(|n| n.is_alphanumeric());
                    // Inner hyphens, dots and apostrophes join ("U.S", "O'Neill"); a
                    // possessive 's does not.
                    let joins = matches!(c, '-' | '.' | '&') && i + 1 < line.end
                        || matches!(c, '\'' | '’') && !is_possessive(chars, i);
                    if c.is_alphanumeric() || (joins && next_alnum) {
                        i += 1;
                    } else {
                        break;
                    }
                }
                // Keep the period of "Mr." "U.S." "J." (an initial).
                if i < line.end && chars[i] == '.' {
                    let word: String = chars[start..i].iter().collect();
                    let initial = word.chars().count() == 1 && c.is_uppercase();
                    if initial || word.contains('.') || ABBREVIATIONS.contains(&word.as_str()) {
                        i += 1;
                    }
                }
            } else {
                i += 1;
            }
            let mut token = Token {
                start,
                end: i,
                line_start: first,
                heading: within(&mut heading_lines, start),
                table,
                muted: within(&mut lines, start),
                label: within(&mut cells, start),
            };
            token.muted |= shouting;
            // A quoted title ("FTC Sues Live Nation for …," press release): title case.
            token.heading |= in_title(start);
            tokens.push(token);
            first = false;
        }
    }
    tokens
}

/// Whether `at` lies in one of `ranges` (in order), for positions asked in increasing order.
fn within<'a>(ranges: &mut Peekable<impl Iterator<Item = &'a Line>>, at: usize) -> bool {
    while ranges.next_if(|r| r.end <= at).is_some() {}
    ranges.peek().is_some_and(|r| r.start <= at)
}

/// Quoted stretches of a line written in title case (titles of articles, bills, releases):
/// `[start, end)` in chars. At least three words, most content words capitalised.
fn quoted_titles(line: &[char], offset: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (i, &c) in line.iter().enumerate() {
        match (c, open) {
            ('"' | '“', None) => open = Some(i + 1),
            ('"' | '”', Some(a)) => {
                let inner: String = line[a..i].iter().collect();
                let words: Vec<&str> = inner.split_whitespace().collect();
                let content: Vec<&&str> = words
                    .iter()
                    .filter(|w| w.len() > 3 && w.starts_with(char::is_alphabetic))
                    .collect();
                let caps = content
                    .iter()
                    .filter(|w| w.starts_with(char::is_uppercase))
                    .count();
                if words.len() >= 3 && !content.is_empty() && caps * 10 >= content.len() * 7 {
                    out.push((offset + a, offset + i));
                }
                open = None;
            }
            _ => {}
        }
    }
    out
}

/// `'s` or `’s` ending a word: the possessive, not part of the name.
fn is_possessive(chars: &[char], at: usize) -> bool {
    matches!(chars.get(at + 1), Some('s') | Some('S'))
        && !chars.get(at + 2).is_some_and(|c| c.is_alphanumeric())
}

/// A line mostly in capitals (a headline or boilerplate).
fn is_shouting(line: &[char]) -> bool {
    let upper = line.iter().filter(|c| c.is_uppercase()).count();
    let lower = line.iter().filter(|c| c.is_lowercase()).count();
    upper >= 8 && upper > lower * 2
}

fn is_capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Mostly capitals: an acronym (NATO, U.S., FinCEN) rather than a name.
fn is_acronym(word: &str) -> bool {
    let upper = word.chars().filter(|c| c.is_uppercase()).count();
    upper >= 2 && upper * 2 >= word.chars().filter(|c| c.is_alphabetic()).count()
}

struct Doc<'a> {
    chars: &'a [char],
    /// Words the text writes in lower case (not the first word of a line).
    lower_case: HashSet<String>,
    tokens: &'a [Token],
    words: &'a [String],
    /// Lower-case words in -ing the text uses ("preparing").
    lower_ing: HashSet<&'a str>,
    lex: Lexicon,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Owner {
    Person(usize),
    Org(usize),
}

/// Entity forms found by the rules, before the occurrence pass.
#[derive(Default)]
struct Forms {
    owner: HashMap<String, Owner>,
    /// Registration order of forms, so conflicts resolve the same way every time.
    order: Vec<String>,
    /// Per person: titles in order of appearance.
    person_titles: Vec<Vec<String>>,
    /// Union-find over organisations: forms merged later point to one representative.
    org_parent: Vec<usize>,
    /// Mentions the tagger placed (span and form), in text order: they stand as they are, and
    /// no other occurrence may overlap them.
    fixed: Vec<(Span, String)>,
    /// Places and other names the tagger found: no person or organisation lies inside one
    /// ("West Bank", "UEFA Cup").
    blocked: Vec<Span>,
    /// Forms of people that include their title ("Foreign Secretary Boris Johnson"): aliases,
    /// never the name.
    titled: HashMap<String, String>,
}

impl Forms {
    fn add_person(&mut self, name: String, title: Option<String>) {
        let idx = match self.owner.get(&name) {
            Some(Owner::Person(i)) => *i,
            Some(Owner::Org(_)) => return,
            None => {
                self.person_titles.push(Vec::new());
                let i = self.person_titles.len() - 1;
                self.owner.insert(name.clone(), Owner::Person(i));
                self.order.push(name);
                i
            }
        };
        if let Some(t) = title {
            if !self.person_titles[idx].contains(&t) {
                self.person_titles[idx].push(t);
            }
        }
    }

    /// Registers an organisation by its forms; forms already known join that organisation.
    fn add_org(&mut self, forms: &[String]) {
        let known = forms.iter().find_map(|f| match self.owner.get(f) {
            Some(Owner::Org(i)) => Some(*i),
            _ => None,
        });
        let idx = known.unwrap_or_else(|| {
            self.org_parent.push(self.org_parent.len());
            self.org_parent.len() - 1
        });
        for f in forms {
            match self.owner.get(f) {
                // A form already known as another organisation: the two are one.
                Some(&Owner::Org(j)) if j != idx => self.merge_orgs(idx, j),
                Some(_) => {}
                None if f.chars().count() >= 2 => {
                    self.owner.insert(f.clone(), Owner::Org(idx));
                    self.order.push(f.clone());
                }
                None => {}
            }
        }
    }

    fn org_root(&mut self, mut i: usize) -> usize {
        while self.org_parent[i] != i {
            self.org_parent[i] = self.org_parent[self.org_parent[i]];
            i = self.org_parent[i];
        }
        i
    }

    fn merge_orgs(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.org_root(a), self.org_root(b));
        if ra != rb {
            self.org_parent[rb] = ra;
        }
    }

    /// Finds every occurrence of every form and builds the lists.
    fn resolve(mut self, chars: &[char]) -> (Vec<Person>, Vec<Organization>) {
        // A surname alone is another form of the person named in full (news English refers to
        // people by surname), unless two people share it.
        let people: Vec<(String, usize)> = self
            .order
            .iter()
            .filter_map(|f| match self.owner.get(f) {
                Some(Owner::Person(i)) => Some((f.clone(), *i)),
                _ => None,
            })
            .collect();
        // "Agriculture Thomas Reyes" (a longer reading of "Thomas Reyes") is no second Reyes.
        let full_names: HashSet<&str> = people
            .iter()
            .map(|(n, _)| n.as_str())
            .filter(|n| n.contains(' '))
            .collect();
        let longer_reading = |name: &str| {
            name.char_indices()
                .filter(|&(_, c)| c == ' ')
                .any(|(at, _)| {
                    at > 0 && full_names.contains(&name[at + 1..]) && name[at + 1..].contains(' ')
                })
        };
        let mut surname_count: HashMap<&str, usize> = HashMap::new();
        for (name, _) in &people {
            if longer_reading(name) {
                continue;
            }
            if let Some(surname) = surname_of(name) {
                *surname_count.entry(surname).or_default() += 1;
            }
        }
        // A one-word person the tagger found alone ("Reyes said") is the person named in full
        // with that surname, when only one is; their titles join.
        let full: HashMap<&str, usize> = people
            .iter()
            .filter(|(name, _)| !longer_reading(name))
            .filter_map(|(name, i)| Some((surname_of(name)?, *i)))
            .filter(|(s, _)| surname_count.get(s) == Some(&1))
            .collect();
        for (name, i) in &people {
            if name.contains(' ') {
                continue;
            }
            if let Some(&j) = full.get(name.as_str()) {
                if j != *i {
                    self.owner.insert(name.clone(), Owner::Person(j));
                    for t in std::mem::take(&mut self.person_titles[*i]) {
                        if !self.person_titles[j].contains(&t) {
                            self.person_titles[j].push(t);
                        }
                    }
                }
            }
        }
        for (name, person) in &people {
            let Some(surname) = surname_of(name) else {
                continue;
            };
            if surname.chars().count() >= 3
                && !NOT_NAMES.contains(&surname)
                && !FUNCTION_WORDS.contains(&surname)
                && !surname.ends_with('.')
                && !self.owner.contains_key(surname)
                && surname_count.get(surname) == Some(&1)
            {
                self.owner
                    .insert(surname.to_string(), Owner::Person(*person));
                self.order.push(surname.to_string());
            }
        }
        if self.order.is_empty() {
            return (Vec::new(), Vec::new());
        }
        let source: String = chars.iter().collect();
        let char_at = char_offsets(&source);
        let Ok(ac) = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&self.order)
        else {
            return (Vec::new(), Vec::new());
        };
        // Per owner: mentions and the forms seen, in order.
        let mut people: HashMap<usize, (Vec<Span>, Vec<String>)> = HashMap::new();
        let mut orgs: HashMap<usize, (Vec<Span>, Vec<String>)> = HashMap::new();
        let fixed = std::mem::take(&mut self.fixed);
        let blocked = std::mem::take(&mut self.blocked);
        let overlaps_fixed = |span: Span| {
            let k = fixed.partition_point(|(f, _)| f.end <= span.start);
            fixed.get(k).is_some_and(|(f, _)| f.start < span.end)
        };
        let inside_blocked = |span: Span| {
            let k = blocked.partition_point(|b| b.start <= span.start);
            k > 0 && blocked[k - 1].end >= span.end
        };
        let mut found: Vec<(Span, String)> = fixed.clone();
        for m in ac.find_iter(&source) {
            let (s, e) = (char_at[m.start()], char_at[m.end()]);
            let before = s.checked_sub(1).map(|i| chars[i]);
            let after = chars.get(e).copied();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '-')
                || after.is_some_and(|c| c.is_alphanumeric() || c == '-')
            {
                continue;
            }
            let span = Span::new(s, e);
            if overlaps_fixed(span) || inside_blocked(span) {
                continue;
            }
            found.push((span, self.order[m.pattern().as_usize()].clone()));
        }
        crate::order::sort_by_key(&mut found, |(span, _)| (span.start, 0));
        for (span, form) in found {
            let (s, e) = (span.start, span.end);
            let owner = self.owner[&form];
            match owner {
                Owner::Person(i) => {
                    let entry = people.entry(i).or_default();
                    entry.0.push(Span::new(s, e));
                    if !entry.1.contains(&form) {
                        entry.1.push(form);
                    }
                }
                Owner::Org(i) => {
                    let entry = orgs.entry(self.org_root(i)).or_default();
                    entry.0.push(Span::new(s, e));
                    if !entry.1.contains(&form) {
                        entry.1.push(form);
                    }
                }
            }
        }
        let mut people: Vec<Person> = people
            .into_iter()
            .map(|(i, (mentions, mut forms))| {
                // The fullest form names the person (written on one line); a surname alone is
                // an alias.
                let flat: Vec<String> = forms
                    .iter()
                    .filter(|f| f.contains(['\n', '\r']))
                    .map(|f| f.split_whitespace().collect::<Vec<_>>().join(" "))
                    .collect();
                let untitled: Vec<String> = forms
                    .iter()
                    .filter_map(|f| self.titled.get(f).cloned())
                    .collect();
                for f in flat.into_iter().chain(untitled) {
                    if !forms.contains(&f) {
                        forms.push(f);
                    }
                }
                let longest = (0..forms.len())
                    .max_by_key(|&i| {
                        let broken = forms[i].contains(['\n', '\r']);
                        let titled = self.titled.contains_key(&forms[i]);
                        (
                            !titled,
                            !broken,
                            forms[i].chars().count(),
                            std::cmp::Reverse(i),
                        )
                    })
                    .unwrap_or(0);
                let name = forms.remove(longest);
                Person {
                    name,
                    titles: std::mem::take(&mut self.person_titles[i]),
                    aliases: forms,
                    mentions,
                }
            })
            .collect();
        crate::order::sort_by_key(&mut people, |p| (p.mentions[0].start, 0));
        let mut orgs: Vec<Organization> = orgs
            .into_values()
            .map(|(mentions, mut forms)| {
                // The name is the longest form without an article ("the Coalition" names
                // "Coalition"); the others are aliases, in order of appearance.
                let bare: Vec<String> = forms
                    .iter()
                    .map(|f| f.split_whitespace().collect::<Vec<_>>().join(" "))
                    .map(|f| {
                        f.strip_prefix("the ")
                            .or_else(|| f.strip_prefix("The "))
                            .map_or(f.clone(), str::to_string)
                    })
                    .collect();
                for b in bare {
                    if !forms.contains(&b) {
                        forms.push(b);
                    }
                }
                let longest = (0..forms.len())
                    .max_by_key(|&i| {
                        let article = forms[i].starts_with("the ") || forms[i].starts_with("The ");
                        let broken = forms[i].contains(['\n', '\r']);
                        (
                            !broken,
                            !article,
                            forms[i].chars().count(),
                            std::cmp::Reverse(i),
                        )
                    })
                    .unwrap_or(0);
                let name = forms.remove(longest);
                Organization {
                    name,
                    aliases: forms,
                    mentions,
                }
            })
            .collect();
        crate::order::sort_by_key(&mut orgs, |o| (o.mentions[0].start, 0));
        (people, orgs)
    }
}

/// Char index of each byte offset of `source` that starts a char (and of its end).
fn char_offsets(source: &str) -> Vec<usize> {
    let mut by_byte = vec![0usize; source.len() + 1];
    let mut n = 0;
    for (b, _) in source.char_indices() {
        by_byte[b] = n;
        n += 1;
    }
    by_byte[source.len()] = n;
    by_byte
}

impl Doc<'_> {
    fn word(&self, k: usize) -> &str {
        self.words.get(k).map_or("", String::as_str)
    }

    /// Tokens `a` and `b = a + 1` are on one line separated by spaces only.
    fn adjacent(&self, a: usize) -> bool {
        self.tokens
            .get(a + 1)
            .is_some_and(|t| !t.line_start && t.start > self.tokens[a].end)
    }

    fn slice(&self, from: usize, to: usize) -> String {
        self.chars[self.tokens[from].start..self.tokens[to - 1].end]
            .iter()
            .collect()
    }

    /// A capitalised word that can be part of a name.
    fn name_word(&self, k: usize) -> bool {
        let w = self.word(k);
        let initial = w.len() == 2 && w.ends_with('.') && is_capitalized(w);
        is_capitalized(w)
            && !self.tokens[k].muted
            && (initial || (!is_acronym(w) && w.chars().any(char::is_lowercase)))
            && !self.lex.org_heads.contains(w)
            && !self.lex.not_surnames.contains(w)
    }

    /// End (exclusive token index) of a person name starting at `k`: up to four name words,
    /// with particles (de, van, bin) inside.
    fn name_end(&self, k: usize) -> Option<usize> {
        if !self.name_word(k) || self.lex.not_names.contains(self.word(k)) {
            return None;
        }
        let mut end = k + 1;
        while end - k < 4 && self.adjacent(end - 1) {
            let w = self.word(end);
            if self.name_word(end) && !self.lex.not_names.contains(w) {
                end += 1;
            } else if matches!(
                w,
                "de" | "van" | "von" | "der" | "bin" | "al" | "da" | "di" | "le"
            ) && self.adjacent(end)
                && self.name_word(end + 1)
            {
                end += 2;
            } else if matches!(w, "Jr." | "Jr") {
                end += 1;
                break;
            } else {
                break;
            }
        }
        // A name never ends in an initial or a particle.
        while end > k + 1 && self.word(end - 1).len() <= 2 && self.word(end - 1) != "Jr" {
            end -= 1;
        }
        Some(end)
    }

    /// A common English word ("Finance", "Counsel"), as title-case text capitalises them.
    fn common(&self, k: usize) -> bool {
        is_common(self.word(k))
    }

    /// A name loses common words at its end while `min_words` words other than initials stay
    /// ("Don Young Coast", "Robert T. Stafford Disaster", "President Biden Recognizes"); a name
    /// with no word but common ones and initials is no name ("Live Entertainment", "General
    /// Counsel", "F. Supp"). The new end of `[s, e)`.
    fn plausible_name(&self, s: usize, mut e: usize, min_words: usize) -> Option<usize> {
        let initial = |i: usize| {
            let w = self.word(i);
            w.len() <= 2 && w.ends_with('.')
        };
        let full_words = |e: usize| (s..e).filter(|&i| !initial(i)).count();
        while e - s > min_words && self.common(e - 1) && full_words(e - 1) >= min_words {
            e -= 1;
        }
        (s..e).any(|i| !initial(i) && !self.common(i)).then_some(e)
    }

    /// A title from `titles` written at token `k`: (end token, title text).
    fn title_at(
        &self,
        k: usize,
        titles: &HashMap<&'static str, Vec<Vec<&'static str>>>,
    ) -> Option<usize> {
        let candidates = titles.get(self.word(k))?;
        candidates.iter().find_map(|t| {
            let fits = t
                .iter()
                .enumerate()
                .all(|(j, w)| self.word(k + j) == *w && (j == 0 || self.adjacent(k + j - 1)));
            fits.then_some(k + t.len())
        })
    }

    fn person_forms(&self, forms: &mut Forms) {
        let n = self.tokens.len();
        let mut k = 0;
        while k < n {
            if self.tokens[k].muted {
                k += 1;
                continue;
            }
            // Title + name; in a table label the title word names a post ("General Counsel").
            if let Some(te) = self
                .title_at(k, &self.lex.titles)
                .filter(|_| !self.tokens[k].label)
            {
                if te < n && self.adjacent(te - 1) {
                    if let Some(ne) = self
                        .name_end(te)
                        .and_then(|ne| self.plausible_name(te, ne, 1))
                    {
                        let title = self.slice(k, te);
                        let name = self.slice(te, ne);
                        forms.add_person(name, Some(title));
                        self.appositive(ne, forms);
                        k = ne;
                        continue;
                    }
                }
            }
            // Given name + surname, or two or three name words before "said".
            if let Some(ne) = self
                .name_end(k)
                .and_then(|ne| self.plausible_name(k, ne, 2))
            {
                let prev_cap = k > 0
                    && !self.tokens[k].line_start
                    && is_capitalized(self.word(k - 1))
                    && self.adjacent(k - 1);
                let first = self.word(k);
                let initial = first.len() == 2 && first.ends_with('.');
                let given = (self.lex.given.contains(first)
                    || self.lex.surnames_first.contains(first)
                    || initial)
                    && ne - k >= 2;
                let said = ne - k >= 2
                    && ne - k <= 3
                    && (matches!(self.word(ne), "said" | "says" | "told" | "added")
                        // "Jesper Parnevik ( Sweden )": a player and his country.
                        || (self.word(ne) == "("
                            && self.name_word(ne + 1)
                            && self.word(ne + 2) == ")"));
                if (given || said) && !prev_cap {
                    forms.add_person(self.slice(k, ne), None);
                    self.appositive(ne, forms);
                    k = ne;
                    continue;
                }
            }
            k += 1;
        }
    }

    /// ", chairman of the Federal Reserve" after a name at `end`: the title runs to the next
    /// clause punctuation.
    fn appositive(&self, end: usize, forms: &mut Forms) {
        if self.word(end) != "," || end == 0 {
            return;
        }
        let name = self.slice(self.name_start(end), end);
        let mut k = end + 1;
        while matches!(self.word(k), "the" | "a" | "an" | "former" | "then") {
            k += 1;
        }
        let Some(head_end) = self.title_at(k, &self.lex.appositives) else {
            return;
        };
        let mut last = head_end;
        while last < self.tokens.len()
            && last - k < 12
            && self.adjacent(last - 1)
            && !matches!(
                self.word(last),
                "," | "." | ";" | ")" | "(" | ":" | "\"" | "who"
            )
        {
            last += 1;
        }
        if matches!(self.word(last), "," | "." | ";" | ")") {
            forms.add_person(name, Some(self.slice(k, last)));
        }
    }

    /// Start of the name ending at `end` (just after a title or at a line start).
    fn name_start(&self, end: usize) -> usize {
        let mut s = end - 1;
        while s > 0 && !self.tokens[s].line_start && self.adjacent(s - 1) && self.name_word(s - 1) {
            s -= 1;
        }
        s
    }

    fn function_word(&self, k: usize) -> bool {
        self.lex.function_words.contains(self.word(k))
    }

    /// A word that can be in a capitalised organisation run.
    fn org_word(&self, k: usize) -> bool {
        let w = self.word(k);
        !self.tokens[k].muted
            && (is_capitalized(w) || w == "&")
            && !self.lex.dates.contains(w)
            && !w.ends_with("-based")
    }

    fn organization_forms(&self, forms: &mut Forms) {
        let known: Vec<String> = KNOWN_ORGS.iter().map(|s| s.to_string()).collect();
        let n = self.tokens.len();
        let mut k = 0;
        while k < n {
            if !self.org_word(k) {
                k += 1;
                continue;
            }
            // The capitalised run [k, e), with connectors inside.
            let mut e = k + 1;
            while e < n && self.adjacent(e - 1) {
                if self.org_word(e) {
                    e += 1;
                } else if self.lex.connectors.contains(self.word(e))
                    && self.adjacent(e)
                    && self.org_word(e + 1)
                {
                    e += 2;
                } else {
                    break;
                }
            }
            if let Some((s, end)) = self
                .org_in_run(k, e)
                // "Deputy Secretary of Agriculture": a post, not a body.
                .filter(|&(s, _)| {
                    !matches!(
                        self.word(s),
                        "Deputy"
                            | "Assistant"
                            | "Under"
                            | "Acting"
                            | "Secretary"
                            | "Minister"
                            | "Some"
                            | "Many"
                            | "Several"
                            | "Other"
                    )
                })
            {
                let name = self.slice(s, end);
                let mut group = vec![name];
                // "(EDA)" right after names an alias.
                if self.word(end) == "("
                    && self.word(end + 2) == ")"
                    && is_acronym(self.word(end + 1))
                {
                    group.push(self.word(end + 1).to_string());
                }
                forms.add_org(&group);
                // The rest of the run may hold another one ("Lear Corp and Ford Motor Co").
                k = end.max(k + 1);
                continue;
            }
            k = e;
        }
        for f in known {
            forms.add_org(&[f]);
        }
        self.merge_suffixes(forms);
    }

    /// A capitalised -ing word that is a verb, not a field ("Housing") nor a name ("Jiangling
    /// Motors"): one that takes a small word ("Preparing for", "Examining the") or that the
    /// text also writes in lower case ("Administering Department" beside "administering").
    fn verb_ing(&self, k: usize) -> bool {
        let w = self.word(k);
        w.len() >= 6
            && w.ends_with("ing")
            && w.chars().skip(1).all(|c| c.is_ascii_lowercase())
            && !self.lex.ing_nouns.contains(w)
            && (self.word(k + 1).starts_with(char::is_lowercase)
                || self.lower_ing.contains(w.to_lowercase().as_str()))
    }

    /// The organisation inside the capitalised run `[k, e)`, if any.
    fn org_in_run(&self, k: usize, e: usize) -> Option<(usize, usize)> {
        let mut s = k;
        while s < e && (self.function_word(s) || self.lex.connectors.contains(self.word(s))) {
            s += 1;
        }
        // A run opened by a verb is a title or a clause: "Preparing for Future Industries".
        if self.verb_ing(s) {
            return None;
        }
        // "Location of …", "Funding for …": a common noun before the name proper.
        while s + 2 < e
            && self.common(s)
            && !self.lex.org_heads.contains(self.word(s))
            && !self.lex.leading_heads.contains(self.word(s))
            && matches!(self.word(s + 1), "of" | "for" | "on")
        {
            s += 2;
            while s < e && self.lex.connectors.contains(self.word(s)) {
                s += 1;
            }
        }
        // A person's title opens the run ("Chairman Smith"): no organisation starts there.
        let mut end = None;
        for h in s..e {
            let w = self.word(h);
            if self.lex.leading_heads.contains(w)
                && matches!(self.word(h + 1), "of" | "for" | "on")
                && h + 2 < e
            {
                // Extend over the "of ..." part, stopping before a title or a given name.
                let mut x = h + 2;
                while x < e
                    && !(self.lex.title_words.contains(self.word(x)) && x > h + 2)
                    && !self.lex.given.contains(self.word(x))
                {
                    x += 1;
                }
                while x > h + 2 && self.lex.connectors.contains(self.word(x - 1)) {
                    x -= 1;
                }
                end = Some(x);
                break;
            }
            if self.lex.org_heads.contains(w) {
                end = Some(h + 1);
                if self.word(h + 1) == "and" {
                    break;
                }
            }
        }
        let end = end?;
        // A bare head ("the Committee") is too vague; a given name inside means a person.
        if end - s < 2 || (s..end).any(|i| self.lex.given.contains(self.word(i))) {
            return None;
        }
        Some((s, end))
    }

    /// The tagger's spans as forms. A form the tagger reads as different kinds in different
    /// places takes the kind it has most often, and is kept only as a person or an
    /// organisation; spans that open on a muted token (a heading, a line in capitals) propose
    /// nothing. An organisation followed by "(ACRONYM)" takes the acronym as an alias.
    fn tagged_forms(&self, forms: &mut Forms, tagged: &[(Kind, Span)]) {
        if tagged.is_empty() {
            return;
        }
        // Votes per form: people, organisations, other names.
        let mut votes: HashMap<String, [usize; 3]> = HashMap::new();
        let mut order: Vec<(String, Span)> = Vec::new();
        let mut placed: Vec<(Span, String)> = Vec::new();
        let mut inner_titles: Vec<(String, String, String)> = Vec::new();
        for &(kind, span) in tagged {
            let k = self.tokens.partition_point(|t| t.start < span.start);
            // "Mayor Zhou Wentao", "USDA Secretary Rollins" tagged whole: the title goes with
            // the person, not the name.
            if kind == Kind::Per && is_capitalized(self.word(k)) {
                let end = self.tokens.partition_point(|t| t.end <= span.end);
                let title_end = self
                    .title_at(k, &self.lex.titles)
                    .or_else(|| {
                        (k..end.saturating_sub(1))
                            .rev()
                            .find(|&i| self.lex.title_words.contains(self.word(i)))
                            .map(|i| i + 1)
                    })
                    .filter(|&e| e < end);
                if let Some(e) = title_end {
                    // The name votes; the span stays as tagged ("Foreign Secretary Boris
                    // Johnson" is a mention of Boris Johnson, a form of his with the title).
                    let title = self.slice(k, e);
                    let name: String = self.chars[self.tokens[e].start..span.end].iter().collect();
                    let full: String = self.chars[span.start..span.end].iter().collect();
                    if !self.tokens[k].heading {
                        let v = votes.entry(name.clone()).or_default();
                        if v.iter().all(|&n| n == 0) {
                            order.push((name.clone(), Span::new(self.tokens[e].start, span.end)));
                        }
                        v[0] += 1;
                    }
                    inner_titles.push((name, title, full.clone()));
                    placed.push((span, full));
                    continue;
                }
            }
            if self.tokens.get(k).is_none_or(|t| t.start != span.start) {
                continue;
            }
            let s = &self.chars[span.start..span.end];
            if !s[0].is_alphanumeric() || !s.iter().any(|c| c.is_uppercase()) {
                continue;
            }
            let form: String = s.iter().collect();
            let slot = match kind {
                Kind::Per => 0,
                Kind::Org => 1,
                _ => 2,
            };
            placed.push((span, form.clone()));
            // Headings and captions vote for no form: their capitals are title case.
            if self.tokens[k].heading || (self.tokens[k].table && kind == Kind::Per) {
                continue;
            }
            let v = votes.entry(form.clone()).or_default();
            if v.iter().all(|&n| n == 0) {
                order.push((form, span));
            }
            v[slot] += 1;
        }
        for (form, span) in order {
            let v = votes[&form];
            if form.chars().count() < 2 || self.common_phrase(&form) || !self.plausible_form(&form)
            {
                continue;
            }
            let person = v[0] > v[1] && v[0] >= v[2];
            if person && !self.plausible_person(&form) {
                continue;
            }
            const GENERIC: &[&str] = &[
                "Figure",
                "Table",
                "Tables",
                "Section",
                "Title",
                "Chapter",
                "Part",
                "Appendix",
                "Office",
                "Source",
                "Note",
                "Notes",
                "Members",
                "Secretaries",
                "Administrations",
                "Summary",
                "Introduction",
                "Contents",
                "P.L.",
                "LLC",
                "FY",
                "Inc.",
                "H.R.",
                "S.",
                "Ibid",
                "Id.",
            ];
            if GENERIC.contains(&form.as_str()) || self.law_or_clause(&form, span) {
                continue;
            }
            if !person
                && !form.contains(char::is_whitespace)
                && self.lower_case.contains(&form.to_lowercase())
            {
                // "Citation", "Tables": a word the text also writes in lower case.
                continue;
            }
            // A name broken over two lines: written as it stands (an alias), named with a space.
            let flat: String = form.split_whitespace().collect::<Vec<_>>().join(" ");
            if v[0] > v[1] && v[0] >= v[2] {
                if flat != form {
                    forms.add_person(flat.clone(), None);
                    if let Some(&owner) = forms.owner.get(&flat) {
                        if !forms.owner.contains_key(&form) {
                            forms.owner.insert(form.clone(), owner);
                            forms.order.push(form.clone());
                        }
                    }
                    continue;
                }
                forms.add_person(form, None);
            } else if v[1] >= v[0] && v[1] >= v[2] && v[1] > 0 {
                // "the Coalition": the tagger's span keeps the article as written (a form of
                // the organisation), the name goes without it.
                let bare = ["the ", "The "]
                    .iter()
                    .find_map(|a| form.strip_prefix(a))
                    .filter(|b| b.starts_with(char::is_uppercase))
                    .map(str::to_string);
                let mut group: Vec<String> = bare.into_iter().collect();
                if flat != form {
                    group.insert(0, flat);
                }
                group.push(form);
                if let Some(acronym) = self.acronym_after(span.end) {
                    group.push(acronym);
                }
                forms.add_org(&group);
            }
        }
        for (name, title, full) in inner_titles {
            if let Some(&Owner::Person(i)) = forms.owner.get(&name) {
                forms.add_person(name.clone(), Some(title));
                if !forms.owner.contains_key(&full) {
                    forms.owner.insert(full.clone(), Owner::Person(i));
                    forms.order.push(full.clone());
                    forms.titled.insert(full, name.clone());
                }
            }
        }
        let surnames: HashSet<String> = votes
            .iter()
            .filter(|(f, v)| f.contains(' ') && v[0] > v[1] && v[0] >= v[2])
            .filter_map(|(f, _)| surname_of(f).map(str::to_string))
            .collect();
        // Where the tagger placed a form the document reads as a person or an organisation,
        // the mention stands there; where it placed a form read as a place or another name,
        // nothing else may sit inside it.
        for (span, form) in placed {
            // "(CTA)" after any of its placements names an organisation's acronym.
            if let Some(Owner::Org(_)) = forms.owner.get(&form) {
                if let Some(acronym) = self.acronym_after(span.end) {
                    forms.add_org(&[form.clone(), acronym]);
                }
            }
            if let Some(Owner::Person(_)) = forms.owner.get(&form) {
                // "Secretary of Agriculture Thomas Reyes": the title before the name.
                let k = self.tokens.partition_point(|t| t.start < span.start);
                if let Some(t) = self.title_before(k) {
                    forms.add_person(form.clone(), Some(self.slice(t, k)));
                    forms
                        .blocked
                        .push(Span::new(self.tokens[t].start, self.tokens[k - 1].end));
                }
            }
            if forms.owner.contains_key(&form) {
                forms.fixed.push((span, form));
            } else if votes.get(&form).is_none_or(|v| v[2] > v[0] && v[2] > v[1])
                // "replied to Delgado" read as a place, in a text about Maria Delgado.
                && !surnames.contains(form.as_str())
            {
                forms.blocked.push(span);
            }
        }
        crate::order::sort_by_key(&mut forms.blocked, |b| {
            (b.start, crate::order::descending(b.end))
        });
    }

    /// Start of a title that ends right before token `k`: a listed one ("Vice Chair"), or a
    /// head with its office ("Secretary of Agriculture", "Minister for Trade and Industry").
    fn title_before(&self, k: usize) -> Option<usize> {
        if k == 0 || self.tokens[k].line_start || !self.adjacent(k - 1) {
            return None;
        }
        let lowest = k.saturating_sub(8);
        let mut best = None;
        for s in (lowest..k).rev() {
            if s + 1 < k && !self.adjacent(s) {
                break;
            }
            if self.tokens[s].label || self.tokens[s].muted {
                break;
            }
            let w = self.word(s);
            if self.title_at(s, &self.lex.titles) == Some(k) && is_capitalized(w) {
                best = Some(s);
            }
            const HEADS: &[&str] = &[
                "Secretary",
                "Minister",
                "Director",
                "Administrator",
                "Commissioner",
                "Chairman",
                "Chair",
                "Chairwoman",
                "President",
                "Governor",
                "Ambassador",
                "Undersecretary",
                "Head",
                "Chief",
                "Mayor",
                "Speaker",
            ];
            let office = (s + 2..k).all(|i| {
                is_capitalized(self.word(i)) || matches!(self.word(i), "and" | "the" | "&")
            });
            if HEADS.contains(&w) && matches!(self.word(s + 1), "of" | "for") && s + 2 < k && office
            {
                let mut t = s;
                // "Deputy Secretary of …", "Assistant Secretary of …".
                if t > 0
                    && self.adjacent(t - 1)
                    && matches!(
                        self.word(t - 1),
                        "Deputy" | "Assistant" | "Under" | "Acting"
                    )
                {
                    t -= 1;
                }
                best = Some(t);
            }
            if !is_capitalized(w) && !matches!(w, "of" | "for" | "and" | "the" | "&") {
                break;
            }
        }
        best
    }

    /// Part of a law's name ("Better Online Ticket Sales (BOTS) Act") or a title that opens
    /// with a verb ("Protecting Consumers", "Unlock Ticketing Markets"), not a body.
    fn law_or_clause(&self, form: &str, span: Span) -> bool {
        let mut k = self.tokens.partition_point(|t| t.start < span.end);
        if self.word(k) == "(" && self.word(k + 2) == ")" {
            k += 3;
        }
        let law = matches!(
            self.word(k),
            "Act" | "Acts" | "Bill" | "Amendment" | "Amendments" | "Resolution"
        );
        let first = form.split_whitespace().next().unwrap_or("");
        let verb = form.contains(' ')
            && (first.ends_with("ing") && first.len() > 5 && !self.lex.ing_nouns.contains(first)
                || matches!(
                    first,
                    "Unlock" | "Stop" | "Protect" | "End" | "Make" | "Ensure"
                ));
        law || verb
    }

    /// A name opens with a capital (or an article) and holds no clause punctuation.
    fn plausible_form(&self, form: &str) -> bool {
        let first = form.split_whitespace().next().unwrap_or("");
        (first.starts_with(char::is_uppercase) || first == "the")
            && !form.contains([';', ',', ':', '(', ')', '[', ']', '|', '"', '“', '”'])
            // "S.": an initial alone.
            && !(form.chars().count() <= 2 && form.ends_with('.'))
    }

    /// A person's name: not only titles and small words ("the Secretary", "Under
    /// Secretaries"), not a law, a building or a body ("Energy Act"), not words the text also
    /// writes in lower case ("Main Text", "Site Feedback").
    fn plausible_person(&self, form: &str) -> bool {
        let words: Vec<&str> = form.split_whitespace().collect();
        let small = |w: &str| {
            matches!(
                w,
                "the" | "The" | "a" | "A" | "An" | "an" | "of" | "or" | "and"
            )
        };
        let titles_only = words.iter().all(|w| {
            small(w)
                || self.lex.title_words.contains(w)
                || w.strip_suffix("ies")
                    .is_some_and(|b| self.lex.title_words.contains(format!("{b}y").as_str()))
                || w.strip_suffix('s')
                    .is_some_and(|b| self.lex.title_words.contains(b))
        });
        let last = words.last().copied().unwrap_or("");
        let thing = self.lex.org_heads.contains(last)
            || matches!(
                last,
                "Act"
                    | "Building"
                    | "Bill"
                    | "Law"
                    | "Rule"
                    | "Plan"
                    | "Report"
                    | "Program"
                    | "Fund"
                    | "Center"
                    | "Centre"
            );
        let lower = words
            .iter()
            .filter(|w| !small(w))
            .all(|w| self.lower_case.contains(&w.to_lowercase()));
        // Lower-case words other than particles ("the President or Secretary of …").
        let clause = words.iter().skip(1).any(|w| {
            w.starts_with(char::is_lowercase)
                && !matches!(
                    *w,
                    "de" | "van"
                        | "von"
                        | "der"
                        | "den"
                        | "bin"
                        | "al"
                        | "da"
                        | "di"
                        | "le"
                        | "la"
                        | "du"
                        | "del"
                        | "dos"
                        | "ibn"
                )
        });
        // "Clare Y.": a name cut at an initial.
        let cut = last.chars().count() == 2 && last.ends_with('.');
        !titles_only && !thing && !lower && !clause && !cut
    }

    /// A form of common words only ("Program", "Waste Disposal", "New Business"): capitals of
    /// a title or a sentence start, not a name.
    fn common_phrase(&self, form: &str) -> bool {
        form.split(' ')
            .all(|w| is_common(w) || self.lex.function_words.contains(w.to_lowercase().as_str()))
    }

    /// "(CRS)" right after `at` (spaces between): the acronym.
    fn acronym_after(&self, at: usize) -> Option<String> {
        let mut i = at;
        while self.chars.get(i) == Some(&' ') {
            i += 1;
        }
        if self.chars.get(i) != Some(&'(') {
            return None;
        }
        let start = i + 1;
        let len = self.chars[start..]
            .iter()
            .take(12)
            .position(|&c| c == ')')?;
        let inner: String = self.chars[start..start + len].iter().collect();
        let inner = inner.trim();
        (is_acronym(inner)
            && inner
                .chars()
                .all(|c| c.is_alphanumeric() || c == '.' || c == '&'))
        .then(|| inner.to_string())
    }

    /// "Department of Agriculture" is a form of "U.S. Department of Agriculture" when both occur.
    fn merge_suffixes(&self, forms: &mut Forms) {
        let org_names: Vec<(String, usize)> = forms
            .order
            .iter()
            .filter_map(|f| match forms.owner.get(f) {
                Some(Owner::Org(i)) => Some((f.clone(), *i)),
                _ => None,
            })
            .collect();
        for (name, idx) in &org_names {
            let words: Vec<&str> = name.split(' ').collect();
            for cut in 1..words.len().saturating_sub(1).min(4) + 1 {
                let suffix = words[cut..].join(" ");
                if words.len() - cut < 2 {
                    break;
                }
                if let Some(&Owner::Org(other)) = forms.owner.get(&suffix) {
                    forms.merge_orgs(*idx, other);
                }
            }
        }
    }
}

/// The last word of a name of two words or more, suffixes like "Jr." aside.
fn surname_of(name: &str) -> Option<&str> {
    let mut words = name.split(' ').filter(|w| *w != "Jr." && *w != "Jr");
    words.next()?;
    words.next_back()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> (Vec<Person>, Vec<Organization>) {
        find(&Text::new(text))
    }

    fn slice(text: &str, s: &Span) -> String {
        text.chars().skip(s.start).take(s.len()).collect()
    }

    #[test]
    fn titled_people_and_surname_mentions() {
        let text = "Senator Maria Delgado asked the panel about wildfire funding. \
Delgado's bill would double the grants, and Secretary of State Tom Reyes agreed.";
        let (people, _) = run(text);
        let names: Vec<&str> = people.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(
            names,
            ["Maria Delgado", "Tom Reyes"],
            "a surname alone is the same person"
        );
        assert_eq!(people[0].titles, ["Senator"]);
        assert_eq!(people[0].aliases, ["Delgado"]);
        assert_eq!(people[0].mentions.len(), 2);
        assert_eq!(people[1].titles, ["Secretary of State"]);
        for p in &people {
            for m in &p.mentions {
                let s = slice(text, m);
                assert!(s == p.name || p.aliases.contains(&s));
            }
        }
    }

    #[test]
    fn appositive_titles() {
        let text = "\"Rates will stay put,\" said Helen Marsh, chairman of the Federal Reserve, on Monday.";
        let (people, orgs) = run(text);
        assert_eq!(people[0].name, "Helen Marsh");
        assert_eq!(people[0].titles, ["chairman of the Federal Reserve"]);
        assert_eq!(orgs[0].name, "Federal Reserve");
    }

    #[test]
    fn organisations_with_acronyms_and_longer_forms() {
        let text = "The U.S. Department of Agriculture (USDA) runs the program. \
USDA said the Department of Agriculture would publish data. \
The Economic Development Administration (EDA) and Congress disagreed; EDA replied.";
        let (_, orgs) = run(text);
        assert_eq!(orgs[0].name, "U.S. Department of Agriculture");
        assert_eq!(orgs[0].aliases, ["USDA", "Department of Agriculture"]);
        assert_eq!(orgs[0].mentions.len(), 4);
        assert_eq!(orgs[1].name, "Economic Development Administration");
        assert_eq!(orgs[1].aliases, ["EDA"]);
        assert_eq!(orgs[1].mentions.len(), 3);
        assert_eq!(orgs[2].name, "Congress");
        for o in &orgs {
            for m in &o.mentions {
                let s = slice(text, m);
                assert!(s == o.name || o.aliases.contains(&s));
            }
        }
    }

    #[test]
    fn headlines_and_sentence_starts_are_not_names() {
        let text =
            "MARKET WATCH FOR TRADERS TODAY\nYesterday the House adjourned. The Committee met.";
        let (people, orgs) = run(text);
        assert!(people.is_empty(), "{people:?}");
        assert!(orgs.is_empty(), "{orgs:?}");
    }

    #[test]
    fn mentions_are_sorted_and_disjoint() {
        let text =
            "President John Carter met Governor Ann Lee of the National Governors Association. \
Carter and Lee spoke; the Association of State Treasurers and John Carter Foundation attended.";
        let (people, orgs) = run(text);
        let mut all: Vec<Span> = people
            .iter()
            .flat_map(|p| p.mentions.clone())
            .chain(orgs.iter().flat_map(|o| o.mentions.clone()))
            .collect();
        all.sort_unstable();
        for w in all.windows(2) {
            assert!(w[0].end <= w[1].start, "{w:?}");
        }
        for p in &people {
            assert!(p.mentions.windows(2).all(|w| w[0].start < w[1].start));
        }
    }

    fn names<T>(list: &[T], name: impl Fn(&T) -> &str) -> Vec<String> {
        list.iter().map(|x| name(x).to_string()).collect()
    }

    #[test]
    fn headings_and_table_labels_yield_no_people() {
        let text = "# Governor Belmont Road Projects\n\nPremier Tech Hubs\n\n\
The program funds regional consortia, said Governor Alma Ruiz of the state.\n\n\
| Office | Staff |\n| --- | --- |\n| General Counsel | 40 |\n| Director Kessler Grants | 12 |\n\n\
Premier Tech Hubs received $500 million; Ruiz praised the awards.\n";
        let (people, _) = run(text);
        assert_eq!(names(&people, |p| &p.name), ["Alma Ruiz"]);
        assert_eq!(people[0].mentions.len(), 2);
    }

    #[test]
    fn common_noun_phrases_after_titles_are_not_names() {
        let text = "The deal created the world's Premier Live Entertainment Company. \
A report by the Chief Economist followed. Premier Decentralized Finance (DeFi) grew.";
        let (people, _) = run(text);
        assert!(people.is_empty(), "{people:?}");
    }

    #[test]
    fn common_words_trail_off_long_names() {
        let text = "Grants under the Edward Byrne Memorial program rose. \
Senator Dana Whitfield Coast spoke later.";
        let (people, _) = run(text);
        assert_eq!(
            names(&people, |p| &p.name),
            ["Edward Byrne", "Dana Whitfield"]
        );
    }

    #[test]
    fn names_found_in_body_are_matched_in_headings() {
        let text = "Testimony of Maria Delgado\n\n\
Senator Maria Delgado asked about wildfire grants.\n";
        let (people, _) = run(text);
        assert_eq!(people[0].name, "Maria Delgado");
        assert_eq!(people[0].mentions.len(), 2, "the heading mention counts");
    }

    #[test]
    fn verb_led_and_noun_of_runs_are_not_organisations() {
        let text = "Preparing for Future Industries\n\n\
Congress has asked how agencies are preparing for new industries. \
See the Location of Economic Development Administration Offices map; \
Preparing for Future Industries is a chapter title. \
The Economic Development Administration runs the grants, \
and the Housing Authority and Jiangling Motors Corp applied.";
        let (_, orgs) = run(text);
        let names = names(&orgs, |o| &o.name);
        assert!(
            !names
                .iter()
                .any(|n| n.contains("Preparing") || n.contains("Location")),
            "{names:?}"
        );
        for real in [
            "Economic Development Administration",
            "Housing Authority",
            "Jiangling Motors Corp",
        ] {
            assert!(names.iter().any(|n| n == real), "{real} in {names:?}");
        }
    }

    #[test]
    fn odd_input_does_not_panic() {
        for t in [
            "",
            "Mr.",
            "Senator",
            "(",
            "A (B)",
            "Dr. É\u{200b}",
            "Department of",
            "’s",
        ] {
            let _ = run(t);
        }
        let long = "Senator Jo Smith met the Rural Utilities Service. ".repeat(20_000);
        let (people, orgs) = run(&long);
        assert_eq!(people[0].mentions.len(), 20_000);
        assert_eq!(orgs[0].mentions.len(), 20_000);
    }
}
