//! Forecast over 10,000 and 100,000 deals: claimed, verified, and grouped by owner; and the
//! owner × region matrix of the same deals (both bases at once).
//! The same forecasts in the browser: `make bench-forecast` (bench/forecast-wasm).
//! Run with `cargo bench --bench forecast`.
use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use keyplan::domain::facts::Facts;
use keyplan::domain::filter::Dimension;
use keyplan::domain::filter::Filter;
use keyplan::domain::forecast::matrix::matrix;
use keyplan::domain::forecast::{forecast, forecast_of, Query};
use keyplan::domain::gates::verified_stage;
use keyplan::domain::weighting::Basis;
use keyplan::domain::Money;

#[path = "common/plan_of.rs"]
mod plan_of;
use plan_of::plan_of;

fn bench(c: &mut Criterion) {
    let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    let mut group = c.benchmark_group("forecast");
    for n in [10_000, 100_000] {
        let plan = plan_of(n);
        let claimed = Query::rolling_year(today);
        let verified = Query {
            basis: Basis::Verified,
            ..claimed.clone()
        };
        let by_owner = Query {
            group_by: Some(Dimension::Owner),
            ..claimed.clone()
        };
        group.bench_with_input(BenchmarkId::new("claimed", n), &plan, |b, p| {
            b.iter(|| forecast(black_box(p), &claimed))
        });
        group.bench_with_input(BenchmarkId::new("verified", n), &plan, |b, p| {
            b.iter(|| forecast(black_box(p), &verified))
        });
        group.bench_with_input(BenchmarkId::new("by_owner", n), &plan, |b, p| {
            b.iter(|| forecast(black_box(p), &by_owner))
        });
        // the facts kept from the previous version (see `forecast::facts`): a forecast then reads
        // only them; one edited deal is derived again
        let kept = std::rc::Rc::new(plan.clone());
        let mut facts = Facts::default();
        facts.refresh(&kept);
        group.bench_with_input(BenchmarkId::new("kept_facts_claimed", n), &plan, |b, p| {
            b.iter(|| forecast_of(black_box(&facts), p, &claimed))
        });
        group.bench_with_input(BenchmarkId::new("kept_facts_verified", n), &plan, |b, p| {
            b.iter(|| forecast_of(black_box(&facts), p, &verified))
        });
        group.bench_with_input(BenchmarkId::new("kept_facts_by_owner", n), &plan, |b, p| {
            b.iter(|| forecast_of(black_box(&facts), p, &by_owner))
        });
        let mut edited = plan.clone();
        std::rc::Rc::make_mut(&mut edited.deals[n / 2]).amount = Money::from_minor(123_456);
        let edited = std::rc::Rc::new(edited);
        group.bench_with_input(
            BenchmarkId::new("one_edit_refresh_verified", n),
            &edited,
            |b, e| {
                b.iter_batched(
                    || facts.clone(),
                    |mut f| {
                        f.refresh(e);
                        forecast_of(&f, e, &verified)
                    },
                    criterion::BatchSize::LargeInput,
                )
            },
        );
        group.bench_with_input(BenchmarkId::new("matrix_owner_region", n), &plan, |b, p| {
            b.iter(|| {
                matrix(
                    black_box(p),
                    Dimension::Owner,
                    Dimension::Region,
                    &Filter::default(),
                )
            })
        });
        group.bench_with_input(BenchmarkId::new("verified_stage_all", n), &plan, |b, p| {
            b.iter(|| {
                p.deals
                    .iter()
                    .map(|d| verified_stage(&p.method, d).index())
                    .sum::<usize>()
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
