//! The forecast charts as SVG: the stage funnel, stacked forecast bars per period, and claimed
//! against verified amounts per owner. Geometry comes from `crate::chart`; each chart also
//! carries a visually hidden table with the same figures in full.
mod accuracy_chart;
mod claimed_verified;
mod forecast_bars;
mod funnel_chart;
mod waterfall_chart;

use yew::prelude::*;

use crate::domain::{Currency, Money};
use crate::i18n::Lang;

pub use accuracy_chart::accuracy_chart;
pub use claimed_verified::{ClaimedVerified, OwnerBars};
pub use forecast_bars::{ForecastBar, ForecastBars};
pub use funnel_chart::{FunnelChart, FunnelRow};
pub use waterfall_chart::{waterfall_chart, WaterfallColumn};

/// An amount in full: `¥1,250,000.00`.
fn full(minor: i128, currency: &Currency) -> String {
    Money::from_minor(minor).format(currency)
}

/// An amount for a tight place: `¥125万` / `¥1.25M`.
fn compact(lang: Lang, minor: i128, currency: &Currency) -> String {
    lang.money_compact(Money::from_minor(minor), currency)
}

/// An axis label: compact, and without `.00` on small round amounts (`¥0`, `¥5,000`).
fn tick_label(lang: Lang, minor: i128, currency: &Currency) -> String {
    let text = compact(lang, minor, currency);
    match text.strip_suffix(".00") {
        Some(whole) => whole.to_string(),
        None => text,
    }
}

/// A pixel coordinate for an SVG attribute.
fn px(v: f64) -> String {
    crate::chart::svg_number(v, 1)
}

/// A diagonal hatch for open (not yet won or verified) amounts, so that bars differ in black
/// and white too. `id` must be unique on the page.
fn hatch(id: &'static str, class: &'static str) -> Html {
    html! {
        <pattern {id} class={classes!("hatch", class)} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect class="hatch-ground" width="6" height="6" />
            <line class="hatch-line" x1="0" y1="0" x2="0" y2="6" />
        </pattern>
    }
}

/// One legend entry: a small swatch drawn like the series, and its name.
fn key(swatch: Html, label: &'static str) -> Html {
    html! {
        <span class="key">
            <svg class="swatch" viewBox="0 0 16 12" aria-hidden="true">{ swatch }</svg>
            { label }
        </span>
    }
}
