//! The forecast CSV says what it holds: its filter and grouping in leading rows and in the file
//! name, and the quota of every period.
mod common;

use common::{date, now, today};
use keyplan::domain::file_name::export_file_name;
use keyplan::domain::filter::{Dimension, Filter};
use keyplan::domain::forecast::{forecast, Query};
use keyplan::domain::period::Granularity;
use keyplan::domain::weighting::Basis;
use keyplan::domain::Plan;
use keyplan::i18n::{forecast_csv, forecast_file_stem, ForecastExport, Lang};

fn sample() -> Plan {
    let mut plan = keyplan::domain::sample::sample_plan(today(), now());
    plan.title = None;
    plan
}

fn rows(
    lang: Lang,
    plan: &Plan,
    filter: &Filter,
    group_by: Option<Dimension>,
    cumulative: bool,
) -> (Vec<Vec<String>>, String) {
    let query = Query {
        granularity: Granularity::Quarter,
        filter: filter.clone(),
        group_by,
        ..Query::rolling_year(today())
    };
    let result = forecast(plan, &query);
    let export = ForecastExport {
        forecast: &result,
        quotas: &plan.quotas,
        filter,
        granularity: Granularity::Quarter,
        basis: Basis::Claimed,
        cumulative,
        group_by,
    };
    let stem = forecast_file_stem(lang, plan.title.as_deref(), &export);
    (
        forecast_csv(lang, &export),
        export_file_name(Some(&stem), date("2026-11-28"), "csv"),
    )
}

fn row<'a>(rows: &'a [Vec<String>], group: &str, period: &str) -> &'a Vec<String> {
    rows.iter()
        .find(|r| r.len() > 2 && r[0] == group && r[1] == period)
        .unwrap_or_else(|| panic!("no row {group} {period}: {rows:?}"))
}

#[test]
fn the_forecast_csv_states_its_filter_and_grouping_in_both_languages() {
    let plan = sample();
    let zhang = Filter::default().with(Dimension::Owner, "张伟");
    let (zh, _) = rows(Lang::Zh, &plan, &zhang, None, false);
    assert_eq!(zh[0], vec!["# 筛选：负责人=张伟".to_string()]);
    assert_eq!(
        zh[1],
        vec!["# 周期：按季度; 依据：申报阶段; 分组：不分组".to_string()]
    );
    assert_eq!(zh[2][0], "分组");
    let (en, _) = rows(
        Lang::En,
        &plan,
        &Filter::default(),
        Some(Dimension::Owner),
        true,
    );
    assert_eq!(en[0], vec!["# Filter: All".to_string()]);
    assert_eq!(
        en[1],
        vec![
            "# Periods: Quarterly; Basis: Claimed stages; Group by: Owner; Cumulative".to_string()
        ]
    );
}

#[test]
fn every_period_row_of_the_forecast_csv_carries_its_quota() {
    let plan = sample();
    let (team, _) = rows(Lang::Zh, &plan, &Filter::default(), None, false);
    let header = &team[2];
    assert_eq!(header.last().unwrap(), "任务");
    assert!(
        team[3..].iter().all(|r| r.len() == header.len()),
        "{team:?}"
    );
    assert_eq!(
        row(&team, "", "2026年第4季度").last().unwrap(),
        "12000000.00"
    );
    assert_eq!(
        row(&team, "", "2027年第1季度").last().unwrap(),
        "15000000.00"
    );
    assert_eq!(row(&team, "", "合计").last().unwrap(), "");

    let (owners, _) = rows(
        Lang::En,
        &plan,
        &Filter::default(),
        Some(Dimension::Owner),
        false,
    );
    assert_eq!(owners[2].last().unwrap(), "Quota");
    assert_eq!(
        row(&owners, "张伟", "Q4 2026").last().unwrap(),
        "4000000.00"
    );
    assert_eq!(
        row(&owners, "李娜", "Q4 2026").last().unwrap(),
        "3500000.00"
    );

    // a region is not measured against anyone's quota
    let east = Filter::default().with(Dimension::Region, "华东");
    let (region, _) = rows(Lang::Zh, &plan, &east, None, false);
    assert_eq!(row(&region, "", "2026年第4季度").last().unwrap(), "");
}

#[test]
fn the_forecast_file_name_carries_its_filter_and_grouping() {
    let plan = sample();
    let zhang = Filter::default().with(Dimension::Owner, "张伟");
    let (_, name) = rows(Lang::Zh, &plan, &zhang, None, false);
    assert_eq!(name, "keyplan-预测-按季度-张伟-2026-11-28.csv");
    let (_, name) = rows(
        Lang::En,
        &plan,
        &Filter::default(),
        Some(Dimension::Owner),
        false,
    );
    assert_eq!(
        name,
        "keyplan-forecast-Quarterly-Group-by-Owner-2026-11-28.csv"
    );
    let mut titled = plan.clone();
    titled.title = Some("华东 团队".into());
    let (_, name) = rows(Lang::Zh, &titled, &zhang, Some(Dimension::Product), false);
    assert_eq!(name, "华东-团队-预测-按季度-张伟-分组-产品-2026-11-28.csv");
}
