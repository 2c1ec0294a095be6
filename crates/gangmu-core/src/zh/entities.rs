//! Chinese people and organisations by rules over word lists.
//!
//! People: a name (surname + one or two characters) right after a title (市委副书记李正古) or
//! right before a post-name title (李强总理), names listed after one title (李强、赵乐际), then
//! every other occurrence of each name found (document-level consistency).
//!
//! Organisations: national bodies by name; local bodies (委, 人民法院, 人大…) with their
//! administrative prefix and place (丹东市中级人民法院, 省法院, 市委), short forms (丹东中院)
//! merged with the full form they abbreviate, and sub-units (市人大 + 监察和司法委员会) taken whole.
//!
//! Cost: three Aho-Corasick automata over ~500 short patterns, built per call (well under a
//! millisecond); one pass over the text each, so time is linear in the text.

use std::borrow::Cow;
use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use super::charset::*;
use super::lexicon::*;
use super::tagger::{Context, Kind};
use super::words::Lexicon;
use crate::text::is_han;
use crate::{Organization, Person, Resources, Span, Text};

/// The fixed automata of the rules: title words; named and local bodies (with the words that
/// only contain a body's name), and the countries that can stand before a state's organ.
/// Built once per [`Resources`]: DFAs over several hundred words take milliseconds to build,
/// more than analysing a short report.
pub struct Rules {
    titles: AhoCorasick,
    bodies: AhoCorasick,
    /// The bodies automaton's patterns: named bodies `[..named]` (China's first), local
    /// bodies `[named..local]`, non-bodies `[local..]`.
    patterns: Vec<&'static str>,
    named: usize,
    local: usize,
    states: Vec<&'static str>,
}

impl Rules {
    pub fn new() -> Rules {
        let mut patterns: Vec<&'static str> = NATIONAL_BODIES.to_vec();
        patterns.extend(WORLD_BODIES.iter().filter(|w| !NATIONAL_BODIES.contains(w)));
        let named = patterns.len();
        patterns.extend_from_slice(LOCAL_BODIES);
        let local = patterns.len();
        patterns.extend_from_slice(NOT_WORLD_BODIES);
        Rules {
            // DFAs: quickest to run over long texts. The bodies' (≈700 names) takes ≈90 M
            // instructions to build, once per worker; a contiguous NFA builds in a tenth of that
            // but searches slower, and loses from ≈2.5 MB of text (measured: 5 MB 2% slower).
            titles: automaton(TITLE_WORDS, AhoCorasickKind::DFA),
            bodies: automaton(&patterns, AhoCorasickKind::DFA),
            patterns,
            named,
            local,
            // Not 欧盟 or 联合国, which are bodies themselves. With the states' one-character
            // short forms (哈议会, 柬国会): named_org takes those only where a word starts.
            states: COUNTRIES
                .iter()
                .copied()
                .filter(|c| !NATIONAL_BODIES.contains(c) && !WORLD_BODIES.contains(c))
                .chain(
                    STATE_ABBREVIATIONS
                        .char_indices()
                        .map(|(i, c)| &STATE_ABBREVIATIONS[i..i + c.len_utf8()]),
                )
                .collect(),
        }
    }
}

impl Default for Rules {
    fn default() -> Self {
        Rules::new()
    }
}

pub fn find(text: &Text, resources: &Resources) -> (Vec<Person>, Vec<Organization>) {
    let written = text.chars();
    let joined = with_hyphens_as_dots(written);
    let chars: &[char] = &joined;
    let source: String = chars.iter().collect();
    let offsets = CharOffsets::new(&source);
    let rules = resources.zh_rules();
    // Without the tagger (its asset not loaded), the rules alone.
    let proposed = match resources.zh_tagger() {
        Some(model) => model.spans_segmented(
            chars,
            &Context::with_lists(resources.zh_words(), resources.zh_lists()),
            text.zh_words(resources.zh_words()),
        ),
        None => Vec::new(),
    };
    let segmented = text.zh_words(resources.zh_words());
    let mut orgs = organizations(
        rules,
        resources.zh_words(),
        &source,
        chars,
        &offsets,
        &proposed,
        segmented,
    );
    short_forms_alone(chars, &mut orgs);
    let mut people = people(resources, &source, chars, &offsets, &orgs, &proposed);
    if let Cow::Owned(_) = joined {
        // Names as the text first writes them (迪亚斯-卡内尔), not as the rules read them.
        // (From a mention of the form: a search of the text for each would be quadratic.)
        let as_written = |name: &mut String, mentions: &[Span]| {
            if !name.contains('·') {
                return;
            }
            let n = name.chars().count();
            if let Some(m) = mentions
                .iter()
                .find(|m| m.len() == n && chars[m.start..m.end].iter().copied().eq(name.chars()))
            {
                *name = written[m.start..m.end].iter().collect();
            }
        };
        for person in &mut people {
            as_written(&mut person.name, &person.mentions);
            for alias in &mut person.aliases {
                as_written(alias, &person.mentions);
            }
        }
        for org in &mut orgs {
            as_written(&mut org.name, &org.mentions);
            for alias in &mut org.aliases {
                as_written(alias, &org.mentions);
            }
        }
    }
    (people, orgs)
}

/// 常委会 alone, where the document names one standing committee (十四届全国人大常委会 …
/// 常委会组成人员), and 主席团 alone where it names one presidium (大会主席团 … 由主席团决定): a
/// short form of it, as the guidelines count them. Not where it closes another body's name
/// (市委常委会), nor where two such bodies are named.
fn short_forms_alone(chars: &[char], orgs: &mut Vec<Organization>) {
    short_form_alone(chars, orgs, "常委会", &["常委会", "常务委员会"]);
    short_form_alone(chars, orgs, "主席团", &["主席团"]);
}

fn short_form_alone(chars: &[char], orgs: &mut Vec<Organization>, short: &str, ends: &[&str]) {
    let kind = |n: &String| ends.iter().any(|e| n.ends_with(e));
    let bare = |o: &Organization| o.name == short;
    let mut holders = orgs
        .iter()
        .enumerate()
        .filter(|(_, o)| !bare(o) && (kind(&o.name) || o.aliases.iter().any(kind)));
    let (Some((k, _)), None) = (holders.next(), holders.next()) else {
        return;
    };
    // (The tagger's short form alone, read as a body of its own: the same one.)
    let (k, mut alone) = match orgs.iter().position(bare) {
        Some(b) => (if b < k { k - 1 } else { k }, orgs.remove(b).mentions),
        None => (k, Vec::new()),
    };
    let short_chars: Vec<char> = short.chars().collect();
    let n = short_chars.len();
    alone.extend(
        (0..(chars.len() + 1).saturating_sub(n))
            .filter(|&i| {
                chars[i] == short_chars[0]
                    && chars[i..i + n] == short_chars[..]
                    && (i == 0
                        || !is_han(chars[i - 1])
                        || one_of("经由在向对和与及将的为", chars[i - 1]))
            })
            .map(|i| Span::new(i, i + n))
            .filter(|span| {
                !orgs
                    .iter()
                    .any(|o| o.mentions.iter().any(|m| m.overlaps(span)))
            }),
    );
    if alone.is_empty() {
        return;
    }
    let org = &mut orgs[k];
    org.mentions.extend(alone);
    org.mentions.sort_unstable();
    org.mentions.dedup();
    if org.name != short && !org.aliases.iter().any(|a| a == short) {
        org.aliases.push(short.to_string());
    }
}

/// The text with a hyphen between two characters of transliteration read as the dot of a
/// foreign name (迪亚斯-卡内尔 as 迪亚斯·卡内尔), so that the rules for dotted names apply;
/// one character for one, so every index stays the same.
fn with_hyphens_as_dots(chars: &[char]) -> Cow<'_, [char]> {
    let joins = |i: usize| {
        matches!(chars[i], '-' | '－' | '‐' | '‑')
            && i > 0
            && TRANSLITERATION_SET.contains(chars[i - 1])
            && chars
                .get(i + 1)
                .is_some_and(|&c| TRANSLITERATION_SET.contains(c))
            // Not a place's (开伯尔-普什图省, 哈茨菲尔德-杰克逊国际机场).
            && !(i + 2..chars.len().min(i + 10))
                .take_while(|&j| is_han(chars[j]))
                .any(|j| starts_with_any(chars, j, PLACE_AFTER_NAME))
    };
    if !(0..chars.len()).any(joins) {
        return Cow::Borrowed(chars);
    }
    Cow::Owned(
        (0..chars.len())
            .map(|i| if joins(i) { '·' } else { chars[i] })
            .collect(),
    )
}

/// Would a span the tagger proposes as a person pass for a name? Chinese names are a surname
/// and one to three characters; transliterated names are transliteration characters (with ·).
fn plausible_person(chars: &[char], span: Span) -> bool {
    let name = &chars[span.start..span.end];
    let word: String = name.iter().collect();
    if name.len() < 2 || NOT_NAMES.contains(&word.as_str()) || is_place(&word) {
        return false;
    }
    if !name.iter().all(|&c| is_han(c) || c == '·') || name.last() == Some(&'·') {
        return false;
    }
    // A day of the week (总理|周二晚|表示), not 周 and a given name.
    if name[0] == '周' && one_of("一二三四五六日末", name[1]) {
        return false;
    }
    // A count of people (100余位, 诸位), not a surname and a given name.
    if name.len() == 2 && name[1] == '位' {
        return false;
    }
    // A palace (克里姆林|宫 read as 林宫).
    if name.last() == Some(&'宫') {
        return false;
    }
    // A village named for a family elder (刘老庄, 张老村), not a given name.
    if name.len() == 3 && name[1] == '老' && one_of("庄村屯寨营集店湾", name[2]) {
        return false;
    }
    // A title is not part of a name (和总统, 王小明书记), nor does a name start with its dot.
    if ends_with_any(&word, TITLE_WORDS).is_some() || name[0] == '·' {
        return false;
    }
    // Nor does one end with a verb said of names (会见…时强调, 某某表示).
    // (Bytes first: this runs for every name proposed. Six bytes are two characters.)
    if AFTER_NAME
        .iter()
        .any(|w| word.ends_with(w) && w.len() >= 6 && name.len() > w.chars().count())
    {
        return false;
    }
    // Nor does one start with a verb said of names (宣布|共同构建 read as 宣布共).
    if name.len() >= 3
        && AFTER_NAME_FIRST.contains(name[0])
        && AFTER_NAME
            .iter()
            .any(|w| w.len() == 6 && word.starts_with(w))
    {
        return false;
    }
    // Nor does one start with a title (王储兼 of 王储兼首相) or join two (兼).
    if word.contains('兼') || name.len() > 2 && TITLE_WORDS.iter().any(|t| word.starts_with(t)) {
        return false;
    }
    // Transliterated towns and regions the tagger reads as people (波克罗夫斯克, 顿涅茨克,
    // 斯大林格勒, 阿夫杰耶夫卡, 阿穆尔州); 马斯克 and 卡夫卡 are shorter.
    if name.len() >= 4
        && ["斯克", "茨克", "格勒", "夫卡", "堡", "州"]
            .iter()
            .any(|e| word.ends_with(e))
    {
        return false;
    }
    // States and provinces by their one-character abbreviations (美英, 中非, 湘鄂) and a
    // state's side in talks (马方, 伊方, 斯方) are not people. Two characters only: longer
    // transliterations are made of them too (阿巴斯).
    let abbreviation = |c: char| {
        c == '中' || STATE_ABBREVIATIONS.contains(c) || PROVINCE_ABBREVIATIONS.contains(c)
    };
    if name.len() == 2 && name.iter().all(|&c| abbreviation(c))
        || name[1] == '方' && (abbreviation(name[0]) || one_of("斯洪", name[0]))
        // Nor a state's language (德文, 法语).
        || name.len() == 2 && one_of("文语", name[1]) && abbreviation(name[0])
        // Or a pair's (中马|命运共同体).
        || span.start > 0 && chars[span.start - 1] == '中' && abbreviation(name[0]) && word.contains("命运")
    {
        return false;
    }
    // A place's name in parts (本-古里安|机场, 卡斯蒂利亚-拉曼查|自治区).
    if name.contains(&'·') && starts_with_any(chars, span.end, PLACE_AFTER_NAME) {
        return false;
    }
    // A transliteration cut from a place's name (锡|林浩特, 伊利诺|伊州, 莫罗佐夫|斯克机场,
    // 德雷克|海峡).
    if is_foreign_word(name) {
        // A currency after its amount (1．75亿|马克, 500万|卢布).
        if span.start > 0
            && (is_digit(chars[span.start - 1]) || one_of("亿万千百", chars[span.start - 1]))
        {
            return false;
        }
        let glued_before = span.start > 0
            && TRANSLITERATION_SET.contains(chars[span.start - 1])
            && !JOINS_NAMES.contains(chars[span.start - 1]);
        let run_end = transliteration_run_end(chars, span);
        let whole: String = chars[span.start..run_end].iter().collect();
        let place_after = |at: usize| starts_with_any(chars, at, PLACE_AFTER_NAME);
        if glued_before
            || place_after(span.end)
            || place_after(run_end)
            || run_end > span.end
                && ["斯克", "茨克", "格勒", "夫卡", "堡"]
                    .iter()
                    .any(|e| whole.ends_with(e))
        {
            return false;
        }
    }
    let surname = COMPOUND_SURNAMES.iter().any(|s| word.starts_with(s)) || is_surname(name[0]);
    let chinese = surname && name.len() <= 4 && can_be_given_name(name[0], &name[1..]);
    // (其 of Mongolian names, 乌其尔勒, only inside a longer one: it is a word of its own.)
    let foreign = name.iter().enumerate().all(|(i, &c)| {
        TRANSLITERATION_SET.contains(c)
            || c == '其' && name.len() >= 4 && i > 0 && i + 1 < name.len()
    }) || name.len() >= 5
        && !is_surname(name[0])
        && !FUNCTION_SET.contains(name[0])
        && is_foreign_word(&name[1..]);
    // Names the lists do not know (金正日, 冈田武史, 基里延科): the tagger's word, as long as no
    // function word or character of an institution's name (示范法庭) is inside.
    // Japanese names run to five (桥本龙太郎, 松下幸之助).
    let japanese = name.len() == 5 && matches!(name[4], '郎' | '助' | '雄');
    let other = (name.len() <= 4 || japanese)
        && !name
            .iter()
            .any(|&c| FUNCTION_SET.contains(c) || INSTITUTION_SET.contains(c))
        // Nor a verb of the news (致贺电, 复信, 视察, 主持, 访泰, 列席).
        && !one_of("致复写访交列同称兼涉控互视主聚顶", name[0])
        // Nor what a pair of China and another names (中拉|陆海新通道, 中欧|班列).
        && !(span.start > 0
            && chars[span.start - 1] == '中'
            && (STATE_ABBREVIATIONS.contains(name[0]) || name[0] == '拉'));
    // A name in parts joined by · (彼得·皮奥): the parts are not read for function words,
    // whatever their characters (得 in 彼得).
    let dotted = name.contains(&'·') && !name.windows(2).any(|w| w == ['·', '·']);
    chinese || foreign || other || dotted
}

/// Would a span the tagger proposes as an organisation pass for one? It must end with a word
/// that ends organisation names (公司, 大学, 委员会…) after a name of its own, or with one of the
/// characters that head them (农业部, 新华社, 中国队, 招商银行) in a name of three or more; and
/// never be a collective reference (全市法院, 各级党委, 两级法院), a bare place, a meeting or a
/// document (…工作会议, …条例), or cross a space, a title mark or a list's 、 or 及
/// (市委及最高法院).
fn plausible_org(chars: &[char], span: Span) -> bool {
    let name: String = chars[span.start..span.end].iter().collect();
    // (Company endings the tagger's list lacks count too: 药业, 实业.)
    let suffix = ORG_SUFFIXES
        .iter()
        .chain(&["药业", "实业", "制药"])
        .filter(|s| s.chars().count() >= 2 && name.ends_with(*s))
        .map(|s| s.chars().count())
        .max();
    let head = span.len() >= 3 && ORG_HEADS.contains(chars[span.end - 1]);
    // A national side by its sport (中国女篮, 巴西女排), after its country or province.
    let team = ["女篮", "男篮", "女排", "男排", "女足", "男足"]
        .iter()
        .any(|t| name.ends_with(t))
        && COUNTRIES
            .iter()
            .chain(PROVINCES)
            .any(|c| name.starts_with(c));
    (suffix.is_some_and(|n| span.len() > n) || head || team)
        && (!one_of("全各本该两每此诸我其这那与及并", chars[span.start])
            // National federations by their short names (全国工商联, 全国总工会, 全国台联).
            || name.starts_with("全国")
                && span.len() <= 6
                && (name.ends_with('联') || name.ends_with('会')))
        // Generic: 广大部队, 一家化工厂, 几家汽车公司; the Centre's kinds (中管高校, 中管企业).
        && !name.starts_with("广大")
        && !name.starts_with("中管")
        && !["一家", "这家", "几家", "多家", "两家", "一所", "这所"]
            .iter()
            .any(|w| name.contains(w))
        && !ends_inside_next_word(chars, span)
        // A whole (事业全局), not a security bureau (安全局).
        && (!name.ends_with("全局") || name.ends_with("安全局"))
        && !CLAUSE_WORDS.iter().any(|w| name.contains(w))
        // A state and a body coordinated (中国与世界知识产权组织): two names.
        && !(name.contains(['与', '和'])
            && COUNTRIES.iter().any(|c| {
                name.strip_prefix(c)
                    .is_some_and(|rest| rest.starts_with(['与', '和']))
            }))
        && !COUNTRIES.contains(&name.as_str())
        && !GENERIC_BODIES.contains(&name.as_str())
        // Two states' armies or governments (中俄军队, 中美两国政府): two bodies, neither named.
        && !(span.len() >= 4
            && (chars[span.start] == '中' || STATE_ABBREVIATIONS.contains(chars[span.start]))
            && STATE_ABBREVIATIONS.contains(chars[span.start + 1])
            && ["军队", "两军", "政府", "两国政府"]
                .iter()
                .any(|w| name[chars[span.start].len_utf8() * 2..] == **w))
        // Bodies counted (云南三省人民政府): several, not one.
        && !chars[span.start..span.end].windows(2).any(|w| {
            one_of("两三四五六七八九十几多", w[0]) && one_of("省市县区", w[1])
        })
        // An organisation of one character is a verb's (自上而下|组织协调, 党组织): no name.
        && !(name.ends_with("组织") && span.len() <= 3)
        // A place organising something (山东组织|…, 福建龙岩组织|人员).
        && !(name.ends_with("组织")
            && PROVINCES.iter().any(|p| name.starts_with(p))
            && span.len() <= 6)
        // A state's political situation (俄罗斯政局), not a postal or finance bureau.
        && (!name.ends_with("政局")
            || ["邮政局", "财政局", "行政局", "民政局"]
                .iter()
                .any(|e| name.ends_with(e)))
        // A count of bodies in words (数十家煤焦厂).
        && !chars[span.start..span.end].windows(2).any(|w| one_of("一二两三四五六七八九十百几数", w[0]) && w[1] == '家')
        // A verb of one character before a bare kind of body (上|大学, 经|医院, 办|水泥厂).
        && !(one_of("上办经到去进在从", chars[span.start])
            && (ORG_SUFFIXES.contains(&&name[chars[span.start].len_utf8()..])
                || GENERIC_BODIES.contains(&&name[chars[span.start].len_utf8()..])))
        // Weapons by their maker (美制陆军战术导弹).
        && !name.starts_with("美制")
        && !name.starts_with("俄制")
        // A state's party and government (中国党和政府), a party's member (中国共产党党员).
        && !(name.ends_with('党')
            && COUNTRIES
                .iter()
                .any(|c| name.strip_prefix(c) == Some("党")))
        && !name.ends_with("党党")
        && name != "中央党"
        && !NOT_ORG_ENDINGS.iter().any(|e| name.ends_with(e))
        // Two chambers are not one body (美国国会参众两院).
        && !name.ends_with("两院")
        && chars[span.start..span.end]
            .iter()
            .all(|&c| !c.is_whitespace() && !one_of("《》、及", c))
        // A count of bodies (川渝291家医院), a place organising something (宜宾市组织).
        && !chars[span.start..span.end]
            .windows(2)
            .any(|w| w[0].is_ascii_digit() && one_of("家所个", w[1]))
        && !(name.ends_with("组织")
            && name.chars().rev().nth(2).is_some_and(|c| one_of("省市县区镇乡", c)))
        // A bracket closed or opened outside it (全面依法治省（区、市、兵团）委员会).
        && name.matches('（').count() == name.matches('）').count()
        && name.matches('(').count() == name.matches(')').count()
}

/// Verbs that stand before the names of bodies and that the tagger reads into them.
const LEADING_VERBS: &[&str] = &[
    "希望",
    "欢迎",
    "支持",
    "鼓励",
    "推动",
    "感谢",
    "邀请",
    "祝贺",
    "赞赏",
    "同意",
    "参访",
    "会见",
    "审议",
    "确保",
    "夯实",
    "新时代",
    "汇报",
    "部署",
    "介绍",
    "帮助",
    "组建",
    "加上",
    "兼并",
    "列席",
    "优化",
    "致信",
    "致电",
    "致函",
];

/// Words that make a stretch of text a clause or a slogan, not a name (国务院决定成立调查组,
/// 党中央着眼于…全局, 从严管党治院).
const CLAUSE_WORDS: &[&str] = &[
    "决定", "举行", "召开", "开展", "着眼", "表示", "指出", "强调", "要求", "作出", "提出", "贡献",
    "愿同", "设立", "共同", "部署", "配合", "开行", "军演", "通车", "经商", "围绕", "发挥",
    // Slogans of governing (从严管党治院, 依法治校), which end like a court or a school.
    "管党", "治党", "治院", "治校", "治军", "建军",
];

/// Whether a name was read into the word after it: 中国人民银行|会同, 中国人民政治协商会|议
/// (but not 国民议会|议长, 证监会|同意), 党中央站|在, 当前局|面, 队|伍, 美国队|员.
fn ends_inside_next_word(chars: &[char], span: Span) -> bool {
    let after = |k: usize| chars.get(span.end + k).copied().unwrap_or(' ');
    // 银行|界, 法律|界: the circles of a trade, not a body.
    if after(0) == '界' {
        return true;
    }
    match chars[span.end - 1] {
        '会' => match after(0) {
            '议' => !one_of("长员", after(1)),
            '同' => after(1) != '意',
            next => one_of("见谈晤商", next),
        },
        '站' => after(0) == '在',
        // 兵团党|政, 党|员, 党|建: a word of the party's, not a party (兵团党委 is a body).
        '党' => one_of("政员建性风纪课史龄费旗徽章务籍内外", after(0)),
        // 局|面, 局|势, 局|部 (not 总局|部署).
        '局' => one_of("面势", after(0)) || after(0) == '部' && after(1) != '署',
        '队' => one_of("伍员", after(0)),
        // 中心|工作: the main task.
        '心' => after(0) == '工' && after(1) == '作',
        // 斯诺克团|体: a team event.
        '团' => after(0) == '体',
        // 大学|生, 大学|毕业: a student, a graduate.
        '学' => after(0) == '生' || after(0) == '毕' && after(1) == '业',
        // A law named after the body (村民委员会组织|法), or organising (深中通道组织|通车).
        '织' => after(0) == '法' || one_of("通实开举召", after(0)),
        // A base or a site named after it (柯特兰空军|基地, 新四军军部|旧址).
        '军' => one_of("基旧", after(0)) && one_of("地址", after(1)),
        // 国际联|播, 联|合, 联|盟: not a federation (妇联, 工商联).
        '联' => one_of("播合盟系动络手欢通网防控", after(0)),
        _ => false,
    }
}

/// Converts byte offsets of `source` (as Aho-Corasick reports them) to char offsets.
struct CharOffsets {
    /// char index of each byte offset that starts a char (others are never asked for).
    by_byte: Vec<u32>,
}

impl CharOffsets {
    fn new(source: &str) -> Self {
        let mut by_byte = vec![0u32; source.len() + 1];
        let mut n = 0u32;
        for (b, _) in source.char_indices() {
            by_byte[b] = n;
            n += 1;
        }
        by_byte[source.len()] = n;
        CharOffsets { by_byte }
    }
    fn char_at(&self, byte: usize) -> usize {
        self.by_byte[byte] as usize
    }
}

/// An automaton over one of the fixed word lists: a DFA, which searches several times faster
/// than the default NFA and for a few hundred short patterns costs well under a megabyte and
/// a millisecond to build.
fn automaton(patterns: &[&str], kind: AhoCorasickKind) -> AhoCorasick {
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .kind(Some(kind))
        .build(patterns)
        .expect("word lists are small and valid")
}

/// An automaton over the names a document yields (thousands in a big one): the default
/// choice, as a DFA over so many would take longer to build than it saves.
fn names_automaton(patterns: &[&str]) -> AhoCorasick {
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(patterns)
        .expect("names are short and valid patterns")
}

fn starts_with_any(chars: &[char], at: usize, words: &[&str]) -> bool {
    words.iter().any(|w| starts_with(chars, at, w))
}

fn starts_with(chars: &[char], at: usize, word: &str) -> bool {
    (at..)
        .zip(word.chars())
        .all(|(i, c)| chars.get(i) == Some(&c))
}

fn ends_with_any<'a>(s: &str, words: &[&'a str]) -> Option<&'a str> {
    words
        .iter()
        .copied()
        .filter(|w| s.ends_with(w))
        .max_by_key(|w| w.len())
}

// ---------------------------------------------------------------- people

/// Clause punctuation: a title chain never crosses one.
fn ends_clause(c: char) -> bool {
    !is_han(c) && c != '、' && c != '·'
}

/// An ASCII or full-width digit (4月8日, ４月).
fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// Whether `c` is one of the characters of `set`. One copy of the search for every list
/// written inline: the standard library's, inlined at each of them, costs the wasm kilobytes.
/// (A plain scan: the lists are short, and the library's substring search costs more here.)
#[inline(never)]
fn one_of(set: &str, c: char) -> bool {
    set.chars().any(|x| x == c)
}

fn is_surname(c: char) -> bool {
    SURNAME_SET.contains(c)
}

fn can_be_in_name(c: char) -> bool {
    is_han(c) && !NOT_IN_NAME_SET.contains(c)
}

/// Whether the characters after a surname can be a given name. 政 is kept out of names (党政,
/// 市政府, 政协) except as one of two given characters that makes no word with the character
/// before it (吴政隆, 范明政; not 廉政建设, 时政新闻 or 王主政).
fn can_be_given_name(surname: char, given: &[char]) -> bool {
    match given {
        ['政', second] => {
            !one_of("党施廉时路严秦", surname)
                && can_be_in_name(*second)
                && !one_of("治策协务权委府", *second)
        }
        // 在 in Korean names (李在明, 文在寅), after a Korean surname; not where a verb or a
        // place follows it (李在北京: 北京 ends no name, 王在会上: 会 is in none).
        ['在', second] => {
            one_of("李文金朴崔郑尹申姜柳卢宋", surname)
                && can_be_in_name(*second)
                && !FUNCTION_SET.contains(*second)
        }
        // 会 as the first of two given characters (葛会波), not in a word of meetings after a
        // surname-like character (王|会见, 常|会上, 党|会议).
        ['会', second] => {
            can_be_in_name(*second)
                && !one_of("见谈议上同长员场晤商计展后前期聚中标签务合堂所费", *second)
        }
        // 为 likewise (吴为山; not 成为, 尤为重要, 以…为主).
        ['为', second] => {
            !one_of("成尤何", surname)
                && can_be_in_name(*second)
                && !one_of("主首止期核重", *second)
        }
        [first, '政'] => {
            can_be_in_name(*first)
                && !one_of(
                    "财民执参议内家国邮新廉勤施宪时德仁路朝理从亲干主当专暴苛行",
                    *first,
                )
        }
        _ => given.iter().all(|&c| can_be_in_name(c)),
    }
}

/// Whether `span` lies inside a country's name (利亚 of 阿尔及利亚总统).
fn in_country_name(chars: &[char], span: Span) -> bool {
    COUNTRIES.iter().any(|c| {
        let n = c.chars().count();
        n > span.len()
            && (span.end.saturating_sub(n)..=span.start)
                .any(|s| s + n >= span.end && starts_with(chars, s, c))
    })
}

/// Words that end a name for the rules but are no cue for the tagger: bodies hold meetings as
/// often as people do (as a tagger feature, 举行 cost 1.5 points of People's Daily F1).
/// The first characters of [`BEFORE_TITLE`] (a test per character of a chain before the list).
const BEFORE_TITLE_FIRST: &str = "的由在向对为请同与是将从经会接看慰出参陪邀欢听分率带感祝致转宣任推选当担有以了免批发通给或包援提认针反谴呼敦指抨称赞回告警起弹罢逮悼播于授";
/// The first characters of [`ENDS_NAME_IN_RULES`] (a test per character before the list).
const ENDS_NAME_IN_RULES_FIRST: &str = "举常副秘大议国审";
const ENDS_NAME_IN_RULES: &[&str] = &[
    "举行",
    "常委",
    "副委员长",
    "副主任",
    "副部长",
    "副主席",
    "副总理",
    "秘书长",
    "大使",
    "议长",
    "国务卿",
    "审计长",
];

/// How clearly a name ends at some index: the text stops being Han, or a word that follows names
/// begins there (two-character words are clearer than one-character ones: 莫朗共同 → 莫朗).
fn name_end_strength(chars: &[char], end: usize) -> u8 {
    if end >= chars.len() || !is_han(chars[end]) {
        return 3;
    }
    // (Most characters start no such word: one lookup instead of a scan of the list.)
    let ends_in_rules = || {
        one_of(ENDS_NAME_IN_RULES_FIRST, chars[end])
            && ENDS_NAME_IN_RULES
                .iter()
                .any(|w| starts_with(chars, end, w))
    };
    if !AFTER_NAME_FIRST.contains(chars[end]) && !ends_in_rules() {
        return 0;
    }
    match AFTER_NAME
        .iter()
        .chain(ENDS_NAME_IN_RULES)
        .filter(|w| starts_with(chars, end, w))
        .map(|w| w.chars().count())
        .max()
    {
        Some(n) if n >= 2 => 2,
        Some(_) => 1,
        None => 0,
    }
}

/// Length of a Chinese name starting at `at`, if one does: surname + 1–2 characters, ending at
/// a boundary. `strict` asks for a non-Han character right after (for weak titles like 代表).
fn name_at(chars: &[char], at: usize, strict: bool) -> Option<usize> {
    if let Some(len) = tibetan_name_at(chars, at) {
        return Some(len);
    }
    // A conjunction inside a sentence joins titles or names (众议长|和参议长, 第一副主席|和常务
    // 副主席): no surname there.
    if at > 0 && is_han(chars[at - 1]) && chars.get(at).is_some_and(|&c| one_of("和与及同并", c))
    {
        return None;
    }
    let surname = if COMPOUND_SURNAMES.iter().any(|s| starts_with(chars, at, s)) {
        2
    } else if chars.get(at).copied().is_some_and(is_surname) {
        1
    } else {
        return None;
    };
    let mut best: Option<(u8, usize)> = None;
    for given in [1, 2] {
        let end = at + surname + given;
        if end > chars.len() {
            break;
        }
        // (A character kept out of one-character given names may start a two-character one:
        // 葛会|波.)
        if !can_be_given_name(chars[at + surname - 1], &chars[at + surname..end]) {
            continue;
        }
        let strength = name_end_strength(chars, end);
        if strength == 0 || (strict && strength < 3) {
            continue;
        }
        let word: String = chars[at..end].iter().collect();
        // Nor a verb said of names after a surname-like character (时|强调, 常|表示).
        let given_part: String = chars[at + surname..end].iter().collect();
        let verb = AFTER_NAME
            .iter()
            .any(|w| w.chars().count() >= 2 && given_part.ends_with(w))
            // Or read from one (宣布|共同: 宣布共).
            || given == 2
                && AFTER_NAME_FIRST.contains(chars[at])
                && AFTER_NAME.iter().any(|w| w.len() == 6 && word.starts_with(w));
        // Nor a body (重大专项工作委员|宣讲团).
        let body = given == 2 && one_of("团队社校馆厂署厅局院站庭处室所", chars[end - 1]);
        if NOT_NAMES.contains(&word.as_str()) || is_place(&word) || verb || body {
            continue;
        }
        // Ties go to the longer name: three-character names are the common case; but not over
        // a verb that follows names (骆源|作的报告, 卢拉|致信), seldom the end of a given name.
        let verb_after = given == 2 && one_of("作说称率答致", chars[end - 1]);
        // Nor a day of the week (总理|周二晚|表示), nor one that ends with the first character
        // of a title's tense (大使和新|任).
        if chars[at] == '周' && one_of("一二三四五六日末", chars[at + 1])
            || starts_with_any(
                chars,
                end - 1,
                &["新任", "现任", "前任", "时任", "曾任", "原任"],
            )
        {
            continue;
        }
        if best.is_none_or(|(s, _)| strength > s || strength == s && !verb_after) {
            best = Some((strength, surname + given));
        }
    }
    best.map(|(_, len)| len)
}

/// A Tibetan name of two common parts (白玛玉珍, 次仁卓嘎, 洛桑江村), ending where a name ends:
/// no surname, so neither the surname rules nor a three-character reading (白玛玉|珍) fit it.
fn tibetan_name_at(chars: &[char], at: usize) -> Option<usize> {
    if !chars.get(at).is_some_and(|&c| TIBETAN_FIRST.contains(c)) {
        return None;
    }
    let part = |k: usize| TIBETAN_NAME_PARTS.iter().any(|t| starts_with(chars, k, t));
    (part(at) && part(at + 2) && name_end_strength(chars, at + 4) >= 1).then_some(4)
}

/// A country, region or capital (哈萨克斯坦, 南非前…), at either end of a would-be name.
fn is_place(word: &str) -> bool {
    let w = word.as_bytes();
    if w.len() < 6 {
        return false;
    }
    // (A country starts at one of the word's characters, or it is none: a lookup per
    // character before the list.)
    if !word.chars().any(|c| COUNTRY_FIRST.contains(c)) {
        return false;
    }
    let (head, tail) = (&w[..3], &w[w.len() - 3..]);
    // Two characters or more (six bytes): 美 alone ends too many words. (The first and last
    // characters are compared first: this runs for every name proposed.)
    COUNTRIES.iter().any(|c| {
        let c = c.as_bytes();
        c.len() >= 6
            && c.len() <= w.len()
            && (c[..3] == *head && w.starts_with(c) || c[c.len() - 3..] == *tail && w.ends_with(c))
    })
}

/// Length of a transliterated foreign name at `at` (托卡耶夫), 2–8 characters ending at a
/// boundary.
fn foreign_name_at(chars: &[char], at: usize) -> Option<usize> {
    let run = chars[at..]
        .iter()
        .take(9)
        .take_while(|&&c| TRANSLITERATION_SET.contains(c))
        .count();
    (2..=run.min(8)).rev().find(|&len| {
        let word: String = chars[at..at + len].iter().collect();
        // A title written after names ends a transliterated one (斯克利亚尔第一副总理).
        let title_after = TITLES_AFTER_NAME
            .iter()
            .any(|t| t.chars().count() >= 3 && starts_with(chars, at + len, t));
        // (Before a word of one character that follows names, 威特科夫|已前往, when the name
        // is long enough not to be a word's start.)
        (title_after
            || name_end_strength(chars, at + len) >= 2
            || len >= 4 && name_end_strength(chars, at + len) >= 1)
            && chars[at + len - 1] != '·'
            && !is_place(&word)
    })
}

/// Left boundary of a name that precedes a title (习近平总书记): start of text, non-Han, or
/// a function word.
fn name_starts_at(chars: &[char], start: usize) -> bool {
    start == 0 || !is_han(chars[start - 1]) || BEFORE_PLACE_SET.contains(chars[start - 1])
}

struct Found {
    span: Span,
    name: String,
    /// Titles written after the name (李强总理), and all of them once `chain_at` is read.
    titles: Vec<String>,
    /// Where the chain of titles before the name ends (the start of the name, or of the list
    /// it is in), read once every name of the text is found.
    chain_at: Option<usize>,
}

fn people(
    resources: &Resources,
    source: &str,
    chars: &[char],
    offsets: &CharOffsets,
    orgs: &[Organization],
    proposed: &[(Kind, Span)],
) -> Vec<Person> {
    let rules = resources.zh_rules();
    let words = resources.zh_words();
    let lists = resources.zh_lists();
    let given = |c| lists.given_level(c);
    let titles_ac = &rules.titles;
    let mut found: Vec<Found> = Vec::new();
    // Which characters the names found so far cover, and where they end: overlap tests and
    // the search for the previous name in a list look at a few characters, not at every name.
    let mut named = Marks::new(chars.len());
    let mut title_spans: Vec<(Span, &str)> = Vec::new();
    for m in titles_ac.find_iter(source) {
        let span = Span::new(offsets.char_at(m.start()), offsets.char_at(m.end()));
        let word = TITLE_WORDS[m.pattern().as_usize()];
        // 团长 read inside 集团长江电力 is no title.
        if word.ends_with("团长") && span.start > 0 && chars[span.start - 1] == '集' {
            continue;
        }
        // A rank, not a post (部长级代表, 省长级).
        if chars.get(span.end) == Some(&'级') {
            continue;
        }
        title_spans.push((span, word));
    }
    let mut in_org = Marks::new(chars.len());
    for o in orgs {
        for &m in &o.mentions {
            in_org.mark(m);
        }
    }
    // Title words by where they end and where they start (title_spans is in text order and
    // disjoint, so one ending at `at` is the last to start before it).
    let title_ending_at = |at: usize| {
        let k = title_spans.partition_point(|(t, _)| t.start < at);
        k > 0 && title_spans[k - 1].0.end == at
    };
    let title_starting_at = |at: usize| {
        let k = title_spans.partition_point(|(t, _)| t.start < at);
        title_spans[k..]
            .iter()
            .take_while(|(t, _)| t.start == at)
            .find(|(_, w)| TITLES_AFTER_NAME.contains(w))
            .map(|&(_, w)| w)
    };
    // The tagger's people, in text order (its spans never overlap).
    let tagged_people: Vec<Span> = proposed
        .iter()
        .filter(|(kind, _)| *kind == Kind::Per)
        .map(|&(_, span)| span)
        .collect();

    // First the people the word list knows, wherever the text names them (习近平、李强…韩正等,
    // 总统普京命令): not inside an organisation's name, a longer name, or a common word of the
    // text around (任何|维护 holds 何维, 江苏|林业 苏林). A longer name of the tagger's
    // holding a known one (费迪南德·罗慕尔德兹·马科斯, 卢拉致) is left to it and to the
    // trimming below. Found first, they take the titles written next to them.
    let known: Vec<Span> = words
        .known_people_in(source)
        .into_iter()
        .map(|r| Span::new(offsets.char_at(r.start), offsets.char_at(r.end)))
        .collect();
    for &span in &known {
        let k = tagged_people.partition_point(|p| p.start <= span.start);
        if k > 0 && tagged_people[k - 1].end >= span.end && tagged_people[k - 1] != span {
            continue;
        }
        // With the rest of a name in parts (弗拉基米尔·泽连斯基).
        let span = whole_dotted_name(chars, span);
        // (A known name may stand before any word that follows names: 王毅等.)
        let glued_before = !title_ending_at(span.start) && word_across_start(chars, words, span);
        let glued_after =
            name_end_strength(chars, span.end) == 0 && word_across_end(chars, words, span);
        // Part of a longer name: 莱希 of 布莱希特, 贝利 of 切尔诺贝利, 王勇 of 王勇军.
        let name = &chars[span.start..span.end];
        let foreign = name.iter().all(|&c| TRANSLITERATION_SET.contains(c));
        let in_part = |c: char| c != '·' && TRANSLITERATION_SET.contains(c);
        let longer = if foreign {
            span.start > 0 && in_part(chars[span.start - 1])
                || span.end < chars.len() && in_part(chars[span.end])
        } else {
            span.len() == 2
                && span.end < chars.len()
                && name_end_strength(chars, span.end) == 0
                && given(chars[span.end]) >= 5
        };
        if named.any(span) || in_org.any(span) || glued_before || glued_after || longer {
            continue;
        }
        named.mark(span);
        found.push(Found {
            span,
            name: text_of(chars, span),
            titles: Vec::new(),
            chain_at: title_ending_at(span.start).then_some(span.start),
        });
    }
    let mut index = FoundIndex::default();
    for (i, f) in found.iter().enumerate() {
        index.insert(f, i);
    }

    // Where titles written after a name end: what follows them is not theirs.
    let mut titles_after_names: Vec<usize> = Vec::new();
    'titles: for &(title, word) in &title_spans {
        // Name then title: 习近平总书记, 李强总理. Such a title does not also name what
        // follows it (习近平总书记郑重宣布: 郑重 is no name).
        if TITLES_AFTER_NAME.contains(&word) {
            if let Some(&i) = index.by_end.get(&title.start) {
                found[i].titles.push(word.to_string());
                titles_after_names.push(title.end);
                continue 'titles;
            }
            // A name the document has already given, whatever stands before it (赞赏巴赫主席),
            // or one that starts clearly.
            let given_before = (2..=6).find(|&len| {
                title.start >= len
                    && index
                        .names
                        .contains(&text_of(chars, Span::new(title.start - len, title.start)))
                    && !named.any(Span::new(title.start - len, title.start))
            });
            let before = given_before.or_else(|| {
                [4, 3, 2, 5, 6].into_iter().find(|&len| {
                    title.start.checked_sub(len).is_some_and(|start| {
                        name_starts_at(chars, start)
                            // Not a count's measure word (18|位驻华|大使).
                            && !(one_of("位名", chars[start])
                                && start > 0
                                && (is_digit(chars[start - 1])
                                    || one_of("一二两三四五六七八九十百多几", chars[start - 1])))
                            && (name_at(chars, start, false) == Some(len)
                                || foreign_name_at(chars, start) == Some(len))
                            && !named.any(Span::new(start, title.end))
                            && !in_country_name(chars, Span::new(start, title.start))
                            // A state's or a nation's title (应国家主席, 全国政协主席): no name.
                            && !(title.start >= 2
                                && starts_with_any(chars, title.start - 2, &["国家", "全国"]))
                    })
                })
            });
            if let Some(len) = before {
                let span = Span::new(title.start - len, title.start);
                index.add(
                    &mut found,
                    &mut named,
                    chars,
                    span,
                    vec![word.to_string()],
                    None,
                );
                titles_after_names.push(title.end);
                continue 'titles;
            }
        }
        // Title then name: 政法委书记李正古. A list of names shares the title before it
        // (常委李强、赵乐际、王沪宁).
        let weak = matches!(
            word,
            "代表" | "成员" | "委员" | "负责人" | "发言人" | "常委"
        );
        let mut at = title.end;
        loop {
            if let Some(&i) = index.by_start.get(&at) {
                found[i].chain_at = Some(title.end);
                at = found[i].span.end;
            } else {
                let name_len = name_at(chars, at, weak && at == title.end).or_else(|| {
                    (!weak && at == title.end)
                        .then(|| foreign_name_at(chars, at))
                        .flatten()
                });
                let Some(len) = name_len else { break };
                let span = whole_dotted_name(chars, Span::new(at, at + len));
                // A common word of the news after a title (国王|任命, 代表|谈判) is that word,
                // unless the news or the tagger names someone so (外长|王毅, 秘书长|肖捷), or it
                // is listed after another name (王东明、肖捷).
                let name = text_of(chars, span);
                let word = at == title.end
                    && span.len() == 2
                    && words.count(&name) >= 100
                    && !words.is_known_person(&name)
                    && tagged_people.binary_search(&span).is_err();
                if word
                    || named.any(span)
                    || at > title.end && starts_with_any(chars, span.end, TITLE_WORDS)
                {
                    break;
                }
                index.add(
                    &mut found,
                    &mut named,
                    chars,
                    span,
                    Vec::new(),
                    Some(title.end),
                );
                at = span.end;
            }
            if chars.get(at) != Some(&'、') {
                break;
            }
            at += 1;
        }
    }

    // Names the tagger proposes that the rules did not read, outside organisations; titles
    // from the clause before them or a post-name title after them.
    for &(kind, span) in proposed {
        let addressed = surname_of_address(chars, span);
        let plausible = if addressed == span {
            // A dotted name read up to a dot (路易斯·伊纳西奥·卢拉·|达席尔瓦) is judged whole.
            plausible_person(chars, span)
                || chars[span.end - 1] == '·' && {
                    let whole = whole_dotted_name(chars, Span::new(span.start, span.end - 1));
                    // (Not when the part after the dot cannot be read: 艾尔肯·|吐尼亚孜.)
                    whole.end > span.end && plausible_person(chars, whole)
                }
        } else {
            // 老 and 总 alone start words after a surname (刘老|庄, 王总|结): only before an end.
            span.len() > 2 || name_end_strength(chars, span.end) >= 1
        };
        let span = if addressed == span && kind == Kind::Per {
            without_rank(
                chars,
                whole_dotted_name(
                    chars,
                    whole_given_name(
                        chars,
                        words,
                        with_regnal_number(chars, whole_transliteration(chars, span)),
                    ),
                ),
            )
        } else {
            addressed
        };
        // A name whose first character makes a common word with the one before it, where no
        // title stands before (长江|电力 read as 江电力): that word, not a name.
        let glued = !title_ending_at(span.start) && word_across_start(chars, words, span)
            // Or whose last makes one with the next (给予小国|平等: 等 may end a name, 平等
            // is the commoner reading).
            || name_end_strength(chars, span.end) < 2 && word_across_end(chars, words, span);
        // The tagger reads a word after a name's title as a name (习近平总书记|郑重宣布).
        let after_named_title = titles_after_names.binary_search(&span.start).is_ok();
        // A surname-like character before one of the commonest words of the news, untitled
        // (首张|国际认可): that word.
        let before_common_word = span.len() == 3
            && is_surname(chars[span.start])
            && !title_ending_at(span.start)
            && words.count_chars(&chars[span.start + 1..span.end]) >= 2000
            && !words.is_known_person(&text_of(chars, span));
        if kind != Kind::Per
            || before_common_word
            || named.any(span)
            || in_org.any(span)
            || !plausible
            || glued
            || after_named_title
        {
            continue;
        }
        let mut titles = Vec::new();
        if let Some(word) = title_starting_at(span.end) {
            titles.push(word.to_string());
        }
        named.mark(span);
        found.push(Found {
            span,
            name: text_of(chars, span),
            titles,
            chain_at: title_ending_at(span.start).then_some(span.start),
        });
    }
    // Names found without the tagger or a title, where neither read one:
    // - a surname with a form of address (李老师看了, 郑先生创作, 老于的女儿): the surname, as
    //   People's Daily annotates it;
    // - a name that opens a clause before a verb of saying (靳骕说，, 哈比比表示): a speaker;
    // - the one met, received or visited, right after the verb (会见马英九一行).
    // The ones decisions remove or appoint, and the posts they name (免去吴英杰…职务).
    let decided = decisions(chars, words);
    let untitled = addressed_surnames(chars, words)
        .into_iter()
        .chain(speakers(chars, words))
        .chain(met_names(chars, words))
        .chain(attendees(chars, words))
        .chain(decided.iter().flat_map(|(names, _)| names.iter().copied()))
        .chain(comrades(chars, words));
    for span in untitled {
        if !named.any(span) && !in_org.any(span) {
            named.mark(span);
            found.push(Found {
                span,
                name: text_of(chars, span),
                titles: Vec::new(),
                chain_at: None,
            });
        }
    }
    // An item of a list of people that neither read (作家肖乾、冯骥才、余华等): a person too,
    // when it has a name's shape and a person stands on each side of it in the list, or two
    // on one side. (One person beside it is not enough: the tagger reads places and plants
    // in lists as names too, 明尼阿波利斯、费城, 西芹、花椰菜.)
    let mut unvisited = 0;
    let (mut last_added, mut last_ends): (Vec<usize>, Vec<usize>) = (Vec::new(), Vec::new());
    loop {
        let person_before = |named: &Marks, start: usize| {
            start >= 2
                && separates_items(chars[start - 1])
                && named.any(Span::new(start - 2, start - 1))
        };
        let person_after = |named: &Marks, end: usize| {
            chars.get(end).copied().is_some_and(separates_items)
                && end + 2 <= chars.len()
                && named.any(Span::new(end + 1, end + 2))
        };
        let mut more = Vec::new();
        // (After the first round, only the names the last one added and the names next to
        // them can have new neighbours to read: a long list is read in as many rounds as it
        // has names, and a round over every name would make that quadratic.)
        let fresh = |f: &Found| {
            let span = f.span;
            last_added.binary_search(&(span.end + 1)).is_ok()
                || span.start >= 1 && last_ends.binary_search(&(span.start - 1)).is_ok()
        };
        for (k, f) in found.iter().enumerate() {
            if k < unvisited && !fresh(f) {
                continue;
            }
            let span = f.span;
            let after = listed_name_after(chars, span.end, words)
                .filter(|item| person_after(&named, item.end) || person_before(&named, span.start))
                .or_else(|| {
                    listed_item_after(chars, span.end).filter(|&item| {
                        person_after(&named, item.end) && unknown_name(chars, item, words)
                    })
                });
            let before = listed_name_before(chars, span.start, words)
                .filter(|item| person_before(&named, item.start) || person_after(&named, span.end))
                .or_else(|| {
                    listed_item_before(chars, span.start).filter(|&item| {
                        person_before(&named, item.start) && unknown_name(chars, item, words)
                    })
                });
            more.extend(
                after
                    .into_iter()
                    .chain(before)
                    .filter(|&item| !named.any(item) && !in_org.any(item)),
            );
        }
        if more.is_empty() {
            break;
        }
        unvisited = found.len();
        last_added = more.iter().map(|m| m.start).collect();
        last_added.sort_unstable();
        last_ends = more.iter().map(|m| m.end).collect();
        last_ends.sort_unstable();
        for item in more {
            if !named.any(item) {
                named.mark(item);
                found.push(Found {
                    span: item,
                    name: text_of(chars, item),
                    titles: Vec::new(),
                    chain_at: None,
                });
            }
        }
    }
    // A name listed right after one a title stands before shares that title, also where the
    // list was read only now (全国人大代表李小军、阿拉腾达来、何新民).
    crate::order::sort_by_key(&mut found, |f| (f.span.start, 0));
    for i in 1..found.len() {
        let (before, after) = (&found[i - 1], &found[i]);
        if after.chain_at.is_none()
            && before.chain_at.is_some()
            && after.span.start == before.span.end + 1
            && chars[before.span.end] == '、'
        {
            found[i].chain_at = found[i - 1].chain_at;
        }
    }
    // The titles before each name, now that every name is known: a chain stops at the name
    // before it (芬兰总理奥尔波和时任英国首相斯塔默).
    for f in &mut found {
        if let Some(at) = f.chain_at {
            let mut titles = title_chain(chars, at, &named, &in_org, words);
            for t in std::mem::take(&mut f.titles) {
                if !titles.contains(&t) {
                    titles.push(t);
                }
            }
            f.titles = titles;
        }
    }
    // Disjoint spans: no two start together.
    crate::order::sort_by_key(&mut found, |f| (f.span.start, 0));
    heading_titles(chars, &mut found, &mut named);
    // The post a delegation or a group names someone to (以王沪宁为团长的中央代表团): a title.
    for f in found.iter_mut() {
        let span = f.span;
        if span.start == 0 || chars[span.start - 1] != '以' || chars.get(span.end) != Some(&'为')
        {
            continue;
        }
        let post = (span.end + 2..(span.end + 12).min(chars.len()))
            .find(|&k| chars[k] == '的')
            .map(|k| text_of(chars, Span::new(span.end + 1, k)))
            .filter(|post| ends_with_any(post, TITLE_WORDS).is_some());
        if let Some(post) = post {
            if !f.titles.contains(&post) {
                f.titles.push(post);
            }
        }
    }
    // Posts the text says someone holds (单杏花同志是中国铁道科学研究院集团有限公司首席研究员、
    // 铁路12306技术中心总工程师。): titles, when every item up to the clause's end is one.
    for f in found.iter_mut() {
        let mut at = f.span.end;
        if starts_with(chars, at, "同志") {
            at += 2;
        }
        if chars.get(at) != Some(&'是') {
            continue;
        }
        let end = (at + 1..chars.len().min(at + 80))
            .find(|&k| ends_clause(chars[k]) && !chars[k].is_ascii_digit())
            .unwrap_or(chars.len().min(at + 80));
        let posts: Vec<String> = text_of(chars, Span::new(at + 1, end))
            .split('、')
            .map(str::to_string)
            .collect();
        if posts.iter().all(|p| {
            (3..=30).contains(&p.chars().count()) && ends_with_any(p, TITLE_WORDS).is_some()
        }) {
            for p in posts {
                if !f.titles.contains(&p) {
                    f.titles.push(p);
                }
            }
        }
    }
    // The posts a decision removes people from, where no title was read for them.
    for (names, posts) in &decided {
        for f in found.iter_mut().filter(|f| f.titles.is_empty()) {
            if names.contains(&f.span) {
                f.titles.clone_from(posts);
            }
        }
    }
    trim_to_known_names(&mut found, given, words);

    // One entry per name, titles in order of first appearance.
    let mut order: Vec<String> = Vec::new();
    let mut titles: HashMap<String, Vec<String>> = HashMap::new();
    for f in &found {
        let entry = titles.entry(f.name.clone()).or_insert_with(|| {
            order.push(f.name.clone());
            Vec::new()
        });
        for t in &f.titles {
            if !entry.contains(t) {
                entry.push(t.clone());
            }
        }
    }
    // A place the tagger reads as a name (金华, 苏梅, 尤尼斯 of 汗尤尼斯) is a person only
    // where the document gives it a title.
    order.retain(|name| !(titles[name].is_empty() && words.is_place(name)));
    if order.is_empty() {
        return Vec::new();
    }

    // Every occurrence of every name, outside organisation names. A surname alone (胡 of
    // 胡老) is a mention only where it was read as one: elsewhere it is just a character.
    let names_ac = names_automaton(
        &order
            .iter()
            // A placeholder keeps pattern numbers equal to name numbers; its matches are skipped.
            .map(|n| {
                if n.chars().count() > 1 {
                    n.as_str()
                } else {
                    "\u{0}\u{0}"
                }
            })
            .collect::<Vec<_>>(),
    );
    let mut mentions: HashMap<usize, Vec<Span>> = HashMap::new();
    for m in names_ac.find_iter(source) {
        let span = Span::new(offsets.char_at(m.start()), offsets.char_at(m.end()));
        if in_org.any(span) || order[m.pattern().as_usize()].chars().count() == 1 {
            continue;
        }
        mentions
            .entry(m.pattern().as_usize())
            .or_default()
            .push(span);
    }
    for f in found.iter().filter(|f| f.span.len() == 1) {
        if let Some(i) = order.iter().position(|n| *n == f.name) {
            mentions.entry(i).or_default().push(f.span);
        }
    }
    for spans in mentions.values_mut() {
        spans.sort_unstable();
        spans.dedup();
    }
    let mut people: Vec<Person> = order
        .iter()
        .enumerate()
        .filter_map(|(i, name)| {
            let mentions = mentions.remove(&i)?;
            // An untitled name the document itself writes as a place somewhere (唐河县,
            // 海林市, 克拉克县) is the place.
            let written_as_place = mentions.iter().any(|m| {
                chars
                    .get(m.end)
                    .is_some_and(|c| one_of("县市区州省镇乡村", *c))
            });
            if written_as_place && titles.get(name).is_none_or(|t| t.is_empty()) {
                return None;
            }
            Some(Person {
                name: name.clone(),
                aliases: Vec::new(),
                titles: titles.remove(name).unwrap_or_default(),
                mentions,
            })
        })
        .collect();
    merge_short_forms(&mut people);
    merge_addressed_surnames(&mut people);
    // Mentions never overlap: no two people share a first one.
    crate::order::sort_by_key(&mut people, |p: &Person| (p.mentions[0].start, 0));
    people
}

/// A name right before 同志 where a phrase starts (“时代楷模”单杏花同志先进事迹报告会): a
/// person, when it reads as a name the news does not use as a word.
fn comrades(chars: &[char], words: &Lexicon) -> Vec<Span> {
    let mut out = Vec::new();
    for i in 2..chars.len().saturating_sub(1) {
        if chars[i] != '同' || chars[i + 1] != '志' {
            continue;
        }
        if let Some(span) = [3, 2]
            .into_iter()
            .filter_map(|len| i.checked_sub(len).map(|start| Span::new(start, i)))
            .find(|&span| {
                name_starts_at(chars, span.start)
                    && name_at(chars, span.start, false) == Some(span.len())
                    && listed_name(chars, span, words)
            })
        {
            out.push(span);
        }
    }
    out
}

/// Verbs of saying that follow a speaker's name.
const SAYING: &[&str] = &["说", "表示", "指出", "认为", "强调", "介绍", "告诉"];

/// Names that open a clause right before a verb of saying (靳骕说，): a Chinese name or a
/// transliteration, and no word the news knows unless it knows the person.
fn speakers(chars: &[char], words: &Lexicon) -> Vec<Span> {
    let opens = |at: usize| {
        at == 0
            || matches!(
                chars[at - 1],
                '，' | '。' | '：' | '；' | '！' | '？' | '“' | '\n' | '\u{3000}' | ' '
            )
    };
    let mut out = Vec::new();
    // From each verb back to the clause's start: the verbs are few, the characters many.
    for i in 2..chars.len() {
        if !matches!(chars[i], '说' | '表' | '指' | '认' | '强' | '介' | '告')
            || !starts_with_any(chars, i, SAYING)
        {
            continue;
        }
        // The name ends right before the verb (靳骕|说): 2–4 characters, or up to 8 of a
        // transliteration, from the clause's start.
        let Some(at) = (i.saturating_sub(8)..=i - 2).rev().find(|&at| opens(at)) else {
            continue;
        };
        // (向 of 向世界表示 is no surname there.)
        if BEFORE_PLACE_SET.contains(chars[at]) {
            continue;
        }
        let surname = if COMPOUND_SURNAMES.iter().any(|s| starts_with(chars, at, s)) {
            2
        } else {
            usize::from(is_surname(chars[at]))
        };
        let chinese = surname > 0
            && (at + surname + 1..=at + surname + 2).contains(&i)
            && can_be_given_name(chars[at + surname - 1], &chars[at + surname..i]);
        if !chinese && foreign_name_at(chars, at) != Some(i - at) {
            continue;
        }
        let span = Span::new(at, i);
        let name = text_of(chars, span);
        if !NOT_NAMES.contains(&name.as_str())
            && plausible_person(chars, span)
            && (words.count(&name) == 0 || words.is_known_person(&name))
            && !words.is_place(&name)
        {
            out.push(span);
        }
    }
    out
}

/// Verbs of meeting a person, whose object is so often a name that one needs no title there.
const MEETING_VERBS: &[&str] = &[
    "会见", "会晤", "接见", "看望", "探望", "拜会", "拜访", "宴请", "致电", "致函", "致信",
];

/// Names right after a verb of meeting (会见马英九一行): a Chinese name with a clear end, or a
/// transliteration, and no word the news knows (会见中外记者) unless it knows the person.
fn met_names(chars: &[char], words: &Lexicon) -> Vec<Span> {
    let mut out = Vec::new();
    for i in 0..chars.len() {
        // (A match, not a string search: this runs on every character.)
        if !matches!(chars[i], '会' | '接' | '看' | '探' | '拜' | '宴' | '致') {
            continue;
        }
        let Some(verb) = MEETING_VERBS.iter().find(|v| starts_with(chars, i, v)) else {
            continue;
        };
        let mut at = i + verb.chars().count();
        if chars.get(at) == Some(&'了') {
            at += 1;
        }
        // Not a conjunction or a word of coming (会见和讨论, 会见来访的).
        if at >= chars.len() || BEFORE_PLACE_SET.contains(chars[at]) || chars[at] == '来' {
            continue;
        }
        let Some(len) = name_at(chars, at, false).or_else(|| foreign_name_at(chars, at)) else {
            continue;
        };
        let span = whole_dotted_name(chars, Span::new(at, at + len));
        let name = text_of(chars, span);
        // Whole, or not at all (卢拉·达|席尔瓦 is cut).
        if name_end_strength(chars, span.end) >= 1
            && plausible_person(chars, span)
            // (A three-character word of the news after such a verb is a name: 马英九.)
            && (words.count(&name) == 0 || words.is_known_person(&name) || span.len() == 3)
            && !words.is_place(&name)
        {
            out.push(span);
        }
    }
    out
}

/// Names laid out on a line of their own under a heading that is their post, as communiqués
/// list those elected (一、中央政治局委员 / （按姓氏笔画为序排列） / 丁薛祥　习近平…): the post
/// is each one's title, and a label leading the line too (副主席　张又侠　何卫东). Two thirds
/// of the items must be names found already; the others, of a name's length, are names too.
/// `found` is in text order, and stays so.
fn heading_titles(chars: &[char], found: &mut Vec<Found>, named: &mut Marks) {
    let mut lines = Vec::new();
    let mut start = 0;
    for (i, &c) in chars.iter().chain(std::iter::once(&'\n')).enumerate() {
        if c == '\n' {
            lines.push(Span::new(start, i));
            start = i + 1;
        }
    }
    let mut heading: Option<String> = None;
    let mut added = Vec::new();
    for line in lines {
        // The line's items, between blanks.
        let mut items = Vec::new();
        let mut at = line.start;
        while at < line.end {
            if crate::text::is_blank(chars[at]) {
                at += 1;
                continue;
            }
            let end = (at..line.end)
                .find(|&k| crate::text::is_blank(chars[k]))
                .unwrap_or(line.end);
            // Without a note on the person (喻红秋（女）).
            let name_end = if end >= at + 3 && chars[end - 3..end] == ['（', '女', '）'] {
                end - 3
            } else {
                end
            };
            items.push(Span::new(at, name_end));
            at = end;
        }
        let Some(&first) = items.first() else {
            continue;
        };
        let text = &chars[first.start..items[items.len() - 1].end];
        // A note on the order (（按姓氏笔画为序排列）) keeps the heading.
        if text.first() == Some(&'（') && text.last() == Some(&'）') && text.len() > 4 {
            continue;
        }
        let is_found = |item: &Span| {
            let k = found.partition_point(|f| f.span.start < item.start);
            found.get(k).is_some_and(|f| f.span == *item)
        };
        // A label spaced out over its characters (主　席, 委　员) or written whole (副主席,
        // 常务委员会委员).
        let mut label = None;
        let mut joined = String::new();
        for (n, item) in items.iter().enumerate().take(3) {
            joined.extend(&chars[item.start..item.end]);
            let whole = n == 0
                && (2..=8).contains(&item.len())
                && !is_found(item)
                && ends_with_any(&joined, TITLE_WORDS).is_some();
            if whole || item.len() == 1 && TITLE_WORDS.contains(&joined.as_str()) {
                label = Some((n + 1, joined.clone()));
                break;
            }
            if item.len() > 1 {
                break;
            }
        }
        let (skip, label) = label.map_or((0, None), |(n, l)| (n, Some(l)));
        let names = &items[skip..];
        let known = names.iter().filter(|item| is_found(item)).count();
        let name_like = |item: &Span| {
            (2..=9).contains(&item.len())
                && chars[item.start..item.end].iter().all(|&c| {
                    c == '·'
                        || is_han(c) && !FUNCTION_SET.contains(c) && !INSTITUTION_SET.contains(c)
                })
        };
        if !names.is_empty() && 3 * known >= 2 * names.len() && names.iter().all(name_like) {
            let titles: Vec<String> = heading.iter().chain(&label).cloned().collect();
            for item in names {
                let k = found.partition_point(|f| f.span.start < item.start);
                if found.get(k).is_some_and(|f| f.span == *item) {
                    for t in &titles {
                        if !found[k].titles.contains(t) {
                            found[k].titles.push(t.clone());
                        }
                    }
                } else if !named.any(*item) {
                    named.mark(*item);
                    added.push(Found {
                        span: *item,
                        name: text_of(chars, *item),
                        titles: titles.clone(),
                        chain_at: None,
                    });
                }
            }
            continue;
        }
        // The heading: its number (一、, （一）, 1.) left out, a post the title words end.
        let body = match text
            .iter()
            .position(|&c| c == '、' || c == '）' || c == '.')
        {
            Some(p) if p <= 3 => &text[p + 1..],
            _ => text,
        };
        let word: String = body.iter().collect();
        heading = ((2..=20).contains(&body.len())
            && body.iter().all(|&c| is_han(c))
            && ends_with_any(&word, TITLE_WORDS).is_some())
        .then_some(word);
    }
    if !added.is_empty() {
        found.extend(added);
        crate::order::sort_by_key(found, |f| (f.span.start, 0));
    }
}

/// Verbs of a decision on a post (撤销…委员资格, 免去…职务).
const DECISION_VERBS: &[&str] = &["撤销", "免去", "任命", "罢免"];

/// How the body or the term of the post a decision names begins, right after the name; the
/// term (第) last: a body read with the name starts with one of the others.
const POST_STARTS: &[&str] = &[
    "政协",
    "全国",
    "中共",
    "中央",
    "国务院",
    "国家",
    "最高",
    "第",
];

/// The posts a decision names for the people it removes, up to 职务 or 资格, split at 、
/// (免去吴英杰|第十四届全国政协常委、文化文史和学习委员会主任|职务, 撤销张建春|第十四届全国政协委员|资格):
/// their titles. None where the clause ends first.
fn decided_posts(chars: &[char], start: usize) -> Vec<String> {
    let end = (start..chars.len().min(start + 60))
        .take_while(|&k| !ends_clause(chars[k]))
        .find(|&k| starts_with(chars, k, "职务") || starts_with(chars, k, "资格"));
    let Some(end) = end.filter(|&end| end > start + 1) else {
        return Vec::new();
    };
    text_of(chars, Span::new(start, end))
        .split('、')
        .filter(|t| t.chars().count() >= 2)
        .map(str::to_string)
        .collect()
}

/// The ones a decision removes or appoints, named right before the body or the term of the
/// post (免去吴英杰|政协第十四届全国委员会常务委员…, 撤销张建春|第十四届全国政协委员资格), alone
/// or in a list, and the posts it names for them.
fn decisions(chars: &[char], words: &Lexicon) -> Vec<(Vec<Span>, Vec<String>)> {
    let mut out = Vec::new();
    for i in 0..chars.len().saturating_sub(4) {
        if !matches!(chars[i], '撤' | '免' | '任' | '罢')
            || !starts_with_any(chars, i, DECISION_VERBS)
        {
            continue;
        }
        // A list of them (撤销王滨、王鹏杰、韩沂、魏艺红|政协第十三届全国委员会…): each item.
        let mut at = i + 2;
        let mut listed = Vec::new();
        while let Some(len) = (2..=3).find(|&n| chars.get(at + n) == Some(&'、')) {
            listed.push(Span::new(at, at + len));
            at += len + 1;
        }
        let Some(end) = [at + 3, at + 2].into_iter().find(|&end| {
            end + 2 <= chars.len()
                && (starts_with_any(chars, end, POST_STARTS)
                    || chars[end] == '十'
                        && starts_with_any(
                            chars,
                            end + 1,
                            &["届", "一届", "二届", "三届", "四届", "五届"],
                        ))
        }) else {
            continue;
        };
        listed.push(Span::new(at, end));
        if listed
            .iter()
            .all(|&item| listed_name_within(chars, item, words, 2000))
        {
            out.push((listed, decided_posts(chars, end)));
        }
    }
    out
}

/// The people a report lists as attending, on a line of their own (肖捷、夏宝龙参加会见。,
/// 王毅参加。): every item of the list, when each reads as a name, before 参加, 出席 or 陪同
/// (with 等) and the end of the sentence or what they attended.
fn attendees(chars: &[char], words: &Lexicon) -> Vec<Span> {
    let mut out = Vec::new();
    for i in 2..chars.len() {
        if !matches!(chars[i], '参' | '出' | '陪')
            || !starts_with_any(chars, i, &["参加", "出席", "陪同"])
        {
            continue;
        }
        let after = i + 2;
        let closes = chars.get(after).is_none_or(|&c| c == '。')
            || starts_with_any(
                chars,
                after,
                &["会见", "会谈", "上述活动", "活动", "仪式", "会议"],
            ) && chars.get(after + 2..).is_some_and(|rest| {
                let k = rest.iter().position(|&c| !is_han(c)).unwrap_or(rest.len());
                k <= 2 && rest.get(k).is_none_or(|&c| c == '。')
            });
        if !closes {
            continue;
        }
        let list_end = if chars[i - 1] == '等' { i - 1 } else { i };
        // Back to the start of the line or sentence, item by item.
        let mut items = Vec::new();
        let mut end = list_end;
        let complete = loop {
            let mut start = end;
            while start > 0
                && (is_han(chars[start - 1]) || chars[start - 1] == '·')
                && end - start < 12
            {
                start -= 1;
            }
            let item = Span::new(start, end);
            // (Names there are often words of the news list: 吴政隆 420 times.)
            if item.len() < 2 || !listed_name_within(chars, item, words, 2000) {
                break false;
            }
            items.push(item);
            match start.checked_sub(1).map(|k| chars[k]) {
                Some('、') => end = start - 1,
                None | Some('\n' | '。' | '，' | '：' | ' ' | '　') => break true,
                Some(_) => break false,
            }
        };
        if complete {
            out.extend(items);
        }
    }
    out
}

/// Whether a list's item (`item`, between separators) reads as a person's name: a surname
/// and one or two characters, or a transliteration, and no word or place the news knows.
fn listed_name(chars: &[char], item: Span, words: &Lexicon) -> bool {
    listed_name_within(chars, item, words, 300)
}

/// [`listed_name`], for a word the news writes fewer than `most` times.
fn listed_name_within(chars: &[char], item: Span, words: &Lexicon, most: u32) -> bool {
    let name = &chars[item.start..item.end];
    if name.len() < 2 {
        return false;
    }
    let word: String = name.iter().collect();
    let surname = if COMPOUND_SURNAMES.iter().any(|s| word.starts_with(s)) {
        2
    } else {
        usize::from(is_surname(name[0]))
    };
    let chinese = surname > 0
        && (surname + 1..=surname + 2).contains(&name.len())
        && can_be_in_name(name[0])
        && can_be_given_name(name[surname - 1], &name[surname..]);
    let foreign = (2..=6).contains(&name.len())
        && name.iter().all(|&c| TRANSLITERATION_SET.contains(c))
        || name.len() <= 12
            && name.contains(&'·')
            && name.first() != Some(&'·')
            && name.last() != Some(&'·')
            && name
                .iter()
                .all(|&c| TRANSLITERATION_SET.contains(c) || IN_DOTTED_NAMES.contains(c));
    // A Tibetan name of two parts (洛桑江村), which ends like a village.
    let tibetan = name.len() == 4 && tibetan_name_at(chars, item.start) == Some(4);
    if tibetan {
        return !words.is_place(&word);
    }
    // (Cheapest tests first: the thorough one last.)
    (chinese || foreign)
        && !one_of("县市区州省镇乡村", name[name.len() - 1])
        // Names the news repeats without a title are words of its list (杨震 52 times, 肖捷 131);
        // the words a list of people takes for one are far more frequent.
        && (words.count(&word) < most || words.is_known_person(&word))
        && !words.is_place(&word)
        && plausible_person(chars, item)
}

/// A list item between two people that has no surname or transliteration to show for it
/// (黄丽萍、阿拉腾达来、何润生), or characters kept out of names elsewhere (王文全): a name
/// still, when it is two to five characters no word or place of the news, and no function word
/// or institution's character is in it.
fn unknown_name(chars: &[char], item: Span, words: &Lexicon) -> bool {
    let name = &chars[item.start..item.end];
    let word: String = name.iter().collect();
    (2..=5).contains(&name.len())
        && name
            .iter()
            .all(|&c| is_han(c) && !FUNCTION_SET.contains(c) && !INSTITUTION_SET.contains(c))
        // (Nor a language or a people: 斯瓦希里文, 哈萨克族.)
        && !one_of("县市区州省镇乡村文语族人", name[name.len() - 1])
        && words.count(&word) == 0
        && !words.is_place(&word)
        && !is_place(&word)
}

/// What separates the items of a list of names: 、, or a full-width space in lists laid out
/// as a table (主席团成员：王广华　王仁华).
fn separates_items(c: char) -> bool {
    c == '、' || c == '　'
}

/// The item between the separator right after `end` and the next one.
fn listed_item_after(chars: &[char], end: usize) -> Option<Span> {
    if !chars.get(end).copied().is_some_and(separates_items) {
        return None;
    }
    let start = end + 1;
    let len = chars[start..].iter().take(7).position(|&c| !is_han(c))?;
    separates_items(chars[start + len]).then_some(Span::new(start, start + len))
}

/// The item between the separator right before `start` and the one before it.
fn listed_item_before(chars: &[char], start: usize) -> Option<Span> {
    if start == 0 || !separates_items(chars[start - 1]) {
        return None;
    }
    let end = start - 1;
    let len = chars[..end]
        .iter()
        .rev()
        .take(7)
        .position(|&c| !is_han(c))?;
    separates_items(chars[end - len - 1]).then_some(Span::new(end - len, end))
}

/// The list item right after a name that ends at `end` (…、冯骥才、): up to the next
/// separator, or the last item, up to a clear end (冯骥才、余华等).
fn listed_name_after(chars: &[char], end: usize, words: &Lexicon) -> Option<Span> {
    if !chars.get(end).copied().is_some_and(separates_items) {
        return None;
    }
    let start = end + 1;
    // (Up to a dotted name's length: 帕巴拉·格列朗杰.)
    let run = chars[start..]
        .iter()
        .take(12)
        .position(|&c| !is_han(c) && c != '·')
        .map_or(chars.len(), |n| start + n);
    if chars.get(run).copied().is_some_and(separates_items) {
        let item = Span::new(start, run);
        return listed_name(chars, item, words).then_some(item);
    }
    // The last item: the name that the clearest end follows, the longer of two as clear
    // (王好为|被授予, not 王好|为).
    (start + 2..=run.min(start + 3))
        .map(|e| Span::new(start, e))
        .filter(|&item| {
            name_end_strength(chars, item.end) >= 1
                && chars.get(item.end) != Some(&'·')
                && listed_name(chars, item, words)
        })
        .max_by_key(|&item| (name_end_strength(chars, item.end), item.end))
}

/// The list item right before a name that starts at `start` (、冯骥才、余华): back to the
/// separator before it, or, for the first item, to a clear start.
fn listed_name_before(chars: &[char], start: usize, words: &Lexicon) -> Option<Span> {
    if start == 0 || !separates_items(chars[start - 1]) {
        return None;
    }
    let end = start - 1;
    let mut first = end;
    while first > 0 && end - first < 12 && (is_han(chars[first - 1]) || chars[first - 1] == '·') {
        first -= 1;
    }
    if first > 0 && separates_items(chars[first - 1]) || first == 0 || !is_han(chars[first - 1]) {
        let item = Span::new(first, end);
        return (item.len() >= 2 && listed_name(chars, item, words)).then_some(item);
    }
    None
}

/// A surname with a form of address (尹师傅) where the document names one person of that
/// surname in full (尹舒展): that person, not another.
fn merge_addressed_surnames(people: &mut Vec<Person>) {
    let mut i = 0;
    while i < people.len() {
        let mut name = people[i].name.chars();
        let (Some(surname), None) = (name.next(), name.next()) else {
            i += 1;
            continue;
        };
        let full: Vec<usize> = (0..people.len())
            .filter(|&k| {
                let n = &people[k].name;
                n.starts_with(surname)
                    && n.chars().count() > 1
                    && !COMPOUND_SURNAMES.iter().any(|c| n.starts_with(c))
            })
            .collect();
        if let [f] = full[..] {
            let short = people.remove(i);
            let f = if f > i { f - 1 } else { f };
            people[f].mentions.extend(short.mentions);
            people[f].mentions.sort_unstable();
        } else {
            i += 1;
        }
    }
}

/// A transliterated name written in full once and by its last part elsewhere
/// (弗拉基米尔·泽连斯基 … 泽连斯基): one person, the short form an alias.
fn merge_short_forms(people: &mut Vec<Person>) {
    let mut i = 0;
    while i < people.len() {
        let full = people
            .iter()
            .position(|p| {
                p.name.rfind('·').is_some_and(|k| {
                    let last = &p.name[k + '·'.len_utf8()..];
                    last.chars().count() >= 2 && last == people[i].name
                })
            })
            .filter(|_| !people[i].name.contains('·'));
        match full {
            Some(f) => {
                let short = people.remove(i);
                let f = if f > i { f - 1 } else { f };
                let person = &mut people[f];
                person.aliases.push(short.name);
                person.mentions.extend(short.mentions);
                person.mentions.sort_unstable();
                for t in short.titles {
                    if !person.titles.contains(&t) {
                        person.titles.push(t);
                    }
                }
            }
            None => i += 1,
        }
    }
}

/// How often (in the corpus the word list counts) a two-character word must occur for a name
/// that would cut it in two to be refused.
const GLUED_WORD: u32 = 200;

/// Whether the first character of `span` makes a common word with the one before it
/// (长江|电力 read as 江电力).
fn word_across_start(chars: &[char], words: &Lexicon, span: Span) -> bool {
    span.start > 0 && words.count_chars(&chars[span.start - 1..=span.start]) >= GLUED_WORD
}

/// Whether the last character of `span` makes a common word with the one after it
/// (党中央部|署).
fn word_across_end(chars: &[char], words: &Lexicon, span: Span) -> bool {
    span.end < chars.len() && words.count_chars(&chars[span.end - 1..=span.end]) >= GLUED_WORD
}

/// A name read with a character of the text around it (普京致, 和普京, 李希送) where the
/// document names the same person without it, with a title, or the word list knows the
/// person: the shorter name. Only when the extra
/// character is not one names are made of (`given` level 4 or more: 李强 and 李强民 are two
/// people).
fn trim_to_known_names(found: &mut [Found], given: impl Fn(char) -> u8, words: &Lexicon) {
    let titled: std::collections::HashSet<String> = found
        .iter()
        .filter(|f| f.span.len() >= 2 && !f.titles.is_empty())
        .map(|f| f.name.clone())
        .collect();
    // The list of known people trims only function words and characters seen to be seldom in
    // names: 刘奇葆 is not 刘奇, and a rare character never seen in a name may still be one.
    let known = |name: &str, extra: char| {
        titled.contains(name)
            || words.is_known_person(name)
                && ((1..=2).contains(&given(extra)) || FUNCTION_SET.contains(extra))
    };
    for f in found.iter_mut().filter(|f| f.span.len() >= 3) {
        let name: Vec<char> = f.name.chars().collect();
        let n = name.len();
        let head: String = name[..n - 1].iter().collect();
        let tail: String = name[1..].iter().collect();
        // Nor when it could belong to a transliteration (特罗瓦达, 斯凯里特).
        let extra = |c: char| given(c) < 4 && !TRANSLITERATION_SET.contains(c) && c != '·';
        if known(&head, name[n - 1]) && extra(name[n - 1]) {
            f.span = Span::new(f.span.start, f.span.end - 1);
            f.name = head;
        } else if known(&tail, name[0]) && extra(name[0]) {
            f.span = Span::new(f.span.start + 1, f.span.end);
            f.name = tail;
        }
    }
}

/// A surname with a form of address (胡老, 王小姐, 李先生, 老张, 小刘) names its person by the
/// surname alone: the span shrinks to it, as People's Daily annotation and readers have it.
fn surname_of_address(chars: &[char], span: Span) -> Span {
    let name = &chars[span.start..span.end];
    if name.len() >= 2 && is_surname(name[0]) {
        let rest: String = name[1..].iter().collect();
        if ADDRESS_AFTER_SURNAME.contains(&rest.as_str()) {
            return Span::new(span.start, span.start + 1);
        }
    }
    if name.len() == 2 && matches!(name[0], '老' | '小') && is_surname(name[1]) {
        return Span::new(span.start + 1, span.end);
    }
    span
}

/// Committees whose names join two fields with 与 or 和, where the tagger reads only the
/// second (环境与|资源保护委员会).
const JOINED_COMMITTEES: &[&str] = &[
    "高层协调与合作委员会",
    "环境与资源保护委员会",
    "农业与农村委员会",
    "宪法和法律委员会",
    "监察和司法委员会",
];

/// Forms of address written after a surname (胡老, 王小姐, 李先生, 陈教授, 王某).
const ADDRESS_AFTER_SURNAME: &[&str] = &[
    "老", "总", "先生", "小姐", "女士", "太太", "老师", "师傅", "大爷", "大妈", "大娘", "教授",
    "某",
];

/// Whether `c` starts one of [`ADDRESS_AFTER_SURNAME`]: a quick test run on every character.
fn starts_an_address(c: char) -> bool {
    matches!(
        c,
        '先' | '小' | '女' | '太' | '老' | '师' | '大' | '教' | '总' | '某'
    )
}

/// Surnames standing with a form of address (李老师, 郑先生, 陈小姐, 胡老说, 王某),
/// where the surname does not make a word with the character before it (主张|先生) and the
/// form of address is not the start of a longer word (王老|老实, 李总|总结). Only the common
/// surnames: rarer ones are common characters too (那位|女士).
fn addressed_surnames(chars: &[char], words: &Lexicon) -> Vec<Span> {
    const COMMON_SURNAMES: usize = 150;
    // Surnames that are prepositions too (向老同志, 于先生们) are left out.
    let common: String = SURNAMES
        .chars()
        .take(COMMON_SURNAMES)
        .filter(|c| !one_of("向于和同从以为对将成全常高方", *c))
        .collect();
    let mut out = Vec::new();
    for i in 0..chars.len().saturating_sub(1) {
        // The form of address first: it rules out nearly every character at once.
        if !chars.get(i + 1).copied().is_some_and(starts_an_address) || !common.contains(chars[i]) {
            continue;
        }
        let span = Span::new(i, i + 1);
        if i > 0 && is_han(chars[i - 1]) && word_across_start(chars, words, span) {
            continue;
        }
        let Some(end) = ADDRESS_AFTER_SURNAME
            .iter()
            .filter(|w| starts_with(chars, i + 1, w))
            .map(|w| i + 1 + w.chars().count())
            .max()
        else {
            continue;
        };
        let ends = match chars[i + 1] {
            // 老 and 总 end many words (胡老|人, 王总|结): only before a word that follows names.
            '老' | '总' if end == i + 2 => {
                name_end_strength(chars, end) >= 1
                    && !chars
                        .get(end)
                        .is_some_and(|&c| one_of("是结体量之共算要会能在有家人年化", c))
            }
            // 王某 of a court record, not 某些 or 某地.
            '某' => !chars.get(end).is_some_and(|&c| {
                one_of(
                    "某些种个类地处时天日年月项件次国市省县区乡镇村单位部门人",
                    c,
                )
            }),
            _ => !word_across_end(chars, words, Span::new(i, end)),
        };
        if ends {
            out.push(span);
        }
    }
    out
}

/// Characters of names in parts beyond the tagger's transliteration class (约翰, 康斯坦丁, 达席尔瓦).
/// (Uyghur names too: 雪克来提·扎克尔, 艾尔肯·吐尼亚孜, 艾米拉古丽·阿不都.)
const IN_DOTTED_NAMES: &str =
    "翰丁逊地席提孜吐雪来不都古丽买热合江木玉素甫力吾则衣喀汗尕坎牙依夏乃";

/// Characters that join two names (普京和|拜登, 同|马克龙) rather than continue one.
const JOINS_NAMES: &str = "和同与安说会见";

/// What follows a place's name, not a person's (伊利诺伊|州, 德雷克|海峡).
const PLACE_AFTER_NAME: &[&str] = &[
    "州",
    "邦",
    "省",
    "市",
    "县",
    "镇",
    "村",
    "港",
    "湾",
    "岛",
    "湖",
    "河",
    "海峡",
    "海域",
    "山脉",
    "机场",
    "国际机场",
    "地区",
    "群岛",
    "之家",
    "自治区",
    "冬奥会",
    "奥运会",
    "论坛",
    "族",
];

/// A transliterated name without its dot: every character one of transliteration.
fn is_foreign_word(name: &[char]) -> bool {
    !name.contains(&'·') && name.iter().all(|&c| TRANSLITERATION_SET.contains(c))
}

/// Where the transliteration characters right after `span` end (扎哈罗|娃15日, 阿利耶|夫和).
fn transliteration_run_end(chars: &[char], span: Span) -> usize {
    const LONGEST: usize = 10;
    let mut end = span.end;
    while end < chars.len()
        && end - span.start < LONGEST
        && TRANSLITERATION_SET.contains(chars[end])
        && !JOINS_NAMES.contains(chars[end])
    {
        end += 1;
    }
    // Women's names end in characters rare elsewhere in transliteration (迪尼西|娅, 安|妮).
    if end > span.start && chars.get(end).is_some_and(|&c| one_of("娅妮", c)) {
        end += 1;
    }
    end
}

/// A transliterated name the tagger cut a character or two short (扎哈罗|娃15日): the whole
/// run, where it ends clearly. Where it does not (特朗普|威胁), the tagger's.
fn whole_transliteration(chars: &[char], span: Span) -> Span {
    let name = &chars[span.start..span.end];
    // (The tagger's first character may be one the list lacks: 别 of 别克捷|诺夫.)
    let foreign = is_foreign_word(name)
        || name.len() >= 3
            && !is_surname(name[0])
            && is_han(name[0])
            && is_foreign_word(&name[1..]);
    if !foreign {
        return span;
    }
    let end = transliteration_run_end(chars, span);
    if end > span.end && name_end_strength(chars, end) >= 1 {
        Span::new(span.start, end)
    } else if end == span.end + 1
        && FOREIGN_NAME_ENDINGS.contains(chars[span.end])
        // Not 夫 of 夫人, 夫妇 (斯凯里特|夫妇).
        && !starts_with_any(chars, span.end, &["夫人", "夫妇"])
    {
        // One character short, of those that end names (戈麦尔斯|基, 伯奇费|尔).
        Span::new(span.start, end)
    } else {
        span
    }
}

/// A monarch's name with the number of the reign after it (哈拉尔|五世, 卡尔|十六世): the
/// whole.
fn with_regnal_number(chars: &[char], span: Span) -> Span {
    if !is_foreign_word(&chars[span.start..span.end]) {
        return span;
    }
    let numerals = chars[span.end..]
        .iter()
        .take(3)
        .take_while(|&&c| one_of("一二三四五六七八九十", c))
        .count();
    if numerals > 0 && chars.get(span.end + numerals) == Some(&'世') {
        Span::new(span.start, span.end + numerals + 1)
    } else {
        span
    }
}

/// A name read with the rank after it (郑弘|九段, 梁伟棠|八段).
fn without_rank(chars: &[char], span: Span) -> Span {
    let name = &chars[span.start..span.end];
    if name.len() >= 4
        && name[name.len() - 1] == '段'
        && one_of("一二三四五六七八九", name[name.len() - 2])
    {
        return Span::new(span.start, span.end - 2);
    }
    span
}

/// Characters that end transliterated names much more often than they start the next word.
const FOREIGN_NAME_ENDINGS: &str = "基尔努斯夫娃娜";

/// A name in parts joined by · read only in part (瓦尔特|·沙佛尔霍夫, 拉·甘|地, 彼得·|皮奥):
/// the whole of it. A part runs over transliteration characters, up to a word that ends names
/// (说, 表示).
fn whole_dotted_name(chars: &[char], span: Span) -> Span {
    const LONGEST: usize = 16;
    let in_part = |i: usize| {
        chars
            .get(i)
            .is_some_and(|&c| TRANSLITERATION_SET.contains(c) || IN_DOTTED_NAMES.contains(c))
    };
    let (mut start, mut end) = (span.start, span.end);
    let mut dotted = chars[start..end].contains(&'·');
    loop {
        if chars.get(end) == Some(&'·') && in_part(end + 1) {
            end += 1;
            dotted = true;
        } else if !dotted || chars.get(end - 1) == Some(&'·') && !in_part(end) {
            break;
        }
        let before = end;
        while in_part(end) && name_end_strength(chars, end) == 0 && end - start < LONGEST {
            end += 1;
        }
        if end == before || chars.get(end) != Some(&'·') {
            break;
        }
    }
    if chars.get(end - 1) == Some(&'·') {
        end -= 1;
    }
    while start >= 2 && chars[start - 1] == '·' && in_part(start - 2) && end - start < LONGEST {
        start -= 1;
        while start > 0 && in_part(start - 1) && end - start < LONGEST {
            start -= 1;
        }
    }
    // A double surname joined by a hyphen (罗伯茨-史密斯, 杜特尔特-卡彪).
    // The part after it need not be in transliteration characters (卡彪).
    let in_second = |i: usize| {
        chars
            .get(i)
            .is_some_and(|&c| is_han(c) && !FUNCTION_SET.contains(c))
    };
    // It ends where the name clearly ends, within four characters.
    if dotted && chars.get(end).is_some_and(|&c| c == '-' || c == '－') {
        let second = (1..=4).rev().find(|&n| {
            (end + 1..end + 1 + n).all(in_second) && name_end_strength(chars, end + 1 + n) >= 1
        });
        if let Some(n) = second {
            end += 1 + n;
        }
    }
    Span::new(start, end)
}

/// A two-character name the tagger cut after the given name's first character (张吉|龙30日,
/// 郑宇|航30日): when nothing marks an end after two characters and the third is clearly
/// followed by one (a non-Han character, or a word of two characters or more that follows
/// names: 表示, 指出), the name has three. (Any word that follows names, 的 and 在 included, was
/// measured: it makes 花农正|在 and 王伟所|在 names.)
fn whole_given_name(chars: &[char], words: &Lexicon, span: Span) -> Span {
    let three = Span::new(span.start, span.end + 1);
    // In a list of names set apart by spaces or 、 (王仁华　王文全　王文涛), the whole item:
    // its third character may be one that rarely ends a name elsewhere (全, 中, 政).
    let separator = |i: Option<usize>| {
        i.and_then(|i| chars.get(i))
            .is_none_or(|&c| matches!(c, '、' | '\u{3000}' | ' '))
    };
    if span.len() == 2
        && is_surname(chars[span.start])
        && separator(span.start.checked_sub(1))
        && chars
            .get(span.end)
            .is_some_and(|&c| is_han(c) && !FUNCTION_SET.contains(c))
        && separator(Some(span.end + 1))
        && chars.get(span.end + 1).is_some()
    {
        return three;
    }
    // A one-character word after the third (张铁发|的, 高懿屏|对) ends it too, unless the
    // third is an adverb that stands before such words (花农正|在, 王伟所|在).
    // (On 300 days of news: 谭玉娇, 普汝明 and 吴琅寿 made whole, 叶聪|参与 read as 叶聪参.)
    let third = chars.get(span.end).copied();
    let end_after = name_end_strength(chars, three.end);
    let extend = span.len() == 2
        && is_surname(chars[span.start])
        && third.is_some_and(can_be_in_name)
        && name_end_strength(chars, span.end) == 0
        && (end_after >= 2
            || end_after == 1
                // (Nor 家 of 王伟家的房子, nor a third that makes a word with the next.)
                && third.is_some_and(|c| !one_of("正所将已也还都就才又再曾便即亦均皆乃并则却家", c))
                && !word_across_end(chars, words, three))
        && !NOT_NAMES.contains(&text_of(chars, three).as_str());
    if extend {
        three
    } else {
        span
    }
}

/// The titles written before a name at `name_start`: the clause back to its start (or to the
/// previous name in a list), split at 、, keeping the pieces that end with a title word.
fn title_chain(
    chars: &[char],
    name_start: usize,
    named: &Marks,
    in_org: &Marks,
    words: &Lexicon,
) -> Vec<String> {
    // A note of one or two characters in brackets ending at `k` (刚果（布）): part of a name.
    let note_before = |k: usize| {
        (3..=4).find(|&n| {
            k >= n
                && chars[k - 1] == '）'
                && chars[k - n] == '（'
                && chars[k - n + 1..k - 1].iter().all(|&c| is_han(c))
        })
    };
    let mut start = name_start;
    loop {
        while start > 0 && name_start - start < 80 {
            if !ends_clause(chars[start - 1]) {
                start -= 1;
            } else if let Some(n) = note_before(start).filter(|&n| start > n) {
                start -= n;
            } else {
                break;
            }
        }
        // A comma between titles (中央宣讲团成员，国家卫生健康委员会党组书记): the chain goes on
        // while the piece before it ends with a title.
        if start < 2 || chars[start - 1] != '，' || named.ends[start - 1] {
            break;
        }
        let mut piece = start - 1;
        while piece > 0 && !ends_clause(chars[piece - 1]) && start - 1 - piece < 30 {
            piece -= 1;
        }
        let text: String = chars[piece..start - 1].iter().collect();
        if ends_with_any(&text, TITLE_WORDS).is_none() || named.any(Span::new(piece, start - 1)) {
            break;
        }
        start = piece;
    }
    if let Some(prev_end) = (start + 1..name_start).rev().find(|&e| named.ends[e]) {
        start = prev_end;
    }
    // (A comma between titles splits them as 、 does.)
    let chain: String = chars[start..name_start]
        .iter()
        .map(|&c| if c == '，' { '、' } else { c })
        .collect();
    // Text before a function word or verb is not part of the title: 出席会议的市委书记 → 市委书记.
    // Never inside the title word the chain ends with (经 in 总经理).
    let last_title = chain.len() - ends_with_any(&chain, TITLE_WORDS).map_or(0, str::len);
    // A one-character word read inside a longer one is no cut (联合民主同盟总书记, 共同).
    let in_word = |p: usize, w: &str| {
        let next = chain[p + w.len()..].chars().next();
        let prev = chain[..p].chars().next_back();
        w.chars().count() == 1
            && (next.is_some_and(|n| {
                let pair = [w.chars().next().unwrap_or(' '), n];
                words.count_chars(&pair) >= GLUED_WORD || pair == ['同', '盟']
            }) || prev.is_some_and(|c| {
                words.count_chars(&[c, w.chars().next().unwrap_or(' ')]) >= GLUED_WORD
            }))
    };
    // Nor a word inside a body's name (中科院地理科学与资源研究所研究员).
    let in_body = |p: usize| {
        in_org.any(Span::new(
            start + chain[..p].chars().count(),
            start + chain[..p].chars().count() + 1,
        ))
    };
    // (One pass over the chain for where such a word may start, then the words there: a search
    // of the chain for each of them ran for every chain.)
    let head = &chain[..last_title];
    let cut = head
        .char_indices()
        .filter(|&(_, c)| one_of(BEFORE_TITLE_FIRST, c))
        .flat_map(|(p, _)| {
            BEFORE_TITLE
                .iter()
                .filter(move |w| head[p..].starts_with(*w))
                .map(move |w| (p, *w))
        })
        .filter(|&(p, w)| !in_word(p, w) && !in_body(p))
        .map(|(p, w)| p + w.len())
        .max();
    let chain = &chain[cut.unwrap_or(0)..];
    chain
        .split('、')
        .map(|piece| piece.trim_start_matches(['和', '及', '兼', '了']))
        // At the invitation of (应国家主席习近平邀请): 应 is no part of the title; 应急 is.
        .map(|piece| match piece.strip_prefix('应') {
            Some(rest) if !rest.starts_with('急') && !rest.starts_with('用') => rest,
            _ => piece,
        })
        .filter(|piece| {
            let n = piece.chars().count();
            (2..=30).contains(&n) && ends_with_any(piece, TITLE_WORDS).is_some()
        })
        .map(str::to_string)
        .collect()
}

/// The names found so far, and which of them starts or ends where.
#[derive(Default)]
struct FoundIndex {
    names: std::collections::HashSet<String>,
    by_start: HashMap<usize, usize>,
    by_end: HashMap<usize, usize>,
}

impl FoundIndex {
    fn insert(&mut self, f: &Found, i: usize) {
        self.names.insert(f.name.clone());
        self.by_start.insert(f.span.start, i);
        self.by_end.insert(f.span.end, i);
    }

    /// Records a name found at `span`, with its titles so far.
    fn add(
        &mut self,
        found: &mut Vec<Found>,
        named: &mut Marks,
        chars: &[char],
        span: Span,
        titles: Vec<String>,
        chain_at: Option<usize>,
    ) {
        named.mark(span);
        let f = Found {
            span,
            name: text_of(chars, span),
            titles,
            chain_at,
        };
        self.insert(&f, found.len());
        found.push(f);
    }
}

/// Characters covered by spans, and the offsets where spans end.
struct Marks {
    covered: Vec<bool>,
    ends: Vec<bool>,
}

impl Marks {
    fn new(len: usize) -> Marks {
        Marks {
            covered: vec![false; len],
            ends: vec![false; len + 1],
        }
    }

    fn mark(&mut self, span: Span) {
        self.covered[span.start..span.end].fill(true);
        self.ends[span.end] = true;
    }

    /// Does a marked span overlap `span`?
    fn any(&self, span: Span) -> bool {
        self.covered[span.start..span.end.min(self.covered.len())]
            .iter()
            .any(|&c| c)
    }
}

fn text_of(chars: &[char], span: Span) -> String {
    chars[span.start..span.end].iter().collect()
}

// ---------------------------------------------------------- organisations

/// An organisation mention with the parts that make its short forms.
struct OrgMention {
    span: Span,
    name: String,
    /// Place + level + body split, for local bodies: ("丹东", "市", "中级人民法院").
    parts: Option<(String, String, String)>,
}

impl OrgMention {
    /// A mention with no parts: the name as the text has it.
    fn plain(chars: &[char], span: Span) -> OrgMention {
        OrgMention {
            span,
            name: text_of(chars, span),
            parts: None,
        }
    }
}

fn organizations(
    rules: &Rules,
    words: &Lexicon,
    source: &str,
    chars: &[char],
    offsets: &CharOffsets,
    proposed: &[(Kind, Span)],
    segmented: &[(usize, usize)],
) -> Vec<Organization> {
    let Rules {
        bodies: bodies_ac,
        patterns,
        named,
        local,
        states,
        ..
    } = rules;
    let (named, local) = (*named, *local);
    let people_proposed: Vec<Span> = proposed
        .iter()
        .filter(|(kind, _)| *kind == Kind::Per)
        .map(|&(_, span)| span)
        .collect();
    let mut found: Vec<OrgMention> = Vec::new();
    // Where a word that only contains a body's name stands (共产党员): not the tagger's either.
    let mut not_bodies: Vec<Span> = Vec::new();
    for m in bodies_ac.find_iter(source) {
        let body = Span::new(offsets.char_at(m.start()), offsets.char_at(m.end()));
        let body_text = patterns[m.pattern().as_usize()];
        let world = (NATIONAL_BODIES.len()..named).contains(&m.pattern().as_usize());
        // A name the tagger reads across a short body name is a person's (彭清华, not 清华;
        // 任命茅仲华为, not 华为); one it reads as exactly the body's is the body (丰田).
        let in_name = world && {
            let k = people_proposed.partition_point(|p| p.start < body.end);
            people_proposed[..k]
                .iter()
                .rev()
                .take(4)
                .any(|p| p.overlaps(&body) && (p.start < body.start || p.end > body.end))
        };
        // A Latin acronym only as a whole word (WHO, not WHOLE).
        let partial_word = body_text.is_ascii()
            && [body.start.checked_sub(1), Some(body.end)]
                .into_iter()
                .flatten()
                .any(|i| chars.get(i).is_some_and(|c| c.is_ascii_alphanumeric()));
        // A short name at the start of a longer one (复旦大学, 南开中学, 中兴通讯): the longer
        // name is the body, for the tagger to read whole.
        let head_of_longer = body.len() <= 2
            && [
                "大学", "学院", "中学", "小学", "附中", "集团", "公司", "银行", "通讯", "汽车",
                "军校", "厅", "街", "荒",
            ]
            .iter()
            .any(|w| starts_with(chars, body.end, w));
        // A company whose name is also a word of output (日产 of 原油日产量, 日产12万桶).
        let output_word = body_text == "日产"
            && chars.get(body.end).is_some_and(|&c| {
                c.is_ascii_digit() || one_of("量约近达超为目一二三四五六七八九十百千万", c)
            });
        // A ministry's name read in 部门 (司法部|门, 卫生部|门): a department, no body.
        let in_word = body_text.ends_with('部') && chars.get(body.end) == Some(&'门');
        let mention = if in_name || partial_word || head_of_longer || output_word || in_word {
            None
        } else if m.pattern().as_usize() < named {
            Some(named_org(chars, body, body_text, states))
        } else if m.pattern().as_usize() < local {
            local_org(chars, body, body_text)
        } else {
            not_bodies.push(body);
            None
        };
        let Some(mut mention) = mention else { continue };
        // A term before the body is part of its name (第六届|全国人大, 十四届|全国政协).
        let term_start = {
            let mut start = mention.span.start;
            if start > 0 && chars[start - 1] == '届' {
                let mut k = start - 1;
                while k > 0 && one_of("一二三四五六七八九十百", chars[k - 1]) {
                    k -= 1;
                }
                // Not a new or the next one (新一届国会, 下一届政府).
                let relative = k > 0 && one_of("新上下本首历每该前后", chars[k - 1]);
                if k < start - 1 && !relative {
                    start = if k > 0 && chars[k - 1] == '第' {
                        k - 1
                    } else {
                        k
                    };
                }
            }
            start
        };
        // A newspaper's office (经济日报|社), the army by its full name (人民|解放军), a party's
        // central committee (朝鲜劳动党|中央委员会) and centre (朝鲜劳动党|中央; not 中央|军委,
        // a body of its own).
        let end = if body_text.ends_with('报') && chars.get(mention.span.end) == Some(&'社') {
            mention.span.end + 1
        } else if (body_text.ends_with('党') || body_text.ends_with("阵线"))
            && starts_with(chars, mention.span.end, "中央委员会")
        {
            mention.span.end + 5
        } else if body_text.ends_with('党')
            && starts_with(chars, mention.span.end, "中央")
            && !chars
                .get(mention.span.end + 2)
                .is_some_and(|&c| one_of("委军政纪办组宣统书党", c))
        {
            mention.span.end + 2
        } else {
            mention.span.end
        };
        // A party's committee of one term (中国共产党|第二十届中央委员会, 九三学社|第十五届中央委员会,
        // 政协|第十四届全国委员会): one body.
        let end = term_committee_end(chars, end).unwrap_or(end);
        let start = if body_text == "解放军"
            && term_start >= 2
            && starts_with(chars, term_start - 2, "人民")
        {
            term_start - 2
        } else {
            term_start
        };
        if (start, end) != (mention.span.start, mention.span.end) {
            mention = OrgMention::plain(chars, Span::new(start, end));
        }
        if let Some(end) = subunit_end(chars, mention.span.end, &people_proposed, false) {
            mention.span.end = end;
            mention.name = text_of(chars, mention.span);
            mention.parts = None;
        }
        if found.last().is_some_and(|f| f.span.overlaps(&mention.span)) {
            continue;
        }
        found.push(mention);
    }
    // 中央 alone, listed with other bodies after a verb of following them (学习贯彻中央、
    // 省市委…的精神): the Party Centre. Elsewhere 中央 is an adjective or part of a slogan.
    let mut centre = Vec::new();
    for (i, w) in chars.windows(3).enumerate() {
        if w[0] == '中' && w[1] == '央' && w[2] == '、' {
            let after_verb = ["贯彻", "落实", "学习", "按照", "根据"]
                .iter()
                .any(|v| i >= 2 && starts_with(chars, i - 2, v));
            let span = Span::new(i, i + 2);
            if after_verb && !overlaps_any(&found, span) {
                centre.push(OrgMention {
                    span,
                    name: "中央".to_string(),
                    parts: None,
                });
            }
        }
    }
    merge_in_order(&mut found, centre);
    // The last characters of the countries' names: most characters before 队 or 部 are none.
    let country_ends: String = COUNTRIES.iter().filter_map(|c| c.chars().last()).collect();
    // A state's or a province's team (墨西哥队, 中国女队, 辽宁队): the side, named by it.
    let mut teams = Vec::new();
    for (i, _) in chars.iter().enumerate().filter(|(_, &c)| c == '队') {
        if chars.get(i + 1).is_some_and(|&c| one_of("伍员长", c)) {
            continue;
        }
        let sex = usize::from(i > 0 && one_of("男女", chars[i - 1]));
        let country = (i > sex && country_ends.contains(chars[i - sex - 1]))
            .then(|| longest_ending_at(chars, i - sex, COUNTRIES))
            .flatten();
        // Or a province's (辽宁队, 上海女队), or the army's (八一队).
        let place = || {
            longest_ending_at(chars, i - sex, PROVINCES)
                .or_else(|| longest_ending_at(chars, i - sex, &["八一"]))
        };
        let Some(len) = country.or_else(place) else {
            continue;
        };
        let span = Span::new(i - sex - len, i + 1);
        if !overlaps_any(&found, span) {
            teams.push(OrgMention::plain(chars, span));
        }
    }
    merge_in_order(&mut found, teams);
    // A state's army by its short form (俄军, 以军, 美军): a body, as 解放军 is. Not a word read
    // across it (执法|军人, 俄|军事), a pair of states (中俄|军队), or a date's 日 (5日|军).
    // (A state's government, 中国政府, is left as two words: People's Daily counts the state
    // alone, and it is the convention of the mention-level test sets.)
    let mut armies = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        if c != '军' || i == 0 || !STATE_ABBREVIATIONS.contains(chars[i - 1]) {
            continue;
        }
        let span = Span::new(i - 1, i + 1);
        let before = |k: usize| i.checked_sub(k).map(|j| chars[j]);
        let after_date = |k: usize| before(k).is_some_and(is_digit);
        let date = chars[i - 1] == '日' && after_date(2);
        let paired = before(2).is_some_and(|p| {
            (p == '中' || STATE_ABBREVIATIONS.contains(p)) && !(p == '日' && after_date(3))
        });
        let glued = word_across_start(chars, words, span)
            || word_across_end(chars, words, span)
            || chars.get(i + 1).is_some_and(|&n| one_of("方舰机队港区", n));
        if !date && !paired && !glued && !overlaps_any(&found, span) {
            armies.push(OrgMention::plain(chars, span));
        }
    }
    merge_in_order(&mut found, armies);
    // A state's government by the state's formal name (中华人民共和国政府, 秘鲁共和国政府,
    // 俄罗斯联邦政府), as agreements name the parties: a body. (Not 中国政府: see above.)
    let mut governments = Vec::new();
    for i in 2..chars.len().saturating_sub(1) {
        if chars[i] != '政' || chars[i + 1] != '府' {
            continue;
        }
        let Some(form) = ["人民共和国", "共和国", "联邦", "王国", "合众国"]
            .into_iter()
            .find(|f| i >= f.chars().count() && starts_with(chars, i - f.chars().count(), f))
        else {
            continue;
        };
        let at = i - form.chars().count();
        let state = if at >= 2 && starts_with(chars, at - 2, "中华") {
            Some(2)
        } else {
            longest_ending_at(chars, at, COUNTRIES)
        };
        let Some(state) = state else { continue };
        let span = Span::new(at - state, i + 2);
        if !overlaps_any(&found, span) {
            governments.push(OrgMention::plain(chars, span));
        }
    }
    merge_in_order(&mut found, governments);
    // A state's ministry the lists do not hold (英国内政部, 埃及石油部, 芬兰农林部长; 日本大藏省,
    // 日本文化厅): the country, two to four characters of a portfolio, and 部, before its
    // minister, a break or a verb, not a region (美国中西部) or a department (司法部门).
    let mut ministries = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        if !matches!(c, '部' | '省' | '厅') {
            continue;
        }
        for len in 2..=4 {
            let Some(start) = i.checked_sub(len) else {
                break;
            };

            let portfolio = &chars[start..i];
            if !portfolio.iter().all(|&p| {
                is_han(p) && !FUNCTION_SET.contains(p) && !one_of("东西南北中部省厅各", p)
            }) {
                break;
            }
            // Most 部 have no country before them: a look at one character first.
            if start == 0 || !country_ends.contains(chars[start - 1]) {
                continue;
            }
            let Some(country_len) = longest_ending_at(chars, start, COUNTRIES) else {
                continue;
            };
            let country = text_of(chars, Span::new(start - country_len, start));
            // 日 is a day as often (日举行|部署), and 总部 a headquarters.
            if c != '部' && country != "日本" || country == "日" || chars[i - 1] == '总' {
                break;
            }
            let after = chars.get(i + 1).copied();
            let ends = after.is_none_or(|a| !is_han(a) || a == '长')
                || name_end_strength(chars, i + 1) >= 1
                || starts_with_any(chars, i + 1, TITLE_WORDS);
            let span = Span::new(start - country_len, i + 1);
            if ends && !overlaps_any(&found, span) {
                ministries.push(OrgMention::plain(chars, span));
            }
            break;
        }
    }
    merge_in_order(&mut found, ministries);
    // A body of the world named by its field (世界数据组织, 国际电信联盟) that the lists and the
    // tagger do not know: named twice in the document, so that a kind of body (国际恐怖组织,
    // 国际人道组织) said once is not one.
    let mut world_bodies = Vec::new();
    for start in 0..chars.len().saturating_sub(6) {
        if !matches!(chars[start], '世' | '国' | '全')
            || !["世界", "国际", "全球"]
                .iter()
                .any(|w| starts_with(chars, start, w))
        {
            continue;
        }
        let field_start = start + 2;
        let Some((end, field_end)) = (field_start + 2..=field_start + 6).find_map(|k| {
            let field = &chars[field_start..k.min(chars.len())];
            if k > chars.len()
                || !field
                    .iter()
                    .all(|&c| is_han(c) && !FUNCTION_SET.contains(c))
            {
                return None;
            }
            longest_starting_at(chars, k, WORLD_BODY_ENDINGS).map(|n| (k + n, k))
        }) else {
            continue;
        };
        let field = text_of(chars, Span::new(field_start, field_end));
        let span = Span::new(start, end);
        // (Nor a part of the body before it: 联合国|世界旅游组织.)
        let after_body = overlaps_any(&found, Span::new(start.saturating_sub(1), start));
        if !NOT_FIELDS.iter().any(|w| field.contains(w))
            && !after_body
            && !overlaps_any(&found, span)
        {
            world_bodies.push(OrgMention::plain(chars, span));
        }
    }
    // Named twice (every mention is read by the same rule, so counting them is enough), or
    // once before the title of its head (国际可再生能源署|总干事).
    let mut times: HashMap<String, usize> = HashMap::new();
    for b in &world_bodies {
        *times.entry(b.name.clone()).or_default() += 1;
    }
    let twice: Vec<bool> = world_bodies
        .iter()
        .map(|b| times[&b.name] >= 2 || starts_with_any(chars, b.span.end, TITLE_WORDS))
        .collect();
    let mut twice = twice.into_iter();
    world_bodies.retain(|_| twice.next().unwrap_or(false));
    merge_in_order(&mut found, world_bodies);
    // The party by its short name before its congress or a plenum (中共|二十大, 中共|二十届三中
    // 全会), and the Centre's leading groups (中央巡视工作领导小组).
    let mut party_and_groups = Vec::new();
    for start in 0..chars.len().saturating_sub(3) {
        if chars[start] != '中' {
            continue;
        }
        if chars[start + 1] == '共' {
            let k = (start + 2..chars.len())
                .find(|&k| !one_of("一二三四五六七八九十", chars[k]))
                .unwrap_or(chars.len());
            let span = Span::new(start, start + 2);
            if k > start + 2
                && chars.get(k).is_some_and(|&c| c == '大' || c == '届')
                && !overlaps_any(&found, span)
            {
                party_and_groups.push(OrgMention::plain(chars, span));
            }
        } else if chars[start + 1] == '央' {
            // One of the Centre's numbered steering or inspection groups (主题教育|中央第二十
            // 指导组), not several (二十届中央第一轮巡视组).
            if chars[start + 2] == '第' {
                let k = (start + 3..chars.len())
                    .find(|&k| !one_of("一二三四五六七八九十", chars[k]))
                    .unwrap_or(chars.len());
                let Some(n) = (k > start + 3)
                    .then(|| longest_starting_at(chars, k, &["指导组", "督导组", "巡视组"]))
                    .flatten()
                else {
                    continue;
                };
                let theme = start >= 4 && starts_with(chars, start - 4, "主题教育");
                let span = Span::new(if theme { start - 4 } else { start }, k + n);
                if !overlaps_any(&found, span) {
                    party_and_groups.push(OrgMention::plain(chars, span));
                }
                continue;
            }
            let last = (start + 10).min(chars.len().saturating_sub(4));
            let Some(end) = (start + 4..=last)
                .take_while(|&k| is_han(chars[k - 1]) && !FUNCTION_SET.contains(chars[k - 1]))
                .find(|&k| starts_with(chars, k, "领导小组"))
            else {
                continue;
            };
            // With its office (中央主题教育领导小组|办公室).
            let end = end
                + 4
                + if starts_with(chars, end + 4, "办公室") {
                    3
                } else {
                    0
                };
            let span = Span::new(start, end);
            if !overlaps_any(&found, span) {
                party_and_groups.push(OrgMention::plain(chars, span));
            }
        }
    }
    merge_in_order(&mut found, party_and_groups);
    // A newspaper in title marks (《人民日报》, 《纽约时报》, 《费加罗报》) is a news outlet; not
    // a communiqué, bulletin or forecast (《公报》, 《简报》).
    let mut papers = Vec::new();
    for (open, _) in chars.iter().enumerate().filter(|(_, &c)| c == '《') {
        let start = open + 1;
        let Some(len) = chars[start..].iter().take(13).position(|&c| c == '》') else {
            continue;
        };
        let span = Span::new(start, start + len);
        let name = text_of(chars, span);
        let not_paper = [
            "公报", "通报", "简报", "情报", "汇报", "预报", "快报", "画报", "海报", "年报", "月报",
            "周报", "学报",
        ];
        // Any title said to report (据《今日美国》报道, 《经济周刊》刊载) is a newspaper or a
        // magazine, unless it names a programme (《新闻联播》, 《焦点访谈》).
        let close = start + len + 1;
        let reports = span.start >= 2 && chars[span.start - 2] == '据'
            || starts_with_any(chars, close, &["报道", "刊载", "刊登", "载文", "披露"]);
        // (Nor a document: a law, a declaration, a plan.)
        let programme = [
            "联播", "访谈", "节目", "栏目", "频道", "直播", "报道", "法", "法案", "宣言",
        ]
        .iter()
        .chain(NOT_ORG_ENDINGS)
        .any(|e| name.ends_with(e));
        let paper = name.ends_with('报') && !not_paper.iter().any(|e| name.ends_with(e))
            || reports && !programme;
        if len >= 3 && paper && name.chars().all(is_han) && !overlaps_any(&found, span) {
            papers.push(OrgMention {
                span,
                name,
                parts: None,
            });
        }
    }
    merge_in_order(&mut found, papers);
    // Organisations the tagger proposes where the rules found none, and longer names the
    // tagger reads around one the rules found (土耳其 + 外交部, 全国人大常委会 + 法工委).
    let mut extra = Vec::new();
    // Two bodies the tagger reads as one across a conjunction (青川师范大学与恒远科技有限公司):
    // each, when each ends like a body.
    let proposed = proposed.iter().flat_map(|&(kind, span)| {
        // A steel works or an airline by its short form (邯钢, 鞍钢, 国航), read as a person or
        // as too short a body: a company.
        let company = company_short_form(chars, span);
        // A name the tagger reads as a person's right before a company's ending (巴斯夫|集团,
        // 森隆|药业, 李宁|公司): the company's; before 内阁, the cabinet's (桥本内阁).
        let firm = (kind == Kind::Per)
            .then(|| {
                [
                    "集团", "公司", "药业", "实业", "控股", "制药", "电器", "内阁",
                ]
                .iter()
                .find(|e| starts_with(chars, span.end, e))
            })
            .flatten();
        let (company, span) = match firm {
            Some(e) => (true, Span::new(span.start, span.end + e.chars().count())),
            None => (company, span),
        };
        let kind = if company { Kind::Org } else { kind };
        let joint = (kind == Kind::Org)
            .then(|| {
                (span.start + 3..span.end.saturating_sub(3)).find(|&k| {
                    matches!(chars[k], '与' | '和' | '及' | '、')
                        && plausible_org(chars, Span::new(span.start, k))
                        && plausible_org(chars, Span::new(k + 1, span.end))
                        && plausible_org(chars, span)
                })
            })
            .flatten();
        let (first, second) = match joint {
            Some(k) => (Span::new(span.start, k), Some(Span::new(k + 1, span.end))),
            None => (span, None),
        };
        std::iter::once((kind, first, company)).chain(second.map(|s| (kind, s, false)))
    });
    for (kind, span, company) in proposed {
        // A mark the tagger reads into the name (3.|九三学社): not the name's.
        let mut span = span;
        while span.len() > 2 && !chars[span.start].is_alphanumeric() {
            span.start += 1;
        }
        // A dateline's close read into it (新闻联播）：|政协第十四届全国委员会): after it. (A
        // bracket opened inside is the name's: 成都飞机工业（集团）有限责任公司.)
        if let Some(k) = (span.start..span.end).rev().find(|&k| {
            chars[k] == '：' || chars[k] == '）' && !chars[span.start..k].contains(&'（')
        }) {
            if span.end > k + 3 {
                span.start = k + 1;
            }
        }
        // A person the news names often, and the word that joins the body to them
        // (赵乐际同|全国人大常委会): not the body's.
        if let Some(k) = (2..=4).find(|&k| {
            span.len() > k + 3
                && one_of("同与和及、", chars[span.start + k])
                && words.is_known_person(&text_of(chars, Span::new(span.start, span.start + k)))
        }) {
            span.start += k + 1;
        }
        let span = if kind == Kind::Org && !company {
            let span = with_bilateral_prefix(chars, span);
            // A person's name the tagger reads before the body is the body's (约翰斯·霍普|金斯大学)
            // when a dotted name runs into it.
            let span = with_transliteration_start(
                chars,
                after_removed_name(chars, after_leading_name(span, &people_proposed)),
                &people_proposed,
            );
            with_whole_term(
                chars,
                with_whole_country(chars, from_word_start(chars, span, segmented)),
            )
        } else {
            span
        };
        // A committee's standing committee read apart (…全国委员会|常务委员会): one body.
        let span = if span.len() > 4
            && chars[span.end - 3..span.end] == ['委', '员', '会']
            && starts_with(chars, span.end, "常务委员会")
        {
            Span::new(span.start, span.end + 5)
        } else {
            span
        };
        // A title's first word read into the name (…经济委员会|驻会副主任): not the body's.
        let span = if span.len() > 4 && chars[span.end - 2..span.end] == ['驻', '会'] {
            Span::new(span.start, span.end - 2)
        } else {
            span
        };
        // A body and the verb after it (工业和信息化部|组织…, 国家发展改革委|组织): the body;
        // 世界卫生组织 is one name.
        let span = if span.len() > 5
            && chars[span.end - 2..span.end] == ['组', '织']
            && one_of("部局委会办院厅署", chars[span.end - 3])
        {
            Span::new(span.start, span.end - 2)
        } else {
            span
        };
        // A verb the tagger reads into the name (希望|跨国公司, 欢迎|汇丰集团): after it.
        let span = match LEADING_VERBS
            .iter()
            .find(|v| starts_with(chars, span.start, v))
        {
            Some(v) if span.len() > v.chars().count() + 2 => {
                Span::new(span.start + v.chars().count(), span.end)
            }
            _ => span,
        };
        // A count, a session or a preposition read into the name (七位|全国政协委员,
        // 十四|届全国政协, 由|东电公司).
        let span = {
            let national_after = |at: usize| {
                ["全国", "中央", "国务院", "国家"]
                    .iter()
                    .any(|w| starts_with(chars, at, w))
            };
            // 经, 度 and 位 end words too (经|全国人大常委会批准, 年度|全国人大, 七位|全国政协).
            let numeral_before = span.start > 0
                && (chars[span.start - 1].is_ascii_digit()
                    || one_of(
                        "一二两三四五六七八九十百千万几多数家",
                        chars[span.start - 1],
                    ));
            // (对外 starts a name: 对外贸易经济合作部.)
            let lead = if one_of("届由据从对向在把被让给跟", chars[span.start])
                && !starts_with(chars, span.start, "对外")
                || one_of("经度位", chars[span.start]) && national_after(span.start + 1)
                // A count's measure word (13枚|美制陆军, 国家级|文艺院团), a date's (29日|中共).
                || one_of("枚级家支批座所名个位日月年", chars[span.start]) && numeral_before
                // 应 of 应|香港特区政府的需求 (not of 应急管理部).
                || chars[span.start] == '应'
                    && PROVINCES
                        .iter()
                        .chain(COUNTRIES)
                        .any(|p| starts_with(chars, span.start + 1, p))
            {
                1
            } else if starts_with(chars, span.start, "中央和") {
                // The Centre and a body (各民主党派|中央和|全国工商联): the body.
                3
            } else if one_of("一二两三四五六七八九十几多数", chars[span.start])
                && chars
                    .get(span.start + 1)
                    .is_some_and(|&c| one_of("位名个", c))
            {
                2
            } else {
                0
            };
            if span.len() > lead + 2 {
                Span::new(span.start + lead, span.end)
            } else if lead > 0 {
                // Too little left for a name (5日|军队, 在|工厂).
                continue;
            } else {
                span
            }
        };
        // A state and a body read as one (印尼同|国际货币基金组织): the body. (Looked for only
        // where 同, 与 or 和 stands inside: this runs for every body proposed.)
        let joined = chars[span.start..span.end]
            .iter()
            .any(|&c| matches!(c, '同' | '与' | '和'));
        let span = COUNTRIES
            .iter()
            .filter(|c| joined && starts_with(chars, span.start, c))
            .map(|c| span.start + c.chars().count())
            .find(|&k| {
                k + 3 < span.end
                    && one_of("同与和", chars[k])
                    && !starts_with_any(chars, k + 1, COUNTRIES)
            })
            .map_or(span, |k| Span::new(k + 1, span.end));
        // A committee whose name joins two fields, read from the second (环境与|资源保护委员会).
        let span = JOINED_COMMITTEES
            .iter()
            .filter(|c| c.ends_with(chars[span.end - 1]))
            .find_map(|c| {
                let n = c.chars().count();
                (n > span.len() && span.end >= n && starts_with(chars, span.end - n, c)).then(
                    || {
                        // With the pair of states that holds it (中巴|高层协调与合作委员会).
                        let start = span.end - n;
                        let pair = start >= 2
                            && chars[start - 2] == '中'
                            && STATE_ABBREVIATIONS.contains(chars[start - 1]);
                        Span::new(if pair { start - 2 } else { start }, span.end)
                    },
                )
            })
            .unwrap_or(span);
        // A body's last character read twice, as the start of the title after it (公安部|部长).
        // (外交部长 shares its 部: 外交部 stays.)
        let span = if span.len() >= 3
            && chars[span.end - 1] == chars[span.end - 2]
            && (starts_with_any(chars, span.end - 1, TITLE_WORDS)
                // Or of a word after it (新四军|军部, 外交部|部署).
                || one_of("军部局委会", chars[span.end - 1]))
        {
            Span::new(span.start, span.end - 1)
        } else {
            span
        };
        // Read from inside a common word (有效|发挥政协, 中|共中央政治局, 党中央部|署): not a
        // name's start or end.
        let glued = word_across_start(chars, words, span) || word_across_end(chars, words, span);
        if kind != Kind::Org
            || glued
            || !(company || plausible_org(chars, span))
            || not_bodies.iter().any(|w| w.overlaps(&span))
        {
            continue;
        }
        // `found` is in text order and disjoint: the ones overlapping `span` are a run.
        let first = found.partition_point(|f| f.span.end <= span.start);
        let overlapping: Vec<usize> = (first..found.len())
            .take_while(|&k| found[k].span.start < span.end)
            .filter(|&k| found[k].span.overlaps(&span))
            .collect();
        if overlapping.is_empty() {
            // A local body the rules saw and did not take has no level or place of its own
            // (保持法院, 人民法院): a common noun.
            // A national one is named by its level (国家税务局, 中央统战部).
            let name = text_of(chars, span);
            let national = ["国家", "中央", "全国", "中国"]
                .iter()
                .any(|p| name.starts_with(p));
            if !national
                && ends_with_any(&name, LOCAL_BODIES).is_some_and(|body| {
                    let n = body.chars().count();
                    n >= 2 && span.len() <= n + 2
                })
            {
                continue;
            }
            // Only before a title or a name: the tagger's bodies end before verbs often enough
            // that a clause break after 布局 or 开局 says nothing.
            let span = match subunit_end(chars, span.end, &people_proposed, true) {
                Some(end) if !overlaps_any(&found, Span::new(span.start, end)) => {
                    Span::new(span.start, end)
                }
                _ => span,
            };
            extra.push(OrgMention::plain(chars, span));
        } else if let [k] = overlapping[..] {
            let rule = found[k].span;
            // Not over a verb said of the body (胡塞武装|称美军).
            let inside = span.start <= rule.start && rule.end <= span.end
                // Not over a dateline (据新华社|莫斯科4月28日电), nor a word's last character
                // before it (比|中央电视台, 图|新华社).
                && !(rule.end < span.end
                    && chars[rule.end - 1] == '社'
                    && chars.get(span.end).copied().is_some_and(is_digit))
                && !(rule.start == span.start + 1
                    && one_of("比图下上在为从向对与和及经据由被把让给", chars[span.start]));
            let says = || {
                chars[span.start..rule.start]
                    .iter()
                    .chain(&chars[rule.end..span.end])
                    .any(|c| one_of("称说遭向", *c))
            };
            // A national body's name is whole: a character before it is the text's (在港|中国科学院
            // 院士).
            let national = ["中国", "全国", "中央", "国家"]
                .iter()
                .any(|p| starts_with(chars, rule.start, p));
            let one_before = span.start + 1 == rule.start;
            if rule != span && inside && !says() && !(national && one_before) {
                found[k] = OrgMention::plain(chars, span);
            }
        }
    }
    merge_in_order(&mut found, extra);
    merge_aliases(found)
}

/// A body named after a person or a place in transliteration, read from inside the name
/// (约翰斯·霍普|金斯大学): from the name's start.
fn with_transliteration_start(chars: &[char], span: Span, people: &[Span]) -> Span {
    const LONGEST: usize = 12;
    // The tagger's dotted name right before it (约翰斯·霍普|金斯大学).
    let k = people.partition_point(|p| p.end < span.start);
    if let Some(p) = people.get(k).filter(|p| p.end == span.start) {
        if chars[p.start..p.end].contains(&'·') && TRANSLITERATION_SET.contains(chars[span.start])
        {
            return Span::new(p.start, span.end);
        }
    }
    let in_name = |c: char| TRANSLITERATION_SET.contains(c) || c == '·';
    let mut start = span.start;
    if !TRANSLITERATION_SET.contains(chars[start]) {
        return span;
    }
    while start > 0 && in_name(chars[start - 1]) && span.start - start < LONGEST {
        start -= 1;
    }
    while chars[start] == '·' {
        start += 1;
    }
    // Only a name in parts: a run without a dot runs into places and states (以色|列海军).
    if chars[start..span.start].contains(&'·') {
        Span::new(start, span.end)
    } else {
        span
    }
}

/// An organisation read with the name of the person before it (李民吉|政协…, 田红旗|委): the
/// name is the tagger's person, the body what follows it.
fn after_leading_name(span: Span, people: &[Span]) -> Span {
    // `people` is in text order and disjoint: only the last one starting at or before the
    // organisation can cover its start.
    let k = people.partition_point(|p| p.start <= span.start);
    match k
        .checked_sub(1)
        .map(|k| people[k])
        .filter(|p| span.start < p.end)
    {
        Some(p) if p.end + 2 <= span.end => Span::new(p.end, span.end),
        _ => span,
    }
}

/// A body read with the name of the person a decision removes or appoints (撤销|唐一军|政协第十四届
/// 全国委员会委员资格, 任命|王某|国务院…): the body alone.
fn after_removed_name(chars: &[char], span: Span) -> Span {
    // The name starts right after the verb, at or a little before the tagger's start.
    let decision_at = |k: usize| starts_with_any(chars, k, DECISION_VERBS);
    let name_start = (span.start.saturating_sub(2)..=span.start).find(|&v| {
        v >= 2
            && is_surname(chars[v])
            && (decision_at(v - 2)
                // The last of a list the decision names (撤销王滨、…、|魏艺红|政协…).
                || chars[v - 1] == '、' && (v.saturating_sub(20)..v - 1).any(decision_at))
    });
    let Some(name_start) = name_start else {
        return span;
    };
    // (A term, 第, only where the tagger's span starts inside the name: 吴|英杰第十四届全国政协.)
    let starts = if span.start > name_start {
        POST_STARTS
    } else {
        &POST_STARTS[..POST_STARTS.len() - 1]
    };
    (2..=3)
        .map(|n| name_start + n)
        .find(|&at| at >= span.start && at + 4 <= span.end && starts_with_any(chars, at, starts))
        .map_or(span, |at| Span::new(at, span.end))
}

/// A company's two-character short form: the place's or the nation's character and 钢
/// (steel works) or 航 (airline): 邯钢, 鞍钢, 首钢, 国航, 东航, 川航. Only places that are no
/// surname (万钢 and 马钢 may be people) and no sector (民航, 特钢).
fn company_short_form(chars: &[char], span: Span) -> bool {
    span.len() == 2
        && matches!(chars[span.end - 1], '钢' | '航')
        && one_of("国东川厦深鞍宝首邯攀太本", chars[span.start])
}

/// An organisation read from inside a transliterated name (克兰海港管理局 of 乌克兰海港管理局,
/// 尼斯中心 of 汗尤尼斯中心): from the start of the word it begins in, when what it left out
/// is transliteration. Not over other characters: the segmentation joins prepositions to
/// names (据美国, 由中央).
fn from_word_start(chars: &[char], span: Span, segmented: &[(usize, usize)]) -> Span {
    let k = segmented.partition_point(|&(_, e)| e <= span.start);
    match segmented.get(k) {
        Some(&(s, e))
            if s < span.start
                && e <= span.end
                && chars[s..span.start]
                    .iter()
                    .all(|&c| TRANSLITERATION_SET.contains(c)) =>
        {
            Span::new(s, span.end)
        }
        _ => span,
    }
}

/// A body of two states named by their one-character abbreviations, read without the first
/// (巴高层协调与合作委员会 in 中巴高层协调与合作委员会): the pair is part of the name. Only for
/// names of joint work (合作, 协调, 联合…), and not where the second state is written in full
/// (会议中美国代表团: 美国代表团).
fn with_bilateral_prefix(chars: &[char], span: Span) -> Span {
    const JOINT: &[&str] = &[
        "合作",
        "协调",
        "联合",
        "友好",
        "经贸",
        "政府间",
        "双边",
        "战略对话",
        "委员会",
    ];
    let joint = || {
        let name = text_of(chars, span);
        JOINT.iter().any(|w| name.contains(w))
    };
    if span.start >= 1
        && chars[span.start - 1] == '中'
        && STATE_ABBREVIATIONS.contains(chars[span.start])
        && !starts_with_any(chars, span.start, COUNTRIES)
        && joint()
    {
        Span::new(span.start - 1, span.end)
    } else {
        span
    }
}

/// Length in characters of the longest of `words` that ends at `end`.
#[inline(never)]
fn longest_ending_at(chars: &[char], end: usize, words: &[&str]) -> Option<usize> {
    // (The last character first: most words end otherwise, and counting them costs.)
    let last = end.checked_sub(1).map(|k| chars[k])?;
    words
        .iter()
        .filter(|w| w.ends_with(last))
        .map(|w| (w.chars().count(), w))
        .filter(|&(n, w)| end >= n && starts_with(chars, end - n, w))
        .map(|(n, _)| n)
        .max()
}

/// The length of the longest of `words` that starts at `at`.
fn longest_starting_at(chars: &[char], at: usize, words: &[&str]) -> Option<usize> {
    words
        .iter()
        .filter(|w| starts_with(chars, at, w))
        .map(|w| w.chars().count())
        .max()
}

/// Merges organisations a later pass found (in text order) into `found` (in text order): a
/// linear merge, where a sort would be code of its own for each pass.
#[inline(never)]
fn merge_in_order(found: &mut Vec<OrgMention>, more: Vec<OrgMention>) {
    if more.is_empty() {
        return;
    }
    let old = std::mem::take(found);
    found.reserve(old.len() + more.len());
    let (mut a, mut b) = (old.into_iter().peekable(), more.into_iter().peekable());
    while let (Some(x), Some(y)) = (a.peek(), b.peek()) {
        let next = if x.span.start <= y.span.start {
            a.next()
        } else {
            b.next()
        };
        found.extend(next);
    }
    found.extend(a);
    found.extend(b);
}

/// Whether `span` overlaps one of `found` (in text order and disjoint): a binary search, not a
/// scan, as a long document has thousands.
fn overlaps_any(found: &[OrgMention], span: Span) -> bool {
    let first = found.partition_point(|f| f.span.end <= span.start);
    found.get(first).is_some_and(|f| f.span.start < span.end)
}

/// A named body, with the country written right before it (美国国会, 土耳其外交部): the
/// country belongs to the name. 中国 + a body is the same body as the bare name.
fn named_org(chars: &[char], body: Span, body_text: &str, states: &[&str]) -> OrgMention {
    // The longest country ending right before the body; not when the body names its own
    // country (中国共产党) or the "country" is a body itself (欧盟).
    // Only a state's own organs take its name: legislatures, governments, ministries,
    // parties (美国国会, 土耳其外交部), not international bodies or companies (美国北约).
    let international = [
        "联合国",
        "世界",
        "国际",
        "欧",
        "亚",
        "非",
        "东盟",
        "北约",
        "金砖",
        "二十国",
        "上海合作",
        "海合",
        "阿盟",
        "经合",
        "红十字",
    ];
    let of_a_state = body_text.ends_with([
        '部', '院', '会', '党', '阁', '省', '局', '署', '宫', '马', '大', '议',
    ]) && !international.iter().any(|p| body_text.starts_with(p));
    if !of_a_state {
        return OrgMention {
            span: body,
            name: body_text.to_string(),
            parts: None,
        };
    }
    let country = states
        .iter()
        .map(|c| (c, c.chars().count()))
        .filter(|&(c, n)| body.start >= n && starts_with(chars, body.start - n, c))
        // A one-character country (俄国家杜马) only where a word starts: not 今日 + 外交部,
        // 4月8日 + 国会.
        .filter(|&(_, n)| {
            n > 1 || {
                let before = body.start - n;
                before == 0
                    || !is_han(chars[before - 1]) && !is_digit(chars[before - 1])
                    || one_of("、和与同及", chars[before - 1])
            }
        })
        .map(|(_, n)| n)
        .max()
        .filter(|_| !COUNTRIES.iter().any(|c| body_text.starts_with(c)));
    match country {
        Some(n) => {
            let span = Span::new(body.start - n, body.end);
            let place = text_of(chars, Span::new(span.start, body.start));
            OrgMention {
                span,
                name: text_of(chars, span),
                parts: (place == "中国").then(|| (place, String::new(), body_text.to_string())),
            }
        }
        None => OrgMention {
            span: body,
            name: body_text.to_string(),
            parts: None,
        },
    }
}

/// 丹东市中级人民法院, 省法院, 市委, 丹东中院 — a local body with its prefix, or None when the
/// body has none (委员会 alone) or the prefix makes it collective (全市法院, 省市委).
fn local_org(chars: &[char], body: Span, body_text: &str) -> Option<OrgMention> {
    let admin = ADMIN_LEVELS.iter().find(|a| {
        let n = a.chars().count();
        body.start >= n && starts_with(chars, body.start - n, a)
    });
    let Some(admin) = admin else {
        // Bodies that name one organisation without a level: 政法委 (the city's), 丹东中院.
        if body_text == "政法委" && (body.start == 0 || !is_han(chars[body.start - 1])) {
            return Some(OrgMention {
                span: body,
                name: body_text.to_string(),
                parts: None,
            });
        }
        if matches!(
            body_text,
            "中院" | "高院" | "中级人民法院" | "人民法院" | "人民检察院" | "中级法院"
        ) {
            let place = place_before(chars, body.start)?;
            let span = Span::new(place, body.end);
            return Some(OrgMention {
                span,
                name: text_of(chars, span),
                parts: Some((
                    text_of(chars, Span::new(place, body.start)),
                    String::new(),
                    body_text.to_string(),
                )),
            });
        }
        return None;
    };
    let level_start = body.start - admin.chars().count();
    // A special administrative region's government (特别行政|区政府) is no district's.
    if level_start >= 2 && starts_with(chars, level_start - 2, "行政") {
        return None;
    }
    // 省、市人大代表: levels listed with 、 share one body — coordinated, no single organisation.
    if level_start >= 2
        && chars[level_start - 1] == '、'
        && one_of("省市县区乡镇", chars[level_start - 2])
    {
        return None;
    }
    if level_start > 0 && COLLECTIVE_BEFORE_ADMIN.contains(chars[level_start - 1]) {
        // 省市委, 全市法院 — unless the character is the end of a place name (丹东市 → 东 is fine).
        let before = chars[level_start - 1];
        if place_before(chars, level_start).is_none()
            || one_of("全各本该两三四五六七八九十几多我每此", before)
        {
            return None;
        }
    }
    let start = place_before(chars, level_start).unwrap_or(level_start);
    // The party's name before a committee of a place belongs to it (中共河北省委); the
    // committee without it is the same body (merge_aliases).
    let party = start >= 2
        && start > level_start.saturating_sub(5)
        && start < level_start
        && body_text.starts_with('委')
        && starts_with(chars, start - 2, "中共");
    let span = Span::new(if party { start - 2 } else { start }, body.end);
    Some(OrgMention {
        span,
        name: text_of(chars, span),
        parts: Some((
            text_of(chars, Span::new(start, level_start)),
            admin.to_string(),
            body_text.to_string(),
        )),
    })
}

/// Start of a 2–4 character place name ending at `end`, if the text before it is a boundary.
fn place_before(chars: &[char], end: usize) -> Option<usize> {
    // An autonomous region by its full name (新疆维吾尔|自治区, 广西壮族|自治区).
    for (region, people) in [("新疆", "维吾尔"), ("广西", "壮族"), ("宁夏", "回族")] {
        let start = end.checked_sub(region.chars().count() + people.chars().count());
        if let Some(start) = start.filter(|&k| {
            starts_with(chars, k, region) && starts_with(chars, k + region.chars().count(), people)
        }) {
            return Some(start);
        }
    }
    (2..=4).find_map(|len| {
        let start = end.checked_sub(len)?;
        let place = &chars[start..end];
        if !place
            .iter()
            .all(|&c| is_han(c) && !NOT_IN_NAME_SET.contains(c) && !BEFORE_PLACE_SET.contains(c))
        {
            return None;
        }
        let word: String = place.iter().collect();
        if NOT_PLACES.iter().any(|w| word.ends_with(w)) {
            return None;
        }
        // The party's name before a place is a boundary too (中共 | 丹东 | 市委).
        let clean = start == 0
            || !is_han(chars[start - 1])
            || BEFORE_PLACE_SET.contains(chars[start - 1])
            || (start >= 2 && chars[start - 2] == '中' && chars[start - 1] == '共');
        clean.then_some(start)
    })
}

/// End of a sub-unit that continues the organisation ending at `end` (市人大 +
/// 监察和司法委员会), when one does and a title, a name the tagger reads or a clause break
/// follows it (`before_role_only`: a title or a name).
fn subunit_end(
    chars: &[char],
    end: usize,
    people: &[Span],
    before_role_only: bool,
) -> Option<usize> {
    let name_starts = |at: usize| {
        let k = people.partition_point(|p| p.start < at);
        people.get(k).is_some_and(|p| p.start == at)
    };
    let limit = (end + 16).min(chars.len());
    let mut best = None;
    let mut k = end;
    // Not across a function word, nor into a count of bodies (参众两院, 各委员会).
    // 与 and 和 join words inside a committee's name (环境与资源保护委员会), not at its start.
    while k < limit
        && is_han(chars[k])
        && !one_of("的了是在为对向同及并将等两各诸原", chars[k])
        && !(k == end && one_of("与和", chars[k]))
        // Nor across a name (组织秘书长|科尔曼|和…理事会).
        && !(k > end && name_starts(k))
    {
        k += 1;
        let piece: String = chars[end..k].iter().collect();
        // The sub-unit's ending first: it rules out nearly every piece at once.
        if k - end < 2 || !SUBUNIT_SUFFIXES.iter().any(|s| piece.ends_with(s)) {
            continue;
        }
        let ends_here = !before_role_only
            && (k >= chars.len()
                || ends_clause(chars[k])
                || chars[k] == '、'
                // 市政府新闻处|说, …办公室|表示.
                || chars[k] == '说'
                || name_end_strength(chars, k) >= 2)
            || starts_with_any(chars, k, TITLE_WORDS)
            || name_starts(k);
        // A party group in a title is part of the role: 丹东中院党组书记 → 丹东中院.
        if ends_here
            && !piece.ends_with("党组")
            && !piece.ends_with("全局")
            // A place in transliteration is no sub-unit (新华社|莫斯科4月28日电).
            && !piece.chars().all(|c| TRANSLITERATION_SET.contains(c))
            && !CLAUSE_WORDS.iter().any(|w| piece.contains(w))
            && !(before_role_only
                && (k - end > 6 || TITLE_WORDS.iter().any(|t| piece.contains(t))))
        {
            best = Some(k);
        }
    }
    best
}

/// A body the tagger reads from inside the name of its country (委内|瑞拉武装部队): from the
/// country's start.
fn with_whole_country(chars: &[char], span: Span) -> Span {
    // Where a country would start, up to five characters back; by its first character
    // first (this runs for every body proposed).
    let start = (1..=5.min(span.start)).find_map(|o| {
        let at = span.start - o;
        let initial = chars[at];
        if !COUNTRY_FIRST.contains(initial) {
            return None;
        }
        COUNTRIES
            .iter()
            .filter(|c| c.chars().next().is_some_and(|x| x == initial))
            .find(|c| {
                let n = c.chars().count();
                o < n && o < span.len() && starts_with(chars, at, c)
            })
            .map(|_| at)
    });
    Span::new(start.unwrap_or(span.start), span.end)
}

/// Endings of the names of bodies of the world (世界数据组织, 国际电信联盟).
const WORLD_BODY_ENDINGS: &[&str] = &[
    "组织",
    "联盟",
    "联合会",
    "协会",
    "理事会",
    "委员会",
    "基金会",
    "署",
    "机构",
];

/// Words that make a kind of body, not one (国际恐怖组织, 国际人道组织, 国际知名组织).
const NOT_FIELDS: &[&str] = &[
    "恐怖", "犯罪", "人道", "慈善", "多边", "区域", "地区", "相关", "有关", "专业", "主要", "其他",
    "民间", "知名", "著名", "权威", "重要", "性", "各类", "政府", "友好", "合作", "社会", "经济",
    "科技", "金融", "体育", "文化",
];

/// Where a term's committee written right after a body's name ends (…|第十五届中央委员会).
fn term_committee_end(chars: &[char], end: usize) -> Option<usize> {
    let mut k = end + usize::from(chars.get(end) == Some(&'第'));
    let numerals = k;
    while chars
        .get(k)
        .is_some_and(|&c| one_of("一二三四五六七八九十", c))
    {
        k += 1;
    }
    if k == numerals || chars.get(k) != Some(&'届') {
        return None;
    }
    longest_starting_at(chars, k + 1, TERM_COMMITTEES).map(|n| k + 1 + n)
}

/// The committees a body elects for a term.
const TERM_COMMITTEES: &[&str] = &[
    "常委会",
    "常务委员会",
    "中央委员会",
    "中央纪律检查委员会",
    "中央常务委员会",
    "中央军事委员会",
    "全国委员会",
    "全国委员会常务委员会",
];

/// A body's name without its term (十四届全国人大常委会, 第十四届全国人民代表大会): what is
/// left after 第, numerals and 届, if that is a name of two characters or more.
fn without_term(name: &str) -> Option<&str> {
    let rest = name.strip_prefix('第').unwrap_or(name);
    let numerals = rest
        .char_indices()
        .find(|&(_, c)| !one_of("一二三四五六七八九十百", c))
        .map_or(rest.len(), |(i, _)| i);
    let bare = rest[numerals..].strip_prefix('届')?;
    (numerals > 0 && bare.chars().count() >= 2).then_some(bare)
}

/// A body's name without the term written inside it (政协|第十四届|全国委员会).
fn without_inner_term(name: &str) -> Option<String> {
    // At 第, or at the numerals when there is none (全国政协|十四届|常委会).
    let at = name
        .find('第')
        .or_else(|| name.find(|c| one_of("一二三四五六七八九十", c)))
        .filter(|&at| at > 0)?;
    let rest = name[at..].strip_prefix('第').unwrap_or(&name[at..]);
    let numerals = rest
        .char_indices()
        .find(|&(_, c)| !one_of("一二三四五六七八九十百", c))
        .map_or(rest.len(), |(i, _)| i);
    let after = rest[numerals..].strip_prefix('届')?;
    (numerals > 0).then(|| format!("{}{after}", &name[..at]))
}

/// A term read in part (四届全国人大常委会 of 十四届…): the whole number.
fn with_whole_term(chars: &[char], span: Span) -> Span {
    let numeral = |c: char| one_of("一二三四五六七八九十百第", c);
    let mut start = span.start;
    if chars.get(span.start).is_some_and(|&c| numeral(c)) {
        while start > 0 && numeral(chars[start - 1]) {
            start -= 1;
        }
    }
    Span::new(start, span.end)
}

/// Whether `short` abbreviates `long`: at least three characters, the same first one, the rest
/// taken in order from `long` with at least two pieces left out, and at most two characters of
/// `long` after its last one (员会 of 委员会). One piece left out is another body as often as a
/// short form (中国银行 is not 中国人民银行); a longer tail is a body within the body (全国人大
/// is not 全国人民代表大会常务委员会).
fn abbreviates(short: &str, long: &str) -> bool {
    let (s, l): (Vec<char>, Vec<char>) = (short.chars().collect(), long.chars().collect());
    if s.len() < 3 || s.len() >= l.len() || s[0] != l[0] {
        return false;
    }
    let (mut at, mut gaps, mut in_gap, mut last) = (0, 0, false, 0);
    for (i, &c) in l.iter().enumerate() {
        if at < s.len() && s[at] == c {
            at += 1;
            in_gap = false;
            last = i;
        } else if !in_gap {
            gaps += 1;
            in_gap = true;
        }
    }
    at == s.len() && gaps >= 2 && l.len() - last - 1 <= 2
}

/// Groups mentions into organisations: a short form joins the full form it abbreviates
/// (丹东中院 → 丹东市中级人民法院), national bodies their other names; the longest form
/// present names the entry.
fn merge_aliases(found: Vec<OrgMention>) -> Vec<Organization> {
    // The names found, and those that are a state's name and a body's (洪都拉斯|国会) by the
    // state's first character and the body: looked up, not searched, for every mention.
    // (Maps of types the analysis already uses: each new one is code of its own in the wasm.)
    let names: std::collections::HashSet<String> = found.iter().map(|f| f.name.clone()).collect();
    let mut of_states: HashMap<String, String> = HashMap::new();
    for name in &names {
        // (The first character first: a string comparison per country and name costs.)
        let Some(initial) = name.chars().next() else {
            continue;
        };
        for country in COUNTRIES
            .iter()
            .filter(|c| c.starts_with(initial) && c.len() > 3 && name.starts_with(*c))
        {
            let body = &name[country.len()..];
            if body.chars().count() >= 2 {
                let first = country.chars().next().unwrap_or_default();
                of_states
                    .entry(format!("{first}{body}"))
                    .or_insert_with(|| name.clone());
            }
        }
    }
    // Every form → a group key (the first form seen of the group).
    let mut key_of: HashMap<String, String> = HashMap::new();
    for m in &found {
        if let Some((place, level, body)) = &m.parts {
            let mut forms = vec![m.name.clone()];
            // 中国外交部 is 外交部.
            if place == "中国" && level.is_empty() {
                forms.push(body.clone());
            }
            for (full, shorts) in BODY_ABBREVIATIONS {
                if body == full {
                    for s in *shorts {
                        forms.push(format!("{place}{s}"));
                        forms.push(format!("{place}{level}{s}"));
                    }
                }
            }
            for (full, shorts) in BODY_ABBREVIATIONS {
                if shorts.contains(&body.as_str()) {
                    forms.push(format!("{place}{level}{full}"));
                    for s in *shorts {
                        forms.push(format!("{place}{level}{s}"));
                    }
                    if !level.is_empty() {
                        continue;
                    }
                    for l in ["市", "省", "县", "区"] {
                        forms.push(format!("{place}{l}{full}"));
                    }
                }
            }
            let key = forms
                .iter()
                .find_map(|f| key_of.get(f).cloned())
                .unwrap_or_else(|| m.name.clone());
            for f in forms {
                key_of.entry(f).or_insert_with(|| key.clone());
            }
        } else if let Some(group) = {
            // (Also with a term inside the name: 政协第十四届全国委员会.)
            let unterm = without_inner_term(&m.name);
            NATIONAL_ALIASES.iter().find(|g| {
                g.contains(&m.name.as_str()) || unterm.as_deref().is_some_and(|u| g.contains(&u))
            })
        } {
            let key = group
                .iter()
                .find_map(|f| key_of.get(*f).cloned())
                .unwrap_or_else(|| m.name.clone());
            for f in *group {
                key_of.entry(f.to_string()).or_insert_with(|| key.clone());
            }
            key_of.entry(m.name.clone()).or_insert(key);
        }
        // 中共河北省委 is 河北省委, whichever comes first (not 中共中央, a body of its own);
        // 十四届全国人大常委会 is 全国人大常委会 (one body across its terms); 沃尔玛公司 is
        // 沃尔玛.
        let bare = m
            .name
            .strip_prefix("中共")
            .filter(|b| b.chars().count() >= 2 && !NATIONAL_BODIES.contains(&m.name.as_str()))
            .or_else(|| without_term(&m.name))
            // 洪国会 is the 洪都拉斯国会 the same document names, 美国会 the 美国国会.
            .or_else(|| of_states.get(&m.name).map(String::as_str))
            // 中国全国政协 is the 全国政协 the same document names.
            .or_else(|| {
                m.name
                    .strip_prefix("中国")
                    .filter(|b| b.chars().count() >= 3 && names.contains(*b))
            })
            .or_else(|| {
                ["有限公司", "公司", "集团"]
                    .iter()
                    .find_map(|s| m.name.strip_suffix(s))
                    .filter(|b| b.chars().count() >= 2 && found.iter().any(|f| f.name == *b))
            })
            // 中巴高委会 is the 高委会 the same document names without its two states.
            .or_else(|| {
                let mut c = m.name.chars();
                let bilateral = c.next() == Some('中')
                    && c.next().is_some_and(|s| STATE_ABBREVIATIONS.contains(s));
                bilateral
                    .then_some(c.as_str())
                    .filter(|b| b.chars().count() >= 3 && found.iter().any(|f| f.name == *b))
            });
        if let Some(bare) = bare {
            let key = key_of
                .get(bare)
                .or_else(|| key_of.get(&m.name))
                .cloned()
                .unwrap_or_else(|| m.name.clone());
            key_of.insert(bare.to_string(), key.clone());
            key_of.insert(m.name.clone(), key);
        }
        key_of
            .entry(m.name.clone())
            .or_insert_with(|| m.name.clone());
    }
    // A short form made of pieces of one longer name of the document (中巴高委会 of
    // 中巴高层协调与合作委员会, 国家发展改革委 of 国家发展和改革委员会) is that body.
    // Sorted, names that share a first character (as a short form and its full name do) are
    // a run: each short form is compared with its run only.
    // (Strings and a stable sort: the code the core already has for them, no more wasm.)
    let mut names: Vec<String> = found.iter().map(|m| m.name.clone()).collect();
    names.sort_unstable();
    names.dedup();
    for short in &names {
        // A body the lexicon knows by this name is that body (中国科学院, not
        // 中国电力科学研究院).
        let known =
            NATIONAL_BODIES.contains(&short.as_str()) || WORLD_BODIES.contains(&short.as_str());
        if known || short.chars().count() < 3 || key_of[short] != *short {
            continue;
        }
        let first = short.chars().next().unwrap_or(' ');
        let from = names.partition_point(|n| n.chars().next() < Some(first));
        let mut keys = names[from..]
            .iter()
            .take_while(|n| n.starts_with(first))
            .filter(|long| abbreviates(short, long))
            .map(|long| key_of[long].clone());
        if let (Some(key), None) = (keys.next(), keys.next()) {
            for v in key_of.values_mut() {
                if v == short {
                    *v = key.clone();
                }
            }
        }
    }
    let mut order: Vec<String> = Vec::new();
    let mut groups: HashMap<String, Vec<&OrgMention>> = HashMap::new();
    for m in &found {
        let key = key_of[&m.name].clone();
        groups
            .entry(key.clone())
            .or_insert_with(|| {
                order.push(key);
                Vec::new()
            })
            .push(m);
    }
    order
        .into_iter()
        .map(|key| {
            let members = &groups[&key];
            let mut forms: Vec<&str> = Vec::new();
            for m in members {
                if !forms.contains(&m.name.as_str()) {
                    forms.push(&m.name);
                }
            }
            // The longest form names the entry; ties go to the first seen.
            let name = forms.iter().copied().fold("", |best, f| {
                if f.chars().count() > best.chars().count() {
                    f
                } else {
                    best
                }
            });
            Organization {
                name: name.to_string(),
                aliases: forms
                    .iter()
                    .filter(|f| **f != name)
                    .map(|f| f.to_string())
                    .collect(),
                mentions: members.iter().map(|m| m.span).collect(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn analyse(text: &str) -> (Vec<Person>, Vec<Organization>) {
        find(&Text::new(text), &Resources::embedded())
    }

    /// With the shipped assets, the word list knowing these people too.
    fn analyse_knowing(text: &str, known: &[&str]) -> Vec<Person> {
        let more: String = known.iter().map(|p| format!("%{p}\t5\n")).collect();
        let resources = Resources {
            zh_words: Lexicon::load_with(&more),
            zh_tagger: crate::zh::tagger::Model::shipped(),
            zh_rules: Default::default(),
            zh_lists: Default::default(),
            en_tagger: None,
        };
        find(&Text::new(text), &resources).0
    }

    fn people_names(people: &[Person]) -> Vec<&str> {
        people.iter().map(|p| p.name.as_str()).collect()
    }

    #[test]
    fn people_the_news_names_often_are_found_without_titles() {
        // Names that are also words (a mountain, an upright character): the tagger alone
        // reads neither in a list without titles or in a headline run together.
        let known = ["高山", "方正", "卡诺夫", "祁振", "何维"];
        let text = "高山、方正等出席开幕式。\n高山方正出席\n";
        assert!(analyse(text).0.is_empty());
        let people = analyse_knowing(text, &known);
        assert_eq!(people_names(&people), ["高山", "方正"]);
        assert!(people.iter().all(|p| p.mentions.len() == 2));
        // After a title, whatever follows (the shipped list knows this president).
        let (people, _) = analyse("俄总统普京命令部队撤离。");
        assert_eq!(people_names(&people), ["普京"]);
        assert_eq!(people[0].titles, ["俄总统"]);
        // Not inside a longer transliteration, nor a common word of the text around it.
        let text = "卡诺夫斯基发表评论。任何维护和平的努力都值得肯定。";
        let people = analyse_knowing(text, &known);
        let names = people_names(&people);
        assert!(
            !names.contains(&"卡诺夫") && !names.contains(&"何维"),
            "{names:?}"
        );
        // A character read with the name is trimmed (致 of 致信), a given name's is not.
        let text = "会见结束后，卡诺夫致信感谢。委员会主任祁振葆出席。";
        let people = analyse_knowing(text, &known);
        assert_eq!(people_names(&people), ["卡诺夫", "祁振葆"]);
    }

    #[test]
    fn a_name_in_full_and_by_its_last_part_is_one_person() {
        let text = "乌克兰总统弗拉基米尔·卡诺夫表示欢迎。卡诺夫说，双方将加强合作。";
        let people = analyse_knowing(text, &["卡诺夫"]);
        assert_eq!(people_names(&people), ["弗拉基米尔·卡诺夫"]);
        assert_eq!(people[0].aliases, ["卡诺夫"]);
        assert_eq!(people[0].mentions.len(), 2);
        assert_eq!(people[0].titles, ["乌克兰总统"]);
    }

    #[test]
    fn a_title_after_a_name_names_nothing_after_it() {
        let (people, _) = analyse("王晓东书记郑重承诺，抓好落实。");
        assert_eq!(people_names(&people), ["王晓东"]);
        // At the invitation of the head of state: 应国家 is no name, 应 no part of the title.
        let text = "应国家主席祁振岳邀请，总统卡诺夫将访华。";
        let people = analyse_knowing(text, &["祁振岳"]);
        assert_eq!(people_names(&people), ["祁振岳", "卡诺夫"]);
        assert_eq!(people[0].titles, ["国家主席"]);
    }

    #[test]
    fn titles_stop_at_the_name_before_and_go_on_over_a_comma() {
        let (people, _) = analyse("芬兰总理奥尔卡和英国首相斯塔姆出席会议。");
        assert_eq!(person(&people, "斯塔姆").titles, ["英国首相"]);
        let (people, _) = analyse("中央宣讲团成员，省卫生健康委员会党组书记、主任钱立新作报告。");
        assert_eq!(
            person(&people, "钱立新").titles,
            ["中央宣讲团成员", "省卫生健康委员会党组书记", "主任"]
        );
        // 作 of 作的报告 is no part of the name, 了 of 听取了 none of the title.
        let (people, _) = analyse("会议听取了法制委员会副主任委员骆文作的关于草案的报告。");
        assert_eq!(people_names(&people), ["骆文"]);
        assert_eq!(people[0].titles, ["法制委员会副主任委员"]);
        // A name given earlier takes the title after it wherever it stands (赞赏|巴罗主席), and
        // what follows that title is no name.
        let (people, _) = analyse("国际奥委会主席巴罗会见代表团。中方赞赏巴罗主席任内所作贡献。");
        assert_eq!(people_names(&people), ["巴罗"]);
        assert_eq!(people[0].titles, ["国际奥委会主席", "主席"]);
    }

    #[test]
    fn a_states_team_is_an_organisation() {
        let (_, orgs) = analyse(
            "决赛中墨西哥队以二比一战胜巴西男队，中国女队夺冠。要加强中国队伍建设，美国队员表示。",
        );
        let names = org_names(&orgs);
        assert_eq!(names, ["墨西哥队", "巴西男队", "中国女队"]);
    }

    #[test]
    fn a_title_is_not_cut_inside_a_word() {
        let (people, _) = analyse("会谈后，青川民主同盟总书记卡马罗会见了代表团。");
        assert_eq!(person(&people, "卡马罗").titles, ["青川民主同盟总书记"]);
    }

    #[test]
    fn bodies_are_not_read_into_the_words_around_them() {
        let (people, orgs) = analyse(
            "公安部部长王明出席。希望跨国公司加大投资。国际联播快讯。\
             各省区市全面依法治省（区、市）委员会负责同志参加。全国工商联召开会议。",
        );
        assert_eq!(person(&people, "王明").titles, ["公安部部长"]);
        let names = org_names(&orgs);
        assert!(
            names.contains(&"公安部") && names.contains(&"全国工商联"),
            "{names:?}"
        );
        for wrong in ["公安部部", "希望跨国公司", "国际联"] {
            assert!(!names.contains(&wrong), "{names:?}");
        }
        assert!(!names.iter().any(|n| n.contains('）')), "{names:?}");
    }

    fn person<'a>(people: &'a [Person], name: &str) -> &'a Person {
        people
            .iter()
            .find(|p| p.name == name)
            .unwrap_or_else(|| panic!("{name} not found in {people:?}"))
    }

    fn org_names(orgs: &[Organization]) -> Vec<&str> {
        orgs.iter().map(|o| o.name.as_str()).collect()
    }

    #[test]
    fn bodies_of_the_world_with_their_country() {
        let (_, orgs) = analyse(
            "据共同社报道，日本自民党与公明党在国会的协商陷入僵局，内阁支持率下滑。\
             美国国会参众两院当天表决。土耳其外交部发表声明。微软和英特尔公布季度财报，北大和清华的学者参加研讨。",
        );
        let names = org_names(&orgs);
        for want in [
            "共同社",
            "日本自民党",
            "公明党",
            "国会",
            "内阁",
            "美国国会",
            "土耳其外交部",
            "微软",
            "英特尔",
            "北大",
            "清华",
        ] {
            assert!(names.contains(&want), "{want} missing from {names:?}");
        }
        // The foreign ministry of Turkey is not China's.
        assert!(!names.contains(&"外交部"), "{names:?}");
    }

    #[test]
    fn a_body_name_inside_a_persons_name_is_the_persons() {
        let (people, orgs) = analyse(
            "会议经表决，任命彭清华为省人大常委会副主任，任命茅仲华为市中级人民法院副院长。",
        );
        let names: Vec<&str> = people.iter().map(|p| p.name.as_str()).collect();
        assert!(
            names.contains(&"彭清华") && names.contains(&"茅仲华"),
            "{names:?}"
        );
        let orgs = org_names(&orgs);
        assert!(
            !orgs.contains(&"清华") && !orgs.contains(&"华为"),
            "{orgs:?}"
        );
    }

    #[test]
    fn latin_acronyms_of_bodies_as_whole_words_with_their_chinese_names() {
        let (_, orgs) = analyse(
            "双方愿在联合国、二十国集团和G20框架下加强合作，支持WTO改革。WHOLE和GDP不是机构。",
        );
        let g20 = orgs
            .iter()
            .find(|o| o.name == "二十国集团")
            .unwrap_or_else(|| panic!("{orgs:?}"));
        assert_eq!(g20.aliases, vec!["G20"]);
        let names = org_names(&orgs);
        assert!(names.contains(&"WTO"), "{names:?}");
        assert!(
            !names.iter().any(|n| *n == "WHO" || *n == "GDP"),
            "{names:?}"
        );
    }

    #[test]
    fn the_centre_listed_with_other_bodies_is_the_party_centre() {
        let (_, orgs) =
            analyse("会议要求，认真学习贯彻中央、省市委及省法院重要会议精神。坚持中央厨房模式。");
        let centre = orgs
            .iter()
            .find(|o| o.name == "中央")
            .unwrap_or_else(|| panic!("{orgs:?}"));
        assert_eq!(centre.mentions.len(), 1, "not the 中央 of 中央厨房");
    }

    #[test]
    fn a_given_name_cut_short_is_made_whole() {
        let text = "郑宇航30日在接受记者采访时表示，将继续努力。";
        let chars: Vec<char> = text.chars().collect();
        let words = Lexicon::load();
        // As the tagger sometimes proposes it: the third character left out.
        assert_eq!(
            whole_given_name(&chars, &words, Span::new(0, 2)),
            Span::new(0, 3),
            "followed by a digit"
        );
        let said: Vec<char> = "李强说，要抓好落实。".chars().collect();
        assert_eq!(
            whole_given_name(&said, &words, Span::new(0, 2)),
            Span::new(0, 2),
            "说 follows names"
        );
        // A one-character word after the third ends it too, but not after 家 or an adverb.
        for (text, end) in [
            ("谭玉娇的发言引起共鸣。", 3),
            ("高懿屏对单霞丽。", 3),
            ("王伟家的房子重建好了。", 2),
            ("花农正在采摘。", 2),
        ] {
            let chars: Vec<char> = text.chars().collect();
            assert_eq!(
                whole_given_name(&chars, &words, Span::new(0, 2)),
                Span::new(0, end),
                "{text}"
            );
        }
    }

    #[test]
    fn the_partys_name_before_a_local_committee_belongs_to_it() {
        let (people, orgs) = analyse(
            "中共临江市委副书记周明远出席会议。临江市委要求抓好落实。中共河西县委召开常委会。",
        );
        let city = orgs
            .iter()
            .find(|o| o.name == "中共临江市委")
            .unwrap_or_else(|| panic!("{orgs:?}"));
        assert_eq!(city.aliases, vec!["临江市委"]);
        assert!(org_names(&orgs).contains(&"中共河西县委"), "{orgs:?}");
        assert_eq!(person(&people, "周明远").titles, vec!["中共临江市委副书记"]);
    }

    #[test]
    fn a_short_body_name_opening_a_longer_one_is_not_taken_alone() {
        let (_, orgs) = analyse("他毕业于复旦大学，后在中兴通讯工作。复旦的老师来看他。");
        let names = org_names(&orgs);
        assert!(!names.contains(&"中兴"), "{names:?}");
        assert_eq!(
            orgs.iter()
                .find(|o| o.name == "复旦")
                .map(|o| o.mentions.len()),
            Some(1),
            "only the 复旦 that stands alone: {orgs:?}"
        );
    }

    #[test]
    fn words_that_contain_a_body_name_none() {
        let (_, orgs) = analyse(
            "全体共产党员和民主党派人士参加学习，北大荒农场的职工代表列席。东北大部、华南大部有雨，北大西洋沿岸风大。警备区政委高云江说，要抓好训练。",
        );
        let names = org_names(&orgs);
        assert!(
            !names
                .iter()
                .any(|n| ["共产党", "民主党", "北大", "南大部", "警备区政委"].contains(n)),
            "{names:?}"
        );
    }

    #[test]
    fn china_before_a_national_body_is_the_same_body() {
        let (_, orgs) = analyse("中国外交部发言人答记者问。外交部此前已表明立场。");
        let ministry = orgs
            .iter()
            .find(|o| o.name == "中国外交部")
            .unwrap_or_else(|| panic!("{orgs:?}"));
        assert_eq!(ministry.aliases, vec!["外交部"]);
        assert_eq!(ministry.mentions.len(), 2);
    }

    #[test]
    fn a_surname_with_a_form_of_address_is_the_person() {
        let text = "胡老说，画累了就出去走走。胡同里很安静。";
        let (people, _) = analyse(text);
        let hu = person(&people, "胡");
        // Only where it was read as a name: not the 胡 of 胡同.
        assert_eq!(hu.mentions, vec![Span::new(0, 1)]);
    }

    #[test]
    fn the_quick_address_test_knows_every_form_of_address() {
        for w in ADDRESS_AFTER_SURNAME {
            assert!(starts_an_address(w.chars().next().unwrap()), "{w}");
        }
    }

    #[test]
    fn a_surname_addressed_is_found_without_the_tagger_and_joins_the_full_name() {
        let (people, _) = analyse("李老师看了后，微笑着说：“等以后再参加好吗？”郑先生点了点头。");
        assert_eq!(people_names(&people), vec!["李", "郑"]);
        assert_eq!(person(&people, "李").mentions, vec![Span::new(0, 1)]);
        // Not a preposition or a side in talks before a form of address or 总是.
        let (people, _) =
            analyse("那位女士向老同志们问好。中方说到做到，但如果美方总是说一套、做一套，就不行。");
        assert!(people.is_empty(), "{people:?}");
        // Where the document names one person of the surname in full, the surname is that
        // person's mention, not a second person.
        let (people, _) = analyse("记者要找的尹师傅叫尹舒展。尹舒展说，风车修好了。");
        assert_eq!(people_names(&people), vec!["尹舒展"]);
        assert_eq!(person(&people, "尹舒展").mentions[0], Span::new(5, 6));
    }

    #[test]
    fn a_subunit_before_a_name_is_part_of_the_body() {
        let (people, orgs) = analyse("全国人大常委会法工委研究室吴高盛认为，这部法律很有必要。");
        assert_eq!(org_names(&orgs), vec!["全国人大常委会法工委研究室"]);
        assert_eq!(people_names(&people), vec!["吴高盛"]);
    }

    #[test]
    fn a_company_named_like_a_word_of_output_is_no_body_there() {
        let (_, orgs) = analyse("埃及决定将原油日产量从75万桶削减，油田可连续30年日产12万桶。");
        assert!(orgs.is_empty(), "{orgs:?}");
    }

    #[test]
    fn a_state_ministry_the_lists_lack_is_read_from_country_and_portfolio() {
        let (people, orgs) = analyse(
            "英国内政部为这次试验提供了资助。埃及石油部长哈姆迪宣布减产。美国中西部遭遇暴雨，美国司法部门介入。",
        );
        assert_eq!(org_names(&orgs), vec!["英国内政部", "埃及石油部"]);
        assert_eq!(person(&people, "哈姆迪").titles, vec!["埃及石油部长"]);
        // 卫生部门 is a department, not the ministry 卫生部.
        let (_, orgs) = analyse("加沙地带卫生部门21日称，当天又有多人在空袭中遇难。");
        assert!(orgs.iter().all(|o| o.name != "卫生部"), "{orgs:?}");
    }

    #[test]
    fn armed_movements_are_bodies_and_a_side_is_no_person() {
        let (people, orgs) = analyse(
            "哈马斯称正在研究以方最新回应。黎巴嫩真主党和胡塞武装也发表声明。习近平强调，很高兴中方援建的项目改善了当地人民的生活。",
        );
        assert_eq!(people_names(&people), vec!["习近平"]);
        assert_eq!(org_names(&orgs), vec!["哈马斯", "黎巴嫩真主党", "胡塞武装"]);
    }

    #[test]
    fn transliterations_cut_from_places_are_no_people_and_cut_names_are_read_whole() {
        let (people, _) = analyse(
            "俄罗斯外交部发言人扎哈罗娃15日表示，俄军打击了罗斯托夫州的莫罗佐夫斯克机场。美国当选总统特朗普威胁对加拿大加征关税，伊利诺伊州官员表示反对。西部陆海新通道建设加快推进。",
        );
        assert_eq!(people_names(&people), vec!["扎哈罗娃", "特朗普"]);
        // A currency after its amount.
        let (chars, currency) = span_of("贷款总额为1.75亿马克。", "马克");
        assert!(!plausible_person(&chars, currency));
    }

    #[test]
    fn names_are_read_whole_in_spaced_lists_across_hyphens_and_to_a_womans_ending() {
        let (people, _) = analyse("主席团成员：王广华　王仁华　王文全　王文涛　王正伟");
        assert_eq!(
            people_names(&people),
            vec!["王广华", "王仁华", "王文全", "王文涛", "王正伟"]
        );
        let (people, _) = analyse(
            "军人出庭指证其同事本·罗伯茨-史密斯。王岐山致电莎拉·齐默尔曼·杜特尔特-卡彪，祝贺她当选。恩巴洛和夫人迪尼西娅出席。他们来到刘老庄八十二烈士纪念馆。",
        );
        assert_eq!(
            people_names(&people),
            vec![
                "本·罗伯茨-史密斯",
                "王岐山",
                "莎拉·齐默尔曼·杜特尔特-卡彪",
                "恩巴洛",
                "迪尼西娅"
            ]
        );
    }

    #[test]
    fn a_name_the_document_writes_as_a_place_is_no_person() {
        let text = "400名官兵在牡丹江穆棱、哈尔滨双城等地抢收。农机手赵明亮说，今年收成好。";
        let (people, _) = analyse(text);
        // The precondition: alone, the tagger's misreading of 穆棱 stands (nothing in this
        // document says it is a place).
        assert_eq!(people_names(&people), vec!["穆棱", "赵明亮"]);
        let (people, _) = analyse(&format!("{text}穆棱市今年粮食增产。"));
        assert_eq!(people_names(&people), vec!["赵明亮"]);
    }

    #[test]
    fn a_listed_name_between_people_is_a_person_and_plants_are_not() {
        // The tagger reads 王建华, 侯蓉 and 刘志强, not 单增海 between them.
        let (people, _) = analyse("参加座谈的有王建华、侯蓉、单增海、刘志强等人。");
        assert_eq!(
            people_names(&people),
            vec!["王建华", "侯蓉", "单增海", "刘志强"]
        );
        // The last item, after two people.
        let (people, _) = analyse("出席的有王建华、侯蓉、单增海等。");
        assert_eq!(people_names(&people), vec!["王建华", "侯蓉", "单增海"]);
        // One person beside an item is not enough, nor is a list of plants.
        let (people, _) = analyse("名单上有张海燕、甘彪、游玮、李红梅。");
        assert_eq!(people_names(&people), vec!["张海燕", "李红梅"]);
        let (people, _) = analyse("产区种植了西芹、花椰菜、甘蓝等蔬菜。");
        assert!(people.is_empty(), "{people:?}");
    }

    #[test]
    fn a_common_word_after_a_title_is_no_name() {
        let (people, _) = analyse("委员会的九名成员中，国王任命的三名是元老。双方代表谈判了三天。");
        assert!(people.is_empty(), "{people:?}");
        // A name the news writes often, after a title or listed.
        let (people, _) = analyse("国务委员兼国务院秘书长肖捷出席。王东明、肖捷、郑建邦出席。");
        assert_eq!(people_names(&people), vec!["肖捷", "王东明", "郑建邦"]);
    }

    #[test]
    fn the_one_met_needs_no_title() {
        // The tagger reads 丁薛祥, not 马英九 (a word of the news list, no known person).
        let (people, _) = analyse("丁薛祥在北京会见马英九一行。");
        assert_eq!(people_names(&people), vec!["丁薛祥", "马英九"]);
        // Not a conjunction or a word of coming after the verb.
        let (people, _) = analyse("赵乐际会见了来访的客人，会见和讨论持续两小时。");
        assert_eq!(people_names(&people), vec!["赵乐际"]);
    }

    #[test]
    fn a_weekday_a_verbs_aspect_and_a_titles_tense_after_a_title_are_no_names() {
        let (people, _) = analyse(
            "法国总理周二晚表示，协议为岛上带来和平。我同村委会主任商量过，决定承包荒地。会见了离任驻华大使和新任驻华大使。",
        );
        assert!(people.is_empty(), "{people:?}");
    }

    #[test]
    fn a_steel_works_or_an_airline_by_its_short_form_is_a_company() {
        let (people, orgs) = analyse("各地企业要学习邯钢经验。全国政协副主席万钢出席会议。");
        assert_eq!(people_names(&people), vec!["万钢"]);
        assert_eq!(org_names(&orgs), vec!["邯钢", "全国政协"]);
    }

    #[test]
    fn a_speaker_opening_a_clause_needs_no_title() {
        // The tagger reads neither name.
        let (people, _) = analyse("会上，靳骕说，这些年变化很大。鄢祎表示，还要再努力。");
        assert_eq!(people_names(&people), vec!["靳骕", "鄢祎"]);
        // Documents, sayings and a preposition are no speakers.
        let (people, _) =
            analyse("公报说，双方将加强合作。农谚说，春雨贵如油。他向世界表示，愿意合作。");
        assert!(people.is_empty(), "{people:?}");
    }

    #[test]
    fn a_title_chain_starts_after_the_verb_before_it() {
        let (people, _) = analyse(
            "多国官员包括美国国务卿布林肯出席会议。该党议员批评韩国总统尹锡悦的决定。塔斯社援引俄罗斯外交部副部长格鲁什科的话报道，英国前首相鲍里斯·约翰逊也表示支持。",
        );
        assert_eq!(person(&people, "布林肯").titles, vec!["美国国务卿"]);
        assert_eq!(person(&people, "尹锡悦").titles, vec!["韩国总统"]);
        assert_eq!(
            person(&people, "格鲁什科").titles,
            vec!["俄罗斯外交部副部长"]
        );
        assert_eq!(person(&people, "鲍里斯·约翰逊").titles, vec!["英国前首相"]);
        let (people, _) = analyse("《高端访谈》栏目今晚播出巴西总统卢拉的专访。");
        assert_eq!(person(&people, "卢拉").titles, vec!["巴西总统"]);
    }

    #[test]
    fn names_cut_short_or_read_long_by_the_tagger_are_mended() {
        // A transliteration one character short, where that character ends names.
        let (chars, cut) = span_of("主教练戈麦尔斯基集合全国的优秀队员。", "戈麦尔斯");
        assert_eq!(
            text_of(&chars, whole_transliteration(&chars, cut)),
            "戈麦尔斯基"
        );
        // Not into 夫妇, nor into a word (特朗普|威胁).
        let (chars, name) = span_of("总理斯凯里特夫妇出席。", "斯凯里特");
        assert_eq!(whole_transliteration(&chars, name), name);
        let (chars, name) = span_of("当选总统特朗普威胁加征关税。", "特朗普");
        assert_eq!(whole_transliteration(&chars, name), name);
        // A player's rank is no part of the name.
        let (chars, long) = span_of("决赛中，李明浩九段执黑取胜。", "李明浩九段");
        assert_eq!(text_of(&chars, without_rank(&chars, long)), "李明浩");
    }

    #[test]
    fn a_committee_joining_two_fields_is_read_whole() {
        let (_, orgs) = analyse(
            "会议表决通过了全国人大监察和司法委员会、财政经济委员会、环境与资源保护委员会、社会建设委员会分别提出的议案。",
        );
        assert!(
            org_names(&orgs).contains(&"环境与资源保护委员会"),
            "{orgs:?}"
        );
        assert!(!org_names(&orgs).contains(&"资源保护委员会"), "{orgs:?}");
        let (_, orgs) = analyse(
            "王岐山与巴西副总统莫朗共同主持中巴高层协调与合作委员会第六次会议。中巴高委会是两国政府间最高级别的对话机制。",
        );
        let committee = orgs
            .iter()
            .find(|o| o.name == "中巴高层协调与合作委员会")
            .expect("the committee, whole");
        assert_eq!(committee.aliases, vec!["中巴高委会"]);
    }

    #[test]
    fn kinds_of_body_and_words_around_bodies_are_not_read_as_bodies() {
        let (people, orgs) = analyse(
            "中国物流与采购联合会今天发布数据。根据美国约翰斯·霍普金斯大学的统计，病例继续增加。仪式在人民大会堂北大厅举行。感谢中国党和政府的支持。会议经全国人大常委会审议通过。当地公立医院和乡镇卫生院已接收伤员，国家重点实验室也参与研究。也门胡塞武装称美军发动袭击。",
        );
        assert!(people.is_empty(), "{people:?}");
        assert_eq!(
            org_names(&orgs),
            vec![
                "中国物流与采购联合会",
                "约翰斯·霍普金斯大学",
                "全国人大常委会",
                "胡塞武装",
                "美军"
            ]
        );
    }

    #[test]
    fn words_read_into_bodies_at_either_end_are_left_out() {
        let (people, orgs) = analyse(
            "习近平会见马英九一行。俄军在洛杉矶市中心以外开展行动。13枚美制陆军战术导弹被击落。多个国家级文艺院团参加演出。应香港特区政府的需求，内地派出专家。新墨西哥州柯特兰空军基地发生枪击。深中通道组织通车前综合演练。中国残联配合工业和信息化部开展评估。日本立宪民主党与公明党党首会谈。",
        );
        assert_eq!(people_names(&people), vec!["习近平", "马英九"]);
        let names = org_names(&orgs);
        for body in ["香港特区政府", "工业和信息化部", "日本立宪民主党", "公明党"]
        {
            assert!(names.contains(&body), "{body} in {names:?}");
        }
        let (_, more) = analyse(
            "山东组织理论宣讲专家深入基层。河北、黑龙江、云南三省人民政府负责同志发言。23岁的卓玛大学毕业后回到家乡。中外大学生在成都交流。",
        );
        let names: Vec<&str> = names.into_iter().chain(org_names(&more)).collect();
        for junk in [
            "马英九一行",
            "洛杉矶市中心",
            "美制陆军",
            "文艺院",
            "柯特兰空军",
            "深中通道组织",
            "山东组织",
            "三省人民政府",
            "大学",
        ] {
            assert!(
                names.iter().all(|n| !n.contains(junk)),
                "{junk} in {names:?}"
            );
        }
    }

    #[test]
    fn datelines_dates_and_the_word_after_stay_out_of_bodies() {
        let (_, orgs) = analyse("据新华社莫斯科4月28日电，俄罗斯总统发布命令。");
        assert_eq!(org_names(&orgs), vec!["新华社"]);
        let (_, orgs) = analyse("预算已于4月8日国会通过，本次国会会期所剩不多。");
        assert_eq!(org_names(&orgs), vec!["国会"]);
    }

    #[test]
    fn situations_circles_regions_and_counted_kinds_are_no_bodies() {
        let (_, orgs) = analyse(
            "苏联解体后，俄罗斯政局不稳。美国银行界对此感到不安。新疆北部、甘肃西部将有大风。全县数十家煤焦厂已停产。他当兵后又去上大学。各地要围绕国家中心工作积极参与。",
        );
        assert!(orgs.is_empty(), "{orgs:?}");
        // A postal bureau is a body.
        let (_, orgs) = analyse("北京市邮政局今天发布通告。");
        assert_eq!(org_names(&orgs), vec!["北京市邮政局"]);
    }

    #[test]
    fn a_term_and_the_words_that_complete_a_listed_body_are_in_its_name() {
        let (_, orgs) = analyse(
            "决定提请第六届全国人大第二次会议审议。新一届国会将于下月召开。经济日报社社长出席。立下丰功的人民解放军。",
        );
        assert_eq!(
            org_names(&orgs),
            vec!["第六届全国人大", "国会", "经济日报社", "人民解放军"]
        );
        // A sub-unit before a verb of saying; a state and a body are two; 签署 is a verb.
        let (_, orgs) = analyse(
            "据市政府新闻处说，全市有4万棵树被刮倒。这就是印尼同国际货币基金组织进行谈判的原因。中国与泰国签署合作谅解备忘录。",
        );
        assert_eq!(org_names(&orgs), vec!["市政府新闻处", "国际货币基金组织"]);
    }

    #[test]
    fn a_province_team_is_a_body() {
        let (_, orgs) =
            analyse("上半时，辽宁队17号从底线一记斜射破门。八一队则以两分险胜上海女队。");
        assert_eq!(org_names(&orgs), vec!["辽宁队", "八一队", "上海女队"]);
        let (_, orgs) = analyse(
            "中国女篮在世锦赛首战告捷，中国足球队获得第三名。出口申请表由对外贸易经济合作部统一印制。",
        );
        assert_eq!(
            org_names(&orgs),
            vec!["中国女篮", "中国足球队", "对外贸易经济合作部"]
        );
    }

    #[test]
    fn a_title_stops_at_the_name_before_it_and_at_yiji() {
        let (people, _) =
            analyse("出席仪式的有青川篮协主席吴立桥以及斯洛文尼亚驻华大使马尔科·卡兰等。");
        assert_eq!(person(&people, "吴立桥").titles, vec!["青川篮协主席"]);
        assert_eq!(
            person(&people, "马尔科·卡兰").titles,
            vec!["斯洛文尼亚驻华大使"]
        );
        // Heads of delegations and advisers have titles too.
        let (people, _) = analyse("谈判代表团团长斯维利多夫表示，谈判富有建设性。");
        assert_eq!(person(&people, "斯维利多夫").titles, vec!["谈判代表团团长"]);
    }

    #[test]
    fn words_that_contain_a_title_give_no_person() {
        // 利亚 of 阿尔及利亚 before 总统 is no person.
        let (people, _) = analyse("阿尔及利亚总统府发表声明，阿尔及利亚总统特本决定召回大使。");
        assert!(people.iter().all(|p| p.name != "利亚"), "{people:?}");
        // 团长 inside 集团长江: no head of a troupe, no person 江电力.
        let (people, orgs) = analyse("记者从青川集团长江电力获悉，发电量增长。");
        assert!(people.is_empty(), "{people:?}");
        assert!(org_names(&orgs).contains(&"青川集团"));
        // 王储兼首相: one title, not a person 王储兼.
        let (people, _) = analyse("沙特王储兼首相穆罕默德·本·萨勒曼会见了他。");
        assert_eq!(people.len(), 1, "{people:?}");
        assert_eq!(people[0].name, "穆罕默德·本·萨勒曼");
        assert_eq!(people[0].titles, vec!["沙特王储兼首相"]);
    }

    #[test]
    fn names_after_titles_with_split_titles() {
        let (people, _) = analyse("3月2日，会议召开。市委副书记、政法委书记周明远出席会议并讲话。临江中院党组书记、院长韩立新主持会议。周明远指出，要抓好落实。");
        let zhou = person(&people, "周明远");
        assert_eq!(zhou.titles, vec!["市委副书记", "政法委书记"]);
        assert_eq!(
            zhou.mentions.len(),
            2,
            "found again where no title precedes it"
        );
        let han = person(&people, "韩立新");
        assert_eq!(han.titles, vec!["临江中院党组书记", "院长"]);
        assert_eq!(people[0].name, "周明远", "listed in order of first mention");
    }

    #[test]
    fn list_of_people_each_with_own_title() {
        let (people, _) = analyse(
            "市人大常委会副主任李秀芬、市政协副主席赵国华、市检察院检察长孙志刚到会指导工作。",
        );
        assert_eq!(
            people.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(),
            ["李秀芬", "赵国华", "孙志刚"]
        );
        assert_eq!(person(&people, "赵国华").titles, vec!["市政协副主席"]);
        assert_eq!(person(&people, "孙志刚").titles, vec!["市检察院检察长"]);
    }

    #[test]
    fn one_title_for_a_list_of_names() {
        let (people, _) = analyse("政治局常委王立新、钱卫东、欧阳明出席。");
        assert_eq!(people.len(), 3);
        assert!(people.iter().all(|p| p.titles == vec!["政治局常委"]));
        assert_eq!(people[2].name, "欧阳明");
    }

    #[test]
    fn title_after_name() {
        let (people, _) = analyse("会上传达了郑光明总书记的重要指示。");
        assert_eq!(person(&people, "郑光明").titles, vec!["总书记"]);
    }

    #[test]
    fn titles_alone_and_lookalikes_are_not_people() {
        let (people, _) =
            analyse("院长会议今天下午召开，人大代表、政协委员应邀参加。总理关于高质量发展的讲话。");
        assert!(people.is_empty(), "{people:?}");
    }

    #[test]
    fn full_and_short_court_names_merge() {
        let (_, orgs) =
            analyse("4月8日，临江市中级人民法院召开全市法院工作会议。临江中院党组书记讲话。");
        let court = &orgs[0];
        assert_eq!(court.name, "临江市中级人民法院");
        assert_eq!(court.aliases, vec!["临江中院"]);
        assert_eq!(court.mentions, vec![Span::new(5, 14), Span::new(25, 29)]);
        assert!(
            !orgs.iter().any(|o| o.name.contains("全市")),
            "全市法院 is collective: {orgs:?}"
        );
    }

    #[test]
    fn local_bodies_need_their_level_and_are_not_coordinated() {
        let (_, orgs) = analyse("深入贯彻省市委及最高法院、省法院的部署，落实市委市政府要求。");
        let names: Vec<&str> = orgs.iter().map(|o| o.name.as_str()).collect();
        assert_eq!(names, ["最高法院", "省法院", "市委", "市政府"]);
    }

    #[test]
    fn coordinated_levels_are_not_an_organisation() {
        let (_, orgs) = analyse("部分省、市人大代表应邀参加会议。");
        assert!(orgs.is_empty(), "{orgs:?}");
    }

    #[test]
    fn subunits_are_taken_whole() {
        let (_, orgs) = analyse("市人大监察和司法委员会主任委员王小红到会。");
        assert_eq!(orgs[0].name, "市人大监察和司法委员会");
    }

    #[test]
    fn tagger_finds_names_without_titles_everywhere_they_occur() {
        let (people, _) = analyse("张海明在会上介绍了情况。会后，记者就有关问题采访了张海明。");
        let zhang = person(&people, "张海明");
        assert_eq!(zhang.mentions, vec![Span::new(0, 3), Span::new(25, 28)]);
        assert!(zhang.titles.is_empty());
    }

    #[test]
    fn tagger_names_keep_the_titles_before_them() {
        // 经 (a word that starts a clause: 经批准) inside 总经理 does not cut the title.
        let (people, orgs) = analyse("恒远科技公司副总经理陶建业带领团队完成了改造。");
        assert!(orgs.iter().any(|o| o.name == "恒远科技公司"), "{orgs:?}");
        let tao = person(&people, "陶建业");
        assert_eq!(tao.titles, vec!["恒远科技公司副总经理"]);
    }

    #[test]
    fn tagger_organisations_need_an_organisation_ending() {
        let (_, orgs) =
            analyse("青川师范大学与恒远科技有限公司签署协议，推动全市法院建设法治化营商环境。");
        let names: Vec<&str> = orgs.iter().map(|o| o.name.as_str()).collect();
        assert_eq!(names, ["青川师范大学", "恒远科技有限公司"]);
    }

    /// The organisation names of `text` as if the tagger had proposed `proposals` (a kind and
    /// the words of the text it reads so), and nothing else.
    fn orgs_proposed(text: &str, proposals: &[(Kind, &str)]) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        let proposed: Vec<(Kind, Span)> = proposals
            .iter()
            .map(|&(kind, word)| (kind, span_of(text, word).1))
            .collect();
        let resources = Resources::embedded();
        let orgs = organizations(
            resources.zh_rules(),
            resources.zh_words(),
            text,
            &chars,
            &CharOffsets::new(text),
            &proposed,
            &[],
        );
        orgs.into_iter().map(|o| o.name).collect()
    }

    #[test]
    fn tagger_organisations_read_from_inside_a_word_are_refused() {
        // The first proposal starts inside 有效.
        let names = orgs_proposed(
            "要有效发挥政协作用，青川师范大学承办。",
            &[(Kind::Org, "效发挥政协"), (Kind::Org, "青川师范大学")],
        );
        assert_eq!(names, ["青川师范大学"]);
    }

    #[test]
    fn a_name_read_as_a_persons_before_a_company_ending_is_the_companys() {
        // The tagger reads the company's name as a person's, and 邯钢 as one too.
        let names = orgs_proposed(
            "森茂药业抱着成果落户本地，学习邯钢经验。",
            &[(Kind::Per, "森茂"), (Kind::Per, "邯钢")],
        );
        assert_eq!(names, ["森茂药业", "邯钢"]);
        // A prime minister's cabinet, by the prime minister's name.
        let names = orgs_proposed("目前由高桥内阁执行的政策。", &[(Kind::Per, "高桥")]);
        assert_eq!(names, ["高桥内阁"]);
        // A company ending the tagger's list lacks.
        let names = orgs_proposed("泰和药业抱着新药来到展会。", &[(Kind::Org, "泰和药业")]);
        assert_eq!(names, ["泰和药业"]);
    }

    /// Asserts `judge` of each (text, word in it, expected) case.
    fn judge_all(judge: fn(&[char], Span) -> bool, cases: &[(&str, &str, bool)]) {
        for &(text, word, ok) in cases {
            let (chars, span) = span_of(text, word);
            assert_eq!(judge(&chars, span), ok, "{word}");
        }
    }

    fn span_of(text: &str, word: &str) -> (Vec<char>, Span) {
        let chars: Vec<char> = text.chars().collect();
        let start = text[..text.find(word).expect("word in text")]
            .chars()
            .count();
        (chars, Span::new(start, start + word.chars().count()))
    }

    #[test]
    fn tagger_names_outside_the_surname_list_pass_unless_they_read_as_words() {
        let cases = &[
            ("冈村健史抵达北京。", "冈村健史", true),
            ("会见了朴明哲。", "朴明哲", true),
            ("参观示范法庭。", "示范法庭", false),
            ("他们来过这里。", "们来过", false),
            ("王小明书记到场。", "王小明书记", false),
            ("美英两国发表声明。", "美英", false),
            ("湘鄂两省交界。", "湘鄂", false),
            ("马方表示欢迎。", "马方", false),
            ("斯方表示感谢。", "斯方", false),
            ("致信祝贺。", "致信", false),
            ("访泰期间。", "访泰", false),
            ("阿巴斯表示。", "阿巴斯", true),
            ("琼斯表示。", "琼斯", true),
            ("会长高桥健太郎致辞。", "高桥健太郎", true),
            ("创始人大川幸之助。", "大川幸之助", true),
            ("前往奥克兰市政厅。", "奥克兰市政厅", false),
        ];
        judge_all(plausible_person, cases);
    }

    #[test]
    fn dotted_names_pass_and_towns_and_titles_do_not() {
        let cases = &[
            ("执行干事彼得·皮奥在会上讲话。", "彼得·皮奥", true),
            ("会见了马·莱万多夫斯基教授。", "马·莱万多夫斯基", true),
            ("雪克来提·扎克尔出席。", "·扎克尔", false),
            ("俄军攻入波克罗夫斯克。", "波克罗夫斯克", false),
            ("战事延及阿夫杰耶夫卡。", "阿夫杰耶夫卡", false),
            ("远东的阿穆尔州降雨。", "阿穆尔州", false),
            ("马斯克宣布新计划。", "马斯克", true),
            ("向习近平主席和总统先生致意。", "和总统", false),
        ];
        judge_all(plausible_person, cases);
    }

    #[test]
    fn a_dotted_name_read_in_part_is_taken_whole() {
        for (text, part, whole) in [
            (
                "秘书长瓦尔特·沙佛尔霍夫在会上说。",
                "瓦尔特",
                "瓦尔特·沙佛尔霍夫",
            ),
            ("研究员莉萨·科斯马斯说，市场放缓。", "莉萨", "莉萨·科斯马斯"),
            ("执行干事玛丽亚·皮奥指出，形势严峻。", "皮奥", "玛丽亚·皮奥"),
            (
                "部长卡洛斯·阿马特在表决前发言。",
                "卡洛斯·阿",
                "卡洛斯·阿马特",
            ),
            ("会见了安德烈。", "安德烈", "安德烈"),
        ] {
            let (chars, span) = span_of(text, part);
            let got = whole_dotted_name(&chars, span);
            assert_eq!(text_of(&chars, got), whole, "{text}");
        }
    }

    #[test]
    fn a_name_read_with_a_neighbouring_character_is_cut_to_the_titled_name() {
        let found = |name: &str, start: usize, titles: &[&str]| Found {
            span: Span::new(start, start + name.chars().count()),
            name: name.to_string(),
            titles: titles.iter().map(|t| t.to_string()).collect(),
            chain_at: None,
        };
        let mut all = vec![
            found("普京", 4, &["俄罗斯总统"]),
            found("普京致", 20, &[]),
            found("和普京", 40, &[]),
            found("李强", 60, &["国务院总理"]),
            // 彬 is a given-name character: 李强彬 is another person.
            found("李强彬", 80, &[]),
            // 达 may belong to a transliteration: 特罗瓦达 stays whole.
            found("特罗瓦", 100, &["总理"]),
            found("特罗瓦达", 120, &[]),
            // No title for 王东: 王东明 is not cut.
            found("王东", 140, &[]),
            found("王东明", 150, &[]),
        ];
        let lists = crate::zh::tagger::Lists::new();
        trim_to_known_names(&mut all, |c| lists.given_level(c), &Lexicon::parse(""));
        let names: Vec<(&str, usize)> = all
            .iter()
            .map(|f| (f.name.as_str(), f.span.start))
            .collect();
        assert_eq!(
            names,
            vec![
                ("普京", 4),
                ("普京", 20),
                ("普京", 41),
                ("李强", 60),
                ("李强彬", 80),
                ("特罗瓦", 100),
                ("特罗瓦达", 120),
                ("王东", 140),
                ("王东明", 150),
            ]
        );
    }

    #[test]
    fn newspapers_in_title_marks_are_organisations() {
        let (_, orgs) = analyse("《青川日报》发表评论员文章，《纽约时报》也作了报道。会议审议了《工作简报》和《公报》。");
        assert_eq!(org_names(&orgs), vec!["青川日报", "纽约时报"]);
        assert_eq!(orgs[0].mentions, vec![Span::new(1, 5)]);
        // Any title said to report, but no programme or document.
        let (_, orgs) = analyse(
            "据《今日青川》报道，学校停课。《经济周刊》刊载调查。《青川新闻联播》报道了此事。《数据安全法》刊登全文。",
        );
        assert_eq!(org_names(&orgs), vec!["今日青川", "经济周刊"]);
    }

    #[test]
    fn tagger_organisations_end_with_an_organisation_head() {
        let cases = &[
            ("恒远制药厂扩建。", "恒远制药厂", true),
            ("青川商业银行放贷。", "青川商业银行", true),
            ("临江交警支队出动。", "临江交警支队", true),
            ("召开全市法院会议。", "全市法院", false),
            ("召开全省经济工作会议。", "全省经济工作会议", false),
            ("召开年度经济工作会议。", "年度经济工作会议", false),
            ("印发安全生产条例。", "安全生产条例", false),
            ("走访恒远科技。", "恒远科技", false),
            ("青川市足协成立。", "青川市足协", true),
            ("全省妇联召开会议。", "省妇联", true),
            ("落实党中央决策部署。", "党中央决策部署", false),
            ("服务国家发展大局。", "国家发展大局", false),
            ("慰问广大部队官兵。", "广大部队", false),
            ("当地一家化工厂起火。", "当地一家化工厂", false),
            ("中国人民银行会同财政部发文。", "中国人民银行会", false),
            ("青川政治协商会议开幕。", "青川政治协商会", false),
            ("会见赞比亚国民议会议长。", "赞比亚国民议会", true),
            ("经证监会同意。", "经证监会", true),
            ("前苏联解体。", "前苏联", false),
            ("主持青川协调与合作委员会会议。", "与合作委员会", false),
            ("以青川党委站在全局高度。", "青川党委站", false),
            ("始终坚持从严管党治院。", "严管党治院", false),
            ("庆祝人民军建军75周年。", "人民军建军", false),
            (
                "中国与世界知识产权组织合作。",
                "中国与世界知识产权组织",
                false,
            ),
            ("组建科技创新团队。", "科技创新团队", false),
            ("建设一支青川消防队伍。", "青川消防队", false),
        ];
        judge_all(plausible_org, cases);
    }

    #[test]
    fn an_organisation_read_with_a_name_or_from_inside_a_word_is_mended() {
        let people = [Span::new(0, 3)];
        // 李小明政协委员会: the tagger's person, then the body.
        assert_eq!(
            after_leading_name(Span::new(1, 8), &people),
            Span::new(3, 8)
        );
        assert_eq!(
            after_leading_name(Span::new(4, 8), &people),
            Span::new(4, 8)
        );
        // 乌克兰海港管理局 read from 克: the transliterated word is taken whole; 据美国国防部
        // read from 美 is left alone (据 is no transliteration).
        let chars: Vec<char> = "乌克兰海港管理局".chars().collect();
        let words = [(0, 3), (3, 5), (5, 8)];
        assert_eq!(
            from_word_start(&chars, Span::new(1, 8), &words),
            Span::new(0, 8)
        );
        let chars: Vec<char> = "据美国国防部".chars().collect();
        let words = [(0, 3), (3, 6)];
        assert_eq!(
            from_word_start(&chars, Span::new(1, 6), &words),
            Span::new(1, 6)
        );
    }

    #[test]
    fn bare_bodies_are_not_organisations() {
        let (_, orgs) = analyse("要锻造法院队伍，保持法院工作和人民法院工作的连续性。");
        assert!(orgs.is_empty(), "{orgs:?}");
    }

    #[test]
    fn short_forms_made_of_pieces_of_a_longer_name_merge_with_it() {
        for (short, long) in [
            ("中巴高委会", "中巴高层协调与合作委员会"),
            ("国家发展改革委", "国家发展和改革委员会"),
            ("中国科协", "中国科学技术协会"),
            ("中央纪委", "中央纪律检查委员会"),
            ("美食药管局", "美国食品和药物管理局"),
        ] {
            assert!(abbreviates(short, long), "{short} of {long}");
        }
        for (short, long) in [
            ("中国银行", "中国人民银行"), // one piece left out: another bank
            ("全国人大", "全国人民代表大会常务委员会"), // the tail is a body of its own
            ("国务院", "国务院办公厅"),   // a prefix
            ("巴高委会", "中巴高层协调与合作委员会"), // another first character
            ("中巴", "中巴高层协调与合作委员会"), // too short
        ] {
            assert!(!abbreviates(short, long), "{short} of {long}");
        }
        let entries = merged(&[
            "中巴高层协调与合作委员会",
            "中巴高委会",
            "中国人民银行",
            "中国银行",
            "中国电力科学研究院",
            "中国科学院",
        ]);
        assert_eq!(
            entries,
            vec![
                "中巴高层协调与合作委员会 = 中巴高委会",
                "中国人民银行",
                "中国银行",
                "中国电力科学研究院",
                "中国科学院",
            ]
        );
    }

    /// The entries `merge_aliases` makes of these names, mentioned in this order, each as
    /// "name = alias = alias".
    fn merged(names: &[&str]) -> Vec<String> {
        let mentions = names
            .iter()
            .enumerate()
            .map(|(k, name)| OrgMention {
                span: Span::new(20 * k, 20 * k + name.chars().count()),
                name: name.to_string(),
                parts: None,
            })
            .collect();
        merge_aliases(mentions)
            .into_iter()
            .map(|o| {
                std::iter::once(o.name)
                    .chain(o.aliases)
                    .collect::<Vec<_>>()
                    .join(" = ")
            })
            .collect()
    }

    #[test]
    fn a_body_is_one_across_its_terms_and_a_company_with_or_without_its_suffix() {
        assert_eq!(without_term("十四届全国人大常委会"), Some("全国人大常委会"));
        assert_eq!(
            without_term("第十四届全国人民代表大会"),
            Some("全国人民代表大会")
        );
        assert_eq!(without_term("全国人大常委会"), None);
        assert_eq!(without_term("届全国人大"), None);
        let chars: Vec<char> = "闭幕会后，十四届全国人大常委会举行讲座".chars().collect();
        assert_eq!(with_whole_term(&chars, Span::new(6, 15)), Span::new(5, 15));
        let entries = merged(&[
            "十四届全国人大常委会",
            "全国人大常委会",
            "青川零售公司",
            "青川零售",
        ]);
        assert_eq!(
            entries,
            vec![
                "十四届全国人大常委会 = 全国人大常委会",
                "青川零售公司 = 青川零售"
            ]
        );
    }

    #[test]
    fn a_bilateral_body_is_one_with_or_without_its_two_states() {
        // Either order; a province's body with the same tail stays apart.
        assert_eq!(
            merged(&["中法混委会", "混委会", "湖北混委会"]),
            vec!["中法混委会 = 混委会", "湖北混委会"]
        );
        assert_eq!(
            merged(&["混委会", "中法混委会"]),
            vec!["中法混委会 = 混委会"]
        );
    }

    #[test]
    fn a_committee_named_with_yu_is_taken_whole_after_its_body() {
        let (_, orgs) = analyse("会议任命王立新为全国人大环境与资源保护委员会副主任委员。");
        assert!(
            org_names(&orgs).contains(&"全国人大环境与资源保护委员会"),
            "{:?}",
            org_names(&orgs)
        );
        let (people, _) = analyse("阿曼外交大臣巴德尔当天通话。");
        assert_eq!(person(&people, "巴德尔").titles, vec!["阿曼外交大臣"]);
    }

    #[test]
    fn a_bilateral_body_keeps_both_states() {
        let chars: Vec<char> = "会议中美国代表团发言。".chars().collect();
        assert_eq!(
            with_bilateral_prefix(&chars, Span::new(3, 8)),
            Span::new(3, 8)
        );
        let chars: Vec<char> = "主持中巴高层协调与合作委员会会议".chars().collect();
        assert_eq!(
            with_bilateral_prefix(&chars, Span::new(3, 14)),
            Span::new(2, 14)
        );
    }

    #[test]
    fn national_aliases_merge() {
        let (_, orgs) = analyse("最高人民法院发布意见。最高法院要求各地落实。");
        assert_eq!(orgs.len(), 1);
        assert_eq!(orgs[0].name, "最高人民法院");
        assert_eq!(orgs[0].aliases, vec!["最高法院"]);
    }

    /// Each person's name with the titles the analysis gives it, in order.
    fn named_with_titles(people: &[Person]) -> Vec<(&str, Vec<&str>)> {
        people
            .iter()
            .map(|p| {
                (
                    p.name.as_str(),
                    p.titles.iter().map(String::as_str).collect(),
                )
            })
            .collect()
    }

    #[test]
    fn zheng_is_in_given_names_but_not_in_words_of_government() {
        let (people, _) = analyse(
            "国务委员吴政隆出席会议。越南政府总理范明政表示欢迎。各级党政机关要做好廉政建设工作。",
        );
        assert_eq!(people_names(&people), vec!["吴政隆", "范明政"]);
    }

    #[test]
    fn transliterated_names_with_rarer_characters_and_hyphens_are_whole() {
        let (people, _) = analyse("总理在京分别会见蒙古国总理乌其尔勒和黑山总理斯帕伊奇。");
        assert_eq!(
            named_with_titles(&people),
            vec![
                ("乌其尔勒", vec!["蒙古国总理"]),
                ("斯帕伊奇", vec!["黑山总理"])
            ]
        );
        let (people, _) = analyse("总理会见吉尔吉斯斯坦总理别克捷诺夫。");
        assert_eq!(people_names(&people), vec!["别克捷诺夫"]);
        // Written with a hyphen, kept as written; a place's name in parts is no person.
        let text = "古巴国家主席迪亚斯-卡内尔13日表示，古巴将继续推进改革。迪亚斯-卡内尔说，经济形势依然严峻。导弹击中了本-古里安机场附近地区。";
        let (people, _) = analyse(text);
        assert_eq!(people_names(&people), vec!["迪亚斯-卡内尔"]);
        assert_eq!(people[0].mentions.len(), 2);
        let second = people[0].mentions[1];
        let written: String = text.chars().skip(second.start).take(second.len()).collect();
        assert_eq!(written, "迪亚斯-卡内尔");
    }

    #[test]
    fn listed_names_the_news_knows_as_words_or_not_at_all_are_people() {
        // 杨震 is a word of the news list (named there without a title).
        let (people, _) = analyse("王东明、肖捷、杨震等出席座谈会。");
        assert_eq!(people_names(&people), vec!["王东明", "肖捷", "杨震"]);
        // A name of no known shape between two people shares the list's title, as do the
        // names after it.
        let (people, _) =
            analyse("记者采访了全国人大代表李小军、王芳、阿拉腾达来、何新民和其他代表。");
        assert_eq!(
            named_with_titles(&people),
            vec![
                ("李小军", vec!["全国人大代表"]),
                ("王芳", vec!["全国人大代表"]),
                ("阿拉腾达来", vec!["全国人大代表"]),
                ("何新民", vec!["全国人大代表"]),
            ]
        );
        // Not a list of languages.
        let (people, _) = analyse("该书已译成阿拉伯文、德文、斯瓦希里文、法文出版。");
        assert!(people.is_empty(), "{people:?}");
    }

    #[test]
    fn tibetan_names_of_two_parts_and_less_common_surnames_are_read_whole() {
        let (people, _) = analyse(
            "来自拉萨的全国人大代表白玛玉珍介绍，当地牧民收入持续增长。全国政协委员洛桑江村介绍了情况。",
        );
        assert_eq!(people_names(&people), vec!["白玛玉珍", "洛桑江村"]);
        let (people, _) = analyse("全国政协委员傅新华、阎立军、赖文海接受了采访。");
        assert_eq!(
            named_with_titles(&people),
            vec![
                ("傅新华", vec!["全国政协委员"]),
                ("阎立军", vec!["全国政协委员"]),
                ("赖文海", vec!["全国政协委员"]),
            ]
        );
        // Flood peaks and the Honduran side are no people.
        let (people, _) = analyse("第2号洪峰顺利通过。洪方表示支持。");
        assert!(people.is_empty(), "{people:?}");
    }

    #[test]
    fn the_other_parties_and_their_committees_of_a_term_are_organisations() {
        let (people, orgs) = analyse(
            "民革中央主席郑建邦、农工党中央主席何维、九三学社中央主席武维华出席。大会选举产生了九三学社第十六届中央委员会。",
        );
        assert_eq!(people_names(&people), vec!["郑建邦", "何维", "武维华"]);
        assert_eq!(
            org_names(&orgs),
            vec![
                "民革中央",
                "农工党中央",
                "九三学社中央",
                "九三学社第十六届中央委员会"
            ]
        );
        let (_, orgs) = analyse(
            "中国共产党第二十届中央委员会第四次全体会议在京举行。老挝人民革命党中央总书记访华。",
        );
        assert_eq!(
            org_names(&orgs),
            vec!["中国共产党第二十届中央委员会", "老挝人民革命党中央"]
        );
    }

    #[test]
    fn bodies_are_read_with_their_country_and_field() {
        let (_, orgs) = analyse("委内瑞拉武装部队进入战备状态。");
        assert_eq!(org_names(&orgs), vec!["委内瑞拉武装部队"]);
        // A body of the world named twice; a kind of body said once is none.
        let (_, orgs) = analyse(
            "世界气候数据组织成立大会在日内瓦举行。世界气候数据组织首批成员有40个国家。国际恐怖组织仍在活动。",
        );
        assert_eq!(org_names(&orgs), vec!["世界气候数据组织"]);
        assert_eq!(orgs[0].mentions.len(), 2);
        let (_, orgs) = analyse("中国全国政协愿与各方加强交流。全国政协将继续发挥作用。");
        assert_eq!(org_names(&orgs), vec!["中国全国政协"]);
        assert_eq!(orgs[0].aliases, vec!["全国政协"]);
        let (people, orgs) = analyse("他来华出席2026年夏季达沃斯论坛。法国国民议会议长布朗-皮韦访华。越共中央总书记会见代表团。");
        assert_eq!(people_names(&people), vec!["布朗-皮韦"]);
        assert_eq!(org_names(&orgs), vec!["法国国民议会", "越共中央"]);
        // A list's number is not part of the name.
        let (_, orgs) = analyse("3.九三学社第十二次全国代表大会在京开幕。");
        assert_eq!(org_names(&orgs), vec!["九三学社"]);
    }

    #[test]
    fn a_surname_like_character_before_a_common_word_is_no_name() {
        let (people, _) = analyse("这家企业拿到了全球首张国际认可的绿色证书。");
        assert!(people.is_empty(), "{people:?}");
    }

    #[test]
    fn a_line_of_attendees_names_people() {
        let (people, _) =
            analyse("双方签署了合作文件。\n肖捷、夏宝龙参加会见。\n李干杰、吴政隆等参加上述活动。");
        assert_eq!(
            people_names(&people),
            vec!["肖捷", "夏宝龙", "李干杰", "吴政隆"]
        );
        // Not bodies or groups that attend.
        let (people, _) = analyse("会议结束。\n全体党员参加。\n有关部门负责同志参加会议。");
        assert!(people.is_empty(), "{people:?}");
    }

    #[test]
    fn wei_in_given_names_and_titles_of_museums() {
        let (people, _) = analyse(
            "全国政协副秘书长、中国美术馆馆长吴为山应邀作报告。这项工作尤为重要，成为全国典范。",
        );
        assert_eq!(
            named_with_titles(&people),
            vec![("吴为山", vec!["全国政协副秘书长", "中国美术馆馆长"])]
        );
    }

    #[test]
    fn a_body_with_its_term_inside_is_the_body_and_no_name_is_read_into_it() {
        let (people, orgs) = analyse(
            "政协第十四届全国委员会第十八次主席会议在京召开。会议通过了《政协全国委员会关于开展学习活动的意见》，审议通过了关于撤销陈立军政协第十四届全国委员会委员资格的决定。全国政协将召开常委会。",
        );
        // The one the decision removes is a person, outside the body.
        assert_eq!(people_names(&people), vec!["陈立军"]);
        assert_eq!(org_names(&orgs), vec!["政协第十四届全国委员会"]);
        assert_eq!(orgs[0].aliases, vec!["政协全国委员会", "全国政协"]);
    }

    #[test]
    fn regions_governments_and_short_forms_of_states_bodies() {
        let (_, orgs) =
            analyse("香港特别行政区政府将全力配合。特别行政区政府依法施政。香港特区政府表示欢迎。");
        assert_eq!(org_names(&orgs), vec!["香港特别行政区政府"]);
        assert_eq!(orgs[0].aliases, vec!["香港特区政府"]);
        let (_, orgs) = analyse(
            "洪都拉斯国会主席表示感谢。洪国会愿加强合作。美国国会通过法案，美国会两党分歧依旧。",
        );
        assert_eq!(org_names(&orgs), vec!["洪都拉斯国会", "美国国会"]);
        assert_eq!(orgs[0].aliases, vec!["洪国会"]);
        assert_eq!(orgs[1].aliases, vec!["美国会"]);
    }

    #[test]
    fn the_party_by_its_short_name_leading_groups_and_bodies_before_their_heads() {
        let (_, orgs) =
            analyse("中共二十大报告指出。中央全面深化改革领导小组听取汇报。快速控制局部疫情。");
        assert_eq!(org_names(&orgs), vec!["中共", "中央全面深化改革领导小组"]);
        let (people, orgs) = analyse("国际可再生能源署总干事拉卡梅拉出席。教育部部长怀进鹏介绍。");
        assert_eq!(
            named_with_titles(&people),
            vec![
                ("拉卡梅拉", vec!["国际可再生能源署总干事"]),
                ("怀进鹏", vec!["教育部部长"]),
            ]
        );
        assert_eq!(org_names(&orgs), vec!["国际可再生能源署", "教育部"]);
    }

    #[test]
    fn a_standing_committee_of_a_term_is_one_body_and_decisions_name_people() {
        let (people, orgs) = analyse(
            "政协第十四届全国委员会常务委员会第七次会议在京闭幕。全国政协十四届常委会举行学习讲座。会议审议通过了关于免去陈立军政协第十四届全国委员会常务委员职务的决定，关于撤销王建春第十四届全国政协委员资格的决定。",
        );
        // The posts they are removed from are their titles.
        assert_eq!(
            named_with_titles(&people),
            vec![
                ("陈立军", vec!["政协第十四届全国委员会常务委员"]),
                ("王建春", vec!["第十四届全国政协委员"]),
            ]
        );
        assert_eq!(
            org_names(&orgs),
            vec!["政协第十四届全国委员会常务委员会", "政协第十四届全国委员会"]
        );
        assert_eq!(orgs[0].aliases, vec!["全国政协十四届常委会"]);
    }

    #[test]
    fn autonomous_regions_and_uyghur_names_in_parts() {
        let (people, orgs) = analyse(
            "新疆维吾尔自治区党委副书记、自治区人民政府主席艾尔肯·吐尼亚孜主持大会。雪克来提·扎克尔出席。维吾尔族群众代表艾米拉古丽·阿不都发言。新疆维吾尔自治区党政军负责同志出席。",
        );
        assert_eq!(
            named_with_titles(&people),
            vec![
                (
                    "艾尔肯·吐尼亚孜",
                    vec!["新疆维吾尔自治区党委副书记", "自治区人民政府主席"]
                ),
                ("雪克来提·扎克尔", vec![]),
                ("艾米拉古丽·阿不都", vec!["维吾尔族群众代表"]),
            ]
        );
        assert_eq!(
            org_names(&orgs),
            vec!["新疆维吾尔自治区党委", "自治区人民政府"]
        );
    }

    #[test]
    fn heads_of_state_by_their_posts_and_a_body_read_after_a_known_person() {
        let (people, _) =
            analyse("朝鲜劳动党总书记、国务委员长金正恩会见代表团。吉尔吉斯总统出席。");
        assert_eq!(
            named_with_titles(&people),
            vec![("金正恩", vec!["朝鲜劳动党总书记", "国务委员长"])]
        );
        let names = orgs_proposed(
            "赵乐际同全国人大常委会代表座谈。",
            &[(Kind::Org, "赵乐际同全国人大常委会")],
        );
        assert_eq!(names, ["全国人大常委会"]);
    }

    #[test]
    fn names_listed_under_a_heading_that_is_their_post_take_it_as_a_title() {
        let text = "全会选举产生的人选名单如下：\n\n一、中央政治局委员\n\n（按姓氏笔画为序排列）\n\n丁薛祥　习近平　王沪宁　李强　赵乐际\n\n二、中央纪律检查委员会书记、副书记\n\n书　记　李希\n\n副书记　刘金国　张升民　喻红秋（女）\n";
        let (people, _) = analyse(text);
        let titles = named_with_titles(&people);
        assert!(
            titles.contains(&("丁薛祥", vec!["中央政治局委员"])),
            "{titles:?}"
        );
        assert!(
            titles.contains(&("赵乐际", vec!["中央政治局委员"])),
            "{titles:?}"
        );
        assert!(titles.contains(&("李希", vec!["书记"])), "{titles:?}");
        assert!(titles.contains(&("喻红秋", vec!["副书记"])), "{titles:?}");
        assert_eq!(people.len(), 9);
    }

    #[test]
    fn decisions_on_lists_of_people_and_states_bodies_by_short_forms() {
        let (people, orgs) = analyse(
            "全国政协主席汪洋主持会议。会议审议通过了关于撤销王立滨、陈鹏杰、韩明沂政协第十三届全国委员会委员资格的决定。运用委员讲堂、重大专项工作委员宣讲团等平台。",
        );
        assert_eq!(
            named_with_titles(&people),
            vec![
                ("汪洋", vec!["全国政协主席"]),
                ("王立滨", vec!["政协第十三届全国委员会委员"]),
                ("陈鹏杰", vec!["政协第十三届全国委员会委员"]),
                ("韩明沂", vec!["政协第十三届全国委员会委员"]),
            ]
        );
        // The body alone, no name read into it; one body across its term.
        assert_eq!(org_names(&orgs), vec!["政协第十三届全国委员会"]);
        assert_eq!(orgs[0].aliases, vec!["全国政协"]);
        let (_, orgs) = analyse("中国全国人大愿同哈议会加强交流。");
        assert_eq!(org_names(&orgs), vec!["中国全国人大", "哈议会"]);
    }

    #[test]
    fn a_monarchs_name_takes_the_number_of_the_reign() {
        let (people, _) =
            analyse("国家主席会见来华进行国事访问的挪威国王哈拉尔五世。哈拉尔五世表示感谢。");
        assert_eq!(
            named_with_titles(&people),
            vec![("哈拉尔五世", vec!["挪威国王"])]
        );
    }

    #[test]
    fn standing_forums_are_bodies_inside_their_meetings_names() {
        let (_, orgs) =
            analyse("中非合作论坛北京峰会开幕。博鳌亚洲论坛2024年年会举行。两国举行经贸论坛。");
        assert_eq!(org_names(&orgs), vec!["中非合作论坛", "博鳌亚洲论坛"]);
    }

    #[test]
    fn assistants_and_commanders_are_titles_and_ranks_are_not() {
        let (people, _) = analyse(
            "国家主席在人民大会堂会见美国总统国家安全事务助理琼斯。同日，海军总司令马丁称演习结束。50余位部长级代表出席。",
        );
        assert_eq!(
            named_with_titles(&people),
            vec![
                ("琼斯", vec!["美国总统国家安全事务助理"]),
                ("马丁", vec!["海军总司令"]),
            ]
        );
    }

    #[test]
    fn ministries_by_their_official_short_names_and_a_verb_after_a_body() {
        let (_, orgs) = analyse(
            "人力资源社会保障部、国家粮食和物资储备局、中央和国家机关工委负责同志参加会议。工业和信息化部组织各地加快修复通信设施。",
        );
        assert_eq!(
            org_names(&orgs),
            vec![
                "人力资源社会保障部",
                "国家粮食和物资储备局",
                "中央和国家机关工委",
                "工业和信息化部"
            ]
        );
        // A verb and its object are no body (发挥|中心作用).
        let (_, orgs) = analyse("支持联合国在全球治理中发挥中心协调作用。");
        assert_eq!(org_names(&orgs), vec!["联合国"]);
    }

    #[test]
    fn a_decisions_posts_are_titles_also_where_the_tagger_reads_the_name_into_the_body() {
        let (people, orgs) = analyse(
            "会议通过关于免去刘英杰第十四届全国政协常委、经济委员会主任职务，撤销其委员资格的决定。",
        );
        assert_eq!(
            named_with_titles(&people),
            vec![("刘英杰", vec!["第十四届全国政协常委", "经济委员会主任"])]
        );
        assert!(org_names(&orgs).contains(&"第十四届全国政协"), "{orgs:?}");
    }

    #[test]
    fn a_states_army_by_its_short_form_is_a_body() {
        let (_, orgs) =
            analyse("当天，俄军宣布控制该镇，乌军称已击退进攻。以军8日空袭了加沙北部。");
        assert_eq!(org_names(&orgs), vec!["俄军", "乌军", "以军"]);
        // Not military affairs, a pair of states' armies, a date or a law enforcer.
        let (_, orgs) = analyse(
            "俄军事专家认为，中俄军队将举行联合演习。5日军队开赴灾区。执法军人应当依法行事。",
        );
        assert_eq!(org_names(&orgs), Vec::<&str>::new());
    }

    #[test]
    fn party_centres_the_cppcc_and_the_secretariat_are_bodies() {
        let (_, orgs) = analyse(
            "在以总书记为首的朝鲜劳动党中央坚强领导下，朝鲜人民取得成就。朝鲜劳动党中央委员会发来贺电。人民政协是中国特色社会主义协商民主的重要渠道。中共中央政治局委员、中央书记处书记出席。",
        );
        let names = org_names(&orgs);
        for body in [
            "朝鲜劳动党中央",
            "朝鲜劳动党中央委员会",
            "人民政协",
            "中央书记处",
        ] {
            assert!(names.contains(&body), "{body}: {names:?}");
        }
        assert!(!names.contains(&"中央委员会"), "{names:?}");
    }

    #[test]
    fn bodies_read_with_a_dateline_a_word_or_a_verb_around_them_are_mended() {
        // A dateline's close before the body.
        let (_, orgs) =
            analyse("（新闻联播）：政协第十四届全国委员会常务委员会第九次会议11日上午在京闭幕。");
        assert_eq!(org_names(&orgs), vec!["政协第十四届全国委员会常务委员会"]);
        // 党政 after a body, a verb read as one of one character, the Centre's kinds of body.
        let (_, orgs) = analyse(
            "各省、自治区、直辖市和新疆生产建设兵团党政主要负责同志出席。加强自上而下组织协调。中管高校要加强党的建设。",
        );
        assert_eq!(org_names(&orgs), vec!["新疆生产建设兵团"]);
        // A state's legislature by its one-character short form; local bureaux of investment.
        let (_, orgs) = analyse(
            "中国全国人大将进一步密切同俄联邦会议的交往合作。太仓市招商局的招商员变身为主播。",
        );
        assert_eq!(
            org_names(&orgs),
            vec!["中国全国人大", "俄联邦会议", "太仓市招商局"]
        );
    }

    #[test]
    fn titles_after_a_name_and_auditors_and_no_name_in_a_pairs_project() {
        let (people, _) = analyse(
            "会议听取了审计署审计长王凯作的报告。张建明副委员长主持会议。双方要打造中拉陆海新通道。",
        );
        assert_eq!(
            named_with_titles(&people),
            vec![("王凯", vec!["审计署审计长"]), ("张建明", vec!["副委员长"])]
        );
    }

    #[test]
    fn the_standing_committee_alone_is_the_one_the_document_names() {
        let (_, orgs) = analyse(
            "十四届全国人大常委会第十三次会议在京举行。常委会组成人员审议了报告，经常委会会议审议通过。",
        );
        assert_eq!(org_names(&orgs), vec!["十四届全国人大常委会"]);
        assert_eq!(orgs[0].aliases, vec!["常委会"]);
        assert_eq!(orgs[0].mentions.len(), 3, "{orgs:?}");
        // Two standing committees: 常委会 alone says neither.
        let (_, orgs) = analyse(
            "十四届全国人大常委会第十三次会议在京举行。全国政协十四届常委会第七次会议闭幕。常委会组成人员出席。",
        );
        assert!(
            orgs.iter()
                .all(|o| !o.aliases.iter().any(|a| a == "常委会")),
            "{orgs:?}"
        );
    }

    #[test]
    fn members_delegation_heads_tibetan_names_in_lists_and_the_centres_groups() {
        let (people, _) = analyse(
            "李干杰、王小洪、洛桑江村、胡春华和张升民出席。以王沪宁为团长的中央代表团抵达。易纲常委建议深化改革。两位总书记宣布共同构建命运共同体。",
        );
        assert_eq!(
            named_with_titles(&people),
            vec![
                ("李干杰", vec![]),
                ("王小洪", vec![]),
                ("洛桑江村", vec![]),
                ("胡春华", vec![]),
                ("张升民", vec![]),
                ("王沪宁", vec!["团长"]),
                ("易纲", vec!["常委"]),
            ]
        );
        let (_, orgs) = analyse(
            "各民主党派中央和全国工商联负责人出席。主题教育中央第二十指导组组长列席。中央主题教育领导小组办公室工作总结会议召开。杜文战任越南祖国阵线中央委员会主席。参观三星堆博物馆。",
        );
        assert_eq!(
            org_names(&orgs),
            vec![
                "全国工商联",
                "主题教育中央第二十指导组",
                "中央主题教育领导小组办公室",
                "越南祖国阵线中央委员会"
            ]
        );
    }

    #[test]
    fn governments_by_their_states_formal_names_and_kinds_of_institution() {
        let (_, orgs) = analyse(
            "双方签署了《中华人民共和国政府和秘鲁共和国政府关于经济合作的协定》。俄罗斯联邦政府表示欢迎。中国政府坚持对外开放。双方要运营好中国文化中心、鲁班工坊、孔子学院等机构。开展专家协商会工作。",
        );
        assert_eq!(
            org_names(&orgs),
            vec!["中华人民共和国政府", "秘鲁共和国政府", "俄罗斯联邦政府"]
        );
    }

    #[test]
    fn korean_names_with_zai_and_no_name_read_across_it() {
        let (people, _) =
            analyse("国家主席会见韩国总统李在明。李在明表示，韩方愿加强合作。李在北京考察时指出。");
        assert_eq!(
            named_with_titles(&people),
            vec![("李在明", vec!["韩国总统"])]
        );
    }

    #[test]
    fn hui_starts_given_names_and_conjunctions_between_titles_start_none() {
        let (people, _) = analyse(
            "葛会波常委代表九三学社中央发言。赵乐际同巴哈马众议长和参议长举行会谈。第一副主席和常务副主席出席。18位驻华大使递交国书。王会见了代表。",
        );
        assert_eq!(
            named_with_titles(&people),
            vec![("葛会波", vec!["常委"]), ("赵乐际", vec![])]
        );
    }

    #[test]
    fn comrades_posts_said_of_people_and_foreign_names_in_more_shapes() {
        let (people, _) = analyse(
            "“时代楷模”张杏花同志先进事迹报告会在京举行。张杏花同志是某铁路研究院首席研究员、某技术中心总工程师。国家主席会见多米尼克总统伯顿。习近平同牙买加总督艾伦互致贺电。美国总统特使威特科夫已前往瑞士。习近平来到克里姆林宫。帮助亚非拉等发展中国家。俄军称正扩大对顿巴斯的控制。",
        );
        assert_eq!(
            named_with_titles(&people),
            vec![
                (
                    "张杏花",
                    vec!["某铁路研究院首席研究员", "某技术中心总工程师"]
                ),
                ("伯顿", vec!["多米尼克总统"]),
                ("习近平", vec![]),
                ("艾伦", vec!["牙买加总督"]),
                ("威特科夫", vec!["美国总统特使"]),
            ]
        );
    }

    #[test]
    fn presidia_the_centres_commissions_and_bodies_after_a_letter_or_a_place() {
        let (_, orgs) = analyse(
            "宪法和法律委员会将向大会主席团提出审议结果报告，由主席团决定。习近平主持召开中央全面深化改革委员会会议。习近平致信祝贺中国志愿服务联合会大会召开。同在港中国科学院院士座谈。",
        );
        let names = org_names(&orgs);
        for body in [
            "宪法和法律委员会",
            "大会主席团",
            "中央全面深化改革委员会",
            "中国志愿服务联合会",
            "中国科学院",
        ] {
            assert!(names.contains(&body), "{body}: {names:?}");
        }
        let presidium = orgs
            .iter()
            .find(|o| o.name == "大会主席团")
            .expect("presidium");
        assert_eq!(presidium.aliases, vec!["主席团"]);
    }

    #[test]
    fn the_first_characters_of_the_words_that_end_names_are_all_listed() {
        for w in ENDS_NAME_IN_RULES {
            let first = w.chars().next().unwrap_or(' ');
            assert!(one_of(ENDS_NAME_IN_RULES_FIRST, first), "{w}");
        }
        for w in BEFORE_TITLE {
            let first = w.chars().next().unwrap_or(' ');
            assert!(one_of(BEFORE_TITLE_FIRST, first), "{w}");
        }
    }
}
