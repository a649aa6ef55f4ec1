//! A deal's dialog: its details form, gate checklist, coaching and history; moving it between
//! stages (and the override a refused move asks for); its competition and SWOT; closing it as
//! won or lost with its post-mortem.
mod bonus;
pub mod close_dialog;
mod coaching;
mod competition;
mod competitor_form;
mod competitor_list;
pub mod conflict_dialog;
mod contact_form;
mod contact_list;
mod coverage_flags;
pub(crate) mod cycles_diagram;
pub mod dialog;
pub mod form;
mod form_field;
mod gate_checklist;
mod golden_triangle;
mod history;
mod link_editor;
mod missing_list;
mod move_control;
pub mod override_dialog;
pub(crate) mod people_cards;
mod people_edit;
pub mod people_map;
mod people_tab;
mod review;
mod score_panel;
mod strategies;
mod swot_form;
