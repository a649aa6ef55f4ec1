//! Board columns and the summary line, pinned on hand-computed figures.
mod common;

use common::{date, now, plan_with, today};
use keyplan::domain::filter::{Dimension, Filter};
use keyplan::domain::summary::{stage_totals, summarize};
use keyplan::domain::weighting::weighted_sum;
use keyplan::domain::{DealId, DealStatus, Money, Stage};
use proptest::prelude::*;

#[test]
fn columns_count_total_and_weight_open_deals() {
    let mut plan = plan_with(&[
        ("a", 1_000_000, Stage::P0),
        ("b", 333_333, Stage::P2),
        ("c", 100, Stage::P2),
        ("d", 500_000, Stage::P5),
        ("w", 800_000, Stage::P6),
    ]);
    common::set_status(
        &mut plan,
        &DealId::new("w"),
        DealStatus::Won,
        today(),
        now(),
    );
    let cols = stage_totals(&plan, &Filter::default());
    assert_eq!(cols.len(), 8);
    assert_eq!(
        (cols[0].count, cols[0].total, cols[0].weighted),
        (1, Money::from_major(1_000_000), Money::from_major(100_000))
    );
    // P2: (333,333 + 100) × 25% = 83,358.25
    assert_eq!(cols[2].count, 2);
    assert_eq!(cols[2].total, Money::from_major(333_433));
    assert_eq!(cols[2].weighted, Money::from_minor(8_335_825));
    assert_eq!(cols[5].weighted, Money::from_major(375_000));
    assert_eq!(cols[6].count, 0, "won deals leave the board columns");
}

#[test]
fn weighting_rounds_once_at_the_end() {
    // three deals of ¥0.01 at 50%: per-deal rounding would give 0.03, exact is 0.015 → 0.02
    let mut plan = plan_with(&[
        ("a", 0, Stage::P4),
        ("b", 0, Stage::P4),
        ("c", 0, Stage::P4),
    ]);
    for d in &mut plan.deals {
        std::rc::Rc::make_mut(d).amount = Money::from_minor(1);
    }
    assert_eq!(
        weighted_sum(&plan.method, plan.deals.iter().map(|d| &**d)),
        Money::from_minor(2)
    );
}

#[test]
fn summary_line_separates_open_won_and_lost() {
    let mut plan = plan_with(&[
        ("open", 1_000_000, Stage::P3),
        ("won-now", 200_000, Stage::P7),
        ("won-before", 300_000, Stage::P7),
        ("lost", 400_000, Stage::P5),
    ]);
    common::set_status(
        &mut plan,
        &DealId::new("won-now"),
        DealStatus::Won,
        date("2026-11-03"),
        now(),
    );
    common::set_status(
        &mut plan,
        &DealId::new("won-before"),
        DealStatus::Won,
        date("2026-10-31"),
        now(),
    );
    common::set_status(
        &mut plan,
        &DealId::new("lost"),
        DealStatus::Lost,
        today(),
        now(),
    );
    let s = summarize(&plan, &Filter::default(), today());
    assert_eq!(s.open_count, 1);
    assert_eq!(s.open_total, Money::from_major(1_000_000));
    assert_eq!(s.weighted_total, Money::from_major(300_000));
    assert_eq!(
        (s.won_this_month_count, s.won_this_month),
        (1, Money::from_major(200_000))
    );
    assert_eq!((s.won_count, s.lost_count), (2, 1));
}

#[test]
fn a_won_deal_without_close_day_uses_its_expected_date() {
    let mut plan = plan_with(&[("w", 50, Stage::P7)]);
    common::deal_mut(&mut plan, 0).status = DealStatus::Won;
    common::deal_mut(&mut plan, 0).expected_close = Some(date("2026-11-30"));
    assert_eq!(
        summarize(&plan, &Filter::default(), today()).won_this_month,
        Money::from_major(50)
    );
    common::deal_mut(&mut plan, 0).expected_close = Some(date("2025-11-30"));
    assert_eq!(
        summarize(&plan, &Filter::default(), today()).won_this_month,
        Money::ZERO,
        "same month of another year"
    );
}

#[test]
fn a_filter_applies_to_the_columns_and_the_summary() {
    let mut plan = plan_with(&[
        ("wang", 1_000_000, Stage::P3),
        ("li", 500_000, Stage::P3),
        ("wang-won", 200_000, Stage::P6),
    ]);
    common::deal_mut(&mut plan, 0).owner = "王晓明".into();
    common::deal_mut(&mut plan, 1).owner = "李娜".into();
    common::deal_mut(&mut plan, 2).owner = "王晓明".into();
    common::set_status(
        &mut plan,
        &DealId::new("wang-won"),
        DealStatus::Won,
        today(),
        now(),
    );
    let wang = Filter::default().with(Dimension::Owner, "王晓明");
    let cols = stage_totals(&plan, &wang);
    assert_eq!(
        (cols[3].count, cols[3].total),
        (1, Money::from_major(1_000_000))
    );
    let s = summarize(&plan, &wang, today());
    assert_eq!(
        (s.open_count, s.open_total),
        (1, Money::from_major(1_000_000))
    );
    assert_eq!(s.won_this_month, Money::from_major(200_000));
    let everyone = summarize(&plan, &Filter::default(), today());
    assert_eq!(everyone.open_total, Money::from_major(1_500_000));
    assert_eq!(
        Filter::default()
            .with(Dimension::Owner, "王晓明")
            .with(Dimension::Owner, ""),
        Filter::default()
    );
}

proptest! {
    #[test]
    fn columns_add_up_to_the_summary(deals in proptest::collection::vec((0i64..10_000_000, 0usize..8), 0..40)) {
        let named: Vec<(String, i64, Stage)> = deals.iter().enumerate()
            .map(|(i, (a, s))| (format!("d{i}"), *a, Stage::from_index(*s).unwrap())).collect();
        let refs: Vec<(&str, i64, Stage)> = named.iter().map(|(i, a, s)| (i.as_str(), *a, *s)).collect();
        let plan = plan_with(&refs);
        let cols = stage_totals(&plan, &Filter::default());
        let s = summarize(&plan, &Filter::default(), today());
        prop_assert_eq!(cols.iter().map(|c| c.count).sum::<usize>(), s.open_count);
        prop_assert_eq!(cols.iter().map(|c| c.total).sum::<Money>(), s.open_total);
        prop_assert!(s.weighted_total <= s.open_total);
        // each column rounds once; their sum is within half a cent per column of the total
        let diff = (cols.iter().map(|c| c.weighted).sum::<Money>() - s.weighted_total).minor().abs();
        prop_assert!(diff <= 4);
    }
}
