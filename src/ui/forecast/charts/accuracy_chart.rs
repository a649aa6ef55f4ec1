//! Forecast accuracy over time: per ended month the forecast made before it, from claimed stages
//! (hatched) and from verified ones, beside what was won; the closer a forecast bar is to the won
//! bar, the better that forecast was.
use yew::prelude::*;

use crate::chart::bars::Bands;
use crate::chart::scale::Linear;
use crate::domain::month_close::AccuracyRow;
use crate::domain::Currency;
use crate::i18n::Lang;

use super::{compact, full, hatch, key, px};

const WIDTH: f64 = 720.0;
const ROW: f64 = 54.0;
const TOP: f64 = 6.0;
const BARS_X: f64 = 110.0;
const LONGEST: f64 = 480.0;
const HATCH: &str = "accuracy-hatch";

/// The chart of `rows`, oldest month first.
pub fn accuracy_chart(lang: Lang, currency: &Currency, rows: &[AccuracyRow]) -> Html {
    let t = lang.texts();
    let height = TOP * 2.0 + ROW * rows.len().max(1) as f64;
    let bands = Bands {
        start: TOP,
        length: ROW * rows.len() as f64,
        count: rows.len(),
        gap: 0.18,
    };
    let longest = rows
        .iter()
        .map(|r| r.claimed.minor().max(r.verified.minor()).max(r.won.minor()))
        .max()
        .unwrap_or(0);
    let x = Linear::new(longest, BARS_X, BARS_X + LONGEST);
    let row = |(index, r): (usize, &AccuracyRow)| {
        let band = bands.band(index);
        let bar = |slot: usize, minor: i128, class: &'static str| {
            let span = band.slot(slot, 3, 0.1);
            let length = x.length(minor);
            let length = if minor > 0 { length.max(2.0) } else { length };
            html! {
                <>
                    <rect class={classes!("bar", class)} fill={(class == "claimed").then(|| format!("url(#{HATCH})"))}
                        x={px(BARS_X)} y={px(span.start)} width={px(length)} height={px(span.size)} />
                    <text class="value" x={px(BARS_X + length + 5.0)} y={px(span.mid())} dominant-baseline="middle">
                        { compact(lang, minor, currency) }
                    </text>
                </>
            }
        };
        html! {
            <g class="row">
                <title>{ format!("{}\n{}{}{}\n{}{}{}\n{}{}{}", lang.period(r.month),
                    t.accuracy_claimed, lang.colon(), full(r.claimed.minor(), currency),
                    t.accuracy_verified, lang.colon(), full(r.verified.minor(), currency),
                    t.accuracy_won, lang.colon(), full(r.won.minor(), currency)) }</title>
                <text class="label" x="0" y={px(band.mid())} dominant-baseline="middle">{ lang.period(r.month) }</text>
                { bar(0, r.claimed.minor(), "claimed") }
                { bar(1, r.verified.minor(), "verified-forecast") }
                { bar(2, r.won.minor(), "won") }
            </g>
        }
    };
    html! {
        <figure class="chart accuracy-chart" data-testid="accuracy-chart">
            <svg viewBox={format!("0 0 {} {}", px(WIDTH), px(height))} role="img" aria-label={t.accuracy_title}>
                <defs>{ hatch(HATCH, "claimed") }</defs>
                <line class="axis" x1={px(BARS_X)} x2={px(BARS_X)} y1={px(TOP)} y2={px(height - TOP)} />
                { for rows.iter().enumerate().map(row) }
            </svg>
            <figcaption class="chart-legend">
                { key(html! { <rect class="bar claimed" fill={format!("url(#{HATCH})")} x="0.5" y="0.5" width="15" height="11" /> }, t.accuracy_claimed) }
                { key(html! { <rect class="bar verified-forecast" x="0.5" y="0.5" width="15" height="11" /> }, t.accuracy_verified) }
                { key(html! { <rect class="bar won" x="0.5" y="0.5" width="15" height="11" /> }, t.accuracy_won) }
            </figcaption>
        </figure>
    }
}
