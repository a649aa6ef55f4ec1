//! Entry point: mounts the planner in the browser.
//!
//! The allocator is the standard library's (dlmalloc). talc was tried: 3.9 KB smaller page, but
//! reading a 10,000-deal file took 14 % longer (issue 12 measures that read against
//! `JSON.parse`), as every field of every deal is an allocation.

#[cfg(target_arch = "wasm32")]
fn main() {
    keyplan::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("keyplan runs in the browser: `make run` builds dist/keyplan.html and opens it.");
}
