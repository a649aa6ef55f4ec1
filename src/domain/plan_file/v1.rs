//! The plan file's layout as written (version 2), and its reader of versions 1 and 2, which
//! differ only in what a missing `method` means (see [`Version`]).
use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::rc::Rc;

use chrono::{DateTime, Utc};
use serde::Serialize;
use serde_json::value::RawValue;
use serde_json::Value;

use super::error::{Problem, ProblemKind, Rejected, Unreadable};
use super::json::{
    amount, array, boolean, date, date_time, each, problem, quoted, stage, strategies, string,
    whole_at_most, At, Object, Read,
};
use super::{people, quick, snapshots, split, surrogates, Mode, Parsed, Version, FORMAT};
use crate::domain::category::Category;
use crate::domain::deal::{CloseMove, Deal, DealId, DealStatus, GateCheck, StageChange};
use crate::domain::method::{GateId, GateItem, Method, StageRules, Text};
use crate::domain::money::Currency;
use crate::domain::plan::Plan;
use crate::domain::quota::{Quota, QuotaPeriod};
use crate::domain::stage::Stage;
use crate::domain::target::Target;
use crate::domain::validate::check_deal;
use crate::domain::workshop_header::WorkshopHeader;

/// A plan file, version 1, as written: its frame, the deals, then the unknown top-level fields.
/// [`super::encode`] writes the same text in one pass ([`super::write`]); this is what its tests
/// compare it with.
#[derive(Serialize)]
pub(super) struct File<'a> {
    #[serde(flatten)]
    head: Head<'a>,
    /// The deals.
    deals: Vec<&'a Deal>,
    /// Unknown top-level fields, kept.
    #[serde(flatten)]
    extra: &'a BTreeMap<String, Value>,
}

impl<'a> File<'a> {
    pub(super) fn of(plan: &'a Plan, exported_at: DateTime<Utc>) -> File<'a> {
        File {
            head: Head::of(plan, exported_at),
            deals: plan.deals.iter().map(|d| &**d).collect(),
            extra: &plan.extra,
        }
    }
}

/// Everything of a plan file before its deals.
#[derive(Serialize)]
pub(super) struct Head<'a> {
    /// Always `"keyplan.plan"`.
    format: &'static str,
    /// The latest version ([`Version::LATEST`]): 2.
    version: u64,
    /// The plan's title.
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
    /// ISO 4217 code of every amount; CNY when absent.
    currency: &'a Currency,
    /// The method in use, when it differs from the default one.
    #[serde(skip_serializing_if = "Option::is_none")]
    method: Option<&'a Method>,
    /// Sales targets.
    #[serde(skip_serializing_if = "<[Quota]>::is_empty")]
    quotas: &'a [Quota],
    /// The team's targets handed down in parts.
    #[serde(skip_serializing_if = "<[Target]>::is_empty")]
    targets: &'a [Target],
    /// A table's copy of a workshop case: the workshop, the table and its exercise.
    #[serde(skip_serializing_if = "Option::is_none")]
    workshop: Option<&'a WorkshopHeader>,
    /// Since issue 13: the forecast frozen each time a period was closed.
    #[serde(skip_serializing_if = "is_none_kept")]
    snapshots: snapshots::Written<'a>,
    /// When the file was written.
    exported_at: DateTime<Utc>,
}

impl<'a> Head<'a> {
    pub(super) fn of(plan: &'a Plan, exported_at: DateTime<Utc>) -> Head<'a> {
        Head {
            format: FORMAT,
            version: Version::LATEST.number(),
            title: plan.title.as_deref(),
            currency: &plan.currency,
            method: (*plan.method != Method::default()).then_some(&*plan.method),
            quotas: &plan.quotas,
            targets: &plan.targets,
            workshop: plan.workshop.as_ref(),
            snapshots: snapshots::Written(&plan.snapshots),
            exported_at,
        }
    }
}

fn is_none_kept(written: &snapshots::Written) -> bool {
    written.0.is_empty()
}

/// Reads the rest of a version-1 file whose `format` and `version` were taken already. `mark`
/// stands in for lone surrogate escapes ([`super::surrogates`]), when the file had any.
pub(super) fn read(
    mut top: Object,
    version: Version,
    mode: Mode,
    mark: Option<char>,
) -> Result<Parsed, Unreadable> {
    let deals = match top.take("deals") {
        Some(value) => array(&top.at().key("deals"), value)
            .map_err(Unreadable::Invalid)?
            .into_iter()
            .map(Item::Value)
            .collect(),
        None => {
            return Err(Unreadable::Invalid(problem(
                &top.at().key("deals"),
                ProblemKind::Required,
            )))
        }
    };
    read_rest(top, version, deals, mode, mark).expect("deals read as values never give up")
}

/// [`read`] with the deals as they are written, the top level having been read around them (the
/// quick way, see [`super::quick`]): `None` when a deal cannot be taken as a JSON value where it
/// sits (too deeply nested), so that the whole file is read the careful way, which says why.
pub(super) fn read_written(
    top: Object,
    version: Version,
    written: Vec<&RawValue>,
    mode: Mode,
) -> Option<Result<Parsed, Unreadable>> {
    let deals = written.into_iter().map(Item::Written).collect();
    read_rest(top, version, deals, mode, None)
}

/// [`read`] with every deal typed already (the quick way's single pass, see [`quick::file`]):
/// `None` when two of them have the same id, so that the file is read deal by deal, which names
/// the problem.
pub(super) fn read_typed(
    mut top: Object,
    version: Version,
    typed: quick::Typed,
    mode: Mode,
) -> Option<Result<Parsed, Unreadable>> {
    let frame = match read_frame(&mut top, version, mode) {
        Ok(frame) => frame,
        Err(problem) => return Some(Err(Unreadable::Invalid(problem))),
    };
    let ids: Vec<&str> = typed.deals.iter().map(|deal| deal.id.as_str()).collect();
    if keyplan_wire::has_duplicates(&ids) {
        return None;
    }
    drop(ids);
    let out = Deals {
        deals: typed.deals,
        rejected: Vec::new(),
        stamped: typed.stamped,
        undated: typed.undated,
    };
    Some(assemble(top, frame, out, mode))
}

fn read_rest(
    mut top: Object,
    version: Version,
    deals: Vec<Item>,
    mode: Mode,
    mark: Option<char>,
) -> Option<Result<Parsed, Unreadable>> {
    let frame = match read_frame(&mut top, version, mode) {
        Ok(frame) => frame,
        Err(problem) => return Some(Err(Unreadable::Invalid(problem))),
    };
    let read = read_deals(deals, mode, mark)?;
    Some(assemble(top, frame, read, mode))
}

/// The plan of a file from its frame (with the targets a lenient read left out), its deals as
/// read and what is left of its top level (the snapshots, then the unknown fields kept as they
/// came); a strict read refuses the file for the first deal left out.
fn assemble(
    mut top: Object,
    (frame, left_out): (Plan, Vec<Problem>),
    mut read: Deals,
    mode: Mode,
) -> Result<Parsed, Unreadable> {
    if mode == Mode::Strict && !read.rejected.is_empty() {
        return Err(Unreadable::Invalid(read.rejected.remove(0).problem));
    }
    let (snapshots, snapshot_problems) = snapshots::read(top.take("snapshots"));
    let extra = top.rest().into_iter().collect();
    Ok(Parsed {
        plan: Plan {
            deals: read.deals,
            snapshots,
            extra,
            ..frame
        },
        rejected: read.rejected,
        snapshot_problems,
        stamped: read.stamped,
        undated: read.undated,
        left_out,
    })
}

/// Everything of the plan but its deals and unknown fields, and the targets a lenient read left
/// out.
fn read_frame(top: &mut Object, version: Version, mode: Mode) -> Read<(Plan, Vec<Problem>)> {
    let title = top.optional_with("title", string)?;
    let currency = top
        .optional_with("currency", |at, value| {
            let code = string(at, value)?;
            Currency::parse(&code)
                .ok_or_else(|| problem(at, ProblemKind::NotACurrency(quoted(&code))))
        })?
        .unwrap_or_default();
    let method = top
        .optional_with("method", read_method)?
        .unwrap_or_else(|| match version {
            Version::V1 => Method::before_evidence(),
            Version::V2 => Method::default(),
        });
    let quotas = top
        .optional_with("quotas", |at, value| each(at, value, read_quota))?
        .unwrap_or_default();
    let (targets, left_out) = split::targets(top, mode)?;
    let workshop = top.optional_with("workshop", read_workshop)?;
    top.optional_with("exported_at", date_time)?;
    Ok((
        Plan {
            title,
            currency,
            method: Rc::new(method),
            quotas,
            targets,
            deals: Vec::new(),
            workshop,
            snapshots: Default::default(),
            extra: BTreeMap::new(),
        },
        left_out,
    ))
}

/// The workshop header: `id` and `table` are required (a table's copy always has both), the
/// exercise may be absent.
fn read_workshop(at: &At, value: Value) -> Read<WorkshopHeader> {
    let mut header = Object::new(*at, value)?;
    Ok(WorkshopHeader {
        id: header.required_with("id", string)?,
        table: header.required_with("table", string)?,
        exercise: header.text("exercise")?,
    })
}

fn read_quota(at: &At, value: Value) -> Read<Quota> {
    let mut quota = Object::new(*at, value)?;
    Ok(Quota {
        owner: quota.optional_with("owner", string)?,
        period: quota.required_with("period", |at, value| {
            let text = string(at, value)?;
            QuotaPeriod::parse(&text)
                .ok_or_else(|| problem(at, ProblemKind::NotAQuotaPeriod(quoted(&text))))
        })?,
        amount: quota.required_with("amount", amount)?,
    })
}

/// A method: eight stages in order, probabilities 0–100, gate item ids unique across the method.
fn read_method(at: &At, value: Value) -> Read<Method> {
    let mut method = Object::new(*at, value)?;
    let stages = method.required_with("stages", array)?;
    let at = at.key("stages");
    let count = stages.len();
    let Ok(stages) = <[Value; 8]>::try_from(stages) else {
        return Err(problem(&at, ProblemKind::StageCount(count)));
    };
    let mut ids = HashSet::new();
    let mut read = Vec::with_capacity(8);
    for (i, (rules, expected_stage)) in stages.into_iter().zip(Stage::ALL).enumerate() {
        let mut rules = Object::new(at.index(i), rules)?;
        let stage = rules.required_with("stage", stage)?;
        if stage != expected_stage {
            return Err(problem(
                &rules.at().key("stage"),
                ProblemKind::StageOrder {
                    expected: expected_stage,
                    found: stage,
                },
            ));
        }
        let probability = rules.required_with("probability", |at, v| whole_at_most(at, v, 100))?;
        let stale_days = rules.required_with("stale_days", |at, v| {
            whole_at_most(at, v, u64::from(u32::MAX))
        })?;
        let gate = rules.required_with("gate", |at, value| {
            each(at, value, |at, item| {
                let item = read_gate_item(at, item)?;
                if !ids.insert(item.id.clone()) {
                    return Err(problem(
                        &at.key("id"),
                        ProblemKind::ItemIdUsedTwice(quoted(item.id.as_str())),
                    ));
                }
                Ok(item)
            })
        })?;
        read.push(StageRules {
            stage,
            probability: probability as u8,
            stale_days: stale_days as u32,
            gate,
        });
    }
    let stages = <[StageRules; 8]>::try_from(read).expect("eight stages were read");
    let people = method.optional_with("people", people::rules)?;
    Ok(Method {
        stages,
        people: people.unwrap_or_default(),
    })
}

fn read_gate_item(at: &At, value: Value) -> Read<GateItem> {
    let mut item = Object::new(*at, value)?;
    let id = GateId(item.required_with("id", string)?);
    let text = item.required_with("text", |at, value| {
        let mut text = Object::new(*at, value)?;
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
        evidence: item.optional_with("evidence", boolean)?.unwrap_or(false),
        map: item.optional_with("map", people::map_rule)?,
    })
}

/// The deals of a file, read one by one.
struct Deals {
    deals: Vec<Rc<Deal>>,
    /// The deals left out (a strict read stops at the first, and refuses the file for it).
    rejected: Vec<Rejected>,
    stamped: usize,
    undated: BTreeSet<DealId>,
}

/// A deal of the file: as written (tried the quick way first), or already a JSON value.
enum Item<'t> {
    Written(&'t RawValue),
    Value(Value),
}

/// Reads each deal on its own; the good ones in file order, and the rejected ones. A deal whose
/// id an earlier deal of the file already used (whether that one was read or not) is rejected,
/// and so is a deal with a lone surrogate escape anywhere in it (`mark` stands in for those).
/// `None` when a deal as written is nested too deeply to be read as a value where it sits.
fn read_deals(values: Vec<Item>, mode: Mode, mark: Option<char>) -> Option<Deals> {
    let mut seen = HashSet::with_capacity(values.len());
    let mut out = Deals {
        deals: Vec::with_capacity(values.len()),
        rejected: Vec::new(),
        stamped: 0,
        undated: BTreeSet::new(),
    };
    let top = At::Top;
    let list = top.key("deals");
    for (index, item) in values.into_iter().enumerate() {
        let value = match item {
            Item::Written(raw) => match quick::deal(raw, mode, &seen) {
                Some((deal, [created, updated])) => {
                    seen.insert(deal.id.as_str().to_string());
                    out.stamped += usize::from(created || updated);
                    if updated {
                        out.undated.insert(deal.id.clone());
                    }
                    out.deals.push(Rc::new(deal));
                    continue;
                }
                // inside the top-level object and the list of deals
                None => quick::value_at(raw, 2)?,
            },
            Item::Value(value) => value,
        };
        let at = list.index(index);
        let deal = match mark.and_then(|mark| surrogates::marked(&value, mark, &at)) {
            Some(broken) => Err(Broken {
                id: value
                    .get("id")
                    .and_then(Value::as_str)
                    .filter(|id| !mark.is_some_and(|mark| id.contains(mark)))
                    .map(str::to_string),
                problem: broken,
            }),
            None => read_one(at, value, mode, &mut seen),
        };
        match deal {
            Ok((deal, stamped)) => {
                out.stamped += usize::from(stamped.created || stamped.updated);
                if stamped.updated {
                    out.undated.insert(deal.id.clone());
                }
                out.deals.push(Rc::new(deal));
            }
            Err(Broken { id, problem }) => {
                out.rejected.push(Rejected { index, id, problem });
                if mode == Mode::Strict {
                    break;
                }
            }
        }
    }
    Some(out)
}

/// A deal that could not be read: its id when it had a readable one, and the first problem.
struct Broken {
    id: Option<String>,
    problem: Problem,
}

/// One deal at `at`: its id (unique in the file, remembered in `seen`), then the rest.
fn read_one(
    at: At,
    value: Value,
    mode: Mode,
    seen: &mut HashSet<String>,
) -> Result<(Deal, Stamped), Broken> {
    let broken = |id: Option<&str>, problem| Broken {
        id: id.map(str::to_string),
        problem,
    };
    let mut object = Object::new(at, value).map_err(|p| broken(None, p))?;
    let id = object
        .required_with("id", string)
        .map_err(|p| broken(None, p))?;
    if id.trim().is_empty() {
        let problem = problem(
            &object.at().key("id"),
            ProblemKind::Field(crate::domain::validate::Problem::Required),
        );
        return Err(broken(Some(&id), problem));
    }
    if !seen.insert(id.clone()) {
        let problem = problem(&at, ProblemKind::DealIdUsedTwice(quoted(&id)));
        return Err(broken(Some(&id), problem));
    }
    let id = DealId::new(id);
    read_deal(id.clone(), object, mode).map_err(|p| broken(Some(id.as_str()), p))
}

/// Which timestamps of a deal were missing and took the time of the import.
#[derive(Default)]
struct Stamped {
    created: bool,
    updated: bool,
}

/// The fields of one deal after its id, in the file format's order, then the editor's rules.
/// Also which timestamps were missing and took the time of the import.
fn read_deal(id: DealId, mut deal: Object, mode: Mode) -> Read<(Deal, Stamped)> {
    let mut stamped = Stamped::default();
    let moment = |deal: &mut Object, key: &str, missing: &mut bool| -> Read<DateTime<Utc>> {
        match mode {
            Mode::Strict => deal.required_with(key, date_time),
            Mode::Lenient { now } => Ok(match deal.optional_with(key, date_time)? {
                Some(at) => at,
                None => {
                    *missing = true;
                    now
                }
            }),
        }
    };
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
            .optional_with("probability", |at, v| whole_at_most(at, v, 100))?
            .map(|p| p as u8),
        category: deal.optional_with("category", read_category)?,
        gates: deal.optional_with("gates", read_gates)?.unwrap_or_default(),
        history: deal
            .optional_with("history", |at, value| each(at, value, read_stage_change))?
            .unwrap_or_default(),
        self_check: deal
            .optional_with("self_check", |at, value| each(at, value, string))?
            .map(BTreeSet::from_iter)
            .unwrap_or_default(),
        strategies: deal
            .optional_with("strategies", strategies)?
            .unwrap_or_default(),
        people: people::read(&mut deal)?,
        bonus: deal.optional_with("bonus", split::bonus)?,
        created: moment(&mut deal, "created", &mut stamped.created)?,
        updated: moment(&mut deal, "updated", &mut stamped.updated)?,
        extra: BTreeMap::new(),
    };
    if let Some(error) = check_deal(&read).into_iter().next() {
        return Err(problem(
            &deal.at().key(error.field.key()),
            ProblemKind::Field(error.problem),
        ));
    }
    Ok((
        Deal {
            extra: deal.rest().into_iter().collect(),
            ..read
        },
        stamped,
    ))
}

fn read_status(at: &At, value: Value) -> Read<DealStatus> {
    let text = string(at, value)?;
    DealStatus::parse(&text).ok_or_else(|| problem(at, ProblemKind::UnknownStatus(quoted(&text))))
}

fn read_category(at: &At, value: Value) -> Read<Category> {
    let text = string(at, value)?;
    Category::parse(&text).ok_or_else(|| problem(at, ProblemKind::UnknownCategory(quoted(&text))))
}

fn read_gates(at: &At, value: Value) -> Read<BTreeMap<GateId, GateCheck>> {
    let gates = Object::new(*at, value)?;
    gates
        .rest()
        .into_iter()
        .map(|(id, check)| {
            let mut check = Object::new(at.key(&id), check)?;
            let on = check.required_with("on", date)?;
            let evidence = check.text("evidence")?;
            Ok((GateId(id), GateCheck { on, evidence }))
        })
        .collect()
}

fn read_stage_change(at: &At, value: Value) -> Read<StageChange> {
    let mut change = Object::new(*at, value)?;
    Ok(StageChange {
        from: change.required_with("from", stage)?,
        to: change.required_with("to", stage)?,
        at: change.required_with("at", date_time)?,
        reason: change.text("reason")?,
        missing: change
            .optional_with("missing", |at, value| {
                each(at, value, |at, id| Ok(GateId(string(at, id)?)))
            })?
            .unwrap_or_default(),
        status: change.optional_with("status", read_status)?,
        competitor: change.text("competitor")?,
        close: change.optional_with("close", |at, value| {
            let mut close = Object::new(*at, value)?;
            Ok(CloseMove {
                was: close.optional_with("was", date)?,
                now: close.optional_with("now", date)?,
            })
        })?,
    })
}
