//! The trainer's comparison of 10 tables × 50 deals (the "without lag" case): the
//! training case's deals repeated to 50, each table moving a different fifth of them.
//! Run with `cargo bench --bench workshop`.
use std::hint::black_box;
use std::rc::Rc;

use chrono::{NaiveDate, TimeZone, Utc};
use criterion::{criterion_group, criterion_main, Criterion};
use keyplan::domain::deal::Deal;
use keyplan::domain::sample::sample_plan;
use keyplan::domain::workshop::compare::{compare, row_order, RowKey, TableFile};
use keyplan::domain::workshop::copies::table_copies;
use keyplan::domain::{DealId, Stage};

fn tables() -> (Vec<TableFile>, NaiveDate) {
    let now = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    let mut case = sample_plan(today, now);
    let base: Vec<Rc<Deal>> = case.deals.clone();
    case.deals = (0..50)
        .map(|i| {
            let deal = &base[i % base.len()];
            Rc::new(Deal {
                id: DealId::new(format!("{}-{i}", deal.id.as_str())),
                ..(**deal).clone()
            })
        })
        .collect();
    let names: Vec<String> = (1..=10).map(|i| format!("第{i}组")).collect();
    let copies = table_copies(&case, "w-bench", &names, "").unwrap();
    let tables = copies
        .into_iter()
        .enumerate()
        .map(|(t, copy)| {
            let mut plan = copy.plan;
            let ids: Vec<DealId> = plan.deals.iter().map(|d| d.id.clone()).collect();
            for (i, id) in ids.iter().enumerate().filter(|(i, _)| i % 5 == t % 5) {
                let to = Stage::from_index((i + t) % 7).unwrap();
                if plan.deal(id).is_some_and(|d| d.is_open()) {
                    let _ = plan.move_deal(id, to, "table's call", now);
                }
            }
            TableFile {
                file: copy.file_name,
                plan,
            }
        })
        .collect();
    (tables, today)
}

fn bench(c: &mut Criterion) {
    let (tables, today) = tables();
    c.bench_function("compare 10 tables x 50 deals", |b| {
        b.iter(|| {
            let comparison = compare(black_box(&tables), today, &Utc);
            black_box(row_order(&comparison, RowKey::Disagreement))
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
