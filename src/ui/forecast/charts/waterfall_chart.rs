//! The waterfall: the opening pipeline, each change floating from the running total, and the
//! closing pipeline; rises and falls differ by fill and by pattern (readable in black and white).
use yew::prelude::*;

use crate::chart::scale::Linear;
use crate::chart::waterfall::{bands, column, steps, ticks};
use crate::domain::Currency;
use crate::i18n::Lang;

use super::{compact, full, hatch, px, tick_label};

const WIDTH: f64 = 720.0;
const HEIGHT: f64 = 320.0;
const LEFT: f64 = 72.0;
const RIGHT: f64 = 712.0;
const TOP: f64 = 22.0;
const BOTTOM: f64 = 270.0;
const HATCH: &str = "waterfall-hatch";

/// One change; amounts in minor units.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WaterfallColumn {
    pub label: &'static str,
    pub change: i128,
}

/// The waterfall of `period`'s pipeline: `opening`, then `bars` in order.
pub fn waterfall_chart(
    lang: Lang,
    currency: &Currency,
    period: &str,
    opening: i128,
    bars: &[WaterfallColumn],
) -> Html {
    let t = lang.texts();
    let changes: Vec<i128> = bars.iter().map(|b| b.change).collect();
    let steps = steps(opening, &changes);
    let ticks = ticks(&steps);
    let y = Linear::over_ticks(&ticks, BOTTOM, TOP);
    let bands = bands(LEFT, RIGHT - LEFT, steps.len());
    let closing = steps.last().map(|s| s.to).unwrap_or(0);
    let labels: Vec<&str> = std::iter::once(t.moved_opening)
        .chain(bars.iter().map(|b| b.label))
        .chain(std::iter::once(t.moved_closing))
        .collect();
    let last = steps.len() - 1;
    let col = |(i, step): (usize, &crate::chart::waterfall::Step)| {
        let band = bands.band(i);
        let span = column(&y, *step, 1.5);
        let total = i == 0 || i == last;
        let change = step.to - step.from;
        let class = match (total, step.rises()) {
            (true, _) => "total",
            (false, true) => "rise",
            (false, false) => "fall",
        };
        let value = if total { step.to } else { change };
        let shown = match (total, change > 0) {
            (false, true) => format!("+{}", compact(lang, value, currency)),
            _ => compact(lang, value, currency),
        };
        let fill = (class == "fall").then(|| format!("url(#{HATCH})"));
        html! {
            <g class={classes!("step", class)}>
                <title>{ format!("{}{}{}", labels[i], lang.colon(), full(value, currency)) }</title>
                <rect class={classes!("bar", class)} fill={fill} x={px(band.start)} y={px(span.start)} width={px(band.size)} height={px(span.size)} />
                if change != 0 || total {
                    <text class="value" x={px(band.mid())} y={px(span.start - 5.0)} text-anchor="middle">{ shown }</text>
                }
                { for labels[i].split(' ').enumerate().map(|(k, line)| html! {
                    <text class="period-label" x={px(band.mid())} y={px(BOTTOM + 16.0 + 14.0 * k as f64)} text-anchor="middle">{ line.to_string() }</text>
                }) }
            </g>
        }
    };
    let description = format!(
        "{period}{}{} → {}",
        lang.colon(),
        full(opening, currency),
        full(closing, currency)
    );
    html! {
        <figure class="chart waterfall" data-testid="waterfall-chart">
            <svg viewBox={format!("0 0 {} {}", px(WIDTH), px(HEIGHT))} role="img" aria-labelledby="waterfall-title waterfall-desc">
                <title id="waterfall-title">{ t.chart_waterfall }</title>
                <desc id="waterfall-desc">{ description }</desc>
                <defs>{ hatch(HATCH, "fall") }</defs>
                <g class="grid">
                    { for ticks.iter().map(|&v| html! {
                        <g class="tick">
                            <line x1={px(LEFT)} x2={px(RIGHT)} y1={px(y.at(v))} y2={px(y.at(v))} />
                            <text x={px(LEFT - 8.0)} y={px(y.at(v))} dominant-baseline="middle" text-anchor="end">{ tick_label(lang, v, currency) }</text>
                        </g>
                    }) }
                </g>
                { for steps.iter().enumerate().map(col) }
                <line class="axis" x1={px(LEFT)} x2={px(RIGHT)} y1={px(BOTTOM)} y2={px(BOTTOM)} />
            </svg>
        </figure>
    }
}
