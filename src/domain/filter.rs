//! The deal attributes a view can be filtered or grouped by (产品 × 客户群 × 区域, and owner), and
//! the filter itself: a filter chosen in one view applies to every figure that view shows. It may
//! also keep only deals whose score (量化评测, [`crate::domain::score`]) reaches a floor.
use chrono::{FixedOffset, NaiveDate};

use super::deal::Deal;
use super::method::Method;
use super::score::score;

/// A deal attribute the forecast can be filtered or grouped by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Dimension {
    Owner,
    Product,
    Region,
    Segment,
}

impl Dimension {
    pub const ALL: [Dimension; 4] = [
        Dimension::Owner,
        Dimension::Product,
        Dimension::Region,
        Dimension::Segment,
    ];

    /// The deal's value of this attribute.
    pub fn of(self, deal: &Deal) -> &str {
        match self {
            Dimension::Owner => &deal.owner,
            Dimension::Product => &deal.product,
            Dimension::Region => &deal.region,
            Dimension::Segment => &deal.segment,
        }
    }

    /// `owner`, `product`, `region` or `segment`, as the page names it.
    pub fn code(self) -> &'static str {
        match self {
            Dimension::Owner => "owner",
            Dimension::Product => "product",
            Dimension::Region => "region",
            Dimension::Segment => "segment",
        }
    }

    pub fn parse(code: &str) -> Option<Dimension> {
        Dimension::ALL.into_iter().find(|d| d.code() == code)
    }
}

/// Keep only deals scoring at least `min` on `today` in the time zone `zone` (the person's).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ScoreFloor {
    pub min: u32,
    pub today: NaiveDate,
    pub zone: FixedOffset,
}

/// The floors the forecast offers, in points.
pub const SCORE_FLOORS: [u32; 3] = [25, 50, 75];

/// Keep only deals whose attributes equal these values, and that reach the score floor if there
/// is one; empty keeps everything.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    pub only: Vec<(Dimension, String)>,
    pub score: Option<ScoreFloor>,
}

impl Filter {
    /// Whether the filter keeps `deal`, scored by `method` when there is a score floor.
    pub fn matches(&self, method: &Method, deal: &Deal) -> bool {
        self.only
            .iter()
            .all(|(dimension, value)| dimension.of(deal) == value)
            && self
                .score
                .is_none_or(|f| score(method, deal, f.today, &f.zone).total >= f.min)
    }

    pub fn is_empty(&self) -> bool {
        self.only.is_empty() && self.score.is_none()
    }

    /// The same filter with this score floor (none removes it).
    pub fn with_score(&self, score: Option<ScoreFloor>) -> Filter {
        Filter {
            score,
            ..self.clone()
        }
    }

    /// The value this filter requires of `dimension`, if any.
    pub fn value(&self, dimension: Dimension) -> Option<&str> {
        self.only
            .iter()
            .find(|(d, _)| *d == dimension)
            .map(|(_, v)| v.as_str())
    }

    /// Whose quota the deals this filter keeps are measured against: the filtered owner's, or the
    /// team's when no owner is filtered (`Some(None)`). None when the filter narrows the deals by
    /// product, region, segment or score: quotas are set per owner or team, and comparing one
    /// region's deals (or the best-scored ones) with the team's target would mislead.
    pub fn quota_owner(&self) -> Option<Option<&str>> {
        if self.score.is_some() || self.only.iter().any(|(d, _)| *d != Dimension::Owner) {
            return None;
        }
        Some(self.value(Dimension::Owner))
    }

    /// The same filter with `dimension` set to `value` (an empty value removes it).
    pub fn with(&self, dimension: Dimension, value: &str) -> Filter {
        let mut only: Vec<(Dimension, String)> = self
            .only
            .iter()
            .filter(|(d, _)| *d != dimension)
            .cloned()
            .collect();
        if !value.is_empty() {
            only.push((dimension, value.to_string()));
        }
        only.sort_by_key(|(d, _)| *d as u8);
        Filter {
            only,
            score: self.score,
        }
    }
}
