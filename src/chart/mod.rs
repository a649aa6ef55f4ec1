//! Chart geometry in pure functions: the SVG components only turn these numbers into shapes.
pub mod bars;
pub mod label;
pub mod people_map;
pub mod people_svg;
pub mod rings;
pub mod scale;
pub mod waterfall;

/// A coordinate for an SVG attribute with `places` decimals (at most 3), written without the
/// float formatting machinery (which would add kilobytes to the page): `12.35` for 12.345, 2.
pub fn svg_number(value: f64, places: u32) -> String {
    let places = places.min(3);
    let scale = 10i64.pow(places);
    let scaled = (value * scale as f64).round();
    if !scaled.is_finite() {
        return "0".to_string();
    }
    let scaled = scaled as i64;
    let sign = if scaled < 0 { "-" } else { "" };
    let (whole, fraction) = (scaled.abs() / scale, scaled.abs() % scale);
    if places == 0 {
        return format!("{sign}{whole}");
    }
    format!("{sign}{whole}.{fraction:0width$}", width = places as usize)
}
