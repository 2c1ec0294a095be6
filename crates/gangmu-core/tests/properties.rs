//! Properties every analysis keeps, on generated text: pieces of official prose, headings,
//! names, quotes and odd characters shuffled together.

use gangmu_core::{analyze, share, OutlineNode};
use proptest::prelude::*;

/// Fragments that exercise every rule: headings of each style, markers, titles before names,
/// organisations, quotes, enumerations, stray breaks and characters pasted text carries.
const PIECES: &[&str] = &[
    "一、",
    "（一）",
    "1.",
    "（1）",
    "第一章",
    "第二，",
    "一是",
    "二是",
    "首先，",
    "最后，",
    "会议指出",
    "会议强调",
    "结束语",
    "# ",
    "聚焦“民生实事” 办好群众身边事",
    "市委副书记、政法委书记",
    "周明远",
    "韩立新",
    "欧阳明",
    "出席会议并讲话。",
    "主持会议。",
    "临江市中级人民法院",
    "临江中院",
    "省法院",
    "市委市政府",
    "全市法院",
    "“公正与效率”",
    "两个确立",
    "\"上台阶、创一流\"",
    "。",
    "，",
    "、",
    "\n",
    "\r\n",
    "\n\n",
    "\u{3000}",
    "\u{200b}",
    "\u{feff}",
    "😀",
    "\u{202e}",
    "\u{0}",
    "a",
    "Senator Jane Doe",
    "the Department of Agriculture (USDA)",
    "Summary",
    "要坚持问题导向，推动各项工作落实。",
    "5.6%",
    "2025年",
    "《关于加强审判管理的意见》",
    "\"",
    "“",
];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..80).prop_map(|v| v.concat())
}

fn slice(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

fn check_outline(text: &str, nodes: &[OutlineNode], depth: u32, last: &mut usize, len: usize) {
    for n in nodes {
        assert_eq!(n.level, depth, "level is depth");
        assert!(n.start <= n.end && n.end <= len, "span inside the text");
        assert!(n.start >= *last, "document order");
        assert_eq!(
            slice(text, n.start, n.end).replace(['\n', '\r'], ""),
            n.title
        );
        *last = n.start;
        check_outline(text, &n.children, depth + 1, last, len);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn offsets_names_and_nesting_hold(text in text()) {
        let a = analyze(&text);
        let len = text.chars().count();
        prop_assert_eq!(a.chars, len);
        let mut spans = Vec::new();
        for p in &a.people {
            prop_assert!(!p.mentions.is_empty());
            for m in &p.mentions {
                prop_assert!(m.start < m.end && m.end <= len);
                let s = slice(&text, m.start, m.end);
                prop_assert!(s == p.name || p.aliases.contains(&s));
                spans.push(*m);
            }
        }
        for o in &a.organizations {
            for m in &o.mentions {
                prop_assert!(m.start < m.end && m.end <= len);
                let s = slice(&text, m.start, m.end);
                prop_assert!(s == o.name || o.aliases.contains(&s));
                spans.push(*m);
            }
        }
        spans.sort();
        for w in spans.windows(2) {
            prop_assert!(w[0].end <= w[1].start, "mentions overlap: {:?} {:?}", w[0], w[1]);
        }
        for f in &a.formulations {
            prop_assert_eq!(f.count, f.mentions.len());
            for m in &f.mentions {
                prop_assert_eq!(slice(&text, m.start, m.end), f.text.clone());
            }
        }
        check_outline(&text, &a.outline, 1, &mut 0, len);
    }

    #[test]
    fn concatenations_never_panic(a in text(), b in text()) {
        let joined = format!("{a}{b}");
        let analysis = analyze(&joined);
        prop_assert_eq!(analysis.chars, joined.chars().count());
    }

    #[test]
    fn share_links_round_trip_and_broken_ones_are_errors(text in text(), cut in 0usize..200) {
        let shared = share::Shared::new(text, share::View::default());
        let fragment = shared.to_fragment();
        prop_assert_eq!(share::Shared::from_fragment(&fragment).unwrap(), shared);
        let broken = &fragment[..cut.min(fragment.len())];
        // A cut link either fails cleanly or (if nothing was cut) round-trips: never a panic.
        let _ = share::Shared::from_fragment(broken);
        let _ = share::Shared::from_fragment(&format!("{broken}%%"));
    }

    #[test]
    fn any_bytes_decode_or_are_refused(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        // Never a panic; what is accepted says how it was read.
        if let Ok(decoded) = gangmu_core::decode::decode_bytes(&bytes) {
            prop_assert!(!decoded.encoding.is_empty());
            prop_assert!(decoded.text.len() <= bytes.len() * 3 + 3);
        }
    }
}

/// Found by the property above: an English name read across the Chinese between two Latin
/// runs of one line (Senator Jane Doe|全市法院|Summary) is no mention of anyone.
#[test]
fn a_name_is_not_read_across_the_other_language() {
    let text = "the Department of Agriculture (USDA)the Department of Agriculture (USDA)Senator Jane Doe全市法院第一章Summary第一章出席会议并讲话。";
    let a = analyze(text);
    for p in &a.people {
        for m in &p.mentions {
            let s = slice(text, m.start, m.end);
            assert!(s == p.name || p.aliases.contains(&s), "{s} in {p:?}");
        }
    }
}
