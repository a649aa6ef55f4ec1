//! Blank exercise sheets for a workshop's tables: a stage's gate checklist to tick and evidence
//! by hand, and the decision-chain template (one row per person, three rows per level).
use yew::prelude::*;

use super::{strategy_lines, tick_box};
use crate::domain::method::Method;
use crate::domain::people::Level;
use crate::domain::Stage;
use crate::i18n::Lang;

/// The lines every sheet starts with: the table, the deal, the customer, the day.
fn heading(lang: Lang) -> Html {
    let t = lang.texts();
    html! {
        <dl class="sheet-facts blank">
            { for [t.sheet_team, t.field_name, t.field_customer, t.sheet_date].into_iter().map(|label| html! {
                <div><dt>{ label }</dt><dd></dd></div>
            }) }
        </dl>
    }
}

/// An empty gate checklist for `stage`.
pub fn blank_gates(lang: Lang, method: &Method, stage: Stage) -> Html {
    let t = lang.texts();
    html! {
        <>
            <h1>{ format!("{}{}{} {}", t.handout_gates, lang.colon(), stage.code(), lang.stage_name(stage)) }</h1>
            { heading(lang) }
            <table class="sheet-table blank-rows gates-sheet">
                <thead><tr><th>{ t.tab_gates }</th><th>{ t.checked_on }</th><th>{ t.evidence }</th></tr></thead>
                <tbody>
                    { for method.active_gate(stage).map(|item| html! {
                        <tr><td>{ format!("{} {}", tick_box(false), lang.pick(&item.text)) }</td><td></td><td></td></tr>
                    }) }
                </tbody>
            </table>
            { strategy_lines(lang, stage, &[]) }
        </>
    }
}

/// An empty decision-chain template.
pub fn blank_chain(lang: Lang) -> Html {
    let t = lang.texts();
    let heads = [
        t.map_level,
        t.map_name,
        t.map_job_title,
        t.map_roles,
        t.map_influence,
        t.map_attitude,
        t.map_relationship,
        t.map_owner,
        t.map_reports_to,
        t.map_influences,
    ];
    html! {
        <>
            <h1>{ t.handout_chain }</h1>
            { heading(lang) }
            <table class="sheet-table blank-rows">
                <thead><tr>{ for heads.into_iter().map(|h| html! { <th>{ h }</th> }) }</tr></thead>
                <tbody>
                    { for Level::ALL.iter().flat_map(|&l| [l; 3]).map(|l| html! {
                        <tr><td>{ lang.level(l) }</td>{ for (1..heads.len()).map(|_| html! { <td></td> }) }</tr>
                    }) }
                </tbody>
            </table>
            <p class="sheet-legend">{ format!("{}{}{}", t.map_roles, lang.colon(),
                crate::domain::people::Role::ALL.iter().map(|&r| lang.role(r)).collect::<Vec<_>>().join(" · ")) }</p>
        </>
    }
}
