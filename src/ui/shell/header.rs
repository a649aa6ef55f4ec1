//! The top bar: brand, plan title, language and view switches, import, export and new deal.
use yew::prelude::*;

use crate::i18n::Lang;
use crate::session::{Action, View};
use crate::ui::common::context::use_dispatch;
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
                if let Some(title) = &props.title {
                    <span class="plan-title" title={title.clone()}>{ title.clone() }</span>
                }
            </div>
            <nav class="tools">
                if !props.blocked && props.has_deals {
                    <div class="segmented" role="group" aria-label={t.view}>
                        { view_button(View::Board, t.view_board, "view-board") }
                        { view_button(View::List, t.view_list, "view-list") }
                        { view_button(View::Forecast, t.view_forecast, "view-forecast") }
                        { view_button(View::Method, t.view_method, "view-method") }
                    </div>
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
