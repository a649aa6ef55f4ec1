//! The 渔网图's layout: cards in bands by level that never overlap (up to 30 people and more),
//! reports under their managers, lines along lanes, missing ends dropped, the same map every time.
use keyplan::chart::people_map::{
    col_x, layout, CardBox, LinkKind, MapLink, MapPerson, CARD_H, CARD_W, EMPTY_H, GAP_X, GAP_Y,
    LEFT, LEVELS, MAX_COLS, PAD_Y,
};
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

/// The points a path visits, command by command: `M`, `H`, `V`, `C` with whole numbers only.
fn points(d: &str) -> Vec<(char, Vec<i32>)> {
    let mut out: Vec<(char, Vec<i32>)> = Vec::new();
    let mut number = String::new();
    for c in d.chars().chain(std::iter::once('Z')) {
        if c == '-' || c.is_ascii_digit() {
            number.push(c);
            continue;
        }
        if !number.is_empty() {
            out.last_mut()
                .expect("a command first")
                .1
                .push(number.parse().unwrap());
            number.clear();
        }
        if c.is_ascii_alphabetic() && c != 'Z' {
            out.push((c, Vec::new()));
        }
    }
    out
}

/// Every point of every line is on the map, and no reports-to segment runs through a card.
fn check_lines(people: &[MapPerson], links: &[MapLink]) -> Result<(), TestCaseError> {
    let map = layout(people, links);
    for line in &map.links {
        let mut at = (0, 0);
        for (command, numbers) in points(&line.d) {
            let next = match (command, numbers.as_slice()) {
                ('M', &[x, y]) => (x, y),
                ('H', &[x]) => (x, at.1),
                ('V', &[y]) => (at.0, y),
                ('C', &[x1, y1, x2, y2, x, y]) => {
                    for (cx, cy) in [(x1, y1), (x2, y2)] {
                        prop_assert!(
                            cx >= 0 && cx <= map.width && cy >= 0 && cy <= map.height,
                            "{}",
                            line.d
                        );
                    }
                    (x, y)
                }
                other => return Err(TestCaseError::fail(format!("{other:?} in {}", line.d))),
            };
            prop_assert!(
                next.0 >= 0 && next.0 <= map.width && next.1 >= 0 && next.1 <= map.height,
                "{} off the map",
                line.d
            );
            if line.kind == LinkKind::ReportsTo && command != 'M' {
                let (x0, x1) = (at.0.min(next.0), at.0.max(next.0));
                let (y0, y1) = (at.1.min(next.1), at.1.max(next.1));
                for c in &map.cards {
                    let through = x1 > c.x && x0 < c.x + CARD_W && y1 > c.y && y0 < c.y + CARD_H;
                    prop_assert!(!through, "{} runs through {:?}", line.d, c);
                }
            }
            at = next;
        }
    }
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
        let links = proptest::collection::vec((ends.clone(), ends, any::<bool>()), 0..40).prop_map(
            |links| {
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
            },
        );
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

    #[test]
    fn lines_stay_on_the_map_and_reports_to_lines_never_run_through_a_card(
        (people, links) in people_and_links()
    ) {
        check_lines(&people, &links)?;
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

#[test]
fn a_manager_below_the_report_joins_from_its_top_and_side_by_side_under_the_row() {
    // the data says a top-level person reports to an operational one, and two peers report to
    // each other
    let people = [person("boss", 0), person("clerk", 2), person("peer", 2)];
    let map = layout(
        &people,
        &[reports("boss", "clerk"), reports("peer", "clerk")],
    );
    let (boss, clerk, peer) = (map.cards[0], map.cards[1], map.cards[2]);
    let up = &map.links[0].d;
    assert!(
        up.starts_with(&format!("M{} {}V", clerk.centre_x(), clerk.y)),
        "{up}"
    );
    assert!(
        up.ends_with(&format!("H{}V{}", boss.centre_x(), boss.bottom())),
        "{up}"
    );
    let side = &map.links[1].d;
    assert!(
        side.starts_with(&format!("M{} {}V", clerk.centre_x(), clerk.bottom())),
        "{side}"
    );
    assert!(
        side.ends_with(&format!("H{}V{}", peer.centre_x(), peer.bottom())),
        "{side}"
    );
    check_lines(
        &people,
        &[reports("boss", "clerk"), reports("peer", "clerk")],
    )
    .unwrap();
}
