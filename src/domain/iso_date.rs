//! Days and moments written as plan files hold them (ISO 8601: `2026-11-28`,
//! `2026-11-28T09:30:00Z`) byte by byte, which is several times quicker than the formatting
//! machinery chrono's own writer goes through; anything out of the ordinary (a year beyond 9999,
//! a fraction of a second) is left to chrono, so the text is always what chrono would write.
use chrono::{DateTime, Datelike, NaiveDate, Timelike, Utc};
use serde::{Serialize, Serializer};

/// A day as `YYYY-MM-DD`.
pub fn day<S: Serializer>(day: &NaiveDate, serializer: S) -> Result<S::Ok, S::Error> {
    match day_text(*day) {
        Some(text) => serializer.serialize_str(ascii(&text)),
        None => day.serialize(serializer),
    }
}

/// A day's text as [`day`] writes it: `None` when that is left to chrono (a year before 0 or
/// after 9999).
pub fn day_text(day: NaiveDate) -> Option<[u8; 10]> {
    let mut text = [0u8; 10];
    write_day(day, &mut text)?;
    Some(text)
}

/// An optional day (`null` when absent).
pub fn optional_day<S: Serializer>(
    day: &Option<NaiveDate>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match day {
        Some(d) => self::day(d, serializer),
        None => serializer.serialize_none(),
    }
}

/// A moment as `YYYY-MM-DDTHH:MM:SSZ`.
pub fn moment<S: Serializer>(at: &DateTime<Utc>, serializer: S) -> Result<S::Ok, S::Error> {
    match moment_text(at) {
        Some(text) => serializer.serialize_str(ascii(&text)),
        None => at.serialize(serializer),
    }
}

/// A moment's text as [`moment`] writes it: `None` when that is left to chrono (a fraction of a
/// second, a year before 0 or after 9999).
pub fn moment_text(at: &DateTime<Utc>) -> Option<[u8; 20]> {
    let mut text = *b"YYYY-MM-DDTHH:MM:SSZ";
    let time = at.time();
    if time.nanosecond() != 0 {
        return None;
    }
    write_day(at.date_naive(), &mut text[..10])?;
    two(&mut text[11..13], time.hour());
    two(&mut text[14..16], time.minute());
    two(&mut text[17..19], time.second());
    Some(text)
}

fn write_day(day: NaiveDate, text: &mut [u8]) -> Option<()> {
    let year = u32::try_from(day.year()).ok().filter(|y| *y <= 9999)?;
    two(&mut text[0..2], year / 100);
    two(&mut text[2..4], year % 100);
    text[4] = b'-';
    two(&mut text[5..7], day.month());
    text[7] = b'-';
    two(&mut text[8..10], day.day());
    Some(())
}

fn two(text: &mut [u8], n: u32) {
    text[0] = b'0' + (n / 10) as u8;
    text[1] = b'0' + (n % 10) as u8;
}

fn ascii(text: &[u8]) -> &str {
    std::str::from_utf8(text).expect("digits and separators are ASCII")
}
