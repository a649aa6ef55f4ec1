//! The reader's quick way through deals written as keyplan writes them agrees with the careful
//! way on every file: same deals, same rejections with the same paths, same stamps, in both modes.
use chrono::{TimeZone, Utc};
use keyplan::domain::plan_file::{read, read_carefully, Mode};
use proptest::prelude::*;
use proptest::test_runner::Config as ProptestConfig;

/// How each field may be written: `None` leaves it out.
const FIELDS: &[(&str, &[Option<&str>])] = &[
    (
        "id",
        &[
            Some(r#""a""#),
            Some(r#""b""#),
            Some(r#""c""#),
            Some(r#"" ""#),
            Some("7"),
            Some(r#""\u0061""#),
            None,
        ],
    ),
    (
        "name",
        &[
            Some(r#""智能仓储系统""#),
            Some(r#""a\"b\\c\n\u4e2d""#),
            Some(r#""""#),
            Some("null"),
            Some("5"),
            None,
        ],
    ),
    ("customer", &[Some(r#""蓝海物流""#), Some(r#""  ""#), None]),
    (
        "amount",
        &[
            Some("1250000.5"),
            Some("1250000.50"),
            Some(r#""1250000.50""#),
            Some(r#""1,250,000""#),
            Some("0"),
            Some("-3"),
            Some("1e3"),
            Some("1E-2"),
            Some("1.005"),
            Some("1e2147483648"),
            Some("null"),
            Some(r#""abc""#),
            Some("99999999999999999999999"),
            None,
        ],
    ),
    (
        "stage",
        &[
            Some(r#""P3""#),
            Some(r#""p7""#),
            Some(r#"" P1 ""#),
            Some(r#""P9""#),
            Some("3"),
            None,
        ],
    ),
    (
        "status",
        &[
            Some(r#""open""#),
            Some(r#""won""#),
            Some(r#""lost""#),
            Some(r#""WON""#),
            Some("null"),
            None,
        ],
    ),
    (
        "expected_close",
        &[
            Some(r#""2027-01-15""#),
            Some(r#""2027-02-30""#),
            Some(r#""2027-1-5""#),
            Some(r#""20a7-01-01""#),
            Some(r#""+2027-01-15""#),
            Some(r#""0000-01-01""#),
            Some("null"),
            Some("20270115"),
            None,
        ],
    ),
    (
        "closed_on",
        &[
            Some(r#""2026-11-02""#),
            Some(r#""2026-11-02T00:00:00Z""#),
            None,
        ],
    ),
    (
        "owner",
        &[Some(r#""王晓明""#), Some("null"), Some("[]"), None],
    ),
    (
        "notes",
        &[Some(r#""预算 400 万""#), Some(r#""\ud83d\ude00""#), None],
    ),
    (
        "probability",
        &[
            Some("50"),
            Some("0"),
            Some("100"),
            Some("101"),
            Some("-0"),
            Some("50.0"),
            Some("1e1"),
            Some(r#""50""#),
            Some("255"),
            Some("256"),
            Some("null"),
            None,
        ],
    ),
    (
        "category",
        &[
            Some(r#""commit""#),
            Some(r#""best_case""#),
            Some(r#""maybe""#),
            Some("null"),
            None,
        ],
    ),
    (
        "gates",
        &[
            Some("{}"),
            Some(r#"{"p0-info-accurate": {"on": "2026-10-02"}}"#),
            Some(
                r#"{"g": {"on": "2026-10-02", "evidence": "电话确认"}, "h": {"on": "2026-10-05", "evidence": null}}"#,
            ),
            Some(r#"{"g": {"on": "2026-10-02", "x": 1}}"#),
            Some(r#"{"g": {"on": null}}"#),
            Some(r#"{"g": {"on": "2026-10-02"}, "g": {"on": "2026-10-03"}}"#),
            Some(r#"{"g": 5}"#),
            Some("[]"),
            Some("null"),
            None,
        ],
    ),
    (
        "history",
        &[
            Some(r#"[{"from": "P0", "to": "P1", "at": "2026-10-06T08:00:00Z"}]"#),
            Some(
                r#"[{"from": "P1", "to": "P0", "at": "2026-10-06T08:00:00+08:00", "reason": "r", "missing": ["g"], "status": "open", "competitor": ""}]"#,
            ),
            Some(r#"[{"from": "P0", "to": "P1", "at": "2026-10-06T08:00:60Z"}]"#),
            Some(r#"[{"from": "P0", "to": "P1", "at": "2026-10-06T08:00:00.5Z"}]"#),
            Some(r#"[{"from": "P0", "to": "P1", "at": "2026-10-06T24:00:00Z"}]"#),
            Some(r#"[{"from": "P0", "to": "P1", "at": "2026-10-06 08:00:00Z"}]"#),
            Some(r#"[{"from": "P0", "to": "P9", "at": "2026-10-06T08:00:00Z"}]"#),
            Some(r#"[{"from": "P0", "to": "P1", "at": "2026-10-06T08:00:00Z", "note": 1}]"#),
            Some(r#"[{"from": "P0", "to": "P1", "at": "2026-10-06T08:00:00Z", "status": "done"}]"#),
            Some(
                r#"[{"from": "P1", "to": "P1", "at": "2026-10-06T08:00:00Z", "close": {"was": "2027-01-15", "now": "2027-03-31"}}]"#,
            ),
            Some(
                r#"[{"from": "P1", "to": "P1", "at": "2026-10-06T08:00:00Z", "close": {"was": null, "now": "2027-02-30"}}]"#,
            ),
            Some(
                r#"[{"from": "P1", "to": "P1", "at": "2026-10-06T08:00:00Z", "close": {"was": "2027-01-15", "x": 1}}]"#,
            ),
            Some(r#"[{"from": "P1", "to": "P1", "at": "2026-10-06T08:00:00Z", "close": 5}]"#),
            Some("[]"),
            None,
        ],
    ),
    (
        "self_check",
        &[Some(r#"["q1", "q2", "q1"]"#), Some("[1]"), Some("[]"), None],
    ),
    (
        "strategies",
        &[
            Some(r#"{"P1": ["先见技术评估者", "约高层"], "P3": ["制定标准"]}"#),
            Some(r#"{"P2": []}"#),
            Some(r#"{"p2": ["a"]}"#),
            Some(r#"{"P9": ["a"]}"#),
            Some(r#"{"P0": "a"}"#),
            Some(r#"{"P0": [1]}"#),
            Some(r#"{"P0": ["a"], "P0": ["b"]}"#),
            Some(r#"["a"]"#),
            Some("{}"),
            Some("null"),
            None,
        ],
    ),
    (
        "created",
        &[
            Some(r#""2026-09-30T08:00:00Z""#),
            Some(r#""2026-09-30T08:00:00.123Z""#),
            Some(r#""2026-13-30T08:00:00Z""#),
            Some(r#""2026-09-30""#),
            Some("null"),
            None,
        ],
    ),
    (
        "updated",
        &[
            Some(r#""2026-11-20T08:00:00Z""#),
            Some(r#""2026-11-20T08:00:00-05:00""#),
            Some("null"),
            None,
        ],
    ),
    (
        "contacts",
        &[
            Some(
                r#"[{"id": "c1", "name": "张总", "level": "top", "roles": ["coach", "decision_maker"], "influence": "high", "attitude": "champion", "relationship": "trusted", "last_contact": "2026-11-01", "x": 1}, {"id": "c2", "name": "李工"}]"#,
            ),
            Some(r#"[{"id": "c1", "name": "x", "attitude": "angry"}]"#),
            Some(r#"[{"id": "c1", "name": "a"}, {"id": "c1", "name": "b"}]"#),
            Some(r#"[{"id": "c1", "name": " "}]"#),
            Some("null"),
            Some("{}"),
            None,
        ],
    ),
    (
        "links",
        &[
            Some(
                r#"[{"from": "c1", "to": "c2", "kind": "reports_to"}, {"from": "c1", "to": "c2", "kind": "reports_to"}]"#,
            ),
            Some(r#"[{"from": "c1", "to": "c9", "kind": "influences"}]"#),
            Some(r#"[{"from": "c1", "to": "c1", "kind": "influences"}]"#),
            Some("null"),
            None,
        ],
    ),
    (
        "competitors",
        &[
            Some(
                r#"[{"name": "友商A", "price": "lower", "relationship": "familiar", "strengths": "价格"}]"#,
            ),
            Some(r#"[{"name": "A"}, {"name": " a "}]"#),
            Some(r#"[{"name": "B", "price": "cheap"}]"#),
            None,
        ],
    ),
    (
        "swot",
        &[
            Some(r#"{"strengths": "s", "so": "x"}"#),
            Some(r#"{"so": 5}"#),
            Some("null"),
            None,
        ],
    ),
    (
        "review",
        &[
            Some(r#"{"why": "价格", "competitor": "友商A", "learned": "早接触高层"}"#),
            Some("[]"),
            None,
        ],
    ),
    ("x-custom", &[Some(r#"{"k": [1, 2]}"#), None]),
    ("name", &[Some(r#""again""#), None]),
];

/// One deal: every field in its first (good) spelling but for up to three, each written one of
/// its ways; an unknown field and a repeated key count among those ways.
fn deal_text() -> impl Strategy<Value = String> {
    let picks: Vec<_> = FIELDS.iter().map(|(_, ways)| 0..ways.len()).collect();
    let varied = prop::collection::vec(0..FIELDS.len(), 0..=3);
    (picks, varied).prop_map(|(picks, varied)| {
        let fields: Vec<String> = FIELDS
            .iter()
            .zip(picks)
            .enumerate()
            .filter_map(|(i, ((key, ways), pick))| {
                let extra = *key == "x-custom" || i == FIELDS.len() - 1;
                let pick = match (varied.contains(&i), extra) {
                    (true, _) => pick,
                    (false, true) => return None,
                    (false, false) => 0,
                };
                ways[pick].map(|way| format!("\"{key}\": {way}"))
            })
            .collect();
        format!("{{{}}}", fields.join(", "))
    })
}

/// The workshop header's ways: absent, good, without its exercise, and wrong in three ways.
const WORKSHOP: &[&str] = &[
    "",
    r#""workshop": {"id": "w-1", "table": "第3组", "exercise": "P2 的验收"}, "#,
    r#""workshop": {"id": "w-1", "table": "Table 3"}, "#,
    r#""workshop": {"id": "w-1"}, "#,
    r#""workshop": {"id": 7, "table": "第3组"}, "#,
    r#""workshop": "第3组", "#,
];

/// What may stand at the top level after the deals: nothing, an unknown field, a key given twice
/// (the title, the deals), a wrong version.
const AFTER: &[&str] = &[
    "",
    r#", "x-top": {"k": [1, "2"]}"#,
    r#", "title": "again""#,
    r#", "deals": []"#,
    r#", "version": 3"#,
];

fn file() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(
            prop_oneof![8 => deal_text(), 1 => Just("5".to_string()), 1 => Just("null".to_string())],
            0..6,
        ),
        0..WORKSHOP.len(),
        prop_oneof![6 => Just(0), 1 => 1..AFTER.len()],
    )
        .prop_map(|(deals, workshop, after)| {
            format!(
                r#"{{"format": "keyplan.plan", "version": 1, "title": "t", {}"deals": [{}]{}}}"#,
                WORKSHOP[workshop],
                deals.join(", "),
                AFTER[after]
            )
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn the_quick_way_reads_every_file_as_the_careful_way_does(text in file()) {
        let now = Utc.with_ymd_and_hms(2026, 11, 28, 9, 0, 0).unwrap();
        for mode in [Mode::Strict, Mode::Lenient { now }] {
            prop_assert_eq!(read(&text, mode), read_carefully(&text, mode), "{}", text);
        }
    }
}

/// A value nested `depth` levels deep (arrays around a number).
fn nested(depth: usize) -> String {
    format!("{}1{}", "[".repeat(depth), "]".repeat(depth))
}

proptest! {
    /// Around serde_json's limit of 128 levels, wherever the deep value sits, both ways refuse
    /// (or read) the same files.
    #[test]
    fn deep_values_are_refused_where_the_careful_way_refuses_them(
        depth in 118usize..130,
        place in 0usize..5,
    ) {
        let deep = nested(depth);
        let good = r#""id": "a", "name": "n", "customer": "c", "amount": 1, "stage": "P0", "created": "2026-01-01T00:00:00Z", "updated": "2026-01-01T00:00:00Z""#;
        let deal = match place {
            0 => format!("{{{good}, \"x\": {deep}}}"),
            1 => format!(r#"{{{good}, "contacts": [{{"id": "c1", "name": "m", "x": {deep}}}]}}"#),
            2 => format!(r#"{{{good}, "swot": {{"so": {deep}}}}}"#),
            3 => format!(r#"{{{good}, "gates": {{"g": {{"on": "2026-01-02", "evidence": {deep}}}}}}}"#),
            _ => format!("{{{good}}}"),
        };
        let top = if place == 4 { format!(r#", "x": {deep}"#) } else { String::new() };
        let text = format!(
            r#"{{"format": "keyplan.plan", "version": 1{top}, "deals": [{deal}, {{{good2}}}]}}"#,
            good2 = good.replace(r#""id": "a""#, r#""id": "b""#)
        );
        let now = Utc.with_ymd_and_hms(2026, 11, 28, 9, 0, 0).unwrap();
        for mode in [Mode::Strict, Mode::Lenient { now }] {
            prop_assert_eq!(read(&text, mode), read_carefully(&text, mode), "depth {} place {}", depth, place);
        }
    }
}

/// Deals as keyplan writes them go the quick way (a wrong answer there would differ from the
/// careful way, which the property above catches; this one guards that the quick way is taken).
#[test]
fn a_deal_as_keyplan_writes_it_is_read_the_quick_way() {
    let now = Utc.with_ymd_and_hms(2026, 11, 28, 9, 0, 0).unwrap();
    let plan = keyplan::domain::sample::sample_plan(now.date_naive(), now);
    let text = keyplan::domain::plan_file::encode(&plan, now);
    assert_eq!(
        keyplan::domain::plan_file::quick_share(&text),
        Some((plan.deals.len(), plan.deals.len()))
    );
    assert!(keyplan::domain::plan_file::in_one_pass(&text));
}

/// serde_json reads a struct from an array too (items as fields, in order); the careful reader
/// refuses a deal, a history entry, a gate check or a close written so, and the quick way must
/// give the same answer in both modes.
#[test]
fn parts_written_as_arrays_are_read_alike_both_ways() {
    let stamp = "\"2027-01-01T00:00:00Z\"";
    let nulls = vec!["null"; 15].join(",");
    let base = r#""id": "d1", "name": "n", "customer": "c", "amount": 100, "stage": "P1""#;
    let change = r#""from": "P0", "to": "P1", "at": "2027-01-01T00:00:00Z""#;
    for deal in [
        format!(r#"["d1","n","c",100,"P1",{nulls},{stamp},{stamp}]"#),
        format!(r#"{{{base}, "gates": {{"g1": ["2027-01-01"]}}}}"#),
        format!(r#"{{{base}, "history": [["P0", "P1", {stamp}]]}}"#),
        format!(r#"{{{base}, "history": [{{{change}, "close": []}}]}}"#),
    ] {
        let text = format!(r#"{{"format": "keyplan.plan", "version": 1, "deals": [{deal}]}}"#);
        let now = Utc.with_ymd_and_hms(2026, 11, 28, 9, 0, 0).unwrap();
        for mode in [Mode::Strict, Mode::Lenient { now }] {
            assert_eq!(read(&text, mode), read_carefully(&text, mode), "{text}");
        }
        assert!(read(&text, Mode::Strict).is_err(), "{text}");
    }
}
