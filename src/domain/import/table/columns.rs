//! What each column of a table holds: a deal field, text for the notes, or nothing to import.
use crate::domain::deal::DealStatus;
use crate::domain::stage::Stage;

/// Where a column's values go.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Target {
    Id,
    Name,
    Customer,
    Amount,
    Stage,
    Status,
    /// The deal's own win probability (a value equal to its stage's means none of its own).
    Probability,
    ExpectedClose,
    ClosedOn,
    Owner,
    Product,
    Region,
    Segment,
    NextStep,
    Notes,
    ReviewWhy,
    ReviewCompetitor,
    ReviewLearned,
    Strategies,
    /// Appended to the notes as `header: value`.
    ToNotes,
    /// Not imported (also what keyplan's export derives: verified stage, weighted amount,
    /// override reason).
    Ignore,
}

impl Target {
    /// What a person can choose for a column, in the order the choice lists them.
    pub const ALL: [Target; 21] = [
        Target::Id,
        Target::Name,
        Target::Customer,
        Target::Amount,
        Target::Stage,
        Target::Status,
        Target::Probability,
        Target::ExpectedClose,
        Target::ClosedOn,
        Target::Owner,
        Target::Product,
        Target::Region,
        Target::Segment,
        Target::NextStep,
        Target::Notes,
        Target::ReviewWhy,
        Target::ReviewCompetitor,
        Target::ReviewLearned,
        Target::Strategies,
        Target::ToNotes,
        Target::Ignore,
    ];

    /// A stable key (the choice's value in the page).
    pub fn key(self) -> &'static str {
        match self {
            Target::Id => "id",
            Target::Name => "name",
            Target::Customer => "customer",
            Target::Amount => "amount",
            Target::Stage => "stage",
            Target::Status => "status",
            Target::Probability => "probability",
            Target::ExpectedClose => "expected_close",
            Target::ClosedOn => "closed_on",
            Target::Owner => "owner",
            Target::Product => "product",
            Target::Region => "region",
            Target::Segment => "segment",
            Target::NextStep => "next_step",
            Target::Notes => "notes",
            Target::ReviewWhy => "review_why",
            Target::ReviewCompetitor => "review_competitor",
            Target::ReviewLearned => "review_learned",
            Target::Strategies => "strategies",
            Target::ToNotes => "to_notes",
            Target::Ignore => "ignore",
        }
    }

    pub fn parse(key: &str) -> Option<Target> {
        Target::ALL.into_iter().find(|t| t.key() == key)
    }
}

/// The words a table may use that keyplan knows in both languages: its own export's headers
/// (the interface's field labels), stage names and status names. The languages provide them
/// (`crate::i18n::table_words`); the core knows none of them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Words {
    pub headers: Vec<(String, Target)>,
    pub stages: Vec<(String, Stage)>,
    pub statuses: Vec<(String, DealStatus)>,
}

impl Words {
    /// The same words as [`fold`] leaves them, for comparing cells without folding the words
    /// again for each.
    pub fn folded(&self) -> Words {
        fn fold_all<T: Copy>(list: &[(String, T)]) -> Vec<(String, T)> {
            list.iter().map(|(w, t)| (fold(w), *t)).collect()
        }
        Words {
            headers: fold_all(&self.headers),
            stages: fold_all(&self.stages),
            statuses: fold_all(&self.statuses),
        }
    }
}

/// Headers spreadsheets use, in Chinese and English (compared case-blind, spaces ignored).
const SYNONYMS: &[(&str, Target)] = &[
    ("id", Target::Id),
    ("编号", Target::Id),
    ("项目名称", Target::Name),
    ("商机名称", Target::Name),
    ("项目", Target::Name),
    ("商机", Target::Name),
    ("name", Target::Name),
    ("deal", Target::Name),
    ("客户", Target::Customer),
    ("客户名称", Target::Customer),
    ("customer", Target::Customer),
    ("account", Target::Customer),
    ("金额", Target::Amount),
    ("合同金额", Target::Amount),
    ("预计金额", Target::Amount),
    ("amount", Target::Amount),
    ("value", Target::Amount),
    ("阶段", Target::Stage),
    ("stage", Target::Stage),
    ("状态", Target::Status),
    ("status", Target::Status),
    ("赢率", Target::Probability),
    ("probability", Target::Probability),
    ("预计签约日期", Target::ExpectedClose),
    ("预计签约", Target::ExpectedClose),
    ("closedate", Target::ExpectedClose),
    ("expectedclose", Target::ExpectedClose),
    ("签约日期", Target::ClosedOn),
    ("signingdate", Target::ClosedOn),
    ("负责人", Target::Owner),
    ("销售", Target::Owner),
    ("owner", Target::Owner),
    ("产品", Target::Product),
    ("product", Target::Product),
    ("区域", Target::Region),
    ("region", Target::Region),
    ("行业", Target::Segment),
    ("客户类型", Target::Segment),
    ("segment", Target::Segment),
    ("industry", Target::Segment),
    ("下一步", Target::NextStep),
    ("nextstep", Target::NextStep),
    ("备注", Target::Notes),
    ("notes", Target::Notes),
];

/// The header as compared: lower case, without spaces.
pub fn fold(header: &str) -> String {
    header
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The guessed target of each header: keyplan's own labels first, then the synonyms; a header
/// known to neither goes to the notes. A target already taken by an earlier column is not
/// given twice (the later column goes to the notes).
pub fn guess(headers: &[String], words: &Words) -> Vec<Target> {
    let mut taken = Vec::new();
    headers
        .iter()
        .map(|header| {
            let folded = fold(header);
            if folded.is_empty() {
                return Target::Ignore;
            }
            let known = words
                .headers
                .iter()
                .map(|(h, t)| (fold(h), *t))
                .chain(SYNONYMS.iter().map(|(h, t)| (h.to_string(), *t)))
                .find(|(h, _)| *h == folded)
                .map(|(_, t)| t);
            match known {
                Some(Target::Ignore) => Target::Ignore,
                Some(t) if !taken.contains(&t) => {
                    taken.push(t);
                    t
                }
                _ => Target::ToNotes,
            }
        })
        .collect()
}
