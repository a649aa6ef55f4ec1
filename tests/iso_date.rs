//! Days and moments written byte by byte read exactly as chrono writes them.
use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use keyplan::domain::iso_date;
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
