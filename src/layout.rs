//! Splits the analysed text into the pieces the text pane renders: heading runs containing
//! plain text and mentions. Offsets from the core are `char` indices; this converts them to
//! byte ranges once so rendering slices the `&str` directly. Pure, so it is tested natively.

use gangmu_core::{Analysis, Span};

use crate::state::EntityKind;

/// Which mention a piece of text belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MentionRef {
    pub kind: EntityKind,
    pub entity: usize,
    pub mention: usize,
}

impl MentionRef {
    /// The element id the list and the scroll effect look up.
    pub fn dom_id(&self) -> String {
        mention_dom_id(self.kind, self.entity, self.mention)
    }
}

pub fn mention_dom_id(kind: EntityKind, entity: usize, mention: usize) -> String {
    format!("m-{}-{entity}-{mention}", kind.tag())
}

pub fn heading_dom_id(node: usize) -> String {
    format!("h-{node}")
}

/// A run of text, `bytes` into the document, possibly inside a mention.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Piece {
    pub bytes: (usize, usize),
    pub mention: Option<MentionRef>,
    /// False when a mention was cut by a heading boundary and this is not its first part;
    /// only the first part carries the element id.
    pub first: bool,
}

/// A heading's title (with its depth-first index) or the text between headings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    pub heading: Option<usize>,
    pub pieces: Vec<Piece>,
}

/// Lays out `text` with `analysis`. Spans out of range are ignored; overlapping mentions
/// keep the earlier (then longer) one, overlapping headings the earlier one.
pub fn layout(text: &str, analysis: &Analysis) -> Vec<Segment> {
    // byte offset of every char index, plus the end.
    let mut bo: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    bo.push(text.len());
    let n = bo.len() - 1;
    let valid = |s: &Span| s.start < s.end && s.end <= n;

    let mut headings: Vec<(Span, usize)> = analysis
        .outline_flat()
        .iter()
        .enumerate()
        .map(|(i, h)| (Span::new(h.start.min(h.end), h.end), i))
        .filter(|(s, _)| valid(s))
        .collect();
    headings.sort_by_key(|(s, i)| (s.start, *i));
    let headings = drop_overlaps(headings);

    let mut mentions: Vec<(Span, MentionRef)> = Vec::new();
    let people = analysis
        .people
        .iter()
        .map(|p| (EntityKind::Person, &p.mentions));
    let orgs = analysis
        .organizations
        .iter()
        .map(|o| (EntityKind::Org, &o.mentions));
    let mut counters = [0usize; 2];
    for (kind, spans) in people.chain(orgs) {
        let c = &mut counters[kind as usize];
        for (m, s) in spans.iter().enumerate() {
            if valid(s) {
                let r = MentionRef {
                    kind,
                    entity: *c,
                    mention: m,
                };
                mentions.push((*s, r));
            }
        }
        *c += 1;
    }
    mentions.sort_by_key(|(s, r)| (s.start, std::cmp::Reverse(s.end), r.kind, r.entity));
    let mentions = drop_overlaps(mentions);

    // Segments: alternate between gaps and headings over [0, n).
    let mut bounds: Vec<(Span, Option<usize>)> = Vec::new();
    let mut pos = 0;
    for (s, i) in headings {
        if s.start > pos {
            bounds.push((Span::new(pos, s.start), None));
        }
        bounds.push((s, Some(i)));
        pos = s.end;
    }
    if pos < n {
        bounds.push((Span::new(pos, n), None));
    }

    let mut out = Vec::with_capacity(bounds.len());
    let mut mi = 0;
    for (seg, heading) in bounds {
        let mut pieces = Vec::new();
        let mut pos = seg.start;
        while mi < mentions.len() && mentions[mi].0.end <= seg.start {
            mi += 1;
        }
        while mi < mentions.len() && mentions[mi].0.start < seg.end {
            let (span, r) = mentions[mi];
            let (s, e) = (span.start.max(seg.start), span.end.min(seg.end));
            if s > pos {
                pieces.push(Piece {
                    bytes: (bo[pos], bo[s]),
                    mention: None,
                    first: true,
                });
            }
            pieces.push(Piece {
                bytes: (bo[s], bo[e]),
                mention: Some(r),
                first: s == span.start,
            });
            pos = e;
            if span.end <= seg.end {
                mi += 1;
            } else {
                break; // the rest of this mention continues in the next segment
            }
        }
        if pos < seg.end {
            pieces.push(Piece {
                bytes: (bo[pos], bo[seg.end]),
                mention: None,
                first: true,
            });
        }
        out.push(Segment { heading, pieces });
    }
    out
}

/// Keeps spans (sorted by start) that do not overlap an already kept one.
fn drop_overlaps<T>(sorted: Vec<(Span, T)>) -> Vec<(Span, T)> {
    let mut out: Vec<(Span, T)> = Vec::with_capacity(sorted.len());
    for (s, t) in sorted {
        if out.last().is_none_or(|(last, _)| last.end <= s.start) {
            out.push((s, t));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn render(text: &str, segs: &[Segment]) -> String {
        let mut out = String::new();
        for seg in segs {
            if let Some(h) = seg.heading {
                out.push_str(&format!("<h{h}>"));
            }
            for p in &seg.pieces {
                let t = &text[p.bytes.0..p.bytes.1];
                match p.mention {
                    Some(r) => out.push_str(&format!("[{}{}:{t}]", r.kind.tag(), r.entity)),
                    None => out.push_str(t),
                }
            }
            if seg.heading.is_some() {
                out.push_str("</h>");
            }
        }
        out
    }

    /// Built through serde so new defaulted fields in the core do not break these tests.
    fn analysis(
        outline: Vec<(usize, usize)>,
        people: Vec<Vec<(usize, usize)>>,
        orgs: Vec<Vec<(usize, usize)>>,
    ) -> Analysis {
        let spans = |v: &Vec<(usize, usize)>| {
            v.iter()
                .map(|(a, b)| json!({"start": a, "end": b}))
                .collect::<Vec<_>>()
        };
        serde_json::from_value(json!({
            "language": "zh",
            "outline": outline.iter().map(|(a, b)| json!({
                "title": "", "level": 1, "start": a, "end": b, "children": []
            })).collect::<Vec<_>>(),
            "people": people.iter().map(|m| json!({
                "name": "x", "titles": [], "mentions": spans(m)
            })).collect::<Vec<_>>(),
            "organizations": orgs.iter().map(|m| json!({
                "name": "y", "aliases": [], "mentions": spans(m)
            })).collect::<Vec<_>>(),
        }))
        .expect("test analysis matches the core's schema")
    }

    #[test]
    fn char_offsets_not_bytes() {
        let text = "会议强调\n市委副书记周明远出席临江中院会议。";
        // 周明远 = chars 10..13, 临江中院 = 15..19
        let a = analysis(vec![(0, 4)], vec![vec![(10, 13)]], vec![vec![(15, 19)]]);
        let segs = layout(text, &a);
        assert_eq!(
            render(text, &segs),
            "<h0>会议强调</h>\n市委副书记[p0:周明远]出席[o0:临江中院]会议。"
        );
    }

    #[test]
    fn text_is_preserved_exactly_and_bad_spans_ignored() {
        let text = "<script>alert(1)</script> 周明远";
        let a = analysis(
            vec![(5, 3), (0, 999)],
            vec![vec![(26, 29), (28, 40)]],
            vec![],
        );
        let segs = layout(text, &a);
        let all: String = segs
            .iter()
            .flat_map(|s| s.pieces.iter())
            .map(|p| &text[p.bytes.0..p.bytes.1])
            .collect();
        assert_eq!(all, text);
        assert_eq!(render(text, &segs), "<script>alert(1)</script> [p0:周明远]");
    }

    #[test]
    fn overlapping_mentions_keep_the_earlier_longer_one() {
        let text = "临江市中级人民法院院长韩立新";
        let a = analysis(
            vec![],
            vec![vec![(11, 14)], vec![(3, 5)]],
            vec![vec![(0, 9)]],
        );
        assert_eq!(
            render(text, &layout(text, &a)),
            "[o0:临江市中级人民法院]院长[p0:韩立新]"
        );
    }

    #[test]
    fn mention_cut_by_a_heading_keeps_id_on_first_part() {
        let text = "甲乙丙丁戊";
        let a = analysis(vec![(2, 4)], vec![vec![(1, 3)]], vec![]);
        let segs = layout(text, &a);
        assert_eq!(render(text, &segs), "甲[p0:乙]<h0>[p0:丙]丁</h>戊");
        let firsts: Vec<bool> = segs
            .iter()
            .flat_map(|s| s.pieces.iter())
            .filter(|p| p.mention.is_some())
            .map(|p| p.first)
            .collect();
        assert_eq!(firsts, vec![true, false]);
    }

    #[test]
    fn empty_text() {
        assert!(layout("", &Analysis::default()).is_empty());
    }
}
