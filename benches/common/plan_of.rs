//! The plans the forecast benchmarks measure, shared by the native one (`benches/forecast.rs`)
//! and the one in the browser (`bench/forecast-wasm`): each includes this file.
use chrono::{Duration, NaiveDate, TimeZone, Utc};
use keyplan::domain::deal::{DealFields, GateCheck};
use keyplan::domain::plan::{Loss, Win};
use keyplan::domain::{DealId, Money, Plan, Stage};

/// A plan of `n` deals spread over stages, owners, regions and the next 18 months, with gate
/// evidence for roughly the stages they claim, from a fixed pseudo-random sequence.
pub fn plan_of(n: usize) -> Plan {
    let now = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    let mut all = Plan::default();
    let items: Vec<Vec<_>> = Stage::ALL
        .iter()
        .map(|s| all.method.active_gate(*s).map(|i| i.id.clone()).collect())
        .collect();
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    let owners = ["王晓明", "李娜", "张伟", "陈静", "刘洋", "赵敏"];
    let regions = ["华东", "华北", "华南", "西南", "华中"];
    for i in 0..n {
        let stage = Stage::from_index((next() % 8) as usize).unwrap();
        let fields = DealFields {
            name: format!("项目 {i}"),
            customer: format!("客户 {}", next() % 900),
            amount: Money::from_minor(i128::from(next() % 500_000_000)),
            stage,
            expected_close: (next() % 10 != 0)
                .then(|| today + Duration::days((next() % 560) as i64 - 30)),
            closed_on: None,
            owner: owners[(next() % owners.len() as u64) as usize].to_string(),
            product: String::new(),
            region: regions[(next() % regions.len() as u64) as usize].to_string(),
            segment: String::new(),
            next_step: String::new(),
            notes: String::new(),
            probability: None,
            category: None,
        };
        let id = DealId::new(format!("d{i}"));
        // each deal is made in a plan of its own and moved over: the plan's verbs find a deal by
        // id, which would make building 100,000 deals quadratic
        let mut one = Plan {
            method: all.method.clone(),
            ..Plan::default()
        };
        let plan = &mut one;
        plan.add(id.clone(), fields, now).unwrap();
        let deal = std::rc::Rc::make_mut(plan.deals.last_mut().unwrap());
        for stage_items in items
            .iter()
            .take(stage.index() + usize::from(next() % 3 == 0))
        {
            for item in stage_items {
                if next() % 12 != 0 {
                    deal.gates.insert(
                        item.clone(),
                        GateCheck {
                            on: today,
                            evidence: String::new(),
                        },
                    );
                }
            }
        }
        match next() % 10 {
            0 => {
                let amount = plan.deal(&id).unwrap().amount;
                let win = Win {
                    signed_on: today - Duration::days((next() % 60) as i64),
                    amount,
                    reason: "signed".to_string(),
                    review: Default::default(),
                };
                plan.win(&id, win, now).unwrap();
            }
            1 => {
                let loss = Loss {
                    lost_on: today,
                    reason: "price".to_string(),
                    competitor: String::new(),
                    review: Default::default(),
                };
                plan.lose(&id, loss, now).unwrap();
            }
            _ => {}
        }
        all.deals.append(&mut one.deals);
    }
    all
}
