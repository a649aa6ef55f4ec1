//! An edit saved on an older version of a deal than the one stored now: the fields that differ,
//! the saved version beside what was typed, and the choice between them.
use std::rc::Rc;

use yew::prelude::*;

use crate::domain::deal::DealFields;
use crate::domain::import::differences;
use crate::domain::method::Method;
use crate::domain::{Currency, Deal};
use crate::i18n::{Lang, Shown};
use crate::session::Action;
use crate::ui::common::context::use_dispatch;
use crate::ui::common::modal::{on_escape, use_modal};
use crate::ui::common::shared::Shared;
use crate::web::clock;

#[derive(Properties, PartialEq)]
pub struct ConflictDialogProps {
    pub lang: Lang,
    pub fields: Rc<DealFields>,
    pub theirs: Rc<Deal>,
    pub method: Shared<Method>,
    pub currency: Currency,
}

#[component]
pub fn ConflictDialog(props: &ConflictDialogProps) -> Html {
    let dispatch = use_dispatch();
    let lang = props.lang;
    let t = lang.texts();
    let dialog = use_modal();
    let oncancel = on_escape(&dispatch, || Action::CloseDialog);
    let mut mine = (*props.theirs).clone();
    mine.apply((*props.fields).clone(), props.theirs.updated);
    let changes: Vec<_> = differences(&props.theirs, &mine)
        .into_iter()
        .filter(|c| c.field != crate::domain::deal::Field::Updated)
        .collect();
    let name = |id: &str| {
        props
            .method
            .find_item(&crate::domain::method::GateId(id.to_string()))
            .map(|(_, item)| lang.pick(&item.text).to_string())
    };
    let shown = Shown {
        currency: &props.currency,
        local: &clock::local_time,
        name: &name,
    };
    let choose = |keep_mine: bool| {
        let dispatch = dispatch.clone();
        move |_| {
            dispatch.dispatch(Action::ResolveEdit {
                keep_mine,
                now: clock::now(),
            })
        }
    };
    html! {
        <dialog ref={dialog} class="override conflict" data-testid="edit-conflict" aria-labelledby="conflict-title" {oncancel}>
            <header class="editor-head"><h2 id="conflict-title">{ t.conflict_title }</h2></header>
            <div class="override-body">
                <p class="deal-name"><strong><bdi>{ props.theirs.name.clone() }</bdi></strong></p>
                <p>{ t.conflict_intro }</p>
                <table class="changes">
                    <thead><tr><th scope="col">{ t.import_field }</th><th scope="col">{ t.conflict_theirs }</th><th scope="col">{ t.conflict_mine }</th></tr></thead>
                    <tbody>
                        { for changes.iter().map(|c| html! {
                            <tr data-field={c.field.key()}>
                                <th scope="row">{ lang.field_label(c.field) }</th>
                                <td><bdi>{ lang.field_value(&c.mine, &shown) }</bdi></td>
                                <td><bdi>{ lang.field_value(&c.theirs, &shown) }</bdi></td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
            <footer class="editor-actions">
                <span class="spacer"></span>
                <button type="button" data-testid="conflict-take-theirs" onclick={choose(false)}>{ t.conflict_take_theirs }</button>
                <button type="button" class="primary" data-testid="conflict-keep-mine" onclick={choose(true)}>{ t.conflict_keep_mine }</button>
            </footer>
        </dialog>
    }
}
