//! The top bar: brand, plan title, language and view switches, import, export and new deal.
use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::domain::plan::MAX_TITLE;
use crate::i18n::Lang;
use crate::session::{Action, View};
use crate::ui::common::context::{use_dispatch, Dispatch};
use crate::ui::common::store::use_store;
use crate::web::clock;
use crate::web::files::files_of;

#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    pub lang: Lang,
    pub view: View,
    pub title: Option<String>,
    pub has_deals: bool,
    pub blocked: bool,
}

#[component]
pub fn Header(props: &HeaderProps) -> Html {
    let dispatch = use_dispatch();
    let store = use_store();
    let t = props.lang.texts();
    let title_edit = use_title_edit();

    let lang_button = |lang: Lang| {
        let dispatch = dispatch.clone();
        let pressed = props.lang == lang;
        html! {
            <button type="button" class="seg" aria-pressed={pressed.to_string()}
                data-testid={format!("lang-{}", lang.code())} lang={lang.tag()}
                onclick={move |_| dispatch.dispatch(Action::SetLang(lang))}>{ lang.own_name() }</button>
        }
    };
    let view_button = |view: View, label: &'static str, testid: &'static str| {
        let dispatch = dispatch.clone();
        html! {
            <button type="button" class="seg" aria-pressed={(props.view == view).to_string()} data-testid={testid}
                onclick={move |_| dispatch.dispatch(Action::SetView(view))}>{ label }</button>
        }
    };
    let new_deal = {
        let dispatch = dispatch.clone();
        move |_| dispatch.dispatch(Action::NewDeal(clock::new_deal_id()))
    };
    let export = {
        let dispatch = dispatch.clone();
        move |_| dispatch.dispatch(Action::OpenExport)
    };
    let picker = use_node_ref();
    let pick = {
        let picker = picker.clone();
        move |_| {
            if let Some(input) = picker.cast::<web_sys::HtmlInputElement>() {
                input.click();
            }
        }
    };
    let picked = move |e: Event| {
        let input = e.target_unchecked_into::<web_sys::HtmlInputElement>();
        let chosen = input
            .files()
            .map(|list| files_of(&list))
            .unwrap_or_default();
        store.read_files(chosen);
        input.set_value("");
    };

    html! {
        <header class="topbar">
            <div class="brand">
                <span class="logo" aria-hidden="true">{ "◆" }</span>
                <span class="name">{ "keyplan" }</span>
                <span class="tagline">{ t.app_tagline }</span>
                if props.has_deals || props.title.is_some() {
                    { title_editor(props.lang, props.title.as_deref(), &title_edit, &dispatch) }
                }
            </div>
            <nav class="tools">
                if !props.blocked && props.has_deals {
                    <div class="segmented" role="group" aria-label={t.view}>
                        { view_button(View::Board, t.view_board, "view-board") }
                        { view_button(View::List, t.view_list, "view-list") }
                        { view_button(View::Forecast, t.view_forecast, "view-forecast") }
                        { view_button(View::Method, t.view_method, "view-method") }
                        { view_button(View::Workshop, t.view_workshop, "view-workshop") }
                    </div>
                } else if !props.blocked {
                    { view_button(View::Workshop, t.view_workshop, "view-workshop") }
                }
                <div class="segmented" role="group" aria-label={t.language}>
                    { for Lang::ALL.into_iter().map(lang_button) }
                </div>
                if !props.blocked {
                    <button type="button" class="ghost" data-testid="import-plan" onclick={pick}>{ t.import }</button>
                    <input type="file" ref={picker} class="sr-only" tabindex="-1" aria-hidden="true" data-testid="import-input"
                        multiple=true accept=".json,application/json" onchange={picked} />
                    if props.has_deals {
                        <button type="button" class="ghost" data-testid="export-plan" onclick={export}>{ t.export_plan }</button>
                    }
                    <button type="button" class="primary" data-testid="new-deal" onclick={new_deal}>{ "+ " }{ t.new_deal }</button>
                }
            </nav>
        </header>
    }
}

/// The title editor's state: whether the box is open, the box, and whether this edit is over
/// (Enter, Esc or leaving the box, whichever comes first).
pub struct TitleEdit {
    editing: UseStateHandle<bool>,
    input: NodeRef,
    done: Rc<RefCell<bool>>,
}

#[hook]
fn use_title_edit() -> TitleEdit {
    let editing = use_state(|| false);
    let input = use_node_ref();
    let done = use_mut_ref(|| false);
    {
        let input = input.clone();
        use_effect_with(*editing, move |editing| {
            if let Some(input) = input
                .cast::<web_sys::HtmlInputElement>()
                .filter(|_| *editing)
            {
                let _ = input.focus();
                input.select();
            }
        });
    }
    TitleEdit {
        editing,
        input,
        done,
    }
}

/// The plan's title, a button that turns into a text box to rename the plan: Enter (or leaving
/// the box) saves, Esc cancels, an empty title removes it.
fn title_editor(lang: Lang, title: Option<&str>, edit: &TitleEdit, dispatch: &Dispatch) -> Html {
    let t = lang.texts();
    let TitleEdit {
        editing,
        input,
        done,
    } = edit;
    if !**editing {
        let start = {
            let (editing, done) = (editing.clone(), done.clone());
            move |_| {
                *done.borrow_mut() = false;
                editing.set(true);
            }
        };
        return html! {
            <button type="button" class={classes!("plan-title", title.is_none().then_some("untitled"))}
                data-testid="plan-title" title={t.title_rename} onclick={start}>
                { title.unwrap_or(t.title_untitled) }
            </button>
        };
    }
    let finish = {
        let (editing, input, done, dispatch) = (
            editing.clone(),
            input.clone(),
            done.clone(),
            dispatch.clone(),
        );
        move |save: bool| {
            if std::mem::replace(&mut *done.borrow_mut(), true) {
                return;
            }
            if let Some(box_) = input.cast::<web_sys::HtmlInputElement>().filter(|_| save) {
                dispatch.dispatch(Action::SetTitle(box_.value()));
            }
            editing.set(false);
        }
    };
    let onkeydown = {
        let finish = finish.clone();
        move |e: KeyboardEvent| match e.key().as_str() {
            "Enter" => finish(true),
            "Escape" => finish(false),
            _ => {}
        }
    };
    html! {
        <input ref={input.clone()} class="plan-title" data-testid="plan-title-input" aria-label={t.title_rename}
            value={title.unwrap_or_default().to_string()} maxlength={MAX_TITLE.to_string()}
            {onkeydown} onblur={move |_| finish(true)} />
    }
}
