//! Plans in and out: importing plan files (preview, merge or replace) and exporting them.
pub mod export_dialog;
pub mod import_dialog;
