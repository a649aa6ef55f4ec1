//! The quick way through a deal written the way keyplan writes it: typed in one pass, borrowing
//! the file's text, with no JSON value in between. A file whose deals all go the quick way is
//! read in a single pass ([`file`]); otherwise each deal is tried on its own ([`deal`]). A deal it does not take exactly as it is (an
//! unknown field, a duplicate key, a wrong type, a broken rule, an id used before) goes the
//! careful way ([`super::v1`]), which names the problem. Both ways give the same deal for every
//! deal the quick way takes (`tests/import.rs` checks it on generated files).
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashSet};

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, Utc};
use serde::de::{Deserializer, Error as _, MapAccess, Visitor};
use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::{Map, Value};

use super::json::{parse_amount, At, Object};
use super::Mode;
use crate::domain::category::Category;
use crate::domain::deal::{CloseMove, Deal, DealId, DealStatus, GateCheck, StageChange};
use crate::domain::method::GateId;
use crate::domain::people::People;
use crate::domain::stage::Stage;
use crate::domain::validate::check_deal;

/// A deal as the quick way reads it; `null` counts as absent, as it does the careful way.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Wire<'a> {
    #[serde(borrow)]
    pub(super) id: Cow<'a, str>,
    name: String,
    customer: String,
    #[serde(borrow)]
    amount: &'a RawValue,
    #[serde(borrow)]
    stage: Cow<'a, str>,
    #[serde(borrow)]
    status: Option<Cow<'a, str>>,
    #[serde(borrow)]
    expected_close: Option<Cow<'a, str>>,
    #[serde(borrow)]
    closed_on: Option<Cow<'a, str>>,
    #[serde(borrow)]
    owner: Option<Cow<'a, str>>,
    #[serde(borrow)]
    product: Option<Cow<'a, str>>,
    #[serde(borrow)]
    region: Option<Cow<'a, str>>,
    #[serde(borrow)]
    segment: Option<Cow<'a, str>>,
    #[serde(borrow)]
    next_step: Option<Cow<'a, str>>,
    #[serde(borrow)]
    notes: Option<Cow<'a, str>>,
    #[serde(borrow)]
    probability: Option<&'a RawValue>,
    #[serde(borrow)]
    category: Option<Cow<'a, str>>,
    #[serde(borrow)]
    gates: Option<BTreeMap<String, WireCheck<'a>>>,
    #[serde(borrow)]
    history: Option<Vec<WireChange<'a>>>,
    self_check: Option<Vec<String>>,
    #[serde(borrow)]
    strategies: Option<&'a RawValue>,
    #[serde(borrow)]
    created: Option<Cow<'a, str>>,
    #[serde(borrow)]
    updated: Option<Cow<'a, str>>,
    #[serde(borrow)]
    contacts: Option<&'a RawValue>,
    #[serde(borrow)]
    links: Option<&'a RawValue>,
    #[serde(borrow)]
    competitors: Option<&'a RawValue>,
    #[serde(borrow)]
    swot: Option<&'a RawValue>,
    #[serde(borrow)]
    review: Option<&'a RawValue>,
    #[serde(borrow)]
    bonus: Option<&'a RawValue>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WireCheck<'a> {
    #[serde(borrow)]
    on: Cow<'a, str>,
    #[serde(borrow)]
    evidence: Option<Cow<'a, str>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WireChange<'a> {
    #[serde(borrow)]
    from: Cow<'a, str>,
    #[serde(borrow)]
    to: Cow<'a, str>,
    #[serde(borrow)]
    at: Cow<'a, str>,
    #[serde(borrow)]
    reason: Option<Cow<'a, str>>,
    missing: Option<Vec<String>>,
    #[serde(borrow)]
    status: Option<Cow<'a, str>>,
    #[serde(borrow)]
    competitor: Option<Cow<'a, str>>,
    #[serde(borrow)]
    close: Option<WireClose<'a>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WireClose<'a> {
    #[serde(borrow)]
    was: Option<Cow<'a, str>>,
    #[serde(borrow)]
    now: Option<Cow<'a, str>>,
}

/// A file whose deals are all written the way keyplan writes them, read in one pass: the
/// top-level fields but `deals` as JSON values, and the deals as [`Wire`]s. `None` when the text
/// is not such a file (not JSON, no `deals` list, a key given twice at the top, a deal the quick
/// way does not take): it is then read deal by deal, which names every problem.
pub(super) fn file(text: &str) -> Option<(Map<String, Value>, Vec<Wire<'_>>)> {
    let file: File = serde_json::from_str(text).ok()?;
    Some((file.rest, file.deals?))
}

/// The top level of a plan file, its deals typed (see [`file`]).
struct File<'a> {
    rest: Map<String, Value>,
    deals: Option<Vec<Wire<'a>>>,
}

impl<'de> Deserialize<'de> for File<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(TopLevel)
    }
}

struct TopLevel;

impl<'de> Visitor<'de> for TopLevel {
    type Value = File<'de>;

    fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
        formatter.write_str("a plan file")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<File<'de>, A::Error> {
        let mut file = File {
            rest: Map::new(),
            deals: None,
        };
        let twice = || A::Error::custom("a key given twice");
        while let Some(key) = map.next_key::<Cow<'de, str>>()? {
            if key == "deals" {
                if file.deals.replace(map.next_value()?).is_some() {
                    return Err(twice());
                }
            } else if file
                .rest
                .insert(key.into_owned(), map.next_value()?)
                .is_some()
            {
                return Err(twice());
            }
        }
        Ok(file)
    }
}

/// The deal in `raw`, when the quick way takes it whole: `None` sends it the careful way. Its id
/// is checked against `seen` (the ids before it) but not added: the caller does that.
/// `stamped` says which of its timestamps took the time of the import.
pub(super) fn deal(
    raw: &RawValue,
    mode: Mode,
    seen: &HashSet<String>,
) -> Option<(Deal, [bool; 2])> {
    let wire: Wire = serde_json::from_str(raw.get()).ok()?;
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
        gates: wire
            .gates
            .unwrap_or_default()
            .into_iter()
            .map(|(id, check)| {
                Some((
                    GateId(id),
                    GateCheck {
                        on: date(&check.on)?,
                        evidence: text(check.evidence),
                    },
                ))
            })
            .collect::<Option<_>>()?,
        history: wire
            .history
            .unwrap_or_default()
            .into_iter()
            .map(change)
            .collect::<Option<_>>()?,
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

fn change(wire: WireChange) -> Option<StageChange> {
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
fn amount(raw: &RawValue) -> Option<crate::domain::money::Money> {
    let text = raw.get();
    if !text.starts_with(|c: char| c == '-' || c.is_ascii_digit()) {
        return None;
    }
    parse_amount(text).ok()
}

/// A whole number from 0 to 100 written with digits only.
fn percent(text: &str) -> Option<u8> {
    let n = if text.len() <= 3 {
        digits(text.as_bytes())?
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
    match bytes {
        [y0, y1, y2, y3, b'-', m0, m1, b'-', d0, d1] => Some((|| {
            NaiveDate::from_ymd_opt(
                digits(&[*y0, *y1, *y2, *y3])? as i32,
                digits(&[*m0, *m1])?,
                digits(&[*d0, *d1])?,
            )
        })()),
        _ => None,
    }
}

/// `YYYY-MM-DDTHH:MM:SSZ` (how keyplan writes moments) read by hand; any other spelling as chrono
/// reads it.
fn date_time(text: &str) -> Option<DateTime<Utc>> {
    if let [day @ .., b'T', h0, h1, b':', n0, n1, b':', s0, s1, b'Z'] = text.as_bytes() {
        if let Some(day) = ymd(day) {
            let (h, m, s) = (
                digits(&[*h0, *h1])?,
                digits(&[*n0, *n1])?,
                digits(&[*s0, *s1])?,
            );
            // a leap second (`:60`) is left to chrono
            if s < 60 {
                let time = NaiveTime::from_hms_opt(h, m, s)?;
                return Some(NaiveDateTime::new(day?, time).and_utc());
            }
        }
    }
    text.parse().ok()
}

/// ASCII digits as a number; `None` for anything else.
fn digits(bytes: &[u8]) -> Option<u32> {
    bytes.iter().try_fold(0u32, |n, b| {
        b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0'))
    })
}
