//! Taking a snapshot: every deal's mark and the frozen forecast per month and category.
use std::rc::Rc;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};

use crate::domain::category::Category;
use crate::domain::deal::{Deal, DealStatus};
use crate::domain::gates::verified_stage;
use crate::domain::method::Method;
use crate::domain::money::{div_round_half_away, Money};
use crate::domain::period::{local_day, month_index, month_start, Granularity, Period};
use crate::domain::plan::Plan;
use crate::domain::snapshot::{sort_by_id, Mark, MonthFigures, Snapshot};
use crate::domain::stage::Stage;
use crate::domain::weighting::{weighing, Basis};

/// Months a snapshot forecasts after its period.
pub const MONTHS_AHEAD: i32 = 12;

/// How one deal stands now.
pub fn mark(method: &Method, deal: &Deal, owners: &mut Vec<Rc<str>>) -> Mark {
    let verified = verified_stage(method, deal);
    // one text per owner (a plan has a few dozen at most)
    let owner = match owners.iter().find(|o| ***o == *deal.owner) {
        Some(o) => o.clone(),
        None => {
            owners.push(Rc::from(deal.owner.as_str()));
            owners[owners.len() - 1].clone()
        }
    };
    Mark {
        id: deal.id.clone(),
        amount: deal.amount,
        claimed: deal.stage,
        verified,
        status: deal.status,
        close: deal.close_day(),
        owner,
        claimed_probability: deal
            .probability
            .unwrap_or_else(|| method.probability(deal.stage)),
        verified_probability: method.probability(verified),
    }
}

/// How every deal of the plan stands now (to compare a snapshot with), by id.
pub fn marks(plan: &Plan) -> Vec<Mark> {
    let mut owners = Vec::new();
    let mut marks: Vec<Mark> = plan
        .deals
        .iter()
        .map(|d| mark(&plan.method, d, &mut owners))
        .collect();
    sort_by_id(&mut marks);
    marks
}

/// Freezes the forecast as it stands at `taken_at`, as the close of `period`: the marks of the
/// deals open now or closed on or after the period's first day (by id), and per month (from the period's
/// first month to [`MONTHS_AHEAD`] months after it) the won amounts and the weighted open amounts
/// per category on both bases.
pub fn take(plan: &Plan, period: Period, taken_at: DateTime<Utc>) -> Snapshot {
    let first = period.first_month();
    let count = (period.granularity.months() + MONTHS_AHEAD) as usize;
    let mut won = vec![0i128; count];
    let mut open = vec![[[0i128; 4]; 2]; count];
    let mut owners = Vec::new();
    let mut marks = Vec::new();
    for deal in &plan.deals {
        let day = deal.close_day();
        let keep = deal.is_open() || day.is_some_and(|d| d >= period.start);
        if keep {
            marks.push(mark(&plan.method, deal, &mut owners));
        }
        let Some(slot) = day
            .map(|d| month_index(d) - first)
            .filter(|m| (0..count as i32).contains(m))
        else {
            continue;
        };
        let slot = slot as usize;
        match deal.status {
            DealStatus::Won => won[slot] += deal.amount.minor(),
            DealStatus::Lost => {}
            DealStatus::Open => {
                for (b, basis) in [Basis::Claimed, Basis::Verified].into_iter().enumerate() {
                    let (p, c) = weighing(&plan.method, deal, basis);
                    open[slot][b][category_index(c)] += deal.amount.minor() * i128::from(p);
                }
            }
        }
    }
    sort_by_id(&mut marks);
    let round = |sums: [i128; 4]| sums.map(|s| Money::from_minor(div_round_half_away(s, 100)));
    let figures = (0..count)
        .map(|i| MonthFigures {
            month: month_start(first + i as i32),
            won: Money::from_minor(won[i]),
            claimed: round(open[i][0]),
            verified: round(open[i][1]),
        })
        .collect();
    Snapshot {
        id: Snapshot::id_for(period, taken_at),
        period,
        taken_at,
        probabilities: Stage::ALL.map(|s| plan.method.probability(s)),
        figures,
        marks,
    }
}

fn category_index(category: Category) -> usize {
    Category::ALL
        .iter()
        .position(|c| *c == category)
        .expect("every category is listed")
}

/// The last ended month, quarter and year that were not closed, for the reminder: the month
/// before `today`'s, and so on. A period counts as closed by any snapshot taken as of its end
/// (closing September closes the third quarter too); only periods that ended after the plan's
/// first deal or snapshot are listed, so that a new plan is not nagged about the past. Days are
/// the person's, in `zone`.
pub fn unclosed<Tz: TimeZone>(plan: &Plan, today: NaiveDate, zone: &Tz) -> Vec<Period> {
    let since = plan
        .deals
        .iter()
        .map(|d| local_day(d.created, zone))
        .chain(
            plan.snapshots
                .list
                .iter()
                .map(|s| local_day(s.taken_at, zone)),
        )
        .min();
    let Some(since) = since else {
        return Vec::new();
    };
    [Granularity::Month, Granularity::Quarter, Granularity::Year]
        .into_iter()
        .filter_map(|g| {
            let current = g.period_of(today);
            let previous = g.period_of(month_start(current.first_month() - 1));
            let ended_after_start = current.start > since;
            let closed = plan
                .snapshots
                .list
                .iter()
                .any(|s| s.as_of() == current.start);
            (ended_after_start && !closed).then_some(previous)
        })
        .collect()
}
