//! Editing a split (a target handed down, a bonus pool): the total, share or amount, one row a
//! part with what it comes to, the remainder shown as it is typed, saved only when it adds up.
use yew::prelude::*;

use crate::domain::money::{Currency, Money};
use crate::domain::split::{Allocation, Split, SplitKind};
use crate::domain::split_draft::{DraftError, SplitDraft};
use crate::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct SplitEditorProps {
    pub lang: Lang,
    pub currency: Currency,
    /// What the editor starts from.
    pub split: Split,
    /// The total's label (团队任务, 奖金总额).
    pub total_label: AttrValue,
    /// The parts' label (负责人, 成员 …).
    pub name_label: AttrValue,
    /// The editor's `data-testid` (its parts' are the same in every editor).
    pub id: AttrValue,
    pub save_label: AttrValue,
    pub on_save: Callback<Split>,
}

#[component]
pub fn SplitEditor(props: &SplitEditorProps) -> Html {
    let lang = props.lang;
    let t = lang.texts();
    let typed = {
        let split = props.split.clone();
        use_state(move || SplitDraft::of(&split))
    };
    let tried = use_state(|| false);
    let read = typed.read();
    let allocation = read.as_ref().ok().map(Split::allocate);
    let edit = |change: fn(&mut SplitDraft, String)| {
        let typed = typed.clone();
        Callback::from(move |e: Event| {
            let value = e
                .target_unchecked_into::<web_sys::HtmlInputElement>()
                .value();
            let mut next = (*typed).clone();
            change(&mut next, value);
            typed.set(next);
        })
    };
    let edit_part = |i: usize, name: bool| {
        let typed = typed.clone();
        Callback::from(move |e: Event| {
            let value = e
                .target_unchecked_into::<web_sys::HtmlInputElement>()
                .value();
            let mut next = (*typed).clone();
            if let Some(row) = next.rows.get_mut(i) {
                if name {
                    row.name = value;
                } else {
                    row.value = value;
                }
            }
            typed.set(next);
        })
    };
    let add = {
        let typed = typed.clone();
        move |_| {
            let mut next = (*typed).clone();
            next.add_row();
            typed.set(next);
        }
    };
    let remove = |i: usize| {
        let typed = typed.clone();
        move |_| {
            let mut next = (*typed).clone();
            next.remove_row(i);
            typed.set(next);
        }
    };
    let save = {
        let (read, on_save, tried) = (read.clone(), props.on_save.clone(), tried.clone());
        move |e: SubmitEvent| {
            e.prevent_default();
            match &read {
                Ok(split) if split.allocate().is_complete() => {
                    tried.set(false);
                    on_save.emit(split.clone());
                }
                _ => tried.set(true),
            }
        }
    };
    let error_of = |at: Option<usize>| -> Option<String> {
        match &read {
            Err(errors) if *tried || at.is_some() => {
                errors.iter().find(|(i, _)| *i == at).map(|(_, e)| match e {
                    DraftError::Field(p) => lang.problem(p),
                    DraftError::ShareOver100 => t.split_share_over.to_string(),
                })
            }
            _ => None,
        }
    };
    let currency = &props.currency;
    let on_kind = {
        let typed = typed.clone();
        move |e: Event| {
            let value = e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            let mut next = (*typed).clone();
            next.kind = SplitKind::parse(&value).unwrap_or_default();
            typed.set(next);
        }
    };
    let value_label = match typed.kind {
        SplitKind::Share => t.split_share,
        SplitKind::Amount => t.split_amount,
    };
    let status = allocation
        .as_ref()
        .map(|a| (a.is_complete(), split_status(lang, a, currency)));
    let incomplete = status.as_ref().is_some_and(|(complete, _)| !complete);
    html! {
        <form class="split-editor" data-testid={props.id.clone()} onsubmit={save} novalidate=true>
            <div class="split-head">
                <label>{ props.total_label.clone() }
                <input data-testid="split-total" type="text" inputmode="decimal"
                    value={typed.total.clone()} onchange={edit(|t, v| t.total = v)} /></label>
                <select data-testid="split-by" aria-label={t.split_by} onchange={on_kind}>
                    <option value="share" selected={typed.kind == SplitKind::Share}>{ t.split_by_share }</option>
                    <option value="amount" selected={typed.kind == SplitKind::Amount}>{ t.split_by_amount }</option>
                </select>
            </div>
            if let Some(message) = error_of(None) {
                <p class="field-error" role="alert" data-testid="field-error" data-field="split-total">{ message }</p>
            }
            <table class="split-parts">
                <thead><tr>
                    <th scope="col">{ props.name_label.clone() }</th>
                    <th scope="col" class="num">{ value_label }</th>
                    <th scope="col" class="num">{ t.split_gets }</th>
                    <th></th>
                </tr></thead>
                <tbody>
                    { for typed.rows.iter().enumerate().map(|(i, row)| {
                        let gets = allocation.as_ref().and_then(|a| a.amounts.get(i)).map(|m| m.format(currency)).unwrap_or_else(|| "—".into());
                        let (name, value) = (&row.name, &row.value);
                        html! {
                            <tr key={row.key} data-testid="split-part">
                                <td><input type="text" data-testid="split-name" aria-label={props.name_label.clone()}
                                    value={name.clone()} onchange={edit_part(i, true)} /></td>
                                <td class="num"><input type="text" inputmode="decimal" data-testid="split-value" aria-label={value_label}
                                    value={value.clone()} onchange={edit_part(i, false)} />
                                    if let Some(message) = error_of(Some(i)) {
                                        <p class="field-error" data-testid="field-error" data-field="split-part">{ message }</p>
                                    }
                                </td>
                                <td class="num" data-testid="split-gets">{ gets }</td>
                                <td><button type="button" class="ghost small" onclick={remove(i)}>{ t.remove }</button></td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
            <div class="split-foot">
                <button type="button" class="ghost small" data-testid="split-add" onclick={add}>{ t.split_add }</button>
                if let Some((complete, words)) = status {
                    <span class={classes!("split-status", (!complete).then_some("warn"))} data-testid="split-remainder" aria-live="polite">
                        { words }
                    </span>
                }
                <button type="submit" data-testid="split-save">{ props.save_label.clone() }</button>
            </div>
            if *tried && incomplete {
                <p class="field-error" role="alert" data-testid="field-error" data-field="split-sum">{ t.split_must_add_up }</p>
            }
            <p class="note">{ t.split_rule }</p>
        </form>
    }
}

/// How a split stands, in words: the shares' sum, what is left (or too much), or that it adds up.
pub fn split_status(lang: Lang, a: &Allocation, currency: &Currency) -> String {
    let t = lang.texts();
    let colon = lang.colon();
    let mut words = Vec::new();
    if let Some(sum) = a.share_sum {
        words.push(format!(
            "{}{colon}{} %",
            t.split_share_sum,
            Split::share_text(sum)
        ));
    }
    let (label, amount) = if a.remainder.is_negative() {
        (t.split_over, Money::ZERO - a.remainder)
    } else {
        (t.split_remainder, a.remainder)
    };
    words.push(format!("{label}{colon}{}", amount.format(currency)));
    if a.is_complete() {
        words.push(t.split_complete.to_string());
    }
    words.join(" · ")
}
