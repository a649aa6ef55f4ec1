//! The matrix as CSV: a leading row names the filter and the two dimensions; then one row a
//! cell holding deals, each row's and column's total, and the grand total, with open, weighted
//! (claimed and verified) and won amounts and counts. The file name says the same.
use super::forecast_csv::{filter_stem, filter_words};
use super::Lang;
use crate::domain::csv::amount;
use crate::domain::filter::{Dimension, Filter};
use crate::domain::forecast::matrix::{Cell, Matrix};

/// What a matrix export holds.
pub struct MatrixExport<'a> {
    pub matrix: &'a Matrix,
    pub rows: Dimension,
    pub columns: Dimension,
    pub filter: &'a Filter,
}

/// The rows of the CSV (to be written with [`crate::domain::csv::document`], which adds the BOM).
pub fn matrix_csv(lang: Lang, export: &MatrixExport) -> Vec<Vec<String>> {
    let t = lang.texts();
    let colon = lang.colon();
    let words = filter_words(lang, export.filter);
    let filtered = if words.is_empty() {
        t.filter_all.to_string()
    } else {
        words.join("; ")
    };
    let shown = |value: &str| {
        if value.is_empty() {
            t.no_value.to_string()
        } else {
            value.to_string()
        }
    };
    let line = |row: String, column: String, cell: &Cell| {
        vec![
            row,
            column,
            cell.claimed.open_count.to_string(),
            amount(cell.claimed.open),
            amount(cell.claimed.weighted()),
            amount(cell.verified.weighted()),
            cell.claimed.won_count.to_string(),
            amount(cell.claimed.won),
        ]
    };
    let m = export.matrix;
    let mut out = vec![
        vec![format!("# {}{colon}{filtered}", t.filtered_by)],
        vec![
            lang.dimension(export.rows).to_string(),
            lang.dimension(export.columns).to_string(),
            t.matrix_open_count.to_string(),
            t.matrix_open.to_string(),
            t.matrix_weighted.to_string(),
            t.matrix_verified.to_string(),
            t.matrix_won_count.to_string(),
            t.status_won.to_string(),
        ],
    ];
    for ((r, c), cell) in &m.cells {
        out.push(line(shown(&m.rows[*r]), shown(&m.columns[*c]), cell));
    }
    for (r, cell) in m.row_totals.iter().enumerate() {
        out.push(line(shown(&m.rows[r]), t.matrix_total.to_string(), cell));
    }
    for (c, cell) in m.column_totals.iter().enumerate() {
        out.push(line(t.matrix_total.to_string(), shown(&m.columns[c]), cell));
    }
    out.push(line(
        t.matrix_total.to_string(),
        t.matrix_total.to_string(),
        &m.total,
    ));
    out
}

/// `title-matrix-product×segment-value…`: the dimensions and the filter's values.
pub fn matrix_file_stem(lang: Lang, title: Option<&str>, export: &MatrixExport) -> String {
    let t = lang.texts();
    let mut parts = vec![
        title.unwrap_or("keyplan").to_string(),
        t.matrix_file.to_string(),
        format!(
            "{}×{}",
            lang.dimension(export.rows),
            lang.dimension(export.columns)
        ),
    ];
    parts.extend(filter_stem(lang, export.filter));
    parts.join("-")
}
