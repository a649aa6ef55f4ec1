//! One forecast table: a row per bucket (overdue, each period, later, no date) and the total,
//! with categories shown single or cumulative, and the matching quota.
use yew::prelude::*;

use crate::domain::forecast::{Bucket, Figures, Table};
use crate::domain::quota::{quota_for, Quota};
use crate::domain::{Currency, Money};
use crate::i18n::{columns, Lang};

#[derive(Properties, PartialEq)]
pub struct ForecastTableProps {
    pub lang: Lang,
    pub currency: Currency,
    pub quotas: Vec<Quota>,
    pub table: Table,
    pub cumulative: bool,
    /// Whose quota to show: `Some(None)` the team's, `Some(Some(owner))` an owner's, `None` no
    /// quota (a group of another attribute has none of its own).
    pub quota_owner: Option<Option<String>>,
    pub caption: String,
    pub testid: AttrValue,
}

#[component]
pub fn ForecastTable(props: &ForecastTableProps) -> Html {
    let lang = props.lang;
    let t = lang.texts();
    let currency = &props.currency;
    let cols = columns(lang, props.cumulative);
    let cells = |f: &Figures| {
        cols.iter()
            .map(|c| {
                let m = (c.value)(f);
                html! { <td class={classes!("num", (m == Money::ZERO).then_some("zero"))}>{ m.format(currency) }</td> }
            })
            .collect::<Html>()
    };
    let quota_cell = |bucket: &Bucket| match (bucket, &props.quota_owner) {
        (Bucket::Period(p), Some(owner)) => match quota_for(&props.quotas, owner.as_deref(), *p) {
            Some(q) => html! { <td class="num quota">{ q.format(currency) }</td> },
            None => html! { <td class="num zero">{ "—" }</td> },
        },
        (Bucket::Period(_), None) => html! { <td class="num zero">{ "—" }</td> },
        _ => html! { <td></td> },
    };
    html! {
        <div class="table-wrap">
            <table class="forecast-table" data-testid={props.testid.clone()}>
                <caption>{ props.caption.clone() }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ t.col_period }</th>
                        { for cols.iter().map(|c| html! { <th scope="col" class="num">{ c.title }</th> }) }
                        <th scope="col" class="num">{ t.col_quota }</th>
                    </tr>
                </thead>
                <tbody>
                    { for props.table.rows.iter().map(|(bucket, f)| html! {
                        <tr class={classes!(matches!(bucket, Bucket::Period(_)).then_some("period"), matches!(bucket, Bucket::Overdue).then_some("overdue"))}
                            data-testid="forecast-row" data-bucket={bucket_code(bucket)}>
                            <th scope="row">{ lang.bucket(*bucket) }</th>
                            { cells(f) }
                            { quota_cell(bucket) }
                        </tr>
                    }) }
                </tbody>
                <tfoot>
                    <tr data-testid="forecast-total">
                        <th scope="row">{ t.total_row }</th>
                        { cells(&props.table.total) }
                        <td></td>
                    </tr>
                </tfoot>
            </table>
        </div>
    }
}

/// The bucket as the page names it for tests and styles: `2026-11`, `overdue`, `later`, …
fn bucket_code(bucket: &Bucket) -> String {
    match bucket {
        Bucket::Earlier => "earlier".into(),
        Bucket::Overdue => "overdue".into(),
        Bucket::Period(p) => p.code(),
        Bucket::Later => "later".into(),
        Bucket::NoDate => "no-date".into(),
    }
}
