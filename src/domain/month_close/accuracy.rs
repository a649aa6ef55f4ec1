//! Forecast accuracy: for each ended month, the forecast a snapshot made some months before it
//! (claimed and verified) against what was won in it, and over several months how far off the
//! forecasts were: Σ |forecast − won| / Σ won, in percent (months with nothing won still count
//! their error; with nothing won at all there is no percentage).
use chrono::NaiveDate;

use crate::domain::deal::DealStatus;
use crate::domain::money::{div_round_half_away, Money};
use crate::domain::period::{month_index, month_start, Granularity, Period};
use crate::domain::plan::Plan;
use crate::domain::snapshot::{Mark, Snapshot};

/// One ended month: the forecasts made for it and what was won.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AccuracyRow {
    pub month: Period,
    /// The snapshot the forecast is from.
    pub snapshot: String,
    pub claimed: Money,
    pub verified: Money,
    pub won: Money,
}

impl AccuracyRow {
    /// Forecast minus won (positive: the forecast was too high).
    pub fn error(&self, verified: bool) -> Money {
        (if verified {
            self.verified
        } else {
            self.claimed
        }) - self.won
    }
}

/// The months with a forecast, oldest first, and how far off they were in all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Accuracy {
    pub rows: Vec<AccuracyRow>,
    /// Σ |claimed − won| / Σ won in whole percent, when something was won.
    pub claimed_off: Option<i128>,
    pub verified_off: Option<i128>,
}

fn forecast_for(marks: &[Mark], month: Period, owner: Option<&str>, verified: bool) -> Money {
    let sum: i128 = marks
        .iter()
        .filter(|m| owner.is_none_or(|o| &*m.owner == o))
        .filter(|m| m.status != DealStatus::Lost && m.close.is_some_and(|d| month.contains(d)))
        .map(|m| m.weighted_percent_minor(verified))
        .sum();
    Money::from_minor(div_round_half_away(sum, 100))
}

fn won_in(plan: &Plan, month: Period, owner: Option<&str>) -> Money {
    plan.deals
        .iter()
        .filter(|d| d.status == DealStatus::Won && owner.is_none_or(|o| d.owner == o))
        .filter(|d| d.close_day().is_some_and(|day| month.contains(day)))
        .map(|d| d.amount)
        .sum()
}

/// The snapshot that forecast `month` `lead` months before it: the latest one taken of a period
/// ending with the month `lead` months earlier.
fn made_before(snapshots: &[std::rc::Rc<Snapshot>], month: Period, lead: u32) -> Option<&Snapshot> {
    let as_of = month.first_month() - lead as i32 + 1;
    snapshots
        .iter()
        .rev()
        .find(|s| month_index(s.as_of()) == as_of)
        .map(|s| &**s)
}

fn off(rows: &[AccuracyRow], verified: bool) -> Option<i128> {
    let won: i128 = rows.iter().map(|r| r.won.minor()).sum();
    let miss: i128 = rows.iter().map(|r| r.error(verified).minor().abs()).sum();
    (won > 0).then(|| div_round_half_away(miss * 100, won))
}

/// The accuracy of the forecasts made `lead` months ahead (1: the month before) for the `months`
/// months ended before `today`'s, for one owner or (`None`) the team. Won amounts are the plan's
/// now: a win recorded late still counts in the month it was signed.
pub fn accuracy(
    plan: &Plan,
    today: NaiveDate,
    lead: u32,
    months: u32,
    owner: Option<&str>,
) -> Accuracy {
    let current = month_index(today);
    let rows: Vec<AccuracyRow> = (1..=months as i32)
        .rev()
        .filter_map(|back| {
            let month = Granularity::Month.period_of(month_start(current - back));
            let snapshot = made_before(&plan.snapshots.list, month, lead.max(1))?;
            Some(AccuracyRow {
                month,
                snapshot: snapshot.id.clone(),
                claimed: forecast_for(&snapshot.marks, month, owner, false),
                verified: forecast_for(&snapshot.marks, month, owner, true),
                won: won_in(plan, month, owner),
            })
        })
        .collect();
    Accuracy {
        claimed_off: off(&rows, false),
        verified_off: off(&rows, true),
        rows,
    }
}

/// [`accuracy`] for each owner found in the snapshots or the plan (no owner as `""`), by name.
pub fn by_owner(plan: &Plan, today: NaiveDate, lead: u32, months: u32) -> Vec<(String, Accuracy)> {
    let mut owners: Vec<&str> = plan
        .snapshots
        .list
        .iter()
        .flat_map(|s| s.marks.iter().map(|m| &*m.owner))
        .chain(plan.deals.iter().map(|d| d.owner.as_str()))
        .collect();
    owners.sort_unstable();
    owners.dedup();
    owners
        .into_iter()
        .map(|o| (o.to_string(), accuracy(plan, today, lead, months, Some(o))))
        .filter(|(_, a)| !a.rows.is_empty())
        .collect()
}
