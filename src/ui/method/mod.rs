//! Adapting the method a plan runs by.
pub mod editor;
mod people_rules;
