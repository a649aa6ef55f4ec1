//! When the plan was last exported and when a backup export is due, over an in-memory store.
mod common;

use chrono::{DateTime, Duration, Utc};
use common::{now, Memory};
use keyplan::session::{
    read_record, record_change, record_export, ExportRecord, StorageError, Store, BACKUP_AFTER,
    EXPORTED_KEY, PLAN_KEY,
};

fn days(n: i64) -> DateTime<Utc> {
    now() + Duration::days(n)
}

fn record(exported: Option<i64>, changed: Option<i64>) -> ExportRecord {
    ExportRecord {
        exported: exported.map(days),
        changed: changed.map(days),
    }
}

#[test]
fn nothing_changed_is_never_due() {
    assert!(!record(None, None).backup_due(days(400)));
    assert!(!record(Some(0), None).backup_due(days(400)));
}

#[test]
fn never_exported_is_due_a_week_after_the_first_change() {
    let r = record(None, Some(0));
    assert!(!r.backup_due(days(6)));
    assert!(!r.backup_due(days(7) - Duration::milliseconds(1)));
    assert!(r.backup_due(days(7)));
    assert_eq!(BACKUP_AFTER, Duration::days(7));
}

#[test]
fn changes_after_an_export_are_due_a_week_after_that_export() {
    // exported a month ago, changed just now: due at once
    assert!(record(Some(0), Some(30)).backup_due(days(30)));
    // exported three days ago, changed since: due four days later
    let r = record(Some(0), Some(1));
    assert!(!r.backup_due(days(3)));
    assert!(!r.backup_due(days(7) - Duration::milliseconds(1)));
    assert!(r.backup_due(days(7)));
}

#[test]
fn a_change_stamped_before_the_export_is_in_it() {
    assert!(!record(Some(5), Some(4)).backup_due(days(100)));
}

#[test]
fn an_export_clears_the_changes_and_the_first_change_after_it_is_kept() {
    let store = Memory::default();
    assert_eq!(read_record(&store), ExportRecord::default());
    assert_eq!(
        record_change(&store, days(0)),
        Ok(true),
        "the first change is written"
    );
    assert_eq!(
        record_change(&store, days(2)),
        Ok(false),
        "later ones are not"
    );
    assert_eq!(
        read_record(&store),
        record(None, Some(0)),
        "the first change stays"
    );
    assert!(read_record(&store).backup_due(days(7)));

    record_export(&store, days(8)).unwrap();
    assert_eq!(read_record(&store), record(Some(8), None));
    assert!(!read_record(&store).backup_due(days(100)));

    assert_eq!(record_change(&store, days(9)), Ok(true));
    assert_eq!(record_change(&store, days(10)), Ok(false));
    assert_eq!(read_record(&store), record(Some(8), Some(9)));
    assert!(!read_record(&store).backup_due(days(15) - Duration::milliseconds(1)));
    assert!(read_record(&store).backup_due(days(15)));
}

#[test]
fn the_record_is_its_own_key_in_milliseconds() {
    let store = Memory::default();
    let ms = now().timestamp_millis();
    record_change(&store, now()).unwrap();
    assert_eq!(
        store.read(EXPORTED_KEY).unwrap().unwrap(),
        format!("{{\"exported\":0,\"changed\":{ms}}}"),
        "0: never exported"
    );
    record_export(&store, now()).unwrap();
    record_change(&store, now() + Duration::milliseconds(1500)).unwrap();
    let text = store.read(EXPORTED_KEY).unwrap().unwrap();
    assert_eq!(
        text,
        format!("{{\"exported\":{ms},\"changed\":{}}}", ms + 1500)
    );
    assert_eq!(store.keys().unwrap(), vec![EXPORTED_KEY.to_string()]);
    assert!(store.read(PLAN_KEY).unwrap().is_none());
}

#[test]
fn an_unreadable_record_reads_as_none_and_is_replaced() {
    let store = Memory::default();
    for text in [
        "",
        "garbage",
        "[1,2]",
        "{\"exported\":\"yesterday\",\"changed\":true}",
    ] {
        store.write(EXPORTED_KEY, text).unwrap();
        assert_eq!(read_record(&store), ExportRecord::default(), "{text:?}");
    }
    record_change(&store, now()).unwrap();
    assert_eq!(read_record(&store), record(None, Some(0)));
}

#[test]
fn a_refused_write_is_reported() {
    let store = Memory {
        refuse: true,
        ..Memory::default()
    };
    assert_eq!(record_export(&store, now()), Err(StorageError::Full));
    assert_eq!(record_change(&store, now()), Err(StorageError::Full));
    assert_eq!(read_record(&store), ExportRecord::default());
}
