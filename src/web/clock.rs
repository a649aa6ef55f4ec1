//! The browser's clock and randomness, for timestamps, "today" and new ids.
use chrono::{DateTime, Local, NaiveDate, Utc};

use crate::domain::DealId;

/// Now, to the millisecond.
pub fn now() -> DateTime<Utc> {
    DateTime::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_else(Utc::now)
}

/// Today in the browser's time zone.
pub fn today() -> NaiveDate {
    Local::now().date_naive()
}

/// The day `at` falls on in the browser's time zone.
pub fn local_day(at: DateTime<Utc>) -> NaiveDate {
    crate::domain::period::local_day(at, &Local)
}

/// The browser's local date and time of `at`.
pub fn local_time(at: DateTime<Utc>) -> chrono::NaiveDateTime {
    at.with_timezone(&Local).naive_local()
}

/// A fresh deal id.
pub fn new_deal_id() -> DealId {
    let random = (js_sys::Math::random() * 2f64.powi(52)) as u64;
    DealId::generate(now().timestamp_millis(), random)
}

/// A fresh id for a contact of a deal.
pub fn new_contact_id() -> crate::domain::people::ContactId {
    let random = (js_sys::Math::random() * 2f64.powi(32)) as u64;
    crate::domain::people::ContactId::generate(now().timestamp_millis(), random)
}

/// A fresh workshop id (the tables' copies of one preparation share it).
pub fn new_workshop_id() -> String {
    let random = (js_sys::Math::random() * 2f64.powi(52)) as u64;
    crate::domain::workshop::copies::workshop_id(now().timestamp_millis(), random)
}
