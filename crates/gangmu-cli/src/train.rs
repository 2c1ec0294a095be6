//! `gangmu train-ner`: trains the Chinese people/organisation tagger the core ships
//! (`crates/gangmu-core/data/zh-ner.bin`) on the labelled corpora in ../shared/corpora/zh-ner.
//!
//! Training data, mapped to PER and ORG (everything else is O):
//! - CLUENER2020 train (`cluener2020-train.jsonl`): `name` → PER; `organization`, `government`,
//!   `company` → ORG. Lines whose 0-based number is ≡ 9 (mod 10) are held out for measuring
//!   (`scripts/eval-ner.sh` scores the same tenth).
//! - Resume (`resume-{train,dev}.bmes`): NAME → PER, ORG → ORG.
//! - Weibo (`weibo-{train,dev}.conll`): PER.NAM → PER, ORG.NAM → ORG (nominal mentions are O).
//!
//! - People's Daily 1998 dev (`peoples-daily-1998-dev.bio`): PER, ORG, trained on `--pd-weight`
//!   times over (default 10): the held-out test sets (MSRA, People's Daily test) follow its
//!   annotation conventions, which the other corpora do not. All of it for the shipped model;
//!   with `--pd-fold K` the sentences whose 0-based number is ≡ K (mod 5) are held out and
//!   scored, for cross-validation (`scripts/eval-ner.sh` trains and scores each fifth).
//!
//! - `--extra FILE` (any number): more sentences, in People's Daily's column format, labelled
//!   elsewhere — for experiments such as self-training or distillation (neither is in the
//!   shipped model: measured by cross-validation, neither helped; see the README).
//!
//! The CLUENER held-out tenth (and the People's Daily fifth, if one is held out) give the scores printed
//! at the end: the tagger alone and `analyze` (tagger + rules); `--all-scores` adds the rules
//! alone (`GANGMU_DEBUG=1` also prints each dev sentence with its gold and predicted spans).
//! Deterministic: fixed seed, fixed epochs, single thread — the same corpus gives the same bytes.

use std::path::Path;

use gangmu_core::zh::tagger::train::{self, Config, Sentence};
use gangmu_core::zh::tagger::{spans_of, Context, Kind, Model, B_ORG, B_PER, I_ORG, I_PER, O};
use gangmu_core::{analyze_with, Resources, Span};

/// The word list the core ships (`data/zh-words.tsv`): the tagger's segmentation features read
/// it, so the trained model is measured with the same one.
pub const WORDS: &str = include_str!("../../gangmu-core/data/zh-words.tsv");

pub const EPOCHS: usize = 20;
pub const BITS: u32 = 18;
pub const PD_WEIGHT: usize = 10;
/// Percent of names replaced in the repeated copies of People's Daily (see [`Pools::replace`]).
pub const AUGMENT: usize = 30;
const SEED: u64 = 20_260_101;
/// Averaged weights smaller than this are dropped (their features cost nothing but space).
const PRUNE: f32 = 0.05;

pub struct Options {
    pub output: std::path::PathBuf,
    pub corpus: std::path::PathBuf,
    pub epochs: usize,
    pub bits: u32,
    /// How many times the trained part of People's Daily dev is repeated.
    pub pd_weight: usize,
    /// Also score the rules alone on the held-out sets (`--all-scores`).
    pub all_scores: bool,
    /// Which People's Daily fifth is held out (`--pd-fold K`: sentences ≡ K mod 5), for
    /// cross-validation (`scripts/eval-ner.sh` trains each in turn). None (`--pd-fold none`,
    /// the default): all of it is trained on, as for the shipped model.
    pub pd_fold: Option<usize>,
    /// Corpora left out of training (`--skip weibo|resume`), for experiments.
    pub skip: Vec<String>,
    /// Extra labelled sentences in People's Daily's column format (`--extra FILE`).
    pub extra: Vec<std::path::PathBuf>,
    /// Percent of names replaced in the repeated copies of People's Daily (`--augment P`).
    pub augment: usize,
}

pub fn run(options: &Options) -> Result<(), String> {
    let dir = &options.corpus;
    let read = |name: &str| -> Result<String, String> {
        std::fs::read_to_string(dir.join(name))
            .map_err(|e| format!("{}: {e}", dir.join(name).display()))
    };
    let (cluener_train, cluener_dev) = cluener(&read("cluener2020-train.jsonl")?)?;
    let mut sentences = cluener_train;
    if !options.skip.iter().any(|c| c == "resume") {
        for name in ["resume-train.bmes", "resume-dev.bmes"] {
            sentences.extend(columns(&read(name)?, resume_label));
        }
    }
    if !options.skip.iter().any(|c| c == "weibo") {
        for name in ["weibo-train.conll", "weibo-dev.conll"] {
            sentences.extend(columns(&read(name)?, weibo_label));
        }
    }
    for path in &options.extra {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        sentences.extend(columns(&text, pd_label));
    }
    // People's Daily 1998 dev, `pd_weight` times over, so that the tagger learns People's Daily
    // conventions (the held-out test sets follow them); one fifth held out when cross-validating.
    let mut pd_train = Vec::new();
    let mut pd_dev = Vec::new();
    for (n, s) in columns(&read("peoples-daily-1998-dev.bio")?, pd_label)
        .into_iter()
        .enumerate()
    {
        if Some(n % 5) == options.pd_fold {
            pd_dev.push(s);
        } else {
            pd_train.push(s);
        }
    }
    let mut pools_from: Vec<&Sentence> = sentences.iter().collect();
    pools_from.extend(&pd_train);
    let pools = Pools::of(pools_from.into_iter());
    let mut rng = Rng(SEED);
    for copy in 0..options.pd_weight {
        for s in &pd_train {
            sentences.push(if copy == 0 || options.augment == 0 {
                Sentence {
                    chars: s.chars.clone(),
                    tags: s.tags.clone(),
                }
            } else {
                pools.replace(s, &mut rng, options.augment)
            });
        }
    }
    eprintln!(
        "train-ner: {} training sentences ({} chars; People's Daily {} × {}); dev: CLUENER held-out {}, People's Daily held-out fifth {}",
        sentences.len(),
        sentences.iter().map(|s| s.chars.len()).sum::<usize>(),
        pd_train.len(),
        options.pd_weight,
        cluener_dev.len(),
        pd_dev.len()
    );
    let lexicon = gangmu_core::zh::words::Lexicon::load();
    let ctx = Context::new(&lexicon);
    let config = Config {
        bits: options.bits,
        epochs: options.epochs,
        seed: SEED,
        prune: PRUNE,
    };
    let bytes = train::train(&sentences, &ctx, &config, |epoch, errors| {
        eprintln!("train-ner: epoch {epoch}: {errors} sentences wrong");
    });
    let bytes: &'static [u8] = Box::leak(bytes.into_boxed_slice());
    let model = Model::from_bytes(bytes).map_err(|e| format!("trained model: {e}"))?;
    println!(
        "{}",
        crate::scores::model_line(options.bits, bytes, gangmu_core::zh::tagger::TAGS)
    );
    // The tagger alone, the rules alone (no model) and both as `analyze` combines them.
    let merged = Resources::load(WORDS, bytes)?;
    let rules = Resources::none();
    for (name, set) in [
        ("CLUENER held-out", &cluener_dev),
        ("People's Daily held-out fifth", &pd_dev),
    ] {
        if set.is_empty() {
            continue;
        }
        println!(
            "{name}, tagger: {}",
            score(set, |s| model.spans(&s.chars, &ctx))
        );
        if options.all_scores {
            println!("{name}, rules: {}", score(set, |s| analysed(s, &rules)));
        }
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

/// Tags of a sentence from its labelled spans (later spans never overwrite earlier ones).
fn tags_from_spans(len: usize, spans: &[(Kind, usize, usize)]) -> Vec<u8> {
    let mut tags = vec![O; len];
    for &(kind, s, e) in spans {
        if s >= e || e > len || tags[s..e].iter().any(|&t| t != O) {
            continue;
        }
        let (b, i) = match kind {
            Kind::Per => (B_PER, I_PER),
            Kind::Org => (B_ORG, I_ORG),
        };
        tags[s] = b;
        for t in &mut tags[s + 1..e] {
            *t = i;
        }
    }
    tags
}

/// CLUENER lines → (training sentences, held-out sentences). Label spans are inclusive.
fn cluener(text: &str) -> Result<(Vec<Sentence>, Vec<Sentence>), String> {
    let (mut train, mut dev) = (Vec::new(), Vec::new());
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value =
            serde_json::from_str(line).map_err(|e| format!("cluener line {}: {e}", n + 1))?;
        let chars: Vec<char> = v["text"].as_str().unwrap_or_default().chars().collect();
        let mut spans = Vec::new();
        if let Some(labels) = v["label"].as_object() {
            for (label, entities) in labels {
                let kind = match label.as_str() {
                    "name" => Kind::Per,
                    "organization" | "government" | "company" => Kind::Org,
                    _ => continue,
                };
                for occurrences in entities.as_object().into_iter().flat_map(|o| o.values()) {
                    for pair in occurrences.as_array().into_iter().flatten() {
                        let s = pair[0].as_u64().unwrap_or(0) as usize;
                        let e = pair[1].as_u64().unwrap_or(0) as usize + 1;
                        spans.push((kind, s, e));
                    }
                }
            }
        }
        spans.sort_by_key(|&(_, s, e)| (s, std::cmp::Reverse(e)));
        let tags = tags_from_spans(chars.len(), &spans);
        let sentence = Sentence { chars, tags };
        if n % 10 == 9 {
            dev.push(sentence);
        } else {
            train.push(sentence);
        }
    }
    Ok((train, dev))
}

/// A span label read from a column file: 'B' begin, 'I' inside, 'E' end, 'S' single.
type Label = Option<(char, Kind)>;

fn resume_label(label: &str) -> Label {
    let (pos, kind) = label.split_once('-')?;
    let kind = match kind {
        "NAME" => Kind::Per,
        "ORG" => Kind::Org,
        _ => return None,
    };
    Some((pos.chars().next()?, kind))
}

fn weibo_label(label: &str) -> Label {
    let (pos, kind) = label.split_once('-')?;
    let kind = match kind {
        "PER.NAM" => Kind::Per,
        "ORG.NAM" => Kind::Org,
        _ => return None,
    };
    Some((pos.chars().next()?, kind))
}

fn pd_label(label: &str) -> Label {
    let (pos, kind) = label.split_once('-')?;
    let kind = match kind {
        "PER" => Kind::Per,
        "ORG" => Kind::Org,
        _ => return None,
    };
    Some((pos.chars().next()?, kind))
}

/// "char label" lines (Weibo appends a digit to the char), blank lines between sentences.
fn columns(text: &str, label: fn(&str) -> Label) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut chars = Vec::new();
    let mut labels: Vec<Label> = Vec::new();
    let mut flush = |chars: &mut Vec<char>, labels: &mut Vec<Label>| {
        if chars.is_empty() {
            return;
        }
        let mut spans = Vec::new();
        let mut open: Option<(Kind, usize)> = None;
        for (i, l) in labels.iter().chain(std::iter::once(&None)).enumerate() {
            let continues =
                matches!((l, open), (Some(('I' | 'M' | 'E', k)), Some((o, _))) if *k == o);
            if continues {
                if matches!(l, Some(('E', _))) {
                    let (k, s) = open.take().expect("open span");
                    spans.push((k, s, i + 1));
                }
                continue;
            }
            if let Some((k, s)) = open.take() {
                spans.push((k, s, i));
            }
            match l {
                Some(('S', k)) => spans.push((*k, i, i + 1)),
                Some((_, k)) => open = Some((*k, i)),
                None => {}
            }
        }
        out.push(Sentence {
            tags: tags_from_spans(chars.len(), &spans),
            chars: std::mem::take(chars),
        });
        labels.clear();
    };
    for line in text.lines() {
        let mut parts = line.split_whitespace();
        match (parts.next(), parts.next_back()) {
            (Some(token), Some(l)) => {
                let Some(c) = token.chars().next() else {
                    continue;
                };
                chars.push(c);
                labels.push(label(l));
            }
            _ => flush(&mut chars, &mut labels),
        }
    }
    flush(&mut chars, &mut labels);
    out
}

/// People and organisation mentions `analyze_with` finds in a sentence.
fn analysed(s: &Sentence, resources: &Resources) -> Vec<(Kind, Span)> {
    let text: String = s.chars.iter().collect();
    let a = analyze_with(&text, resources);
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

/// Exact-span precision/recall/F1 of `predict`, per type and overall.
fn score(sentences: &[Sentence], predict: impl Fn(&Sentence) -> Vec<(Kind, Span)>) -> String {
    let mut counts = [[0usize; 3]; 2]; // [PER, ORG] × [tp, pred, gold]
    for s in sentences {
        let gold: Vec<(Kind, Span)> = spans_of(&s.tags);
        let pred = predict(s);
        if std::env::var_os("GANGMU_DEBUG").is_some() {
            let show = |v: &[(Kind, Span)]| {
                v.iter()
                    .map(|(k, sp)| {
                        format!(
                            "{k:?}:{}",
                            s.chars[sp.start..sp.end].iter().collect::<String>()
                        )
                    })
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            eprintln!(
                "{}\n  gold {}\n  pred {}",
                s.chars.iter().collect::<String>(),
                show(&gold),
                show(&pred)
            );
        }
        crate::scores::tally(&mut counts, [Kind::Per, Kind::Org], &gold, &pred);
    }
    crate::scores::per_org(counts[0], counts[1])
}

/// Parses `train-ner -o OUT [--epochs N] [--bits N] CORPUS_DIR`.
pub fn options(args: &[String]) -> Result<Options, String> {
    let mut output = None;
    let mut corpus = None;
    let mut epochs = EPOCHS;
    let mut bits = BITS;
    let mut pd_weight = PD_WEIGHT;
    let mut all_scores = false;
    let mut pd_fold = None;
    let mut skip = Vec::new();
    let mut extra = Vec::new();
    let mut augment = AUGMENT;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "-o" => output = Some(it.next().ok_or("-o needs a file")?.clone()),
            "--epochs" => epochs = crate::scores::number_in(&mut it, "--epochs", 1..=1000)?,
            "--bits" => bits = crate::scores::number_in(&mut it, "--bits", 10..=22)? as u32,
            "--all-scores" => all_scores = true,
            "--augment" => augment = crate::scores::number_in(&mut it, "--augment", 0..=100)?,
            "--pd-fold" => {
                pd_fold = match it.next().map(String::as_str) {
                    Some("none") => None,
                    Some(k) => Some(
                        k.parse()
                            .ok()
                            .filter(|k| *k < 5)
                            .ok_or("--pd-fold needs 0 to 4 or none")?,
                    ),
                    None => return Err("--pd-fold needs 0 to 4 or none".into()),
                }
            }
            "--skip" => skip.push(
                it.next()
                    .filter(|c| matches!(c.as_str(), "weibo" | "resume"))
                    .ok_or("--skip needs weibo or resume")?
                    .clone(),
            ),
            "--extra" => extra.push(it.next().ok_or("--extra needs a file")?.into()),
            "--pd-weight" => pd_weight = crate::scores::number_in(&mut it, "--pd-weight", 0..=50)?,
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
        pd_weight,
        all_scores,
        pd_fold,
        skip,
        extra,
        augment,
    })
}

/// A small deterministic generator (SplitMix64): augmentation must give the same bytes each run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Pools to draw replacement names from, with each item as often as the training data has it.
pub struct Pools {
    surnames: Vec<char>,
    given: Vec<char>,
    foreign: Vec<Vec<char>>,
}

fn chinese_name(name: &[char]) -> bool {
    (2..=3).contains(&name.len())
        && gangmu_core::zh::tagger::is_surname(name[0])
        && name.iter().all(|c| ('\u{4e00}'..='\u{9fff}').contains(c))
}

impl Pools {
    pub fn of<'a>(sentences: impl Iterator<Item = &'a Sentence>) -> Pools {
        let mut pools = Pools {
            surnames: Vec::new(),
            given: Vec::new(),
            foreign: Vec::new(),
        };
        for s in sentences {
            for (kind, span) in spans_of(&s.tags) {
                let name = &s.chars[span.start..span.end];
                match kind {
                    Kind::Per if chinese_name(name) => {
                        pools.surnames.push(name[0]);
                        pools.given.extend(&name[1..]);
                    }
                    Kind::Per if name.len() >= 2 => pools.foreign.push(name.to_vec()),
                    _ => {}
                }
            }
        }
        pools
    }

    /// `s` with each person replaced, with probability `percent`/100, by another of its
    /// shape: a Chinese name by a new one made of a surname and given-name characters drawn
    /// from the pools, any other name by one drawn from the pool of the corpora's other names.
    /// The tagger then has to read names from their shape and context rather than remember
    /// the few thousand it was shown. (Replacing organisations as well was measured: no gain.)
    fn replace(&self, s: &Sentence, rng: &mut Rng, percent: usize) -> Sentence {
        let mut chars = Vec::with_capacity(s.chars.len());
        let mut tags = Vec::with_capacity(s.tags.len());
        let mut at = 0;
        for (kind, span) in spans_of(&s.tags) {
            chars.extend(&s.chars[at..span.start]);
            tags.extend(&s.tags[at..span.start]);
            at = span.end;
            let name = &s.chars[span.start..span.end];
            let new: Option<Vec<char>> = if rng.below(100) >= percent {
                None
            } else {
                match kind {
                    Kind::Per if chinese_name(name) && !self.given.is_empty() => {
                        let mut n = vec![*rng.pick(&self.surnames)];
                        for _ in 1..name.len() {
                            n.push(*rng.pick(&self.given));
                        }
                        Some(n)
                    }
                    Kind::Per if name.len() >= 2 && !self.foreign.is_empty() => {
                        Some(rng.pick(&self.foreign).clone())
                    }
                    _ => None,
                }
            };
            let new = new.unwrap_or_else(|| name.to_vec());
            let (b, i) = match kind {
                Kind::Per => (B_PER, I_PER),
                Kind::Org => (B_ORG, I_ORG),
            };
            tags.push(b);
            tags.extend(std::iter::repeat_n(i, new.len() - 1));
            chars.extend(new);
        }
        chars.extend(&s.chars[at..]);
        tags.extend(&s.tags[at..]);
        Sentence { chars, tags }
    }
}
