//! App state and its rules, pure and tested natively: the plan and what the page shows, the
//! verbs that change them ([`Action`], one reducer), and how the plan is kept in the browser's
//! storage — saves, two-tab sync, backups — behind a [`Store`] that the browser adapter
//! implements. Time, ids and storage reads arrive inside actions; nothing here calls the browser.
mod action;
pub mod backups;
mod export_due;
mod plan_place;
pub mod projector;
mod reduce;
mod state;
mod store;
mod workshop;

pub use action::{Action, Heard, MethodEdit, SaveResult};
pub use export_due::{
    read_record, record_change, record_export, ExportRecord, BACKUP_AFTER, EXPORTED_KEY,
};
pub use plan_place::per_file_location;
pub use state::{
    BlockedMove, DealTab, Dialog, ImportFiles, Lang, Loaded, Outcome, Persistence, PlanRef, Seen,
    Session, StorageError, Undo, View,
};
pub use store::{
    external, fingerprint, heard, keep_mine, load, load_prefs, merge_latest, save, save_prefs,
    usage_permille, Prefs, Store, PLAN_KEY, PREFS_KEY, QUOTA_CHARS, STAMP_KEY, WARN_PERMILLE,
};
pub use workshop::{Workshop, WorkshopEdit};
