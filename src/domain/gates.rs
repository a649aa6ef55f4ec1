//! Gate evaluation: which acceptance criteria (验收节点) a deal has met, the stage its evidence
//! supports, whether a move forward is allowed, and whether the deal has gone stale.
//!
//! Gate k is the acceptance of stage Pk: it must be met before a deal leaves Pk forward. A deal's
//! verified stage is therefore P0 plus the number of consecutive gates met from P0 on. An item
//! is met when it is ticked, with evidence text when the method requires evidence for it.
use chrono::{NaiveDate, TimeZone};

use super::deal::{Deal, DealStatus, StageChange};
use super::method::{GateId, GateItem, Method};
use super::period::local_day;
use super::stage::Stage;

/// An unmet gate item and the stage whose gate it belongs to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Missing {
    pub stage: Stage,
    pub id: GateId,
}

/// Whether `deal` has met `item`: it is ticked, with evidence text when the method requires
/// evidence for it (principle 2, "做到的要见到": a tick without the required evidence is not met).
pub fn met(item: &GateItem, deal: &Deal) -> bool {
    deal.gates
        .get(&item.id)
        .is_some_and(|check| !item.evidence || !check.evidence.trim().is_empty())
}

/// Whether `item` is ticked but lacks the evidence the method requires for it.
pub fn lacks_evidence(item: &GateItem, deal: &Deal) -> bool {
    deal.gates.contains_key(&item.id) && !met(item, deal)
}

/// The active items of `stage`'s gate that `deal` has not met ([`met`]).
pub fn missing_in<'m>(method: &'m Method, deal: &Deal, stage: Stage) -> Vec<&'m GateItem> {
    method
        .active_gate(stage)
        .filter(|item| !met(item, deal))
        .collect()
}

/// Whether every active item of `stage`'s gate is met ([`met`]).
pub fn gate_met(method: &Method, deal: &Deal, stage: Stage) -> bool {
    method.active_gate(stage).all(|item| met(item, deal))
}

/// `(met, active)` item counts of a stage's gate ([`met`]).
pub fn progress(method: &Method, deal: &Deal, stage: Stage) -> (usize, usize) {
    method.active_gate(stage).fold((0, 0), |(done, all), item| {
        (done + usize::from(met(item, deal)), all + 1)
    })
}

/// The furthest stage the evidence supports: every gate before it is met.
pub fn verified_stage(method: &Method, deal: &Deal) -> Stage {
    let mut stage = Stage::P0;
    while let Some(next) = stage.next() {
        if !gate_met(method, deal, stage) {
            break;
        }
        stage = next;
    }
    stage
}

/// Whether the claimed stage runs ahead of the evidence.
pub fn claim_ahead(method: &Method, deal: &Deal) -> bool {
    deal.stage > verified_stage(method, deal)
}

/// Everything unmet in the gates of the stages before `to`: what blocks a move forward to `to`.
pub fn missing_before(method: &Method, deal: &Deal, to: Stage) -> Vec<Missing> {
    Stage::ALL[..to.index()]
        .iter()
        .flat_map(|&stage| {
            missing_in(method, deal, stage)
                .into_iter()
                .map(move |item| Missing {
                    stage,
                    id: item.id.clone(),
                })
        })
        .collect()
}

/// The override that explains why the claim runs ahead of the evidence, if one was recorded.
pub fn standing_override<'d>(method: &Method, deal: &'d Deal) -> Option<&'d StageChange> {
    if !claim_ahead(method, deal) {
        return None;
    }
    override_of(deal)
}

/// Days since the last update, when more than the stage allows (open deals only). Days are
/// counted in the person's time zone `zone`, in which `today` is today.
pub fn stale_days<Tz: TimeZone>(
    method: &Method,
    deal: &Deal,
    today: NaiveDate,
    zone: &Tz,
) -> Option<i64> {
    if !deal.is_open() {
        return None;
    }
    let idle = (today - local_day(deal.updated, zone)).num_days();
    (idle > i64::from(method.rules(deal.stage).stale_days)).then_some(idle)
}

/// A deal's standing against the method, as its card and its dialog show it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Standing {
    /// The furthest stage the evidence supports.
    pub verified: Stage,
    /// The claim runs ahead of the evidence (open and won deals; a lost deal's claim is moot).
    pub ahead: bool,
    /// The override that explains the claim, when one was recorded.
    pub standing_override: Option<StageChange>,
    /// Days without an update, when more than the stage allows.
    pub stale_days: Option<i64>,
}

/// Everything [`Standing`] holds, computed once.
pub fn standing<Tz: TimeZone>(
    method: &Method,
    deal: &Deal,
    today: NaiveDate,
    zone: &Tz,
) -> Standing {
    let verified = verified_stage(method, deal);
    let ahead = deal.status != DealStatus::Lost && deal.stage > verified;
    Standing {
        verified,
        ahead,
        standing_override: ahead.then(|| override_of(deal)).flatten().cloned(),
        stale_days: stale_days(method, deal, today, zone),
    }
}

fn override_of(deal: &Deal) -> Option<&StageChange> {
    deal.history
        .iter()
        .rev()
        .find(|change| change.is_override() && change.to <= deal.stage)
}
