//! The plan file's `snapshots` (since issue 13): written compactly, a deal as an array of numbers
//! (docs/plan-format.md), and read one snapshot at a time: a snapshot that cannot be read is
//! kept as it came, listed, and never refuses the file.
use std::rc::Rc;

use chrono::{Datelike, Days, NaiveDate};
use serde::ser::{SerializeSeq, Serializer};
use serde::Serialize;
use serde_json::Value;

use super::error::Kind;
use super::error::{Problem, ProblemKind};
use super::json::{
    array, date_time, each, expected, number_text, problem, quoted, string, whole, whole_at_most,
    At, Object, Read,
};
use crate::domain::deal::{DealId, DealStatus};
use crate::domain::money::{AmountError, Money, MAX_DEAL_MINOR};
use crate::domain::period::{Granularity, Period};
use crate::domain::snapshot::{
    find, sort_by_id, Mark, MonthFigures, Snapshot, Snapshots, Unreadable,
};
use crate::domain::stage::Stage;

/// The plan's snapshots as written: the readable ones, each but the first as the changes from
/// the one before it, then the unreadable ones as they came.
pub(super) struct Written<'a>(pub &'a Snapshots);

impl Serialize for Written<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq =
            serializer.serialize_seq(Some(self.0.list.len() + self.0.unreadable.len()))?;
        let mut base: Option<One> = None;
        for snapshot in &self.0.list {
            let one = One::of(snapshot, base.as_ref());
            seq.serialize_element(&one)?;
            base = Some(one);
        }
        for kept in &self.0.unreadable {
            seq.serialize_element(&kept.raw)?;
        }
        seq.end()
    }
}

/// One snapshot as written.
#[derive(Serialize)]
struct One<'a> {
    /// `s-<period>-<milliseconds>`.
    id: &'a str,
    /// `2026-10`, `2026-Q4` or `2026`.
    period: String,
    taken_at: chrono::DateTime<chrono::Utc>,
    /// The method's probabilities then, P0 … P7.
    probabilities: [u8; 8],
    /// The deals' owners; a deal names its owner by position here (the base's owners first).
    owners: Vec<&'a str>,
    /// Per month from the period's first: won, claimed weighted per category, verified weighted
    /// per category, all in minor units (cents).
    figures: Vec<[i64; 9]>,
    /// The snapshot before this one in the file: its deals count as this one's too, but for
    /// those `gone` and those in `deals`.
    #[serde(skip_serializing_if = "Option::is_none")]
    base: Option<&'a str>,
    /// Ids of the base's deals this one does not hold.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    gone: Vec<&'a str>,
    /// `[id, amount in cents, close day as days since 1970-01-01 or null,
    /// status × 100 + claimed stage × 10 + verified stage, owner's position, own probability]`;
    /// the last only when it differs from the claimed stage's. With a base, only the deals new
    /// or changed since.
    deals: Vec<Row<'a>>,
    #[serde(skip)]
    snapshot: &'a Snapshot,
}

struct Row<'a> {
    mark: &'a Mark,
    owner: usize,
    probabilities: &'a [u8; 8],
}

/// An amount in cents as written: a deal's is at most [`MAX_DEAL_MINOR`] (10^14 cents), so a
/// month's sum passes `i64::MAX` only with more than 92,000 deals of the largest amount in that
/// one month; such a sum is written as `i64::MAX` (the reader refuses more than that).
fn cents_out(m: Money) -> i64 {
    i64::try_from(m.minor()).unwrap_or(i64::MAX)
}

/// Days since 1970-01-01 of a day.
fn epoch_day(day: NaiveDate) -> i64 {
    (day - NaiveDate::default()).num_days()
}

impl Serialize for Row<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let m = self.mark;
        let own = m.claimed_probability != self.probabilities[m.claimed.index()];
        let mut seq = serializer.serialize_seq(Some(5 + usize::from(own)))?;
        seq.serialize_element(m.id.as_str())?;
        seq.serialize_element(&cents_out(m.amount))?;
        seq.serialize_element(&m.close.map(epoch_day))?;
        let status = match m.status {
            DealStatus::Open => 0,
            DealStatus::Won => 1,
            DealStatus::Lost => 2,
        };
        seq.serialize_element(&(status * 100 + m.claimed.index() * 10 + m.verified.index()))?;
        seq.serialize_element(&self.owner)?;
        if own {
            seq.serialize_element(&m.claimed_probability)?;
        }
        seq.end()
    }
}

impl<'a> One<'a> {
    fn of(s: &'a Snapshot, base: Option<&One<'a>>) -> One<'a> {
        let mut owners: Vec<&str> = base.map(|b| b.owners.clone()).unwrap_or_default();
        let mut deals = Vec::new();
        for mark in &s.marks {
            // a plan has a few dozen owners at most
            let owner = match owners.iter().position(|o| *o == &*mark.owner) {
                Some(at) => at,
                None => {
                    owners.push(&mark.owner);
                    owners.len() - 1
                }
            };
            // the same mark, and the same claimed probability against its stage's
            let same = base.is_some_and(|b| {
                b.snapshot.mark(&mark.id).is_some_and(|was| {
                    was == mark
                        && (was.claimed_probability
                            == b.snapshot.probabilities[was.claimed.index()])
                            == (mark.claimed_probability == s.probabilities[mark.claimed.index()])
                })
            });
            if !same {
                deals.push(Row {
                    mark,
                    owner,
                    probabilities: &s.probabilities,
                });
            }
        }
        let gone = base
            .map(|b| {
                b.snapshot
                    .marks
                    .iter()
                    .filter(|m| s.mark(&m.id).is_none())
                    .map(|m| m.id.as_str())
                    .collect()
            })
            .unwrap_or_default();
        let figures = s
            .figures
            .iter()
            .map(|f| {
                let mut row = [cents_out(f.won); 9];
                for i in 0..4 {
                    row[1 + i] = cents_out(f.claimed[i]);
                    row[5 + i] = cents_out(f.verified[i]);
                }
                row
            })
            .collect();
        One {
            id: &s.id,
            period: s.period.code(),
            taken_at: s.taken_at,
            probabilities: s.probabilities,
            owners,
            figures,
            base: base.map(|b| b.id),
            gone,
            deals,
            snapshot: s,
        }
    }
}

fn read_period(at: &At, value: Value) -> Read<Period> {
    let text = string(at, value)?;
    let year = crate::domain::period::year(&text)
        .and_then(|y| NaiveDate::from_ymd_opt(y, 1, 1))
        .map(|start| Period {
            start,
            granularity: Granularity::Year,
        });
    year.or_else(|| Period::parse(&text))
        .ok_or_else(|| problem(at, ProblemKind::NotAPeriod(quoted(&text))))
}

/// A whole number that may be negative.
fn integer(at: &At, value: &Value) -> Read<i64> {
    match value {
        Value::Number(n) => n
            .as_i64()
            .ok_or_else(|| problem(at, ProblemKind::NotWhole(number_text(n)))),
        other => Err(expected(at, Kind::Number, other)),
    }
}

/// A sum in cents, as written: at most `i64::MAX` (what the writer can write back unchanged).
fn cents(at: &At, value: Value) -> Read<Money> {
    whole_at_most(at, value, i64::MAX as u64).map(|n| Money::from_minor(i128::from(n)))
}

/// A deal's amount in cents: at most [`MAX_DEAL_MINOR`], as any deal's.
fn deal_cents(at: &At, value: Value) -> Read<Money> {
    match whole_at_most(at, value, MAX_DEAL_MINOR as u64) {
        Err(Problem {
            kind: ProblemKind::MoreThan { .. },
            ..
        }) => Err(problem(at, ProblemKind::Amount(AmountError::TooLarge))),
        read => read.map(|n| Money::from_minor(i128::from(n))),
    }
}

fn row(at: &At, value: Value, min: usize, max: usize) -> Read<Vec<Value>> {
    let items = array(at, value)?;
    if items.len() < min || items.len() > max {
        return Err(problem(
            at,
            ProblemKind::RowLength {
                found: items.len(),
                min,
                max,
            },
        ));
    }
    Ok(items)
}

fn read_one(at: &At, value: Value, earlier: &Snapshots) -> Read<Snapshot> {
    let mut o = Object::new(*at, value)?;
    let id = o.required_with("id", string)?;
    let period = o.required_with("period", read_period)?;
    let taken_at = o.required_with("taken_at", date_time)?;
    let probabilities = o.required_with("probabilities", |at, v| {
        let items = row(at, v, 8, 8)?;
        let mut read = [0u8; 8];
        for (i, item) in items.into_iter().enumerate() {
            read[i] = whole_at_most(&at.index(i), item, 100)? as u8;
        }
        Ok(read)
    })?;
    let owners: Vec<Rc<str>> = o
        .required_with("owners", |at, v| each(at, v, string))?
        .into_iter()
        .map(Rc::from)
        .collect();
    let first = period.first_month();
    let figures = o.required_with("figures", |at, v| {
        let mut month = 0;
        each(at, v, |at, v| {
            let items = row(at, v, 9, 9)?;
            let mut sums = [Money::ZERO; 9];
            for (i, item) in items.into_iter().enumerate() {
                sums[i] = cents(&at.index(i), item)?;
            }
            let figures = MonthFigures {
                month: crate::domain::period::month_start(first + month),
                won: sums[0],
                claimed: [sums[1], sums[2], sums[3], sums[4]],
                verified: [sums[5], sums[6], sums[7], sums[8]],
            };
            month += 1;
            Ok(figures)
        })
    })?;
    let base = o.optional_with("base", |at, v| {
        let id = string(at, v)?;
        earlier
            .get(&id)
            .cloned()
            .ok_or_else(|| problem(at, ProblemKind::UnknownBase(quoted(&id))))
    })?;
    let mut gone: Vec<DealId> = o
        .optional_with("gone", |at, v| each(at, v, string))?
        .unwrap_or_default()
        .into_iter()
        .map(DealId::new)
        .collect();
    gone.sort_unstable();
    let deals_at = at.key("deals");
    let mut marks = o.required_with("deals", |at, v| {
        each(at, v, |at, v| {
            let items = row(at, v, 5, 6)?;
            let mut items = items.into_iter();
            let mut next = || items.next().unwrap_or(Value::Null);
            let id = DealId::new(string(&at.index(0), next())?);
            let amount = deal_cents(&at.index(1), next())?;
            let close = match next() {
                Value::Null => None,
                v => {
                    let days = integer(&at.index(2), &v)?;
                    let day = match days {
                        0.. => NaiveDate::default().checked_add_days(Days::new(days as u64)),
                        _ => None,
                    };
                    Some(day.filter(|d| d.year() < 10_000).ok_or_else(|| {
                        problem(&at.index(2), ProblemKind::NotADate(days.to_string()))
                    })?)
                }
            };
            let code = whole(&at.index(3), next())?;
            let stage = |n: u64| Stage::from_index(n as usize);
            let (status, claimed, verified) =
                match (code / 100, stage(code / 10 % 10), stage(code % 10)) {
                    (s @ 0..=2, Some(c), Some(v)) => (DealStatus::ALL[s as usize], c, v),
                    _ => return Err(problem(&at.index(3), ProblemKind::NotAStageCode(code))),
                };
            let owner_at = whole(&at.index(4), next())?;
            let owner = owners.get(owner_at as usize).cloned().ok_or_else(|| {
                problem(
                    &at.index(4),
                    ProblemKind::MoreThan {
                        value: owner_at.to_string(),
                        max: owners.len().saturating_sub(1) as u64,
                    },
                )
            })?;
            let claimed_probability = match next() {
                Value::Null => probabilities[claimed.index()],
                v => whole_at_most(&at.index(5), v, 100)? as u8,
            };
            Ok(Mark {
                id,
                amount,
                claimed,
                verified,
                status,
                close,
                owner: owner.clone(),
                claimed_probability,
                verified_probability: probabilities[verified.index()],
            })
        })
    })?;
    sort_by_id(&mut marks);
    if let Some(twice) = marks.windows(2).find(|w| w[0].id == w[1].id) {
        let id = quoted(twice[0].id.as_str());
        return Err(problem(&deals_at, ProblemKind::DealIdUsedTwice(id)));
    }
    if let Some(base) = base {
        let kept = base
            .marks
            .iter()
            .filter(|m| gone.binary_search(&m.id).is_err() && find(&marks, &m.id).is_none())
            .cloned()
            .collect::<Vec<_>>();
        marks.extend(kept);
        sort_by_id(&mut marks);
    }
    Ok(Snapshot {
        id,
        period,
        taken_at,
        probabilities,
        figures,
        marks,
    })
}

/// Reads the top-level `snapshots`: the good ones in order, the others kept as they came, with
/// what is wrong with each (`snapshots[2].deals[5][1]: …`). Never refuses the file.
pub(super) fn read(value: Option<Value>) -> (Snapshots, Vec<Problem>) {
    let mut snapshots = Snapshots::default();
    let mut problems = Vec::new();
    let at = At::Top;
    let at = at.key("snapshots");
    let items = match value {
        None | Some(Value::Null) => return (snapshots, problems),
        Some(Value::Array(items)) => items,
        Some(other) => {
            let problem = expected(&at, Kind::Array, &other);
            problems.push(problem.clone());
            snapshots.unreadable.push(Unreadable {
                raw: other,
                problem,
            });
            return (snapshots, problems);
        }
    };
    for (i, item) in items.into_iter().enumerate() {
        let at = at.index(i);
        match read_one(&at, item.clone(), &snapshots) {
            Ok(snapshot) => {
                let id = snapshot.id.clone();
                if !snapshots.insert(Rc::new(snapshot)) {
                    let twice =
                        problem(&at.key("id"), ProblemKind::SnapshotIdUsedTwice(quoted(&id)));
                    problems.push(twice.clone());
                    snapshots.unreadable.push(Unreadable {
                        raw: item,
                        problem: twice,
                    });
                }
            }
            Err(why) => {
                problems.push(why.clone());
                snapshots.unreadable.push(Unreadable {
                    raw: item,
                    problem: why,
                });
            }
        }
    }
    (snapshots, problems)
}
