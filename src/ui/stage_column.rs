//! One board column: a stage's name, probability, count, total and weighted total, and its deals.
use chrono::NaiveDate;
use yew::prelude::*;

use crate::domain::summary::StageTotals;
use crate::i18n::Lang;

use super::deal_card::DealCard;
use super::state::PlanRef;

#[derive(Properties, PartialEq)]
pub struct StageColumnProps {
    pub lang: Lang,
    pub plan: PlanRef,
    pub totals: StageTotals,
    pub today: NaiveDate,
}

#[component]
pub fn StageColumn(props: &StageColumnProps) -> Html {
    let t = props.lang.texts();
    let stage = props.totals.stage;
    let currency = &props.plan.currency;
    let heading_id = format!("stage-{}", stage.code());
    let deals = props
        .plan
        .deals
        .iter()
        .enumerate()
        .filter(|(_, d)| d.is_open() && d.stage == stage)
        .map(|(index, d)| {
            html! { <DealCard key={d.id.as_str().to_string()} lang={props.lang} plan={props.plan.clone()} {index} today={props.today} /> }
        })
        .collect::<Html>();
    html! {
        <section class={classes!("stage-column", format!("s{}", stage.index()))} data-testid="stage-column"
            data-stage={stage.code()} aria-labelledby={heading_id.clone()}>
            <header class="column-head">
                <h2 id={heading_id} title={if props.lang == Lang::En { stage.gloss_en() } else { stage.name_zh() }}>
                    <span class="code">{ stage.code() }</span>
                    <span class="stage-name">{ props.lang.stage_name(stage) }</span>
                </h2>
                <div class="head-meta">
                    <span class="prob" title={t.probability}>{ format!("{}%", props.plan.method.probability(stage)) }</span>
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
                if props.totals.count == 0 {
                    <p class="column-empty">{ t.column_empty }</p>
                }
                { deals }
            </div>
        </section>
    }
}
