//! Sales targets (销售任务): an amount per owner or for the team, per month or quarter.
use serde::{Serialize, Serializer};

use super::money::Money;
use super::period::{Granularity, Period};

/// A sales target.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Quota {
    /// Whose target; absent for the team as a whole.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// `"2026-11"` (a month) or `"2026-Q4"` (a quarter).
    pub period: QuotaPeriod,
    /// The target amount.
    pub amount: Money,
}

/// A month or a quarter (never a year), written `2026-11` or `2026-Q4`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct QuotaPeriod(Period);

impl QuotaPeriod {
    /// `period` as a quota period; none for a year.
    pub fn new(period: Period) -> Option<QuotaPeriod> {
        (period.granularity != Granularity::Year).then_some(QuotaPeriod(period))
    }

    /// Reads `2026-11` or `2026-Q4`, the one place quota periods are parsed.
    pub fn parse(text: &str) -> Option<QuotaPeriod> {
        Period::parse(text).and_then(QuotaPeriod::new)
    }

    pub fn period(self) -> Period {
        self.0
    }
}

impl Serialize for QuotaPeriod {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.code().serialize(s)
    }
}

/// The quota of `owner` (the team when `None`) for exactly this period.
pub fn quota_for(quotas: &[Quota], owner: Option<&str>, period: Period) -> Option<Money> {
    quotas
        .iter()
        .find(|q| q.owner.as_deref() == owner && q.period.period() == period)
        .map(|q| q.amount)
}
