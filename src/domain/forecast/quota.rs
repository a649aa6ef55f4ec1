//! Quotas (销售任务) per owner or for the team, per month or quarter, and their attainment.
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::period::{Granularity, Period};
use super::{probability, Basis};
use crate::domain::deal::DealStatus;
use crate::domain::money::{div_round_half_away, Money};
use crate::domain::plan::Plan;
use crate::domain::summary::close_day;

/// A sales target.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quota {
    /// Whose target; absent for the team as a whole.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// `"2026-11"` (a month) or `"2026-Q4"` (a quarter).
    pub period: QuotaPeriod,
    /// The target amount.
    pub amount: Money,
}

/// A month or a quarter, written `2026-11` or `2026-Q4`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct QuotaPeriod(pub Period);

impl Serialize for QuotaPeriod {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.code().serialize(s)
    }
}

impl<'de> Deserialize<'de> for QuotaPeriod {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<QuotaPeriod, D::Error> {
        let text = String::deserialize(d)?;
        Period::parse(&text)
            .filter(|p| p.granularity != Granularity::Year)
            .map(QuotaPeriod)
            .ok_or_else(|| {
                serde::de::Error::custom(format!(
                    "\"{text}\" is not a month (2026-11) or a quarter (2026-Q4)"
                ))
            })
    }
}

/// How one quota stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attainment {
    pub owner: Option<String>,
    pub period: Period,
    pub quota: Money,
    /// Won deals closed in the period.
    pub won: Money,
    /// Weighted open deals expected to close in the period.
    pub open_weighted: Money,
}

impl Attainment {
    /// What is still to win (negative once the quota is exceeded).
    pub fn gap(&self) -> Money {
        self.quota - self.won
    }

    /// Won ÷ quota, in tenths of a percent (`1000` = 100.0 %); none for a zero quota.
    pub fn attainment_permille(&self) -> Option<i128> {
        ratio_permille(self.won, self.quota)
    }

    /// Weighted open pipeline ÷ remaining quota (`1500` = 1.5×); none when nothing remains.
    pub fn coverage_permille(&self) -> Option<i128> {
        ratio_permille(self.open_weighted, self.gap())
    }
}

/// `numerator ÷ denominator × 1000`, rounded half away from zero; none unless the denominator is positive.
pub fn ratio_permille(numerator: Money, denominator: Money) -> Option<i128> {
    (denominator.minor() > 0)
        .then(|| div_round_half_away(numerator.minor() * 1000, denominator.minor()))
}

/// The quota of `owner` (the team when `None`) for exactly this period.
pub fn quota_for(plan: &Plan, owner: Option<&str>, period: Period) -> Option<Money> {
    plan.quotas
        .iter()
        .find(|q| q.owner.as_deref() == owner && q.period == QuotaPeriod(period))
        .map(|q| q.amount)
}

/// Attainment of every quota in the plan, team first, then owners A–Z, then by period.
pub fn attainments(plan: &Plan, basis: Basis) -> Vec<Attainment> {
    let mut list: Vec<Attainment> = plan
        .quotas
        .iter()
        .map(|quota| {
            let period = quota.period.0;
            let mine = |owner: &str| quota.owner.as_deref().is_none_or(|o| o == owner);
            let mut won = Money::ZERO;
            let mut weighted_percent_minor: i128 = 0;
            for deal in plan.deals.iter().filter(|d| mine(&d.owner)) {
                match deal.status {
                    DealStatus::Won if close_day(deal).is_some_and(|d| period.contains(d)) => {
                        won += deal.amount
                    }
                    DealStatus::Open if deal.expected_close.is_some_and(|d| period.contains(d)) => {
                        weighted_percent_minor += deal.amount.minor()
                            * i128::from(probability(&plan.method, deal, basis));
                    }
                    _ => {}
                }
            }
            Attainment {
                owner: quota.owner.clone(),
                period,
                quota: quota.amount,
                won,
                open_weighted: Money::from_minor(div_round_half_away(weighted_percent_minor, 100)),
            }
        })
        .collect();
    list.sort_by(|a, b| {
        (a.owner.is_some(), &a.owner, a.period).cmp(&(b.owner.is_some(), &b.owner, b.period))
    });
    list
}
