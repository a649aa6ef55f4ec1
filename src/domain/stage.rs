//! The eight project stages P0–P7 of the method (methodology.md §2.3) and their default win probabilities.
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// A project-progression stage. A deal counts as being in Pk once Pk's gate is met.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Stage {
    P0,
    P1,
    P2,
    P3,
    P4,
    P5,
    P6,
    P7,
}

/// A text that names no stage.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
#[error("unknown stage \"{0}\" (expected P0 to P7)")]
pub struct UnknownStage(pub String);

impl Stage {
    /// Every stage, in order.
    pub const ALL: [Stage; 8] = [
        Stage::P0,
        Stage::P1,
        Stage::P2,
        Stage::P3,
        Stage::P4,
        Stage::P5,
        Stage::P6,
        Stage::P7,
    ];

    /// 0 for P0 … 7 for P7.
    pub fn index(self) -> usize {
        self as usize
    }

    pub fn from_index(index: usize) -> Option<Stage> {
        Stage::ALL.get(index).copied()
    }

    /// `"P0"` … `"P7"`, as stored in plan files.
    pub fn code(self) -> &'static str {
        ["P0", "P1", "P2", "P3", "P4", "P5", "P6", "P7"][self.index()]
    }

    /// Reads `P3` (also `p3` and surrounding spaces).
    pub fn parse(text: &str) -> Result<Stage, UnknownStage> {
        let t = text.trim();
        let index = match t.as_bytes() {
            [p, d] if p.eq_ignore_ascii_case(&b'p') && d.is_ascii_digit() => usize::from(d - b'0'),
            _ => usize::MAX,
        };
        Stage::from_index(index).ok_or_else(|| UnknownStage(t.to_string()))
    }

    /// The deck's default win probability in percent: 10 20 25 30 50 75 90 100.
    pub fn default_probability(self) -> u8 {
        [10, 20, 25, 30, 50, 75, 90, 100][self.index()]
    }

    /// The deck's Chinese stage name, e.g. `市场规划·客户开发`.
    pub fn name_zh(self) -> &'static str {
        [
            "市场规划·客户开发",
            "挖掘需求·锁定目标",
            "方案立项·客户公关",
            "设计交流·中层把握",
            "需求调研·高层突破",
            "方案评估·项目承诺",
            "协议谈判·签约成交",
            "实施结案·升级扩容",
        ][self.index()]
    }

    /// The deck's English stage name, e.g. `Identification`.
    pub fn name_en(self) -> &'static str {
        [
            "Identification",
            "Design",
            "Component approval",
            "Mid-level relations",
            "Top-level relations",
            "Business negotiation",
            "Agreement",
            "Delivery",
        ][self.index()]
    }

    /// A longer English gloss of the Chinese name, for tooltips and handouts.
    pub fn gloss_en(self) -> &'static str {
        [
            "Market planning · prospecting",
            "Uncover needs · lock the target",
            "Project approval · customer relations",
            "Design exchange · win the middle level",
            "Requirements research · top-level breakthrough",
            "Solution evaluation · project commitment",
            "Contract negotiation · signing",
            "Delivery and close-out · upsell",
        ][self.index()]
    }

    pub fn next(self) -> Option<Stage> {
        Stage::from_index(self.index() + 1)
    }

    pub fn prev(self) -> Option<Stage> {
        self.index().checked_sub(1).and_then(Stage::from_index)
    }
}
