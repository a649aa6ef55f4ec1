//! Helpers shared by the native tests.
#![allow(dead_code)]
use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use keyplan::domain::validate::{DealFields, DealInput};
use keyplan::domain::{DealId, Money, Plan, Stage};

pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 27, 9, 30, 0).unwrap()
}

pub fn later(minutes: i64) -> DateTime<Utc> {
    now() + chrono::Duration::minutes(minutes)
}

pub fn today() -> NaiveDate {
    date("2026-11-27")
}

pub fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

pub fn fields(name: &str, major: i64, stage: Stage) -> DealFields {
    DealFields {
        name: name.to_string(),
        customer: format!("{name} 客户"),
        amount: Money::from_major(major),
        stage,
        expected_close: None,
        owner: String::new(),
        product: String::new(),
        region: String::new(),
        segment: String::new(),
        next_step: String::new(),
        notes: String::new(),
    }
}

pub fn input(name: &str, customer: &str, amount: &str, stage: &str) -> DealInput {
    DealInput {
        name: name.to_string(),
        customer: customer.to_string(),
        amount: amount.to_string(),
        stage: stage.to_string(),
        ..DealInput::default()
    }
}

/// A plan with one deal per `(id, amount, stage)`.
pub fn plan_with(deals: &[(&str, i64, Stage)]) -> Plan {
    let mut plan = Plan::default();
    for (id, major, stage) in deals {
        plan.add(DealId::new(*id), fields(id, *major, *stage), now())
            .unwrap();
    }
    plan
}
