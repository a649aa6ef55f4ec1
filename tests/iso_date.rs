//! Days and moments written byte by byte read exactly as chrono writes them.
use chrono::{DateTime, Datelike, NaiveDate, SecondsFormat, TimeZone, Timelike, Utc};
use keyplan::domain::iso_date;
use keyplan_wire::out;
use proptest::prelude::*;
use serde::Serialize;

#[derive(Serialize)]
struct Ours {
    #[serde(serialize_with = "iso_date::day")]
    day: NaiveDate,
    #[serde(serialize_with = "iso_date::optional_day")]
    maybe: Option<NaiveDate>,
    #[serde(serialize_with = "iso_date::moment")]
    at: DateTime<Utc>,
}

#[derive(Serialize)]
struct Chrono {
    day: NaiveDate,
    maybe: Option<NaiveDate>,
    at: DateTime<Utc>,
}

proptest! {
    #[test]
    fn days_and_moments_are_written_as_chrono_writes_them(
        seconds in -80_000_000_000i64..300_000_000_000,
        nanos in prop_oneof![3 => Just(0u32), 1 => 0u32..1_000_000_000],
        some in any::<bool>(),
    ) {
        let at = Utc.timestamp_opt(seconds, nanos).unwrap();
        let day = at.date_naive();
        let maybe = some.then_some(day);
        prop_assert_eq!(
            serde_json::to_string(&Ours { day, maybe, at }).unwrap(),
            serde_json::to_string(&Chrono { day, maybe, at }).unwrap()
        );
    }
}

#[test]
fn the_edges_of_four_digit_years_are_written_as_chrono_writes_them() {
    for (y, m, d) in [
        (0, 1, 1),
        (9999, 12, 31),
        (10000, 1, 1),
        (-1, 12, 31),
        (2026, 2, 28),
    ] {
        let day = NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let at = day.and_hms_opt(23, 59, 59).unwrap().and_utc();
        assert_eq!(
            serde_json::to_string(&Ours {
                day,
                maybe: None,
                at
            })
            .unwrap(),
            serde_json::to_string(&Chrono {
                day,
                maybe: None,
                at
            })
            .unwrap()
        );
    }
}

/// chrono's own spelling of a moment, as its serde writes it.
fn chrono_moment(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::AutoSi, true)
}

proptest! {
    /// keyplan-wire's days, from a day's number and from its year, month and day, over ±3000
    /// years around now (most of them spelled by wire, those before year 0 left to chrono).
    #[test]
    fn wire_days_are_spelled_as_chrono_spells_them(days in -1_100_000i64..1_100_000) {
        let day = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        let day = if days >= 0 {
            day + chrono::Days::new(days.unsigned_abs())
        } else {
            day - chrono::Days::new(days.unsigned_abs())
        };
        let ours = iso_date::day_text(day);
        prop_assert_eq!(ours.is_some(), (0..=9999).contains(&day.year()));
        if let Some(ours) = ours {
            prop_assert_eq!(ours.as_str(), day.to_string());
            let of = out::Day::of(day.year(), day.month(), day.day()).unwrap();
            prop_assert_eq!(of, ours);
        }
    }

    /// keyplan-wire's moments, from seconds since 1970 and from their parts, over ±3000 years.
    #[test]
    fn wire_moments_are_spelled_as_chrono_spells_them(
        seconds in -93_000_000_000i64..96_500_000_000,
    ) {
        let at = Utc.timestamp_opt(seconds, 0).unwrap();
        let ours = iso_date::moment_text(&at);
        prop_assert_eq!(ours.is_some(), (0..=9999).contains(&at.year()));
        if let Some(ours) = ours {
            prop_assert_eq!(ours.as_str(), chrono_moment(at));
            let of = out::Moment::of(
                at.year(), at.month(), at.day(), at.hour(), at.minute(), at.second(),
            )
            .unwrap();
            prop_assert_eq!(of, ours);
        }
    }
}

/// keyplan-wire's `Day::of` takes exactly the days chrono's calendar has, in leap years and
/// common ones, at the turn of a century and of four.
#[test]
fn wire_takes_the_days_of_the_calendar_and_no_other() {
    for y in [0, 1, 4, 1900, 2000, 2023, 2024, 2100, 2400, 9999] {
        for m in 0..=13 {
            for d in 0..=32 {
                assert_eq!(
                    out::Day::of(y, m, d).map(|day| day.as_str().to_string()),
                    NaiveDate::from_ymd_opt(y, m, d).map(|day| day.to_string()),
                    "{y}-{m}-{d}"
                );
            }
        }
    }
}

/// The first and last days of the years wire spells, leap days and the days around them (a
/// fourth year, a hundredth that is not one, a four-hundredth that is), and the seconds around
/// midnight.
#[test]
fn wire_spells_the_edges_of_the_calendar_as_chrono_does() {
    for (y, m, d) in [
        (0, 1, 1),
        (0, 2, 28),
        (0, 2, 29),
        (0, 3, 1),
        (0, 12, 31),
        (1, 1, 1),
        (1900, 2, 28),
        (1900, 3, 1),
        (1969, 12, 31),
        (1970, 1, 1),
        (2000, 2, 29),
        (2000, 3, 1),
        (2024, 2, 29),
        (2100, 2, 28),
        (2100, 3, 1),
        (2400, 2, 29),
        (9996, 2, 29),
        (9999, 12, 31),
    ] {
        let day = NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let text = iso_date::day_text(day).unwrap();
        assert_eq!(text.as_str(), day.to_string());
        assert_eq!(out::Day::of(y, m, d), Some(text));
        for (h, min, s) in [(0, 0, 0), (0, 0, 1), (23, 59, 59), (12, 0, 0)] {
            let at = day.and_hms_opt(h, min, s).unwrap().and_utc();
            let text = iso_date::moment_text(&at).unwrap();
            assert_eq!(text.as_str(), chrono_moment(at));
            assert_eq!(out::Moment::of(y, m, d, h, min, s), Some(text));
        }
    }
    for (y, m, d) in [(-1, 12, 31), (10_000, 1, 1)] {
        let day = NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(iso_date::day_text(day), None);
        assert_eq!(out::Day::of(y, m, d), None);
        let at = day.and_hms_opt(0, 0, 0).unwrap().and_utc();
        assert_eq!(iso_date::moment_text(&at), None);
    }
    // a fraction of a second, a leap second: chrono's
    let at = Utc.timestamp_opt(1_800_000_000, 1).unwrap();
    assert_eq!(iso_date::moment_text(&at), None);
    let leap = NaiveDate::from_ymd_opt(2016, 12, 31)
        .unwrap()
        .and_hms_milli_opt(23, 59, 59, 1_000)
        .unwrap()
        .and_utc();
    assert_eq!(iso_date::moment_text(&leap), None);
}
