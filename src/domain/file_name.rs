//! Names of downloaded files: the plan title (or a part of it) and the day, safe on every system.
use chrono::NaiveDate;

/// A download's file name from a title and a date: `销售小王团队-2026-11-27.json`.
/// Characters that file systems refuse, and spaces, become `-`.
pub fn export_file_name(title: Option<&str>, date: NaiveDate, extension: &str) -> String {
    let stem: String = title
        .unwrap_or("keyplan")
        .chars()
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' | '·' => '-',
            c if c.is_whitespace() || c.is_control() => '-',
            c => c,
        })
        .collect();
    let mut collapsed = String::with_capacity(stem.len());
    for c in stem.chars() {
        if !(c == '-' && collapsed.ends_with('-')) {
            collapsed.push(c);
        }
    }
    let stem = collapsed.trim_matches('-');
    let stem = if stem.is_empty() { "keyplan" } else { stem };
    format!("{stem}-{}.{extension}", date.format("%Y-%m-%d"))
}
