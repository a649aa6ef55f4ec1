//! Claimed against verified amounts per owner: two bars side by side, and the difference (what is
//! claimed but not yet backed by evidence) written at the end of the row.
use yew::prelude::*;

use crate::chart::bars::{Bands, Span};
use crate::chart::label::fit;
use crate::chart::scale::Linear;
use crate::domain::Currency;
use crate::i18n::Lang;

use super::{compact, full, hatch, key, px};

const WIDTH: f64 = 720.0;
const ROW: f64 = 52.0;
const TOP: f64 = 6.0;
const BARS_X: f64 = 136.0;
const LONGEST: f64 = 372.0;
const DIFFERENCE_X: f64 = 716.0;
/// The font size of `.chart .label` (styles/main.css), in the chart's units.
const LABEL_PX: f64 = 13.0;
const HATCH: &str = "claimed-verified-hatch";

/// One owner's claimed and verified amounts, in minor units.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OwnerBars {
    pub owner: String,
    /// The amount at the stages the owner claims.
    pub claimed: i128,
    /// The amount at the stages the evidence supports.
    pub verified: i128,
}

#[derive(Properties, PartialEq)]
pub struct ClaimedVerifiedProps {
    pub lang: Lang,
    pub currency: Currency,
    pub owners: Vec<OwnerBars>,
}

#[component]
pub fn ClaimedVerified(props: &ClaimedVerifiedProps) -> Html {
    let (lang, currency) = (props.lang, &props.currency);
    let w = lang.texts();
    let owners = &props.owners;
    let height = TOP * 2.0 + ROW * owners.len().max(1) as f64;
    let bands = Bands {
        start: TOP,
        length: ROW * owners.len() as f64,
        count: owners.len(),
        gap: 0.2,
    };
    let longest = owners
        .iter()
        .map(|o| o.claimed.max(o.verified))
        .max()
        .unwrap_or(0);
    let x = Linear::new(longest, BARS_X, BARS_X + LONGEST);
    let claimed: i128 = owners.iter().map(|o| o.claimed).sum();
    let verified: i128 = owners.iter().map(|o| o.verified).sum();
    let description = lang.risk_desc(
        owners.len(),
        &full(claimed, currency),
        &full(verified, currency),
        &full(claimed - verified, currency),
    );

    let bar = |slot: Span, minor: i128, class: &'static str| {
        let length = x.length(minor);
        let length = if minor > 0 { length.max(2.0) } else { length };
        html! {
            <>
                <rect class={classes!("bar", class)} fill={(class == "claimed").then(|| format!("url(#{HATCH})"))}
                    x={px(BARS_X)} y={px(slot.start)} width={px(length)} height={px(slot.size)} />
                <text class="value" x={px(BARS_X + length + 5.0)} y={px(slot.mid())} dominant-baseline="middle">
                    { compact(lang, minor, currency) }
                </text>
            </>
        }
    };
    let row = |(index, o): (usize, &OwnerBars)| {
        let band = bands.band(index);
        let difference = o.claimed - o.verified;
        let tip = [
            o.owner.clone(),
            format!(
                "{}{}{}",
                w.chart_claimed,
                lang.colon(),
                full(o.claimed, currency)
            ),
            format!(
                "{}{}{}",
                w.chart_verified,
                lang.colon(),
                full(o.verified, currency)
            ),
            format!(
                "{}{}{}",
                w.chart_difference,
                lang.colon(),
                full(difference, currency)
            ),
        ];
        html! {
            <g class={classes!("row", (difference != 0).then_some("apart"))}>
                <title>{ tip.join("\n") }</title>
                <text class="label" x="0" y={px(band.mid())} dominant-baseline="middle">{ fit(&o.owner, BARS_X - 8.0, LABEL_PX) }</text>
                { bar(band.slot(0, 2, 0.12), o.claimed, "claimed") }
                { bar(band.slot(1, 2, 0.12), o.verified, "verified") }
                <text class="difference" x={px(DIFFERENCE_X)} y={px(band.mid())} dominant-baseline="middle" text-anchor="end">
                    { format!("{} {}", w.chart_difference, compact(lang, difference, currency)) }
                </text>
            </g>
        }
    };
    html! {
        <figure class="chart claimed-verified" data-testid="claimed-verified">
            <svg viewBox={format!("0 0 {} {}", px(WIDTH), px(height))} role="img" aria-labelledby="claimed-verified-title claimed-verified-desc">
                <title id="claimed-verified-title">{ w.chart_risk }</title>
                <desc id="claimed-verified-desc">{ description }</desc>
                <defs>{ hatch(HATCH, "claimed") }</defs>
                <line class="axis" x1={px(BARS_X)} x2={px(BARS_X)} y1={px(TOP)} y2={px(height - TOP)} />
                { for owners.iter().enumerate().map(row) }
                if owners.is_empty() {
                    <text class="no-data" x={px(WIDTH / 2.0)} y={px(height / 2.0)} dominant-baseline="middle" text-anchor="middle">{ w.chart_no_data }</text>
                }
            </svg>
            <figcaption class="chart-legend">
                { key(html! { <rect class="bar claimed" fill={format!("url(#{HATCH})")} x="0.5" y="0.5" width="15" height="11" /> }, w.chart_claimed) }
                { key(html! { <rect class="bar verified" x="0.5" y="0.5" width="15" height="11" /> }, w.chart_verified) }
            </figcaption>
            // in a clipped box: a table is never narrower than its text, however small its width
            <div class="sr-only"><table>
                <caption>{ w.chart_risk }</caption>
                <thead>
                    <tr><th scope="col">{ w.field_owner }</th><th scope="col">{ w.chart_claimed }</th><th scope="col">{ w.chart_verified }</th><th scope="col">{ w.chart_difference }</th></tr>
                </thead>
                <tbody>
                    { for owners.iter().map(|o| html! {
                        <tr>
                            <th scope="row">{ o.owner.clone() }</th>
                            <td>{ full(o.claimed, currency) }</td>
                            <td>{ full(o.verified, currency) }</td>
                            <td>{ full(o.claimed - o.verified, currency) }</td>
                        </tr>
                    }) }
                </tbody>
            </table></div>
        </figure>
    }
}
