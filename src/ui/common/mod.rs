//! What every feature uses: the dispatcher, modal dialogs and focus, the store hook, cheap shared values.
pub mod context;
pub mod export_record;
pub mod focus;
pub mod modal;
pub mod shared;
pub mod show_more;
pub mod split_editor;
pub mod store;
