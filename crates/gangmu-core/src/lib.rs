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
/// trait and a line in [`analyzer_for`]; `zh.rs` is the fullest example.
pub trait Analyzer {
    fn language(&self) -> Language;
    /// The heading tree, in document order, levels equal to depth.
    fn outline(&self, text: &Text) -> Vec<OutlineNode>;
    /// People and organisations, each in order of first mention.
    fn entities(&self, text: &Text) -> (Vec<Person>, Vec<Organization>);
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

/// Analyses a text. Never fails and never panics on any input: an empty or odd text gives an
/// analysis with empty lists.
pub fn analyze(text: &str) -> Analysis {
    let language = detect_language(text);
    let prepared = Text::new(text);
    let analyzer = analyzer_for(language);
    let mut outline = analyzer.outline(&prepared);
    let (people, organizations) = analyzer.entities(&prepared);
    let formulations = formulations::find(&prepared, language);
    formulations::attach_to_outline(&mut outline, &formulations, prepared.len());
    let keywords = keywords::attach(&prepared, language, &mut outline, &people, &organizations);
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
