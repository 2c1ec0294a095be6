//! The core on whole documents written for these tests: what a reader of each genre expects,
//! and the invariants every analysis keeps.

use gangmu_core::{analyze, decode::decode_bytes, Analysis, Language, OutlineNode};

const MEETING: &str = include_str!("fixtures/meeting-report.txt");
const WORK_REPORT: &str = include_str!("fixtures/work-report.txt");

fn slice(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

/// Invariants of every analysis: spans inside the text and equal to the names they stand for,
/// mentions sorted and disjoint, outline levels equal to depth and in document order.
fn assert_consistent(text: &str, a: &Analysis) {
    let len = text.chars().count();
    assert_eq!(a.chars, len);
    let mut all = Vec::new();
    for p in &a.people {
        for m in &p.mentions {
            assert!(m.end <= len && m.start < m.end);
            let s = slice(text, m.start, m.end);
            assert!(
                s == p.name || p.aliases.contains(&s),
                "{s} is not a form of {}",
                p.name
            );
            all.push(*m);
        }
    }
    for o in &a.organizations {
        for m in &o.mentions {
            assert!(m.end <= len && m.start < m.end);
            let s = slice(text, m.start, m.end);
            assert!(
                s == o.name || o.aliases.contains(&s),
                "{s} is not a form of {}",
                o.name
            );
            all.push(*m);
        }
    }
    all.sort();
    for w in all.windows(2) {
        assert!(
            w[0].end <= w[1].start,
            "overlapping mentions {:?} {:?}",
            w[0],
            w[1]
        );
    }
    fn walk(text: &str, nodes: &[OutlineNode], depth: u32, last: &mut usize) {
        for n in nodes {
            assert_eq!(n.level, depth);
            assert!(n.start >= *last, "outline out of order at {}", n.title);
            // A title reads without the stray line breaks its span may cover.
            assert_eq!(
                slice(text, n.start, n.end).replace(['\n', '\r'], ""),
                n.title
            );
            *last = n.start;
            walk(text, &n.children, depth + 1, last);
        }
    }
    walk(text, &a.outline, 1, &mut 0);
}

fn titles(nodes: &[OutlineNode]) -> Vec<(String, u32)> {
    let mut out = Vec::new();
    for n in nodes {
        out.push((n.title.clone(), n.level));
        out.extend(titles(&n.children));
    }
    out
}

#[test]
fn meeting_report_people_with_titles_in_order() {
    let a = analyze(MEETING);
    assert_consistent(MEETING, &a);
    assert_eq!(a.language, Language::Zh);
    let people: Vec<(&str, Vec<&str>)> = a
        .people
        .iter()
        .map(|p| {
            (
                p.name.as_str(),
                p.titles.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    assert_eq!(
        people,
        vec![
            ("钟书宁", vec!["市委常委", "政法委书记"]),
            ("贺明川", vec!["青岚中院党组书记", "院长"]),
            ("柏清源", vec!["市人大常委会副主任"]),
            ("宁静怡", vec!["市政协副主席"]),
        ]
    );
    assert_eq!(
        a.people[0].mentions.len(),
        3,
        "钟书宁指出 / 钟书宁强调 are mentions too"
    );
}

#[test]
fn meeting_report_organisations_merge_short_forms() {
    let a = analyze(MEETING);
    let court = a
        .organizations
        .iter()
        .find(|o| o.name == "青岚市中级人民法院")
        .expect("the court");
    assert_eq!(court.aliases, vec!["青岚中院"]);
    assert_eq!(court.mentions.len(), 2);
    let names: Vec<&str> = a.organizations.iter().map(|o| o.name.as_str()).collect();
    for expected in [
        "省法院",
        "市委",
        "政法委",
        "市政府",
        "市人民检察院",
        "市人大常委会",
        "市政协",
    ] {
        assert!(
            names.contains(&expected),
            "{expected} missing from {names:?}"
        );
    }
    for collective in ["全市法院", "两级法院"] {
        assert!(
            !names.iter().any(|n| n.contains(collective)),
            "{collective} is not one organisation"
        );
    }
}

#[test]
fn meeting_report_outline() {
    let a = analyze(MEETING);
    let got = titles(&a.outline);
    let expected: Vec<(String, u32)> = [
        ("一是坚持党的绝对领导。", 1),
        ("二是坚持司法为民。", 1),
        ("三是坚持从严治院。", 1),
        ("会议指出", 1),
        ("会议强调", 1),
        ("聚焦“精准服务” 护航营商环境", 2),
        ("聚焦“源头治理” 做实诉源治理", 2),
        ("聚焦“队伍建设” 锤炼过硬作风", 2),
    ]
    .iter()
    .map(|(t, l)| (t.to_string(), *l))
    .collect();
    assert_eq!(got, expected);
}

#[test]
fn numbered_work_report_outline() {
    let a = analyze(WORK_REPORT);
    assert_consistent(WORK_REPORT, &a);
    let got = titles(&a.outline);
    assert_eq!(got[0], ("一、2025年工作回顾".to_string(), 1));
    assert_eq!(
        got[1],
        ("（一）经济发展量质齐升。".to_string(), 2),
        "run-in heading ends at the first 。"
    );
    assert_eq!(got[2], ("1.产业结构持续优化".to_string(), 3));
    assert_eq!(got.iter().filter(|(_, l)| *l == 1).count(), 2);
    assert_eq!(got.len(), 8, "{got:?}");
    assert!(
        !got.iter().any(|(t, _)| t.starts_with("各位代表")),
        "a salutation is not a heading"
    );
}

#[test]
fn offsets_survive_crlf_bom_and_odd_spaces() {
    let text = format!("\u{feff}\u{3000}\u{3000}{}", MEETING.replace('\n', "\r\n"));
    let a = analyze(&text);
    assert_consistent(&text, &a);
    assert_eq!(a.people.len(), 4);
    assert!(titles(&a.outline).iter().any(|(t, _)| t == "会议强调"));
}

#[test]
fn every_encoding_of_the_fixture_decodes_to_the_same_text() {
    for (name, bytes) in [
        (
            "utf-8 with BOM",
            &include_bytes!("fixtures/meeting-report.bom.txt")[..],
        ),
        (
            "gb18030",
            &include_bytes!("fixtures/meeting-report.gb18030.txt")[..],
        ),
        (
            "utf-16le",
            &include_bytes!("fixtures/meeting-report.utf16le.txt")[..],
        ),
        (
            "utf-16be",
            &include_bytes!("fixtures/meeting-report.utf16be.txt")[..],
        ),
    ] {
        let decoded = decode_bytes(bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(decoded.text, MEETING, "{name} read as {}", decoded.encoding);
    }
}

#[test]
fn utf8_cut_mid_character_stays_utf8() {
    let mut bytes = MEETING.as_bytes().to_vec();
    bytes.extend_from_slice(&"会".as_bytes()[..2]);
    let decoded = decode_bytes(&bytes).unwrap();
    assert_eq!(decoded.encoding, "UTF-8");
    assert!(decoded.text.starts_with(MEETING));
}

#[test]
fn binary_files_are_refused() {
    let png = [
        0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d,
    ];
    assert!(decode_bytes(&png).is_err());
    let zip = b"PK\x03\x04\x14\x00\x00\x00\x08\x00";
    assert!(decode_bytes(zip).is_err());
}

#[test]
fn odd_inputs_give_an_analysis_not_a_panic() {
    for text in [
        "",
        "   \n\n\u{3000}",
        "\u{0}\u{202e}\u{200d}😀\u{fffd}",
        "一、",
        "（",
        "第",
        "市",
        "书记",
        "会议强调",
        "<script>alert(1)</script>",
        &"一是".repeat(1000),
        &"十".repeat(500),
    ] {
        let a = analyze(text);
        assert_consistent(text, &a);
    }
}

#[test]
fn analysis_json_has_the_schema_field_names() {
    let a = analyze(MEETING);
    let v: serde_json::Value = serde_json::to_value(&a).unwrap();
    for key in ["language", "outline", "people", "organizations"] {
        assert!(v.get(key).is_some(), "{key}");
    }
    assert_eq!(v["language"], "zh");
    let node = &v["outline"][0];
    for key in ["title", "level", "start", "end", "children"] {
        assert!(node.get(key).is_some(), "outline.{key}");
    }
    assert!(
        v["people"][0].get("titles").is_some()
            && v["people"][0]["mentions"][0].get("start").is_some()
    );
    assert!(v["organizations"][0].get("aliases").is_some());
    let back: Analysis = serde_json::from_value(v).unwrap();
    assert_eq!(back, a);
}

#[test]
fn assets_loaded_at_run_time_give_the_embedded_analysis() {
    use gangmu_core::{analyze_with, Resources};
    let words: &'static str = include_str!("../data/zh-words.tsv");
    let ner: &'static [u8] = include_bytes!("../data/zh-ner.bin");
    let loaded = Resources::load(words, ner).expect("the shipped assets load");
    assert_eq!(analyze_with(MEETING, &loaded), analyze(MEETING));
    assert!(
        Resources::load(words, &ner[..ner.len() / 2]).is_err(),
        "a cut model is refused"
    );
}

#[test]
fn without_assets_the_rules_still_work() {
    let bare = gangmu_core::analyze_with(MEETING, &gangmu_core::Resources::none());
    assert_consistent(MEETING, &bare);
    assert_eq!(bare.people[0].name, "钟书宁");
    assert!(bare
        .organizations
        .iter()
        .any(|o| o.name == "青岚市中级人民法院"));
    assert!(!bare.outline.is_empty());
}

#[test]
fn a_place_read_as_a_name_is_a_person_only_with_a_title() {
    use gangmu_core::{analyze_with, Resources};
    let ner: &'static [u8] = include_bytes!("../data/zh-ner.bin");
    let text = "市长钟书宁出席会议。钟书宁说，要抓好落实。";
    let people = |words: &'static str| -> Vec<String> {
        let resources = Resources::load(words, ner).expect("assets load");
        analyze_with(text, &resources)
            .people
            .into_iter()
            .map(|p| p.name)
            .collect()
    };
    // Titled, the name stands even where the corpus also knows it as a place.
    assert_eq!(people("@钟书宁\t9\n"), vec!["钟书宁"]);
    let untitled = "钟书宁说，要抓好落实。钟书宁强调，要守住底线。";
    let resources = Resources::load("@钟书宁\t9\n", ner).expect("assets load");
    assert!(analyze_with(untitled, &resources).people.is_empty());
    let resources = Resources::load("", ner).expect("assets load");
    assert_eq!(analyze_with(untitled, &resources).people[0].name, "钟书宁");
}
