//! The deal's SWOT as four quadrants and the four TWOS strategies drawn from it (SO, ST, WO,
//! WT), saved together.
use std::rc::Rc;

use yew::prelude::*;

use super::people_edit::{send_edit, value_of};
use crate::domain::people::{PeopleEdit, Swot};
use crate::domain::Deal;
use crate::i18n::Lang;
use crate::ui::common::context::use_dispatch;

#[derive(Properties, PartialEq)]
pub struct SwotFormProps {
    pub lang: Lang,
    pub deal: Rc<Deal>,
}

type Field = fn(&mut Swot) -> &mut String;

#[component]
pub fn SwotForm(props: &SwotFormProps) -> Html {
    let dispatch = use_dispatch();
    let lang = props.lang;
    let t = lang.texts();
    let draft = use_state(|| props.deal.people.swot.clone());
    let area = |id: &'static str, label: &'static str, field: Field| {
        let value = field(&mut (*draft).clone()).clone();
        let draft = draft.clone();
        let oninput = move |e: InputEvent| {
            let mut next = (*draft).clone();
            *field(&mut next) = value_of(&e);
            draft.set(next);
        };
        html! {
            <div class="form-field">
                <label for={id}>{ label }</label>
                <textarea {id} data-testid={id} rows="3" {value} {oninput} />
            </div>
        }
    };
    let saved = *draft == props.deal.people.swot;
    let submit = {
        let (dispatch, deal, draft) = (dispatch.clone(), props.deal.clone(), draft.clone());
        move |e: SubmitEvent| {
            e.prevent_default();
            let _ = send_edit(
                &dispatch,
                lang,
                &deal,
                PeopleEdit::SetSwot((*draft).clone()),
            );
        }
    };
    html! {
        <form class="panel-part swot" data-testid="swot" onsubmit={submit} aria-labelledby="swot-title">
            <h3 id="swot-title">{ t.swot_title }</h3>
            <div class="swot-grid">
                { area("swot-s", t.swot_strengths, |s| &mut s.strengths) }
                { area("swot-w", t.swot_weaknesses, |s| &mut s.weaknesses) }
                { area("swot-o", t.swot_opportunities, |s| &mut s.opportunities) }
                { area("swot-t", t.swot_threats, |s| &mut s.threats) }
            </div>
            <div class="swot-grid strategies">
                { area("swot-so", t.swot_so, |s| &mut s.so) }
                { area("swot-st", t.swot_st, |s| &mut s.st) }
                { area("swot-wo", t.swot_wo, |s| &mut s.wo) }
                { area("swot-wt", t.swot_wt, |s| &mut s.wt) }
            </div>
            <button type="submit" class="primary" data-testid="save-swot" disabled={saved}>{ t.save_swot }</button>
        </form>
    }
}
