//! Days and moments spelled as plan files hold them (ISO 8601 as chrono writes it:
//! `2026-11-28`, `2026-11-28T09:30:00Z`), digit by digit, for the years of four digits; keyplan
//! leaves any other year (and a fraction of a second) to chrono, which spells it otherwise.
//!
//! keyplan hands over what chrono gives cheapest (a day's number, the seconds of a day) and the
//! calendar is worked out here, in 32 bits (`tests/iso_date.rs` in keyplan compares the
//! spellings with chrono's on random days and moments of ±3000 years, and at the edges).

/// A day as written: `YYYY-MM-DD`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Day([u8; 10]);

/// A moment as written: `YYYY-MM-DDTHH:MM:SSZ`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Moment([u8; 20]);

/// Days in 400 years of the Gregorian calendar.
const ERA: u32 = 146_097;
/// The day before 0000-03-01, counted as [`Day::of_rata_die`] counts: the calendar below counts
/// from a March, so that a leap day is the last day of its year.
const MARCH_0000: i32 = -306;

impl Day {
    /// `year-month-day`; `None` for a year outside 0..=9999 or a day that is not in the
    /// calendar (a 13th month, a 31 April, a 29 February outside a leap year).
    pub fn of(year: i32, month: u32, day: u32) -> Option<Day> {
        let year = u32::try_from(year).ok().filter(|year| *year <= 9999)?;
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
        let last = match month {
            2 if leap => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            1..=12 => 31,
            _ => return None,
        };
        (1..=last)
            .contains(&day)
            .then(|| Day::spelled(year, month, day))
    }

    /// The day numbered `n` as chrono numbers them (`NaiveDate::num_days_from_ce`, the "rata
    /// die": 0001-01-01 is 1, 0000-12-31 is 0); `None` outside the years 0..=9999.
    pub fn of_rata_die(n: i32) -> Option<Day> {
        // day 0 of an era is a 1 March; the two months of year 0 before 0000-03-01 fall in the
        // era before, which starts 400 years earlier
        let from_march = n.checked_sub(MARCH_0000 + 1)?.checked_add(ERA as i32)?;
        let from_march = u32::try_from(from_march).ok()?;
        let (era, of_era) = (from_march / ERA, from_march % ERA);
        // the year of the era: each fourth year a day longer, each hundredth not, each
        // four-hundredth again (the era's last day)
        let year_of_era = (of_era - of_era / 1460 + of_era / 36_524 - of_era / (ERA - 1)) / 365;
        let of_year = of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        // months from March: 31, 30, 31, 30, 31, 31, 30, 31, 30, 31, 31, then 28 or 29
        let from_march = (5 * of_year + 2) / 153;
        let day = of_year - (153 * from_march + 2) / 5 + 1;
        let (month, january) = if from_march < 10 {
            (from_march + 3, 0)
        } else {
            (from_march - 9, 1)
        };
        let year = (era * 400 + year_of_era + january).checked_sub(400)?;
        (year <= 9999).then(|| Day::spelled(year, month, day))
    }

    /// A year below 10,000, a month, a day.
    fn spelled(year: u32, month: u32, day: u32) -> Day {
        let mut text = *b"YYYY-MM-DD";
        two(&mut text, 0, year / 100);
        two(&mut text, 2, year % 100);
        two(&mut text, 5, month);
        two(&mut text, 8, day);
        Day(text)
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
        if hour > 23 || minute > 59 || second > 59 {
            return None;
        }
        Moment::at(
            Day::of(year, month, day)?,
            hour * 3600 + minute * 60 + second,
        )
    }

    /// `second` seconds after the midnight that starts `day`; `None` from 86,400 on. chrono
    /// reports a leap second as 86,399 and a fraction of a second of at least 1e9, so keeping it
    /// out is the caller's (keyplan leaves every moment with a fraction to chrono).
    pub fn at(day: Day, second: u32) -> Option<Moment> {
        if second >= 86_400 {
            return None;
        }
        let mut text = *b"YYYY-MM-DDTHH:MM:SSZ";
        text[..10].copy_from_slice(&day.0);
        two(&mut text, 11, second / 3600);
        two(&mut text, 14, second / 60 % 60);
        two(&mut text, 17, second % 60);
        Some(Moment(text))
    }

    pub fn as_str(&self) -> &str {
        ascii(&self.0)
    }
}

/// "00" to "99", one after the other.
const PAIRS: [u8; 200] = {
    let mut pairs = [0u8; 200];
    let mut n = 0;
    while n < 100 {
        pairs[2 * n] = b'0' + (n / 10) as u8;
        pairs[2 * n + 1] = b'0' + (n % 10) as u8;
        n += 1;
    }
    pairs
};

/// The two digits of `n` (less than 100) at `at`.
#[inline(always)]
fn two(text: &mut [u8], at: usize, n: u32) {
    let n = n as usize * 2;
    text[at..at + 2].copy_from_slice(&PAIRS[n..n + 2]);
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
        assert_eq!(Day::of(2026, 4, 31), None);
        assert_eq!(Day::of(2026, 2, 29), None);
        assert_eq!(Day::of(2100, 2, 29), None);
        assert_eq!(Day::of(2000, 2, 29).unwrap().as_str(), "2000-02-29");
        assert_eq!(Day::of(2024, 2, 29).unwrap().as_str(), "2024-02-29");
    }

    /// Rata die 719,163 is 1970-01-01.
    #[test]
    fn numbered_days_fall_on_their_calendar_day() {
        for (n, text) in [
            (719_163, "1970-01-01"),
            (719_162, "1969-12-31"),
            (1, "0001-01-01"),
            (0, "0000-12-31"),
            (-305, "0000-03-01"),
            (-306, "0000-02-29"),
            (-365, "0000-01-01"),
            (730_179, "2000-02-29"),
            (730_180, "2000-03-01"),
            (693_654, "1900-02-28"),
            (693_655, "1900-03-01"),
            (3_652_059, "9999-12-31"),
        ] {
            assert_eq!(Day::of_rata_die(n).unwrap().as_str(), text, "{n}");
        }
        for n in [-366, 3_652_060, i32::MIN, i32::MAX, -146_097 - 366] {
            assert_eq!(Day::of_rata_die(n), None, "{n}");
        }
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
        assert_eq!(Moment::of(10_000, 1, 1, 0, 0, 0), None);
        let day = Day::of(9999, 12, 31).unwrap();
        assert_eq!(
            Moment::at(day, 86_399).unwrap().as_str(),
            "9999-12-31T23:59:59Z"
        );
        assert_eq!(Moment::at(day, 0).unwrap().as_str(), "9999-12-31T00:00:00Z");
        assert_eq!(Moment::at(day, 86_400), None);
    }

    #[test]
    fn pairs_of_digits_are_every_number_below_100() {
        for n in 0..100u32 {
            let mut text = [0u8; 2];
            two(&mut text, 0, n);
            assert_eq!(ascii(&text), format!("{n:02}"));
        }
    }
}
