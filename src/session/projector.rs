//! Projector mode: the slides a trainer shows from the plan, where the presentation stands, how
//! the keys move through it, and how the page's address (`#projector/deal/<id>/2`) keeps the
//! place across a reload. Pure: the page reads and writes the address and hears the keys.
//!
//! The slides come in parts, one after another: the three cycles, the stages P0–P7, the deals
//! (each revealed step by step: facts, gates, evidence, map, the team's strategies) and the deck's discussion
//! questions, and while the trainer's comparison of the tables' plans is open, that comparison:
//! the tables' figures, then each discussion point. ←/→ (and Space) step through them in order, ↑/↓ jump between parts, Home/End go
//! to the first or last slide of the part.
use super::Workshop;
use crate::domain::workshop::compare::row_order;
use crate::domain::{DealId, Plan, Stage};

/// How far a deal's slide is revealed: each key press shows one more.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Reveal {
    /// Name, customer, amount, stage.
    Facts,
    /// The gate checklist: which items are met.
    Gates,
    /// The same, with the evidence written for each.
    Evidence,
    /// The 渔网图.
    Map,
    /// The team's strategies for the deal's stage (the deck's "策略1. 策略2.").
    Strategies,
}

impl Reveal {
    pub const ALL: [Reveal; 5] = [
        Reveal::Facts,
        Reveal::Gates,
        Reveal::Evidence,
        Reveal::Map,
        Reveal::Strategies,
    ];
    const LAST: Reveal = Reveal::Strategies;

    pub fn index(self) -> usize {
        self as usize
    }

    fn step(self, forward: bool) -> Option<Reveal> {
        let i = self.index();
        let to = if forward { i + 1 } else { i.checked_sub(1)? };
        Reveal::ALL.get(to).copied()
    }
}

/// The number of the deck's discussion questions (`crate::i18n::Language::workshop_questions`).
pub const QUESTIONS: usize = 6;

/// One slide.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Slide {
    /// The three cycles.
    Cycles,
    /// A stage: its probability, acceptance items and steps.
    Stage(Stage),
    /// A deal, revealed so far.
    Deal(DealId, Reveal),
    /// A discussion question (0-based), with the BTC/BTB comparison beside it.
    Question(usize),
    /// The trainer's comparison (0-based): the tables' figures ([`TABLES_PER_SLIDE`] a slide),
    /// then the discussion points in the comparison's order.
    Compare(usize),
}

/// The tables one slide of the comparison's figures holds (large type, 1024 px wide).
pub const TABLES_PER_SLIDE: usize = 8;

/// The parts of the presentation, in order (the comparison's is empty while none is open).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Part {
    Cycles,
    Stages,
    Deals,
    Questions,
    Compare,
}

const PARTS: [Part; 5] = [
    Part::Cycles,
    Part::Stages,
    Part::Deals,
    Part::Questions,
    Part::Compare,
];

/// A move through the slides.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Nav {
    /// The next reveal step or slide (→, Space, Page Down).
    Next,
    /// The previous one (←, Page Up).
    Back,
    /// The first slide of the next part (↓).
    NextPart,
    /// The first slide of the previous part (↑).
    BackPart,
    /// The first slide of this part (Home).
    First,
    /// The last slide of this part (End).
    Last,
}

/// What turns projector mode on or off, or moves in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Present {
    Toggle,
    Leave,
    Go(Nav),
}

/// The verb a key asks for: `p` turns projector mode on or off, and while it is on, Esc leaves
/// it and the arrows, Space, Page Up/Down, Home and End move. `key` is the browser's
/// `KeyboardEvent.key`; the page asks only when no field has the focus.
pub fn key_verb(key: &str, on: bool) -> Option<Present> {
    let nav = match key {
        "p" | "P" => return Some(Present::Toggle),
        "Escape" => Present::Leave,
        "ArrowRight" | " " | "PageDown" => Present::Go(Nav::Next),
        "ArrowLeft" | "PageUp" => Present::Go(Nav::Back),
        "ArrowDown" => Present::Go(Nav::NextPart),
        "ArrowUp" => Present::Go(Nav::BackPart),
        "Home" => Present::Go(Nav::First),
        "End" => Present::Go(Nav::Last),
        _ => return None,
    };
    on.then_some(nav)
}

/// The deals the presentation shows, in order: open deals by stage, then the closed ones, each
/// group in the plan's order; and the open comparison's slides.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Deck {
    pub deals: Vec<DealId>,
    /// The comparison's slides of the tables' figures (none without a comparison).
    pub summaries: usize,
    /// The discussion points (indices into the comparison's deals), in the order the trainer
    /// sorted the rows.
    pub points: Vec<usize>,
}

/// What a comparison slide shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompareSlide {
    /// The tables from this index (into the trainer's order of the tables) on.
    Tables(usize),
    /// The discussion point at this index of the comparison's deals.
    Point(usize),
}

/// A slide's place: its part, its index in the part, and a deal's reveal.
type Place = (usize, usize, Reveal);

impl Deck {
    pub fn of(plan: &Plan) -> Deck {
        // sixteen passes rather than a sort: no sorting code for the download to carry
        let mut deals = Vec::with_capacity(plan.deals.len());
        for open in [true, false] {
            for stage in Stage::ALL {
                deals.extend(
                    (plan.deals.iter())
                        .filter(|d| d.is_open() == open && d.stage == stage)
                        .map(|d| d.id.clone()),
                );
            }
        }
        Deck {
            deals,
            summaries: 0,
            points: Vec::new(),
        }
    }

    /// The deck with the open comparison's part.
    pub fn comparing(mut self, workshop: Option<&Workshop>) -> Deck {
        if let Some(w) = workshop {
            let c = &w.comparison;
            self.summaries = c.tables.len().div_ceil(TABLES_PER_SLIDE);
            self.points = row_order(c, w.rows)
                .into_iter()
                .filter(|&r| c.deals[r].disagree.any())
                .collect();
        }
        self
    }

    /// What the comparison's slide `n` shows; `None` beyond its last.
    pub fn compare_slide(&self, n: usize) -> Option<CompareSlide> {
        match n.checked_sub(self.summaries) {
            None => Some(CompareSlide::Tables(n * TABLES_PER_SLIDE)),
            Some(p) => self.points.get(p).map(|&row| CompareSlide::Point(row)),
        }
    }

    fn len(&self, part: usize) -> usize {
        match PARTS.get(part) {
            Some(Part::Cycles) => 1,
            Some(Part::Stages) => Stage::ALL.len(),
            Some(Part::Deals) => self.deals.len(),
            Some(Part::Questions) => QUESTIONS,
            Some(Part::Compare) => self.summaries + self.points.len(),
            None => 0,
        }
    }

    fn place(&self, slide: &Slide) -> Option<Place> {
        Some(match slide {
            Slide::Cycles => (0, 0, Reveal::Facts),
            Slide::Stage(stage) => (1, stage.index(), Reveal::Facts),
            Slide::Deal(id, reveal) => (2, self.deals.iter().position(|d| d == id)?, *reveal),
            Slide::Question(n) if *n < QUESTIONS => (3, *n, Reveal::Facts),
            Slide::Question(_) => return None,
            Slide::Compare(n) if *n < self.len(4) => (4, *n, Reveal::Facts),
            Slide::Compare(_) => return None,
        })
    }

    fn slide(&self, (part, index, reveal): Place) -> Slide {
        match PARTS[part] {
            Part::Cycles => Slide::Cycles,
            Part::Stages => Slide::Stage(Stage::ALL[index]),
            Part::Deals => Slide::Deal(self.deals[index].clone(), reveal),
            Part::Questions => Slide::Question(index),
            Part::Compare => Slide::Compare(index),
        }
    }

    /// `slide` when the deck has it; else the first slide (a deal deleted since, a question
    /// beyond the last).
    pub fn fit(&self, slide: &Slide) -> Slide {
        match self.place(slide) {
            Some(_) => slide.clone(),
            None => Slide::Cycles,
        }
    }

    /// Where `nav` leads from `slide`; the same slide at either end.
    pub fn go(&self, slide: &Slide, nav: Nav) -> Slide {
        let Some((part, index, reveal)) = self.place(slide) else {
            return Slide::Cycles;
        };
        let deal = PARTS[part] == Part::Deals;
        let first_of = |part: usize| (part, 0, Reveal::Facts);
        let next_part = (part + 1..PARTS.len()).find(|&p| self.len(p) > 0);
        let prev_part = (0..part).rev().find(|&p| self.len(p) > 0);
        let place = match nav {
            Nav::Next => match reveal.step(true).filter(|_| deal) {
                Some(more) => Some((part, index, more)),
                None if index + 1 < self.len(part) => Some((part, index + 1, Reveal::Facts)),
                None => next_part.map(first_of),
            },
            Nav::Back => match reveal.step(false).filter(|_| deal) {
                Some(less) => Some((part, index, less)),
                None if index > 0 => Some((part, index - 1, Reveal::LAST)),
                None => prev_part.map(|p| (p, self.len(p) - 1, Reveal::LAST)),
            },
            Nav::NextPart => next_part.map(first_of),
            Nav::BackPart => prev_part.map(first_of),
            Nav::First => Some(first_of(part)),
            Nav::Last => Some((part, self.len(part) - 1, Reveal::Facts)),
        };
        place.map_or_else(|| slide.clone(), |p| self.slide(p))
    }

    /// `n` of `total` in the slide's part (1-based), for the position shown under a slide.
    pub fn position(&self, slide: &Slide) -> Option<(usize, usize)> {
        let (part, index, _) = self.place(slide)?;
        Some((index + 1, self.len(part)))
    }
}

impl Slide {
    /// The page address's fragment for this slide: `#projector`, `#projector/stage/P3`,
    /// `#projector/deal/<id>/2`, `#projector/question/4`, `#projector/compare/2` (1-based).
    pub fn to_hash(&self) -> String {
        match self {
            Slide::Cycles => "#projector".to_string(),
            Slide::Stage(stage) => format!("#projector/stage/{}", stage.code()),
            Slide::Deal(id, reveal) => {
                format!("#projector/deal/{}/{}", encode(id.as_str()), reveal.index())
            }
            Slide::Question(n) => format!("#projector/question/{}", n + 1),
            Slide::Compare(n) => format!("#projector/compare/{}", n + 1),
        }
    }

    /// The slide an address's fragment names; `None` when it is not projector mode's. A
    /// fragment of projector mode that names no slide opens on the first.
    pub fn from_hash(hash: &str) -> Option<Slide> {
        let mut parts = hash.strip_prefix('#').unwrap_or(hash).split('/');
        if parts.next() != Some("projector") {
            return None;
        }
        let slide = match (parts.next(), parts.next(), parts.next()) {
            (Some("stage"), Some(code), None) => Stage::parse(code).map(Slide::Stage),
            (Some("deal"), Some(id), reveal) if !id.is_empty() => decode(id).map(|id| {
                let step = reveal.and_then(|r| r.parse::<usize>().ok()).unwrap_or(0);
                Slide::Deal(DealId::new(id), Reveal::ALL[step.min(Reveal::LAST.index())])
            }),
            (Some("question"), Some(n), None) => n
                .parse::<usize>()
                .ok()
                .filter(|n| (1..=QUESTIONS).contains(n))
                .map(|n| Slide::Question(n - 1)),
            (Some("compare"), Some(n), None) => n
                .parse::<usize>()
                .ok()
                .and_then(|n| n.checked_sub(1))
                .map(Slide::Compare),
            _ => None,
        };
        Some(slide.unwrap_or(Slide::Cycles))
    }
}

/// `%XX` for every byte but letters, digits, `-`, `_` and `.`.
fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The text [`encode`] wrote; `None` for a broken escape or bytes that are not UTF-8.
fn decode(text: &str) -> Option<String> {
    let b = text.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let hex = b
                .get(i + 1..i + 3)
                .filter(|h| h.iter().all(u8::is_ascii_hexdigit))?;
            out.push(u8::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok()?);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

impl super::Session {
    /// The state after a projector verb, or `None` when it changes nothing. Projector mode
    /// opens on the first slide; it stays shut while the stored plan cannot be read, and while a
    /// dialog is open (the slides replace the page, and what was typed in the dialog would go).
    pub(super) fn present(&self, verb: Present) -> Option<super::Session> {
        let projector = match (verb, &self.projector) {
            (Present::Toggle, None) if !self.is_blocked() && self.dialog.is_none() => {
                Some(Slide::Cycles)
            }
            (Present::Toggle | Present::Leave, Some(_)) => None,
            (Present::Go(nav), Some(slide)) => Some(
                Deck::of(&self.plan)
                    .comparing(self.workshop.as_deref())
                    .go(slide, nav),
            ),
            _ => return None,
        };
        (projector != self.projector).then(|| super::Session {
            projector,
            ..self.clone()
        })
    }
}
