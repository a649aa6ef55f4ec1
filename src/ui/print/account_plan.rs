//! The open deal on paper (the account plan a table takes to its next visit): its facts, the
//! gate checklist with the evidence up to its stage, its decision chain and coverage flags when
//! it has people, its competitors, the next step, and the self-check list for the next visit.
//! Drawn while the deal's dialog is open, so that printing then prints the deal.
use chrono::Local;
use yew::prelude::*;

use super::{sheet, strategy_lines, tick_box};
use crate::domain::coverage::Flag;
use crate::domain::gates::standing;
use crate::domain::method::{content, Method};
use crate::domain::{Currency, Deal, Stage};
use crate::i18n::Lang;
use crate::ui::deal::people_cards::{cards, vocab};
use crate::ui::deal::people_map::{people_map, people_table, PeopleProps};
use crate::web::clock;

/// The account plan of `deal`, drawn into the page's body.
pub fn account_plan(
    lang: Lang,
    deal: &Deal,
    method: &Method,
    currency: &Currency,
    flags: &[Flag],
) -> Html {
    let t = lang.texts();
    let c = lang.colon();
    let standing = standing(method, deal, clock::today(), &Local);
    let stage = |s: Stage| format!("{} {}", s.code(), lang.stage_name(s));
    let fact = |label: &str, value: String| {
        (!value.is_empty()).then(|| html! { <div><dt>{ label }</dt><dd>{ value }</dd></div> })
    };
    let facts = [
        fact(t.field_customer, deal.customer.clone()),
        fact(t.field_amount, deal.amount.format(currency)),
        fact(t.claimed_stage, stage(deal.stage)),
        fact(t.verified_stage, stage(standing.verified)),
        fact(t.field_status, lang.status(deal.status).to_string()),
        fact(
            t.field_close,
            deal.expected_close
                .map(|d| lang.date(d))
                .unwrap_or_default(),
        ),
        fact(t.field_owner, deal.owner.clone()),
        fact(t.field_product, deal.product.clone()),
        fact(t.field_region, deal.region.clone()),
        fact(t.field_segment, deal.segment.clone()),
    ];
    let gates = Stage::ALL
        .into_iter()
        .filter(|&s| s <= deal.stage)
        .flat_map(|s| method.active_gate(s).map(move |item| (s, item)))
        .map(|(s, item)| {
            let check = deal.gates.get(&item.id);
            html! {
                <tr>
                    <td>{ s.code() }</td>
                    <td>{ format!("{} {}", tick_box(check.is_some()), lang.pick(&item.text)) }</td>
                    <td class="day">{ check.map(|k| lang.date(k.on)).unwrap_or_default() }</td>
                    <td>{ check.map(|k| k.evidence.clone()).unwrap_or_default() }</td>
                </tr>
            }
        });
    let people = (!deal.people.contacts.is_empty()).then(|| {
        let (people, links) = cards(lang, &deal.people);
        let map = PeopleProps {
            lang,
            people,
            links,
            vocab: vocab(lang),
            ids: "-print",
        };
        html! {
            <div class="sheet-part" data-testid="people-print">
                <h2>{ t.tab_people }</h2>
                { people_map(&map) }
                { people_table(&map) }
                <ul class="flag-list">
                    { for flags.iter().map(|f| html! {
                        <li>{ format!("{} — {}", lang.flag(f), lang.serves(f.serves(), method)) }</li>
                    }) }
                </ul>
            </div>
        }
    });
    let competitors = &deal.people.competitors;
    let unknown = || t.not_known.to_string();
    let row = content().row(deal.stage);
    let page = html! {
        <>
            <h1>{ format!("{}{c}{}", t.account_plan, deal.name) }</h1>
            <dl class="sheet-facts">{ for facts.into_iter().flatten() }</dl>
            <div class="sheet-part">
                <h2>{ t.tab_gates }</h2>
                <table class="sheet-table">
                    <thead><tr>
                        <th>{ t.field_stage }</th><th>{ t.tab_gates }</th><th>{ t.checked_on }</th><th>{ t.evidence }</th>
                    </tr></thead>
                    <tbody>{ for gates }</tbody>
                </table>
            </div>
            { people.unwrap_or_default() }
            if !competitors.is_empty() {
                <div class="sheet-part">
                    <h2>{ t.competitors_title }</h2>
                    <table class="sheet-table">
                        <thead><tr>
                            <th>{ t.map_name }</th><th>{ t.competitor_price }</th><th>{ t.competitor_relationship }</th>
                            <th>{ t.competitor_strengths }</th><th>{ t.competitor_weaknesses }</th>
                        </tr></thead>
                        <tbody>{ for competitors.iter().map(|k| html! { <tr>
                            <td>{ k.name.clone() }</td>
                            <td>{ k.price.map_or_else(unknown, |p| lang.price(p).to_string()) }</td>
                            <td>{ k.relationship.map_or_else(unknown, |r| lang.relationship(r).to_string()) }</td>
                            <td>{ k.strengths.clone() }</td>
                            <td>{ k.weaknesses.clone() }</td>
                        </tr> }) }</tbody>
                    </table>
                </div>
            }
            { strategy_lines(lang, deal.stage, deal.strategies(deal.stage)) }
            <div class="sheet-part">
                <h2>{ t.field_next_step }</h2>
                <p class="sheet-lines">{ deal.next_step.clone() }</p>
            </div>
            if deal.is_open() {
                <div class="sheet-part">
                    <h2>{ t.self_check }</h2>
                    <ul class="sheet-checks">
                        { for row.sales.self_check.iter().map(|q| html! {
                            <li>{ format!("{} {}", tick_box(deal.self_check.contains(&q.id)), lang.pick(&q.text)) }</li>
                        }) }
                    </ul>
                </div>
            }
        </>
    };
    sheet("account-plan", false, page)
}
