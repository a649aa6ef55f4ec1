//! Targets handed down (销售任务如何下达): each team target's parts with their share, won and gap,
//! rolled up to the team, and the editor that splits a target by share or amount.
use yew::prelude::*;

use crate::domain::forecast::attainment::ratio_permille;
use crate::domain::split::Split;
use crate::domain::target::{SplitTo, Standing, Target, TargetPeriod};
use crate::i18n::Lang;
use crate::session::{Action, PlanRef};
use crate::ui::common::context::use_dispatch;
use crate::ui::common::split_editor::{split_status, SplitEditor};
use crate::web::clock;

#[derive(Properties, PartialEq)]
pub struct TargetPanelProps {
    pub lang: Lang,
    pub plan: PlanRef,
}

#[component]
pub fn TargetPanel(props: &TargetPanelProps) -> Html {
    let dispatch = use_dispatch();
    let lang = props.lang;
    let t = lang.texts();
    let plan = &props.plan;
    let currency = &plan.currency;
    let year = clock::today().format("%Y").to_string();
    let period = use_state(move || year);
    let to = use_state(SplitTo::default);
    let editing = use_state(|| None::<Target>);
    let error = use_state(|| None::<String>);
    let saved = use_state(|| 0u32);
    let to_label = |to: SplitTo| lang.split_to(to);
    let on_save = {
        let (dispatch, period, to, error, editing, saved) = (
            dispatch.clone(),
            period.clone(),
            to.clone(),
            error.clone(),
            editing.clone(),
            saved.clone(),
        );
        Callback::from(move |split: Split| match TargetPeriod::parse(&period) {
            Some(p) => {
                error.set(None);
                editing.set(None);
                saved.set(*saved + 1);
                dispatch.dispatch(Action::SetTarget {
                    target: Target {
                        period: p,
                        to: *to,
                        split,
                        updated: None,
                    },
                    now: clock::now(),
                });
            }
            None => error.set(Some(lang.texts().target_bad_period.to_string())),
        })
    };
    let standing_row = |s: &Standing, team: bool| {
        html! {
            <tr data-testid={if team { "target-team" } else { "target-part" }} class={classes!(team.then_some("total"))}>
                <th scope="row">{ if team { t.team.to_string() } else { s.name.clone() } }</th>
                <td class="num">{ s.target.format(currency) }</td>
                <td class="num">{ s.won.format(currency) }</td>
                <td class="num" data-testid="target-attainment">{ ratio_permille(s.won, s.target).map(|p| lang.percent_permille(p)).unwrap_or_else(|| "—".into()) }</td>
                <td class="num">{ s.gap().format(currency) }</td>
            </tr>
        }
    };
    let target_table = |target: &Target| {
        let standing = target.standing(plan.deals.iter().map(|d| &**d));
        let a = &standing.allocation;
        let edit = {
            let (editing, period, to, target, saved) = (
                editing.clone(),
                period.clone(),
                to.clone(),
                target.clone(),
                saved.clone(),
            );
            move |_| {
                period.set(target.period.code());
                to.set(target.to);
                editing.set(Some(target.clone()));
                saved.set(*saved + 1);
            }
        };
        let remove = {
            let (dispatch, period, to) = (dispatch.clone(), target.period, target.to);
            move |_| dispatch.dispatch(Action::RemoveTarget { period, to })
        };
        let check = split_status(lang, a, currency);
        html! {
            <div class="target" data-testid="target-standing">
                <h3>{ format!("{} · {} · {}", lang.period(target.period.period()), to_label(target.to), target.split.total.format(currency)) }</h3>
                <div class="table-wrap">
                    <table class="forecast-table">
                        <thead><tr>
                            <th scope="col">{ to_label(target.to) }</th>
                            <th scope="col" class="num">{ t.col_quota }</th>
                            <th scope="col" class="num">{ t.status_won }</th>
                            <th scope="col" class="num">{ t.col_attainment }</th>
                            <th scope="col" class="num">{ t.col_gap }</th>
                        </tr></thead>
                        <tbody>
                            { for standing.parts.iter().map(|s| standing_row(s, false)) }
                            { standing_row(&standing.team, true) }
                        </tbody>
                    </table>
                </div>
                <p class={classes!("note", (!a.is_complete()).then_some("warn"))} data-testid="target-check">{ check }</p>
                <div class="no-print">
                    <button type="button" class="ghost small" data-testid="target-edit" onclick={edit}>{ t.target_edit }</button>
                    <button type="button" class="ghost small" data-testid="target-remove" onclick={remove}>{ t.remove }</button>
                </div>
            </div>
        }
    };
    let start = (*editing).clone().map(|t| t.split).unwrap_or_default();
    // a save or another target to edit starts the editor afresh
    let key = saved.to_string();
    let on_period = {
        let period = period.clone();
        move |e: Event| {
            period.set(
                e.target_unchecked_into::<web_sys::HtmlInputElement>()
                    .value(),
            )
        }
    };
    let on_to = {
        let to = to.clone();
        move |e: Event| {
            let value = e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            to.set(SplitTo::parse(&value).unwrap_or_default())
        }
    };
    html! {
        <div class="targets" data-testid="targets">
            <p class="note">{ t.targets_intro }</p>
            if plan.targets.is_empty() {
                <p class="note">{ t.no_targets }</p>
            }
            { for plan.targets.iter().map(target_table) }
            <div class="target-form no-print">
                <div class="controls">
                    <label class="control" for="target-period"><span>{ t.quota_period }</span>
                        <input id="target-period" data-testid="target-period" type="text" value={(*period).clone()}
                            placeholder={t.target_period_hint} onchange={on_period} />
                    </label>
                    <label class="control" for="target-to"><span>{ t.target_to }</span>
                        <select id="target-to" data-testid="target-to" onchange={on_to}>
                            { for SplitTo::ALL.into_iter().map(|s| html! { <option value={s.code()} selected={*to == s}>{ to_label(s) }</option> }) }
                        </select>
                    </label>
                </div>
                if let Some(message) = &*error {
                    <p class="field-error" role="alert" data-testid="field-error" data-field="target-period">{ message.clone() }</p>
                }
                <SplitEditor {key} {lang} currency={currency.clone()} split={start} id="target"
                    total_label={t.target_amount} name_label={to_label(*to)} save_label={t.target_save} {on_save} />
            </div>
        </div>
    }
}
