//! Thin browser adapters: localStorage, file reading and downloads, the clock, benchmark marks.
//! No decisions here.
pub mod bench;
pub mod clock;
pub mod download;
pub mod files;
pub mod place;
pub mod storage;
