//! The deal editor's validation: every field error is specific, and all are reported at once.
mod common;

use common::{date, input};
use keyplan::domain::deal::Field;
use keyplan::domain::money::AmountError;
use keyplan::domain::validate::{check_deal, parse_optional_date, DealInput, Problem};
use keyplan::domain::{Money, Stage};

fn problems(input: &DealInput) -> Vec<(Field, Problem)> {
    input
        .validate()
        .unwrap_err()
        .into_iter()
        .map(|e| (e.field, e.problem))
        .collect()
}

#[test]
fn a_good_input_gives_trimmed_typed_fields() {
    let mut i = input("  二期MES  ", " 华东精密 ", "125万", "P2");
    i.expected_close = "2026-12-31".into();
    i.owner = " 李娜 ".into();
    let f = i.validate().unwrap();
    assert_eq!(f.name, "二期MES");
    assert_eq!(f.customer, "华东精密");
    assert_eq!(f.amount, Money::from_major(1_250_000));
    assert_eq!(f.stage, Stage::P2);
    assert_eq!(f.expected_close, Some(date("2026-12-31")));
    assert_eq!(f.owner, "李娜");
}

#[test]
fn empty_name_and_customer_are_required() {
    assert_eq!(
        problems(&input(" ", "", "100", "P0")),
        vec![
            (Field::Name, Problem::Required),
            (Field::Customer, Problem::Required)
        ]
    );
}

#[test]
fn amount_errors_are_specific() {
    let amount = |text: &str| problems(&input("n", "c", text, "P0"));
    assert_eq!(amount(""), vec![(Field::Amount, Problem::Required)]);
    assert_eq!(
        amount("-5"),
        vec![(Field::Amount, Problem::Amount(AmountError::Negative))]
    );
    assert_eq!(
        amount("1.005"),
        vec![(Field::Amount, Problem::Amount(AmountError::TooManyDecimals))]
    );
    assert_eq!(
        amount("abc"),
        vec![(
            Field::Amount,
            Problem::Amount(AmountError::NotANumber("abc".into()))
        )]
    );
    assert_eq!(
        amount("2万亿"),
        vec![(
            Field::Amount,
            Problem::Amount(AmountError::NotANumber("2万亿".into()))
        )]
    );
}

#[test]
fn unknown_stage_and_bad_date_are_reported_with_the_text() {
    let mut i = input("n", "c", "1", "P9");
    i.expected_close = "2026-02-30".into();
    let p = problems(&i);
    assert_eq!(p.len(), 2);
    assert!(matches!(&p[0], (Field::Stage, Problem::Stage(s)) if s == "P9"));
    assert_eq!(
        p[1],
        (Field::ExpectedClose, Problem::Date("2026-02-30".into()))
    );
}

#[test]
fn all_errors_come_back_in_field_order() {
    let mut i = input("", "", "-1", "X");
    i.expected_close = "tomorrow".into();
    i.notes = "字".repeat(10_001);
    let fields: Vec<Field> = problems(&i).into_iter().map(|(f, _)| f).collect();
    assert_eq!(
        fields,
        [
            Field::Name,
            Field::Customer,
            Field::Amount,
            Field::Stage,
            Field::ExpectedClose,
            Field::Notes
        ]
    );
}

#[test]
fn length_limits_count_characters_not_bytes() {
    let ok = input(&"项".repeat(200), "c", "1", "P0");
    assert!(ok.validate().is_ok());
    let long = input(&"项".repeat(201), "c", "1", "P0");
    assert_eq!(problems(&long), vec![(Field::Name, Problem::TooLong(200))]);
}

#[test]
fn dates_accept_common_chinese_forms() {
    for text in [
        "2026-12-31",
        "2026/12/31",
        "2026.12.31",
        "2026年12月31日",
        " 2026-12-31 ",
    ] {
        assert_eq!(
            parse_optional_date(text),
            Ok(Some(date("2026-12-31"))),
            "{text}"
        );
    }
    assert_eq!(parse_optional_date(""), Ok(None));
    assert_eq!(
        parse_optional_date("2024-02-29"),
        Ok(Some(date("2024-02-29")))
    );
    assert_eq!(parse_optional_date("2025-02-29"), Err("2025-02-29".into()));
}

#[test]
fn editor_text_of_a_deal_validates_back_to_the_same_fields() {
    let mut plan = common::plan_with(&[("a", 1_250_000, Stage::P3)]);
    common::deal_mut(&mut plan, 0).expected_close = Some(date("2027-01-15"));
    common::deal_mut(&mut plan, 0).amount = Money::from_minor(125_000_057);
    let deal = &plan.deals[0];
    let fields = DealInput::from_deal(deal).validate().unwrap();
    assert_eq!(fields.amount, deal.amount);
    assert_eq!(fields.stage, deal.stage);
    assert_eq!(fields.expected_close, deal.expected_close);
    assert_eq!(fields.name, deal.name);
}

#[test]
fn stored_deals_are_checked_by_the_same_rules() {
    let mut plan = common::plan_with(&[("a", 1, Stage::P0)]);
    assert!(check_deal(&plan.deals[0]).is_empty());
    common::deal_mut(&mut plan, 0).name = " ".into();
    common::deal_mut(&mut plan, 0).amount = Money::from_minor(-1);
    let fields: Vec<Field> = check_deal(&plan.deals[0])
        .into_iter()
        .map(|e| e.field)
        .collect();
    assert_eq!(fields, [Field::Name, Field::Amount]);
}
