//! The first visit: what keyplan is, where the plan is kept (and how to bring one across), and
//! the choice between a new deal and the training case.
use yew::prelude::*;

use crate::domain::method::content;
use crate::domain::Stage;
use crate::i18n::Lang;
use crate::session::Action;
use crate::ui::common::context::use_dispatch;
use crate::web::clock;
use crate::web::place::plan_file_location;

#[derive(Properties, PartialEq)]
pub struct EmptyStateProps {
    pub lang: Lang,
}

#[component]
pub fn EmptyState(props: &EmptyStateProps) -> Html {
    let dispatch = use_dispatch();
    let t = props.lang.texts();
    let load = {
        let dispatch = dispatch.clone();
        move |_| {
            dispatch.dispatch(Action::LoadSample {
                today: clock::today(),
                now: clock::now(),
            })
        }
    };
    let new_deal = move |_| dispatch.dispatch(Action::NewDeal(clock::new_deal_id()));
    html! {
        <section class="empty" data-testid="empty-state" aria-labelledby="empty-title">
            <h1 id="empty-title">{ t.empty_title }</h1>
            <p>{ t.empty_body }</p>
            <p class="plan-place" data-testid="plan-place">
                if let Some(path) = plan_file_location() {
                    { t.where_file_before }<code class="path" data-testid="plan-location">{ path }</code>{ t.where_file_after }
                } else {
                    { t.where_browser_hint }
                }
            </p>
            <div class="empty-actions">
                <button type="button" class="primary big" data-testid="load-sample" onclick={load}>{ t.load_sample }</button>
                <button type="button" class="big" onclick={new_deal}>{ "+ " }{ t.new_deal }</button>
            </div>
            <ol class="stage-strip" aria-label={t.board_label}>
                { for Stage::ALL.iter().map(|s| html! {
                    <li><span class="code">{ s.code() }</span><span>{ props.lang.stage_name(*s) }</span>
                        <span class="prob">{ format!("{}%", content().row(*s).probability) }</span></li>
                }) }
            </ol>
        </section>
    }
}
