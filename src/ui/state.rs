//! The app's one reducer: what the page shows and the verbs that change it. Pure: time and ids
//! arrive inside the actions, storage writes happen in effects.
use std::rc::Rc;

use chrono::{DateTime, NaiveDate, Utc};
use yew::Reducible;

use crate::domain::deal::GateCheck;
use crate::domain::forecast::quota::QuotaPeriod;
use crate::domain::gates::Missing;
use crate::domain::import::Parsed;
use crate::domain::list::{Direction, SortKey};
use crate::domain::method::edit::MethodError;
use crate::domain::method::{GateId, Method, Text};
use crate::domain::plan::{MoveOutcome, Removed};
use crate::domain::sample::sample_plan;
use crate::domain::storage::{Stored, Unreadable};
use crate::domain::validate::DealFields;
use crate::domain::{DealId, DealStatus, Money, Plan, Stage};
use crate::i18n::Lang;
use crate::web::storage::StorageError;

/// Board or list.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum View {
    #[default]
    Board,
    List,
    Forecast,
    Method,
}

/// Whether changes reach localStorage.
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

/// Which deal the editor is open on.
#[derive(Clone, Debug, PartialEq)]
pub enum Editing {
    New(DealId),
    Existing(DealId),
}

/// A forward move that the gates refused, waiting for an override reason or a cancel.
#[derive(Clone, Debug, PartialEq)]
pub struct BlockedMove {
    pub id: DealId,
    pub to: Stage,
    pub missing: Vec<Missing>,
}

/// A change to the method in use.
#[derive(Clone, Debug, PartialEq)]
pub enum MethodEdit {
    Probability(Stage, u32),
    StaleDays(Stage, u32),
    Add(Stage, Text),
    Edit(GateId, Text),
    Move(GateId, bool),
    Retire(GateId, bool),
    Reset,
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

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub plan: PlanRef,
    /// Bumped on every change to the plan; the save effect watches it.
    pub revision: u64,
    pub lang: Lang,
    pub view: View,
    pub sort: (SortKey, Direction),
    pub editing: Option<Editing>,
    /// The last deletion, while it can still be undone; the number tells toasts apart.
    pub undo: Option<(u64, Rc<Removed>)>,
    pub persistence: Persistence,
    /// The save stamp this tab's plan corresponds to (see `STAMP_KEY`).
    pub stamp: Option<String>,
    /// Characters used in localStorage, when known.
    pub usage: Option<usize>,
    /// Files read for an import, waiting for the person's decision.
    pub import: Option<Rc<ImportFiles>>,
    /// An import was applied and can be undone from the backup.
    pub restorable: bool,
    /// The export choices are open.
    pub exporting: bool,
    /// A refused forward move, shown as a dialog.
    pub blocked_move: Option<BlockedMove>,
    /// The last method edit that was refused.
    pub method_error: Option<MethodError>,
}

pub enum Action {
    LoadSample {
        today: NaiveDate,
        now: DateTime<Utc>,
    },
    StartFresh,
    NewDeal(DealId),
    OpenDeal(DealId),
    CloseEditor,
    SaveDeal {
        fields: DealFields,
        status: Option<DealStatus>,
        today: NaiveDate,
        now: DateTime<Utc>,
    },
    Delete(DealId),
    Undo,
    ForgetUndo(u64),
    Step {
        id: DealId,
        forward: bool,
        now: DateTime<Utc>,
    },
    Move {
        id: DealId,
        to: Stage,
        reason: String,
        now: DateTime<Utc>,
    },
    CancelMove,
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
    ToggleSelfCheck {
        id: DealId,
        question: String,
    },
    ClearSelfCheck(DealId),
    EditMethod(MethodEdit),
    SetQuota {
        owner: Option<String>,
        period: QuotaPeriod,
        amount: Money,
    },
    SetLang(Lang),
    SetView(View),
    SortBy(SortKey),
    Saved(Result<SavedInfo, StorageError>),
    /// A save was not made: another tab or window saved since this one last read.
    StaleSave,
    /// What another tab or window saved (seen through the `storage` event or on request).
    External {
        stored: Stored,
        raw: Option<String>,
        backup_saved: bool,
        stamp: Option<String>,
        force: bool,
    },
    /// Overwrite what another tab saved with this tab's plan.
    KeepMine {
        stamp: Option<String>,
    },
    ImportRead(ImportFiles),
    CancelImport,
    /// Replace the plan with an import's result (the plan before it was backed up already).
    ApplyImport(Plan),
    /// Put back the plan from before the last import.
    Restore(Plan),
    DismissRestore,
    OpenExport,
    CloseExport,
}

/// The files of one import, each read or refused.
pub type ImportFiles = Vec<(String, Result<Parsed, Unreadable>)>;

/// What a successful save reports.
#[derive(Clone, Debug, PartialEq)]
pub struct SavedInfo {
    pub stamp: Option<String>,
    pub usage: Option<usize>,
}

impl State {
    pub fn new(
        plan: Plan,
        lang: Lang,
        view: View,
        persistence: Persistence,
        stamp: Option<String>,
        usage: Option<usize>,
    ) -> State {
        State {
            plan: PlanRef(Rc::new(plan)),
            revision: 0,
            lang,
            view,
            sort: (SortKey::Amount, SortKey::Amount.natural_direction()),
            editing: None,
            undo: None,
            persistence,
            blocked_move: None,
            method_error: None,
            stamp,
            usage,
            import: None,
            restorable: false,
            exporting: false,
        }
    }

    pub fn is_blocked(&self) -> bool {
        matches!(self.persistence, Persistence::Blocked { .. })
    }

    fn with_plan(&self, change: impl FnOnce(&mut Plan) -> bool) -> State {
        let mut plan = (*self.plan.0).clone();
        let mut next = self.clone();
        if change(&mut plan) {
            next.plan = PlanRef(Rc::new(plan));
            next.revision += 1;
        }
        next
    }
}

impl State {
    /// The whole plan swapped for another (import, restore); nothing of the old one stays open.
    fn replaced(&self, plan: Plan) -> State {
        let mut next = self.with_plan(|current| {
            *current = plan;
            true
        });
        next.import = None;
        next.undo = None;
        next.editing = None;
        next.blocked_move = None;
        next
    }

    /// Applies a stage move; a refusal is kept for the override dialog.
    fn moved(&self, id: DealId, to: Stage, reason: &str, now: DateTime<Utc>) -> State {
        let mut outcome = None;
        let mut next = self.with_plan(|plan| {
            outcome = plan.move_deal(&id, to, reason, now).ok();
            matches!(outcome, Some(MoveOutcome::Moved(_)))
        });
        next.blocked_move = match outcome {
            Some(MoveOutcome::Blocked { to, missing }) => Some(BlockedMove { id, to, missing }),
            _ => None,
        };
        next
    }
}

fn apply_method_edit(method: &mut Method, edit: MethodEdit) -> Result<(), MethodError> {
    match edit {
        MethodEdit::Probability(stage, percent) => method.set_probability(stage, percent),
        MethodEdit::StaleDays(stage, days) => method.set_stale_days(stage, days),
        MethodEdit::Add(stage, text) => method.add_item(stage, text).map(|_| ()),
        MethodEdit::Edit(id, text) => method.edit_item(&id, text),
        MethodEdit::Move(id, up) => method.move_item(&id, up),
        MethodEdit::Retire(id, retired) => method.set_retired(&id, retired),
        MethodEdit::Reset => {
            *method = Method::default();
            Ok(())
        }
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let next = match action {
            Action::LoadSample { today, now } => {
                let mut next = self.with_plan(|plan| {
                    *plan = sample_plan(today, now);
                    true
                });
                next.undo = None;
                next
            }
            Action::StartFresh => {
                let mut next = self.with_plan(|plan| {
                    *plan = Plan::default();
                    true
                });
                next.persistence = Persistence::Saved;
                next
            }
            Action::NewDeal(id) => State {
                editing: Some(Editing::New(id)),
                ..(*self).clone()
            },
            Action::OpenDeal(id) => State {
                editing: Some(Editing::Existing(id)),
                ..(*self).clone()
            },
            Action::CloseEditor => State {
                editing: None,
                ..(*self).clone()
            },
            Action::SaveDeal {
                fields,
                status,
                today,
                now,
            } => {
                let Some(editing) = self.editing.clone() else {
                    return self;
                };
                let mut next = self.with_plan(|plan| {
                    let id = match &editing {
                        Editing::New(id) => {
                            if plan.add(id.clone(), fields, now).is_err() {
                                return false;
                            }
                            id
                        }
                        Editing::Existing(id) => {
                            if plan.edit(id, fields, now).is_err() {
                                return false;
                            }
                            id
                        }
                    };
                    if let Some(status) = status {
                        let _ = plan.set_status(id, status, today, now);
                    }
                    true
                });
                next.editing = None;
                next
            }
            Action::Delete(id) => {
                let mut removed = None;
                let mut next = self.with_plan(|plan| {
                    removed = plan.remove(&id).ok();
                    removed.is_some()
                });
                if let Some(removed) = removed {
                    let seq = self.undo.as_ref().map_or(1, |(n, _)| n + 1);
                    next.undo = Some((seq, Rc::new(removed)));
                }
                next.editing = None;
                next
            }
            Action::Undo => {
                let Some((_, removed)) = self.undo.clone() else {
                    return self;
                };
                let mut next = self.with_plan(|plan| plan.restore((*removed).clone()).is_ok());
                next.undo = None;
                next
            }
            Action::ForgetUndo(seq) => match &self.undo {
                Some((n, _)) if *n == seq => State {
                    undo: None,
                    ..(*self).clone()
                },
                _ => return self,
            },
            Action::Step { id, forward, now } => {
                let Some(deal) = self.plan.deal(&id) else {
                    return self;
                };
                let to = if forward {
                    deal.stage.next()
                } else {
                    deal.stage.prev()
                };
                let Some(to) = to else { return self };
                self.moved(id, to, "", now)
            }
            Action::Move {
                id,
                to,
                reason,
                now,
            } => self.moved(id, to, &reason, now),
            Action::CancelMove => State {
                blocked_move: None,
                ..(*self).clone()
            },
            Action::CheckGate {
                id,
                item,
                check,
                now,
            } => self.with_plan(|plan| plan.check_gate(&id, &item, check, now).is_ok()),
            Action::UncheckGate { id, item, now } => {
                self.with_plan(|plan| plan.uncheck_gate(&id, &item, now).is_ok())
            }
            Action::ToggleSelfCheck { id, question } => {
                self.with_plan(|plan| plan.toggle_self_check(&id, &question).is_ok())
            }
            Action::ClearSelfCheck(id) => self.with_plan(|plan| plan.clear_self_check(&id).is_ok()),
            Action::EditMethod(edit) => {
                let mut error = None;
                let mut next = self.with_plan(|plan| {
                    let before = plan.method.clone();
                    let result = apply_method_edit(&mut plan.method, edit);
                    error = result.err();
                    plan.method != before
                });
                next.method_error = error;
                next
            }
            Action::SetQuota {
                owner,
                period,
                amount,
            } => self.with_plan(|plan| {
                let before = plan.quotas.clone();
                plan.set_quota(owner, period, amount);
                plan.quotas != before
            }),
            Action::SetLang(lang) => State {
                lang,
                ..(*self).clone()
            },
            Action::SetView(view) => State {
                view,
                ..(*self).clone()
            },
            Action::SortBy(key) => {
                let direction = if self.sort.0 == key {
                    self.sort.1.flipped()
                } else {
                    key.natural_direction()
                };
                State {
                    sort: (key, direction),
                    ..(*self).clone()
                }
            }
            Action::Saved(result) => {
                if self.is_blocked() {
                    return self;
                }
                match result {
                    Ok(info) => State {
                        persistence: Persistence::Saved,
                        stamp: info.stamp,
                        usage: info.usage,
                        ..(*self).clone()
                    },
                    Err(e) => State {
                        persistence: Persistence::Failed(e),
                        ..(*self).clone()
                    },
                }
            }
            Action::StaleSave => State {
                persistence: Persistence::Stale,
                ..(*self).clone()
            },
            Action::External {
                stored,
                raw,
                backup_saved,
                stamp,
                force,
            } => {
                if stamp == self.stamp && !force {
                    return self;
                }
                let unsaved = matches!(
                    self.persistence,
                    Persistence::Failed(_) | Persistence::Stale
                );
                if unsaved && !force {
                    return Rc::new(State {
                        persistence: Persistence::Stale,
                        ..(*self).clone()
                    });
                }
                let mut next = (*self).clone();
                next.stamp = stamp;
                next.persistence = Persistence::Saved;
                match stored {
                    Stored::Plan(plan) => next.plan = PlanRef(Rc::new(plan)),
                    Stored::Nothing => next.plan = PlanRef(Rc::new(Plan::default())),
                    Stored::Unreadable(why) => {
                        next.plan = PlanRef(Rc::new(Plan::default()));
                        next.persistence = Persistence::Blocked {
                            raw: raw.unwrap_or_default().into(),
                            why,
                            backup_saved,
                        };
                    }
                }
                if let Some(Editing::Existing(id)) = &next.editing {
                    if next.plan.deal(id).is_none() {
                        next.editing = None;
                    }
                }
                next.blocked_move = None;
                next
            }
            Action::ImportRead(files) => State {
                import: Some(Rc::new(files)),
                ..(*self).clone()
            },
            Action::CancelImport => State {
                import: None,
                ..(*self).clone()
            },
            Action::ApplyImport(plan) => {
                let mut next = self.replaced(plan);
                next.restorable = true;
                next
            }
            Action::Restore(plan) => {
                let mut next = self.replaced(plan);
                next.restorable = false;
                next
            }
            Action::DismissRestore => State {
                restorable: false,
                ..(*self).clone()
            },
            Action::OpenExport => State {
                exporting: true,
                ..(*self).clone()
            },
            Action::CloseExport => State {
                exporting: false,
                ..(*self).clone()
            },
            Action::KeepMine { stamp } => {
                let mut next = (*self).clone();
                next.stamp = stamp;
                next.persistence = Persistence::Saved;
                next.revision += 1;
                next
            }
        };
        Rc::new(next)
    }
}
