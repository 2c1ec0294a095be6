//! Flat headings with levels to the nested outline the schema prints.

use crate::{HeadingKind, OutlineNode};

/// A heading found by a language's outline detector, before nesting.
#[derive(Clone, Debug, PartialEq)]
pub struct Heading {
    pub title: String,
    pub start: usize,
    pub end: usize,
    /// 1-based depth; a level more than one deeper than its predecessor is clamped so the tree
    /// never has gaps.
    pub level: u32,
    pub kind: HeadingKind,
}

/// Nests headings (in document order) by level. Levels in the result equal tree depth.
pub fn build(headings: Vec<Heading>) -> Vec<OutlineNode> {
    let mut roots: Vec<OutlineNode> = Vec::new();
    // Path of child indices from the roots to the most recent node.
    let mut path: Vec<usize> = Vec::new();
    for h in headings {
        let depth = (h.level.max(1) as usize).min(path.len() + 1);
        path.truncate(depth - 1);
        let node = OutlineNode {
            title: h.title,
            level: depth as u32,
            start: h.start,
            end: h.end,
            kind: Some(h.kind),
            keywords: Vec::new(),
            formulations: Vec::new(),
            children: Vec::new(),
        };
        let mut siblings = &mut roots;
        for &i in &path {
            siblings = &mut siblings[i].children;
        }
        siblings.push(node);
        path.push(siblings.len() - 1);
    }
    roots
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(title: &str, level: u32) -> Heading {
        Heading {
            title: title.into(),
            start: 0,
            end: 1,
            level,
            kind: HeadingKind::Numbered,
        }
    }

    #[test]
    fn nests_by_level_and_closes_gaps() {
        let tree = build(vec![
            h("一、", 1),
            h("（一）", 2),
            h("1.", 4),
            h("二、", 1),
            h("（一）", 2),
        ]);
        assert_eq!(tree.len(), 2);
        assert_eq!(tree[0].children[0].children[0].title, "1.");
        assert_eq!(
            tree[0].children[0].children[0].level, 3,
            "a skipped level is closed up"
        );
        assert_eq!(tree[1].children[0].level, 2);
    }
}
