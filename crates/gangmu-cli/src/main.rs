//! `gangmu`: the analysis core on the command line, for corpora and measurement.
//!
//! ```text
//! gangmu analyze FILE|-            the analysis JSON of one text
//! gangmu analyze --jsonl [FILE|-]  {"id","text"} lines in, analysis lines (with id) out
//! gangmu train-ner -o OUT DIR      train the Chinese PER/ORG tagger (see train.rs)
//! gangmu train-ner-en -o OUT DIR   train the English PER/ORG tagger (see train_en.rs)
//! gangmu tag FILE|-                the tagger's own proposals, before the rules (debugging)
//! ```

use std::io::{self, BufRead, BufWriter, Read, Write};
use std::process::ExitCode;

use gangmu_core::{analyze_with, decode::decode_bytes, Analysis, Resources};
use serde::Deserialize;

mod lexicon;
mod scores;
mod train;
mod train_en;

const USAGE: &str = "usage:
  gangmu analyze [--pretty] FILE|-     print the analysis JSON of a text file (- reads stdin)
  gangmu analyze --jsonl [FILE|-]      read {\"id\",\"text\"} lines, print one analysis line each
      [--zh-model FILE]                with another Chinese tagger (e.g. one train-ner wrote)
  gangmu lexicon build -o OUT DIR...   derive the Chinese word list from a raw corpus
  gangmu lexicon names -o OUT DIR...   derive the given-name character levels from a corpus
  gangmu train-ner -o OUT CORPUS_DIR [--epochs N] [--bits B] [--pd-weight W] [--all-scores]
      [--pd-fold K|none] [--extra FILE] train the Chinese NER tagger and print held-out scores
  gangmu train-ner-en -o OUT CORPUS_DIR [--epochs N] [--bits B] [--re3d-weight W]
                                       train the English NER tagger and print held-out scores
  gangmu share-size FILE...            length of the share link each text would make
  gangmu tag [--zh-model FILE] FILE|-  the Chinese tagger's proposals per line, before the rules";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("gangmu: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: &[String]) -> Result<ExitCode, String> {
    let (command, rest) = args.split_first().ok_or_else(|| USAGE.to_string())?;
    if command == "-h" || command == "--help" {
        println!("{USAGE}");
        return Ok(ExitCode::SUCCESS);
    }
    if command == "share-size" {
        return share_size(rest);
    }
    if command == "tag" {
        return tag(rest);
    }
    if command == "lexicon" {
        return build_lexicon(rest);
    }
    if command == "train-ner" {
        let options = train::options(rest).map_err(|e| format!("{e}\n{USAGE}"))?;
        train::run(&options)?;
        return Ok(ExitCode::SUCCESS);
    }
    if command == "train-ner-en" {
        let options = train_en::options(rest).map_err(|e| format!("{e}\n{USAGE}"))?;
        train_en::run(&options)?;
        return Ok(ExitCode::SUCCESS);
    }
    if command != "analyze" {
        return Err(format!("unknown command `{command}`\n{USAGE}"));
    }
    let mut jsonl = false;
    let mut pretty = false;
    let mut path = None;
    let mut zh_model = None;
    let mut args = rest.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--jsonl" => jsonl = true,
            "--zh-model" => zh_model = Some(args.next().ok_or("--zh-model needs a file")?),
            "--pretty" => pretty = true,
            "-" => path = Some("-"),
            a if a.starts_with("--") => return Err(format!("unknown option `{a}`\n{USAGE}")),
            a if path.is_none() => path = Some(a),
            a => return Err(format!("unexpected argument `{a}`\n{USAGE}")),
        }
    }
    let resources = match zh_model {
        Some(file) => {
            let model = std::fs::read(file).map_err(|e| format!("{file}: {e}"))?;
            Resources::load(train::WORDS, Box::leak(model.into_boxed_slice()))?
        }
        None => Resources::embedded(),
    };
    let bytes = read_input(path.unwrap_or(if jsonl { "-" } else { "" }))?;
    if jsonl {
        return analyze_jsonl(&bytes, &resources);
    }
    let text = decode_bytes(&bytes)
        .map_err(|e| format!("{}: {e}", path.unwrap_or("-")))?
        .text;
    let analysis = analyze_with(&text, &resources);
    let json = if pretty {
        serde_json::to_string_pretty(&analysis)
    } else {
        serde_json::to_string(&analysis)
    };
    println!("{}", json.map_err(|e| e.to_string())?);
    Ok(ExitCode::SUCCESS)
}

/// Prints, per file, the text's size and the length of its share-link fragment: the figures
/// to hold against the limits people hit (QR ~2,900, chat apps ~4,000, address bar ~32,000).
fn share_size(files: &[String]) -> Result<ExitCode, String> {
    if files.is_empty() {
        return Err(format!("which files?\n{USAGE}"));
    }
    println!("file\tchars\tutf8_bytes\tfragment_chars\tratio");
    for f in files {
        let text = decode_bytes(&read_input(f)?)
            .map_err(|e| format!("{f}: {e}"))?
            .text;
        let fragment =
            gangmu_core::share::Shared::new(text.clone(), Default::default()).to_fragment();
        println!(
            "{f}\t{}\t{}\t{}\t{:.3}",
            text.chars().count(),
            text.len(),
            fragment.len(),
            fragment.len() as f64 / text.len() as f64
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn build_lexicon(args: &[String]) -> Result<ExitCode, String> {
    let (sub, rest) = args.split_first().ok_or_else(|| USAGE.to_string())?;
    if sub != "build" && sub != "names" {
        return Err(format!("unknown lexicon command `{sub}`\n{USAGE}"));
    }
    let mut output = None;
    let mut inputs = Vec::new();
    let mut it = rest.iter();
    while let Some(arg) = it.next() {
        if arg == "-o" {
            output = Some(it.next().ok_or("-o needs a file")?.clone());
        } else {
            inputs.push(std::path::PathBuf::from(arg));
        }
    }
    let output = output.ok_or_else(|| format!("which output file (-o)?\n{USAGE}"))?;
    if inputs.is_empty() {
        return Err(format!("which corpus?\n{USAGE}"));
    }
    if sub == "names" {
        lexicon::names(&inputs, std::path::Path::new(&output))?;
    } else {
        lexicon::build(&inputs, std::path::Path::new(&output))?;
    }
    Ok(ExitCode::SUCCESS)
}

fn read_input(path: &str) -> Result<Vec<u8>, String> {
    match path {
        "" => Err(format!("which file?\n{USAGE}")),
        "-" => {
            let mut bytes = Vec::new();
            io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|e| format!("reading stdin: {e}"))?;
            Ok(bytes)
        }
        p => std::fs::read(p).map_err(|e| format!("{p}: {e}")),
    }
}

#[derive(Deserialize)]
struct Document {
    #[serde(default)]
    id: Option<serde_json::Value>,
    text: String,
}

/// One analysis line per input line; a bad line is reported on stderr and skipped, and the
/// exit code says whether any was.
fn analyze_jsonl(bytes: &[u8], resources: &Resources) -> Result<ExitCode, String> {
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut failed = 0usize;
    for (number, line) in bytes.lines().enumerate() {
        let line = line.map_err(|e| format!("line {}: {e}", number + 1))?;
        if line.trim().is_empty() {
            continue;
        }
        let doc: Document = match serde_json::from_str(&line) {
            Ok(doc) => doc,
            Err(e) => {
                eprintln!(
                    "gangmu: line {}: not a {{\"id\",\"text\"}} object: {e}",
                    number + 1
                );
                failed += 1;
                continue;
            }
        };
        let mut analysis: Analysis = analyze_with(&doc.text, resources);
        analysis.id = doc.id.map(|id| match id {
            serde_json::Value::String(s) => s,
            other => other.to_string(),
        });
        serde_json::to_writer(&mut out, &analysis).map_err(|e| e.to_string())?;
        out.write_all(b"\n").map_err(|e| e.to_string())?;
    }
    out.flush().map_err(|e| e.to_string())?;
    Ok(if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// The Chinese tagger's spans for each line of a text, before the rules judge them: for
/// looking at what the statistical model proposes.
fn tag(args: &[String]) -> Result<ExitCode, String> {
    use gangmu_core::zh::{tagger, words::Lexicon};
    let (path, model_bytes) = match args {
        [path] => (path, None),
        [flag, model, path] if flag == "--zh-model" => {
            let bytes = std::fs::read(model).map_err(|e| format!("{model}: {e}"))?;
            (path, Some(bytes))
        }
        _ => {
            return Err(format!(
                "tag takes [--zh-model FILE] and one FILE or -\n{USAGE}"
            ))
        }
    };
    let text = decode_bytes(&read_input(path)?)
        .map_err(|e| format!("{path}: {e}"))?
        .text;
    let model = match model_bytes.as_deref() {
        Some(bytes) => tagger::Model::from_bytes(bytes).map_err(|e| format!("{e:?}"))?,
        None => tagger::Model::shipped().ok_or("the shipped tagger does not parse")?,
    };
    let lexicon = Lexicon::load();
    let ctx = tagger::Context::new(&lexicon);
    let out = io::stdout();
    let mut out = BufWriter::new(out.lock());
    for line in text.lines() {
        let chars: Vec<char> = line.chars().collect();
        let spans: Vec<String> = model
            .spans(&chars, &ctx)
            .into_iter()
            .map(|(kind, span)| {
                let name: String = chars[span.start..span.end].iter().collect();
                format!("{kind:?}:{name}")
            })
            .collect();
        writeln!(out, "{}", spans.join(" ")).map_err(|e| e.to_string())?;
    }
    Ok(ExitCode::SUCCESS)
}
