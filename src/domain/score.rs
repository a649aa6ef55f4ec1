//! The deal score (量化评测): 0–100 from five visible parts, each with its points, its maximum
//! and why, and the next action that would raise the score most.
//!
//! # Formula
//! Each part `p` has a weight `w(p)` (method data, `people.weights`) and a share `s(p)` from 0
//! to 1, given as a fraction; its points are `round(w(p) · s(p))` (halves up). The score is
//! `round(100 · Σ points / Σ w)`, 0 when every weight is 0.
//!
//! - **Gates**: `s` = verified stage index / 7 (P0 = 0, P7 = 1).
//! - **Chain**: `s` = checks met / 4, the checks being: a decision maker is recorded; every
//!   decision maker is supportive or a champion; a coach is recorded; at least two contacts are
//!   at 熟悉 or closer.
//! - **Competition**: no competitor recorded: `s` = 0. Otherwise our closest relationship (the
//!   highest rung of any contact) against the closest of any competitor: above theirs 3/3, level
//!   2/3, below 1/3; one third less (not below 0) when a competitor's price is lower than ours.
//! - **Freshness**: `d` = days since the last update (local days); `t` = the stage's stale limit;
//!   `s` = 1 while `d ≤ t`, then `(2t − d) / t`, 0 from `d ≥ 2t`.
//! - **Slips**: the lower of two shares. The slip under way: an open deal whose expected close
//!   is `o` days past (`o > 0`) has `(t − o) / t` (0 from `o ≥ t`), otherwise 1. The slips so far:
//!   `n` changes of the expected close in the history that moved it later or took it away give
//!   `(3 − n) / 3` (0 from three slips).
use chrono::{NaiveDate, TimeZone};

use super::deal::Deal;
use super::gates::{missing_in, verified_stage};
use super::method::{GateId, Method, ScorePart};
use super::people::{Attitude, PricePosition, Relationship, Role};
use super::period::local_day;
use super::stage::Stage;

/// Why a part has its points.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ScoreWhy {
    /// The evidence supports this stage.
    Verified(Stage),
    /// `met` of the four chain checks.
    Chain {
        met: u32,
    },
    NoCompetitors,
    /// Our closest rung, the competitors' closest, and whether one is cheaper.
    Position {
        ours: Relationship,
        theirs: Relationship,
        cheaper: bool,
    },
    /// Days since the last update, and the stage's limit.
    Idle {
        days: i64,
        limit: u32,
    },
    /// Days the expected close is past (0: not past), and how often it slipped (moved later or
    /// taken away, as the history records it).
    Overdue {
        days: i64,
        slips: usize,
    },
}

/// The next action that would raise a part.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Raise {
    /// Meet this gate item (with its evidence).
    MeetGate(GateId),
    RecordDecisionMaker,
    WinDecisionMaker,
    FindCoach,
    /// Bring a second contact to 熟悉.
    Broaden,
    RecordCompetitors,
    /// Get closer to the customer than the competition is.
    Deepen,
    /// Answer a cheaper competitor: the value of our offer, or its terms.
    AnswerPrice,
    /// Update the deal.
    Update,
    /// Agree a new close date with the customer.
    Redate,
}

/// One part of the score.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Part {
    pub part: ScorePart,
    pub points: u32,
    pub max: u32,
    pub why: ScoreWhy,
    /// What would raise it, when it is short of its maximum.
    pub raise: Option<Raise>,
}

/// A deal's score.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Score {
    /// 0 to 100.
    pub total: u32,
    /// In [`ScorePart::ALL`]'s order.
    pub parts: Vec<Part>,
}

impl Score {
    /// The action of the part furthest from its maximum (the first on a tie).
    pub fn raise_most(&self) -> Option<&Raise> {
        let mut best: Option<&Part> = None;
        for part in self.parts.iter().filter(|p| p.raise.is_some()) {
            if best.is_none_or(|b| part.max - part.points > b.max - b.points) {
                best = Some(part);
            }
        }
        best.and_then(|p| p.raise.as_ref())
    }
}

/// Slips of the close date after which the slips part has no points left.
const SLIPS: i64 = 3;

/// `round(w · num / den)`, halves up.
fn share(weight: u32, num: i64, den: i64) -> u32 {
    let num = num.clamp(0, den);
    ((2 * i64::from(weight) * num + den) / (2 * den)) as u32
}

/// The score of `deal` on `today` (in the person's time zone `zone`).
pub fn score<Tz: TimeZone>(method: &Method, deal: &Deal, today: NaiveDate, zone: &Tz) -> Score {
    score_on(method, deal, today, local_day(deal.updated, zone))
}

/// The score with the day of the last update already in local time: one copy of the code for
/// every time zone type (the download carries it once).
fn score_on(method: &Method, deal: &Deal, today: NaiveDate, updated: NaiveDate) -> Score {
    let weights = method.people.weights;
    let part = |part, num: i64, den: i64, why, raise: Option<Raise>| {
        let max = weights.get(part);
        let points = share(max, num, den);
        Part {
            part,
            points,
            max,
            why,
            raise: raise.filter(|_| points < max),
        }
    };
    let verified = verified_stage(method, deal);
    let gates = part(
        ScorePart::Gates,
        verified.index() as i64,
        7,
        ScoreWhy::Verified(verified),
        missing_in(method, deal, verified)
            .first()
            .map(|item| Raise::MeetGate(item.id.clone())),
    );

    let contacts = &deal.people.contacts;
    let deciders: Vec<_> = contacts
        .iter()
        .filter(|c| c.has(Role::DecisionMaker))
        .collect();
    let checks = [
        (!deciders.is_empty(), Raise::RecordDecisionMaker),
        (
            !deciders.is_empty()
                && deciders
                    .iter()
                    .all(|c| c.attitude_or_neutral() >= Attitude::Supportive),
            Raise::WinDecisionMaker,
        ),
        (
            contacts.iter().any(|c| c.has(Role::Coach)),
            Raise::FindCoach,
        ),
        (
            contacts
                .iter()
                .filter(|c| c.relationship_or_none() >= Relationship::Familiar)
                .count()
                >= 2,
            Raise::Broaden,
        ),
    ];
    let met = checks.iter().filter(|(ok, _)| *ok).count() as u32;
    let chain = part(
        ScorePart::Chain,
        i64::from(met),
        4,
        ScoreWhy::Chain { met },
        checks.into_iter().find(|(ok, _)| !ok).map(|(_, r)| r),
    );

    let competitors = &deal.people.competitors;
    let competition = if competitors.is_empty() {
        part(
            ScorePart::Competition,
            0,
            3,
            ScoreWhy::NoCompetitors,
            Some(Raise::RecordCompetitors),
        )
    } else {
        let ours = contacts
            .iter()
            .map(|c| c.relationship_or_none())
            .max()
            .unwrap_or(Relationship::Stranger);
        let theirs = competitors
            .iter()
            .filter_map(|c| c.relationship)
            .max()
            .unwrap_or(Relationship::Stranger);
        let cheaper = competitors
            .iter()
            .any(|c| c.price == Some(PricePosition::Lower));
        let thirds = match ours.cmp(&theirs) {
            std::cmp::Ordering::Greater => 3,
            std::cmp::Ordering::Equal => 2,
            std::cmp::Ordering::Less => 1,
        } - i64::from(cheaper);
        part(
            ScorePart::Competition,
            thirds,
            3,
            ScoreWhy::Position {
                ours,
                theirs,
                cheaper,
            },
            // closer than the competition already, the price is what is left to answer
            Some(if ours > theirs {
                Raise::AnswerPrice
            } else {
                Raise::Deepen
            }),
        )
    };

    let limit = method.rules(deal.stage).stale_days.max(1);
    let t = i64::from(limit);
    let days = (today - updated).num_days().max(0);
    let freshness = part(
        ScorePart::Freshness,
        if days <= t { t } else { 2 * t - days },
        t,
        ScoreWhy::Idle { days, limit },
        Some(Raise::Update),
    );

    let overdue = match deal.expected_close {
        Some(close) if deal.is_open() => (today - close).num_days().max(0),
        _ => 0,
    };
    let slipped = deal
        .history
        .iter()
        .filter_map(|change| change.close)
        .filter(|close| close.is_slip())
        .count();
    // the lower of the two shares: days past the date, and slips so far (none left from three)
    let slips = part(
        ScorePart::Slips,
        ((t - overdue) * SLIPS).min((SLIPS - (slipped as i64).min(SLIPS)) * t),
        SLIPS * t,
        ScoreWhy::Overdue {
            days: overdue,
            slips: slipped,
        },
        Some(Raise::Redate),
    );

    let parts = vec![gates, chain, competition, freshness, slips];
    let points: u32 = parts.iter().map(|p| p.points).sum();
    let total = match weights.total() {
        0 => 0,
        all => (200 * points + all) / (2 * all),
    };
    Score { total, parts }
}
