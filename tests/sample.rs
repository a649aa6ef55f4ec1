//! The built-in training case is valid, covers every stage and looks current on any day.
mod common;

use std::collections::HashSet;

use chrono::Datelike;
use common::{date, now, today};
use keyplan::domain::sample::sample_plan;
use keyplan::domain::summary::summarize;
use keyplan::domain::validate::check_deal;
use keyplan::domain::{DealStatus, Stage};

#[test]
fn twelve_valid_deals_with_unique_sample_ids() {
    let plan = sample_plan(today(), now());
    assert_eq!(plan.deals.len(), 12);
    assert!(plan.duplicate_ids().is_empty());
    for deal in &plan.deals {
        assert!(deal.id.as_str().starts_with("sample-"));
        assert!(
            check_deal(deal).is_empty(),
            "{}: {:?}",
            deal.id.as_str(),
            check_deal(deal)
        );
        assert!(!deal.owner.is_empty() && !deal.product.is_empty() && !deal.region.is_empty());
    }
}

#[test]
fn every_stage_and_status_is_represented() {
    let plan = sample_plan(today(), now());
    let stages: HashSet<Stage> = plan.deals.iter().map(|d| d.stage).collect();
    assert_eq!(stages.len(), 8);
    let statuses: HashSet<DealStatus> = plan.deals.iter().map(|d| d.status).collect();
    assert_eq!(statuses.len(), 3);
    assert!(
        plan.deals.iter().any(|d| d.owner == "王晓明"),
        "销售小王 is in the case"
    );
    assert!(
        plan.deals
            .iter()
            .any(|d| d.is_open() && d.expected_close.is_none()),
        "a deal with no date"
    );
}

#[test]
fn the_case_always_has_a_win_this_month_and_open_deals_ahead() {
    for day in ["2026-11-27", "2027-01-01", "2028-02-29", "2026-12-31"] {
        let today = date(day);
        let plan = sample_plan(today, now());
        let s = summarize(&plan, today);
        assert_eq!(s.won_this_month_count, 1, "{day}");
        for deal in plan.deals.iter().filter(|d| d.is_open()) {
            if let Some(close) = deal.expected_close {
                assert!(close > today, "{day}: {} closes in the past", deal.name);
            }
        }
        for deal in plan.deals.iter().filter(|d| !d.is_open()) {
            let closed = deal.closed_on.unwrap();
            assert!(closed <= today);
            if deal.status == DealStatus::Won {
                assert_eq!(
                    (closed.year(), closed.month()),
                    (today.year(), today.month())
                );
            }
        }
    }
}
