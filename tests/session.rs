//! The app state and its rules, natively: every action of the reducer, the two-tab rules and the
//! rules for storage that is full, disabled or holds unreadable text, over an in-memory store
//! that can be made to fail.
mod common;

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use common::{date, fields, item, later, many_deals, method_with, now, plan_by, plan_with, today};
use keyplan::domain::deal::GateCheck;
use keyplan::domain::filter::{Dimension, Filter};
use keyplan::domain::list::{Direction, SortKey};
use keyplan::domain::method::edit::MethodError;
use keyplan::domain::plan::{Loss, Win};
use keyplan::domain::plan_file::{decode, decode_stored, encode, Stored};
use keyplan::domain::quota::QuotaPeriod;
use keyplan::domain::{DealId, DealStatus, Money, Plan, Stage};
use keyplan::i18n::Lang;
use keyplan::session::backups::{self, BackupKind, OFFER_KEY};
use keyplan::session::{
    self, Action, DealTab, Dialog, MethodEdit, Outcome, Persistence, SaveResult, Seen, Session,
    StorageError, Store, View, PLAN_KEY, STAMP_KEY,
};

/// A write of the stamp: what it replaced and what it wrote.
type StampWrite = (Option<String>, String);

/// Something another tab does while this one is in the middle of a store operation.
type Meanwhile = Rc<RefCell<Option<Box<dyn FnMut(&Memory, usize)>>>>;

/// An in-memory store that shares its contents with its clones (two tabs of one browser), can
/// refuse writes, and can let another tab act before its `n`-th operation.
#[derive(Clone, Default)]
struct Memory {
    items: Rc<RefCell<BTreeMap<String, String>>>,
    refuse: Rc<RefCell<Option<StorageError>>>,
    meanwhile: Meanwhile,
    operations: Rc<RefCell<usize>>,
    /// The last write of the stamp: what it replaced and what it wrote (a `storage` event).
    last_stamp: Rc<RefCell<Option<StampWrite>>>,
}

impl Memory {
    fn with(items: &[(&str, &str)]) -> Memory {
        let memory = Memory::default();
        for (key, value) in items {
            memory.put(key, value);
        }
        memory
    }

    fn put(&self, key: &str, value: &str) {
        self.items
            .borrow_mut()
            .insert(key.to_string(), value.to_string());
    }

    fn get(&self, key: &str) -> Option<String> {
        self.items.borrow().get(key).cloned()
    }

    fn refuse(&self, error: Option<StorageError>) {
        *self.refuse.borrow_mut() = error;
    }
}

impl Memory {
    /// Runs what another tab does, if anything, before this operation.
    fn step(&self) {
        let n = {
            let mut count = self.operations.borrow_mut();
            *count += 1;
            *count
        };
        let hook = self.meanwhile.borrow_mut().take();
        if let Some(mut hook) = hook {
            hook(self, n);
            *self.meanwhile.borrow_mut() = Some(hook);
        }
    }
}

impl Store for Memory {
    fn read(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.step();
        match &*self.refuse.borrow() {
            Some(StorageError::Unavailable) => Err(StorageError::Unavailable),
            _ => Ok(self.get(key)),
        }
    }

    fn write(&self, key: &str, value: &str) -> Result<(), StorageError> {
        self.step();
        if let Some(error) = &*self.refuse.borrow() {
            return Err(error.clone());
        }
        if key == STAMP_KEY {
            *self.last_stamp.borrow_mut() = Some((self.get(key), value.to_string()));
        }
        self.put(key, value);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        Ok(self.items.borrow().keys().cloned().collect())
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        if let Some(error) = &*self.refuse.borrow() {
            return Err(error.clone());
        }
        self.items.borrow_mut().remove(key);
        Ok(())
    }

    fn used_chars(&self) -> Result<usize, StorageError> {
        Ok(self
            .items
            .borrow()
            .iter()
            .map(|(k, v)| k.encode_utf16().count() + v.encode_utf16().count())
            .sum())
    }
}

/// One tab: its state, and the page's save effect (a save after every new revision).
struct Tab {
    state: Rc<Session>,
    store: Memory,
    stamps: u32,
}

impl Tab {
    fn open(store: &Memory) -> Tab {
        Tab {
            state: Rc::new(Session::new(
                session::load(store, now()),
                Lang::Zh,
                View::Board,
            )),
            store: store.clone(),
            stamps: 0,
        }
    }

    /// A tab that loads the training case on a first visit.
    fn with_sample(store: &Memory) -> Tab {
        let mut tab = Tab::open(store);
        tab.act(Action::LoadSample {
            today: today(),
            now: now(),
        });
        tab
    }

    /// Dispatches `action`, then saves as the page does when the revision moved.
    fn act(&mut self, action: Action) {
        let before = self.state.revision;
        self.state = self.state.clone().reduce(action);
        if self.state.revision != before && !self.state.is_blocked() {
            self.stamps += 1;
            let saved = session::save(
                &self.store,
                &self.state.plan,
                &self.state.seen,
                later(i64::from(self.stamps)),
                format!("stamp-{:p}-{}", Rc::as_ptr(&self.store.items), self.stamps)
                    + &format!("-{:p}", self as *const Tab),
            );
            self.state = self.state.clone().reduce(saved);
        }
    }

    /// What the page does on a `storage` event from another tab (the last stamp written).
    fn hear(&mut self) {
        let heard = self
            .store
            .last_stamp
            .borrow()
            .clone()
            .map(|(_, new)| session::heard(Some(&new)));
        let update = session::external(&self.store, false, now(), heard);
        self.state = self.state.clone().reduce(update);
    }

    fn plan(&self) -> &Plan {
        &self.state.plan
    }
}

/// The texts of the backups of `kind`, newest first.
fn backup_texts(store: &Memory, kind: BackupKind) -> Vec<String> {
    backups::list_backups(store)
        .unwrap()
        .into_iter()
        .filter(|b| b.kind == kind)
        .map(|b| store.get(&b.key).unwrap())
        .collect()
}

fn state_with(plan: Plan) -> Rc<Session> {
    common::session_with(plan)
}

fn id(s: &str) -> DealId {
    DealId::new(s)
}

fn stored_plan(store: &Memory) -> Plan {
    decode(&store.get(PLAN_KEY).expect("a saved plan")).unwrap()
}

// ---------------------------------------------------------------------------------------------
// Every action

#[test]
fn an_action_that_changes_nothing_keeps_the_same_state() {
    let state = state_with(plan_with(&[("a", 1, Stage::P0)]));
    for action in [
        Action::SetLang(Lang::Zh),
        Action::SetView(View::Board),
        Action::ForgetUndo(7),
        Action::Undo,
        Action::CloseDialog,
        Action::BackToWork,
        Action::CancelMove,
        Action::OpenDeal(id("nobody")),
        Action::Delete(id("nobody")),
        Action::ClearSelfCheck(id("a")),
        Action::UncheckGate {
            id: id("a"),
            item: item(Stage::P0, 0),
            now: now(),
        },
        Action::Step {
            id: id("a"),
            forward: false,
            now: now(),
        },
        Action::ImportRead(Vec::new()),
        Action::Reopen {
            id: id("a"),
            now: now(),
        },
    ] {
        let next = state.clone().reduce(action.clone());
        assert!(Rc::ptr_eq(&next, &state), "{action:?} changed the state");
    }
}

/// The deal just created, saved or stepped is the one the board and the list keep in sight.
#[test]
fn the_deal_last_created_saved_or_moved_is_remembered() {
    let state = state_with(Plan::default());
    assert_eq!(state.touched, None);
    let state = state
        .reduce(Action::NewDeal(id("n")))
        .reduce(Action::SaveDeal {
            base: None,
            fields: fields("新项目", 100, Stage::P1),
            then: None,
            now: now(),
        });
    assert_eq!(state.touched, Some(id("n")));
    let state = state
        .reduce(Action::NewDeal(id("m")))
        .reduce(Action::SaveDeal {
            base: None,
            fields: fields("另一个", 100, Stage::P0),
            then: None,
            now: now(),
        });
    assert_eq!(state.touched, Some(id("m")));
    let state = state.reduce(Action::Step {
        id: id("n"),
        forward: false,
        now: later(1),
    });
    assert_eq!(state.touched, Some(id("n")), "stepped back to P0");
    let state = state.reduce(Action::OpenDeal(id("m")));
    assert_eq!(
        state.touched,
        Some(id("n")),
        "opening a deal changes nothing"
    );
}

#[test]
fn new_open_and_save_deals_through_one_dialog() {
    let state = state_with(Plan::default());
    let state = state.reduce(Action::NewDeal(id("n")));
    assert_eq!(state.dialog, Some(Dialog::NewDeal(id("n"))));
    let state = state.reduce(Action::SaveDeal {
        base: None,
        fields: fields("新项目", 100, Stage::P1),
        then: None,
        now: now(),
    });
    assert_eq!(state.dialog, None);
    assert_eq!(state.revision, 1);
    assert_eq!(state.plan.deals[0].stage, Stage::P1);
    let state = state.reduce(Action::OpenDeal(id("n")));
    assert_eq!(
        state.dialog,
        Some(Dialog::Deal {
            id: id("n"),
            tab: DealTab::Details
        })
    );
    let state = state.reduce(Action::ShowTab(DealTab::History));
    assert!(matches!(
        state.dialog,
        Some(Dialog::Deal {
            tab: DealTab::History,
            ..
        })
    ));
    let unchanged = state.clone().reduce(Action::SaveDeal {
        base: None,
        fields: fields("新项目", 100, Stage::P1),
        then: None,
        now: later(1),
    });
    assert_eq!(
        unchanged.revision, 1,
        "saving an unchanged deal saves nothing"
    );
    assert_eq!(unchanged.dialog, None, "but closes the editor");
    let edited = state.reduce(Action::SaveDeal {
        base: None,
        fields: fields("改名", 100, Stage::P1),
        then: None,
        now: later(1),
    });
    assert_eq!(
        (edited.revision, edited.plan.deals[0].name.as_str()),
        (2, "改名")
    );
}

#[test]
fn saving_then_marking_won_opens_the_close_dialog() {
    let state = state_with(plan_with(&[("a", 100, Stage::P6)]))
        .reduce(Action::OpenDeal(id("a")))
        .reduce(Action::SaveDeal {
            base: None,
            fields: fields("a", 120, Stage::P6),
            then: Some(Outcome::Won),
            now: later(1),
        });
    assert_eq!(
        state.plan.deals[0].amount,
        Money::from_major(120),
        "edits saved first"
    );
    assert_eq!(
        state.dialog,
        Some(Dialog::Close {
            id: id("a"),
            outcome: Outcome::Won
        })
    );
    let state = state.reduce(Action::Win {
        id: id("a"),
        win: Win {
            signed_on: date("2026-11-20"),
            amount: Money::from_major(118),
            reason: String::new(),
            review: Default::default(),
        },
        now: later(2),
    });
    let deal = &state.plan.deals[0];
    assert_eq!(
        (deal.status, deal.stage, deal.amount, deal.closed_on),
        (
            DealStatus::Won,
            Stage::P7,
            Money::from_major(118),
            Some(date("2026-11-20"))
        )
    );
    assert_eq!(
        state.dialog,
        Some(Dialog::Deal {
            id: id("a"),
            tab: DealTab::Details
        }),
        "back to the deal, now won"
    );
    let state = state.reduce(Action::Reopen {
        id: id("a"),
        now: later(3),
    });
    assert_eq!(state.plan.deals[0].status, DealStatus::Open);
}

#[test]
fn a_win_past_unmet_gates_needs_a_reason_and_a_loss_needs_why() {
    let mut plan = plan_by(method_with(1));
    plan.add(id("a"), fields("a", 10, Stage::P2), now())
        .unwrap();
    let state = state_with(plan).reduce(Action::StartClose {
        id: id("a"),
        outcome: Outcome::Won,
    });
    let win = |reason: &str| Action::Win {
        id: id("a"),
        win: Win {
            signed_on: today(),
            amount: Money::from_major(10),
            reason: reason.to_string(),
            review: Default::default(),
        },
        now: later(1),
    };
    let refused = state.clone().reduce(win(""));
    assert!(
        Rc::ptr_eq(&refused, &state),
        "no reason, no win: the dialog stays"
    );
    assert_eq!(
        state.clone().reduce(Action::CloseDialog).dialog,
        Some(Dialog::Deal {
            id: id("a"),
            tab: DealTab::Details
        }),
        "cancelling a close goes back to the deal"
    );
    let won = state.reduce(win("客户提前签约"));
    assert_eq!(won.plan.deals[0].status, DealStatus::Won);
    assert!(won.plan.deals[0].history.last().unwrap().is_override());

    let state = state_with(plan_with(&[("b", 5, Stage::P3)])).reduce(Action::StartClose {
        id: id("b"),
        outcome: Outcome::Lost,
    });
    let lose = |reason: &str| Action::Lose {
        id: id("b"),
        loss: Loss {
            lost_on: today(),
            reason: reason.to_string(),
            competitor: "对手 A".into(),
            review: Default::default(),
        },
        now: later(1),
    };
    assert!(Rc::ptr_eq(&state.clone().reduce(lose(" ")), &state));
    let lost = state.reduce(lose("价格"));
    assert_eq!(lost.plan.deals[0].status, DealStatus::Lost);
    assert_eq!(lost.plan.deals[0].closing().unwrap().competitor, "对手 A");
    let again = lost.clone().reduce(Action::StartClose {
        id: id("b"),
        outcome: Outcome::Won,
    });
    assert!(
        Rc::ptr_eq(&again, &lost),
        "a closed deal is not closed again"
    );
}

#[test]
fn delete_undo_and_the_undo_offer_timing_out() {
    let state = state_with(plan_with(&[("a", 1, Stage::P0), ("b", 2, Stage::P0)]))
        .reduce(Action::OpenDeal(id("a")))
        .reduce(Action::Delete(id("a")));
    assert_eq!(state.dialog, None);
    assert_eq!(state.plan.deals.len(), 1);
    let undo = state.undo.clone().unwrap();
    assert_eq!(undo.seq, 1);
    let back = state.clone().reduce(Action::Undo);
    assert_eq!(back.plan.deals[0].id, id("a"), "back in its place");
    assert_eq!(back.undo, None);
    assert_eq!(back.revision, 2);
    let second = state.reduce(Action::Delete(id("b")));
    assert_eq!(second.undo.as_ref().unwrap().seq, 2);
    let stale_timer = second.clone().reduce(Action::ForgetUndo(1));
    assert!(
        Rc::ptr_eq(&stale_timer, &second),
        "an older toast's timer forgets nothing"
    );
    assert_eq!(second.reduce(Action::ForgetUndo(2)).undo, None);
}

#[test]
fn a_refused_step_opens_the_override_dialog_and_back_to_work_opens_the_gates() {
    let mut plan = plan_by(method_with(1));
    plan.add(id("a"), fields("a", 10, Stage::P0), now())
        .unwrap();
    let state = state_with(plan);
    let blocked = state.clone().reduce(Action::Step {
        id: id("a"),
        forward: true,
        now: now(),
    });
    assert_eq!(blocked.revision, 0);
    let Some(Dialog::Blocked(refusal)) = &blocked.dialog else {
        panic!("expected the override dialog, got {:?}", blocked.dialog);
    };
    assert_eq!(
        (refusal.to, refusal.missing.len(), refusal.from),
        (Stage::P1, 1, None)
    );
    let to_work = blocked.clone().reduce(Action::BackToWork);
    assert_eq!(
        to_work.dialog,
        Some(Dialog::Deal {
            id: id("a"),
            tab: DealTab::Gates
        }),
        "先去完成验收 opens that deal's gate checklist"
    );
    assert_eq!(
        blocked.clone().reduce(Action::CancelMove).dialog,
        None,
        "from the board, back to the board"
    );
    let moved = blocked.reduce(Action::Move {
        id: id("a"),
        to: Stage::P1,
        reason: "客户催".into(),
        now: later(1),
    });
    assert_eq!(moved.plan.deals[0].stage, Stage::P1);
    assert_eq!(moved.dialog, None);

    let from_dialog = state
        .reduce(Action::OpenDeal(id("a")))
        .reduce(Action::ShowTab(DealTab::Coaching))
        .reduce(Action::Move {
            id: id("a"),
            to: Stage::P3,
            reason: String::new(),
            now: later(1),
        });
    assert!(
        matches!(&from_dialog.dialog, Some(Dialog::Blocked(b)) if b.from == Some(DealTab::Coaching))
    );
    assert_eq!(
        from_dialog.reduce(Action::CancelMove).dialog,
        Some(Dialog::Deal {
            id: id("a"),
            tab: DealTab::Coaching
        }),
        "back to where the move was asked"
    );
}

#[test]
fn a_step_moves_one_stage_with_its_history_and_stops_at_the_end() {
    let state = state_with(plan_with(&[("a", 1, Stage::P7)]));
    let same = state.clone().reduce(Action::Step {
        id: id("a"),
        forward: true,
        now: now(),
    });
    assert!(Rc::ptr_eq(&same, &state), "P7 has no later stage");
    let back = state.reduce(Action::Step {
        id: id("a"),
        forward: false,
        now: now(),
    });
    assert_eq!(back.plan.deals[0].stage, Stage::P6);
    assert_eq!(back.plan.deals[0].history.len(), 1);
}

#[test]
fn gates_and_self_checks_change_the_plan_only_when_they_change_something() {
    let mut plan = plan_by(method_with(1));
    plan.add(id("a"), fields("a", 10, Stage::P0), now())
        .unwrap();
    let check = GateCheck {
        on: today(),
        evidence: "纪要".into(),
    };
    let tick = |check: GateCheck| Action::CheckGate {
        id: id("a"),
        item: item(Stage::P0, 0),
        check,
        now: later(1),
    };
    let state = state_with(plan).reduce(tick(check.clone()));
    assert_eq!(state.revision, 1);
    let same = state.clone().reduce(tick(check));
    assert!(Rc::ptr_eq(&same, &state));
    let state = state
        .reduce(Action::ToggleSelfCheck {
            id: id("a"),
            question: "q".into(),
        })
        .reduce(Action::ClearSelfCheck(id("a")))
        .reduce(Action::UncheckGate {
            id: id("a"),
            item: item(Stage::P0, 0),
            now: later(2),
        });
    assert_eq!(state.revision, 4);
    assert!(state.plan.deals[0].gates.is_empty() && state.plan.deals[0].self_check.is_empty());
}

#[test]
fn method_edits_and_their_refusals() {
    let state = state_with(plan_with(&[("a", 1, Stage::P0)]));
    let state = state.reduce(Action::EditMethod(MethodEdit::Probability(Stage::P2, 30)));
    assert_eq!(
        (state.revision, state.plan.method.probability(Stage::P2)),
        (1, 30)
    );
    let refused = state
        .clone()
        .reduce(Action::EditMethod(MethodEdit::Probability(Stage::P2, 130)));
    assert_eq!(refused.method_error, Some(MethodError::Probability(130)));
    assert_eq!(refused.revision, 1);
    let again = refused
        .clone()
        .reduce(Action::EditMethod(MethodEdit::Probability(Stage::P2, 130)));
    assert!(Rc::ptr_eq(&again, &refused));
    let reset = refused.reduce(Action::EditMethod(MethodEdit::Reset));
    assert_eq!(reset.method_error, None);
    assert_eq!(reset.plan.method.probability(Stage::P2), 25);
}

#[test]
fn quotas_filters_sorting_language_and_view() {
    let state = state_with(plan_with(&[("a", 1, Stage::P0)]));
    let q4 = QuotaPeriod::parse("2026-Q4").unwrap();
    let state = state.reduce(Action::SetQuota {
        owner: None,
        period: q4,
        amount: Money::from_major(5),
    });
    assert_eq!((state.revision, state.plan.quotas.len()), (1, 1));
    let same = state.clone().reduce(Action::SetQuota {
        owner: None,
        period: q4,
        amount: Money::from_major(5),
    });
    assert!(Rc::ptr_eq(&same, &state));
    let state = state
        .reduce(Action::SortBy(SortKey::Amount))
        .reduce(Action::SetLang(Lang::En))
        .reduce(Action::SetView(View::Forecast))
        .reduce(Action::SetFilter(
            Filter::default().with(Dimension::Owner, "王晓明"),
        ));
    assert_eq!(
        state.sort,
        (SortKey::Amount, Direction::Ascending),
        "a second click flips"
    );
    let state = state.reduce(Action::SortBy(SortKey::Name));
    assert_eq!(state.sort, (SortKey::Name, Direction::Ascending));
    assert_eq!((state.lang, state.view), (Lang::En, View::Forecast));
    assert_eq!(state.filter.value(Dimension::Owner), Some("王晓明"));
    assert_eq!(state.revision, 1, "none of these is a change to the plan");
}

#[test]
fn targets_and_bonus_pools_are_reducer_verbs() {
    use keyplan::domain::split::{Part, Split, SplitKind};
    use keyplan::domain::target::{SplitTo, Target, TargetPeriod};
    let mut plan = plan_with(&[("a", 100, Stage::P5), ("b", 100, Stage::P2)]);
    common::set_status(
        &mut plan,
        &DealId::new("a"),
        DealStatus::Won,
        today(),
        now(),
    );
    let state = state_with(plan);
    let split = Split {
        total: Money::from_major(100),
        kind: SplitKind::Share,
        parts: vec![Part {
            name: "王".into(),
            value: 10_000,
            ..Part::default()
        }],
        ..Split::default()
    };
    let period = TargetPeriod::parse("2026").unwrap();
    let target = Target {
        period,
        to: SplitTo::Owner,
        split: split.clone(),
        updated: None,
    };
    let state = state.reduce(Action::SetTarget {
        target: target.clone(),
        now: later(0),
    });
    let stamped = Target {
        updated: Some(later(0)),
        ..target.clone()
    };
    assert_eq!(
        (state.revision, state.plan.targets.clone()),
        (1, vec![stamped])
    );
    let same = state.clone().reduce(Action::SetTarget {
        target,
        now: later(5),
    });
    assert!(
        Rc::ptr_eq(&same, &state),
        "the same target changes nothing, nor its stamp"
    );
    let state = state.reduce(Action::SetBonus {
        id: DealId::new("a"),
        bonus: Some(split.clone()),
        now: later(1),
    });
    assert_eq!(state.revision, 2);
    assert_eq!(
        state.plan.deal(&DealId::new("a")).unwrap().bonus,
        Some(split.clone())
    );
    let refused = state.clone().reduce(Action::SetBonus {
        id: DealId::new("b"),
        bonus: Some(split),
        now: later(2),
    });
    assert!(
        Rc::ptr_eq(&refused, &state),
        "an open deal has no bonus pool"
    );
    let state = state.reduce(Action::RemoveTarget {
        period,
        to: SplitTo::Owner,
    });
    assert!(state.plan.targets.is_empty());
    assert_eq!(state.revision, 3);
}

#[test]
fn the_sample_export_and_import_dialogs() {
    let state = state_with(Plan::default()).reduce(Action::LoadSample {
        today: today(),
        now: now(),
    });
    assert_eq!(state.plan.deals.len(), 13);
    assert_eq!(state.revision, 1);
    assert_eq!(
        state.clone().reduce(Action::OpenExport).dialog,
        Some(Dialog::Export)
    );
    let text = encode(&plan_with(&[("x", 1, Stage::P0)]), now());
    let parsed = keyplan::domain::plan_file::read(
        &text,
        keyplan::domain::plan_file::Mode::Lenient { now: now() },
    );
    let state = state.reduce(Action::ImportRead(vec![("x.json".into(), parsed)]));
    assert!(matches!(&state.dialog, Some(Dialog::Import(files)) if files.len() == 1));
    let applied = state
        .clone()
        .reduce(Action::ApplyImport(plan_with(&[("x", 1, Stage::P0)])));
    assert_eq!((applied.dialog.clone(), applied.restorable), (None, true));
    let restored = applied.reduce(Action::Restore(state.plan.0.as_ref().clone()));
    assert_eq!(restored.plan.deals.len(), 13);
    assert!(!restored.restorable);
    let dismissed = restored.reduce(Action::DismissRestore);
    assert!(!dismissed.restorable);
}

// ---------------------------------------------------------------------------------------------
// Storage: start-up, saving, two tabs

#[test]
fn a_first_visit_finds_nothing_and_saves_after_the_first_change() {
    let store = Memory::default();
    let mut tab = Tab::open(&store);
    assert_eq!(tab.state.persistence, Persistence::Saved);
    assert!(tab.plan().deals.is_empty());
    assert_eq!(
        store.get(PLAN_KEY),
        None,
        "nothing written on a first visit"
    );
    tab.act(Action::LoadSample {
        today: today(),
        now: now(),
    });
    assert_eq!(stored_plan(&store).deals.len(), 13);
    assert_eq!(tab.state.seen.stamp, store.get(STAMP_KEY));
    assert!(tab.state.usage.unwrap() > 1000);
}

#[test]
fn unreadable_text_is_backed_up_kept_and_never_written_over() {
    let store = Memory::with(&[(PLAN_KEY, "{\"format\":\"keyplan.plan\",oops")]);
    let mut tab = Tab::open(&store);
    assert!(tab.state.is_blocked());
    assert_eq!(
        backup_texts(&store, BackupKind::Unreadable)
            .first()
            .map(String::as_str),
        Some("{\"format\":\"keyplan.plan\",oops")
    );
    let Persistence::Blocked { backup_saved, .. } = &tab.state.persistence else {
        unreachable!()
    };
    assert!(backup_saved);
    tab.act(Action::NewDeal(id("n")));
    tab.act(Action::SaveDeal {
        base: None,
        fields: fields("n", 1, Stage::P0),
        then: None,
        now: now(),
    });
    assert_eq!(
        store.get(PLAN_KEY).as_deref(),
        Some("{\"format\":\"keyplan.plan\",oops"),
        "nothing is saved while blocked"
    );
    let saved = session::save(
        &Memory::default(),
        tab.plan(),
        &Seen::default(),
        now(),
        "x".into(),
    );
    let ignored = tab.state.clone().reduce(saved);
    assert!(ignored.is_blocked(), "a save result does not unblock");
    tab.act(Action::StartFresh);
    assert!(!tab.state.is_blocked());
    assert_eq!(
        tab.state.persistence,
        Persistence::Saved,
        "{:?}",
        tab.state.persistence
    );
    assert!(
        stored_plan(&store).deals.is_empty(),
        "{:?}",
        store.get(PLAN_KEY)
    );
    assert_eq!(
        backup_texts(&store, BackupKind::Unreadable)
            .first()
            .map(String::as_str),
        Some("{\"format\":\"keyplan.plan\",oops"),
        "the backup stays"
    );
}

#[test]
fn a_backup_that_cannot_be_written_is_reported() {
    let store = Memory::with(&[(PLAN_KEY, "not json")]);
    store.refuse(Some(StorageError::Full));
    let tab = Tab::open(&store);
    let Persistence::Blocked {
        backup_saved, raw, ..
    } = &tab.state.persistence
    else {
        panic!("blocked expected");
    };
    assert!(!backup_saved);
    assert_eq!(&**raw, "not json");
}

#[test]
fn a_full_or_disabled_storage_keeps_the_plan_in_the_page() {
    let store = Memory::default();
    let mut tab = Tab::with_sample(&store);
    store.refuse(Some(StorageError::Full));
    tab.act(Action::Delete(id("sample-01")));
    assert_eq!(
        tab.state.persistence,
        Persistence::Failed(StorageError::Full)
    );
    assert_eq!(tab.plan().deals.len(), 12, "the change is in the page");
    assert_eq!(
        stored_plan(&store).deals.len(),
        13,
        "the stored plan is the last saved one"
    );
    store.refuse(None);
    tab.act(Action::Undo);
    assert_eq!(
        tab.state.persistence,
        Persistence::Saved,
        "the next save goes through"
    );
    assert_eq!(stored_plan(&store).deals.len(), 13);

    let disabled = Memory::default();
    disabled.refuse(Some(StorageError::Unavailable));
    let mut tab = Tab::open(&disabled);
    assert_eq!(
        tab.state.persistence,
        Persistence::Failed(StorageError::Unavailable)
    );
    tab.act(Action::LoadSample {
        today: today(),
        now: now(),
    });
    assert_eq!(tab.plan().deals.len(), 13);
    assert_eq!(
        tab.state.persistence,
        Persistence::Failed(StorageError::Unavailable)
    );
}

#[test]
fn two_tabs_follow_each_others_saves() {
    let store = Memory::default();
    let mut a = Tab::with_sample(&store);
    let mut b = Tab::open(&store);
    assert_eq!(b.plan().deals.len(), 13);
    b.act(Action::Delete(id("sample-02")));
    a.hear();
    assert_eq!(a.plan().deals.len(), 12, "A follows B");
    assert_eq!(a.state.seen.stamp, store.get(STAMP_KEY));
    a.act(Action::Delete(id("sample-03")));
    b.hear();
    assert_eq!(b.plan().deals.len(), 11);
    assert_eq!(stored_plan(&store).deals.len(), 11);
    let same = b.state.clone();
    b.hear();
    assert!(Rc::ptr_eq(&same, &b.state), "its own save is nothing new");
}

#[test]
fn a_tab_never_overwrites_a_save_it_did_not_see() {
    let store = Memory::default();
    let mut a = Tab::with_sample(&store);
    let mut b = Tab::open(&store);
    b.act(Action::Delete(id("sample-02")));
    // A has not heard of B's save yet (its storage event is still on the way)
    a.act(Action::Delete(id("sample-05")));
    assert_eq!(a.state.persistence, Persistence::Stale);
    assert_eq!(stored_plan(&store).deals.len(), 12, "B's save stands");
    assert!(stored_plan(&store).deal(&id("sample-05")).is_some());
    a.hear();
    assert_eq!(
        a.state.persistence,
        Persistence::Stale,
        "A's unsaved change is not thrown away"
    );
    assert_eq!(a.plan().deals.len(), 12);
    assert!(
        a.plan().deal(&id("sample-02")).is_some(),
        "A still shows its own plan"
    );
    // the person chooses: keep mine
    let keep = session::keep_mine(&store, now());
    a.act(keep);
    assert_eq!(a.state.persistence, Persistence::Saved);
    let stored = stored_plan(&store);
    assert!(stored.deal(&id("sample-02")).is_some() && stored.deal(&id("sample-05")).is_none());
}

#[test]
fn loading_the_latest_takes_the_other_tabs_plan() {
    let store = Memory::default();
    let mut a = Tab::with_sample(&store);
    let mut b = Tab::open(&store);
    b.act(Action::Delete(id("sample-02")));
    a.act(Action::OpenDeal(id("sample-02")));
    a.act(Action::Delete(id("sample-05")));
    assert_eq!(a.state.persistence, Persistence::Stale);
    let latest = session::external(&store, true, now(), None);
    a.act(latest);
    assert_eq!(a.state.persistence, Persistence::Saved);
    assert_eq!(a.plan().deals.len(), 12);
    assert!(a.plan().deal(&id("sample-05")).is_some());
    assert_eq!(a.state.dialog, None);
}

#[test]
fn typing_survives_a_deletion_in_another_tab_and_can_be_saved_as_a_new_deal() {
    let store = Memory::default();
    let mut a = Tab::with_sample(&store);
    let mut b = Tab::open(&store);
    a.act(Action::OpenDeal(id("sample-04")));
    b.act(Action::Delete(id("sample-04")));
    a.hear();
    let Some(Dialog::Gone { id: gone, last }) = &a.state.dialog else {
        panic!("the dialog stays open: {:?}", a.state.dialog);
    };
    assert_eq!(
        (gone, last.name.as_str()),
        (&id("sample-04"), "园区能源管理")
    );
    assert!(a.plan().deal(&id("sample-04")).is_none());
    // what A typed is saved as a new deal
    a.act(Action::SaveDeal {
        base: Some(last.updated),
        fields: fields("园区能源管理（改）", 1_700_000, Stage::P2),
        then: None,
        now: later(5),
    });
    assert_eq!(a.state.dialog, None);
    let saved = stored_plan(&store);
    let deal = saved.deal(&id("sample-04")).expect("saved again");
    assert_eq!(deal.name, "园区能源管理（改）");
    assert_eq!(deal.created, later(5), "a new deal");

    // another deal's dialog is not touched by an unrelated deletion
    a.act(Action::OpenDeal(id("sample-06")));
    b.hear();
    b.act(Action::Delete(id("sample-01")));
    a.hear();
    assert!(matches!(a.state.dialog, Some(Dialog::Deal { .. })));
}

#[test]
fn an_edit_made_on_an_older_version_is_never_saved_over_the_newer_one_unasked() {
    let store = Memory::default();
    let mut a = Tab::with_sample(&store);
    let mut b = Tab::open(&store);
    a.act(Action::OpenDeal(id("sample-05")));
    let base = a.plan().deal(&id("sample-05")).unwrap().updated;
    // B changes the amount and the next step and saves; A hears of it, its editor still open
    b.act(Action::OpenDeal(id("sample-05")));
    let mut theirs = fields("变电站在线监测", 2_600_000, Stage::P3);
    theirs.next_step = "B 的下一步".into();
    b.act(Action::SaveDeal {
        base: Some(base),
        fields: theirs,
        then: None,
        now: later(10),
    });
    a.hear();
    assert!(matches!(a.state.dialog, Some(Dialog::Deal { .. })));
    let mut mine = fields("变电站在线监测", 2_450_000, Stage::P3);
    mine.notes = "A 的备注".into();
    a.act(Action::SaveDeal {
        base: Some(base),
        fields: mine,
        then: None,
        now: later(20),
    });
    let Some(Dialog::EditConflict { theirs, fields, .. }) = &a.state.dialog else {
        panic!("a conflict, not a save: {:?}", a.state.dialog);
    };
    assert_eq!(theirs.next_step, "B 的下一步");
    assert_eq!(fields.notes, "A 的备注");
    assert_eq!(
        stored_plan(&store)
            .deal(&id("sample-05"))
            .unwrap()
            .next_step,
        "B 的下一步"
    );
    // back to the editor on the newer version …
    let back = a.state.clone().reduce(Action::ResolveEdit {
        keep_mine: false,
        now: later(21),
    });
    assert!(matches!(back.dialog, Some(Dialog::Deal { .. })));
    // … or mine over theirs, knowingly
    a.act(Action::ResolveEdit {
        keep_mine: true,
        now: later(22),
    });
    let stored = stored_plan(&store);
    let deal = stored.deal(&id("sample-05")).unwrap();
    assert_eq!(
        (deal.notes.as_str(), deal.amount),
        ("A 的备注", Money::from_major(2_450_000))
    );
    assert_eq!(a.state.dialog, None);
}

#[test]
fn a_deletion_can_still_be_undone_after_an_import() {
    let state = state_with(plan_with(&[("a", 1, Stage::P0), ("b", 2, Stage::P0)]))
        .reduce(Action::Delete(id("a")));
    let imported = state.reduce(Action::ApplyImport(plan_with(&[
        ("b", 2, Stage::P0),
        ("c", 3, Stage::P0),
    ])));
    assert!(
        imported.undo.is_some(),
        "the pending undo survives the import"
    );
    let undone = imported.reduce(Action::Undo);
    let ids: Vec<&str> = undone.plan.deals.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["a", "b", "c"]);
    let brought_back = state_with(plan_with(&[("a", 1, Stage::P0)]))
        .reduce(Action::Delete(id("a")))
        .reduce(Action::ApplyImport(plan_with(&[("a", 1, Stage::P0)])));
    assert!(
        brought_back.undo.is_none(),
        "the import brought the deal back itself"
    );
}

/// The plan shown may be the only copy left once something else wrote over the stored one: it
/// stays, and the person is told; the text is kept as a backup at once.
#[test]
fn unreadable_text_written_by_another_tab_never_takes_the_place_of_the_plan_shown() {
    let store = Memory::default();
    Tab::with_sample(&store);
    // a tab that read the plan (not its own save)
    let mut a = Tab::open(&store);
    store.put(PLAN_KEY, "garbage");
    store.put(STAMP_KEY, "someone-else");
    a.hear();
    assert_eq!(a.state.persistence, Persistence::Stale, "told");
    assert_eq!(a.plan().deals.len(), 13, "the plan shown stays");
    assert_eq!(
        backup_texts(&store, BackupKind::Unreadable)
            .first()
            .map(String::as_str),
        Some("garbage")
    );
    a.act(Action::Delete(id("sample-01")));
    assert_eq!(store.get(PLAN_KEY).as_deref(), Some("garbage"));
    // merging both: the text stays a backup, and the plan is saved
    let merged = session::merge_latest(&store, a.plan(), now());
    a.act(merged);
    assert_eq!(a.state.persistence, Persistence::Saved);
    assert_eq!(stored_plan(&store).deals.len(), 12);
    assert_eq!(backup_texts(&store, BackupKind::Unreadable), ["garbage"]);

    // storage cleared by another page: the plan shown stays too, and can be saved again
    let store = Memory::default();
    Tab::with_sample(&store);
    let mut a = Tab::open(&store);
    store.items.borrow_mut().clear();
    a.hear();
    assert_eq!(a.state.persistence, Persistence::Stale);
    assert_eq!(a.plan().deals.len(), 13);
    let keep = session::keep_mine(&store, now());
    a.act(keep);
    assert_eq!(stored_plan(&store).deals.len(), 13, "saved again");

    // a tab with nothing in it blocks, as at start-up
    let store = Memory::default();
    let mut empty = Tab::open(&store);
    store.put(PLAN_KEY, "garbage");
    store.put(STAMP_KEY, "someone-else");
    empty.hear();
    assert!(empty.state.is_blocked());
}

/// Unreadable text found when the person chooses to keep this tab's plan, or to merge both, is
/// kept as a backup before the plan is saved over it; with no room for the copy, nothing is
/// written over it.
#[test]
fn keeping_mine_or_merging_over_unreadable_text_keeps_the_text_first() {
    for merge in [false, true] {
        let store = Memory::default();
        let mut tab = Tab::with_sample(&store);
        store.put(PLAN_KEY, "{broken");
        tab.act(Action::Delete(id("sample-01")));
        assert_eq!(tab.state.persistence, Persistence::Stale);
        let choice = if merge {
            session::merge_latest(&store, tab.plan(), now())
        } else {
            session::keep_mine(&store, now())
        };
        tab.act(choice);
        assert_eq!(tab.state.persistence, Persistence::Saved, "merge: {merge}");
        assert_eq!(
            stored_plan(&store).deals.len(),
            12,
            "the plan shown is saved"
        );
        assert_eq!(backup_texts(&store, BackupKind::Unreadable), ["{broken"]);
    }
    let store = Memory::default();
    let mut tab = Tab::with_sample(&store);
    store.put(PLAN_KEY, "{broken");
    tab.act(Action::Delete(id("sample-01")));
    store.refuse(Some(StorageError::Full));
    let keep = session::keep_mine(&store, now());
    tab.act(keep);
    assert_eq!(
        tab.state.persistence,
        Persistence::Failed(StorageError::Full)
    );
    assert_eq!(store.get(PLAN_KEY).as_deref(), Some("{broken"));
    assert_eq!(tab.plan().deals.len(), 12);
}

/// Each tab's localStorage is a copy the browser keeps in step: two saves at once can both be
/// confirmed by their own copies, and the one the browser applies last replaces the other. The
/// tab whose save was replaced hears of a save made over another version than its own, and is
/// told — although the event's old value (what the writing tab's copy held) is not its stamp.
#[test]
fn a_save_replaced_by_one_made_at_once_in_another_copy_is_told() {
    let store = Memory::default();
    let mut a = Tab::with_sample(&store);
    let mut b = Tab::open(&store);
    let rename = |tab: &mut Tab, deal: &str, name: &str| {
        let stage = tab.plan().deal(&id(deal)).unwrap().stage;
        tab.act(Action::OpenDeal(id(deal)));
        tab.act(Action::SaveDeal {
            base: None,
            fields: fields(name, 1_000_000, stage),
            then: None,
            now: later(30),
        });
    };
    // B saves on its own copy of the version both started from
    let started = (store.get(PLAN_KEY).unwrap(), store.get(STAMP_KEY).unwrap());
    let b_copy = Memory::with(&[(PLAN_KEY, &started.0), (STAMP_KEY, &started.1)]);
    b.store = b_copy.clone();
    rename(&mut b, "sample-02", "B 同时改的");
    assert_eq!(b.state.persistence, Persistence::Saved);
    // A saves on its copy, and is confirmed too
    rename(&mut a, "sample-05", "A 同时改的");
    assert_eq!(a.state.persistence, Persistence::Saved);
    // the browser applies B's writes last; A hears of them
    store.put(PLAN_KEY, &b_copy.get(PLAN_KEY).unwrap());
    store.put(STAMP_KEY, &b_copy.get(STAMP_KEY).unwrap());
    let heard = session::heard(b_copy.get(STAMP_KEY).as_deref());
    let update = session::external(&store, false, now(), Some(heard));
    a.state = a.state.clone().reduce(update);
    assert_eq!(
        a.state.persistence,
        Persistence::Stale,
        "told, not replaced"
    );
    assert_eq!(a.plan().deal(&id("sample-05")).unwrap().name, "A 同时改的");
    let merged = session::merge_latest(&store, a.plan(), now());
    a.act(merged);
    let stored = stored_plan(&store);
    assert_eq!(stored.deal(&id("sample-02")).unwrap().name, "B 同时改的");
    assert_eq!(stored.deal(&id("sample-05")).unwrap().name, "A 同时改的");
}

#[test]
fn a_refused_save_is_tried_again_when_asked() {
    let store = Memory::default();
    let mut tab = Tab::with_sample(&store);
    let same = tab.state.clone();
    tab.act(Action::RetrySave);
    assert!(Rc::ptr_eq(&same, &tab.state), "nothing to try again");
    store.refuse(Some(StorageError::Full));
    tab.act(Action::Delete(id("sample-01")));
    tab.act(Action::RetrySave);
    assert_eq!(
        tab.state.persistence,
        Persistence::Failed(StorageError::Full),
        "still full"
    );
    store.refuse(None);
    tab.act(Action::RetrySave);
    assert_eq!(tab.state.persistence, Persistence::Saved);
    assert_eq!(stored_plan(&store).deals.len(), 12);
}

#[test]
fn an_import_keeps_the_plan_before_it_and_the_offer_survives_a_reload() {
    let store = Memory::default();
    let mut tab = Tab::with_sample(&store);
    backups::keep_before_import(&store, tab.plan(), now()).unwrap();
    tab.act(Action::ApplyImport(plan_with(&[("x", 1, Stage::P0)])));
    assert!(tab.state.restorable);
    let reloaded = Tab::open(&store);
    assert!(reloaded.state.restorable, "the offer survives a reload");
    let key = store.get(OFFER_KEY).unwrap();
    let kept = backups::restore_backup(&store, &key, tab.plan(), later(1))
        .unwrap()
        .unwrap();
    assert_eq!(kept.deals.len(), 13);
    tab.act(Action::Restore(kept));
    assert_eq!(stored_plan(&store).deals.len(), 13);
    assert!(store.get(&key).is_some(), "the copy is kept");
    assert_eq!(
        backup_texts(&store, BackupKind::BeforeRestore).len(),
        1,
        "the imported plan was kept before the restore replaced it"
    );
    assert!(
        !Tab::open(&store).state.restorable,
        "once restored, a reload offers nothing"
    );

    // another import, this time kept: the person dismisses the offer
    backups::keep_before_import(&store, tab.plan(), later(2)).unwrap();
    tab.act(Action::ApplyImport(plan_with(&[("y", 1, Stage::P0)])));
    assert!(Tab::open(&store).state.restorable);
    backups::dismiss_offer(&store).unwrap();
    tab.act(Action::DismissRestore);
    assert!(!tab.state.restorable);
    assert!(
        !Tab::open(&store).state.restorable,
        "dismissed stays dismissed"
    );
    assert_eq!(
        backup_texts(&store, BackupKind::BeforeImport).len(),
        2,
        "one copy per import, none overwritten"
    );
}

#[test]
fn a_store_that_cannot_be_read_leaves_the_plan_as_it_is() {
    let store = Memory::default();
    let mut tab = Tab::with_sample(&store);
    let other = Memory {
        items: store.items.clone(),
        refuse: Rc::new(RefCell::new(Some(StorageError::Unavailable))),
        ..Memory::default()
    };
    let update = session::external(&other, false, now(), None);
    assert_eq!(
        update,
        Action::Saved(SaveResult::Failed(StorageError::Unavailable))
    );
    tab.state = tab.state.clone().reduce(update);
    assert_eq!(tab.plan().deals.len(), 13, "nothing emptied");
    assert_eq!(
        tab.state.persistence,
        Persistence::Failed(StorageError::Unavailable)
    );
}

#[test]
fn files_are_not_imported_over_another_dialog_nor_while_blocked() {
    let text = encode(&plan_with(&[("x", 1, Stage::P0)]), now());
    let files = || {
        vec![(
            "x.json".to_string(),
            keyplan::domain::plan_file::read(
                &text,
                keyplan::domain::plan_file::Mode::Lenient { now: now() },
            ),
        )]
    };
    let editing = state_with(plan_with(&[("a", 1, Stage::P0)])).reduce(Action::OpenDeal(id("a")));
    let dropped = editing.clone().reduce(Action::ImportRead(files()));
    assert!(
        Rc::ptr_eq(&dropped, &editing),
        "the open editor keeps what was typed"
    );
    let importing = state_with(Plan::default()).reduce(Action::ImportRead(files()));
    let again = importing.clone().reduce(Action::ImportRead(files()));
    assert!(
        matches!(again.dialog, Some(Dialog::Import(_))),
        "another drop replaces the files"
    );
    let store = Memory::with(&[(PLAN_KEY, "garbage")]);
    let blocked = Tab::open(&store).state;
    let refused = blocked.clone().reduce(Action::ImportRead(files()));
    assert!(
        Rc::ptr_eq(&refused, &blocked),
        "nothing is imported over unreadable text"
    );
}

/// A spreadsheet opens the import dialog with its table, as files do: not over an open editor,
/// not over unreadable text, and over files being previewed (and files over it).
#[test]
fn a_table_opens_the_import_like_files_do() {
    let table = || keyplan::session::TableFile {
        name: "d.csv".into(),
        bytes: b"name,customer\na,b\n".to_vec(),
        pasted: false,
        left: vec!["plan.json".into()],
    };
    let editing = state_with(plan_with(&[("a", 1, Stage::P0)])).reduce(Action::OpenDeal(id("a")));
    let dropped = editing.clone().reduce(Action::ImportTable(table()));
    assert!(
        Rc::ptr_eq(&dropped, &editing),
        "the open editor keeps what was typed"
    );
    let importing = state_with(Plan::default()).reduce(Action::ImportTable(table()));
    assert!(
        matches!(&importing.dialog, Some(Dialog::ImportTable(t)) if t.bytes == table().bytes),
        "the table is previewed"
    );
    let text = encode(&plan_with(&[("x", 1, Stage::P0)]), now());
    let files = vec![(
        "x.json".to_string(),
        keyplan::domain::plan_file::read(
            &text,
            keyplan::domain::plan_file::Mode::Lenient { now: now() },
        ),
    )];
    let then_files = importing.clone().reduce(Action::ImportRead(files));
    assert!(matches!(then_files.dialog, Some(Dialog::Import(_))));
    let store = Memory::with(&[(PLAN_KEY, "garbage")]);
    let blocked = Tab::open(&store).state;
    let refused = blocked.clone().reduce(Action::ImportTable(table()));
    assert!(
        Rc::ptr_eq(&refused, &blocked),
        "nothing is imported over unreadable text"
    );
}

#[test]
fn preferences_round_trip_and_bad_ones_are_defaults() {
    let store = Memory::default();
    session::save_prefs(&store, Lang::En, View::Forecast);
    let prefs = session::load_prefs(&store);
    assert_eq!((prefs.lang, prefs.view), (Some(Lang::En), View::Forecast));
    store.put(session::PREFS_KEY, "{broken");
    assert_eq!(session::load_prefs(&store).lang, None);
}

#[test]
fn the_stored_plan_is_decoded_strictly() {
    assert_eq!(decode_stored(None), Stored::Nothing);
    let store = Memory::with(&[(PLAN_KEY, &encode(&plan_with(&[("a", 1, Stage::P0)]), now()))]);
    let tab = Tab::open(&store);
    assert_eq!(tab.plan().deals.len(), 1);
    assert_eq!(tab.state.persistence, Persistence::Saved);
    let wrong = Seen {
        stamp: Some("wrong".into()),
        ..tab.state.seen.clone()
    };
    let save = session::save(&store, tab.plan(), &wrong, now(), "n".into());
    assert_eq!(save, Action::Saved(SaveResult::Stale));
}

#[test]
fn a_second_corruption_never_overwrites_the_first_backup() {
    let store = Memory::with(&[(PLAN_KEY, "garbage A")]);
    let mut tab = Tab::open(&store);
    assert!(tab.state.is_blocked());
    tab.act(Action::StartFresh);
    tab.act(Action::LoadSample {
        today: today(),
        now: now(),
    });
    store.put(PLAN_KEY, "garbage B");
    store.put(STAMP_KEY, "someone");
    tab.hear();
    assert_eq!(
        tab.state.persistence,
        Persistence::Stale,
        "the plan shown stays"
    );
    let mut kept = backup_texts(&store, BackupKind::Unreadable);
    kept.sort();
    assert_eq!(
        kept,
        ["garbage A", "garbage B"],
        "both kept, each under its own key"
    );
    // the same text found again is not kept twice
    Tab::open(&store);
    assert_eq!(backup_texts(&store, BackupKind::Unreadable).len(), 2);
    // backups are listed, read and deleted one by one
    let list = backups::list_backups(&store).unwrap();
    assert_eq!(list.len(), 2);
    assert!(list.iter().all(|b| b.chars == 9 && b.at.is_some()));
    backups::delete_backup(&store, &list[0].key).unwrap();
    assert_eq!(backup_texts(&store, BackupKind::Unreadable).len(), 1);
    backups::delete_backup(&store, PLAN_KEY).unwrap();
    assert!(store.get(PLAN_KEY).is_some(), "only backups are deleted");
}

#[test]
fn the_old_single_backups_are_read_as_backups() {
    let store = Memory::with(&[
        (backups::OLD_UNREADABLE_KEY, "old garbage"),
        (
            backups::OLD_BEFORE_IMPORT_KEY,
            &encode(&plan_with(&[("a", 1, Stage::P0)]), now()),
        ),
    ]);
    let list = backups::list_backups(&store).unwrap();
    let kinds: Vec<BackupKind> = list.iter().map(|b| b.kind).collect();
    assert_eq!(kinds.len(), 2);
    assert!(kinds.contains(&BackupKind::Unreadable) && kinds.contains(&BackupKind::BeforeImport));
    assert!(list.iter().all(|b| b.at.is_none()));
}

#[test]
fn text_written_without_a_new_stamp_is_never_overwritten() {
    let store = Memory::default();
    let mut tab = Tab::with_sample(&store);
    // someone (a tool, an old tab) writes unreadable text and leaves the stamp as it was
    store.put(PLAN_KEY, "{\"format\":\"keyplan.plan\",broken");
    tab.act(Action::Delete(id("sample-01")));
    assert_eq!(tab.state.persistence, Persistence::Stale, "told, not saved");
    assert_eq!(
        store.get(PLAN_KEY).as_deref(),
        Some("{\"format\":\"keyplan.plan\",broken"),
        "the text is still there"
    );
    // loading the latest keeps it as a backup and blocks
    let latest = session::external(&store, true, now(), None);
    tab.act(latest);
    assert!(tab.state.is_blocked());
    assert_eq!(backup_texts(&store, BackupKind::Unreadable).len(), 1);
}

/// Tab A saves while tab B saves at each possible moment inside A's save: whatever the order,
/// no save silently replaces one it did not see — each tab's change is stored, or that tab is
/// told (stale) and still shows it.
#[test]
fn two_saves_at_once_never_lose_a_change_silently() {
    for moment in 1..=12 {
        let store = Memory::default();
        let mut a = Tab::with_sample(&store);
        let mut b = Tab::open(&store);
        let b_text = {
            let b_state = b.state.clone().reduce(Action::Delete(id("sample-02")));
            (b_state.plan.clone(), b.state.seen.clone())
        };
        let b_result = Rc::new(RefCell::new(None));
        {
            let (b_result, b_plan, b_seen) = (b_result.clone(), b_text.0.clone(), b_text.1.clone());
            *store.meanwhile.borrow_mut() = Some(Box::new(move |store: &Memory, n: usize| {
                if n == moment && b_result.borrow().is_none() {
                    // B's whole save runs here, inside A's
                    let quiet = Memory {
                        items: store.items.clone(),
                        last_stamp: store.last_stamp.clone(),
                        ..Memory::default()
                    };
                    *b_result.borrow_mut() = Some(session::save(
                        &quiet,
                        &b_plan,
                        &b_seen,
                        later(50),
                        "stamp-b".into(),
                    ));
                }
            }));
            *store.operations.borrow_mut() = 0;
        }
        a.act(Action::Delete(id("sample-05")));
        *store.meanwhile.borrow_mut() = None;
        let stored = stored_plan(&store);
        let a_saved = a.state.persistence == Persistence::Saved;
        let a_stored = stored.deal(&id("sample-05")).is_none();
        assert_eq!(
            a_saved, a_stored,
            "moment {moment}: A's save is stored iff A says so"
        );
        if !a_saved {
            assert_eq!(a.state.persistence, Persistence::Stale, "moment {moment}");
            assert!(
                a.plan().deal(&id("sample-05")).is_none(),
                "A still shows its change"
            );
        }
        let b_saved = b_result.borrow().clone();
        if let Some(Action::Saved(result)) = b_saved {
            b.state = b
                .state
                .clone()
                .reduce(Action::Delete(id("sample-02")))
                .reduce(Action::Saved(result));
            // B hears of A's save, as the page does through the `storage` event
            if a_saved {
                b.hear();
            }
            let b_stored = stored.deal(&id("sample-02")).is_none();
            let b_told = b.state.persistence == Persistence::Stale;
            assert!(
                b_stored || b_told,
                "moment {moment}: B's change is stored, or B knows ({:?})",
                b.state.persistence
            );
            if b_told {
                assert!(
                    b.plan().deal(&id("sample-02")).is_none(),
                    "B still shows its change"
                );
            }
        }
    }
}

#[test]
fn the_tab_that_was_told_can_merge_both_plans() {
    let store = Memory::default();
    let mut a = Tab::with_sample(&store);
    let mut b = Tab::open(&store);
    let edit = |tab: &mut Tab, deal: &str, name: &str, major: i64, at: i64| {
        let stage = tab.plan().deal(&id(deal)).unwrap().stage;
        tab.act(Action::OpenDeal(id(deal)));
        tab.act(Action::SaveDeal {
            base: None,
            fields: fields(name, major, stage),
            then: None,
            now: later(at),
        });
    };
    edit(&mut b, "sample-02", "B 改过", 900_000, 10);
    // A edits another deal before hearing of B's save
    edit(&mut a, "sample-05", "A 改过", 2_500_000, 20);
    assert_eq!(a.state.persistence, Persistence::Stale);
    let merged = session::merge_latest(&store, a.plan(), now());
    a.act(merged);
    assert_eq!(a.state.persistence, Persistence::Saved);
    let stored = stored_plan(&store);
    assert_eq!(stored.deal(&id("sample-02")).unwrap().name, "B 改过");
    assert_eq!(stored.deal(&id("sample-05")).unwrap().name, "A 改过");
    b.hear();
    assert_eq!(b.plan().deal(&id("sample-05")).unwrap().name, "A 改过");
    assert_eq!(
        b.state.persistence,
        Persistence::Saved,
        "the merge had seen B's save"
    );
}

#[test]
fn the_gauge_follows_what_the_storage_holds() {
    let state = state_with(plan_with(&[("a", 1, Stage::P0)]));
    let next = state.clone().reduce(Action::Usage(Some(4_456_448)));
    assert_eq!(next.usage, Some(4_456_448));
    assert_eq!(next.revision, state.revision, "nothing to save");
    let same = next.clone().reduce(Action::Usage(Some(4_456_448)));
    assert!(Rc::ptr_eq(&same, &next), "nothing new");
}

/// Two tabs set the same target (period and parts) before hearing of each other: the merge keeps
/// the one set later, whichever tab merges, as it does for deals; a target from a file without
/// `updated` is older than any set since.
#[test]
fn two_tabs_setting_a_target_keep_the_later_one() {
    use keyplan::domain::split::{Part, Split, SplitKind};
    use keyplan::domain::target::{SplitTo, Target, TargetPeriod};
    let target = |total: i64, first: &str| Target {
        period: TargetPeriod::parse("2026").unwrap(),
        to: SplitTo::Owner,
        split: Split {
            total: Money::from_major(total),
            kind: SplitKind::Share,
            parts: vec![Part {
                name: first.into(),
                value: 10_000,
                ..Part::default()
            }],
            ..Split::default()
        },
        updated: None,
    };
    for a_is_later in [true, false] {
        let store = Memory::default();
        let mut a = Tab::with_sample(&store);
        let mut b = Tab::open(&store);
        let (a_at, b_at) = if a_is_later { (20, 10) } else { (10, 20) };
        // B saves first; A sets its own before hearing of it, and is told
        b.act(Action::SetTarget {
            target: target(9_000_000, "李娜"),
            now: later(b_at),
        });
        a.act(Action::SetTarget {
            target: target(12_000_000, "王晓明"),
            now: later(a_at),
        });
        assert_eq!(a.state.persistence, Persistence::Stale);
        let merged = session::merge_latest(&store, a.plan(), now());
        a.act(merged);
        assert_eq!(a.state.persistence, Persistence::Saved);
        let kept = stored_plan(&store).targets;
        let (total, name, at) = if a_is_later {
            (12_000_000, "王晓明", a_at)
        } else {
            (9_000_000, "李娜", b_at)
        };
        assert_eq!(kept.len(), 1, "one target per period and parts");
        assert_eq!(
            (kept[0].split.total, kept[0].split.parts[0].name.as_str()),
            (Money::from_major(total), name),
            "a is later: {a_is_later}"
        );
        assert_eq!(kept[0].updated, Some(later(at)));
        b.hear();
        assert_eq!(b.plan().targets, kept);
    }
    // a target read from a file without `updated` never wins over one set since
    let mine = {
        let mut plan = keyplan::domain::sample::sample_plan(today(), now());
        plan.set_target(Target {
            updated: Some(later(1)),
            ..target(1, "王晓明")
        });
        plan
    };
    let mut theirs = mine.clone();
    theirs.targets = vec![target(2, "李娜")];
    let text = encode(&theirs, now());
    assert!(!text.contains("\"updated\":null"));
    let parsed =
        keyplan::domain::plan_file::read(&text, keyplan::domain::plan_file::Mode::Strict).unwrap();
    assert_eq!(parsed.plan.targets[0].updated, None, "read leniently");
    let look = keyplan::domain::import::preview(&mine, &[(String::new(), parsed)]);
    let merged = keyplan::domain::import::merge(
        &mine,
        &look,
        keyplan::domain::import::Rule::NewestWins,
        &Default::default(),
    );
    assert_eq!(merged.targets, mine.targets);
}

/// A store that, like the browser's adapter, keeps the plan's text with the fingerprint a save
/// handed over and answers from memory while it holds exactly that text.
struct Remembering {
    inner: Memory,
    known: RefCell<Option<(String, String, u64)>>,
    /// Fingerprints answered from memory.
    remembered: RefCell<usize>,
}

impl Store for Remembering {
    fn read(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.inner.read(key)
    }
    fn write(&self, key: &str, value: &str) -> Result<(), StorageError> {
        self.inner.write(key, value)
    }
    fn write_printed(&self, key: &str, value: &str, print: u64) -> Result<(), StorageError> {
        self.inner.write(key, value)?;
        *self.known.borrow_mut() = Some((key.to_string(), value.to_string(), print));
        Ok(())
    }
    fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.inner.remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, StorageError> {
        self.inner.keys()
    }
    fn used_chars(&self) -> Result<usize, StorageError> {
        self.inner.used_chars()
    }
    fn fingerprint(&self, key: &str) -> Result<u64, StorageError> {
        let now = self.inner.read(key)?;
        if let Some((k, text, print)) = &*self.known.borrow() {
            if k == key && now.as_deref() == Some(text.as_str()) {
                *self.remembered.borrow_mut() += 1;
                return Ok(*print);
            }
        }
        Ok(session::fingerprint(now.as_deref()))
    }
}

/// A save hashes its text once and hands the fingerprint to the store with it: the store's
/// answer from memory is the text's own fingerprint, a backup written since changes nothing,
/// and text another tab wrote without a new stamp is still never taken for this tab's.
#[test]
fn a_save_hands_the_store_the_fingerprint_of_what_it_wrote() {
    let store = Remembering {
        inner: Memory::default(),
        known: RefCell::new(None),
        remembered: RefCell::new(0),
    };
    let plan = plan_with(&[("a", 100, Stage::P1)]);
    let saved = |plan: &Plan, seen: &Seen| match session::save(
        &store,
        plan,
        seen,
        now(),
        "s".to_string(),
    ) {
        Action::Saved(SaveResult::Saved { seen, .. }) => Some(seen),
        Action::Saved(SaveResult::Stale) => None,
        other => panic!("{other:?}"),
    };
    let seen = saved(&plan, &Seen::default()).expect("a first save");
    let text = store.inner.get(PLAN_KEY).expect("the plan is stored");
    assert_eq!(seen.fingerprint, session::fingerprint(Some(&text)));
    assert!(*store.remembered.borrow() > 0, "confirmed from memory");
    backups::keep(&store, BackupKind::BeforeImport, &"x".repeat(5000), now()).unwrap();
    let next = plan_with(&[("a", 200, Stage::P2)]);
    let seen = saved(&next, &seen).expect("the backup changed nothing of the plan's version");
    // another tab writes other text under the plan key, keeping the stamp
    store.inner.put(PLAN_KEY, &encode(&plan, now()));
    assert_eq!(
        saved(&next, &seen),
        None,
        "stale: the text is not this tab's"
    );
    assert_eq!(decode(&store.inner.get(PLAN_KEY).unwrap()).unwrap(), plan);
}

#[test]
fn a_large_plan_is_kept_packed_and_read_back_by_every_reader_of_the_store() {
    use keyplan::domain::plan_file::packed::{plain, PACKED};
    let store = Memory::default();
    let mut a = Tab::with_sample(&store);
    let mut b = Tab::open(&store);
    let small = store.get(PLAN_KEY).unwrap();
    assert!(small.starts_with('{'), "the training case stays JSON");

    backups::keep_before_import(&store, a.plan(), now()).unwrap();
    a.act(Action::ApplyImport(many_deals(6_000)));
    let stored = store.get(PLAN_KEY).unwrap();
    assert!(stored.starts_with(PACKED), "{}", &stored[..40]);
    assert_eq!(a.state.persistence, Persistence::Saved);
    assert_eq!(stored_plan(&store), *a.plan());
    assert_eq!(Tab::open(&store).plan(), a.plan(), "a reload reads it");
    b.hear();
    assert_eq!(b.plan(), a.plan(), "another tab follows");

    // the next save goes through the compare-and-set like any other
    b.act(Action::Delete(id("deal-7")));
    a.hear();
    assert_eq!(a.plan().deals.len(), 5_999);
    assert!(store.get(PLAN_KEY).unwrap().starts_with(PACKED));

    // a large plan's backup is kept packed, restores, and downloads as its plan file
    let key = backups::keep_plan(&store, BackupKind::BeforeReset, a.plan(), later(5)).unwrap();
    let kept = store.get(&key).unwrap();
    assert!(kept.starts_with(PACKED));
    assert_eq!(decode(&plain(kept)).unwrap(), *a.plan());
    let offered = store.get(OFFER_KEY).unwrap();
    assert_eq!(
        decode(&store.get(&offered).unwrap()).unwrap().deals.len(),
        13,
        "the plan before the import, as it was"
    );
    let restored = backups::restore_backup(&store, &key, a.plan(), later(6))
        .unwrap()
        .unwrap();
    assert_eq!(restored, *a.plan());
}

#[test]
fn a_damaged_packed_plan_is_kept_as_it_was_and_never_written_over() {
    use keyplan::domain::plan_file::packed::PACKED;
    use keyplan::domain::plan_file::{Damage, Unreadable};
    let store = Memory::default();
    let mut a = Tab::open(&store);
    a.act(Action::ApplyImport(many_deals(6_000)));
    let stored = store.get(PLAN_KEY).unwrap();
    assert!(stored.starts_with(PACKED));
    // one character changed in the middle, as another program of this origin might
    let mut bytes = stored.clone().into_bytes();
    let middle = bytes.len() / 2;
    bytes[middle] = if bytes[middle] == b'A' { b'B' } else { b'A' };
    let damaged = String::from_utf8(bytes).unwrap();
    store.put(PLAN_KEY, &damaged);

    let mut reloaded = Tab::open(&store);
    let Persistence::Blocked {
        why, backup_saved, ..
    } = &reloaded.state.persistence
    else {
        panic!("{:?}", reloaded.state.persistence)
    };
    assert_eq!(*why, Unreadable::Damaged(Damage::Block));
    assert!(backup_saved);
    assert_eq!(
        backup_texts(&store, BackupKind::Unreadable),
        std::slice::from_ref(&damaged)
    );
    assert!(
        common::said(why).contains("damaged"),
        "{}",
        common::said(why)
    );
    reloaded.act(Action::NewDeal(id("n")));
    reloaded.act(Action::SaveDeal {
        base: None,
        fields: fields("n", 1, Stage::P0),
        then: None,
        now: now(),
    });
    assert_eq!(
        store.get(PLAN_KEY),
        Some(damaged.clone()),
        "nothing saved over it"
    );
    // the tab that wrote it before hears the change and does not take it for its plan
    a.hear();
    assert_eq!(a.plan().deals.len(), 6_000);
    assert_eq!(store.get(PLAN_KEY), Some(damaged));
}

#[test]
fn a_plan_too_large_to_read_back_is_never_stored() {
    use keyplan::domain::plan_file::{encode_stored, MAX_FILE_BYTES};
    // packed, 20 MB of a repeated text takes a few hundred kilobytes: storage would take it, and
    // the next start would refuse it as too large
    let mut huge = many_deals(3);
    huge.extra.insert(
        "attachment".into(),
        serde_json::Value::String("附".repeat(MAX_FILE_BYTES / 3)),
    );
    assert_eq!(encode_stored(&huge, now()), None);
    let store = Memory::default();
    let mut tab = Tab::with_sample(&store);
    let before = store.get(PLAN_KEY).unwrap();
    tab.act(Action::ApplyImport(huge.clone()));
    assert_eq!(
        tab.state.persistence,
        Persistence::Failed(StorageError::TooLarge),
        "told why"
    );
    assert_eq!(tab.plan().extra, huge.extra, "the plan stays in the page");
    assert_eq!(store.get(PLAN_KEY), Some(before), "what was stored stays");
    assert_eq!(
        backups::keep_plan(&store, BackupKind::BeforeReset, &huge, now()),
        Err(StorageError::TooLarge)
    );
    assert!(keyplan::i18n::Lang::En
        .storage_error(&StorageError::TooLarge)
        .contains("larger than 20 MB"));
    // a plan of exactly the limit is stored, and reads back
    let mut fits = many_deals(3);
    let room = MAX_FILE_BYTES - keyplan::domain::plan_file::encode(&fits, now()).len();
    fits.extra.insert(
        "attachment".into(),
        serde_json::Value::String("x".repeat(room - "\"attachment\":\"\",".len())),
    );
    assert_eq!(
        keyplan::domain::plan_file::encode(&fits, now()).len(),
        MAX_FILE_BYTES
    );
    let stored = encode_stored(&fits, now()).expect("at the limit");
    assert_eq!(decode(&stored).unwrap(), fits);
}
