//! CSV for spreadsheets: UTF-8 with a byte-order mark so that Excel shows Chinese, CRLF line
//! ends, fields quoted when they must be.

/// The byte-order mark Excel needs to read UTF-8.
pub const BOM: &str = "\u{feff}";

/// One field, quoted if it holds a comma, a quote, a line break or leading/trailing space.
/// A field that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or
/// a carriage return, and not a plain number) is prefixed with `'`.
pub fn field(text: &str) -> String {
    let formula = text.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let text = if formula && text.parse::<f64>().is_err() {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if text.contains([',', '"', '\n', '\r']) || text.trim() != text {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// A whole file from rows of fields.
pub fn document(rows: &[Vec<String>]) -> String {
    let mut out = String::from(BOM);
    for row in rows {
        let line: Vec<String> = row.iter().map(|f| field(f)).collect();
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    }
    out
}

/// An amount as spreadsheets read it: `1250000.50` (no symbol, no grouping, two decimals).
pub fn amount(money: super::money::Money) -> String {
    let minor = money.minor();
    let sign = if minor < 0 { "-" } else { "" };
    format!("{sign}{}.{:02}", minor.abs() / 100, minor.abs() % 100)
}
