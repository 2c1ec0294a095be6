//! The "recent documents" list: pure operations on the list kept in local storage (see
//! `storage.rs` for where it lives). Newest first, at most `MAX_RECENT` entries.

use serde::{Deserialize, Serialize};

/// How many documents are kept.
pub const MAX_RECENT: usize = 10;
/// A title longer than this is cut (with …).
const TITLE_CHARS: usize = 40;

/// One kept document, as the list shows it; the text itself is stored under its id.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct RecentMeta {
    pub id: u64,
    /// The document's first non-blank line.
    pub title: String,
    /// When it was last saved (ms since the Unix epoch).
    pub saved: f64,
    /// Its length in characters.
    pub chars: usize,
}

/// The first non-blank line of `text`, trimmed (full-width spaces too) and cut to a
/// readable length.
pub fn title_of(text: &str) -> String {
    let line = text
        .lines()
        .map(|l| l.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}'))
        .find(|l| !l.is_empty())
        .unwrap_or("");
    if line.chars().count() > TITLE_CHARS {
        let cut: String = line.chars().take(TITLE_CHARS - 1).collect();
        format!("{cut}…")
    } else {
        line.to_string()
    }
}

/// `meta` moved (or added) to the front; returns the new list and the ids that fell off
/// the end (their texts should be deleted).
pub fn upsert(list: &[RecentMeta], meta: RecentMeta) -> (Vec<RecentMeta>, Vec<u64>) {
    let mut out = Vec::with_capacity(MAX_RECENT);
    let id = meta.id;
    out.push(meta);
    out.extend(list.iter().filter(|m| m.id != id).cloned());
    let dropped = out.split_off(out.len().min(MAX_RECENT));
    (out, dropped.into_iter().map(|m| m.id).collect())
}

/// The list without `id`.
pub fn remove(list: &[RecentMeta], id: u64) -> Vec<RecentMeta> {
    list.iter().filter(|m| m.id != id).cloned().collect()
}

/// The oldest entry other than `keep`, if any (evicted first when storage is full).
pub fn oldest_except(list: &[RecentMeta], keep: u64) -> Option<u64> {
    list.iter().rev().find(|m| m.id != keep).map(|m| m.id)
}

/// `2026-11-26 14:05` from ms since the epoch (UTC offset applied by the caller).
pub fn format_date(ms: f64) -> String {
    if !ms.is_finite() || ms < 0.0 {
        return String::new();
    }
    let secs = (ms / 1000.0).floor() as i64;
    let (days, rem) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!(
        "{y:04}-{m:02}-{d:02} {:02}:{:02}",
        rem / 3600,
        (rem % 3600) / 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(id: u64) -> RecentMeta {
        RecentMeta {
            id,
            title: format!("文档{id}"),
            saved: id as f64,
            chars: 10,
        }
    }

    #[test]
    fn titles_are_the_first_non_blank_line() {
        assert_eq!(
            title_of("\n\u{3000} 关于开展检查的通知 \n正文"),
            "关于开展检查的通知"
        );
        assert_eq!(title_of(""), "");
        let long = "很".repeat(60);
        let t = title_of(&long);
        assert_eq!(t.chars().count(), TITLE_CHARS);
        assert!(t.ends_with('…'));
    }

    #[test]
    fn upsert_moves_to_front_and_caps_the_list() {
        let (list, dropped) = upsert(&[], meta(1));
        assert_eq!(list, vec![meta(1)]);
        assert!(dropped.is_empty());
        let (list, _) = upsert(&list, meta(2));
        let mut again = meta(1);
        again.title = "改过的标题".into();
        let (list, dropped) = upsert(&list, again.clone());
        assert_eq!(
            list.iter().map(|m| m.id).collect::<Vec<_>>(),
            vec![1, 2],
            "an existing entry moves to the front, not duplicated"
        );
        assert_eq!(list[0], again);
        assert!(dropped.is_empty());
        let mut list = list;
        for id in 3..=12 {
            let (l, dropped) = upsert(&list, meta(id));
            list = l;
            if id <= 10 {
                assert!(dropped.is_empty());
            } else {
                assert_eq!(dropped.len(), 1);
            }
        }
        assert_eq!(list.len(), MAX_RECENT);
        assert_eq!(list[0].id, 12);
        assert!(!list.iter().any(|m| m.id == 2 || m.id == 1));
    }

    #[test]
    fn remove_and_oldest() {
        let list = vec![meta(3), meta(2), meta(1)];
        assert_eq!(remove(&list, 2), vec![meta(3), meta(1)]);
        assert_eq!(remove(&list, 9), list);
        assert_eq!(oldest_except(&list, 3), Some(1));
        assert_eq!(oldest_except(&list, 1), Some(2));
        assert_eq!(oldest_except(&[meta(1)], 1), None);
    }

    #[test]
    fn dates() {
        assert_eq!(format_date(0.0), "1970-01-01 00:00");
        // 2024-02-29 13:45:00 UTC
        assert_eq!(format_date(1_709_214_300_000.0), "2024-02-29 13:45");
        assert_eq!(format_date(f64::NAN), "");
    }
}
