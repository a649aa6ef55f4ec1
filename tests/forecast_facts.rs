//! The forecast's facts kept across versions of a plan: after any sequence of changes, the
//! refreshed facts are those derived afresh, only the changed deals are derived again, and the
//! forecast from them (grouped, filtered, on both bases) is the same.
mod common;

use std::rc::Rc;

use chrono::FixedOffset;
use common::{date, deal_mut, fields, item, method_with, now, plan_by, set_status};
use keyplan::domain::deal::GateCheck;
use keyplan::domain::facts::Facts;
use keyplan::domain::filter::{Dimension, Filter, ScoreFloor};
use keyplan::domain::forecast::{forecast_of, risk_by_owner_of, Query};
use keyplan::domain::summary::{stage_totals, stage_totals_of};
use keyplan::domain::weighting::Basis;
use keyplan::domain::{DealId, DealStatus, Money, Plan, Stage};
use proptest::prelude::*;

const OWNERS: [&str; 3] = ["王晓明", "李娜", ""];
const REGIONS: [&str; 3] = ["华东", "华北", "西南"];

fn start(n: usize) -> Plan {
    let mut plan = plan_by(method_with(2));
    for i in 0..n {
        let mut f = fields(
            &format!("d{i}"),
            1_000 + i as i64 * 37,
            Stage::from_index(i % 8).unwrap(),
        );
        f.owner = OWNERS[i % 3].to_string();
        f.region = REGIONS[i % 3].to_string();
        f.expected_close =
            (i % 5 != 0).then(|| date("2026-11-01") + chrono::Duration::days(i as i64 * 11 % 400));
        plan.add(DealId::new(format!("d{i}")), f, now()).unwrap();
    }
    plan
}

/// The facts as texts, comparable whatever numbers the values were given.
fn seen(facts: &Facts) -> Vec<String> {
    facts
        .all()
        .iter()
        .map(|f| {
            let values: Vec<&str> = Dimension::ALL
                .iter()
                .map(|d| facts.value(*d, f.value(*d)))
                .collect();
            format!(
                "{:?} {:?} {:?} {:?} {:?} {:?} {values:?}",
                f.amount, f.status, f.stage, f.claimed, f.verified, f.day
            )
        })
        .collect()
}

#[derive(Clone, Debug)]
enum Change {
    Add(i64),
    Remove(usize),
    Amount(usize, i64),
    Owner(usize, usize),
    Close(usize, u8),
    Tick(usize, usize),
    /// Two neighbours changed and a deal added in one version, as a merge does.
    Batch(usize),
    /// Two neighbours removed in one version.
    RemoveTwo(usize),
    Method,
    Nothing,
}

fn change() -> impl Strategy<Value = Change> {
    prop_oneof![
        (1i64..1_000_000).prop_map(Change::Add),
        (0usize..64).prop_map(Change::Remove),
        ((0usize..64), (1i64..1_000_000)).prop_map(|(i, a)| Change::Amount(i, a)),
        ((0usize..64), (0usize..3)).prop_map(|(i, o)| Change::Owner(i, o)),
        ((0usize..64), (0u8..3)).prop_map(|(i, s)| Change::Close(i, s)),
        ((0usize..64), (0usize..16)).prop_map(|(i, g)| Change::Tick(i, g)),
        (0usize..64).prop_map(Change::Batch),
        (0usize..64).prop_map(Change::RemoveTwo),
        Just(Change::Method),
        Just(Change::Nothing),
    ]
}

/// Applies a change as the plan's verbs do; tells how many deals it changed.
fn apply(plan: &mut Plan, change: &Change, serial: &mut usize) -> usize {
    let n = plan.deals.len();
    let id = |i: usize| plan.deals[i % n].id.clone();
    match change {
        Change::Add(major) => {
            *serial += 1;
            let mut f = fields("new", *major, Stage::P2);
            f.owner = "新人".to_string();
            plan.add(DealId::new(format!("n{serial}")), f, now())
                .unwrap();
            1
        }
        Change::Remove(i) if n > 0 => {
            plan.remove(&id(*i)).unwrap();
            0
        }
        Change::Amount(i, major) if n > 0 => {
            let id = id(*i);
            let mut f = fields("edited", *major, plan.deal(&id).unwrap().stage);
            f.owner = plan.deal(&id).unwrap().owner.clone();
            f.expected_close = plan.deal(&id).unwrap().expected_close;
            // a closed deal is not edited (the plan refuses it)
            usize::from(plan.edit(&id, f, now()).is_ok())
        }
        Change::Owner(i, o) if n > 0 => {
            let id = id(*i);
            let d = plan.deal(&id).unwrap();
            let mut f = fields(&d.name.clone(), 5, d.stage);
            f.amount = d.amount;
            f.expected_close = d.expected_close;
            f.owner = OWNERS[*o].to_string();
            usize::from(plan.edit(&id, f, now()).is_ok())
        }
        Change::Close(i, s) if n > 0 => {
            let id = id(*i);
            let status = [DealStatus::Open, DealStatus::Won, DealStatus::Lost][*s as usize];
            let before = plan.deal(&id).unwrap().status;
            if before != DealStatus::Open && status != before {
                set_status(plan, &id, DealStatus::Open, date("2026-11-20"), now());
            }
            set_status(plan, &id, status, date("2026-11-20"), now());
            usize::from(before != status)
        }
        Change::Tick(i, g) if n > 0 => {
            let id = id(*i);
            let gate = item(Stage::ALL[g % 8], g / 8);
            let had = plan.deal(&id).unwrap().gates.contains_key(&gate);
            let check = GateCheck {
                on: date("2026-11-20"),
                evidence: String::new(),
            };
            usize::from(plan.check_gate(&id, &gate, check, now()).is_ok() && !had)
        }
        Change::Batch(i) if n > 0 => {
            let edited: std::collections::BTreeSet<usize> = [i % n, (i + 1) % n].into();
            for k in &edited {
                let deal = deal_mut(plan, *k);
                deal.amount += Money::from_minor(1);
            }
            *serial += 1;
            plan.add(
                DealId::new(format!("n{serial}")),
                fields("merged", 7, Stage::P1),
                now(),
            )
            .unwrap();
            edited.len() + 1
        }
        Change::RemoveTwo(i) if n > 1 => {
            let (a, b) = (id(*i % (n - 1)), id(*i % (n - 1) + 1));
            plan.remove(&a).unwrap();
            plan.remove(&b).unwrap();
            0
        }
        Change::Method => {
            let stage = &mut plan.method_mut().stages[3];
            stage.probability = if stage.probability == 30 { 35 } else { 30 };
            plan.deals.len()
        }
        _ => 0,
    }
}

fn queries() -> Vec<Query> {
    let today = date("2026-11-27");
    let claimed = Query::rolling_year(today);
    let mut out = Vec::new();
    for basis in [Basis::Claimed, Basis::Verified] {
        for group_by in [None, Some(Dimension::Owner), Some(Dimension::Region)] {
            let floor = Some(ScoreFloor {
                min: 40,
                today,
                zone: FixedOffset::east_opt(8 * 3600).unwrap(),
            });
            for filter in [
                Filter::default(),
                Filter::default().with(Dimension::Owner, "李娜"),
                Filter::default().with(Dimension::Owner, "nobody"),
                Filter::default().with_score(floor),
                Filter::default()
                    .with(Dimension::Region, "华东")
                    .with_score(floor),
            ] {
                out.push(Query {
                    basis,
                    group_by,
                    filter,
                    ..claimed.clone()
                });
            }
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn refreshed_facts_are_the_facts_derived_afresh(
        n in 0usize..40,
        changes in prop::collection::vec(change(), 1..12),
    ) {
        let mut plan = Rc::new(start(n));
        let mut kept = Facts::default();
        prop_assert_eq!(kept.refresh(&plan), n);
        let mut serial = 0;
        for change in &changes {
            let mut next = (*plan).clone();
            let changed = apply(&mut next, change, &mut serial);
            plan = Rc::new(next);
            let derived = kept.refresh(&plan);
            prop_assert_eq!(derived, changed, "after {:?}", change);
            let fresh = Facts::of(&plan);
            prop_assert_eq!(seen(&kept), seen(&fresh), "after {:?}", change);
            prop_assert_eq!(kept.values(Dimension::Owner), fresh.values(Dimension::Owner));
        }
        for query in queries() {
            prop_assert_eq!(
                forecast_of(&kept, &plan, &query),
                forecast_of(&Facts::of(&plan), &plan, &query)
            );
        }
        for filter in [Filter::default(), Filter::default().with(Dimension::Region, "华北")] {
            prop_assert_eq!(stage_totals_of(&kept, &plan, &filter), stage_totals(&plan, &filter));
        }
        let query = Query::rolling_year(date("2026-11-27"));
        prop_assert_eq!(
            risk_by_owner_of(&kept, &plan, &query),
            risk_by_owner_of(&Facts::of(&plan), &plan, &query)
        );
    }
}

#[test]
fn the_same_version_derives_nothing_and_one_edit_derives_one() {
    let plan = Rc::new(start(1_000));
    let mut facts = Facts::default();
    assert_eq!(facts.refresh(&plan), 1_000);
    assert_eq!(facts.refresh(&plan), 0);
    let mut next = (*plan).clone();
    let id = next.deals[500].id.clone();
    let mut f = fields("bigger", 9_999_999, Stage::P5);
    f.owner = "李娜".to_string();
    next.edit(&id, f, now()).unwrap();
    let next = Rc::new(next);
    assert_eq!(facts.refresh(&next), 1);
    assert_eq!(facts.all()[500].amount, Money::from_minor(999_999_900));
    // the deal's values are the edited ones, not the earlier ones
    assert_eq!(
        facts.value(Dimension::Owner, facts.all()[500].value(Dimension::Owner)),
        "李娜"
    );
}
