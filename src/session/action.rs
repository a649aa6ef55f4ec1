//! The verbs of the app: everything that changes the state, with the time, ids and whatever was
//! read from storage or files carried inside.
use chrono::{DateTime, NaiveDate, Utc};

use super::state::Lang;
use super::state::{DealTab, ImportFiles, Outcome, Seen, StorageError, TableFile, View};
use crate::domain::deal::{DealFields, GateCheck};
use crate::domain::filter::Filter;
use crate::domain::list::SortKey;
use crate::domain::method::{GateId, MapRule, ScorePart, Text};
use crate::domain::people::PeopleEdit;
use crate::domain::period::Period;
use crate::domain::plan::{Loss, Win};
use crate::domain::plan_file::Stored;
use crate::domain::quota::QuotaPeriod;
use crate::domain::split::Split;
use crate::domain::target::{SplitTo, Target, TargetPeriod};
use crate::domain::{DealId, Money, Plan, Stage};

/// A change to the method in use.
#[derive(Clone, Debug, PartialEq)]
pub enum MethodEdit {
    Probability(Stage, u32),
    StaleDays(Stage, u32),
    Add(Stage, Text),
    Edit(GateId, Text),
    Move(GateId, bool),
    Retire(GateId, bool),
    /// Whether a tick of the item needs evidence text to count.
    Evidence(GateId, bool),
    /// Links the item to a test of the map, or unlinks it.
    MapRule(GateId, Option<MapRule>),
    /// Days after which a high-influence contact not spoken with is flagged.
    ContactDays(u32),
    /// The stage from which coverage flags apply.
    ChainFrom(Stage),
    /// The stage from which a missing top-level relationship is flagged.
    TopBy(Stage),
    /// A score part's weight.
    Weight(ScorePart, u32),
    Reset,
}

/// A save another tab made, as the `storage` event tells it: the fingerprint of the version that
/// save was written over (its parent, from its new stamp). The event's old value is not used:
/// each tab's storage is a copy that the browser keeps in step, and the old value is what the
/// writing tab's copy held, not what the save really replaced.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Heard {
    pub parent: Option<u64>,
}

/// What a save attempt found.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveResult {
    /// Written: the store now holds this version, and this many characters in all.
    Saved { seen: Seen, usage: Option<usize> },
    /// Not made: another tab or window saved since this one last read or wrote, or while it
    /// wrote.
    Stale,
    /// Not written: the browser refused.
    Failed(StorageError),
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Replace the plan with the training case, dated around `today`.
    LoadSample {
        today: NaiveDate,
        now: DateTime<Utc>,
    },
    /// Leave unreadable stored text behind (it stays in its backup) and start an empty plan.
    StartFresh,
    /// A trainer's fresh start: the training case again, or an empty plan (the plan before it
    /// was backed up already, see [`super::backups::reset`]).
    Reset(Plan),
    /// The plan's title as typed: trimmed; blank removes it.
    SetTitle(String),
    /// Open the editor for a new deal with this id.
    NewDeal(DealId),
    OpenDeal(DealId),
    ShowTab(DealTab),
    CloseDialog,
    /// Save the editor's fields (a new deal or the open one); then, if asked, start closing it.
    /// `base`: the deal's `updated` when the editor opened on it, so that an edit made on an
    /// older version than the stored one is never saved over it unasked.
    SaveDeal {
        fields: DealFields,
        base: Option<DateTime<Utc>>,
        then: Option<Outcome>,
        now: DateTime<Utc>,
    },
    /// Settle an edit conflict: save what was typed over the newer version, or go back to the
    /// editor on the newer version.
    ResolveEdit {
        keep_mine: bool,
        now: DateTime<Utc>,
    },
    Delete(DealId),
    Undo,
    /// The undo offer `seq` timed out or was dismissed.
    ForgetUndo(u64),
    /// One stage forward or back; a refused forward move opens the override dialog.
    Step {
        id: DealId,
        forward: bool,
        now: DateTime<Utc>,
    },
    /// To a stage, with an override reason when gate items are missing.
    Move {
        id: DealId,
        to: Stage,
        reason: String,
        now: DateTime<Utc>,
    },
    /// Leave a refused move and open the deal's gate checklist.
    BackToWork,
    /// Leave a refused move, back to where it was asked from.
    CancelMove,
    /// Open the dialog that closes a deal as won or lost.
    StartClose {
        id: DealId,
        outcome: Outcome,
    },
    Win {
        id: DealId,
        win: Win,
        now: DateTime<Utc>,
    },
    Lose {
        id: DealId,
        loss: Loss,
        now: DateTime<Utc>,
    },
    Reopen {
        id: DealId,
        now: DateTime<Utc>,
    },
    CheckGate {
        id: DealId,
        item: GateId,
        check: GateCheck,
        now: DateTime<Utc>,
    },
    UncheckGate {
        id: DealId,
        item: GateId,
        now: DateTime<Utc>,
    },
    /// A change to a deal's contacts, links, competitors, SWOT or review.
    EditPeople {
        id: DealId,
        edit: PeopleEdit,
        now: DateTime<Utc>,
    },
    ToggleSelfCheck {
        id: DealId,
        question: String,
    },
    ClearSelfCheck(DealId),
    /// The team's strategies for one stage of a deal, the whole list (see [`Plan::set_strategies`]).
    SetStrategies {
        id: DealId,
        stage: Stage,
        strategies: Vec<String>,
        now: DateTime<Utc>,
    },
    EditMethod(MethodEdit),
    SetQuota {
        owner: Option<String>,
        period: QuotaPeriod,
        amount: Money,
    },
    /// Close a period: freeze the forecast as it stands `now` as that period's snapshot.
    ClosePeriod {
        period: Period,
        now: DateTime<Utc>,
    },
    /// Delete a snapshot, by id.
    DeleteSnapshot(String),
    /// Puts a team target handed down in parts in place of the one for its period and parts
    /// (see [`crate::domain::Plan::set_target`]), stamped `now` when it changed.
    SetTarget {
        target: Target,
        now: DateTime<Utc>,
    },
    /// Removes the target for this period and parts.
    RemoveTarget {
        period: TargetPeriod,
        to: SplitTo,
    },
    /// Records (or, with `None`, removes) a won deal's bonus pool and its split.
    SetBonus {
        id: DealId,
        bonus: Option<Split>,
        now: DateTime<Utc>,
    },
    SetLang(Lang),
    SetView(View),
    SortBy(SortKey),
    SetFilter(Filter),
    /// What a save attempt found.
    Saved(SaveResult),
    /// What the store holds now, after another tab or window saved (or when this tab asks to
    /// load the latest, `force`).
    External {
        stored: Stored,
        raw: Option<String>,
        backup_saved: bool,
        seen: Seen,
        force: bool,
        /// The save heard of (a `storage` event), when this came from one.
        heard: Option<Heard>,
    },
    /// Save this tab's plan over what another tab saved (`seen`: the version found now).
    KeepMine {
        seen: Seen,
    },
    /// This tab's plan merged with what another tab saved (`seen`: the version merged in), to be
    /// saved over it.
    Merged {
        plan: Plan,
        seen: Seen,
    },
    /// Files read for an import: show what it would do.
    ImportRead(ImportFiles),
    /// A spreadsheet file read, or a paste box asked for: show its columns and what it would do.
    ImportTable(TableFile),
    /// Replace the plan with an import's result (the plan before it was backed up already).
    ApplyImport(Plan),
    /// Put back the plan from before the last import.
    Restore(Plan),
    DismissRestore,
    OpenExport,
    OpenBackups,
    /// Try the refused save again (the person made room, or storage is back).
    RetrySave,
    /// Characters the browser's storage holds now (something else wrote to it).
    Usage(Option<usize>),
    /// A change to the workshop comparison (the plan is not touched).
    Workshop(super::workshop::WorkshopEdit),
    /// Projector mode on or off, or a move through its slides.
    Present(super::projector::Present),
}
