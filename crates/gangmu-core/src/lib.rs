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
mod model;
mod text;
mod tree;

pub mod decode;
pub mod en;
pub mod share;
pub mod zh;

pub use model::{
    Analysis, Formulation, FormulationCount, FormulationKind, HeadingKind, Language, Organization,
    OutlineNode, Person, Span,
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
/// tagger features) and the Chinese NER tagger. Load once, analyse many texts.
///
/// With the `embedded` feature (default) [`Resources::embedded`] uses the copies compiled into
/// the core. The web worker builds without it and passes the asset files it fetched to
/// [`Resources::load`], so the page's first load stays small.
///
/// Cost: parsing the word list builds a hash map of ~33k entries (a few ms); the tagger's
/// weights are read in place, not copied.
pub struct Resources {
    zh_words: zh::words::Lexicon,
    zh_tagger: Option<zh::tagger::Model<'static>>,
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
            en_tagger: None,
        }
    }

    /// The assets compiled into the core.
    #[cfg(feature = "embedded")]
    pub fn embedded() -> Resources {
        Resources {
            zh_words: zh::words::Lexicon::load(),
            zh_tagger: zh::tagger::Model::shipped(),
            en_tagger: en::tagger::Model::shipped(),
        }
    }

    pub(crate) fn zh_words(&self) -> &zh::words::Lexicon {
        &self.zh_words
    }

    pub(crate) fn zh_tagger(&self) -> Option<&zh::tagger::Model<'static>> {
        self.zh_tagger.as_ref()
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
pub fn analyze_with(text: &str, resources: &Resources) -> Analysis {
    let language = detect_language(text);
    let prepared = Text::new(text);
    let analyzer = analyzer_for(language);
    let mut outline = analyzer.outline(&prepared);
    let (people, organizations) = analyzer.entities(&prepared, resources);
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
    }
}
