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
use super::facts::Facts;
use super::filter::{Dimension, Filter};
use super::money::{div_round_half_away, Money};
use super::period::{month_index, Granularity, Period};
use super::plan::Plan;
use super::weighting::Basis;

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
        self.add_amount(deal.status, deal.amount, probability, category);
    }

    fn add_amount(
        &mut self,
        status: DealStatus,
        amount: Money,
        probability: u8,
        category: Category,
    ) {
        match status {
            DealStatus::Won => {
                self.won += amount;
                self.won_count += 1;
            }
            DealStatus::Open => {
                self.open += amount;
                self.open_count += 1;
                self.weighted_percent_minor += amount.minor() * i128::from(probability);
                *self.category_mut(category) += amount;
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
    Some(
        match place(
            Window::of(query, periods),
            deal.status,
            day,
            day.map(month_index).unwrap_or_default(),
        )? {
            Place::Earlier => Bucket::Earlier,
            Place::Overdue => Bucket::Overdue,
            Place::Period(i) => Bucket::Period(periods[i]),
            Place::Later => Bucket::Later,
            Place::NoDate => Bucket::NoDate,
        },
    )
}

/// A bucket, with a window period by its index.
#[derive(Clone, Copy)]
enum Place {
    Earlier,
    Overdue,
    Period(usize),
    Later,
    NoDate,
}

/// The window as months: its first, the one after its last, and a period's length.
#[derive(Clone, Copy)]
struct Window {
    today: NaiveDate,
    first: i32,
    end: i32,
    step: i32,
}

impl Window {
    fn of(query: &Query, periods: &[Period]) -> Option<Window> {
        let (first, last) = (periods.first()?, periods.last()?);
        Some(Window {
            today: query.today,
            first: first.first_month(),
            end: last.first_month() + last.granularity.months(),
            step: first.granularity.months(),
        })
    }
}

/// Where a deal with this status, day and month (`month_index(day)`) falls in the window.
fn place(
    window: Option<Window>,
    status: DealStatus,
    day: Option<NaiveDate>,
    month: i32,
) -> Option<Place> {
    if status == DealStatus::Lost {
        return None;
    }
    let Some(day) = day else {
        return Some(Place::NoDate);
    };
    let w = window?;
    if status == DealStatus::Open && day < w.today {
        return Some(Place::Overdue);
    }
    if month < w.first {
        return Some(Place::Earlier);
    }
    if month >= w.end {
        return Some(Place::Later);
    }
    Some(Place::Period(((month - w.first) / w.step) as usize))
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

    fn slot(&mut self, place: Place) -> &mut Figures {
        match place {
            Place::Earlier => &mut self.earlier,
            Place::Overdue => &mut self.overdue,
            Place::Period(index) => &mut self.periods[index],
            Place::Later => &mut self.later,
            Place::NoDate => &mut self.no_date,
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
    forecast_of(&Facts::of(plan), plan, query)
}

/// The forecast from facts already derived from `plan` (see [`Facts`]): one sweep over them.
pub fn forecast_of(facts: &Facts, plan: &Plan, query: &Query) -> Forecast {
    let periods = query.periods();
    let window = Window::of(query, &periods);
    let keeps = facts.keeps(plan, &query.filter);
    let mut all = Accumulator::new(periods.len());
    let mut groups: Vec<Option<Accumulator>> = Vec::new();
    for (index, fact) in facts.all().iter().enumerate() {
        let Some(place) = place(window, fact.status, fact.day, fact.month) else {
            continue;
        };
        if !keeps.test(index, fact) {
            continue;
        }
        let (p, c) = fact.weighing(query.basis);
        all.slot(place).add_amount(fact.status, fact.amount, p, c);
        if let Some(dimension) = query.group_by {
            let number = fact.value(dimension) as usize;
            if groups.len() <= number {
                groups.resize_with(number + 1, || None);
            }
            groups[number]
                .get_or_insert_with(|| Accumulator::new(periods.len()))
                .slot(place)
                .add_amount(fact.status, fact.amount, p, c);
        }
    }
    let mut tables: Vec<Table> = match query.group_by {
        Some(dimension) => groups
            .into_iter()
            .enumerate()
            .filter_map(|(number, acc)| {
                let key = facts.value(dimension, number as u32).to_string();
                acc.map(|acc| acc.into_table(Some(key), &periods))
            })
            .collect(),
        None => Vec::new(),
    };
    tables.sort_by(|a, b| a.group.cmp(&b.group));
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
    risk_by_owner_of(&Facts::of(plan), plan, query)
}

/// [`risk_by_owner`] from facts already derived from `plan`.
pub fn risk_by_owner_of(facts: &Facts, plan: &Plan, query: &Query) -> Vec<OwnerRisk> {
    let by = |basis: Basis| {
        let q = Query {
            basis,
            group_by: Some(Dimension::Owner),
            ..query.clone()
        };
        forecast_of(facts, plan, &q)
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
