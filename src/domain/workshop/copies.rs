//! "Prepare the case for N tables": one plan per table, all from the same case, each with the
//! workshop header (same workshop id, the table's name, the exercise), its title and file name.
use crate::domain::deal::DealId;
use crate::domain::file_name::safe_stem;
use crate::domain::plan::Plan;
use crate::domain::workshop_header::WorkshopHeader;

/// The fewest and most tables a workshop is prepared for.
pub const MIN_TABLES: usize = 2;
pub const MAX_TABLES: usize = 30;

/// Why the tables' copies were not made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CopiesError {
    /// Fewer than [`MIN_TABLES`] or more than [`MAX_TABLES`] tables.
    TableCount(usize),
    /// The table at this place (0-based) has no name.
    NoName(usize),
    /// The table at this place (0-based) has the name (or the file name) of an earlier one.
    SameName(usize),
}

/// One table's copy: its plan and the name of its file.
#[derive(Clone, Debug, PartialEq)]
pub struct TableCopy {
    pub file_name: String,
    pub plan: Plan,
}

/// A fresh workshop id from the clock (milliseconds) and a random number: `w-lx3k2f9a-4g7h2k`.
pub fn workshop_id(unix_millis: i64, random: u64) -> String {
    let deal_like = DealId::generate(unix_millis, random);
    format!("w{}", &deal_like.as_str()[1..])
}

/// The case's own title: a table's copy is titled `第3组 · <case>`, and a copy prepared again
/// from a table's copy keeps only the case's part.
fn case_title(case: &Plan) -> String {
    let title = case.title.as_deref().unwrap_or("keyplan");
    match &case.workshop {
        Some(header) => title
            .strip_prefix(&format!("{} · ", header.table))
            .unwrap_or(title)
            .to_string(),
        None => title.to_string(),
    }
}

/// One copy of `case` per table in `tables` (names trimmed), in that order. Every copy has the
/// case's deals, method, quotas and currency as they are; its title is `<table> · <case title>`,
/// its file name `<table>-<case title>.json` (made safe), and its header carries `workshop` and
/// `exercise` (trimmed).
pub fn table_copies(
    case: &Plan,
    workshop: &str,
    tables: &[String],
    exercise: &str,
) -> Result<Vec<TableCopy>, CopiesError> {
    if !(MIN_TABLES..=MAX_TABLES).contains(&tables.len()) {
        return Err(CopiesError::TableCount(tables.len()));
    }
    let case_title = case_title(case);
    let mut copies: Vec<TableCopy> = Vec::with_capacity(tables.len());
    for (index, table) in tables.iter().enumerate() {
        let table = table.trim();
        if table.is_empty() {
            return Err(CopiesError::NoName(index));
        }
        let file_name = format!("{}.json", safe_stem(&format!("{table}-{case_title}")));
        let taken = |copy: &TableCopy| {
            copy.file_name.eq_ignore_ascii_case(&file_name)
                || copy
                    .plan
                    .workshop
                    .as_ref()
                    .is_some_and(|h| h.table == table)
        };
        if copies.iter().any(taken) {
            return Err(CopiesError::SameName(index));
        }
        copies.push(TableCopy {
            file_name,
            plan: Plan {
                title: Some(format!("{table} · {case_title}")),
                workshop: Some(WorkshopHeader {
                    id: workshop.to_string(),
                    table: table.to_string(),
                    exercise: exercise.trim().to_string(),
                }),
                ..case.clone()
            },
        });
    }
    Ok(copies)
}
