//! The slides of the method: the three cycles, a stage, a discussion question of the deck.
use yew::prelude::*;

use crate::domain::method::{content, Method};
use crate::domain::Stage;
use crate::i18n::Lang;
use crate::ui::deal::cycles_diagram::CyclesDiagram;

/// The three cycles, large, with the keys that move.
pub fn cycles(lang: Lang) -> Html {
    let t = lang.texts();
    html! {
        <>
            <h1>{ t.cycles_title }</h1>
            <CyclesDiagram {lang} claimed={Stage::P0} verified={Stage::P0} probability={0} bare=true />
            <p class="hint">{ t.projector_keys }</p>
        </>
    }
}

/// A stage: its probability, its acceptance items (the plan's method) and its steps.
pub fn stage(lang: Lang, method: &Method, stage: Stage) -> Html {
    let t = lang.texts();
    let row = content().row(stage);
    html! {
        <>
            <header class="slide-head">
                <h1>{ format!("{} · {}", stage.code(), lang.stage_name(stage)) }</h1>
                <span class="big">{ format!("{}%", method.probability(stage)) }</span>
            </header>
            <p>{ lang.pick(&row.summary) }</p>
            <div class="columns">
                <section data-testid="projector-gate-items">
                    <h2>{ t.tab_gates }</h2>
                    <ol>
                        { for method.active_gate(stage).map(|item| html! {
                            <li>
                                { lang.pick(&item.text) }
                                if item.ours {
                                    <span class="mark">{ t.ours }</span>
                                }
                            </li>
                        }) }
                    </ol>
                </section>
                <section>
                    <h2>{ t.steps }</h2>
                    <ol>{ for row.sales.steps.iter().map(|s| html! { <li>{ lang.pick(&s.title) }</li> }) }</ol>
                </section>
            </div>
        </>
    }
}

/// A discussion question of the deck, with its BTC/BTB comparison beside it.
pub fn question(lang: Lang, n: usize) -> Html {
    let t = lang.texts();
    let questions = lang.workshop_questions();
    let (title, rows) = lang.btc_btb();
    html! {
        <div class="columns question">
            <section>
                <p class="mark">{ format!("{} · {} {} / {}", t.projector_deck, t.projector_question, n + 1, questions.len()) }</p>
                <h1 data-testid="projector-question">{ questions[n] }</h1>
            </section>
            <table class="btc-btb" data-testid="btc-btb">
                <caption>{ title }<span class="mark">{ t.projector_deck }</span></caption>
                { for rows.iter().enumerate().map(|(i, row)| html! {
                    <tr>{ for row.iter().map(|cell| if i == 0 { html! { <th>{ *cell }</th> } } else { html! { <td>{ *cell }</td> } }) }</tr>
                }) }
            </table>
        </div>
    }
}
