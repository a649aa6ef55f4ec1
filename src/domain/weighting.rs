//! How much a deal counts for: its win probability and forecast category, from the stage it
//! claims or from the stage its evidence supports, and exact weighted sums.
use super::category::Category;
use super::deal::{Deal, DealStatus};
use super::gates::verified_stage;
use super::method::Method;
use super::money::{div_round_half_away, Money};

/// Which stage a deal's probability and category come from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Basis {
    /// The stage the salesperson claims (and the deal's own probability and category).
    #[default]
    Claimed,
    /// The stage the recorded evidence supports; a deal's own figures are claims and do not count.
    Verified,
}

/// A deal's win probability in percent under a basis: 100 once won, 0 once lost.
pub fn probability(method: &Method, deal: &Deal, basis: Basis) -> u8 {
    weighing(method, deal, basis).0
}

/// A deal's forecast category under a basis.
pub fn category(method: &Method, deal: &Deal, basis: Basis) -> Category {
    weighing(method, deal, basis).1
}

/// Probability and category together, evaluating the gates at most once.
pub fn weighing(method: &Method, deal: &Deal, basis: Basis) -> (u8, Category) {
    match (deal.status, basis) {
        (DealStatus::Won, _) => (100, Category::Closed),
        (DealStatus::Lost, _) => (0, Category::for_stage(deal.stage)),
        (DealStatus::Open, Basis::Claimed) => (
            deal.probability
                .unwrap_or_else(|| method.probability(deal.stage)),
            deal.category
                .unwrap_or_else(|| Category::for_stage(deal.stage)),
        ),
        (DealStatus::Open, Basis::Verified) => {
            let stage = verified_stage(method, deal);
            (method.probability(stage), Category::for_stage(stage))
        }
    }
}

/// One deal's amount × claimed probability, rounded to the cent (sums use [`weighted_sum`]).
pub fn weighted(method: &Method, deal: &Deal) -> Money {
    deal.amount
        .percent(probability(method, deal, Basis::Claimed))
}

/// Σ amount × claimed probability over `deals`, rounded half away from zero once, at the end.
pub fn weighted_sum<'a>(method: &Method, deals: impl IntoIterator<Item = &'a Deal>) -> Money {
    let percent_minor: i128 = deals
        .into_iter()
        .map(|d| d.amount.minor() * i128::from(probability(method, d, Basis::Claimed)))
        .sum();
    Money::from_minor(div_round_half_away(percent_minor, 100))
}
