//! Importing plan files: the lenient reader (every message pinned), round trips, fuzzing, and the
//! preview, merge and replace of imported deals.
mod common;

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::sync::OnceLock;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use common::{later, method_with, now, plan_with, said, today};
use keyplan::domain::category::Category;
use keyplan::domain::deal::{Field, GateCheck, StageChange, Strategies};
use keyplan::domain::import::{
    merge, preview, replace, Choice, FieldChange, FieldValue, Preview, Rule,
};
use keyplan::domain::method::{GateId, Method};
use keyplan::domain::people::{
    same_name, Attitude, Competitor, Contact, ContactId, Influence, Level, Link, LinkKind, People,
    PricePosition, Relationship, Role,
};
use keyplan::domain::plan_file::{
    check_size, decode, encode, encode_pretty, read, read_carefully, Mode, Parsed, ProblemKind,
    Rejected, Unreadable, MAX_FILE_BYTES,
};
use keyplan::domain::quota::{Quota, QuotaPeriod};
use keyplan::domain::sample::sample_plan;
use keyplan::domain::validate::check_deal;
use keyplan::domain::workshop_header::WorkshopHeader;
use keyplan::domain::{Currency, Deal, DealId, DealStatus, Money, Plan, Stage};
use keyplan::i18n::{Lang, Shown};
use proptest::prelude::*;
use proptest::test_runner::Config as ProptestConfig;
use serde_json::{json, Value};

const MIXED: &str = include_str!("fixtures/import-mixed.json");

// ---------------------------------------------------------------------------------------------
// Reading: the file as a whole

fn good_deal(id: &str) -> Value {
    json!({
        "id": id, "name": "n", "customer": "c", "amount": 1, "stage": "P0",
        "created": "2026-01-01T00:00:00Z", "updated": "2026-01-01T00:00:00Z"
    })
}

fn file_with(deals: Vec<Value>) -> String {
    json!({"format": "keyplan.plan", "version": 1, "deals": deals}).to_string()
}

/// A top-level field set to `value` in an otherwise valid, empty plan file.
fn file_with_field(key: &str, value: Value) -> String {
    let mut file = json!({"format": "keyplan.plan", "version": 1, "deals": []});
    file[key] = value;
    file.to_string()
}

/// Reads an imported file as the import does (timestamps missing: the time of the import).
fn parse_file(text: &str) -> Result<Parsed, Unreadable> {
    read(text, Mode::Lenient { now: now() })
}

/// A rejection as the import preview shows it in English.
fn shown(rejected: &Rejected) -> String {
    Lang::En.rejected(rejected)
}

/// What is wrong with a rejected deal, without the path.
fn message(rejected: &Rejected) -> String {
    Lang::En.read_problem(&rejected.problem.kind)
}

fn refused(text: &str) -> Unreadable {
    match parse_file(text) {
        Err(why) => why,
        Ok(parsed) => panic!("expected the file to be refused, got {parsed:?}"),
    }
}

#[test]
fn a_file_with_bad_deals_imports_the_good_ones_and_lists_the_bad() {
    let parsed = parse_file(MIXED).unwrap();
    let ids: Vec<&str> = parsed.plan.deals.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["east-01", "east-03"]);
    let rejected: Vec<(usize, Option<&str>, String)> = parsed
        .rejected
        .iter()
        .map(|r| (r.index, r.id.as_deref(), shown(r)))
        .collect();
    assert_eq!(
        rejected,
        [
            (
                1,
                Some("east-02"),
                "deals[1].amount: expected a number, found \"abc\"".to_string()
            ),
            (
                3,
                Some("east-01"),
                "deals[3]: the id \"east-01\" is used by an earlier deal in this file".to_string()
            ),
        ]
    );
    assert_eq!(
        Lang::Zh.rejected(&parsed.rejected[0]),
        "第 2 个项目 · 金额：应为数字，实际是 \"abc\""
    );
    let plan = &parsed.plan;
    assert_eq!(plan.title.as_deref(), Some("华东团队"));
    assert_eq!(*plan.method, Method::before_evidence(), "a version-1 file");
    assert_eq!(plan.quotas.len(), 1);
    assert_eq!(plan.deals[0].amount, Money::from_minor(125_000_050));
    assert_eq!(plan.deals[1].status, DealStatus::Won);
    assert_eq!(plan.deals[1].closed_on, Some(common::date("2026-11-20")));
}

#[test]
fn unknown_fields_are_kept_at_both_levels() {
    let plan = parse_file(MIXED).unwrap().plan;
    assert_eq!(plan.extra["team"]["lead"], "刘经理");
    assert_eq!(
        plan.extra.keys().collect::<Vec<_>>(),
        ["team"],
        "format, version and exported_at are read, not kept"
    );
    assert_eq!(plan.deals[0].extra["crm_ref"].to_string(), "[1,2.50]");
    let written = encode(&plan, now());
    assert!(written.contains("\"crm_ref\":[1,2.50]"), "{written}");
    assert!(written.contains("\"team\":{\"lead\":\"刘经理\",\"size\":4}"));
    assert_eq!(decode(&written).unwrap(), plan);

    let mut deal = good_deal("a");
    deal["x_null"] = Value::Null;
    let plan = parse_file(&file_with(vec![deal])).unwrap().plan;
    assert_eq!(plan.deals[0].extra["x_null"], Value::Null);
}

#[test]
fn numeric_string_amounts_are_accepted() {
    for (amount, minor) in [
        (json!("1250000.50"), 125_000_050),
        (json!(" 12 "), 1_200),
        (json!("1.5e6"), 150_000_000),
        (json!(0.1), 10),
        (json!("999999999999.99"), 99_999_999_999_999),
    ] {
        let mut deal = good_deal("a");
        deal["amount"] = amount.clone();
        let parsed = parse_file(&file_with(vec![deal])).unwrap();
        assert_eq!(parsed.rejected, [], "{amount}");
        assert_eq!(
            parsed.plan.deals[0].amount,
            Money::from_minor(minor),
            "{amount}"
        );
    }
}

#[test]
fn lenient_forms_are_read() {
    let mut deal = good_deal("a");
    deal["stage"] = json!("p3");
    deal["owner"] = Value::Null;
    deal["expected_close"] = Value::Null;
    deal["updated"] = json!("2026-01-01T08:00:00+08:00");
    let text = format!("\u{feff}{}", file_with(vec![deal]));
    let parsed = parse_file(&text).unwrap();
    assert_eq!(parsed.rejected, []);
    let deal = &parsed.plan.deals[0];
    assert_eq!(deal.stage, Stage::P3);
    assert_eq!(deal.owner, "");
    assert_eq!(deal.expected_close, None);
    assert_eq!(
        deal.updated,
        Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap()
    );
    assert!(
        deal.extra.is_empty(),
        "known fields set to null are not kept"
    );
}

#[test]
fn an_oversized_file_is_refused_with_the_limit() {
    let valid = file_with(vec![good_deal("a")]);
    let mut text = valid.clone();
    text.push_str(&" ".repeat(MAX_FILE_BYTES - valid.len()));
    assert_eq!(text.len(), MAX_FILE_BYTES);
    assert_eq!(
        parse_file(&text).unwrap().plan.deals.len(),
        1,
        "the limit itself is fine"
    );
    text.push(' ');
    let why = refused(&text);
    assert_eq!(
        said(&why),
        "file: 20,971,521 bytes is more than the limit of 20,971,520 bytes (20 MB)"
    );
    assert_eq!(check_size(MAX_FILE_BYTES), Ok(()));
    assert_eq!(check_size(MAX_FILE_BYTES + 1), Err(why));
    assert_eq!(MAX_FILE_BYTES, 20 * 1024 * 1024);
}

#[test]
fn broken_json_reports_line_and_column() {
    let why = refused("{\"format\":\"keyplan.plan\",\n\"deals\":[oops");
    assert_eq!(
        why,
        Unreadable::NotJson {
            line: 2,
            column: 10,
            ended_early: false
        }
    );
    assert_eq!(said(&why), "the data is not valid JSON (line 2, column 10)");
    assert!(matches!(
        refused(""),
        Unreadable::NotJson {
            line: 1,
            column: 0,
            ..
        }
    ));
}

#[test]
fn other_json_is_not_a_plan() {
    for (text, message) in [
        ("[1,2]", "the top level is an array, not an object"),
        ("\"keyplan\"", "the top level is a string, not an object"),
        (
            r#"{"deals":[]}"#,
            "there is no \"format\": \"keyplan.plan\" field",
        ),
        (
            r#"{"format":"excalidraw","deals":[]}"#,
            "\"format\" is \"excalidraw\", not \"keyplan.plan\"",
        ),
        (
            r#"{"format":7,"deals":[]}"#,
            "\"format\" is a number, not \"keyplan.plan\"",
        ),
        (
            r#"{"format":null,"deals":[]}"#,
            "\"format\" is null, not \"keyplan.plan\"",
        ),
    ] {
        assert_eq!(
            said(&refused(text)),
            format!("the data is not a keyplan plan ({message})"),
            "{text}"
        );
    }
}

#[test]
fn a_future_version_is_refused() {
    let why = refused(r#"{"format":"keyplan.plan","version":3,"deals":[]}"#);
    assert_eq!(why, Unreadable::FutureVersion(3));
    assert_eq!(
        said(&why),
        "the data was saved by a newer keyplan (format version 3) that this copy can't read"
    );
}

#[test]
fn frame_errors_name_the_field() {
    let cases: Vec<(String, &str)> = vec![
        (
            r#"{"format":"keyplan.plan","version":"1","deals":[]}"#.into(),
            "version: expected a number, found a string",
        ),
        (
            r#"{"format":"keyplan.plan","version":1.5,"deals":[]}"#.into(),
            "version: 1.5 is not a version number",
        ),
        (
            r#"{"format":"keyplan.plan","version":0,"deals":[]}"#.into(),
            "version: 0 is not a plan-file version",
        ),
        (
            r#"{"format":"keyplan.plan","deals":[]}"#.into(),
            "version: is required",
        ),
        (
            r#"{"format":"keyplan.plan","version":null,"deals":[]}"#.into(),
            "version: expected a number, found null",
        ),
        (
            file_with_field("deals", Value::Null),
            "deals: expected an array, found null",
        ),
        (
            r#"{"format":"keyplan.plan","version":1}"#.into(),
            "deals: is required",
        ),
        (
            file_with_field("deals", json!({})),
            "deals: expected an array, found an object",
        ),
        (
            file_with_field("title", json!(5)),
            "title: expected a string, found a number",
        ),
        (
            file_with_field("currency", json!("rmb")),
            "currency: \"rmb\" is not an ISO 4217 currency code (three capital letters, e.g. CNY)",
        ),
        (
            file_with_field("currency", json!(["CNY"])),
            "currency: expected a string, found an array",
        ),
        (
            file_with_field("exported_at", json!("now")),
            "exported_at: \"now\" is not a date and time (expected RFC 3339, e.g. 2026-11-27T09:30:00Z)",
        ),
        (
            file_with_field("quotas", json!({})),
            "quotas: expected an array, found an object",
        ),
        (
            file_with_field("quotas", json!(["x"])),
            "quotas[0]: expected an object, found a string",
        ),
        (
            file_with_field("quotas", json!([{"amount": 1}])),
            "quotas[0].period: is required",
        ),
        (
            file_with_field("quotas", json!([{"period": "2026", "amount": 1}])),
            "quotas[0].period: \"2026\" is not a month (2026-11) or a quarter (2026-Q4)",
        ),
        (
            file_with_field("quotas", json!([{"period": "2026-11", "amount": "abc"}])),
            "quotas[0].amount: expected a number, found \"abc\"",
        ),
        (
            file_with_field(
                "quotas",
                json!([{"period": "2026-11", "amount": 1}, {"owner": 3, "period": "2026-Q4", "amount": 1}]),
            ),
            "quotas[1].owner: expected a string, found a number",
        ),
    ];
    for (text, message) in cases {
        assert_eq!(said(&refused(&text)), message, "{text}");
    }
}

fn method_value(edit: impl FnOnce(&mut Value)) -> String {
    let mut method = serde_json::to_value(method_with(1)).unwrap();
    edit(&mut method);
    file_with_field("method", method)
}

#[test]
fn a_bad_method_is_named() {
    let cases: Vec<(String, &str)> = vec![
        (
            file_with_field("method", json!([])),
            "method: expected an object, found an array",
        ),
        (
            file_with_field("method", json!({})),
            "method.stages: is required",
        ),
        (
            method_value(|m| {
                m["stages"].as_array_mut().unwrap().pop();
            }),
            "method.stages: expected 8 stages, found 7",
        ),
        (
            method_value(|m| m["stages"][2]["probability"] = json!(120)),
            "method.stages[2].probability: 120 is more than 100",
        ),
        (
            method_value(|m| m["stages"][2]["probability"] = json!(12.5)),
            "method.stages[2].probability: 12.5 is not a whole number",
        ),
        (
            method_value(|m| m["stages"][0]["stale_days"] = json!(-1)),
            "method.stages[0].stale_days: -1 is not a whole number",
        ),
        (
            method_value(|m| m["stages"][3]["gate"][0]["id"] = json!("p1-a")),
            "method.stages[3].gate[0].id: \"p1-a\" is used twice",
        ),
        (
            method_value(|m| m["stages"].as_array_mut().unwrap().swap(0, 1)),
            "method.stages[0].stage: expected P0, found P1",
        ),
        (
            method_value(|m| m["stages"][4]["gate"][0]["text"]["en"] = json!(null)),
            "method.stages[4].gate[0].text.en: expected a string, found null",
        ),
        (
            method_value(|m| m["stages"][4]["gate"][0]["retired"] = json!("yes")),
            "method.stages[4].gate[0].retired: expected true or false, found a string",
        ),
    ];
    for (text, message) in cases {
        assert_eq!(said(&refused(&text)), message);
    }
    let parsed = parse_file(&method_value(|_| {})).unwrap();
    assert_eq!(*parsed.plan.method, method_with(1));
}

// ---------------------------------------------------------------------------------------------
// Reading: one deal at a time

/// The rejection of `deal`, read in a file after a good deal (which must still be imported).
fn rejection(deal: Value) -> Rejected {
    let parsed = parse_file(&file_with(vec![good_deal("good"), deal.clone()])).unwrap();
    assert_eq!(parsed.plan.deals.len(), 1, "{deal}");
    assert_eq!(parsed.plan.deals[0].id.as_str(), "good");
    assert_eq!(parsed.rejected.len(), 1, "{deal}");
    parsed.rejected[0].clone()
}

fn with(field: &str, value: Value) -> Value {
    let mut deal = good_deal("x");
    deal[field] = value;
    deal
}

fn without(field: &str) -> Value {
    let mut deal = good_deal("x");
    deal.as_object_mut().unwrap().remove(field);
    deal
}

#[test]
fn each_deal_error_names_the_path_and_what_was_found() {
    let long_name = "名".repeat(201);
    let long_notes = "n".repeat(10_001);
    let cases: Vec<(Value, &str)> = vec![
        (with("amount", json!("abc")), "deals[1].amount: expected a number, found \"abc\""),
        (with("amount", json!("")), "deals[1].amount: expected a number, found \"\""),
        (with("amount", json!(true)), "deals[1].amount: expected a number, found a boolean"),
        (with("amount", json!(null)), "deals[1].amount: expected a number, found null"),
        (with("amount", json!(12.345)), "deals[1].amount: the amount has more than two decimals"),
        (with("amount", json!("1.001")), "deals[1].amount: the amount has more than two decimals"),
        (with("amount", json!(-1)), "deals[1].amount: the amount is negative"),
        (with("amount", json!(1e12)), "deals[1].amount: the amount is larger than 999,999,999,999.99"),
        (without("amount"), "deals[1].amount: is required"),
        (with("stage", json!("P9")), "deals[1].stage: unknown stage \"P9\" (expected P0 to P7)"),
        (with("stage", json!(3)), "deals[1].stage: expected a string, found a number"),
        (without("stage"), "deals[1].stage: is required"),
        (
            with("status", json!("closed")),
            "deals[1].status: unknown status \"closed\" (expected open, won or lost)",
        ),
        (
            with("expected_close", json!("2026-02-30")),
            "deals[1].expected_close: \"2026-02-30\" is not a date (expected YYYY-MM-DD)",
        ),
        (
            with("closed_on", json!("2026/01/01")),
            "deals[1].closed_on: \"2026/01/01\" is not a date (expected YYYY-MM-DD)",
        ),
        (
            with("expected_close", json!(20260101)),
            "deals[1].expected_close: expected a string, found a number",
        ),
        (with("id", json!(7)), "deals[1].id: expected a string, found a number"),
        (without("id"), "deals[1].id: is required"),
        (with("id", json!(" ")), "deals[1].id: is required"),
        (with("id", json!("good")), "deals[1]: the id \"good\" is used by an earlier deal in this file"),
        (with("name", json!(" ")), "deals[1].name: is required"),
        (without("name"), "deals[1].name: is required"),
        (with("name", json!(long_name)), "deals[1].name: is longer than 200 characters"),
        (with("customer", json!([])), "deals[1].customer: expected a string, found an array"),
        (with("owner", json!(5)), "deals[1].owner: expected a string, found a number"),
        (with("notes", json!(long_notes)), "deals[1].notes: is longer than 10000 characters"),
        (with("probability", json!(120)), "deals[1].probability: 120 is more than 100"),
        (with("probability", json!(12.5)), "deals[1].probability: 12.5 is not a whole number"),
        (with("probability", json!("35")), "deals[1].probability: expected a number, found a string"),
        (
            with("category", json!("maybe")),
            "deals[1].category: unknown forecast category \"maybe\" (expected pipeline, best_case, commit or closed)",
        ),
        (with("gates", json!([])), "deals[1].gates: expected an object, found an array"),
        (
            with("gates", json!({"p0-a": "yes"})),
            "deals[1].gates.p0-a: expected an object, found a string",
        ),
        (
            with("gates", json!({"p0-a": {"on": "x"}})),
            "deals[1].gates.p0-a.on: \"x\" is not a date (expected YYYY-MM-DD)",
        ),
        (
            with("gates", json!({"p0-a": {"evidence": "x"}})),
            "deals[1].gates.p0-a.on: is required",
        ),
        (
            with("history", json!([{"from": "P0", "to": "P1", "at": "yesterday"}])),
            "deals[1].history[0].at: \"yesterday\" is not a date and time (expected RFC 3339, e.g. 2026-11-27T09:30:00Z)",
        ),
        (
            with("history", json!([{"from": "P0", "to": "P8", "at": "2026-01-01T00:00:00Z"}])),
            "deals[1].history[0].to: unknown stage \"P8\" (expected P0 to P7)",
        ),
        (
            with(
                "history",
                json!([{"from": "P0", "to": "P1", "at": "2026-01-01T00:00:00Z", "missing": ["p0-a", 2]}]),
            ),
            "deals[1].history[0].missing[1]: expected a string, found a number",
        ),
        (with("self_check", json!("x")), "deals[1].self_check: expected an array, found a string"),
        (
            with("updated", json!("2026-13-01T00:00:00Z")),
            "deals[1].updated: \"2026-13-01T00:00:00Z\" is not a date and time (expected RFC 3339, e.g. 2026-11-27T09:30:00Z)",
        ),
        (json!("a deal"), "deals[1]: expected an object, found a string"),
        (json!(null), "deals[1]: expected an object, found null"),
    ];
    for (deal, message) in cases {
        assert_eq!(shown(&rejection(deal.clone())), message, "{deal}");
    }
}

#[test]
fn a_rejection_carries_index_id_and_path() {
    let rejected = rejection(with("stage", json!("P9")));
    assert_eq!((rejected.index, rejected.id.as_deref()), (1, Some("x")));
    assert_eq!(rejected.problem.path, "deals[1].stage");
    assert_eq!(
        message(&rejected),
        "unknown stage \"P9\" (expected P0 to P7)"
    );
    assert_eq!(rejection(with("id", json!(7))).id, None);
    assert_eq!(rejection(json!([])).id, None);
}

#[test]
fn found_values_are_quoted_escaped_and_cut() {
    let long = "x".repeat(100);
    assert_eq!(
        message(&rejection(with("amount", json!(long)))),
        format!("expected a number, found \"{}…\"", "x".repeat(40))
    );
    assert_eq!(
        message(&rejection(with("stage", json!("P\"9\n")))),
        "unknown stage \"P\\\"9\" (expected P0 to P7)",
        "stage codes are trimmed, then quoted as JSON"
    );
    let key = "k".repeat(100);
    assert_eq!(
        rejection(with("gates", json!({ key: "yes" }))).problem.path,
        format!("deals[1].gates.{}…", "k".repeat(40))
    );
    let digits = format!("1.{}", "1".repeat(60));
    assert_eq!(
        message(&rejection(with(
            "probability",
            serde_json::from_str(&digits).unwrap()
        ))),
        format!("{}… is not a whole number", &digits[..40])
    );
}

#[test]
fn unknown_numbers_are_kept_exactly_as_written() {
    let big = "18446744073709551616";
    let mut deal = good_deal("x");
    deal["crm"] =
        serde_json::from_str(&format!(r#"{{"refs": [1, {big}, -9223372036854775809]}}"#)).unwrap();
    deal["far"] = serde_json::from_str("[1e400, 18446744073709551615, 2.50]").unwrap();
    let text = file_with_field("x_far", serde_json::from_str("1e400").unwrap())
        .replace(r#""deals":[]"#, &format!(r#""deals":[{deal}]"#));
    let plan = parse_file(&text).unwrap().plan;
    assert_eq!(plan.deals.len(), 1);
    let written = encode(&plan, now());
    assert!(
        written.contains(&format!("[1,{big},-9223372036854775809]")),
        "{written}"
    );
    assert!(
        written.contains("[1e+400,18446744073709551615,2.50]"),
        "{written}"
    );
    assert!(written.contains("\"x_far\":1e+400"), "{written}");
    assert_eq!(
        decode(&written).unwrap(),
        plan,
        "what an import takes, the stored plan reads back"
    );
}

#[test]
fn huge_exponents_are_too_large_not_a_crash() {
    for (text, message) in [
        (
            "1e2147483647",
            "the amount is larger than 999,999,999,999.99",
        ),
        (
            "1e99999999999999999999",
            "the amount is larger than 999,999,999,999.99",
        ),
        ("1.5e-2147483648", "the amount has more than two decimals"),
    ] {
        let deal = with("amount", serde_json::from_str(text).unwrap());
        assert_eq!(self::message(&rejection(deal)), message, "{text}");
        let deal = with("amount", json!(text));
        assert_eq!(self::message(&rejection(deal)), message, "\"{text}\"");
    }
    let mut deal = good_deal("a");
    deal["amount"] = serde_json::from_str("0e2147483647").unwrap();
    let parsed = parse_file(&file_with(vec![deal])).unwrap();
    assert_eq!(parsed.plan.deals[0].amount, Money::ZERO);
}

#[test]
fn an_earlier_rejected_deal_still_claims_its_id() {
    let mut bad = good_deal("a");
    bad["amount"] = json!("abc");
    let parsed = parse_file(&file_with(vec![bad, good_deal("a"), good_deal("b")])).unwrap();
    assert_eq!(parsed.plan.deals.len(), 1);
    assert_eq!(parsed.plan.deals[0].id.as_str(), "b");
    let listed: Vec<String> = parsed.rejected.iter().map(shown).collect();
    assert_eq!(
        listed,
        [
            "deals[0].amount: expected a number, found \"abc\"",
            "deals[1]: the id \"a\" is used by an earlier deal in this file",
        ]
    );
}

#[test]
fn the_first_problem_of_a_deal_is_named_in_file_format_order() {
    let mut deal = good_deal("x");
    deal["amount"] = json!("abc");
    deal["stage"] = json!("P9");
    deal["name"] = json!(" ");
    assert_eq!(rejection(deal).problem.path, "deals[1].amount");
}

#[test]
fn valid_files_read_the_same_as_the_strict_reader() {
    let sample = sample_plan(today(), now());
    for text in [
        encode(&sample, now()),
        encode_pretty(&sample, now()),
        include_str!("fixtures/plan-v1-foundation.json").to_string(),
    ] {
        let parsed = parse_file(&text).unwrap();
        assert_eq!(parsed.rejected, []);
        assert_eq!(parsed.plan, decode(&text).unwrap());
    }
}

// ---------------------------------------------------------------------------------------------
// Reading: lone surrogate escapes (`\ud800` without its pair) cost the deal they are in

/// A file of deals `a`, `b` and `c` whose deal `b` has `notes` written as `raw` JSON text.
fn file_with_b_notes(raw: &str) -> String {
    let mut b = good_deal("b");
    b["notes"] = json!("@NOTES@");
    file_with(vec![good_deal("a"), b, good_deal("c")]).replace("\"@NOTES@\"", raw)
}

#[test]
fn a_lone_surrogate_rejects_only_its_deal_with_its_path() {
    for raw in [
        r#""\ud800""#,
        r#""\udc00""#,
        r#""before \uD800 after""#,
        r#""\ud800\u0041""#,
        r#""\ud83d\ud83d\ude00""#,
        r#""\udc00\ud800""#,
        r#""\ud800\\""#,
    ] {
        let parsed = parse_file(&file_with_b_notes(raw)).unwrap_or_else(|e| panic!("{raw}: {e:?}"));
        assert_eq!(ids(&parsed.plan.deals), ["a", "c"], "{raw}");
        assert_eq!(parsed.rejected.len(), 1, "{raw}");
        let rejected = &parsed.rejected[0];
        assert_eq!((rejected.index, rejected.id.as_deref()), (1, Some("b")));
        assert_eq!(rejected.problem.path, "deals[1].notes", "{raw}");
        assert_eq!(rejected.problem.kind, ProblemKind::LoneSurrogate, "{raw}");
    }
    let parsed = parse_file(&file_with_b_notes(r#""\ud800""#)).unwrap();
    assert_eq!(
        shown(&parsed.rejected[0]),
        "deals[1].notes: has a broken character, a \\u escape of half a UTF-16 surrogate pair \
         (\\ud800 to \\udfff) without its other half; the file is damaged here"
    );
    assert_eq!(
        Lang::Zh.rejected(&parsed.rejected[0]),
        "第 2 个项目 · 备注：含有损坏的字符，即只有 UTF-16 代理对一半的 \\u 转义\
         （\\ud800 至 \\udfff），缺少另一半；文件在此处已损坏"
    );
}

#[test]
fn a_lone_surrogate_is_named_wherever_it_is_in_a_deal() {
    let deal = |edit: &dyn Fn(&mut Value)| {
        let mut b = good_deal("b");
        edit(&mut b);
        let text = file_with(vec![good_deal("a"), b]).replace("@LONE@", "\\udfff");
        let parsed = parse_file(&text).unwrap();
        assert_eq!(ids(&parsed.plan.deals), ["a"]);
        let rejected = parsed.rejected[0].clone();
        assert_eq!(rejected.problem.kind, ProblemKind::LoneSurrogate);
        (rejected.id, rejected.problem.path)
    };
    let b = Some("b".to_string());
    assert_eq!(
        deal(&|d| d["id"] = json!("b@LONE@")),
        (None, "deals[1].id".into())
    );
    assert_eq!(
        deal(&|d| d["amount"] = json!("1@LONE@")),
        (b.clone(), "deals[1].amount".into())
    );
    assert_eq!(
        deal(&|d| d["gates"] = json!({"p0-x": {"on": "2026-01-01", "evidence": "@LONE@"}})),
        (b.clone(), "deals[1].gates.p0-x.evidence".into())
    );
    assert_eq!(
        deal(
            &|d| d["history"] = json!([{"from": "P0", "to": "P1", "at": "2026-01-01T00:00:00Z", "reason": "x@LONE@"}])
        ),
        (b.clone(), "deals[1].history[0].reason".into())
    );
    assert_eq!(
        deal(&|d| d["crm"] = json!({"ref": ["@LONE@"]})),
        (b.clone(), "deals[1].crm.ref[0]".into())
    );
    assert_eq!(
        deal(&|d| d["crm@LONE@"] = json!(1)),
        (b.clone(), "deals[1].crm\u{FFFD}".into())
    );
}

#[test]
fn a_lone_surrogate_outside_the_deals_refuses_the_file_with_its_path() {
    let refused_at = |key: &str, value: Value| {
        let mut file = json!({"format": "keyplan.plan", "version": 1, "deals": [good_deal("a")]});
        file[key] = value;
        match refused(&file.to_string().replace("@LONE@", "\\ud800")) {
            Unreadable::Invalid(problem) => {
                assert_eq!(problem.kind, ProblemKind::LoneSurrogate);
                problem.path
            }
            other => panic!("{other:?}"),
        }
    };
    assert_eq!(refused_at("title", json!("华东@LONE@团队")), "title");
    assert_eq!(refused_at("team", json!({"lead": "@LONE@"})), "team.lead");
    assert_eq!(
        refused_at(
            "quotas",
            json!([{"owner": "@LONE@", "period": "2026-Q4", "amount": 1}])
        ),
        "quotas[0].owner"
    );
    let why = refused(&file_with_field("title", json!("@LONE@")).replace("@LONE@", "\\ud800"));
    assert_eq!(
        Lang::En.unreadable(&why),
        "field title is wrong: has a broken character, a \\u escape of half a UTF-16 surrogate \
         pair (\\ud800 to \\udfff) without its other half; the file is damaged here"
    );
    // what the browser holds is read strictly: a damaged deal makes it unreadable, with the path
    let text = file_with_b_notes(r#""\udc00""#);
    match decode(&text) {
        Err(Unreadable::Invalid(problem)) => {
            assert_eq!(
                (problem.path.as_str(), problem.kind),
                ("deals[1].notes", ProblemKind::LoneSurrogate)
            )
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn pairs_escaped_backslashes_and_noncharacters_are_text() {
    let parsed = parse_file(&file_with_b_notes(r#""\ud83d\ude00 \\ud800 \\\\udc00""#)).unwrap();
    assert_eq!(parsed.rejected, []);
    assert_eq!(parsed.plan.deals[1].notes, "😀 \\ud800 \\\\udc00");
    // a file that uses the first candidate marks itself keeps them, and still names the damage
    let mut a = good_deal("a");
    a["notes"] = json!("\u{FDD0}");
    let mut c = good_deal("c");
    c["notes"] = json!("@C@");
    let text = file_with(vec![a, good_deal("b"), c])
        .replace("\"id\":\"b\"", "\"id\":\"b\",\"notes\":\"\\ud800\"")
        .replace("@C@", "\\ufdd1");
    let parsed = parse_file(&text).unwrap();
    assert_eq!(ids(&parsed.plan.deals), ["a", "c"]);
    assert_eq!(parsed.plan.deals[0].notes, "\u{FDD0}");
    assert_eq!(parsed.plan.deals[1].notes, "\u{FDD1}");
    assert_eq!(parsed.rejected[0].problem.path, "deals[1].notes");
}

#[test]
fn other_problems_keep_their_line_and_column_next_to_a_lone_surrogate() {
    let broken = |escape: &str| {
        let text = format!(
            "{{\"format\":\"keyplan.plan\",\"version\":1,\n\"title\":\"{escape}\",\"deals\":[oops"
        );
        refused(&text)
    };
    let Unreadable::NotJson { line, column, .. } = broken("\\ud800") else {
        panic!("not reported as JSON")
    };
    assert_eq!((line, column), (2, 27));
    assert_eq!(broken("\\ud800"), broken("\\u0041"));
}

/// Where a lone surrogate can be put in a deal: a string value (JSON pointer) or a key (the
/// pointer of its object, the key); and the path the reader names for it.
#[derive(Clone, Debug)]
enum Spot {
    Value(String),
    Key(String, String),
}

/// Every string and key under `value`, with the path the reader gives it.
fn spots(value: &Value, pointer: &str, path: &str, out: &mut Vec<(Spot, String)>) {
    let join = |key: &str| {
        if path.is_empty() {
            key.to_string()
        } else {
            format!("{path}.{key}")
        }
    };
    match value {
        Value::String(_) => out.push((Spot::Value(pointer.to_string()), path.to_string())),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                spots(
                    item,
                    &format!("{pointer}/{i}"),
                    &format!("{path}[{i}]"),
                    out,
                );
            }
        }
        Value::Object(map) => {
            for (key, item) in map {
                let escaped = key.replace('~', "~0").replace('/', "~1");
                out.push((
                    Spot::Key(pointer.to_string(), key.clone()),
                    join(&format!("{key}@SHOWN@")),
                ));
                spots(item, &format!("{pointer}/{escaped}"), &join(key), out);
            }
        }
        _ => {}
    }
}

/// Lone surrogate escapes as files hold them, and how a path shows each.
fn lone_escape() -> impl Strategy<Value = (&'static str, &'static str)> {
    proptest::sample::select(vec![
        ("\\ud800", "\u{FFFD}"),
        ("\\uDBFF", "\u{FFFD}"),
        ("\\udc00", "\u{FFFD}"),
        ("\\uDFFF", "\u{FFFD}"),
        ("\\ud800\\u0041", "\u{FFFD}A"),
        ("\\ud83d\\ud83d", "\u{FFFD}\u{FFFD}"),
        ("\\udc00\\ud800", "\u{FFFD}\u{FFFD}"),
    ])
}

/// Stands in for the escape until the file is written out (private use: no generated text has it).
const LONE: &str = "\u{E000}LONE\u{E000}";

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn a_lone_surrogate_in_any_one_deal_rejects_exactly_that_deal(
        plan in plan(),
        (deal_pick, spot_pick) in (any::<usize>(), any::<usize>()),
        (escape, shown_as) in lone_escape(),
        pretty in any::<bool>(),
    ) {
        prop_assume!(!plan.deals.is_empty());
        let k = deal_pick % plan.deals.len();
        let mut file: Value = serde_json::from_str(&encode(&plan, now())).unwrap();
        let mut places = Vec::new();
        spots(&file["deals"][k], &format!("/deals/{k}"), &format!("deals[{k}]"), &mut places);
        let (spot, path) = places[spot_pick % places.len()].clone();
        let path = path.replace("@SHOWN@", shown_as);
        match &spot {
            Spot::Value(pointer) => {
                let text = file.pointer_mut(pointer).unwrap();
                *text = Value::String(format!("{}{LONE}", text.as_str().unwrap()));
            }
            Spot::Key(pointer, key) => {
                let object = file.pointer_mut(pointer).unwrap().as_object_mut().unwrap();
                let item = object.remove(key).unwrap();
                object.insert(format!("{key}{LONE}"), item);
            }
        }
        let text = if pretty { serde_json::to_string_pretty(&file) } else { serde_json::to_string(&file) }
            .unwrap()
            .replace(LONE, escape);
        let parsed = parse_file(&text).unwrap();
        prop_assert_eq!(parsed.rejected.len(), 1);
        let rejected = &parsed.rejected[0];
        prop_assert_eq!(rejected.index, k);
        prop_assert_eq!(&rejected.problem.kind, &ProblemKind::LoneSurrogate);
        prop_assert_eq!(&rejected.problem.path, &path);
        // the id is unreadable when the surrogate is in it, or in its key
        let deal_at = format!("/deals/{k}");
        let id_spot = match &spot {
            Spot::Value(pointer) => *pointer == format!("{deal_at}/id"),
            Spot::Key(pointer, key) => *pointer == deal_at && key == "id",
        };
        prop_assert_eq!(rejected.id.clone(), (!id_spot).then(|| plan.deals[k].id.as_str().to_string()));
        let mut others = plan.deals.clone();
        others.remove(k);
        prop_assert_eq!(&parsed.plan.deals, &others);
    }

    #[test]
    fn lone_surrogates_anywhere_never_panic(
        at in proptest::collection::vec((any::<usize>(), lone_escape()), 1..4),
    ) {
        let mut text = base_file().to_string();
        for (at, (escape, _)) in at {
            let mut at = at % (text.len() + 1);
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            text.insert_str(at, escape);
        }
        check_imported(&text)?;
    }
}

// ---------------------------------------------------------------------------------------------
// Round trips over generated plans

fn day() -> impl Strategy<Value = NaiveDate> {
    (1950i32..2150, 1u32..=12, 1u32..=28)
        .prop_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap())
}

fn moment() -> impl Strategy<Value = DateTime<Utc>> {
    (
        0i64..5_000_000_000,
        prop_oneof![Just(0u32), 0u32..1_000_000_000],
    )
        .prop_map(|(s, n)| Utc.timestamp_opt(s, n).unwrap())
}

fn stage() -> impl Strategy<Value = Stage> {
    (0usize..8).prop_map(|i| Stage::from_index(i).unwrap())
}

/// Any text, with quotes, backslashes, tabs and newlines among it.
fn text(max: usize) -> impl Strategy<Value = String> {
    proptest::string::string_regex(&format!("[\\PC\\n\\t\"\\\\]{{0,{max}}}")).unwrap()
}

/// Text that is not blank.
fn filled(max: usize) -> impl Strategy<Value = String> {
    ("[a-z华东销售]", text(max)).prop_map(|(a, b)| format!("{a}{b}"))
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        prop_oneof![
            Just("0"),
            Just("-1"),
            Just("2.50"),
            Just("0.1"),
            Just("18446744073709551615"),
            Just("-9223372036854775808"),
        ]
        .prop_map(|n| serde_json::from_str::<Value>(n).unwrap()),
        text(12).prop_map(Value::String),
    ];
    leaf.prop_recursive(2, 8, 4, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            proptest::collection::btree_map("[a-z]{1,4}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

fn extra() -> impl Strategy<Value = BTreeMap<String, Value>> {
    proptest::collection::btree_map("x_[a-z]{1,6}", json_value(), 0..3)
}

/// `None` for 0, else the value at `i - 1`.
fn pick<T: Copy>(all: &[T], i: usize) -> Option<T> {
    i.checked_sub(1).map(|i| all[i % all.len()])
}

/// Valid people of a deal: unique contact ids, links between distinct contacts (each once),
/// competitors of distinct names, roles in order.
fn people() -> impl Strategy<Value = People> {
    let contact = (
        (
            filled(8),
            0usize..4,
            0u8..64,
            0usize..4,
            0usize..6,
            0usize..6,
        ),
        (proptest::option::of(day()), text(10), text(6), extra()),
    );
    (
        proptest::collection::vec(contact, 0..4),
        proptest::collection::vec((0usize..4, 0usize..4, any::<bool>()), 0..4),
        proptest::collection::vec((filled(8), 0usize..6, 0usize..4), 0..3),
        (text(6), text(6)),
    )
        .prop_map(|(contacts, links, rivals, (so, learned))| {
            let mut people = People::default();
            for (
                i,
                ((name, level, roles, influence, attitude, rel), (last, notes, owner, extra)),
            ) in contacts.into_iter().enumerate()
            {
                let mut c = Contact::named(ContactId::new(format!("c{i}")), name);
                c.level = pick(Level::ALL, level);
                c.roles = Role::ALL
                    .iter()
                    .enumerate()
                    .filter(|(k, _)| roles & (1 << k) != 0)
                    .map(|(_, r)| *r)
                    .collect();
                c.influence = pick(Influence::ALL, influence);
                c.attitude = pick(Attitude::ALL, attitude);
                c.relationship = pick(Relationship::ALL, rel);
                c.last_contact = last;
                c.notes = notes;
                c.owner = owner;
                c.extra = extra;
                people.contacts.push(c);
            }
            let n = people.contacts.len();
            for (from, to, reports) in links {
                if n < 2 || from % n == to % n {
                    continue;
                }
                let link = Link {
                    from: ContactId::new(format!("c{}", from % n)),
                    to: ContactId::new(format!("c{}", to % n)),
                    kind: if reports {
                        LinkKind::ReportsTo
                    } else {
                        LinkKind::Influences
                    },
                };
                if !people.links.contains(&link) {
                    people.links.push(link);
                }
            }
            for (name, rel, price) in rivals {
                if people.competitors.iter().any(|c| same_name(&c.name, &name)) {
                    continue;
                }
                people.competitors.push(Competitor {
                    name,
                    relationship: pick(Relationship::ALL, rel),
                    price: pick(PricePosition::ALL, price),
                    ..Competitor::default()
                });
            }
            people.swot.so = so;
            people.review.learned = learned;
            people
        })
}

fn gate_id() -> impl Strategy<Value = GateId> {
    prop_oneof!["p[0-7]-[a-z]{1,6}", text(8)].prop_map(GateId)
}

fn stage_change() -> impl Strategy<Value = StageChange> {
    (
        stage(),
        stage(),
        moment(),
        text(20),
        proptest::collection::vec(gate_id(), 0..3),
        proptest::option::of(prop_oneof![
            Just(DealStatus::Open),
            Just(DealStatus::Won),
            Just(DealStatus::Lost)
        ]),
        text(10),
    )
        .prop_map(
            |(from, to, at, reason, missing, status, competitor)| StageChange {
                from,
                to,
                at,
                reason,
                missing,
                status,
                competitor,
                close: None,
            },
        )
}

prop_compose! {
    fn deal()(
        (name, customer, minor, stage, status) in (
            filled(30), filled(30), 0i128..=99_999_999_999_999, stage(),
            prop_oneof![Just(DealStatus::Open), Just(DealStatus::Won), Just(DealStatus::Lost)],
        ),
        (expected_close, closed_on, owner, product, region, segment) in (
            proptest::option::of(day()), proptest::option::of(day()),
            text(12), text(12), text(12), text(12),
        ),
        (next_step, notes, probability, category) in (
            text(40), text(60), proptest::option::of(0u8..=100),
            proptest::option::of(proptest::sample::select(Category::ALL.to_vec())),
        ),
        (gates, history, self_check) in (
            proptest::collection::btree_map(
                gate_id(),
                (day(), text(20)).prop_map(|(on, evidence)| GateCheck { on, evidence }),
                0..4,
            ),
            proptest::collection::vec(stage_change(), 0..3),
            proptest::collection::btree_set("[a-z0-9-]{1,10}", 0..3),
        ),
        (created, updated, extra, people) in (moment(), moment(), extra(), people()),
        strategies in proptest::collection::btree_map(
            stage(),
            proptest::collection::vec(text(30), 1..3),
            0..3,
        ),
        bonus in proptest::option::of(bonus()),
    ) -> Deal {
        let mut strategies_of = Strategies::default();
        for (stage, list) in strategies {
            strategies_of.set(stage, list);
        }
        let strategies = strategies_of;
        Deal {
            id: DealId::new("placeholder"),
            name, customer, amount: Money::from_minor(minor), stage, status,
            expected_close, closed_on, owner, product, region, segment, next_step, notes,
            probability, category, gates, history, self_check, strategies, created, updated,
            extra, people, bonus,
        }
    }
}

/// A bonus pool: by share (0–100 % with two decimals) or by amount, its parts named.
fn bonus() -> impl Strategy<Value = keyplan::domain::split::Split> {
    use keyplan::domain::split::{Part, Split, SplitKind};
    (
        0i128..10_000_000_000,
        proptest::sample::select(SplitKind::ALL.to_vec()),
        proptest::collection::vec(("[a-z张李王]{1,6}", 0i128..=10_000), 0..4),
    )
        .prop_map(|(total, kind, parts)| Split {
            total: Money::from_minor(total),
            kind,
            parts: parts
                .into_iter()
                .map(|(name, value)| Part {
                    name,
                    value,
                    ..Part::default()
                })
                .collect(),
            ..Split::default()
        })
}

fn method() -> impl Strategy<Value = Method> {
    prop_oneof![
        Just(Method::default()),
        (
            0usize..3,
            proptest::collection::vec((0u8..=100, 0u32..400, any::<bool>(), any::<bool>()), 8),
        )
            .prop_map(|(items, rules)| {
                let mut method = method_with(items);
                for (stage, (probability, stale_days, ours, retired)) in
                    method.stages.iter_mut().zip(rules)
                {
                    stage.probability = probability;
                    stage.stale_days = stale_days;
                    for item in &mut stage.gate {
                        item.ours = ours;
                        item.retired = retired;
                    }
                }
                method
            }),
    ]
}

fn quota() -> impl Strategy<Value = Quota> {
    (
        proptest::option::of(filled(8)),
        2000i32..2100,
        prop_oneof![
            (1u32..=12).prop_map(|m| format!("{m:02}")),
            (1u32..=4).prop_map(|q| format!("Q{q}"))
        ],
        0i128..=99_999_999_999_999,
    )
        .prop_map(|(owner, year, period, minor)| Quota {
            owner,
            period: QuotaPeriod::parse(&format!("{year}-{period}")).unwrap(),
            amount: Money::from_minor(minor),
        })
}

fn currency() -> impl Strategy<Value = Currency> {
    prop_oneof![Just("CNY"), Just("USD"), Just("EUR")].prop_map(|c| Currency::parse(c).unwrap())
}

prop_compose! {
    fn plan()(
        title in proptest::option::of(text(20)),
        currency in currency(),
        method in method(),
        quotas in proptest::collection::vec(quota(), 0..3),
        deals in proptest::collection::vec(deal(), 0..6),
        id_prefix in "[a-z\"é-]{0,4}",
        extra in extra(),
        workshop in proptest::option::of((text(12), text(8), text(30))),
    ) -> Plan {
        let deals = deals
            .into_iter()
            .enumerate()
            .map(|(i, deal)| std::rc::Rc::new(Deal { id: DealId::new(format!("{id_prefix}{i}")), ..deal }))
            .collect();
        let workshop = workshop.map(|(id, table, exercise)| WorkshopHeader { id, table, exercise });
        Plan { title, currency, method: method.into(), quotas, targets: Vec::new(), deals, workshop, snapshots: Default::default(), extra }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn generated_plans_round_trip_exactly(plan in plan()) {
        for text in [encode_pretty(&plan, now()), encode(&plan, now())] {
            let parsed = parse_file(&text).unwrap();
            prop_assert_eq!(&parsed.rejected, &Vec::<Rejected>::new());
            prop_assert_eq!(&parsed.plan, &plan);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Fuzzing: nothing panics, and whatever is imported saves and loads again

const FUZZ_CASES: u32 = 2000;

fn fuzz_config() -> ProptestConfig {
    ProptestConfig {
        cases: FUZZ_CASES,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// A valid file with a little of everything: a custom method, quotas, gates, history, unknown fields.
fn base_file() -> &'static str {
    static BASE: OnceLock<String> = OnceLock::new();
    BASE.get_or_init(|| {
        let mut plan = parse_file(MIXED).unwrap().plan;
        plan.method = method_with(1).into();
        let sample = sample_plan(today(), now()).deals;
        plan.deals
            .extend(sample.into_iter().filter(|d| !d.gates.is_empty()).take(1));
        common::deal_mut(&mut plan, 1).history.push(StageChange {
            reason: "客户已立项".into(),
            missing: vec![GateId("p1-a".into())],
            ..StageChange::moved(Stage::P0, Stage::P2, now())
        });
        common::deal_mut(&mut plan, 1).probability = Some(35);
        common::deal_mut(&mut plan, 1).category = Some(Category::Commit);
        common::deal_mut(&mut plan, 1)
            .self_check
            .insert("q-1".into());
        encode(&plan, now())
    })
}

/// What must hold of anything `parse_file` accepts.
fn check_imported(text: &str) -> Result<(), TestCaseError> {
    let Ok(Parsed { plan, rejected, .. }) = parse_file(text) else {
        return Ok(());
    };
    let mut ids = HashSet::new();
    for deal in &plan.deals {
        prop_assert!(ids.insert(deal.id.clone()), "duplicate id {:?}", deal.id);
        prop_assert!(check_deal(deal).is_empty());
    }
    if let Ok(Value::Object(top)) =
        serde_json::from_str::<Value>(text.trim_start_matches('\u{feff}'))
    {
        if let Some(Value::Array(deals)) = top.get("deals") {
            prop_assert_eq!(plan.deals.len() + rejected.len(), deals.len());
        }
    }
    let saved = encode(&plan, now());
    prop_assert_eq!(
        decode(&saved).unwrap(),
        plan,
        "an imported plan saves and loads again"
    );
    Ok(())
}

#[derive(Clone, Debug)]
enum Edit {
    Delete(usize),
    Replace(usize, char),
    Insert(usize, char),
}

fn edit() -> impl Strategy<Value = Edit> {
    let ch = prop_oneof![
        proptest::sample::select(
            r#"{}[]":,.-+eE0123456789 \tnultrfasP"#.chars().collect::<Vec<_>>()
        ),
        any::<char>(),
    ];
    prop_oneof![
        any::<usize>().prop_map(Edit::Delete),
        (any::<usize>(), ch.clone()).prop_map(|(at, c)| Edit::Replace(at, c)),
        (any::<usize>(), ch).prop_map(|(at, c)| Edit::Insert(at, c)),
    ]
}

fn apply(text: &str, edits: &[Edit]) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for edit in edits {
        let len = chars.len().max(1);
        match *edit {
            Edit::Delete(at) if !chars.is_empty() => {
                chars.remove(at % len);
            }
            Edit::Replace(at, c) if !chars.is_empty() => chars[at % len] = c,
            Edit::Insert(at, c) => chars.insert(at % (chars.len() + 1), c),
            _ => {}
        }
    }
    chars.into_iter().collect()
}

/// Replaces the `n`-th value of `value` in pre-order (0 is `value` itself) by `with`.
fn replace_nth(value: &mut Value, n: &mut usize, with: &mut Option<Value>) {
    if *n == 0 {
        if let Some(new) = with.take() {
            *value = new;
        }
        return;
    }
    *n -= 1;
    match value {
        Value::Array(items) => items.iter_mut().for_each(|v| replace_nth(v, n, with)),
        Value::Object(map) => map.values_mut().for_each(|v| replace_nth(v, n, with)),
        _ => {}
    }
}

fn count_nodes(value: &Value) -> usize {
    1 + match value {
        Value::Array(items) => items.iter().map(count_nodes).sum(),
        Value::Object(map) => map.values().map(count_nodes).sum(),
        _ => 0,
    }
}

/// Values that confuse a reader: wrong kinds, edge numbers, near-miss strings.
fn confusing() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(json!(null)),
        Just(json!(true)),
        Just(json!(0)),
        Just(json!(-1)),
        Just(json!(101)),
        Just(json!(1.005)),
        Just(json!("")),
        Just(json!(" ")),
        Just(json!("abc")),
        Just(json!("P9")),
        Just(json!("p3")),
        Just(json!("2026-02-30")),
        Just(json!("2026-11-27T09:30:00Z")),
        Just(json!("2026-Q5")),
        Just(json!([])),
        Just(json!({})),
        Just(json!(["x", 1])),
        Just(json!({"on": "2026-01-01"})),
        Just(serde_json::from_str::<Value>("1e2147483647").unwrap()),
        Just(serde_json::from_str::<Value>("18446744073709551616").unwrap()),
        Just(json!("sample-01")),
        Just(json!("east-01")),
        text(10).prop_map(Value::String),
    ]
}

proptest! {
    #![proptest_config(fuzz_config())]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let _ = parse_file(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn token_soup_never_panics(tokens in proptest::collection::vec(proptest::sample::select(vec![
        "{", "}", "[", "]", ",", ":", "\"format\"", "\"keyplan.plan\"", "\"version\"", "1", "2",
        "\"deals\"", "\"id\"", "\"a\"", "\"amount\"", "\"1.5\"", "-0.001", "1e999", "\"stage\"",
        "\"P1\"", "\"gates\"", "\"method\"", "\"stages\"", "\"quotas\"", "null", "true", "\"\"",
        "\"created\"", "\"2026-01-01T00:00:00Z\"", "\"updated\"", "\"name\"", "\"customer\"",
    ]), 0..80)) {
        check_imported(&tokens.concat())?;
    }

    #[test]
    fn mutated_valid_files_never_panic(edits in proptest::collection::vec(edit(), 1..6)) {
        check_imported(&apply(base_file(), &edits))?;
    }

    #[test]
    fn valid_files_with_confusing_values_never_panic(
        picks in proptest::collection::vec((any::<usize>(), confusing()), 1..4),
    ) {
        let mut value: Value = serde_json::from_str(base_file()).unwrap();
        for (pick, replacement) in picks {
            let mut n = pick % count_nodes(&value);
            replace_nth(&mut value, &mut n, &mut Some(replacement));
        }
        check_imported(&value.to_string())?;
    }
}

// ---------------------------------------------------------------------------------------------
// Preview, merge, replace

fn file(name: &str, plan: &Plan) -> (String, Parsed) {
    (
        name.to_string(),
        Parsed {
            plan: plan.clone(),
            ..Parsed::default()
        },
    )
}

fn ids(deals: &[std::rc::Rc<Deal>]) -> Vec<&str> {
    deals.iter().map(|d| d.id.as_str()).collect()
}

fn quota_of(owner: Option<&str>, period: &str, major: i64) -> Quota {
    Quota {
        owner: owner.map(str::to_string),
        period: QuotaPeriod::parse(period).unwrap(),
        amount: Money::from_major(major),
    }
}

/// Mine: a, b, c, d. Theirs: a identical; b updated later with a new amount (changed);
/// c edited but older than mine (conflict); d edited with the same `updated` (conflict); e new.
fn mine_and_theirs() -> (Plan, Plan) {
    let mine = plan_with(&[
        ("a", 100, Stage::P1),
        ("b", 100, Stage::P1),
        ("c", 100, Stage::P1),
        ("d", 100, Stage::P1),
    ]);
    let mut theirs = mine.clone();
    let mine = Plan {
        title: Some("my title".into()),
        ..mine
    };
    theirs.title = Some("their title".into());
    common::deal_mut(&mut theirs, 1).amount = Money::from_minor(15_050);
    common::deal_mut(&mut theirs, 1).updated = later(60);
    common::deal_mut(&mut theirs, 2).notes = "their notes".into();
    common::deal_mut(&mut theirs, 2).updated = later(-60);
    common::deal_mut(&mut theirs, 3).stage = Stage::P4;
    let mut e = (*theirs.deals[0]).clone();
    e.id = DealId::new("e");
    e.name = "e".into();
    theirs.deals.push(e.into());
    (mine, theirs)
}

#[test]
fn the_preview_sorts_deals_into_new_changed_conflicts_and_unchanged() {
    let (mine, theirs) = mine_and_theirs();
    let preview = preview(&mine, &[file("theirs.json", &theirs)]);
    assert_eq!(ids(&preview.new), ["e"]);
    assert_eq!(preview.unchanged, 1);
    assert_eq!(preview.changed.len(), 1);
    let change = &preview.changed[0];
    assert_eq!(
        (change.mine.id.as_str(), change.theirs.id.as_str()),
        ("b", "b")
    );
    assert_eq!(change.mine, mine.deals[1]);
    assert_eq!(change.theirs, theirs.deals[1]);
    assert_eq!(
        change.fields,
        [
            FieldChange {
                field: Field::Amount,
                mine: FieldValue::Amount(Money::from_major(100)),
                theirs: FieldValue::Amount(Money::from_minor(15_050)),
                details_differ: false,
            },
            FieldChange {
                field: Field::Updated,
                mine: FieldValue::Moment(now()),
                theirs: FieldValue::Moment(later(60)),
                details_differ: false,
            },
        ]
    );
    let conflicts: Vec<&str> = preview
        .conflicts
        .iter()
        .map(|c| c.theirs.id.as_str())
        .collect();
    assert_eq!(conflicts, ["c", "d"]);
    assert_eq!(
        preview.conflicts[1].fields,
        [FieldChange {
            field: Field::Stage,
            mine: FieldValue::Stage(Stage::P1),
            theirs: FieldValue::Stage(Stage::P4),
            details_differ: false,
        }]
    );
    assert_eq!(preview.currency_mismatch, None);
    assert_eq!(preview.rejected, []);
}

#[test]
fn field_changes_are_written_for_people() {
    let (mine, _) = mine_and_theirs();
    let mut deal = (*mine.deals[0]).clone();
    deal.expected_close = Some(common::date("2027-03-31"));
    deal.probability = Some(35);
    deal.category = Some(Category::BestCase);
    deal.status = DealStatus::Won;
    deal.gates.insert(
        GateId("p0-a".into()),
        GateCheck {
            on: common::date("2026-11-02"),
            evidence: "纪要".into(),
        },
    );
    deal.history
        .push(StageChange::moved(Stage::P1, Stage::P2, now()));
    deal.extra.insert("crm_ref".into(), json!([1, 2]));
    let mut theirs = plan_with(&[]);
    theirs.deals.push(deal.into());
    let preview = preview(&mine, &[file("t.json", &theirs)]);
    let cny = Currency::cny();
    let local = |at: DateTime<Utc>| at.naive_utc();
    let name = |id: &str| (id == "p0-a").then(|| "客户信息准确".to_string());
    let shown = Shown {
        currency: &cny,
        local: &local,
        name: &name,
    };
    let in_lang = |lang: Lang| -> Vec<(&'static str, String, String)> {
        preview.conflicts[0]
            .fields
            .iter()
            .map(|f| {
                (
                    lang.field_label(f.field),
                    lang.field_value(&f.mine, &shown),
                    lang.field_value(&f.theirs, &shown),
                )
            })
            .collect()
    };
    let en = |a: &'static str, b: &str, c: &str| (a, b.to_string(), c.to_string());
    assert_eq!(
        in_lang(Lang::En),
        [
            en("Status", "Open", "Won"),
            en("Expected close date", "", "31 Mar 2027"),
            en("Own win probability", "", "35%"),
            en("Own forecast category", "", "Best case"),
            en("Gate checklist", "none", "1 ticked: 客户信息准确"),
            en(
                "Stage history",
                "none",
                "1 change, last P1 → P2 on 27 Nov 2026"
            ),
            en("Other fields", "none", "crm_ref: [1,2]"),
        ]
    );
    assert_eq!(
        in_lang(Lang::Zh)[..2],
        [
            en("状态", "进行中", "已赢单"),
            en("预计签约日期", "", "2027年3月31日"),
        ],
        "no field keys or codes in the Chinese preview"
    );

    let mut other = (*preview.conflicts[0].theirs).clone();
    other
        .gates
        .get_mut(&GateId("p0-a".into()))
        .unwrap()
        .evidence = "合同".into();
    let mut mine2 = plan_with(&[]);
    mine2.deals.push(preview.conflicts[0].theirs.clone());
    let mut theirs2 = plan_with(&[]);
    theirs2.deals.push(other.into());
    let again = keyplan::domain::import::preview(&mine2, &[file("t.json", &theirs2)]);
    assert_eq!(again.conflicts[0].fields.len(), 1);
    let gates = &again.conflicts[0].fields[0];
    assert_eq!(gates.field, Field::Gates);
    assert!(gates.details_differ, "same ids ticked, other evidence");
}

#[test]
fn newest_wins_takes_updates_and_keeps_mine_on_conflicts() {
    let (mine, theirs) = mine_and_theirs();
    let preview = preview(&mine, &[file("t.json", &theirs)]);
    let merged = merge(&mine, &preview, Rule::NewestWins, &BTreeMap::new());
    assert_eq!(ids(&merged.deals), ["a", "b", "c", "d", "e"]);
    assert_eq!(merged.deals[1], theirs.deals[1], "b: theirs is newer");
    assert_eq!(merged.deals[2], mine.deals[2], "c: mine is newer");
    assert_eq!(merged.deals[3], mine.deals[3], "d: a tie keeps mine");
    assert_eq!(merged.deals[4], theirs.deals[4]);
    assert_eq!(merged.title, mine.title, "my title stays");
    assert_eq!(merged.method, mine.method);
}

#[test]
fn keep_mine_and_take_theirs_settle_every_difference() {
    let (mine, theirs) = mine_and_theirs();
    let preview = preview(&mine, &[file("t.json", &theirs)]);
    let kept = merge(&mine, &preview, Rule::KeepMine, &BTreeMap::new());
    assert_eq!(
        &kept.deals[..4],
        &mine.deals[..4],
        "keep mine: even a newer update of theirs stays out"
    );
    assert_eq!(kept.deals[4], theirs.deals[4], "new deals are still added");
    let taken = merge(&mine, &preview, Rule::TakeTheirs, &BTreeMap::new());
    assert_eq!(&taken.deals[..], &theirs.deals[..]);
    assert_eq!(taken.title, mine.title);
}

#[test]
fn per_deal_choices_override_the_rule() {
    let (mine, theirs) = mine_and_theirs();
    let preview = preview(&mine, &[file("t.json", &theirs)]);
    let choices = BTreeMap::from([
        (DealId::new("c"), Choice::Theirs),
        (DealId::new("d"), Choice::Mine),
        (DealId::new("b"), Choice::Mine),
    ]);
    let merged = merge(&mine, &preview, Rule::TakeTheirs, &choices);
    assert_eq!(merged.deals[1], mine.deals[1], "an update can be declined");
    assert_eq!(merged.deals[2], theirs.deals[2]);
    assert_eq!(merged.deals[3], mine.deals[3]);
    assert_eq!(merged.deals[4], theirs.deals[4]);
}

#[test]
fn quotas_are_mine_plus_theirs_for_pairs_i_have_not() {
    let mut mine = plan_with(&[]);
    mine.quotas = vec![quota_of(None, "2026-Q4", 10_000_000)];
    let mut first = plan_with(&[]);
    first.quotas = vec![
        quota_of(None, "2026-Q4", 1),
        quota_of(Some("李娜"), "2026-11", 2_000_000),
    ];
    let mut second = plan_with(&[]);
    second.quotas = vec![
        quota_of(Some("李娜"), "2026-11", 3),
        quota_of(Some("李娜"), "2026-12", 4),
    ];
    let preview = preview(&mine, &[file("1.json", &first), file("2.json", &second)]);
    assert_eq!(
        preview.new_quotas,
        [
            quota_of(Some("李娜"), "2026-11", 2_000_000),
            quota_of(Some("李娜"), "2026-12", 4)
        ]
    );
    let merged = merge(&mine, &preview, Rule::NewestWins, &BTreeMap::new());
    assert_eq!(
        merged.quotas,
        [
            quota_of(None, "2026-Q4", 10_000_000),
            quota_of(Some("李娜"), "2026-11", 2_000_000),
            quota_of(Some("李娜"), "2026-12", 4)
        ]
    );
}

#[test]
fn a_file_in_another_currency_is_reported_and_left_out() {
    let (mine, mut theirs) = mine_and_theirs();
    theirs.currency = Currency::parse("USD").unwrap();
    theirs.quotas = vec![quota_of(None, "2026-Q4", 1)];
    let mut same = plan_with(&[("f", 5, Stage::P0)]);
    same.title = None;
    let incoming = [file("usd.json", &theirs), file("cny.json", &same)];
    let preview = preview(&mine, &incoming);
    assert_eq!(
        preview.currency_mismatch,
        Some((Currency::cny(), Currency::parse("USD").unwrap()))
    );
    assert_eq!(ids(&preview.new), ["f"]);
    assert!(preview.changed.is_empty() && preview.conflicts.is_empty());
    assert!(preview.new_quotas.is_empty());
    let merged = merge(&mine, &preview, Rule::TakeTheirs, &BTreeMap::new());
    assert_eq!(ids(&merged.deals), ["a", "b", "c", "d", "f"]);
    assert_eq!(&merged.deals[..4], &mine.deals[..]);
}

#[test]
fn later_files_count_only_with_newer_deals() {
    let mine = plan_with(&[]);
    let mut first = plan_with(&[("x", 1, Stage::P0), ("y", 1, Stage::P0)]);
    common::deal_mut(&mut first, 1).updated = later(10);
    let mut second = plan_with(&[
        ("z", 3, Stage::P0),
        ("y", 2, Stage::P0),
        ("x", 2, Stage::P0),
    ]);
    common::deal_mut(&mut second, 2).updated = later(5);
    let preview = preview(&mine, &[file("1.json", &first), file("2.json", &second)]);
    assert_eq!(ids(&preview.new), ["x", "y", "z"], "first appearance order");
    assert_eq!(
        preview.new[0], second.deals[2],
        "x: the second file's is newer"
    );
    assert_eq!(
        preview.new[1], first.deals[1],
        "y: the second file's is older"
    );
}

#[test]
fn rejected_deals_are_listed_with_their_file() {
    let parsed = parse_file(MIXED).unwrap();
    let preview = preview(&plan_with(&[]), &[("east.json".into(), parsed.clone())]);
    let rejected: Vec<(String, String)> = preview
        .rejected
        .iter()
        .map(|(name, r)| (name.clone(), shown(r)))
        .collect();
    assert_eq!(
        rejected,
        [
            (
                "east.json".to_string(),
                "deals[1].amount: expected a number, found \"abc\"".to_string()
            ),
            (
                "east.json".to_string(),
                "deals[3]: the id \"east-01\" is used by an earlier deal in this file".to_string()
            ),
        ]
    );
}

#[test]
fn merging_into_an_empty_plan_gives_the_files_deals() {
    let parsed = parse_file(MIXED).unwrap();
    let empty = Plan::default();
    let incoming = [("east.json".to_string(), parsed.clone())];
    let preview = preview(&empty, &incoming);
    let merged = merge(&empty, &preview, Rule::NewestWins, &BTreeMap::new());
    assert_eq!(merged.deals, parsed.plan.deals);
    assert_eq!(merged.quotas, parsed.plan.quotas);
    assert_eq!(
        merged.title.as_deref(),
        Some("华东团队"),
        "a plan without a title takes the file's"
    );
}

#[test]
fn merging_into_an_empty_planner_brings_the_files_plan_as_a_whole() {
    let (_, mut theirs) = mine_and_theirs();
    theirs.currency = Currency::parse("USD").unwrap();
    theirs.method = method_with(2).into();
    theirs.quotas = vec![quota_of(None, "2026-Q4", 7)];
    theirs.extra.insert("team".into(), json!("east"));
    let incoming = [file("usd.json", &theirs)];
    let empty = Plan::default();
    let look = preview(&empty, &incoming);
    assert_eq!(
        look.currency_mismatch, None,
        "nothing of mine is in any currency yet"
    );
    assert_eq!(look.new.len(), 5);
    let merged = merge(&empty, &look, Rule::NewestWins, &BTreeMap::new());
    assert_eq!(merged, replace(&incoming), "as a replacement would");
    assert_eq!(merged.title.as_deref(), Some("their title"));
    assert_eq!(merged.currency, Currency::parse("USD").unwrap());
    assert_eq!(*merged.method, method_with(2));
    assert_eq!(merged.quotas, theirs.quotas);
    assert_eq!(merged.extra, theirs.extra);
    assert_eq!(merged.deals, theirs.deals);
}

#[test]
fn a_merge_keeps_my_settings_and_takes_only_what_i_lack() {
    let (mine, mut theirs) = mine_and_theirs();
    let mine = Plan {
        title: None,
        extra: [("team".to_string(), json!("mine"))].into_iter().collect(),
        ..mine
    };
    theirs.method = method_with(2).into();
    theirs.extra.insert("team".into(), json!("theirs"));
    theirs.extra.insert("region".into(), json!("east"));
    let incoming = [file("theirs.json", &theirs)];
    let merged = merge(
        &mine,
        &preview(&mine, &incoming),
        Rule::NewestWins,
        &BTreeMap::new(),
    );
    assert_eq!(merged.title.as_deref(), Some("their title"), "I had none");
    assert_eq!(
        merged.method, mine.method,
        "my deals' evidence is measured by my method"
    );
    assert_eq!(merged.extra["team"], json!("mine"));
    assert_eq!(
        merged.extra["region"],
        json!("east"),
        "a field I did not have"
    );
    // a planner with no deals but an adapted method or quotas keeps them, and their currency
    let prepared = Plan {
        method: method_with(1).into(),
        quotas: vec![quota_of(None, "2026-Q4", 1)],
        ..Plan::default()
    };
    let mut usd = theirs.clone();
    usd.currency = Currency::parse("USD").unwrap();
    let incoming = [file("usd.json", &usd), file("cny.json", &theirs)];
    let look = preview(&prepared, &incoming);
    assert_eq!(
        look.currency,
        Currency::cny(),
        "my quotas are in my currency"
    );
    assert_eq!(
        look.currency_mismatch,
        Some((Currency::cny(), usd.currency.clone()))
    );
    let merged = merge(&prepared, &look, Rule::NewestWins, &BTreeMap::new());
    assert_eq!(*merged.method, method_with(1));
    assert_eq!(merged.deals, theirs.deals);
    assert_eq!(
        merged.title.as_deref(),
        Some("their title"),
        "the first file in my currency"
    );
    // the preview was made for an empty planner; by the merge it has deals in its own currency
    let look = preview(&Plan::default(), &[file("usd.json", &usd)]);
    let meanwhile = plan_with(&[("m", 1, Stage::P0)]);
    assert_eq!(
        merge(&meanwhile, &look, Rule::NewestWins, &BTreeMap::new()),
        meanwhile
    );
}

#[test]
fn merging_the_same_file_twice_changes_nothing_more() {
    let (mine, theirs) = mine_and_theirs();
    let incoming = [file("t.json", &theirs)];
    for rule in [Rule::NewestWins, Rule::KeepMine, Rule::TakeTheirs] {
        let once = merge(&mine, &preview(&mine, &incoming), rule, &BTreeMap::new());
        let twice = merge(&once, &preview(&once, &incoming), rule, &BTreeMap::new());
        assert_eq!(twice, once, "{rule:?}");
    }
}

#[test]
fn merge_never_doubles_an_id_when_the_plan_changed_since_the_preview() {
    let (mine, theirs) = mine_and_theirs();
    let preview = preview(&mine, &[file("t.json", &theirs)]);
    let mut now_mine = mine.clone();
    now_mine.deals.push(theirs.deals[4].clone());
    common::deal_mut(&mut now_mine, 4).name = "mine meanwhile".into();
    now_mine.deals.remove(1);
    let merged = merge(&now_mine, &preview, Rule::TakeTheirs, &BTreeMap::new());
    assert_eq!(ids(&merged.deals), ["a", "c", "d", "e"]);
    assert_eq!(merged.deals[3].name, "mine meanwhile");
}

#[test]
fn replace_takes_the_incoming_plan_as_it_is() {
    let (mine, theirs) = mine_and_theirs();
    let mut theirs = theirs;
    theirs.extra.insert("team".into(), json!("east"));
    theirs.quotas = vec![quota_of(None, "2026-Q4", 7)];
    theirs.method = method_with(2).into();
    let mut second = plan_with(&[("b", 1, Stage::P7), ("g", 1, Stage::P0)]);
    second.title = Some("second".into());
    common::deal_mut(&mut second, 0).updated = later(120);
    let mut usd = plan_with(&[("h", 1, Stage::P0)]);
    usd.currency = Currency::parse("USD").unwrap();
    let replaced = replace(&[
        file("1.json", &theirs),
        file("2.json", &second),
        file("usd.json", &usd),
    ]);
    assert_eq!(replaced.title.as_deref(), Some("their title"));
    assert_eq!(*replaced.method, method_with(2));
    assert_eq!(replaced.quotas, theirs.quotas);
    assert_eq!(replaced.extra, theirs.extra);
    assert_eq!(ids(&replaced.deals), ["a", "b", "c", "d", "e", "g"]);
    assert_eq!(replaced.deals[1], second.deals[0], "the newest b");
    assert_ne!(replaced.deals, mine.deals);
    assert_eq!(replace(&[]), Plan::default());
}

/// Slot `i` of a plan holds deal `d{i}` or nothing.
fn slots(deals: Vec<Option<Deal>>) -> Vec<Deal> {
    deals
        .into_iter()
        .enumerate()
        .filter_map(|(i, d)| {
            d.map(|d| Deal {
                id: DealId::new(format!("d{i}")),
                ..d
            })
        })
        .collect()
}

/// Their version of slot `i`: absent, a copy of mine, mine edited at another time, or another deal.
fn their_slot() -> impl Strategy<Value = (u8, i64, Option<Deal>)> {
    (0u8..4, -3i64..=3, proptest::option::of(deal()))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn merges_are_idempotent_and_lose_nothing(
        mine in proptest::collection::vec(proptest::option::of(deal()), 6),
        theirs in proptest::collection::vec(their_slot(), 6),
    ) {
        let mine_deals = slots(mine);
        let their_deals: Vec<Deal> = slots(
            theirs
                .into_iter()
                .enumerate()
                .map(|(i, (kind, shift, other))| {
                    let my = mine_deals.iter().find(|d| d.id.as_str() == format!("d{i}"));
                    match (kind, my) {
                        (0, _) => None,
                        (1, Some(my)) => Some(my.clone()),
                        (2, Some(my)) => Some(Deal {
                            amount: Money::from_minor(my.amount.minor() / 2),
                            updated: my.updated + chrono::Duration::hours(shift),
                            ..my.clone()
                        }),
                        _ => other,
                    }
                })
                .collect(),
        );
        let current = Plan::of_deals(mine_deals.clone());
        let incoming = [file("t.json", &Plan::of_deals(their_deals.clone()))];
        let preview: Preview = preview(&current, &incoming);
        prop_assert_eq!(
            preview.new.len() + preview.changed.len() + preview.conflicts.len() + preview.unchanged,
            their_deals.len()
        );
        for rule in [Rule::NewestWins, Rule::KeepMine, Rule::TakeTheirs] {
            let once = merge(&current, &preview, rule, &BTreeMap::new());
            let twice = merge(&once, &keyplan::domain::import::preview(&once, &incoming), rule, &BTreeMap::new());
            prop_assert_eq!(&twice, &once);
            let all: BTreeSet<&DealId> = mine_deals.iter().chain(&their_deals).map(|d| &d.id).collect();
            let merged: Vec<&DealId> = once.deals.iter().map(|d| &d.id).collect();
            prop_assert_eq!(merged.len(), all.len(), "no id lost or doubled");
            prop_assert_eq!(&merged[..mine_deals.len()], &ids_of(&mine_deals)[..], "mine keep their places");
            for deal in &once.deals {
                let my = mine_deals.iter().find(|d| d.id == deal.id);
                let their = their_deals.iter().find(|d| d.id == deal.id);
                // the version the rule keeps, with the people only the other version has
                let expected = match (my, their) {
                    (Some(m), Some(t)) if m == t => m.clone(),
                    (Some(m), Some(t)) => {
                        let (kept, other) = match rule {
                            Rule::TakeTheirs => (t, m),
                            Rule::KeepMine => (m, t),
                            Rule::NewestWins => if t.updated > m.updated { (t, m) } else { (m, t) },
                        };
                        Deal { people: People::merged(&kept.people, &other.people), ..kept.clone() }
                    }
                    (Some(m), None) => m.clone(),
                    (None, Some(t)) => t.clone(),
                    (None, None) => unreachable!(),
                };
                prop_assert_eq!(&**deal, &expected);
            }
        }
    }
}

fn ids_of(deals: &[Deal]) -> Vec<&DealId> {
    deals.iter().map(|d| &d.id).collect()
}

#[test]
fn a_hand_written_plan_without_timestamps_takes_the_time_of_the_import() {
    let text = r#"{"format": "keyplan.plan", "version": 1, "deals": [
        {"id": "a", "name": "MES", "customer": "华东精密", "amount": 880000, "stage": "P1"},
        {"id": "b", "name": "WMS", "customer": "康宁", "amount": "95万", "stage": "P0"},
        {"id": "c", "name": "AGV", "customer": "蓝海", "amount": 1, "stage": "P2",
         "created": "2026-10-01T00:00:00Z"}
    ]}"#;
    let parsed = parse_file(text).unwrap();
    assert_eq!(ids(&parsed.plan.deals), ["a", "c"]);
    assert_eq!(
        parsed.rejected.iter().map(shown).collect::<Vec<_>>(),
        ["deals[1].amount: expected a number, found \"95万\""]
    );
    assert_eq!(parsed.stamped, 2, "a had neither, c had no `updated`");
    let a = &parsed.plan.deals[0];
    assert_eq!((a.created, a.updated), (now(), now()));
    let c = &parsed.plan.deals[1];
    assert_eq!(
        c.created,
        Utc.with_ymd_and_hms(2026, 10, 1, 0, 0, 0).unwrap()
    );
    assert_eq!(c.updated, now());
    let preview = preview(&plan_with(&[]), &[("hand.json".into(), parsed.clone())]);
    assert_eq!(preview.stamped, 2);
    assert_eq!(
        Lang::En.stamped_note(preview.stamped),
        "2 deals had no created or updated time and take the time of this import."
    );
    let why = decode(text).unwrap_err();
    assert_eq!(
        said(&why),
        "deals[0].created: is required",
        "what the browser holds always has its timestamps"
    );
    let stored = decode(&encode(&parsed.plan, now())).unwrap();
    assert_eq!(
        stored, parsed.plan,
        "once imported, the deals save and load"
    );
}

#[test]
fn the_minimal_example_of_the_format_document_imports() {
    let doc = include_str!("../docs/plan-format.md");
    let start = doc
        .find("<!-- minimal -->")
        .expect("the document marks its minimal example");
    let json = &doc[start..];
    let json = &json[json.find("```json").unwrap() + 7..];
    let json = &json[..json.find("```").unwrap()];
    let parsed = parse_file(json).unwrap();
    assert_eq!(parsed.rejected, []);
    assert_eq!(parsed.plan.deals.len(), 2);
    // no timestamps: both deals take the time of reading, and are undated
    assert_eq!(parsed.stamped, 2);
    assert_eq!(parsed.undated.len(), 2);
    for deal in &parsed.plan.deals {
        assert_eq!((deal.created, deal.updated), (now(), now()));
    }
    let second = &parsed.plan.deals[1];
    assert_eq!(second.amount, Money::from_minor(95_000_050));
    assert_eq!(second.stage, Stage::P3);
    assert_eq!(second.notes, "");
    // the quick reader and the careful one agree, with or without a byte-order mark
    let mode = Mode::Lenient { now: now() };
    for text in [json.to_string(), format!("\u{feff}{json}")] {
        assert_eq!(read(&text, mode), Ok(parsed.clone()));
        assert_eq!(read_carefully(&text, mode), Ok(parsed.clone()));
    }
    // what the browser holds is strict: there the timestamps are required
    assert!(read(json, Mode::Strict).is_err());
}

#[test]
fn importing_a_hand_written_file_again_never_takes_it_over_my_work() {
    let text = r#"{"format": "keyplan.plan", "version": 1, "deals": [
        {"id": "a", "name": "MES", "customer": "华东精密", "amount": 880000, "stage": "P1"}]}"#;
    let first = parse_file(text).unwrap();
    let empty = Plan::default();
    let look = preview(&empty, &[("hand.json".into(), first)]);
    let mut mine = merge(&empty, &look, Rule::NewestWins, &BTreeMap::new());
    // work done since: a move and a note
    mine.move_deal(&DealId::new("a"), Stage::P0, "", later(30))
        .unwrap();
    common::deal_mut(&mut mine, 0).notes = "客户已立项".into();
    let again = read(text, Mode::Lenient { now: later(60) }).unwrap();
    assert!(again.undated.contains(&DealId::new("a")));
    let incoming = [("hand.json".to_string(), again)];
    let look = preview(&mine, &incoming);
    assert!(
        look.changed.is_empty(),
        "an undated deal is never an update"
    );
    assert_eq!(look.conflicts.len(), 1);
    assert!(look.conflicts[0].undated);
    let merged = merge(&mine, &look, Rule::NewestWins, &BTreeMap::new());
    assert_eq!(merged.deals, mine.deals, "newest wins keeps my work");
    let taken = merge(&mine, &look, Rule::TakeTheirs, &BTreeMap::new());
    assert_eq!(
        taken.deals[0].stage,
        Stage::P1,
        "unless the person takes theirs"
    );
}
