//! Splitting an amount into parts (销售任务下达, 奖金包分配), exact to the fen: by shares in percent
//! or by amounts, with what is left over shown and the sum checked.
//!
//! A split by shares gives each part `total × share ÷ 100 %` rounded down to the fen, then hands
//! the fen still missing from `total × Σ shares ÷ 100 %` (itself rounded half away from zero, once)
//! one each to the parts whose cut-off fraction was largest, the earlier part first on a tie. The
//! parts therefore always add up to exactly the shares' portion of the total, and to the total
//! itself when the shares add up to 100 %.
use std::collections::BTreeMap;

use serde::{Serialize, Serializer};
use serde_json::{Map, Value};

use super::money::Money;

/// 100 % in the unit of shares (hundredths of a percent: `4000` is 40 %).
pub const WHOLE: i128 = 10_000;

/// How the parts of a split are given.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum SplitKind {
    /// Each part is a share of the total, in percent with at most two decimals.
    #[default]
    Share,
    /// Each part is an amount of money.
    Amount,
}

impl SplitKind {
    pub const ALL: [SplitKind; 2] = [SplitKind::Share, SplitKind::Amount];

    /// `share` or `amount`, as files and the page name it.
    pub fn code(self) -> &'static str {
        match self {
            SplitKind::Share => "share",
            SplitKind::Amount => "amount",
        }
    }

    pub fn parse(code: &str) -> Option<SplitKind> {
        SplitKind::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// One part of a split: who (or what) it goes to and its share or amount.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Part {
    /// A person, a product or a region.
    pub name: String,
    /// Hundredths of a percent ([`SplitKind::Share`]) or minor units ([`SplitKind::Amount`]).
    pub value: i128,
    /// Fields this version does not know, kept as they came.
    pub extra: BTreeMap<String, serde_json::Value>,
}

impl Part {
    /// The part's share as written in files and inputs (`33.34`), its minor units read as a decimal.
    pub fn value_money(&self) -> Money {
        Money::from_minor(self.value)
    }
}

/// An amount and its parts.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Split {
    pub total: Money,
    pub kind: SplitKind,
    pub parts: Vec<Part>,
    /// Fields this version does not know, kept as they came.
    pub extra: BTreeMap<String, serde_json::Value>,
}

/// What a split comes to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Allocation {
    /// Each part's amount, in the parts' order.
    pub amounts: Vec<Money>,
    /// What the parts leave of the total (negative when they ask for more than it).
    pub remainder: Money,
    /// The shares' sum in hundredths of a percent (a split by amounts: none).
    pub share_sum: Option<i128>,
}

impl Allocation {
    /// The parts add up to the total: shares to 100 %, amounts to the total.
    pub fn is_complete(&self) -> bool {
        self.remainder == Money::ZERO && self.share_sum.is_none_or(|s| s == WHOLE)
    }
}

impl Split {
    /// Each part's amount and what is left, by the rule in the module's comment.
    pub fn allocate(&self) -> Allocation {
        match self.kind {
            SplitKind::Amount => {
                let amounts: Vec<Money> = self
                    .parts
                    .iter()
                    .map(|p| Money::from_minor(p.value))
                    .collect();
                let sum: Money = amounts.iter().copied().sum();
                Allocation {
                    amounts,
                    remainder: self.total - sum,
                    share_sum: None,
                }
            }
            SplitKind::Share => {
                let total = self.total.minor();
                let share_sum: i128 = self.parts.iter().map(|p| p.value).sum();
                let covered = super::money::div_round_half_away(total * share_sum, WHOLE);
                let mut amounts: Vec<i128> = Vec::with_capacity(self.parts.len());
                let mut fractions: Vec<i128> = Vec::with_capacity(self.parts.len());
                for part in &self.parts {
                    let exact = total * part.value.max(0);
                    amounts.push(exact.div_euclid(WHOLE));
                    fractions.push(exact.rem_euclid(WHOLE));
                }
                let missing = covered - amounts.iter().sum::<i128>();
                // fewer fen are missing than there are parts (each lost less than one): each goes
                // to the largest fraction left, the earliest part on a tie
                for _ in 0..missing.max(0) {
                    let Some(at) = (0..fractions.len()).rev().max_by_key(|i| fractions[*i]) else {
                        break;
                    };
                    amounts[at] += 1;
                    fractions[at] = -1;
                }
                let amounts: Vec<Money> = amounts.into_iter().map(Money::from_minor).collect();
                let sum: Money = amounts.iter().copied().sum();
                Allocation {
                    amounts,
                    remainder: self.total - sum,
                    share_sum: Some(share_sum),
                }
            }
        }
    }
}

/// In files: `{"amount": 100000, "by": "share", "parts": [{"name": "张三", "share": 33.34}]}`, a
/// part's `share` in percent or its `amount` as the split's `by` says.
impl Serialize for Split {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        Value::Object(self.fields()).serialize(serializer)
    }
}

/// An amount as a JSON number, written exactly.
pub fn number(money: Money) -> Value {
    Value::Number(
        money
            .to_decimal_string()
            .parse()
            .expect("a decimal is a JSON number"),
    )
}

impl Split {
    /// A share in hundredths of a percent as written in files and shown (`3334` → `33.34`).
    pub fn share_text(value: i128) -> String {
        Money::from_minor(value).to_decimal_string()
    }

    /// `amount`, `by`, `parts` and the unknown fields, as written (a target adds its own).
    pub fn fields(&self) -> Map<String, Value> {
        let mut map = Map::new();
        map.insert("amount".into(), number(self.total));
        map.insert("by".into(), self.kind.code().into());
        let parts = self
            .parts
            .iter()
            .map(|p| {
                let mut part = Map::new();
                part.insert("name".into(), p.name.clone().into());
                part.insert(self.kind.code().into(), number(p.value_money()));
                part.extend(p.extra.clone());
                Value::Object(part)
            })
            .collect();
        map.insert("parts".into(), Value::Array(parts));
        map.extend(self.extra.clone());
        map
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(total: i128, kind: SplitKind, values: &[i128]) -> Allocation {
        Split {
            total: Money::from_minor(total),
            kind,
            parts: values
                .iter()
                .enumerate()
                .map(|(i, v)| Part {
                    name: format!("p{i}"),
                    value: *v,
                    ..Part::default()
                })
                .collect(),
            ..Split::default()
        }
        .allocate()
    }

    #[test]
    fn thirds_hand_the_missing_fen_to_the_first_part() {
        let a = split(10_000_000, SplitKind::Share, &[3333, 3333, 3334]);
        assert_eq!(
            a.amounts,
            [3_333_000, 3_333_000, 3_334_000].map(Money::from_minor)
        );
        let a = split(100, SplitKind::Share, &[3333, 3333, 3334]);
        assert_eq!(a.amounts, [33, 33, 34].map(Money::from_minor));
        assert!(a.is_complete());
    }
}
