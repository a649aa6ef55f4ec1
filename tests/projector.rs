//! Projector mode natively: the order of the slides, the moves through them, the reveal of a
//! deal, the keys, and the page address that keeps the place across a reload.
mod common;

use common::{later, plan_with, session_with, set_status, today};
use keyplan::domain::workshop::compare::{compare, RowKey, TableFile, TableKey};
use keyplan::domain::{DealId, DealStatus, Stage};
use keyplan::session::projector::{
    key_verb, CompareSlide, Deck, Nav, Present, Reveal, Slide, QUESTIONS, TABLES_PER_SLIDE,
};
use keyplan::session::{Action, Workshop, WorkshopEdit};
use std::rc::Rc;

fn deck() -> Deck {
    // b is closed: it comes after the open deals; a and c by stage
    let mut plan = plan_with(&[
        ("a", 5, Stage::P3),
        ("b", 9, Stage::P1),
        ("c", 7, Stage::P0),
    ]);
    set_status(
        &mut plan,
        &DealId::new("b"),
        DealStatus::Lost,
        today(),
        later(1),
    );
    Deck::of(&plan)
}

fn deal(id: &str, reveal: Reveal) -> Slide {
    Slide::Deal(DealId::new(id), reveal)
}

#[test]
fn the_deals_come_open_first_by_stage_then_the_closed_ones() {
    let ids: Vec<_> = deck()
        .deals
        .iter()
        .map(|d| d.as_str().to_string())
        .collect();
    assert_eq!(ids, ["c", "a", "b"]);
}

#[test]
fn next_walks_every_slide_and_every_reveal_step_in_order_and_back_returns() {
    let deck = deck();
    let mut slides = vec![Slide::Cycles];
    loop {
        let next = deck.go(slides.last().unwrap(), Nav::Next);
        if &next == slides.last().unwrap() {
            break;
        }
        slides.push(next);
    }
    let mut expected = vec![Slide::Cycles];
    expected.extend(Stage::ALL.map(Slide::Stage));
    for id in ["c", "a", "b"] {
        expected.extend(Reveal::ALL.map(|r| deal(id, r)));
    }
    expected.extend((0..QUESTIONS).map(Slide::Question));
    assert_eq!(slides, expected);
    // back retraces the same path, step by step
    for pair in expected.windows(2) {
        assert_eq!(deck.go(&pair[1], Nav::Back), pair[0]);
    }
    assert_eq!(deck.go(&Slide::Cycles, Nav::Back), Slide::Cycles);
}

#[test]
fn up_and_down_jump_between_parts_and_home_and_end_stay_in_the_part() {
    let deck = deck();
    let middle = Slide::Stage(Stage::P4);
    assert_eq!(deck.go(&middle, Nav::NextPart), deal("c", Reveal::Facts));
    assert_eq!(deck.go(&middle, Nav::BackPart), Slide::Cycles);
    assert_eq!(deck.go(&middle, Nav::First), Slide::Stage(Stage::P0));
    assert_eq!(deck.go(&middle, Nav::Last), Slide::Stage(Stage::P7));
    assert_eq!(
        deck.go(&deal("a", Reveal::Map), Nav::Last),
        deal("b", Reveal::Facts)
    );
    assert_eq!(
        deck.go(&deal("a", Reveal::Evidence), Nav::First),
        deal("c", Reveal::Facts)
    );
    assert_eq!(
        deck.go(&deal("a", Reveal::Gates), Nav::NextPart),
        Slide::Question(0)
    );
    assert_eq!(
        deck.go(&Slide::Question(3), Nav::BackPart),
        deal("c", Reveal::Facts)
    );
    assert_eq!(
        deck.go(&Slide::Question(3), Nav::NextPart),
        Slide::Question(3)
    );
    assert_eq!(deck.position(&deal("a", Reveal::Map)), Some((2, 3)));
    assert_eq!(
        deck.position(&Slide::Stage(Stage::P7)),
        Some((8, Stage::ALL.len()))
    );
}

#[test]
fn a_plan_without_deals_skips_the_deals_part() {
    let deck = Deck::of(&plan_with(&[]));
    assert_eq!(
        deck.go(&Slide::Stage(Stage::P7), Nav::Next),
        Slide::Question(0)
    );
    assert_eq!(
        deck.go(&Slide::Question(0), Nav::Back),
        Slide::Stage(Stage::P7)
    );
    assert_eq!(
        deck.go(&Slide::Question(0), Nav::BackPart),
        Slide::Stage(Stage::P0)
    );
}

#[test]
fn a_slide_the_deck_lacks_falls_back_to_the_first() {
    let deck = deck();
    let gone = deal("deleted", Reveal::Map);
    assert_eq!(deck.fit(&gone), Slide::Cycles);
    assert_eq!(deck.go(&gone, Nav::Next), Slide::Cycles);
    assert_eq!(deck.fit(&Slide::Question(QUESTIONS)), Slide::Cycles);
    assert_eq!(
        deck.fit(&deal("a", Reveal::Gates)),
        deal("a", Reveal::Gates)
    );
}

#[test]
fn every_slide_round_trips_through_the_address() {
    let mut slides = vec![
        Slide::Cycles,
        deal("d-m3x9q1-a7", Reveal::Evidence),
        deal("第3组/案例#1 %x", Reveal::Map),
        deal("a", Reveal::Facts),
        deal("a", Reveal::Strategies),
    ];
    slides.extend(Stage::ALL.map(Slide::Stage));
    slides.extend((0..QUESTIONS).map(Slide::Question));
    for slide in slides {
        let hash = slide.to_hash();
        assert!(!hash[1..].contains('#'), "{hash}");
        assert_eq!(Slide::from_hash(&hash), Some(slide.clone()), "{hash}");
    }
    assert_eq!(
        deal("d-1/2", Reveal::Gates).to_hash(),
        "#projector/deal/d-1%2F2/1"
    );
    assert_eq!(Slide::Question(0).to_hash(), "#projector/question/1");
}

#[test]
fn other_and_junk_addresses_are_ignored_safely() {
    for other in ["", "#", "#main", "#projectors", "#/projector", "projection"] {
        assert_eq!(Slide::from_hash(other), None, "{other}");
    }
    // projector mode's, naming no slide it has: the first slide
    for junk in [
        "#projector/",
        "#projector/stage/P8",
        "#projector/stage/p3x",
        "#projector/question/0",
        "#projector/question/7",
        "#projector/question/-1",
        "#projector/deal/",
        "#projector/deal/a%2",
        "#projector/deal/a%zz/1",
        "#projector/deal/%FF%FE/1",
        "#projector/slide/9",
        "#projector/stage/P3/extra",
    ] {
        assert_eq!(Slide::from_hash(junk), Some(Slide::Cycles), "{junk}");
    }
    assert_eq!(Slide::from_hash("#projector"), Some(Slide::Cycles));
    // a reveal step beyond the last shows all; one that is not a number shows the facts
    assert_eq!(
        Slide::from_hash("#projector/deal/a/99"),
        Some(deal("a", Reveal::Strategies))
    );
    assert_eq!(
        Slide::from_hash("#projector/deal/a/x"),
        Some(deal("a", Reveal::Facts))
    );
    assert_eq!(
        Slide::from_hash("projector/stage/P2"),
        Some(Slide::Stage(Stage::P2))
    );
}

#[test]
fn keys_toggle_and_move_only_while_projector_mode_is_on() {
    assert_eq!(key_verb("p", false), Some(Present::Toggle));
    assert_eq!(key_verb("P", true), Some(Present::Toggle));
    assert_eq!(key_verb("Escape", true), Some(Present::Leave));
    assert_eq!(key_verb("Escape", false), None);
    assert_eq!(key_verb("ArrowRight", false), None);
    for (key, nav) in [
        ("ArrowRight", Nav::Next),
        (" ", Nav::Next),
        ("PageDown", Nav::Next),
        ("ArrowLeft", Nav::Back),
        ("PageUp", Nav::Back),
        ("ArrowDown", Nav::NextPart),
        ("ArrowUp", Nav::BackPart),
        ("Home", Nav::First),
        ("End", Nav::Last),
    ] {
        assert_eq!(key_verb(key, true), Some(Present::Go(nav)), "{key}");
    }
    assert_eq!(key_verb("q", true), None);
}

#[test]
fn the_reducer_opens_moves_and_leaves_and_never_over_a_dialog() {
    let plan = plan_with(&[("a", 5, Stage::P3), ("c", 7, Stage::P0)]);
    let start = session_with(plan);
    assert_eq!(start.clone().reduce(Action::Present(Present::Leave)), start);
    let moved = start
        .clone()
        .reduce(Action::Present(Present::Go(Nav::Next)));
    assert!(
        std::rc::Rc::ptr_eq(&moved, &start),
        "moves nothing while off"
    );

    let on = start.clone().reduce(Action::Present(Present::Toggle));
    assert_eq!(on.projector, Some(Slide::Cycles));
    assert_eq!(on.revision, start.revision, "the plan is not saved for it");
    let on = on.reduce(Action::Present(Present::Go(Nav::NextPart)));
    let on = on.reduce(Action::Present(Present::Go(Nav::NextPart)));
    assert_eq!(on.projector, Some(deal("c", Reveal::Facts)));
    let on = on.reduce(Action::Present(Present::Go(Nav::Next)));
    assert_eq!(on.projector, Some(deal("c", Reveal::Gates)));
    let off = on.reduce(Action::Present(Present::Leave));
    assert_eq!(off.projector, None);

    // an open dialog stays: the slides would replace it, and what was typed in it
    for dialog in [
        Action::OpenDeal(DealId::new("a")),
        Action::NewDeal(DealId::new("n")),
    ] {
        let open = start.clone().reduce(dialog);
        let toggled = open.clone().reduce(Action::Present(Present::Toggle));
        assert!(
            Rc::ptr_eq(&open, &toggled),
            "refused while a dialog is open"
        );
        assert_eq!(toggled.projector, None);
        assert!(toggled.dialog.is_some());
    }
}

#[test]
fn the_deck_questions_and_its_btc_btb_table_are_there_in_both_languages() {
    use keyplan::i18n::Lang;
    let (zh, en) = (Lang::Zh, Lang::En);
    for lang in [zh, en] {
        let questions = lang.workshop_questions();
        assert!(questions.iter().all(|q| q.trim().len() > 10), "{lang:?}");
        let (title, rows) = lang.btc_btb();
        assert!(!title.is_empty());
        assert_eq!(rows[0][1..], ["BTC", "BTB"], "the deck's column heads");
        assert!(rows[1..].iter().flatten().all(|cell| !cell.is_empty()));
    }
    // the deck's own words in Chinese, a translation in English
    assert!(zh.workshop_questions()[0].starts_with("你认为大客户营销成功的关键点"));
    assert_eq!(zh.btc_btb().1[5], ["采购决策链", "短", "长"]);
    for (z, e) in zh.workshop_questions().iter().zip(en.workshop_questions()) {
        assert_ne!(*z, e);
    }
}

/// `n` tables of the same three deals: the first table stages "a" higher than the others, every
/// other table stages "c" higher; "b" is the same everywhere.
fn tables(n: usize) -> Vec<TableFile> {
    (0..n)
        .map(|i| {
            let a = if i == 0 { Stage::P3 } else { Stage::P1 };
            let c = if i % 2 == 0 { Stage::P0 } else { Stage::P2 };
            TableFile {
                file: format!("{i}.json"),
                plan: plan_with(&[("a", 5, a), ("b", 9, Stage::P1), ("c", 7, c)]),
            }
        })
        .collect()
}

fn compared(n: usize) -> WorkshopEdit {
    WorkshopEdit::Compared {
        comparison: compare(&tables(n), today(), &chrono::Utc),
        unreadable: Vec::new(),
    }
}

#[test]
fn the_comparison_part_is_there_only_while_a_comparison_is_open() {
    let plan = plan_with(&[("a", 5, Stage::P3)]);
    let start = session_with(plan).reduce(Action::Present(Present::Toggle));
    let last = Slide::Question(QUESTIONS - 1);
    let go = |s: &std::rc::Rc<keyplan::session::Session>, nav| {
        s.clone().reduce(Action::Present(Present::Go(nav)))
    };
    // no comparison: the questions end the presentation
    let end = go(&start, Nav::Last);
    assert_eq!(end.projector, Some(Slide::Cycles), "Last stays in the part");
    let mut on = start.clone();
    for _ in 0..3 {
        on = go(&on, Nav::NextPart);
    }
    assert_eq!(on.projector, Some(Slide::Question(0)));
    assert_eq!(go(&on, Nav::NextPart).projector, Some(Slide::Question(0)));
    let on = go(&on, Nav::Last);
    assert_eq!(on.projector, Some(last.clone()));
    assert_eq!(go(&on, Nav::Next).projector, Some(last.clone()));

    // opened: one more part after the questions, and back from it returns to them
    let open = on.reduce(Action::Workshop(compared(3)));
    let first = go(&open, Nav::Next);
    assert_eq!(first.projector, Some(Slide::Compare(0)));
    assert_eq!(go(&open, Nav::NextPart).projector, Some(Slide::Compare(0)));
    assert_eq!(go(&first, Nav::Back).projector, Some(last.clone()));
    assert_eq!(
        go(&first, Nav::BackPart).projector,
        Some(Slide::Question(0))
    );
    // one summary, two discussion points ("a" and "c")
    assert_eq!(go(&first, Nav::Last).projector, Some(Slide::Compare(2)));
    assert_eq!(
        first.revision, start.revision,
        "the plan is not saved for it"
    );

    // closed while on a comparison slide: the deck falls back to the first slide
    let closed = go(&first, Nav::Last).reduce(Action::Workshop(WorkshopEdit::Close));
    let deck = Deck::of(&closed.plan).comparing(closed.workshop.as_deref());
    assert_eq!(deck.fit(&Slide::Compare(2)), Slide::Cycles);
    assert_eq!(deck.go(&Slide::Compare(0), Nav::Next), Slide::Cycles);
}

fn workshop(n: usize, rows: RowKey) -> Workshop {
    Workshop {
        comparison: std::rc::Rc::new(compare(&tables(n), today(), &chrono::Utc)),
        unreadable: std::rc::Rc::from(Vec::new()),
        tables: TableKey::default(),
        rows,
    }
}

#[test]
fn the_comparison_shows_the_tables_then_its_discussion_points_in_its_order() {
    let plan = plan_with(&[("a", 5, Stage::P3)]);
    // nine tables: two slides of figures; "a" and "c" disagree, "b" does not
    let w = workshop(9, RowKey::Plan);
    let deck = Deck::of(&plan).comparing(Some(&w));
    let ids = |deck: &Deck| -> Vec<String> {
        (deck.points.iter())
            .map(|&r| w.comparison.deals[r].id.as_str().to_string())
            .collect()
    };
    assert_eq!(deck.summaries, 2);
    assert_eq!(ids(&deck), ["a", "c"]);
    let shown: Vec<_> = (0..5).map(|n| deck.compare_slide(n)).collect();
    let (a, c) = (deck.points[0], deck.points[1]);
    assert_eq!(
        shown,
        [
            Some(CompareSlide::Tables(0)),
            Some(CompareSlide::Tables(TABLES_PER_SLIDE)),
            Some(CompareSlide::Point(a)),
            Some(CompareSlide::Point(c)),
            None,
        ]
    );
    let mut walk = vec![Slide::Compare(0)];
    loop {
        let next = deck.go(walk.last().unwrap(), Nav::Next);
        if &next == walk.last().unwrap() {
            break;
        }
        walk.push(next);
    }
    assert_eq!(walk, (0..4).map(Slide::Compare).collect::<Vec<_>>());
    assert_eq!(deck.position(&Slide::Compare(3)), Some((4, 4)));

    // the rows as the trainer sorted them: the widest score spread first
    let w = workshop(3, RowKey::ScoreSpread);
    let sorted = Deck::of(&plan).comparing(Some(&w));
    assert_eq!(sorted.summaries, 1);
    let spread: Vec<u32> = (sorted.points.iter())
        .map(|&r| w.comparison.deals[r].score_spread)
        .collect();
    assert!(spread.windows(2).all(|p| p[0] >= p[1]), "{spread:?}");
}

#[test]
fn a_comparison_slide_round_trips_through_the_address_and_falls_back_without_one() {
    for n in [0, 1, 7, 41] {
        let slide = Slide::Compare(n);
        assert_eq!(slide.to_hash(), format!("#projector/compare/{}", n + 1));
        assert_eq!(Slide::from_hash(&slide.to_hash()), Some(slide));
    }
    for junk in [
        "#projector/compare/0",
        "#projector/compare/",
        "#projector/compare/x",
        "#projector/compare/-1",
        "#projector/compare/2/3",
    ] {
        assert_eq!(Slide::from_hash(junk), Some(Slide::Cycles), "{junk}");
    }
    // after a reload no comparison is open (it is never saved): the first slide, no panic
    let plan = plan_with(&[("a", 5, Stage::P3)]);
    let reloaded = Slide::from_hash("#projector/compare/3").unwrap();
    let deck = Deck::of(&plan);
    assert_eq!(deck.fit(&reloaded), Slide::Cycles);
    assert_eq!(deck.position(&reloaded), None);
    assert_eq!(deck.compare_slide(0), None);
    for nav in [Nav::Next, Nav::Back, Nav::Last, Nav::NextPart] {
        assert_eq!(deck.go(&reloaded, nav), Slide::Cycles);
    }
    // with one open, beyond its last slide: the first slide too
    let w = workshop(3, RowKey::Plan);
    let deck = Deck::of(&plan).comparing(Some(&w));
    assert_eq!(deck.fit(&reloaded), reloaded);
    assert_eq!(deck.fit(&Slide::Compare(3)), Slide::Cycles);
}
