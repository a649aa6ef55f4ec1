//! Comparing imported deals with the current plan, and merging them in or replacing the plan.
use std::collections::{BTreeMap, HashMap, HashSet};
use std::rc::Rc;

use serde_json::Value;

use crate::domain::snapshot::{Snapshot, Snapshots};
use crate::domain::workshop_header::WorkshopHeader;

use super::changes::{differences, FieldChange};
use crate::domain::deal::{Deal, DealId};
use crate::domain::method::Method;
use crate::domain::money::Currency;
use crate::domain::people::People;
use crate::domain::plan::Plan;
use crate::domain::plan_file::{Parsed, Problem, Rejected};
use crate::domain::quota::{Quota, QuotaPeriod};
use crate::domain::target::{SplitTo, Target, TargetPeriod};

/// A deal that both the current plan and an incoming file have, in different versions.
#[derive(Clone, Debug, PartialEq)]
pub struct DealChange {
    pub mine: Rc<Deal>,
    pub theirs: Rc<Deal>,
    /// Theirs had no `updated`: whether it is newer is unknown, so it is a conflict that the
    /// newest-wins rule settles as mine.
    pub undated: bool,
    /// The fields that differ, in the file format's order; `updated` is among them when it differs.
    pub fields: Vec<FieldChange>,
}

/// How the deals of the incoming files relate to the current plan.
///
/// The deals are compared in [`Preview::currency`]: the plan's, or the first file's when the
/// plan has nothing in any currency yet (no deals, no quotas). Files in another currency are left
/// out of every list (their amounts would be read in the wrong currency):
/// [`Preview::currency_mismatch`] says so, and [`merge`] does not take their deals or quotas.
/// Their rejected deals are still listed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Preview {
    /// Deals whose id is not in the current plan, in file order.
    pub new: Vec<Rc<Deal>>,
    /// Deals that differ and whose `updated` is newer than mine: updates.
    pub changed: Vec<DealChange>,
    /// Deals that differ although mine is as new or newer: both sides have edits; the person decides.
    pub conflicts: Vec<DealChange>,
    /// Deals identical to mine.
    pub unchanged: usize,
    /// Deals of the files that could not be read, with the file's name.
    pub rejected: Vec<(String, Rejected)>,
    /// The currency of the deals listed, which a merge gives the plan: the plan's own, or the
    /// first file's when the plan has no deals and no quotas.
    pub currency: Currency,
    /// (the currency above, the file's) for the first file in another currency.
    pub currency_mismatch: Option<(Currency, Currency)>,
    /// The files' quotas for (owner, period) pairs the current plan has no quota for (the first
    /// file's, when several files have one).
    pub new_quotas: Vec<Quota>,
    /// The files' targets for (period, parts) pairs the current plan has no target for (the
    /// first file's, when several files have one).
    pub new_targets: Vec<Target>,
    /// The first file's target for a period and parts the plan has a target for, set otherwise
    /// (a merge keeps the later `updated` by the rule, as for deals).
    pub other_targets: Vec<Target>,
    /// Targets of the files that could not be read and were left out, with the file's name.
    pub left_out: Vec<(String, Problem)>,
    /// Deals of the files that had no `created` or `updated` and took the time of the import.
    pub stamped: usize,
    /// The first file's title, which a merge into a plan without one takes.
    pub title: Option<String>,
    /// The first file's method, which a merge into a plan with no deals on the default method
    /// takes (`None` when the file has the default method too).
    pub method: Option<Rc<Method>>,
    /// The first file's unknown top-level fields, which a merge adds where the plan has none of
    /// that name.
    pub extra: BTreeMap<String, Value>,
    /// The first file's workshop header, which a merge into a plan with no deals and no header
    /// takes (a table opening its copy of a workshop case).
    pub workshop: Option<WorkshopHeader>,
    /// Readable snapshots of the files whose id the plan lacks (the first of each id), which a
    /// merge adds.
    pub snapshots: Vec<Rc<Snapshot>>,
    /// Snapshots of the files that could not be read: left out, with the file's name.
    pub bad_snapshots: Vec<(String, Problem)>,
}

/// How [`merge`] settles what the person has not decided deal by deal.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Rule {
    /// The version with the later `updated`; on a tie, mine. Updates are taken; as a conflict is
    /// a deal whose `updated` is not newer than mine, conflicts keep mine.
    #[default]
    NewestWins,
    /// Mine for every deal that differs: only new deals are added.
    KeepMine,
    /// Theirs for every deal that differs, updates and conflicts alike.
    TakeTheirs,
}

/// The person's decision for one deal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    Mine,
    Theirs,
}

impl Rule {
    fn takes_theirs(self, mine: &Deal, theirs: &Deal) -> bool {
        match self {
            Rule::NewestWins => theirs.updated > mine.updated,
            Rule::KeepMine => false,
            Rule::TakeTheirs => true,
        }
    }
}

/// Compares the deals of the incoming files with the current plan.
///
/// Files count in order: a later file's deal with the id of an earlier file's counts only if its
/// `updated` is newer. Files in another currency than the plan's are left out (see [`Preview`]).
pub fn preview(current: &Plan, incoming: &[(String, Parsed)]) -> Preview {
    let currency = match incoming.first() {
        Some((_, first)) if takes_currency(current) => first.plan.currency.clone(),
        _ => current.currency.clone(),
    };
    let currency_mismatch = incoming
        .iter()
        .map(|(_, parsed)| &parsed.plan.currency)
        .find(|theirs| **theirs != currency)
        .map(|theirs| (currency.clone(), theirs.clone()));
    let files: Vec<&Plan> = incoming
        .iter()
        .map(|(_, parsed)| &parsed.plan)
        .filter(|plan| plan.currency == currency)
        .collect();
    let first = files.first();
    let mut preview = Preview {
        currency,
        currency_mismatch,
        stamped: incoming.iter().map(|(_, parsed)| parsed.stamped).sum(),
        title: first.and_then(|plan| plan.title.clone()),
        method: first
            .filter(|plan| *plan.method != Method::default())
            .map(|plan| plan.method.clone()),
        extra: first.map(|plan| plan.extra.clone()).unwrap_or_default(),
        workshop: first.and_then(|plan| plan.workshop.clone()),
        rejected: incoming
            .iter()
            .flat_map(|(name, parsed)| parsed.rejected.iter().map(|r| (name.clone(), r.clone())))
            .collect(),
        snapshots: new_snapshots(current, files.iter().copied()),
        bad_snapshots: incoming
            .iter()
            .flat_map(|(name, parsed)| {
                let name = name.clone();
                parsed
                    .snapshot_problems
                    .iter()
                    .map(move |p| (name.clone(), p.clone()))
            })
            .collect(),
        left_out: incoming
            .iter()
            .flat_map(|(name, parsed)| parsed.left_out.iter().map(|p| (name.clone(), p.clone())))
            .collect(),
        ..Preview::default()
    };
    let mine: HashMap<&DealId, &Rc<Deal>> = current.deals.iter().map(|d| (&d.id, d)).collect();
    let undated: HashSet<&DealId> = incoming
        .iter()
        .flat_map(|(_, parsed)| &parsed.undated)
        .collect();
    for theirs in gather(files.iter().copied()) {
        match mine.get(&theirs.id) {
            None => preview.new.push(theirs),
            Some(mine) if **mine == theirs => preview.unchanged += 1,
            Some(mine) => {
                let change = DealChange {
                    fields: differences(mine, &theirs),
                    mine: Rc::clone(mine),
                    undated: undated.contains(&theirs.id),
                    theirs,
                };
                if !change.undated && change.theirs.updated > change.mine.updated {
                    preview.changed.push(change);
                } else {
                    preview.conflicts.push(change);
                }
            }
        }
    }
    let mut pairs: HashSet<(Option<String>, QuotaPeriod)> =
        current.quotas.iter().map(quota_key).collect();
    for quota in files.iter().flat_map(|plan| &plan.quotas) {
        if pairs.insert(quota_key(quota)) {
            preview.new_quotas.push(quota.clone());
        }
    }
    let mut targets: HashSet<(TargetPeriod, SplitTo)> = HashSet::new();
    for target in files.iter().flat_map(|plan| &plan.targets) {
        if !targets.insert(target_key(target)) {
            continue;
        }
        match current
            .targets
            .iter()
            .find(|t| target_key(t) == target_key(target))
        {
            None => preview.new_targets.push(target.clone()),
            Some(mine) if mine.same_as(target) => {}
            Some(_) => preview.other_targets.push(target.clone()),
        }
    }
    preview
}

/// Merges what `preview` (made from `current`) found into a copy of `current`.
///
/// New deals are added after mine, in file order. Changed deals and conflicts follow `choices`
/// (by id) where the person decided, else `rule`.
///
/// Whatever the plan has of its own stays, and it takes from the first file (of those in the
/// preview's currency) what it does not have: a title when it has none; unknown top-level fields
/// of names it has none of; quotas for (owner, period) pairs it has none for
/// ([`Preview::new_quotas`]); targets for (period, parts) pairs it has none for
/// ([`Preview::new_targets`]), its own kept whole unless the file's version of it is the later by
/// `updated` (or the rule takes theirs, [`Preview::other_targets`]). A deal's bonus pool travels with the version
/// of the deal that is kept. Its currency and method are what its deals' amounts and evidence
/// are measured in, so they change only while nothing depends on them: a plan with no deals and
/// no quotas takes the file's currency ([`Preview::currency`]), and a plan with no deals on the
/// default method takes the file's method. So a merge of one file into an empty planner brings
/// its plan as a whole, as [`replace`] would.
///
/// Deals of files in another currency than mine are not in the preview and so are never merged
/// ([`Preview::currency_mismatch`]). Should `current` have changed since the preview, no id is
/// ever doubled: a "new" deal whose id is now in the plan, and a changed or conflicting deal no
/// longer in it, are left as `current` has them.
pub fn merge(
    current: &Plan,
    preview: &Preview,
    rule: Rule,
    choices: &BTreeMap<DealId, Choice>,
) -> Plan {
    let mut plan = current.clone();
    if takes_currency(&plan) {
        plan.currency = preview.currency.clone();
    } else if plan.currency != preview.currency {
        // the plan has amounts in its own currency since the preview: nothing is merged
        return plan;
    }
    if plan.title.is_none() {
        plan.title = preview.title.clone();
    }
    if plan.workshop.is_none() && plan.deals.is_empty() {
        plan.workshop = preview.workshop.clone();
    }
    for snapshot in &preview.snapshots {
        plan.snapshots.insert(snapshot.clone());
    }
    match &preview.method {
        Some(method) if plan.deals.is_empty() && *plan.method == Method::default() => {
            plan.method = method.clone();
        }
        _ => {}
    }
    for (key, value) in &preview.extra {
        if !plan.extra.contains_key(key) {
            plan.extra.insert(key.clone(), value.clone());
        }
    }
    // ids borrowed from `current` and the preview: `plan` is being changed
    let mut at: HashMap<&DealId, usize> = current
        .deals
        .iter()
        .enumerate()
        .map(|(i, d)| (&d.id, i))
        .collect();
    for change in &preview.changed {
        let id = &change.theirs.id;
        let take = match choices.get(id) {
            Some(choice) => *choice == Choice::Theirs,
            None => rule != Rule::KeepMine,
        };
        if let Some(&i) = at.get(id) {
            plan.deals[i] = with_people(take, &plan.deals[i], &change.theirs);
        }
    }
    for change in &preview.conflicts {
        let id = &change.theirs.id;
        if let Some(&i) = at.get(id) {
            let take = match choices.get(id) {
                Some(Choice::Theirs) => true,
                Some(Choice::Mine) => false,
                None if change.undated => rule == Rule::TakeTheirs,
                None => rule.takes_theirs(&plan.deals[i], &change.theirs),
            };
            plan.deals[i] = with_people(take, &plan.deals[i], &change.theirs);
        }
    }
    for deal in &preview.new {
        if !at.contains_key(&deal.id) {
            at.insert(&deal.id, plan.deals.len());
            plan.deals.push(deal.clone());
        }
    }
    let mut pairs: HashSet<(Option<String>, QuotaPeriod)> =
        plan.quotas.iter().map(quota_key).collect();
    for quota in &preview.new_quotas {
        if pairs.insert(quota_key(quota)) {
            plan.quotas.push(quota.clone());
        }
    }
    for target in &preview.new_targets {
        plan.set_target_if_none(target);
    }
    for theirs in &preview.other_targets {
        let mine = plan
            .targets
            .iter()
            .find(|t| target_key(t) == target_key(theirs));
        if takes_target(rule, mine, theirs) {
            plan.set_target(theirs.clone());
        }
    }
    plan
}

/// Whether a merge under `rule` puts the file's version of a target in place of mine.
fn takes_target(rule: Rule, mine: Option<&Target>, theirs: &Target) -> bool {
    match (rule, mine) {
        (_, None) | (Rule::TakeTheirs, _) => true,
        (Rule::NewestWins, Some(mine)) => theirs.updated > mine.updated,
        (Rule::KeepMine, Some(_)) => false,
    }
}

impl Preview {
    /// The targets of `current` that a merge under `rule` replaces with a file's different
    /// version: `(mine, theirs)`, as the preview lists them before the person merges.
    pub fn replaced_targets<'a>(
        &'a self,
        current: &'a Plan,
        rule: Rule,
    ) -> Vec<(&'a Target, &'a Target)> {
        self.other_targets
            .iter()
            .filter_map(|theirs| {
                let mine = current
                    .targets
                    .iter()
                    .find(|t| target_key(t) == target_key(theirs))?;
                takes_target(rule, Some(mine), theirs).then_some((mine, theirs))
            })
            .collect()
    }
}

/// The incoming plan as it is, in place of the current one: the first file's title, currency,
/// method, quotas and unknown fields, and the good deals of every file in that currency (files in
/// another currency are left out), an id seen in several files taking the newest `updated`.
/// No files: an empty plan.
pub fn replace(incoming: &[(String, Parsed)]) -> Plan {
    let Some((_, first)) = incoming.first() else {
        return Plan::default();
    };
    let first = &first.plan;
    let files = incoming
        .iter()
        .map(|(_, parsed)| &parsed.plan)
        .filter(|plan| plan.currency == first.currency);
    Plan {
        title: first.title.clone(),
        currency: first.currency.clone(),
        method: first.method.clone(),
        quotas: first.quotas.clone(),
        targets: first.targets.clone(),
        deals: gather(files.clone()),
        workshop: first.workshop.clone(),
        snapshots: Snapshots {
            list: new_snapshots(&Plan::default(), files),
            unreadable: Vec::new(),
        },
        extra: first.extra.clone(),
    }
}

/// The readable snapshots of `files` whose id `current` lacks, the first of each id, in order.
fn new_snapshots<'a>(
    current: &Plan,
    files: impl IntoIterator<Item = &'a Plan>,
) -> Vec<Rc<Snapshot>> {
    let mut taken = Snapshots::default();
    for snapshot in files.into_iter().flat_map(|plan| &plan.snapshots.list) {
        if current.snapshots.get(&snapshot.id).is_none() {
            taken.insert(snapshot.clone());
        }
    }
    taken.list
}

/// The deals of `files` by id, each id at its first position, in the version with the newest
/// `updated` (on a tie, the earlier file's).
fn gather<'a>(files: impl IntoIterator<Item = &'a Plan>) -> Vec<Rc<Deal>> {
    let mut deals: Vec<Rc<Deal>> = Vec::new();
    let mut at: HashMap<&DealId, usize> = HashMap::new();
    for deal in files.into_iter().flat_map(|plan| &plan.deals) {
        match at.get(&deal.id) {
            Some(&i) => {
                if deal.updated > deals[i].updated {
                    deals[i] = deal.clone();
                }
            }
            None => {
                at.insert(&deal.id, deals.len());
                deals.push(deal.clone());
            }
        }
    }
    deals
}

/// The version of a deal a merge keeps (theirs when `take_theirs`), with the people only the
/// other version has ([`People::merged`]): contacts by id, links, competitors by name, SWOT and
/// review when the kept one's are empty. Unchanged when the other adds nothing.
fn with_people(take_theirs: bool, mine: &Rc<Deal>, theirs: &Rc<Deal>) -> Rc<Deal> {
    let (kept, other) = if take_theirs {
        (theirs, mine)
    } else {
        (mine, theirs)
    };
    let people = People::merged(&kept.people, &other.people);
    if people == kept.people {
        return kept.clone();
    }
    Rc::new(Deal {
        people,
        ..(**kept).clone()
    })
}

/// Whether a plan has nothing in any currency yet (no deals, no quotas), so that a merge gives it
/// the files' currency.
fn takes_currency(plan: &Plan) -> bool {
    plan.deals.is_empty() && plan.quotas.is_empty() && plan.targets.is_empty()
}

fn target_key(target: &Target) -> (TargetPeriod, SplitTo) {
    (target.period, target.to)
}

fn quota_key(quota: &Quota) -> (Option<String>, QuotaPeriod) {
    (quota.owner.clone(), quota.period)
}
