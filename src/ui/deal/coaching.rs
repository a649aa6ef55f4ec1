//! Coaching for the deal's current row of the method: what the customer is going through, what
//! the salesperson should do, the steps, success markers, common mistakes, and the self-check
//! list for the next visit (销售小王's exercise), beside the three cycles.
use std::rc::Rc;

use yew::prelude::*;

use super::cycles_diagram::CyclesDiagram;
use super::strategies;
use crate::domain::method::{content, Method, Note};
use crate::domain::{Deal, Stage};
use crate::i18n::Lang;
use crate::session::Action;
use crate::ui::common::context::use_dispatch;
use crate::ui::common::shared::Shared;

#[derive(Properties, PartialEq)]
pub struct CoachingProps {
    pub lang: Lang,
    pub deal: Rc<Deal>,
    pub method: Shared<Method>,
    /// The stage the deal's evidence supports.
    pub verified: Stage,
}

#[component]
pub fn Coaching(props: &CoachingProps) -> Html {
    let dispatch = use_dispatch();
    let t = props.lang.texts();
    let lang = props.lang;
    let deal = &props.deal;
    let c = content();
    let row = c.row(deal.stage);
    let sales = &row.sales;
    let verified = props.verified;
    let draft = strategies::use_draft(deal);
    // keyplan's words, told from the deck's
    let mark = |ours: bool| match ours {
        true => html! { <span class="tag" title={t.ours_hint}>{ t.ours }</span> },
        false => Html::default(),
    };
    let notes = |notes: &[Note]| {
        html! {
            <ul>
                { for notes.iter().map(|n| html! { <li>{ lang.pick(&n.text) }{ mark(n.ours) }</li> }) }
            </ul>
        }
    };
    let clear = {
        let (dispatch, id) = (dispatch.clone(), deal.id.clone());
        move |_| dispatch.dispatch(Action::ClearSelfCheck(id.clone()))
    };
    html! {
        <div class="coaching" data-testid="coaching">
            <div class="coaching-top">
                <CyclesDiagram {lang} claimed={deal.stage} {verified} probability={props.method.probability(deal.stage)} />
                <div class="row-summary">
                    <h3>{ format!("{} {}", deal.stage.code(), lang.stage_name(deal.stage)) }{ mark(lang.stage_name_ours(deal.stage)) }</h3>
                    <p>{ lang.pick(&row.summary) }{ mark(row.summary_ours) }</p>
                    <dl class="cycle-row">
                        <dt>{ t.customer_cycle }</dt>
                        <dd><strong>{ lang.pick(&row.customer.name) }</strong>{ lang.colon() }{ lang.pick(&row.customer.task) }</dd>
                        <dt>{ t.sales_cycle }</dt>
                        <dd><strong>{ lang.pick(&sales.name) }</strong>{ lang.colon() }{ lang.pick(&sales.activity) }</dd>
                        <dt>{ t.project_cycle }</dt>
                        <dd><strong>{ deal.stage.code() }</strong>{ lang.colon() }{ lang.stage_name(deal.stage) }</dd>
                    </dl>
                </div>
            </div>
            <section class="coach-block">
                <h4>{ t.customer_doing }</h4>
                <p>{ lang.pick(&row.customer.insight) }</p>
                <h4>{ t.sales_should }</h4>
                <p class="strategy">{ lang.pick(&sales.strategy) }</p>
            </section>
            <section class="coach-block">
                <h4>{ t.steps }</h4>
                <ol class="steps">
                    { for sales.steps.iter().map(|s| html! {
                        <li><strong>{ lang.pick(&s.title) }</strong>{ lang.colon() }{ lang.pick(&s.detail) }{ mark(s.ours) }</li>
                    }) }
                </ol>
            </section>
            <section class="coach-block">
                <h4>{ t.success }</h4>
                <dl class="success">
                    <dt>{ t.success_customer }</dt><dd>{ lang.pick(&sales.success.customer) }</dd>
                    <dt>{ t.success_supplier }</dt><dd>{ lang.pick(&sales.success.supplier) }</dd>
                    <dt>{ t.success_milestone }</dt><dd>{ lang.pick(&sales.success.milestone) }</dd>
                </dl>
            </section>
            <section class="coach-block mistakes">
                <h4>{ t.mistakes }</h4>
                { notes(&sales.mistakes) }
            </section>
            <section class="coach-block self-check" data-testid="self-check">
                <h4>{ t.self_check }</h4>
                <ul class="checklist">
                    { for sales.self_check.iter().map(|q| {
                        let checked = deal.self_check.contains(&q.id);
                        let toggle = {
                            let (dispatch, id, question) = (dispatch.clone(), deal.id.clone(), q.id.clone());
                            move |_| dispatch.dispatch(Action::ToggleSelfCheck { id: id.clone(), question: question.clone() })
                        };
                        let dom_id = format!("sc-{}", q.id);
                        html! {
                            <li key={q.id.clone()}>
                                <input type="checkbox" id={dom_id.clone()} data-testid="self-check-item" {checked} onchange={toggle} />
                                <label for={dom_id}>{ lang.pick(&q.text) }</label>
                            </li>
                        }
                    }) }
                </ul>
                <button type="button" class="ghost" data-testid="clear-self-check" onclick={clear}
                    disabled={deal.self_check.is_empty()}>{ t.clear_self_check }</button>
            </section>
            { strategies::editor(lang, deal, &draft, &dispatch) }
            <section class="coach-block">
                <h4>{ t.practices }</h4>
                { notes(&row.practices) }
            </section>
            <section class="coach-block principles">
                <h4>{ t.principles }</h4>
                <ol>{ for c.principles.iter().map(|p| html! { <li>{ lang.pick(p) }</li> }) }</ol>
            </section>
        </div>
    }
}
