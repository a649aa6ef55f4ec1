//! Adapting the method: stage probabilities, stale limits, and each stage's gate items —
//! add, edit, reorder, retire, restore, whether a tick needs evidence, the map test it is linked
//! to — the rules about people, and a reset to the default method.
use yew::prelude::*;

use super::people_rules::PeopleRulesEditor;
use crate::domain::method::edit::MethodError;
use crate::domain::method::{content, GateId, GateItem, MapRule, Method, Text};
use crate::domain::Stage;
use crate::i18n::Lang;
use crate::session::{Action, MethodEdit};
use crate::ui::common::context::use_dispatch;
use crate::ui::common::shared::Shared;

#[derive(Properties, PartialEq)]
pub struct MethodEditorProps {
    pub lang: Lang,
    pub method: Shared<Method>,
    pub error: Option<MethodError>,
}

#[component]
pub fn MethodEditor(props: &MethodEditorProps) -> Html {
    let dispatch = use_dispatch();
    let t = props.lang.texts();
    let confirming = use_state(|| false);
    let customised = *props.method != Method::default();
    let reset = {
        let (dispatch, confirming) = (dispatch.clone(), confirming.clone());
        move |_| {
            if *confirming {
                dispatch.dispatch(Action::EditMethod(MethodEdit::Reset));
                confirming.set(false);
            } else {
                confirming.set(true);
            }
        }
    };
    html! {
        <section class="method" data-testid="method-view" aria-labelledby="method-title">
            <header class="method-head">
                <div>
                    <h1 id="method-title">{ t.method_title }</h1>
                    <p>{ t.method_intro }</p>
                    <p class="principle">{ format!("“{}”", props.lang.pick(&content().principles[3])) }</p>
                </div>
                <div class="method-status">
                    <span class={classes!("badge", customised.then_some("custom"))} data-testid="method-status">
                        { if customised { t.method_custom } else { t.method_default } }
                    </span>
                    <button type="button" class={classes!(confirming.then_some("danger"))} data-testid="reset-method"
                        disabled={!customised} onclick={reset}>
                        { if *confirming { t.reset_confirm } else { t.reset_method } }
                    </button>
                </div>
            </header>
            if let Some(error) = &props.error {
                <p class="form-alert" role="alert" data-testid="method-error">{ props.lang.method_error(error) }</p>
            }
            <div class="method-stages">
                <PeopleRulesEditor lang={props.lang} rules={props.method.people.clone()} />
                { for Stage::ALL.iter().map(|&stage| html! {
                    <MethodStage key={stage.index()} lang={props.lang} method={props.method.clone()} {stage} />
                }) }
            </div>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct MethodStageProps {
    lang: Lang,
    method: Shared<Method>,
    stage: Stage,
}

#[component]
fn MethodStage(props: &MethodStageProps) -> Html {
    let dispatch = use_dispatch();
    let t = props.lang.texts();
    let stage = props.stage;
    let rules = props.method.rules(stage);
    let draft = use_state(String::new);
    let number = |make: fn(Stage, u32) -> MethodEdit| {
        let dispatch = dispatch.clone();
        move |e: Event| {
            let value = e
                .target_unchecked_into::<web_sys::HtmlInputElement>()
                .value();
            let parsed = value.trim().parse::<u32>().unwrap_or(u32::MAX);
            dispatch.dispatch(Action::EditMethod(make(stage, parsed)));
        }
    };
    let add = {
        let (dispatch, draft, lang) = (dispatch.clone(), draft.clone(), props.lang);
        move |e: SubmitEvent| {
            e.prevent_default();
            let text = match lang {
                Lang::Zh => Text {
                    zh: (*draft).clone(),
                    en: String::new(),
                },
                Lang::En => Text {
                    zh: String::new(),
                    en: (*draft).clone(),
                },
            };
            dispatch.dispatch(Action::EditMethod(MethodEdit::Add(stage, text)));
            draft.set(String::new());
        }
    };
    let prob_id = format!("prob-{}", stage.code());
    let stale_id = format!("stale-{}", stage.code());
    let add_id = format!("add-{}", stage.code());
    html! {
        <section class="method-stage" data-testid="method-stage" data-stage={stage.code()}>
            <h2><span class="code">{ stage.code() }</span>{ " " }{ props.lang.stage_name(stage) }</h2>
            <div class="method-numbers">
                <label for={prob_id.clone()}>{ t.probability }</label>
                <span class="with-unit">
                    <input id={prob_id} type="number" min="0" max="100" step="1" data-testid="method-probability"
                        value={rules.probability.to_string()} onchange={number(MethodEdit::Probability)} />
                    <span class="unit">{ "%" }</span>
                </span>
                <label for={stale_id.clone()}>{ t.stale_limit }</label>
                <span class="with-unit">
                    <input id={stale_id} type="number" min="1" max="365" step="1" data-testid="method-stale"
                        value={rules.stale_days.to_string()} onchange={number(MethodEdit::StaleDays)} />
                    <span class="unit">{ t.days }</span>
                </span>
            </div>
            <h3>{ t.tab_gates }</h3>
            <ol class="method-items">
                { for rules.gate.iter().enumerate().map(|(i, item)| html! {
                    <MethodItem key={item.id.as_str().to_string()} lang={props.lang} item={item.clone()}
                        first={i == 0} last={i + 1 == rules.gate.len()} />
                }) }
            </ol>
            <form class="add-item" onsubmit={add}>
                <label class="sr-only" for={add_id.clone()}>{ t.add_item }</label>
                <input id={add_id} type="text" data-testid="method-new-item" placeholder={t.add_item_placeholder}
                    value={(*draft).clone()}
                    oninput={let draft = draft.clone(); move |e: InputEvent| draft.set(e.target_unchecked_into::<web_sys::HtmlInputElement>().value())} />
                <button type="submit" data-testid="method-add-item" disabled={draft.trim().is_empty()}>{ t.add_item }</button>
            </form>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct MethodItemProps {
    lang: Lang,
    item: GateItem,
    first: bool,
    last: bool,
}

#[component]
fn MethodItem(props: &MethodItemProps) -> Html {
    let dispatch = use_dispatch();
    let t = props.lang.texts();
    let editing = use_state(|| None::<Text>);
    let id: GateId = props.item.id.clone();
    let send = |edit: MethodEdit| {
        let dispatch = dispatch.clone();
        move |_: MouseEvent| dispatch.dispatch(Action::EditMethod(edit.clone()))
    };
    let body = match &*editing {
        Some(draft) => {
            let set = |zh: bool| {
                let editing = editing.clone();
                move |e: InputEvent| {
                    let value = e
                        .target_unchecked_into::<web_sys::HtmlInputElement>()
                        .value();
                    if let Some(mut d) = (*editing).clone() {
                        if zh {
                            d.zh = value
                        } else {
                            d.en = value
                        }
                        editing.set(Some(d));
                    }
                }
            };
            let save = {
                let (dispatch, editing, id, draft) =
                    (dispatch.clone(), editing.clone(), id.clone(), draft.clone());
                move |e: SubmitEvent| {
                    e.prevent_default();
                    dispatch.dispatch(Action::EditMethod(MethodEdit::Edit(
                        id.clone(),
                        draft.clone(),
                    )));
                    editing.set(None);
                }
            };
            let zh_id = format!("edit-{}-zh", id.as_str());
            let en_id = format!("edit-{}-en", id.as_str());
            html! {
                <form class="item-edit" onsubmit={save}>
                    <label for={zh_id.clone()}>{ t.text_zh }</label>
                    <input id={zh_id} type="text" value={draft.zh.clone()} oninput={set(true)} lang="zh-CN" />
                    <label for={en_id.clone()}>{ t.text_en }</label>
                    <input id={en_id} type="text" value={draft.en.clone()} oninput={set(false)} lang="en" />
                    <div class="item-actions">
                        <button type="submit" class="primary">{ t.save }</button>
                        <button type="button" onclick={let editing = editing.clone(); move |_| editing.set(None)}>{ t.cancel }</button>
                    </div>
                </form>
            }
        }
        None => html! {
            <>
                <span class="item-text">{ props.lang.pick(&props.item.text) }</span>
                if props.item.ours { <span class="tag" title={t.ours_hint}>{ t.ours }</span> }
                if props.item.retired { <span class="tag">{ t.retired }</span> }
                <span class="item-actions">
                    <button type="button" class="icon-btn" aria-label={t.move_up} title={t.move_up} disabled={props.first}
                        onclick={send(MethodEdit::Move(id.clone(), true))}>{ "↑" }</button>
                    <button type="button" class="icon-btn" aria-label={t.move_down} title={t.move_down} disabled={props.last}
                        onclick={send(MethodEdit::Move(id.clone(), false))}>{ "↓" }</button>
                    <button type="button" data-testid="method-edit-item"
                        onclick={let (editing, text) = (editing.clone(), props.item.text.clone()); move |_| editing.set(Some(text.clone()))}>
                        { t.edit }
                    </button>
                    <button type="button" data-testid="method-retire" onclick={send(MethodEdit::Retire(id.clone(), !props.item.retired))}>
                        { if props.item.retired { t.restore } else { t.retire } }
                    </button>
                </span>
                <span class="item-settings">
                    <label>
                        <input type="checkbox" data-testid="method-evidence" checked={props.item.evidence}
                            onchange={let (dispatch, id, on) = (dispatch.clone(), id.clone(), !props.item.evidence);
                                move |_| dispatch.dispatch(Action::EditMethod(MethodEdit::Evidence(id.clone(), on)))} />
                        { " " }{ t.needs_evidence }
                    </label>
                    <label>
                        { t.map_rule }{ props.lang.colon() }
                        <select data-testid="method-map-rule" onchange={let (dispatch, id) = (dispatch.clone(), id.clone());
                            move |e: Event| {
                                let code = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
                                dispatch.dispatch(Action::EditMethod(MethodEdit::MapRule(id.clone(), MapRule::parse(&code))));
                            }}>
                            <option value="" selected={props.item.map.is_none()}>{ t.map_rule_none }</option>
                            { for MapRule::ALL.into_iter().map(|r| html! {
                                <option value={r.code()} selected={props.item.map == Some(r)}>{ props.lang.map_rule(r) }</option>
                            }) }
                        </select>
                    </label>
                </span>
            </>
        },
    };
    html! {
        <li class={classes!("method-item", props.item.retired.then_some("retired"))} data-testid="method-item"
            data-item={id.as_str().to_string()}>{ body }</li>
    }
}
