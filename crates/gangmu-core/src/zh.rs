//! Chinese analyser.
use crate::{Analyzer, Language, Organization, OutlineNode, Person, Text};

pub struct Chinese;

impl Analyzer for Chinese {
    fn language(&self) -> Language {
        Language::Zh
    }
    fn outline(&self, _text: &Text) -> Vec<OutlineNode> {
        Vec::new()
    }
    fn entities(&self, _text: &Text) -> (Vec<Person>, Vec<Organization>) {
        (Vec::new(), Vec::new())
    }
}
