//! Adapting the method a plan runs by.
pub mod editor;
