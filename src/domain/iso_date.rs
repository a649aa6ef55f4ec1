//! Days and moments written as plan files hold them (ISO 8601: `2026-11-28`,
//! `2026-11-28T09:30:00Z`) digit by digit, which is several times quicker than the formatting
//! machinery chrono's own writer goes through; anything out of the ordinary (a year beyond 9999,
//! a fraction of a second) is left to chrono, so the text is always what chrono would write.
//! chrono gives only a day's number and the seconds of a day; the calendar and the digits are
//! keyplan-wire's ([`out::Day`], [`out::Moment`], built for speed), shared with the plan
//! writer.
use chrono::{DateTime, Datelike, NaiveDate, Timelike, Utc};
use keyplan_wire::out;
use serde::{Serialize, Serializer};

/// A day as `YYYY-MM-DD`.
pub fn day<S: Serializer>(day: &NaiveDate, serializer: S) -> Result<S::Ok, S::Error> {
    match day_text(*day) {
        Some(text) => serializer.serialize_str(text.as_str()),
        None => day.serialize(serializer),
    }
}

/// A day's text as [`day`] writes it: `None` when that is left to chrono (a year before 0 or
/// after 9999).
pub fn day_text(day: NaiveDate) -> Option<out::Day> {
    out::Day::of_rata_die(day.num_days_from_ce())
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
        Some(text) => serializer.serialize_str(text.as_str()),
        None => at.serialize(serializer),
    }
}

/// A moment's text as [`moment`] writes it: `None` when that is left to chrono (a fraction of a
/// second, a year before 0 or after 9999).
pub fn moment_text(at: &DateTime<Utc>) -> Option<out::Moment> {
    // UTC as it is held: no offset to add
    let at = at.naive_utc();
    if at.nanosecond() != 0 {
        return None;
    }
    out::Moment::at(day_text(at.date())?, at.num_seconds_from_midnight())
}
