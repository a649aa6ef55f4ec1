//! keyplan: a key-account sales planner; a pure domain core and a thin Yew front end.
pub mod chart;
pub mod domain;
pub mod i18n;
#[cfg(target_arch = "wasm32")]
pub mod ui;
#[cfg(target_arch = "wasm32")]
mod web;
