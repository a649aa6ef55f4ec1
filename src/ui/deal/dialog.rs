//! The deal workspace: a modal dialog with the deal's details, gate checklist, coaching and
//! stage history, its standing, the control that moves it between stages, and its export.
use std::rc::Rc;

use chrono::Local;
use yew::prelude::*;

use super::bonus::bonus_panel;
use super::coaching::Coaching;
use super::competition::competition;
use super::form::{DealForm, Suggestions};
use super::gate_checklist::GateChecklist;
use super::history::StageHistory;
use super::move_control::MoveControl;
use super::people_tab::PeopleTab;
use super::review::review_panel;
use crate::domain::coverage::flags;
use crate::domain::gates::standing;
use crate::domain::method::Method;
use crate::domain::{Currency, Deal, DealId, DealStatus, Plan};
use crate::i18n::Lang;
use crate::session::{Action, DealTab};
use crate::ui::board::deal_flags::DealFlags;
use crate::ui::common::context::use_dispatch;
use crate::ui::common::modal::{on_escape, use_modal};
use crate::ui::common::shared::Shared;
use crate::ui::common::store::use_store;
use crate::ui::print::account_plan::account_plan;
use crate::ui::print::print_now;
use crate::web::clock;

#[derive(Properties, PartialEq)]
pub struct DealDialogProps {
    pub lang: Lang,
    pub id: DealId,
    /// The deal; none for a new one.
    pub deal: Option<Rc<Deal>>,
    pub tab: DealTab,
    pub method: Shared<Method>,
    pub currency: Currency,
    pub suggestions: Shared<Suggestions>,
    /// The deal was deleted in another tab: what was typed can be saved as a new deal.
    #[prop_or_default]
    pub gone: bool,
}

#[component]
pub fn DealDialog(props: &DealDialogProps) -> Html {
    let dispatch = use_dispatch();
    let store = use_store();
    let t = props.lang.texts();
    let dialog = use_modal();
    let oncancel = on_escape(&dispatch, || Action::CloseDialog);
    let close = {
        let dispatch = dispatch.clone();
        move |_| dispatch.dispatch(Action::CloseDialog)
    };
    let title = match &props.deal {
        None => t.editor_new,
        Some(_) => t.editor_edit,
    };
    let tab_button = |which: DealTab,
                      label: &'static str,
                      testid: &'static str,
                      count: Option<Html>| {
        let dispatch = dispatch.clone();
        let selected = props.tab == which;
        html! {
            <button type="button" role="tab" class="tab" aria-selected={selected.to_string()} data-testid={testid}
                tabindex={if selected { "0" } else { "-1" }} onclick={move |_| dispatch.dispatch(Action::ShowTab(which))}>{ label }{ count }</button>
        }
    };
    // the arrow keys move between the tabs, as in every tab list
    let on_tab_key = {
        let (dispatch, tab) = (dispatch.clone(), props.tab);
        move |e: KeyboardEvent| {
            let order = [
                DealTab::Details,
                DealTab::Gates,
                DealTab::People,
                DealTab::Competition,
                DealTab::Coaching,
                DealTab::History,
            ];
            let at = order.iter().position(|t| *t == tab).unwrap_or(0);
            let next = match e.key().as_str() {
                "ArrowRight" => order[(at + 1) % order.len()],
                "ArrowLeft" => order[(at + order.len() - 1) % order.len()],
                "Home" => order[0],
                "End" => order[order.len() - 1],
                _ => return,
            };
            e.prevent_default();
            dispatch.dispatch(Action::ShowTab(next));
            focus_selected_tab();
        }
    };
    // a close or a reopening starts the form afresh from the saved deal
    let form_key = format!(
        "{}-{}",
        props.id.as_str(),
        props.deal.as_ref().map_or("new", |d| d.status.code())
    );
    let form = html! {
        <DealForm key={form_key} lang={props.lang} id={props.id.clone()} deal={props.deal.clone()} method={props.method.clone()}
            currency={props.currency.clone()} suggestions={props.suggestions.clone()} />
    };
    let Some(deal) = &props.deal else {
        return html! {
            <dialog ref={dialog} class="editor" data-testid="deal-editor" aria-labelledby="editor-title" {oncancel}>
                <header class="editor-head">
                    <div class="editor-title"><h2 id="editor-title">{ title }</h2></div>
                    <button type="button" class="icon" data-testid="close-dialog" aria-label={t.close} onclick={close}>{ "×" }</button>
                </header>
                <div class="tab-body">{ form }</div>
            </dialog>
        };
    };
    let standing = standing(&props.method, deal, clock::today(), &Local);
    let flags = Rc::new(flags(&props.method, deal, clock::today()));
    let body = match props.tab {
        DealTab::Details if deal.status == DealStatus::Won => html! {
            <>
                { form }
                { bonus_panel(props.lang, deal, &props.currency, dispatch.clone()) }
            </>
        },
        DealTab::Details => form,
        DealTab::Gates => {
            html! { <GateChecklist lang={props.lang} deal={deal.clone()} method={props.method.clone()} /> }
        }
        DealTab::Competition => competition(props.lang, deal),
        DealTab::Coaching => {
            html! { <Coaching lang={props.lang} deal={deal.clone()} method={props.method.clone()} verified={standing.verified} /> }
        }
        DealTab::People => html! {
            <PeopleTab lang={props.lang} deal={deal.clone()} method={props.method.clone()} flags={flags.clone()} />
        },
        DealTab::History => {
            html! { <StageHistory lang={props.lang} deal={deal.clone()} method={props.method.clone()} /> }
        }
    };
    let export = {
        let (deal, method, currency) = (deal.clone(), props.method.clone(), props.currency.clone());
        move |_| {
            let plan = Plan {
                currency: currency.clone(),
                method: method.0.clone(),
                ..Plan::of_deals([(*deal).clone()])
            };
            let _ = store.download_plan(&plan, Some(deal.id.as_str()));
        }
    };
    html! {
        <dialog ref={dialog} class="editor" data-testid="deal-editor" aria-labelledby="editor-title" {oncancel}>
            <header class="editor-head">
                <div class="editor-title">
                    <h2 id="editor-title" class="clamp" title={deal.name.clone()}>{ deal.name.clone() }</h2>
                    <span class="customer clamp" title={deal.customer.clone()}>{ deal.customer.clone() }</span>
                </div>
                <span class={classes!("badge", deal.status.code())} data-testid="deal-status">{ props.lang.status(deal.status) }</span>
                <button type="button" class="icon" data-testid="close-dialog" aria-label={t.close} onclick={close}>{ "×" }</button>
            </header>
            if props.gone {
                <p class="form-alert" role="alert" data-testid="gone-notice">{ t.gone_notice }</p>
            }
            <div class="stage-bar">
                <DealFlags lang={props.lang} stage={deal.stage} standing={standing.clone()} long=true />
                if deal.is_open() {
                    <MoveControl key={deal.stage.code()} lang={props.lang} id={deal.id.clone()} stage={deal.stage} />
                }
                <span class="deal-actions">
                    <button type="button" class="ghost small" data-testid="export-deal" onclick={export}>{ t.export_deal }</button>
                    <button type="button" class="ghost small" data-testid="print-deal" onclick={|_| print_now()}>{ t.print_plan }</button>
                </span>
            </div>
            if !deal.is_open() {
                { review_panel(props.lang, deal) }
            }
            <div class="tabs" role="tablist" aria-label={title} onkeydown={on_tab_key}>
                { tab_button(DealTab::Details, t.tab_details, "tab-details", None) }
                { tab_button(DealTab::Gates, t.tab_gates, "tab-gates", None) }
                { tab_button(DealTab::People, t.tab_people, "tab-people", (!flags.is_empty()).then(|| html! {
                    <span class="count" data-testid="flag-count" aria-label={format!("{}{}{}", t.flags_title, props.lang.colon(), flags.len())}>{ flags.len() }</span>
                })) }
                { tab_button(DealTab::Competition, t.tab_competition, "tab-competition", None) }
                { tab_button(DealTab::Coaching, t.tab_coaching, "tab-coaching", None) }
                { tab_button(DealTab::History, t.tab_history, "tab-history", None) }
            </div>
            <div class="tab-body" role="tabpanel">{ body }</div>
            { account_plan(props.lang, deal, &props.method, &props.currency, &flags) }
        </dialog>
    }
}

/// Moves the keyboard focus to the selected tab once it is drawn.
fn focus_selected_tab() {
    gloo_timers::callback::Timeout::new(0, || {
        let tab = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| {
                d.query_selector("[role=tab][aria-selected=true]")
                    .ok()
                    .flatten()
            })
            .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok());
        if let Some(tab) = tab {
            let _ = tab.focus();
        }
    })
    .forget();
}
