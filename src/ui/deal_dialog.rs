//! The deal workspace: a modal dialog with the deal's details, gate checklist, coaching and
//! stage history, and the control that moves it between stages.
use yew::prelude::*;

use crate::domain::{DealId, Stage};
use crate::i18n::Lang;
use crate::web::{clock, download};

use super::coaching::Coaching;
use super::context::use_dispatch;
use super::deal_flags::DealFlags;
use super::deal_form::DealForm;
use super::gate_checklist::GateChecklist;
use super::modal::{on_escape, use_modal};
use super::stage_history::StageHistory;
use super::state::{Action, PlanRef};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Tab {
    Details,
    Gates,
    Coaching,
    History,
}

#[derive(Properties, PartialEq)]
pub struct DealDialogProps {
    pub lang: Lang,
    pub plan: PlanRef,
    pub id: DealId,
    pub is_new: bool,
}

#[component]
pub fn DealDialog(props: &DealDialogProps) -> Html {
    let dispatch = use_dispatch();
    let t = props.lang.texts();
    let tab = use_state(|| Tab::Details);
    let dialog = use_modal();
    let oncancel = on_escape(&dispatch, || Action::CloseEditor);
    let close = {
        let dispatch = dispatch.clone();
        move |_| dispatch.dispatch(Action::CloseEditor)
    };
    let deal = if props.is_new {
        None
    } else {
        props.plan.deal(&props.id)
    };
    let title = if props.is_new {
        t.editor_new
    } else {
        t.editor_edit
    };

    let tab_button = |which: Tab, label: &'static str, testid: &'static str| {
        let tab = tab.clone();
        let selected = *tab == which;
        html! {
            <button type="button" role="tab" class="tab" aria-selected={selected.to_string()} data-testid={testid}
                tabindex={if selected { "0" } else { "-1" }} onclick={move |_| tab.set(which)}>{ label }</button>
        }
    };
    let body = match (*tab, deal) {
        (Tab::Gates, Some(deal)) => {
            html! { <GateChecklist lang={props.lang} plan={props.plan.clone()} id={deal.id.clone()} /> }
        }
        (Tab::Coaching, Some(deal)) => {
            html! { <Coaching lang={props.lang} plan={props.plan.clone()} id={deal.id.clone()} /> }
        }
        (Tab::History, Some(deal)) => {
            html! { <StageHistory lang={props.lang} plan={props.plan.clone()} id={deal.id.clone()} /> }
        }
        _ => {
            html! { <DealForm lang={props.lang} plan={props.plan.clone()} id={props.id.clone()} is_new={props.is_new} /> }
        }
    };

    html! {
        <dialog ref={dialog} class="editor" data-testid="deal-editor" aria-labelledby="editor-title" {oncancel}>
            <header class="editor-head">
                <div class="editor-title">
                    <h2 id="editor-title">{ deal.map(|d| d.name.clone()).unwrap_or_else(|| title.to_string()) }</h2>
                    if let Some(deal) = deal {
                        <span class="customer">{ deal.customer.clone() }</span>
                    }
                </div>
                if let Some(deal) = deal {
                    <span class={classes!("badge", deal.status.code())}>{ props.lang.status(deal.status) }</span>
                }
                <button type="button" class="icon" data-testid="close-dialog" aria-label={t.close} onclick={close}>{ "×" }</button>
            </header>
            if let Some(deal) = deal {
                <div class="stage-bar">
                    <DealFlags lang={props.lang} plan={props.plan.clone()} id={deal.id.clone()} long=true />
                    <MoveControl lang={props.lang} id={deal.id.clone()} stage={deal.stage} />
                    <button type="button" class="ghost small" data-testid="export-deal" onclick={{
                        let (plan, id) = (props.plan.clone(), deal.id.clone());
                        move |_| {
                            let _ = download::download_plan(&plan.only(|d| d.id == id), Some(id.as_str()));
                        }
                    }}>{ t.export_deal }</button>
                </div>
                <div class="tabs" role="tablist" aria-label={title}>
                    { tab_button(Tab::Details, t.tab_details, "tab-details") }
                    { tab_button(Tab::Gates, t.tab_gates, "tab-gates") }
                    { tab_button(Tab::Coaching, t.tab_coaching, "tab-coaching") }
                    { tab_button(Tab::History, t.tab_history, "tab-history") }
                </div>
            }
            <div class="tab-body" role={deal.is_some().then_some("tabpanel")}>{ body }</div>
        </dialog>
    }
}

#[derive(Properties, PartialEq)]
struct MoveControlProps {
    lang: Lang,
    id: DealId,
    stage: Stage,
}

/// Choose a stage and move there; a forward move past unmet gates opens the override dialog.
#[component]
fn MoveControl(props: &MoveControlProps) -> Html {
    let dispatch = use_dispatch();
    let t = props.lang.texts();
    let target = use_state(|| props.stage);
    let onchange = {
        let target = target.clone();
        move |e: Event| {
            let value = e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            if let Ok(stage) = Stage::parse(&value) {
                target.set(stage);
            }
        }
    };
    let go = {
        let (dispatch, id, target) = (dispatch.clone(), props.id.clone(), target.clone());
        move |_| {
            dispatch.dispatch(Action::Move {
                id: id.clone(),
                to: *target,
                reason: String::new(),
                now: clock::now(),
            })
        }
    };
    html! {
        <div class="move-control">
            <label for="deal-move-to">{ t.move_to }</label>
            <select id="deal-move-to" data-testid="move-to" {onchange}>
                { for Stage::ALL.iter().map(|s| html! {
                    <option value={s.code()} selected={*target == *s}>
                        { format!("{} {}", s.code(), props.lang.stage_name(*s)) }
                        { if *s == props.stage { format!(" · {}", t.current) } else { String::new() } }
                    </option>
                }) }
            </select>
            <button type="button" data-testid="move-deal" disabled={*target == props.stage} onclick={go}>{ t.move_button }</button>
        </div>
    }
}
