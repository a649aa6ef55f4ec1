//! The form of one competitor: name, price against ours, relationship with the customer, their
//! strengths and weaknesses. Enter in the name saves; Escape leaves the dialog as everywhere.
use yew::prelude::*;

use super::people_edit::value_of;
use crate::domain::people::{Competitor, PricePosition, Relationship};
use crate::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct CompetitorFormProps {
    pub lang: Lang,
    pub start: Competitor,
    /// Saves; the refusal in words when the core refuses it.
    pub on_save: Callback<Competitor, Result<(), String>>,
    pub on_cancel: Callback<()>,
}

#[component]
pub fn CompetitorForm(props: &CompetitorFormProps) -> Html {
    let lang = props.lang;
    let t = lang.texts();
    let draft = use_state(|| props.start.clone());
    let error = use_state(|| None::<String>);
    let name = use_node_ref();
    {
        let name = name.clone();
        use_effect_with((), move |_| {
            if let Some(input) = name.cast::<web_sys::HtmlElement>() {
                let _ = input.focus();
            }
        });
    }
    let set = |change: fn(&mut Competitor, String)| {
        let draft = draft.clone();
        Callback::from(move |e: Event| {
            let mut next = (*draft).clone();
            change(&mut next, value_of(&e));
            draft.set(next);
        })
    };
    let typed = |change: fn(&mut Competitor, String)| {
        let set = set(change);
        Callback::from(move |e: InputEvent| set.emit(e.into()))
    };
    let submit = {
        let (draft, error, on_save) = (draft.clone(), error.clone(), props.on_save.clone());
        move |e: SubmitEvent| {
            e.prevent_default();
            if let Err(why) = on_save.emit((*draft).clone()) {
                error.set(Some(why));
            }
        }
    };
    let cancel = {
        let on_cancel = props.on_cancel.clone();
        move |_| on_cancel.emit(())
    };
    let options = |codes: &[&'static str], names: Vec<&'static str>, current: Option<&str>| {
        html! {
            <>
                <option value="" selected={current.is_none()}>{ t.not_known }</option>
                { for codes.iter().zip(names).map(|(code, name)| html! {
                    <option value={*code} selected={current == Some(*code)}>{ name }</option>
                }) }
            </>
        }
    };
    let prices = PricePosition::ALL.iter().map(|p| lang.price(*p)).collect();
    let ladder = Relationship::ALL
        .iter()
        .map(|r| lang.relationship(*r))
        .collect();
    html! {
        <form class="competitor-form form-grid" data-testid="competitor-form" onsubmit={submit} novalidate=true>
            <div class={classes!("form-field", "wide", error.is_some().then_some("invalid"))}>
                <label for="competitor-name">{ t.competitor_name }<span class="required" aria-hidden="true">{ " *" }</span></label>
                <input id="competitor-name" ref={name} type="text" data-testid="competitor-name-input" value={draft.name.clone()}
                    oninput={typed(|c, v| c.name = v)} aria-invalid={error.is_some().to_string()} />
                if let Some(why) = &*error {
                    <p class="field-error" data-testid="field-error" role="alert">{ why.clone() }</p>
                }
            </div>
            <div class="form-field">
                <label for="competitor-price">{ t.competitor_price }</label>
                <select id="competitor-price" data-testid="competitor-price" onchange={set(|c, v| c.price = PricePosition::parse(&v))}>
                    { options(PricePosition::CODES, prices, draft.price.map(|p| p.code())) }
                </select>
            </div>
            <div class="form-field">
                <label for="competitor-relationship">{ t.competitor_relationship }</label>
                <select id="competitor-relationship" data-testid="competitor-relationship" onchange={set(|c, v| c.relationship = Relationship::parse(&v))}>
                    { options(Relationship::CODES, ladder, draft.relationship.map(|r| r.code())) }
                </select>
            </div>
            <div class="form-field">
                <label for="competitor-strengths">{ t.competitor_strengths }</label>
                <textarea id="competitor-strengths" rows="2" data-testid="competitor-strengths" value={draft.strengths.clone()}
                    oninput={typed(|c, v| c.strengths = v)} />
            </div>
            <div class="form-field">
                <label for="competitor-weaknesses">{ t.competitor_weaknesses }</label>
                <textarea id="competitor-weaknesses" rows="2" data-testid="competitor-weaknesses" value={draft.weaknesses.clone()}
                    oninput={typed(|c, v| c.weaknesses = v)} />
            </div>
            <div class="form-field wide item-actions">
                <span>
                    <button type="submit" class="primary" data-testid="save-competitor">{ t.save }</button>
                    { " " }
                    <button type="button" data-testid="cancel-competitor" onclick={cancel}>{ t.cancel }</button>
                </span>
            </div>
        </form>
    }
}
