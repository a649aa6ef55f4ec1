//! Helpers shared by the native tests.
#![allow(dead_code)]
use std::cell::RefCell;
use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use keyplan::domain::deal::DealFields;
use keyplan::domain::method::{GateId, GateItem, Method, StageRules, Text};
use keyplan::domain::validate::DealInput;
use keyplan::domain::{Currency, DealId, Money, Plan, Stage};
use keyplan::session::{StorageError, Store};

pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 27, 9, 30, 0).unwrap()
}

pub fn later(minutes: i64) -> DateTime<Utc> {
    now() + chrono::Duration::minutes(minutes)
}

pub fn today() -> NaiveDate {
    date("2026-11-27")
}

pub fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

pub fn fields(name: &str, major: i64, stage: Stage) -> DealFields {
    DealFields {
        name: name.to_string(),
        customer: format!("{name} 客户"),
        amount: Money::from_major(major),
        stage,
        ..DealFields::default()
    }
}

pub fn input(name: &str, customer: &str, amount: &str, stage: &str) -> DealInput {
    DealInput {
        name: name.to_string(),
        customer: customer.to_string(),
        amount: amount.to_string(),
        stage: stage.to_string(),
        ..DealInput::default()
    }
}

/// A method with the deck's probabilities, a 10-day stale limit and `items` gate items per
/// stage, with ids `p0-a`, `p0-b`, …
pub fn method_with(items: usize) -> Method {
    Method {
        stages: Stage::ALL.map(|stage| StageRules {
            stage,
            probability: stage.default_probability(),
            stale_days: 10,
            gate: (0..items)
                .map(|i| GateItem {
                    id: item(stage, i),
                    text: Text {
                        zh: format!("{} 条件{i}", stage.code()),
                        en: format!("{} criterion {i}", stage.code()),
                    },
                    ours: false,
                    retired: false,
                    evidence: false,
                    map: None,
                })
                .collect(),
        }),
        people: Default::default(),
    }
}

/// The id of the `i`-th item of `stage` in [`method_with`].
pub fn item(stage: Stage, i: usize) -> GateId {
    GateId(format!(
        "{}-{}",
        stage.code().to_lowercase(),
        (b'a' + i as u8) as char
    ))
}

/// An empty plan running by `method`.
pub fn plan_by(method: Method) -> Plan {
    Plan {
        title: None,
        currency: Currency::cny(),
        method: method.into(),
        quotas: Vec::new(),
        targets: Vec::new(),
        deals: Vec::new(),
        workshop: None,
        snapshots: Default::default(),
        extra: Default::default(),
    }
}

/// A plan with one deal per `(id, amount, stage)`, under a method without gate items.
pub fn plan_with(deals: &[(&str, i64, Stage)]) -> Plan {
    let mut plan = plan_by(method_with(0));
    for (id, major, stage) in deals {
        plan.add(DealId::new(*id), fields(id, *major, *stage), now())
            .unwrap();
    }
    plan
}

/// A plan of `n` deals (`deal-<i>`, over every stage), large enough from a few thousand on to
/// be kept packed.
#[allow(dead_code)]
pub fn many_deals(n: usize) -> Plan {
    let ids: Vec<String> = (0..n).map(|i| format!("deal-{i}")).collect();
    let deals: Vec<(&str, i64, Stage)> = ids
        .iter()
        .enumerate()
        .map(|(i, id)| (id.as_str(), 1_000 + i as i64, Stage::ALL[i % 8]))
        .collect();
    plan_with(&deals)
}

/// Closes (won: signed on `on` for its amount, the gates overridden; lost: with a reason) or
/// reopens a deal, as the plan's verbs do.
pub fn set_status(
    plan: &mut Plan,
    id: &DealId,
    status: keyplan::domain::DealStatus,
    on: NaiveDate,
    at: DateTime<Utc>,
) {
    use keyplan::domain::plan::{Loss, Win};
    use keyplan::domain::DealStatus;
    if plan.deal(id).unwrap().status == status {
        return;
    }
    match status {
        DealStatus::Won => {
            let amount = plan.deal(id).unwrap().amount;
            plan.win(
                id,
                Win {
                    signed_on: on,
                    amount,
                    reason: "signed".into(),
                    review: Default::default(),
                },
                at,
            )
            .unwrap();
        }
        DealStatus::Lost => plan
            .lose(
                id,
                Loss {
                    lost_on: on,
                    reason: "lost".into(),
                    competitor: String::new(),
                    review: Default::default(),
                },
                at,
            )
            .unwrap(),
        DealStatus::Open => plan.reopen(id, at).unwrap(),
    }
}

/// A deal of the plan to change in place (copied first if shared).
pub fn deal_mut(plan: &mut Plan, index: usize) -> &mut keyplan::domain::Deal {
    std::rc::Rc::make_mut(&mut plan.deals[index])
}

/// How an unreadable file is explained in English: a problem at a path as `path: message`,
/// anything else as the sentence the page shows.
pub fn said(why: &keyplan::domain::plan_file::Unreadable) -> String {
    use keyplan::domain::plan_file::Unreadable;
    use keyplan::i18n::Lang;
    match why {
        Unreadable::Invalid(problem) => Lang::En.problem_at(problem),
        other => Lang::En.unreadable(other),
    }
}

/// The app's state at start-up over `plan`, saved, in Chinese, on the board.
#[allow(dead_code)]
pub fn session_with(plan: keyplan::domain::Plan) -> std::rc::Rc<keyplan::session::Session> {
    use keyplan::session::{Lang, Loaded, Persistence, Seen, Session, View};
    std::rc::Rc::new(Session::new(
        Loaded {
            plan,
            persistence: Persistence::Saved,
            seen: Seen::default(),
            usage: None,
            restorable: false,
        },
        Lang::Zh,
        View::Board,
    ))
}

#[derive(Default)]
/// A store in memory; `refuse` makes every write fail as a full storage would.
pub struct Memory {
    pub items: RefCell<BTreeMap<String, String>>,
    pub refuse: bool,
}

impl Store for Memory {
    fn read(&self, key: &str) -> Result<Option<String>, StorageError> {
        Ok(self.items.borrow().get(key).cloned())
    }
    fn write(&self, key: &str, value: &str) -> Result<(), StorageError> {
        if self.refuse {
            return Err(StorageError::Full);
        }
        self.items.borrow_mut().insert(key.into(), value.into());
        Ok(())
    }
    fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.items.borrow_mut().remove(key);
        Ok(())
    }
    fn keys(&self) -> Result<Vec<String>, StorageError> {
        Ok(self.items.borrow().keys().cloned().collect())
    }
    fn used_chars(&self) -> Result<usize, StorageError> {
        Ok(0)
    }
}
