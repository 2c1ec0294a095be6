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

/// Id of the first element of an occurrence of the selected formulation (only one
/// formulation is laid out at a time, so the occurrence index is enough).
pub fn formulation_dom_id(occurrence: usize) -> String {
    format!("f-{occurrence}")
}

pub fn heading_dom_id(node: usize) -> String {
    format!("h-{node}")
}

/// A run of text, `bytes` into the document. Runs are cut at every boundary of a heading, an
/// entity mention and an occurrence of the selected formulation, so each run lies wholly
/// inside or outside each of them (formulation occurrences may overlap or nest with mentions).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Piece {
    pub bytes: (usize, usize),
    pub mention: Option<MentionRef>,
    /// False when a mention was cut (by a heading or a formulation boundary) and this is not
    /// its first part; only the first part carries the element id.
    pub first: bool,
    /// The occurrence (index into the selected formulation's mentions) this run is inside.
    pub formulation: Option<usize>,
    /// This run starts its formulation occurrence (the scroll target).
    pub formulation_first: bool,
}

/// A heading's title (with its depth-first index) or the text between headings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    pub heading: Option<usize>,
    pub pieces: Vec<Piece>,
}

/// Lays out `text` with `analysis`, marking the occurrences of `formulation` (an index into
/// `analysis.formulations`) if given. Spans out of range are ignored; overlapping mentions
/// keep the earlier (then longer) one, overlapping headings the earlier one, overlapping
/// occurrences of the formulation the earlier (then longer) one. Only the selected
/// formulation is laid out so that, with none selected, every mention is one run (except
/// where a heading cuts it) and the DOM stays as light as before.
pub fn layout(text: &str, analysis: &Analysis, formulation: Option<usize>) -> Vec<Segment> {
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

    let mut occurrences: Vec<(Span, usize)> = formulation
        .and_then(|f| analysis.formulations.get(f))
        .map(|f| {
            f.mentions
                .iter()
                .enumerate()
                .filter(|(_, s)| valid(s))
                .map(|(i, s)| (*s, i))
                .collect()
        })
        .unwrap_or_default();
    occurrences.sort_by_key(|(s, i)| (s.start, std::cmp::Reverse(s.end), *i));
    let occurrences = drop_overlaps(occurrences);

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

    // Every place where something starts or ends; between two consecutive cuts nothing does.
    let mut cuts: Vec<usize> = Vec::with_capacity(2 * (bounds.len() + mentions.len()) + 2);
    let spans = bounds
        .iter()
        .map(|b| b.0)
        .chain(mentions.iter().map(|m| m.0))
        .chain(occurrences.iter().map(|o| o.0));
    for s in spans {
        cuts.push(s.start);
        cuts.push(s.end);
    }
    cuts.sort_unstable();
    cuts.dedup();

    let mut out: Vec<Segment> = Vec::with_capacity(bounds.len());
    let (mut si, mut mi, mut oi) = (0, 0, 0);
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        // Each list is sorted and non-overlapping: skip what ended, then test coverage.
        while si < bounds.len() && bounds[si].0.end <= a {
            si += 1;
        }
        while mi < mentions.len() && mentions[mi].0.end <= a {
            mi += 1;
        }
        while oi < occurrences.len() && occurrences[oi].0.end <= a {
            oi += 1;
        }
        let Some(&(seg, heading)) = bounds.get(si) else {
            break;
        };
        let mention = mentions
            .get(mi)
            .filter(|m| m.0.start <= a)
            .map(|m| (m.1, m.0.start == a));
        let occurrence = occurrences
            .get(oi)
            .filter(|o| o.0.start <= a)
            .map(|o| (o.1, o.0.start == a));
        if a == seg.start {
            out.push(Segment {
                heading,
                pieces: Vec::new(),
            });
        }
        let Some(cur) = out.last_mut() else {
            continue;
        };
        let piece = Piece {
            bytes: (bo[a], bo[b]),
            mention: mention.map(|m| m.0),
            first: mention.is_none_or(|m| m.1),
            formulation: occurrence.map(|o| o.0),
            formulation_first: occurrence.is_some_and(|o| o.1),
        };
        match cur.pieces.last_mut() {
            // Two plain runs side by side (a cut with nothing on either side) are one run.
            Some(last)
                if last.mention.is_none()
                    && last.formulation.is_none()
                    && piece.mention.is_none()
                    && piece.formulation.is_none() =>
            {
                last.bytes.1 = piece.bytes.1;
            }
            _ => cur.pieces.push(piece),
        }
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
                let t = match p.mention {
                    Some(r) => format!("[{}{}:{t}]", r.kind.tag(), r.entity),
                    None => t.to_string(),
                };
                match p.formulation {
                    Some(f) => out.push_str(&format!("{{f{f}:{t}}}")),
                    None => out.push_str(&t),
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
        with_formulations(outline, people, orgs, vec![])
    }

    fn with_formulations(
        outline: Vec<(usize, usize)>,
        people: Vec<Vec<(usize, usize)>>,
        orgs: Vec<Vec<(usize, usize)>>,
        formulations: Vec<Vec<(usize, usize)>>,
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
            "formulations": formulations.iter().map(|m| json!({
                "text": "z", "kind": "quoted", "count": m.len(), "mentions": spans(m)
            })).collect::<Vec<_>>(),
        }))
        .expect("test analysis matches the core's schema")
    }

    #[test]
    fn char_offsets_not_bytes() {
        let text = "会议强调\n市委副书记周明远出席临江中院会议。";
        // 周明远 = chars 10..13, 临江中院 = 15..19
        let a = analysis(vec![(0, 4)], vec![vec![(10, 13)]], vec![vec![(15, 19)]]);
        let segs = layout(text, &a, None);
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
        let segs = layout(text, &a, None);
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
            render(text, &layout(text, &a, None)),
            "[o0:临江市中级人民法院]院长[p0:韩立新]"
        );
    }

    #[test]
    fn mention_cut_by_a_heading_keeps_id_on_first_part() {
        let text = "甲乙丙丁戊";
        let a = analysis(vec![(2, 4)], vec![vec![(1, 3)]], vec![]);
        let segs = layout(text, &a, None);
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
        assert!(layout("", &Analysis::default(), None).is_empty());
    }

    /// (mention first, formulation first) of every run that is in a mention or occurrence.
    fn firsts(segs: &[Segment]) -> Vec<(bool, bool)> {
        segs.iter()
            .flat_map(|s| s.pieces.iter())
            .filter(|p| p.mention.is_some() || p.formulation.is_some())
            .map(|p| (p.first, p.formulation_first))
            .collect()
    }

    #[test]
    fn entity_inside_a_formulation() {
        // 习近平法治思想 (0..7) starts with the person 习近平 (0..3); again at 8..15.
        let text = "习近平法治思想，习近平法治思想";
        let a = with_formulations(
            vec![],
            vec![vec![(0, 3), (8, 11)]],
            vec![],
            vec![vec![(0, 7), (8, 15)]],
        );
        // Not selected: one run per mention, no formulation runs.
        assert_eq!(
            render(text, &layout(text, &a, None)),
            "[p0:习近平]法治思想，[p0:习近平]法治思想"
        );
        let segs = layout(text, &a, Some(0));
        assert_eq!(
            render(text, &segs),
            "{f0:[p0:习近平]}{f0:法治思想}，{f1:[p0:习近平]}{f1:法治思想}"
        );
        assert_eq!(
            firsts(&segs),
            vec![(true, true), (true, false), (true, true), (true, false)]
        );
        // Mention indices survive the split.
        let ms: Vec<usize> = segs[0]
            .pieces
            .iter()
            .filter_map(|p| p.mention.map(|m| m.mention))
            .collect();
        assert_eq!(ms, vec![0, 1]);
    }

    #[test]
    fn formulation_inside_an_entity() {
        // The organisation 公正与效率研究会 (1..9) strictly contains the occurrence 与效 (3..5).
        let text = "甲公正与效率研究会乙";
        let a = with_formulations(vec![], vec![], vec![vec![(1, 9)]], vec![vec![(3, 5)]]);
        let segs = layout(text, &a, Some(0));
        assert_eq!(
            render(text, &segs),
            "甲[o0:公正]{f0:[o0:与效]}[o0:率研究会]乙"
        );
        // The id stays on the mention's first run only.
        assert_eq!(
            firsts(&segs),
            vec![(true, false), (false, true), (false, false)]
        );
    }

    #[test]
    fn partial_overlap_of_entity_and_formulation() {
        let text = "一二三四五六七";
        // person 1..4 (二三四), formulation 3..6 (四五六)
        let a = with_formulations(vec![], vec![vec![(1, 4)]], vec![], vec![vec![(3, 6)]]);
        let segs = layout(text, &a, Some(0));
        assert_eq!(render(text, &segs), "一[p0:二三]{f0:[p0:四]}{f0:五六}七");
        assert_eq!(
            firsts(&segs),
            vec![(true, false), (false, true), (true, false)]
        );
        // And the other way round: formulation 0..2 (一二), person 1..3 (二三).
        let a = with_formulations(vec![], vec![vec![(1, 3)]], vec![], vec![vec![(0, 2)]]);
        let segs = layout(text, &a, Some(0));
        assert_eq!(render(text, &segs), "{f0:一}{f0:[p0:二]}[p0:三]四五六七");
        assert_eq!(
            firsts(&segs),
            vec![(true, true), (true, false), (false, false)]
        );
    }

    #[test]
    fn formulation_in_a_heading_and_across_one() {
        let text = "甲乙丙丁戊己";
        // heading 1..3 (乙丙); occurrences 1..3 (inside it) and 2..5 (crossing its end).
        let a = with_formulations(vec![(1, 3)], vec![], vec![], vec![vec![(1, 3)]]);
        assert_eq!(
            render(text, &layout(text, &a, Some(0))),
            "甲<h0>{f0:乙丙}</h>丁戊己"
        );
        let a = with_formulations(vec![(1, 3)], vec![], vec![], vec![vec![(2, 5)]]);
        let segs = layout(text, &a, Some(0));
        assert_eq!(render(text, &segs), "甲<h0>乙{f0:丙}</h>{f0:丁戊}己");
        assert_eq!(firsts(&segs), vec![(true, true), (true, false)]);
    }

    #[test]
    fn only_the_selected_formulation_is_laid_out_and_bad_spans_are_ignored() {
        let text = "甲乙丙丁戊";
        let a = with_formulations(
            vec![],
            vec![],
            vec![],
            vec![vec![(0, 1)], vec![(1, 3), (2, 4), (3, 99), (4, 4)]],
        );
        assert_eq!(render(text, &layout(text, &a, Some(0))), "{f0:甲}乙丙丁戊");
        // Overlapping occurrences keep the earlier one; out of range and empty are dropped.
        assert_eq!(render(text, &layout(text, &a, Some(1))), "甲{f0:乙丙}丁戊");
        assert_eq!(render(text, &layout(text, &a, Some(5))), text);
        let all: String = layout(text, &a, Some(1))
            .iter()
            .flat_map(|s| s.pieces.iter())
            .map(|p| &text[p.bytes.0..p.bytes.1])
            .collect();
        assert_eq!(all, text);
    }
}
