//! Importing plan files (issue #5): a lenient reader that keeps the good deals and names the bad ones,
//! and the preview and merge of imported deals into the current plan.
//!
//! The file format is the one [`crate::domain::storage`] writes (docs/plan-format.md). File-level
//! problems refuse the whole file; a bad deal is left out and listed, never the whole file.
mod json;
mod merge;
mod parse;

pub use merge::{merge, preview, replace, Choice, DealChange, FieldChange, Preview, Rule};
pub use parse::{check_size, parse_file, Parsed, Rejected, MAX_FILE_BYTES};
