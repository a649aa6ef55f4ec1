//! A won deal's bonus pool (项目成功的奖金包分配): the pool and each member's share or amount,
//! exact to the fen, recorded on the deal.
use std::rc::Rc;

use yew::prelude::*;

use crate::domain::money::Currency;
use crate::domain::split::Split;
use crate::domain::Deal;
use crate::i18n::Lang;
use crate::session::Action;
use crate::ui::common::context::use_dispatch;
use crate::ui::common::split_editor::SplitEditor;
use crate::web::clock;

#[derive(Properties, PartialEq)]
pub struct BonusPanelProps {
    pub lang: Lang,
    pub deal: Rc<Deal>,
    pub currency: Currency,
}

#[component]
pub fn BonusPanel(props: &BonusPanelProps) -> Html {
    let dispatch = use_dispatch();
    let t = props.lang.texts();
    let id = props.deal.id.clone();
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
    let split = props.deal.bonus.clone().unwrap_or_default();
    // a saved bonus starts the editor afresh
    let key = format!("{:?}", props.deal.bonus);
    let names = props
        .deal
        .people
        .contacts
        .iter()
        .map(|c| c.owner.clone())
        .chain(std::iter::once(props.deal.owner.clone()))
        .filter(|n| !n.is_empty())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect::<Vec<_>>();
    html! {
        <section class="bonus" data-testid="bonus-panel" aria-labelledby="bonus-title">
            <h3 id="bonus-title">{ t.bonus_title }</h3>
            <p class="note">{ if props.deal.bonus.is_some() { t.bonus_saved } else { t.bonus_none } }</p>
            <SplitEditor {key} lang={props.lang} currency={props.currency.clone()} {split} {names} id="bonus"
                total_label={t.bonus_pool} name_label={t.bonus_member} save_label={t.bonus_save} {on_save} />
            if props.deal.bonus.is_some() {
                <button type="button" class="ghost small" data-testid="bonus-remove" onclick={remove}>{ t.bonus_remove }</button>
            }
        </section>
    }
}
