//! What the page shows: the plan, the view, the one open dialog, the pending undo, and whether
//! the plan is saved; and the few values the actions and the store rules share.
use std::rc::Rc;

use serde::{Deserialize, Serialize};

use crate::domain::deal::DealFields;
use crate::domain::filter::Filter;
use crate::domain::gates::Missing;
use crate::domain::list::{Direction, SortKey};
use crate::domain::method::edit::MethodError;
use crate::domain::plan::Removed;
use crate::domain::plan_file::{Parsed, Unreadable};
use crate::domain::{Deal, DealId, Plan, Stage};

/// A language of the interface (the words of each are in `crate::i18n`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    #[serde(rename = "zh")]
    Zh,
    #[serde(rename = "en")]
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Zh, Lang::En];

    /// The BCP 47 tag for `<html lang>`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    /// `zh` or `en`, as the page names the language (`data-testid="lang-zh"`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }

    /// Chinese unless the browser asks for something else first (`navigator.language`).
    pub fn from_browser(tag: &str) -> Lang {
        let tag = tag.to_ascii_lowercase();
        if tag.is_empty() || tag.starts_with("zh") {
            Lang::Zh
        } else {
            Lang::En
        }
    }
}

/// The files of one import, each read or refused, with its name.
pub type ImportFiles = Vec<(String, Result<Parsed, Unreadable>)>;

/// A spreadsheet to import (CSV or TSV): a file's bytes as they are, or an empty one for a range
/// to paste. The import dialog reads it with the encoding, columns and unit the person adjusts.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TableFile {
    pub name: String,
    pub bytes: Vec<u8>,
    /// A paste box rather than a file.
    pub pasted: bool,
    /// The other files picked or dropped with it, by name: a spreadsheet is imported alone, and
    /// the dialog says which were left.
    pub left: Vec<String>,
}

/// Why the browser refused to read or write.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// No storage for this page (private mode, disabled, some browsers' `file://`).
    Unavailable,
    /// The quota is exhausted.
    Full,
    /// The plan is larger than a plan file may be ([`crate::domain::plan_file::MAX_FILE_BYTES`]
    /// of JSON): kept packed it might fit, but it could not be read back, so it is not written.
    TooLarge,
    /// Anything else, with the name the browser gave it.
    Other(String),
}

/// A version of the stored plan: the stamp of its save and the fingerprint of its text
/// ([`super::store::fingerprint`]). A tab remembers the version it last read or wrote, and
/// writes only over that one.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Seen {
    pub stamp: Option<String>,
    pub fingerprint: u64,
}

/// What the store held at start-up.
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded {
    pub plan: Plan,
    pub persistence: Persistence,
    /// The version of the stored plan read.
    pub seen: Seen,
    pub usage: Option<usize>,
    /// A plan from before an import is kept and offered for a restore.
    pub restorable: bool,
}

/// The main view.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum View {
    #[default]
    Board,
    List,
    Forecast,
    Method,
    /// The workshop kit: the tables' copies of a case, and the comparison of their plans.
    Workshop,
}

/// Whether changes reach the browser's storage.
#[derive(Clone, Debug, PartialEq)]
pub enum Persistence {
    /// Saved (or nothing to save yet).
    Saved,
    /// The last write failed; the plan lives only in this page.
    Failed(StorageError),
    /// Another tab or window saved a different plan since this one last read or wrote it; this
    /// tab's changes are not saved until the person chooses.
    Stale,
    /// Stored text could not be read; nothing is written until the person chooses.
    Blocked {
        raw: Rc<str>,
        why: Unreadable,
        backup_saved: bool,
    },
}

/// A tab of the deal dialog.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DealTab {
    #[default]
    Details,
    Gates,
    Competition,
    Coaching,
    History,
    /// The decision chain (决策链): contacts, links, the 渔网图, flags and the score.
    People,
}

/// How a deal is closed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    Won,
    Lost,
}

/// A forward move that the gates refused, waiting for an override reason or a cancel.
#[derive(Clone, Debug, PartialEq)]
pub struct BlockedMove {
    pub id: DealId,
    pub to: Stage,
    pub missing: Vec<Missing>,
    /// The deal dialog tab the move was asked from, to go back to on cancel (none: the board).
    pub from: Option<DealTab>,
}

/// The one dialog open over the page.
#[derive(Clone, Debug, PartialEq)]
pub enum Dialog {
    /// The editor of a deal not created yet (its id is reserved).
    NewDeal(DealId),
    /// A deal's dialog, on one of its tabs.
    Deal { id: DealId, tab: DealTab },
    /// A refused forward move.
    Blocked(BlockedMove),
    /// Marking a deal won (signing date, contract amount, gates) or lost (why, to whom).
    Close { id: DealId, outcome: Outcome },
    /// An edit saved on an older version of the deal than the one stored now: both are shown,
    /// and the person chooses.
    EditConflict {
        id: DealId,
        /// What was typed.
        fields: Rc<DealFields>,
        /// The deal as it is now.
        theirs: Rc<Deal>,
        /// The close the save was to be followed by.
        then: Option<Outcome>,
    },
    /// The deal being edited was deleted in another tab: what was typed stays, and can be saved
    /// as a new deal.
    Gone { id: DealId, last: Rc<Deal> },
    /// Files read for an import, waiting for the person's decision.
    Import(Rc<ImportFiles>),
    /// A spreadsheet for an import: its columns, then the same preview as for files.
    ImportTable(Rc<TableFile>),
    /// The export choices.
    Export,
    /// The backups kept in this browser.
    Backups,
}

/// A plan in a cheap-to-compare box: equal only if it is the same allocation.
#[derive(Clone, Debug)]
pub struct PlanRef(pub Rc<Plan>);

impl PartialEq for PlanRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for PlanRef {
    type Target = Plan;
    fn deref(&self) -> &Plan {
        &self.0
    }
}

/// The last deletion, while it can still be undone; the number tells toasts apart.
#[derive(Clone, Debug, PartialEq)]
pub struct Undo {
    pub seq: u64,
    pub removed: Rc<Removed>,
}

/// The app's state.
#[derive(Clone, Debug, PartialEq)]
pub struct Session {
    pub plan: PlanRef,
    /// Bumped on every change that should be saved; the save effect watches it.
    pub revision: u64,
    pub lang: Lang,
    pub view: View,
    pub sort: (SortKey, Direction),
    /// The forecast's filter; it applies to every figure the forecast view shows.
    pub filter: Filter,
    pub dialog: Option<Dialog>,
    pub undo: Option<Undo>,
    pub persistence: Persistence,
    /// The version of the stored plan this tab last read or wrote.
    pub seen: Seen,
    /// That version is this tab's own save: a save heard of that was made over another version
    /// replaced it unseen.
    pub wrote_seen: bool,
    /// Characters used in the browser's storage, when known.
    pub usage: Option<usize>,
    /// An import was applied and can be undone from the backup.
    pub restorable: bool,
    /// The last method edit that was refused.
    pub method_error: Option<MethodError>,
    /// The deal last created, saved, moved, closed or reopened here: the board and the list
    /// show it even where it falls beyond the cards or rows they show at first.
    pub touched: Option<DealId>,
    /// The trainer's comparison of the tables' plans, when one is open (never saved).
    pub workshop: Option<Rc<super::workshop::Workshop>>,
    /// Projector mode's slide, while it is on (`super::projector`).
    pub projector: Option<super::projector::Slide>,
}

impl Session {
    /// The state at start-up, from what the store held.
    pub fn new(loaded: Loaded, lang: Lang, view: View) -> Session {
        Session {
            plan: PlanRef(Rc::new(loaded.plan)),
            revision: 0,
            lang,
            view,
            sort: (SortKey::Amount, SortKey::Amount.natural_direction()),
            filter: Filter::default(),
            dialog: None,
            undo: None,
            persistence: loaded.persistence,
            seen: loaded.seen,
            wrote_seen: false,
            usage: loaded.usage,
            restorable: loaded.restorable,
            method_error: None,
            touched: None,
            workshop: None,
            projector: None,
        }
    }

    /// Stored text could not be read, and nothing is written until the person chooses.
    pub fn is_blocked(&self) -> bool {
        matches!(self.persistence, Persistence::Blocked { .. })
    }

    /// The deal whose dialog is open (on any tab, or closing it, or a refused move of it).
    pub fn open_deal(&self) -> Option<&DealId> {
        match &self.dialog {
            Some(Dialog::Deal { id, .. })
            | Some(Dialog::Close { id, .. })
            | Some(Dialog::EditConflict { id, .. })
            | Some(Dialog::Gone { id, .. })
            | Some(Dialog::Blocked(BlockedMove { id, .. })) => Some(id),
            _ => None,
        }
    }
}
