//! Adapting the method: probabilities, stale limits, and gate items added, edited, reordered,
//! retired and restored.
mod common;

use common::{item, method_with};
use keyplan::domain::method::edit::MethodError;
use keyplan::domain::method::{GateId, Text};
use keyplan::domain::Stage;

fn text(zh: &str, en: &str) -> Text {
    Text {
        zh: zh.into(),
        en: en.into(),
    }
}

#[test]
fn probabilities_and_stale_limits_are_bounded() {
    let mut m = method_with(1);
    m.set_probability(Stage::P3, 35).unwrap();
    assert_eq!(m.probability(Stage::P3), 35);
    assert_eq!(
        m.set_probability(Stage::P3, 101),
        Err(MethodError::Probability(101))
    );
    assert_eq!(
        m.set_probability(Stage::P3, 300),
        Err(MethodError::Probability(300))
    );
    assert_eq!(m.probability(Stage::P3), 35);
    m.set_stale_days(Stage::P6, 3).unwrap();
    assert_eq!(m.rules(Stage::P6).stale_days, 3);
    assert_eq!(
        m.set_stale_days(Stage::P6, 0),
        Err(MethodError::StaleDays(0))
    );
    assert_eq!(
        m.set_stale_days(Stage::P6, 366),
        Err(MethodError::StaleDays(366))
    );
}

#[test]
fn added_items_get_fresh_team_ids_and_one_language_fills_both() {
    let mut m = method_with(1);
    let a = m
        .add_item(Stage::P2, text(" 拿到采购预算批文 ", ""))
        .unwrap();
    let b = m
        .add_item(Stage::P2, text("", "Budget letter received"))
        .unwrap();
    assert_eq!(a, GateId("p2-team-1".into()));
    assert_eq!(b, GateId("p2-team-2".into()));
    let gate = &m.rules(Stage::P2).gate;
    assert_eq!(gate.len(), 3);
    assert_eq!(gate[1].text, text("拿到采购预算批文", "拿到采购预算批文"));
    assert!(gate[1].ours);
    assert_eq!(
        m.add_item(Stage::P2, text("  ", "")),
        Err(MethodError::EmptyText)
    );
    assert_eq!(
        m.add_item(Stage::P2, text(&"长".repeat(301), "")),
        Err(MethodError::TextTooLong)
    );
    // a retired team item keeps its id taken
    m.set_retired(&a, true).unwrap();
    assert_eq!(
        m.add_item(Stage::P2, text("第三条", "Third")).unwrap(),
        GateId("p2-team-3".into())
    );
}

#[test]
fn edits_keep_the_id() {
    let mut m = method_with(2);
    m.edit_item(&item(Stage::P1, 1), text("新的条件", "New criterion"))
        .unwrap();
    let found = m.find_item(&item(Stage::P1, 1)).unwrap();
    assert_eq!(
        (found.0, &found.1.text),
        (Stage::P1, &text("新的条件", "New criterion"))
    );
    let nope = GateId("p1-zz".into());
    assert_eq!(
        m.edit_item(&nope, text("x", "x")),
        Err(MethodError::NoSuchItem(nope))
    );
}

#[test]
fn items_move_within_their_stage_and_stop_at_the_ends() {
    let mut m = method_with(3);
    let order = |m: &keyplan::domain::method::Method| -> Vec<String> {
        m.rules(Stage::P4)
            .gate
            .iter()
            .map(|g| g.id.as_str().to_string())
            .collect()
    };
    m.move_item(&item(Stage::P4, 2), true).unwrap();
    assert_eq!(order(&m), ["p4-a", "p4-c", "p4-b"]);
    m.move_item(&item(Stage::P4, 0), true).unwrap();
    assert_eq!(order(&m), ["p4-a", "p4-c", "p4-b"], "the first stays first");
    m.move_item(&item(Stage::P4, 1), false).unwrap();
    assert_eq!(order(&m), ["p4-a", "p4-c", "p4-b"], "the last stays last");
    m.move_item(&item(Stage::P4, 0), false).unwrap();
    assert_eq!(order(&m), ["p4-c", "p4-a", "p4-b"]);
    assert_eq!(m.rules(Stage::P3).gate.len(), 3, "other stages untouched");
}

#[test]
fn retire_and_restore() {
    let mut m = method_with(2);
    m.set_retired(&item(Stage::P0, 0), true).unwrap();
    assert_eq!(m.active_gate(Stage::P0).count(), 1);
    m.set_retired(&item(Stage::P0, 0), false).unwrap();
    assert_eq!(m.active_gate(Stage::P0).count(), 2);
}
