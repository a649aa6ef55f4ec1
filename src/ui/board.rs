//! The pipeline board: one column per stage P0–P7, then the closed deals.
use chrono::NaiveDate;
use yew::prelude::*;

use crate::domain::summary::stage_totals;
use crate::domain::DealStatus;
use crate::i18n::Lang;
use crate::web::clock;

use super::deal_card::DealCard;
use super::stage_column::StageColumn;
use super::state::PlanRef;

#[derive(Properties, PartialEq)]
pub struct PipelineBoardProps {
    pub lang: Lang,
    pub plan: PlanRef,
}

#[component]
pub fn PipelineBoard(props: &PipelineBoardProps) -> Html {
    use_effect_with((), |_| mark_first_board());
    let today = clock::today();
    let totals = stage_totals(&props.plan);
    let t = props.lang.texts();
    html! {
        <>
            <section class="board" data-testid="board" aria-label={t.board_label}>
                { for totals.into_iter().map(|totals| { let key = totals.stage.index(); html! {
                    <StageColumn {key} lang={props.lang} plan={props.plan.clone()} {totals} {today} />
                }}) }
            </section>
            <section class="closed" aria-label={format!("{} / {}", t.closed_won, t.closed_lost)}>
                { closed_group(props, DealStatus::Won, t.closed_won, today) }
                { closed_group(props, DealStatus::Lost, t.closed_lost, today) }
            </section>
        </>
    }
}

fn closed_group(
    props: &PipelineBoardProps,
    status: DealStatus,
    title: &'static str,
    today: NaiveDate,
) -> Html {
    let indices: Vec<usize> = props
        .plan
        .deals
        .iter()
        .enumerate()
        .filter(|(_, d)| d.status == status)
        .map(|(i, _)| i)
        .collect();
    let total = indices
        .iter()
        .map(|i| props.plan.deals[*i].amount)
        .sum::<crate::domain::Money>();
    html! {
        <div class={classes!("closed-group", status.code())} data-testid={format!("closed-{}", status.code())}>
            <h2>
                <span>{ title }</span>
                <span class="count">{ props.lang.deal_count(indices.len()) }</span>
                <span class="sum">{ total.format(&props.plan.currency) }</span>
            </h2>
            <div class="closed-cards">
                { for indices.into_iter().map(|index| html! {
                    <DealCard key={props.plan.deals[index].id.as_str().to_string()} lang={props.lang} plan={props.plan.clone()} {index} {today} />
                }) }
            </div>
        </div>
    }
}

/// Marks, once per page, the moment the board first shows deals (read by the start-up measurement).
fn mark_first_board() {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        if performance.get_entries_by_name("keyplan-board").length() == 0 {
            let _ = performance.mark("keyplan-board");
        }
    }
}
