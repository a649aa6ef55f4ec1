//! What moved in a period's pipeline between two moments (a snapshot and a later one, or now).
//!
//! The pipeline of a period is the weighted amount of the deals open with their close day in it.
//! Each deal is counted where it explains the change, once:
//! - not in the opening pipeline, in the closing one: **new** when the earlier moment did not
//!   have it open (created since, or reopened), else **pulled in** (its close day moved in);
//! - in the opening pipeline, not in the closing one: **won**, **lost** (a deleted deal counts as
//!   lost), or **slipped out** (still open, its close day moved out of the period: later, or
//!   taken away; earlier counts here too), with its opening value;
//! - in both: its amount's change at the opening probability is **increased** or **decreased**,
//!   and its probability's change at the closing amount is a **stage move**.
//!
//! A deal that slips out and grows in the same interval is counted once, in slipped out, with
//! its opening value: the growth lies beyond the period and is in no closing pipeline of it.
//! Sums are exact; each bar is the change of the rounded running total, so the opening plus the
//! bars is the closing to the cent.
use crate::domain::deal::{DealId, DealStatus};
use crate::domain::money::{div_round_half_away, Money};
use crate::domain::period::{month_index, Period};
use crate::domain::snapshot::{find, Mark};

/// Why a deal's weighted amount moved in or out of the period's pipeline.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Move {
    New,
    Increased,
    Decreased,
    PulledIn,
    Slipped,
    Won,
    Lost,
    StageMoved,
}

impl Move {
    /// The bars in the order they are drawn.
    pub const ALL: [Move; 8] = [
        Move::New,
        Move::Increased,
        Move::Decreased,
        Move::PulledIn,
        Move::Slipped,
        Move::Won,
        Move::Lost,
        Move::StageMoved,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Move::New => "new",
            Move::Increased => "increased",
            Move::Decreased => "decreased",
            Move::PulledIn => "pulled_in",
            Move::Slipped => "slipped",
            Move::Won => "won",
            Move::Lost => "lost",
            Move::StageMoved => "stage_moved",
        }
    }
}

/// One deal's part of a bar, rounded to the cent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    pub id: DealId,
    pub amount: Money,
}

/// One bar: its change and the deals in it, by id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bar {
    pub kind: Move,
    pub amount: Money,
    pub deals: Vec<Line>,
}

/// Opening pipeline, the eight bars in [`Move::ALL`] order, closing pipeline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Waterfall {
    pub period: Period,
    pub opening: Money,
    pub opening_count: usize,
    pub bars: Vec<Bar>,
    pub closing: Money,
    pub closing_count: usize,
}

impl Waterfall {
    pub fn bar(&self, kind: Move) -> &Bar {
        &self.bars[Move::ALL.iter().position(|k| *k == kind).expect("listed")]
    }
}

fn cents(percent_minor: i128) -> Money {
    Money::from_minor(div_round_half_away(percent_minor, 100))
}

/// What moved in `period`'s pipeline from `from` to `to` (marks by id, as snapshots and
/// [`super::marks`] hold them), on the verified basis or the claimed. A deal missing from `to` was
/// deleted, and counts as lost.
pub fn waterfall(from: &[Mark], to: &[Mark], period: Period, verified: bool) -> Waterfall {
    waterfall_to(from, to, to, period, verified)
}

/// [`waterfall`] to a snapshot `to`, with how the deals stand `now`: a snapshot keeps only the
/// deals open or closed since its own period began, so a deal missing from it was closed before
/// (won, if it stands won now) or deleted (lost).
pub fn waterfall_to(
    from: &[Mark],
    to: &[Mark],
    now: &[Mark],
    period: Period,
    verified: bool,
) -> Waterfall {
    let mut sums: [(i128, Vec<(DealId, i128)>); 8] = Default::default();
    let mut add = |kind: Move, id: &DealId, value: i128| {
        if value != 0 || matches!(kind, Move::New | Move::Slipped | Move::Won | Move::Lost) {
            let entry = &mut sums[kind as usize];
            entry.0 += value;
            entry.1.push((id.clone(), value));
        }
    };
    let p = |m: &Mark| match verified {
        true => i128::from(m.verified_probability),
        false => i128::from(m.claimed_probability),
    };
    let (mut opening, mut opening_count) = (0i128, 0usize);
    for a in from.iter().filter(|m| m.open_in(period)) {
        opening += a.weighted_percent_minor(verified);
        opening_count += 1;
        let value = a.amount.minor() * p(a);
        match find(to, &a.id) {
            None if find(now, &a.id).is_some_and(|n| n.status == DealStatus::Won) => {
                add(Move::Won, &a.id, -value)
            }
            None => add(Move::Lost, &a.id, -value),
            Some(b) if b.status == DealStatus::Won => add(Move::Won, &a.id, -value),
            Some(b) if b.status == DealStatus::Lost => add(Move::Lost, &a.id, -value),
            Some(b) if !b.open_in(period) => add(Move::Slipped, &a.id, -value),
            Some(b) => {
                let amount = (b.amount.minor() - a.amount.minor()) * p(a);
                let kind = if amount > 0 {
                    Move::Increased
                } else {
                    Move::Decreased
                };
                add(kind, &a.id, amount);
                add(Move::StageMoved, &a.id, b.amount.minor() * (p(b) - p(a)));
            }
        }
    }
    let (mut closing, mut closing_count) = (0i128, 0usize);
    for b in to.iter().filter(|m| m.open_in(period)) {
        closing += b.weighted_percent_minor(verified);
        closing_count += 1;
        match find(from, &b.id) {
            Some(a) if a.open_in(period) => {}
            Some(a) if a.status == DealStatus::Open => {
                add(Move::PulledIn, &b.id, b.amount.minor() * p(b))
            }
            _ => add(Move::New, &b.id, b.amount.minor() * p(b)),
        }
    }
    let mut running = opening;
    let bars = Move::ALL
        .into_iter()
        .zip(sums)
        .map(|(kind, (sum, deals))| {
            let amount = cents(running + sum) - cents(running);
            running += sum;
            Bar {
                kind,
                amount,
                deals: deals
                    .into_iter()
                    .map(|(id, v)| Line {
                        id,
                        amount: cents(v),
                    })
                    .collect(),
            }
        })
        .collect();
    debug_assert_eq!(running, closing);
    Waterfall {
        period,
        opening: cents(opening),
        opening_count,
        bars,
        closing: cents(closing),
        closing_count,
    }
}

/// How often each deal slipped across a run of moments (snapshots in order, then perhaps now;
/// marks by id): from one moment to the next, an open deal whose close day moved to a later
/// month, or lost its date, slipped once. The deals that slipped, by id.
pub fn slips<'a>(moments: impl IntoIterator<Item = &'a [Mark]>) -> Vec<(DealId, u32)> {
    let mut previous: Option<(&[Mark], Vec<u32>)> = None;
    for marks in moments {
        let counts = marks
            .iter()
            .map(|b| {
                let Some((before, counts)) = &previous else {
                    return 0;
                };
                let Ok(at) = before.binary_search_by(|a| a.id.cmp(&b.id)) else {
                    return 0;
                };
                let a = &before[at];
                let open = a.status == DealStatus::Open && b.status == DealStatus::Open;
                let slipped = match (a.close, b.close) {
                    (Some(x), Some(y)) => month_index(y) > month_index(x),
                    (Some(_), None) => true,
                    _ => false,
                };
                counts[at] + u32::from(open && slipped)
            })
            .collect();
        previous = Some((marks, counts));
    }
    let Some((marks, counts)) = previous else {
        return Vec::new();
    };
    marks
        .iter()
        .zip(counts)
        .filter(|(_, n)| *n > 0)
        .map(|(m, n)| (m.id.clone(), n))
        .collect()
}

/// How often a deal slipped, from [`slips`].
pub fn slip_count(slips: &[(DealId, u32)], id: &DealId) -> u32 {
    slips
        .binary_search_by(|(d, _)| d.cmp(id))
        .map_or(0, |at| slips[at].1)
}
