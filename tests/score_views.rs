//! The deal score across views: the list sorted by it, and the forecast's score floor, which
//! applies to every figure like the other filters.
mod common;

use chrono::{FixedOffset, Utc};
use common::{now, plan_with, today};
use keyplan::domain::filter::{Dimension, Filter, ScoreFloor};
use keyplan::domain::forecast::{forecast, Query};
use keyplan::domain::list::{sort_deals, Direction, SortKey};
use keyplan::domain::people::{Attitude, Competitor, Contact, ContactId, PeopleEdit, Role};
use keyplan::domain::score::score;
use keyplan::domain::summary::{stage_totals, summarize};
use keyplan::domain::{Deal, DealId, Money, Plan, Stage};

/// Deals whose scores differ only by their decision chain: none ("low"), a decision maker
/// ("mid", "mid2"), a supportive decision maker and a coach ("high").
fn plan() -> Plan {
    let mut plan = plan_with(&[
        ("mid", 300, Stage::P3),
        ("low", 100, Stage::P3),
        ("high", 200, Stage::P3),
        ("mid2", 400, Stage::P3),
    ]);
    let person = |id: &str, roles: Vec<Role>, attitude| Contact {
        roles,
        attitude,
        ..Contact::named(ContactId::new(id), id)
    };
    let mut add = |deal: &str, contact: Contact| {
        plan.edit_people(&DealId::new(deal), PeopleEdit::AddContact(contact), now())
            .unwrap();
    };
    add("mid", person("m", vec![Role::DecisionMaker], None));
    add("mid2", person("m", vec![Role::DecisionMaker], None));
    add(
        "high",
        person("h", vec![Role::DecisionMaker], Some(Attitude::Supportive)),
    );
    add("high", person("c", vec![Role::Coach], None));
    plan
}

fn points(plan: &Plan, id: &str) -> u32 {
    let deal = plan.deal(&DealId::new(id)).unwrap();
    score(&plan.method, deal, today(), &Utc).total
}

fn order(plan: &Plan, direction: Direction) -> Vec<String> {
    let mut deals: Vec<&Deal> = plan.deals.iter().map(|d| &**d).collect();
    sort_deals(&mut deals, SortKey::Score, direction, |d| {
        score(&plan.method, d, today(), &Utc).total
    });
    deals.iter().map(|d| d.id.as_str().to_string()).collect()
}

#[test]
fn the_list_sorts_by_score_both_ways_ties_in_plan_order() {
    let plan = plan();
    assert!(points(&plan, "low") < points(&plan, "mid"));
    assert!(points(&plan, "mid") < points(&plan, "high"));
    assert_eq!(points(&plan, "mid"), points(&plan, "mid2"));
    assert_eq!(SortKey::Score.natural_direction(), Direction::Descending);
    assert_eq!(
        order(&plan, Direction::Descending),
        ["high", "mid", "mid2", "low"]
    );
    assert_eq!(
        order(&plan, Direction::Ascending),
        ["low", "mid", "mid2", "high"]
    );
}

#[test]
fn sorting_by_score_follows_what_the_score_sees() {
    let mut plan = plan();
    // a competitor we are level with lifts "mid2" above "mid"
    plan.edit_people(
        &DealId::new("mid2"),
        PeopleEdit::AddCompetitor(Competitor {
            name: "对手".into(),
            ..Competitor::default()
        }),
        now(),
    )
    .unwrap();
    assert!(points(&plan, "mid2") > points(&plan, "mid"));
    assert_eq!(order(&plan, Direction::Descending)[1..3], ["mid2", "mid"]);
}

fn floor(min: u32) -> Filter {
    Filter::default().with_score(Some(ScoreFloor {
        min,
        today: today(),
        zone: FixedOffset::east_opt(0).unwrap(),
    }))
}

#[test]
fn a_score_floor_applies_to_every_figure() {
    let plan = plan();
    let only_high = floor(points(&plan, "mid") + 1);
    assert!(only_high.matches(&plan.method, plan.deal(&DealId::new("high")).unwrap()));
    assert!(!only_high.matches(&plan.method, plan.deal(&DealId::new("mid")).unwrap()));
    assert!(!only_high.is_empty());
    assert_eq!(
        only_high.quota_owner(),
        None,
        "no quota compares with the best-scored deals"
    );

    let summary = summarize(&plan, &only_high, today());
    assert_eq!(summary.open_count, 1);
    assert_eq!(summary.open_total, Money::from_major(200));
    let totals = stage_totals(&plan, &only_high);
    assert_eq!(totals.iter().map(|s| s.count).sum::<usize>(), 1);
    let query = Query {
        filter: only_high.clone(),
        ..Query::rolling_year(today())
    };
    assert_eq!(
        forecast(&plan, &query).total.total.open,
        Money::from_major(200)
    );

    let mids = floor(points(&plan, "mid"));
    assert_eq!(
        summarize(&plan, &mids, today()).open_total,
        Money::from_major(900)
    );
    assert_eq!(summarize(&plan, &floor(0), today()).open_count, 4);

    // the other filters keep the floor, and the floor keeps them
    let with_region = only_high.with(Dimension::Region, "华东");
    assert_eq!(with_region.score, only_high.score);
    assert_eq!(with_region.with_score(None).only.len(), 1);
}
