//! Entry point: mounts the planner in the browser.

#[cfg(target_arch = "wasm32")]
fn main() {
    keyplan::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("keyplan runs in the browser: `make run` builds dist/keyplan.html and opens it.");
}
