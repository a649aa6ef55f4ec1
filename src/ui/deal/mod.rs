//! A deal's dialog: its details form, gate checklist, coaching and history; moving it between
//! stages (and the override a refused move asks for); its competition and SWOT; closing it as
//! won or lost with its post-mortem.
pub mod close_dialog;
mod coaching;
mod competition;
mod competitor_form;
mod competitor_list;
pub mod conflict_dialog;
mod cycles_diagram;
pub mod dialog;
pub mod form;
mod form_field;
mod gate_checklist;
mod golden_triangle;
mod history;
mod missing_list;
mod move_control;
pub mod override_dialog;
mod review;
mod swot_form;
// Not shown yet: the deal dialog shows it once contacts are in the plan (issue 10 item 1).
#[allow(unused_imports, dead_code)]
pub mod people_map;
