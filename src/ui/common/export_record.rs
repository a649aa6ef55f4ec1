//! The export record in the page (the rule is [`crate::session::ExportRecord`]): each change to
//! the plan is noted in the browser's storage (exports are noted where the plan is downloaded,
//! `StoreHandle::download_plan`).
use yew::prelude::*;

use crate::session::{self, ExportRecord};
use crate::web::clock;
use crate::web::storage::LocalStore;

/// The export record as stored now, and a handle to draw the caller again (after an export).
/// Each new `revision` (a change to the plan) is noted, and the caller is drawn again when that
/// was the first change since an export.
#[hook]
pub fn use_export_record(revision: u64) -> (ExportRecord, UseForceUpdateHandle) {
    let redraw = use_force_update();
    {
        let redraw = redraw.clone();
        use_effect_with(revision, move |revision| {
            if *revision > 0 && session::record_change(&LocalStore, clock::now()) == Ok(true) {
                redraw.force_update();
            }
        });
    }
    (session::read_record(&LocalStore), redraw)
}
