//! A deal's history: every stage move with its day and reason, the items an override skipped,
//! and every close (won, lost with why and to whom) or reopening. Days are the person's own.
use std::rc::Rc;

use yew::prelude::*;

use crate::domain::deal::StageChange;
use crate::domain::method::Method;
use crate::domain::{Deal, DealStatus};
use crate::i18n::Lang;
use crate::ui::common::shared::Shared;
use crate::web::clock;

#[derive(Properties, PartialEq)]
pub struct StageHistoryProps {
    pub lang: Lang,
    pub deal: Rc<Deal>,
    pub method: Shared<Method>,
}

#[component]
pub fn StageHistory(props: &StageHistoryProps) -> Html {
    let t = props.lang.texts();
    let lang = props.lang;
    let deal = &props.deal;
    if deal.history.is_empty() {
        return html! { <p class="history-empty" data-testid="history">{ t.history_empty }</p> };
    }
    let what = |change: &StageChange| match change.status {
        Some(DealStatus::Won) => format!(
            "{} · {} → {}",
            t.history_won,
            change.from.code(),
            change.to.code()
        ),
        Some(DealStatus::Lost) => format!("{} · {}", t.history_lost, change.to.code()),
        Some(DealStatus::Open) => format!("{} · {}", t.history_reopened, change.to.code()),
        None => match change.close {
            Some(close) => {
                let day =
                    |d: Option<chrono::NaiveDate>| d.map_or("—".to_string(), |d| lang.date(d));
                format!(
                    "{} · {} → {}",
                    t.history_close,
                    day(close.was),
                    day(close.now)
                )
            }
            None => format!("{} → {}", change.from.code(), change.to.code()),
        },
    };
    html! {
        <ol class="history" data-testid="history" reversed=true>
            { for deal.history.iter().rev().map(|change| {
                let forward = change.to > change.from;
                let kind = match (change.status, change.close) {
                    (Some(status), _) => status.code(),
                    (None, Some(close)) if close.is_slip() => "slip",
                    (None, Some(_)) => "close",
                    (None, None) if forward => "forward",
                    (None, None) => "back",
                };
                html! {
                    <li class={classes!("change", kind, change.is_override().then_some("override"))}
                        data-testid="history-entry" data-status={change.status.map(|s| s.code())}>
                        <div class="change-head">
                            <span class="move">{ what(change) }</span>
                            <span class="stage-name">{ lang.stage_name(change.to) }</span>
                            <time datetime={change.at.to_rfc3339()}>{ lang.date(clock::local_day(change.at)) }</time>
                            if change.is_override() { <span class="flag override">{ format!("⚑ {}", t.override_flag) }</span> }
                        </div>
                        if !change.reason.is_empty() {
                            <p class="reason">{ change.reason.clone() }</p>
                        }
                        if !change.competitor.is_empty() {
                            <p class="competitor">{ t.lost_to }{ lang.colon() }<bdi>{ change.competitor.clone() }</bdi></p>
                        }
                        if change.is_override() {
                            <p class="skipped">{ t.skipped_items }</p>
                            <ul class="skipped-items">
                                { for change.missing.iter().map(|id| {
                                    let text = props.method.find_item(id)
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
