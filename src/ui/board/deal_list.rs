//! The list view: the deals in a table, sortable by amount, close date, stage, name or score, a
//! page of rows at first and more on request. Rows take their deal and score; the sorted order
//! is derived once per plan, sort and day.
use std::rc::Rc;

use chrono::{Local, NaiveDate};
use yew::prelude::*;

use super::score_badge::score_title;

use crate::domain::list::{first_and_kept, sort_deals, Direction, SortKey};
use crate::domain::method::Method;
use crate::domain::score::score;
use crate::domain::weighting::weighted;
use crate::domain::{Currency, Deal, DealId};
use crate::i18n::Lang;
use crate::session::{Action, PlanRef};
use crate::ui::common::context::use_dispatch;
use crate::ui::common::shared::Shared;
use crate::ui::common::show_more::show_more;
use crate::web::clock;

/// Rows shown at first, and added by each "show more".
const ROWS_PAGE: usize = 50;

#[derive(Properties, PartialEq)]
pub struct DealListProps {
    pub lang: Lang,
    pub plan: PlanRef,
    pub sort: (SortKey, Direction),
    /// The deal just created, saved or moved: listed even beyond the first rows.
    #[prop_or_default]
    pub touched: Option<DealId>,
}

#[component]
pub fn DealList(props: &DealListProps) -> Html {
    let dispatch = use_dispatch();
    let t = props.lang.texts();
    let today = clock::today();
    let deals = use_memo(
        (props.plan.clone(), props.sort, today),
        |(plan, (key, direction), today)| {
            let mut deals: Vec<Rc<Deal>> = plan.deals.clone();
            sort_deals(&mut deals, *key, *direction, |d| {
                score(&plan.method, d, *today, &Local).total
            });
            deals
        },
    );
    let on_open = {
        let dispatch = dispatch.clone();
        use_callback((), move |id: DealId, _| {
            dispatch.dispatch(Action::OpenDeal(id))
        })
    };
    let shown = use_state(|| ROWS_PAGE);
    let listed = first_and_kept(&deals, *shown, |d| Some(&d.id) == props.touched.as_ref());
    let hidden = deals.len() - listed.len();
    let more = {
        let shown = shown.clone();
        move |_| shown.set(*shown + ROWS_PAGE)
    };

    let header = |key: SortKey, label: &'static str, testid: &'static str, numeric: bool| {
        let dispatch = dispatch.clone();
        let (active, direction) = (props.sort.0 == key, props.sort.1);
        let aria_sort = match (active, direction) {
            (false, _) => "none",
            (true, Direction::Ascending) => "ascending",
            (true, Direction::Descending) => "descending",
        };
        let arrow = match (active, direction) {
            (false, _) => "↕",
            (true, Direction::Ascending) => "↑",
            (true, Direction::Descending) => "↓",
        };
        html! {
            <th scope="col" aria-sort={aria_sort} class={classes!(numeric.then_some("num"))}>
                <button type="button" class="sort" data-testid={testid} onclick={move |_| dispatch.dispatch(Action::SortBy(key))}>
                    { label }<span class="arrow" aria-hidden="true">{ arrow }</span>
                </button>
            </th>
        }
    };
    let method = Shared(props.plan.method.clone());
    html! {
        <div class="list-wrap">
            <table class="deal-list" data-testid="list">
                <caption>{ t.list_caption }{ " · " }{ props.lang.deal_count(deals.len()) }</caption>
                <thead>
                    <tr>
                        { header(SortKey::Name, t.field_name, "sort-name", false) }
                        <th scope="col">{ t.field_customer }</th>
                        { header(SortKey::Stage, t.field_stage, "sort-stage", false) }
                        <th scope="col">{ t.field_status }</th>
                        { header(SortKey::Amount, t.field_amount, "sort-amount", true) }
                        <th scope="col" class="num">{ t.col_weighted }</th>
                        { header(SortKey::Close, t.expected_close, "sort-close", false) }
                        <th scope="col">{ t.field_owner }</th>
                        { header(SortKey::Score, t.score, "sort-score", true) }
                    </tr>
                </thead>
                <tbody>
                    { for listed.into_iter().map(|deal| html! {
                        <DealRow key={deal.id.as_str().to_string()} lang={props.lang} deal={deal.clone()}
                            method={method.clone()} currency={props.plan.currency.clone()} on_open={on_open.clone()} {today} />
                    }) }
                </tbody>
            </table>
            { show_more(props.lang, hidden, ROWS_PAGE, Callback::from(more)) }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct DealRowProps {
    lang: Lang,
    deal: Rc<Deal>,
    method: Shared<Method>,
    currency: Currency,
    on_open: Callback<DealId>,
    today: NaiveDate,
}

#[component]
fn DealRow(props: &DealRowProps) -> Html {
    let deal = &props.deal;
    let open = {
        let (on_open, id) = (props.on_open.clone(), deal.id.clone());
        move |_| on_open.emit(id.clone())
    };
    let scored = score(&props.method, deal, props.today, &Local);
    let day = if deal.is_open() {
        deal.expected_close
    } else {
        deal.close_day()
    };
    html! {
        <tr data-testid="deal-row" data-deal-id={deal.id.as_str().to_string()} class={deal.status.code()}>
            <th scope="row"><button type="button" class="link clamp" title={deal.name.clone()} onclick={open}>{ deal.name.clone() }</button></th>
            <td><span class="clamp" title={deal.customer.clone()}>{ deal.customer.clone() }</span></td>
            <td><span class="code">{ deal.stage.code() }</span>{ " " }{ props.lang.stage_name(deal.stage) }</td>
            <td><span class={classes!("badge", deal.status.code())}>{ props.lang.status(deal.status) }</span></td>
            <td class="num" data-testid="row-amount" data-minor={deal.amount.minor().to_string()}>{ deal.amount.format(&props.currency) }</td>
            <td class="num">{ weighted(&props.method, deal).format(&props.currency) }</td>
            <td>{ day.map(|d| props.lang.date(d)).unwrap_or_default() }</td>
            <td><span class="clamp" title={deal.owner.clone()}>{ deal.owner.clone() }</span></td>
            <td class="num" data-testid="row-score" title={score_title(props.lang, &scored)}>{ scored.total }</td>
        </tr>
    }
}
