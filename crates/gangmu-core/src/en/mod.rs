//! English analyser: outline rules in [`outline`], people and organisations in [`entities`],
//! word lists in [`lexicon`].

mod entities;
#[rustfmt::skip]
mod lexicon;
mod outline;
pub mod tagger;

use crate::{tree, Analyzer, Language, Organization, OutlineNode, Person, Resources, Text};

pub struct English;

impl Analyzer for English {
    fn language(&self) -> Language {
        Language::En
    }

    fn outline(&self, text: &Text) -> Vec<OutlineNode> {
        tree::build(outline::headings(text))
    }

    fn entities(&self, text: &Text, resources: &Resources) -> (Vec<Person>, Vec<Organization>) {
        names(text, resources, false)
    }
}

/// People and organisations: the tagger's names (when the resources hold it) merged with the
/// rules'. `runs`: English stretches packed out of a Chinese text (no headings there).
pub(crate) fn names(
    text: &Text,
    resources: &Resources,
    runs: bool,
) -> (Vec<Person>, Vec<Organization>) {
    let tagged: Vec<(tagger::Kind, crate::Span)> = match resources.en_tagger() {
        Some(model) => model.spans(text.chars(), &tagger::Context::new()),
        None => Vec::new(),
    };
    entities::find_with(text, &tagged, runs)
}
