//! The summary line: open pipeline, weighted pipeline, won this month, over the deals the
//! forecast's filter keeps while the forecast is shown.
use yew::prelude::*;

use crate::domain::filter::Filter;
use crate::domain::summary::summarize;
use crate::i18n::Lang;
use crate::session::PlanRef;
use crate::web::clock;

#[derive(Properties, PartialEq)]
pub struct SummaryLineProps {
    pub lang: Lang,
    pub plan: PlanRef,
    pub filter: Filter,
}

#[component]
pub fn SummaryLine(props: &SummaryLineProps) -> Html {
    let t = props.lang.texts();
    let s = use_memo(
        (props.plan.clone(), props.filter.clone()),
        |(plan, filter)| summarize(plan, filter, clock::today()),
    );
    let money = |m: crate::domain::Money| m.format(&props.plan.currency);
    let figure = |label: &'static str, value: String, detail: String, testid: &'static str| {
        html! {
            <div class="figure">
                <dt>{ label }</dt>
                <dd><span class="value" data-testid={testid}>{ value }</span><span class="detail">{ detail }</span></dd>
            </div>
        }
    };
    let count = |n: usize| props.lang.deal_count(n);
    html! {
        <dl class="summary" data-testid="summary">
            { figure(t.open_pipeline, money(s.open_total), count(s.open_count), "summary-open") }
            { figure(t.weighted_pipeline, money(s.weighted_total), String::new(), "summary-weighted") }
            { figure(t.won_this_month, money(s.won_this_month), count(s.won_this_month_count), "summary-won") }
        </dl>
    }
}
