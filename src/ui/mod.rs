//! The Yew front end: components that render state and dispatch actions; decisions live in the core.
mod app;
mod banners;
mod board;
mod charts;
mod coaching;
mod context;
mod cycles_diagram;
mod deal_card;
mod deal_dialog;
mod deal_flags;
mod deal_form;
mod deal_list;
mod empty_state;
mod export_dialog;
mod forecast_table;
mod forecast_view;
mod form_field;
mod gate_checklist;
mod header;
mod import_dialog;
mod method_editor;
mod modal;
mod override_dialog;
mod quota_panel;
mod stage_column;
mod stage_history;
mod startup;
mod state;
mod summary_line;
mod undo_toast;

/// Mounts the planner into the page and removes the loading notice.
pub fn start() {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("a browser page");
    if let Some(boot) = document.get_element_by_id("boot") {
        boot.remove();
    }
    yew::Renderer::<app::App>::new().render();
}
