//! Reading splits: a won deal's `bonus` and the plan's `targets`, field by field, with the path of
//! every problem (`targets[1].parts[2].share`). A bad bonus is a problem of its deal; a bad target
//! refuses the text the browser holds and is left out of an imported file, with its path.
use serde_json::Value;

use super::error::{Problem, ProblemKind};
use super::json::{amount, array, date_time, problem, quoted, string, At, Object, Read};
use super::Mode;
use crate::domain::split::{Part, Split, SplitKind, WHOLE};
use crate::domain::target::{SplitTo, Target, TargetPeriod};
use crate::domain::validate::Problem as FieldProblem;

const KINDS: &[&str] = &["share", "amount"];
const SPLIT_TO: &[&str] = &["owner", "product", "region"];

/// `{"amount", "by", "parts"}` out of `object` (whose other fields the caller reads).
fn split_fields(object: &mut Object) -> Read<Split> {
    let total = object.required_with("amount", amount)?;
    let kind = object
        .optional_with("by", |at, value| {
            let code = string(at, value)?;
            SplitKind::parse(&code).ok_or_else(|| {
                problem(
                    at,
                    ProblemKind::NotOneOf {
                        found: quoted(&code),
                        allowed: KINDS,
                    },
                )
            })
        })?
        .unwrap_or_default();
    let parts = object
        .optional_with("parts", |at, value| {
            array(at, value)?
                .into_iter()
                .enumerate()
                .map(|(i, value)| part(&at.index(i), value, kind))
                .collect::<Read<Vec<Part>>>()
        })?
        .unwrap_or_default();
    Ok(Split {
        total,
        kind,
        parts,
        extra: std::collections::BTreeMap::new(),
    })
}

fn part(at: &At, value: Value, kind: SplitKind) -> Read<Part> {
    let mut part = Object::new(*at, value)?;
    let name = part.required_with("name", string)?;
    if name.trim().is_empty() {
        return Err(problem(
            &at.key("name"),
            ProblemKind::Field(FieldProblem::Required),
        ));
    }
    let value = part.required_with(kind.code(), amount)?.minor();
    if kind == SplitKind::Share && value > WHOLE {
        return Err(problem(
            &at.key(kind.code()),
            ProblemKind::ShareOver100(Split::share_text(value)),
        ));
    }
    Ok(Part {
        name,
        value,
        extra: part.rest().into_iter().collect(),
    })
}

/// A deal's `bonus`.
pub(super) fn bonus(at: &At, value: Value) -> Read<Split> {
    let mut object = Object::new(*at, value)?;
    let split = split_fields(&mut object)?;
    Ok(Split {
        extra: object.rest().into_iter().collect(),
        ..split
    })
}

fn target(at: &At, value: Value) -> Read<Target> {
    let mut object = Object::new(*at, value)?;
    let period = object.required_with("period", |at, value| {
        let text = string(at, value)?;
        TargetPeriod::parse(&text)
            .ok_or_else(|| problem(at, ProblemKind::NotATargetPeriod(quoted(&text))))
    })?;
    let to = object
        .optional_with("to", |at, value| {
            let code = string(at, value)?;
            SplitTo::parse(&code).ok_or_else(|| {
                problem(
                    at,
                    ProblemKind::NotOneOf {
                        found: quoted(&code),
                        allowed: SPLIT_TO,
                    },
                )
            })
        })?
        .unwrap_or_default();
    let split = split_fields(&mut object)?;
    let updated = object.optional_with("updated", date_time)?;
    Ok(Target {
        period,
        to,
        updated,
        split: Split {
            extra: object.rest().into_iter().collect(),
            ..split
        },
    })
}

/// The plan's `targets`: strictly, the first bad one refuses the text; leniently, each bad one
/// is left out and its problem listed. A second target for the same period and parts is a bad one.
pub(super) fn targets(top: &mut Object, mode: Mode) -> Read<(Vec<Target>, Vec<Problem>)> {
    let Some(values) = top.optional_with("targets", array)? else {
        return Ok((Vec::new(), Vec::new()));
    };
    let list = top.at().key("targets");
    let mut read: Vec<Target> = Vec::with_capacity(values.len());
    let mut left_out = Vec::new();
    for (i, value) in values.into_iter().enumerate() {
        let at = list.index(i);
        let one = target(&at, value).and_then(|t| {
            match read.iter().any(|r| r.period == t.period && r.to == t.to) {
                true => Err(problem(
                    &at.key("period"),
                    ProblemKind::TargetTwice(quoted(&t.period.code())),
                )),
                false => Ok(t),
            }
        });
        match (one, mode) {
            (Ok(t), _) => read.push(t),
            (Err(p), Mode::Strict) => return Err(p),
            (Err(p), Mode::Lenient { .. }) => left_out.push(p),
        }
    }
    Ok((read, left_out))
}
