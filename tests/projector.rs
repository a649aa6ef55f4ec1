//! Projector mode natively: the order of the slides, the moves through them, the reveal of a
//! deal, the keys, and the page address that keeps the place across a reload.
mod common;

use common::{later, plan_with, session_with, set_status, today};
use keyplan::domain::{DealId, DealStatus, Stage};
use keyplan::session::projector::{key_verb, Deck, Nav, Present, Reveal, Slide, QUESTIONS};
use std::rc::Rc;

use keyplan::session::Action;

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
