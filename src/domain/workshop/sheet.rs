//! The comparison as a spreadsheet (CSV with the byte-order mark Excel needs, as every export):
//! the tables' figures, a blank line, then one row per deal with each table's stage, verified
//! stage, gates met, evidence, score and strategies (of the stage it claims there), and whether it
//! is a discussion point.
use super::compare::Comparison;
use crate::domain::csv::{amount, document};

/// The headings, in the person's language.
#[derive(Clone, Copy, Debug)]
pub struct Words<'a> {
    pub table: &'a str,
    pub file: &'a str,
    pub open_deals: &'a str,
    pub open: &'a str,
    pub claimed: &'a str,
    pub verified: &'a str,
    pub gates_met: &'a str,
    pub evidence: &'a str,
    pub overrides: &'a str,
    pub flags: &'a str,
    pub score: &'a str,
    pub currency: &'a str,
    pub stray: &'a str,
    pub deal: &'a str,
    pub customer: &'a str,
    pub stage: &'a str,
    /// The per-deal columns: a table's verified stage and its score of the deal.
    pub verified_stage: &'a str,
    pub deal_score: &'a str,
    pub discussion: &'a str,
    pub yes: &'a str,
    pub strategies: &'a str,
}

/// The whole CSV file.
pub fn comparison_csv(comparison: &Comparison, words: &Words) -> String {
    let w = words;
    let yes = |flag: bool| {
        if flag {
            w.yes.to_string()
        } else {
            String::new()
        }
    };
    let mut rows: Vec<Vec<String>> = vec![[
        w.table,
        w.file,
        w.open_deals,
        w.open,
        w.claimed,
        w.verified,
        w.gates_met,
        w.evidence,
        w.overrides,
        w.flags,
        w.score,
        w.currency,
        w.stray,
        w.strategies,
    ]
    .map(str::to_string)
    .to_vec()];
    for t in &comparison.tables {
        rows.push(vec![
            t.name.clone(),
            t.file.clone(),
            t.open_deals.to_string(),
            amount(t.open),
            amount(t.weighted_claimed),
            amount(t.weighted_verified),
            t.gates_met.to_string(),
            t.evidence.to_string(),
            t.overrides.len().to_string(),
            t.flags.to_string(),
            t.score.map(|s| s.to_string()).unwrap_or_default(),
            t.currency.code().to_string(),
            yes(t.stray),
            t.strategies.to_string(),
        ]);
    }
    rows.push(Vec::new());
    let mut head = vec![w.deal.to_string(), w.customer.to_string()];
    for t in &comparison.tables {
        for what in [
            w.stage,
            w.verified_stage,
            w.gates_met,
            w.evidence,
            w.deal_score,
            w.strategies,
        ] {
            head.push(format!("{} {what}", t.name));
        }
    }
    head.push(w.discussion.to_string());
    rows.push(head);
    for row in &comparison.deals {
        let mut line = vec![row.name.clone(), row.customer.clone()];
        for cell in &row.cells {
            match cell {
                Some(c) => line.extend([
                    c.stage.code().to_string(),
                    c.verified.code().to_string(),
                    c.gates_met.to_string(),
                    c.evidence.to_string(),
                    c.score.to_string(),
                    c.strategies.join(" / "),
                ]),
                None => line.extend(std::iter::repeat_n(String::new(), 6)),
            }
        }
        line.push(yes(row.disagree.any()));
        rows.push(line);
    }
    document(&rows)
}
