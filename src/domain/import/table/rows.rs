//! Spreadsheet text as rows of fields, parsed by `csv-core`: the delimiter (comma, semicolon or
//! tab) guessed from the first line, quoted fields with embedded delimiters, quotes and newlines.
use csv_core::{ReadRecordResult, ReaderBuilder};

/// The delimiter of the first line outside quotes: a tab if it has any (what Excel copies), else
/// the more frequent of `;` and `,` (a comma on a tie).
pub fn delimiter(text: &str) -> u8 {
    let (mut quoted, mut tabs, mut semicolons, mut commas) = (false, 0, 0, 0);
    for b in text.bytes() {
        match b {
            b'"' => quoted = !quoted,
            b'\n' | b'\r' if !quoted => break,
            b'\t' if !quoted => tabs += 1,
            b';' if !quoted => semicolons += 1,
            b',' if !quoted => commas += 1,
            _ => {}
        }
    }
    if tabs > 0 {
        b'\t'
    } else if semicolons > commas {
        b';'
    } else {
        b','
    }
}

/// The rows of `text` (a leading byte-order mark ignored), each with its number as a spreadsheet
/// counts rows (from 1); rows with only empty fields are left out.
pub fn rows(text: &str) -> Vec<(usize, Vec<String>)> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let delimiter = delimiter(text);
    let mut reader = ReaderBuilder::new().delimiter(delimiter).build();
    let bytes = text.as_bytes();
    // a field is never longer than the input, and a record has at most one field per delimiter
    // and line break more than it has of them
    let mut out = vec![0u8; bytes.len() + 1];
    let most = bytes
        .iter()
        .filter(|b| **b == delimiter || **b == b'\n')
        .count();
    let mut ends = vec![0usize; most + 2];
    let mut rows = Vec::new();
    let mut at = 0;
    let mut number = 0;
    // where the record being read is in `out` and `ends` (it may take several calls)
    let (mut written, mut fields) = (0, 0);
    loop {
        let (result, read, wrote, ended) =
            reader.read_record(&bytes[at..], &mut out[written..], &mut ends[fields..]);
        at += read;
        written += wrote;
        fields += ended;
        match result {
            ReadRecordResult::InputEmpty => {}
            ReadRecordResult::Record => {
                number += 1;
                let mut start = 0;
                let row: Vec<String> = ends[..fields]
                    .iter()
                    .map(|&end| {
                        let field = String::from_utf8_lossy(&out[start..end]).into_owned();
                        start = end;
                        field
                    })
                    .collect();
                (written, fields) = (0, 0);
                if row.iter().any(|f| !f.trim().is_empty()) {
                    rows.push((number, row));
                }
            }
            ReadRecordResult::End
            | ReadRecordResult::OutputFull
            | ReadRecordResult::OutputEndsFull => break,
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delimiters_are_guessed_from_the_first_line() {
        assert_eq!(delimiter("a,b;c,d\n1;2;3"), b',');
        assert_eq!(delimiter("a;b;c\n1,2,3"), b';');
        assert_eq!(delimiter("a,b\tc\n"), b'\t');
        assert_eq!(delimiter("\"x;y;z\",b\n"), b',');
    }

    #[test]
    fn quotes_and_newlines_stay_inside_fields() {
        let text = "\u{feff}名称,备注\r\n\"A, \"\"一\"\"\",\"两\r\n行\"\r\n\r\n,\n最后,";
        assert_eq!(
            rows(text),
            vec![
                (1, vec!["名称".to_string(), "备注".to_string()]),
                (2, vec!["A, \"一\"".to_string(), "两\r\n行".to_string()]),
                (4, vec!["最后".to_string(), String::new()]),
            ]
        );
    }

    #[test]
    fn semicolons_and_tabs_split_fields() {
        assert_eq!(rows("a;b\n1;2,5")[1].1, vec!["1", "2,5"]);
        assert_eq!(rows("a\tb\n1,0\t2")[1].1, vec!["1,0", "2"]);
    }
}
