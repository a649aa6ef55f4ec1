//! The plan: all deals plus the settings that travel with them, and the verbs that change it.
use std::collections::{BTreeMap, HashSet};
use std::rc::Rc;

use chrono::{DateTime, NaiveDate, Utc};

use super::deal::{Deal, DealFields, DealId, DealStatus, GateCheck, StageChange, MAX_STRATEGY};
use super::gates::{missing_before, Missing};
use super::method::{GateId, Method};
use super::money::{Currency, Money};
use super::people::{PeopleEdit, PeopleError, Review};
use super::quota::{Quota, QuotaPeriod};
use super::snapshot::{Snapshot, Snapshots};
use super::split::Split;
use super::stage::Stage;
use super::target::{SplitTo, Target, TargetPeriod};
use super::workshop_header::WorkshopHeader;

/// Longest plan title, in characters (the editor stops there).
pub const MAX_TITLE: usize = 200;

/// A person's or a team's plan.
///
/// Deals and the method sit behind `Rc`: copying a plan copies pointers, and a change to one
/// deal leaves every other deal the same allocation (so views of unchanged deals are not redrawn).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Plan {
    /// A title shown in the header and in exported file names.
    pub title: Option<String>,
    /// Currency of every amount in the plan.
    pub currency: Currency,
    /// The rules in use: probabilities, stale limits, gate items.
    pub method: Rc<Method>,
    /// Sales targets per owner or for the team.
    pub quotas: Vec<Quota>,
    /// The team's targets handed down in parts (销售任务下达).
    pub targets: Vec<Target>,
    /// The deals, in the order they were created.
    pub deals: Vec<Rc<Deal>>,
    /// Set in a table's copy of a workshop case: the workshop, the table and its exercise.
    pub workshop: Option<WorkshopHeader>,
    /// The forecast frozen each time a period was closed.
    pub snapshots: Snapshots,
    /// Top-level fields this version does not know, kept as they came.
    pub extra: BTreeMap<String, serde_json::Value>,
}

/// Why a change to the plan was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PlanError {
    NoSuchDeal(DealId),
    DuplicateId(DealId),
    NoEarlierStage(Stage),
    NoLaterStage(Stage),
    NoSuchGateItem(GateId),
    /// Closing needs an open deal; reopening a closed one.
    WrongStatus(DealStatus),
    /// A lost deal needs the reason it was lost.
    ReasonRequired,
    /// A change to the deal's people was refused.
    People(PeopleError),
    /// A strategy longer than this many characters.
    StrategyTooLong(usize),
}

/// What a stage move (or a win, which moves the deal to P7) did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MoveOutcome {
    /// The deal is now in this stage (a move back, a move with all gates met, or an override).
    Moved(Stage),
    /// Refused: these gate items are not met, and no override reason was given.
    Blocked { to: Stage, missing: Vec<Missing> },
}

/// A deleted deal and where it stood, so that the deletion can be undone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Removed {
    pub index: usize,
    pub deal: Rc<Deal>,
}

/// What a win records: the signing date (the day the win counts on) and the contract amount.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Win {
    pub signed_on: NaiveDate,
    pub amount: Money,
    /// Why the deal is won although gate items before P7 are unmet (empty when none are).
    pub reason: String,
    /// The post-mortem (销售项目总结), kept on the deal; an empty one leaves any earlier one.
    pub review: Review,
}

/// What a loss records: when, why and to whom.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Loss {
    pub lost_on: NaiveDate,
    pub reason: String,
    pub competitor: String,
    /// The post-mortem (销售项目总结), kept on the deal; an empty one leaves any earlier one.
    pub review: Review,
}

impl Plan {
    /// Changes the people of a deal ([`PeopleEdit`]); `Ok(true)` when something changed (the
    /// deal's `updated` moves then).
    pub fn edit_people(
        &mut self,
        id: &DealId,
        edit: PeopleEdit,
        now: DateTime<Utc>,
    ) -> Result<bool, PlanError> {
        let mut people = self
            .deal(id)
            .ok_or_else(|| PlanError::NoSuchDeal(id.clone()))?
            .people
            .clone();
        if !people.apply(edit).map_err(PlanError::People)? {
            return Ok(false);
        }
        let deal = self.deal_mut(id)?;
        deal.people = people;
        deal.updated = now;
        Ok(true)
    }

    /// A plan of these deals with every other setting at its default.
    pub fn of_deals(deals: impl IntoIterator<Item = Deal>) -> Plan {
        Plan {
            deals: deals.into_iter().map(Rc::new).collect(),
            ..Plan::default()
        }
    }

    pub fn deal(&self, id: &DealId) -> Option<&Deal> {
        self.deal_rc(id).map(|d| &**d)
    }

    /// The shared deal, for views that keep it.
    pub fn deal_rc(&self, id: &DealId) -> Option<&Rc<Deal>> {
        self.deals.iter().find(|d| &d.id == id)
    }

    fn deal_mut(&mut self, id: &DealId) -> Result<&mut Deal, PlanError> {
        self.deals
            .iter_mut()
            .find(|d| &d.id == id)
            .map(Rc::make_mut)
            .ok_or_else(|| PlanError::NoSuchDeal(id.clone()))
    }

    /// The method, to change it (copied first if another plan shares it).
    pub fn method_mut(&mut self) -> &mut Method {
        Rc::make_mut(&mut self.method)
    }

    /// Ids that occur more than once (a valid plan has none).
    pub fn duplicate_ids(&self) -> Vec<DealId> {
        let mut seen = HashSet::new();
        let mut dups = Vec::new();
        for deal in &self.deals {
            if !seen.insert(&deal.id) && !dups.contains(&deal.id) {
                dups.push(deal.id.clone());
            }
        }
        dups
    }

    /// Adds a new open deal.
    pub fn add(
        &mut self,
        id: DealId,
        fields: DealFields,
        now: DateTime<Utc>,
    ) -> Result<(), PlanError> {
        if self.deal(&id).is_some() {
            return Err(PlanError::DuplicateId(id));
        }
        self.deals.push(Rc::new(Deal::new(id, fields, now)));
        Ok(())
    }

    /// Replaces an existing deal's editable fields.
    pub fn edit(
        &mut self,
        id: &DealId,
        fields: DealFields,
        now: DateTime<Utc>,
    ) -> Result<(), PlanError> {
        self.deal_mut(id)?.apply(fields, now);
        Ok(())
    }

    /// Removes a deal and returns what [`Plan::restore`] needs to put it back.
    pub fn remove(&mut self, id: &DealId) -> Result<Removed, PlanError> {
        let index = self
            .deals
            .iter()
            .position(|d| &d.id == id)
            .ok_or_else(|| PlanError::NoSuchDeal(id.clone()))?;
        Ok(Removed {
            index,
            deal: self.deals.remove(index),
        })
    }

    /// Puts a removed deal back where it was (or at the end if the plan has shrunk since).
    pub fn restore(&mut self, removed: Removed) -> Result<(), PlanError> {
        if self.deal(&removed.deal.id).is_some() {
            return Err(PlanError::DuplicateId(removed.deal.id.clone()));
        }
        let index = removed.index.min(self.deals.len());
        self.deals.insert(index, removed.deal);
        Ok(())
    }

    /// An open deal's stage, and the gate items unmet before `to` when `to` lies ahead of it.
    fn unmet_for(&self, id: &DealId, to: Stage) -> Result<(Stage, Vec<Missing>), PlanError> {
        let deal = self
            .deal(id)
            .ok_or_else(|| PlanError::NoSuchDeal(id.clone()))?;
        if !deal.is_open() {
            return Err(PlanError::WrongStatus(deal.status));
        }
        let missing = if to > deal.stage {
            missing_before(&self.method, deal, to)
        } else {
            Vec::new()
        };
        Ok((deal.stage, missing))
    }

    /// Moves an open deal to `to`. Moving forward past unmet gate items needs a `reason`, which
    /// is recorded with the missing items as an override; moving back is always allowed. Every
    /// move is kept in the deal's history. A closed deal does not move (reopen it first).
    pub fn move_deal(
        &mut self,
        id: &DealId,
        to: Stage,
        reason: &str,
        now: DateTime<Utc>,
    ) -> Result<MoveOutcome, PlanError> {
        let (from, missing) = self.unmet_for(id, to)?;
        if from == to {
            return Ok(MoveOutcome::Moved(to));
        }
        let reason = reason.trim();
        if !missing.is_empty() && reason.is_empty() {
            return Ok(MoveOutcome::Blocked { to, missing });
        }
        let deal = self.deal_mut(id)?;
        deal.history.push(StageChange {
            reason: reason.to_string(),
            missing: missing.into_iter().map(|m| m.id).collect(),
            ..StageChange::moved(from, to, now)
        });
        deal.stage = to;
        deal.updated = now;
        Ok(MoveOutcome::Moved(to))
    }

    /// Moves a deal one stage forward (`forward`) or back, under the same rules.
    pub fn step(
        &mut self,
        id: &DealId,
        forward: bool,
        reason: &str,
        now: DateTime<Utc>,
    ) -> Result<MoveOutcome, PlanError> {
        let from = self
            .deal(id)
            .ok_or_else(|| PlanError::NoSuchDeal(id.clone()))?
            .stage;
        let to = if forward {
            from.next().ok_or(PlanError::NoLaterStage(from))?
        } else {
            from.prev().ok_or(PlanError::NoEarlierStage(from))?
        };
        self.move_deal(id, to, reason, now)
    }

    /// Marks an open deal won: signed on `win.signed_on` for `win.amount`. Signing is the move
    /// into P7, so a deal below P7 must have met every gate before P7, or `win.reason` says why
    /// it is won anyway (an override, as for any forward move). The close is kept in the history.
    pub fn win(
        &mut self,
        id: &DealId,
        win: Win,
        now: DateTime<Utc>,
    ) -> Result<MoveOutcome, PlanError> {
        let (from, missing) = self.unmet_for(id, Stage::P7)?;
        let reason = win.reason.trim();
        if !missing.is_empty() && reason.is_empty() {
            return Ok(MoveOutcome::Blocked {
                to: Stage::P7,
                missing,
            });
        }
        let deal = self.deal_mut(id)?;
        deal.history.push(StageChange {
            reason: reason.to_string(),
            missing: missing.into_iter().map(|m| m.id).collect(),
            status: Some(DealStatus::Won),
            ..StageChange::moved(from, Stage::P7, now)
        });
        deal.stage = Stage::P7;
        deal.status = DealStatus::Won;
        deal.closed_on = Some(win.signed_on);
        deal.amount = win.amount;
        if !win.review.is_empty() {
            deal.people.review = win.review;
        }
        deal.updated = now;
        Ok(MoveOutcome::Moved(Stage::P7))
    }

    /// Marks an open deal lost, with why and to whom; kept in the history.
    pub fn lose(&mut self, id: &DealId, loss: Loss, now: DateTime<Utc>) -> Result<(), PlanError> {
        let deal = self.deal_mut(id)?;
        if !deal.is_open() {
            return Err(PlanError::WrongStatus(deal.status));
        }
        let reason = loss.reason.trim();
        if reason.is_empty() {
            return Err(PlanError::ReasonRequired);
        }
        deal.history.push(StageChange {
            reason: reason.to_string(),
            status: Some(DealStatus::Lost),
            competitor: loss.competitor.trim().to_string(),
            ..StageChange::moved(deal.stage, deal.stage, now)
        });
        deal.status = DealStatus::Lost;
        deal.closed_on = Some(loss.lost_on);
        if !loss.review.is_empty() {
            deal.people.review = loss.review;
        }
        deal.updated = now;
        Ok(())
    }

    /// Opens a won or lost deal again, at the stage it had; kept in the history.
    pub fn reopen(&mut self, id: &DealId, now: DateTime<Utc>) -> Result<(), PlanError> {
        let deal = self.deal_mut(id)?;
        if deal.is_open() {
            return Err(PlanError::WrongStatus(deal.status));
        }
        deal.history.push(StageChange {
            status: Some(DealStatus::Open),
            ..StageChange::moved(deal.stage, deal.stage, now)
        });
        deal.status = DealStatus::Open;
        deal.closed_on = None;
        deal.updated = now;
        Ok(())
    }

    /// Ticks a gate item with its day and evidence, or updates them.
    pub fn check_gate(
        &mut self,
        id: &DealId,
        item: &GateId,
        check: GateCheck,
        now: DateTime<Utc>,
    ) -> Result<(), PlanError> {
        if self.method.find_item(item).is_none() {
            return Err(PlanError::NoSuchGateItem(item.clone()));
        }
        if self
            .deal(id)
            .is_some_and(|d| d.gates.get(item) == Some(&check))
        {
            return Ok(());
        }
        let deal = self.deal_mut(id)?;
        deal.gates.insert(item.clone(), check);
        deal.updated = now;
        Ok(())
    }

    /// Unticks a gate item (its evidence goes with it).
    pub fn uncheck_gate(
        &mut self,
        id: &DealId,
        item: &GateId,
        now: DateTime<Utc>,
    ) -> Result<(), PlanError> {
        if self
            .deal(id)
            .ok_or_else(|| PlanError::NoSuchDeal(id.clone()))?
            .gates
            .contains_key(item)
        {
            let deal = self.deal_mut(id)?;
            deal.gates.remove(item);
            deal.updated = now;
        }
        Ok(())
    }

    /// Ticks or unticks a self-check question for the next visit. Preparation is not progress:
    /// `updated` does not move.
    pub fn toggle_self_check(&mut self, id: &DealId, question: &str) -> Result<(), PlanError> {
        let deal = self.deal_mut(id)?;
        if !deal.self_check.remove(question) {
            deal.self_check.insert(question.to_string());
        }
        Ok(())
    }

    /// Clears the self-check list, ready for the next visit.
    pub fn clear_self_check(&mut self, id: &DealId) -> Result<(), PlanError> {
        if self
            .deal(id)
            .ok_or_else(|| PlanError::NoSuchDeal(id.clone()))?
            .self_check
            .is_empty()
        {
            return Ok(());
        }
        self.deal_mut(id)?.self_check.clear();
        Ok(())
    }

    /// Renames the plan: the title trimmed, at most [`MAX_TITLE`] characters (cut there);
    /// blank removes it. Whether anything changed.
    pub fn rename(&mut self, title: &str) -> bool {
        let title: String = title.trim().chars().take(MAX_TITLE).collect();
        let title = (!title.is_empty()).then_some(title);
        if self.title == title {
            return false;
        }
        self.title = title;
        true
    }

    /// Sets the team's strategies for one stage of a deal, the whole list in its order: each is
    /// trimmed, blank ones are left out (none at all removes the stage's). Whether anything
    /// changed; `updated` moves when it did.
    pub fn set_strategies(
        &mut self,
        id: &DealId,
        stage: Stage,
        strategies: Vec<String>,
        now: DateTime<Utc>,
    ) -> Result<bool, PlanError> {
        let list: Vec<String> = strategies
            .iter()
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect();
        if list.iter().any(|s| s.chars().count() > MAX_STRATEGY) {
            return Err(PlanError::StrategyTooLong(MAX_STRATEGY));
        }
        let deal = self
            .deal(id)
            .ok_or_else(|| PlanError::NoSuchDeal(id.clone()))?;
        if deal.strategies(stage) == list.as_slice() {
            return Ok(false);
        }
        let deal = self.deal_mut(id)?;
        deal.strategies.set(stage, list);
        deal.updated = now;
        Ok(true)
    }

    /// The part of the plan whose deals pass `keep`, with the same settings; quotas only for the
    /// owners that remain (and the team's when everything remains); targets and snapshots only
    /// when everything remains (they hold every owner's figures).
    pub fn only(&self, keep: impl Fn(&Deal) -> bool) -> Plan {
        let deals: Vec<Rc<Deal>> = self.deals.iter().filter(|d| keep(d)).cloned().collect();
        let whole = deals.len() == self.deals.len();
        let quotas = self
            .quotas
            .iter()
            .filter(|q| match &q.owner {
                None => whole,
                Some(owner) => deals.iter().any(|d| &d.owner == owner),
            })
            .cloned()
            .collect();
        Plan {
            deals,
            quotas,
            targets: if whole {
                self.targets.clone()
            } else {
                Vec::new()
            },
            // a snapshot holds every owner's deals: a part of the plan carries none
            snapshots: if whole {
                self.snapshots.clone()
            } else {
                Default::default()
            },
            ..self.clone()
        }
    }

    /// Keeps a snapshot (see `month_close::take`); `false` when one of its id is kept already.
    pub fn keep_snapshot(&mut self, snapshot: Snapshot) -> bool {
        self.snapshots.insert(Rc::new(snapshot))
    }

    /// Deletes a snapshot; whether there was one of that id.
    pub fn delete_snapshot(&mut self, id: &str) -> bool {
        self.snapshots.remove(id)
    }

    /// Sets the quota of an owner (or the team, `None`) for a period, replacing any earlier one;
    /// a zero amount removes it. Whether anything changed.
    pub fn set_quota(&mut self, owner: Option<String>, period: QuotaPeriod, amount: Money) -> bool {
        let before = self.quotas.len();
        let same = self
            .quotas
            .iter()
            .any(|q| q.owner == owner && q.period == period && q.amount == amount);
        if same {
            return false;
        }
        self.quotas
            .retain(|q| !(q.owner == owner && q.period == period));
        if amount != Money::ZERO {
            self.quotas.push(Quota {
                owner,
                period,
                amount,
            });
            return true;
        }
        self.quotas.len() != before
    }

    /// Puts a target in place of the one for the same period and parts (or adds it). Whether
    /// anything changed: the same period, parts and split set again change nothing.
    pub fn set_target(&mut self, target: Target) -> bool {
        match self
            .targets
            .iter_mut()
            .find(|t| t.period == target.period && t.to == target.to)
        {
            Some(same) if same.same_as(&target) => false,
            Some(old) => {
                *old = target;
                true
            }
            None => {
                let at = self
                    .targets
                    .iter()
                    .position(|t| (t.period, t.to as u8) > (target.period, target.to as u8))
                    .unwrap_or(self.targets.len());
                self.targets.insert(at, target);
                true
            }
        }
    }

    /// Adds `target` unless the plan has one for its period and parts (an import's rule).
    pub fn set_target_if_none(&mut self, target: &Target) {
        if !self
            .targets
            .iter()
            .any(|t| t.period == target.period && t.to == target.to)
        {
            self.set_target(target.clone());
        }
    }

    /// Removes the target for this period and parts. Whether there was one.
    pub fn remove_target(&mut self, period: TargetPeriod, to: SplitTo) -> bool {
        let before = self.targets.len();
        self.targets.retain(|t| !(t.period == period && t.to == to));
        self.targets.len() != before
    }

    /// Records (or, with `None`, removes) the bonus pool of a won deal; `Ok(true)` when something
    /// changed (the deal's `updated` moves then). Refused for a deal that is not won.
    pub fn set_bonus(
        &mut self,
        id: &DealId,
        bonus: Option<Split>,
        now: DateTime<Utc>,
    ) -> Result<bool, PlanError> {
        let deal = self
            .deal(id)
            .ok_or_else(|| PlanError::NoSuchDeal(id.clone()))?;
        if deal.status != DealStatus::Won {
            return Err(PlanError::WrongStatus(deal.status));
        }
        if deal.bonus == bonus {
            return Ok(false);
        }
        let deal = self.deal_mut(id)?;
        deal.bonus = bonus;
        deal.updated = now;
        Ok(true)
    }
}
