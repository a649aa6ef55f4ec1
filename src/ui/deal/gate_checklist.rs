//! The gate checklist of a deal: every stage's acceptance criteria (验收节点), ticked with the
//! day and the evidence. Principle 2: what is done must be seen.
use std::rc::Rc;

use chrono::NaiveDate;
use yew::prelude::*;

use crate::domain::coverage::{gate_map, Verdict};
use crate::domain::deal::GateCheck;
use crate::domain::gates::{progress, verified_stage};
use crate::domain::method::{content, GateItem, Method};
use crate::domain::{Deal, DealId, Stage};
use crate::i18n::Lang;
use crate::session::Action;
use crate::ui::common::context::use_dispatch;
use crate::ui::common::shared::Shared;
use crate::web::clock;

#[derive(Properties, PartialEq)]
pub struct GateChecklistProps {
    pub lang: Lang,
    pub deal: Rc<Deal>,
    pub method: Shared<Method>,
}

#[component]
pub fn GateChecklist(props: &GateChecklistProps) -> Html {
    let t = props.lang.texts();
    // Which stages start unfolded is decided once, so that a group does not fold under the
    // person ticking it; afterwards the person's own unfolding stands.
    let unfolded = {
        let (method, deal) = (props.method.clone(), props.deal.clone());
        use_state(move || initially_unfolded(&method, &deal))
    };
    let deal = &props.deal;
    let method = &props.method;
    let principle = props.lang.pick(&content().principles[1]);
    let map = gate_map(method, deal);
    html! {
        <div class="gates" data-testid="gate-checklist">
            <p class="principle" title={t.principles}>{ format!("“{principle}”") }</p>
            <p class="gates-intro">{ t.gates_intro }</p>
            { for Stage::ALL.iter().map(|&stage| {
                let (done, all) = progress(method, deal, stage);
                let met = done == all;
                let current = stage == deal.stage;
                let items: Vec<&GateItem> = method.rules(stage).gate.iter()
                    .filter(|item| !item.retired || deal.gates.contains_key(&item.id))
                    .collect();
                html! {
                    <details class={classes!("gate-stage", met.then_some("met"), current.then_some("current"))}
                        open={unfolded.contains(&stage)}
                        data-testid="gate-stage" data-stage={stage.code()}>
                        <summary>
                            <span class="code">{ stage.code() }</span>
                            <span class="stage-name">{ props.lang.stage_name(stage) }</span>
                            if current { <span class="badge">{ t.current }</span> }
                            <span class="gate-status" data-testid="gate-status">
                                { if met { format!("✓ {}", t.gate_met) } else { format!("{done}/{all}") } }
                            </span>
                        </summary>
                        <ul class="gate-items">
                            { for items.into_iter().map(|item| html! {
                                <GateRow key={item.id.as_str().to_string()} lang={props.lang} deal={deal.id.clone()}
                                    item={item.clone()} check={deal.gates.get(&item.id).cloned()}
                                    map={map.iter().find(|g| g.item == item.id).map(|g| g.verdict.clone())} />
                            }) }
                        </ul>
                    </details>
                }
            }) }
        </div>
    }
}

/// The current stage, the verified one, and earlier stages with unmet items.
fn initially_unfolded(method: &Method, deal: &Deal) -> Vec<Stage> {
    let verified = verified_stage(method, deal);
    Stage::ALL
        .iter()
        .copied()
        .filter(|&s| {
            let (done, all) = progress(method, deal, s);
            s == deal.stage || s == verified || (s < deal.stage && done < all)
        })
        .collect()
}

#[derive(Properties, PartialEq)]
struct GateRowProps {
    lang: Lang,
    deal: DealId,
    item: GateItem,
    check: Option<GateCheck>,
    /// What the deal's map says about the item, when it is linked to a map rule.
    map: Option<Verdict>,
}

#[component]
fn GateRow(props: &GateRowProps) -> Html {
    let dispatch = use_dispatch();
    let t = props.lang.texts();
    let item_id = props.item.id.clone();
    let dom_id = format!("gate-{}", item_id.as_str());
    let toggle = {
        let (dispatch, deal, item) = (dispatch.clone(), props.deal.clone(), item_id.clone());
        move |e: Event| {
            let checked = e
                .target_unchecked_into::<web_sys::HtmlInputElement>()
                .checked();
            let (id, item, now) = (deal.clone(), item.clone(), clock::now());
            dispatch.dispatch(if checked {
                Action::CheckGate {
                    id,
                    item,
                    check: GateCheck {
                        on: clock::today(),
                        evidence: String::new(),
                    },
                    now,
                }
            } else {
                Action::UncheckGate { id, item, now }
            });
        }
    };
    let update = |change: fn(&mut GateCheck, String)| {
        let (dispatch, deal, item, check) = (
            dispatch.clone(),
            props.deal.clone(),
            item_id.clone(),
            props.check.clone(),
        );
        move |e: Event| {
            let Some(mut check) = check.clone() else {
                return;
            };
            change(
                &mut check,
                e.target_unchecked_into::<web_sys::HtmlInputElement>()
                    .value(),
            );
            dispatch.dispatch(Action::CheckGate {
                id: deal.clone(),
                item: item.clone(),
                check,
                now: clock::now(),
            });
        }
    };
    let set_date = update(|check, value| {
        if let Ok(date) = NaiveDate::parse_from_str(&value, "%Y-%m-%d") {
            check.on = date;
        }
    });
    let set_evidence = update(|check, value| check.evidence = value.trim().to_string());
    let lang = props.lang;
    let lacks_evidence = props.item.evidence
        && props
            .check
            .as_ref()
            .is_some_and(|c| c.evidence.trim().is_empty());
    let map_line = props.map.as_ref().map(|verdict| {
        let (class, says) = match verdict {
            Verdict::Supports(_) => ("supports", t.map_supports),
            Verdict::Contradicts(_) => ("contradicts", t.map_contradicts),
            Verdict::Silent(_) => ("silent", t.map_silent),
        };
        let why = lang.map_why(verdict.why());
        let offer = matches!(verdict, Verdict::Supports(_))
            && !props.item.retired
            && (props.check.is_none() || lacks_evidence);
        let tick = {
            let (dispatch, deal, item, evidence) =
                (dispatch.clone(), props.deal.clone(), item_id.clone(), why.clone());
            move |_| {
                dispatch.dispatch(Action::CheckGate {
                    id: deal.clone(),
                    item: item.clone(),
                    check: GateCheck {
                        on: clock::today(),
                        evidence: evidence.clone(),
                    },
                    now: clock::now(),
                })
            }
        };
        let contradicted = props.check.is_some() && matches!(verdict, Verdict::Contradicts(_));
        html! {
            <div class={classes!("map-says", class)} data-testid="map-says" data-verdict={class}>
                <span>{ format!("{says}{}{why}", lang.colon()) }</span>
                if offer {
                    <button type="button" class="ghost small" data-testid="tick-with-map" onclick={tick}>{ t.tick_with_map }</button>
                }
                if contradicted {
                    <strong class="tick-contradicted" data-testid="tick-contradicted">{ format!("⚠ {}", t.tick_contradicted) }</strong>
                }
            </div>
        }
    });
    html! {
        <li class={classes!("gate-item", props.check.is_some().then_some("done"), props.item.retired.then_some("retired"))}
            data-testid="gate-item" data-item={item_id.as_str().to_string()}>
            <div class="gate-line">
                <input type="checkbox" id={dom_id.clone()} data-testid="gate-check" checked={props.check.is_some()}
                    disabled={props.item.retired} onchange={toggle} />
                <label for={dom_id.clone()}>{ props.lang.pick(&props.item.text) }</label>
                if props.item.ours { <span class="tag" title={t.ours_hint}>{ t.ours }</span> }
                if props.item.retired { <span class="tag">{ t.retired }</span> }
            </div>
            if let Some(check) = &props.check {
                <div class="evidence">
                    <label class="sr-only" for={format!("{dom_id}-on")}>{ t.checked_on }</label>
                    <input type="date" id={format!("{dom_id}-on")} data-testid="gate-date" title={t.checked_on}
                        value={check.on.format("%Y-%m-%d").to_string()} disabled={props.item.retired} onchange={set_date} />
                    <label class="sr-only" for={format!("{dom_id}-evidence")}>{ t.evidence }</label>
                    <input type="text" id={format!("{dom_id}-evidence")} data-testid="gate-evidence" class="evidence-text"
                        placeholder={t.evidence_placeholder} value={check.evidence.clone()} disabled={props.item.retired}
                        onchange={set_evidence} aria-invalid={lacks_evidence.to_string()}
                        aria-describedby={lacks_evidence.then(|| format!("{dom_id}-needs"))} />
                    if lacks_evidence {
                        <p class="field-error" id={format!("{dom_id}-needs")} data-testid="evidence-needed">{ t.evidence_required }</p>
                    }
                </div>
            }
            { map_line.unwrap_or_default() }
        </li>
    }
}
