//! Labels of people's own text in a chart: an owner's name may be any length, the space for it is
//! not. A label that would not fit is cut to what fits and ends in "…"; the chart keeps the
//! whole text in its tooltip and its table.

/// Width of `c` in ems, as the chart's sans-serif font draws it, rounded up: wide (CJK and
/// full-width) characters and the widest letters a whole em, capitals four fifths, digits about
/// two thirds, the rest about three fifths (DejaVu Sans, the widest of the fonts pages fall back
/// to, draws `O` at 0.79 em and `W` at 0.99). An estimate that errs wide, so that what it fits
/// does fit.
fn ems(c: char) -> f64 {
    match c {
        '\u{1100}'..='\u{115F}'
        | '\u{2E80}'..='\u{A4CF}'
        | '\u{AC00}'..='\u{D7A3}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{FE30}'..='\u{FE4F}'
        | '\u{FF00}'..='\u{FF60}'
        | '\u{FFE0}'..='\u{FFE6}'
        | '\u{20000}'..='\u{3FFFD}' => 1.0,
        'M' | 'W' | 'm' | 'w' | '@' => 1.0,
        'A'..='Z' => 0.8,
        '0'..='9' => 0.7,
        'i' | 'j' | 'l' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' => 0.3,
        ' ' => 0.3,
        _ => 0.6,
    }
}

/// Estimated width of `text` at `font_px`, in pixels.
pub fn width(text: &str, font_px: f64) -> f64 {
    text.chars().map(ems).sum::<f64>() * font_px
}

/// `text` as it fits in `room_px` at `font_px`: whole when it fits, else the longest beginning
/// that fits with "…" after it; whitespace at the ends is dropped.
pub fn fit(text: &str, room_px: f64, font_px: f64) -> String {
    let text = text.trim();
    if width(text, font_px) <= room_px {
        return text.to_string();
    }
    let room = room_px - ems('…') * font_px;
    let mut used = 0.0;
    let mut cut = 0;
    for (at, c) in text.char_indices() {
        used += ems(c) * font_px;
        if used > room {
            break;
        }
        cut = at + c.len_utf8();
    }
    format!("{}…", text[..cut].trim_end())
}
