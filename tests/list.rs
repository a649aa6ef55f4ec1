//! Sorting the deal list by amount, close date, stage and name.
mod common;

use common::{date, plan_with};
use keyplan::domain::list::{drawn_at_first, first_and_kept, sort_deals, Direction, SortKey};
use keyplan::domain::{Deal, Stage};

fn order(deals: &[std::rc::Rc<Deal>], key: SortKey, direction: Direction) -> Vec<&str> {
    let mut refs: Vec<&Deal> = deals.iter().map(|d| &**d).collect();
    sort_deals(&mut refs, key, direction, |_| 0);
    refs.iter().map(|d| d.id.as_str()).collect()
}

#[test]
fn sorts_by_each_key_both_ways() {
    let mut plan = plan_with(&[
        ("b", 300, Stage::P1),
        ("a", 100, Stage::P5),
        ("c", 200, Stage::P1),
        ("d", 400, Stage::P0),
    ]);
    common::deal_mut(&mut plan, 0).expected_close = Some(date("2027-01-10"));
    common::deal_mut(&mut plan, 1).expected_close = Some(date("2026-12-01"));
    common::deal_mut(&mut plan, 3).expected_close = Some(date("2026-12-20"));
    let d = &plan.deals;
    assert_eq!(
        order(d, SortKey::Amount, Direction::Descending),
        ["d", "b", "c", "a"]
    );
    assert_eq!(
        order(d, SortKey::Amount, Direction::Ascending),
        ["a", "c", "b", "d"]
    );
    assert_eq!(
        order(d, SortKey::Stage, Direction::Descending),
        ["a", "b", "c", "d"]
    );
    assert_eq!(
        order(d, SortKey::Name, Direction::Ascending),
        ["a", "b", "c", "d"]
    );
    assert_eq!(
        order(d, SortKey::Close, Direction::Ascending),
        ["a", "d", "b", "c"]
    );
    assert_eq!(
        order(d, SortKey::Close, Direction::Descending),
        ["b", "d", "a", "c"],
        "no date stays last"
    );
}

#[test]
fn first_clicks_sort_the_natural_way_and_flip() {
    assert_eq!(SortKey::Amount.natural_direction(), Direction::Descending);
    assert_eq!(SortKey::Close.natural_direction(), Direction::Ascending);
    assert_eq!(Direction::Ascending.flipped(), Direction::Descending);
}

#[test]
fn a_long_list_shows_its_first_items_and_the_kept_one_after_them() {
    let items: Vec<u32> = (0..10).collect();
    assert_eq!(first_and_kept(&items, 3, |_| false), vec![&0, &1, &2]);
    assert_eq!(first_and_kept(&items, 3, |i| *i == 7), vec![&0, &1, &2, &7]);
    assert_eq!(
        first_and_kept(&items, 3, |i| *i == 1),
        vec![&0, &1, &2],
        "shown once"
    );
    assert_eq!(first_and_kept(&items, 20, |i| *i == 9).len(), 10);
    assert_eq!(first_and_kept(&items, 0, |i| *i == 4), vec![&4]);
}

#[test]
fn a_list_draws_its_first_items_and_all_up_to_the_kept_one_in_its_place() {
    let items: Vec<u32> = (0..10).collect();
    assert_eq!(drawn_at_first(&items, 6, |_| false), 6);
    assert_eq!(drawn_at_first(&items, 6, |i| *i == 2), 6, "already drawn");
    assert_eq!(
        drawn_at_first(&items, 6, |i| *i == 8),
        9,
        "up to it, in its place"
    );
    assert_eq!(
        drawn_at_first(&items[..4], 6, |_| false),
        4,
        "fewer than first"
    );
    assert_eq!(drawn_at_first(&items, 0, |i| *i == 0), 1);
}
