//! One cell's text as a deal's value: amounts in 元 or 万元, dates as Excel writes them, stages
//! as codes, names or percentages, statuses as codes or names.
use crate::domain::deal::DealStatus;
use crate::domain::method::Method;
use crate::domain::money::{AmountError, Money};
use crate::domain::plan_file::ProblemKind;
use crate::domain::stage::Stage;
use crate::domain::validate::{parse_optional_date, parse_percent, Problem as FieldProblem};

use super::columns::{fold, Words};
use chrono::NaiveDate;
use keyplan_wire::trim;

/// The unit of a table's plain amounts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Unit {
    #[default]
    Yuan,
    /// 万元: a plain `12.5` is 125,000.
    TenThousand,
}

/// An amount: what the editor takes (`1,250,000.50`, `¥88万`), a plain number in `unit`.
pub fn amount(text: &str, unit: Unit) -> Result<Money, ProblemKind> {
    let t = trim(text);
    if unit == Unit::Yuan {
        // `1250000.50`, what keyplan's CSV writes, without the general parser
        if let Some(money) = Money::parse_plain(t) {
            return Ok(money);
        }
    }
    let plain = !t.ends_with(['万', '亿', '元']);
    let typed = if unit == Unit::TenThousand && plain {
        format!("{t}万")
    } else {
        t.to_string()
    };
    Money::parse_input(&typed).map_err(|e| {
        ProblemKind::Amount(match e {
            AmountError::NotANumber(_) => AmountError::NotANumber(t.to_string()),
            other => other,
        })
    })
}

/// A day: `2027-03-01`, `2027/3/1`, `2027年3月1日`; empty is none.
pub fn day(text: &str) -> Result<Option<NaiveDate>, ProblemKind> {
    // `2027-03-01`, what keyplan and most spreadsheets write, without the general parser
    if let [y1, y2, y3, y4, b'-', m1, m2, b'-', d1, d2] = trim(text).as_bytes() {
        let number = |digits: &[u8]| {
            digits.iter().try_fold(0u32, |n, d| {
                d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0'))
            })
        };
        if let (Some(y), Some(m), Some(d)) = (
            number(&[*y1, *y2, *y3, *y4]),
            number(&[*m1, *m2]),
            number(&[*d1, *d2]),
        ) {
            if let Some(day) = NaiveDate::from_ymd_opt(y as i32, m, d) {
                return Ok(Some(day));
            }
        }
    }
    parse_optional_date(text).map_err(ProblemKind::NotADate)
}

/// A stage: `P3`, its name in either language, or its win percentage in the plan's method;
/// `words` as [`Words::folded`] leaves them.
pub fn stage(text: &str, words: &Words, method: &Method) -> Result<Stage, ProblemKind> {
    let t = trim(text);
    if let Some(stage) = Stage::parse(t) {
        return Ok(stage);
    }
    // `P3 设计交流·中层把握` as the preview shows stages
    if let Some(stage) = t.get(..2).and_then(Stage::parse) {
        if t[2..].starts_with(' ') {
            return Ok(stage);
        }
    }
    let folded = fold(t);
    if let Some((_, stage)) = words.stages.iter().find(|(name, _)| *name == folded) {
        return Ok(*stage);
    }
    if t.ends_with(['%', '％']) {
        if let Ok(Some(p)) = parse_percent(t) {
            if let Some(stage) = Stage::ALL.into_iter().find(|s| method.probability(*s) == p) {
                return Ok(stage);
            }
        }
    }
    Err(ProblemKind::UnknownStage(t.to_string()))
}

/// Statuses spreadsheets use, in Chinese and English (compared as [`fold`] leaves them).
const STATUSES: &[(&str, DealStatus)] = &[
    ("赢单", DealStatus::Won),
    ("已成交", DealStatus::Won),
    ("成交", DealStatus::Won),
    ("closedwon", DealStatus::Won),
    ("丢单", DealStatus::Lost),
    ("输单", DealStatus::Lost),
    ("closedlost", DealStatus::Lost),
    ("进行中", DealStatus::Open),
    ("跟进中", DealStatus::Open),
    ("inprogress", DealStatus::Open),
];

/// A status: `open`/`won`/`lost`, its name in either language, or a common synonym (赢单,
/// 丢单, Closed Won…); empty is open. `words` as [`Words::folded`] leaves them.
pub fn status(text: &str, words: &Words) -> Result<DealStatus, ProblemKind> {
    let folded = fold(text);
    if folded.is_empty() {
        return Ok(DealStatus::Open);
    }
    DealStatus::parse(&folded)
        .or_else(|| {
            words
                .statuses
                .iter()
                .find(|(name, _)| *name == folded)
                .map(|(_, s)| *s)
        })
        .or_else(|| {
            STATUSES
                .iter()
                .find(|(name, _)| *name == folded)
                .map(|(_, s)| *s)
        })
        .ok_or_else(|| ProblemKind::UnknownStatus(text.trim().to_string()))
}

/// A whole percent 0–100; empty is none.
pub fn percent(text: &str) -> Result<Option<u8>, ProblemKind> {
    parse_percent(text).map_err(|t| ProblemKind::Field(FieldProblem::Percent(t)))
}

/// Strategies as keyplan writes them, one a line: `P1 1. …`. A line without a stage code
/// belongs to the stage of the line before (P0 at first).
pub fn strategies(text: &str) -> Vec<(Stage, String)> {
    let mut stage = Stage::P0;
    let mut out = Vec::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let mut rest = line;
        if let Some(s) = line.get(..2).and_then(Stage::parse) {
            if line[2..].starts_with(' ') {
                stage = s;
                rest = line[2..].trim_start();
            }
        }
        let numbered = rest
            .split_once(". ")
            .filter(|(n, _)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
        let strategy = numbered.map(|(_, s)| s).unwrap_or(rest);
        out.push((stage, strategy.to_string()));
    }
    out
}

/// A cell's text without the `'` keyplan's CSV puts before what a spreadsheet would run as a
/// formula (`'=SUM(A1)` is `=SUM(A1)`).
pub fn text(cell: &str) -> &str {
    // bytes, not a char pattern: this runs for every cell of a table
    match cell.as_bytes() {
        [b'\'', b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r', ..] => &cell[1..],
        _ => cell,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_quick_day_reads_as_the_general_one() {
        for text in [
            "2027-03-01",
            " 2027-12-31 ",
            "2027-02-29",
            "2028-02-29",
            "2027-13-01",
            "0000-01-01",
            "9999-12-31",
            "2027-1-01",
            "2027-01-1",
            "+027-01-01",
            "２０２７-01-01",
            "2027/03/01",
            "2027年3月1日",
            "",
            "  ",
            "x",
        ] {
            assert_eq!(
                day(text),
                parse_optional_date(text).map_err(ProblemKind::NotADate),
                "{text:?}"
            );
        }
    }

    #[test]
    fn the_quick_amount_reads_as_the_general_one() {
        for text in [
            "0",
            "1",
            "1250000.50",
            "1250000.5",
            "1250000.",
            "007",
            "999999999999999",
            "9999999999999999",
            "1.234",
            ".5",
            "1,250",
            "12.5万",
            "-1",
            "1e3",
            "",
            "١٢",
        ] {
            if let Some(money) = Money::parse_plain(text) {
                assert_eq!(Ok(money), Money::parse_input(text), "{text:?}");
            }
        }
        assert_eq!(
            Money::parse_plain("1250000.5"),
            Some(Money::from_minor(125_000_050))
        );
        assert_eq!(Money::parse_plain("1.234"), None);
    }

    #[test]
    fn a_quote_before_a_formula_is_dropped() {
        assert_eq!(text("'=SUM(A1)"), "=SUM(A1)");
        assert_eq!(text("'-1"), "-1");
        assert_eq!(text("'abc"), "'abc");
        assert_eq!(text("'"), "'");
        assert_eq!(text("=1"), "=1");
    }
}
