//! Closing a period: taking a snapshot of the forecast, what moved between two snapshots (or a
//! snapshot and now) as a waterfall, and how far the forecasts were off what was won.
pub mod accuracy;
pub mod take;
pub mod waterfall;

pub use accuracy::{accuracy, by_owner, Accuracy, AccuracyRow};
pub use take::{marks, take, unclosed};
pub use waterfall::{slip_count, slips, waterfall, waterfall_to, Bar, Line, Move, Waterfall};
