//! How the plan is kept in the browser's storage: the keys, start-up, saving without overwriting
//! another tab's save, following another tab, and the backups. The rules are here; the browser
//! adapter only implements [`Store`].
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::action::{Action, SaveResult};
use super::state::Lang;
use super::state::{Loaded, Persistence, StorageError, View};
use crate::domain::plan_file::{decode, decode_stored, encode, Stored};
use crate::domain::Plan;

/// Storage key of the plan.
pub const PLAN_KEY: &str = "keyplan.plan.v1";
/// Storage key where unreadable plan text is kept before anything else happens.
pub const BACKUP_KEY: &str = "keyplan.plan.v1.backup";
/// Storage key of a random stamp rewritten with every save: a tab that finds a stamp it did not
/// write knows that another tab or window saved in between, and does not overwrite.
pub const STAMP_KEY: &str = "keyplan.plan.v1.stamp";
/// Storage key of the plan as it was before the last import, for a one-step restore.
pub const BEFORE_IMPORT_KEY: &str = "keyplan.plan.v1.before-import";
/// Storage key of the person's interface preferences (language, view).
pub const PREFS_KEY: &str = "keyplan.prefs.v1";
/// What browsers allow one origin in localStorage: 5 Mi UTF-16 characters, keys included
/// (measured in Chromium: 5,242,880).
pub const QUOTA_CHARS: usize = 5 * 1024 * 1024;
/// From this share of the quota (in thousandths) on, the planner warns.
pub const WARN_PERMILLE: usize = 800;

/// The browser's key–value storage, as the rules need it.
pub trait Store {
    /// The text under `key`, `None` when absent.
    fn read(&self, key: &str) -> Result<Option<String>, StorageError>;
    /// Writes `value` under `key`; a refusal is returned, never swallowed.
    fn write(&self, key: &str, value: &str) -> Result<(), StorageError>;
    /// Removes `key` and what it holds.
    fn remove(&self, key: &str) -> Result<(), StorageError>;
    /// Characters held in all, keys included (what the quota counts).
    fn used_chars(&self) -> Result<usize, StorageError>;
}

/// Used share of the quota in thousandths, rounded to the nearest (exact on 32-bit targets too).
pub fn usage_permille(chars: usize) -> usize {
    let quota = QUOTA_CHARS as u64;
    ((chars as u64 * 1000 + quota / 2) / quota) as usize
}

/// Reads the plan at start-up. Unreadable text is copied to [`BACKUP_KEY`] at once and left
/// untouched under its own key; nothing is written over it until the person chooses.
pub fn load(store: &impl Store) -> Loaded {
    let (plan, persistence) = match store.read(PLAN_KEY) {
        Err(e) => (Plan::default(), Persistence::Failed(e)),
        Ok(raw) => match decode_stored(raw.as_deref()) {
            Stored::Nothing => (Plan::default(), Persistence::Saved),
            Stored::Plan(plan) => (plan, Persistence::Saved),
            Stored::Unreadable(why) => {
                let raw = raw.unwrap_or_default();
                let backup_saved = keep_backup(store, &raw).is_ok();
                (
                    Plan::default(),
                    Persistence::Blocked {
                        raw: raw.into(),
                        why,
                        backup_saved,
                    },
                )
            }
        },
    };
    let restorable = plan_before_import(store).is_some_and(|kept| kept != plan);
    Loaded {
        plan,
        persistence,
        stamp: store.read(STAMP_KEY).ok().flatten(),
        usage: store.used_chars().ok(),
        restorable,
    }
}

/// Saves the plan unless another tab or window saved since this tab last read or wrote
/// (`expected`: the stamp this tab knows), then stamps the save with `fresh`.
pub fn save(
    store: &impl Store,
    plan: &Plan,
    expected: Option<&str>,
    now: DateTime<Utc>,
    fresh: String,
) -> Action {
    match store.read(STAMP_KEY) {
        Ok(current) if current.as_deref() != expected => return Action::Saved(SaveResult::Stale),
        Err(e) => return Action::Saved(SaveResult::Failed(e)),
        Ok(_) => {}
    }
    if let Err(e) = store.write(PLAN_KEY, &encode(plan, now)) {
        return Action::Saved(SaveResult::Failed(e));
    }
    let stamp = match store.write(STAMP_KEY, &fresh) {
        Ok(()) => Some(fresh),
        Err(_) => expected.map(str::to_string),
    };
    Action::Saved(SaveResult::Saved {
        stamp,
        usage: store.used_chars().ok(),
    })
}

/// What the store holds now, as an action that brings this tab up to date (another tab or window
/// saved; `force` when the person asked to load it). Unreadable text is backed up first; a store
/// that cannot be read leaves the plan as it is and reports the failure.
pub fn external(store: &impl Store, force: bool) -> Action {
    let raw = match store.read(PLAN_KEY) {
        Ok(raw) => raw,
        Err(e) => return Action::Saved(SaveResult::Failed(e)),
    };
    let stored = decode_stored(raw.as_deref());
    let backup_saved = match (&stored, raw.as_deref()) {
        (Stored::Unreadable(_), Some(text)) => keep_backup(store, text).is_ok(),
        _ => false,
    };
    Action::External {
        stored,
        raw,
        backup_saved,
        stamp: store.read(STAMP_KEY).ok().flatten(),
        force,
    }
}

/// Overwrite what another tab saved with this tab's plan: takes the stamp found now, so that
/// the next save goes through.
pub fn keep_mine(store: &impl Store) -> Action {
    Action::KeepMine {
        stamp: store.read(STAMP_KEY).ok().flatten(),
    }
}

/// Copies unreadable text to [`BACKUP_KEY`], unless that key already holds the same text.
fn keep_backup(store: &impl Store, raw: &str) -> Result<(), StorageError> {
    if store.read(BACKUP_KEY)?.as_deref() == Some(raw) {
        return Ok(());
    }
    store.write(BACKUP_KEY, raw)
}

/// Keeps the plan as it is before an import replaces it.
pub fn backup_before_import(
    store: &impl Store,
    plan: &Plan,
    now: DateTime<Utc>,
) -> Result<(), StorageError> {
    store.write(BEFORE_IMPORT_KEY, &encode(plan, now))
}

/// The person keeps the import: the plan from before it is no longer offered.
pub fn forget_before_import(store: &impl Store) -> Result<(), StorageError> {
    store.remove(BEFORE_IMPORT_KEY)
}

/// The plan kept before the last import, if one is kept and readable.
pub fn plan_before_import(store: &impl Store) -> Option<Plan> {
    let kept = store.read(BEFORE_IMPORT_KEY).ok().flatten()?;
    decode(&kept).ok()
}

/// The person's interface preferences, stored apart from the plan.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Prefs {
    pub lang: Option<Lang>,
    #[serde(default)]
    pub view: View,
}

/// The stored preferences; defaults when absent or unreadable (they are only preferences).
pub fn load_prefs(store: &impl Store) -> Prefs {
    store
        .read(PREFS_KEY)
        .ok()
        .flatten()
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default()
}

pub fn save_prefs(store: &impl Store, lang: Lang, view: View) {
    let prefs = Prefs {
        lang: Some(lang),
        view,
    };
    if let Ok(text) = serde_json::to_string(&prefs) {
        let _ = store.write(PREFS_KEY, &text);
    }
}
