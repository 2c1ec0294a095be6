//! `gangmu train-ner-en`: trains the English name tagger the core ships
//! (`crates/gangmu-core/data/en-ner.bin`) on the labelled corpora in ../shared/corpora/en-ner.
//!
//! Training data (tags PER, ORG, LOC, MISC; the analysis keeps PER and ORG):
//! - CoNLL++ train (`conllpp-train.txt`, CoNLL-2003 with the CrossWeigh corrections): all of it.
//! - re3d (`re3d-train.conll`): Person → PER, Organisation → ORG, Location → LOC, Nationality →
//!   MISC, the rest O. Sentences whose 0-based number is ≡ 4 (mod 5) are held out for measuring;
//!   the other four fifths are trained on `--re3d-weight` times over (default 2): official texts
//!   are the genre Gangmu reads.
//!
//! CoNLL++ dev is never trained on: it stands in for the unseen CoNLL++ test set. The scores
//! printed at the end are on CoNLL++ dev and the re3d held-out fifth: the tagger alone and
//! `analyze` (tagger + rules), sentences as tokens joined by single spaces (what
//! `scripts/eval-en.sh` feeds `gangmu analyze`). Deterministic: fixed seed, fixed epochs.

use std::path::{Path, PathBuf};

use gangmu_core::en::tagger::train::{self, Config, Sentence};
use gangmu_core::en::tagger::{begin, token_spans, Context, Kind, Model, O};
use gangmu_core::{analyze_with, Resources, Span};

pub const EPOCHS: usize = 12;
pub const BITS: u32 = 18;
pub const RE3D_WEIGHT: usize = 2;
const SEED: u64 = 20_261_127;
const PRUNE: f32 = 0.05;

pub struct Options {
    pub output: PathBuf,
    pub corpus: PathBuf,
    pub epochs: usize,
    pub bits: u32,
    pub re3d_weight: usize,
}

pub fn run(options: &Options) -> Result<(), String> {
    let dir = &options.corpus;
    let read = |name: &str| -> Result<String, String> {
        std::fs::read_to_string(dir.join(name))
            .map_err(|e| format!("{}: {e}", dir.join(name).display()))
    };
    let mut sentences = columns(&read("conllpp-train.txt")?, conll_kind);
    let conll_dev = columns(&read("conllpp-dev.txt")?, conll_kind);
    let (mut re3d_train, mut re3d_dev) = (Vec::new(), Vec::new());
    for (n, s) in columns(&read("re3d-train.conll")?, re3d_kind)
        .into_iter()
        .enumerate()
    {
        if n % 5 == 4 {
            re3d_dev.push(s);
        } else {
            re3d_train.push(s);
        }
    }
    for _ in 0..options.re3d_weight {
        sentences.extend(re3d_train.iter().map(|s| Sentence {
            words: s.words.clone(),
            tags: s.tags.clone(),
        }));
    }
    eprintln!(
        "train-ner-en: {} training sentences ({} tokens; re3d {} × {}); dev: CoNLL++ dev {}, re3d held-out fifth {}",
        sentences.len(),
        sentences.iter().map(|s| s.words.len()).sum::<usize>(),
        re3d_train.len(),
        options.re3d_weight,
        conll_dev.len(),
        re3d_dev.len()
    );
    let ctx = Context::new();
    let config = Config {
        bits: options.bits,
        epochs: options.epochs,
        seed: SEED,
        prune: PRUNE,
    };
    let bytes = train::train(&sentences, &ctx, &config, |epoch, errors| {
        eprintln!("train-ner-en: epoch {epoch}: {errors} sentences wrong");
    });
    let bytes: &'static [u8] = Box::leak(bytes.into_boxed_slice());
    let model = Model::from_bytes(bytes).map_err(|e| format!("trained model: {e}"))?;
    println!(
        "{}",
        crate::scores::model_line(options.bits, bytes, gangmu_core::en::tagger::TAGS)
    );
    let merged = Resources::none().with_english(bytes)?;
    let rules = Resources::none();
    let mut feats = Default::default();
    for (name, set) in [
        ("CoNLL++ dev", &conll_dev),
        ("re3d held-out fifth", &re3d_dev),
    ] {
        let tagged = score(set, |s| {
            let refs: Vec<&str> = s.words.iter().map(String::as_str).collect();
            let tags = model.tag_words(&refs, &ctx, &mut feats);
            let offsets = offsets(&s.words);
            token_spans(&tags)
                .into_iter()
                .map(|(k, a, b)| (k, Span::new(offsets[a].start, offsets[b - 1].end)))
                .collect()
        });
        println!("{name}, tagger: {tagged}");
        println!("{name}, rules: {}", score(set, |s| analysed(s, &rules)));
        println!(
            "{name}, tagger + rules (analyze): {}",
            score(set, |s| analysed(s, &merged))
        );
    }
    std::fs::write(&options.output, bytes)
        .map_err(|e| format!("{}: {e}", options.output.display()))?;
    println!("wrote {}", options.output.display());
    Ok(())
}

fn conll_kind(label: &str) -> Option<Kind> {
    match label {
        "PER" => Some(Kind::Per),
        "ORG" => Some(Kind::Org),
        "LOC" => Some(Kind::Loc),
        "MISC" => Some(Kind::Misc),
        _ => None,
    }
}

fn re3d_kind(label: &str) -> Option<Kind> {
    match label {
        "Person" => Some(Kind::Per),
        "Organisation" => Some(Kind::Org),
        "Location" => Some(Kind::Loc),
        "Nationality" => Some(Kind::Misc),
        _ => None,
    }
}

/// "token … label" lines, blank lines between sentences, `-DOCSTART-` skipped. Labels are
/// IOB2 or IOB1 (an I- tag of another type than the open span opens one).
fn columns(text: &str, kind: fn(&str) -> Option<Kind>) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut words = Vec::new();
    let mut tags = Vec::new();
    let mut flush = |words: &mut Vec<String>, tags: &mut Vec<u8>| {
        if !words.is_empty() {
            out.push(Sentence {
                words: std::mem::take(words),
                tags: std::mem::take(tags),
            });
        }
    };
    for line in text.lines() {
        let parts: Vec<&str> = line.split_whitespace().collect();
        if parts.len() < 2 || parts[0] == "-DOCSTART-" {
            flush(&mut words, &mut tags);
            continue;
        }
        let label = parts[parts.len() - 1];
        let tag = match label.split_once('-') {
            Some((pos, k)) => match kind(k) {
                Some(k) => {
                    let b = begin(k);
                    let prev = tags.last().copied().unwrap_or(O);
                    if pos == "B" || !(prev == b || prev == b + 1) {
                        b
                    } else {
                        b + 1
                    }
                }
                None => O,
            },
            None => O,
        };
        words.push(parts[0].to_string());
        tags.push(tag);
    }
    flush(&mut words, &mut tags);
    out
}

/// Char spans of the words in their space-joined text.
fn offsets(words: &[String]) -> Vec<Span> {
    let mut out = Vec::with_capacity(words.len());
    let mut at = 0;
    for w in words {
        let n = w.chars().count();
        out.push(Span::new(at, at + n));
        at += n + 1;
    }
    out
}

fn analysed(s: &Sentence, resources: &Resources) -> Vec<(Kind, Span)> {
    let a = analyze_with(&s.words.join(" "), resources);
    let people = a
        .people
        .iter()
        .flat_map(|p| p.mentions.iter().map(|m| (Kind::Per, *m)));
    let orgs = a
        .organizations
        .iter()
        .flat_map(|o| o.mentions.iter().map(|m| (Kind::Org, *m)));
    people.chain(orgs).collect()
}

/// Exact-span precision/recall/F1 for PER and ORG (other kinds ignored).
fn score(
    sentences: &[Sentence],
    mut predict: impl FnMut(&Sentence) -> Vec<(Kind, Span)>,
) -> String {
    let mut counts = [[0usize; 3]; 2];
    for s in sentences {
        let offs = offsets(&s.words);
        let gold: Vec<(Kind, Span)> = token_spans(&s.tags)
            .into_iter()
            .map(|(k, a, b)| (k, Span::new(offs[a].start, offs[b - 1].end)))
            .collect();
        let pred = predict(s);
        if std::env::var_os("GANGMU_DEBUG").is_some() {
            let text = s.words.join(" ");
            let show = |v: &[(Kind, Span)]| {
                v.iter()
                    .filter(|(k, _)| matches!(k, Kind::Per | Kind::Org))
                    .map(|(k, sp)| {
                        format!(
                            "{k:?}:{}",
                            text.chars()
                                .skip(sp.start)
                                .take(sp.len())
                                .collect::<String>()
                        )
                    })
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            eprintln!("{text}\n  gold {}\n  pred {}", show(&gold), show(&pred));
        }
        crate::scores::tally(&mut counts, [Kind::Per, Kind::Org], &gold, &pred);
    }
    crate::scores::per_org(counts[0], counts[1])
}

/// Parses `train-ner-en -o OUT [--epochs N] [--bits B] [--re3d-weight W] CORPUS_DIR`.
pub fn options(args: &[String]) -> Result<Options, String> {
    let mut output = None;
    let mut corpus = None;
    let mut epochs = EPOCHS;
    let mut bits = BITS;
    let mut re3d_weight = RE3D_WEIGHT;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "-o" => output = Some(it.next().ok_or("-o needs a file")?.clone()),
            "--epochs" => epochs = crate::scores::number_in(&mut it, "--epochs", 1..=1000)?,
            "--bits" => bits = crate::scores::number_in(&mut it, "--bits", 10..=22)? as u32,
            "--re3d-weight" => {
                re3d_weight = crate::scores::number_in(&mut it, "--re3d-weight", 0..=10)?
            }
            a if a.starts_with('-') => return Err(format!("unknown option `{a}`")),
            a if corpus.is_none() => corpus = Some(a.to_string()),
            a => return Err(format!("unexpected argument `{a}`")),
        }
    }
    Ok(Options {
        output: output.ok_or("which output file (-o)?")?.into(),
        corpus: Path::new(&corpus.ok_or("which corpus directory?")?).to_path_buf(),
        epochs,
        bits,
        re3d_weight,
    })
}
