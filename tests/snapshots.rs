//! Snapshots ("close the month"): what one holds, what moved between two (every waterfall bar by
//! hand, the slip-and-grow rule, slips per deal), forecast accuracy, the plan file (round trip,
//! lenient read of a bad snapshot, size of a year of a 10,000-deal plan) and merging by id.
mod common;

use std::rc::Rc;

use chrono::{Duration, NaiveDate, TimeZone, Utc};
use common::{date, now, plan_with, session_with, set_status, today};
use keyplan::domain::month_close::{
    accuracy, by_owner, marks, slip_count, slips, take, waterfall, Move,
};
use keyplan::domain::period::{Granularity, Period};
use keyplan::domain::plan_file::{decode, encode, read, Mode};
use keyplan::domain::sample::sample_plan;
use keyplan::domain::snapshot::{Mark, Snapshot, Snapshots};
use keyplan::domain::{DealId, DealStatus, Money, Plan, Stage};
use keyplan::i18n::Lang;
use keyplan::session::Action;
use serde_json::Value;

fn month(text: &str) -> Period {
    Period::parse(text).unwrap()
}

fn id(text: &str) -> DealId {
    DealId::new(text)
}

fn set_close(plan: &mut Plan, deal: &str, day: &str) {
    let at = plan
        .deals
        .iter()
        .position(|d| d.id.as_str() == deal)
        .unwrap();
    common::deal_mut(plan, at).expected_close = Some(date(day));
}

fn set_amount(plan: &mut Plan, deal: &str, major: i64) {
    let at = plan
        .deals
        .iter()
        .position(|d| d.id.as_str() == deal)
        .unwrap();
    common::deal_mut(plan, at).amount = Money::from_major(major);
}

#[test]
fn a_snapshot_holds_open_deals_and_recent_closes_and_the_forecast_per_month() {
    // P3 30 %, P5 75 %; a method without gate items: every deal is verified at P7? no: P0 + gates met
    let mut plan = plan_with(&[
        ("a", 1000, Stage::P3),
        ("b", 2000, Stage::P5),
        ("old-win", 500, Stage::P6),
        ("new-win", 700, Stage::P6),
        ("lost", 300, Stage::P2),
    ]);
    set_close(&mut plan, "a", "2026-12-10");
    set_close(&mut plan, "b", "2027-01-05");
    set_status(
        &mut plan,
        &id("old-win"),
        DealStatus::Won,
        date("2026-09-30"),
        now(),
    );
    set_status(
        &mut plan,
        &id("new-win"),
        DealStatus::Won,
        date("2026-11-02"),
        now(),
    );
    set_status(
        &mut plan,
        &id("lost"),
        DealStatus::Lost,
        date("2026-11-20"),
        now(),
    );
    let s = take(&plan, month("2026-11"), now());
    assert_eq!(s.id, format!("s-2026-11-{}", now().timestamp_millis()));
    let ids: Vec<&str> = s.marks.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(
        ids,
        ["a", "b", "lost", "new-win"],
        "by id; the September win is left out"
    );
    let a = s.mark(&id("a")).unwrap();
    assert_eq!(
        (
            a.claimed,
            a.status,
            a.close,
            a.claimed_probability,
            a.amount
        ),
        (
            Stage::P3,
            DealStatus::Open,
            Some(date("2026-12-10")),
            30,
            Money::from_major(1000)
        )
    );
    // no gate items: every gate is met, the verified stage is P7
    assert_eq!((a.verified, a.verified_probability), (Stage::P7, 100));
    assert_eq!(s.figures.len(), 13, "the month and the twelve after it");
    assert_eq!(s.figures[0].month, date("2026-11-01"));
    assert_eq!(s.figures[0].won, Money::from_major(700));
    // December: a, best case (P3) 30 % of 1000 claimed; verified P7: closed category, 100 %
    assert_eq!(
        s.figures[1].claimed,
        [
            Money::ZERO,
            Money::from_major(300),
            Money::ZERO,
            Money::ZERO
        ]
    );
    assert_eq!(
        s.figures[1].verified,
        [
            Money::ZERO,
            Money::ZERO,
            Money::ZERO,
            Money::from_major(1000)
        ]
    );
    // January: b, commit 75 % of 2000
    assert_eq!(s.figures[2].total(false), Money::from_major(1500));
    assert_eq!(s.figures[2].total(true), Money::from_major(2000));
    assert_eq!(s.as_of(), date("2026-12-01"));
}

/// A mark made by hand: open unless said, the probabilities of the deck.
fn mark(deal: &str, major: i64, stage: Stage, close: Option<&str>) -> Mark {
    Mark {
        id: id(deal),
        amount: Money::from_major(major),
        claimed: stage,
        verified: stage,
        status: DealStatus::Open,
        close: close.map(date),
        owner: Rc::from("王晓明"),
        claimed_probability: stage.default_probability(),
        verified_probability: stage.default_probability(),
    }
}

fn closed(m: Mark, status: DealStatus) -> Mark {
    Mark { status, ..m }
}

#[test]
fn every_bar_of_the_waterfall_by_hand() {
    let nov = Some("2026-11-15");
    let dec = Some("2026-12-15");
    let from = vec![
        mark("deleted", 1000, Stage::P4, nov),       // 50 % → 500
        mark("grew", 1000, Stage::P4, nov),          // 500
        mark("shrank", 1000, Stage::P4, nov),        // 500
        mark("pulled", 1000, Stage::P4, dec),        // not in November
        mark("slipped", 1000, Stage::P4, nov),       // 500
        mark("won", 1000, Stage::P5, nov),           // 75 % → 750
        mark("lost", 1000, Stage::P3, nov),          // 30 % → 300
        mark("moved", 1000, Stage::P3, nov),         // 300
        mark("slip-and-grow", 1000, Stage::P4, nov), // 500
        mark("steady", 2000, Stage::P2, nov),        // 25 % → 500
    ];
    let to = vec![
        mark("new", 4000, Stage::P1, nov),    // 20 % → 800
        mark("grew", 1200, Stage::P4, nov),   // +200 × 50 % = 100
        mark("shrank", 600, Stage::P4, nov),  // −400 × 50 % = −200
        mark("pulled", 1000, Stage::P4, nov), // +500
        mark("slipped", 1000, Stage::P4, dec),
        closed(mark("won", 1000, Stage::P7, nov), DealStatus::Won),
        closed(mark("lost", 1000, Stage::P3, nov), DealStatus::Lost),
        mark("moved", 1000, Stage::P5, nov), // 30 → 75 %: +450
        mark("slip-and-grow", 3000, Stage::P4, dec), // counted once, in slipped: −500
        mark("steady", 2000, Stage::P2, nov),
    ];
    let by_id = |mut marks: Vec<Mark>| {
        marks.sort_by(|a, b| a.id.cmp(&b.id));
        marks
    };
    let (from, to) = (by_id(from), by_id(to));
    let w = waterfall(&from, &to, month("2026-11"), false);
    assert_eq!(w.opening, Money::from_major(500 * 5 + 750 + 300 * 2 + 500));
    assert_eq!(w.opening_count, 9);
    let bar = |kind| {
        let bar = w.bar(kind);
        let deals: Vec<(&str, Money)> = bar
            .deals
            .iter()
            .map(|l| (l.id.as_str(), l.amount))
            .collect();
        (bar.amount, deals)
    };
    let m = Money::from_major;
    assert_eq!(bar(Move::New), (m(800), vec![("new", m(800))]));
    assert_eq!(bar(Move::Increased), (m(100), vec![("grew", m(100))]));
    assert_eq!(bar(Move::Decreased), (m(-200), vec![("shrank", m(-200))]));
    assert_eq!(bar(Move::PulledIn), (m(500), vec![("pulled", m(500))]));
    assert_eq!(
        bar(Move::Slipped),
        (
            m(-1000),
            vec![("slip-and-grow", m(-500)), ("slipped", m(-500))]
        )
    );
    assert_eq!(bar(Move::Won), (m(-750), vec![("won", m(-750))]));
    assert_eq!(
        bar(Move::Lost),
        (m(-800), vec![("deleted", m(-500)), ("lost", m(-300))])
    );
    assert_eq!(bar(Move::StageMoved), (m(450), vec![("moved", m(450))]));
    let sum: Money = w.bars.iter().map(|b| b.amount).sum();
    assert_eq!(w.opening + sum, w.closing);
    assert_eq!(w.closing, m(800 + 600 + 300 + 500 + 750 + 500));
    assert_eq!(w.closing_count, 6);
}

#[test]
fn the_verified_basis_uses_the_verified_probabilities() {
    let a = Mark {
        verified: Stage::P1,
        verified_probability: 20,
        ..mark("a", 1000, Stage::P5, Some("2026-11-10"))
    };
    let b = Mark {
        verified: Stage::P3,
        verified_probability: 30,
        ..a.clone()
    };
    let w = waterfall(&[a], &[b], month("2026-11"), true);
    assert_eq!(
        (w.opening, w.closing),
        (Money::from_major(200), Money::from_major(300))
    );
    assert_eq!(w.bar(Move::StageMoved).amount, Money::from_major(100));
}

#[test]
fn bars_add_up_to_the_cent_whatever_the_rounding() {
    // 33 % of 0.01, three times: each deal rounds to 0.00, the pipeline to 0.01
    let cent = |deal: &str| Mark {
        amount: Money::from_minor(1),
        claimed_probability: 33,
        ..mark(deal, 0, Stage::P3, Some("2026-11-10"))
    };
    let w = waterfall(
        &[],
        &[cent("a"), cent("b"), cent("c")],
        month("2026-11"),
        false,
    );
    assert_eq!(w.closing, Money::from_minor(1));
    assert_eq!(w.bar(Move::New).amount, Money::from_minor(1));
    assert_eq!(w.bar(Move::New).deals.len(), 3);
}

#[test]
fn slips_are_counted_per_deal_across_snapshots() {
    let m1 = [
        mark("a", 1, Stage::P3, Some("2026-09-10")),
        mark("b", 1, Stage::P3, Some("2026-09-10")),
    ];
    let m2 = [
        mark("a", 1, Stage::P3, Some("2026-10-10")),
        mark("b", 1, Stage::P3, Some("2026-09-30")),
    ];
    let m3 = [
        mark("a", 1, Stage::P3, None),
        mark("b", 1, Stage::P3, Some("2026-08-01")),
    ];
    let m4 = [
        mark("a", 1, Stage::P3, Some("2026-12-01")),
        closed(mark("b", 1, Stage::P3, Some("2026-12-01")), DealStatus::Won),
    ];
    let counts = slips([&m1[..], &m2[..], &m3[..], &m4[..]]);
    assert_eq!(
        slip_count(&counts, &id("a")),
        2,
        "later, then no date; a date again is no slip"
    );
    assert_eq!(
        slip_count(&counts, &id("b")),
        0,
        "within the month, earlier, then won"
    );
    assert_eq!(counts, [(id("a"), 2)]);
}

#[test]
fn accuracy_compares_the_forecast_of_the_month_before_with_what_was_won() {
    // October: a (1000 at P5, 75 %) and b (400 at P3, 30 %) expected, by two owners
    let mut plan = plan_with(&[("a", 1000, Stage::P5), ("b", 400, Stage::P3)]);
    set_close(&mut plan, "a", "2026-10-20");
    set_close(&mut plan, "b", "2026-10-25");
    common::deal_mut(&mut plan, 1).owner = "李娜".into();
    // the method has no gate items: verified P7, 100 %
    let september = take(
        &plan,
        month("2026-09"),
        Utc.with_ymd_and_hms(2026, 9, 30, 9, 0, 0).unwrap(),
    );
    plan.keep_snapshot(september);
    // a was won in October for 900; b slipped to December
    set_amount(&mut plan, "a", 900);
    set_status(
        &mut plan,
        &id("a"),
        DealStatus::Won,
        date("2026-10-28"),
        now(),
    );
    set_close(&mut plan, "b", "2026-12-01");
    let team = accuracy(&plan, today(), 1, 6, None);
    assert_eq!(
        team.rows.len(),
        1,
        "only October has a forecast made a month before"
    );
    let row = &team.rows[0];
    assert_eq!(row.month, month("2026-10"));
    assert_eq!(row.claimed, Money::from_major(750 + 120));
    assert_eq!(row.verified, Money::from_major(1400));
    assert_eq!(row.won, Money::from_major(900));
    assert_eq!(row.error(false), Money::from_major(-30));
    // |870 − 900| / 900 = 3.3 %, |1400 − 900| / 900 = 55.6 %
    assert_eq!((team.claimed_off, team.verified_off), (Some(3), Some(56)));
    let owners = by_owner(&plan, today(), 1, 6);
    let names: Vec<&str> = owners.iter().map(|(o, _)| o.as_str()).collect();
    assert_eq!(names, ["", "李娜"]);
    assert_eq!(owners[1].1.rows[0].claimed, Money::from_major(120));
    assert_eq!(owners[1].1.claimed_off, None, "李娜 won nothing in October");
    assert_eq!(owners[0].1.rows[0].won, Money::from_major(900));
    // two months ahead: no snapshot of August
    assert!(accuracy(&plan, today(), 2, 6, None).rows.is_empty());
}

#[test]
fn the_plan_file_keeps_snapshots_exactly() {
    let plan = sample_plan(today(), now());
    assert_eq!(plan.snapshots.list.len(), 6);
    let text = encode(&plan, now());
    let back = decode(&text).unwrap();
    assert_eq!(back.snapshots, plan.snapshots);
    assert_eq!(encode(&back, now()), text);
    // a plan without snapshots writes no `snapshots` field
    let bare = plan_with(&[("a", 1, Stage::P0)]);
    assert!(!encode(&bare, now()).contains("snapshots"));
}

/// The unreadable snapshots as they came.
fn raw(snapshots: &Snapshots) -> Vec<Value> {
    snapshots.unreadable.iter().map(|u| u.raw.clone()).collect()
}

/// What the plan keeps of each unreadable snapshot's problem, as the forecast view says it.
fn kept_problems(snapshots: &Snapshots) -> Vec<String> {
    snapshots
        .unreadable
        .iter()
        .map(|u| Lang::En.problem_at(&u.problem))
        .collect()
}

#[test]
fn a_bad_snapshot_is_kept_and_listed_and_never_refuses_the_file() {
    let plan = sample_plan(today(), now());
    let good: Value = serde_json::from_str(&encode(&plan, now())).unwrap();
    let mut value = good.clone();
    value["snapshots"][5]["deals"][0][3] = Value::from(345);
    let text = value.to_string();
    for mode in [Mode::Strict, Mode::Lenient { now: now() }] {
        let parsed = read(&text, mode).unwrap();
        assert_eq!(parsed.plan.deals.len(), 13);
        assert_eq!(parsed.plan.snapshots.list.len(), 5);
        assert_eq!(raw(&parsed.plan.snapshots), [value["snapshots"][5].clone()]);
        let said: Vec<String> = parsed
            .snapshot_problems
            .iter()
            .map(|p| Lang::En.problem_at(p))
            .collect();
        assert_eq!(
            said,
            ["snapshots[5].deals[0][3]: 345 is not status × 100 + claimed stage × 10 + verified stage"]
        );
        // kept as it came: written back unchanged, and listed again when read
        let again: Value = serde_json::from_str(&encode(&parsed.plan, now())).unwrap();
        assert_eq!(again["snapshots"], value["snapshots"]);
        assert_eq!(kept_problems(&parsed.plan.snapshots), said);
    }
    // a snapshot written as the changes from one that cannot be read cannot be read either
    let mut value = good.clone();
    value["snapshots"][4]["period"] = Value::from("2026-13");
    let parsed = read(&value.to_string(), Mode::Strict).unwrap();
    let said: Vec<String> = parsed
        .snapshot_problems
        .iter()
        .map(|p| Lang::En.problem_at(p))
        .collect();
    let base = good["snapshots"][4]["id"].as_str().unwrap();
    assert_eq!(
        said,
        [
            "snapshots[4].period: \"2026-13\" is not a month (2026-10), a quarter (2026-Q4) or a year (2026)".to_string(),
            format!("snapshots[5].base: no readable snapshot before this one has the id \"{base}\""),
        ]
    );
    assert_eq!(parsed.plan.snapshots.list.len(), 4);
    // the plan keeps each problem where the reader found it: read alone, the second would be
    // `snapshots[1].base` (and the first `snapshots[0].period`)
    assert_eq!(kept_problems(&parsed.plan.snapshots), said);
    // not an array at all
    let mut value = good;
    value["snapshots"] = Value::from("none");
    let parsed = read(&value.to_string(), Mode::Strict).unwrap();
    assert_eq!(raw(&parsed.plan.snapshots), [Value::from("none")]);
    assert_eq!(
        kept_problems(&parsed.plan.snapshots),
        ["snapshots: expected an array, found a string"]
    );
    assert_eq!(
        Lang::En.problem_at(&parsed.snapshot_problems[0]),
        "snapshots: expected an array, found a string"
    );
}

#[test]
fn imports_merge_snapshots_by_id() {
    use keyplan::domain::import::{merge, preview, replace, Rule};
    use keyplan::domain::plan_file::Parsed;
    let mut mine = plan_with(&[("a", 1000, Stage::P3)]);
    let october = take(
        &mine,
        month("2026-10"),
        Utc.with_ymd_and_hms(2026, 10, 31, 9, 0, 0).unwrap(),
    );
    mine.keep_snapshot(october.clone());
    let mut theirs = mine.clone();
    set_amount(&mut theirs, "a", 2000);
    let other_october = take(
        &theirs,
        month("2026-10"),
        Utc.with_ymd_and_hms(2026, 10, 31, 10, 0, 0).unwrap(),
    );
    let september = take(
        &theirs,
        month("2026-09"),
        Utc.with_ymd_and_hms(2026, 9, 30, 9, 0, 0).unwrap(),
    );
    // theirs has my October under its id but changed: mine stands
    let mut changed = october.clone();
    changed.marks.clear();
    theirs.snapshots = Default::default();
    for s in [changed, other_october.clone(), september.clone()] {
        theirs.keep_snapshot(s);
    }
    let incoming = [(
        "theirs.json".to_string(),
        Parsed {
            plan: theirs,
            ..Parsed::default()
        },
    )];
    let look = preview(&mine, &incoming);
    assert_eq!(look.snapshots.len(), 2);
    let merged = merge(&mine, &look, Rule::NewestWins, &Default::default());
    let ids: Vec<&str> = merged
        .snapshots
        .list
        .iter()
        .map(|s| s.id.as_str())
        .collect();
    assert_eq!(
        ids,
        [
            september.id.as_str(),
            october.id.as_str(),
            other_october.id.as_str()
        ]
    );
    assert_eq!(**merged.snapshots.get(&october.id).unwrap(), october);
    assert_eq!(replace(&incoming).snapshots.list.len(), 3);
}

#[test]
fn closing_a_month_and_deleting_its_snapshot_are_reducer_verbs() {
    let session = session_with(plan_with(&[("a", 1000, Stage::P3)]));
    let period = Granularity::Month.period_of(date("2026-10-31"));
    let closed = session
        .clone()
        .reduce(Action::ClosePeriod { period, now: now() });
    assert_eq!(closed.revision, session.revision + 1);
    let kept = &closed.plan.snapshots.list;
    assert_eq!(kept.len(), 1);
    assert_eq!(*kept[0], take(&session.plan, period, now()));
    // the same moment again: the same id, nothing changes
    let again = closed
        .clone()
        .reduce(Action::ClosePeriod { period, now: now() });
    assert!(Rc::ptr_eq(&again, &closed));
    let id = kept[0].id.clone();
    let deleted = closed.clone().reduce(Action::DeleteSnapshot(id.clone()));
    assert!(deleted.plan.snapshots.list.is_empty());
    assert!(Rc::ptr_eq(
        &deleted.clone().reduce(Action::DeleteSnapshot(id)),
        &deleted
    ));
}

#[test]
fn the_training_case_shows_a_deal_slipping_every_month() {
    let plan = sample_plan(today(), now());
    let list = &plan.snapshots.list;
    let periods: Vec<String> = list.iter().map(|s| s.period.code()).collect();
    assert_eq!(
        periods,
        ["2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10"]
    );
    for s in list.iter() {
        assert!(s.taken_at <= now());
        assert!(s
            .marks
            .iter()
            .all(|m| plan.deal(&m.id).unwrap().created <= s.taken_at));
    }
    let now_marks = marks(&plan);
    let counts = slips(list.iter().map(|s| &s.marks[..]).chain([&now_marks[..]]));
    assert!(slip_count(&counts, &id("sample-09")) >= 2, "{counts:?}");
    // the last close → now, this month: sample-10 won, sample-09 (due in 12 days: December) slipped
    let last = list.last().unwrap();
    let w = waterfall(&last.marks, &now_marks, month("2026-11"), false);
    assert!(w
        .bar(Move::Won)
        .deals
        .iter()
        .any(|l| l.id == id("sample-10")));
    assert!(w
        .bar(Move::Slipped)
        .deals
        .iter()
        .any(|l| l.id == id("sample-09")));
    // October had a forecast from September and nothing won: the error is the forecast
    let acc = accuracy(&plan, today(), 1, 6, None);
    assert!(!acc.rows.is_empty());
}

/// A year of monthly snapshots of a 10,000-deal plan in which a fifth of the deals change each
/// month (amount, close date, stage), as encoded: a snapshot is written as the changes from the
/// one before, so the year costs little more than two full snapshots.
#[test]
fn a_year_of_snapshots_of_ten_thousand_deals_fits() {
    let mut plan = Plan::default();
    let start = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    let owners = ["王晓明", "李娜", "张伟", "陈静", "刘洋", "赵敏"];
    for i in 0..10_000u32 {
        let mut fields = common::fields(
            &format!("项目 {i}"),
            100_000 + i64::from(i) * 997,
            Stage::from_index(i as usize % 8).unwrap(),
        );
        fields.expected_close = Some(start + Duration::days(i64::from(i % 540)));
        fields.owner = owners[i as usize % 6].to_string();
        let id = DealId::generate(
            1_764_300_000_000 + i64::from(i) * 7919,
            u64::from(i) * 104_729,
        );
        plan.add(id, fields, now()).unwrap();
    }
    let base = encode(&plan, now()).len();
    let mut first = 0;
    for m in 0..12usize {
        for deal in plan.deals.iter_mut().skip(m % 5).step_by(5) {
            let deal = Rc::make_mut(deal);
            deal.amount += Money::from_major(1000);
            deal.expected_close = deal.expected_close.map(|d| d + Duration::days(20));
            deal.stage = deal.stage.next().unwrap_or(Stage::P0);
        }
        let period = Granularity::Month.period_of(start + Duration::days(31 * m as i64));
        let s: Snapshot = take(&plan, period, now() + Duration::days(m as i64));
        plan.keep_snapshot(s);
        if m == 0 {
            first = encode(&plan, now()).len() - base;
        }
    }
    let bytes = encode(&plan, now()).len() - base;
    eprintln!(
        "10,000 deals: the plan {base} bytes; one snapshot {first} bytes; twelve {bytes} bytes"
    );
    assert!(first <= 10_000 * 45, "{first} bytes");
    assert!(bytes <= first * 4, "{bytes} bytes");
    // with the plan, within the 5 Mi characters of the browser's store (the text is ASCII)
    assert!(base + bytes < 5 * 1024 * 1024 * 3 / 4);
    assert_eq!(
        decode(&encode(&plan, now())).unwrap().snapshots,
        plan.snapshots
    );
}

#[test]
fn the_waterfall_chart_floats_each_change_from_the_running_total() {
    use keyplan::chart::scale::Linear;
    use keyplan::chart::waterfall::{column, steps, ticks, Step};
    let s = steps(1000, &[500, -300, 0]);
    assert_eq!(
        s,
        [
            Step { from: 0, to: 1000 },
            Step {
                from: 1000,
                to: 1500
            },
            Step {
                from: 1500,
                to: 1200
            },
            Step {
                from: 1200,
                to: 1200
            },
            Step { from: 0, to: 1200 },
        ]
    );
    assert!(s[1].rises() && !s[2].rises());
    assert_eq!(ticks(&s), [0, 500, 1000, 1500]);
    let y = Linear::new(1500, 300.0, 0.0);
    let up = column(&y, s[1], 2.0);
    assert_eq!((up.start, up.size), (0.0, 100.0));
    let down = column(&y, s[2], 2.0);
    assert_eq!((down.start, down.size), (0.0, 60.0));
    // no change: no height; a tiny change: still visible
    assert_eq!(column(&y, s[3], 2.0).size, 0.0);
    assert_eq!(column(&y, Step { from: 100, to: 101 }, 2.0).size, 2.0);
}

#[test]
fn the_reminder_lists_ended_periods_that_were_not_closed() {
    use keyplan::domain::month_close::unclosed;
    // the deal was made in the spring: October, the third quarter and 2025 are not nagged about
    // before it existed; 2025 ended before it
    let plan = plan_with(&[("a", 1000, Stage::P3)]);
    let mut plan = Plan {
        deals: plan
            .deals
            .iter()
            .map(|d| {
                Rc::new(keyplan::domain::Deal {
                    created: Utc.with_ymd_and_hms(2026, 4, 1, 0, 0, 0).unwrap(),
                    ..(**d).clone()
                })
            })
            .collect(),
        ..plan
    };
    let codes = |plan: &Plan| {
        unclosed(plan, today(), &Utc)
            .iter()
            .map(|p| p.code())
            .collect::<Vec<_>>()
    };
    assert_eq!(codes(&plan), ["2026-10", "2026-Q3"]);
    // closing September closes the third quarter too
    plan.keep_snapshot(take(
        &plan,
        month("2026-09"),
        Utc.with_ymd_and_hms(2026, 9, 30, 9, 0, 0).unwrap(),
    ));
    assert_eq!(codes(&plan), ["2026-10"]);
    plan.keep_snapshot(take(&plan, month("2026-10"), now()));
    assert!(codes(&plan).is_empty());
    // a new plan has nothing to close
    assert!(unclosed(&Plan::default(), today(), &Utc).is_empty());
    // a plan begun in Beijing at 07:00 on 1 November (still 31 October in UTC) has no October
    // to close
    let beijing = chrono::FixedOffset::east_opt(8 * 3600).unwrap();
    let early = Utc.with_ymd_and_hms(2026, 10, 31, 23, 0, 0).unwrap();
    let mut fresh = plan_with(&[("a", 100, Stage::P1)]);
    std::rc::Rc::make_mut(&mut fresh.deals[0]).created = early;
    assert!(unclosed(&fresh, today(), &beijing)
        .iter()
        .all(|p| p.code() != "2026-10"));
    assert!(
        unclosed(&fresh, today(), &Utc)
            .iter()
            .any(|p| p.code() == "2026-10"),
        "in UTC the plan began in October"
    );
}

/// A snapshot's period must be a year from 1000 to 9999: beyond, its months are no dates (a
/// panic once), below, its code would not read back. The stored plan is refused, not crashed.
#[test]
fn a_snapshot_period_outside_four_digit_years_is_a_problem_not_a_panic() {
    use keyplan::domain::period::{year, Period};
    assert_eq!(year("2026"), Some(2026));
    for odd in ["0999", "999", "12345", "262142", "-202", "20a6"] {
        assert_eq!(year(odd), None, "{odd}");
        assert_eq!(Period::parse(&format!("{odd}-11")), None, "{odd}-11");
        assert_eq!(Period::parse(&format!("{odd}-Q4")), None, "{odd}-Q4");
    }
    let plan = keyplan::domain::sample::sample_plan(common::today(), common::now());
    let text = keyplan::domain::plan_file::encode(&plan, common::now());
    let mut file: serde_json::Value = serde_json::from_str(&text).unwrap();
    let first = &mut file["snapshots"][0];
    assert!(first["period"].is_string(), "{first}");
    first["period"] = serde_json::json!("262142-12");
    let parsed = keyplan::domain::plan_file::read(
        &file.to_string(),
        keyplan::domain::plan_file::Mode::Lenient { now: common::now() },
    )
    .expect("the file reads");
    assert!(
        !parsed.snapshot_problems.is_empty(),
        "the snapshot with a year beyond 9999 is named"
    );
}

/// An owner's part of the plan carries no snapshots (they hold every owner's deals).
#[test]
fn a_part_of_the_plan_carries_no_snapshots() {
    let plan = keyplan::domain::sample::sample_plan(common::today(), common::now());
    assert!(!plan.snapshots.list.is_empty());
    let owner = plan.deals[0].owner.clone();
    assert!(plan.only(|d| d.owner == owner).snapshots.is_empty());
    assert_eq!(plan.only(|_| true).snapshots, plan.snapshots);
}

/// Between two snapshots a month apart and more, a deal won in between is missing from the later
/// one (it keeps only deals closed since its own period began): it counts as won when it stands
/// won now, and only a deleted deal counts as lost.
#[test]
fn a_deal_won_between_two_distant_snapshots_counts_as_won() {
    use keyplan::domain::month_close::{marks, waterfall_to};
    let mut plan = plan_with(&[("won", 100_000, Stage::P4), ("gone", 50_000, Stage::P4)]);
    for id in ["won", "gone"] {
        common::deal_mut(&mut plan, if id == "won" { 0 } else { 1 }).expected_close =
            Some(date("2026-10-20"));
    }
    let september = take(&plan, month("2026-09"), now());
    set_status(
        &mut plan,
        &DealId::new("won"),
        DealStatus::Won,
        date("2026-10-20"),
        now(),
    );
    plan.remove(&DealId::new("gone")).unwrap();
    let november = take(&plan, month("2026-11"), now() + Duration::days(40));
    assert!(
        november.mark(&DealId::new("won")).is_none(),
        "closed before November"
    );
    let now_marks = marks(&plan);
    let w = waterfall_to(
        &september.marks,
        &november.marks,
        &now_marks,
        month("2026-10"),
        false,
    );
    let ids = |kind| {
        w.bar(kind)
            .deals
            .iter()
            .map(|l| l.id.as_str().to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(Move::Won), ["won"]);
    assert_eq!(ids(Move::Lost), ["gone"]);
}

mod out_of_range {
    use super::*;
    use keyplan::domain::money::{AmountError, MAX_DEAL_MINOR};
    use keyplan::domain::plan_file::ProblemKind;
    use proptest::prelude::*;

    /// The case's file with the number at `pointer` replaced by `digits`, as written.
    fn with_number(pointer: &str, digits: &str) -> String {
        let plan = sample_plan(today(), now());
        let mut value: Value = serde_json::from_str(&encode(&plan, now())).unwrap();
        *value.pointer_mut(pointer).unwrap() = Value::from("ＰＬＡＣＥ");
        value.to_string().replace("\"ＰＬＡＣＥ\"", digits)
    }

    /// Reads `digits` at `pointer`: either exactly (and written back the same), or the snapshot
    /// is kept unread with the problem at `path` (`kind`, said in both languages) and the other
    /// five are read.
    fn check(pointer: &str, path: &str, digits: &str, max: u128, kind: ProblemKind) {
        let text = with_number(pointer, digits);
        let parsed = read(&text, Mode::Strict).unwrap();
        let fits = digits.parse::<u128>().is_ok_and(|n| n <= max);
        if fits {
            assert!(parsed.plan.snapshots.unreadable.is_empty(), "{digits}");
            let again: Value = serde_json::from_str(&encode(&parsed.plan, now())).unwrap();
            let written = again.pointer(pointer).unwrap().to_string();
            assert_eq!(written, digits.trim_start_matches('0').max("0"));
            return;
        }
        assert_eq!(parsed.plan.snapshots.list.len(), 5, "{digits}");
        let kept = &parsed.plan.snapshots.unreadable;
        assert_eq!(kept.len(), 1, "{digits}");
        assert_eq!(kept[0].problem.path, path);
        assert_eq!(kept[0].problem.kind, kind, "{digits}");
        let en = Lang::En.problem_at(&kept[0].problem);
        assert!(
            en.starts_with(&format!("{path}: ")) && en.len() > path.len() + 4,
            "{en}"
        );
        let zh = Lang::Zh.problem_at(&kept[0].problem);
        assert!(
            zh.starts_with("snapshots 第 6 项 · ") && zh.contains('：'),
            "{zh}"
        );
        // kept as it came
        let again: Value = serde_json::from_str(&encode(&parsed.plan, now())).unwrap();
        let before: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(again["snapshots"][5], before["snapshots"][5]);
    }

    fn digits() -> impl Strategy<Value = String> {
        prop_oneof![
            "[1-9][0-9]{0,29}",
            (0u128..=u64::MAX as u128 + 10).prop_map(|n| n.to_string()),
            Just(i64::MAX.to_string()),
            Just((i64::MAX as u64 + 1).to_string()),
            Just(u64::MAX.to_string()),
            Just("18446744073709551616".to_string()),
            Just(MAX_DEAL_MINOR.to_string()),
            Just((MAX_DEAL_MINOR + 1).to_string()),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 200, failure_persistence: None, ..ProptestConfig::default() })]

        /// A snapshot deal's amount beyond a deal's largest is that snapshot's problem, never
        /// clamped: the path names the deal's amount, the other snapshots are read.
        #[test]
        fn a_snapshot_deal_amount_is_read_exactly_or_refused_with_its_path(digits in digits()) {
            check(
                "/snapshots/5/deals/0/1",
                "snapshots[5].deals[0][1]",
                &digits,
                MAX_DEAL_MINOR as u128,
                ProblemKind::Amount(AmountError::TooLarge),
            );
        }

        /// A month's sum beyond 64 bits is that snapshot's problem, never clamped.
        #[test]
        fn a_snapshot_figure_is_read_exactly_or_refused_with_its_path(digits in digits()) {
            let cut: String = digits.chars().take(40).collect();
            let shown = if digits.len() > 40 { format!("{cut}…") } else { digits.clone() };
            check(
                "/snapshots/5/figures/0/0",
                "snapshots[5].figures[0][0]",
                &digits,
                i64::MAX as u128,
                ProblemKind::MoreThan { value: shown, max: i64::MAX as u64 },
            );
        }
    }
}
