//! The trainer's comparison of the tables' plans: one column per table with its figures, and
//! per deal (matched by id across the tables) how each table staged, evidenced and scored it,
//! with the disagreements that make the discussion points.
//!
//! # Disagreement
//! A deal is a discussion point when at least two tables have it and they differ in any of: the
//! claimed stage, the verified stage (what the evidence supports), the status (open, won, lost),
//! or the score by [`SCORE_SPREAD`] points or more (highest minus lowest).
use chrono::{NaiveDate, TimeZone};

use crate::domain::coverage::flags;
use crate::domain::deal::{Deal, DealId, DealStatus};
use crate::domain::gates::{met, standing_override, verified_stage};
use crate::domain::money::{div_round_half_away, Currency, Money};
use crate::domain::plan::Plan;
use crate::domain::score::score;
use crate::domain::stage::Stage;
use crate::domain::weighting::{probability, weighted_sum, Basis};

/// A score spread (highest minus lowest, in points of 100) from which tables disagree.
pub const SCORE_SPREAD: u32 = 20;

/// One table's plan as opened: the file's name and what was read from it.
#[derive(Clone, Debug, PartialEq)]
pub struct TableFile {
    pub file: String,
    pub plan: Plan,
}

/// An override in force: the claim runs ahead of the evidence, and the table said why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OverrideNote {
    pub deal: String,
    pub to: Stage,
    pub reason: String,
}

/// One table's column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TableFigures {
    /// The table's name from its workshop header, else the plan's title, else the file's name.
    pub name: String,
    pub file: String,
    /// Not of the comparison's workshop: another workshop id, or no header at all.
    pub stray: bool,
    /// The table's currency; when it is not the comparison's, its amounts are its own and
    /// [`TableFigures::other_currency`] says so.
    pub currency: Currency,
    pub other_currency: bool,
    pub open_deals: usize,
    /// Σ amount of the open deals.
    pub open: Money,
    /// Σ amount × the claimed stage's probability over the open deals (rounded once, at the end).
    pub weighted_claimed: Money,
    /// Σ amount × the verified stage's probability over the open deals (rounded once).
    pub weighted_verified: Money,
    /// Gate items met ([`met`]) over all deals.
    pub gates_met: usize,
    /// Ticks with evidence text, over all deals.
    pub evidence: usize,
    /// Overrides in force, in deal order.
    pub overrides: Vec<OverrideNote>,
    /// Decision-chain flags over the open deals.
    pub flags: usize,
    /// The open deals' mean score, rounded half up (none without open deals).
    pub score: Option<u32>,
    /// The team's strategies written, over all deals and stages.
    pub strategies: usize,
}

/// How one table has one deal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DealCell {
    pub stage: Stage,
    pub status: DealStatus,
    pub verified: Stage,
    pub gates_met: usize,
    pub evidence: usize,
    pub score: u32,
    pub flags: usize,
    /// The reason of the override in force, if any.
    pub override_reason: Option<String>,
    /// The team's strategies for the stage it claims ([`Deal::strategies`]).
    pub strategies: Vec<String>,
}

/// What the tables that have a deal differ in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Disagreement {
    pub stage: bool,
    pub verified: bool,
    pub status: bool,
    pub score: bool,
}

impl Disagreement {
    pub fn any(&self) -> bool {
        self.stage || self.verified || self.status || self.score
    }
}

/// One deal's row: its name and customer (as the first table that has it names them), and each
/// table's cell (`None`: that table does not have the deal).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DealRow {
    pub id: DealId,
    pub name: String,
    pub customer: String,
    pub cells: Vec<Option<DealCell>>,
    pub disagree: Disagreement,
    /// Highest minus lowest score among the tables that have it.
    pub score_spread: u32,
    /// How many stages lie between the lowest and the highest claimed stage.
    pub stage_spread: usize,
}

/// The whole comparison.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Comparison {
    /// The workshop id most tables carry (the first such table's on a tie), if any has one.
    pub workshop: Option<String>,
    /// The first table's currency, the one the others are compared in.
    pub currency: Currency,
    pub tables: Vec<TableFigures>,
    /// Every deal of any table, in the order the tables list them (the first table's first).
    pub deals: Vec<DealRow>,
}

impl Comparison {
    /// Rows that are discussion points.
    pub fn disagreements(&self) -> usize {
        self.deals.iter().filter(|d| d.disagree.any()).count()
    }
}

fn cell<Tz: TimeZone>(plan: &Plan, deal: &Deal, today: NaiveDate, zone: &Tz) -> DealCell {
    let method = &plan.method;
    let (gates_met, evidence) = ticks(plan, deal);
    DealCell {
        stage: deal.stage,
        status: deal.status,
        verified: verified_stage(method, deal),
        gates_met,
        evidence,
        score: score(method, deal, today, zone).total,
        flags: if deal.is_open() {
            flags(method, deal, today).len()
        } else {
            0
        },
        override_reason: standing_override(method, deal).map(|c| c.reason.clone()),
        strategies: deal.strategies(deal.stage).to_vec(),
    }
}

/// Items met and ticks with evidence text.
fn ticks(plan: &Plan, deal: &Deal) -> (usize, usize) {
    let met = plan
        .method
        .stages
        .iter()
        .flat_map(|rules| &rules.gate)
        .filter(|item| !item.retired && met(item, deal))
        .count();
    let evidence = deal
        .gates
        .values()
        .filter(|check| !check.evidence.trim().is_empty())
        .count();
    (met, evidence)
}

/// The most common workshop id (the earliest on a tie).
fn main_workshop(tables: &[TableFile]) -> Option<String> {
    let ids: Vec<&str> = tables
        .iter()
        .filter_map(|t| t.plan.workshop.as_ref().map(|h| h.id.as_str()))
        .collect();
    let mut best: Option<(&str, usize)> = None;
    for id in &ids {
        let count = ids.iter().filter(|other| *other == id).count();
        if best.is_none_or(|(_, most)| count > most) {
            best = Some((id, count));
        }
    }
    best.map(|(id, _)| id.to_string())
}

/// Compares the tables' plans on `today` (scores and flags count days in the time zone `zone`).
pub fn compare<Tz: TimeZone>(tables: &[TableFile], today: NaiveDate, zone: &Tz) -> Comparison {
    let workshop = main_workshop(tables);
    let currency = tables
        .first()
        .map(|t| t.plan.currency.clone())
        .unwrap_or_default();
    let mut rows: Vec<DealRow> = Vec::new();
    let mut at: std::collections::HashMap<&DealId, usize> = std::collections::HashMap::new();
    let mut figures = Vec::with_capacity(tables.len());
    for (column, table) in tables.iter().enumerate() {
        let plan = &table.plan;
        let mut sheet = TableFigures {
            name: plan
                .workshop
                .as_ref()
                .map(|h| h.table.clone())
                .filter(|n| !n.trim().is_empty())
                .or_else(|| plan.title.clone())
                .unwrap_or_else(|| table.file.clone()),
            file: table.file.clone(),
            stray: plan.workshop.as_ref().map(|h| &h.id) != workshop.as_ref(),
            currency: plan.currency.clone(),
            other_currency: plan.currency != currency,
            open_deals: 0,
            open: Money::ZERO,
            weighted_claimed: weighted_sum(
                &plan.method,
                plan.deals.iter().map(|d| &**d).filter(|d| d.is_open()),
            ),
            weighted_verified: Money::ZERO,
            gates_met: 0,
            evidence: 0,
            overrides: Vec::new(),
            flags: 0,
            score: None,
            strategies: 0,
        };
        let (mut verified_minor, mut scores, mut scored) = (0i128, 0u32, 0u32);
        for deal in &plan.deals {
            let found = cell(plan, deal, today, zone);
            sheet.gates_met += found.gates_met;
            sheet.evidence += found.evidence;
            sheet.strategies += deal
                .strategies
                .stages()
                .map(|(_, list)| list.len())
                .sum::<usize>();
            if deal.is_open() {
                sheet.open_deals += 1;
                sheet.open += deal.amount;
                verified_minor += deal.amount.minor()
                    * i128::from(probability(&plan.method, deal, Basis::Verified));
                sheet.flags += found.flags;
                scores += found.score;
                scored += 1;
            }
            if let Some(reason) = &found.override_reason {
                sheet.overrides.push(OverrideNote {
                    deal: deal.name.clone(),
                    to: deal.stage,
                    reason: reason.clone(),
                });
            }
            let row = *at.entry(&deal.id).or_insert_with(|| {
                rows.push(DealRow {
                    id: deal.id.clone(),
                    name: deal.name.clone(),
                    customer: deal.customer.clone(),
                    cells: vec![None; tables.len()],
                    disagree: Disagreement::default(),
                    score_spread: 0,
                    stage_spread: 0,
                });
                rows.len() - 1
            });
            rows[row].cells[column] = Some(found);
        }
        sheet.weighted_verified = Money::from_minor(div_round_half_away(verified_minor, 100));
        sheet.score = (scored > 0).then(|| (2 * scores + scored) / (2 * scored));
        figures.push(sheet);
    }
    for row in &mut rows {
        judge(row);
    }
    Comparison {
        workshop,
        currency,
        tables: figures,
        deals: rows,
    }
}

/// Fills in a row's disagreement and spreads.
fn judge(row: &mut DealRow) {
    let cells: Vec<&DealCell> = row.cells.iter().flatten().collect();
    let Some(first) = cells.first() else {
        return;
    };
    let differs = |f: &dyn Fn(&DealCell) -> u8| cells.iter().any(|c| f(c) != f(first));
    let (low, high) = cells.iter().fold((u32::MAX, 0), |(lo, hi), c| {
        (lo.min(c.score), hi.max(c.score))
    });
    let (first_stage, last_stage) = cells.iter().fold((Stage::P7, Stage::P0), |(lo, hi), c| {
        (lo.min(c.stage), hi.max(c.stage))
    });
    row.score_spread = high - low;
    row.stage_spread = last_stage.index() - first_stage.index();
    row.disagree = Disagreement {
        stage: differs(&|c| c.stage.index() as u8),
        verified: differs(&|c| c.verified.index() as u8),
        status: differs(&|c| c.status as u8),
        score: row.score_spread >= SCORE_SPREAD,
    };
}

/// What the table columns are ordered by: as opened, or a figure, highest first.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum TableKey {
    /// As the files were opened.
    #[default]
    Opened,
    OpenDeals,
    Open,
    WeightedClaimed,
    WeightedVerified,
    GatesMet,
    Overrides,
    Flags,
    Score,
    Strategies,
}

impl TableKey {
    /// The key's name in the page (`data-testid="ws-sort-score"`).
    pub fn code(self) -> &'static str {
        match self {
            TableKey::Opened => "opened",
            TableKey::OpenDeals => "open-deals",
            TableKey::Open => "open",
            TableKey::WeightedClaimed => "claimed",
            TableKey::WeightedVerified => "verified",
            TableKey::GatesMet => "gates",
            TableKey::Overrides => "overrides",
            TableKey::Flags => "flags",
            TableKey::Score => "score",
            TableKey::Strategies => "strategies",
        }
    }
}

/// Indices ordered by their keys, highest first, ties in their order. An insertion sort: a few
/// hundred rows at most, and a library sort would add its code to the download for this alone.
fn highest_first(keys: Vec<i128>) -> Vec<usize> {
    let mut order: Vec<usize> = Vec::with_capacity(keys.len());
    for (i, key) in keys.iter().enumerate() {
        let at = order.partition_point(|j| keys[*j] >= *key);
        order.insert(at, i);
    }
    order
}

/// The columns' order under `key` (indices into [`Comparison::tables`]; stable on ties).
pub fn table_order(comparison: &Comparison, key: TableKey) -> Vec<usize> {
    highest_first(
        comparison
            .tables
            .iter()
            .enumerate()
            .map(|(i, t)| match key {
                TableKey::Opened => -(i as i128),
                TableKey::OpenDeals => t.open_deals as i128,
                TableKey::Open => t.open.minor(),
                TableKey::WeightedClaimed => t.weighted_claimed.minor(),
                TableKey::WeightedVerified => t.weighted_verified.minor(),
                TableKey::GatesMet => t.gates_met as i128,
                TableKey::Overrides => t.overrides.len() as i128,
                TableKey::Flags => t.flags as i128,
                TableKey::Score => t.score.map_or(-1, i128::from),
                TableKey::Strategies => t.strategies as i128,
            })
            .collect(),
    )
}

/// What the deal rows are ordered by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum RowKey {
    /// As the tables list the deals.
    #[default]
    Plan,
    /// Discussion points first, the widest stage spread, then score spread, first among them.
    Disagreement,
    /// The widest score spread first.
    ScoreSpread,
}

impl RowKey {
    /// The key's name in the page (`data-testid="ws-rows-disagreement"`).
    pub fn code(self) -> &'static str {
        match self {
            RowKey::Plan => "plan",
            RowKey::Disagreement => "disagreement",
            RowKey::ScoreSpread => "spread",
        }
    }
}

/// The rows' order under `key` (indices into [`Comparison::deals`]; stable on ties).
pub fn row_order(comparison: &Comparison, key: RowKey) -> Vec<usize> {
    highest_first(
        comparison
            .deals
            .iter()
            .enumerate()
            .map(|(i, r)| match key {
                RowKey::Plan => -(i as i128),
                RowKey::Disagreement => {
                    (i128::from(r.disagree.any()) << 64)
                        | ((r.stage_spread as i128) << 32)
                        | i128::from(r.score_spread)
                }
                RowKey::ScoreSpread => i128::from(r.score_spread),
            })
            .collect(),
    )
}
