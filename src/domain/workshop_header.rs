//! The workshop header of a table's copy of a case: which workshop it belongs to, which table
//! works it, and the exercise the trainer set (kept in the plan file as `workshop`).
use serde::Serialize;

/// Marks a plan as one table's copy of a workshop case.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct WorkshopHeader {
    /// The same for every table of one workshop (`w-lx3k2f9a-4g7h2k`): the comparison tells a
    /// table of this workshop from a stray file by it.
    pub id: String,
    /// The table's name, e.g. `第3组`.
    pub table: String,
    /// What the table is asked to do: which deals to work, which stage's gates, which questions.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub exercise: String,
}
