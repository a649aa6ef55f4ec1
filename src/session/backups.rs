//! Copies that are kept and never overwritten: unreadable text as it was found, and the plan as
//! it was before an import or a restore replaced it. Each copy has a key of its own, named by its
//! kind and the moment it was made; the person sees, downloads and deletes them.
use chrono::{DateTime, NaiveDate, Utc};

use super::state::StorageError;
use super::store::Store;
use crate::domain::plan_file::{decode, encode_stored};
use crate::domain::sample::sample_plan;
use crate::domain::Plan;

/// The start of every backup key: `keyplan.backup.<kind>.<milliseconds>[.<n>]`.
pub const BACKUP_PREFIX: &str = "keyplan.backup.";
/// Where earlier versions kept unreadable text (one copy, read as a backup).
pub const OLD_UNREADABLE_KEY: &str = "keyplan.plan.v1.backup";
/// Where earlier versions kept the plan before the last import (one copy, read as a backup).
pub const OLD_BEFORE_IMPORT_KEY: &str = "keyplan.plan.v1.before-import";
/// The backup offered for a one-step restore after the last import (its key).
pub const OFFER_KEY: &str = "keyplan.plan.v1.restore-offer";

/// What a backup holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BackupKind {
    /// Stored text that could not be read, as it was.
    Unreadable,
    /// The plan before an import replaced it.
    BeforeImport,
    /// The plan before a backup was restored over it.
    BeforeRestore,
    /// The plan before the training case was loaded again over it, or before it was cleared.
    BeforeReset,
}

impl BackupKind {
    pub const ALL: [BackupKind; 4] = [
        BackupKind::Unreadable,
        BackupKind::BeforeImport,
        BackupKind::BeforeRestore,
        BackupKind::BeforeReset,
    ];

    /// `unreadable`, `before-import` or `before-restore`, as keys name it.
    pub fn code(self) -> &'static str {
        match self {
            BackupKind::Unreadable => "unreadable",
            BackupKind::BeforeImport => "before-import",
            BackupKind::BeforeRestore => "before-restore",
            BackupKind::BeforeReset => "before-reset",
        }
    }
}

/// One kept copy.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Backup {
    pub key: String,
    pub kind: BackupKind,
    /// When it was made; unknown for the copies earlier versions kept.
    pub at: Option<DateTime<Utc>>,
    /// Its length in characters (UTF-16 units, as the browser counts them).
    pub chars: usize,
}

/// The kind and moment a key names, if it is a backup's.
fn parse_key(key: &str) -> Option<(BackupKind, Option<DateTime<Utc>>)> {
    match key {
        OLD_UNREADABLE_KEY => return Some((BackupKind::Unreadable, None)),
        OLD_BEFORE_IMPORT_KEY => return Some((BackupKind::BeforeImport, None)),
        _ => {}
    }
    let rest = key.strip_prefix(BACKUP_PREFIX)?;
    let (code, moment) = rest.split_once('.')?;
    let kind = BackupKind::ALL.into_iter().find(|k| k.code() == code)?;
    let millis: i64 = moment.split('.').next()?.parse().ok()?;
    Some((kind, DateTime::from_timestamp_millis(millis)))
}

/// Every backup in the store, newest first (the old single copies last).
pub fn list_backups(store: &impl Store) -> Result<Vec<Backup>, StorageError> {
    let mut list = Vec::new();
    for key in store.keys()? {
        if let Some((kind, at)) = parse_key(&key) {
            let chars = store
                .read(&key)?
                .map_or(0, |text| text.encode_utf16().count());
            list.push(Backup {
                key,
                kind,
                at,
                chars,
            });
        }
    }
    list.sort_by(|a, b| b.at.cmp(&a.at).then_with(|| b.key.cmp(&a.key)));
    Ok(list)
}

/// Keeps `text` as a backup of `kind` under a key of its own, unless a backup of that kind
/// already holds the same text. Never overwrites anything; returns the backup's key.
pub fn keep(
    store: &impl Store,
    kind: BackupKind,
    text: &str,
    now: DateTime<Utc>,
) -> Result<String, StorageError> {
    for backup in list_backups(store)?.into_iter().filter(|b| b.kind == kind) {
        if store.read(&backup.key)?.as_deref() == Some(text) {
            return Ok(backup.key);
        }
    }
    let stem = format!("{BACKUP_PREFIX}{}.{}", kind.code(), now.timestamp_millis());
    let mut key = stem.clone();
    let mut n = 1;
    while store.read(&key)?.is_some() {
        n += 1;
        key = format!("{stem}.{n}");
    }
    store.write(&key, text)?;
    Ok(key)
}

/// Keeps a plan as a backup of `kind`.
pub fn keep_plan(
    store: &impl Store,
    kind: BackupKind,
    plan: &Plan,
    now: DateTime<Utc>,
) -> Result<String, StorageError> {
    let text = encode_stored(plan, now).ok_or(StorageError::TooLarge)?;
    keep(store, kind, &text, now)
}

/// What a trainer starts the next session from: the training case as on `today`, or an empty
/// plan (`sample` false). The plan shown is kept first as a backup of its own (when it has deals
/// and is not that already), so that nothing of it is lost; `None` when the backup could not be
/// written, and nothing may change.
pub fn reset(
    store: &impl Store,
    current: &Plan,
    sample: bool,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<Plan, StorageError> {
    let next = if sample {
        sample_plan(today, now)
    } else {
        Plan::default()
    };
    if !current.deals.is_empty() && *current != next {
        keep_plan(store, BackupKind::BeforeReset, current, now)?;
    }
    Ok(next)
}

/// The text a backup holds.
pub fn read_backup(store: &impl Store, key: &str) -> Result<Option<String>, StorageError> {
    if parse_key(key).is_none() {
        return Ok(None);
    }
    store.read(key)
}

/// Deletes a backup (and the restore offer, if it was that one's).
pub fn delete_backup(store: &impl Store, key: &str) -> Result<(), StorageError> {
    if parse_key(key).is_none() {
        return Ok(());
    }
    if store.read(OFFER_KEY)?.as_deref() == Some(key) {
        store.remove(OFFER_KEY)?;
    }
    store.remove(key)
}

/// Keeps the plan as it is before an import replaces it, and offers it for a one-step restore.
pub fn keep_before_import(
    store: &impl Store,
    plan: &Plan,
    now: DateTime<Utc>,
) -> Result<(), StorageError> {
    let key = keep_plan(store, BackupKind::BeforeImport, plan, now)?;
    store.write(OFFER_KEY, &key)
}

/// The key of the backup offered for a restore after the last import.
pub fn offered_key(store: &impl Store) -> Option<String> {
    store.read(OFFER_KEY).ok().flatten()
}

/// The plan offered for a restore after the last import, unless it is the plan shown already.
pub fn offered_restore(store: &impl Store, current: &Plan) -> Option<Plan> {
    let key = store.read(OFFER_KEY).ok().flatten()?;
    let text = read_backup(store, &key).ok().flatten()?;
    decode(&text).ok().filter(|kept| kept != current)
}

/// The person keeps the import: the plan from before it is no longer offered (it stays among
/// the backups).
pub fn dismiss_offer(store: &impl Store) -> Result<(), StorageError> {
    store.remove(OFFER_KEY)
}

/// The plan a backup holds, to restore it: the plan shown now is kept first (as a backup of its
/// own), so that a restore never loses anything either. The offer of a restore ends with it.
pub fn restore_backup(
    store: &impl Store,
    key: &str,
    current: &Plan,
    now: DateTime<Utc>,
) -> Result<Option<Plan>, StorageError> {
    let Some(plan) = read_backup(store, key)?.and_then(|text| decode(&text).ok()) else {
        return Ok(None);
    };
    if !current.deals.is_empty() && plan != *current {
        keep_plan(store, BackupKind::BeforeRestore, current, now)?;
    }
    store.remove(OFFER_KEY)?;
    Ok(Some(plan))
}
