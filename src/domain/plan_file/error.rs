//! What can be wrong with a plan file, as data: the interface language (`crate::i18n`) turns each
//! case into a sentence. A problem at a path is `crate::domain::read_problem`'s.
pub use crate::domain::read_problem::{Kind, Problem, ProblemKind};

/// Why a text is not a plan this version can read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unreadable {
    /// Not JSON at all; where the reader stopped, and whether the text simply ended too early.
    NotJson {
        line: usize,
        column: usize,
        ended_early: bool,
    },
    /// JSON, but not a keyplan plan.
    NotAPlan(NotAPlan),
    /// Written by a newer keyplan (the file's version).
    FutureVersion(u64),
    /// A plan with a problem that refuses it as a whole.
    Invalid(Problem),
    /// The browser could not read the file at all.
    CannotRead,
    /// A packed plan (see `packed.rs`) that does not unpack.
    Damaged(Damage),
}

/// How a packed plan is damaged.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Damage {
    /// Its text is not base64.
    NotBase64,
    /// It says it unpacks to this many bytes, more than [`super::MAX_FILE_BYTES`]: more than
    /// keyplan ever packs, so not what it wrote (nothing is unpacked).
    TooLong(usize),
    /// Its bytes are not a whole LZ4 block, or what they unpack to is not the text they were
    /// packed from (its fingerprint does not match).
    Block,
    /// What it unpacks to is not UTF-8 text.
    NotUtf8,
}

/// Why JSON text is not a keyplan plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NotAPlan {
    /// The top level is not an object.
    TopLevel(Kind),
    /// There is no `format` field.
    NoFormat,
    /// `format` is another text (quoted).
    OtherFormat(String),
    /// `format` is not a text.
    FormatNotText(Kind),
}

/// One deal of an imported file that was left out, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rejected {
    /// The deal's position in the file's `deals` array.
    pub index: usize,
    /// The deal's id, when it has a readable one.
    pub id: Option<String>,
    /// The first problem found, with its path (`deals[3].amount`, or `deals[3]` for the whole deal).
    pub problem: Problem,
}
