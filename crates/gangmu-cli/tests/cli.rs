//! The `gangmu` binary as a user runs it.

use std::io::Write;
use std::process::{Command, Output, Stdio};

const MEETING: &str = "../gangmu-core/tests/fixtures/meeting-report.txt";
const MEETING_GB18030: &str = "../gangmu-core/tests/fixtures/meeting-report.gb18030.txt";

fn gangmu(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_gangmu"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("gangmu runs");
    let mut input = child.stdin.take().unwrap();
    input.write_all(stdin.unwrap_or("").as_bytes()).unwrap();
    drop(input);
    child.wait_with_output().unwrap()
}

fn json(out: &Output) -> serde_json::Value {
    assert!(
        out.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("one JSON document")
}

fn names(v: &serde_json::Value, list: &str) -> Vec<String> {
    v[list]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["name"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn analyze_file_prints_the_analysis() {
    let v = json(&gangmu(&["analyze", MEETING], None));
    assert_eq!(v["language"], "zh");
    assert_eq!(names(&v, "people")[0], "钟书宁");
    assert_eq!(
        v["people"][0]["titles"],
        serde_json::json!(["市委常委", "政法委书记"])
    );
    assert!(names(&v, "organizations").contains(&"青岚市中级人民法院".to_string()));
    assert!(!v["outline"].as_array().unwrap().is_empty());
}

#[test]
fn gb18030_file_reads_like_utf8() {
    let utf8 = json(&gangmu(&["analyze", MEETING], None));
    let gb = json(&gangmu(&["analyze", MEETING_GB18030], None));
    assert_eq!(utf8, gb);
}

#[test]
fn stdin_with_dash() {
    let v = json(&gangmu(&["analyze", "-"], Some("市委书记陶知远出席会议。")));
    assert_eq!(names(&v, "people"), ["陶知远"]);
}

#[test]
fn jsonl_maps_lines_and_keeps_ids() {
    let input = "{\"id\":\"a\",\"text\":\"市委书记陶知远出席会议。\"}\n\n{\"id\":7,\"text\":\"会议指出\\n今年工作很重要，要抓好落实。\"}\n";
    let out = gangmu(&["analyze", "--jsonl"], Some(input));
    assert!(out.status.success());
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["id"], "a");
    assert_eq!(lines[1]["id"], "7");
    assert_eq!(lines[1]["outline"][0]["title"], "会议指出");
}

#[test]
fn bad_jsonl_line_is_reported_and_the_rest_analysed() {
    let out = gangmu(
        &["analyze", "--jsonl", "-"],
        Some("not json\n{\"id\":\"ok\",\"text\":\"文本\"}\n"),
    );
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("line 1"));
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().count(), 1);
}

#[test]
fn errors_go_to_stderr_with_a_failure_code() {
    let missing = gangmu(&["analyze", "no-such-file.txt"], None);
    assert!(!missing.status.success());
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no-such-file.txt"));
    assert!(missing.stdout.is_empty());
    let unknown = gangmu(&["frobnicate"], None);
    assert!(!unknown.status.success());
    let binary = gangmu(&["analyze", "-"], Some("\u{0}\u{0}\u{0}binary"));
    assert!(!binary.status.success());
    assert!(String::from_utf8_lossy(&binary.stderr).contains("binary"));
}

#[test]
fn another_model_can_be_given_and_a_bad_one_is_refused() {
    let shipped = json(&gangmu(&["analyze", MEETING], None));
    let same = json(&gangmu(
        &[
            "analyze",
            "--zh-model",
            "../gangmu-core/data/zh-ner.bin",
            MEETING,
        ],
        None,
    ));
    assert_eq!(shipped, same);
    let bad = gangmu(&["analyze", "--zh-model", MEETING, MEETING], None);
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("tagger model"));
}

/// What `gangmu lexicon SUB -o OUT DIR` writes from the corpus in `dir` (then removed).
fn lexicon_of(sub: &str, dir: &std::path::Path) -> String {
    let out = dir.join("lexicon.out");
    let run = gangmu(
        &[
            "lexicon",
            sub,
            "-o",
            out.to_str().unwrap(),
            dir.to_str().unwrap(),
        ],
        None,
    );
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let text = std::fs::read_to_string(&out).unwrap();
    std::fs::remove_dir_all(dir).unwrap();
    text
}

#[test]
fn lexicon_names_levels_the_characters_of_titled_names() {
    let dir = std::env::temp_dir().join(format!("gangmu-names-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("a.txt"),
        "市委书记王晓婷主持会议，副市长李婷、张晓东出席。会议指出，要把工作做实做细。\n\
         区委副书记赵丽婷、区长陈晓东参加调研。调研组指出，要抓好当前的工作。\n",
    )
    .unwrap();
    let table = lexicon_of("names", &dir);
    let level_of = |c: char| {
        table
            .lines()
            .filter(|l| !l.starts_with('#'))
            .find_map(|l| {
                let (level, chars) = l.split_once('\t')?;
                chars.contains(c).then(|| level.parse::<u8>().unwrap())
            })
            .unwrap_or(0)
    };
    assert!(table.starts_with("# gangmu zh given-name characters v1"));
    // 婷 and 晓 are in several names; 的 and 会 in none.
    assert!(level_of('婷') > 0 && level_of('晓') > 0, "{table}");
    assert_eq!(level_of('的'), 0);
    assert_eq!(level_of('会'), 0);
}

#[test]
fn lexicon_build_lists_the_people_named_with_titles_again_and_again() {
    let dir = std::env::temp_dir().join(format!("gangmu-people-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for day in 0..16 {
        let text = if day < 4 {
            "国家副主席高山出席会议并讲话。高山指出，要抓好落实。委员会主任方正出席。\n"
        } else {
            // 方正 is mostly a word: a title in 4 of the 16 documents that contain it.
            "这是一篇方正的文章，字迹方正，布局也方正。\n"
        };
        std::fs::write(dir.join(format!("{day:02}.md")), text).unwrap();
    }
    let list = lexicon_of("build", &dir);
    let people: Vec<&str> = list.lines().filter(|l| l.starts_with('%')).collect();
    assert_eq!(people, ["%高山\t4"], "{list}");
}
