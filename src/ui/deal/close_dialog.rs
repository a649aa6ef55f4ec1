//! Closing a deal. Won: the signing date (today unless changed) and the contract amount (the
//! deal's unless changed); signing is the move into P7, so unmet gates before it are listed and
//! need a reason, as for any forward move. Lost: why, and to whom. Either way the post-mortem
//! (销售项目总结): why (for a loss, its reason), against which competitor, what the team learned.
use std::rc::Rc;

use chrono::NaiveDate;
use yew::prelude::*;

use super::missing_list::MissingList;
use crate::domain::gates::missing_before;
use crate::domain::method::Method;
use crate::domain::people::Review;
use crate::domain::plan::{Loss, Win};
use crate::domain::validate::{parse_optional_date, Problem};
use crate::domain::{Currency, Deal, Money, Stage};
use crate::i18n::Lang;
use crate::session::{Action, Outcome};
use crate::ui::common::context::use_dispatch;
use crate::ui::common::modal::{on_escape, use_modal};
use crate::ui::common::shared::Shared;
use crate::web::clock;

#[derive(Properties, PartialEq)]
pub struct CloseDialogProps {
    pub lang: Lang,
    pub deal: Rc<Deal>,
    pub outcome: Outcome,
    pub method: Shared<Method>,
    pub currency: Currency,
}

/// What the person typed.
#[derive(Clone, Default, PartialEq)]
struct Draft {
    day: String,
    amount: String,
    reason: String,
    competitor: String,
    why: String,
    learned: String,
}

/// The typed fields' problems, by field name.
#[derive(Clone, Default, PartialEq)]
struct Problems {
    day: Option<String>,
    amount: Option<String>,
    reason: Option<String>,
}

#[component]
pub fn CloseDialog(props: &CloseDialogProps) -> Html {
    let dispatch = use_dispatch();
    let lang = props.lang;
    let t = lang.texts();
    let dialog = use_modal();
    let oncancel = on_escape(&dispatch, || Action::CloseDialog);
    let won = props.outcome == Outcome::Won;
    let draft = {
        let amount = props.deal.amount.to_input_string();
        use_state(move || Draft {
            day: clock::today().format("%Y-%m-%d").to_string(),
            amount,
            ..Draft::default()
        })
    };
    let problems = use_state(Problems::default);
    let missing = if won && props.deal.stage < Stage::P7 {
        missing_before(&props.method, &props.deal, Stage::P7)
    } else {
        Vec::new()
    };
    let set = |change: fn(&mut Draft, String)| {
        let draft = draft.clone();
        Callback::from(move |e: InputEvent| {
            let value = e
                .target()
                .and_then(|t| {
                    js_sys::Reflect::get(&t, &wasm_bindgen::JsValue::from_str("value")).ok()
                })
                .and_then(|v| v.as_string())
                .unwrap_or_default();
            let mut next = (*draft).clone();
            change(&mut next, value);
            draft.set(next);
        })
    };
    let confirm = {
        let (draft, problems, deal, needs_reason) = (
            draft.clone(),
            problems.clone(),
            props.deal.clone(),
            !missing.is_empty(),
        );
        let dispatch = dispatch.clone();
        move |e: SubmitEvent| {
            e.prevent_default();
            let mut found = Problems::default();
            let day: Option<NaiveDate> = match parse_optional_date(&draft.day) {
                Ok(Some(day)) => Some(day),
                Ok(None) => {
                    found.day = Some(lang.problem(&Problem::Required));
                    None
                }
                Err(text) => {
                    found.day = Some(lang.problem(&Problem::Date(text)));
                    None
                }
            };
            let amount = if won {
                match Money::parse_input(&draft.amount) {
                    Ok(m) => Some(m),
                    Err(e) => {
                        found.amount = Some(lang.problem(&Problem::Amount(e)));
                        None
                    }
                }
            } else {
                Some(deal.amount)
            };
            if draft.reason.trim().is_empty() && (needs_reason || !won) {
                found.reason = Some(lang.problem(&Problem::Required));
            }
            let (Some(day), Some(amount), None) = (day, amount, &found.reason) else {
                problems.set(found);
                return;
            };
            let (id, now) = (deal.id.clone(), clock::now());
            let review = Review {
                why: if won { &draft.why } else { &draft.reason }
                    .trim()
                    .to_string(),
                competitor: draft.competitor.trim().to_string(),
                learned: draft.learned.trim().to_string(),
                ..Review::default()
            };
            dispatch.dispatch(if won {
                Action::Win {
                    id,
                    win: Win {
                        signed_on: day,
                        amount,
                        reason: draft.reason.clone(),
                        review: review.clone(),
                    },
                    now,
                }
            } else {
                Action::Lose {
                    id,
                    loss: Loss {
                        lost_on: day,
                        reason: draft.reason.clone(),
                        competitor: draft.competitor.clone(),
                        review,
                    },
                    now,
                }
            });
        }
    };
    let cancel = move |_| dispatch.dispatch(Action::CloseDialog);
    let error = |id: &'static str, message: &Option<String>| match message {
        Some(m) => {
            html! { <p class="field-error" id={id} data-testid="field-error" data-field={id}>{ m.clone() }</p> }
        }
        None => html! {},
    };
    let reason_label = if won { t.win_reason } else { t.lose_reason };
    html! {
        <dialog ref={dialog} class="override close" data-testid={if won { "win-dialog" } else { "lose-dialog" }}
            aria-labelledby="close-title" {oncancel}>
            <form onsubmit={confirm} novalidate=true>
                <header class="editor-head">
                    <h2 id="close-title">{ if won { t.win_title } else { t.lose_title } }</h2>
                </header>
                <div class="override-body">
                    <p class="deal-name"><strong><bdi>{ props.deal.name.clone() }</bdi></strong>{ " · " }<bdi>{ props.deal.customer.clone() }</bdi></p>
                    if won { <p>{ t.win_intro }</p> }
                    <div class="close-fields">
                        <label for="close-day">{ if won { t.signed_on } else { t.lost_on } }</label>
                        <input id="close-day" type="date" data-testid="close-day" value={draft.day.clone()}
                            oninput={set(|d, v| d.day = v)} aria-invalid={problems.day.is_some().to_string()} />
                        { error("close-day-error", &problems.day) }
                        if won {
                            <label for="close-amount">{ t.field_amount }</label>
                            <div class="with-unit">
                                <span class="unit" aria-hidden="true">{ props.currency.symbol().to_string() }</span>
                                <input id="close-amount" type="text" inputmode="decimal" data-testid="close-amount"
                                    value={draft.amount.clone()} oninput={set(|d, v| d.amount = v)}
                                    aria-invalid={problems.amount.is_some().to_string()} />
                            </div>
                            { error("close-amount-error", &problems.amount) }
                        }
                        <label for="close-competitor">{ if won { t.review_competitor } else { t.lose_competitor } }</label>
                        <input id="close-competitor" type="text" data-testid="close-competitor" list="close-competitors"
                            value={draft.competitor.clone()} oninput={set(|d, v| d.competitor = v)} />
                        <datalist id="close-competitors">
                            { for props.deal.people.competitors.iter().map(|c| html! { <option value={c.name.clone()} /> }) }
                        </datalist>
                    </div>
                    if !missing.is_empty() {
                        <p>{ t.win_missing }</p>
                        <MissingList {lang} method={props.method.clone()} missing={missing.clone()} />
                    }
                    if !won || !missing.is_empty() {
                        <label for="close-reason">{ reason_label }</label>
                        <textarea id="close-reason" data-testid="close-reason" rows="3" value={draft.reason.clone()}
                            oninput={set(|d, v| d.reason = v)} aria-invalid={problems.reason.is_some().to_string()} />
                        { error("close-reason-error", &problems.reason) }
                    }
                    <fieldset class="close-review">
                        <legend>{ t.review_title }</legend>
                        if won {
                            <label for="close-why">{ t.review_why }</label>
                            <textarea id="close-why" data-testid="close-why" rows="2" value={draft.why.clone()}
                                oninput={set(|d, v| d.why = v)} />
                        }
                        <label for="close-learned">{ t.review_learned }</label>
                        <textarea id="close-learned" data-testid="close-learned" rows="2" value={draft.learned.clone()}
                            oninput={set(|d, v| d.learned = v)} />
                    </fieldset>
                </div>
                <footer class="editor-actions">
                    <span class="spacer"></span>
                    <button type="button" data-testid="cancel-close" onclick={cancel}>{ t.cancel }</button>
                    <button type="submit" class={if won { "primary" } else { "danger" }} data-testid="confirm-close">
                        { if won { t.confirm_win } else { t.confirm_lose } }
                    </button>
                </footer>
            </form>
        </dialog>
    }
}
