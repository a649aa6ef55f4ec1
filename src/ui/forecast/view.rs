//! The forecast view: the rolling forecast table with its controls, the charts, quotas and the
//! claimed-against-verified risk. A filter applies to every figure here (and to the summary line
//! above), and the printed report names it. It only renders what `domain::forecast` computes.
use std::rc::Rc;

use chrono::{Local, NaiveDate, Offset};
use yew::prelude::*;

use super::charts::{
    ClaimedVerified, ForecastBar, ForecastBars, FunnelChart, FunnelRow, OwnerBars,
};
use super::facts::use_facts;
use super::matrix_panel::MatrixPanel;
use super::quota_panel::QuotaPanel;
use super::snapshots::{close_reminder, ClosedPeriods};
use super::table::ForecastTable;
use super::target_panel::TargetPanel;
use crate::domain::csv::document;
use crate::domain::filter::{Dimension, Filter, ScoreFloor, SCORE_FLOORS};
use crate::domain::forecast::{forecast_of, risk_by_owner_of, Bucket, Query};
use crate::domain::period::Granularity;
use crate::domain::quota::quota_for;
use crate::domain::summary::stage_totals_of;
use crate::domain::weighting::Basis;
use crate::i18n::{forecast_csv, forecast_file_stem, ForecastExport, Lang};
use crate::session::{Action, PlanRef};
use crate::ui::common::context::use_dispatch;
use crate::ui::common::store::use_store;
use crate::ui::print::period_report::PeriodReport;
use crate::web::clock;

/// What the person chose to look at (the filter lives in the session); not saved.
#[derive(Clone, Debug, PartialEq)]
pub struct Settings {
    pub granularity: Granularity,
    pub start: NaiveDate,
    pub months: u32,
    pub basis: Basis,
    pub cumulative: bool,
    pub group_by: Option<Dimension>,
}

impl Settings {
    fn query(&self, today: NaiveDate, filter: &Filter) -> Query {
        Query {
            today,
            start: self.start,
            months: self.months,
            granularity: self.granularity,
            filter: filter.clone(),
            group_by: self.group_by,
            basis: self.basis,
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct ForecastViewProps {
    pub lang: Lang,
    pub plan: PlanRef,
    pub filter: Filter,
}

#[component]
pub fn ForecastView(props: &ForecastViewProps) -> Html {
    let dispatch = use_dispatch();
    let store = use_store();
    let today = clock::today();
    let settings = use_state(|| Settings {
        granularity: Granularity::Month,
        start: today,
        months: 12,
        basis: Basis::Claimed,
        cumulative: false,
        group_by: None,
    });
    let lang = props.lang;
    let t = lang.texts();
    let plan = &props.plan;
    let filter = &props.filter;
    let query = settings.query(today, filter);
    // derived once per version of the plan, for the deals that changed (see `use_facts`)
    let facts = use_facts(&plan.0);
    let (result, risks) = &*use_memo((plan.clone(), query.clone()), {
        let facts = Rc::clone(&facts);
        move |(plan, query): &(PlanRef, Query)| {
            let risks = risk_by_owner_of(
                &facts,
                plan,
                &Query {
                    basis: Basis::Claimed,
                    group_by: None,
                    ..query.clone()
                },
            );
            (forecast_of(&facts, plan, query), risks)
        }
    });
    // whose quota the figures are measured against (none under a product, region or segment filter)
    let quota_owner_of_filter: Option<Option<String>> =
        filter.quota_owner().map(|o| o.map(str::to_string));

    let update = |change: fn(&mut Settings, String)| {
        let settings = settings.clone();
        Callback::from(move |e: Event| {
            let value = e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            let mut next = (*settings).clone();
            change(&mut next, value);
            settings.set(next);
        })
    };
    let filter_select = |dimension: Dimension| {
        let values = facts.values(dimension);
        let current = filter.value(dimension).unwrap_or_default().to_string();
        let (dispatch, filter) = (dispatch.clone(), filter.clone());
        let onchange = Callback::from(move |e: Event| {
            let value = e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            dispatch.dispatch(Action::SetFilter(filter.with(dimension, &value)));
        });
        let id = format!("filter-{}", dimension.code());
        html! {
            <label class="control" for={id.clone()}>
                <span>{ lang.dimension(dimension) }</span>
                <select id={id.clone()} data-testid={id} {onchange}>
                    <option value="" selected={current.is_empty()}>{ t.filter_all }</option>
                    { for values.into_iter().map(|v| html! { <option value={v.to_string()} selected={current == v}>{ v }</option> }) }
                </select>
            </label>
        }
    };
    // whose quota a table shows: the filter's (see `Filter::quota_owner`); a group of owners its
    // own; a group of another attribute none
    let quota_owner = |group: Option<&str>| -> Option<Option<String>> {
        match (settings.group_by, group) {
            (Some(Dimension::Owner), Some(owner)) => quota_owner_of_filter
                .as_ref()
                .map(|_| Some(owner.to_string())),
            (Some(_), Some(_)) => None,
            _ => quota_owner_of_filter.clone(),
        }
    };
    let mut filter_words: Vec<String> = filter
        .only
        .iter()
        .map(|(d, v)| format!("{}{}{v}", lang.dimension(*d), lang.colon()))
        .collect();
    if let Some(floor) = filter.score {
        filter_words.push(format!("{} ≥ {}", t.score, floor.min));
    }
    let score_select = {
        let (dispatch, filter) = (dispatch.clone(), filter.clone());
        let current = filter.score.map(|f| f.min);
        let onchange = Callback::from(move |e: Event| {
            let value = e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            let floor = value.parse().ok().map(|min| ScoreFloor {
                min,
                today,
                zone: Local::now().offset().fix(),
            });
            dispatch.dispatch(Action::SetFilter(filter.with_score(floor)));
        });
        html! {
            <label class="control" for="filter-score">
                <span>{ t.score_filter }</span>
                <select id="filter-score" data-testid="filter-score" {onchange}>
                    <option value="" selected={current.is_none()}>{ t.score_any }</option>
                    { for SCORE_FLOORS.into_iter().map(|n| html! {
                        <option value={n.to_string()} selected={current == Some(n)}>{ format!("≥ {n}") }</option>
                    }) }
                </select>
            </label>
        }
    };
    let export = {
        let (result, plan, filter, settings) = (
            result.clone(),
            plan.clone(),
            filter.clone(),
            (*settings).clone(),
        );
        move |_| {
            let export = ForecastExport {
                forecast: &result,
                quotas: &plan.quotas,
                filter: &filter,
                granularity: settings.granularity,
                basis: settings.basis,
                cumulative: settings.cumulative,
                group_by: settings.group_by,
            };
            store.download_text(
                Some(&forecast_file_stem(lang, plan.title.as_deref(), &export)),
                "csv",
                "text/csv;charset=utf-8",
                &document(&forecast_csv(lang, &export)),
            );
        }
    };
    let print = |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };

    let funnel: Vec<FunnelRow> = stage_totals_of(&facts, plan, filter)
        .iter()
        .map(|s| FunnelRow {
            label: format!("{} {}", s.stage.code(), lang.stage_name(s.stage)),
            count: s.count,
            amount: s.total.minor(),
            weighted: s.weighted.minor(),
        })
        .collect();
    let bars: Vec<ForecastBar> = result
        .total
        .rows
        .iter()
        .filter_map(|(bucket, f)| match bucket {
            Bucket::Period(p) => Some(ForecastBar {
                label: lang.short_period(*p),
                won: f.won.minor(),
                weighted: f.weighted().minor(),
                quota: quota_owner_of_filter
                    .as_ref()
                    .and_then(|owner| quota_for(&plan.quotas, owner.as_deref(), *p))
                    .map(|m| m.minor()),
            }),
            _ => None,
        })
        .collect();
    let owners: Vec<OwnerBars> = risks
        .iter()
        .map(|r| OwnerBars {
            owner: if r.owner.is_empty() {
                t.no_value.to_string()
            } else {
                r.owner.clone()
            },
            claimed: r.claimed.minor(),
            verified: r.verified.minor(),
        })
        .collect();

    let tables = if settings.group_by.is_some() {
        result.tables.clone()
    } else {
        Vec::new()
    };
    let caption = if filter_words.is_empty() {
        t.list_caption.to_string()
    } else {
        filter_words.join(" · ")
    };
    html! {
        <section class="forecast" data-testid="forecast-view" aria-labelledby="forecast-title">
            <header class="forecast-head">
                <div>
                    <h1 id="forecast-title">
                        { t.forecast_title }
                        if !filter_words.is_empty() {
                            <span class="filtered" data-testid="forecast-filter">{ format!(" · {}", filter_words.join(" · ")) }</span>
                        }
                    </h1>
                    <p class="print-only">{ format!("{}{}{}", t.report_for, lang.colon(), lang.date(today)) }</p>
                </div>
                <div class="forecast-actions">
                    <button type="button" data-testid="export-csv" onclick={export}>{ t.export_csv }</button>
                    <button type="button" data-testid="print-report" onclick={print}>{ t.print_report }</button>
                    <PeriodReport {lang} plan={plan.clone()} filter={filter.clone()} granularity={settings.granularity}
                        filter_words={filter_words.clone()} />
                </div>
            </header>
            <div class="controls" role="group" aria-label={t.forecast_title}>
                <label class="control" for="fc-granularity"><span>{ t.granularity }</span>
                    <select id="fc-granularity" data-testid="fc-granularity" onchange={update(|s, v| s.granularity = match v.as_str() {
                        "quarter" => Granularity::Quarter, "year" => Granularity::Year, _ => Granularity::Month })}>
                        <option value="month" selected={settings.granularity == Granularity::Month}>{ t.by_month }</option>
                        <option value="quarter" selected={settings.granularity == Granularity::Quarter}>{ t.by_quarter }</option>
                        <option value="year" selected={settings.granularity == Granularity::Year}>{ t.by_year }</option>
                    </select>
                </label>
                <label class="control" for="fc-start"><span>{ t.window_start }</span>
                    <input id="fc-start" type="month" data-testid="fc-start" value={settings.start.format("%Y-%m").to_string()}
                        onchange={update(|s, v| if let Ok(d) = NaiveDate::parse_from_str(&format!("{v}-01"), "%Y-%m-%d") { s.start = d })} />
                </label>
                <label class="control" for="fc-months"><span>{ t.window_len }</span>
                    <select id="fc-months" onchange={update(|s, v| s.months = v.parse().unwrap_or(12))}>
                        { for [3u32, 6, 12, 18, 24].into_iter().map(|n| html! {
                            <option value={n.to_string()} selected={settings.months == n}>{ lang.months(n) }</option>
                        }) }
                    </select>
                </label>
                <label class="control" for="fc-basis"><span>{ t.basis }</span>
                    <select id="fc-basis" data-testid="fc-basis" onchange={update(|s, v| s.basis = if v == "verified" { Basis::Verified } else { Basis::Claimed })}>
                        <option value="claimed" selected={settings.basis == Basis::Claimed}>{ t.basis_claimed }</option>
                        <option value="verified" selected={settings.basis == Basis::Verified}>{ t.basis_verified }</option>
                    </select>
                </label>
                <label class="control" for="fc-cumulative"><span>{ t.cat_view }</span>
                    <select id="fc-cumulative" data-testid="fc-cumulative" onchange={update(|s, v| s.cumulative = v == "cumulative")}>
                        <option value="single" selected={!settings.cumulative}>{ t.single }</option>
                        <option value="cumulative" selected={settings.cumulative}>{ t.cumulative }</option>
                    </select>
                </label>
                { for Dimension::ALL.into_iter().map(filter_select) }
                { score_select }
                <label class="control" for="fc-group"><span>{ t.group_by }</span>
                    <select id="fc-group" data-testid="fc-group" onchange={update(|s, v| s.group_by = Dimension::parse(&v))}>
                        <option value="" selected={settings.group_by.is_none()}>{ t.group_none }</option>
                        { for Dimension::ALL.into_iter().map(|d| html! {
                            <option value={d.code()} selected={settings.group_by == Some(d)}>{ lang.dimension(d) }</option>
                        }) }
                    </select>
                </label>
            </div>
            { close_reminder(lang, plan) }
            <p class="note">{ t.categories_note }</p>
            <ForecastTable {lang} currency={plan.currency.clone()} quotas={plan.quotas.clone()} table={result.total.clone()}
                cumulative={settings.cumulative} quota_owner={quota_owner(None)} {caption} testid="forecast-table" />
            { for tables.into_iter().map(|table| {
                let caption = format!("{}{}{}", settings.group_by.map(|d| lang.dimension(d)).unwrap_or_default(), lang.colon(),
                    table.group.clone().filter(|g| !g.is_empty()).unwrap_or_else(|| t.no_value.to_string()));
                let quota_owner = quota_owner(table.group.as_deref());
                html! { <ForecastTable {lang} currency={plan.currency.clone()} quotas={plan.quotas.clone()} {table}
                    cumulative={settings.cumulative} {quota_owner} {caption} testid="group-table" /> }
            }) }
            <h2 class="section-title">{ t.charts_title }</h2>
            <div class="charts">
                <ForecastBars {lang} currency={plan.currency.clone()} {bars} />
                <FunnelChart {lang} currency={plan.currency.clone()} rows={funnel} />
            </div>
            <h2 class="section-title">{ t.quotas_title }</h2>
            <QuotaPanel {lang} plan={plan.clone()} basis={settings.basis} filter={filter.clone()} />
            <h2 class="section-title" id="targets-title">{ t.targets_title }</h2>
            <TargetPanel {lang} plan={plan.clone()} />
            <h2 class="section-title" id="matrix-title">{ t.matrix_title }</h2>
            <MatrixPanel {lang} plan={plan.clone()} filter={filter.clone()} basis={settings.basis} />
            <h2 class="section-title">{ t.risk_title }</h2>
            <p class="note">{ t.risk_intro }</p>
            <ClaimedVerified {lang} currency={plan.currency.clone()} {owners} />
            <ClosedPeriods {lang} plan={plan.clone()} verified={settings.basis == Basis::Verified} />
        </section>
    }
}
