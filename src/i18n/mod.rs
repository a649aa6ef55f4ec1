//! Languages: every label of the planner in 中文 and English, and language-aware formatting of
//! dates and errors. Pure: the UI picks a [`Texts`] and never spells a label itself.
mod en;
mod zh;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::domain::forecast::{Bucket, Category, Dimension, Granularity, Period};
use crate::domain::method::edit::MethodError;
use crate::domain::method::Text;
use crate::domain::money::{div_round_half_away, AmountError, Currency, Money};
use crate::domain::storage::Unreadable;
use crate::domain::validate::{Field, Problem};
use crate::domain::{DealStatus, Stage};

/// A language of the interface.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    #[serde(rename = "zh")]
    Zh,
    #[serde(rename = "en")]
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Zh, Lang::En];

    /// The BCP 47 tag for `<html lang>`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    /// The language's own name, for the switch.
    pub fn own_name(self) -> &'static str {
        match self {
            Lang::Zh => "中文",
            Lang::En => "English",
        }
    }

    /// Chinese unless the browser asks for something else first (`navigator.language`).
    pub fn from_browser(tag: &str) -> Lang {
        let tag = tag.to_ascii_lowercase();
        if tag.is_empty() || tag.starts_with("zh") {
            Lang::Zh
        } else {
            Lang::En
        }
    }

    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::Zh => &zh::TEXTS,
            Lang::En => &en::TEXTS,
        }
    }

    /// A stage's name in this language.
    pub fn stage_name(self, stage: Stage) -> &'static str {
        match self {
            Lang::Zh => stage.name_zh(),
            Lang::En => stage.name_en(),
        }
    }

    /// The date as people write it: `2026年12月31日` or `31 Dec 2026`.
    pub fn date(self, date: NaiveDate) -> String {
        match self {
            Lang::Zh => format!("{}年{}月{}日", date.year(), date.month(), date.day()),
            Lang::En => date.format("%-d %b %Y").to_string(),
        }
    }

    /// The text of this language.
    pub fn pick(self, text: &Text) -> &str {
        match self {
            Lang::Zh => &text.zh,
            Lang::En => &text.en,
        }
    }

    /// `：` or `: `.
    pub fn colon(self) -> &'static str {
        match self {
            Lang::Zh => "：",
            Lang::En => ": ",
        }
    }

    /// `停滞 23 天` / `Stale: 23 days without update`.
    pub fn stale_note(self, days: i64) -> String {
        match self {
            Lang::Zh => format!("停滞 {days} 天未更新"),
            Lang::En => format!("Stale: {days} days without update"),
        }
    }

    /// The title of a refused forward move.
    pub fn blocked_title(self, to: Stage) -> String {
        match self {
            Lang::Zh => format!("还不能推进到 {} {}", to.code(), to.name_zh()),
            Lang::En => format!("Not ready for {} {}", to.code(), to.name_en()),
        }
    }

    /// The text alternative of the three-cycle diagram for a deal.
    pub fn cycles_alt(self, claimed: Stage, verified: Stage) -> String {
        let row = crate::domain::method::content().row(claimed);
        match self {
            Lang::Zh => format!(
                "项目申报在 {} {}，验收证据支持到 {}。这一行：客户处于“{}”，销售处于“{}”。",
                claimed.code(), claimed.name_zh(), verified.code(), row.customer.name.zh, row.sales.name.zh
            ),
            Lang::En => format!(
                "The deal is claimed at {} {}; the evidence supports {}. On this row the customer is at “{}” and the salesperson at “{}”.",
                claimed.code(), claimed.name_en(), verified.code(), row.customer.name.en, row.sales.name.en
            ),
        }
    }

    /// Why a method edit was refused.
    pub fn method_error(self, error: &MethodError) -> String {
        let zh = self == Lang::Zh;
        match error {
            MethodError::Probability(p) if zh => {
                format!("赢率应为 0 到 100 之间的整数，不能是 {}", shown(*p))
            }
            MethodError::Probability(p) => format!(
                "A probability is a whole percent from 0 to 100, not {}",
                shown(*p)
            ),
            MethodError::StaleDays(d) if zh => {
                format!("停滞天数应为 1 到 365，不能是 {}", shown(*d))
            }
            MethodError::StaleDays(d) => {
                format!("A stale limit is 1 to 365 days, not {}", shown(*d))
            }
            MethodError::EmptyText if zh => "验收节点不能为空".to_string(),
            MethodError::EmptyText => "A criterion needs a text".to_string(),
            MethodError::TextTooLong if zh => "验收节点最多 300 个字".to_string(),
            MethodError::TextTooLong => "A criterion is at most 300 characters".to_string(),
            MethodError::NoSuchItem(id) if zh => format!("没有编号为 {} 的验收节点", id.as_str()),
            MethodError::NoSuchItem(id) => format!("There is no criterion {}", id.as_str()),
        }
    }

    /// A forecast period's name: `2026年11月`, `2026年第4季度`, `2026年`; `Nov 2026`, `Q4 2026`, `2026`.
    pub fn period(self, period: Period) -> String {
        let year = period.start.year();
        match (self, period.granularity) {
            (Lang::Zh, Granularity::Month) => format!("{year}年{}月", period.start.month()),
            (Lang::Zh, Granularity::Quarter) => format!("{year}年第{}季度", period.quarter()),
            (Lang::Zh, Granularity::Year) => format!("{year}年"),
            (Lang::En, Granularity::Month) => period.start.format("%b %Y").to_string(),
            (Lang::En, Granularity::Quarter) => format!("Q{} {year}", period.quarter()),
            (Lang::En, Granularity::Year) => year.to_string(),
        }
    }

    /// A forecast bucket's name.
    pub fn bucket(self, bucket: Bucket) -> String {
        let t = self.texts();
        match bucket {
            Bucket::Earlier => t.bucket_earlier.to_string(),
            Bucket::Overdue => t.bucket_overdue.to_string(),
            Bucket::Period(p) => self.period(p),
            Bucket::Later => t.bucket_later.to_string(),
            Bucket::NoDate => t.bucket_no_date.to_string(),
        }
    }

    pub fn category(self, category: Category) -> &'static str {
        let t = self.texts();
        match category {
            Category::Pipeline => t.cat_pipeline,
            Category::BestCase => t.cat_best_case,
            Category::Commit => t.cat_commit,
            Category::Closed => t.cat_closed,
        }
    }

    pub fn dimension(self, dimension: Dimension) -> &'static str {
        let t = self.texts();
        match dimension {
            Dimension::Owner => t.field_owner,
            Dimension::Product => t.field_product,
            Dimension::Region => t.field_region,
            Dimension::Segment => t.field_segment,
        }
    }

    /// `12 个月` / `12 months`.
    pub fn months(self, n: u32) -> String {
        match self {
            Lang::Zh => format!("{n} 个月"),
            Lang::En => format!("{n} months"),
        }
    }

    /// A ratio in tenths of a percent as `53.6%`.
    pub fn percent_permille(self, permille: i128) -> String {
        let sign = if permille < 0 { "-" } else { "" };
        let p = permille.abs();
        format!("{sign}{}.{}%", p / 10, p % 10)
    }

    /// A coverage ratio in thousandths as `1.54×`.
    pub fn times_permille(self, permille: i128) -> String {
        let hundredths = div_round_half_away(permille, 10);
        format!("{}.{:02}×", hundredths / 100, hundredths % 100)
    }

    /// `浏览器存储已用 24%（126 万 / 524 万字符）` / `Browser storage 24% used (1.26 M of 5.24 M characters)`;
    /// over the warning share it says so.
    pub fn storage_usage(self, chars: usize) -> String {
        use crate::domain::storage::{usage_permille, QUOTA_CHARS, WARN_PERMILLE};
        let permille = usage_permille(chars);
        let pct = format!("{}.{}%", permille / 10, permille % 10);
        let high = permille >= WARN_PERMILLE;
        match self {
            Lang::Zh => format!(
                "浏览器存储已用 {pct}（{:.1} 万 / {:.1} 万字符）{}",
                chars as f64 / 1e4,
                QUOTA_CHARS as f64 / 1e4,
                if high {
                    "，空间即将用完，请导出计划备份"
                } else {
                    ""
                }
            ),
            Lang::En => format!(
                "Browser storage {pct} used ({:.2} M of {:.2} M characters){}",
                chars as f64 / 1e6,
                QUOTA_CHARS as f64 / 1e6,
                if high {
                    " — nearly full: export the plan as a backup"
                } else {
                    ""
                }
            ),
        }
    }

    /// A file in another currency than the plan's.
    pub fn currency_mismatch(self, mine: &str, theirs: &str) -> String {
        match self {
            Lang::Zh => format!("导入的文件使用 {theirs}，本计划使用 {mine}：合并时不会加入该文件的项目（金额无法直接相加），可以选择整体替换。"),
            Lang::En => format!("An imported file is in {theirs} and this plan in {mine}: merging leaves that file's deals out (the amounts can't be added up); replacing is possible."),
        }
    }

    /// `……另有 9800 项` / `… and 9,800 more`.
    pub fn and_more(self, n: usize) -> String {
        match self {
            Lang::Zh => format!("……另有 {n} 项"),
            Lang::En => format!("… and {n} more"),
        }
    }

    /// `3 个项目`, `1 deal`, `3 deals`.
    pub fn deal_count(self, n: usize) -> String {
        match self {
            Lang::Zh => format!("{n} 个项目"),
            Lang::En if n == 1 => "1 deal".to_string(),
            Lang::En => format!("{n} deals"),
        }
    }

    /// A short amount for tight places, exact one in the tooltip: `¥26.6万`, `¥1.25亿`; `¥266K`, `¥1.3M`.
    /// Amounts below 10,000 are shown in full.
    pub fn money_compact(self, amount: Money, currency: &Currency) -> String {
        let units: &[(i128, &str)] = match self {
            Lang::Zh => &[(100_000_000, "亿"), (10_000, "万")],
            Lang::En => &[(1_000_000_000, "B"), (1_000_000, "M"), (1_000, "K")],
        };
        let major = amount.minor().abs() / 100;
        let Some((unit, suffix)) = units.iter().find(|(unit, _)| major >= (*unit).max(10_000))
        else {
            return amount.format(currency);
        };
        let hundredths = div_round_half_away(amount.minor() * 100, unit * 100);
        let sign = if hundredths < 0 { "-" } else { "" };
        let (whole, frac) = (hundredths.abs() / 100, hundredths.abs() % 100);
        let number = match frac {
            0 => whole.to_string(),
            f if f % 10 == 0 => format!("{whole}.{}", f / 10),
            f => format!("{whole}.{f:02}"),
        };
        format!("{sign}{}{number}{suffix}", currency.symbol())
    }

    pub fn status(self, status: DealStatus) -> &'static str {
        let t = self.texts();
        match status {
            DealStatus::Open => t.status_open,
            DealStatus::Won => t.status_won,
            DealStatus::Lost => t.status_lost,
        }
    }

    pub fn field_label(self, field: Field) -> &'static str {
        let t = self.texts();
        match field {
            Field::Name => t.field_name,
            Field::Customer => t.field_customer,
            Field::Amount => t.field_amount,
            Field::Stage => t.field_stage,
            Field::ExpectedClose => t.field_close,
            Field::Owner => t.field_owner,
            Field::Product => t.field_product,
            Field::Region => t.field_region,
            Field::Segment => t.field_segment,
            Field::NextStep => t.field_next_step,
            Field::Notes => t.field_notes,
            Field::Probability => t.field_probability,
            Field::Category => t.field_category,
        }
    }

    /// A field error as a sentence for the person who typed it.
    pub fn problem(self, problem: &Problem) -> String {
        let zh = self == Lang::Zh;
        match problem {
            Problem::Required => self.texts().err_required.to_string(),
            Problem::TooLong(max) if zh => format!("不能超过 {max} 个字"),
            Problem::TooLong(max) => format!("At most {max} characters"),
            Problem::Amount(AmountError::Empty) => self.texts().err_required.to_string(),
            Problem::Amount(AmountError::NotANumber(text)) if zh => {
                format!("“{text}”不是有效的金额，请输入数字，例如 880000 或 88万")
            }
            Problem::Amount(AmountError::NotANumber(text)) => {
                format!("“{text}” is not an amount: type a number such as 880000 or 88万")
            }
            Problem::Amount(AmountError::Negative) => self.texts().err_negative.to_string(),
            Problem::Amount(AmountError::TooManyDecimals) => self.texts().err_decimals.to_string(),
            Problem::Amount(AmountError::TooLarge) => self.texts().err_too_large.to_string(),
            Problem::Stage(unknown) if zh => format!("未知阶段“{}”，应为 P0 至 P7", unknown.0),
            Problem::Stage(unknown) => format!("Unknown stage “{}”: use P0 to P7", unknown.0),
            Problem::Date(text) if zh => {
                format!("“{text}”不是有效日期，格式为 年-月-日，例如 2026-12-31")
            }
            Problem::Date(text) => {
                format!("“{text}” is not a date: use YYYY-MM-DD, e.g. 2026-12-31")
            }
            Problem::Percent(text) if zh => format!("“{text}”不是 0 到 100 之间的整数百分比"),
            Problem::Percent(text) => format!("“{text}” is not a whole percent from 0 to 100"),
            Problem::Category(text) if zh => format!("未知的预测类别“{text}”"),
            Problem::Category(text) => format!("Unknown forecast category “{text}”"),
        }
    }

    /// Why the stored plan could not be read, in plain words.
    pub fn unreadable(self, why: &Unreadable) -> String {
        let zh = self == Lang::Zh;
        match why {
            Unreadable::NotJson { line, column, .. } if zh => {
                format!("数据不是有效的 JSON（第 {line} 行第 {column} 列出错）")
            }
            Unreadable::NotJson {
                line,
                column,
                message,
            } => {
                format!("the data is not valid JSON (line {line}, column {column}: {message})")
            }
            Unreadable::NotAPlan(detail) if zh => format!("数据不是 keyplan 计划（{detail}）"),
            Unreadable::NotAPlan(detail) => format!("the data is not a keyplan plan ({detail})"),
            Unreadable::FutureVersion(v) if zh => {
                format!("数据由更新版本的 keyplan 保存（格式版本 {v}），当前版本无法读取")
            }
            Unreadable::FutureVersion(v) => {
                format!("the data was saved by a newer keyplan (format version {v}) that this copy can't read")
            }
            Unreadable::Invalid { path, message } if zh => format!("字段 {path} 有误：{message}"),
            Unreadable::Invalid { path, message } => format!("field {path} is wrong: {message}"),
        }
    }
}

/// Declares [`Texts`] and its completeness helper from one list of field names.
macro_rules! texts {
    ($($field:ident),* $(,)?) => {
        /// Every fixed label of the interface in one language. Both languages must fill every field.
        #[derive(Debug, PartialEq, Eq)]
        pub struct Texts {
            $(pub $field: &'static str,)*
        }

        impl Texts {
            /// Every label, for completeness checks.
            pub fn all(&self) -> Vec<&'static str> {
                vec![$(self.$field),*]
            }
        }
    };
}

texts! {
    import,
    import_title,
    import_field,
    import_mine,
    import_theirs,
    import_by_rule,
    import_keep_mine,
    import_take_theirs,
    import_new,
    import_changed,
    import_conflicts,
    import_unchanged,
    import_rejected,
    import_conflict_note,
    import_rule,
    import_newest,
    import_replace,
    import_merge,
    import_backup_failed,
    drop_here,
    imported_notice,
    restore_before_import,
    export_title,
    export_whole,
    export_owner,
    export_csv_deals,
    export_deal,
    export_button,
    stale_plan,
    load_latest,
    keep_mine,
    field_probability,
    field_category,
    override_hint,
    by_stage,
    cat_pipeline,
    cat_best_case,
    cat_commit,
    cat_closed,
    view_forecast,
    forecast_title,
    granularity,
    by_month,
    by_quarter,
    by_year,
    window_start,
    window_len,
    basis,
    basis_claimed,
    basis_verified,
    cat_view,
    single,
    cumulative,
    filter_all,
    group_by,
    group_none,
    col_period,
    col_won,
    col_weighted_open,
    col_total,
    col_quota,
    bucket_earlier,
    bucket_overdue,
    bucket_later,
    bucket_no_date,
    total_row,
    no_value,
    export_csv,
    print_report,
    quotas_title,
    team,
    col_attainment,
    col_gap,
    col_coverage,
    quota_period,
    quota_period_hint,
    set_quota,
    remove,
    quota_help,
    quota_bad_period,
    no_quotas,
    risk_title,
    risk_intro,
    categories_note,
    charts_title,
    report_for,
    app_tagline,
    language,
    view,
    view_board,
    view_list,
    new_deal,
    export_plan,
    open_pipeline,
    weighted_pipeline,
    won_this_month,
    column_total,
    column_weighted,
    column_empty,
    probability,
    closed_won,
    closed_lost,
    move_prev,
    move_next,
    open_deal,
    no_close_date,
    expected_close,
    editor_new,
    editor_edit,
    field_name,
    field_customer,
    field_amount,
    field_stage,
    field_close,
    field_owner,
    field_product,
    field_region,
    field_segment,
    field_next_step,
    field_notes,
    field_status,
    amount_hint,
    fix_errors,
    save,
    cancel,
    delete,
    mark_won,
    mark_lost,
    reopen,
    status_open,
    status_won,
    status_lost,
    err_required,
    err_negative,
    err_decimals,
    err_too_large,
    deleted,
    undo,
    dismiss,
    empty_title,
    empty_body,
    load_sample,
    corrupt_title,
    corrupt_kept,
    corrupt_backup_failed,
    corrupt_paused,
    download_raw,
    start_fresh,
    storage_unavailable,
    storage_full,
    storage_failed,
    download_plan,
    list_caption,
    col_weighted,
    privacy,
    board_label,
    close,
    tab_details,
    tab_gates,
    tab_coaching,
    tab_history,
    view_method,
    claimed_stage,
    verified_stage,
    verified_hint,
    ahead_of_evidence,
    override_flag,
    gate_met,
    gates_intro,
    current,
    evidence,
    evidence_placeholder,
    checked_on,
    retired,
    ours,
    ours_hint,
    move_to,
    move_button,
    blocked_body,
    override_reason,
    confirm_override,
    back_to_work,
    history_empty,
    skipped_items,
    customer_cycle,
    sales_cycle,
    project_cycle,
    customer_doing,
    sales_should,
    steps,
    success,
    success_customer,
    success_supplier,
    success_milestone,
    mistakes,
    self_check,
    clear_self_check,
    practices,
    principles,
    cycles_title,
    cycles_key,
    method_title,
    method_intro,
    method_custom,
    method_default,
    reset_method,
    reset_confirm,
    stale_limit,
    days,
    add_item,
    add_item_placeholder,
    edit,
    retire,
    restore,
    move_up,
    move_down,
    text_zh,
    text_en,
    stage_hint,
}

/// A number as typed; unparseable input arrives as `u32::MAX` and reads as "that".
fn shown(n: u32) -> String {
    if n == u32::MAX {
        "—".to_string()
    } else {
        n.to_string()
    }
}
