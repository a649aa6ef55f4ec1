//! What the forecast reads of each deal, derived once and kept: amount, status, stage, the
//! probability and category on both bases (the verified one evaluates the gates), the day it
//! falls on, and its owner, product, region and segment as small numbers.
//!
//! A deal is a large value behind its own pointer; reading a few fields of 100,000 of them costs
//! a cache miss each, and the verified stage a walk through the gates. Facts sit side by side
//! (48 bytes a deal), so a forecast, a change of basis, window or filter, or a grouping reads
//! them in one sweep. [`Facts::refresh`] brings them up to a newer version of the plan by
//! deriving again only the deals that are not the very same shared value as before: a plan's
//! deals are shared (`Rc`) between versions and copied on write, and the facts keep the version
//! they were derived from, so a deal at the same address is the same, unchanged deal.
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::rc::Rc;

use chrono::NaiveDate;

use crate::domain::category::Category;
use crate::domain::deal::{Deal, DealStatus};
use crate::domain::filter::{Dimension, Filter};
use crate::domain::method::Method;
use crate::domain::money::Money;
use crate::domain::period::month_index;
use crate::domain::plan::Plan;
use crate::domain::stage::Stage;
use crate::domain::weighting::{weighing, Basis};

/// One deal as the forecast sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fact {
    pub amount: Money,
    pub status: DealStatus,
    /// The stage claimed.
    pub stage: Stage,
    /// Probability and category on the claimed basis.
    pub claimed: (u8, Category),
    /// Probability and category on the verified basis.
    pub verified: (u8, Category),
    /// The day the forecast places the deal on: the signing (or closing) day of a closed deal,
    /// the expected close of an open one.
    pub day: Option<NaiveDate>,
    /// `month_index(day)`, 0 without a day.
    pub month: i32,
    /// Owner, product, region and segment, as numbers of [`Facts::value`].
    pub values: [u32; 4],
}

impl Fact {
    /// Probability and category on `basis`.
    pub fn weighing(&self, basis: Basis) -> (u8, Category) {
        match basis {
            Basis::Claimed => self.claimed,
            Basis::Verified => self.verified,
        }
    }

    /// The number of this deal's value of `dimension`.
    pub fn value(&self, dimension: Dimension) -> u32 {
        self.values[slot(dimension)]
    }
}

fn slot(dimension: Dimension) -> usize {
    match dimension {
        Dimension::Owner => 0,
        Dimension::Product => 1,
        Dimension::Region => 2,
        Dimension::Segment => 3,
    }
}

/// A quick hash for the few short texts of a dimension (owners, regions …) and for addresses: a
/// multiply-rotate over 8-byte words. These keys come from the person's own plan, never chosen
/// to collide.
#[derive(Clone, Copy, Default)]
struct Quick(u64);

impl Hasher for Quick {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word))
                .wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// The texts of one dimension, each numbered once.
#[derive(Clone, Debug, Default)]
struct Names {
    texts: Vec<String>,
    numbers: HashMap<String, u32, BuildHasherDefault<Quick>>,
}

impl Names {
    fn number(&mut self, text: &str) -> u32 {
        if let Some(n) = self.numbers.get(text) {
            return *n;
        }
        let n = u32::try_from(self.texts.len()).expect("fewer than 2^32 distinct values");
        self.texts.push(text.to_string());
        self.numbers.insert(text.to_string(), n);
        n
    }
}

/// The facts of every deal of one version of a plan, in the plan's order.
#[derive(Clone, Debug, Default)]
pub struct Facts {
    /// The version derived from, kept so that its deals' addresses stay theirs (see the module).
    source: Option<Rc<Plan>>,
    facts: Vec<Fact>,
    names: [Names; 4],
}

impl Facts {
    /// The facts of `plan`, all derived now.
    pub fn of(plan: &Plan) -> Facts {
        let mut out = Facts::default();
        let facts = plan
            .deals
            .iter()
            .map(|d| out.derive(&plan.method, d))
            .collect();
        out.facts = facts;
        out
    }

    /// Brings the facts up to `plan`, deriving again only the deals that changed (all of them
    /// when the method changed), and tells how many were derived.
    pub fn refresh(&mut self, plan: &Rc<Plan>) -> usize {
        let old = match self.source.take() {
            Some(old) if Rc::ptr_eq(&old, plan) => {
                self.source = Some(old);
                return 0;
            }
            Some(old) if Rc::ptr_eq(&old.method, &plan.method) => old,
            _ => {
                *self = Facts::of(plan);
                self.source = Some(Rc::clone(plan));
                return self.facts.len();
            }
        };
        let mut derived = 0;
        let old_facts = std::mem::take(&mut self.facts);
        let mut facts = Vec::with_capacity(plan.deals.len());
        // walk both versions in step: a deal at the old place is reused, one just past it too (the
        // deal between was removed); a deal changed in place is derived again and keeps the step.
        // Otherwise (deals added, removed or changed together, as a merge does) the old deals are
        // looked up by address, once a table of them is needed, and the walk goes on from there.
        let mut by_address: Option<HashMap<*const Deal, usize, BuildHasherDefault<Quick>>> = None;
        let same_length = old.deals.len() == plan.deals.len();
        let mut j = 0;
        for deal in &plan.deals {
            let at = |k: usize| old.deals.get(k).is_some_and(|o| Rc::ptr_eq(o, deal));
            let reused = if at(j) {
                Some(j)
            } else if at(j + 1) {
                Some(j + 1)
            } else if same_length || j >= old.deals.len() {
                None
            } else {
                by_address
                    .get_or_insert_with(|| {
                        old.deals
                            .iter()
                            .enumerate()
                            .map(|(k, d)| (Rc::as_ptr(d), k))
                            .collect()
                    })
                    .get(&Rc::as_ptr(deal))
                    .copied()
            };
            facts.push(match reused {
                Some(k) => {
                    j = k + 1;
                    old_facts[k]
                }
                None => {
                    derived += 1;
                    if same_length {
                        j += 1;
                    }
                    self.derive(&plan.method, deal)
                }
            });
        }
        self.facts = facts;
        self.source = Some(Rc::clone(plan));
        derived
    }

    fn derive(&mut self, method: &Method, deal: &Deal) -> Fact {
        let day = deal.close_day();
        let mut values = [0; 4];
        for dimension in Dimension::ALL {
            values[slot(dimension)] = self.names[slot(dimension)].number(dimension.of(deal));
        }
        Fact {
            amount: deal.amount,
            status: deal.status,
            stage: deal.stage,
            claimed: weighing(method, deal, Basis::Claimed),
            verified: weighing(method, deal, Basis::Verified),
            day,
            month: day.map(month_index).unwrap_or_default(),
            values,
        }
    }

    /// Whether these are the facts of this very version of the plan.
    pub fn is_of(&self, plan: &Rc<Plan>) -> bool {
        self.source.as_ref().is_some_and(|s| Rc::ptr_eq(s, plan))
    }

    /// The facts, in the plan's order.
    pub fn all(&self) -> &[Fact] {
        &self.facts
    }

    pub fn len(&self) -> usize {
        self.facts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.facts.is_empty()
    }

    /// The text numbered `number` in `dimension`.
    pub fn value(&self, dimension: Dimension, number: u32) -> &str {
        &self.names[slot(dimension)].texts[number as usize]
    }

    /// The number of `text` in `dimension`, if some deal ever had it.
    pub fn number(&self, dimension: Dimension, text: &str) -> Option<u32> {
        self.names[slot(dimension)].numbers.get(text).copied()
    }

    /// The distinct values of `dimension` the deals have now, sorted, `""` left out.
    pub fn values(&self, dimension: Dimension) -> Vec<&str> {
        let names = &self.names[slot(dimension)];
        let mut seen = vec![false; names.texts.len()];
        for fact in &self.facts {
            seen[fact.value(dimension) as usize] = true;
        }
        let mut values: Vec<&str> = names
            .texts
            .iter()
            .zip(seen)
            .filter(|(text, seen)| *seen && !text.is_empty())
            .map(|(text, _)| text.as_str())
            .collect();
        values.sort_unstable();
        values
    }

    /// Which deals `filter` keeps, as a test on a deal's index and facts. A score floor reads
    /// the deal itself (`plan` must be the version these facts are of).
    pub fn keeps<'a>(&'a self, plan: &'a Plan, filter: &'a Filter) -> Keeps<'a> {
        debug_assert_eq!(plan.deals.len(), self.facts.len());
        let wanted = filter
            .only
            .iter()
            .map(|(d, v)| self.number(*d, v).map(|n| (slot(*d), n)))
            .collect();
        Keeps {
            plan,
            filter,
            wanted,
        }
    }
}

/// A filter resolved against the facts' numbers (see [`Facts::keeps`]).
pub struct Keeps<'a> {
    plan: &'a Plan,
    filter: &'a Filter,
    /// `None` when the filter asks for a value no deal has.
    wanted: Option<Vec<(usize, u32)>>,
}

impl Keeps<'_> {
    /// Whether the deal at `index`, with these facts, is kept.
    pub fn test(&self, index: usize, fact: &Fact) -> bool {
        let Some(wanted) = &self.wanted else {
            return false;
        };
        wanted.iter().all(|(s, n)| fact.values[*s] == *n)
            && (self.filter.score.is_none()
                || self
                    .filter
                    .matches(&self.plan.method, &self.plan.deals[index]))
    }
}
