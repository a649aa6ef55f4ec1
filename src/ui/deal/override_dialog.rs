//! The refused forward move: what is missing, and the choice to go back to work (the deal's gate
//! checklist) or to move anyway with a reason that stays on the deal. Principle 1: control the
//! process, not the result.
use yew::prelude::*;

use super::missing_list::MissingList;
use crate::domain::method::{content, Method};
use crate::i18n::Lang;
use crate::session::{Action, BlockedMove};
use crate::ui::common::context::use_dispatch;
use crate::ui::common::modal::{on_escape, use_modal};
use crate::ui::common::shared::Shared;
use crate::web::clock;

#[derive(Properties, PartialEq)]
pub struct OverrideDialogProps {
    pub lang: Lang,
    pub blocked: BlockedMove,
    pub deal_name: String,
    pub method: Shared<Method>,
}

#[component]
pub fn OverrideDialog(props: &OverrideDialogProps) -> Html {
    let dispatch = use_dispatch();
    let t = props.lang.texts();
    let lang = props.lang;
    let reason = use_state(String::new);
    let tried = use_state(|| false);
    let dialog = use_modal();
    let back_to_work = {
        let dispatch = dispatch.clone();
        move |_| dispatch.dispatch(Action::BackToWork)
    };
    let oncancel = on_escape(&dispatch, || Action::CancelMove);
    let oninput = {
        let reason = reason.clone();
        move |e: InputEvent| {
            reason.set(
                e.target_unchecked_into::<web_sys::HtmlTextAreaElement>()
                    .value(),
            )
        }
    };
    let confirm = {
        let (reason, tried, blocked) = (reason.clone(), tried.clone(), props.blocked.clone());
        move |e: SubmitEvent| {
            e.prevent_default();
            tried.set(true);
            if !reason.trim().is_empty() {
                dispatch.dispatch(Action::Move {
                    id: blocked.id.clone(),
                    to: blocked.to,
                    reason: (*reason).clone(),
                    now: clock::now(),
                });
            }
        }
    };
    let missing_reason = *tried && reason.trim().is_empty();
    html! {
        <dialog ref={dialog} class="override" data-testid="move-blocked" aria-labelledby="override-title" {oncancel}>
            <form onsubmit={confirm} novalidate=true>
                <header class="editor-head">
                    <h2 id="override-title">{ lang.blocked_title(props.blocked.to) }</h2>
                </header>
                <div class="override-body">
                    <p class="deal-name"><strong>{ props.deal_name.clone() }</strong></p>
                    <p>{ t.blocked_body }</p>
                    <MissingList {lang} method={props.method.clone()} missing={props.blocked.missing.clone()} />
                    <p class="principle">{ format!("“{}”", lang.pick(&content().principles[0])) }</p>
                    <label for="override-reason">{ t.override_reason }</label>
                    <textarea id="override-reason" data-testid="override-reason" rows="3" value={(*reason).clone()} {oninput}
                        aria-invalid={missing_reason.to_string()} aria-describedby={missing_reason.then_some("override-reason-error")} />
                    if missing_reason {
                        <p class="field-error" id="override-reason-error" data-testid="field-error" data-field="reason">{ t.err_required }</p>
                    }
                </div>
                <footer class="editor-actions">
                    <span class="spacer"></span>
                    <button type="button" class="primary" data-testid="cancel-move" onclick={back_to_work}>{ t.back_to_work }</button>
                    <button type="submit" class="danger" data-testid="confirm-override">{ t.confirm_override }</button>
                </footer>
            </form>
        </dialog>
    }
}
