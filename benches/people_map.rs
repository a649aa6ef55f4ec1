//! The 渔网图 of 30 people (the most a map is meant for) and of 300 (how it scales): layout, and
//! layout with the SVG markup. Run with `cargo bench --bench people_map`.
use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use keyplan::chart::people_map::{layout, LinkKind, MapLink};
use keyplan::chart::people_svg::{people_svg, MapCard, MapVocab, MapWords};

const VOCAB: MapVocab = MapVocab {
    levels: ["高层", "中层", "基层"],
    attitudes: ["反对", "不支持", "中立", "支持", "支持者"],
    attitude_unknown: "未知",
    degrees: ["陌生", "认识", "熟悉", "信任", "同盟"],
    influences: ["高", "中", "低"],
};

/// `n` people, a sixth at the top and a third in the middle, each below the top reporting to
/// someone one level up, every fifth influencing someone.
fn chain(n: usize) -> (Vec<MapCard>, Vec<MapLink>) {
    let level = |i: usize| match i {
        i if i < (n / 6).max(1) => 0,
        i if i < n / 2 => 1,
        _ => 2,
    };
    let people: Vec<MapCard> = (0..n)
        .map(|i| MapCard {
            key: format!("c{i}"),
            name: format!("联系人{i}"),
            title: "信息中心主任".to_string(),
            level: level(i),
            roles: vec!["决策者".to_string(), "技术评估者".to_string()],
            influence: (i % 3) as u8,
            attitude: Some((i % 5) as u8),
            degree: (i * 2 % 5) as u8,
            owner: "张销售".to_string(),
        })
        .collect();
    let mut links = Vec::new();
    for i in 0..n {
        let ups: Vec<usize> = (0..n).filter(|&j| level(j) + 1 == level(i)).collect();
        if !ups.is_empty() {
            let to = ups[i * 7 % ups.len()];
            links.push(MapLink {
                from: format!("c{i}"),
                to: format!("c{to}"),
                kind: LinkKind::ReportsTo,
            });
        }
        if i % 5 == 3 {
            links.push(MapLink {
                from: format!("c{i}"),
                to: format!("c{}", (i * 3 + 1) % n),
                kind: LinkKind::Influences,
            });
        }
    }
    (people, links)
}

fn bench(c: &mut Criterion) {
    let words = MapWords {
        title: "重点客户渔网图",
        desc: "",
        colon: "：",
        influence: "影响力",
        attitude: "态度",
        relationship: "关系程度",
        owner: "我方负责人",
        no_value: "（未填写）",
        ids: "",
    };
    let mut group = c.benchmark_group("people_map");
    for n in [30, 300] {
        let (people, links) = chain(n);
        let persons: Vec<_> = people.iter().map(MapCard::person).collect();
        group.bench_with_input(BenchmarkId::new("layout", n), &n, |b, _| {
            b.iter(|| layout(black_box(&persons), black_box(&links)))
        });
        group.bench_with_input(BenchmarkId::new("layout_and_svg", n), &n, |b, _| {
            b.iter(|| {
                let map = layout(black_box(&persons), black_box(&links));
                people_svg(&people, &map, &VOCAB, &words)
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
