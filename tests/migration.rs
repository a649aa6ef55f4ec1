//! Plans saved before gates existed (the foundation's layout of format version 1) still load:
//! the default method applies, no evidence is invented, and nothing is lost on the way back out.
mod common;

use common::{method_with, now, said};
use keyplan::domain::gates::{claim_ahead, verified_stage};
use keyplan::domain::method::{Method, Text};
use keyplan::domain::plan_file::{decode, encode};
use keyplan::domain::{Money, Stage};

const FOUNDATION: &str = include_str!("fixtures/plan-v1-foundation.json");

#[test]
fn a_foundation_plan_loads_under_the_default_method() {
    let plan = decode(FOUNDATION).unwrap();
    assert_eq!(*plan.method, Method::before_evidence());
    assert_eq!(plan.deals.len(), 2);
    let deal = &plan.deals[0];
    assert!(deal.gates.is_empty() && deal.history.is_empty() && deal.self_check.is_empty());
    assert_eq!(deal.stage, Stage::P3, "the claim is kept");
    assert_eq!(
        verified_stage(&plan.method, deal),
        Stage::P0,
        "no evidence is invented"
    );
    assert!(claim_ahead(&plan.method, deal));
    assert_eq!(plan.deals[1].amount, Money::from_minor(88_000_050));
}

#[test]
fn a_foundation_plan_round_trips_without_loss() {
    let plan = decode(FOUNDATION).unwrap();
    let again = decode(&encode(&plan, now())).unwrap();
    assert_eq!(again, plan);
    let original: serde_json::Value = serde_json::from_str(FOUNDATION).unwrap();
    let written: serde_json::Value = serde_json::from_str(&encode(&plan, now())).unwrap();
    assert_eq!(
        original["deals"], written["deals"],
        "deals are written back field for field"
    );
}

#[test]
fn an_adapted_method_is_saved_with_the_plan() {
    let mut plan = decode(FOUNDATION).unwrap();
    plan.method_mut().set_probability(Stage::P3, 35).unwrap();
    let id = plan
        .method_mut()
        .add_item(
            Stage::P2,
            Text {
                zh: "拿到预算批文".into(),
                en: String::new(),
            },
        )
        .unwrap();
    plan.method_mut()
        .set_retired(
            &keyplan::domain::method::GateId("p0-info-verified".into()),
            true,
        )
        .unwrap();
    let text = encode(&plan, now());
    assert!(text.contains("\"method\""));
    let again = decode(&text).unwrap();
    assert_eq!(again.method, plan.method);
    assert_eq!(again.method.probability(Stage::P3), 35);
    assert!(again.method.find_item(&id).is_some());
}

fn with_method(method_json: &str) -> String {
    FOUNDATION.replacen(
        "\"currency\":\"CNY\",",
        &format!("\"currency\":\"CNY\",\"method\":{method_json},"),
        1,
    )
}

#[test]
fn a_broken_method_is_named() {
    let mut seven = serde_json::to_value(method_with(1)).unwrap();
    seven["stages"].as_array_mut().unwrap().pop();
    let why = decode(&with_method(&seven.to_string())).unwrap_err();
    assert_eq!(said(&why), "method.stages: expected 8 stages, found 7");

    let mut over = method_with(1);
    over.stages[2].probability = 120;
    let why = decode(&with_method(&serde_json::to_string(&over).unwrap())).unwrap_err();
    assert_eq!(
        said(&why),
        "method.stages[2].probability: 120 is more than 100"
    );

    let mut twice = method_with(1);
    twice.stages[3].gate[0].id = twice.stages[1].gate[0].id.clone();
    let why = decode(&with_method(&serde_json::to_string(&twice).unwrap())).unwrap_err();
    assert_eq!(
        said(&why),
        "method.stages[3].gate[0].id: \"p1-a\" is used twice"
    );

    let mut swapped = method_with(1);
    swapped.stages.swap(0, 1);
    let why = decode(&with_method(&serde_json::to_string(&swapped).unwrap())).unwrap_err();
    assert_eq!(said(&why), "method.stages[0].stage: expected P0, found P1");
}

/// A deal at P1 whose P0 items were ticked without evidence text, in a file of `version`
/// without a method.
fn ticked_without_evidence(version: u64) -> String {
    serde_json::json!({
        "format": "keyplan.plan", "version": version,
        "deals": [{
            "id": "d1", "name": "n", "customer": "c", "amount": 1, "stage": "P1",
            "gates": {"p0-info-accurate": {"on": "2026-10-02"}, "p0-info-verified": {"on": "2026-10-05"}},
            "created": "2026-09-30T08:00:00Z", "updated": "2026-11-20T08:00:00Z"
        }]
    })
    .to_string()
}

/// Version 2 made evidence text count for the deck's items. A plan saved before (version 1,
/// default method) keeps its verified stages: its method is the one it was saved under, and it
/// is written back as version 2 with that method spelled out, so it stays so.
#[test]
fn plans_saved_before_evidence_was_required_keep_their_verified_stages() {
    let old = decode(&ticked_without_evidence(1)).unwrap();
    assert_eq!(verified_stage(&old.method, &old.deals[0]), Stage::P1);
    let written = encode(&old, now());
    let value: serde_json::Value = serde_json::from_str(&written).unwrap();
    assert_eq!(value["version"], 2);
    assert!(
        value.get("method").is_some(),
        "the method it was saved under"
    );
    let again = decode(&written).unwrap();
    assert_eq!(verified_stage(&again.method, &again.deals[0]), Stage::P1);
    assert_eq!(again, old);

    let new = decode(&ticked_without_evidence(2)).unwrap();
    assert_eq!(*new.method, Method::default());
    assert_eq!(
        verified_stage(&new.method, &new.deals[0]),
        Stage::P0,
        "today's default needs evidence text"
    );
    let value: serde_json::Value = serde_json::from_str(&encode(&new, now())).unwrap();
    assert!(value.get("method").is_none(), "the default is not written");
}
