//! A deal on the board: name, customer, amount and score, owner, close date, its standing against
//! the method, and one-step stage moves (a closed deal prints its post-mortem's why). It takes
//! its deal and callbacks; an unchanged deal is not redrawn when another one changes.
use std::rc::Rc;

use chrono::NaiveDate;
use yew::prelude::*;

use super::deal_flags::DealFlags;
use super::score_badge::score_badge;
use crate::domain::gates::Standing;
use crate::domain::score::Score;
use crate::domain::{Currency, Deal, DealId, DealStatus};
use crate::i18n::Lang;
use crate::ui::common::focus;

/// A deal with its standing and score, as a card shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct CardDeal {
    pub deal: Rc<Deal>,
    pub standing: Standing,
    pub score: Score,
}

#[derive(Properties, PartialEq)]
pub struct DealCardProps {
    pub lang: Lang,
    pub card: CardDeal,
    pub currency: Currency,
    pub today: NaiveDate,
    pub on_open: Callback<DealId>,
    pub on_step: Callback<(DealId, bool)>,
}

#[component]
pub fn DealCard(props: &DealCardProps) -> Html {
    let t = props.lang.texts();
    let deal = &props.card.deal;
    let id = deal.id.clone();
    let open = {
        let (on_open, id) = (props.on_open.clone(), id.clone());
        move |_| on_open.emit(id.clone())
    };
    let step = |forward: bool| {
        let (on_step, id) = (props.on_step.clone(), id.clone());
        move |_| {
            on_step.emit((id.clone(), forward));
            // the card is drawn anew in its new column: the focus follows it
            let arrow = if forward { "move-next" } else { "move-prev" };
            focus::deal_control_soon(id.as_str().to_string(), arrow);
        }
    };
    let day = match deal.status {
        DealStatus::Open => deal.expected_close,
        _ => deal.close_day(),
    };
    let overdue = deal.is_open() && day.is_some_and(|d| d < props.today);
    let day_label = match deal.status {
        DealStatus::Open => t.expected_close,
        DealStatus::Won => t.signed_on,
        DealStatus::Lost => t.lost_on,
    };
    let close = match day {
        Some(date) => html! {
            <time class={classes!(overdue.then_some("overdue"))} datetime={date.format("%Y-%m-%d").to_string()}
                title={day_label} data-testid="card-date">
                if !deal.is_open() { { format!("{day_label} ") } }
                { props.lang.date(date) }
            </time>
        },
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
        <article class={classes!("deal-card", deal.status.code())} data-testid={if deal.is_open() { "deal-card" } else { "closed-card" }}
            data-deal-id={id.as_str().to_string()} data-stage={deal.stage.code()} data-verified={props.card.standing.verified.code()}>
            <button type="button" class="open" data-testid="open-deal" onclick={open}
                aria-label={format!("{}: {} · {}", t.open_deal, deal.name, deal.customer)}
                title={format!("{}\n{}", deal.name, deal.customer)}>
                <span class="deal-name">{ deal.name.clone() }</span>
                <span class="customer">{ deal.customer.clone() }</span>
            </button>
            <div class="amount">
                { deal.amount.format(&props.currency) }
                if deal.is_open() { { score_badge(props.lang, &props.card.score) } }
            </div>
            <div class="meta">
                if !deal.owner.is_empty() { <span class="owner" title={deal.owner.clone()}>{ deal.owner.clone() }</span> }
                { close }
            </div>
            <DealFlags lang={props.lang} stage={deal.stage} standing={props.card.standing.clone()} />
            { moves }
            if !deal.people.review.why.is_empty() {
                <p class="print-only review-line">{ format!("{}{}{}", t.review_title, props.lang.colon(), deal.people.review.why) }</p>
            }
        </article>
    }
}
