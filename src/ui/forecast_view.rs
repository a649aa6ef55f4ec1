//! The forecast view: the rolling forecast table with its controls, the charts, quotas and the
//! claimed-against-verified risk. It only renders what `domain::forecast` computes.
use chrono::{Datelike, NaiveDate};
use yew::prelude::*;

use crate::domain::forecast::csv::document;
use crate::domain::forecast::quota::quota_for;
use crate::domain::forecast::{
    forecast, risk_by_owner, Basis, Bucket, Dimension, Filter, Granularity, Query,
};
use crate::domain::storage::export_file_name;
use crate::domain::summary::stage_totals;
use crate::i18n::Lang;
use crate::web::{clock, download};

use super::charts::{
    ClaimedVerified, ForecastBar, ForecastBars, FunnelChart, FunnelRow, OwnerBars,
};
use super::forecast_table::{csv_rows, ForecastTable};
use super::quota_panel::QuotaPanel;
use super::state::PlanRef;

/// What the person chose to look at; not saved.
#[derive(Clone, Debug, PartialEq)]
pub struct Settings {
    pub granularity: Granularity,
    pub start: NaiveDate,
    pub months: u32,
    pub basis: Basis,
    pub cumulative: bool,
    pub filter: Filter,
    pub group_by: Option<Dimension>,
}

impl Settings {
    fn query(&self, today: NaiveDate) -> Query {
        Query {
            today,
            start: self.start,
            months: self.months,
            granularity: self.granularity,
            filter: self.filter.clone(),
            group_by: self.group_by,
            basis: self.basis,
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct ForecastViewProps {
    pub lang: Lang,
    pub plan: PlanRef,
}

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or_default()
}

#[component]
pub fn ForecastView(props: &ForecastViewProps) -> Html {
    let today = clock::today();
    let settings = use_state(|| Settings {
        granularity: Granularity::Month,
        start: today,
        months: 12,
        basis: Basis::Claimed,
        cumulative: false,
        filter: Filter::default(),
        group_by: None,
    });
    let lang = props.lang;
    let t = lang.texts();
    let plan = &props.plan;
    let query = settings.query(today);
    let started = now_ms();
    let result = forecast(plan, &query);
    let compute_ms = now_ms() - started;
    let owner_filter = settings
        .filter
        .only
        .iter()
        .find(|(d, _)| *d == Dimension::Owner)
        .map(|(_, v)| v.clone());

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
    let dimension_of = |code: &str| {
        Dimension::ALL
            .into_iter()
            .find(|d| dimension_code(*d) == code)
    };
    let filter_select = |dimension: Dimension| {
        let mut values: Vec<&str> = plan
            .deals
            .iter()
            .map(|d| dimension.of(d))
            .filter(|v| !v.is_empty())
            .collect();
        values.sort_unstable();
        values.dedup();
        let current = settings
            .filter
            .only
            .iter()
            .find(|(d, _)| *d == dimension)
            .map(|(_, v)| v.clone())
            .unwrap_or_default();
        let settings = settings.clone();
        let onchange = Callback::from(move |e: Event| {
            let value = e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            let mut next = (*settings).clone();
            next.filter.only.retain(|(d, _)| *d != dimension);
            if !value.is_empty() {
                next.filter.only.push((dimension, value));
            }
            settings.set(next);
        });
        let id = format!("filter-{}", dimension_code(dimension));
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

    let export = {
        let (result, cumulative, plan) = (result.clone(), settings.cumulative, plan.clone());
        move |_| {
            let stem = plan
                .title
                .as_deref()
                .map(|t| format!("{t}-forecast"))
                .unwrap_or_else(|| "keyplan-forecast".into());
            let name = export_file_name(Some(&stem), clock::today(), "csv");
            let _ = download::download_text(
                &name,
                "text/csv;charset=utf-8",
                &document(&csv_rows(lang, &result, cumulative)),
            );
        }
    };
    let print = |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };

    let funnel: Vec<FunnelRow> = stage_totals(plan)
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
                label: short_period(lang, p.start, p.granularity),
                won: f.won.minor(),
                weighted: f.weighted().minor(),
                quota: quota_for(plan, owner_filter.as_deref(), *p).map(|m| m.minor()),
            }),
            _ => None,
        })
        .collect();
    let risks = risk_by_owner(
        plan,
        &Query {
            basis: Basis::Claimed,
            group_by: None,
            ..query.clone()
        },
    );
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
    html! {
        <section class="forecast" data-testid="forecast-view" data-compute-ms={format!("{compute_ms:.3}")} aria-labelledby="forecast-title">
            <header class="forecast-head">
                <div>
                    <h1 id="forecast-title">{ t.forecast_title }</h1>
                    <p class="print-only">{ format!("{}{}{}", t.report_for, lang.colon(), lang.date(today)) }</p>
                </div>
                <div class="forecast-actions">
                    <button type="button" data-testid="export-csv" onclick={export}>{ t.export_csv }</button>
                    <button type="button" data-testid="print-report" onclick={print}>{ t.print_report }</button>
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
                <label class="control" for="fc-group"><span>{ t.group_by }</span>
                    <select id="fc-group" data-testid="fc-group" onchange={
                        let settings = settings.clone();
                        Callback::from(move |e: Event| {
                            let value = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
                            let mut next = (*settings).clone();
                            next.group_by = dimension_of(&value);
                            settings.set(next);
                        })
                    }>
                        <option value="" selected={settings.group_by.is_none()}>{ t.group_none }</option>
                        { for Dimension::ALL.into_iter().map(|d| html! {
                            <option value={dimension_code(d)} selected={settings.group_by == Some(d)}>{ lang.dimension(d) }</option>
                        }) }
                    </select>
                </label>
            </div>
            <p class="note">{ t.categories_note }</p>
            <ForecastTable {lang} plan={plan.clone()} table={result.total.clone()} cumulative={settings.cumulative}
                owner={owner_filter.clone()} caption={t.list_caption.to_string()} testid="forecast-table" />
            { for tables.into_iter().map(|table| {
                let caption = format!("{}{}{}", settings.group_by.map(|d| lang.dimension(d)).unwrap_or_default(), lang.colon(),
                    table.group.clone().filter(|g| !g.is_empty()).unwrap_or_else(|| t.no_value.to_string()));
                let owner = if settings.group_by == Some(Dimension::Owner) { table.group.clone() } else { owner_filter.clone() };
                html! { <ForecastTable {lang} plan={plan.clone()} {table} cumulative={settings.cumulative} {owner} {caption} testid="group-table" /> }
            }) }
            <h2 class="section-title">{ t.charts_title }</h2>
            <div class="charts">
                <ForecastBars {lang} currency={plan.currency.clone()} {bars} />
                <FunnelChart {lang} currency={plan.currency.clone()} rows={funnel} />
            </div>
            <h2 class="section-title">{ t.quotas_title }</h2>
            <QuotaPanel {lang} plan={plan.clone()} basis={settings.basis} />
            <h2 class="section-title">{ t.risk_title }</h2>
            <p class="note">{ t.risk_intro }</p>
            <ClaimedVerified {lang} currency={plan.currency.clone()} {owners} />
        </section>
    }
}

fn dimension_code(d: Dimension) -> &'static str {
    match d {
        Dimension::Owner => "owner",
        Dimension::Product => "product",
        Dimension::Region => "region",
        Dimension::Segment => "segment",
    }
}

/// Short bar labels: `11月` / `Nov`, the year added in January; quarters and years as usual.
fn short_period(lang: Lang, start: NaiveDate, granularity: Granularity) -> String {
    match (granularity, lang) {
        (Granularity::Month, Lang::Zh) if start.month() == 1 => format!("{}年1月", start.year()),
        (Granularity::Month, Lang::Zh) => format!("{}月", start.month()),
        (Granularity::Month, Lang::En) if start.month() == 1 => start.format("Jan %Y").to_string(),
        (Granularity::Month, Lang::En) => start.format("%b").to_string(),
        _ => lang.period(crate::domain::forecast::Period { start, granularity }),
    }
}
