//! The team's strategies per stage of a deal (the deck's "策略1. 策略2." exercise): the verb that
//! sets them, the session's reducer, the plan file, the import preview and merge.
mod common;

use std::collections::BTreeMap;

use common::{later, now, plan_with, said};
use keyplan::domain::deal::{Field, MAX_STRATEGY};
use keyplan::domain::import::{merge, preview, Rule};
use keyplan::domain::plan::PlanError;
use keyplan::domain::plan_file::{encode, read, Mode};
use keyplan::domain::{DealId, Plan, Stage};
use keyplan::session::Action;

fn id(s: &str) -> DealId {
    DealId::new(s)
}

fn lines(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

fn with_strategies() -> Plan {
    let mut plan = plan_with(&[("a", 100, Stage::P1), ("b", 200, Stage::P3)]);
    plan.set_strategies(
        &id("a"),
        Stage::P1,
        lines(&["先约技术评估者", "请高层参观样板客户"]),
        later(1),
    )
    .unwrap();
    plan
}

#[test]
fn a_deal_has_no_strategies_until_some_are_set() {
    let plan = plan_with(&[("a", 100, Stage::P1)]);
    for stage in Stage::ALL {
        assert!(plan.deals[0].strategies(stage).is_empty());
    }
}

#[test]
fn setting_a_stages_strategies_keeps_their_order_trims_them_and_leaves_out_blank_lines() {
    let mut plan = plan_with(&[("a", 100, Stage::P1)]);
    let changed = plan
        .set_strategies(
            &id("a"),
            Stage::P2,
            lines(&["  第二条在前 ", "", "   ", "第一条在后"]),
            later(5),
        )
        .unwrap();
    assert!(changed);
    let deal = &plan.deals[0];
    assert_eq!(deal.strategies(Stage::P2), ["第二条在前", "第一条在后"]);
    assert!(deal.strategies(Stage::P1).is_empty());
    assert_eq!(deal.updated, later(5));
    assert_eq!(deal.strategies_text(), "P2 1. 第二条在前\nP2 2. 第一条在后");
}

#[test]
fn the_same_list_again_changes_nothing_and_an_empty_one_removes_the_stage() {
    let mut plan = with_strategies();
    let before = plan.clone();
    let same = plan
        .set_strategies(
            &id("a"),
            Stage::P1,
            lines(&["先约技术评估者 ", "请高层参观样板客户", ""]),
            later(9),
        )
        .unwrap();
    assert!(!same);
    assert_eq!(plan, before);
    assert!(plan
        .set_strategies(&id("a"), Stage::P1, lines(&["  "]), later(10))
        .unwrap());
    assert!(plan.deals[0].strategies.is_empty());
    assert_eq!(plan.deals[0].updated, later(10));
}

#[test]
fn a_strategy_too_long_or_an_unknown_deal_is_refused_and_changes_nothing() {
    let mut plan = with_strategies();
    let before = plan.clone();
    let long = "长".repeat(MAX_STRATEGY + 1);
    assert_eq!(
        plan.set_strategies(&id("a"), Stage::P1, vec![long], later(3)),
        Err(PlanError::StrategyTooLong(MAX_STRATEGY))
    );
    assert_eq!(
        plan.set_strategies(&id("zz"), Stage::P1, lines(&["x"]), later(3)),
        Err(PlanError::NoSuchDeal(id("zz")))
    );
    assert_eq!(plan, before);
}

#[test]
fn the_reducer_sets_strategies_and_counts_a_revision_only_for_a_change() {
    let state = common::session_with(plan_with(&[("a", 100, Stage::P1)]));
    let set = |list: &[&str]| Action::SetStrategies {
        id: id("a"),
        stage: Stage::P1,
        strategies: lines(list),
        now: later(2),
    };
    let next = state.clone().reduce(set(&["策略一", "策略二"]));
    assert_eq!(next.revision, state.revision + 1);
    assert_eq!(
        next.plan.deals[0].strategies(Stage::P1),
        ["策略一", "策略二"]
    );
    let same = next.clone().reduce(set(&["策略一", "策略二"]));
    assert!(std::rc::Rc::ptr_eq(&same, &next));
}

#[test]
fn strategies_are_written_per_stage_and_read_back_the_same() {
    let plan = with_strategies();
    let text = encode(&plan, now());
    assert!(
        text.contains(r#""strategies":{"P1":["先约技术评估者","请高层参观样板客户"]}"#),
        "{text}"
    );
    let back = read(&text, Mode::Strict).unwrap().plan;
    assert_eq!(back, plan);
    // a deal without strategies writes no such field
    assert_eq!(text.matches("\"strategies\"").count(), 1);
}

#[test]
fn an_older_file_reads_with_no_strategies_and_an_empty_stage_reads_as_none() {
    let file = r#"{"format": "keyplan.plan", "version": 2, "deals": [
        {"id": "a", "name": "n", "customer": "c", "amount": 1, "stage": "P0",
         "created": "2026-01-01T00:00:00Z", "updated": "2026-01-01T00:00:00Z"},
        {"id": "b", "name": "n", "customer": "c", "amount": 1, "stage": "P0",
         "strategies": {"P0": [], "P4": ["x"]},
         "created": "2026-01-01T00:00:00Z", "updated": "2026-01-01T00:00:00Z"}]}"#;
    let plan = read(file, Mode::Strict).unwrap().plan;
    assert!(plan.deals[0].strategies.is_empty());
    assert!(plan.deals[0].extra.is_empty());
    let stages: Vec<_> = plan.deals[1].strategies.stages().collect();
    assert_eq!(stages, [(Stage::P4, lines(&["x"]).as_slice())]);
}

#[test]
fn bad_strategies_name_their_place_in_the_file() {
    let with = |strategies: &str| {
        format!(
            r#"{{"format": "keyplan.plan", "version": 2, "deals": [{{"id": "a", "name": "n", "customer": "c", "amount": 1, "stage": "P0", "strategies": {strategies}, "created": "2026-01-01T00:00:00Z", "updated": "2026-01-01T00:00:00Z"}}]}}"#
        )
    };
    let long = format!(r#"{{"P1": ["{}"]}}"#, "x".repeat(MAX_STRATEGY + 1));
    for (strategies, expected) in [
        (r#"{"P8": ["a"]}"#, "deals[0].strategies.P8: "),
        (
            r#"{"P1": "a"}"#,
            "deals[0].strategies.P1: expected an array",
        ),
        (
            r#"{"P1": [1]}"#,
            "deals[0].strategies.P1[0]: expected a string",
        ),
        (r#"["a"]"#, "deals[0].strategies: expected an object"),
        (long.as_str(), "deals[0].strategies: "),
    ] {
        let why = read(&with(strategies), Mode::Strict).unwrap_err();
        let said = said(&why);
        assert!(said.starts_with(expected), "{strategies}: {said}");
    }
}

#[test]
fn the_import_preview_lists_strategies_that_differ_and_a_merge_takes_the_newer_deal() {
    let mine = plan_with(&[("a", 100, Stage::P1), ("b", 200, Stage::P3)]);
    let theirs = with_strategies();
    let parsed = read(&encode(&theirs, now()), Mode::Lenient { now: now() }).unwrap();
    let incoming = vec![("table-1.json".to_string(), parsed)];
    let found = preview(&mine, &incoming);
    assert_eq!(found.changed.len(), 1);
    let fields: Vec<Field> = found.changed[0].fields.iter().map(|c| c.field).collect();
    assert_eq!(fields, [Field::Strategies, Field::Updated]);
    let merged = merge(&mine, &found, Rule::NewestWins, &BTreeMap::new());
    assert_eq!(
        merged.deals[0].strategies(Stage::P1),
        ["先约技术评估者", "请高层参观样板客户"]
    );
}
