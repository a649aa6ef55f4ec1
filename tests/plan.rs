//! Plan verbs: add, edit, delete and undo, stage moves, won / lost / reopened.
mod common;

use std::rc::Rc;

use common::{date, fields, item, later, method_with, now, plan_by, plan_with, today};
use keyplan::domain::deal::GateCheck;
use keyplan::domain::gates::Missing;
use keyplan::domain::plan::{Loss, MoveOutcome, PlanError, Win};
use keyplan::domain::weighting::{probability, Basis};
use keyplan::domain::{DealId, DealStatus, Money, Stage};

fn id(s: &str) -> DealId {
    DealId::new(s)
}

#[test]
fn add_refuses_a_duplicate_id() {
    let mut plan = plan_with(&[("a", 1, Stage::P0)]);
    assert_eq!(
        plan.add(id("a"), fields("again", 2, Stage::P1), now()),
        Err(PlanError::DuplicateId(id("a")))
    );
    assert_eq!(plan.deals.len(), 1);
    assert_eq!(plan.deals[0].status, DealStatus::Open);
    assert_eq!(plan.deals[0].created, now());
}

#[test]
fn edit_moves_updated_only_when_something_changed() {
    let mut plan = plan_with(&[("a", 1, Stage::P0)]);
    plan.edit(&id("a"), fields("a", 1, Stage::P0), later(5))
        .unwrap();
    assert_eq!(plan.deals[0].updated, now());
    plan.edit(&id("a"), fields("a", 2, Stage::P0), later(5))
        .unwrap();
    assert_eq!(plan.deals[0].updated, later(5));
    assert_eq!(plan.deals[0].amount, Money::from_major(2));
    assert_eq!(
        plan.edit(&id("zz"), fields("a", 2, Stage::P0), now()),
        Err(PlanError::NoSuchDeal(id("zz")))
    );
}

#[test]
fn delete_then_restore_puts_the_deal_back_in_place() {
    let mut plan = plan_with(&[
        ("a", 1, Stage::P0),
        ("b", 2, Stage::P1),
        ("c", 3, Stage::P2),
    ]);
    let before = plan.clone();
    let removed = plan.remove(&id("b")).unwrap();
    assert_eq!(removed.index, 1);
    assert_eq!(plan.deals.len(), 2);
    plan.restore(removed.clone()).unwrap();
    assert_eq!(plan, before);
    assert_eq!(plan.restore(removed), Err(PlanError::DuplicateId(id("b"))));
    assert_eq!(
        plan.remove(&id("nope")),
        Err(PlanError::NoSuchDeal(id("nope")))
    );
}

#[test]
fn restore_after_the_plan_shrank_appends() {
    let mut plan = plan_with(&[("a", 1, Stage::P0), ("b", 2, Stage::P1)]);
    let removed = plan.remove(&id("b")).unwrap();
    plan.remove(&id("a")).unwrap();
    plan.restore(removed).unwrap();
    assert_eq!(plan.deals[0].id, id("b"));
}

#[test]
fn steps_move_one_stage_and_stop_at_the_ends() {
    let mut plan = plan_with(&[("a", 1, Stage::P0)]);
    assert_eq!(
        plan.step(&id("a"), false, "", now()),
        Err(PlanError::NoEarlierStage(Stage::P0))
    );
    for expected in [Stage::P1, Stage::P2, Stage::P3] {
        assert_eq!(
            plan.step(&id("a"), true, "", later(1)),
            Ok(MoveOutcome::Moved(expected))
        );
    }
    assert_eq!(plan.deals[0].stage, Stage::P3);
    assert_eq!(plan.deals[0].updated, later(1));
    plan.move_deal(&id("a"), Stage::P7, "", now()).unwrap();
    assert_eq!(
        plan.step(&id("a"), true, "", now()),
        Err(PlanError::NoLaterStage(Stage::P7))
    );
    assert_eq!(
        plan.step(&id("a"), false, "", now()),
        Ok(MoveOutcome::Moved(Stage::P6))
    );
    let path: Vec<(Stage, Stage)> = plan.deals[0]
        .history
        .iter()
        .map(|c| (c.from, c.to))
        .collect();
    assert_eq!(
        path,
        [
            (Stage::P0, Stage::P1),
            (Stage::P1, Stage::P2),
            (Stage::P2, Stage::P3),
            (Stage::P3, Stage::P7),
            (Stage::P7, Stage::P6)
        ]
    );
    assert!(plan.deals[0].history.iter().all(|c| !c.is_override()));
}

#[test]
fn editing_fields_never_moves_the_stage() {
    let mut plan = plan_with(&[("a", 1, Stage::P2)]);
    plan.edit(&id("a"), fields("a", 5, Stage::P6), later(1))
        .unwrap();
    assert_eq!(
        plan.deals[0].stage,
        Stage::P2,
        "stage moves go through move_deal"
    );
    assert_eq!(plan.deals[0].amount, Money::from_major(5));
}

fn win(on: &str, major: i64, reason: &str) -> Win {
    Win {
        signed_on: date(on),
        amount: Money::from_major(major),
        reason: reason.to_string(),
        review: Default::default(),
    }
}

#[test]
fn a_win_records_the_signing_date_and_contract_amount_and_moves_to_p7() {
    let mut plan = plan_with(&[("a", 100, Stage::P6)]);
    assert_eq!(
        plan.win(&id("a"), win("2026-11-03", 95, ""), later(3)),
        Ok(MoveOutcome::Moved(Stage::P7))
    );
    let deal = &plan.deals[0];
    assert_eq!(
        (
            deal.status,
            deal.stage,
            deal.closed_on,
            deal.amount,
            deal.updated
        ),
        (
            DealStatus::Won,
            Stage::P7,
            Some(date("2026-11-03")),
            Money::from_major(95),
            later(3)
        )
    );
    let signing = deal.history.last().unwrap();
    assert_eq!(
        (signing.from, signing.to, signing.status),
        (Stage::P6, Stage::P7, Some(DealStatus::Won))
    );
    assert_eq!(deal.closing(), Some(signing));
    assert_eq!(probability(&plan.method, deal, Basis::Claimed), 100);
    assert_eq!(
        plan.win(&id("a"), win("2026-11-04", 1, ""), later(4)),
        Err(PlanError::WrongStatus(DealStatus::Won)),
        "a won deal is not won again"
    );
}

#[test]
fn a_win_checks_the_remaining_gates_like_any_forward_move() {
    let mut plan = plan_by(method_with(1));
    plan.add(id("a"), fields("a", 10, Stage::P2), now())
        .unwrap();
    for stage in [Stage::P0, Stage::P1] {
        plan.check_gate(
            &id("a"),
            &item(stage, 0),
            GateCheck {
                on: today(),
                evidence: String::new(),
            },
            now(),
        )
        .unwrap();
    }
    let outcome = plan.win(&id("a"), win("2026-11-27", 10, "  "), later(1));
    let unmet = [Stage::P2, Stage::P3, Stage::P4, Stage::P5, Stage::P6];
    assert_eq!(
        outcome,
        Ok(MoveOutcome::Blocked {
            to: Stage::P7,
            missing: unmet
                .iter()
                .map(|&stage| Missing {
                    stage,
                    id: item(stage, 0)
                })
                .collect()
        })
    );
    assert_eq!(plan.deals[0].status, DealStatus::Open, "nothing changed");
    plan.win(&id("a"), win("2026-11-27", 10, "客户提前签约"), later(2))
        .unwrap();
    let signing = plan.deals[0].history.last().unwrap();
    assert!(signing.is_override());
    assert_eq!(signing.reason, "客户提前签约");
    assert_eq!(signing.missing.len(), 5);
}

#[test]
fn a_loss_needs_a_reason_and_keeps_the_competitor() {
    let mut plan = plan_with(&[("a", 100, Stage::P3)]);
    let loss = |reason: &str| Loss {
        lost_on: date("2026-11-20"),
        reason: reason.to_string(),
        competitor: " 本地供应商 ".to_string(),
        review: Default::default(),
    };
    assert_eq!(
        plan.lose(&id("a"), loss(" "), later(1)),
        Err(PlanError::ReasonRequired)
    );
    plan.lose(&id("a"), loss("价格高 18%"), later(2)).unwrap();
    let deal = &plan.deals[0];
    assert_eq!(
        (deal.status, deal.stage, deal.closed_on),
        (DealStatus::Lost, Stage::P3, Some(date("2026-11-20")))
    );
    let closing = deal.closing().unwrap();
    assert_eq!(
        (closing.reason.as_str(), closing.competitor.as_str()),
        ("价格高 18%", "本地供应商")
    );
    assert_eq!(probability(&plan.method, deal, Basis::Claimed), 0);
}

#[test]
fn reopening_clears_the_close_day_and_is_kept_in_the_history() {
    let mut plan = plan_with(&[("a", 100, Stage::P6)]);
    assert_eq!(
        plan.reopen(&id("a"), later(1)),
        Err(PlanError::WrongStatus(DealStatus::Open))
    );
    plan.win(&id("a"), win("2026-11-03", 100, ""), later(2))
        .unwrap();
    plan.reopen(&id("a"), later(3)).unwrap();
    let deal = &plan.deals[0];
    assert_eq!((deal.status, deal.closed_on), (DealStatus::Open, None));
    assert_eq!(deal.history.last().unwrap().status, Some(DealStatus::Open));
    assert_eq!(deal.closing(), None);
    assert_eq!(
        probability(&plan.method, deal, Basis::Claimed),
        100,
        "at P7"
    );
}

#[test]
fn the_signing_date_of_a_won_deal_can_be_corrected_in_the_editor() {
    let mut plan = plan_with(&[("a", 100, Stage::P6)]);
    plan.win(&id("a"), win("2026-11-03", 100, ""), later(1))
        .unwrap();
    let mut corrected = fields("a", 100, Stage::P7);
    corrected.closed_on = Some(date("2026-10-30"));
    plan.edit(&id("a"), corrected, later(2)).unwrap();
    assert_eq!(plan.deals[0].closed_on, Some(date("2026-10-30")));
    assert_eq!(plan.deals[0].close_day(), Some(date("2026-10-30")));
    let mut open = plan_with(&[("b", 1, Stage::P0)]);
    let mut typed = fields("b", 1, Stage::P0);
    typed.closed_on = Some(date("2026-10-30"));
    open.edit(&id("b"), typed, later(2)).unwrap();
    assert_eq!(
        open.deals[0].closed_on, None,
        "an open deal has no close day"
    );
}

#[test]
fn a_change_to_one_deal_leaves_the_others_shared() {
    let mut plan = plan_with(&[("a", 1, Stage::P0), ("b", 2, Stage::P0)]);
    let before = plan.clone();
    plan.edit(&id("a"), fields("a", 5, Stage::P0), later(1))
        .unwrap();
    assert!(!Rc::ptr_eq(&plan.deals[0], &before.deals[0]));
    assert!(Rc::ptr_eq(&plan.deals[1], &before.deals[1]));
    assert!(Rc::ptr_eq(&plan.method, &before.method));
    assert_eq!(
        before.deals[0].amount,
        Money::from_major(1),
        "the copy kept its own"
    );
}

#[test]
fn generated_ids_are_distinct_and_plain() {
    let a = DealId::generate(1_764_230_000_000, 1);
    let b = DealId::generate(1_764_230_000_000, 2);
    let c = DealId::generate(1_764_230_000_001, 1);
    assert!(a != b && a != c && b != c);
    assert!(a.as_str().starts_with("d-"));
    assert!(a
        .as_str()
        .bytes()
        .all(|ch| ch.is_ascii_alphanumeric() || ch == b'-'));
    assert!(DealId::generate(0, u64::MAX).as_str().len() <= "d-0-".len() + 6);
}

#[test]
fn a_part_of_the_plan_keeps_its_settings_and_its_owners_quotas() {
    use keyplan::domain::quota::{Quota, QuotaPeriod};
    let mut plan = plan_with(&[("a", 1, Stage::P0), ("b", 2, Stage::P1)]);
    Rc::make_mut(&mut plan.deals[0]).owner = "王晓明".into();
    Rc::make_mut(&mut plan.deals[1]).owner = "李娜".into();
    plan.title = Some("团队".into());
    let q4 = QuotaPeriod::parse("2026-Q4").unwrap();
    plan.set_quota(Some("王晓明".into()), q4, Money::from_major(10));
    plan.set_quota(Some("李娜".into()), q4, Money::from_major(20));
    plan.set_quota(None, q4, Money::from_major(30));
    let wang = plan.only(|d| d.owner == "王晓明");
    assert_eq!(wang.deals.len(), 1);
    assert_eq!(wang.title, plan.title);
    assert_eq!(
        wang.quotas,
        vec![Quota {
            owner: Some("王晓明".into()),
            period: q4,
            amount: Money::from_major(10)
        }]
    );
    assert_eq!(plan.only(|_| true), plan);
    assert!(plan.set_quota(None, q4, Money::ZERO));
    assert_eq!(plan.quotas.len(), 2, "a zero quota removes it");
    assert!(
        !plan.set_quota(None, q4, Money::ZERO),
        "nothing left to remove"
    );
    plan.set_quota(Some("李娜".into()), q4, Money::from_major(25));
    assert_eq!(
        plan.quotas
            .iter()
            .filter(|q| q.owner.as_deref() == Some("李娜"))
            .count(),
        1,
        "replaced, not added"
    );
}

#[test]
fn a_closed_deal_does_not_move_until_reopened() {
    let mut plan = plan_with(&[("a", 100, Stage::P6)]);
    plan.win(&id("a"), win("2026-11-03", 100, ""), later(1))
        .unwrap();
    assert_eq!(
        plan.move_deal(&id("a"), Stage::P3, "", later(2)),
        Err(PlanError::WrongStatus(DealStatus::Won))
    );
    assert_eq!(
        plan.step(&id("a"), false, "", later(2)),
        Err(PlanError::WrongStatus(DealStatus::Won))
    );
    assert_eq!(plan.deals[0].stage, Stage::P7);
    plan.reopen(&id("a"), later(3)).unwrap();
    assert_eq!(
        plan.step(&id("a"), false, "", later(4)),
        Ok(MoveOutcome::Moved(Stage::P6))
    );
}
