//! The product × segment × region matrix, targets handed down and the bonus-pool split: cells by
//! hand, the matrix's totals against the forecast's, exact splits, and the plan file's round trip
//! and lenient reads of both.
mod common;

use common::{date, fields, method_with, now, plan_by};
use keyplan::domain::deal::Field;
use keyplan::domain::filter::{Dimension, Filter};
use keyplan::domain::forecast::matrix::matrix;
use keyplan::domain::forecast::{forecast, Query};
use keyplan::domain::import::{merge, preview, Rule};
use keyplan::domain::plan_file::{self, Mode, Parsed, ProblemKind, Unreadable};
use keyplan::domain::split::{Part, Split, SplitKind};
use keyplan::domain::target::{SplitTo, Target, TargetPeriod};
use keyplan::domain::weighting::Basis;
use keyplan::domain::{DealId, DealStatus, Money, Plan, Stage};
use proptest::prelude::*;

fn major(n: i64) -> Money {
    Money::from_major(n)
}

/// Deals `(id, major, stage, product, segment, region)`, open, closing in December 2026.
fn plan(deals: &[(&str, i64, Stage, &str, &str, &str)]) -> Plan {
    let mut plan = plan_by(method_with(0));
    for (id, amount, stage, product, segment, region) in deals {
        let mut f = fields(id, *amount, *stage);
        f.product = product.to_string();
        f.segment = segment.to_string();
        f.region = region.to_string();
        f.expected_close = Some(date("2026-12-15"));
        plan.add(DealId::new(*id), f, now()).unwrap();
    }
    plan
}

fn split(total: Money, kind: SplitKind, parts: &[(&str, i128)]) -> Split {
    Split {
        total,
        kind,
        parts: parts
            .iter()
            .map(|(name, value)| Part {
                name: name.to_string(),
                value: *value,
                ..Part::default()
            })
            .collect(),
        ..Split::default()
    }
}

#[test]
fn cells_hold_their_deals_with_open_weighted_and_won_figures() {
    // P2 is 25 %, P4 is 50 % in the default method
    let mut p = plan(&[
        ("a", 100_000, Stage::P2, "MES", "汽车", "华东"),
        ("b", 200_000, Stage::P4, "MES", "汽车", "华东"),
        ("c", 50_000, Stage::P4, "ERP", "汽车", ""),
        ("d", 70_000, Stage::P2, "MES", "电子", "华南"),
        ("e", 10_000, Stage::P2, "MES", "汽车", "华东"),
    ]);
    common::set_status(
        &mut p,
        &DealId::new("d"),
        DealStatus::Won,
        date("2026-11-20"),
        now(),
    );
    common::set_status(
        &mut p,
        &DealId::new("e"),
        DealStatus::Lost,
        date("2026-11-20"),
        now(),
    );
    let m = matrix(
        &p,
        Dimension::Product,
        Dimension::Segment,
        &Filter::default(),
    );
    assert_eq!(m.rows, ["ERP", "MES"]);
    assert_eq!(m.columns, ["汽车", "电子"]);
    let mes_auto = m.cell(1, 0).unwrap();
    assert_eq!(mes_auto.claimed.open, major(300_000));
    assert_eq!(mes_auto.claimed.open_count, 2);
    assert_eq!(mes_auto.claimed.weighted(), major(25_000 + 100_000));
    let ids: Vec<&str> = mes_auto.deals.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["a", "b"], "the lost deal is in no cell");
    let mes_elec = m.cell(1, 1).unwrap();
    assert_eq!(mes_elec.claimed.won, major(70_000));
    assert_eq!(mes_elec.claimed.won_count, 1);
    assert!(m.cell(0, 1).is_none(), "no ERP deal in electronics");
    assert_eq!(m.row_totals[1].claimed.open, major(300_000));
    assert_eq!(m.row_totals[1].claimed.won, major(70_000));
    assert_eq!(m.column_totals[0].claimed.open, major(350_000));
    assert_eq!(m.total.claimed.total(), major(70_000 + 125_000 + 25_000));

    // the third dimension as the filter; an empty value is a row of its own, first
    let by_region = matrix(
        &p,
        Dimension::Region,
        Dimension::Product,
        &Filter::default().with(Dimension::Segment, "汽车"),
    );
    assert_eq!(by_region.rows, ["", "华东"]);
    assert_eq!(by_region.total.deals.len(), 3);
}

#[test]
fn the_verified_basis_weighs_cells_by_the_evidence() {
    let mut p = plan_by(method_with(1));
    let mut f = fields("a", 100_000, Stage::P4);
    f.product = "MES".into();
    p.add(DealId::new("a"), f, now()).unwrap();
    let m = matrix(
        &p,
        Dimension::Product,
        Dimension::Region,
        &Filter::default(),
    );
    let cell = m.cell(0, 0).unwrap();
    assert_eq!(cell.claimed.weighted(), major(50_000));
    assert!(
        cell.verified.weighted() < cell.claimed.weighted(),
        "no gate item is ticked, so the evidence supports a lower stage"
    );
    assert_eq!(cell.figures(Basis::Verified), &cell.verified);
}

proptest! {
    #[test]
    fn the_matrix_totals_are_the_forecast_totals(
        deals in proptest::collection::vec(
            (0i64..5_000_000, 0usize..8, proptest::option::of(0i64..800), 0u8..3, 0usize..3, 0usize..3, 0usize..3, 0u8..101),
            0..40),
        rows in 0usize..4, columns in 0usize..4, only in 0usize..4,
    ) {
        let mut p = plan_by(method_with(1));
        let values = ["", "甲", "乙"];
        for (i, (amount, stage, offset, status, a, b, c, own)) in deals.iter().enumerate() {
            let mut f = fields(&format!("d{i}"), *amount, Stage::from_index(*stage).unwrap());
            f.expected_close = offset.map(|o| date("2026-06-01") + chrono::Duration::days(o));
            f.product = values[*a].into();
            f.segment = values[*b].into();
            f.region = values[*c].into();
            f.owner = values[(a + c) % 3].into();
            // some deals carry their own odd probability, so that rounding once matters
            f.probability = (*own <= 100 && i % 2 == 0).then_some(*own);
            let id = DealId::new(format!("d{i}"));
            p.add(id.clone(), f, now()).unwrap();
            let status = [DealStatus::Open, DealStatus::Won, DealStatus::Lost][*status as usize];
            common::set_status(&mut p, &id, status, date("2026-10-01"), now());
        }
        let filter = match Dimension::ALL[only] {
            Dimension::Owner => Filter::default(),
            d => Filter::default().with(d, "甲"),
        };
        let m = matrix(&p, Dimension::ALL[rows], Dimension::ALL[columns], &filter);
        for basis in [Basis::Claimed, Basis::Verified] {
            let q = Query { filter: filter.clone(), basis, ..Query::rolling_year(date("2026-11-27")) };
            let f = forecast(&p, &q).total.total;
            let mine = m.total.figures(basis);
            prop_assert_eq!(mine.weighted(), f.weighted());
            prop_assert_eq!(mine.total(), f.total());
            prop_assert_eq!(mine.open, f.open);
            prop_assert_eq!(mine.won, f.won);
            prop_assert_eq!(mine.open_count + mine.won_count, f.open_count + f.won_count);
            let by_rows: Money = m.row_totals.iter().map(|c| c.figures(basis).open).sum();
            prop_assert_eq!(by_rows, f.open);
            let by_cells: usize = m.cells.values().map(|c| c.deals.len()).sum();
            prop_assert_eq!(by_cells, m.total.deals.len());
        }
    }

    #[test]
    fn a_split_by_shares_that_sum_to_100_is_exact(
        total in 0i128..10_000_000_000, cut in proptest::collection::vec(1i128..10_000, 0..6)
    ) {
        let mut cuts = cut.clone();
        cuts.sort();
        cuts.dedup();
        let mut last = 0;
        let mut shares = Vec::new();
        for c in cuts.into_iter().chain([10_000]) {
            shares.push(("p", c - last));
            last = c;
        }
        let a = split(Money::from_minor(total), SplitKind::Share, &shares).allocate();
        prop_assert!(a.is_complete());
        prop_assert_eq!(a.amounts.iter().copied().sum::<Money>(), Money::from_minor(total));
        for (amount, (_, share)) in a.amounts.iter().zip(&shares) {
            // each part is within a fen of its exact share
            let exact = total * share;
            prop_assert!((amount.minor() * 10_000 - exact).abs() < 10_000);
        }
    }
}

#[test]
fn a_bonus_of_100000_split_three_ways_is_exact_to_the_fen() {
    let pool = major(100_000);
    let a = split(
        pool,
        SplitKind::Share,
        &[("张三", 3333), ("李四", 3333), ("王五", 3334)],
    )
    .allocate();
    assert_eq!(
        a.amounts,
        [major(33_330), major(33_330), major(33_340)],
        "33.33 % of 100,000.00 is 33,330.00 exactly"
    );
    assert!(a.is_complete());
    // one fen split three ways by equal thirds (33.33 % each, 99.99 % in all): 0.9999 fen
    // rounds to one fen, which the first part takes; the remainder is nothing
    let a = split(
        Money::from_minor(1),
        SplitKind::Share,
        &[("a", 3333), ("b", 3333), ("c", 3333)],
    )
    .allocate();
    assert_eq!(a.amounts, [1, 0, 0].map(Money::from_minor));
    assert_eq!(a.remainder, Money::ZERO);
    assert!(!a.is_complete(), "99.99 % is not 100 %");
    // 100.00 in thirds of 33.33 %: 33.33 each, one fen left over
    let a = split(
        major(100),
        SplitKind::Share,
        &[("a", 3333), ("b", 3333), ("c", 3333)],
    )
    .allocate();
    assert_eq!(a.amounts, [3333, 3333, 3333].map(Money::from_minor));
    assert_eq!(a.remainder, Money::from_minor(1));
    assert_eq!(a.share_sum, Some(9999));
}

#[test]
fn the_remainder_goes_to_the_largest_fractions_first_then_the_earlier_part() {
    // 0.10 by 1/3-ish shares: exact 3.333, 3.333, 3.334 fen
    let a = split(
        Money::from_minor(10),
        SplitKind::Share,
        &[("a", 3333), ("b", 3333), ("c", 3334)],
    )
    .allocate();
    assert_eq!(a.amounts, [3, 3, 4].map(Money::from_minor));
    // equal fractions: the earlier parts first
    let a = split(
        Money::from_minor(2),
        SplitKind::Share,
        &[("a", 2500), ("b", 2500), ("c", 2500), ("d", 2500)],
    )
    .allocate();
    assert_eq!(a.amounts, [1, 1, 0, 0].map(Money::from_minor));
}

#[test]
fn a_split_by_amounts_shows_what_is_left_or_too_much() {
    let s = split(
        major(1_000_000),
        SplitKind::Amount,
        &[("王", 40_000_000), ("李", 50_000_000)],
    );
    let a = s.allocate();
    assert_eq!(a.remainder, major(100_000));
    assert!(!a.is_complete());
    let s = split(
        major(1_000_000),
        SplitKind::Amount,
        &[("王", 40_000_000), ("李", 60_000_001)],
    );
    let a = s.allocate();
    assert_eq!(a.remainder, Money::from_minor(-1));
    assert!(!a.is_complete());
    let s = split(
        major(1_000_000),
        SplitKind::Amount,
        &[("王", 40_000_000), ("李", 60_000_000)],
    );
    assert!(s.allocate().is_complete());
}

fn target() -> Target {
    Target {
        period: TargetPeriod::parse("2026-Q4").unwrap(),
        to: SplitTo::Owner,
        split: split(
            major(1_000_000),
            SplitKind::Share,
            &[("王", 6000), ("李", 4000)],
        ),
        updated: None,
    }
}

#[test]
fn target_attainment_rolls_up_to_the_team() {
    let mut p = plan_by(method_with(0));
    for (id, amount, owner, signed) in [
        ("a", 300_000, "王", "2026-11-02"),
        ("b", 100_000, "李", "2026-10-20"),
        ("c", 50_000, "赵", "2026-12-01"),
        ("d", 999_000, "王", "2027-01-02"),
    ] {
        let mut f = fields(id, amount, Stage::P5);
        f.owner = owner.into();
        p.add(DealId::new(id), f, now()).unwrap();
        common::set_status(
            &mut p,
            &DealId::new(id),
            DealStatus::Won,
            date(signed),
            now(),
        );
    }
    let standing = target().standing(p.deals.iter().map(|d| &**d));
    assert_eq!(standing.parts[0].target, major(600_000));
    assert_eq!(standing.parts[0].won, major(300_000));
    assert_eq!(standing.parts[0].gap(), major(300_000));
    assert_eq!(standing.parts[1].won, major(100_000));
    assert_eq!(
        standing.team.won,
        major(450_000),
        "赵's deal counts for the team though no part is his; January's is outside Q4"
    );
    assert_eq!(standing.team.target, major(1_000_000));
    assert!(standing.allocation.is_complete());
}

#[test]
fn target_periods_are_years_or_quarters() {
    assert_eq!(TargetPeriod::parse("2026").unwrap().code(), "2026");
    assert_eq!(TargetPeriod::parse("2026-Q4").unwrap().code(), "2026-Q4");
    assert!(
        TargetPeriod::parse("2026-11").is_none(),
        "a month is a quota's"
    );
    assert!(TargetPeriod::parse("26").is_none());
}

#[test]
fn setting_a_target_replaces_the_one_for_its_period_and_parts() {
    let mut p = plan_by(method_with(0));
    assert!(p.set_target(target()));
    assert!(!p.set_target(target()), "the same target changes nothing");
    let mut t = target();
    t.split.total = major(2_000_000);
    assert!(p.set_target(t.clone()));
    assert_eq!(p.targets, [t.clone()]);
    let mut by_region = t.clone();
    by_region.to = SplitTo::Region;
    assert!(p.set_target(by_region));
    assert_eq!(p.targets.len(), 2);
    assert!(p.remove_target(t.period, SplitTo::Owner));
    assert!(!p.remove_target(t.period, SplitTo::Owner));
    assert_eq!(p.targets.len(), 1);
}

fn won_plan() -> Plan {
    let mut p = plan_by(method_with(0));
    p.add(DealId::new("w"), fields("w", 500_000, Stage::P6), now())
        .unwrap();
    p.add(DealId::new("o"), fields("o", 500_000, Stage::P2), now())
        .unwrap();
    common::set_status(
        &mut p,
        &DealId::new("w"),
        DealStatus::Won,
        date("2026-11-02"),
        now(),
    );
    p
}

fn bonus() -> Split {
    split(
        major(100_000),
        SplitKind::Share,
        &[("张三", 3333), ("李四", 3333), ("王五", 3334)],
    )
}

#[test]
fn a_bonus_is_recorded_on_won_deals_only() {
    let mut p = won_plan();
    let later = now() + chrono::Duration::hours(1);
    assert_eq!(
        p.set_bonus(&DealId::new("w"), Some(bonus()), later),
        Ok(true)
    );
    assert_eq!(p.deal(&DealId::new("w")).unwrap().updated, later);
    assert_eq!(
        p.set_bonus(&DealId::new("w"), Some(bonus()), later),
        Ok(false)
    );
    assert!(p
        .set_bonus(&DealId::new("o"), Some(bonus()), later)
        .is_err());
    assert_eq!(p.set_bonus(&DealId::new("w"), None, later), Ok(true));
    assert_eq!(p.deal(&DealId::new("w")).unwrap().bonus, None);
}

fn with_both() -> Plan {
    let mut p = won_plan();
    p.set_bonus(
        &DealId::new("w"),
        Some(bonus()),
        now() + chrono::Duration::hours(1),
    )
    .unwrap();
    p.set_target(target());
    let mut amounts = target();
    amounts.period = TargetPeriod::parse("2027").unwrap();
    amounts.to = SplitTo::Product;
    amounts.split = split(
        major(1_000_000),
        SplitKind::Amount,
        &[("MES", 70_000_000), ("ERP", 20_000_050)],
    );
    p.set_target(amounts);
    p
}

#[test]
fn targets_and_bonuses_round_trip_through_the_plan_file_both_ways() {
    let p = with_both();
    let text = plan_file::encode(&p, now());
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        value["targets"][0],
        serde_json::json!({"period": "2026-Q4", "to": "owner", "amount": 1000000, "by": "share",
            "parts": [{"name": "王", "share": 60}, {"name": "李", "share": 40}]})
    );
    assert_eq!(
        value["deals"][0]["bonus"]["parts"][2],
        serde_json::json!({"name": "王五", "share": 33.34})
    );
    assert_eq!(plan_file::decode(&text).unwrap(), p);
    assert_eq!(
        plan_file::read_carefully(&text, Mode::Strict).unwrap().plan,
        p
    );
    assert_eq!(
        plan_file::quick_share(&text),
        Some((2, 2)),
        "a deal with a bonus is read the quick way"
    );
}

fn lenient(text: &str) -> Result<Parsed, Unreadable> {
    plan_file::read(text, Mode::Lenient { now: now() })
}

#[test]
fn a_bad_target_is_left_out_of_an_import_with_its_path_and_refuses_what_the_browser_holds() {
    let p = with_both();
    let mut value: serde_json::Value = serde_json::from_str(&plan_file::encode(&p, now())).unwrap();
    value["targets"][0]["parts"][1]["share"] = serde_json::json!(140);
    value["targets"][1]["period"] = serde_json::json!("2027-13");
    let text = value.to_string();
    let parsed = lenient(&text).unwrap();
    assert!(parsed.plan.targets.is_empty());
    let paths: Vec<&str> = parsed.left_out.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(paths, ["targets[0].parts[1].share", "targets[1].period"]);
    assert_eq!(
        parsed.left_out[0].kind,
        ProblemKind::ShareOver100("140".into())
    );
    assert_eq!(
        parsed.plan.deals.len(),
        2,
        "the deals are read all the same"
    );
    match plan_file::decode(&text) {
        Err(Unreadable::Invalid(problem)) => {
            assert_eq!(problem.path, "targets[0].parts[1].share")
        }
        other => panic!("{other:?}"),
    }

    let mut twice =
        serde_json::from_str::<serde_json::Value>(&plan_file::encode(&p, now())).unwrap();
    let first = twice["targets"][0].clone();
    twice["targets"].as_array_mut().unwrap().push(first);
    let parsed = lenient(&twice.to_string()).unwrap();
    assert_eq!(parsed.plan.targets.len(), 2);
    assert_eq!(parsed.left_out[0].path, "targets[2].period");
}

#[test]
fn a_bad_bonus_leaves_its_deal_out_with_the_path_and_both_readers_agree() {
    let p = with_both();
    let mut value: serde_json::Value = serde_json::from_str(&plan_file::encode(&p, now())).unwrap();
    value["deals"][0]["bonus"]["parts"][0]["name"] = serde_json::json!(" ");
    value["deals"][0]["bonus"]["by"] = serde_json::json!("share");
    let text = value.to_string();
    let parsed = lenient(&text).unwrap();
    assert_eq!(parsed.rejected.len(), 1);
    assert_eq!(
        parsed.rejected[0].problem.path,
        "deals[0].bonus.parts[0].name"
    );
    let carefully = plan_file::read_carefully(&text, Mode::Lenient { now: now() }).unwrap();
    assert_eq!(carefully, parsed);

    value["deals"][0]["bonus"] = serde_json::json!({"amount": "100000.00", "by": "amount",
        "parts": [{"name": "张三", "amount": "60000", "role": "售前"}, {"name": "李四", "amount": 40000}], "note": "Q4"});
    let text = value.to_string();
    let parsed = lenient(&text).unwrap();
    let b = parsed.plan.deals[0].bonus.clone().unwrap();
    assert_eq!(
        b.extra["note"],
        serde_json::json!("Q4"),
        "unknown fields are kept"
    );
    assert_eq!(b.parts[0].extra["role"], serde_json::json!("售前"));
    let again = plan_file::encode(&parsed.plan, now());
    assert_eq!(plan_file::decode(&again).unwrap().deals[0].bonus, Some(b));
}

#[test]
fn lenient_spellings_of_a_bonus_read_the_same_both_ways() {
    let p = with_both();
    let mut value: serde_json::Value = serde_json::from_str(&plan_file::encode(&p, now())).unwrap();
    value["deals"][0]["bonus"] = serde_json::json!({"amount": "100000.00", "by": "amount",
        "parts": [{"name": "张三", "amount": "60000"}, {"name": "李四", "amount": 40000}]});
    let text = value.to_string();
    let quick = lenient(&text).unwrap();
    let careful = plan_file::read_carefully(&text, Mode::Lenient { now: now() }).unwrap();
    assert_eq!(quick, careful);
    let b = quick.plan.deals[0].bonus.clone().unwrap();
    assert_eq!(b.kind, SplitKind::Amount);
    assert!(b.allocate().is_complete());
}

#[test]
fn an_import_adds_the_targets_the_plan_lacks_and_keeps_its_own() {
    let theirs = with_both();
    let mut mine = won_plan();
    let mut own = target();
    own.split.total = major(5);
    mine.set_target(own.clone());
    let files = vec![(
        "f".to_string(),
        Parsed {
            plan: theirs.clone(),
            ..Parsed::default()
        },
    )];
    let look = preview(&mine, &files);
    assert_eq!(look.new_targets.len(), 1, "only the 2027 one is new");
    let merged = merge(&mine, &look, Rule::NewestWins, &Default::default());
    assert_eq!(merged.targets.len(), 2);
    assert!(merged.targets.contains(&own), "mine is kept for 2026-Q4");
    // the bonus travels with the deal: theirs is newer
    assert_eq!(merged.deal(&DealId::new("w")).unwrap().bonus, Some(bonus()));
    assert!(look.changed[0]
        .fields
        .iter()
        .any(|f| f.field == Field::Bonus));
}

/// The preview names each target a merge would replace, by the same rule the merge applies:
/// newest wins takes a later version only, take theirs any other version, keep mine none.
#[test]
fn the_preview_names_the_targets_a_merge_replaces() {
    let at = |h: u32| {
        Some(chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2026, 11, 20, h, 0, 0).unwrap())
    };
    let mut mine = won_plan();
    let mut own = target();
    own.split.total = major(5);
    own.updated = at(9);
    mine.set_target(own.clone());
    let file_with = |total: i64, updated| {
        let mut theirs = won_plan();
        let mut t = target();
        t.split.total = major(total);
        t.updated = updated;
        theirs.set_target(t);
        vec![(
            "f".to_string(),
            Parsed {
                plan: theirs,
                ..Parsed::default()
            },
        )]
    };
    for (updated, newest, takes) in [(at(10), 1, 1), (at(8), 0, 1), (None, 0, 1)] {
        let files = file_with(7, updated);
        let look = preview(&mine, &files);
        for (rule, expected) in [
            (Rule::NewestWins, newest),
            (Rule::TakeTheirs, takes),
            (Rule::KeepMine, 0),
        ] {
            let listed = look.replaced_targets(&mine, rule);
            assert_eq!(
                listed.len(),
                expected,
                "{rule:?}, theirs stamped {updated:?}"
            );
            let merged = merge(&mine, &look, rule, &Default::default());
            let now = merged
                .targets
                .iter()
                .find(|t| t.period == own.period)
                .unwrap();
            // what the preview lists is exactly what the merge replaces
            assert_eq!(
                now.split.total == major(7),
                expected == 1,
                "{rule:?}, {updated:?}"
            );
            if let Some((before, after)) = listed.first() {
                assert_eq!(
                    (before.split.total, after.split.total),
                    (major(5), major(7))
                );
            }
        }
    }
    // the same target in the file lists nothing
    let same = vec![(
        "f".to_string(),
        Parsed {
            plan: mine.clone(),
            ..Parsed::default()
        },
    )];
    assert!(preview(&mine, &same)
        .replaced_targets(&mine, Rule::TakeTheirs)
        .is_empty());
}

#[test]
fn the_matrix_csv_says_its_dimensions_and_filter_in_both_languages() {
    use keyplan::domain::csv::{document, BOM};
    use keyplan::i18n::{matrix_csv, matrix_file_stem, Lang, MatrixExport};
    let p = plan(&[
        ("a", 100_000, Stage::P2, "MES", "汽车", "华东"),
        ("b", 200_000, Stage::P4, "", "汽车", "华东"),
    ]);
    let filter = Filter::default().with(Dimension::Region, "华东");
    let m = matrix(&p, Dimension::Product, Dimension::Segment, &filter);
    let export = MatrixExport {
        matrix: &m,
        rows: Dimension::Product,
        columns: Dimension::Segment,
        filter: &filter,
    };
    for lang in [Lang::Zh, Lang::En] {
        let rows = matrix_csv(lang, &export);
        assert!(rows[0][0].contains("华东"), "{:?}", rows[0]);
        assert_eq!(rows[1][0], lang.dimension(Dimension::Product));
        assert_eq!(rows[1][1], lang.dimension(Dimension::Segment));
        // two cells, two row totals, one column total, the grand total
        assert_eq!(rows.len(), 2 + 2 + 2 + 1 + 1);
        assert_eq!(
            rows[2][0],
            lang.texts().no_value,
            "an empty product is named"
        );
        let total = rows.last().unwrap();
        assert_eq!(total[3], "300000.00");
        assert_eq!(total[4], "125000.00", "25 % of 100,000 and 50 % of 200,000");
        assert!(document(&rows).starts_with(BOM));
        let stem = matrix_file_stem(lang, Some("团队"), &export);
        assert!(
            stem.contains(lang.dimension(Dimension::Product)) && stem.contains("华东"),
            "{stem}"
        );
    }
}

/// The split editor's rows carry the unknown fields of the part each came from (a newer file's
/// data that must survive a round trip): deleting a middle row leaves every other row its own.
#[test]
fn a_split_rows_unknown_fields_stay_with_their_row_when_a_row_is_deleted() {
    use keyplan::domain::split_draft::SplitDraft;
    let mut bonus = split(
        major(90_000),
        SplitKind::Share,
        &[("甲", 3000), ("乙", 3000), ("丙", 4000)],
    );
    for part in &mut bonus.parts {
        part.extra.insert(
            "role".to_string(),
            serde_json::json!(format!("{}的角色", part.name)),
        );
    }
    let mut draft = SplitDraft::of(&bonus);
    draft.remove_row(1);
    draft.rows[1].value = "70".to_string();
    draft.add_row();
    draft.rows[2].name = "丁".to_string();
    draft.rows[2].value = "0".to_string();
    let read = draft.read().unwrap();
    let roles: Vec<(&str, Option<&serde_json::Value>)> = read
        .parts
        .iter()
        .map(|p| (p.name.as_str(), p.extra.get("role")))
        .collect();
    assert_eq!(
        roles,
        [
            ("甲", Some(&serde_json::json!("甲的角色"))),
            ("丙", Some(&serde_json::json!("丙的角色"))),
            ("丁", None),
        ]
    );
    assert!(read.allocate().is_complete());
    let keys: Vec<usize> = draft.rows.iter().map(|r| r.key).collect();
    assert_eq!(
        keys,
        [0, 2, 3],
        "a row keeps its key; a new row takes a new one"
    );
}
