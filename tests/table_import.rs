//! Deal lists from spreadsheets (issue 12): encodings, delimiters, header synonyms, units,
//! date and stage forms, row errors, ids and duplicates, and the deals CSV read back.
use std::rc::Rc;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};

use keyplan::domain::csv::document;
use keyplan::domain::import::table::{
    guess, guess_encoding, read, utf8, Duplicate, Encoding, Table, TableRead, Target, Unit,
};
use keyplan::domain::money::Money;
use keyplan::domain::{Plan, Stage};
use keyplan::i18n::{table_words, Lang};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2027, 1, 5, 10, 0, 0).unwrap()
}

fn import(text: &str, unit: Unit, plan: &Plan) -> TableRead {
    let table = Table::of(text);
    let words = table_words();
    let targets = guess(&table.headers, &words);
    read(&table, &targets, unit, plan, &words, now())
}

fn messages(read: &TableRead, lang: Lang) -> Vec<String> {
    read.parsed
        .rejected
        .iter()
        .map(|r| lang.rejected(r))
        .collect()
}

#[test]
fn encodings_are_told_by_utf8_validity() {
    assert_eq!(guess_encoding("项目".as_bytes()), Encoding::Utf8);
    assert_eq!(guess_encoding(b"\xef\xbb\xbfname"), Encoding::Utf8);
    assert_eq!(utf8(b"\xef\xbb\xbfname"), Some("name"));
    // 项目 in GBK: not UTF-8, so the browser decodes it as GB18030
    assert_eq!(guess_encoding(&[0xCF, 0xEE, 0xC4, 0xBF]), Encoding::Gb18030);
    assert_eq!(utf8(&[0xCF, 0xEE, 0xC4, 0xBF]), None);
}

#[test]
fn every_header_synonym_maps_to_its_field() {
    let words = table_words();
    let cases = [
        ("项目名称", Target::Name),
        ("商机名称", Target::Name),
        ("Name", Target::Name),
        ("客户", Target::Customer),
        ("客户名称", Target::Customer),
        ("金额", Target::Amount),
        ("合同金额", Target::Amount),
        ("预计金额", Target::Amount),
        ("阶段", Target::Stage),
        ("状态", Target::Status),
        ("预计签约日期", Target::ExpectedClose),
        ("负责人", Target::Owner),
        ("销售", Target::Owner),
        ("产品", Target::Product),
        ("区域", Target::Region),
        ("行业", Target::Segment),
        ("客户类型", Target::Segment),
        ("Expected close date", Target::ExpectedClose),
        ("Verified", Target::Ignore),
        ("加权金额", Target::Ignore),
        ("不认识的列", Target::ToNotes),
    ];
    for (header, target) in cases {
        assert_eq!(
            guess(&[header.to_string()], &words),
            vec![target],
            "{header}"
        );
    }
    // a field is given to its first column only
    let two = guess(&["销售".to_string(), "负责人".to_string()], &words);
    assert_eq!(two, vec![Target::Owner, Target::ToNotes]);
}

#[test]
fn units_dates_and_stages_are_read_as_excel_writes_them() {
    let text = "项目名称,客户,金额,阶段,预计签约日期\n\
                一,甲,12.5,P2,2027/3/1\n\
                二,乙,8,需求调研·高层突破,2027-03-01\n\
                三,丙,\"1,250\",Agreement,2027年3月1日\n\
                四,丁,3万,30%,\n";
    let read = import(text, Unit::TenThousand, &Plan::default());
    assert!(
        read.parsed.rejected.is_empty(),
        "{:?}",
        read.parsed.rejected
    );
    let deals = &read.parsed.plan.deals;
    let amounts: Vec<Money> = deals.iter().map(|d| d.amount).collect();
    assert_eq!(
        amounts,
        [125_000, 80_000, 12_500_000, 30_000].map(Money::from_major)
    );
    let stages: Vec<Stage> = deals.iter().map(|d| d.stage).collect();
    assert_eq!(stages, [Stage::P2, Stage::P4, Stage::P6, Stage::P3]);
    let march = NaiveDate::from_ymd_opt(2027, 3, 1);
    let days: Vec<_> = deals.iter().map(|d| d.expected_close).collect();
    assert_eq!(days, [march, march, march, None]);
    let yuan = import(
        "name,customer,amount\na,b,1250000.50\n",
        Unit::Yuan,
        &Plan::default(),
    );
    assert_eq!(
        yuan.parsed.plan.deals[0].amount,
        Money::from_minor(125_000_050)
    );
}

#[test]
fn a_bad_row_is_listed_with_its_row_and_header_and_the_rest_is_read() {
    let text = "项目名称,客户,金额,阶段,预计签约日期\n\
                一,甲,100,P1,\n\
                二,乙,100,P1,\n\
                三,丙,100,P1,\n\
                四,丁,十万,P1,\n\
                五,戊,100,P9,\n\
                六,己,100,P1,明天\n\
                ,庚,100,P1,\n";
    let read = import(text, Unit::Yuan, &Plan::default());
    assert_eq!(read.parsed.plan.deals.len(), 3);
    let zh = messages(&read, Lang::Zh);
    assert_eq!(zh[0], "第 5 行 · 金额：“十万”不是金额");
    assert!(zh[1].starts_with("第 6 行 · 阶段："), "{}", zh[1]);
    assert!(zh[2].starts_with("第 7 行 · 预计签约日期："), "{}", zh[2]);
    assert!(zh[3].starts_with("第 8 行 · 项目名称："), "{}", zh[3]);
    let en = messages(&read, Lang::En);
    assert!(en[0].starts_with("row 5 · 金额: "), "{}", en[0]);
}

#[test]
fn rows_with_an_id_update_that_deal_and_others_are_new_with_duplicates_listed() {
    let mut plan = keyplan::domain::sample::sample_plan(now().date_naive(), now());
    let first = plan.deals[0].clone();
    let text = format!(
        "id,name,customer,amount\n{},{},{},777\n,{},{},5\n,新项目,新客户,6\n",
        first.id.as_str(),
        first.name,
        first.customer,
        first.name,
        first.customer
    );
    let read = import(&text, Unit::Yuan, &plan);
    let deals = &read.parsed.plan.deals;
    assert_eq!(deals.len(), 3);
    assert_eq!(deals[0].id, first.id);
    assert_eq!(deals[0].amount, Money::from_major(777));
    assert_eq!(
        deals[0].history, first.history,
        "what the table lacks is kept"
    );
    assert_eq!(deals[0].updated, now());
    assert_ne!(deals[1].id, first.id);
    assert_ne!(deals[1].id, deals[2].id);
    assert_eq!(
        read.duplicates,
        vec![Duplicate {
            row: 3,
            name: first.name.clone(),
            customer: first.customer.clone()
        }]
    );
    let preview = keyplan::domain::import::preview(&plan, &[("t.csv".into(), read.parsed)]);
    assert_eq!((preview.new.len(), preview.changed.len()), (2, 1));
    plan.deals.clear();
}

#[test]
fn unknown_columns_go_to_the_notes() {
    let read = import(
        "项目名称,客户,联系人\n一,甲,王经理\n",
        Unit::Yuan,
        &Plan::default(),
    );
    assert_eq!(read.parsed.plan.deals[0].notes, "联系人: 王经理");
}

#[test]
fn the_deals_csv_reads_back_field_for_field() {
    let mut plan = keyplan::domain::sample::sample_plan(now().date_naive(), now());
    let mut odd = (*plan.deals[0]).clone();
    odd.notes = "=SUM(A1)\n第二行, \"引号\"".into();
    odd.next_step = "-先打电话".into();
    odd.probability = Some(33);
    odd.strategies
        .set(Stage::P1, vec!["一".into(), "二".into()]);
    plan.deals[0] = Rc::new(odd);
    for lang in Lang::ALL {
        let text = document(&keyplan::i18n::deals_csv(lang, &plan));
        let read = import(&text, Unit::Yuan, &plan);
        assert!(
            read.parsed.rejected.is_empty(),
            "{:?}",
            read.parsed.rejected
        );
        for (theirs, mine) in read.parsed.plan.deals.iter().zip(&plan.deals) {
            let fields = keyplan::domain::import::differences(mine, theirs);
            assert!(
                fields.is_empty(),
                "{lang:?} {}: {fields:?}",
                mine.id.as_str()
            );
        }
        assert_eq!(read.parsed.plan.deals, plan.deals, "{lang:?}");
        let preview = keyplan::domain::import::preview(&plan, &[("d.csv".into(), read.parsed)]);
        assert_eq!(preview.unchanged, plan.deals.len());
    }
}

proptest::proptest! {
    /// Any text, and any mapping of its columns, reads without a panic.
    #[test]
    fn any_text_reads_without_a_panic(text in "\\PC*", keys in proptest::collection::vec(0usize..21, 0..8)) {
        let plan = keyplan::domain::sample::sample_plan(now().date_naive(), now());
        let table = Table::of(&text);
        let targets: Vec<Target> = keys.iter().map(|k| Target::ALL[*k]).collect();
        let _ = read(&table, &targets, Unit::TenThousand, &plan, &table_words(), now());
    }

    /// Mutated CSV (quotes, delimiters and line breaks where they do not belong) reads without a
    /// panic, every row either a deal or a rejected row.
    #[test]
    fn mutated_csv_reads_without_a_panic(cuts in proptest::collection::vec((0usize..200, 0usize..6), 0..12)) {
        let mut text: Vec<char> = "id,项目名称,客户,金额,阶段\nx1,一,甲,100,P1\n,\"二\n行\",乙,\"1,000\",P2\n".chars().collect();
        for (at, what) in cuts {
            let at = at % (text.len() + 1);
            text.insert(at, ['"', ',', '\n', ';', '\t', '\r'][what]);
        }
        let text: String = text.into_iter().collect();
        let table = Table::of(&text);
        let words = table_words();
        let targets = guess(&table.headers, &words);
        let read = read(&table, &targets, Unit::Yuan, &Plan::default(), &words, now());
        proptest::prop_assert_eq!(read.parsed.plan.deals.len() + read.parsed.rejected.len(), table.rows.len());
    }
}

#[test]
fn a_field_no_column_holds_is_named_in_the_persons_language() {
    // no name column: the row's problem names the field as the interface does, not its key
    let read = import("客户,金额\n甲,100\n", Unit::Yuan, &Plan::default());
    let zh = messages(&read, Lang::Zh);
    assert_eq!(zh.len(), 1);
    assert!(zh[0].starts_with("第 2 行 · 项目名称："), "{}", zh[0]);
    let en = messages(&read, Lang::En);
    assert!(en[0].starts_with("row 2 · Deal name: "), "{}", en[0]);
}

#[test]
fn replacing_the_plan_with_a_table_keeps_the_plans_own_settings() {
    use keyplan::domain::import::replace;
    let mut plan = keyplan::domain::sample::sample_plan(now().date_naive(), now());
    plan.title = Some("第3组 · 培训".into());
    let read = import("项目名称,客户,金额\n新项目,新客户,6\n", Unit::Yuan, &plan);
    let replaced = replace(&[("t.csv".into(), read.parsed)]);
    assert_eq!(replaced.deals.len(), 1, "the table's deals only");
    assert_eq!(replaced.title, plan.title);
    assert_eq!(replaced.quotas, plan.quotas);
    assert!(!plan.quotas.is_empty(), "the case has quotas to keep");
    assert_eq!(replaced.workshop, plan.workshop);
    assert_eq!(replaced.method, plan.method);
}

#[test]
fn won_and_lost_rows_are_closed_as_the_editor_closes_deals() {
    use keyplan::domain::deal::{DealFields, DealId};
    use keyplan::domain::plan::{Loss, Win};
    use keyplan::domain::DealStatus;
    // the editor: an open P4 deal won on 2027-01-03, another lost on 2027-01-04 to 友商甲
    let mut editor = Plan::default();
    for id in ["w", "l"] {
        let fields = DealFields {
            name: id.into(),
            customer: "客户".into(),
            amount: Money::from_major(100),
            stage: Stage::P4,
            ..DealFields::default()
        };
        editor.add(DealId::new(id), fields, now()).unwrap();
    }
    let win = Win {
        signed_on: NaiveDate::from_ymd_opt(2027, 1, 3).unwrap(),
        amount: Money::from_major(100),
        reason: "gates".into(),
        review: Default::default(),
    };
    editor.win(&DealId::new("w"), win, now()).unwrap();
    let loss = Loss {
        lost_on: NaiveDate::from_ymd_opt(2027, 1, 4).unwrap(),
        reason: "price".into(),
        competitor: "友商甲".into(),
        review: Default::default(),
    };
    editor.lose(&DealId::new("l"), loss, now()).unwrap();
    let closed = |deal: &keyplan::domain::Deal| {
        let entry = deal.closing().expect("a close entry");
        (
            deal.status,
            deal.stage,
            deal.closed_on,
            entry.from,
            entry.to,
            entry.at,
            entry.competitor.clone(),
        )
    };
    let (won, lost) = (
        closed(editor.deal(&DealId::new("w")).unwrap()),
        closed(editor.deal(&DealId::new("l")).unwrap()),
    );
    assert_eq!(won.0, DealStatus::Won);
    assert_eq!(lost.0, DealStatus::Lost);
    for status in [
        ("赢单", "丢单"),
        ("won", "lost"),
        ("Won", "LOST"),
        ("Closed Won", "输单"),
    ] {
        let text = format!(
            "项目名称,客户,金额,阶段,状态,签约日期,竞争对手\n\
             w,客户,100,P4,{},2027-01-03,\n\
             l,客户,100,P4,{},2027/1/4,友商甲\n",
            status.0, status.1
        );
        let table = Table::of(&text);
        let words = table_words();
        let mut targets = guess(&table.headers, &words);
        targets[6] = Target::ReviewCompetitor;
        // new deals, and the same deals open in the plan (matched by id)
        let open = {
            let mut plan = Plan::default();
            for id in ["w", "l"] {
                let fields = DealFields {
                    name: id.into(),
                    customer: "客户".into(),
                    amount: Money::from_major(100),
                    stage: Stage::P4,
                    ..DealFields::default()
                };
                plan.add(DealId::new(id), fields, now()).unwrap();
            }
            plan
        };
        let mut with_id = targets.clone();
        with_id[0] = Target::Id;
        for (plan, targets) in [(Plan::default(), &targets), (open, &with_id)] {
            let read = read(&table, targets, Unit::Yuan, &plan, &words, now());
            assert!(
                read.parsed.rejected.is_empty(),
                "{:?}",
                read.parsed.rejected
            );
            let deals = &read.parsed.plan.deals;
            assert_eq!(closed(&deals[0]), won, "{status:?}");
            assert_eq!(closed(&deals[1]), lost, "{status:?}");
            assert_eq!(deals[0].history.len(), 1);
        }
    }
    // a won row without a signing day closes on its expected one; an open row has no entry
    let read = import(
        "项目名称,客户,金额,状态,预计签约日期\n甲,客户,1,won,2027-02-01\n乙,客户,1,open,2027-02-01\n",
        Unit::Yuan,
        &Plan::default(),
    );
    let deals = &read.parsed.plan.deals;
    assert_eq!(deals[0].closed_on, NaiveDate::from_ymd_opt(2027, 2, 1));
    assert_eq!(deals[0].closing().map(|c| c.to), Some(Stage::P7));
    assert!(deals[1].history.is_empty());
}

/// A won or lost row without any day (no signing day, no expected one) would count in no month:
/// the row is listed, as the editor would ask for the day.
#[test]
fn a_closed_row_without_a_day_is_listed() {
    let text = "项目名称,客户,金额,阶段,状态,预计签约日期\n\
                一,甲,100,P5,赢单,2027-01-03\n\
                二,乙,100,P5,赢单,\n\
                三,丙,100,P2,丢单,\n";
    let read = import(text, Unit::Yuan, &Plan::default());
    assert_eq!(read.parsed.plan.deals.len(), 1, "the one with a day");
    let zh = messages(&read, Lang::Zh);
    assert_eq!(zh.len(), 2, "{zh:?}");
    assert!(zh[0].starts_with("第 3 行 · "), "{}", zh[0]);
    assert!(zh[1].starts_with("第 4 行 · "), "{}", zh[1]);
    assert_eq!(zh[0], "第 3 行 · 签约/丢单日期：必填，不能为空");
    assert_eq!(
        messages(&read, Lang::En)[1],
        "row 4 · Signed or lost on: is required"
    );
}
