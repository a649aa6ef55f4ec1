//! The writer of plan files: the frame and the unknown top-level fields through serde, every
//! deal in one pass through keyplan-wire's writer ([`keyplan_wire::out`], built for speed), the
//! parts a deal rarely has through serde again. The text is byte for byte what serializing
//! [`v1::File`] writes (`tests/plan_writer.rs`).
use std::collections::BTreeSet;
use std::rc::Rc;

use chrono::{DateTime, NaiveDate, Utc};
use keyplan_wire::out;
use serde::Serialize;

use super::v1;
use crate::domain::deal::{Deal, Strategies};
use crate::domain::iso_date::{day_text, moment_text};
use crate::domain::people::People;
use crate::domain::plan::Plan;
use crate::domain::split::Split;

/// Why a write into memory is expected to succeed.
const WRITES: &str = "writing into memory cannot fail";

/// Writes a plan as compact plan-file JSON.
pub(super) fn encode(plan: &Plan, exported_at: DateTime<Utc>) -> String {
    let mut text = serde_json::to_string(&v1::Head::of(plan, exported_at)).expect(WRITES);
    text.reserve(4096 + plan.deals.len() * 512);
    // the head's closing brace; the deals and the unknown fields come before it
    text.pop();
    text.push_str(",\"deals\":[");
    deals(&mut text, &plan.deals);
    text.push(']');
    if plan.extra.is_empty() {
        text.push('}');
    } else {
        text.push(',');
        let unknown = serde_json::to_string(&plan.extra).expect(WRITES);
        text.push_str(&unknown[1..]);
    }
    text
}

/// The deals, separated by commas.
fn deals(text: &mut String, deals: &[Rc<Deal>]) {
    let mut scratch = Scratch::default();
    for (i, deal) in deals.iter().enumerate() {
        if i > 0 {
            text.push(',');
        }
        if scratch.write(text, deal).is_none() {
            // a day or moment chrono spells (a fraction of a second, a year beyond 9999)
            text.push_str(&serde_json::to_string(&**deal).expect(WRITES));
        }
    }
}

/// What the writing of one deal borrows, kept from deal to deal.
#[derive(Default)]
struct Scratch<'a> {
    checks: Vec<out::Check<'a>>,
    changes: Vec<out::Change<'a>>,
    missing: Vec<&'a str>,
}

/// A day that may be absent: `None` when it is there but chrono spells it (see [`day_text`]).
fn optional(day: Option<NaiveDate>) -> Option<Option<out::Day>> {
    match day {
        Some(day) => Some(Some(day_text(day)?)),
        None => Some(None),
    }
}

/// The fields of a deal between `history` and `created`, each only when not empty.
#[derive(Serialize)]
struct Rare<'a> {
    #[serde(skip_serializing_if = "BTreeSet::is_empty")]
    self_check: &'a BTreeSet<String>,
    #[serde(skip_serializing_if = "Strategies::is_empty")]
    strategies: &'a Strategies,
    #[serde(flatten)]
    people: &'a People,
    #[serde(skip_serializing_if = "Option::is_none")]
    bonus: &'a Option<Split>,
}

impl<'a> Scratch<'a> {
    /// Writes `deal`; `None`, having written nothing, when one of its days or moments is not
    /// spelled the usual way.
    fn write(&mut self, text: &mut String, deal: &'a Deal) -> Option<()> {
        self.checks.clear();
        for (id, check) in &deal.gates {
            self.checks.push(out::Check {
                id: id.as_str(),
                on: day_text(check.on)?,
                evidence: &check.evidence,
            });
        }
        self.changes.clear();
        self.missing.clear();
        for change in &deal.history {
            let close = match &change.close {
                Some(close) => Some((optional(close.was)?, optional(close.now)?)),
                None => None,
            };
            self.missing
                .extend(change.missing.iter().map(|id| id.as_str()));
            self.changes.push(out::Change {
                from: change.from.code(),
                to: change.to.code(),
                at: moment_text(&change.at)?,
                reason: &change.reason,
                missing: change.missing.len(),
                status: change.status.map(|status| status.code()),
                competitor: &change.competitor,
                close,
            });
        }
        let (expected_close, closed_on) =
            (optional(deal.expected_close)?, optional(deal.closed_on)?);
        let created = moment_text(&deal.created)?;
        let updated = moment_text(&deal.updated)?;
        let rare = written(rare(deal).as_ref());
        let unknown = written((!deal.extra.is_empty()).then_some(&deal.extra));
        out::write(
            text,
            &out::Deal {
                id: deal.id.as_str(),
                name: &deal.name,
                customer: &deal.customer,
                amount: out::Amount::of_minor(deal.amount.minor()),
                stage: deal.stage.code(),
                status: deal.status.code(),
                expected_close,
                closed_on,
                owner: &deal.owner,
                product: &deal.product,
                region: &deal.region,
                segment: &deal.segment,
                next_step: &deal.next_step,
                notes: &deal.notes,
                probability: deal.probability,
                category: deal.category.map(|category| category.code()),
                gates: &self.checks,
                history: &self.changes,
                missing: &self.missing,
                rare: entries(&rare),
                created,
                updated,
                unknown: entries(&unknown),
            },
        );
        Some(())
    }
}

/// The fields between `history` and `created`, unless the deal has none of them.
fn rare(deal: &Deal) -> Option<Rare<'_>> {
    let none = deal.self_check.is_empty()
        && deal.strategies.is_empty()
        && deal.people.is_empty()
        && deal.bonus.is_none();
    (!none).then_some(Rare {
        self_check: &deal.self_check,
        strategies: &deal.strategies,
        people: &deal.people,
        bonus: &deal.bonus,
    })
}

/// `value` written as a JSON object (nothing for `None`: most deals, which then cost no
/// allocation).
fn written(value: Option<&impl Serialize>) -> String {
    value.map_or_else(String::new, |value| {
        serde_json::to_string(value).expect(WRITES)
    })
}

/// The entries of an object as written, without its braces (nothing for `{}` or nothing).
fn entries(object: &str) -> &str {
    object
        .get(1..object.len().saturating_sub(1))
        .unwrap_or_default()
}
