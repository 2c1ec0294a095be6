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
    let n = text.chars().count();
    let spans = Spans::new(analysis, n);
    let occurrences = occurrences(analysis, formulation, n);
    runs(
        text,
        0,
        n,
        0,
        &spans.headings,
        &spans.mentions,
        &occurrences,
    )
}

/// The headings and mentions of an analysis, valid, sorted and without overlaps: computed
/// once per analysis, then sliced per block.
#[derive(Debug, PartialEq)]
pub struct Spans {
    pub headings: Vec<(Span, usize)>,
    pub mentions: Vec<(Span, MentionRef)>,
}

impl Spans {
    /// `n`: the text's length in chars.
    pub fn new(analysis: &Analysis, n: usize) -> Spans {
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
        Spans { headings, mentions }
    }
}

/// The occurrences of `formulation`, valid, sorted, without overlaps, with their indices.
pub fn occurrences(
    analysis: &Analysis,
    formulation: Option<usize>,
    n: usize,
) -> Vec<(Span, usize)> {
    let mut occurrences: Vec<(Span, usize)> = formulation
        .and_then(|f| analysis.formulations.get(f))
        .map(|f| {
            f.mentions
                .iter()
                .enumerate()
                .filter(|(_, s)| s.start < s.end && s.end <= n)
                .map(|(i, s)| (*s, i))
                .collect()
        })
        .unwrap_or_default();
    occurrences.sort_by_key(|(s, i)| (s.start, std::cmp::Reverse(s.end), *i));
    drop_overlaps(occurrences)
}

/// A stretch of whole lines of the text, cut where no heading and no mention crosses. The
/// text pane renders each block on its own (plain until it comes near the viewport), so a
/// huge document costs only what is on screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Block {
    /// Char range `[start, end)`.
    pub chars: (usize, usize),
    /// The same range in bytes.
    pub bytes: (usize, usize),
    /// The heading in force at the block's start (the last one starting before it).
    pub heading_before: Option<usize>,
}

/// Blocks of about `target` chars (at least; a block ends after a line break), covering the
/// text exactly. A text without line breaks is one block.
pub fn blocks(text: &str, spans: &Spans, target: usize) -> Vec<Block> {
    // Every heading and mention, by start: a cut at `p` is allowed when none of them
    // starts before `p` and ends after it.
    let mut covered: Vec<(usize, usize)> = spans
        .headings
        .iter()
        .map(|h| (h.0.start, h.0.end))
        .chain(spans.mentions.iter().map(|m| (m.0.start, m.0.end)))
        .collect();
    covered.sort_unstable();
    let (mut k, mut reach) = (0, 0);
    let mut out = Vec::new();
    let (mut start_c, mut start_b) = (0, 0);
    let mut c = 0;
    for (b, ch) in text.char_indices() {
        c += 1;
        if ch != '\n' || c - start_c < target {
            continue;
        }
        // A cut after this '\n', at char c / byte b + 1.
        while k < covered.len() && covered[k].0 < c {
            reach = reach.max(covered[k].1);
            k += 1;
        }
        if reach > c {
            continue;
        }
        out.push(Block {
            chars: (start_c, c),
            bytes: (start_b, b + 1),
            heading_before: None,
        });
        (start_c, start_b) = (c, b + 1);
    }
    if start_b < text.len() || out.is_empty() {
        out.push(Block {
            chars: (start_c, c),
            bytes: (start_b, text.len()),
            heading_before: None,
        });
    }
    let mut h = 0;
    let mut last = None;
    for blk in &mut out {
        while h < spans.headings.len() && spans.headings[h].0.start < blk.chars.0 {
            last = Some(spans.headings[h].1);
            h += 1;
        }
        blk.heading_before = last;
    }
    out
}

/// The block holding char `pos` (the last block for `pos` past the end).
pub fn block_of(blocks: &[Block], pos: usize) -> usize {
    blocks
        .partition_point(|b| b.chars.1 <= pos)
        .min(blocks.len().saturating_sub(1))
}

/// Lays out one block: the same runs as [`layout`] gives for that stretch of the text
/// (occurrences of the formulation that cross the block's edge are cut there).
pub fn layout_block(
    text: &str,
    spans: &Spans,
    occurrences: &[(Span, usize)],
    block: &Block,
) -> Vec<Segment> {
    let (lo, hi) = block.chars;
    // Spans that end after lo and start before hi. Headings and mentions never cross a
    // block's edge; an occurrence that does is passed whole: `runs` ignores what lies
    // outside the block, and its part in the next block is not its first.
    fn within<T>(v: &[(Span, T)], lo: usize, hi: usize) -> &[(Span, T)] {
        let a = v.partition_point(|x| x.0.end <= lo);
        let b = v.partition_point(|x| x.0.start < hi).max(a);
        &v[a..b]
    }
    runs(
        &text[block.bytes.0..block.bytes.1],
        lo,
        hi,
        block.bytes.0,
        within(&spans.headings, lo, hi),
        within(&spans.mentions, lo, hi),
        within(occurrences, lo, hi),
    )
}

/// What a row of the document map stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MapKind {
    Person,
    Org,
    Formulation,
}

/// A column of the document map: one outline section, or several consecutive ones when
/// the outline has more sections than the map has columns.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MapColumn {
    /// Depth-first index of its first heading (None: the text before the first heading).
    pub node: Option<usize>,
    /// Its first section's title (empty for the opening).
    pub title: String,
    /// How many sections it holds.
    pub sections: usize,
    /// Char offset where it starts.
    pub start: usize,
}

/// A cell: how many mentions fall in the column, and the first of them (index into the
/// entity's or formulation's mentions).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct MapCell {
    pub count: usize,
    pub first: usize,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MapRow {
    pub kind: MapKind,
    /// Index into people, organisations or formulations.
    pub index: usize,
    pub label: String,
    pub total: usize,
    pub cells: Vec<MapCell>,
}

/// "Who and what where": the most mentioned people, organisations and formulations against
/// the outline's sections.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct DocMap {
    pub columns: Vec<MapColumn>,
    pub rows: Vec<MapRow>,
}

/// Sections are the nodes down to the shallowest depth that gives this many (a report
/// with one title node over its parts still gets a useful map).
const MAP_MIN_SECTIONS: usize = 4;

/// The document map of `analysis` (text of `n` chars): at most `max_cols` columns and
/// `per_kind` rows of each kind, most mentioned first. Costs one walk of the outline and a
/// binary search per mention of the rows shown, so 10k headings and 100k mentions stay
/// in the milliseconds. Empty (no columns) when the outline gives fewer than two.
pub fn doc_map(analysis: &Analysis, n: usize, max_cols: usize, per_kind: usize) -> DocMap {
    // (depth-first index, depth, start, title) of every heading.
    fn walk<'a>(
        nodes: &'a [gangmu_core::OutlineNode],
        depth: u32,
        out: &mut Vec<(usize, u32, usize, &'a str)>,
    ) {
        for node in nodes {
            out.push((out.len(), depth, node.start, node.title.as_str()));
            walk(&node.children, depth + 1, out);
        }
    }
    let mut heads = Vec::new();
    walk(&analysis.outline, 1, &mut heads);
    let max_depth = heads.iter().map(|h| h.1).max().unwrap_or(0);
    let depth = (1..=max_depth)
        .find(|&d| heads.iter().filter(|h| h.1 <= d).count() >= MAP_MIN_SECTIONS)
        .unwrap_or(max_depth);
    let mut sections: Vec<MapColumn> = heads
        .iter()
        .filter(|h| h.1 <= depth && h.2 < n.max(1))
        .map(|h| MapColumn {
            node: Some(h.0),
            title: h.3.to_string(),
            sections: 1,
            start: h.2,
        })
        .collect();
    // Headings come in document order (an invariant of the analysis): no sort needed.
    if sections.first().is_some_and(|c| c.start > 0) {
        sections.insert(
            0,
            MapColumn {
                node: None,
                title: String::new(),
                sections: 1,
                start: 0,
            },
        );
    }
    if sections.len() < 2 || max_cols < 2 {
        return DocMap::default();
    }
    // Consecutive sections share a column when there are too many.
    let s = sections.len();
    let c = s.min(max_cols);
    let columns: Vec<MapColumn> = (0..c)
        .map(|j| {
            let (a, b) = (j * s / c, (j + 1) * s / c);
            MapColumn {
                sections: b - a,
                ..sections[a].clone()
            }
        })
        .collect();
    let starts: Vec<usize> = columns.iter().map(|c| c.start).collect();
    let cells = |mentions: &[Span]| -> Vec<MapCell> {
        let mut cells = vec![MapCell::default(); starts.len()];
        let mut first_start = vec![usize::MAX; starts.len()];
        for (i, m) in mentions.iter().enumerate() {
            if m.start >= n {
                continue;
            }
            let col = starts.partition_point(|&s| s <= m.start).saturating_sub(1);
            cells[col].count += 1;
            if m.start < first_start[col] {
                first_start[col] = m.start;
                cells[col].first = i;
            }
        }
        cells
    };
    // The `per_kind` most mentioned, ties in order of first mention. (Keys of one type for
    // all three kinds: one sort in the wasm, not three.)
    fn top(counts: impl Iterator<Item = usize>, per_kind: usize) -> Vec<usize> {
        let mut v: Vec<(std::cmp::Reverse<usize>, usize)> = counts
            .enumerate()
            .filter(|&(_, c)| c > 0)
            .map(|(i, c)| (std::cmp::Reverse(c), i))
            .collect();
        v.sort_unstable();
        v.into_iter().take(per_kind).map(|(_, i)| i).collect()
    }
    let mut rows = Vec::new();
    for index in top(analysis.people.iter().map(|p| p.mentions.len()), per_kind) {
        let p = &analysis.people[index];
        rows.push(MapRow {
            kind: MapKind::Person,
            index,
            label: p.name.clone(),
            total: p.mentions.len(),
            cells: cells(&p.mentions),
        });
    }
    for index in top(
        analysis.organizations.iter().map(|o| o.mentions.len()),
        per_kind,
    ) {
        let o = &analysis.organizations[index];
        rows.push(MapRow {
            kind: MapKind::Org,
            index,
            label: o.name.clone(),
            total: o.mentions.len(),
            cells: cells(&o.mentions),
        });
    }
    for index in top(
        analysis.formulations.iter().map(|f| f.mentions.len()),
        per_kind,
    ) {
        let f = &analysis.formulations[index];
        rows.push(MapRow {
            kind: MapKind::Formulation,
            index,
            label: f.text.clone(),
            total: f.mentions.len(),
            cells: cells(&f.mentions),
        });
    }
    DocMap { columns, rows }
}

/// The runs of `text` (the chars `[lo, hi)` of the document, starting at byte `byte0` of
/// it) given the spans that lie inside it. Byte ranges in the result are into the document.
fn runs(
    text: &str,
    lo: usize,
    hi: usize,
    byte0: usize,
    headings: &[(Span, usize)],
    mentions: &[(Span, MentionRef)],
    occurrences: &[(Span, usize)],
) -> Vec<Segment> {
    // byte offset (into the document) of every char index from lo, plus the end.
    let mut bo: Vec<usize> = text.char_indices().map(|(b, _)| byte0 + b).collect();
    bo.push(byte0 + text.len());
    let byte = |c: usize| bo[c - lo];
    // Segments: alternate between gaps and headings over [lo, hi).
    let mut bounds: Vec<(Span, Option<usize>)> = Vec::new();
    let mut pos = lo;
    for &(s, i) in headings {
        if s.start > pos {
            bounds.push((Span::new(pos, s.start), None));
        }
        bounds.push((s, Some(i)));
        pos = s.end;
    }
    if pos < hi {
        bounds.push((Span::new(pos, hi), None));
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
            bytes: (byte(a), byte(b)),
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

    #[test]
    fn blocks_cover_the_text_and_lay_out_as_the_whole() {
        // Lines with headings, mentions (one across a line break) and a formulation
        // occurrence that runs over line breaks.
        let mut text = String::new();
        let mut outline = Vec::new();
        let mut people = vec![Vec::new()];
        let mut occ = Vec::new();
        let mut pos = 0;
        for i in 0..60 {
            let line = format!("第{i}节 周明远出席会议，强调公正与效率。\n");
            let n = line.chars().count();
            if i % 7 == 0 {
                outline.push((pos, pos + 3));
            }
            people[0].push((pos + 4, pos + 7));
            if i % 11 == 5 {
                // 效率。\n第… : crosses the line break.
                occ.push((pos + n - 3, pos + n + 2));
                people[0].push((pos + n - 1, pos + n + 1));
            }
            text.push_str(&line);
            pos += n;
        }
        let a = with_formulations(outline, people, vec![], vec![occ]);
        let n = text.chars().count();
        let spans = Spans::new(&a, n);
        let occurrences = occurrences(&a, Some(0), n);
        for target in [1, 10, 50, 10_000] {
            let bs = blocks(&text, &spans, target);
            // Contiguous, covering, each (but the last) ending after a line break.
            assert_eq!(bs[0].chars.0, 0);
            assert_eq!(bs.last().unwrap().chars.1, n);
            assert_eq!(bs.last().unwrap().bytes.1, text.len());
            for w in bs.windows(2) {
                assert_eq!(w[0].chars.1, w[1].chars.0);
                assert_eq!(w[0].bytes.1, w[1].bytes.0);
                assert!(text[..w[0].bytes.1].ends_with('\n'));
            }
            // No heading or mention is cut.
            for (s, _) in &spans.mentions {
                assert_eq!(block_of(&bs, s.start), block_of(&bs, s.end - 1), "{s:?}");
            }
            // Block by block, the same runs as the whole (occurrence parts after a block
            // edge are not first).
            let whole = render(&text, &layout(&text, &a, Some(0)));
            let parts: String = bs
                .iter()
                .map(|b| render(&text, &layout_block(&text, &spans, &occurrences, b)))
                .collect();
            assert_eq!(parts, whole, "target {target}");
            let firsts: usize = bs
                .iter()
                .flat_map(|b| layout_block(&text, &spans, &occurrences, b))
                .flat_map(|seg| seg.pieces)
                .filter(|p| p.formulation_first)
                .count();
            assert_eq!(firsts, occurrences.len());
        }
        // The heading in force at each block's start.
        let bs = blocks(&text, &spans, 10);
        assert_eq!(bs[0].heading_before, None);
        assert!(bs[1].heading_before == Some(0));
        assert_eq!(blocks("", &spans, 10).len(), 1);
    }

    /// Four sections of 100 chars after a 50-char opening; two people, one organisation.
    fn map_analysis() -> Analysis {
        let node = |t: &str, start: usize| json!({"title": t, "level": 1, "start": start, "end": start + 4, "children": []});
        let spans = |v: &[usize]| -> Vec<serde_json::Value> {
            v.iter()
                .map(|&s| json!({"start": s, "end": s + 3}))
                .collect()
        };
        serde_json::from_value(json!({
            "language": "zh", "chars": 450,
            "outline": [node("会议指出", 50), node("会议强调", 150), node("会议要求", 250), node("结束语", 350)],
            "people": [
                {"name": "甲", "titles": [], "mentions": spans(&[10, 60, 70, 360])},
                {"name": "乙", "titles": [], "mentions": spans(&[400, 160])},
                {"name": "丙", "titles": [], "mentions": []}
            ],
            "organizations": [{"name": "某院", "aliases": [], "mentions": spans(&[260])}],
            "formulations": [{"text": "抓落实", "kind": "quoted", "count": 2, "mentions": spans(&[55, 255])}]
        }))
        .unwrap()
    }

    #[test]
    fn doc_map_counts_mentions_per_section_with_the_opening_first() {
        let m = doc_map(&map_analysis(), 450, 12, 8);
        let nodes: Vec<Option<usize>> = m.columns.iter().map(|c| c.node).collect();
        assert_eq!(nodes, [None, Some(0), Some(1), Some(2), Some(3)]);
        assert_eq!(m.columns[2].title, "会议强调");
        // Most mentioned first; nobody without mentions; then organisations, formulations.
        let labels: Vec<&str> = m.rows.iter().map(|r| r.label.as_str()).collect();
        assert_eq!(labels, ["甲", "乙", "某院", "抓落实"]);
        let counts = |r: &MapRow| r.cells.iter().map(|c| c.count).collect::<Vec<_>>();
        assert_eq!(counts(&m.rows[0]), [1, 2, 0, 0, 1]);
        // 乙's mentions are listed out of order: the cell points at the earliest one in it.
        assert_eq!(counts(&m.rows[1]), [0, 0, 1, 0, 1]);
        assert_eq!(m.rows[1].cells[2].first, 1);
        assert_eq!(m.rows[0].cells[1].first, 1);
        assert_eq!(
            (m.rows[2].kind, m.rows[3].kind),
            (MapKind::Org, MapKind::Formulation)
        );
        assert_eq!(m.rows[0].total, 4);
    }

    #[test]
    fn doc_map_merges_sections_into_its_columns_and_limits_rows() {
        let m = doc_map(&map_analysis(), 450, 2, 1);
        assert_eq!(m.columns.len(), 2);
        assert_eq!(
            m.columns
                .iter()
                .map(|c| (c.node, c.sections))
                .collect::<Vec<_>>(),
            [(None, 2), (Some(1), 3)]
        );
        assert_eq!(m.rows.len(), 3, "one row of each kind");
        assert_eq!(
            m.rows[0].cells.iter().map(|c| c.count).collect::<Vec<_>>(),
            [3, 1]
        );
        // No outline, no map.
        assert_eq!(doc_map(&Analysis::default(), 10, 12, 8), DocMap::default());
    }

    #[test]
    fn doc_map_of_a_huge_outline_is_bucketed() {
        let nodes: Vec<serde_json::Value> = (0..10_000)
            .map(|i| json!({"title": format!("第{i}节"), "level": 1, "start": i * 10, "end": i * 10 + 3, "children": []}))
            .collect();
        let mentions: Vec<serde_json::Value> = (0..100_000)
            .map(|i| json!({"start": i, "end": i + 1}))
            .collect();
        let a: Analysis = serde_json::from_value(json!({
            "language": "zh", "chars": 100_000, "outline": nodes,
            "people": [{"name": "甲", "titles": [], "mentions": mentions}],
            "organizations": [], "formulations": []
        }))
        .unwrap();
        let m = doc_map(&a, 100_000, 12, 8);
        assert_eq!(m.columns.len(), 12);
        assert_eq!(m.columns.iter().map(|c| c.sections).sum::<usize>(), 10_000);
        assert_eq!(
            m.rows[0].cells.iter().map(|c| c.count).sum::<usize>(),
            100_000
        );
    }
}
