//! A deal (销售项目): who buys what, for how much, where it stands, and when it should close.
use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::forecast::Category;
use super::method::{GateId, Method};
use super::money::Money;
use super::stage::Stage;
use super::validate::DealFields;

/// A deal's stable identifier, unique within a plan. Never reused, never shown as a number.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct DealId(String);

impl DealId {
    pub fn new(id: impl Into<String>) -> DealId {
        DealId(id.into())
    }

    /// A fresh id from the clock (milliseconds) and a random number: `d-lx3k2f9a-4g7h2k`.
    pub fn generate(unix_millis: i64, random: u64) -> DealId {
        DealId(format!(
            "d-{}-{}",
            base36(unix_millis.unsigned_abs()),
            base36(random % 36u64.pow(6))
        ))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

fn base36(mut n: u64) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).expect("ascii digits")
}

/// Whether a deal is still being worked, or closed one way or the other.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DealStatus {
    #[default]
    Open,
    Won,
    Lost,
}

impl DealStatus {
    pub fn code(self) -> &'static str {
        match self {
            DealStatus::Open => "open",
            DealStatus::Won => "won",
            DealStatus::Lost => "lost",
        }
    }
}

/// One deal of the plan, as stored and exported.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Deal {
    /// Stable id, unique in the plan.
    pub id: DealId,
    /// What is being sold, e.g. "二期MES系统".
    pub name: String,
    /// The buying organisation.
    pub customer: String,
    /// Deal value in major units of the plan's currency, exact to the cent.
    pub amount: Money,
    /// Claimed project stage P0–P7.
    pub stage: Stage,
    /// open / won / lost.
    #[serde(default)]
    pub status: DealStatus,
    /// Expected signing date, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected_close: Option<NaiveDate>,
    /// The day the deal was marked won or lost.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closed_on: Option<NaiveDate>,
    /// Salesperson responsible.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub owner: String,
    /// Product or product line.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub product: String,
    /// Sales region.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub region: String,
    /// Customer segment (industry or customer group).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub segment: String,
    /// The agreed next action.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub next_step: String,
    /// Free notes.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// The deal's own win probability in percent, overriding its stage's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub probability: Option<u8>,
    /// The deal's own forecast category, overriding its stage's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<Category>,
    /// Gate items ticked, each with its day and evidence (principle 2: what is done must be seen).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub gates: BTreeMap<GateId, GateCheck>,
    /// Every stage change, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<StageChange>,
    /// Self-check questions ticked while preparing the next visit.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub self_check: BTreeSet<String>,
    /// When the deal was created (UTC).
    pub created: DateTime<Utc>,
    /// When the deal last changed (UTC).
    pub updated: DateTime<Utc>,
    /// Fields this version does not know, kept as they came.
    #[serde(flatten)]
    pub extra: BTreeMap<String, serde_json::Value>,
}

impl Deal {
    /// A new open deal from validated fields.
    pub fn new(id: DealId, fields: DealFields, now: DateTime<Utc>) -> Deal {
        let stage = fields.stage;
        let mut deal = Deal {
            id,
            name: String::new(),
            customer: String::new(),
            amount: Money::ZERO,
            stage,
            status: DealStatus::Open,
            expected_close: None,
            closed_on: None,
            owner: String::new(),
            product: String::new(),
            region: String::new(),
            segment: String::new(),
            next_step: String::new(),
            notes: String::new(),
            probability: None,
            category: None,
            gates: BTreeMap::new(),
            history: Vec::new(),
            self_check: BTreeSet::new(),
            created: now,
            updated: now,
            extra: BTreeMap::new(),
        };
        deal.apply(fields, now);
        deal
    }

    /// Writes validated fields into the deal; `updated` moves only if something changed.
    /// The stage is left alone: stage changes go through [`crate::domain::Plan::move_deal`],
    /// so that gates and history apply.
    pub fn apply(&mut self, fields: DealFields, now: DateTime<Utc>) {
        let before = self.clone();
        self.name = fields.name;
        self.customer = fields.customer;
        self.amount = fields.amount;
        self.expected_close = fields.expected_close;
        self.owner = fields.owner;
        self.product = fields.product;
        self.region = fields.region;
        self.segment = fields.segment;
        self.next_step = fields.next_step;
        self.notes = fields.notes;
        self.probability = fields.probability;
        self.category = fields.category;
        if *self != before {
            self.updated = now;
        }
    }

    pub fn is_open(&self) -> bool {
        self.status == DealStatus::Open
    }

    /// The win probability used for weighting, in percent: the deal's own, else the method's
    /// for the claimed stage, while open; 100 once won, 0 once lost.
    pub fn win_probability(&self, method: &Method) -> u8 {
        crate::domain::forecast::probability(method, self, crate::domain::forecast::Basis::Claimed)
    }

    /// Amount × probability, rounded to the cent (sums should use [`crate::domain::summary`]).
    pub fn weighted(&self, method: &Method) -> Money {
        self.amount.percent(self.win_probability(method))
    }
}

/// A ticked gate item: when, and what shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GateCheck {
    /// The day the criterion was met.
    pub on: NaiveDate,
    /// What shows it: a document, a meeting, a name.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub evidence: String,
}

/// One move of a deal between stages.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StageChange {
    pub from: Stage,
    pub to: Stage,
    /// When (UTC).
    pub at: DateTime<Utc>,
    /// Why, in the mover's words; required when gate items were missing.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reason: String,
    /// Gate items that were not met when the deal was moved forward anyway (an override).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub missing: Vec<GateId>,
}

impl StageChange {
    pub fn is_override(&self) -> bool {
        !self.missing.is_empty()
    }
}
