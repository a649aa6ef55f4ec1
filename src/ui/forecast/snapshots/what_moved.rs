//! What moved in a period's pipeline from a snapshot to a later one or to now: the waterfall as
//! a table (each bar with its deals) and as a chart.
use std::rc::Rc;

use yew::prelude::*;

use super::super::charts::{waterfall_chart, WaterfallColumn};
use super::deal_name;
use crate::domain::month_close::{slip_count, slips, waterfall_to, Move};
use crate::domain::period::{month_start, Granularity, Period};
use crate::domain::snapshot::{Mark, Snapshot};
use crate::i18n::Lang;
use crate::session::{Action, PlanRef};
use crate::ui::common::context::Dispatch;

/// What the person picked (`None`: the default).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Pick {
    from: Option<String>,
    /// `None` is now.
    to: Option<String>,
    period: Option<Period>,
}

/// What moved, on the verified basis or the claimed, with the person's `pick` of moments and
/// month; `now_marks`: how the deals stand now, by id.
pub fn what_moved(
    lang: Lang,
    plan: &PlanRef,
    verified: bool,
    pick: &UseStateHandle<Pick>,
    now_marks: &[Mark],
    dispatch: &Dispatch,
) -> Html {
    let t = lang.texts();
    let list = &plan.snapshots.list;
    let Some(from) = pick
        .from
        .as_ref()
        .and_then(|id| plan.snapshots.get(id))
        .or(list.last())
        .cloned()
    else {
        return html! { <p class="note" data-testid="moved-need-snapshot">{ t.moved_need_snapshot }</p> };
    };
    let to: Option<Rc<Snapshot>> = pick
        .to
        .as_ref()
        .and_then(|id| plan.snapshots.get(id))
        .filter(|s| s.taken_at > from.taken_at)
        .cloned();
    let first = Granularity::Month.period_of(from.as_of());
    let months: Vec<Period> = (0..12)
        .map(|i| Granularity::Month.period_of(month_start(first.first_month() + i)))
        .collect();
    let period = pick.period.filter(|p| months.contains(p)).unwrap_or(first);
    let to_marks: &[Mark] = match &to {
        Some(s) => &s.marks,
        None => now_marks,
    };
    let result = waterfall_to(&from.marks, to_marks, now_marks, period, verified);
    let until = to.as_ref().map(|s| (s.as_of(), s.taken_at));
    let moments = list
        .iter()
        .filter(|s| until.is_none_or(|u| (s.as_of(), s.taken_at) <= u))
        .map(|s| &s.marks[..])
        .chain(to.is_none().then_some(now_marks));
    let slipped = slips(moments);
    let currency = &plan.currency;

    let select =
        |id: &'static str, label: &'static str, options: Html, change: fn(&mut Pick, String)| {
            let pick = pick.clone();
            let onchange = Callback::from(move |e: Event| {
                let value = e
                    .target_unchecked_into::<web_sys::HtmlSelectElement>()
                    .value();
                let mut next = (*pick).clone();
                change(&mut next, value);
                pick.set(next);
            });
            html! {
                <label class="control" for={id}><span>{ label }</span>
                    <select {id} data-testid={id} {onchange}>{ options }</select>
                </label>
            }
        };
    let snapshot_option = |s: &Rc<Snapshot>, chosen: bool| {
        html! { <option value={s.id.clone()} selected={chosen}>{ lang.period(s.period) }</option> }
    };
    let from_options =
        html! { <>{ for list.iter().rev().map(|s| snapshot_option(s, s.id == from.id)) }</> };
    let to_options = html! {
        <>
            <option value="" selected={to.is_none()}>{ t.moved_now }</option>
            { for list.iter().rev().filter(|s| s.taken_at > from.taken_at)
                .map(|s| snapshot_option(s, to.as_ref().is_some_and(|t| t.id == s.id))) }
        </>
    };
    let period_options = html! {
        <>{ for months.iter().map(|p| html! {
            <option value={p.first_month().to_string()} selected={*p == period}>{ lang.period(*p) }</option>
        }) }</>
    };
    let delete = {
        let (dispatch, id) = (dispatch.clone(), from.id.clone());
        let onclick =
            Callback::from(move |_| dispatch.dispatch(Action::DeleteSnapshot(id.clone())));
        html! { <button type="button" class="small no-print" data-testid="delete-snapshot" {onclick}>{ t.remove }</button> }
    };
    let bars: Vec<WaterfallColumn> = result
        .bars
        .iter()
        .map(|b| WaterfallColumn {
            label: lang.move_label(b.kind),
            change: b.amount.minor(),
        })
        .collect();
    let line = |l: &crate::domain::month_close::Line, kind: Move| {
        let slips = Some(slip_count(&slipped, &l.id)).filter(|n| *n > 0 && kind == Move::Slipped);
        html! {
            <li>
                <bdi>{ deal_name(plan, &l.id) }</bdi>
                { format!("{}{}", lang.colon(), l.amount.format(currency)) }
                if let Some(n) = slips { <span class="slips">{ format!(" · {} {n}×", t.slipped_times) }</span> }
            </li>
        }
    };
    html! {
        <div class="what-moved" data-testid="what-moved">
            <div class="controls" role="group" aria-label={t.moved_title}>
                { select("moved-from", t.moved_from, from_options, |p, v| p.from = Some(v)) }
                { select("moved-to", t.moved_to, to_options, |p, v| p.to = (!v.is_empty()).then_some(v)) }
                { delete }
                { select("moved-period", t.moved_period, period_options, |p, v| {
                    p.period = v.parse::<i32>().ok().map(|i| Granularity::Month.period_of(month_start(i)));
                }) }
            </div>
            <p class="note">{ t.moved_rule }</p>
            <div class="moved-body">
                <div class="table-wrap">
                    <table class="forecast-table moved-table" data-testid="moved-table">
                        <caption>{ format!("{} · {}", t.moved_title, lang.period(period)) }</caption>
                        <thead><tr>
                            <th scope="col"></th><th scope="col" class="num">{ t.moved_change }</th><th scope="col">{ t.moved_deals }</th>
                        </tr></thead>
                        <tbody>
                            <tr class="total"><th scope="row">{ t.moved_opening }</th>
                                <td class="num">{ result.opening.format(currency) }</td><td>{ lang.deal_count(result.opening_count) }</td></tr>
                            { for result.bars.iter().map(|b| html! {
                                <tr data-testid={format!("moved-{}", b.kind.code())}>
                                    <th scope="row">{ lang.move_label(b.kind) }</th>
                                    <td class={classes!("num", b.amount.is_negative().then_some("down"))}>{ b.amount.format(currency) }</td>
                                    <td><ul class="moved-deals">{ for b.deals.iter().map(|l| line(l, b.kind)) }</ul></td>
                                </tr>
                            }) }
                        </tbody>
                        <tfoot><tr><th scope="row">{ t.moved_closing }</th>
                            <td class="num">{ result.closing.format(currency) }</td><td>{ lang.deal_count(result.closing_count) }</td></tr></tfoot>
                    </table>
                </div>
                { waterfall_chart(lang, currency, &lang.period(period), result.opening.minor(), &bars) }
            </div>
        </div>
    }
}
