//! Choose a stage and move there; a forward move past unmet gates opens the override dialog.
use yew::prelude::*;

use crate::domain::{DealId, Stage};
use crate::i18n::Lang;
use crate::session::Action;
use crate::ui::common::context::use_dispatch;
use crate::ui::common::focus;
use crate::web::clock;

#[derive(Properties, PartialEq)]
pub struct MoveControlProps {
    pub lang: Lang,
    pub id: DealId,
    pub stage: Stage,
}

#[component]
pub fn MoveControl(props: &MoveControlProps) -> Html {
    let dispatch = use_dispatch();
    let t = props.lang.texts();
    let target = use_state(|| props.stage);
    let onchange = {
        let target = target.clone();
        move |e: Event| {
            let value = e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            if let Some(stage) = Stage::parse(&value) {
                target.set(stage);
            }
        }
    };
    let go = {
        let (id, target) = (props.id.clone(), target.clone());
        move |_| {
            dispatch.dispatch(Action::Move {
                id: id.clone(),
                to: *target,
                reason: String::new(),
                now: clock::now(),
            });
            // the control is drawn anew for the new stage: the focus stays on its list
            focus::soon("#deal-move-to");
        }
    };
    html! {
        <div class="move-control">
            <label for="deal-move-to">{ t.move_to }</label>
            <select id="deal-move-to" data-testid="move-to" {onchange}>
                { for Stage::ALL.iter().map(|s| html! {
                    <option value={s.code()} selected={*target == *s}>
                        { format!("{} {}", s.code(), props.lang.stage_name(*s)) }
                        { if *s == props.stage { format!(" · {}", t.current) } else { String::new() } }
                    </option>
                }) }
            </select>
            <button type="button" data-testid="move-deal" disabled={*target == props.stage} onclick={go}>{ t.move_button }</button>
        </div>
    }
}
