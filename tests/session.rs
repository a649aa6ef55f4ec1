//! The app state and its rules, natively: every action of the reducer, the two-tab rules and the
//! rules for storage that is full, disabled or holds unreadable text, over an in-memory store
//! that can be made to fail.
mod common;

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use common::{date, fields, item, later, method_with, now, plan_by, plan_with, today};
use keyplan::domain::deal::GateCheck;
use keyplan::domain::filter::{Dimension, Filter};
use keyplan::domain::list::{Direction, SortKey};
use keyplan::domain::method::edit::MethodError;
use keyplan::domain::plan::{Loss, Win};
use keyplan::domain::plan_file::{decode, decode_stored, encode, Stored};
use keyplan::domain::quota::QuotaPeriod;
use keyplan::domain::{DealId, DealStatus, Money, Plan, Stage};
use keyplan::i18n::Lang;
use keyplan::session::{
    self, Action, DealTab, Dialog, Loaded, MethodEdit, Outcome, Persistence, SaveResult, Session,
    StorageError, Store, View, BACKUP_KEY, BEFORE_IMPORT_KEY, PLAN_KEY, STAMP_KEY,
};

/// An in-memory store that shares its contents with its clones (two tabs of one browser) and can
/// refuse writes.
#[derive(Clone, Default)]
struct Memory {
    items: Rc<RefCell<BTreeMap<String, String>>>,
    refuse: Rc<RefCell<Option<StorageError>>>,
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

impl Store for Memory {
    fn read(&self, key: &str) -> Result<Option<String>, StorageError> {
        match &*self.refuse.borrow() {
            Some(StorageError::Unavailable) => Err(StorageError::Unavailable),
            _ => Ok(self.get(key)),
        }
    }

    fn write(&self, key: &str, value: &str) -> Result<(), StorageError> {
        if let Some(error) = &*self.refuse.borrow() {
            return Err(error.clone());
        }
        self.put(key, value);
        Ok(())
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
            state: Rc::new(Session::new(session::load(store), Lang::Zh, View::Board)),
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
                self.state.stamp.as_deref(),
                later(i64::from(self.stamps)),
                format!("stamp-{:p}-{}", Rc::as_ptr(&self.store.items), self.stamps)
                    + &format!("-{:p}", self as *const Tab),
            );
            self.state = self.state.clone().reduce(saved);
        }
    }

    /// What the page does on a `storage` event from another tab.
    fn hear(&mut self) {
        let update = session::external(&self.store, false);
        self.state = self.state.clone().reduce(update);
    }

    fn plan(&self) -> &Plan {
        &self.state.plan
    }
}

fn state_with(plan: Plan) -> Rc<Session> {
    Rc::new(Session::new(
        Loaded {
            plan,
            persistence: Persistence::Saved,
            stamp: None,
            usage: None,
            restorable: false,
        },
        Lang::Zh,
        View::Board,
    ))
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

#[test]
fn new_open_and_save_deals_through_one_dialog() {
    let state = state_with(Plan::default());
    let state = state.reduce(Action::NewDeal(id("n")));
    assert_eq!(state.dialog, Some(Dialog::NewDeal(id("n"))));
    let state = state.reduce(Action::SaveDeal {
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
fn the_sample_export_and_import_dialogs() {
    let state = state_with(Plan::default()).reduce(Action::LoadSample {
        today: today(),
        now: now(),
    });
    assert_eq!(state.plan.deals.len(), 12);
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
    assert_eq!(restored.plan.deals.len(), 12);
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
    assert_eq!(stored_plan(&store).deals.len(), 12);
    assert_eq!(tab.state.stamp, store.get(STAMP_KEY));
    assert!(tab.state.usage.unwrap() > 1000);
}

#[test]
fn unreadable_text_is_backed_up_kept_and_never_written_over() {
    let store = Memory::with(&[(PLAN_KEY, "{\"format\":\"keyplan.plan\",oops")]);
    let mut tab = Tab::open(&store);
    assert!(tab.state.is_blocked());
    assert_eq!(
        store.get(BACKUP_KEY).as_deref(),
        Some("{\"format\":\"keyplan.plan\",oops")
    );
    let Persistence::Blocked { backup_saved, .. } = &tab.state.persistence else {
        unreachable!()
    };
    assert!(backup_saved);
    tab.act(Action::NewDeal(id("n")));
    tab.act(Action::SaveDeal {
        fields: fields("n", 1, Stage::P0),
        then: None,
        now: now(),
    });
    assert_eq!(
        store.get(PLAN_KEY).as_deref(),
        Some("{\"format\":\"keyplan.plan\",oops"),
        "nothing is saved while blocked"
    );
    let saved = session::save(&Memory::default(), tab.plan(), None, now(), "x".into());
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
        store.get(BACKUP_KEY).as_deref(),
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
    assert_eq!(tab.plan().deals.len(), 11, "the change is in the page");
    assert_eq!(
        stored_plan(&store).deals.len(),
        12,
        "the stored plan is the last saved one"
    );
    store.refuse(None);
    tab.act(Action::Undo);
    assert_eq!(
        tab.state.persistence,
        Persistence::Saved,
        "the next save goes through"
    );
    assert_eq!(stored_plan(&store).deals.len(), 12);

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
    assert_eq!(tab.plan().deals.len(), 12);
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
    assert_eq!(b.plan().deals.len(), 12);
    b.act(Action::Delete(id("sample-02")));
    a.hear();
    assert_eq!(a.plan().deals.len(), 11, "A follows B");
    assert_eq!(a.state.stamp, store.get(STAMP_KEY));
    a.act(Action::Delete(id("sample-03")));
    b.hear();
    assert_eq!(b.plan().deals.len(), 10);
    assert_eq!(stored_plan(&store).deals.len(), 10);
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
    assert_eq!(stored_plan(&store).deals.len(), 11, "B's save stands");
    assert!(stored_plan(&store).deal(&id("sample-05")).is_some());
    a.hear();
    assert_eq!(
        a.state.persistence,
        Persistence::Stale,
        "A's unsaved change is not thrown away"
    );
    assert_eq!(a.plan().deals.len(), 11);
    assert!(
        a.plan().deal(&id("sample-02")).is_some(),
        "A still shows its own plan"
    );
    // the person chooses: keep mine
    let keep = session::keep_mine(&store);
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
    let latest = session::external(&store, true);
    a.act(latest);
    assert_eq!(a.state.persistence, Persistence::Saved);
    assert_eq!(a.plan().deals.len(), 11);
    assert!(a.plan().deal(&id("sample-05")).is_some());
    assert_eq!(a.state.dialog, None);
}

#[test]
fn an_open_deal_deleted_in_another_tab_closes_its_dialog() {
    let store = Memory::default();
    let mut a = Tab::with_sample(&store);
    let mut b = Tab::open(&store);
    a.act(Action::OpenDeal(id("sample-04")));
    b.act(Action::Delete(id("sample-04")));
    a.hear();
    assert_eq!(a.state.dialog, None);
    a.act(Action::OpenDeal(id("sample-06")));
    b.hear();
    b.act(Action::Delete(id("sample-01")));
    a.hear();
    assert!(
        matches!(a.state.dialog, Some(Dialog::Deal { .. })),
        "another deal's dialog stays"
    );
}

#[test]
fn unreadable_text_written_by_another_tab_blocks_this_one() {
    let store = Memory::default();
    let mut a = Tab::with_sample(&store);
    store.put(PLAN_KEY, "garbage");
    store.put(STAMP_KEY, "someone-else");
    a.hear();
    assert!(a.state.is_blocked());
    assert_eq!(store.get(BACKUP_KEY).as_deref(), Some("garbage"));
    a.act(Action::Delete(id("sample-01")));
    assert_eq!(store.get(PLAN_KEY).as_deref(), Some("garbage"));
}

#[test]
fn an_import_keeps_the_plan_before_it_and_the_offer_survives_a_reload() {
    let store = Memory::default();
    let mut tab = Tab::with_sample(&store);
    session::backup_before_import(&store, tab.plan(), now()).unwrap();
    tab.act(Action::ApplyImport(plan_with(&[("x", 1, Stage::P0)])));
    assert!(tab.state.restorable);
    let reloaded = Tab::open(&store);
    assert!(reloaded.state.restorable, "the offer survives a reload");
    let kept = session::plan_before_import(&store).unwrap();
    assert_eq!(kept.deals.len(), 12);
    tab.act(Action::Restore(kept));
    assert_eq!(stored_plan(&store).deals.len(), 12);
    assert!(store.get(BEFORE_IMPORT_KEY).is_some(), "the copy is kept");
    assert!(
        !Tab::open(&store).state.restorable,
        "once restored, a reload offers nothing: the kept plan is the plan"
    );

    // another import, this time kept: the person dismisses the offer
    session::backup_before_import(&store, tab.plan(), now()).unwrap();
    tab.act(Action::ApplyImport(plan_with(&[("y", 1, Stage::P0)])));
    assert!(Tab::open(&store).state.restorable);
    session::forget_before_import(&store).unwrap();
    tab.act(Action::DismissRestore);
    assert!(!tab.state.restorable);
    assert_eq!(store.get(BEFORE_IMPORT_KEY), None);
    assert!(
        !Tab::open(&store).state.restorable,
        "dismissed stays dismissed"
    );
}

#[test]
fn a_store_that_cannot_be_read_leaves_the_plan_as_it_is() {
    let store = Memory::default();
    let mut tab = Tab::with_sample(&store);
    let other = Memory {
        items: store.items.clone(),
        refuse: Rc::new(RefCell::new(Some(StorageError::Unavailable))),
    };
    let update = session::external(&other, false);
    assert_eq!(
        update,
        Action::Saved(SaveResult::Failed(StorageError::Unavailable))
    );
    tab.state = tab.state.clone().reduce(update);
    assert_eq!(tab.plan().deals.len(), 12, "nothing emptied");
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
    let save = session::save(&store, tab.plan(), Some("wrong"), now(), "n".into());
    assert_eq!(save, Action::Saved(SaveResult::Stale));
}
