//! Deal lists from spreadsheets (CSV, TSV, a range copied from Excel) as an import: the table's
//! columns mapped to deal fields, each row read into a deal, and the result a [`Parsed`] file
//! that goes through the same preview and merge as a plan file.
//!
//! Rows are matched to the plan's deals by id when the table has an id column (the deal keeps
//! everything the table does not hold); other rows become new deals, and those with the customer
//! and name of a deal of the plan are listed as possible duplicates. One bad row is left out and
//! listed with its row number and column header, never the whole table.
//!
//! Bytes are decoded outside the core: UTF-8 here, GB18030 (what Chinese Excel writes) by the
//! browser; [`guess_encoding`] says which by UTF-8 validity.
mod columns;
mod rows;
mod values;

use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use chrono::{DateTime, Utc};
use keyplan_wire::trim;

pub use columns::{guess, Target, Words};
pub use rows::{rows, Row};
pub use values::Unit;

use crate::domain::deal::{Deal, DealFields, DealId, DealStatus, Field, StageChange};
use crate::domain::plan::Plan;
use crate::domain::plan_file::{Parsed, Problem, ProblemKind, Rejected};
use crate::domain::stage::Stage;
use crate::domain::validate::check_deal;
use crate::domain::weighting::{self, Basis};

/// The text encoding of a table file.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Encoding {
    #[default]
    Utf8,
    /// GB18030 (a superset of GBK), as Chinese Excel saves "CSV (逗号分隔)".
    Gb18030,
}

/// UTF-8 when the bytes are valid UTF-8 (with or without a byte-order mark), else GB18030.
pub fn guess_encoding(bytes: &[u8]) -> Encoding {
    match utf8(bytes) {
        Some(_) => Encoding::Utf8,
        None => Encoding::Gb18030,
    }
}

/// The bytes as UTF-8 text without a byte-order mark, when they are valid UTF-8.
pub fn utf8(bytes: &[u8]) -> Option<&str> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    std::str::from_utf8(bytes).ok()
}

/// A table: its header row and its other rows, each with its row number.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<Row>,
}

impl Table {
    /// The table of spreadsheet text: the first non-empty row is the header.
    pub fn of(text: &str) -> Table {
        let mut rows = rows(text).into_iter();
        let headers = rows
            .next()
            .map(|h| h.cells().map(|h| trim(h).to_string()).collect())
            .unwrap_or_default();
        Table {
            headers,
            rows: rows.collect(),
        }
    }
}

/// A new deal of the table with the customer and name of a deal of the plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Duplicate {
    /// The table's row number.
    pub row: usize,
    pub name: String,
    pub customer: String,
}

/// A table as read: the file for the import preview, and the possible duplicates.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TableRead {
    pub parsed: Parsed,
    pub duplicates: Vec<Duplicate>,
}

/// Where a row's problem is, as [`Rejected`] paths carry it: `@row:5:金额` (the languages say
/// `第 5 行 · 金额`).
pub fn row_path(row: usize, header: &str) -> String {
    format!("@row:{row}:{header}")
}

/// The row number and header of a path made by [`row_path`].
pub fn parse_row_path(path: &str) -> Option<(usize, &str)> {
    let (row, header) = path.strip_prefix("@row:")?.split_once(':')?;
    Some((row.parse().ok()?, header))
}

/// Reads the table's rows into deals with `targets` (one per header; missing ones are ignored)
/// and `unit`, against `plan` (ids, duplicates, the method's probabilities); what changes takes
/// the time `now`.
pub fn read(
    table: &Table,
    targets: &[Target],
    unit: Unit,
    plan: &Plan,
    words: &Words,
    now: DateTime<Utc>,
) -> TableRead {
    let mine: HashMap<&str, &Rc<Deal>> = plan.deals.iter().map(|d| (d.id.as_str(), d)).collect();
    let pairs: HashSet<(String, String)> = plan
        .deals
        .iter()
        .map(|d| (columns::fold(&d.customer), columns::fold(&d.name)))
        .collect();
    let mut seen: HashSet<String> = HashSet::new();
    let words = &words.folded();
    // what every new deal starts from (made once: making a deal compares it with itself)
    let blank = Deal::new(DealId::new(""), DealFields::default(), now);
    let mut read = TableRead {
        parsed: Parsed {
            // the plan's own settings (title, quotas, workshop, unknown fields): a table
            // holds deals only, so replacing the plan with it keeps them
            plan: Plan {
                deals: Vec::new(),
                ..plan.clone()
            },
            ..Parsed::default()
        },
        duplicates: Vec::new(),
    };
    let id_column = targets.iter().position(|t| *t == Target::Id);
    for (index, row) in table.rows.iter().enumerate() {
        let number = &row.number;
        let cell = |i: usize| row.cell(i).map(trim).unwrap_or("");
        let id = id_column.map(cell).filter(|id| !id.is_empty());
        let reject = |header: &str, kind: ProblemKind| Rejected {
            index,
            id: id.map(str::to_string),
            problem: Problem {
                path: row_path(*number, header),
                kind,
            },
        };
        if let Some(id) = id {
            if !seen.insert(id.to_string()) {
                let header = id_column.and_then(|i| table.headers.get(i));
                let kind = ProblemKind::DealIdUsedTwice(format!("\"{id}\""));
                read.parsed
                    .rejected
                    .push(reject(header.map_or("id", String::as_str), kind));
                continue;
            }
        }
        let existing = id.and_then(|id| mine.get(id));
        let mut deal = match existing {
            Some(deal) => (***deal).clone(),
            None => Deal {
                id: fresh_id(id, *number, now, &mine, &seen),
                ..blank.clone()
            },
        };
        let was = deal.status;
        match fill(&mut deal, table, row, targets, unit, plan, words) {
            Ok(()) => {}
            Err((header, kind)) => {
                read.parsed.rejected.push(reject(&header, kind));
                continue;
            }
        }
        record_status(&mut deal, was, now);
        // a win or a loss counts on its day: the editor asks for it, a row must give one
        if !deal.is_open() && deal.close_day().is_none() {
            let header = header_of(table, targets, Field::ClosedOn);
            let kind = ProblemKind::Field(crate::domain::validate::Problem::Required);
            read.parsed.rejected.push(reject(&header, kind));
            continue;
        }
        if let Some(error) = check_deal(&deal).into_iter().next() {
            let header = header_of(table, targets, error.field);
            read.parsed
                .rejected
                .push(reject(&header, ProblemKind::Field(error.problem)));
            continue;
        }
        match existing {
            Some(before) if ***before != deal => deal.updated = now,
            Some(_) => {}
            None => {
                seen.insert(deal.id.as_str().to_string());
                if !pairs.is_empty()
                    && pairs.contains(&(columns::fold(&deal.customer), columns::fold(&deal.name)))
                {
                    read.duplicates.push(Duplicate {
                        row: *number,
                        name: deal.name.clone(),
                        customer: deal.customer.clone(),
                    });
                }
            }
        }
        read.parsed.plan.deals.push(Rc::new(deal));
    }
    read
}

/// The id of a new deal: the table's, or a fresh one from the time and the row number that no
/// deal of the plan or the table has.
fn fresh_id(
    id: Option<&str>,
    row: usize,
    now: DateTime<Utc>,
    mine: &HashMap<&str, &Rc<Deal>>,
    seen: &HashSet<String>,
) -> DealId {
    if let Some(id) = id {
        return DealId::new(id);
    }
    let mut n = row as u64;
    loop {
        let id = DealId::generate(now.timestamp_millis(), n);
        if !mine.contains_key(id.as_str()) && !seen.contains(id.as_str()) {
            return id;
        }
        n += 1_000_003;
    }
}

/// A status the table changed, recorded as the editor records it ([`Plan::win`], [`Plan::lose`],
/// [`Plan::reopen`]): an entry in the history with the status (a won deal moves to P7, a lost
/// deal's entry names the competitor of its review), and a close day (the table's signing day,
/// else its expected one).
fn record_status(deal: &mut Deal, was: DealStatus, now: DateTime<Utc>) {
    if deal.status == was {
        return;
    }
    let from = deal.stage;
    if deal.status == DealStatus::Won {
        deal.stage = Stage::P7;
    }
    if !deal.is_open() && deal.closed_on.is_none() {
        deal.closed_on = deal.expected_close;
    }
    let competitor = match deal.status {
        DealStatus::Lost => deal.people.review.competitor.clone(),
        _ => String::new(),
    };
    deal.history.push(StageChange {
        status: Some(deal.status),
        competitor,
        ..StageChange::moved(from, deal.stage, now)
    });
}

/// Marks a header that names a field no column holds: the languages show the field's label.
pub const NO_COLUMN: char = '\u{1}';

/// The header of the column that holds `field` (its key after [`NO_COLUMN`] when none does).
fn header_of(table: &Table, targets: &[Target], field: Field) -> String {
    let target = Target::parse(field.key());
    targets
        .iter()
        .position(|t| Some(*t) == target)
        .and_then(|i| table.headers.get(i))
        .cloned()
        .unwrap_or_else(|| format!("{NO_COLUMN}{}", field.key()))
}

/// Writes a row's cells into the deal; the first bad cell's header and problem.
fn fill(
    deal: &mut Deal,
    table: &Table,
    row: &Row,
    targets: &[Target],
    unit: Unit,
    plan: &Plan,
    words: &Words,
) -> Result<(), (String, ProblemKind)> {
    let mut probability = None;
    let mut notes = Vec::new();
    for (i, target) in targets.iter().enumerate() {
        let header = table.headers.get(i).map(String::as_str).unwrap_or("");
        let raw = values::text(row.cell(i).unwrap_or(""));
        let text = trim(raw);
        let at = |kind| (header.to_string(), kind);
        match target {
            Target::Id | Target::Ignore => {}
            Target::Name => deal.name = text.to_string(),
            Target::Customer => deal.customer = text.to_string(),
            Target::Amount => deal.amount = values::amount(text, unit).map_err(at)?,
            Target::Stage => deal.stage = values::stage(text, words, &plan.method).map_err(at)?,
            Target::Status => deal.status = values::status(text, words).map_err(at)?,
            Target::Probability => probability = Some(values::percent(text).map_err(at)?),
            Target::ExpectedClose => deal.expected_close = values::day(text).map_err(at)?,
            Target::ClosedOn => deal.closed_on = values::day(text).map_err(at)?,
            Target::Owner => deal.owner = text.to_string(),
            Target::Product => deal.product = text.to_string(),
            Target::Region => deal.region = text.to_string(),
            Target::Segment => deal.segment = text.to_string(),
            Target::NextStep => deal.next_step = text.to_string(),
            Target::Notes => deal.notes = raw.to_string(),
            Target::ReviewWhy => deal.people.review.why = raw.to_string(),
            Target::ReviewCompetitor => deal.people.review.competitor = text.to_string(),
            Target::ReviewLearned => deal.people.review.learned = raw.to_string(),
            Target::Strategies => {
                let mut lists: [Vec<String>; 8] = Default::default();
                for (stage, strategy) in values::strategies(raw) {
                    lists[stage.index()].push(strategy);
                }
                for (stage, list) in Stage::ALL.into_iter().zip(lists) {
                    deal.strategies.set(stage, list);
                }
            }
            Target::ToNotes if !text.is_empty() => notes.push(format!("{header}: {text}")),
            Target::ToNotes => {}
        }
    }
    if deal.status == DealStatus::Open {
        deal.closed_on = None;
    }
    // a percentage equal to what the deal counts for without one of its own (its stage's, or
    // 100/0 once closed) is not the deal's own
    if let Some(p) = probability {
        deal.probability = None;
        let own = weighting::probability(&plan.method, deal, Basis::Claimed);
        deal.probability = p.filter(|p| *p != own);
    }
    for line in notes {
        if !deal.notes.lines().any(|l| l == line) {
            if !deal.notes.is_empty() {
                deal.notes.push('\n');
            }
            deal.notes.push_str(&line);
        }
    }
    Ok(())
}
