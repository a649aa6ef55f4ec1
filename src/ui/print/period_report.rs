//! The period report on paper (月报 / 季报 / 年报, [`crate::domain::report`]): a period to choose
//! (the last one that ended, by the forecast's period size) and a button that draws the report
//! and opens the print dialog; the sheet goes once printing is over.
use chrono::{Local, NaiveDate};
use gloo_events::EventListener;
use yew::prelude::*;

use super::{print_now, sheet};
use crate::domain::filter::Filter;
use crate::domain::period::{Granularity, Period};
use crate::domain::report::{categories, last_closed, recent_periods, report, Report};
use crate::domain::{Deal, Money, Plan};
use crate::i18n::Lang;
use crate::session::PlanRef;
use crate::web::clock;

/// How many periods back a report can be made for.
const PERIODS_OFFERED: usize = 8;

#[derive(Properties, PartialEq)]
pub struct PeriodReportProps {
    pub lang: Lang,
    pub plan: PlanRef,
    pub filter: Filter,
    /// The forecast's period size: months give a 月报, quarters a 季报, years a 年报.
    pub granularity: Granularity,
    /// What the filter keeps, in words, for the report's heading (empty: everything).
    pub filter_words: Vec<String>,
}

#[component]
pub fn PeriodReport(props: &PeriodReportProps) -> Html {
    let lang = props.lang;
    let t = lang.texts();
    let today = clock::today();
    let offered = recent_periods(props.granularity, today, PERIODS_OFFERED);
    let chosen = use_state(|| None::<Period>);
    let printing = use_state(|| false);
    // the last period that ended, unless another one of this size was chosen
    let period = chosen
        .filter(|p| p.granularity == props.granularity)
        .unwrap_or_else(|| last_closed(props.granularity, today));
    {
        let printing = printing.clone();
        use_effect_with((), move |_| {
            let done = web_sys::window().map(|window| {
                EventListener::new(&window, "afterprint", move |_| printing.set(false))
            });
            move || drop(done)
        });
    }
    use_effect_with(*printing, |printing| {
        if *printing {
            gloo_timers::callback::Timeout::new(0, print_now).forget();
        }
    });
    let pick = {
        let (chosen, offered) = (chosen.clone(), offered.clone());
        move |e: Event| {
            let value = e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            chosen.set(offered.iter().copied().find(|p| p.code() == value));
        }
    };
    let print = {
        let printing = printing.clone();
        move |_| printing.set(true)
    };
    let drawn = if *printing {
        let made = report(&props.plan, period, &props.filter, today, &Local);
        sheet(
            "period-report",
            false,
            page(lang, &made, &props.plan, &props.filter_words),
        )
    } else {
        html! {}
    };
    html! {
        <span class="period-report">
            <select aria-label={t.report_period} data-testid="report-period" onchange={pick}>
                { for offered.iter().map(|p| html! {
                    <option value={p.code()} selected={*p == period}>{ lang.period(*p) }</option>
                }) }
            </select>
            <button type="button" data-testid="print-period-report" onclick={print}>{ t.report_print }</button>
            { drawn }
        </span>
    }
}

/// The report's page.
fn page(lang: Lang, report: &Report, plan: &Plan, filter_words: &[String]) -> Html {
    let t = lang.texts();
    let (currency, title) = (&plan.currency, plan.title.as_deref());
    let c = lang.colon();
    let money = |m: Money| m.format(currency);
    let day = |d: Option<NaiveDate>| d.map(|d| lang.date(d)).unwrap_or_default();
    let heading = match title {
        Some(title) => {
            html! { <><bdi>{ title }</bdi>{ " · " }{ lang.report_title(report.period) }</> }
        }
        None => html! { { lang.report_title(report.period) } },
    };
    // the deal and its customer in one cell, then the owner
    let deal_cells = |deal: &Deal| {
        html! {
            <>
                <td class="sheet-deal"><bdi>{ deal.name.clone() }</bdi><small><bdi>{ deal.customer.clone() }</bdi></small></td>
                <td><bdi>{ deal.owner.clone() }</bdi></td>
            </>
        }
    };
    let deal_heads = html! {
        <><th>{ format!("{} / {}", t.field_name, t.field_customer) }</th><th>{ t.field_owner }</th></>
    };
    let closed_table = |deals: &[std::rc::Rc<Deal>], testid: &'static str| {
        if deals.is_empty() {
            return html! { <p data-testid={testid}>{ t.report_none }</p> };
        }
        html! {
            <table class="sheet-table" data-testid={testid}>
                <thead><tr>
                    { deal_heads.clone() }
                    <th class="num">{ t.field_amount }</th><th>{ t.field_closed_on }</th>
                </tr></thead>
                <tbody>{ for deals.iter().map(|deal| html! { <tr>
                    { deal_cells(deal) }
                    <td class="num">{ money(deal.amount) }</td>
                    <td class="day">{ day(deal.closed_on) }</td>
                </tr> }) }</tbody>
            </table>
        }
    };
    let quota = html! {
        <dl class="sheet-facts four" data-testid="report-quota">
            <div><dt>{ t.status_won }</dt><dd>{ money(report.won_total) }</dd></div>
            <div><dt>{ t.col_quota }</dt><dd>{ report.quota.map(money).unwrap_or_else(|| "—".into()) }</dd></div>
            <div><dt>{ t.col_attainment }</dt><dd>{ report.attainment_permille.map(|p| lang.percent_permille(p)).unwrap_or_else(|| "—".into()) }</dd></div>
            if let Some(quota) = report.quota {
                <div><dt>{ t.col_gap }</dt><dd>{ money(quota - report.won_total) }</dd></div>
            }
        </dl>
    };
    let outlook = html! {
        <table class="sheet-table" data-testid="report-outlook">
            <thead><tr>
                <th>{ t.col_period }</th><th class="num">{ t.status_won }</th>
                { for categories(&Default::default()).map(|(category, _)| html! { <th class="num">{ lang.category(category) }</th> }) }
                <th class="num">{ t.report_claimed_weighted }</th><th class="num">{ t.report_verified_weighted }</th>
            </tr></thead>
            <tbody>{ for report.outlook.iter().map(|o| html! { <tr>
                <td class="day">{ lang.period(o.period) }</td>
                <td class="num">{ money(o.claimed.won) }</td>
                { for categories(&o.claimed).map(|(_, amount)| html! { <td class="num">{ money(amount) }</td> }) }
                <td class="num">{ money(o.claimed.total()) }</td>
                <td class="num">{ money(o.verified) }</td>
            </tr> }) }</tbody>
        </table>
    };
    let risks = if report.risks.is_empty() {
        html! { <p data-testid="report-risks">{ t.report_none }</p> }
    } else {
        html! {
            <table class="sheet-table" data-testid="report-risks">
                <thead><tr>
                    { deal_heads.clone() }
                    <th class="num">{ t.field_amount }</th><th>{ t.report_reasons }</th>
                </tr></thead>
                <tbody>{ for report.risks.iter().map(|risk| html! { <tr>
                    { deal_cells(&risk.deal) }
                    <td class="num">{ money(risk.deal.amount) }</td>
                    <td>{ risk.reasons.iter().map(|r| lang.risk_reason(r)).collect::<Vec<_>>().join("；") }</td>
                </tr> }) }</tbody>
            </table>
        }
    };
    let moved = match &report.moved {
        None => html! { <p data-testid="report-moved">{ t.report_moved_none }</p> },
        Some(moved) => {
            let w = &moved.waterfall;
            let name = |id: &crate::domain::DealId| {
                plan.deal(id)
                    .map(|d| d.name.clone())
                    .unwrap_or_else(|| id.as_str().to_string())
            };
            let to = moved
                .to
                .map(|d| lang.date(d))
                .unwrap_or_else(|| t.moved_now.to_string());
            html! {
                <>
                    <p class="sheet-meta">
                        { format!("{} {} → {} {}", t.moved_from, lang.date(moved.from), t.moved_to, to) }
                        if !filter_words.is_empty() { { " · " }{ t.report_moved_all } }
                    </p>
                    <table class="sheet-table" data-testid="report-moved">
                        <thead><tr><th>{ t.moved_change }</th><th class="num">{ t.field_amount }</th><th>{ t.moved_deals }</th></tr></thead>
                        <tbody>
                            <tr><th scope="row">{ t.moved_opening }</th><td class="num">{ money(w.opening) }</td><td>{ lang.deal_count(w.opening_count) }</td></tr>
                            { for w.bars.iter().filter(|bar| !bar.deals.is_empty()).map(|bar| html! { <tr>
                                <th scope="row">{ lang.move_label(bar.kind) }</th>
                                <td class="num">{ money(bar.amount) }</td>
                                <td><bdi>{ bar.deals.iter().map(|line| name(&line.id)).collect::<Vec<_>>().join("、") }</bdi></td>
                            </tr> }) }
                            <tr><th scope="row">{ t.moved_closing }</th><td class="num">{ money(w.closing) }</td><td>{ lang.deal_count(w.closing_count) }</td></tr>
                        </tbody>
                    </table>
                </>
            }
        }
    };
    let stage = |s: crate::domain::Stage| s.code();
    let top = if report.top.is_empty() {
        html! { <p data-testid="report-top">{ t.report_none }</p> }
    } else {
        html! {
            <table class="sheet-table" data-testid="report-top">
                <thead><tr>
                    { deal_heads.clone() }
                    <th>{ t.field_stage }</th><th>{ t.field_close }</th><th class="num">{ t.field_amount }</th>
                    <th class="num">{ t.report_claimed_weighted }</th><th class="num">{ t.report_verified_weighted }</th>
                </tr></thead>
                <tbody>{ for report.top.iter().map(|top| html! { <tr>
                    { deal_cells(&top.deal) }
                    <td>{ if top.verified_stage == top.deal.stage { stage(top.deal.stage).to_string() }
                          else { format!("{} → {}", stage(top.deal.stage), stage(top.verified_stage)) } }</td>
                    <td class="day">{ day(top.deal.expected_close) }</td>
                    <td class="num">{ money(top.deal.amount) }</td>
                    <td class="num">{ money(top.weighted) }</td>
                    <td class="num">{ money(top.verified_weighted) }</td>
                </tr> }) }</tbody>
            </table>
        }
    };
    html! {
        <>
            <h1>{ heading }</h1>
            <p class="sheet-meta">
                { format!("{}{c}{}", t.report_made, lang.date(report.today)) }
                if !filter_words.is_empty() {
                    { " · " }<bdi>{ filter_words.join(" · ") }</bdi>
                }
            </p>
            <div class="sheet-part">
                <h2>{ t.report_won }</h2>
                { quota }
                { closed_table(&report.won, "report-won") }
            </div>
            <div class="sheet-part">
                <h2>{ t.report_lost }</h2>
                { closed_table(&report.lost, "report-lost") }
            </div>
            <div class="sheet-part">
                <h2>{ t.report_moved }</h2>
                { moved }
            </div>
            <div class="sheet-part">
                <h2>{ t.report_outlook }</h2>
                { outlook }
            </div>
            <div class="sheet-part">
                <h2>{ t.report_risks }</h2>
                { risks }
            </div>
            <div class="sheet-part">
                <h2>{ t.report_top }</h2>
                { top }
            </div>
        </>
    }
}
