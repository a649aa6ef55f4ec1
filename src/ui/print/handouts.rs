//! The handouts a trainer prints from the top bar: the method card, a blank gate checklist for a
//! chosen stage, the blank decision-chain template, and the pipeline board. A choice draws its
//! sheet and opens the print dialog; the sheet goes once printing is over.
use gloo_events::EventListener;
use yew::prelude::*;

use super::blank_sheets::{blank_chain, blank_gates};
use super::method_card::method_card;
use super::{print_now, sheet};
use crate::domain::method::Method;
use crate::domain::Stage;
use crate::i18n::Lang;
use crate::session::{Action, View};
use crate::ui::board::near_view::draw_all;
use crate::ui::common::context::use_dispatch;
use crate::ui::common::shared::Shared;

/// What is being printed.
#[derive(Clone, Copy, PartialEq)]
enum Handout {
    Method,
    Gates(Stage),
    Chain,
    Board,
}

#[derive(Properties, PartialEq)]
pub struct HandoutsProps {
    pub lang: Lang,
    pub method: Shared<Method>,
    /// The plan has deals, so there is a board to print.
    pub board: bool,
}

#[component]
pub fn Handouts(props: &HandoutsProps) -> Html {
    let dispatch = use_dispatch();
    let lang = props.lang;
    let t = lang.texts();
    let printing = use_state(|| None::<Handout>);
    let stage = use_state(|| Stage::P0);
    {
        let printing = printing.clone();
        use_effect_with((), move |_| {
            let done = web_sys::window().map(|window| {
                EventListener::new(&window, "afterprint", move |_| printing.set(None))
            });
            move || drop(done)
        });
    }
    use_effect_with(*printing, |printing| {
        match printing {
            // once the board is drawn, with all the cards its columns list (cards out of view
            // are drawn on request), and then once those are drawn
            Some(Handout::Board) => {
                let board = || {
                    draw_all();
                    gloo_timers::callback::Timeout::new(0, print_now).forget();
                };
                gloo_timers::callback::Timeout::new(0, board).forget();
            }
            // once the sheet is drawn
            Some(_) => {
                gloo_timers::callback::Timeout::new(0, print_now).forget();
            }
            None => {}
        }
    });
    let choose = |handout: Handout| {
        let (printing, dispatch) = (printing.clone(), dispatch.clone());
        move |_| {
            if handout == Handout::Board {
                dispatch.dispatch(Action::SetView(View::Board));
            }
            printing.set(Some(handout));
        }
    };
    let pick_stage = {
        let stage = stage.clone();
        move |e: Event| {
            let value = e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            if let Some(s) = Stage::parse(&value) {
                stage.set(s);
            }
        }
    };
    let drawn = match *printing {
        Some(Handout::Method) => sheet("method-card", false, method_card(lang, &props.method)),
        Some(Handout::Gates(s)) => sheet("blank-gates", false, blank_gates(lang, &props.method, s)),
        Some(Handout::Chain) => sheet("blank-chain", true, blank_chain(lang)),
        Some(Handout::Board) | None => html! {},
    };
    html! {
        <details class="handouts" data-testid="handouts">
            <summary class="button ghost">{ t.handouts }</summary>
            <div class="handout-menu">
                <button type="button" class="ghost small" data-testid="print-method-card" onclick={choose(Handout::Method)}>{ t.handout_method }</button>
                <span class="handout-gates">
                    <button type="button" class="ghost small" data-testid="print-blank-gates" onclick={choose(Handout::Gates(*stage))}>{ t.handout_gates }</button>
                    <select aria-label={t.field_stage} data-testid="blank-gates-stage" onchange={pick_stage}>
                        { for Stage::ALL.into_iter().map(|s| html! {
                            <option value={s.code()} selected={s == *stage}>{ format!("{} {}", s.code(), lang.stage_name(s)) }</option>
                        }) }
                    </select>
                </span>
                <button type="button" class="ghost small" data-testid="print-blank-chain" onclick={choose(Handout::Chain)}>{ t.handout_chain }</button>
                if props.board {
                    <button type="button" class="ghost small" data-testid="print-board" onclick={choose(Handout::Board)}>{ t.handout_board }</button>
                }
            </div>
            { drawn }
        </details>
    }
}
