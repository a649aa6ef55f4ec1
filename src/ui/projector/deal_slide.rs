//! A deal's slide, revealed a step at a time: its facts, then its gates, then the evidence for
//! them, then its 渔网图, then the team's strategies for its stage.
use yew::prelude::*;

use crate::domain::gates::{met, progress, verified_stage};
use crate::domain::{Deal, Plan, Stage};
use crate::i18n::Lang;
use crate::session::projector::Reveal;
use crate::ui::deal::people_cards::{cards, vocab};
use crate::ui::deal::people_map::{people_map, PeopleProps};

pub fn deal_slide(lang: Lang, plan: &Plan, deal: &Deal, reveal: Reveal) -> Html {
    let t = lang.texts();
    let verified = verified_stage(&plan.method, deal);
    let shown = match reveal {
        Reveal::Facts => html! {},
        Reveal::Gates | Reveal::Evidence => gates(lang, plan, deal, verified, reveal),
        Reveal::Map if deal.people.contacts.is_empty() => html! { <p>{ t.people_empty }</p> },
        Reveal::Map => {
            let (people, links) = cards(lang, &deal.people);
            people_map(&PeopleProps {
                lang,
                people,
                links,
                vocab: vocab(lang),
            })
        }
        Reveal::Strategies => {
            let list = deal.strategies(deal.stage);
            html! {
                <section data-testid="projector-strategies">
                    <h2>{ format!("{} · {}", t.field_strategies, deal.stage.code()) }</h2>
                    if list.is_empty() {
                        <p>{ t.no_value }</p>
                    }
                    <ol>{ for list.iter().map(|s| html! { <li>{ s }</li> }) }</ol>
                </section>
            }
        }
    };
    html! {
        <div data-testid="projector-deal" data-reveal={reveal.index().to_string()}>
            <header class="slide-head">
                <h1>{ &deal.name }</h1>
                <span class="big">{ deal.amount.format(&plan.currency) }</span>
            </header>
            <p class="facts">
                { &deal.customer }
                <span>{ format!("{}{}{} · {}", t.claimed_stage, lang.colon(), deal.stage.code(), lang.stage_name(deal.stage)) }</span>
                <span>{ format!("{}{}{}", t.verified_stage, lang.colon(), verified.code()) }</span>
            </p>
            { shown }
        </div>
    }
}

/// Gates: every stage's gate up to the claimed stage, met or not, and the items of the
/// stages the evidence has not reached yet. Evidence: what was written for every ticked item
/// up to the claimed stage, and how many ticks have none.
fn gates(lang: Lang, plan: &Plan, deal: &Deal, verified: Stage, reveal: Reveal) -> Html {
    let t = lang.texts();
    let evidence = reveal == Reveal::Evidence;
    let (mut chips, mut items, mut bare) = (Vec::new(), Vec::new(), 0);
    for stage in Stage::ALL.into_iter().filter(|s| *s <= deal.stage) {
        let (done, all) = progress(&plan.method, deal, stage);
        let class = |ok: bool| if ok { "met" } else { "unmet" };
        chips.push(html! { <span class={class(done == all)}>{ format!("{} {done}/{all}", stage.code()) }</span> });
        for item in plan.method.active_gate(stage) {
            let text = lang.pick(&item.text);
            match deal.gates.get(&item.id) {
                Some(check) if evidence && check.evidence.trim().is_empty() => bare += 1,
                Some(check) if evidence => items.push(html! {
                    <li class="met" data-testid="projector-evidence">
                        { format!("✓ {text}") }
                        <p class="evidence">{ format!("{} · {}", lang.date(check.on), check.evidence) }</p>
                    </li>
                }),
                _ if evidence || stage < verified => {}
                _ => {
                    let ok = met(item, deal);
                    let mark = if ok { "✓" } else { "○" };
                    items.push(html! { <li class={class(ok)}>{ format!("{mark} {} {text}", stage.code()) }</li> });
                }
            }
        }
    }
    if bare > 0 {
        let line = format!("{}{}{bare}", t.projector_no_evidence, lang.colon());
        items.push(html! { <li class="unmet">{ line }</li> });
    }
    html! {
        <div class="gates" data-testid="projector-gates">
            <h2>{ t.tab_gates }</h2>
            <p class="chips">{ chips }</p>
            <ul>{ items }</ul>
        </div>
    }
}
