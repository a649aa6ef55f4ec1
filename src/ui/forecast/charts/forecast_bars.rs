//! The forecast per period: won amounts at the bottom of each bar, weighted open amounts stacked
//! on top, and a dashed marker at the period's quota.
use yew::prelude::*;

use crate::chart::bars::{label_every, stacked, Bands};
use crate::chart::scale::{nice_ticks, Linear};
use crate::domain::Currency;
use crate::i18n::Lang;

use super::{full, hatch, key, px, tick_label};

const WIDTH: f64 = 720.0;
const HEIGHT: f64 = 300.0;
const LEFT: f64 = 72.0;
const RIGHT: f64 = 712.0;
const TOP: f64 = 12.0;
const BOTTOM: f64 = 270.0;
const HATCH: &str = "forecast-bars-hatch";

/// One period's bar; amounts in minor units.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ForecastBar {
    /// e.g. `2026-11` or `11月`.
    pub label: String,
    pub won: i128,
    /// The weighted amount of the deals still open.
    pub weighted: i128,
    pub quota: Option<i128>,
}

/// Roughly how wide a period label is at 12px: CJK characters are square, the rest about half.
fn label_width(label: &str) -> f64 {
    label
        .chars()
        .map(|c| if c.is_ascii() { 7.0 } else { 12.0 })
        .sum()
}

#[derive(Properties, PartialEq)]
pub struct ForecastBarsProps {
    pub lang: Lang,
    pub currency: Currency,
    pub bars: Vec<ForecastBar>,
}

#[component]
pub fn ForecastBars(props: &ForecastBarsProps) -> Html {
    let (lang, currency) = (props.lang, &props.currency);
    let w = lang.texts();
    let bars = &props.bars;
    let highest = bars
        .iter()
        .map(|b| (b.won.max(0) + b.weighted.max(0)).max(b.quota.unwrap_or(0)))
        .max()
        .unwrap_or(0);
    let ticks = nice_ticks(highest, 5);
    let y = Linear::over_ticks(&ticks, BOTTOM, TOP);
    let bands = Bands {
        start: LEFT,
        length: RIGHT - LEFT,
        count: bars.len(),
        gap: 0.3,
    };
    let widest_label = bars
        .iter()
        .map(|b| label_width(&b.label))
        .fold(0.0, f64::max);
    let every = label_every(bands.step(), widest_label + 10.0);
    let won: i128 = bars.iter().map(|b| b.won).sum();
    let weighted: i128 = bars.iter().map(|b| b.weighted).sum();
    let quotas: Vec<i128> = bars.iter().filter_map(|b| b.quota).collect();
    let quota_total = (!quotas.is_empty()).then(|| full(quotas.iter().sum(), currency));
    let description = lang.bars_desc(
        bars.len(),
        &full(won, currency),
        &full(weighted, currency),
        quota_total.as_deref(),
    );

    let line =
        |label: &str, minor: i128| format!("{label}{}{}", lang.colon(), full(minor, currency));
    let bar = |(index, b): (usize, &ForecastBar)| {
        let band = bands.band(index);
        let won_y = stacked(&y, 0, b.won);
        let open_y = stacked(&y, b.won.max(0), b.weighted);
        let mut tip = vec![
            b.label.clone(),
            line(w.chart_won, b.won),
            line(w.col_weighted_open, b.weighted),
        ];
        if let Some(q) = b.quota {
            tip.push(line(w.col_quota, q));
        }
        let reach = (band.size * 0.15).min(6.0);
        html! {
            <g class="period">
                <title>{ tip.join("\n") }</title>
                <rect class="bar won" x={px(band.start)} y={px(won_y.start)} width={px(band.size)} height={px(won_y.size)} />
                <rect class="bar weighted" fill={format!("url(#{HATCH})")} x={px(band.start)} y={px(open_y.start)} width={px(band.size)} height={px(open_y.size)} />
                if let Some(q) = b.quota {
                    <line class="quota-halo" x1={px(band.start - reach)} x2={px(band.end() + reach)} y1={px(y.at(q))} y2={px(y.at(q))} />
                    <line class="quota" x1={px(band.start - reach)} x2={px(band.end() + reach)} y1={px(y.at(q))} y2={px(y.at(q))} />
                }
                if index % every == 0 {
                    <text class="period-label" x={px(band.mid())} y={px(BOTTOM + 18.0)} text-anchor="middle">{ b.label.clone() }</text>
                }
            </g>
        }
    };
    html! {
        <figure class="chart forecast-bars" data-testid="forecast-bars">
            <svg viewBox={format!("0 0 {} {}", px(WIDTH), px(HEIGHT))} role="img" aria-labelledby="forecast-bars-title forecast-bars-desc">
                <title id="forecast-bars-title">{ w.chart_forecast }</title>
                <desc id="forecast-bars-desc">{ description }</desc>
                <defs>{ hatch(HATCH, "weighted") }</defs>
                <g class="grid">
                    { for ticks.iter().map(|&t| html! {
                        <g class="tick">
                            <line x1={px(LEFT)} x2={px(RIGHT)} y1={px(y.at(t))} y2={px(y.at(t))} />
                            <text x={px(LEFT - 8.0)} y={px(y.at(t))} dominant-baseline="middle" text-anchor="end">{ tick_label(lang, t, currency) }</text>
                        </g>
                    }) }
                </g>
                { for bars.iter().enumerate().map(bar) }
                <line class="axis" x1={px(LEFT)} x2={px(RIGHT)} y1={px(BOTTOM)} y2={px(BOTTOM)} />
                if bars.is_empty() {
                    <text class="no-data" x={px((LEFT + RIGHT) / 2.0)} y={px((TOP + BOTTOM) / 2.0)} dominant-baseline="middle" text-anchor="middle">{ w.chart_no_data }</text>
                }
            </svg>
            <figcaption class="chart-legend">
                { key(html! { <rect class="bar won" x="0.5" y="0.5" width="15" height="11" /> }, w.chart_won) }
                { key(html! { <rect class="bar weighted" fill={format!("url(#{HATCH})")} x="0.5" y="0.5" width="15" height="11" /> }, w.col_weighted_open) }
                if !quotas.is_empty() {
                    { key(html! { <line class="quota" x1="0" x2="16" y1="6" y2="6" /> }, w.col_quota) }
                }
            </figcaption>
            // in a clipped box: a table is never narrower than its text, however small its width
            <div class="sr-only"><table>
                <caption>{ w.chart_forecast }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ w.col_period }</th><th scope="col">{ w.chart_won }</th><th scope="col">{ w.col_weighted_open }</th>
                        <th scope="col">{ w.chart_total }</th><th scope="col">{ w.col_quota }</th>
                    </tr>
                </thead>
                <tbody>
                    { for bars.iter().map(|b| html! {
                        <tr>
                            <th scope="row">{ b.label.clone() }</th>
                            <td>{ full(b.won, currency) }</td>
                            <td>{ full(b.weighted, currency) }</td>
                            <td>{ full(b.won + b.weighted, currency) }</td>
                            <td>{ b.quota.map(|q| full(q, currency)).unwrap_or_else(|| "—".to_string()) }</td>
                        </tr>
                    }) }
                </tbody>
            </table></div>
        </figure>
    }
}
