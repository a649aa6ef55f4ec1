//! How each quota stands: won against the target, the gap, and the weighted pipeline that could
//! close it, over the deals a filter keeps.
use crate::domain::deal::DealStatus;
use crate::domain::filter::Filter;
use crate::domain::money::{div_round_half_away, Money};
use crate::domain::period::Period;
use crate::domain::plan::Plan;
use crate::domain::weighting::{probability, Basis};

/// How one quota stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attainment {
    pub owner: Option<String>,
    pub period: Period,
    pub quota: Money,
    /// Won deals signed in the period.
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

/// Attainment of the quotas `filter` concerns, team first, then owners A–Z, then by period.
///
/// With an owner in the filter only that owner's quotas are listed (the team's would compare the
/// team's target with one person's deals); with a product, region or segment in it, none (see
/// [`Filter::quota_owner`]).
pub fn attainments(plan: &Plan, basis: Basis, filter: &Filter) -> Vec<Attainment> {
    let Some(owner) = filter.quota_owner() else {
        return Vec::new();
    };
    let mut list: Vec<Attainment> = plan
        .quotas
        .iter()
        .filter(|quota| owner.is_none() || quota.owner.as_deref() == owner)
        .map(|quota| {
            let period = quota.period.period();
            let theirs = |deal_owner: &str| quota.owner.as_deref().is_none_or(|o| o == deal_owner);
            let mut won = Money::ZERO;
            let mut weighted_percent_minor: i128 = 0;
            for deal in plan.deals.iter().filter(|d| theirs(&d.owner)) {
                match deal.status {
                    DealStatus::Won if deal.close_day().is_some_and(|d| period.contains(d)) => {
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
