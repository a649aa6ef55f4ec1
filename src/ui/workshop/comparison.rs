//! The comparison on screen: one column per table with its figures (click a figure's heading to
//! order the tables by it), then deal by deal how each table staged, evidenced and scored it,
//! the discussion points highlighted. CSV export and printing.
use yew::prelude::*;

use crate::domain::deal::DealStatus;
use crate::domain::money::Money;
use crate::domain::workshop::compare::{
    row_order, table_order, DealCell, DealRow, RowKey, TableFigures, TableKey,
};
use crate::domain::workshop::sheet::{comparison_csv, Words};
use crate::i18n::Lang;
use crate::session::{Action, Workshop, WorkshopEdit};
use crate::ui::common::context::Dispatch;
use crate::ui::common::store::StoreHandle;

fn words(lang: Lang) -> Words<'static> {
    let t = lang.texts();
    Words {
        table: t.ws_table,
        file: t.ws_file,
        open_deals: t.ws_open_deals,
        open: t.ws_open,
        claimed: t.ws_claimed,
        verified: t.ws_verified,
        gates_met: t.ws_gates_met,
        evidence: t.ws_evidence,
        overrides: t.ws_overrides,
        flags: t.ws_flags,
        score: t.ws_score,
        currency: t.ws_currency,
        stray: t.ws_stray,
        deal: t.ws_deal,
        customer: t.ws_customer,
        stage: t.ws_stage,
        verified_stage: t.ws_verified_stage,
        deal_score: t.ws_deal_score,
        discussion: t.ws_discussion,
        yes: t.ws_yes,
        strategies: t.field_strategies,
    }
}

/// A table's figure under `key`, as the page shows it.
fn figure(key: TableKey, f: &TableFigures, lang: Lang) -> String {
    let money = |m: Money| m.format(&f.currency);
    match key {
        TableKey::Open => money(f.open),
        TableKey::WeightedClaimed => money(f.weighted_claimed),
        TableKey::WeightedVerified => money(f.weighted_verified),
        TableKey::GatesMet => format!(
            "{} ({} {})",
            f.gates_met,
            f.evidence,
            lang.texts().ws_evidence
        ),
        TableKey::Overrides => f.overrides.len().to_string(),
        TableKey::Flags => f.flags.to_string(),
        TableKey::Score => f.score.map_or_else(|| "—".to_string(), |s| s.to_string()),
        TableKey::Strategies => f.strategies.to_string(),
        TableKey::OpenDeals | TableKey::Opened => f.open_deals.to_string(),
    }
}

/// The reasons of a table's overrides in force.
fn reasons(f: &TableFigures, lang: Lang) -> Html {
    let colon = lang.colon();
    html! {
        <ul class="ws-reasons">{ for f.overrides.iter().map(|o| html! {
            <li><bdi>{ o.deal.clone() }</bdi>{ format!(" → {}{colon}{}", o.to.code(), o.reason) }</li>
        }) }</ul>
    }
}

/// The class of a part of a cell, marked when the tables differ in it.
fn differs(class: &'static str, differ: bool) -> String {
    if differ {
        format!("{class} differs")
    } else {
        class.to_string()
    }
}

fn cell_html(lang: Lang, cell: Option<&DealCell>, row: &DealRow) -> Html {
    let t = lang.texts();
    let Some(c) = cell else {
        return html! { <td class="ws-none" title={t.ws_not_there}>{ "—" }</td> };
    };
    let d = row.disagree;
    let status = match c.status {
        DealStatus::Open => html! {},
        other => html! { <span class="ws-status">{ " " }{ lang.status(other) }</span> },
    };
    html! {
        <td data-stage={c.stage.code()} data-verified={c.verified.code()} data-score={c.score.to_string()}>
            <span class={differs("ws-stage", d.stage)} title={t.ws_stage}>{ c.stage.code() }</span>
            { status }
            <span class={differs("ws-verified", d.verified)} title={t.ws_verified_stage}>{ " ✓" }{ c.verified.code() }</span>
            <span class={differs("ws-score", d.score)} title={t.ws_deal_score}>{ " " }{ c.score }</span>
            <small class="ws-ticks">{ format!(" {}/{}", c.gates_met, c.evidence) }</small>
            if !c.strategies.is_empty() {
                <ol class="ws-strategies" title={t.field_strategies}>{ for c.strategies.iter().map(|s| html! { <li>{ s.clone() }</li> }) }</ol>
            }
            if let Some(reason) = &c.override_reason {
                <small class="ws-reason" title={t.override_flag}>{ "⚠ " }{ reason.clone() }</small>
            }
        </td>
    }
}

/// The open comparison (part of the workshop view, which holds the hooks).
pub fn comparison_view(lang: Lang, w: &Workshop, dispatch: &Dispatch, store: &StoreHandle) -> Html {
    let t = lang.texts();
    let c = &w.comparison;
    let columns = table_order(c, w.tables);
    let rows = row_order(c, w.rows);

    let sort_tables = |key: TableKey, label: &'static str| {
        let dispatch = dispatch.clone();
        let pressed = w.tables == key;
        html! {
            <button type="button" class="ws-sort" aria-pressed={pressed.to_string()}
                data-testid={format!("ws-sort-{}", key.code())}
                onclick={move |_| dispatch.dispatch(Action::Workshop(WorkshopEdit::SortTables(key)))}>{ label }</button>
        }
    };
    let sort_rows = |key: RowKey, label: &'static str| {
        let dispatch = dispatch.clone();
        html! {
            <button type="button" class="seg" aria-pressed={(w.rows == key).to_string()}
                data-testid={format!("ws-rows-{}", key.code())}
                onclick={move |_| dispatch.dispatch(Action::Workshop(WorkshopEdit::SortRows(key)))}>{ label }</button>
        }
    };
    let figures: [(TableKey, &'static str); 9] = [
        (TableKey::Open, t.ws_open),
        (TableKey::WeightedClaimed, t.ws_claimed),
        (TableKey::WeightedVerified, t.ws_verified),
        (TableKey::GatesMet, t.ws_gates_met),
        (TableKey::Overrides, t.ws_overrides),
        (TableKey::Flags, t.ws_flags),
        (TableKey::Score, t.ws_score),
        (TableKey::Strategies, t.field_strategies),
        (TableKey::OpenDeals, t.ws_open_deals),
    ];
    let csv = {
        let (comparison, store) = (c.clone(), store.clone());
        move |_| {
            let text = comparison_csv(&comparison, &words(lang));
            let stem = format!("keyplan-{}", lang.texts().view_workshop);
            store.download_text(Some(&stem), "csv", "text/csv;charset=utf-8", &text);
        }
    };
    let print = |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    let close = {
        let dispatch = dispatch.clone();
        move |_| dispatch.dispatch(Action::Workshop(WorkshopEdit::Close))
    };
    let table_head = |i: &usize| {
        let f = &c.tables[*i];
        html! {
            <th scope="col" data-testid="ws-table-head" class={if f.stray { "stray" } else { "" }}>
                <bdi>{ f.name.clone() }</bdi>
                <small class="ws-file"><bdi>{ f.file.clone() }</bdi></small>
                if f.stray {
                    <small class="ws-warn" data-testid="ws-stray">{ "⚠ " }{ t.ws_stray }</small>
                }
                if f.other_currency {
                    <small class="ws-warn" data-testid="ws-other-currency">{ "⚠ " }{ t.ws_other_currency }</small>
                }
            </th>
        }
    };
    html! {
        <section class="ws-panel ws-compare" data-testid="ws-comparison" aria-labelledby="ws-result-title">
            <div class="ws-head">
                <h2 id="ws-result-title">{ t.ws_compare_title }</h2>
                <p class="ws-summary" data-testid="ws-summary">
                    { format!("{} {} · {} {} · ", c.tables.len(), t.ws_tables_count, c.deals.len(), t.ws_deals_count) }
                    <strong data-testid="ws-points">{ c.disagreements() }</strong>{ format!(" {}", t.ws_points_count) }
                </p>
                <div class="ws-actions">
                    <button type="button" class="ghost" data-testid="ws-csv" onclick={csv}>{ t.export_csv }</button>
                    <button type="button" class="ghost" data-testid="ws-print" onclick={print}>{ t.ws_print }</button>
                    <button type="button" class="ghost" data-testid="ws-close" onclick={close}>{ t.ws_close }</button>
                </div>
            </div>
            if !w.unreadable.is_empty() {
                <ul class="ws-unreadable">
                    { for w.unreadable.iter().map(|(name, why)| html! {
                        <li class="error" data-testid="ws-unreadable">{ "✗ " }<bdi>{ name.clone() }</bdi>{ lang.colon() }{ lang.unreadable(why) }</li>
                    }) }
                </ul>
            }
            if !c.tables.is_empty() {
                <div class="ws-scroll">
                    <table class="ws-tables" data-testid="ws-tables">
                        <thead><tr>
                            <th scope="col">{ sort_tables(TableKey::Opened, t.ws_table) }</th>
                            { for columns.iter().map(table_head) }
                        </tr></thead>
                        <tbody>
                            { for figures.iter().map(|(key, label)| html! {
                                <tr>
                                    <th scope="row">{ sort_tables(*key, label) }</th>
                                    { for columns.iter().map(|i| {
                                        let f = &c.tables[*i];
                                        html! { <td>{ figure(*key, f, lang) }
                                            if *key == TableKey::Overrides { { reasons(f, lang) } }</td> }
                                    }) }
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
                <h3>{ t.ws_deals_title }</h3>
                <p class="hint">{ t.ws_legend }</p>
                <div class="segmented" role="group" aria-label={t.ws_deals_title}>
                    { sort_rows(RowKey::Plan, t.ws_rows_plan) }
                    { sort_rows(RowKey::Disagreement, t.ws_rows_disagreement) }
                    { sort_rows(RowKey::ScoreSpread, t.ws_rows_spread) }
                </div>
                <div class="ws-scroll">
                    <table class="ws-deals" data-testid="ws-deals">
                        <thead><tr>
                            <th scope="col">{ t.ws_deal }<small>{ format!("{} ✓{} {} {}/{}", t.ws_stage, t.ws_verified_stage, t.ws_deal_score, t.ws_gates_met, t.ws_evidence) }</small></th>
                            { for columns.iter().map(|i| html! { <th scope="col"><bdi>{ c.tables[*i].name.clone() }</bdi></th> }) }
                        </tr></thead>
                        <tbody>
                            { for rows.iter().map(|r| {
                                let row = &c.deals[*r];
                                let point = row.disagree.any();
                                html! {
                                    <tr key={row.id.as_str().to_string()} data-testid="ws-deal" data-id={row.id.as_str().to_string()}
                                        data-disagree={point.to_string()} class={if point { "disagree" } else { "" }}>
                                        <th scope="row"><bdi>{ row.name.clone() }</bdi><small><bdi>{ row.customer.clone() }</bdi></small></th>
                                        { for columns.iter().map(|i| cell_html(lang, row.cells[*i].as_ref(), row)) }
                                    </tr>
                                }
                            }) }
                        </tbody>
                    </table>
                </div>
            }
        </section>
    }
}
