//! Gangmu's analysis core: text in, [`Analysis`] out.
//!
//! **Architecture invariant:** this crate does no IO, touches no browser API and keeps no
//! global mutable state. It compiles natively and to `wasm32-unknown-unknown`; the CLI and the
//! web worker are its only callers.
//!
//! ```
//! let a = gangmu_core::analyze("会议强调\n市委副书记李正古出席会议。");
//! assert_eq!(a.people[0].name, "李正古");
//! ```

mod formulations;
mod keywords;
mod lang;
mod model;
mod order;
mod perceptron;
mod text;
mod tree;

pub mod decode;
pub mod en;
pub mod share;
pub mod zh;

pub use model::{
    Analysis, Formulation, FormulationCount, FormulationKind, HeadingKind, Language, LanguageSpan,
    Organization, OutlineNode, Person, Span,
};
pub use text::Text;

/// One language's analysis. Adding a language means a module with a type implementing this
/// trait and a line in [`analyzer_for`]; `zh/` is the fullest example.
pub trait Analyzer {
    fn language(&self) -> Language;
    /// The heading tree, in document order, levels equal to depth.
    fn outline(&self, text: &Text) -> Vec<OutlineNode>;
    /// People and organisations, each in order of first mention.
    fn entities(&self, text: &Text, resources: &Resources) -> (Vec<Person>, Vec<Organization>);
}

/// The model assets an analysis reads: the Chinese word list (segmentation, key terms,
/// tagger features), the Chinese NER tagger and the English NER tagger. Load once, analyse
/// many texts.
///
/// With the `embedded` feature (default) [`Resources::embedded`] uses the copies compiled into
/// the core. The web worker builds without it and passes the asset files it fetched to
/// [`Resources::load`] (and [`Resources::with_english`] once a text needs English), so the
/// page's first load stays small.
///
/// Cost: parsing the word list builds a hash map of ~33k entries (a few ms); the automata over
/// the project's word lists are built at the first Chinese analysis (a few ms more); the
/// taggers' weights are read in place, not copied.
pub struct Resources {
    zh_words: zh::words::Lexicon,
    zh_tagger: Option<zh::tagger::Model<'static>>,
    /// Automata over the project's own word lists (no asset needed), built once here.
    /// Built on first use, so that resources that never analyse Chinese (or a worker that
    /// only reads files) never pay for them.
    zh_rules: std::cell::OnceCell<zh::entities::Rules>,
    zh_lists: std::cell::OnceCell<zh::tagger::Lists>,
    /// The English tagger (`data/en-ner.bin`); without it English names come from rules only.
    en_tagger: Option<en::tagger::Model<'static>>,
}

impl Resources {
    /// From the asset files' contents: `data/zh-words.tsv` and `data/zh-ner.bin`. A word list
    /// in the wrong format yields an empty lexicon; a tagger that does not parse is an error.
    pub fn load(zh_words: &'static str, zh_ner: &'static [u8]) -> Result<Resources, String> {
        let zh_tagger = zh::tagger::Model::from_bytes(zh_ner)
            .map_err(|e| format!("the Chinese tagger model: {e}"))?;
        Ok(Resources {
            zh_words: zh::words::Lexicon::parse(zh_words),
            zh_tagger: Some(zh_tagger),
            zh_rules: Default::default(),
            zh_lists: Default::default(),
            en_tagger: None,
        })
    }

    /// Adds the English tagger from the contents of `data/en-ner.bin` (fetched separately, and
    /// only when an English text needs it). A tagger that does not parse is an error.
    pub fn with_english(mut self, en_ner: &'static [u8]) -> Result<Resources, String> {
        let model = en::tagger::Model::from_bytes(en_ner)
            .map_err(|e| format!("the English tagger model: {e}"))?;
        self.en_tagger = Some(model);
        Ok(self)
    }

    /// Whether the English tagger is loaded.
    pub fn has_english(&self) -> bool {
        self.en_tagger.is_some()
    }

    /// No model assets: rules only, key terms without a word list. For a page whose assets
    /// have not arrived (yet).
    pub fn none() -> Resources {
        Resources {
            zh_words: zh::words::Lexicon::parse(""),
            zh_tagger: None,
            zh_rules: Default::default(),
            zh_lists: Default::default(),
            en_tagger: None,
        }
    }

    /// The assets compiled into the core.
    #[cfg(feature = "embedded")]
    pub fn embedded() -> Resources {
        Resources {
            zh_words: zh::words::Lexicon::load(),
            zh_tagger: zh::tagger::Model::shipped(),
            zh_rules: Default::default(),
            zh_lists: Default::default(),
            en_tagger: en::tagger::Model::shipped(),
        }
    }

    pub(crate) fn zh_words(&self) -> &zh::words::Lexicon {
        &self.zh_words
    }

    pub(crate) fn zh_tagger(&self) -> Option<&zh::tagger::Model<'static>> {
        self.zh_tagger.as_ref()
    }

    /// Builds now what would otherwise be built at the first Chinese analysis (the automata
    /// over the project's word lists), so that analysis does not pay for it.
    pub fn prepare(&self) {
        self.zh_rules();
        self.zh_lists();
    }

    pub(crate) fn zh_rules(&self) -> &zh::entities::Rules {
        self.zh_rules.get_or_init(zh::entities::Rules::new)
    }

    pub(crate) fn zh_lists(&self) -> &zh::tagger::Lists {
        self.zh_lists.get_or_init(zh::tagger::Lists::new)
    }

    pub(crate) fn en_tagger(&self) -> Option<&en::tagger::Model<'static>> {
        self.en_tagger.as_ref()
    }
}

/// Guesses the language from the share of Han characters among letters.
pub fn detect_language(text: &str) -> Language {
    let (mut han, mut latin) = (0usize, 0usize);
    for c in text.chars().take(200_000) {
        if text::is_han(c) {
            han += 1;
        } else if c.is_ascii_alphabetic() {
            latin += 1;
        }
    }
    // A Han character carries about as much as a Latin word (~5 letters).
    if han * 5 >= latin {
        Language::Zh
    } else {
        Language::En
    }
}

/// Whether analysing `text` uses the English tagger: an English or a mixed text. (A Chinese
/// text quoting a few English names is read without it when it is not loaded.) Lets a caller
/// that loads assets lazily fetch the English model only when a text needs it.
pub fn needs_english(text: &str) -> bool {
    let main = detect_language(text);
    main == Language::En || lang::Languages::of(&Text::new(text), main).mixed()
}

fn analyzer_for(language: Language) -> &'static dyn Analyzer {
    match language {
        Language::Zh => &zh::Chinese,
        Language::En => &en::English,
    }
}

/// Analyses a text with the model assets compiled into the core (feature `embedded`).
/// Never fails and never panics on any input: an empty or odd text gives an analysis with
/// empty lists.
#[cfg(feature = "embedded")]
pub fn analyze(text: &str) -> Analysis {
    analyze_with(text, &Resources::embedded())
}

/// Analyses a text with the given model assets. Never fails and never panics on any input.
///
/// A text in one language goes to that language's analyser. A mixed text (each language's
/// lines carry a real share of it, see `lang.rs`) is read by both: each analyser sees a view
/// of the text with the other language's lines blanked out, and the two outlines and entity
/// lists are merged; `languages` then lists the runs. In a text of one language, the other
/// language's stretches (an English name in a Chinese sentence, 中国人民银行 in an English one)
/// still go to their own analyser for people and organisations.
pub fn analyze_with(text: &str, resources: &Resources) -> Analysis {
    let language = detect_language(text);
    let prepared = Text::new(text);
    let analyzer = analyzer_for(language);
    let langs = lang::Languages::of(&prepared, language);
    let other = match language {
        Language::Zh => Language::En,
        Language::En => Language::Zh,
    };
    let (mut outline, mut people, mut organizations) = if langs.mixed() {
        let main_lines = Text::new(&langs.lines_view(&prepared, language));
        let other_lines = Text::new(&langs.lines_view(&prepared, other));
        let outline = merge_outlines(
            analyzer.outline(&main_lines),
            analyzer_for(other).outline(&other_lines),
        );
        let main_view = Text::new(&langs.entity_view(&prepared, language));
        let (people, orgs) = analyzer.entities(&main_view, resources);
        (outline, people, orgs)
    } else {
        let (people, orgs) = analyzer.entities(&prepared, resources);
        (analyzer.outline(&prepared), people, orgs)
    };
    if langs.mixed() {
        // The other language's parts, read whole (headings and paragraphs as they stand).
        let view = Text::new(&langs.entity_view(&prepared, other));
        let (p, o) = analyzer_for(other).entities(&view, resources);
        merge_entities(&mut people, &mut organizations, p, o);
    } else if langs.has_minority() {
        // Only the lines that hold the other language, packed, then mapped back.
        let view = langs.entity_view(&prepared, other);
        let packed = lang::Packed::of(&view, &prepared, other);
        let packed_text = Text::new(&packed.text);
        let (mut p, mut o) = match other {
            Language::En => en::names(&packed_text, resources, true),
            Language::Zh => analyzer_for(other).entities(&packed_text, resources),
        };
        if other == Language::En {
            // Latin words quoted in Chinese sentences have no English context: an acronym or
            // a code alone (GDP, MU5735) is no name the tagger can vouch for.
            let named = |name: &str| {
                !name.chars().any(|c| c.is_ascii_digit())
                    && (name.contains(' ') || name.chars().any(|c| c.is_lowercase()))
            };
            p.retain(|x| named(&x.name));
            o.retain(|x| named(&x.name));
        }
        // A name read across two of the packed runs is in neither: it is dropped.
        let map = |mentions: &mut Vec<Span>, aliases: &mut Vec<String>| {
            mentions.retain(|&m| packed.within_one_run(m));
            mentions.iter_mut().for_each(|m| *m = packed.map_span(*m));
            aliases.retain(|a| !a.contains('\n'));
        };
        p.iter_mut()
            .for_each(|x| map(&mut x.mentions, &mut x.aliases));
        o.iter_mut()
            .for_each(|x| map(&mut x.mentions, &mut x.aliases));
        p.retain(|x| !x.mentions.is_empty() && !x.name.contains('\n'));
        o.retain(|x| !x.mentions.is_empty() && !x.name.contains('\n'));
        merge_entities(&mut people, &mut organizations, p, o);
    }
    let formulations = formulations::find(&prepared, language);
    formulations::attach_to_outline(&mut outline, &formulations, prepared.len());
    let keywords = keywords::attach(
        &prepared,
        language,
        &mut outline,
        &people,
        &organizations,
        resources,
    );
    Analysis {
        id: None,
        language,
        chars: prepared.len(),
        outline,
        people,
        organizations,
        formulations,
        keywords: keywords.document,
        languages: langs.runs,
    }
}

/// Both languages' headings in document order, nested again by their levels.
fn merge_outlines(a: Vec<OutlineNode>, b: Vec<OutlineNode>) -> Vec<OutlineNode> {
    if b.is_empty() {
        return a;
    }
    fn flatten(nodes: Vec<OutlineNode>, depth: u32, out: &mut Vec<tree::Heading>) {
        for n in nodes {
            out.push(tree::Heading {
                title: n.title,
                start: n.start,
                end: n.end,
                level: depth,
                kind: n.kind.unwrap_or(HeadingKind::Headline),
            });
            flatten(n.children, depth + 1, out);
        }
    }
    let mut flat = Vec::new();
    flatten(a, 1, &mut flat);
    flatten(b, 1, &mut flat);
    order::sort_by_key(&mut flat, |h| (h.start, 0));
    tree::build(flat)
}

/// Adds the other analyser's people and organisations: a mention that overlaps one already
/// found is dropped, an entity of the same name joins the one there, and the lists stay in
/// order of first mention.
fn merge_entities(
    people: &mut Vec<Person>,
    orgs: &mut Vec<Organization>,
    more_people: Vec<Person>,
    more_orgs: Vec<Organization>,
) {
    if more_people.is_empty() && more_orgs.is_empty() {
        return;
    }
    let mut taken: Vec<Span> = people
        .iter()
        .flat_map(|p| p.mentions.iter().copied())
        .chain(orgs.iter().flat_map(|o| o.mentions.iter().copied()))
        .collect();
    taken.sort_unstable();
    let free = |m: &Span, taken: &[Span]| {
        let k = taken.partition_point(|t| t.end <= m.start);
        taken.get(k).is_none_or(|t| t.start >= m.end)
    };
    for mut p in more_people {
        p.mentions.retain(|m| free(m, &taken));
        if p.mentions.is_empty() {
            continue;
        }
        match people.iter_mut().find(|q| q.name == p.name) {
            Some(q) => {
                q.mentions.extend(p.mentions);
                q.mentions.sort_unstable();
                for a in p.aliases {
                    if !q.aliases.contains(&a) {
                        q.aliases.push(a);
                    }
                }
                for t in p.titles {
                    if !q.titles.contains(&t) {
                        q.titles.push(t);
                    }
                }
            }
            None => people.push(p),
        }
    }
    for mut o in more_orgs {
        o.mentions.retain(|m| free(m, &taken));
        if o.mentions.is_empty() {
            continue;
        }
        match orgs.iter_mut().find(|q| q.name == o.name) {
            Some(q) => {
                q.mentions.extend(o.mentions);
                q.mentions.sort_unstable();
                for a in o.aliases {
                    if !q.aliases.contains(&a) {
                        q.aliases.push(a);
                    }
                }
            }
            None => orgs.push(o),
        }
    }
    order::sort_by_key(people, |p| {
        (p.mentions.first().map_or(usize::MAX, |m| m.start), 0)
    });
    order::sort_by_key(orgs, |o| {
        (o.mentions.first().map_or(usize::MAX, |m| m.start), 0)
    });
}
