//! A trainer's housekeeping between sessions: renaming the plan, loading the training case again
//! or clearing the plan, each keeping the plan before it as a backup.
mod common;

use common::{later, now, plan_with, today, Memory};
use keyplan::domain::plan::MAX_TITLE;
use keyplan::domain::plan_file::decode;
use keyplan::domain::sample::sample_plan;
use keyplan::domain::{Plan, Stage};
use keyplan::session::backups::{self, BackupKind};
use keyplan::session::{Action, StorageError};

#[test]
fn renaming_trims_the_title_and_a_blank_one_removes_it() {
    let mut plan = plan_with(&[("a", 1, Stage::P0)]);
    assert!(plan.rename("  第3组 · 销售小王案例 "));
    assert_eq!(plan.title.as_deref(), Some("第3组 · 销售小王案例"));
    assert!(
        !plan.rename("第3组 · 销售小王案例"),
        "the same title is no change"
    );
    assert!(plan.rename("   "));
    assert_eq!(plan.title, None);
    assert!(!plan.rename(""));
    assert!(plan.rename(&"长".repeat(MAX_TITLE + 5)));
    assert_eq!(plan.title.unwrap().chars().count(), MAX_TITLE);
}

#[test]
fn the_reducer_renames_the_plan_and_counts_a_revision_only_for_a_change() {
    let state = common::session_with(plan_with(&[("a", 1, Stage::P0)]));
    let renamed = state.clone().reduce(Action::SetTitle(" 培训 ".into()));
    assert_eq!(renamed.plan.title.as_deref(), Some("培训"));
    assert_eq!(renamed.revision, state.revision + 1);
    let same = renamed.clone().reduce(Action::SetTitle("培训".into()));
    assert!(std::rc::Rc::ptr_eq(&same, &renamed));
    let untitled = renamed.reduce(Action::SetTitle(String::new()));
    assert_eq!(untitled.plan.title, None);
}

fn kept(store: &Memory) -> Vec<(BackupKind, Plan)> {
    backups::list_backups(store)
        .unwrap()
        .into_iter()
        .map(|b| {
            let text = backups::read_backup(store, &b.key).unwrap().unwrap();
            (b.kind, decode(&text).unwrap())
        })
        .collect()
}

#[test]
fn reloading_the_case_keeps_the_plan_before_it_as_a_backup() {
    let store = Memory::default();
    let mut mine = sample_plan(today(), now());
    mine.rename("第3组");
    let next = backups::reset(&store, &mine, true, today(), later(60)).unwrap();
    assert_eq!(next, sample_plan(today(), later(60)));
    assert_eq!(kept(&store), [(BackupKind::BeforeReset, mine)]);
    // the case as it is already is no plan to keep again
    let again = backups::reset(&store, &next, true, today(), later(61)).unwrap();
    assert_eq!(again, next);
    assert_eq!(kept(&store).len(), 1);
}

#[test]
fn clearing_keeps_the_plan_before_it_and_an_empty_plan_needs_no_backup() {
    let store = Memory::default();
    let mine = plan_with(&[("a", 1, Stage::P0), ("b", 2, Stage::P3)]);
    let next = backups::reset(&store, &mine, false, today(), later(5)).unwrap();
    assert_eq!(next, Plan::default());
    assert_eq!(kept(&store), [(BackupKind::BeforeReset, mine)]);
    let store = Memory::default();
    backups::reset(&store, &Plan::default(), false, today(), later(5)).unwrap();
    assert!(kept(&store).is_empty());
}

#[test]
fn when_the_backup_cannot_be_written_nothing_is_replaced() {
    let store = Memory {
        refuse: true,
        ..Memory::default()
    };
    let mine = plan_with(&[("a", 1, Stage::P0)]);
    assert_eq!(
        backups::reset(&store, &mine, true, today(), later(5)),
        Err(StorageError::Full)
    );
}

#[test]
fn a_reset_replaces_the_plan_and_closes_what_was_open() {
    let state = common::session_with(plan_with(&[("a", 1, Stage::P0)]))
        .reduce(Action::OpenBackups)
        .reduce(Action::Reset(sample_plan(today(), now())));
    assert_eq!(state.plan.deals.len(), 13);
    assert!(state.dialog.is_none());
    assert_eq!(state.revision, 1);
    let cleared = state.reduce(Action::Reset(Plan::default()));
    assert!(cleared.plan.deals.is_empty());
    assert_eq!(cleared.revision, 2);
}
