//! keyplan: a key-account sales planner. A pure core — the domain (`domain`), chart geometry
//! (`chart`), the app state and its rules (`session`), the languages (`i18n`) — tested natively,
//! and a thin front end: browser adapters (`web`) and Yew components (`ui`).
pub mod chart;
pub mod domain;
pub mod i18n;
pub mod session;
#[cfg(target_arch = "wasm32")]
pub mod ui;
#[cfg(target_arch = "wasm32")]
mod web;
