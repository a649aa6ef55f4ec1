//! The lenient reader of imported plan files: the file's frame strictly, each deal on its own.
use crate::domain::money::group_thousands;
use std::collections::{BTreeMap, BTreeSet, HashSet};

use chrono::DateTime;
use serde_json::Value;
use thiserror::Error;

use super::json::{
    amount, array, boolean, date, date_time, each, expected, field_path, number_text, problem,
    quoted, stage, string, whole_at_most, Object, Problem, Read,
};
use crate::domain::deal::{Deal, DealId, DealStatus, GateCheck, StageChange};
use crate::domain::forecast::quota::{Quota, QuotaPeriod};
use crate::domain::forecast::{Category, Granularity, Period};
use crate::domain::method::{GateId, GateItem, Method, StageRules, Text};
use crate::domain::money::{json_kind, Currency};
use crate::domain::plan::Plan;
use crate::domain::stage::Stage;
use crate::domain::storage::{decode, encode, Unreadable, FORMAT, VERSION};
use crate::domain::validate::check_deal;

/// The largest file [`parse_file`] reads: 20 MB (20,971,520 bytes), far beyond any real plan.
pub const MAX_FILE_BYTES: usize = 20 * 1024 * 1024;

/// One deal of a file that could not be imported, and why.
/// Shown as `deals[3].amount: expected a number, found "abc"`.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
#[error("{path}: {message}")]
pub struct Rejected {
    /// The deal's position in the file's `deals` array.
    pub index: usize,
    /// The deal's id, when it has a readable one.
    pub id: Option<String>,
    /// Where the problem is: `deals[3].amount`, or `deals[3]` for the deal as a whole.
    pub path: String,
    /// What was expected and what was found.
    pub message: String,
}

/// A file read leniently: the plan with its good deals, and the deals left out.
#[derive(Clone, Debug, PartialEq)]
pub struct Parsed {
    pub plan: Plan,
    pub rejected: Vec<Rejected>,
}

/// Refuses a file larger than [`MAX_FILE_BYTES`]. [`parse_file`] checks this itself; the page may
/// call it with the file's size before reading the file at all.
pub fn check_size(bytes: usize) -> Result<(), Unreadable> {
    if bytes > MAX_FILE_BYTES {
        return Err(Unreadable::Invalid {
            path: "file".to_string(),
            message: format!(
                "{} bytes is more than the limit of {} bytes (20 MB)",
                group_thousands(bytes as u128),
                group_thousands(MAX_FILE_BYTES as u128)
            ),
        });
    }
    Ok(())
}

/// Reads an imported plan file.
///
/// File-level problems refuse the whole file: too large ([`check_size`]), not JSON (with line and
/// column), not a keyplan plan, a newer format version, wrong types of top-level fields, a bad
/// method or bad quotas. Messages for the frame are those of [`crate::domain::storage::decode`].
///
/// Each deal is read on its own, field by field: a bad deal is left out and listed in
/// [`Parsed::rejected`] with the first problem found (`deals[3].amount: expected a number, found
/// "abc"`), and never refuses the file. A deal whose id an earlier deal of the file already used
/// (whether that one was imported or not) is left out too. Deals are checked by the editor's rules
/// ([`check_deal`]), so whatever is imported saves and loads again.
///
/// Lenient where it cannot mislead: a leading byte-order mark is ignored; `null` counts as absent
/// for optional fields; amounts may be numeric strings (`"1250000.50"`); stage codes may be lower
/// case; moments with an offset are converted to UTC. Unknown fields are kept, at the top level
/// ([`Plan::extra`]) and in each deal ([`Deal::extra`]), as a save and load will hold them; a
/// number there that the plan cannot hold (an integer beyond 64 bits) rejects its deal, or the
/// file at the top level, naming it. `exported_at` is checked and dropped (the next save writes its own).
pub fn parse_file(text: &str) -> Result<Parsed, Unreadable> {
    check_size(text.len())?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value: Value = serde_json::from_str(text).map_err(|e| Unreadable::NotJson {
        line: e.line(),
        column: e.column(),
        message: crate::domain::storage::strip_position(&e.to_string()),
    })?;
    let map = match value {
        Value::Object(map) => map,
        other => {
            return Err(Unreadable::NotAPlan(format!(
                "the top level is {}, not an object",
                json_kind(&other)
            )))
        }
    };
    let mut top = Object::of("", map);
    check_frame(&mut top)?;
    let frame = read_frame(&mut top).map_err(unreadable)?;
    let deals = match top.take("deals") {
        Some((path, value)) => array(&path, value).map_err(unreadable)?,
        None => return Err(unreadable(problem("deals", "is missing"))),
    };
    let extra = settle_extra(top.rest().into_iter().collect()).map_err(unreadable)?;
    let (deals, rejected) = read_deals(deals);
    Ok(Parsed {
        plan: Plan {
            deals,
            extra,
            ..frame
        },
        rejected,
    })
}

/// `format` and `version`, with the messages of the strict reader.
fn check_frame(top: &mut Object) -> Result<(), Unreadable> {
    match top.take("format") {
        Some((_, Value::String(f))) if f == FORMAT => {}
        Some((_, Value::String(f))) => {
            return Err(Unreadable::NotAPlan(format!(
                "\"format\" is {}, not \"{FORMAT}\"",
                quoted(&f)
            )))
        }
        Some((_, other)) => {
            return Err(Unreadable::NotAPlan(format!(
                "\"format\" is {}, not \"{FORMAT}\"",
                json_kind(&other)
            )))
        }
        None => {
            return Err(Unreadable::NotAPlan(format!(
                "there is no \"format\": \"{FORMAT}\" field"
            )))
        }
    }
    let version = match top.take("version") {
        Some((path, Value::Number(n))) => n.as_u64().ok_or_else(|| {
            unreadable(problem(
                &path,
                format!("{} is not a version number", number_text(&n)),
            ))
        })?,
        Some((path, other)) => return Err(unreadable(expected(&path, "a number", &other))),
        None => return Err(unreadable(problem("version", "is missing"))),
    };
    if version > VERSION {
        return Err(Unreadable::FutureVersion(version));
    }
    if version == 0 {
        return Err(unreadable(problem(
            "version",
            "0 is not a plan-file version",
        )));
    }
    Ok(())
}

/// Everything of the plan but its deals and unknown fields.
fn read_frame(top: &mut Object) -> Read<Plan> {
    let title = top.optional_with("title", string)?;
    let currency = top
        .optional_with("currency", |path, value| {
            Currency::try_from(string(path, value)?).map_err(|message| problem(path, message))
        })?
        .unwrap_or_default();
    let method = top
        .optional_with("method", read_method)?
        .unwrap_or_default();
    let quotas = top
        .optional_with("quotas", |path, value| each(path, value, read_quota))?
        .unwrap_or_default();
    top.optional_with("exported_at", date_time)?;
    Ok(Plan {
        title,
        currency,
        method,
        quotas,
        deals: Vec::new(),
        extra: BTreeMap::new(),
    })
}

fn read_quota(path: &str, value: Value) -> Read<Quota> {
    let mut quota = Object::new(path, value)?;
    Ok(Quota {
        owner: quota.optional_with("owner", string)?,
        period: quota.required_with("period", |path, value| {
            let text = string(path, value)?;
            Period::parse(&text)
                .filter(|p| p.granularity != Granularity::Year)
                .map(QuotaPeriod)
                .ok_or_else(|| {
                    problem(
                        path,
                        format!(
                            "{} is not a month (2026-11) or a quarter (2026-Q4)",
                            quoted(&text)
                        ),
                    )
                })
        })?,
        amount: quota.required_with("amount", amount)?,
    })
}

/// A method: eight stages in order, probabilities 0–100, gate item ids unique across the method.
fn read_method(path: &str, value: Value) -> Read<Method> {
    let mut method = Object::new(path, value)?;
    let (path, stages) = method.required("stages")?;
    let stages = array(&path, stages)?;
    if stages.len() != Stage::ALL.len() {
        return Err(problem(
            &path,
            format!("expected 8 stages, found {}", stages.len()),
        ));
    }
    let mut ids = HashSet::new();
    let stages = stages
        .into_iter()
        .zip(Stage::ALL)
        .enumerate()
        .map(|(i, (rules, expected_stage))| {
            let mut rules = Object::new(&format!("{path}[{i}]"), rules)?;
            let stage = rules.required_with("stage", stage)?;
            if stage != expected_stage {
                return Err(problem(
                    &rules.at("stage"),
                    format!("expected {}, found {}", expected_stage.code(), stage.code()),
                ));
            }
            let probability =
                rules.required_with("probability", |p, v| whole_at_most(p, v, 100))?;
            let stale_days = rules.required_with("stale_days", |p, v| {
                whole_at_most(p, v, u64::from(u32::MAX))
            })?;
            let gate = rules.required_with("gate", |path, value| {
                each(path, value, |path, item| {
                    let item = read_gate_item(path, item)?;
                    if !ids.insert(item.id.clone()) {
                        return Err(problem(
                            &format!("{path}.id"),
                            format!("{} is used twice", quoted(item.id.as_str())),
                        ));
                    }
                    Ok(item)
                })
            })?;
            Ok(StageRules {
                stage,
                probability: probability as u8,
                stale_days: stale_days as u32,
                gate,
            })
        })
        .collect::<Read<Vec<StageRules>>>()?;
    Ok(Method { stages })
}

fn read_gate_item(path: &str, value: Value) -> Read<GateItem> {
    let mut item = Object::new(path, value)?;
    let id = GateId(item.required_with("id", string)?);
    let text = item.required_with("text", |path, value| {
        let mut text = Object::new(path, value)?;
        Ok(Text {
            zh: text.required_with("zh", string)?,
            en: text.required_with("en", string)?,
        })
    })?;
    Ok(GateItem {
        id,
        text,
        ours: item.optional_with("ours", boolean)?.unwrap_or(false),
        retired: item.optional_with("retired", boolean)?.unwrap_or(false),
    })
}

/// Reads each deal on its own; the good ones in file order, and the rejected ones.
fn read_deals(values: Vec<Value>) -> (Vec<Deal>, Vec<Rejected>) {
    let mut seen = HashSet::new();
    let mut deals = Vec::with_capacity(values.len());
    let mut rejected = Vec::new();
    for (index, value) in values.into_iter().enumerate() {
        let path = format!("deals[{index}]");
        let mut id = None;
        let deal = Object::new(&path, value).and_then(|mut object| {
            let read = object.required_with("id", string)?;
            id = Some(read.clone());
            if read.trim().is_empty() {
                return Err(problem(&object.at("id"), "is required"));
            }
            if !seen.insert(read.clone()) {
                return Err(problem(
                    &path,
                    format!(
                        "the id {} is used by an earlier deal in this file",
                        quoted(&read)
                    ),
                ));
            }
            let deal = read_deal(DealId::new(read), object)?;
            settle_deal(deal, &path)
        });
        match deal {
            Ok(deal) => deals.push(deal),
            Err(Problem { path, message }) => rejected.push(Rejected {
                index,
                id,
                path,
                message,
            }),
        }
    }
    (deals, rejected)
}

/// The fields of one deal after its id, in the file format's order, then the editor's rules.
fn read_deal(id: DealId, mut deal: Object) -> Read<Deal> {
    let read = Deal {
        id,
        name: deal.required_with("name", string)?,
        customer: deal.required_with("customer", string)?,
        amount: deal.required_with("amount", amount)?,
        stage: deal.required_with("stage", stage)?,
        status: deal
            .optional_with("status", read_status)?
            .unwrap_or_default(),
        expected_close: deal.optional_with("expected_close", date)?,
        closed_on: deal.optional_with("closed_on", date)?,
        owner: deal.text("owner")?,
        product: deal.text("product")?,
        region: deal.text("region")?,
        segment: deal.text("segment")?,
        next_step: deal.text("next_step")?,
        notes: deal.text("notes")?,
        probability: deal
            .optional_with("probability", |p, v| whole_at_most(p, v, 100))?
            .map(|p| p as u8),
        category: deal.optional_with("category", read_category)?,
        gates: deal.optional_with("gates", read_gates)?.unwrap_or_default(),
        history: deal
            .optional_with("history", |path, value| {
                each(path, value, read_stage_change)
            })?
            .unwrap_or_default(),
        self_check: deal
            .optional_with("self_check", |path, value| each(path, value, string))?
            .map(BTreeSet::from_iter)
            .unwrap_or_default(),
        created: deal.required_with("created", date_time)?,
        updated: deal.required_with("updated", date_time)?,
        extra: BTreeMap::new(),
    };
    if let Some(error) = check_deal(&read).into_iter().next() {
        return Err(problem(
            &deal.at(error.field.key()),
            error.problem.to_string(),
        ));
    }
    Ok(Deal {
        extra: deal.rest().into_iter().collect(),
        ..read
    })
}

/// The deal as the plan will hold it once saved and loaded again.
///
/// The strict reader cannot read every number in an unknown field (integers beyond 64 bits), and
/// writes some others differently (`1e400` as `1e+400`). A deal imported as it came could then
/// not be loaded after the next save; so a deal with unknown fields takes one save-and-load here,
/// and one that does not survive it is rejected, naming the number. (Known fields are typed by
/// this reader and written back as they are read.)
fn settle_deal(deal: Deal, path: &str) -> Read<Deal> {
    if deal.extra.is_empty() {
        return Ok(deal);
    }
    let round_trip = |deal: &Deal| {
        let plan = Plan {
            deals: vec![deal.clone()],
            ..Plan::default()
        };
        decode(&encode(&plan, DateTime::UNIX_EPOCH))
            .map(|plan| plan.deals.into_iter().next().expect("one deal in, one out"))
    };
    round_trip(&deal).map_err(|why| {
        let keeps = |key: &str, value: &Value| {
            let extra = BTreeMap::from([(key.to_string(), value.clone())]);
            round_trip(&Deal {
                extra,
                ..deal.clone()
            })
            .is_ok()
        };
        unkept(path, &deal.extra, keeps)
            .unwrap_or_else(|| problem(path, format!("cannot be saved ({why})")))
    })
}

/// The plan's unknown fields as they will be held once saved and loaded again (see [`settle_deal`]).
fn settle_extra(extra: BTreeMap<String, Value>) -> Read<BTreeMap<String, Value>> {
    if extra.is_empty() {
        return Ok(extra);
    }
    let round_trip = |extra: BTreeMap<String, Value>| {
        let plan = Plan {
            extra,
            ..Plan::default()
        };
        decode(&encode(&plan, DateTime::UNIX_EPOCH)).map(|plan| plan.extra)
    };
    round_trip(extra.clone()).map_err(|why| {
        let keeps = |key: &str, value: &Value| {
            round_trip(BTreeMap::from([(key.to_string(), value.clone())])).is_ok()
        };
        unkept("", &extra, keeps)
            .unwrap_or_else(|| problem("file", format!("cannot be saved ({why})")))
    })
}

/// The first value in unknown fields that `keeps` refuses, as deep as it can be pinned:
/// `deals[3].crm_ref[1]: keyplan cannot keep the number 18446744073709551616 in a field it does not know`.
fn unkept(
    path: &str,
    extra: &BTreeMap<String, Value>,
    keeps: impl Fn(&str, &Value) -> bool,
) -> Option<Problem> {
    fn find(path: String, value: &Value, keeps: &dyn Fn(&Value) -> bool) -> Option<Problem> {
        if keeps(value) {
            return None;
        }
        let inner = match value {
            Value::Array(items) => items
                .iter()
                .enumerate()
                .find_map(|(i, item)| find(format!("{path}[{i}]"), item, keeps)),
            Value::Object(map) => map
                .iter()
                .find_map(|(key, item)| find(field_path(&path, key), item, keeps)),
            _ => None,
        };
        inner.or_else(|| {
            let what = match value {
                Value::Number(n) => format!("the number {}", number_text(n)),
                other => json_kind(other).to_string(),
            };
            Some(problem(
                &path,
                format!("keyplan cannot keep {what} in a field it does not know"),
            ))
        })
    }
    extra
        .iter()
        .find_map(|(key, value)| find(field_path(path, key), value, &|v| keeps(key, v)))
}

fn read_status(path: &str, value: Value) -> Read<DealStatus> {
    let text = string(path, value)?;
    [DealStatus::Open, DealStatus::Won, DealStatus::Lost]
        .into_iter()
        .find(|s| s.code() == text)
        .ok_or_else(|| {
            problem(
                path,
                format!(
                    "unknown status {} (expected open, won or lost)",
                    quoted(&text)
                ),
            )
        })
}

fn read_category(path: &str, value: Value) -> Read<Category> {
    let text = string(path, value)?;
    Category::ALL
        .into_iter()
        .find(|c| c.code() == text)
        .ok_or_else(|| {
            problem(
                path,
                format!(
                    "unknown forecast category {} (expected pipeline, best_case, commit or closed)",
                    quoted(&text)
                ),
            )
        })
}

fn read_gates(path: &str, value: Value) -> Read<BTreeMap<GateId, GateCheck>> {
    let gates = Object::new(path, value)?;
    let path = path.to_string();
    gates
        .rest()
        .into_iter()
        .map(|(id, check)| {
            let mut check = Object::new(&field_path(&path, &id), check)?;
            let on = check.required_with("on", date)?;
            let evidence = check.text("evidence")?;
            Ok((GateId(id), GateCheck { on, evidence }))
        })
        .collect()
}

fn read_stage_change(path: &str, value: Value) -> Read<StageChange> {
    let mut change = Object::new(path, value)?;
    Ok(StageChange {
        from: change.required_with("from", stage)?,
        to: change.required_with("to", stage)?,
        at: change.required_with("at", date_time)?,
        reason: change.text("reason")?,
        missing: change
            .optional_with("missing", |path, value| {
                each(path, value, |path, id| Ok(GateId(string(path, id)?)))
            })?
            .unwrap_or_default(),
    })
}

fn unreadable(problem: Problem) -> Unreadable {
    Unreadable::Invalid {
        path: problem.path,
        message: problem.message,
    }
}
