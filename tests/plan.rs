//! Plan verbs: add, edit, delete and undo, stage moves, won / lost.
mod common;

use common::{fields, later, now, plan_with, today};
use keyplan::domain::plan::{MoveOutcome, PlanError};
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

#[test]
fn won_and_lost_record_the_day_and_reopen_clears_it() {
    let mut plan = plan_with(&[("a", 100, Stage::P6)]);
    plan.set_status(&id("a"), DealStatus::Won, today(), later(3))
        .unwrap();
    let deal = &plan.deals[0];
    assert_eq!(
        (deal.status, deal.closed_on, deal.updated),
        (DealStatus::Won, Some(today()), later(3))
    );
    assert_eq!(deal.win_probability(&plan.method), 100);
    plan.set_status(&id("a"), DealStatus::Lost, today(), later(4))
        .unwrap();
    assert_eq!(plan.deals[0].win_probability(&plan.method), 0);
    plan.set_status(&id("a"), DealStatus::Open, today(), later(5))
        .unwrap();
    assert_eq!(plan.deals[0].closed_on, None);
    assert_eq!(plan.deals[0].win_probability(&plan.method), 90);
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
    use keyplan::domain::forecast::quota::{Quota, QuotaPeriod};
    use keyplan::domain::forecast::Period;
    let mut plan = plan_with(&[("a", 1, Stage::P0), ("b", 2, Stage::P1)]);
    plan.deals[0].owner = "王晓明".into();
    plan.deals[1].owner = "李娜".into();
    plan.title = Some("团队".into());
    let q4 = QuotaPeriod(Period::parse("2026-Q4").unwrap());
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
    plan.set_quota(None, q4, Money::ZERO);
    assert_eq!(plan.quotas.len(), 2, "a zero quota removes it");
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
