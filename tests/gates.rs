//! Gates: evaluation, verified stage, refused and overridden moves, history, stale deals.
mod common;

use chrono::{Duration, FixedOffset, TimeZone, Utc};
use common::{date, fields, item, later, method_with, now, plan_by, today};
use keyplan::domain::deal::GateCheck;
use keyplan::domain::gates::{
    claim_ahead, gate_met, missing_before, progress, stale_days, standing, standing_override,
    verified_stage, Missing,
};
use keyplan::domain::plan::{MoveOutcome, PlanError};
use keyplan::domain::{DealId, DealStatus, Plan, Stage};

fn id() -> DealId {
    DealId::new("d")
}

/// A plan under a two-items-per-stage method with one deal claimed at `stage`.
fn plan_at(stage: Stage) -> Plan {
    let mut plan = plan_by(method_with(2));
    plan.add(id(), fields("d", 100, stage), now()).unwrap();
    plan
}

fn tick(plan: &mut Plan, stage: Stage, i: usize) {
    let check = GateCheck {
        on: today(),
        evidence: format!("{} evidence {i}", stage.code()),
    };
    plan.check_gate(&id(), &item(stage, i), check, later(1))
        .unwrap();
}

fn tick_all(plan: &mut Plan, stage: Stage) {
    tick(plan, stage, 0);
    tick(plan, stage, 1);
}

#[test]
fn a_gate_is_met_when_every_active_item_is_ticked() {
    let mut plan = plan_at(Stage::P0);
    let m = plan.method.clone();
    assert!(!gate_met(&m, &plan.deals[0], Stage::P0));
    tick(&mut plan, Stage::P0, 0);
    assert_eq!(progress(&m, &plan.deals[0], Stage::P0), (1, 2));
    assert!(!gate_met(&m, &plan.deals[0], Stage::P0));
    tick(&mut plan, Stage::P0, 1);
    assert!(gate_met(&m, &plan.deals[0], Stage::P0));
    assert_eq!(
        plan.deals[0].gates[&item(Stage::P0, 1)].evidence,
        "P0 evidence 1"
    );
    assert_eq!(plan.deals[0].updated, later(1));
}

#[test]
fn verified_stage_counts_consecutive_gates_from_p0() {
    let mut plan = plan_at(Stage::P4);
    let m = plan.method.clone();
    assert_eq!(verified_stage(&m, &plan.deals[0]), Stage::P0);
    tick_all(&mut plan, Stage::P0);
    tick_all(&mut plan, Stage::P2); // a gap at P1: P2's evidence does not count yet
    assert_eq!(verified_stage(&m, &plan.deals[0]), Stage::P1);
    tick_all(&mut plan, Stage::P1);
    assert_eq!(verified_stage(&m, &plan.deals[0]), Stage::P3);
    assert!(
        claim_ahead(&m, &plan.deals[0]),
        "claimed P4, evidence supports P3"
    );
    tick_all(&mut plan, Stage::P3);
    assert!(!claim_ahead(&m, &plan.deals[0]));
    for stage in Stage::ALL {
        tick_all(&mut plan, stage);
    }
    assert_eq!(
        verified_stage(&m, &plan.deals[0]),
        Stage::P7,
        "capped at the last stage"
    );
}

#[test]
fn a_forward_move_past_unmet_items_is_refused_with_the_list() {
    let mut plan = plan_at(Stage::P0);
    tick(&mut plan, Stage::P0, 0);
    let before = plan.clone();
    let outcome = plan.move_deal(&id(), Stage::P2, "  ", later(2)).unwrap();
    assert_eq!(
        outcome,
        MoveOutcome::Blocked {
            to: Stage::P2,
            missing: vec![
                Missing {
                    stage: Stage::P0,
                    id: item(Stage::P0, 1)
                },
                Missing {
                    stage: Stage::P1,
                    id: item(Stage::P1, 0)
                },
                Missing {
                    stage: Stage::P1,
                    id: item(Stage::P1, 1)
                },
            ],
        }
    );
    assert_eq!(plan, before, "a refused move changes nothing");
}

#[test]
fn ticking_every_criterion_walks_a_deal_from_p0_to_p3() {
    let mut plan = plan_at(Stage::P0);
    for stage in [Stage::P0, Stage::P1, Stage::P2] {
        assert!(matches!(
            plan.step(&id(), true, "", now()).unwrap(),
            MoveOutcome::Blocked { .. }
        ));
        tick_all(&mut plan, stage);
        assert_eq!(
            plan.step(&id(), true, "", later(5)).unwrap(),
            MoveOutcome::Moved(stage.next().unwrap())
        );
    }
    let deal = &plan.deals[0];
    assert_eq!(deal.stage, Stage::P3);
    assert_eq!(verified_stage(&plan.method, deal), Stage::P3);
    assert_eq!(deal.history.len(), 3);
    assert!(deal
        .history
        .iter()
        .all(|c| !c.is_override() && c.at == later(5)));
}

#[test]
fn an_override_moves_records_the_reason_and_flags_the_deal() {
    let mut plan = plan_at(Stage::P0);
    tick_all(&mut plan, Stage::P0);
    let outcome = plan
        .move_deal(&id(), Stage::P2, " 客户要求本周报价 ", later(3))
        .unwrap();
    assert_eq!(outcome, MoveOutcome::Moved(Stage::P2));
    let deal = &plan.deals[0];
    let change = deal.history.last().unwrap();
    assert_eq!(
        (change.from, change.to, change.at),
        (Stage::P0, Stage::P2, later(3))
    );
    assert_eq!(change.reason, "客户要求本周报价");
    assert_eq!(change.missing, vec![item(Stage::P1, 0), item(Stage::P1, 1)]);
    let flag = standing_override(&plan.method, deal).expect("the flag stays visible");
    assert_eq!(flag.reason, "客户要求本周报价");
    // once the evidence catches up, the flag goes
    tick_all(&mut plan, Stage::P1);
    assert!(standing_override(&plan.method, &plan.deals[0]).is_none());
    assert!(
        plan.deals[0].history.last().unwrap().is_override(),
        "history keeps it"
    );
}

#[test]
fn moving_back_is_always_allowed_and_recorded() {
    let mut plan = plan_at(Stage::P5);
    assert_eq!(
        plan.move_deal(&id(), Stage::P2, "", later(1)).unwrap(),
        MoveOutcome::Moved(Stage::P2)
    );
    assert_eq!(
        plan.step(&id(), false, "客户预算冻结", later(2)).unwrap(),
        MoveOutcome::Moved(Stage::P1)
    );
    let history = &plan.deals[0].history;
    assert_eq!(history.len(), 2);
    assert_eq!(history[1].reason, "客户预算冻结");
    assert!(history.iter().all(|c| !c.is_override()));
    assert_eq!(
        plan.move_deal(&id(), Stage::P1, "", later(3)).unwrap(),
        MoveOutcome::Moved(Stage::P1)
    );
    assert_eq!(plan.deals[0].history.len(), 2, "staying put is not a move");
}

#[test]
fn retired_items_stop_counting_but_keep_their_evidence() {
    let mut plan = plan_at(Stage::P0);
    tick(&mut plan, Stage::P0, 0);
    tick(&mut plan, Stage::P0, 1);
    plan.method_mut()
        .set_retired(&item(Stage::P0, 1), true)
        .unwrap();
    assert!(gate_met(&plan.method, &plan.deals[0], Stage::P0));
    assert_eq!(progress(&plan.method, &plan.deals[0], Stage::P0), (1, 1));
    assert!(
        plan.deals[0].gates.contains_key(&item(Stage::P0, 1)),
        "evidence kept"
    );
    plan.method_mut()
        .set_retired(&item(Stage::P0, 0), true)
        .unwrap();
    plan.uncheck_gate(&id(), &item(Stage::P0, 0), later(2))
        .unwrap();
    assert!(
        gate_met(&plan.method, &plan.deals[0], Stage::P0),
        "a gate with no active item is met"
    );
    assert!(missing_before(&plan.method, &plan.deals[0], Stage::P1).is_empty());
}

#[test]
fn unknown_items_and_deals_are_errors() {
    let mut plan = plan_at(Stage::P0);
    let check = GateCheck {
        on: today(),
        evidence: String::new(),
    };
    let bogus = keyplan::domain::method::GateId("p0-nope".into());
    assert_eq!(
        plan.check_gate(&id(), &bogus, check.clone(), now()),
        Err(PlanError::NoSuchGateItem(bogus))
    );
    let nobody = DealId::new("nobody");
    assert_eq!(
        plan.check_gate(&nobody, &item(Stage::P0, 0), check, now()),
        Err(PlanError::NoSuchDeal(nobody.clone()))
    );
    assert_eq!(
        plan.move_deal(&nobody, Stage::P1, "", now()),
        Err(PlanError::NoSuchDeal(nobody))
    );
}

#[test]
fn self_check_ticks_do_not_count_as_progress() {
    let mut plan = plan_at(Stage::P1);
    let updated = plan.deals[0].updated;
    plan.toggle_self_check(&id(), "p1-sc-open").unwrap();
    plan.toggle_self_check(&id(), "p1-sc-goal").unwrap();
    plan.toggle_self_check(&id(), "p1-sc-open").unwrap();
    assert_eq!(
        plan.deals[0].self_check.iter().collect::<Vec<_>>(),
        ["p1-sc-goal"]
    );
    assert_eq!(plan.deals[0].updated, updated);
    plan.clear_self_check(&id()).unwrap();
    assert!(plan.deals[0].self_check.is_empty());
}

#[test]
fn a_deal_goes_stale_after_its_stages_limit() {
    let mut plan = plan_at(Stage::P3);
    common::deal_mut(&mut plan, 0).updated = now() - Duration::days(10);
    let m = plan.method.clone();
    assert_eq!(
        stale_days(&m, &plan.deals[0], today(), &Utc),
        None,
        "exactly the limit is not stale"
    );
    common::deal_mut(&mut plan, 0).updated = now() - Duration::days(11);
    assert_eq!(stale_days(&m, &plan.deals[0], today(), &Utc), Some(11));
    plan.method_mut().set_stale_days(Stage::P3, 30).unwrap();
    assert_eq!(
        stale_days(&plan.method, &plan.deals[0], today(), &Utc),
        None
    );
    plan.method_mut().set_stale_days(Stage::P3, 5).unwrap();
    common::set_status(
        &mut plan,
        &id(),
        DealStatus::Won,
        date("2026-11-27"),
        now() - Duration::days(40),
    );
    assert_eq!(
        stale_days(&plan.method, &plan.deals[0], today(), &Utc),
        None,
        "closed deals never go stale"
    );
}

#[test]
fn stale_days_are_counted_in_the_persons_time_zone() {
    let mut plan = plan_at(Stage::P3);
    let beijing = FixedOffset::east_opt(8 * 3600).unwrap();
    // 2026-11-17 20:00 UTC is already the 18th in Beijing: ten days before the 28th there, at
    // the limit, not stale. Counted from the UTC date it would be eleven, a day early.
    common::deal_mut(&mut plan, 0).updated = Utc.with_ymd_and_hms(2026, 11, 17, 20, 0, 0).unwrap();
    let today_in_beijing = date("2026-11-28");
    assert_eq!(
        stale_days(&plan.method, &plan.deals[0], today_in_beijing, &beijing),
        None
    );
    assert_eq!(
        stale_days(&plan.method, &plan.deals[0], today_in_beijing, &Utc),
        Some(11),
        "the same moment is the 17th in UTC"
    );
    let standing = standing(&plan.method, &plan.deals[0], date("2026-11-29"), &beijing);
    assert_eq!(standing.stale_days, Some(11));
    assert_eq!(standing.verified, Stage::P0);
    assert!(standing.ahead);
}

#[test]
fn a_moment_falls_on_the_persons_own_day() {
    use keyplan::domain::period::local_day;
    let evening = Utc.with_ymd_and_hms(2026, 11, 27, 20, 0, 0).unwrap();
    let beijing = FixedOffset::east_opt(8 * 3600).unwrap();
    let new_york = FixedOffset::west_opt(5 * 3600).unwrap();
    assert_eq!(local_day(evening, &beijing), date("2026-11-28"));
    assert_eq!(local_day(evening, &Utc), date("2026-11-27"));
    assert_eq!(
        local_day(
            Utc.with_ymd_and_hms(2026, 11, 28, 3, 0, 0).unwrap(),
            &new_york
        ),
        date("2026-11-27")
    );
}
