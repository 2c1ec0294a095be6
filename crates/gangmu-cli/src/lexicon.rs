//! `gangmu lexicon build`: derives the Chinese word list the core ships
//! (`crates/gangmu-core/data/zh-words.tsv`) from a raw corpus, without any dictionary.
//!
//! New-word discovery in the usual way: count character n-grams (1–4 plus one longer for the
//! neighbour statistics), keep a string as a word when it is frequent, *cohesive* (its parts
//! occur together far more often than chance: the minimum pointwise mutual information over
//! its split points) and *free* (many different characters, or clause breaks, on both sides:
//! left and right branching entropy). Runs in a few minutes on the 44 MB of news transcripts.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::io::Write;
use std::path::{Path, PathBuf};

/// The keys are already FNV hashes: hashing them again would only cost time.
#[derive(Default)]
struct Identity(u64);
impl Hasher for Identity {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, _: &[u8]) {
        unreachable!("only u64 keys")
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}
type Map<V> = HashMap<u64, V, BuildHasherDefault<Identity>>;

const MAX_WORD: usize = 4;
const MIN_COUNT: u32 = 10;
const MIN_PMI: f64 = 3.0;
const MIN_ENTROPY: f64 = 1.5;
const MAX_WORDS: usize = 40_000;
/// Particles that do not begin a word (了专门) or end one (信赖的).
const NOT_FIRST: &str = "了的着过之所其和与及";
const NOT_LAST: &str = "的了着过之和与及就也都在是";

fn is_han(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}')
}

fn hash(chars: &[char]) -> u64 {
    chars.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &c| {
        (h ^ c as u64).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

struct Gram {
    count: u32,
    /// Where the first occurrence starts in the clause buffer.
    at: u32,
    left: Neighbours,
    right: Neighbours,
}

/// Sufficient statistics for the entropy of a neighbour distribution.
#[derive(Default, Clone, Copy)]
struct Neighbours {
    total: f64,
    sum_c_ln_c: f64,
}

impl Neighbours {
    fn add(&mut self, c: f64) {
        self.total += c;
        if c > 1.0 {
            self.sum_c_ln_c += c * c.ln();
        }
    }
    fn entropy(&self) -> f64 {
        if self.total == 0.0 {
            return 0.0;
        }
        self.total.ln() - self.sum_c_ln_c / self.total
    }
}

pub fn build(inputs: &[PathBuf], output: &Path) -> Result<(), String> {
    let files = corpus_files(inputs)?;
    // All Han clauses, each followed by a sentinel, in one buffer.
    const BREAK: char = '\u{0}';
    let mut buf: Vec<char> = vec![BREAK];
    for f in &files {
        let text = std::fs::read_to_string(f).map_err(|e| format!("{}: {e}", f.display()))?;
        for c in text.chars() {
            if is_han(c) {
                buf.push(c);
            } else if buf.last() != Some(&BREAK) {
                buf.push(BREAK);
            }
        }
    }
    eprintln!("lexicon: {} files, {} chars", files.len(), buf.len());

    // Counts by length, 1..=MAX_WORD+1, Apriori-pruned.
    let mut grams: Vec<Map<Gram>> = (0..=MAX_WORD + 1).map(|_| Map::default()).collect();
    for n in 1..=MAX_WORD + 1 {
        let mut map: Map<Gram> = Map::default();
        for i in 1..buf.len().saturating_sub(n) {
            let w = &buf[i..i + n];
            if w.contains(&BREAK) {
                continue;
            }
            if n > 1
                && (!grams[n - 1].contains_key(&hash(&w[..n - 1]))
                    || !grams[n - 1].contains_key(&hash(&w[1..])))
            {
                continue;
            }
            map.entry(hash(w))
                .or_insert(Gram {
                    count: 0,
                    at: i as u32,
                    left: Neighbours::default(),
                    right: Neighbours::default(),
                })
                .count += 1;
        }
        map.retain(|_, g| g.count >= if n == 1 { 1 } else { MIN_COUNT / 2 });
        eprintln!("lexicon: {} frequent {n}-grams", map.len());
        grams[n] = map;
    }
    // Neighbour entropies of each n-gram from the (n+1)-grams that extend it; clause breaks
    // count as distinct neighbours, one each.
    for n in 1..=MAX_WORD {
        let (shorter, longer) = grams.split_at_mut(n + 1);
        let this = &mut shorter[n];
        let mut extended: Map<u32> = Map::default();
        for g in longer[0].values() {
            let w = &buf[g.at as usize..g.at as usize + n + 1];
            for (part, left_side) in [(&w[..n], false), (&w[1..], true)] {
                if let Some(p) = this.get_mut(&hash(part)) {
                    if left_side {
                        p.left.add(g.count as f64);
                    } else {
                        p.right.add(g.count as f64);
                    }
                }
            }
            *extended.entry(hash(&w[..n])).or_default() += g.count;
        }
        // What the pruned (n+1)-grams and breaks leave over counts as distinct neighbours.
        for g in this.values_mut() {
            let rest_left = g.count as f64 - g.left.total;
            let rest_right = g.count as f64 - g.right.total;
            for _ in 0..(rest_left.max(0.0) as u32).min(64) {
                g.left.add(1.0);
            }
            for _ in 0..(rest_right.max(0.0) as u32).min(64) {
                g.right.add(1.0);
            }
        }
    }

    let total: f64 = grams[1].values().map(|g| g.count as f64).sum();
    let count_of =
        |w: &[char]| -> f64 { grams[w.len()].get(&hash(w)).map_or(0.0, |g| g.count as f64) };
    let mut words: Vec<(String, u32)> = Vec::new();
    for n in 2..=MAX_WORD {
        for g in grams[n].values() {
            if g.count < MIN_COUNT {
                continue;
            }
            let w = &buf[g.at as usize..g.at as usize + n];
            if NOT_FIRST.contains(w[0]) || NOT_LAST.contains(w[n - 1]) {
                continue;
            }
            let joint = g.count as f64 / total;
            let pmi = (1..n)
                .map(|k| (joint / ((count_of(&w[..k]) / total) * (count_of(&w[k..]) / total))).ln())
                .fold(f64::INFINITY, f64::min);
            if pmi >= MIN_PMI && g.left.entropy().min(g.right.entropy()) >= MIN_ENTROPY {
                words.push((w.iter().collect(), g.count));
            }
        }
    }
    words.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    words.truncate(MAX_WORDS);
    let mut singles: Vec<(String, u32)> = grams[1]
        .values()
        .filter(|g| g.count >= 3)
        .map(|g| (buf[g.at as usize].to_string(), g.count))
        .collect();
    singles.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    eprintln!(
        "lexicon: {} words, {} characters",
        words.len(),
        singles.len()
    );

    let places = places(&files)?;
    let people = known_people(&files)?;
    eprintln!("lexicon: {} place names", places.len());

    let mut out = std::io::BufWriter::new(
        std::fs::File::create(output).map_err(|e| format!("{}: {e}", output.display()))?,
    );
    let io = |e: std::io::Error| e.to_string();
    writeln!(
        out,
        "# gangmu zh lexicon v1: word<TAB>count in the source corpus ({} chars)",
        buf.len()
    )
    .map_err(io)?;
    writeln!(
        out,
        "# built by `gangmu lexicon build` from {} files; {} words, {} single characters, {} place names (@), {} people named with titles (%: documents)",
        files.len(),
        words.len(),
        singles.len(),
        places.len(),
        people.len()
    )
    .map_err(io)?;
    for (w, c) in words.iter().chain(singles.iter()) {
        writeln!(out, "{w}\t{c}").map_err(io)?;
    }
    for (w, c) in &places {
        writeln!(out, "@{w}\t{c}").map_err(io)?;
    }
    for (name, n) in &people {
        writeln!(out, "%{name}\t{n}").map_err(io)?;
    }
    Ok(())
}

/// How often a place must stand before an administrative suffix to be listed.
const MIN_PLACE: u32 = 5;

/// Place names: the two to four Han characters before 省, 市, 县, 区, 州, 镇, 乡 or 旗, counted
/// over the corpus, kept from [`MIN_PLACE`] occurrences, shortest first and then in code-point
/// order (the order the core searches them in). Not before a
/// title or body (市长, 县委: 王明市长 is a person) nor in words the suffix only begins
/// (市场, 区域). Some entries are not places (个省 of 三个省): harmless, as the list is only
/// asked whether a name the tagger proposes is a place.
fn places(files: &[PathBuf]) -> Result<Vec<(String, u32)>, String> {
    let mut counts: std::collections::HashMap<String, u32> = Default::default();
    for f in files {
        let text = std::fs::read_to_string(f).map_err(|e| format!("{}: {e}", f.display()))?;
        let chars: Vec<char> = text.chars().collect();
        for (i, &c) in chars.iter().enumerate() {
            if !"省市县区州镇乡旗".contains(c) {
                continue;
            }
            let next = chars.get(i + 1).copied().unwrap_or(' ');
            let word_of_suffix =
                matches!((c, next), ('市', '场') | ('区', '域' | '间') | ('县', '城'));
            if "长委政人".contains(next) || word_of_suffix {
                continue;
            }
            for k in 2..=4 {
                if i >= k && chars[i - k..i].iter().all(|&c| is_han(c)) {
                    *counts.entry(chars[i - k..i].iter().collect()).or_default() += 1;
                }
            }
        }
    }
    let mut places: Vec<(String, u32)> = counts
        .into_iter()
        .filter(|&(_, n)| n >= MIN_PLACE)
        .collect();
    places.sort_by(|a, b| {
        a.0.chars()
            .count()
            .cmp(&b.0.chars().count())
            .then(a.0.cmp(&b.0))
    });
    Ok(places)
}

/// The `.md` and `.txt` files of the inputs (files, or folders read recursively), in path order.
fn corpus_files(inputs: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let mut files = Vec::new();
    for input in inputs {
        collect_files(input, &mut files)?;
    }
    files.sort();
    if files.is_empty() {
        return Err("no .md or .txt files in the inputs".into());
    }
    Ok(files)
}

fn collect_files(path: &Path, out: &mut Vec<PathBuf>) -> Result<(), String> {
    let meta = std::fs::metadata(path).map_err(|e| format!("{}: {e}", path.display()))?;
    if meta.is_dir() {
        for entry in std::fs::read_dir(path).map_err(|e| format!("{}: {e}", path.display()))? {
            collect_files(&entry.map_err(|e| e.to_string())?.path(), out)?;
        }
    } else if path.extension().is_some_and(|e| e == "md" || e == "txt") {
        out.push(path.to_path_buf());
    }
    Ok(())
}

/// `gangmu lexicon names`: how name-like each character is as a given-name character
/// (`crates/gangmu-core/data/zh-name-chars.txt`, read by the tagger's features).
///
/// The people the rules find in the corpus (names next to titles: `analyze` without the tagger,
/// so that the table does not depend on the model it feeds) give, for each character, the number of distinct Chinese names (a listed surname and one or
/// two more characters) in which it follows the surname; that count against the character's
/// frequency in the whole corpus, as log2((names + ½) / (per-million frequency + 1)), is cut
/// into six levels (6: given names far more than elsewhere; 1: common characters that seldom
/// name anyone). A character never seen in a given name has no level.
pub fn names(inputs: &[PathBuf], output: &Path) -> Result<(), String> {
    let files = corpus_files(inputs)?;
    // The rules alone (names by their titles): the table must not depend on the tagger it feeds.
    let resources = gangmu_core::Resources::none();
    let mut han: HashMap<char, u64> = HashMap::new();
    let mut names: std::collections::BTreeSet<String> = Default::default();
    for f in &files {
        let text = std::fs::read_to_string(f).map_err(|e| format!("{}: {e}", f.display()))?;
        for c in text.chars().filter(|&c| is_han(c)) {
            *han.entry(c).or_default() += 1;
        }
        let analysis = gangmu_core::analyze_with(&text, &resources);
        names.extend(analysis.people.into_iter().map(|p| p.name));
    }
    let total: u64 = han.values().sum();
    let mut given: HashMap<char, u64> = HashMap::new();
    for name in &names {
        let chars: Vec<char> = name.chars().collect();
        if (2..=3).contains(&chars.len())
            && chars.iter().all(|&c| is_han(c))
            && gangmu_core::zh::tagger::is_surname(chars[0])
        {
            for &c in &chars[1..] {
                *given.entry(c).or_default() += 1;
            }
        }
    }
    let mut levels: Vec<String> = vec![String::new(); 7];
    let mut chars: Vec<(&char, &u64)> = given.iter().collect();
    chars.sort();
    for (&c, &g) in chars {
        let per_million = han.get(&c).copied().unwrap_or(0) as f64 * 1e6 / total.max(1) as f64;
        let r = ((g as f64 + 0.5) / (per_million + 1.0)).log2();
        let level = match r {
            r if r >= 1.0 => 6,
            r if r >= 0.0 => 5,
            r if r >= -2.0 => 4,
            r if r >= -4.0 => 3,
            r if r >= -6.0 => 2,
            _ => 1,
        };
        levels[level].push(c);
    }
    let io = |e: std::io::Error| format!("{}: {e}", output.display());
    let mut out = std::io::BufWriter::new(std::fs::File::create(output).map_err(io)?);
    writeln!(
        out,
        "# gangmu zh given-name characters v1: level<TAB>characters (6: most name-like)\n# built by `gangmu lexicon names` from {} files: {} names, {} given-name characters",
        files.len(),
        names.len(),
        given.len()
    )
    .map_err(io)?;
    for (level, chars) in levels.iter().enumerate().skip(1) {
        writeln!(out, "{level}\t{chars}").map_err(io)?;
    }
    eprintln!(
        "lexicon names: {} files, {} names, {} given-name characters",
        files.len(),
        names.len(),
        given.len()
    );
    Ok(())
}

/// Documents in which the rules must find a name next to a title for it to be listed.
const MIN_TITLED_DOCS: u32 = 3;
/// Share of the documents containing the string in which it is so titled: 习近平, 韩正 and
/// 普京 nearly always are somewhere in the day's news; 高峰 or 任命, read once after a title,
/// are words everywhere else.
const MIN_TITLED_SHARE: f64 = 0.3;

/// People the news names again and again: the names the rules alone find next to a title (so
/// the list does not depend on the tagger), kept from [`MIN_TITLED_DOCS`] documents on and
/// where at least [`MIN_TITLED_SHARE`] of the documents containing the string give it a
/// title. Sorted by code point; the count is the number of titled documents.
fn known_people(files: &[PathBuf]) -> Result<Vec<(String, u32)>, String> {
    let resources = gangmu_core::Resources::none();
    let mut titled: std::collections::BTreeMap<String, u32> = Default::default();
    let mut texts = Vec::with_capacity(files.len());
    for f in files {
        let text = std::fs::read_to_string(f).map_err(|e| format!("{}: {e}", f.display()))?;
        let analysis = gangmu_core::analyze_with(&text, &resources);
        for p in analysis.people {
            if !p.titles.is_empty() && p.name.chars().count() >= 2 {
                *titled.entry(p.name).or_default() += 1;
            }
        }
        texts.push(text);
    }
    let candidates: Vec<(String, u32)> = titled
        .into_iter()
        .filter(|&(_, n)| n >= MIN_TITLED_DOCS)
        .collect();
    let mut containing = vec![0u32; candidates.len()];
    for text in &texts {
        for (i, (name, _)) in candidates.iter().enumerate() {
            if text.contains(name.as_str()) {
                containing[i] += 1;
            }
        }
    }
    let kept: std::collections::BTreeMap<String, u32> = candidates
        .into_iter()
        .zip(containing)
        .filter(|((_, n), docs)| *n as f64 >= MIN_TITLED_SHARE * *docs as f64)
        .map(|(c, _)| c)
        .collect();
    // A name read with a character of the text around it (卢拉致, 和塞西), where the list
    // has the name itself more often: that character is no part of a name.
    let lists = gangmu_core::zh::tagger::Lists::new();
    let with_extra = |name: &str, n: u32| {
        let chars: Vec<char> = name.chars().collect();
        let len = chars.len();
        len >= 3
            && [(&chars[1..], chars[0]), (&chars[..len - 1], chars[len - 1])]
                .iter()
                .any(|(rest, extra)| {
                    let rest: String = rest.iter().collect();
                    kept.get(&rest).is_some_and(|&m| m > n) && lists.given_level(*extra) < 4
                })
    };
    // A name read across the start or end of a far more frequent one (相信习 of 相信习近平).
    // (Not for transliterations: 马哈马 ends with the 马 that begins 马兴瑞.)
    let across = |name: &str, n: u32| {
        let last = name.chars().last();
        !name
            .chars()
            .all(gangmu_core::zh::tagger::is_transliteration)
            && kept.iter().any(|(other, &m)| {
                let first = other.chars().next();
                m > 10 * n
                    && last == first
                    && first.is_some_and(gangmu_core::zh::tagger::is_surname)
                    && !other.contains(name)
            })
    };
    Ok(kept
        .iter()
        .filter(|&(name, &n)| !with_extra(name, n) && !across(name, n))
        .map(|(name, &n)| (name.clone(), n))
        .collect())
}
