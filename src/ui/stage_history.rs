//! A deal's stage history: every move with its day, reason, and the items an override skipped.
use yew::prelude::*;

use crate::domain::DealId;
use crate::i18n::Lang;

use super::state::PlanRef;

#[derive(Properties, PartialEq)]
pub struct StageHistoryProps {
    pub lang: Lang,
    pub plan: PlanRef,
    pub id: DealId,
}

#[component]
pub fn StageHistory(props: &StageHistoryProps) -> Html {
    let t = props.lang.texts();
    let lang = props.lang;
    let Some(deal) = props.plan.deal(&props.id) else {
        return html! {};
    };
    let method = &props.plan.method;
    if deal.history.is_empty() {
        return html! { <p class="history-empty" data-testid="history">{ t.history_empty }</p> };
    }
    html! {
        <ol class="history" data-testid="history" reversed=true>
            { for deal.history.iter().rev().map(|change| {
                let forward = change.to > change.from;
                html! {
                    <li class={classes!("change", if forward { "forward" } else { "back" }, change.is_override().then_some("override"))}
                        data-testid="history-entry">
                        <div class="change-head">
                            <span class="move">{ format!("{} → {}", change.from.code(), change.to.code()) }</span>
                            <span class="stage-name">{ lang.stage_name(change.to) }</span>
                            <time datetime={change.at.to_rfc3339()}>{ lang.date(change.at.date_naive()) }</time>
                            if change.is_override() { <span class="flag override">{ format!("⚑ {}", t.override_flag) }</span> }
                        </div>
                        if !change.reason.is_empty() {
                            <p class="reason">{ change.reason.clone() }</p>
                        }
                        if change.is_override() {
                            <p class="skipped">{ t.skipped_items }</p>
                            <ul class="skipped-items">
                                { for change.missing.iter().map(|id| {
                                    let text = method.find_item(id)
                                        .map(|(stage, item)| format!("{} {}", stage.code(), lang.pick(&item.text)))
                                        .unwrap_or_else(|| id.as_str().to_string());
                                    html! { <li>{ text }</li> }
                                }) }
                            </ul>
                        }
                    </li>
                }
            }) }
        </ol>
    }
}
