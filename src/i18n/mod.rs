//! Languages: every word the planner shows, in 中文 and English. Pure: the UI asks a [`Lang`] and
//! never spells a label or a message itself.
//!
//! A translator edits one file per language: `zh.rs` or `en.rs` holds that language's labels
//! ([`Texts`]) and its [`Language`] implementation, which turns every structured message of the
//! core (field problems, unreadable files, import changes, storage failures) into sentences.
mod deals_csv;
mod en;
mod forecast_csv;
mod matrix_csv;
mod zh;

pub use deals_csv::deals_csv;
pub use forecast_csv::{columns, forecast_csv, forecast_file_stem, Column, ForecastExport};
pub use matrix_csv::{matrix_csv, matrix_file_stem, MatrixExport};

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};

use crate::domain::category::Category;
use crate::domain::coverage::{Flag, MapWhy, Serves};
use crate::domain::deal::{DealStatus, Field};
use crate::domain::filter::Dimension;
use crate::domain::forecast::Bucket;
use crate::domain::import::table::{parse_row_path, Target, Words, NO_COLUMN};
use crate::domain::import::FieldValue;
use crate::domain::method::edit::MethodError;
use crate::domain::method::Text;
use crate::domain::method::{content, MapRule, Method, ScorePart};
use crate::domain::money::{div_round_half_away, Currency, Money};
use crate::domain::month_close::Move;
use crate::domain::people::{
    Attitude, Influence, Level, LinkKind, PeopleError, PricePosition, Relationship, Role,
};
use crate::domain::period::Period;
use crate::domain::plan_file::{Problem as ReadProblem, ProblemKind, Rejected, Unreadable};
use crate::domain::report::RiskReason;
use crate::domain::score::{Raise, ScoreWhy};
use crate::domain::stage::Stage;
use crate::domain::target::SplitTo;
use crate::domain::validate::Problem;
pub use crate::session::Lang;
use crate::session::StorageError;

/// `lang.deal_count(3)`: a [`Lang`] answers every [`Language`] question in its own words.
impl std::ops::Deref for Lang {
    type Target = dyn Language;

    fn deref(&self) -> &(dyn Language + 'static) {
        match self {
            Lang::Zh => &zh::Zh,
            Lang::En => &en::En,
        }
    }
}

/// Everything a language says beyond its fixed labels. The provided methods only combine
/// labels; the required ones are written out in each language's file.
pub trait Language {
    /// The fixed labels.
    fn texts(&self) -> &'static Texts;
    /// The language's own name, for the switch.
    fn own_name(&self) -> &'static str;
    /// A stage's name, e.g. `需求调研·高层突破` / `Top-level relations`.
    fn stage_name(&self, stage: Stage) -> &'static str;
    /// A stage's longer title for tooltips.
    fn stage_title(&self, stage: Stage) -> &'static str;

    /// keyplan named the stage in this language (the deck's extract stops in P5): shown with the
    /// "ours" mark.
    fn stage_name_ours(&self, _stage: Stage) -> bool {
        false
    }
    /// The text of this language.
    fn pick<'t>(&self, text: &'t Text) -> &'t str;
    /// `：` or `: `.
    fn colon(&self) -> &'static str;
    /// A day as people write it: `2026年12月31日` / `31 Dec 2026`.
    fn date(&self, date: NaiveDate) -> String;
    /// A forecast period: `2026年11月`, `2026年第4季度`, `2026年`; `Nov 2026`, `Q4 2026`, `2026`.
    fn period(&self, period: Period) -> String;
    /// A bar label: `11月` / `Nov`, with the year in January; quarters and years as [`Language::period`].
    fn short_period(&self, period: Period) -> String;
    /// `3 个项目`, `1 deal`, `3 deals`.
    fn deal_count(&self, n: usize) -> String;
    /// `12 个月` / `12 months`.
    fn months(&self, n: u32) -> String;
    /// Files picked or dropped with a spreadsheet and not imported with it: `表格一次导入一个文件，
    /// 以下文件未导入：a.json、b.csv。请另行导入。` / `…`.
    fn files_left(&self, names: &[String]) -> String;
    /// A button under the first cards or rows: `再显示 20 个（还有 9800 个未显示）` /
    /// `Show 20 more (9,800 not shown)`.
    fn show_more(&self, n: usize, hidden: usize) -> String;
    /// Units of compact amounts, largest first: `(10⁸, "亿")`, … / `(10⁹, "B")`, …
    fn compact_units(&self) -> &'static [(i128, &'static str)];
    /// `停滞 23 天未更新` / `Stale: 23 days without update`.
    fn stale_note(&self, days: i64) -> String;
    /// `2026年11月 月报` / `Monthly report · Nov 2026`.
    fn report_title(&self, period: Period) -> String;
    /// Why an open deal is listed among a report's risks.
    fn risk_reason(&self, reason: &RiskReason) -> String;
    /// The title of a refused forward move.
    fn blocked_title(&self, to: Stage) -> String;
    /// The text alternative of the three-cycle diagram for a deal.
    fn cycles_alt(&self, claimed: Stage, verified: Stage) -> String;
    /// Why a method edit was refused.
    fn method_error(&self, error: &MethodError) -> String;
    /// A field error as a sentence for the person who typed it.
    fn problem(&self, problem: &Problem) -> String;
    /// What is wrong at a path of a file (without the path).
    fn read_problem(&self, kind: &ProblemKind) -> String;
    /// Why a text is not a readable plan, in plain words.
    fn unreadable(&self, why: &Unreadable) -> String;
    /// Why the browser did not save.
    fn storage_error(&self, error: &StorageError) -> String;
    /// When the whole plan was last exported (a local day): `上次导出：2026年11月3日` / `Last exported 3 Nov 2026`; never: `从未导出` / `Never exported`.
    fn last_export(&self, on: Option<NaiveDate>) -> String;
    /// A share of the browser's storage, with a warning when nearly full.
    fn storage_usage(&self, permille: usize, chars: usize, quota: usize, high: bool) -> String;
    /// What replacing the plan would do: `removed` deals go, `brought` come in.
    fn replace_warning(&self, removed: usize, brought: usize) -> String;
    /// A backup's size: `2.4 万字符` / `24,000 characters`.
    fn backup_size(&self, chars: usize) -> String;

    /// What reloading the training case (`sample`) or clearing the plan replaces, and that the
    /// plan is kept as a backup first.
    fn reset_warning(&self, removed: usize, sample: bool) -> String;
    /// A file in another currency than the plan's.
    fn currency_mismatch(&self, mine: &str, theirs: &str) -> String;
    /// Deals without `created`/`updated` that took the time of the import.
    fn stamped_note(&self, n: usize) -> String;
    /// A summary of ticked items by name: `3 项：信息准确、竞争对手已知` / `3 ticked: …`; none: `无` / `none`.
    fn ticked(&self, count: usize, first: &[String]) -> String;
    /// A summary of a history: `2 次变动，最近一次 P1 → P2（2026年11月3日）`.
    fn moves(&self, count: usize, last: Option<(Stage, Stage, NaiveDate)>) -> String;
    /// What the funnel chart shows, for screen readers.
    fn funnel_desc(&self, stages: usize, deals: usize, amount: &str, weighted: &str) -> String;
    /// What the forecast bars show, for screen readers.
    fn bars_desc(&self, periods: usize, won: &str, weighted: &str, quota: Option<&str>) -> String;
    /// The accuracy headline: `over the last 6 months the verified forecast was off by 12 %, the
    /// claimed by 31 %`; a basis without a figure (nothing won) says so.
    fn accuracy_headline(
        &self,
        months: u32,
        verified: Option<i128>,
        claimed: Option<i128>,
    ) -> String;
    /// What the claimed-against-verified bars show, for screen readers.
    fn risk_desc(&self, owners: usize, claimed: &str, verified: &str, gap: &str) -> String;
    /// What the 渔网图 shows, for screen readers: how many people and lines of each kind.
    fn map_desc(&self, people: usize, reports: usize, influences: usize) -> String;
    /// Projector mode (P): the deck's discussion questions, in the deck's words
    /// (`crate::session::projector::QUESTIONS` of them).
    fn workshop_questions(&self) -> [&'static str; crate::session::projector::QUESTIONS];
    /// Projector mode (P): the deck's comparison of consumer (BTC) and industrial (BTB) sales:
    /// its title, then rows of (aspect, BTC, BTB), the first row the column heads.
    fn btc_btb(&self) -> (&'static str, [[&'static str; 3]; 6]);
    /// A coverage flag as a sentence, naming the person when there is one.
    fn flag(&self, flag: &Flag) -> String;
    /// Why the map says what it says about a gate item (also the evidence text of a tick made
    /// with the map as evidence).
    fn map_why(&self, why: &MapWhy) -> String;
    /// Why a score part has its points.
    fn score_why(&self, why: &ScoreWhy) -> String;
    /// Why a change to a deal's people was refused.
    fn people_error(&self, error: &PeopleError) -> String;

    fn level(&self, level: Level) -> &'static str {
        let t = self.texts();
        [t.level_top, t.level_middle, t.level_operational][level as usize]
    }

    fn role(&self, role: Role) -> &'static str {
        let t = self.texts();
        [
            t.role_decision_maker,
            t.role_technical,
            t.role_user,
            t.role_buyer,
            t.role_influencer,
            t.role_coach,
        ][role as usize]
    }

    fn influence(&self, influence: Influence) -> &'static str {
        let t = self.texts();
        [t.influence_high, t.influence_medium, t.influence_low][influence as usize]
    }

    fn attitude(&self, attitude: Attitude) -> &'static str {
        let t = self.texts();
        [
            t.attitude_opposed,
            t.attitude_doubtful,
            t.attitude_neutral,
            t.attitude_supportive,
            t.attitude_champion,
        ][attitude as usize]
    }

    fn relationship(&self, relationship: Relationship) -> &'static str {
        let t = self.texts();
        [
            t.rel_stranger,
            t.rel_acquainted,
            t.rel_familiar,
            t.rel_trusted,
            t.rel_ally,
        ][relationship as usize]
    }

    fn link_kind(&self, kind: LinkKind) -> &'static str {
        let t = self.texts();
        [t.link_reports_to, t.link_influences][kind as usize]
    }

    fn price(&self, price: PricePosition) -> &'static str {
        let t = self.texts();
        [t.price_lower, t.price_similar, t.price_higher][price as usize]
    }

    fn map_rule(&self, rule: MapRule) -> &'static str {
        let t = self.texts();
        [
            t.map_decision_chain,
            t.map_middle_relations,
            t.map_top_relation,
            t.map_complete,
            t.map_chain_detail,
            t.map_middle_backing,
        ][rule as usize]
    }

    fn score_part(&self, part: ScorePart) -> &'static str {
        let t = self.texts();
        [
            t.score_gates,
            t.score_chain,
            t.score_competition,
            t.score_freshness,
            t.score_slips,
        ][part as usize]
    }

    /// The next action, a gate item by its text in `method`.
    fn raise(&self, raise: &Raise, method: &Method) -> String {
        let t = self.texts();
        match raise {
            Raise::MeetGate(id) => method.find_item(id).map_or_else(
                || id.as_str().to_string(),
                |(_, i)| self.pick(&i.text).to_string(),
            ),
            Raise::RecordDecisionMaker => t.raise_decision_maker.to_string(),
            Raise::WinDecisionMaker => t.raise_win_decision_maker.to_string(),
            Raise::FindCoach => t.raise_coach.to_string(),
            Raise::Broaden => t.raise_broaden.to_string(),
            Raise::RecordCompetitors => t.raise_competitors.to_string(),
            Raise::Deepen => t.raise_deepen.to_string(),
            Raise::AnswerPrice => t.raise_answer_price.to_string(),
            Raise::Update => t.raise_update.to_string(),
            Raise::Redate => t.raise_redate.to_string(),
        }
    }

    /// What a flag's rule serves: the gate item's text in `method` (its id when `method` has no
    /// such item) or the principle.
    fn serves(&self, serves: Serves, method: &Method) -> String {
        match serves {
            Serves::Gate(id) => method
                .stages
                .iter()
                .flat_map(|s| &s.gate)
                .find(|i| i.id.as_str() == id)
                .map_or_else(|| id.to_string(), |i| self.pick(&i.text).to_string()),
            Serves::Principle(n) => self.pick(&content().principles[n]).to_string(),
        }
    }

    /// A forecast bucket's name.
    fn bucket(&self, bucket: Bucket) -> String {
        let t = self.texts();
        match bucket {
            Bucket::Earlier => t.bucket_earlier.to_string(),
            Bucket::Overdue => t.bucket_overdue.to_string(),
            Bucket::Period(p) => self.period(p),
            Bucket::Later => t.bucket_later.to_string(),
            Bucket::NoDate => t.bucket_no_date.to_string(),
        }
    }

    fn category(&self, category: Category) -> &'static str {
        let t = self.texts();
        match category {
            Category::Pipeline => t.cat_pipeline,
            Category::BestCase => t.cat_best_case,
            Category::Commit => t.cat_commit,
            Category::Closed => t.cat_closed,
        }
    }

    fn dimension(&self, dimension: Dimension) -> &'static str {
        let t = self.texts();
        match dimension {
            Dimension::Owner => t.field_owner,
            Dimension::Product => t.field_product,
            Dimension::Region => t.field_region,
            Dimension::Segment => t.field_segment,
        }
    }

    /// What a target's parts are, as the target editor's choice names it.
    fn split_to(&self, to: SplitTo) -> &'static str {
        let t = self.texts();
        match to {
            SplitTo::Owner => t.field_owner,
            SplitTo::Product => t.field_product,
            SplitTo::Region => t.field_region,
        }
    }

    fn status(&self, status: DealStatus) -> &'static str {
        let t = self.texts();
        match status {
            DealStatus::Open => t.status_open,
            DealStatus::Won => t.status_won,
            DealStatus::Lost => t.status_lost,
        }
    }

    /// A deal field's label.
    fn field_label(&self, field: Field) -> &'static str {
        let t = self.texts();
        match field {
            Field::Name => t.field_name,
            Field::Customer => t.field_customer,
            Field::Amount => t.field_amount,
            Field::Stage => t.field_stage,
            Field::Status => t.field_status,
            Field::ExpectedClose => t.field_close,
            Field::ClosedOn => t.field_closed_on,
            Field::Owner => t.field_owner,
            Field::Product => t.field_product,
            Field::Region => t.field_region,
            Field::Segment => t.field_segment,
            Field::NextStep => t.field_next_step,
            Field::Notes => t.field_notes,
            Field::Probability => t.field_probability,
            Field::Category => t.field_category,
            Field::Gates => t.tab_gates,
            Field::History => t.tab_history,
            Field::SelfCheck => t.field_self_check,
            Field::Strategies => t.field_strategies,
            Field::People => t.field_people,
            Field::Bonus => t.bonus_title,
            Field::Created => t.field_created,
            Field::Updated => t.field_updated,
            Field::Extra => t.field_extra,
        }
    }

    /// Where in a file a problem is, as the person reads it: `deals[3].amount` in English,
    /// `第 4 个项目 · 金额` in Chinese.
    fn path(&self, path: &str) -> String;

    /// What a table's column goes to, as the column choice names it.
    fn target_label(&self, target: Target) -> &'static str {
        let t = self.texts();
        match target {
            Target::ToNotes => t.target_to_notes,
            Target::Ignore => t.target_ignore,
            other => deal_columns(t)
                .into_iter()
                .find(|(_, c)| *c == other)
                .map(|(label, _)| label)
                .unwrap_or(t.target_ignore),
        }
    }

    /// A table's row and column: `第 5 行 · 金额` / `row 5 · Amount`.
    fn row_at(&self, row: usize, header: &str) -> String;

    /// A problem at its path: `deals[3].amount: expected a number, found "abc"`.
    fn problem_at(&self, problem: &ReadProblem) -> String {
        let at = match parse_row_path(&problem.path) {
            Some((row, header)) => match header.strip_prefix(NO_COLUMN).and_then(Field::parse) {
                Some(field) => self.row_at(row, self.field_label(field)),
                None => self.row_at(row, header),
            },
            None => self.path(&problem.path),
        };
        format!(
            "{}{}{}",
            iso(at),
            self.colon(),
            self.read_problem(&problem.kind)
        )
    }

    /// A deal left out of an import, with its path.
    fn rejected(&self, rejected: &Rejected) -> String {
        self.problem_at(&rejected.problem)
    }

    /// A field's value in the import preview.
    fn field_value(&self, value: &FieldValue, shown: &Shown) -> String {
        match value {
            FieldValue::Text(text) => iso(text),
            FieldValue::Amount(amount) => amount.format(shown.currency),
            FieldValue::Stage(stage) => format!("{} {}", stage.code(), self.stage_name(*stage)),
            FieldValue::Status(status) => self.status(*status).to_string(),
            FieldValue::Day(day) => day.map(|d| self.date(d)).unwrap_or_default(),
            FieldValue::Moment(at) => {
                let local = (shown.local)(*at);
                format!("{} {}", self.date(local.date()), local.format("%H:%M"))
            }
            FieldValue::Percent(p) => p.map(|p| format!("{p}%")).unwrap_or_default(),
            FieldValue::Category(c) => c.map(|c| self.category(c).to_string()).unwrap_or_default(),
            FieldValue::Ticked { count, first } => {
                let names: Vec<String> = first
                    .iter()
                    .map(|id| (shown.name)(id).unwrap_or_else(|| id.clone()))
                    .collect();
                self.ticked(*count, &names)
            }
            FieldValue::Moves { count, last } => self.moves(
                *count,
                last.map(|(from, to, at)| (from, to, (shown.local)(at).date())),
            ),
            FieldValue::Unknown(text) if text.is_empty() => self.ticked(0, &[]),
            FieldValue::Unknown(text) => iso(text),
        }
    }

    /// A short amount for tight places, the exact one in the tooltip: `¥26.6万`, `¥1.25亿`;
    /// `¥266K`, `¥1.3M`. Amounts below 10,000 are shown in full.
    fn money_compact(&self, amount: Money, currency: &Currency) -> String {
        let major = amount.minor().abs() / 100;
        let Some((unit, suffix)) = self
            .compact_units()
            .iter()
            .find(|(unit, _)| major >= (*unit).max(10_000))
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

    /// A bar of the waterfall of what moved: `新增` / `New`, …
    fn move_label(&self, kind: Move) -> &'static str {
        let t = self.texts();
        match kind {
            Move::New => t.move_new,
            Move::Increased => t.move_increased,
            Move::Decreased => t.move_decreased,
            Move::PulledIn => t.move_pulled_in,
            Move::Slipped => t.move_slipped,
            Move::Won => t.move_won,
            Move::Lost => t.move_lost,
            Move::StageMoved => t.move_stage,
        }
    }

    /// A ratio in tenths of a percent as `53.6%`.
    fn percent_permille(&self, permille: i128) -> String {
        let sign = if permille < 0 { "-" } else { "" };
        let p = permille.abs();
        format!("{sign}{}.{}%", p / 10, p % 10)
    }

    /// A coverage ratio in thousandths as `1.54×`.
    fn times_permille(&self, permille: i128) -> String {
        let hundredths = div_round_half_away(permille, 10);
        let sign = if hundredths < 0 { "-" } else { "" };
        format!(
            "{sign}{}.{:02}×",
            hundredths.abs() / 100,
            hundredths.abs() % 100
        )
    }
}

/// What showing an import's values needs besides the language.
pub struct Shown<'a> {
    pub currency: &'a Currency,
    /// A moment as the person's local date and time.
    pub local: &'a dyn Fn(DateTime<Utc>) -> NaiveDateTime,
    /// The name of a gate item or a self-check question, by id, when known.
    pub name: &'a dyn Fn(&str) -> Option<String>,
}

/// One step of a path in a file: a field's key, or a position in a list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step<'p> {
    Key(&'p str),
    Index(usize),
}

/// Text from a person or a file set inside a sentence: when it holds anything that can change
/// the direction of writing (a bidi control such as RLO, or right-to-left letters) it goes
/// between FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE, so that it ends with it instead of
/// turning the rest of the sentence around. Other text is left as it is: it cannot reorder
/// anything, and copied messages then carry no invisible marks.
pub fn iso(text: impl std::fmt::Display) -> String {
    let text = text.to_string();
    if text.chars().any(turns) {
        format!("\u{2068}{text}\u{2069}")
    } else {
        text
    }
}

/// Whether `c` can change the direction of the text around it: explicit bidi controls and
/// marks, and letters of right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, N'Ko…).
fn turns(c: char) -> bool {
    matches!(c,
        '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
        | '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}'
        | '\u{10800}'..='\u{10FFF}' | '\u{1E800}'..='\u{1EFFF}')
}

/// The steps of a path: `deals[3].gates.p0-a.on` → deals, 3, gates, p0-a, on.
pub fn steps(path: &str) -> Vec<Step<'_>> {
    let mut out = Vec::new();
    for part in path.split('.').filter(|p| !p.is_empty()) {
        let key_end = part.find('[').unwrap_or(part.len());
        if key_end > 0 {
            out.push(Step::Key(&part[..key_end]));
        }
        for index in part[key_end..].split(['[', ']']).filter(|i| !i.is_empty()) {
            match index.parse() {
                Ok(n) => out.push(Step::Index(n)),
                Err(_) => out.push(Step::Key(index)),
            }
        }
    }
    out
}

/// A number typed into the method editor; unparseable input arrives as `u32::MAX` and reads as "—".
fn shown(n: u32) -> String {
    if n == u32::MAX {
        "—".to_string()
    } else {
        n.to_string()
    }
}

/// `n ÷ unit` with `places` decimals, rounded half up, exact: `(1_263_000, 10_000, 1)` → `126.3`.
fn ratio_text(n: usize, unit: usize, places: u32) -> String {
    let scale = 10u64.pow(places);
    let scaled = (n as u64 * scale + unit as u64 / 2) / unit as u64;
    format!(
        "{}.{:0width$}",
        scaled / scale,
        scaled % scale,
        width = places as usize
    )
}

/// The columns of keyplan's deals CSV, with the labels of `t` as headers, and where the import
/// puts each (what the export derives is not read back).
pub fn deal_columns(t: &Texts) -> [(&'static str, Target); 22] {
    [
        ("id", Target::Id),
        (t.field_name, Target::Name),
        (t.field_customer, Target::Customer),
        (t.field_amount, Target::Amount),
        (t.field_stage, Target::Stage),
        (t.verified_stage, Target::Ignore),
        (t.field_status, Target::Status),
        (t.probability, Target::Probability),
        (t.col_weighted, Target::Ignore),
        (t.field_close, Target::ExpectedClose),
        (t.field_closed_on, Target::ClosedOn),
        (t.field_owner, Target::Owner),
        (t.field_product, Target::Product),
        (t.field_region, Target::Region),
        (t.field_segment, Target::Segment),
        (t.field_next_step, Target::NextStep),
        (t.field_notes, Target::Notes),
        (t.csv_override_reason, Target::Ignore),
        (t.review_why, Target::ReviewWhy),
        (t.review_competitor, Target::ReviewCompetitor),
        (t.review_learned, Target::ReviewLearned),
        (t.field_strategies, Target::Strategies),
    ]
}

/// The words of both languages a table may use: the deals CSV's headers, stage and status names.
pub fn table_words() -> Words {
    let mut words = Words::default();
    for lang in Lang::ALL {
        words.headers.extend(
            deal_columns(lang.texts())
                .into_iter()
                .map(|(h, t)| (h.to_string(), t)),
        );
        for stage in Stage::ALL {
            words
                .stages
                .push((lang.stage_name(stage).to_string(), stage));
        }
        for status in DealStatus::ALL {
            words
                .statuses
                .push((lang.status(status).to_string(), status));
        }
    }
    words
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
    details_differ,
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
    quotas_filtered,
    quota_amount_placeholder,
    forecast_file,
    snap_title,
    snap_intro,
    snap_period,
    snap_close,
    snap_unclosed,
    snap_list,
    snap_taken,
    snap_deals,
    snap_next_claimed,
    snap_next_verified,
    snap_none,
    snap_unreadable,
    moved_title,
    moved_from,
    moved_to,
    moved_now,
    moved_period,
    moved_opening,
    moved_closing,
    move_new,
    move_increased,
    move_decreased,
    move_pulled_in,
    move_slipped,
    move_won,
    move_lost,
    move_stage,
    moved_rule,
    moved_change,
    moved_deals,
    moved_need_snapshot,
    accuracy_title,
    slipped_times,
    accuracy_lead,
    accuracy_claimed,
    accuracy_verified,
    accuracy_won,
    accuracy_error_claimed,
    accuracy_error_verified,
    accuracy_none,
    accuracy_rule,
    accuracy_by_owner,
    chart_waterfall,
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
    move_prev,
    move_next,
    open_deal,
    no_close_date,
    expected_close,
    signed_on,
    lost_on,
    editor_new,
    editor_edit,
    field_name,
    field_customer,
    field_amount,
    field_stage,
    field_close,
    field_closed_on,
    field_owner,
    field_product,
    field_region,
    field_segment,
    field_next_step,
    field_notes,
    field_status,
    field_self_check,
    field_created,
    field_updated,
    field_extra,
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
    download_plan,
    list_caption,
    col_weighted,
    privacy,
    where_file,
    where_browser_hint,
    where_file_before,
    where_file_after,
    backup_export,
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
    history_won,
    history_lost,
    history_reopened,
    history_close,
    lost_to,
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
    win_title,
    win_intro,
    win_missing,
    win_reason,
    confirm_win,
    lose_title,
    lose_reason,
    lose_competitor,
    confirm_lose,
    filtered_by,
    chart_funnel,
    chart_forecast,
    chart_risk,
    chart_stage,
    chart_deals,
    chart_amount,
    chart_weighted,
    chart_won,
    chart_total,
    chart_claimed,
    chart_verified,
    chart_difference,
    chart_no_data,
    merge_latest,
    fresh_confirm,
    fresh_confirmed,
    download_failed,
    backups_open,
    backups_title,
    backups_intro,
    backups_empty,
    backup_unreadable,
    backup_before_import,
    backup_before_restore,
    backup_when_unknown,
    backup_download,
    backup_delete,
    backup_delete_confirm,
    backup_restore,
    conflict_title,
    conflict_intro,
    conflict_keep_mine,
    conflict_take_theirs,
    conflict_mine,
    conflict_theirs,
    gone_notice,
    nothing_to_import,
    replace_confirm_button,
    retry_save,
    map_title,
    map_reports_to,
    map_influences,
    map_attitude,
    map_relationship,
    map_owner,
    map_influence,
    map_level,
    map_name,
    map_job_title,
    map_roles,
    map_thick_border,
    field_people,
    bonus_title,
    level_top,
    level_middle,
    level_operational,
    role_decision_maker,
    role_technical,
    role_user,
    role_buyer,
    role_influencer,
    role_coach,
    influence_high,
    influence_medium,
    influence_low,
    attitude_opposed,
    attitude_doubtful,
    attitude_neutral,
    attitude_supportive,
    attitude_champion,
    rel_stranger,
    rel_acquainted,
    rel_familiar,
    rel_trusted,
    rel_ally,
    link_reports_to,
    link_influences,
    price_lower,
    price_similar,
    price_higher,
    map_decision_chain,
    map_middle_relations,
    map_top_relation,
    map_complete,
    map_chain_detail,
    map_middle_backing,
    score_gates,
    score_chain,
    score_competition,
    score_freshness,
    score_slips,
    flag_no_decision_maker,
    flag_no_coach,
    raise_decision_maker,
    raise_win_decision_maker,
    raise_coach,
    raise_broaden,
    raise_competitors,
    raise_deepen,
    raise_answer_price,
    raise_update,
    raise_redate,
    why_no_contacts,
    why_no_decision_maker,
    why_no_middle,
    why_no_top,
    why_no_competitors,
    people_name_required,
    people_self_link,
    tab_competition,
    competitors_title,
    no_competitors,
    competitor_name,
    competitor_strengths,
    competitor_weaknesses,
    competitor_relationship,
    competitor_price,
    add_competitor,
    not_known,
    triangle_title,
    triangle_customer,
    triangle_us,
    triangle_wants,
    triangle_ours,
    triangle_their,
    swot_title,
    swot_strengths,
    swot_weaknesses,
    swot_opportunities,
    swot_threats,
    swot_so,
    swot_st,
    swot_wo,
    swot_wt,
    save_swot,
    review_title,
    review_why,
    review_competitor,
    review_learned,
    review_none,
    score,
    score_filter,
    score_any,
    people_rules,
    needs_evidence,
    map_rule,
    map_rule_none,
    contact_days,
    chain_from,
    top_by,
    score_weights,
    tab_people,
    people_add,
    people_new,
    people_editing,
    people_empty,
    contact_department,
    contact_last,
    contact_wants_result,
    contact_wants_win,
    contact_notes,
    links_title,
    link_from,
    link_to,
    link_kind,
    link_add,
    link_twice,
    view_map,
    view_table,
    flags_title,
    flags_none,
    flags_from,
    flag_serves,
    score_title,
    score_raise_most,
    map_supports,
    map_contradicts,
    map_silent,
    tick_with_map,
    tick_contradicted,
    evidence_required,
    remove_sure,
    // projector mode (P)
    projector_on,
    projector_off,
    projector_back,
    projector_next,
    projector_keys,
    projector_deals,
    projector_question,
    projector_compare,
    projector_deck,
    projector_no_evidence,
    // issue 11, S: the team's strategies, housekeeping, the deck's words
    field_strategies,
    strategies_title,
    strategies_hint,
    strategies_stage,
    save_strategies,
    title_rename,
    title_untitled,
    reset_title,
    reset_sample,
    reset_clear,
    replace_confirm,
    backup_before_reset,
    // W: the workshop kit (tables' copies and the comparison)
    view_workshop,
    ws_prepare_title,
    ws_prepare_intro,
    ws_needs_case,
    ws_tables,
    ws_table_name,
    ws_table_default,
    ws_exercise,
    ws_exercise_default,
    ws_prepare,
    ws_download,
    ws_download_all,
    ws_count_error,
    ws_name_missing,
    ws_name_twice,
    ws_compare_title,
    ws_compare_intro,
    ws_open_files,
    ws_close,
    ws_print,
    ws_table,
    ws_file,
    ws_open_deals,
    ws_open,
    ws_claimed,
    ws_verified,
    ws_gates_met,
    ws_evidence,
    ws_overrides,
    ws_flags,
    ws_score,
    ws_currency,
    ws_stray,
    ws_other_currency,
    ws_deal,
    ws_customer,
    ws_stage,
    ws_verified_stage,
    ws_deal_score,
    ws_discussion,
    ws_yes,
    ws_deals_title,
    ws_rows_plan,
    ws_rows_disagreement,
    ws_rows_spread,
    ws_not_there,
    ws_unreadable,
    ws_legend,
    ws_tables_count,
    ws_deals_count,
    ws_points_count,
    ws_reasons,
    // issue 12, C: deal lists from spreadsheets
    csv_override_reason,
    import_paste,
    import_paste_hint,
    import_paste_read,
    import_encoding,
    import_mapping,
    import_unit,
    unit_yuan,
    unit_wan,
    target_to_notes,
    target_ignore,
    import_duplicates,
    // H: handouts and printing (issue 11)
    handouts,
    handout_method,
    handout_gates,
    handout_chain,
    handout_board,
    print_plan,
    account_plan,
    sheet_team,
    sheet_date,
    // issue 13, R: the period report (月报 / 季报 / 年报)
    report_print,
    report_period,
    report_won,
    report_lost,
    report_outlook,
    report_risks,
    report_top,
    report_none,
    report_made,
    report_claimed_weighted,
    report_verified_weighted,
    report_reasons,
    report_moved,
    report_moved_none,
    report_moved_all,
    // issue 13: matrix, targets handed down, bonus pools
    split_by,
    split_by_share,
    split_by_amount,
    split_share,
    split_amount,
    split_gets,
    split_add,
    split_remainder,
    split_over,
    split_share_sum,
    split_complete,
    split_must_add_up,
    split_share_over,
    split_rule,
    targets_title,
    targets_intro,
    no_targets,
    target_to,
    target_amount,
    target_save,
    target_edit,
    target_period_hint,
    target_bad_period,
    bonus_pool,
    bonus_member,
    bonus_save,
    bonus_remove,
    bonus_none,
    bonus_saved,
    matrix_title,
    matrix_intro,
    matrix_rows,
    matrix_columns,
    matrix_total,
    matrix_open,
    matrix_open_count,
    matrix_won_count,
    matrix_weighted,
    matrix_verified,
    matrix_on_verified,
    matrix_deals_of,
    matrix_pick,
    matrix_empty,
    matrix_file,
    import_left_out,
    import_bad_snapshots,
    import_targets_replaced,
}

#[cfg(test)]
mod tests {
    use super::shown;

    #[test]
    fn an_unparseable_number_reads_as_a_dash() {
        assert_eq!(shown(u32::MAX), "—");
        assert_eq!(shown(12), "12");
    }
}
