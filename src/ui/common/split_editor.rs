//! Editing a split (a target handed down, a bonus pool): the total, share or amount, one row a
//! part with what it comes to, the remainder shown as it is typed, saved only when it adds up.
use yew::prelude::*;

use crate::domain::money::{Currency, Money};
use crate::domain::split::{Allocation, Part, Split, SplitKind, WHOLE};
use crate::domain::validate::Problem;
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

/// What was typed.
#[derive(Clone, PartialEq)]
struct Typed {
    total: String,
    kind: SplitKind,
    parts: Vec<(String, String)>,
}

impl Typed {
    fn of(split: &Split) -> Typed {
        Typed {
            total: if split.total == Money::ZERO {
                String::new()
            } else {
                split.total.to_input_string()
            },
            kind: split.kind,
            parts: split
                .parts
                .iter()
                .map(|p| (p.name.clone(), p.value_money().to_input_string()))
                .collect(),
        }
    }

    /// The split as typed, or the first problem of each field (the total's under index `None`).
    fn read(&self, lang: Lang, extra: &Split) -> Result<Split, Vec<(Option<usize>, String)>> {
        let t = lang.texts();
        let mut errors = Vec::new();
        let total = Money::parse_input(&self.total).unwrap_or_else(|e| {
            errors.push((None, lang.problem(&Problem::Amount(e))));
            Money::ZERO
        });
        let mut parts = Vec::with_capacity(self.parts.len());
        for (i, (name, value)) in self.parts.iter().enumerate() {
            if name.trim().is_empty() {
                errors.push((Some(i), lang.problem(&Problem::Required)));
                continue;
            }
            match Money::parse_input(value) {
                Ok(m) if self.kind == SplitKind::Share && m.minor() > WHOLE => {
                    errors.push((Some(i), t.split_share_over.to_string()))
                }
                Ok(m) => parts.push(Part {
                    name: name.trim().to_string(),
                    value: m.minor(),
                    extra: extra
                        .parts
                        .get(i)
                        .map(|p| p.extra.clone())
                        .unwrap_or_default(),
                }),
                Err(e) => errors.push((Some(i), lang.problem(&Problem::Amount(e)))),
            }
        }
        if errors.is_empty() {
            Ok(Split {
                total,
                kind: self.kind,
                parts,
                extra: extra.extra.clone(),
            })
        } else {
            Err(errors)
        }
    }
}

#[component]
pub fn SplitEditor(props: &SplitEditorProps) -> Html {
    let lang = props.lang;
    let t = lang.texts();
    let typed = {
        let split = props.split.clone();
        use_state(move || Typed::of(&split))
    };
    let tried = use_state(|| false);
    let read = typed.read(lang, &props.split);
    let allocation = read.as_ref().ok().map(Split::allocate);
    let edit = |change: fn(&mut Typed, String)| {
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
            if let Some(part) = next.parts.get_mut(i) {
                if name {
                    part.0 = value;
                } else {
                    part.1 = value;
                }
            }
            typed.set(next);
        })
    };
    let add = {
        let typed = typed.clone();
        move |_| {
            let mut next = (*typed).clone();
            next.parts.push((String::new(), String::new()));
            typed.set(next);
        }
    };
    let remove = |i: usize| {
        let typed = typed.clone();
        move |_| {
            let mut next = (*typed).clone();
            next.parts.remove(i);
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
            Err(errors) if *tried || at.is_some() => errors
                .iter()
                .find(|(i, _)| *i == at)
                .map(|(_, m)| m.clone()),
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
            typed.set(Typed {
                kind: SplitKind::parse(&value).unwrap_or_default(),
                ..(*typed).clone()
            })
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
                    { for typed.parts.iter().enumerate().map(|(i, (name, value))| {
                        let gets = allocation.as_ref().and_then(|a| a.amounts.get(i)).map(|m| m.format(currency)).unwrap_or_else(|| "—".into());
                        html! {
                            <tr data-testid="split-part">
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
