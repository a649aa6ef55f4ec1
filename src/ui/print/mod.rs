//! What goes on paper. Every dialog is hidden in print, so a printed page is drawn outside the
//! app, straight into the page's body, as a sheet the print style shows alone: the open deal's
//! account plan, and the handouts a trainer prints from the top bar (the method card, the blank
//! exercise sheets), and the period report from the forecast view. Without a sheet the page prints what is on screen (the board on A4
//! landscape).
pub mod account_plan;
mod blank_sheets;
pub mod handouts;
mod method_card;
pub mod period_report;

use yew::prelude::*;

use crate::domain::Stage;
use crate::i18n::Lang;

/// `content` as a sheet in the page's body: hidden on screen, alone on paper. `wide` sheets print
/// on A4 landscape.
pub fn sheet(testid: &'static str, wide: bool, content: Html) -> Html {
    let Some(body) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
    else {
        return html! {};
    };
    let page = html! {
        <section class={classes!("print-sheet", wide.then_some("wide"))} data-testid={testid}>{ content }</section>
    };
    create_portal(page, body.into())
}

/// Opens the browser's print dialog.
pub fn print_now() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// A box to tick by hand, or ticked.
fn tick_box(ticked: bool) -> &'static str {
    if ticked {
        "☑"
    } else {
        "☐"
    }
}

/// The team's strategies for a stage (the deck's 策略1. 策略2.), with room for at least two.
fn strategy_lines(lang: Lang, stage: Stage, strategies: &[String]) -> Html {
    let room = strategies.len().max(2);
    html! {
        <div class="sheet-part">
            <h2>{ format!("{} {}", stage.code(), lang.texts().strategies_title) }</h2>
            <ol class="sheet-strategies">
                { for (0..room).map(|i| html! { <li>{ strategies.get(i).cloned().unwrap_or_default() }</li> }) }
            </ol>
        </div>
    }
}
