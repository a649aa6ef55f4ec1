//! The method as data (methodology.md): the editable rules a team runs by — stage probabilities,
//! stale limits, gate items (验收节点) — and the fixed coaching content of the three aligned cycles.
//! The default content lives in `default_method.json`, compiled in (minified by `build.rs`) and
//! checked by tests.
pub mod edit;

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::stage::Stage;

/// A text in both interface languages.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Text {
    pub zh: String,
    pub en: String,
}

/// A gate item's stable id, used in saved plans to record evidence (`p2-approval`).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct GateId(pub String);

impl GateId {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// One acceptance criterion (验收节点) of a stage.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GateItem {
    /// Stable id; never reused for another meaning.
    pub id: GateId,
    /// The criterion, in both languages.
    pub text: Text,
    /// Written by keyplan, not taken from the deck (the extract stops inside P5).
    #[serde(default, skip_serializing_if = "is_false")]
    pub ours: bool,
    /// No longer required; evidence recorded against it is kept.
    #[serde(default, skip_serializing_if = "is_false")]
    pub retired: bool,
    /// A tick counts as met only with evidence text ("做到的要见到"); on for the deck's items.
    #[serde(default, skip_serializing_if = "is_false")]
    pub evidence: bool,
    /// What the deal's map of people can say about this item, if anything.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub map: Option<MapRule>,
}

/// A test of a deal's map of people that a gate item can be linked to (see
/// `crate::domain::coverage::map_says` for what each one checks).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MapRule {
    /// 决策链: the decision maker is known.
    DecisionChain,
    /// 中低层关系: a middle- or operational-level contact at 熟悉 or closer, none of them opposed.
    MiddleRelations,
    /// 高层关系: a top-level contact at 熟悉 or closer who is not against us.
    TopRelation,
    /// 渔网图完整: every level has someone and every profile is filled in.
    MapComplete,
    /// 决策链详细: the decision maker, a technical evaluator, a user and the buyer are recorded,
    /// and where each of them stands towards us is known.
    ChainDetail,
    /// 中层保障: a middle-level contact at 熟悉 or closer who supports us.
    MiddleBacking,
}

impl MapRule {
    pub const ALL: [MapRule; 6] = [
        MapRule::DecisionChain,
        MapRule::MiddleRelations,
        MapRule::TopRelation,
        MapRule::MapComplete,
        MapRule::ChainDetail,
        MapRule::MiddleBacking,
    ];

    /// The codes in plan files, in [`MapRule::ALL`]'s order.
    pub const CODES: &'static [&'static str] = &[
        "decision_chain",
        "middle_relations",
        "top_relation",
        "map_complete",
        "chain_detail",
        "middle_backing",
    ];

    /// The code in plan files.
    pub fn code(self) -> &'static str {
        MapRule::CODES[self as usize]
    }

    pub fn parse(code: &str) -> Option<MapRule> {
        MapRule::ALL.into_iter().find(|r| r.code() == code)
    }
}

/// A part of the deal score (量化评测), in the order the score lists them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ScorePart {
    /// Gates met: the verified stage.
    Gates,
    /// Decision-chain coverage and attitudes.
    Chain,
    /// Competitive position.
    Competition,
    /// Days since the last update.
    Freshness,
    /// Close-date slips, from the history.
    Slips,
}

impl ScorePart {
    pub const ALL: [ScorePart; 5] = [
        ScorePart::Gates,
        ScorePart::Chain,
        ScorePart::Competition,
        ScorePart::Freshness,
        ScorePart::Slips,
    ];
}

/// The weight of each score part: its maximum points before the total is scaled to 100.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Weights {
    pub gates: u32,
    pub chain: u32,
    pub competition: u32,
    pub freshness: u32,
    pub slips: u32,
}

impl Weights {
    pub fn get(&self, part: ScorePart) -> u32 {
        match part {
            ScorePart::Gates => self.gates,
            ScorePart::Chain => self.chain,
            ScorePart::Competition => self.competition,
            ScorePart::Freshness => self.freshness,
            ScorePart::Slips => self.slips,
        }
    }

    pub fn get_mut(&mut self, part: ScorePart) -> &mut u32 {
        match part {
            ScorePart::Gates => &mut self.gates,
            ScorePart::Chain => &mut self.chain,
            ScorePart::Competition => &mut self.competition,
            ScorePart::Freshness => &mut self.freshness,
            ScorePart::Slips => &mut self.slips,
        }
    }

    pub fn total(&self) -> u32 {
        ScorePart::ALL.iter().map(|p| self.get(*p)).sum()
    }
}

/// The method's rules about people: when the coverage flags apply, their thresholds, and the
/// deal score's weights.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeopleRules {
    /// Coverage flags apply to open deals claiming this stage or later.
    pub chain_from: Stage,
    /// A high-influence contact not spoken with for more than this many days is flagged.
    pub contact_days: u32,
    /// From this claimed stage on, a deal without a top-level relationship is flagged.
    pub top_by: Stage,
    pub weights: Weights,
}

impl PeopleRules {
    /// Whether these are the default rules (then plan files leave them out).
    pub fn is_default(&self) -> bool {
        *self == content().people
    }
}

impl Default for PeopleRules {
    fn default() -> PeopleRules {
        content().people.clone()
    }
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// The editable rules of one stage.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StageRules {
    pub stage: Stage,
    /// Win probability in percent, 0–100.
    pub probability: u8,
    /// Days without any update after which a deal in this stage is flagged as stale.
    pub stale_days: u32,
    /// What must be true before a deal may leave this stage forward, in order.
    pub gate: Vec<GateItem>,
}

/// The rules a plan runs by. Saved with the plan when a team changes them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Method {
    /// The rules of P0 to P7, in order.
    pub stages: [StageRules; 8],
    /// Flags, thresholds and score weights about people; left out of files while the default.
    #[serde(skip_serializing_if = "PeopleRules::is_default")]
    pub people: PeopleRules,
}

/// A piece of coaching text, flagged when keyplan wrote it rather than the deck.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    pub text: Text,
    #[serde(default)]
    pub ours: bool,
}

/// A self-check question the salesperson answers before a visit.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Question {
    pub id: String,
    pub text: Text,
}

/// One step of a sales activity.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Step {
    pub title: Text,
    pub detail: Text,
    /// keyplan wrote (some of) it: the deck names the step at most.
    #[serde(default)]
    pub ours: bool,
}

/// The success markers of a row: seen from the customer, the supplier, and the milestone.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Success {
    pub customer: Text,
    pub supplier: Text,
    pub milestone: Text,
}

/// The customer decision cycle (客户决策循环) at this row.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerStep {
    pub name: Text,
    pub task: Text,
    pub insight: Text,
}

/// The sales activity cycle (销售活动循环) at this row.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SalesStep {
    pub name: Text,
    pub activity: Text,
    pub strategy: Text,
    pub steps: Vec<Step>,
    pub success: Success,
    pub mistakes: Vec<Note>,
    pub self_check: Vec<Question>,
}

/// One row k of the three aligned cycles, with the default rules of stage Pk.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Row {
    pub stage: Stage,
    pub probability: u8,
    pub stale_days: u32,
    pub summary: Text,
    /// keyplan wrote the summary: the deck's extract stops in P5.
    #[serde(default)]
    pub summary_ours: bool,
    pub gate: Vec<GateItem>,
    pub practices: Vec<Note>,
    pub customer: CustomerStep,
    pub sales: SalesStep,
}

/// The whole default content: the four principles and the eight rows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Content {
    /// The four principles of the method, in the deck's order.
    pub principles: [Text; 4],
    /// P0 to P7, in order.
    pub rows: [Row; 8],
    /// The default rules about people.
    pub people: PeopleRules,
}

/// The default content, parsed once from the compiled-in data file.
pub fn content() -> &'static Content {
    static CONTENT: OnceLock<Content> = OnceLock::new();
    CONTENT.get_or_init(|| {
        serde_json::from_str(include_str!(concat!(
            env!("OUT_DIR"),
            "/default_method.json"
        )))
        .expect("default_method.json is checked by tests/method_content.rs")
    })
}

impl Content {
    /// The coaching row of a stage.
    pub fn row(&self, stage: Stage) -> &Row {
        &self.rows[stage.index()]
    }
}

impl Method {
    /// The method as the deck gives it (with keyplan's completion of P5–P7).
    pub fn default_method() -> Method {
        Method {
            stages: content().rows.clone().map(|row| StageRules {
                stage: row.stage,
                probability: row.probability,
                stale_days: row.stale_days,
                gate: row.gate,
            }),
            people: content().people.clone(),
        }
    }

    pub fn rules(&self, stage: Stage) -> &StageRules {
        &self.stages[stage.index()]
    }

    pub fn rules_mut(&mut self, stage: Stage) -> &mut StageRules {
        &mut self.stages[stage.index()]
    }

    pub fn probability(&self, stage: Stage) -> u8 {
        self.rules(stage).probability
    }

    /// The items that count for a stage's gate now (not retired).
    pub fn active_gate(&self, stage: Stage) -> impl Iterator<Item = &GateItem> {
        self.rules(stage).gate.iter().filter(|item| !item.retired)
    }

    /// Finds a gate item anywhere in the method, with its stage.
    pub fn find_item(&self, id: &GateId) -> Option<(Stage, &GateItem)> {
        self.stages.iter().find_map(|rules| {
            rules
                .gate
                .iter()
                .find(|item| &item.id == id)
                .map(|item| (rules.stage, item))
        })
    }
}

impl Method {
    /// The default method as version-1 plan files meant it: no tick needs evidence text (files
    /// written before evidence could be required; see docs/plan-format.md, version 2).
    pub fn before_evidence() -> Method {
        let mut method = Method::default();
        for rules in &mut method.stages {
            for item in &mut rules.gate {
                item.evidence = false;
            }
        }
        method
    }
}

impl Default for Method {
    fn default() -> Method {
        Method::default_method()
    }
}
