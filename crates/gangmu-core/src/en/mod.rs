//! English analyser.
use crate::{Analyzer, Language, Organization, OutlineNode, Person, Text};

pub struct English;

impl Analyzer for English {
    fn language(&self) -> Language {
        Language::En
    }
    fn outline(&self, _text: &Text) -> Vec<OutlineNode> {
        Vec::new()
    }
    fn entities(&self, _text: &Text) -> (Vec<Person>, Vec<Organization>) {
        (Vec::new(), Vec::new())
    }
}
