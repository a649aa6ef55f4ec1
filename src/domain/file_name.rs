//! Names of downloaded files: the plan title (or a part of it) and the day, safe on every system.
use chrono::NaiveDate;

/// A download's file name from a title and a date: `销售小王团队-2026-11-27.json`.
/// Characters that file systems refuse, and spaces, become `-`.
pub fn export_file_name(title: Option<&str>, date: NaiveDate, extension: &str) -> String {
    let stem = safe_stem(title.unwrap_or("keyplan"));
    format!("{stem}-{}.{extension}", date.format("%Y-%m-%d"))
}

/// A title made safe as a file name's stem: characters that file systems refuse, and spaces,
/// become `-` (never two in a row, none at either end); `keyplan` when nothing is left.
pub fn safe_stem(title: &str) -> String {
    let stem: String = title
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
    if stem.is_empty() {
        "keyplan".to_string()
    } else {
        stem.to_string()
    }
}
