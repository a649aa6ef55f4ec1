//! When the plan was last exported, and whether a backup export is due: a plan kept only in one
//! browser's storage is lost with that storage, so after a week of changes that are in no export
//! the page offers one.
//!
//! The record sits under a key of its own ([`EXPORTED_KEY`]) as
//! `{"exported": <ms>, "changed": <ms>}` (milliseconds since 1970, UTC; 0 for none): `exported` is
//! the last download of the whole plan as a plan file (what an import can bring back — a CSV or
//! one owner's part cannot), `changed` the first change to the plan after it.
use chrono::{DateTime, Duration, Utc};
use serde_json::Value;

use super::state::StorageError;
use super::store::Store;

/// Storage key of the export record.
pub const EXPORTED_KEY: &str = "keyplan.exported.v1";

/// How long changes may stay out of any export before a backup export is offered.
pub const BACKUP_AFTER: Duration = Duration::days(7);

/// The last whole-plan export and the first change after it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ExportRecord {
    pub exported: Option<DateTime<Utc>>,
    pub changed: Option<DateTime<Utc>>,
}

impl ExportRecord {
    /// Is a backup export due at `now`: there are changes that are in no export, and the last
    /// export (or, never exported, the first of those changes) is at least [`BACKUP_AFTER`] old.
    pub fn backup_due(&self, now: DateTime<Utc>) -> bool {
        let Some(changed) = self.changed else {
            return false;
        };
        let since = match self.exported {
            // a change stamped before the export (another tab's clock) is in it
            Some(exported) if changed < exported => return false,
            Some(exported) => exported,
            None => changed,
        };
        now.timestamp_millis() - since.timestamp_millis() >= BACKUP_AFTER.num_milliseconds()
    }
}

fn millis(value: &Value, field: &str) -> Option<DateTime<Utc>> {
    DateTime::from_timestamp_millis(value.get(field)?.as_i64().filter(|ms| *ms > 0)?)
}

/// The stored record; empty when absent or unreadable (it only times a reminder).
pub fn read_record(store: &impl Store) -> ExportRecord {
    let value: Value = store
        .read(EXPORTED_KEY)
        .ok()
        .flatten()
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default();
    ExportRecord {
        exported: millis(&value, "exported"),
        changed: millis(&value, "changed"),
    }
}

fn write_record(
    store: &impl Store,
    exported: Option<DateTime<Utc>>,
    changed: Option<DateTime<Utc>>,
) -> Result<(), StorageError> {
    let ms = |at: Option<DateTime<Utc>>| at.map_or(0, |at| at.timestamp_millis());
    let text = format!(
        "{{\"exported\":{},\"changed\":{}}}",
        ms(exported),
        ms(changed)
    );
    store.write(EXPORTED_KEY, &text)
}

/// The whole plan was exported at `now`: every change so far is in an export.
pub fn record_export(store: &impl Store, now: DateTime<Utc>) -> Result<(), StorageError> {
    write_record(store, Some(now), None)
}

/// The plan changed at `now`; only the first change after an export is written (`Ok(true)`).
pub fn record_change(store: &impl Store, now: DateTime<Utc>) -> Result<bool, StorageError> {
    let record = read_record(store);
    if record.changed.is_some() {
        return Ok(false);
    }
    write_record(store, record.exported, Some(now)).map(|()| true)
}
