//! The plan: all deals plus the settings that travel with them, and the verbs that change it.
use std::collections::{BTreeMap, HashSet};

use chrono::{DateTime, NaiveDate, Utc};
use thiserror::Error;

use super::deal::{Deal, DealId, DealStatus, GateCheck, StageChange};
use super::forecast::quota::{Quota, QuotaPeriod};
use super::gates::{missing_before, Missing};
use super::method::{GateId, Method};
use super::money::{Currency, Money};
use super::stage::Stage;
use super::validate::DealFields;

/// A person's or a team's plan.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Plan {
    /// A title shown in the header and in exported file names.
    pub title: Option<String>,
    /// Currency of every amount in the plan.
    pub currency: Currency,
    /// The rules in use: probabilities, stale limits, gate items.
    pub method: Method,
    /// Sales targets per owner or for the team.
    pub quotas: Vec<Quota>,
    /// The deals, in the order they were created.
    pub deals: Vec<Deal>,
    /// Top-level fields this version does not know, kept as they came.
    pub extra: BTreeMap<String, serde_json::Value>,
}

/// Why a change to the plan was refused.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum PlanError {
    #[error("no deal has the id \"{}\"", .0.as_str())]
    NoSuchDeal(DealId),
    #[error("a deal with the id \"{}\" already exists", .0.as_str())]
    DuplicateId(DealId),
    #[error("{} is already the first stage", .0.code())]
    NoEarlierStage(Stage),
    #[error("{} is already the last stage", .0.code())]
    NoLaterStage(Stage),
    #[error("the method has no gate item \"{}\"", .0.as_str())]
    NoSuchGateItem(GateId),
}

/// What a stage move did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MoveOutcome {
    /// The deal is now in this stage (a move back, a move with all gates met, or an override).
    Moved(Stage),
    /// Refused: these gate items are not met, and no override reason was given.
    Blocked { to: Stage, missing: Vec<Missing> },
}

/// A deleted deal and where it stood, so that the deletion can be undone.
#[derive(Clone, Debug, PartialEq)]
pub struct Removed {
    pub index: usize,
    pub deal: Deal,
}

impl Plan {
    pub fn deal(&self, id: &DealId) -> Option<&Deal> {
        self.deals.iter().find(|d| &d.id == id)
    }

    fn deal_mut(&mut self, id: &DealId) -> Result<&mut Deal, PlanError> {
        self.deals
            .iter_mut()
            .find(|d| &d.id == id)
            .ok_or_else(|| PlanError::NoSuchDeal(id.clone()))
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
        self.deals.push(Deal::new(id, fields, now));
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
            return Err(PlanError::DuplicateId(removed.deal.id));
        }
        let index = removed.index.min(self.deals.len());
        self.deals.insert(index, removed.deal);
        Ok(())
    }

    /// Moves a deal to `to`. Moving forward past unmet gate items needs a `reason`, which is
    /// recorded with the missing items as an override; moving back is always allowed. Every
    /// move is kept in the deal's history.
    pub fn move_deal(
        &mut self,
        id: &DealId,
        to: Stage,
        reason: &str,
        now: DateTime<Utc>,
    ) -> Result<MoveOutcome, PlanError> {
        let method = &self.method;
        let deal = self
            .deals
            .iter_mut()
            .find(|d| &d.id == id)
            .ok_or_else(|| PlanError::NoSuchDeal(id.clone()))?;
        let from = deal.stage;
        if from == to {
            return Ok(MoveOutcome::Moved(to));
        }
        let missing = if to > from {
            missing_before(method, deal, to)
        } else {
            Vec::new()
        };
        let reason = reason.trim();
        if !missing.is_empty() && reason.is_empty() {
            return Ok(MoveOutcome::Blocked { to, missing });
        }
        deal.history.push(StageChange {
            from,
            to,
            at: now,
            reason: reason.to_string(),
            missing: missing.into_iter().map(|m| m.id).collect(),
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
        let deal = self.deal_mut(id)?;
        if deal.gates.get(item) != Some(&check) {
            deal.gates.insert(item.clone(), check);
            deal.updated = now;
        }
        Ok(())
    }

    /// Unticks a gate item (its evidence goes with it).
    pub fn uncheck_gate(
        &mut self,
        id: &DealId,
        item: &GateId,
        now: DateTime<Utc>,
    ) -> Result<(), PlanError> {
        let deal = self.deal_mut(id)?;
        if deal.gates.remove(item).is_some() {
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
        self.deal_mut(id)?.self_check.clear();
        Ok(())
    }

    /// The part of the plan whose deals pass `keep`, with the same settings; quotas only for the
    /// owners that remain (and the team's when everything remains).
    pub fn only(&self, keep: impl Fn(&Deal) -> bool) -> Plan {
        let deals: Vec<Deal> = self.deals.iter().filter(|d| keep(d)).cloned().collect();
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
            ..self.clone()
        }
    }

    /// Sets the quota of an owner (or the team, `None`) for a period, replacing any earlier one;
    /// a zero amount removes it.
    pub fn set_quota(&mut self, owner: Option<String>, period: QuotaPeriod, amount: Money) {
        self.quotas
            .retain(|q| !(q.owner == owner && q.period == period));
        if amount != Money::ZERO {
            self.quotas.push(Quota {
                owner,
                period,
                amount,
            });
        }
    }

    /// Marks a deal won, lost or open again. Closing records `today` as the close day.
    pub fn set_status(
        &mut self,
        id: &DealId,
        status: DealStatus,
        today: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<(), PlanError> {
        let deal = self.deal_mut(id)?;
        if deal.status == status {
            return Ok(());
        }
        deal.status = status;
        deal.closed_on = match status {
            DealStatus::Open => None,
            DealStatus::Won | DealStatus::Lost => Some(today),
        };
        deal.updated = now;
        Ok(())
    }
}
