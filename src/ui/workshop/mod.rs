//! The workshop kit (issue 11, items 1 and 2): preparing the tables' copies of the case, the
//! trainer's comparison of the plans they hand back, and the exercise shown in a table's copy.
pub mod comparison;
pub mod exercise_banner;
pub mod prepare;
pub mod view;
