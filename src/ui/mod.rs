//! The Yew front end, grouped by feature: `shell` (the page around everything), `board` (the
//! pipeline board and the deal list), `deal` (a deal's dialog: details, gates, coaching,
//! history, moves and closes), `forecast`, `method`, `transfer` (import and export) and `common`
//! (the dispatcher, modal dialogs, the store hook). Components render what the core computes and
//! send its actions; browser I/O goes through the store hook.
mod board;
mod common;
mod deal;
mod forecast;
mod method;
mod print;
mod projector;
mod shell;
mod transfer;
mod workshop;

use crate::session::Session;

/// The reducer lives in the core (`Session::reduce`); Yew only calls it.
impl yew::Reducible for Session {
    type Action = crate::session::Action;

    fn reduce(self: std::rc::Rc<Self>, action: Self::Action) -> std::rc::Rc<Self> {
        Session::reduce(self, action)
    }
}

/// Mounts the planner into the page and removes the loading notice.
pub fn start() {
    // the wasm is instantiated and running: the startup benchmark's end of the loader's phases
    crate::web::bench::mark("keyplan-main");
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("a browser page");
    if let Some(boot) = document.get_element_by_id("boot") {
        boot.remove();
    }
    yew::Renderer::<shell::app::App>::new().render();
}
