//! Adapting the method: a trainer changes probabilities and stale limits, and adds, edits,
//! reorders, retires or restores gate items. Retiring never touches recorded evidence.
use super::{GateId, GateItem, MapRule, Method, ScorePart, Text};
use crate::domain::stage::Stage;

/// The longest stale limit a stage may have, in days.
pub const MAX_STALE_DAYS: u32 = 365;
/// The longest gate item text, in characters per language.
pub const MAX_ITEM_TEXT: usize = 300;

/// Why a method edit was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MethodError {
    /// Not a whole percent from 0 to 100 (as typed; `u32::MAX` when not a number).
    Probability(u32),
    /// Not 1 to [`MAX_STALE_DAYS`] days.
    StaleDays(u32),
    /// A gate item needs a text.
    EmptyText,
    /// Longer than [`MAX_ITEM_TEXT`] characters.
    TextTooLong,
    NoSuchItem(GateId),
    /// Not 1 to [`MAX_STALE_DAYS`] days since the last contact.
    ContactDays(u32),
    /// A score weight above [`MAX_WEIGHT`].
    Weight(u32),
    /// Every score weight would be zero.
    NoWeight,
}

/// The largest weight of a score part.
pub const MAX_WEIGHT: u32 = 100;

impl Method {
    pub fn set_probability(&mut self, stage: Stage, percent: u32) -> Result<(), MethodError> {
        let percent = u8::try_from(percent)
            .ok()
            .filter(|p| *p <= 100)
            .ok_or(MethodError::Probability(percent))?;
        self.rules_mut(stage).probability = percent;
        Ok(())
    }

    pub fn set_stale_days(&mut self, stage: Stage, days: u32) -> Result<(), MethodError> {
        if !(1..=MAX_STALE_DAYS).contains(&days) {
            return Err(MethodError::StaleDays(days));
        }
        self.rules_mut(stage).stale_days = days;
        Ok(())
    }

    /// Adds a team's own gate item at the end of a stage's gate; returns its new id.
    pub fn add_item(&mut self, stage: Stage, text: Text) -> Result<GateId, MethodError> {
        let text = clean(text)?;
        let prefix = format!("{}-team-", stage.code().to_lowercase());
        let next = (1..)
            .map(|n| GateId(format!("{prefix}{n}")))
            .find(|id| self.find_item(id).is_none())
            .expect("a free number exists");
        self.rules_mut(stage).gate.push(GateItem {
            id: next.clone(),
            text,
            ours: true,
            retired: false,
            evidence: false,
            map: None,
        });
        Ok(next)
    }

    /// Rewrites an item's text; its id, and so its recorded evidence, stays.
    pub fn edit_item(&mut self, id: &GateId, text: Text) -> Result<(), MethodError> {
        let text = clean(text)?;
        self.item_mut(id)?.text = text;
        Ok(())
    }

    /// Moves an item one place up or down within its stage's gate.
    pub fn move_item(&mut self, id: &GateId, up: bool) -> Result<(), MethodError> {
        let (stage, _) = self
            .find_item(id)
            .ok_or_else(|| MethodError::NoSuchItem(id.clone()))?;
        let gate = &mut self.rules_mut(stage).gate;
        let at = gate
            .iter()
            .position(|item| &item.id == id)
            .expect("found above");
        let to = if up {
            at.checked_sub(1)
        } else {
            Some(at + 1).filter(|t| *t < gate.len())
        };
        if let Some(to) = to {
            gate.swap(at, to);
        }
        Ok(())
    }

    /// Retires an item (it no longer counts) or brings it back.
    pub fn set_retired(&mut self, id: &GateId, retired: bool) -> Result<(), MethodError> {
        self.item_mut(id)?.retired = retired;
        Ok(())
    }

    /// Whether a tick of the item needs evidence text to count.
    pub fn set_evidence(&mut self, id: &GateId, required: bool) -> Result<(), MethodError> {
        self.item_mut(id)?.evidence = required;
        Ok(())
    }

    /// Links an item to a test of the map, or unlinks it.
    pub fn set_map_rule(&mut self, id: &GateId, rule: Option<MapRule>) -> Result<(), MethodError> {
        self.item_mut(id)?.map = rule;
        Ok(())
    }

    /// Days after which a high-influence contact not spoken with is flagged (1 to 365).
    pub fn set_contact_days(&mut self, days: u32) -> Result<(), MethodError> {
        if !(1..=MAX_STALE_DAYS).contains(&days) {
            return Err(MethodError::ContactDays(days));
        }
        self.people.contact_days = days;
        Ok(())
    }

    /// The stage from which coverage flags apply.
    pub fn set_chain_from(&mut self, stage: Stage) {
        self.people.chain_from = stage;
    }

    /// The stage from which a missing top-level relationship is flagged.
    pub fn set_top_by(&mut self, stage: Stage) {
        self.people.top_by = stage;
    }

    /// A score part's weight, 0 to [`MAX_WEIGHT`]; not every weight may be zero.
    pub fn set_weight(&mut self, part: ScorePart, weight: u32) -> Result<(), MethodError> {
        if weight > MAX_WEIGHT {
            return Err(MethodError::Weight(weight));
        }
        let mut weights = self.people.weights;
        *weights.get_mut(part) = weight;
        if weights.total() == 0 {
            return Err(MethodError::NoWeight);
        }
        self.people.weights = weights;
        Ok(())
    }

    fn item_mut(&mut self, id: &GateId) -> Result<&mut GateItem, MethodError> {
        self.stages
            .iter_mut()
            .flat_map(|rules| rules.gate.iter_mut())
            .find(|item| &item.id == id)
            .ok_or_else(|| MethodError::NoSuchItem(id.clone()))
    }
}

/// Trims both languages; a text written in one language only stands in for the other.
fn clean(text: Text) -> Result<Text, MethodError> {
    let (zh, en) = (text.zh.trim().to_string(), text.en.trim().to_string());
    if zh.chars().count() > MAX_ITEM_TEXT || en.chars().count() > MAX_ITEM_TEXT {
        return Err(MethodError::TextTooLong);
    }
    match (zh.is_empty(), en.is_empty()) {
        (true, true) => Err(MethodError::EmptyText),
        (true, false) => Ok(Text { zh: en.clone(), en }),
        (false, true) => Ok(Text { en: zh.clone(), zh }),
        (false, false) => Ok(Text { zh, en }),
    }
}
