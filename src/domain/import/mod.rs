//! Bringing files into the plan: what an import would change (new deals, updates field by field,
//! conflicts, rejected records), then a merge or a replacement of the plan.
//!
//! Files are read by [`crate::domain::plan_file`] in its lenient mode: file-level problems refuse
//! the whole file; a bad deal is left out and listed, never the whole file. What a merge keeps
//! and takes is in [`merge`] and in docs/plan-format.md ("Importing: merge and replace").
//!
//! Everything here is linear in the deals: ids are looked up in hash maps, never searched for.
mod changes;
mod merge;

pub use changes::{differences, FieldChange, FieldValue};
pub use merge::{merge, preview, replace, Choice, DealChange, Preview, Rule};
pub mod table;
