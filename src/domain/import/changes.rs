//! How two versions of a deal differ, field by field, as values the interface language shows.
use chrono::{DateTime, NaiveDate, Utc};

use crate::domain::category::Category;
use crate::domain::deal::{Deal, DealStatus, Field};
use crate::domain::money::Money;
use crate::domain::stage::Stage;

/// How many ids a summary of ticked items names before it says "…".
pub const NAMED_IDS: usize = 5;

/// A field's value in one version of a deal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldValue {
    /// Free text; empty when not set.
    Text(String),
    Amount(Money),
    Stage(Stage),
    Status(DealStatus),
    Day(Option<NaiveDate>),
    Moment(DateTime<Utc>),
    Percent(Option<u8>),
    Category(Option<Category>),
    /// Ticked gate items or self-check questions: how many, and the first [`NAMED_IDS`] ids.
    Ticked {
        count: usize,
        first: Vec<String>,
    },
    /// Stage history: how many entries, and the last move with its moment.
    Moves {
        count: usize,
        last: Option<(Stage, Stage, DateTime<Utc>)>,
    },
    /// The fields keyplan does not know, as `key: value` JSON, cut after 120 characters.
    Unknown(String),
}

/// One field that differs between my deal and theirs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldChange {
    pub field: Field,
    pub mine: FieldValue,
    pub theirs: FieldValue,
    /// The two values read the same as summarised although they differ (evidence of the same
    /// gate items, say).
    pub details_differ: bool,
}

/// The fields in which two versions of a deal differ, in the file format's order; `updated` is
/// among them when it differs.
pub fn differences(mine: &Deal, theirs: &Deal) -> Vec<FieldChange> {
    Field::ALL
        .into_iter()
        .filter(|&field| differs(field, mine, theirs))
        .map(|field| {
            let (m, t) = (value(field, mine), value(field, theirs));
            FieldChange {
                field,
                details_differ: m == t,
                mine: m,
                theirs: t,
            }
        })
        .collect()
}

fn differs(field: Field, a: &Deal, b: &Deal) -> bool {
    match field {
        Field::Name => a.name != b.name,
        Field::Customer => a.customer != b.customer,
        Field::Amount => a.amount != b.amount,
        Field::Stage => a.stage != b.stage,
        Field::Status => a.status != b.status,
        Field::ExpectedClose => a.expected_close != b.expected_close,
        Field::ClosedOn => a.closed_on != b.closed_on,
        Field::Owner => a.owner != b.owner,
        Field::Product => a.product != b.product,
        Field::Region => a.region != b.region,
        Field::Segment => a.segment != b.segment,
        Field::NextStep => a.next_step != b.next_step,
        Field::Notes => a.notes != b.notes,
        Field::Probability => a.probability != b.probability,
        Field::Category => a.category != b.category,
        Field::Gates => a.gates != b.gates,
        Field::History => a.history != b.history,
        Field::SelfCheck => a.self_check != b.self_check,
        Field::Strategies => a.strategies != b.strategies,
        Field::People => a.people != b.people,
        Field::Bonus => a.bonus != b.bonus,
        Field::Created => a.created != b.created,
        Field::Updated => a.updated != b.updated,
        Field::Extra => a.extra != b.extra,
    }
}

/// The value of `field` in `deal`, as the preview shows it.
pub fn value(field: Field, d: &Deal) -> FieldValue {
    match field {
        Field::Name => FieldValue::Text(d.name.clone()),
        Field::Customer => FieldValue::Text(d.customer.clone()),
        Field::Amount => FieldValue::Amount(d.amount),
        Field::Stage => FieldValue::Stage(d.stage),
        Field::Status => FieldValue::Status(d.status),
        Field::ExpectedClose => FieldValue::Day(d.expected_close),
        Field::ClosedOn => FieldValue::Day(d.closed_on),
        Field::Owner => FieldValue::Text(d.owner.clone()),
        Field::Product => FieldValue::Text(d.product.clone()),
        Field::Region => FieldValue::Text(d.region.clone()),
        Field::Segment => FieldValue::Text(d.segment.clone()),
        Field::NextStep => FieldValue::Text(d.next_step.clone()),
        Field::Notes => FieldValue::Text(d.notes.clone()),
        Field::Probability => FieldValue::Percent(d.probability),
        Field::Category => FieldValue::Category(d.category),
        Field::Gates => ticked(d.gates.keys().map(|id| id.as_str())),
        Field::History => FieldValue::Moves {
            count: d.history.len(),
            last: d.history.last().map(|c| (c.from, c.to, c.at)),
        },
        Field::SelfCheck => ticked(d.self_check.iter().map(String::as_str)),
        Field::Strategies => FieldValue::Text(cut(&d.strategies_text(), 120)),
        Field::People => FieldValue::Text(cut(
            &d.people
                .contacts
                .iter()
                .map(|c| c.name.as_str())
                .chain(d.people.competitors.iter().map(|c| c.name.as_str()))
                .collect::<Vec<_>>()
                .join(", "),
            120,
        )),
        Field::Bonus => FieldValue::Text(d.bonus.as_ref().map(bonus_text).unwrap_or_default()),
        Field::Created => FieldValue::Moment(d.created),
        Field::Updated => FieldValue::Moment(d.updated),
        Field::Extra => FieldValue::Unknown(cut(
            &d.extra
                .iter()
                .map(|(key, value)| format!("{key}: {value}"))
                .collect::<Vec<_>>()
                .join("; "),
            120,
        )),
    }
}

fn ticked<'a>(ids: impl ExactSizeIterator<Item = &'a str>) -> FieldValue {
    FieldValue::Ticked {
        count: ids.len(),
        first: ids.take(NAMED_IDS).map(str::to_string).collect(),
    }
}

fn cut(text: &str, chars: usize) -> String {
    match text.char_indices().nth(chars) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_string(),
    }
}

/// A bonus pool as the preview shows it: `100000 · 张三 40 %, 李四 60 %` (amounts without `%`).
fn bonus_text(split: &crate::domain::split::Split) -> String {
    let percent = match split.kind {
        crate::domain::split::SplitKind::Share => " %",
        crate::domain::split::SplitKind::Amount => "",
    };
    let parts: Vec<String> = split
        .parts
        .iter()
        .map(|p| format!("{} {}{percent}", p.name, p.value_money()))
        .collect();
    cut(&format!("{} · {}", split.total, parts.join(", ")), 120)
}
