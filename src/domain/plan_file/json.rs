//! Reading JSON values field by field, so that every problem names its path, what was expected
//! and what was found.
use chrono::{DateTime, NaiveDate, Utc};
use serde_json::{Map, Value};

use super::error::{Kind, Problem, ProblemKind};
use crate::domain::deal::Strategies;
use crate::domain::money::{AmountError, Money};
use crate::domain::stage::Stage;

pub(super) type Read<T> = Result<T, Problem>;

/// Where a value sits in the file, spelled out (`deals[3].amount`) only when a problem is
/// reported: reading a good file builds no path at all.
#[derive(Clone, Copy)]
pub(super) enum At<'a> {
    /// The top level.
    Top,
    /// A field of the object at the first place.
    Key(&'a At<'a>, &'a str),
    /// An item of the array at the first place.
    Index(&'a At<'a>, usize),
}

impl<'a> At<'a> {
    pub fn key(&'a self, key: &'a str) -> At<'a> {
        At::Key(self, key)
    }

    pub fn index(&'a self, index: usize) -> At<'a> {
        At::Index(self, index)
    }

    /// The path as messages show it: `deals[3].gates.p0-x.on`, `""` for the top level.
    pub fn path(&self) -> String {
        match self {
            At::Top => String::new(),
            At::Key(parent, key) => field_path(&parent.path(), key),
            At::Index(parent, index) => format!("{}[{index}]", parent.path()),
        }
    }
}

pub(super) fn problem(at: &At, kind: ProblemKind) -> Problem {
    Problem {
        path: at.path(),
        kind,
    }
}

/// Longest piece of a found string or number quoted in a message, in characters.
const SHOWN_CHARS: usize = 40;

/// A found string as messages quote it: JSON-escaped, cut after [`SHOWN_CHARS`] characters
/// (a lone surrogate shown as U+FFFD).
pub(super) fn quoted(text: &str) -> String {
    let mut shown: String = text
        .chars()
        .take(SHOWN_CHARS)
        .map(super::surrogates::shown)
        .collect();
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
pub(super) fn expected(at: &At, what: Kind, found: &Value) -> Problem {
    problem(
        at,
        ProblemKind::WrongType {
            expected: what,
            found: Kind::of(found),
        },
    )
}

/// An object read field by field: each field is taken out as it is read; what remains is unknown.
pub(super) struct Object<'a> {
    at: At<'a>,
    map: Map<String, Value>,
}

impl<'a> Object<'a> {
    /// `value` as an object at `at`.
    pub fn new(at: At<'a>, value: Value) -> Read<Object<'a>> {
        match value {
            Value::Object(map) => Ok(Object::of(at, map)),
            other => Err(expected(&at, Kind::Object, &other)),
        }
    }

    pub fn of(at: At<'a>, map: Map<String, Value>) -> Object<'a> {
        Object { at, map }
    }

    /// The place of this object in the file.
    pub fn at(&self) -> &At<'a> {
        &self.at
    }

    /// Takes a field as it is, `null` included.
    pub fn take(&mut self, key: &str) -> Option<Value> {
        self.map.remove(key)
    }

    /// An optional field read by `read`; absent or `null` is `None`.
    pub fn optional_with<T>(
        &mut self,
        key: &str,
        read: impl FnOnce(&At, Value) -> Read<T>,
    ) -> Read<Option<T>> {
        match self.map.remove(key) {
            None | Some(Value::Null) => Ok(None),
            Some(value) => read(&self.at.key(key), value).map(Some),
        }
    }

    /// A required field read by `read` (`is required` when absent).
    pub fn required_with<T>(
        &mut self,
        key: &str,
        read: impl FnOnce(&At, Value) -> Read<T>,
    ) -> Read<T> {
        match self.map.remove(key) {
            Some(value) => read(&self.at.key(key), value),
            None => Err(problem(&self.at.key(key), ProblemKind::Required)),
        }
    }

    /// Optional text; absent or `null` is empty.
    pub fn text(&mut self, key: &str) -> Read<String> {
        Ok(self.optional_with(key, string)?.unwrap_or_default())
    }

    /// The fields not read yet.
    pub fn fields(&self) -> &Map<String, Value> {
        &self.map
    }

    /// The fields not read, in their order.
    pub fn rest(self) -> Map<String, Value> {
        self.map
    }
}

pub(super) fn string(at: &At, value: Value) -> Read<String> {
    match value {
        Value::String(s) => Ok(s),
        other => Err(expected(at, Kind::String, &other)),
    }
}

pub(super) fn boolean(at: &At, value: Value) -> Read<bool> {
    match value {
        Value::Bool(b) => Ok(b),
        other => Err(expected(at, Kind::Boolean, &other)),
    }
}

pub(super) fn array(at: &At, value: Value) -> Read<Vec<Value>> {
    match value {
        Value::Array(items) => Ok(items),
        other => Err(expected(at, Kind::Array, &other)),
    }
}

/// A whole number ≥ 0: `12` (not `12.0`, `-1` or `"12"`).
pub(super) fn whole(at: &At, value: Value) -> Read<u64> {
    match value {
        Value::Number(n) => n
            .as_u64()
            .ok_or_else(|| problem(at, ProblemKind::NotWhole(number_text(&n)))),
        other => Err(expected(at, Kind::Number, &other)),
    }
}

/// A whole number from 0 to `max`; one too large for 64 bits is more than `max` too.
pub(super) fn whole_at_most(at: &At, value: Value, max: u64) -> Read<u64> {
    let more = |n: &serde_json::Number| {
        problem(
            at,
            ProblemKind::MoreThan {
                value: number_text(n),
                max,
            },
        )
    };
    match &value {
        Value::Number(n) if n.as_u64().is_some_and(|v| v > max) => Err(more(n)),
        Value::Number(n)
            if n.as_u64().is_none() && n.as_str().bytes().all(|b| b.is_ascii_digit()) =>
        {
            Err(more(n))
        }
        _ => whole(at, value),
    }
}

/// An amount: a JSON number or a numeric string, read from its exact text.
pub(super) fn amount(at: &At, value: Value) -> Read<Money> {
    let text = match &value {
        Value::Number(n) => n.as_str(),
        Value::String(s) => s.as_str(),
        other => return Err(expected(at, Kind::Number, other)),
    };
    parse_amount(text).map_err(|e| match e {
        AmountError::Empty | AmountError::NotANumber(_) => {
            let found = match &value {
                Value::Number(n) => number_text(n),
                _ => quoted(text),
            };
            problem(at, ProblemKind::NotANumber(found))
        }
        other => problem(at, ProblemKind::Amount(other)),
    })
}

/// Exponents beyond this magnitude are read as this one: whatever the digits, such an amount is
/// too large, has too many decimals or is zero, and [`Money::parse_decimal`] would otherwise
/// fail to read an exponent that does not fit an `i64` and call the number "not a number".
const MAX_EXPONENT: u32 = 1000;

/// [`Money::parse_decimal`], with exponents clamped to ±[`MAX_EXPONENT`] so that `1e2147483648`
/// is "too large" rather than "not a number".
pub(super) fn parse_amount(text: &str) -> Result<Money, AmountError> {
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
pub(super) fn stage(at: &At, value: Value) -> Read<Stage> {
    let text = string(at, value)?;
    Stage::parse(&text).ok_or_else(|| problem(at, ProblemKind::UnknownStage(quoted(text.trim()))))
}

/// A day, `YYYY-MM-DD`.
pub(super) fn date(at: &At, value: Value) -> Read<NaiveDate> {
    let text = string(at, value)?;
    text.parse::<NaiveDate>()
        .map_err(|_| problem(at, ProblemKind::NotADate(quoted(&text))))
}

/// A moment, RFC 3339 (`2026-11-27T09:30:00Z`); other offsets are converted to UTC.
pub(super) fn date_time(at: &At, value: Value) -> Read<DateTime<Utc>> {
    let text = string(at, value)?;
    text.parse::<DateTime<Utc>>()
        .map_err(|_| problem(at, ProblemKind::NotAMoment(quoted(&text))))
}

/// Every item of an array read by `read`, at `at[i]`.
pub(super) fn each<T>(
    at: &At,
    value: Value,
    mut read: impl FnMut(&At, Value) -> Read<T>,
) -> Read<Vec<T>> {
    array(at, value)?
        .into_iter()
        .enumerate()
        .map(|(i, item)| read(&at.index(i), item))
        .collect()
}

/// A deal's strategies: stage code (`P0` … `P7`, exactly) → list of texts; a stage with an
/// empty list is left out. The quick way reads them this way too.
pub(super) fn strategies(at: &At, value: Value) -> Read<Strategies> {
    let mut read = Strategies::default();
    for (code, list) in Object::new(*at, value)?.rest() {
        let at = at.key(&code);
        let Some(stage) = Stage::ALL.into_iter().find(|s| s.code() == code) else {
            return Err(problem(&at, ProblemKind::UnknownStage(quoted(&code))));
        };
        read.set(stage, each(&at, list, string)?);
    }
    Ok(read)
}
