//! The method card: the three aligned cycles (the customer's decision, the sales activity, the
//! project's stage) and every stage's gate, row by row, as the plan's method has them.
use yew::prelude::*;

use super::tick_box;
use crate::domain::method::{content, Method};
use crate::domain::Stage;
use crate::i18n::Lang;

/// The card's content.
pub fn method_card(lang: Lang, method: &Method) -> Html {
    let t = lang.texts();
    let c = content();
    let row = |stage: Stage| {
        let r = c.row(stage);
        html! {
            <tr>
                <th scope="row">
                    <b>{ stage.code() }</b>{ " " }{ lang.stage_name(stage) }
                    <br />{ format!("{}{}{}%", t.probability, lang.colon(), method.probability(stage)) }
                </th>
                <td><b>{ lang.pick(&r.customer.name) }</b><br />{ lang.pick(&r.customer.task) }</td>
                <td><b>{ lang.pick(&r.sales.name) }</b><br />{ lang.pick(&r.sales.activity) }</td>
                <td>
                    <ul class="sheet-checks">
                        { for method.active_gate(stage).map(|item| html! {
                            <li>{ format!("{} {}", tick_box(false), lang.pick(&item.text)) }</li>
                        }) }
                    </ul>
                </td>
            </tr>
        }
    };
    html! {
        <>
            <h1>{ t.handout_method }</h1>
            <ol class="sheet-principles">{ for c.principles.iter().map(|p| html! { <li>{ lang.pick(p) }</li> }) }</ol>
            <table class="sheet-table method-card">
                <thead><tr>
                    <th>{ t.project_cycle }</th><th>{ t.customer_cycle }</th><th>{ t.sales_cycle }</th><th>{ t.tab_gates }</th>
                </tr></thead>
                <tbody>{ for Stage::ALL.into_iter().map(row) }</tbody>
            </table>
        </>
    }
}
