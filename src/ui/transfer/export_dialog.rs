//! Export: the whole plan or one owner's part as a plan file, or the deals as CSV for Excel.
use yew::prelude::*;

use crate::domain::csv::{amount, document};
use crate::domain::gates::verified_stage;
use crate::domain::weighting::{probability, Basis};
use crate::domain::{Deal, Plan};
use crate::i18n::Lang;
use crate::session::{Action, PlanRef};
use crate::ui::common::context::use_dispatch;
use crate::ui::common::modal::{on_escape, use_modal};
use crate::ui::common::store::use_store;

/// The deals as spreadsheet rows, with headers in the interface language: each deal's fields and
/// its post-mortem (why, against whom, what was learned; empty while there is none), then the
/// team's strategies, every stage's.
pub fn deals_csv(lang: Lang, plan: &Plan) -> Vec<Vec<String>> {
    let t = lang.texts();
    let header = [
        "id",
        t.field_name,
        t.field_customer,
        t.field_amount,
        t.field_stage,
        t.verified_stage,
        t.field_status,
        t.probability,
        t.field_close,
        t.field_closed_on,
        t.field_owner,
        t.field_product,
        t.field_region,
        t.field_segment,
        t.field_next_step,
        t.field_notes,
        t.review_why,
        t.review_competitor,
        t.review_learned,
        t.field_strategies,
    ];
    let row = |d: &Deal| {
        vec![
            d.id.as_str().to_string(),
            d.name.clone(),
            d.customer.clone(),
            amount(d.amount),
            d.stage.code().to_string(),
            verified_stage(&plan.method, d).code().to_string(),
            lang.status(d.status).to_string(),
            format!("{}%", probability(&plan.method, d, Basis::Claimed)),
            d.expected_close
                .map(|c| c.format("%Y-%m-%d").to_string())
                .unwrap_or_default(),
            d.closed_on
                .map(|c| c.format("%Y-%m-%d").to_string())
                .unwrap_or_default(),
            d.owner.clone(),
            d.product.clone(),
            d.region.clone(),
            d.segment.clone(),
            d.next_step.clone(),
            d.notes.clone(),
            d.people.review.why.clone(),
            d.people.review.competitor.clone(),
            d.people.review.learned.clone(),
            d.strategies_text(),
        ]
    };
    std::iter::once(header.iter().map(|h| h.to_string()).collect())
        .chain(plan.deals.iter().map(|d| row(d)))
        .collect()
}

#[derive(Properties, PartialEq)]
pub struct ExportDialogProps {
    pub lang: Lang,
    pub plan: PlanRef,
}

#[component]
pub fn ExportDialog(props: &ExportDialogProps) -> Html {
    let dispatch = use_dispatch();
    let store = use_store();
    let lang = props.lang;
    let t = lang.texts();
    let dialog = use_modal();
    let oncancel = on_escape(&dispatch, || Action::CloseDialog);
    let mut owners: Vec<String> = props
        .plan
        .deals
        .iter()
        .map(|d| d.owner.clone())
        .filter(|o| !o.is_empty())
        .collect();
    owners.sort();
    owners.dedup();
    let owner = use_state(|| owners.first().cloned().unwrap_or_default());
    let whole = {
        let (plan, store) = (props.plan.clone(), store.clone());
        move |_| {
            store.download_plan(&plan, None);
        }
    };
    let by_owner = {
        let (plan, owner, store) = (props.plan.clone(), owner.clone(), store.clone());
        move |_| {
            store.download_plan(&plan.only(|d| d.owner == *owner), Some(&owner));
        }
    };
    let csv = {
        let plan = props.plan.clone();
        move |_| {
            let _ = store.download_text(
                plan.title.as_deref(),
                "csv",
                "text/csv;charset=utf-8",
                &document(&deals_csv(lang, &plan)),
            );
        }
    };
    let close = move |_| dispatch.dispatch(Action::CloseDialog);
    html! {
        <dialog ref={dialog} class="override export" data-testid="export-dialog" aria-labelledby="export-title" {oncancel}>
            <header class="editor-head"><h2 id="export-title">{ t.export_title }</h2></header>
            <div class="override-body export-options">
                <div class="export-row">
                    <span>{ t.export_whole }</span>
                    <button type="button" class="primary" data-testid="export-whole" onclick={whole}>{ t.export_button }</button>
                </div>
                if !owners.is_empty() {
                    <div class="export-row">
                        <label for="export-owner">{ t.export_owner }</label>
                        <select id="export-owner" data-testid="export-owner"
                            onchange={let owner = owner.clone(); move |e: Event| owner.set(e.target_unchecked_into::<web_sys::HtmlSelectElement>().value())}>
                            { for owners.iter().map(|o| html! { <option value={o.clone()} selected={*owner == *o}>{ o.clone() }</option> }) }
                        </select>
                        <button type="button" data-testid="export-by-owner" onclick={by_owner}>{ t.export_button }</button>
                    </div>
                }
                <div class="export-row">
                    <span>{ t.export_csv_deals }</span>
                    <button type="button" data-testid="export-deals-csv" onclick={csv}>{ t.export_button }</button>
                </div>
            </div>
            <footer class="editor-actions">
                <span class="spacer"></span>
                <button type="button" data-testid="close-export" onclick={close}>{ t.close }</button>
            </footer>
        </dialog>
    }
}
