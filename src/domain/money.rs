//! Exact money: integer minor units (fen for CNY), parsing of typed and stored amounts, formatting.
use std::fmt;

use serde::{Serialize, Serializer};

/// Minor units per major unit: every supported currency has two decimals.
pub const MINOR_PER_MAJOR: i128 = 100;

/// The largest amount a single deal may carry: 999,999,999,999.99 (just under one trillion).
pub const MAX_DEAL_MINOR: i128 = 99_999_999_999_999;

/// An exact amount of money in minor units. Sums of many deals stay exact (i128).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Money(i128);

/// Why a text is not an acceptable amount.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AmountError {
    Empty,
    /// The text as typed.
    NotANumber(String),
    Negative,
    /// More than two decimals (minor units).
    TooManyDecimals,
    /// More than [`MAX_DEAL_MINOR`].
    TooLarge,
}

impl Money {
    pub const ZERO: Money = Money(0);

    pub const fn from_minor(minor: i128) -> Money {
        Money(minor)
    }

    pub const fn from_major(major: i64) -> Money {
        Money(major as i128 * MINOR_PER_MAJOR)
    }

    pub const fn minor(self) -> i128 {
        self.0
    }

    pub fn is_negative(self) -> bool {
        self.0 < 0
    }

    /// `self × percent / 100`, rounded half away from zero to the minor unit.
    pub fn percent(self, percent: u8) -> Money {
        Money(div_round_half_away(self.0 * i128::from(percent), 100))
    }

    /// Parses a decimal as stored in files: `123`, `123.4`, `123.45`, `-5`, `1.5e6`, `"1250000.00"`.
    /// Exact: the text is never converted to a float.
    pub fn parse_decimal(text: &str) -> Result<Money, AmountError> {
        let text = text.trim();
        if text.is_empty() {
            return Err(AmountError::Empty);
        }
        let bad = || AmountError::NotANumber(text.to_string());
        let (negative, unsigned) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text.strip_prefix('+').unwrap_or(text)),
        };
        let (mantissa, exponent) = match unsigned.find(['e', 'E']) {
            Some(at) => {
                let exp: i64 = unsigned[at + 1..].parse().map_err(|_| bad())?;
                (&unsigned[..at], exp)
            }
            None => (unsigned, 0),
        };
        let (int_part, frac_part) = match mantissa.split_once('.') {
            Some((i, f)) => (i, f),
            None => (mantissa, ""),
        };
        let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if (int_part.is_empty() && frac_part.is_empty())
            || !all_digits(int_part)
            || !all_digits(frac_part)
        {
            return Err(bad());
        }
        if mantissa.ends_with('.') || mantissa.starts_with('.') {
            return Err(bad());
        }
        let digits: String = format!("{int_part}{frac_part}");
        let digits = digits.trim_start_matches('0');
        // value = digits × 10^(exponent − frac_len); in minor units: × 10^(exponent − frac_len + 2)
        let shift = exponent
            .saturating_sub(frac_part.len() as i64)
            .saturating_add(2);
        let minor = scale_digits(digits, shift)?;
        if minor > MAX_DEAL_MINOR {
            return Err(AmountError::TooLarge);
        }
        if negative && minor != 0 {
            return Err(AmountError::Negative);
        }
        Ok(Money(minor))
    }

    /// A plain amount, as keyplan writes amounts in files and CSV: digits, then at most two
    /// decimals after a point (`1250000`, `1250000.5`, `1250000.50`), at most
    /// [`MAX_DEAL_MINOR`]. `None` for anything else, which [`Money::parse_decimal`] and
    /// [`Money::parse_input`] read (or refuse) as they always do; where this reads a text, they
    /// read the same amount. Without them, it reads the amounts of a 10,000-deal file several
    /// times faster (no string is built, no 128-bit arithmetic).
    pub fn parse_plain(text: &str) -> Option<Money> {
        let (major, minor) = match text.split_once('.') {
            Some((major, minor)) if (1..=2).contains(&minor.len()) => (major, minor),
            Some(_) => return None,
            None => (text, ""),
        };
        // 15 digits before the point: more is over the limit, and fits no u64 with the cents
        if major.is_empty() || major.len() > 15 {
            return None;
        }
        let digits = major
            .bytes()
            .chain(minor.bytes())
            .chain(b"00".iter().copied());
        let minor_units = digits.take(major.len() + 2).try_fold(0u64, |n, b| {
            b.is_ascii_digit().then(|| n * 10 + u64::from(b - b'0'))
        })?;
        let minor_units = i128::from(minor_units);
        (minor_units <= MAX_DEAL_MINOR).then_some(Money(minor_units))
    }

    /// Parses what a person types into an amount field: a leading `¥`/`￥`, a trailing `元`,
    /// full-width digits, the Chinese units `万` (10⁴) and `亿` (10⁸), and thousands separators
    /// (`,` `，` or a space) where they belong: between groups of three digits of the whole part
    /// (`1,250,000.50`). A separator anywhere else (`1,5`, `,5`, `12,34`) is refused.
    pub fn parse_input(text: &str) -> Result<Money, AmountError> {
        let typed = text.trim();
        if typed.is_empty() {
            return Err(AmountError::Empty);
        }
        let not_a_number = || AmountError::NotANumber(typed.to_string());
        let wide_digits: String = typed
            .chars()
            .map(|c| match c {
                '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
                '．' | '。' => '.',
                '－' => '-',
                '\u{a0}' | '\u{3000}' => ' ',
                _ => c,
            })
            .collect();
        let bare = wide_digits
            .strip_prefix(['¥', '￥'])
            .unwrap_or(&wide_digits)
            .trim();
        let bare = bare.strip_suffix('元').unwrap_or(bare).trim_end();
        let (number, unit_shift) = if let Some(n) = bare.strip_suffix('万') {
            (n.trim_end(), 4)
        } else if let Some(n) = bare.strip_suffix('亿') {
            (n.trim_end(), 8)
        } else {
            (bare, 0)
        };
        if number.contains(['e', 'E']) {
            return Err(not_a_number());
        }
        let grouped: String = number
            .chars()
            .map(|c| if matches!(c, '，' | ' ') { ',' } else { c })
            .collect();
        let number = ungroup(&grouped).ok_or_else(not_a_number)?;
        let decimal = if unit_shift == 0 {
            number
        } else {
            // 1.2345万 = 12,345.00: the 万/亿 figure may carry more decimals than two.
            format!("{number}e{unit_shift}")
        };
        Money::parse_decimal(&decimal).map_err(|e| match e {
            AmountError::NotANumber(_) | AmountError::Empty => not_a_number(),
            other => other,
        })
    }

    /// Exact decimal text in major units with no trailing zeros: `1250000`, `1250000.5`, `-3.25`.
    pub fn to_decimal_string(self) -> String {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        let major = abs / 100;
        let minor = abs % 100;
        match minor {
            0 => format!("{sign}{major}"),
            m if m % 10 == 0 => format!("{sign}{major}.{}", m / 10),
            m => format!("{sign}{major}.{m:02}"),
        }
    }

    /// Text for an editable field: `1250000.50` → `1250000.5`; zero → `0`.
    pub fn to_input_string(self) -> String {
        self.to_decimal_string()
    }

    /// Full display form with grouping and two decimals: `¥1,250,000.00`.
    pub fn format(self, currency: &Currency) -> String {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        format!(
            "{sign}{}{}.{:02}",
            currency.symbol(),
            group_thousands(abs / 100),
            abs % 100
        )
    }
}

impl std::ops::Add for Money {
    type Output = Money;
    fn add(self, rhs: Money) -> Money {
        Money(self.0 + rhs.0)
    }
}

impl std::ops::AddAssign for Money {
    fn add_assign(&mut self, rhs: Money) {
        self.0 += rhs.0;
    }
}

impl std::ops::Sub for Money {
    type Output = Money;
    fn sub(self, rhs: Money) -> Money {
        Money(self.0 - rhs.0)
    }
}

impl std::iter::Sum for Money {
    fn sum<I: Iterator<Item = Money>>(iter: I) -> Money {
        iter.fold(Money::ZERO, |a, b| a + b)
    }
}

/// `numerator / denominator` rounded half away from zero (denominator > 0).
pub fn div_round_half_away(numerator: i128, denominator: i128) -> i128 {
    debug_assert!(denominator > 0);
    let q = numerator / denominator;
    let r = numerator % denominator;
    if 2 * r.abs() >= denominator {
        q + numerator.signum()
    } else {
        q
    }
}

/// The number without its thousands separators, if they stand only between groups of three
/// digits of the whole part: `1,250,000.5` → `1250000.5`; `1,5` and `,5` → none.
fn ungroup(number: &str) -> Option<String> {
    if !number.contains(',') {
        return Some(number.to_string());
    }
    let (whole, fraction) = match number.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (number, None),
    };
    if fraction.is_some_and(|f| f.contains(',')) {
        return None;
    }
    let digits = whole.trim_start_matches(['-', '+']);
    let groups: Vec<&str> = digits.split(',').collect();
    let first_ok = (1..=3).contains(&groups[0].len());
    let rest_ok = groups[1..].iter().all(|g| g.len() == 3);
    if !first_ok || !rest_ok {
        return None;
    }
    let mut out = whole.replace(',', "");
    if let Some(f) = fraction {
        out.push('.');
        out.push_str(f);
    }
    Some(out)
}

fn scale_digits(digits: &str, shift: i64) -> Result<i128, AmountError> {
    if digits.is_empty() {
        return Ok(0);
    }
    if shift < 0 {
        let cut = usize::try_from(shift.unsigned_abs()).unwrap_or(usize::MAX);
        if cut >= digits.len() {
            return Err(AmountError::TooManyDecimals);
        }
        let (kept, dropped) = digits.split_at(digits.len() - cut);
        if dropped.bytes().any(|b| b != b'0') {
            return Err(AmountError::TooManyDecimals);
        }
        return parse_bounded(kept);
    }
    if shift > 40 || digits.len() + shift as usize > 20 {
        return Err(AmountError::TooLarge);
    }
    let mut value = parse_bounded(digits)?;
    for _ in 0..shift {
        value *= 10;
    }
    Ok(value)
}

fn parse_bounded(digits: &str) -> Result<i128, AmountError> {
    if digits.len() > 20 {
        return Err(AmountError::TooLarge);
    }
    digits.parse::<i128>().map_err(|_| AmountError::TooLarge)
}

/// `20971520` → `20,971,520`.
pub fn group_thousands(n: u128) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_decimal_string())
    }
}

/// In files an amount is a JSON number in major units, written exactly (`1250000.5`).
impl Serialize for Money {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let number: serde_json::Number = self
            .to_decimal_string()
            .parse()
            .map_err(serde::ser::Error::custom)?;
        number.serialize(serializer)
    }
}

/// An ISO 4217 currency code (three capital letters). Amounts always carry two decimals.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(into = "String")]
pub struct Currency(String);

impl Currency {
    pub fn cny() -> Currency {
        Currency("CNY".to_string())
    }

    pub fn code(&self) -> &str {
        &self.0
    }

    /// The sign shown before amounts: `¥` for CNY, `$` for USD, the code otherwise.
    pub fn symbol(&self) -> &str {
        match self.0.as_str() {
            "CNY" => "¥",
            "USD" => "$",
            "EUR" => "€",
            "GBP" => "£",
            "HKD" => "HK$",
            "TWD" => "NT$",
            "SGD" => "S$",
            other => other,
        }
    }
}

impl Default for Currency {
    fn default() -> Self {
        Currency::cny()
    }
}

impl Currency {
    /// A currency from its ISO 4217 code (three capital letters); none otherwise.
    pub fn parse(code: &str) -> Option<Currency> {
        (code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase()))
            .then(|| Currency(code.to_string()))
    }
}

impl From<Currency> for String {
    fn from(c: Currency) -> String {
        c.0
    }
}
