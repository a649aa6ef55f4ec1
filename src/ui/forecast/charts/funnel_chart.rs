//! The stage funnel: one bar per stage centred on an axis, as wide as the stage's amount, with
//! the weighted amount as an inner bar, and the figures written beside it.
use yew::prelude::*;

use crate::chart::bars::{centred, Bands};
use crate::chart::scale::Linear;
use crate::domain::Currency;
use crate::i18n::Lang;

use super::{compact, full, key, px};

const WIDTH: f64 = 720.0;
const ROW: f64 = 46.0;
const TOP: f64 = 6.0;
/// The funnel's axis and its widest bar; labels to the left, figures to the right.
const AXIS: f64 = 375.0;
const WIDEST: f64 = 290.0;
const FIGURES_X: f64 = 716.0;

/// One stage of the funnel; amounts in minor units.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FunnelRow {
    /// e.g. `P0 市场规划·客户开发`.
    pub label: String,
    pub count: usize,
    pub amount: i128,
    pub weighted: i128,
}

#[derive(Properties, PartialEq)]
pub struct FunnelChartProps {
    pub lang: Lang,
    pub currency: Currency,
    pub rows: Vec<FunnelRow>,
}

#[component]
pub fn FunnelChart(props: &FunnelChartProps) -> Html {
    let (lang, currency) = (props.lang, &props.currency);
    let w = lang.texts();
    let rows = &props.rows;
    let height = TOP * 2.0 + ROW * rows.len().max(1) as f64;
    let bands = Bands {
        start: TOP,
        length: ROW * rows.len() as f64,
        count: rows.len(),
        gap: 0.2,
    };
    let widest = rows
        .iter()
        .map(|r| r.amount.max(r.weighted))
        .max()
        .unwrap_or(0);
    let scale = Linear::new(widest, 0.0, WIDEST);
    let (deals, amount, weighted) = rows.iter().fold((0, 0, 0), |(n, a, v), r| {
        (n + r.count, a + r.amount, v + r.weighted)
    });
    let description = lang.funnel_desc(
        rows.len(),
        deals,
        &full(amount, currency),
        &full(weighted, currency),
    );

    let row = |(index, r): (usize, &FunnelRow)| {
        let band = bands.band(index);
        let inner = band.slot(0, 1, 0.4);
        let outer_x = centred(&scale, AXIS, r.amount);
        let inner_x = centred(&scale, AXIS, r.weighted);
        let outer_x = if r.amount > 0 {
            outer_x.at_least(2.0)
        } else {
            outer_x
        };
        let inner_x = if r.weighted > 0 {
            inner_x.at_least(2.0)
        } else {
            inner_x
        };
        let tip = format!(
            "{} · {} · {}{}{} · {}{}{}",
            r.label,
            lang.deal_count(r.count),
            w.chart_amount,
            lang.colon(),
            full(r.amount, currency),
            w.chart_weighted,
            lang.colon(),
            full(r.weighted, currency)
        );
        html! {
            <g class="row">
                <title>{ tip }</title>
                <text class="label" x="0" y={px(band.mid())} dominant-baseline="middle">{ r.label.clone() }</text>
                <rect class="bar amount" x={px(outer_x.start)} y={px(band.start)} width={px(outer_x.size)} height={px(band.size)} />
                <rect class="bar weighted" x={px(inner_x.start)} y={px(inner.start)} width={px(inner_x.size)} height={px(inner.size)} />
                <text class="figure" x={px(FIGURES_X)} y={px(band.mid() - 8.0)} dominant-baseline="middle" text-anchor="end">
                    { format!("{} · {}", lang.deal_count(r.count), compact(lang, r.amount, currency)) }
                </text>
                <text class="figure sub" x={px(FIGURES_X)} y={px(band.mid() + 9.0)} dominant-baseline="middle" text-anchor="end">
                    { format!("{} {}", w.chart_weighted, compact(lang, r.weighted, currency)) }
                </text>
            </g>
        }
    };
    html! {
        <figure class="chart funnel-chart" data-testid="funnel-chart">
            <svg viewBox={format!("0 0 {} {}", px(WIDTH), px(height))} role="img" aria-labelledby="funnel-chart-title funnel-chart-desc">
                <title id="funnel-chart-title">{ w.chart_funnel }</title>
                <desc id="funnel-chart-desc">{ description }</desc>
                <line class="axis" x1={px(AXIS)} y1={px(TOP)} x2={px(AXIS)} y2={px(height - TOP)} />
                { for rows.iter().enumerate().map(row) }
                if rows.is_empty() {
                    <text class="no-data" x={px(WIDTH / 2.0)} y={px(height / 2.0)} dominant-baseline="middle" text-anchor="middle">{ w.chart_no_data }</text>
                }
            </svg>
            <figcaption class="chart-legend">
                { key(html! { <rect class="bar amount" x="0.5" y="0.5" width="15" height="11" /> }, w.chart_amount) }
                { key(html! { <rect class="bar weighted" x="0" y="3" width="16" height="6" /> }, w.chart_weighted) }
            </figcaption>
            // in a clipped box: a table is never narrower than its text, however small its width
            <div class="sr-only"><table>
                <caption>{ w.chart_funnel }</caption>
                <thead>
                    <tr><th scope="col">{ w.chart_stage }</th><th scope="col">{ w.chart_deals }</th><th scope="col">{ w.chart_amount }</th><th scope="col">{ w.chart_weighted }</th></tr>
                </thead>
                <tbody>
                    { for rows.iter().map(|r| html! {
                        <tr>
                            <th scope="row">{ r.label.clone() }</th>
                            <td>{ r.count }</td>
                            <td>{ full(r.amount, currency) }</td>
                            <td>{ full(r.weighted, currency) }</td>
                        </tr>
                    }) }
                </tbody>
            </table></div>
        </figure>
    }
}
