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
    /// The people (indices into the input) in reading order: band by band, row by row, left to
    /// right; a table of the map lists them in this order.
    pub order: Vec<usize>,
}

/// The x of column `col`'s left edge.
pub fn col_x(col: usize) -> i32 {
    LEFT + col as i32 * (CARD_W + GAP_X)
}

/// Lays out `people` and the `links` between them. Links naming a key that is not on the map,
/// or joining a person to themselves, are left out; when two people share a key, links go to the
/// first.
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
    // the first manager of each person (a second one only gets its line)
    let mut manager: Vec<Option<usize>> = vec![None; people.len()];
    for &(kind, from, to) in joined.iter().rev() {
        if kind == LinkKind::ReportsTo {
            manager[from] = Some(to);
        }
    }

    let widest = (0..LEVELS)
        .map(|l| (0..people.len()).filter(|&i| level(i) == l).count())
        .max()
        .unwrap_or(0);
    let cols = widest.clamp(1, MAX_COLS);

    let mut cards: Vec<Option<CardBox>> = vec![None; people.len()];
    // everyone placed so far, in reading order
    let mut order: Vec<usize> = Vec::with_capacity(people.len());
    let mut bands = Vec::with_capacity(LEVELS);
    let mut row = 0usize;
    let mut y = 0;
    for l in 0..LEVELS {
        let upper = |i: usize| manager[i].filter(|&m| level(m) < l);
        // the reports of people placed above, in their managers' order; then the others
        let mut members: Vec<usize> = Vec::new();
        for &m in &order {
            members.extend((0..people.len()).filter(|&i| level(i) == l && upper(i) == Some(m)));
        }
        members.extend((0..people.len()).filter(|&i| level(i) == l && upper(i).is_none()));
        order.extend(&members);
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
        order,
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
        // as high as the padding above a band's top row, so that the arc stays on the map
        let lift = PAD_Y;
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
