//! The forecast view: the rolling forecast with its controls, the charts, quotas and the
//! claimed-against-verified risk, all under one filter.
mod charts;
mod quota_panel;
mod snapshots;
mod table;
pub mod view;
