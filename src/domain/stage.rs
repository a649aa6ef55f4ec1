//! The eight project stages P0–P7 of the method (methodology.md §2.3) and their default win probabilities.
use serde::{Deserialize, Serialize};

/// A project-progression stage. Pk's gate (its acceptance criteria, 验收节点) must be met before a
/// deal leaves Pk forward, so a deal's verified stage is the first one whose gate is unmet.
/// A stage left unsaid is P0, where every deal starts.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum Stage {
    #[default]
    P0,
    P1,
    P2,
    P3,
    P4,
    P5,
    P6,
    P7,
}

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
    pub fn parse(text: &str) -> Option<Stage> {
        // a code as written, without the trim (this runs for every deal of a file)
        let code = match text.len() {
            2 => text,
            _ => text.trim(),
        };
        match code.as_bytes() {
            [p, d] if p.eq_ignore_ascii_case(&b'p') && d.is_ascii_digit() => {
                Stage::from_index(usize::from(d - b'0'))
            }
            _ => None,
        }
    }

    /// The deck's default win probability in percent: 10 20 25 30 50 75 90 100.
    pub fn default_probability(self) -> u8 {
        [10, 20, 25, 30, 50, 75, 90, 100][self.index()]
    }

    pub fn next(self) -> Option<Stage> {
        Stage::from_index(self.index() + 1)
    }

    pub fn prev(self) -> Option<Stage> {
        self.index().checked_sub(1).and_then(Stage::from_index)
    }
}
