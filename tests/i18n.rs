//! Both languages are complete, and dates and errors read naturally in each.
mod common;

use std::collections::HashSet;

use common::date;
use keyplan::domain::deal::Field;
use keyplan::domain::import::FieldValue;
use keyplan::domain::money::AmountError;
use keyplan::domain::plan_file::{Kind, NotAPlan, Problem as ReadProblem, ProblemKind, Unreadable};
use keyplan::domain::validate::Problem;
use keyplan::domain::{Currency, DealStatus, Money, Stage};
use keyplan::i18n::{Lang, Shown};
use keyplan::session::StorageError;

fn has_cjk(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

#[test]
fn every_label_is_filled_in_both_languages_and_they_differ() {
    let zh = Lang::Zh.texts().all();
    let en = Lang::En.texts().all();
    assert_eq!(zh.len(), en.len());
    for (z, e) in zh.iter().zip(&en) {
        assert!(!z.trim().is_empty() && !e.trim().is_empty());
        assert_ne!(z, e, "an untranslated label: {z}");
    }
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
    let stage = Problem::Stage("P9".into());
    assert!(Lang::Zh.problem(&stage).contains("P9"));
    assert_eq!(Lang::Zh.status(DealStatus::Won), "已赢单");
}

#[test]
fn unreadable_reasons_are_explained() {
    let why = Unreadable::NotJson {
        line: 3,
        column: 7,
        ended_early: false,
    };
    assert_eq!(
        Lang::Zh.unreadable(&why),
        "数据不是有效的 JSON（第 3 行第 7 列出错）"
    );
    let cut = Unreadable::NotJson {
        line: 1,
        column: 9,
        ended_early: true,
    };
    assert_eq!(
        Lang::En.unreadable(&cut),
        "the data is not valid JSON (line 1, column 9: it ends too early)"
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
fn show_more_says_how_many_come_and_how_many_are_hidden() {
    assert_eq!(
        Lang::En.show_more(20, 9_800),
        "Show 20 more (9,800 not shown)"
    );
    assert_eq!(Lang::En.show_more(5, 5), "Show 5 more (5 not shown)");
    assert_eq!(
        Lang::Zh.show_more(20, 9_800),
        "再显示 20 个（还有 9800 个未显示）"
    );
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

/// Every kind of problem a file can have, with sample values.
fn every_problem() -> Vec<ProblemKind> {
    vec![
        ProblemKind::Required,
        ProblemKind::WrongType {
            expected: Kind::Boolean,
            found: Kind::Null,
        },
        ProblemKind::NotWhole("1.5".into()),
        ProblemKind::MoreThan {
            value: "120".into(),
            max: 100,
        },
        ProblemKind::NotAVersion("-1".into()),
        ProblemKind::VersionZero,
        ProblemKind::NotANumber("\"abc\"".into()),
        ProblemKind::Amount(AmountError::TooManyDecimals),
        ProblemKind::UnknownStage("\"P9\"".into()),
        ProblemKind::NotADate("\"x\"".into()),
        ProblemKind::NotAMoment("\"x\"".into()),
        ProblemKind::UnknownStatus("\"x\"".into()),
        ProblemKind::UnknownCategory("\"x\"".into()),
        ProblemKind::NotACurrency("\"x\"".into()),
        ProblemKind::NotAQuotaPeriod("\"x\"".into()),
        ProblemKind::StageCount(7),
        ProblemKind::StageOrder {
            expected: Stage::P0,
            found: Stage::P1,
        },
        ProblemKind::ItemIdUsedTwice("\"p1-a\"".into()),
        ProblemKind::DealIdUsedTwice("\"a\"".into()),
        ProblemKind::Field(Problem::TooLong(200)),
        ProblemKind::TooLarge(30_000_000),
        ProblemKind::LoneSurrogate,
    ]
}

#[test]
fn every_file_problem_is_a_sentence_in_each_language() {
    for kind in every_problem() {
        let (zh, en) = (Lang::Zh.read_problem(&kind), Lang::En.read_problem(&kind));
        assert!(has_cjk(&zh), "untranslated: {zh}");
        assert!(!has_cjk(&en), "Chinese in English: {en}");
        assert_ne!(zh, en);
    }
    let at = ReadProblem {
        path: "deals[3].amount".into(),
        kind: ProblemKind::NotANumber("\"abc\"".into()),
    };
    assert_eq!(
        Lang::Zh.problem_at(&at),
        "第 4 个项目 · 金额：应为数字，实际是 \"abc\""
    );
    for (path, words) in [
        (
            "deals[0].gates.p0-a.on",
            "第 1 个项目 · 验收节点 p0-a · 达成日期",
        ),
        ("method.stages[2].probability", "方法 · P2 · 赢率"),
        ("quotas[1].period", "第 2 条销售任务 · 期间"),
        (
            "deals[5].history[0].to",
            "第 6 个项目 · 第 1 条阶段记录 · 新阶段",
        ),
        ("deals[2].probability", "第 3 个项目 · 自定赢率"),
        ("file", "文件"),
        ("deals[1].crm_ref", "第 2 个项目 · crm_ref"),
    ] {
        assert_eq!(Lang::Zh.path(path), words, "{path}");
        assert_eq!(Lang::En.path(path), path);
    }
    assert_eq!(
        Lang::En.problem_at(&at),
        "deals[3].amount: expected a number, found \"abc\""
    );
    for why in [
        Unreadable::NotAPlan(NotAPlan::NoFormat),
        Unreadable::NotAPlan(NotAPlan::OtherFormat("\"x\"".into())),
        Unreadable::NotAPlan(NotAPlan::FormatNotText(Kind::Number)),
        Unreadable::NotAPlan(NotAPlan::TopLevel(Kind::Array)),
        Unreadable::FutureVersion(2),
        Unreadable::Invalid(at),
    ] {
        assert!(has_cjk(&Lang::Zh.unreadable(&why)));
        assert!(!has_cjk(&Lang::En.unreadable(&why)));
    }
}

#[test]
fn storage_failures_are_explained_in_plain_words() {
    assert_eq!(
        Lang::Zh.storage_error(&StorageError::Full),
        "浏览器存储空间已满，最近的修改没有保存。计划仍在本页中，请立即下载计划文件。"
    );
    assert_eq!(
        Lang::En.storage_error(&StorageError::Other("InvalidStateError".into())),
        "Saving failed (the browser said: InvalidStateError); your latest changes exist only in this page. Download the plan so nothing is lost."
    );
    assert!(Lang::Zh
        .storage_error(&StorageError::Unavailable)
        .starts_with("浏览器不允许本页保存数据"));
}

#[test]
fn every_deal_field_has_a_label_and_import_values_read_in_the_language() {
    for field in Field::ALL {
        assert!(has_cjk(Lang::Zh.field_label(field)), "{field:?}");
        assert!(!Lang::En.field_label(field).is_empty());
    }
    let cny = Currency::cny();
    let local = |at: chrono::DateTime<chrono::Utc>| {
        at.with_timezone(&chrono::FixedOffset::east_opt(8 * 3600).unwrap())
            .naive_local()
    };
    let name = |id: &str| (id == "p0-a").then(|| "信息准确".to_string());
    let shown = Shown {
        currency: &cny,
        local: &local,
        name: &name,
    };
    let show = |lang: Lang, value: FieldValue| lang.field_value(&value, &shown);
    assert_eq!(
        show(Lang::Zh, FieldValue::Stage(Stage::P2)),
        "P2 方案立项·客户公关"
    );
    assert_eq!(show(Lang::En, FieldValue::Status(DealStatus::Won)), "Won");
    assert_eq!(
        show(Lang::Zh, FieldValue::Amount(Money::from_major(5))),
        "¥5.00"
    );
    assert_eq!(
        show(
            Lang::Zh,
            FieldValue::Ticked {
                count: 7,
                first: vec!["p0-a".into(), "p1-a".into()]
            }
        ),
        "7 项：信息准确、p1-a……"
    );
    assert_eq!(
        show(
            Lang::Zh,
            FieldValue::Ticked {
                count: 0,
                first: vec![]
            }
        ),
        "无"
    );
    assert_eq!(
        show(
            Lang::En,
            FieldValue::Moves {
                count: 0,
                last: None
            }
        ),
        "none"
    );
    assert_eq!(
        show(Lang::Zh, FieldValue::Day(Some(date("2026-12-31")))),
        "2026年12月31日"
    );
}

#[test]
fn ratios_read_exactly() {
    assert_eq!(Lang::Zh.percent_permille(536), "53.6%");
    assert_eq!(Lang::En.times_permille(1_536), "1.54×");
    assert_eq!(Lang::En.times_permille(-500), "-0.50×");
    assert_eq!(
        Lang::Zh.storage_usage(241, 1_263_000, 5_242_880, false),
        "浏览器存储已用 24.1%（126.3 万 / 524.3 万字符）"
    );
    assert_eq!(
        Lang::En.storage_usage(820, 4_300_000, 5_242_880, true),
        "Browser storage 82.0% used (4.30 M of 5.24 M characters) — nearly full: export the plan as a backup"
    );
}

#[test]
fn one_term_per_concept_in_chinese() {
    let zh = Lang::Zh.texts();
    for label in zh.all() {
        assert!(
            !label.contains("覆盖") || label.contains("覆盖倍数"),
            "覆盖 means coverage only: {label}"
        );
        assert!(!label.contains("已成交"), "a won deal is 已赢单: {label}");
    }
    assert_eq!(zh.status_won, "已赢单");
    assert_eq!(zh.chart_won, zh.status_won);
    assert_ne!(
        zh.cat_closed, zh.status_won,
        "signed but not marked won is its own concept"
    );
    assert!(!zh.field_probability.contains("覆盖") && !zh.keep_mine.contains("覆盖"));
}

#[test]
fn moments_in_the_preview_are_local_days_and_times() {
    use chrono::TimeZone;
    let cny = Currency::cny();
    let local = |at: chrono::DateTime<chrono::Utc>| {
        at.with_timezone(&chrono::FixedOffset::east_opt(8 * 3600).unwrap())
            .naive_local()
    };
    let name = |_: &str| None;
    let shown = Shown {
        currency: &cny,
        local: &local,
        name: &name,
    };
    let late = chrono::Utc
        .with_ymd_and_hms(2026, 11, 27, 20, 15, 0)
        .unwrap();
    assert_eq!(
        Lang::Zh.field_value(&FieldValue::Moment(late), &shown),
        "2026年11月28日 04:15",
        "20:15 UTC is the next morning in Beijing"
    );
    let moves = FieldValue::Moves {
        count: 2,
        last: Some((Stage::P1, Stage::P2, late)),
    };
    assert_eq!(
        Lang::En.field_value(&moves, &shown),
        "2 changes, last P1 → P2 on 28 Nov 2026"
    );
}

/// Text from a person or a file sits inside a sentence between FSI and PDI, so a bidi control
/// in it (an RLO here) ends with it and the words after it read the right way round.
#[test]
fn text_from_a_person_is_isolated_inside_a_sentence() {
    let rlo = "\u{202E}abc";
    let isolated = format!("\u{2068}{rlo}\u{2069}");
    for lang in [Lang::Zh, Lang::En] {
        let p = Problem::Amount(AmountError::NotANumber(rlo.into()));
        let said = lang.problem(&p);
        assert!(said.contains(&isolated), "{said:?}");
        assert_eq!(said.matches('\u{202E}').count(), 1);
        let at = ReadProblem {
            path: format!("deals[0].{rlo}"),
            kind: ProblemKind::UnknownStage(rlo.into()),
        };
        let said = lang.problem_at(&at);
        assert_eq!(said.matches('\u{2068}').count(), 2, "{said:?}");
        assert_eq!(said.matches('\u{2069}').count(), 2, "{said:?}");
        // every override opened in the sentence is closed by an isolate's end before the next
        // words: nothing after the last PDI can be turned around
        let tail = said.rsplit('\u{2069}').next().unwrap();
        assert!(!tail.contains('\u{202E}'));
        // Hebrew reads right to left inside its isolate too
        let hebrew = lang.problem(&Problem::Stage("שלב".into()));
        assert!(hebrew.contains("\u{2068}שלב\u{2069}"), "{hebrew:?}");
    }
    // text that cannot turn anything around is left as it is: no invisible marks to copy
    assert_eq!(
        Lang::En.problem(&Problem::Stage("P9".into())),
        "Unknown stage “P9”: use P0 to P7"
    );
}

#[test]
fn the_last_export_reads_as_a_day() {
    assert_eq!(
        Lang::En.last_export(Some(date("2026-11-03"))),
        "Last exported 3 Nov 2026"
    );
    assert_eq!(
        Lang::Zh.last_export(Some(date("2026-11-03"))),
        "上次导出：2026年11月3日"
    );
    assert_eq!(Lang::En.last_export(None), "Never exported");
    assert_eq!(Lang::Zh.last_export(None), "从未导出");
}

#[test]
fn files_left_out_of_a_table_import_are_named_in_both_languages() {
    let one = ["计划.json".to_string()];
    let two = ["a.json".to_string(), "b.csv".to_string()];
    assert_eq!(
        Lang::Zh.files_left(&two),
        "表格一次只导入一个文件，以下文件未导入：a.json、b.csv。请另行导入。"
    );
    assert!(Lang::Zh.files_left(&one).contains("计划.json"));
    assert_eq!(
        Lang::En.files_left(&one),
        "A spreadsheet is imported on its own, one file at a time. Not imported: 计划.json. Import it separately."
    );
    assert!(Lang::En
        .files_left(&two)
        .ends_with("a.json, b.csv. Import them separately."));
}

/// The accuracy headline: both figures, or one sentence when nothing was won to measure against.
#[test]
fn the_accuracy_headline_says_when_nothing_can_be_measured() {
    assert_eq!(
        Lang::En.accuracy_headline(6, Some(12), Some(48)),
        "Over the last 6 months the verified forecast was off by 12 %, the claimed off by 48 %."
    );
    assert!(Lang::En
        .accuracy_headline(6, None, None)
        .starts_with("Nothing was won in the last 6 months"));
    assert!(Lang::Zh
        .accuracy_headline(6, None, None)
        .starts_with("最近 6 个有快照的月份都没有赢单"));
}
