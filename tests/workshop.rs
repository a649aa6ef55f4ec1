//! The workshop kit's core: the tables' copies of a case, the workshop header in plan files, and
//! the trainer's comparison, its sums, counts and disagreements worked out by hand.
mod common;

use chrono::Utc;
use common::{item, method_with, now, plan_by, today};
use keyplan::domain::deal::{DealFields, GateCheck};
use keyplan::domain::import::{merge, preview, Rule};
use keyplan::domain::plan::Loss;
use keyplan::domain::plan_file::{decode, encode, encode_pretty, read, read_carefully, Mode};
use keyplan::domain::sample::sample_plan;
use keyplan::domain::workshop::compare::{
    compare, row_order, table_order, RowKey, TableFile, TableKey, SCORE_SPREAD,
};
use keyplan::domain::workshop::copies::{table_copies, workshop_id, CopiesError};
use keyplan::domain::workshop::sheet::{comparison_csv, Words};
use keyplan::domain::workshop_header::WorkshopHeader;
use keyplan::domain::{Currency, DealId, DealStatus, Money, Plan, Stage};

fn names(n: usize) -> Vec<String> {
    (1..=n).map(|i| format!("第{i}组")).collect()
}

fn id(text: &str) -> DealId {
    DealId::new(text)
}

#[test]
fn every_table_gets_the_same_case_with_its_name_the_workshop_and_the_exercise() {
    let case = sample_plan(today(), now());
    let workshop = workshop_id(1_764_322_200_000, 123_456_789);
    assert!(workshop.starts_with("w-"), "{workshop}");
    let copies = table_copies(&case, &workshop, &names(3), "  P2 的验收；讨论题 1–3 ").unwrap();
    assert_eq!(copies.len(), 3);
    let third = &copies[2];
    assert_eq!(third.file_name, "第3组-销售小王团队-培训案例.json");
    assert_eq!(
        third.plan.title.as_deref(),
        Some("第3组 · 销售小王团队 · 培训案例")
    );
    assert_eq!(
        third.plan.workshop,
        Some(WorkshopHeader {
            id: workshop.clone(),
            table: "第3组".into(),
            exercise: "P2 的验收；讨论题 1–3".into(),
        })
    );
    for copy in &copies {
        assert_eq!(copy.plan.deals, case.deals, "the same case for every table");
        assert_eq!(copy.plan.method, case.method);
        assert_eq!(copy.plan.quotas, case.quotas);
        assert_eq!(copy.plan.workshop.as_ref().unwrap().id, workshop);
    }
    // a copy prepared again from a table's copy keeps the case's title
    let again = table_copies(&third.plan, "w-2", &names(2), "").unwrap();
    assert_eq!(
        again[1].plan.title.as_deref(),
        Some("第2组 · 销售小王团队 · 培训案例")
    );
    assert_eq!(again[1].plan.workshop.as_ref().unwrap().exercise, "");
}

#[test]
fn table_copies_need_two_to_thirty_named_tables_with_different_names() {
    let case = sample_plan(today(), now());
    assert_eq!(
        table_copies(&case, "w", &names(1), ""),
        Err(CopiesError::TableCount(1))
    );
    assert_eq!(
        table_copies(&case, "w", &names(31), ""),
        Err(CopiesError::TableCount(31))
    );
    assert_eq!(table_copies(&case, "w", &names(30), "").unwrap().len(), 30);
    let blank = vec!["A".to_string(), "  ".to_string()];
    assert_eq!(
        table_copies(&case, "w", &blank, ""),
        Err(CopiesError::NoName(1))
    );
    let same = vec!["A".to_string(), "B".to_string(), " A ".to_string()];
    assert_eq!(
        table_copies(&case, "w", &same, ""),
        Err(CopiesError::SameName(2))
    );
    // names that differ only where a file name cannot would overwrite each other's file
    let same_file = vec!["A/1".to_string(), "A:1".to_string()];
    assert_eq!(
        table_copies(&case, "w", &same_file, ""),
        Err(CopiesError::SameName(1))
    );
}

#[test]
fn the_workshop_header_travels_in_the_plan_file_and_reads_the_quick_and_careful_way() {
    let case = sample_plan(today(), now());
    let copy = table_copies(&case, "w-abc", &names(2), "P1 gates")
        .unwrap()
        .remove(1)
        .plan;
    for text in [encode(&copy, now()), encode_pretty(&copy, now())] {
        assert!(text.contains("\"workshop\""), "written");
        assert_eq!(decode(&text).unwrap(), copy);
        let lenient = Mode::Lenient { now: now() };
        assert_eq!(read(&text, lenient), read_carefully(&text, lenient));
    }
    // a plan without one writes none and reads none
    assert!(!encode(&case, now()).contains("workshop"));
    // a wrong header refuses the file with the place named
    let bad = r#"{"format": "keyplan.plan", "version": 2, "workshop": {"id": "w-1"}, "deals": []}"#;
    let why = read(bad, Mode::Strict).unwrap_err();
    assert!(
        common::said(&why).contains("workshop.table"),
        "{}",
        common::said(&why)
    );
}

#[test]
fn a_table_opening_its_copy_in_an_empty_planner_takes_the_header_and_a_planner_with_deals_keeps_its_own(
) {
    let case = sample_plan(today(), now());
    let copy = table_copies(&case, "w-abc", &names(2), "")
        .unwrap()
        .remove(0);
    let parsed = read(&encode(&copy.plan, now()), Mode::Strict).unwrap();
    let incoming = [(copy.file_name.clone(), parsed)];
    let empty = Plan::default();
    let merged = merge(
        &empty,
        &preview(&empty, &incoming),
        Rule::NewestWins,
        &Default::default(),
    );
    assert_eq!(merged.workshop, copy.plan.workshop);
    let trainer = sample_plan(today(), now());
    let merged = merge(
        &trainer,
        &preview(&trainer, &incoming),
        Rule::NewestWins,
        &Default::default(),
    );
    assert_eq!(
        merged.workshop, None,
        "the trainer's plan is no table's copy"
    );
}

// ---------------------------------------------------------------------------------------------
// The comparison, by hand

fn fields(name: &str, amount: Money, stage: Stage) -> DealFields {
    DealFields {
        amount,
        ..common::fields(name, 0, stage)
    }
}

fn tick(plan: &mut Plan, deal: &str, stage: Stage, evidence: &str) {
    let check = GateCheck {
        on: today(),
        evidence: evidence.into(),
    };
    plan.check_gate(&id(deal), &item(stage, 0), check, now())
        .unwrap();
}

/// One gate item per stage; only the verified stage scores (so a score is round(100 · k / 7));
/// no decision-chain flags below P7.
fn case() -> Plan {
    let mut method = method_with(1);
    method.people.weights.gates = 100;
    method.people.weights.chain = 0;
    method.people.weights.competition = 0;
    method.people.weights.freshness = 0;
    method.people.weights.slips = 0;
    method.people.chain_from = Stage::P7;
    let mut plan = plan_by(method);
    plan.add(
        id("a"),
        fields("A", Money::from_major(1000), Stage::P2),
        now(),
    )
    .unwrap();
    plan.add(
        id("b"),
        fields("B", Money::from_minor(33_333), Stage::P1),
        now(),
    )
    .unwrap();
    plan.add(
        id("c"),
        fields("C", Money::from_major(500), Stage::P0),
        now(),
    )
    .unwrap();
    tick(&mut plan, "a", Stage::P0, "");
    tick(&mut plan, "a", Stage::P1, "");
    plan
}

fn header(workshop: &str, table: &str) -> Option<WorkshopHeader> {
    Some(WorkshopHeader {
        id: workshop.into(),
        table: table.into(),
        exercise: String::new(),
    })
}

/// Table 1 leaves the case as it is; table 2 moves B to P3 past its gates (an override) and
/// meets C's P0 and P1 gates with evidence; table 3 (no header: a stray file) loses C.
fn three_tables() -> Vec<TableFile> {
    let mut one = case();
    one.workshop = header("w-1", "第1组");
    let mut two = case();
    two.workshop = header("w-1", "第2组");
    assert!(matches!(
        two.move_deal(&id("b"), Stage::P3, "客户口头同意", now()),
        Ok(keyplan::domain::plan::MoveOutcome::Moved(Stage::P3))
    ));
    two.set_strategies(
        &id("b"),
        Stage::P3,
        vec!["约见高层".into(), "技术交流".into()],
        now(),
    )
    .unwrap();
    tick(&mut two, "c", Stage::P0, "会议纪要");
    tick(&mut two, "c", Stage::P1, "需求书");
    let mut three = case();
    three.title = Some("第3组的计划".into());
    let loss = Loss {
        lost_on: today(),
        reason: "价格".into(),
        competitor: String::new(),
        review: Default::default(),
    };
    three.lose(&id("c"), loss, now()).unwrap();
    [("1.json", one), ("2.json", two), ("3.json", three)]
        .into_iter()
        .map(|(file, plan)| TableFile {
            file: file.into(),
            plan,
        })
        .collect()
}

#[test]
fn each_tables_pipeline_is_summed_exactly_claimed_and_verified() {
    let c = compare(&three_tables(), today(), &Utc);
    assert_eq!(c.workshop.as_deref(), Some("w-1"));
    let names: Vec<&str> = c.tables.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names, ["第1组", "第2组", "第3组的计划"]);
    let stray: Vec<bool> = c.tables.iter().map(|t| t.stray).collect();
    assert_eq!(stray, [false, false, true]);
    let [one, two, three] = [&c.tables[0], &c.tables[1], &c.tables[2]];
    // open: 1000 + 333.33 + 500
    assert_eq!(one.open_deals, 3);
    assert_eq!(one.open, Money::from_minor(183_333));
    // claimed: 1000·25% + 333.33·20% + 500·10% = 250 + 66.666 + 50 = 366.666 → 366.67
    assert_eq!(one.weighted_claimed, Money::from_minor(36_667));
    // verified: A P2 (25%), B P0 (10%), C P0 (10%): 250 + 33.333 + 50 = 333.333 → 333.33
    assert_eq!(one.weighted_verified, Money::from_minor(33_333));
    assert_eq!(
        (one.gates_met, one.evidence, one.overrides.len()),
        (2, 0, 0)
    );
    // table 2: B claims P3 (30%): 250 + 99.999 + 50 = 399.999 → 400.00
    assert_eq!(two.weighted_claimed, Money::from_minor(40_000));
    // C verified P2 (25%): 250 + 33.333 + 125 = 408.333 → 408.33
    assert_eq!(two.weighted_verified, Money::from_minor(40_833));
    assert_eq!((two.gates_met, two.evidence), (4, 2));
    assert_eq!(two.overrides.len(), 1);
    assert_eq!(two.overrides[0].deal, "B");
    assert_eq!(two.overrides[0].to, Stage::P3);
    assert_eq!(two.overrides[0].reason, "客户口头同意");
    // table 3: C lost, out of the pipeline
    assert_eq!(three.open_deals, 2);
    assert_eq!(three.open, Money::from_minor(133_333));
    // 250 + 66.666 = 316.666 → 316.67; 250 + 33.333 = 283.333 → 283.33
    assert_eq!(three.weighted_claimed, Money::from_minor(31_667));
    assert_eq!(three.weighted_verified, Money::from_minor(28_333));
    // scores: round(100·k/7): A (P2) 29, B (P0) 0, C (P0) 0 → mean 9.67 → 10
    assert_eq!(one.score, Some(10));
    // table 2: C verified P2 → 29: (29 + 0 + 29) / 3 = 19.33 → 19
    assert_eq!(two.score, Some(19));
    // table 3: the open A and B: 29 / 2 = 14.5 → 15 (halves up)
    assert_eq!(three.score, Some(15));
    assert!(c.tables.iter().all(|t| t.flags == 0 && !t.other_currency));
    let strategies: Vec<usize> = c.tables.iter().map(|t| t.strategies).collect();
    assert_eq!(strategies, [0, 2, 0]);
}

#[test]
fn deals_are_matched_by_id_and_their_disagreements_are_the_discussion_points() {
    let c = compare(&three_tables(), today(), &Utc);
    let ids: Vec<&str> = c.deals.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["a", "b", "c"]);
    let [a, b, cc] = [&c.deals[0], &c.deals[1], &c.deals[2]];
    assert!(!a.disagree.any(), "nobody touched A");
    assert_eq!((a.stage_spread, a.score_spread), (0, 0));
    // B: P1, P3, P1 claimed; all verified P0
    assert!(b.disagree.stage && !b.disagree.verified && !b.disagree.status && !b.disagree.score);
    assert_eq!(b.stage_spread, 2);
    assert_eq!(
        b.cells[1].as_ref().unwrap().strategies,
        ["约见高层", "技术交流"]
    );
    assert!(b.cells[0].as_ref().unwrap().strategies.is_empty());
    let stages: Vec<Stage> = b.cells.iter().map(|c| c.as_ref().unwrap().stage).collect();
    assert_eq!(stages, [Stage::P1, Stage::P3, Stage::P1]);
    // C: verified P0, P2, P0 → scores 0, 29, 0 (spread 29 ≥ 20); table 3 lost it
    assert!(!cc.disagree.stage && cc.disagree.verified && cc.disagree.status);
    assert_eq!(cc.score_spread, 29);
    assert!(cc.score_spread >= SCORE_SPREAD && cc.disagree.score);
    let cell = cc.cells[1].as_ref().unwrap();
    assert_eq!(
        (cell.verified, cell.gates_met, cell.evidence),
        (Stage::P2, 2, 2)
    );
    assert_eq!(cc.cells[2].as_ref().unwrap().status, DealStatus::Lost);
    assert_eq!(c.disagreements(), 2);
    // discussion points first, the widest stage spread first among them
    assert_eq!(row_order(&c, RowKey::Disagreement), [1, 2, 0]);
    assert_eq!(row_order(&c, RowKey::ScoreSpread), [2, 0, 1]);
    assert_eq!(row_order(&c, RowKey::Plan), [0, 1, 2]);
}

#[test]
fn a_score_spread_below_the_threshold_is_no_disagreement_and_a_deal_one_table_added_is_none() {
    let mut tables = three_tables();
    tables.truncate(1);
    let mut other = case();
    other.workshop = header("w-1", "第2组");
    tick(&mut other, "c", Stage::P0, ""); // C verified P1: score 14, spread 14 < 20
    other
        .add(id("d"), fields("D", Money::from_major(1), Stage::P0), now())
        .unwrap();
    tables.push(TableFile {
        file: "2.json".into(),
        plan: other,
    });
    let c = compare(&tables, today(), &Utc);
    let cc = &c.deals[2];
    assert_eq!(cc.score_spread, 14);
    assert!(cc.disagree.verified && !cc.disagree.score);
    let d = &c.deals[3];
    assert_eq!(d.id.as_str(), "d");
    assert!(d.cells[0].is_none() && d.cells[1].is_some());
    assert!(!d.disagree.any(), "only one table has it");
    assert_eq!(c.disagreements(), 1);
}

#[test]
fn another_workshop_or_currency_is_flagged_and_not_summed_into_the_others() {
    let mut tables = three_tables();
    tables[2].plan.workshop = header("w-other", "第3组");
    tables[2].plan.currency = Currency::parse("USD").unwrap();
    let c = compare(&tables, today(), &Utc);
    assert_eq!(c.currency, Currency::cny());
    let three = &c.tables[2];
    assert!(three.stray && three.other_currency);
    assert_eq!(three.currency.code(), "USD");
    assert_eq!(three.name, "第3组");
    // the most common id wins, whichever file came first
    let mut reordered = three_tables();
    reordered.rotate_left(2);
    reordered[0].plan.workshop = header("w-other", "第3组");
    let c = compare(&reordered, today(), &Utc);
    assert_eq!(c.workshop.as_deref(), Some("w-1"));
    assert!(c.tables[0].stray);
}

#[test]
fn tables_sort_by_a_figure_highest_first_and_ties_keep_the_opened_order() {
    let c = compare(&three_tables(), today(), &Utc);
    assert_eq!(table_order(&c, TableKey::Opened), [0, 1, 2]);
    assert_eq!(table_order(&c, TableKey::WeightedClaimed), [1, 0, 2]);
    assert_eq!(table_order(&c, TableKey::WeightedVerified), [1, 0, 2]);
    assert_eq!(table_order(&c, TableKey::Open), [0, 1, 2]);
    assert_eq!(table_order(&c, TableKey::GatesMet), [1, 0, 2]);
    assert_eq!(table_order(&c, TableKey::Overrides), [1, 0, 2]);
    assert_eq!(table_order(&c, TableKey::Score), [1, 2, 0]);
    assert_eq!(table_order(&c, TableKey::OpenDeals), [0, 1, 2]);
    assert_eq!(table_order(&c, TableKey::Strategies), [1, 0, 2]);
}

#[test]
fn the_comparison_exports_as_csv_with_exact_amounts_and_the_discussion_points() {
    let c = compare(&three_tables(), today(), &Utc);
    let words = Words {
        table: "Table",
        file: "File",
        open_deals: "Open deals",
        open: "Open",
        claimed: "Weighted (claimed)",
        verified: "Verified",
        gates_met: "Gates met",
        evidence: "Evidence",
        overrides: "Overrides",
        flags: "Flags",
        score: "Score",
        currency: "Currency",
        stray: "Other workshop",
        deal: "Deal",
        customer: "Customer",
        stage: "Stage",
        verified_stage: "Verified stage",
        deal_score: "Deal score",
        discussion: "Discussion point",
        yes: "yes",
        strategies: "Strategies",
    };
    let csv = comparison_csv(&c, &words);
    assert!(csv.starts_with('\u{feff}'), "Excel reads the BOM");
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').split("\r\n").collect();
    assert_eq!(lines[0], "Table,File,Open deals,Open,Weighted (claimed),Verified,Gates met,Evidence,Overrides,Flags,Score,Currency,Other workshop,Strategies");
    assert_eq!(
        lines[2],
        "第2组,2.json,3,1833.33,400.00,408.33,4,2,1,0,19,CNY,,2"
    );
    assert_eq!(
        lines[3],
        "第3组的计划,3.json,2,1333.33,316.67,283.33,2,0,0,0,15,CNY,yes,0"
    );
    assert_eq!(lines[4], "");
    assert!(lines[5].starts_with(
        "Deal,Customer,第1组 Stage,第1组 Verified stage,第1组 Gates met,第1组 Evidence,第1组 Deal score,"
    ));
    assert_eq!(
        lines[7],
        "B,B 客户,P1,P0,0,0,0,,P3,P0,0,0,0,约见高层 / 技术交流,P1,P0,0,0,0,,yes"
    );
}
