//! The three-dimensional matrix (三维立体矩阵): the deals a filter keeps, cross-tabulated by two of
//! product, customer segment, region (and owner), the third left to the filter. Each cell holds
//! the forecast's figures for its deals on the claimed and the verified basis, rounded as the
//! forecast rounds them (once, when read), so that the grand total is the forecast's total.
use std::collections::BTreeMap;
use std::rc::Rc;

use super::Figures;
use crate::domain::category::Category;
use crate::domain::deal::{Deal, DealStatus};
use crate::domain::filter::{Dimension, Filter};
use crate::domain::plan::Plan;
use crate::domain::weighting::{weighing, Basis};

/// The deals of one cell (or of a row, a column, the whole) and their figures.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Cell {
    /// On the claimed stages.
    pub claimed: Figures,
    /// On the stages the evidence supports (won and open amounts are the same as claimed).
    pub verified: Figures,
    /// The deals, in plan order (lost deals are in no cell, as in the forecast).
    pub deals: Vec<Rc<Deal>>,
}

/// A deal's probability and category on the claimed and on the verified basis, weighed once.
type Weighed = [(u8, Category); 2];

impl Cell {
    fn add(&mut self, deal: &Rc<Deal>, [(pc, cc), (pv, cv)]: Weighed) {
        self.claimed.add(deal, pc, cc);
        self.verified.add(deal, pv, cv);
        self.deals.push(Rc::clone(deal));
    }

    /// The figures on `basis`.
    pub fn figures(&self, basis: Basis) -> &Figures {
        match basis {
            Basis::Claimed => &self.claimed,
            Basis::Verified => &self.verified,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.deals.is_empty()
    }
}

/// The cross-tab: row and column values A–Z (`""`, deals without a value, first), the cells that
/// hold deals, and the totals.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Matrix {
    pub rows: Vec<String>,
    pub columns: Vec<String>,
    /// By (row index, column index); a missing cell holds no deal.
    pub cells: BTreeMap<(usize, usize), Cell>,
    pub row_totals: Vec<Cell>,
    pub column_totals: Vec<Cell>,
    pub total: Cell,
}

impl Matrix {
    /// The cell at (row, column); none when it holds no deal.
    pub fn cell(&self, row: usize, column: usize) -> Option<&Cell> {
        self.cells.get(&(row, column))
    }
}

/// The matrix of the deals `filter` keeps, `rows` × `columns`.
pub fn matrix(plan: &Plan, rows: Dimension, columns: Dimension, filter: &Filter) -> Matrix {
    let kept: Vec<&Rc<Deal>> = plan
        .deals
        .iter()
        .filter(|d| d.status != DealStatus::Lost && filter.matches(&plan.method, d))
        .collect();
    let values = |dimension: Dimension| {
        let mut values: Vec<&str> = kept.iter().map(|d| dimension.of(d)).collect();
        values.sort_unstable();
        values.dedup();
        values
            .into_iter()
            .map(str::to_string)
            .collect::<Vec<String>>()
    };
    let (row_values, column_values) = (values(rows), values(columns));
    let index = |values: &[String], value: &str| {
        values
            .binary_search_by(|v| v.as_str().cmp(value))
            .expect("a value of the kept deals")
    };
    let mut out = Matrix {
        row_totals: vec![Cell::default(); row_values.len()],
        column_totals: vec![Cell::default(); column_values.len()],
        ..Matrix::default()
    };
    for deal in kept {
        let r = index(&row_values, rows.of(deal));
        let c = index(&column_values, columns.of(deal));
        let weighed = [
            weighing(&plan.method, deal, Basis::Claimed),
            weighing(&plan.method, deal, Basis::Verified),
        ];
        out.cells.entry((r, c)).or_default().add(deal, weighed);
        out.row_totals[r].add(deal, weighed);
        out.column_totals[c].add(deal, weighed);
        out.total.add(deal, weighed);
    }
    out.rows = row_values;
    out.columns = column_values;
    out
}
