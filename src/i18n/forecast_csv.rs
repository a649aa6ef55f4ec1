//! keyplan's forecast CSV: it says what it holds. Two leading rows of text in column A (Excel
//! shows them as rows) name the filter, the periods, the basis, the grouping and whether the
//! categories are cumulative; then the header, every bucket and total of every table, each
//! period with its quota. The file name carries the same choices ([`forecast_file_stem`]).
use super::Lang;
use crate::domain::category::Category;
use crate::domain::csv::amount;
use crate::domain::filter::{Dimension, Filter};
use crate::domain::forecast::{Bucket, Figures, Forecast, Table};
use crate::domain::period::Granularity;
use crate::domain::quota::{quota_for, Quota};
use crate::domain::weighting::Basis;
use crate::domain::Money;

/// A money column of the forecast table.
pub struct Column {
    pub title: &'static str,
    pub value: Box<dyn Fn(&Figures) -> Money>,
}

/// The table's money columns: won, the four categories (single or cumulative), weighted open,
/// and the forecast.
pub fn columns(lang: Lang, cumulative: bool) -> Vec<Column> {
    let t = lang.texts();
    let mut cols = vec![Column {
        title: t.status_won,
        value: Box::new(|f: &Figures| f.won),
    }];
    for category in [
        Category::Closed,
        Category::Commit,
        Category::BestCase,
        Category::Pipeline,
    ] {
        let value: Box<dyn Fn(&Figures) -> Money> = if cumulative {
            Box::new(move |f: &Figures| f.cumulative(category))
        } else {
            Box::new(move |f: &Figures| f.category(category))
        };
        cols.push(Column {
            title: lang.category(category),
            value,
        });
    }
    cols.push(Column {
        title: t.col_weighted_open,
        value: Box::new(|f: &Figures| f.weighted()),
    });
    cols.push(Column {
        title: t.col_total,
        value: Box::new(|f: &Figures| f.total()),
    });
    cols
}

/// What a forecast export holds: the computed forecast and the choices it was computed with.
pub struct ForecastExport<'a> {
    pub forecast: &'a Forecast,
    pub quotas: &'a [Quota],
    pub filter: &'a Filter,
    pub granularity: Granularity,
    pub basis: Basis,
    pub cumulative: bool,
    pub group_by: Option<Dimension>,
}

impl ForecastExport<'_> {
    /// The quota of a period of a table: the owner's when grouped by owner, else the filter's
    /// (see `Filter::quota_owner`); none for groups of other attributes, other buckets, or a
    /// filter by product, region, segment or score.
    fn quota(&self, group: Option<&str>, bucket: Bucket) -> Option<Money> {
        let (Bucket::Period(period), Some(filtered)) = (bucket, self.filter.quota_owner()) else {
            return None;
        };
        let owner = match (self.group_by, group) {
            (Some(Dimension::Owner), Some(owner)) => Some(owner),
            (Some(_), Some(_)) => return None,
            _ => filtered,
        };
        quota_for(self.quotas, owner, period)
    }
}

fn granularity(lang: Lang, granularity: Granularity) -> &'static str {
    let t = lang.texts();
    match granularity {
        Granularity::Month => t.by_month,
        Granularity::Quarter => t.by_quarter,
        Granularity::Year => t.by_year,
    }
}

/// The filter as words: `负责人=张伟`, `评分≥60`; none when nothing is filtered.
pub(super) fn filter_words(lang: Lang, filter: &Filter) -> Vec<String> {
    let mut words: Vec<String> = filter
        .only
        .iter()
        .map(|(d, v)| format!("{}={v}", lang.dimension(*d)))
        .collect();
    if let Some(floor) = filter.score {
        words.push(format!("{}≥{}", lang.texts().score, floor.min));
    }
    words
}

/// The forecast as spreadsheet rows: two rows saying what it holds, a header, then every bucket
/// and total of every table with the quota of each period.
pub fn forecast_csv(lang: Lang, export: &ForecastExport) -> Vec<Vec<String>> {
    let t = lang.texts();
    let colon = lang.colon();
    let words = filter_words(lang, export.filter);
    let filtered = if words.is_empty() {
        t.filter_all.to_string()
    } else {
        words.join("; ")
    };
    let basis = match export.basis {
        Basis::Claimed => t.basis_claimed,
        Basis::Verified => t.basis_verified,
    };
    let group = export.group_by.map_or(t.group_none, |d| lang.dimension(d));
    let mut choices = format!(
        "# {}{colon}{}; {}{colon}{basis}; {}{colon}{group}",
        t.granularity,
        granularity(lang, export.granularity),
        t.basis,
        t.group_by,
    );
    if export.cumulative {
        choices.push_str("; ");
        choices.push_str(t.cumulative);
    }
    let cols = columns(lang, export.cumulative);
    let mut rows = vec![
        vec![format!("# {}{colon}{filtered}", t.filtered_by)],
        vec![choices],
        [t.group_by, t.col_period]
            .iter()
            .map(|s| s.to_string())
            .chain(cols.iter().map(|c| c.title.to_string()))
            .chain(std::iter::once(t.col_quota.to_string()))
            .collect(),
    ];
    let forecast = export.forecast;
    let tables: Vec<&Table> = if forecast.tables.is_empty() {
        vec![&forecast.total]
    } else {
        forecast.tables.iter().collect()
    };
    for table in tables {
        let group = table.group.clone().unwrap_or_default();
        let labelled = table
            .rows
            .iter()
            .map(|(bucket, figures)| (lang.bucket(*bucket), figures, Some(*bucket)))
            .chain(std::iter::once((
                t.total_row.to_string(),
                &table.total,
                None,
            )));
        for (label, figures, bucket) in labelled {
            let mut row = vec![group.clone(), label];
            row.extend(cols.iter().map(|c| amount((c.value)(figures))));
            let quota = bucket.and_then(|b| export.quota(table.group.as_deref(), b));
            row.push(quota.map(amount).unwrap_or_default());
            rows.push(row);
        }
    }
    rows
}

/// The file name's stem: the plan title, the word for forecast, the periods, the filter and the
/// grouping: `keyplan-预测-按月-张伟-分组-负责人` once made safe by `file_name::safe_stem`.
pub fn forecast_file_stem(lang: Lang, title: Option<&str>, export: &ForecastExport) -> String {
    let t = lang.texts();
    let mut parts = vec![
        title.unwrap_or("keyplan").to_string(),
        t.forecast_file.to_string(),
        granularity(lang, export.granularity).to_string(),
    ];
    parts.extend(filter_stem(lang, export.filter));
    if let Some(group) = export.group_by {
        parts.push(format!("{} {}", t.group_by, lang.dimension(group)));
    }
    parts.join("-")
}

/// What a filter keeps, for a file name: its values, then the score floor (`张伟`, `评分≥60`).
pub(super) fn filter_stem(lang: Lang, filter: &Filter) -> Vec<String> {
    let mut parts: Vec<String> = filter.only.iter().map(|(_, v)| v.clone()).collect();
    if let Some(floor) = filter.score {
        parts.push(format!("{}≥{}", lang.texts().score, floor.min));
    }
    parts
}
