//! How the plan is kept in the browser's storage: the keys, start-up, saving without overwriting
//! a save this tab did not see, following another tab, and the preferences. The rules are here;
//! the browser adapter only implements [`Store`].
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::action::{Action, Heard, SaveResult};
use super::backups::{self, BackupKind};
use super::state::{Lang, Loaded, Persistence, Seen, StorageError, View};
use std::collections::BTreeMap;

pub use crate::domain::fingerprint::fingerprint;
use crate::domain::import::{merge, preview, Rule};
use crate::domain::plan_file::{decode_stored, encode_stored, Parsed, Stored};
use crate::domain::Plan;

/// Storage key of the plan.
pub const PLAN_KEY: &str = "keyplan.plan.v1";
/// Storage key of a random stamp rewritten with every save, so that other tabs hear of it (the
/// `storage` event) and can tell one save from another.
pub const STAMP_KEY: &str = "keyplan.plan.v1.stamp";
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
    /// [`Store::write`] of a text whose [`fingerprint`] is `print`, which a store that answers
    /// [`Store::fingerprint`] from memory may keep with it (the plan: hashed once a save).
    fn write_printed(&self, key: &str, value: &str, print: u64) -> Result<(), StorageError> {
        let _ = print;
        self.write(key, value)
    }
    /// Removes `key` and what it holds.
    fn remove(&self, key: &str) -> Result<(), StorageError>;
    /// Every key held.
    fn keys(&self) -> Result<Vec<String>, StorageError>;
    /// Characters held in all, keys included (what the quota counts).
    fn used_chars(&self) -> Result<usize, StorageError>;
    /// The [`fingerprint`] of the text under `key`. A store that can tell, without reading it
    /// again, that the text is exactly one it wrote or read before may answer from memory.
    fn fingerprint(&self, key: &str) -> Result<u64, StorageError> {
        Ok(fingerprint(self.read(key)?.as_deref()))
    }
}

/// Used share of the quota in thousandths, rounded to the nearest (exact on 32-bit targets too).
pub fn usage_permille(chars: usize) -> usize {
    let quota = QUOTA_CHARS as u64;
    ((chars as u64 * 1000 + quota / 2) / quota) as usize
}

/// The version of the stored plan the store holds now, without its text.
fn seen(store: &impl Store) -> Result<Seen, StorageError> {
    Ok(Seen {
        fingerprint: store.fingerprint(PLAN_KEY)?,
        stamp: store.read(STAMP_KEY)?,
    })
}

/// The version of the stored plan the store holds now, and its text.
fn seen_now(store: &impl Store) -> Result<(Seen, Option<String>), StorageError> {
    let raw = store.read(PLAN_KEY)?;
    let seen = Seen {
        stamp: store.read(STAMP_KEY)?,
        fingerprint: fingerprint(raw.as_deref()),
    };
    Ok((seen, raw))
}

/// Reads the plan at start-up. Unreadable text is kept at once as a backup of its own and left
/// untouched under the plan key; nothing is written over it until the person chooses.
pub fn load(store: &impl Store, now: DateTime<Utc>) -> Loaded {
    let (seen, raw) = match seen_now(store) {
        Ok(found) => found,
        Err(e) => {
            return Loaded {
                plan: Plan::default(),
                persistence: Persistence::Failed(e),
                seen: Seen::default(),
                usage: None,
                restorable: false,
            }
        }
    };
    let (plan, persistence) = match decode_stored(raw.as_deref()) {
        Stored::Nothing => (Plan::default(), Persistence::Saved),
        Stored::Plan(plan) => (plan, Persistence::Saved),
        Stored::Unreadable(why) => {
            let raw = raw.unwrap_or_default();
            let backup_saved = backups::keep(store, BackupKind::Unreadable, &raw, now).is_ok();
            (
                Plan::default(),
                Persistence::Blocked {
                    raw: raw.into(),
                    why,
                    backup_saved,
                },
            )
        }
    };
    let restorable = backups::offered_restore(store, &plan).is_some();
    Loaded {
        plan,
        persistence,
        seen,
        usage: store.used_chars().ok(),
        restorable,
    }
}

/// Saves the plan, compare-and-set: only if the store still holds the version this tab last
/// read or wrote (`seen`), then stamped with `fresh` and the fingerprint of the version it was
/// written over; afterwards the store is read again, and if another tab wrote in between, the
/// save is reported as not made (this tab keeps its plan and is told). localStorage has no
/// atomic compare-and-set, so two saves can still cross: then the tab whose save was replaced
/// hears of it (the stamp names the version the other save was written over, see
/// [`Heard`]) and is told. No save ever silently replaces one it did not see.
pub fn save(
    store: &impl Store,
    plan: &Plan,
    seen: &Seen,
    now: DateTime<Utc>,
    fresh: String,
) -> Action {
    let stale = Action::Saved(SaveResult::Stale);
    match self::seen(store) {
        Ok(found) if found != *seen => return stale,
        Err(e) => return Action::Saved(SaveResult::Failed(e)),
        Ok(_) => {}
    }
    // a plan too large to read back is refused, as the quota refuses one it cannot hold
    let Some(text) = encode_stored(plan, now) else {
        return Action::Saved(SaveResult::Failed(StorageError::TooLarge));
    };
    let print = fingerprint(Some(&text));
    if let Err(e) = store.write_printed(PLAN_KEY, &text, print) {
        return Action::Saved(SaveResult::Failed(e));
    }
    // the plan is written; a stamp that cannot be written leaves the old one, which is then
    // part of the version this tab wrote
    let fresh = format!("{fresh}/{:x}", seen.fingerprint);
    let stamp = match store.write(STAMP_KEY, &fresh) {
        Ok(()) => Some(fresh),
        Err(_) => seen.stamp.clone(),
    };
    let ours = Seen {
        stamp,
        fingerprint: print,
    };
    match self::seen(store) {
        Ok(found) if found == ours => Action::Saved(SaveResult::Saved {
            seen: ours,
            usage: store.used_chars().ok(),
        }),
        Ok(_) => stale,
        Err(e) => Action::Saved(SaveResult::Failed(e)),
    }
}

/// What the store holds now, as an action that brings this tab up to date (another tab or window
/// saved; `force` when the person asked to load it). Unreadable text is backed up first; a store
/// that cannot be read leaves the plan as it is and reports the failure.
pub fn external(
    store: &impl Store,
    force: bool,
    now: DateTime<Utc>,
    heard: Option<Heard>,
) -> Action {
    let (seen, raw) = match seen_now(store) {
        Ok(found) => found,
        Err(e) => return Action::Saved(SaveResult::Failed(e)),
    };
    let stored = decode_stored(raw.as_deref());
    let backup_saved = match (&stored, raw.as_deref()) {
        (Stored::Unreadable(_), Some(text)) => {
            backups::keep(store, BackupKind::Unreadable, text, now).is_ok()
        }
        _ => false,
    };
    Action::External {
        stored,
        raw,
        backup_saved,
        seen,
        force,
        heard,
    }
}

/// What a `storage` event on [`STAMP_KEY`] tells of the save it reports (from its new stamp).
pub fn heard(new_stamp: Option<&str>) -> Heard {
    Heard {
        parent: new_stamp
            .and_then(|stamp| stamp.rsplit_once('/'))
            .and_then(|(_, parent)| u64::from_str_radix(parent, 16).ok()),
    }
}

/// Save this tab's plan over what another tab saved: takes the version found now, so that the
/// next save goes through. Unreadable text found there is kept as a backup first; if it cannot
/// be, nothing is written over it.
pub fn keep_mine(store: &impl Store, now: DateTime<Utc>) -> Action {
    let (seen, raw) = match seen_now(store) {
        Ok(found) => found,
        Err(e) => return Action::Saved(SaveResult::Failed(e)),
    };
    if let (Stored::Unreadable(_), Some(text)) = (decode_stored(raw.as_deref()), raw.as_deref()) {
        if let Err(e) = backups::keep(store, BackupKind::Unreadable, text, now) {
            return Action::Saved(SaveResult::Failed(e));
        }
    }
    Action::KeepMine { seen }
}

/// Both plans, after another tab's save crossed this one's: the stored plan's deals merged into
/// this tab's (per deal, the later `updated` wins; deals only one side has are kept — so a deal
/// one side deleted comes back rather than anything being lost), saved over the stored one.
/// Unreadable stored text has nothing to merge: it is kept as a backup and this tab's plan is
/// saved ([`keep_mine`]), so that neither is lost.
pub fn merge_latest(store: &impl Store, mine: &Plan, now: DateTime<Utc>) -> Action {
    let (seen, raw) = match seen_now(store) {
        Ok(found) => found,
        Err(e) => return Action::Saved(SaveResult::Failed(e)),
    };
    match decode_stored(raw.as_deref()) {
        Stored::Plan(theirs) => {
            let incoming = [(
                String::new(),
                Parsed {
                    plan: theirs,
                    ..Parsed::default()
                },
            )];
            let look = preview(mine, &incoming);
            Action::Merged {
                plan: merge(mine, &look, Rule::NewestWins, &BTreeMap::new()),
                seen,
            }
        }
        Stored::Nothing => Action::KeepMine { seen },
        Stored::Unreadable(_) => keep_mine(store, now),
    }
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
