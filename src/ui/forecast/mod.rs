//! The forecast view: the rolling forecast with its controls, the charts, quotas and the
//! claimed-against-verified risk, all under one filter.
mod charts;
mod facts;
mod matrix_panel;
mod quota_panel;
mod snapshots;
mod table;
mod target_panel;
pub mod view;
