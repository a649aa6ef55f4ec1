//! The trainer's comparison as the page holds it: opened from the tables' files, sorted, closed.
//! It lives in this page only: no action here bumps the revision, so nothing of it is ever
//! written to the plan's storage key, and the trainer's own plan stays as it was.
use std::rc::Rc;

use crate::domain::plan_file::Unreadable;
use crate::domain::workshop::compare::{Comparison, RowKey, TableKey};

/// An open comparison and how it is sorted. Two are equal when they hold the same comparison
/// (the same allocation) sorted the same way.
#[derive(Clone, Debug)]
pub struct Workshop {
    pub comparison: Rc<Comparison>,
    /// The files that could not be read, each with why (the others are compared).
    pub unreadable: Rc<[(String, Unreadable)]>,
    pub tables: TableKey,
    pub rows: RowKey,
}

impl PartialEq for Workshop {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.comparison, &other.comparison)
            && Rc::ptr_eq(&self.unreadable, &other.unreadable)
            && (self.tables, self.rows) == (other.tables, other.rows)
    }
}

/// A change to the comparison.
#[derive(Clone, Debug, PartialEq)]
pub enum WorkshopEdit {
    /// The files were read and compared (the page computes the comparison: scores count days in
    /// the person's time zone, which the session does not know).
    Compared {
        comparison: Comparison,
        unreadable: Vec<(String, Unreadable)>,
    },
    SortTables(TableKey),
    SortRows(RowKey),
    Close,
}

/// The comparison after `edit`; `None` when nothing changes.
pub fn apply(current: &Option<Rc<Workshop>>, edit: WorkshopEdit) -> Option<Option<Rc<Workshop>>> {
    let sorted = |change: &dyn Fn(&mut Workshop)| {
        let mut next = (**current.as_ref()?).clone();
        change(&mut next);
        (Some(&next) != current.as_deref()).then(|| Some(Rc::new(next)))
    };
    match edit {
        WorkshopEdit::Compared {
            comparison,
            unreadable,
        } => Some(Some(Rc::new(Workshop {
            comparison: Rc::new(comparison),
            unreadable: unreadable.into(),
            tables: TableKey::default(),
            rows: RowKey::default(),
        }))),
        WorkshopEdit::SortTables(key) => sorted(&|w| w.tables = key),
        WorkshopEdit::SortRows(key) => sorted(&|w| w.rows = key),
        WorkshopEdit::Close => current.is_some().then_some(None),
    }
}
