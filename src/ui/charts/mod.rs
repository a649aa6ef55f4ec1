//! The forecast charts as SVG: the stage funnel, stacked forecast bars per period, and claimed
//! against verified amounts per owner. Geometry comes from `crate::chart`; each chart also
//! carries a visually hidden table with the same figures in full.
mod claimed_verified;
mod forecast_bars;
mod funnel_chart;

use yew::prelude::*;

use crate::domain::{Currency, Money};
use crate::i18n::Lang;

pub use claimed_verified::{ClaimedVerified, OwnerBars};
pub use forecast_bars::{ForecastBar, ForecastBars};
pub use funnel_chart::{FunnelChart, FunnelRow};

/// The few words the charts need, in one language.
pub struct ChartWords {
    pub funnel_title: &'static str,
    pub forecast_title: &'static str,
    pub claimed_verified_title: &'static str,
    pub stage: &'static str,
    pub period: &'static str,
    pub owner: &'static str,
    pub deals: &'static str,
    pub amount: &'static str,
    pub weighted: &'static str,
    pub won: &'static str,
    pub weighted_open: &'static str,
    pub total: &'static str,
    pub quota: &'static str,
    pub claimed: &'static str,
    pub verified: &'static str,
    pub difference: &'static str,
    pub no_data: &'static str,
}

const ZH: ChartWords = ChartWords {
    funnel_title: "销售漏斗",
    forecast_title: "按期预测：已赢单与加权在谈",
    claimed_verified_title: "按负责人：申报与验证",
    stage: "阶段",
    period: "期间",
    owner: "负责人",
    deals: "项目数",
    amount: "金额",
    weighted: "加权",
    won: "已赢单",
    weighted_open: "加权在谈",
    total: "合计",
    quota: "任务",
    claimed: "申报",
    verified: "验证",
    difference: "差额",
    no_data: "暂无数据",
};

const EN: ChartWords = ChartWords {
    funnel_title: "Sales funnel",
    forecast_title: "Forecast by period: won and weighted open",
    claimed_verified_title: "By owner: claimed and verified",
    stage: "Stage",
    period: "Period",
    owner: "Owner",
    deals: "Deals",
    amount: "Amount",
    weighted: "Weighted",
    won: "Won",
    weighted_open: "Weighted open",
    total: "Total",
    quota: "Quota",
    claimed: "Claimed",
    verified: "Verified",
    difference: "Difference",
    no_data: "No data",
};

/// The chart words of `lang`.
pub fn words(lang: Lang) -> &'static ChartWords {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

/// `3 个阶段` / `1 stage`, `3 stages`: how many rows or bars a chart shows.
fn how_many(lang: Lang, n: usize, zh_unit: &str, en_one: &str, en_many: &str) -> String {
    match lang {
        Lang::Zh => format!("{n} {zh_unit}"),
        Lang::En if n == 1 => format!("1 {en_one}"),
        Lang::En => format!("{n} {en_many}"),
    }
}

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
    format!("{v:.1}")
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
