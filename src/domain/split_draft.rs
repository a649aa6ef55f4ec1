//! A split as it is being typed (a target handed down, a bonus pool): the total, share or amount
//! and a row per part, each row carrying the unknown fields of the part it was made from, so that
//! deleting or reordering rows never hands one person's fields to another.
use std::collections::BTreeMap;

use serde_json::Value;

use super::money::Money;
use super::read_problem::FieldProblem;
use super::split::{Part, Split, SplitKind, WHOLE};

/// One part as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DraftRow {
    /// Stable for the row's life in the editor (lists are keyed by it).
    pub key: usize,
    pub name: String,
    /// The share in percent or the amount, as typed.
    pub value: String,
    /// The unknown fields of the part the row was made from; none for a row added since.
    pub extra: BTreeMap<String, Value>,
}

/// What is wrong with a typed field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DraftError {
    Field(FieldProblem),
    /// A share above 100 %.
    ShareOver100,
}

/// A split as typed, and the fields of the split it was made from that this version does not know.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SplitDraft {
    pub total: String,
    pub kind: SplitKind,
    pub rows: Vec<DraftRow>,
    pub extra: BTreeMap<String, Value>,
    next_key: usize,
}

impl SplitDraft {
    /// The editor's starting text for `split` (an empty total for none).
    pub fn of(split: &Split) -> SplitDraft {
        let rows: Vec<DraftRow> = split
            .parts
            .iter()
            .enumerate()
            .map(|(key, p)| DraftRow {
                key,
                name: p.name.clone(),
                value: p.value_money().to_input_string(),
                extra: p.extra.clone(),
            })
            .collect();
        SplitDraft {
            total: match split.total {
                Money::ZERO => String::new(),
                total => total.to_input_string(),
            },
            kind: split.kind,
            next_key: rows.len(),
            rows,
            extra: split.extra.clone(),
        }
    }

    /// Adds an empty row at the end.
    pub fn add_row(&mut self) {
        self.rows.push(DraftRow {
            key: self.next_key,
            ..DraftRow::default()
        });
        self.next_key += 1;
    }

    /// Removes the row at `at`, and with it the fields it carries.
    pub fn remove_row(&mut self, at: usize) {
        if at < self.rows.len() {
            self.rows.remove(at);
        }
    }

    /// The split as typed, or the first problem of each field (the total's under `None`).
    pub fn read(&self) -> Result<Split, Vec<(Option<usize>, DraftError)>> {
        let mut errors = Vec::new();
        let total = Money::parse_input(&self.total).unwrap_or_else(|e| {
            errors.push((None, DraftError::Field(FieldProblem::Amount(e))));
            Money::ZERO
        });
        let mut parts = Vec::with_capacity(self.rows.len());
        for (i, row) in self.rows.iter().enumerate() {
            if row.name.trim().is_empty() {
                errors.push((Some(i), DraftError::Field(FieldProblem::Required)));
                continue;
            }
            match Money::parse_input(&row.value) {
                Ok(m) if self.kind == SplitKind::Share && m.minor() > WHOLE => {
                    errors.push((Some(i), DraftError::ShareOver100))
                }
                Ok(m) => parts.push(Part {
                    name: row.name.trim().to_string(),
                    value: m.minor(),
                    extra: row.extra.clone(),
                }),
                Err(e) => errors.push((Some(i), DraftError::Field(FieldProblem::Amount(e)))),
            }
        }
        match errors.is_empty() {
            true => Ok(Split {
                total,
                kind: self.kind,
                parts,
                extra: self.extra.clone(),
            }),
            false => Err(errors),
        }
    }
}
