//! Six months of closed months for the training case, so that a trainer can show slips and
//! forecast accuracy on the first day: each month's deals as their history says they stood then
//! (created since, stage, gates ticked, open until closed), with a few scripted changes of close
//! date, amount and claim: one deal, claimed at P6 long before its evidence, slips every month
//! (so the verified forecast comes out closer than the claimed), one grew, one slipped once; the
//! win three months ago was forecast by the close before it.
use std::rc::Rc;

use chrono::{DateTime, Days, NaiveDate, Utc};

use super::deal::{Deal, DealStatus};
use super::money::Money;
use super::month_close::take;
use super::period::{month_index, month_start, Granularity};
use super::plan::Plan;
use super::snapshot::Snapshots;

/// How a case deal stood at `cut`, or `None` when it did not exist yet.
fn as_it_was(deal: &Deal, cut: DateTime<Utc>, as_of: NaiveDate, k: i32) -> Option<Deal> {
    if deal.created > cut {
        return None;
    }
    let day = cut.date_naive();
    let mut was = deal.clone();
    let last_move = deal
        .history
        .iter()
        .rfind(|h| h.at <= cut && h.close.is_none());
    was.stage = match (last_move, deal.history.first()) {
        (Some(last), _) => last.to,
        (None, Some(first)) => first.from,
        (None, None) => deal.stage,
    };
    was.history = deal
        .history
        .iter()
        .filter(|h| h.at <= cut)
        .cloned()
        .collect();
    was.gates.retain(|_, check| check.on <= day);
    if deal.status != DealStatus::Open && deal.closed_on.is_none_or(|on| on > day) {
        was.status = DealStatus::Open;
        was.closed_on = None;
        if was.stage == super::stage::Stage::P7 {
            was.stage = super::stage::Stage::P6;
        }
    }
    let later = |days: u64| as_of.checked_add_days(Days::new(days));
    match deal.id.as_str() {
        // 重点: claimed at P6 ("the general manager has promised") and expected to sign "next
        // month" at every close, slipping each time, while the evidence came stage by stage
        "sample-09" => {
            was.stage = super::stage::Stage::P6;
            was.expected_close = later(20);
        }
        // grew from 2.5 million in the month before last
        "sample-08" if k >= 2 => was.amount = Money::from_major(2_500_000),
        // its date moved back once, three months ago
        "sample-05" if k >= 3 => {
            was.expected_close = deal
                .expected_close
                .and_then(|d| d.checked_sub_days(Days::new(31)))
        }
        _ => {}
    }
    Some(was)
}

/// Snapshots of the six months before `today`'s, each taken on its last day at 09:00 UTC (never
/// after `now`).
pub fn case_snapshots(plan: &Plan, today: NaiveDate, now: DateTime<Utc>) -> Snapshots {
    let mut snapshots = Snapshots::default();
    for k in 1..=6 {
        let period = Granularity::Month.period_of(month_start(month_index(today) - k));
        let as_of = period.next().start;
        let last_day = as_of.pred_opt().expect("a day before");
        let cut = last_day
            .and_hms_opt(9, 0, 0)
            .expect("a time of day")
            .and_utc()
            .min(now);
        let deals: Vec<Rc<Deal>> = plan
            .deals
            .iter()
            .filter_map(|d| as_it_was(d, cut, as_of, k))
            .map(Rc::new)
            .collect();
        let past = Plan {
            deals,
            ..plan.clone()
        };
        snapshots.insert(Rc::new(take(&past, period, cut)));
    }
    snapshots
}
