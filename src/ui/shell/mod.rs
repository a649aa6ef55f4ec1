//! The page around the views: the root, the header, banners, the summary line, the footer.
pub mod app;
mod banners;
mod empty_state;
mod footer;
mod header;
mod summary_line;
mod undo_toast;
