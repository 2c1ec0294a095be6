//! English and mixed-language documents written for these tests (invented people, places and
//! bodies): what a reader of each expects, with the shipped English tagger, and the invariants
//! every analysis keeps.

use gangmu_core::{
    analyze, analyze_with, needs_english, Analysis, Language, OutlineNode, Resources,
};

const CRS_STYLE: &str = include_str!("fixtures/en-crs-style-report.txt");
const MINUTES: &str = include_str!("fixtures/en-meeting-minutes.txt");
const MIXED: &str = include_str!("fixtures/mixed-zh-en.txt");
const EN_ON_CHINA: &str = include_str!("fixtures/en-report-chinese-bodies.txt");
const ZH_WITH_NAMES: &str = include_str!("fixtures/zh-with-english-names.txt");

fn slice(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

/// Spans inside the text and spelling their entity's name or an alias, mentions disjoint,
/// outline levels equal to depth and in document order.
fn assert_consistent(text: &str, a: &Analysis) {
    let len = text.chars().count();
    assert_eq!(a.chars, len);
    let mut all = Vec::new();
    for (name, aliases, mentions) in a
        .people
        .iter()
        .map(|p| (&p.name, &p.aliases, &p.mentions))
        .chain(
            a.organizations
                .iter()
                .map(|o| (&o.name, &o.aliases, &o.mentions)),
        )
    {
        assert!(!mentions.is_empty(), "{name} has no mention");
        for m in mentions {
            assert!(m.start < m.end && m.end <= len);
            let s = slice(text, m.start, m.end);
            assert!(
                &s == name || aliases.contains(&s),
                "{s:?} is not a form of {name}"
            );
            all.push(*m);
        }
    }
    all.sort();
    for w in all.windows(2) {
        assert!(w[0].end <= w[1].start, "overlap {:?} {:?}", w[0], w[1]);
    }
    fn walk(text: &str, nodes: &[OutlineNode], depth: u32, last: &mut usize) {
        for n in nodes {
            assert_eq!(n.level, depth);
            assert!(n.start >= *last);
            assert_eq!(slice(text, n.start, n.end), n.title);
            *last = n.start;
            walk(text, &n.children, depth + 1, last);
        }
    }
    walk(text, &a.outline, 1, &mut 0);
    // Language runs of a mixed document cover the text in order.
    if let Some(first) = a.languages.first() {
        assert_eq!(first.start, 0);
        assert_eq!(a.languages.last().map(|r| r.end), Some(len));
        for w in a.languages.windows(2) {
            assert_eq!(w[0].end, w[1].start);
            assert_ne!(w[0].language, w[1].language);
        }
    }
}

fn titles(nodes: &[OutlineNode]) -> Vec<(String, u32)> {
    let mut out = Vec::new();
    for n in nodes {
        out.push((n.title.clone(), n.level));
        out.extend(titles(&n.children));
    }
    out
}

fn owned(v: &[(&str, u32)]) -> Vec<(String, u32)> {
    v.iter().map(|(t, l)| (t.to_string(), *l)).collect()
}

fn person<'a>(a: &'a Analysis, name: &str) -> &'a gangmu_core::Person {
    a.people
        .iter()
        .find(|p| p.name == name)
        .unwrap_or_else(|| panic!("no person {name} in {:?}", names(a)))
}

fn org<'a>(a: &'a Analysis, name: &str) -> &'a gangmu_core::Organization {
    a.organizations
        .iter()
        .find(|o| o.name == name)
        .unwrap_or_else(|| panic!("no organisation {name} in {:?}", names(a)))
}

fn names(a: &Analysis) -> Vec<&str> {
    a.people
        .iter()
        .map(|p| p.name.as_str())
        .chain(a.organizations.iter().map(|o| o.name.as_str()))
        .collect()
}

#[test]
fn crs_style_report_outline_skips_captions_tables_lists_and_page_headers() {
    let a = analyze(CRS_STYLE);
    assert_consistent(CRS_STYLE, &a);
    assert_eq!(a.language, Language::En);
    assert!(a.languages.is_empty(), "a pure English text is not mixed");
    assert_eq!(
        titles(&a.outline),
        owned(&[
            (
                "Rural Water Infrastructure: Federal Programs and Issues for Congress",
                1
            ),
            ("Summary", 1),
            ("Introduction", 1),
            // A heading followed directly by another is an empty parent.
            ("Federal Programs", 1),
            ("USDA Water and Waste Disposal Loans", 2),
            ("EPA State Revolving Funds", 1),
            ("Issues for Congress", 1),
            ("Program Consolidation", 2),
            ("Workforce Shortages", 1),
            ("Concluding Observations", 1),
        ])
    );
    // Key terms per section, English stop-words left out.
    let summary = &a.outline[1];
    assert!(!summary.keywords.is_empty());
    for k in &summary.keywords {
        assert!(!["the", "and", "of", "this"].contains(&k.as_str()), "{k}");
    }
}

#[test]
fn crs_style_report_people_with_titles_and_surnames() {
    let a = analyze(CRS_STYLE);
    let delgado = person(&a, "Maria Delgado");
    assert_eq!(delgado.titles, ["Senator"]);
    // "Delgado's bill" and "as Delgado and Okoro": the possessive stays outside the name.
    assert_eq!(delgado.aliases, ["Delgado"]);
    assert_eq!(delgado.mentions.len(), 3);
    assert_eq!(person(&a, "Samuel Okoro").titles, ["Representative"]);
    let reyes = person(&a, "Thomas Reyes");
    assert_eq!(reyes.titles, ["Secretary of Agriculture"]);
    assert_eq!(reyes.mentions.len(), 2, "Reyes alone is the same person");
    assert_eq!(
        person(&a, "Helen Marsh").titles,
        ["chairman of the Rural Water Finance Authority"]
    );
    // A name with no title, found by the tagger.
    person(&a, "Jonathan Pierce");
    // Table cells, headings and the page header yield no people.
    for p in &a.people {
        assert!(
            ![
                "Waste Disposal",
                "Program",
                "Federal Programs",
                "CONGRESSIONAL"
            ]
            .iter()
            .any(|bad| p.name.contains(bad)),
            "{}",
            p.name
        );
    }
}

#[test]
fn crs_style_report_organisations_merge_acronyms() {
    let a = analyze(CRS_STYLE);
    let usda = org(&a, "Department of Agriculture");
    assert!(usda.aliases.contains(&"USDA".to_string()));
    // The defining mention, "USDA" alone three times (the heading's included), "the
    // Department of Agriculture" again.
    assert!(usda.mentions.len() >= 4, "{usda:?}");
    let rwfa = org(&a, "Rural Water Finance Authority");
    assert_eq!(rwfa.aliases, ["RWFA"]);
    assert_eq!(rwfa.mentions.len(), 4);
    assert_eq!(org(&a, "Environmental Protection Agency").aliases, ["EPA"]);
    org(&a, "National Rural Water Association");
    org(&a, "Congress");
    assert!(
        !a.organizations
            .iter()
            .any(|o| o.name.starts_with("Secretary") || o.name == "Table"),
        "{:?}",
        names(&a)
    );
}

#[test]
fn meeting_minutes_numbered_sections_and_officers() {
    let a = analyze(MINUTES);
    assert_consistent(MINUTES, &a);
    assert_eq!(
        titles(&a.outline),
        owned(&[
            (
                "Minutes of the Regular Meeting of the Harbor District Board",
                1
            ),
            ("1. Call to Order", 1),
            ("2. Approval of the Agenda", 1),
            ("3. Reports", 1),
            ("3.1 Treasurer's Report", 2),
            ("3.2 General Manager's Report", 2),
            ("(a) Dredging Schedule", 3),
            ("(b) Public Access", 3),
            ("4. New Business", 1),
            ("5. Adjournment", 1),
        ]),
        "the date line is no heading"
    );
    let expected = [
        ("Linda Okafor", "Chair"),
        ("Peter Lindqvist", "Vice Chair"),
        ("Rosa Almeida", "Commissioner"),
        ("Daniel Hartmann", "Commissioner"),
        ("Aisha Rahman", "General Manager"),
    ];
    for (name, title) in expected {
        let p = person(&a, name);
        assert_eq!(p.titles, [title], "{name}");
        assert_eq!(p.mentions.len(), 2, "{name} is named again by surname");
    }
    assert_eq!(a.people.len(), expected.len(), "{:?}", names(&a));
    org(&a, "Army Corps of Engineers");
    org(&a, "Northshore Marine Services");
}

#[test]
fn mixed_document_gets_both_analysers() {
    let a = analyze(MIXED);
    assert_consistent(MIXED, &a);
    assert_eq!(a.language, Language::Zh, "the main language");
    let runs: Vec<Language> = a.languages.iter().map(|r| r.language).collect();
    assert_eq!(runs, [Language::Zh, Language::En]);
    let english_start = MIXED.find("English Summary").unwrap();
    let english_start = MIXED[..english_start].chars().count();
    assert_eq!(a.languages[1].start, english_start);
    assert_eq!(
        titles(&a.outline),
        owned(&[
            ("一、会议概况", 1),
            ("二、主要议题", 1),
            ("三、下一步工作", 1),
            ("English Summary for Partners", 1),
            ("Overview of the Meeting", 2),
            ("Port Logistics Project", 1),
        ])
    );
    // Chinese people with their Chinese titles, English ones with theirs.
    assert_eq!(person(&a, "周文涛").titles, ["市长"]);
    assert_eq!(person(&a, "韩雪梅").titles, ["副市长"]);
    assert_eq!(person(&a, "Zhou Wentao").titles, ["Mayor"]);
    assert_eq!(person(&a, "Han Xuemei").titles, ["Vice Mayor"]);
    let whitfield = person(&a, "Claire Whitfield");
    assert_eq!(whitfield.titles, ["Ambassador"]);
    assert_eq!(whitfield.mentions.len(), 2);
    org(&a, "滨江市商务局");
    org(&a, "Binjiang Commerce Bureau");
    assert_eq!(org(&a, "Nordic Shipping Alliance").aliases, ["NSA"]);
    // Headings of the English part are no organisations.
    assert!(
        !a.organizations.iter().any(|o| o.name.contains("Partners")),
        "{:?}",
        names(&a)
    );
}

#[test]
fn english_report_on_chinese_bodies() {
    let a = analyze(EN_ON_CHINA);
    assert_consistent(EN_ON_CHINA, &a);
    assert_eq!(a.language, Language::En);
    assert!(
        a.languages.is_empty(),
        "a few Han characters do not make it mixed"
    );
    assert_eq!(org(&a, "People's Bank of China").aliases, ["PBOC"]);
    assert_eq!(org(&a, "People's Bank of China").mentions.len(), 3);
    // The Chinese name inside the English sentence goes to the Chinese analyser.
    org(&a, "中国人民银行");
    let li = person(&a, "Li Mingyuan");
    assert_eq!(li.titles, ["Governor"]);
    assert_eq!(li.mentions.len(), 2);
    assert_eq!(
        org(&a, "National Financial Regulatory Administration").aliases,
        ["NFRA"]
    );
}

#[test]
fn chinese_report_quoting_english_names_stays_chinese() {
    let a = analyze(ZH_WITH_NAMES);
    assert_consistent(ZH_WITH_NAMES, &a);
    assert_eq!(a.language, Language::Zh);
    assert!(a.languages.is_empty());
    assert_eq!(person(&a, "周文涛").titles, ["市长"]);
    org(&a, "滨江市人民政府");
    // English names inside Chinese sentences are read by the English analyser.
    assert_eq!(person(&a, "Michael Anderson").mentions.len(), 2);
    person(&a, "Sarah Collins");
    let json = serde_json::to_value(&a).unwrap();
    assert_eq!(json["language"], "zh");
    assert!(
        json.get("languages").is_none(),
        "absent for one-language texts"
    );
}

#[test]
fn which_texts_need_the_english_model() {
    assert!(needs_english(CRS_STYLE));
    assert!(needs_english(MIXED));
    assert!(!needs_english(ZH_WITH_NAMES));
    assert!(!needs_english(include_str!("fixtures/meeting-report.txt")));
}

#[test]
fn english_without_the_tagger_still_analyses_by_rules() {
    let bare = analyze_with(CRS_STYLE, &Resources::none());
    assert_consistent(CRS_STYLE, &bare);
    assert_eq!(person(&bare, "Maria Delgado").titles, ["Senator"]);
    assert!(!Resources::none().has_english());
    assert!(Resources::embedded().has_english());
    assert!(Resources::none().with_english(&[1, 2, 3]).is_err());
}

#[test]
fn all_caps_lines_are_not_names() {
    let text = "ANNUAL REVIEW OF HARBOR OPERATIONS\n\nPREPARED FOR THE BOARD\n\n\
The review covers dredging, fuel sales and pier maintenance in 2025.\n";
    let a = analyze(text);
    assert_consistent(text, &a);
    assert!(a.people.is_empty(), "{:?}", names(&a));
}

#[test]
fn names_broken_by_possessives_and_quotes() {
    let text = "Governor Alma Ruiz’s budget cut the Coastal Transit Authority’s grant. \
\"We will appeal,\" said Ruiz. The Coastal Transit Authority (CTA) board met Friday; CTA staff attended.";
    let a = analyze(text);
    assert_consistent(text, &a);
    let ruiz = person(&a, "Alma Ruiz");
    assert_eq!(ruiz.titles, ["Governor"]);
    assert_eq!(ruiz.mentions.len(), 2);
    let cta = org(&a, "Coastal Transit Authority");
    assert!(cta.aliases.contains(&"CTA".to_string()));
    assert_eq!(cta.mentions.len(), 4);
}

#[test]
fn names_broken_over_lines_in_wrapped_prose() {
    let text =
        "In its latest review of the grant program, the agency asked the Congressional Research\n\
Service (CRS) for data on awards. The request came from Senator Maria Delgado, and CRS\n\
answered within a week; the Congressional Research Service also briefed the committee staff.\n";
    let a = analyze(text);
    assert_consistent(text, &a);
    let crs = org(&a, "Congressional Research Service");
    assert!(crs.aliases.contains(&"CRS".to_string()), "{crs:?}");
    assert!(
        crs.aliases
            .contains(&"Congressional Research\nService".to_string()),
        "the broken form is an alias: {crs:?}"
    );
    assert_eq!(crs.mentions.len(), 4);
    assert_eq!(person(&a, "Maria Delgado").titles, ["Senator"]);
}

#[test]
fn a_surname_read_as_a_place_is_still_the_person() {
    let text = "The proposal by Senator Maria Delgado asked the service for data. \
The agency replied to Delgado.";
    let a = analyze(text);
    assert_consistent(text, &a);
    assert_eq!(person(&a, "Maria Delgado").mentions.len(), 2);
}
