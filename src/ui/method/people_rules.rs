//! The method's rules about people: the coverage thresholds (days without contact, the stages
//! from which flags apply) and the deal score's weights, each changed through a method edit.
use yew::prelude::*;

use crate::domain::method::edit::{MAX_STALE_DAYS, MAX_WEIGHT};
use crate::domain::method::{PeopleRules, ScorePart};
use crate::domain::Stage;
use crate::i18n::Lang;
use crate::session::{Action, MethodEdit};
use crate::ui::common::context::use_dispatch;

#[derive(Properties, PartialEq)]
pub struct PeopleRulesEditorProps {
    pub lang: Lang,
    pub rules: PeopleRules,
}

/// A typed whole number; anything else arrives as `u32::MAX` (refused, shown as "—").
fn number_of(e: &Event) -> u32 {
    e.target_unchecked_into::<web_sys::HtmlInputElement>()
        .value()
        .trim()
        .parse()
        .unwrap_or(u32::MAX)
}

#[component]
pub fn PeopleRulesEditor(props: &PeopleRulesEditorProps) -> Html {
    let dispatch = use_dispatch();
    let lang = props.lang;
    let t = lang.texts();
    let rules = &props.rules;
    let send = |make: fn(u32) -> MethodEdit| {
        let dispatch = dispatch.clone();
        move |e: Event| dispatch.dispatch(Action::EditMethod(make(number_of(&e))))
    };
    let stage_select = |id: &'static str, current: Stage, make: fn(Stage) -> MethodEdit| {
        let dispatch = dispatch.clone();
        let onchange = move |e: Event| {
            let code = e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            if let Some(stage) = Stage::ALL.into_iter().find(|s| s.code() == code) {
                dispatch.dispatch(Action::EditMethod(make(stage)));
            }
        };
        html! {
            <select {id} data-testid={id} {onchange}>
                { for Stage::ALL.into_iter().map(|s| html! {
                    <option value={s.code()} selected={s == current}>{ format!("{} {}", s.code(), lang.stage_name(s)) }</option>
                }) }
            </select>
        }
    };
    let weight = |part: ScorePart| {
        let id = format!("weight-{}", part as u8);
        let dispatch = dispatch.clone();
        let onchange = move |e: Event| {
            dispatch.dispatch(Action::EditMethod(MethodEdit::Weight(part, number_of(&e))))
        };
        html! {
            <span class="pair">
                <label for={id.clone()}>{ lang.score_part(part) }</label>
                <input id={id.clone()} data-testid={id} type="number" min="0" max={MAX_WEIGHT.to_string()} step="1"
                    value={rules.weights.get(part).to_string()} {onchange} />
            </span>
        }
    };
    html! {
        <section class="method-stage people-rules" data-testid="people-rules" aria-labelledby="people-rules-title">
            <h2 id="people-rules-title">{ t.people_rules }</h2>
            <div class="pairs">
                <span class="pair">
                    <label for="contact-days">{ t.contact_days }</label>
                    <input id="contact-days" data-testid="contact-days" type="number" min="1" max={MAX_STALE_DAYS.to_string()}
                        step="1" value={rules.contact_days.to_string()} onchange={send(MethodEdit::ContactDays)} />
                    <span class="unit">{ t.days }</span>
                </span>
                <span class="pair">
                    <label for="chain-from">{ t.chain_from }</label>
                    { stage_select("chain-from", rules.chain_from, MethodEdit::ChainFrom) }
                </span>
                <span class="pair">
                    <label for="top-by">{ t.top_by }</label>
                    { stage_select("top-by", rules.top_by, MethodEdit::TopBy) }
                </span>
            </div>
            <h3>{ t.score_weights }</h3>
            <div class="pairs">
                { for ScorePart::ALL.into_iter().map(weight) }
            </div>
        </section>
    }
}
