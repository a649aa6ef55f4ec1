//! Importing a file of 10,000 and 20,000 typical deals (the browser bench's file): the JSON
//! parse alone, keyplan's lenient read, the preview and the merge into an empty plan and into a
//! plan that has them all, and the save's encoding; the same 10,000 deals as keyplan's deals CSV
//! (issue 12): the table parsed, its rows read into deals, and both. Run with
//! `cargo bench --bench import`.
use std::collections::BTreeMap;
use std::hint::black_box;

use chrono::{TimeZone, Utc};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use keyplan::domain::csv::document;
use keyplan::domain::import::table::{self, guess, Table, Unit};
use keyplan::domain::import::{merge, preview, Rule};
use keyplan::domain::plan_file::{encode, encode_by_serde, read, Mode, Parsed};
use keyplan::domain::Plan;
use keyplan::i18n::{deals_csv, table_words, Lang};
use serde_json::{json, Value};

/// The typical deal of `e2e/src/bin/bench.rs`: two gate checks, one history entry.
fn typical(i: usize) -> Value {
    let owner = ["王晓明", "李娜", "张伟", "陈静"][i % 4];
    json!({
        "id": format!("g{i}"), "name": format!("智能仓储系统 {i} 期"),
        "customer": format!("蓝海物流集团 {}", i % 300),
        "amount": 1_250_000.5 + i as f64, "stage": format!("P{}", i % 8), "status": "open",
        "expected_close": format!("2027-0{}-15", 1 + i % 9),
        "owner": owner, "product": "智能仓储",
        "region": "华东", "segment": "物流", "next_step": "安排技术交流会，邀请中层技术骨干参加",
        "notes": "客户已正式立项，预算 400 万以内。",
        "gates": {
            "p0-info-accurate": { "on": "2026-10-02" },
            "p0-info-verified": { "on": "2026-10-05", "evidence": "电话确认" }
        },
        "history": [{ "from": "P0", "to": "P1", "at": "2026-10-06T08:00:00Z" }],
        "created": "2026-09-30T08:00:00Z", "updated": "2026-11-20T08:00:00Z"
    })
}

/// A typical deal with a decision chain of six people (5,000 of them make a 13 MB file), three reports-to links and two
/// competitors (issue 10).
fn with_people(i: usize) -> Value {
    let mut deal = typical(i);
    let contact = |k: usize| {
        let level = ["top", "middle", "operational"][k % 3];
        let role = ["decision_maker", "technical", "user"][k % 3];
        json!({
            "id": format!("c{k}"), "name": format!("联系人{k}"), "title": "信息部部长",
            "department": "信息部", "level": level,
            "roles": [role, "influencer"],
            "influence": "high", "attitude": "supportive", "relationship": "familiar",
            "owner": "王晓明", "last_contact": "2026-11-20", "notes": "每月拜访一次"
        })
    };
    deal["contacts"] = (0..6).map(contact).collect();
    deal["links"] = json!([
        {"from": "c1", "to": "c0", "kind": "reports_to"},
        {"from": "c2", "to": "c1", "kind": "reports_to"},
        {"from": "c4", "to": "c3", "kind": "reports_to"}
    ]);
    deal["competitors"] = json!([
        {"name": "竞品甲", "relationship": "trusted", "price": "lower"},
        {"name": "竞品乙", "relationship": "acquainted", "price": "similar"}
    ]);
    deal
}

fn file_of(n: usize) -> String {
    json!({
        "format": "keyplan.plan", "version": 1, "title": "Bench",
        "deals": (0..n).map(typical).collect::<Vec<_>>()
    })
    .to_string()
}

fn bench(c: &mut Criterion) {
    let now = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    let lenient = Mode::Lenient { now };
    let mut group = c.benchmark_group("import");
    group.sample_size(10);
    for n in [10_000, 20_000] {
        let text = file_of(n);
        let parsed: Parsed = read(&text, lenient).unwrap();
        let incoming = [("big.json".to_string(), parsed.clone())];
        let empty = Plan::default();
        let full = parsed.plan.clone();
        group.bench_with_input(BenchmarkId::new("json_value", n), &text, |b, t| {
            b.iter(|| serde_json::from_str::<Value>(black_box(t)).unwrap())
        });
        group.bench_with_input(BenchmarkId::new("read", n), &text, |b, t| {
            b.iter(|| read(black_box(t), lenient).unwrap())
        });
        group.bench_with_input(BenchmarkId::new("preview_into_empty", n), &n, |b, _| {
            b.iter(|| preview(black_box(&empty), &incoming))
        });
        group.bench_with_input(BenchmarkId::new("preview_into_same", n), &n, |b, _| {
            b.iter(|| preview(black_box(&full), &incoming))
        });
        let look = preview(&empty, &incoming);
        group.bench_with_input(BenchmarkId::new("merge_into_empty", n), &n, |b, _| {
            b.iter(|| merge(black_box(&empty), &look, Rule::NewestWins, &BTreeMap::new()))
        });
        group.bench_with_input(BenchmarkId::new("encode", n), &full, |b, p| {
            b.iter(|| encode(black_box(p), now))
        });
        // the same text as serde writes it (what `encode` was before its deals were written in
        // one pass by keyplan-wire)
        group.bench_with_input(BenchmarkId::new("encode_by_serde", n), &full, |b, p| {
            b.iter(|| encode_by_serde(black_box(p), now))
        });
    }
    {
        // the deals CSV of the same 10,000 deals, read into an empty plan
        let n = 10_000;
        let plan = read(&file_of(n), lenient).unwrap().plan;
        let csv = document(&deals_csv(Lang::Zh, &plan));
        let empty = Plan::default();
        let words = table_words();
        let parsed = Table::of(&csv);
        let targets = guess(&parsed.headers, &words);
        group.bench_with_input(BenchmarkId::new("csv_table", n), &csv, |b, t| {
            b.iter(|| Table::of(black_box(t)))
        });
        group.bench_with_input(BenchmarkId::new("csv_rows_to_deals", n), &parsed, |b, t| {
            b.iter(|| table::read(black_box(t), &targets, Unit::Yuan, &empty, &words, now))
        });
        group.bench_with_input(BenchmarkId::new("csv_whole", n), &csv, |b, t| {
            b.iter(|| {
                let words = table_words();
                let parsed = Table::of(black_box(t));
                let targets = guess(&parsed.headers, &words);
                table::read(&parsed, &targets, Unit::Yuan, &empty, &words, now)
            })
        });
    }
    {
        let n = 5_000;
        let text = json!({
            "format": "keyplan.plan", "version": 1, "title": "Bench",
            "deals": (0..n).map(with_people).collect::<Vec<_>>()
        })
        .to_string();
        group.bench_with_input(BenchmarkId::new("read_with_people", n), &text, |b, t| {
            b.iter(|| read(black_box(t), lenient).unwrap())
        });
    }
    {
        // one deal of 20,000 contacts, links and competitors (1.9 MB): what a hostile file can
        // make the people reader do; linear, or it would take seconds
        let n = 20_000;
        let deal = json!({
            "id": "d", "name": "n", "customer": "c", "amount": 1, "stage": "P2",
            "contacts": (0..n).map(|i| json!({"id": format!("c{i}"), "name": format!("人{i}")})).collect::<Vec<_>>(),
            "links": (1..n).map(|i| json!({"from": format!("c{i}"), "to": "c0", "kind": "reports_to"})).collect::<Vec<_>>(),
            "competitors": (0..n).map(|i| json!({"name": format!("友商{i}")})).collect::<Vec<_>>(),
        });
        let text = json!({"format": "keyplan.plan", "version": 2, "deals": [deal]}).to_string();
        group.bench_with_input(
            BenchmarkId::new("read_one_deal_of_people", n),
            &text,
            |b, t| b.iter(|| read(black_box(t), lenient).unwrap()),
        );
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
