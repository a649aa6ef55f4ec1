//! The quick way through a deal written the way keyplan writes it: parsed by `keyplan-wire`
//! (`wire/`, built for speed) borrowing the file's text, then typed here, with no JSON value in
//! between. A file whose deals all go the quick way is read in a single pass ([`file`]), each
//! deal typed as soon as it is parsed; otherwise each deal is tried on its own ([`deal`]). A
//! deal it does not take exactly as it is (an unknown field, a duplicate key, a wrong type, a
//! broken rule, an id used before) goes the careful way ([`super::v1`]), which names the
//! problem. Both ways give the same deal for every deal the quick way takes (`tests/import.rs`
//! checks it on generated files).
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::rc::Rc;

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, Utc};
use keyplan_wire::{Change, Gates, Wire};
use serde_json::value::RawValue;
use serde_json::{Map, Value};

use super::json::{parse_amount, At, Object};
use super::Mode;
use crate::domain::category::Category;
use crate::domain::deal::{CloseMove, Deal, DealId, DealStatus, GateCheck, StageChange};
use crate::domain::method::GateId;
use crate::domain::money::Money;
use crate::domain::people::People;
use crate::domain::stage::Stage;
use crate::domain::validate::check_deal;

/// The deals of a file read in one pass, in file order (their ids not yet checked against each
/// other), with how many took the time of the import for a missing timestamp and which ones
/// for a missing `updated` (see [`super::Parsed`]).
pub(super) struct Typed {
    pub(super) deals: Vec<Rc<Deal>>,
    pub(super) stamped: usize,
    pub(super) undated: BTreeSet<DealId>,
}

/// A file whose deals are all written the way keyplan writes them, read in one pass: the
/// top-level fields but `deals` as JSON values, and each deal typed as soon as it is parsed
/// (no deal as written is kept). `None` when the text is not such a file (not JSON, no `deals`
/// list, a key given twice at the top, a deal the quick way does not take): it is then read
/// deal by deal, which names every problem.
pub(super) fn file(text: &str, mode: Mode) -> Option<(Map<String, Value>, Typed)> {
    let mut out = Typed {
        deals: Vec::new(),
        stamped: 0,
        undated: BTreeSet::new(),
    };
    let written = keyplan_wire::file(text, &mut |wire| match typed(wire, mode) {
        Some((deal, [created, updated])) => {
            out.stamped += usize::from(created || updated);
            if updated {
                out.undated.insert(deal.id.clone());
            }
            out.deals.push(Rc::new(deal));
            true
        }
        None => false,
    })?;
    let mut rest = Map::new();
    for (key, raw) in written {
        // inside the top-level object
        if rest.insert(key.into_owned(), value_at(raw, 1)?).is_some() {
            return None;
        }
    }
    Some((rest, out))
}

/// The deal in `raw`, when the quick way takes it whole: `None` sends it the careful way. Its id
/// is checked against `seen` (the ids before it) but not added: the caller does that.
/// `stamped` says which of its timestamps took the time of the import.
pub(super) fn deal(
    raw: &RawValue,
    mode: Mode,
    seen: &HashSet<String>,
) -> Option<(Deal, [bool; 2])> {
    let wire = keyplan_wire::deal(raw.get())?;
    if seen.contains(wire.id.as_ref()) {
        return None;
    }
    typed(wire, mode)
}

/// The deal of a [`Wire`], when it keeps every rule (its id not checked against the others).
pub(super) fn typed(wire: Wire, mode: Mode) -> Option<(Deal, [bool; 2])> {
    if wire.id.trim().is_empty() {
        return None;
    }
    let mut stamped = [false; 2];
    let moment = |text: Option<Cow<str>>, missing: &mut bool| match (text, mode) {
        (Some(text), _) => date_time(&text),
        (None, Mode::Strict) => None,
        (None, Mode::Lenient { now }) => {
            *missing = true;
            Some(now)
        }
    };
    let [created_missing, updated_missing] = &mut stamped;
    let created = moment(wire.created, created_missing)?;
    let updated = moment(wire.updated, updated_missing)?;
    let deal = Deal {
        id: DealId::new(wire.id.into_owned()),
        name: wire.name,
        customer: wire.customer,
        amount: amount(wire.amount)?,
        stage: Stage::parse(&wire.stage)?,
        status: match wire.status {
            Some(code) => DealStatus::parse(&code)?,
            None => DealStatus::default(),
        },
        expected_close: optional(wire.expected_close.as_deref(), date)?,
        closed_on: optional(wire.closed_on.as_deref(), date)?,
        owner: text(wire.owner),
        product: text(wire.product),
        region: text(wire.region),
        segment: text(wire.segment),
        next_step: text(wire.next_step),
        notes: text(wire.notes),
        probability: match wire.probability {
            Some(raw) => Some(percent(raw.get())?),
            None => None,
        },
        category: optional(wire.category.as_deref(), Category::parse)?,
        gates: match wire.gates {
            Some(gates) => checks(gates)?,
            None => BTreeMap::new(),
        },
        history: match wire.history {
            Some(history) => changes(history)?,
            None => Vec::new(),
        },
        self_check: wire.self_check.map(BTreeSet::from_iter).unwrap_or_default(),
        strategies: match wire.strategies {
            // as the careful way reads them, inside the top-level object, the deals and the deal
            Some(raw) => super::json::strategies(&At::Top, value_at(raw, 3)?).ok()?,
            None => Default::default(),
        },
        created,
        updated,
        people: people(&[
            ("contacts", wire.contacts),
            ("links", wire.links),
            ("competitors", wire.competitors),
            ("swot", wire.swot),
            ("review", wire.review),
        ])?,
        bonus: match wire.bonus {
            // as the careful way reads it, inside the top-level object, the deals and the deal
            Some(raw) => Some(super::split::bonus(&At::Top, value_at(raw, 3)?).ok()?),
            None => None,
        },
        extra: BTreeMap::new(),
    };
    check_deal(&deal).is_empty().then_some((deal, stamped))
}

/// A deal's people, through the careful reader of people ([`super::people`]) given only those
/// fields (there are few of them in a deal, and its rules are many).
fn people(fields: &[(&str, Option<&RawValue>)]) -> Option<People> {
    if fields.iter().all(|(_, raw)| raw.is_none()) {
        return Some(People::default());
    }
    let mut values = serde_json::Map::new();
    for (key, raw) in fields {
        if let Some(raw) = raw {
            // inside the top-level object, the list of deals and the deal
            values.insert(key.to_string(), value_at(raw, 3)?);
        }
    }
    super::people::read(&mut Object::of(At::Top, values)).ok()
}

/// `raw` as a JSON value, read as deep in as it sits in the file (`depth` arrays or objects
/// around it), so that serde_json's limit on nesting refuses it exactly where reading the whole
/// file would; `None` then.
pub(super) fn value_at(raw: &RawValue, depth: usize) -> Option<serde_json::Value> {
    let text = format!("{}{}{}", "[".repeat(depth), raw.get(), "]".repeat(depth));
    let mut value: serde_json::Value = serde_json::from_str(&text).ok()?;
    for _ in 0..depth {
        value = match value {
            serde_json::Value::Array(mut items) => items.pop()?,
            _ => return None,
        };
    }
    Some(value)
}

/// A deal's gate checks; a key given twice: the last one counts, as in a JSON value.
fn checks(gates: Gates) -> Option<BTreeMap<GateId, GateCheck>> {
    let mut checks = BTreeMap::new();
    for (id, check) in gates.0 {
        let on = date(&check.on)?;
        let evidence = text(check.evidence);
        checks.insert(GateId(id), GateCheck { on, evidence });
    }
    Some(checks)
}

/// A deal's history, in a list of its own length (collected through `Option`, a list would not
/// know its length and take room for four).
fn changes(wires: Vec<Change>) -> Option<Vec<StageChange>> {
    let mut history = Vec::with_capacity(wires.len());
    for wire in wires {
        history.push(change(wire)?);
    }
    Some(history)
}

fn change(wire: Change) -> Option<StageChange> {
    Some(StageChange {
        from: Stage::parse(&wire.from)?,
        to: Stage::parse(&wire.to)?,
        at: date_time(&wire.at)?,
        reason: text(wire.reason),
        missing: wire
            .missing
            .unwrap_or_default()
            .into_iter()
            .map(GateId)
            .collect(),
        status: match wire.status {
            Some(code) => Some(DealStatus::parse(&code)?),
            None => None,
        },
        competitor: text(wire.competitor),
        close: match wire.close {
            Some(close) => Some(CloseMove {
                was: optional(close.was.as_deref(), date)?,
                now: optional(close.now.as_deref(), date)?,
            }),
            None => None,
        },
    })
}

/// Optional text: absent (or `null`) is empty.
fn text(text: Option<Cow<str>>) -> String {
    text.map(Cow::into_owned).unwrap_or_default()
}

/// `None` for absent, `Some(None)` when present but not read.
fn optional<T>(text: Option<&str>, read: impl FnOnce(&str) -> Option<T>) -> Option<Option<T>> {
    match text {
        None => Some(None),
        Some(text) => read(text).map(Some),
    }
}

/// A JSON number (a numeric string goes the careful way).
fn amount(raw: &RawValue) -> Option<Money> {
    let text = raw.get();
    if let Some(money) = Money::parse_plain(text) {
        return Some(money);
    }
    if !text.starts_with(|c: char| c == '-' || c.is_ascii_digit()) {
        return None;
    }
    parse_amount(text).ok()
}

/// A whole number from 0 to 100 written with digits only.
fn percent(text: &str) -> Option<u8> {
    let n = if text.len() <= 3 {
        keyplan_wire::digits(text.as_bytes())?
    } else {
        return None;
    };
    u8::try_from(n).ok().filter(|p| *p <= 100)
}

/// `YYYY-MM-DD` read by hand; any other spelling as chrono reads it.
fn date(text: &str) -> Option<NaiveDate> {
    match ymd(text.as_bytes()) {
        Some(day) => day,
        None => text.parse().ok(),
    }
}

/// `Some` when `bytes` are spelled `YYYY-MM-DD` (then the day, if there is one).
fn ymd(bytes: &[u8]) -> Option<Option<NaiveDate>> {
    keyplan_wire::ymd(bytes).map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d))
}

/// `YYYY-MM-DDTHH:MM:SSZ` (how keyplan writes moments) read by hand; any other spelling as chrono
/// reads it.
fn date_time(text: &str) -> Option<DateTime<Utc>> {
    match keyplan_wire::ymd_hms(text.as_bytes()) {
        // a leap second (`:60`) is left to chrono
        Some(((y, mo, d), (h, mi, s))) if s < 60 => {
            let day = NaiveDate::from_ymd_opt(y, mo, d)?;
            let time = NaiveTime::from_hms_opt(h, mi, s)?;
            Some(NaiveDateTime::new(day, time).and_utc())
        }
        _ => text.parse().ok(),
    }
}
