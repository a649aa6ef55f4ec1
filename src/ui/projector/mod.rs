//! Projector mode: the plan as slides for a room (the slides and moves are the session's,
//! `crate::session::projector`). The page's chrome gives way to one slide at a time in large,
//! high-contrast type, with buttons to move and to leave; the keys and the page address are
//! kept in step by [`use_projector`].
mod compare_slide;
mod deal_slide;
mod keys;
mod slides;

pub use keys::use_projector;

use yew::prelude::*;

use crate::domain::Plan;
use crate::i18n::Lang;
use crate::session::projector::{Deck, Nav, Present, Slide};
use crate::session::{Action, Workshop};
use crate::ui::common::context::Dispatch;

/// The slide, fitted to the plan and the open comparison (a deal deleted since, or a comparison
/// no longer open, shows the first slide), and the bar
/// under it. A function rather than a component: each component costs the download its share
/// of Yew's machinery.
pub fn projector(
    lang: Lang,
    plan: &Plan,
    workshop: Option<&Workshop>,
    slide: &Slide,
    dispatch: &Dispatch,
) -> Html {
    let t = lang.texts();
    let deck = Deck::of(plan).comparing(workshop);
    let slide = deck.fit(slide);
    let body = match &slide {
        Slide::Cycles => slides::cycles(lang),
        Slide::Stage(stage) => slides::stage(lang, &plan.method, *stage),
        Slide::Deal(id, reveal) => match plan.deal(id) {
            Some(deal) => deal_slide::deal_slide(lang, plan, deal, *reveal),
            None => html! {},
        },
        Slide::Question(n) => slides::question(lang, *n),
        Slide::Compare(n) => match (workshop, deck.compare_slide(*n)) {
            (Some(w), Some(part)) => compare_slide::compare_slide(lang, w, part),
            _ => html! {},
        },
    };
    let part = match &slide {
        Slide::Cycles => "",
        Slide::Stage(_) => t.field_stage,
        Slide::Deal(..) => t.projector_deals,
        Slide::Question(_) => t.projector_question,
        Slide::Compare(_) => t.projector_compare,
    };
    let position = deck
        .position(&slide)
        .filter(|_| !part.is_empty())
        .map(|(n, of)| format!("{part} {n} / {of}"));
    let button = |verb: Present, label: &'static str, testid: &'static str| {
        let dispatch = dispatch.clone();
        html! {
            <button type="button" data-testid={testid}
                onclick={move |_| dispatch.dispatch(Action::Present(verb.clone()))}>{ label }</button>
        }
    };
    html! {
        <div class="projector" data-testid="projector" data-slide={slide.to_hash()}>
            <div class="slide">{ body }</div>
            <nav class="projector-bar">
                { button(Present::Go(Nav::Back), t.projector_back, "projector-back") }
                if let Some(position) = position {
                    <span data-testid="projector-position">{ position }</span>
                }
                { button(Present::Go(Nav::Next), t.projector_next, "projector-next") }
                { button(Present::Leave, t.projector_off, "projector-leave") }
            </nav>
        </div>
    }
}
