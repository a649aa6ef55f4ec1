//! The team's strategies for a stage of the deal (the deck's "策略1. 策略2." exercise): one per
//! line, the deal's current stage first, any other stage a choice away; saved as a whole list.
//! A part of the coaching tab, which keeps its state.
use std::rc::Rc;

use yew::prelude::*;

use super::people_edit::value_of;
use crate::domain::deal::MAX_STRATEGY;
use crate::domain::validate::Problem;
use crate::domain::{Deal, Stage};
use crate::i18n::Lang;
use crate::session::Action;
use crate::ui::common::context::Dispatch;
use crate::web::clock;

/// The lines of the editor that count: trimmed, blank ones left out.
fn lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

/// What the editor holds: the stage shown, and the text typed (the coaching tab keeps both).
pub struct Draft {
    pub stage: UseStateHandle<Stage>,
    pub text: UseStateHandle<String>,
}

/// The editor's state for `deal`, starting at its current stage with that stage's strategies.
#[hook]
pub fn use_draft(deal: &Deal) -> Draft {
    let stage = deal.stage;
    let text = deal.strategies(stage).join("\n");
    Draft {
        stage: use_state(|| stage),
        text: use_state(|| text),
    }
}

/// The editor of `deal`'s strategies for the stage of `draft`.
pub fn editor(lang: Lang, deal: &Rc<Deal>, draft: &Draft, dispatch: &Dispatch) -> Html {
    let t = lang.texts();
    let (stage, draft) = (draft.stage.clone(), draft.text.clone());
    let list = lines(&draft);
    let too_long = list.iter().any(|s| s.chars().count() > MAX_STRATEGY);
    let saved = list.as_slice() == deal.strategies(*stage);
    let choose = {
        let (stage, draft, deal) = (stage.clone(), draft.clone(), deal.clone());
        move |e: Event| {
            let code = value_of(&e);
            if let Some(s) = Stage::ALL.into_iter().find(|s| s.code() == code) {
                stage.set(s);
                draft.set(deal.strategies(s).join("\n"));
            }
        }
    };
    let oninput = {
        let draft = draft.clone();
        move |e: InputEvent| draft.set(value_of(&e))
    };
    let submit = {
        let (id, stage) = (deal.id.clone(), *stage);
        let dispatch = dispatch.clone();
        move |e: SubmitEvent| {
            e.prevent_default();
            if !too_long {
                dispatch.dispatch(Action::SetStrategies {
                    id: id.clone(),
                    stage,
                    strategies: list.clone(),
                    now: clock::now(),
                });
            }
        }
    };
    html! {
        <form class="coach-block team-strategies" data-testid="strategies" onsubmit={submit}>
            <h4>{ t.strategies_title }</h4>
            <label for="strategies-stage">{ t.strategies_stage }</label>
            <select id="strategies-stage" data-testid="strategies-stage" onchange={choose}>
                { for Stage::ALL.into_iter().map(|s| {
                    let n = deal.strategies(s).len();
                    let count = if n > 0 { format!(" ({n})") } else { String::new() };
                    html! {
                        <option value={s.code()} selected={s == *stage}>
                            { format!("{} {}{count}", s.code(), lang.stage_name(s)) }
                        </option>
                    }
                }) }
            </select>
            <textarea id="strategies-text" data-testid="strategies-text" rows="4"
                aria-label={t.strategies_title} placeholder={t.strategies_hint}
                value={(*draft).clone()} {oninput} />
            if too_long {
                <p class="field-error" role="alert">{ lang.problem(&Problem::TooLong(MAX_STRATEGY)) }</p>
            }
            <button type="submit" class="primary" data-testid="save-strategies"
                disabled={saved || too_long}>{ t.save_strategies }</button>
        </form>
    }
}
