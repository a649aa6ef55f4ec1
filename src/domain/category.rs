//! Forecast categories (pipeline / best case / commit / closed) and the default mapping from stages.
use serde::Serialize;

use super::stage::Stage;

/// How firmly a deal is expected to close, in the anchors' (Salesforce, HubSpot) vocabulary.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// Early: P0–P2 (10–25 %). The customer has not yet set standards.
    Pipeline,
    /// Possible: P3–P4 (30–50 %). Technical exchange under way, top level being won.
    BestCase,
    /// Expected: P5–P6 (75–90 %). Ranked first or committed, negotiating the contract.
    Commit,
    /// Signed: P7 (100 %) and won deals.
    Closed,
}

impl Category {
    pub const ALL: [Category; 4] = [
        Category::Pipeline,
        Category::BestCase,
        Category::Commit,
        Category::Closed,
    ];

    /// The default category of an open deal in `stage`.
    pub fn for_stage(stage: Stage) -> Category {
        match stage {
            Stage::P0 | Stage::P1 | Stage::P2 => Category::Pipeline,
            Stage::P3 | Stage::P4 => Category::BestCase,
            Stage::P5 | Stage::P6 => Category::Commit,
            Stage::P7 => Category::Closed,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Category::Pipeline => "pipeline",
            Category::BestCase => "best_case",
            Category::Commit => "commit",
            Category::Closed => "closed",
        }
    }

    pub fn parse(text: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.code() == text.trim())
    }
}
