//! keyplan's deals CSV: every field the table import reads back ([`deal_columns`]), headers in
//! the interface language, plus what it derives (verified stage, weighted amount, the reason of
//! the latest move past unmet gate items).
use super::{deal_columns, Lang};
use crate::domain::csv::amount;
use crate::domain::gates::verified_stage;
use crate::domain::weighting::{probability, weighted, Basis};
use crate::domain::{Deal, Plan};

/// The deals as spreadsheet rows: a header row, then one row per deal.
pub fn deals_csv(lang: Lang, plan: &Plan) -> Vec<Vec<String>> {
    let day = |d: Option<chrono::NaiveDate>| {
        d.map(|c| c.format("%Y-%m-%d").to_string())
            .unwrap_or_default()
    };
    let row = |d: &Deal| {
        let override_reason = d
            .history
            .iter()
            .rev()
            .find(|c| c.is_override())
            .map(|c| c.reason.clone())
            .unwrap_or_default();
        vec![
            d.id.as_str().to_string(),
            d.name.clone(),
            d.customer.clone(),
            amount(d.amount),
            d.stage.code().to_string(),
            verified_stage(&plan.method, d).code().to_string(),
            lang.status(d.status).to_string(),
            format!("{}%", probability(&plan.method, d, Basis::Claimed)),
            amount(weighted(&plan.method, d)),
            day(d.expected_close),
            day(d.closed_on),
            d.owner.clone(),
            d.product.clone(),
            d.region.clone(),
            d.segment.clone(),
            d.next_step.clone(),
            d.notes.clone(),
            override_reason,
            d.people.review.why.clone(),
            d.people.review.competitor.clone(),
            d.people.review.learned.clone(),
            d.strategies_text(),
        ]
    };
    let header = deal_columns(lang.texts())
        .map(|(h, _)| h.to_string())
        .to_vec();
    std::iter::once(header)
        .chain(plan.deals.iter().map(|d| row(d)))
        .collect()
}
