//! Calendar periods (months, quarters and years, named by their first days) and the local day of
//! a moment: every date a person sees or that decides a flag is a day in their own time zone.
use chrono::{DateTime, Datelike, NaiveDate, TimeZone, Utc};

/// The day `at` falls on in `zone` (the person's time zone; UTC+8 in China).
pub fn local_day<Tz: TimeZone>(at: DateTime<Utc>, zone: &Tz) -> NaiveDate {
    at.with_timezone(zone).date_naive()
}

/// The size of a forecast period.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Granularity {
    #[default]
    Month,
    Quarter,
    Year,
}

/// One period, named by its first day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Period {
    pub start: NaiveDate,
    pub granularity: Granularity,
}

/// A period's year: four digits, 1000 to 9999, so that every period's code reads back and every
/// month after it is a date.
pub fn year(text: &str) -> Option<i32> {
    (text.len() == 4 && text.bytes().all(|b| b.is_ascii_digit()) && !text.starts_with('0'))
        .then(|| text.parse().ok())
        .flatten()
}

/// Months since year 0, for cheap month arithmetic.
pub fn month_index(date: NaiveDate) -> i32 {
    date.year() * 12 + date.month0() as i32
}

/// The first day of the month `index` (as from [`month_index`]).
pub fn month_start(index: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(index.div_euclid(12), index.rem_euclid(12) as u32 + 1, 1)
        .expect("a valid month")
}

impl Granularity {
    /// Months per period.
    pub fn months(self) -> i32 {
        match self {
            Granularity::Month => 1,
            Granularity::Quarter => 3,
            Granularity::Year => 12,
        }
    }

    /// The period containing `date`.
    pub fn period_of(self, date: NaiveDate) -> Period {
        let m = month_index(date);
        let first = match self {
            Granularity::Month => m,
            Granularity::Quarter => m - m.rem_euclid(3),
            Granularity::Year => m - m.rem_euclid(12),
        };
        Period {
            start: month_start(first),
            granularity: self,
        }
    }
}

impl Period {
    /// The first month index of the period.
    pub fn first_month(self) -> i32 {
        month_index(self.start)
    }

    /// The period after this one.
    pub fn next(self) -> Period {
        Period {
            start: month_start(self.first_month() + self.granularity.months()),
            granularity: self.granularity,
        }
    }

    /// Quarter number 1–4 of the period's start.
    pub fn quarter(self) -> u32 {
        self.start.month0() / 3 + 1
    }

    /// `2026-11`, `2026-Q4` or `2026`.
    pub fn code(self) -> String {
        match self.granularity {
            Granularity::Month => self.start.format("%Y-%m").to_string(),
            Granularity::Quarter => format!("{}-Q{}", self.start.year(), self.quarter()),
            Granularity::Year => self.start.year().to_string(),
        }
    }

    /// Reads `2026-11` or `2026-Q4` (years 1000 to 9999, as [`year`] reads them).
    pub fn parse(text: &str) -> Option<Period> {
        let text = text.trim();
        let (year_text, rest) = text.split_once('-')?;
        let year = year(year_text)?;
        if let Some(q) = rest.strip_prefix('Q') {
            let q: u32 = q.parse().ok().filter(|q| (1..=4).contains(q))?;
            let start = NaiveDate::from_ymd_opt(year, (q - 1) * 3 + 1, 1)?;
            return Some(Period {
                start,
                granularity: Granularity::Quarter,
            });
        }
        let month: u32 = rest
            .parse()
            .ok()
            .filter(|m| (1..=12).contains(m))
            .filter(|_| rest.len() == 2)?;
        Some(Period {
            start: NaiveDate::from_ymd_opt(year, month, 1)?,
            granularity: Granularity::Month,
        })
    }

    /// Whether `date` falls in this period.
    pub fn contains(self, date: NaiveDate) -> bool {
        let m = month_index(date);
        (self.first_month()..self.first_month() + self.granularity.months()).contains(&m)
    }
}
