//! Board and summary figures: counts, totals and weighted totals, exact to the cent, over the
//! deals a filter keeps.
use chrono::{Datelike, NaiveDate};

use super::deal::{Deal, DealStatus};
use super::facts::Facts;
use super::filter::Filter;
use super::money::{div_round_half_away, Money};
use super::plan::Plan;
use super::stage::Stage;
use super::weighting::weighted_sum;

/// One board column: the open deals claimed to be in `stage`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StageTotals {
    pub stage: Stage,
    pub count: usize,
    pub total: Money,
    pub weighted: Money,
}

/// The eight columns of the pipeline board (open deals that `filter` keeps).
pub fn stage_totals(plan: &Plan, filter: &Filter) -> [StageTotals; 8] {
    let mut deals: [Vec<&Deal>; 8] = Default::default();
    for deal in plan
        .deals
        .iter()
        .filter(|d| d.is_open() && filter.matches(&plan.method, d))
    {
        deals[deal.stage.index()].push(deal);
    }
    Stage::ALL.map(|stage| {
        let deals = &deals[stage.index()];
        StageTotals {
            stage,
            count: deals.len(),
            total: deals.iter().map(|d| d.amount).sum(),
            weighted: weighted_sum(&plan.method, deals.iter().copied()),
        }
    })
}

/// [`stage_totals`] from the forecast's facts of `plan` (see [`Facts`]): one sweep over them.
pub fn stage_totals_of(facts: &Facts, plan: &Plan, filter: &Filter) -> [StageTotals; 8] {
    let keeps = facts.keeps(plan, filter);
    // per stage: count, Σ amount, Σ amount × claimed probability in percent-minor units
    let mut sums = [(0usize, Money::default(), 0i128); 8];
    for (index, fact) in facts.all().iter().enumerate() {
        if fact.status == DealStatus::Open && keeps.test(index, fact) {
            let sum = &mut sums[fact.stage.index()];
            sum.0 += 1;
            sum.1 += fact.amount;
            sum.2 += fact.amount.minor() * i128::from(fact.claimed.0);
        }
    }
    Stage::ALL.map(|stage| {
        let (count, total, percent_minor) = sums[stage.index()];
        StageTotals {
            stage,
            count,
            total,
            weighted: Money::from_minor(div_round_half_away(percent_minor, 100)),
        }
    })
}

/// The summary line (the deals `filter` keeps).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PlanSummary {
    pub open_count: usize,
    /// Σ amount of open deals.
    pub open_total: Money,
    /// Σ amount × claimed probability of open deals (the deal's own, else its stage's).
    pub weighted_total: Money,
    /// Deals won with a signing date in the month of `today`.
    pub won_this_month_count: usize,
    pub won_this_month: Money,
    pub won_count: usize,
    pub lost_count: usize,
}

pub fn summarize(plan: &Plan, filter: &Filter, today: NaiveDate) -> PlanSummary {
    let kept = || {
        plan.deals
            .iter()
            .filter(|d| filter.matches(&plan.method, d))
    };
    let open = || kept().filter(|d| d.is_open());
    let same_month = |d: NaiveDate| d.year() == today.year() && d.month() == today.month();
    let won_this_month = || {
        kept().filter(move |d| d.status == DealStatus::Won && d.close_day().is_some_and(same_month))
    };
    PlanSummary {
        open_count: open().count(),
        open_total: open().map(|d| d.amount).sum(),
        weighted_total: weighted_sum(&plan.method, open().map(|d| &**d)),
        won_this_month_count: won_this_month().count(),
        won_this_month: won_this_month().map(|d| d.amount).sum(),
        won_count: kept().filter(|d| d.status == DealStatus::Won).count(),
        lost_count: kept().filter(|d| d.status == DealStatus::Lost).count(),
    }
}
