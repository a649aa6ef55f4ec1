//! The forecast, pinned on hand-computed cases, with invariants checked by property tests.
mod common;

use chrono::NaiveDate;
use common::{date, fields, method_with, now, plan_by};
use keyplan::domain::category::Category;
use keyplan::domain::csv::{document, field, BOM};
use keyplan::domain::deal::GateCheck;
use keyplan::domain::filter::{Dimension, Filter};
use keyplan::domain::forecast::attainment::{attainments, ratio_permille};
use keyplan::domain::forecast::{bucket, forecast, risk_by_owner, Bucket, Query};
use keyplan::domain::period::{Granularity, Period};
use keyplan::domain::quota::{quota_for, Quota, QuotaPeriod};
use keyplan::domain::weighting::Basis;
use keyplan::domain::{DealId, DealStatus, Money, Plan, Stage};
use proptest::prelude::*;

fn today() -> NaiveDate {
    date("2026-11-27")
}

fn query() -> Query {
    Query::rolling_year(today())
}

/// A plan under a method without gate items; deals `(id, major, stage, close, owner)`.
fn plan(deals: &[(&str, i64, Stage, Option<&str>, &str)]) -> Plan {
    let mut plan = plan_by(method_with(0));
    for (id, major, stage, close, owner) in deals {
        let mut f = fields(id, *major, *stage);
        f.expected_close = close.map(date);
        f.owner = owner.to_string();
        plan.add(DealId::new(*id), f, now()).unwrap();
    }
    plan
}

fn month(text: &str) -> Bucket {
    Bucket::Period(Period::parse(text).unwrap())
}

fn row(table: &keyplan::domain::forecast::Table, b: Bucket) -> &keyplan::domain::forecast::Figures {
    &table
        .rows
        .iter()
        .find(|(k, _)| *k == b)
        .unwrap_or_else(|| panic!("no row {b:?}"))
        .1
}

#[test]
fn the_default_window_is_this_month_and_the_next_eleven() {
    let periods = query().periods();
    assert_eq!(periods.len(), 12);
    assert_eq!(periods[0].code(), "2026-11");
    assert_eq!(periods[11].code(), "2027-10");
    let q = Query {
        granularity: Granularity::Quarter,
        ..query()
    };
    let codes: Vec<String> = q.periods().iter().map(|p| p.code()).collect();
    assert_eq!(
        codes,
        ["2026-Q4", "2027-Q1", "2027-Q2", "2027-Q3", "2027-Q4"],
        "whole quarters touching the window"
    );
    let y = Query {
        granularity: Granularity::Year,
        ..query()
    };
    assert_eq!(
        y.periods().iter().map(|p| p.code()).collect::<Vec<_>>(),
        ["2026", "2027"]
    );
}

#[test]
fn open_deals_are_weighted_in_their_close_month() {
    let p = plan(&[
        ("a", 1_000_000, Stage::P2, Some("2026-12-15"), "王"),
        ("b", 333_333, Stage::P4, Some("2026-12-31"), "王"),
        ("c", 500_000, Stage::P6, Some("2027-01-01"), "李"),
    ]);
    let f = forecast(&p, &query()).total;
    let dec = row(&f, month("2026-12"));
    // 1,000,000 × 25% + 333,333 × 50% = 250,000 + 166,666.50
    assert_eq!(dec.weighted(), Money::from_minor(41_666_650));
    assert_eq!(dec.open, Money::from_major(1_333_333));
    assert_eq!(dec.open_count, 2);
    assert_eq!(
        row(&f, month("2027-01")).weighted(),
        Money::from_major(450_000)
    );
    assert_eq!(f.total.total(), Money::from_minor(41_666_650 + 45_000_000));
}

#[test]
fn rounding_happens_once_at_the_end() {
    let mut p = plan(&[
        ("a", 0, Stage::P4, Some("2026-12-01"), ""),
        ("b", 0, Stage::P4, Some("2026-12-01"), ""),
        ("c", 0, Stage::P4, Some("2026-12-01"), ""),
    ]);
    for d in &mut p.deals {
        std::rc::Rc::make_mut(d).amount = Money::from_minor(1);
    }
    // 3 × ¥0.01 × 50% = ¥0.015 → ¥0.02 (rounding each deal would give ¥0.03)
    assert_eq!(
        row(&forecast(&p, &query()).total, month("2026-12")).weighted(),
        Money::from_minor(2)
    );
}

#[test]
fn a_deals_own_probability_and_category_override_its_stage() {
    let mut p = plan(&[("a", 100_000, Stage::P2, Some("2026-12-10"), "")]);
    let f = |p: &Plan| *row(&forecast(p, &query()).total, month("2026-12"));
    assert_eq!(f(&p).weighted(), Money::from_major(25_000));
    assert_eq!(f(&p).pipeline, Money::from_major(100_000));
    common::deal_mut(&mut p, 0).probability = Some(40);
    common::deal_mut(&mut p, 0).category = Some(Category::Commit);
    assert_eq!(f(&p).weighted(), Money::from_major(40_000));
    assert_eq!(
        (f(&p).pipeline, f(&p).commit),
        (Money::ZERO, Money::from_major(100_000))
    );
}

#[test]
fn won_counts_in_full_in_its_close_month_and_lost_nowhere() {
    let mut p = plan(&[
        ("won", 200_000, Stage::P6, Some("2027-02-01"), ""),
        ("lost", 900_000, Stage::P5, Some("2026-12-01"), ""),
        ("won-old", 50_000, Stage::P6, None, ""),
    ]);
    common::set_status(
        &mut p,
        &DealId::new("won"),
        DealStatus::Won,
        date("2026-11-03"),
        now(),
    );
    common::set_status(
        &mut p,
        &DealId::new("lost"),
        DealStatus::Lost,
        date("2026-11-20"),
        now(),
    );
    common::set_status(
        &mut p,
        &DealId::new("won-old"),
        DealStatus::Won,
        date("2026-09-30"),
        now(),
    );
    let f = forecast(&p, &query()).total;
    let nov = row(&f, month("2026-11"));
    assert_eq!(
        (nov.won, nov.won_count, nov.weighted()),
        (Money::from_major(200_000), 1, Money::ZERO)
    );
    assert_eq!(
        row(&f, Bucket::Earlier).won,
        Money::from_major(50_000),
        "won before the window is listed, not dropped"
    );
    assert_eq!(f.total.won, Money::from_major(250_000));
    assert_eq!(f.total.open_count, 0, "the lost deal counts nowhere");
    assert_eq!(f.total.total(), Money::from_major(250_000));
}

#[test]
fn no_date_overdue_and_later_get_buckets_of_their_own() {
    let p = plan(&[
        ("none", 100_000, Stage::P1, None, ""),
        ("overdue", 100_000, Stage::P3, Some("2026-11-26"), ""),
        ("today", 100_000, Stage::P3, Some("2026-11-27"), ""),
        ("later", 100_000, Stage::P3, Some("2027-11-01"), ""),
    ]);
    let f = forecast(&p, &query()).total;
    assert_eq!(
        row(&f, Bucket::NoDate).weighted(),
        Money::from_major(20_000)
    );
    assert_eq!(
        row(&f, Bucket::Overdue).weighted(),
        Money::from_major(30_000)
    );
    assert_eq!(
        row(&f, month("2026-11")).weighted(),
        Money::from_major(30_000),
        "closing today is not overdue"
    );
    assert_eq!(row(&f, Bucket::Later).weighted(), Money::from_major(30_000));
    assert_eq!(f.total.open_count, 4);
    let kinds: Vec<Bucket> = f.rows.iter().map(|(b, _)| *b).collect();
    assert_eq!(kinds.first(), Some(&Bucket::Overdue));
    assert_eq!(&kinds[kinds.len() - 2..], [Bucket::Later, Bucket::NoDate]);
}

#[test]
fn quarter_boundaries_and_a_leap_day() {
    let p = plan(&[
        ("q4", 100, Stage::P6, Some("2026-12-31"), ""),
        ("q1", 100, Stage::P6, Some("2027-01-01"), ""),
        ("leap", 100, Stage::P6, Some("2028-02-29"), ""),
    ]);
    let q = Query {
        granularity: Granularity::Quarter,
        ..query()
    };
    let f = forecast(&p, &q).total;
    assert_eq!(
        row(&f, Bucket::Period(Period::parse("2026-Q4").unwrap())).open,
        Money::from_major(100)
    );
    assert_eq!(
        row(&f, Bucket::Period(Period::parse("2027-Q1").unwrap())).open,
        Money::from_major(100)
    );
    let leap_window = Query {
        start: date("2028-01-15"),
        ..query()
    };
    let leap = forecast(&p, &leap_window).total;
    assert_eq!(row(&leap, month("2028-02")).open, Money::from_major(100));
    assert!(Granularity::Month
        .period_of(date("2028-02-29"))
        .contains(date("2028-02-01")));
}

#[test]
fn categories_single_and_cumulative() {
    assert_eq!(
        Stage::ALL.map(Category::for_stage),
        [
            Category::Pipeline,
            Category::Pipeline,
            Category::Pipeline,
            Category::BestCase,
            Category::BestCase,
            Category::Commit,
            Category::Commit,
            Category::Closed,
        ]
    );
    let mut p = plan(&[
        ("pipe", 1_000, Stage::P1, Some("2026-12-01"), ""),
        ("best", 2_000, Stage::P3, Some("2026-12-01"), ""),
        ("commit", 4_000, Stage::P5, Some("2026-12-01"), ""),
        ("won", 8_000, Stage::P7, Some("2026-12-01"), ""),
    ]);
    common::deal_mut(&mut p, 3).status = DealStatus::Won;
    let dec = *row(&forecast(&p, &query()).total, month("2026-12"));
    assert_eq!(
        [dec.pipeline, dec.best_case, dec.commit, dec.won],
        [1_000, 2_000, 4_000, 8_000].map(Money::from_major)
    );
    assert_eq!(dec.cumulative(Category::Closed), Money::from_major(8_000));
    assert_eq!(dec.cumulative(Category::Commit), Money::from_major(12_000));
    assert_eq!(
        dec.cumulative(Category::BestCase),
        Money::from_major(14_000)
    );
    assert_eq!(
        dec.cumulative(Category::Pipeline),
        Money::from_major(15_000)
    );
    assert_eq!(Category::parse("best_case"), Some(Category::BestCase));
}

#[test]
fn filters_and_group_by_cover_the_matrix() {
    let mut p = plan(&[
        ("a", 100_000, Stage::P4, Some("2026-12-01"), "王晓明"),
        ("b", 200_000, Stage::P4, Some("2026-12-01"), "李娜"),
        ("c", 400_000, Stage::P4, Some("2027-01-01"), "王晓明"),
    ]);
    common::deal_mut(&mut p, 0).region = "华东".into();
    common::deal_mut(&mut p, 1).region = "华北".into();
    common::deal_mut(&mut p, 2).region = "华东".into();
    let grouped = forecast(
        &p,
        &Query {
            group_by: Some(Dimension::Owner),
            ..query()
        },
    );
    let names: Vec<_> = grouped
        .tables
        .iter()
        .map(|t| t.group.clone().unwrap())
        .collect();
    assert_eq!(names, ["李娜", "王晓明"]);
    assert_eq!(
        grouped.tables[1].total.weighted(),
        Money::from_major(250_000)
    );
    let sum: Money = grouped.tables.iter().map(|t| t.total.total()).sum();
    assert_eq!(
        sum,
        grouped.total.total.total(),
        "groups add up to the whole"
    );
    let east = Query {
        filter: Filter {
            only: vec![(Dimension::Region, "华东".into())],
            score: None,
        },
        ..query()
    };
    assert_eq!(
        forecast(&p, &east).total.total.open,
        Money::from_major(500_000)
    );
}

#[test]
fn the_verified_forecast_uses_the_evidence() {
    let mut p = plan_by(method_with(1));
    let mut f = fields("d", 1_000_000, Stage::P5);
    f.expected_close = Some(date("2026-12-20"));
    f.owner = "王晓明".into();
    p.add(DealId::new("d"), f, now()).unwrap();
    for stage in [Stage::P0, Stage::P1, Stage::P2] {
        let item = common::item(stage, 0);
        p.check_gate(
            &DealId::new("d"),
            &item,
            GateCheck {
                on: today(),
                evidence: String::new(),
            },
            now(),
        )
        .unwrap();
    }
    common::deal_mut(&mut p, 0).probability = Some(90);
    let claimed = forecast(&p, &query()).total;
    let verified = forecast(
        &p,
        &Query {
            basis: Basis::Verified,
            ..query()
        },
    )
    .total;
    assert_eq!(
        claimed.total.weighted(),
        Money::from_major(900_000),
        "the deal's own 90%"
    );
    assert_eq!(
        verified.total.weighted(),
        Money::from_major(300_000),
        "evidence supports P3: 30%"
    );
    assert_eq!(verified.total.best_case, Money::from_major(1_000_000));
    let risk = risk_by_owner(&p, &query());
    assert_eq!(risk.len(), 1);
    assert_eq!(
        (risk[0].owner.as_str(), risk[0].difference()),
        ("王晓明", Money::from_major(600_000))
    );
}

#[test]
fn quota_attainment_gap_and_coverage() {
    let mut p = plan(&[
        ("won", 600_000, Stage::P6, Some("2026-11-10"), "王晓明"),
        ("open", 1_000_000, Stage::P5, Some("2026-12-05"), "王晓明"),
        ("other", 5_000_000, Stage::P5, Some("2026-12-05"), "李娜"),
        ("next-q", 1_000_000, Stage::P5, Some("2027-01-05"), "王晓明"),
    ]);
    common::set_status(
        &mut p,
        &DealId::new("won"),
        DealStatus::Won,
        date("2026-11-10"),
        now(),
    );
    let q4 = QuotaPeriod::parse("2026-Q4").unwrap();
    p.quotas.push(Quota {
        owner: Some("王晓明".into()),
        period: q4,
        amount: Money::from_major(2_000_000),
    });
    p.quotas.push(Quota {
        owner: None,
        period: q4,
        amount: Money::from_major(10_000_000),
    });
    assert_eq!(
        quota_for(&p.quotas, Some("王晓明"), q4.period()),
        Some(Money::from_major(2_000_000))
    );
    assert_eq!(
        quota_for(&p.quotas, None, q4.period()),
        Some(Money::from_major(10_000_000))
    );
    assert_eq!(quota_for(&p.quotas, Some("李娜"), q4.period()), None);
    assert_eq!(
        quota_for(&p.quotas, None, Period::parse("2026-12").unwrap()),
        None,
        "a quarter's quota is not a month's"
    );
    let list = attainments(&p, Basis::Claimed, &Filter::default());
    assert_eq!(list[0].owner, None, "team first");
    let wang = &list[1];
    assert_eq!(
        (wang.won, wang.open_weighted),
        (Money::from_major(600_000), Money::from_major(750_000))
    );
    assert_eq!(wang.gap(), Money::from_major(1_400_000));
    assert_eq!(wang.attainment_permille(), Some(300));
    assert_eq!(
        wang.coverage_permille(),
        Some(536),
        "750,000 ÷ 1,400,000 = 0.5357"
    );
    let team = &list[0];
    assert_eq!(team.open_weighted, Money::from_major(4_500_000));
    assert_eq!(ratio_permille(Money::from_major(1), Money::ZERO), None);
    let json = serde_json::to_string(&p.quotas[0]).unwrap();
    assert_eq!(
        json,
        r#"{"owner":"王晓明","period":"2026-Q4","amount":2000000}"#
    );
    assert_eq!(
        QuotaPeriod::parse("2026"),
        None,
        "a year is no quota period"
    );
    assert_eq!(QuotaPeriod::parse("2026-13"), None);
    assert_eq!(
        QuotaPeriod::parse(" 2026-11 ").unwrap().period().code(),
        "2026-11"
    );
    let wang_only = Filter::default().with(Dimension::Owner, "王晓明");
    let list = attainments(&p, Basis::Claimed, &wang_only);
    assert_eq!(
        list.len(),
        1,
        "an owner's filter lists only that owner's quotas"
    );
    assert_eq!(list[0].owner.as_deref(), Some("王晓明"));
    let east = Filter::default().with(Dimension::Region, "华东");
    assert_eq!(east.quota_owner(), None);
    assert!(
        attainments(&p, Basis::Claimed, &east).is_empty(),
        "a region is measured against no quota"
    );
    let wang_mes = wang_only.with(Dimension::Product, "MES");
    assert!(attainments(&p, Basis::Claimed, &wang_mes).is_empty());
    assert_eq!(wang_only.quota_owner(), Some(Some("王晓明")));
    assert_eq!(Filter::default().quota_owner(), Some(None), "the team's");
}

#[test]
fn csv_fields_are_quoted_and_guarded() {
    assert_eq!(field("华东"), "华东");
    assert_eq!(field("a,b"), "\"a,b\"");
    assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
    assert_eq!(field("=SUM(A1)"), "'=SUM(A1)");
    assert_eq!(field("-5"), "-5", "numbers stay numbers");
    for number in ["+1.25", "-3e6", "-.5", "-7.", "+2E-3"] {
        assert_eq!(field(number), number, "numbers stay numbers");
    }
    for formula in [
        "-", "+", "-e5", "-1e", "-1.2.3", "-inf", "-NaN", "-1+1", "+.", "-1e+",
    ] {
        assert_eq!(
            field(formula),
            format!("'{formula}"),
            "{formula} is guarded"
        );
    }
    assert_eq!(field("\t=1+1"), "'\t=1+1", "a leading tab is guarded");
    assert_eq!(
        field("\r=cmd"),
        "\"'\r=cmd\"",
        "a leading carriage return is guarded"
    );
    assert_eq!(field("@SUM(1)"), "'@SUM(1)");
    let doc = document(&[
        vec!["月份".into(), "金额".into()],
        vec!["2026-11".into(), "1250000.00".into()],
    ]);
    assert!(doc.starts_with(BOM));
    assert_eq!(doc, "\u{feff}月份,金额\r\n2026-11,1250000.00\r\n");
}

proptest! {
    #[test]
    fn buckets_add_up_and_weighted_never_exceeds_open(
        deals in proptest::collection::vec((0i64..5_000_000, 0usize..8, proptest::option::of(0i64..800), 0u8..3), 0..60)
    ) {
        let mut p = plan_by(method_with(0));
        for (i, (major, stage, offset, status)) in deals.iter().enumerate() {
            let mut f = fields(&format!("d{i}"), *major, Stage::from_index(*stage).unwrap());
            f.expected_close = offset.map(|o| date("2026-06-01") + chrono::Duration::days(o));
            let id = DealId::new(format!("d{i}"));
            p.add(id.clone(), f, now()).unwrap();
            let status = [DealStatus::Open, DealStatus::Won, DealStatus::Lost][*status as usize];
            common::set_status(&mut p, &id, status, date("2026-10-01"), now());
        }
        let f = forecast(&p, &query());
        let open: Money = p.deals.iter().filter(|d| d.is_open()).map(|d| d.amount).sum();
        let won: Money = p.deals.iter().filter(|d| d.status == DealStatus::Won).map(|d| d.amount).sum();
        prop_assert_eq!(f.total.total.open, open);
        prop_assert_eq!(f.total.total.won, won);
        prop_assert!(f.total.total.weighted() <= f.total.total.open);
        let count: usize = f.total.rows.iter().map(|(_, r)| r.open_count + r.won_count).sum();
        prop_assert_eq!(count, p.deals.iter().filter(|d| d.status != DealStatus::Lost).count());
        let rows_total: i128 = f.total.rows.iter().map(|(_, r)| r.weighted().minor()).sum();
        prop_assert!((rows_total - f.total.total.weighted().minor()).abs() <= f.total.rows.len() as i128);
    }

    #[test]
    fn moving_a_deal_between_months_keeps_the_total(major in 0i64..10_000_000, from in 0i64..330, to in 0i64..330, stage in 0usize..8) {
        let mut p = plan(&[("d", major, Stage::from_index(stage).unwrap(), None, "")]);
        common::deal_mut(&mut p, 0).expected_close = Some(today() + chrono::Duration::days(from));
        let before = forecast(&p, &query()).total.total.total();
        common::deal_mut(&mut p, 0).expected_close = Some(today() + chrono::Duration::days(to));
        prop_assert_eq!(forecast(&p, &query()).total.total.total(), before);
        let q = query();
        let periods = q.periods();
        prop_assert!(matches!(bucket(&p.deals[0], &q, &periods), Some(Bucket::Period(_))));
    }
}
