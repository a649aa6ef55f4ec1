//! Fuzzing the readers of what people bring (issue 12): the plan-file reader (lenient, strict and
//! careful) and the table import (encoding, delimiter, headers, rows → deals) on arbitrary bytes
//! and on valid files mutated by deletions, insertions, swaps, truncation, duplicated spans and
//! replaced numbers and strings. Nothing panics; what reads leniently saves and reads again
//! strictly to the same plan; every table row is a deal or an error naming its row.
use std::collections::HashSet;
use std::sync::OnceLock;

use chrono::{DateTime, TimeZone, Utc};
use keyplan::domain::csv::document;
use keyplan::domain::import::table::{
    guess, guess_encoding, parse_row_path, read as read_table, utf8, Encoding, Table, Target, Unit,
};
use keyplan::domain::plan_file::{decode, encode, read, read_carefully, Mode, Parsed};
use keyplan::domain::sample::sample_plan;
use keyplan::domain::validate::check_deal;
use keyplan::domain::Plan;
use keyplan::i18n::{deals_csv, table_words, Lang};
use proptest::prelude::*;
use proptest::test_runner::Config as ProptestConfig;

/// Cases of each property: the whole file runs in a few seconds in the debug profile.
const CASES: u32 = 500;

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: CASES,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2027, 1, 5, 10, 0, 0).unwrap()
}

/// The training case: twelve deals with gates, history, people, strategies and reviews.
fn sample() -> Plan {
    sample_plan(now().date_naive(), now())
}

fn sample_file() -> &'static str {
    static FILE: OnceLock<String> = OnceLock::new();
    FILE.get_or_init(|| encode(&sample(), now()))
}

fn sample_csv(lang: Lang) -> &'static str {
    static FILES: OnceLock<Vec<String>> = OnceLock::new();
    let files = FILES.get_or_init(|| {
        Lang::ALL
            .into_iter()
            .map(|lang| document(&deals_csv(lang, &sample())))
            .collect()
    });
    &files[Lang::ALL.iter().position(|l| *l == lang).unwrap()]
}

// ---------------------------------------------------------------------------------------------
// Mutations

/// One change to a file's bytes; positions are taken modulo the length.
#[derive(Clone, Debug)]
enum Mutation {
    Delete(usize),
    Insert(usize, u8),
    Swap(usize, usize),
    Truncate(usize),
    /// Copies `len` bytes from the first position to the second.
    Duplicate(usize, usize, usize),
    /// Replaces the n-th number (a run of digits) with other text.
    Number(usize, String),
    /// Replaces the inside of the n-th quoted string with other text.
    Quoted(usize, String),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let byte = prop_oneof![
        proptest::sample::select(b"{}[]\":,;.-+eE0123456789 \tnulltrfasP'\\%".to_vec()),
        Just(b'\n'),
        Just(b'\r'),
        any::<u8>(),
    ];
    let number = prop_oneof![
        Just(String::new()),
        Just("-1".to_string()),
        Just("1e999".to_string()),
        Just("99999999999999999999999".to_string()),
        Just("0.001".to_string()),
        Just("9223372036854775807".to_string()),
        "[0-9]{1,12}",
        "[-+.eE0-9]{1,6}",
    ];
    let text = prop_oneof![
        Just(String::new()),
        Just("\\ud800".to_string()),
        Just("\\\"".to_string()),
        Just("P9".to_string()),
        Just("won".to_string()),
        Just("赢单".to_string()),
        Just("2027-02-30".to_string()),
        Just("=SUM(A1)".to_string()),
        "\\PC{0,8}",
        "[\",\n\r\t;]{1,4}",
    ];
    prop_oneof![
        any::<usize>().prop_map(Mutation::Delete),
        (any::<usize>(), byte).prop_map(|(at, b)| Mutation::Insert(at, b)),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::Swap(a, b)),
        any::<usize>().prop_map(Mutation::Truncate),
        (any::<usize>(), any::<usize>(), 1..200usize)
            .prop_map(|(from, to, len)| Mutation::Duplicate(from, to, len)),
        (any::<usize>(), number).prop_map(|(n, t)| Mutation::Number(n, t)),
        (any::<usize>(), text).prop_map(|(n, t)| Mutation::Quoted(n, t)),
    ]
}

/// The spans `[start, end)` of digit runs (numbers) or of quoted strings' insides.
fn spans(bytes: &[u8], numbers: bool) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if numbers && bytes[i].is_ascii_digit() {
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            out.push((start, i));
        } else if !numbers && bytes[i] == b'"' {
            let start = i + 1;
            i += 1;
            while i < bytes.len() && bytes[i] != b'"' {
                i += if bytes[i] == b'\\' { 2 } else { 1 };
            }
            out.push((start, i.min(bytes.len())));
            i += 1;
        } else {
            i += 1;
        }
    }
    out
}

fn mutate(text: &str, mutations: &[Mutation]) -> Vec<u8> {
    let mut bytes = text.as_bytes().to_vec();
    for m in mutations {
        let len = bytes.len().max(1);
        match m {
            Mutation::Delete(at) if !bytes.is_empty() => {
                bytes.remove(at % len);
            }
            Mutation::Insert(at, b) => bytes.insert(at % (bytes.len() + 1), *b),
            Mutation::Swap(a, b) if !bytes.is_empty() => bytes.swap(a % len, b % len),
            Mutation::Truncate(at) => bytes.truncate(at % (bytes.len() + 1)),
            Mutation::Duplicate(from, to, n) if !bytes.is_empty() => {
                let from = from % len;
                let end = (from + n).min(bytes.len());
                let span = bytes[from..end].to_vec();
                let to = to % (bytes.len() + 1);
                bytes.splice(to..to, span);
            }
            Mutation::Number(n, with) | Mutation::Quoted(n, with) => {
                let found = spans(&bytes, matches!(m, Mutation::Number(..)));
                if !found.is_empty() {
                    let (start, end) = found[n % found.len()];
                    bytes.splice(start..end, with.bytes());
                }
            }
            _ => {}
        }
    }
    bytes
}

// ---------------------------------------------------------------------------------------------
// The plan-file reader

/// Reads `text` every way: no panic; the quick and careful ways agree; a strict read is a
/// lenient read that left nothing out; what reads leniently saves and reads again strictly.
fn check_plan_text(text: &str) -> Result<(), TestCaseError> {
    let lenient = Mode::Lenient { now: now() };
    let strict = read(text, Mode::Strict);
    let quick = read(text, lenient);
    let careful = read_carefully(text, lenient);
    let careful_strict = read_carefully(text, Mode::Strict);
    prop_assert_eq!(
        &quick,
        &careful,
        "the quick and careful lenient reads differ"
    );
    prop_assert_eq!(
        &strict,
        &careful_strict,
        "the quick and careful strict reads differ"
    );
    if let Ok(Parsed { plan, .. }) = &strict {
        let Ok(parsed) = &quick else {
            return Err(TestCaseError::fail("strict reads, lenient does not"));
        };
        prop_assert!(parsed.rejected.is_empty());
        prop_assert_eq!(&parsed.plan, plan);
    }
    if let Ok(Parsed { plan, .. }) = quick {
        let mut ids = HashSet::new();
        for deal in &plan.deals {
            prop_assert!(ids.insert(deal.id.clone()), "id twice: {:?}", deal.id);
            prop_assert!(check_deal(deal).is_empty(), "{:?}", check_deal(deal));
        }
        let saved = encode(&plan, now());
        prop_assert_eq!(
            decode(&saved),
            Ok(plan),
            "read leniently, saved, read strictly"
        );
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// The table reader

/// Table bytes as the page decodes them (GB18030 by the browser; here the lossy UTF-8 stands in
/// for it: either way every byte becomes text).
fn decoded(bytes: &[u8]) -> String {
    match guess_encoding(bytes) {
        Encoding::Utf8 => utf8(bytes).expect("guessed UTF-8").to_string(),
        Encoding::Gb18030 => String::from_utf8_lossy(bytes).into_owned(),
    }
}

/// Reads a table the whole way with the guessed targets, or `picked` ones: every row is a valid
/// deal or a rejection naming that row; the deals save and read again; both languages word
/// every rejection.
fn check_table(
    bytes: &[u8],
    picked: Option<&[Target]>,
    unit: Unit,
    plan: &Plan,
) -> Result<(), TestCaseError> {
    let text = decoded(bytes);
    let table = Table::of(&text);
    let words = table_words();
    let targets = match picked {
        Some(p) => p
            .iter()
            .copied()
            .cycle()
            .take(table.headers.len())
            .collect(),
        None => guess(&table.headers, &words),
    };
    prop_assert_eq!(targets.len(), table.headers.len());
    let read = read_table(&table, &targets, unit, plan, &words, now());
    let parsed = &read.parsed;
    prop_assert_eq!(
        parsed.plan.deals.len() + parsed.rejected.len(),
        table.rows.len(),
        "every row is a deal or an error"
    );
    let numbers: HashSet<usize> = table.rows.iter().map(|r| r.number).collect();
    let mut rows = HashSet::new();
    for rejected in &parsed.rejected {
        let Some((row, _)) = parse_row_path(&rejected.problem.path) else {
            return Err(TestCaseError::fail(format!(
                "a rejection without its row: {:?}",
                rejected.problem.path
            )));
        };
        prop_assert!(numbers.contains(&row), "row {} is no row of the table", row);
        prop_assert_eq!(table.rows[rejected.index].number, row);
        prop_assert!(rows.insert(row), "row {} rejected twice", row);
        for lang in Lang::ALL {
            prop_assert!(!lang.rejected(rejected).is_empty());
        }
    }
    let mut ids = HashSet::new();
    for deal in &parsed.plan.deals {
        prop_assert!(ids.insert(deal.id.clone()), "id twice: {:?}", deal.id);
        prop_assert!(check_deal(deal).is_empty(), "{:?}", check_deal(deal));
    }
    for duplicate in &read.duplicates {
        prop_assert!(numbers.contains(&duplicate.row));
    }
    let saved = encode(&parsed.plan, now());
    prop_assert_eq!(
        decode(&saved),
        Ok(parsed.plan.clone()),
        "table deals saved, read strictly"
    );
    Ok(())
}

fn unit() -> impl Strategy<Value = Unit> {
    prop_oneof![Just(Unit::Yuan), Just(Unit::TenThousand)]
}

fn targets() -> impl Strategy<Value = Vec<Target>> {
    proptest::collection::vec(proptest::sample::select(Target::ALL.to_vec()), 1..12)
}

/// Bytes that look a little like a spreadsheet: cells, delimiters, quotes, line breaks, words
/// keyplan knows, GBK bytes.
fn table_soup() -> impl Strategy<Value = Vec<u8>> {
    let piece = proptest::sample::select(vec![
        ",",
        ";",
        "\t",
        "\"",
        "\"\"",
        "\n",
        "\r\n",
        "\r",
        "\u{feff}",
        "项目名称",
        "客户",
        "金额",
        "阶段",
        "状态",
        "赢率",
        "预计签约日期",
        "签约日期",
        "编号",
        "id",
        "name",
        "amount",
        "stage",
        "status",
        "备注",
        "P3",
        "p9",
        "赢单",
        "丢单",
        "won",
        "lost",
        "50%",
        "12.5",
        "¥88万",
        "1,250,000.50",
        "-1",
        "1e99",
        "2027-03-01",
        "2027/3/1",
        "2027年3月1日",
        "2027-02-30",
        "'=SUM(A1)",
        "\u{0}",
        "\u{1}",
        "x",
        " ",
        "\u{cfee}",
    ])
    .prop_map(|s| s.as_bytes().to_vec());
    let raw = prop_oneof![
        Just(vec![0xCF, 0xEE, 0xC4, 0xBF]),
        Just(vec![0xFF]),
        Just(vec![0xE9, 0xA1]),
    ];
    proptest::collection::vec(prop_oneof![4 => piece, 1 => raw], 0..80).prop_map(|p| p.concat())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn plan_reader_takes_arbitrary_text(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        check_plan_text(&String::from_utf8_lossy(&bytes))?;
    }

    #[test]
    fn plan_reader_takes_arbitrary_unicode(text in "\\PC{0,200}") {
        check_plan_text(&text)?;
    }

    #[test]
    fn plan_reader_takes_mutated_sample_files(
        mutations in proptest::collection::vec(mutation(), 1..5),
    ) {
        let bytes = mutate(sample_file(), &mutations);
        check_plan_text(&String::from_utf8_lossy(&bytes))?;
    }

    #[test]
    fn table_reader_takes_arbitrary_bytes(
        bytes in proptest::collection::vec(any::<u8>(), 0..400),
        picked in proptest::option::of(targets()),
        unit in unit(),
    ) {
        check_table(&bytes, picked.as_deref(), unit, &Plan::default())?;
    }

    #[test]
    fn table_reader_takes_spreadsheet_soup(
        bytes in table_soup(),
        picked in proptest::option::of(targets()),
        unit in unit(),
    ) {
        check_table(&bytes, picked.as_deref(), unit, &sample())?;
    }

    #[test]
    fn table_reader_takes_mutated_deals_csv(
        lang in proptest::sample::select(Lang::ALL.to_vec()),
        mutations in proptest::collection::vec(mutation(), 1..5),
        picked in proptest::option::of(targets()),
        unit in unit(),
        against_sample in any::<bool>(),
    ) {
        let bytes = mutate(sample_csv(lang), &mutations);
        let plan = if against_sample { sample() } else { Plan::default() };
        check_table(&bytes, picked.as_deref(), unit, &plan)?;
    }
}

/// The mutations reach what they aim at: numbers and quoted strings are found.
#[test]
fn mutations_find_numbers_and_strings() {
    let text = r#"{"a":"x\"y","b":12,"c":"","d":3.5}"#;
    let numbers: Vec<&str> = spans(text.as_bytes(), true)
        .into_iter()
        .map(|(s, e)| &text[s..e])
        .collect();
    assert_eq!(numbers, ["12", "3", "5"]);
    let strings: Vec<&str> = spans(text.as_bytes(), false)
        .into_iter()
        .map(|(s, e)| &text[s..e])
        .collect();
    assert_eq!(strings, ["a", "x\\\"y", "b", "c", "", "d"]);
    let changed = mutate(text, &[Mutation::Number(0, "99".into())]);
    assert_eq!(changed, br#"{"a":"x\"y","b":99,"c":"","d":3.5}"#);
    let changed = mutate(text, &[Mutation::Quoted(1, "z".into())]);
    assert_eq!(changed, br#"{"a":"z","b":12,"c":"","d":3.5}"#);
    // the unmutated sample reads back to itself, both ways
    assert_eq!(decode(sample_file()), Ok(sample()));
    let csv = sample_csv(Lang::Zh).as_bytes();
    let table = Table::of(&decoded(csv));
    let words = table_words();
    let read = read_table(
        &table,
        &guess(&table.headers, &words),
        Unit::Yuan,
        &sample(),
        &words,
        now(),
    );
    assert!(read.parsed.rejected.is_empty());
    assert_eq!(read.parsed.plan.deals.len(), sample().deals.len());
}
