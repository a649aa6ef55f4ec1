//! Reads what the browser holds at start-up and turns it into the first state; keeps unreadable data.
use std::rc::Rc;

use crate::domain::storage::{
    decode_stored, encode, Stored, BACKUP_KEY, PLAN_KEY, PREFS_KEY, STAMP_KEY,
};
use crate::domain::Plan;
use crate::i18n::Lang;
use crate::web::clock;
use crate::web::storage::{self, StorageError};

use super::state::{Action, Persistence, SavedInfo, State, View};

/// The person's interface preferences, stored apart from the plan.
#[derive(Clone, Copy, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Prefs {
    pub lang: Option<Lang>,
    #[serde(default)]
    pub view: View,
}

/// Loads plan and preferences. Unreadable plan text is copied to the backup key at once and left
/// untouched under its own key.
pub fn initial_state() -> State {
    let prefs: Prefs = storage::read(PREFS_KEY)
        .ok()
        .flatten()
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default();
    let lang = prefs.lang.unwrap_or_else(|| {
        Lang::from_browser(
            &web_sys::window()
                .and_then(|w| w.navigator().language())
                .unwrap_or_default(),
        )
    });
    let (plan, persistence) = match storage::read(PLAN_KEY) {
        Err(e) => (Plan::default(), Persistence::Failed(e)),
        Ok(raw) => match decode_stored(raw.as_deref()) {
            Stored::Nothing => (Plan::default(), Persistence::Saved),
            Stored::Plan(plan) => (plan, Persistence::Saved),
            Stored::Unreadable(why) => {
                let raw: Rc<str> = raw.unwrap_or_default().into();
                let backup_saved = keep_backup(&raw).is_ok();
                (
                    Plan::default(),
                    Persistence::Blocked {
                        raw,
                        why,
                        backup_saved,
                    },
                )
            }
        },
    };
    let stamp = storage::read(STAMP_KEY).ok().flatten();
    State::new(
        plan,
        lang,
        prefs.view,
        persistence,
        stamp,
        storage::used_chars().ok(),
    )
}

/// What the browser holds now, as an action that brings this tab up to date (another tab or
/// window saved). Unreadable text is backed up first, as at start-up.
pub fn external_update(force: bool) -> Action {
    let raw = storage::read(PLAN_KEY).ok().flatten();
    let stored = decode_stored(raw.as_deref());
    let backup_saved = match (&stored, raw.as_deref()) {
        (Stored::Unreadable(_), Some(text)) => keep_backup(text).is_ok(),
        _ => false,
    };
    let stamp = storage::read(STAMP_KEY).ok().flatten();
    Action::External {
        stored,
        raw,
        backup_saved,
        stamp,
        force,
    }
}

/// Saves the plan unless another tab or window saved since this tab last read or wrote
/// (`expected` is the stamp this tab knows); then stamps the save.
pub fn save_plan(plan: &Plan, expected: Option<&str>) -> Action {
    match storage::read(STAMP_KEY) {
        Ok(current) if current.as_deref() != expected => return Action::StaleSave,
        Err(e) => return Action::Saved(Err(e)),
        Ok(_) => {}
    }
    if let Err(e) = storage::write(PLAN_KEY, &encode(plan, clock::now())) {
        return Action::Saved(Err(e));
    }
    let fresh = storage::new_stamp();
    let stamp = match storage::write(STAMP_KEY, &fresh) {
        Ok(()) => Some(fresh),
        Err(_) => expected.map(str::to_string),
    };
    Action::Saved(Ok(SavedInfo {
        stamp,
        usage: storage::used_chars().ok(),
    }))
}

/// Copies unreadable text to the backup key, unless that key already holds the same text.
fn keep_backup(raw: &str) -> Result<(), StorageError> {
    if storage::read(BACKUP_KEY)?.as_deref() == Some(raw) {
        return Ok(());
    }
    storage::write(BACKUP_KEY, raw)
}

pub fn save_prefs(lang: Lang, view: View) {
    let prefs = Prefs {
        lang: Some(lang),
        view,
    };
    if let Ok(text) = serde_json::to_string(&prefs) {
        let _ = storage::write(PREFS_KEY, &text);
    }
}
