//! One group of cards on the board: a stage's column (name, probability, and the count, total
//! and weighted total of all its deals), or the won or the lost deals. It lists the first cards
//! in plan order and a button for more, so that a plan of 50,000 deals builds a few hundred
//! cards, not 50,000; of those it draws the first few, and the rest as they come into view
//! ([`use_near_view`]). A deal's standing and score are worked out only for the cards drawn.
use std::rc::Rc;

use chrono::{Local, NaiveDate};
use yew::prelude::*;

use super::deal_card::{CardDeal, DealCard};
use super::near_view::use_near_view;
use crate::domain::gates::standing;
use crate::domain::list::{drawn_at_first, first_and_kept};
use crate::domain::method::Method;
use crate::domain::score::score;
use crate::domain::summary::StageTotals;
use crate::domain::{Currency, Deal, DealId, DealStatus, Money};
use crate::i18n::Lang;
use crate::ui::common::shared::Shared;
use crate::ui::common::show_more::show_more;

/// Cards listed at first, and added by each "show more".
pub const CARDS_PAGE: usize = 20;

/// Cards of a group drawn before it comes into view: more than a column shows on a tall screen
/// (about three at 1366×900).
const FIRST_DRAWN: usize = 6;

/// What a group holds.
#[derive(Clone, Debug, PartialEq)]
pub enum Group {
    /// A stage's open deals, with the stage's figures and probability.
    Stage {
        totals: StageTotals,
        probability: u8,
    },
    /// The won or the lost deals.
    Closed(DealStatus),
}

#[derive(Properties, PartialEq)]
pub struct StageColumnProps {
    pub lang: Lang,
    pub group: Group,
    /// Every deal of the group, in plan order.
    pub deals: Shared<Vec<Rc<Deal>>>,
    pub method: Shared<Method>,
    pub currency: Currency,
    pub today: NaiveDate,
    pub on_open: Callback<DealId>,
    pub on_step: Callback<(DealId, bool)>,
    /// A deal shown even beyond the first cards (the one just created, saved or moved).
    #[prop_or_default]
    pub keep: Option<DealId>,
}

#[component]
pub fn StageColumn(props: &StageColumnProps) -> Html {
    let t = props.lang.texts();
    let currency = &props.currency;
    let shown = use_state(|| CARDS_PAGE);
    let kept = |d: &Rc<Deal>| Some(&d.id) == props.keep.as_ref();
    let listed = first_and_kept(&props.deals, *shown, kept);
    let hidden = props.deals.len() - listed.len();
    // until the column comes near the screen: its first cards, and those up to the one just
    // created or moved, in its place
    let first = drawn_at_first(&listed, FIRST_DRAWN, |d| kept(d));
    let end = use_node_ref();
    let near = use_near_view(end.clone(), first < listed.len());
    let drawn: &[&Rc<Deal>] = if *near { &listed } else { &listed[..first] };
    let undrawn = drawn.len() < listed.len();
    let more = {
        let (shown, near) = (shown.clone(), near.clone());
        move |_| {
            shown.set(*shown + CARDS_PAGE);
            near.set(true);
        }
    };
    // the cards in a list of their own, every one keyed: next to unkeyed siblings (the marker,
    // the button) Yew would draw them all anew at each change, and a focused card lose focus
    let cards = html! {
        <>
            <>{ for drawn.iter().copied().map(|deal| {
                let card = CardDeal {
                    deal: deal.clone(),
                    standing: standing(&props.method, deal, props.today, &Local),
                    score: score(&props.method, deal, props.today, &Local),
                };
                html! {
                    <DealCard key={deal.id.as_str().to_string()} lang={props.lang} {card}
                        currency={currency.clone()} today={props.today}
                        on_open={props.on_open.clone()} on_step={props.on_step.clone()} />
                }
            }) }</>
            if undrawn {
                <div class="cards-end" ref={end} aria-hidden="true"></div>
            }
            { show_more(props.lang, hidden, CARDS_PAGE, Callback::from(more)) }
        </>
    };
    match &props.group {
        Group::Stage {
            totals,
            probability,
        } => {
            let stage = totals.stage;
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
                            <span class="prob" title={t.probability}>{ format!("{probability}%") }</span>
                            <span class="count" title={props.lang.deal_count(totals.count)}
                                aria-label={props.lang.deal_count(totals.count)}>
                                <span data-testid="column-count" aria-hidden="true">{ totals.count }</span>
                            </span>
                        </div>
                        <dl class="column-figures">
                            <div><dt>{ t.column_total }</dt><dd data-testid="column-total" title={totals.total.format(currency)}>{ props.lang.money_compact(totals.total, currency) }</dd></div>
                            <div><dt>{ t.column_weighted }</dt><dd data-testid="column-weighted" title={totals.weighted.format(currency)}>{ props.lang.money_compact(totals.weighted, currency) }</dd></div>
                        </dl>
                    </header>
                    <div class="cards">
                        if props.deals.is_empty() {
                            <p class="column-empty">{ t.column_empty }</p>
                        }
                        { cards }
                    </div>
                </section>
            }
        }
        Group::Closed(status) => {
            let total: Money = props.deals.iter().map(|deal| deal.amount).sum();
            html! {
                <div class={classes!("closed-group", status.code())} data-testid={format!("closed-{}", status.code())}>
                    <h2>
                        <span>{ props.lang.status(*status) }</span>
                        <span class="count">{ props.lang.deal_count(props.deals.len()) }</span>
                        <span class="sum">{ total.format(currency) }</span>
                    </h2>
                    <div class="closed-cards">{ cards }</div>
                </div>
            }
        }
    }
}
