//! Both languages are complete, and dates and errors read naturally in each.
mod common;

use std::collections::HashSet;

use common::date;
use keyplan::domain::money::AmountError;
use keyplan::domain::storage::Unreadable;
use keyplan::domain::validate::{Field, Problem};
use keyplan::domain::{DealStatus, Stage};
use keyplan::i18n::Lang;

#[test]
fn every_label_is_filled_in_both_languages_and_they_differ() {
    let zh = Lang::Zh.texts().all();
    let en = Lang::En.texts().all();
    assert_eq!(zh.len(), en.len());
    for (z, e) in zh.iter().zip(&en) {
        assert!(!z.trim().is_empty() && !e.trim().is_empty());
        assert_ne!(z, e, "an untranslated label: {z}");
    }
    let has_cjk = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    assert!(
        zh.iter().all(|s| has_cjk(s)),
        "every Chinese label is Chinese"
    );
    let en_with_cjk: Vec<_> = en.iter().filter(|s| has_cjk(s)).collect();
    assert!(
        en_with_cjk.len() <= 2,
        "English labels only quote Chinese terms: {en_with_cjk:?}"
    );
}

#[test]
fn dates_read_naturally() {
    assert_eq!(Lang::Zh.date(date("2026-12-31")), "2026年12月31日");
    assert_eq!(Lang::En.date(date("2026-12-31")), "31 Dec 2026");
    assert_eq!(Lang::En.date(date("2027-01-05")), "5 Jan 2027");
}

#[test]
fn browser_language_picks_chinese_unless_another_is_asked_for() {
    assert_eq!(Lang::from_browser("zh-CN"), Lang::Zh);
    assert_eq!(Lang::from_browser("zh-TW"), Lang::Zh);
    assert_eq!(Lang::from_browser(""), Lang::Zh);
    assert_eq!(Lang::from_browser("en-US"), Lang::En);
    assert_eq!(serde_json::to_string(&Lang::En).unwrap(), "\"en\"");
}

#[test]
fn field_errors_are_sentences_in_each_language() {
    let p = Problem::Amount(AmountError::NotANumber("abc".into()));
    assert!(Lang::Zh.problem(&p).contains("“abc”不是有效的金额"));
    assert!(Lang::En.problem(&p).contains("“abc” is not an amount"));
    assert_eq!(
        Lang::Zh.problem(&Problem::TooLong(200)),
        "不能超过 200 个字"
    );
    assert_eq!(Lang::En.problem(&Problem::Required), "Required");
    assert_eq!(Lang::Zh.field_label(Field::ExpectedClose), "预计签约日期");
    let stage = Problem::Stage(Stage::parse("P9").unwrap_err());
    assert!(Lang::Zh.problem(&stage).contains("P9"));
    assert_eq!(Lang::Zh.status(DealStatus::Won), "已赢单");
}

#[test]
fn unreadable_reasons_are_explained() {
    let why = Unreadable::NotJson {
        line: 3,
        column: 7,
        message: "EOF".into(),
    };
    assert_eq!(
        Lang::Zh.unreadable(&why),
        "数据不是有效的 JSON（第 3 行第 7 列出错）"
    );
    assert!(Lang::En
        .unreadable(&Unreadable::FutureVersion(4))
        .contains("format version 4"));
}

#[test]
fn stage_names_follow_the_language() {
    let zh: HashSet<_> = Stage::ALL.iter().map(|s| Lang::Zh.stage_name(*s)).collect();
    assert!(zh.contains("需求调研·高层突破"));
    assert_eq!(Lang::En.stage_name(Stage::P4), "Top-level relations");
}

#[test]
fn deal_counts_agree_in_number() {
    assert_eq!(Lang::Zh.deal_count(3), "3 个项目");
    assert_eq!(Lang::En.deal_count(1), "1 deal");
    assert_eq!(Lang::En.deal_count(0), "0 deals");
}

#[test]
fn compact_amounts_use_wan_and_yi_in_chinese() {
    use keyplan::domain::{Currency, Money};
    let cny = Currency::cny();
    let zh = |major: i64| Lang::Zh.money_compact(Money::from_major(major), &cny);
    let en = |major: i64| Lang::En.money_compact(Money::from_major(major), &cny);
    assert_eq!(zh(266_000), "¥26.6万");
    assert_eq!(zh(1_300_000), "¥130万");
    assert_eq!(zh(125_000_000), "¥1.25亿");
    assert_eq!(zh(12_345_678), "¥1234.57万");
    assert_eq!(zh(9_999), "¥9,999.00");
    assert_eq!(en(266_000), "¥266K");
    assert_eq!(en(1_300_000), "¥1.3M");
    assert_eq!(en(2_235_000), "¥2.24M");
    assert_eq!(en(1_500_000_000), "¥1.5B");
    assert_eq!(en(9_999), "¥9,999.00");
    assert_eq!(en(0), "¥0.00");
}
