//! Days and moments spelled as plan files hold them (ISO 8601 as chrono writes it:
//! `2026-11-28`, `2026-11-28T09:30:00Z`), digit by digit, for the years of four digits; keyplan
//! leaves any other year (and a fraction of a second) to chrono, which spells it otherwise.
//!
//! keyplan hands over what chrono gives cheapest (a day's number, a moment's seconds since
//! 1970) and the calendar is worked out here (`tests/iso_date.rs` in keyplan compares every
//! spelling with chrono's over ±3000 years and at the edges).

/// A day as written: `YYYY-MM-DD`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Day([u8; 10]);

/// A moment as written: `YYYY-MM-DDTHH:MM:SSZ`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Moment([u8; 20]);

/// Days from 0000-03-01 to 1970-01-01: the calendar below counts from a March, so that a leap
/// day is the last day of its year.
const MARCH_0000: i64 = 719_468;
/// Days in 400 years of the Gregorian calendar.
const ERA: u32 = 146_097;

impl Day {
    /// `year-month-day`; `None` for a year outside 0..=9999 or a month or day that is not one
    /// (a day past its month's end is the caller's to avoid).
    pub fn of(year: i32, month: u32, day: u32) -> Option<Day> {
        let year = u32::try_from(year).ok().filter(|year| *year <= 9999)?;
        if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
            return None;
        }
        let mut text = *b"YYYY-MM-DD";
        two(&mut text, 0, year / 100);
        two(&mut text, 2, year % 100);
        two(&mut text, 5, month);
        two(&mut text, 8, day);
        Some(Day(text))
    }

    /// The day `days` after 1970-01-01 (before it when negative); `None` outside the years
    /// 0..=9999.
    pub fn of_unix_days(days: i64) -> Option<Day> {
        // 0000-03-01 is day 0 of an era; the two months of year 0 before it are left in the
        // era before, which starts 400 years earlier
        let from_march = u32::try_from(days.saturating_add(MARCH_0000 + i64::from(ERA))).ok()?;
        let (era, of_era) = (from_march / ERA, from_march % ERA);
        // the year of the era, each fourth year one day longer but each hundredth not, and
        // each four-hundredth again
        let year_of_era = (of_era - of_era / 1460 + of_era / 36_524 - of_era / (ERA - 1)) / 365;
        let of_year = of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        // months from March: 31, 30, 31, 30, 31, 31, 30, 31, 30, 31, 31, (28 or 29)
        let from_march = (5 * of_year + 2) / 153;
        let day = of_year - (153 * from_march + 2) / 5 + 1;
        let month = if from_march < 10 {
            from_march + 3
        } else {
            from_march - 9
        };
        let year = i64::from(era) * 400 + i64::from(year_of_era) - 400 + i64::from(month <= 2);
        Day::of(i32::try_from(year).ok()?, month, day)
    }

    pub fn as_str(&self) -> &str {
        ascii(&self.0)
    }
}

impl Moment {
    /// `year-month-dayThour:minute:secondZ`; `None` where [`Day::of`] is, or for a time that
    /// is not one.
    pub fn of(
        year: i32,
        month: u32,
        day: u32,
        hour: u32,
        minute: u32,
        second: u32,
    ) -> Option<Moment> {
        let day = Day::of(year, month, day)?;
        if hour > 23 || minute > 59 || second > 59 {
            return None;
        }
        Some(Moment::on(day, hour * 3600 + minute * 60 + second))
    }

    /// The moment `seconds` after 1970-01-01T00:00:00Z (before it when negative); `None`
    /// outside the years 0..=9999.
    pub fn of_unix_seconds(seconds: i64) -> Option<Moment> {
        let day = Day::of_unix_days(seconds.div_euclid(86_400))?;
        let of_day = u32::try_from(seconds.rem_euclid(86_400)).ok()?;
        Some(Moment::on(day, of_day))
    }

    /// `day` at `of_day` seconds after its midnight (less than a day).
    fn on(day: Day, of_day: u32) -> Moment {
        let mut text = *b"YYYY-MM-DDTHH:MM:SSZ";
        text[..10].copy_from_slice(&day.0);
        two(&mut text, 11, of_day / 3600);
        two(&mut text, 14, of_day / 60 % 60);
        two(&mut text, 17, of_day % 60);
        Moment(text)
    }

    pub fn as_str(&self) -> &str {
        ascii(&self.0)
    }
}

/// The two digits of `n` (less than 100) at `at`.
#[inline(always)]
fn two(text: &mut [u8], at: usize, n: u32) {
    text[at] = b'0' + (n / 10) as u8;
    text[at + 1] = b'0' + (n % 10) as u8;
}

fn ascii(text: &[u8]) -> &str {
    std::str::from_utf8(text).expect("digits and separators are ASCII")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_are_spelled_with_four_digit_years() {
        assert_eq!(Day::of(2026, 11, 28).unwrap().as_str(), "2026-11-28");
        assert_eq!(Day::of(0, 1, 1).unwrap().as_str(), "0000-01-01");
        assert_eq!(Day::of(9999, 12, 31).unwrap().as_str(), "9999-12-31");
        assert_eq!(Day::of(10_000, 1, 1), None);
        assert_eq!(Day::of(-1, 12, 31), None);
        assert_eq!(Day::of(2026, 13, 1), None);
        assert_eq!(Day::of(2026, 0, 1), None);
        assert_eq!(Day::of(2026, 1, 0), None);
    }

    #[test]
    fn days_since_1970_fall_on_their_calendar_day() {
        for (days, text) in [
            (0, "1970-01-01"),
            (-1, "1969-12-31"),
            (59, "1970-03-01"),
            (11_016, "2000-02-29"),
            (11_017, "2000-03-01"),
            (-25_509, "1900-02-28"),
            (-25_508, "1900-03-01"),
            (-719_528, "0000-01-01"),
            (-719_469, "0000-02-29"),
            (2_932_896, "9999-12-31"),
        ] {
            assert_eq!(Day::of_unix_days(days).unwrap().as_str(), text, "{days}");
        }
        assert_eq!(Day::of_unix_days(-719_529), None);
        assert_eq!(Day::of_unix_days(2_932_897), None);
        assert_eq!(Day::of_unix_days(i64::MIN / 2), None);
        assert_eq!(Day::of_unix_days(i64::MAX / 2), None);
        assert_eq!(Day::of_unix_days(i64::MAX), None);
        assert_eq!(Day::of_unix_days(i64::MIN), None);
    }

    #[test]
    fn moments_are_spelled_to_the_second() {
        assert_eq!(
            Moment::of(2026, 11, 28, 9, 30, 5).unwrap().as_str(),
            "2026-11-28T09:30:05Z"
        );
        assert_eq!(Moment::of(2026, 11, 28, 24, 0, 0), None);
        assert_eq!(Moment::of(2026, 11, 28, 0, 60, 0), None);
        assert_eq!(Moment::of(2026, 11, 28, 0, 0, 60), None);
        assert_eq!(
            Moment::of_unix_seconds(-1).unwrap().as_str(),
            "1969-12-31T23:59:59Z"
        );
        assert_eq!(
            Moment::of_unix_seconds(1_764_322_205).unwrap().as_str(),
            "2025-11-28T09:30:05Z"
        );
        assert_eq!(
            Moment::of_unix_seconds(253_402_300_799).unwrap().as_str(),
            "9999-12-31T23:59:59Z"
        );
        assert_eq!(Moment::of_unix_seconds(253_402_300_800), None);
        assert_eq!(
            Moment::of_unix_seconds(-62_167_219_200).unwrap().as_str(),
            "0000-01-01T00:00:00Z"
        );
        assert_eq!(Moment::of_unix_seconds(-62_167_219_201), None);
        assert_eq!(Moment::of_unix_seconds(i64::MIN), None);
        assert_eq!(Moment::of_unix_seconds(i64::MAX), None);
    }
}
