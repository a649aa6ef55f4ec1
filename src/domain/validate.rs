//! Validation of what a person types into the deal editor, with one specific error per field;
//! the same rules check every deal read from a file.
use chrono::NaiveDate;

use super::category::Category;
use super::deal::{Deal, DealFields, Field, MAX_STRATEGY};
use super::money::{AmountError, Money, MAX_DEAL_MINOR};
use super::stage::Stage;

/// Longest deal name, customer, owner, product, region or segment, in characters.
pub const MAX_SHORT_TEXT: usize = 200;
/// Longest next step or notes, in characters.
pub const MAX_LONG_TEXT: usize = 10_000;

/// The editor's raw text, one string per field.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DealInput {
    pub name: String,
    pub customer: String,
    pub amount: String,
    pub stage: String,
    pub expected_close: String,
    /// The signing (or losing) day of a closed deal.
    pub closed_on: String,
    pub owner: String,
    pub product: String,
    pub region: String,
    pub segment: String,
    pub next_step: String,
    pub notes: String,
    /// The deal's own win probability in percent; empty: the stage's.
    pub probability: String,
    /// The deal's own forecast category code; empty: the stage's.
    pub category: String,
}

pub use super::read_problem::FieldProblem as Problem;

/// One field's error.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    pub field: Field,
    pub problem: Problem,
}

impl DealInput {
    /// The editor's starting text for an existing deal.
    pub fn from_deal(deal: &Deal) -> DealInput {
        DealInput {
            name: deal.name.clone(),
            customer: deal.customer.clone(),
            amount: deal.amount.to_input_string(),
            stage: deal.stage.code().to_string(),
            expected_close: deal
                .expected_close
                .map(|d| d.format("%Y-%m-%d").to_string())
                .unwrap_or_default(),
            closed_on: deal
                .closed_on
                .map(|d| d.format("%Y-%m-%d").to_string())
                .unwrap_or_default(),
            owner: deal.owner.clone(),
            product: deal.product.clone(),
            region: deal.region.clone(),
            segment: deal.segment.clone(),
            next_step: deal.next_step.clone(),
            notes: deal.notes.clone(),
            probability: deal.probability.map(|p| p.to_string()).unwrap_or_default(),
            category: deal
                .category
                .map(|c| c.code().to_string())
                .unwrap_or_default(),
        }
    }

    /// Checks every field and returns all errors at once, in field order.
    pub fn validate(&self) -> Result<DealFields, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut text = |field: Field, value: &str, required: bool, max: usize| {
            let value = value.trim();
            if required && value.is_empty() {
                errors.push(FieldError {
                    field,
                    problem: Problem::Required,
                });
            } else if longer_than(value, max) {
                errors.push(FieldError {
                    field,
                    problem: Problem::TooLong(max),
                });
            }
            value.to_string()
        };
        let name = text(Field::Name, &self.name, true, MAX_SHORT_TEXT);
        let customer = text(Field::Customer, &self.customer, true, MAX_SHORT_TEXT);
        let owner = text(Field::Owner, &self.owner, false, MAX_SHORT_TEXT);
        let product = text(Field::Product, &self.product, false, MAX_SHORT_TEXT);
        let region = text(Field::Region, &self.region, false, MAX_SHORT_TEXT);
        let segment = text(Field::Segment, &self.segment, false, MAX_SHORT_TEXT);
        let next_step = text(Field::NextStep, &self.next_step, false, MAX_LONG_TEXT);
        let notes = text(Field::Notes, &self.notes, false, MAX_LONG_TEXT);

        let amount = Money::parse_input(&self.amount).map_err(|e| FieldError {
            field: Field::Amount,
            problem: match e {
                AmountError::Empty => Problem::Required,
                other => Problem::Amount(other),
            },
        });
        let stage = Stage::parse(&self.stage).ok_or_else(|| FieldError {
            field: Field::Stage,
            problem: Problem::Stage(self.stage.trim().to_string()),
        });
        let expected_close = parse_optional_date(&self.expected_close).map_err(|raw| FieldError {
            field: Field::ExpectedClose,
            problem: Problem::Date(raw),
        });
        let closed_on = parse_optional_date(&self.closed_on).map_err(|raw| FieldError {
            field: Field::ClosedOn,
            problem: Problem::Date(raw),
        });

        let probability = parse_percent(&self.probability).map_err(|raw| FieldError {
            field: Field::Probability,
            problem: Problem::Percent(raw),
        });
        let category = match self.category.trim() {
            "" => Ok(None),
            code => Category::parse(code).map(Some).ok_or_else(|| FieldError {
                field: Field::Category,
                problem: Problem::Category(code.to_string()),
            }),
        };
        for result in [
            amount.as_ref().err(),
            stage.as_ref().err(),
            expected_close.as_ref().err(),
            closed_on.as_ref().err(),
            probability.as_ref().err(),
            category.as_ref().err(),
        ]
        .into_iter()
        .flatten()
        {
            errors.push(result.clone());
        }
        if !errors.is_empty() {
            errors.sort_by_key(|e| e.field as u8);
            return Err(errors);
        }
        Ok(DealFields {
            name,
            customer,
            amount: amount.expect("checked"),
            stage: stage.expect("checked"),
            expected_close: expected_close.expect("checked"),
            closed_on: closed_on.expect("checked"),
            owner,
            product,
            region,
            segment,
            next_step,
            notes,
            probability: probability.expect("checked"),
            category: category.expect("checked"),
        })
    }
}

/// Reads a whole percent 0–100, with or without `%`; empty means none.
pub fn parse_percent(text: &str) -> Result<Option<u8>, String> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    let digits = t.trim_end_matches(['%', '％']).trim();
    digits
        .parse::<u8>()
        .ok()
        .filter(|p| *p <= 100)
        .map(Some)
        .ok_or_else(|| t.to_string())
}

/// Reads `2026-12-31`, `2026/12/31`, `2026.12.31` or `2026年12月31日`; empty means no date.
pub fn parse_optional_date(text: &str) -> Result<Option<NaiveDate>, String> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    let normalized: String = t
        .trim_end_matches('日')
        .chars()
        .map(|c| {
            if matches!(c, '/' | '.' | '年' | '月') {
                '-'
            } else {
                c
            }
        })
        .collect();
    NaiveDate::parse_from_str(&normalized, "%Y-%m-%d")
        .map(Some)
        .map_err(|_| t.to_string())
}

/// Whether `text` has more than `max` characters; a text of at most `max` bytes is not counted
/// (a character takes at least one byte).
fn longer_than(text: &str, max: usize) -> bool {
    text.len() > max && text.chars().count() > max
}

/// Checks a deal read from storage or a file: the same rules as the editor.
pub fn check_deal(deal: &Deal) -> Vec<FieldError> {
    let mut errors = Vec::new();
    let mut push = |field, problem| errors.push(FieldError { field, problem });
    if keyplan_wire::is_blank(&deal.name) {
        push(Field::Name, Problem::Required);
    }
    if keyplan_wire::is_blank(&deal.customer) {
        push(Field::Customer, Problem::Required);
    }
    if deal.amount.is_negative() {
        push(Field::Amount, Problem::Amount(AmountError::Negative));
    } else if deal.amount.minor() > MAX_DEAL_MINOR {
        push(Field::Amount, Problem::Amount(AmountError::TooLarge));
    }
    for (field, value, max) in [
        (Field::Name, &deal.name, MAX_SHORT_TEXT),
        (Field::Customer, &deal.customer, MAX_SHORT_TEXT),
        (Field::Owner, &deal.owner, MAX_SHORT_TEXT),
        (Field::Product, &deal.product, MAX_SHORT_TEXT),
        (Field::Region, &deal.region, MAX_SHORT_TEXT),
        (Field::Segment, &deal.segment, MAX_SHORT_TEXT),
        (Field::NextStep, &deal.next_step, MAX_LONG_TEXT),
        (Field::Notes, &deal.notes, MAX_LONG_TEXT),
    ] {
        if longer_than(value, max) {
            push(field, Problem::TooLong(max));
        }
    }
    if deal
        .strategies
        .stages()
        .flat_map(|(_, list)| list)
        .any(|s| longer_than(s, MAX_STRATEGY))
    {
        push(Field::Strategies, Problem::TooLong(MAX_STRATEGY));
    }
    errors
}
