//! Plans in and out: importing plan files (preview, merge or replace), exporting them, and the
//! backups kept in the browser.
pub mod backups_dialog;
pub mod export_dialog;
pub mod import_dialog;
