//! The compiled-in method content is complete: every stage, both languages, unique stable ids.
use std::collections::HashSet;

use keyplan::domain::method::{content, Method, Text};
use keyplan::domain::Stage;

fn has_cjk(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

fn check(text: &Text, what: &str) {
    assert!(!text.zh.trim().is_empty(), "{what}: Chinese is empty");
    assert!(!text.en.trim().is_empty(), "{what}: English is empty");
    assert!(
        has_cjk(&text.zh),
        "{what}: the Chinese text has no Chinese: {:?}",
        text.zh
    );
    assert!(
        text.en.chars().filter(|c| c.is_ascii_alphabetic()).count() >= 3,
        "{what}: the English text is not English: {:?}",
        text.en
    );
    assert_ne!(text.zh, text.en, "{what}: untranslated");
}

#[test]
fn four_principles_in_both_languages() {
    let c = content();
    assert_eq!(c.principles.len(), 4);
    for (i, p) in c.principles.iter().enumerate() {
        check(p, &format!("principle {}", i + 1));
    }
    assert!(c.principles[0].zh.contains("控制过程比控制结果更重要"));
}

#[test]
fn eight_rows_in_stage_order_with_the_decks_probabilities() {
    let c = content();
    assert_eq!(c.rows.len(), 8);
    for (row, stage) in c.rows.iter().zip(Stage::ALL) {
        assert_eq!(row.stage, stage);
        assert_eq!(row.probability, stage.default_probability());
        assert!(
            (3..=120).contains(&row.stale_days),
            "{}: stale_days {}",
            stage.code(),
            row.stale_days
        );
    }
}

#[test]
fn every_row_is_complete_in_both_languages() {
    for row in &content().rows {
        let s = row.stage.code();
        check(&row.summary, &format!("{s} summary"));
        assert!(row.gate.len() >= 2, "{s}: at least two gate items");
        assert!(!row.practices.is_empty(), "{s}: management practices");
        for (i, item) in row.gate.iter().enumerate() {
            check(&item.text, &format!("{s} gate {i}"));
            assert!(!item.retired, "{s}: the default method retires nothing");
        }
        for (i, p) in row.practices.iter().enumerate() {
            check(&p.text, &format!("{s} practice {i}"));
        }
        check(&row.customer.name, &format!("{s} customer name"));
        check(&row.customer.task, &format!("{s} customer task"));
        check(&row.customer.insight, &format!("{s} customer insight"));
        let sales = &row.sales;
        check(&sales.name, &format!("{s} sales name"));
        check(&sales.activity, &format!("{s} sales activity"));
        check(&sales.strategy, &format!("{s} sales strategy"));
        assert!(!sales.steps.is_empty(), "{s}: steps");
        for (i, step) in sales.steps.iter().enumerate() {
            check(&step.title, &format!("{s} step {i} title"));
            check(&step.detail, &format!("{s} step {i} detail"));
        }
        check(&sales.success.customer, &format!("{s} success customer"));
        check(&sales.success.supplier, &format!("{s} success supplier"));
        check(&sales.success.milestone, &format!("{s} success milestone"));
        assert!(!sales.mistakes.is_empty(), "{s}: common mistakes");
        for (i, m) in sales.mistakes.iter().enumerate() {
            check(&m.text, &format!("{s} mistake {i}"));
        }
        assert!(sales.self_check.len() >= 3, "{s}: self-check questions");
        for q in &sales.self_check {
            check(&q.text, &format!("{s} self-check {}", q.id));
        }
    }
}

#[test]
fn ids_are_unique_stable_and_prefixed_by_their_stage() {
    let mut seen = HashSet::new();
    for row in &content().rows {
        let prefix = format!("{}-", row.stage.code().to_lowercase());
        let ids = row
            .gate
            .iter()
            .map(|g| g.id.as_str().to_string())
            .chain(row.sales.self_check.iter().map(|q| q.id.clone()));
        for id in ids {
            assert!(id.starts_with(&prefix), "{id} should start with {prefix}");
            assert!(
                id.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
                "{id}: a-z, 0-9 and - only"
            );
            assert!(seen.insert(id.clone()), "duplicate id {id}");
        }
    }
}

#[test]
fn the_deck_names_the_gates_of_p0_to_p4_and_ours_complete_p5_to_p7() {
    let c = content();
    let gate_zh = |stage: Stage| {
        c.row(stage)
            .gate
            .iter()
            .map(|g| g.text.zh.clone())
            .collect::<Vec<_>>()
            .join("；")
    };
    assert!(gate_zh(Stage::P0).contains("准确的项目信息"));
    assert!(gate_zh(Stage::P2).contains("确认客户立项"));
    assert!(gate_zh(Stage::P4).contains("渔网图"));
    for stage in [Stage::P0, Stage::P1, Stage::P2, Stage::P3, Stage::P4] {
        assert!(
            c.row(stage).gate.iter().all(|g| !g.ours),
            "{}: from the deck",
            stage.code()
        );
    }
    for stage in [Stage::P5, Stage::P6, Stage::P7] {
        assert!(
            c.row(stage).gate.iter().all(|g| g.ours),
            "{}: ours, marked",
            stage.code()
        );
    }
    assert_eq!(c.row(Stage::P0).gate.len(), 2);
    assert_eq!(c.row(Stage::P1).gate.len(), 4);
    assert_eq!(c.row(Stage::P2).gate.len(), 6);
    assert_eq!(c.row(Stage::P3).gate.len(), 4);
    assert_eq!(c.row(Stage::P4).gate.len(), 4);
}

#[test]
fn the_default_method_is_the_contents_rules() {
    let m = Method::default_method();
    assert_eq!(m.stages.len(), 8);
    for stage in Stage::ALL {
        assert_eq!(m.probability(stage), stage.default_probability());
        assert_eq!(m.rules(stage).gate, content().row(stage).gate);
    }
}

#[test]
fn the_compiled_in_method_is_the_repository_file_minified() {
    let file = include_str!("../src/domain/method/default_method.json");
    let compiled = include_str!(concat!(env!("OUT_DIR"), "/default_method.json"));
    let value = |text: &str| serde_json::from_str::<serde_json::Value>(text).unwrap();
    assert_eq!(value(compiled), value(file));
    // the same bytes as serde_json's compact form, but for the order of keys
    assert_eq!(
        compiled.len(),
        serde_json::to_string(&value(file)).unwrap().len(),
        "no whitespace outside strings"
    );
    assert!(
        compiled.len() * 10 < file.len() * 7,
        "{} of {}",
        compiled.len(),
        file.len()
    );
}
