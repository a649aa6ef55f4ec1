//! What a deal's map of people says: coverage flags (each naming its rule and the gate item or
//! principle it serves) and, per gate item linked to a map rule, whether the map supports the
//! tick, contradicts it or says nothing. The person still decides: the verified stage follows
//! the ticks only ([`crate::domain::gates`]).
use chrono::NaiveDate;

use super::deal::Deal;
use super::gates::met;
use super::method::{GateId, MapRule, Method};
use super::people::{Attitude, Contact, Influence, Level, Relationship, Role};
use super::stage::Stage;

/// What a flag's rule serves: a gate item of the default method (by id) or a principle of the
/// method (0-based, in the deck's order).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Serves {
    Gate(&'static str),
    Principle(usize),
}

/// A gap in the decision chain. Flags apply to open deals claiming the method's `chain_from`
/// stage or later.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Flag {
    /// `decision_maker_unknown`: no contact has the decision-maker role.
    NoDecisionMaker,
    /// `decision_maker_not_for_us`: a decision maker is opposed, doubtful or neutral (unknown
    /// counts as neutral).
    DecisionMakerNotFor { name: String, attitude: Attitude },
    /// `no_coach`: no contact is our coach (内线).
    NoCoach,
    /// `single_threaded`: at most one contact at 熟悉 or closer (`close` of them).
    SingleThreaded { close: usize },
    /// `not_contacted`: a high-influence contact not spoken with for more than the method's
    /// `contact_days` (`days: None`: never).
    NotContacted { name: String, days: Option<i64> },
    /// `blocker_without_plan`: an opposed high-influence contact with no plan in the notes.
    BlockerWithoutPlan { name: String },
    /// `top_not_reached`: the deal claims the method's `top_by` stage or later, and no top-level
    /// contact is at 熟悉 or closer.
    TopNotReached { stage: Stage },
}

impl Flag {
    /// The rule's code (stable, for the page and tests).
    pub fn rule(&self) -> &'static str {
        match self {
            Flag::NoDecisionMaker => "decision_maker_unknown",
            Flag::DecisionMakerNotFor { .. } => "decision_maker_not_for_us",
            Flag::NoCoach => "no_coach",
            Flag::SingleThreaded { .. } => "single_threaded",
            Flag::NotContacted { .. } => "not_contacted",
            Flag::BlockerWithoutPlan { .. } => "blocker_without_plan",
            Flag::TopNotReached { .. } => "top_not_reached",
        }
    }

    /// The gate item or principle the rule serves.
    pub fn serves(&self) -> Serves {
        match self {
            Flag::NoDecisionMaker => Serves::Gate("p2-decision-chain-known"),
            Flag::DecisionMakerNotFor { .. } => Serves::Gate("p5-decision-maker-commitment"),
            // 预防性的事前管理: a coach warns before it is too late
            Flag::NoCoach => Serves::Principle(2),
            Flag::SingleThreaded { .. } => Serves::Gate("p3-mid-relations-good"),
            Flag::NotContacted { .. } => Serves::Gate("p4-fishnet-map"),
            Flag::BlockerWithoutPlan { .. } => Serves::Gate("p4-competitor-attitude-known"),
            Flag::TopNotReached { .. } => Serves::Gate("p4-top-level-relations"),
        }
    }
}

/// The parts of a decision chain known in detail (决策链构成的详细状况).
const CHAIN_ROLES: [Role; 4] = [
    Role::DecisionMaker,
    Role::Technical,
    Role::User,
    Role::Buyer,
];

fn close(contact: &Contact) -> bool {
    contact.relationship_or_none() >= Relationship::Familiar
}

fn for_us(attitude: Attitude) -> bool {
    attitude >= Attitude::Supportive
}

/// Whether the deal has a top-level contact at 熟悉 or closer who is not against us.
fn top_reached(deal: &Deal) -> Option<&Contact> {
    deal.people.contacts.iter().find(|c| {
        c.level == Some(Level::Top) && close(c) && c.attitude_or_neutral() >= Attitude::Neutral
    })
}

/// The coverage flags of `deal` on `today`, in the order of [`Flag`]'s variants.
pub fn flags(method: &Method, deal: &Deal, today: NaiveDate) -> Vec<Flag> {
    let rules = &method.people;
    if !deal.is_open() || deal.stage < rules.chain_from {
        return Vec::new();
    }
    let contacts = &deal.people.contacts;
    let mut out = Vec::new();
    let deciders: Vec<&Contact> = contacts
        .iter()
        .filter(|c| c.has(Role::DecisionMaker))
        .collect();
    if deciders.is_empty() {
        out.push(Flag::NoDecisionMaker);
    }
    for c in &deciders {
        if !for_us(c.attitude_or_neutral()) {
            out.push(Flag::DecisionMakerNotFor {
                name: c.name.clone(),
                attitude: c.attitude_or_neutral(),
            });
        }
    }
    if !contacts.iter().any(|c| c.has(Role::Coach)) {
        out.push(Flag::NoCoach);
    }
    let close_count = contacts.iter().filter(|c| close(c)).count();
    if close_count <= 1 {
        out.push(Flag::SingleThreaded { close: close_count });
    }
    for c in contacts
        .iter()
        .filter(|c| c.influence == Some(Influence::High))
    {
        let days = c.last_contact.map(|on| (today - on).num_days());
        if days.is_none_or(|d| d > i64::from(rules.contact_days)) {
            out.push(Flag::NotContacted {
                name: c.name.clone(),
                days,
            });
        }
    }
    for c in contacts.iter().filter(|c| {
        c.influence == Some(Influence::High)
            && c.attitude == Some(Attitude::Opposed)
            && c.notes.trim().is_empty()
    }) {
        out.push(Flag::BlockerWithoutPlan {
            name: c.name.clone(),
        });
    }
    if deal.stage >= rules.top_by && top_reached(deal).is_none() {
        out.push(Flag::TopNotReached { stage: deal.stage });
    }
    out
}

/// Why the map says what it says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MapWhy {
    /// No contact recorded: the map says nothing.
    NoContacts,
    /// This contact is the decision maker.
    DecisionMaker(String),
    NoDecisionMaker,
    /// This middle-level contact is at 熟悉 or closer.
    Middle(String),
    /// No middle-level contact at 熟悉 or closer.
    NoMiddle,
    /// This middle- or operational-level contact is opposed.
    MiddleOpposed(String),
    /// This middle-level contact is at 熟悉 or closer and supports us.
    Backing(String),
    /// No middle-level contact at 熟悉 or closer who supports us.
    NoBacking,
    /// These parts of the decision chain are not recorded.
    RolesMissing(Vec<Role>),
    /// Where this member of the chain stands towards us is not known.
    AttitudeUnknown(String),
    /// The chain is known in detail (so many contacts).
    ChainKnown(usize),
    /// This top-level contact is at 熟悉 or closer and not against us.
    Top(String),
    NoTop,
    /// Every level has someone and all these profiles are complete.
    Complete(usize),
    /// Nobody on this level.
    LevelEmpty(Level),
    /// This contact's profile lacks level, role, influence, attitude, relationship or owner.
    Incomplete(String),
}

/// What the map says about a gate item.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    Supports(MapWhy),
    Contradicts(MapWhy),
    /// Nothing either way (no contacts recorded).
    Silent(MapWhy),
}

impl Verdict {
    pub fn why(&self) -> &MapWhy {
        match self {
            Verdict::Supports(why) | Verdict::Contradicts(why) | Verdict::Silent(why) => why,
        }
    }
}

/// What `deal`'s map says about `rule`. With no contacts recorded it says nothing.
pub fn map_says(deal: &Deal, rule: MapRule) -> Verdict {
    let contacts = &deal.people.contacts;
    if contacts.is_empty() {
        return Verdict::Silent(MapWhy::NoContacts);
    }
    let at = |level| contacts.iter().filter(move |c| c.level == Some(level));
    match rule {
        MapRule::DecisionChain => match contacts.iter().find(|c| c.has(Role::DecisionMaker)) {
            Some(c) => Verdict::Supports(MapWhy::DecisionMaker(c.name.clone())),
            None => Verdict::Contradicts(MapWhy::NoDecisionMaker),
        },
        MapRule::MiddleRelations => {
            let lower = || at(Level::Middle).chain(at(Level::Operational));
            if let Some(c) = lower().find(|c| c.attitude == Some(Attitude::Opposed)) {
                return Verdict::Contradicts(MapWhy::MiddleOpposed(c.name.clone()));
            }
            match lower().find(|c| close(c)) {
                Some(c) => Verdict::Supports(MapWhy::Middle(c.name.clone())),
                None => Verdict::Contradicts(MapWhy::NoMiddle),
            }
        }
        MapRule::MiddleBacking => {
            match at(Level::Middle).find(|c| close(c) && for_us(c.attitude_or_neutral())) {
                Some(c) => Verdict::Supports(MapWhy::Backing(c.name.clone())),
                None => Verdict::Contradicts(MapWhy::NoBacking),
            }
        }
        MapRule::ChainDetail => {
            let missing: Vec<Role> = CHAIN_ROLES
                .into_iter()
                .filter(|role| !contacts.iter().any(|c| c.has(*role)))
                .collect();
            if !missing.is_empty() {
                return Verdict::Contradicts(MapWhy::RolesMissing(missing));
            }
            let unknown = contacts
                .iter()
                .find(|c| c.attitude.is_none() && CHAIN_ROLES.iter().any(|r| c.has(*r)));
            match unknown {
                Some(c) => Verdict::Contradicts(MapWhy::AttitudeUnknown(c.name.clone())),
                None => Verdict::Supports(MapWhy::ChainKnown(contacts.len())),
            }
        }
        MapRule::TopRelation => match top_reached(deal) {
            Some(c) => Verdict::Supports(MapWhy::Top(c.name.clone())),
            None => Verdict::Contradicts(MapWhy::NoTop),
        },
        MapRule::MapComplete => {
            if let Some(level) = Level::ALL.iter().find(|l| at(**l).next().is_none()) {
                return Verdict::Contradicts(MapWhy::LevelEmpty(*level));
            }
            let incomplete = contacts.iter().find(|c| {
                c.level.is_none()
                    || c.roles.is_empty()
                    || c.influence.is_none()
                    || c.attitude.is_none()
                    || c.relationship.is_none()
                    || c.owner.trim().is_empty()
            });
            match incomplete {
                Some(c) => Verdict::Contradicts(MapWhy::Incomplete(c.name.clone())),
                None if !contacts.iter().any(|c| c.has(Role::DecisionMaker)) => {
                    Verdict::Contradicts(MapWhy::NoDecisionMaker)
                }
                None => Verdict::Supports(MapWhy::Complete(contacts.len())),
            }
        }
    }
}

/// A gate item linked to a map rule, what the map says about it, and whether it is met.
///
/// "Tick with the map as evidence": when the verdict supports the item, the page ticks it with
/// `lang.map_why(verdict.why())` as its evidence text (through `Action::CheckGate`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GateMap {
    pub stage: Stage,
    pub item: GateId,
    pub rule: MapRule,
    pub verdict: Verdict,
    /// Ticked (with the evidence the method requires).
    pub met: bool,
}

impl GateMap {
    /// A met item that the map contradicts: the tick should be looked at again.
    pub fn contradicted(&self) -> bool {
        self.met && matches!(self.verdict, Verdict::Contradicts(_))
    }
}

/// Every active gate item of the method that is linked to a map rule, in stage order, with what
/// `deal`'s map says about it.
pub fn gate_map(method: &Method, deal: &Deal) -> Vec<GateMap> {
    Stage::ALL
        .iter()
        .flat_map(|&stage| {
            method.active_gate(stage).filter_map(move |item| {
                item.map.map(|rule| GateMap {
                    stage,
                    item: item.id.clone(),
                    rule,
                    verdict: map_says(deal, rule),
                    met: met(item, deal),
                })
            })
        })
        .collect()
}

/// The met gate items of `deal` that its map contradicts.
pub fn contradicted(method: &Method, deal: &Deal) -> Vec<GateId> {
    gate_map(method, deal)
        .into_iter()
        .filter(GateMap::contradicted)
        .map(|g| g.item)
        .collect()
}
