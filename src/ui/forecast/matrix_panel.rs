//! The three-dimensional matrix (三维立体矩阵): two of product, segment, region and owner across,
//! the third in the filter; each cell's open, weighted and won figures, totals, the deals of a
//! cell on a click (each opening the deal), and the matrix as CSV.
use yew::prelude::*;

use crate::domain::csv::document;
use crate::domain::filter::{Dimension, Filter};
use crate::domain::forecast::matrix::{matrix, Cell};
use crate::domain::weighting::Basis;
use crate::i18n::{matrix_csv, matrix_file_stem, Lang, MatrixExport};
use crate::session::{Action, PlanRef};
use crate::ui::common::context::use_dispatch;
use crate::ui::common::store::use_store;

#[derive(Properties, PartialEq)]
pub struct MatrixPanelProps {
    pub lang: Lang,
    pub plan: PlanRef,
    pub filter: Filter,
    pub basis: Basis,
}

/// The cell whose deals are listed: a row value and a column value (`None`: every one).
type Picked = Option<(Option<String>, Option<String>)>;

#[component]
pub fn MatrixPanel(props: &MatrixPanelProps) -> Html {
    let dispatch = use_dispatch();
    let store = use_store();
    let lang = props.lang;
    let t = lang.texts();
    let axes = use_state(|| (Dimension::Product, Dimension::Segment));
    let picked = use_state(|| None as Picked);
    let (rows, columns) = *axes;
    let m = use_memo(
        (props.plan.clone(), props.filter.clone(), rows, columns),
        |(plan, filter, rows, columns)| matrix(plan, *rows, *columns, filter),
    );
    let currency = &props.plan.currency;
    let basis = props.basis;
    let shown = |value: &str| {
        if value.is_empty() {
            t.no_value.to_string()
        } else {
            value.to_string()
        }
    };
    let choose = |row_axis: bool| {
        let (axes, picked) = (axes.clone(), picked.clone());
        Callback::from(move |e: Event| {
            let value = e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            let Some(d) = Dimension::parse(&value) else {
                return;
            };
            let (r, c) = *axes;
            // the same dimension on both axes swaps them
            axes.set(match (row_axis, d == r, d == c) {
                (true, _, true) => (d, r),
                (true, _, _) => (d, c),
                (false, true, _) => (c, d),
                (false, _, _) => (r, d),
            });
            picked.set(None);
        })
    };
    let select = |id: &'static str, label: &'static str, current: Dimension, row_axis: bool| {
        html! {
            <label class="control" for={id}><span>{ label }</span>
                <select {id} data-testid={id} onchange={choose(row_axis)}>
                    { for Dimension::ALL.into_iter().map(|d| html! {
                        <option value={d.code()} selected={d == current}>{ lang.dimension(d) }</option>
                    }) }
                </select>
            </label>
        }
    };
    let figures = |cell: &Cell, key: Picked| {
        let f = cell.figures(basis);
        let selected = *picked == key;
        let onclick = {
            let picked = picked.clone();
            move |_| picked.set(if selected { None } else { key.clone() })
        };
        html! {
            <button type="button" class="matrix-cell" data-testid="matrix-cell" aria-pressed={selected.to_string()}
                {onclick}>
                { format!("{}\n{} {} ({})\n{} {} ({})", f.weighted().format(currency), t.matrix_open, f.open.format(currency),
                    f.open_count, t.status_won, f.won.format(currency), f.won_count) }
            </button>
        }
    };
    let label = |r: Option<&str>, c: Option<&str>| {
        let part = |d: Dimension, v: Option<&str>| match v {
            Some(v) => format!("{}{}{}", lang.dimension(d), lang.colon(), shown(v)),
            None => t.matrix_total.to_string(),
        };
        format!("{} · {}", part(rows, r), part(columns, c))
    };
    let listed: Option<&Cell> = picked.as_ref().and_then(|(r, c)| {
        let ri = r.as_ref().map(|r| m.rows.iter().position(|v| v == r));
        let ci = c.as_ref().map(|c| m.columns.iter().position(|v| v == c));
        match (ri, ci) {
            (Some(Some(ri)), Some(Some(ci))) => m.cell(ri, ci),
            (Some(Some(ri)), None) => m.row_totals.get(ri),
            (None, Some(Some(ci))) => m.column_totals.get(ci),
            (None, None) => Some(&m.total),
            _ => None,
        }
    });
    let export = {
        let (m, plan, filter) = (m.clone(), props.plan.clone(), props.filter.clone());
        move |_| {
            let export = MatrixExport {
                matrix: &m,
                rows,
                columns,
                filter: &filter,
            };
            store.download_text(
                Some(&matrix_file_stem(lang, plan.title.as_deref(), &export)),
                "csv",
                "text/csv;charset=utf-8",
                &document(&matrix_csv(lang, &export)),
            );
        }
    };
    html! {
        <div class="matrix" data-testid="matrix">
            <p class="note">{ t.matrix_intro }</p>
            <div class="controls no-print">
                { select("matrix-rows", t.matrix_rows, rows, true) }
                { select("matrix-columns", t.matrix_columns, columns, false) }
                <button type="button" data-testid="matrix-csv" onclick={export}>{ t.export_csv }</button>
            </div>
            if m.total.is_empty() {
                <p class="note" data-testid="matrix-empty">{ t.matrix_empty }</p>
            } else {
                <div class="table-wrap">
                    <table class="matrix-table" data-testid="matrix-table">
                        <thead><tr>
                            <th scope="col">{ format!("{} \\ {}{}", lang.dimension(rows), lang.dimension(columns),
                                if basis == Basis::Verified { t.matrix_on_verified } else { "" }) }</th>
                            { for m.columns.iter().map(|c| html! { <th scope="col" data-testid="matrix-column">{ shown(c) }</th> }) }
                            <th scope="col">{ t.matrix_total }</th>
                        </tr></thead>
                        <tbody>
                            { for m.rows.iter().enumerate().map(|(ri, r)| html! {
                                <tr>
                                    <th scope="row" data-testid="matrix-row">{ shown(r) }</th>
                                    { for m.columns.iter().enumerate().map(|(ci, c)| html! {
                                        <td>{ match m.cell(ri, ci) {
                                            Some(cell) => figures(cell, Some((Some(r.clone()), Some(c.clone())))),
                                            None => html! { "—" },
                                        } }</td>
                                    }) }
                                    <td class="total">{ figures(&m.row_totals[ri], Some((Some(r.clone()), None))) }</td>
                                </tr>
                            }) }
                            <tr class="total">
                                <th scope="row">{ t.matrix_total }</th>
                                { for m.columns.iter().enumerate().map(|(ci, c)| html! {
                                    <td>{ figures(&m.column_totals[ci], Some((None, Some(c.clone())))) }</td>
                                }) }
                                <td data-testid="matrix-grand-total">{ figures(&m.total, Some((None, None))) }</td>
                            </tr>
                        </tbody>
                    </table>
                </div>
                if let (Some(cell), Some((r, c))) = (listed, picked.as_ref()) {
                    <div class="matrix-deals" data-testid="matrix-deals" aria-live="polite">
                        <h3>{ format!("{}{}{}", t.matrix_deals_of, lang.colon(), label(r.as_deref(), c.as_deref())) }</h3>
                        <ul>
                            { for cell.deals.iter().map(|d| {
                                let (dispatch, id) = (dispatch.clone(), d.id.clone());
                                html! {
                                    <li key={d.id.as_str().to_string()}>
                                        <button type="button" class="link" data-testid="matrix-deal" onclick={move |_| dispatch.dispatch(Action::OpenDeal(id.clone()))}>
                                            { format!("{} · {}", d.name, d.customer) }
                                        </button>
                                        <span class="num">{ format!(" {} · {}", d.amount.format(currency), lang.status(d.status)) }</span>
                                    </li>
                                }
                            }) }
                        </ul>
                    </div>
                } else {
                    <p class="note no-print">{ t.matrix_pick }</p>
                }
            }
        </div>
    }
}
