//! The notice after a deletion, with Undo; it goes away by itself after ten seconds.
use gloo_timers::callback::Timeout;
use yew::prelude::*;

use crate::i18n::Lang;
use crate::session::Action;
use crate::ui::common::context::use_dispatch;

const UNDO_MS: u32 = 10_000;

#[derive(Properties, PartialEq)]
pub struct UndoToastProps {
    pub lang: Lang,
    pub seq: u64,
    pub name: String,
}

#[component]
pub fn UndoToast(props: &UndoToastProps) -> Html {
    let dispatch = use_dispatch();
    let t = props.lang.texts();
    {
        let dispatch = dispatch.clone();
        use_effect_with(props.seq, move |seq| {
            let seq = *seq;
            let timeout = Timeout::new(UNDO_MS, move || dispatch.dispatch(Action::ForgetUndo(seq)));
            move || drop(timeout)
        });
    }
    let undo = {
        let dispatch = dispatch.clone();
        move |_| dispatch.dispatch(Action::Undo)
    };
    let seq = props.seq;
    let dismiss = move |_| dispatch.dispatch(Action::ForgetUndo(seq));
    html! {
        <div class="toast" role="status" data-testid="undo-toast">
            <span>{ t.deleted }{ " “" }<bdi>{ props.name.clone() }</bdi>{ "”" }</span>
            <button type="button" class="primary" data-testid="undo" onclick={undo}>{ t.undo }</button>
            <button type="button" class="icon" aria-label={t.dismiss} onclick={dismiss}>{ "×" }</button>
        </div>
    }
}
