//! What the export buttons download or copy: pure functions of the analysis (tested natively);
//! the page only wraps their output in a Blob (see `browser.rs`).

use gangmu_core::{Analysis, FormulationKind, Language, OutlineNode};

/// Byte-order mark that makes Excel read a CSV file as UTF-8 (Chinese otherwise garbles).
const BOM: &str = "\u{feff}";
/// Separator for titles and aliases inside one CSV field, as the page shows them.
const LIST_SEP: &str = "、";

/// The analysis as the CLI prints it (`gangmu analyze --pretty`).
pub fn analysis_json(a: &Analysis) -> String {
    serde_json::to_string_pretty(a).expect("the analysis serialises")
}

/// One CSV field (RFC 4180): quoted when it holds a comma, quote or line break, quotes
/// doubled. A field that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR
/// first) gets a leading apostrophe.
pub fn csv_field(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

fn csv(header: &[&str], rows: impl Iterator<Item = Vec<String>>) -> String {
    let mut out = String::from(BOM);
    let line = |fields: Vec<String>| fields.join(",") + "\r\n";
    out.push_str(&line(header.iter().map(|h| csv_field(h)).collect()));
    for r in rows {
        out.push_str(&line(r.iter().map(|f| csv_field(f)).collect()));
    }
    out
}

/// People: name, titles (joined with 、), number of mentions. UTF-8 with BOM, CRLF.
pub fn people_csv(a: &Analysis) -> String {
    csv(
        &["name", "titles", "mentions"],
        a.people.iter().map(|p| {
            vec![
                p.name.clone(),
                p.titles.join(LIST_SEP),
                p.mentions.len().to_string(),
            ]
        }),
    )
}

/// Organisations: name, aliases (joined with 、), number of mentions.
pub fn organizations_csv(a: &Analysis) -> String {
    csv(
        &["name", "aliases", "mentions"],
        a.organizations.iter().map(|o| {
            vec![
                o.name.clone(),
                o.aliases.join(LIST_SEP),
                o.mentions.len().to_string(),
            ]
        }),
    )
}

/// Words of the Markdown export, in the document's language.
struct Words {
    outline: &'static str,
    keywords: &'static str,
    formulations: &'static str,
    people: &'static str,
    organizations: &'static str,
    aliases: &'static str,
    open: &'static str,
    close: &'static str,
    sep: &'static str,
    list_sep: &'static str,
    colon: &'static str,
}

const ZH_WORDS: Words = Words {
    outline: "提纲",
    keywords: "关键词",
    formulations: "提法",
    people: "人物",
    organizations: "机构",
    aliases: "又称",
    open: "（",
    close: "）",
    sep: "；",
    list_sep: "、",
    colon: "：",
};

const EN_WORDS: Words = Words {
    outline: "Outline",
    keywords: "key terms",
    formulations: "formulations",
    people: "People",
    organizations: "Organisations",
    aliases: "also",
    open: " (",
    close: ")",
    sep: "; ",
    list_sep: ", ",
    colon: ": ",
};

/// Backslash-escapes the characters that would make text Markdown syntax.
pub fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '{' | '}' | '!' => {
                out.push('\\');
                out.push(c);
            }
            '\r' | '\n' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

fn quoted(a: &Analysis, text: &str) -> String {
    let q = a
        .formulations
        .iter()
        .find(|f| f.text == text)
        .is_none_or(|f| f.kind == FormulationKind::Quoted);
    if q {
        format!("“{}”", md_escape(text))
    } else {
        md_escape(text)
    }
}

fn outline_md(a: &Analysis, nodes: &[OutlineNode], depth: usize, w: &Words, out: &mut String) {
    for n in nodes {
        out.push_str(&"  ".repeat(depth));
        out.push_str("- ");
        out.push_str(&md_escape(n.title.trim()));
        let mut meta = Vec::new();
        if !n.keywords.is_empty() {
            let k: Vec<String> = n.keywords.iter().map(|k| md_escape(k)).collect();
            meta.push(format!("{}{}{}", w.keywords, w.colon, k.join(w.list_sep)));
        }
        if !n.formulations.is_empty() {
            let f: Vec<String> = n
                .formulations
                .iter()
                .map(|f| {
                    if f.count > 1 {
                        format!("{}×{}", quoted(a, &f.text), f.count)
                    } else {
                        quoted(a, &f.text)
                    }
                })
                .collect();
            meta.push(format!(
                "{}{}{}",
                w.formulations,
                w.colon,
                f.join(w.list_sep)
            ));
        }
        if !meta.is_empty() {
            out.push_str(w.open);
            out.push_str(&meta.join(w.sep));
            out.push_str(w.close);
        }
        out.push('\n');
        outline_md(a, &n.children, depth + 1, w, out);
    }
}

/// The outline as a nested Markdown list, each heading with its key terms and formulations,
/// then the people and organisations. `title` (the document's first line) heads the file.
pub fn outline_markdown(a: &Analysis, title: &str) -> String {
    let w = match a.language {
        Language::En => &EN_WORDS,
        _ => &ZH_WORDS,
    };
    let mut out = String::new();
    if !title.trim().is_empty() {
        out.push_str(&format!("# {}\n\n", md_escape(title.trim())));
    }
    out.push_str(&format!("## {}\n\n", w.outline));
    outline_md(a, &a.outline, 0, w, &mut out);
    if !a.people.is_empty() {
        out.push_str(&format!("\n## {}\n\n", w.people));
        for line in people_lines(a, w) {
            out.push_str(&format!("- {}\n", md_escape(&line)));
        }
    }
    if !a.organizations.is_empty() {
        out.push_str(&format!("\n## {}\n\n", w.organizations));
        for line in organization_lines(a, w) {
            out.push_str(&format!("- {}\n", md_escape(&line)));
        }
    }
    out
}

fn people_lines(a: &Analysis, w: &Words) -> Vec<String> {
    a.people
        .iter()
        .map(|p| {
            if p.titles.is_empty() {
                p.name.clone()
            } else {
                format!("{}{}{}{}", p.name, w.open, p.titles.join("、"), w.close)
            }
        })
        .collect()
}

fn organization_lines(a: &Analysis, w: &Words) -> Vec<String> {
    a.organizations
        .iter()
        .map(|o| {
            if o.aliases.is_empty() {
                o.name.clone()
            } else {
                format!(
                    "{}{}{} {}{}",
                    o.name,
                    w.open,
                    w.aliases,
                    o.aliases.join("、"),
                    w.close
                )
            }
        })
        .collect()
}

/// The people list as plain text for the clipboard: one a line, with titles.
pub fn people_text(a: &Analysis) -> String {
    let w = if a.language == Language::En {
        &EN_WORDS
    } else {
        &ZH_WORDS
    };
    people_lines(a, w).join("\n")
}

/// The organisations list as plain text for the clipboard: one a line, with aliases.
pub fn organizations_text(a: &Analysis) -> String {
    let w = if a.language == Language::En {
        &EN_WORDS
    } else {
        &ZH_WORDS
    };
    organization_lines(a, w).join("\n")
}

/// A file name from the document's title: characters file systems refuse are dropped,
/// and it is cut short; `gangmu` when nothing is left.
pub fn file_stem(title: &str) -> String {
    let s: String = title
        .chars()
        .filter(|c| !c.is_control() && !r#"\/:*?"<>|#%…"#.contains(*c))
        .take(30)
        .collect();
    let s = s.trim().trim_matches('.').trim();
    if s.is_empty() {
        "gangmu".into()
    } else {
        s.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn analysis() -> Analysis {
        serde_json::from_value(json!({
            "language": "zh",
            "chars": 80,
            "outline": [
                {"title": "会议指出", "level": 1, "start": 0, "end": 4, "kind": "marker",
                 "keywords": ["审判", "管理"],
                 "formulations": [{"text": "公正与效率", "count": 2}],
                 "children": [
                    {"title": "一是*抓*落实", "level": 2, "start": 5, "end": 12, "children": []}
                 ]},
                {"title": "会议强调", "level": 1, "start": 40, "end": 44,
                 "formulations": [{"text": "两个确立", "count": 1}], "children": []}
            ],
            "people": [
                {"name": "周明远", "titles": ["市委副书记", "政法委书记"],
                 "mentions": [{"start": 10, "end": 13}, {"start": 25, "end": 28}]},
                {"name": "=HYPERLINK(\"x\")", "titles": [], "mentions": [{"start": 50, "end": 53}]}
            ],
            "organizations": [
                {"name": "临江市中级人民法院", "aliases": ["临江中院", "市中院"],
                 "mentions": [{"start": 30, "end": 39}]},
                {"name": "市委政法委, 办公室", "aliases": [], "mentions": []}
            ],
            "formulations": [
                {"text": "公正与效率", "kind": "quoted", "count": 2,
                 "mentions": [{"start": 6, "end": 9}, {"start": 41, "end": 44}]},
                {"text": "两个确立", "kind": "numbered", "count": 1,
                 "mentions": [{"start": 21, "end": 25}]}
            ]
        }))
        .expect("test analysis matches the schema")
    }

    #[test]
    fn csv_fields_follow_rfc_4180() {
        assert_eq!(csv_field("周明远"), "周明远");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("说“好”和\"好\""), "\"说“好”和\"\"好\"\"\"");
        assert_eq!(csv_field("两行\n文字"), "\"两行\n文字\"");
        assert_eq!(csv_field("=1+1"), "'=1+1");
        assert_eq!(csv_field("-5"), "'-5");
        assert_eq!(csv_field(""), "");
    }

    #[test]
    fn people_and_organisations_csv() {
        let a = analysis();
        let p = people_csv(&a);
        assert!(p.starts_with('\u{feff}'), "BOM for Excel");
        assert_eq!(
            p.trim_start_matches('\u{feff}'),
            "name,titles,mentions\r\n\
             周明远,市委副书记、政法委书记,2\r\n\
             \"'=HYPERLINK(\"\"x\"\")\",,1\r\n"
        );
        let o = organizations_csv(&a);
        assert_eq!(
            o.trim_start_matches('\u{feff}'),
            "name,aliases,mentions\r\n\
             临江市中级人民法院,临江中院、市中院,1\r\n\
             \"市委政法委, 办公室\",,0\r\n"
        );
        // An empty analysis still has its header.
        assert_eq!(
            people_csv(&Analysis::default()),
            "\u{feff}name,titles,mentions\r\n"
        );
    }

    #[test]
    fn markdown_outline_nests_with_terms_and_formulations() {
        let md = outline_markdown(&analysis(), "关于召开会议的情况");
        let expected = "# 关于召开会议的情况\n\n## 提纲\n\n\
            - 会议指出（关键词：审判、管理；提法：“公正与效率”×2）\n\
            \x20\x20- 一是\\*抓\\*落实\n\
            - 会议强调（提法：两个确立）\n\n\
            ## 人物\n\n\
            - 周明远（市委副书记、政法委书记）\n\
            - =HYPERLINK(\"x\")\n\n\
            ## 机构\n\n\
            - 临江市中级人民法院（又称 临江中院、市中院）\n\
            - 市委政法委, 办公室\n";
        assert_eq!(md, expected);
        let empty = outline_markdown(&Analysis::default(), "");
        assert_eq!(empty, "## 提纲\n\n");
    }

    #[test]
    fn english_documents_get_english_words() {
        let mut a = analysis();
        a.language = Language::En;
        let md = outline_markdown(&a, "");
        assert!(md.starts_with(
            "## Outline\n\n- 会议指出 (key terms: 审判, 管理; formulations: “公正与效率”×2)\n"
        ));
        assert_eq!(
            organizations_text(&a),
            "临江市中级人民法院 (also 临江中院、市中院)\n市委政法委, 办公室"
        );
    }

    #[test]
    fn clipboard_lists_and_json() {
        let a = analysis();
        assert_eq!(
            people_text(&a),
            "周明远（市委副书记、政法委书记）\n=HYPERLINK(\"x\")"
        );
        let json: serde_json::Value = serde_json::from_str(&analysis_json(&a)).unwrap();
        assert_eq!(json["people"][0]["name"], "周明远");
        assert_eq!(json["organizations"][0]["aliases"][1], "市中院");
    }

    #[test]
    fn file_stems() {
        assert_eq!(
            file_stem("关于开展“回头看”的通知"),
            "关于开展“回头看”的通知"
        );
        assert_eq!(file_stem("a/b:c*d?"), "abcd");
        assert_eq!(file_stem("  ..  "), "gangmu");
        assert_eq!(file_stem(""), "gangmu");
    }
}
