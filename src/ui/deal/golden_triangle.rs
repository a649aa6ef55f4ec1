//! The golden triangle (金三角, methodology §3) of one deal in one view: a small triangle of
//! 客户·我方·竞争对手 and, under each corner, where that side stands — what the customer's people
//! want, our closest relationship and our strengths, each competitor's relationship and price.
use yew::prelude::*;

use crate::domain::Deal;
use crate::i18n::Lang;

/// The triangle and its three columns (a plain function, drawn with the Competition tab).
pub fn golden_triangle(lang: Lang, deal: &Deal) -> Html {
    let t = lang.texts();
    let people = &deal.people;
    let wants: Vec<String> = people
        .contacts
        .iter()
        .filter(|c| !c.wants_result.trim().is_empty())
        .map(|c| format!("{}{}{}", c.name, lang.colon(), c.wants_result.trim()))
        .collect();
    let ours = people
        .contacts
        .iter()
        .map(|c| c.relationship_or_none())
        .max();
    let none = || html! { <li class="muted">{ t.no_value }</li> };
    let corner = |x: &'static str, y: &'static str, anchor: &'static str, label: &'static str| {
        html! { <text {x} {y} text-anchor={anchor}>{ label }</text> }
    };
    html! {
        <section class="panel-part triangle" data-testid="triangle" aria-labelledby="triangle-title">
            <h3 id="triangle-title">{ t.triangle_title }</h3>
            <div class="triangle-body">
                <svg viewBox="0 0 160 120" width="160" height="120" aria-hidden="true">
                    <polygon points="80,22 22,96 138,96" />
                    { corner("80", "14", "middle", t.triangle_customer) }
                    { corner("4", "114", "start", t.triangle_us) }
                    { corner("156", "114", "end", t.competitors_title) }
                </svg>
                <div class="triangle-cols">
                    <div data-testid="triangle-customer">
                        <h4>{ t.triangle_customer }{ " · " }{ t.triangle_wants }</h4>
                        <ul>
                            if wants.is_empty() { { none() } }
                            { for wants.into_iter().map(|w| html! { <li>{ w }</li> }) }
                        </ul>
                    </div>
                    <div data-testid="triangle-us">
                        <h4>{ t.triangle_us }</h4>
                        <ul>
                            <li>{ t.triangle_ours }{ lang.colon() }{ ours.map_or(t.no_value, |r| lang.relationship(r)) }</li>
                            if !people.swot.strengths.is_empty() {
                                <li>{ t.swot_strengths }{ lang.colon() }{ people.swot.strengths.clone() }</li>
                            }
                        </ul>
                    </div>
                    <div data-testid="triangle-competitors">
                        <h4>{ t.competitors_title }{ " · " }{ t.triangle_their }</h4>
                        <ul>
                            if people.competitors.is_empty() { { none() } }
                            { for people.competitors.iter().map(|c| html! {
                                <li>{ format!("{}{}{} · {}", c.name, lang.colon(),
                                    c.relationship.map_or(t.not_known, |r| lang.relationship(r)),
                                    c.price.map_or(t.not_known, |p| lang.price(p))) }</li>
                            }) }
                        </ul>
                    </div>
                </div>
            </div>
        </section>
    }
}
