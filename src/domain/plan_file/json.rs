//! Reading JSON values field by field, so that every problem names its path, what was expected
//! and what was found.
use chrono::{DateTime, NaiveDate, Utc};
use serde_json::{Map, Value};

use super::error::{Kind, Problem, ProblemKind};
use crate::domain::money::{AmountError, Money};
use crate::domain::stage::Stage;

pub(super) type Read<T> = Result<T, Problem>;

pub(super) fn problem(path: &str, kind: ProblemKind) -> Problem {
    Problem {
        path: path.to_string(),
        kind,
    }
}

/// Longest piece of a found string or number quoted in a message, in characters.
const SHOWN_CHARS: usize = 40;

/// A found string as messages quote it: JSON-escaped, cut after [`SHOWN_CHARS`] characters.
pub(super) fn quoted(text: &str) -> String {
    let mut shown: String = text.chars().take(SHOWN_CHARS).collect();
    if shown.len() < text.len() {
        shown.push('…');
    }
    serde_json::to_string(&shown).expect("a string always serializes")
}

/// A found number's exact text, cut after [`SHOWN_CHARS`] characters.
pub(super) fn number_text(number: &serde_json::Number) -> String {
    let text = number.to_string();
    match text.char_indices().nth(SHOWN_CHARS) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text,
    }
}

/// The path of the field `key` of the object at `path` (`""` for the top level). Keys longer than
/// [`SHOWN_CHARS`] characters are cut.
pub(super) fn field_path(path: &str, key: &str) -> String {
    let key = match key.char_indices().nth(SHOWN_CHARS) {
        Some((at, _)) => format!("{}…", &key[..at]),
        None => key.to_string(),
    };
    if path.is_empty() {
        key
    } else {
        format!("{path}.{key}")
    }
}

/// `expected {what}, found {kind of found}`.
pub(super) fn expected(path: &str, what: Kind, found: &Value) -> Problem {
    problem(
        path,
        ProblemKind::WrongType {
            expected: what,
            found: Kind::of(found),
        },
    )
}

/// An object read field by field: each field is taken out as it is read; what remains is unknown.
pub(super) struct Object {
    path: String,
    map: Map<String, Value>,
}

impl Object {
    /// `value` as an object at `path` (`""` for the top level).
    pub fn new(path: &str, value: Value) -> Read<Object> {
        match value {
            Value::Object(map) => Ok(Object::of(path, map)),
            other => Err(expected(path, Kind::Object, &other)),
        }
    }

    pub fn of(path: &str, map: Map<String, Value>) -> Object {
        Object {
            path: path.to_string(),
            map,
        }
    }

    /// The path of a field of this object.
    pub fn at(&self, key: &str) -> String {
        field_path(&self.path, key)
    }

    /// Takes a field as it is, `null` included.
    pub fn take(&mut self, key: &str) -> Option<(String, Value)> {
        self.map.remove(key).map(|value| (self.at(key), value))
    }

    /// Takes an optional field; `null` counts as absent.
    pub fn optional(&mut self, key: &str) -> Option<(String, Value)> {
        self.take(key).filter(|(_, value)| !value.is_null())
    }

    /// Takes a required field (`is required` when absent).
    pub fn required(&mut self, key: &str) -> Read<(String, Value)> {
        match self.map.remove(key) {
            Some(value) => Ok((self.at(key), value)),
            None => Err(problem(&self.at(key), ProblemKind::Required)),
        }
    }

    /// An optional field read by `read`.
    pub fn optional_with<T>(
        &mut self,
        key: &str,
        read: impl FnOnce(&str, Value) -> Read<T>,
    ) -> Read<Option<T>> {
        self.optional(key)
            .map(|(path, value)| read(&path, value))
            .transpose()
    }

    /// A required field read by `read`.
    pub fn required_with<T>(
        &mut self,
        key: &str,
        read: impl FnOnce(&str, Value) -> Read<T>,
    ) -> Read<T> {
        let (path, value) = self.required(key)?;
        read(&path, value)
    }

    /// Optional text; absent or `null` is empty.
    pub fn text(&mut self, key: &str) -> Read<String> {
        Ok(self.optional_with(key, string)?.unwrap_or_default())
    }

    /// The fields not read, in their order.
    pub fn rest(self) -> Map<String, Value> {
        self.map
    }
}

pub(super) fn string(path: &str, value: Value) -> Read<String> {
    match value {
        Value::String(s) => Ok(s),
        other => Err(expected(path, Kind::String, &other)),
    }
}

pub(super) fn boolean(path: &str, value: Value) -> Read<bool> {
    match value {
        Value::Bool(b) => Ok(b),
        other => Err(expected(path, Kind::Boolean, &other)),
    }
}

pub(super) fn array(path: &str, value: Value) -> Read<Vec<Value>> {
    match value {
        Value::Array(items) => Ok(items),
        other => Err(expected(path, Kind::Array, &other)),
    }
}

/// A whole number ≥ 0: `12` (not `12.0`, `-1` or `"12"`).
pub(super) fn whole(path: &str, value: Value) -> Read<u64> {
    match value {
        Value::Number(n) => n
            .as_u64()
            .ok_or_else(|| problem(path, ProblemKind::NotWhole(number_text(&n)))),
        other => Err(expected(path, Kind::Number, &other)),
    }
}

/// A whole number from 0 to `max`.
pub(super) fn whole_at_most(path: &str, value: Value, max: u64) -> Read<u64> {
    let n = whole(path, value)?;
    if n > max {
        return Err(problem(path, ProblemKind::MoreThan { value: n, max }));
    }
    Ok(n)
}

/// An amount: a JSON number or a numeric string, read from its exact text.
pub(super) fn amount(path: &str, value: Value) -> Read<Money> {
    let (text, found) = match value {
        Value::Number(n) => (n.to_string(), number_text(&n)),
        Value::String(s) => {
            let found = quoted(&s);
            (s, found)
        }
        other => return Err(expected(path, Kind::Number, &other)),
    };
    parse_amount(&text).map_err(|e| match e {
        AmountError::Empty | AmountError::NotANumber(_) => {
            problem(path, ProblemKind::NotANumber(found))
        }
        other => problem(path, ProblemKind::Amount(other)),
    })
}

/// Exponents beyond this magnitude are read as this one: whatever the digits, such an amount is
/// too large, has too many decimals or is zero, and [`Money::parse_decimal`] would otherwise
/// fail to read an exponent that does not fit an `i64` and call the number "not a number".
const MAX_EXPONENT: u32 = 1000;

/// [`Money::parse_decimal`], with exponents clamped to ±[`MAX_EXPONENT`] so that `1e2147483648`
/// is "too large" rather than "not a number".
fn parse_amount(text: &str) -> Result<Money, AmountError> {
    let t = text.trim();
    if let Some(at) = t.find(['e', 'E']) {
        let exponent = &t[at + 1..];
        let (negative, digits) = match exponent.strip_prefix('-') {
            Some(d) => (true, d),
            None => (false, exponent.strip_prefix('+').unwrap_or(exponent)),
        };
        let significant = digits.trim_start_matches('0');
        let is_integer = !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit());
        let large =
            significant.len() > 4 || significant.parse::<u32>().is_ok_and(|n| n > MAX_EXPONENT);
        if is_integer && large {
            let sign = if negative { "-" } else { "" };
            return Money::parse_decimal(&format!("{}e{sign}{MAX_EXPONENT}", &t[..at])).map_err(
                |e| match e {
                    AmountError::NotANumber(_) => AmountError::NotANumber(t.to_string()),
                    other => other,
                },
            );
        }
    }
    Money::parse_decimal(t)
}

/// A stage code `P0` … `P7`.
pub(super) fn stage(path: &str, value: Value) -> Read<Stage> {
    let text = string(path, value)?;
    Stage::parse(&text).ok_or_else(|| problem(path, ProblemKind::UnknownStage(quoted(text.trim()))))
}

/// A day, `YYYY-MM-DD`.
pub(super) fn date(path: &str, value: Value) -> Read<NaiveDate> {
    let text = string(path, value)?;
    text.parse::<NaiveDate>()
        .map_err(|_| problem(path, ProblemKind::NotADate(quoted(&text))))
}

/// A moment, RFC 3339 (`2026-11-27T09:30:00Z`); other offsets are converted to UTC.
pub(super) fn date_time(path: &str, value: Value) -> Read<DateTime<Utc>> {
    let text = string(path, value)?;
    text.parse::<DateTime<Utc>>()
        .map_err(|_| problem(path, ProblemKind::NotAMoment(quoted(&text))))
}

/// Every item of an array read by `read`, with paths `path[i]`.
pub(super) fn each<T>(
    path: &str,
    value: Value,
    mut read: impl FnMut(&str, Value) -> Read<T>,
) -> Read<Vec<T>> {
    array(path, value)?
        .into_iter()
        .enumerate()
        .map(|(i, item)| read(&format!("{path}[{i}]"), item))
        .collect()
}
