//! A won deal's bonus pool (项目成功的奖金包分配): the pool and each member's share or amount,
//! exact to the fen, recorded on the deal.
use std::rc::Rc;

use yew::prelude::*;

use crate::domain::money::Currency;
use crate::domain::split::Split;
use crate::domain::Deal;
use crate::i18n::Lang;
use crate::session::Action;
use crate::ui::common::context::Dispatch;
use crate::ui::common::split_editor::SplitEditor;
use crate::web::clock;

/// The bonus pool of a won deal and its editor (a part of the deal dialog, drawn with its
/// dispatcher).
pub fn bonus_panel(lang: Lang, deal: &Rc<Deal>, currency: &Currency, dispatch: Dispatch) -> Html {
    let t = lang.texts();
    let id = deal.id.clone();
    let on_save = {
        let (dispatch, id) = (dispatch.clone(), id.clone());
        Callback::from(move |bonus: Split| {
            dispatch.dispatch(Action::SetBonus {
                id: id.clone(),
                bonus: Some(bonus),
                now: clock::now(),
            })
        })
    };
    let remove = move |_| {
        dispatch.dispatch(Action::SetBonus {
            id: id.clone(),
            bonus: None,
            now: clock::now(),
        })
    };
    let split = deal.bonus.clone().unwrap_or_default();
    // a saved bonus (which moves `updated`) starts the editor afresh
    let key = deal.updated.timestamp_millis().to_string();
    html! {
        <section class="bonus" data-testid="bonus-panel" aria-labelledby="bonus-title">
            <h3 id="bonus-title">{ t.bonus_title }</h3>
            <p class="note">{ if deal.bonus.is_some() { t.bonus_saved } else { t.bonus_none } }</p>
            <SplitEditor {key} {lang} currency={currency.clone()} {split} id="bonus"
                total_label={t.bonus_pool} name_label={t.bonus_member} save_label={t.bonus_save} {on_save} />
            if deal.bonus.is_some() {
                <button type="button" class="ghost small" data-testid="bonus-remove" onclick={remove}>{ t.bonus_remove }</button>
            }
        </section>
    }
}
