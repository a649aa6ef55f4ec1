//! A deal's dialog: its details form, gate checklist, coaching and history; moving it between
//! stages (and the override a refused move asks for); closing it as won or lost.
pub mod close_dialog;
mod coaching;
pub mod conflict_dialog;
mod cycles_diagram;
pub mod dialog;
pub mod form;
mod form_field;
mod gate_checklist;
mod history;
mod missing_list;
mod move_control;
pub mod override_dialog;
// Not shown yet: the deal dialog shows it once contacts are in the plan (issue 10 item 1).
#[allow(unused_imports, dead_code)]
pub mod people_map;
