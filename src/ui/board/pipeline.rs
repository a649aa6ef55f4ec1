//! The pipeline board: one column per stage P0–P7, then the closed deals.
use std::rc::Rc;

use yew::prelude::*;

use super::stage_column::{Group, StageColumn};
use crate::domain::filter::Filter;
use crate::domain::summary::{stage_totals, StageTotals};
use crate::domain::{Deal, DealId, DealStatus, Plan, Stage};
use crate::i18n::Lang;
use crate::session::{Action, PlanRef};
use crate::ui::common::context::use_dispatch;
use crate::ui::common::shared::Shared;
use crate::web::{bench, clock};

#[derive(Properties, PartialEq)]
pub struct PipelineBoardProps {
    pub lang: Lang,
    pub plan: PlanRef,
    /// The deal just created, saved or moved: its column shows it even beyond its first cards.
    #[prop_or_default]
    pub touched: Option<DealId>,
}

type Deals = Shared<Vec<Rc<Deal>>>;

/// What the board shows, derived once per plan: totals over every deal, and each column's deals
/// in plan order (the columns build cards only for the first few).
struct Layout {
    totals: [StageTotals; 8],
    columns: [Deals; 8],
    won: Deals,
    lost: Deals,
}

impl Layout {
    fn of(plan: &Plan) -> Layout {
        let mut columns: [Vec<Rc<Deal>>; 8] = Default::default();
        let (mut won, mut lost) = (Vec::new(), Vec::new());
        for deal in &plan.deals {
            match deal.status {
                DealStatus::Open => columns[deal.stage.index()].push(deal.clone()),
                DealStatus::Won => won.push(deal.clone()),
                DealStatus::Lost => lost.push(deal.clone()),
            }
        }
        Layout {
            totals: stage_totals(plan, &Filter::default()),
            columns: columns.map(|deals| Shared(Rc::new(deals))),
            won: Shared(Rc::new(won)),
            lost: Shared(Rc::new(lost)),
        }
    }
}

#[component]
pub fn PipelineBoard(props: &PipelineBoardProps) -> Html {
    use_effect_with((), |_| bench::mark("keyplan-board"));
    let dispatch = use_dispatch();
    let today = clock::today();
    let layout = use_memo(props.plan.clone(), |plan| Layout::of(plan));
    let method = Shared(props.plan.method.clone());
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
    let column = |key: usize, group: Group, deals: &Deals| {
        html! {
            <StageColumn {key} lang={props.lang} {group} deals={deals.clone()} method={method.clone()}
                currency={currency.clone()} {today} on_open={on_open.clone()} on_step={on_step.clone()}
                keep={props.touched.clone()} />
        }
    };
    html! {
        <>
            <section class="board" data-testid="board" aria-label={t.board_label}>
                { for Stage::ALL.into_iter().map(|stage| {
                    let group = Group::Stage {
                        totals: layout.totals[stage.index()].clone(),
                        probability: props.plan.method.probability(stage),
                    };
                    column(stage.index(), group, &layout.columns[stage.index()])
                }) }
            </section>
            <section class="closed" aria-label={format!("{} / {}", t.status_won, t.status_lost)}>
                { column(8, Group::Closed(DealStatus::Won), &layout.won) }
                { column(9, Group::Closed(DealStatus::Lost), &layout.lost) }
            </section>
        </>
    }
}
