//! A deal on the board: name, customer, amount, owner, close date, and one-step stage moves.
use chrono::NaiveDate;
use yew::prelude::*;

use crate::domain::gates::verified_stage;
use crate::i18n::Lang;
use crate::web::clock;

use super::context::use_dispatch;
use super::deal_flags::DealFlags;
use super::state::{Action, PlanRef};

#[derive(Properties, PartialEq)]
pub struct DealCardProps {
    pub lang: Lang,
    pub plan: PlanRef,
    pub index: usize,
    pub today: NaiveDate,
}

#[component]
pub fn DealCard(props: &DealCardProps) -> Html {
    let dispatch = use_dispatch();
    let t = props.lang.texts();
    let deal = &props.plan.deals[props.index];
    let id = deal.id.clone();
    let open = {
        let (dispatch, id) = (dispatch.clone(), id.clone());
        move |_| dispatch.dispatch(Action::OpenDeal(id.clone()))
    };
    let step = |forward: bool| {
        let (dispatch, id) = (dispatch.clone(), id.clone());
        move |_| {
            dispatch.dispatch(Action::Step {
                id: id.clone(),
                forward,
                now: clock::now(),
            })
        }
    };
    let overdue = deal.is_open() && deal.expected_close.is_some_and(|d| d < props.today);
    let close = match deal.expected_close {
        Some(date) => {
            html! { <time class={classes!(overdue.then_some("overdue"))} datetime={date.format("%Y-%m-%d").to_string()}
            title={t.expected_close}>{ props.lang.date(date) }</time> }
        }
        None => html! { <span class="no-date">{ t.no_close_date }</span> },
    };
    let moves = if deal.is_open() {
        let prev = deal.stage.prev();
        let next = deal.stage.next();
        html! {
            <div class="moves">
                <button type="button" class="move" data-testid="move-prev" disabled={prev.is_none()}
                    aria-label={format!("{}{}", t.move_prev, prev.map(|s| format!(" ({})", s.code())).unwrap_or_default())}
                    title={t.move_prev} onclick={step(false)}>{ "‹" }</button>
                <button type="button" class="move" data-testid="move-next" disabled={next.is_none()}
                    aria-label={format!("{}{}", t.move_next, next.map(|s| format!(" ({})", s.code())).unwrap_or_default())}
                    title={t.move_next} onclick={step(true)}>{ "›" }</button>
            </div>
        }
    } else {
        html! { <span class={classes!("badge", deal.status.code())}>{ format!("{} · {}", props.lang.status(deal.status), deal.stage.code()) }</span> }
    };
    html! {
        <article class={classes!("deal-card", deal.status.code())} data-testid={if deal.is_open() { "deal-card" } else { "closed-card" }} data-deal-id={id.as_str().to_string()}
            data-stage={deal.stage.code()} data-verified={verified_stage(&props.plan.method, deal).code()}>
            <button type="button" class="open" data-testid="open-deal" onclick={open}
                aria-label={format!("{}: {} · {}", t.open_deal, deal.name, deal.customer)}>
                <span class="deal-name">{ deal.name.clone() }</span>
                <span class="customer">{ deal.customer.clone() }</span>
            </button>
            <div class="amount">{ deal.amount.format(&props.plan.currency) }</div>
            <div class="meta">
                if !deal.owner.is_empty() { <span class="owner">{ deal.owner.clone() }</span> }
                { close }
            </div>
            <DealFlags lang={props.lang} plan={props.plan.clone()} id={id.clone()} />
            { moves }
        </article>
    }
}
