//! The built-in training case is valid, covers every stage and looks current on any day.
mod common;

use std::collections::HashSet;

use chrono::Datelike;
use common::{date, now, today};
use keyplan::domain::sample::sample_plan;
use keyplan::domain::summary::summarize;
use keyplan::domain::validate::check_deal;
use keyplan::domain::{DealStatus, Stage};

#[test]
fn thirteen_valid_deals_with_unique_sample_ids() {
    let plan = sample_plan(today(), now());
    assert_eq!(plan.deals.len(), 13);
    assert!(plan.duplicate_ids().is_empty());
    for deal in &plan.deals {
        assert!(deal.id.as_str().starts_with("sample-"));
        assert!(
            check_deal(deal).is_empty(),
            "{}: {:?}",
            deal.id.as_str(),
            check_deal(deal)
        );
        assert!(!deal.owner.is_empty() && !deal.product.is_empty() && !deal.region.is_empty());
    }
}

#[test]
fn every_stage_and_status_is_represented() {
    let plan = sample_plan(today(), now());
    let stages: HashSet<Stage> = plan.deals.iter().map(|d| d.stage).collect();
    assert_eq!(stages.len(), 8);
    let statuses: HashSet<DealStatus> = plan.deals.iter().map(|d| d.status).collect();
    assert_eq!(statuses.len(), 3);
    assert!(
        plan.deals.iter().any(|d| d.owner == "王晓明"),
        "销售小王 is in the case"
    );
    assert!(
        plan.deals
            .iter()
            .any(|d| d.is_open() && d.expected_close.is_none()),
        "a deal with no date"
    );
}

#[test]
fn the_case_always_has_a_win_this_month_one_three_months_ago_and_open_deals_ahead() {
    for day in ["2026-11-27", "2027-01-01", "2028-02-29", "2026-12-31"] {
        let today = date(day);
        let plan = sample_plan(today, at_noon(today));
        let s = summarize(&plan, &keyplan::domain::filter::Filter::default(), today);
        assert_eq!(s.won_this_month_count, 1, "{day}");
        for deal in plan.deals.iter().filter(|d| d.is_open()) {
            if let Some(close) = deal.expected_close {
                assert!(close > today, "{day}: {} closes in the past", deal.name);
            }
        }
        for deal in plan.deals.iter().filter(|d| !d.is_open()) {
            let closed = deal.closed_on.unwrap();
            assert!(closed <= today);
            if deal.status == DealStatus::Won {
                let months_back = (today.year() - closed.year()) * 12 + today.month() as i32
                    - closed.month() as i32;
                assert!(
                    [(0, 1), (3, 18)].contains(&(months_back, closed.day())),
                    "{day}: {} signed {closed}",
                    deal.name
                );
            }
            assert!(
                deal.created <= deal.updated && deal.updated <= at_noon(today),
                "{day}: {}",
                deal.name
            );
        }
    }
}

fn at_noon(day: chrono::NaiveDate) -> chrono::DateTime<chrono::Utc> {
    day.and_hms_opt(12, 0, 0).unwrap().and_utc()
}

#[test]
fn the_case_teaches_evidence_overrides_and_stale_deals() {
    use keyplan::domain::gates::{claim_ahead, stale_days, standing_override, verified_stage};
    let plan = sample_plan(today(), now());
    let m = &plan.method;
    let deal = |id: &str| plan.deals.iter().find(|d| d.id.as_str() == id).unwrap();
    // 全厂MES升级 was entered at P2 without knowing the competitors: ahead of the evidence, no override
    let mes = deal("sample-03");
    assert_eq!((mes.stage, verified_stage(m, mes)), (Stage::P2, Stage::P1));
    assert!(standing_override(m, mes).is_none());
    // 汽车零部件追溯系统 was pushed to P5 without the top-level relationship: a visible override
    let auto = deal("sample-08");
    assert_eq!(
        (auto.stage, verified_stage(m, auto)),
        (Stage::P5, Stage::P4)
    );
    let flag = standing_override(m, auto).expect("override flag");
    assert!(flag.reason.contains("高层拜访"));
    assert_eq!(flag.missing.len(), 1);
    assert_eq!(auto.history.len(), 5, "P0→P1 … P4→P5");
    // 数据中心能效管理 has not moved for 19 days; P4 allows 14
    assert_eq!(
        stale_days(m, deal("sample-07"), today(), &chrono::Utc),
        Some(19)
    );
    // everyone else stands where the evidence says, and is not stale
    for d in plan
        .deals
        .iter()
        .filter(|d| d.is_open() && !["sample-03", "sample-08"].contains(&d.id.as_str()))
    {
        assert!(!claim_ahead(m, d), "{} is ahead of its evidence", d.name);
        assert_eq!(
            d.history.len(),
            d.stage.index(),
            "{}: one move per stage passed",
            d.name
        );
        if d.id.as_str() != "sample-07" {
            assert_eq!(
                stale_days(m, d, today(), &chrono::Utc),
                None,
                "{} is stale",
                d.name
            );
        }
    }
    let won = deal("sample-10");
    assert!(won.gates.keys().any(|k| k.as_str() == "p6-contract-signed"));
    let signing = won.closing().expect("the win is in the history");
    assert_eq!((signing.from, signing.to), (Stage::P6, Stage::P7));
    let lost = deal("sample-11");
    let closing = lost.closing().expect("the loss is in the history");
    assert_eq!(lost.status, DealStatus::Lost);
    assert!(!closing.reason.is_empty() && !closing.competitor.is_empty());
    assert!(plan
        .deals
        .iter()
        .flat_map(|d| d.gates.values())
        .all(|c| c.on <= today()));
}

#[test]
fn a_sample_round_trips_through_storage_with_its_evidence() {
    use keyplan::domain::plan_file::{decode, encode};
    let plan = sample_plan(today(), now());
    assert_eq!(decode(&encode(&plan, now())).unwrap(), plan);
    assert!(
        !encode(&plan, now()).contains("\"method\""),
        "the default method is not written out"
    );
}

/// Two tables that loaded the case on the same day at different times hold the same case: an
/// import of one copy into the other finds every deal unchanged, none in conflict.
#[test]
fn copies_of_the_case_loaded_at_different_times_of_a_day_are_the_same_case() {
    use chrono::{TimeZone, Utc};
    use keyplan::domain::import::preview;
    use keyplan::domain::plan_file::{encode, read, Mode};
    let today = date("2026-11-27");
    // 09:05 and 16:40 in Shanghai
    let morning = Utc.with_ymd_and_hms(2026, 11, 27, 1, 5, 0).unwrap();
    let afternoon = Utc.with_ymd_and_hms(2026, 11, 27, 8, 40, 17).unwrap();
    let mine = sample_plan(today, morning);
    let theirs = sample_plan(today, afternoon);
    let file = read(&encode(&theirs, afternoon), Mode::Strict).unwrap();
    let found = preview(&mine, &[("第2组.json".to_string(), file)]);
    assert_eq!(found.conflicts.len(), 0, "false conflicts");
    assert_eq!(found.changed.len(), 0);
    assert_eq!(found.unchanged, 13);
    assert_eq!(mine, theirs);
}

/// Whatever the clock's time zone, no timestamp of the case is later than the moment it is
/// loaded, and the days it shows count from the local day.
#[test]
fn no_timestamp_of_the_case_lies_after_the_moment_it_is_loaded() {
    use chrono::{Duration, TimeZone, Utc};
    let today = date("2026-11-27");
    let midnight = Utc.with_ymd_and_hms(2026, 11, 27, 0, 0, 0).unwrap();
    // the first moment of that day at UTC+14, and the last at UTC−12
    for now in [
        midnight - Duration::hours(14),
        midnight + Duration::hours(36) - Duration::seconds(1),
        // a clock far from the day asked for
        midnight - Duration::days(400),
    ] {
        let plan = sample_plan(today, now);
        for deal in &plan.deals {
            assert!(
                deal.updated <= now,
                "{}: updated {}",
                deal.id.as_str(),
                deal.updated
            );
            assert!(deal.created <= deal.updated);
            for change in &deal.history {
                assert!(change.at <= deal.updated, "{}", deal.id.as_str());
            }
        }
    }
}

/// On any day the case shows a forecast accuracy: a month with snapshots before it had a win
/// (the win three months ago, forecast by the close before it), and the verified forecast comes
/// out closer than the claimed (the deal claimed at P6 long before its evidence kept slipping).
#[test]
fn the_case_shows_forecast_accuracy_on_day_one_and_verified_is_closer() {
    use keyplan::domain::month_close::accuracy;
    for day in [
        "2026-11-27",
        "2027-01-01",
        "2028-02-29",
        "2026-12-31",
        "2027-03-31",
        "2027-07-15",
    ] {
        let today = date(day);
        let plan = sample_plan(today, at_noon(today));
        let a = accuracy(&plan, today, 1, 6, None);
        assert_eq!(a.rows.len(), 5, "{day}: the months after the first close");
        let won: Vec<_> = a.rows.iter().filter(|r| r.won.minor() > 0).collect();
        assert_eq!(won.len(), 1, "{day}");
        assert!(
            won[0].verified.minor() > 0,
            "{day}: the win was forecast the month before"
        );
        let (Some(claimed), Some(verified)) = (a.claimed_off, a.verified_off) else {
            panic!("{day}: no accuracy figure: {a:?}");
        };
        assert!(
            verified < claimed,
            "{day}: verified {verified} %, claimed {claimed} %"
        );
        assert!(
            a.rows.iter().any(|r| r.verified < r.claimed),
            "{day}: claimed and verified differ"
        );
    }
}
