//! Entry point: mounts the planner in the browser.

/// Talc instead of the standard library's dlmalloc: smaller in the wasm every user downloads,
/// and faster. The page is single-threaded (no `atomics`).
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
#[cfg(target_arch = "wasm32")]
fn main() {
    keyplan::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("keyplan runs in the browser: `make run` builds dist/keyplan.html and opens it.");
}
