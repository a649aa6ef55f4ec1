//! Reads what the browser holds at start-up and turns it into the first state; keeps unreadable data.
use std::rc::Rc;

use crate::domain::storage::{decode_stored, Stored, BACKUP_KEY, PLAN_KEY, PREFS_KEY};
use crate::domain::Plan;
use crate::i18n::Lang;
use crate::web::storage::{self, StorageError};

use super::state::{Persistence, State, View};

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
    State::new(plan, lang, prefs.view, persistence)
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
