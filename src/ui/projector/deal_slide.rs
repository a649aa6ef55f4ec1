//! A deal's slide, revealed a step at a time: its facts, then its gates, then the evidence for
//! them, then its 渔网图, then the team's strategies for its stage. Markup written as text, as
//! in [`super::slides`].
use yew::prelude::*;

use super::slides::{el, raw};
use crate::domain::gates::{met, progress, verified_stage};
use crate::domain::{Deal, Plan, Stage};
use crate::i18n::Lang;
use crate::session::projector::Reveal;
use crate::ui::deal::people_cards::{cards, vocab};
use crate::ui::deal::people_map::{people_map, PeopleProps};

pub fn deal_slide(lang: Lang, plan: &Plan, deal: &Deal, reveal: Reveal) -> Html {
    let t = lang.texts();
    let verified = verified_stage(&plan.method, deal);
    let mut s = String::from(r#"<div><header class="slide-head">"#);
    el(&mut s, "h1", "", &deal.name);
    el(
        &mut s,
        "span",
        r#" class="big""#,
        &deal.amount.format(&plan.currency),
    );
    s.push_str(r#"</header><p class="facts">"#);
    s.push_str(&crate::chart::people_svg::escape(&deal.customer));
    let colon = lang.colon();
    let claimed = format!(
        "{}{colon}{} · {}",
        t.claimed_stage,
        deal.stage.code(),
        lang.stage_name(deal.stage)
    );
    el(&mut s, "span", "", &claimed);
    el(
        &mut s,
        "span",
        "",
        &format!("{}{colon}{}", t.verified_stage, verified.code()),
    );
    s.push_str("</p>");
    let shown = match reveal {
        Reveal::Facts => html! {},
        Reveal::Gates | Reveal::Evidence => raw(gates(lang, plan, deal, verified, reveal)),
        Reveal::Map if deal.people.contacts.is_empty() => html! { <p>{ t.people_empty }</p> },
        Reveal::Map => {
            let (people, links) = cards(lang, &deal.people);
            people_map(&PeopleProps {
                lang,
                people,
                links,
                vocab: vocab(lang),
                ids: "-slide",
            })
        }
        Reveal::Strategies => {
            let list = deal.strategies(deal.stage);
            let mut s = String::from(r#"<section data-testid="projector-strategies">"#);
            el(
                &mut s,
                "h2",
                "",
                &format!("{} · {}", t.field_strategies, deal.stage.code()),
            );
            if list.is_empty() {
                el(&mut s, "p", "", t.no_value);
            }
            s.push_str("<ol>");
            for strategy in list {
                el(&mut s, "li", "", strategy);
            }
            s.push_str("</ol></section>");
            raw(s)
        }
    };
    html! {
        <div data-testid="projector-deal" data-reveal={reveal.index().to_string()}>
            { raw(s) }
            { shown }
        </div>
    }
}

/// Gates: every stage's gate up to the claimed stage, met or not, and the items of the
/// stages the evidence has not reached yet. Evidence: what was written for the ticked items of
/// those stages and of the last gate passed, and how many of their ticks have none.
fn gates(lang: Lang, plan: &Plan, deal: &Deal, verified: Stage, reveal: Reveal) -> String {
    let t = lang.texts();
    let evidence = reveal == Reveal::Evidence;
    let class = |ok: bool| {
        if ok {
            r#" class="met""#
        } else {
            r#" class="unmet""#
        }
    };
    let (mut chips, mut items, mut bare) = (String::new(), String::new(), 0);
    for stage in Stage::ALL.into_iter().filter(|s| *s <= deal.stage) {
        let (done, all) = progress(&plan.method, deal, stage);
        let chip = format!("{} {done}/{all}", stage.code());
        el(&mut chips, "span", class(done == all), &chip);
        if stage.next().is_some_and(|next| next < verified) {
            continue;
        }
        for item in plan.method.active_gate(stage) {
            let text = lang.pick(&item.text);
            match deal.gates.get(&item.id) {
                Some(check) if evidence && check.evidence.trim().is_empty() => bare += 1,
                Some(check) if evidence => {
                    items.push_str(r#"<li class="met" data-testid="projector-evidence">"#);
                    items.push_str(&crate::chart::people_svg::escape(&format!("✓ {text} ")));
                    el(
                        &mut items,
                        "span",
                        r#" class="evidence""#,
                        &format!("— {}", check.evidence),
                    );
                    items.push_str("</li>");
                }
                _ if evidence || stage < verified => {}
                _ => {
                    let ok = met(item, deal);
                    let mark = if ok { "✓" } else { "○" };
                    let line = format!("{mark} {} {text}", stage.code());
                    el(&mut items, "li", class(ok), &line);
                }
            }
        }
    }
    if bare > 0 {
        let line = format!("{}{}{bare}", t.projector_no_evidence, lang.colon());
        el(&mut items, "li", class(false), &line);
    }
    let mut s = String::from(r#"<div class="gates" data-testid="projector-gates">"#);
    el(&mut s, "h2", "", t.tab_gates);
    s.push_str(r#"<p class="chips">"#);
    s.push_str(&chips);
    s.push_str("</p><ul>");
    s.push_str(&items);
    s.push_str("</ul></div>");
    s
}
