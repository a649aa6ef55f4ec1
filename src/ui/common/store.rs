//! The one place the page touches the browser's storage, files and downloads: the state at
//! start-up, the effects that save and follow other tabs, and a handle whose verbs (reload,
//! keep mine, import, apply, restore, download) the components call. The rules are the
//! session's; this only runs them against the browser.
use gloo_events::EventListener;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::context::{use_dispatch, Dispatch};
use crate::domain::file_name::export_file_name;
use crate::domain::Plan;
use crate::i18n::Lang;
use crate::session::{self, Action, ImportFiles, Session, StorageError, STAMP_KEY};
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
    Session::new(session::load(&LocalStore), lang, prefs.view)
}

/// Saves after every change to the plan, follows other tabs' saves, and keeps the preferences
/// and the page's language in step.
#[hook]
pub fn use_store_effects(state: &UseReducerHandle<Session>) {
    let dispatch = state.dispatcher();
    {
        let (state, dispatch) = (state.clone(), dispatch.clone());
        use_effect_with(state.revision, move |revision| {
            if *revision > 0 && !state.is_blocked() {
                dispatch.dispatch(session::save(
                    &LocalStore,
                    &state.plan,
                    state.stamp.as_deref(),
                    clock::now(),
                    new_stamp(),
                ));
            }
        });
    }
    use_effect_with((), move |_| {
        let listener = web_sys::window().map(|window| {
            EventListener::new(&window, "storage", move |event| {
                let key = event
                    .dyn_ref::<web_sys::StorageEvent>()
                    .and_then(|e| e.key());
                // a save writes the plan, then the stamp; `None` is a clear()
                if key.is_none() || key.as_deref() == Some(STAMP_KEY) {
                    dispatch.dispatch(session::external(&LocalStore, false));
                }
            })
        });
        move || drop(listener)
    });
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
        self.dispatch.dispatch(session::external(&LocalStore, true));
    }

    /// Saves this tab's plan over what another tab or window saved.
    pub fn keep_mine(&self) {
        self.dispatch.dispatch(session::keep_mine(&LocalStore));
    }

    /// Reads the files (in the background) and opens the import dialog with what they hold.
    pub fn read_files(&self, picked: Vec<web_sys::File>) {
        if picked.is_empty() {
            return;
        }
        let dispatch = self.dispatch.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let mut read: ImportFiles = Vec::with_capacity(picked.len());
            for file in &picked {
                read.push(files::read_plan_file(file).await);
            }
            dispatch.dispatch(Action::ImportRead(read));
        });
    }

    /// Keeps `current` as the plan before the import, then replaces it with `result`. Nothing
    /// changes when the backup cannot be written.
    pub fn apply_import(&self, current: &Plan, result: Plan) -> Result<(), StorageError> {
        session::backup_before_import(&LocalStore, current, clock::now())?;
        self.dispatch.dispatch(Action::ApplyImport(result));
        Ok(())
    }

    /// Puts back the plan kept before the last import.
    pub fn restore_before_import(&self) {
        if let Some(plan) = session::plan_before_import(&LocalStore) {
            self.dispatch.dispatch(Action::Restore(plan));
        }
    }

    /// Keeps the import: the plan from before it is no longer kept nor offered.
    pub fn dismiss_restore(&self) {
        let _ = session::forget_before_import(&LocalStore);
        self.dispatch.dispatch(Action::DismissRestore);
    }

    /// Offers a plan (or the part named `part`) as an indented plan file.
    pub fn download_plan(&self, plan: &Plan, part: Option<&str>) {
        let _ = download::download_plan(plan, part);
    }

    /// Offers text as a download named after `stem` and today's date.
    pub fn download_text(&self, stem: Option<&str>, extension: &str, mime: &str, text: &str) {
        let name = export_file_name(stem, clock::today(), extension);
        let _ = download::download_text(&name, mime, text);
    }
}
