//! The one place the page touches the browser's storage, files and downloads: the state at
//! start-up, the effects that save, follow other tabs and warn before leaving unsaved work, and
//! a handle whose verbs (load the latest, keep mine, merge, import, restore, backups, download)
//! the components call. The rules are the session's; this only runs them against the browser.
use gloo_events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::context::{use_dispatch, Dispatch};
use crate::domain::file_name::export_file_name;
use crate::domain::plan_file::packed::plain;
use crate::domain::Plan;
use crate::i18n::Lang;
use crate::session::backups::{self, Backup};
use crate::session::projector::{Deck, Slide};
use crate::session::{
    self, Action, ImportFiles, Persistence, Session, StorageError, Store, TableFile, STAMP_KEY,
};
use crate::web::storage::{new_stamp, LocalStore};
use crate::web::{clock, download, files};

/// The state at start-up: preferences, then the plan (unreadable text is backed up at once).
pub fn initial_session() -> Session {
    let prefs = session::load_prefs(&LocalStore);
    let lang = prefs.lang.unwrap_or_else(|| {
        Lang::from_browser(
            &web_sys::window()
                .and_then(|w| w.navigator().language())
                .unwrap_or_default(),
        )
    });
    let mut start = Session::new(session::load(&LocalStore, clock::now()), lang, prefs.view);
    // projector mode's slide, kept in the page address across a reload
    start.projector = crate::web::place::hash()
        .and_then(|hash| Slide::from_hash(&hash))
        .map(|slide| Deck::of(&start.plan).fit(&slide));
    start
}

/// Saves after every change to the plan, follows other tabs' saves, asks before the page is
/// left with changes not saved, and keeps the preferences and the page's language in step.
#[hook]
pub fn use_store_effects(state: &UseReducerHandle<Session>) {
    let dispatch = state.dispatcher();
    {
        let (state, dispatch) = (state.clone(), dispatch.clone());
        use_effect_with(state.revision, move |revision| {
            if *revision > 0 && !state.is_blocked() {
                crate::web::bench::mark("keyplan-save");
                let saved = session::save(
                    &LocalStore,
                    &state.plan,
                    &state.seen,
                    clock::now(),
                    new_stamp(),
                );
                crate::web::bench::mark("keyplan-saved");
                dispatch.dispatch(saved);
            }
        });
    }
    use_effect_with((), move |_| {
        let listener = web_sys::window().map(|window| {
            EventListener::new(&window, "storage", move |event| {
                let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() else {
                    return;
                };
                // a save writes the plan, then the stamp; `None` is a clear()
                match event.key().as_deref() {
                    Some(STAMP_KEY) => {
                        let heard = session::heard(event.new_value().as_deref());
                        dispatch.dispatch(session::external(
                            &LocalStore,
                            false,
                            clock::now(),
                            Some(heard),
                        ));
                    }
                    None => {
                        dispatch.dispatch(session::external(&LocalStore, false, clock::now(), None))
                    }
                    // the plan, a backup, or another page of this origin: the gauge follows
                    Some(_) => dispatch.dispatch(Action::Usage(LocalStore.used_chars().ok())),
                }
            })
        });
        move || drop(listener)
    });
    {
        let unsaved = matches!(
            state.persistence,
            Persistence::Failed(_) | Persistence::Stale
        );
        use_effect_with(unsaved, move |unsaved| {
            let listener = (*unsaved).then(web_sys::window).flatten().map(|window| {
                let options = EventListenerOptions::enable_prevent_default();
                EventListener::new_with_options(&window, "beforeunload", options, |event| {
                    event.prevent_default();
                    if let Some(event) = event.dyn_ref::<web_sys::BeforeUnloadEvent>() {
                        event.set_return_value("unsaved");
                    }
                })
            });
            move || drop(listener)
        });
    }
    use_effect_with((state.lang, state.view), |(lang, view)| {
        if let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = root.set_attribute("lang", lang.tag());
        }
        session::save_prefs(&LocalStore, *lang, *view);
    });
}

/// The verbs of the browser's storage, files and downloads.
#[derive(Clone, PartialEq)]
pub struct StoreHandle {
    dispatch: Dispatch,
}

/// The store handle, from any component under the app.
#[hook]
pub fn use_store() -> StoreHandle {
    StoreHandle {
        dispatch: use_dispatch(),
    }
}

impl StoreHandle {
    /// Loads what another tab or window saved, dropping this tab's unsaved changes.
    pub fn load_latest(&self) {
        self.dispatch
            .dispatch(session::external(&LocalStore, true, clock::now(), None));
    }

    /// Saves this tab's plan over what another tab or window saved.
    pub fn keep_mine(&self) {
        self.dispatch
            .dispatch(session::keep_mine(&LocalStore, clock::now()));
    }

    /// Merges what another tab or window saved into this tab's plan, and saves the result.
    pub fn merge_latest(&self, mine: &Plan) {
        self.dispatch
            .dispatch(session::merge_latest(&LocalStore, mine, clock::now()));
    }

    /// Reads the files (in the background) and opens the import dialog with what they hold.
    pub fn read_files(&self, picked: Vec<web_sys::File>) {
        if picked.is_empty() {
            return;
        }
        let dispatch = self.dispatch.clone();
        // a spreadsheet is imported alone, through its columns; the dialog names the files left
        if let Some(at) = picked.iter().position(files::is_table) {
            let table = picked[at].clone();
            let left: Vec<String> = (picked.iter().enumerate())
                .filter(|(i, _)| *i != at)
                .map(|(_, f)| f.name())
                .collect();
            wasm_bindgen_futures::spawn_local(async move {
                dispatch.dispatch(match files::read_table_file(&table).await {
                    Ok(table) => Action::ImportTable(TableFile { left, ..table }),
                    Err(refused) => Action::ImportRead(vec![(refused.0, Err(refused.1))]),
                });
            });
            return;
        }
        wasm_bindgen_futures::spawn_local(async move {
            let mut read: ImportFiles = Vec::with_capacity(picked.len());
            for file in &picked {
                read.push(files::read_plan_file(file).await);
            }
            dispatch.dispatch(Action::ImportRead(read));
        });
    }

    /// Keeps `current` as a backup and offers it for a restore, then replaces it with `result`.
    /// Nothing changes when the backup cannot be written.
    pub fn apply_import(&self, current: &Plan, result: Plan) -> Result<(), StorageError> {
        backups::keep_before_import(&LocalStore, current, clock::now())?;
        self.dispatch.dispatch(Action::ApplyImport(result));
        Ok(())
    }

    /// Puts back the plan kept before the last import (the plan shown is kept first).
    pub fn restore_before_import(&self, current: &Plan) -> Result<(), StorageError> {
        match backups::offered_key(&LocalStore) {
            Some(key) => self.restore(&key, current),
            None => Ok(()),
        }
    }

    /// Keeps the import: the plan from before it stays among the backups, no longer offered.
    pub fn dismiss_restore(&self) {
        let _ = backups::dismiss_offer(&LocalStore);
        self.dispatch.dispatch(Action::DismissRestore);
    }

    /// Every backup kept in this browser.
    pub fn backups(&self) -> Result<Vec<Backup>, StorageError> {
        backups::list_backups(&LocalStore)
    }

    /// Puts a backup's plan in place of the plan shown (which is kept first).
    pub fn restore(&self, key: &str, current: &Plan) -> Result<(), StorageError> {
        if let Some(plan) = backups::restore_backup(&LocalStore, key, current, clock::now())? {
            self.dispatch.dispatch(Action::Restore(plan));
        }
        Ok(())
    }

    /// Starts again from the training case (`sample`) or an empty plan, the plan shown kept
    /// first; nothing changes when that backup cannot be written.
    pub fn reset(&self, current: &Plan, sample: bool) -> Result<(), StorageError> {
        let plan = backups::reset(&LocalStore, current, sample, clock::today(), clock::now())?;
        self.dispatch.dispatch(Action::Reset(plan));
        Ok(())
    }

    /// Deletes a backup.
    pub fn delete_backup(&self, key: &str) -> Result<(), StorageError> {
        backups::delete_backup(&LocalStore, key)
    }

    /// Offers a backup's text as a download; false when the browser refused.
    pub fn download_backup(&self, backup: &Backup) -> bool {
        let Ok(Some(text)) = backups::read_backup(&LocalStore, &backup.key) else {
            return false;
        };
        let stem = format!("keyplan-{}", backup.kind.code());
        // a large plan's backup is kept packed: the download is its plan file
        self.download_text(Some(&stem), "json", "application/json", &plain(text))
    }

    /// Offers a plan (or the part named `part`) as an indented plan file.
    pub fn download_plan(&self, plan: &Plan, part: Option<&str>) -> bool {
        let offered = download::download_plan(plan, part).is_ok();
        // the whole plan as a file is an export that can bring it back (see session::export_due)
        if offered && part.is_none() {
            let _ = session::record_export(&LocalStore, clock::now());
        }
        offered
    }

    /// Offers text as a download named after `stem` and today's date; false when the browser
    /// refused.
    pub fn download_text(
        &self,
        stem: Option<&str>,
        extension: &str,
        mime: &str,
        text: &str,
    ) -> bool {
        let name = export_file_name(stem, clock::today(), extension);
        download::download_text(&name, mime, text).is_ok()
    }
}
