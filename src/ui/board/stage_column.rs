//! One board column: a stage's name, probability, count, total and weighted total, and its deals.
use std::rc::Rc;

use chrono::NaiveDate;
use yew::prelude::*;

use super::deal_card::{CardDeal, DealCard};
use crate::domain::summary::StageTotals;
use crate::domain::{Currency, DealId};
use crate::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct StageColumnProps {
    pub lang: Lang,
    pub totals: StageTotals,
    pub probability: u8,
    pub cards: Rc<[CardDeal]>,
    pub currency: Currency,
    pub today: NaiveDate,
    pub on_open: Callback<DealId>,
    pub on_step: Callback<(DealId, bool)>,
}

#[component]
pub fn StageColumn(props: &StageColumnProps) -> Html {
    let t = props.lang.texts();
    let stage = props.totals.stage;
    let currency = &props.currency;
    let heading_id = format!("stage-{}", stage.code());
    html! {
        <section class={classes!("stage-column", format!("s{}", stage.index()))} data-testid="stage-column"
            data-stage={stage.code()} aria-labelledby={heading_id.clone()}>
            <header class="column-head">
                <h2 id={heading_id} title={props.lang.stage_title(stage)}>
                    <span class="code">{ stage.code() }</span>
                    <span class="stage-name">{ props.lang.stage_name(stage) }</span>
                </h2>
                <div class="head-meta">
                    <span class="prob" title={t.probability}>{ format!("{}%", props.probability) }</span>
                    <span class="count" title={props.lang.deal_count(props.totals.count)}
                        aria-label={props.lang.deal_count(props.totals.count)}>
                        <span data-testid="column-count" aria-hidden="true">{ props.totals.count }</span>
                    </span>
                </div>
                <dl class="column-figures">
                    <div><dt>{ t.column_total }</dt><dd data-testid="column-total" title={props.totals.total.format(currency)}>{ props.lang.money_compact(props.totals.total, currency) }</dd></div>
                    <div><dt>{ t.column_weighted }</dt><dd data-testid="column-weighted" title={props.totals.weighted.format(currency)}>{ props.lang.money_compact(props.totals.weighted, currency) }</dd></div>
                </dl>
            </header>
            <div class="cards">
                if props.cards.is_empty() {
                    <p class="column-empty">{ t.column_empty }</p>
                }
                { for props.cards.iter().map(|card| html! {
                    <DealCard key={card.deal.id.as_str().to_string()} lang={props.lang} card={card.clone()}
                        currency={currency.clone()} today={props.today}
                        on_open={props.on_open.clone()} on_step={props.on_step.clone()} />
                }) }
            </div>
        </section>
    }
}
