//! Snapshots ("close the month"): the forecast frozen at a moment, per month and category, and
//! how each deal stood then, the least that explains what moved since (docs/plan-format.md).
use std::rc::Rc;

use chrono::{DateTime, NaiveDate, Utc};

use super::deal::{DealId, DealStatus};
use super::money::Money;
use super::period::Period;
use super::read_problem::Problem;
use super::stage::Stage;

/// How one deal stood when a snapshot was taken.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mark {
    pub id: DealId,
    pub amount: Money,
    /// The stage the salesperson claimed.
    pub claimed: Stage,
    /// The stage the evidence supported.
    pub verified: Stage,
    pub status: DealStatus,
    /// The day it counted on: an open deal's expected signing date, a closed one's close day.
    pub close: Option<NaiveDate>,
    pub owner: Rc<str>,
    /// Win probability in percent on the claimed basis (the deal's own, else its stage's).
    pub claimed_probability: u8,
    /// Win probability in percent on the verified basis (the verified stage's).
    pub verified_probability: u8,
}

impl Mark {
    /// Whether the deal was open with its close day in `period`.
    pub fn open_in(&self, period: Period) -> bool {
        self.status == DealStatus::Open && self.close.is_some_and(|d| period.contains(d))
    }

    /// Amount × probability (claimed or verified) in minor units × percent; a won deal counts in
    /// full, a lost one not at all.
    pub fn weighted_percent_minor(&self, verified: bool) -> i128 {
        let probability = match self.status {
            DealStatus::Won => 100,
            DealStatus::Lost => 0,
            DealStatus::Open if verified => self.verified_probability,
            DealStatus::Open => self.claimed_probability,
        };
        self.amount.minor() * i128::from(probability)
    }
}

/// Puts marks in id order (the one sort of marks, so that the page carries one copy of it).
pub fn sort_by_id(marks: &mut [Mark]) {
    marks.sort_unstable_by(|a, b| a.id.cmp(&b.id));
}

/// The mark of a deal among marks sorted by id.
pub fn find<'a>(marks: &'a [Mark], id: &DealId) -> Option<&'a Mark> {
    marks
        .binary_search_by(|m| m.id.cmp(id))
        .ok()
        .map(|at| &marks[at])
}

/// One month of a frozen forecast: won in full, and the weighted open amounts per category
/// (pipeline, best case, commit, closed), on the claimed and on the verified basis.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MonthFigures {
    /// The month's first day.
    pub month: NaiveDate,
    pub won: Money,
    /// Weighted open amounts per category on the claimed basis, in `Category::ALL` order.
    pub claimed: [Money; 4],
    /// The same on the verified basis.
    pub verified: [Money; 4],
}

impl MonthFigures {
    /// Won plus weighted open: the forecast for the month.
    pub fn total(&self, verified: bool) -> Money {
        let open = if verified {
            self.verified
        } else {
            self.claimed
        };
        self.won + open.into_iter().sum::<Money>()
    }
}

/// The forecast frozen when a period was closed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Snapshot {
    /// Unique across plans: `s-<period>-<milliseconds>`; imports merge by it.
    pub id: String,
    /// The month, quarter or year closed.
    pub period: Period,
    pub taken_at: DateTime<Utc>,
    /// The method's stage probabilities when it was taken (P0 … P7).
    pub probabilities: [u8; 8],
    /// From the period's first month to twelve months after it, in order.
    pub figures: Vec<MonthFigures>,
    /// Deals open then, or closed on or after the period's first day, by id.
    pub marks: Vec<Mark>,
}

impl Snapshot {
    /// The id of a snapshot of `period` taken at `taken_at`.
    pub fn id_for(period: Period, taken_at: DateTime<Utc>) -> String {
        format!("s-{}-{}", period.code(), taken_at.timestamp_millis())
    }

    /// The first day after the period: the forecast is as of then.
    pub fn as_of(&self) -> NaiveDate {
        self.period.next().start
    }

    pub fn mark(&self, id: &DealId) -> Option<&Mark> {
        find(&self.marks, id)
    }
}

/// The plan's snapshots: the readable ones in order (by the period's end, then the time taken),
/// and those stored text could not read, kept as they came and written back unchanged.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Snapshots {
    pub list: Vec<Rc<Snapshot>>,
    pub unreadable: Vec<Unreadable>,
}

/// A snapshot the plan's text held but could not read: as it came, and what was wrong with it
/// where, as the reader found it in the text the plan was read from (`snapshots[2].deals[5][1]`).
#[derive(Clone, Debug)]
pub struct Unreadable {
    pub raw: serde_json::Value,
    pub problem: Problem,
}

/// The same text: where it stood in the text it was read from is no part of the plan (a plan
/// written and read again holds it after the readable ones).
impl PartialEq for Unreadable {
    fn eq(&self, other: &Unreadable) -> bool {
        self.raw == other.raw
    }
}

impl Eq for Unreadable {}

/// A summary (the contents would drown any message they appear in).
impl std::fmt::Debug for Snapshots {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(
            f,
            "{} snapshots, {} unreadable",
            self.list.len(),
            self.unreadable.len()
        )
    }
}

impl Snapshots {
    pub fn is_empty(&self) -> bool {
        self.list.is_empty() && self.unreadable.is_empty()
    }

    pub fn get(&self, id: &str) -> Option<&Rc<Snapshot>> {
        self.list.iter().find(|s| s.id == id)
    }

    /// Adds a snapshot in its place; `false` when one with its id is there already.
    pub fn insert(&mut self, snapshot: Rc<Snapshot>) -> bool {
        if self.get(&snapshot.id).is_some() {
            return false;
        }
        let key = |s: &Snapshot| (s.as_of(), s.taken_at);
        let at = self.list.partition_point(|s| key(s) <= key(&snapshot));
        self.list.insert(at, snapshot);
        true
    }

    /// Removes a snapshot; `false` when there is none of that id.
    pub fn remove(&mut self, id: &str) -> bool {
        let before = self.list.len();
        self.list.retain(|s| s.id != id);
        self.list.len() != before
    }
}
