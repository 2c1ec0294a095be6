//! UI strings in Chinese and English. One struct per language keeps every string of a
//! language in one place, so a missing translation is a compile error, not a blank button.

use gangmu_core::share::ShareError;
use serde::{Deserialize, Serialize};

/// Language of the interface (not of the analysed document).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum UiLang {
    #[default]
    Zh,
    En,
}

impl UiLang {
    /// `zh`, `zh-CN`, `zh-Hant`… → Chinese; anything else → English.
    pub fn from_tag(tag: &str) -> UiLang {
        if tag.trim().to_ascii_lowercase().starts_with("zh") {
            UiLang::Zh
        } else {
            UiLang::En
        }
    }

    pub fn other(self) -> UiLang {
        match self {
            UiLang::Zh => UiLang::En,
            UiLang::En => UiLang::Zh,
        }
    }

    /// Short code kept in links and drafts (`zh`, `en`).
    pub fn code(self) -> &'static str {
        match self {
            UiLang::Zh => "zh",
            UiLang::En => "en",
        }
    }

    /// Value for the `lang` attribute of `<html>`.
    pub fn tag(self) -> &'static str {
        match self {
            UiLang::Zh => "zh-CN",
            UiLang::En => "en",
        }
    }

    pub fn strings(self) -> &'static Strings {
        match self {
            UiLang::Zh => &ZH,
            UiLang::En => &EN,
        }
    }
}

/// Every fixed string of the interface.
pub struct Strings {
    pub app_title: &'static str,
    pub tagline: &'static str,
    pub upload: &'static str,
    pub upload_hint: &'static str,
    pub switch_lang: &'static str,
    pub switch_lang_label: &'static str,
    pub input_label: &'static str,
    pub input_placeholder: &'static str,
    pub outline: &'static str,
    pub outline_empty: &'static str,
    pub expand_all: &'static str,
    pub collapse_all: &'static str,
    pub toggle_node: &'static str,
    pub text: &'static str,
    pub text_empty: &'static str,
    pub people: &'static str,
    pub people_empty: &'static str,
    pub organizations: &'static str,
    pub organizations_empty: &'static str,
    pub aliases: &'static str,
    pub mentions_suffix: &'static str,
    pub working: &'static str,
    pub idle: &'static str,
    pub load_failed: &'static str,
    pub dismiss: &'static str,
    pub err_binary: &'static str,
    pub err_too_large: &'static str,
    pub err_undecodable: &'static str,
    pub err_read: &'static str,
    pub drop_here: &'static str,
    /// Badges for how a heading was recognised: markdown, numbered, marker, headline, list.
    pub heading_kinds: [&'static str; 5],
    /// What each badge means (its tooltip), in the same order.
    pub heading_kind_hints: [&'static str; 5],
    pub formulations: &'static str,
    pub formulations_empty: &'static str,
    /// Kinds of formulation: quoted, numbered.
    pub formulation_kinds: [&'static str; 2],
    /// Label of the level buttons' group.
    pub levels: &'static str,
    /// Prefix of a node's key terms for screen readers.
    pub keywords: &'static str,
    pub share: &'static str,
    pub share_heading: &'static str,
    pub share_label: &'static str,
    pub copy_link: &'static str,
    pub copied: &'static str,
    pub copy_fallback: &'static str,
    pub fits: &'static str,
    pub too_long: &'static str,
    pub too_long_hint: &'static str,
    pub close: &'static str,
    pub export: &'static str,
    pub export_json: &'static str,
    pub export_people_csv: &'static str,
    pub export_orgs_csv: &'static str,
    pub export_markdown: &'static str,
    pub export_gangmu: &'static str,
    pub copy_people: &'static str,
    pub copy_orgs: &'static str,
    pub export_hint: &'static str,
    pub recent: &'static str,
    pub recent_empty: &'static str,
    pub recent_hint: &'static str,
    pub current_doc: &'static str,
    pub clear_all: &'static str,
    pub clear_confirm: &'static str,
    pub clear_yes: &'static str,
    pub cancel: &'static str,
    pub err_link: &'static str,
    pub err_file: &'static str,
    pub err_storage: &'static str,
    pub err_worker: &'static str,
    pub err_worker_timeout: &'static str,
    /// Shown when a document is too big to keep in this browser.
    pub not_kept: &'static str,
    /// "Show N more" (the number follows).
    pub show_more: &'static str,
    /// The collapsed editor of a very big document: the button that opens the text box.
    pub edit_text: &'static str,
    pub big_doc_loaded: &'static str,
    pub draft_kept: &'static str,
    pub chars_unit: &'static str,
    /// Where a link is sent: QR code, chat app, address bar.
    pub channels: [&'static str; 3],
    /// The phone's views, in `Tab::ALL` order, and the tab bar's name.
    pub tabs: [&'static str; 3],
    pub views: &'static str,
    /// "Back to …", in `Tab::ALL` order.
    pub back_to: [&'static str; 3],
    pub next_mention: &'static str,
    pub theme: &'static str,
    /// In `Theme::ALL` order.
    pub themes: [&'static str; 3],
    pub resize_outline: &'static str,
    pub resize_entities: &'static str,
    pub map: &'static str,
    pub map_hint: &'static str,
    pub map_opening: &'static str,
    pub map_sections: &'static str,
    pub link_meter: &'static str,
}

pub static ZH: Strings = Strings {
    app_title: "纲目",
    tagline: "报告提纲 · 人物 · 机构",
    upload: "上传文本文件",
    upload_hint: "或将 .txt / .gangmu 文件拖放到页面上",
    switch_lang: "English",
    switch_lang_label: "Switch the interface to English",
    input_label: "报告全文（可直接粘贴或编辑）",
    input_placeholder: "在此粘贴报告全文……",
    outline: "提纲",
    outline_empty: "未识别出标题。",
    expand_all: "全部展开",
    collapse_all: "全部折叠",
    toggle_node: "展开或折叠",
    text: "正文",
    text_empty: "暂无文本。",
    people: "人物",
    people_empty: "未识别出人物。",
    organizations: "机构",
    organizations_empty: "未识别出机构。",
    aliases: "又称",
    mentions_suffix: "处",
    working: "正在分析……",
    idle: "就绪",
    load_failed: "文件未载入",
    dismiss: "关闭提示",
    err_binary: "无法读取该文件：它看起来是二进制文件，而不是文本。",
    err_too_large: "无法读取该文件：文件过大",
    err_undecodable: "无法读取该文件：无法识别其文本编码。",
    err_read: "无法读取该文件",
    drop_here: "松开以载入文件",
    heading_kinds: ["Markdown", "编号", "会议标记", "小标题", "列举"],
    heading_kind_hints: [
        "Markdown 标题（#）",
        "带编号的标题：一、（一）1.（1）第X章",
        "单独成行的会议标记语：会议指出、会议强调",
        "不带句末标点的短标题行",
        "段首列举：一是……二是……",
    ],
    formulations: "提法",
    formulations_empty: "未识别出提法。",
    formulation_kinds: ["引号提法", "数字提法"],
    levels: "层级",
    keywords: "关键词",
    share: "分享链接",
    share_heading: "分享",
    share_label: "分享链接：全文和视图都在链接里，不经过任何服务器",
    copy_link: "复制链接",
    copied: "已复制",
    copy_fallback: "已选中，请按 Ctrl+C（⌘C）复制",
    fits: "可用",
    too_long: "过长",
    too_long_hint: "链接太长，不便通过聊天软件或二维码发送；可改为发送 .gangmu 文件：",
    close: "关闭",
    export: "导出",
    export_json: "分析结果 JSON",
    export_people_csv: "人物 CSV",
    export_orgs_csv: "机构 CSV",
    export_markdown: "提纲 Markdown",
    export_gangmu: "文档 .gangmu 文件",
    copy_people: "复制人物列表",
    copy_orgs: "复制机构列表",
    export_hint: "下载文件在本机生成；.gangmu 文件可通过“上传”或拖放重新打开。",
    recent: "最近文档",
    recent_empty: "尚无保存的文档。编辑或粘贴文本后会自动保存在本浏览器中。",
    recent_hint: "文档自动保存在本浏览器中（不会上传）。",
    current_doc: "当前",
    clear_all: "清除保存的文档",
    clear_confirm: "确定删除本浏览器中保存的全部文档吗？此操作无法撤销。",
    clear_yes: "确定删除",
    cancel: "取消",
    err_link: "无法打开该分享链接",
    err_file: "无法打开该 .gangmu 文件",
    err_storage: "文档太大，无法保存在本浏览器中；请导出 .gangmu 文件保存",
    err_worker: "分析出错，已停止（你的文本仍在）",
    err_worker_timeout: "分析超时未完成，已重新启动分析程序（你的文本仍在）；可编辑后重试",
    not_kept: "文档较大，未保存在本浏览器中（只保存 1 MB 以内的文档）；请用“导出 → .gangmu”保存",
    show_more: "再显示",
    edit_text: "编辑全文",
    big_doc_loaded: "已载入大文档",
    draft_kept: "原来的文档未受影响。",
    chars_unit: "字",
    channels: ["二维码", "聊天软件", "浏览器地址栏"],
    tabs: ["大纲", "正文", "人物与机构"],
    views: "视图",
    back_to: ["返回大纲", "返回正文", "返回人物与机构"],
    next_mention: "下一处",
    theme: "配色",
    themes: ["跟随系统", "浅色", "深色"],
    resize_outline: "调整提纲栏宽度",
    resize_entities: "调整人物与机构栏宽度",
    map: "文档地图",
    map_hint: "各节中出现的人物、机构与提法；颜色越深，出现越多。点格子跳到该节的那一处。",
    map_opening: "开头",
    map_sections: "节",
    link_meter: "链接长度与各渠道上限",
};

pub static EN: Strings = Strings {
    app_title: "Gangmu",
    tagline: "Outline · people · organisations",
    upload: "Upload a text file",
    upload_hint: "or drop a .txt or .gangmu file onto the page",
    switch_lang: "中文",
    switch_lang_label: "切换到中文界面",
    input_label: "Report text (paste or edit)",
    input_placeholder: "Paste a report here…",
    outline: "Outline",
    outline_empty: "No headings found.",
    expand_all: "Expand all",
    collapse_all: "Collapse all",
    toggle_node: "Expand or collapse",
    text: "Text",
    text_empty: "No text yet.",
    people: "People",
    people_empty: "No people found.",
    organizations: "Organisations",
    organizations_empty: "No organisations found.",
    aliases: "also",
    mentions_suffix: "×",
    working: "Analysing…",
    idle: "Ready",
    load_failed: "File not loaded",
    dismiss: "Dismiss",
    err_binary: "Cannot read this file: it looks like a binary file, not text.",
    err_too_large: "Cannot read this file: it is too large",
    err_undecodable: "Cannot read this file: its text encoding could not be recognised.",
    err_read: "Cannot read this file",
    drop_here: "Drop to load the file",
    heading_kinds: ["markdown", "numbered", "marker", "headline", "list"],
    heading_kind_hints: [
        "Markdown heading (#)",
        "Numbered heading: 一、 （一） 1. （1） 第X章",
        "Discourse marker on its own line: 会议指出, 会议强调",
        "Short line without sentence punctuation",
        "Run-in enumeration: 一是…二是…",
    ],
    formulations: "Formulations",
    formulations_empty: "No formulations found.",
    formulation_kinds: ["quoted", "numbered"],
    levels: "Levels",
    keywords: "Key terms",
    share: "Share link",
    share_heading: "Share",
    share_label: "Share link: the text and the view travel in the link itself, through no server",
    copy_link: "Copy link",
    copied: "Copied",
    copy_fallback: "Selected: press Ctrl+C (⌘C) to copy",
    fits: "fits",
    too_long: "too long",
    too_long_hint: "The link is too long for chat apps or a QR code; send a .gangmu file instead:",
    close: "Close",
    export: "Export",
    export_json: "Analysis JSON",
    export_people_csv: "People CSV",
    export_orgs_csv: "Organisations CSV",
    export_markdown: "Outline Markdown",
    export_gangmu: "Document .gangmu file",
    copy_people: "Copy the people list",
    copy_orgs: "Copy the organisations list",
    export_hint:
        "Files are made on this device; open a .gangmu file again with Upload or by dropping it.",
    recent: "Recent documents",
    recent_empty: "Nothing kept yet. Edit or paste a text and it is kept in this browser.",
    recent_hint: "Documents are kept in this browser automatically (never uploaded).",
    current_doc: "current",
    clear_all: "Clear kept documents",
    clear_confirm: "Delete every document kept in this browser? This cannot be undone.",
    clear_yes: "Delete them",
    cancel: "Cancel",
    err_link: "Cannot open this share link",
    err_file: "Cannot open this .gangmu file",
    err_storage:
        "The document is too large to keep in this browser; export a .gangmu file to keep it",
    err_worker: "The analysis failed and stopped (your text is still here)",
    err_worker_timeout: "The analysis did not finish in time; it was restarted (your text is still here). Edit to try again",
    not_kept: "This document is large and is not kept in this browser (only documents up to 1 MB are); use Export → .gangmu to keep it",
    show_more: "Show more:",
    edit_text: "Edit the text",
    big_doc_loaded: "Large document loaded",
    draft_kept: "Your document was left as it was.",
    chars_unit: "characters",
    channels: ["QR code", "Chat apps", "Address bar"],
    tabs: ["Outline", "Text", "People & orgs"],
    views: "Views",
    back_to: ["Back to the outline", "Back to the text", "Back to people & orgs"],
    next_mention: "Next",
    theme: "Theme",
    themes: ["System", "Light", "Dark"],
    resize_outline: "Resize the outline pane",
    resize_entities: "Resize the people and organisations pane",
    map: "Document map",
    map_hint: "People, organisations and formulations in each section; darker means more often. Tap a cell to jump to it in that section.",
    map_opening: "Opening",
    map_sections: "sections",
    link_meter: "Link length against channel limits",
};

/// Why a share link or `.gangmu` file could not be opened, in the UI language.
pub fn share_error(lang: UiLang, e: &ShareError) -> String {
    match lang {
        UiLang::En => e.to_string(),
        UiLang::Zh => match e {
            ShareError::NotALink => "这不是纲目的分享链接".into(),
            ShareError::FutureVersion(v) => {
                format!("该链接由更新版本的纲目生成（格式 {v}），请刷新页面以更新")
            }
            ShareError::Corrupt(_) => {
                "链接已损坏或不完整（可能被截断或改动），请向对方要完整的链接".into()
            }
            ShareError::TooLarge => format!(
                "链接展开后超过 {} MB",
                gangmu_core::share::MAX_TEXT_BYTES / (1024 * 1024)
            ),
        },
    }
}

/// "链接长度 4,029 字符" / "Link length: 4,029 characters".
pub fn link_length(lang: UiLang, chars: usize) -> String {
    match lang {
        UiLang::Zh => format!("链接长度 {} 字符", group_digits(chars)),
        UiLang::En => format!("Link length: {} characters", group_digits(chars)),
    }
}

/// A kept document's size: "2,418 字" / "2,418 characters".
pub fn doc_size(lang: UiLang, chars: usize) -> String {
    format!("{} {}", group_digits(chars), lang.strings().chars_unit)
}

/// A document-map cell: "李正古 · 会议强调 · 3处" / "Li · Opening · 3×".
pub fn map_cell_label(lang: UiLang, name: &str, section: &str, count: usize) -> String {
    let t = lang.strings();
    format!(
        "{name} · {section} · {}{}",
        group_digits(count),
        t.mentions_suffix
    )
}

/// Accessible name of the button that shows outline levels 1..=n.
pub fn show_levels_label(lang: UiLang, n: u32) -> String {
    match lang {
        UiLang::Zh => format!("展开到第{n}级"),
        UiLang::En => format!("Show levels up to {n}"),
    }
}

/// A formulation as printed: quoted ones in the curly quotes they were found in (the
/// phrase is Chinese whatever the UI language).
pub fn quote_formulation(text: &str, quoted: bool) -> String {
    if quoted {
        format!("“{text}”")
    } else {
        text.to_string()
    }
}

/// `2431` → `2,431` (both languages group digits by three in this UI).
pub fn group_digits(n: usize) -> String {
    let s = n.to_string();
    let mut out = String::with_capacity(s.len() + s.len() / 3);
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The language an analysis read the document as: one of them, or both (a mixed document).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DocLanguage {
    Zh,
    En,
    Mixed,
}

impl DocLanguage {
    pub fn of(a: &gangmu_core::Analysis) -> DocLanguage {
        match (a.languages.is_empty(), a.language) {
            (false, _) => DocLanguage::Mixed,
            (true, gangmu_core::Language::Zh) => DocLanguage::Zh,
            (true, gangmu_core::Language::En) => DocLanguage::En,
        }
    }

    /// For `data-language`.
    pub fn code(self) -> &'static str {
        match self {
            DocLanguage::Zh => "zh",
            DocLanguage::En => "en",
            DocLanguage::Mixed => "mixed",
        }
    }
}

/// The status line after an analysis: "已分析 2,431 字（中文）· 12 ms".
pub fn analysed(lang: UiLang, chars: usize, ms: f64, doc: DocLanguage) -> String {
    let ms = format_ms(ms);
    let chars = group_digits(chars);
    match lang {
        UiLang::Zh => {
            let read_as = match doc {
                DocLanguage::Zh => "中文",
                DocLanguage::En => "英文",
                DocLanguage::Mixed => "中英混合",
            };
            format!("已分析 {chars} 字（{read_as}）· {ms} ms")
        }
        UiLang::En => {
            let read_as = match doc {
                DocLanguage::Zh => "Chinese",
                DocLanguage::En => "English",
                DocLanguage::Mixed => "Chinese and English",
            };
            format!("Analysed {chars} characters ({read_as}) · {ms} ms")
        }
    }
}

/// Whole milliseconds, except below 10 ms where one decimal still means something.
pub fn format_ms(ms: f64) -> String {
    if !ms.is_finite() || ms < 0.0 {
        "0".into()
    } else if ms < 10.0 {
        format!("{ms:.1}")
    } else {
        format!("{}", ms.round() as u64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_digits() {
        assert_eq!(group_digits(0), "0");
        assert_eq!(group_digits(999), "999");
        assert_eq!(group_digits(2431), "2,431");
        assert_eq!(group_digits(1234567), "1,234,567");
    }

    #[test]
    fn picks_language_from_tag() {
        assert_eq!(UiLang::from_tag("zh-CN"), UiLang::Zh);
        assert_eq!(UiLang::from_tag("ZH-tw"), UiLang::Zh);
        assert_eq!(UiLang::from_tag("en-US"), UiLang::En);
        assert_eq!(UiLang::from_tag(""), UiLang::En);
    }

    #[test]
    fn level_labels_and_quotes() {
        assert_eq!(show_levels_label(UiLang::Zh, 2), "展开到第2级");
        assert_eq!(show_levels_label(UiLang::En, 3), "Show levels up to 3");
        assert_eq!(quote_formulation("公正与效率", true), "“公正与效率”");
        assert_eq!(quote_formulation("两个确立", false), "两个确立");
    }

    #[test]
    fn map_cells_say_who_where_and_how_often() {
        assert_eq!(
            map_cell_label(UiLang::Zh, "李正古", "会议强调", 3),
            "李正古 · 会议强调 · 3处"
        );
        assert_eq!(
            map_cell_label(UiLang::En, "Li", "Opening", 1200),
            "Li · Opening · 1,200×"
        );
    }

    #[test]
    fn status_text() {
        assert_eq!(
            analysed(UiLang::Zh, 2431, 12.4, DocLanguage::Zh),
            "已分析 2,431 字（中文）· 12 ms"
        );
        assert_eq!(
            analysed(UiLang::En, 5, 1.26, DocLanguage::Mixed),
            "Analysed 5 characters (Chinese and English) · 1.3 ms"
        );
        assert_eq!(
            analysed(UiLang::Zh, 5, 1.0, DocLanguage::En),
            "已分析 5 字（英文）· 1.0 ms"
        );
    }
}
