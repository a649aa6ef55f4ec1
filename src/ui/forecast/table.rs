//! One forecast table: a row per bucket (overdue, each period, later, no date) and the total,
//! with categories shown single or cumulative, and the matching quota.
use yew::prelude::*;

use crate::domain::category::Category;
use crate::domain::csv::amount;
use crate::domain::forecast::{Bucket, Figures, Forecast, Table};
use crate::domain::quota::{quota_for, Quota};
use crate::domain::{Currency, Money};
use crate::i18n::Lang;

/// A money column of the table.
pub struct Column {
    pub title: &'static str,
    pub value: Box<dyn Fn(&Figures) -> Money>,
}

/// The table's money columns: won, the four categories (single or cumulative), weighted open,
/// and the forecast.
pub fn columns(lang: Lang, cumulative: bool) -> Vec<Column> {
    let t = lang.texts();
    let mut cols = vec![Column {
        title: t.status_won,
        value: Box::new(|f: &Figures| f.won),
    }];
    for category in [
        Category::Closed,
        Category::Commit,
        Category::BestCase,
        Category::Pipeline,
    ] {
        let value: Box<dyn Fn(&Figures) -> Money> = if cumulative {
            Box::new(move |f: &Figures| f.cumulative(category))
        } else {
            Box::new(move |f: &Figures| f.category(category))
        };
        cols.push(Column {
            title: lang.category(category),
            value,
        });
    }
    cols.push(Column {
        title: t.col_weighted_open,
        value: Box::new(|f: &Figures| f.weighted()),
    });
    cols.push(Column {
        title: t.col_total,
        value: Box::new(|f: &Figures| f.total()),
    });
    cols
}

/// The forecast as spreadsheet rows: a header, then every bucket and total of every table, with
/// the quota of each period (the owner's when grouped by owner or filtered to one, else the
/// team's; none for groups of other attributes).
pub fn csv_rows(
    lang: Lang,
    forecast: &Forecast,
    cumulative: bool,
    quota_of: &dyn Fn(Option<&str>, Bucket) -> Option<Money>,
) -> Vec<Vec<String>> {
    let t = lang.texts();
    let cols = columns(lang, cumulative);
    let mut rows = vec![[t.group_by, t.col_period]
        .iter()
        .map(|s| s.to_string())
        .chain(cols.iter().map(|c| c.title.to_string()))
        .chain(std::iter::once(t.col_quota.to_string()))
        .collect::<Vec<_>>()];
    let tables: Vec<&Table> = if forecast.tables.is_empty() {
        vec![&forecast.total]
    } else {
        forecast.tables.iter().collect()
    };
    for table in tables {
        let group = table.group.clone().unwrap_or_default();
        let labelled = table
            .rows
            .iter()
            .map(|(bucket, figures)| (lang.bucket(*bucket), figures, Some(*bucket)))
            .chain(std::iter::once((
                t.total_row.to_string(),
                &table.total,
                None,
            )));
        for (label, figures, bucket) in labelled {
            let mut row = vec![group.clone(), label];
            row.extend(cols.iter().map(|c| amount((c.value)(figures))));
            let quota = bucket.and_then(|b| quota_of(table.group.as_deref(), b));
            row.push(quota.map(amount).unwrap_or_default());
            rows.push(row);
        }
    }
    rows
}

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
