//! A deal (销售项目): who buys what, for how much, where it stands, and when it should close.
use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use super::category::Category;
use super::iso_date;
use super::method::GateId;
use super::money::Money;
use super::people::People;
use super::split::Split;
use super::stage::Stage;

/// Longest strategy of a deal's stage, in characters.
pub const MAX_STRATEGY: usize = 1_000;

/// A deal's stable identifier, unique within a plan. Never reused, never shown as a number.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
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
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DealStatus {
    #[default]
    Open,
    Won,
    Lost,
}

impl DealStatus {
    pub const ALL: [DealStatus; 3] = [DealStatus::Open, DealStatus::Won, DealStatus::Lost];

    /// `open`, `won` or `lost`, as stored in plan files.
    pub fn code(self) -> &'static str {
        match self {
            DealStatus::Open => "open",
            DealStatus::Won => "won",
            DealStatus::Lost => "lost",
        }
    }

    pub fn parse(code: &str) -> Option<DealStatus> {
        DealStatus::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// One deal of the plan, as stored and exported.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Deal {
    /// Stable id, unique in the plan.
    pub id: DealId,
    /// What is being sold, e.g. "二期MES系统".
    pub name: String,
    /// The buying organisation.
    pub customer: String,
    /// Deal value in major units of the plan's currency, exact to the cent; once won, the
    /// contract amount.
    pub amount: Money,
    /// Claimed project stage P0–P7.
    pub stage: Stage,
    /// open / won / lost.
    pub status: DealStatus,
    /// Expected signing date, if known.
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "iso_date::optional_day"
    )]
    pub expected_close: Option<NaiveDate>,
    /// Won: the signing date, the day the win counts on. Lost: the day it was lost.
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "iso_date::optional_day"
    )]
    pub closed_on: Option<NaiveDate>,
    /// Salesperson responsible.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub owner: String,
    /// Product or product line.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub product: String,
    /// Sales region.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub region: String,
    /// Customer segment (industry or customer group).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub segment: String,
    /// The agreed next action.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub next_step: String,
    /// Free notes.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// The deal's own win probability in percent (0–100), in place of its stage's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub probability: Option<u8>,
    /// The deal's own forecast category, in place of its stage's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category: Option<Category>,
    /// Gate items ticked, each with its day and evidence (principle 2: what is done must be seen).
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub gates: BTreeMap<GateId, GateCheck>,
    /// Every stage change and every close or reopening, oldest first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<StageChange>,
    /// Self-check questions ticked while preparing the next visit.
    #[serde(skip_serializing_if = "BTreeSet::is_empty")]
    pub self_check: BTreeSet<String>,
    /// The team's strategies per stage (the deck's "策略1. 策略2." exercise), in their order;
    /// a stage without any is absent. Read with [`Deal::strategies`].
    #[serde(skip_serializing_if = "Strategies::is_empty")]
    pub strategies: Strategies,
    /// The people who decide, the competition and the post-mortem (`contacts`, `links`,
    /// `competitors`, `swot`, `review` in files; each only when not empty).
    #[serde(flatten)]
    pub people: People,
    /// A won deal's bonus pool (项目成功的奖金包) and its split to the team: the pool amount and
    /// each member's share or amount ([`Split`]); absent when none was recorded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bonus: Option<Split>,
    /// When the deal was created (UTC).
    #[serde(serialize_with = "iso_date::moment")]
    pub created: DateTime<Utc>,
    /// When the deal last changed (UTC).
    #[serde(serialize_with = "iso_date::moment")]
    pub updated: DateTime<Utc>,
    /// Fields this version does not know, kept as they came.
    #[serde(flatten)]
    pub extra: BTreeMap<String, serde_json::Value>,
}

/// A field of a deal, in the file format's order: as errors and comparisons name it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    Name,
    Customer,
    Amount,
    Stage,
    Status,
    ExpectedClose,
    ClosedOn,
    Owner,
    Product,
    Region,
    Segment,
    NextStep,
    Notes,
    Probability,
    Category,
    Gates,
    History,
    SelfCheck,
    /// The team's strategies, every stage's.
    Strategies,
    /// Contacts, links, competitors, SWOT and review, together.
    People,
    /// The bonus pool and its split.
    Bonus,
    Created,
    Updated,
    /// The fields keyplan does not know, together.
    Extra,
}

impl Field {
    /// Every field, in the file format's order.
    pub const ALL: [Field; 24] = [
        Field::Name,
        Field::Customer,
        Field::Amount,
        Field::Stage,
        Field::Status,
        Field::ExpectedClose,
        Field::ClosedOn,
        Field::Owner,
        Field::Product,
        Field::Region,
        Field::Segment,
        Field::NextStep,
        Field::Notes,
        Field::Probability,
        Field::Category,
        Field::Gates,
        Field::History,
        Field::SelfCheck,
        Field::Strategies,
        Field::People,
        Field::Bonus,
        Field::Created,
        Field::Updated,
        Field::Extra,
    ];

    /// The field of a key in plan files.
    pub fn parse(key: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.key() == key)
    }

    /// The field's key in plan files and in the page (`data-field`).
    pub fn key(self) -> &'static str {
        match self {
            Field::Name => "name",
            Field::Customer => "customer",
            Field::Amount => "amount",
            Field::Stage => "stage",
            Field::Status => "status",
            Field::ExpectedClose => "expected_close",
            Field::ClosedOn => "closed_on",
            Field::Owner => "owner",
            Field::Product => "product",
            Field::Region => "region",
            Field::Segment => "segment",
            Field::NextStep => "next_step",
            Field::Notes => "notes",
            Field::Probability => "probability",
            Field::Category => "category",
            Field::Gates => "gates",
            Field::History => "history",
            Field::SelfCheck => "self_check",
            Field::Strategies => "strategies",
            Field::People => "people",
            Field::Bonus => "bonus",
            Field::Created => "created",
            Field::Updated => "updated",
            Field::Extra => "extra",
        }
    }
}

/// What a person may change in the deal editor, validated (see [`crate::domain::validate`]).
/// The default is a blank deal in P0.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DealFields {
    pub name: String,
    pub customer: String,
    pub amount: Money,
    /// The stage a new deal starts in (an existing deal moves through [`crate::domain::Plan::move_deal`]).
    pub stage: Stage,
    pub expected_close: Option<NaiveDate>,
    /// The signing (or losing) day of a closed deal; ignored while the deal is open.
    pub closed_on: Option<NaiveDate>,
    pub owner: String,
    pub product: String,
    pub region: String,
    pub segment: String,
    pub next_step: String,
    pub notes: String,
    pub probability: Option<u8>,
    pub category: Option<Category>,
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
            // the date it starts with is no change of it
            expected_close: fields.expected_close,
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
            strategies: Strategies::default(),
            people: People::default(),
            bonus: None,
            created: now,
            updated: now,
            extra: BTreeMap::new(),
        };
        deal.apply(fields, now);
        deal
    }

    /// Writes validated fields into the deal; `updated` moves only if something changed.
    /// The stage and the status are left alone: they change through the plan's verbs, so that
    /// gates and history apply.
    pub fn apply(&mut self, fields: DealFields, now: DateTime<Utc>) {
        let before = self.clone();
        // an open deal's expected signing date that moves is kept in its history (slips count
        // in the deal's score)
        if self.is_open() && fields.expected_close != self.expected_close {
            self.history.push(StageChange {
                close: Some(CloseMove {
                    was: self.expected_close,
                    now: fields.expected_close,
                }),
                ..StageChange::moved(self.stage, self.stage, now)
            });
        }
        self.name = fields.name;
        self.customer = fields.customer;
        self.amount = fields.amount;
        self.expected_close = fields.expected_close;
        if !self.is_open() {
            self.closed_on = fields.closed_on.or(self.closed_on);
        }
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

    /// The team's strategies for `stage`, in their order; none when it has none.
    pub fn strategies(&self, stage: Stage) -> &[String] {
        self.strategies.get(stage)
    }

    /// Every stage's strategies as text, one a line, numbered as the deck numbers them:
    /// `P1 1. …` (for CSV and comparisons); empty when there are none.
    pub fn strategies_text(&self) -> String {
        let mut lines = Vec::new();
        for (stage, list) in self.strategies.stages() {
            for (i, strategy) in list.iter().enumerate() {
                lines.push(format!("{} {}. {strategy}", stage.code(), i + 1));
            }
        }
        lines.join("\n")
    }

    pub fn is_open(&self) -> bool {
        self.status == DealStatus::Open
    }

    /// The day the deal counts on: a closed deal's close day, else (and for closes recorded
    /// without one) its expected signing date.
    pub fn close_day(&self) -> Option<NaiveDate> {
        match self.status {
            DealStatus::Open => self.expected_close,
            DealStatus::Won | DealStatus::Lost => self.closed_on.or(self.expected_close),
        }
    }

    /// The entry that closed the deal (won or lost), while it is closed.
    pub fn closing(&self) -> Option<&StageChange> {
        if self.is_open() {
            return None;
        }
        self.history
            .iter()
            .rev()
            .find(|change| change.status == Some(self.status))
    }
}

/// A deal's strategies, stage by stage, each stage's in their order; written as an object of
/// the stages that have any (`{"P1": ["…", "…"]}`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Strategies([Vec<String>; 8]);

impl Strategies {
    /// The strategies of `stage`; none when it has none.
    pub fn get(&self, stage: Stage) -> &[String] {
        &self.0[stage.index()]
    }

    /// Sets (or, with an empty list, removes) the strategies of `stage`.
    pub fn set(&mut self, stage: Stage, list: Vec<String>) {
        self.0[stage.index()] = list;
    }

    /// No stage has any.
    pub fn is_empty(&self) -> bool {
        self.0.iter().all(Vec::is_empty)
    }

    /// The stages that have strategies, in order, with theirs.
    pub fn stages(&self) -> impl Iterator<Item = (Stage, &[String])> + '_ {
        Stage::ALL
            .into_iter()
            .map(|stage| (stage, self.get(stage)))
            .filter(|(_, list)| !list.is_empty())
    }
}

impl Serialize for Strategies {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(None)?;
        for (stage, list) in self.stages() {
            map.serialize_entry(stage.code(), list)?;
        }
        map.end()
    }
}

/// A ticked gate item: when, and what shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct GateCheck {
    /// The day the criterion was met.
    #[serde(serialize_with = "iso_date::day")]
    pub on: NaiveDate,
    /// What shows it: a document, a meeting, a name.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub evidence: String,
}

/// One entry of a deal's history: a move between stages, a close (won or lost) or a reopening.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StageChange {
    pub from: Stage,
    pub to: Stage,
    /// When (UTC).
    #[serde(serialize_with = "iso_date::moment")]
    pub at: DateTime<Utc>,
    /// Why, in the mover's words; required when gate items were missing, and when a deal is lost.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub reason: String,
    /// Gate items that were not met when the deal was moved forward anyway (an override).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub missing: Vec<GateId>,
    /// Set when the entry closed the deal (`won`, `lost`) or opened it again (`open`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<DealStatus>,
    /// A lost deal: to whom.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub competitor: String,
    /// Set when the entry records a change of the expected signing date (the stage stays).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub close: Option<CloseMove>,
}

/// A change of an open deal's expected signing date, as its history keeps it: what it was, and
/// what it became (either may be unset).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct CloseMove {
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "iso_date::optional_day"
    )]
    pub was: Option<NaiveDate>,
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "iso_date::optional_day"
    )]
    pub now: Option<NaiveDate>,
}

impl CloseMove {
    /// A slip: the date was set and moved later, or was taken away.
    pub fn is_slip(&self) -> bool {
        match (self.was, self.now) {
            (Some(was), Some(now)) => now > was,
            (Some(_), None) => true,
            (None, _) => false,
        }
    }
}

impl StageChange {
    /// A plain move from one stage to another.
    pub fn moved(from: Stage, to: Stage, at: DateTime<Utc>) -> StageChange {
        StageChange {
            from,
            to,
            at,
            reason: String::new(),
            missing: Vec::new(),
            status: None,
            competitor: String::new(),
            close: None,
        }
    }

    pub fn is_override(&self) -> bool {
        !self.missing.is_empty()
    }
}
