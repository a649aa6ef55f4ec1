//! The forecast, exact: weighted pipeline by close period (rolling window), categories, quota
//! attainment, and the same forecast from verified stages beside the claimed one.
//!
//! Weighting multiplies integer minor units by whole percents and rounds half away from zero to
//! the cent once, when a figure is read. Won deals count in full in the period of their signing
//! date, lost deals nowhere; every open deal lands in exactly one bucket, never dropped silently.
pub mod attainment;
pub mod matrix;

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::category::Category;
use super::deal::{Deal, DealStatus};
use super::filter::{Dimension, Filter};
use super::money::{div_round_half_away, Money};
use super::period::{month_index, Granularity, Period};
use super::plan::Plan;
use super::weighting::{weighing, Basis};

/// What to forecast.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Query {
    /// Deals closing before this day are overdue.
    pub today: NaiveDate,
    /// The first period of the window starts with the period containing this day.
    pub start: NaiveDate,
    /// The window's length in months (12: this month and the next 11).
    pub months: u32,
    pub granularity: Granularity,
    pub filter: Filter,
    pub group_by: Option<Dimension>,
    pub basis: Basis,
}

impl Query {
    /// This month and the next 11, by month, claimed stages, everything.
    pub fn rolling_year(today: NaiveDate) -> Query {
        Query {
            today,
            start: today,
            months: 12,
            granularity: Granularity::Month,
            filter: Filter::default(),
            group_by: None,
            basis: Basis::Claimed,
        }
    }

    /// The periods of the window, in order.
    pub fn periods(&self) -> Vec<Period> {
        let first = self.granularity.period_of(self.start);
        let end = month_index(self.start) + self.months.max(1) as i32;
        std::iter::successors(Some(first), |p| Some(p.next()))
            .take_while(|p| p.first_month() < end)
            .collect()
    }
}

/// Sums for one bucket. Amounts are exact; the weighted sum is kept in percent-minor units and
/// rounded once when read.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Figures {
    /// Won deals, in full.
    pub won: Money,
    pub won_count: usize,
    /// Open deals, unweighted.
    pub open: Money,
    pub open_count: usize,
    /// Σ amount × probability of open deals, in minor units × percent.
    weighted_percent_minor: i128,
    /// Open deals by category, unweighted.
    pub pipeline: Money,
    pub best_case: Money,
    pub commit: Money,
    pub closed: Money,
}

impl Figures {
    fn add(&mut self, deal: &Deal, probability: u8, category: Category) {
        match deal.status {
            DealStatus::Won => {
                self.won += deal.amount;
                self.won_count += 1;
            }
            DealStatus::Open => {
                self.open += deal.amount;
                self.open_count += 1;
                self.weighted_percent_minor += deal.amount.minor() * i128::from(probability);
                *self.category_mut(category) += deal.amount;
            }
            DealStatus::Lost => {}
        }
    }

    fn merge(&mut self, other: &Figures) {
        self.won += other.won;
        self.won_count += other.won_count;
        self.open += other.open;
        self.open_count += other.open_count;
        self.weighted_percent_minor += other.weighted_percent_minor;
        for c in Category::ALL {
            *self.category_mut(c) += other.category(c);
        }
    }

    fn category_mut(&mut self, category: Category) -> &mut Money {
        match category {
            Category::Pipeline => &mut self.pipeline,
            Category::BestCase => &mut self.best_case,
            Category::Commit => &mut self.commit,
            Category::Closed => &mut self.closed,
        }
    }

    /// Open deals of one category, unweighted.
    pub fn category(&self, category: Category) -> Money {
        match category {
            Category::Pipeline => self.pipeline,
            Category::BestCase => self.best_case,
            Category::Commit => self.commit,
            Category::Closed => self.closed,
        }
    }

    /// Σ amount × probability of open deals, rounded half away from zero to the cent.
    pub fn weighted(&self) -> Money {
        Money::from_minor(div_round_half_away(self.weighted_percent_minor, 100))
    }

    /// Won plus weighted open: the forecast.
    pub fn total(&self) -> Money {
        self.won + self.weighted()
    }

    /// Salesforce-style cumulative category: won and every open deal at least this firm.
    pub fn cumulative(&self, category: Category) -> Money {
        Category::ALL
            .iter()
            .filter(|c| **c >= category)
            .map(|c| self.category(*c))
            .sum::<Money>()
            + self.won
    }
}

/// Where a deal falls in the forecast.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Bucket {
    /// Won before the window starts.
    Earlier,
    /// Open with an expected close before today.
    Overdue,
    /// In one of the window's periods.
    Period(Period),
    /// Closing after the window.
    Later,
    /// No date at all.
    NoDate,
}

/// One table: the buckets in order and their total.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    /// The group's value (`None` when not grouped; `Some("")` for deals without a value).
    pub group: Option<String>,
    /// Overdue, the window's periods, later, no date (earlier is counted in `total` only when
    /// it holds something, and listed first).
    pub rows: Vec<(Bucket, Figures)>,
    pub total: Figures,
}

/// The forecast: one table per group (or a single one), and the grand total.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Forecast {
    pub tables: Vec<Table>,
    pub total: Table,
}

/// The bucket of a deal (lost deals have none).
pub fn bucket(deal: &Deal, query: &Query, periods: &[Period]) -> Option<Bucket> {
    let day = match deal.status {
        DealStatus::Lost => return None,
        DealStatus::Won => deal.close_day(),
        DealStatus::Open => deal.expected_close,
    };
    let Some(day) = day else {
        return Some(Bucket::NoDate);
    };
    if deal.status == DealStatus::Open && day < query.today {
        return Some(Bucket::Overdue);
    }
    let (first, last) = (periods.first()?, periods.last()?);
    let month = month_index(day);
    if month < first.first_month() {
        return Some(Bucket::Earlier);
    }
    if month >= last.first_month() + last.granularity.months() {
        return Some(Bucket::Later);
    }
    let index = ((month - first.first_month()) / first.granularity.months()) as usize;
    Some(Bucket::Period(periods[index]))
}

struct Accumulator {
    earlier: Figures,
    overdue: Figures,
    periods: Vec<Figures>,
    later: Figures,
    no_date: Figures,
}

impl Accumulator {
    fn new(n: usize) -> Accumulator {
        Accumulator {
            earlier: Figures::default(),
            overdue: Figures::default(),
            periods: vec![Figures::default(); n],
            later: Figures::default(),
            no_date: Figures::default(),
        }
    }

    fn slot(&mut self, bucket: Bucket, periods: &[Period]) -> &mut Figures {
        match bucket {
            Bucket::Earlier => &mut self.earlier,
            Bucket::Overdue => &mut self.overdue,
            Bucket::Period(p) => {
                let index = periods
                    .iter()
                    .position(|q| *q == p)
                    .expect("a window period");
                &mut self.periods[index]
            }
            Bucket::Later => &mut self.later,
            Bucket::NoDate => &mut self.no_date,
        }
    }

    fn into_table(self, group: Option<String>, periods: &[Period]) -> Table {
        let mut rows = Vec::with_capacity(periods.len() + 4);
        if self.earlier != Figures::default() {
            rows.push((Bucket::Earlier, self.earlier));
        }
        rows.push((Bucket::Overdue, self.overdue));
        rows.extend(periods.iter().map(|p| Bucket::Period(*p)).zip(self.periods));
        rows.push((Bucket::Later, self.later));
        rows.push((Bucket::NoDate, self.no_date));
        let mut total = Figures::default();
        for (_, figures) in &rows {
            total.merge(figures);
        }
        Table { group, rows, total }
    }
}

/// Computes the forecast in one pass over the plan.
pub fn forecast(plan: &Plan, query: &Query) -> Forecast {
    let periods = query.periods();
    let mut all = Accumulator::new(periods.len());
    let mut groups: BTreeMap<String, Accumulator> = BTreeMap::new();
    for deal in plan
        .deals
        .iter()
        .filter(|d| query.filter.matches(&plan.method, d))
    {
        let Some(bucket) = bucket(deal, query, &periods) else {
            continue;
        };
        let (p, c) = weighing(&plan.method, deal, query.basis);
        all.slot(bucket, &periods).add(deal, p, c);
        if let Some(dimension) = query.group_by {
            let key = dimension.of(deal);
            if !groups.contains_key(key) {
                groups.insert(key.to_string(), Accumulator::new(periods.len()));
            }
            groups
                .get_mut(key)
                .expect("inserted above")
                .slot(bucket, &periods)
                .add(deal, p, c);
        }
    }
    let tables = groups
        .into_iter()
        .map(|(key, acc)| acc.into_table(Some(key), &periods))
        .collect();
    Forecast {
        tables,
        total: all.into_table(None, &periods),
    }
}

/// The forecast risk of one owner: the forecast (won plus weighted open) of the window and its
/// overdue deals, on the claimed basis against the verified one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OwnerRisk {
    pub owner: String,
    pub claimed: Money,
    pub verified: Money,
}

impl OwnerRisk {
    /// What the claims add beyond the evidence (positive: the claim is higher).
    pub fn difference(&self) -> Money {
        self.claimed - self.verified
    }
}

/// Claimed and verified forecast totals per owner (won plus weighted open over the whole plan
/// under `query`'s filter and window), biggest difference first.
pub fn risk_by_owner(plan: &Plan, query: &Query) -> Vec<OwnerRisk> {
    let by = |basis: Basis| {
        let q = Query {
            basis,
            group_by: Some(Dimension::Owner),
            ..query.clone()
        };
        forecast(plan, &q)
            .tables
            .into_iter()
            .map(|t| {
                let total = window_total(&t);
                (t.group.unwrap_or_default(), total)
            })
            .collect::<BTreeMap<_, _>>()
    };
    let (claimed, verified) = (by(Basis::Claimed), by(Basis::Verified));
    let mut risks: Vec<OwnerRisk> = claimed
        .into_iter()
        .map(|(owner, claimed)| {
            let verified = verified.get(&owner).copied().unwrap_or_default();
            OwnerRisk {
                owner,
                claimed,
                verified,
            }
        })
        .collect();
    risks.sort_by(|a, b| {
        b.difference()
            .cmp(&a.difference())
            .then(a.owner.cmp(&b.owner))
    });
    risks
}

/// The forecast of a table's window periods and overdue deals (what is expected in the window).
pub fn window_total(table: &Table) -> Money {
    let mut sum = Figures::default();
    for (bucket, figures) in &table.rows {
        if matches!(bucket, Bucket::Period(_) | Bucket::Overdue) {
            sum.merge(figures);
        }
    }
    sum.total()
}
