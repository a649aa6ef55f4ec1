//! The trainer's comparison as slides: the tables' figures, then one discussion point a slide
//! (each table's stage, verified stage, score and strategies for that stage). The comparison's
//! own figures, in its order; markup written as text, as in [`super::slides`].
use yew::prelude::*;

use super::slides::{el, raw};
use crate::chart::people_svg::escape;
use crate::domain::deal::DealStatus;
use crate::domain::money::Money;
use crate::domain::workshop::compare::table_order;
use crate::i18n::Lang;
use crate::session::projector::{CompareSlide, TABLES_PER_SLIDE};
use crate::session::Workshop;

/// `class="differs"` where the tables differ in this.
fn differs(differ: bool) -> &'static str {
    if differ {
        r#" class="differs""#
    } else {
        ""
    }
}

pub fn compare_slide(lang: Lang, w: &Workshop, slide: CompareSlide) -> Html {
    let t = lang.texts();
    let c = &w.comparison;
    let order = table_order(c, w.tables);
    let mut s = String::from(r#"<div class="compare" data-testid="projector-compare">"#);
    match slide {
        CompareSlide::Tables(from) => {
            el(&mut s, "h1", "", t.ws_compare_title);
            s.push_str(r#"<table class="figures"><tr>"#);
            for head in [
                t.ws_table,
                t.ws_open_deals,
                t.ws_claimed,
                t.ws_verified,
                t.ws_gates_met,
                t.ws_overrides,
                t.ws_score,
            ] {
                el(&mut s, "th", "", head);
            }
            s.push_str("</tr>");
            for &i in order.iter().skip(from).take(TABLES_PER_SLIDE) {
                let f = &c.tables[i];
                // whole amounts without their ".00": the same value, narrower at 28 px
                let money = |m: Money| {
                    let text = m.format(&f.currency);
                    text.strip_suffix(".00")
                        .map_or(text.clone(), str::to_string)
                };
                s.push_str("<tr>");
                el(&mut s, "th", "", &f.name);
                for figure in [
                    f.open_deals.to_string(),
                    money(f.weighted_claimed),
                    money(f.weighted_verified),
                    f.gates_met.to_string(),
                    f.overrides.len().to_string(),
                    f.score.map_or_else(|| "—".to_string(), |s| s.to_string()),
                ] {
                    el(&mut s, "td", "", &figure);
                }
                s.push_str("</tr>");
            }
        }
        CompareSlide::Point(row) => {
            let row = &c.deals[row];
            let d = row.disagree;
            s.push_str(r#"<header class="slide-head">"#);
            el(&mut s, "h1", r#" data-testid="projector-point""#, &row.name);
            el(&mut s, "span", r#" class="mark""#, t.ws_discussion);
            s.push_str("</header>");
            el(&mut s, "p", "", &row.customer);
            s.push_str("<table><tr>");
            for head in [
                t.ws_table,
                t.ws_stage,
                t.ws_verified_stage,
                t.ws_deal_score,
                t.field_strategies,
            ] {
                el(&mut s, "th", "", head);
            }
            s.push_str("</tr>");
            for &i in &order {
                let Some(cell) = &row.cells[i] else { continue };
                s.push_str("<tr>");
                el(&mut s, "th", "", &c.tables[i].name);
                let mut stage = cell.stage.code().to_string();
                if cell.status != DealStatus::Open {
                    stage = format!("{stage} {}", lang.status(cell.status));
                }
                el(&mut s, "td", differs(d.stage || d.status), &stage);
                el(&mut s, "td", differs(d.verified), cell.verified.code());
                el(&mut s, "td", differs(d.score), &cell.score.to_string());
                s.push_str("<td>");
                if cell.strategies.is_empty() {
                    s.push_str(&escape(t.no_value));
                }
                s.push_str("<ol>");
                for strategy in &cell.strategies {
                    el(&mut s, "li", "", strategy);
                }
                s.push_str("</ol></td></tr>");
            }
        }
    }
    s.push_str("</table></div>");
    raw(s)
}
