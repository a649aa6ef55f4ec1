//! What can be wrong where in a file that was read, as data (the interface language turns each
//! case into a sentence): a value like any other, kept with what could not be read (a plan's
//! unreadable snapshots) so that it is found once, where the reader found it. Found values are
//! kept as they are shown to people: strings JSON-quoted and numbers as written, both cut after
//! 40 characters.
use super::money::AmountError;
use super::stage::Stage;

/// What is wrong with a field's value (the texts quoted are the person's own).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldProblem {
    Required,
    /// Longer than this many characters.
    TooLong(usize),
    Amount(AmountError),
    /// Not a stage code P0–P7.
    Stage(String),
    /// Not a date.
    Date(String),
    /// Not a whole percent from 0 to 100.
    Percent(String),
    /// Not a forecast category code.
    Category(String),
}

/// A JSON value's kind, as messages name what was expected and what was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Null,
    Boolean,
    Number,
    String,
    Array,
    Object,
}

impl Kind {
    pub fn of(value: &serde_json::Value) -> Kind {
        match value {
            serde_json::Value::Null => Kind::Null,
            serde_json::Value::Bool(_) => Kind::Boolean,
            serde_json::Value::Number(_) => Kind::Number,
            serde_json::Value::String(_) => Kind::String,
            serde_json::Value::Array(_) => Kind::Array,
            serde_json::Value::Object(_) => Kind::Object,
        }
    }
}

/// One problem at a path of the file: `deals[3].amount`, `method.stages[2].probability`,
/// `file` for the file as a whole.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    pub kind: ProblemKind,
}

/// What is wrong at a path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProblemKind {
    /// A required field is absent.
    Required,
    /// A value of the wrong kind.
    WrongType {
        expected: Kind,
        found: Kind,
    },
    /// A number that is not a whole number ≥ 0 (its text).
    NotWhole(String),
    /// A whole number above the largest allowed (the number as written).
    MoreThan {
        value: String,
        max: u64,
    },
    /// A whole number below the smallest allowed.
    LessThan {
        value: u64,
        min: u64,
    },
    /// Every weight of the deal score is 0: no score could be given.
    NoWeight,
    /// `version` is a number but not a version number (its text).
    NotAVersion(String),
    /// `version` is 0.
    VersionZero,
    /// An amount that is not a number (the value as found).
    NotANumber(String),
    /// An amount that is a number but not an acceptable amount.
    Amount(AmountError),
    UnknownStage(String),
    NotADate(String),
    NotAMoment(String),
    UnknownStatus(String),
    UnknownCategory(String),
    NotACurrency(String),
    NotAQuotaPeriod(String),
    /// The method's stages are not eight.
    StageCount(usize),
    /// The method's stage at this position is another one.
    StageOrder {
        expected: Stage,
        found: Stage,
    },
    /// A gate item id used before in the method (the id, quoted).
    ItemIdUsedTwice(String),
    /// A deal id used by an earlier deal of the file (the id, quoted).
    DealIdUsedTwice(String),
    /// The editor's rule for this field (required, too long, negative …).
    Field(FieldProblem),
    /// The file is larger than [`super::MAX_FILE_BYTES`] (its size in bytes).
    TooLarge(usize),
    /// A string or key with a lone surrogate escape (`\ud800` without its pair): half of a
    /// UTF-16 pair, no character; the file is damaged there.
    LoneSurrogate,
    /// A text that is none of the codes allowed here (the text quoted, and the codes).
    NotOneOf {
        found: String,
        allowed: &'static [&'static str],
    },
    /// A contact id used by an earlier contact of the deal (quoted).
    ContactIdUsedTwice(String),
    /// A link to a contact id the deal does not have (quoted).
    UnknownContact(String),
    /// A link from a contact to itself.
    SelfLink,
    /// A competitor name used by an earlier competitor of the deal (quoted).
    CompetitorTwice(String),
    /// Not a month (`2026-10`), a quarter (`2026-Q4`) or a year (`2026`).
    NotAPeriod(String),
    /// A snapshot id used by an earlier snapshot of the file.
    SnapshotIdUsedTwice(String),
    /// An array of the wrong length.
    RowLength {
        found: usize,
        min: usize,
        max: usize,
    },
    /// Not status × 100 + claimed stage × 10 + verified stage.
    NotAStageCode(u64),
    /// A snapshot's `base` that is no readable snapshot before it.
    UnknownBase(String),
    /// A share above 100 % (the share as written, in percent).
    ShareOver100(String),
    /// A target's period that is neither a year (`2026`) nor a quarter (`2026-Q4`) (quoted).
    NotATargetPeriod(String),
    /// A second target for the same period and parts (the period, quoted).
    TargetTwice(String),
}
