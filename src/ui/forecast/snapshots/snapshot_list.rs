//! The kept snapshots: when each was taken, how many deals it holds, what it forecast for the
//! month after it; and those that could not be read.
use yew::prelude::*;

use super::figures_table;
use crate::i18n::Lang;
use crate::session::PlanRef;

/// The kept snapshots, newest first.
pub fn snapshot_list(lang: Lang, plan: &PlanRef) -> Html {
    let t = lang.texts();
    let currency = &plan.currency;
    // as the plan's reader found them in the text it read, once
    let problems = &plan.snapshots.unreadable;
    let rows = plan
        .snapshots
        .list
        .iter()
        .rev()
        .map(|s| {
            // the month after the period: its row in the figures
            let next = s.figures.get(s.period.granularity.months() as usize);
            let total = |verified| {
                next.map(|f| f.total(verified).format(currency))
                    .unwrap_or_default()
            };
            let local = s.taken_at.with_timezone(&chrono::Local).date_naive();
            let cells = vec![
                lang.date(local),
                s.marks.len().to_string(),
                total(false),
                total(true),
            ];
            (lang.period(s.period), cells)
        })
        .collect();
    html! {
        <>
            if plan.snapshots.list.is_empty() {
                <p class="note" data-testid="no-snapshots">{ t.snap_none }</p>
            } else {
                { figures_table("snapshot-list", t.snap_list.to_string(),
                    &[t.col_period, t.snap_taken, t.snap_deals, t.snap_next_claimed, t.snap_next_verified], rows, None) }
            }
            if !problems.is_empty() {
                <div class="problems" role="alert" data-testid="snapshot-problems">
                    <p>{ t.snap_unreadable }</p>
                    <ul>{ for problems.iter().map(|u| html! { <li>{ lang.problem_at(&u.problem) }</li> }) }</ul>
                </div>
            }
        </>
    }
}
