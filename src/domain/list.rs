//! Ordering of the deal list: by amount, close date, stage, name or score, either way.
use std::borrow::Borrow;
use std::cmp::Ordering;

use super::deal::Deal;

/// What the list is sorted by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SortKey {
    Amount,
    Close,
    Stage,
    Name,
    /// The deal score (量化评测).
    Score,
}

/// Which way: `Ascending` puts the smallest, earliest, first stage or A first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Direction {
    Ascending,
    Descending,
}

impl Direction {
    pub fn flipped(self) -> Direction {
        match self {
            Direction::Ascending => Direction::Descending,
            Direction::Descending => Direction::Ascending,
        }
    }
}

impl SortKey {
    /// The direction a first click on this key sorts in: biggest amounts and latest stages first,
    /// earliest dates and names A–Z first, best scores first.
    pub fn natural_direction(self) -> Direction {
        match self {
            SortKey::Amount | SortKey::Stage | SortKey::Score => Direction::Descending,
            SortKey::Close | SortKey::Name => Direction::Ascending,
        }
    }
}

/// Sorts deals (or shared deals) in place; `score` gives a deal's score, asked once per deal and
/// only when sorting by score. Deals without a close date go last either way; ties keep plan
/// order.
pub fn sort_deals<D: Borrow<Deal>>(
    deals: &mut [D],
    key: SortKey,
    direction: Direction,
    score: impl Fn(&Deal) -> u32,
) {
    if key == SortKey::Score {
        deals.sort_by_cached_key(|d| {
            let points = score(d.borrow());
            match direction {
                Direction::Ascending => points,
                Direction::Descending => u32::MAX - points,
            }
        });
        return;
    }
    deals.sort_by(|a, b| {
        let (a, b): (&Deal, &Deal) = (a.borrow(), b.borrow());
        let primary = match key {
            SortKey::Close => {
                return match (a.close_day(), b.close_day()) {
                    (Some(x), Some(y)) => oriented(x.cmp(&y), direction),
                    (Some(_), None) => Ordering::Less,
                    (None, Some(_)) => Ordering::Greater,
                    (None, None) => Ordering::Equal,
                }
            }
            SortKey::Amount => a.amount.cmp(&b.amount),
            SortKey::Stage => a.stage.cmp(&b.stage).then(a.amount.cmp(&b.amount)),
            SortKey::Name => a.name.cmp(&b.name),
            SortKey::Score => Ordering::Equal,
        };
        oriented(primary, direction)
    });
}

fn oriented(ordering: Ordering, direction: Direction) -> Ordering {
    match direction {
        Direction::Ascending => ordering,
        Direction::Descending => ordering.reverse(),
    }
}

/// What a long list shows: its first `shown` items, and after them the first later item `kept`
/// picks (the deal just created, saved or moved, which the person must see).
pub fn first_and_kept<T>(items: &[T], shown: usize, kept: impl Fn(&T) -> bool) -> Vec<&T> {
    let mut listed: Vec<&T> = items.iter().take(shown).collect();
    listed.extend(items.iter().skip(shown).find(|item| kept(item)));
    listed
}

/// How many of the listed `items` are drawn before the list comes into view: the first `first`,
/// and all those up to the one `kept` picks, so that it is drawn in its place and never moves
/// once drawn (a card with focus keeps it).
pub fn drawn_at_first<T>(items: &[T], first: usize, kept: impl Fn(&T) -> bool) -> usize {
    items
        .iter()
        .position(kept)
        .map_or(first, |i| first.max(i + 1))
        .min(items.len())
}
