//! Chart geometry in pure functions: the SVG components only turn these numbers into shapes.
pub mod bars;
pub mod rings;
pub mod scale;
