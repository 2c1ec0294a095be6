//! Key terms of each outline section (the chips on a node) and of the whole document.
//!
//! Candidates are repeated word sequences (1–3 words) that are *maximal* (no longer sequence
//! occurs just as often) and neither start nor end with a function word or an officialese
//! stop-word. Chinese words come from the corpus-derived segmentation (`zh::words`), English
//! ones from spaces. A section's terms are ranked by TF-IDF: term frequency in the section,
//! times the inverse frequency in a background corpus (Chinese) and across the document's own
//! sections (both languages), so that a term particular to the section ranks above one that
//! runs through everything.
//!
//! Cost: n-grams are counted level by level and a longer one only where both its shorter
//! parts are frequent (Apriori), so memory stays near the number of repeated sequences; time
//! is linear in the text.

use std::collections::HashSet;

use rustc_hash::{FxHashMap as HashMap, FxHashSet};

use crate::text::Text;
use crate::zh::words::{pack, Lexicon};
use crate::{Language, Organization, OutlineNode, Person, Resources, Span};

/// Terms kept on a node and for the document.
const PER_SECTION: usize = 5;
const FOR_DOCUMENT: usize = 12;

/// Frequent words of Chinese official prose that carry no theme by themselves: generic nouns,
/// the verbs and adverbs of officialese (they say what is done, not what it is about), titles.
#[rustfmt::skip]
const ZH_STOP: &[&str] = &[
    "工作", "发展", "推进", "加强", "全面", "坚持", "进一步", "深入", "持续", "不断", "积极", "切实", "扎实", "推动", "提升",
    "提高", "建设", "落实", "我们", "一是", "二是", "三是", "四是", "五是", "今年", "去年", "全市", "全省", "全国", "全区", "全县",
    "同志", "会议", "指出", "强调", "要求", "表示", "认为", "一年", "方面", "进行", "实现", "做好", "抓好", "作为", "充分", "有效",
    "重要", "重点", "主要", "各项", "相关", "有关", "问题", "情况", "工作中", "努力", "着力", "大力", "认真", "全力", "更加",
    "一步", "以上", "以来", "目前", "当前", "今后", "其中", "通过", "围绕", "按照", "根据", "结合", "统筹", "确保", "保障", "服务",
    "完善", "健全", "强化", "深化", "优化", "提供", "形成", "取得", "成为", "开展", "组织", "召开", "举行", "出席", "参加", "讲话",
    "主持", "部署", "研究", "新的", "一个", "一些", "这个", "这些", "那些", "各级", "有力", "不断提高", "高质量", "新时代", "习近平",
    "总书记", "中国", "我国", "国家", "社会", "经济", "人民", "群众", "机制", "体系", "能力", "水平", "质量", "成效", "任务",
    "目标", "意见", "精神", "思想", "理念", "责任", "发挥", "贯彻", "实施", "促进", "支持", "加快", "锚定", "注重", "衔接", "颁发",
    "关于", "需要", "打造", "深入实施", "制定", "紧紧围绕", "融入", "感受到", "压实", "抓实", "做实", "夯实", "践行", "聚焦", "突出",
    "狠抓", "锻造", "树牢", "彰显", "助力", "赋能", "引领", "带动", "激发", "构建", "健全", "规范", "保持", "维护", "巩固", "拓展",
    "扩大", "增强", "降低", "减少", "增加", "实行", "执行", "开展了", "召开了", "进一步加强", "各项工作", "自觉接受", "仍有不少", "左右",
    "领导", "领导人", "主任", "书记", "院长", "委员", "主席", "部长", "局长", "市长", "省长", "中华人民共和国", "注重", "坚决", "始终",
    "必须", "继续", "加大", "推进", "着眼", "立足", "用好", "管好", "办好", "用心", "努力", "力争", "确保", "切实", "有力", "有序",
    "依法", "才能", "只有", "有所", "特别", "更加注重", "发生变化", "作用", "各类", "保证", "专门",
    "方式", "形式", "根本", "接受", "丰富", "创造", "广泛", "伟大", "明确", "意识", "自觉", "更加自觉",
    "五年来", "一年来", "我们党", "党和国家", "特色", "一大批", "相统一", "深入开展", "全面贯彻",
    "始终不渝", "谋求", "梦想", "属性", "人士", "传统", "利益", "阶段", "习惯", "素质", "培养",
];

/// English function words and report boilerplate.
#[rustfmt::skip]
const EN_STOP: &[&str] = &[
    "a", "about", "after", "against", "all", "also", "an", "and", "any", "are", "as", "at", "be",
    "because", "been", "before", "being", "between", "both", "but", "by", "can", "could", "did",
    "do", "does", "during", "each", "either", "for", "from", "had", "has", "have", "he", "her",
    "his", "how", "however", "i", "if", "in", "into", "is", "it", "its", "may", "might", "more",
    "most", "much", "must", "no", "not", "of", "on", "one", "only", "or", "other", "our", "out",
    "over", "per", "said", "same", "see", "shall", "she", "should", "since", "so", "some", "such",
    "than", "that", "the", "their", "them", "then", "there", "these", "they", "this", "those",
    "through", "to", "under", "until", "up", "upon", "us", "use", "used", "using", "very", "was",
    "we", "were", "what", "when", "where", "whether", "which", "while", "who", "whom", "whose",
    "why", "will", "with", "within", "without", "would", "year", "years", "you", "also", "among",
    "including", "include", "includes", "example", "generally", "section", "sections", "report",
    "crs", "congress", "u.s", "federal", "new", "two", "three", "first", "second", "fy", "percent",
];

/// Longest term, in words.
const ZH_MAX: usize = 3;
const EN_MAX: usize = 3;

/// One unit of text: a Han character or an English word, with its interned id.
struct Unit {
    id: u32,
    span: Span,
    /// A clause break precedes this unit: no term runs across it.
    breaks: bool,
}

pub struct Keywords {
    /// Key terms of the whole document.
    pub document: Vec<String>,
}

/// Fills `keywords` on every outline node and returns the document's own key terms. Names of
/// people and organisations are left out: the lists show them already.
pub fn attach(
    text: &Text,
    language: Language,
    outline: &mut [OutlineNode],
    people: &[Person],
    organizations: &[Organization],
    resources: &Resources,
) -> Keywords {
    let lexicon = (language == Language::Zh).then(|| resources.zh_words());
    let (units, vocabulary) = units(text, lexicon);
    let max_n = if language == Language::Zh {
        ZH_MAX
    } else {
        EN_MAX
    };
    let min_n = 1;
    // A floor that grows with the text keeps huge inputs cheap; short reports keep pairs.
    let floor = 2.max((units.len() / 100_000) as u32);
    let grams = frequent_ngrams(&units, min_n, max_n, floor);

    let names: HashSet<&str> = people
        .iter()
        .flat_map(|p| std::iter::once(p.name.as_str()).chain(p.aliases.iter().map(String::as_str)))
        .chain(organizations.iter().flat_map(|o| {
            std::iter::once(o.name.as_str()).chain(o.aliases.iter().map(String::as_str))
        }))
        .collect();
    // Terms that contain a name (李正古指出) say nothing the lists do not.
    let name_finder = (!names.is_empty())
        .then(|| {
            aho_corasick::AhoCorasick::new(names.iter().filter(|n| n.chars().count() >= 2)).ok()
        })
        .flatten();
    let term_text = |g: &Gram| -> String {
        let words = (g.first..g.first + g.len).map(|i| vocabulary[units[i].id as usize].as_str());
        if language == Language::Zh {
            words.collect()
        } else {
            words.collect::<Vec<_>>().join(" ")
        }
    };
    let stop: HashSet<&str> = if language == Language::Zh {
        ZH_STOP.iter().copied().collect()
    } else {
        EN_STOP.iter().copied().collect()
    };
    // A term's first and last words carry meaning: no particle (的, 要), no stop-word.
    let edge_ok = |g: &Gram| -> bool {
        [g.first, g.first + g.len - 1].iter().all(|&i| {
            let word = vocabulary[units[i].id as usize].as_str();
            let long_enough = language == Language::En || word.chars().count() >= 2;
            long_enough && !stop.contains(word)
        })
    };

    // Candidate terms, then every position they start at (one pass).
    let mut terms: Vec<Term> = Vec::new();
    let mut wanted: HashMap<(usize, u64), usize> = HashMap::default();
    for g in grams.maximal(&units) {
        if !edge_ok(&g) {
            continue;
        }
        let text = term_text(&g);
        if stop.contains(text.as_str())
            || text.chars().all(|c| c.is_ascii_digit())
            || names.contains(text.as_str())
            || name_finder
                .as_ref()
                .is_some_and(|f| f.is_match(text.as_str()))
        {
            continue;
        }
        // Background rarity: the mean corpus IDF of the term's words.
        let background = lexicon.map(|lex| {
            (g.first..g.first + g.len)
                .map(|i| lex.idf(&vocabulary[units[i].id as usize]))
                .sum::<f64>()
                / g.len as f64
        });
        wanted.insert((g.len, hash_gram(&units, g.first, g.len)), terms.len());
        terms.push(Term {
            text,
            len: g.len,
            background,
            starts: Vec::new(),
        });
    }
    for (t, starts) in occurrences(&units, &wanted, max_n, terms.len())
        .into_iter()
        .enumerate()
    {
        terms[t].starts = starts;
    }
    // Chinese words also count inside longer words (粮食 in 粮食安全), as a reader counts them.
    if let Some(lexicon) = lexicon {
        let known: HashSet<String> = terms.iter().map(|t| t.text.clone()).collect();
        let mut extra: Vec<(&str, Vec<usize>)> = lexicon
            .all_occurrences(text.chars())
            .into_iter()
            .filter(|(w, starts)| {
                starts.len() >= 2 && !known.contains(*w) && !stop.contains(w) && !names.contains(w)
            })
            .collect();
        extra.sort_unstable();
        for (w, starts) in extra {
            terms.push(Term {
                text: w.to_string(),
                len: 1,
                background: Some(lexicon.idf(w)),
                starts,
            });
        }
    }

    // Title spans do not count: a heading names its section, the chips should add to it.
    let mut titles: Vec<Span> = Vec::new();
    collect_titles(outline, &mut titles);
    titles.sort_unstable();
    for t in &mut terms {
        t.starts.retain(|&s| {
            let i = titles.partition_point(|x| x.start <= s);
            i == 0 || titles[i - 1].end <= s
        });
    }
    terms.retain(|t| t.starts.len() >= 2);

    // Documents for IDF: the stretches between consecutive headings.
    let mut cuts: Vec<usize> = titles.iter().map(|t| t.start).collect();
    cuts.insert(0, 0);
    cuts.dedup();
    let segments = cuts.len().max(1);
    let df: Vec<usize> = terms
        .iter()
        .map(|t| {
            let mut seen: Vec<usize> = t
                .starts
                .iter()
                .map(|&s| cuts.partition_point(|&c| c <= s))
                .collect();
            seen.dedup();
            seen.len()
        })
        .collect();
    let weight = |t: &Term, tf: usize, df: usize| -> f64 {
        let contrast = (1.0 + segments as f64 / df as f64).ln();
        let background = t.background.unwrap_or(1.0);
        tf as f64 * contrast.sqrt() * background * (1.0 + 0.3 * (t.len as f64 - 1.0))
    };

    // Every occurrence by where it starts: a section's counts are a tally over the run of
    // occurrences inside it (work: occurrences × outline depth).
    let mut starts: Vec<(usize, u32)> = terms
        .iter()
        .enumerate()
        .flat_map(|(i, t)| t.starts.iter().map(move |&s| (s, i as u32)))
        .collect();
    starts.sort_unstable();
    let tally = std::cell::RefCell::new(vec![0usize; terms.len()]);
    let rank = |start: usize, end: usize, limit: usize| -> Vec<String> {
        // Whole segments (between headings), as the IDF counts them.
        let lo = cuts.partition_point(|&c| c < start).min(segments);
        let lo = if lo < segments && cuts[lo] == start {
            lo
        } else {
            lo.saturating_sub(1)
        };
        let hi = cuts.partition_point(|&c| c < end).max(lo + 1).min(segments);
        let from = cuts.get(lo).copied().unwrap_or(0);
        let to = cuts.get(hi).copied().unwrap_or(usize::MAX);
        let first = starts.partition_point(|&(s, _)| s < from);
        let last = starts.partition_point(|&(s, _)| s < to);
        let mut tally = tally.borrow_mut();
        let mut present: Vec<u32> = Vec::new();
        for &(_, t) in &starts[first..last] {
            if tally[t as usize] == 0 {
                present.push(t);
            }
            tally[t as usize] += 1;
        }
        let mut scored: Vec<(f64, usize, usize)> = present
            .iter()
            .map(|&t| {
                let (i, n) = (t as usize, tally[t as usize]);
                tally[i] = 0;
                (weight(&terms[i], n, df[i]), i, n)
            })
            .collect();
        drop(tally);
        let order = |a: &(f64, usize, usize), b: &(f64, usize, usize)| {
            b.0.total_cmp(&a.0).then(a.1.cmp(&b.1))
        };
        // Past the first few dozen, a term neither enters the list nor upgrades an entry in practice.
        let keep = limit * 10;
        if scored.len() > keep {
            scored.select_nth_unstable_by(keep, order);
            scored.truncate(keep);
        }
        scored.sort_unstable_by(order); // (a total order: ties go to the index)
        let mut out: Vec<(usize, usize)> = Vec::new();
        for (_, i, n) in scored {
            let text = terms[i].text.as_str();
            match out.iter().position(|&(o, _)| {
                terms[o].text.contains(text) || text.contains(terms[o].text.as_str())
            }) {
                // A compound used about as often as the word it contains says more (审判 → 审判管理).
                Some(p)
                    if text.len() > terms[out[p].0].text.len()
                        && 2 * n >= out[p].1
                        && !out.iter().any(|&(o, _)| o == i) =>
                {
                    out[p] = (i, n);
                }
                Some(_) => {}
                None if out.len() < limit => out.push((i, n)),
                None => {}
            }
        }
        out.into_iter()
            .map(|(i, _)| terms[i].text.clone())
            .collect()
    };

    fn walk(
        nodes: &mut [OutlineNode],
        end_of_parent: usize,
        rank: &dyn Fn(usize, usize, usize) -> Vec<String>,
    ) {
        for i in 0..nodes.len() {
            let end = nodes.get(i + 1).map_or(end_of_parent, |n| n.start);
            nodes[i].keywords = rank(nodes[i].start, end, PER_SECTION);
            walk(&mut nodes[i].children, end, rank);
        }
    }
    walk(outline, text.len(), &rank);
    Keywords {
        document: rank(0, text.len(), FOR_DOCUMENT),
    }
}

struct Term {
    text: String,
    /// Length in words.
    len: usize,
    /// Mean inverse corpus frequency of the words (Chinese).
    background: Option<f64>,
    /// Char offsets where the term starts, ascending.
    starts: Vec<usize>,
}

fn collect_titles(nodes: &[OutlineNode], out: &mut Vec<Span>) {
    for n in nodes {
        out.push(n.span());
        collect_titles(&n.children, out);
    }
}

/// The text as word units with an interned vocabulary: Chinese words from the segmentation
/// when a lexicon is given, else space-separated words lowercased.
fn units(text: &Text, lexicon: Option<&Lexicon>) -> (Vec<Unit>, Vec<String>) {
    let chars = text.chars();
    let mut units = Vec::new();
    let mut vocabulary: Vec<String> = Vec::new();
    let mut ids: HashMap<String, u32> = HashMap::default();
    let mut intern = |word: String| -> u32 {
        let next = vocabulary.len() as u32;
        *ids.entry(word.clone()).or_insert_with(|| {
            vocabulary.push(word);
            next
        })
    };
    // Chinese words are at most four characters: interned by their packed form, without
    // building a string for every occurrence.
    let mut packed_ids: HashMap<u64, u32> = HashMap::default();
    match lexicon {
        Some(lexicon) => {
            let mut last_end = usize::MAX;
            for &(start, end) in text.zh_words(lexicon) {
                let word = &chars[start..end];
                let id = match pack(word) {
                    Some(key) => match packed_ids.get(&key) {
                        Some(&id) => id,
                        None => {
                            let id = intern(word.iter().collect());
                            packed_ids.insert(key, id);
                            id
                        }
                    },
                    None => intern(word.iter().collect()),
                };
                units.push(Unit {
                    id,
                    span: Span::new(start, end),
                    breaks: start != last_end,
                });
                last_end = end;
            }
        }
        None => {
            let mut breaks = true;
            let mut i = 0;
            while i < chars.len() {
                let c = chars[i];
                if c.is_alphabetic() {
                    let start = i;
                    while i < chars.len()
                        && (chars[i].is_alphanumeric()
                            || (matches!(chars[i], '\'' | '-' | '.')
                                && chars.get(i + 1).is_some_and(|c| c.is_alphabetic())))
                    {
                        i += 1;
                    }
                    let id = intern(
                        chars[start..i]
                            .iter()
                            .flat_map(|c| c.to_lowercase())
                            .collect(),
                    );
                    units.push(Unit {
                        id,
                        span: Span::new(start, i),
                        breaks,
                    });
                    breaks = false;
                } else {
                    if !matches!(c, ' ' | '\t') {
                        breaks = true;
                    }
                    i += 1;
                }
            }
        }
    }
    (units, vocabulary)
}

/// An n-gram: where one occurrence starts and its length in units.
#[derive(Clone, Copy)]
struct Gram {
    first: usize,
    len: usize,
}

const FNV_BASIS: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// FNV-1a over unit ids, extended one unit at a time (deterministic on every platform).
fn extend_hash(h: u64, id: u32) -> u64 {
    (h ^ id as u64).wrapping_mul(FNV_PRIME)
}

fn hash_gram(units: &[Unit], first: usize, len: usize) -> u64 {
    units[first..first + len]
        .iter()
        .fold(FNV_BASIS, |h, u| extend_hash(h, u.id))
}

/// Calls `f(n, hash)` for every n-gram (n ≤ max_n) that starts at `i` and stays in its clause.
fn grams_at(units: &[Unit], i: usize, max_n: usize, mut f: impl FnMut(usize, u64)) {
    let mut h = FNV_BASIS;
    for n in 1..=max_n {
        let j = i + n - 1;
        if j >= units.len() || (n > 1 && units[j].breaks) {
            break;
        }
        h = extend_hash(h, units[j].id);
        f(n, h);
    }
}

/// Frequent n-grams by length: hash → (count, first occurrence).
struct FrequentGrams {
    counts: Vec<HashMap<u64, (u32, usize)>>,
    min_n: usize,
    max_n: usize,
}

fn frequent_ngrams(units: &[Unit], min_n: usize, max_n: usize, floor: u32) -> FrequentGrams {
    // One longer than asked, so that the longest asked for can be tested for maximality.
    let top = max_n + 1;
    let mut counts: Vec<HashMap<u64, (u32, usize)>> = vec![HashMap::default(); top + 1];
    for n in 1..=top {
        let mut map: HashMap<u64, (u32, usize)> = HashMap::default();
        for i in 0..units.len() {
            if i + n > units.len() || units[i + 1..i + n].iter().any(|u| u.breaks) {
                continue;
            }
            // Apriori: an n-gram is frequent only if both its (n-1)-grams are.
            if n > 1
                && (!counts[n - 1].contains_key(&hash_gram(units, i, n - 1))
                    || !counts[n - 1].contains_key(&hash_gram(units, i + 1, n - 1)))
            {
                continue;
            }
            map.entry(hash_gram(units, i, n)).or_insert((0, i)).0 += 1;
        }
        map.retain(|_, (c, _)| *c >= floor);
        counts[n] = map;
    }
    FrequentGrams {
        counts,
        min_n,
        max_n,
    }
}

impl FrequentGrams {
    /// Frequent n-grams that no one-unit-longer n-gram absorbs (none occurs as often).
    fn maximal(&self, units: &[Unit]) -> Vec<Gram> {
        let mut out = Vec::new();
        for n in self.min_n..=self.max_n {
            let mut absorbed: FxHashSet<u64> = FxHashSet::default();
            for &(count, first) in self.counts[n + 1].values() {
                for part in [first, first + 1] {
                    let key = hash_gram(units, part, n);
                    if self.counts[n].get(&key).is_some_and(|&(c, _)| c == count) {
                        absorbed.insert(key);
                    }
                }
            }
            for (key, &(_, first)) in &self.counts[n] {
                if !absorbed.contains(key) {
                    out.push(Gram { first, len: n });
                }
            }
        }
        // Hash order is arbitrary; document order makes results reproducible.
        crate::order::sort_by_key(&mut out, |g| (g.first, g.len));
        out
    }
}

/// Start offsets of every occurrence of each wanted n-gram, in one pass: (len, hash) → index.
fn occurrences(
    units: &[Unit],
    wanted: &HashMap<(usize, u64), usize>,
    max_n: usize,
    terms: usize,
) -> Vec<Vec<usize>> {
    let mut out = vec![Vec::new(); terms];
    for i in 0..units.len() {
        grams_at(units, i, max_n, |n, h| {
            if let Some(&t) = wanted.get(&(n, h)) {
                out[t].push(units[i].span.start);
            }
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::analyze;

    #[test]
    fn each_section_gets_its_own_theme() {
        let text = "一、稳定粮食生产\n要稳定粮食播种面积，提高粮食单产，加强高标准农田建设。粮食安全是头等大事，高标准农田要建一块成一块。\n二、发展养老服务\n要扩大养老服务供给，发展社区养老服务，完善养老服务补贴制度，让老年人安享晚年。\n";
        let a = analyze(text);
        let first = &a.outline[0].keywords;
        let second = &a.outline[1].keywords;
        assert!(
            first
                .iter()
                .any(|k| k.contains("粮食") || k.contains("农田")),
            "{first:?}"
        );
        assert!(second.iter().any(|k| k.contains("养老")), "{second:?}");
        assert!(!second.iter().any(|k| k.contains("粮食")), "{second:?}");
        for k in first.iter().chain(second) {
            assert!(
                !["加强", "发展", "提高", "要"].contains(&k.as_str()),
                "officialese stop-word {k}"
            );
        }
    }

    #[test]
    fn names_are_not_keywords() {
        let text =
            "会议指出\n市委书记赵立群强调，赵立群要求各地抓好秋粮收购，秋粮收购关系农民增收。\n";
        let a = analyze(text);
        assert!(
            a.keywords.iter().all(|k| !k.contains("赵立群")),
            "{:?}",
            a.keywords
        );
        assert!(
            a.keywords
                .iter()
                .any(|k| k.contains("秋粮") || k.contains("收购")),
            "{:?}",
            a.keywords
        );
    }

    #[test]
    fn english_sections_rank_their_own_terms() {
        let text = "# Highway Funding\n\nThe highway trust fund pays for highway projects. Highway trust fund balances fall each year.\n\n# Transit Grants\n\nTransit grants support bus fleets. Transit grants also fund rail transit.\n";
        let a = analyze(text);
        assert!(
            a.outline[0].keywords.iter().any(|k| k.contains("highway")),
            "{:?}",
            a.outline[0].keywords
        );
        assert!(
            a.outline[1].keywords.iter().any(|k| k.contains("transit")),
            "{:?}",
            a.outline[1].keywords
        );
    }
}
