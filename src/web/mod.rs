//! Thin browser adapters: localStorage, file downloads, the clock. No decisions here.
pub mod clock;
pub mod download;
pub mod files;
pub mod storage;
