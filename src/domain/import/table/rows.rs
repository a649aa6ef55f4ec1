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

/// One row of a table: its number as a spreadsheet counts rows (from 1) and its fields, kept
/// as one text with where each field ends (a table of 10,000 rows and 22 columns is then 20,000
/// pieces of memory, not 220,000).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Row {
    pub number: usize,
    text: String,
    ends: Vec<usize>,
}

impl Row {
    /// A row of these fields.
    pub fn of<'a>(number: usize, fields: impl IntoIterator<Item = &'a str>) -> Row {
        let mut row = Row {
            number,
            ..Row::default()
        };
        for field in fields {
            row.text.push_str(field);
            row.ends.push(row.text.len());
        }
        row
    }

    /// The `i`th field (from 0), if the row has that many.
    pub fn cell(&self, i: usize) -> Option<&str> {
        let end = *self.ends.get(i)?;
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        // csv-core only takes out and splits at ASCII bytes: every end is a character's
        debug_assert!(self.text.is_char_boundary(start) && self.text.is_char_boundary(end));
        self.text.get(start..end)
    }

    /// How many fields the row has.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The fields in order.
    pub fn cells(&self) -> impl Iterator<Item = &str> {
        (0..self.len()).filter_map(|i| self.cell(i))
    }
}

/// The rows of `text` (a leading byte-order mark ignored), each with its number as a spreadsheet
/// counts rows (from 1); rows with only empty fields are left out.
pub fn rows(text: &str) -> Vec<Row> {
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
                // the fields of text are text: csv-core only takes out ASCII quotes and splits
                // at ASCII delimiters, so every field ends where a character does
                let row = Row {
                    number,
                    text: String::from_utf8_lossy(&out[..written]).into_owned(),
                    ends: ends[..fields].to_vec(),
                };
                (written, fields) = (0, 0);
                if !row.cells().all(keyplan_wire::is_blank) {
                    rows.push(row);
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
                Row::of(1, ["名称", "备注"]),
                Row::of(2, ["A, \"一\"", "两\r\n行"]),
                Row::of(4, ["最后", ""]),
            ]
        );
        assert_eq!(rows(text)[1].cell(1), Some("两\r\n行"));
        assert_eq!(rows(text)[1].cell(2), None);
    }

    #[test]
    fn semicolons_and_tabs_split_fields() {
        let cells = |row: &Row| row.cells().map(str::to_string).collect::<Vec<_>>();
        assert_eq!(cells(&rows("a;b\n1;2,5")[1]), vec!["1", "2,5"]);
        assert_eq!(cells(&rows("a\tb\n1,0\t2")[1]), vec!["1,0", "2"]);
    }
}
