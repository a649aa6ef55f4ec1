//! Small steps on every field or cell of a file, here to be built for speed with the rest of the
//! read (in keyplan, optimized for size, `str::trim` walks a cell through several calls per
//! character).

/// `text` without leading and trailing white space, exactly as [`str::trim`].
pub fn trim(text: &str) -> &str {
    text.trim()
}

/// Whether `text` is empty or white space only, exactly as `text.trim().is_empty()`.
pub fn is_blank(text: &str) -> bool {
    text.trim().is_empty()
}

/// Whether some item of `items` is there twice.
pub fn has_duplicates(items: &[&str]) -> bool {
    let mut seen = std::collections::HashSet::with_capacity(items.len());
    !items.iter().all(|item| seen.insert(*item))
}

/// The number that ASCII digits spell; `None` for anything else (or more than nine digits).
pub fn digits(bytes: &[u8]) -> Option<u32> {
    if bytes.len() > 9 {
        return None;
    }
    bytes.iter().try_fold(0u32, |n, b| {
        b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0'))
    })
}

/// Year, month and day when `bytes` are spelled `YYYY-MM-DD` with digits (the numbers not yet
/// checked as a day of the calendar).
pub fn ymd(bytes: &[u8]) -> Option<Ymd> {
    match bytes {
        [y0, y1, y2, y3, b'-', m0, m1, b'-', d0, d1] => Some((
            digits(&[*y0, *y1, *y2, *y3])? as i32,
            digits(&[*m0, *m1])?,
            digits(&[*d0, *d1])?,
        )),
        _ => None,
    }
}

/// A day as year, month and day; a time of day as hours, minutes and seconds.
pub type Ymd = (i32, u32, u32);
pub type Hms = (u32, u32, u32);

/// The day and the time of day (hours, minutes, seconds) when `bytes` are spelled
/// `YYYY-MM-DDTHH:MM:SSZ` with digits, as keyplan writes moments (not yet checked as a moment).
pub fn ymd_hms(bytes: &[u8]) -> Option<(Ymd, Hms)> {
    match bytes {
        [day @ .., b'T', h0, h1, b':', n0, n1, b':', s0, s1, b'Z'] => Some((
            ymd(day)?,
            (
                digits(&[*h0, *h1])?,
                digits(&[*n0, *n1])?,
                digits(&[*s0, *s1])?,
            ),
        )),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trimming_is_the_standard_one() {
        for text in [
            "",
            " ",
            "a",
            " a ",
            "\u{3000}项目\u{3000}",
            "\t\r\nx\u{a0}",
            "\u{2028}",
        ] {
            assert_eq!(trim(text), text.trim());
            assert_eq!(is_blank(text), text.trim().is_empty());
        }
    }

    #[test]
    fn duplicates_are_found_wherever_they_are() {
        assert!(!has_duplicates(&[]));
        assert!(!has_duplicates(&["b", "a", "c"]));
        assert!(has_duplicates(&["b", "a", "c", "b"]));
        assert!(has_duplicates(&["", ""]));
    }

    #[test]
    fn dates_are_read_only_when_spelled_with_digits() {
        assert_eq!(ymd(b"2027-03-01"), Some((2027, 3, 1)));
        assert_eq!(ymd(b"2027-13-41"), Some((2027, 13, 41)));
        assert_eq!(ymd(b"2027-3-01"), None);
        assert_eq!(ymd(b"2027-+3-01"), None);
        assert_eq!(
            ymd_hms(b"2026-10-06T08:00:60Z"),
            Some(((2026, 10, 6), (8, 0, 60)))
        );
        assert_eq!(ymd_hms(b"2026-10-06T08:00:00+00:00"), None);
        assert_eq!(ymd_hms(b"2026-10-06 08:00:00Z"), None);
        assert_eq!(digits(b""), Some(0));
        assert_eq!(digits(b"1234567890"), None);
    }
}
