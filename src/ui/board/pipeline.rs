//! The pipeline board: one column per stage P0–P7, then the closed deals.
use std::rc::Rc;

use chrono::{Local, NaiveDate};
use yew::prelude::*;

use super::deal_card::{CardDeal, DealCard};
use super::stage_column::StageColumn;
use crate::domain::filter::Filter;
use crate::domain::gates::standing;
use crate::domain::summary::{stage_totals, StageTotals};
use crate::domain::{Deal, DealId, DealStatus, Money, Plan, Stage};
use crate::i18n::Lang;
use crate::session::{Action, PlanRef};
use crate::ui::common::context::use_dispatch;
use crate::web::{bench, clock};

#[derive(Properties, PartialEq)]
pub struct PipelineBoardProps {
    pub lang: Lang,
    pub plan: PlanRef,
}

/// What the board shows, derived once per plan.
struct Layout {
    totals: [StageTotals; 8],
    columns: [Rc<[CardDeal]>; 8],
    won: Rc<[CardDeal]>,
    lost: Rc<[CardDeal]>,
}

impl Layout {
    fn of(plan: &Plan, today: NaiveDate) -> Layout {
        let card = |deal: &Rc<Deal>| CardDeal {
            deal: deal.clone(),
            standing: standing(&plan.method, deal, today, &Local),
        };
        let mut columns: [Vec<CardDeal>; 8] = Default::default();
        let (mut won, mut lost) = (Vec::new(), Vec::new());
        for deal in &plan.deals {
            match deal.status {
                DealStatus::Open => columns[deal.stage.index()].push(card(deal)),
                DealStatus::Won => won.push(card(deal)),
                DealStatus::Lost => lost.push(card(deal)),
            }
        }
        Layout {
            totals: stage_totals(plan, &Filter::default()),
            columns: columns.map(Rc::from),
            won: won.into(),
            lost: lost.into(),
        }
    }
}

#[component]
pub fn PipelineBoard(props: &PipelineBoardProps) -> Html {
    use_effect_with((), |_| bench::mark("keyplan-board"));
    let dispatch = use_dispatch();
    let today = clock::today();
    let layout = use_memo((props.plan.clone(), today), |(plan, today)| {
        Layout::of(plan, *today)
    });
    let on_open = {
        let dispatch = dispatch.clone();
        use_callback((), move |id: DealId, _| {
            dispatch.dispatch(Action::OpenDeal(id))
        })
    };
    let on_step = use_callback((), move |(id, forward): (DealId, bool), _| {
        dispatch.dispatch(Action::Step {
            id,
            forward,
            now: clock::now(),
        })
    });
    let t = props.lang.texts();
    let currency = &props.plan.currency;
    let closed = |status: DealStatus, title: &'static str, cards: &Rc<[CardDeal]>| {
        let total: Money = cards.iter().map(|c| c.deal.amount).sum();
        html! {
            <div class={classes!("closed-group", status.code())} data-testid={format!("closed-{}", status.code())}>
                <h2>
                    <span>{ title }</span>
                    <span class="count">{ props.lang.deal_count(cards.len()) }</span>
                    <span class="sum">{ total.format(currency) }</span>
                </h2>
                <div class="closed-cards">
                    { for cards.iter().map(|c| html! {
                        <DealCard key={c.deal.id.as_str().to_string()} lang={props.lang} card={c.clone()}
                            currency={currency.clone()} {today} on_open={on_open.clone()} on_step={on_step.clone()} />
                    }) }
                </div>
            </div>
        }
    };
    html! {
        <>
            <section class="board" data-testid="board" aria-label={t.board_label}>
                { for Stage::ALL.into_iter().map(|stage| html! {
                    <StageColumn key={stage.index()} lang={props.lang} totals={layout.totals[stage.index()].clone()}
                        probability={props.plan.method.probability(stage)} cards={layout.columns[stage.index()].clone()}
                        currency={currency.clone()} {today} on_open={on_open.clone()} on_step={on_step.clone()} />
                }) }
            </section>
            <section class="closed" aria-label={format!("{} / {}", t.status_won, t.status_lost)}>
                { closed(DealStatus::Won, t.status_won, &layout.won) }
                { closed(DealStatus::Lost, t.status_lost, &layout.lost) }
            </section>
        </>
    }
}
