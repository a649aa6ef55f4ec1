//! The plan writer built for speed writes, for every plan, byte for byte what serde writes of the
//! file's layout: same keys, order and omissions, same spelling of numbers, days and moments, same
//! escaping of any text.
mod common;

use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, NaiveDate, TimeZone, Utc};
use common::{method_with, now};
use keyplan::domain::category::Category;
use keyplan::domain::deal::{CloseMove, GateCheck, StageChange, Strategies};
use keyplan::domain::method::{GateId, Method};
use keyplan::domain::people::{Competitor, Contact, ContactId, People};
use keyplan::domain::plan_file::{decode, encode, encode_by_serde, encode_pretty};
use keyplan::domain::quota::{Quota, QuotaPeriod};
use keyplan::domain::sample::sample_plan;
use keyplan::domain::split::{Part, Split, SplitKind};
use keyplan::domain::workshop_header::WorkshopHeader;
use keyplan::domain::{Currency, Deal, DealId, DealStatus, Money, Plan, Stage};
use proptest::prelude::*;
use proptest::test_runner::Config as ProptestConfig;
use serde_json::Value;

/// Characters a JSON writer must take care with, and a few that need none but look as if.
const HOSTILE: &[char] = &[
    '"', '\\', '/', '\n', '\r', '\t', '\u{8}', '\u{c}', '\0', '\u{1}', '\u{1f}', '\u{7f}',
    '\u{80}', '\u{2028}', '\u{2029}', '\u{202e}', '\u{feff}', '\u{fffd}', '中', '€', '😀', '{',
    '}', ',', ':', '[', ']', 'a', ' ',
];

/// Any text: every Unicode scalar value may be in it (a lone surrogate is none), and the hostile
/// characters, every control character among them, often are, between runs of plain ASCII (which
/// the writer skips eight bytes at a time), so that an escape falls at every place of a word.
fn text(max: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            2 => proptest::sample::select(HOSTILE),
            1 => (0u8..0x20).prop_map(char::from),
            2 => proptest::char::range('a', 'z'),
            1 => any::<char>(),
        ],
        0..=max,
    )
    .prop_map(|chars| chars.into_iter().collect())
}

/// Days of every year chrono knows, most of them in the years keyplan spells itself.
fn day() -> impl Strategy<Value = NaiveDate> {
    let (first, last) = (
        NaiveDate::MIN.num_days_from_ce(),
        NaiveDate::MAX.num_days_from_ce(),
    );
    prop_oneof![
        4 => 700_000i32..750_000,
        1 => first..=last,
    ]
    .prop_map(|days| NaiveDate::from_num_days_from_ce_opt(days).unwrap())
}

/// Moments in whole seconds mostly, else with a fraction, in years of four digits or not.
fn moment() -> impl Strategy<Value = DateTime<Utc>> {
    (
        prop_oneof![
            4 => 0i64..5_000_000_000,
            1 => -200_000_000_000i64..300_000_000_000,
        ],
        prop_oneof![4 => Just(0u32), 1 => 0u32..1_000_000_000],
    )
        .prop_map(|(s, n)| Utc.timestamp_opt(s, n).unwrap())
}

fn stage() -> impl Strategy<Value = Stage> {
    proptest::sample::select(Stage::ALL.to_vec())
}

fn status() -> impl Strategy<Value = DealStatus> {
    proptest::sample::select(DealStatus::ALL.to_vec())
}

fn amount() -> impl Strategy<Value = Money> {
    prop_oneof![
        0i128..100_000_000_000_000,
        -1_000_000i128..1_000_000,
        any::<i128>(),
        Just(i128::MIN),
        Just(i128::MAX),
    ]
    .prop_map(Money::from_minor)
}

/// JSON values of every kind, numbers as written (any precision), keys hostile.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        prop_oneof![
            Just("0"),
            Just("-0"),
            Just("2.50"),
            Just("1e400"),
            Just("-1.5E-7"),
            Just("340282366920938463463374607431768211456"),
        ]
        .prop_map(|n| serde_json::from_str::<Value>(n).unwrap()),
        text(8).prop_map(Value::String),
    ];
    leaf.prop_recursive(2, 8, 3, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..3).prop_map(Value::Array),
            proptest::collection::btree_map(text(4), inner, 0..3)
                .prop_map(|map| Value::Object(map.into_iter().collect())),
        ]
    })
}

fn unknown() -> impl Strategy<Value = BTreeMap<String, Value>> {
    proptest::collection::btree_map(text(6), json_value(), 0..3)
}

fn change() -> impl Strategy<Value = StageChange> {
    (
        (stage(), stage(), moment(), text(12)),
        (
            proptest::collection::vec(text(6).prop_map(GateId), 0..3),
            proptest::option::of(status()),
            text(8),
            proptest::option::of((proptest::option::of(day()), proptest::option::of(day()))),
        ),
    )
        .prop_map(
            |((from, to, at, reason), (missing, status, competitor, close))| StageChange {
                from,
                to,
                at,
                reason,
                missing,
                status,
                competitor,
                close: close.map(|(was, now)| CloseMove { was, now }),
            },
        )
}

fn people() -> impl Strategy<Value = People> {
    (
        proptest::collection::vec((text(6), text(6), unknown()), 0..2),
        proptest::collection::vec(text(6), 0..2),
        text(4),
        text(4),
    )
        .prop_map(|(contacts, rivals, so, learned)| {
            let mut people = People::default();
            for (i, (name, notes, extra)) in contacts.into_iter().enumerate() {
                let mut contact = Contact::named(ContactId::new(format!("c{i}")), name);
                contact.notes = notes;
                contact.extra = extra;
                people.contacts.push(contact);
            }
            for name in rivals {
                people.competitors.push(Competitor {
                    name,
                    ..Competitor::default()
                });
            }
            people.swot.so = so;
            people.review.learned = learned;
            people
        })
}

fn bonus() -> impl Strategy<Value = Split> {
    (
        amount(),
        proptest::sample::select(SplitKind::ALL.to_vec()),
        proptest::collection::vec((text(6), any::<i128>(), unknown()), 0..3),
        unknown(),
    )
        .prop_map(|(total, kind, parts, extra)| Split {
            total,
            kind,
            parts: parts
                .into_iter()
                .map(|(name, value, extra)| Part { name, value, extra })
                .collect(),
            extra,
        })
}

prop_compose! {
    fn deal()(
        (id, name, customer, amount, stage, status) in
            (text(8), text(20), text(20), amount(), stage(), status()),
        (expected_close, closed_on, owner, product, region, segment) in (
            proptest::option::of(day()), proptest::option::of(day()),
            text(6), text(6), text(6), text(6),
        ),
        (next_step, notes, probability, category) in (
            text(20), text(30), proptest::option::of(any::<u8>()),
            proptest::option::of(proptest::sample::select(Category::ALL.to_vec())),
        ),
        (gates, history, self_check) in (
            proptest::collection::btree_map(
                text(6).prop_map(GateId),
                (day(), text(10)).prop_map(|(on, evidence)| GateCheck { on, evidence }),
                0..4,
            ),
            proptest::collection::vec(change(), 0..3),
            proptest::collection::btree_set(text(6), 0..3),
        ),
        (strategies, people, bonus) in (
            proptest::collection::btree_map(stage(), proptest::collection::vec(text(10), 1..3), 0..3),
            prop_oneof![3 => Just(People::default()), 1 => people()],
            proptest::option::of(bonus()),
        ),
        (created, updated, extra) in (moment(), moment(), unknown()),
    ) -> Deal {
        let mut strategies_of = Strategies::default();
        for (stage, list) in strategies {
            strategies_of.set(stage, list);
        }
        Deal {
            id: DealId::new(id), name, customer, amount, stage, status, expected_close,
            closed_on, owner, product, region, segment, next_step, notes, probability, category,
            gates, history, self_check, strategies: strategies_of, people, bonus, created,
            updated, extra,
        }
    }
}

fn quota() -> impl Strategy<Value = Quota> {
    (proptest::option::of(text(6)), 1u32..=12, amount()).prop_map(|(owner, month, amount)| Quota {
        owner,
        period: QuotaPeriod::parse(&format!("2027-{month:02}")).unwrap(),
        amount,
    })
}

prop_compose! {
    fn plan()(
        title in proptest::option::of(text(12)),
        currency in proptest::sample::select(vec!["CNY", "USD", "EUR"]),
        custom_method in any::<bool>(),
        quotas in proptest::collection::vec(quota(), 0..3),
        deals in proptest::collection::vec(deal(), 0..5),
        workshop in proptest::option::of((text(6), text(6), text(10))),
        extra in unknown(),
    ) -> Plan {
        Plan {
            title,
            currency: Currency::parse(currency).unwrap(),
            method: if custom_method { method_with(2) } else { Method::default() }.into(),
            quotas,
            deals: deals.into_iter().map(std::rc::Rc::new).collect(),
            workshop: workshop.map(|(id, table, exercise)| WorkshopHeader { id, table, exercise }),
            extra,
            ..Plan::default()
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn the_quick_writer_writes_what_serde_writes(plan in plan(), at in moment()) {
        prop_assert_eq!(encode(&plan, at), encode_by_serde(&plan, at));
    }
}

#[test]
fn the_sample_plan_is_written_as_serde_writes_it() {
    let plan = sample_plan(common::today(), now());
    let text = encode(&plan, now());
    assert_eq!(text, encode_by_serde(&plan, now()));
    assert_eq!(decode(&text).unwrap(), plan);
}

/// A deal with every part, the odd spellings among them, next to an ordinary one.
#[test]
fn every_part_of_a_deal_is_written_in_its_place() {
    let mut plan = sample_plan(common::today(), now());
    plan.extra.insert(
        "x_top \"field\"\u{2028}".into(),
        serde_json::json!([1, "\u{0}"]),
    );
    let deal = std::rc::Rc::make_mut(&mut plan.deals[0]);
    deal.amount = Money::from_minor(-1_05);
    deal.probability = Some(0);
    deal.category = Some(Category::BestCase);
    deal.notes = "\"引号\" \\ \n\t\u{1}\u{7f}\u{2028}\u{2029} 😀".into();
    deal.self_check.insert("q\"1".into());
    deal.strategies
        .set(Stage::P2, vec!["先见技术\n负责人".into()]);
    deal.people.swot.so = "SO".into();
    deal.bonus = Some(Split {
        total: Money::from_minor(10_000),
        ..Split::default()
    });
    deal.history.push(StageChange {
        missing: vec![GateId("p1-\"a\"".into()), GateId("p1-b".into())],
        status: Some(DealStatus::Lost),
        competitor: "对手".into(),
        close: Some(CloseMove {
            was: None,
            now: NaiveDate::from_ymd_opt(10_000, 1, 1),
        }),
        ..StageChange::moved(Stage::P1, Stage::P2, now())
    });
    deal.extra
        .insert("x_deal".into(), serde_json::json!({"a": null}));
    let text = encode(&plan, now());
    assert_eq!(text, encode_by_serde(&plan, now()));
    assert!(
        text.contains(r#""notes":"\"引号\" \\ \n\t\u0001"#),
        "{text}"
    );
    assert!(text.contains(r#""amount":-1.05,"#), "{text}");
    assert!(text.contains(r#""close":{"now":"+10000-01-01"}"#), "{text}");
    // U+2028 is valid in JSON text and left as it is
    assert!(
        text.ends_with("],\"x_top \\\"field\\\"\u{2028}\":[1,\"\\u0000\"]}"),
        "{text}"
    );
    let pretty: Value = serde_json::from_str(&encode_pretty(&plan, now())).unwrap();
    assert_eq!(pretty, serde_json::from_str::<Value>(&text).unwrap());
}

#[test]
fn a_plan_without_deals_has_an_empty_list() {
    let plan = Plan::default();
    let text = encode(&plan, now());
    assert_eq!(text, encode_by_serde(&plan, now()));
    assert!(text.ends_with(r#","deals":[]}"#), "{text}");
}

/// Moments with a fraction of a second and days beyond year 9999 are spelled by chrono, deal by
/// deal, between deals written the quick way.
#[test]
fn odd_days_and_moments_are_spelled_as_chrono_spells_them() {
    let mut plan = sample_plan(common::today(), now());
    let odd = std::rc::Rc::make_mut(&mut plan.deals[1]);
    odd.updated = Utc.timestamp_opt(1_800_000_000, 5).unwrap();
    odd.expected_close = NaiveDate::from_ymd_opt(-1, 12, 31);
    let text = encode(&plan, now());
    assert_eq!(text, encode_by_serde(&plan, now()));
    assert!(
        text.contains(r#""updated":"2027-01-15T08:00:00.000000005Z""#),
        "{text}"
    );
    assert!(text.contains(r#""expected_close":"-0001-12-31""#), "{text}");
}
