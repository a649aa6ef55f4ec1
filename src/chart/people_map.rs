//! Geometry of the 渔网图 (the map of a customer's people): one band per level (top, middle,
//! operational), each person a card of one fixed size on a grid of columns, reports-to lines as
//! orthogonal paths from a manager's card to the report's, influence as curves. Whole pixels only:
//! the SVG attributes are written with integer formatting.
//!
//! Order: the top band keeps the input order; in the bands below, people who report to someone
//! placed above come first, in their managers' order, each group centred under its manager where
//! the row has room; the others follow in input order. A band holds at most [`MAX_COLS`] cards
//! side by side and wraps onto further rows after that, so cards never overlap.

/// A card's size.
pub const CARD_W: i32 = 184;
pub const CARD_H: i32 = 104;
/// The free space between two columns: the vertical lanes of lines that skip a row.
pub const GAP_X: i32 = 28;
/// The free space between two rows of cards in one band.
pub const GAP_Y: i32 = 52;
/// Space inside a band above its first and below its last row.
pub const PAD_Y: i32 = 28;
/// The height of a band with no one in it.
pub const EMPTY_H: i32 = 40;
/// The column at the left that names the bands.
pub const LABEL_W: i32 = 56;
/// The most cards in one row; more wrap onto the next row of the band.
pub const MAX_COLS: usize = 6;
/// The x of column 0: after the band names and a lane.
pub const LEFT: i32 = LABEL_W + GAP_X;
/// The number of levels (bands): 0 top, 1 middle, 2 operational.
pub const LEVELS: usize = 3;

/// One person as the map needs them; the UI maps a contact onto this.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MapPerson {
    /// A key unique on the map (the contact's id); links name people by it.
    pub key: String,
    /// 0 top, 1 middle, 2 operational; anything larger counts as operational.
    pub level: u8,
}

/// What a line means.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LinkKind {
    /// `from` reports to `to` (the org chart): a solid line from `to`'s card down to `from`'s.
    ReportsTo,
    /// `from` influences `to` informally: a dashed curve with an arrow at `to`.
    Influences,
}

/// A line between two people, by key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MapLink {
    pub from: String,
    pub to: String,
    pub kind: LinkKind,
}

/// A band: the level and the vertical span it takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Band {
    pub level: u8,
    pub y: i32,
    pub height: i32,
}

/// Where a person's card goes: its top-left corner.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CardBox {
    pub x: i32,
    pub y: i32,
    /// The row of cards it sits in, counted from the top of the map.
    pub row: usize,
    /// Its column on the grid.
    pub col: usize,
}

impl CardBox {
    pub fn centre_x(&self) -> i32 {
        self.x + CARD_W / 2
    }

    pub fn bottom(&self) -> i32 {
        self.y + CARD_H
    }
}

/// A line to draw: the people it joins (indices into the input) and its SVG path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinkPath {
    pub kind: LinkKind,
    pub from: usize,
    pub to: usize,
    pub d: String,
}

/// The whole map: its size (the SVG viewBox is `0 0 width height`), the bands, one card per
/// person in input order, and the lines whose both ends are on the map.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MapLayout {
    pub width: i32,
    pub height: i32,
    pub bands: Vec<Band>,
    pub cards: Vec<CardBox>,
    pub links: Vec<LinkPath>,
}

/// The x of column `col`'s left edge.
fn col_x(col: usize) -> i32 {
    LEFT + col as i32 * (CARD_W + GAP_X)
}

/// Lays out `people` and the `links` between them. Links naming a key that is not on the map, or
/// joining a person to themselves, are left out; when two people share a key, links go to the first.
pub fn layout(people: &[MapPerson], links: &[MapLink]) -> MapLayout {
    let level = |i: usize| usize::from(people[i].level).min(LEVELS - 1);
    let index_of = |key: &str| people.iter().position(|p| p.key == key);
    // each link once, by index, both ends present and different
    let mut joined: Vec<(LinkKind, usize, usize)> = Vec::new();
    for link in links {
        if let (Some(from), Some(to)) = (index_of(&link.from), index_of(&link.to)) {
            if from != to && !joined.contains(&(link.kind, from, to)) {
                joined.push((link.kind, from, to));
            }
        }
    }
    let manager = |i: usize| {
        joined
            .iter()
            .find(|&&(kind, from, _)| kind == LinkKind::ReportsTo && from == i)
            .map(|&(_, _, to)| to)
    };

    let widest = (0..LEVELS)
        .map(|l| (0..people.len()).filter(|&i| level(i) == l).count())
        .max()
        .unwrap_or(0);
    let cols = widest.clamp(1, MAX_COLS);

    let mut cards: Vec<Option<CardBox>> = vec![None; people.len()];
    // order of placement so far: a manager placed earlier sorts its reports by this
    let mut placed_at: Vec<Option<usize>> = vec![None; people.len()];
    let mut placed = 0usize;
    let mut bands = Vec::with_capacity(LEVELS);
    let mut row = 0usize;
    let mut y = 0;
    for l in 0..LEVELS {
        let upper = |i: usize| manager(i).filter(|&m| level(m) < l);
        let mut members: Vec<usize> = (0..people.len()).filter(|&i| level(i) == l).collect();
        members.sort_by_key(|&i| (upper(i).and_then(|m| placed_at[m]).unwrap_or(usize::MAX), i));
        for &i in &members {
            placed_at[i] = Some(placed);
            placed += 1;
        }
        let band_y = y;
        let rows = members.len().div_ceil(cols);
        for (r, line) in members.chunks(cols).enumerate() {
            let top = band_y + PAD_Y + r as i32 * (CARD_H + GAP_Y);
            let wanted = wanted_cols(line, cols, |i| {
                upper(i).and_then(|m| cards[m]).map(|card| card.col)
            });
            for (&i, col) in line.iter().zip(wanted) {
                cards[i] = Some(CardBox {
                    x: col_x(col),
                    y: top,
                    row: row + r,
                    col,
                });
            }
        }
        row += rows;
        let height = if rows == 0 {
            EMPTY_H
        } else {
            2 * PAD_Y + rows as i32 * CARD_H + (rows as i32 - 1) * GAP_Y
        };
        bands.push(Band {
            level: l as u8,
            y: band_y,
            height,
        });
        y += height;
    }
    let cards: Vec<CardBox> = cards.into_iter().flatten().collect();
    let width = col_x(cols);
    let links = joined
        .iter()
        .map(|&(kind, from, to)| {
            let d = match kind {
                LinkKind::ReportsTo => reports_path(&cards[to], &cards[from]),
                LinkKind::Influences => influence_path(&cards[from], &cards[to]),
            };
            LinkPath { kind, from, to, d }
        })
        .collect();
    MapLayout {
        width,
        height: y,
        bands,
        cards,
        links,
    }
}

/// The columns of one row's cards, left to right and all different: each group of people with
/// the same manager centred under the manager's column when there is room, the others packed
/// after; the row as a whole is centred when no one has a manager above.
fn wanted_cols(
    line: &[usize],
    cols: usize,
    parent_col: impl Fn(usize) -> Option<usize>,
) -> Vec<usize> {
    let n = line.len();
    let mut out = Vec::with_capacity(n);
    let mut k = 0;
    while k < n {
        let parent = parent_col(line[k]);
        // the group of consecutive people under the same manager (or without one)
        let group = line[k..]
            .iter()
            .take_while(|&&i| parent_col(i) == parent)
            .count();
        for j in 0..group {
            let i = k + j;
            let lo = out.last().map_or(0, |&c: &usize| c + 1);
            let hi = cols - (n - i);
            let want = match parent {
                Some(p) => (p + j).saturating_sub((group - 1) / 2),
                None if i == 0 => (cols - n) / 2,
                None => lo,
            };
            out.push(want.clamp(lo, hi));
        }
        k += group;
    }
    out
}

/// A reports-to line: from the edge of `manager` that faces `report` to the edge of `report` that
/// faces back, along the lane between their rows, down a lane between columns when rows of cards
/// lie between them; side by side in one row, a U under the row.
fn reports_path(manager: &CardBox, report: &CardBox) -> String {
    // the lane half a gap beyond a card's edge: rows of cards are a whole gap apart or more
    let lane_after = |card: &CardBox, down: bool| {
        if down {
            card.bottom() + GAP_Y / 2
        } else {
            card.y - GAP_Y / 2
        }
    };
    let (mx, rx) = (manager.centre_x(), report.centre_x());
    // a small offset per manager column keeps lanes of different managers apart
    let nudge = (manager.col % 3) as i32 * 6 - 6;
    if report.row == manager.row {
        // within the band's padding, so that it stays on the map under the bottom row
        let ly = manager.bottom() + PAD_Y / 2 + nudge;
        return format!("M{mx} {}V{ly}H{rx}V{}", manager.bottom(), report.bottom());
    }
    let down = report.row > manager.row;
    let (start, end) = if down {
        (manager.bottom(), report.y)
    } else {
        (manager.y, report.bottom())
    };
    let first = lane_after(manager, down) + nudge;
    let last = lane_after(report, !down) + nudge;
    if report.row.abs_diff(manager.row) == 1 {
        return format!("M{mx} {start}V{first}H{rx}V{end}");
    }
    // the lane between columns beside the report's column nearer to the manager
    let gx = if mx < rx {
        report.x - GAP_X / 2
    } else {
        report.x + CARD_W + GAP_X / 2
    };
    let gx = if mx == rx { report.x - GAP_X / 2 } else { gx };
    format!("M{mx} {start}V{first}H{gx}V{last}H{rx}V{end}")
}

/// An influence curve from `from` to `to`: from the right quarter of the facing edge of `from` to
/// the left quarter of the facing edge of `to`; side by side in one row, an arc above the row.
fn influence_path(from: &CardBox, to: &CardBox) -> String {
    let sx = from.x + CARD_W * 3 / 4;
    let ex = to.x + CARD_W / 4;
    if from.row == to.row {
        let lift = GAP_Y * 2 / 3;
        let (sy, ey) = (from.y, to.y);
        return format!("M{sx} {sy}C{sx} {} {ex} {} {ex} {ey}", sy - lift, ey - lift);
    }
    let (sy, ey) = if to.row > from.row {
        (from.bottom(), to.y)
    } else {
        (from.y, to.bottom())
    };
    let my = (sy + ey) / 2;
    format!("M{sx} {sy}C{sx} {my} {ex} {my} {ex} {ey}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn person(key: &str, level: u8) -> MapPerson {
        MapPerson {
            key: key.to_string(),
            level,
        }
    }

    fn link(from: &str, to: &str, kind: LinkKind) -> MapLink {
        MapLink {
            from: from.to_string(),
            to: to.to_string(),
            kind,
        }
    }

    fn reports(from: &str, to: &str) -> MapLink {
        link(from, to, LinkKind::ReportsTo)
    }

    /// Two cards keep at least the gaps between them.
    fn apart(a: &CardBox, b: &CardBox) -> bool {
        a.x + CARD_W + GAP_X <= b.x
            || b.x + CARD_W + GAP_X <= a.x
            || a.y + CARD_H + GAP_Y <= b.y
            || b.y + CARD_H + GAP_Y <= a.y
    }

    fn check_layout(people: &[MapPerson], links: &[MapLink]) -> Result<(), TestCaseError> {
        let map = layout(people, links);
        prop_assert_eq!(map.cards.len(), people.len());
        for (i, a) in map.cards.iter().enumerate() {
            prop_assert!(
                a.x >= LEFT && a.x + CARD_W <= map.width,
                "{:?} outside {}",
                a,
                map.width
            );
            prop_assert!(
                a.y >= 0 && a.y + CARD_H <= map.height,
                "{:?} outside {}",
                a,
                map.height
            );
            let band = map.bands[usize::from(people[i].level).min(2)];
            prop_assert!(a.y >= band.y && a.bottom() <= band.y + band.height);
            for b in &map.cards[i + 1..] {
                prop_assert!(apart(a, b), "{:?} overlaps {:?}", a, b);
            }
        }
        for l in &map.links {
            prop_assert!(l.from < people.len() && l.to < people.len() && l.from != l.to);
        }
        let mut per_level = [0; LEVELS];
        for p in people {
            per_level[usize::from(p.level).min(LEVELS - 1)] += 1;
        }
        let cols = per_level.into_iter().max().unwrap_or(0).clamp(1, MAX_COLS);
        prop_assert_eq!(
            map.width,
            col_x(cols),
            "as wide as the widest band, up to MAX_COLS"
        );
        prop_assert_eq!(&layout(people, links), &map, "same input, same map");
        Ok(())
    }

    fn people_and_links() -> impl Strategy<Value = (Vec<MapPerson>, Vec<MapLink>)> {
        proptest::collection::vec(0u8..5, 0..=30).prop_flat_map(|levels| {
            let n = levels.len();
            let people: Vec<MapPerson> = levels
                .iter()
                .enumerate()
                .map(|(i, &l)| person(&format!("p{i}"), l))
                .collect();
            // keys up to n + 2: some links name people who are not on the map
            let ends = 0..n + 3;
            let links = proptest::collection::vec((ends.clone(), ends, any::<bool>()), 0..40)
                .prop_map(|links| {
                    links
                        .into_iter()
                        .map(|(a, b, r)| {
                            let kind = if r {
                                LinkKind::ReportsTo
                            } else {
                                LinkKind::Influences
                            };
                            link(&format!("p{a}"), &format!("p{b}"), kind)
                        })
                        .collect::<Vec<_>>()
                });
            (Just(people), links)
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]
        #[test]
        fn cards_never_overlap_stay_in_their_band_and_the_map_is_deterministic(
            (people, links) in people_and_links()
        ) {
            check_layout(&people, &links)?;
        }
    }

    #[test]
    fn thirty_people_on_one_level_wrap_into_five_rows_of_six() {
        let people: Vec<MapPerson> = (0..30).map(|i| person(&format!("p{i}"), 1)).collect();
        let map = layout(&people, &[]);
        assert_eq!(map.width, col_x(MAX_COLS));
        let rows: std::collections::BTreeSet<usize> = map.cards.iter().map(|c| c.row).collect();
        assert_eq!(rows.len(), 5);
        assert_eq!(map.bands[1].height, 2 * PAD_Y + 5 * CARD_H + 4 * GAP_Y);
        assert_eq!(map.bands[0].height, EMPTY_H);
        assert_eq!(map.height, 2 * EMPTY_H + map.bands[1].height);
        check_layout(&people, &[]).unwrap();
    }

    #[test]
    fn reports_sit_under_their_manager_and_the_line_runs_from_bottom_to_top() {
        // input order puts the CTO's report before the CEO's
        let people = [
            person("ceo", 0),
            person("cto", 0),
            person("dev", 1),
            person("fin", 1),
            person("ops", 2),
        ];
        let links = [
            reports("dev", "cto"),
            reports("fin", "ceo"),
            reports("ops", "dev"),
        ];
        let map = layout(&people, &links);
        let c = &map.cards;
        assert!(c[3].x < c[2].x, "the CEO's report comes first: {c:?}");
        assert_eq!(c[2].col, c[1].col, "dev under the CTO");
        assert_eq!(c[3].col, c[0].col, "fin under the CEO");
        assert_eq!(c[4].col, c[2].col, "ops under dev");
        let line = map.links.iter().find(|l| l.from == 2).unwrap();
        assert_eq!((line.to, line.kind), (1, LinkKind::ReportsTo));
        let lane = c[1].bottom() + GAP_Y / 2 + (c[1].col % 3) as i32 * 6 - 6;
        assert_eq!(
            line.d,
            format!(
                "M{} {}V{lane}H{}V{}",
                c[1].centre_x(),
                c[1].bottom(),
                c[2].centre_x(),
                c[2].y
            )
        );
    }

    #[test]
    fn several_reports_are_centred_under_their_manager() {
        let mut people = vec![person("boss", 0), person("other", 0), person("third", 0)];
        people.extend((0..3).map(|i| person(&format!("r{i}"), 1)));
        let links: Vec<MapLink> = (0..3).map(|i| reports(&format!("r{i}"), "other")).collect();
        let map = layout(&people, &links);
        assert_eq!(map.cards[1].col, 1);
        let cols: Vec<usize> = map.cards[3..].iter().map(|c| c.col).collect();
        assert_eq!(cols, [0, 1, 2]);
    }

    #[test]
    fn a_line_that_skips_a_row_runs_down_a_lane_between_columns() {
        let people = [person("ceo", 0), person("clerk", 2), person("mid", 1)];
        let map = layout(&people, &[reports("clerk", "ceo")]);
        let d = &map.links[0].d;
        let lane_x = map.cards[1].x - GAP_X / 2;
        assert!(d.contains(&format!("H{lane_x}V")), "{d}");
        // no vertical segment crosses a card: every x the path runs down is outside all cards
        assert!(map
            .cards
            .iter()
            .all(|c| lane_x < c.x || lane_x > c.x + CARD_W));
    }

    #[test]
    fn links_with_missing_ends_self_links_and_repeats_are_dropped() {
        let people = [person("a", 0), person("b", 1)];
        let links = [
            reports("b", "a"),
            reports("b", "a"),
            reports("b", "gone"),
            link("nobody", "a", LinkKind::Influences),
            link("a", "a", LinkKind::Influences),
            link("a", "b", LinkKind::Influences),
        ];
        let map = layout(&people, &links);
        let kept: Vec<(LinkKind, usize, usize)> =
            map.links.iter().map(|l| (l.kind, l.from, l.to)).collect();
        assert_eq!(
            kept,
            [(LinkKind::ReportsTo, 1, 0), (LinkKind::Influences, 0, 1)]
        );
        assert!(map.links[1].d.contains('C'), "influence is a curve");
    }

    #[test]
    fn an_empty_map_has_three_empty_bands() {
        let map = layout(&[], &[person_link()]);
        assert!(map.cards.is_empty() && map.links.is_empty());
        assert_eq!(map.bands.len(), 3);
        assert_eq!((map.width, map.height), (col_x(1), 3 * EMPTY_H));
    }

    fn person_link() -> MapLink {
        reports("x", "y")
    }
}
