//! Closing periods in the forecast view: the close bar (reminder and button), the kept
//! snapshots, what moved since one (waterfall), and how far the forecasts were off.
mod accuracy_panel;
mod close_bar;
mod snapshot_list;
mod what_moved;

pub use close_bar::close_reminder;

use yew::prelude::*;

use crate::domain::month_close::marks;
use crate::domain::{DealId, Plan};
use crate::i18n::Lang;
use crate::session::PlanRef;
use crate::ui::common::context::use_dispatch;

#[derive(Properties, PartialEq)]
pub struct ClosedPeriodsProps {
    pub lang: Lang,
    pub plan: PlanRef,
    /// Verified stages rather than claimed ones.
    pub verified: bool,
}

/// The kept snapshots, what moved since one, and how far the forecasts were off.
#[component]
pub fn ClosedPeriods(props: &ClosedPeriodsProps) -> Html {
    let dispatch = use_dispatch();
    let (lang, plan) = (props.lang, &props.plan);
    let t = lang.texts();
    let pick = use_state(what_moved::Pick::default);
    let lead = use_state(|| 1u32);
    let picked = use_state(|| None);
    let now_marks = use_memo(plan.clone(), |plan| marks(plan));
    html! {
        <>
            <h2 class="section-title" id="snapshots-title">{ t.snap_title }</h2>
            <p class="note">{ t.snap_intro }</p>
            { close_bar::close_bar(lang, plan, &picked, &dispatch) }
            { snapshot_list::snapshot_list(lang, plan) }
            <h2 class="section-title">{ t.moved_title }</h2>
            { what_moved::what_moved(lang, plan, props.verified, &pick, &now_marks, &dispatch) }
            <h2 class="section-title">{ t.accuracy_title }</h2>
            { accuracy_panel::accuracy_panel(lang, plan, &lead) }
        </>
    }
}

/// A deal's name for a list, its id when it is no longer in the plan.
fn deal_name(plan: &Plan, id: &DealId) -> String {
    plan.deal(id)
        .map(|d| format!("{} · {}", d.customer, d.name))
        .unwrap_or_else(|| id.as_str().to_string())
}

/// A row of a figures table: its header cell and its figures.
type Row = (String, Vec<String>);

/// A table of figures: a caption, column heads (the first over the row headers), rows whose
/// figures are right-aligned, and a total row.
fn figures_table(
    testid: &'static str,
    caption: String,
    heads: &[&'static str],
    rows: Vec<Row>,
    total: Option<Row>,
) -> Html {
    let row = |(head, cells): Row| {
        html! {
            <tr>
                <th scope="row">{ head }</th>
                { for cells.into_iter().map(|c| html! { <td class="num">{ c }</td> }) }
            </tr>
        }
    };
    html! {
        <div class="table-wrap">
            <table class="forecast-table" data-testid={testid}>
                <caption>{ caption }</caption>
                <thead><tr>
                    { for heads.iter().enumerate().map(|(i, h)| html! { <th scope="col" class={(i > 0).then_some("num")}>{ *h }</th> }) }
                </tr></thead>
                <tbody>{ for rows.into_iter().map(row) }</tbody>
                if let Some(total) = total {
                    <tfoot>{ row(total) }</tfoot>
                }
            </table>
        </div>
    }
}
