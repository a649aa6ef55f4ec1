//! Targets handed down (销售任务如何下达): the team's target for a year or a quarter, split to
//! owners, products or regions by share or by amount ([`super::split`]), and how each part and
//! the team stand: won in the period against the part.
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Serialize, Serializer};

use super::deal::{Deal, DealStatus};
use super::money::Money;
use super::period::{Granularity, Period};
use super::split::{Allocation, Split};

/// What a target's parts are: owners, products or regions.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum SplitTo {
    #[default]
    Owner,
    Product,
    Region,
}

impl SplitTo {
    pub const ALL: [SplitTo; 3] = [SplitTo::Owner, SplitTo::Product, SplitTo::Region];

    /// `owner`, `product` or `region`, as files and the page name it.
    pub fn code(self) -> &'static str {
        match self {
            SplitTo::Owner => "owner",
            SplitTo::Product => "product",
            SplitTo::Region => "region",
        }
    }

    pub fn parse(code: &str) -> Option<SplitTo> {
        SplitTo::ALL.into_iter().find(|s| s.code() == code)
    }

    /// The deal's owner, product or region.
    pub fn of(self, deal: &Deal) -> &str {
        match self {
            SplitTo::Owner => &deal.owner,
            SplitTo::Product => &deal.product,
            SplitTo::Region => &deal.region,
        }
    }
}

/// A year or a quarter, written `2026` or `2026-Q4`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TargetPeriod(Period);

impl TargetPeriod {
    /// `period` as a target period; none for a month.
    pub fn new(period: Period) -> Option<TargetPeriod> {
        (period.granularity != Granularity::Month).then_some(TargetPeriod(period))
    }

    /// Reads `2026` or `2026-Q4`.
    pub fn parse(text: &str) -> Option<TargetPeriod> {
        let text = text.trim();
        if let Some(year) = crate::domain::period::year(text) {
            return TargetPeriod::new(Period {
                start: NaiveDate::from_ymd_opt(year, 1, 1)?,
                granularity: Granularity::Year,
            });
        }
        Period::parse(text).and_then(TargetPeriod::new)
    }

    pub fn period(self) -> Period {
        self.0
    }

    /// `2026` or `2026-Q4`.
    pub fn code(self) -> String {
        self.0.code()
    }
}

/// The team's target for a period, handed down in parts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Target {
    pub period: TargetPeriod,
    /// What the parts are.
    pub to: SplitTo,
    /// The team's amount and its parts.
    pub split: Split,
    /// When it was last set; none in files written before targets had it (older than any set
    /// since). Two versions of a target (two tabs, an import) keep the later.
    pub updated: Option<DateTime<Utc>>,
}

/// How one part (or the team) stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Standing {
    /// The part's name; empty for the team.
    pub name: String,
    /// The part's target (the team's: the whole target).
    pub target: Money,
    /// Won deals signed in the period (for a part: whose owner, product or region is its name).
    pub won: Money,
}

impl Standing {
    /// What is still to win (negative once exceeded).
    pub fn gap(&self) -> Money {
        self.target - self.won
    }
}

/// How a target stands: its allocation, each part, the parts together and the team.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TargetStanding {
    pub allocation: Allocation,
    pub parts: Vec<Standing>,
    /// The whole team: every deal won in the period, against the whole target (deals of no part
    /// count here too).
    pub team: Standing,
}

impl Target {
    /// The same period, parts and split, whenever each was set.
    pub fn same_as(&self, other: &Target) -> bool {
        (self.period, self.to, &self.split) == (other.period, other.to, &other.split)
    }

    /// Each part's won amount against its share of the target, rolled up to the team.
    pub fn standing<'a>(&self, deals: impl IntoIterator<Item = &'a Deal>) -> TargetStanding {
        let allocation = self.split.allocate();
        let period = self.period.period();
        let mut won = vec![Money::ZERO; self.split.parts.len()];
        let mut team = Money::ZERO;
        for deal in deals {
            if deal.status != DealStatus::Won
                || !deal.close_day().is_some_and(|d| period.contains(d))
            {
                continue;
            }
            team += deal.amount;
            let value = self.to.of(deal);
            if let Some(i) = self.split.parts.iter().position(|p| p.name == value) {
                won[i] += deal.amount;
            }
        }
        let parts = self
            .split
            .parts
            .iter()
            .zip(&allocation.amounts)
            .zip(won)
            .map(|((part, target), won)| Standing {
                name: part.name.clone(),
                target: *target,
                won,
            })
            .collect();
        TargetStanding {
            parts,
            team: Standing {
                name: String::new(),
                target: self.split.total,
                won: team,
            },
            allocation,
        }
    }
}

/// In files: `{"period": "2026", "to": "owner", "amount": …, "by": …, "parts": […], "updated": …}`.
impl Serialize for Target {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serde_json::Map::new();
        map.insert("period".into(), self.period.code().into());
        map.insert("to".into(), self.to.code().into());
        map.extend(self.split.fields());
        if let Some(updated) = self.updated {
            map.insert(
                "updated".into(),
                serde_json::to_value(updated).map_err(serde::ser::Error::custom)?,
            );
        }
        serde_json::Value::Object(map).serialize(serializer)
    }
}
