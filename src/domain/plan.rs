//! The plan: all deals plus the settings that travel with them, and the verbs that change it.
use std::collections::{BTreeMap, HashSet};

use chrono::{DateTime, NaiveDate, Utc};
use thiserror::Error;

use super::deal::{Deal, DealId, DealStatus};
use super::money::Currency;
use super::stage::Stage;
use super::validate::DealFields;

/// A person's or a team's plan.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Plan {
    /// A title shown in the header and in exported file names.
    pub title: Option<String>,
    /// Currency of every amount in the plan.
    pub currency: Currency,
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

    /// Sets a deal's stage.
    pub fn move_to(&mut self, id: &DealId, to: Stage, now: DateTime<Utc>) -> Result<(), PlanError> {
        let deal = self.deal_mut(id)?;
        if deal.stage != to {
            deal.stage = to;
            deal.updated = now;
        }
        Ok(())
    }

    /// Moves a deal one stage forward (`forward`) or back.
    pub fn step(
        &mut self,
        id: &DealId,
        forward: bool,
        now: DateTime<Utc>,
    ) -> Result<Stage, PlanError> {
        let from = self
            .deal(id)
            .ok_or_else(|| PlanError::NoSuchDeal(id.clone()))?
            .stage;
        let to = if forward {
            from.next().ok_or(PlanError::NoLaterStage(from))?
        } else {
            from.prev().ok_or(PlanError::NoEarlierStage(from))?
        };
        self.move_to(id, to, now)?;
        Ok(to)
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
