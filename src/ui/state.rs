//! The app's one reducer: what the page shows and the verbs that change it. Pure: time and ids
//! arrive inside the actions, storage writes happen in effects.
use std::rc::Rc;

use chrono::{DateTime, NaiveDate, Utc};
use yew::Reducible;

use crate::domain::list::{Direction, SortKey};
use crate::domain::plan::Removed;
use crate::domain::sample::sample_plan;
use crate::domain::storage::Unreadable;
use crate::domain::validate::DealFields;
use crate::domain::{DealId, DealStatus, Plan};
use crate::i18n::Lang;
use crate::web::storage::StorageError;

/// Board or list.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum View {
    #[default]
    Board,
    List,
}

/// Whether changes reach localStorage.
#[derive(Clone, Debug, PartialEq)]
pub enum Persistence {
    /// Saved (or nothing to save yet).
    Saved,
    /// The last write failed; the plan lives only in this page.
    Failed(StorageError),
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
    SetLang(Lang),
    SetView(View),
    SortBy(SortKey),
    Saved(Result<(), StorageError>),
}

impl State {
    pub fn new(plan: Plan, lang: Lang, view: View, persistence: Persistence) -> State {
        State {
            plan: PlanRef(Rc::new(plan)),
            revision: 0,
            lang,
            view,
            sort: (SortKey::Amount, SortKey::Amount.natural_direction()),
            editing: None,
            undo: None,
            persistence,
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
                self.with_plan(|plan| plan.step(&id, forward, now).is_ok())
            }
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
                let persistence = match result {
                    Ok(()) => Persistence::Saved,
                    Err(e) => Persistence::Failed(e),
                };
                if persistence == self.persistence {
                    return self;
                }
                State {
                    persistence,
                    ..(*self).clone()
                }
            }
        };
        Rc::new(next)
    }
}
