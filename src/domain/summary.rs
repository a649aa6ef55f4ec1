//! Board and summary figures: counts, totals and weighted totals, exact to the cent.
use chrono::{Datelike, NaiveDate};

use super::deal::{Deal, DealStatus};
use super::method::Method;
use super::money::{div_round_half_away, Money};
use super::plan::Plan;
use super::stage::Stage;

/// Σ amount × probability over `deals`, rounded half away from zero once, at the end.
pub fn weighted_sum<'a>(method: &Method, deals: impl IntoIterator<Item = &'a Deal>) -> Money {
    let percent_minor: i128 = deals
        .into_iter()
        .map(|d| d.amount.minor() * i128::from(d.win_probability(method)))
        .sum();
    Money::from_minor(div_round_half_away(percent_minor, 100))
}

/// One board column: the open deals claimed to be in `stage`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StageTotals {
    pub stage: Stage,
    pub count: usize,
    pub total: Money,
    pub weighted: Money,
}

/// The eight columns of the pipeline board, open deals only.
pub fn stage_totals(plan: &Plan) -> [StageTotals; 8] {
    Stage::ALL.map(|stage| {
        let deals = || {
            plan.deals
                .iter()
                .filter(move |d| d.is_open() && d.stage == stage)
        };
        StageTotals {
            stage,
            count: deals().count(),
            total: deals().map(|d| d.amount).sum(),
            weighted: weighted_sum(&plan.method, deals()),
        }
    })
}

/// The summary line over the whole plan.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PlanSummary {
    pub open_count: usize,
    /// Σ amount of open deals.
    pub open_total: Money,
    /// Σ amount × stage probability of open deals.
    pub weighted_total: Money,
    /// Deals won with a close day in the month of `today`.
    pub won_this_month_count: usize,
    pub won_this_month: Money,
    pub won_count: usize,
    pub lost_count: usize,
}

/// The day a closed deal counts on: the day it was marked, else its expected close date.
pub fn close_day(deal: &Deal) -> Option<NaiveDate> {
    deal.closed_on.or(deal.expected_close)
}

pub fn summarize(plan: &Plan, today: NaiveDate) -> PlanSummary {
    let open = || plan.deals.iter().filter(|d| d.is_open());
    let same_month = |d: NaiveDate| d.year() == today.year() && d.month() == today.month();
    let won_this_month = || {
        plan.deals
            .iter()
            .filter(move |d| d.status == DealStatus::Won && close_day(d).is_some_and(same_month))
    };
    PlanSummary {
        open_count: open().count(),
        open_total: open().map(|d| d.amount).sum(),
        weighted_total: weighted_sum(&plan.method, open()),
        won_this_month_count: won_this_month().count(),
        won_this_month: won_this_month().map(|d| d.amount).sum(),
        won_count: plan
            .deals
            .iter()
            .filter(|d| d.status == DealStatus::Won)
            .count(),
        lost_count: plan
            .deals
            .iter()
            .filter(|d| d.status == DealStatus::Lost)
            .count(),
    }
}
