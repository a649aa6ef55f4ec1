//! The period report (月报 / 季报 / 年报), pinned on a case computed by hand.
mod common;

use chrono::{Duration, Utc};
use common::{date, fields, method_with, now, plan_by, set_status};
use keyplan::domain::category::Category;
use keyplan::domain::filter::Filter;
use keyplan::domain::period::{Granularity, Period};
use keyplan::domain::quota::{Quota, QuotaPeriod};
use keyplan::domain::report::{
    categories, has_ended, last_closed, recent_periods, report, slips, RiskReason,
};
use keyplan::domain::{DealId, DealStatus, Money, Plan, Stage};

fn month(code: &str) -> Period {
    Period::parse(code).unwrap()
}

/// A deal's fields as the editor gives them back with another expected close.
fn edited(deal: &keyplan::domain::Deal, close: Option<&str>) -> keyplan::domain::deal::DealFields {
    let mut input = keyplan::domain::validate::DealInput::from_deal(deal);
    input.expected_close = close.unwrap_or_default().to_string();
    input.validate().unwrap()
}

/// One gate item per stage, none ticked: every deal's evidence supports P0 only.
fn case() -> Plan {
    let mut plan = plan_by(method_with(1));
    let mut add = |id: &str, major: i64, stage: Stage, close: &str, at| {
        let mut f = fields(id, major, stage);
        f.expected_close = Some(date(close));
        f.owner = "王晓明".into();
        plan.add(DealId::new(id), f, at).unwrap();
    };
    // won in November, twice; won in October; lost in November
    add("won-a", 100_000, Stage::P5, "2026-11-30", now());
    add("won-b", 50_000, Stage::P6, "2026-11-30", now());
    add("won-oct", 70_000, Stage::P6, "2026-10-30", now());
    add("lost", 30_000, Stage::P2, "2026-11-30", now());
    // open: P4 (50 %) closing in January; P1 (20 %) in December, stale since October; P3 (30 %)
    // whose date already passed
    add("big", 100_000, Stage::P4, "2027-01-15", now());
    add(
        "stale",
        40_000,
        Stage::P1,
        "2026-12-20",
        now() - Duration::days(40),
    );
    add("late", 20_000, Stage::P0, "2026-11-30", now());
    let win = |plan: &mut Plan, id: &str, on: &str| {
        set_status(plan, &DealId::new(id), DealStatus::Won, date(on), now());
    };
    win(&mut plan, "won-a", "2026-11-05");
    win(&mut plan, "won-b", "2026-11-20");
    win(&mut plan, "won-oct", "2026-10-28");
    set_status(
        &mut plan,
        &DealId::new("lost"),
        DealStatus::Lost,
        date("2026-11-12"),
        now(),
    );
    // "big" slips twice: January 15 → February 1 → March 1, then back to January 15
    for close in ["2027-02-01", "2027-03-01", "2027-01-15"] {
        let f = edited(plan.deal(&DealId::new("big")).unwrap(), Some(close));
        plan.edit(&DealId::new("big"), f, now()).unwrap();
    }
    plan.quotas.push(Quota {
        owner: None,
        period: QuotaPeriod::new(month("2026-11")).unwrap(),
        amount: Money::from_major(200_000),
    });
    plan
}

#[test]
fn a_month_report_adds_up_by_hand() {
    let plan = case();
    let today = date("2026-12-03");
    let r = report(&plan, month("2026-11"), &Filter::default(), today, &Utc);
    let ids = |deals: &[std::rc::Rc<keyplan::domain::Deal>]| {
        deals
            .iter()
            .map(|d| d.id.as_str().to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        ids(&r.won),
        ["won-a", "won-b"],
        "won in November, largest first"
    );
    assert_eq!(r.won_total, Money::from_major(150_000));
    assert_eq!(ids(&r.lost), ["lost"]);
    assert_eq!(r.quota, Some(Money::from_major(200_000)));
    assert_eq!(r.attainment_permille, Some(750));

    // the outlook: December, January, February
    let periods: Vec<String> = r.outlook.iter().map(|o| o.period.code()).collect();
    assert_eq!(periods, ["2026-12", "2027-01", "2027-02"]);
    // December: "stale" at P1, 20 % of 40,000 claimed; verified P0, 10 %
    assert_eq!(r.outlook[0].claimed.weighted(), Money::from_major(8_000));
    assert_eq!(r.outlook[0].verified, Money::from_major(4_000));
    // January: "big" at P4, 50 % of 100,000; verified 10 %
    assert_eq!(r.outlook[1].claimed.weighted(), Money::from_major(50_000));
    assert_eq!(r.outlook[1].verified, Money::from_major(10_000));
    assert_eq!(
        categories(&r.outlook[1].claimed),
        [
            (Category::Commit, Money::ZERO),
            (Category::BestCase, Money::from_major(100_000)),
            (Category::Pipeline, Money::ZERO),
        ],
        "P4 is best case"
    );
    assert_eq!(r.outlook[2].claimed.weighted(), Money::ZERO);

    // risks: "big" is ahead of its evidence and slipped twice; "stale" is ahead and idle for 46
    // days; "late" (P0, so not ahead) is 3 days past its date
    let risks: Vec<(&str, &[RiskReason])> = r
        .risks
        .iter()
        .map(|risk| (risk.deal.id.as_str(), risk.reasons.as_slice()))
        .collect();
    assert_eq!(
        risks,
        [
            (
                "big",
                &[RiskReason::Ahead(Stage::P0), RiskReason::Slipped(2)][..]
            ),
            (
                "stale",
                &[RiskReason::Ahead(Stage::P0), RiskReason::Stale(46)][..]
            ),
            ("late", &[RiskReason::Overdue(3)][..]),
        ]
    );

    // the largest open deals by claimed weighted amount
    let top: Vec<(&str, Money, Money)> = r
        .top
        .iter()
        .map(|t| (t.deal.id.as_str(), t.weighted, t.verified_weighted))
        .collect();
    assert_eq!(
        top,
        [
            ("big", Money::from_major(50_000), Money::from_major(10_000)),
            ("stale", Money::from_major(8_000), Money::from_major(4_000)),
            ("late", Money::from_major(2_000), Money::from_major(2_000)),
        ]
    );
}

#[test]
fn a_filter_keeps_the_report_to_its_deals_and_an_owner_to_their_quota() {
    let plan = case();
    let today = date("2026-12-03");
    let filter = Filter::default().with(keyplan::domain::filter::Dimension::Owner, "李娜");
    let r = report(&plan, month("2026-11"), &filter, today, &Utc);
    assert!(r.won.is_empty() && r.risks.is_empty() && r.top.is_empty());
    assert_eq!(r.quota, None, "the team's quota is not 李娜's");
    assert_eq!(r.attainment_permille, None);
    let r = report(
        &plan,
        month("2026-11"),
        &Filter::default().with(keyplan::domain::filter::Dimension::Owner, "王晓明"),
        today,
        &Utc,
    );
    assert_eq!(r.won_total, Money::from_major(150_000));
}

#[test]
fn a_quarter_and_a_year_report_count_every_month_in_them() {
    let plan = case();
    let today = date("2026-12-03");
    let quarter = Granularity::Quarter.period_of(date("2026-10-01"));
    let r = report(&plan, quarter, &Filter::default(), today, &Utc);
    assert_eq!(
        r.won_total,
        Money::from_major(220_000),
        "October and November"
    );
    assert_eq!(r.quota, None, "no quarterly quota");
    let periods: Vec<String> = r.outlook.iter().map(|o| o.period.code()).collect();
    assert_eq!(periods, ["2027-Q1", "2027-Q2", "2027-Q3"]);
    assert_eq!(r.outlook[0].claimed.weighted(), Money::from_major(50_000));
    let year = Granularity::Year.period_of(today);
    assert_eq!(
        report(&plan, year, &Filter::default(), today, &Utc).won_total,
        Money::from_major(220_000)
    );
}

#[test]
fn the_periods_offered_run_back_from_today_and_the_usual_one_has_ended() {
    let today = date("2026-12-03");
    let codes = |g| {
        recent_periods(g, today, 4)
            .iter()
            .map(|p| p.code())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        codes(Granularity::Month),
        ["2026-12", "2026-11", "2026-10", "2026-09"]
    );
    assert_eq!(
        codes(Granularity::Quarter),
        ["2026-Q4", "2026-Q3", "2026-Q2", "2026-Q1"]
    );
    assert_eq!(codes(Granularity::Year), ["2026", "2025", "2024", "2023"]);
    assert_eq!(last_closed(Granularity::Month, today).code(), "2026-11");
    assert_eq!(last_closed(Granularity::Quarter, today).code(), "2026-Q3");
    assert_eq!(
        recent_periods(Granularity::Month, date("2027-01-31"), 2)[1].code(),
        "2026-12",
        "back across a year"
    );
    assert!(has_ended(month("2026-11"), today));
    assert!(!has_ended(month("2026-12"), today));
}

#[test]
fn a_slip_is_a_date_moved_later_or_taken_away() {
    let plan = case();
    let big = plan.deal(&DealId::new("big")).unwrap();
    assert_eq!(slips(big), 2, "moved later twice, then earlier once");
    let mut plan = plan.clone();
    let f = edited(big, None);
    plan.edit(&DealId::new("big"), f, now()).unwrap();
    assert_eq!(slips(plan.deal(&DealId::new("big")).unwrap()), 3);
}

/// What moved since the last report: from the snapshot that closed October to now, November's
/// pipeline lost a win, a slip past the month and gained an increase; once November is closed
/// the report reads to that snapshot instead of now.
#[test]
fn what_moved_runs_from_the_last_close_to_this_periods_close_or_now() {
    use keyplan::domain::month_close::{take, Move};
    let mut plan = plan_by(method_with(0));
    for (id, major) in [("a", 100_000), ("b", 50_000), ("c", 20_000), ("d", 10_000)] {
        let mut f = fields(id, major, Stage::P4);
        f.expected_close = Some(date("2026-11-20"));
        plan.add(DealId::new(id), f, now()).unwrap();
    }
    let october = take(&plan, month("2026-10"), now());
    plan.snapshots.insert(std::rc::Rc::new(october));
    let november = month("2026-11");
    assert_eq!(
        report(
            &plan,
            november,
            &Filter::default(),
            date("2026-11-28"),
            &Utc
        )
        .moved
        .map(|m| m.waterfall.bars.iter().all(|bar| bar.deals.is_empty())),
        Some(true),
        "nothing moved yet"
    );
    set_status(
        &mut plan,
        &DealId::new("a"),
        DealStatus::Won,
        date("2026-11-10"),
        now(),
    );
    let f = edited(plan.deal(&DealId::new("b")).unwrap(), Some("2026-12-15"));
    plan.edit(&DealId::new("b"), f, now()).unwrap();
    let mut input =
        keyplan::domain::validate::DealInput::from_deal(plan.deal(&DealId::new("c")).unwrap());
    input.amount = "30000".into();
    plan.edit(&DealId::new("c"), input.validate().unwrap(), now())
        .unwrap();
    let r = report(
        &plan,
        november,
        &Filter::default(),
        date("2026-11-28"),
        &Utc,
    );
    let moved = r.moved.expect("a snapshot from before November");
    assert_eq!(moved.from, date("2026-11-01"));
    assert_eq!(moved.to, None, "to now");
    let w = &moved.waterfall;
    // opening: 180,000 at 50 % = 90,000; closing: c 30,000 and d 10,000 at 50 % = 20,000
    assert_eq!(w.opening, Money::from_major(90_000));
    assert_eq!(w.closing, Money::from_major(20_000));
    let ids = |kind: Move| {
        w.bar(kind)
            .deals
            .iter()
            .map(|l| l.id.as_str().to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(Move::Won), ["a"]);
    assert_eq!(w.bar(Move::Won).amount, Money::from_major(-50_000));
    assert_eq!(ids(Move::Slipped), ["b"]);
    assert_eq!(ids(Move::Increased), ["c"]);
    assert_eq!(w.bar(Move::Increased).amount, Money::from_major(5_000));
    // November closed: the report reads to that snapshot, whatever happens after
    let closed = take(&plan, november, now() + Duration::days(5));
    plan.snapshots.insert(std::rc::Rc::new(closed));
    set_status(
        &mut plan,
        &DealId::new("d"),
        DealStatus::Lost,
        date("2026-12-02"),
        now(),
    );
    let moved = report(
        &plan,
        november,
        &Filter::default(),
        date("2026-12-03"),
        &Utc,
    )
    .moved
    .unwrap();
    assert_eq!(moved.to, Some(date("2026-12-01")));
    assert!(
        moved.waterfall.bar(Move::Lost).deals.is_empty(),
        "d was lost after the close"
    );
    // a period with no snapshot before it has no "what moved"
    assert_eq!(
        report(
            &plan,
            month("2026-10"),
            &Filter::default(),
            date("2026-12-03"),
            &Utc
        )
        .moved,
        None
    );
}

/// A quarter's report runs to the close of its last month, which closes the quarter too.
#[test]
fn closing_a_quarters_last_month_ends_the_quarters_what_moved() {
    use keyplan::domain::month_close::take;
    let mut plan = plan_by(method_with(0));
    let mut f = fields("a", 100_000, Stage::P4);
    f.expected_close = Some(date("2026-12-20"));
    plan.add(DealId::new("a"), f, now()).unwrap();
    plan.snapshots
        .insert(std::rc::Rc::new(take(&plan, month("2026-09"), now())));
    plan.snapshots.insert(std::rc::Rc::new(take(
        &plan,
        month("2026-12"),
        now() + Duration::days(40),
    )));
    let quarter = Granularity::Quarter.period_of(date("2026-10-01"));
    let moved = report(&plan, quarter, &Filter::default(), date("2027-01-05"), &Utc)
        .moved
        .unwrap();
    assert_eq!(moved.from, date("2026-10-01"));
    assert_eq!(moved.to, Some(date("2027-01-01")), "December's close");
}

/// A year has no quota; its report measures the won amount against the year's target handed
/// down: the team's whole target, or an owner's part of one split to owners.
#[test]
fn a_yearly_report_measures_against_the_target_handed_down() {
    use keyplan::domain::split::{Part, Split, SplitKind};
    use keyplan::domain::target::{SplitTo, Target, TargetPeriod};
    let mut plan = case();
    let year = Granularity::Year.period_of(date("2026-01-01"));
    let part = |name: &str, value: i128| Part {
        name: name.into(),
        value,
        extra: Default::default(),
    };
    plan.targets.push(Target {
        period: TargetPeriod::new(year).unwrap(),
        to: SplitTo::Owner,
        split: Split {
            total: Money::from_major(1_000_000),
            kind: SplitKind::Share,
            parts: vec![part("王晓明", 6000), part("李娜", 4000)],
            extra: Default::default(),
        },
        updated: None,
    });
    let today = date("2027-01-10");
    let r = report(&plan, year, &Filter::default(), today, &Utc);
    assert_eq!(r.won_total, Money::from_major(220_000));
    assert_eq!(r.quota, Some(Money::from_major(1_000_000)));
    assert_eq!(r.attainment_permille, Some(220));
    let owner = Filter::default().with(keyplan::domain::filter::Dimension::Owner, "王晓明");
    let r = report(&plan, year, &owner, today, &Utc);
    assert_eq!(r.quota, Some(Money::from_major(600_000)), "王晓明's 60 %");
    // a month has no target: its quota stays the quota's
    assert_eq!(
        report(&plan, month("2026-11"), &Filter::default(), today, &Utc).quota,
        Some(Money::from_major(200_000))
    );
}
