//! Chinese analyser: outline rules in [`outline`], people and organisations in [`entities`],
//! word lists in [`lexicon`].

mod charset;
pub(crate) mod entities;
#[rustfmt::skip]
mod lexicon;
mod outline;
pub mod tagger;
pub mod words;

use crate::{tree, Analyzer, Language, Organization, OutlineNode, Person, Resources, Text};

pub struct Chinese;

impl Analyzer for Chinese {
    fn language(&self) -> Language {
        Language::Zh
    }

    fn outline(&self, text: &Text) -> Vec<OutlineNode> {
        tree::build(outline::headings(text))
    }

    fn entities(&self, text: &Text, resources: &Resources) -> (Vec<Person>, Vec<Organization>) {
        entities::find(text, resources)
    }
}

/// The Chinese outline of a text, for other modules' tests.
#[cfg(test)]
pub(crate) fn outline_for_test(text: &Text) -> Vec<OutlineNode> {
    Chinese.outline(text)
}
