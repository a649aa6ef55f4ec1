//! The period report (月报 / 季报 / 年报, the deck's 市场策划与销售预测): what a sales manager sends
//! upward when a month, quarter or year closes. Won in the period against the team's quota, the
//! forecast for the periods after it by category (from claimed stages and from verified ones), the
//! risks (claims ahead of the evidence, stale deals, close dates that slipped twice or more, dates
//! already past), the largest open deals by weighted amount, and what moved in the period's
//! pipeline since the last report: from the snapshot taken when the period before was closed to
//! the snapshot that closed this one (or to now, while it has none).
//!
//! Every figure is exact and comes from the same rules as the forecast view: won deals count in
//! the period of their signing day, open deals in the period of their expected close, weighted
//! sums are rounded once.
use std::rc::Rc;

use chrono::{NaiveDate, TimeZone};

use super::category::Category;
use super::deal::{Deal, DealStatus};
use super::facts::Facts;
use super::filter::Filter;
use super::forecast::attainment::ratio_permille;
use super::forecast::{forecast_of, Bucket, Figures, Query};
use super::gates::standing;
use super::money::Money;
use super::month_close::{marks, waterfall_to, Waterfall};
use super::period::{month_index, Granularity, Period};
use super::plan::Plan;
use super::quota::quota_for;
use super::stage::Stage;
use super::target::{SplitTo, Target};
use super::weighting::{probability, Basis};

/// How many periods after the reported one the outlook shows.
pub const OUTLOOK_PERIODS: usize = 3;

/// How many open deals the report lists as its largest.
pub const TOP_DEALS: usize = 10;

/// Slips of the close date from which a deal is listed as a risk.
pub const SLIPS_RISK: usize = 2;

/// One period of the outlook: the claimed forecast's figures, and the weighted total from
/// verified stages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outlook {
    pub period: Period,
    pub claimed: Figures,
    /// Won plus open deals weighted by the stage their evidence supports.
    pub verified: Money,
}

/// Why an open deal is a risk; a deal may have several reasons.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RiskReason {
    /// It claims a stage its evidence does not support (the stage the evidence supports).
    Ahead(Stage),
    /// Days without an update, more than its stage allows.
    Stale(i64),
    /// Times its close date moved later or was taken away.
    Slipped(usize),
    /// Its expected close is past (days).
    Overdue(i64),
}

/// An open deal at risk, and why.
#[derive(Clone, Debug, PartialEq)]
pub struct Risk {
    pub deal: Rc<Deal>,
    pub reasons: Vec<RiskReason>,
}

/// An open deal among the largest: its weighted amounts by claimed and verified stage.
#[derive(Clone, Debug, PartialEq)]
pub struct TopDeal {
    pub deal: Rc<Deal>,
    pub weighted: Money,
    pub verified_stage: Stage,
    pub verified_weighted: Money,
}

/// What moved in the reported period's pipeline since the last report (claimed basis).
#[derive(Clone, Debug, PartialEq)]
pub struct Moved {
    /// The day the earlier snapshot stands for (the first day after the period it closed).
    pub from: NaiveDate,
    /// The day the later snapshot stands for; `None` when it is now.
    pub to: Option<NaiveDate>,
    pub waterfall: Waterfall,
}

/// The report of one period.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    pub period: Period,
    /// Today, as the report was made.
    pub today: NaiveDate,
    /// Won in the period, largest first.
    pub won: Vec<Rc<Deal>>,
    pub won_total: Money,
    /// Lost in the period, largest first.
    pub lost: Vec<Rc<Deal>>,
    /// The team's quota for the period (the owner's, when the filter names an owner); without one,
    /// the target handed down for it.
    pub quota: Option<Money>,
    /// Won ÷ quota in tenths of a percent.
    pub attainment_permille: Option<i128>,
    /// The periods after the reported one.
    pub outlook: Vec<Outlook>,
    /// Open deals at risk, most reasons first, then largest.
    pub risks: Vec<Risk>,
    /// The largest open deals by claimed weighted amount.
    pub top: Vec<TopDeal>,
    /// What moved since the last report; `None` without a snapshot from before the period.
    pub moved: Option<Moved>,
}

/// The periods a report can be made for: the `count` periods of `granularity` up to and
/// including the one `today` is in, latest first.
pub fn recent_periods(granularity: Granularity, today: NaiveDate, count: usize) -> Vec<Period> {
    let current = granularity.period_of(today);
    std::iter::successors(Some(current), |p| {
        let month = p.first_month() - granularity.months();
        let start = super::period::month_start(month);
        Some(granularity.period_of(start))
    })
    .take(count)
    .collect()
}

/// The period a report is usually made for: the last one that has ended.
pub fn last_closed(granularity: Granularity, today: NaiveDate) -> Period {
    recent_periods(granularity, today, 2)[1]
}

/// The report of `period` over the deals `filter` keeps; days in the person's time zone `zone`.
pub fn report<Tz: TimeZone>(
    plan: &Plan,
    period: Period,
    filter: &Filter,
    today: NaiveDate,
    zone: &Tz,
) -> Report {
    let kept: Vec<&Rc<Deal>> = plan
        .deals
        .iter()
        .filter(|deal| filter.matches(&plan.method, deal))
        .collect();
    let in_period = |deal: &Deal| deal.close_day().is_some_and(|day| period.contains(day));
    let by_amount = |a: &Rc<Deal>, b: &Rc<Deal>| b.amount.cmp(&a.amount).then(a.name.cmp(&b.name));
    let closed = |status: DealStatus| {
        let mut list: Vec<Rc<Deal>> = kept
            .iter()
            .filter(|deal| deal.status == status && in_period(deal))
            .map(|deal| Rc::clone(deal))
            .collect();
        list.sort_by(by_amount);
        list
    };
    let won = closed(DealStatus::Won);
    let won_total: Money = won.iter().map(|deal| deal.amount).sum();
    let quota = filter.quota_owner().and_then(|owner| {
        quota_for(&plan.quotas, owner, period).or_else(|| target_for(plan, owner, period))
    });
    Report {
        period,
        today,
        attainment_permille: quota.and_then(|quota| ratio_permille(won_total, quota)),
        quota,
        won,
        won_total,
        lost: closed(DealStatus::Lost),
        outlook: outlook(plan, period, filter, today),
        risks: risks(plan, &kept, today, zone),
        top: top(plan, &kept),
        moved: moved(plan, period),
    }
}

/// What moved in `period`'s pipeline: from the latest snapshot that stands for a day on or before
/// the period's first (the close of the period before), to the latest snapshot that closed this
/// period (closing its last month closes a quarter too), or to now. Over every deal (the
/// snapshots hold no filter).
fn moved(plan: &Plan, period: Period) -> Option<Moved> {
    let list = &plan.snapshots.list;
    let from = list.iter().rfind(|s| s.as_of() <= period.start)?;
    let end = period.next().start;
    let to = list
        .iter()
        .rfind(|s| s.as_of() == end && s.taken_at > from.taken_at);
    let now = marks(plan);
    let to_marks = to.map_or(&now[..], |snapshot| &snapshot.marks[..]);
    Some(Moved {
        from: from.as_of(),
        to: to.map(|s| s.as_of()),
        waterfall: waterfall_to(&from.marks, to_marks, &now, period, false),
    })
}

/// Without a quota for the period, the target handed down for it (a year's or a quarter's): the
/// team's whole target, or an owner's part of a target split to owners.
fn target_for(plan: &Plan, owner: Option<&str>, period: Period) -> Option<Money> {
    let mine =
        |t: &&Target| t.period.period() == period && (owner.is_none() || t.to == SplitTo::Owner);
    let target = plan.targets.iter().find(mine)?;
    match owner {
        None => Some(target.split.total),
        Some(owner) => {
            let at = target.split.parts.iter().position(|p| p.name == owner)?;
            target.split.allocate().amounts.get(at).copied()
        }
    }
}

/// The forecast of the periods after `period`, claimed and verified.
fn outlook(plan: &Plan, period: Period, filter: &Filter, today: NaiveDate) -> Vec<Outlook> {
    let granularity = period.granularity;
    let start = period.next().start;
    let query = |basis| Query {
        today,
        start,
        months: (granularity.months() * OUTLOOK_PERIODS as i32) as u32,
        granularity,
        filter: filter.clone(),
        group_by: None,
        basis,
    };
    // both bases from one derivation of the deals' facts
    let facts = Facts::of(plan);
    let claimed = forecast_of(&facts, plan, &query(Basis::Claimed)).total;
    let verified = forecast_of(&facts, plan, &query(Basis::Verified)).total;
    claimed
        .rows
        .iter()
        .filter_map(|(bucket, figures)| match bucket {
            Bucket::Period(p) => Some((*p, *figures)),
            _ => None,
        })
        .map(|(p, claimed)| Outlook {
            period: p,
            claimed,
            verified: verified
                .rows
                .iter()
                .find(|(bucket, _)| *bucket == Bucket::Period(p))
                .map(|(_, figures)| figures.total())
                .unwrap_or_default(),
        })
        .collect()
}

/// The open deals at risk.
fn risks<Tz: TimeZone>(plan: &Plan, kept: &[&Rc<Deal>], today: NaiveDate, zone: &Tz) -> Vec<Risk> {
    let mut list: Vec<Risk> = kept
        .iter()
        .filter(|deal| deal.is_open())
        .filter_map(|deal| {
            let standing = standing(&plan.method, deal, today, zone);
            let mut reasons = Vec::new();
            if standing.ahead {
                reasons.push(RiskReason::Ahead(standing.verified));
            }
            if let Some(days) = standing.stale_days {
                reasons.push(RiskReason::Stale(days));
            }
            let slips = slips(deal);
            if slips >= SLIPS_RISK {
                reasons.push(RiskReason::Slipped(slips));
            }
            if let Some(close) = deal.expected_close.filter(|close| *close < today) {
                reasons.push(RiskReason::Overdue((today - close).num_days()));
            }
            (!reasons.is_empty()).then(|| Risk {
                deal: Rc::clone(deal),
                reasons,
            })
        })
        .collect();
    list.sort_by(|a, b| {
        b.reasons
            .len()
            .cmp(&a.reasons.len())
            .then(b.deal.amount.cmp(&a.deal.amount))
            .then(a.deal.name.cmp(&b.deal.name))
    });
    list
}

/// How often a deal's close date moved later or was taken away.
pub fn slips(deal: &Deal) -> usize {
    deal.history
        .iter()
        .filter_map(|change| change.close)
        .filter(|close| close.is_slip())
        .count()
}

/// The largest open deals by claimed weighted amount.
fn top(plan: &Plan, kept: &[&Rc<Deal>]) -> Vec<TopDeal> {
    let mut list: Vec<TopDeal> = kept
        .iter()
        .filter(|deal| deal.is_open())
        .map(|deal| TopDeal {
            deal: Rc::clone(deal),
            weighted: deal
                .amount
                .percent(probability(&plan.method, deal, Basis::Claimed)),
            verified_stage: super::gates::verified_stage(&plan.method, deal),
            verified_weighted: deal.amount.percent(probability(
                &plan.method,
                deal,
                Basis::Verified,
            )),
        })
        .collect();
    list.sort_by(|a, b| {
        b.weighted
            .cmp(&a.weighted)
            .then(b.deal.amount.cmp(&a.deal.amount))
            .then(a.deal.name.cmp(&b.deal.name))
    });
    list.truncate(TOP_DEALS);
    list
}

/// Open deals by category in a period's outlook, firmest first (commit, best case, pipeline).
pub fn categories(figures: &Figures) -> [(Category, Money); 3] {
    [Category::Commit, Category::BestCase, Category::Pipeline]
        .map(|category| (category, figures.category(category)))
}

/// Whether `period` has ended by `today`.
pub fn has_ended(period: Period, today: NaiveDate) -> bool {
    month_index(today) >= period.first_month() + period.granularity.months()
}
