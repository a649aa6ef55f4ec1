//! The stored plan (the plan-file reader's strict mode): encode/decode round trips, first run
//! versus unreadable data, unknown fields kept.
mod common;

use common::{date, now, plan_with, said, today};
use keyplan::domain::plan_file::{
    decode, decode_stored, encode, encode_pretty, Kind, NotAPlan, Stored, Unreadable, Version,
};
use keyplan::domain::sample::sample_plan;
use keyplan::domain::{Money, Stage};
use proptest::prelude::*;

#[test]
fn nothing_stored_is_a_first_run() {
    assert_eq!(decode_stored(None), Stored::Nothing);
}

#[test]
fn a_plan_round_trips_exactly() {
    let plan = sample_plan(today(), now());
    let text = encode(&plan, now());
    assert_eq!(decode_stored(Some(&text)), Stored::Plan(plan.clone()));
    assert_eq!(decode(&encode_pretty(&plan, now())).unwrap(), plan);
}

#[test]
fn the_encoding_is_the_documented_file_format() {
    let mut plan = plan_with(&[("a", 0, Stage::P3)]);
    common::deal_mut(&mut plan, 0).amount = Money::from_minor(125_000_050);
    common::deal_mut(&mut plan, 0).expected_close = Some(date("2027-03-31"));
    let value: serde_json::Value = serde_json::from_str(&encode(&plan, now())).unwrap();
    assert_eq!(value["format"], "keyplan.plan");
    assert_eq!(value["version"], 2);
    assert_eq!(value["currency"], "CNY");
    assert_eq!(value["exported_at"], "2026-11-27T09:30:00Z");
    let deal = &value["deals"][0];
    assert_eq!(deal["id"], "a");
    assert_eq!(deal["amount"].to_string(), "1250000.5");
    assert_eq!(deal["stage"], "P3");
    assert_eq!(deal["status"], "open");
    assert_eq!(deal["expected_close"], "2027-03-31");
    assert!(
        deal.get("owner").is_none(),
        "empty optional text is left out"
    );
}

#[test]
fn unknown_fields_are_kept_at_both_levels() {
    let text = r#"{"format":"keyplan.plan","version":1,"team":{"lead":"刘经理"},
        "deals":[{"id":"x","name":"n","customer":"c","amount":"12.5","stage":"P1","status":"won",
        "created":"2026-01-01T00:00:00Z","updated":"2026-01-02T00:00:00Z","crm_ref":[1,2.50]}]}"#;
    let plan = decode(text).unwrap();
    assert_eq!(plan.extra["team"]["lead"], "刘经理");
    assert_eq!(plan.deals[0].extra["crm_ref"].to_string(), "[1,2.50]");
    assert_eq!(plan.deals[0].amount, Money::from_minor(1250));
    let again = decode(&encode(&plan, now())).unwrap();
    assert_eq!(again, plan);
    assert!(encode(&plan, now()).contains("\"crm_ref\":[1,2.50]"));
}

fn unreadable(text: &str) -> Unreadable {
    match decode_stored(Some(text)) {
        Stored::Unreadable(why) => why,
        other => panic!("expected unreadable, got {other:?}"),
    }
}

#[test]
fn broken_json_reports_line_and_column() {
    let why = unreadable("{\"format\":\"keyplan.plan\",\n\"deals\":[oops");
    assert!(
        matches!(
            why,
            Unreadable::NotJson {
                line: 2,
                column: 10,
                ..
            }
        ),
        "{why:?}"
    );
    assert!(matches!(
        unreadable(""),
        Unreadable::NotJson {
            line: 1,
            column: 0,
            ..
        }
    ));
}

#[test]
fn other_json_is_not_a_plan() {
    assert_eq!(
        unreadable("[1,2]"),
        Unreadable::NotAPlan(NotAPlan::TopLevel(Kind::Array))
    );
    assert_eq!(
        said(&unreadable("[1,2]")),
        "the data is not a keyplan plan (the top level is an array, not an object)"
    );
    assert_eq!(
        unreadable(r#"{"deals":[]}"#),
        Unreadable::NotAPlan(NotAPlan::NoFormat)
    );
    assert_eq!(
        said(&unreadable(r#"{"format":"excalidraw","deals":[]}"#)),
        "the data is not a keyplan plan (\"format\" is \"excalidraw\", not \"keyplan.plan\")"
    );
}

#[test]
fn versions_are_checked() {
    assert_eq!(
        unreadable(r#"{"format":"keyplan.plan","version":3,"deals":[]}"#),
        Unreadable::FutureVersion(3)
    );
    let why = unreadable(r#"{"format":"keyplan.plan","version":"1","deals":[]}"#);
    assert_eq!(said(&why), "version: expected a number, found a string");
    let why = unreadable(r#"{"format":"keyplan.plan","deals":[]}"#);
    assert_eq!(said(&why), "version: is required");
    let why = unreadable(r#"{"format":"keyplan.plan","version":0,"deals":[]}"#);
    assert_eq!(said(&why), "version: 0 is not a plan-file version");
    assert_eq!(Version::try_from(1), Ok(Version::V1));
    assert_eq!(Version::try_from(2), Ok(Version::V2));
    assert_eq!(Version::try_from(7), Err(Unreadable::FutureVersion(7)));
    assert_eq!(Version::LATEST.number(), 2);
    assert!(
        decode(r#"{"format":"keyplan.plan","version":1,"deals":[]}"#)
            .unwrap()
            .deals
            .is_empty()
    );
}

fn deal_json(id: &str, amount: &str, stage: &str) -> String {
    format!(
        r#"{{"id":"{id}","name":"n","customer":"c","amount":{amount},"stage":"{stage}","created":"2026-01-01T00:00:00Z","updated":"2026-01-01T00:00:00Z"}}"#
    )
}

fn plan_json(deals: &[String]) -> String {
    format!(
        r#"{{"format":"keyplan.plan","version":1,"deals":[{}]}}"#,
        deals.join(",")
    )
}

#[test]
fn bad_deals_are_named_by_index() {
    let ok = deal_json("a", "1", "P0");
    let why = unreadable(&plan_json(&[ok.clone(), deal_json("b", "\"abc\"", "P0")]));
    assert_eq!(
        said(&why),
        "deals[1].amount: expected a number, found \"abc\""
    );
    let why = unreadable(&plan_json(&[ok.clone(), deal_json("b", "1", "P9")]));
    assert_eq!(
        said(&why),
        "deals[1].stage: unknown stage \"P9\" (expected P0 to P7)"
    );
    let why = unreadable(&plan_json(&[deal_json("a", "-1", "P0")]));
    assert_eq!(said(&why), "deals[0].amount: the amount is negative");
    let why = unreadable(&plan_json(&[ok.clone(), ok.clone()]));
    assert_eq!(
        said(&why),
        "deals[1]: the id \"a\" is used by an earlier deal in this file"
    );
    let why = unreadable(&plan_json(&[
        deal_json("a", "1", "P0").replace("\"name\":\"n\"", "\"name\":\" \"")
    ]));
    assert_eq!(said(&why), "deals[0].name: is required");
    let why = unreadable(r#"{"format":"keyplan.plan","version":1,"deals":{}}"#);
    assert_eq!(said(&why), "deals: expected an array, found an object");
    let why = unreadable(r#"{"format":"keyplan.plan","version":1,"currency":"rmb","deals":[]}"#);
    assert_eq!(
        said(&why),
        "currency: \"rmb\" is not an ISO 4217 currency code (three capital letters, e.g. CNY)"
    );
}

#[test]
fn a_stored_probability_over_100_is_refused() {
    let deal = deal_json("a", "1", "P0").replace("\"stage\"", "\"probability\":150,\"stage\"");
    let why = unreadable(&plan_json(&[deal]));
    assert_eq!(said(&why), "deals[0].probability: 150 is more than 100");
    let deal = deal_json("a", "1", "P0").replace("\"stage\"", "\"probability\":100,\"stage\"");
    assert_eq!(
        decode(&plan_json(&[deal])).unwrap().deals[0].probability,
        Some(100)
    );
}

#[test]
fn stored_deals_need_their_timestamps() {
    let deal = deal_json("a", "1", "P0").replace(",\"created\":\"2026-01-01T00:00:00Z\"", "");
    let why = unreadable(&plan_json(&[deal]));
    assert_eq!(said(&why), "deals[0].created: is required");
}

proptest! {
    #[test]
    fn edited_plans_round_trip(amounts in proptest::collection::vec(0i64..1_000_000_000, 0..20),
                               stages in proptest::collection::vec(0usize..8, 20)) {
        let deals: Vec<(String, i64, Stage)> = amounts
            .iter()
            .enumerate()
            .map(|(i, a)| (format!("d{i}"), *a, Stage::from_index(stages[i]).unwrap()))
            .collect();
        let refs: Vec<(&str, i64, Stage)> = deals.iter().map(|(i, a, s)| (i.as_str(), *a, *s)).collect();
        let plan = plan_with(&refs);
        prop_assert_eq!(decode(&encode(&plan, now())).unwrap(), plan);
    }

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,200}") {
        let _ = decode_stored(Some(&text));
    }
}

#[test]
fn export_file_names_are_safe_and_dated() {
    use keyplan::domain::file_name::export_file_name;
    assert_eq!(
        export_file_name(Some("销售小王团队 · 培训案例"), today(), "json"),
        "销售小王团队-培训案例-2026-11-27.json"
    );
    assert_eq!(
        export_file_name(None, today(), "csv"),
        "keyplan-2026-11-27.csv"
    );
    assert_eq!(
        export_file_name(Some("a/b:c*?"), today(), "json"),
        "a-b-c-2026-11-27.json"
    );
    assert_eq!(
        export_file_name(Some(" // "), today(), "json"),
        "keyplan-2026-11-27.json"
    );
}

#[test]
fn usage_is_a_share_of_five_mebi_characters() {
    use keyplan::session::{usage_permille, QUOTA_CHARS, WARN_PERMILLE};
    assert_eq!(QUOTA_CHARS, 5_242_880);
    assert_eq!(usage_permille(0), 0);
    assert_eq!(usage_permille(QUOTA_CHARS), 1000);
    assert_eq!(usage_permille(QUOTA_CHARS / 2), 500);
    assert_eq!(usage_permille(2_621), 0, "rounds to the nearest thousandth");
    assert_eq!(usage_permille(2_622), 1);
    assert!(usage_permille(QUOTA_CHARS * 4 / 5) >= WARN_PERMILLE);
    // 4.3 M characters: the thousandths overflow 32 bits when computed in `usize` on wasm32
    assert_eq!(usage_permille(4_300_000), 820);
    assert_eq!(usage_permille(5_000_000), 954);
}

/// What a tab compares before it overwrites tells apart every text that differs in one byte,
/// in its length alone (a trailing NUL), or not at all.
#[test]
fn the_fingerprint_tells_texts_apart_by_any_byte_and_by_length() {
    use keyplan::session::fingerprint;
    let base: Vec<u8> = (0..37u8).map(|i| b'a' + i % 26).collect();
    let text = |bytes: &[u8]| String::from_utf8(bytes.to_vec()).unwrap();
    let mut seen = std::collections::HashSet::new();
    assert!(seen.insert(fingerprint(Some(&text(&base)))));
    for at in 0..base.len() {
        let mut changed = base.clone();
        changed[at] ^= 1;
        assert!(seen.insert(fingerprint(Some(&text(&changed)))), "byte {at}");
    }
    for len in 0..base.len() {
        assert!(
            seen.insert(fingerprint(Some(&text(&base[..len])))),
            "length {len}"
        );
    }
    let mut nul = base.clone();
    nul.push(0);
    assert!(seen.insert(fingerprint(Some(&text(&nul)))));
    assert_eq!(fingerprint(None), 0);
    assert_eq!(fingerprint(Some("")) & 1, 1);
    assert_eq!(
        fingerprint(Some(&text(&base))),
        fingerprint(Some(&text(&base)))
    );
}
