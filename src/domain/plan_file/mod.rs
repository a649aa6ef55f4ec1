//! The plan file (docs/plan-format.md): one reader for every version, in a strict mode for what
//! the browser holds and a lenient one for imported files, and the writer of the latest version.
//!
//! Versions 1 and 2 share one layout (`v1.rs`) and differ only in what a file without `method`
//! means ([`Version`]). A version with a new layout gets a file of its own, with its reader and
//! a `migrate` from the one before; [`read`] then sends older files through that migration.
mod error;
mod json;
pub mod packed;
mod people;
mod quick;
mod snapshots;
mod split;
mod surrogates;
mod v1;
mod write;

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Utc};
use serde_json::value::RawValue;
use serde_json::Value;

pub use error::{Damage, Kind, NotAPlan, Problem, ProblemKind, Rejected, Unreadable};
use json::{problem, quoted, At, Object};

use super::deal::DealId;
use super::plan::Plan;

/// The `format` marker of every plan file.
pub const FORMAT: &str = "keyplan.plan";

/// The largest file [`read`] takes: 20 MB (20,971,520 bytes), far beyond any real plan.
pub const MAX_FILE_BYTES: usize = 20 * 1024 * 1024;

/// A plan-file version this build knows.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Version {
    V1,
    /// As version 1, but a file without `method` means today's default method, whose deck items
    /// need evidence text for a tick to count; in version 1 it means the method without that.
    V2,
}

impl Version {
    /// The version this build writes.
    pub const LATEST: Version = Version::V2;

    pub fn number(self) -> u64 {
        match self {
            Version::V1 => 1,
            Version::V2 => 2,
        }
    }
}

impl TryFrom<u64> for Version {
    type Error = Unreadable;

    /// A known version; a newer one is [`Unreadable::FutureVersion`], 0 is invalid.
    fn try_from(number: u64) -> Result<Version, Unreadable> {
        match number {
            0 => Err(Unreadable::Invalid(problem(
                &At::Top.key("version"),
                ProblemKind::VersionZero,
            ))),
            1 => Ok(Version::V1),
            2 => Ok(Version::V2),
            future => Err(Unreadable::FutureVersion(future)),
        }
    }
}

/// How strictly a file is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// What the browser holds: the first problem anywhere makes the text unreadable (it is then
    /// kept as it is and never overwritten).
    Strict,
    /// An imported file: a bad deal is left out and listed, never the whole file; a deal without
    /// `created` or `updated` takes `now` (the time of the import).
    Lenient { now: DateTime<Utc> },
}

/// A file as read: the plan, and (leniently) the deals left out and the deals that took the time
/// of the import for a missing `created` or `updated`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Parsed {
    pub plan: Plan,
    pub rejected: Vec<Rejected>,
    /// How many deals took the time of the import for a missing `created` or `updated`.
    pub stamped: usize,
    /// The deals whose `updated` was missing: their time says nothing of how new they are, so an
    /// import never takes them over a version of mine unless the person says so.
    pub undated: BTreeSet<DealId>,
    /// What is wrong with each snapshot that could not be read (kept in the plan as it came).
    pub snapshot_problems: Vec<Problem>,
    /// Leniently: the targets left out, each with the problem and path that made it bad.
    pub left_out: Vec<Problem>,
}

/// Refuses a file larger than [`MAX_FILE_BYTES`]. [`read`] checks this itself; the page may
/// call it with the file's size before reading the file at all.
pub fn check_size(bytes: usize) -> Result<(), Unreadable> {
    if bytes > MAX_FILE_BYTES {
        return Err(Unreadable::Invalid(problem(
            &At::Top.key("file"),
            ProblemKind::TooLarge(bytes),
        )));
    }
    Ok(())
}

/// Reads plan-file text of any known version.
///
/// Either mode refuses the file as a whole when it is too large ([`check_size`]), not JSON (with
/// line and column), not a keyplan plan, of a newer version, or when a top-level field, the
/// method or a quota is wrong. Deals are read one by one, field by field, with the exact path
/// of the first problem (`deals[3].amount`) and the editor's rules, so that whatever is read
/// saves and reads again; what happens to a bad deal depends on the [`Mode`].
///
/// A lone surrogate escape (`"\ud800"`, half of a UTF-16 pair and no character) is a problem
/// of the string that holds it ([`ProblemKind::LoneSurrogate`]): in a deal it leaves that deal
/// out, anywhere else it refuses the file, like any other problem there.
///
/// Text packed as the browser keeps a large plan ([`packed`]) is unpacked first; packed text that
/// does not unpack is refused as damaged.
///
/// Lenient where it cannot mislead, in both modes: a leading byte-order mark is ignored; `null`
/// counts as absent for optional fields; amounts may be numeric strings (`"1250000.50"`); stage
/// codes may be lower case; moments with an offset are converted to UTC. Unknown fields are kept
/// exactly as they came, at the top level and in each deal. `exported_at` is checked and dropped
/// (the next save writes its own).
pub fn read(text: &str, mode: Mode) -> Result<Parsed, Unreadable> {
    read_with(text, mode, true)
}

/// [`read`] with every deal read the careful way: what the quick way ([`quick`]) must agree with.
#[doc(hidden)]
pub fn read_carefully(text: &str, mode: Mode) -> Result<Parsed, Unreadable> {
    read_with(text, mode, false)
}

fn read_with(text: &str, mode: Mode, quickly: bool) -> Result<Parsed, Unreadable> {
    check_size(text.len())?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let unpacked = packed::unpack(text)?;
    let text = unpacked.strip_prefix('\u{feff}').unwrap_or(&unpacked);
    // first, before looking for lone surrogate escapes: a file the single pass takes has none
    // (every string of it was read as text, which refuses them)
    if quickly {
        if let Some((rest, typed)) = quick::file(text, mode) {
            let mut top = Object::of(At::Top, rest);
            let version = version(&mut top)?;
            if let Some(read) = v1::read_typed(top, version, typed, mode) {
                return read;
            }
        }
    }
    let patched = surrogates::patch(text);
    let (text, mark) = match &patched {
        Some((patched, mark)) => (patched.as_str(), Some(*mark)),
        None => (text, None),
    };
    if quickly && mark.is_none() {
        if let Some((rest, deals)) = quick_top(text) {
            let mut top = Object::of(At::Top, rest);
            let version = version(&mut top)?;
            let read = v1::read_written(top, version, deals, mode);
            if let Some(read) = read {
                return read;
            }
        }
    }
    let value: Value = serde_json::from_str(text).map_err(|e| Unreadable::NotJson {
        line: e.line(),
        column: e.column(),
        ended_early: e.is_eof(),
    })?;
    drop(patched);
    let map = match value {
        Value::Object(map) => map,
        other => return Err(Unreadable::NotAPlan(NotAPlan::TopLevel(Kind::of(&other)))),
    };
    let mut top = Object::of(At::Top, map);
    let version = version(&mut top)?;
    if let Some(mark) = mark {
        surrogates::check_top(&top, mark).map_err(Unreadable::Invalid)?;
    }
    v1::read(top, version, mode, mark)
}

/// The top level of a file with its deals still as they are written (for [`quick`]): `None`
/// unless it is an object whose `deals` is an array.
fn quick_top(text: &str) -> Option<(serde_json::Map<String, Value>, Vec<&RawValue>)> {
    let mut top = BTreeMap::new();
    for (key, value) in keyplan_wire::top(text)? {
        // a key given twice: the last one counts, as in a JSON value
        top.insert(key, value);
    }
    let deals = keyplan_wire::items(top.remove("deals")?.get())?;
    let rest = top
        .into_iter()
        .map(|(key, value)| Some((key.into_owned(), quick::value_at(value, 1)?)))
        .collect::<Option<_>>()?;
    Some((rest, deals))
}

/// Reads the plan the browser holds ([`Mode::Strict`]).
pub fn decode(text: &str) -> Result<Plan, Unreadable> {
    read(text, Mode::Strict).map(|parsed| parsed.plan)
}

/// `format` and `version`.
fn version(top: &mut Object) -> Result<Version, Unreadable> {
    match top.take("format") {
        Some(Value::String(f)) if f == FORMAT => {}
        Some(Value::String(f)) => {
            return Err(Unreadable::NotAPlan(NotAPlan::OtherFormat(quoted(&f))))
        }
        Some(other) => {
            return Err(Unreadable::NotAPlan(NotAPlan::FormatNotText(Kind::of(
                &other,
            ))))
        }
        None => return Err(Unreadable::NotAPlan(NotAPlan::NoFormat)),
    }
    let at = At::Top.key("version");
    let number = match top.take("version") {
        Some(Value::Number(n)) => n.as_u64().ok_or_else(|| {
            Unreadable::Invalid(problem(
                &at,
                ProblemKind::NotAVersion(json::number_text(&n)),
            ))
        })?,
        Some(other) => {
            return Err(Unreadable::Invalid(json::expected(
                &at,
                Kind::Number,
                &other,
            )))
        }
        None => return Err(Unreadable::Invalid(problem(&at, ProblemKind::Required))),
    };
    Version::try_from(number)
}

/// What was found under the plan's storage key.
#[derive(Clone, Debug, PartialEq)]
// read once, when the page opens: a box would only add an indirection
#[allow(clippy::large_enum_variant)]
pub enum Stored {
    /// Nothing: the first visit.
    Nothing,
    /// A readable plan.
    Plan(Plan),
    /// Text that is not a plan this version can read. It must be kept, never overwritten silently.
    Unreadable(Unreadable),
}

/// Reads what the browser holds under the plan key (`None` when the key is absent).
pub fn decode_stored(raw: Option<&str>) -> Stored {
    match raw {
        None => Stored::Nothing,
        Some(text) => match decode(text) {
            Ok(plan) => Stored::Plan(plan),
            Err(why) => Stored::Unreadable(why),
        },
    }
}

/// Writes a plan as compact plan-file JSON of the latest version (the whole plan is saved after
/// every change: its deals are written in one pass, see [`write`]).
pub fn encode(plan: &Plan, exported_at: DateTime<Utc>) -> String {
    write::encode(plan, exported_at)
}

/// Writes a plan as the browser keeps it: [`encode`]'s JSON, packed when the plan is large
/// ([`packed::pack`]). `None` for a plan whose JSON is more than [`MAX_FILE_BYTES`]: packed, it
/// could fit in the browser's storage, but [`read`] would refuse it at the next start, so it is
/// never stored (before packing, the storage's own quota refused any plan near that size).
pub fn encode_stored(plan: &Plan, exported_at: DateTime<Utc>) -> Option<String> {
    let json = encode(plan, exported_at);
    (json.len() <= MAX_FILE_BYTES).then(|| packed::pack(json))
}

/// [`encode`] as serde writes the file's layout ([`v1::File`]): the text `encode` must equal.
#[doc(hidden)]
pub fn encode_by_serde(plan: &Plan, exported_at: DateTime<Utc>) -> String {
    serde_json::to_string(&v1::File::of(plan, exported_at)).expect("a plan always serializes")
}

/// Writes a plan as indented plan-file JSON, for downloads people may open; compact when the
/// indented text would be more than [`MAX_FILE_BYTES`] and the compact one is not, so that every
/// plan keyplan stores can be exported and imported again.
pub fn encode_pretty(plan: &Plan, exported_at: DateTime<Utc>) -> String {
    let compact = encode(plan, exported_at);
    // through a value, so that the plan's layout is compiled once, for the compact writer
    let value: Value = serde_json::from_str(&compact).expect("own output reads");
    let pretty = serde_json::to_string_pretty(&value).expect("a value always serializes");
    if pretty.len() > MAX_FILE_BYTES && compact.len() <= MAX_FILE_BYTES {
        compact
    } else {
        pretty
    }
}

/// Whether a file is read in a single pass (every deal typed as it is parsed, [`quick::file`]):
/// the tests' check that a whole file as keyplan writes it takes the quickest way.
#[doc(hidden)]
pub fn in_one_pass(text: &str) -> bool {
    quick::file(text, Mode::Strict).is_some_and(|(rest, typed)| {
        let mut top = Object::of(At::Top, rest);
        version(&mut top).is_ok_and(|version| {
            v1::read_typed(top, version, typed, Mode::Strict).is_some_and(|read| read.is_ok())
        })
    })
}

/// How many of a file's deals the quick way takes, of how many (`None` when the top level is not
/// read the quick way): the tests' check that what keyplan writes is read quickly.
#[doc(hidden)]
pub fn quick_share(text: &str) -> Option<(usize, usize)> {
    let (_, deals) = quick_top(text)?;
    let mut seen = std::collections::HashSet::new();
    for raw in &deals {
        if let Some((deal, _)) = quick::deal(raw, Mode::Strict, &seen) {
            seen.insert(deal.id.as_str().to_string());
        }
    }
    Some((seen.len(), deals.len()))
}
