//! Quotas: attainment, gap and coverage per owner and for the team, and a form to set them.
use yew::prelude::*;

use crate::domain::filter::{Dimension, Filter};
use crate::domain::forecast::attainment::{attainments, Attainment};
use crate::domain::period::Granularity;
use crate::domain::quota::QuotaPeriod;
use crate::domain::validate::Problem;
use crate::domain::weighting::Basis;
use crate::domain::Money;
use crate::i18n::Lang;
use crate::session::{Action, PlanRef};
use crate::ui::common::context::use_dispatch;
use crate::web::clock;

#[derive(Properties, PartialEq)]
pub struct QuotaPanelProps {
    pub lang: Lang,
    pub plan: PlanRef,
    pub basis: Basis,
    pub filter: Filter,
}

#[component]
pub fn QuotaPanel(props: &QuotaPanelProps) -> Html {
    let dispatch = use_dispatch();
    let lang = props.lang;
    let t = lang.texts();
    let currency = &props.plan.currency;
    let owner = {
        let filtered = props
            .filter
            .value(Dimension::Owner)
            .unwrap_or_default()
            .to_string();
        use_state(move || filtered)
    };
    let period = use_state(|| Granularity::Quarter.period_of(clock::today()).code());
    let amount = use_state(String::new);
    let error = use_state(|| None::<String>);
    let list = attainments(&props.plan, props.basis, &props.filter);

    let mut owners: Vec<&str> = props
        .plan
        .deals
        .iter()
        .map(|d| d.owner.as_str())
        .filter(|o| !o.is_empty())
        .collect();
    owners.sort_unstable();
    owners.dedup();

    let text_input = |state: &UseStateHandle<String>| {
        let state = state.clone();
        Callback::from(move |e: Event| {
            state.set(
                e.target_unchecked_into::<web_sys::HtmlInputElement>()
                    .value(),
            )
        })
    };
    let submit = {
        let (dispatch, owner, period, amount, error) = (
            dispatch.clone(),
            owner.clone(),
            period.clone(),
            amount.clone(),
            error.clone(),
        );
        move |e: SubmitEvent| {
            e.prevent_default();
            let Some(p) = QuotaPeriod::parse(&period) else {
                error.set(Some(lang.texts().quota_bad_period.to_string()));
                return;
            };
            match Money::parse_input(&amount) {
                Ok(m) => {
                    error.set(None);
                    let who = (!owner.is_empty()).then(|| (*owner).clone());
                    dispatch.dispatch(Action::SetQuota {
                        owner: who,
                        period: p,
                        amount: m,
                    });
                    amount.set(String::new());
                }
                Err(e) => error.set(Some(lang.problem(&Problem::Amount(e)))),
            }
        }
    };
    let row = |a: &Attainment| {
        let remove = {
            let (dispatch, owner, period) = (
                dispatch.clone(),
                a.owner.clone(),
                QuotaPeriod::new(a.period),
            );
            move |_| {
                if let Some(period) = period {
                    dispatch.dispatch(Action::SetQuota {
                        owner: owner.clone(),
                        period,
                        amount: Money::ZERO,
                    })
                }
            }
        };
        html! {
            <tr data-testid="quota-row">
                <th scope="row">
                    if let Some(owner) = &a.owner { <span class="clamp" title={owner.clone()}>{ owner.clone() }</span> } else { { t.team } }
                </th>
                <td>{ lang.period(a.period) }</td>
                <td class="num">{ a.quota.format(currency) }</td>
                <td class="num">{ a.won.format(currency) }</td>
                <td class="num" data-testid="attainment">{ a.attainment_permille().map(|p| lang.percent_permille(p)).unwrap_or_else(|| "—".into()) }</td>
                <td class="num">{ a.gap().format(currency) }</td>
                <td class="num">{ a.open_weighted.format(currency) }</td>
                <td class="num" data-testid="coverage">{ a.coverage_permille().map(|p| lang.times_permille(p)).unwrap_or_else(|| "—".into()) }</td>
                <td class="no-print"><button type="button" class="ghost small" onclick={remove}>{ t.remove }</button></td>
            </tr>
        }
    };
    html! {
        <div class="quotas" data-testid="quotas">
            if props.filter.quota_owner().is_none() {
                <p class="note" data-testid="quotas-filtered">{ t.quotas_filtered }</p>
            } else if list.is_empty() {
                <p class="note">{ t.no_quotas }</p>
            } else {
                <div class="table-wrap">
                    <table class="forecast-table">
                        <thead>
                            <tr>
                                <th scope="col">{ t.field_owner }</th>
                                <th scope="col">{ t.quota_period }</th>
                                <th scope="col" class="num">{ t.col_quota }</th>
                                <th scope="col" class="num">{ t.status_won }</th>
                                <th scope="col" class="num">{ t.col_attainment }</th>
                                <th scope="col" class="num">{ t.col_gap }</th>
                                <th scope="col" class="num">{ t.col_weighted_open }</th>
                                <th scope="col" class="num">{ t.col_coverage }</th>
                                <th class="no-print"></th>
                            </tr>
                        </thead>
                        <tbody>{ for list.iter().map(row) }</tbody>
                    </table>
                </div>
            }
            <p class="note">{ t.quota_help }</p>
            <form class="quota-form no-print" onsubmit={submit} novalidate=true>
                <label for="quota-owner">{ t.field_owner }</label>
                <select id="quota-owner" data-testid="quota-owner" onchange={text_input(&owner)}>
                    <option value="" selected={owner.is_empty()}>{ t.team }</option>
                    { for owners.into_iter().map(|o| html! { <option value={o.to_string()} selected={*owner == o}>{ o }</option> }) }
                </select>
                <label for="quota-period">{ t.quota_period }</label>
                <input id="quota-period" data-testid="quota-period" type="text" value={(*period).clone()} placeholder={t.quota_period_hint}
                    onchange={text_input(&period)} />
                <label for="quota-amount">{ t.col_quota }</label>
                <input id="quota-amount" data-testid="quota-amount" type="text" inputmode="decimal" value={(*amount).clone()}
                    placeholder={t.quota_amount_placeholder} onchange={text_input(&amount)} />
                <button type="submit" data-testid="set-quota">{ t.set_quota }</button>
                if let Some(message) = &*error {
                    <p class="field-error" role="alert" data-testid="field-error" data-field="quota">{ message.clone() }</p>
                }
            </form>
        </div>
    }
}
