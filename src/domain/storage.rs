//! The stored plan: the keys it lives under and the codec that tells a first run from unreadable data.
//! What is stored is a plan file, format `keyplan.plan` version 1 (docs/plan-format.md).
use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use thiserror::Error;

use super::deal::Deal;
use super::forecast::quota::Quota;
use super::method::Method;
use super::money::{json_kind, Currency};
use super::plan::Plan;
use super::stage::Stage;
use super::validate::check_deal;

/// localStorage key of the plan.
pub const PLAN_KEY: &str = "keyplan.plan.v1";
/// localStorage key where unreadable plan text is kept before anything else happens.
pub const BACKUP_KEY: &str = "keyplan.plan.v1.backup";
/// localStorage key of a random stamp rewritten with every save: a tab that finds a stamp it did
/// not write knows that another tab or window saved in between, and does not overwrite.
pub const STAMP_KEY: &str = "keyplan.plan.v1.stamp";
/// localStorage key of the plan as it was before the last import, for a one-step restore.
pub const BEFORE_IMPORT_KEY: &str = "keyplan.plan.v1.before-import";
/// What browsers allow one origin in localStorage: 5 Mi UTF-16 characters, keys included
/// (measured in Chromium: 5,242,880).
pub const QUOTA_CHARS: usize = 5 * 1024 * 1024;
/// Above this share of the quota (in thousandths) the planner warns early.
pub const WARN_PERMILLE: usize = 800;

/// Used share of the quota in thousandths.
pub fn usage_permille(chars: usize) -> usize {
    (chars.saturating_mul(1000) + QUOTA_CHARS / 2) / QUOTA_CHARS
}

/// localStorage key of the person's UI preferences (language, view).
pub const PREFS_KEY: &str = "keyplan.prefs.v1";

/// The `format` marker of every plan file.
pub const FORMAT: &str = "keyplan.plan";
/// The newest plan-file version this build reads and the one it writes.
pub const VERSION: u64 = 1;

/// A plan file, version 1, as serialized.
#[derive(Serialize, Deserialize)]
struct PlanFileV1 {
    /// Always `"keyplan.plan"`.
    format: String,
    /// Always `1` for this layout.
    version: u64,
    /// Optional plan title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    title: Option<String>,
    /// ISO 4217 code of every amount; CNY when absent.
    #[serde(default)]
    currency: Currency,
    /// The method in use, when it differs from the default one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    method: Option<Method>,
    /// Sales targets.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    quotas: Vec<Quota>,
    /// When the file was written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    exported_at: Option<DateTime<Utc>>,
    /// The deals (read one by one, so that errors can name the deal).
    #[serde(default)]
    deals: Vec<Deal>,
    /// Unknown top-level fields, kept.
    #[serde(flatten)]
    extra: BTreeMap<String, Value>,
}

/// What was found under the plan key.
#[derive(Clone, Debug, PartialEq)]
pub enum Stored {
    /// Nothing: the first visit.
    Nothing,
    /// A readable plan.
    Plan(Plan),
    /// Text that is not a plan this version can read. It must be kept, never overwritten silently.
    Unreadable(Unreadable),
}

/// Why stored or imported text is not a readable plan.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum Unreadable {
    #[error("not valid JSON (line {line}, column {column}): {message}")]
    NotJson {
        line: usize,
        column: usize,
        message: String,
    },
    #[error("not a keyplan plan: {0}")]
    NotAPlan(String),
    #[error(
        "written by a newer keyplan (plan format version {0}; this one reads up to {VERSION})"
    )]
    FutureVersion(u64),
    #[error("{path}: {message}")]
    Invalid { path: String, message: String },
}

/// Serializes a plan as compact plan-file JSON.
pub fn encode(plan: &Plan, exported_at: DateTime<Utc>) -> String {
    let file = PlanFileV1 {
        format: FORMAT.to_string(),
        version: VERSION,
        title: plan.title.clone(),
        currency: plan.currency.clone(),
        method: (plan.method != Method::default()).then(|| plan.method.clone()),
        quotas: plan.quotas.clone(),
        exported_at: Some(exported_at),
        deals: plan.deals.clone(),
        extra: plan.extra.clone(),
    };
    serde_json::to_string(&file).expect("a plan always serializes")
}

/// Serializes a plan as indented plan-file JSON, for downloads people may open.
pub fn encode_pretty(plan: &Plan, exported_at: DateTime<Utc>) -> String {
    let value: Value = serde_json::from_str(&encode(plan, exported_at)).expect("own output parses");
    serde_json::to_string_pretty(&value).expect("a value always serializes")
}

/// Reads what localStorage holds under [`PLAN_KEY`] (`None` when the key is absent).
pub fn decode_stored(raw: Option<&str>) -> Stored {
    match raw {
        None => Stored::Nothing,
        Some(text) => match decode(text) {
            Ok(plan) => Stored::Plan(plan),
            Err(why) => Stored::Unreadable(why),
        },
    }
}

/// Reads plan-file text.
pub fn decode(text: &str) -> Result<Plan, Unreadable> {
    let value: Value = serde_json::from_str(text).map_err(|e| Unreadable::NotJson {
        line: e.line(),
        column: e.column(),
        message: strip_position(&e.to_string()),
    })?;
    let mut object = match value {
        Value::Object(object) => object,
        other => {
            return Err(Unreadable::NotAPlan(format!(
                "the top level is {}, not an object",
                json_kind(&other)
            )))
        }
    };
    match object.get("format") {
        Some(Value::String(f)) if f == FORMAT => {}
        Some(Value::String(f)) => {
            return Err(Unreadable::NotAPlan(format!(
                "\"format\" is \"{f}\", not \"{FORMAT}\""
            )))
        }
        Some(other) => {
            return Err(Unreadable::NotAPlan(format!(
                "\"format\" is {}, not \"{FORMAT}\"",
                json_kind(other)
            )))
        }
        None => {
            return Err(Unreadable::NotAPlan(format!(
                "there is no \"format\": \"{FORMAT}\" field"
            )))
        }
    }
    let version = match object.get("version") {
        Some(Value::Number(n)) => n
            .as_u64()
            .ok_or_else(|| invalid("version", format!("{n} is not a version number")))?,
        Some(other) => {
            return Err(invalid(
                "version",
                format!("expected a number, found {}", json_kind(other)),
            ))
        }
        None => return Err(invalid("version", "is missing".to_string())),
    };
    if version > VERSION {
        return Err(Unreadable::FutureVersion(version));
    }
    if version == 0 {
        return Err(invalid(
            "version",
            "0 is not a plan-file version".to_string(),
        ));
    }
    let deals = match object.remove("deals") {
        Some(Value::Array(deals)) => deals
            .into_iter()
            .enumerate()
            .map(|(i, deal)| {
                Deal::deserialize(deal).map_err(|e| invalid(&format!("deals[{i}]"), e.to_string()))
            })
            .collect::<Result<Vec<Deal>, Unreadable>>()?,
        Some(other) => {
            return Err(invalid(
                "deals",
                format!("expected an array, found {}", json_kind(&other)),
            ))
        }
        None => return Err(invalid("deals", "is missing".to_string())),
    };
    let file: PlanFileV1 = serde_json::from_value(Value::Object(object))
        .map_err(|e| invalid("plan", e.to_string()))?;
    let method = match file.method {
        Some(method) => {
            check_method(&method)?;
            method
        }
        None => Method::default(),
    };
    let plan = Plan {
        title: file.title,
        currency: file.currency,
        method,
        quotas: file.quotas,
        deals,
        extra: file.extra,
    };
    for (i, deal) in plan.deals.iter().enumerate() {
        if let Some(error) = check_deal(deal).into_iter().next() {
            return Err(invalid(
                &format!("deals[{i}].{}", error.field.key()),
                error.problem.to_string(),
            ));
        }
    }
    if let Some(id) = plan.duplicate_ids().into_iter().next() {
        return Err(invalid(
            "deals",
            format!("the id \"{}\" is used by more than one deal", id.as_str()),
        ));
    }
    Ok(plan)
}

/// A method read from a file: eight stages in order, probabilities in 0–100, unique item ids.
fn check_method(method: &Method) -> Result<(), Unreadable> {
    if method.stages.len() != Stage::ALL.len() {
        return Err(invalid(
            "method.stages",
            format!("expected 8 stages, found {}", method.stages.len()),
        ));
    }
    let mut ids = std::collections::HashSet::new();
    for (i, rules) in method.stages.iter().enumerate() {
        let expected = Stage::ALL[i];
        if rules.stage != expected {
            return Err(invalid(
                &format!("method.stages[{i}].stage"),
                format!("expected {}, found {}", expected.code(), rules.stage.code()),
            ));
        }
        if rules.probability > 100 {
            return Err(invalid(
                &format!("method.stages[{i}].probability"),
                format!("{} is more than 100", rules.probability),
            ));
        }
        for (j, item) in rules.gate.iter().enumerate() {
            if !ids.insert(item.id.clone()) {
                return Err(invalid(
                    &format!("method.stages[{i}].gate[{j}].id"),
                    format!("\"{}\" is used twice", item.id.as_str()),
                ));
            }
        }
    }
    Ok(())
}

fn invalid(path: &str, message: String) -> Unreadable {
    Unreadable::Invalid {
        path: path.to_string(),
        message,
    }
}

/// serde_json appends " at line L column C"; the position is reported separately.
pub(crate) fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(at) => message[..at].to_string(),
        None => message.to_string(),
    }
}

/// A download's file name from the plan title and a date: `销售小王团队-2026-11-27.json`.
/// Characters that file systems refuse, and spaces, become `-`.
pub fn export_file_name(title: Option<&str>, date: chrono::NaiveDate, extension: &str) -> String {
    let stem: String = title
        .unwrap_or("keyplan")
        .chars()
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' | '·' => '-',
            c if c.is_whitespace() || c.is_control() => '-',
            c => c,
        })
        .collect();
    let mut collapsed = String::with_capacity(stem.len());
    for c in stem.chars() {
        if !(c == '-' && collapsed.ends_with('-')) {
            collapsed.push(c);
        }
    }
    let stem = collapsed.trim_matches('-');
    let stem = if stem.is_empty() { "keyplan" } else { stem };
    format!("{stem}-{}.{extension}", date.format("%Y-%m-%d"))
}
