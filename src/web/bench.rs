//! Timing marks for the benchmarks (`make bench`), made only when the page was opened with
//! `?bench` in its address: ordinary use measures nothing.
use std::sync::OnceLock;

fn enabled() -> bool {
    static ENABLED: OnceLock<bool> = OnceLock::new();
    *ENABLED.get_or_init(|| {
        web_sys::window()
            .and_then(|w| w.location().search().ok())
            .is_some_and(|query| query.contains("bench"))
    })
}

/// A `performance.mark(name)`, when benchmarking.
pub fn mark(name: &str) {
    if enabled() {
        if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
            let _ = performance.mark(name);
        }
    }
}
