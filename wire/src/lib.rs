//! A keyplan plan file's deals as written, parsed in one pass: the text of each field borrowed
//! from the file where it has no escape, nothing typed, no JSON value in between.
//!
//! This is the hot loop of reading a 10,000-deal file (issue 12), and it is a crate of its own
//! for one reason: the workspace's release profile optimizes keyplan for size (`opt-level =
//! "z"`, every byte is downloaded by every user), which leaves serde's many small layers as
//! calls; this crate alone is built with `opt-level = 3`, which inlines them (the read then
//! takes about half the time, for a few KB of wasm). keyplan types what it gets here
//! (`src/domain/plan_file/quick.rs`) and reads anything this does not take the careful way.
//!
//! It also holds the small steps every field or cell of a file goes through (trimming, digits,
//! dates, the check that no id is used twice, `text.rs`), for the same reason: they run hundreds
//! of thousands of times in a read, and at `opt-level = "z"` each is several calls per character.
//!
//! Saving is the other hot loop (issue 9: the whole plan is saved after every change): [`out`]
//! writes each deal from its parts borrowed, straight into a `String`, byte for byte as
//! keyplan's serde types write it (`src/domain/plan_file/write.rs`): strings escaped as
//! serde_json escapes them but eight bytes at a time (`escape.rs`), days and moments spelled
//! from chrono's numbers ([`out::Day`], [`out::Moment`], `iso.rs`; keyplan's serde types spell
//! theirs here too). A 10,000-deal plan is written in under two fifths of the time serde takes
//! natively, in about half the time the same writer took with serde_json's escaper in wasm.
//!
//! Which fields a deal has, and how each is written, is keyplan's plan format
//! (`docs/plan-format.md`); a field this does not know fails the deal (`deny_unknown_fields`).
mod deal;
mod escape;
mod file;
mod iso;
pub mod out;
mod text;

pub use deal::{deal, Change, Check, Close, Gates, Wire};
pub use file::{file, items, top, Rest};
pub use text::{digits, has_duplicates, is_blank, trim, ymd, ymd_hms};
