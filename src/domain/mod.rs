//! The pure domain core. Nothing here touches the browser; everything is tested natively.
//!
//! The modules form layers, each using only the ones above it (`tests/layers.rs` checks this):
//!
//! 1. `stage`, `money`, `period`, `file_name`, `workshop_header`, `fingerprint`: values with no
//!    other domain knowledge;
//! 2. `method` (the rules as data), `category`, `csv` (spreadsheet text, with money in it),
//!    `split` (an amount in exact parts), `read_problem` (what is wrong where in a file read);
//! 3. `deal`, then `quota`, `snapshot`, `split_draft` (a split as typed) and `target`;
//! 4. `gates` (what a deal's evidence supports), then `weighting` (what a deal counts for),
//!    `coverage` and `score`, then `filter` (which may keep deals by their score);
//! 5. `plan` (all deals and the verbs that change them), then `facts` (what the forecast reads
//!    of each deal, kept across versions of the plan);
//! 6. `summary`, `forecast`, `month_close`, `validate`, `list`; then `plan_file` (the file format, which reads
//!    by the editor's rules), `import` (preview and merge of read files) and `sample`;
//! 7. `workshop`: the tables' copies of a case and the trainer's comparison of their plans;
//! 8. `report`: the period report a manager sends upward (月报 / 季报 / 年报).

// 1
pub mod file_name;
pub mod fingerprint;
pub mod iso_date;
pub mod money;
pub mod period;
pub mod stage;
pub mod workshop_header;

// 2
pub mod category;
pub mod csv;
pub mod method;
pub mod people;
pub mod read_problem;
pub mod split;

// 3
pub mod deal;

pub mod quota;
pub mod snapshot;
pub mod split_draft;
pub mod target;

// 4
pub mod gates;

pub mod coverage;
pub mod score;
pub mod weighting;

pub mod filter;

// 5
pub mod plan;

pub mod facts;

// 6
pub mod forecast;
pub mod list;
pub mod month_close;
pub mod summary;
pub mod validate;

pub mod plan_file;

pub mod import;

pub mod sample;
pub mod sample_snapshots;

pub mod workshop;

pub use deal::{Deal, DealId, DealStatus};
pub use money::{Currency, Money};
pub use plan::Plan;
pub use stage::Stage;

pub mod report;
