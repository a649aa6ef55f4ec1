//! The reducer: one action in, the next state out. Changes to the plan go through the plan's own
//! verbs; a change that alters the plan bumps the revision, which the page saves.
use std::rc::Rc;

use super::action::{Action, MethodEdit, SaveResult};
use super::state::{BlockedMove, DealTab, Dialog, Persistence, PlanRef, Session, Undo, View};
use crate::domain::method::edit::MethodError;
use crate::domain::method::Method;
use crate::domain::month_close::take;
use crate::domain::plan::{MoveOutcome, PlanError};
use crate::domain::plan_file::Stored;
use crate::domain::sample::sample_plan;
use crate::domain::target::Target;
use crate::domain::{DealId, Plan};

impl Session {
    /// The state after `action`; the same `Rc` when nothing changed (so nothing re-renders).
    pub fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let touched = self.touches(&action);
        match self.next(action) {
            Some(mut next) => {
                if touched.is_some() {
                    next.touched = touched;
                }
                Rc::new(next)
            }
            None => self,
        }
    }

    /// The deal `action` creates, saves, moves, closes or reopens, if any.
    fn touches(&self, action: &Action) -> Option<DealId> {
        match action {
            Action::SaveDeal { .. } | Action::ResolveEdit { .. } => match &self.dialog {
                Some(Dialog::NewDeal(id)) => Some(id.clone()),
                _ => self.open_deal().cloned(),
            },
            Action::Step { id, .. }
            | Action::Move { id, .. }
            | Action::Win { id, .. }
            | Action::Lose { id, .. }
            | Action::Reopen { id, .. } => Some(id.clone()),
            _ => None,
        }
    }

    /// The state after `action`, or `None` when it changes nothing.
    fn next(&self, action: Action) -> Option<Session> {
        let next = match action {
            Action::LoadSample { today, now } => {
                let mut next = self.replaced(sample_plan(today, now));
                next.restorable = self.restorable;
                next
            }
            Action::StartFresh => {
                let mut next = self.replaced(Plan::default());
                next.persistence = Persistence::Saved;
                next.restorable = self.restorable;
                next
            }
            Action::Reset(plan) => {
                let mut next = self.replaced(plan);
                next.restorable = self.restorable;
                next
            }
            Action::SetTitle(title) => self.changed(|plan| Ok(plan.rename(&title)))?,
            Action::NewDeal(id) => self.with_dialog(Some(Dialog::NewDeal(id))),
            Action::OpenDeal(id) => self.plan.deal(&id).map(|_| {
                self.with_dialog(Some(Dialog::Deal {
                    id,
                    tab: DealTab::Details,
                }))
            })?,
            Action::ShowTab(tab) => match &self.dialog {
                Some(Dialog::Deal { id, tab: current }) if *current != tab => {
                    self.with_dialog(Some(Dialog::Deal {
                        id: id.clone(),
                        tab,
                    }))
                }
                _ => return None,
            },
            Action::CloseDialog => match &self.dialog {
                None => return None,
                // an edit made on an older version is kept until the person chooses
                Some(Dialog::EditConflict { .. }) => return None,
                // closing a deal was asked from its dialog: cancelling goes back there
                Some(Dialog::Close { id, .. }) => self.with_dialog(Some(Dialog::Deal {
                    id: id.clone(),
                    tab: DealTab::Details,
                })),
                Some(_) => self.with_dialog(None),
            },
            Action::SaveDeal {
                fields,
                base,
                then,
                now,
            } => {
                let (id, new) = match &self.dialog {
                    Some(Dialog::NewDeal(id)) => (id.clone(), true),
                    // deleted in another tab while being edited: saved as a new deal
                    Some(Dialog::Gone { id, .. }) => (id.clone(), true),
                    Some(Dialog::Deal { id, .. }) => (id.clone(), false),
                    _ => return None,
                };
                if !new {
                    let theirs = self.plan.deal_rc(&id)?;
                    if base.is_some_and(|base| base != theirs.updated) {
                        // the deal changed (in another tab) since the editor opened on it
                        return Some(self.with_dialog(Some(Dialog::EditConflict {
                            id,
                            fields: Rc::new(fields),
                            theirs: theirs.clone(),
                            then,
                        })));
                    }
                }
                let mut next = self
                    .changed(|plan| {
                        if new {
                            plan.add(id.clone(), fields, now).map(|()| true)
                        } else {
                            let before = plan.deal_rc(&id).cloned();
                            plan.edit(&id, fields, now)?;
                            Ok(plan.deal_rc(&id) != before.as_ref())
                        }
                    })
                    .unwrap_or_else(|| self.copy());
                next.dialog = match then {
                    Some(outcome) if next.plan.deal(&id).is_some_and(|d| d.is_open()) => {
                        Some(Dialog::Close { id, outcome })
                    }
                    _ => None,
                };
                next
            }
            Action::ResolveEdit { keep_mine, now } => {
                let Some(Dialog::EditConflict {
                    id, fields, then, ..
                }) = &self.dialog
                else {
                    return None;
                };
                if !keep_mine {
                    return Some(self.with_dialog(Some(Dialog::Deal {
                        id: id.clone(),
                        tab: DealTab::Details,
                    })));
                }
                let mut next = self
                    .changed(|plan| {
                        let before = plan.deal_rc(id).cloned();
                        plan.edit(id, (**fields).clone(), now)?;
                        Ok(plan.deal_rc(id) != before.as_ref())
                    })
                    .unwrap_or_else(|| self.copy());
                next.dialog = then.map(|outcome| Dialog::Close {
                    id: id.clone(),
                    outcome,
                });
                next
            }
            Action::Delete(id) => {
                let mut removed = None;
                let mut next = self.changed(|plan| {
                    removed = Some(plan.remove(&id)?);
                    Ok(true)
                })?;
                next.undo = removed.map(|removed| Undo {
                    seq: self.undo.as_ref().map_or(1, |u| u.seq + 1),
                    removed: Rc::new(removed),
                });
                next.dialog = None;
                next
            }
            Action::Undo => {
                let undo = self.undo.clone()?;
                let mut next = self
                    .changed(|plan| plan.restore((*undo.removed).clone()).map(|()| true))
                    .unwrap_or_else(|| self.copy());
                next.undo = None;
                next
            }
            Action::ForgetUndo(seq) => match &self.undo {
                Some(undo) if undo.seq == seq => Session {
                    undo: None,
                    ..self.copy()
                },
                _ => return None,
            },
            Action::Step { id, forward, now } => {
                let mut outcome = None;
                let mut next = self
                    .changed(|plan| {
                        let moved = plan.step(&id, forward, "", now)?;
                        let changed = matches!(moved, MoveOutcome::Moved(_));
                        outcome = Some(moved);
                        Ok(changed)
                    })
                    .unwrap_or_else(|| self.copy());
                next.dialog = self.after_move(&id, outcome)?;
                next
            }
            Action::Move {
                id,
                to,
                reason,
                now,
            } => {
                let mut outcome = None;
                let mut next = self
                    .changed(|plan| {
                        let moved = plan.move_deal(&id, to, &reason, now)?;
                        let changed = plan.deal(&id).is_some_and(|d| d.stage == to)
                            && matches!(moved, MoveOutcome::Moved(_));
                        outcome = Some(moved);
                        Ok(changed)
                    })
                    .unwrap_or_else(|| self.copy());
                next.dialog = self.after_move(&id, outcome)?;
                next
            }
            Action::BackToWork => match &self.dialog {
                Some(Dialog::Blocked(blocked)) => self.with_dialog(Some(Dialog::Deal {
                    id: blocked.id.clone(),
                    tab: DealTab::Gates,
                })),
                _ => return None,
            },
            Action::CancelMove => match &self.dialog {
                Some(Dialog::Blocked(blocked)) => {
                    self.with_dialog(blocked.from.map(|tab| Dialog::Deal {
                        id: blocked.id.clone(),
                        tab,
                    }))
                }
                _ => return None,
            },
            Action::StartClose { id, outcome } => {
                if !self.plan.deal(&id)?.is_open() {
                    return None;
                }
                self.with_dialog(Some(Dialog::Close { id, outcome }))
            }
            Action::Win { id, win, now } => {
                let mut next = self.changed(|plan| {
                    Ok(matches!(plan.win(&id, win, now)?, MoveOutcome::Moved(_)))
                })?;
                next.dialog = Some(Dialog::Deal {
                    id,
                    tab: DealTab::Details,
                });
                next
            }
            Action::Lose { id, loss, now } => {
                let mut next = self.changed(|plan| plan.lose(&id, loss, now).map(|()| true))?;
                next.dialog = Some(Dialog::Deal {
                    id,
                    tab: DealTab::Details,
                });
                next
            }
            Action::Reopen { id, now } => {
                self.changed(|plan| plan.reopen(&id, now).map(|()| true))?
            }
            Action::CheckGate {
                id,
                item,
                check,
                now,
            } => self.changed_if(|plan| plan.check_gate(&id, &item, check, now))?,
            Action::UncheckGate { id, item, now } => {
                self.changed_if(|plan| plan.uncheck_gate(&id, &item, now))?
            }
            Action::EditPeople { id, edit, now } => {
                self.changed(|plan| plan.edit_people(&id, edit, now))?
            }
            Action::ToggleSelfCheck { id, question } => {
                self.changed(|plan| plan.toggle_self_check(&id, &question).map(|()| true))?
            }
            Action::ClearSelfCheck(id) => self.changed_if(|plan| plan.clear_self_check(&id))?,
            Action::SetStrategies {
                id,
                stage,
                strategies,
                now,
            } => self.changed(|plan| plan.set_strategies(&id, stage, strategies, now))?,
            Action::EditMethod(edit) => {
                let mut error = None;
                let mut next = self
                    .changed(|plan| {
                        let before = Rc::clone(&plan.method);
                        error = apply_method_edit(plan.method_mut(), edit).err();
                        Ok(*plan.method != *before)
                    })
                    .unwrap_or_else(|| self.copy());
                if next.method_error == error && next.revision == self.revision {
                    return None;
                }
                next.method_error = error;
                next
            }
            Action::SetQuota {
                owner,
                period,
                amount,
            } => self.changed(|plan| Ok(plan.set_quota(owner, period, amount)))?,
            Action::ClosePeriod { period, now } => {
                self.changed(|plan| Ok(plan.keep_snapshot(take(plan, period, now))))?
            }
            Action::DeleteSnapshot(id) => self.changed(|plan| Ok(plan.delete_snapshot(&id)))?,
            Action::SetTarget { target, now } => self.changed(|plan| {
                Ok(plan.set_target(Target {
                    updated: Some(now),
                    ..target
                }))
            })?,
            Action::RemoveTarget { period, to } => {
                self.changed(|plan| Ok(plan.remove_target(period, to)))?
            }
            Action::SetBonus { id, bonus, now } => {
                self.changed(|plan| plan.set_bonus(&id, bonus, now))?
            }
            Action::SetLang(lang) if lang != self.lang => Session {
                lang,
                ..self.copy()
            },
            Action::SetView(view) if view != self.view => Session {
                view,
                ..self.copy()
            },
            Action::SetLang(_) | Action::SetView(_) => return None,
            Action::Workshop(edit) => {
                let opened = matches!(edit, super::workshop::WorkshopEdit::Compared { .. });
                Session {
                    workshop: super::workshop::apply(&self.workshop, edit)?,
                    view: if opened { View::Workshop } else { self.view },
                    ..self.copy()
                }
            }
            Action::SortBy(key) => {
                let direction = if self.sort.0 == key {
                    self.sort.1.flipped()
                } else {
                    key.natural_direction()
                };
                Session {
                    sort: (key, direction),
                    ..self.copy()
                }
            }
            Action::SetFilter(filter) => Session {
                filter,
                ..self.copy()
            },
            Action::Saved(result) => {
                if self.is_blocked() {
                    return None;
                }
                match result {
                    SaveResult::Saved { seen, usage } => Session {
                        persistence: Persistence::Saved,
                        seen,
                        wrote_seen: true,
                        usage,
                        ..self.copy()
                    },
                    SaveResult::Stale => Session {
                        persistence: Persistence::Stale,
                        ..self.copy()
                    },
                    SaveResult::Failed(e) => Session {
                        persistence: Persistence::Failed(e),
                        ..self.copy()
                    },
                }
            }
            Action::External {
                stored,
                raw,
                backup_saved,
                seen,
                force,
                heard,
            } => {
                if seen == self.seen && !force {
                    return None;
                }
                // the store no longer holds this tab's own save, and the save heard of was made
                // over another version (two saves at once, whichever the browser kept last):
                // this tab's save was replaced unseen, so it keeps its plan and is told
                let lost = self.wrote_seen
                    && heard.is_some_and(|heard| heard.parent != Some(self.seen.fingerprint));
                // unreadable text, or nothing (storage cleared by another page of this origin),
                // never takes the place of the plan shown unasked: it may be the only copy left
                let no_plan = matches!(stored, Stored::Unreadable(_) | Stored::Nothing)
                    && !self.plan.deals.is_empty();
                let unsaved = lost
                    || no_plan
                    || matches!(
                        self.persistence,
                        Persistence::Failed(_) | Persistence::Stale
                    );
                if unsaved && !force {
                    return Some(Session {
                        persistence: Persistence::Stale,
                        ..self.copy()
                    });
                }
                let mut next = self.copy();
                next.seen = seen;
                next.wrote_seen = false;
                next.persistence = Persistence::Saved;
                let plan = match stored {
                    Stored::Plan(plan) => plan,
                    Stored::Nothing => Plan::default(),
                    Stored::Unreadable(why) => {
                        next.persistence = Persistence::Blocked {
                            raw: raw.unwrap_or_default().into(),
                            why,
                            backup_saved,
                        };
                        Plan::default()
                    }
                };
                next.plan = PlanRef(Rc::new(plan));
                next.dialog = match self.dialog.clone() {
                    Some(Dialog::Blocked(_)) | Some(Dialog::Close { .. }) => None,
                    // a deal deleted elsewhere while open here: its dialog stays, with what
                    // was typed, offering to save it as a new deal
                    Some(Dialog::Deal { id, .. }) | Some(Dialog::EditConflict { id, .. })
                        if next.plan.deal(&id).is_none() =>
                    {
                        self.plan.deal_rc(&id).map(|last| Dialog::Gone {
                            id,
                            last: last.clone(),
                        })
                    }
                    other => other,
                };
                next
            }
            Action::Merged { plan, seen } => {
                let mut next = self.replaced(plan);
                next.seen = seen;
                next.wrote_seen = false;
                next.persistence = Persistence::Saved;
                next.dialog = self.dialog.clone();
                next.undo = self.undo.clone();
                next
            }
            Action::KeepMine { seen } => Session {
                seen,
                wrote_seen: false,
                persistence: Persistence::Saved,
                revision: self.revision + 1,
                ..self.copy()
            },
            Action::ImportRead(files) => {
                // nothing is imported while stored text is unreadable, nor over another dialog
                // (whatever was typed there would be lost)
                if files.is_empty() || self.is_blocked() || self.busy_for_import() {
                    return None;
                }
                self.with_dialog(Some(Dialog::Import(Rc::new(files))))
            }
            Action::ImportTable(table) => {
                if self.is_blocked() || self.busy_for_import() {
                    return None;
                }
                self.with_dialog(Some(Dialog::ImportTable(Rc::new(table))))
            }
            Action::ApplyImport(plan) => {
                let mut next = self.replaced(plan);
                next.restorable = true;
                // a deletion can still be undone if the import did not bring the deal back
                next.undo = self
                    .undo
                    .clone()
                    .filter(|undo| next.plan.deal(&undo.removed.deal.id).is_none());
                next
            }
            Action::Restore(plan) => {
                let mut next = self.replaced(plan);
                next.restorable = false;
                next
            }
            Action::DismissRestore => Session {
                restorable: false,
                ..self.copy()
            },
            Action::OpenExport => self.with_dialog(Some(Dialog::Export)),
            Action::OpenBackups => self.with_dialog(Some(Dialog::Backups)),
            Action::RetrySave => match self.persistence {
                Persistence::Failed(_) => Session {
                    revision: self.revision + 1,
                    ..self.copy()
                },
                _ => return None,
            },
            Action::Usage(usage) if usage != self.usage => Session {
                usage,
                ..self.copy()
            },
            Action::Usage(_) => return None,
            Action::Present(verb) => return self.present(verb),
        };
        Some(next)
    }

    /// A copy of the state to change (one function, not a copy inlined at every verb).
    #[inline(never)]
    fn copy(&self) -> Session {
        self.clone()
    }

    fn with_dialog(&self, dialog: Option<Dialog>) -> Session {
        Session {
            dialog,
            ..self.copy()
        }
    }

    /// Applies `change` to a copy of the plan: `Ok(true)` keeps the copy as a new revision;
    /// `Ok(false)` (nothing changed) and an error give `None`.
    fn changed(
        &self,
        change: impl FnOnce(&mut Plan) -> Result<bool, PlanError>,
    ) -> Option<Session> {
        let mut plan = (*self.plan.0).clone();
        match change(&mut plan) {
            Ok(true) => Some(Session {
                plan: PlanRef(Rc::new(plan)),
                revision: self.revision + 1,
                ..self.copy()
            }),
            Ok(false) | Err(_) => None,
        }
    }

    /// Like [`Session::changed`], for verbs that say nothing of a change: the plan's deals tell.
    fn changed_if(
        &self,
        change: impl FnOnce(&mut Plan) -> Result<(), PlanError>,
    ) -> Option<Session> {
        let before = self.plan.clone();
        self.changed(|plan| {
            change(plan)?;
            Ok(plan.deals != before.deals)
        })
    }

    /// Another dialog than an import's is open (whatever was typed there would be lost).
    fn busy_for_import(&self) -> bool {
        !matches!(
            self.dialog,
            None | Some(Dialog::Import(_)) | Some(Dialog::ImportTable(_))
        )
    }

    /// The whole plan swapped for another (sample, fresh start, import, restore); nothing of the
    /// old one stays open.
    fn replaced(&self, plan: Plan) -> Session {
        Session {
            plan: PlanRef(Rc::new(plan)),
            revision: self.revision + 1,
            dialog: None,
            undo: None,
            ..self.copy()
        }
    }

    /// The dialog after a move of `id`: the override dialog when it was refused, else the one
    /// that was open (none when the move failed and nothing was open).
    fn after_move(&self, id: &DealId, outcome: Option<MoveOutcome>) -> Option<Option<Dialog>> {
        match outcome {
            Some(MoveOutcome::Blocked { to, missing }) => {
                let from = match &self.dialog {
                    Some(Dialog::Deal { id: open, tab }) if open == id => Some(*tab),
                    Some(Dialog::Blocked(blocked)) => blocked.from,
                    _ => None,
                };
                Some(Some(Dialog::Blocked(BlockedMove {
                    id: id.clone(),
                    to,
                    missing,
                    from,
                })))
            }
            Some(MoveOutcome::Moved(_)) => Some(match &self.dialog {
                Some(Dialog::Blocked(blocked)) => blocked.from.map(|tab| Dialog::Deal {
                    id: blocked.id.clone(),
                    tab,
                }),
                other => other.clone(),
            }),
            None => None,
        }
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
        MethodEdit::Evidence(id, required) => method.set_evidence(&id, required),
        MethodEdit::MapRule(id, rule) => method.set_map_rule(&id, rule),
        MethodEdit::ContactDays(days) => method.set_contact_days(days),
        MethodEdit::ChainFrom(stage) => {
            method.set_chain_from(stage);
            Ok(())
        }
        MethodEdit::TopBy(stage) => {
            method.set_top_by(stage);
            Ok(())
        }
        MethodEdit::Weight(part, weight) => method.set_weight(part, weight),
        MethodEdit::Reset => {
            *method = Method::default();
            Ok(())
        }
    }
}
