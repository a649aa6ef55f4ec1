//! The deal's details form: create or edit a deal, delete it, mark it won or lost (after saving
//! what was typed), or open it again.
use std::collections::BTreeSet;
use std::rc::Rc;

use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

use super::form_field::{described_by, input_id, FormField};
use crate::domain::category::Category;
use crate::domain::deal::Field;
use crate::domain::method::Method;
use crate::domain::validate::{DealInput, FieldError};
use crate::domain::{Currency, Deal, DealId, DealStatus, Plan, Stage};
use crate::i18n::Lang;
use crate::session::{Action, Outcome};
use crate::ui::common::context::use_dispatch;
use crate::ui::common::shared::Shared;
use crate::web::clock;

/// The values already used in the plan, offered as suggestions while typing.
#[derive(Debug, Default, PartialEq)]
pub struct Suggestions {
    pub customers: BTreeSet<String>,
    pub owners: BTreeSet<String>,
    pub products: BTreeSet<String>,
    pub regions: BTreeSet<String>,
    pub segments: BTreeSet<String>,
}

impl Suggestions {
    pub fn of(plan: &Plan) -> Suggestions {
        let mut s = Suggestions::default();
        let add = |set: &mut BTreeSet<String>, value: &str| {
            if !value.trim().is_empty() && !set.contains(value) {
                set.insert(value.to_string());
            }
        };
        for deal in &plan.deals {
            add(&mut s.customers, &deal.customer);
            add(&mut s.owners, &deal.owner);
            add(&mut s.products, &deal.product);
            add(&mut s.regions, &deal.region);
            add(&mut s.segments, &deal.segment);
        }
        s
    }
}

#[derive(Properties, PartialEq)]
pub struct DealFormProps {
    pub lang: Lang,
    pub id: DealId,
    /// The deal; none for a new one.
    pub deal: Option<Rc<Deal>>,
    pub method: Shared<Method>,
    pub currency: Currency,
    pub suggestions: Shared<Suggestions>,
}

/// The current text of an input, select or textarea that fired `event`.
fn event_value(event: &Event) -> String {
    event
        .target()
        .and_then(|t| js_sys::Reflect::get(&t, &JsValue::from_str("value")).ok())
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

#[component]
pub fn DealForm(props: &DealFormProps) -> Html {
    let dispatch = use_dispatch();
    let t = props.lang.texts();
    let existing = props.deal.clone();
    let is_new = existing.is_none();
    let input = {
        let existing = existing.clone();
        use_state(move || {
            existing
                .as_deref()
                .map(DealInput::from_deal)
                .unwrap_or_else(|| DealInput {
                    stage: Stage::P0.code().to_string(),
                    ..DealInput::default()
                })
        })
    };
    let errors = use_state(Vec::<FieldError>::new);
    // the version the editor opened on: a save over a newer one is a conflict, not an overwrite
    let base = {
        let updated = existing.as_ref().map(|d| d.updated);
        *use_state(move || updated)
    };
    use_effect_with(errors.clone(), |errors| {
        if let Some(first) = errors.first() {
            if let Some(el) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id(input_id(first.field)))
            {
                if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                    let _ = el.focus();
                }
            }
        }
    });

    let submit = {
        let (dispatch, input, errors) = (dispatch.clone(), input.clone(), errors.clone());
        Callback::from(move |then: Option<Outcome>| match input.validate() {
            Ok(fields) => dispatch.dispatch(Action::SaveDeal {
                fields,
                base,
                then,
                now: clock::now(),
            }),
            Err(found) => errors.set(found),
        })
    };
    let onsubmit = {
        let submit = submit.clone();
        move |e: SubmitEvent| {
            e.prevent_default();
            submit.emit(None);
        }
    };
    let close = {
        let dispatch = dispatch.clone();
        move |_| dispatch.dispatch(Action::CloseDialog)
    };

    let error_of = |field: Field| {
        errors
            .iter()
            .find(|e| e.field == field)
            .map(|e| props.lang.problem(&e.problem))
    };
    let setter = |set: fn(&mut DealInput, String)| {
        let input = input.clone();
        Callback::from(move |e: Event| {
            let mut next = (*input).clone();
            set(&mut next, event_value(&e));
            input.set(next);
        })
    };
    let text_input = |field: Field,
                      value: &str,
                      set: fn(&mut DealInput, String),
                      list: Option<&'static str>| {
        let error = error_of(field);
        html! {
            <input id={input_id(field)} name={field.key()} type="text" value={value.to_string()}
                list={list} autocomplete="off"
                aria-invalid={error.is_some().to_string()} aria-describedby={described_by(field, false, error.is_some())}
                oninput={let s = setter(set); move |e: InputEvent| s.emit(e.into())} />
        }
    };
    let datalist = |id: &'static str, values: &BTreeSet<String>| {
        html! { <datalist {id}>{ for values.iter().map(|v| html! { <option value={v.clone()} /> }) }</datalist> }
    };
    let field = |field: Field,
                 required: bool,
                 wide: bool,
                 hint: Option<&'static str>,
                 control: Html| {
        html! { <FormField {field} lang={props.lang} {required} {wide} hint={hint.map(AttrValue::Static)} error={error_of(field)}>{ control }</FormField> }
    };

    let status = existing.as_ref().map(|d| d.status);
    let status_buttons = match status {
        None => html! {},
        Some(DealStatus::Open) => html! {
            <>
                <button type="button" class="won" data-testid="mark-won" onclick={let s = submit.clone(); move |_| s.emit(Some(Outcome::Won))}>{ t.mark_won }</button>
                <button type="button" class="lost" data-testid="mark-lost" onclick={let s = submit.clone(); move |_| s.emit(Some(Outcome::Lost))}>{ t.mark_lost }</button>
            </>
        },
        Some(_) => {
            let (dispatch, id) = (dispatch.clone(), props.id.clone());
            html! {
                <button type="button" data-testid="reopen" onclick={move |_| dispatch.dispatch(Action::Reopen { id: id.clone(), now: clock::now() })}>{ t.reopen }</button>
            }
        }
    };
    let delete = {
        let (dispatch, id) = (dispatch.clone(), props.id.clone());
        move |_| dispatch.dispatch(Action::Delete(id.clone()))
    };
    let amount_error = error_of(Field::Amount);
    let close_error = error_of(Field::ExpectedClose);
    let closed_error = error_of(Field::ClosedOn);
    let method = &props.method;

    html! {
            <form class="deal-form" {onsubmit} novalidate=true>
                if !errors.is_empty() {
                    <p class="form-alert" role="alert">{ t.fix_errors }</p>
                }
                <div class="form-grid">
                    { field(Field::Name, true, true, None, text_input(Field::Name, &input.name, |i, v| i.name = v, None)) }
                    { field(Field::Customer, true, false, None, text_input(Field::Customer, &input.customer, |i, v| i.customer = v, Some("kp-customers"))) }
                    { field(Field::Amount, true, false, Some(t.amount_hint), html! {
                        <div class="with-unit">
                            <span class="unit" aria-hidden="true">{ props.currency.symbol().to_string() }</span>
                            <input id="deal-amount" name="amount" type="text" inputmode="decimal" value={input.amount.clone()}
                                autocomplete="off" aria-invalid={amount_error.is_some().to_string()}
                                aria-describedby={described_by(Field::Amount, true, amount_error.is_some())}
                                oninput={let s = setter(|i, v| i.amount = v); move |e: InputEvent| s.emit(e.into())} />
                        </div>
                    }) }
                    if is_new {
                        { field(Field::Stage, true, false, Some(t.stage_hint), html! {
                            <select id="deal-stage" name="stage" aria-describedby={described_by(Field::Stage, true, false)}
                                onchange={setter(|i, v| i.stage = v)}>
                                { for Stage::ALL.iter().map(|s| html! {
                                    <option value={s.code()} selected={input.stage == s.code()}>
                                        { format!("{} {} · {}%", s.code(), props.lang.stage_name(*s), method.probability(*s)) }
                                    </option>
                                }) }
                            </select>
                        }) }
                    }
                    if matches!(status, Some(DealStatus::Won) | Some(DealStatus::Lost)) {
                        <FormField field={Field::ClosedOn} lang={props.lang} error={closed_error.clone()}
                            label={if status == Some(DealStatus::Won) { t.signed_on } else { t.lost_on }}>
                            <input id={input_id(Field::ClosedOn)} name="closed_on" type="date" value={input.closed_on.clone()}
                                aria-invalid={closed_error.is_some().to_string()}
                                aria-describedby={described_by(Field::ClosedOn, false, closed_error.is_some())}
                                onchange={setter(|i, v| i.closed_on = v)}
                                oninput={let s = setter(|i, v| i.closed_on = v); move |e: InputEvent| s.emit(e.into())} />
                        </FormField>
                    } else {
                        { field(Field::ExpectedClose, false, false, None, html! {
                            <input id="deal-close" name="expected_close" type="date" value={input.expected_close.clone()}
                                aria-invalid={close_error.is_some().to_string()}
                                aria-describedby={described_by(Field::ExpectedClose, false, close_error.is_some())}
                                onchange={setter(|i, v| i.expected_close = v)}
                                oninput={let s = setter(|i, v| i.expected_close = v); move |e: InputEvent| s.emit(e.into())} />
                        }) }
                    }
                    { field(Field::Owner, false, false, None, text_input(Field::Owner, &input.owner, |i, v| i.owner = v, Some("kp-owners"))) }
                    { field(Field::Product, false, false, None, text_input(Field::Product, &input.product, |i, v| i.product = v, Some("kp-products"))) }
                    { field(Field::Region, false, false, None, text_input(Field::Region, &input.region, |i, v| i.region = v, Some("kp-regions"))) }
                    { field(Field::Segment, false, false, None, text_input(Field::Segment, &input.segment, |i, v| i.segment = v, Some("kp-segments"))) }
                    { field(Field::NextStep, false, true, None, text_input(Field::NextStep, &input.next_step, |i, v| i.next_step = v, None)) }
                    { field(Field::Notes, false, true, None, html! {
                        <textarea id="deal-notes" name="notes" rows="3" value={input.notes.clone()}
                            oninput={let s = setter(|i, v| i.notes = v); move |e: InputEvent| s.emit(e.into())} />
                    }) }
                    { field(Field::Probability, false, false, Some(t.override_hint), html! {
                        <div class="with-unit">
                            <input id="deal-probability" name="probability" type="text" inputmode="numeric" value={input.probability.clone()}
                                placeholder={format!("{}", method.probability(Stage::parse(&input.stage).unwrap_or(Stage::P0)))}
                                aria-invalid={error_of(Field::Probability).is_some().to_string()}
                                aria-describedby={described_by(Field::Probability, true, error_of(Field::Probability).is_some())}
                                oninput={let s = setter(|i, v| i.probability = v); move |e: InputEvent| s.emit(e.into())} />
                            <span class="unit" aria-hidden="true">{ "%" }</span>
                        </div>
                    }) }
                    { field(Field::Category, false, false, None, html! {
                        <select id="deal-category" name="category" onchange={setter(|i, v| i.category = v)}>
                            <option value="" selected={input.category.is_empty()}>{ t.by_stage }</option>
                            { for Category::ALL.iter().map(|c| html! {
                                <option value={c.code()} selected={input.category == c.code()}>{ props.lang.category(*c) }</option>
                            }) }
                        </select>
                    }) }
                </div>
                { datalist("kp-customers", &props.suggestions.customers) }
                { datalist("kp-owners", &props.suggestions.owners) }
                { datalist("kp-products", &props.suggestions.products) }
                { datalist("kp-regions", &props.suggestions.regions) }
                { datalist("kp-segments", &props.suggestions.segments) }
                <footer class="editor-actions">
                    if !is_new {
                        <button type="button" class="danger" data-testid="delete-deal" onclick={delete}>{ t.delete }</button>
                    }
                    { status_buttons }
                    <span class="spacer"></span>
                    <button type="button" data-testid="cancel-edit" onclick={close}>{ t.cancel }</button>
                    <button type="submit" class="primary" data-testid="save-deal">{ t.save }</button>
                </footer>
            </form>
    }
}
